//! Reading a spreadsheet as rows of a results table, as government offices
//! lay them out: title rows above the header (found by its column names,
//! Vietnamese or English, diacritics and case ignored), a header on one row
//! or two (a merged "Kết quả" over "Điểm đạt" and "Điểm tối đa"), a row
//! numbering the columns, section rows ("I. Khối sở, ban, ngành"), footer
//! rows ("Bình quân", "Tổng") and signature lines after them. Unit names are
//! matched to unit ids and the numbers parsed; every bad row is reported with
//! its line, and a table is returned only when every row is good.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::data::schema::{IndexDef, UnitDef};
use crate::diagnostic::{closest, Diagnostic, Diagnostics, Lines};
use crate::messages as msg;
use crate::vi;

use super::grid::{Cell, Grid, GridRow};
use super::number::{decimal_mark, is_ambiguous, parse_written};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Unit,
    Score,
    Points,
    MaxPoints,
    /// "Tổng điểm": points when the sheet has a maximum, else the score.
    Total,
    Rank,
    /// The number of units ranked, in a partial table.
    Of,
    /// The percentage beside points and maximum points, as published: read
    /// as the line's `percent` (the build checks it against the points),
    /// and its "Bình quân" footer as the published average.
    Percent,
    /// The band published for the line ("Xếp loại": Tốt), read as the
    /// line's `band` when the index defines bands (the build checks it).
    Band,
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
            "ten co quan don vi",
            "co quan dia phuong",
            "dia phuong",
            "ten dia phuong",
            "don vi dia phuong",
            "tinh",
            "tinh thanh pho",
            "ten tinh thanh pho",
            "ten",
            "unit",
            "name",
            "province",
        ],
    ),
    (
        Role::Score,
        &[
            "diem",
            "diem so",
            "chi so",
            "chi so cchc",
            "chi so cai cach hanh chinh",
            "ket qua",
            "ket qua chi so",
            "diem thang 100",
            "diem quy doi",
            "ty le",
            "score",
            "index",
        ],
    ),
    (
        Role::Points,
        &[
            "diem dat",
            "diem dat duoc",
            "tong diem dat",
            "tong diem dat duoc",
            "points",
        ],
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
    (Role::Total, &["tong diem", "tong so diem", "total"]),
    (
        Role::Rank,
        &["thu hang", "xep hang", "hang", "thu tu xep hang", "rank"],
    ),
    (
        Role::Of,
        &[
            "so don vi",
            "so don vi xep hang",
            "tong so don vi",
            "so tinh",
            "tong so tinh",
            "tren tong so",
            "of",
            "ranked",
        ],
    ),
    (
        Role::Band,
        &[
            "xep loai",
            "muc xep loai",
            "ket qua xep loai",
            "xep loai muc do",
            "phan loai",
            "band",
            "rating",
        ],
    ),
];

/// How many rows from the top the header is looked for in.
const HEADER_SEARCH: usize = 30;

/// One good row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line (text file) or row number (sheet) it came from.
    pub line: u64,
    pub unit: String,
    pub score: Option<f64>,
    pub points: Option<f64>,
    pub max_points: Option<f64>,
    /// The percentage published beside points and maximum points.
    pub percent: Option<f64>,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// The band published for the line: the id of one of the index's.
    pub band: Option<String>,
    /// The decimals each figure's cell showed, when it was text ("86,00"):
    /// the table is written with them, so that pages print the zeros the
    /// source printed.
    pub written: Written,
}

/// The decimals a row's figures were written with in the sheet, where the
/// cell was text (a sheet's own numbers carry none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub score: Option<u32>,
    pub points: Option<u32>,
    pub max_points: Option<u32>,
    pub percent: Option<u32>,
}

/// A parsed spreadsheet.
#[derive(Debug)]
pub struct Sheet {
    pub rows: Vec<Row>,
    /// Header cells that no role claimed, as written.
    pub ignored: Vec<String>,
    /// A band column ("Xếp loại") left out, as written, because the index
    /// defines no bands or some cell names none of them (those names).
    pub bands_ignored: Option<BandsIgnored>,
    /// The line of the header row.
    pub header_line: usize,
    /// The value of a "Bình quân" footer, in the score column.
    pub published_average: Option<f64>,
    /// The decimals the average's cell showed ("85,00": 2), when it was text.
    pub average_decimals: Option<u32>,
    /// Whether the sheet has a column of the number of units ranked: the
    /// layout of a partial table.
    pub has_of: bool,
    /// When the sheet has sections and one of them is the group's: its
    /// name, and the names of the other sections, whose rows were skipped.
    pub sections: Option<(String, Vec<String>)>,
}

/// The group being imported, to pick its section of a sheet that has several.
#[derive(Debug, Clone, Copy)]
pub struct Wanted<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

impl Wanted<'_> {
    /// Whether a section's title names this group ("I. Khối sở, ban, ngành"
    /// for "Sở, ban, ngành").
    fn is_named_by(&self, section: &str) -> bool {
        let section = format!(" {} ", header_key(section));
        let name = header_key(self.name);
        let id = header_key(&self.id.replace('-', " "));
        [name, id]
            .iter()
            .any(|key| !key.is_empty() && section.contains(&format!(" {key} ")))
    }
}

