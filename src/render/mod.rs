//! Rendering: the list of pages the site has, each rendered with Tera from a
//! borrowed view of the model and content. Built-in templates are embedded in
//! the binary; a file of the same name in the site's `templates/` overrides
//! one. Rendering reads no files but templates and touches no clock, so the
//! same input renders the same bytes.

pub mod cards;
mod cells;
mod charts;
pub(crate) mod escape;
mod feeds;
mod figure;
mod filters;
mod open_data;
mod pages;
pub mod reuse;
pub mod search;
pub mod shortcodes;
mod sparkline;
mod template_blocks;
pub mod urls;
pub mod views;

pub use escape::escape;
pub use pages::Bodies;

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::{ErrorKind, Tera};

use crate::config::Config;
use crate::content::Content;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::input::{read_text, source_files};
use crate::messages as msg;
use crate::model::Site;

/// The templates folder, relative to the site root.
pub const TEMPLATES_DIR: &str = "templates";

/// The built-in templates, by name.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("components.html", include_str!("templates/components.html")),
    ("home.html", include_str!("templates/home.html")),
    ("index-page.html", include_str!("templates/index-page.html")),
    ("year.html", include_str!("templates/year.html")),
    ("ranking.html", include_str!("templates/ranking.html")),
    (
        "ranking-overview.html",
        include_str!("templates/ranking-overview.html"),
    ),
    ("unit.html", include_str!("templates/unit.html")),
    (
        "article-list.html",
        include_str!("templates/article-list.html"),
    ),
    ("article.html", include_str!("templates/article.html")),
    ("tag.html", include_str!("templates/tag.html")),
    ("tags.html", include_str!("templates/tags.html")),
    ("data.html", include_str!("templates/data.html")),
    ("search.html", include_str!("templates/search.html")),
    ("404.html", include_str!("templates/404.html")),
    (
        "partials/footer.html",
        include_str!("templates/partials/footer.html"),
    ),
    (
        "partials/table-summary.html",
        include_str!("templates/partials/table-summary.html"),
    ),
    (
        "partials/table-listings.html",
        include_str!("templates/partials/table-listings.html"),
    ),
    (
        "partials/table-source.html",
        include_str!("templates/partials/table-source.html"),
    ),
    (
        "partials/row-line.html",
        include_str!("templates/partials/row-line.html"),
    ),
    (
        "partials/band.html",
        include_str!("templates/partials/band.html"),
    ),
    (
        "partials/table-downloads.html",
        include_str!("templates/partials/table-downloads.html"),
    ),
    (
        "partials/scorecards.html",
        include_str!("templates/partials/scorecards.html"),
    ),
    (
        "partials/illustrative-note.html",
        include_str!("templates/partials/illustrative-note.html"),
    ),
    (
        "partials/history-table.html",
        include_str!("templates/partials/history-table.html"),
    ),
];

/// Built-in files written to the output before `static/` is copied over it.
const DEFAULT_ASSETS: &[(&str, &str)] = &[
    ("chiso.css", include_str!("assets/chiso.css")),
    ("sort.js", include_str!("assets/sort.js")),
    ("search.js", include_str!("assets/search.js")),
];

/// One rendered file of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The parsed templates (built-in, with the site's own over them), loaded
/// once per build, or once per `serve` session while templates do not change.
pub struct Templates {
    tera: Tera,
    sources: Sources,
}

impl Templates {
    /// Loads the templates, reporting syntax errors; `None` if there are any.
    pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Option<Templates> {
        load_templates(root, diagnostics).map(|(tera, sources)| Templates { tera, sources })
    }
}

/// Where rendered files go, from any thread, in any order: kept in memory
/// ([`Collect`], for `serve` and `check`) or written as they come (`build`).
pub trait Sink: Sync {
    /// Takes the file at `path` (site-relative, `/` separators).
    fn put(&self, path: String, bytes: Vec<u8>);

    /// Takes the file at `path` as `write` writes it, for the largest
    /// files (the all-tables downloads, up to 100 MB on a national site),
    /// which a sink that writes files need not hold whole. By default, the
    /// bytes are collected and [`Sink::put`]; nothing is put if `write`
    /// fails.
    fn put_streamed(
        &self,
        path: String,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) {
        let mut bytes = Vec::new();
        if write(&mut bytes).is_ok() {
            self.put(path, bytes);
        }
    }
}

/// A sink that keeps every file, for the rendered site as a list.
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Vec<OutputFile>>);

impl Collect {
    /// A copy of the files so far.
    pub fn copies(&self) -> Vec<OutputFile> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The paths of the files so far.
    pub fn paths(&self) -> std::collections::HashSet<String> {
        let files = self.0.lock().unwrap_or_else(|p| p.into_inner());
        files.iter().map(|f| f.path.clone()).collect()
    }

    /// The files, sorted by path (the order they came in depends on
    /// scheduling).
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|p| p.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Collect {
    fn put(&self, path: String, bytes: Vec<u8>) {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(OutputFile { path, bytes });
    }
}

/// What the pages and generated files are made from: the site loaded,
/// checked and derived, and the articles with their shortcodes expanded.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub config: &'a Config,
    pub site: &'a Site,
    pub content: &'a Content,
    pub bodies: &'a Bodies,
    /// The site's `static/` files: rendering only looks for a favicon.
    pub assets: &'a [crate::input::SiteFile],
}

