//! Ranking pages and their tables, on `tests/fixtures/national-small/`
//! (2023: PAR Index and PAPI rank the provinces; 2022: PAR Index alone) and
//! on the example site: a table's own page where several indices rank a
//! group in a year and the group's page an overview of them; every link to
//! a table leading to the page that shows it; compact tables (no empty
//! column, the band as a badge, a bar in the score cell, no sorting of a
//! single line); and the print footer's address and build date.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use scraper::Html;
use serde_json::Value;

use crate::common::*;

fn site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root().join("tests/fixtures/national-small")))
}

fn example() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root()))
}

/// The `href` of every element `css` selects.
fn hrefs(page: &Html, css: &str) -> Vec<String> {
    page.select(&sel(css))
        .filter_map(|a| a.value().attr("href"))
        .map(str::to_owned)
        .collect()
}

/// The header cells of the page's ranking table.
fn columns(page: &Html) -> Vec<String> {
    all(page, "table.ranking thead th")
}

const PAR_2023: &str = "/xep-hang/2023/tinh-thanh/par-index/";
const PAPI_2023: &str = "/xep-hang/2023/tinh-thanh/papi/";
const OVERVIEW_2023: &str = "/xep-hang/2023/tinh-thanh/";
/// Alone that year: at its group's page.
const PAR_2022: &str = "/xep-hang/2022/tinh-thanh/";

#[test]
fn several_indices_ranking_a_group_get_a_page_each_under_an_overview() {
    let overview = site().page("xep-hang/2023/tinh-thanh/");
    // No whole table on the overview: each index's figures, first lines
    // and a link to its page, under the anchor links used to point at.
    assert!(overview.select(&sel("table.ranking")).next().is_none());
    for (index, url) in [("par-index", PAR_2023), ("papi", PAPI_2023)] {
        let section = format!("section#{index}");
        assert_eq!(
            hrefs(&overview, &format!("{section} h2 a")),
            [url],
            "{index}"
        );
        assert_eq!(
            hrefs(&overview, &format!("{section} p.table-more a")),
            [url]
        );
        let lines = all(&overview, &format!("{section} table.top-rows tbody tr"));
        assert!(!lines.is_empty() && lines.len() <= 5, "{index}: {lines:?}");
        assert!(overview
            .select(&sel(&format!(
                "{section} table.top-rows .sort-button, {section} table.sortable"
            )))
            .next()
            .is_none());
    }
    assert_eq!(hrefs(&overview, "p.table-index a"), [PAR_2023, PAPI_2023]);

    let page = site().page("xep-hang/2023/tinh-thanh/par-index/");
    assert_eq!(
        one(&page, "nav.breadcrumb"),
        "Trang chủ › Năm 2023 › Tỉnh, thành phố trực thuộc Trung ương › PAR Index"
    );
    assert!(hrefs(&page, "nav.breadcrumb a").contains(&OVERVIEW_2023.to_owned()));
    assert_eq!(
        one(&page, "h1"),
        "PAR Index 2023: Tỉnh, thành phố trực thuộc Trung ương"
    );
    assert_eq!(
        hrefs(&page, "nav.table-others a"),
        [PAPI_2023, OVERVIEW_2023]
    );
    // One table, whole, with its downloads.
    assert_eq!(page.select(&sel("table.ranking")).count(), 1);
    assert_eq!(
        hrefs(&page, "section#par-index p.downloads a[href$='.csv']"),
        [
            "/du-lieu/2023/tinh-thanh/par-index.csv",
            "/du-lieu/2023/tinh-thanh/par-index-excel.csv"
        ]
    );
    let title = one(&page, "head title");
    assert!(
        title.starts_with("PAR Index 2023: Tỉnh, thành phố trực thuộc Trung ương · "),
        "{title}"
    );
}

#[test]
fn a_group_ranked_by_one_index_keeps_its_table_at_the_group_s_page() {
    let page = site().page("xep-hang/2022/tinh-thanh/");
    assert_eq!(
        page.select(&sel("section#par-index table.ranking")).count(),
        1
    );
    assert_eq!(
        one(&page, "h1"),
        "Tỉnh, thành phố trực thuộc Trung ương năm 2022"
    );
    assert!(!site()
        .out
        .join("xep-hang/2022/tinh-thanh/par-index")
        .exists());
}

