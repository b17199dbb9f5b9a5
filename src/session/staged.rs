//! The staged rebuild behind `chiso serve`: each stage of a build
//! (configuration, data and model, content, templates, shortcodes, pages,
//! open data, feeds) is done again only when what it reads changed, and
//! otherwise taken, with the problems it reported, from the last good
//! build. Pages are rendered again only when their context or templates
//! changed ([`render::reuse`]). The result is, file for file and problem for
//! problem, what a build from scratch gives.
//!
//! What each stage reads:
//! - data and model: `config.toml` and `data/` (a file the watcher did not
//!   name is taken as it was parsed, and a results file's table as it was
//!   checked while the definitions are the same: `model::TableCache`);
//! - content: `config.toml` and each file of `content/` (a file the watcher
//!   did not name is taken as it was parsed);
//! - shortcodes: the configuration, the model and the content;
//! - templates: always parsed again (a few milliseconds), compared with the
//!   last ones to find the pages whose templates changed;
//! - open data: the configuration and the model; each table's files only
//!   for the tables that changed ([`super::model_edit`]), the whole-site
//!   downloads on request ([`super::downloads`]);
//! - feed and search index: the configuration, the model, the content and
//!   the shortcodes, each entry made again only for what changed
//!   ([`super::feeds`]);
//! - the link check: the links an edit could have broken
//!   ([`super::link_check`]).

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::content::{self, Content, CONTENT_DIR};
use crate::data::DATA_DIR;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages as msg;
use crate::model::Site;
use crate::render::{self, reuse, Bodies, Collect, Templates};
use crate::{field_policy, input, model, scaffold, write};
use crate::{BuildOptions, Timings};

use super::downloads::{self, Later};
use super::{content_edit, feeds, link_check, model_edit, Early, EarlySite, Files};

/// The last good build, stage by stage.
pub(super) struct Built {
    /// The configuration as loaded (before the build date is set).
    pub config_loaded: Config,
    pub config: Config,
    pub site: Arc<Site>,
    /// Each data file as parsed.
    pub data_files: Arc<crate::data::ParsedFiles>,
    /// Each results file's table as checked on its own.
    pub table_cache: Arc<model::TableCache>,
    /// What loading, checking and deriving the data reported.
    pub data_problems: Diagnostics,
    /// The links of the data's Markdown fields, and of the footer.
    pub data_links: Vec<crate::links::DataLink>,
    pub footer_links: Vec<crate::links::DataLink>,
    pub definitions_incomplete: bool,
    pub content: Arc<Content>,
    pub content_problems: Diagnostics,
    pub parsed: Arc<content::Parsed>,
    pub home_problems: Diagnostics,
    pub assets: Vec<input::SiteFile>,
    pub templates: Arc<Templates>,
    pub bodies: Arc<Bodies>,
    pub body_problems: Diagnostics,
    pub prints: reuse::Prints,
    /// The fingerprint of the `site` value of every page.
    pub site_print: u128,
    /// Every page's output path.
    pub pages: Vec<String>,
    /// The paths of each table's downloads, and of the data package and
    /// its schemas (sorted).
    pub table_data: Vec<String>,
    pub package: Vec<String>,
    /// The search index's entries.
    pub entries: feeds::Entries,
    /// The whole-site downloads, made on first request.
    pub later: Later,
    /// Every file but those `later` makes.
    pub files: Arc<Files>,
}

/// What a staged rebuild did, besides the new [`Built`].
pub(super) struct Done {
    pub built: Built,
    /// Pages rendered (again).
    pub rendered: usize,
    /// Pages of the site.
    pub pages: usize,
    pub warnings: Diagnostics,
    pub timings: Timings,
}

/// The edited files, relative to the site root, sorted by what reads them.
struct Edits {
    data: bool,
    /// Every file edited, relative to the site root.
    files: BTreeSet<PathBuf>,
    content: BTreeSet<PathBuf>,
}

impl Edits {
    fn of(root: &Path, changed: &[PathBuf]) -> Edits {
        let mut edits = Edits {
            data: false,
            files: BTreeSet::new(),
            content: BTreeSet::new(),
        };
        for path in changed {
            let shown = super::relative_to(root, path).unwrap_or_else(|| path.clone());
            edits.files.insert(shown.clone());
            if shown.starts_with(DATA_DIR) {
                edits.data = true;
            } else if shown.starts_with(CONTENT_DIR) {
                edits.content.insert(shown);
            }
        }
        edits
    }
}

