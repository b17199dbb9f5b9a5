//! The inputs of every chart a page draws, made from the views and the
//! model: a unit's score and rank over the years (with its group's and its
//! region's averages), its components, and a table's ranking (bars, or a
//! strip of dots for a large table). The drawing is `render::charts`.

use super::table::TableView;
use super::unit::EntryView;
use crate::model::{Index, RegionKind, Row, Site, Table, UnitId};
use crate::render::charts::{
    self, Bar, ChartText, HistoryLines, Marker, Marks, Notes, Part, RankingLines, YearPoint,
};
use crate::render::figure::Format;
use crate::vi;

/// The axis title of an index's figures: `PAR Index (%)`, `PAPI (điểm)`,
/// or the short name alone when the index has no unit label.
fn axis_title(def: &Index) -> String {
    if def.unit_label.trim().is_empty() {
        def.short_name.clone()
    } else {
        format!("{} ({})", def.short_name, def.unit_label.trim())
    }
}

fn index_format(def: &Index) -> Format<'_> {
    Format {
        decimals: def.decimals,
        unit_label: &def.unit_label,
    }
}

/// The sources of a unit's entries, each once, oldest first.
fn sources(site: &Site, entries: &[EntryView]) -> Option<String> {
    let mut years: Vec<&EntryView> = entries.iter().collect();
    years.sort_by_key(|e| e.year);
    let mut cited: Vec<String> = Vec::new();
    for e in years {
        if let Some(s) = &site.tables[e.table].source {
            // As the page cites it: a screenshot of the chart keeps the
            // document's number, date and issuer.
            let citation = super::common::citation(s);
            if !cited.contains(&citation) {
                cited.push(citation);
            }
        }
    }
    (!cited.is_empty()).then(|| cited.join("; "))
}

/// The score and rank charts' points, notes and lines' labels of a unit's
/// series on one index.
struct Series {
    points: Vec<YearPoint>,
    notes: Notes,
    /// A rank drawn is computed from its table (the rank chart says so).
    computed_ranks: bool,
    /// The years between the first and the last with no table of the
    /// index at all, named under both charts.
    gap_note: Option<String>,
    average_label: String,
    region_label: String,
    /// A score of the unit's drawn is illustrative (the rank chart's
    /// warning: its averages are not drawn there).
    own_illustrative: bool,
}

