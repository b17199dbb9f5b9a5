//! The tile-grid map of one table: a square per unit of the year's layout
//! (`data/tiles.*`), coloured by the line's band, or by the quarter of the
//! ranking it falls in when the table has no bands, with a legend; each
//! square a link to the unit's page named in words ("Hà Tĩnh: 89,72%, thứ
//! 15/63, Nhóm B").
//!
//! The map is an HTML grid (a list laid out by CSS grid), not SVG: its
//! squares are ordinary links (focus ring, keyboard, accessible names), its
//! labels are HTML text that grows with the reader's zoom and whose contrast
//! axe can check, and it scales down to a phone's width with the page.

use std::collections::BTreeMap;

use serde::Serialize;

use super::bands::BandView;
use super::common::IndexRef;
use crate::model::{IndexId, Row, Site, Table, TableId, TileLayout};
use crate::render::escape::{push_escaped, safe};
use crate::render::figure::{threshold_text, Format};
use crate::render::urls::Urls;

/// How many colour steps the theme has (`tile-s0`, the best, to `tile-s4`).
const STEPS: usize = 5;

/// What a map's colours mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Colouring {
    /// The table's rating bands.
    Band,
    /// The quarter of the ranking (ranks 1–16, 17–32, … of 63).
    Quartile,
}

/// A table's tile-grid map.
#[derive(Debug, Serialize)]
pub struct TileMapView<'a> {
    pub index: IndexRef<'a>,
    pub year: i32,
    pub colouring: Colouring,
    /// The grid's size.
    pub rows: u32,
    pub cols: u32,
    /// The squares, north to south, west to east.
    pub tiles: Vec<TileView<'a>>,
    /// What each colour means, the best first, then the squares with no
    /// band or no result.
    pub legend: Vec<LegendView>,
    /// Some scores shown are illustrative.
    pub illustrative: bool,
    /// The whole map as HTML (a `<figure>`), what the built-in templates
    /// print.
    #[serde(serialize_with = "safe")]
    pub html: String,
}

/// One square.
#[derive(Debug, Serialize)]
pub struct TileView<'a> {
    /// The unit's id, name and page.
    pub unit: &'a str,
    pub name: &'a str,
    pub url: String,
    /// The short text on the square.
    pub label: &'a str,
    /// Place on the grid, from 0.
    pub row: u32,
    pub col: u32,
    /// The colour's CSS class: `tile-s0` (best) to `tile-s4`, `tile-none`
    /// (a result in no band), `tile-nodata` (no result, or not ranked).
    pub class: &'static str,
    /// The line's band id, if it has one.
    pub band: Option<&'a str>,
    pub value: Option<f64>,
    pub rank: Option<u32>,
    /// The square's accessible name: "Hà Tĩnh: 89,72%, thứ 15/63, Nhóm B".
    pub text: String,
}

/// One entry of a map's legend.
#[derive(Debug, Clone, Serialize)]
pub struct LegendView {
    pub class: &'static str,
    /// "Nhóm A (từ 90%)", "Hạng 1–16", "Không có số liệu", "Không xếp
    /// hạng".
    pub label: String,
    /// How many squares have this colour.
    pub count: usize,
}

const CLASSES: [&str; STEPS] = ["tile-s0", "tile-s1", "tile-s2", "tile-s3", "tile-s4"];
const NONE: &str = "tile-none";
const NO_DATA: &str = "tile-nodata";

/// The colour step of position `p` (0 the best) among `n` classes, spread
/// over the theme's steps: three bands are steps 0, 2 and 4.
fn step(p: usize, n: usize) -> &'static str {
    let s = if n <= 1 {
        0
    } else {
        (p * (STEPS - 1) + (n - 1) / 2) / (n - 1)
    };
    CLASSES[s.min(STEPS - 1)]
}

