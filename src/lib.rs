//! chiso: a static site generator for Vietnamese public-administration-reform
//! (PAR) index reports.
//!
//! A build reads as its stages, each a module that takes the previous stage's
//! value and returns its own:
//!
//! config → [`data::load`] → [`model::assemble`] (validate and derive) →
//! [`content::load`] → templates and shortcodes → [`render::render_all`]
//! into a destination → [`links::Watch::check`] → [`write::Writer::commit`].
//!
//! The pipeline is written once, in `run`; `build` renders into the output
//! folder and commits it, `check` and `serve` render into memory.
//!
//! Every stage reports problems into one [`Diagnostics`] collection, so a run
//! shows all of them; nothing is written unless there are no errors.

// A diagnostic is only built on the error path, where its size costs nothing
// worth boxing for.
#![allow(clippy::result_large_err)]

pub mod config;
pub mod content;
pub mod data;
pub mod date;
pub mod diagnostic;
pub mod field_policy;
pub mod html_policy;
pub mod import;
pub mod inline_shortcodes;
pub mod input;
pub mod links;
pub mod locate;
pub mod message_format;
pub mod messages;
pub mod model;
pub mod parse;
pub mod problem;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod session;
pub mod shared_html;
pub mod synthetic;
pub mod url_safety;
pub mod vi;
pub mod write;

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use config::Config;
pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use progress::Progress;

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding `config.toml`).
    pub root: PathBuf,
    /// Where to write the site; `public/` under the root by default.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` from `config.toml`.
    pub base_url: Option<String>,
    /// Include articles marked `draft = true`.
    pub drafts: bool,
    /// Adopt an output folder that chiso did not make (`--force`); the
    /// folders `write::guard` protects are refused even so.
    pub force: bool,
    /// Where the build records the stage it is in (nothing by default).
    pub progress: Progress,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            drafts: false,
            force: false,
            progress: Progress::default(),
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// HTML pages written.
    pub pages: usize,
    /// All files of the site, pages and assets.
    pub files: usize,
    /// Files written because they were new or changed; the others were
    /// already in the output as they are.
    pub changed: usize,
    pub output: PathBuf,
    pub elapsed: Duration,
    /// Warnings: problems that did not stop the build.
    pub warnings: Diagnostics,
    /// How long each stage took.
    pub timings: Timings,
}

/// A rendered site, not yet written: what `build` writes and `serve` serves.
#[derive(Debug)]
pub struct Rendered {
    /// Pages and built-in assets, by output path.
    pub files: Vec<render::OutputFile>,
    /// The site's `static/` files, copied as they are.
    pub assets: Vec<input::SiteFile>,
    /// The share cards the pages name (`og:image`), by output path, as
    /// SVG: only `build` draws them as PNG.
    pub share_cards: render::cards::Cards,
    /// Warnings: problems that did not stop the build.
    pub warnings: Diagnostics,
    /// How long each stage took.
    pub timings: Timings,
}

/// Everything rendering starts from: the site loaded, checked and derived,
/// the templates parsed and the articles' shortcodes expanded.
pub(crate) struct Loaded {
    pub config: Config,
    pub site: model::Site,
    pub content: content::Content,
    pub assets: Vec<input::SiteFile>,
    pub templates: render::Templates,
    pub bodies: render::Bodies,
    /// The links of the footer and the data's Markdown fields.
    pub data_links: Vec<links::DataLink>,
    pub warnings: Diagnostics,
    pub timings: Timings,
}

/// Everything a build makes and keeps until it is served.
pub(crate) struct Prepared {
    pub assets: Vec<input::SiteFile>,
    pub files: Vec<render::OutputFile>,
    pub share_cards: render::cards::Cards,
    pub warnings: Diagnostics,
    pub timings: Timings,
}

/// Loads, checks, derives and renders the site, writing nothing; every check
/// a build makes happens here.
pub fn render_site(options: &BuildOptions) -> Result<Rendered, Diagnostics> {
    let prepared = prepare(options)?;
    Ok(Rendered {
        files: prepared.files,
        assets: prepared.assets,
        share_cards: prepared.share_cards,
        warnings: prepared.warnings,
        timings: prepared.timings,
    })
}

