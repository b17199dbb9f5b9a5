//! Components in levels: `tests/fixtures/published/levels`, a DTI-like
//! index of three pillars over eight components with sub-indicators under
//! one, built and read as parsed HTML: the tree on the unit page, the
//! components' table with a header per level on the ranking page, ranks
//! derived, held and disputed; and the problems in a changed copy.

use std::path::Path;

use scraper::Html;

use crate::common::{all, build_err, build_ok, example_root, fixture, one, put, sel, text};

fn site() -> std::path::PathBuf {
    example_root().join("tests/fixtures/published/levels")
}

/// The component rows of a unit page's components table for `year`:
/// (level class, id, name, score, max, rank).
fn tree(page: &Html, year: i32) -> Vec<(String, String, String, String, String, String)> {
    let caption = format!("Điểm thành phần DTI thử năm {year}");
    let table = page
        .select(&sel("table.components"))
        .find(|t| one_in(*t, "caption") == caption)
        .unwrap_or_else(|| panic!("no components table for {year}"));
    table
        .select(&sel("tbody tr[data-component]"))
        .map(|tr| {
            let cells: Vec<String> = tr.select(&sel("td")).map(text).collect();
            (
                tr.value().attr("class").unwrap_or("").to_owned(),
                tr.value().attr("data-component").unwrap_or("").to_owned(),
                one_in(tr, "th"),
                cells[0].clone(),
                cells[1].clone(),
                cells.get(2).cloned().unwrap_or_default(),
            )
        })
        .collect()
}

fn one_in(el: scraper::ElementRef, css: &str) -> String {
    el.select(&sel(css)).next().map(text).unwrap_or_default()
}

#[test]
fn the_unit_page_shows_the_components_as_a_tree_with_their_ranks() {
    let built = build_ok(&site());
    let page = built.page("don-vi/don-vi-a");
    let rows = tree(&page, 2023);
    let ids: Vec<(&str, &str)> = rows.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
    assert_eq!(
        ids,
        [
            ("level-0", "chinh-quyen-so"),
            ("level-1", "nhan-thuc-so"),
            ("level-1", "the-che-so"),
            ("level-1", "ha-tang-so"),
            ("level-2", "ha-tang-mang"),
            ("level-2", "ha-tang-du-lieu"),
            ("level-0", "kinh-te-so"),
            ("level-1", "nhan-luc-so"),
            ("level-1", "an-toan-thong-tin"),
            ("level-1", "hoat-dong-kinh-te-so"),
            ("level-0", "xa-hoi-so"),
            ("level-1", "hoat-dong-xa-hoi-so"),
            ("level-1", "chuyen-doi-so-cong-dong"),
        ]
    );
    let row = |id: &str| rows.iter().find(|r| r.1 == id).unwrap().clone();
    // Published and agreeing with the table.
    assert_eq!(row("chinh-quyen-so").3, "31,25");
    assert_eq!(row("chinh-quyen-so").4, "40");
    assert_eq!(row("chinh-quyen-so").5, "1/4");
    // Derived from a number-only component: 9 > 8,5 > 7 > 6; the
    // source stated none, and the page says so beside it.
    assert_eq!(row("nhan-thuc-so").5, "2/4 (tính từ bảng)");
    // A tie on 7,25 with Đơn vị C: both first.
    assert_eq!(row("the-che-so").5, "1/4");
    // Given by three lines of four: the published rank is held.
    assert_eq!(row("ha-tang-mang").5, "5/63");
    assert_eq!(row("ha-tang-du-lieu").5, "—");

    // The chart draws the top level, its labels as the table prints them.
    let chart = page
        .select(&sel("svg.chart-components"))
        .next()
        .expect("a components chart");
    let labels: Vec<String> = chart.select(&sel("text.label")).map(text).collect();
    assert_eq!(labels, ["Chính quyền số", "Kinh tế số", "Xã hội số"]);
    let values: Vec<String> = chart.select(&sel("text.value")).map(text).collect();
    assert_eq!(values, ["31,25/40", "21,50/30", "23,25/30"]);
}

