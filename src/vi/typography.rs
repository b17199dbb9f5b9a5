//! Vietnamese typography, applied to reader-facing text in general rather
//! than string by string: a non-breaking space where a line must not break
//! ("≥ 90%", "89,72 điểm", "thứ 15/63", "Thứ Tư", "ngày 22/02/2024"),
//! the en dash in a range of numbers ("2021–2024", "80–90%") and between
//! words (" – "), and typographic quotes (“ ”) for straight ones.
//!
//! [`text`] applies every rule to text chiso writes (the `vi_text` filter
//! of templates). [`html`] applies the no-break rules, which change how a
//! line wraps and nothing a reader could copy differently, to the text of a
//! whole HTML page, leaving tags, attributes, comments and what must stay
//! as written (`code`, `pre`, `kbd`, `samp`, `script`, `style`,
//! `textarea`) untouched: rendering passes every page through it, so
//! template prose, editors' Markdown and every figure wrap the same way.
//! Quotes and dashes are not changed in the editors' text: a unit's name
//! ("Sở Lao động - Thương binh và Xã hội") must read on the page as in the
//! downloads and as the editor wrote it. The figures' own words
//! (`figure::unit_suffix`) already carry [`NBSP`].

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
/// "ngày 22/02/2024", "năm 2023"), compared in lower case.
const BEFORE_NUMBERS: &[&str] = &["thứ", "số", "ngày", "tháng", "năm", "hạng", "khoản", "điều"];

/// The days of the week after "Thứ", compared in lower case.
const WEEKDAYS: &[&str] = &["hai", "ba", "tư", "năm", "sáu", "bảy"];

/// Signs that belong with the number after them ("≥ 90%").
const SIGNS: &[char] = &['≥', '≤', '>', '<', '±', '≈', '~', '='];

/// One character of the text and where it came from: itself, or an entity
/// (`&quot;`) standing for it.
#[derive(Clone, Copy)]
struct Unit<'a> {
    c: char,
    source: &'a str,
}

/// Which rules apply.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rules {
    /// Only no-break spaces.
    NoBreak,
    /// No-break spaces, dashes and quotes.
    All,
}

/// Every rule, applied to plain text chiso writes.
pub fn text(input: &str) -> Cow<'_, str> {
    let units: Vec<Unit> = input
        .char_indices()
        .map(|(i, c)| Unit {
            c,
            source: &input[i..i + c.len_utf8()],
        })
        .collect();
    let mut prev = ' ';
    match polish(&units, &mut prev, Rules::All) {
        None => Cow::Borrowed(input),
        Some(out) => Cow::Owned(out),
    }
}

/// The no-break rules applied to the text nodes of an HTML page.
pub fn html(page: &str) -> String {
    let mut out = String::with_capacity(page.len() + page.len() / 64);
    let bytes = page.as_bytes();
    let mut i = 0;
    // The last character of text before this point, for the quotes: a
    // block's start counts as a space.
    let mut prev = ' ';
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let end = memchr(b'<', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            text_node(&page[i..end], &mut prev, &mut out);
            i = end;
            continue;
        }
        // A comment, kept as it is.
        if page[i..].starts_with("<!--") {
            let end = page[i + 4..]
                .find("-->")
                .map_or(page.len(), |n| i + 4 + n + 3);
            out.push_str(&page[i..end]);
            i = end;
            continue;
        }
        let end = tag_end(bytes, i);
        let tag = &page[i..end];
        out.push_str(tag);
        i = end;
        let name = tag_name(tag);
        if !INLINE.contains(&name.as_str()) {
            prev = ' ';
        }
        // An element whose content stays as written: copied through to its
        // end tag.
        if !tag.starts_with("</") && VERBATIM.contains(&name.as_str()) && !tag.ends_with("/>") {
            let close = format!("</{name}");
            let stop = find_ascii_ci(&page[i..], &close).map_or(page.len(), |n| i + n);
            out.push_str(&page[i..stop]);
            i = stop;
        }
    }
    out
}

/// Elements whose text is code or data, kept exactly as written.
const VERBATIM: &[&str] = &[
    "code", "pre", "kbd", "samp", "script", "style", "textarea", "var",
];

/// Elements inside a line of text: they do not start a new block.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u", "tspan",
];

fn memchr(b: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&x| x == b)
}

/// Where the tag starting at `start` ends (after its `>`), quotes in its
/// attributes respected.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut i = start + 1;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

/// The lower-case name of a tag (`</Code>` → `code`).
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Where `needle` (ASCII) first occurs in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// One text node: its characters (entities standing for the characters the
/// rules look at decoded), polished, written to `out`.
fn text_node(node: &str, prev: &mut char, out: &mut String) {
    // Most text nodes hold nothing to join: a space after a digit or a
    // sign, or before one.
    if !node.contains(' ') {
        out.push_str(node);
        if let Some(c) = node.chars().next_back() {
            *prev = c;
        }
        return;
    }
    let mut units = Vec::with_capacity(node.len());
    let mut rest = node;
    while let Some(c) = rest.chars().next() {
        let (unit, len) = match c {
            '&' => entity(rest).unwrap_or((
                Unit {
                    c,
                    source: &rest[..1],
                },
                1,
            )),
            c => (
                Unit {
                    c,
                    source: &rest[..c.len_utf8()],
                },
                c.len_utf8(),
            ),
        };
        units.push(unit);
        rest = &rest[len..];
    }
    match polish(&units, prev, Rules::NoBreak) {
        Some(text) => out.push_str(&text),
        None => out.push_str(node),
    }
}