/// Every stage of a build but writing, keeping what they made in memory.
pub(crate) fn prepare(options: &BuildOptions) -> Result<Prepared, Diagnostics> {
    let Ran {
        loaded,
        destination,
        pages: _,
        cards,
    } = run(options, || Ok(render::Collect::default()))?;
    Ok(Prepared {
        files: destination.into_files(),
        share_cards: cards,
        assets: loaded.assets,
        warnings: loaded.warnings,
        timings: loaded.timings,
    })
}

/// Loads, checks and derives the site, and returns the context of every
/// page `keep` selects (given the page's path and template), rendering
/// nothing: the template API as data (see [`render::PageContext`]).
pub fn page_contexts(
    options: &BuildOptions,
    keep: impl Fn(&str, &str) -> bool,
) -> Result<Vec<render::PageContext>, Diagnostics> {
    let loaded = load(options)?;
    let input = render::Input {
        config: &loaded.config,
        site: &loaded.site,
        content: &loaded.content,
        bodies: &loaded.bodies,
        assets: &loaded.assets,
    };
    Ok(render::page_contexts(input, keep))
}

/// Where a run puts the rendered site: kept in memory ([`render::Collect`],
/// for `check` and `serve`) or written into the output folder as pages come
/// ([`write::Writer`], for `build`).
trait Destination: render::Sink {
    /// The name of the rendering stage in `--timings`.
    const RENDER_STAGE: &'static str;

    /// Where the pages' share cards go: only a build writes them; `check`
    /// and `serve` draw none (the pages still name them, so they are the
    /// pages a build writes).
    fn card_store(&self) -> Option<&dyn render::cards::Store>;

    /// Takes the site's `static/` files.
    fn copy_assets(&self, assets: &[input::SiteFile]);

    /// Reports each file of `static/` where the site has a page, naming
    /// both, and each in the way of a folder or file of the site (`cards`
    /// are the share cards it will have), at the static file.
    fn report_clashes(
        &self,
        assets: &[input::SiteFile],
        cards: &render::cards::Cards,
        diagnostics: &mut Diagnostics,
    );

    /// Whether files went missing, so that links cannot be checked (the
    /// reason is reported when the output is committed).
    fn failed(&self) -> bool;
}

impl Destination for render::Collect {
    const RENDER_STAGE: &'static str = "render";

    fn card_store(&self) -> Option<&dyn render::cards::Store> {
        None
    }

    /// The files of `static/` are kept apart ([`Rendered::assets`]).
    fn copy_assets(&self, _assets: &[input::SiteFile]) {}

    fn report_clashes(
        &self,
        assets: &[input::SiteFile],
        cards: &render::cards::Cards,
        diagnostics: &mut Diagnostics,
    ) {
        let mut pages = self.paths();
        pages.insert(write::guard::MARKER.to_owned());
        for asset in assets {
            let path = asset.relative.to_string_lossy().replace('\\', "/");
            if pages.contains(&path) {
                let page = write::Origin::Generated;
                let file = write::Origin::Static(asset.shown.clone());
                diagnostics.push(write::clash(&path, &page, &file));
            }
        }
        let generated = pages.iter().map(String::as_str).chain(cards.paths());
        for clash in write::folder_clashes(generated, assets) {
            diagnostics.push(clash);
        }
    }

    fn failed(&self) -> bool {
        false
    }
}

impl Destination for write::Writer {
    const RENDER_STAGE: &'static str = "render and write";

    fn card_store(&self) -> Option<&dyn render::cards::Store> {
        Some(self)
    }

    fn copy_assets(&self, assets: &[input::SiteFile]) {
        for asset in assets {
            self.copy(asset);
        }
    }

    /// The writer finds a file given twice as it writes.
    fn report_clashes(
        &self,
        assets: &[input::SiteFile],
        cards: &render::cards::Cards,
        diagnostics: &mut Diagnostics,
    ) {
        for clash in self.clashes() {
            diagnostics.push(clash);
        }
        for clash in self.folder_clashes(assets, cards.paths()) {
            diagnostics.push(clash);
        }
    }

