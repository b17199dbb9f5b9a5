//! Published changes ("tăng 10 bậc", "giảm 2,13 điểm"): read with each
//! result, then checked against the change chiso derives from the two
//! years' tables once every table is ranked and compared.
//!
//! A published change that disagrees with the derived one is an error at
//! the figure, unless the editor explains it with `disputed`, in which case
//! both are kept and pages show both. A change chiso cannot derive (no
//! earlier result, a group that is not comparable) is held as published.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::assemble::Context;
use super::changes::{absorbed_between, absorptions, change, comparable};
use super::row::Problem;
use super::{Change, Comparison, Row, Site, Standing, StatedChange, Table, TableId};
use crate::data::schema::ResultRow;
use crate::locate::Seg;
use crate::messages as msg;
use crate::vi::written_decimals;

/// The published change of a result, as written, not yet checked; or the
/// first problem in it.
pub(super) fn stated_change(
    year: i32,
    result: &ResultRow,
) -> Result<Option<StatedChange>, Problem> {
    use Seg::Key;
    let Some(stated) = &result.change else {
        return Ok(None);
    };
    let unit = result.unit.as_str();
    if stated.places.is_none() && stated.points.is_none() {
        return Err(Problem::new(
            vec![Key("change")],
            msg::stated_change_without_figure(unit),
            msg::hint_stated_change_figure(),
        ));
    }
    if stated.points.is_some_and(|p| !p.is_finite()) {
        return Err(Problem::new(
            vec![Key("change"), Key("points")],
            msg::not_a_number("points"),
            msg::hint_write_number(),
        ));
    }
    if let Some(since) = stated.since.filter(|&since| since >= year) {
        return Err(Problem::new(
            vec![Key("change"), Key("since")],
            msg::stated_change_since_not_before(unit, since, year),
            msg::hint_stated_change_since(),
        ));
    }
    Ok(Some(StatedChange {
        since: stated.since.unwrap_or(year - 1),
        since_stated: stated.since.is_some(),
        places: stated.places,
        points: stated.points,
        points_decimals: stated.points.map_or(0, crate::vi::written_decimals),
        derived: None,
        disputed: stated.disputed.clone(),
        standing: Standing::Underived,
    }))
}

/// What one published change was found to be against the derived one.
struct Finding {
    table: TableId,
    row: usize,
    derived: Option<Change>,
    standing: Standing,
}

impl Context<'_> {
    /// A warning at the `disputed` note of a published figure that agrees
    /// with the derived one: there is nothing to dispute.
    pub(super) fn warn_disputed_agrees(&mut self, file: usize, path: &[Seg]) {
        self.warn_at(
            file,
            path,
            msg::disputed_but_agrees(),
            msg::hint_remove_disputed(),
        );
    }

    /// Checks every published change against the change derived against
    /// the same year, reporting disagreements (errors) and `disputed` notes
    /// on changes that agree (warnings).
    pub(super) fn check_stated_changes(&mut self, site: &mut Site) {
        let files: BTreeMap<&PathBuf, usize> = self
            .raw
            .files
            .iter()
            .enumerate()
            .map(|(i, file)| (&file.path, i))
            .collect();
        let mut findings = Vec::new();
        let absorbed = absorptions(&site.units);
        for (t, table) in site.tables.iter_enumerated() {
            for (r, row) in table.rows.iter().enumerate() {
                let Some(stated) = &row.stated_change else {
                    continue;
                };
                let merged = absorbed.get(&row.unit).map_or(&[][..], Vec::as_slice);
                let derived = derived_against(site, (table, row), stated, merged);
                let Some(&file) = files.get(&table.file) else {
                    continue;
                };
                if derived.as_ref().is_none_or(|d| d.rank_delta.is_none()) {
                    self.check_places_possible(site, file, (table, row), stated);
                }
                let standing = match &derived {
                    Some(derived) => self.compare(site, file, row, stated, derived),
                    None => Standing::Underived,
                };
                findings.push(Finding {
                    table: t,
                    row: r,
                    derived,
                    standing,
                });
            }
        }
        for found in findings {
            if let Some(stated) = site.tables[found.table].rows[found.row]
                .stated_change
                .as_mut()
            {
                stated.derived = found.derived;
                stated.standing = found.standing;
            }
        }
    }

    /// The published change against the derived one: each figure both
    /// give compared at the published precision.
    fn compare(
        &mut self,
        site: &Site,
        file: usize,
        row: &Row,
        stated: &StatedChange,
        derived: &Change,
    ) -> Standing {
        let since = stated.since;
        let unit = site.units[row.unit].id.as_str();
        let path = |key| {
            [
                Seg::Key("result"),
                Seg::Index(row.entry),
                Seg::Key("change"),
                Seg::Key(key),
            ]
        };
        let mut compared = false;
        let mut differences = Vec::new();
        if let (Some(places), Some(delta)) = (stated.places, derived.rank_delta) {
            compared = true;
            if places != delta {
                let before = derived.previous_rank.unwrap_or_default();
                let now = row.rank.unwrap_or_default();
                let message = msg::stated_places_differ(unit, places, delta, since, before, now);
                differences.push((path("places"), message));
            }
        }
        if let (Some(points), Some(delta)) = (stated.points, derived.value_delta) {
            compared = true;
            let most = written_decimals(delta).max(row.decimals);
            let at = path("points");
            if !self.agrees_as_written(file, &at, points, delta, most) {
                let written = self.decimals_as_written(file, &at, points);
                let decimals = written.min(most);
                let message = msg::stated_points_differ(
                    unit,
                    (points, written),
                    (delta, decimals.max(row.decimals)),
                    since,
                );
                differences.push((path("points"), message));
            }
        }
        if !compared {
            return Standing::Underived;
        }
        if differences.is_empty() {
            if stated.disputed.is_some() {
                self.warn_disputed_agrees(file, &path("disputed"));
            }
            return Standing::Agrees;
        }
        if stated.disputed.is_some() {
            return Standing::Disputed;
        }
        for (path, message) in differences {
            let d = self.at(file, &path, message, msg::hint_stated_change_differs());
            self.diagnostics.push(d);
        }
        // The build stops on these errors: nothing is shown.
        Standing::Underived
    }
}

