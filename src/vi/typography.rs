//! Vietnamese typography, applied to reader-facing text in general rather
//! than string by string: a non-breaking space where a line must not break
//! ("≥ 90%", "89,72 điểm", "thứ 15/63", "Thứ Tư", "ngày 22/02/2024"),
//! the en dash in a range of numbers ("2021–2024", "80–90%") and between
//! words (" – "), and typographic quotes (“ ”) for straight ones.
//!
//! [`text`] applies every rule; it is the `vi_text` filter of templates.
//! The no-break space itself ([`NBSP`]) is written where chiso makes the
//! words around a figure: `render::figure` (a number and its unit, a
//! threshold's sign), `vi::rank_change_phrase` ("tăng 3 bậc"), the weekday
//! names of `vi::dates`, the cells' rank phrases ("xếp thứ 15/63") and the
//! built-in templates' text. It is not applied to whole pages after
//! rendering: a pass over every page's text cost a national build seconds
//! (its pages are hundreds of megabytes), which the build cannot afford.
//! Quotes and dashes are never changed in editors' data: a unit's name
//! ("Sở Lao động - Thương binh và Xã hội") reads on the page as in the
//! downloads and as the editor wrote it.

use std::borrow::Cow;

/// The no-break space (U+00A0).
pub const NBSP: char = '\u{a0}';

/// Words after a number that belong with it ("89,72 điểm", "tăng 3 bậc",
/// "12/17 đơn vị").
const UNITS: &[&str] = &[
    "điểm",
    "bậc",
    "đơn vị",
    "tỉnh",
    "lĩnh vực",
    "chỉ số",
    "người",
    "lượt",
    "%",
];

/// Words before a number that belong with it ("thứ 15/63", "số 519/QĐ-UBND",
/// "ngày 22/02/2024", "năm 2023"), compared ignoring case.
const BEFORE_NUMBERS: &[&str] = &["thứ", "số", "ngày", "tháng", "năm", "hạng", "khoản", "điều"];

/// The days of the week after "Thứ", compared ignoring case.
const WEEKDAYS: &[&str] = &["hai", "ba", "tư", "năm", "sáu", "bảy"];

/// Signs that belong with the number after them ("≥ 90%").
const SIGNS: &[char] = &['≥', '≤', '>', '<', '±', '≈', '~', '='];

/// Every rule, applied to plain text chiso writes.
pub fn text(input: &str) -> Cow<'_, str> {
    let mut joined = String::new();
    let changed = join_spaces(input, ' ', &mut joined);
    let polished = {
        let base: &str = if changed { &joined } else { input };
        let units: Vec<Unit> = base
            .char_indices()
            .map(|(i, c)| Unit {
                c,
                source: &base[i..i + c.len_utf8()],
            })
            .collect();
        dashes_and_quotes(&units)
    };
    match polished {
        Some(out) => Cow::Owned(out),
        None if changed => Cow::Owned(joined),
        None => Cow::Borrowed(input),
    }
}

/// Writes `node` to `out` with a no-break space in place of each space
/// that joins two things a line must not split; `prev` is the character
/// before the node. Whether any space was replaced.
fn join_spaces(node: &str, prev: char, out: &mut String) -> bool {
    let bytes = node.as_bytes();
    // Most text holds nothing to join: pass it through untouched.
    let after_figure =
        bytes.first() == Some(&b' ') && (prev.is_ascii_digit() || SIGNS.contains(&prev));
    if !after_figure && !may_join(node) {
        out.push_str(node);
        return false;
    }
    let mut copied = 0;
    for (at, _) in node.match_indices(' ') {
        if keep_together(&node[..at], &node[at + 1..], prev) {
            out.push_str(&node[copied..at]);
            out.push(NBSP);
            copied = at + 1;
        }
    }
    out.push_str(&node[copied..]);
    copied > 0
}

