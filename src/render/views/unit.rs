//! The views of a unit's page: the unit itself, its results on each index
//! over the years with their charts, and the units merged into it.

use serde::Serialize;
use tera::Value;

use super::charts::{components_chart, series_charts};
use super::common::{GroupRef, IndexRef};
use super::origin::{ColumnOrigin, Origin};
use super::row_sharing::{LineRef, Request, RowViews};
use super::table::RegionFigureView;
use crate::data::schema::RankStyle;
use crate::model::{IndexId, RowAt, Site, TableId, UnitId};
use crate::render::escape::safe;
use crate::render::urls::Urls;

/// A unit with everything its own page shows; references to other
/// definitions are their ids.
#[derive(Debug, Serialize)]
pub struct UnitView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    /// The id of the group the unit is usually ranked in.
    pub group: Option<&'a str>,
    /// The ids of its regions.
    pub regions: Vec<&'a str>,
    pub former_names: &'a [String],
    pub active_from: Option<i32>,
    pub active_to: Option<i32>,
    /// The id of the unit it was merged into.
    pub merged_into: Option<&'a str>,
    /// `2025-07-01`.
    pub abolished: Option<String>,
    /// The description as written (Markdown); pages show `description_html`.
    pub description: &'a str,
}

impl<'a> UnitView<'a> {
    pub fn new(site: &'a Site, unit: UnitId) -> Self {
        let u = &site.units[unit];
        UnitView {
            id: &u.id,
            name: &u.name,
            kind: &u.kind,
            group: u.group.map(|g| site.groups[g].id.as_str()),
            regions: u
                .regions
                .iter()
                .map(|&r| site.regions[r].id.as_str())
                .collect(),
            former_names: &u.former_names,
            active_from: u.active_from,
            active_to: u.active_to,
            merged_into: u.merged_into.map(|s| site.units[s].id.as_str()),
            abolished: u.abolished.map(|d| d.to_string()),
            description: &u.description,
        }
    }
}

/// A unit merged into the unit of the page, with its own history.
#[derive(Serialize)]
pub struct MergedView<'a> {
    pub unit: super::UnitRef<'a>,
    pub history: Vec<SeriesView<'a>>,
}

/// One unit's result in one year, with where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView<'a> {
    /// The table the line is from.
    #[serde(skip)]
    pub table: TableId,
    pub year: i32,
    pub group: GroupRef<'a>,
    pub table_url: String,
    pub average: Option<f64>,
    pub complete: bool,
    /// The labels of the table's listings that name this unit ("5 đơn
    /// vị có điểm thấp nhất").
    pub listed_in: Vec<&'a str>,
    /// How the table numbers ties: ranks numbered two ways are not joined
    /// by a line.
    #[serde(skip)]
    pub rank_style: RankStyle,
    /// The line, as templates see it.
    #[serde(rename = "row")]
    pub row_value: Value,
    #[serde(skip)]
    pub row: LineRef<'a>,
    /// The components against their maxima (SVG), when the row has them.
    #[serde(serialize_with = "safe")]
    pub components_svg: String,
    /// Whether any of the line's components has a rank (the components'
    /// table then has a rank column).
    pub components_ranked: bool,
    /// Whether every rank of the line's components is derived from the
    /// table, none stated (the rank column's head says "tính từ bảng";
    /// otherwise each derived one says it).
    pub components_ranks_computed: bool,
    /// Whether the line's rank is chiso's, computed from the table, the
    /// line stating none (its cell says "tính từ bảng").
    pub rank_computed: bool,
    /// Whether one of the line's regional ranks is chiso's, computed from
    /// a complete table for a line stating none (its regional cell says
    /// "tính từ bảng").
    pub regional_computed: bool,
    /// The figures of the unit's regions (and categories) in that table:
    /// their average and rank among their scheme's regions.
    pub regions: Vec<RegionFigureView<'a>>,
    /// `nam-2023` on the first line of each year on a unit's page (what the
    /// search links "Hà Tĩnh 2023" to); `None` on the others.
    pub anchor: Option<String>,
    /// The origin the line's change cell states, when it is not its
    /// column head's ([`mark_change_origins`]).
    pub change_mark: Option<Origin>,
    /// The same for its change in points, where a column shows them.
    pub points_change_mark: Option<Origin>,
}

