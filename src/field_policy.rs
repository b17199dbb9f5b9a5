//! The HTML policy ([`crate::html_policy`]) applied to what `config.toml`
//! and `data/` say, before anything is rendered: every Markdown field (the
//! footer, descriptions, table and result notes, `of_note` and `disputed` notes) and every plain
//! URL field (`base_url`, menu links, `data_license.url`, `source.url`). Raw HTML is a warning
//! (the pages show it as text), a refused URL scheme an error, each pointing at its field, and at
//! the offending text in it when the string holds it as written.

use std::cell::OnceCell;
use std::path::Path;

use crate::config::{Config, CONFIG_FILE};
use crate::content::{markdown_findings, markdown_to_check, Markdown};
use crate::data::RawData;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::html_policy::{self, Finding};
use crate::links::{self, DataLink};
use crate::locate::{FileIndex, Seg};
use crate::messages::html_policy as msg;
use crate::parse::Format;

/// A file's text and format, to locate fields in.
struct Source<'a> {
    path: &'a Path,
    text: &'a str,
    format: Format,
    /// The file indexed on its first problem, once for all of them:
    /// parsing it again for each was quadratic.
    index: OnceCell<FileIndex>,
}

impl<'a> Source<'a> {
    fn new(path: &'a Path, text: &'a str, format: Format) -> Self {
        Source {
            path,
            text,
            format,
            index: OnceCell::new(),
        }
    }

    /// Points `d` at the field at `path`, or at `needle` inside it.
    fn locate(&self, d: Diagnostic, path: &[Seg], field: &str, needle: &str) -> Diagnostic {
        let d = d.in_file(self.path);
        let index = self
            .index
            .get_or_init(|| FileIndex::new(self.text, self.format));
        let Some(start) = index.offset(path) else {
            return d;
        };
        let offset = find_within(self.text, start, field.len(), needle).unwrap_or(start);
        let (location, snippet) = index.point_at(self.text, offset);
        d.at_point(location, snippet)
    }
}

/// Where `needle` (its start, up to a character a string may escape) first
/// occurs in the value starting at `start`, which holds a string of about
/// `len` bytes.
fn find_within(text: &str, start: usize, len: usize, needle: &str) -> Option<usize> {
    let needle: String = needle
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | '\\' | '\n' | '\r' | '\t' | '…'))
        .take(24)
        .collect();
    if needle.is_empty() {
        return None;
    }
    let mut end = (start + len * 2 + 32).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(start..end)?.find(&needle).map(|i| start + i)
}

/// Checks a Markdown field: each refused URL, and the first warning of
/// each line of the text.
fn markdown_field(
    source: &Source,
    path: &[Seg],
    text: &str,
    markdown: &Markdown,
    found: &mut Found,
) {
    let Some(rendered) = markdown_to_check(text, markdown) else {
        return;
    };
    // Links are followed by the link check once the site is rendered.
    for (url, offset) in rendered.links {
        if links::is_checked_in_data(&url) {
            let needle = text.get(offset..).unwrap_or_default();
            let at = source.locate(Diagnostic::error(String::new()), path, text, needle);
            found.links.push(DataLink { url, at });
        }
    }
    let diagnostics = &mut *found.diagnostics;
    let mut warned_line = None;
    // Lines counted as the findings go (they come in order), not from the
    // text's start for each.
    let (mut line, mut counted) = (0, 0);
    for finding in rendered.findings {
        if !finding.is_error() {
            let offset = finding.offset.min(text.len());
            if offset >= counted {
                line += text.as_bytes()[counted..offset]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
            } else {
                line = text.as_bytes()[..offset]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
            }
            counted = offset;
            if warned_line == Some(line) {
                continue;
            }
            warned_line = Some(line);
        }
        diagnostics.push(located(source, path, text, &finding));
    }
}

/// What checking the fields found: problems, and the links to follow.
pub struct Found<'a> {
    pub diagnostics: &'a mut Diagnostics,
    pub links: &'a mut Vec<DataLink>,
}

