//! The data file formats, as serde types: `data/indices.*`, `data/units.*` and
//! `data/results/**`. TOML and JSON files deserialize into the same types, so a
//! table means the same thing whichever format an editor chose.
//!
//! These structs are the documentation of the formats: every field has a doc
//! comment, and unknown keys are refused (`deny_unknown_fields`) so that a typo
//! is reported instead of silently ignored. Nothing here is validated beyond
//! types; cross-checks live in `model`, which turns these into its own
//! resolved types. These types only read: nothing after `model` sees them,
//! and templates never do, so the file format can grow without breaking a
//! site's templates.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::date::Date;

/// `data/indices.toml` (or `.json`): the indices this site reports on.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicesFile {
    /// One entry per index, e.g. PAR Index, PAPI, SIPAS, the province's own index.
    #[serde(default, rename = "index")]
    pub indices: Vec<IndexDef>,
}

/// One index (chỉ số).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexDef {
    /// Stable id, used in URLs and result files (`par-index`).
    pub id: String,
    /// Full Vietnamese name ("Chỉ số Cải cách hành chính").
    pub name: String,
    /// Short name shown in tables and headings ("PAR Index").
    pub short_name: Option<String>,
    /// Who publishes it ("Bộ Nội vụ").
    pub publisher: Option<String>,
    /// A paragraph of Markdown describing the index.
    #[serde(default)]
    pub description: String,
    /// Lowest and highest possible score.
    pub scale: Scale,
    /// What a score is measured in, shown after it: "%" or "điểm".
    #[serde(default = "default_unit_label")]
    pub unit_label: String,
    /// Decimals the index is published with; ranks and ties are decided on
    /// scores rounded to this precision.
    #[serde(default = "default_decimals")]
    pub decimals: u32,
    /// Whether a higher score is better (true for every index so far).
    #[serde(default = "default_true")]
    pub higher_is_better: bool,
    /// Whether a result's component scores must add up to its total (the
    /// score, or the points of a point-scored unit) when all are given.
    #[serde(default)]
    pub components_sum_to_total: bool,
    /// Components (lĩnh vực, dimensions), each with its own maximum.
    #[serde(default, rename = "component")]
    pub components: Vec<ComponentDef>,
    /// Rating bands, highest first or in any order; a score at or above `min`
    /// gets the highest band whose `min` it reaches.
    #[serde(default, rename = "band")]
    pub bands: Vec<BandDef>,
}

/// The range of an index's scores.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
}

/// One component of an index.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentDef {
    /// Stable id, used as the key in a result's `components`.
    pub id: String,
    /// Vietnamese name ("Cải cách thủ tục hành chính").
    pub name: String,
    /// The highest score this component can take.
    pub max: Option<f64>,
}

/// One rating band, with its threshold as data (thresholds differ per province).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandDef {
    /// Stable id (`a`, `xuat-sac`).
    pub id: String,
    /// Vietnamese name ("Nhóm A", "Hoàn thành xuất sắc nhiệm vụ").
    pub name: String,
    /// Lowest score (in the index's scale, or percent for point-scored
    /// indices) that reaches this band.
    pub min: f64,
}

/// `data/units.toml` (or `.json`): groups, regions and the units scored.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitsFile {
    /// Groups (khối) of units ranked together.
    #[serde(default, rename = "group")]
    pub groups: Vec<GroupDef>,
    /// Regions that provinces belong to, under one or more schemes.
    #[serde(default, rename = "region")]
    pub regions: Vec<RegionDef>,
    /// Every unit that is scored anywhere on the site.
    #[serde(default, rename = "unit")]
    pub units: Vec<UnitDef>,
}

/// A group (khối) of units ranked together.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupDef {
    /// Stable id, used in URLs (`so-ban-nganh`).
    pub id: String,
    /// Vietnamese name ("Sở, ban, ngành").
    pub name: String,
    /// Optional Markdown description.
    #[serde(default)]
    pub description: String,
    /// Groups whose earlier results may be compared with this group's, e.g.
    /// the same block under its former id. Changes against the previous year
    /// are only computed within a group or between comparable ones.
    #[serde(default)]
    pub comparable_with: Vec<String>,
}

