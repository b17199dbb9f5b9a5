//! Charts as inline SVG, drawn at build time: plain data in, an SVG string
//! out. No JavaScript is needed to see them; colours come from CSS classes
//! and `currentColor`, so the theme (and dark mode) styles them. Every chart
//! is `role="img"` with a `<title>` and `<desc>` named by `aria-labelledby`,
//! and the page shows the same figures in a table beside it.
//!
//! Every label is measured ([`measure`]: DejaVu Sans' advance widths, the
//! widest of the common sans-serifs) and placed inside the viewBox, never
//! over another label: margins widen to the longest label, labels that do
//! not fit are moved or left to the table, and long names are wrapped or cut
//! with an ellipsis, the whole name in a `<title>`. The sizes and weights
//! used here are the ones `chiso.css` gives each class ([`fonts`]).
//!
//! Figures are printed by `figure`, exactly as the tables beside the charts
//! print them (each value label carries `data-year` or `data-unit` so a test
//! can find its cell), and every piece of text is XML-escaped here; views
//! hand the result to templates marked safe (`escape::safe`).
//!
//! One module per chart: [`history`] (score over the years, with the
//! averages), [`rank`] (rank over the years, 1 at the top), [`bars`] (a
//! small table as bars from the scale's minimum), [`strip`] (a large table
//! as dots on a scale fitted to the data), [`components`]; [`canvas`] holds
//! the placing of labels, the legend and the notes they share.

mod bars;
mod canvas;
#[cfg(test)]
pub(crate) mod check;
mod components;
mod history;
pub mod measure;
mod rank;
mod strip;

pub use bars::bars;
pub use components::components;
pub use history::history;
pub use rank::{rank, rank_text};
pub use strip::strip;

use super::figure::Format;

/// Tables with more lines than this are drawn as a strip of dots on a
/// fitted scale ([`ranking`]); smaller ones as bars.
pub const MAX_BARS: usize = 20;

/// The text sizes and weights of the chart classes, as `chiso.css` sets
/// them (`.chart` 13 px; `.axis`, `.rank`, `.legend`, `.axis-title` 12 px;
/// `.value`, `.threshold-label`, `.average-label` and `.home-label` bold;
/// `.note` 11 px).
pub mod fonts {
    use super::measure::Font;
    pub const LABEL: Font = Font::new(13.0, false);
    pub const VALUE: Font = Font::new(13.0, true);
    pub const SMALL: Font = Font::new(12.0, false);
    pub const SMALL_BOLD: Font = Font::new(12.0, true);
    pub const NOTE: Font = Font::new(11.0, false);

    /// The font of a text of `class`.
    pub fn of(class: &str) -> Font {
        let first = class.split(' ').next().unwrap_or("");
        match first {
            "value" => VALUE,
            "axis" | "rank" | "legend" | "axis-title" => SMALL,
            "threshold-label" | "average-label" | "home-label" => SMALL_BOLD,
            "note" => NOTE,
            _ => LABEL,
        }
    }
}

/// What every chart needs to be accessible.
#[derive(Debug, Clone)]
pub struct ChartText<'a> {
    /// A prefix for the element ids, unique within the page.
    pub id: &'a str,
    pub title: &'a str,
    /// The text alternative: what the chart shows, in a sentence or two.
    pub desc: &'a str,
}

/// What a chart says under its plot, so that a screenshot keeps it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notes {
    /// Where the figures come from ("Nguồn: …" is added).
    pub source: Option<String>,
    /// Whether any figure drawn is illustrative ("Số liệu minh họa").
    pub illustrative: bool,
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
    /// The group's average that year, at the year's table precision.
    pub average: Option<(f64, u32)>,
    /// The unit's region's average that year.
    pub region_average: Option<(f64, u32)>,
}

/// What a score chart draws besides the unit's line.
#[derive(Debug, Clone, Default)]
pub struct HistoryLines<'a> {
    /// The unit's name, in the legend.
    pub unit: &'a str,
    /// What the group average is called ("Bình quân cả nước").
    pub average_label: &'a str,
    /// What the region's average is called ("Bình quân vùng Bắc Trung Bộ").
    pub region_label: &'a str,
    /// The vertical axis' title ("PAR Index (%)").
    pub axis_title: &'a str,
}

/// One bar (or dot) of a ranking chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar<'a> {
    pub label: &'a str,
    pub value: f64,
    /// The decimals the value was published with.
    pub decimals: u32,
    /// Drawn with its own class and labelled (the home unit, a leader).
    pub highlight: bool,
}

/// A line drawn across a ranking: a band's threshold or the average.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker<'a> {
    pub value: f64,
    pub label: &'a str,
}

/// What a ranking chart draws besides its bars or dots.
#[derive(Debug, Clone, Default)]
pub struct RankingLines<'a> {
    /// The band thresholds, best first.
    pub thresholds: Vec<Marker<'a>>,
    /// The group's average, labelled with its name and figure.
    pub average: Option<Marker<'a>>,
    /// The scale's title, under the axis ("PAR Index (%)").
    pub axis_title: &'a str,
}

/// A ranking as bars when it is small, as a strip of dots on a fitted scale
/// when it has more than [`MAX_BARS`] lines.
pub fn ranking(
    text: &ChartText,
    rows: &[Bar],
    scale: (f64, f64),
    lines: &RankingLines,
    notes: &Notes,
    format: Format,
) -> String {
    if rows.len() > MAX_BARS {
        strip(text, rows, scale, lines, notes, format)
    } else {
        bars(text, rows, scale, lines, notes, format)
    }
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
}