/// Renders every page of the site.
pub fn render(
    root: &Path,
    config: &Config,
    site: &Site,
    content: &Content,
    diagnostics: &mut Diagnostics,
) -> Vec<OutputFile> {
    let Some(templates) = Templates::load(root, diagnostics) else {
        return Vec::new();
    };
    let bodies = expand_bodies(root, config, site, content, diagnostics);
    let files = Collect::default();
    let input = Input {
        config,
        site,
        content,
        bodies: &bodies,
        assets: &[],
    };
    render_all(&templates, input, &files, diagnostics);
    files.into_files()
}

/// Renders every page and every generated file from loaded templates and
/// `input` into `sink`; returns the time each template took and the share
/// cards the pages name, still to be drawn ([`cards::Cards::render`]).
pub fn render_all(
    templates: &Templates,
    input: Input,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> (TemplateTimes, cards::Cards) {
    put_assets(sink);
    let env = pages::Env::new(input);
    let list = env.pages();
    env.plan(&list);
    let mut sitemap: Vec<String> = Vec::new();
    // The pages, the open data and the article feeds do not depend on each
    // other: make them side by side.
    let times = TemplateTimes::default();
    let (problems, ()) = rayon::join(
        || {
            let mut problems = Diagnostics::default();
            render_pages(
                templates,
                &env,
                &list,
                sink,
                &times,
                Some(&mut sitemap),
                &mut problems,
            );
            problems
        },
        || {
            rayon::join(
                || open_data::files(input.config, input.site, sink),
                || {
                    article_feeds(input, &env.urls, sink);
                },
            );
        },
    );
    diagnostics.extend(problems);
    put_crawler_files(input.config, &sitemap, sink);
    (times, env.into_cards())
}

/// The output paths of the built-in assets.
pub fn asset_paths() -> impl Iterator<Item = &'static str> {
    DEFAULT_ASSETS.iter().map(|(path, _)| *path)
}

/// The built-in assets (CSS and scripts), into `sink`.
fn put_assets(sink: &dyn Sink) {
    for (path, text) in DEFAULT_ASSETS {
        sink.put((*path).to_owned(), text.as_bytes().to_vec());
    }
}

/// The sitemap of the folders in `sitemap`, and `robots.txt`, into `sink`.
fn put_crawler_files(config: &Config, sitemap: &[String], sink: &dyn Sink) {
    sink.put(
        feeds::SITEMAP_PATH.to_owned(),
        feeds::sitemap(config, sitemap).into_bytes(),
    );
    sink.put("robots.txt".to_owned(), feeds::robots(config).into_bytes());
}

/// One page and the context its template is given: the template API (the
/// views of [`views`]) as plain data, for the tests that snapshot it and
/// for anyone who wants to see what a template can use.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PageContext {
    /// The page's file, site-relative (`xep-hang/2023/so-ban-nganh/index.html`).
    pub path: String,
    /// The template it is rendered with (`ranking.html`).
    pub template: &'static str,
    /// Every variable the template sees, by name: `site`, `page` and the
    /// page kind's own.
    pub context: serde_json::Map<String, serde_json::Value>,
}

/// The context of every page `keep` selects (given a page's path and
/// template), in the order pages are listed. Makes the same values as
/// rendering does, one page at a time; renders nothing.
pub fn page_contexts(input: Input, keep: impl Fn(&str, &str) -> bool) -> Vec<PageContext> {
    let env = pages::Env::new(input);
    let json = |value: &tera::Value| serde_json::to_value(value).unwrap_or_default();
    let site = env.site_value().map(json).unwrap_or_default();
    env.pages()
        .iter()
        .filter_map(|page| {
            let path = format!("{}{}", env.path(page), env.file(page));
            let template = env.template(page);
            if !keep(&path, template) {
                return None;
            }
            let own = env.own(page);
            let mut context = serde_json::Map::new();
            context.insert("site".to_owned(), site.clone());
            context.insert("page".to_owned(), json(&own.page));
            if let Some(map) = own.view.into_map() {
                for (key, value) in map {
                    context.insert(key.to_string(), json(&value));
                }
            }
            Some(PageContext {
                path,
                template,
                context,
            })
        })
        .collect()
}

