//! The view of one result line: its figures, its comparison with the year
//! before, its regional ranks and components, and its cells as HTML.

use serde::Serialize;
use tera::Value;

use super::bands::RowBandView;
use super::common::{AlternativeView, ComponentView};
use crate::content::render_markdown;
use crate::model::{Change, Comparison, NoComparison, Row, Site, Standing, StatedChange, Table};
use crate::render::cells::{Cells, Line, Regional};
use crate::render::escape::safe;
use crate::render::urls::Urls;

/// The change against the previous year, as templates see it: derived
/// from the two years' tables, or, when it cannot be, as published
/// (`stated`).
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    pub previous_year: i32,
    /// Whether `previous_year` is the year just before the line's: when it
    /// is not (a year missing from the data), the change names its year.
    pub year_before: bool,
    pub previous_rank: Option<u32>,
    /// How many units the earlier year's ranking ranked, when known.
    pub previous_of: Option<u32>,
    /// Places gained (positive) or lost (negative).
    pub rank_delta: Option<i64>,
    /// When the two years ranked fields too different for places to be
    /// compared (63 provinces, then the 34 of the 2025 merger): how many
    /// each ranked. `rank_delta` is then null.
    pub fields_differ: Option<FieldsView>,
    /// Whether the two years number ties differently (1, 1, 2 and 1, 1,
    /// 3): a rank is not the same place in both, and `rank_delta` is null.
    pub rank_styles_differ: bool,
    pub value_delta: Option<f64>,
    /// Decimals `value_delta` prints with: the coarser of the two years'
    /// (a difference is known no better than its less precise figure).
    pub decimals: u32,
    /// Whether the change is made from an illustrative result (this
    /// year's or the earlier one's): it is marked as they are.
    pub illustrative: bool,
    /// Whether these figures are the published ones, chiso having nothing
    /// to derive them from.
    pub stated: bool,
    /// The change as published, when it was (whether it agrees or not).
    pub published: Option<PublishedChangeView>,
    /// Whether the published change disagrees with the derived one and is
    /// kept with the editor's note (`disputed_html`).
    pub disputed: bool,
    /// The editor's note on a disputed published change (HTML); empty
    /// otherwise.
    #[serde(serialize_with = "safe")]
    pub disputed_html: String,
    /// Whether the figures shown are chiso's arithmetic, which no
    /// published change confirms ([`Row::change_computed`]): pages mark
    /// them "(tính từ bảng)".
    pub computed: bool,
    /// Whether `value_delta` is chiso's arithmetic, which no published
    /// change in points of the same years confirms (a published change
    /// may give places alone): a column of points marks it.
    pub points_computed: bool,
    /// Whether `value_delta` is made from a disputed published value
    /// (either year's): marked ‡ where shown.
    pub value_disputed: bool,
    /// Whether `rank_delta` is counted from a table's rank where the
    /// published one is disputed (either year's): marked ‡ where shown.
    pub rank_disputed: bool,
}

/// The sizes of two rankings whose places are not compared.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FieldsView {
    /// How many units the earlier year ranked.
    pub then: u32,
    /// How many units the line's year ranked.
    pub now: u32,
}

/// A change as the source published it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PublishedChangeView {
    /// The year the source compared with: the one it named, else the
    /// year before.
    pub since: i32,
    /// Whether the source named the year; quote it without one when not.
    pub since_stated: bool,
    /// Places gained (positive) or lost (negative).
    pub rank_delta: Option<i64>,
    pub value_delta: Option<f64>,
    /// Whether chiso derived the same change (`false` when it could not
    /// derive it, or when it is disputed).
    pub agrees: bool,
}

impl ChangeView {
    /// For [`ColumnOrigin`](super::ColumnOrigin): whether the change its
    /// column shows is chiso's, or none when it shows neither places nor
    /// points or states both origins itself (a disputed one).
    pub fn origin(&self) -> Option<bool> {
        let shown = self.rank_delta.is_some() || self.value_delta.is_some();
        (shown && !self.disputed).then_some(self.computed)
    }

