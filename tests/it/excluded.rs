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
