//! One CSV line as it is written (RFC 4180): cells separated by commas,
//! quoted when they need it, the line ended with CRLF. A text cell that a
//! spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`,
//! a tab or a carriage return, or with one of the signs after spaces or in
//! full width) is written quoted, after a `'`, so Excel and
//! LibreOffice show it as text (the OWASP rule for CSV injection); numbers
//! are written as numbers, negative ones included.
//!
//! The same lines are written in two dialects ([`Dialect`]): the standard
//! one (commas, decimal point), for software, and one for Excel in a
//! Vietnamese locale, whose list separator is `;` and decimal separator `,`
//! (it opens such a file by double-click into the right columns, with
//! numbers it can add up).

use std::fmt::Write;

use super::columns::Cell;
use crate::model::Alternative;
use crate::render::figure;

/// How cells are separated and numbers written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Commas between cells, a decimal point (`95.27`): RFC 4180, for
    /// software.
    Standard,
    /// Semicolons between cells, a decimal comma (`95,27`): what Excel
    /// reads in a Vietnamese (or other decimal-comma) locale.
    Excel,
}

impl Dialect {
    /// The character between cells.
    pub fn separator(self) -> char {
        match self {
            Dialect::Standard => ',',
            Dialect::Excel => ';',
        }
    }

    /// A machine number (`95.27`, `-3`) as this dialect writes it.
    fn number(self, text: &str, out: &mut String) {
        match self {
            Dialect::Standard => out.push_str(text),
            Dialect::Excel => out.extend(text.chars().map(|c| if c == '.' { ',' } else { c })),
        }
    }
}

/// One CSV line as it is written: cells separated by commas (or the
/// dialect's separator), quoted when they need it (RFC 4180), the line
/// ended with CRLF.
pub struct CsvLine<'a> {
    out: &'a mut String,
    first: bool,
    dialect: Dialect,
    /// Where the last cell's text starts in `out`.
    cell_start: usize,
}

impl<'a> CsvLine<'a> {
    /// A line in `dialect`.
    pub fn with(out: &'a mut String, dialect: Dialect) -> Self {
        let cell_start = out.len();
        CsvLine {
            out,
            first: true,
            dialect,
            cell_start,
        }
    }

    fn next(&mut self) -> &mut String {
        if !self.first {
            self.out.push(self.dialect.separator());
        }
        self.first = false;
        self.cell_start = self.out.len();
        self.out
    }

    /// The text of the last cell written, as written (quoted, escaped).
    pub fn last_cell(&self) -> &str {
        &self.out[self.cell_start..]
    }

    /// A cell as a line of the same dialect wrote it ([`CsvLine::last_cell`]).
    pub fn written(&mut self, text: &str) {
        self.next().push_str(text);
    }

    /// An identifier (ids never hold a comma or a quote, and are slugs, so
    /// never start like a formula; should one, it is written as text).
    pub fn id(&mut self, text: &str) {
        if starts_like_a_formula(text) {
            return self.text(text);
        }
        self.next().push_str(text);
    }

