//! What a page computed is told apart from what the source published: a
//! complete table's average, top-band count and regional figures say
//! "tính từ bảng"; a published average is printed as it was published,
//! within the rounding of the scores it was computed from, or kept with
//! the editor's `average_disputed` note beside the computed one.

use crate::common::*;

/// The example site with its 2023 block table's published average
/// replaced by `top` (lines for the top of the file).
fn with_average(top: &str) -> Result<(tempfile::TempDir, Built), String> {
    let dir = example_copy();
    let path = dir.path().join("data/results/2023/so-ban-nganh.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace("published_average = 90.53\n", &format!("{top}\n"));
    std::fs::write(&path, text).unwrap();
    // The output lives in the folder: it goes with it.
    let built = build(dir.path()).map_err(|d| d.to_string())?;
    Ok((dir, built))
}

#[test]
fn a_computed_average_and_count_say_they_were_computed() {
    let built = build_ok(&example_root());
    // 2022: the block table published no average.
    let page = built.page("xep-hang/2022/so-ban-nganh/");
    let summary = one(&page, "ul.table-summary");
    assert!(summary.contains("(tính từ điểm trong bảng)"), "{summary}");
    assert!(one(&page, "tfoot th").ends_with("(tính từ bảng)"));
    let note = one(&page, "p.derived-note");
    assert!(
        note.starts_with(
            "Số liệu do trang này tính từ điểm trong bảng, không phải số liệu công bố: "
        ),
        "{note}"
    );
    // Ranks of the lines that state none, and percents from points the
    // source printed without one.
    for figure in [
        "thứ hạng của những dòng văn bản không ghi hạng",
        "tỷ lệ phần trăm tính từ điểm đạt được",
        "điểm bình quân",
    ] {
        assert!(note.contains(figure), "{figure}: {note}");
    }
    assert!(
        page.html()
            .contains("Đường bình quân: tính từ điểm trong bảng"),
        "the chart's note"
    );
    // 2023: the average and the count were published.
    let page = built.page("xep-hang/2023/so-ban-nganh/");
    let summary = one(&page, "ul.table-summary");
    assert!(summary.contains("90,53% (số liệu công bố)"), "{summary}");
    assert!(!summary.contains("tính từ"), "{summary}");
    // The page's own: the ranks of the lines that state none, the
    // percents of units published in points alone (Sở Khoa học và Công
    // nghệ's 93,364/98) and each unit's band, read from its score by the
    // published rule.
    let note = one(&page, "p.derived-note");
    assert_eq!(
        note,
        "Số liệu do trang này tính từ điểm trong bảng, không phải số liệu công bố: thứ hạng của những dòng văn bản không ghi hạng; tỷ lệ phần trăm tính từ điểm đạt được; xếp loại."
    );
}

#[test]
fn a_published_average_one_digit_off_is_the_scores_rounding() {
    // The scores average 90,53: a publisher averaging unrounded scores may
    // print 90,54, and the page prints what it printed.
    let (_dir, built) = with_average("published_average = 90.54").expect("rounding is no error");
    let page = built.page("xep-hang/2023/so-ban-nganh/");
    assert_eq!(one(&page, "tfoot td.average"), "90,54%");
    // Written with one decimal, it prints with one.
    let (_dir, built) = with_average("published_average = 90.5").expect("rounding is no error");
    let page = built.page("xep-hang/2023/so-ban-nganh/");
    assert_eq!(one(&page, "tfoot td.average"), "90,5%");
    // Further off, it is an error that names the way to keep it.
    let report = with_average("published_average = 90.60")
        .err()
        .expect("90,60 is no rounding of 90,53");
    assert!(report.contains("average_disputed"), "{report}");
}

#[test]
fn a_disputed_average_shows_both_and_the_note() {
    let (_dir, built) = with_average(
        "published_average = 90.60\naverage_disputed = \"Quyết định tính cả Văn phòng Đoàn ĐBQH.\"",
    )
    .expect("a disputed average builds");
    let page = built.page("xep-hang/2023/so-ban-nganh/");
    let summary = one(&page, "ul.table-summary");
    assert!(
        summary.contains("90,60%‡ (số liệu công bố; tính từ điểm trong bảng: 90,53%)"),
        "{summary}"
    );
    // Marked ‡ wherever the page prints it, as a disputed score is: the
    // table's foot, the chart (whose notes say what ‡ means) and the
    // scorecards of the table's units.
    assert_eq!(
        one(&page, "tfoot td.average"),
        "90,60%‡ (tính từ bảng: 90,53%)"
    );
    let chart = page
        .select(&sel("figure.chart-figure svg"))
        .next()
        .map(|svg| svg.html())
        .unwrap_or_default();
    assert!(
        chart.contains("data-average=\"\">90,60%‡</tspan>"),
        "{chart}"
    );
    assert!(
        chart.contains("90,60% (công bố; tính từ bảng: 90,53%)."),
        "{chart}"
    );
    assert!(chart.contains("‡ Số liệu công bố, khác số liệu"), "{chart}");
    let card = one(&built.page("don-vi/so-tu-phap/"), "dd.scorecard-average");
    assert!(
        card.starts_with("90,60%‡ (công bố; tính từ bảng: 90,53%)"),
        "{card}"
    );
    let note = one(&page, "div.average-disputed");
    assert!(note.contains("tính cả Văn phòng Đoàn ĐBQH"), "{note}");
    // The downloads hold both, and the note.
    let json = std::fs::read_to_string(built.out.join("du-lieu/2023/so-ban-nganh/cchc-tinh.json"))
        .unwrap();
    assert!(
        json.contains("\"average\": 90.6,"),
        "the published one: {json}"
    );
    assert!(json.contains("\"average_derived\": 90.53"));
    assert!(json.contains("\"average_disputed\": \"Quyết định tính cả"));
    // An article quoting it says both too.
    let article = one(&built.page("tin-tuc/chi-so-cchc-nam-2023/"), "article");
    assert!(
        article.contains("90,60% (công bố; tính từ bảng: 90,53%)"),
        "{article}"
    );
}

/// A figure made from illustrative scores is as illustrative as they are,
/// wherever it is shown: the rank and band no publication stated, the
/// chart's labels, the search's lines; and no unit is named last in the
/// province on figures no one published.
#[test]
fn figures_made_from_illustrative_scores_carry_their_mark_everywhere() {
    let built = build_ok(&example_root());
    // 2023 departments: ranks 1–3 were published, the others computed
    // from illustrative scores.
    let page = built.page("xep-hang/2023/so-ban-nganh/");
    let ranks = all(&page, "table.ranking tbody td.rank");
    assert_eq!(ranks[0], "1", "{ranks:?}");
    assert_eq!(ranks[3], "4*", "{ranks:?}");
    let bands = all(&page, "table.ranking tbody td.band");
    assert!(bands[3].ends_with('*'), "{bands:?}");
    let chart = page
        .select(&sel("figure.chart-figure svg"))
        .next()
        .map(|svg| svg.html())
        .unwrap_or_default();
    assert!(chart.contains(">95,27%</text>"), "{chart}");
    assert!(chart.contains("%*</text>"), "{chart}");
    let summary = one(&page, "ul.table-summary");
    assert!(!summary.contains("Cuối bảng"), "{summary}");
    let search = std::fs::read_to_string(built.out.join("tim-kiem/chi-muc.json")).unwrap();
    assert!(
        search.contains("\"Chỉ số CCHC tỉnh 93,58%* (4/17*)\""),
        "{search}"
    );
}

/// A ranking table quoted in an article is read alone (in a feed reader
/// too): its ranks computed from illustrative scores are marked, and it
/// says what the mark means.
#[test]
fn a_quoted_ranking_table_marks_illustrative_ranks_and_says_what_the_mark_means() {
    let built = build_ok(&example_root());
    let article = built.page("tin-tuc/chi-so-cchc-nam-2023/");
    let legend = all(&article, "article p.illustrative-note");
    assert_eq!(
        legend,
        ["Số liệu đánh dấu * là số liệu minh họa, không phải số liệu đã công bố."]
    );
    let feed = std::fs::read_to_string(built.out.join("atom.xml")).unwrap();
    assert!(feed.contains("Số liệu đánh dấu * là số liệu minh họa"));
}

/// An index page's column of changes in points is chiso's arithmetic
/// where the publication gave places alone: its head says so, at the
/// coarser of the two years' precisions (45,42 against 44,3138: +1,11).
#[test]
fn an_index_pages_changes_in_points_say_they_were_computed() {
    let built = build_ok(&example_root());
    let page = built.page("chi-so/papi/");
    let heads = all(&page, "table.history thead th");
    assert!(
        heads.contains(&"Thay đổi điểm (tính từ bảng)".to_owned()),
        "{heads:?}"
    );
    let cells = all(&page, "table.history tbody td:nth-of-type(2)");
    assert_eq!(cells[0], "+1,11", "{cells:?}");
}

/// Figures made from illustrative scores keep their * in the charts as in
/// the tables: a rank chart's labels, a ranking chart's average and its
/// description.
#[test]
fn charts_mark_figures_made_from_illustrative_scores() {
    let built = build_ok(&example_root());
    let html =
        std::fs::read_to_string(built.out.join("xep-hang/2022/ubnd-cap-huyen/index.html")).unwrap();
    assert!(
        html.contains("data-average=\"\">89,51%*<"),
        "the average label"
    );
    assert!(html.contains("Tô đậm: UBND thành phố Hà Tĩnh (95,38%*)"));
    let unit = std::fs::read_to_string(built.out.join("don-vi/so-noi-vu/index.html")).unwrap();
    assert!(
        unit.contains("data-year=\"2023\">4/17*<"),
        "the rank chart's label"
    );
}

/// A unit page's band column says its bands are the page's reading of the
/// scores when no source rated the unit (PAR Index "Nhóm B").
#[test]
fn a_unit_pages_derived_bands_say_they_were_computed() {
    let built = build_ok(&example_root());
    let page = built.page("don-vi/ha-tinh/");
    let heads = all(&page, "table.history[data-index=\"par-index\"] thead th");
    assert!(
        heads.contains(&"Xếp loại (tính từ bảng)".to_owned()),
        "{heads:?}"
    );
}

/// An average or a top-band count is illustrative only when a line it is
/// made from is: a published table compared with an illustrative year has
/// illustrative changes but an average of its own; one illustrative line
/// marks the average, the count and a sentence quoting them.
#[test]
fn an_average_is_marked_illustrative_only_when_made_from_an_illustrative_line() {
    let dir = fixture("minimal");
    let root = dir.path();
    let path = root.join("data/results/2022/khoi.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "\"complete\": true,",
            "\"complete\": true, \"illustrative\": true,",
        ),
    )
    .unwrap();
    put(
        root,
        "content/tin-tuc/khoi.md",
        "+++\ntitle = \"Khối\"\ndate = 2024-05-08\n+++\nKhối thử: <!-- chiso:khoi chi-so=chi-so nam=2023 khoi=khoi -->.\n",
    );
    let built = build(root).unwrap_or_else(|d| panic!("{d}"));
    let page = built.page("xep-hang/2023/khoi/");
    // The changes come from an illustrative year: the table says what * means.
    assert!(
        all(&page, "p.notice-inline")
            .iter()
            .any(|p| p.contains("minh họa")),
        "the changes are illustrative"
    );
    let average = one(&page, "td.average");
    assert!(!average.contains('*'), "{average}");
    let summary = one(&page, "ul.table-summary");
    assert!(!summary.contains('*'), "{summary}");
    let article = built.page("tin-tuc/khoi/");
    let sentence = all(&article, "article p").join(" | ");
    assert!(!sentence.contains('*'), "{sentence}");

    // One illustrative line in the 2023 table.
    let path = root.join("data/results/2023/khoi.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "score = 85.0012\n",
            "score = 85.0012\nillustrative = true\n",
        ),
    )
    .unwrap();
    let built = build(root).unwrap_or_else(|d| panic!("{d}"));
    let page = built.page("xep-hang/2023/khoi/");
    let average = one(&page, "td.average");
    assert!(average.ends_with('*'), "{average}");
    let summary = one(&page, "ul.table-summary");
    assert!(summary.contains("tính từ điểm trong bảng"), "{summary}");
    let article = built.page("tin-tuc/khoi/");
    let sentence = all(&article, "article p").join(" | ");
    assert!(sentence.contains("*"), "{sentence}");
    assert!(
        all(
            &article,
            "p.illustrative-note, .notice-inline, .illustrative-note"
        )
        .iter()
        .any(|p| p.contains("minh họa")),
        "the article says what * means"
    );
}

