//! Year-over-year comparison: each result against the unit's latest earlier
//! result on the same index, when the two groups are comparable.

use super::derive;
use std::collections::HashMap;

use super::{Change, Comparison, Group, GroupId, IdVec, IndexId, NoComparison, Site, TableId};
use super::{Row, Unit, UnitId};
use crate::data::schema::RankStyle;

/// One of a unit's results on an index, for finding the one before it,
/// with what comparing it reads of its line (copied in one pass over the
/// tables, so that comparing reads no line out of order).
#[derive(Debug, Clone, Copy)]
struct Earlier {
    year: i32,
    group: GroupId,
    table: TableId,
    row: usize,
    ranked: bool,
    /// Left out of the year's table (its result not published), not a
    /// line of it.
    excluded: bool,
    figures: Figures,
}

/// What a change reads of a line.
#[derive(Debug, Clone, Copy)]
struct Figures {
    rank: Option<u32>,
    of: Option<u32>,
    value: Option<f64>,
    decimals: u32,
    illustrative: bool,
    /// The rank is computed from illustrative scores
    /// ([`Row::rank_illustrative`]), not stated.
    rank_illustrative: bool,
    /// The value is a published figure the line's points contradict
    /// (`disputed`).
    disputed: bool,
    /// The rank is the table's, the published one being kept beside it
    /// (`disputed`).
    rank_disputed: bool,
    /// How the line's table numbers ties.
    rank_style: RankStyle,
}

impl Figures {
    fn of(row: &Row, rank_style: RankStyle) -> Figures {
        Figures {
            rank_style,
            rank: row.rank,
            of: row.of,
            value: row.basis(),
            decimals: row.decimals,
            illustrative: row.illustrative,
            rank_illustrative: row.rank_illustrative(),
            disputed: row.disputed.is_some(),
            rank_disputed: row.rank_disputed.is_some(),
        }
    }
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
    let absorbed = absorptions(&site.units);
    let Site { tables, groups, .. } = site;
    // Every result, by index and unit, then in time (the order the
    // comparisons below rely on; a table's rows never name a unit twice).
    // Sized once: grown by doubling, the national site's 156,000 lines
    // were copied again and again into memory never touched before.
    let lines = tables.iter().map(|t| t.rows.len() + t.excluded.len()).sum();
    let mut history: Vec<((IndexId, UnitId), Earlier)> = Vec::with_capacity(lines);
    for (t, table) in tables.iter_enumerated() {
        let tie_numbering = table.tie_numbering();
        for (r, row) in table.rows.iter().enumerate() {
            let earlier = Earlier {
                year: table.year,
                group: table.group,
                table: t,
                row: r,
                // A line rated only in a band has no place to compare.
                ranked: row.not_ranked.is_none() && !row.is_band_only(),
                excluded: false,
                figures: Figures::of(row, tie_numbering),
            };
            history.push(((table.index, row.unit), earlier));
        }
        // A unit left out of a year's table (its result not published) has
        // no change across that year: it is not ranked then.
        for &(unit, _) in &table.excluded {
            let excluded = Earlier {
                year: table.year,
                group: table.group,
                table: t,
                row: usize::MAX,
                ranked: false,
                excluded: true,
                figures: Figures {
                    rank: None,
                    of: None,
                    value: None,
                    decimals: 0,
                    illustrative: false,
                    rank_illustrative: false,
                    disputed: false,
                    rank_disputed: false,
                    rank_style: tie_numbering,
                },
            };
            history.push(((table.index, unit), excluded));
        }
    }
    history.sort_unstable_by_key(|(key, e)| (*key, e.year, e.group, e.table, e.row));
    // The first year each index has a complete table of each group: a
    // unit's first result after it is a unit new in the table. A partial
    // table (an extract listing the province alone, band counts) says
    // nothing of the units it does not list.
    let mut first_years: HashMap<(IndexId, GroupId), i32> = HashMap::new();
    for table in tables.iter().filter(|t| t.complete) {
        let first = first_years
            .entry((table.index, table.group))
            .or_insert(table.year);
        *first = (*first).min(table.year);
    }
    let mut outcomes = Vec::with_capacity(lines);
    for entries in history.chunk_by(|a, b| a.0 == b.0) {
        for (n, (_, now)) in entries.iter().enumerate() {
            if now.ranked {
                let (index, unit) = entries[n].0;
                let merged = absorbed.get(&unit).map_or(&[][..], Vec::as_slice);
                let first = (index, &first_years);
                let comparison = compare(groups, first, merged, &entries[..n], now);
                outcomes.push((now.table, now.row, comparison));
            }
        }
    }
    // Written in table order.
    outcomes.sort_unstable_by_key(|(t, r, _)| (*t, *r));
    for (t, r, comparison) in outcomes {
        tables[t].rows[r].comparison = comparison;
    }
}

