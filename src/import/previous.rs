//! The results table an import replaces: what the editor added to it (the
//! `[source]`, `published_average`, notes, exclusions, a result's note or
//! components) is kept in the new table, and what the sheet changed in the
//! figures is said.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use toml::{Table, Value};

use crate::diagnostic::Diagnostic;
use crate::input::read_text;
use crate::messages as msg;

use super::table::Row;

/// Keys the import writes at the top of a table.
const TOP_WRITTEN: &[&str] = &["index", "year", "group", "complete", "result"];
/// Keys the import writes in a result.
const ROW_WRITTEN: &[&str] = &["unit", "score", "points", "max_points", "rank", "of"];
/// Keys the import writes in a result when the sheet has them, else keeps:
/// a `percent` or `band` the editor copied from the publication stays when
/// the sheet has no such column.
const PERCENT: &str = "percent";
const BAND: &str = "band";

/// The table that was there.
#[derive(Debug)]
pub struct Previous {
    top: Table,
    /// Each result's keys, by unit id, in the order of the table.
    results: Vec<(String, Table)>,
    /// The table's comments, in its order: a comment line as written, and a
    /// line with a comment after its value as the whole line, commented out.
    comments: Vec<String>,
    /// Each float as typed (`85.00`), by the unit of its result (`None`
    /// at the top) and its key: a kept figure is written back with the
    /// zeros the editor typed.
    floats: HashMap<(Option<String>, String), String>,
}

