//! `chiso import`: a spreadsheet (a workbook, or a text export in any
//! encoding Excel writes) becomes a results table in the data format,
//! `data/results/<year>/<group>.toml` by default. The index and group are
//! checked against the site's data, unit names are matched to unit ids, and
//! nothing is written unless every row is good. Re-importing over a table
//! keeps what the editor added to it and says what changed.

mod encoding;
pub mod grid;
mod number;
mod previous;
pub mod table;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::data::schema::{IndicesFile, ResultsFile, UnitsFile};
use crate::data::DATA_DIR;
use crate::diagnostic::{closest, Diagnostic, Diagnostics};
use crate::input::read_text;
use crate::messages as msg;
use crate::parse::{parse_document, Format};
use crate::problem::Problem;
use table::{Row, Units};

/// What to import and where.
#[derive(Debug, Clone)]
pub struct Request {
    /// The spreadsheet: `.xlsx`, `.xls`, `.ods`, or a text export.
    pub csv: PathBuf,
    /// The workbook's sheet to read; the first by default.
    pub sheet: Option<String>,
    /// Write a partial table (each result with its rank and the number
    /// ranked); also chosen when the sheet has a column of the number ranked.
    pub partial: bool,
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
    /// The encoding a text file was read in, when not UTF-8.
    pub encoding: Option<&'static str>,
    /// The group's section of a sheet with several, and the skipped ones.
    pub sections: Option<(String, Vec<String>)>,
    /// Whether the table written is complete (else partial).
    pub complete: bool,
    /// What changed against the table that was there, when there was one.
    pub changes: Option<Vec<String>>,
    /// Units of the group missing from a complete table, and the like.
    pub warnings: Diagnostics,
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
        Problem::Usage(Diagnostic::error(msg::cannot_read(&e)).in_file(&request.csv))
    })?;
    let wanted = units
        .groups
        .iter()
        .find(|g| g.id == request.group)
        .map(|g| table::Wanted {
            id: &g.id,
            name: &g.name,
        });
    let grid = if grid::is_workbook(&request.csv) {
        grid::read_workbook(bytes, request.sheet.as_deref())
    } else {
        grid::read_text(&bytes)
    }
    .map_err(|d| Problem::site(d.in_file(&request.csv)))?;
    let index = indices.indices.iter().find(|i| i.id == request.index);
    let bands = index
        .map(|i| {
            let by_score = i.bands.iter().any(|b| b.min.is_some() || b.above.is_some());
            table::Bands::new(i.bands.iter().map(|b| (b.id.as_str(), b.name.as_str())))
                .by_score(by_score)
        })
        .unwrap_or_default();
    let sheet = table::read(
        &grid,
        &request.csv,
        (
            &Units::new(&units.units, request.year, &request.group),
            &bands,
            index,
        ),
        wanted,
    )
    .map_err(Problem::Site)?;
    let file_name = request
        .csv
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let before = if output.exists() {
        Some(previous::read(&output).map_err(Problem::site)?)
    } else {
        None
    };
    // A table re-imported stays partial when it was.
    let was_partial = before.as_ref().is_some_and(previous::Previous::is_partial);
    let complete = !(request.partial || sheet.has_of || was_partial);
    let table = Table {
        request,
        file_name: &file_name,
        rows: &sheet.rows,
        complete,
        published_average: sheet.published_average,
        average_decimals: sheet.average_decimals,
        before: before.as_ref(),
    };
    let mut toml = results_toml(&table);
    let mut warnings = Diagnostics::default();
    if let Some(left_out) = &sheet.bands_ignored {
        let message = match left_out.unknown.as_slice() {
            [] => msg::import_band_column_ignored(&left_out.column, &request.index),
            unknown => msg::import_band_column_unknown(
                &left_out.column,
                &unknown.join("`, `"),
                &request.index,
                &left_out.names.join(", "),
            ),
        };
        warnings.push(
            Diagnostic::warning(message)
                .in_file(&request.csv)
                .with_hint(msg::hint_define_bands(&request.index)),
        );
    }
    if let Some(before) = &before {
        let heading = msg::import_comments_heading();
        // The heading of an earlier re-import's comments is not lost.
        let mut lost = before.comments_lost_in(&format!("{toml}\n{heading}"));
        lost.retain(|c| !is_import_header(c));
        if !lost.is_empty() {
            let _ = writeln!(toml, "\n{heading}");
            for comment in &lost {
                let _ = writeln!(toml, "{comment}");
            }
            // Comments moved by an earlier import were warned of then.
            let newly = lost
                .iter()
                .filter(|c| !before.moved_before(c, &heading))
                .count();
            if newly > 0 {
                warnings.push(
                    Diagnostic::warning(msg::import_comments_moved(newly, &heading))
                        .in_file(&output),
                );
            }
        }
    }
    let changes = before.as_ref().map(|b| {
        let mut changes = b.changes(&sheet.rows);
        if let (Some(kept), Some(found)) = (b.published_average(), sheet.published_average) {
            if kept != found {
                changes.push(msg::import_change_average(kept, found));
            }
        }
        changes
    });
    if complete {
        let excluded = before
            .as_ref()
            .map(previous::Previous::excluded)
            .unwrap_or_default();
        let missing: Vec<&crate::data::schema::UnitDef> = units
            .units
            .iter()
            .filter(|u| u.group.as_deref() == Some(request.group.as_str()))
            .filter(|u| u.active_from.is_none_or(|y| y <= request.year))
            .filter(|u| u.active_to.is_none_or(|y| y >= request.year))
            .filter(|u| !sheet.rows.iter().any(|r| r.unit == u.id))
            .filter(|u| !excluded.contains(&u.id))
            .collect();
        if let Some(first) = missing.first() {
            let listed: Vec<String> = missing
                .iter()
                .map(|u| {
                    // As the sheet's year named it ("Ban Dân tộc" until 2024).
                    let name = u
                        .renamed
                        .iter()
                        .filter(|r| request.year <= r.until)
                        .min_by_key(|r| r.until)
                        .map_or(&u.name, |r| &r.name);
                    format!("{} ({name})", u.id)
                })
                .collect();
            warnings.push(
                Diagnostic::warning(msg::import_units_missing(&listed.join(", ")))
                    .in_file(&request.csv)
                    .with_hint(msg::hint_excluded(&first.id)),
            );
        }
    }
    // The table must read back as the data format; anything else is a bug here.
    parse_document::<ResultsFile>(&toml, Format::Toml)
        .map_err(|d| Problem::site(d.in_file(&output)))?;
    if let Some(folder) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(folder).map_err(|e| {
            Problem::site(Diagnostic::error(msg::cannot_create(folder.display(), &e)))
        })?;
    }
    replace_file(&output, toml.as_bytes())
        .map_err(|e| Problem::site(Diagnostic::error(msg::cannot_write(output.display(), &e))))?;
    Ok(Imported {
        path: output,
        rows: sheet.rows.len(),
        ignored: sheet.ignored,
        encoding: grid.encoding,
        sections: sheet.sections,
        complete,
        changes,
        warnings,
    })
}

