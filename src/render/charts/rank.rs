//! A unit's rank over the years, 1 at the top: the news a reader looks for
//! ("8 → 28 → 18 → 15"). Each rank is written with its "of" ("15/63"), as
//! tables of different sizes rank out of different numbers; a year without
//! a rank keeps its place and breaks the line.

use super::canvas::{Canvas, Label};
use super::fonts::{self, SMALL, VALUE};
use super::history::{dot, point_labels, year_labels, year_positions};
use super::{ChartText, Notes, YearPoint, PAD, WIDTH};

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
        .map(|p| p.rank.map(|r| rank_text(r, p.of)))
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
    canvas.broken_line("line rank-line", &line);
    for &(x, y) in line.iter().flatten() {
        dot(&mut canvas.out, "dot", (x, y), 4.0, None);
    }
    year_labels(&mut canvas, &xs, &years, bottom + 4.0 + SMALL.ascent());
    let years: Vec<i32> = points.iter().map(|p| p.year).collect();
    point_labels(&mut canvas, &labels, &line, &years, bottom + 3.0);
    let y = bottom + 4.0 + SMALL.line_height() + 6.0;
    let end = canvas.notes(y, notes, &[]);
    canvas.finish(text, "chart-rank", end + 4.0)
}
