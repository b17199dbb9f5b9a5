//! Borrowed, serialisable views of the model for templates. Each view is
//! built from references into the [`Site`], never by cloning it; text that
//! editors wrote in Markdown is rendered to HTML here, once per page.

use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use serde::Serialize;
use tera::Value;

use super::cells::{unit_suffix, Cells, Line};
use super::charts::{self, Bar, ChartText, Format, Part, Threshold, YearPoint};
use super::escape::safe;
use super::urls::Urls;
use crate::content::{render_markdown, Article};
use crate::data::schema::{Alternative, IndexDef, Source};
use crate::model::{Change, NoComparison, Row, Site, Table};
use crate::vi;

/// An index, for links and headings.
#[derive(Debug, Clone, Serialize)]
pub struct IndexRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub short_name: &'a str,
    pub publisher: Option<&'a str>,
    pub unit_label: &'a str,
    /// What follows a figure: `%` right against it, or a space and the
    /// label (` điểm`).
    pub unit_suffix: String,
    pub decimals: u32,
    pub url: String,
}

impl<'a> IndexRef<'a> {
    pub fn new(def: &'a IndexDef, urls: &Urls) -> Self {
        IndexRef {
            id: &def.id,
            name: &def.name,
            short_name: def.short_name.as_deref().unwrap_or(&def.name),
            publisher: def.publisher.as_deref(),
            unit_label: &def.unit_label,
            unit_suffix: unit_suffix(&def.unit_label),
            decimals: def.decimals,
            url: urls.index(&def.id),
        }
    }
}

/// An index with everything its own page shows.
#[derive(Debug, Serialize)]
pub struct IndexView<'a> {
    #[serde(flatten)]
    pub base: IndexRef<'a>,
    #[serde(serialize_with = "safe")]
    pub description_html: String,
    pub scale_min: f64,
    pub scale_max: f64,
    pub higher_is_better: bool,
    pub components: Vec<ComponentView<'a>>,
    pub bands: Vec<BandView<'a>>,
}

