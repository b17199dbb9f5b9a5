//! Regional figures of a table: each region's (or category's) average and
//! its rank among the regions of its scheme, ties sharing a rank.
//!
//! In a complete table they are derived from the units' scores (the
//! regions' averages of `ranking`) and every published figure of the
//! table's `[[region]]` list is checked against them. In a partial table
//! the published figures are held as they are, and checked only for what
//! cannot be: a rank above its "of", ranks against averages, schemes whose
//! regions disagree on how many were ranked. Regional ranks of the lines of
//! a partial table are checked the same way against the lines' scores.

use std::collections::BTreeMap;

use super::assemble::{suggest, Context};
use super::derive;
use super::{Index, PublishedRegion, RegionFigure, RegionId, Site, Standing, Table};
use crate::data::schema::{RegionFigureDef, ResultsFile};
use crate::locate::Seg;
use crate::messages as msg;
use crate::vi::{scaled, written_decimals};

/// Whether `a` ranks above `b` (-1), with it (0) or below it (1): on the
/// index's direction, at the coarser of the two precisions.
fn order(a: (f64, u32), b: (f64, u32), higher_is_better: bool) -> std::cmp::Ordering {
    let decimals = a.1.min(b.1);
    let (a, b) = (scaled(a.0, decimals), scaled(b.0, decimals));
    if higher_is_better {
        b.cmp(&a)
    } else {
        a.cmp(&b)
    }
}

/// Whether two ranks are in the order their values are (ties share).
fn consistent(values: std::cmp::Ordering, a: u32, b: u32) -> bool {
    use std::cmp::Ordering::*;
    match values {
        Less => a < b,
        Equal => a == b,
        Greater => a > b,
    }
}