/// How the ranked result `now` compares with the unit's results before it
/// on the same index (`earlier`, in time); `merged` is the unit's
/// [`absorptions`]; `first_years` the first year of each index's complete
/// tables of each group.
fn compare(
    groups: &IdVec<GroupId, Group>,
    (index, first_years): (IndexId, &HashMap<(IndexId, GroupId), i32>),
    merged: &[(i32, UnitId)],
    earlier: &[((IndexId, UnitId), Earlier)],
    now: &Earlier,
) -> Comparison {
    // The latest earlier year; within it, the same group if present.
    let previous = earlier
        .iter()
        .map(|(_, e)| e)
        .rev()
        .take_while(|e| e.year < now.year)
        .fold(None::<&Earlier>, |best, e| match best {
            Some(b) if b.year > e.year || (b.year == e.year && b.group == now.group) => Some(b),
            _ => Some(e),
        });
    let Some(before) = previous else {
        let earlier_tables = first_years.iter().any(|(&(i, group), &first)| {
            i == index && first < now.year && comparable(groups, group, now.group)
        });
        return Comparison::Unavailable(NoComparison::FirstResult { earlier_tables });
    };
    let reason = if !comparable(groups, before.group, now.group) {
        NoComparison::OtherGroup {
            year: before.year,
            group: before.group,
        }
    } else if let Some((unit, second, others, last)) =
        absorbed_between(merged, before.year, now.year)
    {
        NoComparison::Absorbed {
            // The merger's year as the data says it, not the year of the
            // last result before it (adv23 m1: a unit assessed to 2023
            // and merged after 2024 read "sau năm 2023").
            year: last,
            unit,
            second,
            others,
        }
    } else if before.excluded {
        NoComparison::NotInTableThen { year: before.year }
    } else if !before.ranked {
        NoComparison::NotRankedThen { year: before.year }
    } else {
        return Comparison::Change(change_between(before.year, before.figures, now.figures));
    };
    Comparison::Unavailable(reason)
}

/// Whether a rank out of `then` units and one out of `now` rank the same
/// field closely enough for the places gained to mean something: the same
/// number of units, or numbers that differ by at most a tenth of the larger
/// (at least one: a province left out one year for too little data, a
/// department founded). Between 63 provinces and the 34 of the 2025 merger,
/// "tăng 39 bậc" would be a figure no one published and nothing measured.
pub fn same_field(then: u32, now: u32) -> bool {
    then.abs_diff(now) <= (then.max(now) / 10).max(1)
}

/// For each unit other units were merged into, those units' last active
/// years and ids, earliest first.
pub(super) fn absorptions(units: &IdVec<UnitId, Unit>) -> HashMap<UnitId, Vec<(i32, UnitId)>> {
    let mut absorbed: HashMap<UnitId, Vec<(i32, UnitId)>> = HashMap::new();
    for (id, unit) in units.iter_enumerated() {
        if let (Some(into), Some(last)) = (unit.merged_into, unit.active_to) {
            absorbed.entry(into).or_default().push((last, id));
        }
    }
    for list in absorbed.values_mut() {
        list.sort_unstable();
    }
    absorbed
}