/// A section row's title: "I. Khối sở, ban, ngành" in one cell, or "I" and
/// "Khối sở, ban, ngành" in two.
fn section_title(record: &GridRow) -> Option<String> {
    let texts: Vec<String> = record
        .cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(Cell::text)
        .collect();
    let first = texts.first()?;
    let numeral = first.len() <= 4
        && (first.chars().all(|c| "IVXLC".contains(c))
            || (first.len() == 1 && first.chars().all(|c| c.is_ascii_uppercase())));
    if numeral && texts.len() >= 2 {
        Some(texts[1..].join(" "))
    } else if is_section(first) {
        Some(first.clone())
    } else {
        None
    }
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
/// column, and a score column, points with maximum points, or a rank.
fn columns(header: &[String]) -> Option<BTreeMap<Role, usize>> {
    let mut found = BTreeMap::new();
    for (i, cell) in header.iter().enumerate() {
        if let Some(role) = role_of(cell) {
            found.entry(role).or_insert(i);
        }
    }
    if let Some(total) = found.remove(&Role::Total) {
        if found.contains_key(&Role::MaxPoints) && !found.contains_key(&Role::Points) {
            found.insert(Role::Points, total);
        } else {
            found.entry(Role::Score).or_insert(total);
        }
    }
    let has_points = found.contains_key(&Role::Points) && found.contains_key(&Role::MaxPoints);
    if has_points {
        // Points are what the index is computed from; a score column beside
        // them is the percentage published with them.
        if let Some(score) = found.remove(&Role::Score) {
            found.insert(Role::Percent, score);
        }
    } else {
        found.remove(&Role::Points);
    }
    let has_values = has_points
        || found.contains_key(&Role::Score)
        || (found.contains_key(&Role::Rank) && found.contains_key(&Role::Of));
    (found.contains_key(&Role::Unit) && has_values).then_some(found)
}

/// The header's cells: one row's, or two rows' where the lower one names
/// columns under a merged upper cell (the lower name wins where it is known).
fn header_cells(upper: &GridRow, lower: Option<&GridRow>) -> Vec<String> {
    let width = upper.cells.len().max(lower.map_or(0, |l| l.cells.len()));
    (0..width)
        .map(|i| {
            let top = upper.cell(i).text();
            match lower.map(|l| l.cell(i).text()) {
                Some(below) if role_of(&below).is_some() || top.is_empty() => below,
                _ => top,
            }
        })
        .collect()
}

/// The header: where its last row is, and the column of each role.
struct Header {
    /// Index in the grid's rows of the first row after the header.
    body: usize,
    line: usize,
    cells: Vec<String>,
    columns: BTreeMap<Role, usize>,
}

fn find_header(grid: &Grid) -> Option<Header> {
    let rows = &grid.rows;
    (0..rows.len().min(HEADER_SEARCH)).find_map(|i| {
        let two = rows.get(i + 1).and_then(|lower| {
            let cells = header_cells(&rows[i], Some(lower));
            let columns = columns(&cells)?;
            // Both rows must name columns, and the second must add a role
            // (a title row above a one-row header names none).
            let one = columns_of_row(&rows[i]);
            let names = |row: &GridRow| row.cells.iter().any(|c| role_of(&c.text()).is_some());
            (names(&rows[i])
                && names(lower)
                && one.as_ref().map_or(0, BTreeMap::len) < columns.len())
            .then_some(Header {
                body: i + 2,
                line: rows[i].line,
                cells,
                columns,
            })
        });
        two.or_else(|| {
            let cells = header_cells(&rows[i], None);
            columns(&cells).map(|columns| Header {
                body: i + 1,
                line: rows[i].line,
                cells,
                columns,
            })
        })
    })
}

fn columns_of_row(row: &GridRow) -> Option<BTreeMap<Role, usize>> {
    columns(&header_cells(row, None))
}

/// A row that numbers the columns under the header: "(1)", "2", "A", "B".
fn numbers_columns(row: &GridRow) -> bool {
    let cells: Vec<String> = row
        .cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(Cell::text)
        .collect();
    cells.len() >= 2
        && cells.iter().all(|c| {
            let inner = c.trim_start_matches('(').trim_end_matches(')');
            !inner.is_empty()
                && inner.len() <= 3
                && (inner.chars().all(|ch| ch.is_ascii_digit())
                    || inner.chars().all(|ch| ch.is_ascii_uppercase()))
        })
}

/// A section row: "I. Khối sở, ban, ngành", "II - UBND cấp huyện", "A. …".
fn is_section(name: &str) -> bool {
    let name = name.trim();
    let numeral: String = name
        .chars()
        .take_while(|c| "IVXLCABD".contains(*c))
        .collect();
    !numeral.is_empty()
        && name[numeral.len()..]
            .trim_start()
            .starts_with(['.', '-', ')', '–', ':'])
        || vi::fold(name).starts_with("khoi ")
        || vi::fold(name).starts_with("nhom ")
}

/// What a footer row is, from its first text cell.
#[derive(Debug, PartialEq)]
enum Footer {
    Average,
    Other,
}

fn footer(row: &GridRow) -> Option<Footer> {
    let first = row.cells.iter().find_map(|c| match c {
        Cell::Text(t) if !t.trim().is_empty() => Some(header_key(t)),
        _ => None,
    })?;
    let average = [
        "binh quan",
        "trung binh",
        "diem binh quan",
        "diem trung binh",
        "average",
        "mean",
    ];
    // Exact only: "Tổng cục Thuế" is a unit.
    let other = ["tong", "tong cong", "cong", "tong so", "total"];
    if average
        .iter()
        .any(|a| first == *a || first.starts_with(&format!("{a} ")))
    {
        Some(Footer::Average)
    } else if other.contains(&first.as_str()) {
        Some(Footer::Other)
    } else {
        None
    }
}

/// Unit ids by folded name, former name and id.
pub struct Units {
    by_name: BTreeMap<String, Vec<String>>,
    /// A name as written, for each folded name (to suggest it).
    shown: BTreeMap<String, String>,
    /// Units assessed in the imported year, and those of them in the
    /// imported group: a name two units share (a district re-formed under
    /// an old name) is the one of them that can be in the table.
    active: BTreeSet<String>,
    in_group: BTreeSet<String>,
    /// The units assessed that year in the imported group, by folded name
    /// without its kind ("thanh sen" for "Phường Thành Sen"): a decision
    /// writes "UBND phường Thành Sen".
    bare_in_group: BTreeMap<String, Vec<String>>,
    /// The imported year, and each unit's years and successor, to refuse a
    /// line of a unit not assessed that year as `check` would.
    year: i32,
    years: BTreeMap<String, Years>,
}

/// A unit's assessed years (`active_from`, `active_to`) and the unit it was
/// merged into.
struct Years {
    from: Option<i32>,
    to: Option<i32>,
    merged_into: Option<String>,
}

/// The words a decision may write before a unit's name that the unit's own
/// name may lack or write otherwise, folded: "UBND", then the kind.
const ADMIN_PREFIXES: &[&str] = &["ubnd ", "uy ban nhan dan "];
const KIND_PREFIXES: &[&str] = &[
    "xa ",
    "phuong ",
    "thi tran ",
    "dac khu ",
    "huyen ",
    "thi xa ",
    "thanh pho ",
    "tp. ",
    "tp ",
    "quan ",
];

/// A folded name without "UBND" and its kind: "ubnd phuong thanh sen" and
/// "phuong thanh sen" are both "thanh sen".
fn bare(folded: &str) -> &str {
    let mut name = folded;
    for prefix in ADMIN_PREFIXES {
        name = name.strip_prefix(prefix).unwrap_or(name);
    }
    for prefix in KIND_PREFIXES {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest;
        }
    }
    name
}

