//! Table-driven tests of the assembled model: ties, units left out of the
//! ranking, regional ranks under two schemes, points against percent, merged
//! and renamed units, and comparisons across a reorganisation.

use std::path::PathBuf;

use super::{assemble, Comparison, NoComparison, Site};
use crate::data::{Loaded, RawData, Reading, SourceFile};
use crate::diagnostic::Diagnostics;
use crate::parse::{parse_document, Format};

const INDICES: &str = r#"
[[index]]
id = "par"
name = "PAR"
scale = { min = 0, max = 100 }
decimals = 2
[[index.band]]
id = "a"
name = "A"
min = 90
"#;

const UNITS: &str = r#"
[[group]]
id = "tinh"
name = "Tỉnh"
[[group]]
id = "khoi-moi"
name = "Khối mới"
comparable_with = ["tinh"]
[[group]]
id = "khac"
name = "Khác"

[[region]]
id = "btb"
name = "Bắc Trung Bộ"
scheme = "8 vùng"
[[region]]
id = "btb-dhmt"
name = "Bắc Trung Bộ và duyên hải miền Trung"
scheme = "6 vùng"

[[unit]]
id = "thanh-hoa"
name = "Thanh Hóa"
regions = ["btb", "btb-dhmt"]
[[unit]]
id = "nghe-an"
name = "Nghệ An"
regions = ["btb", "btb-dhmt"]
[[unit]]
id = "ha-tinh"
name = "Hà Tĩnh"
regions = ["btb", "btb-dhmt"]
former_names = ["Nghệ Tĩnh"]
[[unit]]
id = "da-nang"
name = "Đà Nẵng"
regions = ["btb-dhmt"]
[[unit]]
id = "bac-ninh"
name = "Bắc Ninh"
[[unit]]
id = "ha-giang"
name = "Hà Giang"
merged_into = "tuyen-quang"
active_to = 2024
[[unit]]
id = "tuyen-quang"
name = "Tuyên Quang"
"#;

/// The raw data of the test definitions and the results files given as
/// (path, text).
fn raw_with(tables: &[(&str, &str)]) -> RawData {
    raw_with_indices(INDICES, tables)
}

/// [`raw_with`] with `indices` for `data/indices.toml`.
fn raw_with_indices(indices: &str, tables: &[(&str, &str)]) -> RawData {
    let mut raw = RawData::default();
    let mut files = vec![("data/indices.toml", indices), ("data/units.toml", UNITS)];
    files.extend_from_slice(tables);
    for (n, (path, text)) in files.iter().enumerate() {
        let format = if path.ends_with(".json") {
            Format::Json
        } else {
            Format::Toml
        };
        match n {
            0 => raw.indices.push(Loaded {
                value: std::sync::Arc::new(parse_document(text, format).unwrap()),
                file: n,
            }),
            1 => raw.units.push(Loaded {
                value: std::sync::Arc::new(parse_document(text, format).unwrap()),
                file: n,
            }),
            _ => raw.tables.push(Loaded {
                value: std::sync::Arc::new(parse_document(text, format).unwrap()),
                file: n,
            }),
        }
        raw.files.push(SourceFile {
            path: PathBuf::from(path),
            format,
            text: (*text).into(),
            reading: Reading::Whole,
        });
    }
    raw
}

/// Assembles a site from files given as (path, text).
pub(crate) fn site(tables: &[(&str, &str)]) -> (Site, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let site = assemble(raw_with(tables), &mut diagnostics);
    (site, diagnostics)
}

/// [`site`] with `indices` for the test index definitions.
pub(crate) fn site_with_indices(indices: &str, tables: &[(&str, &str)]) -> (Site, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let site = assemble(raw_with_indices(indices, tables), &mut diagnostics);
    (site, diagnostics)
}

pub(crate) fn ok(tables: &[(&str, &str)]) -> Site {
    let (site, diagnostics) = site(tables);
    assert!(!diagnostics.has_errors(), "{diagnostics}");
    site
}

/// (unit id, rank, of) of each row of the table of `year`.
fn ranks(site: &Site, year: i32) -> Vec<(String, Option<u32>, Option<u32>)> {
    let table = site.tables.iter().find(|t| t.year == year).unwrap();
    table
        .rows
        .iter()
        .map(|r| (site.units[r.unit].id.clone(), r.rank, r.of))
        .collect()
}

/// A complete table of `rows`, with a source (at the end: the rows' lines
/// are where tests say they are).
pub(crate) fn table(year: i32, group: &str, rows: &str) -> String {
    format!(
        "index = \"par\"\nyear = {year}\ngroup = \"{group}\"\ncomplete = true\n{rows}\n\
         [source]\ntitle = \"Quyết định thử\"\n"
    )
}

pub(crate) fn row(unit: &str, rest: &str) -> String {
    format!("[[result]]\nunit = \"{unit}\"\n{rest}\n")
}

#[test]
fn ties_units_left_out_and_the_total_ranked() {
    let rows = [
        row("thanh-hoa", "score = 90.001"),
        row("nghe-an", "score = 89.999"), // both print 90,00: tied
        row("ha-tinh", "score = 88"),
        row("bac-ninh", "not_ranked = \"Dữ liệu không đủ tin cậy\""),
        row("da-nang", "score = 91"),
    ]
    .concat();
    let site = ok(&[("data/results/2023/par.toml", &table(2023, "tinh", &rows))]);
    let want = [
        ("da-nang", Some(1), Some(4)),
        ("nghe-an", Some(2), Some(4)),
        ("thanh-hoa", Some(2), Some(4)),
        ("ha-tinh", Some(4), Some(4)),
        ("bac-ninh", None, None),
    ];
    let got = ranks(&site, 2023);
    assert_eq!(got, want.map(|(u, r, o)| (u.to_owned(), r, o)));
    let t = &site.tables.as_slice()[0];
    assert_eq!(t.ranked, Some(4));
    // (91 + 90 + 90 + 88) / 4 = 89,75: the unit left out does not count.
    assert_eq!(crate::vi::scaled(t.average.unwrap(), 2), 8975);
    assert_eq!(t.top_band.map(|top| top.count), Some(3));
    assert_eq!(t.leaders().count(), 1);
    assert_eq!(
        t.last_place()
            .map(|r| &site.units[r.unit].id)
            .collect::<Vec<_>>(),
        ["ha-tinh"]
    );
}

/// A complete table where Nghệ An and Thanh Hóa print 90,00 and Hà Tĩnh
/// and Đà Nẵng 88,00, with `head` at the top of the file and `ranks` the
/// ranks stated for the four, in that order.
fn tied_table(head: &str, ranks: [Option<u32>; 4]) -> String {
    let rank = |r: Option<u32>| r.map_or(String::new(), |r| format!("\nrank = {r}"));
    let rows = [
        row("nghe-an", &format!("score = 90.001{}", rank(ranks[0]))),
        row("thanh-hoa", &format!("score = 89.999{}", rank(ranks[1]))),
        row("ha-tinh", &format!("score = 88{}", rank(ranks[2]))),
        row("da-nang", &format!("score = 88{}", rank(ranks[3]))),
        row("bac-ninh", "score = 95"),
    ]
    .concat();
    table(2023, "tinh", &format!("{head}{rows}"))
}

