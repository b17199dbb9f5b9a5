//! Lines as publications print them (issue 15): a score with no rank, a
//! rank with no "of", one "of" per table with stated exceptions, a
//! threshold in place of a score, points with their percent, score-only
//! tables and unordered listings of the top or bottom units. Each fixture
//! under `tests/fixtures/published/lines*/` is built and read as parsed
//! HTML; the errors are the `invalid_sites` cases.

use crate::common::*;

fn site(name: &str) -> Built {
    build_ok(&example_root().join("tests/fixtures/published").join(name))
}

/// The (rank, unit, score) cells of each line of the ranking table.
fn lines(page: &scraper::Html) -> Vec<(String, String, String)> {
    page.select(&sel("table.ranking tbody tr"))
        .map(|tr| {
            let cell = |css: &str| tr.select(&sel(css)).next().map(text).unwrap_or_default();
            (cell("td.rank"), cell("th.unit"), cell("td.value"))
        })
        .collect()
}

#[test]
fn a_partial_table_holds_each_line_as_published() {
    let built = site("lines-partial");
    let page = built.page("xep-hang/2023/tinh");
    let got = lines(&page);
    let want = [
        ("14/63", "Hà Tĩnh", "88,35%"),
        ("20/63", "Nghệ An", "—"),
        ("40/58", "Quảng Bình", "80,50%"),
        ("—", "Thanh Hóa", "≥ 90%"),
    ];
    let got: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    assert_eq!(got, want);
    // The exception's reason is shown with its "of".
    let notes = all(&page, ".of-note");
    assert_eq!(
        notes,
        ["Quảng Bình: xếp hạng 40/58 — Xếp hạng trong 58 tỉnh có đủ dữ liệu khảo sát."]
    );
    // The listing, under the table, in alphabetical order.
    assert_eq!(
        all(&page, "li.listing"),
        ["3 tỉnh, thành phố dẫn đầu: Hải Phòng, Quảng Ninh, Thanh Hóa"]
    );
    // A rank without "of" reads "thứ 18", a strict threshold "> 85%".
    let page = built.page("xep-hang/2022/tinh");
    let got = lines(&page);
    assert_eq!(got[0].0, "thứ 18");
    assert_eq!((got[1].1.as_str(), got[1].2.as_str()), ("Nghệ An", "> 85%"));
    // Summaries say only what was published: no "—, xếp thứ", no "18/".
    let year = built.page("nam/2023");
    let items = all(&year, ".table-card .table-summary li");
    assert_eq!(
        items,
        [
            "Hà Tĩnh: 88,35%, xếp thứ 14/63, tăng 4 bậc (tính từ bảng)",
            "Nghệ An: xếp thứ 20/63",
            "Quảng Bình: 80,50%, xếp thứ 40/58",
            "Thanh Hóa: ≥ 90%",
        ]
    );
    let index = built.page("chi-so/par-index");
    assert!(all(&index, ".table-summary li").contains(&"Hà Tĩnh: 85,10%, xếp thứ 18".to_owned()));
    // The listed unit's page says so for that year.
    let unit = built.page("don-vi/thanh-hoa");
    assert_eq!(
        all(&unit, ".listed-in"),
        ["thuộc nhóm 3 tỉnh, thành phố dẫn đầu"]
    );
    // The download holds the rank-only line as published: rank and "of",
    // no score.
    let csv = std::fs::read_to_string(built.out.join("du-lieu/2023/tinh/par-index.csv")).unwrap();
    assert!(
        csv.lines().any(|l| l.contains(",20,63,,nghe-an,Nghệ An,,")),
        "{csv}"
    );
    // Shortcodes say what was published, and nothing else.
    let article = built.page("tin-tuc/ket-qua-2023");
    assert_eq!(
        all(&article, "article p")[2..],
        [
            "Hà Tĩnh: 88,35%, xếp thứ 14/63, tăng 4 bậc so với năm 2022 (tính từ bảng).",
            "Nghệ An: xếp thứ 20/63.",
            "Thanh Hóa: ≥ 90%.",
        ]
    );
    for (path, page) in built.all_pages() {
        let body = text(page.root_element());
        for wrong in ["thứ —", "18/ ", "/—"] {
            assert!(!body.contains(wrong), "{path} says {wrong:?}");
        }
    }
}

