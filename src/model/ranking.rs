//! Ranking a complete table: ranks with ties, "of", the average and every
//! region's ranks and average, each stated figure checked
//! against the computed one.

use super::assemble::Context;
use super::derive;
use super::ties::{tie_sizes, within_tie};
use super::{DisputedRank, Index, RegionSummary, RegionalRank, Row, Site, Table};
use crate::data::schema::{RankStyle, ResultsFile};
use crate::locate::Seg;
use crate::messages as msg;
use crate::vi::scaled;

impl Context<'_> {
    /// Ranks a complete table and checks every stated figure against it:
    /// ranks, "of", regional ranks and the published average. Units not
    /// ranked count in none of them.
    pub(super) fn rank_complete(
        &mut self,
        def: &Index,
        file: &ResultsFile,
        file_index: usize,
        table: &mut Table,
        site: &Site,
    ) {
        let decimals = table.decimals;
        let key = |r: &Row| {
            r.basis()
                .filter(|_| r.not_ranked.is_none())
                .map(|v| scaled(v, decimals))
        };
        let keys: Vec<Option<i64>> = table.rows.iter().map(key).collect();
        let ranks = derive::ranks(table.rank_style, &keys, def.higher_is_better);
        let ranked = keys.iter().flatten().count() as u32;
        let ties_broken = self.ties_broken_words(file, file_index);
        if ties_broken.is_some() && table.rank_style == RankStyle::Dense {
            // A broken tie gives each unit a place of its own: no tie left
            // to number densely.
            let d = self.at(
                file_index,
                &[Seg::Key("rank_style")],
                msg::dense_ranks_with_ties_broken(),
                msg::hint_dense_or_ties_broken(),
            );
            self.diagnostics.push(d);
        }
        let numbered_densely = table.rank_style == RankStyle::Standard
            && states_dense_ranks(&table.rows, &ranks, &keys, def.higher_is_better);
        // A disputed percent ranks at its points': a stated rank that
        // disagrees may disagree because of another line's.
        let counted_at_table = table.disputed_percent_units(site);
        // A line whose score (or stated rank) is out of the order the other
        // lines' stated ranks agree on shifts every rank after it: it alone
        // is blamed, not each line it shifts.
        // Only where each line to blame is told as an error: not one kept
        // with a `disputed` note, nor a table ranking a disputed percent
        // at its points (its own hint says why ranks move).
        let has_note = |entry: usize| {
            file.results
                .get(entry)
                .and_then(|r| r.disputed.as_deref())
                .is_some_and(|n| !n.trim().is_empty())
        };
        // (Looked for only when a stated rank differs: most tables agree.)
        let differs = table
            .rows
            .iter()
            .zip(&ranks)
            .any(|(row, &computed)| row.rank.is_some_and(|stated| Some(stated) != computed));
        let out_of_order = differs
            .then(|| lines_out_of_rank_order(table, &keys, def.higher_is_better))
            .flatten()
            .filter(|blamed| {
                counted_at_table.is_none() && !blamed.iter().any(|o| has_note(o.line))
            });
        // Ranks numbered densely differ from the table's standard ones on
        // every line after the first tie: one error says so, at the first.
        let mut dense_lines: Vec<(usize, &str, u32, u32)> = Vec::new();
        for ((row, &rank), size) in table.rows.iter_mut().zip(&ranks).zip(tie_sizes(&ranks)) {
            let unit = site.units[row.unit].id.as_str();
            let path = |key| [Seg::Key("result"), Seg::Index(row.entry), Seg::Key(key)];
            // The line's note for a stated figure the publication got wrong.
            let note = file
                .results
                .get(row.entry)
                .and_then(|r| r.disputed.as_deref())
                .map(str::trim)
                .filter(|n| !n.is_empty());
            let mut kept = rank;
            if let (Some(stated), Some(computed), Some(size)) = (row.rank, rank, size) {
                let in_tie = within_tie(stated, computed, size);
                if in_tie && ties_broken.is_some() {
                    // A place of its tie the publisher gave it.
                    kept = Some(stated);
                } else if let (true, Some(note)) = (stated != computed, note) {
                    // Kept as published, beside the computed rank.
                    row.rank_disputed = Some(DisputedRank {
                        rank: stated,
                        of: row.of,
                        note: note.to_owned(),
                    });
                } else if stated != computed && numbered_densely {
                    dense_lines.push((row.entry, unit, stated, computed));
                } else if stated != computed && out_of_order.is_some() {
                    let blamed = out_of_order
                        .as_ref()
                        .and_then(|o| o.iter().find(|o| o.line == row.entry));
                    // A line in order, shifted by one that is not: no error.
                    if let Some(blamed) = blamed {
                        let against = &file.results[blamed.against];
                        let message = msg::stated_rank_out_of_order(
                            unit,
                            stated,
                            computed,
                            &against.unit,
                            against.rank.unwrap_or_default(),
                            blamed.contradicts - 1,
                        );
                        let d = self.at(
                            file_index,
                            &path("rank"),
                            message,
                            msg::hint_rank_out_of_order(),
                        );
                        self.diagnostics.push(d);
                    }
                } else if stated != computed {
                    let message = msg::stated_rank_differs(unit, stated, computed);
                    let hint = if in_tie {
                        msg::hint_ties_broken()
                    } else {
                        msg::hint_rank_differs()
                    };
                    let hint = prefixed_with_counted(hint, counted_at_table.as_deref());
                    let d = self.at(file_index, &path("rank"), message, hint);
                    self.diagnostics.push(d);
                }
            }
            // A stated "of" the publisher counted otherwise ("1/3" where an
            // unranked unit counts), kept with the editor's note.
            let exception = row.of.filter(|&of| {
                of != ranked && row.of_note.as_deref().is_some_and(|n| !n.trim().is_empty())
            });
            if let Some(stated) = row.of.filter(|&of| of != ranked && exception.is_none()) {
                let message = msg::stated_of_differs(unit, stated, ranked);
                // More ranked than listed: the lines of a wider ranking.
                let hint = match stated > ranked {
                    true => msg::hint_table_is_partial(),
                    false => msg::hint_of_is_computed(),
                };
                let d = self.at(file_index, &path("of"), message, hint);
                self.diagnostics.push(d);
            }
            // A note with no figure of the line to dispute (a percent's
            // agreement is checked where the line is read).
            let percent = file.results.get(row.entry).and_then(|r| r.percent);
            if note.is_some() && percent.is_none() && row.rank_disputed.is_none() {
                self.warn_at(
                    file_index,
                    &path("disputed"),
                    msg::line_disputed_but_agrees(unit),
                    msg::hint_disputed_but_agrees(),
                );
            }
            row.rank = kept;
            row.of = rank.map(|_| exception.unwrap_or(ranked));
        }
        if let Some(&(entry, unit, stated, computed)) = dense_lines.first() {
            let message = msg::stated_ranks_dense(unit, stated, computed, dense_lines.len());
            let path = [Seg::Key("result"), Seg::Index(entry), Seg::Key("rank")];
            let d = self.at(file_index, &path, message, msg::hint_rank_style_dense());
            self.diagnostics.push(d);
        }
        if let Some(words) = ties_broken {
            if self.check_broken_ties(file, file_index, table, &ranks, site) {
                table.ties_broken = Some(words.to_owned());
            } else {
                self.warn_ties_broken_unused(file_index);
            }
        }
        let values: Vec<(f64, u32)> = table
            .rows
            .iter()
            .filter(|r| r.rank.is_some())
            .filter_map(|r| r.basis().map(|v| (v, r.decimals)))
            .collect();
        table.ranked = Some(ranked);
        table.average = derive::mean_of_printed(&values);
        // Every rank computed here is made from every ranked score: one
        // illustrative score makes them all as illustrative.
        let among_illustrative = table.ranks_an_illustrative_score();
        for row in &mut table.rows {
            row.ranked_among_illustrative = among_illustrative;
        }
        if let Some(computed) = table.average {
            self.check_published_average(file, file_index, table, computed, site);
        }
        self.rank_regions(file, file_index, table, site);
    }

    /// Ranks the units of each region among themselves, checking any stated
    /// regional rank, and sums each region up.
    fn rank_regions(
        &mut self,
        file: &ResultsFile,
        file_index: usize,
        table: &mut Table,
        site: &Site,
    ) {
        for (r, region) in site.regions.iter_enumerated() {
            let members: Vec<usize> = (0..table.rows.len())
                .filter(|&i| {
                    let row = &table.rows[i];
                    row.rank.is_some() && site.units[row.unit].regions.contains(&r)
                })
                .collect();
            if members.is_empty() {
                continue;
            }
            // In the order of the table's ranks: by score, and where the
            // publisher broke a tie, in its order.
            let keys: Vec<Option<i64>> = members
                .iter()
                .map(|&i| table.rows[i].rank.map(i64::from))
                .collect();
            let ranks = derive::ranks(table.rank_style, &keys, false);
            let of = members.len() as u32;
            for (&i, rank) in members.iter().zip(ranks) {
                let Some(rank) = rank else { continue };
                let row = &mut table.rows[i];
                let mut computed = RegionalRank {
                    region: r,
                    rank,
                    of: Some(of),
                    disputed: None,
                    stated: false,
                };
                if let Some(k) = row.regional.iter().position(|s| s.region == r) {
                    computed.stated = true;
                    let stated = &row.regional[k];
                    // Its place in the file (`row.regional` is kept sorted).
                    let written = &file.results[row.entry].regional;
                    let place = written
                        .iter()
                        .position(|w| self.ids.regions.get(&w.region) == Some(&r))
                        .unwrap_or(k);
                    let path = [
                        Seg::Key("result"),
                        Seg::Index(row.entry),
                        Seg::Key("regional"),
                        Seg::Index(place),
                    ];
                    let note = written.get(place).and_then(|w| w.disputed.as_ref());
                    if stated.rank != rank || stated.of.is_some_and(|o| o != of) {
                        if let Some(note) = note {
                            computed.disputed = Some(DisputedRank {
                                rank: stated.rank,
                                of: stated.of,
                                note: note.clone(),
                            });
                        } else {
                            let unit = &site.units[row.unit].id;
                            let message = msg::stated_regional_rank_differs(
                                unit,
                                &region.id,
                                stated.rank,
                                rank,
                                of,
                            );
                            let d =
                                self.at(file_index, &path, message, msg::hint_rank_is_computed());
                            self.diagnostics.push(d);
                        }
                    } else if note.is_some() {
                        let mut at = path.to_vec();
                        at.push(Seg::Key("disputed"));
                        self.warn_disputed_agrees(file_index, &at);
                    }
                    row.regional[k] = computed;
                } else {
                    row.regional.push(computed);
                }
                row.regional.sort_by_key(|x| x.region);
            }
            let values: Vec<(f64, u32)> = members
                .iter()
                .filter_map(|&i| table.rows[i].basis().map(|v| (v, table.rows[i].decimals)))
                .collect();
            table.regions.push(RegionSummary {
                region: r,
                ranked: of,
                average: derive::mean_of_printed(&values),
            });
        }
    }
}

