//! Open data: every results table as CSV and JSON under
//! `/du-lieu/<year>/<group>/<index>.{csv,json}`, with the figures the table
//! on the site shows. CSV is UTF-8 with a byte-order mark (so Excel shows the
//! diacritics), comma-separated, with machine numbers (decimal point, no
//! thousands separator) rounded to the published decimals. A text cell that
//! a spreadsheet would take for a formula (it starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) is written quoted, after a `'`, so
//! Excel and LibreOffice show it as text (the OWASP rule for CSV
//! injection); numbers are written as numbers, negative ones included.

use std::fmt::Write;

use rayon::prelude::*;
use serde::Serialize;

use super::figure;
use super::urls;
use crate::model::{Site, Table};

/// The CSV header; components follow as `linh_vuc_<id>`.
const COLUMNS: &[&str] = &[
    "nam",
    "chi_so",
    "khoi",
    "hang",
    "so_don_vi",
    "ma_don_vi",
    "don_vi",
    "diem",
    "diem_dat",
    "diem_toi_da",
    "xep_loai",
    "nam_truoc",
    "hang_nam_truoc",
    "thay_doi_hang",
    "thay_doi_diem",
    "minh_hoa",
    "khong_xep_hang",
];

/// Every table's CSV and JSON, into `sink`.
pub fn files(site: &Site, sink: &dyn super::Sink) {
    // Tables are independent: make them in parallel.
    site.tables.as_slice().par_iter().for_each(|table| {
        let def = &site.indices[table.index];
        let group = &site.groups[table.group];
        let path = |ext| urls::data_file_path(table.year, &group.id, &def.id, ext);
        let json = serde_json::to_string_pretty(&json(site, table)).unwrap_or_default();
        sink.put(path("csv"), csv(site, table).into_bytes());
        sink.put(path("json"), json.into_bytes());
    });
}

/// One CSV line as it is written: cells separated by commas, quoted when
/// they need it (RFC 4180), the line ended with CRLF.
struct CsvLine<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> CsvLine<'a> {
    fn new(out: &'a mut String) -> Self {
        CsvLine { out, first: true }
    }

    fn next(&mut self) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out
    }

    /// An identifier (ids never hold a comma or a quote, and are slugs, so
    /// never start like a formula; should one, it is written as text).
    fn id(&mut self, text: &str) {
        if starts_like_a_formula(text) {
            return self.text(text);
        }
        self.next().push_str(text);
    }

    /// Text, quoted when it holds a comma, a quote or a line break, and
    /// when a spreadsheet would evaluate it (then after a `'`).
    fn text(&mut self, text: &str) {
        let out = self.next();
        let formula = starts_like_a_formula(text);
        if formula || text.contains([',', '"', '\n', '\r']) {
            out.push('"');
            if formula {
                out.push('\'');
            }
            out.push_str(&text.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(text);
        }
    }

    /// A value as `Display` writes it, or an empty cell.
    fn value(&mut self, value: Option<impl std::fmt::Display>) {
        let out = self.next();
        if let Some(value) = value {
            let _ = write!(out, "{value}");
        }
    }

    /// A number rounded to `decimals` as the page rounds it
    /// ([`figure::machine`]), or an empty cell.
    fn fixed(&mut self, value: Option<f64>, decimals: u32) {
        let out = self.next();
        if let Some(text) = value.and_then(|v| figure::machine(v, decimals)) {
            out.push_str(&text);
        }
    }

    fn end(self) {
        self.out.push_str("\r\n");
    }
}

/// Whether a spreadsheet would take a text cell for a formula (OWASP, CSV
/// injection): it starts with `=`, `+`, `-`, `@`, a tab or a carriage return.
fn starts_like_a_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The table as CSV, with a byte-order mark and CRLF line ends (RFC 4180).
pub fn csv(site: &Site, table: &Table) -> String {
    let def = &site.indices[table.index];
    let group = &site.groups[table.group];
    let mut header: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    header.extend(def.components.iter().map(|c| format!("linh_vuc_{}", c.id)));
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        let unit = &site.units[row.unit];
        let change = row.comparison.change().copied();
        let mut line = CsvLine::new(&mut out);
        line.value(Some(table.year));
        line.id(&def.id);
        line.id(&group.id);
        line.value(row.rank);
        line.value(row.of.or(table.ranked));
        line.id(&unit.id);
        line.text(&unit.name);
        line.fixed(row.value, row.decimals);
        line.value(row.points);
        line.value(row.max_points);
        line.text(
            row.band
                .as_ref()
                .map_or("", |b| table.bands[b.band].name.as_str()),
        );
        line.value(change.map(|c| c.previous_year));
        line.value(change.and_then(|c| c.previous_rank));
        line.value(change.and_then(|c| c.rank_delta));
        line.fixed(
            change.and_then(|c| c.value_delta),
            change.map_or(row.decimals, |c| c.decimals),
        );
        line.id(if row.illustrative { "1" } else { "0" });
        line.text(row.not_ranked.as_deref().unwrap_or_default());
        for (c, component) in def.components.iter().enumerate() {
            let value = row
                .components
                .iter()
                .find(|(i, _)| *i == c)
                .map(|(_, v)| *v);
            line.fixed(value, component.decimals);
        }
        line.end();
    }
    out
}