/// Marks the change columns of one history table made of `entries`: each
/// exception to its head's origin in its cell; returns whether the heads
/// of the change and of the change in points say "(tính từ bảng)".
pub fn mark_change_origins<'e, 'a: 'e>(
    entries: impl IntoIterator<Item = &'e mut EntryView<'a>>,
) -> (bool, bool) {
    let mut entries: Vec<&mut EntryView> = entries.into_iter().collect();
    let changes = ColumnOrigin::new(entries.iter().map(|e| e.row.change.as_ref()?.origin()));
    let points = ColumnOrigin::new(
        entries
            .iter()
            .map(|e| e.row.change.as_ref()?.points_origin()),
    );
    for (k, entry) in entries.iter_mut().enumerate() {
        entry.change_mark = changes.mark(k);
        entry.points_change_mark = points.mark(k);
    }
    (changes.head_computed, points.head_computed)
}

/// Marks the first line of each year on a unit's page with its anchor
/// (`nam-2023`), so that a link can open the page at a year.
pub fn mark_year_anchors(history: &mut [SeriesView]) {
    let mut seen = std::collections::BTreeSet::new();
    for entry in history.iter_mut().flat_map(|s| s.entries.iter_mut()) {
        if seen.insert(entry.year) {
            entry.anchor = Some(format!("nam-{}", entry.year));
        }
    }
}

/// One unit's results on one index across years, latest first.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesView<'a> {
    #[serde(skip)]
    pub index_id: IndexId,
    pub index: IndexRef<'a>,
    pub entries: Vec<EntryView<'a>>,
    /// Score over the years (SVG), with the group's and the region's
    /// averages, the source and the illustrative warning inside it.
    #[serde(serialize_with = "safe")]
    pub chart_svg: String,
    /// Rank over the years (SVG), 1 at the top; empty when never ranked.
    #[serde(serialize_with = "safe")]
    pub rank_chart_svg: String,
    /// Whether any of its lines has a regional rank: a "Trong vùng" column
    /// no line fills is left out.
    pub has_regional: bool,
    /// Whether any entry has a band: the history table shows a band
    /// column only then.
    pub has_bands: bool,
    /// Whether any entry's band is chiso's reading of its score by the
    /// published rule, not a published rating: the band column's head
    /// says "(tính từ bảng)".
    pub bands_computed: bool,
    /// The group of every entry, when they are all of one: the history
    /// table names it once, in its caption, rather than in a column.
    pub group: Option<GroupRef<'a>>,
    /// Whether most entries that print a change print one chiso computed,
    /// which no published change confirms: the change column's head says
    /// "(tính từ bảng)", and each entry's `change_mark` its exception.
    pub changes_computed: bool,
    /// The same for the change in points, which a published change of
    /// places alone does not confirm (`points_change_mark`).
    pub points_changes_computed: bool,
}

