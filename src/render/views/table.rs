//! The view of a whole table: its figures, lines, leaders, regions and bar
//! chart, in full for its ranking page or as a summary for pages listing
//! tables.

use serde::Serialize;
use tera::Value;

use super::bands::{threshold_text, BandCountView, BandView, CONFIRMED};
use super::common::{ComponentView, GroupRef, IndexRef, SourceView, UnitRef};
use super::origin::ColumnOrigin;
use super::row::{ChangeView, Shows};
use super::row_sharing::{LineRef, Request, RowViews};
use crate::content::render_markdown;
use crate::model::{
    Index, Listing, ListingEnd, RegionFigure, RegionKind, Scale, Site, Standing, TableId,
};
use crate::render::escape::safe;
use crate::render::figure::{self, Format};
use crate::render::urls::Urls;

/// A unit of the group left out of a table on purpose.
#[derive(Debug, Clone, Serialize)]
pub struct ExcludedView<'a> {
    pub unit: UnitRef<'a>,
    /// Why it is not in the table, as the editor wrote it.
    pub reason: &'a str,
}

/// A region's part of a complete table.
#[derive(Debug, Clone, Serialize)]
pub struct RegionSummaryView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub scheme: &'a str,
    pub ranked: u32,
    pub average: Option<f64>,
    /// `average` as printed: at the table's precision, with the unit.
    pub average_text: Option<String>,
}

/// A region's (or category's) average and rank among its scheme's regions
/// in a table: derived in a complete table, as published in a partial one.
#[derive(Debug, Clone, Serialize)]
pub struct RegionFigureView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub scheme: &'a str,
    /// `region` (a place: "vùng") or `category` ("nhóm": not a place).
    pub kind: &'static str,
    /// Units of the region ranked in this table (complete tables).
    pub ranked: Option<u32>,
    pub average: Option<f64>,
    /// The decimals `average` prints with: the table's, as on its ranking
    /// page (a line's own `decimals` is that line's only).
    pub decimals: u32,
    pub rank: Option<u32>,
    /// Regions of the scheme ranked.
    pub of: Option<u32>,
    /// Whether the figures are derived from the table (complete tables)
    /// rather than held as published.
    pub derived: bool,
    /// The figures as published, when they were.
    pub published: Option<PublishedRegionView>,
    /// Whether a published figure disagrees with the derived one and is
    /// kept with the editor's note (`disputed_html`).
    pub disputed: bool,
    #[serde(serialize_with = "safe")]
    pub disputed_html: String,
}

/// A region's figures as published with the table.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PublishedRegionView {
    pub average: Option<f64>,
    pub rank: Option<u32>,
    pub of: Option<u32>,
}

impl<'a> RegionFigureView<'a> {
    pub(super) fn new(
        site: &'a Site,
        figure: &RegionFigure,
        table: &crate::model::Table,
        ranked: Option<u32>,
        urls: &Urls,
    ) -> Self {
        let complete = table.complete;
        let region = &site.regions[figure.region];
        let disputed = figure.standing == Standing::Disputed;
        RegionFigureView {
            id: &region.id,
            name: &region.name,
            scheme: &region.scheme,
            kind: match region.kind {
                RegionKind::Region => "region",
                RegionKind::Category => "category",
            },
            ranked,
            average: figure.average,
            decimals: table.decimals,
            rank: figure.rank,
            of: figure.of,
            derived: complete,
            published: figure.published.map(|p| PublishedRegionView {
                average: p.average,
                rank: p.rank,
                of: p.of,
            }),
            disputed,
            disputed_html: match &figure.disputed {
                Some(note) if disputed => render_markdown(note, urls.markdown()),
                _ => String::new(),
            },
        }
    }
}

/// What a table's regional figures are called: "vùng" (regions),
/// "nhóm" (categories), or both.
fn region_word(figures: &[RegionFigureView]) -> &'static str {
    let regions = figures.iter().any(|f| f.kind == "region");
    let categories = figures.iter().any(|f| f.kind == "category");
    match (regions, categories) {
        (true, true) => "vùng, nhóm",
        (false, true) => "nhóm",
        _ => "vùng",
    }
}