/// The entity at the start of `text`, among those the rules look at.
fn entity(text: &str) -> Option<(Unit<'_>, usize)> {
    const ENTITIES: &[(&str, char)] = &[
        ("&quot;", '"'),
        ("&#34;", '"'),
        ("&#x22;", '"'),
        ("&gt;", '>'),
        ("&lt;", '<'),
        ("&nbsp;", NBSP),
        ("&#160;", NBSP),
        ("&#xa0;", NBSP),
        ("&amp;", '&'),
    ];
    ENTITIES.iter().find_map(|&(name, c)| {
        text.starts_with(name).then(|| {
            (
                Unit {
                    c,
                    source: &text[..name.len()],
                },
                name.len(),
            )
        })
    })
}

/// The rules over one run of text; `None` when nothing changes. `prev` is
/// the character before the run, and is left at its last character.
fn polish(units: &[Unit], prev: &mut char, rules: Rules) -> Option<String> {
    let mut changes: Vec<(usize, char)> = Vec::new();
    let before = *prev;
    let mut last = before;
    for (i, u) in units.iter().enumerate() {
        let p = if i == 0 { before } else { units[i - 1].c };
        let replacement = match u.c {
            ' ' => keep_together(units, i, p).then_some(NBSP),
            '-' if rules == Rules::All => dash(units, i, p),
            '"' if rules == Rules::All => Some(if opens(last) { '“' } else { '”' }),
            _ => None,
        };
        if let Some(r) = replacement {
            changes.push((i, r));
            last = r;
        } else {
            last = u.c;
        }
    }
    *prev = last;
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

/// Whether the space at `i` joins two things that must not be split.
fn keep_together(units: &[Unit], i: usize, prev: char) -> bool {
    let next = units.get(i + 1).map_or(' ', |u| u.c);
    // "≥ 90%", "> 5 bậc".
    if SIGNS.contains(&prev) && (next.is_ascii_digit() || next == '-') {
        return true;
    }
    // "89,72 điểm", "12/17 đơn vị", "90 %".
    if prev.is_ascii_digit() && UNITS.iter().any(|w| word_at(units, i + 1, w)) {
        return true;
    }
    let word = word_before(units, i);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    // "thứ 15/63", "số 519/QĐ-UBND", "năm 2023".
    if next.is_ascii_digit() && BEFORE_NUMBERS.contains(&lower.as_str()) {
        return true;
    }
    // "Thứ Tư", "Chủ nhật" (a weekday is capitalised: "lần thứ ba" is not
    // one).
    (lower == "thứ" && next.is_uppercase() && WEEKDAYS.iter().any(|w| word_at_ci(units, i + 1, w)))
        || (lower == "chủ" && word_at_ci(units, i + 1, "nhật"))
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

/// The word (letters) that ends right before `i`, when it starts a word.
fn word_before(units: &[Unit], i: usize) -> String {
    let mut start = i;
    while start > 0 && units[start - 1].c.is_alphabetic() {
        start -= 1;
    }
    if start == i || start > 0 && units[start - 1].c.is_alphanumeric() {
        return String::new();
    }
    units[start..i].iter().map(|u| u.c).collect()
}

/// Whether `word` stands at `i`, followed by something that is not a
/// letter.
fn word_at(units: &[Unit], i: usize, word: &str) -> bool {
    let mut j = i;
    for c in word.chars() {
        match units.get(j) {
            Some(u) if u.c == c || (c == ' ' && u.c == NBSP) => j += 1,
            _ => return false,
        }
    }
    units.get(j).is_none_or(|u| !u.c.is_alphanumeric())
}

/// [`word_at`], ignoring case.
fn word_at_ci(units: &[Unit], i: usize, word: &str) -> bool {
    let mut j = i;
    for c in word.chars() {
        match units.get(j) {
            Some(u) if u.c.to_lowercase().eq(c.to_lowercase()) => j += 1,
            _ => return false,
        }
    }
    units.get(j).is_none_or(|u| !u.c.is_alphanumeric())
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
    fn html_text_is_polished_and_markup_and_code_are_not() {
        let page = "<!DOCTYPE html><p title=\"a 10 điểm\">đạt (&gt; 90%), <b>thứ 15/63</b> và &quot;Sở A - B&quot;</p>\
                    <pre><code>x = 10 điểm</code></pre><!-- 10 điểm -->\
                    <p>Thứ Tư <code>thứ 15</code></p><script>var s = \"10 điểm\";</script>";
        let out = html(page).replace(NBSP, "~");
        assert_eq!(
            out,
            "<!DOCTYPE html><p title=\"a 10 điểm\">đạt (&gt;~90%), <b>thứ~15/63</b> và &quot;Sở A - B&quot;</p>\
             <pre><code>x = 10 điểm</code></pre><!-- 10 điểm -->\
             <p>Thứ~Tư <code>thứ 15</code></p><script>var s = \"10 điểm\";</script>"
        );
    }

    #[test]
    fn an_unchanged_page_is_byte_identical() {
        let page = "<html><body><p>Không có gì để sửa.</p><svg><text x=\"1\">88,35</text></svg></body></html>";
        assert_eq!(html(page), page);
        assert!(matches!(text("không đổi"), Cow::Borrowed(_)));
    }
}
