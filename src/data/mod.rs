//! Loading `data/`: the index definitions, the units and every results table,
//! each file parsed as TOML or JSON by its extension into the types of
//! [`schema`]. Loading only parses; cross-checks and derived figures belong to
//! `model`.

pub mod schema;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::input::{read_text, site_files, SiteFile};
use crate::messages as msg;
use crate::parse::{parse_document, Format};
use schema::{IndicesFile, ResultsFile, UnitsFile};

/// The data folder, relative to the site root.
pub const DATA_DIR: &str = "data";

/// A file's text, kept so later stages can point into it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, as shown in diagnostics.
    pub path: PathBuf,
    pub format: Format,
    pub text: String,
}

/// A parsed value with the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub value: T,
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
    /// An index or units file could not be read: ids missing from the
    /// definitions are then no news, and results are not checked against them.
    pub definitions_incomplete: bool,
}

impl RawData {
    pub fn file(&self, index: usize) -> &SourceFile {
        &self.files[index]
    }
}

/// What a file under `data/` holds, decided by its place.
enum Kind {
    Indices,
    Units,
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
        _ => None,
    }
}

/// Loads every data file under `root/data`, collecting all problems.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> RawData {
    let mut raw = RawData::default();
    let dir = root.join(DATA_DIR);
    if !dir.is_dir() {
        diagnostics
            .push(Diagnostic::error(msg::no_data_folder()).with_hint(msg::hint_data_layout()));
        return raw;
    }
    for SiteFile {
        path,
        shown,
        relative,
    } in site_files(root, DATA_DIR, diagnostics)
    {
        let path = path.as_path();
        let relative = relative.as_path();
        let Some(format) = Format::of(path) else {
            diagnostics
                .push(Diagnostic::warning(msg::data_file_not_toml_or_json()).in_file(&shown));
            continue;
        };
        let Some(kind) = kind_of(relative) else {
            diagnostics.push(
                Diagnostic::warning(msg::data_file_unknown())
                    .in_file(&shown)
                    .with_hint(msg::hint_data_layout()),
            );
            continue;
        };
        let defines = matches!(kind, Kind::Indices | Kind::Units);
        let text = match read_text(path, &shown) {
            Ok(text) => text,
            Err(d) => {
                diagnostics.push(d);
                raw.definitions_incomplete |= defines;
                continue;
            }
        };
        let file = raw.files.len();
        let parsed =
            match kind {
                Kind::Indices => parse_document(&text, format)
                    .map(|value| raw.indices.push(Loaded { value, file })),
                Kind::Units => parse_document(&text, format)
                    .map(|value| raw.units.push(Loaded { value, file })),
                Kind::Results => parse_document(&text, format)
                    .map(|value| raw.tables.push(Loaded { value, file })),
            };
        if let Err(d) = parsed {
            diagnostics.push(d.in_file(&shown));
            raw.definitions_incomplete |= defines;
        }
        raw.files.push(SourceFile {
            path: shown,
            format,
            text,
        });
    }
    raw
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
            ("results/2023/par-index.toml", Some("results")),
            ("results.toml", None),
            ("other.toml", None),
            ("nested/units.toml", None),
        ];
        for (path, want) in cases {
            let got = kind_of(Path::new(path)).map(|k| match k {
                Kind::Indices => "indices",
                Kind::Units => "units",
                Kind::Results => "results",
            });
            assert_eq!(got, want, "{path}");
        }
    }
}
