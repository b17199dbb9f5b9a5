//! `chiso import`: a spreadsheet export (CSV) becomes a results table in
//! the data format, `data/results/<year>/<group>.toml` by default. The index
//! and group are checked against the site's data, unit names are matched to
//! unit ids, and nothing is written unless every row is good.

mod number;
pub mod table;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::data::schema::{IndicesFile, ResultsFile, UnitsFile};
use crate::data::DATA_DIR;
use crate::diagnostic::{closest, Diagnostic};
use crate::input::{decode, read_text};
use crate::messages as msg;
use crate::parse::{parse_document, Format};
use crate::problem::Problem;
use table::{Row, Units};

/// What to import and where.
#[derive(Debug, Clone)]
pub struct Request {
    /// The CSV file.
    pub csv: PathBuf,
    pub index: String,
    pub year: i32,
    pub group: String,
    /// The site folder.
    pub root: PathBuf,
    /// Where to write; `data/results/<year>/<group>.toml` under the root by default.
    pub output: Option<PathBuf>,
    /// Replace an existing file.
    pub force: bool,
}

/// What an import wrote.
#[derive(Debug)]
pub struct Imported {
    pub path: PathBuf,
    pub rows: usize,
    /// Columns of the CSV that were not used, as written in its header.
    pub ignored: Vec<String>,
}

/// Runs the import.
pub fn import(request: &Request) -> Result<Imported, Problem> {
    let units: UnitsFile = read_data(&request.root, "units")?;
    let indices: IndicesFile = read_data(&request.root, "indices")?;
    check_id(
        "index",
        &request.index,
        indices.indices.iter().map(|i| i.id.as_str()),
    )?;
    check_id(
        "group",
        &request.group,
        units.groups.iter().map(|g| g.id.as_str()),
    )?;
    let output = request.output.clone().unwrap_or_else(|| {
        request
            .root
            .join(DATA_DIR)
            .join("results")
            .join(request.year.to_string())
            .join(format!("{}.toml", request.group))
    });
    if output.exists() && !request.force {
        return Err(Problem::site(
            Diagnostic::error(msg::already_exists(output.display())).with_hint(msg::hint_force()),
        ));
    }
    let bytes = fs::read(&request.csv).map_err(|e| {
        Problem::Usage(Diagnostic::error(msg::cannot_read(e)).in_file(&request.csv))
    })?;
    let text = decode(&bytes).map_err(|d| Problem::site(d.in_file(&request.csv)))?;
    let sheet =
        table::read(&text, &request.csv, &Units::new(&units.units)).map_err(Problem::Site)?;
    let file_name = request
        .csv
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let toml = results_toml(request, &file_name, &sheet.rows);
    // The table must read back as the data format; anything else is a bug here.
    parse_document::<ResultsFile>(&toml, Format::Toml)
        .map_err(|d| Problem::site(d.in_file(&output)))?;
    if let Some(folder) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(folder).map_err(|e| {
            Problem::site(Diagnostic::error(msg::cannot_create(folder.display(), e)))
        })?;
    }
    fs::write(&output, toml)
        .map_err(|e| Problem::site(Diagnostic::error(msg::cannot_write(output.display(), e))))?;
    Ok(Imported {
        path: output,
        rows: sheet.rows.len(),
        ignored: sheet.ignored,
    })
}

/// Reads `data/<stem>.toml` or `data/<stem>.json`.
fn read_data<T: DeserializeOwned>(root: &Path, stem: &str) -> Result<T, Problem> {
    for (extension, format) in [("toml", Format::Toml), ("json", Format::Json)] {
        let shown = Path::new(DATA_DIR).join(format!("{stem}.{extension}"));
        let path = root.join(&shown);
        if path.is_file() {
            let text = read_text(&path, &shown).map_err(Problem::site)?;
            return parse_document(&text, format).map_err(|d| Problem::site(d.in_file(&shown)));
        }
    }
    Err(Problem::Usage(
        Diagnostic::error(msg::no_data_file(root.display(), stem))
            .with_hint(msg::hint_run_in_site()),
    ))
}

fn check_id<'a>(
    what: &str,
    id: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> Result<(), Problem> {
    if known.clone().any(|k| k == id) {
        return Ok(());
    }
    let hint = match closest(id, known.clone()) {
        Some(near) => msg::hint_did_you_mean(near),
        None => msg::hint_known_ids(&known.collect::<Vec<_>>()),
    };
    Err(Problem::Usage(
        Diagnostic::error(msg::no_such_id(what, id)).with_hint(hint),
    ))
}

/// A number as TOML writes a float: always with a decimal point.
fn float(value: f64) -> String {
    let text = value.to_string();
    if text.contains(['.', 'e', 'E']) {
        text
    } else {
        format!("{text}.0")
    }
}

/// The results table as TOML, in the layout of hand-written ones.
fn results_toml(request: &Request, file_name: &str, rows: &[Row]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Imported from {file_name} by `chiso import`. Add the [source] and, where it was\n\
         # published, published_average (it is checked); then run `chiso check`."
    );
    let _ = writeln!(out, "index = \"{}\"", request.index);
    let _ = writeln!(out, "year = {}", request.year);
    let _ = writeln!(out, "group = \"{}\"", request.group);
    out.push_str("complete = true\n\n");
    out.push_str("# [source]\n# title = \"Quyết định số .../QĐ-UBND\"\n# date = 2024-02-22\n");
    for row in rows {
        let _ = write!(out, "\n[[result]]\nunit = \"{}\"\n", row.unit);
        if let Some(score) = row.score {
            let _ = writeln!(out, "score = {}", float(score));
        }
        if let (Some(points), Some(max)) = (row.points, row.max_points) {
            let _ = writeln!(
                out,
                "points = {}\nmax_points = {}",
                float(points),
                float(max)
            );
        }
        if let Some(rank) = row.rank {
            let _ = writeln!(out, "rank = {rank}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_back_as_the_data_format() {
        let request = Request {
            csv: "kq.csv".into(),
            index: "cchc-tinh".into(),
            year: 2024,
            group: "so-ban-nganh".into(),
            root: ".".into(),
            output: None,
            force: false,
        };
        let row = |unit: &str, score, points, max_points, rank| Row {
            line: 2,
            unit: unit.into(),
            score,
            points,
            max_points,
            rank,
        };
        let text = results_toml(
            &request,
            "kq.csv",
            &[
                row("so-noi-vu", Some(90.0), None, None, Some(2)),
                row("so-tu-phap", None, Some(93.364), Some(98.0), None),
            ],
        );
        let table: ResultsFile = parse_document(&text, Format::Toml).unwrap();
        assert_eq!(
            (table.index.as_str(), table.year, table.complete),
            ("cchc-tinh", 2024, true)
        );
        assert_eq!(table.results[0].score, Some(90.0));
        assert_eq!(table.results[0].rank, Some(2));
        assert_eq!(table.results[1].points, Some(93.364));
        assert_eq!(table.results[1].max_points, Some(98.0));
        assert!(text.contains("score = 90.0\n"), "{text}");
    }
}
