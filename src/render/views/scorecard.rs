//! Scorecards: the cards home and unit pages open with, one per index, so a
//! page leads with the news: the latest rank as the largest figure, the
//! change against the year before (an arrow and the words of
//! `cells::change`), the score (with its illustrative mark), the group's
//! average and a sparkline of the rank (1 at the top), or of the score
//! when the unit was ranked in fewer than two years.
//!
//! Every figure comes from the line's cells or through `figure`; no phrase
//! is made twice. A card is built from a [`SeriesView`] a page already
//! holds, so it costs no extra line conversions, except the leaders' cards
//! of a site without a home unit (a few per home page).

use std::cmp::Ordering;

use serde::Serialize;

use super::common::{GroupRef, IndexRef, UnitRef};
use super::row_sharing::{Request, RowViews};
use super::unit::{unit_series, SeriesView};
use crate::data::schema::RankStyle;
use crate::model::{same_field, Site, UnitId};
use crate::render::cells;
use crate::render::escape::safe;
use crate::render::figure::{self, Format};
use crate::render::sparkline::{self, Point, Scale};
use crate::render::urls::Urls;

/// One index's card for one unit: its latest result.
#[derive(Debug, Clone, Serialize)]
pub struct ScorecardView<'a> {
    pub index: IndexRef<'a>,
    /// The unit the card is about.
    pub unit: UnitRef<'a>,
    /// The card shows the unit ranked first in its table (a site without a
    /// home unit leads its home page with each index's leader).
    pub leader: bool,
    pub year: i32,
    pub group: GroupRef<'a>,
    /// The ranking page and anchor of the line's table.
    pub table_url: String,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Whether the rank was computed from a complete table whose source
    /// printed none (then marked "tính từ bảng").
    pub rank_computed: bool,
    /// Whether another line of the table has the same rank: `rank_html`
    /// then says "(đồng hạng, tính từ bảng)" of a computed rank itself.
    pub tied: bool,
    /// Whether a regional rank is chiso's, computed from a complete table
    /// for a line stating none.
    pub regional_computed: bool,
    /// The rank as the tables print it (`15/63`, `thứ 15`, `—`).
    #[serde(serialize_with = "safe")]
    pub rank_html: String,
    /// The score as the tables print it, with its marks (`89,72%`,
    /// `96,84%*`, `≥ 90%`, `không xếp hạng`).
    #[serde(serialize_with = "safe")]
    pub score_html: String,
    /// The points the score was computed from (`85,25/95`), when the
    /// publication printed the points and no percent: the card says
    /// "(tính từ điểm đạt 85,25/95)" after the score.
    pub score_from_points: Option<String>,
    /// The change in words, as the tables print it (`tăng 3 bậc`), with
    /// "(tính từ bảng)" after it when `change_computed`.
    #[serde(serialize_with = "safe")]
    pub change_html: String,
    /// Whether the change is chiso's arithmetic, which no published change
    /// confirms (`change_html` says so after the figure).
    pub change_computed: bool,
    /// `up`, `down`, `same`, or `none` when there is no change to show.
    pub direction: &'static str,
    /// `▲`, `▼`, `=`, or empty: shown before the words, which say the same.
    pub arrow: &'static str,
    /// The unit's regional ranks as the tables print them (may be empty).
    #[serde(serialize_with = "safe")]
    pub regional_html: String,
    /// What the table's average is called ("Bình quân cả nước").
    pub average_label: &'a str,
    /// The table's average as printed (`86,98%`), when it has one.
    pub average_text: Option<String>,
    /// Whether that average was computed from the table's scores rather
    /// than published.
    pub average_computed: bool,
    /// The average of the table's scores, printed, when the published
    /// average disagrees with it and is kept (`average_disputed`): the
    /// card says both, as the ranking page does.
    pub average_derived_text: Option<String>,
    /// The line's band ("Nhóm A"), when it has one: the card's figure when
    /// the publication rated the unit without a score or rank.
    pub band_name: Option<&'a str>,
    /// The line is not ranked (`score_html` then says "không xếp hạng"
    /// unless the line was published with a score),
    /// and why, as the data says it.
    pub not_ranked: Option<&'a str>,
    /// The line has a score (or a published threshold in its place): a
    /// line with a rank only shows none.
    pub scored: bool,
    /// The card shows an illustrative figure: the score (its `*` is in
    /// `score_html`), or a change made from an illustrative year.
    pub illustrative: bool,
    /// `rank` or `score`: what the sparkline draws; empty without one.
    pub sparkline: &'static str,
    /// The sparkline (SVG, with its text alternative), or empty when the
    /// unit has fewer than two figures to draw.
    #[serde(serialize_with = "safe")]
    pub sparkline_svg: String,
}

