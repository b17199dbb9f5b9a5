//! Messages about ranking pages: a table's own page, when several indices
//! rank a group in one year.

messages! {
    page_table(year: i32, group: &str, index: &str) {
        vi: "trang bảng `{index}` năm {year}, khối {group}",
        en: "the page of table `{index}` for {year}, {group}",
    }
}
