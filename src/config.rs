//! The site's `config.toml`: title, base URL, the province and its menus.
//!
//! The struct is the documentation of the file: every key has a doc comment
//! and defaults are spelled out with `#[serde(default)]`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::locate::{locate, Seg};
use crate::messages as msg;
use crate::parse::{parse_settings, Format};

/// The name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "config.toml";

/// `config.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's title, shown in every page's header.
    pub title: String,
    /// One sentence describing the site, for search engines and feeds.
    #[serde(default)]
    pub description: String,
    /// Where the site is published, e.g. `https://cchc.hatinh.gov.vn/` or a
    /// subpath such as `https://example.gov.vn/cchc/`.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// Language of the site, for `<html lang>`.
    #[serde(default = "default_language")]
    pub language: String,
    /// The province the site reports on ("Hà Tĩnh").
    #[serde(default)]
    pub province: String,
    /// The unit whose national results the home page headlines (the
    /// province's own unit id, e.g. `ha-tinh`).
    pub home_unit: Option<String>,
    /// Articles per page in the article list.
    #[serde(default = "default_per_page")]
    pub articles_per_page: usize,
    /// How many of the latest articles the Atom feed carries (in full).
    #[serde(default = "default_feed_limit")]
    pub feed_limit: usize,
    /// Text shown in every page's footer (Markdown).
    #[serde(default)]
    pub footer: String,
    /// Links in the main menu, in order.
    #[serde(default)]
    pub menu: Vec<MenuItem>,
    /// The site's own stylesheets (files of `static/`, `css/tinh.css`, or
    /// addresses elsewhere), linked on every page after chiso's own, so
    /// that their rules win: a theme is added to, not copied.
    #[serde(default)]
    pub stylesheets: Vec<String>,
    /// The text of `robots.txt` in place of chiso's (which lets every page
    /// be crawled and names the sitemap): a staging copy's
    /// `"User-agent: *\nDisallow: /\n"`.
    #[serde(default)]
    pub robots_txt: Option<String>,
    /// Let raw HTML in Markdown (articles, notes, descriptions, the footer)
    /// through to the pages as it is. Off by default: raw HTML is then shown
    /// as text, with a warning. Turning it on means that anyone who can edit
    /// a data file or an article can run scripts on every reader's browser.
    #[serde(default)]
    pub unsafe_html: bool,
    /// The licence of the open data: shown on `/du-lieu/` and written into
    /// `datapackage.json`. None by default (the page then names none).
    #[serde(default)]
    pub data_license: Option<DataLicense>,
    /// The day the site is built, which printed pages give in their
    /// footer. Not read from the file (an editor writing it gets the
    /// unknown-field error): the build sets it (`scaffold::build_date`),
    /// so rendering never reads the clock.
    #[serde(skip)]
    pub build_date: Option<crate::date::Date>,
    /// `[share_cards]`: the image each page shows when shared (`og:image`).
    #[serde(default)]
    pub share_cards: ShareCards,
}

/// `[share_cards]`: the PNG image (1200×630) drawn for each page at build
/// time, which social networks and chat apps show with a shared link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareCards {
    /// Draw the images and name them in every page's `og:image`. On by
    /// default; `false` leaves the pages without an image.
    #[serde(default = "default_true")]
    pub enabled: bool,
}

impl Default for ShareCards {
    fn default() -> Self {
        ShareCards { enabled: true }
    }
}

fn default_true() -> bool {
    true
}

/// `[data_license]`: the licence readers may reuse the open data under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataLicense {
    /// Its identifier, as Open Definition and SPDX write it (`CC-BY-4.0`,
    /// `ODC-By-1.0`), for `datapackage.json`.
    pub name: String,
    /// How the page names it (`Creative Commons Ghi công 4.0`); the
    /// identifier when empty.
    #[serde(default)]
    pub title: String,
    /// Where its text is (`https://creativecommons.org/licenses/by/4.0/deed.vi`).
    pub url: Option<String>,
}

impl DataLicense {
    /// The name the page shows.
    pub fn shown_title(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.name
        } else {
            &self.title
        }
    }
}

/// A link in the main menu.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// Link text.
    pub name: String,
    /// Site-relative path (`/xep-hang/`), placed below `base_url`'s path; a
    /// link elsewhere (`https://…`, `mailto:…`, `//host/…`) is kept as written.
    pub url: String,
}

fn default_base_url() -> String {
    "/".to_owned()
}

