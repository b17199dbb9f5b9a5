//! The site's data after validation and derivation: the one model every
//! later stage reads.
//!
//! [`assemble`](assemble::assemble) turns the raw files of `data/` (the file
//! format, `data::schema`) into a [`Site`] of resolved types: every id an
//! editor wrote is resolved once, here, into a typed id ([`IndexId`],
//! [`GroupId`], [`RegionId`], [`UnitId`], [`TableId`]), every table is
//! ranked, averaged, banded and compared with the year before, and the
//! indexes pages need (years, results by unit, merged units, the home unit;
//! and [`tags`], over the articles) are derived; the tile-grid map layouts
//! ([`tiles`]) are checked and resolved.
//! Nothing in the model is typed by an editor twice; a stated figure that
//! disagrees with a derived one was reported as an error before the model
//! was made. The model is not what templates see: `render::views` is.

mod alternatives;
mod assemble;
mod band_order;
pub mod bands;
mod changes;
mod completeness;
mod components;
pub mod derive;
mod figures;
mod group_labels;
mod home;
pub mod ids;
mod lines;
mod listings;
mod partial;
mod precision;
mod ranking;
mod region_figures;
mod row;
mod stated_changes;
mod tags;
#[cfg(test)]
pub(crate) mod tests;
mod ties;
pub mod tiles;
mod written;

pub use changes::same_field;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::data::schema::RankStyle;
use crate::date::Date;

pub use assemble::{assemble, assemble_reusing, TableCache, EXCEL_SUFFIX};
pub use components::component_decimals;
pub use home::home_unit;
pub use ids::{GroupId, Id, IdVec, IndexId, RegionId, TableId, UnitId};
pub use tags::{tags, Tag};
pub use tiles::{Tile, TileLayout};

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
    /// For each table, how many tables (itself included) rank its group in
    /// its year: one means the table is alone on its group's ranking page;
    /// more, and each has its own page under it (`render::urls`).
    pub page_mates: IdVec<TableId, usize>,
    /// The unit `config.toml`'s `home_unit` names ([`home_unit`]): the one
    /// the home page headlines and shortcodes report by default.
    pub home_unit: Option<UnitId>,
    /// The tables whose results files give nothing to publish yet: not
    /// published, and told as waiting where a link or shortcode asks for
    /// them.
    pub waiting: Vec<WaitingTable>,
    /// The tile-grid map layouts of `data/tiles.*`, checked, in file order;
    /// their year spans do not overlap ([`Site::tile_layout`]).
    pub tile_layouts: Vec<TileLayout>,
    /// Id strings to ids, for what editors name outside `data/` (shortcode
    /// arguments, `home_unit`): resolved once, where they are read.
    lookup: Lookup,
    /// The units with a `renamed` name, in unit order: the few whose name
    /// in a year may be another unit's ([`Site::listed_name`]).
    renamed_units: Vec<UnitId>,
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

/// A table whose results file gives nothing to publish yet
/// ([`ResultsFile::waits_for_results`](crate::data::schema::ResultsFile::waits_for_results)).
#[derive(Debug, Clone, PartialEq)]
pub struct WaitingTable {
    /// Its index, group and year, as the file names them.
    pub index: String,
    pub group: String,
    pub year: i32,
    pub file: std::path::PathBuf,
}

/// Id strings to ids, one map per kind of definition.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lookup {
    pub indices: BTreeMap<String, IndexId>,
    pub groups: BTreeMap<String, GroupId>,
    pub regions: BTreeMap<String, RegionId>,
    pub units: BTreeMap<String, UnitId>,
}

/// What tells `unit` apart from `others` of the same name: its kind when
/// none of theirs is the same, else its id.
fn kind_or_id<'u>(unit: &'u Unit, others: &[&Unit]) -> &'u str {
    if !unit.kind.is_empty() && others.iter().all(|o| o.kind != unit.kind) {
        &unit.kind
    } else {
        &unit.id
    }
}