/// Every index's series for one unit, in index definition order; indices
/// without results for the unit are left out. `request` is
/// [`Request::Planned`] for the page [`RowViews::plan`] counted (the unit's
/// own).
pub fn unit_series<'a>(
    site: &'a Site,
    unit: UnitId,
    rows: &'a RowViews,
    urls: &Urls,
    request: Request,
) -> Vec<SeriesView<'a>> {
    let results = site
        .results_by_unit
        .get(unit)
        .map_or(&[][..], Vec::as_slice);
    site.indices
        .iter_enumerated()
        .filter_map(|(i, def)| {
            let mut entries: Vec<EntryView> = results
                .iter()
                .filter(|at| site.tables[at.table].index == i)
                .map(|&RowAt { table: t, row: r }| {
                    let table = &site.tables[t];
                    let group = &site.groups[table.group];
                    let mut lines = rows.lines(t, urls, request, &[r]);
                    let row = lines.picked(0);
                    let ranked = || row.components.iter().filter(|c| c.rank.is_some());
                    let components_ranked = ranked().next().is_some();
                    let components_ranks_computed =
                        components_ranked && ranked().all(|c| c.rank_computed);
                    EntryView {
                        table: t,
                        anchor: None,
                        year: table.year,
                        group: GroupRef::new(group),
                        table_url: urls.table(site, t),
                        average: table.average,
                        complete: table.complete,
                        regions: table
                            .region_figures
                            .iter()
                            .filter(|f| site.units[unit].regions.contains(&f.region))
                            .map(|f| {
                                let ranked = table
                                    .regions
                                    .iter()
                                    .find(|s| s.region == f.region)
                                    .map(|s| s.ranked);
                                RegionFigureView::new(site, f, table, ranked, urls)
                            })
                            .collect(),
                        listed_in: listing_labels(table, unit),
                        rank_style: table.tie_numbering(),
                        components_svg: components_chart(
                            def,
                            &site.units[unit].name,
                            table.year,
                            &table.rows[r],
                        ),
                        row_value: lines.values.pop().unwrap_or_else(Value::none),
                        components_ranked,
                        components_ranks_computed,
                        rank_computed: table.rows[r].rank_computed(),
                        regional_computed: table.rows[r].regional_computed(),
                        change_mark: None,
                        points_change_mark: None,
                        row,
                    }
                })
                .collect();
            let (changes_computed, points_changes_computed) =
                mark_change_origins(entries.iter_mut());
            (!entries.is_empty()).then(|| {
                let (chart_svg, rank_chart_svg) = series_charts(site, def, unit, &entries);
                SeriesView {
                    index_id: i,
                    chart_svg,
                    rank_chart_svg,
                    has_regional: entries.iter().any(|e| !e.row.regional.is_empty()),
                    has_bands: entries.iter().any(|e| e.row.band.is_some()),
                    bands_computed: entries
                        .iter()
                        .any(|e| e.row.band.as_ref().is_some_and(|b| !b.stated)),
                    group: entries
                        .first()
                        .filter(|first| entries.iter().all(|e| e.group.id == first.group.id))
                        .map(|first| first.group.clone()),
                    changes_computed,
                    points_changes_computed,
                    index: IndexRef::new(def, urls),
                    entries,
                }
            })
        })
        .collect()
}

/// A table that names a unit without a line for it: a published listing
/// ("5 đơn vị dẫn đầu") names it, or the table leaves it out on purpose
/// (`excluded`, with the reason). Its page says so, rather than "no
/// result".
#[derive(Debug, Serialize)]
pub struct MentionView<'a> {
    pub index: IndexRef<'a>,
    pub year: i32,
    pub group: GroupRef<'a>,
    pub table_url: String,
    /// The labels of the listings that name the unit, as published.
    pub listed_in: Vec<&'a str>,
    /// Why the table leaves the unit out, when it does.
    pub excluded: Option<&'a str>,
}

/// The tables naming each unit without a line for it, latest first: see
/// [`MentionView`]. Made once per build, for the units' pages.
pub fn mentions(site: &Site) -> std::collections::HashMap<UnitId, Vec<TableId>> {
    let mut out: std::collections::HashMap<UnitId, Vec<TableId>> = Default::default();
    for (t, table) in site.tables.iter_enumerated() {
        let listed = table.listings.iter().flat_map(|l| l.units.iter().copied());
        let excluded = table.excluded.iter().map(|(u, _)| *u);
        let mut named: Vec<UnitId> = listed.chain(excluded).collect();
        named.sort_unstable();
        named.dedup();
        for u in named {
            if !table.rows.iter().any(|r| r.unit == u) {
                out.entry(u).or_default().push(t);
            }
        }
    }
    for tables in out.values_mut() {
        tables.sort_by_key(|&t| std::cmp::Reverse(site.tables[t].year));
    }
    out
}

/// The views of the tables `tables` naming `unit` without a line for it.
pub fn mention_views<'a>(
    site: &'a Site,
    unit: UnitId,
    tables: &[TableId],
    urls: &Urls,
) -> Vec<MentionView<'a>> {
    tables
        .iter()
        .map(|&t| {
            let table = &site.tables[t];
            MentionView {
                index: IndexRef::new(&site.indices[table.index], urls),
                year: table.year,
                group: GroupRef::new(&site.groups[table.group]),
                table_url: urls.table(site, t),
                listed_in: listing_labels(table, unit),
                excluded: table
                    .excluded
                    .iter()
                    .find(|(u, _)| *u == unit)
                    .map(|(_, reason)| reason.as_str()),
            }
        })
        .collect()
}

/// The labels of a table's listings that name `unit`, as published.
fn listing_labels(table: &crate::model::Table, unit: UnitId) -> Vec<&str> {
    table
        .listings
        .iter()
        .filter(|l| l.units.contains(&unit))
        .map(|l| l.label.as_str())
        .collect()
}