#[test]
fn a_score_only_table_shows_no_rank_anywhere() {
    let built = site("lines-scores-only");
    let page = built.page("xep-hang/2023/tinh");
    assert!(all(&page, "table.ranking th").iter().all(|h| h != "Hạng"));
    assert!(page.select(&sel("table.ranking td.rank")).next().is_none());
    assert!(one(&page, "table.ranking caption").contains("bảng điểm, không xếp hạng"));
    // The score change is still there, in the words of other tables; the
    // year is named only when it is not the year before.
    assert_eq!(
        all(&page, "td.score-change"),
        [
            "tăng 0,60 điểm",
            "giảm 0,45 điểm",
            "tăng 0,10 điểm so với năm 2021"
        ]
    );
    // A complete score-only table: counted and averaged, not ranked.
    let page = built.page("xep-hang/2021/tinh");
    let summary = all(&page, ".table-summary li");
    assert_eq!(
        summary[0],
        "Số đơn vị có điểm: 6 (bảng điểm, không xếp hạng)"
    );
    assert!(summary.contains(&"2 địa phương có điểm cao nhất: Hải Phòng, Quảng Ninh".to_owned()));
    assert!(!summary
        .iter()
        .any(|s| s.starts_with("Dẫn đầu") || s.starts_with("Cuối bảng")));
    // The embedded table has no rank column either (nor a band column: no
    // line has a band).
    let article = built.page("tin-tuc/bang-diem-2023");
    assert_eq!(all(&article, "table.embedded thead th"), ["Đơn vị", "DDCI"]);
    for (path, page) in built.all_pages() {
        let body = text(page.root_element());
        assert!(!body.contains("xếp thứ"), "{path} ranks a score-only table");
    }
}

#[test]
fn points_with_their_percent_are_shown_both_and_checked() {
    let built = site("lines-points");
    let page = built.page("xep-hang/2023/tinh");
    let points = all(&page, "table.ranking td.points");
    assert_eq!(points, ["85,5", "80/95", "76/95,0"]);
    let values = all(&page, "table.ranking td.value");
    // Each percent as written: "90.0" one decimal, "80.00" two.
    assert_eq!(values, ["90,0%", "85,21%‡", "80,00%"]);
    assert_eq!(
        one(&page, ".note.disputed"),
        "‡ Thanh Hóa: công bố: 85,21%; tính từ bảng: 84,21% — Văn bản công bố ghi 85,21%; 80/95 điểm là 84,21%."
    );
    let unit = built.page("don-vi/ha-tinh");
    let first = all(&unit, "table.history td.value");
    assert_eq!(first[0], "90,0% (85,5 điểm)");
}

#[test]
fn listings_of_a_complete_table_agree_with_its_ranks_ties_considered() {
    let built = site("lines-points");
    let page = built.page("xep-hang/2022/tinh");
    assert_eq!(
        all(&page, "ul.listings li.listing"),
        [
            "3 địa phương dẫn đầu: Hà Tĩnh, Hải Phòng, Quảng Ninh",
            "2 địa phương có điểm thấp nhất: Quảng Bình, Thanh Hóa",
        ]
    );
    let unit = built.page("don-vi/thanh-hoa");
    assert_eq!(
        all(&unit, ".listed-in"),
        ["thuộc nhóm 2 địa phương có điểm thấp nhất"]
    );
    // The other unit of the tie may be listed instead; a unit outside the
    // tie may not.
    let dir = fixture("published/lines-points");
    let file = dir.path().join("data/results/2022/par-index.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace(
            "[\"quang-binh\", \"thanh-hoa\"]",
            "[\"quang-binh\", \"nghe-an\"]",
        ),
    )
    .unwrap();
    build_ok(dir.path());
    std::fs::write(
        &file,
        text.replace(
            "[\"quang-binh\", \"thanh-hoa\"]",
            "[\"quang-binh\", \"ha-tinh\"]",
        ),
    )
    .unwrap();
    let errors = build_err(dir.path());
    assert!(
        errors.contains("the list \"2 địa phương có điểm thấp nhất\" disagrees with the table: the bottom 2 by the table are quang-binh; 1 of the tied units nghe-an, thanh-hoa"),
        "{errors}"
    );
    assert!(errors.contains("par-index.toml:42:9"), "{errors}");
    // Kept as published with `disputed`: no error, and the note is shown.
    let wrong = "units = [\"quang-binh\", \"ha-tinh\"]";
    let disputed = format!("{wrong}\ndisputed = \"Văn bản nêu nhầm Hà Tĩnh.\"");
    let changed = text.replace("units = [\"quang-binh\", \"thanh-hoa\"]", &disputed);
    std::fs::write(&file, changed).unwrap();
    let built = build_ok(dir.path());
    let page = built.page("xep-hang/2022/tinh");
    let listings = all(&page, "ul.listings li.listing");
    assert_eq!(
        listings[1],
        "2 địa phương có điểm thấp nhất: Hà Tĩnh, Quảng Bình‡ Danh sách như công bố, khác với bảng: Văn bản nêu nhầm Hà Tĩnh."
    );
    // A `disputed` percent that agrees is a warning: nothing to dispute.
    let file = dir.path().join("data/results/2023/par-index.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("percent = 80.00\n", "percent = 80.00\ndisputed = \"?\"\n"),
    )
    .unwrap();
    let built = build_ok(dir.path());
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains("the line of `nghe-an` is `disputed`, but its stated figures agree"),
        "{warnings}"
    );
}