impl Context<'_> {
    /// An error at a published change of places no ranking allows, where
    /// no change of places is derived to compare it with (across a merger
    /// of provinces, a year without a table): the rank before is the rank now plus the
    /// places risen, so from 1 to the units the group's table of the index
    /// ranked that year (when there is one: another group's says nothing). A sign slip (`-8` for a rise to
    /// 1st) or a figure gone wrong (`-9223372036854775808`) would otherwise
    /// print as published.
    fn check_places_possible(
        &mut self,
        site: &Site,
        file: usize,
        (table, row): (&Table, &Row),
        stated: &StatedChange,
    ) {
        let (Some(places), Some(now)) = (stated.places, row.rank) else {
            return;
        };
        let then = i128::from(now) + i128::from(places);
        let most_then = site
            .tables
            .iter()
            .filter(|t| (t.index, t.group, t.year) == (table.index, table.group, stated.since))
            .filter_map(|t| t.ranked)
            .max();
        if then >= 1 && most_then.is_none_or(|most| then <= i128::from(most)) {
            return;
        }
        let unit = site.units[row.unit].id.as_str();
        // Below 1st: a sign slip, likely; beyond the last: a figure too
        // large for that year's ranking, which is said with its size.
        let (message, hint) = match most_then.filter(|_| then >= 1) {
            Some(most) => (
                msg::stated_places_beyond(unit, places, stated.since, now, most),
                msg::hint_stated_change_differs(),
            ),
            None => (
                msg::stated_places_impossible(unit, places, stated.since, now, &then.to_string()),
                msg::hint_stated_places_sign(),
            ),
        };
        let path = [
            Seg::Key("result"),
            Seg::Index(row.entry),
            Seg::Key("change"),
            Seg::Key("places"),
        ];
        let d = self.at(file, &path, message, hint);
        self.diagnostics.push(d);
    }
}

/// The change chiso derives against the year the publication compared
/// with (`since`, else the year before): the row's own comparison when it
/// is against that year, otherwise against the unit's ranked result of
/// that year in a comparable group, if there is one (none when the data has
/// no table of that year: the published change is then shown as published,
/// as it is when units were merged into this one since: `merged`, its
/// [`absorptions`]).
fn derived_against(
    site: &Site,
    (table, row): (&Table, &Row),
    stated: &StatedChange,
    merged: &[(i32, super::UnitId)],
) -> Option<Change> {
    if absorbed_between(merged, stated.since, table.year).is_some() {
        return None;
    }
    let own = match &row.comparison {
        Comparison::Change(change) => Some(*change),
        _ => None,
    };
    if own.is_some_and(|c| c.previous_year == stated.since) {
        return own;
    }
    let mut candidates = site
        .tables
        .iter()
        .filter(|t| t.index == table.index && t.year == stated.since)
        .filter(|t| comparable(&site.groups, t.group, table.group));
    // The same group first, as the year-over-year comparison does.
    let earlier_table = candidates
        .clone()
        .find(|t| t.group == table.group)
        .or_else(|| candidates.next())?;
    let earlier = earlier_table.rows.iter().find(|r| r.unit == row.unit)?;
    earlier.not_ranked.is_none().then(|| {
        change(
            stated.since,
            (earlier, earlier_table.tie_numbering()),
            (row, table.tie_numbering()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(change: &str) -> Result<Option<StatedChange>, String> {
        let text = format!("unit = \"a\"\nchange = {change}\n");
        let result: ResultRow = toml::from_str(&text).unwrap();
        stated_change(2023, &result).map_err(|p| p.message)
    }

    #[test]
    fn a_published_change_is_read_as_written() {
        let change = read("{ places = -2, points = -2.13 }").unwrap().unwrap();
        assert_eq!(
            (change.places, change.points, change.since),
            (Some(-2), Some(-2.13), 2022)
        );
        let change = read("{ places = 3, since = 2021 }").unwrap().unwrap();
        assert_eq!(change.since, 2021);
        assert_eq!(change.standing, Standing::Underived);
    }

    #[test]
    fn a_published_change_that_cannot_be_is_a_problem() {
        let cases = [
            ("{ since = 2022 }", "neither `places` nor `points`"),
            ("{ places = 1, since = 2023 }", "not a year before"),
            ("{ places = 1, since = 2030 }", "not a year before"),
            ("{ points = nan }", "number"),
        ];
        for (change, want) in cases {
            let got = read(change).unwrap_err();
            assert!(got.contains(want), "{change}: {got}");
        }
    }
}
