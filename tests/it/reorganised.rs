//! Rankings of different fields: after the 2025 merger Vietnam ranks 34
//! provinces, not 63. A place gained between "15/63" and "24/34" measures
//! nothing, so no page, chart or card prints one; the score change still
//! holds, and a published change is shown as published.

use crate::common::*;

/// The example site with Hà Tĩnh's PAR Index 2025 line out of 34 provinces
/// (`extra` added to the line).
fn merged_copy(extra: &str) -> tempfile::TempDir {
    let dir = example_copy();
    put(
        dir.path(),
        "data/results/2025/par-index.toml",
        &format!(
            r#"index = "par-index"
year = 2025
group = "tinh-thanh"
complete = false
source = {{ title = "Báo Hà Tĩnh", url = "https://example.org/par-2025" }}

[[result]]
unit = "ha-tinh"
score = 88.50
rank = 24
of = 34
{extra}
"#
        ),
    );
    dir
}

/// [`merged_copy`], built.
fn merged_site(extra: &str) -> Built {
    let dir = merged_copy(extra);
    let built = build_ok(dir.path());
    // The temporary folder lives as long as the built site.
    std::mem::forget(dir);
    built
}

#[test]
fn no_places_are_derived_between_63_provinces_and_34() {
    let built = merged_site("");
    let why = "không so sánh thứ hạng: năm 2024 xếp hạng 63 đơn vị, năm 2025 xếp hạng 34";
    let ranking = built.page("xep-hang/2025/tinh-thanh/");
    let change = one(&ranking, "table.ranking tbody td.change-cell");
    assert_eq!(change, format!("giảm 1,22 điểm phần trăm ({why})"));
    let unit = built.page("don-vi/ha-tinh/");
    let text = unit.root_element().text().collect::<String>();
    assert!(text.contains(why), "{text}");
    assert!(!text.contains("giảm 9"), "{text}");
    // The rank chart does not join 15/63 to 24/34, and says so.
    let svg = std::fs::read_to_string(built.out.join("don-vi/ha-tinh/index.html")).unwrap();
    assert!(
        svg.contains("Không nối 2024 với 2025: xếp hạng 63 đơn vị, rồi 34"),
        "the rank chart's note"
    );
    // The home page's card: the score change, and a score sparkline (one
    // rank since the field changed).
    let home = built.page("");
    let cards = all(&home, ".scorecard");
    let card = cards.iter().find(|c| c.contains("PAR Index")).unwrap();
    assert!(card.contains(why), "{card}");
    assert!(!card.contains("bậc"), "{card}");
    assert!(card.contains("Điểm qua các năm"), "{card}");
    let csv = std::fs::read_to_string(built.out.join("du-lieu/ket-qua.csv")).unwrap_or_default();
    for line in csv.lines().filter(|l| l.contains("2025")) {
        assert!(!line.contains(",-9,"), "{line}");
    }
}

#[test]
fn a_published_change_across_the_merger_is_shown_as_published() {
    let built = merged_site("change = { places = -9 }");
    let ranking = built.page("xep-hang/2025/tinh-thanh/");
    let change = one(&ranking, "table.ranking tbody td.change-cell");
    assert!(change.contains("(công bố: giảm 9 bậc)"), "{change}");
    assert!(!change.contains("năm 2024: 15"), "{change}");
}

/// A published change no ranking allows is an error, even where none is
/// derived (adv18 m4): 24th of 34 after a fall of 40 places would have been
/// -16th; after a rise of 50, 74th of 63; a figure gone wrong prints
/// nothing.
#[test]
fn a_published_change_no_ranking_allows_is_an_error_across_the_merger() {
    for (places, then) in [
        ("-40", "-16"),
        ("50", "74"),
        ("-9223372036854775808", "-9223372036854775784"),
    ] {
        let dir = merged_copy(&format!("change = {{ places = {places} }}"));
        let report = build_err(dir.path());
        let expected = match then {
            "74" => "ranked 24 now, and the group's table of 2024 ranked only 63 units".to_owned(),
            _ => format!("ranked 24 now, it would have ranked {then} in 2024"),
        };
        assert!(report.contains(&expected), "{places}: {report}");
        assert!(report.contains("par-index.toml:12:21"), "{report}");
    }
}

