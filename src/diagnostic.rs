//! Problems found in a site, reported to the editor.
//!
//! Every stage pushes what it finds into one [`Diagnostics`] collection instead
//! of stopping at the first problem, so a single run shows everything that
//! needs fixing. A diagnostic names the file and, where known, the line and
//! column, and shows the offending line.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors stop the build, warnings do not. A
/// note is no problem: it tells what a run did not do (checks skipped),
/// and comes last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Note,
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

/// How many characters of a line a diagnostic quotes at most: a window
/// around the column, so that an error in a one-line JSON file of megabytes
/// shows a readable piece of it.
const WINDOW: usize = 100;

/// The quoted part of an offending line: the whole line, or a window of
/// it around the column with `…` where it was cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Where the caret goes, in characters from the start of `text`.
    pub caret: usize,
}

impl Snippet {
    /// The window of `line` around byte `at` (clamped to the line and a
    /// character boundary). Costs the window's length, not the line's.
    pub fn around(line: &str, at: usize) -> Snippet {
        let at = floor_char_boundary(line, at.min(line.len()));
        // Up to a window's worth of characters on each side: where each
        // starts before `at`, and where each ends after it.
        let before: Vec<usize> = line[..at]
            .char_indices()
            .rev()
            .take(WINDOW)
            .map(|(i, _)| i)
            .collect();
        let after: Vec<usize> = line[at..]
            .char_indices()
            .take(WINDOW)
            .map(|(i, c)| at + i + c.len_utf8())
            .collect();
        // Half the window before the caret, more when the line ends soon.
        let keep_before = before
            .len()
            .min((WINDOW / 2).max(WINDOW - after.len().min(WINDOW)));
        let keep_after = after.len().min(WINDOW - keep_before);
        let start = keep_before.checked_sub(1).map_or(at, |k| before[k]);
        let end = keep_after.checked_sub(1).map_or(at, |k| after[k]);
        let mut text = String::with_capacity(end - start + 6);
        let mut caret = keep_before;
        if start > 0 {
            text.push('…');
            caret += 1;
        }
        text.push_str(&line[start..end]);
        if end < line.len() {
            text.push('…');
        }
        Snippet { text, caret }
    }

    /// The window of `line` around character column `column` (from 1).
    pub fn at_column(line: &str, column: usize) -> Snippet {
        let at = line
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        Snippet::around(line, at)
    }
}

/// The lines of a text, to locate many offsets in it: each
/// [`Location::from_offset`] scans the text from its start.
pub struct Lines<'a> {
    source: &'a str,
    /// The byte offset where each line starts.
    starts: Cow<'a, [usize]>,
}

/// The byte offset where each line of `source` starts, to keep for
/// [`Lines::with_starts`].
pub fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

impl<'a> Lines<'a> {
    pub fn new(source: &'a str) -> Self {
        Lines {
            source,
            starts: Cow::Owned(line_starts(source)),
        }
    }

    /// The lines of `source`, whose [`line_starts`] were kept.
    pub fn with_starts(source: &'a str, starts: &'a [usize]) -> Self {
        Lines {
            source,
            starts: Cow::Borrowed(starts),
        }
    }

    /// The text of line `line` (from 1), as `str::lines` gives it.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let text = match self.starts.get(line) {
            Some(&next) => &self.source[start..next - 1],
            None if start == self.source.len() && line > 1 => return None,
            None => &self.source[start..],
        };
        Some(text.strip_suffix('\r').unwrap_or(text))
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

/// Locates offsets met in increasing order in one pass over their lines:
/// [`Lines::locate`] counts a column's characters from its line's start,
/// which is quadratic for thousands of links on one long line.
pub struct Cursor<'l, 'a> {
    lines: &'l Lines<'a>,
    /// The last offset located, with its location.
    last: Option<(usize, Location)>,
}

impl<'a> Lines<'a> {
    /// A cursor over these lines.
    pub fn cursor(&self) -> Cursor<'_, 'a> {
        Cursor {
            lines: self,
            last: None,
        }
    }

    /// The location of a byte offset and the window of its line to quote.
    pub fn point(&self, offset: usize) -> (Location, Snippet) {
        self.cursor().point(offset)
    }
}

