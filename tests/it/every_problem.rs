//! "Every problem in one run" (`docs/huong-dan.md`): a results file that
//! does not parse has its other lines checked all the same, each problem
//! told once and nothing told that is not there; a run that stops before
//! rendering says which checks it skipped. On the example site's
//! `so-ban-nganh` table of 2023 (the file of the user test).

use std::fs;

use chiso::{Diagnostics, Severity};

use crate::common::*;

const FILE: &str = "data/results/2023/so-ban-nganh.toml";

/// The example site with lines of the table replaced: (line number, text).
fn example_with(lines: &[(usize, &str)]) -> tempfile::TempDir {
    let site = example_copy();
    let path = site.path().join(FILE);
    let text = fs::read_to_string(&path).unwrap();
    let mut all: Vec<&str> = text.lines().collect();
    for &(number, line) in lines {
        all[number - 1] = line;
    }
    fs::write(&path, all.join("\n") + "\n").unwrap();
    site
}

/// The problems of a build that must fail.
fn failed(root: &std::path::Path) -> Diagnostics {
    match build(root) {
        Ok(_) => panic!("the build should have failed"),
        Err(diagnostics) => diagnostics,
    }
}

/// Each problem of `severity`, as (file, line, message, hint), in the
/// order of the report.
fn of(diagnostics: &Diagnostics, severity: Severity) -> Vec<(String, usize, String, String)> {
    diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.severity == severity)
        .map(|d| {
            let file = d.file.as_ref().map(|f| f.display().to_string());
            (
                file.unwrap_or_default(),
                d.location.map_or(0, |l| l.line),
                d.message.clone(),
                d.hint.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// The lines of `FILE` the errors are at, checking that every error is
/// in it.
fn error_lines(diagnostics: &Diagnostics) -> Vec<usize> {
    let errors = of(diagnostics, Severity::Error);
    assert!(errors.iter().all(|e| e.0 == FILE), "{diagnostics}");
    errors.iter().map(|e| e.1).collect()
}

/// No warning, and the one note saying the articles were not checked.
fn nothing_else(diagnostics: &Diagnostics) {
    assert!(
        of(diagnostics, Severity::Warning).is_empty(),
        "{diagnostics}"
    );
    let notes = of(diagnostics, Severity::Note);
    assert_eq!(notes.len(), 1, "{diagnostics}");
    assert!(notes[0].2.contains("not checked"), "{diagnostics}");
}

#[test]
fn a_syntax_error_hides_no_other_line_of_its_file() {
    // A decimal comma in one line, a mistyped unit in another.
    let site = example_with(&[(62, "points = 93,58"), (54, "unit = \"so-ngoai-vuu\"")]);
    let diagnostics = failed(site.path());
    assert_eq!(error_lines(&diagnostics), [54, 62], "{diagnostics}");
    let errors = of(&diagnostics, Severity::Error);
    assert!(errors[0].2.contains("so-ngoai-vuu"), "{diagnostics}");
    assert!(errors[0].3.contains("`so-ngoai-vu`"), "{diagnostics}");
    assert!(errors[1].3.contains("93.58"), "{diagnostics}");
    nothing_else(&diagnostics);
}

#[test]
fn a_type_error_hides_no_other_line_of_its_file() {
    // A number in quotes with a decimal comma, and points above the line's
    // maximum.
    let site = example_with(&[(62, "points = \"93,58\""), (55, "points = 876.5")]);
    let diagnostics = failed(site.path());
    assert_eq!(error_lines(&diagnostics), [55, 62], "{diagnostics}");
    let errors = of(&diagnostics, Severity::Error);
    assert!(errors[0].2.contains("876"), "{diagnostics}");
    assert!(errors[1].3.contains("93.58"), "{diagnostics}");
    nothing_else(&diagnostics);
}

#[test]
fn a_problem_outside_the_lines_leaves_the_file_unread_as_before() {
    // The table's own key: its lines are not checked without it.
    let site = example_with(&[(13, "published_average = 90,53"), (54, "unit = \"x\"")]);
    let diagnostics = failed(site.path());
    assert_eq!(error_lines(&diagnostics), [13], "{diagnostics}");
    nothing_else(&diagnostics);
}

#[test]
fn a_file_that_parses_is_checked_whole_as_before() {
    // A unit mistyped in a file that parses: its error, and nothing more
    // (the unit it misses is the one it meant).
    let site = example_with(&[(54, "unit = \"so-ngoai-vuu\"")]);
    let diagnostics = failed(site.path());
    assert_eq!(error_lines(&diagnostics), [54], "{diagnostics}");
    nothing_else(&diagnostics);
    // A build without problems has no note.
    let valid = example_copy();
    let built = build_ok(valid.path());
    let notes = built.report.warnings.sorted();
    assert!(notes.iter().all(|d| d.severity != Severity::Note));
}

#[test]
fn an_error_in_an_article_alone_leaves_the_other_checks_run() {
    let site = example_copy();
    put(
        site.path(),
        "content/tin-tuc/hong.md",
        "+++\ntitle = \"Hỏng\"\ndate = 2024-13-01\n+++\nChữ.\n",
    );
    let diagnostics = failed(site.path());
    assert!(of(&diagnostics, Severity::Note).is_empty(), "{diagnostics}");
}

/// An editor whose results file is JSON is told what to write in JSON, not
/// in TOML.
#[test]
fn a_json_files_hints_are_written_in_json() {
    let site = fixture("minimal");
    let path = site.path().join("data/results/2022/khoi.json");
    let text = fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "\"complete\": true,",
        "\"complete\": true,\n  \"published_average\": 80.5,",
    );
    fs::write(&path, text).unwrap();
    let problems = failed(site.path());
    let errors = of(&problems, Severity::Error);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let hint = &errors[0].3;
    assert!(hint.contains("`\"average_disputed\": \"…\"`"), "{hint}");
    assert!(!hint.contains("average_disputed ="), "{hint}");
}

/// A shortcode's message about a JSON table says what to write in JSON
/// (adv16 m4), and keeps its own arguments as they are written.
#[test]
fn a_shortcode_s_message_about_a_json_table_is_written_in_json() {
    let site = fixture("minimal");
    put(
        site.path(),
        "content/tin-tuc/doi.md",
        "+++\ntitle = \"Đổi\"\ndate = 2024-05-02\n+++\n\n\
         <!-- chiso:ket-qua chi-so=chi-so nam=2022 don-vi=don-vi-a hien=thay-doi -->\n",
    );
    let problems = failed(site.path());
    let errors = of(&problems, Severity::Error);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = &errors[0].2;
    assert!(
        message.contains("`\"change\": { \"places\": … }`"),
        "{message}"
    );
    assert!(!message.contains("places ="), "{message}");
}

/// A JSON results file with several bad entries names each at its line in
/// one run, as a TOML one does.
#[test]
fn a_json_file_names_every_bad_entry_in_one_run() {
    let site = fixture("minimal");
    let file = "data/results/2022/khoi.json";
    let path = site.path().join(file);
    let text = fs::read_to_string(&path).unwrap();
    let text = text
        .replace("\"score\": 80 }", "\"score\": \"80,5\" }")
        .replace("\"don-vi-c\", \"score\"", "\"don-vi-c\", \"scroe\"")
        .replace("\"score\": 70 }", "\"score\": 70, \"rank\": -1 }");
    fs::write(&path, text).unwrap();
    let problems = failed(site.path());
    let errors = of(&problems, Severity::Error);
    let lines: Vec<(&str, usize)> = errors.iter().map(|e| (e.0.as_str(), e.1)).collect();
    assert_eq!(lines, [(file, 7), (file, 9), (file, 10)], "{problems}");
    assert!(
        errors[0].3.contains("80.5"),
        "the decimal comma's hint: {errors:?}"
    );
    assert!(errors[1].3.contains("`score`"), "did you mean: {errors:?}");
}

/// The errors of `minimal`'s 2023 table after it is rewritten: the file's
/// lines and messages.
fn minimal_2023_errors(table: &str, units: Option<&str>) -> Vec<(usize, String)> {
    let site = fixture("minimal");
    put(site.path(), "data/results/2023/khoi.toml", table);
    if let Some(units) = units {
        put(site.path(), "data/units.toml", units);
    }
    let diagnostics = failed(site.path());
    of(&diagnostics, Severity::Error)
        .into_iter()
        .map(|(file, line, message, _)| {
            assert_eq!(file, "data/results/2023/khoi.toml", "{message}");
            (line, message)
        })
        .collect()
}

const TABLE_HEAD: &str = "index = \"chi-so\"\nyear = 2023\ngroup = \"khoi\"\n";
const SOURCE: &str = "\n[source]\ntitle = \"Quyết định thử\"\n";

/// A unit ranked outside its years is a line as written: the stated rank
/// it hides is still checked in the same run (adv17 m3).
#[test]
fn a_unit_outside_its_years_hides_no_rank_of_its_table() {
    let units = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/minimal/data/units.toml"),
    )
    .unwrap()
    .replace(
        "id = \"don-vi-d\"\nname = \"Đơn vị D\"",
        "id = \"don-vi-d\"\nname = \"Đơn vị D\"\nactive_to = 2022",
    );
    let table = format!(
        "{TABLE_HEAD}complete = true\n\n\
         [[result]]\nunit = \"don-vi-a\"\nscore = 90\n\n\
         [[result]]\nunit = \"don-vi-b\"\nscore = 85\nrank = 3\n\n\
         [[result]]\nunit = \"don-vi-c\"\nscore = 84\n\n\
         [[result]]\nunit = \"don-vi-d\"\nscore = 70\n{SOURCE}"
    );
    let errors = minimal_2023_errors(&table, Some(&units));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].0, 13, "{errors:?}");
    assert!(errors[0].1.contains("rank"), "{errors:?}");
    assert_eq!(errors[1].0, 20, "{errors:?}");
    assert!(errors[1].1.contains("outside the years"), "{errors:?}");
}