/// Points a finding at its field, and at the Markdown it is about when
/// the string holds that as written.
fn located(source: &Source, path: &[Seg], text: &str, finding: &Finding) -> Diagnostic {
    let needle = text.get(finding.offset..).unwrap_or_default();
    source.locate(finding.diagnostic(), path, text, needle)
}

/// Whether a source's link is an address a browser opens: `http(s)://`
/// and a host, or a path on the site, with nothing a pasted tag or quote
/// would leave in it.
fn looks_like_an_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let host = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme))
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
    let shaped = match host {
        Some(host) => !host.is_empty(),
        None => url.starts_with('/'),
    };
    shaped
        && !url
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '`'))
}

/// Checks a plain URL field.
fn url_field(source: &Source, path: &[Seg], url: &str, diagnostics: &mut Diagnostics) {
    if let Some(d) = html_policy::check_url(url) {
        diagnostics.push(source.locate(d, path, url, url));
    }
}

/// Checks `config.toml`: the footer, `base_url`, the menu links and the
/// data licence's link; returns the footer's links the link check follows.
/// The file is read again only when there is a problem or a link to locate.
pub fn check_config(root: &Path, config: &Config, diagnostics: &mut Diagnostics) -> Vec<DataLink> {
    let markdown = Markdown::for_site(config);
    let mut problems = Diagnostics::default();
    let mut links = Vec::new();
    let text = {
        let file = Path::new(CONFIG_FILE);
        let has_problem = !markdown_findings(&config.footer, &markdown).is_empty()
            || config.footer.contains('/')
            || html_policy::check_url(&config.base_url).is_some()
            || Config::base_url_problem(&config.base_url).is_some()
            || config
                .robots_txt
                .as_deref()
                .is_some_and(|t| robots_problem(t).is_some())
            || config.menu.iter().any(|m| site_link(&m.url).is_some())
            || config.stylesheets.iter().any(|s| site_link(s).is_some())
            || config
                .menu
                .iter()
                .any(|m| menu_link_problem(&m.url).is_some())
            || (0..config.stylesheets.len()).any(|i| stylesheet_problem(config, i).is_some())
            || config
                .menu
                .iter()
                .map(|m| m.url.as_str())
                .chain(config.stylesheets.iter().map(String::as_str))
                .any(|url| html_policy::check_url(url).is_some())
            || license_url(config).is_some_and(|url| {
                html_policy::check_url(url).is_some() || license_url_problem(url).is_some()
            });
        if !has_problem {
            return links;
        }
        crate::input::read_text(&root.join(file), file).unwrap_or_default()
    };
    let source = Source::new(Path::new(CONFIG_FILE), &text, Format::Toml);
    let mut found = Found {
        diagnostics: &mut problems,
        links: &mut links,
    };
    markdown_field(
        &source,
        &[Seg::Key("footer")],
        &config.footer,
        &markdown,
        &mut found,
    );
    url_field(
        &source,
        &[Seg::Key("base_url")],
        &config.base_url,
        &mut problems,
    );
    // A refused scheme is said once, by the check above.
    if html_policy::check_url(&config.base_url).is_none() {
        if let Some(d) = Config::base_url_problem(&config.base_url) {
            let url = &config.base_url;
            problems.push(source.locate(d, &[Seg::Key("base_url")], url, url));
        }
    }
    if let Some(text) = config.robots_txt.as_deref() {
        if let Some(d) = robots_problem(text) {
            let path = [Seg::Key("robots_txt")];
            problems.push(source.locate(d, &path, text, text));
        }
    }
    // The menu's links and the stylesheets of the site are followed by the
    // link check: a page or file that is not there is an error at them.
    for (i, item) in config.menu.iter().enumerate() {
        let path = [Seg::Key("menu"), Seg::Index(i), Seg::Key("url")];
        url_field(&source, &path, &item.url, &mut problems);
        if let Some(d) = menu_link_problem(&item.url) {
            let stop = d.is_error();
            problems.push(source.locate(d, &path, &item.url, &item.url));
            if stop {
                continue;
            }
        }
        if let Some(url) = site_link(&item.url) {
            let at = source.locate(
                Diagnostic::error(String::new()),
                &path,
                &item.url,
                &item.url,
            );
            links.push(DataLink { url, at });
        }
    }
    let menu_links = links.len();
    for (i, sheet) in config.stylesheets.iter().enumerate() {
        let path = [Seg::Key("stylesheets"), Seg::Index(i)];
        url_field(&source, &path, sheet, &mut problems);
        if let Some(d) = stylesheet_problem(config, i) {
            let stop = d.is_error();
            problems.push(source.locate(d, &path, sheet, sheet));
            if stop {
                continue;
            }
        }
        // A stylesheet listed twice is told once, above.
        let followed = |url: &String| links[menu_links..].iter().any(|l| &l.url == url);
        if let Some(url) = site_link(sheet).filter(|url| !followed(url)) {
            let at = source.locate(Diagnostic::error(String::new()), &path, sheet, sheet);
            links.push(DataLink { url, at });
        }
    }
    if let Some(url) = license_url(config) {
        let path = [Seg::Key("data_license"), Seg::Key("url")];
        url_field(&source, &path, url, &mut problems);
        if let Some(d) = license_url_problem(url) {
            problems.push(source.locate(d, &path, url, url));
        }
    }
    diagnostics.extend(problems);
    links
}

