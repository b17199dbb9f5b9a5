//! Rating bands as publications print them (the fixture site
//! `tests/fixtures/published/bands`): tiers re-cut for one year, strict
//! ("trên") and inclusive ("từ") thresholds at the boundary, bands by rank,
//! quartile groups only stated, a band stated on a line with no score, and
//! published band counts in complete and partial tables, some disputed.

use std::sync::OnceLock;

use scraper::Html;

use crate::common::*;

/// The fixture site, built once for every test here.
fn site() -> &'static Built {
    static SITE: OnceLock<(tempfile::TempDir, Built)> = OnceLock::new();
    let (_, built) = SITE.get_or_init(|| {
        let dir = fixture("published/bands");
        let built = build_ok(dir.path());
        (dir, built)
    });
    built
}

/// The band cells of the ranking table of `index` on `page`, in row order.
fn bands(page: &Html, index: &str) -> Vec<String> {
    all(
        page,
        &format!("section#{index} table.ranking tbody td.band"),
    )
}

/// The published band counts under the ranking table of `index`.
/// The published counts of a table, as its summary says them (each once:
/// the list under the table gives only the notes of disputed ones).
fn counts(page: &Html, index: &str) -> Vec<String> {
    all(
        page,
        &format!("section#{index} ul.table-summary > li.band-count"),
    )
}

#[test]
fn inclusive_bands_reach_the_boundary_and_counts_are_checked() {
    let page = site().page("xep-hang/2023/khoi/cchc/");
    // 95, 90 (stated, agreeing), 85, 70 (stated Tốt, disputed: reaches none).
    let cells = bands(&page, "cchc");
    assert_eq!(cells[0], "Xuất sắc");
    assert_eq!(cells[1], "Xuất sắc (công bố)");
    assert_eq!(cells[2], "Tốt");
    assert!(
        cells[3].starts_with("Tốt‡ (công bố; tính từ bảng: không đạt mức nào)"),
        "{}",
        cells[3]
    );
    assert!(cells[3].contains("Quyết định xếp loại ghi đơn vị này Tốt."));
    // The published top-band count agrees: said once, on the table's
    // top-band line, not listed again.
    let footer = one(&page, "section#cchc tfoot");
    assert!(
        footer.contains("2/4 đơn vị đạt từ 90% (số liệu công bố, khớp với bảng)"),
        "{footer}"
    );
    // The downloads hold every published count, a disputed one with the
    // table's.
    let json = std::fs::read_to_string(site().out.join("du-lieu/2023/khoi/cchc.json")).unwrap();
    let line = json
        .lines()
        .find(|l| l.contains("\"band_counts\""))
        .unwrap_or_default();
    assert!(line.contains("Tốt: 2/4"), "{line}");
    let listed = counts(&page, "cchc");
    // The table's count is made of its own bands: the stated Tốt kept
    // against the table's (no band) is not counted in it, so the
    // published 2 is kept as disputed.
    assert!(
        listed[0].starts_with("Tốt (từ 80%): 2/4 đơn vị (công bố: 2; tính từ bảng: 1)"),
        "{}",
        listed[0]
    );
    assert!(
        listed[1].starts_with("Xuất sắc (từ 90%): 3/4 đơn vị (công bố: 3; tính từ bảng: 2)"),
        "{}",
        listed[1]
    );
    // Under the table, the disputed counts again, each with its note.
    let notes = all(&page, "section#cchc ul.band-counts > li");
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes[1].starts_with("Xuất sắc (từ 90%): 3/4 đơn vị (công bố: 3; tính từ bảng: 2)")
            && notes[1].contains("Báo cáo tổng hợp ghi 3 đơn vị xuất sắc."),
        "{notes:?}"
    );
}

#[test]
fn a_year_s_own_bands_replace_the_index_s_and_strict_ones_exclude_the_boundary() {
    let page = site().page("xep-hang/2024/khoi/");
    // 90,01 is above 90; 90 and 89,999 (printed 90,00) are not; 74,99 is
    // below 75.
    assert_eq!(bands(&page, "cchc"), ["Loại A", "Loại B", "Loại B", "—"]);
    assert_eq!(
        one(&page, "section#cchc p.table-bands"),
        "Mức xếp loại của bảng này: Loại A (trên 90%); Loại B (từ 75%)."
    );
    let earlier = site().page("xep-hang/2023/khoi/cchc/");
    assert!(earlier.select(&sel("p.table-bands")).next().is_none());
    assert_eq!(
        counts(&page, "cchc"),
        ["Loại B (từ 75%): 2/4 đơn vị (số liệu công bố, khớp với bảng)"]
    );
    assert!(one(&page, "section#cchc tfoot")
        .contains("1/4 đơn vị đạt trên 90% (số liệu công bố, khớp với bảng)"));
    let summary = all(&page, "section#cchc ul.table-summary li");
    assert!(
        summary
            .contains(&"Loại A (trên 90%): 1/4 đơn vị (số liệu công bố, khớp với bảng)".to_owned()),
        "{summary:?}"
    );
    // The same unit, at 90,00 both years, is in the 2023 tier "từ 90" and
    // not in the 2024 tier "trên 90".
    let unit = site().page("don-vi/don-vi-b/");
    let history = all(&unit, "table.history[data-index=cchc] td.band");
    assert_eq!(history, ["Loại B", "Xuất sắc (công bố)"]);
}

