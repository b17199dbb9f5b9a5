//! A build kept in memory between edits, for `chiso serve`. The first
//! build does everything; after an edit, a change to the body of existing
//! articles alone (their front matter as it was) re-renders only what
//! depends on those bodies (their pages, the feed and the search index),
//! and every other edit goes through the staged rebuild (`staged`), which
//! redoes each stage only for what the edit touched. The whole-site
//! downloads are made only when asked for ([`Later`]). The pages open in a
//! browser can be rendered first and handed to the server before the rest
//! ([`Early`]).

mod content_edit;
mod downloads;
mod feeds;
mod link_check;
mod model_edit;
mod staged;

pub use downloads::Later;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::{self, CONTENT_DIR};
use crate::diagnostic::Diagnostics;
use crate::render;
use crate::{links, BuildOptions, Timings};

/// The files of a built site by output path (`/` separators, no leading
/// `/`). Contents are shared, so handing the map to the server copies no
/// page.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// What a (re)build produced.
#[derive(Debug)]
pub struct Outcome {
    /// The whole site as it is now, but the whole-site downloads.
    pub files: Arc<Files>,
    /// The whole-site downloads, made when first asked for.
    pub later: Later,
    /// Pages rendered by this (re)build.
    pub pages: usize,
    /// Pages the site has.
    pub total_pages: usize,
    /// Whether something of the last build was reused: stages whose input
    /// did not change, or pages whose context and templates did not.
    pub partial: bool,
    pub elapsed: Duration,
    pub warnings: Diagnostics,
    pub timings: Timings,
}

/// What `chiso serve` wants before a rebuild ends: the pages open in a
/// browser, rendered before all others, and what to call with the site as
/// soon as they are (the other pages, the open data and the feeds are
/// still being made). The rebuild can still fail after that: the server
/// then goes back to the last good site.
pub struct Early<'a> {
    /// The output paths of the pages wanted first (`don-vi/x/index.html`).
    pub pages: HashSet<String>,
    /// The one file edited, whose page open pages go to (see
    /// [`EarlySite::page_of_edit`]).
    pub edited: Option<&'a Path>,
    /// Called at most once, from any thread.
    pub publish: &'a (dyn Fn(EarlySite) + Sync),
}

/// The site while a rebuild goes on: the last good site (`base`) with the
/// pages wanted first as they are now (`fresh`, over it).
#[derive(Debug, Clone)]
pub struct EarlySite {
    pub base: Arc<Files>,
    pub fresh: Arc<Files>,
    /// The paths served as they will be when the rebuild ends: the pages
    /// wanted first, the built-in assets and the static files. Any other
    /// may still change.
    pub settled: Arc<HashSet<String>>,
    /// The page of [`Early::edited`] as the edit left it (an article whose
    /// slug changed, a table moved to another year, is somewhere else
    /// now); `None` when it has none.
    pub page_of_edit: Option<String>,
}

impl EarlySite {
    /// The file at `path` as shown.
    pub fn get(&self, path: &str) -> Option<&Arc<[u8]>> {
        self.fresh.get(path).or_else(|| self.base.get(path))
    }
}

/// A site built into memory, rebuilt after edits.
pub struct Session {
    options: BuildOptions,
    state: Option<State>,
    /// Files changed by edits whose rebuild failed: the next rebuild takes
    /// them as changed too (the last good build does not hold them).
    pending: Vec<PathBuf>,
}

