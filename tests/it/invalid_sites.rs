//! Every check a build makes, each triggered by a fixture site: a directory
//! under `tests/fixtures/invalid/` holds the files that differ from
//! `tests/fixtures/minimal/` and `expected.txt`, the lines the build must
//! print (message, location, hint). A failed build must write nothing.

use std::fs;
use std::path::Path;

use crate::common::*;
use chiso::BuildOptions;

fn overlay(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(from).unwrap();
        if relative == Path::new("expected.txt") {
            continue;
        }
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Builds the minimal site with the case's files laid over it.
fn run_case(case: &Path) -> (String, bool) {
    let site = fixture("minimal");
    overlay(case, site.path());
    let out = site.path().join("public");
    let options = BuildOptions {
        output: Some(out.clone()),
        ..BuildOptions::new(site.path())
    };
    let report = match chiso::build(&options) {
        Ok(_) => String::new(),
        Err(diagnostics) => diagnostics.to_string(),
    };
    (report, out.exists())
}

#[test]
fn every_invalid_fixture_reports_its_exact_message_and_writes_nothing() {
    let dir = example_root().join("tests/fixtures/invalid");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 30,
        "expected the whole set of invalid fixtures"
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expected = fs::read_to_string(case.join("expected.txt"))
            .unwrap_or_else(|_| panic!("{name} has no expected.txt"));
        let (report, written) = run_case(case);
        if report.is_empty() {
            failures.push(format!("{name}: the build succeeded"));
            continue;
        }
        if written {
            failures.push(format!("{name}: a failed build wrote the output folder"));
        }
        for line in expected.lines().filter(|l| !l.trim().is_empty()) {
            if !report.lines().any(|l| l == line) {
                failures.push(format!("{name}: missing line\n  {line}\nin:\n{report}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_outside_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("passwords.txt"), "secret").unwrap();
    let site = fixture("minimal");
    fs::create_dir_all(site.path().join("static")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("passwords.txt"),
        site.path().join("static/a.txt"),
    )
    .unwrap();
    let report = build_err(site.path());
    assert!(
        report.contains("outside the site folder, so it is refused"),
        "{report}"
    );
    assert!(report.contains("--> static/a.txt"), "{report}");
}