#[test]
fn bands_by_rank_follow_the_computed_rank() {
    let page = site().page("xep-hang/2023/khoi/top/");
    // Rows in rank order: D 80 (1st), C 70, B 60, A 50.
    assert_eq!(
        bands(&page, "top"),
        ["Dẫn đầu", "Nhóm đầu (công bố)", "Nhóm đầu", "—"]
    );
    assert_eq!(
        counts(&page, "top"),
        ["Nhóm đầu (hạng 1–3): 2/4 đơn vị (số liệu công bố, khớp với bảng)"]
    );
    let index = site().page("chi-so/top/");
    assert_eq!(
        all(&index, "ul.bands li"),
        ["Dẫn đầu: hạng 1", "Nhóm đầu: hạng 1–3"]
    );
}

#[test]
fn quartile_groups_are_held_as_stated_even_without_a_score() {
    let page = site().page("xep-hang/2023/khoi/papi/");
    assert_eq!(
        bands(&page, "papi"),
        [
            "Nhóm điểm cao nhất (công bố)",
            "Nhóm điểm trung bình cao (công bố)"
        ]
    );
    // A partial table: the counts are as published, out of its stated 61.
    assert_eq!(
        counts(&page, "papi"),
        [
            "Nhóm điểm cao nhất: 16/61 đơn vị (số liệu công bố)",
            "Nhóm điểm thấp nhất: 15/61 đơn vị (số liệu công bố)"
        ]
    );
    assert_eq!(
        all(&page, "section#papi ul.table-summary li.band-count"),
        [
            "Nhóm điểm cao nhất: 16/61 đơn vị (số liệu công bố)",
            "Nhóm điểm thấp nhất: 15/61 đơn vị (số liệu công bố)"
        ]
    );
    let unit = site().page("don-vi/don-vi-b/");
    assert_eq!(
        all(&unit, "table.history[data-index=papi] td.band"),
        ["Nhóm điểm trung bình cao (công bố)"]
    );
    let index = site().page("chi-so/papi/");
    assert!(all(&index, "ul.bands li")[0].contains("không có ngưỡng"));
}

#[test]
fn a_stated_band_on_a_partial_line_without_a_score_is_shown() {
    let page = site().page("xep-hang/2022/khoi/");
    assert_eq!(bands(&page, "cchc"), ["Xuất sắc (công bố)"]);
    assert_eq!(
        counts(&page, "cchc"),
        ["2/4 đơn vị đạt từ 90% trở lên (số liệu công bố)"]
    );
}

#[test]
fn a_disputed_note_on_a_figure_that_agrees_is_a_warning() {
    let dir = fixture("published/bands");
    let file = "data/results/2023/top.toml";
    let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
    let text = text
        .replacen("count = 2", "count = 2\ndisputed = \"Không rõ.\"", 1)
        .replacen(
            "band = \"top-3\"\n\n",
            "band = \"top-3\"\nband_disputed = \"Không rõ.\"\n\n",
            1,
        );
    put(dir.path(), file, &text);
    let built = build_ok(dir.path());
    let warnings = built.report.warnings.to_string();
    assert!(warnings.contains("top.toml:9:12"), "{warnings}");
    assert!(warnings.contains("top.toml:23:17"), "{warnings}");
    assert!(warnings.contains("nothing to dispute"), "{warnings}");
    assert_eq!(
        warnings.matches("nothing to dispute").count(),
        2,
        "{warnings}"
    );
}

#[test]
fn disputed_notes_are_markdown_under_the_html_policy() {
    let dir = fixture("published/bands");
    let file = "data/results/2023/cchc.toml";
    let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
    let text = text
        .replace(
            "**3** đơn vị xuất sắc.",
            "[3 đơn vị](javascript:alert(1)) xuất sắc.",
        )
        .replace("ghi đơn vị này *Tốt*.", "<b>Tốt</b>.");
    put(dir.path(), file, &text);
    let errors = build_err(dir.path());
    assert!(errors.contains("cchc.toml:19:34"), "{errors}");
    assert!(errors.contains("javascript"), "{errors}");
    assert!(errors.contains("cchc.toml:38:38"), "{errors}");
}

