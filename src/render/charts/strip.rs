//! A large table as a strip of dots on a scale fitted to its figures: 63
//! bars between 81 and 93 on a 0–100 axis say nothing, 63 dots on an 80–95
//! axis show who is close to whom. The axis is marked as not starting at
//! the scale's minimum (a break and a note), dots that would touch are
//! stacked, the highlighted units (the home unit) are drawn apart and
//! labelled with their figure, and the thresholds and the average are
//! lines labelled above the strip.

use super::bars::{marker_labels, put_lanes};
use super::canvas::{ticks, vline, Canvas, Label, Part, GAP};
use super::fonts::SMALL;
use super::history::dot;
use super::{Bar, ChartText, Notes, RankingLines, Svg, WIDTH};
use crate::render::escape::Escaped;
use crate::render::figure::{self, Format};

/// The diameter a dot takes, with a hair between two.
const STEP: f64 = 7.5;

/// The fitted extent of a strip: round figures around the values (and
/// the lines drawn), within the scale; the ticks and their decimals.
pub(super) fn strip_extent(values: &[f64], scale: (f64, f64)) -> (f64, f64, Vec<f64>, u32) {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let (smin, smax) = scale;
    let valid = smax > smin && (smax - smin).is_finite();
    let (mut min, mut max) = match (
        finite.iter().copied().reduce(f64::min),
        finite.iter().copied().reduce(f64::max),
    ) {
        (Some(a), Some(b)) => (a, b),
        _ if valid => (smin, smax),
        _ => (0.0, 1.0),
    };
    if max - min < 1e-9 {
        let pad = if valid { (smax - smin) * 0.01 } else { 0.5 };
        min -= pad;
        max += pad;
    }
    let (probe, _) = ticks(min, max, 4);
    let step = if probe.len() >= 2 {
        probe[1] - probe[0]
    } else {
        (max - min).max(1e-9)
    };
    let mut lo = (min / step - 1e-9).floor() * step;
    let mut hi = (max / step + 1e-9).ceil() * step;
    if valid {
        lo = lo.max(smin);
        hi = hi.min(smax);
    }
    if hi <= lo {
        hi = lo + step;
    }
    let (marks, decimals) = ticks(lo, hi, 4);
    (lo, hi, marks, decimals)
}