/// Whether the stated ranks of a table are its dense ranks (1, 1, 2) where
/// they are not its standard ones (`ranks`, 1, 1, 3): the publisher numbers
/// ranks densely.
fn states_dense_ranks(
    rows: &[Row],
    ranks: &[Option<u32>],
    keys: &[Option<i64>],
    higher: bool,
) -> bool {
    let dense = derive::dense_ranks(keys, higher);
    let stated = || {
        rows.iter()
            .zip(ranks.iter().zip(&dense))
            .filter(|(r, _)| r.rank.is_some())
    };
    stated().all(|(row, (_, dense))| row.rank == *dense)
        && stated().any(|(row, (standard, _))| row.rank != *standard)
}

/// The published average of a table, held at the decimals it was written
/// with.
impl Context<'_> {
    /// Checks a complete table's published average against `computed`, the
    /// average of its printed scores, and keeps the published one. They
    /// agree when the difference is the scores' rounding: a publisher
    /// averages unrounded scores, which differ from the printed ones by up
    /// to half a unit of their last decimal, and rounds the result, so the
    /// two may differ by half a unit of each precision ("85,97" against
    /// 85,9614 at two decimals). A larger difference is an error, unless
    /// `average_disputed` says why the published one is kept.
    fn check_published_average(
        &mut self,
        file: &ResultsFile,
        file_index: usize,
        table: &mut Table,
        computed: f64,
        site: &Site,
    ) {
        let Some(published) = file.published_average.filter(|a| a.is_finite()) else {
            if file.average_disputed.is_some() {
                self.warn_average_disputed_unused(file_index);
            }
            return;
        };
        let path = [Seg::Key("published_average")];
        let written = self.decimals_as_written(file_index, &path, published);
        let agrees = self.agrees_as_written(file_index, &path, published, computed, table.decimals)
            || within_rounding(published, computed, written, table.decimals);
        let disputed = file.average_disputed.as_deref().map(str::trim);
        match (agrees, disputed) {
            (true, Some(_)) => self.warn_average_disputed_unused(file_index),
            (false, None) => {
                // The published figure as written; the computed one at the
                // precision they can be compared at.
                let message = msg::published_average_differs(
                    &msg::figure_at(published, written),
                    &msg::figure_at(computed, written.min(table.decimals)),
                );
                let hint = with_disputed_percents(msg::hint_check_average(), table, site);
                let d = self.at(file_index, &path, message, hint);
                self.diagnostics.push(d);
                return;
            }
            (false, Some(note)) => {
                table.average_derived = Some(computed);
                table.average_disputed = Some(note.to_owned());
            }
            (true, None) => {}
        }
        table.average = Some(published);
        table.average_decimals = written;
    }

    /// Keeps a partial table's published average, as written; there is
    /// nothing to dispute it with.
    pub(super) fn keep_published_average(
        &mut self,
        file: &ResultsFile,
        file_index: usize,
        table: &mut Table,
    ) {
        let Some(published) = file.published_average.filter(|a| a.is_finite()) else {
            if file.average_disputed.is_some() {
                self.warn_average_disputed_unused(file_index);
            }
            return;
        };
        let path = [Seg::Key("published_average")];
        table.average = Some(published);
        table.average_decimals = self.decimals_as_written(file_index, &path, published);
        if file.average_disputed.is_some() {
            self.warn_average_disputed_unused(file_index);
        }
    }

    fn warn_average_disputed_unused(&mut self, file_index: usize) {
        let mut d = self.at(
            file_index,
            &[Seg::Key("average_disputed")],
            msg::average_disputed_unused(),
            msg::hint_disputed_but_agrees(),
        );
        d.severity = crate::diagnostic::Severity::Warning;
        self.diagnostics.push(d);
    }
}