#[test]
fn the_example_site_s_published_band_counts_are_shown() {
    let built = build_ok(&example_root());
    let page = built.page("xep-hang/2023/so-ban-nganh/");
    // The published 12/17 agrees with the table: said on its top-band
    // line rather than listed twice.
    let footer = one(&page, "section#cchc-tinh tfoot");
    assert!(
        footer.contains("12/17 đơn vị đạt trên 90% (số liệu công bố, khớp với bảng)"),
        "{footer}"
    );
}

#[test]
fn band_thresholds_print_as_written_not_padded() {
    let dir = fixture("minimal");
    let root = dir.path();
    let indices = std::fs::read_to_string(root.join("data/indices.toml")).unwrap();
    put(
        root,
        "data/indices.toml",
        &(indices.replace("min = 80", "min = 87.5")
            + r#"
[[index]]
id = "sipas"
name = "Chỉ số hài lòng"
scale = { min = 0, max = 1 }
unit_label = "điểm"
decimals = 4

[[index.band]]
id = "cao"
name = "Cao"
above = 0.5
"#),
    );
    put(
        root,
        "data/results/2023/sipas.toml",
        "index = \"sipas\"\nyear = 2023\ngroup = \"khoi\"\ncomplete = false\n\n\
         [[result]]\nunit = \"don-vi-a\"\nscore = 0.6123\n",
    );
    let built = build_ok(root);
    assert_eq!(
        all(&built.page("chi-so/chi-so/"), "ul.bands li"),
        ["Xuất sắc: từ 90%", "Tốt: từ 87,5%"]
    );
    assert_eq!(
        all(&built.page("chi-so/sipas/"), "ul.bands li"),
        ["Cao: trên 0,5 điểm"]
    );
}

/// A decision that only rates units in groups ("Nhóm A: …, Nhóm B: …"),
/// with no score or rank, and one that only lists the leaders and leaves a
/// unit out: each unit's page says what was published of it.
#[test]
fn a_band_alone_a_listing_and_an_exclusion_reach_the_units_pages() {
    let dir = fixture("published/bands");
    let root = dir.path();
    let indices = std::fs::read_to_string(root.join("data/indices.toml")).unwrap();
    put(
        root,
        "data/indices.toml",
        &format!("{indices}\n[[index]]\nid = \"nhom\"\nname = \"Xếp nhóm\"\nscale = {{ min = 0, max = 100 }}\n"),
    );
    put(
        root,
        "data/results/2024/nhom.toml",
        r#"index = "nhom"
year = 2024
group = "khoi"
complete = false

[[band]]
id = "nhom-a"
name = "Nhóm A"
[[band]]
id = "nhom-b"
name = "Nhóm B"

[[result]]
unit = "don-vi-c"
band = "nhom-b"
[[result]]
unit = "don-vi-a"
band = "nhom-a"
[[result]]
unit = "don-vi-b"
band = "nhom-a"

[[listing]]
label = "Đơn vị dẫn đầu"
end = "top"
count = 1
units = ["don-vi-d"]

"#,
    );
    // The year before, the same decision left a unit out.
    put(
        root,
        "data/results/2023/nhom.toml",
        r#"index = "nhom"
year = 2023
group = "khoi"
complete = false

[[band]]
id = "nhom-a"
name = "Nhóm A"

[[result]]
unit = "don-vi-a"
band = "nhom-a"

[[excluded]]
unit = "don-vi-d"
reason = "Đang thanh tra"
"#,
    );
    let built = build_ok(root);
    let page = built.page("xep-hang/2024/khoi/nhom/");
    // The best band first, alphabetical within it, however the file lists them.
    assert_eq!(
        bands(&page, "nhom"),
        ["Nhóm A (công bố)", "Nhóm A (công bố)", "Nhóm B (công bố)"]
    );
    assert_eq!(
        all(&page, "section#nhom table.ranking tbody th.unit a"),
        ["Đơn vị A", "Đơn vị B", "Đơn vị C"]
    );
    // The downloads hold the listing as published.
    let json = std::fs::read_to_string(built.out.join("du-lieu/2024/khoi/nhom.json")).unwrap();
    assert!(
        json.contains("\"listings\": \"Đơn vị dẫn đầu: Đơn vị D\""),
        "{json}"
    );
    let a = built.page("don-vi/don-vi-a/");
    let card = one(&a, "article.scorecard[data-index=\"nhom\"] .scorecard-hero");
    assert_eq!(card, "Xếp loại Nhóm A");
    let d = built.page("don-vi/don-vi-d/");
    assert_eq!(
        all(&d, "ul.mentions li[data-index=\"nhom\"]"),
        [
            "Xếp nhóm 2024, Khối thử: Đơn vị dẫn đầu (số liệu công bố). Xem bảng",
            "Xếp nhóm 2023, Khối thử: không có trong bảng (Đang thanh tra). Xem bảng"
        ]
    );
}

/// A complete decision that rates one new unit only in a band ("chỉ xếp
/// loại, không chấm điểm"): the unit is not ranked, but it counts in its
/// band's published count and in the units the counts are out of.
#[test]
fn a_unit_rated_only_in_a_band_counts_in_a_complete_tables_band_counts() {
    let dir = fixture("published/bands");
    let root = dir.path();
    put(
        root,
        "data/results/2025/cchc.toml",
        r#"index = "cchc"
year = 2025
group = "khoi"
complete = true

[[band_count]]
band = "xuat-sac"
count = 1
of = 4

[[band_count]]
band = "tot"
count = 2
of = 4

[[band_count]]
min = 80
count = 3

[[result]]
unit = "don-vi-a"
score = 95

[[result]]
unit = "don-vi-b"
score = 85

[[result]]
unit = "don-vi-c"
score = 70

[[result]]
unit = "don-vi-d"
band = "tot"
"#,
    );
    let built = build_ok(root);
    let page = built.page("xep-hang/2025/khoi/");
    assert_eq!(
        all(&page, "section#cchc table.ranking tbody td.rank"),
        ["1", "2", "3", "—"]
    );
    assert_eq!(
        bands(&page, "cchc"),
        ["Xuất sắc", "Tốt", "—", "Tốt (công bố)"]
    );
    let footer = one(&page, "section#cchc tfoot");
    assert!(
        footer.contains("1/4 đơn vị đạt từ 90% (số liệu công bố, khớp với bảng)"),
        "{footer}"
    );
    assert_eq!(
        counts(&page, "cchc"),
        [
            "Tốt (từ 80%): 2/4 đơn vị (số liệu công bố, khớp với bảng)",
            // Whether the unit rated Tốt reaches 80% is not known: checked
            // only as at least the two scored lines.
            "3/4 đơn vị đạt từ 80% trở lên (số liệu công bố)"
        ]
    );
    let d = built.page("don-vi/don-vi-d/");
    let card = one(&d, "article.scorecard[data-index=\"cchc\"] .scorecard-hero");
    assert!(card.contains("Xếp loại Tốt"), "{card}");
}

/// A band-only line cannot hide a count that disagrees: the unit rated in
/// a band counts, so one more is an error.
#[test]
fn a_band_count_missing_a_unit_rated_only_in_a_band_is_an_error() {
    let dir = fixture("published/bands");
    let root = dir.path();
    put(
        root,
        "data/results/2025/cchc.toml",
        "index = \"cchc\"\nyear = 2025\ngroup = \"khoi\"\ncomplete = true\n\n\
         [[band_count]]\nband = \"tot\"\ncount = 1\n\n\
         [[result]]\nunit = \"don-vi-a\"\nscore = 95\n\n\
         [[result]]\nunit = \"don-vi-b\"\nscore = 85\n\n\
         [[result]]\nunit = \"don-vi-c\"\nscore = 70\n\n\
         [[result]]\nunit = \"don-vi-d\"\nband = \"tot\"\n",
    );
    let err = build_err(root);
    assert!(err.contains("the table gives 2"), "{err}");
}

/// A decision rating every unit of a group only in bands, in full: no rank
/// or score column (none has one), not called an extract, the best band
/// first, in its page and in an article quoting it.
#[test]
fn a_decision_rating_every_unit_in_bands_shows_only_bands() {
    let dir = fixture("published/bands");
    let root = dir.path();
    let indices = std::fs::read_to_string(root.join("data/indices.toml")).unwrap();
    put(
        root,
        "data/indices.toml",
        &format!(
            "{indices}\n[[index]]\nid = \"nhom\"\nname = \"Xếp nhóm\"\n\
             scale = {{ min = 0, max = 100 }}\n\n\
             [[index.band]]\nid = \"a\"\nname = \"Nhóm A\"\n\n\
             [[index.band]]\nid = \"b\"\nname = \"Nhóm B\"\n"
        ),
    );
    let mut file = "index = \"nhom\"\nyear = 2024\ngroup = \"khoi\"\nof = 4\n".to_owned();
    for (unit, band) in [("c", "b"), ("a", "b"), ("d", "a"), ("b", "a")] {
        file.push_str(&format!(
            "\n[[result]]\nunit = \"don-vi-{unit}\"\nband = \"{band}\"\n"
        ));
    }
    put(root, "data/results/2024/nhom.toml", &file);
    put(
        root,
        "content/tin-tuc/xep-nhom.md",
        "+++\ntitle = \"Xếp nhóm\"\ndate = 2024-06-01\n+++\n\n\
         <!-- chiso:bang-xep-hang chi-so=nhom nam=2024 khoi=khoi -->\n\n\
         Đơn vị B: <!-- chiso:ket-qua chi-so=nhom nam=2024 don-vi=don-vi-b -->; \
         C: <!-- chiso:ket-qua chi-so=nhom nam=2024 don-vi=don-vi-c hien=xep-loai -->.\n",
    );
    let built = build_ok(root);
    let page = built.page("xep-hang/2024/khoi/nhom/");
    assert_eq!(
        all(&page, "section#nhom table.ranking thead th"),
        ["Đơn vị", "Xếp loại"]
    );
    let caption = one(&page, "section#nhom table.ranking caption");
    assert!(!caption.contains("trích"), "{caption}");
    assert_eq!(
        all(&page, "section#nhom table.ranking tbody th.unit a"),
        ["Đơn vị B", "Đơn vị D", "Đơn vị A", "Đơn vị C"]
    );
    let article = built.page("tin-tuc/xep-nhom/");
    assert_eq!(
        all(&article, "table.embedded thead th"),
        ["Đơn vị", "Xếp loại"]
    );
    assert!(
        one(&article, "article").contains("Đơn vị B: xếp loại Nhóm A; C: Nhóm B."),
        "{}",
        one(&article, "article")
    );
    // The page's share card lists the bands, not "—".
    let alt = page
        .select(&sel("meta[property='og:image:alt']"))
        .filter_map(|m| m.value().attr("content"))
        .collect::<String>();
    assert!(
        alt.ends_with(": Đơn vị B Nhóm A; Đơn vị D Nhóm A; Đơn vị A Nhóm B; Đơn vị C Nhóm B"),
        "{alt}"
    );
}

/// Quartile groups are stated line by line, best first: a lower score in a
/// better group than a higher one is a slip the build names, unless
/// `band_disputed` keeps it as published.
#[test]
fn stated_groups_against_the_scores_are_an_error() {
    let dir = fixture("published/bands");
    let root = dir.path();
    let table = |c_band: &str, extra: &str| {
        format!(
            "index = \"papi\"\nyear = 2024\ngroup = \"khoi\"\n\n\
             [[result]]\nunit = \"don-vi-a\"\nscore = 52.9\nband = \"thap-nhat\"\n\n\
             [[result]]\nunit = \"don-vi-b\"\nscore = 45.1\nband = \"trung-binh-thap\"\n\n\
             [[result]]\nunit = \"don-vi-c\"\nscore = 34.2\nband = \"{c_band}\"\n{extra}\n\
             [source]\ntitle = \"Báo cáo PAPI\"\n"
        )
    };
    put(root, "data/results/2024/papi.toml", &table("cao-nhat", ""));
    let err = build_err(root);
    assert!(
        err.contains("`don-vi-c` (score 34.2000) is stated to be in band `cao-nhat`, above the band `thap-nhat` of `don-vi-a` (score 52.9000, line 8):"),
        "{err}"
    );
    // `don-vi-b` is in a better group than `don-vi-a` too.
    assert!(err.contains("`don-vi-b` (score 45.1000)"), "{err}");
    // Kept as published, with the reason, on both lines that break the order.
    let kept = table("cao-nhat", "band_disputed = \"Báo cáo in như vậy.\"\n").replace(
        "band = \"trung-binh-thap\"",
        "band = \"trung-binh-thap\"\nband_disputed = \"Báo cáo in như vậy.\"",
    );
    put(root, "data/results/2024/papi.toml", &kept);
    build_ok(root);
    put(
        root,
        "data/results/2024/papi.toml",
        &table("thap-nhat", "")
            .replace("band = \"trung-binh-thap\"", "band = \"thap-nhat\"")
            .replace(
                "score = 52.9\nband = \"thap-nhat\"",
                "score = 52.9\nband = \"cao-nhat\"",
            ),
    );
    build_ok(root);
}

/// Two lines whose stated groups are swapped are the two lines blamed, not
/// every line in between that disagrees with one of them (adv17 M2).
#[test]
fn swapped_stated_groups_blame_the_two_swapped_lines() {
    let dir = fixture("published/bands");
    let root = dir.path();
    let units = ["don-vi-a", "don-vi-b", "don-vi-c", "don-vi-d"];
    // Eight lines, two per group, best first; the best and the worst swap.
    let bands = [
        "thap-nhat",
        "cao-nhat",
        "trung-binh-cao",
        "trung-binh-cao",
        "trung-binh-thap",
        "trung-binh-thap",
        "thap-nhat",
        "cao-nhat",
    ];
    let mut table = String::from("index = \"papi\"\nyear = 2024\ngroup = \"khoi\"\n");
    for (i, band) in bands.iter().enumerate() {
        let unit = units.get(i).map_or(format!("tinh-{i}"), |u| u.to_string());
        table += &format!(
            "\n[[result]]\nunit = \"{unit}\"\nscore = {}.5\nband = \"{band}\"\n",
            60 - i * 3
        );
    }
    table += "\n[source]\ntitle = \"Báo cáo PAPI\"\n";
    let extra_units: String = (4..8)
        .map(|i| format!("\n[[unit]]\nid = \"tinh-{i}\"\nname = \"Tỉnh {i}\"\ngroup = \"khoi\"\nactive_from = 2024\nactive_to = 2024\n"))
        .collect();
    let units_file = root.join("data/units.toml");
    let mut units_toml = std::fs::read_to_string(&units_file).expect("units.toml");
    units_toml += &extra_units;
    put(root, "data/units.toml", &units_toml);
    put(root, "data/results/2024/papi.toml", &table);
    let err = build_err(root);
    // (The other 2024 table, complete, now leaves out the new units.)
    let errors: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("error:") && l.contains("stated to be in band"))
        .collect();
    assert_eq!(errors.len(), 2, "{err}");
    assert!(
        errors[0].starts_with("error: `don-vi-a` (score 60.5000) is stated to be in band `thap-nhat`, below the band `cao-nhat` of `don-vi-b` (score 57.5000, line 13) and of 4 other lines scoring lower:"),
        "{err}"
    );
    assert!(
        errors[1].starts_with("error: `tinh-7` (score 39.5000) is stated to be in band `cao-nhat`, above the band `thap-nhat` of `tinh-6` (score 42.5000, line 38) and of 4 other lines scoring higher:"),
        "{err}"
    );
}

