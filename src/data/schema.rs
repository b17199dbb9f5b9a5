//! The data file formats, as serde types: `data/indices.*`, `data/units.*`,
//! `data/tiles.*` and `data/results/**`. TOML and JSON files deserialize into
//! the same types, so a table means the same thing whichever format an editor
//! chose.
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
    /// Rating bands, highest first or in any order; a score gets the highest
    /// band whose threshold (`min` or `above`) it reaches, a rank the band
    /// with the smallest `max_rank` it is within. A results file may give
    /// its own bands, which replace these for that table.
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
    /// Decimals this component's scores are published with (`13,969`: 3);
    /// the index's `decimals` when not given. A result's score in the
    /// component is printed at this precision, trailing zeros kept.
    pub decimals: Option<u32>,
    /// The id of the component this one is part of (a DTI pillar over its
    /// components, a PAR Index lĩnh vực over its tiêu chí), at any depth.
    /// Without it the component is top-level.
    pub parent: Option<String>,
    /// Whether the scores of this component's children add up to its own
    /// score; checked on every result that gives them all.
    #[serde(default)]
    pub sum_of_children: bool,
}

/// One rating band, with its threshold as data (thresholds differ per
/// province and year). At most one of `min`, `above` and `max_rank`; a band
/// with none is "stated only" (quartile groups whose cut-offs are not
/// published): a result gets it only by stating it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandDef {
    /// Stable id (`a`, `xuat-sac`).
    pub id: String,
    /// Vietnamese name ("Nhóm A", "Hoàn thành xuất sắc nhiệm vụ").
    pub name: String,
    /// Lowest score (in the index's scale, or percent for point-scored
    /// indices) that reaches this band: "từ 90%" (score ≥ 90), compared at
    /// the index's precision.
    pub min: Option<f64>,
    /// A score strictly above this reaches the band: "trên 90%" (score >
    /// 90), compared at the index's precision.
    pub above: Option<f64>,
    /// A rank at or better than this reaches the band ("top 10": 10).
    pub max_rank: Option<u32>,
}

/// A published count of units in a band, or reaching a threshold: "nhóm A:
/// 7 tỉnh", "12/17 đơn vị đạt từ 90% trở lên". Give `band`, or one of `min`
/// and `above`. Checked against the table when it is complete.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandCountDef {
    /// The band counted (its id): the units whose band is this one.
    pub band: Option<String>,
    /// Counts the units scoring at least this ("từ 90% trở lên").
    pub min: Option<f64>,
    /// Counts the units scoring strictly above this ("trên 90%").
    pub above: Option<f64>,
    /// The count as published.
    pub count: u32,
    /// The number of units it is out of, as published ("12/17": 17).
    pub of: Option<u32>,
    /// A Markdown note saying why the published count is kept although it
    /// disagrees with the table: the disagreement is then not an error, and
    /// pages show both counts with the note.
    pub disputed: Option<String>,
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
    /// What the group's average is called on pages ("Bình quân cả nước"
    /// for the group of all provinces); without it, "Bình quân khối" and
    /// the group's name.
    pub average_label: Option<String>,
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
    /// What the grouping is: `"region"` (a geographic region, the default)
    /// or `"category"` (a set of units ranked among themselves that is not
    /// a place, such as the five centrally-run cities, or ministries as
    /// against provinces). Pages say "vùng" only of regions.
    #[serde(default)]
    pub kind: RegionKind,
}

/// Whether a [`RegionDef`] is a geographic region or a category of units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    /// A geographic region ("vùng").
    #[default]
    Region,
    /// A category of units that is not a place ("nhóm").
    Category,
}

/// The names of the data files' lists of tables (`[[result]]`,
/// `[[index.band]]`): the last part of each header the types below read as
/// a list. A header written with one bracket (`[result]`) meant one of them.
pub const LIST_TABLES: &[&str] = &[
    "index",
    "component",
    "band",
    "group",
    "region",
    "unit",
    "band_count",
    "result",
    "listing",
    "excluded",
    "layout",
    "tile",
];

/// How ranks are numbered after a tie: see [`ResultsFile::rank_style`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RankStyle {
    /// Standard competition ranking: 1, 1, 3 (after a tie of two, the
    /// next rank is the next place).
    #[default]
    Standard,
    /// Dense ranking: 1, 1, 2 (the next rank is the next number).
    Dense,
}

impl RankStyle {
    /// How the style numbers three units after a tie of two ("1, 1, 3").
    pub fn numbering(self) -> &'static str {
        match self {
            RankStyle::Standard => "1, 1, 3",
            RankStyle::Dense => "1, 1, 2",
        }
    }
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
    /// Names the unit had up to a year (`UBND huyện Kỳ Anh` until 2014):
    /// the tables of those years print them, as their publications did.
    /// Searchable like `former_names`.
    #[serde(default)]
    pub renamed: Vec<Renamed>,
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

