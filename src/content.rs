//! Loading `content/`: the home page text (`_index.md`) and the articles
//! (`tin-tuc/*.md`), each a TOML front matter between `+++` lines followed by
//! Markdown. Markdown is rendered here, once, to HTML with heading anchors.

use std::path::Path;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics, Lines, Location};
use rayon::prelude::*;

use crate::input::{read_text, site_files, SiteFile};
use crate::messages as msg;
use crate::parse::{parse_document, Format};
use crate::vi;

/// The content folder, relative to the site root.
pub const CONTENT_DIR: &str = "content";
/// The folder of articles inside `content/`, which is also their URL prefix.
pub const ARTICLES_DIR: &str = "tin-tuc";

/// The keys an article's front matter may have.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The title.
    pub title: String,
    /// Publication date; articles are listed newest first.
    pub date: Option<Date>,
    /// One or two sentences for the article list, feeds and search engines.
    #[serde(default)]
    pub summary: String,
    /// Tags, each with its own page.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Drafts are left out unless the build is run with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// The last part of the URL; by default made from the file name.
    pub slug: Option<String>,
}

/// A rendered article.
#[derive(Debug, Clone)]
pub struct Article {
    pub front: FrontMatter,
    pub slug: String,
    /// The body as HTML.
    pub html: String,
    /// Every link of the body, as written, for the link check.
    pub links: Vec<Link>,
    /// The source file, relative to the site root.
    pub file: std::path::PathBuf,
    /// Where the front matter sets `slug`, and that line, for a diagnostic
    /// about the article's URL.
    pub slug_at: Option<(Location, String)>,
}

/// Everything under `content/`.
#[derive(Debug, Default)]
pub struct Content {
    /// The home page text, if `content/_index.md` exists.
    pub home: Option<Article>,
    /// Articles, newest first.
    pub articles: Vec<Article>,
}

