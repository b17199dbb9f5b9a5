//! Components against their maxima: each a track as long as its maximum,
//! filled to the score, its name at the left (wrapped to two lines at most,
//! cut with the whole name in a `<title>`, never under its figure) and
//! "score/max" at the right, as the components' table prints it.

use super::canvas::{Canvas, Label};
use super::fonts::{LABEL, VALUE};
use super::{ChartText, Part, Svg, PAD, WIDTH};
use crate::render::figure;

/// Components against their maxima, one row each.
pub fn components(text: &ChartText, parts: &[Part]) -> String {
    let mut canvas = Canvas::new(512 + 400 * parts.len());
    let mut shapes = String::with_capacity(160 * parts.len());
    let mut y = 0.0;
    for part in parts {
        let share = if part.max > 0.0 {
            (part.value / part.max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let share = if share.is_finite() { share } else { 0.0 };
        // As the components' table prints them.
        let figures = figure::component(part.value, part.decimals, Some(part.max));
        let room = WIDTH - 2.0 * PAD - VALUE.width(&figures) - 10.0;
        let (lines, cut) = LABEL.wrap(part.label, room.max(WIDTH / 3.0), 2);
        let first = y + VALUE.ascent().max(LABEL.ascent());
        canvas.put(&Label::new(WIDTH - PAD, first, "end", "value", &figures));
        for (n, line) in lines.iter().enumerate() {
            let baseline = first + n as f64 * (LABEL.line_height() + 1.0);
            canvas.put(
                &Label::new(PAD, baseline, "start", "label", line).full(cut.then_some(part.label)),
            );
        }
        let text_bottom = first
            + (lines.len().max(1) - 1) as f64 * (LABEL.line_height() + 1.0)
            + VALUE.descent().max(LABEL.descent());
        let bar_y = text_bottom + 2.0;
        shapes
            .lit("<rect class=\"track\" x=\"0\" y=\"")
            .coord(bar_y)
            .lit("\" width=\"")
            .coord(WIDTH)
            .lit("\" height=\"12\"/><rect class=\"bar\" x=\"0\" y=\"")
            .coord(bar_y)
            .lit("\" width=\"")
            .coord(WIDTH * share)
            .lit("\" height=\"12\"/>");
        y = bar_y + 12.0 + 6.0;
    }
    shapes.push_str(&canvas.out);
    canvas.out = shapes;
    canvas.finish(text, "chart-components", y.max(1.0))
}