#[test]
fn a_partial_table_holds_the_published_component_ranks() {
    let built = build_ok(&site());
    let page = built.page("don-vi/don-vi-a");
    let rows = tree(&page, 2022);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].1, "chinh-quyen-so");
    assert_eq!(rows[0].5, "2/63");
    assert_eq!(rows[1].1, "nhan-thuc-so");
    assert_eq!(rows[1].5, "—");
}

#[test]
fn the_ranking_page_heads_the_components_table_level_by_level() {
    let built = build_ok(&site());
    let page = built.page("xep-hang/2023/khoi");
    let header: Vec<Vec<(String, String, String)>> = page
        .select(&sel("table.component-scores thead tr"))
        .map(|tr| {
            tr.select(&sel("th[data-component]"))
                .map(|th| {
                    let a = |name| th.value().attr(name).unwrap_or("1").to_owned();
                    (a("data-component"), a("colspan"), a("rowspan"))
                })
                .collect()
        })
        .collect();
    assert_eq!(header.len(), 3);
    let cell = |id: &str, colspan: &str, rowspan: &str| {
        (id.to_owned(), colspan.to_owned(), rowspan.to_owned())
    };
    assert_eq!(
        header[0],
        [
            cell("chinh-quyen-so", "6", "1"),
            cell("kinh-te-so", "4", "1"),
            cell("xa-hoi-so", "3", "1"),
        ]
    );
    assert_eq!(header[1][0], cell("chinh-quyen-so", "1", "2"));
    assert_eq!(header[1][3], cell("ha-tang-so", "3", "1"));
    assert_eq!(
        header[2],
        [
            cell("ha-tang-so", "1", "1"),
            cell("ha-tang-mang", "1", "1"),
            cell("ha-tang-du-lieu", "1", "1"),
        ]
    );
    // Thirteen columns in every line, in the header's order.
    let lines = page
        .select(&sel("table.component-scores tbody tr"))
        .collect::<Vec<_>>();
    assert_eq!(lines.len(), 4);
    for line in &lines {
        assert_eq!(line.select(&sel("td")).count(), 1 + 13);
    }
    let c = one(
        &page,
        "table.component-scores tr[data-unit=don-vi-c] td[data-component=xa-hoi-so]",
    );
    assert_eq!(c, "23,00 (hạng 2/4)");
    // A rank the source did not state says where it comes from.
    let derived = one(
        &page,
        "table.component-scores tr[data-unit=don-vi-b] td[data-component=nhan-thuc-so]",
    );
    assert_eq!(derived, "9,00 (hạng 1/4, tính từ bảng)");
    let missing = all(&page, "table.component-scores tr[data-unit=don-vi-c] td");
    assert_eq!(missing[5], "—", "Đơn vị C gives no ha-tang-mang");
}

#[test]
fn a_disputed_rank_shows_both_figures_and_the_note() {
    let built = build_ok(&site());
    let page = built.page("xep-hang/2023/khoi");
    let cell = one(
        &page,
        "table.component-scores tr[data-unit=don-vi-d] td[data-component=kinh-te-so]",
    );
    assert_eq!(cell, "15,00 (hạng công bố: 3/4; tính từ bảng: 4)");
    let note = one(&page, ".disputed-note[data-component=kinh-te-so]");
    assert!(note.contains("Báo cáo ghi hạng 3"), "{note}");
    let unit = built.page("don-vi/don-vi-d");
    let rows = tree(&unit, 2023);
    let kinh_te = rows.iter().find(|r| r.1 == "kinh-te-so").unwrap();
    assert_eq!(kinh_te.5, "công bố: 3/4; tính từ bảng: 4");
    assert!(
        built.report.warnings.is_empty(),
        "{}",
        built.report.warnings
    );
}

fn changed(file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let dir = fixture("published/levels");
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {file}");
    put(dir.path(), file, &text.replacen(from, to, 1));
    dir
}