/// An article can quote the band counts a partial table published: `khoi`
/// says them as the page does (`so-dat` the top band's count as
/// published), rather than that the index has no bands.
#[test]
fn an_article_quotes_a_partial_table_s_published_band_counts() {
    let dir = fixture("published/bands");
    put(
        dir.path(),
        "content/tin-tuc/bai.md",
        "+++\ntitle = \"Bài\"\ndate = 2024-05-01\n+++\n\
         Đạt mức cao nhất: <!-- chiso:khoi chi-so=cchc nam=2022 khoi=khoi hien=so-dat -->.\n\n\
         Tóm tắt: <!-- chiso:khoi chi-so=cchc nam=2022 khoi=khoi -->.\n\n\
         PAPI: <!-- chiso:khoi chi-so=papi nam=2023 khoi=khoi -->.\n",
    );
    let built = build_ok(dir.path());
    let text = one(&built.page("tin-tuc/bai/"), "article");
    assert!(text.contains("Đạt mức cao nhất: 2."), "{text}");
    assert!(
        text.contains("Tóm tắt: 2/4 đơn vị đạt từ 90% trở lên."),
        "{text}"
    );
    assert!(text.contains("PAPI: "), "{text}");
    assert!(text.contains(": 16/61 đơn vị; "), "{text}");
}