#[test]
fn ties_the_publisher_broke_keep_its_ranks_when_the_file_says_how() {
    let head = "ties_broken = \"xếp theo điểm chưa làm tròn\"\n";
    let text = tied_table(head, [Some(3), Some(2), Some(4), Some(5)]);
    let site = ok(&[("data/results/2023/par.toml", &text)]);
    let got = ranks(&site, 2023);
    let want = [
        ("bac-ninh", 1),
        ("thanh-hoa", 2),
        ("nghe-an", 3),
        ("ha-tinh", 4),
        ("da-nang", 5),
    ];
    assert_eq!(got, want.map(|(u, r)| (u.to_owned(), Some(r), Some(5))));
    let t = &site.tables.as_slice()[0];
    assert_eq!(
        t.ties_broken.as_deref(),
        Some("xếp theo điểm chưa làm tròn")
    );
    // Regions rank in the table's order: in Bắc Trung Bộ, Thanh Hóa (2nd
    // in the table) before Nghệ An (3rd), though both print 90,00.
    let regional = |unit: &str| {
        let row = t.rows.iter().find(|r| site.units[r.unit].id == unit);
        row.unwrap()
            .regional
            .iter()
            .map(|r| (site.regions[r.region].id.as_str(), r.rank))
            .collect::<Vec<_>>()
    };
    assert_eq!(regional("thanh-hoa"), [("btb", 1), ("btb-dhmt", 1)]);
    assert_eq!(regional("nghe-an"), [("btb", 2), ("btb-dhmt", 2)]);
    assert_eq!(regional("da-nang"), [("btb-dhmt", 4)]);

    // One line of a tie of two stating the second place: the other holds
    // the first.
    let text = tied_table(head, [None, Some(3), None, None]);
    let site = ok(&[("data/results/2023/par.toml", &text)]);
    let got = ranks(&site, 2023);
    assert_eq!(
        got[1..3],
        [
            ("nghe-an".to_owned(), Some(2), Some(5)),
            ("thanh-hoa".to_owned(), Some(3), Some(5))
        ]
    );
    // Ties left shared beside one broken are kept shared.
    assert_eq!(
        got[3..],
        [
            ("da-nang".to_owned(), Some(4), Some(5)),
            ("ha-tinh".to_owned(), Some(4), Some(5))
        ]
    );

    // A tie of three, the last place and the first stated: the line stating
    // none takes the place left between them, not the tie's first.
    let rows = [
        row("nghe-an", "score = 85\nrank = 5"),
        row("thanh-hoa", "score = 85"),
        row("ha-tinh", "score = 85\nrank = 3"),
        row("da-nang", "score = 90"),
        row("bac-ninh", "score = 95"),
    ]
    .concat();
    let text = table(2023, "tinh", &format!("{head}{rows}"));
    let site = ok(&[("data/results/2023/par.toml", &text)]);
    let got = ranks(&site, 2023);
    assert_eq!(
        got[2..],
        [
            ("ha-tinh".to_owned(), Some(3), Some(5)),
            ("thanh-hoa".to_owned(), Some(4), Some(5)),
            ("nghe-an".to_owned(), Some(5), Some(5)),
        ]
    );
}

#[test]
fn a_broken_tie_without_ties_broken_or_out_of_order_is_an_error() {
    // Without `ties_broken`: the hint says how to keep the publisher's ranks.
    let text = tied_table("", [Some(2), Some(3), None, None]);
    let (_, diagnostics) = site(&[("data/results/2023/par.toml", &text)]);
    let text = diagnostics.to_string();
    assert!(
        text.contains("`thanh-hoa` is stated as rank 3, but its score ranks 2 in this table"),
        "{text}"
    );
    assert!(text.contains("say how in `ties_broken`"), "{text}");

    // A place outside the tie is wrong, whatever the file says.
    let head = "ties_broken = \"xếp theo điểm chưa làm tròn\"\n";
    let text = tied_table(head, [Some(2), Some(4), None, None]);
    let (_, diagnostics) = site(&[("data/results/2023/par.toml", &text)]);
    let text = diagnostics.to_string();
    assert!(
        text.contains("`thanh-hoa` is stated as rank 4, but its score ranks 2 in this table"),
        "{text}"
    );
    assert!(
        text.contains("check the score, or remove the stated rank"),
        "{text}"
    );

    // Two tied lines on one place.
    let text = tied_table(head, [Some(3), Some(3), None, None]);
    let (_, diagnostics) = site(&[("data/results/2023/par.toml", &text)]);
    let text = diagnostics.to_string();
    assert!(
        text.contains("the units tied at 90.00 (nghe-an, thanh-hoa) are stated as ranks 3, 3, but a broken tie gives each of them one rank of its own from 2 to 3"),
        "{text}"
    );

    // `ties_broken` where every tie is shared: a warning; empty: an error.
    let text = tied_table(head, [None, None, None, None]);
    let (_, diagnostics) = site(&[("data/results/2023/par.toml", &text)]);
    assert!(!diagnostics.has_errors(), "{diagnostics}");
    assert!(diagnostics
        .to_string()
        .contains("`ties_broken` is given, but no units"));
    let text = tied_table("ties_broken = \" \"\n", [Some(2), Some(3), None, None]);
    let (_, diagnostics) = site(&[("data/results/2023/par.toml", &text)]);
    let text = diagnostics.to_string();
    assert!(text.contains("`ties_broken` is empty"), "{text}");
    assert!(text.contains("`thanh-hoa` is stated as rank 3"), "{text}");
}

#[test]
fn regional_ranks_and_averages_under_two_schemes() {
    let rows = [
        row("thanh-hoa", "score = 85"),
        row("nghe-an", "score = 90"),
        row(
            "ha-tinh",
            "score = 88.35\nregional = [{ region = \"btb\", rank = 2 }]",
        ),
        row("da-nang", "score = 95"),
        row("bac-ninh", "score = 99"),
    ]
    .concat();
    let site = ok(&[("data/results/2023/par.toml", &table(2023, "tinh", &rows))]);
    let t = &site.tables.as_slice()[0];
    let ha_tinh = t
        .rows
        .iter()
        .find(|r| site.units[r.unit].id == "ha-tinh")
        .unwrap();
    let regional: Vec<_> = ha_tinh
        .regional
        .iter()
        .map(|r| (site.regions[r.region].id.as_str(), r.rank, r.of))
        .collect();
    // 2nd of 3 in Bắc Trung Bộ (after Nghệ An); 3rd of 4 with Đà Nẵng in the 6-region scheme.
    assert_eq!(regional, [("btb", 2, Some(3)), ("btb-dhmt", 3, Some(4))]);
    // The rank the line states is not chiso's; the other is.
    let computed: Vec<bool> = ha_tinh.regional.iter().map(|r| r.computed()).collect();
    assert_eq!(computed, [false, true]);
    let summaries: Vec<_> = t
        .regions
        .iter()
        .map(|s| (s.ranked, crate::vi::scaled(s.average.unwrap(), 2)))
        .collect();
    // (85 + 90 + 88,35) / 3 = 87,78; with Đà Nẵng (95) / 4 = 89,59.
    assert_eq!(summaries, [(3, 8778), (4, 8959)]);
}

