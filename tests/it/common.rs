//! Helpers shared by the integration tests: build a site into a temporary
//! folder, read its pages as parsed HTML, and copy fixture sites to mutate.

#![allow(dead_code)] // each test binary uses its own subset

use std::fs;
use std::path::{Path, PathBuf};

use chiso::{BuildOptions, Diagnostics};
use scraper::{ElementRef, Html, Selector};
use tempfile::TempDir;

/// The repository root, which is the example site.
pub fn example_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A built site in a temporary folder that lives as long as the value.
pub struct Built {
    pub dir: TempDir,
    pub out: PathBuf,
    pub report: chiso::BuildReport,
}

impl Built {
    /// Parses the page at a site path such as `xep-hang/2023/so-ban-nganh/`.
    pub fn page(&self, path: &str) -> Html {
        let file = self.out.join(path).join("index.html");
        let text = fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        Html::parse_document(&text)
    }

    /// Every HTML file written, as (site path, parsed page).
    pub fn all_pages(&self) -> Vec<(String, Html)> {
        let mut pages = Vec::new();
        for entry in walkdir::WalkDir::new(&self.out).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "html") {
                let rel = entry
                    .path()
                    .strip_prefix(&self.out)
                    .unwrap()
                    .display()
                    .to_string();
                let text = fs::read_to_string(entry.path()).unwrap();
                pages.push((rel, Html::parse_document(&text)));
            }
        }
        pages
    }
}

/// Builds the site at `root` into a fresh temporary folder.
pub fn build(root: &Path) -> Result<Built, Diagnostics> {
    build_with(BuildOptions::new(root))
}

/// Copies a site's sources: what is in `from`, but not what a build wrote
/// there.
fn copy_sources(from: &Path, to: &Path) {
    copy_filtered(from, from, to, |entry| {
        entry.depth() == 1 && matches!(entry.file_name().to_str(), Some("public" | ".chiso-cache"))
    });
}

pub fn build_with(mut options: BuildOptions) -> Result<Built, Diagnostics> {
    let dir = tempfile::tempdir().unwrap();
    if is_repository_fixture(&options.root) {
        let site = dir.path().join("site");
        copy_sources(&options.root, &site);
        options.root = site;
    }
    let out = dir.path().join("public");
    options.output = Some(out.clone());
    let report = chiso::build(&options)?;
    Ok(Built { dir, out, report })
}

/// A site of the repository other than the example: a build copies it
/// first, so that what a build keeps beside its sources (`.chiso-cache/`)
/// never reaches the fixtures.
fn is_repository_fixture(root: &Path) -> bool {
    root != example_root() && root.starts_with(example_root())
}

/// Builds and fails the test with the diagnostics if the build fails.
pub fn build_ok(root: &Path) -> Built {
    build(root).unwrap_or_else(|d| panic!("build failed:\n{d}"))
}

/// Builds and returns the diagnostics, failing the test if the build succeeds.
pub fn build_err(root: &Path) -> String {
    match build(root) {
        Ok(_) => panic!("the build of {} should have failed", root.display()),
        Err(d) => d.to_string(),
    }
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

/// The text of an element with whitespace collapsed.
pub fn text(el: ElementRef) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of the only element matching `css`.
pub fn one(html: &Html, css: &str) -> String {
    let found: Vec<_> = html.select(&sel(css)).collect();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one match for {css}, got {}",
        found.len()
    );
    text(found[0])
}

/// The texts of every element matching `css`.
pub fn all(html: &Html, css: &str) -> Vec<String> {
    html.select(&sel(css)).map(text).collect()
}

/// Copies the folder `folder` (inside `from`) to the same place inside
/// `to`, with everything in it.
pub fn copy_tree(from: &Path, folder: &Path, to: &Path) {
    copy_filtered(from, folder, to, |_| false);
}

/// [`copy_tree`], leaving out what `skip` says (and what it holds).
fn copy_filtered(from: &Path, folder: &Path, to: &Path, skip: impl Fn(&walkdir::DirEntry) -> bool) {
    for entry in walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_entry(|e| !skip(e))
    {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Copies a fixture site from `tests/fixtures/NAME` into a temporary folder.
pub fn fixture(name: &str) -> TempDir {
    let from = example_root().join("tests/fixtures").join(name);
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&from, &from, dir.path());
    dir
}

/// Copies the example site's sources (config, data and content; its
/// templates and static files left out) into a temporary folder, for a
/// test to change some of its files.
pub fn example_copy() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = example_root();
    for folder in ["content", "data"] {
        copy_tree(&root, &root.join(folder), dir.path());
    }
    fs::copy(root.join("config.toml"), dir.path().join("config.toml")).unwrap();
    dir
}

/// Writes (or overwrites) a file of a site.
pub fn put(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Runs the `chiso` binary in `dir`, in English (as the assertions are
/// written; it speaks Vietnamese by default) and without colour.
pub fn chiso(args: &[&str], dir: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chiso"))
        .env("LC_ALL", "en_US.UTF-8")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("cannot run chiso")
}

/// What a run of the binary printed on standard error.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A minimal RFC 4180 reader: fields separated by commas, quoted fields
/// with doubled quotes, CRLF line ends.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
