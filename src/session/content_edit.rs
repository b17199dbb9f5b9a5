//! Which pages of articles an edit of the content touched: the articles
//! before and after are compared place by place, when every one is still
//! at its place in the list (same files in the same order: an edit of a
//! title, a summary, tags or a body, but not of a date that moves it).
//! Else every page reading the content is made again.

use std::collections::BTreeSet;

use crate::content::{Article, Content};
use crate::render::reuse::ContentEdit;
use crate::render::Bodies;
use crate::vi;

/// The articles that changed from `old` to `new` (their front matter,
/// address, text or expanded body); `None` when one moved, came or went.
pub(super) fn of(
    old: (&Content, &Bodies),
    new: (&Content, &Bodies),
    per_page: usize,
) -> Option<ContentEdit> {
    let ((old, old_bodies), (new, new_bodies)) = (old, new);
    let count = new.articles.len();
    if old.articles.len() != count
        || old_bodies.articles.len() != count
        || new_bodies.articles.len() != count
    {
        return None;
    }
    let mut edit = ContentEdit {
        articles: BTreeSet::new(),
        tags: Default::default(),
        per_page: per_page.max(1),
    };
    for (i, (a, b)) in old.articles.iter().zip(&new.articles).enumerate() {
        if a.file != b.file {
            return None;
        }
        let same = a.front == b.front
            && a.slug == b.slug
            && a.html == b.html
            && old_bodies.articles[i] == new_bodies.articles[i];
        if !same {
            edit.articles.insert(i);
            edit.tags.extend(tag_slugs(a).chain(tag_slugs(b)));
        }
    }
    Some(edit)
}

/// The slugs of an article's tags, as its tag pages have them.
fn tag_slugs(article: &Article) -> impl Iterator<Item = String> + '_ {
    article.front.tags.iter().map(|t| vi::slugify(t))
}