impl Site {
    /// The units with the same name as unit `u`, itself included: units are
    /// in name order, so they are beside it.
    fn namesakes(&self, u: UnitId) -> impl Iterator<Item = &Unit> + '_ {
        let name = self.units[u].name.as_str();
        let at = u.position();
        let same = move |k: &usize| {
            self.units
                .get(UnitId::from_position(*k))
                .is_some_and(|o| o.name == name)
        };
        let first = (0..at).rev().take_while(same).last().unwrap_or(at);
        (first..)
            .take_while(same)
            .filter_map(|k| self.units.get(UnitId::from_position(k)))
    }

    /// Unit `u`'s name as a page title, a search result or a share card
    /// names it: its name, and when another unit has the same name (two
    /// communes "UBND xã Quảng Tiến" of two districts), what tells them
    /// apart in brackets: its group, else its kind, else its id.
    pub fn unit_title(&self, u: UnitId) -> std::borrow::Cow<'_, str> {
        let unit = &self.units[u];
        let others: Vec<&Unit> = self.namesakes(u).filter(|o| o.id != unit.id).collect();
        if others.is_empty() {
            return unit.name.as_str().into();
        }
        let group = |o: &Unit| o.group.map(|g| self.groups[g].name.as_str());
        let apart = match group(unit) {
            Some(name) if others.iter().all(|o| group(o) != Some(name)) => name,
            _ => kind_or_id(unit, &others),
        };
        format!("{} ({apart})", unit.name).into()
    }

    /// Unit `u`'s name in `year` as a table, list or chart of its group
    /// prints it: as that year named it, and when another unit of its group
    /// has the same name (two communes "UBND xã Quảng Tiến" of one
    /// district), what tells them apart in brackets, its kind, else its id:
    /// the two lines of a table, a leader and a last place, would otherwise
    /// read as one unit.
    ///
    /// Names are compared as the year gives them: a unit renamed since may
    /// have had another's name that year, and a unit's current namesake
    /// may then have had another name.
    pub fn listed_name(&self, u: UnitId, year: i32) -> std::borrow::Cow<'_, str> {
        let unit = &self.units[u];
        let name = unit.name_in(year);
        // A unit gone by then (an old commune whose name a new one took
        // in the 2025 reform) is told apart from no line of that year.
        let active = |o: &Unit| {
            o.active_from.is_none_or(|from| year >= from) && o.active_to.is_none_or(|to| year <= to)
        };
        let same_that_year = |o: &&Unit| {
            o.id != unit.id && o.group == unit.group && active(o) && o.name_in(year) == name
        };
        let mut others: Vec<&Unit> = self.namesakes(u).filter(same_that_year).collect();
        // Units renamed: their name that year may be this one. (A unit
        // named so today and never renamed is one of them too when `u` is.)
        others.extend(
            self.renamed_units
                .iter()
                .map(|&o| &self.units[o])
                .filter(|o| o.name != unit.name)
                .filter(same_that_year),
        );
        if name != unit.name {
            others.extend(
                self.units
                    .iter()
                    .filter(|o| o.renamed.is_empty() && o.name == name)
                    .filter(same_that_year),
            );
        }
        if others.is_empty() {
            return name.into();
        }
        format!("{name} ({})", kind_or_id(unit, &others)).into()
    }

    /// Whether table `t` has a page of its own beside its group's ranking
    /// page, which then lists the year's tables of the group
    /// ([`Site::page_mates`]).
    pub fn has_own_page(&self, t: TableId) -> bool {
        self.page_mates.get(t).is_some_and(|&n| n > 1)
    }

    /// The tables of group `g` in `year`, in table order (by index).
    pub fn tables_of(&self, year: i32, g: GroupId) -> impl Iterator<Item = TableId> + '_ {
        self.tables
            .iter_enumerated()
            .filter(move |(_, t)| t.year == year && t.group == g)
            .map(|(t, _)| t)
    }

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
#[derive(Debug, Clone, PartialEq)]
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
    /// Rating bands in definition order; each table copies them, or has
    /// its own instead ([`Table::bands`]).
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
    /// Decimals its scores are published with: its own, else the index's.
    pub decimals: u32,
    /// The component this one is part of (its position), if any.
    pub parent: Option<usize>,
    /// The components part of this one (positions), in definition order.
    pub children: Vec<usize>,
    /// 0 for a top-level component, 1 for its children, and so on.
    pub depth: usize,
    /// Whether the children's scores add up to this component's.
    pub sum_of_children: bool,
}

/// One rating band of an index or of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub id: String,
    pub name: String,
    /// What reaches the band.
    pub threshold: Threshold,
}