    /// Text, quoted when it holds a comma, a quote or a line break, and
    /// when a spreadsheet would evaluate it (then after a `'`).
    pub fn text(&mut self, text: &str) {
        let separator = self.dialect.separator();
        let out = self.next();
        let formula = starts_like_a_formula(text);
        if formula || text.contains([separator, ',', '"', '\n', '\r']) {
            out.push('"');
            if formula {
                out.push('\'');
            }
            out.push_str(&text.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(text);
        }
    }

    /// A number as `Display` writes it (in the dialect's decimal
    /// separator), or an empty cell.
    pub fn value(&mut self, value: Option<impl std::fmt::Display>) {
        let dialect = self.dialect;
        let out = self.next();
        if let Some(value) = value {
            let mut text = String::new();
            let _ = write!(text, "{value}");
            dialect.number(&text, out);
        }
    }

    /// A number rounded to `decimals` as the page rounds it
    /// ([`figure::machine`]), or an empty cell.
    pub fn fixed(&mut self, value: Option<f64>, decimals: u32) {
        let dialect = self.dialect;
        let out = self.next();
        if let Some(text) = value.and_then(|v| figure::machine(v, decimals)) {
            dialect.number(&text, out);
        }
    }

    /// A cell of the open data.
    pub fn cell(&mut self, cell: &Cell) {
        match cell {
            Cell::Empty => {
                self.next();
            }
            Cell::Int(v) => self.value(Some(v)),
            Cell::Fixed(v, decimals) => self.fixed(Some(*v), *decimals),
            Cell::Written(v) => self.value(v.is_finite().then_some(v)),
            Cell::Id(text) => self.id(text),
            Cell::Text(text) => self.text(text),
            Cell::Bool(b) => self.id(if *b { "1" } else { "0" }),
            Cell::Alternatives(alternatives) => {
                self.text(&alternatives_text(alternatives, self.dialect));
            }
        }
    }

    pub fn end(self) {
        self.out.push_str("\r\n");
    }
}

/// Other published values as one text, their numbers in the dialect's
/// decimal separator like every other number of the file: `88.3 (Một số
/// báo in 88,3); thứ 62/63 (Báo B)`, or `88,3 (…)` for Excel.
pub fn alternatives_text(alternatives: &[Alternative], dialect: Dialect) -> String {
    let parts: Vec<String> = alternatives
        .iter()
        .filter_map(|a| {
            let value = a.value.filter(|v| v.is_finite()).map(|v| {
                let mut text = String::new();
                dialect.number(&format!("{v:.*}", a.decimals as usize), &mut text);
                text
            });
            let rank = a.rank.map(|rank| match a.of {
                Some(of) => format!("thứ {rank}/{of}"),
                None => format!("thứ {rank}"),
            });
            let said: Vec<String> = value.into_iter().chain(rank).collect();
            (!said.is_empty()).then(|| format!("{} ({})", said.join(", "), a.source))
        })
        .collect();
    parts.join("; ")
}

/// Whether a spreadsheet would take a text cell for a formula (OWASP, CSV
/// injection): it starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return, or with one of those signs after spaces or line breaks
/// (LibreOffice's "trim spaces" evaluates ` =1+1`), or in its full-width
/// form (`＝`, which some input methods type and some spreadsheets read as
/// `=`).
fn starts_like_a_formula(text: &str) -> bool {
    const SIGNS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
    text.starts_with(['\t', '\r']) || text.trim_start().starts_with(SIGNS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_after_spaces_or_in_full_width_is_text() {
        for cell in [" =1+1", "\n=1+1", "  @SUM(A1)", "＝1+1", "＋1", "\t1"] {
            let mut out = String::new();
            CsvLine::with(&mut out, Dialect::Standard).text(cell);
            assert!(out.starts_with("\"'"), "{cell:?} was written {out:?}");
        }
        let mut out = String::new();
        CsvLine::with(&mut out, Dialect::Standard).text(" Sở A");
        assert_eq!(out, " Sở A");
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        let mut line = CsvLine::with(&mut out, Dialect::Standard);
        line.text("Sở Ngoại vụ");
        line.text("Sở A, B");
        line.text("say \"hi\"");
        line.value(None::<u32>);
        line.fixed(Some(95.2693877), 2);
        line.end();
        assert_eq!(out, "Sở Ngoại vụ,\"Sở A, B\",\"say \"\"hi\"\"\",,95.27\r\n");
    }

    #[test]
    fn text_a_spreadsheet_would_evaluate_is_written_as_text() {
        let mut out = String::new();
        let mut line = CsvLine::with(&mut out, Dialect::Standard);
        line.text("=HYPERLINK(\"http://x\",\"y\")");
        line.text("+1");
        line.text("-2+3");
        line.text("@SUM(A1)");
        line.text("\tx");
        line.text("\rx");
        line.text("Sở = 1");
        line.id("-ma");
        line.value(Some(-3));
        line.fixed(Some(-1.5), 2);
        line.end();
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+1\",\"'-2+3\",\"'@SUM(A1)\",\
             \"'\tx\",\"'\rx\",Sở = 1,\"'-ma\",-3,-1.50\r\n"
        );
    }

    #[test]
    fn the_excel_dialect_separates_with_semicolons_and_writes_decimal_commas() {
        let mut out = String::new();
        let mut line = CsvLine::with(&mut out, Dialect::Excel);
        line.text("Sở A, B");
        line.text("a; b");
        line.fixed(Some(95.2693877), 2);
        line.cell(&Cell::Written(13.969));
        line.cell(&Cell::Int(-3));
        line.cell(&Cell::Empty);
        line.text("2024-05-07");
        line.end();
        assert_eq!(out, "\"Sở A, B\";\"a; b\";95,27;13,969;-3;;2024-05-07\r\n");
    }

    #[test]
    fn alternatives_are_one_text_in_the_dialect_s_decimal_separator() {
        let alternatives = [
            Alternative {
                value: Some(88.30),
                decimals: 2,
                rank: None,
                of: None,
                source: "Một số báo in 88,3".to_owned(),
            },
            Alternative {
                value: None,
                decimals: 0,
                rank: Some(62),
                of: Some(63),
                source: "Báo B".to_owned(),
            },
        ];
        let line = |dialect| {
            let mut out = String::new();
            let mut line = CsvLine::with(&mut out, dialect);
            line.cell(&Cell::Alternatives(&alternatives));
            line.end();
            out
        };
        assert_eq!(
            line(Dialect::Standard),
            "\"88.30 (Một số báo in 88,3); thứ 62/63 (Báo B)\"\r\n"
        );
        assert_eq!(
            line(Dialect::Excel),
            "\"88,30 (Một số báo in 88,3); thứ 62/63 (Báo B)\"\r\n"
        );
        assert_eq!(alternatives_text(&[], Dialect::Excel), "");
    }

    #[test]
    fn numbers_are_machine_values_rounded_as_the_page_rounds() {
        let mut out = String::new();
        let mut line = CsvLine::with(&mut out, Dialect::Standard);
        line.fixed(Some(95.2693877), 2);
        line.fixed(Some(44.3138), 4);
        // `{:.2}` wrote 2.67 and -0.00 here, while the page shows 2,68 and 0,00.
        line.fixed(Some(2.675), 2);
        line.fixed(Some(-0.001), 2);
        line.fixed(Some(f64::NAN), 2);
        line.fixed(None, 2);
        line.end();
        assert_eq!(out, "95.27,44.3138,2.68,0.00,,\r\n");
        assert_eq!(figure::machine_value(88.349999, 2), Some(88.35));
    }
}