fn series(site: &Site, unit: UnitId, entries: &[EntryView]) -> Series {
    // The region whose average is drawn: the unit's first with one.
    let regions = &site.units[unit].regions;
    let region = regions.iter().copied().find(|&r| {
        entries.iter().any(|e| {
            site.tables[e.table]
                .region_figures
                .iter()
                .any(|f| f.region == r && f.average.is_some())
        })
    });
    let region_average = |table: &Table| {
        region.and_then(|r| {
            table
                .region_figures
                .iter()
                .find(|f| f.region == r)
                .and_then(|f| f.average)
                .map(|a| (a, table.decimals))
        })
    };
    // Whether each year's drawn averages are chiso's, and illustrative.
    let mut averages: Vec<(i32, Averages)> = Vec::new();
    let mut origin = |table: &Table| {
        let region = region_average(table).is_some() && table.complete;
        averages.push((
            table.year,
            Averages {
                group: table.average.is_some() && !table.average_published,
                group_illustrative: table.average_illustrative(),
                region,
                region_illustrative: region && table.ranks_an_illustrative_score(),
            },
        ));
    };
    let mut points: Vec<YearPoint> = entries
        .iter()
        .map(|e| {
            let table = &site.tables[e.table];
            origin(table);
            YearPoint {
                year: e.year,
                value: e.row.value,
                decimals: e.row.decimals,
                marks: Marks {
                    illustrative: e.row.illustrative,
                    disputed: e.row.disputed.is_some(),
                },
                rank: e.row.rank,
                of: e.row.of,
                rank_style: e.rank_style,
                rank_marks: Marks {
                    illustrative: e.row.rank_illustrative,
                    disputed: e.row.rank_published.is_some(),
                },
                average: table.average.map(|a| (a, table.average_decimals)),
                region_average: region_average(table),
                merged_in: e
                    .row
                    .no_comparison
                    .as_ref()
                    .and_then(crate::render::cells::absorbed_words),
            }
        })
        .collect();
    // A year the index was published for the unit's groups, between its
    // first and last lines, without a line of the unit: a gap in its lines
    // (the averages go on).
    let tables: Vec<&Table> = entries.iter().map(|e| &site.tables[e.table]).collect();
    let years = (
        tables.iter().map(|t| t.year).min(),
        tables.iter().map(|t| t.year).max(),
    );
    let mut distinct: Vec<i32> = tables.iter().map(|t| t.year).collect();
    distinct.sort_unstable();
    distinct.dedup();
    // Every year between the first and the last has a line: no gap to look
    // for (the scan of every table is then skipped, as it nearly always is).
    let holes = match years {
        (Some(first), Some(last)) => i64::from(last) - i64::from(first) + 1 > distinct.len() as i64,
        _ => false,
    };
    if let (true, Some(first), Some(last), Some(index)) =
        (holes, years.0, years.1, tables.first().map(|t| t.index))
    {
        for table in site.tables.iter() {
            let shown = points.iter().any(|p| p.year == table.year);
            let ours = table.index == index && tables.iter().any(|t| t.group == table.group);
            if ours && !shown && (first..=last).contains(&table.year) {
                origin(table);
                points.push(YearPoint {
                    average: table.average.map(|a| (a, table.average_decimals)),
                    region_average: region_average(table),
                    ..without_line(table.year, table)
                });
            }
        }
    }
    // A year with no table of the index at all keeps its place on the
    // time axis too, and is named under the charts: a line drawn straight
    // across it would read as a year-on-year step (adv23 M4).
    let mut without_results: Vec<i32> = Vec::new();
    if let (Some(first), Some(last), Some(table)) = (years.0, years.1, tables.first()) {
        // A span this long is a year mistyped, not a history to lay out.
        let span = i64::from(last) - i64::from(first);
        for year in (first..=last).filter(|_| span <= MOST_YEARS) {
            if points.iter().any(|p| p.year == year) {
                continue;
            }
            without_results.push(year);
            points.push(without_line(year, table));
        }
    }
    let gap_note = match without_results.as_slice() {
        [] => None,
        [year] => Some(format!("Không có kết quả năm {year}")),
        years => {
            let years: Vec<String> = years.iter().map(i32::to_string).collect();
            Some(format!("Không có kết quả các năm {}", years.join(", ")))
        }
    };
    // The groups' own label when they share one (a group re-formed in
    // 2025, both "Bình quân cả nước"), else the general word.
    let mut labels = entries.iter().map(|e| {
        site.groups[site.tables[e.table].group]
            .average_label
            .as_str()
    });
    let first = labels.next();
    let average_label = match first {
        Some(label) if labels.all(|other| other == label) => label,
        _ => "Bình quân khối",
    };
    let region_label = region.map_or(String::new(), |r| {
        let region = &site.regions[r];
        let word = if region.kind == RegionKind::Category {
            "nhóm"
        } else {
            "vùng"
        };
        format!("Bình quân {word} {}", region.name)
    });
    let disputed = points.iter().any(|p| p.value.is_some() && p.marks.disputed);
    let own_illustrative = entries
        .iter()
        .any(|e| e.row.illustrative && e.row.value.is_some());
    // The averages drawn that chiso computed are said, with their years
    // when others were published; an illustrative one marks its line's
    // label (adv23 M2: drawn as if published).
    let group_years = |pick: fn(&Averages) -> bool| -> Vec<i32> {
        let mut years: Vec<i32> = averages
            .iter()
            .filter(|(_, a)| pick(a))
            .map(|&(y, _)| y)
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    };
    let drawn_group = points.iter().filter(|p| p.average.is_some()).count();
    let drawn_region = points.iter().filter(|p| p.region_average.is_some()).count();
    let mut more: Vec<String> = gap_note.iter().cloned().collect();
    let group_illustrative = averages.iter().any(|(_, a)| a.group_illustrative);
    let region_illustrative = averages.iter().any(|(_, a)| a.region_illustrative);
    let average_label = star(average_label, group_illustrative);
    let region_label = star(&region_label, region_illustrative);
    let (group, region) = (group_years(|a| a.group), group_years(|a| a.region));
    // Every average drawn is chiso's: the ranking charts' one note.
    let all_computed = (!group.is_empty() || !region.is_empty())
        && group.len() >= drawn_group
        && region.len() >= drawn_region;
    if !all_computed {
        more.extend(computed_note(&average_label, &group, drawn_group));
        more.extend(computed_note(&region_label, &region, drawn_region));
    }
    Series {
        points,
        notes: Notes {
            source: sources(site, entries),
            illustrative: group_illustrative || region_illustrative || own_illustrative,
            computed_average: all_computed,
            disputed,
            // No band lines on a unit's history.
            disputed_across_band: false,
            computed_ranks: false,
            more,
        },
        computed_ranks: entries.iter().any(|e| e.rank_computed),
        gap_note,
        average_label,
        region_label,
        own_illustrative,
    }
}

