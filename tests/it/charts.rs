//! Charts on built pages: a year without the unit's line breaks its score
//! and rank lines (the average goes on), the rank chart sits beside the
//! score chart on unit and index pages, and a large table is a strip of
//! dots on a fitted scale with the home unit labelled.

use crate::common::{build_ok, example_root, fixture, put, sel, text};

/// The minimal site with a 2021 table, and unit D left out of 2022's.
fn site_with_a_gap() -> tempfile::TempDir {
    let site = fixture("minimal");
    let root = site.path();
    put(
        root,
        "data/results/2021/khoi.toml",
        "index = \"chi-so\"\nyear = 2021\ngroup = \"khoi\"\ncomplete = true\n\
         [[result]]\nunit = \"don-vi-a\"\nscore = 70\n[[result]]\nunit = \"don-vi-b\"\nscore = 75\n\
         [[result]]\nunit = \"don-vi-c\"\nscore = 80\n[[result]]\nunit = \"don-vi-d\"\nscore = 85\n",
    );
    put(
        root,
        "data/results/2022/khoi.json",
        r#"{ "index": "chi-so", "year": 2022, "group": "khoi", "complete": true,
  "excluded": [{ "unit": "don-vi-d", "reason": "Không đánh giá" }],
  "result": [
    { "unit": "don-vi-a", "score": 80 },
    { "unit": "don-vi-b", "score": 91.5 },
    { "unit": "don-vi-c", "score": 88 }
  ] }"#,
    );
    let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
    put(
        root,
        "config.toml",
        &format!("{config}home_unit = \"don-vi-d\"\n"),
    );
    site
}

#[test]
fn a_year_without_the_unit_breaks_its_lines_and_the_rank_chart_is_beside() {
    let site = site_with_a_gap();
    let built = build_ok(site.path());
    for path in ["don-vi/don-vi-d/", "chi-so/chi-so/"] {
        let page = built.page(path);
        let pair = page
            .select(&sel(".chart-pair"))
            .next()
            .unwrap_or_else(|| panic!("a pair of charts on {path}"));
        let history = pair
            .select(&sel("svg.chart-history"))
            .next()
            .expect("a score chart");
        let rank = pair
            .select(&sel("svg.chart-rank"))
            .next()
            .expect("a rank chart beside it");
        // 2021, 2022 (no line) and 2023 along the axis; two scores, no line
        // drawn across the gap.
        let years: Vec<String> = history.select(&sel("text.axis")).map(text).collect();
        for year in ["2021", "2022", "2023"] {
            assert!(years.contains(&year.to_owned()), "{year} in {years:?}");
        }
        assert_eq!(history.select(&sel("circle.dot")).count(), 2, "{path}");
        assert_eq!(history.select(&sel("polyline.line")).count(), 0, "{path}");
        // The group's average is there every year, a line through all three.
        assert_eq!(history.select(&sel("polyline.average")).count(), 1);
        assert_eq!(rank.select(&sel("polyline")).count(), 0);
        let ranks: Vec<String> = rank.select(&sel("text.value")).map(text).collect();
        assert_eq!(ranks, ["4/4", "1/4"], "{path}");
        // Rank 1 above rank 4.
        let y = |year: &str| -> f64 {
            rank.select(&sel(&format!("text.value[data-year=\"{year}\"]")))
                .next()
                .and_then(|t| t.value().attr("y"))
                .and_then(|v| v.parse().ok())
                .unwrap_or(f64::NAN)
        };
        assert!(y("2021") < y("2023"), "{path}");
    }
}

/// A year with no table of the index at all keeps its place on the time
/// axis, breaks the lines and is named under both charts (adv23 M4: 2021,
/// 2023, 2024 drawn evenly and joined across 2022).
#[test]
fn a_year_without_any_table_keeps_its_place_and_is_named() {
    let site = fixture("minimal");
    let root = site.path();
    std::fs::remove_file(root.join("data/results/2022/khoi.json")).unwrap();
    put(
        root,
        "data/results/2021/khoi.toml",
        "index = \"chi-so\"\nyear = 2021\ngroup = \"khoi\"\ncomplete = true\n\
         source = { title = \"Quyết định thử\" }\n\
         [[result]]\nunit = \"don-vi-a\"\nscore = 70\n[[result]]\nunit = \"don-vi-b\"\nscore = 75\n\
         [[result]]\nunit = \"don-vi-c\"\nscore = 80\n[[result]]\nunit = \"don-vi-d\"\nscore = 85\n",
    );
    let built = build_ok(root);
    let page = built.page("don-vi/don-vi-a/");
    for chart in ["svg.chart-history", "svg.chart-rank"] {
        let svg = page.select(&sel(chart)).next().expect(chart);
        let years: Vec<String> = svg.select(&sel("text.axis")).map(text).collect();
        assert!(years.contains(&"2022".to_owned()), "{chart}: {years:?}");
        assert_eq!(svg.select(&sel("polyline.line")).count(), 0, "{chart}");
        let notes: Vec<String> = svg.select(&sel("text.note")).map(text).collect();
        assert!(
            notes.iter().any(|n| n == "Không có kết quả năm 2022"),
            "{chart}: {notes:?}"
        );
    }
}