    fn failed(&self) -> bool {
        write::Writer::failed(self)
    }
}

/// What a run made: the loaded site (with the warnings and timings of every
/// stage), the destination holding the rendered files, and how many pages
/// were rendered.
struct Ran<D> {
    loaded: Loaded,
    destination: D,
    pages: usize,
    /// The share cards the pages name (drawn into a build's destination).
    cards: render::cards::Cards,
}

/// The pipeline, written once for every command: load (configuration,
/// data, model, content, templates, shortcodes) → open the destination →
/// render into it → report clashes with `static/` → check links. Stops
/// after the first stage with errors, but for the link check, which also
/// runs after a shortcode's error (every page rendered, its body as
/// written), so that one run tells both.
fn run<D: Destination>(
    options: &BuildOptions,
    open: impl FnOnce() -> Result<D, Diagnostic>,
) -> Result<Ran<D>, Diagnostics> {
    let mut loaded = load(options)?;
    let destination = match open() {
        Ok(destination) => destination,
        Err(d) => {
            loaded.warnings.push(d);
            return Err(loaded.warnings);
        }
    };
    let Loaded {
        config,
        site,
        content,
        assets,
        templates,
        bodies,
        data_links,
        warnings: mut diagnostics,
        mut timings,
    } = loaded;
    let watch = links::Watch::new(&content, &data_links, &destination);
    let input = render::Input {
        config: &config,
        site: &site,
        content: &content,
        bodies: &bodies,
        assets: &assets,
    };
    // Errors found before rendering (a bad shortcode, its body kept as
    // written) leave every page rendered: the links are checked too, so
    // that one run tells the editor every problem.
    let errors_before_render = diagnostics.error_count();
    let (templates_time, cards) = timings.time(D::RENDER_STAGE, || {
        let (times, cards) = render::render_all(&templates, input, &watch, &mut diagnostics);
        destination.copy_assets(&assets);
        (times.list(), cards)
    });
    timings.templates = templates_time;
    destination.report_clashes(&assets, &cards, &mut diagnostics);
    let pages = watch.pages();
    if diagnostics.error_count() > errors_before_render {
        // A page that did not render is missing: links to it cannot be
        // checked. Dropping a writer removes what it wrote.
        return Err(diagnostics);
    }
    // A build that fails already draws no share card.
    let failing = diagnostics.has_errors();
    if destination.failed() {
        // Pages are missing: links cannot be checked; commit says why.
        drop(watch);
    } else {
        // The share cards are drawn (or taken from the cache) while the
        // links are checked: neither reads the other.
        let mut card_diagnostics = Diagnostics::default();
        timings.progress.stage("check links");
        let ((_, links), (_, drawn)) = rayon::join(
            || {
                timed(|| {
                    watch.check(
                        &config,
                        &content,
                        &data_links,
                        &site.waiting,
                        &assets,
                        &mut diagnostics,
                    )
                })
            },
            || {
                timed(|| {
                    if let Some(store) = destination.card_store().filter(|_| !failing) {
                        cards.render(&options.root, store, &mut card_diagnostics);
                    }
                })
            },
        );
        timings.stages.push(("check links", links));
        if destination.card_store().is_some() {
            timings.stages.push(("+ share cards", drawn));
        }
        diagnostics.extend(card_diagnostics);
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(Ran {
        loaded: Loaded {
            config,
            site,
            content,
            assets,
            templates,
            bodies,
            data_links,
            warnings: diagnostics,
            timings,
        },
        destination,
        pages,
        cards,
    })
}

/// The problem with `--base-url`, checked like `base_url` in config.toml:
/// it is written into every page's links. A hint of its own (remove the
/// password) is kept; else the hint is said for the option.
pub(crate) fn base_url_option_problem(base_url: &str) -> Option<Diagnostic> {
    let (d, own_hint) = match html_policy::check_url(base_url) {
        Some(d) => (d, false),
        None => {
            let d = Config::base_url_problem(base_url)?;
            let own = d.hint.as_deref() != Some(crate::messages::hint_base_url().as_str());
            (d, own)
        }
    };
    Some(match own_hint {
        true => d,
        false => d.with_hint(crate::messages::hint_base_url_option()),
    })
}

/// The stages before rendering: configuration, data, model, content,
/// templates, and the articles' shortcodes.
pub(crate) fn load(options: &BuildOptions) -> Result<Loaded, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut timings = Timings {
        progress: options.progress.clone(),
        ..Timings::default()
    };
    let mut config = match Config::load(&options.root) {
        Ok(config) => config,
        Err(problems) => {
            for d in problems {
                diagnostics.push(d);
            }
            return Err(diagnostics);
        }
    };
    let mut data_links = field_policy::check_config(&options.root, &config, &mut diagnostics);
    if let Some(base_url) = &options.base_url {
        diagnostics.extend_one(base_url_option_problem(base_url));
        config.base_url = base_url.clone();
    }
    if let Some(d) = config.host_warning(&options.root, options.base_url.is_some()) {
        diagnostics.push(d);
    }
    diagnostics.extend_one(config.http_warning(&options.root, options.base_url.is_some()));
    let root = &options.root;
    let markdown = content::Markdown::for_site(&config);
    let raw = timings.time("load data", || data::load(root, &mut diagnostics));
    // The data is checked and the model derived while the articles load:
    // checking the fields and deriving the changes are serial, loading is
    // parallel, and neither reads the other. `--timings` marks the second
    // with `+`: it ran alongside the stage before it.
    let mut content_diagnostics = Diagnostics::default();
    timings.progress.stage("check and derive");
    let definitions_incomplete = raw.definitions_incomplete;
    let (((mut site, links), derived), (content, loaded)) = rayon::join(
        || {
            timed(|| {
                let links = field_policy::check_data(&raw, &markdown, &mut diagnostics);
                // The files as parsed go as their tables are made, while
                // the articles still load (146 MB on the national site).
                (model::assemble(raw, &mut diagnostics), links)
            })
        },
        || timed(|| content::load(root, options.drafts, &markdown, &mut content_diagnostics)),
    );
    data_links.extend(links);
    // An article that could not be loaded is left out and the rest of the
    // site is rendered, so that one run tells every article's problems
    // (their shortcodes, their links); anything else stops here.
    let content_errors = content_diagnostics.error_count();
    diagnostics.extend(content_diagnostics);
    if !definitions_incomplete {
        model::home_unit(root, &config, &mut site, &mut diagnostics);
    }
    timings.stages.push(("check and derive", derived));
    timings.stages.push(("+ load content", loaded));
    let assets = input::site_files(root, write::STATIC_DIR, &mut diagnostics);
    if diagnostics.error_count() > content_errors {
        stop_before_rendering(root, &content, &mut diagnostics);
        return Err(diagnostics);
    }
    let Some(templates) = render::Templates::load(root, &mut diagnostics) else {
        return Err(diagnostics);
    };
    let bodies = timings.time("expand shortcodes", || {
        render::expand_bodies(root, &config, &site, &content, &mut diagnostics)
    });
    config.build_date = Some(scaffold::build_date());
    Ok(Loaded {
        config,
        site,
        content,
        assets,
        templates,
        bodies,
        data_links,
        warnings: diagnostics,
        timings,
    })
}