/// A year of a unit's history without its line: its place on the time
/// axis, with `table`'s precision and way of numbering ties, and nothing
/// drawn.
fn without_line(year: i32, table: &Table) -> YearPoint {
    YearPoint {
        year,
        value: None,
        decimals: table.decimals,
        marks: Marks::default(),
        rank: None,
        of: None,
        rank_style: table.tie_numbering(),
        rank_marks: Marks::default(),
        average: None,
        region_average: None,
        merged_in: None,
    }
}

/// The longest span of years a history lays out year by year.
const MOST_YEARS: i64 = 40;

/// Whether a year's averages drawn on a unit's history are chiso's (the
/// group's in a complete table without a published one; a region's in any
/// complete table), and made from an illustrative score.
#[derive(Debug, Clone, Copy)]
struct Averages {
    group: bool,
    group_illustrative: bool,
    region: bool,
    region_illustrative: bool,
}

/// A line's label with the illustrative mark when it is.
fn star(label: &str, illustrative: bool) -> String {
    if illustrative {
        format!("{label}*")
    } else {
        label.to_owned()
    }
}

/// The note under a history chart for the averages `label` names that
/// chiso computed (`years`, of `drawn` drawn): all of them, or those years.
fn computed_note(label: &str, years: &[i32], drawn: usize) -> Option<String> {
    match years.len() {
        0 => None,
        n if n >= drawn => Some(format!("{label}: {}", charts::COMPUTED)),
        _ => {
            let years: Vec<String> = years.iter().map(i32::to_string).collect();
            Some(format!(
                "{label} năm {}: {}",
                years.join(", "),
                charts::COMPUTED
            ))
        }
    }
}

/// A unit's score and rank on one index over the years: the score chart
/// (with the averages) and the rank chart (empty when never ranked).
pub fn series_charts(
    site: &Site,
    def: &Index,
    unit: UnitId,
    entries: &[EntryView],
) -> (String, String) {
    let s = series(site, unit, entries);
    let name = &site.units[unit].name;
    (history_chart(def, name, &s), rank_chart(def, name, &s))
}

/// A unit's score on one index over the years, with the averages.
fn history_chart(def: &Index, name: &str, s: &Series) -> String {
    let short = &def.short_name;
    let title = format!("{short} của {name} qua các năm");
    let mut desc = format!("Biểu đồ đường: điểm {short} của {name} từng năm");
    // The lines' names without their legend's illustrative mark.
    let plain = |label: &str| vi::mid_sentence(label.trim_end_matches('*'));
    if s.points.iter().any(|p| p.average.is_some()) {
        desc.push_str(&format!(", so với {}", plain(&s.average_label)));
    }
    if !s.region_label.is_empty() {
        desc.push_str(&format!(" và {}", plain(&s.region_label)));
    }
    desc.push_str(". Số liệu ở bảng bên dưới.");
    let axis = axis_title(def);
    charts::history(
        &ChartText {
            id: &format!("bieu-do-{}-qua-cac-nam", def.id),
            title: &title,
            desc: &desc,
        },
        &s.points,
        (def.scale.min, def.scale.max),
        &HistoryLines {
            unit: name,
            average_label: &s.average_label,
            region_label: &s.region_label,
            axis_title: &axis,
        },
        &s.notes,
        index_format(def),
    )
}

