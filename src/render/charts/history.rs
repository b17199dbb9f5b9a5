//! A unit's score over the years: its line, the group's average and the
//! region's average as lines beside it, a titled vertical axis with the
//! index's unit, the years under the plot, each score written where it
//! fits, a legend, and the source and illustrative warning under it all.

use super::canvas::{Canvas, Label, GAP};
use super::fonts::{self, SMALL, VALUE};
use super::{HistoryLines, Notes, YearPoint, PAD, WIDTH};
use crate::render::figure::{self, Format};

/// The vertical extent of a history chart and the decimals of its axis
/// labels: the values with some room, on round figures of a step that suits
/// their spread, and never beyond the index's scale (`scale`: min, max), so
/// a 0–1 index is never labelled −1 and 2.
pub(super) fn history_extent(values: &[f64], scale: (f64, f64)) -> (f64, f64, u32) {
    let (smin, smax) = scale;
    let valid = smax > smin && (smax - smin).is_finite();
    let span = if valid { smax - smin } else { 1.0 };
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let Some(min) = finite.clone().reduce(f64::min) else {
        let (lo, hi) = if valid { (smin, smax) } else { (0.0, 1.0) };
        return (lo, hi, axis_decimals(span / 2.0));
    };
    let max = finite.fold(min, f64::max);
    let pad = ((max - min) * 0.15).max(span * 0.01);
    let window = (max - min) + 2.0 * pad;
    // A power of ten no larger than the window: its ends are round
    // figures (6 and 9, not 6,4 and 8,3, which read as data).
    let step = 10f64.powf(window.log10().floor());
    let mut lo = ((min - pad) / step).floor() * step;
    let mut hi = ((max + pad) / step).ceil() * step;
    if valid {
        lo = lo.max(smin);
        hi = hi.min(smax);
    }
    if hi <= lo || !(hi - lo).is_finite() {
        (lo, hi) = (min - pad, max + pad);
    }
    // The fewest decimals that print both ends exactly (`8` and `9`, not
    // `8,0` and `9,0`).
    let most = axis_decimals(step);
    let exact = |v: f64, d: u32| {
        let x = v * 10f64.powi(d as i32);
        (x - x.round()).abs() < 1e-6
    };
    let decimals = (0..most)
        .find(|&d| exact(lo, d) && exact(hi, d))
        .unwrap_or(most);
    (lo, hi, decimals)
}

/// Decimals that print multiples of `step` exactly: 0 for 1 and above, 2
/// for 0,01.
fn axis_decimals(step: f64) -> u32 {
    if step.is_finite() && step > 0.0 {
        (-step.log10().floor()).clamp(0.0, 6.0) as u32
    } else {
        0
    }
}

/// Where the years go across a chart from `left`: the first and last far
/// enough from the edges for their widest label (`widths`: each year's
/// widest label) to stay inside.
pub(super) fn year_positions(left: f64, widths: &[f64]) -> Vec<f64> {
    let n = widths.len();
    let first = widths.first().copied().unwrap_or(0.0) / 2.0 + GAP;
    let last = widths.last().copied().unwrap_or(0.0) / 2.0 + GAP;
    let (from, to) = (left + first, WIDTH - PAD - last);
    (0..n)
        .map(|i| {
            if n <= 1 || to <= from {
                (left + WIDTH) / 2.0
            } else {
                from + (to - from) * i as f64 / (n - 1) as f64
            }
        })
        .collect()
}

/// Writes the years under the plot at `baseline`: the first and the last,
/// then every other one that fits.
pub(super) fn year_labels(canvas: &mut Canvas, xs: &[f64], years: &[String], baseline: f64) {
    let n = xs.len();
    let mut order: Vec<usize> = Vec::with_capacity(n);
    order.extend(n.checked_sub(1));
    if n > 1 {
        order.push(0);
    }
    order.extend(1..n.saturating_sub(1));
    for i in order {
        canvas.place(
            &[Label::new(xs[i], baseline, "middle", "axis", &years[i])],
            f64::INFINITY,
        );
    }
}

/// The order in which points get their labels: the latest, the first, then
/// the others from the latest back.
pub(super) fn label_order(n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).rev().collect();
    if n > 1 {
        let first = order.remove(n - 1);
        order.insert(1, first);
    }
    order
}