#[test]
fn a_stated_regional_rank_is_checked_against_the_complete_table() {
    let rows = [
        row("thanh-hoa", "score = 85"),
        row("nghe-an", "score = 90"),
        row(
            "ha-tinh",
            "score = 88.35\nregional = [{ region = \"btb\", rank = 1, of = 3 }]",
        ),
    ]
    .concat();
    let (_, diagnostics) = site(&[("data/results/2023/par.toml", &table(2023, "tinh", &rows))]);
    let text = diagnostics.to_string();
    assert!(
        text.contains("stated as rank 1 in region `btb`, but its score ranks 2 of 3 there"),
        "{text}"
    );
}

#[test]
fn points_rank_by_percent_and_keep_both() {
    let rows = [
        row("thanh-hoa", "points = 93.364\nmax_points = 98"), // 95,27 %
        row("nghe-an", "points = 80\nmax_points = 84"),       // 95,24 %
        row("ha-tinh", "score = 95.25"),
    ]
    .concat();
    let site = ok(&[("data/results/2023/par.toml", &table(2023, "tinh", &rows))]);
    let got = ranks(&site, 2023);
    let order: Vec<_> = got.iter().map(|(u, r, _)| (u.as_str(), *r)).collect();
    assert_eq!(
        order,
        [
            ("thanh-hoa", Some(1)),
            ("ha-tinh", Some(2)),
            ("nghe-an", Some(3))
        ]
    );
    let first = &site.tables.as_slice()[0].rows[0];
    assert_eq!(first.points, Some(93.364));
    assert_eq!(crate::vi::scaled(first.value.unwrap(), 2), 9527);
}

#[test]
fn comparisons_within_a_group_across_a_reorganisation_and_after_exclusion() {
    let y2021 = table(
        2021,
        "tinh",
        &[
            row("ha-tinh", "score = 80"),
            row("nghe-an", "score = 85"),
            row("bac-ninh", "score = 70"),
        ]
        .concat(),
    );
    let y2022 = table(
        2022,
        "tinh",
        &[
            row("ha-tinh", "score = 86"),
            row("nghe-an", "score = 84"),
            row("da-nang", "score = 50"),
            row("bac-ninh", "not_ranked = \"Thiếu dữ liệu\""),
        ]
        .concat(),
    );
    // 2023: the block was renamed (comparable); Thanh Hóa is new; Bắc Ninh
    // was left out the year before; 2024: Hà Tĩnh moves to another group.
    let y2023 = table(
        2023,
        "khoi-moi",
        &[
            row("ha-tinh", "score = 88"),
            row("nghe-an", "score = 89"),
            row("thanh-hoa", "score = 70"),
            row("bac-ninh", "score = 60"),
        ]
        .concat(),
    );
    let y2024 = table(2024, "khac", &row("ha-tinh", "score = 90"));
    let site = ok(&[
        ("data/results/2021/par.toml", &y2021),
        ("data/results/2022/par.toml", &y2022),
        ("data/results/2023/par.toml", &y2023),
        ("data/results/2024/par.toml", &y2024),
    ]);
    let row_of = |year: i32, unit: &str| {
        let t = site.tables.iter().find(|t| t.year == year).unwrap();
        t.rows
            .iter()
            .find(|r| site.units[r.unit].id == unit)
            .unwrap()
            .clone()
    };
    let change = *row_of(2022, "ha-tinh").comparison.change().unwrap();
    assert_eq!((change.previous_year, change.rank_delta), (2021, Some(1)));
    assert_eq!(crate::vi::scaled(change.value_delta.unwrap(), 2), 600);
    // Across a renamed, comparable block.
    let change = *row_of(2023, "ha-tinh").comparison.change().unwrap();
    assert_eq!(
        (
            change.previous_year,
            change.previous_rank,
            change.rank_delta
        ),
        (2022, Some(1), Some(-1))
    );
    assert_eq!(
        row_of(2023, "thanh-hoa").comparison,
        Comparison::Unavailable(NoComparison::FirstResult {
            earlier_tables: true
        })
    );
    assert_eq!(
        row_of(2023, "bac-ninh").comparison,
        Comparison::Unavailable(NoComparison::NotRankedThen { year: 2022 })
    );
    assert_eq!(row_of(2022, "bac-ninh").comparison, Comparison::NotRanked);
    let new_block = site.group_named("khoi-moi").unwrap();
    assert_eq!(site.groups[new_block].name, "Khối mới");
    assert_eq!(
        row_of(2024, "ha-tinh").comparison,
        Comparison::Unavailable(NoComparison::OtherGroup {
            year: 2023,
            group: new_block
        })
    );
}

#[test]
fn places_are_compared_only_between_rankings_of_about_the_same_field() {
    let partial = |year: i32, line: &str| {
        format!("index = \"par\"\nyear = {year}\ngroup = \"tinh\"\ncomplete = false\n{line}")
    };
    let site = ok(&[
        // 60 provinces ranked, then 61: compared, as the press did.
        (
            "data/results/2021/par.toml",
            &partial(2021, &row("ha-tinh", "score = 80\nrank = 7\nof = 60")),
        ),
        (
            "data/results/2022/par.toml",
            &partial(2022, &row("ha-tinh", "score = 81\nrank = 8\nof = 61")),
        ),
        (
            "data/results/2024/par.toml",
            &partial(
                2024,
                &[
                    row("ha-tinh", "score = 89.72\nrank = 15\nof = 63"),
                    row("nghe-an", "score = 88.10\nrank = 20\nof = 63"),
                ]
                .concat(),
            ),
        ),
        // After the 2025 merger: 34 provinces. The published "giảm 9 bậc"
        // cannot be derived, so it is held as published.
        (
            "data/results/2025/par.toml",
            &partial(
                2025,
                &row(
                    "ha-tinh",
                    "score = 88.5\nrank = 24\nof = 34\nchange = { places = -9 }",
                ),
            ),
        ),
    ]);
    let row_of = |year: i32| {
        let t = site.tables.iter().find(|t| t.year == year).unwrap();
        t.rows[0].clone()
    };
    let change = *row_of(2022).comparison.change().unwrap();
    assert_eq!((change.rank_delta, change.fields_differ), (Some(-1), None));
    let merged = row_of(2025);
    let change = *merged.comparison.change().unwrap();
    assert_eq!(
        (change.previous_rank, change.previous_of, change.rank_delta),
        (Some(15), Some(63), None)
    );
    assert_eq!(change.fields_differ, Some((63, 34)));
    // The score change still holds.
    assert_eq!(crate::vi::scaled(change.value_delta.unwrap(), 2), -122);
    // Nghệ An, listed first in 2024, was not in the earlier extracts, which
    // list Hà Tĩnh alone: nothing says it is a first result.
    let t2024 = site.tables.iter().find(|t| t.year == 2024).unwrap();
    let nghe_an = t2024.rows.iter().find(|r| r.rank == Some(20)).unwrap();
    assert_eq!(
        nghe_an.comparison,
        Comparison::Unavailable(NoComparison::FirstResult {
            earlier_tables: false
        })
    );
    let stated = merged.stated_change.unwrap();
    assert_eq!(
        (stated.places, stated.standing),
        (Some(-9), super::Standing::Underived)
    );
}

