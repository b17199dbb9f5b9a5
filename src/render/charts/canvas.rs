//! A chart being drawn: its markup and the boxes of the labels already
//! placed, so that each new label goes where it fits (inside the viewBox,
//! over no other label) or is left out; and the pieces several charts
//! share: the legend, the notes under the plot (source, illustrative
//! figures), labels in lanes above a plot, axis ticks.

use std::fmt::Write;

use super::fonts;
use super::measure::{Font, Rect};
use super::{c, ChartText, Notes, Svg, PAD, WIDTH};
use crate::render::escape::Escaped;

/// Room kept between two labels and around the edges.
pub const GAP: f64 = 2.0;

pub struct Canvas {
    pub out: String,
    boxes: Vec<Rect>,
}

/// A label to write: where, how, and what.
pub struct Label<'a> {
    pub x: f64,
    pub y: f64,
    pub anchor: &'static str,
    pub class: &'static str,
    pub text: &'a str,
    /// Attributes written as they are (`data-year="2023"`), already escaped.
    pub attrs: &'a str,
    /// The whole text when `text` was cut: written in a `<title>`.
    pub full: Option<&'a str>,
}

impl<'a> Label<'a> {
    pub fn new(x: f64, y: f64, anchor: &'static str, class: &'static str, text: &'a str) -> Self {
        Label {
            x,
            y,
            anchor,
            class,
            text,
            attrs: "",
            full: None,
        }
    }

    pub fn attrs(mut self, attrs: &'a str) -> Self {
        self.attrs = attrs;
        self
    }

    pub fn full(mut self, full: Option<&'a str>) -> Self {
        self.full = full;
        self
    }

    pub fn rect(&self) -> Rect {
        Rect::of_text(
            fonts::of(self.class),
            self.text,
            self.x,
            self.y,
            self.anchor,
        )
    }
}

impl Canvas {
    pub fn new(capacity: usize) -> Self {
        Canvas {
            out: String::with_capacity(capacity),
            boxes: Vec::new(),
        }
    }

    /// Whether `r` lies within the chart's width, below its top, and over
    /// no label placed so far.
    pub fn free(&self, r: &Rect) -> bool {
        r.x0 >= PAD - 0.01
            && r.x1 <= WIDTH - PAD + 0.01
            && r.y0 >= 0.0
            && !self.boxes.iter().any(|b| b.overlaps(r))
    }

    /// Writes the label, wherever it is, and keeps its box.
    pub fn put(&mut self, label: &Label) {
        let r = label.rect();
        self.boxes.push(r);
        if let Some(full) = label.full {
            self.out.lit("<g><title>").text(full).lit("</title>");
        }
        self.out
            .lit("<text x=\"")
            .coord(label.x)
            .lit("\" y=\"")
            .coord(label.y)
            .lit("\"");
        if label.anchor != "start" {
            self.out.lit(" text-anchor=\"").lit(label.anchor).lit("\"");
        }
        self.out.lit(" class=\"").lit(label.class).lit("\"");
        if !label.attrs.is_empty() {
            self.out.lit(" ").lit(label.attrs);
        }
        self.out.lit(">").text(label.text).lit("</text>");
        if label.full.is_some() {
            self.out.lit("</g>");
        }
    }

    /// Writes the first of `labels` that fits (and is within `bottom`),
    /// and says whether one did.
    pub fn place(&mut self, labels: &[Label], bottom: f64) -> bool {
        let fits = labels.iter().position(|l| {
            let r = l.rect();
            r.y1 <= bottom && self.free(&r)
        });
        match fits {
            Some(i) => {
                self.put(&labels[i]);
                true
            }
            None => false,
        }
    }

    /// A horizontal line.
    pub fn hline(&mut self, class: &str, x1: f64, x2: f64, y: f64) {
        self.out
            .lit("<line class=\"")
            .lit(class)
            .lit("\" x1=\"")
            .coord(x1)
            .lit("\" x2=\"")
            .coord(x2)
            .lit("\" y1=\"")
            .coord(y)
            .lit("\" y2=\"")
            .coord(y)
            .lit("\"/>");
    }

