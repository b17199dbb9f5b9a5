//! A unit's rank over the years, 1 at the top: the news a reader looks for
//! ("8 → 28 → 18 → 15"). Each rank is written with its "of" ("15/63"), as
//! tables of different sizes rank out of different numbers; a year without
//! a rank keeps its place and breaks the line.

use super::canvas::{Canvas, Label};
use super::fonts::{self, SMALL, VALUE};
use super::history::{dot, point_labels, year_labels, year_positions};
use super::{ChartText, Notes, YearPoint, PAD, WIDTH};
use crate::model::same_field;

/// The axis' title.
const AXIS_TITLE: &str = "Thứ hạng (1 = cao nhất)";

/// A rank as the chart writes it: `15/63`, or `15` without an "of".
pub fn rank_text(rank: u32, of: Option<u32>) -> String {
    match of {
        Some(of) => format!("{rank}/{of}"),
        None => rank.to_string(),
    }
}

/// Ranks over the years, oldest on the left, rank 1 at the top and the
/// largest "of" at the bottom; empty when no year has a rank.
pub fn rank(text: &ChartText, points: &[YearPoint], notes: &Notes) -> String {
    let mut points = points.to_vec();
    points.sort_by_key(|p| p.year);
    if points.iter().all(|p| p.rank.is_none()) {
        return String::new();
    }
    let worst = points
        .iter()
        .filter_map(|p| p.rank.map(|r| r.max(p.of.unwrap_or(r))))
        .max()
        .unwrap_or(1)
        .max(2);
    let mut canvas = Canvas::new(1024 + 320 * points.len());
    let title_font = fonts::of("axis-title");
    canvas.put(&Label::new(
        PAD,
        title_font.ascent(),
        "start",
        "axis-title",
        AXIS_TITLE,
    ));
    let top = title_font.line_height() + VALUE.line_height() + 10.0;
    let bottom = top + 110.0;
    let y_of = |rank: u32| top + (bottom - top) * f64::from(rank - 1) / f64::from(worst - 1);

    let ticks = [1, worst].map(|r| r.to_string());
    let left = PAD + ticks.iter().map(|t| SMALL.width(t)).fold(0.0, f64::max) + 8.0;
    let labels: Vec<Option<String>> = points
        .iter()
        .map(|p| p.rank.map(|r| rank_text(r, p.of) + p.rank_marks.text()))
        .collect();
    let years: Vec<String> = points.iter().map(|p| p.year.to_string()).collect();
    let widths: Vec<f64> = labels
        .iter()
        .zip(&years)
        .map(|(l, y)| {
            l.as_deref()
                .map_or(0.0, |t| VALUE.width(t))
                .max(SMALL.width(y))
        })
        .collect();
    let xs = year_positions(left, &widths);
    for (r, tick) in [1, worst].iter().zip(&ticks) {
        let y = y_of(*r);
        canvas.hline("grid", left, WIDTH, y);
        canvas.put(&Label::new(left - 6.0, y + 4.0, "end", "axis", tick));
    }
    let line: Vec<Option<(f64, f64)>> = points
        .iter()
        .zip(&xs)
        .map(|(p, &x)| p.rank.map(|r| (x, y_of(r.min(worst)))))
        .collect();
    // Ranks of fields too different to compare (63 provinces, then 34)
    // are not joined: the line would draw a change no one measured.
    let fields = field_breaks(&points);
    // Nor is a unit's rank once it absorbed others.
    let mergers = super::merger_breaks(&points, |p| p.rank.is_some());
    let mut breaks: Vec<usize> = fields
        .iter()
        .copied()
        .chain(mergers.iter().map(|m| m.0))
        .collect();
    breaks.sort_unstable();
    breaks.dedup();
    let mut start = 0;
    for &end in breaks.iter().chain([&points.len()]) {
        canvas.broken_line("line rank-line", &line[start..end]);
        start = end;
    }
    for &(x, y) in line.iter().flatten() {
        dot(&mut canvas.out, "dot", (x, y), 4.0, None);
    }
    year_labels(&mut canvas, &xs, &years, bottom + 4.0 + SMALL.ascent());
    let years: Vec<i32> = points.iter().map(|p| p.year).collect();
    point_labels(&mut canvas, &labels, &line, &years, bottom + 3.0);
    let y = bottom + 4.0 + SMALL.line_height() + 6.0;
    let said: Vec<String> = breaks
        .iter()
        .map(|&b| match mergers.iter().find(|m| m.0 == b) {
            Some((_, note)) => note.clone(),
            None => field_break_note(&points[..b], &points[b]),
        })
        .collect();
    let said: Vec<&str> = said.iter().map(String::as_str).collect();
    let end = canvas.notes(y, notes, &said);
    canvas.finish(text, "chart-rank", end + 4.0)
}

