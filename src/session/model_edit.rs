//! Which data pages an edit of results files touched: the model before
//! and after the edit are compared table by table (the derived tables, so
//! a change a table's edit made in its neighbours' year-over-year changes
//! counts too). Only when every table is still there (same index, group,
//! year and file, same order) and the definitions (indices, groups,
//! regions, units, merges, tile layouts, years) came out the same; else
//! every data page is made again.

use std::collections::HashSet;

use crate::model::Site;
use crate::render::reuse::ModelEdit;

/// The data pages to make again after the model went from `old` to `new`;
/// `None` when they all are.
pub(super) fn of(old: &Site, new: &Site) -> Option<ModelEdit> {
    let definitions = old.indices.as_slice() == new.indices.as_slice()
        && old.groups.as_slice() == new.groups.as_slice()
        && old.regions.as_slice() == new.regions.as_slice()
        && old.units.as_slice() == new.units.as_slice()
        && old.merged_from.as_slice() == new.merged_from.as_slice()
        && old.page_mates.as_slice() == new.page_mates.as_slice()
        && old.home_unit == new.home_unit
        && old.tile_layouts == new.tile_layouts
        && old.years == new.years;
    let tables_kept = old.tables.len() == new.tables.len()
        && old.tables.iter().zip(new.tables.iter()).all(|(a, b)| {
            (a.index, a.group, a.year, &a.file) == (b.index, b.group, b.year, &b.file)
        });
    if !definitions || !tables_kept {
        return None;
    }
    let mut edit = ModelEdit::default();
    for ((t, a), b) in old.tables.iter_enumerated().zip(new.tables.iter()) {
        if a == b {
            continue;
        }
        edit.rankings.insert((b.year, b.group));
        for table in [a, b] {
            let units = table.rows.iter().map(|r| r.unit);
            let excluded = table.excluded.iter().map(|(u, _)| *u);
            let listed = table.listings.iter().flat_map(|l| l.units.iter().copied());
            edit.units.extend(units.chain(excluded).chain(listed));
        }
        edit.tables.insert(t);
    }
    // A unit's page shows the results of the units merged into it.
    let merged: HashSet<_> = new
        .units
        .ids()
        .filter(|u| new.merged_from[*u].iter().any(|m| edit.units.contains(m)))
        .collect();
    edit.units.extend(merged);
    // A table's own page sits under its group's ranking page of the year.
    for (t, table) in new.tables.iter_enumerated() {
        if edit.rankings.contains(&(table.year, table.group)) {
            edit.tables.insert(t);
        }
    }
    Some(edit)
}