/// A unit's rank on one index over the years, 1 at the top; empty when it
/// was never ranked.
fn rank_chart(def: &Index, name: &str, s: &Series) -> String {
    let short = &def.short_name;
    let mut ranks: Vec<(i32, String)> = s
        .points
        .iter()
        .filter_map(|p| {
            p.rank
                .map(|r| (p.year, charts::rank_text(r, p.of) + p.rank_marks.text()))
        })
        .collect();
    ranks.sort();
    let story: Vec<String> = ranks.iter().map(|(y, r)| format!("{y}: {r}")).collect();
    let title = format!("Thứ hạng {short} của {name} qua các năm");
    let desc = format!(
        "Biểu đồ đường: thứ hạng {short} của {name} từng năm, hạng 1 ở trên cùng ({}). Số liệu ở bảng bên dưới.",
        story.join("; ")
    );
    // A rank chiso computed says so, as the tables beside it do.
    // It draws no average: of the notes under the scores, only the years
    // without results.
    let notes = Notes {
        computed_ranks: s.computed_ranks,
        more: s.gap_note.iter().cloned().collect(),
        illustrative: s.own_illustrative,
        computed_average: false,
        ..s.notes.clone()
    };
    charts::rank(
        &ChartText {
            id: &format!("bieu-do-{}-thu-hang", def.id),
            title: &title,
            desc: &desc,
        },
        &s.points,
        &notes,
    )
}

/// A row's top-level components against their maxima (the levels below
/// are in the table beside it); empty when it has none with a maximum.
pub fn components_chart(def: &Index, unit: &str, year: i32, row: &Row) -> String {
    let parts: Vec<Part> = row
        .components
        .iter()
        .filter_map(|&(c, value)| {
            let component = &def.components[c];
            if component.parent.is_some() {
                return None;
            }
            Some(Part {
                label: &component.name,
                value,
                decimals: row.component_decimals(def, c),
                max: component.max?,
            })
        })
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    let title = format!("Điểm các lĩnh vực của {unit} năm {year}");
    let desc = format!(
        "Biểu đồ thanh: điểm đạt của {} lĩnh vực so với điểm tối đa của từng lĩnh vực. Số liệu ở bảng bên dưới.",
        parts.len()
    );
    charts::components(
        &ChartText {
            id: &format!("bieu-do-{}-{year}-linh-vuc", def.id),
            title: &title,
            desc: &desc,
        },
        &parts,
    )
}

