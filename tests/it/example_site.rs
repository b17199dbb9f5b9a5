//! Builds the Hà Tĩnh example site (the repository itself) and checks the
//! published figures on the rendered HTML.

use std::sync::OnceLock;

use crate::common::*;

fn site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root()))
}

#[test]
fn home_page_headlines_par_index_2023_with_its_change() {
    let home = site().page("");
    let row = "table.history tr[data-index=\"par-index\"][data-year=\"2023\"]";
    assert_eq!(one(&home, &format!("{row} td.value")), "88,35%");
    assert_eq!(one(&home, &format!("{row} td.rank")), "18/63");
    assert_eq!(one(&home, &format!("{row} td.change-cell")), "tăng 10 bậc");
    assert!(one(&home, row).contains("xếp thứ 3/6 Bắc Trung Bộ"));
}

#[test]
fn every_national_figure_of_the_facts_is_shown_with_derived_changes() {
    let home = site().page("");
    // (index, year, score, rank, change) as in FACTS.md; changes are derived.
    let facts = [
        ("par-index", 2021, "—", "8/63", "—"),
        ("par-index", 2022, "85,95%", "28/63", "giảm 20 bậc"),
        ("par-index", 2023, "88,35%", "18/63", "tăng 10 bậc"),
        ("par-index", 2024, "89,72%", "15/63", "tăng 3 bậc"),
        ("sipas", 2021, "91,17%", "5/63", "—"),
        ("sipas", 2022, "84,37%", "7/63", "giảm 2 bậc"),
        ("sipas", 2023, "88,97%", "4/63", "tăng 3 bậc"),
        ("sipas", 2024, "85,17%", "16/63", "giảm 12 bậc"),
        ("papi", 2022, "44,3138 điểm", "8/61", "giảm 1 bậc"),
        ("papi", 2023, "45,42 điểm", "7/61", "tăng 1 bậc"),
    ];
    for (index, year, score, rank, change) in facts {
        let row = format!("table.history tr[data-index=\"{index}\"][data-year=\"{year}\"]");
        assert_eq!(
            one(&home, &format!("{row} td.value")),
            score,
            "{index} {year}"
        );
        assert_eq!(
            one(&home, &format!("{row} td.rank")),
            rank,
            "{index} {year}"
        );
        assert_eq!(
            one(&home, &format!("{row} td.change-cell")),
            change,
            "{index} {year}"
        );
    }
}

#[test]
fn regional_ranks_are_shown_as_stated() {
    let par = site().page("chi-so/par-index/");
    let row = "table.history tr[data-year=\"2024\"]";
    assert!(one(&par, row).contains("xếp thứ 2/6 Bắc Trung Bộ"));
    let sipas = site().page("chi-so/sipas/");
    assert!(
        one(&sipas, "table.history tr[data-year=\"2023\"]").contains("xếp thứ 1/6 Bắc Trung Bộ")
    );
}

/// (group, rows, average, count ≥ 90%, top three in order)
const BLOCKS_2023: [(&str, usize, &str, &str, [&str; 3]); 3] = [
    (
        "so-ban-nganh",
        17,
        "90,53%",
        "12",
        [
            "Sở Khoa học và Công nghệ",
            "Sở Thông tin và Truyền thông",
            "Sở Ngoại vụ",
        ],
    ),
    (
        "ubnd-cap-huyen",
        13,
        "90,59%",
        "6",
        [
            "UBND thành phố Hà Tĩnh",
            "UBND thị xã Kỳ Anh",
            "UBND huyện Thạch Hà",
        ],
    ),
    (
        "co-quan-trung-uong",
        6,
        "94,38%",
        "6",
        [
            "Cục Hải quan Hà Tĩnh",
            "Công an tỉnh Hà Tĩnh",
            "Cục Thuế tỉnh Hà Tĩnh",
        ],
    ),
];

#[test]
fn internal_2023_blocks_reproduce_the_published_figures() {
    for (group, rows, average, count, top) in BLOCKS_2023 {
        let page = site().page(&format!("xep-hang/2023/{group}/"));
        let table = "table.ranking[data-index=\"cchc-tinh\"]";
        let names = all(&page, &format!("{table} tbody th.unit a"));
        assert_eq!(names.len(), rows, "{group}");
        assert_eq!(names[..3], top, "{group}");
        let ranks = all(&page, &format!("{table} tbody td.rank"));
        assert_eq!(ranks[..3], ["1", "2", "3"], "{group}");
        // The others are computed: the head says so.
        assert_eq!(
            one(&page, &format!("{table} thead th.rank")),
            "Hạng (tính từ bảng)",
            "{group}"
        );
        assert_eq!(
            one(&page, &format!("{table} tfoot td.average")),
            average,
            "{group}"
        );
        assert_eq!(
            one(&page, &format!("{table} tfoot .top-count")),
            count,
            "{group}"
        );
    }
}

#[test]
fn district_units_at_or_above_90_are_the_published_six() {
    let page = site().page("xep-hang/2023/ubnd-cap-huyen/");
    let rows = sel("table.ranking tbody tr");
    let mut excellent: Vec<String> = page
        .select(&rows)
        .filter(|tr| text(*tr).contains("Hoàn thành xuất sắc"))
        .map(|tr| text(tr.select(&sel("th.unit a")).next().unwrap()))
        .collect();
    excellent.sort();
    let mut want = [
        "UBND thành phố Hà Tĩnh",
        "UBND thị xã Kỳ Anh",
        "UBND huyện Thạch Hà",
        "UBND thị xã Hồng Lĩnh",
        "UBND huyện Cẩm Xuyên",
        "UBND huyện Hương Sơn",
    ];
    want.sort();
    assert_eq!(excellent, want);
}