impl<'a> IndexView<'a> {
    pub fn new(def: &'a IndexDef, urls: &Urls) -> Self {
        let mut bands: Vec<BandView> = def
            .bands
            .iter()
            .map(|b| BandView {
                id: &b.id,
                name: &b.name,
                min: b.min,
            })
            .collect();
        bands.sort_by(|a, b| b.min.total_cmp(&a.min));
        IndexView {
            base: IndexRef::new(def, urls),
            description_html: render_markdown(&def.description, urls.markdown()),
            scale_min: def.scale.min,
            scale_max: def.scale.max,
            higher_is_better: def.higher_is_better,
            components: def
                .components
                .iter()
                .map(|c| ComponentView::new(c, None))
                .collect(),
            bands,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ComponentView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub max: Option<f64>,
    pub value: Option<f64>,
    /// `value` and `max` as their source wrote them (`18,5`), or `—`.
    pub value_text: String,
    pub max_text: String,
}

impl<'a> ComponentView<'a> {
    fn new(component: &'a crate::data::schema::ComponentDef, value: Option<f64>) -> Self {
        let text = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), vi::format_as_written);
        ComponentView {
            id: &component.id,
            name: &component.name,
            max: component.max,
            value,
            value_text: text(value),
            max_text: text(component.max),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct BandView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub min: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub url: String,
    /// The unit's place in Vietnamese alphabetical order (`vi::compare`), for
    /// sorting tables by name in the browser exactly as chiso sorts them.
    pub order: usize,
}

impl<'a> UnitRef<'a> {
    pub fn new(site: &'a Site, unit: usize, urls: &Urls) -> Self {
        let u = &site.units[unit];
        UnitRef {
            id: &u.id,
            name: &u.name,
            kind: &u.kind,
            url: urls.unit(&u.id),
            order: unit,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RegionalView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The name, with the scheme added when another region of the row has
    /// the same name (the same area under two schemes).
    pub label: String,
    pub scheme: &'a str,
    pub rank: u32,
    pub of: Option<u32>,
}

/// One line of a table.
#[derive(Debug, Clone, Serialize)]
pub struct RowView<'a> {
    /// The unit, as templates see it: a [`UnitRef`] converted once per
    /// unit and shared by its lines.
    pub unit: Value,
    #[serde(skip)]
    pub unit_name: &'a str,
    pub value: Option<f64>,
    pub points: Option<f64>,
    pub max_points: Option<f64>,
    pub decimals: u32,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    pub band: Option<BandView<'a>>,
    pub change: Option<Change>,
    /// Why there is no change, when there is none.
    pub no_comparison: Option<&'a NoComparison>,
    pub regional: Vec<RegionalView<'a>>,
    pub components: Vec<ComponentView<'a>>,
    pub illustrative: bool,
    #[serde(serialize_with = "safe")]
    pub note_html: String,
    /// Why the unit was left out of the ranking.
    pub not_ranked: Option<&'a str>,
    /// Other published values.
    pub alternatives: &'a [Alternative],
    /// The line's cells as HTML, as every built-in page shows them.
    pub cells: Cells,
}

impl<'a> RowView<'a> {
    /// The line `row` of `table`; `unit` is its unit's [`UnitRef`] as a
    /// template value.
    pub fn new(site: &'a Site, table: &Table, row: &'a Row, urls: &Urls, unit: Value) -> Self {
        let def = &site.indices[table.index];
        let regional = regional_views(site, row);
        let note_html = render_markdown(&row.note, urls.markdown());
        let cells = Cells::new(&Line {
            unit_name: &site.units[row.unit].name,
            unit_label: &def.unit_label,
            value: row.value,
            decimals: row.decimals,
            points: row.points,
            max_points: row.max_points,
            rank: row.rank,
            of: row.of,
            change: row.change.as_ref(),
            no_comparison: row.no_comparison.as_ref(),
            illustrative: row.illustrative,
            not_ranked: row.not_ranked.as_deref(),
            alternatives: &row.alternatives,
            note_html: &note_html,
            regional: regional
                .iter()
                .map(|r| (r.scheme, r.label.as_str(), r.rank, r.of))
                .collect(),
        });
        RowView {
            cells,
            unit,
            unit_name: &site.units[row.unit].name,
            value: row.value,
            points: row.points,
            max_points: row.max_points,
            decimals: row.decimals,
            rank: row.rank,
            of: row.of,
            band: row.band.map(|b| {
                let band = &def.bands[b];
                BandView {
                    id: &band.id,
                    name: &band.name,
                    min: band.min,
                }
            }),
            change: row.change,
            no_comparison: row.no_comparison.as_ref(),
            not_ranked: row.not_ranked.as_deref(),
            alternatives: &row.alternatives,
            regional,
            components: row
                .components
                .iter()
                .map(|&(c, value)| ComponentView::new(&def.components[c], Some(value)))
                .collect(),
            illustrative: row.illustrative,
            note_html,
        }
    }
}

/// A region's part of a complete table.
#[derive(Debug, Clone, Serialize)]
pub struct RegionSummaryView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub scheme: &'a str,
    pub ranked: u32,
    pub average: Option<f64>,
}

/// A row's regional ranks for display: the same rank in two schemes'
/// regions of the same name is shown once; different ones name the scheme.
fn regional_views<'a>(site: &'a Site, row: &Row) -> Vec<RegionalView<'a>> {
    let mut views: Vec<RegionalView> = Vec::new();
    for r in &row.regional {
        let region = &site.regions[r.region];
        let duplicate = views
            .iter()
            .any(|v| v.name == region.name && v.rank == r.rank && v.of == r.of);
        if duplicate {
            continue;
        }
        views.push(RegionalView {
            id: &region.id,
            name: &region.name,
            label: region.name.clone(),
            scheme: &region.scheme,
            rank: r.rank,
            of: r.of,
        });
    }
    let names: Vec<&str> = views.iter().map(|v| v.name).collect();
    for view in &mut views {
        if names.iter().filter(|n| **n == view.name).count() > 1 && !view.scheme.is_empty() {
            view.label = format!("{} ({})", view.name, view.scheme);
        }
    }
    views
}

#[derive(Debug, Clone, Serialize)]
pub struct TopBandView<'a> {
    pub name: &'a str,
    pub min: f64,
    pub count: usize,
}

/// A whole table.
#[derive(Debug, Clone, Serialize)]
pub struct TableView<'a> {
    pub index: IndexRef<'a>,
    pub group: GroupRef<'a>,
    pub year: i32,
    /// The ranking page that shows this table, with its anchor.
    pub url: String,
    pub complete: bool,
    pub illustrative: bool,
    pub announced: Option<String>,
    pub source: Option<&'a Source>,
    #[serde(serialize_with = "safe")]
    pub note_html: String,
    pub ranked: Option<u32>,
    /// Whether any unit is scored in points (the table then shows them).
    pub has_points: bool,
    pub average: Option<f64>,
    pub average_published: bool,
    pub top_band: Option<TopBandView<'a>>,
    pub regions: Vec<RegionSummaryView<'a>>,
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
    pub rows: Vec<&'a RowView<'a>>,
    /// The table as horizontal bars (SVG), for complete tables; empty otherwise.
    #[serde(serialize_with = "safe")]
    pub chart_svg: String,
    /// The open-data downloads of this table.
    pub csv_url: String,
    pub json_url: String,
}