/// A name a unit had up to an assessment year.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Renamed {
    /// The name as the publications of those years printed it.
    pub name: String,
    /// The last assessment year the unit had this name.
    pub until: i32,
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
    /// in a complete table it is checked against the computed one, allowing
    /// for the rounding of the scores it was computed from.
    pub published_average: Option<f64>,
    /// Why a published average that disagrees with the scores' is kept
    /// (Markdown; "Bộ Nội vụ tính trên cả điểm của đơn vị không xếp hạng"):
    /// pages show the published one, the derived one and this note.
    pub average_disputed: Option<String>,
    /// Decimals this year's table was published with, when they differ from
    /// the index's (a year published with 3 decimals). Ranks, ties, bands
    /// and the average compare scores at this precision, and its scores are
    /// printed with it.
    pub decimals: Option<u32>,
    /// How the publisher ordered units whose printed scores are equal, in
    /// words ("xếp theo điểm chưa làm tròn"), when it gave them different
    /// ranks (1, 2, 3 where the scores print 90,50 twice): their stated
    /// ranks are then kept, and pages show these words under the table.
    /// Without it, equal scores share a rank and a stated one that does
    /// not is an error.
    pub ties_broken: Option<String>,
    /// How the publisher numbers the ranks after a tie: `standard` (1, 1,
    /// 3: the default) or `dense` (1, 1, 2, as some provincial decisions
    /// print "đồng hạng 1", then "hạng 2"). Ranks chiso computes for the
    /// table, its regions and its components follow it.
    #[serde(default)]
    pub rank_style: RankStyle,
    /// A note shown under the table (Markdown).
    #[serde(default)]
    pub note: String,
    /// This table's own rating bands (tiers re-cut for the year): when
    /// given, they replace the index's bands for this table.
    #[serde(default, rename = "band")]
    pub bands: Vec<BandDef>,
    /// Published counts of units per band or reaching a threshold.
    #[serde(default, rename = "band_count")]
    pub band_counts: Vec<BandCountDef>,
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
    /// Regional figures as published with this table: a region's (or
    /// category's) average, and its rank among the regions of its scheme.
    /// Checked against the derived ones in a complete table; held as
    /// published, and checked for consistency, in a partial one.
    #[serde(default, rename = "region")]
    pub regions: Vec<RegionFigureDef>,
}

impl ResultsFile {
    /// Whether the file gives nothing to publish yet: no line, published
    /// average, band count or listing (`chiso init`'s placeholder table, a
    /// year's file made before its results are out).
    pub fn waits_for_results(&self) -> bool {
        self.results.is_empty()
            && self.published_average.is_none()
            && self.band_counts.is_empty()
            && self.listings.is_empty()
    }
}

/// A region's figures as published with a table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionFigureDef {
    /// Region id (a region or category of `data/units.*`).
    pub id: String,
    /// The average of the region's units, as published.
    pub average: Option<f64>,
    /// The region's rank among the regions of its scheme (ties share a
    /// rank), as published.
    pub rank: Option<u32>,
    /// How many regions of the scheme were ranked, as published.
    pub of: Option<u32>,
    /// A Markdown note saying why a published figure that disagrees with
    /// the derived one is kept: the disagreement is then shown, not an error.
    pub disputed: Option<String>,
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

/// Where a table's figures come from. Pages cite it in one line, as
/// Vietnamese documents are cited: the title, `số` and the number, `ngày`
/// and the date, `của` and the issuer ("Quyết định số 519/QĐ-UBND ngày
/// 22/02/2024 của UBND tỉnh Hà Tĩnh"), linked to `url`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What the document is: its kind and, for a decision, its number
    /// ("Quyết định số 519/QĐ-UBND"), or a report's or article's title, or
    /// a newspaper's name ("Báo Hà Tĩnh").
    pub title: String,
    /// The document's number ("519/QĐ-UBND"), when the title does not hold
    /// it: pages then write `<title> số <number>`.
    pub number: Option<String>,
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
    /// Decimals this one score was published with, when they differ from
    /// the table's (fewer or more): the score is printed with them. Ranks,
    /// ties and bands still compare it at the table's precision.
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
    /// Component scores by component id: a number, or the component's
    /// published figures (`{ score = 7.12, rank = 3, of = 63 }`).
    #[serde(default)]
    pub components: BTreeMap<String, ComponentValue>,
    /// Overrides the table's `illustrative` flag for this one result (a
    /// published score in an otherwise illustrative table).
    pub illustrative: Option<bool>,
    /// Why the unit was left out of the ranking (PAPI 2022 left out two
    /// provinces whose survey data were unreliable). The line is shown as
    /// "không xếp hạng" with the reason and counts in no rank, total or
    /// average; it has no `rank`.
    pub not_ranked: Option<String>,
    /// The band the publication puts this unit in (a band id of the table):
    /// checked when it can be derived from the score or rank, held as
    /// published otherwise.
    pub band: Option<String>,
    /// A Markdown note saying why the stated `band` is kept although it
    /// disagrees with the one derived: pages then show both.
    pub band_disputed: Option<String>,
    /// Other values published for this result; `score` is the one chosen,
    /// and pages show the others in a footnote.
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
    /// The change against an earlier year as the source published it
    /// ("tăng 10 bậc", "giảm 2,13 điểm"): checked against the derived
    /// change when chiso can derive it, shown as published otherwise.
    pub change: Option<StatedChange>,
    /// A note shown as a footnote to this result (Markdown).
    #[serde(default)]
    pub note: String,
}

