//! Rendering again after an edit, for `chiso serve`: a page is rendered
//! again only when what it reads or one of its templates changed; the other
//! pages keep their bytes. A page's bytes depend on nothing else: rendering
//! reads no files and touches no clock (see the module above).
//!
//! Which pages an edit touched is decided two ways:
//! - the data pages (rankings, tables, units), whose contexts are large,
//!   by what they read, declared per page kind (`reads`) and, after an
//!   edit of results files alone, by the tables the edit changed
//!   ([`ModelEdit`]); their contexts are not made unless they are rendered;
//! - the other pages (home, indices, years, lists, articles, tags, data)
//!   by their context: it is made again and fingerprinted (a 128-bit
//!   SipHash of every value in it, with whether a string is marked safe),
//!   and the page rendered only if the fingerprint changed. What such a
//!   page read is thus known from the same functions that make its context
//!   (`pages::Env::own`), and cannot drift from them.
//!
//! The random edits of `tests/it/session_edits.rs` compare both with a
//! build from scratch, file for file.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use siphasher::sip128::{Hasher128, SipHasher13};
use tera::value::ValueKind;
use tera::Value;

use super::{pages, Input, Sink, TemplateTimes, Templates};
use crate::diagnostic::Diagnostics;

/// The fingerprint of each page's context, by output path.
pub type Prints = HashMap<String, u128>;

/// The fingerprint recorded for a page rendered without one: compared with
/// a context's, it differs.
const UNPRINTED: u128 = 0;

/// The fingerprint of a value: every scalar, string (and whether it is
/// safe), list and map in it; the order of a map's keys does not count
/// (templates look values up by key).
pub fn print(value: &Value) -> u128 {
    let mut hasher = SipHasher13::new();
    feed(&mut hasher, value);
    hasher.finish128().as_u128()
}

fn feed(h: &mut SipHasher13, value: &Value) {
    match value.kind() {
        ValueKind::Undefined => h.write_u8(0),
        ValueKind::None => h.write_u8(1),
        ValueKind::Bool => {
            h.write_u8(2);
            h.write_u8(u8::from(value.as_bool() == Some(true)));
        }
        ValueKind::U64 | ValueKind::I64 | ValueKind::U128 | ValueKind::I128 => {
            h.write_u8(3);
            match (value.as_i128(), value.as_u128()) {
                (Some(i), _) => h.write_i128(i),
                (None, Some(u)) => h.write_u128(u),
                (None, None) => h.write_u8(0),
            }
        }
        ValueKind::F64 => {
            h.write_u8(4);
            h.write_u64(value.as_f64().map_or(0, f64::to_bits));
        }
        ValueKind::String => {
            h.write_u8(if value.is_safe() { 5 } else { 6 });
            let text = value.as_str().unwrap_or_default();
            h.write_usize(text.len());
            h.write(text.as_bytes());
        }
        ValueKind::Array => {
            let items = value.as_array().unwrap_or_default();
            h.write_u8(7);
            h.write_usize(items.len());
            for item in items {
                feed(h, item);
            }
        }
        ValueKind::Map => {
            h.write_u8(8);
            let mut sum = 0u128;
            let mut count = 0usize;
            for (key, item) in value.as_map().into_iter().flatten() {
                let mut entry = SipHasher13::new();
                key.hash(&mut entry);
                feed(&mut entry, item);
                sum = sum.wrapping_add(entry.finish128().as_u128());
                count += 1;
            }
            h.write_usize(count);
            h.write_u128(sum);
        }
        ValueKind::Bytes => {
            h.write_u8(9);
            let bytes = value.as_bytes().unwrap_or_default();
            h.write_usize(bytes.len());
            h.write(bytes);
        }
        // A kind added to Tera later: its text, which is all a template
        // can print of it.
        _ => {
            h.write_u8(10);
            h.write(format!("{value:?}").as_bytes());
        }
    }
}