/// The band with the highest score threshold, and how many ranked units
/// reach it.
#[derive(Debug, Clone, Serialize)]
pub struct TopBandView<'a> {
    pub name: &'a str,
    /// The threshold (strict when `strict`).
    pub min: f64,
    /// Whether units must score above `min` ("trên"), not at least it.
    pub strict: bool,
    /// Whether the table's source published this same count (a band
    /// count that confirms it).
    pub published: bool,
    /// Whether the count is computed from an illustrative line, and not
    /// published too (marked *).
    pub illustrative: bool,
    /// The threshold in words: `từ 90%`, `trên 90%`.
    pub threshold: String,
    pub count: usize,
    /// The number it is out of: the units rated (scored, in a score-only
    /// table).
    pub of: u32,
    /// Where the count comes from, in words: published and matching the
    /// table, or computed from it.
    pub origin: &'static str,
}

/// Each name's place in Vietnamese alphabetical order among `names`
/// (equal names share the first's).
fn name_order<'n>(names: impl Iterator<Item = &'n str>) -> Vec<usize> {
    // Each name's key made once: comparing by `vi::compare` made two keys
    // per comparison, a sixth of a national build's time.
    let keys: Vec<crate::vi::SortKey> = names.map(crate::vi::sort_key).collect();
    let mut sorted: Vec<&crate::vi::SortKey> = keys.iter().collect();
    sorted.sort_unstable();
    keys.iter()
        .map(|key| sorted.partition_point(|s| *s < key))
        .collect()
}

/// What a table's lines and foot show that chiso computed rather than its
/// source published, in words for a note ("thứ hạng", "điểm bình quân",
/// "xếp loại"): a band derived by the published rule in any table, ranks
/// and the average only in a complete one, whose figures a partial table
/// takes as published.
pub fn derived_in_lines(table: &crate::model::Table) -> Vec<String> {
    // A band derived by the published rule is the page's reading of the
    // score, in a partial table too: no source rated the unit.
    let bands_derived = table
        .rows
        .iter()
        .any(|r| r.band.as_ref().is_some_and(|b| !b.stated));
    let mut figures = Vec::new();
    if table.complete && table.ranks_computed() {
        figures.push("thứ hạng".to_owned());
    } else if table.complete
        && table
            .rows
            .iter()
            .any(|r| r.rank.is_some() && !r.rank_stated)
    {
        // Some lines state their rank, checked; the others' are computed.
        figures.push("thứ hạng của những dòng văn bản không ghi hạng".to_owned());
    }
    // A percent the source did not print beside the points it did.
    let percent_derived = table.rows.iter().any(|r| {
        r.value.is_some() && r.points.is_some() && r.max_points.is_some() && r.percent.is_none()
    });
    if percent_derived {
        figures.push("tỷ lệ phần trăm tính từ điểm đạt được".to_owned());
    }
    if table.complete && table.average.is_some() && !table.average_published {
        figures.push("điểm bình quân".to_owned());
    }
    if bands_derived {
        figures.push("xếp loại".to_owned());
    }
    figures
}

/// What a complete table's page shows that was computed from its scores,
/// not published: see [`TableView::derived_figures`].
fn derived_figures(
    table: &crate::model::Table,
    top_count_derived: bool,
    has_regional: bool,
    regions: &[RegionFigureView],
) -> Vec<String> {
    let mut figures = derived_in_lines(table);
    if !table.complete {
        return figures;
    }
    if top_count_derived {
        figures.push("số đơn vị đạt mức cao nhất".to_owned());
    }
    if has_regional {
        figures.push("thứ hạng trong vùng".to_owned());
    }
    if regions.iter().any(|r| r.derived) {
        let word = region_word(regions);
        figures.push(format!("bình quân và thứ hạng theo {word}"));
    }
    let component_ranks_derived = table
        .rows
        .iter()
        .flat_map(|r| &r.component_figures)
        .any(|f| f.rank.is_some() && !f.compared);
    if component_ranks_derived {
        figures.push("thứ hạng theo từng thành phần".to_owned());
    }
    figures
}

/// An unordered list of the units at one end of the table, as published
/// ("5 đơn vị có điểm thấp nhất: …").
#[derive(Debug, Clone, Serialize)]
pub struct ListingView<'a> {
    pub label: &'a str,
    /// `top` or `bottom`.
    pub end: &'static str,
    pub count: u32,
    /// The units listed, in alphabetical order.
    pub units: Vec<UnitRef<'a>>,
    /// Why the list is kept although the table's ranks disagree (HTML), or
    /// empty.
    #[serde(serialize_with = "safe")]
    pub disputed_html: String,
}

