//! The internal link check: every link an editor wrote in Markdown to a page
//! or an anchor of the site must lead somewhere in the rendered output.
//! External links (with a scheme such as `https:` or `mailto:`) are not
//! checked: a build must not depend on the network.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Mutex;

use crate::config::Config;
use crate::content::{Article, Content};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::input::SiteFile;
use crate::messages as msg;
use crate::model::WaitingTable;
use crate::render::{urls, OutputFile, Sink};

/// Reports every Markdown link that leads to no page, file or anchor.
pub fn check(
    config: &Config,
    content: &Content,
    files: &[OutputFile],
    assets: &[SiteFile],
    diagnostics: &mut Diagnostics,
) {
    let targets = files.iter().map(|f| (f.path.as_str(), f.bytes.as_slice()));
    let every = (0..content.articles.len()).collect::<Vec<_>>();
    let sources = Sources {
        home: true,
        articles: &every,
        data: &[],
        waiting: &[],
    };
    check_some(config, content, sources, targets, assets, diagnostics);
}

/// The texts whose links a check follows.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// Whether the home text's.
    pub home: bool,
    /// The articles', by index.
    pub articles: &'a [usize],
    /// The links of the data's Markdown fields.
    pub data: &'a [DataLink],
    /// The tables waiting for their results, whose pages are not made: a
    /// link to one is told so.
    pub waiting: &'a [WaitingTable],
}

/// Watches the files of a build as they go to another sink, keeping their
/// paths and the pages that links lead to (whose ids anchors are checked
/// against), so a build can check links without holding every page.
pub struct Watch<'a> {
    inner: &'a dyn Sink,
    /// Output paths a link with an anchor may lead to.
    wanted: BTreeSet<String>,
    /// Every path seen, with the ids of the pages links lead to (read in
    /// the rendering threads, as each page goes by).
    seen: Mutex<Vec<(String, Option<BTreeSet<String>>)>>,
}

impl<'a> Watch<'a> {
    pub fn new(content: &Content, data_links: &[DataLink], inner: &'a dyn Sink) -> Self {
        let pages = content.home.iter().map(|a| (a, String::new())).chain(
            content
                .articles
                .iter()
                .map(|a| (a, urls::article_path(&a.slug))),
        );
        let data = data_links.iter().filter_map(|link| resolve(&link.url, ""));
        let wanted = pages
            .flat_map(|(article, page)| {
                article
                    .links
                    .iter()
                    .filter_map(move |link| resolve(&link.url, &page))
            })
            .chain(data)
            // Only a link with an anchor needs the ids of its page.
            .filter(|(_, anchor)| anchor.is_some())
            .flat_map(|(path, _)| candidates(&path))
            .collect();
        Watch {
            inner,
            wanted,
            seen: Mutex::default(),
        }
    }

    /// How many HTML pages were seen.
    pub fn pages(&self) -> usize {
        self.seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .filter(|(p, _)| p.ends_with(".html"))
            .count()
    }

    /// Reports every Markdown link that leads to no page, file or anchor
    /// among the files seen.
    pub fn check(
        self,
        config: &Config,
        content: &Content,
        data_links: &[DataLink],
        waiting: &[WaitingTable],
        assets: &[SiteFile],
        diagnostics: &mut Diagnostics,
    ) {
        let mut seen = self.seen.into_inner().unwrap_or_else(|p| p.into_inner());
        // The ids read as the pages went by, moved out before the paths are
        // lent to `targets`.
        let ids: HashMap<String, BTreeSet<String>> = seen
            .iter_mut()
            .filter_map(|(path, ids)| Some((path.clone(), ids.take()?)))
            .collect();
        let mut targets = Targets::new(seen.iter().map(|(p, _)| (p.as_str(), &[][..])), assets);
        targets.ids = ids;
        let every = (0..content.articles.len()).collect::<Vec<_>>();
        let unpublished = Unpublished { content, waiting };
        check_against(
            config,
            content,
            &every,
            true,
            &mut targets,
            &unpublished,
            diagnostics,
        );
        check_data_links(config, data_links, &mut targets, &unpublished, diagnostics);
    }
}