/// What a run still does when the data, the configuration or `static/` has
/// errors, before it stops: rendering needs them sound, but the templates'
/// syntax can still be checked. The articles' shortcodes and links are not
/// checked: a shortcode naming a table left out for its errors (or whose
/// file did not parse) would be told as naming none, and links need the
/// pages rendered. A note says so, when there is an article to check.
pub(crate) fn stop_before_rendering(
    root: &std::path::Path,
    content: &content::Content,
    diagnostics: &mut Diagnostics,
) {
    render::check_templates(root, diagnostics);
    if content.home.is_some() || !content.articles.is_empty() {
        diagnostics.push(Diagnostic::note(crate::messages::article_checks_skipped()));
    }
}

/// How long each stage of a build took, in order.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub stages: Vec<(&'static str, Duration)>,
    /// Per template, the costliest first.
    pub templates: Vec<(&'static str, render::TemplateTime)>,
    /// Told of each stage as it starts.
    pub progress: Progress,
}

/// Runs `stage`, returning what it made and how long it took.
fn timed<T>(stage: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = stage();
    (value, started.elapsed())
}

impl Timings {
    /// Runs `stage` and records its duration under `name`.
    pub fn time<T>(&mut self, name: &'static str, stage: impl FnOnce() -> T) -> T {
        self.progress.stage(name);
        let (value, took) = timed(stage);
        self.stages.push((name, took));
        value
    }
}