#[test]
fn a_unit_others_were_merged_into_is_not_compared_across_the_merger() {
    let partial = |year: i32, line: &str| {
        format!("index = \"par\"\nyear = {year}\ngroup = \"tinh\"\ncomplete = false\n{line}")
    };
    // Hà Giang (active to 2024) was merged into Tuyên Quang.
    let site = ok(&[
        (
            "data/results/2023/par.toml",
            &partial(2023, &row("tuyen-quang", "score = 89.51")),
        ),
        (
            "data/results/2024/par.toml",
            &partial(2024, &row("tuyen-quang", "score = 89.61")),
        ),
        (
            "data/results/2025/par.toml",
            &partial(
                2025,
                &row("tuyen-quang", "score = 86.40\nchange = { points = -3.21 }"),
            ),
        ),
    ]);
    let row_of = |year: i32| {
        let t = site.tables.iter().find(|t| t.year == year).unwrap();
        t.rows[0].clone()
    };
    assert!(row_of(2024).comparison.change().is_some());
    let merged = row_of(2025);
    let ha_giang = site
        .units
        .iter_enumerated()
        .find(|(_, u)| u.id == "ha-giang");
    assert_eq!(
        merged.comparison,
        Comparison::Unavailable(NoComparison::Absorbed {
            year: 2024,
            unit: ha_giang.unwrap().0,
            second: None,
            others: 0
        })
    );
    // The published change is held as published, not checked.
    assert_eq!(
        merged.stated_change.unwrap().standing,
        super::Standing::Underived
    );
}

#[test]
fn a_unit_left_out_of_last_years_table_is_not_said_to_have_been_unranked() {
    let y2021 = table(
        2021,
        "tinh",
        &[
            row("ha-tinh", "score = 80"),
            row("nghe-an", "score = 85"),
            row("bac-ninh", "score = 70"),
        ]
        .concat(),
    )
        + "\n[[excluded]]\nunit = \"thanh-hoa\"\nreason = \"Kết quả không được công bố\"\n";
    let y2022 = table(
        2022,
        "tinh",
        &[
            row("ha-tinh", "score = 86"),
            row("nghe-an", "score = 84"),
            row("bac-ninh", "score = 70"),
            row("thanh-hoa", "score = 90"),
        ]
        .concat(),
    );
    // Only a unit of the table's group can be excluded from it.
    let units = UNITS.replace(
        "id = \"thanh-hoa\"\nname = \"Thanh Hóa\"\n",
        "id = \"thanh-hoa\"\nname = \"Thanh Hóa\"\ngroup = \"tinh\"\n",
    );
    let mut raw = raw_with(&[
        ("data/results/2021/par.toml", &y2021),
        ("data/results/2022/par.toml", &y2022),
    ]);
    raw.units[0].value = std::sync::Arc::new(parse_document(&units, Format::Toml).unwrap());
    raw.files[1].text = units.as_str().into();
    let mut diagnostics = Diagnostics::default();
    let site = assemble(raw, &mut diagnostics);
    assert!(!diagnostics.has_errors(), "{diagnostics}");
    let table = site.tables.iter().find(|t| t.year == 2022).unwrap();
    let row = table
        .rows
        .iter()
        .find(|r| site.units[r.unit].id == "thanh-hoa")
        .unwrap();
    assert_eq!(
        row.comparison,
        Comparison::Unavailable(NoComparison::NotInTableThen { year: 2021 })
    );
}

#[test]
fn merged_units_must_name_a_defined_successor() {
    let (site_ok, d) = site(&[]);
    assert!(!d.has_errors(), "{d}");
    let giang = site_ok.units.iter().find(|u| u.id == "ha-giang").unwrap();
    let successor = giang.merged_into.map(|s| site_ok.units[s].id.as_str());
    assert_eq!(successor, Some("tuyen-quang"));
    let giang_id = site_ok.unit_named("ha-giang").unwrap();
    assert_eq!(site_ok.merged_from[giang.merged_into.unwrap()], [giang_id]);
    let ha_tinh = site_ok.units.iter().find(|u| u.id == "ha-tinh").unwrap();
    assert_eq!(ha_tinh.former_names, ["Nghệ Tĩnh"]);
    // A result after the unit's last active year is refused.
    let late = table(2025, "tinh", &row("ha-giang", "score = 80"));
    let (_, d) = site(&[("data/results/2025/par.toml", &late)]);
    assert!(
        d.to_string().contains("outside the years it was active"),
        "{d}"
    );
}

#[test]
fn a_unit_left_out_cannot_have_a_rank() {
    let rows = [
        row("ha-tinh", "score = 80"),
        row("bac-ninh", "not_ranked = \"x\"\nrank = 2"),
    ]
    .concat();
    let (_, d) = site(&[("data/results/2023/par.toml", &table(2023, "tinh", &rows))]);
    assert!(
        d.to_string()
            .contains("`bac-ninh` is marked not ranked, but has a rank"),
        "{d}"
    );
}

#[test]
fn a_zero_to_one_index_with_four_decimals_ties_on_printed_precision() {
    const DTI: &str = r#"
[[index]]
id = "dti"
name = "DTI"
scale = { min = 0, max = 1 }
decimals = 4
"#;
    let raw_of = |text: &str| {
        let mut raw = RawData::default();
        let units: crate::data::schema::UnitsFile = parse_document(UNITS, Format::Toml).unwrap();
        raw.indices.push(Loaded {
            value: std::sync::Arc::new(parse_document(DTI, Format::Toml).unwrap()),
            file: 0,
        });
        raw.units.push(Loaded {
            value: std::sync::Arc::new(units),
            file: 1,
        });
        raw.tables.push(Loaded {
            value: std::sync::Arc::new(parse_document(text, Format::Toml).unwrap()),
            file: 2,
        });
        for (path, text) in [
            ("data/indices.toml", DTI),
            ("data/units.toml", UNITS),
            ("data/results/2023/dti.toml", text),
        ] {
            raw.files.push(SourceFile {
                path: PathBuf::from(path),
                format: Format::Toml,
                text: text.into(),
                reading: Reading::Whole,
            });
        }
        raw
    };
    let rows = [
        row("ha-tinh", "score = 0.61234"),
        row("nghe-an", "score = 0.61226"), // both print 0,6123
        row("thanh-hoa", "score = 0.7"),
        row("da-nang", "score = 1.2"), // outside 0–1
    ]
    .concat();
    let text = format!("index = \"dti\"\nyear = 2023\ngroup = \"tinh\"\ncomplete = true\n{rows}");
    let mut diagnostics = Diagnostics::default();
    assemble(raw_of(&text), &mut diagnostics);
    assert!(
        diagnostics
            .to_string()
            .contains("outside the scale of `dti` (0–1)"),
        "{diagnostics}"
    );
    // Without the out-of-scale line the rest ranks 1, 2, 2.
    let text = text.replace("[[result]]\nunit = \"da-nang\"\nscore = 1.2\n", "");
    let mut diagnostics = Diagnostics::default();
    let site = assemble(raw_of(&text), &mut diagnostics);
    assert!(!diagnostics.has_errors(), "{diagnostics}");
    let ranks: Vec<_> = site.tables.as_slice()[0]
        .rows
        .iter()
        .map(|r| r.rank)
        .collect();
    assert_eq!(ranks, [Some(1), Some(2), Some(2)]);
}

