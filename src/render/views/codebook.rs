//! The codebook of the open data, for `data.html`: every column of the CSV
//! and JSON files (from the one list that writes them,
//! `render::open_data::columns`), the CSV columns made per region scheme and
//! per component on this site, and where the data package is.

use std::borrow::Cow;

use serde::Serialize;

use super::common::IndexRef;
use crate::model::Site;
use crate::render::figure;
use crate::render::open_data::columns::{Scope, COLUMNS};
use crate::render::open_data::{all_tables_component_column, License, Schemes};
use crate::render::urls::Urls;

/// One column of the open data, as the codebook documents it.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    /// The CSV header (`hang`), or its pattern for a column per region
    /// scheme or component (`hang_vung_<cách chia vùng>`); missing when the
    /// field is only in JSON.
    pub csv: Option<String>,
    /// Where the field is in a table's JSON file (`rows[].rank`); missing
    /// when it is only in CSV.
    pub json: Option<String>,
    /// `table`, `region`, `row`, `regional`, `component` or `alternative`.
    pub scope: &'static str,
    /// The Table Schema type: `integer`, `number`, `string`, `boolean`,
    /// `date`.
    pub kind: &'static str,
    /// The type in Vietnamese.
    pub kind_name: &'static str,
    pub title: &'static str,
    /// What it means, in Vietnamese and in English.
    pub description: &'static str,
    pub description_en: &'static str,
    /// What it is measured in (empty when nothing).
    pub unit: Cow<'static, str>,
    /// How it is rounded (empty when it is not a measured figure).
    pub precision: &'static str,
}

/// A region scheme of the site, and the CSV columns made for it.
#[derive(Debug, Clone, Serialize)]
pub struct SchemeColumnsView<'a> {
    pub name: &'a str,
    pub slug: String,
    /// The headers of its columns (`hang_vung_8-vung`).
    pub columns: Vec<String>,
}

/// An index with components, and the CSV column of each.
#[derive(Debug, Clone, Serialize)]
pub struct IndexComponentsView<'a> {
    pub index: IndexRef<'a>,
    pub components: Vec<ComponentColumnView<'a>>,
}

/// One component and its CSV column.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentColumnView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The component's maximum as written (`14`), or `—`.
    pub max_text: String,
    /// The header of its column (`linh_vuc_cai-cach-tthc`).
    pub column: String,
    /// Its column in the all-tables file, which holds the components of
    /// every index (`linh_vuc_cchc-tinh_cai-cach-tthc`).
    pub all_tables_column: String,
}

/// The licence of the open data, for the page: `[data_license]` of
/// `config.toml`, or chiso's default (CC BY 4.0 for the compilation).
#[derive(Debug, Clone, Serialize)]
pub struct LicenseView<'a> {
    /// Its identifier (`CC-BY-4.0`).
    pub name: &'a str,
    /// How the page names it (the identifier when no title was given).
    pub title: &'a str,
    pub url: Option<&'a str>,
    /// What it covers and whom to credit, in a sentence or two (the same
    /// text as the downloads' `license.statement`).
    pub statement: &'a str,
    /// Whether it is chiso's default, `config.toml` naming none.
    pub default: bool,
}

impl<'a> LicenseView<'a> {
    pub fn new(license: &'a License) -> Self {
        LicenseView {
            name: &license.name,
            title: &license.title,
            url: license.path.as_deref(),
            statement: &license.statement,
            default: license.default,
        }
    }
}

/// Every column, in CSV order (JSON-only fields where they stand).
pub fn columns() -> Vec<ColumnView> {
    COLUMNS
        .iter()
        .map(|c| ColumnView {
            csv: c.csv_pattern(),
            json: c.json_path(),
            scope: match c.scope() {
                Scope::Table => "table",
                Scope::Row => "row",
                Scope::Regional => "regional",
                Scope::Component => "component",
                Scope::Alternative => "alternative",
                Scope::Region => "region",
            },
            kind: c.kind.schema_type(),
            kind_name: c.kind.vietnamese(),
            title: c.title,
            description: c.vi,
            description_en: c.en,
            unit: c.measure.vietnamese(None),
            precision: c.precision.vietnamese(),
        })
        .collect()
}

/// The region schemes of the site, each with its CSV columns.
pub fn schemes(site: &Site) -> Vec<SchemeColumnsView<'_>> {
    let schemes = Schemes::of(site);
    let prefixes: Vec<&str> = COLUMNS
        .iter()
        .filter(|c| c.scope() == Scope::Regional)
        .filter_map(|c| c.csv)
        .collect();
    schemes
        .list
        .into_iter()
        .map(|s| {
            // The scheme's name, borrowed from its first region.
            let name = site
                .regions
                .iter()
                .find(|r| r.scheme == s.name)
                .map_or("", |r| r.scheme.as_str());
            SchemeColumnsView {
                name,
                columns: prefixes.iter().map(|p| format!("{p}{}", s.slug)).collect(),
                slug: s.slug,
            }
        })
        .collect()
}

/// The indices with components, each component with its CSV column.
pub fn components<'a>(site: &'a Site, urls: &Urls) -> Vec<IndexComponentsView<'a>> {
    let prefix = COLUMNS
        .iter()
        .filter(|c| c.scope() == Scope::Component)
        .find_map(|c| c.csv)
        .unwrap_or_default();
    site.indices
        .iter()
        .filter(|def| !def.components.is_empty())
        .map(|def| IndexComponentsView {
            index: IndexRef::new(def, urls),
            components: def
                .components
                .iter()
                .map(|c| ComponentColumnView {
                    id: &c.id,
                    name: &c.name,
                    max_text: c
                        .max
                        .map_or_else(|| figure::MISSING.to_owned(), figure::as_written),
                    column: format!("{prefix}{}", c.id),
                    all_tables_column: all_tables_component_column(prefix, &def.id, &c.id),
                })
                .collect(),
        })
        .collect()
}