impl<'a> TableView<'a> {
    /// The table with its bar chart drawn (complete tables only): charts
    /// are drawn only for the pages that show them.
    pub fn with_chart(mut self, def: &IndexDef) -> Self {
        if self.complete {
            self.chart_svg = ranking_chart(
                def,
                self.group.name,
                self.year,
                &self.rows,
                self.top_band.as_ref(),
            );
        }
        self
    }

    /// The whole table, every row, for the page [`RowViews::plan`] counted.
    pub fn new(site: &'a Site, t: usize, rows: &'a RowViews, urls: &Urls) -> Self {
        Self::make(site, t, rows, urls, true, true)
    }

    /// The table as pages that list many tables show it: its figures and
    /// leaders; the rows themselves only for a partial table (a few lines).
    pub fn summary(site: &'a Site, t: usize, rows: &'a RowViews, urls: &Urls) -> Self {
        Self::make(site, t, rows, urls, !site.tables[t].complete, false)
    }

    fn make(
        site: &'a Site,
        t: usize,
        rows: &'a RowViews,
        urls: &Urls,
        all_rows: bool,
        planned: bool,
    ) -> Self {
        let table = &site.tables[t];
        let def = &site.indices[table.index];
        let group = &site.groups[table.group];
        let views = rows.of(t, urls);
        let leaders: Vec<usize> = (0..views.len())
            .filter(|&r| views[r].rank == Some(1))
            .collect();
        let shown = if all_rows { views.len() } else { 0 };
        let mut pick: Vec<usize> = (0..shown).collect();
        pick.extend(&leaders);
        let mut values = rows.values(t, urls, planned, &pick);
        let leader_rows = values.split_off(shown);
        let row_values = values;
        let rows: Vec<&RowView> = views[..shown].iter().collect();
        let top_band = table.top_band.map(|(b, count)| TopBandView {
            name: &def.bands[b].name,
            min: def.bands[b].min,
            count,
        });
        TableView {
            chart_svg: String::new(),
            csv_url: urls.data_file(table.year, &group.id, &def.id, "csv"),
            json_url: urls.data_file(table.year, &group.id, &def.id, "json"),
            index: IndexRef::new(def, urls),
            group: GroupRef {
                id: &group.id,
                name: &group.name,
            },
            year: table.year,
            url: format!("{}#{}", urls.ranking(table.year, &group.id), def.id),
            complete: table.complete,
            illustrative: table.has_illustrative(),
            announced: table.announced.map(|d| d.to_string()),
            source: table.source.as_ref(),
            note_html: render_markdown(&table.note, urls.markdown()),
            ranked: table.ranked,
            has_points: table.rows.iter().any(|r| r.points.is_some()),
            average: table.average,
            average_published: table.average_published,
            top_band,
            leader_rows,
            row_values,
            row_count: table.rows.len(),
            leaders: table
                .leaders()
                .map(|r| UnitRef::new(site, r.unit, urls))
                .collect(),
            last_place: table
                .last_place()
                .filter(|r| r.rank != Some(1))
                .map(|r| UnitRef::new(site, r.unit, urls))
                .collect(),
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
                    }
                })
                .collect(),
            rows,
        }
    }
}