impl Units {
    pub fn new(units: &[UnitDef], year: i32, group: &str) -> Units {
        let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut shown = BTreeMap::new();
        let mut active = BTreeSet::new();
        let mut in_group = BTreeSet::new();
        let mut bare_in_group: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut years = BTreeMap::new();
        for unit in units {
            let span = Years {
                from: unit.active_from,
                to: unit.active_to,
                merged_into: unit.merged_into.clone(),
            };
            years.insert(unit.id.clone(), span);
            let names = std::iter::once(&unit.name)
                .chain(&unit.former_names)
                .chain(unit.renamed.iter().map(|r| &r.name))
                .chain(std::iter::once(&unit.id));
            for name in names {
                shown.entry(name_key(name)).or_insert_with(|| name.clone());
                let ids = by_name.entry(name_key(name)).or_default();
                if !ids.contains(&unit.id) {
                    ids.push(unit.id.clone());
                }
            }
            let assessed = unit.active_from.is_none_or(|from| from <= year)
                && unit.active_to.is_none_or(|to| to >= year);
            if assessed {
                active.insert(unit.id.clone());
                if unit.group.as_deref() == Some(group) {
                    in_group.insert(unit.id.clone());
                    let ids = bare_in_group
                        .entry(bare(&name_key(&unit.name)).to_owned())
                        .or_default();
                    ids.push(unit.id.clone());
                }
            }
        }
        Units {
            by_name,
            shown,
            active,
            in_group,
            bare_in_group,
            year,
            years,
        }
    }

    /// The error for a line of unit `id` when it was not assessed in the
    /// imported year, with `check`'s hint: after a merger, the result is
    /// likely its successor's; before it began, a predecessor's.
    fn not_assessed(&self, id: &str) -> Option<String> {
        let span = self.years.get(id)?;
        if self.active.contains(id) {
            return None;
        }
        let message = crate::messages::unit_inactive(id, self.year, span.from, span.to);
        let after = span.to.is_some_and(|to| self.year > to);
        let merged: Vec<&str> = self
            .years
            .iter()
            .filter(|(_, other)| other.merged_into.as_deref() == Some(id))
            .map(|(other, _)| other.as_str())
            .collect();
        let hint = match (after, &span.merged_into) {
            (true, Some(successor)) => crate::messages::hint_result_of_successor(successor),
            (false, _) if !merged.is_empty() => {
                crate::messages::hint_result_of_predecessors(&merged.join("`, `"))
            }
            _ => crate::messages::hint_active_years(),
        };
        Some(format!("{message}: {hint}"))
    }

    fn find(&self, name: &str) -> Result<&str, String> {
        let key = name_key(name);
        match self.by_name.get(&key).map(Vec::as_slice) {
            Some([id]) => Ok(id),
            Some(ids) => self
                .the_one_that_fits(ids)
                .ok_or_else(|| msg::csv_ambiguous_unit(name, ids)),
            None => {
                // "UBND phường Thành Sen" for "Phường Thành Sen": the one
                // unit of the group assessed that year of that name.
                if let Some([id]) = self.bare_in_group.get(bare(&key)).map(Vec::as_slice) {
                    return Ok(id);
                }
                // The nearest name of the group first: an abolished
                // district of another group is no help for a commune.
                let in_group = self
                    .by_name
                    .iter()
                    .filter(|(_, ids)| ids.iter().any(|id| self.in_group.contains(id)))
                    .map(|(name, _)| name.as_str());
                let near = closest(&key, in_group)
                    .or_else(|| closest(&key, self.by_name.keys().map(String::as_str)))
                    .map(|near| self.shown.get(near).map_or(near, String::as_str));
                Err(msg::csv_no_such_unit(name, near))
            }
        }
    }

    /// Of units sharing a name, the only one assessed that year in the
    /// group (or, failing that, the only one assessed that year).
    fn the_one_that_fits<'a>(&self, ids: &'a [String]) -> Option<&'a str> {
        let only = |set: &BTreeSet<String>| {
            let mut fitting = ids.iter().filter(|id| set.contains(*id));
            match (fitting.next(), fitting.next()) {
                (Some(id), None) => Some(id.as_str()),
                _ => None,
            }
        };
        only(&self.in_group).or_else(|| only(&self.active))
    }
}

/// A band column left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandsIgnored {
    /// The column's header, as written.
    pub column: String,
    /// The cells naming none of the index's bands, once each, in sheet
    /// order; empty when the index defines none.
    pub unknown: Vec<String>,
    /// The index's bands' names.
    pub names: Vec<String>,
}

/// The index's bands, by name and id, to read a band column with.
#[derive(Debug, Default)]
pub struct Bands {
    /// Each band's id, by its folded name and its id.
    by_name: BTreeMap<String, String>,
    /// The bands' names, in definition order, for a message.
    names: Vec<String>,
    /// Whether the bands follow from a score (`min`, `above`): a line
    /// then always has its score, and a band beside a blank score cell
    /// is a score left out, not a line rated only in a band.
    by_score: bool,
}