/// The suffix of a table's name while an import writes it.
pub const TEMPORARY: &str = ".chiso-tmp";

/// Writes `bytes` to `path` whole or not at all: into a file beside it,
/// then renamed over it. A re-import (`--force`) replaces a table holding
/// what the editor added by hand (notes, sources, components); a full disk
/// or a killed process must not leave it cut short.
fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(TEMPORARY);
    crate::write::write_whole(&path.with_file_name(name), path, bytes)
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

/// A number with the decimals its cell showed ("86.00"), else as TOML
/// writes a float.
fn written(value: f64, decimals: Option<u32>) -> String {
    match decimals {
        Some(decimals) => format!("{value:.*}", decimals.min(12) as usize),
        None => float(value),
    }
}

/// The decimals each column of figures is written with, for its cells
/// that were numbers, which carry none: the most any of the column's cells
/// shows (a computed cell is then written as the sheet shows it). A sheet
/// formats a column alike ("0.00"), and its numbers drop the zeros it
/// shows (92 for "92,00", 89.3 for "89,30"): without this the pages would
/// print a precision the source never printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ColumnDecimals {
    score: Option<u32>,
    points: Option<u32>,
    max_points: Option<u32>,
    percent: Option<u32>,
}

impl ColumnDecimals {
    fn of(rows: &[Row]) -> Self {
        // Each cell's decimals: those its text showed, else its number's.
        let most = |cells: &mut dyn Iterator<Item = (f64, Option<u32>)>| {
            cells
                .filter_map(|(value, written)| written.or_else(|| shown_decimals(value)))
                .max()
        };
        ColumnDecimals {
            score: most(
                &mut rows
                    .iter()
                    .filter_map(|r| Some((r.score?, r.written.score))),
            ),
            points: most(
                &mut rows
                    .iter()
                    .filter_map(|r| Some((r.points?, r.written.points))),
            ),
            max_points: most(
                &mut rows
                    .iter()
                    .filter_map(|r| Some((r.max_points?, r.written.max_points))),
            ),
            percent: most(
                &mut rows
                    .iter()
                    .filter_map(|r| Some((r.percent?, r.written.percent))),
            ),
        }
    }
}

