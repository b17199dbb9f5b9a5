//! What a publication printed and a fixture site holds reaches the
//! downloads too, not only the pages: the CSV and JSON of each
//! published-figures fixture (`tests/fixtures/published/`) carry a stated
//! band, a published change, a threshold in place of a score, the percent
//! beside points, component ranks and levels, and alternative ranks.

use serde_json::Value;

use crate::common::*;

/// The lines of a CSV download, each as (column name, cell) pairs.
fn csv_rows(built: &Built, path: &str) -> Vec<Vec<(String, String)>> {
    let text = std::fs::read_to_string(built.out.join(path)).unwrap();
    let mut rows = parse_csv(text.trim_start_matches('\u{feff}')).into_iter();
    let header = rows.next().unwrap();
    rows.map(|row| header.iter().cloned().zip(row).collect())
        .collect()
}

fn cell<'a>(rows: &'a [Vec<(String, String)>], unit: &str, column: &str) -> &'a str {
    let row = rows
        .iter()
        .find(|r| r.iter().any(|(k, v)| k == "ma_don_vi" && v == unit))
        .unwrap_or_else(|| panic!("no line of {unit}"));
    row.iter()
        .find(|(k, _)| k == column)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no column {column}"))
}

fn json_row(built: &Built, path: &str, unit: &str) -> Value {
    let text = std::fs::read_to_string(built.out.join(path)).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == unit)
        .unwrap_or_else(|| panic!("no row of {unit}"))
        .clone()
}

fn built(name: &str) -> Built {
    let site = fixture(&format!("published/{name}"));
    build_ok(site.path())
}

#[test]
fn a_stated_band_is_marked_as_stated() {
    let site = built("bands");
    let rows = csv_rows(&site, "du-lieu/2023/khoi/papi.csv");
    assert_eq!(cell(&rows, "don-vi-a", "ma_xep_loai"), "cao-nhat");
    assert_eq!(cell(&rows, "don-vi-a", "xep_loai_cong_bo"), "1");
    let row = json_row(&site, "du-lieu/2023/khoi/papi.json", "don-vi-a");
    assert_eq!(row["band_id"], "cao-nhat");
    assert_eq!(row["band_stated"], true);
}

#[test]
fn a_published_change_is_carried_beside_the_derived_one() {
    let site = built("stated-changes");
    let rows = csv_rows(&site, "du-lieu/2023/khoi/chi-so.csv");
    assert_eq!(cell(&rows, "don-vi-a", "thay_doi_hang_cong_bo"), "2");
    assert_eq!(cell(&rows, "don-vi-a", "thay_doi_diem_cong_bo"), "10");
    assert_eq!(cell(&rows, "don-vi-a", "thay_doi_hang"), "2");
    // Where nothing can be derived, the published change alone.
    let row = json_row(&site, "du-lieu/2023/khac/chi-so.json", "don-vi-e");
    assert_eq!(row["change"]["published"]["places"], 3);
    assert_eq!(row["change"]["published"]["points"], -2.13);
}

#[test]
fn a_threshold_line_downloads_its_threshold_not_a_score() {
    let site = built("lines-partial");
    let rows = csv_rows(&site, "du-lieu/2023/tinh/par-index.csv");
    assert_eq!(cell(&rows, "thanh-hoa", "diem"), "");
    assert_eq!(cell(&rows, "thanh-hoa", "dat_tu"), "90");
    let row = json_row(&site, "du-lieu/2023/tinh/par-index.json", "thanh-hoa");
    assert_eq!(row["at_least"], 90.0);
}

#[test]
fn points_published_with_their_percent_download_both() {
    let site = built("lines-points");
    let rows = csv_rows(&site, "du-lieu/2023/tinh/par-index.csv");
    assert_eq!(cell(&rows, "ha-tinh", "diem"), "90.0");
    assert_eq!(cell(&rows, "nghe-an", "diem_toi_da"), "95.0");
    assert!(!cell(&rows, "ha-tinh", "diem_dat").is_empty());
    // The publication's wrong percent is kept, with the editor's note.
    assert!(!cell(&rows, "thanh-hoa", "ghi_chu_khac_biet").is_empty());
}