/// What reaches a band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Threshold {
    /// A score at or above this ("từ 90%").
    Min(f64),
    /// A score strictly above this ("trên 90%").
    Above(f64),
    /// A rank at or better than this ("top 10").
    MaxRank(u32),
    /// Nothing chiso can compute: a line is in the band only when it says
    /// so (quartile groups whose cut-offs were not published).
    Stated,
}

impl Threshold {
    /// The score threshold and whether it is strict, for score bands.
    pub fn score(&self) -> Option<(f64, bool)> {
        match *self {
            Threshold::Min(v) => Some((v, false)),
            Threshold::Above(v) => Some((v, true)),
            _ => None,
        }
    }
}

/// A group (khối) of units ranked together.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: String,
    pub name: String,
    /// Markdown.
    pub description: String,
    /// What its average is called on pages: the editor's `average_label`,
    /// else "Bình quân khối …" (`group_labels`).
    pub average_label: String,
    /// The groups declared comparable with this one (either way round is
    /// enough for a comparison).
    pub comparable_with: Vec<GroupId>,
    /// The units of the group, in unit order: what a complete table must
    /// cover, read without a scan of every unit per table.
    pub units: Vec<UnitId>,
}

/// A region, within a named scheme.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub scheme: String,
    /// A geographic region, or a category of units that is not a place.
    pub kind: RegionKind,
}

/// Whether a [`Region`] is a place ("vùng") or a category of units
/// ranked among themselves ("nhóm": the centrally-run cities).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RegionKind {
    #[default]
    Region,
    Category,
}

/// A unit (đơn vị), its references resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: String,
    /// The group the unit is usually ranked in.
    pub group: Option<GroupId>,
    pub regions: Vec<RegionId>,
    /// Every name the unit had before: those of `renamed` too.
    pub former_names: Vec<String>,
    /// Names the unit had up to an assessment year, (last year, name),
    /// earliest first: what the tables of those years print.
    pub renamed: Vec<(i32, String)>,
    pub active_from: Option<i32>,
    pub active_to: Option<i32>,
    /// The unit it was merged into.
    pub merged_into: Option<UnitId>,
    pub abolished: Option<Date>,
    /// Markdown.
    pub description: String,
}

impl Unit {
    /// The unit's name in assessment year `year`: the one `renamed` gives
    /// for it, else its current name.
    pub fn name_in(&self, year: i32) -> &str {
        self.renamed
            .iter()
            .find(|(until, _)| year <= *until)
            .map_or(&self.name, |(_, name)| name)
    }
}

/// Where a table's figures come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub title: String,
    /// The document's number, when the title does not hold it.
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<Date>,
    pub url: Option<String>,
}

/// A figure published elsewhere for the same result: a value, a rank, or
/// both (at least one).
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    pub value: Option<f64>,
    /// The decimals `value` was written with (`90.80`: 2), so that it
    /// prints as published.
    pub decimals: u32,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Who published it, and where.
    pub source: String,
}

/// A change against an earlier year as the source published it, and how it
/// stands against the change chiso derives.
#[derive(Debug, Clone, PartialEq)]
pub struct StatedChange {
    /// The year compared with: `since` as stated, else the year before the
    /// table's.
    pub since: i32,
    /// Whether the publication named the year (`since`); one that did not
    /// ("tăng 1 bậc") is quoted without one.
    pub since_stated: bool,
    /// Places gained (positive) or lost.
    pub places: Option<i64>,
    /// Points gained (positive) or lost.
    pub points: Option<f64>,
    /// The decimals `points` was written with (`4.10`: 2), so that it
    /// prints as published.
    pub points_decimals: u32,
    /// The change chiso derives against `since`, when it can.
    pub derived: Option<Change>,
    /// The editor's note (Markdown) on why a published figure that
    /// disagrees is kept.
    pub disputed: Option<String>,
    pub standing: Standing,
}

/// How a published figure stands against the one chiso derives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Nothing to derive it from: shown as published.
    Underived,
    /// The derived figure agrees (at the published precision).
    Agrees,
    /// The derived figure differs, and the editor's `disputed` note says
    /// why the published one is kept: pages show both.
    Disputed,
}

