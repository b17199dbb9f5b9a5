//! chiso: a static site generator for Vietnamese public-administration-reform
//! (PAR) index reports.
//!
//! A build reads as its stages, each a module that takes the previous stage's
//! value and returns its own:
//!
//! config → [`data::load`] → [`model::assemble`] (validate and derive) →
//! [`content::load`] → [`render::render`] → [`write::write`].
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
pub mod input;
pub mod model;
pub mod parse;
pub mod render;
pub mod vi;
pub mod write;

use std::path::{Path, PathBuf};
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
}

/// A checked site, ready to render.
struct Checked {
    config: Config,
    site: model::Site,
    content: content::Content,
    diagnostics: Diagnostics,
}

/// Loads, validates and derives everything a build would, writing nothing.
fn load_and_check(options: &BuildOptions) -> Result<Checked, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
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
    let raw = data::load(&options.root, &mut diagnostics);
    let site = model::assemble(&raw, &mut diagnostics);
    let content = content::load(
        &options.root,
        options.drafts,
        &config.base_path(),
        &mut diagnostics,
    );
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(Checked {
        config,
        site,
        content,
        diagnostics,
    })
}

/// Checks the site without writing anything; returns the warnings.
pub fn check(options: &BuildOptions) -> Result<Diagnostics, Diagnostics> {
    let mut checked = load_and_check(options)?;
    render::render(
        &options.root,
        &checked.config,
        &checked.site,
        &checked.content,
        &mut checked.diagnostics,
    );
    if checked.diagnostics.has_errors() {
        return Err(checked.diagnostics);
    }
    Ok(checked.diagnostics)
}

/// Builds the site: load, check, derive, render, write.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let Checked {
        config,
        site,
        content,
        mut diagnostics,
    } = load_and_check(options)?;
    let files = render::render(&options.root, &config, &site, &content, &mut diagnostics);
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let output = options.output_dir();
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    let written = match write::write(&options.root, &output, &files) {
        Ok(n) => n,
        Err(d) => {
            diagnostics.push(d);
            return Err(diagnostics);
        }
    };
    Ok(BuildReport {
        pages,
        files: written,
        output,
        elapsed: started.elapsed(),
        warnings: diagnostics,
    })
}

/// The site root to use when none is given: the current folder.
pub fn default_root() -> PathBuf {
    Path::new(".").to_path_buf()
}