/// The mark after a change chiso computed (HTML).
const DERIVED_MARK_HTML: &str = " <small class=\"figure-origin\">(tính từ bảng)</small>";

/// The cards of `unit` from its series (one per index, in the series'
/// order), made from each series' latest line.
pub fn scorecards<'a>(
    site: &'a Site,
    unit: UnitId,
    series: &[SeriesView<'a>],
    urls: &Urls,
) -> Vec<ScorecardView<'a>> {
    series
        .iter()
        .filter_map(|s| card(site, unit, s, urls, false))
        .collect()
}

/// The cards of a site without a home unit: for each index, the units
/// ranked first (ties included) in each table of the latest year with a
/// complete, ranked table of that index.
pub fn leader_cards<'a>(site: &'a Site, rows: &'a RowViews, urls: &Urls) -> Vec<ScorecardView<'a>> {
    let mut cards = Vec::new();
    for (i, _) in site.indices.iter_enumerated() {
        let ranked = |t: &crate::model::Table| t.index == i && t.complete && !t.scores_only;
        let Some(latest) = site
            .tables
            .iter()
            .filter(|t| ranked(t) && t.rows.iter().any(|r| r.rank == Some(1)))
            .map(|t| t.year)
            .max()
        else {
            continue;
        };
        // Units tied first each get a card.
        let leaders = site
            .tables
            .iter()
            .filter(|t| ranked(t) && t.year == latest)
            .flat_map(|t| t.rows.iter().filter(|r| r.rank == Some(1)));
        for leader in leaders {
            let series = unit_series(site, leader.unit, rows, urls, Request::Passing);
            if let Some(card) = series
                .iter()
                .find(|s| s.index_id == i)
                .and_then(|s| card(site, leader.unit, s, urls, true))
            {
                cards.push(card);
            }
        }
    }
    cards
}

/// The card of one series: its latest line (the first entry).
fn card<'a>(
    site: &'a Site,
    unit: UnitId,
    series: &SeriesView<'a>,
    urls: &Urls,
    leader: bool,
) -> Option<ScorecardView<'a>> {
    let entry = series.entries.first()?;
    let row = &*entry.row;
    let def = &site.indices[series.index_id];
    let table = site
        .results_by_unit
        .get(unit)
        .into_iter()
        .flatten()
        .map(|at| &site.tables[at.table])
        .find(|t| {
            t.index == series.index_id
                && t.year == entry.year
                && site.groups[t.group].id == entry.group.id
        });
    let direction = row.change.as_ref().and_then(|c| match c.rank_delta {
        Some(d) => Some(d.cmp(&0)),
        None => c
            .value_delta
            .map(|v| figure::score_change(v, row.decimals, &def.unit_label).1),
    });
    let (direction, arrow) = match direction {
        Some(Ordering::Greater) => ("up", "▲"),
        Some(Ordering::Less) => ("down", "▼"),
        Some(Ordering::Equal) => ("same", "="),
        None => ("none", ""),
    };
    let (sparkline, sparkline_svg) = sparkline_of(series, &site.units[unit].name);
    Some(ScorecardView {
        index: series.index.clone(),
        unit: UnitRef::new(site, unit, urls),
        leader,
        year: entry.year,
        group: entry.group.clone(),
        table_url: entry.table_url.clone(),
        rank: row.rank,
        of: row.of,
        rank_html: row.cells.rank.clone(),
        score_html: row.cells.score.clone(),
        score_from_points: match (row.value, row.points, row.max_points, row.percent) {
            (Some(_), Some(points), Some(max), None) if row.disputed.is_none() => Some(format!(
                "{}/{}",
                crate::vi::format_number(points, row.points_decimals),
                crate::vi::format_number(max, row.max_points_decimals)
            )),
            _ => None,
        },
        // "(tính từ bảng)" right after the figure it is about, not after
        // a published change shown beside it.
        change_html: if row.change.as_ref().is_some_and(|c| c.computed) {
            cells::with_derived_mark(&row.cells.change, DERIVED_MARK_HTML)
        } else {
            row.cells.change.clone()
        },
        change_computed: row.change.as_ref().is_some_and(|c| c.computed),
        direction,
        arrow,
        regional_html: row.cells.regional.clone(),
        average_label: table.map_or("", |t| site.groups[t.group].average_label.as_str()),
        average_text: table.and_then(|t| {
            let format = Format {
                decimals: t.average_decimals,
                unit_label: &def.unit_label,
            };
            t.average.map(|a| format.value(a))
        }),
        average_computed: table.is_some_and(|t| t.average.is_some() && !t.average_published),
        average_derived_text: table.and_then(|t| {
            let format = Format {
                decimals: t.decimals,
                unit_label: &def.unit_label,
            };
            t.average_derived.map(|a| format.value(a))
        }),
        rank_computed: entry.rank_computed,
        tied: row.tied,
        regional_computed: entry.regional_computed,
        band_name: row.band.as_ref().map(|b| b.band.name),
        not_ranked: row.not_ranked.filter(|r| !r.is_empty()),
        scored: row.value.is_some() || row.at_least.is_some() || row.above.is_some(),
        illustrative: row.shows_illustrative(),
        sparkline,
        sparkline_svg,
    })
}

