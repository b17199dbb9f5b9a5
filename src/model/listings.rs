//! Unordered lists a publication gives instead of ranks ("5 đơn vị có điểm
//! thấp nhất là A, B, C, D, E"; "top 3"), resolved and checked: in a
//! complete table the units must be exactly those at that end (ties
//! considered); in a partial table what can be is checked (the count, each
//! unit defined and in the group, a listed unit's stated rank within the
//! N at that end when "of" is known).

use std::collections::{BTreeMap, BTreeSet};

use super::assemble::{suggest, Context};
use super::{GroupId, Index, Listing, ListingEnd, Row, Site, Table, UnitId};
use crate::data::schema::{self, ResultsFile};
use crate::locate::Seg;
use crate::messages as msg;
use crate::vi::scaled;

/// Which units of a complete table's ranked lines may be in, and which must
/// be in, a list of the `count` at `end`: a unit must be in when its whole
/// tie group fits in the N, may be when the tie group straddles the N.
fn expected(
    def: &Index,
    rows: &[Row],
    end: ListingEnd,
    count: u32,
) -> (BTreeSet<UnitId>, BTreeSet<UnitId>) {
    let keys: Vec<(UnitId, i64)> = rows
        .iter()
        .filter(|r| r.not_ranked.is_none())
        .filter_map(|r| Some((r.unit, scaled(r.basis()?, def.decimals))))
        .collect();
    // Whether `a` is nearer the listed end than `b`.
    let nearer = |a: i64, b: i64| match (end, def.higher_is_better) {
        (ListingEnd::Top, true) | (ListingEnd::Bottom, false) => a > b,
        _ => a < b,
    };
    // Keys nearest the listed end first: a unit's place among them counts
    // the units ahead of it and those tied with it, by binary search.
    let mut order: Vec<i64> = keys.iter().map(|&(_, k)| k).collect();
    order.sort_unstable_by(|&a, &b| {
        if nearer(a, b) {
            std::cmp::Ordering::Less
        } else if nearer(b, a) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    });
    let (mut must, mut may) = (BTreeSet::new(), BTreeSet::new());
    for &(unit, key) in &keys {
        let ahead = order.partition_point(|&k| nearer(k, key));
        let tied = order[ahead..].partition_point(|&k| k == key);
        if ahead < count as usize {
            may.insert(unit);
            if ahead + tied <= count as usize {
                must.insert(unit);
            }
        }
    }
    (must, may)
}