/// The averages a unit's history draws say which chiso computed, by year
/// when others were published, and an illustrative one marks its line
/// (adv23 M2: drawn as if published).
#[test]
fn a_historys_computed_averages_are_said_and_illustrative_ones_marked() {
    let site = crate::common::example_copy();
    let built = build_ok(site.path());
    let page = built.page("don-vi/so-khoa-hoc-va-cong-nghe/");
    let svg = page.select(&sel("svg.chart-history")).next().unwrap();
    let labels: Vec<String> = svg.select(&sel("text")).map(text).collect();
    let all = labels.join(" ");
    assert!(
        labels.contains(&"Bình quân khối sở, ban, ngành*".to_owned()),
        "{all}"
    );
    assert!(
        all.contains("Bình quân khối sở, ban, ngành* năm 2022: tính từ điểm"),
        "{all}"
    );
    assert!(all.contains("* Số liệu minh họa"), "{all}");
    // The description names the line without the legend's mark.
    let desc = svg.select(&sel("desc")).map(text).collect::<String>();
    assert!(
        desc.contains("so với bình quân khối sở, ban, ngành."),
        "{desc}"
    );
}

#[test]
fn a_large_table_is_a_strip_on_a_fitted_scale_with_the_home_unit_labelled() {
    let site = fixture("minimal");
    let root = site.path();
    let mut units = String::from("[[group]]\nid = \"khoi\"\nname = \"Khối thử\"\n");
    let mut results =
        String::from("index = \"chi-so\"\nyear = 2023\ngroup = \"khoi\"\ncomplete = true\n");
    for i in 0..30 {
        units.push_str(&format!(
            "[[unit]]\nid = \"u{i}\"\nname = \"Đơn vị số {i}\"\ngroup = \"khoi\"\n"
        ));
        results.push_str(&format!(
            "[[result]]\nunit = \"u{i}\"\nscore = {}\n",
            80.0 + f64::from(i) * 0.4
        ));
    }
    put(root, "data/units.toml", &units);
    put(root, "data/results/2023/khoi.toml", &results);
    std::fs::remove_file(root.join("data/results/2022/khoi.json")).unwrap();
    let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
    put(
        root,
        "config.toml",
        &format!("{config}home_unit = \"u7\"\n"),
    );
    let built = build_ok(root);
    let page = built.page("xep-hang/2023/khoi/");
    let svg = page
        .select(&sel("svg.chart-ranking.chart-strip"))
        .next()
        .expect("a strip chart");
    assert_eq!(svg.select(&sel("circle")).count(), 30);
    assert_eq!(svg.select(&sel("circle.highlight")).count(), 1);
    let home = svg
        .select(&sel(".value[data-unit=\"Đơn vị số 7\"]"))
        .next()
        .map(text);
    assert_eq!(home.as_deref(), Some("82,80%"));
    let all = text(svg);
    assert!(all.contains("Trục không bắt đầu từ 0"), "{all}");
    let ticks: Vec<String> = svg.select(&sel("text.axis")).map(text).collect();
    assert!(ticks.iter().all(|t| t != "0" && t != "100"), "{ticks:?}");
}

/// The source written inside a chart is cited as the page cites it, so a
/// screenshot keeps the document's number, date and issuer.
#[test]
fn a_chart_cites_its_source_in_full() {
    let built = build_ok(&example_root());
    for path in ["xep-hang/2023/so-ban-nganh", "don-vi/so-noi-vu"] {
        let page = built.page(path);
        let notes: String = page
            .select(&sel("svg text.note"))
            .map(text)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(notes.contains("519/QĐ-UBND"), "{path}: {notes}");
        assert!(notes.contains("UBND tỉnh Hà Tĩnh"), "{path}: {notes}");
    }
}

/// The ranking chart highlights the home unit in a year it bore another
/// name (it was found by its name, so its old one missed it, and the
/// leader was highlighted instead).
#[test]
fn the_ranking_chart_highlights_the_home_unit_under_an_earlier_name() {
    let site = fixture("minimal");
    let root = site.path();
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    put(
        root,
        "data/units.toml",
        &units.replacen(
            "name = \"Đơn vị A\"\n",
            "name = \"Đơn vị A\"\nrenamed = [{ name = \"Đơn vị Cũ\", until = 2022 }]\n",
            1,
        ),
    );
    let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
    put(
        root,
        "config.toml",
        &format!("{config}home_unit = \"don-vi-a\"\n"),
    );
    let built = build_ok(root);
    // 2022: Đơn vị B leads (91,5); Đơn vị A, then named Đơn vị Cũ, is
    // third (80).
    let page = built.page("xep-hang/2022/khoi/");
    let bars: Vec<String> = page
        .select(&sel("svg rect"))
        .filter_map(|r| r.value().attr("class").map(str::to_owned))
        .filter(|c| c.starts_with("bar"))
        .collect();
    assert_eq!(
        bars.iter().position(|c| c == "bar highlight"),
        Some(2),
        "{bars:?}"
    );
    assert!(crate::common::one(&page, "svg").contains("Đơn vị Cũ"));
}