/// Data with the given units file and results files, each results file's
/// parsed value taken from `same` when it has the file (as `chiso serve`
/// keeps them between edits).
fn raw_of(units: &str, tables: &[(&str, &str)], same: Option<&RawData>) -> RawData {
    let mut raw = RawData::default();
    let mut files = vec![("data/indices.toml", INDICES), ("data/units.toml", units)];
    files.extend_from_slice(tables);
    for (n, (path, text)) in files.iter().enumerate() {
        match n {
            0 => raw.indices.push(Loaded {
                value: std::sync::Arc::new(parse_document(text, Format::Toml).unwrap()),
                file: n,
            }),
            1 => raw.units.push(Loaded {
                value: std::sync::Arc::new(parse_document(text, Format::Toml).unwrap()),
                file: n,
            }),
            _ => raw.tables.push(Loaded {
                value: match same.and_then(|same| {
                    same.tables
                        .iter()
                        .find(|l| same.file(l.file).path == std::path::Path::new(path))
                }) {
                    Some(kept) => std::sync::Arc::clone(&kept.value),
                    None => std::sync::Arc::new(parse_document(text, Format::Toml).unwrap()),
                },
                file: n,
            }),
        }
        raw.files.push(SourceFile {
            path: PathBuf::from(path),
            format: Format::Toml,
            text: (*text).into(),
            reading: Reading::Whole,
        });
    }
    raw
}

#[test]
fn tables_kept_across_a_rename_give_what_a_build_from_scratch_gives() {
    let units = |b: &str, c: &str| {
        format!(
            "[[group]]\nid = \"tinh\"\nname = \"Tỉnh\"\n\
             [[unit]]\nid = \"a\"\nname = \"An Giang\"\ngroup = \"tinh\"\n\
             [[unit]]\nid = \"b\"\nname = \"{b}\"\ngroup = \"tinh\"\n\
             [[unit]]\nid = \"c\"\nname = \"{c}\"\ngroup = \"tinh\"\n"
        )
    };
    let all = [
        row("a", "score = 80"),
        row("b", "score = 70"),
        row("c", "score = 60"),
    ];
    // The 2023 table leaves out `c`: its message names it, by name.
    let tables = [
        (
            "data/results/2022/par.toml",
            table(2022, "tinh", &all.concat()),
        ),
        (
            "data/results/2023/par.toml",
            table(2023, "tinh", &all[..2].concat()),
        ),
    ];
    let tables: Vec<(&str, &str)> = tables.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let first = raw_of(&units("Bến Tre", "Cà Mau"), &tables, None);
    let mut cache = super::TableCache::default();
    super::assemble_reusing(&first, &mut cache, &mut Diagnostics::default());
    // Renamed in place (the order stays), then so that `c` comes first.
    for (b, c) in [("Bến Tre mới", "Cà Mau mới"), ("Bến Tre", "Ấp Mới")] {
        let renamed = raw_of(&units(b, c), &tables, Some(&first));
        let mut kept = Diagnostics::default();
        let site = super::assemble_reusing(&renamed, &mut cache, &mut kept);
        let mut fresh = Diagnostics::default();
        let scratch = assemble(renamed, &mut fresh);
        assert_eq!(format!("{site:?}"), format!("{scratch:?}"), "{c}");
        assert_eq!(kept.to_string(), fresh.to_string(), "{c}");
        assert!(kept.to_string().contains(c), "{kept}");
    }
}

#[test]
fn comparisons_kept_across_a_rename_give_what_a_build_from_scratch_gives() {
    let units = |b: &str| {
        format!(
            "[[group]]\nid = \"tinh\"\nname = \"Tỉnh\"\n\
             [[unit]]\nid = \"a\"\nname = \"An Giang\"\ngroup = \"tinh\"\n\
             [[unit]]\nid = \"b\"\nname = \"{b}\"\ngroup = \"tinh\"\n"
        )
    };
    let before = [row("a", "score = 80"), row("b", "score = 70")].concat();
    let after = [row("a", "score = 60"), row("b", "score = 75")].concat();
    let tables = [
        ("data/results/2022/par.toml", table(2022, "tinh", &before)),
        ("data/results/2023/par.toml", table(2023, "tinh", &after)),
    ];
    let tables: Vec<(&str, &str)> = tables.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let first = raw_of(&units("Bến Tre"), &tables, None);
    let mut cache = super::TableCache::default();
    let mut problems = Diagnostics::default();
    super::assemble_reusing(&first, &mut cache, &mut problems);
    assert!(problems.is_empty(), "{problems}");
    // Every table kept: the comparisons are taken from the last derive.
    for b in ["Bến Tre mới", "Ấp Mới"] {
        let renamed = raw_of(&units(b), &tables, Some(&first));
        let site = super::assemble_reusing(&renamed, &mut cache, &mut Diagnostics::default());
        let scratch = assemble(renamed, &mut Diagnostics::default());
        assert_eq!(format!("{site:?}"), format!("{scratch:?}"), "{b}");
        assert!(site.tables.iter().any(|t| t
            .rows
            .iter()
            .any(|r| matches!(r.comparison, Comparison::Change(_)))));
    }
    // A table gone: the comparisons are derived again.
    let fewer = raw_of(&units("Bến Tre"), &tables[1..], Some(&first));
    let site = super::assemble_reusing(&fewer, &mut cache, &mut Diagnostics::default());
    let scratch = assemble(fewer, &mut Diagnostics::default());
    assert_eq!(format!("{site:?}"), format!("{scratch:?}"));
}

#[test]
fn a_table_given_in_two_files_is_an_error_at_the_second_naming_the_first() {
    let lines = row("thanh-hoa", "score = 90") + &row("nghe-an", "score = 80");
    let (site, d) = site(&[
        ("data/results/2023/par.toml", &table(2023, "tinh", &lines)),
        (
            "data/results/2023/par-again.toml",
            &table(2023, "tinh", &lines),
        ),
    ]);
    let text = d.to_string();
    assert_eq!(d.error_count(), 1, "{text}");
    assert!(
        text.contains(
            "`par` 2023 in group `tinh` are given twice (also in data/results/2023/par.toml)"
        ) || text.contains(
            "`par` năm 2023 của khối `tinh` được ghi hai lần (cả trong data/results/2023/par.toml)"
        ),
        "{text}"
    );
    assert!(text.contains("par-again.toml:1:"), "{text}");
    assert_eq!(site.tables.len(), 1);
}

