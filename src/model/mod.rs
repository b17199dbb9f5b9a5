//! The site's data after validation and derivation: the one model every
//! later stage reads.
//!
//! [`assemble`](assemble::assemble) turns the raw files of `data/` (the file
//! format, `data::schema`) into a [`Site`] of resolved types: every id an
//! editor wrote is resolved once, here, into a typed id ([`IndexId`],
//! [`GroupId`], [`RegionId`], [`UnitId`], [`TableId`]), every table is
//! ranked, averaged, banded and compared with the year before, and the
//! indexes pages need (years, results by unit, merged units, the home unit;
//! and [`tags`], over the articles) are derived.
//! Nothing in the model is typed by an editor twice; a stated figure that
//! disagrees with a derived one was reported as an error before the model
//! was made. The model is not what templates see: `render::views` is.

mod assemble;
mod changes;
mod completeness;
pub mod derive;
mod figures;
mod home;
pub mod ids;
mod lines;
mod listings;
mod partial;
mod ranking;
mod row;
mod tags;
#[cfg(test)]
pub(crate) mod tests;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::date::Date;

pub use assemble::assemble;
pub use home::home_unit;
pub use ids::{GroupId, Id, IdVec, IndexId, RegionId, TableId, UnitId};
pub use tags::{tags, Tag};

/// The whole validated data set.
#[derive(Debug, Default)]
pub struct Site {
    pub indices: IdVec<IndexId, Index>,
    pub groups: IdVec<GroupId, Group>,
    pub regions: IdVec<RegionId, Region>,
    /// Units in Vietnamese alphabetical order of their names.
    pub units: IdVec<UnitId, Unit>,
    /// Tables by year (latest first), then index and group in definition order.
    pub tables: IdVec<TableId, Table>,
    /// Assessment years with a table, latest first.
    pub years: Vec<i32>,
    /// For each unit, where its results are, in table order: unit pages
    /// read this instead of scanning every table.
    pub results_by_unit: IdVec<UnitId, Vec<RowAt>>,
    /// For each unit, the units merged into it, in unit order.
    pub merged_from: IdVec<UnitId, Vec<UnitId>>,
    /// The unit `config.toml`'s `home_unit` names ([`home_unit`]): the one
    /// the home page headlines and shortcodes report by default.
    pub home_unit: Option<UnitId>,
    /// Id strings to ids, for what editors name outside `data/` (shortcode
    /// arguments, `home_unit`): resolved once, where they are read.
    lookup: Lookup,
}

/// Where a result line is: its table, and its position among the table's
/// rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowAt {
    pub table: TableId,
    pub row: usize,
}

/// One result of a unit, with its table and line.
#[derive(Debug, Clone, Copy)]
pub struct UnitResult<'a> {
    pub at: RowAt,
    pub table: &'a Table,
    pub row: &'a Row,
}

/// Id strings to ids, one map per kind of definition.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lookup {
    pub indices: BTreeMap<String, IndexId>,
    pub groups: BTreeMap<String, GroupId>,
    pub regions: BTreeMap<String, RegionId>,
    pub units: BTreeMap<String, UnitId>,
}

impl Site {
    /// Every result of a unit with its table, latest year first.
    pub fn results_of(&self, unit: UnitId) -> impl Iterator<Item = UnitResult<'_>> {
        self.results_by_unit
            .get(unit)
            .into_iter()
            .flatten()
            .map(|&at| UnitResult {
                at,
                table: &self.tables[at.table],
                row: &self.tables[at.table].rows[at.row],
            })
    }

    /// The index an editor named by its id (a shortcode argument).
    pub fn index_named(&self, id: &str) -> Option<IndexId> {
        self.lookup.indices.get(id).copied()
    }

    /// The group an editor named by its id.
    pub fn group_named(&self, id: &str) -> Option<GroupId> {
        self.lookup.groups.get(id).copied()
    }

    /// The unit an editor named by its id.
    pub fn unit_named(&self, id: &str) -> Option<UnitId> {
        self.lookup.units.get(id).copied()
    }

    /// Every unit id, for "did you mean" hints.
    pub fn unit_ids(&self) -> impl Iterator<Item = &str> {
        self.lookup.units.keys().map(String::as_str)
    }
}

/// One index (chỉ số), as defined in `data/indices.*`.
#[derive(Debug, Clone)]
pub struct Index {
    pub id: String,
    pub name: String,
    /// The short name, or the name when none was given.
    pub short_name: String,
    pub publisher: Option<String>,
    /// Markdown.
    pub description: String,
    pub scale: Scale,
    /// What a score is measured in: "%" or "điểm".
    pub unit_label: String,
    /// Decimals the index is published with.
    pub decimals: u32,
    pub higher_is_better: bool,
    /// Whether complete component scores must add up to the total.
    pub components_sum_to_total: bool,
    /// Components, by position (a row's components refer to them by it).
    pub components: Vec<Component>,
    /// Rating bands in definition order (a row's band refers to it by
    /// position).
    pub bands: Vec<Band>,
}

/// The range of an index's scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
}

/// One component of an index.
#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    pub id: String,
    pub name: String,
    pub max: Option<f64>,
}

/// One rating band of an index.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub id: String,
    pub name: String,
    /// The lowest score that reaches the band.
    pub min: f64,
}