impl Context<'_> {
    /// In a partial table, the regional ranks of lines of the same region
    /// follow their scores and share their "of".
    pub(super) fn check_partial_regional(
        &mut self,
        def: &Index,
        file_index: usize,
        table: &Table,
        site: &Site,
    ) {
        // (region) → (line's entry, position in its `regional`, value, rank, of)
        type Stated = (usize, usize, Option<(f64, u32)>, u32, Option<u32>);
        let mut by_region: BTreeMap<RegionId, Vec<(Stated, &str)>> = BTreeMap::new();
        for row in &table.rows {
            for (k, r) in row.regional.iter().enumerate() {
                let value = row.basis().map(|v| (v, row.decimals));
                let unit = site.units[row.unit].id.as_str();
                by_region
                    .entry(r.region)
                    .or_default()
                    .push(((row.entry, k, value, r.rank, r.of), unit));
            }
        }
        for (region, lines) in by_region {
            let region = site.regions[region].id.as_str();
            for (i, &((entry, k, value, rank, of), unit)) in lines.iter().enumerate() {
                let path = |key| {
                    [
                        Seg::Key("result"),
                        Seg::Index(entry),
                        Seg::Key("regional"),
                        Seg::Index(k),
                        Seg::Key(key),
                    ]
                };
                // Each line against the earlier ones, reported once.
                let earlier = &lines[..i];
                let out_of_order = earlier.iter().find(|((_, _, v, r, _), _)| {
                    matches!((value, v), (Some(a), Some(b))
                        if !consistent(order(a, *b, def.higher_is_better), rank, *r))
                });
                if let Some(&((_, _, _, other_rank, _), other)) = out_of_order {
                    let message =
                        msg::regional_ranks_out_of_order(unit, rank, other, other_rank, region);
                    let d = self.at(
                        file_index,
                        &path("rank"),
                        message,
                        msg::hint_ranks_follow_scores(),
                    );
                    self.diagnostics.push(d);
                }
                let other_of = earlier
                    .iter()
                    .find(|((_, _, _, _, o), _)| matches!((of, o), (Some(a), Some(b)) if a != *b));
                if let (Some(of), Some(&((_, _, _, _, Some(o)), other))) = (of, other_of) {
                    let message = msg::regional_of_differs(unit, of, other, o, region);
                    let d = self.at(file_index, &path("of"), message, msg::hint_same_of());
                    self.diagnostics.push(d);
                }
            }
        }
    }

    /// The table's regional figures: derived and checked against the
    /// published ones in a complete table, as published in a partial one.
    pub(super) fn region_figures(
        &mut self,
        def: &Index,
        file: &ResultsFile,
        file_index: usize,
        table: &mut Table,
        site: &Site,
    ) {
        let mut figures: Vec<RegionFigure> = if file.complete {
            derived_figures(def, table, site)
        } else {
            Vec::new()
        };
        let mut seen = BTreeMap::new();
        for (k, stated) in file.regions.iter().enumerate() {
            let path = |key| [Seg::Key("region"), Seg::Index(k), Seg::Key(key)];
            let Some(&region) = self.ids.regions.get(&stated.id) else {
                let hint = suggest(&self.ids.regions, &stated.id, "region");
                let d = self.at(
                    file_index,
                    &path("id"),
                    msg::undefined("region", &stated.id),
                    hint,
                );
                self.diagnostics.push(d);
                continue;
            };
            if seen.insert(region, k).is_some() {
                let d = self.at(
                    file_index,
                    &path("id"),
                    msg::region_figure_twice(&stated.id),
                    msg::hint_one_figure_per_region(),
                );
                self.diagnostics.push(d);
                continue;
            }
            if !self.stated_figure_can_be(stated, file_index, k) {
                continue;
            }
            let published = PublishedRegion {
                average: stated.average,
                rank: stated.rank,
                of: stated.of,
            };
            if !file.complete {
                figures.push(RegionFigure {
                    region,
                    average: stated.average,
                    rank: stated.rank,
                    of: stated.of,
                    published: Some(published),
                    disputed: stated.disputed.clone(),
                    standing: Standing::Underived,
                });
                continue;
            }
            let Some(figure) = figures.iter_mut().find(|f| f.region == region) else {
                let d = self.at(
                    file_index,
                    &path("id"),
                    msg::region_not_in_table(&stated.id),
                    msg::hint_region_members(),
                );
                self.diagnostics.push(d);
                continue;
            };
            figure.published = Some(published);
            figure.disputed = stated.disputed.clone();
            figure.standing = self.check_region_figure(def, file_index, k, stated, figure);
        }
        if !file.complete {
            self.check_published_regions(def, file, file_index, &figures, site);
        }
        figures.sort_by_key(|f| f.region);
        table.region_figures = figures;
    }

    /// Reports a published regional figure that cannot be: no figure at
    /// all, an average that is not a number, a rank or "of" of 0, a rank
    /// above its "of". Whether it can be kept.
    fn stated_figure_can_be(
        &mut self,
        stated: &RegionFigureDef,
        file_index: usize,
        k: usize,
    ) -> bool {
        let path = |key| [Seg::Key("region"), Seg::Index(k), Seg::Key(key)];
        let before = self.diagnostics.error_count();
        let problems = [
            (stated.average.is_none() && stated.rank.is_none()).then(|| {
                (
                    "id",
                    msg::region_figure_empty(&stated.id),
                    msg::hint_region_figure(),
                )
            }),
            stated.average.filter(|a| !a.is_finite()).map(|_| {
                (
                    "average",
                    msg::not_a_number("average"),
                    msg::hint_write_number(),
                )
            }),
            (stated.rank == Some(0)).then(|| {
                (
                    "rank",
                    msg::zero_rank(&stated.id, "rank"),
                    msg::hint_rank_from_one(),
                )
            }),
            (stated.of == Some(0)).then(|| {
                (
                    "of",
                    msg::zero_rank(&stated.id, "of"),
                    msg::hint_rank_from_one(),
                )
            }),
            stated
                .rank
                .zip(stated.of)
                .filter(|&(rank, of)| of > 0 && rank > of)
                .map(|(rank, of)| {
                    (
                        "rank",
                        msg::rank_above_of(&stated.id, rank, of),
                        msg::hint_rank_at_most_of(),
                    )
                }),
        ];
        for (key, message, hint) in problems.into_iter().flatten() {
            let d = self.at(file_index, &path(key), message, hint);
            self.diagnostics.push(d);
        }
        self.diagnostics.error_count() == before
    }

    /// A published figure of a complete table against the derived one.
    fn check_region_figure(
        &mut self,
        def: &Index,
        file_index: usize,
        k: usize,
        stated: &RegionFigureDef,
        derived: &RegionFigure,
    ) -> Standing {
        let path = |key| [Seg::Key("region"), Seg::Index(k), Seg::Key(key)];
        let id = stated.id.as_str();
        let mut differences = Vec::new();
        if let (Some(published), Some(average)) = (stated.average, derived.average) {
            let at = path("average");
            if !self.agrees_as_written(file_index, &at, published, average, def.decimals) {
                let written = self.decimals_as_written(file_index, &at, published);
                let message = msg::region_average_differs(
                    id,
                    &msg::figure_at(published, written),
                    &msg::figure_at(average, def.decimals),
                );
                differences.push((path("average"), message));
            }
        }
        if let (Some(rank), Some(computed), Some(of)) = (stated.rank, derived.rank, derived.of) {
            if rank != computed {
                let message = msg::region_rank_differs(id, rank, computed, of);
                differences.push((path("rank"), message));
            }
        }
        if let (Some(stated_of), Some(of)) = (stated.of, derived.of) {
            if stated_of != of {
                differences.push((path("of"), msg::region_of_differs(id, stated_of, of)));
            }
        }
        if differences.is_empty() {
            if stated.disputed.is_some() {
                self.warn_disputed_agrees(file_index, &path("disputed"));
            }
            return Standing::Agrees;
        }
        if stated.disputed.is_some() {
            return Standing::Disputed;
        }
        for (path, message) in differences {
            let d = self.at(
                file_index,
                &path,
                message,
                msg::hint_region_figure_differs(),
            );
            self.diagnostics.push(d);
        }
        // The build stops on these errors: nothing is shown.
        Standing::Underived
    }

    /// In a partial table, the published regions of one scheme: ranks
    /// follow averages, and they agree on how many regions were ranked.
    fn check_published_regions(
        &mut self,
        def: &Index,
        file: &ResultsFile,
        file_index: usize,
        figures: &[RegionFigure],
        site: &Site,
    ) {
        let entry_of = |region: RegionId| {
            file.regions
                .iter()
                .position(|s| self.ids.regions.get(&s.id) == Some(&region))
        };
        let decimals = def.decimals;
        let mut problems = Vec::new();
        for (i, figure) in figures.iter().enumerate() {
            let scheme = &site.regions[figure.region].scheme;
            let earlier = figures[..i]
                .iter()
                .filter(|f| site.regions[f.region].scheme == *scheme);
            let id = site.regions[figure.region].id.as_str();
            for other in earlier {
                let other_id = site.regions[other.region].id.as_str();
                let written = |a: f64| (a, written_decimals(a).min(decimals));
                if let (Some(a), Some(b), Some(ra), Some(rb)) =
                    (figure.average, other.average, figure.rank, other.rank)
                {
                    if !consistent(order(written(a), written(b), def.higher_is_better), ra, rb) {
                        let message = msg::region_ranks_out_of_order(id, ra, other_id, rb);
                        problems.push((
                            figure.region,
                            "rank",
                            message,
                            msg::hint_ranks_follow_scores(),
                        ));
                        break;
                    }
                }
                if let (Some(a), Some(b)) = (figure.of, other.of) {
                    if a != b {
                        let message = msg::of_differs_in_scheme(id, a, other_id, b);
                        problems.push((figure.region, "of", message, msg::hint_same_of()));
                        break;
                    }
                }
            }
        }
        for (region, key, message, hint) in problems {
            let Some(k) = entry_of(region) else { continue };
            let path = [Seg::Key("region"), Seg::Index(k), Seg::Key(key)];
            let d = self.at(file_index, &path, message, hint);
            self.diagnostics.push(d);
        }
    }
}