/// A region's (or category's) figures in one table: derived in a complete
/// table, as published in a partial one, with what was published beside.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionFigure {
    pub region: RegionId,
    /// The region's average, derived (complete table) or published.
    pub average: Option<f64>,
    /// The region's rank among the regions of its scheme (ties share).
    pub rank: Option<u32>,
    /// The number of regions of the scheme ranked.
    pub of: Option<u32>,
    /// The figures as published, when they were.
    pub published: Option<PublishedRegion>,
    /// The editor's note (Markdown) on a published figure kept though it
    /// disagrees.
    pub disputed: Option<String>,
    pub standing: Standing,
}

/// A region's figures as a table's source published them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PublishedRegion {
    pub average: Option<f64>,
    pub rank: Option<u32>,
    pub of: Option<u32>,
}

/// One results table: an index, a year, a group.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub index: IndexId,
    pub group: GroupId,
    pub year: i32,
    /// Every unit of the group is listed and ranks were computed.
    pub complete: bool,
    /// Decimals the table was published with (its own, else its index's):
    /// ranks, ties, bands and the average compare scores at it.
    pub decimals: u32,
    pub announced: Option<Date>,
    pub source: Option<Source>,
    pub note: String,
    /// How the publisher ordered units whose printed scores are equal, when
    /// it gave them different ranks (`ties_broken`): their stated ranks are
    /// the table's. Set only when some tie was so broken.
    pub ties_broken: Option<String>,
    /// How the publisher numbers ranks after a tie (1, 1, 3 or 1, 1, 2).
    pub rank_style: RankStyle,
    /// Rows ordered by rank, then name.
    pub rows: Vec<Row>,
    /// Number of units ranked ("of"): counted in a complete table, stated in
    /// a partial one.
    pub ranked: Option<u32>,
    /// The group average: computed in a complete table, as published in a
    /// partial one.
    pub average: Option<f64>,
    /// Whether the average was published (in a complete table it was checked
    /// against the computed one), as opposed to derived from the scores.
    pub average_published: bool,
    /// Decimals to print the average with: as the published one was
    /// written, else the table's.
    pub average_decimals: u32,
    /// The average of the table's scores, when the published one kept in
    /// `average` disagrees with it and the editor said why.
    pub average_derived: Option<f64>,
    /// Why the published average is kept though it disagrees (Markdown).
    pub average_disputed: Option<String>,
    /// The rating bands of this table: its own, or its index's. A row's
    /// band and a band count refer to them by position.
    pub bands: Vec<Band>,
    /// Whether `bands` are the table's own (tiers re-cut that year).
    pub own_bands: bool,
    /// The band with the highest score threshold and how many units reach
    /// it (complete tables).
    pub top_band: Option<TopBand>,
    /// Published counts of units per band or reaching a threshold.
    pub band_counts: Vec<BandCount>,
    /// For a complete table, each region with units in it: how many are
    /// ranked and their average, in region definition order.
    pub regions: Vec<RegionSummary>,
    /// Units of the group left out of the table on purpose (`excluded`),
    /// with the reason, in file order.
    pub excluded: Vec<(UnitId, String)>,
    /// Regions' averages and ranks among their scheme's regions: every
    /// region of a complete table (derived, published figures checked), the
    /// published ones of a partial table; in region definition order.
    pub region_figures: Vec<RegionFigure>,
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
pub struct ScoreFloor {
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

    /// Whether the table's computed average is made from an illustrative
    /// score: a line it averages (ranked, with a score) is illustrative. A
    /// published average is not, whatever the lines are.
    pub fn average_illustrative(&self) -> bool {
        !self.average_published && self.average.is_some() && self.ranks_an_illustrative_score()
    }

