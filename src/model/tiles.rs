//! Tile-grid maps (`data/tiles.*`): each layout's year span, its squares'
//! units, places and labels, checked and resolved. A layout with an error is
//! left out, so pages never draw a map with two squares in one place; units
//! with a result in a year a layout covers but no square in it are warned
//! about (the map would silently miss them).

use std::collections::BTreeMap;

use super::assemble::{suggest, Context};
use super::{Site, UnitId};
use crate::data::schema::{TileDef, TileLayoutDef};
use crate::diagnostic::Diagnostic;
use crate::locate::Seg;
use crate::messages as msg;

/// The largest row or column a square may have: a map is a few dozen
/// squares across at most, and a typo like `row = 1000` must not make a
/// page thousands of squares tall.
pub const MAX_COORDINATE: u32 = 99;

/// The most characters a square's label may have and still fit.
pub const MAX_LABEL: usize = 4;

/// A tile-grid layout, checked: valid for the years `from`–`to` (an
/// open end when `None`).
#[derive(Debug, Clone, PartialEq)]
pub struct TileLayout {
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// The squares, by row then column (north to south, west to east).
    pub tiles: Vec<Tile>,
    /// Rows and columns of the grid (one more than the largest used).
    pub rows: u32,
    pub cols: u32,
}

/// One square of a layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Tile {
    pub unit: UnitId,
    pub row: u32,
    pub col: u32,
    /// The short text on the square: the editor's, else the initials of
    /// the unit's name.
    pub label: String,
}

impl TileLayout {
    /// Whether the layout is the one for `year`.
    pub fn covers(&self, year: i32) -> bool {
        self.from.is_none_or(|f| f <= year) && self.to.is_none_or(|t| year <= t)
    }
}

impl Site {
    /// The tile-grid layout for `year`, if the site has one.
    pub fn tile_layout(&self, year: i32) -> Option<&TileLayout> {
        self.tile_layouts.iter().find(|l| l.covers(year))
    }
}

/// The initials of a name, at most [`MAX_LABEL`]: "Hà Nội" → "HN",
/// "Bà Rịa - Vũng Tàu" → "BRVT".
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .take(MAX_LABEL)
        .collect()
}

/// A layout's years as a closed range.
fn span(def: &TileLayoutDef) -> (i32, i32) {
    (def.from.unwrap_or(i32::MIN), def.to.unwrap_or(i32::MAX))
}