/// The first of `merged` (a unit's [`absorptions`]) to have been merged in
/// after year `before` and by year `now`, the next, how many more were,
/// and the first's last year as a unit of its own; `None` when none was.
pub(super) fn absorbed_between(
    merged: &[(i32, UnitId)],
    before: i32,
    now: i32,
) -> Option<(UnitId, Option<UnitId>, u32, i32)> {
    let mut within = merged
        .iter()
        .filter(|&&(last, _)| before <= last && last < now);
    let &(last, first) = within.next()?;
    let mut within = within.map(|&(_, unit)| unit);
    let second = within.next();
    let others =
        u32::from(second.is_some()) + u32::try_from(within.count()).unwrap_or(u32::MAX - 1);
    Some((first, second, others, last))
}

/// The change from `before` (in `previous_year`) to `now`, each a line
/// with the way its table numbers ties.
pub(super) fn change(
    previous_year: i32,
    (before, before_style): (&Row, RankStyle),
    (now, now_style): (&Row, RankStyle),
) -> Change {
    change_between(
        previous_year,
        Figures::of(before, before_style),
        Figures::of(now, now_style),
    )
}

fn change_between(previous_year: i32, before: Figures, now: Figures) -> Change {
    let fields_differ = before
        .of
        .zip(now.of)
        .filter(|&(then, now)| !same_field(then, now));
    // A dense rank 2 after two units tied first is the third place: ranks
    // numbered two ways are not places to subtract.
    let rank_styles_differ = (before.rank_style != now.rank_style).then_some(before.rank_style);
    let rank_delta = before
        .rank
        .zip(now.rank)
        .filter(|_| fields_differ.is_none() && rank_styles_differ.is_none())
        .map(|(p, c)| derive::rank_delta(p, c));
    Change {
        previous_year,
        previous_rank: before.rank,
        previous_of: before.of,
        rank_delta,
        fields_differ,
        rank_styles_differ,
        value_delta: before
            .value
            .map(|v| (v, before.decimals))
            .zip(now.value.map(|v| (v, now.decimals)))
            .map(|(p, c)| derive::score_delta(p, c)),
        // No finer than the coarser year's: 45,42 against 44,3138 is known
        // to the hundredth, not +1,1062.
        decimals: before.decimals.min(now.decimals),
        // What the change shows: places when both ranks compare (points
        // beside them are the publication's, checked), else points.
        illustrative: if rank_delta.is_some() {
            before.rank_illustrative || now.rank_illustrative
        } else {
            before.illustrative || now.illustrative
        },
        value_disputed: (before.disputed && now.value.is_some())
            || (now.disputed && before.value.is_some()),
        rank_disputed: rank_delta.is_some() && (before.rank_disputed || now.rank_disputed),
        points_illustrative: before.illustrative || now.illustrative,
    }
}

#[cfg(test)]
mod tests {
    use super::same_field;

    #[test]
    fn a_merger_is_dated_by_the_merged_units_last_year_not_the_result_before() {
        use super::absorbed_between;
        use crate::model::ids::Id;
        use crate::model::UnitId;
        let (a, b) = (UnitId::from_position(1), UnitId::from_position(2));
        // Assessed last in 2023 (`before`), merged after 2024.
        let merged = [(2024, a), (2024, b)];
        assert_eq!(
            absorbed_between(&merged, 2023, 2025),
            Some((a, Some(b), 1, 2024))
        );
        assert_eq!(absorbed_between(&merged, 2025, 2026), None);
    }

    #[test]
    fn fields_within_a_tenth_of_each_other_are_the_same_field() {
        let same = [(63, 63), (60, 61), (20, 19), (21, 19), (3, 2), (1, 1)];
        let different = [(63, 34), (34, 63), (20, 14), (20, 17), (5, 3)];
        for (then, now) in same {
            assert!(same_field(then, now), "{then} {now}");
        }
        for (then, now) in different {
            assert!(!same_field(then, now), "{then} {now}");
        }
    }
}