/// Whether `tag` has the shape of a BCP 47 language tag, as `lang` and
/// `xml:lang` take it: a language of 2 or 3 letters, then subtags of 1 to 8
/// letters or digits (`vi`, `vi-VN`, `en-GB`). A `"` or a space in it made
/// every page's `lang` invalid (adv25 m2).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn default_language() -> String {
    "vi".to_owned()
}

fn default_feed_limit() -> usize {
    50
}

fn default_per_page() -> usize {
    10
}

impl Config {
    /// Reads `config.toml` from the site root.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        if !path.is_file() {
            return Err(vec![Diagnostic::error(msg::no_config(root.display()))
                .with_hint(msg::hint_run_in_site())]);
        }
        crate::input::link_stays_in_site(root, CONFIG_FILE).map_err(|d| vec![d])?;
        let source = crate::input::read_text(&path, Path::new(CONFIG_FILE)).map_err(|d| vec![d])?;
        let config: Config = parse_settings(&source).map_err(|problems| {
            problems
                .into_iter()
                .map(|d| d.in_file(CONFIG_FILE))
                .collect::<Vec<_>>()
        })?;
        let at_key = |d: Diagnostic, key| {
            let d = match locate(&source, Format::Toml, &[Seg::Key(key)]) {
                Some(offset) => d.at_offset(&source, offset),
                None => d,
            };
            d.in_file(CONFIG_FILE)
        };
        let mut problems = Vec::new();
        if config.articles_per_page == 0 {
            let d = Diagnostic::error(msg::articles_per_page_zero())
                .with_hint(msg::hint_articles_per_page(default_per_page()));
            problems.push(at_key(d, "articles_per_page"));
        }
        if !is_language_tag(&config.language) {
            let d = Diagnostic::error(msg::language_not_a_tag(&config.language))
                .with_hint(msg::hint_language());
            problems.push(at_key(d, "language"));
        }
        match problems.is_empty() {
            true => Ok(config),
            false => Err(problems),
        }
    }

    /// The problem with a `base_url`, if it has one: it must be a full
    /// address (`https://host/…`) or a path (`/`, `/cchc/`). Anything else
    /// (`cchc.hatinh.gov.vn`, without its scheme) would be taken for a path
    /// and break every link of the site.
    pub fn base_url_problem(url: &str) -> Option<Diagnostic> {
        // A space would be written as it is, and cut every link there; a
        // query or fragment would sit between the address and every path
        // (`/?a=1/chiso.css`). Each is said as what it is.
        if url.contains(char::is_whitespace) {
            return Some(
                Diagnostic::error(msg::base_url_with_space(url))
                    .with_hint(msg::hint_base_url_space()),
            );
        }
        // Browsers read `\` as `/`: `/\evil.example/` in front of every
        // link is `//evil.example/`, another host serving the scripts. A
        // control character is read each reader's own way.
        if url.contains(|c: char| c == '\\' || c.is_control()) {
            let shown: String = url
                .chars()
                .map(|c| match c.is_control() {
                    true => c.escape_default().to_string(),
                    false => c.to_string(),
                })
                .collect();
            return Some(
                Diagnostic::error(msg::base_url_with_backslash(shown))
                    .with_hint(msg::hint_base_url_backslash()),
            );
        }
        if url.contains(['?', '#']) {
            return Some(
                Diagnostic::error(msg::base_url_with_query(url)).with_hint(msg::hint_base_url()),
            );
        }
        let lower = url.to_ascii_lowercase();
        let host = ["https://", "http://"]
            .iter()
            .find_map(|scheme| lower.strip_prefix(scheme));
        let fits = match host {
            Some(rest) => !rest.is_empty() && !rest.starts_with('/'),
            None => url.starts_with('/') && !url.starts_with("//"),
        };
        if !fits {
            return Some(
                Diagnostic::error(msg::base_url_not_an_address(url))
                    .with_hint(msg::hint_base_url()),
            );
        }
        // What would be copied into every absolute address as written.
        let (host, path) = match host {
            Some(rest) => {
                let start = url.len() - rest.len();
                let end = url[start..].find('/').map_or(url.len(), |i| start + i);
                (&url[start..end], &url[end..])
            }
            None => ("", url),
        };
        let problem = if host.contains('@') {
            Some((
                msg::base_url_with_credentials(url),
                msg::hint_base_url_credentials(),
            ))
        } else if !host.is_ascii() {
            Some((
                msg::base_url_unicode_host(url, host),
                msg::hint_base_url_unicode_host(),
            ))
        } else if !host.is_empty() && !is_host(host) {
            Some((msg::base_url_bad_host(url, host), msg::hint_base_url()))
        } else if let Some(folder) = without_page(url, path) {
            // The address bar's `…/cchc/index.html`: every link would be
            // under `index.html/` (adv22 M2).
            Some((msg::base_url_page(url), msg::hint_base_url_page(folder)))
        } else if path.split('/').any(is_dot_segment) {
            Some((msg::base_url_dot_segment(url), msg::hint_base_url()))
        } else if has_bad_percent(path) {
            Some((msg::base_url_bad_percent(url), msg::hint_base_url_percent()))
        } else {
            None
        };
        problem.map(|(message, hint)| Diagnostic::error(message).with_hint(hint))
    }

    /// A warning when `base_url` is an `http://` address: the feed, the
    /// sitemap, canonical and share addresses would all be `http://`, where
    /// nearly every host (GitHub and GitLab Pages among them) serves
    /// `https://`. Said of `--base-url` when `from_option`.
    pub fn http_warning(&self, root: &Path, from_option: bool) -> Option<Diagnostic> {
        let lower = self.base_url.to_ascii_lowercase();
        if !lower.starts_with("http://") || Config::base_url_problem(&self.base_url).is_some() {
            return None;
        }
        let d = Diagnostic::warning(msg::base_url_http(&self.base_url))
            .with_hint(msg::hint_base_url_http());
        if from_option {
            return Some(d);
        }
        Some(at_base_url(root, d))
    }

    /// Whether `base_url` is a full address with a host (`https://…`),
    /// not a path alone (`/`): what Open Graph, feeds and sitemaps need.
    pub fn has_host(&self) -> bool {
        let lower = self.base_url.to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    }

    /// A warning when `base_url` is a path alone (`/`, the default): the
    /// pages work, but share images, the feed and the sitemap need the
    /// host. Pointed at `base_url` in `config.toml` under `root`, or said
    /// of `--base-url` when `from_option`. `None` for a full address, and
    /// for one already refused.
    pub fn host_warning(&self, root: &Path, from_option: bool) -> Option<Diagnostic> {
        if self.has_host()
            || Config::base_url_problem(&self.base_url).is_some()
            || crate::html_policy::check_url(&self.base_url).is_some()
        {
            return None;
        }
        let d = Diagnostic::warning(msg::base_url_without_host(&self.base_url));
        if from_option {
            return Some(d.with_hint(msg::hint_base_url_option()));
        }
        Some(at_base_url(root, d.with_hint(msg::hint_base_url_host())))
    }

    /// The path part of `base_url`, always starting and ending with `/`:
    /// internal links are prefixed with it so that a site published under a
    /// subpath works.
    pub fn base_path(&self) -> String {
        let without_scheme = match self.base_url.find("://") {
            Some(i) => &self.base_url[i + 3..],
            None => self.base_url.as_str(),
        };
        let path = if self.base_url.contains("://") {
            without_scheme
                .find('/')
                .map_or("", |i| &without_scheme[i..])
        } else {
            without_scheme
        };
        let trimmed = path.trim_matches('/');
        if trimmed.is_empty() {
            "/".to_owned()
        } else {
            format!("/{trimmed}/")
        }
    }
}