/// Per template: pages rendered, the time spent making their contexts and
/// rendering them (summed over threads), and the bytes made; printed by
/// `chiso build --timings`.
#[derive(Debug, Default)]
pub struct TemplateTimes(std::sync::Mutex<BTreeMap<&'static str, TemplateTime>>);

#[derive(Debug, Default, Clone, Copy)]
pub struct TemplateTime {
    pub pages: usize,
    pub context: Duration,
    pub render: Duration,
    pub bytes: usize,
}

impl TemplateTimes {
    fn add(&self, template: &'static str, context: Duration, render: Duration, bytes: usize) {
        let mut times = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let t = times.entry(template).or_default();
        t.pages += 1;
        t.context += context;
        t.render += render;
        t.bytes += bytes;
    }

    /// A little more than the average size of the template's pages so far.
    fn typical_size(&self, template: &'static str) -> usize {
        let times = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let average = times.get(template).map_or(0, |t| t.bytes / t.pages.max(1));
        (average + average / 8).max(4096)
    }

    /// The templates, the costliest first.
    pub fn list(self) -> Vec<(&'static str, TemplateTime)> {
        let times = self.0.into_inner().unwrap_or_else(|p| p.into_inner());
        let mut list: Vec<_> = times.into_iter().collect();
        list.sort_by_key(|(name, t)| (std::cmp::Reverse(t.context + t.render), *name));
        list
    }
}

/// Re-renders the pages of some articles whose bodies alone changed (see
/// [`article_feeds_again`] for what else reads the bodies).
pub fn render_article_pages(
    templates: &Templates,
    input: Input,
    articles: &[usize],
    diagnostics: &mut Diagnostics,
) -> Vec<OutputFile> {
    let env = pages::Env::new(input);
    let list: Vec<pages::Page> = articles.iter().map(|&a| pages::Page::Article(a)).collect();
    let collected = Collect::default();
    let times = TemplateTimes::default();
    render_pages(
        templates,
        &env,
        &list,
        &collected,
        &times,
        None,
        diagnostics,
    );
    collected.into_files()
}

/// The feed and the search index again after the bodies of some articles
/// changed, nothing else: their search entries (from [`search_entries`])
/// are made again.
pub fn article_feeds_again(
    input: Input,
    articles: &[usize],
    entries: &mut [std::sync::Arc<search::Entry>],
) -> Vec<OutputFile> {
    let Input {
        config,
        content,
        bodies,
        ..
    } = input;
    let urls = urls::Urls::for_site(config);
    let mut files = Vec::new();
    let first_article = entries.len().saturating_sub(content.articles.len());
    for &a in articles {
        if let Some(entry) = entries.get_mut(first_article + a) {
            let made = search::article_entry(&content.articles[a], &bodies.articles[a], &urls);
            *entry = std::sync::Arc::new(made);
        }
    }
    for (path, bytes) in search::files(entries) {
        files.push(OutputFile { path, bytes });
    }
    let feed = feeds::atom(config, &feed_items(config, content, bodies)).into_bytes();
    files.push(OutputFile {
        path: feeds::ATOM_PATH.to_owned(),
        bytes: feed,
    });
    files
}

/// The open-data downloads of every table and index (for `serve`, after
/// an edit of the data or the configuration).
pub fn open_data_files(config: &Config, site: &Site, sink: &dyn Sink) {
    open_data::files(config, site, sink);
}

/// One table's open-data downloads (for `serve`, after an edit that
/// changed some tables only).
pub fn open_data_table(
    config: &Config,
    site: &Site,
    table: crate::model::TableId,
    sink: &dyn Sink,
) {
    open_data::table_files(config, site, table, sink);
}

/// The data package and the schemas it names, as [`open_data_files`]
/// writes them (for `serve`, which makes the whole-site downloads apart).
pub fn open_data_package(config: &Config, site: &Site, sink: &dyn Sink) {
    let schemes = open_data::Schemes::of(site);
    let license = open_data::License::of(config);
    for (path, value) in open_data::datapackage(config, site, &schemes, &license) {
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        sink.put(path, text.into_bytes());
    }
}

/// The paths of the whole-site downloads [`open_data_files`] writes (every
/// table in one file, in each format): none when the site has no table.
pub fn all_tables_paths(site: &Site) -> Vec<String> {
    if site.tables.as_slice().is_empty() {
        return Vec::new();
    }
    let dialects = [open_data::Dialect::Standard, open_data::Dialect::Excel];
    dialects
        .into_iter()
        .map(open_data::dialect_ext)
        .chain([".json"])
        .map(urls::all_tables_path)
        .collect()
}

/// The Atom feed and the search index (for `serve`, after an edit they may
/// depend on: the articles, the data or the configuration); returns the
/// search entries, which an article edit updates ([`article_feeds_again`]).
pub fn feed_files(input: Input, sink: &dyn Sink) -> Vec<search::Entry> {
    let urls = urls::Urls::for_site(input.config);
    article_feeds(input, &urls, sink)
}

/// The Atom feed alone (for `serve`, which updates the search index apart).
pub fn atom_file(input: Input, sink: &dyn Sink) {
    let feed = feed_items(input.config, input.content, input.bodies);
    sink.put(
        feeds::ATOM_PATH.to_owned(),
        feeds::atom(input.config, &feed).into_bytes(),
    );
}

/// The search entries of the whole site, kept by `serve` between edits.
pub fn search_entries(
    config: &Config,
    site: &Site,
    content: &Content,
    bodies: &Bodies,
) -> Vec<search::Entry> {
    let urls = urls::Urls::for_site(config);
    search::entries(site, content, &bodies.articles, &urls)
}

/// The articles the feed carries, with their paths and bodies.
fn feed_items<'c>(
    config: &Config,
    content: &'c Content,
    bodies: &'c Bodies,
) -> Vec<(&'c crate::content::Article, String, &'c str)> {
    content
        .articles
        .iter()
        .zip(&bodies.articles)
        .take(config.feed_limit)
        .map(|(a, e)| (a, urls::article_path(&a.slug), &*e.html))
        .collect()
}

