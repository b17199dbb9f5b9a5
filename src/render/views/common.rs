//! The small views every page kind shares: an index, group, unit or
//! component named in a heading or a link, a table's source, a result's
//! other published values.

use std::borrow::Cow;

use serde::Serialize;

use crate::content::{render_markdown, Markdown};
use crate::model::{
    component_decimals, Alternative, ComponentFigures, Group, Index, Site, Source, UnitId,
};
use crate::render::escape::safe;
use crate::render::figure::{self, unit_suffix};
use crate::render::urls::Urls;
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
    pub fn new(def: &'a Index, urls: &Urls) -> Self {
        IndexRef {
            id: &def.id,
            name: &def.name,
            short_name: &def.short_name,
            publisher: def.publisher.as_deref(),
            unit_label: &def.unit_label,
            unit_suffix: unit_suffix(&def.unit_label),
            decimals: def.decimals,
            url: urls.index(&def.id),
        }
    }
}

/// A group, for headings.
#[derive(Debug, Clone, Serialize)]
pub struct GroupRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

impl<'a> GroupRef<'a> {
    pub fn new(group: &'a Group) -> Self {
        GroupRef {
            id: &group.id,
            name: &group.name,
        }
    }
}

/// A unit, for links.
#[derive(Debug, Clone, Serialize)]
pub struct UnitRef<'a> {
    pub id: &'a str,
    /// Its name; on a result line, as the line's year printed it (and there
    /// with what tells it apart from a unit of its group of the same name,
    /// [`Site::listed_name`]).
    pub name: Cow<'a, str>,
    /// Its name today, on a result line of a year when it had another
    /// (`renamed`); else `None`.
    pub current_name: Option<&'a str>,
    /// On a result line of a unit merged since into another
    /// (`merged_into`), the name of the unit it is part of today (the last
    /// of a chain of mergers): "(nay thuộc UBND xã Trường Lạc)".
    pub now_part_of: Option<&'a str>,
    pub kind: &'a str,
    pub url: String,
    /// The unit's place in Vietnamese alphabetical order (`vi::compare`), for
    /// sorting tables by name in the browser exactly as chiso sorts them.
    pub order: usize,
}

impl<'a> UnitRef<'a> {
    pub fn new(site: &'a Site, unit: UnitId, urls: &Urls) -> Self {
        use crate::model::Id;
        let u = &site.units[unit];
        UnitRef {
            id: &u.id,
            name: Cow::Borrowed(&u.name),
            current_name: None,
            now_part_of: None,
            kind: &u.kind,
            url: urls.unit(&u.id),
            order: unit.position(),
        }
    }

    /// The unit under the name it had in assessment year `year`.
    pub fn named_in(site: &'a Site, unit: UnitId, year: i32, urls: &Urls) -> Self {
        let u = &site.units[unit];
        let name = u.name_in(year);
        UnitRef {
            name: site.listed_name(unit, year),
            current_name: (name != u.name).then_some(u.name.as_str()),
            now_part_of: merged_since(site, unit, year).map(|s| site.units[s].name.as_str()),
            ..UnitRef::new(site, unit, urls)
        }
    }
}

/// The unit `unit` is part of today when it was merged into another after
/// `year` (following a chain of mergers to its end; a loop, which the data
/// should not have, stops after as many steps as there are units).
fn merged_since(site: &Site, unit: UnitId, year: i32) -> Option<UnitId> {
    let u = &site.units[unit];
    if u.active_to.is_some_and(|to| to < year) {
        return None;
    }
    let mut now = u.merged_into?;
    for _ in 0..site.units.len() {
        match site.units[now].merged_into {
            Some(next) if next != unit => now = next,
            _ => break,
        }
    }
    Some(now)
}

