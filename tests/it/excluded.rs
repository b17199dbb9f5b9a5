//! A unit of the group left out of a complete table on purpose
//! (`excluded`, with the reason) is named with its reason under the table
//! and in the table's summary, so a reader sees who is missing and why.

use crate::common::*;

#[test]
fn units_left_out_are_named_with_their_reason() {
    let site = fixture("minimal");
    put(
        site.path(),
        "data/results/2023/khoi.toml",
        r#"index = "chi-so"
year = 2023
group = "khoi"
complete = true

[[result]]
unit = "don-vi-a"
score = 90

[[result]]
unit = "don-vi-b"
score = 85

[[result]]
unit = "don-vi-c"
score = 80

[[excluded]]
unit = "don-vi-d"
reason = "kết quả không được công bố"
"#,
    );
    let built = build_ok(site.path());
    let page = built.page("xep-hang/2023/khoi/");
    assert_eq!(
        one(&page, "p.excluded"),
        "Không có trong bảng: Đơn vị D (kết quả không được công bố)."
    );
    let ranks = all(&page, "table.ranking tbody td.rank");
    assert_eq!(ranks, ["1", "2", "3"]);
    let year = built.page("nam/2023/");
    assert_eq!(
        one(&year, "li.excluded"),
        "Không có trong bảng: Đơn vị D (kết quả không được công bố)"
    );
}

/// A change made from an illustrative year is marked as an illustrative
/// score is, with the notice, and flagged in the downloads.
#[test]
fn a_change_made_from_an_illustrative_year_is_marked() {
    let site = fixture("minimal");
    let path = site.path().join("data/results/2022/khoi.json");
    let json = std::fs::read_to_string(&path).unwrap();
    let json = json.replace(
        "\"complete\": true,",
        "\"complete\": true,\n  \"illustrative\": true,",
    );
    std::fs::write(&path, json).unwrap();
    let built = build_ok(site.path());
    let page = built.page("xep-hang/2023/khoi/");
    let html = page.root_element().html();
    let changes = html
        .matches("title=\"Tính từ số liệu minh họa\">*</span>")
        .count();
    assert_eq!(changes, 4, "each of the four changes is marked");
    assert!(
        one(&page, "p.notice-inline").contains("tính từ số liệu minh họa"),
        "the notice says what the mark means"
    );
    let csv = std::fs::read_to_string(built.out.join("du-lieu/2023/khoi/chi-so.csv")).unwrap();
    let rows = parse_csv(&csv);
    for flag in ["thay_doi_hang_minh_hoa", "thay_doi_diem_minh_hoa"] {
        let column = rows[0].iter().position(|c| c == flag).unwrap();
        assert!(rows[1..].iter().all(|r| r[column] == "1"), "{flag}: {csv}");
    }
}
