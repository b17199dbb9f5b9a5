//! Checks that need tools outside Rust, run on built sites:
//!
//! - the browser checks of `tests/browser/run.mjs` (Debian's Chromium driven
//!   by playwright-core, with axe-core), against the example site served by
//!   a tiny static server on 127.0.0.1 (`serve.rs`);
//! - `tests/browser/reader.mjs` (every module of `tests/browser/reader/`) on
//!   every page of the example site and of `examples/national`;
//! - `tests/browser/payloads.mjs` on the payload site
//!   (`tests/fixtures/payloads/`): every page visited, and no dialog, no
//!   write to `window.__pwned` and no script the theme did not ship;
//! - the Nu Html Checker (`vnu.jar` from the npm package `vnu-jar`) on every
//!   page of the example site.
//!
//! The three Node scripts launch Chromium and watch pages through
//! `tests/browser/harness.mjs`; `run_node_on_site` builds, serves and runs
//! each. They need `chromium`, `node`, `java` and `npm ci`. This test binary
//! has its own harness (libtest-mimic) so that a check whose tools are
//! missing is reported by the runner as *ignored*, never as passed; with
//! `CHISO_REQUIRE_BROWSER=1` (as `.ci/run` sets) a missing tool fails it.

#[path = "../it/common.rs"]
mod common;
mod serve;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use libtest_mimic::{Arguments, Trial};
use serve::serve;

fn main() {
    let args = Arguments::from_args();
    let root = example_root();
    let trials = vec![
        trial(
            "the_site_works_in_chromium_sorting_searching_and_passing_axe",
            the_site_works_in_chromium_sorting_searching_and_passing_axe,
            missing_for_chromium(&root, &["playwright-core", "axe-core"]),
        ),
        trial(
            "the_reader_checks_pass_on_the_example_site",
            || reader_checks(""),
            missing_for_chromium(&root, &["playwright-core", "axe-core"]),
        ),
        trial(
            "the_reader_checks_pass_on_the_national_example",
            || reader_checks("examples/national"),
            missing_for_chromium(&root, &["playwright-core", "axe-core"]),
        ),
        trial(
            "no_payload_runs_in_chromium_on_any_page_of_the_payload_site",
            no_payload_runs_in_chromium_on_any_page_of_the_payload_site,
            missing_for_chromium(&root, &["playwright-core"]),
        ),
        trial(
            "every_page_passes_the_nu_html_checker",
            every_page_passes_the_nu_html_checker,
            missing_for_vnu(&root),
        ),
    ];
    libtest_mimic::run(&args, trials).exit();
}

