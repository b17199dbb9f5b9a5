//! A spreadsheet as rows of cells, whatever file it came from: a text export
//! (CSV, semicolon or tab separated, in any encoding `encoding.rs`
//! reads) or a workbook (`.xlsx`, `.xls`, `.ods`, read with calamine). Each
//! row keeps the line (text) or row number (workbook) the editor sees, so
//! that diagnostics point at it.

use std::path::Path;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use crate::diagnostic::{Diagnostic, Lines, Location, Snippet};
use crate::messages as msg;

use super::encoding::{decode_text, lost_letters};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number as the workbook stores it (a formula's cached value too).
    Number(f64),
}

impl Cell {
    /// The cell as text, trimmed; numbers as Rust writes them.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number(value) => value.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

/// One row and where it is.
#[derive(Debug, Clone)]
pub struct GridRow {
    /// The line of a text file, or the row number of a sheet, from 1.
    pub line: usize,
    pub cells: Vec<Cell>,
}

impl GridRow {
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

/// What was read.
#[derive(Debug)]
pub struct Grid {
    pub rows: Vec<GridRow>,
    /// The decoded text of a text file, to quote its lines.
    pub text: Option<String>,
    /// The encoding a text file was found in, when not UTF-8.
    pub encoding: Option<&'static str>,
    /// The separator a text file's cells were split at.
    pub delimiter: Option<u8>,
}

impl Grid {
    /// Points `diagnostic` at `line`: the line quoted from a text file, the
    /// row's cells from a sheet.
    pub fn at(&self, diagnostic: Diagnostic, lines: Option<&Lines>, line: usize) -> Diagnostic {
        self.at_cell(diagnostic, lines, line, None)
    }

    /// [`Grid::at`], pointing at the cell in column `cell` (from 0) of the
    /// line when it is given.
    pub fn at_cell(
        &self,
        diagnostic: Diagnostic,
        lines: Option<&Lines>,
        line: usize,
        cell: Option<usize>,
    ) -> Diagnostic {
        if let Some(lines) = lines {
            let column = match (cell, self.delimiter) {
                (Some(cell), Some(delimiter)) => lines
                    .line(line)
                    .map_or(1, |text| cell_column(text, char::from(delimiter), cell)),
                _ => 1,
            };
            return diagnostic.at_line_of(lines, line, column);
        }
        let cells: Vec<String> = self
            .rows
            .iter()
            .find(|r| r.line == line)
            .map(|r| r.cells.iter().map(Cell::text).collect())
            .unwrap_or_default();
        // A sheet's row is shown as its cells between bars: the cell's
        // column is where it starts there.
        let column = cell.map_or(1, |cell| {
            1 + cells[..cell.min(cells.len())]
                .iter()
                .map(|c| c.chars().count() + 3)
                .sum::<usize>()
        });
        let quoted = cells.join(" | ");
        diagnostic.at_point(
            Location { line, column },
            Snippet::at_column(&quoted, column),
        )
    }
}

/// The column (in characters, from 1) where cell `cell` (from 0) of a
/// delimited `line` starts; a delimiter inside quotes separates nothing.
fn cell_column(line: &str, delimiter: char, cell: usize) -> usize {
    let (mut column, mut at_cell, mut quoted) = (1, 0, false);
    for c in line.chars() {
        if at_cell == cell {
            return column;
        }
        if c == '"' {
            quoted = !quoted;
        } else if c == delimiter && !quoted {
            at_cell += 1;
        }
        column += 1;
    }
    column
}

/// Whether the file is a workbook, by its extension.
pub fn is_workbook(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "xlsm", "xlsb", "xls", "ods"]
            .iter()
            .any(|w| e.eq_ignore_ascii_case(w))
    })
}

/// Reads a text export.
pub fn read_text(bytes: &[u8]) -> Result<Grid, Diagnostic> {
    let decoded = decode_text(bytes)?;
    // A file whose letters Excel replaced with "?" may be plain ASCII,
    // which reads as UTF-8: it is checked too.
    let legacy = decoded.encoding.is_some() || decoded.text.is_ascii();
    if legacy && lost_letters(&decoded.text) {
        return Err(
            Diagnostic::error(msg::import_lost_letters()).with_hint(msg::hint_save_as_csv_utf8())
        );
    }
    let text = decoded.text;
    let delimiter = sniff_delimiter(&text);
    let lines = Lines::new(&text);
    let mut rows = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    loop {
        // The record's line from its byte offset: the csv crate's own line
        // count is off with CRLF line ends.
        let start = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let offset = start + leading_line_ends(text.get(start..).unwrap_or(""));
                let line = lines.locate(offset.min(text.len())).0.line;
                rows.push(GridRow {
                    line,
                    cells: record
                        .iter()
                        .map(|c| {
                            if c.trim().is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(c.to_owned())
                            }
                        })
                        .collect(),
                });
            }
            Err(error) => {
                let line = lines.locate(start.min(text.len())).0.line;
                return Err(
                    Diagnostic::error(msg::csv_row_unreadable(error)).at_line_of(&lines, line, 1)
                );
            }
        }
    }
    Ok(Grid {
        rows,
        text: Some(text),
        encoding: decoded.encoding,
        delimiter: Some(delimiter),
    })
}