/// A change in places counted from a table's rank, the published one being
/// disputed, is marked ‡ as the rank is, and a sentence quoting it says so.
#[test]
fn a_change_counted_from_a_disputed_rank_is_marked() {
    let dir = fixture("minimal");
    let root = dir.path();
    let path = root.join("data/results/2022/khoi.json");
    let json = std::fs::read_to_string(&path).unwrap();
    // Unit B scored highest in 2022: the table ranks it first, the
    // publication printed second.
    std::fs::write(
        &path,
        json.replace(
            "{ \"unit\": \"don-vi-b\", \"score\": 91.5 }",
            "{ \"unit\": \"don-vi-b\", \"score\": 91.5, \"rank\": 2, \"disputed\": \"In nhầm.\" }",
        ),
    )
    .unwrap();
    put(
        root,
        "content/tin-tuc/b.md",
        "+++\ntitle = \"B\"\ndate = 2024-05-08\n+++\nĐơn vị B <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-b hien=day-du -->.\n",
    );
    let built = build(root).unwrap_or_else(|d| panic!("{d}"));
    let page = built.page("xep-hang/2023/khoi/");
    let row = page
        .select(&sel("table.ranking tbody tr"))
        .find(|tr| text(*tr).contains("Đơn vị B"))
        .map(|tr| tr.html())
        .expect("unit B's line");
    assert!(
        row.contains("title=\"Tính từ thứ hạng theo bảng, không theo thứ hạng công bố\">‡"),
        "{row}"
    );
    let sentence = all(&built.page("tin-tuc/b/"), "article p").join(" | ");
    assert!(
        sentence.contains(
            "giảm 1 bậc so với năm 2022 (tính từ thứ hạng theo bảng, không theo thứ hạng công bố)"
        ),
        "{sentence}"
    );
    // Unit A's change is counted from ranks no one disputed.
    let a = page
        .select(&sel("table.ranking tbody tr"))
        .find(|tr| text(*tr).contains("Đơn vị A"))
        .map(|tr| tr.html())
        .expect("unit A's line");
    assert!(!a.contains('‡'), "{a}");
}