/// The decimals a number shows at its shortest (93.16: 2; 92: 0); `None`
/// past four, a computed cell's binary fraction (85/95), which says nothing
/// of how the column is written.
fn shown_decimals(value: f64) -> Option<u32> {
    let text = value.to_string();
    let decimals = text.split_once('.').map_or(0, |(_, after)| after.len());
    u32::try_from(decimals).ok().filter(|&d| d <= 4)
}

/// The decimals to write a number cell with, in a column written with
/// `column`: the column's, or more when the number shows more (never
/// rounded to fewer); `None` (written as it is) when neither says.
fn in_column(value: f64, column: Option<u32>) -> Option<u32> {
    match (shown_decimals(value), column) {
        (_, None) => None,
        (Some(shown), Some(column)) => Some(shown.max(column)),
        (None, Some(column)) => Some(column),
    }
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

/// What [`results_toml`] writes.
struct Table<'a> {
    request: &'a Request,
    file_name: &'a str,
    rows: &'a [Row],
    complete: bool,
    /// A "Bình quân" footer's value.
    published_average: Option<f64>,
    /// The decimals its cell showed.
    average_decimals: Option<u32>,
    /// The table that was there, whose additions are kept.
    before: Option<&'a previous::Previous>,
}

/// The comment an imported table opens with, in each language; `FILE`
/// stands for the sheet's file name.
const HEADER_VI: [&str; 2] = [
    "# Nhập từ {file} bằng `chiso import`. Thêm [source] và, nếu đã được công",
    "# bố, published_average (sẽ được đối chiếu); rồi chạy `chiso check`.",
];
const HEADER_EN: [&str; 2] = [
    "# Imported from {file} by `chiso import`. Add the [source] and, where it was",
    "# published, published_average (it is checked); then run `chiso check`.",
];
const FILE: &str = "{file}";

/// Whether `line` is a line of the comment an import opens a table with,
/// in either language and for any sheet: a re-import writes its own, and
/// does not keep the earlier one as the editor's.
fn is_import_header(line: &str) -> bool {
    HEADER_VI.iter().chain(&HEADER_EN).any(|template| {
        let (before, after) = template.split_once(FILE).unwrap_or((template, ""));
        line.len() >= before.len() + after.len()
            && line.starts_with(before)
            && line.ends_with(after)
    })
}