#[test]
fn the_search_index_says_a_threshold_as_the_page_does() {
    let built = site("lines-partial");
    let text = std::fs::read_to_string(built.out.join("tim-kiem/chi-muc.json")).unwrap();
    let entries: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let thanh_hoa = entries
        .iter()
        .find(|e| e["title"] == "Thanh Hóa")
        .expect("Thanh Hóa is in the index");
    let years = thanh_hoa["y"].as_array().expect("its years");
    let year_2023 = years
        .iter()
        .find(|y| y[0] == 2023)
        .and_then(|y| y[1].as_str())
        .expect("its 2023 line");
    assert!(year_2023.contains("≥\u{a0}90%"), "{year_2023}");
    // As the ranking page shows it.
    let page = built.page("xep-hang/2023/tinh");
    assert!(lines(&page)
        .iter()
        .any(|l| l.1 == "Thanh Hóa" && l.2 == "≥ 90%"));
}

/// Equal printed scores the publisher ranked apart (on unrounded scores):
/// with `ties_broken`, its ranks are the table's, on every page and in the
/// downloads, and the page says how the tie was broken.
#[test]
fn a_tie_the_publisher_broke_keeps_its_ranks_everywhere() {
    let dir = fixture("minimal");
    let results = "data/results/2023/khoi.toml";
    let text = std::fs::read_to_string(dir.path().join(results)).unwrap();
    // Đơn vị B and C both print 85,00; the publication ranks C second.
    let text = text
        .replace(
            "complete = true\n",
            "complete = true\nties_broken = \"Bộ xếp theo điểm chưa làm tròn.\"\n",
        )
        .replace("score = 85\n", "score = 85\nrank = 3\n")
        .replace("score = 85.0012\n", "score = 85.0012\nrank = 2\n");
    put(dir.path(), results, &text);
    let built = build_ok(dir.path());
    let page = built.page("xep-hang/2023/khoi");
    let ranks: Vec<(String, String)> = lines(&page)
        .into_iter()
        .map(|(rank, unit, _)| (rank, unit))
        .collect();
    let want = [
        ("1", "Đơn vị A"),
        ("2", "Đơn vị C"),
        ("3", "Đơn vị B"),
        ("4", "Đơn vị D"),
    ];
    assert_eq!(ranks, want.map(|(r, u)| (r.to_owned(), u.to_owned())));
    assert_eq!(
        one(&page, ".ties-broken"),
        "Các đơn vị cùng điểm được xếp hạng khác nhau theo công bố: Bộ xếp theo điểm chưa làm tròn."
    );
    // The change is against the rank published: B was first in 2022.
    let unit = built.page("don-vi/don-vi-b");
    let text = unit.root_element().text().collect::<String>();
    assert!(text.replace('\u{a0}', " ").contains("giảm 2 bậc"), "{text}");
    let csv = std::fs::read_to_string(built.out.join("du-lieu/2023/khoi/chi-so.csv")).unwrap();
    assert!(csv.lines().any(|l| l.contains(",3,4,,don-vi-b,")), "{csv}");
    let json = std::fs::read_to_string(built.out.join("du-lieu/2023/khoi/chi-so.json")).unwrap();
    assert!(
        json.contains("\"ties_broken\": \"Bộ xếp theo điểm chưa làm tròn.\""),
        "{json}"
    );
}