impl<'a> TileMapView<'a> {
    /// The map of the index's latest complete table, if the site has a
    /// layout for that year and the table has a unit in it.
    pub fn for_index(site: &'a Site, i: IndexId, urls: &Urls) -> Option<Self> {
        if site.tile_layouts.is_empty() {
            return None;
        }
        let shown = |t: &Table| t.index == i && t.complete && !t.rows.is_empty();
        let year = site
            .tables
            .iter()
            .filter(|t| shown(t))
            .map(|t| t.year)
            .max()?;
        let layout = site.tile_layout(year)?;
        let best = site
            .tables
            .iter_enumerated()
            .filter(|(_, t)| shown(t) && t.year == year)
            .map(|(id, t)| (placed(layout, t), id))
            .filter(|&(n, _)| n > 0)
            // The table with most squares; the first of equals.
            .max_by_key(|&(n, id)| (n, std::cmp::Reverse(id)))?;
        Self::new(site, best.1, urls)
    }

    /// The first of `tables` that has a map.
    pub fn first_of(
        site: &'a Site,
        tables: impl IntoIterator<Item = TableId>,
        urls: &Urls,
    ) -> Option<Self> {
        if site.tile_layouts.is_empty() {
            return None;
        }
        tables.into_iter().find_map(|t| Self::new(site, t, urls))
    }