#[test]
fn components_download_with_their_level_and_rank() {
    let site = built("levels");
    let row = json_row(&site, "du-lieu/2023/khoi/dti-thu.json", "don-vi-a");
    let components = row["components"].as_array().unwrap();
    let child = components
        .iter()
        .find(|c| c["id"] == "ha-tang-mang")
        .unwrap();
    assert_eq!(child["rank"], 5);
    assert_eq!(child["of"], 63);
    assert!(child["depth"].as_u64().unwrap() >= 1, "{child}");
    assert!(child["parent"].is_string(), "{child}");
}

#[test]
fn alternative_ranks_download_with_their_source() {
    let site = built("stated-alternatives");
    let rows = csv_rows(&site, "du-lieu/2023/khoi/chi-so.csv");
    assert_eq!(
        cell(&rows, "don-vi-d", "gia_tri_khac"),
        "thứ 3/4 (Báo Thử, 02/03/2024)"
    );
    let row = json_row(&site, "du-lieu/2023/khoi/chi-so.json", "don-vi-d");
    assert_eq!(row["alternatives"][0]["rank"], 3);
    assert!(row["alternatives"][0]["value"].is_null());
}

#[test]
fn alternative_values_use_the_file_s_decimal_separator() {
    let site = built("stated-alternatives");
    let read = |path: &str| std::fs::read_to_string(site.out.join(path)).unwrap();
    let plain = read("du-lieu/2023/khoi/chi-so.csv");
    assert!(
        plain.contains(",\"90.5, thứ 1/4 (Cổng thông tin Tỉnh Thử)\","),
        "{plain}"
    );
    let excel = read("du-lieu/2023/khoi/chi-so-excel.csv");
    assert!(
        excel.contains(";\"90,5, thứ 1/4 (Cổng thông tin Tỉnh Thử)\";"),
        "{excel}"
    );
    assert!(!excel.contains("90.5"), "{excel}");
}

/// A strict threshold ("trên 90%") stays strict in the JSON, and the JSON
/// says which way the index is better.
#[test]
fn the_json_keeps_a_strict_top_band_and_the_indexs_direction() {
    let built = build_ok(&example_root());
    let text = std::fs::read_to_string(built.out.join("du-lieu/2023/so-ban-nganh/cchc-tinh.json"))
        .unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["top_band"]["min"], 90.0, "{}", json["top_band"]);
    assert_eq!(json["top_band"]["strict"], true, "{}", json["top_band"]);
    assert_eq!(json["index"]["higher_is_better"], true, "{}", json["index"]);
}

/// A change of places between two published ranks is published; the change
/// of points beside it, made from the earlier year's illustrative score, is
/// not: each is flagged on its own (adv23 M1: both read as published).
#[test]
fn a_change_of_points_from_an_illustrative_score_is_flagged_apart_from_its_places() {
    let site = example_copy();
    let built = build_ok(site.path());
    let path = "du-lieu/2023/so-ban-nganh/cchc-tinh.csv";
    let rows = csv_rows(&built, path);
    let unit = "so-khoa-hoc-va-cong-nghe";
    assert_eq!(cell(&rows, unit, "nam_truoc"), "2022");
    assert_eq!(cell(&rows, unit, "thay_doi_hang"), "0");
    assert_eq!(cell(&rows, unit, "thay_doi_hang_minh_hoa"), "0");
    assert_eq!(cell(&rows, unit, "thay_doi_diem"), "1.15");
    assert_eq!(cell(&rows, unit, "thay_doi_diem_minh_hoa"), "1");
    let row = json_row(&built, &path.replace(".csv", ".json"), unit);
    assert_eq!(row["change"]["rank_illustrative"], false);
    assert_eq!(row["change"]["value_illustrative"], true);
}
