//! Which URLs an editor may write: a `javascript:` or `vbscript:` URL runs
//! code in the reader's browser when followed, and a `data:` URL shows a page
//! the link's author made up, so all three are refused wherever a URL is
//! written (Markdown links, images, autolinks, reference definitions, and
//! plain URL fields such as `source.url`), except `data:` for images.
//!
//! Browsers forgive a lot in a scheme, so the check undoes what they undo
//! before comparing: HTML character references (`&#106;avascript:`,
//! `javascript&colon;`, also doubly encoded), ASCII whitespace and control
//! characters anywhere before the colon (`java\tscript:`, a leading space),
//! and letter case. It errs on the side of refusing: invisible Unicode
//! characters inside the scheme, which a browser would not skip, are skipped
//! too.

/// Where a URL is used: images may be `data:` URLs (an image cannot run a
/// script from one), links may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    Link,
    Image,
}

/// The schemes refused, as they are named in messages.
const JAVASCRIPT: &str = "javascript";
const VBSCRIPT: &str = "vbscript";
const DATA: &str = "data";

/// The refused scheme `url` uses, if any, as in `javascript`.
pub fn forbidden_scheme(url: &str, used_as: UrlUse) -> Option<&'static str> {
    // Every refused URL has a colon (written, or as a character reference);
    // most URLs are plain paths, which need no decoding.
    if !url.contains([':', '&']) {
        return None;
    }
    let scheme = scheme(&decode_references(url))?;
    match scheme.as_str() {
        JAVASCRIPT => Some(JAVASCRIPT),
        VBSCRIPT => Some(VBSCRIPT),
        DATA if used_as == UrlUse::Link => Some(DATA),
        _ => None,
    }
}

/// Schemes a reader's browser or device opens: a link with any other
/// (`bao-cao:2024/`, a mistyped `htps:`) leads nowhere.
const KNOWN_SCHEMES: &[&str] = &[
    "http", "https", "mailto", "tel", "sms", "ftp", "ftps", "sftp", "geo", "magnet", "news", "irc",
    "ircs", "xmpp", "webcal", "callto", "skype", "zalo", "viber", "whatsapp", "tg", "maps",
    "market", "data",
];