/// A group (khối) of units ranked together.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub name: String,
    /// Markdown.
    pub description: String,
    /// The groups declared comparable with this one (either way round is
    /// enough for a comparison).
    pub comparable_with: Vec<GroupId>,
}

/// A region, within a named scheme.
#[derive(Debug, Clone)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub scheme: String,
}

/// A unit (đơn vị), its references resolved.
#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: String,
    /// The group the unit is usually ranked in.
    pub group: Option<GroupId>,
    pub regions: Vec<RegionId>,
    pub former_names: Vec<String>,
    pub active_from: Option<i32>,
    pub active_to: Option<i32>,
    /// The unit it was merged into.
    pub merged_into: Option<UnitId>,
    pub abolished: Option<Date>,
    /// Markdown.
    pub description: String,
}

/// Where a table's figures come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub title: String,
    pub issuer: Option<String>,
    pub date: Option<Date>,
    pub url: Option<String>,
}

/// A value published elsewhere for the same result.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    pub value: f64,
    /// Who published it, and where.
    pub source: String,
}

/// One results table: an index, a year, a group.
#[derive(Debug, Clone)]
pub struct Table {
    pub index: IndexId,
    pub group: GroupId,
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
    pub top_band: Option<TopBand>,
    /// For a complete table, each region with units in it: how many are
    /// ranked and their average, in region definition order.
    pub regions: Vec<RegionSummary>,
    /// A table of scores with no ranks at all: nothing ranked, no "of".
    pub scores_only: bool,
    /// The unordered lists of units at one end of the ranking, as
    /// published, in file order.
    pub listings: Vec<Listing>,
    /// The file the table came from, relative to the site root.
    pub file: PathBuf,
}

/// An unordered list of the units at one end of a table, as published
/// ("5 đơn vị có điểm thấp nhất"), checked against the ranks.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub label: String,
    pub end: ListingEnd,
    pub count: u32,
    /// The units listed, in unit (alphabetical) order.
    pub units: Vec<UnitId>,
    /// Why the list is kept although the ranks disagree with it (Markdown).
    pub disputed: Option<String>,
}

/// Which end of a ranking a [`Listing`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListingEnd {
    Top,
    Bottom,
}

/// A published threshold in place of a score: "từ 90% trở lên" (`strict`
/// false, shown "≥ 90%") or "trên 90%" (`strict`, shown "> 90%").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    pub value: f64,
    pub strict: bool,
}

/// A stated figure kept although chiso derives another: the note says why.
#[derive(Debug, Clone, PartialEq)]
pub struct Disputed {
    /// The figure chiso derives (the percent of points over their maximum).
    pub derived: f64,
    /// Why the published figure is kept (Markdown).
    pub note: String,
}

impl Table {
    /// Whether any score shown from this table is illustrative.
    pub fn has_illustrative(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.illustrative && r.value.is_some())
    }

    /// The rows ranked first (several when tied).
    pub fn leaders(&self) -> impl Iterator<Item = &Row> + '_ {
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

/// The band with the highest threshold, and how many ranked units reach it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopBand {
    /// The band's position in its index's bands.
    pub band: usize,
    pub count: usize,
}

/// A region's part of a complete table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionSummary {
    pub region: RegionId,
    pub ranked: u32,
    pub average: Option<f64>,
}

/// One unit's line in a table.
#[derive(Debug, Clone)]
pub struct Row {
    pub unit: UnitId,
    /// The index value: the score, or the percentage for point-scored units.
    pub value: Option<f64>,
    pub points: Option<f64>,
    pub max_points: Option<f64>,
    /// Decimals the value is shown with.
    pub decimals: u32,
    /// The percent published beside the points (then `value`), if any.
    pub percent: Option<f64>,
    /// A published threshold in place of a score.
    pub threshold: Option<Threshold>,
    /// A stated figure that disagrees with the derived one, kept with a note.
    pub disputed: Option<Disputed>,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Why this line's "of" differs from the table's (Markdown).
    pub of_note: Option<String>,
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
    /// The comparison with the unit's result the year before.
    pub comparison: Comparison,
    /// The line's position in its results file, for diagnostics.
    pub entry: usize,
}

/// A result against the unit's latest earlier result on the same index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Comparison {
    /// The unit is not ranked in this table, so it is not compared (and
    /// pages show no reason: the line already says "không xếp hạng").
    NotRanked,
    /// The change since the earlier result.
    Change(Change),
    /// There is no change to show, for this reason.
    Unavailable(NoComparison),
}

impl Comparison {
    pub fn change(&self) -> Option<&Change> {
        match self {
            Comparison::Change(change) => Some(change),
            _ => None,
        }
    }
}

/// Why a ranked result is not compared with the year before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NoComparison {
    /// No earlier result for this index.
    FirstResult,
    /// The earlier result was in a group that is not comparable.
    OtherGroup { year: i32, group: GroupId },
    /// The unit was not ranked in the earlier year.
    NotRankedThen { year: i32 },
}

/// A rank within a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionalRank {
    pub region: RegionId,
    pub rank: u32,
    pub of: Option<u32>,
}

/// Change against the previous year the unit was in the same index and group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub previous_year: i32,
    pub previous_rank: Option<u32>,
    /// Places gained (positive) or lost (negative).
    pub rank_delta: Option<i64>,
    pub value_delta: Option<f64>,
}
