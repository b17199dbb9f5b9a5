//! Open data: every results table as CSV and JSON under
//! `/du-lieu/<year>/<group>/<index>.{csv,json}`, with the figures the table
//! on the site shows. CSV is UTF-8 with a byte-order mark (so Excel shows the
//! diacritics), comma-separated, with machine numbers (decimal point, no
//! thousands separator) rounded to the published decimals.

use rayon::prelude::*;
use serde_json::{json, Map, Value};

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
    site.tables.par_iter().for_each(|table| {
        let def = &site.indices[table.index];
        let group = &site.groups[table.group];
        let path = |ext| urls::data_file_path(table.year, &group.id, &def.id, ext);
        let json = serde_json::to_string_pretty(&json(site, table)).unwrap_or_default();
        sink.put(path("csv"), csv(site, table).into_bytes());
        sink.put(path("json"), json.into_bytes());
    });
}

/// A number rounded to `decimals`, as a machine value ("95.27").
fn machine(value: f64, decimals: u32) -> String {
    format!("{:.*}", decimals as usize, value)
}

fn rounded(value: f64, decimals: u32) -> Value {
    machine(value, decimals)
        .parse::<f64>()
        .ok()
        .and_then(|v| serde_json::Number::from_f64(v).map(Value::Number))
        .unwrap_or(Value::Null)
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
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
    let opt = |v: Option<String>| v.unwrap_or_default();
    for row in &table.rows {
        let unit = &site.units[row.unit];
        let change = row.change;
        let mut cells = vec![
            table.year.to_string(),
            def.id.clone(),
            group.id.clone(),
            opt(row.rank.map(|r| r.to_string())),
            opt(row.of.or(table.ranked).map(|r| r.to_string())),
            unit.id.clone(),
            field(&unit.name),
            opt(row.value.map(|v| machine(v, row.decimals))),
            opt(row.points.map(|v| v.to_string())),
            opt(row.max_points.map(|v| v.to_string())),
            field(&opt(row.band.map(|b| def.bands[b].name.clone()))),
            opt(change.map(|c| c.previous_year.to_string())),
            opt(change.and_then(|c| c.previous_rank).map(|r| r.to_string())),
            opt(change.and_then(|c| c.rank_delta).map(|r| r.to_string())),
            opt(change
                .and_then(|c| c.value_delta)
                .map(|v| machine(v, row.decimals))),
            if row.illustrative { "1" } else { "0" }.to_owned(),
            field(row.not_ranked.as_deref().unwrap_or_default()),
        ];
        for c in 0..def.components.len() {
            cells.push(opt(row
                .components
                .iter()
                .find(|(i, _)| *i == c)
                .map(|(_, v)| v.to_string())));
        }
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The table as JSON: the index, group and source, the derived figures and
/// every row.
pub fn json(site: &Site, table: &Table) -> Value {
    let def = &site.indices[table.index];
    let group = &site.groups[table.group];
    let rows: Vec<Value> = table
        .rows
        .iter()
        .map(|row| {
            let unit = &site.units[row.unit];
            let components: Map<String, Value> = row
                .components
                .iter()
                .map(|&(c, v)| (def.components[c].id.clone(), json!(v)))
                .collect();
            json!({
                "rank": row.rank,
                "of": row.of.or(table.ranked),
                "unit": unit.id,
                "unit_name": unit.name,
                "value": row.value.map(|v| rounded(v, row.decimals)),
                "points": row.points,
                "max_points": row.max_points,
                "band": row.band.map(|b| def.bands[b].name.clone()),
                "change": row.change.map(|c| json!({
                    "previous_year": c.previous_year,
                    "previous_rank": c.previous_rank,
                    "rank_delta": c.rank_delta,
                    "value_delta": c.value_delta.map(|v| rounded(v, row.decimals)),
                })),
                "components": components,
                "illustrative": row.illustrative,
                "not_ranked": row.not_ranked,
            })
        })
        .collect();
    json!({
        "index": {
            "id": def.id,
            "name": def.name,
            "short_name": def.short_name.as_deref().unwrap_or(&def.name),
            "unit_label": def.unit_label,
            "decimals": def.decimals,
            "scale": { "min": def.scale.min, "max": def.scale.max },
        },
        "year": table.year,
        "group": { "id": group.id, "name": group.name },
        "complete": table.complete,
        "illustrative": table.has_illustrative(),
        "announced": table.announced.map(|d| d.to_string()),
        "source": table.source.as_ref().map(|s| json!({
            "title": s.title,
            "issuer": s.issuer,
            "date": s.date.map(|d| d.to_string()),
            "url": s.url,
        })),
        "ranked": table.ranked,
        "average": table.average.map(|v| rounded(v, def.decimals)),
        "top_band": table.top_band.map(|(b, count)| json!({
            "name": def.bands[b].name,
            "min": def.bands[b].min,
            "count": count,
        })),
        "rows": rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("Sở Ngoại vụ"), "Sở Ngoại vụ");
        assert_eq!(field("Sở A, B"), "\"Sở A, B\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn numbers_are_machine_values_at_published_precision() {
        assert_eq!(machine(95.2693877, 2), "95.27");
        assert_eq!(machine(44.3138, 4), "44.3138");
        assert_eq!(rounded(88.349999, 2), json!(88.35));
    }
}