/// What [`super::render_pages`] is told to reuse: the fingerprints of the
/// pages whose bytes are kept, and the templates that changed (each page
/// template whose `extends`/`include`/`import` closure holds a changed
/// template). It collects the fingerprints of this run.
pub(crate) struct Reuse<'p> {
    previous: &'p Prints,
    dirty: &'p BTreeSet<String>,
    /// What of the input is as it was when `previous` was made: a page
    /// that reads only that, and whose templates are not dirty, has the
    /// same context, which need not even be made.
    same: Same<'p>,
    /// Fingerprints of the pages of this run.
    prints: Mutex<Vec<(String, u128)>>,
    rendered: AtomicUsize,
    /// The pages to render before the others, if any.
    pub(crate) first: Option<&'p First<'p>>,
}

/// Pages to render before all others (for `chiso serve`, those open in a
/// browser), and what to call once they are in the sink (and rendered
/// without a template error): the server shows them while the rest
/// renders. `done` is given those of `paths` that are pages of the site.
pub struct First<'a> {
    /// Their output paths (`don-vi/x/index.html`).
    pub paths: &'a HashSet<String>,
    pub done: &'a (dyn Fn(&[String]) + Sync),
}

impl Reuse<'_> {
    /// Whether the page is as it was without making its context (the
    /// input is the same, and its templates are): its fingerprint is kept.
    pub(crate) fn untouched(&self, page: &pages::Page, path: &str, template: &str) -> bool {
        let reads = reads(page);
        let model_same =
            self.same.model || !reads.model || self.same.edit.is_some_and(|edit| edit.spares(page));
        let content_same = self.same.content
            || !reads.content
            || self.same.articles.is_some_and(|edit| edit.spares(page));
        let same = self.same.rest && model_same && content_same;
        if !same || self.dirty.contains(template) {
            return false;
        }
        let Some(&print) = self.previous.get(path) else {
            return false;
        };
        self.prints
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((path.to_owned(), print));
        true
    }

    /// Records the page's fingerprint; whether its kept bytes are still
    /// what it renders.
    /// Whether the page is rendered again without a fingerprint (a data
    /// page, see [`is_data_page`], or any page when the `site` value, the
    /// configuration or the static files changed since the last build:
    /// then every fingerprint differs); its fingerprint is then one no
    /// context has.
    pub(crate) fn unprinted(&self, page: &pages::Page, path: &str) -> bool {
        let all_differ = !self.previous.is_empty() && !self.same.rest;
        if !is_data_page(page) && !all_differ {
            return false;
        }
        self.prints
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((path.to_owned(), UNPRINTED));
        self.rendered.fetch_add(1, Ordering::Relaxed);
        true
    }

    pub(crate) fn unchanged(&self, path: &str, template: &str, print: u128) -> bool {
        self.prints
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((path.to_owned(), print));
        let same = !self.dirty.contains(template) && self.previous.get(path) == Some(&print);
        if !same {
            self.rendered.fetch_add(1, Ordering::Relaxed);
        }
        same
    }
}

/// The data pages (units', rankings', tables') an edit of results files
/// touched; the others read nothing it changed (see `session::model_edit`).
#[derive(Debug, Clone, Default)]
pub struct ModelEdit {
    pub tables: HashSet<crate::model::TableId>,
    pub units: HashSet<crate::model::UnitId>,
    pub rankings: HashSet<(i32, crate::model::GroupId)>,
}

impl ModelEdit {
    /// Whether `page` is a data page this edit did not touch.
    fn spares(&self, page: &pages::Page) -> bool {
        use pages::Page;
        match page {
            Page::Unit(u) => !self.units.contains(u),
            Page::Ranking { year, group } => !self.rankings.contains(&(*year, *group)),
            Page::Table(t) => !self.tables.contains(t),
            _ => false,
        }
    }
}

