//! The Markdown HTML policy: what editors write in Markdown (articles, the
//! home text, notes, descriptions, the footer) never runs in a reader's
//! browser unless the site opts in with `unsafe_html = true`.
//!
//! - Raw HTML is escaped and shown as text, with a warning. HTML comments
//!   stay comments: shortcodes are comments (`<!-- chiso:… -->`), and a
//!   comment runs nothing. A comment ends where a browser ends it (at `-->`
//!   or `--!>`, and `<!-->` is a whole comment), so nothing after it can
//!   pass as a comment; an unclosed one is escaped.
//! - Heading attributes other than an id and classes (`{onclick=…}`) are
//!   dropped, with a warning.
//! - Links and images to `javascript:`, `vbscript:` or `data:` (except
//!   images) are errors, in every case ([`crate::url_safety`]); the
//!   rendered link points at `#`, should rendering ever see one.
//!
//! `content::render_markdown_with_links` applies the policy while it
//! renders and returns what it found as [`Finding`]s, at byte offsets of the
//! Markdown, which callers turn into located diagnostics.

use crate::diagnostic::Diagnostic;
use crate::messages::html_policy as msg;
use crate::render::escape::push_escaped;
use crate::url_safety::{forbidden_scheme, UrlUse};

/// Something the policy changed or refused, at a byte offset of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub offset: usize,
    pub kind: FindingKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// Raw HTML, shown as text: the start of it.
    RawHtml(String),
    /// Heading attributes dropped (`onclick`).
    HeadingAttributes(String),
    /// A link or image to a refused scheme.
    ForbiddenUrl { url: String, scheme: &'static str },
    /// A link with a scheme no browser opens (`bao-cao:2024/`).
    UnknownScheme { url: String },
    /// `[text](an address with spaces)`: not a link in Markdown, printed
    /// as written.
    SpaceInAddress { address: String },
}

impl Finding {
    pub fn is_error(&self) -> bool {
        matches!(self.kind, FindingKind::ForbiddenUrl { .. })
    }

    /// The diagnostic, not yet located.
    pub fn diagnostic(&self) -> Diagnostic {
        match &self.kind {
            FindingKind::RawHtml(html) => {
                Diagnostic::warning(msg::raw_html(html)).with_hint(msg::hint_raw_html())
            }
            FindingKind::HeadingAttributes(names) => {
                Diagnostic::warning(msg::heading_attributes(names))
                    .with_hint(msg::hint_heading_attributes())
            }
            FindingKind::ForbiddenUrl { url, scheme } => url_diagnostic(url, scheme),
            FindingKind::UnknownScheme { url } => {
                let scheme = crate::url_safety::written_scheme(url).unwrap_or_default();
                Diagnostic::warning(msg::unknown_scheme(&shorten(url), scheme))
                    .with_hint(msg::hint_unknown_scheme())
            }
            FindingKind::SpaceInAddress { address } => {
                let address = shorten(address);
                Diagnostic::warning(msg::space_in_address(&address))
                    .with_hint(msg::hint_space_in_address(&address))
            }
        }
    }
}

/// The error for a URL with a refused scheme, not yet located.
pub fn url_diagnostic(url: &str, scheme: &str) -> Diagnostic {
    Diagnostic::error(msg::forbidden_url(&shorten(url), scheme))
        .with_hint(msg::hint_forbidden_url())
}

/// The warning for a URL with a scheme no browser opens (a mistyped
/// `htps:`), not yet located.
pub fn unknown_scheme_warning(url: &str) -> Option<Diagnostic> {
    crate::url_safety::unknown_scheme(url)?;
    let finding = Finding {
        offset: 0,
        kind: FindingKind::UnknownScheme {
            url: url.to_owned(),
        },
    };
    Some(finding.diagnostic())
}

/// The problem with a URL written in a plain field (`source.url`, a menu
/// link), if it has one.
pub fn check_url(url: &str) -> Option<Diagnostic> {
    forbidden_scheme(url, UrlUse::Link).map(|scheme| url_diagnostic(url, scheme))
}

