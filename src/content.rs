//! Loading `content/`: the home page text (`_index.md`) and the articles
//! (`tin-tuc/*.md`), each a TOML front matter between `+++` lines followed by
//! Markdown. Markdown is rendered here, once, to HTML with heading anchors,
//! under the site's HTML policy ([`crate::html_policy`]): raw HTML escaped
//! unless `unsafe_html = true`, refused URL schemes reported as errors.

use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use crate::config::Config;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics, Lines, Location, Snippet};
use crate::html_policy::{self, Finding, FindingKind};
use crate::url_safety::UrlUse;
use rayon::prelude::*;

use crate::input::{source_files, with_text, SiteFile};
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
    /// The body as HTML (shared with its expanded body when it calls no
    /// shortcode, and with every page that shows it).
    pub html: crate::shared_html::SharedHtml,
    /// Every link of the body, as written, for the link check.
    pub links: Vec<Link>,
    /// The source file, relative to the site root.
    pub file: std::path::PathBuf,
    /// Where the front matter sets `slug`, and that line, for a diagnostic
    /// about the article's URL.
    pub slug_at: Option<(Location, String)>,
    /// What the HTML policy found in the body (raw HTML, refused URLs),
    /// located in the file.
    pub problems: Vec<Diagnostic>,
}

/// How the site's Markdown is rendered: root-relative links get the base
/// path, and raw HTML is escaped unless the site opted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markdown {
    /// The path part of `base_url`, starting and ending with `/`.
    pub base_path: String,
    /// `unsafe_html = true` in `config.toml`: raw HTML passes through.
    pub unsafe_html: bool,
}

impl Markdown {
    /// The default policy (raw HTML escaped) under `base_path`.
    pub fn new(base_path: &str) -> Self {
        Markdown {
            base_path: base_path.to_owned(),
            unsafe_html: false,
        }
    }

    /// The site's policy.
    pub fn for_site(config: &Config) -> Self {
        Markdown {
            base_path: config.base_path(),
            unsafe_html: config.unsafe_html,
        }
    }
}

/// Everything under `content/`.
#[derive(Debug, Default, Clone)]
pub struct Content {
    /// The home page text, if `content/_index.md` exists.
    pub home: Option<Article>,
    /// Articles, newest first.
    pub articles: Vec<Article>,
    /// The page paths (as [`crate::render::urls::article_path`] gives them,
    /// from the file name) of the articles that could not be loaded: their
    /// error is told, and a link to them is not told again as broken.
    pub unloaded: Vec<String>,
    /// The page paths and files of the drafts left out of this build: a
    /// link to one is told as a link to a draft, not to nowhere.
    pub drafts: Vec<(String, std::path::PathBuf)>,
}

/// Loads and renders the content under the site's Markdown policy.
pub fn load(
    root: &Path,
    drafts: bool,
    markdown: &Markdown,
    diagnostics: &mut Diagnostics,
) -> Content {
    load_with(root, drafts, markdown, None, diagnostics)
}

/// Each page of `content/` as it was parsed, by its path from the site
/// root ([`Article::file`]): what `serve` keeps between edits so that an
/// edit parses again only the files it changed. Shared, so that keeping
/// them copies no article.
pub type Parsed = std::collections::HashMap<PathBuf, Result<std::sync::Arc<Article>, Diagnostic>>;

/// [`load`], taking each file not in `changed` from `parsed` (when it is
/// there) instead of reading it again, and leaving in `parsed` every file
/// as parsed now. The result is what [`load`] gives when the files not in
/// `changed` are as they were parsed.
pub fn load_reusing(
    root: &Path,
    drafts: bool,
    markdown: &Markdown,
    parsed: &mut Parsed,
    changed: &(dyn Fn(&Path) -> bool + Sync),
    diagnostics: &mut Diagnostics,
) -> Content {
    load_with(root, drafts, markdown, Some((parsed, changed)), diagnostics)
}

type Reuse<'a> = (&'a mut Parsed, &'a (dyn Fn(&Path) -> bool + Sync));

/// The warning for a file of `content/` that is not read: chiso reads
/// Markdown from files named `*.md`. A Markdown file named otherwise
/// (`bai.MD`, `bai.markdown`, `bai.md.txt` saved by Notepad) is told its
/// name; anything else (a picture beside its article) where such files go.
/// Files a system or an editor leaves beside others (Windows' thumbnails,
/// a backup `bai.md~`) are passed over without a word.
fn not_an_article(file: &SiteFile) -> Option<Diagnostic> {
    let name = file.path.file_name().unwrap_or_default().to_string_lossy();
    let lower = name.to_lowercase();
    if lower == "thumbs.db" || lower == "desktop.ini" || lower.ends_with('~') {
        return None;
    }
    let markdown = [".md", ".markdown", ".mdown", ".mkd", ".md.txt"]
        .iter()
        .find_map(|ending| lower.strip_suffix(ending).map(|stem| &name[..stem.len()]));
    let d = Diagnostic::warning(msg::content_file_not_read()).in_file(&file.shown);
    Some(match markdown {
        Some(stem) if !stem.is_empty() => d.with_hint(msg::hint_name_md(&format!("{stem}.md"))),
        _ => d.with_hint(msg::hint_files_in_static()),
    })
}

