//! The small views every page kind shares: an index, group, unit, band or
//! component named in a heading or a link, a table's source, a result's
//! other published values.

use serde::Serialize;

use crate::model::{Alternative, Band, Component, Group, Index, Site, Source, UnitId};
use crate::render::figure::{self, unit_suffix};
use crate::render::urls::Urls;

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
    pub name: &'a str,
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
            name: &u.name,
            kind: &u.kind,
            url: urls.unit(&u.id),
            order: unit.position(),
        }
    }
}

/// A rating band.
#[derive(Debug, Clone, Serialize)]
pub struct BandView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub min: f64,
}

impl<'a> BandView<'a> {
    pub fn new(band: &'a Band) -> Self {
        BandView {
            id: &band.id,
            name: &band.name,
            min: band.min,
        }
    }
}

/// A component of an index, with a result's score in it when shown on a
/// line.
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
    pub fn new(component: &'a Component, value: Option<f64>) -> Self {
        let text =
            |v: Option<f64>| v.map_or_else(|| figure::MISSING.to_owned(), figure::as_written);
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

/// Where a table's figures come from.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView<'a> {
    pub title: &'a str,
    pub issuer: Option<&'a str>,
    /// `2024-05-20`.
    pub date: Option<String>,
    pub url: Option<&'a str>,
}

impl<'a> SourceView<'a> {
    pub fn new(source: &'a Source) -> Self {
        SourceView {
            title: &source.title,
            issuer: source.issuer.as_deref(),
            date: source.date.map(|d| d.to_string()),
            url: source.url.as_deref(),
        }
    }
}

/// A value or rank published elsewhere for the same result (at least one
/// of the two).
#[derive(Debug, Clone, Serialize)]
pub struct AlternativeView<'a> {
    pub value: Option<f64>,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Who published it, and where.
    pub source: &'a str,
}

impl<'a> AlternativeView<'a> {
    pub fn new(alternative: &'a Alternative) -> Self {
        AlternativeView {
            value: alternative.value,
            rank: alternative.rank,
            of: alternative.of,
            source: &alternative.source,
        }
    }
}