#[test]
fn science_department_shows_published_points_and_components() {
    let page = site().page("don-vi/so-khoa-hoc-va-cong-nghe/");
    let row = one(
        &page,
        "table.history[data-index=\"cchc-tinh\"] tr[data-year=\"2023\"]",
    );
    assert!(row.contains("95,27%"), "{row}");
    assert!(row.contains("93,364/98"), "{row}");
    let components = all(&page, "table.components tbody tr");
    assert!(
        components
            .iter()
            .any(|c| c.contains("13,969") && c.contains("14")),
        "{components:?}"
    );
    assert!(
        components
            .iter()
            .any(|c| c.contains("17,487") && c.contains("18,5")),
        "{components:?}"
    );
}

#[test]
fn every_page_with_illustrative_scores_says_so() {
    let mut seen = 0;
    for (path, page) in site().all_pages() {
        let marked = page.select(&sel("main .illustrative-mark")).count();
        let notice = page.select(&sel("main p.notice")).count();
        let marks_outside_notice = marked
            - page
                .select(&sel("main p.notice .illustrative-mark"))
                .count();
        if marks_outside_notice > 0 {
            seen += 1;
            assert!(
                notice >= 1,
                "{path} shows illustrative scores without the notice"
            );
            assert!(
                all(&page, "main p.notice")
                    .iter()
                    .all(|n| n.contains("Số liệu minh họa")),
                "{path}"
            );
        }
    }
    assert!(
        seen >= 3,
        "expected several pages with illustrative scores, saw {seen}"
    );
}

#[test]
fn the_article_about_2023_is_listed_and_rendered() {
    let list = site().page("tin-tuc/");
    let links = all(&list, "ul.article-list h2 a");
    assert!(links.iter().any(|t| t.contains("2023")), "{links:?}");
    let article = site().page("tin-tuc/chi-so-cchc-nam-2023/");
    assert!(article.select(&sel("article h2[id]")).count() >= 1);
    assert!(article.select(&sel("article table")).count() >= 1);
    assert!(one(&article, "article time").starts_with("Thứ Tư, 08/05/2024"));
}

#[test]
fn pages_have_the_expected_urls_and_static_files() {
    let built = site();
    for path in [
        "",
        "chi-so/par-index/",
        "chi-so/cchc-tinh/",
        "nam/2023/",
        "xep-hang/2023/so-ban-nganh/",
        "xep-hang/2023/tinh-thanh/",
        "don-vi/ha-tinh/",
        "tin-tuc/",
    ] {
        assert!(
            built.out.join(path).join("index.html").is_file(),
            "missing /{path}"
        );
    }
    assert!(built.out.join("favicon.svg").is_file());
    assert!(built.out.join("chiso.css").is_file());
    assert!(built.report.pages >= 50);
}

#[test]
fn site_template_overrides_the_built_in_one() {
    let home = site().page("");
    assert!(one(&home, "footer.site-footer").contains("Trang ví dụ của chiso"));
}

#[test]
fn pages_are_vietnamese_html() {
    let home = site().page("");
    let html = home.select(&sel("html")).next().unwrap();
    assert_eq!(html.value().attr("lang"), Some("vi"));
    assert_eq!(one(&home, "a.skip-link"), "Chuyển đến nội dung chính");
    // static/favicon.svg is linked from every page.
    let icon = home
        .select(&sel("link[rel=icon]"))
        .next()
        .expect("a favicon link");
    assert_eq!(icon.value().attr("href"), Some("/favicon.svg"));
    assert_eq!(icon.value().attr("type"), Some("image/svg+xml"));
}

/// The README's "The template API" example for each page kind renders on
/// the example site: the documented variables exist with the documented
/// shapes (an unknown variable is a template error).
#[test]
fn the_readme_template_examples_render() {
    let readme = std::fs::read_to_string(example_root().join("README.md")).unwrap();
    let start = readme.find("```jinja\n").expect("the examples block") + "```jinja\n".len();
    let block = &readme[start..][..readme[start..].find("```").unwrap()];
    let dir = example_copy();
    let root = dir.path();
    let mut kinds = 0;
    for line in block.lines() {
        let (name, body) = line
            .strip_prefix("{# ")
            .and_then(|l| l.split_once(" #}"))
            .expect("`{# template #} example`");
        put(root, &format!("templates/{name}"), body.trim());
        kinds += 1;
    }
    assert_eq!(kinds, 13, "one example per page kind");
    let built = build_ok(root);
    let home = std::fs::read_to_string(built.out.join("index.html")).unwrap();
    assert!(
        home.contains("PAR Index 2024: <span class=\"score\">"),
        "{home}"
    );
    let ranking =
        std::fs::read_to_string(built.out.join("xep-hang/2023/so-ban-nganh/index.html")).unwrap();
    assert!(
        ranking.contains("<svg") && ranking.contains("/don-vi/"),
        "{ranking}"
    );
}