#[test]
fn a_disputed_sum_shows_both_values_and_an_agreeing_one_warns() {
    let results = "data/results/2023/khoi.toml";
    let dir = changed(
        results,
        "chinh-quyen-so = 21\n",
        "chinh-quyen-so = { score = 22, disputed = \"Báo cáo cộng nhầm.\" }\n",
    );
    // The total stays right: the pillars add up to it with 22 instead of 21.
    let text = std::fs::read_to_string(dir.path().join(results)).unwrap();
    put(
        dir.path(),
        results,
        &text.replacen("score = 54\n", "score = 55\n", 1),
    );
    // An article quoting the score says both, as the page does.
    put(
        dir.path(),
        "content/tin-tuc/linh-vuc.md",
        "+++\ntitle = \"Lĩnh vực\"\ndate = 2024-05-02\n+++\n\nD: <!-- chiso:ket-qua chi-so=dti-thu nam=2023 don-vi=don-vi-d linh-vuc=chinh-quyen-so -->.\n",
    );
    let built = build_ok(dir.path());
    let rows = tree(&built.page("don-vi/don-vi-d"), 2023);
    assert_eq!(rows[0].3, "công bố: 22,00; tính từ bảng: 21,00");
    let article = one(&built.page("tin-tuc/linh-vuc/"), "article");
    assert!(
        article.contains("D: 22,00/40 (công bố; tính từ bảng: 21,00)."),
        "{article}"
    );

    let dir = changed(
        results,
        "chinh-quyen-so = 29.5\n",
        "chinh-quyen-so = { score = 29.5, disputed = \"Không rõ.\" }\n",
    );
    let built = build_ok(dir.path());
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains("component `chinh-quyen-so` of `don-vi-b` has `disputed`"),
        "{warnings}"
    );
}

#[test]
fn a_parent_of_another_index_is_named() {
    let dir = fixture("published/levels");
    let indices = dir.path().join("data/indices.toml");
    let mut text = std::fs::read_to_string(&indices).unwrap();
    text.push_str(
        "\n[[index]]\nid = \"khac\"\nname = \"Chỉ số khác\"\nscale = { min = 0, max = 10 }\n\n\
         [[index.component]]\nid = \"con\"\nname = \"Con\"\nparent = \"kinh-te-so\"\n",
    );
    put(dir.path(), "data/indices.toml", &text);
    let errors = build_err(dir.path());
    assert!(
        errors.contains(
            "component `con` of index `khac` names `parent = \"kinh-te-so\"`, a component of index `dti-thu`"
        ),
        "{errors}"
    );
    assert!(errors.contains("data/indices.toml:"), "{errors}");
}

#[test]
fn the_json_form_reads_as_the_toml_one() {
    // The 2022 table is JSON; its objects are read as the TOML inline tables.
    assert!(Path::new(&site().join("data/results/2022/khoi.json")).exists());
    let dir = changed(
        "data/results/2022/khoi.json",
        "\"rank\": 2, \"of\": 63",
        "\"rank\": 2, \"of\": 63, \"rang\": 1",
    );
    let errors = build_err(dir.path());
    assert!(errors.contains("rang"), "{errors}");
    assert!(errors.contains("khoi.json:"), "{errors}");
}

#[test]
fn a_disputed_note_passes_the_html_policy() {
    let dir = changed(
        "data/results/2023/khoi.toml",
        "disputed = \"Báo cáo ghi hạng 3",
        "disputed = \"<script>alert(1)</script> Báo cáo ghi hạng 3",
    );
    let built = build_ok(dir.path());
    let warnings = built.report.warnings.to_string();
    assert!(warnings.contains("khoi.toml:"), "{warnings}");
    let html = std::fs::read_to_string(built.out.join("xep-hang/2023/khoi/index.html")).unwrap();
    assert!(
        !html.contains("<script>alert"),
        "a script in a disputed note ran"
    );
    assert!(html.contains("&lt;script&gt;alert(1)"));
}

#[test]
fn the_index_page_counts_the_top_level_and_lists_the_tree() {
    let built = build_ok(&site());
    let page = built.page("chi-so/dti-thu");
    let intro = all(&page, "main p");
    assert!(
        intro
            .iter()
            .any(|p| p.contains("gồm 3 lĩnh vực thành phần")),
        "{intro:?}"
    );
    let items: Vec<String> = page
        .select(&sel("ul.component-tree li"))
        .map(|li| li.value().attr("class").unwrap_or("").to_owned())
        .collect();
    assert_eq!(items.len(), 13);
    assert_eq!(
        &items[..6],
        ["level-0", "level-1", "level-1", "level-1", "level-2", "level-2"]
    );
}

