//! Every published figure, faithfully (issue 15), on the fixture site
//! `tests/fixtures/published/precision/`: precision at the index, table,
//! result and component levels, trailing zeros kept; charts printing what
//! the tables print, with history axes inside the index's scale; no stray
//! space after a figure of an index without a unit label; averages named by
//! their group, a partial table's published average under its table with
//! its source; regional ranks on a unit's page; band thresholds printed by
//! one rule.

use std::fs;
use std::sync::OnceLock;

use crate::common::*;
use scraper::Html;
use serde_json::Value;

fn site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root().join("tests/fixtures/published/precision")))
}

fn read(path: &str) -> String {
    let file = site().out.join(path);
    fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()))
}

/// The CSV's lines as cells by column name (the fixture has no quoted
/// cells), the byte-order mark left out.
fn csv(path: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let text = read(path);
    let mut rows = parse_csv(text.trim_start_matches('\u{feff}')).into_iter();
    let header = rows.next().unwrap();
    rows.map(|row| header.iter().cloned().zip(row).collect())
        .collect()
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap()
}

/// (rank cell, unit, score cell) of each line of an index's ranking table.
fn ranking(page: &Html, index: &str) -> Vec<(String, String, String)> {
    let rows = sel(&format!("table.ranking[data-index=\"{index}\"] tbody tr"));
    page.select(&rows)
        .map(|tr| {
            let get = |css: &str| tr.select(&sel(css)).next().map(text).unwrap_or_default();
            (get("td.rank"), get("th.unit a"), get("td.value"))
        })
        .collect()
}

/// The text of every `<text class="axis">` of the SVG charts matching `css`.
fn axis_labels(page: &Html, css: &str) -> Vec<String> {
    page.select(&sel(css))
        .flat_map(|svg| svg.select(&sel("text.axis")).map(text).collect::<Vec<_>>())
        .collect()
}

fn vi_number(text: &str) -> f64 {
    text.replace('.', "").replace(',', ".").parse().unwrap()
}

#[test]
fn a_table_published_with_three_decimals_prints_ranks_and_averages_at_them() {
    let page = site().page("xep-hang/2023/tinh-thanh/dti/");
    // 0,6124 and 0,6121 print the same at the table's 3 decimals: a tie.
    // Hà Tĩnh's own score was published with 4 and prints with them.
    assert_eq!(
        ranking(&page, "dti"),
        [
            ("1 (đồng hạng)".into(), "Hà Tĩnh".into(), "0,6124".into()),
            ("1 (đồng hạng)".into(), "Nghệ An".into(), "0,612".into()),
            ("3".into(), "Đà Nẵng".into(), "0,550".into()),
            ("4".into(), "Quảng Bình".into(), "0,500".into()),
        ]
    );
    let average = one(&page, "section#dti tfoot td.average");
    assert_eq!(average, "0,569");
    let lines = csv("du-lieu/2023/tinh-thanh/dti.csv");
    let scores: Vec<&str> = lines.iter().map(|l| l["diem"].as_str()).collect();
    assert_eq!(scores, ["0.6124", "0.612", "0.550", "0.500"]);
    // A change in score at the coarser of the two years' precisions:
    // 0,612 (3 decimals) less 0,6123 (4 decimals) is known to the
    // thousandth, where it is nought; two figures of 4 decimals keep them.
    let deltas: Vec<&str> = lines.iter().map(|l| l["thay_doi_diem"].as_str()).collect();
    assert_eq!(deltas, ["0.1124", "0.000", "-0.150", "0.100"]);
    let data = json("du-lieu/2023/tinh-thanh/dti.json");
    assert_eq!(data["decimals"], 3);
    assert_eq!(data["index"]["decimals"], 4);
    assert_eq!(data["average"], 0.569);
    assert_eq!(data["rows"][0]["decimals"], 4);
    assert_eq!(data["rows"][0]["value"], 0.6124);
}

#[test]
fn a_result_may_be_published_with_more_decimals_than_its_index() {
    // PAR Index has 2 decimals; Hà Tĩnh's 2023 score was published with 3.
    let page = site().page("xep-hang/2023/tinh-thanh/par-index/");
    let rows = ranking(&page, "par-index");
    assert_eq!(rows[0].2, "88,355%");
    let unit = site().page("don-vi/ha-tinh/");
    let history = all(&unit, "table.history[data-index=\"par-index\"] td.value");
    assert_eq!(history, ["88,355%", "85,95%"]);
    let lines = csv("du-lieu/2023/tinh-thanh/par-index.csv");
    assert_eq!(lines[0]["diem"], "88.355");
    let chart = one(
        &unit,
        "section[aria-labelledby=\"par-index\"] svg.chart-history",
    );
    assert!(chart.contains("88,355%"), "{chart}");
}