    /// Polylines through the points, broken at every `None`.
    pub fn broken_line(&mut self, class: &str, points: &[Option<(f64, f64)>]) {
        for run in points.split(Option::is_none) {
            if run.len() < 2 {
                continue;
            }
            self.out
                .lit("<polyline class=\"")
                .lit(class)
                .lit("\" points=\"");
            for (n, &(x, y)) in run.iter().flatten().enumerate() {
                if n > 0 {
                    self.out.lit(" ");
                }
                self.out.coord(x).lit(",").coord(y);
            }
            self.out.lit("\"/>");
        }
    }

    /// A legend from `top`: each entry a short line in its class and its
    /// label, entries side by side, on as many rows as they need. Returns
    /// the bottom of the last row.
    pub fn legend(&mut self, top: f64, entries: &[(&str, &str)]) -> f64 {
        let font = fonts::SMALL;
        let swatch = 18.0;
        let row_h = font.line_height() + 4.0;
        let (mut x, mut row) = (PAD, 0usize);
        let mut bottom = top;
        for &(class, label) in entries {
            let room = WIDTH - 2.0 * PAD - swatch - 4.0;
            let (text, cut) = font.truncate(label, room);
            let w = swatch + 4.0 + font.width(&text);
            if x > PAD && x + w > WIDTH - PAD {
                x = PAD;
                row += 1;
            }
            let baseline = top + row as f64 * row_h + font.ascent();
            let mid = baseline - font.size * 0.33;
            self.hline(&format!("legend-swatch {class}"), x, x + swatch, mid);
            let label = Label::new(x + swatch + 4.0, baseline, "start", "legend", &text)
                .full(cut.then_some(label));
            self.put(&label);
            bottom = baseline + font.descent();
            x += w + 12.0;
        }
        bottom
    }