impl Sink for Watch<'_> {
    fn put(&self, path: String, bytes: Vec<u8>) {
        let ids =
            (self.wanted.contains(&path) && path.ends_with(".html")).then(|| ids_in_bytes(&bytes));
        self.inner.put(path.clone(), bytes);
        self.seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((path, ids));
    }

    fn put_streamed(
        &self,
        path: String,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) {
        if path.ends_with(".html") {
            // Its ids are read for the link check: taken whole.
            let mut bytes = Vec::new();
            if write(&mut bytes).is_ok() {
                self.put(path, bytes);
            }
            return;
        }
        self.inner.put_streamed(path.clone(), write);
        self.seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((path, None));
    }
}

/// The output files a link to `path` may mean: the file, or the folder's
/// `index.html`.
fn candidates(path: &str) -> Vec<String> {
    if path.is_empty() || path.ends_with('/') {
        vec![format!("{path}index.html")]
    } else {
        vec![path.to_owned(), format!("{path}/index.html")]
    }
}

/// Reports broken links of `sources`, against the files given as (output
/// path, bytes).
pub fn check_some<'a>(
    config: &Config,
    content: &Content,
    sources: Sources,
    files: impl Iterator<Item = (&'a str, &'a [u8])>,
    assets: &[SiteFile],
    diagnostics: &mut Diagnostics,
) {
    let mut targets = Targets::new(files, assets);
    let Sources {
        home,
        articles,
        data,
        waiting,
    } = sources;
    let unpublished = Unpublished { content, waiting };
    check_against(
        config,
        content,
        articles,
        home,
        &mut targets,
        &unpublished,
        diagnostics,
    );
    check_data_links(config, data, &mut targets, &unpublished, diagnostics);
}

/// The sources whose links lead to one of the output files `paths`: whether
/// the home text does, and the articles by index. When only those files
/// changed, these are the links that may have broken.
pub fn linking_to(content: &Content, paths: &BTreeSet<&str>) -> (bool, Vec<usize>) {
    let leads_there = |article: &Article, page: &str| {
        article.links.iter().any(|link| {
            resolve(&link.url, page).is_some_and(|(path, _)| {
                candidates(&path).iter().any(|c| paths.contains(c.as_str()))
            })
        })
    };
    let home = content.home.as_ref().is_some_and(|a| leads_there(a, ""));
    let articles = content
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| leads_there(a, &urls::article_path(&a.slug)))
        .map(|(i, _)| i)
        .collect();
    (home, articles)
}

fn check_against(
    config: &Config,
    content: &Content,
    only: &[usize],
    home: bool,
    site: &mut Targets,
    unpublished: &Unpublished,
    diagnostics: &mut Diagnostics,
) {
    let base = config.base_path();
    let home = content
        .home
        .iter()
        .filter(|_| home)
        .map(|a| (a, String::new()));
    let articles = only
        .iter()
        .filter_map(|&i| content.articles.get(i))
        .map(|a| (a, urls::article_path(&a.slug)));
    for (article, page) in home.chain(articles) {
        for link in &article.links {
            let Some((path, anchor)) = resolve(&link.url, &page) else {
                continue;
            };
            let problem = match site.page(&path) {
                // Its article's error is told: the link is not broken twice.
                None if leads_to_unloaded(content, &path) => None,
                None => Some(unpublished.why(&path, &link.url, site, &base)),
                Some(ids) => match anchor {
                    Some(anchor) if !ids.contains(anchor.as_str()) => Some(
                        Diagnostic::error(msg::broken_anchor(&link.url, &anchor))
                            .with_hint(msg::hint_check_link()),
                    ),
                    _ => None,
                },
            };
            if let Some(d) = problem {
                diagnostics.push(
                    d.in_file(&article.file)
                        .at_point(link.location, link.snippet.clone()),
                );
            }
        }
    }
}

/// Whether `path` is the page of an article that could not be loaded.
fn leads_to_unloaded(content: &Content, path: &str) -> bool {
    candidates(path).iter().any(|candidate| {
        content
            .unloaded
            .iter()
            .any(|page| candidate.strip_prefix(page.as_str()) == Some("index.html"))
    })
}

/// What is known of pages a link may lead to that are not made: drafts,
/// and tables waiting for their results.
struct Unpublished<'a> {
    content: &'a Content,
    waiting: &'a [WaitingTable],
}