impl Bands {
    /// The bands `(id, name)` of the imported index.
    pub fn new<'a>(bands: impl IntoIterator<Item = (&'a str, &'a str)>) -> Bands {
        let mut found = Bands::default();
        for (id, name) in bands {
            found.by_name.insert(header_key(name), id.to_owned());
            found
                .by_name
                .entry(header_key(id))
                .or_insert_with(|| id.to_owned());
            found.names.push(name.to_owned());
        }
        found
    }

    /// These bands, said to follow from a score or not.
    pub fn by_score(self, by_score: bool) -> Bands {
        Bands { by_score, ..self }
    }

    fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The id of the band named `text` ("Tốt", "TỐT", "tot").
    fn find(&self, text: &str) -> Option<&str> {
        self.by_name.get(&header_key(text)).map(String::as_str)
    }
}

/// Reads the rows of `grid`; `shown` names the file in diagnostics. A
/// score outside the scale of `scored_on`, the index (when known), is an error at its cell.
pub fn read(
    grid: &Grid,
    shown: &Path,
    (units, bands, scored_on): (&Units, &Bands, Option<&IndexDef>),
    wanted: Option<Wanted>,
) -> Result<Sheet, Diagnostics> {
    let mut problems = Diagnostics::default();
    // Lines found once: each bad row's line looked up from the start of the
    // text was quadratic in the rows.
    let lines = grid.text.as_deref().map(Lines::new);
    let at = |line: usize, message: String| {
        grid.at(
            Diagnostic::error(message).in_file(shown),
            lines.as_ref(),
            line,
        )
    };
    let Some(header) = find_header(grid) else {
        let first = grid.rows.first().map_or(1, |r| r.line);
        let message = match grid.delimiter {
            Some(delimiter) => msg::csv_header_unknown_split_at(delimiter),
            None => msg::csv_header_unknown(),
        };
        problems.push(at(first, message).with_hint(msg::hint_csv_header()));
        return Err(problems);
    };
    let columns = &header.columns;
    let band_header = columns
        .get(&Role::Band)
        .and_then(|&i| header.cells.get(i))
        .map(|cell| cell.trim().to_owned());
    let mut unknown_bands: Vec<String> = Vec::new();
    let ignored = header
        .cells
        .iter()
        .enumerate()
        .filter(|(i, _)| !columns.values().any(|c| c == i))
        .map(|(_, cell)| cell.trim().to_owned())
        .filter(|cell| !cell.is_empty())
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut published_average = None;
    let mut average_decimals = None;
    let mut after_footer = false;
    let uses_points = columns.contains_key(&Role::Points);
    let has_score = uses_points || columns.contains_key(&Role::Score);
    let value_roles = [
        Role::Score,
        Role::Points,
        Role::MaxPoints,
        Role::Rank,
        Role::Of,
    ];
    let values_in = |record: &GridRow| {
        value_roles.iter().any(|role| {
            columns
                .get(role)
                .is_some_and(|&i| !record.cell(i).is_empty())
        })
    };
    // The sections of the sheet, and whether one is the group's.
    let titles: Vec<String> = grid.rows[header.body.min(grid.rows.len())..]
        .iter()
        .filter(|r| !values_in(r) && footer(r).is_none())
        .filter_map(section_title)
        .collect();
    let chosen = wanted.and_then(|w| titles.iter().find(|t| w.is_named_by(t)).cloned());
    let sections = chosen.as_ref().map(|chosen| {
        let others = titles.iter().filter(|t| *t != chosen).cloned().collect();
        (chosen.clone(), others)
    });
    // How the sheet writes decimals, for the cells that read two ways.
    let mark = decimal_mark(
        grid.rows[header.body.min(grid.rows.len())..]
            .iter()
            .flat_map(|r| {
                r.cells.iter().filter_map(|c| match c {
                    Cell::Text(text) => Some(text.as_str()),
                    _ => None,
                })
            }),
    );
    // Inside the group's section (or any, when no section is the group's).
    let mut in_section = true;
    for (index, record) in grid.rows.iter().enumerate().skip(header.body) {
        let line = record.line as u64;
        let cell = |role: Role| {
            columns
                .get(&role)
                .map(|&i| record.cell(i))
                .filter(|c| !c.is_empty())
        };
        let has_values = values_in(record);
        if record.cells.iter().all(Cell::is_empty)
            || (index == header.body && numbers_columns(record))
        {
            continue;
        }
        if !has_values && footer(record).is_none() {
            if let (Some(title), Some(chosen)) = (section_title(record), &chosen) {
                in_section = &title == chosen;
                continue;
            }
        }
        if !in_section {
            continue;
        }
        if let Some(kind) = footer(record) {
            if kind == Footer::Average && published_average.is_none() {
                let written = cell(Role::Score)
                    .or_else(|| cell(Role::Percent))
                    .and_then(written_number);
                published_average = written.map(|(value, _)| value);
                average_decimals = written.and_then(|(_, decimals)| decimals);
            }
            after_footer = true;
            continue;
        }
        let name = cell(Role::Unit).map(Cell::text);
        if !has_values
            && (after_footer || name.as_deref().is_some_and(is_section) || name.is_none())
        {
            // Signatures under the table, section rows, notes.
            continue;
        }
        // Each problem of the line, with the column of its cell: the line's
        // error points at the first.
        let mut bad: Vec<(Option<usize>, String)> = Vec::new();
        if grid.delimiter == Some(b',') {
            bad.extend(split_decimal(record, &header).map(|m| (None, m)));
        }
        let column = |role: Role| columns.get(&role).copied();
        let unit = match name {
            None => {
                bad.push((column(Role::Unit), msg::csv_empty_cell("unit's name")));
                None
            }
            Some(name) => match units.find(&name) {
                Ok(id) => match units.not_assessed(id) {
                    Some(message) => {
                        bad.push((column(Role::Unit), message));
                        None
                    }
                    None => Some(id.to_owned()),
                },
                Err(message) => {
                    bad.push((column(Role::Unit), message));
                    None
                }
            },
        };
        let mut number = |role: Role, what: &str, required: bool| match cell(role) {
            None if required => {
                bad.push((column(role), msg::csv_empty_cell(what)));
                None
            }
            None => None,
            Some(Cell::Text(text)) if is_ambiguous(text, mark) => {
                let (mark, other) = if mark == Some(',') {
                    (",", ".")
                } else {
                    (".", ",")
                };
                let message = msg::csv_ambiguous_number(what, text.trim(), mark, other);
                bad.push((column(role), message));
                None
            }
            Some(found) => {
                let value = written_number(found);
                if value.is_none() {
                    bad.push((column(role), msg::csv_not_a_number(what, &found.text())));
                }
                value
            }
        };
        // A line rated only in a band has no score to require, unless the
        // band follows from a score: a blank score cell beside it is then
        // a score left out (a slip in the copy).
        let rated_only = !bands.by_score
            && cell(Role::Band).is_some()
            && [Role::Score, Role::Points, Role::MaxPoints]
                .iter()
                .all(|&role| cell(role).is_none());
        let score = number(
            Role::Score,
            "score",
            has_score && !uses_points && !rated_only,
        );
        let points = number(Role::Points, "points", uses_points && !rated_only);
        let max_points = number(
            Role::MaxPoints,
            "maximum points",
            uses_points && !rated_only,
        );
        let percent = number(Role::Percent, "percent", false);
        if let (Some((value, typed)), Some(index)) = (score, scored_on) {
            let scale = &index.scale;
            if value < scale.min || value > scale.max {
                let name = unit.as_deref().unwrap_or("…");
                // 1.093,10 is quoted with its zero, as the cell has it.
                let score = typed.map_or_else(|| msg::figure(value), |d| msg::figure_at(value, d));
                let message =
                    msg::score_outside_scale(name, &score, &index.id, scale.min, scale.max);
                bad.push((column(Role::Score), message));
            }
        }
        let (mut rank, mut of) = (None, None);
        if let Some(found) = cell(Role::Rank) {
            match whole_numbers(found) {
                Some((r, o)) => {
                    rank = Some(r);
                    of = o;
                }
                None => bad.push((column(Role::Rank), msg::csv_bad_rank(&found.text()))),
            }
        }
        if let Some(found) = cell(Role::Of) {
            match whole_numbers(found) {
                Some((n, None)) => of = Some(n),
                _ => bad.push((column(Role::Of), msg::csv_bad_rank(&found.text()))),
            }
        }
        let band = cell(Role::Band).and_then(|found| {
            let text = found.text();
            let id = bands.find(&text);
            let known = bands.is_empty() || unknown_bands.iter().any(|u| u == text.trim());
            if id.is_none() && !known {
                unknown_bands.push(text.trim().to_owned());
            }
            id.map(str::to_owned)
        });
        if let Some(id) = &unit {
            match seen.get(id) {
                Some(first) => bad.push((column(Role::Unit), msg::csv_unit_twice(id, *first))),
                None => {
                    seen.insert(id.clone(), line);
                }
            }
        }
        match (bad.is_empty(), unit) {
            (true, Some(unit)) => rows.push(Row {
                line,
                unit,
                score: score.map(|(v, _)| v),
                points: points.map(|(v, _)| v),
                max_points: max_points.map(|(v, _)| v),
                percent: percent.map(|(v, _)| v),
                rank,
                of,
                band,
                written: Written {
                    score: score.and_then(|(_, d)| d),
                    points: points.and_then(|(_, d)| d),
                    max_points: max_points.and_then(|(_, d)| d),
                    percent: percent.and_then(|(_, d)| d),
                },
            }),
            _ => {
                let first = bad.iter().find_map(|(column, _)| *column);
                let messages: Vec<String> = bad.into_iter().map(|(_, m)| m).collect();
                let d = Diagnostic::error(messages.join("; ")).in_file(shown);
                problems.push(grid.at_cell(d, lines.as_ref(), record.line, first));
            }
        }
    }
    if problems.is_empty() && rows.is_empty() {
        problems.push(at(header.line, msg::csv_no_rows()));
    }
    if problems.has_errors() {
        return Err(problems);
    }
    // A band column read only in part would print the site's bands beside
    // the published ones: without bands to read it as, it is left out
    // whole, and said so.
    let bands_ignored = band_header
        .filter(|_| bands.is_empty() || !unknown_bands.is_empty())
        .map(|column| {
            for row in &mut rows {
                row.band = None;
            }
            BandsIgnored {
                column,
                unknown: unknown_bands,
                names: bands.names.clone(),
            }
        });
    // "18/63" in the rank column says "of" as a column of its own does.
    let has_of = columns.contains_key(&Role::Of) || rows.iter().any(|r| r.of.is_some());
    Ok(Sheet {
        rows,
        ignored,
        bands_ignored,
        header_line: header.line,
        published_average,
        average_decimals,
        has_of,
        sections,
    })
}

