//! A build kept in memory between edits, for `chiso serve`. The first build
//! and any change to the configuration, data, templates or static files
//! rebuild everything; a change to the body of existing articles (their
//! front matter as it was) re-renders only what depends on those bodies:
//! their pages, the feed and the search index. That keeps a preview of a
//! national site with ten thousand articles quick while an editor types.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::{self, CONTENT_DIR};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages as msg;
use crate::render::{self, OutputFile};
use crate::{links, prepare, BuildOptions, Prepared, Timings};

/// The files of a built site by output path (`/` separators, no leading
/// `/`). Contents are shared, so handing the map to the server copies no
/// page.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// What a (re)build produced.
#[derive(Debug)]
pub struct Outcome {
    /// The whole site as it is now.
    pub files: Files,
    /// Pages rendered by this (re)build.
    pub pages: usize,
    /// Whether only the edited articles and what depends on them were
    /// rendered again.
    pub partial: bool,
    pub elapsed: Duration,
    pub warnings: Diagnostics,
    pub timings: Timings,
}

/// A site built into memory, rebuilt after edits.
pub struct Session {
    options: BuildOptions,
    state: Option<State>,
}

struct State {
    prepared: Prepared,
    files: Files,
    /// The search index's entries, updated in place after an article edit.
    entries: Vec<render::search::Entry>,
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            options,
            state: None,
        }
    }

    /// Builds the site after `changed` files (absolute, or relative to the
    /// site root; empty for the first build). On failure the last good site
    /// is kept and the diagnostics are returned.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Outcome, Diagnostics> {
        let started = Instant::now();
        if let Some(outcome) = self.try_articles(changed, started) {
            return outcome;
        }
        self.full(started)
    }

    fn full(&mut self, started: Instant) -> Result<Outcome, Diagnostics> {
        let mut prepared = prepare(&self.options)?;
        let pages = prepared
            .files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .count();
        let mut files: Files = std::mem::take(&mut prepared.files)
            .into_iter()
            .map(|f| (f.path, Arc::from(f.bytes)))
            .collect();
        for asset in &prepared.assets {
            let key = slash_path(&asset.relative);
            match std::fs::read(&asset.path) {
                Ok(bytes) => {
                    files.insert(key, Arc::from(bytes));
                }
                Err(e) => {
                    let mut diagnostics = std::mem::take(&mut prepared.warnings);
                    diagnostics.push(Diagnostic::error(msg::cannot_read(e)).in_file(&asset.shown));
                    return Err(diagnostics);
                }
            }
        }
        let outcome = Outcome {
            files: files.clone(),
            pages,
            partial: false,
            elapsed: started.elapsed(),
            warnings: std::mem::take(&mut prepared.warnings),
            timings: std::mem::take(&mut prepared.timings),
        };
        let p = &prepared;
        let entries = render::search_entries(&p.config, &p.site, &p.content, &p.bodies);
        self.state = Some(State {
            prepared,
            files,
            entries,
        });
        Ok(outcome)
    }

    /// The quick path: `None` when the change needs a full rebuild.
    fn try_articles(
        &mut self,
        changed: &[PathBuf],
        started: Instant,
    ) -> Option<Result<Outcome, Diagnostics>> {
        let root = &self.options.root;
        let state = self.state.as_mut()?;
        if changed.is_empty() {
            return None;
        }
        let p = &mut state.prepared;
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
            let article = match content::reload_article(root, &shown, &markdown) {
                Ok(article) => article,
                Err(diagnostics) => return Some(Err(diagnostics)),
            };
            let before = &p.content.articles[index];
            if article.front != before.front || article.slug != before.slug {
                return None;
            }
            edits.push((index, article));
        }
        let mut diagnostics = Diagnostics::default();
        let mut expanded = Vec::new();
        for (index, article) in &edits {
            expanded.push((
                *index,
                render::expand_article(&p.config, &p.site, article, &mut diagnostics),
            ));
        }
        if diagnostics.has_errors() {
            return Some(Err(diagnostics));
        }
        let indices: Vec<usize> = edits.iter().map(|(i, _)| *i).collect();
        for ((index, article), (_, body)) in edits.into_iter().zip(expanded) {
            p.content.articles[index] = article;
            p.bodies.articles[index] = body;
        }
        let mut timings = Timings::default();
        let rendered: Vec<OutputFile> = timings.time("render", || {
            render::render_articles(
                &p.templates,
                p.input(),
                &indices,
                &mut state.entries,
                &mut diagnostics,
            )
        });
        let pages = rendered
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .count();
        let mut rendered_paths = Vec::with_capacity(rendered.len());
        for file in rendered {
            rendered_paths.push(file.path.clone());
            state.files.insert(file.path, Arc::from(file.bytes));
        }
        timings.time("check links", || {
            // The edited articles' own links, and every link that leads to
            // a page rendered again (an anchor there may be gone), in the
            // order `chiso check` reports them.
            let changed = rendered_paths.iter().map(String::as_str).collect();
            let (home, mut sources) = links::linking_to(&p.config, &p.content, &changed);
            sources.extend_from_slice(&indices);
            sources.sort_unstable();
            sources.dedup();
            let files = state.files.iter().map(|(k, v)| (k.as_str(), &v[..]));
            links::check_some(
                &p.config,
                &p.content,
                &sources,
                home,
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
        Some(Ok(Outcome {
            files: state.files.clone(),
            pages,
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
        let prepared = &self.state.as_ref()?.prepared;
        let shown = relative_to(&self.options.root, source)?;
        let urls = render::urls::Urls::for_site(&prepared.config);
        if let Some(article) = prepared.content.articles.iter().find(|a| a.file == shown) {
            return Some(urls.article(&article.slug));
        }
        let (t, _) = prepared
            .site
            .tables
            .iter_enumerated()
            .find(|(_, t)| t.file == shown)?;
        Some(urls.table(&prepared.site, t))
    }
}