/// The indices of the ranked points (in time) whose ranking is not of the
/// same field as the ranked point before them, both sizes being known, or
/// numbers its ties another way.
fn field_breaks(points: &[YearPoint]) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut before: Option<&YearPoint> = None;
    for (i, p) in points.iter().enumerate().filter(|(_, p)| p.rank.is_some()) {
        let differ = before.is_some_and(|b| {
            let fields = b.of.zip(p.of);
            fields.is_some_and(|(then, now)| !same_field(then, now)) || b.rank_style != p.rank_style
        });
        if differ {
            breaks.push(i);
        }
        before = Some(p);
    }
    breaks
}

/// What the chart says under a break: the two rankings' sizes, or how
/// each numbers its ties.
fn field_break_note(earlier: &[YearPoint], now: &YearPoint) -> String {
    let Some(then) = earlier.iter().rev().find(|p| p.rank.is_some()) else {
        return String::new();
    };
    let (year_then, year_now) = (then.year, now.year);
    match (then.of, now.of) {
        (Some(was), Some(of)) if !same_field(was, of) => {
            format!("Không nối {year_then} với {year_now}: xếp hạng {was} đơn vị, rồi {of}")
        }
        _ => format!(
            "Không nối {year_then} với {year_now}: năm {year_then} đánh số đồng hạng kiểu {}, năm {year_now} kiểu {}",
            then.rank_style.numbering(),
            now.rank_style.numbering()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::schema::RankStyle;

    fn point(year: i32, rank: u32, of: u32) -> YearPoint {
        YearPoint {
            year,
            value: None,
            decimals: 2,
            marks: crate::render::charts::Marks::default(),
            rank: Some(rank),
            of: Some(of),
            rank_style: RankStyle::Standard,
            rank_marks: crate::render::charts::Marks::default(),
            average: None,
            region_average: None,
            merged_in: None,
        }
    }

    #[test]
    fn ranks_of_fields_too_different_are_not_joined() {
        let text = ChartText {
            id: "r",
            title: "Thứ hạng",
            desc: "",
        };
        let points = [
            point(2022, 18, 63),
            point(2023, 18, 63),
            point(2024, 15, 63),
            point(2025, 24, 34),
        ];
        let svg = rank(&text, &points, &Notes::default());
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
        assert!(svg.contains("24/34"), "{svg}");
        assert!(
            svg.contains("Không nối 2024 với 2025: xếp hạng 63 đơn vị, rồi 34"),
            "{svg}"
        );
        // 60 then 61 provinces: one line.
        let points = [point(2021, 7, 60), point(2022, 8, 61), point(2023, 7, 61)];
        let svg = rank(&text, &points, &Notes::default());
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
        assert!(!svg.contains("Không nối"), "{svg}");
    }

    #[test]
    fn ranks_numbering_ties_two_ways_are_not_joined() {
        let text = ChartText {
            id: "r",
            title: "Thứ hạng",
            desc: "",
        };
        // Third both years: 3 in a standard table, 2 in a dense one.
        let dense = YearPoint {
            rank_style: RankStyle::Dense,
            ..point(2024, 2, 10)
        };
        let svg = rank(&text, &[point(2023, 3, 10), dense], &Notes::default());
        assert_eq!(svg.matches("<polyline").count(), 0, "{svg}");
        // The note, wrapped over two lines.
        assert!(
            svg.contains("Không nối 2023 với 2024: năm 2023 đánh số đồng hạng</text>"),
            "{svg}"
        );
        assert!(
            svg.contains(">kiểu 1, 1, 3, năm 2024 kiểu 1, 1, 2</text>"),
            "{svg}"
        );
    }
}
