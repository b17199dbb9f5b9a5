//! Problems printed for machines, beside the report people read:
//! `--message-format github` (workflow commands, shown by GitHub Actions as
//! annotations on the pull request's files) and `--message-format gitlab`
//! (a Code Quality report, shown by GitLab on the merge request).
//!
//! Paths are given relative to the folder the command runs in: the site's
//! own paths prefixed with the `--root` given, so an annotation lands on the
//! repository file even when the site lives in a subfolder.

use std::fmt::Write as _;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};

/// How problems are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MessageFormat {
    /// The report for people, on standard error (the default).
    #[default]
    Human,
    /// The human report, and one GitHub Actions workflow command per
    /// problem on standard output.
    Github,
    /// The human report, and a GitLab Code Quality report (JSON) on
    /// standard output.
    Gitlab,
}

/// The path of a diagnostic's file as seen from the working folder.
fn path_from_work_dir(root: &Path, diagnostic: &Diagnostic) -> Option<String> {
    let file = diagnostic.file.as_ref()?;
    let path = if root == Path::new(".") || file.is_absolute() {
        file.clone()
    } else {
        root.join(file)
    };
    Some(path.to_string_lossy().replace('\\', "/"))
}

/// The text of a diagnostic on one line: message, then hint.
fn one_line(diagnostic: &Diagnostic) -> String {
    match &diagnostic.hint {
        Some(hint) => format!("{} ({hint})", diagnostic.message),
        None => diagnostic.message.clone(),
    }
}

/// Escapes the data of a workflow command (`%`, CR, LF), as the Actions
/// runner reads it.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property of a workflow command: its data escapes, and `:` and
/// `,`, which separate properties.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error file=…,line=…,col=…::message` line per problem, errors and
/// warnings alike, in the order of the human report.
pub fn github(diagnostics: &Diagnostics, root: &Path) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics.sorted() {
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut properties = Vec::new();
        if let Some(path) = path_from_work_dir(root, diagnostic) {
            properties.push(format!("file={}", escape_property(&path)));
            if let Some(location) = diagnostic.location {
                properties.push(format!("line={}", location.line));
                properties.push(format!("col={}", location.column));
            }
        }
        properties.push("title=chiso".to_owned());
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&one_line(diagnostic))
        );
    }
    out
}

/// A GitLab Code Quality report: a JSON array with one issue per problem.
/// Its fingerprint (required by GitLab to tell issues apart between runs)
/// is a hash of the file, line and message.
pub fn gitlab(diagnostics: &Diagnostics, root: &Path) -> String {
    let issues: Vec<serde_json::Value> = diagnostics
        .sorted()
        .into_iter()
        .map(|diagnostic| {
            // GitLab needs a path: a problem of no one file is the site's.
            let path = path_from_work_dir(root, diagnostic)
                .unwrap_or_else(|| root.to_string_lossy().replace('\\', "/"));
            let line = diagnostic.location.map_or(1, |l| l.line);
            let description = one_line(diagnostic);
            let severity = match diagnostic.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Note => "info",
            };
            serde_json::json!({
                "description": description,
                "check_name": "chiso",
                "fingerprint": fingerprint(&[&path, &line.to_string(), &description]),
                "severity": severity,
                "location": { "path": path, "lines": { "begin": line } },
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_owned());
    out.push('\n');
    out
}

/// A stable 64-bit FNV-1a hash of the parts, in hexadecimal: the same
/// problem gets the same fingerprint on every run and every machine.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Location;

    fn sample() -> Diagnostics {
        let mut diagnostics = Diagnostics::default();
        let mut error = Diagnostic::error("unit `a,b` is not defined: 50% off\nnext")
            .in_file("data/results/2023/khoi.toml")
            .with_hint("did you mean `a`?");
        error.location = Some(Location {
            line: 11,
            column: 8,
        });
        diagnostics.push(error);
        diagnostics.push(Diagnostic::warning("raw HTML is shown as text").in_file("config.toml"));
        diagnostics.push(Diagnostic::error("no file"));
        diagnostics
    }

    #[test]
    fn github_workflow_commands_escape_data_and_properties() {
        let out = github(&sample(), Path::new("site"));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        assert!(lines.contains(
            &"::error file=site/data/results/2023/khoi.toml,line=11,col=8,title=chiso::unit `a,b` is not defined: 50%25 off%0Anext (did you mean `a`?)"
        ), "{out}");
        assert!(
            lines.contains(
                &"::warning file=site/config.toml,title=chiso::raw HTML is shown as text"
            ),
            "{out}"
        );
        assert!(lines.contains(&"::error title=chiso::no file"), "{out}");
    }

    #[test]
    fn github_paths_stay_as_given_at_the_site_root() {
        let out = github(&sample(), Path::new("."));
        assert!(out.contains("file=data/results/2023/khoi.toml,"), "{out}");
    }

    #[test]
    fn gitlab_report_is_a_json_array_with_stable_fingerprints() {
        let out = gitlab(&sample(), Path::new("."));
        let issues: serde_json::Value = serde_json::from_str(&out).unwrap();
        let issues = issues.as_array().unwrap();
        assert_eq!(issues.len(), 3);
        let unit = issues
            .iter()
            .find(|i| i["location"]["path"] == "data/results/2023/khoi.toml")
            .unwrap();
        assert_eq!(unit["severity"], "major");
        assert_eq!(unit["location"]["lines"]["begin"], 11);
        assert_eq!(unit["fingerprint"].as_str().unwrap().len(), 16);
        // A problem of no one file is placed at the site folder.
        assert!(issues
            .iter()
            .any(|i| i["description"] == "no file" && i["location"]["path"] == "."));
        assert_eq!(out, gitlab(&sample(), Path::new(".")));
        let fingerprints: std::collections::BTreeSet<_> = issues
            .iter()
            .map(|i| i["fingerprint"].to_string())
            .collect();
        assert_eq!(fingerprints.len(), 3);
    }
}
