//! The open data and its codebook, on the Hà Tĩnh example, the national
//! example (`examples/national`: 63 provinces, two region schemes, PAPI
//! components, provinces not ranked, other published values) and
//! `tests/fixtures/national-small`: the CSV and JSON carry regional ranks of
//! every scheme, bands, components, notes and alternatives; every CSV column
//! is described in `datapackage.json` and on `/du-lieu/`; CSV and JSON agree
//! field by field, and with the figures the pages print.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::sync::OnceLock;

use crate::common::*;
use scraper::Html;
use serde_json::Value;

fn example() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root()))
}

fn national() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root().join("examples/national")))
}

fn national_small() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root().join("tests/fixtures/national-small")))
}

fn sites() -> [(&'static str, &'static Built); 3] {
    [
        ("example", example()),
        ("national", national()),
        ("national-small", national_small()),
    ]
}

/// A CSV file: its header and lines.
struct Csv {
    path: String,
    header: Vec<String>,
    lines: Vec<Vec<String>>,
}

impl Csv {
    fn read(site: &Built, path: &str) -> Csv {
        let file = site.out.join(path);
        let text = fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let body = text
            .strip_prefix('\u{feff}')
            .unwrap_or_else(|| panic!("{path} has no byte-order mark"));
        let mut rows = parse_csv(body);
        let header = rows.remove(0);
        for line in &rows {
            assert_eq!(line.len(), header.len(), "{path}: {line:?}");
        }
        Csv {
            path: path.to_owned(),
            header,
            lines: rows,
        }
    }

    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{}: no column {name} in {:?}", self.path, self.header))
    }

    /// The cell of `name` on the unit's line.
    fn get(&self, unit: &str, name: &str) -> &str {
        let id = self.col("ma_don_vi");
        let line = self
            .lines
            .iter()
            .find(|l| l[id] == unit)
            .unwrap_or_else(|| panic!("{}: no line for {unit}", self.path));
        &line[self.col(name)]
    }
}

fn read_json(site: &Built, path: &str) -> Value {
    let text = fs::read_to_string(site.out.join(path)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json_row<'a>(json: &'a Value, unit: &str) -> &'a Value {
    json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == unit)
        .unwrap_or_else(|| panic!("no row for {unit}"))
}

/// Every table's own standard CSV file of a built site, site-relative (not
/// the Excel variants, not the all-tables file).
fn csv_files(site: &Built) -> BTreeSet<String> {
    walkdir::WalkDir::new(site.out.join("du-lieu"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            !name.ends_with("-excel.csv") && !name.starts_with("tat-ca-cac-bang")
        })
        .map(|e| {
            e.path()
                .strip_prefix(&site.out)
                .unwrap()
                .display()
                .to_string()
        })
        .collect()
}

/// The region schemes the codebook page lists: name → CSV headers.
fn codebook_schemes(page: &Html) -> BTreeMap<String, Vec<String>> {
    page.select(&sel("h3#cot-theo-vung + p + ul > li"))
        .map(|li| {
            let name = text(li).split(':').next().unwrap().trim().to_owned();
            let codes = li.select(&sel("code")).map(text).collect();
            (name, codes)
        })
        .collect()
}