/// Whether a text may hold something the no-break rules join: a space, and
/// a digit, a sign (`≥ ≤ ± ≈ > < = ~`, `&gt;`) or "Thứ"/"Chủ". One pass over
/// the bytes: this runs on every text node of every page.
fn may_join(node: &str) -> bool {
    let bytes = node.as_bytes();
    let mut space = false;
    let mut candidate = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b' ' => space = true,
            b'0'..=b'9' | b'&' | b'>' | b'<' | b'=' | b'~' => candidate = true,
            // `±` (C2 B1); `≥`, `≤`, `≈` (E2 89 xx).
            0xC2 if bytes.get(i + 1) == Some(&0xB1) => candidate = true,
            0xE2 if bytes.get(i + 1) == Some(&0x89) => candidate = true,
            // "hứ", "hủ" (68 E1 BB A9, 68 E1 BB A7): "Thứ", "Chủ".
            b'h' if bytes.get(i + 1..i + 3) == Some(&[0xE1, 0xBB]) => candidate = true,
            _ => {}
        }
        if space && candidate {
            return true;
        }
    }
    false
}

/// Whether the space between `before` and `after` joins two things that
/// must not be split; `prev` is the character before `before`.
fn keep_together(before: &str, after: &str, prev: char) -> bool {
    let last = before.chars().next_back().unwrap_or(prev);
    let next = after.chars().next().unwrap_or(' ');
    // "≥ 90%", "&gt; 5 bậc".
    let sign = SIGNS.contains(&last) || before.ends_with("&gt;") || before.ends_with("&lt;");
    if sign && (next.is_ascii_digit() || next == '-') {
        return true;
    }
    // "89,72 điểm", "12/17 đơn vị", "90 %".
    if last.is_ascii_digit() && UNITS.iter().any(|w| word_at(after, w)) {
        return true;
    }
    let word = word_before(before);
    if word.is_empty() {
        return false;
    }
    // "thứ 15/63", "số 519/QĐ-UBND", "năm 2023".
    if next.is_ascii_digit() && BEFORE_NUMBERS.iter().any(|w| same_word(word, w)) {
        return true;
    }
    // "Thứ Tư", "Chủ nhật" (a weekday is capitalised: "lần thứ ba" is not
    // one).
    (same_word(word, "thứ") && next.is_uppercase() && WEEKDAYS.iter().any(|w| word_at(after, w)))
        || (same_word(word, "chủ") && word_at(after, "nhật"))
}

/// The word (letters) `before` ends with, when it starts a word.
fn word_before(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[start..];
    match before[..start].chars().next_back() {
        Some(c) if c.is_alphanumeric() => "",
        _ => word,
    }
}

/// Whether `text` starts with `word` (ignoring case), followed by something
/// that is not a letter or digit.
fn word_at(text: &str, word: &str) -> bool {
    let mut chars = text.chars();
    for w in word.chars() {
        match chars.next() {
            Some(c)
                if c == w || (w == ' ' && c == NBSP) || c.to_lowercase().eq(w.to_lowercase()) => {}
            _ => return false,
        }
    }
    chars.next().is_none_or(|c| !c.is_alphanumeric())
}

/// Whether two words are the same, ignoring case.
fn same_word(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// One character of the text and the text it was read from.
#[derive(Clone, Copy)]
struct Unit<'a> {
    c: char,
    source: &'a str,
}

/// Dashes and quotes over a run of text; `None` when nothing changes.
fn dashes_and_quotes(units: &[Unit]) -> Option<String> {
    let mut changes: Vec<(usize, char)> = Vec::new();
    let mut last = ' ';
    for (i, u) in units.iter().enumerate() {
        let p = if i == 0 { ' ' } else { units[i - 1].c };
        let replacement = match u.c {
            '-' => dash(units, i, p),
            '"' => Some(if opens(last) { '“' } else { '”' }),
            _ => None,
        };
        last = replacement.unwrap_or(u.c);
        if let Some(r) = replacement {
            changes.push((i, r));
        }
    }
    if changes.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(units.len() + 8);
    let mut next = changes.iter().peekable();
    for (i, u) in units.iter().enumerate() {
        match next.peek() {
            Some(&&(j, r)) if j == i => {
                out.push(r);
                next.next();
            }
            _ => out.push_str(u.source),
        }
    }
    Some(out)
}