#[test]
fn a_component_written_as_text_is_told_to_be_a_number() {
    let dir = changed(
        "data/results/2023/khoi.toml",
        "nhan-thuc-so = 8.5\n",
        "nhan-thuc-so = \"8,5\"\n",
    );
    let errors = build_err(dir.path());
    assert!(errors.contains("khoi.toml:14:16"), "{errors}");
    assert!(errors.contains("a number"), "{errors}");
}

#[test]
fn children_that_add_up_have_maxima_that_add_up() {
    let dir = changed(
        "data/indices.toml",
        "name = \"Hạ tầng số\"\nmax = 20\n",
        "name = \"Hạ tầng số\"\nmax = 25\n",
    );
    let errors = build_err(dir.path());
    assert!(
        errors.contains(
            "component `ha-tang-so` has `sum_of_children = true`, but its children's maxima add up to 20, not its `max = 25`"
        ),
        "{errors}"
    );
    assert!(errors.contains("data/indices.toml:45:7"), "{errors}");
    // And the pillar above it no longer adds up either.
    assert!(
        errors.contains("maxima add up to 45, not its `max = 40`"),
        "{errors}"
    );

    let dir = changed(
        "data/indices.toml",
        "max = 10\nparent = \"chinh-quyen-so\"\n",
        "max = 10\nparent = \"chinh-quyen-so\"\nsum_of_children = true\n",
    );
    let built = build_ok(dir.path());
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains("component `nhan-thuc-so` has `sum_of_children = true` but no children"),
        "{warnings}"
    );
}

/// Component ranks the decision did not print are the page's own: the
/// line under the source says so.
#[test]
fn derived_component_ranks_are_listed_as_computed() {
    let built = build_ok(&site());
    let page = built.page("xep-hang/2023/khoi/");
    let note = one(&page, "p.derived-note");
    assert!(note.contains("thứ hạng theo từng thành phần"), "{note}");
}

/// A line whose component ranks are all derived says so once, in the rank
/// column's head, rather than in every cell.
#[test]
fn component_ranks_all_derived_say_so_in_the_head() {
    let dir = fixture("published/levels");
    let path = dir.path().join("data/results/2023/khoi.toml");
    let toml = std::fs::read_to_string(&path).unwrap();
    let toml = toml.replace(
        "xa-hoi-so = { score = 23, rank = 2, of = 4 }",
        "xa-hoi-so = 23",
    );
    std::fs::write(&path, toml).unwrap();
    let built = build_ok(dir.path());
    let page = built.page("don-vi/don-vi-b");
    let table = page
        .select(&sel("table.components"))
        .find(|t| one_in(*t, "caption") == "Điểm thành phần DTI thử năm 2023")
        .expect("the 2023 components table");
    let heads: Vec<String> = table.select(&sel("thead th")).map(text).collect();
    assert_eq!(
        heads.last().unwrap(),
        "Xếp hạng (tính từ bảng)",
        "{heads:?}"
    );
    let rows = tree(&page, 2023);
    let row = |id: &str| rows.iter().find(|r| r.1 == id).unwrap().clone();
    assert_eq!(row("xa-hoi-so").5, "2/4");
    assert_eq!(row("nhan-thuc-so").5, "1/4");
    // The open data says which ranks were derived.
    let json = std::fs::read_to_string(built.out.join("du-lieu/2023/khoi/dti-thu.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = json["rows"].as_array().unwrap();
    let a = rows.iter().find(|r| r["unit"] == "don-vi-a").unwrap();
    let computed = |id: &str| {
        let components = a["components"].as_array().unwrap();
        let c = components.iter().find(|c| c["id"] == id).unwrap();
        c["rank_computed"].as_bool().unwrap()
    };
    assert!(computed("nhan-thuc-so"));
    assert!(!computed("chinh-quyen-so"), "stated: 1/4");
    assert!(!computed("ha-tang-du-lieu"), "no rank");
}
