//! Pages that lead with the news (issue 17): the home page and unit pages
//! open with a scorecard per index (the rank as the largest figure, the
//! change with an arrow and in words, the score, the group's average, the
//! year and a sparkline); the national example, without a home unit, leads
//! with each index's leader; the illustrative-data warning sits next to the
//! figures it qualifies; a unit's notes sit under their year.

use std::sync::OnceLock;

use scraper::{ElementRef, Html};

use crate::common::*;

fn ha_tinh() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root()))
}

fn national() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root().join("examples/national")))
}

/// The first card of `index` on the page.
fn card<'a>(page: &'a Html, index: &str) -> ElementRef<'a> {
    let css = format!("article.scorecard[data-index=\"{index}\"]");
    page.select(&sel(&css))
        .next()
        .unwrap_or_else(|| panic!("no card {css}"))
}

fn inner(card: ElementRef, css: &str) -> String {
    card.select(&sel(css)).next().map(text).unwrap_or_default()
}

/// Whether `a` comes before `b` in the page (by their first occurrence in
/// the HTML).
fn before(page: &Html, a: &str, b: &str) -> bool {
    let html = page.html();
    match (html.find(a), html.find(b)) {
        (Some(x), Some(y)) => x < y,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Hà Tĩnh's published figures (FACTS.md) on its cards: PAR Index 2024
/// 15/63 up 3 at 89,72%; SIPAS 2024 16/63 down 12 at 85,17%; PAPI 2023
/// 7/61 up 1 at 45,42, national average 42,3265.
fn assert_ha_tinh_cards(page: &Html, whose: &str) {
    let par = card(page, "par-index");
    assert_eq!(inner(par, ".scorecard-figure"), "15/63", "{whose}");
    assert_eq!(inner(par, ".scorecard-change"), "▲ tăng 3 bậc", "{whose}");
    assert_eq!(inner(par, ".scorecard-score"), "89,72%", "{whose}");
    assert!(inner(par, "h3").contains("2024"), "{whose}");
    let sipas = card(page, "sipas");
    assert_eq!(inner(sipas, ".scorecard-figure"), "16/63");
    assert_eq!(inner(sipas, ".scorecard-change"), "▼ giảm 12 bậc");
    assert_eq!(inner(sipas, ".scorecard-score"), "85,17%");
    let papi = card(page, "papi");
    assert_eq!(inner(papi, ".scorecard-figure"), "7/61");
    assert_eq!(inner(papi, ".scorecard-change"), "▲ tăng 1 bậc");
    assert_eq!(inner(papi, ".scorecard-score"), "45,42 điểm");
    assert_eq!(inner(papi, ".scorecard-average"), "42,3265 điểm");
    assert!(inner(papi, "h3").contains("2023"));
    // The rank over the years, 1 at the top, with every year in words.
    let spark = par
        .select(&sel("svg.sparkline.rank"))
        .next()
        .expect("a rank sparkline");
    assert_eq!(spark.value().attr("role"), Some("img"));
    assert_eq!(
        spark.value().attr("aria-label"),
        Some("Thứ hạng PAR Index của Hà Tĩnh qua các năm: 2021: 8/63; 2022: 28/63; 2023: 18/63; 2024: 15/63")
    );
}

#[test]
fn the_home_page_opens_with_ha_tinh_s_scorecards() {
    let page = ha_tinh().page("");
    assert_eq!(page.select(&sel("article.scorecard")).count(), 3);
    assert_ha_tinh_cards(&page, "home");
    // The cards come before the intro and every table.
    assert!(before(&page, "class=\"scorecard", "<table"));
    assert!(before(&page, "class=\"scorecard", "class=\"intro\""));
    // Hà Tĩnh's figures are official: no warning above them; the warning
    // about the provincial tables follows those tables' summaries.
    assert!(before(&page, "class=\"scorecard", "illustrative-note"));
    let note = one(&page, "section.blocks .illustrative-note");
    assert!(note.starts_with("Số liệu minh họa."), "{note}");
    assert_eq!(page.select(&sel("main .illustrative-note")).count(), 1);
}

#[test]
fn a_unit_page_opens_with_its_scorecards_on_both_sites() {
    assert_ha_tinh_cards(&ha_tinh().page("don-vi/ha-tinh/"), "unit page");
    let national = national().page("don-vi/ha-tinh/");
    assert!(national.select(&sel("article.scorecard")).count() >= 2);
    let page = ha_tinh().page("don-vi/ha-tinh/");
    assert!(before(&page, "class=\"scorecard", "<table"));
    assert_eq!(page.select(&sel("main .illustrative-note")).count(), 0);
}

#[test]
fn illustrative_headline_figures_are_warned_about_beside_the_cards() {
    // The city's rank (1/13) is published, its score illustrative.
    let page = ha_tinh().page("don-vi/ubnd-thanh-pho-ha-tinh/");
    let card = card(&page, "cchc-tinh");
    assert!(card.value().classes().any(|c| c == "illustrative"));
    // Marked on the figure, before what is said of its origin.
    let score = inner(card, ".scorecard-score");
    let figure = score.split(" (").next().unwrap_or_default();
    assert!(figure.ends_with('*'), "{score}");
    let notes = all(&page, "main .illustrative-note");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(
        page.select(&sel("section.headlines .illustrative-note"))
            .count(),
        1
    );
    assert!(notes[0].contains("thứ hạng, xếp loại"), "{:?}", notes[0]);
}

#[test]
fn the_national_home_page_leads_with_each_index_s_leader() {
    let page = national().page("");
    let cards: Vec<_> = page.select(&sel("article.scorecard")).collect();
    assert_eq!(cards.len(), 3, "one leader per index");
    for c in &cards {
        let figure = inner(*c, ".scorecard-figure");
        assert!(figure.starts_with("1/"), "{figure}");
        assert!(inner(*c, ".scorecard-unit").starts_with("Dẫn đầu: "));
    }
    let par = card(&page, "par-index");
    assert_eq!(inner(par, ".scorecard-average"), "86,98%");
    // The leaders' scores are illustrative: the warning follows the cards.
    assert_eq!(
        page.select(&sel("section.headlines .illustrative-note"))
            .count(),
        1
    );
    assert!(before(&page, "class=\"scorecard", "illustrative-note"));
}

#[test]
fn the_warning_says_only_what_the_page_shows() {
    for (path, page) in ha_tinh()
        .all_pages()
        .into_iter()
        .chain(national().all_pages())
    {
        for note in all(&page, "main .illustrative-note") {
            let regions = page
                .select(&sel("p.region-figure, td.regional, .regional"))
                .count();
            if note.contains("theo vùng") {
                assert!(regions > 0, "{path}: {note}");
            }
            assert!(!note.contains("  "), "{path}: {note}");
        }
    }
}

#[test]
fn each_note_of_a_unit_sits_under_its_year() {
    for built in [ha_tinh(), national()] {
        let page = built.page("don-vi/ha-tinh/");
        let notes = all(
            &page,
            "table.history[data-index=\"par-index\"] tr.row-notes[data-notes-year=\"2023\"]",
        );
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].starts_with("Ghi chú năm 2023"), "{notes:?}");
        assert!(notes[0].contains("sau Nghệ An"), "{notes:?}");
        // No note of another year under 2023, and none left below the table.
        assert!(!notes[0].contains("thành phố Huế (tỉnh"), "{notes:?}");
        assert_eq!(page.select(&sel("section > div.note")).count(), 0);
    }
    let page = ha_tinh().page("don-vi/ha-tinh/");
    let y2024 = one(
        &page,
        "table.history[data-index=\"par-index\"] tr.row-notes[data-notes-year=\"2024\"]",
    );
    assert!(y2024.contains("sau thành phố Huế"), "{y2024}");
}

#[test]
fn a_year_page_warns_under_each_illustrative_table_only() {
    // 2023: PAR Index, SIPAS and PAPI are official; the province's own
    // three tables have illustrative scores.
    let page = ha_tinh().page("nam/2023/");
    let card = sel("section.table-card");
    let sections = page.select(&card);
    let (mut warned, mut official) = (0, 0);
    for s in sections {
        let marked = s.select(&sel(".illustrative-mark")).count() > 0;
        let noted = s.select(&sel(".illustrative-note")).count();
        let heading = s.select(&sel("h2")).next().map(text).unwrap_or_default();
        if marked {
            warned += 1;
            assert_eq!(noted, 1, "{}", text(s));
        }
        if !heading.starts_with("Chỉ số CCHC tỉnh") {
            official += 1;
            assert_eq!(noted, 0, "{}", text(s));
        }
    }
    assert!(warned > 0 && official > 0, "{warned} {official}");
    assert!(before(&page, "<h1", "illustrative-note"));
    // An index whose every table is illustrative keeps its page notice.
    let page = ha_tinh().page("chi-so/cchc-tinh/");
    assert!(before(&page, "illustrative-note", "<h1"));
}
