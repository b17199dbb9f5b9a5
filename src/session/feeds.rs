//! The Atom feed and the search index in `chiso serve`. The search entries
//! are kept between edits, each shared, and made again only for what an
//! edit touched: a unit whose results changed (after an edit of results
//! files that left the definitions as they were), every entry of the model
//! after any other edit of it, an article whose front matter, place or
//! text changed. The feed is made again only when the articles or their
//! bodies changed; the full-text file only when an article's entry did.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::Content;
use crate::model::{Id, Site};
use crate::render::reuse::ModelEdit;
use crate::render::search::{self, Entry};
use crate::render::urls::Urls;
use crate::render::{self, Bodies, Input, Sink};

/// The search entries, in the index's order (indices, units, tables,
/// articles).
pub(super) type Entries = Vec<Arc<Entry>>;

/// What the last build's feed and search index were made from.
pub(super) struct Last<'a> {
    pub site: &'a Arc<Site>,
    pub content: &'a Arc<Content>,
    pub bodies: &'a Arc<Bodies>,
    pub entries: &'a [Arc<Entry>],
}

/// Puts into `sink` the feed and search files that differ from `last`'s
/// (all of them without `last`); the entries of the search index.
/// `edit` says which units' results changed when the model went from
/// `last.site` to `input.site` by an edit of results files alone.
pub(super) fn again(
    input: Input,
    site: &Arc<Site>,
    content: &Arc<Content>,
    bodies: &Arc<Bodies>,
    last: Option<Last>,
    edit: Option<&ModelEdit>,
    sink: &dyn Sink,
) -> Entries {
    let Some(last) = last else {
        let made = render::feed_files(input, sink);
        return made.into_iter().map(Arc::new).collect();
    };
    let urls = Urls::for_site(input.config);
    let site_same = Arc::ptr_eq(last.site, site);
    let articles_same = Arc::ptr_eq(last.content, content) && Arc::ptr_eq(last.bodies, bodies);
    if site_same && articles_same {
        return last.entries.to_vec();
    }
    let old_model = model_len(last.site);
    let (model, old_articles) = last.entries.split_at(old_model.min(last.entries.len()));
    let mut entries: Entries = match edit {
        _ if site_same => model.to_vec(),
        Some(edit) => {
            // Definitions and tables as they were: only the units whose
            // results changed have another entry.
            let mut kept = model.to_vec();
            let first_unit = site.indices.len();
            let units: Vec<_> = edit.units.iter().copied().collect();
            let made: Vec<_> = units
                .par_iter()
                .map(|&u| Arc::new(search::unit_entry(site, u, &urls)))
                .collect();
            for (u, entry) in units.into_iter().zip(made) {
                if let Some(slot) = kept.get_mut(first_unit + u.position()) {
                    *slot = entry;
                }
            }
            kept
        }
        None => search::model_entries(site, &urls)
            .into_iter()
            .map(Arc::new)
            .collect(),
    };
    let (articles, words_same) = if articles_same {
        (old_articles.to_vec(), true)
    } else {
        article_entries(content, bodies, &last, old_articles, &urls)
    };
    entries.extend(articles);
    let [(index_path, index), (words_path, words)] = search::files(&entries);
    sink.put(index_path, index);
    if !words_same {
        sink.put(words_path, words);
    }
    if !articles_same {
        render::atom_file(input, sink);
    }
    entries
}

/// How many entries the model has: the first of the index.
fn model_len(site: &Site) -> usize {
    site.indices.len() + site.units.len() + site.tables.len()
}

/// The articles' entries, each kept from `old` when its article (by file)
/// has the same front matter, slug and body; whether they are all kept, in
/// the same order.
fn article_entries(
    content: &Content,
    bodies: &Bodies,
    last: &Last,
    old: &[Arc<Entry>],
    urls: &Urls,
) -> (Entries, bool) {
    let by_file: HashMap<&Path, usize> = last
        .content
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.file.as_path(), i))
        .collect();
    let made: Vec<(Arc<Entry>, bool)> = content
        .articles
        .par_iter()
        .zip(&bodies.articles)
        .enumerate()
        .map(|(i, (article, body))| {
            let kept = by_file.get(article.file.as_path()).and_then(|&j| {
                let before = &last.content.articles[j];
                let same = before.front == article.front
                    && before.slug == article.slug
                    && last.bodies.articles.get(j) == Some(body);
                same.then(|| old.get(j)).flatten()
            });
            match kept {
                Some(entry) => {
                    let moved = by_file.get(article.file.as_path()) != Some(&i);
                    (Arc::clone(entry), !moved)
                }
                None => (Arc::new(search::article_entry(article, body, urls)), false),
            }
        })
        .collect();
    let all_kept = made.len() == old.len() && made.iter().all(|(_, kept)| *kept);
    (made.into_iter().map(|(e, _)| e).collect(), all_kept)
}