    /// The notes under a chart from `top`, each wrapped: `extra`, the
    /// notes' `more`, the computed ranks' and average's and the illustrative
    /// figures' warnings, and the source. Returns their bottom (`top` when
    /// there are none).
    pub fn notes(&mut self, top: f64, notes: &Notes, extra: &[&str]) -> f64 {
        let font = fonts::NOTE;
        let mut lines: Vec<(String, Option<String>, &str)> = Vec::new();
        // Each note wrapped rather than cut: a screenshot keeps the whole
        // disclaimer and every source (the full text stays in a title when
        // even the lines allowed are too few).
        let mut put = |text: &str, max_lines: usize, class: &'static str| {
            let (wrapped, cut) = font.wrap(text, WIDTH - 2.0 * PAD, max_lines);
            let title = cut.then(|| text.to_owned());
            for line in wrapped {
                lines.push((line, title.clone(), class));
            }
        };
        for line in extra {
            put(line, 2, "note");
        }
        for note in &notes.more {
            put(note, 2, "note");
        }
        if notes.computed_ranks {
            let note = "Thứ hạng tính từ điểm trong bảng, không phải số công bố";
            put(note, 2, "note");
        }
        if notes.computed_average {
            put(&format!("Đường bình quân: {}", super::COMPUTED), 2, "note");
        }
        if notes.disputed_across_band {
            let note = "‡ Số liệu công bố, khác số liệu tính từ điểm trong bảng (xem ghi chú của bảng); xếp loại trong bảng theo số liệu tính từ điểm, không theo vị trí vẽ so với đường mức";
            put(note, 2, "note");
        } else if notes.disputed {
            let note =
                "‡ Số liệu công bố, khác số liệu tính từ điểm trong bảng (xem ghi chú của bảng)";
            put(note, 2, "note");
        }
        if notes.illustrative {
            let warning = "* Số liệu minh họa, không phải số liệu đã công bố";
            put(warning, 2, "note chart-illustrative");
        }
        if let Some(source) = notes.source.as_deref().filter(|s| !s.trim().is_empty()) {
            put(&format!("Nguồn: {}", source.trim()), 4, "note");
        }
        let step = font.line_height() + 1.0;
        let mut bottom = top;
        for (n, (text, full, class)) in lines.iter().enumerate() {
            let baseline = top + n as f64 * step + font.ascent();
            self.put(&Label::new(PAD, baseline, "start", class, text).full(full.as_deref()));
            bottom = baseline + font.descent();
        }
        bottom
    }

    /// Labels above a plot in lanes: each at its `x`, to the right of it
    /// (or to the left near the right edge), in the lowest lane where it
    /// covers no other. `labels` are (x, parts); a label's parts (text,
    /// class, attrs) are written one after the other. Returns for each
    /// label its lane (0 nearest the plot) and left edge, and the number of
    /// lanes.
    pub fn lanes(labels: &[(f64, Vec<Part>)]) -> (Vec<(usize, f64)>, usize) {
        let mut taken: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut out = Vec::new();
        for (x, parts) in labels {
            let w = parts_width(parts);
            let x0 = if x + 3.0 + w <= WIDTH - PAD {
                x + 3.0
            } else if x - 3.0 - w >= PAD {
                x - 3.0 - w
            } else {
                (WIDTH - PAD - w).max(PAD)
            };
            let x1 = x0 + w;
            let lane = (0..)
                .find(|&k| {
                    taken.get(k).is_none_or(|spans: &Vec<(f64, f64)>| {
                        spans.iter().all(|&(a, b)| x1 + 6.0 <= a || b + 6.0 <= x0)
                    })
                })
                .unwrap_or(0);
            if taken.len() <= lane {
                taken.resize(lane + 1, Vec::new());
            }
            taken[lane].push((x0, x1));
            out.push((lane, x0));
        }
        let n = taken.len();
        (out, n)
    }

    /// Writes a lane label's parts from `x0` (its left edge) on `baseline`.
    /// One `<text>` of class `lane-label`, each part a `<tspan>` with its
    /// class and attributes, so the browser sets them side by side.
    pub fn put_parts(&mut self, x0: f64, baseline: f64, parts: &[Part]) {
        let (ascent, descent) = parts.iter().fold((0.0f64, 0.0f64), |(a, d), p| {
            let font = fonts::of(p.class);
            (a.max(font.ascent()), d.max(font.descent()))
        });
        self.boxes.push(Rect {
            x0,
            y0: baseline - ascent,
            x1: x0 + parts_width(parts),
            y1: baseline + descent,
        });
        let full = parts.iter().find_map(|p| p.full.as_deref());
        if let Some(full) = full {
            self.out.lit("<g><title>").text(full).lit("</title>");
        }
        self.out
            .lit("<text x=\"")
            .coord(x0)
            .lit("\" y=\"")
            .coord(baseline)
            .lit("\" class=\"lane-label\">");
        for (n, part) in parts.iter().enumerate() {
            if n > 0 {
                self.out.lit(" ");
            }
            self.out.lit("<tspan class=\"").lit(part.class).lit("\"");
            if !part.attrs.is_empty() {
                self.out.lit(" ").lit(&part.attrs);
            }
            self.out.lit(">").text(&part.text).lit("</tspan>");
        }
        self.out.lit("</text>");
        if full.is_some() {
            self.out.lit("</g>");
        }
    }

    /// Opens the SVG at its final height around what was drawn.
    pub fn finish(self, text: &ChartText, class: &str, height: f64) -> String {
        let mut out = String::with_capacity(self.out.len() + 512);
        let (id, h) = (Escaped(text.id), c(height));
        let w = c(WIDTH);
        // Writing into a String cannot fail.
        let _ = write!(
            out,
            "<svg class=\"chart {class}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
             viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\">\
             <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
            Escaped(text.title),
            Escaped(text.desc),
        );
        out.push_str(&self.out);
        out.push_str("</svg>");
        out
    }
}

