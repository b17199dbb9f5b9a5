//! Year-over-year comparison: each result against the unit's latest earlier
//! result on the same index, when the two groups are comparable.

use std::collections::BTreeMap;

use super::derive;
use super::{Change, NoComparison, Table};
use crate::data::schema::GroupDef;

/// Compares each result with the unit's latest earlier result on the same
/// index: a change when that result was ranked in the same or a comparable
/// group, otherwise the reason there is none.
pub(super) fn derive_changes(tables: &mut [Table], groups: &[GroupDef]) {
    // (index, unit) -> [(year, group, table, row)], ascending.
    type Entry = (i32, usize, usize, usize);
    let mut history: BTreeMap<(usize, usize), Vec<Entry>> = BTreeMap::new();
    for (t, table) in tables.iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            history.entry((table.index, row.unit)).or_default().push((
                table.year,
                table.group,
                t,
                r,
            ));
        }
    }
    let comparable = |a: usize, b: usize| {
        a == b
            || groups[a].comparable_with.contains(&groups[b].id)
            || groups[b].comparable_with.contains(&groups[a].id)
    };
    for entries in history.values_mut() {
        entries.sort_unstable();
        for (n, &(year, group, ct, cr)) in entries.iter().enumerate() {
            if tables[ct].rows[cr].not_ranked.is_some() {
                continue;
            }
            // The latest earlier year; within it, the same group if present.
            let previous = entries[..n].iter().rev().take_while(|e| e.0 < year).fold(
                None::<&Entry>,
                |best, e| match best {
                    Some(b) if b.0 > e.0 || (b.0 == e.0 && b.1 == group) => Some(b),
                    _ => Some(e),
                },
            );
            let outcome = match previous {
                None => Err(NoComparison::FirstResult),
                Some(&(py, pg, _, _)) if !comparable(pg, group) => Err(NoComparison::OtherGroup {
                    year: py,
                    group: groups[pg].name.clone(),
                }),
                Some(&(py, _, pt, pr)) => {
                    let before = &tables[pt].rows[pr];
                    if before.not_ranked.is_some() {
                        Err(NoComparison::NotRankedThen { year: py })
                    } else {
                        let now = &tables[ct].rows[cr];
                        Ok(Change {
                            previous_year: py,
                            previous_rank: before.rank,
                            rank_delta: before
                                .rank
                                .zip(now.rank)
                                .map(|(p, c)| derive::rank_delta(p, c)),
                            value_delta: before
                                .value
                                .map(|v| (v, before.decimals))
                                .zip(now.value.map(|v| (v, now.decimals)))
                                .map(|(p, c)| derive::score_delta(p, c)),
                        })
                    }
                }
            };
            let row = &mut tables[ct].rows[cr];
            match outcome {
                Ok(change) => row.change = Some(change),
                Err(reason) => row.no_comparison = Some(reason),
            }
        }
    }
}
