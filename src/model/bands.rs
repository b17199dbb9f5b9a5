//! Rating bands: their definitions (by score, `min` inclusive or `above`
//! strict; by rank, `max_rank`; or stated only), the band of each line
//! (derived, or stated and checked), the table's top band and its published
//! band counts, each checked against the table where it can be.
//!
//! Scores are compared at the index's precision (see [`crate::vi::scaled`]),
//! like ranks: a score that prints as 90,00 reaches "từ 90%" and not "trên
//! 90%".

use std::collections::BTreeSet;

use super::assemble::Context;
use super::band_order;
use super::ranking::with_disputed_percents;
use super::{Band, BandCount, Counted, Row, RowBand, Site, Table, Threshold, TopBand};
use crate::data::schema::{BandCountDef, BandDef, ResultsFile};
use crate::diagnostic::closest;
use crate::locate::Seg;
use crate::messages as msg;
use crate::vi::{self, scaled};

/// A band as the model holds it. When a definition gives several
/// thresholds (an error reported by [`Context::check_bands`]) the first of
/// `min`, `above`, `max_rank` is kept.
pub(super) fn band(def: &BandDef) -> Band {
    let threshold = match (def.min, def.above, def.max_rank) {
        (Some(min), _, _) => Threshold::Min(min),
        (None, Some(above), _) => Threshold::Above(above),
        (None, None, Some(rank)) => Threshold::MaxRank(rank),
        (None, None, None) => Threshold::Stated,
    };
    Band {
        id: def.id.clone(),
        name: def.name.clone(),
        threshold,
    }
}

/// Whether a score reaches a score threshold, at `decimals`. Rank and
/// stated thresholds are never reached by a score.
pub fn score_reaches(threshold: Threshold, value: f64, decimals: u32) -> bool {
    match threshold {
        Threshold::Min(min) => scaled(value, decimals) >= scaled(min, decimals),
        Threshold::Above(above) => scaled(value, decimals) > scaled(above, decimals),
        Threshold::MaxRank(_) | Threshold::Stated => false,
    }
}

/// How demanding a score threshold is, at `decimals`: a higher key is
/// harder to reach ("trên 90" is above "từ 90").
fn score_key(threshold: Threshold, decimals: u32) -> Option<(i64, bool)> {
    threshold
        .score()
        .map(|(value, strict)| (scaled(value, decimals), strict))
}

/// The band a line reaches: among score bands, the one with the highest
/// threshold its score reaches; among rank bands, the one with the
/// smallest `max_rank` its rank is within. Stated-only bands are never
/// derived. On equal thresholds the last band defined wins.
pub fn derive_band(
    bands: &[Band],
    value: Option<f64>,
    rank: Option<u32>,
    decimals: u32,
) -> Option<usize> {
    let mut best: Option<(i64, bool, usize)> = None;
    for (i, band) in bands.iter().enumerate() {
        let key = match band.threshold {
            Threshold::Min(_) | Threshold::Above(_) => {
                let Some(v) = value else { continue };
                if !score_reaches(band.threshold, v, decimals) {
                    continue;
                }
                score_key(band.threshold, decimals)
            }
            Threshold::MaxRank(max) => {
                if rank.is_none_or(|r| r > max) {
                    continue;
                }
                // A smaller max_rank is the higher band.
                Some((-i64::from(max), false))
            }
            Threshold::Stated => None,
        };
        let Some((k, strict)) = key else { continue };
        if best.is_none_or(|(bk, bs, _)| (k, strict) >= (bk, bs)) {
            best = Some((k, strict, i));
        }
    }
    best.map(|(_, _, i)| i)
}

/// The score band with the highest threshold: "count at or above" it is
/// the headline of a ranking table (e.g. units ≥ 90%).
pub fn top_band(bands: &[Band], decimals: u32) -> Option<usize> {
    let mut best: Option<((i64, bool), usize)> = None;
    for (i, band) in bands.iter().enumerate() {
        let Some(key) = score_key(band.threshold, decimals) else {
            continue;
        };
        if best.is_none_or(|(bk, _)| key >= bk) {
            best = Some((key, i));
        }
    }
    best.map(|(_, i)| i)
}

/// How many scores reach a score threshold, each at its decimals.
pub fn count_reaching(values: &[(f64, u32)], threshold: Threshold) -> usize {
    values
        .iter()
        .filter(|&&(v, decimals)| score_reaches(threshold, v, decimals))
        .count()
}

/// The decimals a line's score is banded at: as it prints, when finer than
/// the table (89,995 printed on its line is below 90, though the table
/// ranks at 2 decimals), else the table's.
fn banded_at(row: &Row, table_decimals: u32) -> u32 {
    row.decimals.max(table_decimals)
}