    /// The same for the change in points alone.
    pub fn points_origin(&self) -> Option<bool> {
        (self.value_delta.is_some() && !self.value_disputed).then_some(self.points_computed)
    }

    fn new(row: &Row, year: i32, change: &Change, disputed_html: &str) -> Self {
        let stated = row.stated_change.as_ref();
        let disputed = stated.is_some_and(|s| s.standing == Standing::Disputed);
        let points_confirmed = stated.is_some_and(|s| {
            s.points.is_some() && s.standing == Standing::Agrees && s.since == change.previous_year
        });
        ChangeView {
            computed: row.change_computed(),
            points_computed: change.value_delta.is_some() && !points_confirmed,
            value_disputed: change.value_disputed,
            rank_disputed: change.rank_disputed,
            previous_year: change.previous_year,
            year_before: change.is_against_the_year_before(year),
            previous_rank: change.previous_rank,
            previous_of: change.previous_of,
            rank_delta: change.rank_delta,
            fields_differ: change
                .fields_differ
                .map(|(then, now)| FieldsView { then, now }),
            rank_styles_differ: change.rank_styles_differ.is_some(),
            value_delta: change.value_delta,
            decimals: change.decimals,
            illustrative: change.illustrative,
            stated: false,
            published: stated.map(PublishedChangeView::new),
            disputed,
            disputed_html: if disputed {
                disputed_html.to_owned()
            } else {
                String::new()
            },
        }
    }

    /// A published change chiso could not derive, shown as published: its
    /// points as written (`1,2`, as the change cell words them), not at the
    /// line's precision.
    fn published(year: i32, stated: &StatedChange) -> Self {
        ChangeView {
            decimals: stated.points_decimals,
            previous_year: stated.since,
            year_before: stated.since == year - 1,
            previous_rank: None,
            previous_of: None,
            rank_delta: stated.places,
            fields_differ: None,
            rank_styles_differ: false,
            value_delta: stated.points,
            illustrative: false,
            stated: true,
            published: Some(PublishedChangeView::new(stated)),
            disputed: false,
            disputed_html: String::new(),
            computed: false,
            points_computed: false,
            value_disputed: false,
            rank_disputed: false,
        }
    }
}

impl PublishedChangeView {
    fn new(stated: &StatedChange) -> Self {
        PublishedChangeView {
            since: stated.since,
            since_stated: stated.since_stated,
            rank_delta: stated.places,
            value_delta: stated.points,
            agrees: stated.standing == Standing::Agrees,
        }
    }
}

/// Why a ranked line shows no change: `reason` is `first-result`,
/// `other-group` (with the earlier `year` and the `group`'s name) or
/// `not-ranked-then` or `not-in-table-then` (with the `year`), or
/// `absorbed` (units merged into this one after `year`: the first one's
/// name, `merged`, and how many `others`).
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum NoComparisonView<'a> {
    FirstResult {
        /// The index has tables of the group before: the unit is new in
        /// it (not so in the first year on record).
        earlier_tables: bool,
    },
    OtherGroup {
        year: i32,
        group: &'a str,
    },
    NotRankedThen {
        year: i32,
    },
    NotInTableThen {
        year: i32,
    },
    Absorbed {
        year: i32,
        merged: &'a str,
        /// The second unit merged, named when it is the only other.
        second: Option<&'a str>,
        others: u32,
    },
}

impl<'a> NoComparisonView<'a> {
    pub(crate) fn new(site: &'a Site, reason: &NoComparison) -> Self {
        match *reason {
            NoComparison::FirstResult { earlier_tables } => {
                NoComparisonView::FirstResult { earlier_tables }
            }
            NoComparison::OtherGroup { year, group } => NoComparisonView::OtherGroup {
                year,
                group: &site.groups[group].name,
            },
            NoComparison::NotRankedThen { year } => NoComparisonView::NotRankedThen { year },
            NoComparison::NotInTableThen { year } => NoComparisonView::NotInTableThen { year },
            NoComparison::Absorbed {
                year,
                unit,
                second,
                others,
            } => NoComparisonView::Absorbed {
                year,
                merged: &site.units[unit].name,
                second: second.map(|s| site.units[s].name.as_str()),
                others,
            },
        }
    }
}