/// The problem with a menu link, other than a refused scheme (told by
/// `url_field`) or a page that is not there (told by the link check).
fn menu_link_problem(url: &str) -> Option<Diagnostic> {
    use crate::messages as msg;
    if url.trim().is_empty() {
        return Some(
            Diagnostic::warning(msg::menu_link_empty()).with_hint(msg::hint_menu_link_empty()),
        );
    }
    if let Some(d) = config_link_problem(url) {
        return Some(d);
    }
    html_policy::unknown_scheme_warning(url).or_else(|| unusable_url(url))
}

/// A warning for a URL no browser opens as written: a space, a quote, `<`,
/// `>` or a control character in it (escaped on the pages, so harmless
/// there, but a broken link).
fn unusable_url(url: &str) -> Option<Diagnostic> {
    use crate::messages as msg;
    // A refused scheme (`java\tscript:`) is an error already.
    (html_policy::check_url(url).is_none()
        && url.contains(|c: char| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>')
        }))
    .then(|| {
        Diagnostic::warning(msg::url_not_an_address(url)).with_hint(msg::hint_url_not_an_address())
    })
}

/// The problem with the data licence's `url`, other than a refused scheme
/// (told by `url_field`): it is the licence's link on the data page, so an
/// address a browser opens, as a source's link is.
fn license_url_problem(url: &str) -> Option<Diagnostic> {
    use crate::messages as msg;
    // As for base_url and menu links (adv25 m4).
    if url.contains('\\') {
        return Some(
            Diagnostic::error(msg::license_url_with_backslash(url))
                .with_hint(msg::hint_base_url_backslash()),
        );
    }
    (html_policy::check_url(url).is_none() && !looks_like_an_address(url)).then(|| {
        Diagnostic::warning(msg::license_url_not_an_address(url)).with_hint(msg::hint_license_url())
    })
}

/// The problem with the `i`-th of the site's stylesheets, other than a
/// refused scheme (told by `url_field`) or a file that is not there (told
/// by the link check): an error where no page could load it as meant, a
/// warning where a browser would ignore it or it is linked already.
fn stylesheet_problem(config: &Config, i: usize) -> Option<Diagnostic> {
    use crate::messages as msg;
    let sheet = config.stylesheets[i].as_str();
    if sheet.trim().is_empty() {
        return Some(Diagnostic::error(msg::stylesheet_empty()).with_hint(msg::hint_stylesheet()));
    }
    if let Some(d) = config_link_problem(sheet) {
        return Some(d);
    }
    if html_policy::check_url(sheet).is_some() {
        return None;
    }
    if let Some(d) = html_policy::unknown_scheme_warning(sheet).or_else(|| unusable_url(sheet)) {
        return Some(d);
    }
    let secure_site = config.base_url.to_ascii_lowercase().starts_with("https://");
    if secure_site && sheet.to_ascii_lowercase().starts_with("http://") {
        return Some(
            Diagnostic::warning(msg::stylesheet_insecure(sheet))
                .with_hint(msg::hint_stylesheet_insecure()),
        );
    }
    let same = |other: &str| site_link(other).unwrap_or_else(|| other.to_owned());
    if let Some(first) = config.stylesheets[..i]
        .iter()
        .position(|earlier| same(earlier) == same(sheet))
    {
        return Some(
            Diagnostic::warning(msg::stylesheet_twice(sheet, first + 1))
                .with_hint(msg::hint_stylesheet_twice()),
        );
    }
    let path = site_link(sheet)?;
    let path = path.split(['?', '#']).next().unwrap_or_default();
    if path == "/chiso.css" {
        return Some(
            Diagnostic::warning(msg::stylesheet_is_chiso_css())
                .with_hint(msg::hint_stylesheet_twice()),
        );
    }
    let is_css = path
        .rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("css"));
    (!is_css).then(|| {
        Diagnostic::warning(msg::stylesheet_not_css(sheet)).with_hint(msg::hint_stylesheet())
    })
}

