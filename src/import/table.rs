//! Reading a spreadsheet export as rows of a results table: sniffing the
//! separator, recognising the header (Vietnamese or English, diacritics and
//! case ignored), matching unit names to unit ids and parsing the numbers.
//! Every bad row is reported with its line; a table is returned only when
//! every row is good.

use std::collections::BTreeMap;
use std::path::Path;

use crate::data::schema::UnitDef;
use crate::diagnostic::{closest, Diagnostic, Diagnostics, Lines};
use crate::messages as msg;
use crate::vi;

use super::number::parse_number;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Unit,
    Score,
    Points,
    MaxPoints,
    Rank,
}

/// Accepted headers for each role, as [`header_key`] folds them.
const HEADERS: &[(Role, &[&str])] = &[
    (
        Role::Unit,
        &[
            "don vi",
            "ten don vi",
            "co quan",
            "ten co quan",
            "co quan don vi",
            "tinh",
            "tinh thanh pho",
            "ten",
            "unit",
            "name",
        ],
    ),
    (
        Role::Score,
        &["diem", "diem so", "chi so", "ket qua", "score"],
    ),
    (
        Role::Points,
        &["diem dat", "diem dat duoc", "tong diem dat", "points"],
    ),
    (
        Role::MaxPoints,
        &[
            "diem toi da",
            "tong diem toi da",
            "thang diem",
            "max points",
        ],
    ),
    (Role::Rank, &["thu hang", "xep hang", "hang", "rank"]),
];

/// One good row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The CSV line it came from.
    pub line: u64,
    pub unit: String,
    pub score: Option<f64>,
    pub points: Option<f64>,
    pub max_points: Option<f64>,
    pub rank: Option<u32>,
}

/// A parsed spreadsheet.
#[derive(Debug)]
pub struct Sheet {
    pub rows: Vec<Row>,
    /// Header cells that no role claimed, as written.
    pub ignored: Vec<String>,
}

/// A header cell folded for matching: "Điểm (%)" → "diem", "max_points" → "max points".
pub fn header_key(cell: &str) -> String {
    vi::fold(cell)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn role_of(cell: &str) -> Option<Role> {
    let key = header_key(cell);
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(role, _)| *role)
}

/// Column of each role, when the header has what a table needs: a unit
/// column, and a score column or points with maximum points.
fn columns(header: &csv::StringRecord) -> Option<BTreeMap<Role, usize>> {
    let mut found = BTreeMap::new();
    for (i, cell) in header.iter().enumerate() {
        if let Some(role) = role_of(cell) {
            found.entry(role).or_insert(i);
        }
    }
    let has_points = found.contains_key(&Role::Points) && found.contains_key(&Role::MaxPoints);
    if has_points {
        // Points are what the index is computed from; a score column beside
        // them is the derived percentage.
        found.remove(&Role::Score);
    }
    (found.contains_key(&Role::Unit) && (has_points || found.contains_key(&Role::Score)))
        .then_some(found)
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes())
}

/// The separator whose header row names the columns a table needs:
/// semicolon (Excel in Vietnamese), comma, or tab.
fn sniff(text: &str) -> Option<(u8, BTreeMap<Role, usize>)> {
    [b';', b',', b'\t'].into_iter().find_map(|delimiter| {
        let header = reader(text, delimiter).headers().ok()?.clone();
        columns(&header).map(|c| (delimiter, c))
    })
}

/// Unit ids by folded name, former name and id.
pub struct Units {
    by_name: BTreeMap<String, Vec<String>>,
    /// A name as written, for each folded name (to suggest it).
    shown: BTreeMap<String, String>,
}

impl Units {
    pub fn new(units: &[UnitDef]) -> Units {
        let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut shown = BTreeMap::new();
        for unit in units {
            let names = std::iter::once(&unit.name)
                .chain(&unit.former_names)
                .chain(std::iter::once(&unit.id));
            for name in names {
                shown.entry(vi::fold(name)).or_insert_with(|| name.clone());
                let ids = by_name.entry(vi::fold(name)).or_default();
                if !ids.contains(&unit.id) {
                    ids.push(unit.id.clone());
                }
            }
        }
        Units { by_name, shown }
    }

    fn find(&self, name: &str) -> Result<&str, String> {
        let key = vi::fold(name);
        match self.by_name.get(&key).map(Vec::as_slice) {
            Some([id]) => Ok(id),
            Some(ids) => Err(msg::csv_ambiguous_unit(name, ids)),
            None => {
                let near = closest(&key, self.by_name.keys().map(String::as_str))
                    .map(|near| self.shown.get(near).map_or(near, String::as_str));
                Err(msg::csv_no_such_unit(name, near))
            }
        }
    }
}

