//! Loading `content/`: the home page text (`_index.md`) and the articles
//! (`tin-tuc/*.md`), each a TOML front matter between `+++` lines followed by
//! Markdown. Markdown is rendered here, once, to HTML with heading anchors.

use std::path::Path;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use walkdir::WalkDir;

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::input::read_text;
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
    /// The source file, relative to the site root.
    pub file: std::path::PathBuf,
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
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        return content;
    }
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                diagnostics.push(Diagnostic::error(format!("cannot read content/: {e}")));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let shown = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        let relative = path.strip_prefix(&dir).unwrap_or(path);
        let is_home = relative == Path::new("_index.md");
        let is_article = relative.parent() == Some(Path::new(ARTICLES_DIR));
        if !is_home && !is_article {
            diagnostics.push(
                Diagnostic::warning(
                    "chiso does not know where this page belongs, so it is ignored",
                )
                .in_file(&shown)
                .with_hint(
                    "articles go in content/tin-tuc/, the home page text in content/_index.md",
                ),
            );
            continue;
        }
        let article = read_text(path, &shown)
            .and_then(|text| parse_article(&text, base_path).map_err(|d| d.in_file(&shown)));
        let mut article = match article {
            Ok(article) => article,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        article.file = shown;
        if is_home {
            content.home = Some(article);
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        article.slug = vi::slugify(article.front.slug.as_deref().unwrap_or(stem));
        if article.slug.is_empty() {
            diagnostics.push(
                Diagnostic::error("this article has no usable slug")
                    .in_file(&article.file)
                    .with_hint("rename the file, or set `slug` in the front matter"),
            );
            continue;
        }
        if article.front.date.is_none() {
            diagnostics.push(
                Diagnostic::error("this article has no date")
                    .in_file(&article.file)
                    .with_hint("add `date = 2024-05-08` to the front matter"),
            );
            continue;
        }
        if article.front.draft && !drafts {
            continue;
        }
        content.articles.push(article);
    }
    content.articles.sort_by(|a, b| {
        b.front
            .date
            .cmp(&a.front.date)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    content
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
    if front.title.trim().is_empty() {
        return Err(Diagnostic::error("the title is empty").at_text(text, "title"));
    }
    Ok(Article {
        front,
        slug: String::new(),
        html: render_markdown(body, base_path),
        file: Default::default(),
    })
}

/// Returns (front matter, body) of a file that starts with a `+++` line.
fn split_front_matter(text: &str) -> Result<(&str, &str), Diagnostic> {
    let missing = || {
        Diagnostic::error("the file does not start with front matter")
            .with_hint("start the file with a line `+++`, then `title = \"…\"` and the other keys, then a closing `+++` line")
    };
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
    Err(Diagnostic::error("the front matter is not closed")
        .at_line(text, 1, 1)
        .with_hint("did you forget the closing `+++` line after the front matter?"))
}

/// Renders Markdown with tables, footnotes and strikethrough. Headings get an
/// `id` made from their text (unique within the page) so they can be linked;
/// root-relative links are prefixed with the site's base path.
pub fn render_markdown(body: &str, base_path: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut events: Vec<Event> = Parser::new_ext(body, options).collect();
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
    html
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
            ("+++\ntitle = \"x\"\ntitel = \"y\"\n+++\n", "unknown field"),
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
