//! Reading what can be read of a TOML results file that did not parse:
//! its `[[result]]` entries that have a problem are left out and the rest
//! is read as the table, so that `model` checks each remaining line (an
//! unknown unit, a score outside the scale) in the same run that tells the
//! parse problems. Without it, an editor who fixed a decimal comma would
//! learn of the next line's mistyped unit only on the next run.
//!
//! Only a file whose every problem sits inside a `[[result]]` entry is
//! recovered: a table-level key that does not read (`decimals`,
//! `complete`, `index`) would change how every line is checked. What is
//! recovered is never published: the file's problems are errors, and
//! `model` checks a recovered table line by line only (see
//! [`super::Reading::Recovered`]).

use std::ops::Range;

use super::schema::ResultsFile;

/// A results file read without its bad entries.
#[derive(Debug)]
pub(super) struct Recovered {
    /// The file's text with the lines that do not parse and the bad
    /// entries blanked (spaces, newlines kept): every line kept is at its
    /// place, so problems found later point into the file as written, and
    /// the entries left are numbered as in [`Recovered::value`].
    pub text: String,
    pub value: ResultsFile,
}

/// The table of `blanked` (a results file with its syntax errors' lines
/// blanked, see `parse::toml_syntax_problems`) read without every
/// `[[result]]` entry holding one of the byte offsets `bad` (the blanked
/// lines, the entries that did not deserialize). `None` when a problem is
/// outside every entry, or the rest does not read as a table.
pub(super) fn toml_results(blanked: &str, bad: &[usize]) -> Option<Recovered> {
    let entries = result_entries(blanked);
    let mut dropped = vec![false; entries.len()];
    for at in bad {
        let entry = entries.iter().position(|e| e.contains(at))?;
        dropped[entry] = true;
    }
    let left_out: Vec<Range<usize>> = entries
        .into_iter()
        .zip(&dropped)
        .filter(|(_, &dropped)| dropped)
        .map(|(entry, _)| entry)
        .collect();
    let text = blank(blanked, &left_out);
    let value: ResultsFile = toml::from_str(&text).ok()?;
    // A line that only looked like a header (inside a multi-line string)
    // would have cut an entry short: the count tells.
    let kept = dropped.iter().filter(|&&d| !d).count();
    (value.results.len() == kept).then_some(Recovered { text, value })
}

/// The byte range of each `[[result]]` entry of `text`: from its header to
/// the next header that is not one of its own sub-tables
/// (`[result.components]`, `[[result.regional]]`), or to the end.
fn result_entries(text: &str) -> Vec<Range<usize>> {
    let mut entries = Vec::new();
    let mut open: Option<usize> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(header) = header_of(line) {
            let starts_entry = header.first == "result" && header.array && !header.dotted;
            let sub_table = header.first == "result" && header.dotted;
            if !sub_table {
                if let Some(start) = open.take() {
                    entries.push(start..at);
                }
            }
            if starts_entry {
                open = Some(at);
            }
        }
        at += line.len();
    }
    if let Some(start) = open {
        entries.push(start..text.len());
    }
    entries
}

/// A table header line (`[source]`, `[[result]]`, `[result.components]`).
struct Header<'a> {
    /// Its first key, without quotes.
    first: &'a str,
    /// `[[…]]`: an entry of an array of tables.
    array: bool,
    /// More than one key (`result.components`).
    dotted: bool,
}

/// The header on `line`, if it is one: a `[` first, a key path of bare or
/// quoted keys, the closing bracket, at most a comment after it. A line
/// of a multi-line array (`[1, 2],`) is not one.
fn header_of(line: &str) -> Option<Header<'_>> {
    let line = line.trim();
    let (array, inner) = match line.strip_prefix("[[") {
        Some(rest) => (true, rest.split_once("]]")?),
        None => (false, line.strip_prefix('[')?.split_once(']')?),
    };
    let (path, after) = inner;
    let after = after.trim_start();
    if !(after.is_empty() || after.starts_with('#')) {
        return None;
    }
    let key_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ' | '"' | '\'');
    if path.trim().is_empty() || !path.chars().all(key_char) {
        return None;
    }
    let mut keys = path.split('.');
    let first = keys.next()?.trim().trim_matches(['"', '\'']);
    Some(Header {
        first,
        array,
        dotted: keys.next().is_some(),
    })
}

/// `text` with every byte in `ranges` but line ends replaced by a space:
/// the same length and lines, so every other offset, line and column stays.
fn blank(text: &str, ranges: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let inside = ranges.iter().any(|r| r.contains(&at));
        if inside && !matches!(c, '\n' | '\r') {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "index = \"i\"\nyear = 2023\ngroup = \"g\"\n\n\
        [[result]]\nunit = \"a\"\nscore = 1\n\n\
        [result.components]\nx = 1\n\n\
        [[result]]\nunit = \"b\"\nscore = 2\n\n\
        [[result.regional]]\nregion = \"r\"\nrank = 1\n\n\
        [[result]]\nunit = \"c\"\nscore = 3\n\n\
        [source]\ntitle = \"Quyết định\"\n";

    fn offset_of(text: &str, needle: &str) -> usize {
        text.find(needle).unwrap_or(usize::MAX)
    }

    #[test]
    fn an_entry_reaches_over_its_own_sub_tables_to_the_next_entry_or_table() {
        let entries = result_entries(FILE);
        let starts: Vec<usize> = entries.iter().map(|e| e.start).collect();
        let ends: Vec<usize> = entries.iter().map(|e| e.end).collect();
        assert_eq!(entries.len(), 3);
        assert_eq!(starts[0], offset_of(FILE, "[[result]]\nunit = \"a\""));
        assert_eq!(ends[0], offset_of(FILE, "[[result]]\nunit = \"b\""));
        assert_eq!(ends[1], offset_of(FILE, "[[result]]\nunit = \"c\""));
        assert_eq!(ends[2], offset_of(FILE, "[source]"));
    }

    #[test]
    fn the_bad_entries_are_left_out_and_every_other_line_stays_in_place() {
        let bad = [offset_of(FILE, "score = 2")];
        let recovered = toml_results(FILE, &bad).expect("recovered");
        let units: Vec<&str> = recovered
            .value
            .results
            .iter()
            .map(|r| r.unit.as_str())
            .collect();
        assert_eq!(units, ["a", "c"]);
        assert_eq!(recovered.text.len(), FILE.len());
        assert_eq!(recovered.text.lines().count(), FILE.lines().count());
        assert_eq!(
            offset_of(&recovered.text, "unit = \"c\""),
            offset_of(FILE, "unit = \"c\"")
        );
        assert!(recovered.value.source.is_some());
        // The first entry keeps its sub-table.
        assert_eq!(recovered.value.results[0].components.len(), 1);
    }

    #[test]
    fn a_problem_outside_every_entry_gives_up() {
        assert!(toml_results(FILE, &[offset_of(FILE, "year")]).is_none());
        assert!(toml_results(FILE, &[offset_of(FILE, "title")]).is_none());
        // Without its key, the table is not one.
        let no_year = FILE.replace("year = 2023", "           ");
        assert!(toml_results(&no_year, &[offset_of(FILE, "score = 1")]).is_none());
    }

    #[test]
    fn only_header_lines_are_headers() {
        assert!(header_of("  [1, 2],\n").is_none());
        assert!(header_of("[[result]] # note\n").is_some_and(|h| h.array && !h.dotted));
        assert!(header_of("[\"result\".components]").is_some_and(|h| h.first == "result"));
        assert!(header_of("[source] x").is_none());
    }
}
