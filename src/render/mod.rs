//! Rendering: the list of pages the site has, each rendered with Tera from a
//! borrowed view of the model and content. Built-in templates are embedded in
//! the binary; a file of the same name in the site's `templates/` overrides
//! one. Rendering reads no files but templates and touches no clock, so the
//! same input renders the same bytes.

mod filters;
mod pages;
pub mod urls;
mod views;

use std::collections::BTreeMap;
use std::path::Path;

use tera::Tera;
use walkdir::WalkDir;

use crate::config::Config;
use crate::content::Content;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::input::read_text;
use crate::model::Site;

/// The templates folder, relative to the site root.
pub const TEMPLATES_DIR: &str = "templates";

/// The built-in templates, by name.
const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("macros.html", include_str!("templates/macros.html")),
    ("home.html", include_str!("templates/home.html")),
    ("index-page.html", include_str!("templates/index-page.html")),
    ("year.html", include_str!("templates/year.html")),
    ("ranking.html", include_str!("templates/ranking.html")),
    ("unit.html", include_str!("templates/unit.html")),
    (
        "article-list.html",
        include_str!("templates/article-list.html"),
    ),
    ("article.html", include_str!("templates/article.html")),
    (
        "partials/footer.html",
        include_str!("templates/partials/footer.html"),
    ),
];

/// Built-in files written to the output before `static/` is copied over it.
const DEFAULT_ASSETS: &[(&str, &str)] = &[("chiso.css", include_str!("assets/chiso.css"))];

/// One rendered file of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Renders every page of the site.
pub fn render(
    root: &Path,
    config: &Config,
    site: &Site,
    content: &Content,
    diagnostics: &mut Diagnostics,
) -> Vec<OutputFile> {
    let Some(tera) = load_templates(root, diagnostics) else {
        return Vec::new();
    };
    let mut files: Vec<OutputFile> = DEFAULT_ASSETS
        .iter()
        .map(|(path, text)| OutputFile {
            path: (*path).to_owned(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for page in pages::pages(config, site, content) {
        let path = format!("{}index.html", page.path);
        if let Some(first) = seen.insert(path.clone(), page.describe.clone()) {
            diagnostics.push(
                Diagnostic::error(format!(
                    "two pages would be written to /{}: {first} and {}",
                    page.path, page.describe
                ))
                .with_hint("give one of them a different id or slug"),
            );
            continue;
        }
        match tera.render(page.template, &page.context) {
            Ok(html) => files.push(OutputFile {
                path,
                bytes: html.into_bytes(),
            }),
            Err(e) => diagnostics.push(template_error(page.template, &page.describe, &e)),
        }
    }
    files
}

/// Loads built-in templates, then the site's own over them.
fn load_templates(root: &Path, diagnostics: &mut Diagnostics) -> Option<Tera> {
    let mut sources: BTreeMap<String, String> = DEFAULT_TEMPLATES
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect();
    let dir = root.join(TEMPLATES_DIR);
    if dir.is_dir() {
        for entry in WalkDir::new(&dir).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    diagnostics.push(Diagnostic::error(format!("cannot read templates/: {e}")));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path();
            let shown = path.strip_prefix(root).unwrap_or(path);
            let name = path
                .strip_prefix(&dir)
                .unwrap_or(path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            match read_text(path, shown) {
                Ok(text) => {
                    sources.insert(name, text);
                }
                Err(d) => diagnostics.push(d),
            }
        }
    }
    let mut tera = Tera::default();
    filters::register(&mut tera);
    if let Err(e) = tera.add_raw_templates(sources) {
        diagnostics.push(template_error("", "the templates", &e));
        return None;
    }
    Some(tera)
}

/// A Tera error as a diagnostic, with the whole chain of causes (the outer
/// error names the template, the inner ones the missing variable or filter).
fn template_error(template: &str, page: &str, error: &tera::Error) -> Diagnostic {
    let mut causes = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        causes.push(cause.to_string());
        source = cause.source();
    }
    let mut d = Diagnostic::error(format!("cannot render {page}: {}", causes.join(": ")))
        .with_hint("check the template: a variable that does not exist, or a filter given the wrong kind of value");
    if !template.is_empty() {
        d = d.in_file(format!("{TEMPLATES_DIR}/{template}"));
    }
    d
}