#[test]
fn a_build_keeps_no_parsed_results_file_once_the_model_is_made() {
    let lines = row("thanh-hoa", "score = 90") + &row("nghe-an", "score = 80");
    let raw = raw_with(&[("data/results/2023/par.toml", &table(2023, "tinh", &lines))]);
    let parsed = std::sync::Arc::downgrade(&raw.tables[0].value);
    let site = assemble(raw, &mut Diagnostics::default());
    assert_eq!(site.tables.len(), 1);
    assert!(
        parsed.upgrade().is_none(),
        "the parsed file outlived assemble"
    );
}

#[test]
fn a_published_average_is_checked_at_the_precision_it_was_published_with() {
    // The scores average 86,89; the source printed "86,9".
    let lines = row("thanh-hoa", "score = 88.50")
        + &row("nghe-an", "score = 90")
        + &row("ha-tinh", "score = 82.17");
    let with = |average: &str| {
        let text = table(2023, "tinh", &lines).replace(
            "complete = true\n",
            &format!("complete = true\npublished_average = {average}\n"),
        );
        site(&[("data/results/2023/par.toml", &text)]).1
    };
    assert_eq!(with("86.9").error_count(), 0, "{}", with("86.9"));
    assert_eq!(with("86.89").error_count(), 0);
    assert_eq!(with("86.8").error_count(), 1);
    // The publisher averaged unrounded scores: a last digit off is the
    // scores' rounding, not a mistake.
    assert_eq!(with("86.88").error_count(), 0, "{}", with("86.88"));
    assert_eq!(with("86.90").error_count(), 0, "{}", with("86.90"));
    assert_eq!(with("86.87").error_count(), 1);
    assert!(
        with("86.91").to_string().contains("86.91"),
        "{}",
        with("86.91")
    );
    assert_eq!(with("86.890").error_count(), 0, "{}", with("86.890"));
}

#[test]
fn a_published_average_is_kept_as_written_or_disputed() {
    // The scores average 86,89.
    let lines = row("thanh-hoa", "score = 88.50")
        + &row("nghe-an", "score = 90")
        + &row("ha-tinh", "score = 82.17");
    let with = |top: &str| {
        let text = table(2023, "tinh", &lines)
            .replace("complete = true\n", &format!("complete = true\n{top}\n"));
        site(&[("data/results/2023/par.toml", &text)])
    };
    let (site, problems) = with("published_average = 86.90");
    let t = site.tables.iter().next().expect("one table");
    assert_eq!(
        (t.average, t.average_decimals),
        (Some(86.9), 2),
        "{problems}"
    );
    assert!(t.average_published && t.average_derived.is_none());

    // A wrong one is quoted as written, not rounded to the table's decimals.
    let (_, problems) = with("published_average = 89.785");
    let said = problems.to_string();
    assert!(said.contains("89.785") && said.contains("86.89"), "{said}");

    let (site, problems) =
        with("published_average = 86.5\naverage_disputed = \"BNV tính cả đơn vị không xếp hạng\"");
    assert_eq!(problems.error_count(), 0, "{problems}");
    let t = site.tables.iter().next().expect("one table");
    assert_eq!((t.average, t.average_decimals), (Some(86.5), 1));
    assert_eq!(
        t.average_derived.map(|a| crate::vi::scaled(a, 2)),
        Some(8689)
    );
    assert!(t
        .average_disputed
        .as_deref()
        .is_some_and(|n| n.starts_with("BNV")));

    // A note with nothing to dispute is a warning.
    let (_, problems) = with("published_average = 86.89\naverage_disputed = \"x\"");
    assert_eq!(
        (problems.error_count(), problems.sorted().len()),
        (0, 1),
        "{problems}"
    );
    assert!(
        problems.to_string().contains("average_disputed"),
        "{problems}"
    );
}

#[test]
fn a_table_whose_scores_are_finer_than_it_prints_is_a_warning() {
    let with = |scores: &[&str]| {
        let units = ["thanh-hoa", "nghe-an", "ha-tinh", "da-nang"];
        let lines: String = units
            .iter()
            .zip(scores)
            .map(|(unit, score)| row(unit, &format!("score = {score}")))
            .collect();
        site(&[("data/results/2023/par.toml", &table(2023, "tinh", &lines))]).1
    };
    // Published to three decimals (88,350 is written 88.35): one warning,
    // at the first score.
    let d = with(&["79.995", "80.125", "88.35", "70.001"]);
    let text = d.to_string();
    assert_eq!(d.error_count(), 0, "{text}");
    assert_eq!(text.matches("par.toml:").count(), 1, "{text}");
    assert!(text.contains("par.toml:7:9"), "{text}");
    assert!(text.contains("decimals = 3"), "{text}");
    // A workbook's unrounded values: none.
    let d = with(&["79.995", "80.1249", "88.35", "70.001"]);
    assert!(!d.to_string().contains("par.toml:"), "{d}");
    // One score finer by a decimal: a warning at its line, which the page
    // would round.
    let d = with(&["79.995", "80.12", "88.35", "70"]);
    let text = d.to_string();
    assert_eq!(
        (d.error_count(), text.matches("par.toml:").count()),
        (0, 1),
        "{text}"
    );
    assert!(
        text.contains("par.toml:7:9") && text.contains("80,00"),
        "{text}"
    );
}

#[test]
fn a_renamed_unit_has_the_name_of_each_year_and_keeps_them_all_searchable() {
    let units = UNITS.replace(
        "former_names = [\"Nghệ Tĩnh\"]",
        "former_names = [\"Nghệ Tĩnh\"]\nrenamed = [{ name = \"Tỉnh Hà Tĩnh mới\", until = 2020 }, { name = \"Nghệ Tĩnh\", until = 1990 }]",
    );
    let mut raw = raw_with(&[]);
    raw.units[0].value = std::sync::Arc::new(parse_document(&units, Format::Toml).unwrap());
    raw.files[1].text = units.as_str().into();
    let mut diagnostics = Diagnostics::default();
    let site = assemble(raw, &mut diagnostics);
    assert!(!diagnostics.has_errors(), "{diagnostics}");
    let ha_tinh = site.units.iter().find(|u| u.id == "ha-tinh").unwrap();
    assert_eq!(ha_tinh.name_in(1989), "Nghệ Tĩnh");
    assert_eq!(ha_tinh.name_in(1990), "Nghệ Tĩnh");
    assert_eq!(ha_tinh.name_in(1991), "Tỉnh Hà Tĩnh mới");
    assert_eq!(ha_tinh.name_in(2020), "Tỉnh Hà Tĩnh mới");
    assert_eq!(ha_tinh.name_in(2021), "Hà Tĩnh");
    assert_eq!(ha_tinh.former_names, ["Nghệ Tĩnh", "Tỉnh Hà Tĩnh mới"]);
    // A name that ends before the unit was first assessed is printed
    // nowhere: a warning at its year.
    let units = units.replace("renamed = [", "active_from = 1995\nrenamed = [");
    let mut raw = raw_with(&[]);
    raw.units[0].value = std::sync::Arc::new(parse_document(&units, Format::Toml).unwrap());
    raw.files[1].text = units.as_str().into();
    let mut diagnostics = Diagnostics::default();
    assemble(raw, &mut diagnostics);
    assert!(!diagnostics.has_errors(), "{diagnostics}");
    let text = diagnostics.to_string();
    assert!(
        text.contains("lasts until 1990, before the unit's first assessed year (1995"),
        "{text}"
    );
    assert!(!text.contains("until 2020, before"), "{text}");
}