struct State {
    built: staged::Built,
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            options,
            state: None,
            pending: Vec::new(),
        }
    }

    /// Builds the site after `changed` files (absolute, or relative to the
    /// site root; empty for the first build). On failure the last good site
    /// is kept and the diagnostics are returned.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Outcome, Diagnostics> {
        self.rebuild_showing(changed, None)
    }

    /// [`Session::rebuild`], rendering the pages `early` names before the
    /// others and handing the site to `early` as soon as they are (not
    /// for the first build).
    pub fn rebuild_showing(
        &mut self,
        changed: &[PathBuf],
        early: Option<&Early>,
    ) -> Result<Outcome, Diagnostics> {
        let started = Instant::now();
        let mut changed = changed.to_vec();
        let quick = self.pending.is_empty();
        changed.append(&mut self.pending);
        let outcome = match quick
            .then(|| self.try_articles(&changed, early, started))
            .flatten()
        {
            Some(outcome) => outcome,
            None => self.staged(&changed, early, started),
        };
        if outcome.is_err() {
            self.pending = changed;
        }
        outcome
    }

    /// Every stage whose input changed, and the pages whose context or
    /// templates changed ([`staged`]); a first build does all.
    fn staged(
        &mut self,
        changed: &[PathBuf],
        early: Option<&Early>,
        started: Instant,
    ) -> Result<Outcome, Diagnostics> {
        let last = self.state.as_ref().map(|s| &s.built);
        let partial = last.is_some();
        let done = staged::rebuild(&self.options, last, changed, early)?;
        let outcome = Outcome {
            files: Arc::clone(&done.built.files),
            later: done.built.later.clone(),
            pages: done.rendered,
            total_pages: done.pages,
            partial: partial && done.rendered < done.pages,
            elapsed: started.elapsed(),
            warnings: done.warnings,
            timings: done.timings,
        };
        self.state = Some(State { built: done.built });
        Ok(outcome)
    }

    /// The quick path: `None` when the change needs a full rebuild.
    fn try_articles(
        &mut self,
        changed: &[PathBuf],
        early: Option<&Early>,
        started: Instant,
    ) -> Option<Result<Outcome, Diagnostics>> {
        let root = &self.options.root;
        let state = self.state.as_mut()?;
        if changed.is_empty() {
            return None;
        }
        let p = &mut state.built;
        let markdown = content::Markdown::for_site(&p.config);
        // Every changed file must be an article we have, its front matter unchanged.
        let mut edits = Vec::new();
        for path in changed {
            let shown = relative_to(root, path)?;
            if !shown.starts_with(CONTENT_DIR) || shown.extension().is_none_or(|e| e != "md") {
                return None;
            }
            let index = p.content.articles.iter().position(|a| a.file == shown)?;
            // A deleted (or renamed) article takes its pages and links with
            // it: that is a full rebuild, not an error.
            if !root.join(&shown).is_file() {
                return None;
            }
            // An article with an error is left out of a build and the rest
            // checked (its links too, when it loads): the staged rebuild does that.
            let article = content::reload_article(root, &shown, &markdown)?;
            let before = &p.content.articles[index];
            if article.front != before.front || article.slug != before.slug {
                return None;
            }
            edits.push((index, article));
        }
        // What the last build said of every other file stands (the data,
        // the other articles, the home text); the edited articles' are
        // found again.
        let edited: Vec<&Path> = edits.iter().map(|(_, a)| a.file.as_path()).collect();
        let mut diagnostics = p.data_problems.clone();
        diagnostics.extend(p.content_problems.without_files(&edited));
        diagnostics.extend(p.home_problems.clone());
        diagnostics.extend(p.body_problems.without_files(&edited));
        for (_, article) in &edits {
            for d in &article.problems {
                diagnostics.push(d.clone());
            }
        }
        let mut expanded = Vec::new();
        for (index, article) in &edits {
            expanded.push((
                *index,
                render::expand_article(root, &p.config, &p.site, article, &mut diagnostics),
            ));
        }
        if diagnostics.has_errors() {
            return Some(Err(diagnostics));
        }
        let indices: Vec<usize> = edits.iter().map(|(i, _)| *i).collect();
        {
            let content = Arc::make_mut(&mut p.content);
            let bodies = Arc::make_mut(&mut p.bodies);
            for ((index, article), (_, body)) in edits.into_iter().zip(expanded) {
                // The staged rebuild takes this file as parsed now.
                let parsed = Arc::make_mut(&mut p.parsed);
                parsed.insert(article.file.clone(), Ok(Arc::new(article.clone())));
                content.articles[index] = article;
                bodies.articles[index] = body;
            }
        }
        let input = render::Input {
            config: &p.config,
            site: &p.site,
            content: &p.content,
            bodies: &p.bodies,
            assets: &p.assets,
        };
        let mut timings = Timings::default();
        let started_render = Instant::now();
        let rendered =
            render::render_article_pages(&p.templates, input, &indices, &mut diagnostics);
        let pages = rendered.len();
        let mut rendered_paths = Vec::with_capacity(rendered.len() + 3);
        let files = Arc::make_mut(&mut p.files);
        for file in rendered {
            // Its fingerprint is of the context before the edit: the next
            // staged rebuild renders the page again.
            p.prints.remove(&file.path);
            rendered_paths.push(file.path.clone());
            files.insert(file.path, Arc::from(file.bytes));
        }
        // Every other page is as it was: the pages open are shown now, and
        // the search index and the feed follow.
        if let Some(early) = early.filter(|_| !diagnostics.has_errors()) {
            let settled = early
                .pages
                .iter()
                .chain(&rendered_paths)
                .cloned()
                .chain(render::asset_paths().map(str::to_owned))
                .chain(p.assets.iter().map(|a| slash_path(&a.relative)))
                .collect();
            // The front matter is as it was: so is every page's place.
            let page_of_edit = early
                .edited
                .and_then(|f| page_of(root, &p.config, &p.site, &p.content, f));
            (early.publish)(EarlySite {
                base: Arc::clone(&p.files),
                fresh: Arc::default(),
                settled: Arc::new(settled),
                page_of_edit,
            });
        }
        let feeds = render::article_feeds_again(input, &indices, &mut p.entries);
        let files = Arc::make_mut(&mut p.files);
        for file in feeds {
            rendered_paths.push(file.path.clone());
            files.insert(file.path, Arc::from(file.bytes));
        }
        timings.stages.push(("render", started_render.elapsed()));
        timings.time("check links", || {
            // The edited articles' own links, and every link that leads to
            // a page rendered again (an anchor there may be gone), in the
            // order `chiso check` reports them.
            let changed = rendered_paths.iter().map(String::as_str).collect();
            let (home, mut sources) = links::linking_to(&p.content, &changed);
            sources.extend_from_slice(&indices);
            sources.sort_unstable();
            sources.dedup();
            let later: Vec<&str> = p.later.paths().collect();
            let files = p
                .files
                .iter()
                .map(|(k, v)| (k.as_str(), &v[..]))
                .chain(later.iter().map(|p| (*p, &[][..])));
            // The data's links too: an anchor they lead to may be gone.
            let data = [&p.footer_links[..], &p.data_links[..]].concat();
            let sources = links::Sources {
                home,
                articles: &sources,
                data: &data,
                waiting: &p.site.waiting,
            };
            links::check_some(
                &p.config,
                &p.content,
                sources,
                files,
                &p.assets,
                &mut diagnostics,
            )
        });
        if diagnostics.has_errors() {
            // The model holds the edit, but the served files are the last
            // good ones only if we rebuild next time: forget the state.
            self.state = None;
            return Some(Err(diagnostics));
        }
        let total_pages = p.prints.len() + pages;
        Some(Ok(Outcome {
            files: Arc::clone(&p.files),
            later: p.later.clone(),
            pages,
            total_pages,
            partial: true,
            elapsed: started.elapsed(),
            warnings: diagnostics,
            timings,
        }))
    }
}