#[test]
fn every_link_to_a_table_leads_to_the_page_showing_it() {
    let tables: BTreeSet<String> = [PAR_2023, PAPI_2023, PAR_2022].map(str::to_owned).into();
    let is_table = |url: &str| url.starts_with("/xep-hang/");

    // The search index: one entry per table.
    let index: Value = serde_json::from_str(
        &std::fs::read_to_string(site().out.join("tim-kiem/chi-muc.json")).unwrap(),
    )
    .unwrap();
    let searched: BTreeSet<String> = index
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "Bảng xếp hạng")
        .map(|e| e["url"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(searched, tables);

    // The year pages, the open data page, the index pages and a unit's
    // history link each table where it is shown in full.
    let mut linked = BTreeSet::new();
    for path in [
        "nam/2023/",
        "nam/2022/",
        "du-lieu/",
        "chi-so/par-index/",
        "chi-so/papi/",
    ] {
        let page = site().page(path);
        linked.extend(hrefs(&page, "main a").into_iter().filter(|u| is_table(u)));
    }
    assert_eq!(linked, tables);
    let unit = site().page("don-vi/quang-tri/");
    let history: BTreeSet<String> = hrefs(&unit, "table.history a")
        .into_iter()
        .filter(|u| is_table(u))
        .collect();
    assert!(
        history.contains(PAR_2023) && history.contains(PAR_2022),
        "{history:?}"
    );
    assert!(history.is_subset(&tables), "{history:?}");

    // The sitemap has every ranking page, overviews and tables' own pages.
    let sitemap = std::fs::read_to_string(site().out.join("sitemap.xml")).unwrap();
    for url in tables.iter().map(String::as_str).chain([OVERVIEW_2023]) {
        assert!(
            sitemap.contains(&format!("<loc>https://chiso.example.vn{url}</loc>")),
            "{url} not in the sitemap"
        );
    }
}

#[test]
fn the_shortcode_table_links_its_own_page() {
    let page = example().page("tin-tuc/chi-so-cchc-nam-2023/");
    let full: Vec<String> = hrefs(&page, "p.downloads a")
        .into_iter()
        .filter(|u| u.starts_with("/xep-hang/"))
        .collect();
    assert_eq!(full, ["/xep-hang/2023/co-quan-trung-uong/"]);
}

#[test]
fn a_column_no_line_fills_is_left_out() {
    // 2022 is the first year: no line has a change.
    let first = site().page("xep-hang/2022/tinh-thanh/");
    assert_eq!(
        columns(&first),
        [
            "Hạng (tính từ bảng)",
            "Đơn vị",
            "PAR Index",
            "Xếp loại",
            "Hạng trong vùng (tính từ bảng)"
        ]
    );
    assert!(first
        .select(&sel("table.ranking td.change-cell"))
        .next()
        .is_none());
    // PAPI has no bands, and no PAPI table the year before.
    let papi = site().page("xep-hang/2023/tinh-thanh/papi/");
    assert_eq!(
        columns(&papi),
        ["Hạng", "Đơn vị", "PAPI", "Hạng trong vùng"]
    );
    assert!(papi.select(&sel("table.ranking td.band")).next().is_none());
    // PAR Index 2023 has them all, and its average row spans them.
    let par = site().page("xep-hang/2023/tinh-thanh/par-index/");
    assert_eq!(
        columns(&par),
        [
            "Hạng (tính từ bảng)",
            "Đơn vị",
            "PAR Index",
            "Xếp loại",
            "Hạng trong vùng (tính từ bảng)",
            "So với năm trước (tính từ bảng)"
        ]
    );
    let last = par
        .select(&sel("table.ranking tfoot td:last-child"))
        .next()
        .unwrap();
    assert_eq!(last.value().attr("colspan"), Some("3"));
    let first_last = first
        .select(&sel("table.ranking tfoot td:last-child"))
        .next()
        .unwrap();
    assert_eq!(first_last.value().attr("colspan"), Some("2"));
}

#[test]
fn the_band_is_a_badge_and_the_score_cell_has_a_bar_on_the_index_scale() {
    let par = site().page("xep-hang/2023/tinh-thanh/par-index/");
    let rows = par
        .select(&sel("table.ranking tbody tr"))
        .collect::<Vec<_>>();
    assert!(!rows.is_empty());
    for row in rows {
        let band = row.select(&sel("td.band")).next().unwrap();
        let badge = band.select(&sel("span.band-badge")).next();
        if text(band) != "—" {
            let badge = badge.unwrap_or_else(|| panic!("no badge: {}", text(band)));
            assert!(badge.value().attr("data-level").is_some());
        }
        let score = row.select(&sel("td.value")).next().unwrap();
        let value: f64 = score.value().attr("data-sort").unwrap().parse().unwrap();
        // PAR Index is on 0–100: the bar is the score's share of it, and
        // the figure stays text.
        assert_eq!(
            score.value().attr("style"),
            Some(format!("--bar: {:.1}%", value).as_str())
        );
        assert!(score.value().classes().any(|c| c == "has-bar"));
        assert!(text(score).contains('%'), "{}", text(score));
    }
}

#[test]
fn a_table_of_one_line_has_nothing_to_sort() {
    let (mut single, mut several) = (0, 0);
    for (path, page) in example().all_pages() {
        for table in page.select(&sel("table.ranking")) {
            let lines = table.select(&sel("tbody tr")).count();
            let sortable = table.value().classes().any(|c| c == "sortable");
            let ordered = table.select(&sel("thead th[aria-sort]")).count();
            if table.value().classes().any(|c| c == "embedded") {
                continue;
            }
            if lines == 1 {
                single += 1;
                assert!(!sortable && ordered == 0, "{path}: a line sortable");
            } else {
                several += 1;
                assert!(
                    sortable && ordered == 1,
                    "{path}: {lines} lines not sortable"
                );
            }
        }
    }
    assert!(
        single > 0 && several > 0,
        "{single} single, {several} several"
    );
}

#[test]
fn printed_pages_give_their_address_and_the_build_date() {
    let page = site().page("xep-hang/2023/tinh-thanh/par-index/");
    let footer = one(&page, "p.print-footer");
    let (address, date) = footer
        .strip_prefix("Bản in của trang ")
        .and_then(|f| f.strip_suffix('.'))
        .and_then(|f| f.split_once(", trang dựng ngày "))
        .unwrap_or_else(|| panic!("{footer}"));
    assert!(address.ends_with(PAR_2023), "{address}");
    // dd/mm/yyyy
    let parts: Vec<&str> = date.split('/').collect();
    assert_eq!(
        parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
        [2, 2, 4],
        "{date}"
    );
    assert!(parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())));
    // And at each printed page's foot.
    let style = one(&page, "head style[media=print]");
    assert!(style.contains(&format!("{address}\"")), "{style}");
    assert!(style.contains(&format!("Ngày dựng {date}")), "{style}");
}