/// The bars of a complete table in rank order, the leader highlighted, the
/// top band's threshold drawn.
fn ranking_chart(
    def: &IndexDef,
    group: &str,
    year: i32,
    rows: &[&RowView],
    top_band: Option<&TopBandView>,
) -> String {
    let short = def.short_name.as_deref().unwrap_or(&def.name);
    let format = Format {
        decimals: def.decimals,
        unit_label: &def.unit_label,
    };
    let bars: Vec<Bar> = rows
        .iter()
        .filter(|r| r.rank.is_some())
        .filter_map(|r| {
            Some(Bar {
                label: r.unit_name,
                value: r.value?,
                highlight: r.rank == Some(1),
            })
        })
        .collect();
    if bars.is_empty() {
        return String::new();
    }
    let threshold_label;
    let threshold = match top_band {
        Some(band) => {
            let whole = Format {
                decimals: if band.min.fract() == 0.0 {
                    0
                } else {
                    def.decimals
                },
                ..format
            };
            threshold_label = format!("Ngưỡng {}", whole.value(band.min));
            Some(Threshold {
                value: band.min,
                label: &threshold_label,
            })
        }
        None => None,
    };
    let title = format!("{short} {year}: {group}");
    let mut desc = format!(
        "Biểu đồ thanh ngang: {} của {} đơn vị, xếp theo thứ hạng, thang {}–{}.",
        short,
        bars.len(),
        vi::format_number(def.scale.min, 0),
        vi::format_number(def.scale.max, 0),
    );
    if let Some(band) = top_band {
        desc.push_str(&format!(
            " Đường đứt nét là ngưỡng {} ({}); {} đơn vị đạt.",
            band.name.to_lowercase(),
            vi::format_number(
                band.min,
                if band.min.fract() == 0.0 {
                    0
                } else {
                    def.decimals
                }
            ),
            band.count
        ));
    }
    desc.push_str(" Số liệu ở bảng bên dưới.");
    charts::ranking(
        &ChartText {
            id: &format!("bieu-do-{}-{year}", def.id),
            title: &title,
            desc: &desc,
        },
        &bars,
        (def.scale.min, def.scale.max),
        threshold.as_ref(),
        format,
    )
}

/// One unit's result in one year, with where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView<'a> {
    pub year: i32,
    pub group: GroupRef<'a>,
    pub table_url: String,
    pub average: Option<f64>,
    pub complete: bool,
    /// The line, as templates see it.
    #[serde(rename = "row")]
    pub row_value: Value,
    #[serde(skip)]
    pub row: &'a RowView<'a>,
    /// The components against their maxima (SVG), when the row has them.
    #[serde(serialize_with = "safe")]
    pub components_svg: String,
}

/// One unit's results on one index across years, latest first.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesView<'a> {
    pub index: IndexRef<'a>,
    pub entries: Vec<EntryView<'a>>,
    /// Score and rank over the years (SVG).
    #[serde(serialize_with = "safe")]
    pub chart_svg: String,
}

/// Every index's series for one unit, in index definition order; indices
/// without results for the unit are left out. `planned` when for the page
/// [`RowViews::plan`] counted (the unit's own).
pub fn unit_series<'a>(
    site: &'a Site,
    unit: usize,
    rows: &'a RowViews,
    urls: &Urls,
    planned: bool,
) -> Vec<SeriesView<'a>> {
    let results = site
        .results_by_unit
        .get(unit)
        .map_or(&[][..], Vec::as_slice);
    site.indices
        .iter()
        .enumerate()
        .filter_map(|(i, def)| {
            let entries: Vec<EntryView> = results
                .iter()
                .filter(|&&(t, _)| site.tables[t].index == i)
                .map(|&(t, r)| {
                    let table = &site.tables[t];
                    let group = &site.groups[table.group];
                    EntryView {
                        year: table.year,
                        group: GroupRef {
                            id: &group.id,
                            name: &group.name,
                        },
                        table_url: format!("{}#{}", urls.ranking(table.year, &group.id), def.id),
                        average: table.average,
                        complete: table.complete,
                        components_svg: components_chart(
                            def,
                            &site.units[unit].name,
                            table.year,
                            &table.rows[r],
                        ),
                        row_value: rows
                            .values(t, urls, planned, &[r])
                            .pop()
                            .unwrap_or_else(Value::none),
                        row: &rows.of(t, urls)[r],
                    }
                })
                .collect();
            (!entries.is_empty()).then(|| SeriesView {
                chart_svg: history_chart(def, &site.units[unit].name, &entries),
                index: IndexRef::new(def, urls),
                entries,
            })
        })
        .collect()
}

/// Every table's lines as views, each table's made the first time a page
/// shows it and then shared: a line is shown on its ranking page, on its
/// unit's page, and in summaries.
///
/// A line is also converted into a template value once for the pages a
/// [`plan`](RowViews::plan) says will ask for it (its ranking page and its
/// unit's page), and shared between them: converting lines (and dropping
/// what was converted) was the largest cost of rendering a national site.
/// The values are dropped when the last planned page has taken them, so
/// that only the tables pages are being made from are held: every line's
/// value at once would take about a gigabyte on a national site.
pub struct RowViews<'a> {
    site: &'a Site,
    /// Each unit's [`UnitRef`] as a template value, shared by its lines.
    units: Vec<OnceLock<Value>>,
    tables: Vec<OnceLock<Vec<RowView<'a>>>>,
    values: Vec<Mutex<Shared>>,
}