/// A unit's score over the years as a line, oldest year on the left, with
/// the group's and the region's averages where known. Years without a score
/// keep their place and break the line. The axis stays within the index's
/// `scale` (min, max).
pub fn history(
    text: &super::ChartText,
    points: &[YearPoint],
    scale: (f64, f64),
    lines: &HistoryLines,
    notes: &Notes,
    format: Format,
) -> String {
    let mut points = points.to_vec();
    points.sort_by_key(|p| p.year);
    let mut all: Vec<f64> = Vec::new();
    for p in &points {
        all.extend(p.value);
        all.extend(p.average.map(|a| a.0));
        all.extend(p.region_average.map(|a| a.0));
    }
    let (lo, hi, tick_decimals) = history_extent(&all, scale);
    let mut canvas = Canvas::new(1536 + 400 * points.len());

    // The axis' title, then the plot, room above it for a label.
    let title_font = fonts::of("axis-title");
    let (title, cut) = title_font.truncate(lines.axis_title, WIDTH - 2.0 * PAD);
    canvas.put(
        &Label::new(PAD, title_font.ascent(), "start", "axis-title", &title)
            .full(cut.then_some(lines.axis_title)),
    );
    let top = title_font.line_height() + VALUE.line_height() + 10.0;
    let bottom = top + 110.0;
    let y_of = |v: f64| bottom - (bottom - top) * (v - lo) / (hi - lo);

    let ticks = [lo, hi].map(|v| figure::number(v, tick_decimals));
    let left = PAD + ticks.iter().map(|t| SMALL.width(t)).fold(0.0, f64::max) + 8.0;
    let values: Vec<Option<String>> = points
        .iter()
        .map(|p| {
            p.value
                .map(|v| super::value_label(format, p.decimals, v, p.marks))
        })
        .collect();
    let years: Vec<String> = points.iter().map(|p| p.year.to_string()).collect();
    let widths: Vec<f64> = points
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let v = values[i].as_deref().map_or(0.0, |t| VALUE.width(t));
            v.max(SMALL.width(&years[i]))
        })
        .collect();
    let xs = year_positions(left, &widths);

    for (v, tick) in [lo, hi].iter().zip(&ticks) {
        let y = y_of(*v);
        canvas.hline("grid", left, WIDTH, y);
        canvas.put(&Label::new(left - 6.0, y + 4.0, "end", "axis", tick));
    }
    let line_of = |pick: &dyn Fn(&YearPoint) -> Option<f64>| -> Vec<Option<(f64, f64)>> {
        points
            .iter()
            .zip(&xs)
            .map(|(p, &x)| pick(p).map(|v| (x, y_of(v))))
            .collect()
    };
    let average = line_of(&|p| p.average.map(|a| a.0));
    let region = line_of(&|p| p.region_average.map(|a| a.0));
    let has_average = average.iter().any(Option::is_some);
    let has_region = region.iter().any(Option::is_some);
    canvas.broken_line("average", &average);
    canvas.broken_line("region-average", &region);
    for (pts, class) in [(&average, "average-dot"), (&region, "region-average-dot")] {
        for &(x, y) in pts.iter().flatten() {
            dot(&mut canvas.out, class, (x, y), 2.5, None);
        }
    }
    let own = line_of(&|p| p.value);
    // A unit that absorbed others is not the unit it was: its line breaks.
    let mergers = super::merger_breaks(&points, |p| p.value.is_some());
    let mut start = 0;
    for end in mergers.iter().map(|&(i, _)| i).chain([own.len()]) {
        canvas.broken_line("line", &own[start..end]);
        start = end;
    }
    for &(x, y) in own.iter().flatten() {
        dot(&mut canvas.out, "dot", (x, y), 4.0, None);
    }

    year_labels(&mut canvas, &xs, &years, bottom + 4.0 + SMALL.ascent());
    let years: Vec<i32> = points.iter().map(|p| p.year).collect();
    point_labels(&mut canvas, &values, &own, &years, bottom + 3.0);

    let mut y = bottom + 4.0 + SMALL.line_height() + 6.0;
    if has_average || has_region {
        let mut entries = vec![("line", lines.unit)];
        if has_average {
            entries.push(("average", lines.average_label));
        }
        if has_region {
            entries.push(("region-average", lines.region_label));
        }
        y = canvas.legend(y, &entries) + 6.0;
    }
    let mut said: Vec<&str> = mergers.iter().map(|(_, note)| note.as_str()).collect();
    // An axis cut short of the scale's floor makes changes look larger:
    // said under the chart, as a strip of dots says it.
    let floor = (lo > scale.0 && scale.1 > scale.0)
        .then(|| format!("Trục không bắt đầu từ {}", figure::as_written(scale.0)));
    said.extend(floor.as_deref());
    let end = canvas.notes(y, notes, &said);
    canvas.finish(text, "chart-history", end + 4.0)
}

/// A dot at (x, y), with a tooltip when `title` is given.
pub(super) fn dot(out: &mut String, class: &str, (x, y): (f64, f64), r: f64, title: Option<&str>) {
    use super::Svg;
    out.lit("<circle class=\"")
        .lit(class)
        .lit("\" cx=\"")
        .coord(x)
        .lit("\" cy=\"")
        .coord(y)
        .lit("\" r=\"")
        .coord(r);
    match title {
        Some(title) => out.lit("\"><title>").text(title).lit("</title></circle>"),
        None => out.lit("\"/>"),
    };
}

/// Writes each point's label (`data-year`) above its dot, else below it,
/// else not at all; the latest first. The labels stay above `bottom`.
pub(super) fn point_labels(
    canvas: &mut Canvas,
    labels: &[Option<String>],
    dots: &[Option<(f64, f64)>],
    years: &[i32],
    bottom: f64,
) {
    for i in label_order(labels.len()) {
        let (Some(text), Some(Some((x, y)))) = (labels[i].as_deref(), dots.get(i)) else {
            continue;
        };
        let attrs = format!("data-year=\"{}\"", years[i]);
        let above =
            Label::new(*x, y - 7.0 - VALUE.descent(), "middle", "value", text).attrs(&attrs);
        let below = Label::new(*x, y + 7.0 + VALUE.ascent(), "middle", "value", text).attrs(&attrs);
        canvas.place(&[above, below], bottom);
    }
}