/// Which columns a table's lines fill, read from the model: what its
/// lines' views say (a band, a regional rank, a change or why there is
/// none), without making them, for pages that show none of the lines.
pub struct Shows {
    pub bands: bool,
    pub regional: bool,
    pub changes: bool,
}

impl Shows {
    pub fn of(table: &Table) -> Shows {
        let rows = &table.rows;
        Shows {
            bands: rows.iter().any(|r| r.band.is_some()),
            regional: rows.iter().any(|r| !r.regional.is_empty()),
            // As `RowView::new` makes `change` and `no_comparison`.
            changes: rows.iter().any(|r| {
                r.stated_change.is_some()
                    || matches!(
                        r.comparison,
                        Comparison::Change(_)
                            | Comparison::Unavailable(
                                NoComparison::OtherGroup { .. }
                                    | NoComparison::NotRankedThen { .. }
                                    | NoComparison::NotInTableThen { .. }
                                    | NoComparison::Absorbed { .. }
                            )
                    )
            }),
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
    /// A published rank that disagrees with the derived one (`rank`, `of`)
    /// and is kept with the editor's note (`disputed_html`).
    pub disputed: Option<PublishedRankView>,
    #[serde(serialize_with = "safe")]
    pub disputed_html: String,
    /// chiso computed the rank from a complete table, the line stating
    /// none in the region.
    pub computed: bool,
}

/// A rank as published.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PublishedRankView {
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
    pub unit_id: crate::model::UnitId,
    /// As the table's year named it, told apart from a namesake of its
    /// group ([`Site::listed_name`](crate::model::Site::listed_name)).
    #[serde(skip)]
    pub unit_name: std::borrow::Cow<'a, str>,
    pub value: Option<f64>,
    pub points: Option<f64>,
    /// The decimals `points` was published with (`85,50`: 2).
    pub points_decimals: u32,
    pub max_points: Option<f64>,
    /// The decimals `max_points` was published with (`100,00`: 2).
    pub max_points_decimals: u32,
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
    /// Whether the rank is computed from illustrative scores
    /// ([`Row::rank_illustrative`]): marked * as they are.
    pub rank_illustrative: bool,
    /// Whether another line of the table has the same rank ("đồng hạng").
    pub tied: bool,
    pub of: Option<u32>,
    /// The rank the publication printed, when a complete table gives
    /// another (`rank`) and the line's `disputed` note keeps it.
    pub rank_published: Option<PublishedRankView>,
    /// Why this line's "of" is not the table's (HTML).
    #[serde(serialize_with = "safe")]
    pub of_note_html: String,
    /// The line's band, derived or stated.
    pub band: Option<RowBandView<'a>>,
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
    /// Whether the line shows a figure marked illustrative: its own, or a
    /// change made from an illustrative year.
    pub fn shows_illustrative(&self) -> bool {
        self.illustrative
            || self.rank_illustrative
            || self.change.as_ref().is_some_and(|c| c.illustrative)
    }

    /// The line `row` of `table`; `unit` is its unit's
    /// [`UnitRef`](super::UnitRef) as a template value.
    pub fn new(site: &'a Site, table: &'a Table, row: &'a Row, urls: &Urls, unit: Value) -> Self {
        let def = &site.indices[table.index];
        let regional = regional_views(site, row, urls);
        let note_html = render_markdown(&row.note, urls.markdown());
        // As the table's year printed it.
        let unit_name = site.listed_name(row.unit, table.year);
        let stated = row.stated_change.as_ref();
        let disputed_html = match stated {
            Some(s) if s.standing == Standing::Disputed => {
                render_markdown(s.disputed.as_deref().unwrap_or_default(), urls.markdown())
            }
            _ => String::new(),
        };
        let of_note_html = row
            .of_note
            .as_deref()
            .map(|n| render_markdown(n, urls.markdown()))
            .unwrap_or_default();
        let disputed = row.disputed.as_ref().map(|d| DisputedView {
            derived: d.derived,
            note_html: render_markdown(&d.note, urls.markdown()),
        });
        let rank_disputed = row.rank_disputed.as_ref().map(|d| {
            let note_html = render_markdown(&d.note, urls.markdown());
            (
                PublishedRankView {
                    rank: d.rank,
                    of: d.of,
                },
                note_html,
            )
        });
        let (change, no_comparison) = match &row.comparison {
            Comparison::Change(change) => (Some(change), None),
            Comparison::Unavailable(reason) => (None, Some(NoComparisonView::new(site, reason))),
            Comparison::NotRanked => (None, None),
        };
        let cells = Cells::new(&Line {
            year: table.year,
            unit_name: &unit_name,
            unit_label: &def.unit_label,
            value: row.value,
            decimals: row.decimals,
            points: row.points,
            points_decimals: row.points_decimals,
            max_points: row.max_points,
            max_points_decimals: row.max_points_decimals,
            rank: row.rank,
            of: row.of,
            of_note_html: &of_note_html,
            threshold: row.threshold,
            disputed: disputed.as_ref().map(|d| (d.derived, d.note_html.as_str())),
            disputed_bands: crate::render::cells::disputed_bands(table, row),
            rank_disputed: rank_disputed
                .as_ref()
                .map(|(p, note)| (p.rank, p.of, note.as_str())),
            change,
            stated_change: stated,
            disputed_html: &disputed_html,
            no_comparison: no_comparison.as_ref(),
            illustrative: row.illustrative,
            rank_illustrative: row.rank_illustrative(),
            tied: row.tied,
            rank_computed: row.rank_computed(),
            not_ranked: row.not_ranked.as_deref(),
            alternatives: &row.alternatives,
            note_html: &note_html,
            regional: regional
                .iter()
                .map(|r| Regional {
                    scheme: r.scheme,
                    label: r.label.as_str(),
                    rank: r.rank,
                    of: r.of,
                    disputed: r.disputed.map(|d| (d.rank, d.of, r.disputed_html.as_str())),
                })
                .collect(),
        });
        RowView {
            cells,
            unit,
            unit_id: row.unit,
            unit_name,
            value: row.value,
            points: row.points,
            points_decimals: row.points_decimals,
            max_points: row.max_points,
            max_points_decimals: row.max_points_decimals,
            decimals: row.decimals,
            percent: row.percent,
            at_least: row.threshold.filter(|t| !t.strict).map(|t| t.value),
            above: row.threshold.filter(|t| t.strict).map(|t| t.value),
            disputed,
            rank: row.rank,
            rank_illustrative: row.rank_illustrative(),
            tied: row.tied,
            of: row.of,
            rank_published: rank_disputed.map(|(p, _)| p),
            of_note_html,
            band: row
                .band
                .as_ref()
                .map(|b| RowBandView::new(table, b, def, urls)),
            change: match change {
                Some(change) => Some(ChangeView::new(row, table.year, change, &disputed_html)),
                None => stated.map(|s| ChangeView::published(table.year, s)),
            },
            no_comparison,
            not_ranked: row.not_ranked.as_deref(),
            alternatives: row.alternatives.iter().map(AlternativeView::new).collect(),
            regional,
            components: def
                .components_in_tree_order()
                .into_iter()
                .filter_map(|c| {
                    let &(_, value) = row.components.iter().find(|&&(k, _)| k == c)?;
                    let figures = row.component_figures.iter().find(|f| f.component == c);
                    let mut view =
                        ComponentView::of_result(def, c, value, figures, urls.markdown());
                    // As illustrative as the line's score, and a rank
                    // computed among illustrative lines as their ranks.
                    if row.illustrative {
                        view.illustrative = true;
                        view.value_text.push('*');
                    }
                    if view.rank_computed && (row.illustrative || row.ranked_among_illustrative) {
                        view.rank_text.push('*');
                    }
                    Some(view)
                })
                .collect(),
            illustrative: row.illustrative,
            note_html,
        }
    }
}

/// A row's regional ranks for display: the same rank in two schemes'
/// regions of the same name is shown once; different ones name the scheme.
fn regional_views<'a>(site: &'a Site, row: &Row, urls: &Urls) -> Vec<RegionalView<'a>> {
    let mut views: Vec<RegionalView> = Vec::new();
    for r in &row.regional {
        let region = &site.regions[r.region];
        let duplicate = views
            .iter()
            .any(|v| v.name == region.name && v.rank == r.rank && v.of == r.of);
        if duplicate && r.disputed.is_none() {
            continue;
        }
        views.push(RegionalView {
            id: &region.id,
            name: &region.name,
            label: region.name.clone(),
            scheme: &region.scheme,
            rank: r.rank,
            of: r.of,
            disputed: r.disputed.as_ref().map(|d| PublishedRankView {
                rank: d.rank,
                of: d.of,
            }),
            disputed_html: r
                .disputed
                .as_ref()
                .map_or(String::new(), |d| render_markdown(&d.note, urls.markdown())),
            computed: r.computed(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::{ok, row, table};

    /// Which columns a table's lines fill, found from the lines' views as
    /// the table view found them before [`Shows`] read them from the model.
    fn from_views(site: &Site, table: &Table) -> (bool, bool, bool) {
        let urls = Urls::new("/");
        let views: Vec<RowView> = table
            .rows
            .iter()
            .map(|r| RowView::new(site, table, r, &urls, Value::from_serializable(&())))
            .collect();
        let bands = views.iter().any(|r| r.band.is_some());
        let regional = views.iter().any(|r| !r.regional.is_empty());
        let changes = views.iter().any(|r| {
            r.change.is_some()
                || matches!(
                    r.no_comparison,
                    Some(
                        NoComparisonView::OtherGroup { .. }
                            | NoComparisonView::NotRankedThen { .. }
                            | NoComparisonView::NotInTableThen { .. }
                    )
                )
        });
        (bands, regional, changes)
    }

    fn assert_agree(site: &Site) -> usize {
        for table in &site.tables {
            let shows = Shows::of(table);
            let want = from_views(site, table);
            assert_eq!(
                (shows.bands, shows.regional, shows.changes),
                want,
                "{} {} (bands, regional, changes)",
                table.year,
                table.file.display()
            );
        }
        site.tables.len()
    }

    #[test]
    fn the_columns_read_from_the_model_are_those_the_lines_fill() {
        // First results alone; a change; a result after one in a group
        // not comparable; after a line not ranked; regional ranks; bands.
        let first = row("thanh-hoa", "score = 91") + &row("nghe-an", "score = 80");
        let later = row("thanh-hoa", "score = 85") + &row("nghe-an", "score = 70");
        let not_ranked =
            row("thanh-hoa", "score = 85") + &row("nghe-an", "not_ranked = \"Chưa đủ dữ liệu\"");
        let sites = [
            ok(&[("data/results/2022.toml", &table(2022, "tinh", &first))]),
            ok(&[
                ("data/results/2022.toml", &table(2022, "tinh", &first)),
                ("data/results/2023.toml", &table(2023, "tinh", &later)),
            ]),
            ok(&[
                ("data/results/2022.toml", &table(2022, "khac", &first)),
                ("data/results/2023.toml", &table(2023, "tinh", &later)),
            ]),
            ok(&[
                ("data/results/2022.toml", &table(2022, "tinh", &not_ranked)),
                ("data/results/2023.toml", &table(2023, "tinh", &later)),
            ]),
        ];
        let mut seen = (false, false, false);
        for site in &sites {
            assert_agree(site);
            for table in &site.tables {
                let s = Shows::of(table);
                seen = (seen.0 || s.bands, seen.1 || s.regional, seen.2 || s.changes);
            }
        }
        assert_eq!(seen, (true, true, true), "a column never filled");
        // The example site: published changes, components, several indices
        // and groups.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut problems = crate::diagnostic::Diagnostics::default();
        let raw = crate::data::load(root, &mut problems);
        let site = crate::model::assemble(raw, &mut problems);
        assert!(!problems.has_errors(), "{problems}");
        assert!(assert_agree(&site) > 10);
    }
}