/// A number cut at its decimal comma by a comma-separated file (`90,53`
/// read as 90 and 53), which would be imported short without a word: a row
/// wider than its header, or a whole number in a value column followed by
/// a few digits in a column no role reads ("Ghi chú", left empty).
fn split_decimal(record: &GridRow, header: &Header) -> Option<String> {
    let width = header.cells.len();
    let filled = record
        .cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    if filled > width {
        return Some(msg::csv_more_cells_than_header(filled, width));
    }
    // Wider than the header even by an empty cell (a spreadsheet writes
    // every row as wide as its header): the digits after the comma may sit
    // in a column a role reads ("93,45" as a score of 93 ranked 45th).
    let wider = record.cells.len() > width;
    let claimed = |column: usize| header.columns.values().any(|&c| c == column) && !wider;
    let digits = |cell: &Cell, most: usize| {
        let text = cell.text();
        (1..=most).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
    };
    header.columns.iter().find_map(|(role, &column)| {
        let (whole, next) = (record.cell(column), record.cell(column + 1));
        (*role != Role::Unit
            && !claimed(column + 1)
            && column + 1 < width
            && digits(whole, 10)
            && digits(next, 4))
        .then(|| {
            let name = header.cells[column + 1].trim();
            msg::csv_decimal_comma_split(&whole.text(), &next.text(), name, column + 2)
        })
    })
}

/// A cell as a number, with the decimals a text cell shows.
fn written_number(cell: &Cell) -> Option<(f64, Option<u32>)> {
    match cell {
        Cell::Number(value) => Some((*value, None)),
        Cell::Text(text) => parse_written(text).map(|(v, d)| (v, Some(d))),
        Cell::Empty => None,
    }
}

