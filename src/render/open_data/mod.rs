//! Open data: every results table as CSV and JSON under
//! `/du-lieu/<year>/<group>/<index>.{csv,json}`, with the figures the table
//! on the site shows, and `/du-lieu/datapackage.json`, the Frictionless
//! Data Package describing every CSV file and its columns (with the schemas
//! it names in `/du-lieu/luoc-do/`).
//!
//! The columns are declared once, in [`columns::COLUMNS`]; this module lays
//! them out. CSV is UTF-8 with a byte-order mark (so Excel shows the
//! diacritics), comma-separated, CRLF line ends ([`csv::CsvLine`], which
//! also keeps spreadsheets from running a cell as a formula), machine
//! numbers (decimal point, no thousands separator) rounded to the published
//! decimals. The JSON holds the table's fields at its top and one object per
//! line in `rows`, with the lists (regional ranks, components, other
//! values) as lists.

pub mod columns;
mod csv;
mod json;
pub mod license;
mod package;

use std::io;

use rayon::prelude::*;

use super::urls;
use crate::config::Config;
use crate::model::{IndexId, Site, Table, TableId};
use crate::vi;
use columns::{Cell, Column, Get, RowAt, Scope, TableAt, COLUMNS};

pub use csv::Dialect;
pub use json::json;
pub use license::License;

/// The end of an Excel-for-Vietnamese-locale CSV file's name, in place of
/// `.csv` (`par-index-excel.csv`): [`crate::model::EXCEL_SUFFIX`], by which
/// the model refuses an index id that would take such a name.
pub const EXCEL_EXT: &str = "-excel.csv";

/// The file-name ending of a CSV file in `dialect`.
pub fn dialect_ext(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Standard => ".csv",
        Dialect::Excel => EXCEL_EXT,
    }
}

pub use package::{datapackage, PACKAGE_PATH};

/// Every table's CSV (in both dialects) and JSON, the all-tables files,
/// and the data package, into `sink`.
pub fn files(config: &Config, site: &Site, sink: &dyn super::Sink) {
    let schemes = Schemes::of(site);
    let license = License::of(config);
    // Tables are independent: make them in parallel.
    site.tables
        .as_slice()
        .par_iter()
        .for_each(|table| one_table(site, &schemes, &license, table, sink));
    if !site.tables.as_slice().is_empty() {
        // Written as they are made: on a national site they are 42, 42
        // and 94 MB.
        for dialect in [Dialect::Standard, Dialect::Excel] {
            sink.put_streamed(urls::all_tables_path(dialect_ext(dialect)), &mut |out| {
                all_tables_csv(site, &schemes, dialect, out)
            });
        }
        // Compact: a download for software, 94 MB instead of 175 MB
        // indented on a national site. Each table's own file is indented,
        // for people reading it.
        sink.put_streamed(urls::all_tables_path(".json"), &mut |out| {
            serde_json::to_writer(out, &json::all_tables(site, &license)).map_err(io::Error::other)
        });
    }
    for (path, value) in datapackage(config, site, &schemes, &license) {
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        sink.put(path, text.into_bytes());
    }
}

/// One table's CSV (in both dialects) and JSON into `sink` (for `serve`,
/// after an edit that changed only some tables).
pub fn table_files(config: &Config, site: &Site, table: TableId, sink: &dyn super::Sink) {
    let schemes = Schemes::of(site);
    let license = License::of(config);
    one_table(site, &schemes, &license, &site.tables[table], sink);
}

fn one_table(
    site: &Site,
    schemes: &Schemes,
    license: &License,
    table: &Table,
    sink: &dyn super::Sink,
) {
    let def = &site.indices[table.index];
    let group = &site.groups[table.group];
    let path = |ext| urls::data_file_path(table.year, &group.id, &def.id, ext);
    let excel = urls::data_file_name(table.year, &group.id, &def.id, EXCEL_EXT);
    let json = serde_json::to_string_pretty(&json(site, table, license)).unwrap_or_default();
    sink.put(
        path("csv"),
        csv(site, schemes, table, Dialect::Standard).into_bytes(),
    );
    sink.put(
        excel,
        csv(site, schemes, table, Dialect::Excel).into_bytes(),
    );
    sink.put(path("json"), json.into_bytes());
}

/// The region schemes of the site, each with the slug its CSV columns end
/// with, in the order their first region is defined.
pub struct Schemes {
    pub list: Vec<Scheme>,
}

/// One region scheme ("8 vùng") and its slug in CSV headers (`8-vung`).
pub struct Scheme {
    pub name: String,
    pub slug: String,
}