    /// The map of table `t`: none if no layout covers its year, none of its
    /// units has a square, or it has neither bands nor ranks to colour by.
    pub fn new(site: &'a Site, t: TableId, urls: &Urls) -> Option<Self> {
        let table = &site.tables[t];
        let layout = site.tile_layout(table.year)?;
        if placed(layout, table) == 0 {
            return None;
        }
        let def = &site.indices[table.index];
        let colouring = if !table.bands.is_empty() {
            Colouring::Band
        } else if table.rows.iter().any(|r| r.rank.is_some()) {
            Colouring::Quartile
        } else {
            return None;
        };
        let rows: BTreeMap<_, &Row> = table.rows.iter().map(|r| (r.unit, r)).collect();
        // Each band's colour: its place among the bands, the best first.
        let mut order: Vec<(usize, usize)> = (0..table.bands.len())
            .map(|b| (BandView::new(&table.bands, b, def).level, b))
            .collect();
        order.sort_by_key(|&(level, b)| (std::cmp::Reverse(level), b));
        let band_class: Vec<&'static str> = {
            let mut classes = vec![NONE; table.bands.len()];
            for (p, &(_, b)) in order.iter().enumerate() {
                classes[b] = step(p, order.len());
            }
            classes
        };
        let ranked = table
            .ranked
            .or_else(|| table.rows.iter().filter_map(|r| r.rank).max())
            .unwrap_or(0);
        let quartile = |rank: u32| -> usize {
            let q = (u64::from(rank.saturating_sub(1)) * 4) / u64::from(ranked.max(1));
            usize::try_from(q).unwrap_or(3).min(3)
        };
        let mut tiles = Vec::with_capacity(layout.tiles.len());
        let mut illustrative = false;
        // Ranks in each quarter, for the legend.
        let mut quarters: [Option<(u32, u32)>; 4] = [None; 4];
        for tile in &layout.tiles {
            let unit = &site.units[tile.unit];
            let row = rows.get(&tile.unit).copied();
            let ranked_row = row.filter(|r| r.not_ranked.is_none());
            let class = match (colouring, ranked_row) {
                (_, None) => NO_DATA,
                (Colouring::Band, Some(r)) => r.band.as_ref().map_or(
                    if r.value.is_some() || r.threshold.is_some() {
                        NONE
                    } else {
                        NO_DATA
                    },
                    |b| band_class[b.band],
                ),
                (Colouring::Quartile, Some(r)) => match r.rank {
                    Some(rank) => {
                        let q = quartile(rank);
                        let (lo, hi) = quarters[q].unwrap_or((rank, rank));
                        quarters[q] = Some((lo.min(rank), hi.max(rank)));
                        step(q, 4)
                    }
                    None => NO_DATA,
                },
            };
            illustrative |= row.is_some_and(|r| r.illustrative && r.value.is_some());
            tiles.push(TileView {
                unit: &unit.id,
                name: &unit.name,
                url: urls.unit(&unit.id),
                label: &tile.label,
                row: tile.row,
                col: tile.col,
                class,
                band: row
                    .and_then(|r| r.band.as_ref())
                    .map(|b| table.bands[b.band].id.as_str()),
                value: row.and_then(|r| r.value),
                rank: row.and_then(|r| r.rank),
                text: accessible_name(
                    &site.listed_name(tile.unit, table.year),
                    row,
                    table,
                    def_format(def, row),
                ),
            });
        }
        let count = |class: &str| tiles.iter().filter(|t| t.class == class).count();
        let mut legend: Vec<LegendView> = match colouring {
            Colouring::Band => order
                .iter()
                .map(|&(_, b)| {
                    let band = &table.bands[b];
                    let view = BandView::new(&table.bands, b, def);
                    let label = if view.threshold.is_empty() {
                        band.name.clone()
                    } else {
                        format!("{} ({})", band.name, view.threshold)
                    };
                    LegendView {
                        class: band_class[b],
                        label,
                        count: count(band_class[b]),
                    }
                })
                .collect(),
            Colouring::Quartile => quarters
                .iter()
                .enumerate()
                .filter_map(|(q, span)| {
                    let (lo, hi) = (*span)?;
                    let class = step(q, 4);
                    Some(LegendView {
                        class,
                        label: if lo == hi {
                            format!("Hạng {lo}")
                        } else {
                            format!("Hạng {lo}–{hi}")
                        },
                        count: count(class),
                    })
                })
                .collect(),
        };
        // Grey squares: units with no line, or a line not ranked.
        let unranked = layout
            .tiles
            .iter()
            .zip(&tiles)
            .filter(|(_, v)| v.class == NO_DATA)
            .filter(|(t, _)| rows.get(&t.unit).is_some_and(|r| r.not_ranked.is_some()))
            .count();
        let grey = match (unranked, count(NO_DATA) - unranked) {
            (0, _) => "Không có số liệu",
            (_, 0) => "Không xếp hạng",
            _ => "Không có số liệu hoặc không xếp hạng",
        };
        for (class, label) in [(NONE, "Chưa đạt nhóm nào"), (NO_DATA, grey)] {
            let n = count(class);
            if n > 0 {
                legend.push(LegendView {
                    class,
                    label: label.to_owned(),
                    count: n,
                });
            }
        }
        let mut view = TileMapView {
            index: IndexRef::new(def, urls),
            year: table.year,
            colouring,
            rows: layout.rows,
            cols: layout.cols,
            tiles,
            legend,
            illustrative,
            html: String::new(),
        };
        view.html = view.to_html();
        Some(view)
    }

    /// The map as a `<figure>`: a caption, the grid and the legend.
    fn to_html(&self) -> String {
        let mut out = String::with_capacity(300 * self.tiles.len() + 1000);
        out.push_str(&format!(
            "<figure class=\"tile-map\" data-index=\"{}\" data-year=\"{}\" data-colouring=\"{}\">",
            attr(self.index.id),
            self.year,
            match self.colouring {
                Colouring::Band => "band",
                Colouring::Quartile => "quartile",
            }
        ));
        out.push_str("<figcaption><strong>Bản đồ ô: ");
        push_escaped(&mut out, self.index.short_name);
        out.push_str(&format!(" năm {}</strong> ", self.year));
        out.push_str(
            "<span class=\"muted\">Mỗi ô là một đơn vị, đặt gần đúng theo vị trí địa lý; ",
        );
        out.push_str(match self.colouring {
            Colouring::Band => "màu theo nhóm xếp loại.",
            Colouring::Quartile => {
                "chỉ số không chia nhóm, màu theo thứ hạng (mỗi màu một phần tư bảng xếp hạng)."
            }
        });
        if self.illustrative {
            out.push_str(" Gồm số liệu minh họa.");
        }
        out.push_str("</span></figcaption>");
        out.push_str(&format!(
            "<ul class=\"tile-grid\" style=\"--cols:{};--rows:{}\">",
            self.cols, self.rows
        ));
        for tile in &self.tiles {
            out.push_str(&format!(
                "<li class=\"tile {}\" style=\"grid-row:{};grid-column:{}\" data-unit=\"{}\"",
                tile.class,
                tile.row + 1,
                tile.col + 1,
                attr(tile.unit)
            ));
            if let Some(band) = tile.band {
                out.push_str(&format!(" data-band=\"{}\"", attr(band)));
            }
            out.push_str("><a href=\"");
            push_escaped(&mut out, &tile.url);
            // The name is the link's text (hidden from sight), not an
            // `aria-label`: the visible abbreviation is then no part of a
            // name it does not start (WCAG 2.5.3, "label in name").
            out.push_str("\" title=\"");
            push_escaped(&mut out, &tile.text);
            out.push_str("\"><span aria-hidden=\"true\">");
            push_escaped(&mut out, tile.label);
            out.push_str("</span><span class=\"visually-hidden\">");
            push_escaped(&mut out, &tile.text);
            out.push_str("</span></a></li>");
        }
        out.push_str("</ul><ul class=\"tile-legend\">");
        for entry in &self.legend {
            out.push_str(&format!(
                "<li><span class=\"tile-swatch {}\" aria-hidden=\"true\"></span>",
                entry.class
            ));
            push_escaped(&mut out, &entry.label);
            out.push_str(&format!(": {}</li>", entry.count));
        }
        out.push_str("</ul></figure>");
        out
    }
}

