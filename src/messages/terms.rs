//! The words callers pass into messages ("unit", "the year", "a number"):
//! callers name things in English, and [`term`] says them in the current
//! language.

use super::{language, Entry, Language};

/// Each term in English, then in Vietnamese.
const TERMS: &[(&str, &str)] = &[
    // What an id names.
    ("unit", "đơn vị"),
    ("units", "đơn vị"),
    ("group", "khối"),
    ("index", "chỉ số"),
    ("region", "vùng"),
    ("component", "lĩnh vực"),
    // Cells of a spreadsheet, figures of a result.
    ("unit's name", "tên đơn vị"),
    ("score", "điểm"),
    ("points", "điểm đạt"),
    ("maximum points", "điểm tối đa"),
    ("percent", "tỷ lệ phần trăm"),
    ("rank", "thứ hạng"),
    ("semicolons `;`", "dấu chấm phẩy `;`"),
    ("commas `,`", "dấu phẩy `,`"),
    ("tabs", "dấu tab"),
    ("result", "kết quả"),
    ("figure", "số liệu"),
    (
        "change from an earlier year",
        "mức thay đổi so với năm trước",
    ),
    ("regional rank", "thứ hạng trong vùng"),
    ("average", "điểm bình quân"),
    ("count", "số đơn vị được xếp hạng"),
    ("rank 1", "đơn vị xếp thứ nhất"),
    ("band count", "số đơn vị đạt mức cao nhất"),
    (
        "average or band count",
        "điểm bình quân hay số đơn vị theo từng mức",
    ),
    // What is watched or read as a whole.
    ("the site", "thư mục của trang"),
    ("the templates", "các giao diện"),
    // Shortcode arguments.
    ("the year", "năm"),
    ("the group", "khối"),
    ("the index", "chỉ số"),
    // Kinds of value in a data file.
    ("a number", "một số"),
    ("a whole number", "một số nguyên"),
    ("text in quotes", "chữ trong ngoặc kép"),
    ("true or false", "true hoặc false"),
    ("a list [ … ]", "một danh sách [ … ]"),
    ("a list", "một danh sách"),
    ("a table", "một bảng"),
    ("a date such as 2024-02-22", "một ngày như 2024-02-22"),
    ("a date", "một ngày"),
];

/// `word` in the current language; a word the list does not have is said
/// as it is.
pub fn term(word: &str) -> String {
    match language() {
        Language::English => word.to_owned(),
        Language::Vietnamese => TERMS
            .iter()
            .find(|(en, _)| *en == word)
            .map_or(word, |(_, vi)| vi)
            .to_owned(),
    }
}

/// A list of choices such as "a, b or c", with "or" in the current language.
pub fn choices(list: &str) -> String {
    match language() {
        Language::English => list.to_owned(),
        Language::Vietnamese => list.replace(" or ", " hoặc "),
    }
}

/// A number of errors: "1 error", "2 errors", "2 lỗi".
pub fn error_count(errors: usize) -> String {
    match language() {
        Language::Vietnamese => format!("{errors} lỗi"),
        Language::English if errors == 1 => "1 error".to_owned(),
        Language::English => format!("{errors} errors"),
    }
}

/// A number of warnings: "1 warning", "2 warnings", "2 cảnh báo".
pub fn warning_count(warnings: usize) -> String {
    match language() {
        Language::Vietnamese => format!("{warnings} cảnh báo"),
        Language::English if warnings == 1 => "1 warning".to_owned(),
        Language::English => format!("{warnings} warnings"),
    }
}

/// The terms as catalogue entries, for the catalogue test.
pub(crate) const ENTRIES: &[Entry] = &{
    let mut entries = [Entry {
        name: "",
        vi: "",
        en: "",
        neutral: false,
    }; TERMS.len()];
    let mut i = 0;
    while i < TERMS.len() {
        entries[i] = Entry {
            name: TERMS[i].0,
            vi: TERMS[i].1,
            en: TERMS[i].0,
            neutral: false,
        };
        i += 1;
    }
    entries
};
