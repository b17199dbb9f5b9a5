//! The view of one result line: its figures, its comparison with the year
//! before, its regional ranks and components, and its cells as HTML.

use serde::Serialize;
use tera::Value;

use super::common::{AlternativeView, BandView, ComponentView};
use crate::content::render_markdown;
use crate::model::{Change, Comparison, NoComparison, Row, Site, Table};
use crate::render::cells::{Cells, Line};
use crate::render::escape::safe;
use crate::render::urls::Urls;

/// The change against the previous year, as templates see it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ChangeView {
    pub previous_year: i32,
    pub previous_rank: Option<u32>,
    /// Places gained (positive) or lost (negative).
    pub rank_delta: Option<i64>,
    pub value_delta: Option<f64>,
}

impl ChangeView {
    fn new(change: &Change) -> Self {
        ChangeView {
            previous_year: change.previous_year,
            previous_rank: change.previous_rank,
            rank_delta: change.rank_delta,
            value_delta: change.value_delta,
        }
    }
}

/// Why a ranked line shows no change: `reason` is `first-result`,
/// `other-group` (with the earlier `year` and the `group`'s name) or
/// `not-ranked-then` (with the `year`).
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum NoComparisonView<'a> {
    FirstResult,
    OtherGroup { year: i32, group: &'a str },
    NotRankedThen { year: i32 },
}

impl<'a> NoComparisonView<'a> {
    fn new(site: &'a Site, reason: &NoComparison) -> Self {
        match *reason {
            NoComparison::FirstResult => NoComparisonView::FirstResult,
            NoComparison::OtherGroup { year, group } => NoComparisonView::OtherGroup {
                year,
                group: &site.groups[group].name,
            },
            NoComparison::NotRankedThen { year } => NoComparisonView::NotRankedThen { year },
        }
    }
}

/// A regional rank of a line.
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

/// A stated figure that disagrees with the derived one, kept with a note.
#[derive(Debug, Clone, Serialize)]
pub struct DisputedView {
    /// The figure chiso derives (the percent of points over their maximum).
    pub derived: f64,
    #[serde(serialize_with = "safe")]
    pub note_html: String,
}

/// One line of a table.
#[derive(Debug, Clone, Serialize)]
pub struct RowView<'a> {
    /// The unit, as templates see it: a [`UnitRef`](super::UnitRef)
    /// converted once per unit and shared by its lines.
    pub unit: Value,
    #[serde(skip)]
    pub unit_name: &'a str,
    pub value: Option<f64>,
    pub points: Option<f64>,
    pub max_points: Option<f64>,
    pub decimals: u32,
    /// The percent published beside the points (then also `value`).
    pub percent: Option<f64>,
    /// A published threshold in place of a score: "từ 90% trở lên" is
    /// `at_least = 90`, "trên 90%" is `above = 90` (`value` is then none).
    pub at_least: Option<f64>,
    pub above: Option<f64>,
    /// A stated figure kept although chiso derives another: the derived
    /// one and the editor's note.
    pub disputed: Option<DisputedView>,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Why this line's "of" is not the table's (HTML).
    #[serde(serialize_with = "safe")]
    pub of_note_html: String,
    pub band: Option<BandView<'a>>,
    /// The change against the previous year, when there is one.
    pub change: Option<ChangeView>,
    /// Why there is no change, when the line is ranked and has none.
    pub no_comparison: Option<NoComparisonView<'a>>,
    pub regional: Vec<RegionalView<'a>>,
    pub components: Vec<ComponentView<'a>>,
    pub illustrative: bool,
    #[serde(serialize_with = "safe")]
    pub note_html: String,
    /// Why the unit was left out of the ranking.
    pub not_ranked: Option<&'a str>,
    /// Other published values.
    pub alternatives: Vec<AlternativeView<'a>>,
    /// The line's cells as HTML, as every built-in page shows them.
    pub cells: Cells,
}

impl<'a> RowView<'a> {
    /// The line `row` of `table`; `unit` is its unit's
    /// [`UnitRef`](super::UnitRef) as a template value.
    pub fn new(site: &'a Site, table: &Table, row: &'a Row, urls: &Urls, unit: Value) -> Self {
        let def = &site.indices[table.index];
        let regional = regional_views(site, row);
        let note_html = render_markdown(&row.note, urls.markdown());
        let unit_name = &site.units[row.unit].name;
        let of_note_html = row
            .of_note
            .as_deref()
            .map(|n| render_markdown(n, urls.markdown()))
            .unwrap_or_default();
        let disputed = row.disputed.as_ref().map(|d| DisputedView {
            derived: d.derived,
            note_html: render_markdown(&d.note, urls.markdown()),
        });
        let (change, no_comparison) = match &row.comparison {
            Comparison::Change(change) => (Some(change), None),
            Comparison::Unavailable(reason) => (None, Some(NoComparisonView::new(site, reason))),
            Comparison::NotRanked => (None, None),
        };
        let cells = Cells::new(&Line {
            unit_name,
            unit_label: &def.unit_label,
            value: row.value,
            decimals: row.decimals,
            points: row.points,
            max_points: row.max_points,
            rank: row.rank,
            of: row.of,
            of_note_html: &of_note_html,
            threshold: row.threshold,
            disputed: disputed.as_ref().map(|d| (d.derived, d.note_html.as_str())),
            change,
            no_comparison: no_comparison.as_ref(),
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
            unit_name,
            value: row.value,
            points: row.points,
            max_points: row.max_points,
            decimals: row.decimals,
            percent: row.percent,
            at_least: row.threshold.filter(|t| !t.strict).map(|t| t.value),
            above: row.threshold.filter(|t| t.strict).map(|t| t.value),
            disputed,
            rank: row.rank,
            of: row.of,
            of_note_html,
            band: row.band.map(|b| BandView::new(&def.bands[b])),
            change: change.map(ChangeView::new),
            no_comparison,
            not_ranked: row.not_ranked.as_deref(),
            alternatives: row.alternatives.iter().map(AlternativeView::new).collect(),
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
