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
//! values) as lists. The all-tables files (`/du-lieu/tat-ca-cac-bang.*`)
//! are made with each table's own: a line is formatted once per dialect
//! for both, a table's JSON serialised once.

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
    if !site.tables.as_slice().is_empty() {
        tables_and_all_tables(site, &schemes, &license, sink);
    }
    for (path, value) in datapackage(config, site, &schemes, &license) {
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        sink.put(path, text.into_bytes());
    }
}

/// How many tables are made at a time (in parallel) before their parts of
/// the all-tables files are written: a few megabytes held.
const TABLES_AT_A_TIME: usize = 64;

/// Every table's own files, and the all-tables files made with them: each
/// line formatted once per dialect (its table's CSV line and, with the
/// cells of the columns the table has not left empty, its all-tables line)
/// and each table's JSON serialised once (its all-tables object is its own
/// file's, compacted, without the licence). The tables are made a few at a
/// time in the site's order, and the all-tables files (on a national site
/// 42, 42 and 94 MB) written as they come, never held whole.
fn tables_and_all_tables(
    site: &Site,
    schemes: &Schemes,
    license: &License,
    sink: &dyn super::Sink,
) {
    let all = headers_of(site, schemes, Extent::All);
    let paths = [
        urls::all_tables_path(dialect_ext(Dialect::Standard)),
        urls::all_tables_path(dialect_ext(Dialect::Excel)),
        urls::all_tables_path(".json"),
    ];
    put_side_by_side(sink, paths, |[csv, excel, json]| {
        let mut files = AllTablesFiles::new([csv, excel, json]);
        files.write(
            AllTablesFiles::CSV,
            header_line(&all, Dialect::Standard).as_bytes(),
        );
        files.write(
            AllTablesFiles::EXCEL,
            header_line(&all, Dialect::Excel).as_bytes(),
        );
        files.write(AllTablesFiles::JSON, &json::all_tables_start(license));
        let mut first = true;
        for chunk in site.tables.as_slice().chunks(TABLES_AT_A_TIME) {
            let parts: Vec<Part> = chunk
                .par_iter()
                .map(|table| one_table(site, schemes, license, table, Some(&all), sink))
                .collect();
            for part in parts {
                files.write(AllTablesFiles::CSV, part.csv[0].as_bytes());
                files.write(AllTablesFiles::EXCEL, part.csv[1].as_bytes());
                if !first {
                    files.write(AllTablesFiles::JSON, b",");
                }
                first = false;
                files.write(AllTablesFiles::JSON, &part.json);
            }
        }
        files.write(AllTablesFiles::JSON, json::ALL_TABLES_END);
        files.results()
    });
}

/// Writes the three files at `paths` into `sink` side by side, as `write`
/// writes them (it says how writing each went). Should the sink take none
/// of them (a clash, an earlier failure), `write` still runs, into nothing:
/// it also makes each table's own files.
fn put_side_by_side(
    sink: &dyn super::Sink,
    paths: [String; 3],
    write: impl FnOnce([&mut dyn io::Write; 3]) -> [io::Result<()>; 3],
) {
    let mut write = Some(write);
    let [first, second, third] = paths;
    let (mut first_result, mut second_result) = (Ok(()), Ok(()));
    sink.put_streamed(first, &mut |a| {
        sink.put_streamed(second.clone(), &mut |b| {
            sink.put_streamed(third.clone(), &mut |c| {
                let Some(write) = write.take() else {
                    return Ok(());
                };
                let [ra, rb, rc] = write([a, b, c]);
                first_result = ra;
                second_result = rb;
                rc
            });
            std::mem::replace(&mut second_result, Ok(()))
        });
        std::mem::replace(&mut first_result, Ok(()))
    });
    if let Some(write) = write.take() {
        let (mut a, mut b, mut c) = (io::sink(), io::sink(), io::sink());
        let _ = write([&mut a, &mut b, &mut c]);
    }
}