/// The results table as TOML, in the layout of hand-written ones.
fn results_toml(table: &Table) -> String {
    let request = table.request;
    let mut out = String::new();
    let header = match msg::language() {
        crate::messages::Language::Vietnamese => HEADER_VI,
        crate::messages::Language::English => HEADER_EN,
    };
    for line in header {
        let _ = writeln!(out, "{}", line.replace(FILE, table.file_name));
    }
    let _ = writeln!(out, "index = \"{}\"", request.index);
    let _ = writeln!(out, "year = {}", request.year);
    let _ = writeln!(out, "group = \"{}\"", request.group);
    let _ = writeln!(out, "complete = {}", table.complete);
    let columns = ColumnDecimals::of(table.rows);
    // The sheet's "Bình quân" row, when it has one, is the published
    // average, as its lines are the figures: a corrected sheet corrects it.
    let mut kept = table.before.map(previous::Previous::kept_top);
    if let (Some(kept), Some(_)) = (&mut kept, table.published_average) {
        kept.retain(|(key, _)| key != "published_average");
    }
    if let Some(average) = table.published_average {
        let _ = writeln!(
            out,
            "published_average = {}",
            written(
                average,
                table
                    .average_decimals
                    .or_else(|| in_column(average, columns.score.or(columns.percent))),
            )
        );
    }
    let mut sections = String::new();
    let mut arrays = String::new();
    if let (Some(kept), Some(before)) = (&kept, table.before) {
        previous::write_top(before, kept, &mut out, &mut sections, &mut arrays);
    }
    out.push('\n');
    out.push_str(&sections);
    if !kept
        .as_ref()
        .is_some_and(|k| k.iter().any(|(key, _)| key == "source"))
    {
        out.push_str("# [source]\n# title = \"Quyết định số .../QĐ-UBND\"\n# date = 2024-02-22\n");
    }
    for row in table.rows {
        let _ = write!(out, "\n[[result]]\nunit = \"{}\"\n", row.unit);
        let at = &row.written;
        if let Some(score) = row.score {
            let _ = writeln!(
                out,
                "score = {}",
                written(score, at.score.or_else(|| in_column(score, columns.score)))
            );
        }
        if let (Some(points), Some(max)) = (row.points, row.max_points) {
            let _ = writeln!(
                out,
                "points = {}\nmax_points = {}",
                written(
                    points,
                    at.points.or_else(|| in_column(points, columns.points))
                ),
                written(
                    max,
                    at.max_points.or_else(|| in_column(max, columns.max_points))
                )
            );
        }
        if let Some(percent) = row.percent {
            let _ = writeln!(
                out,
                "percent = {}",
                written(
                    percent,
                    at.percent.or_else(|| in_column(percent, columns.percent))
                )
            );
        }
        if let Some(rank) = row.rank {
            let _ = writeln!(out, "rank = {rank}");
        }
        if let Some(of) = row.of {
            let _ = writeln!(out, "of = {of}");
        }
        if let Some(band) = &row.band {
            let _ = writeln!(out, "band = \"{band}\"");
        }
        if let Some(before) = table.before {
            before.write_row_extras(row, &mut out);
        }
    }
    out.push_str(&arrays);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An import of `csv` into the example's 2024 departments table.
    fn request(csv: &str) -> Request {
        Request {
            csv: csv.into(),
            sheet: None,
            partial: false,
            index: "cchc-tinh".into(),
            year: 2024,
            group: "so-ban-nganh".into(),
            root: ".".into(),
            output: None,
            force: false,
        }
    }

    /// A line of a sheet, its figures as numbers (no decimals written).
    fn row(
        unit: &str,
        score: Option<f64>,
        points: Option<f64>,
        max_points: Option<f64>,
        percent: Option<f64>,
        rank: Option<u32>,
    ) -> Row {
        Row {
            line: 2,
            unit: unit.into(),
            score,
            points,
            max_points,
            percent,
            rank,
            of: None,
            band: None,
            written: Default::default(),
        }
    }

    #[test]
    fn a_table_is_replaced_whole_and_nothing_is_left_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("khoi.toml");
        fs::write(&path, "note = \"the editor's\"\n").unwrap();
        // A temporary file a killed import left is written over.
        fs::write(dir.path().join("khoi.toml.chiso-tmp"), "half").unwrap();
        replace_file(&path, b"index = \"i\"\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "index = \"i\"\n");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["khoi.toml"]);
        // Where it cannot be written, the old table is as it was.
        let missing = dir.path().join("no-such-folder/khoi.toml");
        assert!(replace_file(&missing, b"x").is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "index = \"i\"\n");
    }

    #[test]
    fn the_table_reads_back_as_the_data_format() {
        let request = request("kq.csv");
        let rows = [
            row("so-noi-vu", Some(90.0), None, None, None, Some(2)),
            row(
                "so-tu-phap",
                None,
                Some(93.364),
                Some(98.0),
                Some(95.27),
                None,
            ),
        ];
        let text = results_toml(&Table {
            request: &request,
            file_name: "kq.csv",
            rows: &rows,
            complete: true,
            published_average: Some(91.5),
            average_decimals: None,
            before: None,
        });
        let table: ResultsFile = parse_document(&text, Format::Toml).unwrap();
        assert_eq!(
            (table.index.as_str(), table.year, table.complete),
            ("cchc-tinh", 2024, true)
        );
        assert_eq!(table.results[0].score, Some(90.0));
        assert_eq!(table.results[0].rank, Some(2));
        assert_eq!(table.results[1].points, Some(93.364));
        assert_eq!(table.results[1].max_points, Some(98.0));
        assert_eq!(table.results[1].percent, Some(95.27));
        assert_eq!(table.results[0].percent, None);
        // Numbers carry no decimals of their own: each is written with its
        // column's (the average with the scores'), as the sheet shows them.
        assert!(text.contains("score = 90\n"), "{text}");
        assert!(
            text.contains("points = 93.364\nmax_points = 98\npercent = 95.27\n"),
            "{text}"
        );
        assert!(text.contains("published_average = 91.5\n"), "{text}");
        assert_eq!(table.published_average, Some(91.5));
    }

    #[test]
    fn an_imports_own_header_is_known_in_both_languages_for_any_sheet() {
        for header in [HEADER_VI, HEADER_EN] {
            for line in header {
                assert!(is_import_header(&line.replace(FILE, "bang tinh (2).xlsx")));
            }
        }
        assert!(!is_import_header(
            "# Nguồn: quyết định công bố ngày 25/3/2025"
        ));
        assert!(!is_import_header("# Imported by hand"));
    }

    #[test]
    fn a_number_cell_is_written_with_its_columns_decimals() {
        let request = request("kq.xlsx");
        let line = |unit: &str, percent: f64| {
            row(unit, None, Some(percent), Some(100.0), Some(percent), None)
        };
        // 92 and 89.3 of a column showing 93.16; 85/95 computed in a cell,
        // which says nothing of the column and is written as it shows.
        let rows = [
            line("a", 93.16),
            line("b", 92.0),
            line("c", 89.3),
            line("d", 85.0 / 95.0 * 100.0),
        ];
        let text = results_toml(&Table {
            request: &request,
            file_name: "kq.xlsx",
            rows: &rows,
            complete: true,
            published_average: Some(89.9),
            average_decimals: None,
            before: None,
        });
        for line in [
            "points = 92.00\nmax_points = 100\npercent = 92.00\n",
            "points = 89.30\nmax_points = 100\npercent = 89.30\n",
            "points = 89.47\nmax_points = 100\npercent = 89.47\n",
            "published_average = 89.90\n",
        ] {
            assert!(text.contains(line), "{line}\n{text}");
        }
    }
}