/// `d` pointed at `base_url` in `config.toml` under `root`.
fn at_base_url(root: &Path, d: Diagnostic) -> Diagnostic {
    let path = root.join(CONFIG_FILE);
    let source = crate::input::read_text(&path, Path::new(CONFIG_FILE)).unwrap_or_default();
    let d = match locate(&source, Format::Toml, &[Seg::Key("base_url")]) {
        Some(offset) => d.at_offset(&source, offset),
        None => d,
    };
    d.in_file(CONFIG_FILE)
}

/// Whether `host` (with its port, if any) is a host name (labels of
/// letters, digits and inner hyphens, joined by dots), an IPv4 address or
/// a bracketed IPv6 one: `https://-/x/` names no host.
fn is_host(host: &str) -> bool {
    // 1 to 65535: `:99999` names no port a browser can reach (adv25 m3).
    let is_port = |port: &str| {
        port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok_and(|p| p > 0)
    };
    if let Some(rest) = host.strip_prefix('[') {
        let Some((inner, after)) = rest.split_once(']') else {
            return false;
        };
        let port_fits = after.is_empty() || after.strip_prefix(':').is_some_and(is_port);
        let v6 = |b: u8| b.is_ascii_hexdigit() || b == b':' || b == b'.';
        return port_fits && !inner.is_empty() && inner.bytes().all(v6);
    }
    let name = match host.rsplit_once(':') {
        Some((name, port)) if is_port(port) => name,
        Some(_) => return false,
        None => host,
    };
    let name = name.strip_suffix('.').unwrap_or(name);
    !name.is_empty()
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                // `_` is not a host name's, but some intranet hosts have it.
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// The home page's folder when `base_url` ends in a page's file name
/// (`…/cchc/index.html`, `…/default.aspx`): `url` without it.
fn without_page<'u>(url: &'u str, path: &str) -> Option<&'u str> {
    let name = path.rsplit('/').next()?;
    let (_, extension) = name.rsplit_once('.')?;
    const PAGES: [&str; 11] = [
        "html", "htm", "shtml", "xhtml", "php", "asp", "aspx", "jsp", "cfm", "xml", "txt",
    ];
    PAGES
        .contains(&extension.to_ascii_lowercase().as_str())
        .then(|| &url[..url.len() - name.len()])
}