fn load_with(
    root: &Path,
    drafts: bool,
    markdown: &Markdown,
    reuse: Option<Reuse>,
    diagnostics: &mut Diagnostics,
) -> Content {
    let mut content = Content::default();
    let mut pages = Vec::new();
    for file in source_files(root, CONTENT_DIR, diagnostics) {
        if file.path.extension().is_none_or(|e| e != "md") {
            diagnostics.extend_one(not_an_article(&file));
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
    let (previous, changed) = match reuse {
        Some((parsed, changed)) => (Some(parsed), Some(changed)),
        None => (None, None),
    };
    let old = previous.as_deref();
    let parsed: Vec<_> = pages
        .into_par_iter()
        .map(|(file, is_home)| {
            let kept = match (old, changed) {
                (Some(old), Some(changed)) if !changed(&file.shown) => old.get(&file.shown),
                _ => None,
            };
            // Shared with the cache: copied once, below, for `Content`.
            let article = match kept {
                Some(article) => article.clone(),
                None => load_one(&file, is_home, markdown).map(std::sync::Arc::new),
            };
            (file.shown, is_home, article)
        })
        .collect();
    if let Some(previous) = previous {
        *previous = parsed
            .iter()
            .map(|(shown, _, article)| (shown.clone(), article.clone()))
            .collect();
    }
    content.articles.reserve(parsed.len());
    for (shown, is_home, article) in parsed {
        let mut article = article.map(std::sync::Arc::unwrap_or_clone);
        if let Ok(article) = &mut article {
            // Drafts too: a draft is checked like every other page.
            for problem in std::mem::take(&mut article.problems) {
                diagnostics.push(problem);
            }
        }
        match article {
            Ok(article) if is_home => content.home = Some(article),
            Ok(article) if article.front.draft && !drafts => {
                let page = crate::render::urls::article_path(&article.slug);
                content.drafts.push((page, article.file));
            }
            Ok(article) => content.articles.push(article),
            Err(d) => {
                if !is_home {
                    content.unloaded.push(intended_page(root, &shown));
                }
                diagnostics.push(d);
            }
        }
    }
    content.articles.sort_by(|a, b| {
        b.front
            .date
            .cmp(&a.front.date)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    check_tag_spellings(root, &content.articles, diagnostics);
    content
}

/// Tags written apart but sharing a slug share a page. Case alone makes
/// the same tag ("Cải cách", "cải cách"); accents may make another word
/// ("Đô thị", urban, and "Đồ thị", chart), whose articles would be listed
/// together: a warning at the `tags` of the article (newest first) that
/// writes a spelling other than the first, naming the first and where it
/// is. Each spelling is told once.
fn check_tag_spellings(root: &Path, articles: &[Article], diagnostics: &mut Diagnostics) {
    use std::collections::hash_map::{Entry, HashMap};
    // By slug: the first spelling, lower-cased, as written, and its file.
    let mut first: HashMap<String, (String, &str, &Path)> = HashMap::new();
    let mut slugs: HashMap<&str, String> = HashMap::new();
    let mut told = std::collections::HashSet::new();
    for article in articles {
        for tag in &article.front.tags {
            let slug = slugs.entry(tag).or_insert_with(|| vi::slugify(tag));
            if slug.is_empty() {
                continue;
            }
            let lower = tag.to_lowercase();
            match first.entry(slug.clone()) {
                Entry::Vacant(entry) => {
                    entry.insert((lower, tag, &article.file));
                }
                Entry::Occupied(entry) => {
                    let (first_lower, first_tag, first_file) = entry.get();
                    if *first_lower == lower || !told.insert(lower) {
                        continue;
                    }
                    let d = Diagnostic::warning(msg::tag_spelled_apart(
                        tag,
                        first_tag,
                        &first_file.display().to_string(),
                        &crate::render::urls::tag_path(slug),
                    ))
                    .with_hint(msg::hint_tag_spelled_apart());
                    diagnostics.push(at_front_matter_key(root, &article.file, "tags", d));
                }
            }
        }
    }
}

/// `d` in the article `shown`, at its front matter's `key` when the file
/// can be read again (for a problem found across articles).
fn at_front_matter_key(root: &Path, shown: &Path, key: &str, d: Diagnostic) -> Diagnostic {
    let d = d.in_file(shown);
    match std::fs::read_to_string(root.join(shown)) {
        Ok(text) => match key_offset(&text, key) {
            Some(offset) => d.at_offset(&text, offset),
            None => d,
        },
        Err(_) => d,
    }
}

/// The page an article that could not be loaded would have: its front
/// matter's `slug` when that much of it can be read, else its file name's.
fn intended_page(root: &Path, shown: &Path) -> String {
    let slug = std::fs::read_to_string(root.join(shown))
        .ok()
        .and_then(|text| {
            let (front, _) = split_front_matter(&text).ok()?;
            let table: toml::Table = toml::from_str(front).ok()?;
            table.get("slug")?.as_str().map(str::to_owned)
        });
    let stem = shown.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    crate::render::urls::article_path(&vi::slugify(slug.as_deref().unwrap_or(stem)))
}

/// Reads, parses and renders one page of `content/`.
fn load_one(file: &SiteFile, is_home: bool, markdown: &Markdown) -> Result<Article, Diagnostic> {
    let mut article = with_text(&file.path, &file.shown, |text| {
        parse_article_with(text, markdown)
            .and_then(|article| finish_article(article, text, file, is_home))
    })?
    .map_err(|d| d.in_file(&file.shown))?;
    article.file = file.shown.clone();
    for problem in &mut article.problems {
        problem.file = Some(file.shown.clone());
    }
    Ok(article)
}

/// Loads one article again after an edit (for `serve`): `shown` is its path
/// from the site root, as in [`Article::file`]. `None` when the article has
/// an error (it does not load, or a URL is refused): a build tells it.
pub fn reload_article(root: &Path, shown: &Path, markdown: &Markdown) -> Option<Article> {
    let relative = shown
        .strip_prefix(CONTENT_DIR)
        .unwrap_or(shown)
        .to_path_buf();
    let file = SiteFile {
        path: root.join(shown),
        shown: shown.to_path_buf(),
        relative,
    };
    load_one(&file, false, markdown)
        .ok()
        .filter(|article| !article.problems.iter().any(Diagnostic::is_error))
}

/// Gives an article its slug and checks what an article needs beyond what
/// the home text does (a date, a usable slug). `text` is the file's: a
/// problem with the front matter's `slug` points at it, a missing date at
/// the front matter's first line (as a missing title does).
fn finish_article(
    mut article: Article,
    text: &str,
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
    // A slug from the file name has no line to point at.
    let at_slug = |d: Diagnostic| match key_offset(text, "slug") {
        Some(offset) if article.front.slug.is_some() => d.at_offset(text, offset),
        _ => d,
    };
    let slug = vi::slugify(article.front.slug.as_deref().unwrap_or(stem));
    if slug.is_empty() {
        return Err(at_slug(
            Diagnostic::error(msg::no_slug()).with_hint(msg::hint_no_slug()),
        ));
    }
    if vi::is_too_long(&slug) {
        return Err(at_slug(
            Diagnostic::error(msg::slug_too_long(&slug)).with_hint(msg::hint_shorter_slug()),
        ));
    }
    if vi::is_reserved_on_windows(&slug) {
        article.problems.push(
            at_slug(Diagnostic::warning(msg::slug_reserved_on_windows(&slug)))
                .with_hint(msg::hint_slug_reserved(&slug)),
        );
    }
    if article.front.date.is_none() {
        return Err(Diagnostic::error(msg::no_date())
            .at_line(text, 2, 1)
            .with_hint(msg::hint_add_date()));
    }
    article.slug = slug;
    Ok(article)
}

/// A link in Markdown, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination as written (before the base path is added).
    pub url: String,
    /// Where the link starts in the file.
    pub location: Location,
    /// The line the link is on, or a window of it around the link.
    pub snippet: Snippet,
}

/// Whether a slug tries to be a path: slugs name one folder under
/// `/tin-tuc/`, and a path could write outside the output folder.
fn is_path_like(slug: &str) -> bool {
    let bytes = slug.as_bytes();
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    drive || slug.contains(['/', '\\']) || slug.contains("..")
}

/// Splits front matter from the body and renders the body, under the
/// default Markdown policy.
pub fn parse_article(text: &str, base_path: &str) -> Result<Article, Diagnostic> {
    parse_article_with(text, &Markdown::new(base_path))
}

/// Splits front matter from the body and renders the body under `markdown`.
pub fn parse_article_with(text: &str, markdown: &Markdown) -> Result<Article, Diagnostic> {
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
    let rendered = render_markdown_with_links(body, markdown);
    // `body` is the end of `text`, so its offsets shift by what precedes it.
    let body_start = text.len() - body.len();
    // Links are located in one pass over the text: from its start for each
    // link was quadratic in a long article.
    let lines = Lines::new(text);
    let mut problems = located_findings(&rendered.findings, &lines, body_start);
    // A tag that slugs to nothing gets no page: said, not dropped unseen.
    // One whose slug is too long for a folder name is an error.
    // (Slugified only when needed: a slug is never longer than its text.)
    for tag in &front.tags {
        let has_letters = tag.bytes().any(|b| b.is_ascii_alphanumeric());
        if !has_letters && vi::slugify(tag).is_empty() {
            let d = Diagnostic::warning(msg::tag_without_letters(tag))
                .with_hint(msg::hint_tag_letters());
            problems.push(at_key(d, "tags"));
        } else if tag.len() > vi::MAX_NAME_BYTES && vi::is_too_long(&vi::slugify(tag)) {
            let d = Diagnostic::error(msg::tag_too_long(tag)).with_hint(msg::hint_shorter_tag());
            problems.push(at_key(d, "tags"));
        } else if tag.len() <= 4 && vi::is_reserved_on_windows(&vi::slugify(tag)) {
            let d = Diagnostic::warning(msg::slug_reserved_on_windows(&vi::slugify(tag)))
                .with_hint(msg::hint_tag_reserved());
            problems.push(at_key(d, "tags"));
        }
    }
    // The title and summary are plain text: a shortcode there would be
    // printed as written, in lists, feeds and the page's description.
    for (key, text) in [("title", &front.title), ("summary", &front.summary)] {
        if text.contains("<!--") && text.contains("chiso:") {
            let d = Diagnostic::warning(msg::shortcode_in_front_matter(key))
                .with_hint(msg::hint_shortcode_in_body());
            problems.push(at_key(d, key));
        }
    }
    let html = rendered.html;
    // A cursor counts each line's characters once however many links it
    // holds, and each link keeps a window of its line, not the whole line.
    let mut cursor = lines.cursor();
    let links = rendered
        .links
        .into_iter()
        .map(|(url, offset)| {
            let (location, snippet) = cursor.point(body_start + offset);
            Link {
                url,
                location,
                snippet,
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
        html: html.into(),
        links,
        file: Default::default(),
        slug_at,
        problems,
    })
}

/// The policy's findings in an article's body as diagnostics at their line
/// and column; of several raw-HTML warnings on one line, the first.
fn located_findings(findings: &[Finding], lines: &Lines, body_start: usize) -> Vec<Diagnostic> {
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut warned_line = None;
    let mut cursor = lines.cursor();
    for finding in findings {
        let (location, snippet) = cursor.point(body_start + finding.offset);
        if !finding.is_error() {
            if warned_line == Some(location.line) {
                continue;
            }
            warned_line = Some(location.line);
        }
        problems.push(finding.diagnostic().at_point(location, snippet));
    }
    problems
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
/// root-relative links are prefixed with the site's base path; raw HTML and
/// refused URLs are handled by the policy (what it found is dropped here:
/// [`markdown_findings`] reports it).
pub fn render_markdown(body: &str, markdown: &Markdown) -> String {
    // Most notes and descriptions are empty: skip the parser for them.
    if body.trim().is_empty() {
        return String::new();
    }
    render_markdown_with_links(body, markdown).html
}

/// A piece of Markdown (a note) as plain text, for the open data: its
/// words and figures as written, without markup, blocks and line breaks
/// joined by single spaces ("**90,5**%" is "90,5%", not "90,5 %").
pub fn markdown_plain_text(body: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut text = String::new();
    for event in Parser::new_ext(body, options) {
        match event {
            // Raw HTML is text, as the pages show it unless a site opts in.
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the HTML policy finds in a piece of Markdown (a note, a
/// description), at byte offsets of `body`.
pub fn markdown_findings(body: &str, markdown: &Markdown) -> Vec<Finding> {
    markdown_to_check(body, markdown).map_or_else(Vec::new, |r| r.findings)
}

/// A piece of Markdown rendered for its links and what the HTML policy
/// finds, or `None` when it can have neither: raw HTML and autolinks need
/// `<`, other links `]`, heading attributes `{`, and most text has none.
pub fn markdown_to_check(body: &str, markdown: &Markdown) -> Option<RenderedMarkdown> {
    body.contains(['<', ']', '{'])
        .then(|| render_markdown_with_links(body, markdown))
}

/// Opens the box a Markdown table scrolls in: wide tables scroll inside it
/// rather than the page sideways on a phone, and a keyboard can focus it to
/// scroll (a focusable region needs a name).
const TABLE_BOX: &str =
    "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng (cuộn ngang để xem hết)\">\n";

/// Markdown rendered by [`render_markdown_with_links`].
#[derive(Debug, Clone, Default)]
pub struct RenderedMarkdown {
    pub html: String,
    /// Every link and image destination as written, with its byte offset.
    pub links: Vec<(String, usize)>,
    /// What the HTML policy changed or refused.
    pub findings: Vec<Finding>,
}

/// Renders Markdown like [`render_markdown`], also returning every link and
/// image destination as written, with its byte offset in `body`, and what
/// the HTML policy found.
pub fn render_markdown_with_links(body: &str, markdown: &Markdown) -> RenderedMarkdown {
    // A call starting a line of a paragraph stays in it (same offsets).
    let joined = crate::inline_shortcodes::join(body);
    let body = joined.as_ref();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut links = Vec::new();
    let mut policy = Policy {
        escape: !markdown.unsafe_html,
        findings: Vec::new(),
        block: None,
    };
    // An article has about one event per 20 bytes: sized once rather than
    // grown (an event is 80 bytes).
    let mut events: Vec<Event> = Vec::with_capacity(body.len() / 16);
    let mut parser = Parser::new_ext(body, options).into_offset_iter();
    // Where the text "]" that ended the last text event did, if it did.
    let mut bracket_end = None;
    for (mut event, range) in parser.by_ref() {
        if let Event::Text(text) = &event {
            if bracket_end == Some(range.start) {
                if let Some(address) = spaced_address(text) {
                    policy.findings.push(Finding {
                        offset: range.start - 1,
                        kind: FindingKind::SpaceInAddress {
                            address: address.to_owned(),
                        },
                    });
                }
            }
            bracket_end = text.ends_with(']').then_some(range.end);
        } else {
            bracket_end = None;
        }
        match &mut event {
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            }) => {
                links.push((dest_url.to_string(), range.start));
                let at = (!is_reference(*link_type)).then_some(range.start);
                policy.destination(dest_url, UrlUse::Link, at);
            }
            Event::Start(Tag::Image {
                dest_url,
                link_type,
                ..
            }) => {
                links.push((dest_url.to_string(), range.start));
                let at = (!is_reference(*link_type)).then_some(range.start);
                policy.destination(dest_url, UrlUse::Image, at);
            }
            _ => {}
        }
        // Each table inside a [`TABLE_BOX`].
        let ends_table = matches!(event, Event::End(TagEnd::Table));
        if matches!(event, Event::Start(Tag::Table(_))) {
            events.push(Event::Html(CowStr::from(TABLE_BOX)));
        }
        policy.push(event, range.start, &mut events);
        if ends_table {
            events.push(Event::Html(CowStr::from("</div>\n")));
        }
    }
    // A link by reference is reported at its definition, once however many
    // links use it, and even when none does.
    let definitions = parser
        .reference_definitions()
        .iter()
        .filter_map(|(_, def)| {
            html_policy::check_destination(&def.dest, UrlUse::Link, def.span.start)
        });
    policy.findings.extend(definitions);
    policy.findings.sort_by_key(|f| f.offset);
    add_heading_ids(&mut events);
    for event in &mut events {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
            if let Some(path) = dest_url.strip_prefix('/') {
                if !path.starts_with('/') {
                    *dest_url = CowStr::from(format!("{}{path}", markdown.base_path));
                }
            }
        }
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    RenderedMarkdown {
        html: without_controls(html),
        links,
        findings: policy.findings,
    }
}

/// `html` with each control character HTML forbids in text (C0 but tab,
/// line feed and carriage return, and DEL) written as U+FFFD, as CommonMark
/// asks for NUL: pulldown-cmark passes them on, which made a page invalid
/// HTML (adv25 m1). The text is kept as it is when it has none.
fn without_controls(html: String) -> String {
    let forbidden = |b: u8| (b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f;
    if !html.bytes().any(forbidden) {
        return html;
    }
    html.replace(|c: char| c.is_ascii() && forbidden(c as u8), "\u{fffd}")
}

/// The address of `(an address with spaces)` at the start of `text`, the
/// text after a `[…]` that made no link: Markdown ends an address at its
/// first space, so `[báo cáo](tai lieu/bao cao.pdf)` is printed as
/// written. `None` when `text` starts otherwise, or the parentheses hold
/// no space (then they were never meant as an address).
fn spaced_address(text: &str) -> Option<&str> {
    let inside = text.strip_prefix('(')?;
    let address = &inside[..inside.find(')')?];
    let spaced = address.contains([' ', '\t']) && !address.trim().is_empty();
    spaced.then_some(address.trim())
}

/// Whether a link takes its destination from a reference definition.
fn is_reference(link_type: LinkType) -> bool {
    matches!(
        link_type,
        LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
    )
}

/// The HTML policy applied to events as they are parsed.
struct Policy {
    /// Raw HTML is escaped (the default) rather than passed through.
    escape: bool,
    findings: Vec<Finding>,
    /// The HTML block being read: pulldown-cmark gives it line by line, and
    /// a comment may span lines, so it is escaped whole.
    block: Option<HtmlBlock>,
}

/// The lines of an HTML block, and where each starts in the Markdown.
#[derive(Default)]
struct HtmlBlock {
    text: String,
    /// (offset in `text`, offset in the Markdown) of each line.
    starts: Vec<(usize, usize)>,
}

impl Policy {
    /// A refused destination is replaced by `#`, and reported when written
    /// here (`at`) rather than by reference; one with an unknown scheme is
    /// kept as written, with a warning.
    fn destination(&mut self, dest_url: &mut CowStr, used_as: UrlUse, at: Option<usize>) {
        let offset = at.unwrap_or_default();
        if let Some(finding) = html_policy::check_destination(dest_url, used_as, offset) {
            let refused = finding.is_error();
            if at.is_some() {
                self.findings.push(finding);
            }
            if refused {
                *dest_url = CowStr::Borrowed("#");
            }
        }
    }

    /// Pushes `event`, or what the policy makes of it, to `events`.
    fn push<'a>(&mut self, mut event: Event<'a>, offset: usize, events: &mut Vec<Event<'a>>) {
        if !self.escape {
            events.push(event);
            return;
        }
        match &mut event {
            Event::Start(Tag::HtmlBlock) => self.block = Some(HtmlBlock::default()),
            Event::Html(text) if self.block.is_some() => {
                if let Some(block) = self.block.as_mut() {
                    block.starts.push((block.text.len(), offset));
                    block.text.push_str(text);
                }
                return;
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = self.block.take() {
                    let html = self.escape_html(&block.text, |at| {
                        let i = block.starts.partition_point(|&(start, _)| start <= at);
                        let (start, source) = block.starts[i.max(1) - 1];
                        source + (at - start)
                    });
                    events.push(Event::Html(CowStr::from(html)));
                }
            }
            Event::Html(text) | Event::InlineHtml(text) => {
                let html = self.escape_html(text, |at| offset + at);
                *text = CowStr::from(html);
            }
            Event::Start(Tag::Heading { attrs, .. }) if !attrs.is_empty() => {
                let names: Vec<&str> = attrs.iter().map(|(name, _)| name.as_ref()).collect();
                self.findings.push(Finding {
                    offset,
                    kind: FindingKind::HeadingAttributes(names.join(", ")),
                });
                attrs.clear();
            }
            _ => {}
        }
        events.push(event);
    }

    /// `html` with comments kept and the rest escaped; a finding where the
    /// escaped text starts (`source` maps an offset of `html` to one of the
    /// Markdown).
    fn escape_html(&mut self, html: &str, source: impl Fn(usize) -> usize) -> String {
        let mut out = String::with_capacity(html.len() + 16);
        if let Some(at) = html_policy::escape_raw_html(html, &mut out) {
            self.findings
                .push(html_policy::raw_html_finding(&html[at..], source(at)));
        }
        out
    }
}

/// Gives every heading without an id the slug of its text, numbered from
/// `-1` when taken, and every footnote the id `fn-<slug of its label>`:
/// the ids of one page are unique, so that a footnote's link never lands
/// on a heading of the same name (`## Ghi chú` and `[^ghi-chu]`). Ids
/// written in the text (`{#id}`) are taken first. Each base remembers the
/// next number to try, so that thousands of identical headings stay linear.
fn add_heading_ids(events: &mut [Event]) {
    // An article has a few headings: ordered sets beat hashing them.
    let mut ids = PageIds::default();
    for event in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            ids.used.insert(id.to_string());
        }
    }
    // A footnote's label, as written, to its id: a reference and its
    // definition must agree, in whichever order they come.
    let mut footnotes: std::collections::BTreeMap<String, String> = Default::default();
    let mut footnote_id = |label: &CowStr, ids: &mut PageIds| -> CowStr<'static> {
        let id = footnotes
            .entry(label.to_string())
            .or_insert_with(|| ids.take(format!("fn-{}", vi::slugify(label))))
            .clone();
        CowStr::from(id)
    };
    let mut i = 0;
    while i < events.len() {
        match &mut events[i] {
            Event::FootnoteReference(label) => *label = footnote_id(label, &mut ids),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                *label = footnote_id(label, &mut ids);
            }
            Event::Start(Tag::Heading { id: None, .. }) => {
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
                let id = ids.take(base);
                if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                    *slot = Some(CowStr::from(id));
                }
                // The heading's text may hold a footnote reference.
                i += 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

/// The ids of one page, given out once each.
#[derive(Default)]
struct PageIds {
    used: std::collections::BTreeSet<String>,
    /// For each base, the next number to try: numbers below are taken.
    next: std::collections::BTreeMap<String, usize>,
}

impl PageIds {
    /// `base`, or `base-1`, `base-2`… when taken.
    fn take(&mut self, base: String) -> String {
        let mut id = base.clone();
        let n = self.next.entry(base.clone()).or_insert(1);
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        id
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_note_as_plain_text_keeps_its_punctuation_and_figures_as_written() {
        let note = "Xem [quyết định](/tai-lieu/qd-701.pdf), *điểm* tăng; mã `A-1`. Dòng\nmới: **90,5**%.\n\nHai đơn vị **đồng hạng nhất**.";
        assert_eq!(
            markdown_plain_text(note),
            "Xem quyết định, điểm tăng; mã A-1. Dòng mới: 90,5%. Hai đơn vị đồng hạng nhất."
        );
        assert_eq!(markdown_plain_text("- một\n- hai"), "một hai");
    }

    use super::*;

    #[test]
    fn control_characters_become_replacement_characters() {
        let html = without_controls("a\u{0}b\u{1b}c\td\n\u{7f}".to_owned());
        assert_eq!(html, "a\u{fffd}b\u{fffd}c\td\n\u{fffd}");
        assert_eq!(without_controls("Hà Tĩnh\n".to_owned()), "Hà Tĩnh\n");
    }

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
    fn footnote_ids_never_take_a_headings_id() {
        let html = render_markdown(
            "## Ghi chú\n\nXem[^ghi-chu] và[^Ghi chú 2].\n\n## Fn ghi chu\n\n\
             [^ghi-chu]: Nội dung.\n[^Ghi chú 2]: Khác.\n",
            &Markdown::new("/"),
        );
        let ids: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        // Ids are given in the order of the text: the references come first.
        assert_eq!(
            ids,
            ["ghi-chu", "fn-ghi-chu-1", "fn-ghi-chu", "fn-ghi-chu-2"],
            "{html}"
        );
        assert!(html.contains("href=\"#fn-ghi-chu\""), "{html}");
        assert!(html.contains("href=\"#fn-ghi-chu-2\""), "{html}");
    }

    #[test]
    fn heading_ids_are_unique() {
        let html = render_markdown(
            "## Kết quả\n\n## Kết quả\n\n## {#rieng}\n",
            &Markdown::new("/"),
        );
        assert!(html.contains("id=\"ket-qua\""));
        assert!(html.contains("id=\"ket-qua-1\""));
        // A heading whose slug is an id given already, headings with no
        // letters, a slug said a third time.
        let html = render_markdown(
            "## A\n\n## A\n\n## A 1\n\n## A\n\n## A-2\n\n## ?\n\n## !\n\n## Mục\n",
            &Markdown::new("/"),
        );
        let ids: Vec<&str> = html
            .split("id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(
            ids,
            ["a", "a-1", "a-1-1", "a-2", "a-2-1", "muc", "muc-1", "muc-2"]
        );
    }

    #[test]
    fn tables_scroll_in_a_focusable_box_of_their_own() {
        let html = render_markdown(
            "| Đơn vị | Điểm |\n|---|---|\n| Sở Nội vụ | 90,5 |\n\nSau bảng.\n",
            &Markdown::new("/"),
        );
        let open = html.find(TABLE_BOX).expect("the box");
        let table = html.find("<table>").expect("the table");
        let close = html
            .find("</table>\n</div>")
            .expect("the box closed after the table");
        assert!(open < table && table < close, "{html}");
        assert!(html.ends_with("<p>Sau bảng.</p>\n"), "{html}");
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

    fn rendered(body: &str) -> RenderedMarkdown {
        render_markdown_with_links(body, &Markdown::new("/"))
    }

    #[test]
    fn raw_html_is_shown_as_text_and_comments_stay() {
        let body = "Đạt <!-- chiso:ket-qua nam=2023 --> điểm <b onclick=\"alert(1)\">x</b>.\n\n\
                    <!-- chiso:bang-xep-hang nam=2023 khoi=a -->\n\n\
                    <div>\n<!-- a\nb --> <script>alert(1)</script>\n</div>\n\n\
                    > <img src=x onerror=alert(1)>\n\n\
                    | a |\n|---|\n| <svg onload=alert(1)> |\n\n\
                    `<script>` in code\n";
        let r = rendered(body);
        for kept in [
            "<!-- chiso:ket-qua nam=2023 -->",
            "<!-- chiso:bang-xep-hang nam=2023 khoi=a -->",
            "<!-- a\nb -->",
            "&lt;b onclick=&quot;alert(1)&quot;&gt;x&lt;/b&gt;",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&lt;img src=x onerror=alert(1)&gt;",
            "&lt;svg onload=alert(1)&gt;",
            "<code>&lt;script&gt;</code>",
        ] {
            assert!(r.html.contains(kept), "{kept:?} in {}", r.html);
        }
        // (`<div class="table-scroll"` is the box chiso puts tables in.)
        for gone in ["<b ", "<script", "<img", "<svg", "<div>"] {
            assert!(!r.html.contains(gone), "{gone:?} in {}", r.html);
        }
        let at: Vec<&str> = r
            .findings
            .iter()
            .map(|f| &body[f.offset..f.offset + 4])
            .collect();
        assert_eq!(
            at,
            ["<b o", "</b>", "<div", "<img", "<svg"],
            "{:?}",
            r.findings
        );
        assert!(r.findings.iter().all(|f| !f.is_error()));
    }

    #[test]
    fn raw_html_passes_when_the_site_opts_in() {
        let markdown = Markdown {
            base_path: "/".to_owned(),
            unsafe_html: true,
        };
        let r = render_markdown_with_links("<b>x</b>\n\n## T {onclick=f()}\n", &markdown);
        assert!(r.html.contains("<b>x</b>"), "{}", r.html);
        assert!(r.html.contains("onclick"), "{}", r.html);
        assert!(r.findings.is_empty());
        // Refused URLs stay refused.
        let r = render_markdown_with_links("[x](javascript:alert(1))\n", &markdown);
        assert!(r.findings[0].is_error());
    }

    #[test]
    fn heading_attributes_other_than_id_and_class_are_dropped() {
        let r = rendered("## Tiêu đề {#rieng .lop onclick=alert(1) style=x}\n");
        assert!(
            r.html.contains("<h2 id=\"rieng\" class=\"lop\">"),
            "{}",
            r.html
        );
        assert_eq!(
            r.findings,
            [Finding {
                offset: 0,
                kind: FindingKind::HeadingAttributes("onclick, style".into())
            }]
        );
    }

    #[test]
    fn an_address_with_a_space_is_said_to_make_no_link() {
        let body = "Xem [báo cáo](tai lieu/bao cao.pdf) và ![ảnh](anh hoi nghi.jpg).\n\
                    [đúng](<tai lieu.pdf>) [có tiêu đề](x.pdf \"Tiêu đề\") [1] (ghi chú) \
                    `[a](b c)`\n";
        let r = rendered(body);
        let found: Vec<(&str, &str)> = r
            .findings
            .iter()
            .map(|f| match &f.kind {
                FindingKind::SpaceInAddress { address } => {
                    (address.as_str(), &body[f.offset..f.offset + 2])
                }
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            found,
            [("tai lieu/bao cao.pdf", "]("), ("anh hoi nghi.jpg", "](")]
        );
    }

    #[test]
    fn refused_urls_are_errors_wherever_markdown_writes_one() {
        let body = "[a](javascript:alert(1)) [b](java&#115;cript:alert(1)) <javascript:alert(1)>\n\
                    [c][r] [r] ![d](JavaScript:x) ![e](data:image/png;base64,AA)\n\
                    [f](vbscript:x) [g](https://example.gov.vn/) [h](/xep-hang/)\n\n\
                    [r]: javascript:alert(1)\n[unused]: DATA:text/html,x\n";
        let r = rendered(body);
        let found: Vec<(&str, &str)> = r
            .findings
            .iter()
            .map(|f| match &f.kind {
                FindingKind::ForbiddenUrl { scheme, .. } => {
                    (*scheme, &body[f.offset..f.offset + 3])
                }
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            found,
            [
                ("javascript", "[a]"),
                ("javascript", "[b]"),
                ("javascript", "<ja"),
                ("javascript", "![d"),
                ("vbscript", "[f]"),
                ("javascript", "[r]"),
                ("data", "[un"),
            ]
        );
        // Every refused destination became `#` (the autolink's text stays).
        assert_eq!(r.html.matches("href=\"#\"").count(), 6, "{}", r.html);
        assert_eq!(r.html.matches("src=\"#\"").count(), 1, "{}", r.html);
        assert!(r.html.contains("src=\"data:image/png;base64,AA\""));
        assert!(r.html.contains("href=\"https://example.gov.vn/\""));
    }

    #[test]
    fn a_tag_without_letters_is_a_located_warning() {
        let text = "+++\ntitle = \"a\"\ntags = [\"a/b\", \"..\", \"   \", \"\", \"Cải cách\"]\n+++\nĐoạn.\n";
        let article = parse_article(text, "/").unwrap();
        let shown: Vec<(bool, usize, &str)> = article
            .problems
            .iter()
            .map(|d| (d.is_error(), d.location.unwrap().line, d.message.as_str()))
            .collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        for (error, line, message) in shown {
            assert!(!error && line == 3, "{message}");
        }
        assert!(article.problems[0].message.contains("`..`"));
    }

    #[test]
    fn a_shortcode_in_the_summary_is_a_located_warning() {
        let text = "+++\ntitle = \"a\"\nsummary = \"Bình quân <!-- chiso:khoi nam=2023 -->.\"\n+++\nĐoạn.\n";
        let article = parse_article(text, "/").unwrap();
        let shown: Vec<(bool, usize, &str)> = article
            .problems
            .iter()
            .map(|d| (d.is_error(), d.location.unwrap().line, d.message.as_str()))
            .collect();
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(!shown[0].0 && shown[0].1 == 3, "{shown:?}");
        assert!(
            shown[0].2.contains("`summary` holds a shortcode"),
            "{shown:?}"
        );
    }

    #[test]
    fn an_articles_problems_point_at_their_line_and_column() {
        let text =
            "+++\ntitle = \"a\"\n+++\nĐoạn một.\n\nXem <i>x</i> và [đây](javascript:alert(1)).\n";
        let article = parse_article(text, "/").unwrap();
        let shown: Vec<(bool, usize, usize)> = article
            .problems
            .iter()
            .map(|d| {
                let l = d.location.unwrap();
                (d.is_error(), l.line, l.column)
            })
            .collect();
        // One warning for the line's raw HTML, one error for the link.
        assert_eq!(shown, [(false, 6, 5), (true, 6, 17)]);
        assert!(article.problems[1].message.contains("javascript"));
        assert_eq!(
            article.problems[0].snippet.as_deref(),
            Some("Xem <i>x</i> và [đây](javascript:alert(1)).")
        );
    }

    #[test]
    fn an_article_with_a_refused_url_does_not_reload_and_loads_with_every_problem() {
        let root = tempfile::tempdir().unwrap();
        let shown = Path::new("content/tin-tuc/bai.md");
        std::fs::create_dir_all(root.path().join("content/tin-tuc")).unwrap();
        let text = "+++\ntitle = \"a\"\ndate = 2024-01-02\n+++\n<i>x</i> [a](javascript:f()) <vbscript:g()>\n";
        std::fs::write(root.path().join(shown), text).unwrap();
        assert!(reload_article(root.path(), shown, &Markdown::new("/")).is_none());
        let mut problems = Diagnostics::default();
        load(root.path(), false, &Markdown::new("/"), &mut problems);
        let report = problems.to_string();
        assert_eq!(problems.error_count(), 2, "{report}");
        assert!(
            report.contains("--> content/tin-tuc/bai.md:5:10"),
            "{report}"
        );
        assert!(
            report.contains("--> content/tin-tuc/bai.md:5:30"),
            "{report}"
        );
        assert!(report.contains("warning: raw HTML"), "{report}");
        // Without the links, the article reloads, keeping its warning.
        std::fs::write(
            root.path().join(shown),
            text.replace(" [a](javascript:f()) <vbscript:g()>", ""),
        )
        .unwrap();
        let article = reload_article(root.path(), shown, &Markdown::new("/")).unwrap();
        assert_eq!(article.problems.len(), 1);
        assert_eq!(article.problems[0].file.as_deref(), Some(shown));
    }

    #[test]
    fn an_article_that_does_not_load_keeps_its_page_known() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("content/tin-tuc");
        std::fs::create_dir_all(&dir).unwrap();
        // Its title is not text; its slug is read.
        std::fs::write(
            dir.join("bai.md"),
            "+++\ntitle = 5\nslug = \"Báo cáo\"\ndate = 2024-12-02\n+++\n",
        )
        .unwrap();
        // Its front matter does not parse at all: the file name.
        std::fs::write(dir.join("Tin mới.md"), "+++\ntitle = \n+++\n").unwrap();
        let mut problems = Diagnostics::default();
        let content = load(root.path(), false, &Markdown::new("/"), &mut problems);
        assert_eq!(problems.error_count(), 2, "{problems}");
        assert_eq!(content.unloaded, ["tin-tuc/tin-moi/", "tin-tuc/bao-cao/"]);
    }

    #[test]
    fn a_file_not_named_md_is_a_warning_naming_what_to_do() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("content/tin-tuc");
        std::fs::create_dir_all(&dir).unwrap();
        let article = "+++\ntitle = \"a\"\ndate = 2024-01-02\n+++\n";
        for name in [
            "x.MD",
            "y.markdown",
            "t.md.txt",
            "anh.png",
            "Thumbs.db",
            "bai.md~",
        ] {
            std::fs::write(dir.join(name), article).unwrap();
        }
        let mut problems = Diagnostics::default();
        let content = load(root.path(), false, &Markdown::new("/"), &mut problems);
        assert!(content.articles.is_empty());
        let report = problems.to_string();
        assert_eq!(problems.sorted().len(), 4, "{report}");
        for (file, hint) in [
            ("x.MD", "rename the file to `x.md`"),
            ("y.markdown", "rename the file to `y.md`"),
            ("t.md.txt", "rename the file to `t.md`"),
            ("anh.png", "go in `static/`"),
        ] {
            let at = report.find(&format!("content/tin-tuc/{file}")).unwrap();
            assert!(report[at..].contains(hint), "{file}: {report}");
        }
    }

    #[test]
    fn an_address_windows_keeps_for_a_device_is_a_warning() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("content/tin-tuc");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("bai.md"),
            "+++\ntitle = \"a\"\ndate = 2024-01-02\nslug = \"con\"\ntags = [\"Nul\", \"con người\"]\n+++\n",
        )
        .unwrap();
        let mut problems = Diagnostics::default();
        let content = load(root.path(), false, &Markdown::new("/"), &mut problems);
        assert_eq!(content.articles.len(), 1);
        let report = problems.to_string();
        assert_eq!(problems.error_count(), 0, "{report}");
        assert!(report.contains("bai.md:4:1"), "{report}");
        assert!(report.contains("`slug = \"bai-con\"`"), "{report}");
        assert!(
            report.contains("the address `nul` is a name Windows keeps"),
            "{report}"
        );
        assert_eq!(problems.sorted().len(), 2, "{report}");
    }
}