/// One table's lines as template values, while pages still want them.
#[derive(Default)]
struct Shared {
    values: Option<Arc<[Value]>>,
    /// Planned requests not made yet.
    wanted: usize,
}

impl<'a> RowViews<'a> {
    pub fn new(site: &'a Site) -> Self {
        RowViews {
            site,
            units: site.units.iter().map(|_| OnceLock::new()).collect(),
            tables: site.tables.iter().map(|_| OnceLock::new()).collect(),
            values: site.tables.iter().map(|_| Mutex::default()).collect(),
        }
    }

    /// Makes every table's lines, in parallel: for a whole site, where each
    /// will be needed, rather than one at a time as pages ask.
    pub fn make_all(&self, urls: &Urls) {
        use rayon::prelude::*;
        (0..self.tables.len()).into_par_iter().for_each(|t| {
            self.of(t, urls);
        });
    }

    /// The lines of table `t`, in table order.
    pub fn of(&self, t: usize, urls: &Urls) -> &[RowView<'a>] {
        let site = self.site;
        let table = &site.tables[t];
        self.tables[t].get_or_init(|| {
            table
                .rows
                .iter()
                .map(|r| {
                    let unit = self.units[r.unit].get_or_init(|| {
                        Value::from_serializable(&UnitRef::new(site, r.unit, urls))
                    });
                    RowView::new(site, table, r, urls, unit.clone())
                })
                .collect()
        })
    }

    /// Says that a page will ask for the values of table `t` once more
    /// (with `planned` set), so they are kept until it has.
    pub fn plan(&self, t: usize) {
        lock(&self.values[t]).wanted += 1;
    }

    /// The lines `pick` of table `t` as template values. A `planned`
    /// request is one [`plan`](RowViews::plan) counted; other requests share
    /// values still held but never keep them.
    pub fn values(&self, t: usize, urls: &Urls, planned: bool, pick: &[usize]) -> Vec<Value> {
        let views = self.of(t, urls);
        let mut shared = lock(&self.values[t]);
        if planned {
            shared.wanted = shared.wanted.saturating_sub(1);
        }
        let picked = match &shared.values {
            Some(values) => pick.iter().map(|&r| values[r].clone()).collect(),
            None if planned && shared.wanted > 0 => {
                let values: Arc<[Value]> = views.iter().map(Value::from_serializable).collect();
                let picked = pick.iter().map(|&r| values[r].clone()).collect();
                shared.values = Some(values);
                picked
            }
            None => pick
                .iter()
                .map(|&r| Value::from_serializable(&views[r]))
                .collect(),
        };
        let done = if shared.wanted == 0 {
            shared.values.take()
        } else {
            None
        };
        drop(shared);
        drop(done);
        picked
    }
}

/// A poisoned lock only means another page's rendering panicked; the shared
/// values stay consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A unit's score and rank on one index over the years.
fn history_chart(def: &IndexDef, unit: &str, entries: &[EntryView]) -> String {
    let short = def.short_name.as_deref().unwrap_or(&def.name);
    let points: Vec<YearPoint> = entries
        .iter()
        .map(|e| YearPoint {
            year: e.year,
            value: e.row.value,
            rank: e.row.rank,
            of: e.row.of,
        })
        .collect();
    let title = format!("{short} của {unit} qua các năm");
    let desc = format!(
        "Biểu đồ đường: điểm {short} của {unit} từng năm, thứ hạng ghi dưới mỗi năm. Số liệu ở bảng bên cạnh."
    );
    charts::history(
        &ChartText {
            id: &format!("bieu-do-{}-qua-cac-nam", def.id),
            title: &title,
            desc: &desc,
        },
        &points,
        Format {
            decimals: def.decimals,
            unit_label: &def.unit_label,
        },
    )
}