/// A unit renamed since: the tables of the years it had its old name print
/// that name, as their publications did, with today's beside it on the
/// ranking page; the downloads of those years say it too, and it is
/// searchable.
#[test]
fn a_renamed_unit_keeps_the_name_each_year_printed() {
    let dir = fixture("minimal");
    let units = std::fs::read_to_string(dir.path().join("data/units.toml")).unwrap();
    let units = units.replace(
        "name = \"Đơn vị B\"\n",
        "name = \"Đơn vị B\"\nrenamed = [{ name = \"Phòng B\", until = 2022 }]\n",
    );
    put(dir.path(), "data/units.toml", &units);
    let article = dir.path().join("content/tin-tuc/bai-mot.md");
    let mut body = std::fs::read_to_string(&article).unwrap();
    body.push_str(
        "\nDẫn đầu 2022: <!-- chiso:khoi chi-so=chi-so nam=2022 khoi=khoi hien=dan-dau -->.\n\n\
         <!-- chiso:bang-xep-hang chi-so=chi-so nam=2022 khoi=khoi -->\n",
    );
    std::fs::write(&article, body).unwrap();
    let built = build_ok(dir.path());
    // An article quoting 2022 names it as 2022 did.
    let quoted = built.page("tin-tuc/bai-mot");
    assert!(
        all(&quoted, "table.embedded tbody th").contains(&"Phòng B".to_owned()),
        "{:?}",
        all(&quoted, "table.embedded tbody th")
    );
    assert!(one(&quoted, "article").contains("Dẫn đầu 2022: Phòng B."));
    // Its ranks are computed, as the ranking page's head says too.
    assert_eq!(
        all(&quoted, "table.embedded thead th")[0],
        "Hạng (tính từ bảng)"
    );
    let names = |year: u32| {
        let page = built.page(&format!("xep-hang/{year}/khoi"));
        all(&page, "table.ranking tbody th.unit")
    };
    assert!(
        names(2022).contains(&"Phòng B (nay là Đơn vị B)".to_owned()),
        "{:?}",
        names(2022)
    );
    assert!(
        names(2023).contains(&"Đơn vị B".to_owned()),
        "{:?}",
        names(2023)
    );
    // 2022's leader was B: the year's summary names it as it was then.
    let year = built.page("nam/2022");
    let text = year.root_element().text().collect::<String>();
    assert!(text.contains("Phòng B"), "{text}");
    let csv = |year: u32| {
        std::fs::read_to_string(built.out.join(format!("du-lieu/{year}/khoi/chi-so.csv"))).unwrap()
    };
    assert!(csv(2022).contains(",don-vi-b,Phòng B,"), "{}", csv(2022));
    assert!(csv(2023).contains(",don-vi-b,Đơn vị B,"), "{}", csv(2023));
    let search = std::fs::read_to_string(built.out.join("tim-kiem/chi-muc.json")).unwrap();
    assert!(search.contains("Phòng B"), "{search}");
    // The unit's own page is under today's name.
    assert_eq!(one(&built.page("don-vi/don-vi-b"), "h1"), "Đơn vị B");
}

/// A percent the publication got wrong, kept with `disputed`: an article
/// quoting it says both figures, and a table quoted in it carries the
/// page's notes (the dispute, a unit not ranked and why).
#[test]
fn an_article_quoting_a_disputed_figure_says_both() {
    let dir = fixture("published/lines-points");
    put(
        dir.path(),
        "content/tin-tuc/bai.md",
        "+++\ntitle = \"Bài\"\ndate = 2024-05-01\n+++\n\
         Thanh Hóa đạt <!-- chiso:ket-qua chi-so=par-index nam=2023 don-vi=thanh-hoa hien=diem -->.\n\n\
         <!-- chiso:bang-xep-hang chi-so=par-index nam=2023 khoi=tinh -->\n",
    );
    let built = build_ok(dir.path());
    let page = built.page("tin-tuc/bai/");
    let text = one(&page, "article");
    assert!(
        text.contains("Thanh Hóa đạt 85,21% (công bố; tính từ bảng: 84,21%)."),
        "{text}"
    );
    // An index without bands: the unit's history has no band column.
    let unit = built.page("don-vi/thanh-hoa/");
    assert!(
        !all(&unit, "table.history thead th").contains(&"Xếp loại".to_owned()),
        "{:?}",
        all(&unit, "table.history thead th")
    );
    let notes = all(&page, "article .table-notes .note.disputed");
    assert_eq!(
        notes,
        ["‡ Thanh Hóa: công bố: 85,21%; tính từ bảng: 84,21% — Văn bản công bố ghi 85,21%; 80/95 điểm là 84,21%."]
    );
}