/// Loads and renders the content; `base_path` prefixes root-relative links.
pub fn load(root: &Path, drafts: bool, base_path: &str, diagnostics: &mut Diagnostics) -> Content {
    let mut content = Content::default();
    let mut pages = Vec::new();
    for file in site_files(root, CONTENT_DIR, diagnostics) {
        if file.path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let is_home = file.relative == Path::new("_index.md");
        let is_article = file.relative.parent() == Some(Path::new(ARTICLES_DIR));
        if !is_home && !is_article {
            diagnostics.push(
                Diagnostic::warning(msg::page_place_unknown())
                    .in_file(&file.shown)
                    .with_hint(msg::hint_content_layout()),
            );
            continue;
        }
        pages.push((file, is_home));
    }
    // Markdown is the costly part: render every file in parallel, then
    // gather the results in path order.
    let parsed: Vec<_> = pages
        .into_par_iter()
        .map(|(file, is_home)| {
            let article = load_one(&file, is_home, base_path);
            (is_home, article)
        })
        .collect();
    for (is_home, article) in parsed {
        match article {
            Ok(article) if is_home => content.home = Some(article),
            Ok(article) if article.front.draft && !drafts => {}
            Ok(article) => content.articles.push(article),
            Err(d) => diagnostics.push(d),
        }
    }
    content.articles.sort_by(|a, b| {
        b.front
            .date
            .cmp(&a.front.date)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    content
}

/// Reads, parses and renders one page of `content/`.
fn load_one(file: &SiteFile, is_home: bool, base_path: &str) -> Result<Article, Diagnostic> {
    let text = read_text(&file.path, &file.shown)?;
    let mut article = parse_article(&text, base_path).map_err(|d| d.in_file(&file.shown))?;
    article.file = file.shown.clone();
    finish_article(article, file, is_home)
}

/// Loads one article again after an edit (for `serve`): `shown` is its path
/// from the site root, as in [`Article::file`].
pub fn reload_article(root: &Path, shown: &Path, base_path: &str) -> Result<Article, Diagnostic> {
    let relative = shown
        .strip_prefix(CONTENT_DIR)
        .unwrap_or(shown)
        .to_path_buf();
    let file = SiteFile {
        path: root.join(shown),
        shown: shown.to_path_buf(),
        relative,
    };
    load_one(&file, false, base_path)
}

/// Gives an article its slug and checks what an article needs beyond what
/// the home text does (a date, a usable slug).
fn finish_article(
    mut article: Article,
    file: &SiteFile,
    is_home: bool,
) -> Result<Article, Diagnostic> {
    if is_home {
        return Ok(article);
    }
    let stem = file
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    article.slug = vi::slugify(article.front.slug.as_deref().unwrap_or(stem));
    if article.slug.is_empty() {
        return Err(Diagnostic::error(msg::no_slug())
            .in_file(&article.file)
            .with_hint(msg::hint_no_slug()));
    }
    if article.front.date.is_none() {
        return Err(Diagnostic::error(msg::no_date())
            .in_file(&article.file)
            .with_hint(msg::hint_add_date()));
    }
    Ok(article)
}

/// A link in Markdown, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination as written (before the base path is added).
    pub url: String,
    /// Where the link starts in the file.
    pub location: Location,
    /// The line the link is on.
    pub snippet: String,
}

/// Whether a slug tries to be a path: slugs name one folder under
/// `/tin-tuc/`, and a path could write outside the output folder.
fn is_path_like(slug: &str) -> bool {
    let bytes = slug.as_bytes();
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    drive || slug.contains(['/', '\\']) || slug.contains("..")
}

/// Splits front matter from the body and renders the body.
pub fn parse_article(text: &str, base_path: &str) -> Result<Article, Diagnostic> {
    let (front, body) = split_front_matter(text)?;
    let front: FrontMatter = parse_document(front, Format::Toml).map_err(|mut d| {
        // The front matter starts on line 2: shift the location to the file's.
        if let Some(loc) = d.location.as_mut() {
            loc.line += 1;
        }
        d
    })?;
    // Problems with a key point at the line that sets it.
    let at_key = |d: Diagnostic, key: &str| match key_offset(text, key) {
        Some(offset) => d.at_offset(text, offset),
        None => d,
    };
    if let Some(slug) = front.slug.as_deref().filter(|s| is_path_like(s)) {
        let d = Diagnostic::error(msg::bad_slug(slug)).with_hint(msg::hint_slug());
        return Err(at_key(d, "slug"));
    }
    if front.title.trim().is_empty() {
        return Err(at_key(Diagnostic::error(msg::empty_title()), "title"));
    }
    let (html, found) = render_markdown_with_links(body, base_path);
    // `body` is the end of `text`, so its offsets shift by what precedes it.
    let body_start = text.len() - body.len();
    // Links are located in one pass over the text: from its start for each
    // link was quadratic in a long article.
    let lines = Lines::new(text);
    let links = found
        .into_iter()
        .map(|(url, offset)| {
            let (location, snippet) = lines.locate(body_start + offset);
            Link {
                url,
                location,
                snippet: snippet.to_owned(),
            }
        })
        .collect();
    let slug_at = front
        .slug
        .as_ref()
        .and_then(|_| key_offset(text, "slug"))
        .map(|offset| {
            let (location, line) = lines.locate(offset);
            (location, line.to_owned())
        });
    Ok(Article {
        front,
        slug: String::new(),
        html,
        links,
        file: Default::default(),
        slug_at,
    })
}

/// Where the front matter line setting `key` starts (`slug = "…"`), so that
/// a diagnostic points at it rather than at the word in a title.
fn key_offset(text: &str, key: &str) -> Option<usize> {
    let mut start = 0;
    // The first line is the opening `+++`; the front matter ends at the next.
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if start > 0 && trimmed.starts_with("+++") {
            return None;
        }
        let sets_key = trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if start > 0 && sets_key {
            return Some(start + line.len() - trimmed.len());
        }
        start += line.len();
    }
    None
}

/// Returns (front matter, body) of a file that starts with a `+++` line.
fn split_front_matter(text: &str) -> Result<(&str, &str), Diagnostic> {
    let missing = || Diagnostic::error(msg::no_front_matter()).with_hint(msg::hint_front_matter());
    let rest = text
        .strip_prefix("+++\r\n")
        .or_else(|| text.strip_prefix("+++\n"))
        .ok_or_else(missing)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err(Diagnostic::error(msg::front_matter_not_closed())
        .at_line(text, 1, 1)
        .with_hint(msg::hint_close_front_matter()))
}

/// Renders Markdown with tables, footnotes and strikethrough. Headings get an
/// `id` made from their text (unique within the page) so they can be linked;
/// root-relative links are prefixed with the site's base path.
pub fn render_markdown(body: &str, base_path: &str) -> String {
    // Most notes and descriptions are empty: skip the parser for them.
    if body.trim().is_empty() {
        return String::new();
    }
    render_markdown_with_links(body, base_path).0
}

