//! Problems found in a site, reported to the editor.
//!
//! Every stage pushes what it finds into one [`Diagnostics`] collection instead
//! of stopping at the first problem, so a single run shows everything that
//! needs fixing. A diagnostic names the file and, where known, the line and
//! column, and shows the offending line.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A line and column, both counted from 1 (columns in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The location of a byte offset in `source`.
    pub fn from_offset(source: &str, offset: usize) -> Location {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let before = &source[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { line, column }
    }
}

/// The lines of a text, to locate many offsets in it: each
/// [`Location::from_offset`] scans the text from its start.
pub struct Lines<'a> {
    source: &'a str,
    /// The byte offset where each line starts.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { source, starts }
    }

    /// The location of a byte offset, as [`Location::from_offset`] gives
    /// it, and the text of its line, as `str::lines` gives it (empty after
    /// a final line break).
    pub fn locate(&self, offset: usize) -> (Location, &'a str) {
        let source = self.source;
        let offset = floor_char_boundary(source, offset.min(source.len()));
        // How many lines start at or before the offset: its line, from 1.
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = source[start..offset].chars().count() + 1;
        let text = match self.starts.get(line) {
            Some(&next) => {
                let text = &source[start..next - 1];
                text.strip_suffix('\r').unwrap_or(text)
            }
            None => &source[start..],
        };
        (Location { line, column }, text)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub file: Option<PathBuf>,
    pub location: Option<Location>,
    /// The text of the offending line, shown under the message.
    pub snippet: Option<String>,
    /// What went wrong, in plain words.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            location: None,
            snippet: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Diagnostic {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Points at a byte offset of the file's `source`, keeping its line as snippet.
    pub fn at_offset(mut self, source: &str, offset: usize) -> Diagnostic {
        let location = Location::from_offset(source, offset);
        self.snippet = source.lines().nth(location.line - 1).map(str::to_owned);
        self.location = Some(location);
        self
    }

    /// Points at a line and column of the file's `source`.
    pub fn at_line(mut self, source: &str, line: usize, column: usize) -> Diagnostic {
        self.snippet = source
            .lines()
            .nth(line.saturating_sub(1))
            .map(str::to_owned);
        self.location = Some(Location { line, column });
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => crate::messages::label_error(),
            Severity::Warning => crate::messages::label_warning(),
        };
        writeln!(f, "{label}: {}", self.message)?;
        if let Some(file) = &self.file {
            match self.location {
                Some(loc) => writeln!(f, "  --> {}:{}:{}", file.display(), loc.line, loc.column)?,
                None => writeln!(f, "  --> {}", file.display())?,
            }
        }
        if let (Some(snippet), Some(loc)) = (&self.snippet, self.location) {
            let number = loc.line.to_string();
            let pad = " ".repeat(number.len());
            writeln!(f, "{pad} |")?;
            writeln!(f, "{number} | {snippet}")?;
            let marker_pad: String = snippet
                .chars()
                .take(loc.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{pad} | {marker_pad}^")?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = {}: {hint}", crate::messages::label_help())?;
        }
        Ok(())
    }
}

/// All the problems of one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds a diagnostic if there is one.
    pub fn extend_one(&mut self, diagnostic: Option<Diagnostic>) {
        self.items.extend(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// The problems, errors first, then by file and position, so the report
    /// reads the same on every run.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (a.severity, &a.file, a.location, &a.message)
                .cmp(&(b.severity, &b.file, b.location, &b.message))
        });
        items
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.sorted() {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let src = "a = 1\nđơn = \"x\"\n";
        assert_eq!(
            Location::from_offset(src, 0),
            Location { line: 1, column: 1 }
        );
        // "đơn = " is 6 characters but 8 bytes: the column counts characters.
        let offset = src.find('"').unwrap();
        assert_eq!(
            Location::from_offset(src, offset),
            Location { line: 2, column: 7 }
        );
        // Offsets past the end or inside a character do not panic.
        assert_eq!(Location::from_offset(src, 999).line, 3);
        assert_eq!(Location::from_offset(src, 7).column, 1);
    }

    proptest::proptest! {
        /// One pass over the text finds what `from_offset` and `lines` do.
        #[test]
        fn lines_locate_offsets_as_from_offset_does(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "đơn ", "\n", "\r\n", "\r", "ệ", ""]),
                0..24,
            ),
            offset in 0usize..80,
        ) {
            let text: String = pieces.concat();
            let (location, line) = Lines::new(&text).locate(offset);
            let want = Location::from_offset(&text, offset);
            proptest::prop_assert_eq!(location, want);
            proptest::prop_assert_eq!(line, text.lines().nth(want.line - 1).unwrap_or_default());
        }
    }

    #[test]
    fn display_shows_file_line_snippet_and_hint() {
        let src = "year = 2023\nscore = \"abc\"\n";
        let d = Diagnostic::error("expected a number")
            .in_file("data/x.toml")
            .at_offset(src, src.find("\"abc").unwrap())
            .with_hint("write the score as 88.35");
        let text = d.to_string();
        assert!(text.contains("error: expected a number"));
        assert!(text.contains("--> data/x.toml:2:9"));
        assert!(text.contains("2 | score = \"abc\""));
        assert!(text.contains("        ^"));
        assert!(text.contains("help: write the score as 88.35"));
    }
}

/// The candidate closest to `word`, if it is close enough to be a likely typo
/// (edit distance at most a third of the word's length, and at least 1 allowed).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Edit distance in characters, counting a swap of two neighbours as one
/// edit (optimal string alignment): "yaer" is one typo away from "year".
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[(i - 1) * width + j] + 1)
                    .min(d[i * width + j - 1] + 1)
                    .min(d[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod closest_tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let ids = ["so-ngoai-vu", "so-noi-vu", "ha-tinh"];
        assert_eq!(closest("so-ngaoi-vu", ids), Some("so-ngoai-vu"));
        assert_eq!(closest("ha-tihn", ids), Some("ha-tinh"));
        assert_eq!(closest("quang-binh", ids), None);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("yaer", "year"), 1);
        assert_eq!(closest("yaer", ["year", "group"]), Some("year"));
    }
}