/// The problem with a link of `config.toml` written relative (`../x/`,
/// `./x/`): every page is at another depth, and the base path is added in
/// front, so it leads elsewhere from each.
fn config_link_problem(url: &str) -> Option<Diagnostic> {
    (url.starts_with("./") || url.starts_with("../") || url == "." || url == "..").then(|| {
        Diagnostic::error(crate::messages::config_link_relative(url))
            .with_hint(crate::messages::hint_config_link())
    })
}

/// A warning for a `robots_txt` that cannot be what the editor meant: a
/// line break written `\n` as two characters (single quotes in TOML keep
/// them), or nothing at all.
fn robots_problem(text: &str) -> Option<Diagnostic> {
    if text.trim().is_empty() {
        return Some(
            Diagnostic::warning(crate::messages::robots_empty())
                .with_hint(crate::messages::hint_robots()),
        );
    }
    (text.contains("\\n") && !text.contains('\n')).then(|| {
        Diagnostic::warning(crate::messages::robots_literal_newline())
            .with_hint(crate::messages::hint_robots())
    })
}

/// A link of `config.toml` to the site itself, as the link check follows
/// it (from the site's root): the menu's `xep-hang/` or `/xep-hang/`, a
/// stylesheet's `css/tinh.css`. `None` for one elsewhere (`https://…`,
/// `//host/…`, `mailto:…`) or to the page itself (`#…`).
fn site_link(url: &str) -> Option<String> {
    let elsewhere = url.is_empty() || crate::render::urls::leads_elsewhere(url);
    (!elsewhere).then(|| format!("/{}", url.trim_start_matches('/')))
}

/// The URL of the open data's licence, when `config.toml` gives one.
fn license_url(config: &Config) -> Option<&str> {
    config.data_license.as_ref()?.url.as_deref()
}