/// Checks a link or image destination: a finding for a refused scheme.
pub fn check_destination(url: &str, used_as: UrlUse, offset: usize) -> Option<Finding> {
    let kind = match forbidden_scheme(url, used_as) {
        Some(scheme) => FindingKind::ForbiddenUrl {
            url: url.to_owned(),
            scheme,
        },
        None if crate::url_safety::unknown_scheme(url).is_some() => FindingKind::UnknownScheme {
            url: url.to_owned(),
        },
        None => return None,
    };
    Some(Finding { offset, kind })
}

/// The start of a piece of text, on one line, for a message.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    let line = text.trim().lines().next().unwrap_or_default();
    // Control characters (the tab of `java\tscript:`) are shown escaped.
    let mut short = String::new();
    for c in line.chars().take(MAX) {
        if c.is_control() {
            short.extend(c.escape_default());
        } else {
            short.push(c);
        }
    }
    if line.chars().count() > MAX || line.len() < text.trim().len() {
        short.push('…');
    }
    short
}

/// Appends `html` to `out` with every comment kept and everything else
/// escaped; returns the byte offset in `html` of the first escaped text
/// that is not blank, if any (where the warning points).
pub fn escape_raw_html(html: &str, out: &mut String) -> Option<usize> {
    let mut first = None;
    let mut rest = 0;
    loop {
        let comment = html[rest..].find("<!--").map(|i| rest + i);
        let text = &html[rest..comment.unwrap_or(html.len())];
        if first.is_none() {
            first = text.find(|c: char| !c.is_whitespace()).map(|i| rest + i);
        }
        push_escaped(out, text);
        let Some(start) = comment else {
            return first;
        };
        match comment_len(&html[start..]) {
            Some(len) => {
                out.push_str(&html[start..start + len]);
                rest = start + len;
            }
            None => {
                first.get_or_insert(start);
                push_escaped(out, &html[start..]);
                return first;
            }
        }
    }
}

/// The length of the comment `text` starts with (`text` starts with
/// `<!--`), as a browser reads it; `None` when it is not closed.
fn comment_len(text: &str) -> Option<usize> {
    let body = &text[4..];
    if body.starts_with('>') {
        return Some(5);
    }
    if body.starts_with("->") {
        return Some(6);
    }
    // The first `-->` or `--!>`, in one pass: searching for each through
    // the rest of the text was quadratic in a line of many comments (adv19
    // m5: 40,000 shortcodes on one line took 10 s).
    let mut from = 0;
    while let Some(i) = body[from..].find("--") {
        let at = from + i;
        let after = &body[at + 2..];
        if after.starts_with('>') {
            return Some(4 + at + 3);
        }
        if after.starts_with("!>") {
            return Some(4 + at + 4);
        }
        from = at + 1;
    }
    None
}