/// A component of an index, in its level, with a result's figures in it
/// when shown on a line.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub max: Option<f64>,
    /// The id of the component this one is part of; none at the top level.
    pub parent: Option<&'a str>,
    /// 0 at the top level, 1 for a component of a top-level one, and so on.
    pub depth: usize,
    /// The ids of the components part of this one, in definition order.
    pub children: Vec<&'a str>,
    /// Whether the children's scores add up to this one's.
    pub sum_of_children: bool,
    pub value: Option<f64>,
    /// Decimals the component's scores are published with.
    pub decimals: u32,
    /// `value` at the component's precision, trailing zeros kept
    /// (`13,969`, `0,5000`), or `—`.
    pub value_text: String,
    /// `max` as defined (`18,5`), or `—`.
    pub max_text: String,
    /// The rank on this component: the published one, or the one derived
    /// from a complete table whose lines all give the component.
    pub rank: Option<u32>,
    /// The number of units ranked on the component.
    pub of: Option<u32>,
    /// `3/63`, `3`, or `—`.
    pub rank_text: String,
    /// Whether `rank` is derived from the table, the source stating none
    /// ("tính từ bảng" beside it).
    pub rank_computed: bool,
    /// Whether the line is illustrative: `value_text` ends in `*`, as does
    /// `rank_text` when the rank is computed among illustrative lines.
    pub illustrative: bool,
    /// When the line disputes the publication (`disputed`), the figures
    /// derived from the table where they differ from the published ones:
    /// the rank from the component's scores, the sum of the children.
    pub derived_rank: Option<u32>,
    pub derived_value: Option<f64>,
    /// `derived_value` at the component's precision, or empty.
    pub derived_value_text: String,
    /// Why the published figures are kept (HTML from Markdown), or empty.
    #[serde(serialize_with = "safe")]
    pub disputed_html: String,
}

impl<'a> ComponentView<'a> {
    /// Component `c` of `def`, without a result.
    pub fn new(def: &'a Index, c: usize) -> Self {
        let component = &def.components[c];
        let text =
            |v: Option<f64>| v.map_or_else(|| figure::MISSING.to_owned(), figure::as_written);
        ComponentView {
            id: &component.id,
            name: &component.name,
            max: component.max,
            parent: component.parent.map(|p| def.components[p].id.as_str()),
            depth: component.depth,
            children: component
                .children
                .iter()
                .map(|&k| def.components[k].id.as_str())
                .collect(),
            sum_of_children: component.sum_of_children,
            value: None,
            value_text: figure::MISSING.to_owned(),
            max_text: text(component.max),
            rank: None,
            of: None,
            rank_text: figure::MISSING.to_owned(),
            rank_computed: false,
            illustrative: false,
            derived_rank: None,
            derived_value: None,
            derived_value_text: String::new(),
            disputed_html: String::new(),
            decimals: component_decimals(def, c),
        }
    }

    /// Component `c` of `def` with a line's score and figures in it.
    pub fn of_result(
        def: &'a Index,
        c: usize,
        value: f64,
        figures: Option<&ComponentFigures>,
        markdown: &Markdown,
    ) -> Self {
        let mut view = ComponentView::new(def, c);
        view.value = Some(value);
        if let Some(f) = figures {
            view.decimals = f.decimals;
        }
        view.value_text = figure::number(value, view.decimals);
        let Some(f) = figures else {
            return view;
        };
        view.rank = f.rank;
        view.of = f.of;
        view.rank_text = match (f.rank, f.of) {
            (Some(rank), Some(of)) => format!("{rank}/{of}"),
            (Some(rank), None) => rank.to_string(),
            _ => figure::MISSING.to_owned(),
        };
        view.rank_computed = f.rank_computed && f.rank.is_some();
        view.derived_rank = f.derived_rank;
        view.derived_value = f.derived_sum;
        view.derived_value_text = f
            .derived_sum
            .map(|v| figure::number(v, component_decimals(def, c)))
            .unwrap_or_default();
        view.disputed_html = f
            .disputed
            .as_deref()
            .map(|note| render_markdown(note, markdown))
            .unwrap_or_default();
        view
    }
}

