//! Loading `data/`: the index definitions, the units, the tile-grid map
//! layouts and every results table, each file parsed as TOML or JSON by its
//! extension into the types of [`schema`]. Loading only parses; cross-checks and derived figures belong to
//! `model`. A TOML results file that does not parse is read without its bad
//! entries (`recover.rs`), so that its other lines are checked in the same run.

mod recover;
pub mod schema;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics, Location, Snippet};
use rayon::prelude::*;

use crate::input::{source_files, with_text};
use crate::locate::{FileIndexes, Seg};
use crate::messages as msg;
use crate::parse::{parse_document, Format};
use schema::{IndicesFile, ResultsFile, TilesFile, UnitsFile};

/// The data folder, relative to the site root.
pub const DATA_DIR: &str = "data";

/// A file's text, kept so later stages can point into it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, as shown in diagnostics.
    pub path: PathBuf,
    pub format: Format,
    /// Shared with `serve`'s cache of parsed files ([`ParsedFiles`]). For a
    /// file [`Reading::Recovered`], the text its value was read from: the
    /// file's, with the lines not read blanked (every other line and column
    /// as written).
    pub text: Arc<str>,
    pub reading: Reading,
}

/// How much of a data file its parsed value holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The whole file parsed.
    Whole,
    /// The file did not parse (its problems are reported as errors), and its
    /// value was read without the `[[result]]` entries that have a problem
    /// (`recover.rs`): each remaining line can be checked, but not what needs
    /// every line of the table (units missing, ranks, averages, bands), and
    /// the table is never published.
    Recovered,
}

/// A parsed value with the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// Shared with `serve`'s cache of parsed files ([`ParsedFiles`]).
    pub value: Arc<T>,
    /// Index into [`RawData::files`].
    pub file: usize,
}

/// Everything under `data/`, parsed but not yet checked.
#[derive(Debug, Default)]
pub struct RawData {
    pub files: Vec<SourceFile>,
    pub indices: Vec<Loaded<IndicesFile>>,
    pub units: Vec<Loaded<UnitsFile>>,
    pub tables: Vec<Loaded<ResultsFile>>,
    /// The tile-grid map layouts (`data/tiles.*`), if the site has any.
    pub tiles: Vec<Loaded<TilesFile>>,
    /// An index or units file could not be read: ids missing from the
    /// definitions are then no news, and results are not checked against them.
    pub definitions_incomplete: bool,
    /// Each file parsed once more for the places of its problems, on the
    /// first problem found in it.
    pub indexes: FileIndexes,
}

impl RawData {
    pub fn file(&self, index: usize) -> &SourceFile {
        &self.files[index]
    }

    /// Where the value at `path` is in file number `file`, and the window
    /// of its line to quote; `None` if the file does not parse.
    pub fn point(&self, file: usize, path: &[Seg]) -> Option<(Location, Snippet)> {
        let source = self.file(file);
        self.indexes
            .point((file, &source.text, source.format), path)
    }
}

/// What a file under `data/` holds, decided by its place.
enum Kind {
    Indices,
    Units,
    Tiles,
    Results,
}

fn kind_of(relative: &Path) -> Option<Kind> {
    let stem = relative.file_stem()?.to_str()?;
    let mut parts = relative.components();
    let first = parts.next()?.as_os_str().to_str()?;
    let nested = parts.next().is_some();
    match (first, nested, stem) {
        ("results", true, _) => Some(Kind::Results),
        (_, false, "indices") => Some(Kind::Indices),
        (_, false, "units") => Some(Kind::Units),
        (_, false, "tiles") => Some(Kind::Tiles),
        _ => None,
    }
}

/// A data file after parsing, before it joins the others; shared, so that
/// `serve` keeps it between edits without copying it.
#[derive(Clone)]
enum Parsed {
    Indices(Arc<IndicesFile>),
    Units(Arc<UnitsFile>),
    Tiles(Arc<TilesFile>),
    Results(Arc<ResultsFile>),
}

/// Loads every data file under `root/data`, collecting all problems. Files
/// are read and parsed in parallel, then gathered in path order, so the
/// result does not depend on scheduling.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> RawData {
    load_with(root, None, diagnostics)
}

