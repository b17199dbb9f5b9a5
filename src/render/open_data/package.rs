//! `/du-lieu/datapackage.json`: the open data as a Frictionless Data
//! Package (<https://specs.frictionlessdata.io/data-package/>). Each table's
//! CSV file is one tabular resource whose schema lists its columns in file
//! order, with their Table Schema type, title and description, all taken
//! from [`super::columns::COLUMNS`], so the package documents exactly the
//! columns the files have.
//!
//! Tables of one index with the same region schemes have the same columns,
//! so their schema is written once, as `/du-lieu/luoc-do/<index>.json`
//! (`<index>-2.json`, … for other sets of schemes), and each resource names
//! it by path: inline, a national site's 2,500 tables would repeat it into
//! a package of tens of megabytes.

use serde_json::{json, Map, Value};

use super::columns::{Column, Kind, Measure, Precision};
use super::license::License;
use super::{headers, headers_of, Extent, Header, Member, Schemes};
use crate::config::Config;
use crate::model::{Index, IndexId, Site, Table};
use crate::render::feeds;
use crate::render::pages::DATA_PATH;
use crate::render::urls;
use crate::vi;

/// Where the package is written, site-relative.
pub const PACKAGE_PATH: &str = "du-lieu/datapackage.json";

/// The folder of the shared schemas, in `du-lieu/`.
const SCHEMA_FOLDER: &str = "luoc-do/";

/// The data package and the schema files it names, as (site-relative
/// path, JSON value).
pub fn datapackage(
    config: &Config,
    site: &Site,
    schemes: &Schemes,
    license: &License,
) -> Vec<(String, Value)> {
    let name = match vi::slugify(&config.title) {
        slug if slug.is_empty() => "chiso".to_owned(),
        slug => slug,
    };
    // Each distinct set of columns, by index and region schemes, once.
    let mut shared: Vec<(TableKind, String, Value)> = Vec::new();
    let mut resources = Vec::new();
    for table in site.tables.iter() {
        let def = &site.indices[table.index];
        let kind = TableKind {
            index: Some(table.index),
            schemes: schemes
                .in_table(site, table)
                .iter()
                .map(|s| s.slug.clone())
                .collect(),
        };
        let schema_path = match shared.iter().find(|(k, _, _)| *k == kind) {
            Some((_, path, _)) => path.clone(),
            None => {
                let n = shared
                    .iter()
                    .filter(|(k, _, _)| k.index == kind.index)
                    .count();
                let path = match n {
                    0 => format!("{SCHEMA_FOLDER}{}.json", def.id),
                    n => format!("{SCHEMA_FOLDER}{}-{}.json", def.id, n + 1),
                };
                let schema = schema(site, schemes, table);
                shared.push((kind, path.clone(), schema));
                path
            }
        };
        resources.push(resource(site, table, &schema_path));
    }
    let mut package = Map::new();
    package.insert("profile".into(), "tabular-data-package".into());
    package.insert("name".into(), name.into());
    package.insert("title".into(), config.title.as_str().into());
    if !config.description.is_empty() {
        package.insert("description".into(), config.description.as_str().into());
    }
    package.insert("homepage".into(), feeds::absolute(config, DATA_PATH).into());
    let mut entry = Map::new();
    entry.insert("name".into(), license.name.as_str().into());
    entry.insert("title".into(), license.title.as_str().into());
    if let Some(url) = &license.path {
        entry.insert("path".into(), url.as_str().into());
    }
    package.insert("licenses".into(), vec![Value::Object(entry)].into());
    // Frictionless has no field for it: the statement (what is licensed,
    // whom to credit) goes in a custom property, as the spec allows.
    package.insert(
        "license_statement".into(),
        license.statement.as_str().into(),
    );
    if !site.tables.as_slice().is_empty() {
        let path = format!("{SCHEMA_FOLDER}{ALL_TABLES}.json");
        resources.push(all_tables_resource(&path));
        shared.push((
            TableKind {
                index: None,
                schemes: Vec::new(),
            },
            path,
            all_tables_schema(site, schemes),
        ));
    }
    package.insert("resources".into(), resources.into());
    let mut files = vec![(PACKAGE_PATH.to_owned(), Value::Object(package))];
    files.extend(
        shared
            .into_iter()
            .map(|(_, path, schema)| (format!("{DATA_PATH}{path}"), schema)),
    );
    files
}

/// What decides a table's columns: its index and its region schemes
/// (`None`: the all-tables file).
#[derive(PartialEq)]
struct TableKind {
    index: Option<IndexId>,
    schemes: Vec<String>,
}

/// The name of the all-tables resource and of its schema file.
const ALL_TABLES: &str = "tat-ca-cac-bang";