/// A decision rating units only in bands (after a year that ranked
/// them): the year page's summary says each unit's band, not a dash; its
/// page is no "extract of a ranking", and has no change column, since a
/// band has no place to compare.
#[test]
fn a_partial_table_of_bands_alone_is_summarised_by_band() {
    let dir = fixture("published/bands");
    put(
        dir.path(),
        "data/results/2025/cchc.toml",
        "index = \"cchc\"\nyear = 2025\ngroup = \"khoi\"\n\n\
         [[result]]\nunit = \"don-vi-a\"\nband = \"xuat-sac\"\n\n\
         [source]\ntitle = \"Quyết định thử\"\n",
    );
    let built = build_ok(dir.path());
    let items = all(&built.page("nam/2025/"), ".table-card .table-summary li");
    assert!(
        items.iter().any(|i| i.ends_with(": xếp loại Xuất sắc")),
        "{items:?}"
    );
    let page = built.page("xep-hang/2025/khoi/");
    let text = one(&page, "main");
    assert!(!text.contains("trích bảng xếp hạng"), "{text}");
    let heads = all(&page, "table.ranking thead th");
    assert!(
        !heads.iter().any(|h| h.starts_with("So với năm trước")),
        "{heads:?}"
    );
}

/// A partial table's line with a score and a band, stated or computed,
/// says both on the year page and the index page (the band was left out
/// when the line had a score), and the rank after them.
#[test]
fn a_partial_line_with_a_score_says_its_band_too() {
    let dir = fixture("published/bands");
    put(
        dir.path(),
        "data/results/2025/cchc.toml",
        "index = \"cchc\"\nyear = 2025\ngroup = \"khoi\"\n\n\
         [[result]]\nunit = \"don-vi-a\"\nscore = 95.5\nband = \"xuat-sac\"\nrank = 1\nof = 4\n\n\
         [[result]]\nunit = \"don-vi-b\"\nscore = 91.25\n\n\
         [source]\ntitle = \"Quyết định thử\"\n",
    );
    let built = build_ok(dir.path());
    for page in ["nam/2025/", "chi-so/cchc/"] {
        let items = all(&built.page(page), ".table-card .table-summary li");
        assert!(
            items.iter().any(|i| i.starts_with("Đơn vị A: 95,5")
                && i.contains(", xếp loại Xuất sắc, xếp thứ 1/4")),
            "{page}: {items:?}"
        );
        assert!(
            items
                .iter()
                .any(|i| i.starts_with("Đơn vị B: 91,25") && i.contains(", xếp loại ")),
            "{page}: {items:?}"
        );
    }
}