/// A region, within a named scheme.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionDef {
    /// Stable id (`bac-trung-bo`).
    pub id: String,
    /// Vietnamese name ("Bắc Trung Bộ").
    pub name: String,
    /// The scheme the region belongs to ("6 vùng kinh tế - xã hội").
    #[serde(default)]
    pub scheme: String,
}

/// A unit (đơn vị): a province, department, district, agency…
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    /// Stable id, used in URLs and result files (`so-khoa-hoc-va-cong-nghe`).
    pub id: String,
    /// Current Vietnamese name.
    pub name: String,
    /// What kind of unit this is, free text ("Sở", "UBND cấp huyện", "Tỉnh").
    #[serde(default)]
    pub kind: String,
    /// The group the unit is usually ranked in.
    pub group: Option<String>,
    /// Regions (ids) the unit belongs to.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Names the unit had before, kept so they stay searchable.
    #[serde(default)]
    pub former_names: Vec<String>,
    /// First assessment year the unit existed in.
    pub active_from: Option<i32>,
    /// Last assessment year the unit existed in.
    pub active_to: Option<i32>,
    /// The unit it was merged into; its history is shown on that unit's page.
    pub merged_into: Option<String>,
    /// The day the unit ceased to exist (district level: 2025-07-01).
    pub abolished: Option<Date>,
    /// A sentence or two of Markdown about the unit.
    #[serde(default)]
    pub description: String,
}

/// A results file under `data/results/`: one index, one year, one group.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsFile {
    /// Index id.
    pub index: String,
    /// Assessment year (PAR Index 2023 was announced in 2024: the year is 2023).
    pub year: i32,
    /// Group id.
    pub group: String,
    /// `true` when every unit of the group is listed: ranks are then computed
    /// (and any stated rank is checked against them). `false` for a partial
    /// table, such as the province's own line in a national ranking, where
    /// each result states what was published (score, rank, threshold).
    #[serde(default)]
    pub complete: bool,
    /// `true` when the unit scores in this table were not published and are
    /// illustrative; every page showing them says so.
    #[serde(default)]
    pub illustrative: bool,
    /// When the results were announced.
    pub announced: Option<Date>,
    /// Where the figures come from.
    pub source: Option<Source>,
    /// The group average as published (national average in a partial table);
    /// in a complete table it is checked against the computed one.
    pub published_average: Option<f64>,
    /// A note shown under the table (Markdown).
    #[serde(default)]
    pub note: String,
    /// The results, one per unit.
    #[serde(default, rename = "result")]
    pub results: Vec<ResultRow>,
    /// The number of units ranked ("of"), stated once for the whole table
    /// (a partial table: "xếp thứ 14/63"). Each line's `of` defaults to it;
    /// a line stating another number must say why (`of_note`).
    pub of: Option<u32>,
    /// `true` for a table of scores published with no ranks at all (a
    /// dashboard of some provinces' scores): no rank is computed, stated or
    /// shown, and no "of"; the lines need not cover the group.
    #[serde(default)]
    pub scores_only: bool,
    /// Unordered lists the publication gives instead of ranks ("5 đơn vị
    /// có điểm thấp nhất là …"): checked against the table's ranks.
    #[serde(default, rename = "listing")]
    pub listings: Vec<Listing>,
    /// Units of the group left out of the table on purpose, each with the
    /// reason (their results were not published). A complete table must list
    /// every unit active in its group that year, as a result or here; an
    /// excluded unit is not ranked and counts in no figure.
    #[serde(default)]
    pub excluded: Vec<Exclusion>,
}

/// An unordered list of the units at one end of a table ("top 3", "5 đơn
/// vị có điểm thấp nhất").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// How the publication names the list ("5 đơn vị có điểm thấp nhất").
    pub label: String,
    /// Which end of the ranking: `top` (best) or `bottom` (worst).
    pub end: ListingEnd,
    /// How many units the list names (the N of "top N").
    pub count: u32,
    /// The units listed (ids), in any order.
    pub units: Vec<String>,
    /// Why the list is kept although it disagrees with the table's ranks
    /// (Markdown): the publication is known to be wrong.
    pub disputed: Option<String>,
}