/// The CSV file of every table as a tabular data resource.
fn all_tables_resource(schema_path: &str) -> Value {
    let path = urls::all_tables_path(".csv");
    let path = path.strip_prefix(DATA_PATH).unwrap_or(&path).to_owned();
    json!({
        "name": ALL_TABLES,
        "path": path,
        "profile": "tabular-data-resource",
        "title": "Mọi bảng kết quả, mọi năm",
        "description": "Mọi bảng trong một tệp; các cột nam, chi_so và khoi cho biết mỗi dòng thuộc bảng nào. Every table in one file; the columns nam, chi_so and khoi tell the tables apart.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": dialect(),
        "schema": schema_path,
    })
}

/// The Table Schema of the all-tables CSV file.
fn all_tables_schema(site: &Site, schemes: &Schemes) -> Value {
    let fields: Vec<Value> = headers_of(site, schemes, Extent::All)
        .iter()
        .map(|h| {
            let Member::Component(index, _) = h.member else {
                return field(h, None);
            };
            // Components of several indices stand side by side: say whose.
            let def = &site.indices[index];
            let mut field = field(h, Some(def));
            field["title"] = format!("{} ({})", title(h, Some(def)), def.short_name).into();
            field
        })
        .collect();
    json!({
        "fields": fields,
        "missingValues": [""],
        "primaryKey": ["nam", "chi_so", "khoi", "ma_don_vi"],
    })
}

/// How the standard CSV files are written.
fn dialect() -> Value {
    json!({
        "delimiter": ",",
        "doubleQuote": true,
        "header": true,
        "lineTerminator": "\r\n",
        "quoteChar": "\"",
    })
}

/// One table's CSV file as a tabular data resource, its schema at
/// `schema_path` (relative to the package).
fn resource(site: &Site, table: &Table, schema_path: &str) -> Value {
    let def = &site.indices[table.index];
    let group = &site.groups[table.group];
    // The package sits in `du-lieu/`, beside the files' year folders.
    let path = urls::data_file_path(table.year, &group.id, &def.id, "csv");
    let path = path.strip_prefix(DATA_PATH).unwrap_or(&path).to_owned();
    json!({
        "name": format!("{}-{}-{}", table.year, group.id, def.id),
        "path": path,
        "profile": "tabular-data-resource",
        "title": format!("{} – {} – năm {}", def.short_name, group.name, table.year),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": dialect(),
        "schema": schema_path,
    })
}

/// The Table Schema of a table's CSV file.
fn schema(site: &Site, schemes: &Schemes, table: &Table) -> Value {
    let def = &site.indices[table.index];
    let fields: Vec<Value> = headers(site, schemes, table)
        .iter()
        .map(|h| field(h, Some(def)))
        .collect();
    json!({
        "fields": fields,
        "missingValues": [""],
        "primaryKey": ["ma_don_vi"],
    })
}

/// A column as a Table Schema field; `def` the index of its table (`None`
/// in the all-tables file, but for a component's column).
fn field(h: &Header, def: Option<&Index>) -> Value {
    let column = h.column;
    let mut field = Map::new();
    field.insert("name".into(), h.name.as_str().into());
    field.insert("type".into(), column.kind.schema_type().into());
    field.insert("title".into(), title(h, def).into());
    field.insert("description".into(), description(column, def).into());
    if column.kind == Kind::Boolean {
        field.insert("trueValues".into(), json!(["1"]));
        field.insert("falseValues".into(), json!(["0"]));
    }
    Value::Object(field)
}

/// The column's title, with the scheme or component it is for.
pub fn title(h: &Header, def: Option<&Index>) -> String {
    let title = h.column.title;
    match (&h.member, def) {
        (Member::Scheme(scheme), _) => format!("{title} ({})", scheme.name),
        (Member::Component(_, c), Some(def)) => match def.components.get(*c) {
            Some(component) => format!("{title}: {}", component.name),
            None => title.to_owned(),
        },
        _ => title.to_owned(),
    }
}

/// What the column means, in Vietnamese then English, with its unit and
/// precision in this table (in general when `def` is `None`).
fn description(column: &Column, def: Option<&Index>) -> String {
    let mut text = column.vi.to_owned();
    let unit = column.measure.vietnamese(def);
    if column.measure != Measure::None && !unit.is_empty() {
        text.push_str(&format!(" Đơn vị: {unit}."));
    }
    match (column.precision, def) {
        (Precision::Published, Some(def)) => text.push_str(&format!(
            " Làm tròn đến {} chữ số thập phân như trên trang (trừ khi cột so_chu_so_thap_phan ghi khác).",
            def.decimals
        )),
        (Precision::Published, None) => text.push_str(
            " Làm tròn như trên trang: số chữ số thập phân ghi ở cột so_chu_so_thap_phan.",
        ),
        (Precision::AsWritten, _) => text.push_str(" Số như nguồn công bố."),
        (Precision::Coarser, _) => text.push_str(
            " Làm tròn như trên trang: đến số chữ số thập phân ít hơn của hai kết quả được so sánh.",
        ),
        (Precision::None, _) => {}
    }
    text.push_str(" / ");
    text.push_str(column.en);
    text
}