/// Text put in an attribute that chiso made (ids are slugs; escaped all
/// the same).
fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// How many of a table's units have a square in `layout`.
fn placed(layout: &TileLayout, table: &Table) -> usize {
    let units: std::collections::BTreeSet<_> = layout.tiles.iter().map(|t| t.unit).collect();
    table
        .rows
        .iter()
        .filter(|r| units.contains(&r.unit))
        .count()
}

/// The format a line's score prints with.
fn def_format<'f>(def: &'f crate::model::Index, row: Option<&Row>) -> Format<'f> {
    Format {
        decimals: row.map_or(def.decimals, |r| r.decimals),
        unit_label: &def.unit_label,
    }
}

/// "Hà Tĩnh: 89,72%, thứ 15/63, Nhóm B"; "Hà Giang: không có số liệu năm
/// 2023".
fn accessible_name(name: &str, row: Option<&Row>, table: &Table, format: Format) -> String {
    let Some(row) = row else {
        return format!("{name}: không có số liệu năm {}", table.year);
    };
    let mut parts = Vec::new();
    if let Some(v) = row.value {
        parts.push(format.value(v));
    } else if let Some(floor) = row.threshold {
        parts.push(threshold_text(format, floor));
    }
    if row.not_ranked.is_some() {
        parts.push("không xếp hạng".to_owned());
    } else if let Some(rank) = row.rank {
        parts.push(match row.of {
            Some(of) => format!("thứ {rank}/{of}"),
            None => format!("thứ {rank}"),
        });
    }
    if let Some(band) = &row.band {
        parts.push(table.bands[band.band].name.clone());
    }
    if parts.is_empty() {
        parts.push(format!("không có số liệu năm {}", table.year));
    }
    format!("{name}: {}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_spread_over_the_palette() {
        assert_eq!(step(0, 1), "tile-s0");
        let three: Vec<_> = (0..3).map(|p| step(p, 3)).collect();
        assert_eq!(three, ["tile-s0", "tile-s2", "tile-s4"]);
        let four: Vec<_> = (0..4).map(|p| step(p, 4)).collect();
        assert_eq!(four, ["tile-s0", "tile-s1", "tile-s3", "tile-s4"]);
        let two: Vec<_> = (0..2).map(|p| step(p, 2)).collect();
        assert_eq!(two, ["tile-s0", "tile-s4"]);
        assert_eq!(step(9, 10), "tile-s4");
    }
}