/// A ranking as a strip of dots on a scale fitted to the figures.
pub fn strip(
    text: &ChartText,
    rows: &[Bar],
    scale: (f64, f64),
    lines: &RankingLines,
    notes: &Notes,
    format: Format,
) -> String {
    let mut values: Vec<f64> = rows.iter().map(|b| b.value).collect();
    values.extend(lines.thresholds.iter().map(|t| t.value));
    values.extend(lines.average.as_ref().map(|a| a.value));
    let (lo, hi, tick_values, tick_decimals) = strip_extent(&values, scale);
    let tick_labels: Vec<String> = tick_values
        .iter()
        .map(|&v| figure::number(v, tick_decimals))
        .collect();
    let edge = tick_labels
        .iter()
        .map(|t| SMALL.width(t))
        .fold(0.0, f64::max)
        / 2.0
        + GAP
        + 4.0;
    let (left, right) = (edge, WIDTH - edge);
    let x_of = |v: f64| {
        let share = (v - lo) / (hi - lo);
        left + (right - left)
            * if share.is_finite() {
                share.clamp(0.0, 1.0)
            } else {
                0.0
            }
    };
    let mut canvas = Canvas::new(2048 + 160 * rows.len());

    // The labels above: thresholds, average, then the highlighted units.
    let mut markers = marker_labels(lines, format);
    let highlighted: Vec<&Bar> = rows.iter().filter(|b| b.highlight).collect();
    for bar in &highlighted {
        let label = super::value_label(format, bar.decimals, bar.value, bar.marks);
        let mut value = Part::new(label, "value");
        value.attrs = format!("data-unit=\"{}\"", Escaped(bar.label));
        let name = SMALL.truncate(bar.label, WIDTH / 2.0).0;
        markers.push((
            bar.value,
            "home-mark",
            vec![Part::new(name, "home-label"), value],
        ));
    }
    let (marks, lanes_bottom) = put_lanes(&mut canvas, markers, x_of);

    // The dots, stacked upward from the axis where they would touch.
    let mut order: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].value.is_finite())
        .collect();
    order.sort_by(|&a, &b| rows[a].value.total_cmp(&rows[b].value).then(a.cmp(&b)));
    let mut last_at_level: Vec<f64> = Vec::new();
    let mut levels = vec![0usize; rows.len()];
    for &i in &order {
        let x = x_of(rows[i].value);
        let level = (0..)
            .find(|&k| last_at_level.get(k).is_none_or(|&last| x - last >= STEP))
            .unwrap_or(0);
        if last_at_level.len() <= level {
            last_at_level.resize(level + 1, f64::NEG_INFINITY);
        }
        last_at_level[level] = x;
        levels[i] = level;
    }
    let stack = last_at_level.len().max(1) as f64;
    let axis_y = lanes_bottom + 8.0 + stack * STEP;

    let mut under = String::with_capacity(256 + 96 * rows.len());
    for &(x, class, top) in &marks {
        vline(&mut under, class, x, top, axis_y);
    }
    under
        .lit("<line class=\"axis-line\" x1=\"")
        .coord(left)
        .lit("\" x2=\"")
        .coord(right)
        .lit("\" y1=\"")
        .coord(axis_y)
        .lit("\" y2=\"")
        .coord(axis_y)
        .lit("\"/>");
    for &v in &tick_values {
        let x = x_of(v);
        under
            .lit("<line class=\"grid\" x1=\"")
            .coord(x)
            .lit("\" x2=\"")
            .coord(x)
            .lit("\" y1=\"")
            .coord(axis_y)
            .lit("\" y2=\"")
            .coord(axis_y + 4.0)
            .lit("\"/>");
    }
    let broken = lo > scale.0 && scale.1 > scale.0;
    if broken {
        // Two slanted strokes across the axis' start: the scale is cut.
        for dx in [-3.0, 1.0] {
            under
                .lit("<line class=\"axis-break\" x1=\"")
                .coord(left + dx)
                .lit("\" x2=\"")
                .coord(left + dx + 4.0)
                .lit("\" y1=\"")
                .coord(axis_y + 5.0)
                .lit("\" y2=\"")
                .coord(axis_y - 5.0)
                .lit("\"/>");
        }
    }
    let mut dots = String::with_capacity(96 * rows.len());
    for &i in &order {
        let bar = &rows[i];
        let x = x_of(bar.value);
        let y = axis_y - STEP / 2.0 - levels[i] as f64 * STEP;
        let class = if bar.highlight {
            "dot highlight"
        } else {
            "dot"
        };
        let r = if bar.highlight { 4.5 } else { 3.2 };
        let title = format!(
            "{}: {}",
            bar.label,
            super::value_label(format, bar.decimals, bar.value, bar.marks)
        );
        dot(&mut dots, class, (x, y), r, Some(&title));
    }
    under.push_str(&dots);
    under.push_str(&canvas.out);
    canvas.out = under;
    let tick_y = axis_y + 6.0 + SMALL.ascent();
    let n = tick_values.len();
    let mut order: Vec<usize> = vec![0];
    order.extend((1..n).rev());
    for i in order.into_iter().filter(|&i| i < n) {
        canvas.place(
            &[Label::new(
                x_of(tick_values[i]),
                tick_y,
                "middle",
                "axis",
                &tick_labels[i],
            )],
            f64::INFINITY,
        );
    }
    let mut extra: Vec<String> = Vec::new();
    if broken {
        extra.push(format!(
            "Trục không bắt đầu từ {}",
            figure::as_written(scale.0)
        ));
    }
    if !lines.axis_title.is_empty() {
        extra.push(format!(
            "{}, thang {}–{}",
            lines.axis_title,
            figure::as_written(scale.0),
            figure::as_written(scale.1)
        ));
    }
    let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
    let end = canvas.notes(tick_y + SMALL.descent() + 6.0, notes, &extra);
    canvas.finish(text, "chart-ranking chart-strip", end + 4.0)
}