/// Whether `published`, written with `written` decimals, may be the average
/// of unrounded scores whose rounding to `decimals` averages `computed`.
fn within_rounding(published: f64, computed: f64, written: u32, decimals: u32) -> bool {
    let half = |d: u32| 0.5 / 10f64.powi(d.min(12) as i32);
    (published - computed).abs() <= half(written) + half(decimals) + 1e-9
}

/// A hint for a figure computed from the table that disagrees with its
/// published one, saying first which disputed percents the table counts at
/// their points' ([`Row::basis`]), when it has any: the editor sees the
/// published figure in the file and would not find the other.
pub(super) fn with_disputed_percents(hint: String, table: &Table, site: &Site) -> String {
    prefixed_with_counted(hint, table.disputed_percent_units(site).as_deref())
}

/// `hint`, after the words saying that `units` (a list, when any) are
/// counted at the percent of their points: the rank check reads the list
/// once per table.
fn prefixed_with_counted(hint: String, units: Option<&str>) -> String {
    match units {
        Some(units) => format!("{}; {hint}", msg::counted_at_table_percent(units)),
        None => hint,
    }
}

/// The lines of a complete table to blame when its stated ranks disagree
/// with its scores because one line (or a few) is out of the order the
/// others agree on: a score typed `9.310` for `93.10`, which shifts every
/// rank after it. `None` when the disagreement is not of that kind (no
/// line out of order, or as many lines out of order as disagree: each is
/// then told as it is). Lines are those of the file (`entry`).
fn lines_out_of_rank_order(
    table: &Table,
    keys: &[Option<i64>],
    higher_is_better: bool,
) -> Option<Vec<super::band_order::OutOfOrder>> {
    // Each stated line's score, best first as `out_of_order` reads it, and
    // its stated rank as the position of its "band".
    let stated: Vec<(usize, i64, usize)> = table
        .rows
        .iter()
        .zip(keys)
        .filter_map(|(row, key)| {
            let key = key.map(|k| if higher_is_better { k } else { -k })?;
            Some((row.entry, key, row.rank? as usize))
        })
        .collect();
    let lines: Vec<(i64, usize)> = stated.iter().map(|&(_, key, rank)| (key, rank)).collect();
    let found = super::band_order::out_of_order(&lines);
    if found.is_empty() {
        return None;
    }
    // How many stated ranks differ from the order of the scores.
    let mut by_score: Vec<usize> = (0..lines.len()).collect();
    by_score.sort_by_key(|&i| (std::cmp::Reverse(lines[i].0), lines[i].1));
    let differ = by_score
        .iter()
        .enumerate()
        .filter(|&(place, &i)| {
            let better = by_score[..place]
                .iter()
                .filter(|&&j| lines[j].0 > lines[i].0)
                .count();
            lines[i].1 != better + 1
        })
        .count();
    (found.len() < differ).then(|| {
        found
            .into_iter()
            .map(|o| super::band_order::OutOfOrder {
                line: stated[o.line].0,
                against: stated[o.against].0,
                ..o
            })
            .collect()
    })
}