/// Files made from every article's body: the Atom feed and the search
/// index, whose entries are returned.
fn article_feeds(input: Input, urls: &urls::Urls, sink: &dyn Sink) -> Vec<search::Entry> {
    let Input {
        config,
        site,
        content,
        bodies,
        ..
    } = input;
    let entries = search::entries(site, content, &bodies.articles, urls);
    for (path, bytes) in search::files(&entries) {
        sink.put(path, bytes);
    }
    let feed = feed_items(config, content, bodies);
    sink.put(
        feeds::ATOM_PATH.to_owned(),
        feeds::atom(config, &feed).into_bytes(),
    );
    entries
}

/// A page to render: its place in the list, the page, its output path.
type Job<'p> = (usize, &'p pages::Page, String);

/// The jobs in batches, each made one after the other on one thread: a
/// group's ranking pages and then its units' pages (in list order, rankings
/// come first, in runs of a few pages), so that the lines they share are
/// held for a short while (see `Env::batch`); every other page is a batch
/// of its own.
fn batches<'p>(env: &pages::Env, jobs: Vec<Job<'p>>) -> Vec<Vec<Job<'p>>> {
    let mut batches = Vec::new();
    let mut groups: BTreeMap<crate::model::GroupId, Vec<Job>> = BTreeMap::new();
    for job in jobs {
        match env.batch(job.1) {
            Some(group) => groups.entry(group).or_default().push(job),
            None => batches.push(vec![job]),
        }
    }
    // A group's pages in runs of 16: a province has a few groups of a
    // hundred pages, and the last group, made alone on one thread, kept the
    // other idle for 20 ms of its 90 ms of rendering. Runs of one group
    // taken by both threads share its lines as one batch would.
    for group in groups.into_values() {
        let mut group = group.into_iter().peekable();
        while group.peek().is_some() {
            batches.push(group.by_ref().take(16).collect());
        }
    }
    batches
}

/// Renders `list` in parallel, one context at a time, into `sink`. Reports
/// two pages at one URL (before rendering either) and template errors (each
/// once, in list order); fills `sitemap` if given.
fn render_pages(
    templates: &Templates,
    env: &pages::Env,
    list: &[pages::Page],
    sink: &dyn Sink,
    times: &TemplateTimes,
    sitemap: Option<&mut Vec<String>>,
    diagnostics: &mut Diagnostics,
) {
    render_pages_reusing(
        templates,
        env,
        list,
        sink,
        times,
        sitemap,
        None,
        diagnostics,
    );
}

/// [`render_pages`], skipping the pages `reuse` finds unchanged (their
/// contexts are still made, and fingerprinted).
#[allow(clippy::too_many_arguments)]
fn render_pages_reusing<'p>(
    templates: &Templates,
    env: &pages::Env,
    list: &'p [pages::Page],
    sink: &dyn Sink,
    times: &TemplateTimes,
    mut sitemap: Option<&mut Vec<String>>,
    reuse: Option<&reuse::Reuse>,
    diagnostics: &mut Diagnostics,
) {
    let mut seen: BTreeMap<String, &'p pages::Page> = BTreeMap::new();
    let mut jobs: Vec<Job<'p>> = Vec::with_capacity(list.len());
    for page in list {
        let folder = env.path(page);
        let file = env.file(page);
        let path = format!("{folder}{file}");
        if let Some(first) = seen.get(&path) {
            let d = Diagnostic::error(msg::same_url(
                &folder,
                &env.describe(first),
                &env.describe(page),
            ))
            .with_hint(msg::hint_different_slug());
            // At the `slug` that sent a page there, when one did; else at
            // the second page's file.
            let cause = [page, *first]
                .into_iter()
                .find(|p| env.slug_at(p).is_some())
                .unwrap_or(page);
            diagnostics.push(env.point_at(cause, d));
            continue;
        }
        seen.insert(path.clone(), page);
        if file == "index.html" {
            if let Some(sitemap) = sitemap.as_deref_mut() {
                sitemap.push(folder);
            }
        }
        jobs.push((jobs.len(), page, path));
    }
    let render = |(i, page, path): Job<'p>| {
        let started = Instant::now();
        if reuse.is_some_and(|r| r.untouched(page, &path, env.template(page))) {
            return None;
        }
        let context = match reuse {
            Some(reuse) if reuse.unprinted(page, &path) => env.context(page),
            Some(reuse) => {
                let (context, print) = env.context_printed(page);
                if reuse.unchanged(&path, env.template(page), print) {
                    return None;
                }
                context
            }
            None => env.context(page),
        };
        let made = started.elapsed();
        // Rendered into bytes: Tera's `render` would check the whole page
        // is UTF-8 again (it is: every piece written is a `str`), and grow
        // its buffer from 2 KB; pages of a template have similar sizes.
        let mut html = Vec::with_capacity(times.typical_size(env.template(page)));
        let rendered = templates
            .tera
            .render_to(env.template(page), &context, &mut html);
        times.add(
            env.template(page),
            made,
            started.elapsed() - made,
            html.len(),
        );
        match rendered {
            Ok(()) => {
                sink.put(path, html);
                None
            }
            Err(e) => Some((i, page, e)),
        }
    };
    // The pages wanted first, each alone, and then the rest.
    let first = reuse.and_then(|r| r.first);
    let (wanted, jobs): (Vec<Job>, Vec<Job>) = match first {
        Some(first) => jobs
            .into_iter()
            .partition(|(_, _, path)| first.paths.contains(path)),
        None => (Vec::new(), jobs),
    };
    let wanted_paths: Vec<String> = wanted.iter().map(|(_, _, path)| path.clone()).collect();
    let mut failures: Vec<(usize, &pages::Page, tera::Error)> =
        wanted.into_par_iter().filter_map(render).collect();
    if let Some(first) = first.filter(|_| failures.is_empty() && !diagnostics.has_errors()) {
        (first.done)(&wanted_paths);
    }
    // Batches differ in cost a hundredfold: each is a task of its own, so
    // that an idle thread can always take one.
    failures.extend(
        batches(env, jobs)
            .into_par_iter()
            .with_max_len(1)
            .flat_map_iter(|batch| batch.into_iter().filter_map(render))
            .collect::<Vec<_>>(),
    );
    failures.sort_by_key(|(i, _, _)| *i);
    let mut reported = std::collections::BTreeSet::new();
    for (_, page, e) in failures {
        // One broken template breaks every page using it: say it once.
        let d = template_error(
            &templates.sources,
            env.template(page),
            &env.describe(page),
            &e,
        );
        if reported.insert((d.file.clone(), d.location, d.snippet.clone())) {
            diagnostics.push(d);
        }
    }
}