/// The text of a finding about raw HTML: its start, on one line.
pub fn raw_html_finding(html: &str, offset: usize) -> Finding {
    Finding {
        offset,
        kind: FindingKind::RawHtml(shorten(html)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(html: &str) -> (String, Option<usize>) {
        let mut out = String::new();
        let first = escape_raw_html(html, &mut out);
        (out, first)
    }

    #[test]
    fn comments_stay_and_everything_else_is_escaped() {
        let cases = [
            (
                "<!-- chiso:ket-qua nam=2023 -->",
                "<!-- chiso:ket-qua nam=2023 -->",
                None,
            ),
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                Some(0),
            ),
            (
                "<!-- a --> <img src=x onerror=alert(1)>\n",
                "<!-- a --> &lt;img src=x onerror=alert(1)&gt;\n",
                Some(11),
            ),
            // A browser ends a comment at `--!>`: what follows is not hidden.
            (
                "<!-- a --!><script>alert(1)</script> -->",
                "<!-- a --!>&lt;script&gt;alert(1)&lt;/script&gt; --&gt;",
                Some(11),
            ),
            ("<!--><b>x</b>", "<!-->&lt;b&gt;x&lt;/b&gt;", Some(5)),
            ("<!---><b>x</b>", "<!--->&lt;b&gt;x&lt;/b&gt;", Some(6)),
            // Unclosed, it would hide the rest of the page.
            ("<!-- a\n<p>", "&lt;!-- a\n&lt;p&gt;", Some(0)),
            (
                "<div\nonclick=\"x\">",
                "&lt;div\nonclick=&quot;x&quot;&gt;",
                Some(0),
            ),
            ("  \n", "  \n", None),
        ];
        for (html, want, first) in cases {
            let (out, at) = escaped(html);
            assert_eq!(out, want, "{html:?}");
            assert_eq!(at, first, "{html:?}");
        }
    }

    #[test]
    fn findings_say_what_and_how_serious() {
        let f = raw_html_finding("<script>alert(1)</script>\n<p>more</p>", 3);
        assert!(!f.is_error());
        let d = f.diagnostic();
        assert!(
            d.message.contains("<script>alert(1)</script>…"),
            "{}",
            d.message
        );
        assert!(!d.is_error());
        let f = check_destination("java\tscript:alert(1)", UrlUse::Link, 0).unwrap();
        assert!(f.is_error() && f.diagnostic().is_error());
        assert!(f.diagnostic().message.contains("javascript"));
        assert!(check_destination("data:image/png;base64,AA", UrlUse::Image, 0).is_none());
        for fine in [
            "https://x.vn/",
            "MAILTO:a@b.vn",
            "tel:+84",
            "/a:b",
            "#x:y",
            "a/b:c",
        ] {
            assert!(check_destination(fine, UrlUse::Link, 0).is_none(), "{fine}");
        }
        let odd = check_destination("bao-cao:2024/", UrlUse::Link, 3).unwrap();
        assert!(!odd.is_error());
        assert!(odd.diagnostic().message.contains("`bao-cao:`"));
        assert!(check_url("https://vanban.gov.vn/").is_none());
        assert!(check_url(" JAVASCRIPT:alert(1)").unwrap().is_error());
    }
}

/// Whether an SVG image's text holds code a browser runs when the image
/// is opened as a page (not inside `<img>`): a `<script>` element, an
/// event attribute (`onload=`), or a `javascript:` address. Letter case is
/// ignored, as browsers ignore it.
pub fn svg_runs_script(svg: &str) -> bool {
    let text = svg.to_ascii_lowercase();
    if text.contains("<script") || text.contains("javascript:") {
        return true;
    }
    let bytes = text.as_bytes();
    bytes.windows(3).enumerate().any(|(i, w)| {
        w[0].is_ascii_whitespace() && w[1..] == *b"on" && {
            let name = bytes[i + 3..]
                .iter()
                .take_while(|b| b.is_ascii_lowercase())
                .count();
            let rest = &bytes[i + 3 + name..];
            let spaces = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
            name > 0 && rest.get(spaces) == Some(&b'=')
        }
    })
}

#[cfg(test)]
mod svg_tests {
    use super::svg_runs_script;

    #[test]
    fn finds_what_runs_in_an_svg() {
        for svg in [
            "<svg><script>alert(1)</script></svg>",
            "<svg onload=\"alert(1)\"/>",
            "<svg\nONLOAD = 'x'/>",
            "<svg><a xlink:href=\"JavaScript:alert(1)\">x</a></svg>",
        ] {
            assert!(svg_runs_script(svg), "{svg}");
        }
        for svg in [
            "<svg viewBox=\"0 0 10 10\"><path d=\"M0 0\"/></svg>",
            "<svg><text>onload = text, not an attribute</text></svg>",
            "<svg><g id=\"online\" font-family=\"Be Vietnam\"/></svg>",
        ] {
            assert!(!svg_runs_script(svg), "{svg}");
        }
    }
}