/// Reads `text` (the CSV, already decoded); `shown` names it in diagnostics.
pub fn read(text: &str, shown: &Path, units: &Units) -> Result<Sheet, Diagnostics> {
    let mut problems = Diagnostics::default();
    // Lines found once: each bad row's line looked up from the start of the
    // text was quadratic in the rows.
    let lines = Lines::new(text);
    let at = |line: u64, message: String| {
        Diagnostic::error(message)
            .in_file(shown)
            .at_line_of(&lines, line as usize, 1)
    };
    let Some((delimiter, columns)) = sniff(text) else {
        problems.push(at(1, msg::csv_header_unknown()).with_hint(msg::hint_csv_header()));
        return Err(problems);
    };
    let mut csv = reader(text, delimiter);
    let ignored = csv
        .headers()
        .map(|h| {
            h.iter()
                .enumerate()
                .filter(|(i, _)| !columns.values().any(|c| c == i))
                .map(|(_, cell)| cell.trim().to_owned())
                .filter(|cell| !cell.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for record in csv.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line());
                problems.push(at(line, msg::csv_row_unreadable(e)));
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |role: Role| {
            columns
                .get(&role)
                .and_then(|&i| record.get(i))
                .map(str::trim)
                .filter(|c| !c.is_empty())
        };
        let mut bad = Vec::new();
        let unit = match cell(Role::Unit) {
            None => {
                bad.push(msg::csv_empty_cell("unit's name"));
                None
            }
            Some(name) => match units.find(name) {
                Ok(id) => Some(id.to_owned()),
                Err(message) => {
                    bad.push(message);
                    None
                }
            },
        };
        let mut number = |role: Role, what: &str, required: bool| match cell(role) {
            None if required => {
                bad.push(msg::csv_empty_cell(what));
                None
            }
            None => None,
            Some(text) => {
                let value = parse_number(text);
                if value.is_none() {
                    bad.push(msg::csv_not_a_number(what, text));
                }
                value
            }
        };
        let uses_points = columns.contains_key(&Role::Points);
        let score = number(Role::Score, "score", !uses_points);
        let points = number(Role::Points, "points", uses_points);
        let max_points = number(Role::MaxPoints, "maximum points", uses_points);
        let rank = match cell(Role::Rank) {
            None => None,
            Some(text) => match text.parse::<u32>() {
                Ok(rank) if rank > 0 => Some(rank),
                _ => {
                    bad.push(msg::csv_bad_rank(text));
                    None
                }
            },
        };
        if let Some(id) = &unit {
            match seen.get(id) {
                Some(first) => bad.push(msg::csv_unit_twice(id, *first)),
                None => {
                    seen.insert(id.clone(), line);
                }
            }
        }
        match (bad.is_empty(), unit) {
            (true, Some(unit)) => rows.push(Row {
                line,
                unit,
                score,
                points,
                max_points,
                rank,
            }),
            _ => problems.push(at(line, bad.join("; "))),
        }
    }
    if problems.is_empty() && rows.is_empty() {
        problems.push(at(1, msg::csv_no_rows()));
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Sheet { rows, ignored })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> Units {
        let file: crate::data::schema::UnitsFile = toml::from_str(
            r#"
            [[unit]]
            id = "so-noi-vu"
            name = "Sở Nội vụ"

            [[unit]]
            id = "so-khoa-hoc-va-cong-nghe"
            name = "Sở Khoa học và Công nghệ"
            former_names = ["Sở Khoa học, Công nghệ"]
            "#,
        )
        .unwrap();
        Units::new(&file.units)
    }

    fn read_ok(text: &str) -> Sheet {
        read(text, Path::new("kq.csv"), &units()).unwrap_or_else(|d| panic!("{d}"))
    }

    #[test]
    fn semicolons_decimal_commas_and_vietnamese_headers() {
        let sheet =
            read_ok("STT;Đơn vị;Điểm\n1;SỞ NỘI VỤ;90,53\n2;so khoa hoc va cong nghe;88.2\n");
        assert_eq!(sheet.ignored, ["STT"]);
        let got: Vec<_> = sheet
            .rows
            .iter()
            .map(|r| (r.line, r.unit.as_str(), r.score))
            .collect();
        assert_eq!(
            got,
            [
                (2, "so-noi-vu", Some(90.53)),
                (3, "so-khoa-hoc-va-cong-nghe", Some(88.2))
            ]
        );
    }

    #[test]
    fn commas_quotes_points_and_former_names() {
        let sheet = read_ok(
            "Unit,Points,Max points,Rank\n\"Sở Khoa học, Công nghệ\",\"93,364\",98,1\n,,,\n",
        );
        assert_eq!(sheet.rows.len(), 1);
        let row = &sheet.rows[0];
        assert_eq!(row.unit, "so-khoa-hoc-va-cong-nghe");
        assert_eq!(
            (row.points, row.max_points, row.rank),
            (Some(93.364), Some(98.0), Some(1))
        );
        assert_eq!(row.score, None);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let text = "Đơn vị;Điểm\nSở Nội vụ;90\nSở Nội Vu;abc\nSở Tài chính;80\n;70\nSở Nội vụ;85\n";
        let errors = read(text, Path::new("kq.csv"), &units())
            .unwrap_err()
            .to_string();
        assert!(errors.contains("kq.csv:3:1"), "{errors}");
        assert!(
            errors.contains("the score `abc` is not a number"),
            "{errors}"
        );
        assert!(errors.contains("kq.csv:4:1"), "{errors}");
        assert!(
            errors.contains("no unit is named `Sở Tài chính`"),
            "{errors}"
        );
        assert!(
            errors.contains("kq.csv:5:1") && errors.contains("name is empty"),
            "{errors}"
        );
        assert!(errors.contains("kq.csv:6:1"), "{errors}");
        assert!(errors.contains("already on line 2"), "{errors}");
        assert!(!errors.contains("kq.csv:2:1"), "{errors}");
    }

    #[test]
    fn a_near_miss_suggests_the_unit_name_as_written() {
        let errors = read(
            "Đơn vị;Điểm\nSo Noi Vuu;90\n",
            Path::new("kq.csv"),
            &units(),
        )
        .unwrap_err()
        .to_string();
        assert!(errors.contains("did you mean `Sở Nội vụ`?"), "{errors}");
    }

    #[test]
    fn a_header_without_the_needed_columns_is_refused() {
        let errors = read("Tên;Ghi chú\nSở Nội vụ;x\n", Path::new("kq.csv"), &units())
            .unwrap_err()
            .to_string();
        assert!(
            errors.contains("does not name a unit column and a score column"),
            "{errors}"
        );
    }
}