/// A stated band kept against the table's is marked ‡ with the table's
/// beside it, and the downloads hold both.
#[test]
fn a_disputed_band_is_marked_and_downloaded_with_the_tables() {
    let dir = fixture("published/bands");
    let root = dir.path();
    let path = root.join("data/results/2023/cchc.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replace("[[band_count]]\nband = \"tot\"\ncount = 2\n", "")
        .replace(
            "unit = \"don-vi-c\"\nscore = 85\n",
            "unit = \"don-vi-c\"\nscore = 88\nband = \"xuat-sac\"\nband_disputed = \"Quyết định ghi Xuất sắc.\"\n",
        );
    std::fs::write(&path, text).unwrap();
    put(
        root,
        "content/tin-tuc/loai.md",
        "+++\ntitle = \"Loại\"\ndate = 2024-06-01\n+++\n\n\
         C: <!-- chiso:ket-qua chi-so=cchc nam=2023 khoi=khoi don-vi=don-vi-c hien=xep-loai -->.\n",
    );
    let built = build_ok(root);
    let page = built.page("xep-hang/2023/khoi/cchc/");
    let cells = bands(&page, "cchc");
    assert!(
        cells[2].starts_with("Xuất sắc‡ (công bố; tính từ bảng: Tốt)"),
        "{cells:?}"
    );
    // A sentence says both too.
    let article = one(&built.page("tin-tuc/loai/"), "article");
    assert!(
        article.contains("C: Xuất sắc‡ (công bố; tính từ bảng: Tốt)."),
        "{article}"
    );
    let csv = std::fs::read_to_string(built.out.join("du-lieu/2023/khoi/cchc.csv")).unwrap();
    assert!(
        csv.contains(",ma_xep_loai,xep_loai,ma_xep_loai_tinh_tu_bang,"),
        "{csv}"
    );
    let line = csv
        .lines()
        .find(|l| l.contains("don-vi-c"))
        .unwrap_or_default();
    assert!(line.contains(",xuat-sac,Xuất sắc,tot,"), "{line}");
}

