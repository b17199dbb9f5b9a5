//! The TOML, JSON and template parsers speak English. Their commonest
//! phrases are said here in Vietnamese, so that an editor reading
//! "viết sai cú pháp: …" reads the rest in Vietnamese too; names and the
//! text in backticks stay as written, and a phrase not in the table is
//! left as the parser said it (in English runs, everything is).

use super::{language, Language};

/// Phrases of the parsers' messages, the longest first where one holds
/// another.
const PHRASES: &[(&str, &str)] = &[
    // TOML (toml / toml_edit).
    ("invalid basic string", "chuỗi trong ngoặc kép chưa đúng"),
    ("invalid literal string", "chuỗi trong ngoặc đơn chưa đúng"),
    ("invalid table header", "tiêu đề bảng [ … ] chưa đúng"),
    (
        "invalid inline table",
        "bảng viết trên một dòng { … } chưa đúng",
    ),
    ("invalid array", "danh sách [ … ] chưa đúng"),
    ("invalid unquoted key", "khóa không có ngoặc chưa đúng"),
    ("invalid key", "khóa chưa đúng"),
    ("invalid string", "chuỗi chưa đúng"),
    ("invalid number", "số chưa đúng"),
    ("invalid floating-point number", "số thập phân chưa đúng"),
    ("invalid datetime", "ngày giờ chưa đúng"),
    ("invalid date", "ngày chưa đúng"),
    ("invalid time", "giờ chưa đúng"),
    ("invalid escape sequence", "ký tự thoát (\\) chưa đúng"),
    ("duplicate key", "khóa bị lặp"),
    (
        "unexpected key or value",
        "khóa hoặc giá trị không đúng chỗ",
    ),
    (
        "string values must be quoted",
        "chuỗi phải đặt trong ngoặc kép",
    ),
    ("literal string", "chuỗi"),
    ("day between 01 and 31", "ngày từ 01 đến 31"),
    ("month between 01 and 12", "tháng từ 01 đến 12"),
    ("key with no value", "khóa chưa có giá trị"),
    ("unexpected content", "có nội dung thừa"),
    ("expected newline", "cần xuống dòng"),
    ("in document root", "ở đầu tệp"),
    // JSON (serde_json).
    (
        "EOF while parsing a string",
        "hết tệp khi chuỗi chưa đóng ngoặc kép",
    ),
    (
        "EOF while parsing an object",
        "hết tệp khi đối tượng { } chưa đóng",
    ),
    (
        "EOF while parsing a list",
        "hết tệp khi danh sách [ ] chưa đóng",
    ),
    ("EOF while parsing a value", "hết tệp khi chưa có giá trị"),
    ("expected value", "cần một giá trị"),
    ("trailing comma", "dấu phẩy thừa ở cuối"),
    ("trailing characters", "ký tự thừa ở cuối"),
    ("key must be a string", "khóa phải là chuỗi trong ngoặc kép"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "chuỗi có ký tự điều khiển (như xuống dòng) bên trong",
    ),
    ("expected ident", "cần true, false hoặc null"),
    // Templates (Tera).
    ("is not defined", "không có"),
    ("not found in context", "không có"),
    ("variable", "biến"),
    ("Variable", "Biến"),
    ("filter", "bộ lọc"),
    ("field", "trường"),
    ("but expected one of", "nhưng cần một trong"),
    ("found", "gặp"),
    ("Filter", "Bộ lọc"),
    ("not found", "không tìm thấy"),
    // Joining words, last: they also occur inside the phrases above.
    (", expected ", ", cần "),
    ("expected ", "cần "),
    (" or ", " hoặc "),
];

/// `message`, a parser's words, in the editor's language: its known
/// phrases in Vietnamese when chiso speaks Vietnamese, as it is otherwise.
pub fn parser_words(message: &str) -> String {
    if language() == Language::English {
        return message.to_owned();
    }
    translate(message)
}

/// The Vietnamese of `message`, outside backticks (names and quoted text
/// stay as written).
fn translate(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 {
            out.push_str(part);
            continue;
        }
        let mut text = part.to_owned();
        for (english, vietnamese) in PHRASES {
            text = replace_words(&text, english, vietnamese);
        }
        out.push_str(&text);
    }
    out
}

/// `text` with each `from` that stands as words (not inside a longer word:
/// "expected" in "unexpected" stays) replaced by `to`.
fn replace_words(text: &str, from: &str, to: &str) -> String {
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + from.len()..].chars().next();
        let starts_word = !from.starts_with(char::is_alphanumeric) || !letter(before);
        let ends_word = !from.ends_with(char::is_alphanumeric) || !letter(after);
        out.push_str(&rest[..at]);
        out.push_str(if starts_word && ends_word { to } else { from });
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_phrases_are_said_in_vietnamese_and_quoted_text_is_kept() {
        assert_eq!(
            translate("invalid basic string, expected `\"`"),
            "chuỗi trong ngoặc kép chưa đúng, cần `\"`"
        );
        assert_eq!(translate("expected `,` or `}`"), "cần `,` hoặc `}`");
        assert_eq!(
            translate("variable `tabel` is not defined"),
            "biến `tabel` không có"
        );
        // A name in backticks is never translated.
        assert_eq!(translate("duplicate key `or`"), "khóa bị lặp `or`");
        // A phrase inside a longer word is not one.
        assert_eq!(
            translate("unexpected thing, expected newline"),
            "unexpected thing, cần xuống dòng"
        );
        // What the table does not know stays as the parser said it.
        assert_eq!(translate("something new"), "something new");
    }
}