/// A row's components against their maxima; empty when it has none with a
/// maximum.
fn components_chart(def: &IndexDef, unit: &str, year: i32, row: &Row) -> String {
    let parts: Vec<Part> = row
        .components
        .iter()
        .filter_map(|&(c, value)| {
            let component = &def.components[c];
            Some(Part {
                label: &component.name,
                value,
                max: component.max?,
            })
        })
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    let title = format!("Điểm các lĩnh vực của {unit} năm {year}");
    let desc = format!(
        "Biểu đồ thanh: điểm đạt của {} lĩnh vực so với điểm tối đa của từng lĩnh vực. Số liệu ở bảng bên cạnh.",
        parts.len()
    );
    charts::components(
        &ChartText {
            id: &format!("bieu-do-{}-{year}-linh-vuc", def.id),
            title: &title,
            desc: &desc,
        },
        &parts,
    )
}

/// A tag, with its page.
#[derive(Debug, Clone, Serialize)]
pub struct TagView<'a> {
    pub name: &'a str,
    pub url: String,
}

impl<'a> TagView<'a> {
    pub fn new(name: &'a str, slug: &str, urls: &Urls) -> Self {
        TagView {
            name,
            url: urls.at(&super::urls::tag_path(slug)),
        }
    }
}

/// An article, for lists and its own page.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub date: Option<String>,
    pub tags: Vec<TagView<'a>>,
    pub url: String,
    /// The body, shortcodes expanded.
    #[serde(serialize_with = "safe")]
    pub html: &'a str,
}

impl<'a> ArticleView<'a> {
    pub fn new(article: &'a Article, html: &'a str, urls: &Urls) -> Self {
        ArticleView {
            title: &article.front.title,
            summary: &article.front.summary,
            date: article.front.date.map(|d| d.to_string()),
            tags: article
                .front
                .tags
                .iter()
                .filter_map(|t| {
                    let slug = vi::slugify(t);
                    (!slug.is_empty()).then(|| TagView::new(t, &slug, urls))
                })
                .collect(),
            url: urls.article(&article.slug),
            html,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::{ok, row, table};

    fn site() -> Site {
        let lines = row("thanh-hoa", "score = 90") + &row("nghe-an", "score = 80");
        ok(&[
            ("data/results/2023.toml", &table(2023, "tinh", &lines)),
            ("data/results/2024.toml", &table(2024, "tinh", &lines)),
        ])
    }

    /// Whether two values are one shared map rather than equal copies.
    fn same(a: &Value, b: &Value) -> bool {
        std::ptr::eq(a.as_map().unwrap(), b.as_map().unwrap())
    }

    #[test]
    fn planned_lines_are_converted_once_and_let_go_after_the_last_request() {
        let site = site();
        let urls = Urls::new("/");
        let rows = RowViews::new(&site);
        rows.plan(0);
        rows.plan(0);
        let ranking = rows.values(0, &urls, true, &[0, 1]);
        assert!(lock(&rows.values[0]).values.is_some());
        let unit = rows.values(0, &urls, true, &[1]);
        assert!(same(&ranking[1], &unit[0]));
        assert!(lock(&rows.values[0]).values.is_none());
        // Asked again after that: made again, equal.
        let late = rows.values(0, &urls, true, &[1]);
        assert!(!same(&unit[0], &late[0]));
        assert_eq!(unit[0], late[0]);
    }

    #[test]
    fn unplanned_requests_share_what_is_held_but_never_keep_it() {
        let site = site();
        let urls = Urls::new("/");
        let rows = RowViews::new(&site);
        let summary = rows.values(1, &urls, false, &[0]);
        assert!(lock(&rows.values[1]).values.is_none());
        rows.plan(1);
        rows.plan(1);
        let ranking = rows.values(1, &urls, true, &[0, 1]);
        let summary_again = rows.values(1, &urls, false, &[0]);
        assert!(same(&ranking[0], &summary_again[0]));
        assert!(!same(&summary[0], &summary_again[0]));
        // The unplanned request did not count: the planned one still gets
        // the shared value.
        let unit = rows.values(1, &urls, true, &[0]);
        assert!(same(&ranking[0], &unit[0]));
    }

    #[test]
    fn the_values_are_the_lines_as_templates_see_them() {
        let site = site();
        let urls = Urls::new("/");
        let rows = RowViews::new(&site);
        let values = rows.values(0, &urls, false, &[1, 0]);
        let views = rows.of(0, &urls);
        assert_eq!(values[0], Value::from_serializable(&views[1]));
        assert_eq!(values[1], Value::from_serializable(&views[0]));
        let unit = values[0].as_map().unwrap();
        let id = unit[&tera::value::Key::Str("unit")].as_map().unwrap();
        assert_eq!(id[&tera::value::Key::Str("id")], Value::from("nghe-an"));
    }
}