/// A site whose results have no regional rank prints no "Trong vùng"
/// column of empty cells on its home and index pages.
#[test]
fn no_regional_column_without_a_regional_rank() {
    let dir = fixture("minimal");
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    put(
        dir.path(),
        "config.toml",
        &format!("home_unit = \"don-vi-a\"\n{config}"),
    );
    let built = build_ok(dir.path());
    for path in ["", "chi-so/chi-so/"] {
        let page = built.page(path);
        let headers = all(&page, "table.history thead th");
        assert!(
            headers.iter().any(|h| h == "Xếp hạng"),
            "/{path}: {headers:?}"
        );
        assert!(
            !headers.iter().any(|h| h == "Trong vùng"),
            "/{path}: {headers:?}"
        );
    }
}

/// A change chiso computed from two years' results says so in its column's
/// head; one the source published, and the build confirmed, does not.
#[test]
fn a_computed_change_is_marked_and_a_published_one_is_not() {
    let computed = site().page(PAR_2023.trim_matches('/'));
    assert!(
        columns(&computed).contains(&"So với năm trước (tính từ bảng)".to_owned()),
        "{:?}",
        columns(&computed)
    );
    // Every change the example's 2023 PAR Index shows was published, and
    // agrees; so do Hà Tĩnh's on the home page.
    let published = example().page("xep-hang/2023/tinh-thanh/par-index/");
    assert!(
        columns(&published).contains(&"So với năm trước".to_owned()),
        "{:?}",
        columns(&published)
    );
    let home = example().page("");
    let heads = all(&home, "section.history-all thead th");
    assert!(heads.contains(&"So với năm trước".to_owned()), "{heads:?}");
    let changes = all(&home, ".scorecard-change");
    assert!(!changes.is_empty());
    assert!(
        changes.iter().all(|c| !c.contains("tính từ bảng")),
        "{changes:?}"
    );
}