#[test]
fn components_print_at_their_own_precision_keeping_trailing_zeros() {
    let unit = site().page("don-vi/ha-tinh/");
    let cells: Vec<String> = all(&unit, "table.components td");
    // Thể chế at the index's 4 decimals; Hạ tầng at its own 2.
    assert_eq!(
        cells,
        ["0,1234", "1", "7,00", "10", "0,5000", "1", "2,40", "10"]
    );
    // The chart prints exactly what the table prints.
    let labels = all(&unit, "svg.chart-components text.value");
    assert_eq!(labels, ["0,1234/1", "7,00/10", "0,5000/1", "2,40/10"]);
    // So do shortcodes and the downloads.
    let article = site().page("tin-tuc/so-lieu/");
    let body = one(&article, "article");
    assert!(
        body.contains("Hạ tầng: 7,00/10; thể chế: 0,1234/1."),
        "{body}"
    );
    let lines = csv("du-lieu/2022/tinh-thanh/dti.csv");
    let ha_tinh = lines.iter().find(|l| l["ma_don_vi"] == "ha-tinh").unwrap();
    assert_eq!(ha_tinh["linh_vuc_the-che"], "0.5000");
    assert_eq!(ha_tinh["linh_vuc_ha-tang"], "2.40");
    let data = json("du-lieu/2022/tinh-thanh/dti.json");
    let row = data["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "ha-tinh")
        .unwrap();
    let ha_tang = row["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "ha-tang")
        .unwrap();
    assert_eq!(ha_tang["score"], 2.4);
}

#[test]
fn history_axes_stay_within_the_index_scale() {
    let unit = site().page("don-vi/ha-tinh/");
    for (index, (min, max)) in [("dti", (0.0, 1.0)), ("par-index", (0.0, 100.0))] {
        let css = format!("section[aria-labelledby=\"{index}\"] svg.chart-history");
        let labels = axis_labels(&unit, &css);
        // Two grid labels, then the years.
        let grid: Vec<f64> = labels
            .iter()
            .filter(|l| !l.starts_with("20"))
            .map(|l| vi_number(l))
            .collect();
        assert_eq!(grid.len(), 2, "{index}: {labels:?}");
        for v in grid {
            assert!((min..=max).contains(&v), "{index}: {labels:?}");
        }
    }
    let dti = axis_labels(&unit, "section[aria-labelledby=\"dti\"] svg.chart-history");
    // Round figures of a 0–1 index, not the data's own (0,48 and 0,63).
    assert_eq!(dti[..2], ["0,4", "0,7"]);
}

#[test]
fn a_figure_without_a_unit_label_has_no_stray_space_anywhere() {
    let stray = [" ,", " ;", " .", " )"];
    let mut checked = 0;
    for (path, page) in site().all_pages() {
        // Text nodes as they are, so a space before a comma is seen even
        // where it straddles an element boundary.
        let body: String = page
            .select(&sel("main"))
            .flat_map(|m| m.text().collect::<Vec<_>>())
            .collect();
        let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in stray {
            for (at, _) in body.match_indices(s) {
                let before = body[..at].chars().last().unwrap_or(' ');
                assert!(
                    !before.is_ascii_digit(),
                    "{path}: a figure followed by {s:?}: …{}…",
                    &body[at.saturating_sub(40)..(at + 10).min(body.len())]
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 10);
    let home = site().page("");
    let intro = one(&home, "section.intro");
    assert!(
        intro.contains(
            "DTI năm 2023: 0,6124, xếp thứ 1/4 (đồng hạng, tính từ bảng), tăng 2 bậc so với năm 2022 (tính từ bảng)."
        ),
        "{intro}"
    );
    let article = one(&site().page("tin-tuc/so-lieu/"), "article");
    assert!(
        article.contains("điểm số 0,6124, xếp hạng 1/4 (đồng hạng, tính từ bảng)."),
        "{article}"
    );
    // The search index and the feed say no figure of their own, but they
    // must not either.
    for file in ["tim-kiem/chi-muc.json", "atom.xml"] {
        let text = read(file);
        assert!(!text.contains("0,6124 ,"), "{file}");
    }
}

#[test]
fn averages_are_named_by_their_group() {
    // Each national table, on its own page.
    // PAR Index's average was published; DTI's is computed, and says so.
    for (index, th) in [
        ("par-index", "Bình quân cả nước"),
        ("dti", "Bình quân cả nước (tính từ bảng)"),
    ] {
        let national = site().page(&format!("xep-hang/2023/tinh-thanh/{index}/"));
        assert_eq!(one(&national, "tfoot th"), th, "{index}");
    }
    let block = site().page("xep-hang/2023/so-ban-nganh/");
    assert_eq!(
        one(&block, "tfoot th"),
        "Bình quân khối sở, ban, ngành (tính từ bảng)"
    );
    let summary = one(&block, "ul.table-summary");
    assert!(
        summary.contains("Bình quân khối sở, ban, ngành: 86,27%"),
        "{summary}"
    );
    let data = json("du-lieu/2023/so-ban-nganh/par-index.json");
    assert_eq!(data["average"], 86.27);
}

#[test]
fn a_partial_tables_published_average_appears_with_its_label_and_source() {
    let page = site().page("xep-hang/2023/tinh-thanh/par-index/");
    let summary = one(&page, "section#par-index ul.table-summary");
    assert_eq!(
        summary,
        "Bình quân cả nước: 86,98% (số liệu công bố, nguồn: Báo Hà Tĩnh, 07/05/2024)"
    );
    let footer = one(&page, "section#par-index tfoot");
    assert!(footer.contains("86,98%"), "{footer}");
    assert!(footer.contains("Báo Hà Tĩnh, 07/05/2024"), "{footer}");
    // Wherever the table is summed up.
    for path in ["nam/2023/", "chi-so/par-index/"] {
        let page = site().page(path);
        let summaries = all(&page, "ul.table-summary");
        assert!(
            summaries
                .iter()
                .any(|s| s.contains("Bình quân cả nước: 86,98% (số liệu công bố")),
            "{path}: {summaries:?}"
        );
    }
    let data = json("du-lieu/2023/tinh-thanh/par-index.json");
    assert_eq!(data["average"], 86.98);
}

#[test]
fn a_units_page_shows_its_regional_ranks_for_each_year() {
    let unit = site().page("don-vi/ha-tinh/");
    // As published in a partial table, each region named.
    let ranks = all(&unit, "table.history[data-index=\"par-index\"] td.rank");
    assert!(ranks[0].starts_with("18/63"), "{ranks:?}");
    let regional = all(
        &unit,
        "table.history[data-index=\"par-index\"] td.rank small",
    );
    assert_eq!(
        regional,
        ["xếp thứ 3/6 Bắc Trung Bộ; xếp thứ 5/14 Bắc Trung Bộ và duyên hải miền Trung"]
    );
    // A rank computed from a complete table says so in its cell; a stated
    // one does not.
    let origin = |index: &str| {
        all(
            &unit,
            &format!(
                "table.history[data-index=\"{index}\"] td.rank > small.figure-origin, \
                 table.history[data-index=\"{index}\"] td.rank > small.tied"
            ),
        )
    };
    // A tie says both in one bracket.
    assert_eq!(
        origin("dti"),
        ["(đồng hạng, tính từ bảng)", "(tính từ bảng)"]
    );
    assert!(origin("par-index").is_empty());
    // Computed from a complete table, in both schemes, for each year, and
    // said so.
    let regional = all(
        &unit,
        "table.history[data-index=\"dti\"] td.rank small:not(.tied):not(.figure-origin)",
    );
    assert_eq!(
        regional,
        [
            "xếp thứ 1/3 Bắc Trung Bộ; xếp thứ 1/4 Bắc Trung Bộ và duyên hải miền Trung (tính từ bảng)",
            "xếp thứ 2/3 Bắc Trung Bộ; xếp thứ 3/4 Bắc Trung Bộ và duyên hải miền Trung (tính từ bảng)",
        ]
    );
}

#[test]
fn band_thresholds_print_by_one_rule_everywhere() {
    // As the definition writes them (`min = 87.5`), not padded to 87,50.
    let block = site().page("xep-hang/2023/so-ban-nganh/");
    let summary = one(&block, "ul.table-summary");
    assert!(summary.contains("Xuất sắc (từ 87,5%): 2/3"), "{summary}");
    let footer = one(&block, "tfoot");
    assert!(footer.contains("2/3 đơn vị đạt từ 87,5%"), "{footer}");
    let chart = one(&block, "svg.chart-ranking .threshold-label");
    assert_eq!(chart, "Xuất sắc: từ 87,5%");
    let index = site().page("chi-so/par-index/");
    let bands = all(&index, "main li");
    assert!(
        bands.contains(&"Xuất sắc: từ 87,5%".to_owned()),
        "{bands:?}"
    );
    assert!(bands.contains(&"Tốt: từ 80%".to_owned()), "{bands:?}");
    let article = one(&site().page("tin-tuc/so-lieu/"), "article");
    assert!(
        article.contains("2/3 đơn vị đạt từ 87,5% trở lên"),
        "{article}"
    );
    // A table with its own precision does not pad it either (`min = 0.55`).
    let national = site().page("xep-hang/2023/tinh-thanh/");
    let summary = one(&national, "section#dti ul.table-summary");
    assert!(summary.contains("Khá (từ 0,55): 3/4"), "{summary}");
}
