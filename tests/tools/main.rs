//! Checks that need tools outside Rust, run on built sites:
//!
//! - the browser checks of `tests/browser/run.mjs` (Debian's Chromium driven
//!   by playwright-core, with axe-core), against the example site served by
//!   a tiny static server on 127.0.0.1;
//! - `tests/browser/payloads.mjs` on the payload site
//!   (`tests/fixtures/payloads/`): every page visited, and no dialog, no
//!   write to `window.__pwned` and no script the theme did not ship;
//! - the Nu Html Checker (`vnu.jar` from the npm package `vnu-jar`) on every
//!   page of the example site.
//!
//! They need `chromium`, `node`, `java` and `npm ci`. This test binary has
//! its own harness (libtest-mimic) so that a check whose tools are missing
//! is reported by the runner as *ignored*, never as passed; with
//! `CHISO_REQUIRE_BROWSER=1` (as `.ci/run` sets) a missing tool fails it.

#[path = "../it/common.rs"]
mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;

use common::*;
use libtest_mimic::{Arguments, Trial};

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
    let root = example_root();
    let built = build_ok(&root);
    let port = serve(built.out.clone());
    let output = Command::new("node")
        .arg(root.join("tests/browser/run.mjs"))
        .arg(format!("http://127.0.0.1:{port}/"))
        .env("CHISO_CHROMIUM", chromium())
        .current_dir(&root)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("all browser checks passed"), "{stdout}");
}

/// Runs `tests/browser/reader.mjs` (every module of `tests/browser/reader/`)
/// on the site at `site` (relative to the repository), served on 127.0.0.1,
/// with the list of all its pages.
fn reader_checks(site: &str) {
    let root = example_root();
    let built = build_ok(&root.join(site));
    let name = if site.is_empty() {
        "ha-tinh"
    } else {
        "national"
    };
    let paths: Vec<String> = built
        .all_pages()
        .into_iter()
        .map(|(file, _)| format!("/{}", file.strip_suffix("index.html").unwrap_or(&file)))
        .filter(|path| path != "/404.html")
        .collect();
    let list = built.dir.path().join("pages.txt");
    std::fs::write(&list, paths.join("\n")).unwrap();
    let port = serve(built.out.clone());
    let output = Command::new("node")
        .arg(root.join("tests/browser/reader.mjs"))
        .arg(format!("http://127.0.0.1:{port}/"))
        .arg(name)
        .arg(&list)
        .env("CHISO_CHROMIUM", chromium())
        .current_dir(&root)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(
        output.status.success() && stdout.contains("all reader checks passed"),
        "reader checks failed on {name}:\n{stdout}\n{stderr}"
    );
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

fn no_payload_runs_in_chromium_on_any_page_of_the_payload_site() {
    let root = example_root();
    let built = build_ok(&root.join("tests/fixtures/payloads"));
    // Every page, by its URL path; and the search page showing payloads.
    let mut paths: Vec<String> = built
        .all_pages()
        .into_iter()
        .map(|(file, _)| format!("/{}", file.strip_suffix("index.html").unwrap_or(&file)))
        .collect();
    paths.push("/tim-kiem/?q=script".to_owned());
    assert!(paths.len() >= 15, "only {} pages", paths.len());
    let list = built.dir.path().join("pages.txt");
    std::fs::write(&list, paths.join("\n")).unwrap();
    let port = serve(built.out.clone());
    let output = Command::new("node")
        .arg(root.join("tests/browser/payloads.mjs"))
        .arg(format!("http://127.0.0.1:{port}/"))
        .arg(&list)
        .env("CHISO_CHROMIUM", chromium())
        .current_dir(&root)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(
        output.status.success() && stdout.contains("no payload ran"),
        "a payload ran, or the check did not finish:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains(&format!("visited {n} of {n} pages", n = paths.len())),
        "{stdout}"
    );
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

/// Serves `dir` on a free port of 127.0.0.1 for the life of the test
/// process; returns the port.
fn serve(dir: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            thread::spawn(move || {
                let _ = answer(&dir, stream);
            });
        }
    });
    port
}

/// Answers one GET request with a file of `dir` (a folder gives its
/// `index.html`), or `404.html` with status 404.
fn answer(dir: &Path, mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut file = dir.to_path_buf();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        if part == ".." {
            file = dir.join("missing");
            break;
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    let (status, file) = if file.is_file() {
        ("200 OK", file)
    } else {
        ("404 Not Found", dir.join("404.html"))
    };
    let body = std::fs::read(&file).unwrap_or_default();
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("xml") => "application/xml",
        Some("csv") => "text/csv; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()
}
