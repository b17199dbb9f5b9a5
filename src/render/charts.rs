//! Charts as inline SVG, drawn at build time: plain data in, an SVG string
//! out. No JavaScript is needed to see them; colours come from CSS classes
//! and `currentColor`, so the theme (and dark mode) styles them. Every chart
//! is `role="img"` with a `<title>` and `<desc>` named by `aria-labelledby`,
//! and the page shows the same figures in a table beside it.
//!
//! Figures are printed by `figure`, exactly as the tables beside the charts
//! print them, and every piece of text is XML-escaped here; views hand the
//! result to templates marked safe (`escape::safe`).

use std::fmt::Write;

use super::escape::Escaped;
use super::figure::{self, Format};

/// What every chart needs to be accessible.
#[derive(Debug, Clone)]
pub struct ChartText<'a> {
    /// A prefix for the element ids, unique within the page.
    pub id: &'a str,
    pub title: &'a str,
    /// The text alternative: what the chart shows, in a sentence or two.
    pub desc: &'a str,
}

/// One year of a unit's history on one index.
#[derive(Debug, Clone, PartialEq)]
pub struct YearPoint {
    pub year: i32,
    pub value: Option<f64>,
    /// The decimals the value was published with.
    pub decimals: u32,
    pub rank: Option<u32>,
    pub of: Option<u32>,
}

/// One bar of a ranking chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar<'a> {
    pub label: &'a str,
    pub value: f64,
    /// The decimals the value was published with.
    pub decimals: u32,
    /// Drawn with its own class (the home unit, a leader).
    pub highlight: bool,
}

/// A line drawn across the bars: a band's threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold<'a> {
    pub value: f64,
    pub label: &'a str,
}

/// One component against its maximum.
#[derive(Debug, Clone, PartialEq)]
pub struct Part<'a> {
    pub label: &'a str,
    pub value: f64,
    /// The decimals the component's scores are published with.
    pub decimals: u32,
    pub max: f64,
}

const WIDTH: f64 = 360.0;

/// A coordinate with at most one decimal, without trailing zeros.
fn c(v: f64) -> Coord {
    Coord(if v.is_finite() { v } else { 0.0 })
}

/// A coordinate as `c` writes it. Charts write tens of thousands of them
/// per build: tenths are counted in integers, and only a value halfway
/// between two tenths goes through `{:.1}` (which rounds the exact binary
/// value, and so decides those ties differently from `f64::round`).
struct Coord(f64);

impl Coord {
    /// Writes the coordinate into `out`: `Display` for a formatter, and
    /// straight into a chart's string (see [`Svg`]).
    fn write_to(&self, out: &mut impl std::fmt::Write) -> std::fmt::Result {
        let tenths = self.0 * 10.0;
        if tenths.abs() >= 1e15 || (tenths - tenths.trunc()).abs() == 0.5 {
            let text = format!("{:.1}", self.0);
            return out.write_str(text.strip_suffix(".0").unwrap_or(&text));
        }
        let t = tenths.round() as i64;
        let (whole, tenth) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
        if t < 0 {
            out.write_str("-")?;
        }
        out.write_str(itoa::Buffer::new().format(whole))?;
        if tenth != 0 {
            out.write_str(".")?;
            out.write_str(itoa::Buffer::new().format(tenth))?;
        }
        Ok(())
    }
}

impl std::fmt::Display for Coord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_to(f)
    }
}

/// A chart's string, appended to piece by piece: literal markup,
/// coordinates and escaped text, each written directly rather than through
/// `write!`, whose per-argument formatting was most of the cost of a chart
/// (charts were a tenth of a national build).
trait Svg {
    fn lit(&mut self, markup: &str) -> &mut Self;
    fn coord(&mut self, v: f64) -> &mut Self;
    fn text(&mut self, text: &str) -> &mut Self;
}

impl Svg for String {
    fn lit(&mut self, markup: &str) -> &mut Self {
        self.push_str(markup);
        self
    }

    fn coord(&mut self, v: f64) -> &mut Self {
        // Writing into a String cannot fail.
        let _ = c(v).write_to(self);
        self
    }

    fn text(&mut self, text: &str) -> &mut Self {
        super::escape::push_escaped(self, text);
        self
    }
}