/// Bytes of blank lines before a record (the csv reader skips them).
fn leading_line_ends(text: &str) -> usize {
    text.len() - text.trim_start_matches(['\r', '\n']).len()
}

/// The separator the lines agree on: semicolon (Excel in Vietnamese),
/// comma, or tab ("Unicode text"). For each, the number of times it appears
/// outside quotes is counted on each of the first lines; the separator whose
/// most common count is shared by the most lines wins (a title line "KẾT
/// QUẢ … SỞ, BAN, NGÀNH;;" has commas, but no two lines agree on them), then
/// the one with more cells, then tab, semicolon and comma in that order
/// (decimal commas make commas the least telling).
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().take(40).collect();
    let agreement = |delimiter: u8| {
        let mut counts: Vec<usize> = lines
            .iter()
            .map(|line| unquoted(line, delimiter))
            .filter(|&n| n > 0)
            .collect();
        counts.sort_unstable();
        // (lines sharing the most common count, that count)
        counts
            .chunk_by(|a, b| a == b)
            .map(|same| (same.len(), same[0]))
            .max()
            .unwrap_or((0, 0))
    };
    // `max_by_key` keeps the last of equals: the list ends with the first choice.
    [b',', b';', b'\t']
        .into_iter()
        .map(|d| (agreement(d), d))
        .filter(|&((lines, _), _)| lines > 0)
        .max_by_key(|&(agreement, _)| agreement)
        .map_or(b',', |(_, d)| d)
}

/// How many times `delimiter` appears in `line` outside double quotes.
fn unquoted(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            b == delimiter && !quoted
        })
        .count()
}

/// Reads a sheet of a workbook: `sheet` by name, or the first.
pub fn read_workbook(bytes: Vec<u8>, sheet: Option<&str>) -> Result<Grid, Diagnostic> {
    // The file is the editor's, and a parser of binary formats may have a
    // panic left on some damaged file: it is a file that cannot be read.
    std::panic::catch_unwind(|| read_sheet(bytes, sheet))
        .unwrap_or_else(|_| Err(Diagnostic::error(msg::import_workbook_damaged())))
}

fn read_sheet(bytes: Vec<u8>, sheet: Option<&str>) -> Result<Grid, Diagnostic> {
    let mut workbook = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| Diagnostic::error(msg::import_workbook_unreadable(e)))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
            })
            .cloned()
            .ok_or_else(|| {
                Diagnostic::error(msg::import_no_such_sheet(wanted))
                    .with_hint(msg::hint_sheets(&names.join("\", \"")))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Diagnostic::error(msg::import_no_sheets()))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| Diagnostic::error(msg::import_workbook_unreadable(e)))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    // Cells formatted as percentages (the cell holds 0.9438 and shows
    // 94.38%) are read as they show; only .xlsx gives its formats.
    let styles = match &mut workbook {
        calamine::Sheets::Xlsx(xlsx) => xlsx.worksheet_style(&name).ok(),
        _ => None,
    };
    let is_percent = |row: usize, column: usize| {
        let at = (u32::try_from(row).ok()?, u32::try_from(column).ok()?);
        let format = styles.as_ref()?.get(at)?.number_format.as_ref()?;
        Some(is_percent_format(&format.format_code))
    };
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| GridRow {
            line: first_row + i + 1,
            cells: std::iter::repeat_n(Cell::Empty, first_column)
                .chain(cells.iter().enumerate().map(|(j, data)| {
                    let percent = is_percent(first_row + i, first_column + j) == Some(true);
                    match (cell_of(data), percent) {
                        (Cell::Number(value), true) => Cell::Number(without_noise(value * 100.0)),
                        (cell, _) => cell,
                    }
                }))
                .collect(),
        })
        .collect();
    Ok(Grid {
        rows,
        text: None,
        encoding: None,
        delimiter: None,
    })
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(value) => Cell::Number(*value as f64),
        Data::Float(value) => Cell::Number(without_noise(*value)),
        Data::String(text) if text.trim().is_empty() => Cell::Empty,
        // A date (Excel turns "9.5" typed on a Vietnamese Windows into 9 May)
        // is shown as one, so that it is reported as not a number.
        Data::DateTime(date) if date.is_datetime() => Cell::Text(excel_date(date.as_f64())),
        // Booleans and error values (#DIV/0!) as the sheet shows them:
        // neither is a score, so they are reported as such.
        other => Cell::Text(other.to_string()),
    }
}