/// One component of a result: its score alone, or its published figures.
#[derive(Debug, Clone, PartialEq)]
pub enum ComponentValue {
    /// `cai-cach-tthc = 13.969`.
    Score(f64),
    /// `cai-cach-tthc = { score = 13.969, rank = 3, of = 21 }`.
    Published(ComponentFigures),
}

impl ComponentValue {
    /// The component's score.
    pub fn score(&self) -> f64 {
        match self {
            ComponentValue::Score(score) => *score,
            ComponentValue::Published(figures) => figures.score,
        }
    }

    /// The published figures, when written as an object.
    pub fn figures(&self) -> Option<&ComponentFigures> {
        match self {
            ComponentValue::Score(_) => None,
            ComponentValue::Published(figures) => Some(figures),
        }
    }
}

// By hand rather than `untagged`, so that a mistake inside the object (an
// unknown key, a rank written as text) is reported as itself.
impl<'de> Deserialize<'de> for ComponentValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = ComponentValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                // A term `parse` says in the editor's language; the table
                // form is for those who know it.
                f.write_str("a number")
            }
            fn visit_f64<E>(self, v: f64) -> Result<ComponentValue, E> {
                Ok(ComponentValue::Score(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<ComponentValue, E> {
                Ok(ComponentValue::Score(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<ComponentValue, E> {
                Ok(ComponentValue::Score(v as f64))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<ComponentValue, A::Error> {
                let de = serde::de::value::MapAccessDeserializer::new(map);
                ComponentFigures::deserialize(de).map(ComponentValue::Published)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A component's figures as published for one result.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentFigures {
    /// The component's score.
    pub score: f64,
    /// Its stated rank among the table's units on this component: held in a
    /// partial table, checked in a complete one.
    pub rank: Option<u32>,
    /// The stated number of units ranked on this component.
    pub of: Option<u32>,
    /// Decimals this one score was published with, when they differ from
    /// the component's (`11,5` among components published with 3: `1`).
    pub decimals: Option<u32>,
    /// A Markdown note saying why the published figure is kept although it
    /// disagrees with the one derived (the component's rank, or the sum of
    /// its children): the disagreement is then shown, not an error.
    pub disputed: Option<String>,
}

/// A figure published elsewhere for the same result: another value, or
/// another rank ("two papers disagree on who was last"), or both. At least
/// one of `value` and `rank` is given.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// The other value.
    pub value: Option<f64>,
    /// The other rank.
    pub rank: Option<u32>,
    /// The number ranked that goes with the other rank.
    pub of: Option<u32>,
    /// Who published it, and where.
    pub source: String,
}

/// A change against an earlier year, as published. Positive means the unit
/// moved up the table or gained points.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedChange {
    /// Places gained (positive, "tăng 10 bậc") or lost (negative).
    pub places: Option<i64>,
    /// Points (score on the index's scale) gained or lost (negative).
    pub points: Option<f64>,
    /// The year compared with, when not the unit's previous result (the
    /// year before, when that has no result).
    pub since: Option<i32>,
    /// A Markdown note saying why a published change that disagrees with
    /// the derived one is kept: the disagreement is then shown, not an error.
    pub disputed: Option<String>,
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
    /// A Markdown note saying why a published regional rank that disagrees
    /// with the one chiso derives (complete tables) is kept: the
    /// disagreement is then shown, not an error.
    pub disputed: Option<String>,
}

/// `data/tiles.toml` (or `.json`): tile-grid maps of the units, like the
/// well-known US and EU tile maps: one square per unit (a province), placed
/// on a grid roughly where it lies. Optional: a site without the file shows
/// no map.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TilesFile {
    /// One or more layouts, each valid for a span of assessment years (a
    /// reorganisation such as the 2025 merger into 34 provinces needs a new
    /// one).
    #[serde(default, rename = "layout")]
    pub layouts: Vec<TileLayoutDef>,
}

/// One tile-grid layout, valid from year `from` to year `to` (both
/// included; a missing end is open). The spans of a site's layouts must not
/// overlap.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TileLayoutDef {
    /// First assessment year the layout is used for; none: every year up to
    /// `to`.
    pub from: Option<i32>,
    /// Last assessment year the layout is used for; none: every year from
    /// `from` on.
    pub to: Option<i32>,
    /// The squares, one per unit.
    #[serde(default, rename = "tile")]
    pub tiles: Vec<TileDef>,
}

/// One square of a tile-grid map.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TileDef {
    /// The unit (id) the square stands for.
    pub unit: String,
    /// Row on the grid, 0 at the top (north).
    pub row: i64,
    /// Column on the grid, 0 at the left (west).
    pub col: i64,
    /// The short text on the square (2–3 letters: "HN", "HTĩ", "HCM");
    /// without it, the initials of the unit's name.
    pub label: Option<String>,
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