fn open(out: &mut String, text: &ChartText, class: &str, height: f64) {
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
}

fn text_at(out: &mut String, x: f64, y: f64, anchor: &str, class: &str, text: &str) {
    out.lit("<text x=\"")
        .coord(x)
        .lit("\" y=\"")
        .coord(y)
        .lit("\" text-anchor=\"")
        .lit(anchor)
        .lit("\" class=\"")
        .lit(class)
        .lit("\">")
        .text(text)
        .lit("</text>");
}

/// The vertical extent of a history chart and the decimals of its axis
/// labels: the values with some room, on round figures of a step that suits
/// their spread, and never beyond the index's scale (`scale`: min, max), so
/// a 0–1 index is never labelled −1 and 2.
fn history_extent(values: &[f64], scale: (f64, f64)) -> (f64, f64, u32) {
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
    let step = 10f64.powf((window / 2.0).log10().floor());
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

/// A unit's score over the years as a line, oldest year on the left, with the
/// rank written under each year. Years without a score keep their place and
/// their rank, and break the line. The axis stays within the index's
/// `scale` (min, max).
pub fn history(
    text: &ChartText,
    points: &[YearPoint],
    scale: (f64, f64),
    format: Format,
) -> String {
    let mut points = points.to_vec();
    points.sort_by_key(|p| p.year);
    let values: Vec<f64> = points.iter().filter_map(|p| p.value).collect();
    let (lo, hi, axis_decimals) = history_extent(&values, scale);
    let (left, right, top, bottom) = (40.0, WIDTH - 36.0, 24.0, 150.0);
    let height = 200.0;
    let x_of = |i: usize| {
        if points.len() <= 1 {
            (left + right) / 2.0
        } else {
            left + (right - left) * i as f64 / (points.len() - 1) as f64
        }
    };
    let y_of = |v: f64| bottom - (bottom - top) * (v - lo) / (hi - lo);
    // About what a chart takes, so that it is not copied as it grows.
    let mut out = String::with_capacity(1024 + 320 * points.len());
    open(&mut out, text, "chart-history", height);
    for v in [lo, hi] {
        let y = y_of(v);
        out.lit("<line class=\"grid\" x1=\"")
            .coord(left)
            .lit("\" x2=\"")
            .coord(right)
            .lit("\" y1=\"")
            .coord(y)
            .lit("\" y2=\"")
            .coord(y)
            .lit("\"/>");
        text_at(
            &mut out,
            left - 6.0,
            y + 4.0,
            "end",
            "axis",
            &figure::number(v, axis_decimals),
        );
    }
    // The line, broken where a year has no score.
    let mut segment: Vec<(f64, f64)> = Vec::new();
    let mut segments: Vec<Vec<(f64, f64)>> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match p.value {
            Some(v) => segment.push((x_of(i), y_of(v))),
            None => segments.push(std::mem::take(&mut segment)),
        }
    }
    segments.push(segment);
    for s in segments.iter().filter(|s| s.len() > 1) {
        out.lit("<polyline class=\"line\" points=\"");
        for (n, &(x, y)) in s.iter().enumerate() {
            if n > 0 {
                out.lit(" ");
            }
            out.coord(x).lit(",").coord(y);
        }
        out.lit("\"/>");
    }
    for (i, p) in points.iter().enumerate() {
        let x = x_of(i);
        if let Some(v) = p.value {
            let y = y_of(v);
            out.lit("<circle class=\"dot\" cx=\"")
                .coord(x)
                .lit("\" cy=\"")
                .coord(y)
                .lit("\" r=\"4\"/>");
            text_at(
                &mut out,
                x,
                y - 9.0,
                "middle",
                "value",
                &format.at(p.decimals).value(v),
            );
        }
        text_at(
            &mut out,
            x,
            bottom + 20.0,
            "middle",
            "axis",
            &p.year.to_string(),
        );
        let rank = match (p.rank, p.of) {
            (Some(r), Some(of)) => format!("hạng {r}/{of}"),
            (Some(r), None) => format!("hạng {r}"),
            _ => String::new(),
        };
        if !rank.is_empty() {
            text_at(&mut out, x, bottom + 38.0, "middle", "rank", &rank);
        }
    }
    out.push_str("</svg>");
    out
}

