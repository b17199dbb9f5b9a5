//! Published figures held as stated and checked where chiso derives them
//! (`tests/fixtures/published/stated*/`): changes against an earlier year,
//! regional averages and ranks of regions, categories ranked like regions,
//! and other published values and ranks.

use crate::common::*;

fn published(name: &str) -> Built {
    build_ok(&example_root().join("tests/fixtures/published").join(name))
}

/// The cells of each row of a table, joined by ` | `.
fn rows_of(page: &scraper::Html, css: &str) -> Vec<String> {
    let cells = sel("th, td");
    page.select(&sel(css))
        .map(|tr| tr.select(&cells).map(text).collect::<Vec<_>>().join(" | "))
        .collect()
}

#[test]
fn a_published_change_that_agrees_is_shown_as_derived() {
    let built = published("stated-changes");
    let page = built.page("xep-hang/2023/khoi/");
    let changes = all(&page, "table.ranking tbody td.change-cell");
    assert_eq!(
        changes[0],
        "tăng 2 bậc, tăng 10,00 điểm phần trăm (năm 2022: 3/4)"
    );
    let agrees = all(
        &page,
        "td.change-cell span.change[title=\"Khớp với số liệu đã công bố\"]",
    );
    // A (places and points) and C (points only) agree, and their published
    // points are shown beside the places; D stated nothing.
    assert_eq!(
        agrees,
        [
            "tăng 2 bậc, tăng 10,00 điểm phần trăm",
            "giữ nguyên thứ hạng, giảm 3,00 điểm phần trăm"
        ]
    );
}

#[test]
fn a_disputed_change_shows_both_figures_and_the_note() {
    let page = published("stated-changes").page("xep-hang/2023/khoi/");
    let changes = all(&page, "table.ranking tbody td.change-cell");
    assert_eq!(
        changes[1],
        "công bố: giảm 2 bậc; tính từ bảng: giảm 1 bậc (năm 2022: 1/4)"
    );
    let note = one(&page, "div.note.disputed");
    assert!(
        note.starts_with("Đơn vị B: số liệu công bố (giảm 2 bậc) khác số liệu tính từ bảng."),
        "{note}"
    );
    assert!(note.contains("Báo Thử in nhầm"), "{note}");
}

#[test]
fn a_change_that_cannot_be_derived_is_shown_as_published() {
    let page = published("stated-changes").page("xep-hang/2023/khac/");
    assert_eq!(
        one(&page, "table.ranking tbody td.change-cell"),
        "tăng 3 bậc, giảm 2,13 điểm phần trăm (công bố)"
    );
    assert_eq!(
        one(&page, "td.change-cell span.change.stated"),
        "tăng 3 bậc, giảm 2,13 điểm phần trăm"
    );
}

#[test]
fn a_change_published_against_another_year_is_checked_against_that_year() {
    let built = published("stated-changes");
    let page = built.page("xep-hang/2024/khoi/");
    // Against 2023 it kept its place; the source's "up 2" is against 2022.
    assert_eq!(
        one(&page, "table.ranking tbody td.change-cell"),
        "giữ nguyên thứ hạng (công bố: tăng 2 bậc so với năm 2022) (năm 2023: 1/4)"
    );
    // The unit's card says which of the two it computed, right after it.
    let card = built.page("don-vi/don-vi-a/");
    assert_eq!(
        one(&card, "p.scorecard-change"),
        "= giữ nguyên thứ hạng (tính từ bảng) (công bố: tăng 2 bậc so với năm 2022)"
    );
}

#[test]
fn regions_of_a_complete_table_are_ranked_and_published_figures_checked() {
    let page = published("stated-regions").page("xep-hang/2023/tinh/chi-so/");
    assert_eq!(
        rows_of(&page, "table.regions[data-index=\"chi-so\"] tbody tr"),
        [
            "Miền Bắc | 3 miền | 2 | 88,00% | 1/3",
            "Miền Trung | 3 miền | 2 | công bố: 86,50%; tính từ bảng: 86,00% | công bố: 2; tính từ bảng: 3/3",
            // Tied with Miền Bắc: ties share a rank.
            "Miền Nam | 3 miền | 2 | 88,00% | 1/3",
        ]
    );
    let notes = all(&page, "#chi-so div.note.disputed");
    let note = notes.iter().find(|n| n.starts_with("Miền Trung")).unwrap();
    assert!(note.contains("không xếp hạng"), "{note}");
}