#[test]
fn ha_tinh_s_regional_ranks_of_both_schemes_are_columns_and_a_list() {
    let site = national();
    let csv = Csv::read(site, "du-lieu/2023/tinh-thanh/par-index.csv");
    let get = |name: &str| csv.get("ha-tinh", name).to_owned();
    assert_eq!(get("vung_8-vung"), "bac-trung-bo");
    assert_eq!(get("hang_vung_8-vung"), "3");
    assert_eq!(get("so_don_vi_vung_8-vung"), "6");
    assert_eq!(
        get("vung_6-vung-kinh-te-xa-hoi"),
        "bac-trung-bo-va-duyen-hai-mien-trung"
    );
    assert_eq!(get("hang_vung_6-vung-kinh-te-xa-hoi"), "4");
    assert_eq!(get("so_don_vi_vung_6-vung-kinh-te-xa-hoi"), "14");
    // One scheme after the other.
    let at = |name: &str| csv.col(name);
    assert_eq!(at("hang_vung_8-vung"), at("vung_8-vung") + 1);
    assert_eq!(at("so_don_vi_vung_8-vung"), at("vung_8-vung") + 2);
    assert_eq!(at("hang_vung_tinh_tu_bang_8-vung"), at("vung_8-vung") + 3);
    assert_eq!(at("vung_6-vung-kinh-te-xa-hoi"), at("vung_8-vung") + 4);
    // Hà Tĩnh's line states its rank in the 8 regions, not in the 6;
    // Nghệ An's are computed from the complete table (adv17 m5).
    assert_eq!(get("hang_vung_tinh_tu_bang_8-vung"), "0");
    assert_eq!(get("hang_vung_tinh_tu_bang_6-vung-kinh-te-xa-hoi"), "1");
    assert_eq!(csv.get("nghe-an", "hang_vung_tinh_tu_bang_8-vung"), "1");

    let json = read_json(site, "du-lieu/2023/tinh-thanh/par-index.json");
    let regional = json_row(&json, "ha-tinh")["regional"].as_array().unwrap();
    let ranks: Vec<(&str, &str, i64, i64)> = regional
        .iter()
        .map(|r| {
            (
                r["scheme"].as_str().unwrap(),
                r["region"].as_str().unwrap(),
                r["rank"].as_i64().unwrap(),
                r["of"].as_i64().unwrap(),
            )
        })
        .collect();
    // Stated in the 8 regions only.
    let computed: Vec<&serde_json::Value> = regional.iter().map(|r| &r["rank_computed"]).collect();
    assert_eq!(computed, [false, true]);
    assert_eq!(
        ranks,
        [
            ("8 vùng", "bac-trung-bo", 3, 6),
            (
                "6 vùng kinh tế - xã hội",
                "bac-trung-bo-va-duyen-hai-mien-trung",
                4,
                14
            )
        ]
    );
    assert_eq!(regional[0]["name"], "Bắc Trung Bộ");
    // The table's regions: every region of both schemes, ranked and averaged.
    let regions = json["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 8 + 6);
    let north_central = regions.iter().find(|r| r["id"] == "bac-trung-bo").unwrap();
    assert_eq!(north_central["ranked"], 6);
    assert_eq!(north_central["scheme"], "8 vùng");
    assert!(north_central["average"].is_f64());

    // The Hà Tĩnh site's partial table: the published 3rd of 6.
    let csv = Csv::read(example(), "du-lieu/2023/tinh-thanh/par-index.csv");
    assert_eq!(
        csv.get("ha-tinh", "hang_vung_vung-bac-trung-bo-6-tinh"),
        "3"
    );
    assert_eq!(
        csv.get("ha-tinh", "so_don_vi_vung_vung-bac-trung-bo-6-tinh"),
        "6"
    );
    assert_eq!(
        csv.get("ha-tinh", "hang_vung_tinh_tu_bang_vung-bac-trung-bo-6-tinh"),
        "0"
    );
}

#[test]
fn regional_ranks_in_the_csv_are_those_every_ranking_page_prints() {
    let mut checked = 0;
    for (name, site) in sites() {
        let schemes = codebook_schemes(&site.page("du-lieu/"));
        for (path, page) in site.all_pages() {
            if !path.starts_with("xep-hang/") {
                continue;
            }
            for section in page.select(&sel("section.ranking-section")) {
                let href = section
                    .select(&sel("p.downloads a[href$=\".csv\"]"))
                    .next()
                    .and_then(|a| a.value().attr("href"))
                    .unwrap();
                let csv = Csv::read(site, href.trim_start_matches('/'));
                for (tr, line) in section
                    .select(&sel("table.ranking tbody tr"))
                    .zip(&csv.lines)
                {
                    for span in tr.select(&sel("span.regional")) {
                        let scheme = span.value().attr("title").unwrap();
                        let shown = text(span);
                        let columns = &schemes[scheme];
                        let rank = &line[csv.col(&columns[1])];
                        let of = &line[csv.col(&columns[2])];
                        let figure = if of.is_empty() {
                            format!("{rank} ")
                        } else {
                            format!("{rank}/{of} ")
                        };
                        assert!(
                            shown.starts_with(&figure),
                            "{name} {href}: {shown} vs {figure}"
                        );
                        checked += 1;
                    }
                    // A table where no line has a band shows no band column.
                    let band = tr
                        .select(&sel("td.band"))
                        .next()
                        .map(text)
                        .unwrap_or_default();
                    // A band stated on the line is marked so on the page,
                    // one derived from illustrative scores as they are.
                    let band = band
                        .trim_end_matches(" (công bố)")
                        .trim_end_matches('*')
                        .to_owned();
                    let csv_band = &line[csv.col("xep_loai")];
                    if csv_band.is_empty() {
                        assert!(band.is_empty() || band == "—", "{name} {href}: {band}");
                    } else {
                        assert_eq!(&band, csv_band, "{name} {href}");
                    }
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} regional ranks checked");
}

#[test]
fn bands_notes_alternatives_and_units_not_ranked_are_carried() {
    let site = national();
    let csv = Csv::read(site, "du-lieu/2023/tinh-thanh/par-index.csv");
    assert_eq!(csv.get("ha-tinh", "ma_xep_loai"), "b");
    assert_eq!(csv.get("ha-tinh", "xep_loai"), "Nhóm B");
    assert_eq!(csv.get("ha-tinh", "diem"), "88.35");
    assert!(
        csv.get("ha-tinh", "ghi_chu")
            .starts_with("Thứ 3 Bắc Trung Bộ, sau Nghệ An và Thừa Thiên Huế."),
        "{}",
        csv.get("ha-tinh", "ghi_chu")
    );
    assert_eq!(
        csv.get("ha-tinh", "gia_tri_khac"),
        "88.3 (Một số báo in 88,3 (làm tròn))"
    );
    let json = read_json(site, "du-lieu/2023/tinh-thanh/par-index.json");
    let row = json_row(&json, "ha-tinh");
    assert_eq!(row["band_id"], "b");
    assert_eq!(row["band"], "Nhóm B");
    assert_eq!(
        row["alternatives"],
        serde_json::json!([{ "value": 88.3, "rank": null, "of": null, "source": "Một số báo in 88,3 (làm tròn)" }])
    );
    assert_eq!(row["change"]["rank_delta"], 10);
    assert!(json["source"]["title"].is_string());

    let papi = Csv::read(site, "du-lieu/2022/tinh-thanh/papi.csv");
    assert_eq!(
        papi.get("bac-ninh", "khong_xep_hang"),
        "Dữ liệu khảo sát không đủ độ tin cậy"
    );
    assert_eq!(papi.get("bac-ninh", "hang"), "");
    // Not ranked: out of nothing.
    assert_eq!(papi.get("bac-ninh", "so_don_vi"), "");
    assert_eq!(papi.get("ha-tinh", "diem"), "44.3138");
    assert_eq!(papi.get("ha-tinh", "hang"), "8");
    let json = read_json(site, "du-lieu/2022/tinh-thanh/papi.json");
    assert!(json_row(&json, "bac-ninh")["rank"].is_null());
    assert!(json["note"].as_str().unwrap().starts_with("Năm 2022, PAPI"));
}

#[test]
fn components_are_a_column_each_and_a_list_with_names() {
    let site = national_small();
    let csv = Csv::read(site, "du-lieu/2023/tinh-thanh/papi.csv");
    assert_eq!(csv.get("ha-tinh", "linh_vuc_tham-gia"), "7.10");
    assert_eq!(csv.get("ha-tinh", "linh_vuc_cong-khai"), "7.40");
    assert_eq!(csv.get("ha-tinh", "diem"), "14.50");
    let json = read_json(site, "du-lieu/2023/tinh-thanh/papi.json");
    assert_eq!(
        json_row(&json, "ha-tinh")["components"],
        serde_json::json!([
            { "id": "tham-gia", "name": "Tham gia của người dân ở cấp cơ sở", "parent": null, "depth": 0, "max": 10.0, "score": 7.1, "rank": null, "of": null, "rank_computed": false },
            { "id": "cong-khai", "name": "Công khai, minh bạch", "parent": null, "depth": 0, "max": 10.0, "score": 7.4, "rank": null, "of": null, "rank_computed": false },
        ])
    );

    // The published points and components of Sở Khoa học và Công nghệ.
    let csv = Csv::read(example(), "du-lieu/2023/so-ban-nganh/cchc-tinh.csv");
    let unit = "so-khoa-hoc-va-cong-nghe";
    assert_eq!(csv.get(unit, "diem_dat"), "93.364");
    assert_eq!(csv.get(unit, "diem_toi_da"), "98");
    assert_eq!(csv.get(unit, "diem"), "95.27");
    assert_eq!(csv.get(unit, "linh_vuc_thu-tuc-hanh-chinh"), "13.969");
    assert_eq!(csv.get(unit, "linh_vuc_the-che"), "");
    assert_eq!(csv.get(unit, "hang"), "1");
    assert_eq!(csv.get(unit, "minh_hoa"), "0");
}

#[test]
fn every_csv_column_is_described_in_the_data_package_and_on_the_codebook_page() {
    let types: BTreeSet<&str> = ["integer", "number", "string", "boolean", "date"].into();
    let name_pattern = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-._/".contains(c))
    };
    for (site_name, site) in sites() {
        let package = read_json(site, "du-lieu/datapackage.json");
        assert_eq!(package["profile"], "tabular-data-package", "{site_name}");
        assert!(
            name_pattern(package["name"].as_str().unwrap()),
            "{site_name}"
        );
        assert!(package["title"].is_string());
        let resources = package["resources"].as_array().unwrap();
        let page = site.page("du-lieu/");
        let documented: BTreeSet<String> = page.select(&sel("main code")).map(text).collect();
        let page_link = page
            .select(&sel("a[href$=\"datapackage.json\"]"))
            .next()
            .and_then(|a| a.value().attr("href"))
            .unwrap();
        assert!(
            page_link.ends_with("/du-lieu/datapackage.json"),
            "{page_link}"
        );

        let mut paths = BTreeSet::new();
        let mut names = BTreeSet::new();
        let mut schemas = BTreeSet::new();
        for resource in resources {
            let name = resource["name"].as_str().unwrap();
            assert!(name_pattern(name), "{site_name}: {name}");
            assert!(names.insert(name.to_owned()), "{site_name}: {name} twice");
            assert_eq!(resource["profile"], "tabular-data-resource");
            assert_eq!(resource["format"], "csv");
            assert_eq!(resource["mediatype"], "text/csv");
            assert_eq!(resource["dialect"]["delimiter"], ",");
            let path = resource["path"].as_str().unwrap();
            assert!(!path.starts_with('/') && !path.contains(".."), "{path}");
            let file = format!("du-lieu/{path}");
            paths.insert(file.clone());
            let csv = Csv::read(site, &file);
            // Schemas are shared files beside the package.
            let schema_path = resource["schema"].as_str().unwrap();
            assert!(
                !schema_path.starts_with('/') && !schema_path.contains(".."),
                "{schema_path}"
            );
            let schema = read_json(site, &format!("du-lieu/{schema_path}"));
            schemas.insert(schema_path.to_owned());
            let fields = schema["fields"].as_array().unwrap();
            let field_names: Vec<&str> =
                fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
            assert_eq!(field_names, csv.header, "{site_name}: {file}");
            for field in fields {
                let name = field["name"].as_str().unwrap();
                assert!(types.contains(field["type"].as_str().unwrap()), "{name}");
                assert!(!field["title"].as_str().unwrap().is_empty(), "{name}");
                assert!(field["description"].as_str().unwrap().len() > 10, "{name}");
                assert!(
                    documented.contains(name),
                    "{site_name}: {name} ({file}) is not on /du-lieu/"
                );
                // The values fit the declared type.
                let col = csv.col(name);
                for line in &csv.lines {
                    let cell = &line[col];
                    if cell.is_empty() {
                        continue;
                    }
                    let fits = match field["type"].as_str().unwrap() {
                        "integer" => cell.parse::<i64>().is_ok(),
                        "number" => cell.parse::<f64>().is_ok(),
                        "boolean" => cell == "1" || cell == "0",
                        "date" => cell.len() == 10 && cell.as_bytes()[4] == b'-',
                        _ => true,
                    };
                    assert!(fits, "{site_name}: {file} {name} = {cell:?}");
                }
            }
            let cols: Vec<usize> = schema["primaryKey"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| csv.col(k.as_str().unwrap()))
                .collect();
            let keys: BTreeSet<Vec<&str>> = csv
                .lines
                .iter()
                .map(|l| cols.iter().map(|&c| l[c].as_str()).collect())
                .collect();
            assert_eq!(keys.len(), csv.lines.len(), "{file}: the key is unique");
        }
        let mut files = csv_files(site);
        files.insert("du-lieu/tat-ca-cac-bang.csv".to_owned());
        assert_eq!(
            paths, files,
            "{site_name}: one resource per CSV, and all tables"
        );
        // One schema per index and set of region schemes, not per table.
        assert!(schemas.len() < resources.len(), "{site_name}: {schemas:?}");
    }
}

/// A JSON value at a dotted path.
fn at<'a>(value: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(value, |v, key| &v[key])
}

#[test]
fn csv_and_json_carry_the_same_values_field_by_field() {
    let mut checked = 0;
    for (site_name, site) in sites() {
        // The codebook's table pairs each CSV column with its JSON field.
        let page = site.page("du-lieu/");
        let pairs: Vec<(String, String)> = page
            .select(&sel("table.codebook tbody tr"))
            .filter_map(|tr| {
                let csv = tr.select(&sel("th code")).next().map(text)?;
                let json = tr.select(&sel("td code")).next().map(text)?;
                (!csv.contains('<')).then_some((csv, json))
            })
            .collect();
        assert!(pairs.len() > 20, "{site_name}: {pairs:?}");
        for file in csv_files(site) {
            let csv = Csv::read(site, &file);
            let json = read_json(site, &file.replace(".csv", ".json"));
            let rows = json["rows"].as_array().unwrap();
            assert_eq!(rows.len(), csv.lines.len(), "{file}");
            for (line, row) in csv.lines.iter().zip(rows) {
                for (column, path) in &pairs {
                    let cell = &line[csv.col(column)];
                    let value = match path.strip_prefix("rows[].") {
                        Some(path) => at(row, path),
                        None => at(&json, path),
                    };
                    let same = match value {
                        Value::Null => cell.is_empty(),
                        Value::Bool(b) => cell == if *b { "1" } else { "0" },
                        Value::Number(n) => cell.parse::<f64>().ok() == n.as_f64(),
                        Value::String(s) => cell == s,
                        _ => false,
                    };
                    assert!(
                        same,
                        "{site_name} {file}: {column} {cell:?} vs {path} {value}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 2000, "only {checked} cells");
}

#[test]
fn the_data_licence_is_on_the_page_and_in_the_package() {
    let site = national_small();
    let package = read_json(site, "du-lieu/datapackage.json");
    assert_eq!(
        package["licenses"],
        serde_json::json!([{
            "name": "CC-BY-4.0",
            "title": "Creative Commons Ghi công 4.0 Quốc tế",
            "path": "https://creativecommons.org/licenses/by/4.0/deed.vi",
        }])
    );
    let page = site.page("du-lieu/");
    let line = text(page.select(&sel("p.license")).next().unwrap());
    assert!(
        line.starts_with(
            "Giấy phép sử dụng dữ liệu: Creative Commons Ghi công 4.0 Quốc tế (CC-BY-4.0). Tập hợp dữ liệu này được cấp phép theo Creative Commons Ghi công 4.0 Quốc tế; khi dùng lại, ghi nguồn:"
        ),
        "{line}"
    );
}

#[test]
fn without_a_licence_in_config_the_compilation_is_cc_by_everywhere() {
    let site = example();
    let page = site.page("du-lieu/");
    let line = text(page.select(&sel("p.license")).next().unwrap());
    assert!(
        line.starts_with("Giấy phép sử dụng dữ liệu: Creative Commons Ghi công 4.0 Quốc tế (CC-BY-4.0). Tập hợp dữ liệu này (cách chọn, sắp xếp và tính toán các bảng) được cấp phép theo"),
        "{line}"
    );
    // It credits the site and leaves the figures to their official sources.
    assert!(
        line.contains("ghi nguồn: “Chỉ số cải cách hành chính Hà Tĩnh”"),
        "{line}"
    );
    assert!(
        line.contains("Các số liệu gốc là của các cơ quan đã công bố chúng"),
        "{line}"
    );
    let link = page
        .select(&sel("p.license a[rel=license]"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .unwrap();
    assert_eq!(link, "https://creativecommons.org/licenses/by/4.0/deed.vi");
    let package = read_json(site, "du-lieu/datapackage.json");
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    assert!(package["license_statement"]
        .as_str()
        .unwrap()
        .contains("CC BY 4.0"));
    // Every JSON download says it at its top.
    let mut files = csv_files(site)
        .into_iter()
        .map(|f| f.replace(".csv", ".json"))
        .collect::<Vec<_>>();
    files.push("du-lieu/tat-ca-cac-bang.json".to_owned());
    assert!(files.len() > 10);
    for file in files {
        let json = read_json(site, &file);
        assert_eq!(json["license"]["name"], "CC-BY-4.0", "{file}");
        assert_eq!(
            json["license"]["path"], "https://creativecommons.org/licenses/by/4.0/deed.vi",
            "{file}"
        );
        assert!(
            json["license"]["statement"]
                .as_str()
                .unwrap()
                .contains("Chỉ số cải cách hành chính Hà Tĩnh"),
            "{file}"
        );
    }
}

#[test]
fn a_data_licence_link_with_a_refused_scheme_is_an_error_at_its_line() {
    let site = fixture("national-small");
    let config = fs::read_to_string(site.path().join("config.toml")).unwrap();
    let config = config.replace(
        "https://creativecommons.org/licenses/by/4.0/deed.vi",
        "javascript:alert(1)",
    );
    put(site.path(), "config.toml", &config);
    let report = build_err(site.path());
    assert!(
        report.contains("error: a `javascript:` URL is not allowed: `javascript:alert(1)`"),
        "{report}"
    );
    let line = config
        .lines()
        .position(|l| l.contains("javascript:"))
        .unwrap()
        + 1;
    assert!(
        report.contains(&format!("--> config.toml:{line}:8")),
        "{report}"
    );
}

#[test]
fn component_scores_in_the_downloads_are_those_the_unit_pages_print() {
    let mut checked = 0;
    for (site_name, site) in sites() {
        for file in csv_files(site) {
            let json = read_json(site, &file.replace(".csv", ".json"));
            let short_name = json["index"]["short_name"].as_str().unwrap();
            let year = &json["year"];
            for row in json["rows"].as_array().unwrap() {
                let components = row["components"].as_array().unwrap();
                if components.is_empty() {
                    continue;
                }
                let unit = row["unit"].as_str().unwrap();
                let page = site.page(&format!("don-vi/{unit}/"));
                let caption = format!("Điểm thành phần {short_name} năm {year}");
                let table = page
                    .select(&sel("table.components"))
                    .find(|t| t.select(&sel("caption")).next().map(text) == Some(caption.clone()))
                    .unwrap_or_else(|| panic!("{site_name} {unit}: no table {caption}"));
                let shown: BTreeMap<String, String> = table
                    .select(&sel("tbody tr"))
                    .map(|tr| {
                        let name = text(tr.select(&sel("th")).next().unwrap());
                        let value = text(tr.select(&sel("td")).next().unwrap());
                        (name, value)
                    })
                    .collect();
                for c in components {
                    let name = c["name"].as_str().unwrap();
                    let score = c["score"].as_f64().unwrap();
                    let printed = shown[name]
                        .trim_end_matches('*')
                        .replace('.', "")
                        .replace(',', ".");
                    assert_eq!(
                        printed.parse::<f64>().ok(),
                        Some(score),
                        "{site_name} {file} {unit} {name}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 10, "only {checked} component scores checked");
}