impl<'a> ListingView<'a> {
    pub fn new(site: &'a Site, listing: &'a Listing, year: i32, urls: &Urls) -> Self {
        // In the order of the names the year printed: a unit renamed
        // since is listed where its name then falls.
        let mut units: Vec<UnitRef> = listing
            .units
            .iter()
            .map(|&u| UnitRef::named_in(site, u, year, urls))
            .collect();
        units.sort_by_cached_key(|u| crate::vi::sort_key(&u.name));
        ListingView {
            label: &listing.label,
            end: match listing.end {
                ListingEnd::Top => "top",
                ListingEnd::Bottom => "bottom",
            },
            count: listing.count,
            units,
            disputed_html: listing
                .disputed
                .as_deref()
                .map(|n| render_markdown(n, urls.markdown()))
                .unwrap_or_default(),
        }
    }
}

/// A whole table.
#[derive(Debug, Clone, Serialize)]
pub struct TableView<'a> {
    pub index: IndexRef<'a>,
    pub group: GroupRef<'a>,
    pub year: i32,
    /// The page that shows this table in full (`Urls::table`).
    pub url: String,
    pub complete: bool,
    /// Decimals the table was published with (its own, else its index's):
    /// its average prints at them, and ranks and ties compare at them.
    pub decimals: u32,
    /// A table of scores published with no ranks: pages show no rank.
    pub scores_only: bool,
    /// Unordered lists of units at one end of the table, as published.
    pub listings: Vec<ListingView<'a>>,
    /// Units of the group left out of the table on purpose, with why.
    pub excluded: Vec<ExcludedView<'a>>,
    /// Whether any figure shown is illustrative: a score, or a change made
    /// from an illustrative year.
    pub illustrative: bool,
    /// Whether the computed average is made from an illustrative score
    /// (marked *).
    pub average_illustrative: bool,
    pub announced: Option<String>,
    pub source: Option<SourceView<'a>>,
    #[serde(serialize_with = "safe")]
    pub note_html: String,
    /// How the publisher ordered units with equal scores, when it gave them
    /// different ranks (plain text).
    pub ties_broken: Option<&'a str>,
    /// Whether the table numbers ranks densely (`rank_style = "dense"`:
    /// 1, 1, 2) and has a tie, so that its last rank is below the number
    /// ranked: the page says how it numbers them.
    pub dense_ranks: bool,
    pub ranked: Option<u32>,
    /// Whether any unit is scored in points (the table then shows them).
    pub has_points: bool,
    /// Whether the ranks were computed only, the source printing none
    /// (the rank column's head says "tính từ bảng").
    pub ranks_computed: bool,
    /// Whether any line has a rank: a table where none has one (a decision
    /// rating units only in bands) shows no rank column.
    pub has_ranks: bool,
    /// Whether any line has a score, a threshold or a reason it is not
    /// ranked, or the table an average: a table where none does shows no
    /// score column.
    pub has_scores: bool,
    /// Whether the table is an extract: a partial table listing fewer lines
    /// than the units ranked, or not saying how many were.
    pub extract: bool,
    /// Whether any line has a band: a table where none has one shows no
    /// band column.
    pub has_bands: bool,
    /// Whether any line says something of its change since the year
    /// before (a change, a published change, or why it cannot be
    /// compared): a table where none does shows no change column.
    pub has_changes: bool,
    /// Whether a shown line's rank is chiso's, computed from the table: the
    /// rank column's head says "(tính từ bảng)" (a stated rank the table
    /// confirms is the same figure; the line under the source names the
    /// lines that state none when some do).
    pub some_ranks_computed: bool,
    /// The same for the changes the shown lines print: a change chiso
    /// computed, which no published change confirms, or a published one.
    pub change_column: ColumnOrigin,
    /// Whether any line has a rank within its region (the table then shows
    /// them in a column of their own).
    pub has_regional: bool,
    /// How many of the band, regional-rank and change columns the table
    /// shows after the score (the average row spans them).
    pub columns_after_score: usize,
    /// For each of `rows`, the width of its score's bar in the score cell,
    /// a CSS percentage of the index's scale (`87.5%`), or empty for a line
    /// without a score.
    pub bar_widths: Vec<String>,
    /// For each of `rows`, its place among them in Vietnamese alphabetical
    /// order of the names they show ("Thừa Thiên Huế" in 2024, not "Huế"):
    /// the name column's sort key.
    pub name_order: Vec<usize>,
    pub average: Option<f64>,
    /// `average` as printed: as it was published, else at the table's
    /// precision, with the unit (`90,53%`, `0,569`).
    pub average_text: Option<String>,
    /// The decimals `average_text` is printed with.
    pub average_decimals: u32,
    /// The average of the table's scores, printed, when the published
    /// `average` disagrees with it and is kept (`average_disputed`).
    pub average_derived_text: Option<String>,
    /// What this table's page shows that chiso computed from the scores
    /// rather than the source published, in words for a note under the
    /// source line ("bình quân", "thứ hạng trong vùng"): empty for a
    /// partial table, whose figures are all published.
    pub derived_figures: Vec<String>,
    /// Why the published average is kept (HTML from the editor's note;
    /// empty when it is not disputed).
    #[serde(serialize_with = "safe")]
    pub average_disputed_html: String,
    /// What the average is called: the group's `average_label` ("Bình
    /// quân cả nước"), else "Bình quân khối …".
    pub average_label: &'a str,
    pub average_published: bool,
    pub top_band: Option<TopBandView<'a>>,
    /// The table's published band counts.
    pub band_counts: Vec<BandCountView<'a>>,
    /// How many of them are not the top band's count confirmed (those
    /// are said on the top band's line): the ones a page lists.
    pub other_band_counts: usize,
    /// How many of them are kept against the table (`disputed`, with a
    /// note): the ranking page gives their notes under the table.
    pub disputed_band_counts: usize,
    /// The table's bands, the best first: its own when `own_bands`, else
    /// its index's.
    pub bands: Vec<BandView<'a>>,
    /// Whether the table has its own bands (tiers re-cut that year).
    pub own_bands: bool,
    pub regions: Vec<RegionSummaryView<'a>>,
    /// Regions' (and categories') averages and ranks among their scheme's
    /// regions, in region definition order.
    pub region_figures: Vec<RegionFigureView<'a>>,
    /// What the regional figures are called on pages: `vùng`, `nhóm`
    /// (categories that are not places), or `vùng, nhóm`.
    pub region_word: &'static str,
    /// The lines ranked first (several when tied), for summaries.
    pub leader_rows: Vec<Value>,
    /// How many lines the table has (its `rows` may be left out).
    pub row_count: usize,
    /// Units ranked first and last (several when tied).
    pub leaders: Vec<UnitRef<'a>>,
    pub last_place: Vec<UnitRef<'a>>,
    /// The lines, as templates see them.
    #[serde(rename = "rows")]
    pub row_values: Vec<Value>,
    /// The same lines, for drawing the chart.
    #[serde(skip)]
    pub rows: Vec<LineRef<'a>>,
    /// The table as a chart (SVG), for complete tables; empty otherwise:
    /// bars from the scale's minimum for up to 20 lines, a strip of dots on
    /// a scale fitted to the figures for more; the home unit highlighted.
    #[serde(serialize_with = "safe")]
    pub chart_svg: String,
    /// The site's home unit, highlighted in the chart.
    #[serde(skip)]
    pub home_unit: Option<crate::model::UnitId>,
    /// The index's components in tree order (each parent, then its
    /// children), the columns of the components' table; empty when no line
    /// gives a component, and on pages listing many tables.
    pub components: Vec<ComponentView<'a>>,
    /// The header rows of the components' table, top level first: see
    /// [`ComponentHeader`].
    pub component_header: Vec<Vec<ComponentHeader<'a>>>,
    /// The lines shown that give components, each with its cells in the
    /// order of `components`.
    pub component_rows: Vec<ComponentRowView>,
    /// The open-data downloads of this table.
    pub csv_url: String,
    /// The same CSV for Excel in a Vietnamese locale (`;` between cells,
    /// decimal comma).
    pub excel_csv_url: String,
    pub json_url: String,
}