/// Reads the table at `path`.
pub fn read(path: &Path) -> Result<Previous, Diagnostic> {
    let text = read_text(path, path)?;
    let mut top: Table = text.parse().map_err(|e: toml::de::Error| {
        Diagnostic::error(msg::import_previous_unreadable(e.message())).in_file(path)
    })?;
    let results = match top.remove("result") {
        Some(Value::Array(rows)) => rows
            .into_iter()
            .filter_map(|row| match row {
                Value::Table(row) => {
                    let unit = row.get("unit")?.as_str()?.to_owned();
                    Some((unit, row))
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(Previous {
        top,
        results,
        comments: comments(&text),
        floats: floats_as_typed(&text),
    })
}

/// The text of each float of a table, top-level and in each `[[result]]`
/// (by its unit), as typed.
fn floats_as_typed(text: &str) -> HashMap<(Option<String>, String), String> {
    use toml::de::{DeTable, DeValue};
    let mut floats = HashMap::new();
    let Ok(root) = DeTable::parse(text) else {
        return floats;
    };
    let mut add = |unit: Option<&str>, table: &DeTable| {
        for (key, value) in table {
            if let DeValue::Float(f) = value.get_ref() {
                let at = (unit.map(str::to_owned), key.get_ref().to_string());
                floats.insert(at, f.as_str().to_owned());
            }
        }
    };
    add(None, root.get_ref());
    let results = root.get_ref().iter().find(|(k, _)| k.get_ref() == "result");
    if let Some((_, value)) = results {
        if let DeValue::Array(rows) = value.get_ref() {
            for row in rows.iter() {
                if let DeValue::Table(row) = row.get_ref() {
                    let unit = row
                        .iter()
                        .find(|(k, _)| k.get_ref() == "unit")
                        .and_then(|(_, v)| v.get_ref().as_str());
                    if let Some(unit) = unit {
                        add(Some(unit), row);
                    }
                }
            }
        }
    }
    floats
}

/// The comments of a TOML text (see [`Previous::comments`]).
fn comments(text: &str) -> Vec<String> {
    let mut kept = Vec::new();
    // Inside a multi-line string, `#` is text: the delimiter it opened with.
    let mut open: Option<&str> = None;
    for line in text.lines() {
        let mut rest = line;
        let mut comment_at = None;
        let mut position = 0;
        while !rest.is_empty() {
            let step = if let Some(delimiter) = open {
                match rest.find(delimiter) {
                    Some(end) => {
                        open = None;
                        end + delimiter.len()
                    }
                    None => rest.len(),
                }
            } else if let Some(delimiter) =
                ["\"\"\"", "'''"].into_iter().find(|d| rest.starts_with(d))
            {
                open = Some(delimiter);
                delimiter.len()
            } else if rest.starts_with('"') {
                string_end(rest, '"')
            } else if rest.starts_with('\'') {
                string_end(rest, '\'')
            } else if rest.starts_with('#') {
                comment_at = Some(position);
                break;
            } else {
                rest.chars().next().map_or(1, char::len_utf8)
            };
            position += step;
            rest = &line[position..];
        }
        match comment_at {
            Some(0) => kept.push(line.trim_end().to_owned()),
            Some(at) if line[..at].trim().is_empty() => kept.push(line.trim().to_owned()),
            Some(_) => kept.push(format!("# {}", line.trim())),
            None => {}
        }
    }
    kept
}

/// The length of the one-line string that `text` starts with, its quotes
/// included (a basic string's `\"` does not end it).
fn string_end(text: &str, quote: char) -> usize {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        if c == quote && !escaped {
            return i + 1;
        }
        escaped = quote == '"' && c == '\\' && !escaped;
    }
    text.len()
}

impl Previous {
    /// The table's comments that `new` (the table written in its place)
    /// does not have: the import writes them at its end rather than lose
    /// them, as the editor's notes.
    pub fn comments_lost_in(&self, new: &str) -> Vec<&str> {
        let written: std::collections::BTreeSet<&str> = new.lines().map(str::trim).collect();
        self.comments
            .iter()
            .map(String::as_str)
            .filter(|c| !written.contains(c.trim()))
            .collect()
    }

    /// Whether `comment` is one an earlier import already moved to the
    /// table's end, under `heading`: it is moved again, without a word.
    pub fn moved_before(&self, comment: &str, heading: &str) -> bool {
        self.comments
            .iter()
            .skip_while(|c| c.trim() != heading.trim())
            .any(|c| c == comment)
    }

    /// The top-level keys to keep, in the table's order.
    pub fn kept_top(&self) -> Vec<(String, Value)> {
        self.top
            .iter()
            .filter(|(key, _)| !TOP_WRITTEN.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect()
    }

    /// Whether the table says `complete = false` (or leaves it out, which
    /// means the same).
    pub fn is_partial(&self) -> bool {
        self.top.get("complete").and_then(Value::as_bool) != Some(true)
    }

    /// The `published_average` the table has.
    pub fn published_average(&self) -> Option<f64> {
        let value = self.top.get("published_average")?;
        value
            .as_float()
            .or_else(|| value.as_integer().map(|i| i as f64))
    }

    /// Units listed as `[[excluded]]`.
    pub fn excluded(&self) -> Vec<String> {
        match self.top.get("excluded") {
            Some(Value::Array(rows)) => rows
                .iter()
                .filter_map(|r| r.get("unit")?.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Writes what the editor added to the result of `new`'s unit.
    pub fn write_row_extras(&self, new: &Row, out: &mut String) {
        if let Some((_, row)) = self.results.iter().find(|(u, _)| *u == new.unit) {
            let written = |key: &str| {
                ROW_WRITTEN.contains(&key)
                    || (key == PERCENT && new.percent.is_some())
                    || (key == BAND && new.band.is_some())
            };
            for (key, value) in row.iter().filter(|(k, _)| !written(k)) {
                let value = self.as_typed(Some(&new.unit), key, value);
                let _ = writeln!(out, "{} = {value}", toml_key(key));
            }
        }
    }

    /// The decimals figure `key` of `unit`'s result was typed with, when
    /// its text was found and is `value`'s.
    fn typed_decimals(&self, unit: &str, key: &str, value: f64) -> Option<u32> {
        let text = self.floats.get(&(Some(unit.to_owned()), key.to_owned()))?;
        let digits = text.replace('_', "");
        (digits.parse::<f64>().ok() == Some(value))
            .then(|| digits.split_once('.').map_or(0, |(_, f)| f.len() as u32))
    }

    /// A kept value as the editor typed it, where it is a float whose text
    /// was found (`85.00`, not `85.0`), else as TOML writes it.
    pub fn as_typed(&self, unit: Option<&str>, key: &str, value: &Value) -> String {
        let typed = self
            .floats
            .get(&(unit.map(str::to_owned), key.to_owned()))
            .filter(|text| {
                let digits = text.replace('_', "");
                digits.parse::<f64>().ok() == value.as_float()
            });
        typed.cloned().unwrap_or_else(|| value.to_string())
    }

    /// What the sheet changes in the figures, a line per unit.
    pub fn changes(&self, rows: &[Row]) -> Vec<String> {
        let mut changes = Vec::new();
        let old: BTreeMap<&str, &Table> =
            self.results.iter().map(|(u, t)| (u.as_str(), t)).collect();
        for row in rows {
            let Some(before) = old.get(row.unit.as_str()) else {
                changes.push(msg::import_change_added(&row.unit));
                continue;
            };
            let number = |key: &str| {
                before
                    .get(key)
                    .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
            };
            // Each figure, with the decimals the sheet showed it with.
            let at = &row.written;
            let new = [
                ("score", row.score, at.score),
                ("points", row.points, at.points),
                ("max_points", row.max_points, at.max_points),
                // A percent the sheet does not have is kept, so unchanged.
                (
                    PERCENT,
                    row.percent.or_else(|| number(PERCENT)),
                    at.percent.filter(|_| row.percent.is_some()),
                ),
                ("rank", row.rank.map(f64::from), None),
                ("of", row.of.map(f64::from), None),
            ];
            let differences: Vec<String> = new
                .iter()
                .filter(|(key, value, _)| number(key) != *value)
                .map(|&(key, value, decimals)| {
                    let before = match number(key) {
                        None => "—".to_owned(),
                        Some(v) => match self.typed_decimals(&row.unit, key, v) {
                            Some(d) => msg::figure_at(v, d),
                            None => msg::figure(v),
                        },
                    };
                    let after = match (value, decimals) {
                        (None, _) => "—".to_owned(),
                        (Some(v), Some(d)) => msg::figure_at(v, d),
                        (Some(v), None) => msg::figure(v),
                    };
                    format!("{key} {before} → {after}")
                })
                .collect();
            if !differences.is_empty() {
                changes.push(msg::import_change_changed(
                    &row.unit,
                    &differences.join(", "),
                ));
            }
        }
        for (unit, _) in &self.results {
            if !rows.iter().any(|r| &r.unit == unit) {
                changes.push(msg::import_change_removed(unit));
            }
        }
        changes
    }
}

/// Writes the kept top-level keys: plain values to `out`, tables as
/// `[key]` sections to `sections`, arrays of tables as `[[key]]` to `arrays`.
pub fn write_top(
    previous: &Previous,
    kept: &[(String, Value)],
    out: &mut String,
    sections: &mut String,
    arrays: &mut String,
) {
    for (name, value) in kept {
        let key = toml_key(name);
        match value {
            Value::Table(table) => {
                let _ = writeln!(sections, "[{key}]");
                for (k, v) in table {
                    let _ = writeln!(sections, "{} = {v}", toml_key(k));
                }
            }
            Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_table) => {
                for item in items {
                    let _ = writeln!(arrays, "\n[[{key}]]");
                    if let Value::Table(table) = item {
                        for (k, v) in table {
                            let _ = writeln!(arrays, "{} = {v}", toml_key(k));
                        }
                    }
                }
            }
            _ => {
                let _ = writeln!(out, "{key} = {}", previous.as_typed(None, name, value));
            }
        }
    }
}

/// A key as TOML writes it: bare when it can be.
fn toml_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        key.to_owned()
    } else {
        Value::String(key.to_owned()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(unit: &str, score: f64) -> Row {
        Row {
            line: 2,
            unit: unit.into(),
            score: Some(score),
            points: None,
            max_points: None,
            percent: None,
            rank: None,
            of: None,
            band: None,
            written: Default::default(),
        }
    }

    #[test]
    fn comments_are_found_outside_strings_only() {
        let text = "# đầu tệp\nindex = \"a#b\" # sau giá trị\nnote = '''\n# trong chuỗi\n'''\n  # thụt lề\ntitle = \"x\\\"#\"\n";
        assert_eq!(
            comments(text),
            ["# đầu tệp", "# index = \"a#b\" # sau giá trị", "# thụt lề"]
        );
    }

    #[test]
    fn a_changed_percent_is_a_change_and_one_the_sheet_lacks_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.toml");
        std::fs::write(
            &path,
            "[[result]]\nunit = \"a\"\npoints = 80.1\nmax_points = 95.0\npercent = 84.31\n",
        )
        .unwrap();
        let previous = read(&path).unwrap();
        let points = |percent| Row {
            points: Some(80.1),
            max_points: Some(95.0),
            percent,
            score: None,
            ..row("a", 0.0)
        };
        assert_eq!(
            previous.changes(&[points(Some(84.32))]),
            ["a: percent 84.31 → 84.32"]
        );
        assert!(previous.changes(&[points(Some(84.31))]).is_empty());
        // A new figure is said as the sheet showed it.
        let mut shown = points(Some(84.0));
        shown.written.percent = Some(2);
        assert_eq!(previous.changes(&[shown]), ["a: percent 84.31 → 84.00"]);
        // A sheet without the percent keeps the one in the table.
        assert!(previous.changes(&[points(None)]).is_empty());
        let mut out = String::new();
        previous.write_row_extras(&points(None), &mut out);
        assert_eq!(out, "percent = 84.31\n");
        let mut out = String::new();
        previous.write_row_extras(&points(Some(84.32)), &mut out);
        assert_eq!(out, "");
    }

    #[test]
    fn changes_are_said_unit_by_unit_and_additions_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.toml");
        std::fs::write(
            &path,
            "index = \"i\"\nyear = 2024\ngroup = \"g\"\ncomplete = true\nnote = \"Ghi chú\"\n\
             [source]\ntitle = \"QĐ\"\n\n[[result]]\nunit = \"a\"\nscore = 90\nnote = \"n\"\n\
             components = { x = 1.5 }\n\n[[result]]\nunit = \"b\"\nscore = 80.0\n\n\
             [[excluded]]\nunit = \"c\"\nreason = \"r\"\n",
        )
        .unwrap();
        let previous = read(&path).unwrap();
        let changes = previous.changes(&[row("a", 90.0), row("d", 70.0)]);
        assert_eq!(changes.len(), 2, "{changes:?}");
        assert!(
            changes[0].contains('d') && changes[1].contains('b'),
            "{changes:?}"
        );
        let changed = previous.changes(&[row("a", 91.5), row("b", 80.0)]);
        assert_eq!(changed, ["a: score 90 → 91.5"]);
        assert_eq!(previous.excluded(), ["c"]);
        let mut out = String::new();
        previous.write_row_extras(&row("a", 90.0), &mut out);
        assert_eq!(out, "note = \"n\"\ncomponents = { x = 1.5 }\n");
        assert!(!previous.is_partial());
        assert_eq!(previous.published_average(), None);
        let (mut top, mut sections, mut arrays) = (String::new(), String::new(), String::new());
        write_top(
            &previous,
            &previous.kept_top(),
            &mut top,
            &mut sections,
            &mut arrays,
        );
        assert_eq!(top, "note = \"Ghi chú\"\n");
        assert_eq!(sections, "[source]\ntitle = \"QĐ\"\n");
        assert_eq!(arrays, "\n[[excluded]]\nunit = \"c\"\nreason = \"r\"\n");
    }

    #[test]
    fn kept_figures_keep_the_zeros_the_editor_typed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.toml");
        std::fs::write(
            &path,
            "index = \"i\"\npublished_average = 85.00\n\n\
             [[result]]\nunit = \"a\"\nscore = 92.10\npercent = 90.50\n",
        )
        .unwrap();
        let previous = read(&path).unwrap();
        let (mut top, mut sections, mut arrays) = (String::new(), String::new(), String::new());
        write_top(
            &previous,
            &previous.kept_top(),
            &mut top,
            &mut sections,
            &mut arrays,
        );
        assert_eq!(top, "published_average = 85.00\n");
        let mut out = String::new();
        previous.write_row_extras(&row("a", 92.0), &mut out);
        assert_eq!(out, "percent = 90.50\n");
        // The old figure of a change is said as it was typed.
        assert_eq!(
            previous.changes(&[row("a", 92.0)])[0],
            "a: score 92.10 → 92"
        );
    }
}