/// What a band count of `table` counts, for a message: "số đơn vị thuộc
/// mức `tot`", "… đạt từ 90 trở lên", "… đạt trên 90".
fn counted_text(table: &Table, counted: Counted) -> Option<String> {
    Some(match counted {
        Counted::Band(b) => msg::counted_band(&table.bands[b].id),
        Counted::Score(Threshold::Min(v)) => msg::counted_min(&threshold_text(v)),
        Counted::Score(t) => msg::counted_above(&threshold_text(t.score()?.0)),
    })
}

/// A threshold for a message: `90`, `92,5`.
fn threshold_text(value: f64) -> String {
    msg::figure(value)
}

/// Whether a line counts in a table's band figures: it is ranked, or rated
/// only in a band.
fn counts(row: &Row) -> bool {
    (row.rank.is_some() && row.not_ranked.is_none()) || row.is_band_only()
}

impl Table {
    /// Whether the count of units reaching the top band is made from an
    /// illustrative line (one it counts, see `counts`, is), and so marked *:
    /// a count the source published too is not.
    pub fn top_band_illustrative(&self) -> bool {
        self.top_band.is_some()
            && !self.top_band_published()
            && self.rows.iter().any(|r| r.illustrative && counts(r))
    }

    /// On a line whose published score is kept against the table's
    /// (`disputed`), and whose band is derived (from the table's score, as
    /// every line's is), the band the published score reaches when that is
    /// another: `Some(None)` when it reaches none. A reader sees the
    /// published score beside a band it does not give.
    pub fn band_of_published_score(&self, row: &Row) -> Option<Option<usize>> {
        row.disputed_value()?;
        if row.band.as_ref().is_some_and(|b| b.stated) {
            return None;
        }
        let published = derive_band(
            &self.bands,
            row.value,
            row.rank,
            banded_at(row, self.decimals),
        );
        (published != row.band.as_ref().map(|b| b.band)).then_some(published)
    }
}