    /// Whether a ranked line with a score is illustrative: every rank and
    /// the average computed from the table's scores are then made from it.
    pub fn ranks_an_illustrative_score(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.illustrative && r.rank.is_some() && r.basis().is_some())
    }

    /// The units whose disputed published percent yields to the table's
    /// own in what is computed ([`Row::basis`]), as a list for a message.
    pub fn disputed_percent_units(&self, site: &Site) -> Option<String> {
        let units: Vec<&str> = self
            .rows
            .iter()
            .filter(|r| r.disputed_value().is_some())
            .map(|r| site.units[r.unit].name.as_str())
            .collect();
        (!units.is_empty()).then(|| units.join(", "))
    }

    /// The rows ranked first (several when tied).
    pub fn leaders(&self) -> impl Iterator<Item = &Row> + '_ {
        self.rows.iter().filter(|r| r.rank == Some(1))
    }

    /// Number of units rated: those ranked ("of"), and in a complete table
    /// also the lines rated only in a band (a decision's band counts are
    /// out of every unit it rates). A partial table's stated "of" already
    /// counts them.
    pub fn rated(&self) -> Option<u32> {
        let band_only = self.rows.iter().filter(|r| r.is_band_only()).count() as u32;
        match self.complete {
            true => self.ranked.map(|n| n + band_only),
            false => self.ranked,
        }
    }

    /// Whether the table's ranks are computed only: a complete table whose
    /// lines state none (a publication printing scores alone, PAPI's).
    pub fn ranks_computed(&self) -> bool {
        self.complete
            && !self.scores_only
            && self.has_ranks()
            && !self.rows.iter().any(|r| r.rank_stated)
    }

    /// Marks each ranked line that shares its rank with another.
    pub fn mark_ties(&mut self) {
        let mut ranks: Vec<u32> = self.rows.iter().filter_map(|r| r.rank).collect();
        ranks.sort_unstable();
        for row in &mut self.rows {
            row.tied = row.rank.is_some_and(|rank| {
                let first = ranks.partition_point(|&r| r < rank);
                ranks.get(first + 1) == Some(&rank)
            });
        }
    }

    /// How the table's ranks number ties as far as they show it: a dense
    /// table without a tie numbers its places as a standard one does, and
    /// compares with one.
    pub fn tie_numbering(&self) -> RankStyle {
        if self.rank_style == RankStyle::Dense && self.rows.iter().any(|r| r.tied) {
            RankStyle::Dense
        } else {
            RankStyle::Standard
        }
    }

    /// Whether any line has a rank (not so in a decision rating units only
    /// in bands): a table without one shows no rank column.
    pub fn has_ranks(&self) -> bool {
        self.rows.iter().any(|r| r.rank.is_some())
    }

    /// Whether any line has a score, a threshold or a reason it is not
    /// ranked, or the table an average: a table without one shows no
    /// score column.
    pub fn has_scores(&self) -> bool {
        self.average.is_some()
            || self
                .rows
                .iter()
                .any(|r| r.value.is_some() || r.threshold.is_some() || r.not_ranked.is_some())
    }

    /// Whether the table is an extract of a ranking: a partial table with
    /// fewer lines than the units ranked, or not saying how many were.
    pub fn is_extract(&self) -> bool {
        !self.complete
            && !self.scores_only
            // A decision rating units only in bands ranks none.
            && self.has_ranks()
            && self.ranked.is_none_or(|of| self.rows.len() < of as usize)
    }

    /// Whether `count` is the table's top-band count, published and
    /// agreeing with it.
    pub fn confirms_top_band(&self, count: &BandCount) -> bool {
        count.derived.is_none()
            && self.top_band.is_some_and(|top| {
                usize::try_from(count.count).is_ok_and(|n| n == top.count)
                    && match count.counted {
                        Counted::Band(b) => b == top.band,
                        Counted::Score(t) => t == self.bands[top.band].threshold,
                    }
            })
    }

    /// Whether the source published the table's top-band count (a band
    /// count confirms it); else the count is computed from the table.
    pub fn top_band_published(&self) -> bool {
        self.band_counts.iter().any(|c| self.confirms_top_band(c))
    }

    /// The published count of the band with the highest score threshold
    /// (by the band, or by its threshold): what a table with no top band
    /// of its own (a partial table, a decision rating units only in bands)
    /// published of its best band.
    pub fn published_top_count(&self) -> Option<&BandCount> {
        let best = self
            .bands
            .iter()
            .enumerate()
            .filter_map(|(b, band)| band.threshold.score().map(|(v, _)| (b, v)))
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .map(|(b, _)| b)?;
        self.band_counts.iter().find(|c| match c.counted {
            Counted::Band(b) => b == best,
            Counted::Score(t) => t == self.bands[best].threshold,
        })
    }

    /// The rows ranked last (several when tied); none if nothing is ranked.
    pub fn last_place(&self) -> impl Iterator<Item = &Row> {
        let last = self.rows.iter().filter_map(|r| r.rank).max();
        self.rows
            .iter()
            .filter(move |r| last.is_some() && r.rank == last)
    }
}