impl Unpublished<'_> {
    /// The error for link `url`, whose `path` leads to no page: a draft's
    /// page, a waiting table's (each message says what to do), or simply
    /// none, with a hint ([`broken_link_hint`]).
    fn why(&self, path: &str, url: &str, site: &mut Targets, base: &str) -> Diagnostic {
        if let Some(file) = draft_at(self.content, path) {
            return Diagnostic::error(msg::link_to_draft(url, file.display()));
        }
        let waiting = self.waiting.iter().find(|w| {
            let page = urls::ranking_path(w.year, &w.group);
            candidates(path).iter().any(|c| c.starts_with(&page))
        });
        match waiting {
            Some(w) => Diagnostic::error(msg::link_to_waiting_table(url, w.year, w.file.display())),
            None => Diagnostic::error(msg::broken_link(url))
                .with_hint(broken_link_hint(path, url, site, base)),
        }
    }
}

/// What to do about link `url`, whose `path` leads to nothing: put a file
/// (`/css/rieng.css`, `/tai-lieu/bao-cao.pdf`) in static/; start a link
/// with `/` when from the site's root it leads to a page (`xep-hang/2023/…`
/// written in an article reads as under the article's own page); else the
/// site's addresses.
fn broken_link_hint(path: &str, url: &str, site: &mut Targets, base: &str) -> String {
    if let Some(without) = with_base_twice(path, url, site, base) {
        return msg::hint_link_without_base(base, &without);
    }
    if path
        .rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'))
    {
        return msg::hint_put_in_static(path);
    }
    if !url.starts_with(['/', '#', '?', '.']) {
        let from_root = format!("/{url}");
        if let Some((root_path, _)) = resolve(&from_root, "") {
            if site.page(&root_path).is_some() {
                return msg::hint_link_from_root(&from_root);
            }
        }
    }
    // A page whose address is a letter or two away (`so-ban-nganhh`).
    let wanted = path.trim_end_matches("index.html").trim_end_matches('/');
    let pages = site.files.keys().filter_map(|file| {
        let page = file.strip_suffix("index.html")?;
        Some(page.strip_suffix('/').unwrap_or(page))
    });
    match crate::diagnostic::closest(wanted, pages) {
        // Written from the site's root, as links are (the base path is
        // added when pages are made).
        Some(near) if !wanted.is_empty() => {
            let slash = if near.is_empty() { "" } else { "/" };
            msg::hint_did_you_mean_page(&format!("/{near}{slash}"))
        }
        _ => msg::hint_check_link(),
    }
}

/// The link to write for root-relative `url`, which leads nowhere at
/// `path` but starts with the base path (`/chiso-qng/xep-hang/` under
/// `https://user.github.io/chiso-qng/`) and leads to a page or file
/// without it: the base path is added when pages are made, so written it
/// is there twice (adv22 M1).
fn with_base_twice(path: &str, url: &str, site: &mut Targets, base: &str) -> Option<String> {
    let segment = base.trim_matches('/');
    if segment.is_empty() || !url.starts_with('/') {
        return None;
    }
    let without = path.strip_prefix(segment)?;
    let without = without
        .strip_prefix('/')
        .or(without.is_empty().then_some(""))?;
    site.page(without)?;
    let rest = url.trim_start_matches('/').strip_prefix(segment)?;
    Some(format!("/{}", rest.trim_start_matches('/')))
}

/// The file of the draft whose page `path` is, if it is one.
fn draft_at<'a>(content: &'a Content, path: &str) -> Option<&'a std::path::Path> {
    candidates(path).iter().find_map(|candidate| {
        content
            .drafts
            .iter()
            .find(|(page, _)| candidate.strip_prefix(page.as_str()) == Some("index.html"))
            .map(|(_, file)| file.as_path())
    })
}

/// A root-relative link written in a Markdown field of `config.toml` or
/// `data/` (the footer, a description, a note), shown on pages of several
/// addresses: `at` is where it was written (a diagnostic with no message).
#[derive(Debug, Clone, PartialEq)]
pub struct DataLink {
    pub url: String,
    pub at: Diagnostic,
}

