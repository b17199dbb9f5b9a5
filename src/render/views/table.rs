//! The view of a whole table: its figures, lines, leaders, regions and bar
//! chart, in full for its ranking page or as a summary for pages listing
//! tables.

use serde::Serialize;
use tera::Value;

use super::common::{GroupRef, IndexRef, SourceView, UnitRef};
use super::row::RowView;
use super::row_sharing::{Request, RowViews};
use crate::content::render_markdown;
use crate::model::{Index, Listing, ListingEnd, Site, TableId};
use crate::render::charts::{self, Bar, ChartText, Threshold};
use crate::render::escape::safe;
use crate::render::figure::Format;
use crate::render::urls::Urls;
use crate::vi;

/// A region's part of a complete table.
#[derive(Debug, Clone, Serialize)]
pub struct RegionSummaryView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub scheme: &'a str,
    pub ranked: u32,
    pub average: Option<f64>,
}

/// The band with the highest threshold, and how many ranked units reach it.
#[derive(Debug, Clone, Serialize)]
pub struct TopBandView<'a> {
    pub name: &'a str,
    pub min: f64,
    pub count: usize,
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
    pub fn new(site: &'a Site, listing: &'a Listing, urls: &Urls) -> Self {
        ListingView {
            label: &listing.label,
            end: match listing.end {
                ListingEnd::Top => "top",
                ListingEnd::Bottom => "bottom",
            },
            count: listing.count,
            units: listing
                .units
                .iter()
                .map(|&u| UnitRef::new(site, u, urls))
                .collect(),
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
    /// The ranking page that shows this table, with its anchor.
    pub url: String,
    pub complete: bool,
    /// A table of scores published with no ranks: pages show no rank.
    pub scores_only: bool,
    /// Unordered lists of units at one end of the table, as published.
    pub listings: Vec<ListingView<'a>>,
    pub illustrative: bool,
    pub announced: Option<String>,
    pub source: Option<SourceView<'a>>,
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

/// How much of a table a page shows.
#[derive(Clone, Copy)]
enum Shown {
    /// Every row: the table's ranking page, which [`RowViews::plan`]
    /// counted.
    Whole,
    /// Its figures and leaders, and the rows only of a partial table (a
    /// few lines): pages listing many tables.
    Summary,
}

impl<'a> TableView<'a> {
    /// The table with its bar chart drawn (complete tables only): charts
    /// are drawn only for the pages that show them.
    pub fn with_chart(mut self, def: &Index) -> Self {
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
    pub fn new(site: &'a Site, t: TableId, rows: &'a RowViews, urls: &Urls) -> Self {
        Self::make(site, t, rows, urls, Shown::Whole)
    }

    /// The table as pages that list many tables show it: its figures and
    /// leaders; the rows themselves only for a partial table (a few lines).
    pub fn summary(site: &'a Site, t: TableId, rows: &'a RowViews, urls: &Urls) -> Self {
        Self::make(site, t, rows, urls, Shown::Summary)
    }

    fn make(site: &'a Site, t: TableId, rows: &'a RowViews, urls: &Urls, shown: Shown) -> Self {
        let table = &site.tables[t];
        let (all_rows, request) = match shown {
            Shown::Whole => (true, Request::Planned),
            Shown::Summary => (!table.complete, Request::Passing),
        };
        let def = &site.indices[table.index];
        let group = &site.groups[table.group];
        let views = rows.of(t, urls);
        let leaders: Vec<usize> = (0..views.len())
            .filter(|&r| views[r].rank == Some(1))
            .collect();
        let shown = if all_rows { views.len() } else { 0 };
        let mut pick: Vec<usize> = (0..shown).collect();
        pick.extend(&leaders);
        let mut values = rows.values(t, urls, request, &pick);
        let leader_rows = values.split_off(shown);
        let row_values = values;
        let rows: Vec<&RowView> = views[..shown].iter().collect();
        let top_band = table.top_band.map(|top| TopBandView {
            name: &def.bands[top.band].name,
            min: def.bands[top.band].min,
            count: top.count,
        });
        TableView {
            chart_svg: String::new(),
            csv_url: urls.data_file(table.year, &group.id, &def.id, "csv"),
            json_url: urls.data_file(table.year, &group.id, &def.id, "json"),
            index: IndexRef::new(def, urls),
            group: GroupRef::new(group),
            year: table.year,
            url: format!("{}#{}", urls.ranking(table.year, &group.id), def.id),
            complete: table.complete,
            scores_only: table.scores_only,
            listings: table
                .listings
                .iter()
                .map(|l| ListingView::new(site, l, urls))
                .collect(),
            illustrative: table.has_illustrative(),
            announced: table.announced.map(|d| d.to_string()),
            source: table.source.as_ref().map(SourceView::new),
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
    def: &Index,
    group: &str,
    year: i32,
    rows: &[&RowView],
    top_band: Option<&TopBandView>,
) -> String {
    let short = &def.short_name;
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
                decimals: r.decimals,
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
            threshold_label = format!("Ngưỡng {}", format.threshold(band.min));
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