/// The articles an edit of the content changed, when every article is
/// still at its place in the list (same files, same order): the pages of
/// articles it did not change, the pages of the list that show none of
/// them and the pages of tags none of them carries (before or after) read
/// nothing it changed (see `session::content_edit`).
#[derive(Debug, Clone, Default)]
pub struct ContentEdit {
    /// The articles changed, by their place in the list.
    pub articles: BTreeSet<usize>,
    /// The slugs of the tags they carry, before and after the edit.
    pub tags: HashSet<String>,
    /// Articles per page of the list.
    pub per_page: usize,
}

impl ContentEdit {
    /// Whether `page` reads no article this edit changed.
    fn spares(&self, page: &pages::Page) -> bool {
        use pages::Page;
        match page {
            Page::Article(a) => !self.articles.contains(a),
            Page::ArticleList(n) => {
                let first = n.saturating_sub(1) * self.per_page;
                self.articles
                    .range(first..first + self.per_page)
                    .next()
                    .is_none()
            }
            Page::Tag(slug, _) => !self.tags.contains(slug),
            _ => false,
        }
    }
}

/// Whether a page is a data page of a unit, ranking or table: many, costly
/// to make, each reading a few tables ([`ModelEdit`]). They are rendered
/// again without a fingerprint when touched (a fingerprint of their large
/// contexts costs more than rendering them).
fn is_data_page(page: &pages::Page) -> bool {
    matches!(
        page,
        pages::Page::Unit(_) | pages::Page::Ranking { .. } | pages::Page::Table(_)
    )
}

/// What of a render's input is as it was at the last render.
#[derive(Debug, Clone, Copy, Default)]
pub struct Same<'e> {
    /// When the model changed by an edit of results files alone, the data
    /// pages it touched.
    pub edit: Option<&'e ModelEdit>,
    /// The model (`site`).
    pub model: bool,
    /// The content and the articles' bodies with shortcodes expanded.
    pub content: bool,
    /// When the content changed but every article kept its place, the
    /// pages of articles it touched.
    pub articles: Option<&'e ContentEdit>,
    /// The configuration and the static files (and, checked here, the
    /// `site` value every page is given).
    pub rest: bool,
}

/// What a page kind's own context is made from, besides the `site` value,
/// the configuration and the static files (which every page reads): the
/// model, the content (the articles and the bodies), or both. Declared
/// here from what each `Env` method of `pages.rs` reads; the random edits
/// of `tests/it/session_edits.rs` check it against builds from scratch.
pub(crate) struct Reads {
    model: bool,
    content: bool,
}

pub(crate) fn reads(page: &pages::Page) -> Reads {
    use pages::Page;
    match page {
        Page::Home => Reads {
            model: true,
            content: true,
        },
        Page::Index(_)
        | Page::Year(_)
        | Page::Ranking { .. }
        | Page::Table(_)
        | Page::Unit(_)
        | Page::Data
        | Page::Search
        | Page::NotFound => Reads {
            model: true,
            content: false,
        },
        Page::ArticleList(_) | Page::Article(_) | Page::Tag(..) | Page::Tags => Reads {
            model: false,
            content: true,
        },
    }
}