/// Whether a link in a data field is one the check can follow: written
/// from the site's root (`/xep-hang/…`); a relative one means another page
/// on each page it is shown on.
pub fn is_checked_in_data(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//")
}

/// Reports every link of a data field that leads to no page, file or anchor.
fn check_data_links(
    config: &Config,
    links: &[DataLink],
    site: &mut Targets,
    unpublished: &Unpublished,
    diagnostics: &mut Diagnostics,
) {
    let base = config.base_path();
    for link in links {
        let Some((path, anchor)) = resolve(&link.url, "") else {
            continue;
        };
        let problem = match site.page(&path) {
            None => unpublished.why(&path, &link.url, site, &base),
            Some(ids) => match anchor {
                Some(anchor) if !ids.contains(anchor.as_str()) => {
                    Diagnostic::error(msg::broken_anchor(&link.url, &anchor))
                        .with_hint(msg::hint_check_link())
                }
                _ => continue,
            },
        };
        let mut d = link.at.clone();
        d.message = problem.message;
        d.hint = problem.hint;
        diagnostics.push(d);
    }
}

/// The output path (no leading `/`) and anchor a link leads to, or `None`
/// for a link outside the site. `page` is the linking page's path.
fn resolve(url: &str, page: &str) -> Option<(String, Option<String>)> {
    if url.is_empty() || url.starts_with("//") || has_scheme(url) {
        return None;
    }
    // `#` alone is the top of the page, as browsers read it.
    let (rest, anchor) = match url.split_once('#') {
        Some((rest, anchor)) => (
            rest,
            Some(percent_decoded(anchor)).filter(|a| !a.is_empty()),
        ),
        None => (url, None),
    };
    let rest = percent_decoded(rest.split(['?']).next().unwrap_or_default());
    let rest = rest.as_str();
    let joined = if rest.is_empty() {
        page.to_owned()
    } else if let Some(absolute) = rest.strip_prefix('/') {
        // Root-relative links are written against the site root: the base
        // path is added when rendering, as it is to any link. One that
        // starts with it already leads under it twice ([`with_base_twice`]).
        absolute.to_owned()
    } else {
        format!("{page}{rest}")
    };
    Some((normalise(&joined), anchor))
}

/// `text` with its `%XX` escapes decoded, as a server does before it
/// looks a file up (`qd%2012.pdf` is `qd 12.pdf`, `T%C3%A0i` is `Tài`), in
/// NFC as chiso writes names; as written when an escape is malformed or
/// the bytes are not UTF-8.
fn percent_decoded(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    match percent_decode(text) {
        Some(decoded) => {
            use unicode_normalization::UnicodeNormalization;
            decoded.nfc().collect()
        }
        None => text.to_owned(),
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape or bytes that are
/// not UTF-8. `serve` reads requested paths with it.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether `url` starts with a scheme as browsers read one: anything else
/// before a colon (`java%09script:`, `\\bao-cao:2024`) makes a relative
/// link, which must lead to a page like any other.
fn has_scheme(url: &str) -> bool {
    crate::url_safety::written_scheme(url).is_some()
}

/// Resolves `.` and `..` segments; a path climbing above the root stays at it.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    let trailing = path.ends_with('/') || path.is_empty();
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    out
}

/// The pages and files of the rendered site, with each page's ids read on
/// first use.
struct Targets<'a> {
    // Looked up, never listed: hashed rather than sorted (a national
    // site's 56,000 paths, at the end of a build, on one thread).
    files: HashMap<&'a str, &'a [u8]>,
    assets: HashSet<String>,
    ids: HashMap<String, BTreeSet<String>>,
}

impl<'a> Targets<'a> {
    fn new(files: impl Iterator<Item = (&'a str, &'a [u8])>, assets: &[SiteFile]) -> Self {
        Targets {
            files: files.collect(),
            assets: assets
                .iter()
                .map(|a| a.relative.to_string_lossy().replace('\\', "/"))
                .collect(),
            ids: HashMap::new(),
        }
    }