/// Parses the templates only, reporting syntax errors: run when the data has
/// errors, so that one run still reports every problem it can.
pub fn check_templates(root: &Path, diagnostics: &mut Diagnostics) {
    load_templates(root, diagnostics);
}

/// The home text and each article (in article order) with shortcodes
/// expanded. A bad shortcode is an error on the file (its body is kept).
pub fn expand_bodies(
    root: &Path,
    config: &Config,
    site: &Site,
    content: &Content,
    diagnostics: &mut Diagnostics,
) -> Bodies {
    let urls = urls::Urls::for_site(config);
    let env = shortcodes::Env { site, urls: &urls };
    let home = content.home.as_ref().map(|a| expand_with(&env, root, a));
    let articles: Vec<_> = content
        .articles
        .par_iter()
        .map(|a| expand_with(&env, root, a))
        .collect();
    let mut report = |(expanded, problems): (shortcodes::Expanded, Vec<Diagnostic>)| {
        for problem in problems {
            diagnostics.push(problem);
        }
        expanded
    };
    Bodies {
        home: home.map(&mut report),
        articles: articles.into_iter().map(&mut report).collect(),
    }
}

/// One article's body with its shortcodes expanded (for `serve`, after an
/// edit of that article alone).
pub fn expand_article(
    root: &Path,
    config: &Config,
    site: &Site,
    article: &crate::content::Article,
    diagnostics: &mut Diagnostics,
) -> shortcodes::Expanded {
    let urls = urls::Urls::for_site(config);
    let env = shortcodes::Env { site, urls: &urls };
    let (expanded, problems) = expand_with(&env, root, article);
    for problem in problems {
        diagnostics.push(problem);
    }
    expanded
}

/// Expands an article's shortcodes; each bad one is an error at its line
/// and column, and the body is kept as it is. The article's text (not
/// kept after loading) is read again to locate them, only then.
fn expand_with(
    env: &shortcodes::Env,
    root: &Path,
    article: &crate::content::Article,
) -> (shortcodes::Expanded, Vec<Diagnostic>) {
    let bad = match shortcodes::expand_shared(&article.html, env) {
        Ok(expanded) => return (expanded, Vec::new()),
        Err(bad) => bad,
    };
    let source = read_text(&root.join(&article.file), &article.file).unwrap_or_default();
    let at = shortcodes::locate_calls(&source, &bad);
    // In increasing order: one pass over the text for thousands of calls.
    let lines = crate::diagnostic::Lines::new(&source);
    let mut cursor = lines.cursor();
    let problems = bad
        .iter()
        .zip(at)
        .map(|(b, at)| {
            let d = Diagnostic::error(msg::bad_shortcode(&b.message))
                .in_file(&article.file)
                .with_hint(msg::hint_shortcode());
            match at {
                Some(offset) => {
                    let (location, snippet) = cursor.point(offset);
                    d.at_point(location, snippet)
                }
                None => d,
            }
        })
        .collect();
    let kept = shortcodes::Expanded {
        html: article.html.clone(),
        illustrative: false,
    };
    (kept, problems)
}