/// Renders Markdown like [`render_markdown`], also returning every link and
/// image destination as written, with its byte offset in `body`.
pub fn render_markdown_with_links(body: &str, base_path: &str) -> (String, Vec<(String, usize)>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut links = Vec::new();
    // An article has about one event per 20 bytes: sized once rather than
    // grown (an event is 80 bytes).
    let mut events: Vec<Event> = Vec::with_capacity(body.len() / 16);
    events.extend(
        Parser::new_ext(body, options)
            .into_offset_iter()
            .map(|(event, range)| {
                if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) =
                    &event
                {
                    links.push((dest_url.to_string(), range.start));
                }
                event
            }),
    );
    add_heading_ids(&mut events);
    for event in &mut events {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
            if let Some(path) = dest_url.strip_prefix('/') {
                if !path.starts_with('/') {
                    *dest_url = CowStr::from(format!("{base_path}{path}"));
                }
            }
        }
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (html, links)
}

fn add_heading_ids(events: &mut [Event]) {
    let mut used = std::collections::BTreeSet::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = match vi::slugify(&text) {
                s if s.is_empty() => "muc".to_owned(),
                s => s,
            };
            let mut id = base.clone();
            let mut n = 1;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
            i = j;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_found_where_the_front_matter_sets_it() {
        let text = "+++\ntitle = \"Về slug và URL\"\n  slug = \"ve-url\"\n+++\nslug = \"x\"\n";
        let offset = key_offset(text, "slug").unwrap();
        assert!(text[offset..].starts_with("slug = \"ve-url\""));
        assert_eq!(key_offset(text, "date"), None);
        // Only inside the front matter.
        assert_eq!(
            key_offset("+++\ntitle = \"a\"\n+++\nslug = 1\n", "slug"),
            None
        );
        let article = parse_article(text, "/").unwrap();
        let (location, line) = article.slug_at.unwrap();
        assert_eq!((location.line, location.column), (3, 3));
        assert_eq!(line, "  slug = \"ve-url\"");
    }

    #[test]
    fn front_matter_is_parsed_and_body_rendered() {
        let text = "+++\ntitle = \"Chỉ số CCHC & \\\"SIPAS\\\"\"\ndate = 2024-05-08\ntags = [\"PAR Index\"]\n+++\n## Kết quả năm 2023\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nXem [bảng](/xep-hang/2023/so-ban-nganh/).[^1]\n\n[^1]: Nguồn.\n";
        let a = parse_article(text, "/cchc/").unwrap();
        assert_eq!(a.front.title, "Chỉ số CCHC & \"SIPAS\"");
        assert_eq!(a.front.date.unwrap().to_string(), "2024-05-08");
        assert!(
            a.html.contains("<h2 id=\"ket-qua-nam-2023\">"),
            "{}",
            a.html
        );
        assert!(a.html.contains("<table>"));
        assert!(a
            .html
            .contains("href=\"/cchc/xep-hang/2023/so-ban-nganh/\""));
        assert!(a.html.contains("footnote-definition"));
    }

    #[test]
    fn path_like_slugs_are_recognised() {
        for slug in ["../x", "a/b", "/etc", "C:x", "c:\\x", "a\\b", ".."] {
            assert!(is_path_like(slug), "{slug}");
        }
        for slug in ["chi-so-2023", "Chỉ số 2023", "a.b"] {
            assert!(!is_path_like(slug), "{slug}");
        }
    }

    #[test]
    fn heading_ids_are_unique() {
        let html = render_markdown("## Kết quả\n\n## Kết quả\n\n## {#rieng}\n", "/");
        assert!(html.contains("id=\"ket-qua\""));
        assert!(html.contains("id=\"ket-qua-1\""));
    }

    #[test]
    fn front_matter_problems_are_diagnostics() {
        let cases = [
            ("title = \"x\"\n", "does not start with front matter"),
            ("+++\ntitle = \"x\"\n", "not closed"),
            (
                "+++\ntitle = \"x\"\ntitel = \"y\"\n+++\n",
                "unknown key `titel`",
            ),
            ("+++\ntitle = \"x\"\ndate = 2024-13-01\n+++\n", "date"),
            ("+++\ntitle = \"\"\n+++\n", "title is empty"),
        ];
        for (text, want) in cases {
            let d = parse_article(text, "/").unwrap_err();
            assert!(d.message.contains(want), "{text:?}: {}", d.message);
        }
        let d = parse_article("+++\ntitle = \"x\"\ntitel = \"y\"\n+++\n", "/").unwrap_err();
        assert_eq!(d.location.map(|l| l.line), Some(3));
    }
}
