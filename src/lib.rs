//! chiso: a static site generator for Vietnamese public-administration-reform
//! (PAR) index reports.
//!
//! A build reads as its stages, each a module that takes the previous stage's
//! value and returns its own:
//!
//! config → [`data::load`] → [`model::assemble`] (validate and derive) →
//! [`content::load`] → [`render::render`] → [`links::check`] →
//! [`write::write`].
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
pub mod import;
pub mod input;
pub mod links;
pub mod locate;
pub mod messages;
pub mod model;
pub mod parse;
pub mod problem;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod session;
pub mod synthetic;
pub mod vi;
pub mod write;

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use config::Config;
pub use diagnostic::{Diagnostic, Diagnostics, Severity};

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
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            drafts: false,
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
    /// All files written, pages and assets.
    pub files: usize,
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
    /// Warnings: problems that did not stop the build.
    pub warnings: Diagnostics,
    /// How long each stage took.
    pub timings: Timings,
}

/// Everything a build makes and keeps until it is written or served.
pub(crate) struct Prepared {
    pub config: Config,
    pub site: model::Site,
    pub content: content::Content,
    pub assets: Vec<input::SiteFile>,
    pub templates: render::Templates,
    pub bodies: render::Bodies,
    pub files: Vec<render::OutputFile>,
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
        warnings: prepared.warnings,
        timings: prepared.timings,
    })
}

/// The stages of a build but the last, keeping what they made.
pub(crate) fn prepare(options: &BuildOptions) -> Result<Prepared, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut timings = Timings::default();
    let mut config = match Config::load(&options.root) {
        Ok(config) => config,
        Err(d) => {
            diagnostics.push(d);
            return Err(diagnostics);
        }
    };
    if let Some(base_url) = &options.base_url {
        config.base_url = base_url.clone();
    }
    let root = &options.root;
    let raw = timings.time("load data", || data::load(root, &mut diagnostics));
    let site = timings.time("check and derive", || {
        model::assemble(&raw, &mut diagnostics)
    });
    let content = timings.time("load content", || {
        content::load(root, options.drafts, &config.base_path(), &mut diagnostics)
    });
    let assets = input::site_files(root, write::STATIC_DIR, &mut diagnostics);
    if diagnostics.has_errors() {
        // Rendering needs sound data, but template syntax can still be checked.
        render::check_templates(root, &mut diagnostics);
        return Err(diagnostics);
    }
    let Some(templates) = render::Templates::load(root, &mut diagnostics) else {
        return Err(diagnostics);
    };
    let (bodies, files) = timings.time("render", || {
        let bodies = render::expand_bodies(&config, &site, &content, &mut diagnostics);
        let files = render::render_all(
            &templates,
            &config,
            &site,
            &content,
            &bodies,
            &mut diagnostics,
        );
        (bodies, files)
    });
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    timings.time("check links", || {
        links::check(&config, &content, &files, &assets, &mut diagnostics)
    });
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(Prepared {
        config,
        site,
        content,
        assets,
        templates,
        bodies,
        files,
        warnings: diagnostics,
        timings,
    })
}

/// How long each stage of a build took, in order.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub stages: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Runs `stage` and records its duration under `name`.
    pub fn time<T>(&mut self, name: &'static str, stage: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let value = stage();
        self.stages.push((name, started.elapsed()));
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
        Ok(())
    }
}

/// Checks the site without writing anything; returns the warnings.
pub fn check(options: &BuildOptions) -> Result<Diagnostics, Diagnostics> {
    render_site(options).map(|rendered| rendered.warnings)
}

/// Builds the site: load, check, derive, render, write.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let Rendered {
        files,
        assets,
        mut warnings,
        mut timings,
    } = render_site(options)?;
    let output = options.output_dir();
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    let written = timings.time("write", || {
        write::write(&options.root, &output, &files, &assets)
    });
    let written = match written {
        Ok(n) => n,
        Err(d) => {
            warnings.push(d);
            return Err(warnings);
        }
    };
    Ok(BuildReport {
        pages,
        files: written,
        output,
        elapsed: started.elapsed(),
        warnings,
        timings,
    })
}