/// The band with the highest score threshold, and how many ranked units
/// reach it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopBand {
    /// The band's position in its table's bands.
    pub band: usize,
    /// Its score threshold.
    pub threshold: f64,
    /// Whether the threshold is strict ("trên", score above it).
    pub strict: bool,
    pub count: usize,
}

/// A published count of units in a band or reaching a score threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct BandCount {
    pub counted: Counted,
    /// The count as published.
    pub count: u32,
    /// The number it is out of, as published.
    pub of: Option<u32>,
    /// Whether a complete table gives the same count (it was checked, and
    /// agrees).
    pub confirmed: bool,
    /// The count computed from a complete table, when it differs from the
    /// published one and the editor kept the published one (`disputed`).
    pub derived: Option<u32>,
    /// Why the published count is kept (Markdown).
    pub disputed: Option<String>,
}

/// What a band count counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Counted {
    /// The units whose band is this one (a position in the table's bands).
    Band(usize),
    /// The units whose score reaches this threshold (`Min` or `Above`).
    Score(Threshold),
}

/// A line's band: derived from its score or rank, or as published.
#[derive(Debug, Clone, PartialEq)]
pub struct RowBand {
    /// The band (a position in the table's bands): the stated one when the
    /// line states one.
    pub band: usize,
    /// Whether the publication states it on this line.
    pub stated: bool,
    /// When the stated band disagrees with the derived one and the editor
    /// kept it: the derived band (none when the score reaches no band) and
    /// the editor's note.
    pub disputed: Option<(Option<usize>, String)>,
}

impl RowBand {
    /// The band the table gives the line: the derived one when a stated
    /// band is kept against it, else the line's. What counts are made of.
    pub fn table_band(&self) -> Option<usize> {
        match &self.disputed {
            Some((derived, _)) => *derived,
            None => Some(self.band),
        }
    }
}

/// A region's part of a complete table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionSummary {
    pub region: RegionId,
    pub ranked: u32,
    pub average: Option<f64>,
}

/// One unit's line in a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub unit: UnitId,
    /// The index value: the score, or the percentage for point-scored units.
    pub value: Option<f64>,
    pub points: Option<f64>,
    /// The decimals `points` was written with (`97.030`: 3), so that the
    /// points print as published.
    pub points_decimals: u32,
    pub max_points: Option<f64>,
    /// The decimals `max_points` was written with (`100.00`: 2).
    pub max_points_decimals: u32,
    /// Decimals the value is shown with: a published percent's own, else
    /// the line's `decimals`, else the table's.
    pub decimals: u32,
    /// The percent published beside the points (then `value`), if any.
    pub percent: Option<f64>,
    /// A published threshold in place of a score.
    pub threshold: Option<ScoreFloor>,
    /// A stated figure that disagrees with the derived one, kept with a note.
    pub disputed: Option<Disputed>,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Whether the line states its rank (a complete table's may be
    /// computed only).
    pub rank_stated: bool,
    /// Whether the table's computed ranks are made among illustrative
    /// scores (a ranked line of it is illustrative): a rank no line states
    /// is then as illustrative as they are, on a published line too.
    pub ranked_among_illustrative: bool,
    /// Whether another line of the table has the same rank: a sentence
    /// about this line alone says "đồng hạng".
    pub tied: bool,
    /// A stated rank that disagrees with the one a complete table gives
    /// (`rank`), kept with the line's `disputed` note: the publication's
    /// mistake, shown beside the rank.
    pub rank_disputed: Option<DisputedRank>,
    /// Why this line's "of" differs from the table's (Markdown).
    pub of_note: Option<String>,
    pub band: Option<RowBand>,
    pub regional: Vec<RegionalRank>,
    /// Component scores as (component index, score), in definition order.
    pub components: Vec<(usize, f64)>,
    /// Each given component's published and derived figures (rank, "of",
    /// a disputed disagreement), in definition order.
    pub component_figures: Vec<ComponentFigures>,
    pub illustrative: bool,
    pub note: String,
    /// Why the unit was left out of the ranking, if it was.
    pub not_ranked: Option<String>,
    /// Other published values for this result.
    pub alternatives: Vec<Alternative>,
    /// The change against an earlier year as published, if it was.
    pub stated_change: Option<StatedChange>,
    /// The comparison with the unit's result the year before.
    pub comparison: Comparison,
    /// The line's position in its results file, for diagnostics.
    pub entry: usize,
}