/// A chart is shared without its table: the disputed percent it draws is
/// marked ‡ there too, and its notes say what the mark means; so is a
/// change made from it.
#[test]
fn a_chart_and_a_change_mark_a_disputed_figure() {
    let built = build_ok(fixture("published/lines-points").path());
    let unit = built.page("don-vi/thanh-hoa/");
    let chart = unit
        .select(&sel("figure.chart-figure svg"))
        .next()
        .map(|svg| svg.html())
        .unwrap_or_default();
    assert!(chart.contains("85,21%‡"), "{chart}");
    assert!(
        chart.contains("‡ Số liệu công bố, khác số liệu tính từ điểm trong bảng"),
        "{chart}"
    );
    // A line that is not disputed is drawn as published, unmarked.
    let other = built.page("don-vi/ha-tinh/");
    let chart = other
        .select(&sel("figure.chart-figure svg"))
        .next()
        .map(|svg| svg.html())
        .unwrap_or_default();
    assert!(!chart.is_empty());
    assert!(!chart.contains('‡'), "{chart}");
    // A change in points is made from the table's own percent (84,21
    // against 85,00), marked as made from a disputed line.
    let ranking = built.page("xep-hang/2023/tinh/");
    let cells = all(&ranking, "table.ranking td.change-cell");
    assert!(
        cells
            .iter()
            .any(|c| c.starts_with("giảm 0,79 điểm phần trăm‡")),
        "{cells:?}"
    );
    // So does the unit's share card, which says what ‡ means.
    let alt = unit_card_alt(&built, "don-vi/thanh-hoa/");
    assert!(alt.contains("điểm 85,21%‡"), "{alt}");
    let rendered = chiso::render_site(&chiso::BuildOptions::new(
        fixture("published/lines-points").path().to_owned(),
    ))
    .unwrap_or_else(|d| panic!("{d}"));
    let page = built.page("don-vi/thanh-hoa/");
    let url = page
        .select(&sel("meta[property='og:image']"))
        .filter_map(|m| m.value().attr("content"))
        .collect::<String>();
    let svg = rendered
        .share_cards
        .svg(url.trim_start_matches("https://example.gov.vn/"))
        .unwrap_or_default();
    assert!(
        svg.contains("85,21%‡") && svg.contains("‡ Số công bố khác số tính từ bảng"),
        "{svg}"
    );
    // The downloads hold both percents, the table's beside the published.
    let csv = std::fs::read_to_string(built.out.join("du-lieu/2023/tinh/par-index.csv"))
        .unwrap_or_default();
    assert!(csv.contains(",diem,diem_tinh_tu_bang,"), "{csv}");
    assert!(csv.contains(",Thanh Hóa,85.21,84.21,"), "{csv}");
    assert!(csv.contains(",Hà Tĩnh,90.0,,"), "{csv}");
}

/// The `og:image:alt` of the page at `path`.
fn unit_card_alt(built: &Built, path: &str) -> String {
    built
        .page(path)
        .select(&sel("meta[property='og:image:alt']"))
        .filter_map(|m| m.value().attr("content"))
        .collect()
}