/// Whether an Excel number format shows its number as a percentage: a `%`
/// outside quoted text, escapes and `[…]` codes (`0.00%`, `0.0%;[Red]-0.0%`,
/// not `0.00" %"`).
fn is_percent_format(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => return true,
            '"' => {
                chars.by_ref().find(|&c| c == '"');
            }
            '[' => {
                chars.by_ref().find(|&c| c == ']');
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            // Only the first section (positive numbers) says how scores show.
            ';' => return false,
            _ => {}
        }
    }
    false
}

/// An Excel date serial (1900 system, counted from 1899-12-30) as
/// `YYYY-MM-DD`.
fn excel_date(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return serial.to_string();
    }
    // Days since 1970-01-01, then the civil date (Howard Hinnant's algorithm).
    let days = serial.floor() as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A computed cell's value without the binary noise of its formula
/// (`=0.1+0.2` saves 0.30000000000000004): nine decimals are kept, more
/// than any index publishes.
fn without_noise(value: f64) -> f64 {
    let rounded = (value * 1e9).round() / 1e9;
    if rounded.is_finite() {
        rounded
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_are_known() {
        for code in ["0%", "0.00%", "0.0%;[Red]-0.0%", "#,##0.00 %"] {
            assert!(is_percent_format(code), "{code}");
        }
        for code in [
            "General",
            "0.00",
            r#"0.00" %""#,
            r"0.00\%",
            "[$%-409]0.00",
            "0;0%",
        ] {
            assert!(!is_percent_format(code), "{code}");
        }
    }

    #[test]
    fn dates_are_shown_as_dates() {
        assert_eq!(excel_date(45_421.0), "2024-05-09");
        assert_eq!(excel_date(25_569.5), "1970-01-01");
        assert_eq!(excel_date(60.0), "1900-02-28");
    }

    #[test]
    fn formula_noise_is_removed() {
        assert_eq!(without_noise(0.1 + 0.2), 0.3);
        assert_eq!(without_noise(93.364), 93.364);
        assert_eq!(cell_of(&Data::Int(7)), Cell::Number(7.0));
        assert!(matches!(
            cell_of(&Data::Error(calamine::CellErrorType::Div0)),
            Cell::Text(_)
        ));
    }

    #[test]
    fn crlf_lines_are_counted_once() {
        let grid = read_text(b"Title\r\n\r\nA;B\r\n\"x\r\ny\";2\r\nz;3\r\n").unwrap();
        let lines: Vec<_> = grid.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 3, 4, 6]);
    }

    #[test]
    fn the_separator_the_lines_agree_on_wins() {
        assert_eq!(sniff_delimiter("a,b;c;d\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\tc\n"), b'\t');
        assert_eq!(sniff_delimiter("a,b,c\n"), b',');
        assert_eq!(sniff_delimiter("a|b\n"), b',');
        // A title with commas above a semicolon table.
        let text = "KẾT QUẢ CHỈ SỐ CCHC CÁC SỞ, BAN, NGÀNH, UBND;;\n\
                    STT;Đơn vị;Điểm\n1;Sở Nội vụ;90,53\n2;Sở Tư pháp;88,1\n";
        assert_eq!(sniff_delimiter(text), b';');
        // Decimal commas in every row, as many as the semicolons.
        assert_eq!(
            sniff_delimiter("Đơn vị;Điểm;Tối đa\nA;9,5;10,5\nB;8,5;10,5\n"),
            b';'
        );
        // Commas inside quotes are not separators.
        let text = "Đơn vị;Điểm\n\"Sở Khoa học, Công nghệ\";90,53\n\"Sở A, B\";88\n";
        assert_eq!(sniff_delimiter(text), b';');
        let text = "Đơn vị,Điểm,Ghi chú\n\"Sở A; B\",\"90,53\",\nSở C,88,\n";
        assert_eq!(sniff_delimiter(text), b',');
    }

    #[test]
    fn a_damaged_workbook_is_a_diagnostic() {
        for bytes in [
            &b""[..],
            b"PK\x03\x04garbage",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        ] {
            assert!(read_workbook(bytes.to_vec(), None).is_err());
        }
    }

    #[test]
    fn workbooks_are_known_by_their_extension() {
        assert!(is_workbook(Path::new("kq.XLSX")));
        assert!(!is_workbook(Path::new("kq.csv")));
    }
}