/// Whether a path segment is `.` or `..`, as the URL standard reads them
/// (`%2e` is a dot too: browsers collapse `%2e%2e` as `..`).
fn is_dot_segment(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase().replace("%2e", ".");
    lower == "." || lower == ".."
}

/// Whether `path` has a `%` not followed by two hex digits: not an escape,
/// so browsers and feed readers read the address each their own way.
fn has_bad_percent(path: &str) -> bool {
    let bytes = path.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b'%'
            && !bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_base(base_url: &str) -> Config {
        Config {
            base_url: base_url.to_owned(),
            ..parse_settings("title = 't'").unwrap()
        }
    }

    #[test]
    fn a_language_that_is_no_tag_is_an_error_at_the_key() {
        for tag in ["vi", "vi-VN", "en-GB", "zh-Hant-TW"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for tag in ["", "v", "vi VN", "vi\" onload=\"x", "vi-", "vietnamese"] {
            assert!(!is_language_tag(tag), "{tag}");
        }
        let root = tempfile::tempdir().unwrap();
        let text = "title = 't'\nlanguage = 'vi\" x'\narticles_per_page = 0\n";
        std::fs::write(root.path().join(CONFIG_FILE), text).unwrap();
        let problems = Config::load(root.path()).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[1].location.map(|l| l.line), Some(2));
    }

    #[test]
    fn no_articles_per_page_is_an_error_at_the_key() {
        let root = tempfile::tempdir().unwrap();
        let text = "title = 't'\n\narticles_per_page = 0\n";
        std::fs::write(root.path().join(CONFIG_FILE), text).unwrap();
        let mut problems = Config::load(root.path()).unwrap_err();
        assert_eq!(problems.len(), 1);
        let d = problems.remove(0);
        assert_eq!(
            d.message,
            "`articles_per_page` is 0, but each page of the article list shows at least one article"
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("write a whole number from 1, or remove the line for 10 per page")
        );
        assert_eq!(d.file.as_deref(), Some(Path::new(CONFIG_FILE)));
        let at = d.location.map(|l| (l.line, l.column));
        assert_eq!(at, Some((3, 21)));
        std::fs::write(root.path().join(CONFIG_FILE), "title = 't'\n").unwrap();
        assert_eq!(Config::load(root.path()).unwrap().articles_per_page, 10);
    }

    #[cfg(unix)]
    #[test]
    fn a_config_that_is_a_link_outside_the_site_is_refused() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join(CONFIG_FILE), "title = 't'\n").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        symlink(outside.path().join(CONFIG_FILE), root.join(CONFIG_FILE)).unwrap();
        let problems = Config::load(root).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("outside the site folder"),
            "{problems:?}"
        );
        assert_eq!(problems[0].file.as_deref(), Some(Path::new(CONFIG_FILE)));
        // A link inside the site is read.
        std::fs::remove_file(root.join(CONFIG_FILE)).unwrap();
        std::fs::write(root.join("site.toml"), "title = 't'\n").unwrap();
        symlink(root.join("site.toml"), root.join(CONFIG_FILE)).unwrap();
        assert_eq!(Config::load(root).unwrap().title, "t");
    }

    #[test]
    fn every_top_level_key_written_under_the_menu_is_told() {
        let root = tempfile::tempdir().unwrap();
        let text = "title = 't'\n\n[[menu]]\nname = 'A'\nurl = '/a/'\nbase_url = '/x/'\n\
                    language = 'vi'\nhome_unit = 'x'\n";
        std::fs::write(root.path().join(CONFIG_FILE), text).unwrap();
        let problems = Config::load(root.path()).unwrap_err();
        let lines: Vec<_> = problems
            .iter()
            .map(|d| d.location.as_ref().map(|l| l.line))
            .collect();
        assert_eq!(lines, [Some(6), Some(7), Some(8)], "{problems:?}");
        for d in &problems {
            assert!(
                d.hint.as_deref().unwrap_or_default().contains("[[menu]]"),
                "{d:?}"
            );
        }
        // A wrong type after them is told too; a field missing is not
        // (the blanked key may be it).
        let text =
            "title = 't'\narticles_per_page = 'ten'\n[[menu]]\nname = 'A'\nurl = '/a/'\nx = 1\n";
        std::fs::write(root.path().join(CONFIG_FILE), text).unwrap();
        let problems = Config::load(root.path()).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        let text = "[[menu]]\nname = 'A'\nurl = '/a/'\ntitle = 't'\n";
        std::fs::write(root.path().join(CONFIG_FILE), text).unwrap();
        let problems = Config::load(root.path()).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn a_base_url_is_a_full_address_or_a_path() {
        for fits in [
            "/",
            "/cchc/",
            "https://cchc.hatinh.gov.vn/",
            "http://localhost:1111/",
            "HTTPS://X.GOV.VN/cchc/",
            "https://x.gov.vn/Chỉ-Số/",
            "https://x.gov.vn/ch%E1%BB%89-s%e1%bb%91/",
            "https://x.gov.vn:8443/a..b/",
            "http://127.0.0.1:8080/",
            "https://[::1]:1111/cchc/",
            "https://x.gov.vn./",
            "https://x.gov.vn/v1.2/",
            "https://x.gov.vn/bao-cao.2024",
        ] {
            assert!(Config::base_url_problem(fits).is_none(), "{fits}");
        }
        for wrong in [
            "",
            "cchc.hatinh.gov.vn",
            "cchc.hatinh.gov.vn/cchc/",
            "//cchc.hatinh.gov.vn/",
            "https://",
            "https:///cchc/",
            "ftp://x.gov.vn/",
            "https://x.gov.vn/?a=1",
            "https://x.gov.vn/#f",
            " https://x.gov.vn/",
            "https://x.gov.vn/a b/",
            "/cchc/ ",
            // Copied into every absolute address as written: a password, a
            // host browsers and feeds spell otherwise, a path they collapse
            // or read each their own way.
            "https://user:pw@x.gov.vn/",
            "https://Sở.gov.vn/",
            "https://x.gov.vn/a/../b/",
            "/a/./b/",
            "https://x.gov.vn/%2e%2e/",
            "https://x.gov.vn/a/.%2E/",
            "https://x.gov.vn/%/",
            "https://x.gov.vn/a%2/",
            // Read as `/` by browsers: `//evil.example/` is another host
            // serving every page's scripts (adv19 C1).
            "https://cchc.hatinh.example/\\evil.example/",
            "https://x.example/\\",
            "https://x.example\\evil.example/",
            "/\\evil.example/",
            "https://x.example/\u{1}/",
            "https://x.example/a\u{7f}/",
            // No host, and a page's file where the home page's folder goes
            // (adv22 M2).
            "https://-/x/",
            "https://x..gov.vn/",
            "https://x.gov.vn:port/",
            "https://x.gov.vn:99999/",
            "https://[::1]:0/",
            "https://[::1/",
            "https://user.github.io/chiso-qng/index.html",
            "https://x.gov.vn/cchc/Default.ASPX",
            "/cchc/index.htm",
        ] {
            assert!(Config::base_url_problem(wrong).is_some(), "{wrong:?}");
        }
        let page = Config::base_url_problem("https://user.github.io/qng/index.html").unwrap();
        assert!(
            page.to_string()
                .contains("write `https://user.github.io/qng/`"),
            "{page}"
        );
        // A space is said as a space, not as an address that is not one.
        let spaced = Config::base_url_problem("https://x.gov.vn/a b/").unwrap();
        assert!(spaced.to_string().contains("space"), "{spaced}");
    }

    #[test]
    fn base_path_is_the_path_of_base_url() {
        let cases = [
            ("/", "/"),
            ("", "/"),
            ("https://cchc.hatinh.gov.vn", "/"),
            ("https://cchc.hatinh.gov.vn/", "/"),
            ("https://example.gov.vn/cchc", "/cchc/"),
            ("https://example.gov.vn/cchc/", "/cchc/"),
            ("/cchc/", "/cchc/"),
        ];
        for (base, want) in cases {
            assert_eq!(with_base(base).base_path(), want, "{base}");
        }
    }

    #[test]
    fn defaults_apply() {
        let c = with_base("/");
        assert_eq!(c.language, "vi");
        assert_eq!(c.articles_per_page, 10);
        assert!(c.menu.is_empty());
        assert!(!c.unsafe_html);
    }
}