/// The scheme `url` starts with, as the URL standard reads one (a letter,
/// then letters, digits, `+`, `-` or `.`, then `:`), as written; `None` for
/// a relative link (`java%09script:` and `\\bao-cao:` are paths).
pub fn written_scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    (chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// The scheme of `url` when it has one no browser opens.
pub fn unknown_scheme(url: &str) -> Option<&str> {
    written_scheme(url).filter(|s| {
        !KNOWN_SCHEMES
            .iter()
            .any(|known| s.eq_ignore_ascii_case(known))
    })
}

/// The scheme of a decoded URL, lowercase, with the characters browsers
/// (and, to be safe, invisible ones) ignore left out; `None` when the URL
/// has no scheme (a path, `#anchor`, `?query` or `//host` before any colon).
fn scheme(url: &str) -> Option<String> {
    let mut scheme = String::new();
    for c in url.chars() {
        match c {
            ':' => return Some(scheme),
            '/' | '?' | '#' => return None,
            c if ignored(c) => {}
            c => scheme.extend(c.to_lowercase()),
        }
        // No scheme is this long: a colon further on is in a path.
        if scheme.len() > 64 {
            return None;
        }
    }
    None
}

/// Characters skipped inside a scheme: ASCII whitespace and controls (which
/// browsers strip or remove), and other whitespace, controls and invisible
/// format characters (which they do not, but which only hide a scheme).
fn ignored(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Decodes HTML character references until none is left (at most a few
/// rounds: `&amp;#106;` is `&#106;` is `j`). Numeric references may omit
/// their `;`, as browsers accept in attributes.
fn decode_references(url: &str) -> String {
    let mut text = url.to_owned();
    for _ in 0..4 {
        if !text.contains('&') {
            break;
        }
        let decoded = decode_once(&text);
        if decoded == text {
            break;
        }
        text = decoded;
    }
    text
}

/// Named references that can spell or hide a scheme (and `&amp;`, which
/// can hide another reference). Matched without regard to case.
const NAMED: &[(&str, char)] = &[
    ("colon", ':'),
    ("tab", '\t'),
    ("newline", '\n'),
    ("nbsp", '\u{a0}'),
    ("amp", '&'),
    ("sol", '/'),
    ("quest", '?'),
    ("num", '#'),
];

fn decode_once(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference stands for and the bytes it takes after `&`.
fn reference(after: &str) -> Option<(char, usize)> {
    let semicolon = |used: usize| usize::from(after[used..].starts_with(';'));
    if let Some(number) = after.strip_prefix('#') {
        let (radix, digits_at) = match number.as_bytes().first() {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let digits: &str = &after[digits_at..];
        let len = digits
            .bytes()
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        if len == 0 {
            return None;
        }
        // Too large a number is U+FFFD to a browser, as is an invalid one.
        let c = u32::from_str_radix(&digits[..len.min(8)], radix)
            .ok()
            .filter(|_| len <= 8)
            .and_then(char::from_u32)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{FFFD}');
        let used = digits_at + len;
        return Some((c, used + semicolon(used)));
    }
    let name_len = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &after[..name_len];
    NAMED
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(name))
        .map(|&(_, c)| (c, name_len + semicolon(name_len)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tricky_spellings_of_refused_schemes_are_caught() {
        let links = [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\r\nscript:alert(1)",
            "javascript\t:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#X6a;avascript:alert(1)",
            "&#0000106;avascript:alert(1)",
            "&#106avascript:alert(1)",
            "javascript&colon;alert(1)",
            "javascript&COLON;alert(1)",
            "javascript&#58;alert(1)",
            "javascript&#x3a;alert(1)",
            "java&Tab;script:alert(1)",
            "java&NewLine;script:alert(1)",
            "&amp;#106;avascript:alert(1)",
            "&amp;amp;#106;avascript:alert(1)",
            "java\u{200B}script:alert(1)",
            "\u{FEFF}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            " d a t a :text/html,x",
        ];
        for url in links {
            assert!(
                forbidden_scheme(url, UrlUse::Link).is_some(),
                "{url:?} should be refused"
            );
        }
        assert_eq!(
            forbidden_scheme("java\tscript:x", UrlUse::Link),
            Some("javascript")
        );
        assert_eq!(
            forbidden_scheme("VBScript:x", UrlUse::Image),
            Some("vbscript")
        );
        assert_eq!(
            forbidden_scheme("javascript:x", UrlUse::Image),
            Some("javascript")
        );
    }

    #[test]
    fn ordinary_urls_and_data_images_pass() {
        let fine = [
            "",
            "/xep-hang/2023/so-ban-nganh/",
            "../anh/a.png",
            "#ket-qua",
            "?q=javascript:x",
            "//cdn.example/javascript:x",
            "https://example.gov.vn/tai-lieu?a=1&b=2",
            "http://example.gov.vn/javascript:x",
            "mailto:so@hatinh.gov.vn",
            "tel:+84-239-3855555",
            "tai-lieu/javascript:thu.pdf",
            "/duong-dan/data:1",
            "https://x.vn/?a=&amp;b",
            "javascript-huong-dan.html",
            "&#106;",
            "&#;x",
            "&#99999999999999999;x",
        ];
        for url in fine {
            assert_eq!(forbidden_scheme(url, UrlUse::Link), None, "{url:?}");
        }
        assert_eq!(
            forbidden_scheme("data:image/png;base64,iVBORw0KGgo=", UrlUse::Image),
            None
        );
        assert_eq!(
            forbidden_scheme("data:image/png;base64,iVBORw0KGgo=", UrlUse::Link),
            Some("data")
        );
    }

    proptest::proptest! {
        /// Whatever is inserted between the letters of `javascript:` from
        /// what browsers ignore, and however each letter is written, it is
        /// refused.
        #[test]
        fn any_mix_of_ignored_characters_and_references_is_refused(
            spellings in proptest::collection::vec(0u8..6, 11),
            noise in proptest::collection::vec(
                proptest::sample::select(vec!["", " ", "\t", "\n", "\r", "\u{1}", "\u{1f}", "&Tab;", "&#9;", "&#x0A;"]),
                11,
            ),
        ) {
            let mut url = String::new();
            for ((c, how), noise) in "javascript:".chars().zip(spellings).zip(noise) {
                url.push_str(noise);
                match how {
                    0 => url.push(c),
                    1 => url.push(c.to_ascii_uppercase()),
                    2 => url.push_str(&format!("&#{};", c as u32)),
                    3 => url.push_str(&format!("&#x{:X};", c as u32)),
                    // Without `;`: the next character is never a digit.
                    4 => url.push_str(&format!("&#{}", c as u32)),
                    _ => url.push_str(&format!("&amp;#{};", c as u32)),
                }
            }
            url.push_str("alert(1)");
            proptest::prop_assert_eq!(forbidden_scheme(&url, UrlUse::Link), Some("javascript"));
        }

        /// Arbitrary text never panics.
        #[test]
        fn arbitrary_text_never_panics(url in ".*") {
            let _ = forbidden_scheme(&url, UrlUse::Link);
            let _ = forbidden_scheme(&url, UrlUse::Image);
        }
    }
}