/// A ranking as horizontal bars from `scale_min`, in the given order, each
/// with its label above it and its value at the right, and the threshold
/// drawn as a dashed line across all bars.
pub fn ranking(
    text: &ChartText,
    bars: &[Bar],
    scale: (f64, f64),
    threshold: Option<&Threshold>,
    format: Format,
) -> String {
    let (min, max) = scale;
    let span = if max > min { max - min } else { 1.0 };
    // Bars leave room at the right for their value.
    let (left, right) = (0.0, WIDTH - 64.0);
    let x_of = |v: f64| left + (right - left) * ((v - min) / span).clamp(0.0, 1.0);
    let row = 34.0;
    let top = if threshold.is_some() { 20.0 } else { 4.0 };
    let height = top + row * bars.len() as f64 + 4.0;
    let mut out = String::with_capacity(1024 + 288 * bars.len());
    open(&mut out, text, "chart-ranking", height);
    // Shapes first, then the threshold, then text over them (CSS gives text
    // a halo in the background colour where the line crosses it).
    for (i, bar) in bars.iter().enumerate() {
        let y = top + row * i as f64 + 17.0;
        let class = if bar.highlight {
            "bar highlight"
        } else {
            "bar"
        };
        out.lit("<rect class=\"track\" x=\"")
            .coord(left)
            .lit("\" y=\"")
            .coord(y)
            .lit("\" width=\"")
            .coord(right - left)
            .lit("\" height=\"12\"/><rect class=\"")
            .lit(class)
            .lit("\" x=\"")
            .coord(left)
            .lit("\" y=\"")
            .coord(y)
            .lit("\" width=\"")
            .coord(x_of(bar.value) - left)
            .lit("\" height=\"12\"/>");
    }
    if let Some(t) = threshold {
        let x = x_of(t.value);
        let _ = write!(
            out,
            "<line class=\"threshold\" x1=\"{}\" x2=\"{}\" y1=\"14\" y2=\"{}\"/>",
            c(x),
            c(x),
            c(height)
        );
        let anchor = if x > WIDTH * 0.6 { "end" } else { "start" };
        let dx = if anchor == "end" { -4.0 } else { 4.0 };
        text_at(&mut out, x + dx, 11.0, anchor, "threshold-label", t.label);
    }
    for (i, bar) in bars.iter().enumerate() {
        let y = top + row * i as f64;
        text_at(&mut out, left, y + 12.0, "start", "label", bar.label);
        text_at(
            &mut out,
            WIDTH,
            y + 28.0,
            "end",
            "value",
            &format.at(bar.decimals).value(bar.value),
        );
    }
    out.push_str("</svg>");
    out
}