/// A ranking table quoted in an article marks what its page marks: a
/// published rank kept against the table's (‡), a disputed average with
/// the table's beside it, and says which of its figures chiso computed.
#[test]
fn a_quoted_ranking_table_marks_disputed_figures_and_says_what_was_computed() {
    let dir = fixture("minimal");
    put(
        dir.path(),
        "data/results/2022/khoi.json",
        r#"{ "index": "chi-so", "year": 2022, "group": "khoi", "complete": true,
  "published_average": 83, "average_disputed": "Báo cáo tính cả đơn vị E.",
  "result": [
    { "unit": "don-vi-a", "score": 80 },
    { "unit": "don-vi-b", "score": 91.5 },
    { "unit": "don-vi-c", "score": 88, "rank": 3, "disputed": "Quyết định in thứ 3." },
    { "unit": "don-vi-d", "score": 70 }
  ],
  "source": { "title": "Quyết định thử" } }"#,
    );
    let article = dir.path().join("content/tin-tuc/bai-mot.md");
    let mut body = std::fs::read_to_string(&article).unwrap();
    body.push_str("\n<!-- chiso:bang-xep-hang chi-so=chi-so nam=2022 khoi=khoi -->\n");
    std::fs::write(&article, body).unwrap();
    let built = build_ok(dir.path());
    let quoted = built.page("tin-tuc/bai-mot");
    let ranks = all(&quoted, "table.embedded tbody td.num");
    assert!(
        ranks.contains(&"2 (công bố: thứ 3)‡".to_owned()),
        "{ranks:?}"
    );
    assert_eq!(
        one(&quoted, "table.embedded tfoot td.num"),
        "83%‡ (tính từ bảng: 82,38%)"
    );
    // A rank is stated, checked; the lines that state none have theirs
    // computed, and the bands are read from the scores by the published
    // rule.
    let derived = one(&quoted, "p.derived-note");
    assert!(
        derived.ends_with(
            "không phải số liệu công bố: thứ hạng của những dòng văn bản không ghi hạng; xếp loại."
        ),
        "{derived}"
    );
}

/// A listing names its units in the order of the names its year printed:
/// a unit renamed since is listed where its name then fell.
#[test]
fn a_listing_is_in_the_order_of_the_names_printed() {
    let dir = fixture("minimal");
    let units = std::fs::read_to_string(dir.path().join("data/units.toml")).unwrap();
    let units = units.replace(
        "name = \"Đơn vị D\"\n",
        "name = \"Đơn vị D\"\nrenamed = [{ name = \"Ánh Dương\", until = 2023 }]\n",
    );
    put(dir.path(), "data/units.toml", &units);
    let path = dir.path().join("data/results/2023/khoi.toml");
    let table = std::fs::read_to_string(&path).unwrap().replace(
        "[source]",
        "[[listing]]\nlabel = \"Các đơn vị\"\nend = \"top\"\ncount = 4\n\
         units = [\"don-vi-a\", \"don-vi-b\", \"don-vi-c\", \"don-vi-d\"]\n\n[source]",
    );
    std::fs::write(&path, table).unwrap();
    let built = build_ok(dir.path());
    let page = built.page("xep-hang/2023/khoi/");
    // (The page lists it twice: in the table's summary and under it.)
    let listed = all(&page, "li.listing a");
    assert_eq!(
        listed[..4],
        ["Ánh Dương", "Đơn vị A", "Đơn vị B", "Đơn vị C"]
    );
    // Sorted by name in the browser, the table follows the same order.
    let mut keyed: Vec<(usize, String)> = page
        .select(&sel("table.ranking tbody th.unit"))
        .map(|th| {
            let key = th.value().attr("data-sort").unwrap().parse().unwrap();
            (key, text(th))
        })
        .collect();
    keyed.sort();
    let names: Vec<&str> = keyed.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Ánh Dương (nay là Đơn vị D)",
            "Đơn vị A",
            "Đơn vị B",
            "Đơn vị C"
        ]
    );
}

/// An extract's lines without a rank follow the ranked ones by their
/// score, the best first: a reader takes the order for a ranking.
#[test]
fn an_extracts_unranked_lines_are_in_score_order() {
    let dir = fixture("minimal");
    put(
        dir.path(),
        "data/results/2023/khoi.toml",
        "index = \"chi-so\"\nyear = 2023\ngroup = \"khoi\"\nof = 4\n\n\
         [[result]]\nunit = \"don-vi-a\"\nscore = 95\nrank = 1\n\n\
         [[result]]\nunit = \"don-vi-b\"\nscore = 80\n\n\
         [[result]]\nunit = \"don-vi-c\"\nscore = 88\n\n\
         [source]\ntitle = \"Báo X\"\n",
    );
    let built = build_ok(dir.path());
    let page = built.page("xep-hang/2023/khoi/");
    assert_eq!(
        all(&page, "table.ranking tbody th.unit a"),
        ["Đơn vị A", "Đơn vị C", "Đơn vị B"]
    );
}