/// Template sources by name, remembering which come from the site.
type Sources = BTreeMap<String, (String, bool)>;

/// Warns of each template of the site's that chiso never reads: it
/// replaces no built-in one and no template names it (`footer.html` for
/// `partials/footer.html`, `Base.html` for `base.html`), so an edit to it
/// changes nothing; and of each that replaces a built-in one with nothing.
fn warn_unused_templates(sources: &Sources, diagnostics: &mut Diagnostics) {
    let named = |name: &str| {
        sources.iter().any(|(other, (text, _))| {
            other != name
                && (text.contains(&format!("\"{name}\"")) || text.contains(&format!("'{name}'")))
        })
    };
    for (name, (text, own)) in sources {
        // An empty replacement of a built-in template (a file emptied to
        // start again, a save gone wrong) publishes its pages empty.
        if *own && text.trim().is_empty() && default_template(name).is_some() {
            diagnostics.push(
                Diagnostic::warning(msg::template_empty(name))
                    .with_hint(msg::hint_template_empty(name))
                    .in_file(format!("{TEMPLATES_DIR}/{name}")),
            );
        }
        if !own || default_template(name).is_some() || named(name) {
            continue;
        }
        // The built-in template it was probably meant to replace: the same
        // name in another letter case, or in another folder.
        let file_name = |n: &str| n.rsplit('/').next().unwrap_or(n).to_lowercase();
        let meant = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, _)| *n)
            .find(|n| n.eq_ignore_ascii_case(name))
            .or_else(|| {
                DEFAULT_TEMPLATES
                    .iter()
                    .map(|(n, _)| *n)
                    .find(|n| file_name(n) == file_name(name))
            });
        let hint = match meant {
            Some(meant) => msg::hint_template_meant(meant),
            None => msg::hint_template_names(),
        };
        diagnostics.push(
            Diagnostic::warning(msg::template_unused(name))
                .with_hint(hint)
                .in_file(format!("{TEMPLATES_DIR}/{name}")),
        );
    }
}

/// Loads built-in templates, then the site's own over them.
fn load_templates(root: &Path, diagnostics: &mut Diagnostics) -> Option<(Tera, Sources)> {
    let mut sources: Sources = DEFAULT_TEMPLATES
        .iter()
        .map(|(name, text)| ((*name).to_owned(), ((*text).to_owned(), false)))
        .collect();
    for file in source_files(root, TEMPLATES_DIR, diagnostics) {
        let name = file
            .relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        match read_text(&file.path, &file.shown) {
            Ok(text) => {
                sources.insert(name, (text, true));
            }
            Err(d) => diagnostics.push(d),
        }
    }
    warn_unused_templates(&sources, diagnostics);
    let missing = template_blocks::missing_parent_blocks(&sources);
    if !missing.is_empty() {
        for d in missing {
            diagnostics.push(d);
        }
        return None;
    }
    let mut tera = Tera::default();
    tera.set_escape_fn(escape::escape_to);
    filters::register(&mut tera);
    // Tera stops at the first template with an error. So that one run
    // tells every editor's template that has one, each found is put aside
    // (its default in its place, or nothing for a template of the site's
    // own, so that what includes it still resolves) and the rest tried
    // again; an error in a template not the editor's ends the search.
    let mut put_aside = BTreeSet::new();
    loop {
        let raw = sources.iter().map(|(name, (text, _))| {
            let text = match put_aside.contains(name.as_str()) {
                true => default_template(name).unwrap_or(""),
                false => text.as_str(),
            };
            (name.as_str(), text)
        });
        let Err(e) = tera.add_raw_templates(raw) else {
            break;
        };
        if let ErrorKind::Msg(text) = e.kind() {
            // Names used and not defined, in every template at once.
            if let Some(errors) = reference_errors(&sources, text) {
                for d in errors {
                    diagnostics.push(d);
                }
                return None;
            }
        }
        diagnostics.push(template_error(&sources, "", "the templates", &e));
        let in_template = match e.kind() {
            ErrorKind::SyntaxError(report) => Some(report.filename()),
            ErrorKind::MissingParent { current, .. } => Some(current.as_str()),
            ErrorKind::CircularInclude { include_chain, .. } => include_chain
                .iter()
                .rev()
                .find(|name| sources.get(*name).is_some_and(|(_, own)| *own))
                .map(String::as_str),
            ErrorKind::CircularExtend {
                inheritance_chain, ..
            } => inheritance_chain
                .iter()
                .rev()
                .find(|name| sources.get(*name).is_some_and(|(_, own)| *own))
                .map(String::as_str),
            _ => None,
        };
        let editors = in_template.filter(|name| sources.get(*name).is_some_and(|(_, own)| *own));
        if !editors.is_some_and(|name| put_aside.insert(name.to_owned())) {
            return None;
        }
    }
    put_aside.is_empty().then_some((tera, sources))
}

/// chiso's own text of the template `name`, if it has one.
fn default_template(name: &str) -> Option<&'static str> {
    DEFAULT_TEMPLATES
        .iter()
        .find(|(default, _)| *default == name)
        .map(|(_, text)| *text)
}