/// One year's figure on a sparkline, with how the card's text prints it.
struct YearFigure {
    year: i32,
    value: Option<f64>,
    text: String,
}

/// The sparkline of a series: its ranks when at least two years have one,
/// else its scores; with every year's figure in its text alternative.
fn sparkline_of(series: &SeriesView, unit: &str) -> (&'static str, String) {
    let short = series.index.short_name;
    // One figure a year: a unit ranked in two groups the same year keeps
    // the line the card shows (entries are latest first).
    let mut years = std::collections::BTreeSet::new();
    let entries: Vec<_> = series
        .entries
        .iter()
        .filter(|e| years.insert(e.year))
        .collect();
    // Figures since the unit last absorbed others (a commune merged with
    // its neighbours is not the commune it was): neither its score nor its
    // rank is joined to the years before, as its history chart says.
    let since_merger = entries
        .iter()
        .position(|e| {
            e.row
                .no_comparison
                .as_ref()
                .is_some_and(|n| matches!(n, super::NoComparisonView::Absorbed { .. }))
        })
        .map_or(entries.len(), |latest| latest + 1);
    let entries = &entries[..since_merger];
    // Ranks since the rankings' field last changed (63 provinces, then 34),
    // or their way of numbering ties (1, 1, 2, then 1, 1, 3): a line
    // joining the two would draw a change no one measured.
    let mut latest: Option<(Option<u32>, RankStyle)> = None;
    let comparable = entries
        .iter()
        .take_while(|e| {
            if e.row.rank.is_none() {
                return true;
            }
            let now = (e.row.of, e.rank_style);
            let same = latest.is_none_or(|(of, style)| {
                let fields = of.zip(now.0);
                style == now.1 && fields.is_none_or(|(then, now)| same_field(then, now))
            });
            latest = Some(now);
            same
        })
        .count();
    let ranked = entries[..comparable]
        .iter()
        .filter(|e| e.row.rank.is_some())
        .count();
    let entries = if ranked >= 2 {
        &entries[..comparable]
    } else {
        entries
    };
    let (kind, scale) = if ranked >= 2 {
        let of = entries
            .iter()
            .filter_map(|e| e.row.of.or(e.row.rank))
            .max()
            .unwrap_or(1);
        ("rank", Scale::Rank { of })
    } else {
        ("score", Scale::Score)
    };
    let figures: Vec<YearFigure> = entries
        .iter()
        .map(|e| {
            let row = &*e.row;
            let (value, text) = match scale {
                Scale::Rank { .. } => {
                    // Marked as the tables mark it.
                    let marks = figure::Marks {
                        illustrative: row.rank_illustrative,
                        disputed: row.rank_published.is_some(),
                    }
                    .text();
                    let text = match (row.rank, row.of) {
                        (Some(r), Some(o)) => format!("{r}/{o}{marks}"),
                        (Some(r), None) => format!("thứ {r}{marks}"),
                        (None, _) => figure::MISSING.to_owned(),
                    };
                    (row.rank.map(f64::from), text)
                }
                Scale::Score => {
                    let format = Format {
                        decimals: row.decimals,
                        unit_label: series.index.unit_label,
                    };
                    (
                        row.value,
                        row.value
                            .map_or(figure::MISSING.to_owned(), |v| format.value(v)),
                    )
                }
            };
            YearFigure {
                year: e.year,
                value,
                text,
            }
        })
        .collect();
    let what = if kind == "rank" {
        "Thứ hạng"
    } else {
        "Điểm"
    };
    let years: Vec<String> = figures
        .iter()
        .rev()
        .map(|f| format!("{}: {}", f.year, f.text))
        .collect();
    let label = format!(
        "{what} {short} của {unit} qua các năm: {}",
        years.join("; ")
    );
    let points: Vec<Point> = figures
        .iter()
        .map(|f| Point {
            year: f.year,
            value: f.value,
        })
        .collect();
    let svg = sparkline::sparkline(&points, scale, &label);
    if svg.is_empty() {
        ("", svg)
    } else {
        (kind, svg)
    }
}