/// A stated rank that disagrees only because another line's disputed
/// percent ranks at its points says so: the editor sees 89% in the file
/// and would not find the 80% the table ranks.
#[test]
fn a_rank_moved_by_another_lines_disputed_percent_says_why() {
    let dir = fixture("minimal");
    let root = dir.path();
    put(
        root,
        "data/results/2023/khoi.toml",
        r#"index = "chi-so"
year = 2023
group = "khoi"
complete = true
source = { title = "Quyết định thử" }

[[result]]
unit = "don-vi-a"
score = 90
rank = 1

[[result]]
unit = "don-vi-b"
score = 88
rank = 3

[[result]]
unit = "don-vi-c"
score = 70
rank = 4

[[result]]
unit = "don-vi-d"
points = 80
max_points = 100
percent = 89
rank = 2
disputed = "Văn bản công bố ghi 89%; 80/100 điểm là 80%."
"#,
    );
    let report = build_err(root);
    assert!(report.contains("`don-vi-b`"), "{report}");
    assert!(
        report.contains("chiso counts Đơn vị D at the percent of their points"),
        "{report}"
    );
}

/// A column whose figures are of both origins says so: a rank computed
/// among the publisher's three marks the rank column's head (adv23 m5); the
/// one change that agrees is "(công bố)" under a head of computed changes,
/// each exception saying its origin in its cell (adv23 m8).
#[test]
fn a_column_of_both_origins_marks_its_exceptions() {
    let dir = fixture("minimal");
    let results = "data/results/2023/khoi.toml";
    let text = std::fs::read_to_string(dir.path().join(results)).unwrap();
    let text = text
        .replace(
            "score = 90\n",
            "score = 90\nrank = 1\nchange = { places = 2 }\n",
        )
        .replace("score = 85\n", "score = 85\nrank = 3\n")
        .replace("score = 85.0012\n", "score = 86\nrank = 2\n");
    put(dir.path(), results, &text);
    let built = build_ok(dir.path());
    let page = built.page("xep-hang/2023/khoi");
    let ranks: Vec<String> = lines(&page).into_iter().map(|l| l.0).collect();
    assert_eq!(ranks, ["1", "2", "3", "4"]);
    assert_eq!(
        one(&page, "table.ranking thead th.rank"),
        "Hạng (tính từ bảng)"
    );
    assert_eq!(
        one(&page, "table.ranking thead th.change-cell"),
        "So với năm trước (tính từ bảng)"
    );
    let changes = all(&page, "table.ranking tbody td.change-cell");
    assert!(
        changes[0].starts_with("tăng 2 bậc (công bố)"),
        "{changes:?}"
    );
    assert!(!changes[2].contains("công bố"), "{changes:?}");
    // The unit's own history table marks the head by its own lines: its
    // one change is published.
    let unit = built.page("don-vi/don-vi-a");
    let head = all(&unit, "table.history thead th");
    assert!(head.contains(&"So với năm trước".to_owned()), "{head:?}");
    let cells = all(&unit, "table.history tbody tr td");
    assert!(cells.iter().any(|c| c == "tăng 2 bậc"), "{cells:?}");
}

/// A unit's history table names the group once, in its caption, when every
/// year is of the same group (a column repeating it took a phone's width),
/// and keeps the column when the unit moved between groups.
#[test]
fn a_history_table_names_one_group_in_its_caption() {
    let dir = fixture("minimal");
    let built = build_ok(dir.path());
    let page = built.page("don-vi/don-vi-a");
    let head = all(&page, "table.history thead th");
    assert!(!head.iter().any(|h| h == "Khối"), "{head:?}");
    assert!(one(&page, "table.history caption").ends_with(": Khối thử"));
    let units = std::fs::read_to_string(dir.path().join("data/units.toml")).unwrap();
    put(
        dir.path(),
        "data/units.toml",
        &format!("[[group]]\nid = \"khoi-cu\"\nname = \"Khối cũ\"\n\n{units}"),
    );
    let json = "data/results/2022/khoi.json";
    let text = std::fs::read_to_string(dir.path().join(json)).unwrap();
    put(
        dir.path(),
        json,
        &text.replace("\"group\": \"khoi\"", "\"group\": \"khoi-cu\""),
    );
    let built = build_ok(dir.path());
    let page = built.page("don-vi/don-vi-a");
    let head = all(&page, "table.history thead th");
    assert!(head.iter().any(|h| h == "Khối"), "{head:?}");
    let groups = all(&page, "table.history td.group");
    assert_eq!(groups, ["Khối thử", "Khối cũ"]);
}