/// Every figure a sentence or a quoted table prints that is made from an
/// illustrative score carries its own `*`: a change from an illustrative
/// year, a rank computed among illustrative scores (a published line's
/// too, whose place depends on them), an average in `bang-xep-hang`.
#[test]
fn sentences_and_quoted_tables_mark_each_figure_made_from_illustrative_scores() {
    let dir = fixture("minimal");
    let root = dir.path();
    let path = root.join("data/results/2022/khoi.json");
    let json = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        json.replace(
            "\"complete\": true,",
            "\"complete\": true, \"illustrative\": true,",
        ),
    )
    .unwrap();
    let path = root.join("data/results/2023/khoi.toml");
    let toml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        toml.replace(
            "score = 85.0012\n",
            "score = 85.0012\nillustrative = true\n",
        ),
    )
    .unwrap();
    put(
        root,
        "content/tin-tuc/a.md",
        "+++\ntitle = \"A\"\ndate = 2024-05-08\n+++\n\
         A: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a hien=day-du -->.\n\n\
         <!-- chiso:bang-xep-hang chi-so=chi-so nam=2023 khoi=khoi -->\n",
    );
    let built = build(root).unwrap_or_else(|d| panic!("{d}"));
    let article = built.page("tin-tuc/a/");
    let sentence = all(&article, "article p")
        .into_iter()
        .find(|p| p.starts_with("A:"))
        .expect("the sentence");
    // A's score is published; its rank is computed among C's illustrative
    // score, and its change from 2022's illustrative table.
    assert!(
        sentence.starts_with("A: 90,00%, xếp thứ 1/4*"),
        "{sentence}"
    );
    assert!(sentence.contains("bậc* so với năm 2022"), "{sentence}");
    let foot = one(&article, "table.ranking tfoot td.num");
    assert!(foot.ends_with('*'), "{foot}");
    // The ranking page marks the same ranks, and names no last place.
    let page = built.page("xep-hang/2023/khoi/");
    let ranks = all(&page, "table.ranking tbody td.rank");
    assert!(ranks.iter().all(|r| r.contains('*')), "{ranks:?}");
    assert!(!one(&page, "ul.table-summary").contains("Cuối bảng"));
    // The downloads say so of every such rank and of the average.
    let csv = std::fs::read_to_string(built.out.join("du-lieu/2023/khoi/chi-so.csv")).unwrap();
    let lines = parse_csv(csv.trim_start_matches('\u{feff}'));
    let column = lines[0].iter().position(|h| h == "hang_minh_hoa").unwrap();
    assert!(lines[1..].iter().all(|l| l[column] == "1"), "{lines:?}");
    let json = std::fs::read_to_string(built.out.join("du-lieu/2023/khoi/chi-so.json")).unwrap();
    assert!(json.contains("\"average_illustrative\": true"), "{json}");
}