/// One header cell of the components' table. A component with children
/// heads `colspan` columns: its own (`own`, in the row below) and its
/// children's; a component without children spans the rows down to the
/// last level (`rowspan`).
#[derive(Debug, Clone, Serialize)]
pub struct ComponentHeader<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The component's maximum as written, or empty.
    pub max_text: String,
    pub colspan: usize,
    pub rowspan: usize,
    /// The column of a parent's own score, under the cell naming it.
    pub own: bool,
}

/// One line of the components' table: the unit, its rank in the table, and
/// its component in each column (none where the line does not give it).
#[derive(Debug, Clone, Serialize)]
pub struct ComponentRowView {
    /// The unit, as in the line's `unit`.
    pub unit: Value,
    pub rank: Option<u32>,
    /// Each a [`ComponentView`] as the line's value holds it (shared, not
    /// converted again), or none.
    pub cells: Vec<Value>,
}

/// Component `k` of a line's `components`, from the line's template value:
/// the same value its line shows, shared.
fn line_component(line: &Value, k: usize) -> Value {
    line.get_from_path("components")
        .and_then(Value::as_array)
        .and_then(|components| components.get(k))
        .cloned()
        .unwrap_or_else(Value::none)
}

/// The header rows of a components' table over `def`'s components.
fn component_header(def: &Index) -> Vec<Vec<ComponentHeader<'_>>> {
    fn span(def: &Index, c: usize) -> usize {
        1 + def.components[c]
            .children
            .iter()
            .map(|&k| span(def, k))
            .sum::<usize>()
    }
    fn place<'a>(def: &'a Index, c: usize, levels: usize, rows: &mut [Vec<ComponentHeader<'a>>]) {
        let component = &def.components[c];
        let d = component.depth;
        let cell = |colspan, rowspan, own| ComponentHeader {
            id: &component.id,
            name: &component.name,
            max_text: component.max.map(figure::as_written).unwrap_or_default(),
            colspan,
            rowspan,
            own,
        };
        if component.children.is_empty() {
            rows[d].push(cell(1, levels - d, false));
            return;
        }
        rows[d].push(cell(span(def, c), 1, false));
        rows[d + 1].push(cell(1, levels - d - 1, true));
        for &k in &component.children {
            place(def, k, levels, rows);
        }
    }
    let levels = def
        .components
        .iter()
        .map(|c| c.depth + 1)
        .max()
        .unwrap_or(0);
    let mut rows = vec![Vec::new(); levels];
    for (c, component) in def.components.iter().enumerate() {
        if component.parent.is_none() {
            place(def, c, levels, &mut rows);
        }
    }
    rows
}