impl Context<'_> {
    /// Every layout of `data/tiles.*`, checked against the units and
    /// tables of `site`; the layouts with an error are left out.
    pub(super) fn tile_layouts(&mut self, site: &Site) -> Vec<TileLayout> {
        let raw = self.raw;
        let mut layouts = Vec::new();
        // Spans already seen: (span, layout def, file), for overlaps.
        let mut seen: Vec<(&TileLayoutDef, usize)> = Vec::new();
        for loaded in &raw.tiles {
            for (li, def) in loaded.value.layouts.iter().enumerate() {
                let errors = self.diagnostics.error_count();
                self.check_span(loaded.file, li, def, &seen);
                seen.push((def, loaded.file));
                let tiles = self.tiles(loaded.file, li, &def.tiles, site);
                if self.diagnostics.error_count() != errors {
                    continue;
                }
                let layout = layout(def, tiles);
                self.warn_missing(loaded.file, li, &layout, site);
                self.warn_inactive(loaded.file, li, def, &layout, site);
                self.warn_same_labels(loaded.file, li, def, site);
                layouts.push(layout);
            }
        }
        layouts
    }

    fn check_span(
        &mut self,
        file: usize,
        li: usize,
        def: &TileLayoutDef,
        seen: &[(&TileLayoutDef, usize)],
    ) {
        let at = |key| [Seg::Key("layout"), Seg::Index(li), Seg::Key(key)];
        if let (Some(from), Some(to)) = (def.from, def.to) {
            if from > to {
                let d = self.at(
                    file,
                    &at("to"),
                    msg::tile_span_reversed(from, to),
                    msg::hint_tile_span(),
                );
                self.diagnostics.push(d);
                return;
            }
        }
        let (start, end) = span(def);
        let overlapping = seen.iter().find(|(other, _)| {
            let (s, e) = span(other);
            s <= e && start <= e && s <= end
        });
        if let Some(&(other, other_file)) = overlapping {
            let key = if def.from.is_some() || def.to.is_none() {
                "from"
            } else {
                "to"
            };
            let d = self.at(
                file,
                &at(key),
                msg::tile_spans_overlap(
                    &msg::tile_span(def.from, def.to),
                    &msg::tile_span(other.from, other.to),
                    &self.raw.file(other_file).path.display().to_string(),
                ),
                msg::hint_tile_spans_overlap(),
            );
            self.diagnostics.push(d);
        }
    }

    /// The squares of layout `li`, each resolved and checked; `None` for a
    /// square with an error (reported).
    fn tiles(&mut self, file: usize, li: usize, defs: &[TileDef], site: &Site) -> Vec<Tile> {
        let mut tiles = Vec::new();
        // Where each unit and each place was first used: (row, col) and unit.
        let mut units: BTreeMap<UnitId, (i64, i64)> = BTreeMap::new();
        let mut cells: BTreeMap<(i64, i64), &str> = BTreeMap::new();
        for (ti, def) in defs.iter().enumerate() {
            let at = |key| {
                [
                    Seg::Key("layout"),
                    Seg::Index(li),
                    Seg::Key("tile"),
                    Seg::Index(ti),
                    Seg::Key(key),
                ]
            };
            let mut ok = true;
            let unit = self.ids.units.get(&def.unit).copied();
            if unit.is_none() {
                let hint = suggest(&self.ids.units, &def.unit, "unit");
                let d = self.at(file, &at("unit"), msg::tile_unknown_unit(&def.unit), hint);
                self.diagnostics.push(d);
                ok = false;
            }
            for (key, value) in [("row", def.row), ("col", def.col)] {
                if !(0..=i64::from(MAX_COORDINATE)).contains(&value) {
                    let d = self.at(
                        file,
                        &at(key),
                        msg::tile_coordinate_out_of_range(key, value, MAX_COORDINATE),
                        msg::hint_tile_coordinates(MAX_COORDINATE),
                    );
                    self.diagnostics.push(d);
                    ok = false;
                }
            }
            if let Some(label) = &def.label {
                let length = label.chars().count();
                if label.trim().is_empty() || length > MAX_LABEL {
                    let d = self.at(
                        file,
                        &at("label"),
                        msg::tile_label_length(label, MAX_LABEL),
                        msg::hint_tile_label(),
                    );
                    self.diagnostics.push(d);
                    ok = false;
                }
            }
            if let Some(u) = unit {
                if let Some(&(row, col)) = units.get(&u) {
                    let d = self.at(
                        file,
                        &at("unit"),
                        msg::tile_unit_twice(&def.unit, row, col),
                        msg::hint_tile_unit_twice(),
                    );
                    self.diagnostics.push(d);
                    ok = false;
                } else {
                    units.insert(u, (def.row, def.col));
                }
            }
            let place = (def.row, def.col);
            if let Some(other) = cells.get(&place) {
                let d = self.at(
                    file,
                    &at("row"),
                    msg::tile_cell_taken(&def.unit, other, def.row, def.col),
                    msg::hint_tile_cell_taken(),
                );
                self.diagnostics.push(d);
                ok = false;
            } else {
                cells.insert(place, &def.unit);
            }
            let (Some(unit), true) = (unit, ok) else {
                continue;
            };
            // Both were checked to lie in 0..=MAX_COORDINATE.
            let (Ok(row), Ok(col)) = (u32::try_from(def.row), u32::try_from(def.col)) else {
                continue;
            };
            tiles.push(Tile {
                unit,
                row,
                col,
                label: def
                    .label
                    .clone()
                    .unwrap_or_else(|| initials(&site.units[unit].name)),
            });
        }
        tiles
    }

    /// Where a warning about a whole layout points: its `from`, else its
    /// `to`, else its first square.
    fn layout_anchor(li: usize, def_from: bool, def_to: bool) -> Vec<Seg<'static>> {
        let key = match (def_from, def_to) {
            (true, _) => Seg::Key("from"),
            (false, true) => Seg::Key("to"),
            (false, false) => Seg::Key("tile"),
        };
        vec![Seg::Key("layout"), Seg::Index(li), key]
    }

    fn warning(&self, file: usize, path: &[Seg], message: String, hint: String) -> Diagnostic {
        let source = self.raw.file(file);
        let d = Diagnostic::warning(message)
            .in_file(&source.path)
            .with_hint(hint);
        match self.raw.point(file, path) {
            Some((location, snippet)) => d.at_point(location, snippet),
            None => d,
        }
    }

    /// Warns once per unit that has a result in a year the layout covers,
    /// in a table that the map shows (one with a unit of the layout), but
    /// no square.
    fn warn_missing(&mut self, file: usize, li: usize, layout: &TileLayout, site: &Site) {
        let placed: std::collections::BTreeSet<UnitId> =
            layout.tiles.iter().map(|t| t.unit).collect();
        let mut missing: BTreeMap<UnitId, (i32, &std::path::Path)> = BTreeMap::new();
        for table in site.tables.iter().filter(|t| layout.covers(t.year)) {
            if !table.rows.iter().any(|r| placed.contains(&r.unit)) {
                continue;
            }
            for row in table.rows.iter().filter(|r| !placed.contains(&r.unit)) {
                missing
                    .entry(row.unit)
                    .or_insert((table.year, table.file.as_path()));
            }
        }
        let anchor = Self::layout_anchor(li, layout.from.is_some(), layout.to.is_some());
        let span = msg::tile_span(layout.from, layout.to);
        for (unit, (year, table)) in missing {
            let id = &site.units[unit].id;
            let d = self.warning(
                file,
                &anchor,
                msg::tile_unit_missing(id, year, &table.display().to_string(), &span),
                msg::hint_tile_unit_missing(id),
            );
            self.diagnostics.push(d);
        }
    }

    /// Warns of a square for a unit that did not exist in any year of the
    /// layout (`active_from`, `active_to`): a merged province left on the
    /// map of the provinces after the merger.
    fn warn_inactive(
        &mut self,
        file: usize,
        li: usize,
        def: &TileLayoutDef,
        layout: &TileLayout,
        site: &Site,
    ) {
        let (start, end) = span(def);
        for (ti, tile_def) in def.tiles.iter().enumerate() {
            let Some(&unit) = self.ids.units.get(&tile_def.unit) else {
                continue;
            };
            let u = &site.units[unit];
            let gone = u.active_to.is_some_and(|t| t < start);
            let not_yet = u.active_from.is_some_and(|f| f > end);
            if gone || not_yet {
                let path = [
                    Seg::Key("layout"),
                    Seg::Index(li),
                    Seg::Key("tile"),
                    Seg::Index(ti),
                    Seg::Key("unit"),
                ];
                let d = self.warning(
                    file,
                    &path,
                    msg::tile_unit_inactive(&u.id, &msg::tile_span(layout.from, layout.to)),
                    msg::hint_tile_unit_inactive(),
                );
                self.diagnostics.push(d);
            }
        }
    }
}

