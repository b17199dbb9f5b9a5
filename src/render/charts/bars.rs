//! A small table as horizontal bars from the scale's minimum, in the given
//! order: each name above its bar (wrapped, at most two lines, cut with the
//! whole name in a `<title>`), its figure at the right, the band
//! thresholds and the average as lines across all bars, labelled above.

use super::canvas::{vline, Canvas, Label, Part};
use super::fonts::{LABEL, VALUE};
use super::{Bar, ChartText, Notes, RankingLines, Svg, PAD, WIDTH};
use crate::render::figure::{self, Format};

/// The labels of a ranking's lines (thresholds, average) for the lanes
/// above the plot, with their values and line classes.
pub(super) fn marker_labels(
    lines: &RankingLines,
    format: Format,
) -> Vec<(f64, &'static str, Vec<Part>)> {
    let mut out = Vec::new();
    for t in &lines.thresholds {
        out.push((
            t.value,
            "threshold",
            vec![Part::new(t.label.to_owned(), "threshold-label")],
        ));
    }
    if let Some(a) = &lines.average {
        let mut text = format.at(lines.average_decimals).value(a.value);
        let marks = figure::Marks {
            illustrative: lines.average_illustrative,
            disputed: lines.average_disputed,
        };
        text.push_str(marks.text());
        let mut value = Part::new(text, "average-label");
        value.attrs = "data-average=\"\"".to_owned();
        // A group's long name would be cut ("Bình quân khối cơ quan Trung
        // ương đó…"): the chart's title names the group already.
        let mut parts = vec![Part::new(format!("{}:", a.label), "average-label"), value];
        if !super::canvas::fits(&parts) {
            parts[0] = Part::new("Bình quân:".to_owned(), "average-label");
        }
        out.push((a.value, "average", parts));
    }
    out
}

/// Writes the marker labels in lanes from the top and returns, for each,
/// its x, line class and the bottom of its label, and the lanes' bottom.
pub(super) fn put_lanes(
    canvas: &mut Canvas,
    markers: Vec<(f64, &'static str, Vec<Part>)>,
    x_of: impl Fn(f64) -> f64,
) -> (Vec<(f64, &'static str, f64)>, f64) {
    let classes: Vec<&'static str> = markers.iter().map(|m| m.1).collect();
    let labels: Vec<(f64, Vec<Part>)> = markers
        .into_iter()
        .map(|(v, _, parts)| (x_of(v), super::canvas::fit(parts)))
        .collect();
    let (placed, n) = Canvas::lanes(&labels);
    // A lane holds labels in bold 12 and figures in bold 13.
    let lane_h = VALUE.line_height() + 2.0;
    let mut lines = Vec::new();
    for (((x, parts), &(lane, x0)), class) in labels.iter().zip(&placed).zip(classes) {
        let baseline = (n - 1 - lane) as f64 * lane_h + VALUE.ascent();
        canvas.put_parts(x0, baseline, parts);
        lines.push((*x, class, baseline + VALUE.descent() + 1.0));
    }
    (lines, n as f64 * lane_h + if n > 0 { 4.0 } else { 0.0 })
}

/// A ranking as horizontal bars from `scale`'s minimum.
pub fn bars(
    text: &ChartText,
    bars: &[Bar],
    scale: (f64, f64),
    lines: &RankingLines,
    notes: &Notes,
    format: Format,
) -> String {
    let (min, max) = scale;
    let span = if max > min && (max - min).is_finite() {
        max - min
    } else {
        1.0
    };
    let values: Vec<String> = bars
        .iter()
        .map(|b| super::value_label(format, b.decimals, b.value, b.marks))
        .collect();
    let widest = values.iter().map(|v| VALUE.width(v)).fold(0.0, f64::max);
    let right = (WIDTH - PAD - widest - 8.0).max(WIDTH / 3.0);
    let x_of = |v: f64| {
        let share = (v - min) / span;
        right
            * if share.is_finite() {
                share.clamp(0.0, 1.0)
            } else {
                0.0
            }
    };
    let mut canvas = Canvas::new(1024 + 320 * bars.len());
    let (marks, mut y) = put_lanes(&mut canvas, marker_labels(lines, format), x_of);

    let mut shapes = String::with_capacity(160 * bars.len());
    for (bar, value) in bars.iter().zip(&values) {
        let (name_lines, cut) = LABEL.wrap(bar.label, WIDTH - 2.0 * PAD, 2);
        for line in &name_lines {
            y += LABEL.ascent();
            canvas.put(&Label::new(PAD, y, "start", "label", line).full(cut.then_some(bar.label)));
            y += LABEL.descent();
        }
        let baseline = y + 1.0 + VALUE.ascent();
        let bar_y = baseline - 11.0;
        let class = if bar.highlight {
            "bar highlight"
        } else {
            "bar"
        };
        shapes
            .lit("<rect class=\"track\" x=\"0\" y=\"")
            .coord(bar_y)
            .lit("\" width=\"")
            .coord(right)
            .lit("\" height=\"12\"/><rect class=\"")
            .lit(class)
            .lit("\" x=\"0\" y=\"")
            .coord(bar_y)
            .lit("\" width=\"")
            .coord(x_of(bar.value))
            .lit("\" height=\"12\"/>");
        let attrs = format!(
            "data-unit=\"{}\"",
            crate::render::escape::Escaped(bar.label)
        );
        canvas.put(&Label::new(WIDTH - PAD, baseline, "end", "value", value).attrs(&attrs));
        y = baseline + VALUE.descent() + 6.0;
    }
    let plot_bottom = y;
    // Shapes go under the text: put them first.
    let mut under = shapes;
    for &(x, class, top) in &marks {
        vline(&mut under, class, x, top, plot_bottom);
    }
    under.push_str(&canvas.out);
    canvas.out = under;
    let scale_note = format!(
        "{}{}thang {}–{}",
        lines.axis_title,
        if lines.axis_title.is_empty() {
            ""
        } else {
            ", "
        },
        figure::as_written(min),
        figure::as_written(max)
    );
    let end = canvas.notes(y + 2.0, notes, &[&scale_note]);
    canvas.finish(text, "chart-ranking", end + 4.0)
}