/// How much of a table a page shows.
#[derive(Clone, Copy)]
enum Shown {
    /// Every row: the table's ranking page, which [`RowViews::plan`]
    /// counted.
    Whole,
    /// Its figures and leaders, and the rows only of a partial table (a
    /// few lines): pages listing many tables.
    Summary,
    /// Its figures, leaders and first lines: a ranking overview.
    Top(usize),
}

impl<'a> TableView<'a> {
    /// The table with its bar chart drawn (complete tables only): charts
    /// are drawn only for the pages that show them.
    pub fn with_chart(mut self, def: &Index) -> Self {
        if self.complete {
            self.chart_svg = super::charts::ranking_chart(def, &self, self.home_unit);
        }
        self
    }

    /// The whole table, every row, for the page [`RowViews::plan`] counted.
    pub fn new(site: &'a Site, t: TableId, rows: &'a RowViews, urls: &Urls) -> Self {
        Self::make(site, t, rows, urls, Shown::Whole)
    }

    /// The table as pages that list many tables show it: its figures and
    /// leaders; the rows themselves only for a partial table (a few lines).
    pub fn summary(site: &'a Site, t: TableId, rows: &'a RowViews, urls: &Urls) -> Self {
        Self::make(site, t, rows, urls, Shown::Summary)
    }

    /// The table's figures, leaders and its first `n` lines (in rank
    /// order), for a ranking overview.
    pub fn top(site: &'a Site, t: TableId, rows: &'a RowViews, urls: &Urls, n: usize) -> Self {
        Self::make(site, t, rows, urls, Shown::Top(n))
    }

