//! Year-over-year comparison: each result against the unit's latest earlier
//! result on the same index, when the two groups are comparable.

use std::collections::BTreeMap;

use super::derive;
use super::{Change, Comparison, Group, GroupId, IdVec, IndexId, NoComparison, Site, TableId};
use super::{Row, UnitId};

/// One of a unit's results on an index, for finding the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Earlier {
    year: i32,
    group: GroupId,
    table: TableId,
    row: usize,
}

/// Whether results in groups `a` and `b` may be compared: the same group,
/// or one declared `comparable_with` the other.
pub(super) fn comparable(groups: &IdVec<GroupId, Group>, a: GroupId, b: GroupId) -> bool {
    a == b || groups[a].comparable_with.contains(&b) || groups[b].comparable_with.contains(&a)
}

/// Compares each ranked result with the unit's latest earlier result on the
/// same index: a change when that result was ranked in the same or a
/// comparable group, otherwise the reason there is none. Results not ranked
/// stay [`Comparison::NotRanked`].
pub(super) fn derive_changes(site: &mut Site) {
    let Site { tables, groups, .. } = site;
    let mut history: BTreeMap<(IndexId, UnitId), Vec<Earlier>> = BTreeMap::new();
    for (t, table) in tables.iter_enumerated() {
        for (r, row) in table.rows.iter().enumerate() {
            history
                .entry((table.index, row.unit))
                .or_default()
                .push(Earlier {
                    year: table.year,
                    group: table.group,
                    table: t,
                    row: r,
                });
        }
    }
    let row = |e: &Earlier| -> &Row { &tables[e.table].rows[e.row] };
    let mut outcomes = Vec::new();
    for entries in history.values_mut() {
        entries.sort_unstable();
        for (n, now) in entries.iter().enumerate() {
            if row(now).not_ranked.is_some() {
                continue;
            }
            // The latest earlier year; within it, the same group if present.
            let previous = entries[..n]
                .iter()
                .rev()
                .take_while(|e| e.year < now.year)
                .fold(None::<&Earlier>, |best, e| match best {
                    Some(b) if b.year > e.year || (b.year == e.year && b.group == now.group) => {
                        Some(b)
                    }
                    _ => Some(e),
                });
            let comparison = match previous {
                None => Comparison::Unavailable(NoComparison::FirstResult),
                Some(before) if !comparable(groups, before.group, now.group) => {
                    Comparison::Unavailable(NoComparison::OtherGroup {
                        year: before.year,
                        group: before.group,
                    })
                }
                Some(before) if row(before).not_ranked.is_some() => {
                    Comparison::Unavailable(NoComparison::NotRankedThen { year: before.year })
                }
                Some(before) => Comparison::Change(change(before.year, row(before), row(now))),
            };
            outcomes.push((now.table, now.row, comparison));
        }
    }
    for (t, r, comparison) in outcomes {
        tables[t].rows[r].comparison = comparison;
    }
}

/// The change from `before` (in `previous_year`) to `now`.
pub(super) fn change(previous_year: i32, before: &Row, now: &Row) -> Change {
    Change {
        previous_year,
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
        decimals: before.decimals.max(now.decimals),
    }
}