#[test]
fn regions_of_a_partial_table_are_shown_as_published() {
    let page = published("stated-regions").page("xep-hang/2023/tinh/khao-sat/");
    assert!(
        one(&page, "table.regions[data-index=\"khao-sat\"] caption").ends_with("(số liệu công bố)")
    );
    assert_eq!(
        rows_of(&page, "table.regions[data-index=\"khao-sat\"] tbody tr"),
        [
            "Miền Bắc | 3 miền | 80,10% | 2/3",
            "Miền Trung | 3 miền | 80,10% | 2/3",
            "Miền Nam | 3 miền | 81,20% | 1/3",
        ]
    );
}

#[test]
fn a_category_is_ranked_like_a_region_and_not_called_one() {
    let page = published("stated-categories").page("xep-hang/2023/tinh-thanh/");
    // Lines of provinces (not cities) have no rank in a category.
    let mut regional = all(&page, "table.ranking tbody td.regional");
    regional.retain(|r| !r.is_empty());
    assert_eq!(
        regional,
        [
            "1/5 Thành phố trực thuộc Trung ương",
            "2/5 Thành phố trực thuộc Trung ương",
            "3/5 Thành phố trực thuộc Trung ương",
            "4/5 Thành phố trực thuộc Trung ương",
            "5/5 Thành phố trực thuộc Trung ương",
        ]
    );
    let table = one(&page, "table.regions");
    assert!(!table.to_lowercase().contains("vùng"), "{table}");
    assert_eq!(
        one(&page, "table.regions caption"),
        "PAR Index 2023: bình quân và thứ hạng theo nhóm (tính từ điểm trong bảng)"
    );
    assert_eq!(
        rows_of(&page, "table.regions tbody tr[data-kind=\"category\"]"),
        // One category in its scheme: no rank to speak of.
        ["Thành phố trực thuộc Trung ương | Thành phố trực thuộc Trung ương | 5 | 88,62% | —"]
    );
}

#[test]
fn alternatives_may_give_a_rank() {
    let page = published("stated-alternatives").page("xep-hang/2023/khoi/");
    let notes = all(&page, "section p.note");
    assert_eq!(
        notes,
        [
            "† Số liệu khác đã được công bố cho Đơn vị A: 90,5, thứ 1/4 — Cổng thông tin Tỉnh Thử",
            "† Số liệu khác đã được công bố cho Đơn vị D: thứ 3/4 — Báo Thử, 02/03/2024",
        ]
    );
}

#[test]
fn a_units_page_shows_its_regions_figures() {
    let built = published("stated-regions");
    let page = built.page("don-vi/tinh-a/");
    assert_eq!(
        all(&page, "p.region-figure"),
        [
            "CSTN 2023, vùng Miền Bắc: bình quân 88,00%, xếp thứ 1/3 vùng (tính từ bảng xếp hạng).",
            "KSTN 2023, vùng Miền Bắc: bình quân 80,10%, xếp thứ 2/3 vùng (số liệu công bố).",
        ]
    );
    let city = published("stated-categories").page("don-vi/ha-noi/");
    assert_eq!(
        one(&city, "p.region-figure"),
        "PAR Index 2023, nhóm Thành phố trực thuộc Trung ương: bình quân 88,62% (tính từ bảng xếp hạng)."
    );
}

/// A region's average prints at its table's decimals on every unit's page,
/// whatever the unit's own line's `decimals` (adv23 M3: 6,65 on one page,
/// 6,7 on another).
#[test]
fn a_regions_average_prints_at_its_tables_decimals_on_every_page() {
    let site = fixture("published/stated-regions");
    let file = "data/results/2023/chi-so.toml";
    let text = std::fs::read_to_string(site.path().join(file)).unwrap();
    put(
        site.path(),
        file,
        &text.replace(
            "unit = \"tinh-a\"\nscore = 90\n",
            "unit = \"tinh-a\"\nscore = 90\ndecimals = 0\n",
        ),
    );
    let built = build_ok(site.path());
    let figures = all(&built.page("don-vi/tinh-a/"), "p.region-figure");
    assert!(figures[0].contains("bình quân 88,00%"), "{figures:?}");
}

#[test]
fn a_shortcode_says_a_change_is_published_when_it_could_not_be_derived() {
    let built = published("stated-changes");
    let page = built.page("tin-tuc/thay-doi/");
    // A publication that named no year is quoted with none.
    assert_eq!(
        all(&page, "article p:not(.muted)"),
        [
            "Đơn vị A: tăng 2 bậc so với năm 2022.",
            "Đơn vị E: tăng 3 bậc (số liệu công bố).",
        ]
    );
    // Nor do the downloads give it one: the published year is empty.
    let csv = std::fs::read_to_string(built.out.join("du-lieu/2023/khac/chi-so.csv")).unwrap();
    let header = csv.lines().next().unwrap_or_default();
    let after = header
        .split(',')
        .skip_while(|c| *c != "thay_doi_hang_cong_bo")
        .take(3)
        .collect::<Vec<_>>();
    assert_eq!(
        after,
        [
            "thay_doi_hang_cong_bo",
            "thay_doi_diem_cong_bo",
            "nam_so_sanh_cong_bo"
        ]
    );
    assert!(csv.contains(",3,-2.13,,"), "{csv}");
    // The unit's share card says whose figure it is, as the page does.
    let alt = built
        .page("don-vi/don-vi-e/")
        .select(&sel("meta[property='og:image:alt']"))
        .filter_map(|m| m.value().attr("content"))
        .collect::<String>();
    assert!(alt.ends_with("tăng 3 bậc (công bố)"), "{alt}");
}