/// `khoi` says a table's band counts inside its sentence: each band's name
/// in lower case, as "bình quân" is.
#[test]
fn khoi_says_band_counts_inside_the_sentence() {
    let dir = fixture("published/bands");
    let root = dir.path();
    put(
        root,
        "content/tin-tuc/khoi.md",
        "+++\ntitle = \"Khối\"\ndate = 2024-06-01\n+++\n\n\
         PAPI 2023: <!-- chiso:khoi chi-so=papi nam=2023 khoi=khoi -->.\n",
    );
    let built = build_ok(root);
    let article = one(&built.page("tin-tuc/khoi/"), "article");
    assert!(
        article.contains("PAPI 2023: nhóm điểm cao nhất: 16/61"),
        "{article}"
    );
}

/// A line whose published percent is kept against the table's (`disputed`)
/// gets its band from the table's percent, as everything computed does;
/// when the published one would reach another band, the note under the
/// table says both, so that the band cell beside the published figure is
/// explained.
#[test]
fn a_disputed_percent_that_would_reach_another_band_says_both() {
    let dir = fixture("minimal");
    let root = dir.path();
    let file = "data/results/2023/khoi.toml";
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    put(
        root,
        file,
        &text.replace(
            "points = 72\nmax_points = 90\n",
            "points = 72\nmax_points = 90\npercent = 90\ndisputed = \"Quyết định in 90%.\"\n",
        ),
    );
    let built = build_ok(root);
    let page = built.page("xep-hang/2023/khoi");
    let note = one(&page, ".note.disputed");
    assert!(
        note.contains("công bố: 90%; tính từ bảng: 80%; xếp loại tính từ bảng: Tốt (theo số công bố: Xuất sắc)"),
        "{note}"
    );
    // The chart draws the published 90% above the Xuất sắc line: its note
    // says the table's band does not follow the drawing.
    let chart = one(&page, "svg");
    assert!(
        chart.contains("xếp loại trong bảng theo số liệu tính từ điểm"),
        "{chart}"
    );
    // A published percent in the same band as the table's needs no word.
    put(
        root,
        file,
        &text.replace(
            "points = 72\nmax_points = 90\n",
            "points = 72\nmax_points = 90\npercent = 81\ndisputed = \"Quyết định in 81%.\"\n",
        ),
    );
    let built = build_ok(root);
    let page = built.page("xep-hang/2023/khoi");
    let note = one(&page, ".note.disputed");
    assert!(!note.contains("xếp loại"), "{note}");
    let chart = one(&page, "svg");
    assert!(chart.contains("‡ Số liệu công bố"), "{chart}");
    assert!(!chart.contains("xếp loại trong bảng"), "{chart}");
}