impl std::fmt::Display for Timings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (name, duration) in &self.stages {
            writeln!(
                f,
                "  {name:<18} {:>9.1} ms",
                duration.as_secs_f64() * 1000.0
            )?;
        }
        if !self.templates.is_empty() {
            writeln!(
                f,
                "  {:<20} {:>6} {:>11} {:>11} {:>7}",
                "template (CPU time)", "pages", "context", "render", "MB"
            )?;
        }
        for (name, t) in &self.templates {
            writeln!(
                f,
                "  {name:<20} {:>6} {:>8.1} ms {:>8.1} ms {:>7.1}",
                t.pages,
                t.context.as_secs_f64() * 1000.0,
                t.render.as_secs_f64() * 1000.0,
                t.bytes as f64 / 1e6
            )?;
        }
        Ok(())
    }
}

/// Checks the site without writing anything; returns the warnings.
pub fn check(options: &BuildOptions) -> Result<Diagnostics, Diagnostics> {
    render_site(options).map(|rendered| rendered.warnings)
}

/// Builds the site: load, check, derive, render, write. Pages are written
/// as they are rendered; the output changes only once everything was
/// rendered, checked and written (see [`mod@write`]).
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let output = options.output_dir();
    let Ran {
        loaded,
        destination: writer,
        pages,
        cards: _,
    } = run(options, || {
        write::Writer::begin_waiting(&options.root, &output, options.force, || {
            options.progress.stage("wait for output")
        })
    })?;
    let Loaded {
        config,
        site,
        content,
        assets,
        templates,
        bodies,
        data_links: _,
        warnings: mut diagnostics,
        mut timings,
    } = loaded;
    let written = timings.time("commit", || writer.commit());
    let report = match written {
        Ok(report) => report,
        Err(d) => {
            diagnostics.push(d);
            return Err(diagnostics);
        }
    };
    if let Some(aside) = &report.kept_aside {
        diagnostics.push(
            Diagnostic::warning(crate::messages::output_adopted(
                output.display(),
                aside.display(),
            ))
            .with_hint(crate::messages::hint_output_adopted()),
        );
    }
    if let Some((aside, files)) = &report.set_aside {
        let named: Vec<String> = files.iter().take(3).map(|f| format!("`{f}`")).collect();
        let more = if files.len() > 3 { ", …" } else { "" };
        diagnostics.push(
            Diagnostic::warning(crate::messages::output_files_set_aside(
                files.len(),
                output.display(),
                aside.display(),
                &format!("{}{more}", named.join(", ")),
            ))
            .with_hint(crate::messages::hint_output_files_set_aside()),
        );
    }
    let elapsed = started.elapsed();
    free_in_background((site, content, bodies, templates, assets, config));
    Ok(BuildReport {
        pages,
        files: report.files,
        changed: report.changed,
        output,
        elapsed,
        warnings: diagnostics,
        timings,
    })
}

/// Frees `value` on a thread of its own: a national site's model, articles
/// and templates take a tenth of a second to free, which a finished build
/// need not wait for (the command then exits, and the system takes the
/// memory back at once). Freed here if no thread can be started.
fn free_in_background<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("chiso-free".into())
        .spawn(move || drop(value));
}