/// A published change giving points that agree and places that cannot be
/// compared shows the places as published (adv21 M1): they were dropped
/// with the points, on every page.
#[test]
fn published_places_beside_points_that_agree_are_shown_across_the_merger() {
    let built = merged_site("change = { places = 5, points = -1.22 }");
    let ranking = built.page("xep-hang/2025/tinh-thanh/");
    let change = one(&ranking, "table.ranking tbody td.change-cell");
    assert!(change.contains("giảm 1,22 điểm phần trăm"), "{change}");
    assert!(change.contains("(công bố: tăng 5 bậc)"), "{change}");
    for page in ["", "don-vi/ha-tinh/"] {
        let text = built.page(page).root_element().text().collect::<String>();
        assert!(
            text.contains("(công bố: tăng 5\u{a0}bậc)"),
            "{page}: {text}"
        );
    }
}

/// An article's full sentence of a line whose places are not compared says
/// why beside the points (adv21 m3), as the change cell does.
#[test]
fn an_articles_full_sentence_says_why_places_are_not_compared() {
    let dir = merged_copy("");
    let root = dir.path();
    put(
        root,
        "content/tin-tuc/par-2025.md",
        "+++\ntitle = \"PAR 2025\"\ndate = 2026-05-01\n+++\n\n\
         Đầy đủ: <!-- chiso:ket-qua chi-so=par-index nam=2025 -->.\n",
    );
    let built = build_ok(root);
    let text = built
        .page("tin-tuc/par-2025/")
        .root_element()
        .text()
        .collect::<String>()
        .replace('\u{a0}', " ");
    assert!(
        text.contains(
            "xếp thứ 24/34, giảm 1,22 điểm phần trăm so với năm 2024 (tính từ bảng; \
             không so sánh thứ hạng: năm 2024 xếp hạng 63 đơn vị, năm 2025 xếp hạng 34)"
        ),
        "{text}"
    );
}

