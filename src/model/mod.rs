//! The site's data after validation and derivation: what templates read.
//!
//! [`assemble`](assemble::assemble) turns the raw files of `data/` into a
//! [`Site`]: every id resolved to an index into these vectors, every table
//! ranked, averaged, banded and compared with the year before. Nothing in
//! the model is typed by an editor twice; a stated figure that disagrees with
//! a derived one was reported as an error before the model was made.

mod assemble;
mod changes;
mod completeness;
pub mod derive;
mod figures;
mod ranking;
mod row;
#[cfg(test)]
pub(crate) mod tests;

use std::path::PathBuf;

use crate::data::schema::{Alternative, GroupDef, IndexDef, RegionDef, Source, UnitDef};
use crate::date::Date;

pub use assemble::assemble;

/// The whole validated data set.
#[derive(Debug, Default)]
pub struct Site {
    pub indices: Vec<IndexDef>,
    pub groups: Vec<GroupDef>,
    pub regions: Vec<RegionDef>,
    /// Units in Vietnamese alphabetical order of their names.
    pub units: Vec<UnitDef>,
    /// Tables by year (latest first), then index and group in definition order.
    pub tables: Vec<Table>,
    /// For each unit, its results as (table, row) positions, in table order:
    /// unit pages read this instead of scanning every table.
    pub results_by_unit: Vec<Vec<(usize, usize)>>,
}

impl Site {
    /// Every result of a unit with its table, latest year first.
    pub fn results_of(&self, unit: usize) -> impl Iterator<Item = (&Table, &Row)> {
        self.results_by_unit
            .get(unit)
            .into_iter()
            .flatten()
            .map(|&(t, r)| (&self.tables[t], &self.tables[t].rows[r]))
    }
}

/// One results table: an index, a year, a group.
#[derive(Debug, Clone)]
pub struct Table {
    pub index: usize,
    pub group: usize,
    pub year: i32,
    /// Every unit of the group is listed and ranks were computed.
    pub complete: bool,
    pub announced: Option<Date>,
    pub source: Option<Source>,
    pub note: String,
    /// Rows ordered by rank, then name.
    pub rows: Vec<Row>,
    /// Number of units ranked ("of"): counted in a complete table, stated in
    /// a partial one.
    pub ranked: Option<u32>,
    /// The group average: computed in a complete table, as published in a
    /// partial one.
    pub average: Option<f64>,
    /// Whether the average was published (in a complete table it was checked
    /// to equal the computed one), as opposed to derived from the scores.
    pub average_published: bool,
    /// The band with the highest threshold and how many units reach it.
    pub top_band: Option<(usize, usize)>,
    /// For a complete table, each region with units in it: how many are
    /// ranked and their average, in region definition order.
    pub regions: Vec<RegionSummary>,
    /// The file the table came from, relative to the site root.
    pub file: PathBuf,
}

impl Table {
    /// Whether any score shown from this table is illustrative.
    pub fn has_illustrative(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.illustrative && r.value.is_some())
    }

    /// The rows ranked first (several when tied).
    pub fn leaders(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.rank == Some(1))
    }

    /// The rows ranked last (several when tied); none if nothing is ranked.
    pub fn last_place(&self) -> impl Iterator<Item = &Row> {
        let last = self.rows.iter().filter_map(|r| r.rank).max();
        self.rows
            .iter()
            .filter(move |r| last.is_some() && r.rank == last)
    }
}

/// A region's part of a complete table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionSummary {
    pub region: usize,
    pub ranked: u32,
    pub average: Option<f64>,
}

/// One unit's line in a table.
#[derive(Debug, Clone)]
pub struct Row {
    pub unit: usize,
    /// The index value: the score, or the percentage for point-scored units.
    pub value: Option<f64>,
    pub points: Option<f64>,
    pub max_points: Option<f64>,
    /// Decimals the value is shown with.
    pub decimals: u32,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    pub band: Option<usize>,
    pub regional: Vec<RegionalRank>,
    /// Component scores as (component index, score), in definition order.
    pub components: Vec<(usize, f64)>,
    pub illustrative: bool,
    pub note: String,
    /// Why the unit was left out of the ranking, if it was.
    pub not_ranked: Option<String>,
    /// Other published values for this result.
    pub alternatives: Vec<Alternative>,
    pub change: Option<Change>,
    /// Why there is no change to show, when there is none.
    pub no_comparison: Option<NoComparison>,
    /// The line's position in its results file, for diagnostics.
    pub entry: usize,
}

/// Why a result is not compared with the year before.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum NoComparison {
    /// No earlier result for this index.
    FirstResult,
    /// The earlier result was in a group that is not comparable.
    OtherGroup { year: i32, group: String },
    /// The unit was not ranked in the earlier year.
    NotRankedThen { year: i32 },
}

/// A rank within a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionalRank {
    pub region: usize,
    pub rank: u32,
    pub of: Option<u32>,
}

/// Change against the previous year the unit was in the same index and group.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Change {
    pub previous_year: i32,
    pub previous_rank: Option<u32>,
    /// Places gained (positive) or lost (negative).
    pub rank_delta: Option<i64>,
    pub value_delta: Option<f64>,
}