/// One component of a result beyond its score: its rank, and what a
/// `disputed` note keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentFigures {
    /// The component's position in its index.
    pub component: usize,
    /// The rank shown: the published one when given, else the derived one
    /// (a complete table whose lines all give the component).
    pub rank: Option<u32>,
    /// The number of units ranked on the component.
    pub of: Option<u32>,
    /// Whether `rank` is derived from the table, the line stating none:
    /// pages say "tính từ bảng" beside it.
    pub rank_computed: bool,
    /// Decimals the score prints with: its own `decimals`, else the
    /// component's.
    pub decimals: u32,
    /// The derived rank, when it differs from the published `rank` and the
    /// line disputes the publication.
    pub derived_rank: Option<u32>,
    /// The sum of the children, when it differs from the published score and
    /// the line disputes the publication.
    pub derived_sum: Option<f64>,
    /// Why the published figures are kept (Markdown).
    pub disputed: Option<String>,
    /// Whether a published figure was compared with a derived one, and
    /// whether they disagreed: a `disputed` note with nothing that
    /// disagrees is a warning.
    pub compared: bool,
    pub disagrees: bool,
}

impl Row {
    /// Whether the line's rank is chiso's, computed from the table, the
    /// line stating none: said wherever the rank is shown (a table whose
    /// every rank is computed says it once, in its head).
    pub fn rank_computed(&self) -> bool {
        self.rank.is_some() && !self.rank_stated
    }

    /// Whether one of the line's regional ranks is chiso's, computed from
    /// a complete table, the line stating none in that region.
    pub fn regional_computed(&self) -> bool {
        self.regional.iter().any(RegionalRank::computed)
    }

    /// Whether the line's value is chiso's arithmetic, `points /
    /// max_points × 100`, the publication printing no percent beside the
    /// points: said wherever the figure is shown alone.
    pub fn value_from_points(&self) -> bool {
        self.value.is_some()
            && self.points.is_some()
            && self.max_points.is_some()
            && self.percent.is_none()
    }

    /// Whether the line states only its band: no score, no rank, not left
    /// out of the ranking (a decision rating units in groups).
    pub fn is_band_only(&self) -> bool {
        self.value.is_none()
            && self.threshold.is_none()
            && self.rank.is_none()
            && self.not_ranked.is_none()
            && self.band.as_ref().is_some_and(|b| b.stated)
    }

    /// The value everything computed from this line uses (its rank, band,
    /// the table's band counts and averages, its change): `value`, except
    /// that a disputed published percent yields to the table's own, as a
    /// disputed rank does. The published figure is still what prints,
    /// marked, with the table's beside it.
    pub fn basis(&self) -> Option<f64> {
        self.disputed_value().map(|d| d.derived).or(self.value)
    }

    /// The line's published value kept against the table's (`disputed`),
    /// when it has a value.
    pub fn disputed_value(&self) -> Option<&Disputed> {
        self.disputed.as_ref().filter(|_| self.value.is_some())
    }

    /// Whether the line's rank is computed from illustrative scores: a
    /// rank no publication stated, on an illustrative line or in a table
    /// ranked among illustrative scores (its place depends on them). It is
    /// as illustrative as they are, and marked as they are.
    pub fn rank_illustrative(&self) -> bool {
        self.rank.is_some()
            && (self.illustrative || self.ranked_among_illustrative)
            && !self.rank_stated
    }

    /// Whether the change the line shows against an earlier year is
    /// chiso's arithmetic alone: a change in places or score derived from
    /// the two years' results, with no published change for the same year
    /// that agrees with it (a disputed one already shows both figures).
    pub fn change_computed(&self) -> bool {
        let Some(change) = self.comparison.change() else {
            return false;
        };
        if change.rank_delta.is_none() && change.value_delta.is_none() {
            return false;
        }
        match &self.stated_change {
            Some(s) if s.standing == Standing::Disputed => false,
            Some(s) => s.standing != Standing::Agrees || s.since != change.previous_year,
            None => true,
        }
    }