/// A complete table's ranking in rank order: bars for a small table, a
/// strip of dots on a fitted scale for a large one; the home unit (else
/// the leader) highlighted, the band thresholds and the average drawn.
pub fn ranking_chart(def: &Index, table: &TableView, home: Option<UnitId>) -> String {
    let short = &def.short_name;
    let format = Format {
        decimals: table.decimals,
        unit_label: &def.unit_label,
    };
    let has_home = home.is_some_and(|h| table.rows.iter().any(|r| r.unit_id == h));
    let bars: Vec<Bar> = table
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .filter_map(|r| {
            Some(Bar {
                label: &r.unit_name,
                value: r.value?,
                decimals: r.decimals,
                marks: Marks {
                    illustrative: r.illustrative,
                    disputed: r.disputed.is_some(),
                },
                highlight: if has_home {
                    home == Some(r.unit_id)
                } else {
                    r.rank == Some(1)
                },
            })
        })
        .collect();
    if bars.is_empty() {
        return String::new();
    }
    let (lowest, highest) = bars
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), bar| {
            (a.min(bar.value), b.max(bar.value))
        });
    // The top band's threshold always; the others where the figures are.
    let mut labels: Vec<(f64, String)> = Vec::new();
    for (n, band) in table.bands.iter().enumerate() {
        let Some(value) = band.min.or(band.above) else {
            continue;
        };
        let top = table.top_band.as_ref().is_some_and(|t| t.name == band.name);
        if top
            || (n > 0 && (lowest..=highest).contains(&value))
            || (n == 0 && table.top_band.is_none())
        {
            labels.push((value, format!("{}: {}", band.name, band.threshold)));
        }
    }
    let average_label = table.average_label.to_owned();
    // As the table's summary marks it.
    let average_illustrative = table.average_illustrative;
    let lines = RankingLines {
        thresholds: labels
            .iter()
            .map(|(value, label)| Marker {
                value: *value,
                label,
            })
            .collect(),
        average: table.average.map(|value| Marker {
            value,
            label: &average_label,
        }),
        average_decimals: table.average_decimals,
        average_disputed: table.average_derived_text.is_some(),
        average_illustrative,
        axis_title: &axis_title(def),
    };
    // A disputed figure drawn on one side of a band's line, the table's
    // own figure (which its band follows) on the other.
    let disputed_across_band = table.rows.iter().any(|r| {
        let (Some(value), Some(d), Some(_)) = (r.value, &r.disputed, r.rank) else {
            return false;
        };
        lines
            .thresholds
            .iter()
            .any(|t| (value >= t.value) != (d.derived >= t.value))
    });
    let notes = Notes {
        source: table.source.as_ref().map(|s| s.citation.clone()),
        illustrative: table.illustrative,
        computed_average: table.average.is_some() && !table.average_published && table.complete,
        disputed: bars.iter().any(|b| b.marks.disputed) || table.average_derived_text.is_some(),
        disputed_across_band,
        computed_ranks: false,
        more: Vec::new(),
    };
    let year = table.year;
    let title = format!("{short} {year}: {}", table.group.name);
    let strip = bars.len() > charts::MAX_BARS;
    let mut desc = if strip {
        format!(
            "Biểu đồ chấm: {short} của {} đơn vị trên trục điểm chỉ bao quanh các điểm số (không bắt đầu từ {}).",
            bars.len(),
            vi::format_number(def.scale.min, 0),
        )
    } else {
        format!(
            "Biểu đồ thanh ngang: {} của {} đơn vị, xếp theo thứ hạng, thang {}–{}.",
            short,
            bars.len(),
            vi::format_number(def.scale.min, 0),
            vi::format_number(def.scale.max, 0),
        )
    };
    if let Some(h) = bars.iter().find(|b| b.highlight) {
        desc.push_str(&format!(
            " Tô đậm: {} ({}{}).",
            h.label,
            format.at(h.decimals).value(h.value),
            h.marks.text()
        ));
    }
    if let Some(band) = &table.top_band {
        let mark = if band.illustrative { "*" } else { "" };
        desc.push_str(&format!(
            " Đường đứt nét là ngưỡng {} ({}); {}{mark} đơn vị đạt.",
            band.name, band.threshold, band.count
        ));
    }
    if let Some(avg) = &table.average_text {
        let mark = if average_illustrative { "*" } else { "" };
        desc.push_str(&format!(" {}: {avg}{mark}", table.average_label));
        if let Some(derived) = &table.average_derived_text {
            desc.push_str(&format!(" (công bố; tính từ bảng: {derived})"));
        }
        desc.push('.');
    }
    desc.push_str(" Số liệu ở bảng bên dưới.");
    charts::ranking(
        &ChartText {
            id: &format!("bieu-do-{}-{year}", def.id),
            title: &title,
            desc: &desc,
        },
        &bars,
        (def.scale.min, def.scale.max),
        &lines,
        &notes,
        format,
    )
}