/// A check as a trial: ignored (with the reason printed) when its tools are
/// missing, unless they are required; run anyway with `--include-ignored`,
/// where it then fails naming what is missing.
fn trial(name: &'static str, check: fn(), missing: Vec<String>) -> Trial {
    let ignored = !missing.is_empty() && !required();
    if ignored {
        eprintln!(
            "{name}: ignored, it needs {}: install chromium and a JDK, then run `npm ci`",
            missing.join(", ")
        );
    }
    Trial::test(name, move || {
        if !missing.is_empty() {
            return Err(format!(
                "{name} needs {}: install chromium and a JDK, then run `npm ci`",
                missing.join(", ")
            )
            .into());
        }
        check();
        Ok(())
    })
    .with_ignored_flag(ignored)
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// Whether missing tools are a failure rather than a reason to ignore.
fn required() -> bool {
    std::env::var("CHISO_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

fn runs(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn chromium() -> PathBuf {
    std::env::var_os("CHISO_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(CHROMIUM))
}

fn the_site_works_in_chromium_sorting_searching_and_passing_axe() {
    run_node_on_site("run.mjs", "", "all browser checks passed", |_| Vec::new());
}

/// Runs `tests/browser/reader.mjs` (every module of `tests/browser/reader/`)
/// on the site at `site` (relative to the repository), with the list of all
/// its pages but the 404 page.
fn reader_checks(site: &str) {
    let name = if site.is_empty() {
        "ha-tinh"
    } else {
        "national"
    };
    run_node_on_site("reader.mjs", site, "all reader checks passed", |built| {
        let mut paths = page_paths(built);
        paths.retain(|path| path != "/404.html");
        vec![name.into(), page_list(built, &paths).into()]
    });
}

fn no_payload_runs_in_chromium_on_any_page_of_the_payload_site() {
    let mut visits = 0;
    let stdout = run_node_on_site(
        "payloads.mjs",
        "tests/fixtures/payloads",
        "no payload ran",
        |built| {
            // Every page, and the search page showing payloads.
            let mut paths = page_paths(built);
            paths.push("/tim-kiem/?q=script".to_owned());
            assert!(paths.len() >= 15, "only {} pages", paths.len());
            visits = paths.len();
            vec![page_list(built, &paths).into()]
        },
    );
    assert!(
        stdout.contains(&format!("visited {visits} of {visits} pages")),
        "{stdout}"
    );
}

/// Builds the site at `site` (a folder of the repository; "" is the example
/// site itself), serves it on 127.0.0.1 and runs
/// `node tests/browser/<script> http://127.0.0.1:PORT/ <args…>` from the
/// repository root with Debian's Chromium; `args` are made from the built
/// site (the list of its pages, say). Prints the script's output, and fails
/// with it and node's stderr unless node exits with success having printed
/// `passed`. Returns the output, for further checks.
fn run_node_on_site(
    script: &str,
    site: &str,
    passed: &str,
    args: impl FnOnce(&Built) -> Vec<OsString>,
) -> String {
    let root = example_root();
    let built = build_ok(&root.join(site));
    let args = args(&built);
    let port = serve(built.out.clone());
    let output = Command::new("node")
        .arg(root.join("tests/browser").join(script))
        .arg(format!("http://127.0.0.1:{port}/"))
        .args(&args)
        .env("CHISO_CHROMIUM", chromium())
        .current_dir(&root)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node tests/browser/{script}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    let on = if site.is_empty() {
        "the example site"
    } else {
        site
    };
    assert!(
        output.status.success() && stdout.contains(passed),
        "tests/browser/{script} failed on {on} ({}; it prints “{passed}” when every \
         check passes):\n{stdout}\n{stderr}",
        output.status
    );
    stdout
}

/// Every page of a built site by its URL path (`/`, `/don-vi/ha-tinh/`,
/// `/404.html`).
fn page_paths(built: &Built) -> Vec<String> {
    built
        .all_pages()
        .into_iter()
        .map(|(file, _)| format!("/{}", file.strip_suffix("index.html").unwrap_or(&file)))
        .collect()
}

/// Writes `paths`, one a line, to `pages.txt` beside the built site (where
/// the browser scripts read which pages to visit); returns its path.
fn page_list(built: &Built, paths: &[String]) -> PathBuf {
    let list = built.dir.path().join("pages.txt");
    std::fs::write(&list, paths.join("\n"))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", list.display()));
    list
}

/// What is missing of Chromium, node and the npm packages a browser check
/// needs.
fn missing_for_chromium(root: &Path, packages: &[&str]) -> Vec<String> {
    let mut missing = Vec::new();
    if !chromium().is_file() {
        missing.push(format!("chromium ({})", chromium().display()));
    }
    if !runs("node", "--version") {
        missing.push("node".to_owned());
    }
    for package in packages {
        if !root.join("node_modules").join(package).is_dir() {
            missing.push(format!("node_modules/{package} (`npm ci`)"));
        }
    }
    missing
}

/// What is missing of Java and the Nu Html Checker.
fn missing_for_vnu(root: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if !runs("java", "-version") {
        missing.push("java".to_owned());
    }
    if !vnu_jar(root).is_file() {
        missing.push("node_modules/vnu-jar (`npm ci`)".to_owned());
    }
    missing
}

fn vnu_jar(root: &Path) -> PathBuf {
    root.join("node_modules/vnu-jar/build/dist/vnu.jar")
}

fn every_page_passes_the_nu_html_checker() {
    let root = example_root();
    let jar = vnu_jar(&root);
    let built = build_ok(&root);
    let pages = built.all_pages().len();
    assert!(pages > 50, "only {pages} pages");
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html"])
        .arg(&built.out)
        .output()
        .expect("java runs");
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && report.trim().is_empty(),
        "the Nu Html Checker found errors:\n{report}"
    );
}
