//! The TOML, JSON and template parsers speak English. Their phrases are
//! said here in Vietnamese, so that an editor reading "viết sai cú pháp: …"
//! reads the rest in Vietnamese too; names and the text in backticks stay
//! as written, and a phrase not in the table is left as the parser said it
//! (in English runs, everything is).
//!
//! The TOML table holds every text of the toml, toml_parser and
//! toml_datetime crates an editor can meet (their error descriptions and
//! what they say is expected), the JSON one serde_json's.

use super::{language, Language};

/// Phrases of the parsers' messages. At each place of a message the
/// longest phrase that stands there as words is the one said.
const PHRASES: &[(&str, &str)] = &[
    // TOML: what is wrong (toml_parser).
    ("may only go between digits", "chỉ được đặt giữa hai chữ số"),
    (
        "cannot recurse further; max recursion depth met",
        "lồng nhau quá sâu",
    ),
    ("recursion limit", "lồng nhau quá sâu"),
    (
        "carriage return must be followed by newline",
        "ký tự về đầu dòng (CR) phải đi liền trước ký tự xuống dòng",
    ),
    ("extra", "thừa"),
    (
        "extra assignment between key-value pairs",
        "thừa dấu = giữa các cặp khóa = giá trị",
    ),
    (
        "extra comma in array",
        "thừa dấu phẩy trong danh sách [ … ]",
    ),
    (
        "extra comma in inline table",
        "thừa dấu phẩy trong bảng { … }",
    ),
    (
        "integers with a radix cannot be signed",
        "số viết với 0x, 0o hay 0b không được có dấu + hay -",
    ),
    (
        "invalid comment character",
        "chú thích có ký tự không được dùng",
    ),
    (
        "invalid inline table element",
        "phần tử của bảng { … } chưa đúng",
    ),
    ("invalid key-value pair", "cặp khóa = giá trị chưa đúng"),
    ("invalid unquoted key", "khóa không có ngoặc chưa đúng"),
    ("invalid key", "khóa chưa đúng"),
    ("invalid value", "giá trị chưa đúng"),
    ("invalid table", "tiêu đề bảng [ … ] chưa đúng"),
    ("invalid table header", "tiêu đề bảng [ … ] chưa đúng"),
    (
        "invalid inline table",
        "bảng viết trên một dòng { … } chưa đúng",
    ),
    ("invalid array", "danh sách [ … ] chưa đúng"),
    ("invalid string", "chuỗi chưa đúng"),
    ("invalid basic string", "chuỗi trong ngoặc kép chưa đúng"),
    ("invalid literal string", "chuỗi trong ngoặc đơn chưa đúng"),
    (
        "invalid multi-line basic string",
        "chuỗi nhiều dòng trong ngoặc kép chưa đúng",
    ),
    (
        "invalid multi-line literal string",
        "chuỗi nhiều dòng trong ngoặc đơn chưa đúng",
    ),
    ("invalid boolean", "giá trị đúng/sai chưa đúng"),
    ("invalid number", "số chưa đúng"),
    ("invalid integer number", "số nguyên chưa đúng"),
    ("invalid hexadecimal number", "số hệ 16 chưa đúng"),
    ("invalid octal number", "số hệ 8 chưa đúng"),
    ("invalid binary number", "số hệ 2 chưa đúng"),
    ("invalid float", "số thập phân chưa đúng"),
    ("invalid floating-point number", "số thập phân chưa đúng"),
    ("invalid mantissa", "phần số của số thập phân chưa đúng"),
    ("invalid fraction", "phần sau dấu chấm thập phân chưa đúng"),
    ("invalid exponent", "số mũ chưa đúng"),
    ("key with no value", "khóa chưa có giá trị"),
    (
        "keys cannot be multi-line basic strings",
        "khóa không được là chuỗi nhiều dòng",
    ),
    (
        "keys cannot be multi-line literal strings",
        "khóa không được là chuỗi nhiều dòng",
    ),
    ("missing array opening", "thiếu dấu [ mở danh sách"),
    (
        "missing assignment between key-value pairs",
        "thiếu dấu = giữa khóa và giá trị",
    ),
    (
        "missing comma between array elements",
        "thiếu dấu phẩy giữa các phần tử của danh sách",
    ),
    (
        "missing comma between key-value pairs",
        "thiếu dấu phẩy giữa các cặp khóa = giá trị",
    ),
    ("missing comment start", "thiếu dấu # mở đầu chú thích"),
    ("missing escaped value", "thiếu ký tự sau dấu \\"),
    ("missing inline table opening", "thiếu dấu { mở bảng"),
    (
        "missing key for inline table element",
        "phần tử của bảng { … } thiếu khóa",
    ),
    ("missing opening quote", "thiếu dấu ngoặc mở"),
    ("missing table open", "thiếu dấu [ mở tiêu đề bảng"),
    ("missing value for key", "khóa chưa có giá trị"),
    ("missing value", "thiếu giá trị"),
    ("radix must be lowercase", "0x, 0o, 0b phải viết chữ thường"),
    ("redundant integer number prefix", "thừa tiền tố của số"),
    ("redundant numeric sign", "thừa dấu + hay -"),
    (
        "string values must be quoted",
        "chuỗi phải đặt trong ngoặc kép",
    ),
    (
        "string values must be quoted, expected literal string",
        "chuỗi phải đặt trong ngoặc kép",
    ),
    ("too few unicode value digits", "mã Unicode thiếu chữ số"),
    ("unclosed array table", "tiêu đề [[ … ]] chưa đóng"),
    ("unclosed array", "danh sách [ … ] chưa đóng"),
    ("unclosed inline table", "bảng { … } chưa đóng"),
    ("unclosed table", "tiêu đề [ … ] chưa đóng"),
    ("unexpected", "không đúng chỗ:"),
    ("in array", "trong danh sách [ … ]"),
    (
        "unexpected content between comment and newline",
        "có nội dung thừa giữa chú thích và cuối dòng",
    ),
    ("unexpected content", "có nội dung thừa"),
    (
        "unexpected key or value",
        "khóa hoặc giá trị không đúng chỗ",
    ),
    (
        "unexpected leading zero",
        "số không được bắt đầu bằng chữ số 0",
    ),
    ("unexpected sign", "dấu + hay - không đúng chỗ"),
    (
        "unquoted keys cannot be empty",
        "khóa không có ngoặc không được để trống",
    ),
    ("invalid escape sequence", "ký tự thoát (\\) chưa đúng"),
    // TOML: what is wrong (toml).
    ("duplicate key", "khóa bị lặp"),
    (
        "cannot extend value of type string with a dotted key",
        "không thể thêm khóa có dấu chấm vào một chuỗi",
    ),
    (
        "cannot extend value of type integer with a dotted key",
        "không thể thêm khóa có dấu chấm vào một số nguyên",
    ),
    (
        "cannot extend value of type float with a dotted key",
        "không thể thêm khóa có dấu chấm vào một số thập phân",
    ),
    (
        "cannot extend value of type boolean with a dotted key",
        "không thể thêm khóa có dấu chấm vào một giá trị đúng/sai",
    ),
    (
        "cannot extend value of type datetime with a dotted key",
        "không thể thêm khóa có dấu chấm vào một ngày giờ",
    ),
    (
        "cannot extend value of type array with a dotted key",
        "không thể thêm khóa có dấu chấm vào một danh sách",
    ),
    (
        "cannot extend value of type table with a dotted key",
        "không thể thêm khóa có dấu chấm vào bảng này",
    ),
    (
        "cannot extend value of type inline table with a dotted key",
        "không thể thêm khóa có dấu chấm vào một bảng viết trên một dòng { … }",
    ),
    ("integer number overflowed", "số nguyên quá lớn"),
    ("floating-point number overflowed", "số thập phân quá lớn"),
    ("wanted string or table", "cần một chuỗi hoặc một bảng"),
    ("unexpected keys in table", "bảng có khóa không dùng được"),
    ("available keys", "các khóa dùng được"),
    (
        "wanted exactly 1 element, found 0 elements",
        "cần đúng một phần tử, nhưng không có phần tử nào",
    ),
    (
        "wanted exactly 1 element, more than 1 element",
        "cần đúng một phần tử, nhưng có nhiều hơn một",
    ),
    (
        "expected table with exactly 1 entry, found empty table",
        "cần một bảng có đúng một khóa, nhưng bảng trống",
    ),
    ("expected empty array", "cần một danh sách trống"),
    ("expected empty table", "cần một bảng trống"),
    ("in document root", "ở đầu tệp"),
    // TOML: what is expected (toml_parser).
    ("expected nothing", "cần bỏ đi"),
    ("newline", "xuống dòng"),
    ("basic string", "chuỗi trong ngoặc kép"),
    ("literal string", "chuỗi trong ngoặc đơn"),
    ("multi-line basic string", "chuỗi nhiều dòng"),
    ("characters", "ký tự"),
    ("digits", "chữ số"),
    ("key", "khóa"),
    ("letters", "chữ cái"),
    ("numbers", "chữ số"),
    ("value", "giá trị"),
    (
        "non-double-quote visible characters",
        "ký tự nhìn thấy được (trừ dấu ngoặc kép)",
    ),
    ("non-single-quote characters", "ký tự khác dấu ngoặc đơn"),
    (
        "non-single-quote visible characters",
        "ký tự nhìn thấy được (trừ dấu ngoặc đơn)",
    ),
    ("printable characters", "ký tự in được"),
    ("unicode hexadecimal value", "mã Unicode hệ 16"),
    ("etc", "v.v."),
    // TOML dates and times (toml_datetime).
    ("invalid datetime", "ngày giờ chưa đúng"),
    ("invalid date-time", "ngày giờ chưa đúng"),
    ("invalid date", "ngày chưa đúng"),
    ("invalid time", "giờ chưa đúng"),
    ("invalid offset", "múi giờ chưa đúng"),
    ("year or hour", "năm hoặc giờ"),
    ("between date and time", "giữa ngày và giờ"),
    ("+OFFSET, -OFFSET", "+hh:mm, -hh:mm"),
    ("a four-digit year", "năm có bốn chữ số"),
    ("a two-digit month", "tháng có hai chữ số"),
    ("a two-digit day", "ngày có hai chữ số"),
    ("a two-digit hour", "giờ có hai chữ số"),
    ("a two-digit minute", "phút có hai chữ số"),
    ("a two-digit second", "giây có hai chữ số"),
    ("month", "tháng"),
    ("day", "ngày"),
    ("hour", "giờ"),
    ("minute", "phút"),
    ("second", "giây"),
    ("nanosecond", "phần lẻ của giây"),
    ("nanoseconds overflowed", "phần lẻ của giây quá dài"),
    ("month between 01 and 12", "tháng từ 01 đến 12"),
    ("day between 01 and 28", "ngày từ 01 đến 28"),
    ("day between 01 and 29", "ngày từ 01 đến 29"),
    ("day between 01 and 30", "ngày từ 01 đến 30"),
    ("day between 01 and 31", "ngày từ 01 đến 31"),
    ("hour between 00 and 23", "giờ từ 00 đến 23"),
    ("hours between 00 and 23", "giờ từ 00 đến 23"),
    ("minute between 00 and 59", "phút từ 00 đến 59"),
    ("minutes between 00 and 59", "phút từ 00 đến 59"),
    ("second between 00 and 60", "giây từ 00 đến 60"),
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
    ("expected ident", "cần true, false hoặc null"),
    ("invalid escape", "ký tự thoát (\\) chưa đúng"),
    ("number out of range", "số nằm ngoài khoảng cho phép"),
    ("invalid unicode code point", "mã Unicode chưa đúng"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "chuỗi có ký tự điều khiển (như xuống dòng) bên trong",
    ),
    ("key must be a string", "khóa phải là chuỗi trong ngoặc kép"),
    (
        "expected key to be a number in quotes",
        "khóa phải là một số trong ngoặc kép",
    ),
    (
        "float key must be finite (got NaN or +/-inf)",
        "khóa là số thập phân phải là số hữu hạn (không được là NaN hay +/-inf)",
    ),
    (
        "lone leading surrogate in hex escape",
        "mã \\u chưa đúng (nửa đầu của một cặp UTF-16 đứng một mình)",
    ),
    ("trailing comma", "dấu phẩy thừa ở cuối"),
    ("trailing characters", "ký tự thừa ở cuối"),
    ("unexpected end of hex escape", "mã \\u thiếu chữ số"),
    ("recursion limit exceeded", "lồng nhau quá sâu"),
    // serde's own words, for what the diagnostic does not rephrase.
    ("unknown variant", "giá trị không dùng được:"),
    ("there are no variants", "không có giá trị nào dùng được"),
    ("one of", "một trong"),
    ("duplicate field", "khóa bị lặp"),
    ("invalid length", "số phần tử chưa đúng:"),
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
    ("invalid type for the value", "giá trị không đúng kiểu"),
    ("but got", "nhưng gặp"),
    ("missing keyword argument", "thiếu tham số"),
    ("cannot divide by 0", "không chia được cho 0"),
    ("unable to perform", "không tính được"),
    ("is out of range for", "vượt quá giới hạn của"),
    // Joining words.
    ("expected", "cần"),
    ("or", "hoặc"),
    ("and", "và"),
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
        } else {
            translate_words(part, &mut out);
        }
    }
    out
}

