//! Builds `examples/national/` (all 63 provinces, two region schemes,
//! provinces left out of PAPI, a tie, merged provinces) and checks the
//! domain rules on the rendered HTML.

use std::sync::OnceLock;

use crate::common::*;
use scraper::Html;

fn site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root().join("examples/national")))
}

/// The ranking rows of one index in a year's national table, as
/// (rank, province, whole row text).
fn rows(page: &Html, index: &str) -> Vec<(String, String, String)> {
    let row = sel(&format!("table.ranking[data-index=\"{index}\"] tbody tr"));
    let (rank, unit) = (sel("td.rank"), sel("th.unit a"));
    page.select(&row)
        .map(|tr| {
            let get = |s| tr.select(s).next().map(text).unwrap_or_default();
            (get(&rank), get(&unit), text(tr))
        })
        .collect()
}

#[test]
fn a_tie_shares_a_rank_and_the_next_rank_is_skipped() {
    let page = site().page("xep-hang/2023/tinh-thanh/par-index/");
    let rows = rows(&page, "par-index");
    assert_eq!(rows.len(), 63);
    let at = |name: &str| rows.iter().find(|r| r.1 == name).unwrap().0.clone();
    assert_eq!(at("Vĩnh Phúc"), "30 (đồng hạng)");
    assert_eq!(at("Bình Dương"), "30 (đồng hạng)");
    assert_eq!(at("Cao Bằng"), "32");
    assert!(!rows.iter().any(|r| r.0 == "31"));
}

#[test]
fn provinces_left_out_are_shown_but_not_counted() {
    let page = site().page("xep-hang/2022/tinh-thanh/papi/");
    let rows = rows(&page, "papi");
    assert_eq!(rows.len(), 63);
    for name in ["Bắc Ninh", "Bắc Giang"] {
        let row = rows.iter().find(|r| r.1 == name).unwrap();
        assert_eq!(row.0, "—", "{name} has no rank");
        assert!(row.2.contains("không xếp hạng"), "{}", row.2);
    }
    let ha_tinh = rows.iter().find(|r| r.1 == "Hà Tĩnh").unwrap();
    assert_eq!(ha_tinh.0, "8");
    let section = one(&page, "section#papi ul.table-summary");
    assert!(section.contains("Số đơn vị xếp hạng: 61"), "{section}");
    let notes = all(&page, "section#papi p.note");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("Bắc Ninh") && n.contains("không đủ độ tin cậy")),
        "{notes:?}"
    );
}

#[test]
fn regional_ranks_are_computed_for_both_schemes() {
    let page = site().page("xep-hang/2023/tinh-thanh/par-index/");
    let rows = rows(&page, "par-index");
    let ha_tinh = &rows.iter().find(|r| r.1 == "Hà Tĩnh").unwrap().2;
    assert!(ha_tinh.contains("3/6 Bắc Trung Bộ"), "{ha_tinh}");
    assert!(
        ha_tinh.contains("/14 Bắc Trung Bộ và duyên hải miền Trung"),
        "{ha_tinh}"
    );
    let cells = sel("th, td");
    let regions: Vec<String> = page
        .select(&sel("table.regions[data-index=\"par-index\"] tbody tr"))
        .map(|tr| tr.select(&cells).map(text).collect::<Vec<_>>().join(" | "))
        .collect();
    assert!(
        regions.contains(&"Bắc Trung Bộ | 8 vùng | 6 | 88,41% | 1/8".to_owned()),
        "{regions:?}"
    );
    let wide = "Bắc Trung Bộ và duyên hải miền Trung | 6 vùng kinh tế - xã hội | 14 | 87,29% | 3/6";
    assert!(regions.contains(&wide.to_owned()), "{regions:?}");
}

#[test]
fn a_merged_province_has_its_history_on_its_successors_page() {
    let successor = site().page("don-vi/tuyen-quang/");
    let merged = all(
        &successor,
        "section.merged-history table.history[data-unit=\"ha-giang\"] tbody tr",
    );
    assert!(merged.len() >= 2, "{merged:?}");
    assert!(one(&successor, "main").contains("Đơn vị đã sáp nhập vào Tuyên Quang: Hà Giang"));
    // Its tables there have the columns of its own page's, bands included
    // (adv22 m3: the band column was left out).
    let own = site().page("don-vi/ha-giang/");
    let heads = |page: &scraper::Html, css: &str| -> Vec<String> {
        page.select(&sel(css))
            .map(|thead| {
                thead
                    .select(&sel("th"))
                    .map(text)
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    };
    let there = heads(&successor, "section.merged-history table.history thead");
    let here = heads(&own, "table.history thead");
    assert_eq!(there, here);
    assert!(here.iter().any(|h| h.contains("Xếp loại")), "{here:?}");
    let merged_page = site().page("don-vi/ha-giang/");
    assert_eq!(
        one(&merged_page, "p.merged"),
        "Đã sáp nhập vào Tuyên Quang từ ngày 01/07/2025."
    );
}

#[test]
fn an_alternative_published_value_is_a_footnote() {
    let page = site().page("xep-hang/2023/tinh-thanh/par-index/");
    let rows = rows(&page, "par-index");
    let ha_tinh = &rows.iter().find(|r| r.1 == "Hà Tĩnh").unwrap().2;
    assert!(
        ha_tinh.contains("88,35%") && ha_tinh.contains('†'),
        "{ha_tinh}"
    );
    let notes = all(&page, "section#par-index p.note");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("Giá trị khác đã được công bố cho Hà Tĩnh: 88,3")),
        "{notes:?}"
    );
}

#[test]
fn papi_keeps_four_decimals_and_published_averages_are_marked() {
    let page = site().page("xep-hang/2023/tinh-thanh/papi/");
    let rows = rows(&page, "papi");
    let ha_tinh = &rows.iter().find(|r| r.1 == "Hà Tĩnh").unwrap();
    assert_eq!(ha_tinh.0, "7");
    assert!(ha_tinh.2.contains("45,42 điểm"), "{}", ha_tinh.2);
    let summary = one(&page, "section#papi ul.table-summary");
    assert!(
        summary.contains("Bình quân cả nước: 42,3265 điểm (số liệu công bố)"),
        "{summary}"
    );
}