    /// The decimals the line's score in component `c` (a position in its
    /// index) prints with: the score's own, else the component's.
    pub fn component_decimals(&self, index: &Index, c: usize) -> u32 {
        self.component_figures
            .iter()
            .find(|f| f.component == c)
            .map_or_else(|| component_decimals(index, c), |f| f.decimals)
    }
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
    /// No earlier result for this index; `earlier_tables` when the index
    /// has complete tables of an earlier year in the group (a unit new that
    /// year), not when this is the first year on record or the earlier
    /// tables are partial (they list some units only).
    FirstResult { earlier_tables: bool },
    /// The earlier result was in a group that is not comparable.
    OtherGroup { year: i32, group: GroupId },
    /// The unit was not ranked in the earlier year.
    NotRankedThen { year: i32 },
    /// The unit was left out of the earlier year's table (`excluded`: its
    /// result was not published).
    NotInTableThen { year: i32 },
    /// Units merged into this one after the earlier year (`merged_into`,
    /// their `active_to` from the earlier year on): the unit is not the one
    /// it was, so neither its rank nor its score compare. `unit` is the
    /// first merged unit and `year` its `active_to` (its last year as a
    /// unit of its own), `second` the next, `others` how many besides the
    /// first.
    Absorbed {
        year: i32,
        unit: UnitId,
        second: Option<UnitId>,
        others: u32,
    },
}

/// A rank within a region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionalRank {
    pub region: RegionId,
    pub rank: u32,
    pub of: Option<u32>,
    /// In a complete table, a published rank that disagrees with the
    /// derived one (`rank`, `of`) and is kept with the editor's note.
    pub disputed: Option<DisputedRank>,
    /// Whether the line states a rank in this region (one kept as
    /// `disputed` included); not so for a rank chiso computed in a
    /// complete table for a line stating none.
    pub stated: bool,
}

impl RegionalRank {
    /// Whether the rank is chiso's, the line stating none: said wherever
    /// it is shown, as [`Row::rank_computed`].
    pub fn computed(&self) -> bool {
        !self.stated
    }
}

/// A published rank kept, with the editor's note (Markdown), though it
/// disagrees with the derived one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisputedRank {
    pub rank: u32,
    pub of: Option<u32>,
    pub note: String,
}

/// Change against the previous year the unit was in the same index and group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub previous_year: i32,
    pub previous_rank: Option<u32>,
    /// How many units the earlier ranking ranked, when known.
    pub previous_of: Option<u32>,
    /// Places gained (positive) or lost (negative); `None` when either
    /// year has no rank, or when the two rankings are not of the same
    /// field (`fields_differ`) or number ties differently
    /// (`rank_styles_differ`).
    pub rank_delta: Option<i64>,
    /// The two rankings' sizes (then, now) when they differ too much for a
    /// place gained to mean anything (63 provinces, then 34 after the 2025
    /// merger): the places are then not compared. See
    /// [`same_field`].
    pub fields_differ: Option<(u32, u32)>,
    /// The earlier year's way of numbering ties when the two years number
    /// them differently (1, 1, 2 one year, 1, 1, 3 the other): a rank is
    /// then not the same place in both, and places are not compared.
    pub rank_styles_differ: Option<crate::data::schema::RankStyle>,
    pub value_delta: Option<f64>,
    /// Decimals `value_delta` is printed with: the coarser of the two
    /// results' (45,42 against 44,3138 is known to the hundredth: +1,11).
    pub decimals: u32,
    /// Whether what the change shows is made from illustrative figures:
    /// places when either rank is computed from illustrative scores (a
    /// stated rank is published), else points when either result is
    /// illustrative. It is then marked as they are.
    pub illustrative: bool,
    /// Whether either year's published value is disputed (its points give
    /// another): `value_delta` is then made from the table's own figure
    /// ([`Row::basis`]), not the one printed, and marked ‡ where shown.
    pub value_disputed: bool,
    /// Whether either year's published rank is disputed (the table ranks
    /// the line otherwise): `rank_delta` is counted from the table's
    /// ranks, not the ones printed, and marked ‡ where shown.
    pub rank_disputed: bool,
    /// Whether either year's score is illustrative: `value_delta`, where
    /// shown, is marked * (`illustrative` says it of what the change cell
    /// shows, places when it has them).
    pub points_illustrative: bool,
}

impl Change {
    /// Whether the change of a result of `year` is against the year just
    /// before; when the data lacks that year it is against an earlier one,
    /// which the pages then name.
    pub fn is_against_the_year_before(&self, year: i32) -> bool {
        self.previous_year == year - 1
    }
}
