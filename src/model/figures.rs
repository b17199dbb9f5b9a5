//! Stated figures that cannot be, whatever the rest of the table says: a
//! year that is not a year, a rank or a number ranked of zero. Types already
//! refuse negative ranks; these are the values the types let through.

use super::assemble::Context;
use crate::data::schema::ResultsFile;
use crate::locate::Seg;
use crate::messages as msg;

impl Context<'_> {
    /// Reports a year below 1 and, in a partial table, every rank or "of" of
    /// 0 (overall and regional), each at its value. In a complete table a
    /// stated rank or "of" is checked against the computed one, which starts
    /// at 1, so a 0 there is already reported as differing.
    pub(super) fn check_stated_figures(&mut self, file: &ResultsFile, file_index: usize) {
        use Seg::{Index, Key};
        if file.year < 1 {
            let d = self.at(
                file_index,
                &[Key("year")],
                msg::year_not_positive(file.year),
                msg::hint_year(),
            );
            self.diagnostics.push(d);
        }
        if file.complete {
            return;
        }
        for (i, result) in file.results.iter().enumerate() {
            let unit = result.unit.as_str();
            for (key, value) in [("rank", result.rank), ("of", result.of)] {
                if value == Some(0) {
                    let path = [Key("result"), Index(i), Key(key)];
                    let message = msg::zero_rank(unit, key);
                    let d = self.at(file_index, &path, message, msg::hint_rank_from_one());
                    self.diagnostics.push(d);
                }
            }
            for (k, regional) in result.regional.iter().enumerate() {
                for (key, value) in [("rank", Some(regional.rank)), ("of", regional.of)] {
                    if value == Some(0) {
                        let path = [Key("result"), Index(i), Key("regional"), Index(k), Key(key)];
                        let message = msg::zero_regional_rank(unit, key, &regional.region);
                        let d = self.at(file_index, &path, message, msg::hint_rank_from_one());
                        self.diagnostics.push(d);
                    }
                }
            }
        }
    }
}