impl Context<'_> {
    /// Warns of two squares of a layout with the same label (given, or
    /// the initials chiso made: "Hà Nam" and "Hà Nội" are both "HN").
    fn warn_same_labels(&mut self, file: usize, li: usize, def: &TileLayoutDef, site: &Site) {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for (ti, tile) in def.tiles.iter().enumerate() {
            let Some(&unit) = self.ids.units.get(&tile.unit) else {
                continue;
            };
            let label = tile
                .label
                .clone()
                .unwrap_or_else(|| initials(&site.units[unit].name));
            match seen.get(&label) {
                Some(other) => {
                    let key = if tile.label.is_some() {
                        "label"
                    } else {
                        "unit"
                    };
                    let path = [
                        Seg::Key("layout"),
                        Seg::Index(li),
                        Seg::Key("tile"),
                        Seg::Index(ti),
                        Seg::Key(key),
                    ];
                    let d = self.warning(
                        file,
                        &path,
                        msg::tile_label_twice(&label, &tile.unit, other),
                        msg::hint_tile_label_twice(),
                    );
                    self.diagnostics.push(d);
                }
                None => {
                    seen.insert(label, &tile.unit);
                }
            }
        }
    }
}

/// A checked layout, its squares in reading order and its grid's size.
fn layout(def: &TileLayoutDef, mut tiles: Vec<Tile>) -> TileLayout {
    tiles.sort_by_key(|t| (t.row, t.col));
    TileLayout {
        from: def.from,
        to: def.to,
        rows: tiles.iter().map(|t| t.row + 1).max().unwrap_or(0),
        cols: tiles.iter().map(|t| t.col + 1).max().unwrap_or(0),
        tiles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_take_the_first_letter_of_each_word() {
        assert_eq!(initials("Hà Nội"), "HN");
        assert_eq!(initials("Thừa Thiên Huế"), "TTH");
        assert_eq!(initials("Bà Rịa - Vũng Tàu"), "BRVT");
        assert_eq!(initials("Đắk Lắk"), "ĐL");
        assert_eq!(initials("TP. Hồ Chí Minh"), "THCM");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn a_layout_covers_its_span_and_open_ends() {
        let mut l = layout(
            &TileLayoutDef {
                from: None,
                to: Some(2024),
                tiles: Vec::new(),
            },
            Vec::new(),
        );
        assert!(l.covers(1990) && l.covers(2024) && !l.covers(2025));
        l.from = Some(2025);
        l.to = None;
        assert!(!l.covers(2024) && l.covers(2025) && l.covers(2100));
    }

    #[test]
    fn spans_are_closed_ranges() {
        let def = |from, to| TileLayoutDef {
            from,
            to,
            tiles: Vec::new(),
        };
        assert_eq!(span(&def(None, Some(2024))), (i32::MIN, 2024));
        assert_eq!(span(&def(Some(2025), None)), (2025, i32::MAX));
    }
}