/// The table as JSON: the index, group and source, the derived figures and
/// every row. Fields are declared in alphabetical order, the order the
/// files have always had.
pub fn json<'a>(site: &'a Site, table: &'a Table) -> impl Serialize + 'a {
    let def = &site.indices[table.index];
    let group = &site.groups[table.group];
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let unit = &site.units[row.unit];
            JsonRow {
                band: row.band.as_ref().map(|b| table.bands[b.band].name.as_str()),
                change: row.comparison.change().map(|c| JsonChange {
                    previous_rank: c.previous_rank,
                    previous_year: c.previous_year,
                    rank_delta: c.rank_delta,
                    value_delta: c
                        .value_delta
                        .and_then(|v| figure::machine_value(v, c.decimals)),
                }),
                components: row
                    .components
                    .iter()
                    .filter_map(|&(c, v)| {
                        let component = &def.components[c];
                        Some((
                            component.id.as_str(),
                            figure::machine_value(v, component.decimals)?,
                        ))
                    })
                    .collect(),
                decimals: row.decimals,
                illustrative: row.illustrative,
                max_points: row.max_points,
                not_ranked: row.not_ranked.as_deref(),
                of: row.of.or(table.ranked),
                points: row.points,
                rank: row.rank,
                unit: &unit.id,
                unit_name: &unit.name,
                value: row
                    .value
                    .and_then(|v| figure::machine_value(v, row.decimals)),
            }
        })
        .collect();
    JsonTable {
        announced: table.announced.map(|d| d.to_string()),
        average: table
            .average
            .and_then(|v| figure::machine_value(v, table.decimals)),
        complete: table.complete,
        decimals: table.decimals,
        group: JsonGroup {
            id: &group.id,
            name: &group.name,
        },
        illustrative: table.has_illustrative(),
        index: JsonIndex {
            decimals: def.decimals,
            id: &def.id,
            name: &def.name,
            scale: JsonScale {
                max: def.scale.max,
                min: def.scale.min,
            },
            short_name: &def.short_name,
            unit_label: &def.unit_label,
        },
        ranked: table.ranked,
        rows,
        source: table.source.as_ref().map(|s| JsonSource {
            date: s.date.map(|d| d.to_string()),
            issuer: s.issuer.as_deref(),
            title: &s.title,
            url: s.url.as_deref(),
        }),
        top_band: table.top_band.map(|top| JsonTopBand {
            count: top.count,
            min: top.threshold,
            name: &table.bands[top.band].name,
        }),
        year: table.year,
    }
}

#[derive(Serialize)]
struct JsonTable<'a> {
    announced: Option<String>,
    average: Option<f64>,
    complete: bool,
    /// The table's published precision (its own, else the index's).
    decimals: u32,
    group: JsonGroup<'a>,
    illustrative: bool,
    index: JsonIndex<'a>,
    ranked: Option<u32>,
    rows: Vec<JsonRow<'a>>,
    source: Option<JsonSource<'a>>,
    top_band: Option<JsonTopBand<'a>>,
    year: i32,
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct JsonIndex<'a> {
    decimals: u32,
    id: &'a str,
    name: &'a str,
    scale: JsonScale,
    short_name: &'a str,
    unit_label: &'a str,
}

#[derive(Serialize)]
struct JsonScale {
    max: f64,
    min: f64,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    date: Option<String>,
    issuer: Option<&'a str>,
    title: &'a str,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonTopBand<'a> {
    count: usize,
    min: f64,
    name: &'a str,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    band: Option<&'a str>,
    change: Option<JsonChange>,
    /// By component id, in id order.
    components: std::collections::BTreeMap<&'a str, f64>,
    /// The precision `value` was published with.
    decimals: u32,
    illustrative: bool,
    max_points: Option<f64>,
    not_ranked: Option<&'a str>,
    of: Option<u32>,
    points: Option<f64>,
    rank: Option<u32>,
    unit: &'a str,
    unit_name: &'a str,
    value: Option<f64>,
}

#[derive(Serialize)]
struct JsonChange {
    previous_rank: Option<u32>,
    previous_year: i32,
    rank_delta: Option<i64>,
    value_delta: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        let mut line = CsvLine::new(&mut out);
        line.text("Sở Ngoại vụ");
        line.text("Sở A, B");
        line.text("say \"hi\"");
        line.value(None::<u32>);
        line.fixed(Some(95.2693877), 2);
        line.end();
        assert_eq!(out, "Sở Ngoại vụ,\"Sở A, B\",\"say \"\"hi\"\"\",,95.27\r\n");
    }

    #[test]
    fn text_a_spreadsheet_would_evaluate_is_written_as_text() {
        let mut out = String::new();
        let mut line = CsvLine::new(&mut out);
        line.text("=HYPERLINK(\"http://x\",\"y\")");
        line.text("+1");
        line.text("-2+3");
        line.text("@SUM(A1)");
        line.text("\tx");
        line.text("\rx");
        line.text("Sở = 1");
        line.id("-ma");
        line.value(Some(-3));
        line.fixed(Some(-1.5), 2);
        line.end();
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+1\",\"'-2+3\",\"'@SUM(A1)\",\
             \"'\tx\",\"'\rx\",Sở = 1,\"'-ma\",-3,-1.50\r\n"
        );
    }

    #[test]
    fn numbers_are_machine_values_rounded_as_the_page_rounds() {
        let mut out = String::new();
        let mut line = CsvLine::new(&mut out);
        line.fixed(Some(95.2693877), 2);
        line.fixed(Some(44.3138), 4);
        // `{:.2}` wrote 2.67 and -0.00 here, while the page shows 2,68 and 0,00.
        line.fixed(Some(2.675), 2);
        line.fixed(Some(-0.001), 2);
        line.fixed(Some(f64::NAN), 2);
        line.fixed(None, 2);
        line.end();
        assert_eq!(out, "95.27,44.3138,2.68,0.00,,\r\n");
        assert_eq!(figure::machine_value(88.349999, 2), Some(88.35));
    }
}