/// `path` relative to the site root, if it is inside it.
fn relative_to(root: &Path, path: &Path) -> Option<PathBuf> {
    if path.is_relative() {
        return Some(path.to_path_buf());
    }
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let path = std::fs::canonicalize(path).ok()?;
    path.strip_prefix(&root).ok().map(Path::to_path_buf)
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl Session {
    /// The page an editor wants to see after editing `source` (absolute,
    /// or relative to the site root): an article's page, or the ranking
    /// page of a results table; `None` for other files (definitions,
    /// templates, the config), where the open page is simply reloaded.
    pub fn page_of_source(&self, source: &Path) -> Option<String> {
        let prepared = &self.state.as_ref()?.built;
        page_of(
            &self.options.root,
            &prepared.config,
            &prepared.site,
            &prepared.content,
            source,
        )
    }
}

/// The page of the file `source` in a site made of `config`, `site` and
/// `content` (see [`Session::page_of_source`]).
fn page_of(
    root: &Path,
    config: &crate::config::Config,
    site: &crate::model::Site,
    content: &content::Content,
    source: &Path,
) -> Option<String> {
    let shown = relative_to(root, source)?;
    let urls = render::urls::Urls::for_site(config);
    if let Some(article) = content.articles.iter().find(|a| a.file == shown) {
        return Some(urls.article(&article.slug));
    }
    let (t, _) = site
        .tables
        .iter_enumerated()
        .find(|(_, t)| t.file == shown)?;
    Some(urls.table(site, t))
}