    fn make(site: &'a Site, t: TableId, rows: &'a RowViews, urls: &Urls, shown: Shown) -> Self {
        let table = &site.tables[t];
        let whole = matches!(shown, Shown::Whole);
        let (limit, request) = match shown {
            Shown::Whole => (usize::MAX, Request::Planned),
            Shown::Summary if table.complete => (0, Request::Passing),
            Shown::Summary => (usize::MAX, Request::Passing),
            Shown::Top(n) => (n, Request::Passing),
        };
        let def = &site.indices[table.index];
        let group = &site.groups[table.group];
        let leaders = table
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.rank == Some(1));
        let shown = table.rows.len().min(limit);
        let mut pick: Vec<usize> = (0..shown).collect();
        pick.extend(leaders.map(|(r, _)| r));
        let lines = rows.lines(t, urls, request, &pick);
        let rows: Vec<LineRef> = (0..shown).map(|k| lines.picked(k)).collect();
        let mut values = lines.values;
        let leader_rows = values.split_off(shown);
        let row_values = values;
        let format = Format {
            decimals: table.decimals,
            unit_label: &def.unit_label,
        };
        let band_counts = BandCountView::all(table, def, urls);
        let top_band = table.top_band.map(|top| {
            let published = table.top_band_published();
            TopBandView {
                name: &table.bands[top.band].name,
                min: top.threshold,
                strict: top.strict,
                threshold: threshold_text(table.bands[top.band].threshold, format),
                published,
                illustrative: table.top_band_illustrative(),
                count: top.count,
                of: match table.scores_only {
                    true => table.rows.len() as u32,
                    false => table.rated().unwrap_or_default(),
                },
                origin: match published {
                    true => CONFIRMED,
                    false => "tính từ bảng",
                },
            }
        });
        let region_figures: Vec<RegionFigureView> = table
            .region_figures
            .iter()
            .map(|f| {
                let ranked = table
                    .regions
                    .iter()
                    .find(|s| s.region == f.region)
                    .map(|s| s.ranked);
                RegionFigureView::new(site, f, table, ranked, urls)
            })
            .collect();
        // Only the table's own page shows its components' table.
        let with_components = whole && rows.iter().any(|r| !r.components.is_empty());
        let (components, header): (Vec<ComponentView>, _) = if with_components {
            let tree = def.components_in_tree_order().into_iter();
            (
                tree.map(|c| ComponentView::new(def, c)).collect(),
                component_header(def),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        let component_rows = rows
            .iter()
            .zip(&row_values)
            .filter(|(r, _)| with_components && !r.components.is_empty())
            .map(|(r, value)| ComponentRowView {
                unit: r.unit.clone(),
                rank: r.rank,
                cells: components
                    .iter()
                    .map(|column| {
                        r.components
                            .iter()
                            .position(|c| c.id == column.id)
                            .map_or_else(Value::none, |k| line_component(value, k))
                    })
                    .collect(),
            })
            .collect();
        let scale = &def.scale;
        let bar_widths = rows
            .iter()
            .map(|r| r.value.map(|v| bar_width(v, scale)).unwrap_or_default())
            .collect();
        let name_order = name_order(rows.iter().map(|r| r.unit_name.as_ref()));
        let Shows {
            bands: has_bands,
            regional: has_regional,
            changes: has_changes,
        } = Shows::of(table);
        // A last place no publication named, made from illustrative scores,
        // is not said: it would name a unit last on figures no one published.
        let last: Vec<&crate::model::Row> =
            table.last_place().filter(|r| r.rank != Some(1)).collect();
        let last_place = if last.iter().any(|r| r.rank_illustrative()) {
            Vec::new()
        } else {
            last.iter()
                .map(|r| UnitRef::named_in(site, r.unit, table.year, urls))
                .collect()
        };
        let derived_figures = derived_figures(
            table,
            top_band.as_ref().is_some_and(|t| !t.published),
            has_regional,
            &region_figures,
        );
        TableView {
            derived_figures,
            has_ranks: table.has_ranks(),
            ranks_computed: table.ranks_computed(),
            has_scores: table.has_scores(),
            extract: table.is_extract(),
            columns_after_score: [has_bands, has_regional, has_changes]
                .iter()
                .filter(|&&shown| shown)
                .count(),
            has_bands,
            has_regional,
            has_changes,
            some_ranks_computed: table.rows[..shown].iter().any(|r| r.rank_computed()),
            change_column: ColumnOrigin::new(
                rows.iter()
                    .map(|r| r.change.as_ref().and_then(ChangeView::origin)),
            ),
            bar_widths,
            name_order,
            components,
            component_header: header,
            component_rows,
            region_word: region_word(&region_figures),
            region_figures,
            chart_svg: String::new(),
            home_unit: site.home_unit,
            csv_url: urls.data_file(table.year, &group.id, &def.id, "csv"),
            excel_csv_url: urls.data_file_named(
                table.year,
                &group.id,
                &def.id,
                crate::render::open_data::EXCEL_EXT,
            ),
            json_url: urls.data_file(table.year, &group.id, &def.id, "json"),
            index: IndexRef::new(def, urls),
            group: GroupRef::new(group),
            year: table.year,
            url: urls.table(site, t),
            complete: table.complete,
            decimals: table.decimals,
            scores_only: table.scores_only,
            listings: table
                .listings
                .iter()
                .map(|l| ListingView::new(site, l, table.year, urls))
                .collect(),
            excluded: table
                .excluded
                .iter()
                .map(|(unit, reason)| ExcludedView {
                    unit: UnitRef::named_in(site, *unit, table.year, urls),
                    reason,
                })
                .collect(),
            // Figures marked illustrative: scores, and changes made from
            // an illustrative year.
            illustrative: table.has_illustrative()
                || table
                    .rows
                    .iter()
                    .any(|r| r.comparison.change().is_some_and(|c| c.illustrative)),
            average_illustrative: table.average_illustrative(),
            announced: table.announced.map(|d| d.to_string()),
            source: table.source.as_ref().map(SourceView::new),
            note_html: render_markdown(&table.note, urls.markdown()),
            ties_broken: table
                .ties_broken
                .as_deref()
                .map(|w| w.trim().trim_end_matches('.')),
            dense_ranks: table.rank_style == crate::data::schema::RankStyle::Dense && {
                let mut ranks: Vec<u32> = table.rows.iter().filter_map(|r| r.rank).collect();
                let all = ranks.len();
                ranks.sort_unstable();
                ranks.dedup();
                ranks.len() < all
            },
            ranked: table.ranked,
            has_points: table.rows.iter().any(|r| r.points.is_some()),
            average: table.average,
            average_text: table
                .average
                .map(|a| format.at(table.average_decimals).value(a)),
            average_decimals: table.average_decimals,
            average_derived_text: table.average_derived.map(|a| format.value(a)),
            average_disputed_html: table
                .average_disputed
                .as_deref()
                .map(|n| render_markdown(n, urls.markdown()))
                .unwrap_or_default(),
            average_label: &group.average_label,
            average_published: table.average_published,
            top_band,
            other_band_counts: band_counts.iter().filter(|c| !c.confirms_top_band).count(),
            disputed_band_counts: band_counts
                .iter()
                .filter(|c| !c.disputed_html.is_empty())
                .count(),
            band_counts,
            bands: BandView::all(&table.bands, def),
            own_bands: table.own_bands,
            leader_rows,
            row_values,
            row_count: table.rows.len(),
            leaders: table
                .leaders()
                .map(|r| UnitRef::named_in(site, r.unit, table.year, urls))
                .collect(),
            last_place,
            regions: table
                .regions
                .iter()
                .map(|s| {
                    let region = &site.regions[s.region];
                    RegionSummaryView {
                        id: &region.id,
                        name: &region.name,
                        scheme: &region.scheme,
                        ranked: s.ranked,
                        average: s.average,
                        average_text: s.average.map(|a| format.value(a)),
                    }
                })
                .collect(),
            rows,
        }
    }
}

/// The width of a score's bar, as a CSS percentage of the index's scale
/// (clamped to it; the whole width when the scale is empty).
fn bar_width(value: f64, scale: &Scale) -> String {
    let span = scale.max - scale.min;
    let share = if span > 0.0 {
        ((value - scale.min) / span).clamp(0.0, 1.0)
    } else {
        1.0
    };
    format!("{:.1}%", share * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_shares_of_the_scale() {
        let percent = Scale {
            min: 0.0,
            max: 100.0,
        };
        let unit = Scale { min: 0.0, max: 1.0 };
        let cases = [
            (&percent, 88.36, "88.4%"),
            (&percent, 0.0, "0.0%"),
            (&percent, 120.0, "100.0%"),
            (&percent, -3.0, "0.0%"),
            (&unit, 0.569, "56.9%"),
            (
                &Scale {
                    min: 10.0,
                    max: 80.0,
                },
                45.0,
                "50.0%",
            ),
            (&Scale { min: 5.0, max: 5.0 }, 5.0, "100.0%"),
        ];
        for (scale, value, want) in cases {
            assert_eq!(bar_width(value, scale), want, "{value}");
        }
    }
}