/// Builds the site again after `changed`, reusing from `last` what the
/// edit did not touch (nothing when there is no `last`). On failure, `last`
/// is as it was.
pub(super) fn rebuild(
    options: &BuildOptions,
    last: Option<&Built>,
    changed: &[PathBuf],
    early: Option<&Early>,
) -> Result<Done, Diagnostics> {
    let root = &options.root;
    let edits = Edits::of(root, changed);
    let mut diagnostics = Diagnostics::default();
    let mut timings = Timings::default();
    let mut config = match Config::load(root) {
        Ok(config) => config,
        Err(problems) => {
            for d in problems {
                diagnostics.push(d);
            }
            return Err(diagnostics);
        }
    };
    let footer_links = field_policy::check_config(root, &config, &mut diagnostics);
    if let Some(base_url) = &options.base_url {
        // As `build` checks it.
        diagnostics.extend_one(crate::base_url_option_problem(base_url));
        config.base_url = base_url.clone();
    }
    // Part of the configuration the pages read: a rebuild after midnight
    // renders every page again, as the build that day does.
    config.build_date = Some(scaffold::build_date());
    let config_loaded = config.clone();
    let markdown = content::Markdown::for_site(&config);
    // The data and the content read of the configuration only how Markdown
    // is rendered and (the model) the home unit: another change of it
    // leaves them as they were.
    let any_last = last;
    let last_read = last.filter(|l| {
        content::Markdown::for_site(&l.config_loaded) == markdown
            && l.config_loaded.home_unit == config.home_unit
    });
    // Every other stage is done again after any change of the
    // configuration (and every page rendered: see `previous` below).
    let last = last.filter(|l| l.config_loaded == config);

    let mut data_files = last_read
        .map(|l| Arc::clone(&l.data_files))
        .unwrap_or_default();
    let mut table_cache = last_read
        .map(|l| Arc::clone(&l.table_cache))
        .unwrap_or_default();
    // The model, with what loading, checking and deriving reported, and
    // (apart: a build reports it after the content's problems) what
    // finding the home unit reported.
    let (site, (data_problems, data_links), definitions_incomplete, home_problems) =
        match last_read.filter(|_| !edits.data) {
            Some(l) => (
                Arc::clone(&l.site),
                (l.data_problems.clone(), l.data_links.clone()),
                l.definitions_incomplete,
                l.home_problems.clone(),
            ),
            None => {
                let mut problems = Diagnostics::default();
                let reusing = last_read.is_some();
                let changed = |p: &Path| !reusing || edits.files.contains(p);
                let files = Arc::make_mut(&mut data_files);
                let (raw, links) = timings.time("load data", || {
                    let raw = crate::data::load_reusing(root, files, &changed, &mut problems);
                    let links = field_policy::check_data(&raw, &markdown, &mut problems);
                    (raw, links)
                });
                let cache = Arc::make_mut(&mut table_cache);
                let mut site = timings.time("derive model", || {
                    model::assemble_reusing(&raw, cache, &mut problems)
                });
                let mut home = Diagnostics::default();
                if !raw.definitions_incomplete {
                    model::home_unit(root, &config, &mut site, &mut home);
                }
                (
                    Arc::new(site),
                    (problems, links),
                    raw.definitions_incomplete,
                    home,
                )
            }
        };
    diagnostics.extend(data_problems.clone());

    let mut parsed = last_read.map(|l| Arc::clone(&l.parsed)).unwrap_or_default();
    let (content, content_problems) = match last_read.filter(|_| edits.content.is_empty()) {
        Some(l) => (Arc::clone(&l.content), l.content_problems.clone()),
        None => timings.time("load content", || {
            let mut problems = Diagnostics::default();
            let reusing = last_read.is_some();
            let changed = |p: &Path| !reusing || edits.content.contains(p);
            let content = content::load_reusing(
                root,
                options.drafts,
                &markdown,
                Arc::make_mut(&mut parsed),
                &changed,
                &mut problems,
            );
            (Arc::new(content), problems)
        }),
    };
    diagnostics.extend(content_problems.clone());
    let content_errors = content_problems.error_count();

    let site_same = last.is_some_and(|l| Arc::ptr_eq(&l.site, &site));
    diagnostics.extend(home_problems.clone());
    let assets = input::site_files(root, write::STATIC_DIR, &mut diagnostics);
    // As a build: articles that could not be loaded are left out, and the
    // rest rendered and its links checked (see `crate::load`).
    if diagnostics.error_count() > content_errors {
        crate::stop_before_rendering(root, &content, &mut diagnostics);
        return Err(diagnostics);
    }
    let Some(templates) = timings.time("templates", || Templates::load(root, &mut diagnostics))
    else {
        return Err(diagnostics);
    };
    let content_same = last.is_some_and(|l| Arc::ptr_eq(&l.content, &content));
    let (bodies, body_problems) = match last.filter(|_| site_same && content_same) {
        Some(l) => (Arc::clone(&l.bodies), l.body_problems.clone()),
        None => timings.time("expand shortcodes", || {
            let mut problems = Diagnostics::default();
            let bodies = render::expand_bodies(root, &config, &site, &content, &mut problems);
            // Bodies as they were (no shortcode read what changed) are
            // kept as the same value, for the pages that read them.
            match last.filter(|l| *l.bodies == bodies) {
                Some(l) => (Arc::clone(&l.bodies), problems),
                None => (Arc::new(bodies), problems),
            }
        }),
    };
    diagnostics.extend(body_problems.clone());
    let errors_before_render = diagnostics.error_count();

    // Render what changed.
    let input = render::Input {
        config: &config,
        site: &site,
        content: &content,
        bodies: &bodies,
        assets: &assets,
    };
    let no_prints = reuse::Prints::default();
    let (previous, dirty) = match (last, any_last) {
        (Some(l), _) => (&l.prints, reuse::dirty_templates(&l.templates, &templates)),
        // Every page differs from the last build's (its configuration
        // did): rendered without fingerprints ([`reuse::Same`] is all false).
        (None, Some(l)) => (&l.prints, BTreeSet::new()),
        (None, None) => (&no_prints, BTreeSet::new()),
    };
    // After an edit of the data that left the definitions as they were,
    // the data pages it touched.
    let edit = timings.time("compare model", || match last {
        Some(l) if !site_same => model_edit::of(&l.site, &site),
        _ => None,
    });
    // After an edit of the content that left every article at its place,
    // the article pages it touched.
    let articles = timings.time("compare content", || match last {
        Some(l) if !(content_same && Arc::ptr_eq(&l.bodies, &bodies)) => content_edit::of(
            (&l.content, &l.bodies),
            (&content, &bodies),
            config.articles_per_page,
        ),
        _ => None,
    });
    let same = match last {
        Some(l) => reuse::Same {
            edit: edit.as_ref(),
            articles: articles.as_ref(),
            model: site_same,
            content: content_same && Arc::ptr_eq(&l.bodies, &bodies),
            rest: l.assets == assets && l.config == config,
        },
        None => reuse::Same::default(),
    };
    // The pages, the open data and the feeds do not depend on each other:
    // made side by side, each only if what it reads changed.
    let pages = Collect::default();
    let open_made = Collect::default();
    let package_made = Collect::default();
    let feeds_made = Collect::default();
    let remake_open = last.is_none() || !site_same;
    // The pages wanted first, shown over the last good site as soon as
    // they are rendered; not after an edit of `static/` (a page could then
    // be shown with a static file of before).
    let static_edited = edits.files.iter().any(|f| f.starts_with(write::STATIC_DIR));
    let show_early = |wanted: &[String]| {
        let (Some(early), Some(l)) = (early, any_last) else {
            return;
        };
        let fresh = pages
            .copies()
            .into_iter()
            .map(|file| (file.path, Arc::from(file.bytes)))
            .collect();
        let settled = wanted
            .iter()
            .cloned()
            .chain(render::asset_paths().map(str::to_owned))
            .chain(assets.iter().map(|a| super::slash_path(&a.relative)))
            .collect();
        let page_of_edit = early
            .edited
            .and_then(|f| super::page_of(root, &config, &site, &content, f));
        (early.publish)(EarlySite {
            base: Arc::clone(&l.files),
            fresh: Arc::new(fresh),
            settled: Arc::new(settled),
            page_of_edit,
        });
    };
    let first = early
        .filter(|_| any_last.is_some() && !static_edited)
        .map(|early| reuse::First {
            paths: &early.pages,
            done: &show_early,
        });
    let mut parts = [Duration::ZERO; 3];
    let [t_pages, t_open, t_feeds] = &mut parts;
    let (again, entries) = timings.time("render", || {
        let (again, ((), entries)) = rayon::join(
            || {
                let started = Instant::now();
                let again = reuse::render_again(
                    &templates,
                    input,
                    previous,
                    &dirty,
                    same,
                    last.map(|l| l.site_print),
                    first.as_ref(),
                    &pages,
                    &mut diagnostics,
                );
                *t_pages = started.elapsed();
                again
            },
            || {
                rayon::join(
                    || {
                        let started = Instant::now();
                        if remake_open {
                            let tables = edit.as_ref().map(|e| &e.tables);
                            downloads::tables(&config, &site, tables, &open_made);
                            render::open_data_package(&config, &site, &package_made);
                        }
                        *t_open = started.elapsed();
                    },
                    || {
                        let started = Instant::now();
                        let last = last.map(|l| feeds::Last {
                            site: &l.site,
                            content: &l.content,
                            bodies: &l.bodies,
                            entries: &l.entries,
                        });
                        let entries = feeds::again(
                            input,
                            &site,
                            &content,
                            &bodies,
                            last,
                            edit.as_ref(),
                            &feeds_made,
                        );
                        *t_feeds = started.elapsed();
                        entries
                    },
                )
            },
        );
        (again, entries)
    });
    timings.stages.push(("  pages", parts[0]));
    timings.stages.push(("  open data", parts[1]));
    timings.stages.push(("  feeds", parts[2]));
    timings.templates = again.templates.clone();

    let files = timings.time("assemble files", || {
        let mut files = match last {
            Some(l) => {
                let mut files = Files::clone(&l.files);
                for asset in &l.assets {
                    files.remove(&super::slash_path(&asset.relative));
                }
                let now: HashSet<&String> = again.pages.iter().collect();
                for gone in l.pages.iter().filter(|p| !now.contains(p)) {
                    files.remove(gone);
                }
                files
            }
            None => Files::new(),
        };
        put_all(pages, &mut files);
        let (table_data, package) = match last {
            Some(l) if !remake_open => (l.table_data.clone(), l.package.clone()),
            _ => {
                let made = put_all(open_made, &mut files);
                let table_data = match (last, &edit) {
                    // The tables the edit changed, made again under the
                    // same paths.
                    (Some(l), Some(_)) => l.table_data.clone(),
                    (Some(l), None) => {
                        drop_stale(&mut files, &l.table_data, &made);
                        made
                    }
                    (None, _) => made,
                };
                let package = put_all(package_made, &mut files);
                if let Some(l) = last {
                    drop_stale(&mut files, &l.package, &package);
                }
                (table_data, package)
            }
        };
        put_all(feeds_made, &mut files);
        (files, table_data, package)
    });
    let (mut files, table_data, package) = files;
    let later = match last.filter(|_| site_same) {
        Some(l) => l.later.clone(),
        None => Later::of(&config, &site),
    };
    // Clashes with `static/`, then the static files themselves.
    for asset in &assets {
        let path = super::slash_path(&asset.relative);
        let generated = files.contains_key(&path) || later.paths().any(|p| p == path);
        if generated || path == write::guard::MARKER {
            let page = write::Origin::Generated;
            let file = write::Origin::Static(asset.shown.clone());
            diagnostics.push(write::clash(&path, &page, &file));
        }
    }
    let generated = files.keys().map(String::as_str).chain(later.paths());
    let generated = generated.chain([write::guard::MARKER]);
    for clash in write::folder_clashes(generated, &assets) {
        diagnostics.push(clash);
    }
    if diagnostics.error_count() > errors_before_render {
        // A page that did not render is missing: links to it cannot be checked.
        return Err(diagnostics);
    }
    for asset in &assets {
        match std::fs::read(&asset.path) {
            Ok(bytes) => {
                files.insert(super::slash_path(&asset.relative), Arc::from(bytes));
            }
            Err(e) => {
                diagnostics.push(Diagnostic::error(msg::cannot_read(&e)).in_file(&asset.shown));
                return Err(diagnostics);
            }
        }
    }
    timings.time("check links", || {
        let last = last.map(|l| link_check::Last {
            content: &l.content,
            files: &l.files,
            later: &l.later,
            assets: &l.assets,
        });
        let texts = link_check::Texts {
            content: &content,
            data: &[&footer_links[..], &data_links[..]].concat(),
            waiting: &site.waiting,
        };
        link_check::check(
            &config,
            texts,
            &files,
            &later,
            &assets,
            last,
            &mut diagnostics,
        );
    });
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(Done {
        rendered: again.rendered,
        pages: again.pages.iter().filter(|p| p.ends_with(".html")).count(),
        warnings: diagnostics,
        timings,
        built: Built {
            config_loaded,
            config,
            site,
            data_files,
            table_cache,
            data_problems,
            data_links,
            footer_links,
            definitions_incomplete,
            content,
            content_problems,
            parsed,
            home_problems,
            assets,
            templates: Arc::new(templates),
            bodies,
            body_problems,
            prints: again.prints,
            site_print: again.site_print,
            pages: again.pages,
            table_data,
            package,
            entries,
            later,
            files: Arc::new(files),
        },
    })
}

/// Moves the files `made` into `files`; their paths, sorted.
fn put_all(made: Collect, files: &mut Files) -> Vec<String> {
    let mut paths = Vec::new();
    for f in made.into_files() {
        paths.push(f.path.clone());
        files.insert(f.path, Arc::from(f.bytes));
    }
    paths
}

/// Removes from `files` the paths of `old` that are not in `new` (sorted).
fn drop_stale(files: &mut Files, old: &[String], new: &[String]) {
    for path in old {
        if new.binary_search(path).is_err() {
            files.remove(path);
        }
    }
}