impl Cursor<'_, '_> {
    /// The location of `offset` and the window of its line to quote; cheap
    /// when `offset` follows the previous one on the same line.
    pub fn point(&mut self, offset: usize) -> (Location, Snippet) {
        let source = self.lines.source;
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let line = self.lines.starts.partition_point(|&start| start <= offset);
        let start = self.lines.starts[line - 1];
        let column = match self.last {
            Some((last, at)) if at.line == line && last <= offset => {
                at.column + source[last..offset].chars().count()
            }
            _ => source[start..offset].chars().count() + 1,
        };
        let location = Location { line, column };
        self.last = Some((offset, location));
        let end = match self.lines.starts.get(line) {
            Some(&next) => next - 1,
            None => source.len(),
        };
        let text = &source[start..end];
        let text = text.strip_suffix('\r').unwrap_or(text);
        (location, Snippet::around(text, offset - start))
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
    /// The text of the offending line, shown under the message (a window
    /// of it when `caret` is set).
    pub snippet: Option<String>,
    /// Where the caret goes under `snippet`, in characters, when the snippet
    /// is a window of its line; `None` for a whole line, where the caret
    /// goes at the column (and a long line is cut when shown).
    pub caret: Option<usize>,
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
            caret: None,
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

    pub fn note(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(message)
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Diagnostic {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Points at a byte offset of the file's `source`, quoting its line
    /// around the offset. Scans the source up to the offset: to place many
    /// diagnostics in one file, use [`Lines`] and [`Diagnostic::at_point`].
    pub fn at_offset(self, source: &str, offset: usize) -> Diagnostic {
        let location = Location::from_offset(source, offset);
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let line = &source[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        self.at_point(location, Snippet::around(line, offset - start))
    }

    /// Points at a location, quoting `snippet`.
    pub fn at_point(mut self, location: Location, snippet: Snippet) -> Diagnostic {
        self.location = Some(location);
        self.snippet = Some(snippet.text);
        self.caret = Some(snippet.caret);
        self
    }

    /// Points at a line and column of the file's `source`. Scans the source
    /// up to the line: to place many, use [`Diagnostic::at_line_of`].
    pub fn at_line(self, source: &str, line: usize, column: usize) -> Diagnostic {
        self.at_line_of(&Lines::new(source), line, column)
    }

    /// Points at a line and column of the text of `lines`.
    pub fn at_line_of(mut self, lines: &Lines, line: usize, column: usize) -> Diagnostic {
        let location = Location { line, column };
        match lines.line(line) {
            Some(text) => self.at_point(location, Snippet::at_column(text, column)),
            None => {
                self.location = Some(location);
                self
            }
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// ANSI styles of a report in a terminal (`{:#}`): the label and caret in
/// the severity's colour, the message in bold, locations and the gutter in
/// blue, as rustc and cargo show them.
struct Styles {
    label: &'static str,
    bold: &'static str,
    gutter: &'static str,
    help: &'static str,
    reset: &'static str,
}

impl Styles {
    fn new(severity: Severity, colour: bool) -> Styles {
        if !colour {
            return Styles {
                label: "",
                bold: "",
                gutter: "",
                help: "",
                reset: "",
            };
        }
        Styles {
            label: match severity {
                Severity::Error => "\x1b[1;31m",
                Severity::Warning => "\x1b[1;33m",
                Severity::Note => "\x1b[1;36m",
            },
            bold: "\x1b[1m",
            gutter: "\x1b[1;34m",
            help: "\x1b[1;36m",
            reset: "\x1b[0m",
        }
    }
}

/// The report of one problem, as the terminal shows it; with the alternate
/// flag (`{:#}`) in colour.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Styles {
            label: style,
            bold,
            gutter,
            help,
            reset,
        } = Styles::new(self.severity, f.alternate());
        let label = match self.severity {
            Severity::Error => crate::messages::label_error(),
            Severity::Warning => crate::messages::label_warning(),
            Severity::Note => crate::messages::label_note(),
        };
        let message = printable(&self.message);
        writeln!(f, "{style}{label}{reset}{bold}: {message}{reset}")?;
        if let Some(file) = &self.file {
            let file = file.display().to_string();
            let file = printable(&file);
            match self.location {
                Some(loc) => {
                    writeln!(f, "  {gutter}-->{reset} {file}:{}:{}", loc.line, loc.column)?
                }
                None => writeln!(f, "  {gutter}-->{reset} {file}")?,
            }
        }
        // The hint lines up with the gutter of the snippet, when there is one.
        let mut hint_pad = "  ".to_owned();
        if let (Some(snippet), Some(loc)) = (&self.snippet, self.location) {
            let number = loc.line.to_string();
            let pad = " ".repeat(number.len());
            let window;
            let (snippet, caret) = match self.caret {
                Some(caret) => (snippet.as_str(), caret),
                None => {
                    window = Snippet::at_column(snippet, loc.column);
                    (window.text.as_str(), window.caret)
                }
            };
            writeln!(f, "{gutter}{pad} |{reset}")?;
            writeln!(f, "{gutter}{number} |{reset} {}", printable(snippet))?;
            let marker_pad: String = snippet
                .chars()
                .take(caret)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{gutter}{pad} |{reset} {marker_pad}{style}^{reset}")?;
            hint_pad = format!("{pad} ");
        }
        if let Some(hint) = &self.hint {
            let label = crate::messages::label_help();
            let hint = printable(hint);
            writeln!(f, "{hint_pad}{gutter}={reset} {help}{label}{reset}: {hint}")?;
        }
        Ok(())
    }
}

/// `text` with each control character but tabs and line ends shown as
/// `�`, one character for one so a caret stays under its place: a data
/// file's ESC or BEL quoted in a message would otherwise drive the
/// editor's terminal (retitle it, clear it, hide the error).
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let control = |c: char| c.is_control() && c != '\t' && c != '\n';
    if !text.contains(control) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| if control(c) { '\u{fffd}' } else { c })
        .collect::<String>()
        .into()
}

/// All the problems of one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// The errors alone, without the warnings (`--quiet`).
    pub fn errors(&self) -> Diagnostics {
        Diagnostics {
            items: self
                .items
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect(),
        }
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// The problems of every file but `files` (and those of no file).
    pub fn without_files(&self, files: &[&Path]) -> Diagnostics {
        Diagnostics {
            items: self
                .items
                .iter()
                .filter(|d| d.file.as_deref().is_none_or(|f| !files.contains(&f)))
                .cloned()
                .collect(),
        }
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

    pub fn warning_count(&self) -> usize {
        let warning = |d: &&Diagnostic| d.severity == Severity::Warning;
        self.items.iter().filter(warning).count()
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
            if f.alternate() {
                writeln!(f, "{d:#}")?;
            } else {
                writeln!(f, "{d}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_with_the_alternate_flag_and_the_hint_lines_up_with_the_gutter() {
        let source = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nscore = 190\n";
        let d = Diagnostic::error("the score is outside the scale")
            .in_file("data/x.toml")
            .at_line(source, 11, 9)
            .with_hint("check the decimal point");
        let plain = d.to_string();
        assert!(!plain.contains('\x1b'), "{plain}");
        assert!(
            plain.contains("\n11 | score = 190\n   |         ^\n   = "),
            "{plain}"
        );
        let coloured = format!("{d:#}");
        assert!(coloured.contains("\x1b[1;31m"), "{coloured:?}");
        let stripped = coloured
            .split('\x1b')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('m').map_or("", |p| p.1)
                }
            })
            .collect::<String>();
        assert_eq!(stripped, plain);
    }

    /// A data file's terminal escapes never reach the terminal (adv19 m1).
    #[test]
    fn control_characters_of_a_file_are_not_printed_raw() {
        let source = "name = \"Hà\x1b]0;PWNED\x07\x1b[2J\" junk\n";
        let d = Diagnostic::error("`Hà\x1b[31m` is wrong")
            .in_file("data/units\x1b.toml")
            .at_line(source, 1, 27)
            .with_hint("fix \x07 it");
        let plain = d.to_string();
        assert!(!plain.contains(['\x1b', '\x07']), "{plain:?}");
        assert!(plain.contains("Hà\u{fffd}]0;PWNED"), "{plain}");
        // The caret still stands under its character.
        let lines: Vec<&str> = plain.lines().collect();
        let quoted = lines.iter().position(|l| l.starts_with("1 |")).unwrap();
        let caret = lines[quoted + 1].find('^').unwrap();
        assert_eq!(lines[quoted].chars().nth(caret), Some('j'), "{plain}");
    }

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
    fn a_long_line_is_quoted_as_a_window_around_the_column() {
        let short = "score = 90,5";
        assert_eq!(
            Snippet::around(short, 8),
            Snippet {
                text: short.into(),
                caret: 8
            }
        );
        let long = format!("{}X{}", "ệ".repeat(1_000_000), "b".repeat(1_000_000));
        let at = long.find('X').unwrap();
        let snippet = Snippet::around(&long, at);
        assert_eq!(snippet.text.chars().count(), WINDOW + 2);
        assert!(snippet.text.starts_with('…') && snippet.text.ends_with('…'));
        assert_eq!(snippet.text.chars().nth(snippet.caret), Some('X'));
        // Near the end of a line, the window reaches further back.
        let end = format!("{}X", "a".repeat(500));
        let snippet = Snippet::around(&end, 500);
        assert_eq!(snippet.text.chars().count(), WINDOW + 1);
        assert_eq!(snippet.text.chars().nth(snippet.caret), Some('X'));
        // Shown with the caret under the column, not a megabyte of line.
        let d = Diagnostic::error("x").at_offset(&long, at);
        assert_eq!(d.location.unwrap().column, 1_000_001);
        let shown = d.to_string();
        assert!(shown.len() < 1_000, "{}", shown.len());
        let caret_line = shown.lines().nth(3).unwrap();
        let snippet_line = shown.lines().nth(2).unwrap();
        let caret = caret_line.chars().position(|c| c == '^').unwrap();
        assert_eq!(snippet_line.chars().nth(caret), Some('X'));
        // A whole line set as the snippet is cut when shown.
        let mut d = Diagnostic::error("x");
        d.location = Some(Location {
            line: 1,
            column: 1_000_001,
        });
        d.snippet = Some(long.clone());
        assert!(d.to_string().len() < 1_000);
    }

    #[test]
    fn a_cursor_locates_many_offsets_of_one_line_as_lines_does() {
        let text = "a\nđơn [x](y) [z](w)\r\nb";
        let lines = Lines::new(text);
        let mut cursor = lines.cursor();
        for offset in [0, 2, 5, 9, 12, 14, 3, 26, 27] {
            let (location, snippet) = cursor.point(offset);
            let (want, line) = lines.locate(offset);
            assert_eq!(location, want, "{offset}");
            assert_eq!(snippet.text, line);
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

/// The longest word "did you mean" compares, in characters: ids and keys
/// are short, and a longer word is no typo of one (an id of megabytes would
/// otherwise cost its length times every candidate's).
const MAX_COMPARED: usize = 64;

/// The candidate closest to `word`, if it is close enough to be a likely typo
/// (edit distance at most a third of the word's length, and at least 1 allowed).
/// Bounded: words longer than `MAX_COMPARED` (64) and candidates whose length
/// alone differs by more than the limit are skipped, and each distance is
/// computed in rows of the shorter bound.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if word.len() > MAX_COMPARED * 4 {
        return None;
    }
    let word: Vec<char> = word.chars().collect();
    if word.len() > MAX_COMPARED {
        return None;
    }
    let limit = (word.len() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    let mut other = Vec::new();
    for candidate in candidates {
        // A candidate of more than `MAX_COMPARED + limit` bytes has more
        // characters than the word plus the limit, or is too long anyway.
        if candidate.len() > (MAX_COMPARED + limit) * 4 {
            continue;
        }
        other.clear();
        other.extend(candidate.chars());
        if other.len().abs_diff(word.len()) > limit {
            continue;
        }
        let Some(distance) = edit_distance_within(&word, &other, limit) else {
            continue;
        };
        if best.is_none_or(|b| (distance, candidate) < b) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// The edit distance of `a` and `b` if it is at most `limit`: stops as soon
/// as a whole row of the table exceeds it (distances never decrease down
/// the rows), so most candidates cost a few rows.
fn edit_distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    let width = b.len() + 1;
    let mut rows = [
        vec![0usize; width],
        (0..width).collect(),
        vec![0usize; width],
    ];
    for i in 1..=a.len() {
        let [before, previous, current] = &mut rows;
        current[0] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
            row_min = row_min.min(best);
        }
        // A transposition reaches back two rows: stop only when both
        // rows are past the limit.
        let previous_min = previous.iter().copied().min().unwrap_or(0);
        if row_min > limit && previous_min > limit {
            return None;
        }
        rows.rotate_left(1);
    }
    Some(rows[1][b.len()]).filter(|&d| d <= limit)
}

/// Edit distance in characters, counting a swap of two neighbours as one
/// edit (optimal string alignment): "yaer" is one typo away from "year".
/// Keeps three rows, so memory is the length of `b`.
#[cfg(test)]
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    // Rows i - 2, i - 1 and i.
    let mut rows = [
        vec![0usize; width],
        (0..width).collect(),
        vec![0usize; width],
    ];
    for i in 1..=a.len() {
        let [before, previous, current] = &mut rows;
        current[0] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        rows.rotate_left(1);
    }
    rows[1][b.len()]
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
        let d = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            edit_distance(&a, &b)
        };
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("abc", ""), 3);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("yaer", "year"), 1);
        assert_eq!(d("ca", "abc"), 3);
        // The bounded distance agrees wherever the distance is in bounds.
        let words = [
            "", "a", "ab", "ba", "abc", "acb", "yaer", "year", "kitten", "sitting",
        ];
        for a in words {
            for b in words {
                let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                for limit in 0..8 {
                    let want = Some(d(a, b)).filter(|&v| v <= limit);
                    assert_eq!(edit_distance_within(&x, &y, limit), want, "{a} {b} {limit}");
                }
            }
        }
        assert_eq!(closest("yaer", ["year", "group"]), Some("year"));
        // Ties go to the first in order of text, whatever the order given.
        assert_eq!(closest("ab", ["ac", "aa"]), Some("aa"));
    }

    #[test]
    fn a_huge_word_is_no_typo_and_costs_nothing() {
        let huge = "a".repeat(10_000_000);
        assert_eq!(closest(&huge, ["a", "aa", huge.as_str()]), None);
        assert_eq!(
            closest("so-noi-vu", [huge.as_str(), "so-noi-vu"]),
            Some("so-noi-vu")
        );
        let long = "x".repeat(MAX_COMPARED);
        assert_eq!(closest(&long, [long.as_str()]), Some(long.as_str()));
    }
}