#[test]
fn scores_that_are_all_fractions_on_a_percent_scale_are_an_error() {
    let rows = [
        row("nghe-an", "score = 0.9438"),
        row("ha-tinh", "score = 0.8535"),
    ]
    .concat();
    let text = table(2023, "tinh", &rows).replace("complete = true\n", "");
    let (_, diagnostics) = site(&[("data/results/2023/par.toml", &text)]);
    let text = diagnostics.to_string();
    assert!(
        text.contains(
            "all 2 scores of the table are at most 1 (such as 0.9438) on a scale up to 100"
        ),
        "{text}"
    );
    assert!(text.contains("(94.38, not the fraction)"), "{text}");
    // One score below 1 among others is a score.
    let rows = [
        row("nghe-an", "score = 0.9438"),
        row("ha-tinh", "score = 85.35"),
    ]
    .concat();
    let text = table(2023, "tinh", &rows).replace("complete = true\n", "");
    let (_, diagnostics) = site(&[("data/results/2023/par.toml", &text)]);
    assert!(
        !diagnostics.to_string().contains("fractions"),
        "{diagnostics}"
    );
}

#[test]
fn a_complete_table_stating_more_ranked_than_it_lists_says_it_may_be_partial() {
    let rows = [
        row("nghe-an", "score = 88.35\nrank = 18\nof = 63"),
        row("ha-tinh", "score = 90"),
    ]
    .concat();
    let text = table(2023, "tinh", &rows);
    let (_, diagnostics) = site(&[("data/results/2023/par.toml", &text)]);
    let text = diagnostics.to_string();
    assert!(
        text.contains("write `complete = false` at the top of the file"),
        "{text}"
    );
}

#[test]
fn a_table_in_the_folder_of_another_year_is_a_warning() {
    let rows = [row("nghe-an", "score = 88.35\nrank = 18\nof = 63")].concat();
    let text = table(2023, "tinh", &rows).replace("complete = true\n", "");
    let (_, diagnostics) = site(&[("data/results/2024/par.toml", &text)]);
    assert!(!diagnostics.has_errors(), "{diagnostics}");
    let said = diagnostics.to_string();
    assert!(
        said.contains("the table says year 2023 but is in the folder of 2024"),
        "{said}"
    );
    let (_, diagnostics) = site(&[("data/results/2023/par.toml", &text)]);
    assert!(diagnostics.is_empty(), "{diagnostics}");
}

#[test]
fn a_percent_written_with_trailing_zeros_is_checked_at_them() {
    // 85,9 of 95 is 90,42%.
    let with = |percent: &str| {
        let rows = row(
            "ha-tinh",
            &format!("points = 85.9\nmax_points = 95\npercent = {percent}"),
        );
        let text = table(2023, "tinh", &rows).replace("complete = true\n", "");
        site(&[("data/results/2023/par.toml", &text)]).1
    };
    assert_eq!(with("90.42").error_count(), 0, "{}", with("90.42"));
    assert_eq!(with("90.4").error_count(), 0, "{}", with("90.4"));
    let d = with("90.00");
    assert_eq!(d.error_count(), 1, "{d}");
    assert!(d.to_string().contains("90.00"), "{d}");
}

#[test]
fn a_publisher_that_numbers_ranks_densely_is_followed() {
    // "đồng hạng 1", then "hạng 2": stated as printed.
    let lines = row("thanh-hoa", "score = 88.35\nrank = 1")
        + &row("nghe-an", "score = 88.35\nrank = 1")
        + &row("ha-tinh", "score = 75.50\nrank = 2");
    let with = |top: &str| {
        let text = table(2023, "tinh", &lines)
            .replace("complete = true\n", &format!("complete = true\n{top}\n"));
        site(&[("data/results/2023/par.toml", &text)])
    };
    // Numbered the standard way, the third is 3: the hint names the style.
    let (_, problems) = with("");
    assert_eq!(problems.error_count(), 1, "{problems}");
    assert!(
        problems.to_string().contains("rank_style = \"dense\""),
        "{problems}"
    );

    // Every line after the tie differs: one error says how many (adv18 m5).
    let more = lines.clone() + &row("da-nang", "score = 70\nrank = 3");
    let text = table(2023, "tinh", &more);
    let (_, problems) = site(&[("data/results/2023/par.toml", &text)]);
    assert_eq!(problems.error_count(), 1, "{problems}");
    assert!(
        problems.to_string().contains("2 lines differ"),
        "{problems}"
    );

    let (site, problems) = with("rank_style = \"dense\"");
    assert_eq!(problems.error_count(), 0, "{problems}");
    let t = site.tables.iter().next().expect("one table");
    let ranks: Vec<_> = t.rows.iter().map(|r| (r.rank, r.of)).collect();
    assert_eq!(
        ranks,
        [(Some(1), Some(3)), (Some(1), Some(3)), (Some(2), Some(3))]
    );

    // Broken ties have no tie left to number densely.
    let (_, problems) = with("rank_style = \"dense\"\nties_broken = \"theo điểm chưa làm tròn\"");
    assert!(problems.to_string().contains("rank_style"), "{problems}");
    assert!(problems.error_count() >= 1);
}

#[test]
fn a_stated_of_counting_an_unranked_unit_is_kept_with_its_note() {
    // The decision printed "1/3" and "2/3", counting a unit it did not rank.
    let note = "of_note = \"Quyết định đếm cả Hà Tĩnh, không xếp hạng\"";
    let lines = |first_note: &str| {
        row(
            "thanh-hoa",
            &format!("score = 90\nrank = 1\nof = 3\n{first_note}"),
        ) + &row("nghe-an", &format!("score = 80\nrank = 2\nof = 3\n{note}"))
            + &row("ha-tinh", "not_ranked = \"Thành lập mới\"")
    };
    let build = |text: &str| site(&[("data/results/2023/par.toml", &table(2023, "tinh", text))]);
    let (site, problems) = build(&lines(note));
    assert_eq!(problems.error_count(), 0, "{problems}");
    let t = site.tables.iter().next().expect("one table");
    let ofs: Vec<_> = t.rows.iter().filter_map(|r| r.rank.map(|_| r.of)).collect();
    assert_eq!((ofs, t.ranked), (vec![Some(3), Some(3)], Some(2)));
    // Without a note, the line's "of" is an error whose hint names `of_note`.
    let (_, problems) = build(&lines(""));
    assert_eq!(problems.error_count(), 1, "{problems}");
    assert!(problems.to_string().contains("of_note"), "{problems}");
}