impl Schemes {
    pub fn of(site: &Site) -> Self {
        let mut list: Vec<Scheme> = Vec::new();
        for region in site.regions.iter() {
            if list.iter().any(|s| s.name == region.scheme) {
                continue;
            }
            let base = match vi::slugify(&region.scheme) {
                slug if slug.is_empty() => "vung".to_owned(),
                slug => slug,
            };
            // Two schemes whose names slug alike still get two columns.
            let mut slug = base.clone();
            let mut n = 2;
            while list.iter().any(|s| s.slug == slug) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            list.push(Scheme {
                name: region.scheme.clone(),
                slug,
            });
        }
        Schemes { list }
    }

    /// The schemes some line of `table` has a regional rank in.
    pub fn in_table<'s>(&'s self, site: &Site, table: &Table) -> Vec<&'s Scheme> {
        self.list
            .iter()
            .filter(|s| {
                table.rows.iter().any(|row| {
                    row.regional
                        .iter()
                        .any(|g| site.regions[g.region].scheme == s.name)
                })
            })
            .collect()
    }
}

/// What one CSV column of a table stands for: a column, and for a column
/// per scheme or component, which one.
pub enum Member<'s> {
    One,
    Scheme(&'s Scheme),
    /// A component of an index, by its position in the index.
    Component(IndexId, usize),
}

/// One column of one table's CSV file, with its header.
pub struct Header<'s> {
    pub column: &'static Column,
    pub member: Member<'s>,
    pub name: String,
}

impl Header<'_> {
    /// The cell of this column on a line.
    fn cell<'a>(&self, r: RowAt<'a>) -> Cell<'a> {
        match (&self.column.get, &self.member) {
            (Get::Table(get), _) => get(r.at),
            (Get::Row(get), _) => get(r),
            (Get::Regional(get), Member::Scheme(scheme)) => r
                .row
                .regional
                .iter()
                .find(|g| r.at.site.regions[g.region].scheme == scheme.name)
                .map_or(Cell::Empty, |g| get(r, g)),
            (Get::Component(get), Member::Component(index, c)) if *index == r.at.table.index => r
                .row
                .components
                .iter()
                .find(|(i, _)| i == c)
                .map_or(Cell::Empty, |&(c, v)| get(r, c, v)),
            _ => Cell::Empty,
        }
    }
}

/// What a CSV file holds: one table, or every table of the site.
#[derive(Clone, Copy)]
pub enum Extent<'t> {
    Table(&'t Table),
    All,
}

/// The CSV columns of a table: every column with a CSV header, one per
/// region scheme of the table for the regional ones (grouped by scheme) and
/// one per component of the index for the component ones.
pub fn headers<'s>(site: &Site, schemes: &'s Schemes, table: &Table) -> Vec<Header<'s>> {
    headers_of(site, schemes, Extent::Table(table))
}

/// The CSV columns of one table, or of the all-tables file: there every
/// region scheme of the site, and every component of every index, named
/// `linh_vuc_<index>_<component>` (two indices may have components of the
/// same id).
pub fn headers_of<'s>(site: &Site, schemes: &'s Schemes, extent: Extent) -> Vec<Header<'s>> {
    let present: Vec<&Scheme> = match extent {
        Extent::Table(table) => schemes.in_table(site, table),
        Extent::All => schemes.list.iter().collect(),
    };
    let mut out = Vec::new();
    let mut regional_done = false;
    for column in COLUMNS {
        let Some(csv) = column.csv else { continue };
        match column.scope() {
            Scope::Table | Scope::Row => out.push(Header {
                column,
                member: Member::One,
                name: csv.to_owned(),
            }),
            // The regional columns stand together, scheme after scheme
            // (`vung_a, hang_vung_a, so_don_vi_vung_a, vung_b, …`), where
            // the first of them is declared.
            Scope::Regional if !regional_done => {
                regional_done = true;
                let regional: Vec<(&'static Column, &str)> = COLUMNS
                    .iter()
                    .filter(|c| c.scope() == Scope::Regional)
                    .filter_map(|c| Some((c, c.csv?)))
                    .collect();
                for &scheme in &present {
                    out.extend(regional.iter().map(|&(column, csv)| Header {
                        column,
                        member: Member::Scheme(scheme),
                        name: format!("{csv}{}", scheme.slug),
                    }));
                }
            }
            Scope::Regional => {}
            Scope::Component => match extent {
                Extent::Table(table) => {
                    let def = &site.indices[table.index];
                    out.extend(def.components.iter().enumerate().map(|(c, comp)| Header {
                        column,
                        member: Member::Component(table.index, c),
                        name: format!("{csv}{}", comp.id),
                    }))
                }
                Extent::All => {
                    for (index, def) in site.indices.iter_enumerated() {
                        out.extend(def.components.iter().enumerate().map(|(c, comp)| Header {
                            column,
                            member: Member::Component(index, c),
                            name: all_tables_component_column(csv, &def.id, &comp.id),
                        }))
                    }
                }
            },
            Scope::Alternative | Scope::Region => {}
        }
    }
    out
}