/// Each data file as read and parsed, by its path from the site root:
/// what `serve` keeps between edits so that an edit parses again only the
/// files it changed.
#[derive(Clone, Default)]
pub struct ParsedFiles(std::collections::HashMap<PathBuf, ParsedFile>);

/// A data file as read (its text, if it could be) and parsed.
type ParsedFile = (Option<Arc<str>>, Result<Parsed, Unparsed>);

/// A data file that did not parse: every problem found in it (in its file),
/// and for a results file whose problems all sit in `[[result]]` entries,
/// its table read without them, with the text it was read from.
#[derive(Clone)]
struct Unparsed {
    problems: Vec<Diagnostic>,
    recovered: Option<(Arc<str>, Arc<ResultsFile>)>,
}

impl Unparsed {
    fn unread(problem: Diagnostic) -> Self {
        Unparsed {
            problems: vec![problem],
            recovered: None,
        }
    }
}

/// [`load`], taking each file not in `changed` from `parsed` (when it is
/// there) instead of reading and parsing it again, and leaving in `parsed`
/// every file as parsed now.
pub fn load_reusing(
    root: &Path,
    parsed: &mut ParsedFiles,
    changed: &(dyn Fn(&Path) -> bool + Sync),
    diagnostics: &mut Diagnostics,
) -> RawData {
    load_with(root, Some((parsed, changed)), diagnostics)
}

type Reuse<'a> = (&'a mut ParsedFiles, &'a (dyn Fn(&Path) -> bool + Sync));

fn load_with(root: &Path, reuse: Option<Reuse>, diagnostics: &mut Diagnostics) -> RawData {
    let mut raw = RawData::default();
    let dir = root.join(DATA_DIR);
    if !dir.is_dir() {
        diagnostics
            .push(Diagnostic::error(msg::no_data_folder()).with_hint(msg::hint_data_layout()));
        return raw;
    }
    let mut known = Vec::new();
    for file in source_files(root, DATA_DIR, diagnostics) {
        let Some(format) = Format::of(&file.path) else {
            let mut warning =
                Diagnostic::warning(msg::data_file_not_toml_or_json()).in_file(&file.shown);
            if file
                .path
                .to_string_lossy()
                .ends_with(crate::import::TEMPORARY)
            {
                warning = warning.with_hint(msg::hint_import_leftover());
            }
            diagnostics.push(warning);
            continue;
        };
        let Some(kind) = kind_of(&file.relative) else {
            diagnostics.push(
                Diagnostic::warning(msg::data_file_unknown())
                    .in_file(&file.shown)
                    .with_hint(msg::hint_data_layout()),
            );
            continue;
        };
        known.push((file, format, kind));
    }
    // The definition files first: a large units file is parsed while the
    // results files are, rather than last, by one core while the other
    // waits (a national site's units.toml is a tenth of its parsing).
    // Results files keep their order, and so does everything made of them.
    known.sort_by_key(|(_, _, kind)| !matches!(kind, Kind::Indices | Kind::Units));
    let (previous, changed) = match reuse {
        Some((parsed, changed)) => (Some(parsed), Some(changed)),
        None => (None, None),
    };
    let old = previous.as_deref();
    let parsed: Vec<_> = known
        .into_par_iter()
        .map(|(file, format, kind)| {
            let defines = matches!(kind, Kind::Indices | Kind::Units);
            let kept = match (old, changed) {
                (Some(old), Some(changed)) if !changed(&file.shown) => old.0.get(&file.shown),
                _ => None,
            };
            if let Some((text, parsed)) = kept {
                return (file.shown, format, defines, text.clone(), parsed.clone());
            }
            let read = with_text(&file.path, &file.shown, |text| {
                let parsed = match kind {
                    Kind::Indices => {
                        parse_document(text, format).map(|v| Parsed::Indices(Arc::new(v)))
                    }
                    Kind::Units => parse_document(text, format).map(|v| Parsed::Units(Arc::new(v))),
                    Kind::Tiles => parse_document(text, format).map(|v| Parsed::Tiles(Arc::new(v))),
                    Kind::Results => {
                        parse_document(text, format).map(|v| Parsed::Results(Arc::new(v)))
                    }
                };
                let parsed = parsed.map_err(|first| {
                    let (problems, recovered) = every_bad_line(text, format, first, kind);
                    Unparsed {
                        problems: problems
                            .into_iter()
                            .map(|d| d.in_file(&file.shown))
                            .collect(),
                        recovered: recovered.map(|r| (Arc::from(r.text), Arc::new(r.value))),
                    }
                });
                (Arc::from(text), parsed)
            });
            let (text, parsed) = match read {
                Ok((text, parsed)) => (Some(text), parsed),
                Err(d) => (None, Err(Unparsed::unread(d))),
            };
            (file.shown, format, defines, text, parsed)
        })
        .collect();
    if let Some(previous) = previous {
        previous.0 = parsed
            .iter()
            .map(|(shown, _, _, text, parsed)| (shown.clone(), (text.clone(), parsed.clone())))
            .collect();
    }
    for (shown, format, defines, text, parsed) in parsed {
        let file = raw.files.len();
        let mut read = text.map(|text| (text, Reading::Whole));
        match parsed {
            Ok(Parsed::Indices(value)) => raw.indices.push(Loaded { value, file }),
            Ok(Parsed::Units(value)) => raw.units.push(Loaded { value, file }),
            Ok(Parsed::Tiles(value)) => raw.tiles.push(Loaded { value, file }),
            Ok(Parsed::Results(value)) => raw.tables.push(Loaded { value, file }),
            Err(unparsed) => {
                for d in unparsed.problems {
                    diagnostics.push(d);
                }
                raw.definitions_incomplete |= defines;
                if let Some((text, value)) = unparsed.recovered {
                    raw.tables.push(Loaded { value, file });
                    read = Some((text, Reading::Recovered));
                }
            }
        }
        if let Some((text, reading)) = read {
            raw.files.push(SourceFile {
                path: shown,
                format,
                text,
                reading,
            });
        }
    }
    raw
}