/// A Tera error as a diagnostic, pointing at the template, line and column
/// Tera reports (the included template's, when the error is in one).
fn template_error(
    sources: &Sources,
    template: &str,
    page: &str,
    error: &tera::Error,
) -> Diagnostic {
    let (report, syntax) = match error.kind() {
        ErrorKind::SyntaxError(report) => (report, true),
        ErrorKind::RenderingError(report) => (report, false),
        ErrorKind::CircularInclude { include_chain, .. } => {
            return template_loop(sources, include_chain, "include");
        }
        ErrorKind::CircularExtend {
            inheritance_chain, ..
        } => return template_loop(sources, inheritance_chain, "extends"),
        ErrorKind::MissingParent { current, parent } => {
            let d = Diagnostic::error(msg::template_parent_missing(parent))
                .with_hint(msg::hint_template_parent_missing());
            return at_name(in_template(d, sources, current), sources, current, parent);
        }
        _ => {
            let message = msg::parser_words(&lower_first(&error.to_string()));
            let d = Diagnostic::error(msg::template_failed(page, &message))
                .with_hint(msg::hint_template());
            return in_template(d, sources, template);
        }
    };
    // "Variable `x` is not defined. Available variables: a, b": the list
    // goes into the hint.
    let (message, available) = match report.message().split_once(". Available ") {
        Some((message, list)) => (message, Some(list)),
        None => (report.message(), None),
    };
    // Our messages start in lower case, after "error: ".
    let message = msg::parser_words(&lower_first(message));
    let message = message.as_str();
    let name = match report.filename() {
        "" => template,
        name => name,
    };
    let text = sources.get(name).map(|(text, _)| text.as_str());
    let d = if syntax {
        // What the template's own tags tell of the cause, where Tera's
        // message does not: the tag left open, a Tera 1 tag.
        let at = report.span().range.start;
        let hint = match text {
            Some(text)
                if report
                    .message()
                    .eq_ignore_ascii_case("unexpected end of input") =>
            {
                template_blocks::unclosed_tag(text)
                    .map(|(tag, line)| msg::hint_template_unclosed(tag, line))
            }
            Some(text) if report.message().eq_ignore_ascii_case("unknown tag") => {
                template_blocks::tera1_tag(text, at)
                    .map(msg::hint_template_tera1)
                    .or_else(|| {
                        // `{% endblock %}` with an `{% if %}` inside left
                        // open: Tera knows no such tag there.
                        template_blocks::open_at_end_tag(text, at)
                            .map(|(tag, line)| msg::hint_template_unclosed(tag, line))
                    })
            }
            Some(text) => template_blocks::tera1_syntax(text, at).map(|found| match found {
                template_blocks::Tera1Syntax::ListIndex { list, index } => {
                    msg::hint_template_list_index(list, index)
                }
                template_blocks::Tera1Syntax::MacroCall => msg::hint_template_tera1_call(),
            }),
            _ => None,
        };
        Diagnostic::error(msg::template_syntax(message))
            .with_hint(hint.unwrap_or_else(msg::hint_template_syntax))
    } else {
        let hint = match available.and_then(|list| list.split_once(": ")) {
            Some(("variables", names)) => msg::hint_template_variables(names),
            Some(("fields", names)) => msg::hint_template_fields(names),
            _ => msg::hint_template(),
        };
        Diagnostic::error(msg::template_failed(page, message)).with_hint(hint)
    };
    let d = in_template(d, sources, name);
    match text {
        Some(text) => d.at_offset(text, report.span().range.start),
        None => d,
    }
}

/// Tera's report of the names templates use that nothing defines (filters,
/// tests, functions, components, included templates, blocks), every
/// template's at once, as one error per use at its template, line and
/// column. Tera gives them as one message of reports separated by blank
/// lines (`error: Unknown filter `x`` then ` --> a.html:6:28` and the
/// quoted line); `None` when the message is not such a list, which is then
/// told as Tera wrote it.
fn reference_errors(sources: &Sources, text: &str) -> Option<Vec<Diagnostic>> {
    let mut missing_built_ins = BTreeSet::new();
    let mut errors = Vec::new();
    for report in text.split("\n\n") {
        let mut lines = report.lines();
        let message = lines.next()?.strip_prefix("error: ")?;
        let place = lines.next()?.trim_start().strip_prefix("--> ")?;
        let mut parts = place.rsplitn(3, ':');
        let column: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        let name = parts.next()?;
        let d = in_template(reference_error(message)?, sources, name);
        if let Some(component) = built_in_component_gone(sources, message, name) {
            missing_built_ins.insert(component);
            continue;
        }
        errors.push(match sources.get(name) {
            Some((text, _)) => d.at_line(text, line, column),
            None => d,
        });
    }
    if !missing_built_ins.is_empty() {
        let names: Vec<String> = missing_built_ins.iter().map(|c| format!("`{c}`")).collect();
        let d = Diagnostic::error(msg::template_components_replaced(&names.join(", ")))
            .with_hint(msg::hint_template_components_replaced());
        errors.insert(0, in_template(d, sources, COMPONENTS));
    }
    Some(errors)
}

