//! Published precision at its three levels: the index (`decimals`), the
//! table (a year published with other decimals) and the single result (one
//! score published with fewer or more decimals), and the precision of each
//! component. The table's precision is the one ranks, ties, bands and the
//! average compare at; a result's own decimals only change how it prints.
//!
//! Every `decimals` an editor may write is checked here against
//! [`MAX_DECIMALS`], located at the value.

use super::assemble::Context;
use super::Index;
use crate::data::schema::{ComponentDef, IndexDef, ResultRow, ResultsFile};
use crate::locate::Seg;
use crate::messages as msg;

/// The most decimals any figure may have: enough for every published index
/// (PAPI and DTI use 4), and small enough that scaled scores fit in an i64.
pub(super) const MAX_DECIMALS: u32 = 6;

/// The precision a table is published, ranked and averaged at: its own
/// `decimals`, else its index's.
pub(super) fn table_decimals(index: &Index, file: &ResultsFile) -> u32 {
    file.decimals.unwrap_or(index.decimals).min(MAX_DECIMALS)
}

/// The precision one result prints at: its own `decimals` (fewer or more
/// than the table's), else the table's.
pub(super) fn row_decimals(table: u32, result: &ResultRow) -> u32 {
    result.decimals.unwrap_or(table).min(MAX_DECIMALS)
}

/// The precision a component's scores print at: its own `decimals`, else
/// its index's.
pub(super) fn component_def_decimals(index: &IndexDef, component: &ComponentDef) -> u32 {
    component
        .decimals
        .unwrap_or(index.decimals)
        .min(MAX_DECIMALS)
}

impl Context<'_> {
    /// Reports each `decimals` of an index definition (the index's and its
    /// components') above [`MAX_DECIMALS`]; `file` and `entry` are where the
    /// definition was written.
    pub(super) fn check_index_precision(&mut self, def: &IndexDef, file: usize, entry: usize) {
        let index = [Seg::Key("index"), Seg::Index(entry)];
        if def.decimals > MAX_DECIMALS {
            let path = [index[0], index[1], Seg::Key("decimals")];
            self.too_many(file, &path, def.decimals);
        }
        for (k, component) in def.components.iter().enumerate() {
            if let Some(decimals) = component.decimals.filter(|&d| d > MAX_DECIMALS) {
                let path = [
                    index[0],
                    index[1],
                    Seg::Key("component"),
                    Seg::Index(k),
                    Seg::Key("decimals"),
                ];
                self.too_many(file, &path, decimals);
            }
        }
    }

    /// Reports each `decimals` of a results file (the table's and its
    /// results') above [`MAX_DECIMALS`].
    pub(super) fn check_table_precision(&mut self, file: &ResultsFile, file_index: usize) {
        if let Some(decimals) = file.decimals.filter(|&d| d > MAX_DECIMALS) {
            self.too_many(file_index, &[Seg::Key("decimals")], decimals);
        }
        for (i, result) in file.results.iter().enumerate() {
            if let Some(decimals) = result.decimals.filter(|&d| d > MAX_DECIMALS) {
                let path = [Seg::Key("result"), Seg::Index(i), Seg::Key("decimals")];
                self.too_many(file_index, &path, decimals);
            }
        }
    }

    fn too_many(&mut self, file: usize, path: &[Seg], decimals: u32) {
        let d = self.at(
            file,
            path,
            msg::too_many_decimals(decimals),
            msg::hint_decimals_range(),
        );
        self.diagnostics.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(decimals: Option<u32>) -> ResultsFile {
        let text = match decimals {
            Some(d) => format!("index = \"i\"\nyear = 2023\ngroup = \"g\"\ndecimals = {d}\n"),
            None => "index = \"i\"\nyear = 2023\ngroup = \"g\"\n".to_owned(),
        };
        toml::from_str(&text).unwrap()
    }

    #[test]
    fn a_table_and_a_result_may_raise_or_lower_the_precision() {
        let site = crate::model::tests::ok(&[]);
        let def = site.indices.iter().next().unwrap();
        assert_eq!(def.decimals, 2);
        assert_eq!(table_decimals(def, &file(None)), 2);
        assert_eq!(table_decimals(def, &file(Some(3))), 3);
        assert_eq!(table_decimals(def, &file(Some(1))), 1);
        let row: ResultRow = toml::from_str("unit = \"u\"\ndecimals = 4").unwrap();
        assert_eq!(row_decimals(2, &row), 4);
        let row: ResultRow = toml::from_str("unit = \"u\"").unwrap();
        assert_eq!(row_decimals(3, &row), 3);
    }

    #[test]
    fn ranks_ties_and_bands_compare_at_the_tables_precision() {
        use crate::model::tests::{ok, row, table};
        // PAR has 2 decimals and a band A from 90; this year was published
        // with 1. 89,96 prints 90,0 (band A, tied with 90,04); one result
        // published with 3 decimals prints them but ranks at 1.
        let rows = [
            row("ha-tinh", "score = 89.96"),
            row("nghe-an", "score = 90.04"),
            row("thanh-hoa", "score = 89.94"),
            row("da-nang", "score = 89.912\ndecimals = 3"),
        ]
        .concat();
        let text = table(2023, "tinh", &format!("decimals = 1\n{rows}"));
        let site = ok(&[("data/results/2023/tinh.toml", &text)]);
        let t = site.tables.iter().next().unwrap();
        assert_eq!(t.decimals, 1);
        let got: Vec<(&str, Option<u32>, Option<usize>, u32)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    site.units[r.unit].id.as_str(),
                    r.rank,
                    r.band.as_ref().map(|b| b.band),
                    r.decimals,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("ha-tinh", Some(1), Some(0), 1),
                ("nghe-an", Some(1), Some(0), 1),
                ("da-nang", Some(3), None, 3),
                ("thanh-hoa", Some(3), None, 1),
            ]
        );
        // The mean of the printed values: (90,0 + 90,0 + 89,9 + 89,912) / 4.
        let average = t.average.unwrap();
        assert!((average - 89.953).abs() < 1e-9, "{average}");
        assert_eq!(t.top_band.map(|b| b.count), Some(2));
    }
}
