//! The link check in `chiso serve`. A good build's links all led
//! somewhere (every link problem is an error), so after an edit only two
//! kinds of link can have broken: those written in a text the edit
//! changed (an article added, or whose links or address changed; the home
//! text), and those leading to a file made again or gone. Only those are
//! checked, in the order a full check reports them; without a last build,
//! or after the static files changed, every link is.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::content::Content;
use crate::diagnostic::Diagnostics;
use crate::input::SiteFile;
use crate::links::{self, DataLink};

use super::downloads::Later;
use super::Files;

/// What the last good build's links were checked against.
pub(super) struct Last<'a> {
    pub content: &'a Content,
    pub files: &'a Files,
    pub later: &'a Later,
    pub assets: &'a [SiteFile],
}

/// The texts whose links are checked: the content, and the data's
/// Markdown fields (whose few links are checked every time).
pub(super) struct Texts<'a> {
    pub content: &'a Content,
    pub data: &'a [DataLink],
    /// The tables waiting for their results (`Site::waiting`).
    pub waiting: &'a [crate::model::WaitingTable],
}

/// Checks the links that may have broken since `last` (every link without
/// it) against `files`, `later`'s downloads and `assets`.
pub(super) fn check(
    config: &Config,
    texts: Texts,
    files: &Files,
    later: &Later,
    assets: &[SiteFile],
    last: Option<Last>,
    diagnostics: &mut Diagnostics,
) {
    let content = texts.content;
    // The whole-site downloads are there, made or not: links only need to
    // know a file is.
    let later_paths: Vec<&str> = later.paths().collect();
    let targets = files
        .iter()
        .map(|(k, v)| (k.as_str(), &v[..]))
        .chain(later_paths.iter().map(|p| (*p, &[][..])));
    let (home, sources) = match last.filter(|l| l.assets == assets) {
        Some(l) => {
            let gone = l.files.keys().filter(|p| !files.contains_key(*p));
            let made = files.iter().filter(|(path, bytes)| {
                l.files
                    .get(*path)
                    .is_none_or(|old| !Arc::ptr_eq(old, bytes))
            });
            let old_later: Vec<&str> = l.later.paths().collect();
            let later_changed = (old_later != later_paths)
                .then(|| old_later.iter().chain(&later_paths).copied())
                .into_iter()
                .flatten();
            let changed: BTreeSet<&str> = made
                .map(|(path, _)| path.as_str())
                .chain(gone.map(String::as_str))
                .chain(later_changed)
                .collect();
            let (home, mut sources) = links::linking_to(content, &changed);
            let (home_edited, edited) = edited(l.content, content);
            sources.extend(edited);
            sources.sort_unstable();
            sources.dedup();
            (home || home_edited, sources)
        }
        None => (true, (0..content.articles.len()).collect()),
    };
    let sources = links::Sources {
        home,
        articles: &sources,
        data: texts.data,
        waiting: texts.waiting,
    };
    links::check_some(config, content, sources, targets, assets, diagnostics);
}

/// Whether the home text's links changed, and the articles whose links or
/// address differ from `old`'s (by file), or that are new.
fn edited(old: &Content, new: &Content) -> (bool, Vec<usize>) {
    let home = old.home.as_ref().map(|h| &h.links) != new.home.as_ref().map(|h| &h.links);
    let before: HashMap<&Path, usize> = old
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.file.as_path(), i))
        .collect();
    let articles = new
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| match before.get(a.file.as_path()) {
            Some(&i) => {
                let was = &old.articles[i];
                was.slug != a.slug || was.links != a.links
            }
            None => true,
        })
        .map(|(i, _)| i)
        .collect();
    (home, articles)
}