/// The template chiso's components are defined in.
const COMPONENTS: &str = "components.html";

/// The component a built-in template calls that the site's own
/// `components.html`, replacing chiso's, does not define, when Tera's
/// `message` at template `name` is that.
fn built_in_component_gone<'m>(sources: &Sources, message: &'m str, name: &str) -> Option<&'m str> {
    let component = message
        .strip_prefix("Unknown component `")?
        .strip_suffix('`')?;
    let built_in_caller = sources.get(name).is_some_and(|(_, own)| !own);
    let replaced = sources.get(COMPONENTS).is_some_and(|(_, own)| *own);
    let defined_by_chiso =
        default_template(COMPONENTS)?.contains(&format!("{{% component {component}("));
    (built_in_caller && replaced && defined_by_chiso).then_some(component)
}

/// One of Tera's reference errors in the editor's words.
fn reference_error(message: &str) -> Option<Diagnostic> {
    let named = |prefix: &str| message.strip_prefix(prefix)?.strip_suffix('`');
    let (text, hint) = if let Some(name) = named("Unknown filter `") {
        let hint = msg::hint_template_unknown_filter();
        (msg::template_unknown_filter(name), hint)
    } else if let Some(name) = named("Unknown test `") {
        (
            msg::template_unknown_test(name),
            msg::hint_template_tera_names(),
        )
    } else if let Some(name) = named("Unknown function `") {
        let hint = msg::hint_template_tera_names();
        (msg::template_unknown_function(name), hint)
    } else if let Some(name) = named("Unknown component `") {
        let hint = msg::hint_template_unknown_component();
        (msg::template_unknown_component(name), hint)
    } else if let Some(name) = named("Unknown template `") {
        let hint = msg::hint_template_unknown_include();
        (msg::template_unknown_include(name), hint)
    } else {
        let block = message
            .strip_prefix("Block `")?
            .strip_suffix("` is not defined in any parent template")?;
        let hint = msg::hint_template_block_not_in_parent();
        (msg::template_block_not_in_parent(block), hint)
    };
    Some(Diagnostic::error(text).with_hint(hint))
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `d` in the file of template `name`: the site's own, or a built-in one.
/// Templates that include or extend each other in a loop (`chain`, from
/// the template that starts it back to it), as one error at the tag that
/// closes the loop: `tag` (`include`, `extends`) of the last template.
fn template_loop(sources: &Sources, chain: &[String], tag: &str) -> Diagnostic {
    let named: Vec<String> = chain.iter().map(|name| format!("`{name}`")).collect();
    let d = Diagnostic::error(msg::template_loop(tag, &named.join(" → ")))
        .with_hint(msg::hint_template_loop(tag));
    match chain {
        [.., from, to] => at_name(in_template(d, sources, from), sources, from, to),
        _ => d,
    }
}

/// `d` at the first place template `name`'s text names `other` in quotes
/// (its `{% include %}` or `{% extends %}`), where there is one.
fn at_name(d: Diagnostic, sources: &Sources, name: &str, other: &str) -> Diagnostic {
    let Some((text, _)) = sources.get(name) else {
        return d;
    };
    let at = [format!("\"{other}\""), format!("'{other}'")]
        .iter()
        .filter_map(|quoted| text.find(quoted.as_str()))
        .min();
    match at {
        Some(at) => d.at_offset(text, at),
        None => d,
    }
}

fn in_template(d: Diagnostic, sources: &Sources, name: &str) -> Diagnostic {
    match sources.get(name) {
        Some((_, true)) => d.in_file(format!("{TEMPLATES_DIR}/{name}")),
        Some((_, false)) => d.in_file(msg::built_in_template(name)),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// README lists every built-in template a site may replace.
    #[test]
    fn readme_names_every_built_in_template() {
        let readme = include_str!("../../README.md");
        let missing: Vec<&str> = DEFAULT_TEMPLATES
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| !readme.contains(&format!("`{name}`")))
            .collect();
        assert!(missing.is_empty(), "README lacks {missing:?}");
    }

    #[test]
    fn tera_s_reference_reports_are_read_and_other_messages_left_as_written() {
        let sources: Sources = [(
            "a.html".to_owned(),
            ("<p>Ủy {{ x | f }}</p>".to_owned(), true),
        )]
        .into_iter()
        .collect();
        let report = "error: Unknown filter `f`\n --> a.html:1:13\n  |\n1 | <p>Ủy {{ x | f }}</p>\n  |             ^";
        let errors = reference_errors(&sources, report).unwrap();
        assert_eq!(errors.len(), 1);
        let d = &errors[0];
        assert_eq!(d.location.map(|l| (l.line, l.column)), Some((1, 13)));
        assert_eq!(d.file.as_deref(), Some(Path::new("templates/a.html")));
        // Two reports, one of a kind not known: told as Tera wrote them.
        let other = format!("{report}\n\nerror: Something new `g`\n --> a.html:1:1");
        assert!(reference_errors(&sources, &other).is_none());
        assert!(reference_errors(&sources, "Template 'x' not found").is_none());
    }
}