/// A table numbering ranks densely (1, 2, 2, 3) says so under it: its last
/// rank is below the number of units ranked. A standard one says nothing.
#[test]
fn dense_ranks_are_stated_on_the_page() {
    let dir = fixture("minimal");
    let file = dir.path().join("data/results/2023/khoi.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let dense = text.replace(
        "complete = true\n",
        "complete = true\nrank_style = \"dense\"\n",
    );
    std::fs::write(&file, dense).unwrap();
    let built = build_ok(dir.path());
    let page = built.page("xep-hang/2023/khoi/");
    let ranks = all(&page, "table.ranking tbody td.rank");
    assert_eq!(ranks, ["1", "2 (đồng hạng)", "2 (đồng hạng)", "3"]);
    let note = one(&page, "p.dense-ranks");
    assert!(
        note.contains("(1, 2, 2, 3, không phải 1, 2, 2, 4)"),
        "{note}"
    );

    // Built from a copy: a build keeps its share cards' cache in the site.
    let dir = fixture("minimal");
    let standard = build_ok(dir.path());
    let page = standard.page("xep-hang/2023/khoi/");
    assert_eq!(
        all(&page, "table.ranking tbody td.rank"),
        ["1", "2 (đồng hạng)", "2 (đồng hạng)", "4"]
    );
    assert!(page.select(&sel("p.dense-ranks")).next().is_none());
}

/// Ranks numbered two ways (dense one year, 1, 1, 2; standard the next,
/// 1, 1, 3) are not places to subtract: a dense 2 after two units tied
/// first is the third place. The change says why it compares no places
/// and gives the points; an article asking for it is told why.
#[test]
fn places_are_not_compared_between_ties_numbered_two_ways() {
    let dir = fixture("minimal");
    put(
        dir.path(),
        "data/results/2022/khoi.json",
        r#"{ "index": "chi-so", "year": 2022, "group": "khoi", "complete": true,
  "rank_style": "dense",
  "result": [
    { "unit": "don-vi-a", "score": 95, "rank": 1 },
    { "unit": "don-vi-b", "score": 95, "rank": 1 },
    { "unit": "don-vi-c", "score": 90, "rank": 2 },
    { "unit": "don-vi-d", "score": 80, "rank": 3 }
  ],
  "source": { "title": "Quyết định thử" } }"#,
    );
    let built = build_ok(dir.path());
    let page = built.page("xep-hang/2023/khoi/");
    let changes = all(&page, "table.ranking tbody td.change-cell");
    // Đơn vị C: third in both years, dense 2 then standard 2.
    assert!(
        changes.contains(
            &"giảm 5,00 điểm phần trăm (không so sánh thứ hạng: năm 2022 đánh số đồng hạng kiểu 1, 1, 2, năm 2023 kiểu 1, 1, 3) (năm 2022: 2/4)".to_owned()
        ),
        "{changes:?}"
    );
    assert!(
        !changes.iter().any(|c| c.contains("bậc")),
        "no places: {changes:?}"
    );
    // Nor do the unit's rank chart and its card's sparkline join the two.
    let unit = built.page("don-vi/don-vi-c/");
    let chart = unit
        .select(&sel("svg.chart-rank"))
        .next()
        .expect("a rank chart")
        .html();
    assert!(!chart.contains("rank-line"), "{chart}");
    assert!(chart.contains("Không nối 2022 với 2023"), "{chart}");
    assert!(
        unit.select(&sel("svg.sparkline.rank")).next().is_none(),
        "{}",
        unit.html()
    );
    put(
        dir.path(),
        "content/tin-tuc/bai-mot.md",
        "+++\ntitle = \"Bài\"\ndate = 2024-01-02\n+++\n\n<!-- chiso:ket-qua chi-so=chi-so don-vi=don-vi-c nam=2023 hien=thay-doi -->\n",
    );
    let report = build(dir.path())
        .err()
        .expect("no change in rank")
        .to_string();
    assert!(report.contains("number ties differently"), "{report}");
}

/// A dense table without a tie numbers its places as a standard one does:
/// its places are compared.
#[test]
fn a_dense_table_without_ties_compares_its_places() {
    let dir = fixture("minimal");
    put(
        dir.path(),
        "data/results/2022/khoi.json",
        r#"{ "index": "chi-so", "year": 2022, "group": "khoi", "complete": true,
  "rank_style": "dense",
  "result": [
    { "unit": "don-vi-a", "score": 95, "rank": 1 },
    { "unit": "don-vi-b", "score": 94, "rank": 2 },
    { "unit": "don-vi-c", "score": 90, "rank": 3 },
    { "unit": "don-vi-d", "score": 80, "rank": 4 }
  ],
  "source": { "title": "Quyết định thử" } }"#,
    );
    let built = build_ok(dir.path());
    let changes = all(
        &built.page("xep-hang/2023/khoi/"),
        "table.ranking tbody td.change-cell",
    );
    assert!(
        !changes.iter().any(|c| c.contains("không so sánh")),
        "{changes:?}"
    );
    assert!(changes.iter().any(|c| c.contains("bậc")), "{changes:?}");
}
