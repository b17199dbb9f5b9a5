//! The views of articles and tags, for lists and an article's own page.

use serde::Serialize;

use crate::content::Article;
use crate::render::urls::{self, Urls};
use crate::shared_html::SharedHtml;
use crate::vi;

/// A tag, with its page.
#[derive(Debug, Clone, Serialize)]
pub struct TagView<'a> {
    pub name: &'a str,
    pub url: String,
}

impl<'a> TagView<'a> {
    pub fn new(name: &'a str, slug: &str, urls: &Urls) -> Self {
        TagView {
            name,
            url: urls.at(&urls::tag_path(slug)),
        }
    }
}

/// An article's tags, each page once: "Cải cách" and "cải cách" are one
/// tag (the first spelling is shown), and a tag without letters has none.
fn tag_views<'a>(tags: &'a [String], urls: &Urls) -> Vec<TagView<'a>> {
    let mut slugs: Vec<String> = Vec::with_capacity(tags.len());
    let mut views = Vec::with_capacity(tags.len());
    for tag in tags {
        let slug = vi::slugify(tag);
        if !slug.is_empty() && !slugs.contains(&slug) {
            views.push(TagView::new(tag, &slug, urls));
            slugs.push(slug);
        }
    }
    views
}

/// An article, for lists and its own page.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub date: Option<String>,
    pub tags: Vec<TagView<'a>>,
    pub url: String,
    /// `draft = true`: shown only in builds with `--drafts`, marked
    /// "Bản nháp" so a preview never passes for the published site.
    pub draft: bool,
    /// The body, shortcodes expanded (the text every page shows it from,
    /// not a copy).
    pub html: &'a SharedHtml,
}

impl<'a> ArticleView<'a> {
    pub fn new(article: &'a Article, html: &'a SharedHtml, urls: &Urls) -> Self {
        ArticleView {
            title: &article.front.title,
            summary: &article.front.summary,
            date: article.front.date.map(|d| d.to_string()),
            tags: tag_views(&article.front.tags, urls),
            url: urls.article(&article.slug),
            draft: article.front.draft,
            html,
        }
    }
}

/// A tag in the list of every tag, with how many articles carry it.
#[derive(Debug, Clone, Serialize)]
pub struct TagCountView<'a> {
    pub name: &'a str,
    pub url: String,
    pub count: usize,
}
