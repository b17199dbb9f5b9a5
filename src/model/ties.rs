//! Ties the publisher broke: units whose scores print equal but were
//! published with different ranks (ranked on unrounded scores, or by a rule
//! of the publisher's: 90,50 fifth and 90,50 sixth). A results file that
//! says how (`ties_broken`) keeps those ranks; each tie so broken must give
//! every tied unit one rank of its own, in the places the tie holds.

use std::collections::BTreeMap;

use super::assemble::Context;
use super::{Site, Table};
use crate::data::schema::ResultsFile;
use crate::locate::Seg;
use crate::messages as msg;

/// How many lines share each line's computed rank (its tie's size): 1 for
/// a line tied with none, `None` for a line not ranked.
pub(super) fn tie_sizes(ranks: &[Option<u32>]) -> Vec<Option<u32>> {
    let mut sizes: BTreeMap<u32, u32> = BTreeMap::new();
    for rank in ranks.iter().flatten() {
        *sizes.entry(*rank).or_default() += 1;
    }
    ranks
        .iter()
        .map(|rank| rank.and_then(|r| sizes.get(&r).copied()))
        .collect()
}

/// Whether a stated rank is another place of its line's tie: the tie at
/// computed rank `computed` of `size` lines holds ranks `computed` to
/// `computed + size - 1`.
pub(super) fn within_tie(stated: u32, computed: u32, size: u32) -> bool {
    stated > computed && stated - computed < size
}

impl Context<'_> {
    /// The words of `ties_broken`, or `None` (with an error when they are
    /// empty: they are what readers are told).
    pub(super) fn ties_broken_words<'f>(
        &mut self,
        file: &'f ResultsFile,
        file_index: usize,
    ) -> Option<&'f str> {
        let words = file.ties_broken.as_deref()?;
        if words.trim().is_empty() {
            let d = self.at(
                file_index,
                &[Seg::Key("ties_broken")],
                msg::ties_broken_empty(),
                msg::hint_ties_broken_words(),
            );
            self.diagnostics.push(d);
            return None;
        }
        Some(words)
    }

    /// Checks each tie of a complete table whose lines were given ranks of
    /// their own (`computed` is each line's rank by score, the table's rows
    /// hold the ranks kept, `file` says which lines stated one): every
    /// tied line has one rank of the tie's places, each once; a line
    /// stating none takes a place left (in the table's order), and its row
    /// is given it. Returns whether some tie was broken.
    pub(super) fn check_broken_ties(
        &mut self,
        file: &ResultsFile,
        file_index: usize,
        table: &mut Table,
        computed: &[Option<u32>],
        site: &Site,
    ) -> bool {
        let mut ties: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for (i, rank) in computed.iter().enumerate() {
            if let Some(rank) = rank {
                ties.entry(*rank).or_default().push(i);
            }
        }
        let mut broken = false;
        for (first, lines) in ties.into_iter().filter(|(_, lines)| lines.len() > 1) {
            let stated: Vec<Option<u32>> = lines
                .iter()
                .map(|&i| {
                    let row = &table.rows[i];
                    file.results
                        .get(row.entry)
                        .and_then(|r| r.rank)
                        .and(row.rank)
                })
                .collect();
            if stated.iter().flatten().all(|&r| r == first) {
                continue;
            }
            broken = true;
            let last = first + lines.len() as u32 - 1;
            // The places no tied line states, for those stating none.
            let mut left = (first..=last).filter(|p| !stated.contains(&Some(*p)));
            let held: Vec<Option<u32>> = stated.iter().map(|s| s.or_else(|| left.next())).collect();
            let mut sorted: Vec<u32> = held.iter().flatten().copied().collect();
            sorted.sort_unstable();
            if held.iter().all(Option::is_some) && sorted.iter().copied().eq(first..=last) {
                for (&i, place) in lines.iter().zip(&held) {
                    table.rows[i].rank = *place;
                }
                continue;
            }
            // Told at the first line whose rank another tied line holds too.
            let at = (1..lines.len())
                .find(|&k| stated[k].is_some() && stated[..k].contains(&stated[k]))
                .unwrap_or(0);
            let row = &table.rows[lines[at]];
            let units = lines
                .iter()
                .map(|&i| site.units[table.rows[i].unit].id.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let stated = stated
                .iter()
                .map(|s| s.map_or("—".to_owned(), |r| r.to_string()))
                .collect::<Vec<_>>()
                .join(", ");
            let score = row
                .basis()
                .map(|v| msg::figure_at(v, table.decimals))
                .unwrap_or_default();
            let message = msg::tie_not_ordered(&score, &units, &stated, first, last);
            let path = [Seg::Key("result"), Seg::Index(row.entry), Seg::Key("rank")];
            let d = self.at(file_index, &path, message, msg::hint_tie_order());
            self.diagnostics.push(d);
        }
        broken
    }

    /// Warns of `ties_broken` in a table where no tie was broken.
    pub(super) fn warn_ties_broken_unused(&mut self, file_index: usize) {
        let mut d = self.at(
            file_index,
            &[Seg::Key("ties_broken")],
            msg::ties_broken_unused(),
            msg::hint_remove_ties_broken(),
        );
        d.severity = crate::diagnostic::Severity::Warning;
        self.diagnostics.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tie_holds_the_places_after_its_rank() {
        let ranks = [Some(1), Some(2), Some(2), Some(2), Some(5), None];
        assert_eq!(
            tie_sizes(&ranks),
            [Some(1), Some(3), Some(3), Some(3), Some(1), None]
        );
        assert!(within_tie(3, 2, 3));
        assert!(within_tie(4, 2, 3));
        assert!(!within_tie(5, 2, 3));
        assert!(!within_tie(2, 2, 3));
        assert!(!within_tie(1, 2, 3));
        assert!(!within_tie(6, 5, 1));
    }
}