/// The problem that stopped a data file's parsing, and the problems of its
/// other entries (`[[result]]`, `[[unit]]`, `[[group]]`, `[[region]]`,
/// `[[index]]`, or their JSON arrays), each read alone: serde stops at the
/// first, and an editor would need a run per bad entry. With them, for a
/// TOML results file, its table read without the bad entries, if it reads
/// ([`recover::toml_results`]); a JSON one is not read further.
fn every_bad_line(
    text: &str,
    format: Format,
    first: Diagnostic,
    kind: Kind,
) -> (Vec<Diagnostic>, Option<recover::Recovered>) {
    use schema::{GroupDef, IndexDef, RegionDef, ResultRow, UnitDef};
    // A file written in the other format (a JSON table saved as `.toml`)
    // fails on every line: one error, named for what it is, says more.
    let other_format = match format {
        Format::Toml => serde_json::from_str::<serde_json::Value>(text)
            .is_ok()
            .then_some("json"),
        Format::Json => text
            .parse::<toml::Table>()
            .is_ok_and(|t| !t.is_empty())
            .then_some("toml"),
    };
    if let Some(extension) = other_format {
        return (
            vec![first.with_hint(msg::hint_other_format(extension))],
            None,
        );
    }
    let (found, recovered) = match format {
        Format::Json => {
            use crate::parse::json_entry_problems as problems_of;
            let found = match kind {
                Kind::Results => problems_of::<ResultRow>(text, "result"),
                Kind::Indices => problems_of::<IndexDef>(text, "index"),
                Kind::Units => {
                    let mut all = problems_of::<GroupDef>(text, "group");
                    all.extend(problems_of::<RegionDef>(text, "region"));
                    all.extend(problems_of::<UnitDef>(text, "unit"));
                    all
                }
                Kind::Tiles => Vec::new(),
            };
            (found, None)
        }
        Format::Toml => {
            use crate::parse::toml_entry_problems as problems_of;
            // Syntax errors first (a pasted "90,53%" on one line, "89,10"
            // on another), then the entries the parser reads once those
            // are blanked.
            let (mut found, text, skip) = crate::parse::toml_syntax_problems(text);
            let text = text.as_str();
            // Past the syntax errors, what the whole file says (a key under
            // the wrong header, a bad value outside the entries): told in
            // the same run, not after the syntax is mended.
            if !found.is_empty() {
                use crate::parse::toml_document_problems as whole;
                found.extend(match kind {
                    Kind::Results => whole::<schema::ResultsFile>(text, true),
                    Kind::Indices => whole::<schema::IndicesFile>(text, true),
                    Kind::Units => whole::<schema::UnitsFile>(text, true),
                    Kind::Tiles => whole::<schema::TilesFile>(text, true),
                });
            }
            let mut recovered = None;
            match kind {
                Kind::Results => {
                    let bad =
                        crate::parse::toml_entry_problems_at::<ResultRow>(text, "result", &skip);
                    let starts = skip.iter().map(|r| r.start);
                    let at: Vec<usize> = starts.chain(bad.iter().map(|(at, _)| *at)).collect();
                    recovered = recover::toml_results(text, &at);
                    found.extend(bad.into_iter().map(|(_, d)| d));
                }
                Kind::Indices => found.extend(problems_of::<IndexDef>(text, "index", &skip)),
                Kind::Units => {
                    found.extend(problems_of::<GroupDef>(text, "group", &skip));
                    found.extend(problems_of::<RegionDef>(text, "region", &skip));
                    found.extend(problems_of::<UnitDef>(text, "unit", &skip));
                }
                Kind::Tiles => {}
            }
            (found, recovered)
        }
    };
    let mut problems = vec![first];
    for d in found {
        if problems.iter().all(|p| p.location != d.location) {
            problems.push(d);
        }
    }
    (problems, recovered)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE_TOML: &str = r#"
index = "cchc-tinh"
year = 2023
group = "so-ban-nganh"
complete = true
illustrative = true
announced = 2024-02-22
published_average = 90.53

[source]
title = "Quyết định số 519/QĐ-UBND"
date = 2024-02-22

[[result]]
unit = "so-khoa-hoc-va-cong-nghe"
points = 93.364
max_points = 98
illustrative = false
components = { cai-cach-tthc = 13.969 }

[[result]]
unit = "so-ngoai-vu"
score = 91.2
rank = 3
regional = [{ region = "bac-trung-bo", rank = 1, of = 6 }]
"#;

    const TABLE_JSON: &str = r#"{
  "index": "cchc-tinh",
  "year": 2023,
  "group": "so-ban-nganh",
  "complete": true,
  "illustrative": true,
  "announced": "2024-02-22",
  "published_average": 90.53,
  "source": { "title": "Quyết định số 519/QĐ-UBND", "date": "2024-02-22" },
  "result": [
    { "unit": "so-khoa-hoc-va-cong-nghe", "points": 93.364, "max_points": 98,
      "illustrative": false, "components": { "cai-cach-tthc": 13.969 } },
    { "unit": "so-ngoai-vu", "score": 91.2, "rank": 3,
      "regional": [{ "region": "bac-trung-bo", "rank": 1, "of": 6 }] }
  ]
}"#;

    #[test]
    fn the_same_table_in_toml_and_json_gives_the_same_value() {
        let from_toml: ResultsFile = parse_document(TABLE_TOML, Format::Toml).unwrap();
        let from_json: ResultsFile = parse_document(TABLE_JSON, Format::Json).unwrap();
        assert_eq!(from_toml, from_json);
        assert_eq!(from_toml.results.len(), 2);
        assert_eq!(from_toml.results[0].max_points, Some(98.0));
    }

    #[test]
    fn files_are_classified_by_place() {
        let cases = [
            ("indices.toml", Some("indices")),
            ("units.json", Some("units")),
            ("tiles.toml", Some("tiles")),
            ("nested/tiles.toml", None),
            ("results/2023/par-index.toml", Some("results")),
            ("results.toml", None),
            ("other.toml", None),
            ("nested/units.toml", None),
        ];
        for (path, want) in cases {
            let got = kind_of(Path::new(path)).map(|k| match k {
                Kind::Indices => "indices",
                Kind::Units => "units",
                Kind::Tiles => "tiles",
                Kind::Results => "results",
            });
            assert_eq!(got, want, "{path}");
        }
    }
}