/// A rank, and the number ranked when written "5/63": whole numbers from 1.
fn whole_numbers(cell: &Cell) -> Option<(u32, Option<u32>)> {
    let whole = |text: &str| text.trim().parse::<u32>().ok().filter(|&n| n > 0);
    match cell {
        Cell::Number(value)
            if value.fract() == 0.0 && *value >= 1.0 && *value <= f64::from(u32::MAX) =>
        {
            Some((*value as u32, None))
        }
        Cell::Text(text) => match text.split_once('/') {
            Some((rank, of)) => Some((whole(rank)?, Some(whole(of)?))),
            None => Some((whole(text)?, None)),
        },
        _ => None,
    }
}

/// A unit's name as names are matched: folded ([`vi::fold`]), with the
/// dashes Word and Excel put in for a hyphen (`–`, `—`, `‐`) read as one,
/// and spaces around it left out: "Sở Lao động – Thương binh và Xã hội"
/// is "Sở Lao động - Thương binh và Xã hội" (adv22 m6).
fn name_key(name: &str) -> String {
    let hyphens: String = name
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c => c,
        })
        .collect();
    vi::fold(&hyphens)
        .replace(" - ", "-")
        .replace(" -", "-")
        .replace("- ", "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_whatever_dash_joins_their_words() {
        let key = name_key("Sở Lao động - Thương binh và Xã hội");
        for other in [
            "Sở Lao động – Thương binh và Xã hội",
            "Sở Lao động—Thương binh và Xã hội",
            "SỞ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI",
        ] {
            assert_eq!(name_key(other), key, "{other}");
        }
    }

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

            [[unit]]
            id = "ky-anh-cu"
            name = "Huyện Kỳ Anh"
            active_to = 2019

            [[unit]]
            id = "ky-anh"
            name = "Huyện Kỳ Anh"
            active_from = 2020
            "#,
        )
        .unwrap();
        Units::new(&file.units, 2023, "so-ban-nganh")
    }

    fn grid(text: &str) -> Grid {
        super::super::grid::read_text(text.as_bytes()).unwrap()
    }

    fn read_str(text: &str) -> Result<Sheet, Diagnostics> {
        read(
            &grid(text),
            Path::new("kq.csv"),
            (&units(), &Bands::default(), None),
            None,
        )
    }

    fn read_ok(text: &str) -> Sheet {
        read_str(text).unwrap_or_else(|d| panic!("{d}"))
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
    fn a_row_wider_than_its_header_is_refused_not_read_short() {
        // Decimal commas in a comma-separated file: 90,53 became 90 and 53.
        let text = "Đơn vị,Điểm\nSở Nội vụ,90,53\nSở Khoa học và Công nghệ,79,25\n";
        let problems = read_str(text).expect_err("refused");
        let text = problems.to_string();
        assert_eq!(problems.error_count(), 2, "{text}");
        assert!(
            text.contains("kq.csv:2:1") && text.contains("kq.csv:3:1"),
            "{text}"
        );
        assert!(text.contains("3 cells but the header has 2"), "{text}");
        // Empty cells at the end of a row are no cells.
        read_ok("Đơn vị;Điểm\nSở Nội vụ;90,53;;\n");
    }

    #[test]
    fn a_decimal_split_into_an_unread_column_is_refused() {
        // The notes column, empty, took the decimals: as wide as the header.
        let text = "STT,Đơn vị,Điểm,Ghi chú\n1,Sở Nội vụ,90,53\n2,Sở Khoa học và Công nghệ,88.5,\n";
        let problems = read_str(text).expect_err("refused");
        let text = problems.to_string();
        assert_eq!(problems.error_count(), 1, "{text}");
        assert!(text.contains("kq.csv:2:1"), "{text}");
        assert!(
            text.contains("90 is followed by `53` in column 4 (Ghi chú)"),
            "{text}"
        );
        // Points and maximum: the maximum took the decimals, the notes the
        // maximum; the row is wider than the header, so the split is found
        // where it is.
        let text = "Đơn vị,Điểm đạt,Điểm tối đa,Ghi chú\nSở Nội vụ,27,5,30,\n";
        let problems = read_str(text).expect_err("refused").to_string();
        assert!(problems.contains("27 is followed by `5`"), "{problems}");
        // The decimals in a column a role reads (the rank): the row is
        // wider than the header by the empty notes cell.
        let text = "STT,Tên đơn vị,Điểm,Xếp hạng,Ghi chú\n1,Sở Nội vụ,93,45,1,\n";
        let problems = read_str(text).expect_err("refused").to_string();
        assert!(
            problems.contains("93 is followed by `45` in column 4 (Xếp hạng)"),
            "{problems}"
        );
        // Quoted decimals, words in the notes, and semicolon files pass.
        read_ok("Đơn vị,Điểm,Ghi chú\nSở Nội vụ,\"90,53\",\nSở Khoa học và Công nghệ,88,tăng 2\n");
        read_ok("Đơn vị;Điểm;Ghi chú\nSở Nội vụ;90;53\n");
    }

    #[test]
    fn the_separator_is_named_when_no_header_is_found() {
        let text = "Đơn vị|Điểm\nSở Nội vụ|90\n";
        let problems = read_str(text).expect_err("refused").to_string();
        assert!(
            problems.contains("cells were split at commas `,`"),
            "{problems}"
        );
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let text = "Đơn vị;Điểm\nSở Nội vụ;90\nSở Nội Vu;abc\nSở Tài chính;80\n;70\nSở Nội vụ;85\n";
        let errors = read_str(text).unwrap_err().to_string();
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
        let errors = read_str("Đơn vị;Điểm\nSo Noi Vuu;90\n")
            .unwrap_err()
            .to_string();
        assert!(errors.contains("did you mean `Sở Nội vụ`?"), "{errors}");
    }

    #[test]
    fn a_name_two_units_share_is_the_one_assessed_that_year() {
        let sheet = read_ok("Đơn vị;Điểm\nHuyện Kỳ Anh;88,5\n");
        assert_eq!(sheet.rows[0].unit, "ky-anh");
        let file: crate::data::schema::UnitsFile = toml::from_str(
            r#"
            [[unit]]
            id = "a"
            name = "Huyện Kỳ Anh"
            [[unit]]
            id = "b"
            name = "Huyện Kỳ Anh"
            "#,
        )
        .unwrap();
        let both = Units::new(&file.units, 2023, "so-ban-nganh");
        let refused = read(
            &grid("Đơn vị;Điểm\nHuyện Kỳ Anh;88,5\n"),
            Path::new("kq.csv"),
            (&both, &Bands::default(), None),
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(
            refused.contains("a, b") || refused.contains("`a`"),
            "{refused}"
        );
    }

    #[test]
    fn a_commune_is_found_as_a_decision_names_it_and_never_as_an_old_district() {
        let file: crate::data::schema::UnitsFile = toml::from_str(
            r#"
            [[unit]]
            id = "ubnd-huyen-can-loc"
            name = "UBND huyện Can Lộc"
            group = "ubnd-cap-huyen"
            active_to = 2024
            [[unit]]
            id = "xa-can-loc"
            name = "Xã Can Lộc"
            group = "ubnd-cap-xa"
            active_from = 2025
            [[unit]]
            id = "phuong-thanh-sen"
            name = "Phường Thành Sen"
            group = "ubnd-cap-xa"
            active_from = 2025
            "#,
        )
        .unwrap();
        let units = Units::new(&file.units, 2025, "ubnd-cap-xa");
        assert_eq!(units.find("UBND xã Can Lộc"), Ok("xa-can-loc"));
        assert_eq!(units.find("UBND phường Thành Sen"), Ok("phuong-thanh-sen"));
        assert_eq!(
            units.find("Ủy ban nhân dân Phường Thành Sen"),
            Ok("phuong-thanh-sen")
        );
        // Not a unit of the group: the suggestion is the group's own.
        let refused = units.find("Xã Can Lộ").unwrap_err();
        assert!(refused.contains("Xã Can Lộc"), "{refused}");
    }

    #[test]
    fn a_header_without_the_needed_columns_is_refused() {
        let errors = read_str("Tên;Ghi chú\nSở Nội vụ;x\n")
            .unwrap_err()
            .to_string();
        assert!(
            errors.contains("names a unit column and a score column"),
            "{errors}"
        );
    }

    #[test]
    fn a_government_layout_with_title_two_row_header_sections_and_footer() {
        let text = "UBND TỈNH X;;;;\r\n\
                    KẾT QUẢ CHỈ SỐ CCHC NĂM 2024;;;;\r\n\
                    ;;;;\r\n\
                    STT;Tên cơ quan, đơn vị;Kết quả;;Xếp hạng\r\n\
                    ;;Điểm tối đa;Tổng điểm;\r\n\
                    (1);(2);(3);(4);(5)\r\n\
                    I. Khối sở, ban, ngành;;;;\r\n\
                    1;Sở Nội vụ;98;93,5;1\r\n\
                    2;Sở Khoa học, Công nghệ;100;88;2\r\n\
                    Bình quân;;;90,75;\r\n\
                    ;Người lập biểu;;;\r\n";
        let sheet = read_ok(text);
        assert_eq!(sheet.header_line, 4);
        let got: Vec<_> = sheet
            .rows
            .iter()
            .map(|r| (r.line, r.unit.as_str(), r.points, r.max_points, r.rank))
            .collect();
        assert_eq!(
            got,
            [
                (8, "so-noi-vu", Some(93.5), Some(98.0), Some(1)),
                (
                    9,
                    "so-khoa-hoc-va-cong-nghe",
                    Some(88.0),
                    Some(100.0),
                    Some(2)
                ),
            ]
        );
        assert_eq!(sheet.ignored, ["STT"]);
        assert!(!sheet.has_of);
    }

    #[test]
    fn a_percent_published_beside_points_is_read() {
        let sheet = read_ok(
            "STT;Tên cơ quan, đơn vị;Điểm tối đa;Điểm đạt;Chỉ số CCHC (%);Xếp hạng\n\
             3;Sở Nội vụ;95;80,1;84,31;3\n\
             4;Sở Khoa học và Công nghệ;95;70;;4\n",
        );
        let got: Vec<_> = sheet
            .rows
            .iter()
            .map(|r| (r.points, r.max_points, r.percent, r.score))
            .collect();
        assert_eq!(
            got,
            [
                (Some(80.1), Some(95.0), Some(84.31), None),
                (Some(70.0), Some(95.0), None, None)
            ]
        );
        let errors = read_str("Đơn vị;Điểm tối đa;Điểm đạt;Chỉ số (%)\nSở Nội vụ;95;80,1;8x\n")
            .unwrap_err()
            .to_string();
        assert!(
            errors.contains("the percent `8x` is not a number"),
            "{errors}"
        );
    }

    #[test]
    fn the_average_footer_is_read_from_the_score_column() {
        let sheet = read_ok(
            "Đơn vị;Chỉ số CCHC (%);Xếp loại\nSở Nội vụ;90,5;Tốt\nBình quân;90,5;\nTổng;;\n",
        );
        assert_eq!(sheet.published_average, Some(90.5));
        assert_eq!(sheet.average_decimals, Some(1));
        // No bands to read it as: left out, and said so apart.
        assert!(sheet.ignored.is_empty());
        let left_out = sheet.bands_ignored.map(|b| (b.column, b.unknown));
        assert_eq!(left_out, Some(("Xếp loại".to_owned(), Vec::new())));
    }

    #[test]
    fn a_signature_under_the_band_column_is_no_line() {
        let bands = Bands::new([("xuat-sac", "Xuất sắc")]);
        let text = "STT;Đơn vị;Điểm;Xếp loại\n1;Sở Nội vụ;93,45;Xuất sắc\n\
                    ;Bình quân;93,45;\n;;;KT. CHỦ TỊCH\n;;;PHÓ CHỦ TỊCH\n";
        let sheet = read(
            &grid(text),
            Path::new("kq.csv"),
            (&units(), &bands, None),
            None,
        )
        .unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.rows[0].band.as_deref(), Some("xuat-sac"));
    }

    #[test]
    fn a_band_column_is_read_as_the_index_s_bands() {
        let bands = Bands::new([("xuat-sac", "Xuất sắc"), ("tot", "Tốt"), ("kha", "Khá")]);
        let text = "Đơn vị;Chỉ số CCHC (%);Xếp loại\nSở Nội vụ;90,5;XUẤT SẮC\n\
                    Sở Khoa học và Công nghệ;;tot\n";
        let sheet = read(
            &grid(text),
            Path::new("kq.csv"),
            (&units(), &bands, None),
            None,
        )
        .unwrap_or_else(|d| panic!("{d}"));
        let found: Vec<_> = sheet.rows.iter().map(|r| r.band.as_deref()).collect();
        assert_eq!(found, [Some("xuat-sac"), Some("tot")]);
        assert_eq!(sheet.bands_ignored, None);
        let text = "Đơn vị;Chỉ số CCHC (%);Xếp loại\nSở Nội vụ;90,5;Hoàn thành tốt\n\
                    Sở Khoa học và Công nghệ;80;Tốt\n";
        let sheet = read(
            &grid(text),
            Path::new("kq.csv"),
            (&units(), &bands, None),
            None,
        )
        .unwrap_or_else(|d| panic!("{d}"));
        // One cell names no band: the column is left out whole, and why.
        assert!(sheet.rows.iter().all(|r| r.band.is_none()));
        let left_out = sheet.bands_ignored.unwrap();
        assert_eq!(left_out.unknown, ["Hoàn thành tốt"]);
        assert_eq!(left_out.names, ["Xuất sắc", "Tốt", "Khá"]);
        // Bands that follow from a score: a blank score beside a band is a
        // score left out (adv18 M2), not a line rated only in its band.
        let bands = bands.by_score(true);
        let text = "Đơn vị;Chỉ số CCHC (%);Xếp loại\nSở Nội vụ;90,5;Xuất sắc\n\
                    Sở Khoa học và Công nghệ;;Tốt\n";
        let problems = read(
            &grid(text),
            Path::new("kq.csv"),
            (&units(), &bands, None),
            None,
        )
        .expect_err("a blank score is an error")
        .to_string();
        assert!(problems.contains("kq.csv:3:"), "{problems}");
        assert!(problems.contains("score"), "{problems}");
    }

    #[test]
    fn rank_of_columns_make_a_partial_layout() {
        let sheet = read_ok("Tỉnh;Điểm (thang 100);Thứ hạng\nSở Nội vụ;90;5/63\n");
        assert_eq!((sheet.rows[0].rank, sheet.rows[0].of), (Some(5), Some(63)));
        // "5/63" says how many were ranked as an "of" column does: the
        // table is partial.
        assert!(sheet.has_of);
        let sheet = read_ok("Tỉnh;Xếp hạng;Số đơn vị xếp hạng\nSở Nội vụ;5;63\n");
        assert!(sheet.has_of);
        assert_eq!(
            (sheet.rows[0].rank, sheet.rows[0].of, sheet.rows[0].score),
            (Some(5), Some(63), None)
        );
    }

    #[test]
    fn a_bad_line_in_a_crlf_file_is_reported_on_its_own_line() {
        let errors = read_str("Đơn vị;Điểm\r\nSở Nội vụ;90\r\nSở Khoa học, Công nghệ;9O\r\n")
            .unwrap_err()
            .to_string();
        // At the cell that is wrong.
        assert!(errors.contains("kq.csv:3:24"), "{errors}");
        let quoted = read_str("Đơn vị,Điểm\n\"Sở Khoa học, Công nghệ\",9O\n")
            .unwrap_err()
            .to_string();
        assert!(quoted.contains("kq.csv:2:26"), "{quoted}");
    }

    #[test]
    fn unit_names_starting_like_footers_are_units() {
        assert_eq!(
            footer(&GridRow {
                line: 1,
                cells: vec![Cell::Text("Tổng cục Thuế".into())]
            }),
            None
        );
        assert!(is_section("I. Khối sở, ban, ngành"));
        assert!(is_section("II - UBND cấp huyện"));
        assert!(!is_section("Cục Thuế"));
    }

    #[test]
    fn the_section_of_the_group_is_picked_from_a_sheet_with_several() {
        let text = "STT;Tên cơ quan, đơn vị;Điểm\n\
                    I;Khối sở, ban, ngành;\n\
                    1;Sở Nội vụ;90\n\
                    Bình quân khối;;90\n\
                    II. Khối UBND cấp huyện;;\n\
                    1;Huyện A;80\n\
                    Bình quân;;85\n";
        let wanted = Wanted {
            id: "so-ban-nganh",
            name: "Sở, ban, ngành",
        };
        let sheet = read(
            &grid(text),
            Path::new("kq.csv"),
            (&units(), &Bands::default(), None),
            Some(wanted),
        )
        .unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.published_average, Some(90.0));
        assert_eq!(
            sheet.sections,
            Some((
                "Khối sở, ban, ngành".to_owned(),
                vec!["II. Khối UBND cấp huyện".to_owned()]
            ))
        );
        // Without a section of the group, every row is read.
        let errors = read_str(text).unwrap_err().to_string();
        assert!(errors.contains("Huyện A"), "{errors}");
    }

    #[test]
    fn a_bad_sheet_row_is_reported_with_its_row_number_and_cells() {
        let row = |line, cells: Vec<Cell>| GridRow { line, cells };
        let text = |t: &str| Cell::Text(t.to_owned());
        let grid = Grid {
            rows: vec![
                row(3, vec![text("Đơn vị"), text("Điểm")]),
                row(4, vec![text("Sở Nội vụ"), Cell::Number(90.5)]),
                row(5, vec![text("Sở Nội vụ"), text("2024-05-09")]),
            ],
            text: None,
            encoding: None,
            delimiter: None,
        };
        let errors = read(
            &grid,
            Path::new("kq.xlsx"),
            (&units(), &Bands::default(), None),
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(errors.contains("kq.xlsx:5:1"), "{errors}");
        assert!(errors.contains("Sở Nội vụ | 2024-05-09"), "{errors}");
        assert!(errors.contains("`2024-05-09` is not a number"), "{errors}");
    }
}