#[test]
fn a_disputed_note_on_a_change_that_agrees_is_a_warning() {
    let site = fixture("published/stated-changes");
    let table = std::fs::read_to_string(site.path().join("data/results/2023/khoi.toml")).unwrap();
    let table = table.replace(
        "change = { points = -3 }",
        "change = { points = -3, disputed = \"Không có gì.\" }",
    );
    put(site.path(), "data/results/2023/khoi.toml", &table);
    let built = build_ok(site.path());
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains("data/results/2023/khoi.toml:21:36")
            && warnings.contains("agrees with the figure derived from the tables"),
        "{warnings}"
    );
}

#[test]
fn a_disputed_regional_rank_shows_both_ranks_and_the_note() {
    let page = published("stated-regions").page("xep-hang/2023/tinh/chi-so/");
    let c = all(&page, "#chi-so table.ranking tbody td.regional")
        .into_iter()
        .find(|t| t.contains("(công bố"))
        .unwrap();
    assert_eq!(c, "2/2 Miền Trung (công bố: thứ 1/2)");
    let notes = all(&page, "#chi-so div.note.disputed");
    assert!(
        notes.iter().any(|n| n.starts_with(
            "Tỉnh C: thứ hạng trong Miền Trung đã công bố (thứ 1/2) khác số liệu tính từ bảng. Báo Thử"
        )),
        "{notes:?}"
    );
}

#[test]
fn ha_tinhs_published_changes_agree_with_the_tables() {
    // FACTS.md: PAR Index 2022–2024 down 20, up 10, up 3; SIPAS 2022–2024
    // down 2, up 3, down 12; PAPI 2022–2023 down 1, up 1. Each is stated in
    // data/results and checked, so the build passing is the check; the
    // unit's page marks them as agreeing.
    let page = build_ok(&example_root()).page("don-vi/ha-tinh/");
    let agreeing = |index: &str| {
        all(
            &page,
            &format!(
                "table.history[data-index=\"{index}\"] span.change[title=\"Khớp với số liệu đã công bố\"]"
            ),
        )
    };
    assert_eq!(
        agreeing("par-index"),
        ["tăng 3 bậc", "tăng 10 bậc", "giảm 20 bậc"]
    );
    assert_eq!(
        agreeing("sipas"),
        ["giảm 12 bậc", "tăng 3 bậc", "giảm 2 bậc"]
    );
    assert_eq!(agreeing("papi"), ["tăng 1 bậc", "giảm 1 bậc"]);
}

/// The minimal site with its 2023 table moved to 2024: 2022 is the year
/// before the data has, 2023 is missing.
fn with_a_year_missing(extra: &str) -> tempfile::TempDir {
    let site = fixture("minimal");
    let root = site.path();
    let table = std::fs::read_to_string(root.join("data/results/2023/khoi.toml")).unwrap();
    std::fs::remove_dir_all(root.join("data/results/2023")).unwrap();
    let table = table.replace("year = 2023", "year = 2024").replace(
        "unit = \"don-vi-a\"\n",
        &format!("unit = \"don-vi-a\"\n{extra}"),
    );
    put(root, "data/results/2024/khoi.toml", &table);
    put(
        root,
        "content/tin-tuc/bai-mot.md",
        "+++\ntitle = \"a\"\ndate = 2024-05-07\n+++\n",
    );
    site
}