/// Every region of a complete table with its average (from `ranking`) and
/// its rank among the regions of its scheme, by average.
fn derived_figures(def: &Index, table: &Table, site: &Site) -> Vec<RegionFigure> {
    let mut schemes: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, summary) in table.regions.iter().enumerate() {
        schemes
            .entry(site.regions[summary.region].scheme.as_str())
            .or_default()
            .push(i);
    }
    let mut figures: Vec<RegionFigure> = table
        .regions
        .iter()
        .map(|s| RegionFigure {
            region: s.region,
            average: s.average,
            rank: None,
            of: None,
            published: None,
            disputed: None,
            standing: Standing::Underived,
        })
        .collect();
    for members in schemes.values() {
        let keys: Vec<Option<i64>> = members
            .iter()
            .map(|&i| table.regions[i].average.map(|a| scaled(a, def.decimals)))
            .collect();
        let ranks = derive::competition_ranks(&keys, def.higher_is_better);
        let of = keys.iter().flatten().count() as u32;
        for (&i, rank) in members.iter().zip(ranks) {
            figures[i].rank = rank;
            figures[i].of = rank.map(|_| of);
        }
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering::{Equal, Greater, Less};

    #[test]
    fn values_are_ordered_at_the_coarser_precision() {
        let cases = [
            ((88.35, 2), (86.98, 2), true, Less),
            ((88.35, 2), (86.98, 2), false, Greater),
            // 85.31 published with one decimal is 85,3: a tie with 85,30.
            ((85.31, 1), (85.3, 2), true, Equal),
            ((85.31, 2), (85.3, 2), true, Less),
        ];
        for (a, b, higher, want) in cases {
            assert_eq!(order(a, b, higher), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn ranks_must_follow_values_and_ties_share() {
        let cases = [
            (Less, 1, 2, true),
            (Less, 2, 2, false),
            (Less, 3, 1, false),
            (Equal, 2, 2, true),
            (Equal, 2, 3, false),
            (Greater, 4, 1, true),
            (Greater, 1, 4, false),
        ];
        for (values, a, b, want) in cases {
            assert_eq!(consistent(values, a, b), want, "{values:?} {a} {b}");
        }
    }
}