/// What [`render_again`] did.
pub struct Again {
    /// Every page's fingerprint, by output path.
    pub prints: Prints,
    /// Every page's output path, rendered again or not.
    pub pages: Vec<String>,
    /// How many pages were rendered again.
    pub rendered: usize,
    /// The share cards the pages name.
    pub cards: super::cards::Cards,
    /// The fingerprint of the `site` value.
    pub site_print: u128,
    /// The time each template took, the costliest first.
    pub templates: Vec<(&'static str, super::TemplateTime)>,
}

/// Renders into `sink` the built-in assets, the sitemap, `robots.txt` and
/// every page whose context differs from `previous` or whose template is
/// in `dirty` (see [`dirty_templates`]), making no context for a page
/// that reads only what is the `same` (`reads`) and whose `site` value
/// has the fingerprint `site_print` it had; not the open data, feed or search
/// index (see [`super::open_data_files`], [`super::feed_files`]). Reports
/// what a full render reports of the pages: two pages at one URL, template
/// errors (a page that is not rendered again rendered without one). The
/// pages `first` names are rendered before all others.
#[allow(clippy::too_many_arguments)]
pub fn render_again(
    templates: &Templates,
    input: Input,
    previous: &Prints,
    dirty: &BTreeSet<String>,
    mut same: Same<'_>,
    site_print: Option<u128>,
    first: Option<&First<'_>>,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> Again {
    super::put_assets(sink);
    let env = pages::Env::new(input);
    let list = env.pages();
    env.plan(&list);
    let new_site_print = env.site_print();
    same.rest &= site_print == Some(new_site_print);
    let mut sitemap = Vec::new();
    let reuse = Reuse {
        previous,
        dirty,
        same,
        prints: Mutex::default(),
        rendered: AtomicUsize::new(0),
        first,
    };
    let times = TemplateTimes::default();
    super::render_pages_reusing(
        templates,
        &env,
        &list,
        sink,
        &times,
        Some(&mut sitemap),
        Some(&reuse),
        diagnostics,
    );
    super::put_crawler_files(input.config, &sitemap, sink);
    let prints: Prints = reuse
        .prints
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .collect();
    let pages = list
        .iter()
        .map(|page| format!("{}{}", env.path(page), env.file(page)))
        .collect();
    Again {
        prints,
        pages,
        rendered: reuse.rendered.into_inner(),
        cards: env.into_cards(),
        site_print: new_site_print,
        templates: times.list(),
    }
}

/// The page templates to render again after the templates changed from
/// `old` to `new`: those whose closure (itself, and every template it
/// names, transitively) holds a template added, removed or changed. A
/// template "names" another when the other's name appears in it between
/// quotes: more than `extends`, `include` and `import` do, never less.
pub fn dirty_templates(old: &Templates, new: &Templates) -> BTreeSet<String> {
    let (old, new) = (&old.sources, &new.sources);
    let changed: BTreeSet<&str> = old
        .keys()
        .chain(new.keys())
        .filter(|name| old.get(*name).map(|s| &s.0) != new.get(*name).map(|s| &s.0))
        .map(String::as_str)
        .collect();
    if changed.is_empty() {
        return BTreeSet::new();
    }
    let names: Vec<&str> = new.keys().map(String::as_str).collect();
    let named = |text: &str| -> Vec<&str> {
        names
            .iter()
            .copied()
            .filter(|name| {
                text.contains(&format!("\"{name}\"")) || text.contains(&format!("'{name}'"))
            })
            .collect()
    };
    let edges: HashMap<&str, Vec<&str>> = new
        .iter()
        .map(|(name, (text, _))| (name.as_str(), named(text)))
        .collect();
    let mut dirty = BTreeSet::new();
    for start in new.keys() {
        let mut seen = BTreeSet::from([start.as_str()]);
        let mut todo = vec![start.as_str()];
        while let Some(name) = todo.pop() {
            for &next in edges.get(name).into_iter().flatten() {
                if seen.insert(next) {
                    todo.push(next);
                }
            }
        }
        if seen.iter().any(|name| changed.contains(name)) {
            dirty.insert(start.clone());
        }
    }
    dirty.extend(changed.into_iter().map(str::to_owned));
    dirty
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_print_sees_values_and_safety_but_not_key_order() {
        let a = Value::from_serializable(&serde_json::json!({"a": 1, "b": ["x", 2.5]}));
        let b = Value::from_serializable(&serde_json::json!({"b": ["x", 2.5], "a": 1}));
        let c = Value::from_serializable(&serde_json::json!({"a": 1, "b": ["y", 2.5]}));
        assert_eq!(print(&a), print(&b));
        assert_ne!(print(&a), print(&c));
        assert_ne!(
            print(&Value::normal_string("<b>")),
            print(&Value::safe_string("<b>"))
        );
        assert_ne!(
            print(&Value::from_serializable(&1)),
            print(&Value::from_serializable(&1.0))
        );
    }
}