impl Context<'_> {
    /// Checks a list of band definitions at `prefix` (the path of the list)
    /// in file `file`: one threshold each, finite, a `max_rank` of at least
    /// 1, no list mixing score and rank bands, ids well formed and distinct,
    /// and no score threshold ("at or above") on an index where lower is
    /// better; score thresholds within the index's `scale` (a band no score
    /// reaches is a typo: 700 for 70), and thresholds in one order, best
    /// first or worst first ([`Self::check_band_order`]).
    pub(super) fn check_bands(
        &mut self,
        file: usize,
        prefix: &[Seg],
        defs: &[BandDef],
        (higher_is_better, (scale_min, scale_max)): (bool, (f64, f64)),
    ) {
        let mut seen = BTreeSet::new();
        let by_score = defs.iter().any(|d| d.min.is_some() || d.above.is_some());
        // A threshold no score can be rated by as it should.
        let off_scale = |key: &str, v: f64| {
            v < scale_min || v > scale_max || (key == "above" && v >= scale_max)
        };
        for (k, def) in defs.iter().enumerate() {
            let path = |key: &'static str| {
                let mut path = prefix.to_vec();
                path.extend([Seg::Index(k), Seg::Key(key)]);
                path
            };
            let push = |ctx: &mut Self, key, message, hint| {
                let d = ctx.at(file, &path(key), message, hint);
                ctx.diagnostics.push(d);
            };
            let id = def.id.as_str();
            if !vi::is_slug(id) {
                let message = msg::invalid_band_id(id, &vi::slugify(id));
                push(self, "id", message, msg::hint_band_id_form());
            } else if !seen.insert(id) {
                push(self, "id", msg::band_twice(id), msg::hint_distinct_ids());
            }
            let given: Vec<&'static str> = [
                ("min", def.min.is_some()),
                ("above", def.above.is_some()),
                ("max_rank", def.max_rank.is_some()),
            ]
            .into_iter()
            .filter_map(|(key, given)| given.then_some(key))
            .collect();
            if let [first, second, ..] = given[..] {
                let message = msg::band_two_thresholds(id, first, second);
                push(self, second, message, msg::hint_one_threshold());
            }
            for (key, value) in [("min", def.min), ("above", def.above)] {
                if value.is_some_and(|v| !v.is_finite()) {
                    push(self, key, msg::not_a_number(key), msg::hint_write_number());
                } else if value.is_some() && !higher_is_better {
                    let message = msg::score_band_lower_is_better(id, key);
                    push(self, key, message, msg::hint_bands_lower_is_better());
                } else if let Some(v) = value.filter(|&v| off_scale(key, v)) {
                    let (shown, from, to) = (
                        msg::figure_at(v, vi::written_decimals(v)),
                        msg::figure_at(scale_min, vi::written_decimals(scale_min)),
                        msg::figure_at(scale_max, vi::written_decimals(scale_max)),
                    );
                    let message = msg::band_threshold_off_scale(id, key, &shown, &from, &to);
                    push(self, key, message, msg::hint_band_threshold_off_scale());
                }
            }
            if def.max_rank == Some(0) {
                push(
                    self,
                    "max_rank",
                    msg::band_max_rank_zero(id),
                    msg::hint_max_rank(),
                );
            } else if def.max_rank.is_some() && by_score && given.len() == 1 {
                push(
                    self,
                    "max_rank",
                    msg::bands_mix_score_and_rank(id),
                    msg::hint_bands_one_kind(),
                );
            }
        }
        self.check_band_order(file, prefix, defs, off_scale);
    }

    /// Bands are listed in the order of their thresholds, best first (or
    /// worst first, as a decision may list them): a threshold out of that
    /// order is a typo (85 for 50) that would re-rate every line, as each
    /// takes the highest threshold it reaches. The order is the one the
    /// first and last thresholds go in; each band out of it, against the
    /// last band in it, is an error. A threshold `off_scale` has its own.
    fn check_band_order(
        &mut self,
        file: usize,
        prefix: &[Seg],
        defs: &[BandDef],
        off_scale: impl Fn(&str, f64) -> bool,
    ) {
        // A higher key is harder to reach: "trên 90" above "từ 90", top
        // 10 above top 20. Bands with no threshold, or with an error of
        // their own, are left out.
        let keyed: Vec<(usize, (f64, bool), &'static str)> = defs
            .iter()
            .enumerate()
            .filter_map(|(k, d)| match (d.min, d.above, d.max_rank) {
                (Some(v), None, None) => Some((k, (v, false), "min")),
                (None, Some(v), None) => Some((k, (v, true), "above")),
                (None, None, Some(r)) if r > 0 => Some((k, (-f64::from(r), false), "max_rank")),
                _ => None,
            })
            .filter(|&(_, (v, _), key)| v.is_finite() && (key == "max_rank" || !off_scale(key, v)))
            .collect();
        let (Some(first), Some(last)) = (keyed.first(), keyed.last()) else {
            return;
        };
        let best_first = first.1 >= last.1;
        let mut previous = first;
        for band in &keyed[1..] {
            let in_order = if best_first {
                band.1 < previous.1
            } else {
                band.1 > previous.1
            };
            if in_order {
                previous = band;
                continue;
            }
            let shown = |(k, _, key): &(usize, (f64, bool), &str)| {
                let def = &defs[*k];
                let value = def
                    .min
                    .or(def.above)
                    .unwrap_or(f64::from(def.max_rank.unwrap_or(0)));
                format!(
                    "{key} = {}",
                    msg::figure_at(value, vi::written_decimals(value))
                )
            };
            let message = msg::band_out_of_order(
                &defs[band.0].id,
                &shown(band),
                &defs[previous.0].id,
                &shown(previous),
            );
            let mut path = prefix.to_vec();
            path.extend([Seg::Index(band.0), Seg::Key(band.2)]);
            let d = self.at(file, &path, message, msg::hint_band_out_of_order());
            self.diagnostics.push(d);
        }
    }

    /// The band of each line: derived from its score or rank; or stated,
    /// and then checked against the derived one where that can be derived
    /// (an error unless `band_disputed` says why the publication is kept).
    /// Runs once ranks are known, before the rows are sorted.
    pub(super) fn band_rows(
        &mut self,
        file: &ResultsFile,
        file_index: usize,
        table: &mut Table,
        site: &Site,
    ) {
        use Seg::{Index, Key};
        for row in &mut table.rows {
            let unit = site.units[row.unit].id.as_str();
            let Some(result) = file.results.get(row.entry) else {
                continue;
            };
            let path = |key| [Key("result"), Index(row.entry), Key(key)];
            let banded = banded_at(row, table.decimals);
            let derived = derive_band(&table.bands, row.basis(), row.rank, banded);
            let Some(stated_id) = result.band.as_deref() else {
                if result.band_disputed.is_some() {
                    let d = self.at(
                        file_index,
                        &path("band_disputed"),
                        msg::band_disputed_without_band(unit),
                        msg::hint_band_disputed(),
                    );
                    self.diagnostics.push(d);
                }
                row.band = derived.map(|band| RowBand {
                    band,
                    stated: false,
                    disputed: None,
                });
                continue;
            };
            let Some(stated) = table.bands.iter().position(|b| b.id == stated_id) else {
                let hint = band_hint(&table.bands, stated_id);
                let d = self.at(
                    file_index,
                    &path("band"),
                    msg::undefined_band(stated_id),
                    hint,
                );
                self.diagnostics.push(d);
                continue;
            };
            // Whether the line holds what its stated band is decided by.
            let derivable = match table.bands[stated].threshold {
                Threshold::Min(_) | Threshold::Above(_) => row.value.is_some(),
                Threshold::MaxRank(_) => row.rank.is_some(),
                Threshold::Stated => derived.is_some(),
            };
            let agrees = !derivable || derived == Some(stated);
            // A band the publication gave by its own disputed percent is
            // kept as disputed by the line's note.
            let by_published = row
                .disputed
                .as_ref()
                .filter(|_| !agrees && result.band_disputed.is_none())
                .filter(|_| derive_band(&table.bands, row.value, row.rank, banded) == Some(stated))
                .map(|published| (derived, published.note.clone()));
            let disputed = match (&result.band_disputed, agrees) {
                (None, false) if by_published.is_some() => by_published,
                // A band stated only is checked against the other lines'
                // (`check_stated_band_order`), where its note applies.
                (Some(_), true) if !derivable => None,
                (Some(_), true) => {
                    self.warn_at(
                        file_index,
                        &path("band_disputed"),
                        msg::band_disputed_agrees(unit),
                        msg::hint_remove_disputed(),
                    );
                    None
                }
                (Some(note), false) => Some((derived, note.clone())),
                (None, true) => None,
                (None, false) => {
                    // What decided: the derived band's threshold, or the
                    // stated one's when the line reaches none.
                    let decided = derived.unwrap_or(stated);
                    let basis = match (table.bands[decided].threshold, row.basis()) {
                        (Threshold::MaxRank(_), _) | (_, None) => {
                            msg::basis_rank(row.rank.unwrap_or_default())
                        }
                        (_, Some(v)) => msg::basis_score(&msg::figure_at(v, row.decimals)),
                    };
                    let message = match derived {
                        Some(d) => {
                            msg::stated_band_differs(unit, stated_id, &basis, &table.bands[d].id)
                        }
                        None => msg::stated_band_unreached(unit, stated_id, &basis),
                    };
                    let d = self.at(
                        file_index,
                        &path("band"),
                        message,
                        msg::hint_band_is_derived(),
                    );
                    self.diagnostics.push(d);
                    None
                }
            };
            row.band = Some(RowBand {
                band: stated,
                stated: true,
                disputed,
            });
        }
        self.check_stated_band_order(file, file_index, table, site);
    }

    /// A line stating only its band, in a table whose bands follow from a
    /// score and whose other lines have one, is likely a score left out
    /// (a blank cell copied): a warning, as it is left out of the ranking
    /// and the average.
    pub(super) fn check_band_without_score(
        &mut self,
        file_index: usize,
        table: &Table,
        site: &Site,
    ) {
        let by_score = table.bands.iter().any(|b| b.threshold.score().is_some());
        let scored = table.rows.iter().filter(|r| r.value.is_some()).count();
        if !by_score || scored == 0 {
            return;
        }
        for row in table.rows.iter().filter(|r| r.is_band_only()) {
            let Some(band) = &row.band else { continue };
            let path = [Seg::Key("result"), Seg::Index(row.entry), Seg::Key("band")];
            let message = msg::band_without_score(
                &site.units[row.unit].id,
                &table.bands[band.band].id,
                scored,
            );
            self.warn_at(file_index, &path, message, msg::hint_band_without_score());
        }
    }

    /// Bands only stated line by line (quartile groups with no published
    /// cut-off) are defined best first: a line stating a better band than
    /// a line scoring higher is an error, unless its `band_disputed` keeps
    /// it. The lines blamed are the fewest that put the rest in order
    /// ([`super::band_order`]), each named once with the nearest line it
    /// contradicts.
    fn check_stated_band_order(
        &mut self,
        file: &ResultsFile,
        file_index: usize,
        table: &Table,
        site: &Site,
    ) {
        if table.bands.is_empty() || table.bands.iter().any(|b| b.threshold != Threshold::Stated) {
            return;
        }
        let banded: Vec<(i64, usize, &Row)> = table
            .rows
            .iter()
            .filter_map(|r| {
                let band = r
                    .band
                    .as_ref()
                    .filter(|_| {
                        file.results
                            .get(r.entry)
                            .is_some_and(|l| l.band_disputed.is_none())
                    })
                    .filter(|b| b.stated)?;
                Some((vi::scaled(r.basis()?, table.decimals), band.band, r))
            })
            .collect();
        let lines: Vec<(i64, usize)> = banded.iter().map(|&(s, b, _)| (s, b)).collect();
        for found in band_order::out_of_order(&lines) {
            let (_, band, row) = banded[found.line];
            let (_, other_band, other) = banded[found.against];
            let unit = &site.units[row.unit].id;
            let shown = |r: &Row| msg::figure_at(r.basis().unwrap_or_default(), r.decimals);
            let other_line = self.line_of(file_index, other.entry, "band");
            let (score, other_score) = (shown(row), shown(other));
            let (band, other_band) = (&table.bands[band].id, &table.bands[other_band].id);
            let other = &site.units[other.unit].id;
            let more = match (found.contradicts - 1, found.too_good) {
                (0, _) => String::new(),
                (1, true) => msg::one_more_scoring_higher(),
                (n, true) => msg::more_scoring_higher(n),
                (1, false) => msg::one_more_scoring_lower(),
                (n, false) => msg::more_scoring_lower(n),
            };
            let say = if found.too_good {
                msg::stated_band_above
            } else {
                msg::stated_band_below
            };
            let message = say(
                unit,
                &score,
                band,
                other,
                &other_score,
                other_line,
                other_band,
                &more,
            );
            let path = [Seg::Key("result"), Seg::Index(row.entry), Seg::Key("band")];
            let d = self.at(file_index, &path, message, msg::hint_stated_band_order());
            self.diagnostics.push(d);
        }
    }

    /// The table's top band (complete tables) and its published band
    /// counts, each checked: in a complete table against the count derived
    /// from it, in a partial one for what can be (at most "of", "of" equal
    /// to the table's, at least the lines listed that reach it).
    pub(super) fn band_counts(
        &mut self,
        file: &ResultsFile,
        file_index: usize,
        table: &mut Table,
        site: &Site,
    ) {
        let ranked_values: Vec<(f64, u32)> = table
            .rows
            .iter()
            .filter(|r| counts(r))
            .filter_map(|r| Some((r.basis()?, banded_at(r, table.decimals))))
            .collect();
        if table.complete {
            table.top_band = top_band(&table.bands, table.decimals).and_then(|band| {
                let (threshold, strict) = table.bands[band].threshold.score()?;
                let rated_in_band = table
                    .rows
                    .iter()
                    .filter(|r| r.is_band_only() && r.band.as_ref().is_some_and(|b| b.band == band))
                    .count();
                Some(TopBand {
                    band,
                    threshold,
                    strict,
                    count: count_reaching(&ranked_values, table.bands[band].threshold)
                        + rated_in_band,
                })
            });
        }
        let mut read = Vec::new();
        for (k, stated) in file.band_counts.iter().enumerate() {
            if let Some(count) = self.band_count(file_index, table, (k, stated), site) {
                read.push((k, count.counted, count.count));
                table.band_counts.push(count);
            }
        }
        self.check_counts_agree(file_index, table, &read);
    }

    /// Warns when two published counts of a table contradict each other:
    /// more units from a threshold, or in a band starting at it, than from
    /// a lower one ("5 đơn vị Xuất sắc (từ 90%)" beside "4 đơn vị đạt từ
    /// 80%"). `read` holds each count read, with its place in the file.
    fn check_counts_agree(
        &mut self,
        file_index: usize,
        table: &Table,
        read: &[(usize, Counted, u32)],
    ) {
        let from = |counted: Counted| match counted {
            Counted::Score(t) => t.score(),
            Counted::Band(b) => table.bands[b].threshold.score(),
        };
        for &(k, counted, count) in read {
            let Some(stricter) = from(counted) else {
                continue;
            };
            // Against every count of all the units from a lower threshold.
            let wider = read.iter().find(|&&(j, other, other_count)| {
                let Counted::Score(t) = other else {
                    return false;
                };
                j != k && other_count < count && t.score().is_some_and(|lower| lower <= stricter)
            });
            if let Some(&(_, wider, wider_count)) = wider {
                let (Some(what), Some(wider_what)) =
                    (counted_text(table, counted), counted_text(table, wider))
                else {
                    continue;
                };
                let path = [Seg::Key("band_count"), Seg::Index(k), Seg::Key("count")];
                self.warn_at(
                    file_index,
                    &path,
                    msg::band_counts_contradict(&what, count, &wider_what, wider_count),
                    msg::hint_band_counts_contradict(),
                );
            }
        }
    }

    /// One published band count, checked; `None` when it cannot be read.
    fn band_count(
        &mut self,
        file_index: usize,
        table: &Table,
        (k, stated): (usize, &BandCountDef),
        site: &Site,
    ) -> Option<BandCount> {
        use Seg::{Index, Key};
        let path = |key| [Key("band_count"), Index(k), Key(key)];
        let given: Vec<&'static str> = [
            ("band", stated.band.is_some()),
            ("min", stated.min.is_some()),
            ("above", stated.above.is_some()),
        ]
        .into_iter()
        .filter_map(|(key, given)| given.then_some(key))
        .collect();
        let counted = match (&given[..], &stated.band, stated.min, stated.above) {
            ([], ..) => {
                let d = self.at(
                    file_index,
                    &path("count"),
                    msg::band_count_counts_nothing(),
                    msg::hint_band_count_what(),
                );
                self.diagnostics.push(d);
                return None;
            }
            ([first, second, ..], ..) => {
                let d = self.at(
                    file_index,
                    &path(second),
                    msg::band_count_counts_two(first, second),
                    msg::hint_band_count_what(),
                );
                self.diagnostics.push(d);
                return None;
            }
            (_, Some(id), ..) => {
                let Some(b) = table.bands.iter().position(|b| &b.id == id) else {
                    let d = self.at(
                        file_index,
                        &path("band"),
                        msg::undefined_band(id),
                        band_hint(&table.bands, id),
                    );
                    self.diagnostics.push(d);
                    return None;
                };
                Counted::Band(b)
            }
            (_, None, Some(min), _) => Counted::Score(Threshold::Min(min)),
            (_, None, None, Some(above)) => Counted::Score(Threshold::Above(above)),
            (_, None, None, None) => return None,
        };
        let what = counted_text(table, counted)?;
        if let Counted::Score(t) = counted {
            let (value, _) = t.score()?;
            if !value.is_finite() {
                let key = given[0];
                let d = self.at(
                    file_index,
                    &path(key),
                    msg::not_a_number(key),
                    msg::hint_write_number(),
                );
                self.diagnostics.push(d);
                return None;
            }
        }
        let lines: Vec<&Row> = table.rows.iter().filter(|r| counts(r)).collect();
        let listed = lines
            .iter()
            .filter(|r| match counted {
                // The table's own bands, not a stated one kept against it.
                Counted::Band(b) => r.band.as_ref().is_some_and(|rb| rb.table_band() == Some(b)),
                Counted::Score(t) => r
                    .basis()
                    .is_some_and(|v| score_reaches(t, v, banded_at(r, table.decimals))),
            })
            .count() as u32;
        if let (Some(of), Some(ranked)) = (stated.of, table.rated()) {
            if of != ranked {
                let d = self.at(
                    file_index,
                    &path("of"),
                    msg::band_count_of_differs(of, ranked),
                    msg::hint_band_count_of(),
                );
                self.diagnostics.push(d);
            }
        }
        if let Some(of) = stated.of.or(table.rated()) {
            if stated.count > of {
                let d = self.at(
                    file_index,
                    &path("count"),
                    msg::band_count_above_of(&what, stated.count, of),
                    msg::hint_band_count_at_most_of(),
                );
                self.diagnostics.push(d);
                return None;
            }
        }
        // The count the table gives, when it gives one: a complete table
        // does, except for a stated-only band some ranked line has no band
        // for, or a count by score when some line states only its band.
        let exact = table.complete
            && match counted {
                Counted::Band(b) => {
                    table.bands[b].threshold != Threshold::Stated
                        || lines.iter().all(|r| r.band.is_some())
                }
                Counted::Score(_) => lines.iter().all(|r| r.value.is_some()),
            };
        let (agrees, message, hint) = if exact {
            (
                listed == stated.count,
                msg::band_count_differs(&what, stated.count, listed),
                with_disputed_percents(msg::hint_band_count_checked(), table, site),
            )
        } else {
            (
                listed <= stated.count,
                msg::band_count_below_listed(&what, stated.count, listed),
                msg::hint_band_count_below_listed(),
            )
        };
        match (&stated.disputed, agrees) {
            (None, false) => {
                let d = self.at(file_index, &path("count"), message, hint);
                self.diagnostics.push(d);
            }
            (Some(_), true) => self.warn_at(
                file_index,
                &path("disputed"),
                msg::band_count_disputed_agrees(),
                msg::hint_remove_disputed(),
            ),
            _ => {}
        }
        Some(BandCount {
            counted,
            count: stated.count,
            of: stated.of,
            confirmed: exact && agrees,
            derived: (exact && !agrees).then_some(listed),
            disputed: stated.disputed.clone().filter(|_| !agrees),
        })
    }
}