/// A disputed published percent prints as published, but what is computed
/// from the line (rank, band, average, band count, change) uses the
/// table's own percent, as a disputed rank yields to the table's.
#[test]
fn a_disputed_percent_yields_to_the_tables_own_in_what_is_computed() {
    let disputed = "points = 85\nmax_points = 95\npercent = 90.47\n\
                    disputed = \"Văn bản ghi 90,47%; 85/95 là 89,47%\"";
    let lines = |band: &str, count: u32| {
        row("thanh-hoa", &format!("{disputed}\n{band}"))
            + &row("nghe-an", "score = 90.00")
            + &row("ha-tinh", "score = 89.90")
            + &format!("[[band_count]]\nmin = 90\ncount = {count}\n")
    };
    let earlier = table(
        2022,
        "tinh",
        &(row("thanh-hoa", "score = 89.00")
            + &row("nghe-an", "score = 80")
            + &row("ha-tinh", "score = 70")),
    );
    let with = |band: &str, count: u32| {
        let now = table(2023, "tinh", &lines(band, count)).replace(
            "complete = true\n",
            "complete = true\npublished_average = 89.79\n",
        );
        site(&[
            ("data/results/2022/par.toml", &earlier),
            ("data/results/2023/par.toml", &now),
        ])
    };
    let (site, problems) = with("", 1);
    assert_eq!(problems.error_count(), 0, "{problems}");
    let t = site
        .tables
        .iter()
        .find(|t| t.year == 2023)
        .expect("the 2023 table");
    let line = |id: &str| {
        t.rows
            .iter()
            .find(|r| site.units[r.unit].id == id)
            .expect("the line")
    };
    let th = line("thanh-hoa");
    assert_eq!(th.value, Some(90.47), "prints as published");
    assert_eq!(th.basis().map(|v| crate::vi::scaled(v, 2)), Some(8947));
    assert_eq!(
        (th.rank, line("ha-tinh").rank, line("nghe-an").rank),
        (Some(3), Some(2), Some(1))
    );
    assert!(th.band.is_none(), "89,47 reaches no band");
    let change = th.comparison.change().expect("a change");
    assert_eq!(
        change.value_delta.map(|d| crate::vi::scaled(d, 2)),
        Some(47)
    );
    assert!(change.value_disputed);

    // A band count or average by the published figure is an error that
    // names the line counted at its points.
    let (_, problems) = with("", 2);
    let said = problems.to_string();
    assert_eq!(problems.error_count(), 1, "{said}");
    assert!(said.contains("Thanh Hóa"), "{said}");

    // A band the publication gave by its disputed percent is kept, as
    // disputed by the line's note, beside the table's (none).
    let (site, problems) = with("band = \"a\"", 1);
    assert_eq!(problems.error_count(), 0, "{problems}");
    let t = site
        .tables
        .iter()
        .find(|t| t.year == 2023)
        .expect("the 2023 table");
    let band = t
        .rows
        .iter()
        .find(|r| site.units[r.unit].id == "thanh-hoa")
        .and_then(|r| r.band.clone())
        .expect("the stated band");
    assert!(band.stated);
    assert!(band
        .disputed
        .is_some_and(|(derived, note)| derived.is_none() && note.starts_with("Văn bản")));
}

/// A change in places between two stated ranks is published, even when
/// the scores beside them are illustrative; one between ranks computed
/// from illustrative scores is as illustrative as they are.
#[test]
fn a_change_between_stated_ranks_is_not_illustrative() {
    let year = |y: i32, ranks: bool| {
        let rank = |r: u32| {
            if ranks {
                format!("\nrank = {r}")
            } else {
                String::new()
            }
        };
        table(
            y,
            "tinh",
            &(row("thanh-hoa", &format!("score = 90{}", rank(1)))
                + &row("nghe-an", &format!("score = 80{}", rank(2)))),
        )
        .replace(
            "complete = true\n",
            "complete = true\nillustrative = true\n",
        )
    };
    for (ranks, illustrative) in [(true, false), (false, true)] {
        let site = ok(&[
            ("data/results/2022/par.toml", &year(2022, ranks)),
            ("data/results/2023/par.toml", &year(2023, ranks)),
        ]);
        let t = site.tables.iter().find(|t| t.year == 2023).expect("2023");
        let change = t.rows[0].comparison.change().expect("a change");
        assert_eq!(change.rank_delta, Some(0));
        assert_eq!(change.illustrative, illustrative, "ranks stated: {ranks}");
    }
}

/// A percent whose last written digit alone disagrees with its points
/// ("89.90" against 85,4/95 = 89,89%) is an error, and with `disputed`
/// is kept as disputed as any other: no warning sends the editor back.
#[test]
fn a_percent_off_in_its_written_last_digit_is_disputed_as_any_other() {
    let line = |disputed: &str| {
        let lines = row(
            "thanh-hoa",
            &format!("points = 85.4\nmax_points = 95\npercent = 89.90\n{disputed}"),
        ) + &row("nghe-an", "score = 80");
        site(&[("data/results/2023/par.toml", &table(2023, "tinh", &lines))])
    };
    let (_, problems) = line("");
    assert_eq!(problems.error_count(), 1, "{problems}");
    assert!(problems.to_string().contains("89.89"), "{problems}");
    let (site, problems) = line("disputed = \"Văn bản ghi 89.90%\"");
    assert_eq!(problems.sorted().len(), 0, "{problems}");
    let th = &site.tables.iter().next().expect("the table").rows[0];
    assert_eq!(th.value, Some(89.9));
    let derived = th
        .disputed
        .as_ref()
        .map(|d| crate::vi::scaled(d.derived, 2));
    assert_eq!(derived, Some(8989));
    assert_eq!(th.basis().map(|v| crate::vi::scaled(v, 2)), Some(8989));
}

#[test]
fn a_zero_to_one_index_in_percent_is_warned_of() {
    const SHARE: &str = "[[index]]\nid = \"ty-le\"\nname = \"Tỷ lệ\"\n\
                         scale = { min = 0, max = 1 }\nunit_label = \"%\"\ndecimals = 2\n";
    let (_, diagnostics) = site_with_indices(SHARE, &[]);
    let text = diagnostics.to_string();
    assert!(!diagnostics.has_errors(), "{text}");
    assert!(text.contains("would print as 0,85%"), "{text}");
    // The same scale without a unit, or 0–100 in %, is what it says.
    let plain = SHARE.replace("unit_label = \"%\"\n", "");
    let (_, diagnostics) = site_with_indices(&plain, &[]);
    assert!(diagnostics.is_empty(), "{diagnostics}");
}