/// A change in points made from a disputed published percent says, once,
/// that it is counted from the table's percent.
#[test]
fn a_points_change_from_a_disputed_percent_says_so_once() {
    let dir = fixture("minimal");
    let root = dir.path();
    let path = root.join("data/results/2023/khoi.toml");
    let toml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        toml.replace(
            "max_points = 90\n",
            "max_points = 90\npercent = 81.00\ndisputed = \"In nhầm.\"\n",
        ),
    )
    .unwrap();
    put(
        root,
        "content/tin-tuc/d.md",
        "+++\ntitle = \"D\"\ndate = 2024-05-08\n+++\n\
         D: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-d hien=thay-doi-diem -->.\n",
    );
    let built = build(root).unwrap_or_else(|d| panic!("{d}"));
    let sentence = all(&built.page("tin-tuc/d/"), "article p")
        .into_iter()
        .find(|p| p.starts_with("D:"))
        .expect("the sentence");
    assert_eq!(
        sentence,
        "D: tăng 10,00 điểm phần trăm so với năm 2022 (tính từ tỷ lệ theo điểm trong bảng, không theo tỷ lệ công bố)."
    );
}

/// Each figure `ket-qua` and `khoi` print on their own carries its marks:
/// points out of a maximum and a bare average made from illustrative
/// scores their `*`, a bare score kept against the table's its `‡`, a
/// band chiso derived "(tính từ bảng)"; the points column of a ranking
/// table marks an illustrative line's points as its score.
#[test]
fn figures_printed_alone_keep_their_marks() {
    let site = example_copy();
    let root = site.path();
    put(
        root,
        "content/tin-tuc/dau-hieu.md",
        "+++\ntitle = \"Dấu\"\ndate = 2024-03-01\n+++\n\n\
         A: <!-- chiso:ket-qua chi-so=cchc-tinh nam=2023 don-vi=so-thong-tin-va-truyen-thong hien=diem-dat -->.\n\n\
         B: <!-- chiso:khoi chi-so=cchc-tinh nam=2022 khoi=so-ban-nganh hien=binh-quan-so -->.\n\n\
         C: <!-- chiso:ket-qua chi-so=par-index nam=2023 hien=xep-loai -->.\n",
    );
    let built = build_ok(root);
    let article = built.page("tin-tuc/dau-hieu/");
    let lines = all(&article, "article p");
    let line = |start: &str| {
        lines
            .iter()
            .find(|l| l.starts_with(start))
            .cloned()
            .unwrap_or_else(|| panic!("{start} {lines:?}"))
    };
    assert!(line("A:").ends_with("/97*."), "{lines:?}");
    assert!(line("B:").ends_with("89,03*."), "{lines:?}");
    assert!(line("C:").ends_with(" (tính từ bảng)."), "{lines:?}");
    let page = built.page("xep-hang/2023/so-ban-nganh/");
    let points = all(&page, "table.ranking tbody td.points");
    assert!(points.iter().any(|p| p.ends_with('*')), "{points:?}");
}