/// The worse of two (band, line) pairs: the band further down the list.
/// A hint for a band id that is not one of `bands`.
fn band_hint(bands: &[Band], wrong: &str) -> String {
    if bands.is_empty() {
        return msg::hint_no_bands();
    }
    match closest(wrong, bands.iter().map(|b| b.id.as_str())) {
        Some(near) => msg::hint_did_you_mean(near),
        None => {
            let list: Vec<String> = bands.iter().map(|b| format!("`{}`", b.id)).collect();
            msg::hint_bands_defined(&list.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(id: &str, threshold: Threshold) -> Band {
        Band {
            id: id.to_owned(),
            name: id.to_uppercase(),
            threshold,
        }
    }

    fn id(bands: &[Band], i: Option<usize>) -> Option<&str> {
        i.map(|i| bands[i].id.as_str())
    }

    #[test]
    fn score_bands_use_the_highest_threshold_reached() {
        use Threshold::Min;
        let bands = [
            band("b", Min(80.0)),
            band("a", Min(90.0)),
            band("c", Min(70.0)),
        ];
        let cases = [
            (95.0, Some("a")),
            (90.0, Some("a")),
            (89.999, Some("a")), // prints as 90,00
            (89.99, Some("b")),
            (70.0, Some("c")),
            (69.99, None),
        ];
        for (value, want) in cases {
            let got = derive_band(&bands, Some(value), Some(1), 2);
            assert_eq!(id(&bands, got), want, "{value}");
        }
        assert_eq!(derive_band(&bands, None, Some(1), 2), None);
        assert_eq!(top_band(&bands, 2), Some(1));
        assert_eq!(top_band(&[], 2), None);
    }

    #[test]
    fn strict_thresholds_exclude_the_boundary() {
        use Threshold::{Above, Min};
        let bands = [band("tren-90", Above(90.0)), band("tu-80", Min(80.0))];
        let cases = [
            (90.01, Some("tren-90")),
            (90.0, Some("tu-80")),
            (90.004, Some("tu-80")), // prints as 90,00: not above 90
            (80.0, Some("tu-80")),
            (79.99, None),
        ];
        for (value, want) in cases {
            let got = derive_band(&bands, Some(value), None, 2);
            assert_eq!(id(&bands, got), want, "{value}");
        }
        // "trên 90" is harder to reach than "từ 90".
        let both = [band("tu-90", Min(90.0)), band("tren-90", Above(90.0))];
        assert_eq!(id(&both, top_band(&both, 2)), Some("tren-90"));
        assert_eq!(
            id(&both, derive_band(&both, Some(90.0), None, 2)),
            Some("tu-90")
        );
        assert_eq!(
            id(&both, derive_band(&both, Some(91.0), None, 2)),
            Some("tren-90")
        );
        let at = |values: &[f64], d: u32| values.iter().map(|&v| (v, d)).collect::<Vec<_>>();
        assert_eq!(count_reaching(&at(&[90.0, 90.01, 89.0], 2), Above(90.0)), 1);
        assert_eq!(count_reaching(&at(&[90.0, 89.995, 89.99], 2), Min(90.0)), 2);
        // 89,995 printed on its line at 3 decimals does not reach 90.
        assert_eq!(count_reaching(&[(90.0, 2), (89.995, 3)], Min(90.0)), 1);
    }

    #[test]
    fn rank_bands_use_the_smallest_max_rank_within() {
        use Threshold::MaxRank;
        let bands = [band("top-10", MaxRank(10)), band("top-3", MaxRank(3))];
        let cases = [
            (Some(1), Some("top-3")),
            (Some(3), Some("top-3")),
            (Some(4), Some("top-10")),
            (Some(10), Some("top-10")),
            (Some(11), None),
            (None, None),
        ];
        for (rank, want) in cases {
            let got = derive_band(&bands, Some(50.0), rank, 2);
            assert_eq!(id(&bands, got), want, "{rank:?}");
        }
        assert_eq!(top_band(&bands, 2), None);
    }

    #[test]
    fn stated_bands_are_never_derived() {
        let bands = [
            band("cao-nhat", Threshold::Stated),
            band("thap-nhat", Threshold::Stated),
        ];
        assert_eq!(derive_band(&bands, Some(99.0), Some(1), 2), None);
        assert_eq!(top_band(&bands, 2), None);
    }

    #[test]
    fn definitions_keep_one_threshold() {
        let def = |min, above, max_rank| BandDef {
            id: "a".into(),
            name: "A".into(),
            min,
            above,
            max_rank,
        };
        assert_eq!(
            super::band(&def(Some(90.0), None, None)).threshold,
            Threshold::Min(90.0)
        );
        assert_eq!(
            super::band(&def(None, Some(90.0), None)).threshold,
            Threshold::Above(90.0)
        );
        assert_eq!(
            super::band(&def(None, None, Some(10))).threshold,
            Threshold::MaxRank(10)
        );
        assert_eq!(
            super::band(&def(None, None, None)).threshold,
            Threshold::Stated
        );
    }
}

/// The checks on whole tables, on assembled sites.
#[cfg(test)]
mod table_tests {
    use crate::model::tests::{ok, row, site};

    const PATH: &str = "data/results/2023/par.toml";

    /// A complete 2023 table of group `tinh` (Thanh Hóa, Nghệ An, Hà Tĩnh,
    /// Đà Nẵng), with `head` before the rows.
    fn complete(head: &str, rows: &[(&str, &str)]) -> String {
        let rows: String = rows.iter().map(|(u, rest)| row(u, rest)).collect();
        format!("index = \"par\"\nyear = 2023\ngroup = \"tinh\"\ncomplete = true\n{head}\n{rows}")
    }

    fn partial(head: &str, rows: &[(&str, &str)]) -> String {
        let rows: String = rows.iter().map(|(u, rest)| row(u, rest)).collect();
        format!("index = \"par\"\nyear = 2023\ngroup = \"tinh\"\n{head}\n{rows}")
    }

    /// The errors and warnings of a site with this one table, as printed.
    fn problems(table: &str) -> String {
        let (_, diagnostics) = site(&[(PATH, table)]);
        diagnostics.to_string()
    }

    const QUARTILES: &str =
        "[[band]]\nid = \"cao\"\nname = \"Cao\"\n[[band]]\nid = \"thap\"\nname = \"Thấp\"\n";

    #[test]
    fn a_stated_only_band_is_counted_exactly_once_every_line_states_one() {
        let rows = [
            ("thanh-hoa", "score = 80\nband = \"cao\""),
            ("nghe-an", "score = 70\nband = \"cao\""),
            ("ha-tinh", "score = 60\nband = \"thap\""),
            ("da-nang", "score = 50\nband = \"thap\""),
        ];
        let head = format!("{QUARTILES}[[band_count]]\nband = \"cao\"\ncount = 3\n");
        let found = problems(&complete(&head, &rows));
        assert!(
            found.contains(
                "the number of units in band `cao` is stated as 3, but the table gives 2"
            ),
            "{found}"
        );
        // One line without a band: the count is only bounded below.
        let mut rows = rows;
        rows[3].1 = "score = 50";
        let site = ok(&[(PATH, &complete(&head, &rows))]);
        let t = &site.tables.as_slice()[0];
        assert_eq!(t.band_counts[0].count, 3);
        assert_eq!(t.band_counts[0].derived, None);
        let head = format!("{QUARTILES}[[band_count]]\nband = \"cao\"\ncount = 1\n");
        let found = problems(&complete(&head, &rows));
        assert!(found.contains("already lists 2 such units"), "{found}");
    }

    #[test]
    fn partial_tables_check_what_they_can() {
        let rows = [
            ("ha-tinh", "score = 95\nrank = 3\nof = 63"),
            ("nghe-an", "score = 92\nrank = 5\nof = 63"),
        ];
        let ok_head = "[[band_count]]\nmin = 90\ncount = 12\nof = 63\n";
        let site = ok(&[(PATH, &partial(ok_head, &rows))]);
        let t = &site.tables.as_slice()[0];
        assert_eq!(
            (t.band_counts[0].count, t.band_counts[0].of),
            (12, Some(63))
        );
        let below = problems(&partial("[[band_count]]\nmin = 90\ncount = 1\n", &rows));
        assert!(below.contains("already lists 2 such units"), "{below}");
        let of = problems(&partial(
            "[[band_count]]\nmin = 90\ncount = 3\nof = 61\n",
            &rows,
        ));
        assert!(
            of.contains("the `of` of `band_count` is 61, but the table ranks or rates 63"),
            "{of}"
        );
        let above = problems(&partial("[[band_count]]\nabove = 90\ncount = 64\n", &rows));
        assert!(above.contains("more than the 63 units ranked"), "{above}");
    }

    #[test]
    fn units_not_ranked_count_in_no_band() {
        let rows = [
            ("thanh-hoa", "score = 95"),
            ("nghe-an", "score = 91"),
            ("ha-tinh", "score = 85"),
            ("da-nang", "score = 99\nnot_ranked = \"Không đủ dữ liệu\""),
        ];
        let head = "[[band_count]]\nmin = 90\ncount = 2\nof = 3\n";
        let site = ok(&[(PATH, &complete(head, &rows))]);
        let t = &site.tables.as_slice()[0];
        assert_eq!(t.top_band.map(|top| top.count), Some(2));
    }

    #[test]
    fn a_stated_only_band_disagrees_with_a_score_band_reached() {
        let bands = "[[band]]\nid = \"a\"\nname = \"A\"\nmin = 90\n[[band]]\nid = \"khac\"\nname = \"Khác\"\n";
        let rows = [
            ("thanh-hoa", "score = 95\nband = \"khac\""),
            ("nghe-an", "score = 80\nband = \"khac\""),
            ("ha-tinh", "score = 85"),
            ("da-nang", "score = 70"),
        ];
        let found = problems(&complete(bands, &rows));
        assert!(
            found.contains("`thanh-hoa` is stated to be in band `khac`, but its score of 95.00 puts it in band `a`"),
            "{found}"
        );
        assert_eq!(found.matches("error").count(), 1, "{found}");
    }

    #[test]
    fn malformed_counts_and_bands_are_located_errors() {
        let rows = [
            ("thanh-hoa", "score = 95"),
            ("nghe-an", "score = 80"),
            ("ha-tinh", "score = 85"),
            ("da-nang", "score = 70"),
        ];
        let two = problems(&complete(
            "[[band_count]]\nband = \"a\"\nmin = 90\ncount = 1\n",
            &rows,
        ));
        assert!(two.contains("has both `band` and `min`"), "{two}");
        assert!(two.contains("par.toml:7:7"), "{two}");
        let none = problems(&complete("[[band_count]]\ncount = 1\n", &rows));
        assert!(none.contains("does not say what it counts"), "{none}");
        let mixed = "[[band]]\nid = \"a\"\nname = \"A\"\nmin = 90\n[[band]]\nid = \"top\"\nname = \"Top\"\nmax_rank = 3\n";
        let found = problems(&complete(mixed, &rows));
        assert!(found.contains("band `top` is by rank"), "{found}");
        let zero = "[[band]]\nid = \"top\"\nname = \"Top\"\nmax_rank = 0\n[[band]]\nid = \"top\"\nname = \"Top\"\nmax_rank = 3\n";
        let found = problems(&complete(zero, &rows));
        assert!(found.contains("`max_rank = 0`"), "{found}");
        assert!(found.contains("band `top` is defined twice"), "{found}");
        let orphan = problems(&complete(
            "",
            &[("thanh-hoa", "score = 95\nband_disputed = \"?\"")],
        ));
        assert!(
            orphan.contains("has `band_disputed` but no `band`"),
            "{orphan}"
        );
    }
}