/// A partial table's lines are checked pair by pair: a mistyped unit
/// leaves the others' tie ranked apart to be told in the same run; in a
/// complete table, it would shift every rank, and the ranks wait.
#[test]
fn a_mistyped_unit_hides_no_tie_of_a_partial_table() {
    let lines = |complete: bool| {
        format!(
            "{TABLE_HEAD}complete = {complete}\n\n\
             [[result]]\nunit = \"don-vi-x\"\nscore = 90\nrank = 1\n\n\
             [[result]]\nunit = \"don-vi-b\"\nscore = 85\nrank = 2\n\n\
             [[result]]\nunit = \"don-vi-c\"\nscore = 85\nrank = 3\n{SOURCE}"
        )
    };
    let errors = minimal_2023_errors(&lines(false), None);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].1.contains("don-vi-x"), "{errors:?}");
    assert!(errors[1].1.contains("both score 85"), "{errors:?}");
    let errors = minimal_2023_errors(&lines(true), None);
    assert!(
        errors.iter().all(|e| !e.1.contains("both score")),
        "{errors:?}"
    );
}

/// A published average outside the index's scale is an error at it, as a
/// score is (adv19 m2): 1e300 printed a 400-digit "Bình quân".
#[test]
fn a_published_average_outside_the_scale_is_an_error() {
    let table = format!(
        "{TABLE_HEAD}complete = false\npublished_average = 905.3\n\n\
         [[result]]\nunit = \"don-vi-b\"\nscore = 85\nrank = 2\n{SOURCE}"
    );
    let errors = minimal_2023_errors(&table, None);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, 5, "{errors:?}");
    assert!(
        errors[0]
            .1
            .contains("the published average, 905.3, is outside the scale"),
        "{errors:?}"
    );
}