/// Whether a quote after `prev` opens a quotation.
fn opens(prev: char) -> bool {
    prev.is_whitespace() || matches!(prev, '(' | '[' | '{' | '–' | '—' | '/' | '“' | '‘')
}

/// The en dash for the hyphen at `i`, when it stands for one: between two
/// numbers that are a range ("2021-2024", "80-90%"; not a date
/// "2024-05-07" or a code "QĐ-UBND"), or alone between spaces.
fn dash(units: &[Unit], i: usize, prev: char) -> Option<char> {
    let next = units.get(i + 1).map_or(' ', |u| u.c);
    if prev == ' ' && next == ' ' && i > 0 {
        return Some('–');
    }
    if !(prev.is_ascii_digit() && next.is_ascii_digit()) {
        return None;
    }
    // The number before: its start must not follow a letter, `-`, `/` or
    // `.`; the number after must not be followed by `-` or `/` and a digit.
    let mut start = i;
    while start > 0 && (units[start - 1].c.is_ascii_digit() || units[start - 1].c == ',') {
        start -= 1;
    }
    if start > 0 {
        let c = units[start - 1].c;
        if c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | '–') {
            return None;
        }
    }
    let mut end = i + 1;
    while end < units.len() && (units[end].c.is_ascii_digit() || units[end].c == ',') {
        end += 1;
    }
    if let Some(u) = units.get(end) {
        if u.c.is_alphabetic() {
            // "3-4A": a code, not a range (but "5-10 điểm" and "80-90%" are).
            return None;
        }
        if matches!(u.c, '-' | '/' | '.')
            && units.get(end + 1).is_some_and(|n| n.c.is_ascii_digit())
        {
            return None;
        }
    }
    Some('–')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> String {
        text(s).replace(NBSP, "~")
    }

    #[test]
    fn what_must_not_split_is_joined_by_a_no_break_space() {
        let cases = [
            ("12/17 đơn vị đạt (≥ 90%)", "12/17~đơn vị đạt (≥~90%)"),
            ("đạt 89,72 điểm, tăng 3 bậc", "đạt 89,72~điểm, tăng 3~bậc"),
            ("xếp thứ 15/63 cả nước", "xếp thứ~15/63 cả nước"),
            ("Thứ Tư, 07/05/2024", "Thứ~Tư, 07/05/2024"),
            ("Chủ nhật", "Chủ~nhật"),
            (
                "Quyết định số 519/QĐ-UBND ngày 22/02/2024",
                "Quyết định số~519/QĐ-UBND ngày~22/02/2024",
            ),
            ("năm 2023", "năm~2023"),
            // Not a number, not a unit: unchanged.
            ("Số liệu minh họa, thứ hạng", "Số liệu minh họa, thứ hạng"),
            ("10 điểmx", "10 điểmx"),
            ("lần thứ ba", "lần thứ ba"),
        ];
        for (from, to) in cases {
            assert_eq!(t(from), to, "{from}");
        }
    }

    #[test]
    fn ranges_get_the_en_dash_and_dates_and_codes_keep_their_hyphens() {
        let cases = [
            ("2021-2024", "2021–2024"),
            ("80-90%", "80–90%"),
            ("từ 5-10 điểm", "từ 5–10~điểm"),
            ("2024-05-07", "2024-05-07"),
            ("519/QĐ-UBND", "519/QĐ-UBND"),
            ("A1-2", "A1-2"),
            ("Hà Tĩnh - Nghệ An", "Hà Tĩnh – Nghệ An"),
            ("-3 bậc", "-3~bậc"),
        ];
        for (from, to) in cases {
            assert_eq!(t(from), to, "{from}");
        }
    }

    #[test]
    fn straight_quotes_become_typographic() {
        assert_eq!(
            t("gọi là \"nhóm A\" (\"xuất sắc\")."),
            "gọi là “nhóm A” (“xuất sắc”)."
        );
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        assert!(matches!(text("không đổi, 88,35%"), Cow::Borrowed(_)));
    }
}
