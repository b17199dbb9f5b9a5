//! Every check a build makes, each triggered by a fixture site: a directory
//! under `tests/fixtures/invalid/` holds the files that differ from
//! `tests/fixtures/minimal/` and `expected.snap`, an insta snapshot of the
//! exact terminal output of `chiso build` on it (every message, location,
//! snippet, hint and the closing line), in Vietnamese, the default. A failed
//! build must write nothing. One case is also snapshotted with `--lang en`,
//! as `expected.en.snap`, so both languages are covered.
//!
//! To accept a deliberate change of wording, run
//! `INSTA_UPDATE=always cargo test --test it invalid_sites` (or
//! `cargo insta test --review` with cargo-insta) and review the `.snap`
//! diffs like any other change.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::process::Command;

use crate::common::*;

/// Files of a case directory that describe it rather than lie over the site.
fn is_expectation(relative: &Path) -> bool {
    relative
        .to_str()
        .is_some_and(|name| name.starts_with("expected."))
}

fn overlay(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(from).unwrap();
        if is_expectation(relative) {
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

/// What `chiso build` (with `options`) prints on the minimal site with the
/// case's files laid over it (standard output, then standard error), its
/// exit code, and whether the output folder exists afterwards. The locale is
/// removed from the environment, so the default language is what is tested.
fn run_case(case: &Path, options: &[&str]) -> (String, Option<i32>, bool) {
    run_case_in(case, options, None)
}

/// [`run_case`] with `LANG` set to `lang`.
fn run_case_in(case: &Path, options: &[&str], lang: Option<&str>) -> (String, Option<i32>, bool) {
    let site = fixture("minimal");
    overlay(case, site.path());
    let mut command = Command::new(env!("CARGO_BIN_EXE_chiso"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(lang) = lang {
        command.env("LANG", lang);
    }
    let output = command
        .arg("build")
        .args(options)
        .current_dir(site.path())
        .output()
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (
        printed,
        output.status.code(),
        site.path().join("public").exists(),
    )
}

#[test]
fn every_invalid_fixture_prints_its_exact_report_and_writes_nothing() {
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
        let (printed, code, written) = run_case(case, &[]);
        if code != Some(1) {
            failures.push(format!("{name}: exit code {code:?}, not 1"));
        }
        if written {
            failures.push(format!("{name}: a failed build wrote the output folder"));
        }
        // Every case is compared, so one run shows every changed report.
        let compared = catch_unwind(AssertUnwindSafe(|| {
            insta::with_settings!({
                snapshot_path => case.clone(),
                prepend_module_to_snapshot => false,
                omit_expression => true,
                description => format!("chiso build on tests/fixtures/invalid/{name}"),
            }, {
                insta::assert_snapshot!("expected", printed);
            });
        }));
        if compared.is_err() {
            failures.push(format!("{name}: the report differs from expected.snap"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn lang_en_prints_the_report_in_english() {
    let name = "data-and-template-errors-together";
    let case = example_root().join("tests/fixtures/invalid").join(name);
    let (printed, code, written) = run_case(&case, &["--lang", "en"]);
    assert_eq!(code, Some(1));
    assert!(!written);
    insta::with_settings!({
        snapshot_path => case.clone(),
        prepend_module_to_snapshot => false,
        omit_expression => true,
        description => format!("chiso build --lang en on tests/fixtures/invalid/{name}"),
    }, {
        insta::assert_snapshot!("expected.en", printed);
    });
    // An English locale chooses English too, and --lang vi overrides it.
    assert_eq!(run_case_in(&case, &[], Some("en_US.UTF-8")).0, printed);
    let vietnamese = run_case(&case, &[]).0;
    assert_eq!(
        run_case_in(&case, &["--lang", "vi"], Some("en_US.UTF-8")).0,
        vietnamese
    );
    assert_ne!(vietnamese, printed);
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

/// Bands are "at or above" a score: on an index where lower is better they
/// would go to the worst units, so they are refused, each at its key.
#[test]
fn score_bands_on_an_index_where_lower_is_better_are_refused() {
    let site = fixture("minimal");
    let path = site.path().join("data/indices.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("decimals = 2\n", "decimals = 2\nhigher_is_better = false\n"),
    )
    .unwrap();
    let report = build_err(site.path());
    assert!(
        report.contains("band `xuat-sac` is by score (`min`: at or above the threshold), but this index has `higher_is_better = false`"),
        "{report}"
    );
    assert!(report.contains("band `tot` is by score"), "{report}");
    assert!(report.contains("--> data/indices.toml:13:7"), "{report}");
    assert!(report.contains("band by rank (`max_rank`)"), "{report}");
}

/// A template of the site's that chiso never reads (in the wrong folder,
/// in another letter case) is a warning naming the one probably meant; a
/// partial of the editor's own that a template includes is not.
#[test]
fn a_template_that_replaces_nothing_is_a_warning() {
    let site = fixture("minimal");
    put(site.path(), "templates/footer.html", "<footer>x</footer>");
    put(
        site.path(),
        "templates/Base.html",
        "{% block content %}{% endblock %}",
    );
    put(site.path(), "templates/partials/mine.html", "<p>mine</p>");
    put(
        site.path(),
        "templates/partials/footer.html",
        "<footer>{% include \"partials/mine.html\" %}</footer>",
    );
    let built = build_ok(site.path());
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains(
            "templates/footer.html replaces no built-in template and no template includes it"
        ),
        "{warnings}"
    );
    assert!(
        warnings.contains("did you mean templates/partials/footer.html?"),
        "{warnings}"
    );
    assert!(
        warnings.contains("did you mean templates/base.html?"),
        "{warnings}"
    );
    assert!(!warnings.contains("mine.html"), "{warnings}");
}

/// An empty file in the place of a built-in template (adv20 m5) is a
/// warning: the 404 page, or every page's footer, published empty.
#[test]
fn an_empty_template_in_place_of_a_built_in_one_is_a_warning() {
    let site = fixture("minimal");
    put(site.path(), "templates/404.html", "");
    put(site.path(), "templates/partials/footer.html", " \n");
    let built = build_ok(site.path());
    let warnings = built.report.warnings.to_string();
    for name in ["404.html", "partials/footer.html"] {
        let said = format!(
            "templates/{name} is empty: every page (or part of a page) it makes is published empty"
        );
        assert!(warnings.contains(&said), "{name}: {warnings}");
    }
    assert!(
        warnings.contains("chiso templates copy 404.html"),
        "{warnings}"
    );
}

/// A template including itself, and one extending a template that is not
/// there (adv20 m3): each an error at its tag, with the other templates'
/// errors told in the same run.
#[test]
fn include_loops_and_missing_parents_are_errors_at_their_tags() {
    let site = fixture("minimal");
    let root = site.path();
    put(
        root,
        "templates/partials/footer.html",
        "<footer>{% include \"partials/footer.html\" %}</footer>\n",
    );
    put(
        root,
        "templates/tags.html",
        "{% extends \"khong-co.html\" %}\n{% block content %}x{% endblock %}\n",
    );
    put(
        root,
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}{{ x | nope }}{% endblock %}\n",
    );
    let report = build_err(root);
    for expected in [
        "in a loop: `base.html` → `partials/footer.html` → `partials/footer.html`",
        "--> templates/partials/footer.html:1:20",
        "the template extends `khong-co.html`, but there is no template of that name",
        "--> templates/tags.html:1:12",
        "the filter `nope`",
    ] {
        assert!(report.contains(expected), "{expected}: {report}");
    }
}

/// A unit named only with spaces would print every page blank where it
/// is named: an error at its name (adv25 m7).
#[test]
fn a_unit_name_of_spaces_is_an_error_at_it() {
    let site = fixture("minimal");
    let root = site.path();
    let units = fs::read_to_string(root.join("data/units.toml")).unwrap();
    put(
        root,
        "data/units.toml",
        &units.replace("name = \"Đơn vị B\"", "name = \" \t \""),
    );
    let report = build_err(root);
    assert!(report.contains("is only spaces"), "{report}");
    assert!(report.contains("--> data/units.toml:12:8"), "{report}");
}