/// A table of published band counts alone is published with its counts
/// and no empty table under them, and without a source it is warned of
/// like a table of lines: its figures are published ones too.
#[test]
fn a_table_of_band_counts_alone_shows_no_empty_table_and_names_its_source() {
    let dir = fixture("minimal");
    let root = dir.path();
    put(
        root,
        "data/results/2024/khoi.toml",
        "index = \"chi-so\"\nyear = 2024\ngroup = \"khoi\"\n\n[[band_count]]\nband = \"xuat-sac\"\ncount = 2\n",
    );
    let built = build_ok(root);
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains("the `chi-so` table of 2024 names no source"),
        "{warnings}"
    );
    let page = built.page("xep-hang/2024/khoi");
    assert!(all(&page, "table").is_empty(), "no table of no line");
    assert!(one(&page, "li.band-count").contains("Xuất sắc (từ 90%): 2 đơn vị"));
    // Said once: in the summary, not again under it.
    assert!(all(&page, "ul.band-counts").is_empty());
    // A published average beside the counts is said in the summary, with
    // no table of an average row alone.
    let text = std::fs::read_to_string(root.join("data/results/2024/khoi.toml")).unwrap();
    put(
        root,
        "data/results/2024/khoi.toml",
        &text.replace(
            "group = \"khoi\"\n",
            "group = \"khoi\"\npublished_average = 88.5\n",
        ),
    );
    let page = build_ok(root).page("xep-hang/2024/khoi");
    assert!(
        all(&page, "table").is_empty(),
        "no table of an average alone"
    );
    assert!(one(&page, "ul.table-summary").contains("88,5%"));
}

/// Published counts that contradict each other (more units in a band from
/// 90% than from 80% or more) are warned of at the larger count: one of
/// them was mistyped.
#[test]
fn published_counts_that_contradict_each_other_are_warned_of() {
    let dir = fixture("minimal");
    let root = dir.path();
    put(
        root,
        "data/results/2024/khoi.toml",
        "index = \"chi-so\"\nyear = 2024\ngroup = \"khoi\"\n\n[source]\ntitle = \"QĐ\"\n\n\
         [[band_count]]\nband = \"xuat-sac\"\ncount = 5\nof = 6\n\n\
         [[band_count]]\nmin = 80\ncount = 4\nof = 6\n",
    );
    let built = build_ok(root);
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains("the number of units in band `xuat-sac` is stated as 5, more than the number of units scoring 80 or more (4)"),
        "{warnings}"
    );
    assert!(warnings.contains("khoi.toml:10:9"), "{warnings}");
}

/// A line stating only its band where the bands follow from the score and
/// the other lines have one is likely a blank score cell: a warning, as
/// the unit leaves the ranking and the average (adv18 M2).
#[test]
fn a_band_without_its_score_among_scored_lines_is_a_warning() {
    let site = fixture("minimal");
    let path = site.path().join("data/results/2023/khoi.toml");
    let table = std::fs::read_to_string(&path).unwrap().replace(
        "unit = \"don-vi-d\"\npoints = 72\nmax_points = 90",
        "unit = \"don-vi-d\"\nband = \"tot\"",
    );
    put(site.path(), "data/results/2023/khoi.toml", &table);
    let built = build_ok(site.path());
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains("`don-vi-d` states only its band `tot`, with no score, while 3 other lines of the table have one"),
        "{warnings}"
    );
    assert!(warnings.contains("khoi.toml:20:"), "{warnings}");
}