/// An article quoting the published change says, as the pages do, that
/// it crosses two rankings of different fields (adv17 m4).
#[test]
fn an_article_quoting_a_change_across_the_merger_says_so() {
    let dir = merged_copy("change = { places = -9 }");
    let root = dir.path();
    put(
        root,
        "content/tin-tuc/sap-nhap.md",
        "+++\ntitle = \"Sáp nhập\"\ndate = 2026-05-01\n+++\n\
         Đầy đủ: <!-- chiso:ket-qua chi-so=par-index nam=2025 -->.\n\n\
         Thay đổi: <!-- chiso:ket-qua chi-so=par-index nam=2025 hien=thay-doi -->.\n",
    );
    let built = build_ok(root);
    let text = one(&built.page("tin-tuc/sap-nhap/"), "article");
    let why = "không so sánh thứ hạng: năm 2024 xếp hạng 63 đơn vị, năm 2025 xếp hạng 34";
    assert!(
        text.contains(&format!(
            "Đầy đủ: 88,50%, xếp thứ 24/34, giảm 9 bậc (số liệu công bố; {why})."
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("Thay đổi: giảm 9 bậc (số liệu công bố; {why}).")),
        "{text}"
    );
}

/// Adds a province `id` to the site at `root`, merged into Hà Tĩnh after
/// `active_to`.
fn merge_into_ha_tinh(root: &std::path::Path, id: &str, name: &str, active_to: i32) {
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    put(
        root,
        "data/units.toml",
        &format!(
            "{units}\n[[unit]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"Tỉnh\"\n\
             group = \"tinh-thanh\"\nmerged_into = \"ha-tinh\"\nactive_to = {active_to}\n"
        ),
    );
}

/// A published change of a unit that absorbed another says, beside the
/// publication's figure, why chiso compares nothing, in the change cell
/// and in `ket-qua` (adv22 m1: "tăng 20 bậc (công bố)" alone, where an
/// unmerged province's said why).
#[test]
fn a_published_change_of_a_unit_that_absorbed_another_says_why_nothing_is_compared() {
    let dir = merged_copy("change = { places = 5 }");
    let root = dir.path();
    merge_into_ha_tinh(root, "tinh-cu", "Tỉnh Cũ", 2024);
    put(
        root,
        "content/tin-tuc/sap-nhap.md",
        "+++\ntitle = \"Sáp nhập\"\ndate = 2025-08-01\n+++\n\n\
         Thay đổi: <!-- chiso:ket-qua chi-so=par-index nam=2025 don-vi=ha-tinh hien=thay-doi -->.\n",
    );
    let built = build_ok(root);
    let why = "không so sánh: sau năm 2024 sáp nhập thêm Tỉnh Cũ";
    let cell = one(
        &built.page("xep-hang/2025/tinh-thanh/"),
        "table.ranking tbody td.change-cell",
    );
    assert!(cell.contains(&format!("(công bố; {why})")), "{cell}");
    let article = all(&built.page("tin-tuc/sap-nhap/"), "article p").join("\n");
    assert!(
        article.contains(&format!("tăng 5 bậc (số liệu công bố; {why})")),
        "{article}"
    );
}

/// A unit merged into another before it had any result: the page it
/// joined names it, but promises no results and draws no empty section.
#[test]
fn a_merged_unit_without_results_leaves_no_empty_section() {
    let dir = example_copy();
    let root = dir.path();
    merge_into_ha_tinh(root, "tinh-cu", "Tỉnh Cũ", 2024);
    let built = build_ok(root);
    let page = built.page("don-vi/ha-tinh/");
    assert_eq!(
        all(&page, "p.merged"),
        ["Đơn vị đã sáp nhập vào Hà Tĩnh: Tỉnh Cũ."]
    );
    // Two merged units are named in one sentence.
    merge_into_ha_tinh(root, "tinh-cu-2", "Tỉnh Cũ Hai", 2024);
    let built = build_ok(root);
    let page = built.page("don-vi/ha-tinh/");
    assert_eq!(
        all(&page, "p.merged"),
        ["Đơn vị đã sáp nhập vào Hà Tĩnh: Tỉnh Cũ, Tỉnh Cũ Hai."]
    );
    assert!(all(&page, "section.merged-history").is_empty());
}

/// A result written for a unit after it was merged names its successor,
/// the unit the result likely belongs to.
#[test]
fn a_result_after_a_merger_names_the_successor() {
    let dir = fixture("national-small");
    let root = dir.path();
    put(
        root,
        "data/results/2025/par-index.toml",
        "index = \"par-index\"\nyear = 2025\ngroup = \"tinh-thanh\"\ncomplete = false\n\n\
         [[result]]\nunit = \"quang-binh\"\nscore = 85.10\nrank = 20\nof = 34\n",
    );
    let report = build_err(root);
    assert!(
        report.contains("unit `quang-binh` is ranked in 2025")
            && report.contains("the unit was merged into `quang-tri`"),
        "{report}"
    );
}

/// A unit that absorbed another is not the unit it was: its score and rank
/// lines break at the merger, with a note, and its cards draw no trend
/// across it (adv18 M3), as its change cell refuses to compare.
#[test]
fn the_charts_do_not_join_a_unit_across_its_merger() {
    let dir = example_copy();
    let root = dir.path();
    merge_into_ha_tinh(root, "tinh-cu", "Tỉnh Cũ", 2023);
    // Its article quotes changes across the merger, which are refused.
    std::fs::remove_file(root.join("content/tin-tuc/chi-so-cchc-nam-2024.md")).unwrap();
    let built = build_ok(root);
    let html = std::fs::read_to_string(built.out.join("don-vi/ha-tinh/index.html")).unwrap();
    assert!(
        html.contains("Không nối 2023 với 2024: sau năm 2023 sáp nhập thêm"),
        "the charts' note"
    );
    let page = built.page("don-vi/ha-tinh/");
    // The PAR Index's score line: 2023 and 2024 are two runs, not one.
    let chart = page
        .select(&sel("figure svg.chart-history"))
        .find(|svg| svg.html().contains("sáp nhập thêm"))
        .expect("a score chart with the merger's note");
    let dots = chart.select(&sel("circle.dot")).count();
    let lines: Vec<usize> = chart
        .select(&sel("polyline.line"))
        .map(|l| l.value().attr("points").unwrap_or("").split(' ').count())
        .collect();
    assert!(dots >= 2, "{dots}");
    assert!(lines.iter().all(|&n| n < dots), "{lines:?} of {dots} dots");
    // The card of the PAR Index has one year since the merger: no trend.
    let card = page
        .select(&sel(".scorecard"))
        .find(|c| c.text().collect::<String>().contains("PAR Index"))
        .unwrap();
    assert!(
        card.select(&sel("svg.sparkline")).next().is_none(),
        "{}",
        card.html()
    );
}

/// A shortcode asking for the change of a unit that absorbed several
/// names them all, as the change cell does (adv18 m8).
#[test]
fn a_change_refused_across_a_merger_names_every_unit_merged() {
    let dir = example_copy();
    let root = dir.path();
    merge_into_ha_tinh(root, "tinh-cu", "Tỉnh Cũ", 2023);
    merge_into_ha_tinh(root, "tinh-cu-2", "Tỉnh Cũ Hai", 2023);
    std::fs::remove_file(root.join("content/tin-tuc/chi-so-cchc-nam-2024.md")).unwrap();
    // Without the change the publication gave, there is none to print.
    let table = std::fs::read_to_string(root.join("data/results/2024/par-index.toml")).unwrap();
    let table: String = table
        .lines()
        .filter(|l| !l.starts_with("change = "))
        .map(|l| format!("{l}\n"))
        .collect();
    put(root, "data/results/2024/par-index.toml", &table);
    put(
        root,
        "content/tin-tuc/doi.md",
        "+++\ntitle = \"Đổi\"\ndate = 2024-05-02\n+++\n\n\
         <!-- chiso:ket-qua chi-so=par-index nam=2024 hien=thay-doi -->\n",
    );
    let errors = build_err(root);
    assert!(
        errors.contains("after 2023, Tỉnh Cũ and Tỉnh Cũ Hai joined it in a merger"),
        "{errors}"
    );
}

/// Last year's file copied into this year's folder with its `year` left
/// (adv18 m6): one error at `year` naming the units that exist only in the
/// folder's year, not an error at each of their lines and a list of units
/// "missing" besides. Without such units, the mismatch stays a warning.
#[test]
fn a_year_left_from_last_years_file_is_one_error_at_the_year() {
    let dir = fixture("minimal");
    let root = dir.path();
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    let units = units.replace(
        "name = \"Đơn vị A\"\ngroup = \"khoi\"\n",
        "name = \"Đơn vị A\"\ngroup = \"khoi\"\nactive_to = 2023\nmerged_into = \"don-vi-e\"\n",
    ) + "\n[[unit]]\nid = \"don-vi-e\"\nname = \"Đơn vị E\"\ngroup = \"khoi\"\nactive_from = 2024\n";
    put(root, "data/units.toml", &units);
    let copied = "index = \"chi-so\"\nyear = 2023\ngroup = \"khoi\"\ncomplete = true\n\
                  source = { title = \"QĐ\" }\n\n\
                  [[result]]\nunit = \"don-vi-e\"\nscore = 91\n\n\
                  [[result]]\nunit = \"don-vi-b\"\nscore = 85\n\n\
                  [[result]]\nunit = \"don-vi-c\"\nscore = 80\n\n\
                  [[result]]\nunit = \"don-vi-d\"\nscore = 70\n";
    put(root, "data/results/2024/khoi.toml", copied);
    let report = build_err(root);
    assert!(
        report.contains(
            "the table says year 2023 but is in the folder of 2024, and 1 of its units were \
             assessed in 2024, not in 2023 (`don-vi-e`)"
        ),
        "{report}"
    );
    assert!(
        report.contains("data/results/2024/khoi.toml:2:8"),
        "{report}"
    );
    assert!(report.contains("make `year` 2024"), "{report}");
    assert!(!report.contains("ranked in 2023"), "{report}");
    assert!(!report.contains("leaves out"), "{report}");
}

/// A table of a year before a merger says where each merged unit went
/// (adv18 m3): "(nay thuộc Hà Tĩnh)", at the end of a chain of mergers
/// too; the unit it joined gets no such words.
#[test]
fn a_merged_units_line_says_which_unit_it_is_part_of_now() {
    let dir = example_copy();
    let root = dir.path();
    merge_into_ha_tinh(root, "tinh-cu", "Tỉnh Cũ", 2024);
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    put(
        root,
        "data/units.toml",
        &format!(
            "{units}\n[[unit]]\nid = \"tinh-xua\"\nname = \"Tỉnh Xưa\"\nkind = \"Tỉnh\"\n\
             group = \"tinh-thanh\"\nmerged_into = \"tinh-cu\"\nactive_to = 2024\n"
        ),
    );
    let table = std::fs::read_to_string(root.join("data/results/2024/par-index.toml")).unwrap();
    put(
        root,
        "data/results/2024/par-index.toml",
        &format!(
            "{table}\n[[result]]\nunit = \"tinh-cu\"\nscore = 80.10\nrank = 40\nof = 63\n\n\
             [[result]]\nunit = \"tinh-xua\"\nscore = 79.20\nrank = 45\nof = 63\n"
        ),
    );
    let built = build_ok(root);
    let page = built.page("xep-hang/2024/tinh-thanh/par-index/");
    let names = all(&page, "table.ranking tbody th.unit");
    assert!(
        names.contains(&"Tỉnh Cũ (nay thuộc Hà Tĩnh)".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&"Tỉnh Xưa (nay thuộc Hà Tĩnh)".to_owned()),
        "{names:?}"
    );
    assert!(names.contains(&"Hà Tĩnh".to_owned()), "{names:?}");
}

/// How units end is checked (adv18 m7): one assessed after the day it was
/// abolished, and one merged into a unit that ended the same year merged
/// into another, are warnings at their keys; a chain over the years
/// (merged in 2019 into a unit merged in 2025) is not.
#[test]
fn a_unit_assessed_after_its_abolition_or_merged_into_a_merged_unit_is_warned_of() {
    let dir = example_copy();
    let root = dir.path();
    merge_into_ha_tinh(root, "tinh-cu", "Tỉnh Cũ", 2024);
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    let unit = |id: &str, name: &str, rest: &str| {
        format!("\n[[unit]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"Tỉnh\"\ngroup = \"tinh-thanh\"\n{rest}")
    };
    put(
        root,
        "data/units.toml",
        &format!(
            "{units}{}{}{}",
            unit(
                "tinh-xua",
                "Tỉnh Xưa",
                "merged_into = \"tinh-cu\"\nactive_to = 2024\n"
            ),
            unit(
                "tinh-cu-hon",
                "Tỉnh Cũ Hơn",
                "merged_into = \"tinh-cu\"\nactive_to = 2019\n"
            ),
            unit(
                "tinh-giai-the",
                "Tỉnh Giải Thể",
                "abolished = 2023-07-01\nactive_to = 2024\n"
            ),
        ),
    );
    let built = build_ok(root);
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains(
            "unit `tinh-xua` is merged into `tinh-cu`, but `tinh-cu` ended the same year, merged into `ha-tinh`"
        ),
        "{warnings}"
    );
    assert!(
        warnings.contains("write `merged_into = \"ha-tinh\"`"),
        "{warnings}"
    );
    assert!(!warnings.contains("`tinh-cu-hon` is merged"), "{warnings}");
    assert!(
        warnings.contains(
            "unit `tinh-giai-the` was abolished on 01/07/2023 (`abolished`), but is assessed until 2024"
        ),
        "{warnings}"
    );
}