/// Checks every Markdown and URL field of the data files; returns the
/// links they hold that the link check follows.
pub fn check_data(
    raw: &RawData,
    markdown: &Markdown,
    diagnostics: &mut Diagnostics,
) -> Vec<DataLink> {
    let mut links = Vec::new();
    let found = &mut Found {
        diagnostics,
        links: &mut links,
    };
    let source = |file: usize| {
        let f = raw.file(file);
        Source::new(&f.path, &f.text, f.format)
    };
    for loaded in &raw.indices {
        let source = source(loaded.file);
        for (i, def) in loaded.value.indices.iter().enumerate() {
            let path = [Seg::Key("index"), Seg::Index(i), Seg::Key("description")];
            markdown_field(&source, &path, &def.description, markdown, found);
        }
    }
    for loaded in &raw.units {
        let source = source(loaded.file);
        let value = &loaded.value;
        for (i, group) in value.groups.iter().enumerate() {
            let path = [Seg::Key("group"), Seg::Index(i), Seg::Key("description")];
            markdown_field(&source, &path, &group.description, markdown, found);
        }
        for (i, unit) in value.units.iter().enumerate() {
            let path = [Seg::Key("unit"), Seg::Index(i), Seg::Key("description")];
            markdown_field(&source, &path, &unit.description, markdown, found);
        }
    }
    for loaded in &raw.tables {
        let source = source(loaded.file);
        let table = &loaded.value;
        markdown_field(&source, &[Seg::Key("note")], &table.note, markdown, found);
        if let Some(url) = table.source.as_ref().and_then(|s| s.url.as_deref()) {
            let path = [Seg::Key("source"), Seg::Key("url")];
            url_field(&source, &path, url, found.diagnostics);
            if html_policy::check_url(url).is_none() && !looks_like_an_address(url) {
                let d = Diagnostic::warning(msg::source_url_not_an_address(url))
                    .with_hint(msg::hint_source_url());
                found.diagnostics.push(source.locate(d, &path, url, url));
            }
        }
        for (i, row) in table.results.iter().enumerate() {
            let path = [Seg::Key("result"), Seg::Index(i), Seg::Key("note")];
            markdown_field(&source, &path, &row.note, markdown, found);
            if let Some(note) = &row.band_disputed {
                let path = [Seg::Key("result"), Seg::Index(i), Seg::Key("band_disputed")];
                markdown_field(&source, &path, note, markdown, found);
            }
            for (id, figures) in &row.components {
                let Some(note) = figures.figures().and_then(|f| f.disputed.as_deref()) else {
                    continue;
                };
                let path = [
                    Seg::Key("result"),
                    Seg::Index(i),
                    Seg::Key("components"),
                    Seg::Key(id),
                    Seg::Key("disputed"),
                ];
                markdown_field(&source, &path, note, markdown, found);
            }
            for (key, text) in [("of_note", &row.of_note), ("disputed", &row.disputed)] {
                if let Some(text) = text {
                    let path = [Seg::Key("result"), Seg::Index(i), Seg::Key(key)];
                    markdown_field(&source, &path, text, markdown, found);
                }
            }
        }
        for (k, count) in table.band_counts.iter().enumerate() {
            if let Some(note) = &count.disputed {
                let path = [Seg::Key("band_count"), Seg::Index(k), Seg::Key("disputed")];
                markdown_field(&source, &path, note, markdown, found);
            }
        }
        for (k, listing) in table.listings.iter().enumerate() {
            if let Some(text) = &listing.disputed {
                let path = [Seg::Key("listing"), Seg::Index(k), Seg::Key("disputed")];
                markdown_field(&source, &path, text, markdown, found);
            }
        }
    }
    links
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_source_link_is_an_address_or_a_path() {
        for url in [
            "https://hatinh.gov.vn/qd?a=1&b=2",
            "http://x.vn",
            "/tai-lieu/qd.pdf",
        ] {
            assert!(looks_like_an_address(url), "{url}");
        }
        for url in [
            "https://nghean.gov.vn/qd?a=1&b=\"x\"</a><script>",
            "hatinh.gov.vn/qd",
            "https://",
            "https://x.vn/a b",
        ] {
            assert!(!looks_like_an_address(url), "{url}");
        }
    }

    use super::*;

    /// A `\` in the licence's address is an error, as in base_url: a
    /// browser reads it as `/`, another host (adv25 m4).
    #[test]
    fn a_backslash_in_the_licence_address_is_an_error() {
        let d = license_url_problem("\\\\evil.example\\x").unwrap();
        assert!(d.is_error(), "{d}");
        assert!(license_url_problem("https://creativecommons.org/licenses/by/4.0/").is_none());
    }

    #[test]
    fn the_offending_text_is_found_inside_its_string() {
        let text = "a = 1\nnote = \"Xem <script>alert(1)</script>\"\n";
        let start = text.find("\"Xem").unwrap();
        let at = find_within(text, start, 30, "<script>alert(1)</script>…").unwrap();
        assert!(text[at..].starts_with("<script>"));
        // An escaped quote stops the needle; a needle not there gives none.
        assert_eq!(find_within(text, start, 30, "<a href=\"x\">"), None);
        assert_eq!(find_within(text, start, 30, ""), None);
        // Past the end of the text, or mid-character, nothing panics.
        assert_eq!(find_within("ệ", 0, 999, "x"), None);
    }
}