impl Context<'_> {
    /// The table's listings, each resolved and checked; a listing with a
    /// unit that does not resolve is left out (its error is reported).
    pub(super) fn listings(
        &mut self,
        def: &Index,
        file: &ResultsFile,
        file_index: usize,
        table: &Table,
        site: &Site,
        group: GroupId,
    ) -> Vec<Listing> {
        if file.listings.is_empty() {
            return Vec::new();
        }
        // Each unit's line, by unit, looked up once per listed unit.
        let lines: BTreeMap<UnitId, &Row> = table.rows.iter().map(|r| (r.unit, r)).collect();
        let mut listings = Vec::new();
        for (k, listing) in file.listings.iter().enumerate() {
            let at = (k, listing, file_index);
            if let Some(resolved) = self.listing(def, file, at, (table, &lines), site, group) {
                listings.push(resolved);
            }
        }
        listings
    }

    #[allow(clippy::too_many_arguments)]
    fn listing(
        &mut self,
        def: &Index,
        file: &ResultsFile,
        (k, listing, file_index): (usize, &schema::Listing, usize),
        (table, lines): (&Table, &BTreeMap<UnitId, &Row>),
        site: &Site,
        group: GroupId,
    ) -> Option<Listing> {
        use Seg::{Index, Key};
        let errors_before = self.diagnostics.error_count();
        let path = |key| [Key("listing"), Index(k), Key(key)];
        let unit_path = |j| [Key("listing"), Index(k), Key("units"), Index(j)];
        let end = match listing.end {
            schema::ListingEnd::Top => ListingEnd::Top,
            schema::ListingEnd::Bottom => ListingEnd::Bottom,
        };
        if listing.count == 0 {
            let d = self.at(
                file_index,
                &path("count"),
                msg::listing_count_zero(&listing.label),
                msg::hint_listing_count(),
            );
            self.diagnostics.push(d);
        }
        let mut units = BTreeSet::new();
        for (j, id) in listing.units.iter().enumerate() {
            let Some(&unit) = self.ids.units.get(id) else {
                let hint = suggest(&self.ids.units, id, "unit");
                let d = self.at(file_index, &unit_path(j), msg::undefined("unit", id), hint);
                self.diagnostics.push(d);
                continue;
            };
            // A unit with no usual group may be ranked in any.
            let elsewhere = site.units[unit].group.is_some_and(|g| g != group);
            if !lines.contains_key(&unit) && elsewhere {
                let d = self.at(
                    file_index,
                    &unit_path(j),
                    msg::listed_unit_not_in_group(id, &site.groups[group].id),
                    msg::hint_listed_unit_in_group(),
                );
                self.diagnostics.push(d);
            }
            if !units.insert(unit) {
                let d = self.at(
                    file_index,
                    &unit_path(j),
                    msg::listed_twice(id, &listing.label),
                    msg::hint_listed_twice(),
                );
                self.diagnostics.push(d);
            }
        }
        if self.diagnostics.error_count() != errors_before {
            return None;
        }
        let disputed = listing.disputed.as_deref().filter(|n| !n.is_empty());
        let agrees = if file.complete {
            let (must, may) = expected(def, &table.rows, end, listing.count);
            let count_fits = units.len() == listing.count as usize || units == may;
            let agrees = count_fits && must.is_subset(&units) && units.is_subset(&may);
            if !agrees && disputed.is_none() {
                let ids = |set: &mut dyn Iterator<Item = &UnitId>| {
                    set.map(|&u| site.units[u].id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let mut expected = ids(&mut must.iter());
                let tied: BTreeSet<UnitId> = may.difference(&must).copied().collect();
                if !tied.is_empty() {
                    let left = listing.count as usize - must.len();
                    let tied = msg::listing_tied(left, &ids(&mut tied.iter()));
                    expected = if expected.is_empty() {
                        tied
                    } else {
                        format!("{expected}; {tied}")
                    };
                }
                let message = msg::listing_disagrees(
                    &listing.label,
                    listing.count,
                    end == ListingEnd::Top,
                    &expected,
                );
                let d = self.at(
                    file_index,
                    &path("units"),
                    message,
                    msg::hint_listing_disagrees(),
                );
                self.diagnostics.push(d);
            }
            Some(agrees)
        } else {
            self.check_partial_listing(file, (k, listing), file_index, (table, lines), end);
            None
        };
        if agrees == Some(true) && disputed.is_some() {
            self.warn_at(
                file_index,
                &path("disputed"),
                msg::listing_disputed_but_agrees(&listing.label),
                msg::hint_disputed_but_agrees(),
            );
        }
        Some(Listing {
            label: listing.label.clone(),
            end,
            count: listing.count,
            units: units.into_iter().collect(),
            disputed: disputed.map(str::to_owned),
        })
    }

    /// A listing of a partial table: as many units as its count, and each
    /// listed unit's stated rank within the N at its end (the bottom needs
    /// "of"); nothing for a listing kept as `disputed`.
    fn check_partial_listing(
        &mut self,
        file: &ResultsFile,
        (k, listing): (usize, &schema::Listing),
        file_index: usize,
        (table, lines): (&Table, &BTreeMap<UnitId, &Row>),
        end: ListingEnd,
    ) {
        use Seg::{Index, Key};
        if listing.disputed.is_some() {
            return;
        }
        if listing.units.len() != listing.count as usize {
            let path = [Key("listing"), Index(k), Key("units")];
            let message =
                msg::listing_count_differs(&listing.label, listing.count, listing.units.len());
            let d = self.at(file_index, &path, message, msg::hint_listing_count());
            self.diagnostics.push(d);
        }
        for (j, id) in listing.units.iter().enumerate() {
            let Some(row) = self.ids.units.get(id).and_then(|u| lines.get(u)) else {
                continue;
            };
            let Some(rank) = row.rank else { continue };
            let of = row.of.or(table.ranked).or(file.of);
            let inside = match (end, of) {
                (ListingEnd::Top, _) => rank <= listing.count,
                (ListingEnd::Bottom, Some(of)) => {
                    u64::from(rank) + u64::from(listing.count) > u64::from(of)
                }
                (ListingEnd::Bottom, None) => true,
            };
            if !inside {
                let path = [Key("listing"), Index(k), Key("units"), Index(j)];
                let rank = match of {
                    Some(of) => format!("{rank}/{of}"),
                    None => rank.to_string(),
                };
                let message = msg::listed_rank_outside(
                    id,
                    &rank,
                    &listing.label,
                    end == ListingEnd::Top,
                    listing.count,
                );
                let d = self.at(file_index, &path, message, msg::hint_listing_disagrees());
                self.diagnostics.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn index() -> Index {
        Index {
            id: "i".into(),
            name: "I".into(),
            short_name: "I".into(),
            publisher: None,
            description: String::new(),
            scale: crate::model::Scale {
                min: 0.0,
                max: 100.0,
            },
            unit_label: "%".into(),
            decimals: 2,
            higher_is_better: true,
            components_sum_to_total: false,
            components: Vec::new(),
            bands: Vec::new(),
        }
    }

    fn row(unit: usize, value: f64) -> Row {
        Row {
            unit: UnitId::from_position(unit),
            value: Some(value),
            points: None,
            points_decimals: 0,
            max_points_decimals: 0,
            max_points: None,
            decimals: 2,
            percent: None,
            threshold: None,
            disputed: None,
            rank: None,
            of: None,
            of_note: None,
            rank_disputed: None,
            rank_stated: false,
            ranked_among_illustrative: false,
            tied: false,
            band: None,
            regional: Vec::new(),
            components: Vec::new(),
            component_figures: Vec::new(),
            stated_change: None,
            illustrative: false,
            note: String::new(),
            not_ranked: None,
            alternatives: Vec::new(),
            comparison: crate::model::Comparison::NotRanked,
            entry: unit,
        }
    }

    #[test]
    fn ties_at_the_boundary_let_either_unit_in() {
        // Scores 90, 85, 85, 80: the top 2 is the 90 and either 85.
        let rows: Vec<Row> = [90.0, 85.0, 85.0, 80.0]
            .iter()
            .enumerate()
            .map(|(u, &v)| row(u, v))
            .collect();
        let count = |end, n| {
            let (must, may) = expected(&index(), &rows, end, n);
            (must.len(), may.len())
        };
        assert_eq!(count(ListingEnd::Top, 2), (1, 3));
        assert_eq!(count(ListingEnd::Top, 3), (3, 3));
        assert_eq!(count(ListingEnd::Bottom, 1), (1, 1));
        assert_eq!(count(ListingEnd::Bottom, 2), (1, 3));
    }

    #[test]
    fn a_partial_listing_is_checked_as_far_as_it_can_be() {
        use crate::model::tests::site;
        let text = |listing: &str| {
            format!(
                "index = \"par\"\nyear = 2023\ngroup = \"tinh\"\nof = 63\n\
                 [[result]]\nunit = \"ha-tinh\"\nscore = 50\nrank = 60\n\
                 [[listing]]\nlabel = \"L\"\n{listing}\n\n[source]\ntitle = \"Quyết định thử\"\n"
            )
        };
        let errors = |listing: &str| {
            let (_, diagnostics) = site(&[("data/results/2023/t.toml", &text(listing))]);
            diagnostics.to_string()
        };
        // At the bottom 5 of 63, rank 60 is in; in the top 3 it is not.
        let ok = errors("end = \"bottom\"\ncount = 5\nunits = [\"ha-tinh\", \"nghe-an\", \"thanh-hoa\", \"da-nang\", \"bac-ninh\"]");
        assert_eq!(ok, "", "{ok}");
        let wrong =
            errors("end = \"top\"\ncount = 3\nunits = [\"ha-tinh\", \"nghe-an\", \"thanh-hoa\"]");
        assert!(
            wrong.contains("`ha-tinh` ranks 60/63, not among the top 3"),
            "{wrong}"
        );
        // A count that does not fit in any sum is a count mismatch, not a panic.
        let huge = errors("end = \"bottom\"\ncount = 4294967295\nunits = [\"ha-tinh\"]");
        assert!(
            huge.contains("has count = 4294967295 but names 1 units"),
            "{huge}"
        );
        // Units must be defined, once.
        let twice =
            errors("end = \"top\"\ncount = 2\nunits = [\"ha-tinh\", \"ha-tinh\", \"khong-co\"]");
        assert!(twice.contains("unit `ha-tinh` is named twice"), "{twice}");
        assert!(twice.contains("`khong-co`"), "{twice}");
    }
}