/// A component's column in the all-tables file: the index's id and the
/// component's, after the column's prefix (`linh_vuc_par-index_the-che`).
/// Ids are slugs, which hold no `_`, so the name is unambiguous.
pub fn all_tables_component_column(prefix: &str, index: &str, component: &str) -> String {
    format!("{prefix}{index}_{component}")
}

/// The table as CSV, with a byte-order mark and CRLF line ends (RFC 4180).
pub fn csv(site: &Site, schemes: &Schemes, table: &Table, dialect: Dialect) -> String {
    let headers = headers(site, schemes, table);
    let mut out = header_line(&headers, dialect);
    lines(site, table, &headers, dialect, &mut out);
    out
}

/// Every table of the site in one CSV file, written to `out` a table at a
/// time: the columns of every table (the year, index and group columns tell
/// the tables apart), the tables in the site's order, each one's lines as
/// in its own file.
fn all_tables_csv(
    site: &Site,
    schemes: &Schemes,
    dialect: Dialect,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let headers = headers_of(site, schemes, Extent::All);
    out.write_all(header_line(&headers, dialect).as_bytes())?;
    let mut part = String::new();
    for table in site.tables.iter() {
        part.clear();
        lines(site, table, &headers, dialect, &mut part);
        out.write_all(part.as_bytes())?;
    }
    Ok(())
}

/// The byte-order mark and the header line.
fn header_line(headers: &[Header], dialect: Dialect) -> String {
    let mut out = String::from("\u{feff}");
    let mut line = csv::CsvLine::with(&mut out, dialect);
    for h in headers {
        line.text(&h.name);
    }
    line.end();
    out
}

/// A table's lines under `headers`.
fn lines(site: &Site, table: &Table, headers: &[Header], dialect: Dialect, out: &mut String) {
    let at = TableAt::new(site, table);
    for row in &table.rows {
        let r = at.row(row);
        let mut line = csv::CsvLine::with(out, dialect);
        for h in headers {
            line.cell(&h.cell(r));
        }
        line.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_excel_ending_is_the_one_the_model_keeps_free() {
        assert_eq!(EXCEL_EXT, format!("{}.csv", crate::model::EXCEL_SUFFIX));
    }
    use crate::model::tests::{ok, row, table};

    fn site() -> Site {
        let rows = [
            row("thanh-hoa", "score = 90"),
            row("nghe-an", "score = 85"),
            row("ha-tinh", "score = 88.35"),
            row("da-nang", "score = 91"),
            row("bac-ninh", "not_ranked = \"Dữ liệu không đủ tin cậy\""),
            row("ha-giang", "score = 70"),
            row("tuyen-quang", "score = 80"),
        ];
        ok(&[(
            "data/results/2023/tinh.toml",
            &table(2023, "tinh", &rows.concat()),
        )])
    }

    #[test]
    fn each_region_scheme_gets_its_columns_together() {
        let site = site();
        let schemes = Schemes::of(&site);
        let text = csv(
            &site,
            &schemes,
            &site.tables.as_slice()[0],
            Dialect::Standard,
        );
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
        assert_eq!(at("hang_vung_8-vung"), at("vung_8-vung") + 1);
        assert_eq!(at("vung_6-vung"), at("so_don_vi_vung_8-vung") + 1);
        let ha_tinh: Vec<&str> = lines
            .iter()
            .find(|l| l.contains(",ha-tinh,"))
            .unwrap()
            .split(',')
            .collect();
        // Thanh Hóa 90, Hà Tĩnh 88.35, Nghệ An 85 in Bắc Trung Bộ; Đà Nẵng
        // 91 too in the 6-vùng region.
        assert_eq!(ha_tinh[at("hang_vung_8-vung")], "2");
        assert_eq!(ha_tinh[at("so_don_vi_vung_8-vung")], "3");
        assert_eq!(ha_tinh[at("hang_vung_6-vung")], "3");
        assert_eq!(ha_tinh[at("so_don_vi_vung_6-vung")], "4");
        // A unit in no region has empty regional cells.
        let bac_ninh = lines.iter().find(|l| l.contains(",bac-ninh,")).unwrap();
        assert!(bac_ninh.contains("Dữ liệu không đủ tin cậy"), "{bac_ninh}");
    }

    #[test]
    fn schemes_whose_names_slug_alike_get_distinct_columns() {
        let mut site = site();
        for region in site.regions.iter_mut() {
            region.scheme = if region.id == "btb" {
                "8 vùng".to_owned()
            } else {
                "8-VÙNG".to_owned()
            };
        }
        let slugs: Vec<String> = Schemes::of(&site)
            .list
            .into_iter()
            .map(|s| s.slug)
            .collect();
        assert_eq!(slugs, ["8-vung", "8-vung-2"]);
    }
}