/// Components against their maxima: each a track as long as its maximum's
/// share is full, filled to the score, with "score/max" at the right.
pub fn components(text: &ChartText, parts: &[Part]) -> String {
    let row = 34.0;
    let height = row * parts.len() as f64 + 4.0;
    let mut out = String::with_capacity(512 + 352 * parts.len());
    open(&mut out, text, "chart-components", height);
    for (i, part) in parts.iter().enumerate() {
        let y = row * i as f64;
        let share = if part.max > 0.0 {
            (part.value / part.max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        text_at(&mut out, 0.0, y + 12.0, "start", "label", part.label);
        // As the components' table prints them.
        let figures = figure::component(part.value, part.decimals, Some(part.max));
        text_at(&mut out, WIDTH, y + 12.0, "end", "value", &figures);
        out.lit("<rect class=\"track\" x=\"0\" y=\"")
            .coord(y + 17.0)
            .lit("\" width=\"")
            .coord(WIDTH)
            .lit("\" height=\"12\"/><rect class=\"bar\" x=\"0\" y=\"")
            .coord(y + 17.0)
            .lit("\" width=\"")
            .coord(WIDTH * share)
            .lit("\" height=\"12\"/>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_have_at_most_one_decimal() {
        for (v, want) in [
            (360.0, "360"),
            (12.34, "12.3"),
            (12.36, "12.4"),
            (0.04, "0"),
            (-1.5, "-1.5"),
            (-12.0, "-12"),
            (0.25, "0.2"),
            (f64::NAN, "0"),
        ] {
            assert_eq!(c(v).to_string(), want, "{v}");
        }
        // The same text as `{:.1}` without a trailing `.0`, for many values.
        for i in -20_000..20_000 {
            let v = f64::from(i) * 0.013_7;
            let text = format!("{v:.1}");
            let want = text.strip_suffix(".0").unwrap_or(&text);
            let want = if want == "-0" { "0" } else { want };
            assert_eq!(c(v).to_string(), want, "{v}");
        }
    }

    const PCT: Format = Format {
        decimals: 2,
        unit_label: "%",
    };

    fn t<'a>(id: &'a str, title: &'a str) -> ChartText<'a> {
        ChartText {
            id,
            title,
            desc: "Mô tả <a & b>",
        }
    }

    #[test]
    fn text_is_escaped_and_charts_are_labelled() {
        let svg = ranking(
            &t("c1", "Sở \"A\" & <B>"),
            &[Bar {
                label: "<script>",
                value: 95.27,
                decimals: 2,
                highlight: false,
            }],
            (0.0, 100.0),
            None,
            PCT,
        );
        assert!(svg.starts_with(
            "<svg class=\"chart chart-ranking\" role=\"img\" aria-labelledby=\"c1-title c1-desc\""
        ));
        assert!(svg.contains("<title id=\"c1-title\">Sở &quot;A&quot; &amp; &lt;B&gt;</title>"));
        assert!(svg.contains("<desc id=\"c1-desc\">Mô tả &lt;a &amp; b&gt;</desc>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(!svg.contains("<script>"));
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn bars_are_proportional_and_the_threshold_is_drawn() {
        let bars = [
            Bar {
                label: "A",
                value: 95.27,
                decimals: 2,
                highlight: true,
            },
            Bar {
                label: "B",
                value: 50.0,
                decimals: 2,
                highlight: false,
            },
        ];
        let threshold = Threshold {
            value: 90.0,
            label: "Ngưỡng 90%",
        };
        let svg = ranking(&t("r", "x"), &bars, (0.0, 100.0), Some(&threshold), PCT);
        // Bars span 296 units: 95.27% → 282.0; 50% → 148; 90% → 266.4.
        assert!(svg.contains("class=\"bar highlight\" x=\"0\" y=\"37\" width=\"282\""));
        assert!(svg.contains("class=\"bar\" x=\"0\" y=\"71\" width=\"148\""));
        assert!(svg.contains("<line class=\"threshold\" x1=\"266.4\" x2=\"266.4\""));
        assert!(svg.contains(">Ngưỡng 90%</text>"));
        assert!(svg.contains(">95,27%</text>"));
        assert!(svg.contains(">50,00%</text>"));
    }

    #[test]
    fn history_orders_years_breaks_the_line_and_writes_ranks() {
        let points = [
            YearPoint {
                year: 2023,
                value: Some(88.35),
                decimals: 2,
                rank: Some(18),
                of: Some(63),
            },
            YearPoint {
                year: 2021,
                value: None,
                decimals: 2,
                rank: Some(8),
                of: Some(63),
            },
            YearPoint {
                year: 2022,
                value: Some(85.95),
                decimals: 2,
                rank: Some(28),
                of: Some(63),
            },
        ];
        let svg = history(&t("h", "PAR Index"), &points, (0.0, 100.0), PCT);
        let y2021 = svg.find(">2021<").unwrap();
        let y2023 = svg.find(">2023<").unwrap();
        assert!(y2021 < y2023);
        assert!(svg.contains(">hạng 8/63</text>"));
        assert!(svg.contains(">88,35%</text>"));
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert_eq!(svg.matches("<circle").count(), 2);
    }

    #[test]
    fn components_fill_to_their_maximum_and_print_figures_as_written() {
        let svg = components(
            &t("k", "Lĩnh vực"),
            &[
                Part {
                    label: "Cải cách TTHC",
                    value: 13.969,
                    decimals: 3,
                    max: 14.0,
                },
                Part {
                    label: "Tổ chức bộ máy",
                    value: 11.5,
                    decimals: 1,
                    max: 11.5,
                },
            ],
        );
        assert!(svg.contains(">13,969/14</text>"));
        assert!(svg.contains(">11,5/11,5</text>"));
        assert!(svg.contains("class=\"bar\" x=\"0\" y=\"51\" width=\"360\""));
    }

    #[test]
    fn labels_print_what_the_tables_print() {
        // Components with four decimals were cut to three (`0,123/1`).
        let svg = components(
            &t("k", "x"),
            &[Part {
                label: "A",
                value: 0.1234,
                decimals: 4,
                max: 1.0,
            }],
        );
        assert!(svg.contains(">0,1234/1</text>"), "{svg}");
        // Trailing zeros are published digits.
        let svg = components(
            &t("k", "x"),
            &[Part {
                label: "A",
                value: 0.5,
                decimals: 4,
                max: 1.0,
            }],
        );
        assert!(svg.contains(">0,5000/1</text>"), "{svg}");
        // A result published with its own decimals keeps them in a chart,
        // as in its table cell, and no unit label means no stray space.
        let bare = Format {
            decimals: 2,
            unit_label: "",
        };
        let svg = ranking(
            &t("r", "x"),
            &[Bar {
                label: "A",
                value: 0.5,
                decimals: 4,
                highlight: false,
            }],
            (0.0, 1.0),
            None,
            bare,
        );
        assert!(svg.contains(">0,5000</text>"), "{svg}");
        let svg = history(
            &t("h", "x"),
            &[YearPoint {
                year: 2023,
                value: Some(0.1234),
                decimals: 4,
                rank: None,
                of: None,
            }],
            (0.0, 1.0),
            bare,
        );
        assert!(svg.contains(">0,1234</text>"), "{svg}");
    }

    /// The axis labels of a history chart (its grid lines' texts).
    fn axis_labels(svg: &str) -> Vec<String> {
        svg.split("class=\"axis\">")
            .skip(1)
            .filter_map(|s| s.split('<').next())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn history_axes_stay_within_the_scale() {
        let point = |year, value, decimals| YearPoint {
            year,
            value: Some(value),
            decimals,
            rank: None,
            of: None,
        };
        let bare = Format {
            decimals: 4,
            unit_label: "",
        };
        // A 0–1 index was labelled −1 and 2.
        type Case<'a> = (&'a [YearPoint], (f64, f64), &'a [&'a str]);
        let cases: &[Case] = &[
            (
                &[point(2022, 0.6123, 4), point(2023, 0.6431, 4)],
                (0.0, 1.0),
                &["0,60", "0,66"],
            ),
            (&[point(2023, 0.9991, 4)], (0.0, 1.0), &["0,98", "1,00"]),
            (&[point(2023, 0.0, 4)], (0.0, 1.0), &["0,00", "0,01"]),
            (
                &[point(2022, 44.3138, 4), point(2023, 45.42, 4)],
                (8.0, 80.0),
                &["43", "47"],
            ),
            (&[point(2023, 8.2, 4)], (8.0, 80.0), &["8", "9"]),
            (
                &[point(2022, 85.95, 2), point(2023, 99.9, 2)],
                (0.0, 100.0),
                &["83", "100"],
            ),
            (
                &[point(2023, 7.25, 2), point(2024, 7.5, 2)],
                (0.0, 10.0),
                &["7,1", "7,6"],
            ),
        ];
        for &(points, scale, want) in cases {
            let svg = history(&t("h", "x"), points, scale, bare);
            let labels = axis_labels(&svg);
            assert_eq!(&labels[..2], want, "{points:?} on {scale:?}");
        }
        // No values: the whole scale.
        let svg = history(&t("h", "x"), &[], (8.0, 80.0), bare);
        assert_eq!(axis_labels(&svg), ["8", "80"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let empty = history(&t("e", "x"), &[], (0.0, 100.0), PCT);
        assert!(empty.ends_with("</svg>"));
        let nan = ranking(
            &t("n", "x"),
            &[Bar {
                label: "x",
                value: f64::NAN,
                decimals: 2,
                highlight: false,
            }],
            (5.0, 5.0),
            None,
            PCT,
        );
        assert!(!nan.contains("NaN"));
        let zero = components(
            &t("z", "x"),
            &[Part {
                label: "x",
                value: 1.0,
                decimals: 2,
                max: 0.0,
            }],
        );
        assert!(zero.contains("width=\"0\""));
    }
}