    /// The ids of the page at `path` (empty for a non-HTML file), or `None`
    /// if nothing is there.
    fn page(&mut self, path: &str) -> Option<&BTreeSet<String>> {
        let found = candidates(path)
            .into_iter()
            .find(|c| self.files.contains_key(c.as_str()) || self.assets.contains(c))?;
        if !self.ids.contains_key(&found) {
            let ids = match self.files.get(found.as_str()) {
                Some(bytes) if found.ends_with(".html") => ids_in_bytes(bytes),
                _ => BTreeSet::new(),
            };
            self.ids.insert(found.clone(), ids);
        }
        self.ids.get(&found)
    }
}

/// [`ids_in`] for a page as bytes (rendered pages are UTF-8; checking that
/// is much cheaper than a lossy conversion).
fn ids_in_bytes(bytes: &[u8]) -> BTreeSet<String> {
    match std::str::from_utf8(bytes) {
        Ok(html) => ids_in(html),
        Err(_) => ids_in(&String::from_utf8_lossy(bytes)),
    }
}

/// The values of every `id="…"` attribute in a page chiso rendered (it
/// always quotes attributes with double quotes).
fn ids_in(html: &str) -> BTreeSet<String> {
    // One searcher for the whole page.
    html.match_indices(" id=\"")
        .filter_map(|(i, found)| {
            let rest = &html[i + found.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_against_the_page() {
        let cases = [
            (
                "/xep-hang/2023/khoi/",
                "tin-tuc/a/",
                Some(("xep-hang/2023/khoi/", None)),
            ),
            (
                "/xep-hang/2023/khoi/#chi-so",
                "tin-tuc/a/",
                Some(("xep-hang/2023/khoi/", Some("chi-so"))),
            ),
            (
                "#ket-qua",
                "tin-tuc/a/",
                Some(("tin-tuc/a/", Some("ket-qua"))),
            ),
            ("../b/", "tin-tuc/a/", Some(("tin-tuc/b/", None))),
            ("../../../../x", "tin-tuc/a/", Some(("x", None))),
            // The base path is the renderer's to add: written, it is
            // part of the path.
            ("/cchc/chi-so/papi/", "", Some(("cchc/chi-so/papi/", None))),
            ("/favicon.svg?v=2", "", Some(("favicon.svg", None))),
            ("https://example.gov.vn/", "", None),
            ("mailto:a@b.vn", "", None),
            ("//cdn.example/x.js", "", None),
            ("#", "tin-tuc/a/", Some(("tin-tuc/a/", None))),
            ("/xep-hang/#", "tin-tuc/a/", Some(("xep-hang/", None))),
            ("tel:+84-239-3855", "", None),
            ("git+ssh://x.vn/r", "", None),
            // Not schemes: relative links, checked like any other.
            (
                "java%09script:x",
                "tin-tuc/a/",
                // Looked up decoded, as a server would.
                Some(("tin-tuc/a/java\tscript:x", None)),
            ),
            ("bao-cao:2024/", "", None),
            (
                "./bao-cao:2024/",
                "tin-tuc/a/",
                Some(("tin-tuc/a/bao-cao:2024/", None)),
            ),
            ("2024:bao-cao", "", Some(("2024:bao-cao", None))),
        ];
        for (url, page, want) in cases {
            let got = resolve(url, page);
            let want =
                want.map(|(p, a): (&str, Option<&str>)| (p.to_owned(), a.map(str::to_owned)));
            assert_eq!(got, want, "{url}");
        }
    }

    #[test]
    fn escapes_are_decoded_to_nfc_and_broken_ones_kept() {
        assert_eq!(percent_decoded("qd%2012.pdf"), "qd 12.pdf");
        assert_eq!(percent_decoded("T%C3%A0i"), "Tài");
        // NFD escapes give the NFC name chiso publishes.
        assert_eq!(percent_decoded("Ta%CC%80i"), "Tài");
        assert_eq!(percent_decoded("100%"), "100%");
        assert_eq!(percent_decoded("%zz%4"), "%zz%4");
        // Escapes that are not UTF-8: the link as written.
        assert_eq!(percent_decoded("a%FFb"), "a%FFb");
    }

    #[test]
    fn ids_are_read_from_rendered_html() {
        let ids = ids_in(r#"<h2 id="a">A</h2><section class="x" id="b-c"><p data-id="no">"#);
        assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["a", "b-c"]);
    }
}
