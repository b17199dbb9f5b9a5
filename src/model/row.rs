//! One result line of a table: its value (score, or points as a percent),
//! components, regional ranks and notes, with every problem in it found at
//! once and located by its path in the file.

use super::assemble::{alternatives, suggest, Ids};
use super::components::row_components;
use super::derive;
use super::lines;
use super::precision;
use super::{Comparison, Index, RegionId, RegionalRank, Row, UnitId};
use crate::data::schema::{ResultRow, ResultsFile};
use crate::locate::Seg;
use crate::messages as msg;

/// A problem in one result line, with the path below the line (and a
/// key named at run time, such as a component id, and one below it).
pub(super) struct Problem {
    pub(super) path: Vec<Seg<'static>>,
    pub(super) key: Option<String>,
    pub(super) then: Option<&'static str>,
    pub(super) message: String,
    pub(super) hint: String,
}

impl Problem {
    pub(super) fn new(path: Vec<Seg<'static>>, message: String, hint: String) -> Problem {
        Problem {
            path,
            key: None,
            then: None,
            message,
            hint,
        }
    }
}

pub(super) fn problem(path: &[Seg<'static>], message: String, hint: String) -> Problem {
    Problem::new(path.to_vec(), message, hint)
}

/// One result line: its value, components and regional ranks, or
/// every problem found in it.
pub(super) fn row(
    def: &Index,
    file: &ResultsFile,
    (entry, result): (usize, &ResultRow),
    unit: UnitId,
    regions: &Ids<RegionId>,
) -> Result<Row, Vec<Problem>> {
    use Seg::{Index, Key};
    let mut problems = Vec::new();
    let name = result.unit.as_str();
    if result.not_ranked.is_some() && (result.rank.is_some() || result.of.is_some()) {
        let path = [Key(if result.rank.is_some() { "rank" } else { "of" })];
        problems.push(problem(
            &path,
            msg::not_ranked_with_rank(name),
            msg::hint_not_ranked(),
        ));
    }
    problems.extend(super::alternatives::problems(result));
    let stated_change = super::stated_changes::stated_change(file.year, result)
        .map_err(|p| problems.push(p))
        .ok()
        .flatten();
    for (key, value) in [
        ("score", result.score),
        ("points", result.points),
        ("max_points", result.max_points),
    ] {
        if value.is_some_and(|v| !v.is_finite()) {
            problems.push(problem(
                &[Key(key)],
                msg::not_a_number(key),
                msg::hint_write_number(),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let decimals = result.decimals.unwrap_or(def.decimals).min(def.decimals);
    let threshold = lines::threshold(def, result, &mut problems);
    let mut disputed = None;
    let value = match (result.score, result.points, result.max_points) {
        (Some(_), Some(_), _) => {
            problems.push(problem(
                &[Key("points")],
                msg::score_and_points(name),
                msg::hint_score_or_points(),
            ));
            None
        }
        (Some(_), None, _) if result.percent.is_some() => {
            problems.push(problem(
                &[Key("percent")],
                msg::percent_without_points(name),
                msg::hint_percent_with_points(),
            ));
            None
        }
        (Some(score), None, _) => {
            if score < def.scale.min || score > def.scale.max {
                let message = msg::score_outside_scale(
                    name,
                    &msg::figure(score),
                    &def.id,
                    def.scale.min,
                    def.scale.max,
                );
                problems.push(problem(&[Key("score")], message, msg::hint_decimal_point()));
            }
            Some(score)
        }
        (None, Some(points), Some(max)) => {
            if max <= 0.0 {
                problems.push(problem(
                    &[Key("max_points")],
                    msg::max_points_not_positive(name, max),
                    msg::hint_max_points_positive(),
                ));
            } else if points > max {
                problems.push(problem(
                    &[Key("points")],
                    msg::points_above_max(name, points, max),
                    msg::hint_check_points(),
                ));
            } else if points < 0.0 {
                problems.push(problem(
                    &[Key("points")],
                    msg::negative_points(name, points),
                    msg::hint_check_points(),
                ));
            }
            let (value, stated) = lines::stated_percent(
                result,
                derive::percent(points, max),
                decimals,
                &mut problems,
            );
            disputed = stated;
            value
        }
        (None, Some(_), None) if result.percent.is_some() => {
            lines::stated_percent(result, None, decimals, &mut problems).0
        }
        (None, Some(_), None) => {
            problems.push(problem(
                &[Key("points")],
                msg::points_without_max(name),
                msg::hint_add_max_points(),
            ));
            None
        }
        (None, None, _) if result.percent.is_some() => {
            lines::stated_percent(result, None, decimals, &mut problems).0
        }
        (None, None, _) => {
            // A line stating only its band is a decision rating units in
            // groups: it is rated, though not ranked.
            let band_only = result.band.is_some() && result.rank.is_none() && threshold.is_none();
            if file.complete && result.not_ranked.is_none() && !band_only {
                problems.push(problem(
                    &[Key("unit")],
                    msg::no_score_in_complete_table(name),
                    msg::hint_add_score(),
                ));
            }
            None
        }
    };
    let total = result
        .points
        .or(result.score)
        .map(|t| (t, decimals.max(crate::vi::written_decimals(t))));
    let (components, component_figures) =
        row_components(def, name, &result.components, total, &mut problems);
    let mut regional = Vec::new();
    for (k, r) in result.regional.iter().enumerate() {
        let path = |key| [Key("regional"), Index(k), Key(key)];
        let Some(&region) = regions.get(&r.region) else {
            let hint = suggest(regions, &r.region, "region");
            problems.push(problem(
                &path("region"),
                msg::undefined("region", &r.region),
                hint,
            ));
            continue;
        };
        // `of = 0` is its own error (`figures`), not also "rank above of".
        if let Some(of) = r.of.filter(|&of| of > 0 && r.rank > of) {
            let message = msg::regional_rank_above_of(name, r.rank, of, &r.region);
            problems.push(problem(&path("rank"), message, msg::hint_rank_at_most_of()));
        }
        regional.push(RegionalRank {
            region,
            rank: r.rank,
            of: r.of,
            // Until a complete table's ranking finds it disagrees.
            disputed: None,
            stated: true,
        });
    }
    let of = result.of.or(file.of.filter(|_| !file.complete));
    if let (Some(rank), Some(of)) = (result.rank, of) {
        if of > 0 && rank > of {
            problems.push(problem(
                &[Key("rank")],
                msg::rank_above_of(name, rank, of),
                msg::hint_rank_at_most_of(),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // The table's precision ranks and bands; the result's own prints it.
    let table_decimals = precision::table_decimals(def, file);
    let decimals = precision::row_decimals(table_decimals, result);
    Ok(Row {
        unit,
        value,
        points: result.points,
        // The shortest form until the text is read (`written_decimals`).
        points_decimals: result.points.map_or(0, crate::vi::written_decimals),
        max_points: result.max_points,
        max_points_decimals: result.max_points.map_or(0, crate::vi::written_decimals),
        decimals,
        percent: result.percent,
        threshold,
        disputed,
        rank: result.rank,
        of,
        of_note: result.of_note.clone(),
        rank_disputed: None,
        rank_stated: result.rank.is_some(),
        ranked_among_illustrative: false,
        // Once ranks are known (`Table::mark_ties`).
        tied: false,
        // Once ranks are known (`bands`).
        band: None,
        regional,
        components,
        component_figures,
        illustrative: result.illustrative.unwrap_or(file.illustrative),
        note: result.note.clone(),
        not_ranked: result.not_ranked.clone(),
        alternatives: alternatives(&result.alternatives),
        stated_change,
        // Until `changes` compares the ranked ones.
        comparison: Comparison::NotRanked,
        entry,
    })
}