/// The end of a ranking a [`Listing`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListingEnd {
    /// The best-ranked units.
    Top,
    /// The worst-ranked units.
    Bottom,
}

/// A unit of the group deliberately absent from a table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// Unit id.
    pub unit: String,
    /// Why the unit is not in the table ("kết quả không được công bố").
    pub reason: String,
}

/// Where a table's figures come from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title, e.g. "Quyết định số 519/QĐ-UBND".
    pub title: String,
    /// Issuing body ("UBND tỉnh Hà Tĩnh").
    pub issuer: Option<String>,
    /// Date of the decision or article.
    pub date: Option<Date>,
    /// Link to the document or article.
    pub url: Option<String>,
}

/// One unit's result in a table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultRow {
    /// Unit id.
    pub unit: String,
    /// The score on the index's scale. Give either `score`, or `points` with
    /// `max_points` or `percent`. A partial table may leave it out when only
    /// the rank (or a threshold) was published.
    pub score: Option<f64>,
    /// Points earned, when the unit is scored out of its own maximum; the
    /// index value is then `points / max_points` as a percentage.
    pub points: Option<f64>,
    /// The unit's own maximum points. Without it, `points` need `percent`.
    pub max_points: Option<f64>,
    /// The index value as a percentage, published beside `points` ("đạt
    /// 85,5 điểm, tương ứng 90,0%"); checked against `points / max_points`
    /// when `max_points` is given too.
    pub percent: Option<f64>,
    /// A published threshold instead of a score: "đạt từ 90% trở lên"
    /// (`at_least = 90`, shown "≥ 90%").
    pub at_least: Option<f64>,
    /// A published strict threshold instead of a score: "trên 90%"
    /// (`above = 90`, shown "> 90%").
    pub above: Option<f64>,
    /// Decimals this score was published with, when fewer than the index's.
    pub decimals: Option<u32>,
    /// Stated rank: checked in a complete table; in a partial one, checked
    /// against the other lines' (ranks follow scores).
    pub rank: Option<u32>,
    /// Stated number of units ranked; defaults to the table's `of`.
    pub of: Option<u32>,
    /// Why this line's `of` differs from the table's (Markdown; "xếp hạng
    /// trong 58 tỉnh có đủ dữ liệu"): a stated exception.
    pub of_note: Option<String>,
    /// Why a stated figure of this line is kept although it disagrees with
    /// the one chiso derives (Markdown; the percent of `points` over
    /// `max_points`): pages show both values and this note.
    pub disputed: Option<String>,
    /// Stated regional ranks.
    #[serde(default)]
    pub regional: Vec<RegionalRank>,
    /// Component scores by component id.
    #[serde(default)]
    pub components: BTreeMap<String, f64>,
    /// Overrides the table's `illustrative` flag for this one result (a
    /// published score in an otherwise illustrative table).
    pub illustrative: Option<bool>,
    /// Why the unit was left out of the ranking (PAPI 2022 left out two
    /// provinces whose survey data were unreliable). The line is shown as
    /// "không xếp hạng" with the reason and counts in no rank, total or
    /// average; it has no `rank`.
    pub not_ranked: Option<String>,
    /// Other values published for this result; `score` is the one chosen,
    /// and pages show the others in a footnote.
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
    /// A note shown as a footnote to this result (Markdown).
    #[serde(default)]
    pub note: String,
}

/// A value published elsewhere for the same result.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// The other value.
    pub value: f64,
    /// Who published it, and where.
    pub source: String,
}

/// A stated rank within a region.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionalRank {
    /// Region id.
    pub region: String,
    /// Rank within the region.
    pub rank: u32,
    /// Number of units ranked in the region.
    pub of: Option<u32>,
}

fn default_unit_label() -> String {
    "điểm".to_owned()
}

fn default_decimals() -> u32 {
    2
}

fn default_true() -> bool {
    true
}