#[test]
fn a_change_across_a_missing_year_names_the_year_it_is_against() {
    let site = with_a_year_missing("");
    let built = build_ok(site.path());
    let page = built.page("don-vi/don-vi-a/");
    let changes = all(&page, "td");
    assert!(
        changes.iter().any(|c| c == "tăng 2 bậc so với năm 2022"),
        "{changes:?}"
    );
    let card = page
        .select(&sel("meta[property=\"og:image:alt\"]"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap_or_default()
        .to_owned();
    assert!(
        card.ends_with("tăng 2 bậc so với năm 2022 (tính từ bảng)"),
        "{card}"
    );
}

#[test]
fn a_published_change_without_since_is_against_the_year_before_not_an_earlier_one() {
    // "Up 7" against 2023, which the data lacks: shown as published, not
    // checked against 2022 (where A went up 2).
    let site = with_a_year_missing("change = { places = 7 }\n");
    let built = build_ok(site.path());
    let page = built.page("xep-hang/2024/khoi/");
    let first = all(&page, "table.ranking tbody td.change-cell")[0].clone();
    assert!(first.contains("tăng 7 bậc"), "{first}");
}

#[test]
fn no_change_is_derived_across_a_year_the_unit_was_left_out() {
    let site = fixture("minimal");
    let root = site.path();
    let table = std::fs::read_to_string(root.join("data/results/2023/khoi.toml")).unwrap();
    // 2023 leaves A out; 2024 has it again.
    put(
        root,
        "data/results/2024/khoi.toml",
        &table.replace("year = 2023", "year = 2024"),
    );
    let without_a = table
        .replace("[[result]]\nunit = \"don-vi-a\"\nscore = 90\n", "")
        .replace(
            "complete = true\n",
            "complete = true\nexcluded = [{ unit = \"don-vi-a\", reason = \"chưa công bố\" }]\n",
        );
    assert_ne!(without_a, table);
    put(root, "data/results/2023/khoi.toml", &without_a);
    let built = build_ok(root);
    let page = built.page("xep-hang/2024/khoi/");
    let first = all(&page, "table.ranking tbody td.change-cell")[0].clone();
    assert_eq!(first, "không so sánh (năm 2023 không có trong bảng)");
}

#[test]
fn a_published_points_change_prints_as_written_in_the_score_change_column() {
    // No earlier result: the change is shown as published.
    let site = fixture("minimal");
    let root = site.path();
    std::fs::remove_dir_all(root.join("data/results/2022")).unwrap();
    let table = std::fs::read_to_string(root.join("data/results/2023/khoi.toml")).unwrap();
    put(
        root,
        "data/results/2023/khoi.toml",
        &table.replace(
            "unit = \"don-vi-a\"\n",
            "unit = \"don-vi-a\"\nchange = { places = 5, points = 1.2 }\n",
        ),
    );
    let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
    put(
        root,
        "config.toml",
        &format!("home_unit = \"don-vi-a\"\n{config}"),
    );
    let built = build_ok(root);
    let page = built.page("chi-so/chi-so/");
    let cells = all(&page, "table.history tr[data-year=\"2023\"] td");
    assert_eq!(cells[1], "+1,2", "{cells:?}");
    assert_eq!(
        cells[3], "tăng 5 bậc, tăng 1,2 điểm phần trăm (công bố)",
        "{cells:?}"
    );
}

/// An article quoting a change that was published and kept against the
/// derived one (`disputed`) says both, as the pages do; one published
/// against another year than the derived one is quoted as published.
#[test]
fn an_article_quotes_a_disputed_or_other_year_change_as_published() {
    let dir = example_copy();
    let sipas = dir.path().join("data/results/2024/sipas.json");
    let text = std::fs::read_to_string(&sipas).unwrap();
    let text = text.replace(
        r#""change": { "places": -12 }"#,
        r#""change": { "places": -10, "disputed": "Báo in nhầm." }"#,
    );
    std::fs::write(&sipas, text).unwrap();
    // The 2022 PAR Index left out: its 2023 change ("tăng 10 bậc", against
    // 2022) can only be derived against 2021.
    std::fs::remove_file(dir.path().join("data/results/2022/par-index.toml")).unwrap();
    let built = build_ok(dir.path());
    let article = one(&built.page("tin-tuc/chi-so-cchc-nam-2024/"), "article");
    assert!(
        article.contains("giảm 10 bậc (công bố; tính từ bảng: giảm 12 bậc so với năm 2023)"),
        "{article}"
    );
    let article = one(&built.page("tin-tuc/chi-so-cchc-nam-2023/"), "article");
    assert!(
        article.contains("tăng 10 bậc so với năm 2022 (số liệu công bố)"),
        "{article}"
    );
    assert!(!article.contains("so với năm 2021"), "{article}");
}

/// A published change's points keep the trailing zeros they were written
/// with, on the page and in the downloads ("-3.00" is not "giảm 3").
#[test]
fn a_published_changes_points_print_as_written() {
    let site = fixture("published/stated-changes");
    let path = site.path().join("data/results/2023/khac.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("points = -2.13", "points = -3.00")).unwrap();
    let built = build_ok(site.path());
    let csv = std::fs::read_to_string(built.out.join("du-lieu/2023/khac/chi-so.csv")).unwrap();
    assert!(csv.contains(",3,-3.00,,"), "{csv}");
}