/// A vertical line, written into `out`.
pub fn vline(out: &mut String, class: &str, x: f64, y1: f64, y2: f64) {
    out.lit("<line class=\"")
        .lit(class)
        .lit("\" x1=\"")
        .coord(x)
        .lit("\" x2=\"")
        .coord(x)
        .lit("\" y1=\"")
        .coord(y1)
        .lit("\" y2=\"")
        .coord(y2)
        .lit("\"/>");
}

/// One piece of a lane label: its text, class and attributes.
pub struct Part {
    pub text: String,
    pub class: &'static str,
    pub attrs: String,
    /// The whole text when `text` was cut.
    pub full: Option<String>,
}

impl Part {
    pub fn new(text: String, class: &'static str) -> Self {
        Part {
            text,
            class,
            attrs: String::new(),
            full: None,
        }
    }
}

/// Whether a lane label fits the chart's width whole.
pub fn fits(parts: &[Part]) -> bool {
    parts_width(parts) <= WIDTH - 2.0 * PAD
}

/// A lane label cut to the chart's width: its first part (a name) is
/// shortened, the others (a figure) kept whole.
pub fn fit(mut parts: Vec<Part>) -> Vec<Part> {
    let room = WIDTH - 2.0 * PAD;
    let total = parts_width(&parts);
    if total <= room || parts.is_empty() {
        return parts;
    }
    let first = fonts::of(parts[0].class);
    let rest = total - first.width(&parts[0].text);
    let (text, cut) = first.truncate(&parts[0].text, (room - rest).max(room / 3.0));
    if cut {
        let full = std::mem::replace(&mut parts[0].text, text);
        parts[0].full = Some(full);
    }
    parts
}

/// The width of a lane label's parts, spaces between them.
fn parts_width(parts: &[Part]) -> f64 {
    let mut w = 0.0;
    for (n, part) in parts.iter().enumerate() {
        let font: Font = fonts::of(part.class);
        if n > 0 {
            w += font.width(" ");
        }
        w += font.width(&part.text);
    }
    w
}

/// Round ticks between `lo` and `hi`: a step of 1, 2 or 5 times a power of
/// ten giving about `count` of them, and the decimals that print it.
pub fn ticks(lo: f64, hi: f64, count: usize) -> (Vec<f64>, u32) {
    if hi <= lo || hi.is_nan() || lo.is_nan() || !(hi - lo).is_finite() {
        return (vec![lo], 0);
    }
    let raw = (hi - lo) / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()).clamp(0.0, 6.0) as u32
    };
    let exact = 10f64.powi(decimals as i32);
    let first = (lo / step - 1e-9).ceil();
    let mut out = Vec::new();
    let mut k = first;
    while k * step <= hi + step * 1e-9 && out.len() < 50 {
        // Rounded to the step's decimals, so 0.6000000000000001 is 0.6.
        out.push((k * step * exact).round() / exact);
        k += 1.0;
    }
    (out, decimals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(ticks(80.0, 95.0, 4), (vec![80.0, 85.0, 90.0, 95.0], 0));
        let (t, d) = ticks(0.41, 0.62, 4);
        assert_eq!((t, d), (vec![0.5, 0.6], 1));
        assert_eq!(ticks(5.0, 5.0, 4), (vec![5.0], 0));
    }

    #[test]
    fn lanes_stack_labels_that_would_touch() {
        let part = |t: &str| vec![Part::new(t.to_owned(), "threshold-label")];
        let (placed, n) = Canvas::lanes(&[
            (100.0, part("Ngưỡng 90%")),
            (110.0, part("Bình quân 88,35%")),
            (300.0, part("Hà Tĩnh")),
        ]);
        assert_eq!(n, 2);
        assert_eq!(placed[0].0, 0);
        assert_eq!(placed[1].0, 1);
        assert_eq!(placed[2].0, 0);
    }
}