/// Whether `c` belongs to a word: "key" is not a phrase of itself in
/// "key-value" nor "expected" in "unexpected".
fn in_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
}

/// `text` with, at each place, the longest phrase that stands there as
/// whole words said in Vietnamese.
fn translate_words(text: &str, out: &mut String) {
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let rest = &text[at..];
        let starts_word = !in_word(text[..at].chars().next_back());
        let phrase = PHRASES
            .iter()
            .filter(|(english, _)| {
                rest.starts_with(english)
                    && (starts_word || !english.starts_with(char::is_alphanumeric))
                    && (!english.ends_with(char::is_alphanumeric)
                        || !in_word(rest[english.len()..].chars().next()))
            })
            .max_by_key(|(english, _)| english.len());
        match phrase {
            Some((english, vietnamese)) => {
                out.push_str(vietnamese);
                at += english.len();
            }
            None => {
                out.push(c);
                at += c.len_utf8();
            }
        }
    }
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
        assert_eq!(translate("unexpectedly"), "unexpectedly");
        assert_eq!(translate("keyboard, rekey"), "keyboard, rekey");
        // What the table does not know stays as the parser said it.
        assert_eq!(translate("something new"), "something new");
    }

    #[test]
    fn a_phrase_joined_by_a_hyphen_is_one_word() {
        // Not "khóa chưa đúng-value pair".
        assert_eq!(
            translate("invalid key-value pair, expected key"),
            "cặp khóa = giá trị chưa đúng, cần khóa"
        );
        assert_eq!(
            translate("invalid date-time, expected `T` between date and time"),
            "ngày giờ chưa đúng, cần `T` giữa ngày và giờ"
        );
    }

    /// Every description of a problem in toml_parser 1.1, toml 1.2 and
    /// toml_datetime 1.1 (their `ParseError::new`, `Error::custom` and
    /// `DatetimeParseError` texts).
    const TOML_PROBLEMS: &[&str] = &[
        "`_` may only go between digits",
        "cannot recurse further; max recursion depth met",
        "carriage return must be followed by newline",
        "extra `=`",
        "extra assignment between key-value pairs",
        "extra comma in array",
        "extra comma in inline table",
        "integers with a radix cannot be signed",
        "invalid comment character",
        "invalid inline table element",
        "invalid key-value pair",
        "invalid unquoted key",
        "invalid value",
        "key with no value",
        "keys cannot be multi-line basic strings",
        "keys cannot be multi-line literal strings",
        "missing array opening",
        "missing assignment between key-value pairs",
        "missing comma between array elements",
        "missing comma between key-value pairs",
        "missing comment start",
        "missing escaped value",
        "missing inline table opening",
        "missing key for inline table element",
        "missing opening quote",
        "missing table open",
        "missing value for key",
        "missing value",
        "radix must be lowercase",
        "redundant integer number prefix",
        "redundant numeric sign",
        "string values must be quoted",
        "too few unicode value digits",
        "unclosed array table",
        "unclosed array",
        "unclosed inline table",
        "unclosed table",
        "unexpected `=` in array",
        "unexpected content between comment and newline",
        "unexpected content",
        "unexpected key or value",
        "unexpected leading zero",
        "unexpected sign",
        "unquoted keys cannot be empty",
        "invalid key",
        "invalid table",
        "invalid string",
        "invalid basic string",
        "invalid literal string",
        "invalid multi-line basic string",
        "invalid multi-line literal string",
        "invalid boolean",
        "invalid date-time",
        "invalid float",
        "invalid integer number",
        "invalid hexadecimal number",
        "invalid octal number",
        "invalid binary number",
        "invalid mantissa",
        "invalid fraction",
        "invalid exponent",
        "duplicate key",
        "cannot extend value of type string with a dotted key",
        "cannot extend value of type integer with a dotted key",
        "cannot extend value of type float with a dotted key",
        "cannot extend value of type boolean with a dotted key",
        "cannot extend value of type datetime with a dotted key",
        "cannot extend value of type array with a dotted key",
        "cannot extend value of type table with a dotted key",
        "cannot extend value of type inline table with a dotted key",
        "recursion limit",
        "integer number overflowed",
        "floating-point number overflowed",
        "wanted string or table",
        "unexpected keys in table: kx, ky, available keys: kz",
        "wanted exactly 1 element, found 0 elements",
        "wanted exactly 1 element, more than 1 element",
        "expected table with exactly 1 entry, found empty table",
        "expected empty array",
        "expected empty table",
        "invalid datetime",
        "invalid date",
        "invalid date-time",
        "invalid time",
        "invalid offset",
    ];

    /// Everything those crates say is expected (`Expected::Description`,
    /// a literal as they render it, `DatetimeParseError::expected`).
    const TOML_EXPECTED: &[&str] = &[
        "nothing",
        "newline",
        "`=`",
        "basic string",
        "characters",
        "digits",
        "key",
        "letters",
        "literal string",
        "multi-line basic string",
        "non-double-quote visible characters",
        "non-single-quote characters",
        "non-single-quote visible characters",
        "numbers",
        "printable characters",
        "unicode hexadecimal value",
        "value",
        "etc",
        "`-` (MM-DD)",
        "`-` (YYYY-MM) or `:` (HH:MM)",
        "`:` (HH:MM)",
        "`T` between date and time",
        "`Z`, +OFFSET, -OFFSET",
        "a four-digit year (YYYY)",
        "a two-digit day (DD)",
        "a two-digit hour (HH)",
        "a two-digit minute (MM)",
        "a two-digit month (MM)",
        "a two-digit second (SS)",
        "day",
        "hour",
        "minute",
        "month",
        "second",
        "nanosecond",
        "nanoseconds overflowed",
        "year or hour",
        "month between 01 and 12",
        "day between 01 and 28",
        "day between 01 and 29",
        "day between 01 and 30",
        "day between 01 and 31",
        "hour between 00 and 23",
        "hours between 00 and 23",
        "minute between 00 and 59",
        "minutes between 00 and 59",
        "second between 00 and 60",
    ];

    /// serde_json's own messages.
    const JSON_PROBLEMS: &[&str] = &[
        "EOF while parsing a list",
        "EOF while parsing an object",
        "EOF while parsing a string",
        "EOF while parsing a value",
        "expected `:`",
        "expected `,` or `]`",
        "expected `,` or `}`",
        "expected ident",
        "expected value",
        "expected `\"`",
        "invalid escape",
        "invalid number",
        "number out of range",
        "invalid unicode code point",
        "control character (\\u0000-\\u001F) found while parsing a string",
        "key must be a string",
        "invalid value: expected key to be a number in quotes",
        "float key must be finite (got NaN or +/-inf)",
        "lone leading surrogate in hex escape",
        "trailing comma",
        "trailing characters",
        "unexpected end of hex escape",
        "recursion limit exceeded",
    ];

    /// Common English words, which a translated message has none of
    /// outside backticks.
    const ENGLISH: &[&str] = &[
        "a",
        "and",
        "array",
        "between",
        "cannot",
        "characters",
        "comma",
        "content",
        "date",
        "day",
        "digits",
        "duplicate",
        "element",
        "empty",
        "escape",
        "expected",
        "extra",
        "for",
        "found",
        "hour",
        "integer",
        "invalid",
        "key",
        "letters",
        "may",
        "minute",
        "missing",
        "month",
        "must",
        "nothing",
        "number",
        "numbers",
        "of",
        "only",
        "or",
        "overflowed",
        "second",
        "sign",
        "string",
        "table",
        "the",
        "time",
        "unclosed",
        "unexpected",
        "value",
        "wanted",
        "while",
        "with",
        "year",
    ];

    /// The English words of `text` outside backticks.
    fn english_words(text: &str) -> Vec<String> {
        text.split('`')
            .step_by(2)
            .flat_map(|part| part.split(|c: char| !c.is_alphabetic()))
            .map(str::to_ascii_lowercase)
            .filter(|word| ENGLISH.contains(&word.as_str()))
            .collect()
    }

    fn assert_vietnamese(messages: impl IntoIterator<Item = String>) {
        let mut left = Vec::new();
        for message in messages {
            let said = translate(&message);
            let words = english_words(&said);
            if !words.is_empty() {
                left.push(format!("{message:?} → {said:?}: {words:?}"));
            }
        }
        assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
    }

    #[test]
    fn every_known_toml_and_json_message_is_said_in_vietnamese() {
        let toml = TOML_PROBLEMS.iter().flat_map(|problem| {
            std::iter::once(problem.to_string()).chain(
                TOML_EXPECTED
                    .iter()
                    .map(move |expected| format!("{problem}, expected {expected}")),
            )
        });
        assert_vietnamese(toml.chain(JSON_PROBLEMS.iter().map(|m| m.to_string())));
    }

    /// What the parsers say of real documents, as `parse` passes it on.
    #[test]
    fn what_the_parsers_say_of_broken_documents_is_said_in_vietnamese() {
        let toml = [
            "date = 2026-02-30",
            "date = 2026-13-01",
            "t = 24:00:00",
            "t = 1979-05-27T07:32:00+25:00",
            "d = 1979-05-27 07:32",
            "s = \"a\\",
            "s = \"a\\xb\"",
            "s = \"\\u12\"",
            "s = \"a\u{1}b\"",
            "s = 'a",
            "s = \"a",
            "f = 1.",
            "f = 1.e5",
            "f = 1e",
            "f = 1e99999",
            "h = 0xZZ",
            "h = 0XFF",
            "h = -0xFF",
            "n = 012",
            "n = 1__2",
            "n = _1",
            "n = +-1",
            "b = tru",
            "b = True",
            "a = 1 2",
            "a =",
            "a",
            "= 1",
            "[a",
            "[[a]",
            "[a]]",
            "a = [1,,2]",
            "a = [1 2]",
            "a = [1",
            "a = [ = ]",
            "a = {b = 1,,}",
            "a = {b = 1 c = 2}",
            "a = {b = 1",
            "a = {b}",
            "a = 1\na = 2",
            "a = 1\na.b = 2",
            "a = {b = 1}\na.c = 2",
            "a = [1]\na.b = 2",
            "[[a]]\n[a]",
            "\"\"\"k\"\"\" = 1",
            "'''k''' = 1",
            "a = 1 # \u{7f}",
            "a = 1 b",
            "{\"a\":1}",
            "a = \"x\"\r",
            "a b = 1",
            "\u{1f600} = 1",
            "a = é",
            "a = 1979-05-27T",
        ];
        let deep = format!("a = {}", "[".repeat(200));
        let messages = toml
            .iter()
            .copied()
            .chain([deep.as_str()])
            .filter_map(|doc| toml::from_str::<toml::Table>(doc).err())
            .map(|e| e.message().lines().next().unwrap_or_default().to_owned());
        let json = [
            "[1,",
            "{\"a\":1",
            "\"abc",
            "",
            "{\"a\" 1}",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            "tru",
            "[1,]",
            "{\"a\":1,}",
            "\"\\x\"",
            "1e99999",
            "\"\\ud800\"",
            "{1:2}",
            "\"a\nb\"",
            "1 2",
            "\"\\u12\"",
        ];
        let deep = "[".repeat(200);
        let json = json
            .iter()
            .copied()
            .chain([deep.as_str()])
            .filter_map(|doc| serde_json::from_str::<serde_json::Value>(doc).err())
            .map(|e| {
                let text = e.to_string();
                text.split(" at line ")
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            });
        assert_vietnamese(messages.chain(json));
    }

    #[test]
    fn an_impossible_date_is_said_wholly_in_vietnamese() {
        let e = toml::from_str::<toml::Table>("date = 2026-02-30").unwrap_err();
        assert_eq!(
            translate(e.message()),
            "ngày chưa đúng, cần ngày từ 01 đến 28"
        );
        let e = toml::from_str::<toml::Table>("n = 012").unwrap_err();
        assert_eq!(
            translate(e.message()),
            "số không được bắt đầu bằng chữ số 0, cần bỏ đi"
        );
    }
}
