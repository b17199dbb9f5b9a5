//! Hints for JSON data files. The model's hints show what to write in TOML
//! (`disputed = "lý do"`, `change = { places = 10 }`), the format most data
//! files use; an editor whose file is JSON is shown the same keys in JSON
//! (`"disputed": "lý do"`, `"change": { "places": 10 }`).

/// `hint` with each code span that sets a key (`` `key = value` ``) written
/// as JSON. Other spans (`band_count`, `[[result]]`) and the words are kept.
pub fn in_json(hint: &str) -> String {
    let mut out = String::with_capacity(hint.len() + 8);
    let mut parts = hint.split('`');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    // Odd parts are inside backticks (an unclosed one is kept as it is).
    for (n, part) in parts.enumerate() {
        out.push('`');
        if n % 2 == 0 {
            out.push_str(&assignments_in_json(part));
        } else {
            out.push_str(part);
        }
    }
    out
}

/// `key = value` as `"key": value`, inline tables' keys too; a bare TOML
/// date (`2024-05-08`) quoted, as JSON data files write it. A span that
/// sets no key is kept.
fn assignments_in_json(span: &str) -> String {
    if !starts_with_assignment(span) {
        return span.to_owned();
    }
    let mut out = String::with_capacity(span.len() + 8);
    let mut rest = span;
    while !rest.is_empty() {
        if starts_with_assignment(rest) {
            let key_end = rest.find(|c: char| !is_key_char(c)).unwrap_or(rest.len());
            let (key, after) = rest.split_at(key_end);
            out.push('"');
            out.push_str(key);
            out.push_str("\":");
            rest = quoted_date(after.trim_start().trim_start_matches('='), &mut out);
            continue;
        }
        // Copied up to where the next key may start: after a `{` or a `,`
        // outside a string, and the spaces after it.
        let mut in_string = false;
        let mut cut = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '"' => in_string = !in_string,
                '{' | ',' if !in_string => {
                    cut = i + 1;
                    break;
                }
                _ => {}
            }
        }
        let spaces = rest[cut..].len() - rest[cut..].trim_start().len();
        out.push_str(&rest[..cut + spaces]);
        rest = &rest[cut + spaces..];
    }
    out
}

/// Writes the value's leading space and a bare date as a JSON string;
/// returns what follows what it wrote.
fn quoted_date<'a>(value: &'a str, out: &mut String) -> &'a str {
    let spaces = value.len() - value.trim_start().len();
    out.push_str(&value[..spaces]);
    let value = &value[spaces..];
    let date_len = 10;
    let is_date = value.len() >= date_len
        && value.as_bytes()[..date_len]
            .iter()
            .enumerate()
            .all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            });
    if is_date {
        out.push('"');
        out.push_str(&value[..date_len]);
        out.push('"');
        &value[date_len..]
    } else {
        value
    }
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `text` starts with `key =` (a bare key, then `=`).
/// Hints write TOML's `key = value` with spaces; a shortcode's argument
/// (`hien=thay-doi`) has none and is kept.
fn starts_with_assignment(text: &str) -> bool {
    let key_end = text.find(|c: char| !is_key_char(c)).unwrap_or(text.len());
    key_end > 0 && text[key_end..].starts_with(" =")
}

#[cfg(test)]
mod tests {
    use super::in_json;

    #[test]
    fn assignments_read_as_json() {
        // A shortcode's argument is not a key of the file.
        assert_eq!(
            in_json("dùng `hien=thay-doi-diem` hoặc ghi `change = { places = … }`"),
            "dùng `hien=thay-doi-diem` hoặc ghi `\"change\": { \"places\": … }`"
        );
        assert_eq!(
            in_json("giữ nguyên và thêm `disputed = \"lý do\"` vào `band_count` này"),
            "giữ nguyên và thêm `\"disputed\": \"lý do\"` vào `band_count` này"
        );
        assert_eq!(
            in_json("ghi `change = { places = 10, since = 2022 }`"),
            "ghi `\"change\": { \"places\": 10, \"since\": 2022 }`"
        );
        assert_eq!(in_json("`date = 2024-05-08`"), "`\"date\": \"2024-05-08\"`");
        assert_eq!(in_json("`complete = false`."), "`\"complete\": false`.");
        // Words and other spans are kept; an unclosed span too.
        assert_eq!(
            in_json("xóa `of` ở `[[result]]`"),
            "xóa `of` ở `[[result]]`"
        );
        assert_eq!(in_json("a `b = 1"), "a `\"b\": 1");
        assert_eq!(in_json("không có mã"), "không có mã");
        // A comma inside a string starts no key.
        assert_eq!(
            in_json("`disputed = \"a, b = c\"`"),
            "`\"disputed\": \"a, b = c\"`"
        );
    }
}