/// A score with its decimal mark in the wrong place (9.31 for 93.10) in a
/// complete table with stated ranks is one error at its line, naming a
/// line it contradicts (adv21 M2); the lines it shifts are not blamed.
#[test]
fn a_mistyped_score_is_blamed_alone_not_the_lines_it_shifts() {
    let site = fixture("minimal");
    let root = site.path();
    put(
        root,
        "data/results/2023/khoi.toml",
        "index = \"chi-so\"\nyear = 2023\ngroup = \"khoi\"\ncomplete = true\n\
         source = { title = \"QĐ\" }\n\n\
         [[result]]\nunit = \"don-vi-a\"\nscore = 95\nrank = 1\n\n\
         [[result]]\nunit = \"don-vi-b\"\nscore = 9.31\nrank = 2\n\n\
         [[result]]\nunit = \"don-vi-c\"\nscore = 90\nrank = 3\n\n\
         [[result]]\nunit = \"don-vi-d\"\nscore = 80\nrank = 4\n",
    );
    let report = build_err(root);
    assert!(
        report.contains(
            "`don-vi-b` is stated as rank 2, but its score ranks 4, against `don-vi-d` (stated 4) \
             and 1 more line, whose stated ranks agree"
        ),
        "{report}"
    );
    assert!(report.contains("khoi.toml:15:8"), "{report}");
    assert!(!report.contains("`don-vi-c` is stated"), "{report}");
    assert!(!report.contains("`don-vi-d` is stated"), "{report}");
}

/// A unit merged away with no `active_to` is still counted as assessed: a
/// complete table without it names the fix, its last year (adv21 m2),
/// rather than results, `not_ranked` or `excluded`.
#[test]
fn a_unit_merged_without_active_to_is_told_to_end() {
    let site = fixture("minimal");
    let root = site.path();
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    put(
        root,
        "data/units.toml",
        &units.replace(
            "name = \"Đơn vị D\"\ngroup = \"khoi\"\n",
            "name = \"Đơn vị D\"\ngroup = \"khoi\"\nmerged_into = \"don-vi-a\"\n",
        ),
    );
    let table = std::fs::read_to_string(root.join("data/results/2023/khoi.toml")).unwrap();
    put(
        root,
        "data/results/2023/khoi.toml",
        &table.replace(
            "[[result]]\nunit = \"don-vi-d\"\npoints = 72\nmax_points = 90\n",
            "",
        ),
    );
    let report = build_err(root);
    assert!(report.contains("`don-vi-d` (Đơn vị D)"), "{report}");
    assert!(
        report.contains("`don-vi-d` was merged or abolished but has no `active_to`")
            && report.contains("the line active_to = 2022"),
        "{report}"
    );
}