/// The all-tables files being written, each with how its writing went:
/// after an error, nothing more is written to it.
struct AllTablesFiles<'w> {
    files: [&'w mut dyn io::Write; 3],
    results: [io::Result<()>; 3],
}

impl<'w> AllTablesFiles<'w> {
    const CSV: usize = 0;
    const EXCEL: usize = 1;
    const JSON: usize = 2;

    fn new(files: [&'w mut dyn io::Write; 3]) -> Self {
        AllTablesFiles {
            files,
            results: [Ok(()), Ok(()), Ok(())],
        }
    }

    fn write(&mut self, file: usize, bytes: &[u8]) {
        if self.results[file].is_ok() {
            self.results[file] = self.files[file].write_all(bytes);
        }
    }

    fn results(self) -> [io::Result<()>; 3] {
        self.results
    }
}

/// A table's part of the all-tables files: its lines in each dialect (the
/// standard one first), and its object.
#[derive(Default)]
struct Part {
    csv: [String; 2],
    json: Vec<u8>,
}

/// One table's CSV (in both dialects) and JSON into `sink` (for `serve`,
/// after an edit that changed only some tables).
pub fn table_files(config: &Config, site: &Site, table: TableId, sink: &dyn super::Sink) {
    let schemes = Schemes::of(site);
    let license = License::of(config);
    one_table(site, &schemes, &license, &site.tables[table], None, sink);
}

/// One table's CSV (in both dialects) and JSON into `sink`; with the
/// all-tables columns (`all`), its part of the all-tables files too.
fn one_table(
    site: &Site,
    schemes: &Schemes,
    license: &License,
    table: &Table,
    all: Option<&[Header]>,
    sink: &dyn super::Sink,
) -> Part {
    let def = &site.indices[table.index];
    let group = &site.groups[table.group];
    let mut part = Part::default();
    let headers = headers(site, schemes, table);
    let json = serde_json::to_vec_pretty(&json(site, table, license)).unwrap_or_default();
    for (k, dialect) in [Dialect::Standard, Dialect::Excel].into_iter().enumerate() {
        let mut own = header_line(&headers, dialect);
        match all {
            Some(all) => lines_with_all(
                site,
                table,
                &headers,
                all,
                dialect,
                &mut own,
                &mut part.csv[k],
            ),
            None => lines(site, table, &headers, dialect, &mut own),
        }
        let path = urls::data_file_name(table.year, &group.id, &def.id, dialect_ext(dialect));
        sink.put(path, own.into_bytes());
    }
    if all.is_some() {
        json::all_tables_entry(&json, &mut part.json);
    }
    sink.put(
        urls::data_file_path(table.year, &group.id, &def.id, "json"),
        json,
    );
    part
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
    /// Whether `other` is the same column (for the same scheme or
    /// component).
    fn is(&self, other: &Header) -> bool {
        let member = match (&self.member, &other.member) {
            (Member::One, Member::One) => true,
            (Member::Scheme(a), Member::Scheme(b)) => std::ptr::eq(*a, *b),
            (Member::Component(i, c), Member::Component(j, d)) => i == j && c == d,
            _ => false,
        };
        member && std::ptr::eq(self.column, other.column)
    }

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
#[cfg(test)]
pub fn csv(site: &Site, schemes: &Schemes, table: &Table, dialect: Dialect) -> String {
    let headers = headers(site, schemes, table);
    let mut out = header_line(&headers, dialect);
    lines(site, table, &headers, dialect, &mut out);
    out
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

/// A table's lines under its own columns (`own`) into `own_out`, and with
/// every table's columns (`all`) into `all_out`: a table's columns are the
/// all-tables columns it has, in the same order, and each of its cells is
/// formatted once for both; the other columns are empty on its lines.
fn lines_with_all(
    site: &Site,
    table: &Table,
    own: &[Header],
    all: &[Header],
    dialect: Dialect,
    own_out: &mut String,
    all_out: &mut String,
) {
    let columns = own_columns(own, all);
    let at = TableAt::new(site, table);
    for row in &table.rows {
        let r = at.row(row);
        let mut line = csv::CsvLine::with(own_out, dialect);
        let mut all_line = csv::CsvLine::with(all_out, dialect);
        for column in &columns {
            match column {
                Some(k) => {
                    line.cell(&own[*k].cell(r));
                    all_line.written(line.last_cell());
                }
                None => all_line.cell(&Cell::Empty),
            }
        }
        line.end();
        all_line.end();
    }
}

/// For each all-tables column, which of the table's own columns it is, if
/// the table has it.
fn own_columns(own: &[Header], all: &[Header]) -> Vec<Option<usize>> {
    let mut next = 0;
    let columns = all
        .iter()
        .map(|h| {
            let is_next = own.get(next).is_some_and(|o| o.is(h));
            is_next.then(|| {
                next += 1;
                next - 1
            })
        })
        .collect();
    debug_assert_eq!(next, own.len(), "a table's columns are all-tables columns");
    columns
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
        assert_eq!(
            at("hang_vung_tinh_tu_bang_8-vung"),
            at("so_don_vi_vung_8-vung") + 1
        );
        assert_eq!(at("vung_6-vung"), at("hang_vung_tinh_tu_bang_8-vung") + 1);
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
        // No line states a regional rank: each is chiso's.
        assert_eq!(ha_tinh[at("hang_vung_tinh_tu_bang_8-vung")], "1");
        // A unit in no region has empty regional cells.
        let bac_ninh = lines.iter().find(|l| l.contains(",bac-ninh,")).unwrap();
        assert!(bac_ninh.contains("Dữ liệu không đủ tin cậy"), "{bac_ninh}");
    }

    /// The example site (every index, components, two region schemes) and
    /// the national fixture, loaded as a build loads them.
    fn sites() -> Vec<(Config, Site)> {
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        [
            here.to_path_buf(),
            here.join("tests/fixtures/national-small"),
        ]
        .iter()
        .map(|root| {
            let mut diagnostics = crate::diagnostic::Diagnostics::default();
            let config = Config::load(root).unwrap();
            let raw = crate::data::load(root, &mut diagnostics);
            let site = crate::model::assemble(raw, &mut diagnostics);
            assert!(!diagnostics.has_errors(), "{diagnostics}");
            (config, site)
        })
        .collect()
    }

    #[test]
    fn the_all_tables_files_hold_each_table_as_its_own_files_do() {
        for (config, site) in sites() {
            let sink = crate::render::Collect::default();
            files(&config, &site, &sink);
            let files: std::collections::HashMap<String, Vec<u8>> = sink
                .copies()
                .into_iter()
                .map(|f| (f.path, f.bytes))
                .collect();
            let schemes = Schemes::of(&site);
            let all = headers_of(&site, &schemes, Extent::All);
            assert!(all.len() > headers(&site, &schemes, &site.tables.as_slice()[0]).len());
            // Each line formatted on its own under every table's columns.
            for dialect in [Dialect::Standard, Dialect::Excel] {
                let mut expected = header_line(&all, dialect);
                for table in site.tables.iter() {
                    lines(&site, table, &all, dialect, &mut expected);
                }
                let path = urls::all_tables_path(dialect_ext(dialect));
                assert_eq!(std::str::from_utf8(&files[&path]).unwrap(), expected);
            }
            let license = License::of(&config);
            let expected = serde_json::to_string(&json::all_tables(&site, &license)).unwrap();
            let written = std::str::from_utf8(&files[&urls::all_tables_path(".json")]).unwrap();
            assert_eq!(written, expected);
            // And each table's own files as before.
            let table = &site.tables.as_slice()[0];
            let group = &site.groups[table.group].id;
            let index = &site.indices[table.index].id;
            let own = urls::data_file_path(table.year, group, index, "csv");
            let expected = csv(&site, &schemes, table, Dialect::Standard);
            assert_eq!(std::str::from_utf8(&files[&own]).unwrap(), expected);
        }
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