/// Where a table's figures come from.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView<'a> {
    pub title: &'a str,
    /// The document's number (`519/QĐ-UBND`), when given apart from the
    /// title.
    pub number: Option<&'a str>,
    pub issuer: Option<&'a str>,
    /// `2024-05-20`.
    pub date: Option<String>,
    pub url: Option<&'a str>,
    /// The source cited in one line, as Vietnamese documents are cited:
    /// `Quyết định số 519/QĐ-UBND ngày 22/02/2024 của UBND tỉnh Hà Tĩnh`
    /// (plain text; what the title already says is not repeated). Pages
    /// print this, linked to `url`.
    pub citation: String,
}

impl<'a> SourceView<'a> {
    pub fn new(source: &'a Source) -> Self {
        SourceView {
            title: &source.title,
            number: source.number.as_deref(),
            issuer: source.issuer.as_deref(),
            date: source.date.map(|d| d.to_string()),
            url: source.url.as_deref(),
            citation: citation(source),
        }
    }
}

/// `<title> số <number> ngày <dd/mm/yyyy> của <issuer>`, each part only
/// when known and not already in the title.
pub fn citation(source: &Source) -> String {
    let title = source.title.trim();
    let mut out = title.to_owned();
    if let Some(number) = source.number.as_deref().map(str::trim) {
        if !number.is_empty() && !title.contains(number) {
            let ends_with_so = title
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| w.to_lowercase() == "số");
            out.push_str(if ends_with_so { " " } else { " số " });
            out.push_str(number);
        }
    }
    if let Some(d) = source.date {
        let date = vi::format_date_short(d.year, d.month, d.day);
        if !title.contains(&date) {
            out.push_str(" ngày ");
            out.push_str(&date);
        }
    }
    if let Some(issuer) = source.issuer.as_deref().map(str::trim) {
        if !issuer.is_empty() && !title.contains(issuer) {
            out.push_str(" của ");
            out.push_str(issuer);
        }
    }
    out
}

/// A value or rank published elsewhere for the same result (at least one
/// of the two).
#[derive(Debug, Clone, Serialize)]
pub struct AlternativeView<'a> {
    pub value: Option<f64>,
    /// The decimals `value` was published with (`90,80`: 2).
    pub decimals: u32,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Who published it, and where.
    pub source: &'a str,
}

impl<'a> AlternativeView<'a> {
    pub fn new(alternative: &'a Alternative) -> Self {
        AlternativeView {
            value: alternative.value,
            decimals: alternative.decimals,
            rank: alternative.rank,
            of: alternative.of,
            source: &alternative.source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn source(title: &str, number: Option<&str>, issuer: Option<&str>, date: bool) -> Source {
        Source {
            title: title.to_owned(),
            number: number.map(str::to_owned),
            issuer: issuer.map(str::to_owned),
            date: date.then_some(Date {
                year: 2024,
                month: 2,
                day: 22,
            }),
            url: None,
        }
    }

    #[test]
    fn a_source_is_cited_with_its_number_date_and_issuer_once() {
        let cases = [
            (
                source(
                    "Quyết định",
                    Some("519/QĐ-UBND"),
                    Some("UBND tỉnh Hà Tĩnh"),
                    true,
                ),
                "Quyết định số 519/QĐ-UBND ngày 22/02/2024 của UBND tỉnh Hà Tĩnh",
            ),
            (
                source("Quyết định số 519/QĐ-UBND", Some("519/QĐ-UBND"), None, true),
                "Quyết định số 519/QĐ-UBND ngày 22/02/2024",
            ),
            (
                source("Công văn số", Some("12/SNV"), None, false),
                "Công văn số 12/SNV",
            ),
            (
                source("Báo Hà Tĩnh, 22/02/2024", None, Some("Báo Hà Tĩnh"), true),
                "Báo Hà Tĩnh, 22/02/2024",
            ),
            (
                source("Báo cáo PAPI 2023", None, Some("UNDP"), false),
                "Báo cáo PAPI 2023 của UNDP",
            ),
        ];
        for (source, cited) in cases {
            assert_eq!(citation(&source), cited);
        }
    }
}
