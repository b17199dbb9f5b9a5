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
use crate::data::schema::RankStyle;

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

/// What a figure chiso computed is, in a chart's notes.
pub const COMPUTED: &str = "tính từ điểm trong bảng, không phải số liệu công bố";

/// What a chart says under its plot, so that a screenshot keeps it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notes {
    /// Where the figures come from ("Nguồn: …" is added).
    pub source: Option<String>,
    /// Whether any figure drawn is illustrative ("Số liệu minh họa").
    pub illustrative: bool,
    /// Whether the average line drawn was computed from the figures, not
    /// published: a chart is often shared without its table.
    pub computed_average: bool,
    /// Whether a figure drawn is a published one the table's own figures
    /// contradict, kept with the editor's note: its label is marked ‡ and
    /// a note says what the mark means.
    pub disputed: bool,
    /// Whether a disputed figure drawn is on the other side of a band's
    /// line from the table's own figure, which the table's band follows:
    /// the note says the band is not where the chart draws it.
    pub disputed_across_band: bool,
    /// Whether a rank drawn is chiso's, computed from the table, the
    /// source stating none (a rank chart's note says so).
    pub computed_ranks: bool,
    /// Further notes, in order, before the illustrative warning: a history
    /// chart's years without results, and which of its averages chiso
    /// computed.
    pub more: Vec<String>,
}

pub use super::figure::Marks;

/// A figure's label: `value` as `format` prints it at `decimals`, with
/// its `marks` (explained in the chart's notes).
fn value_label(format: Format, decimals: u32, value: f64, marks: Marks) -> String {
    let mut text = format.at(decimals).value(value);
    text.push_str(marks.text());
    text
}

/// One year of a unit's history on one index.
#[derive(Debug, Clone, PartialEq)]
pub struct YearPoint {
    pub year: i32,
    pub value: Option<f64>,
    /// The decimals the value was published with.
    pub decimals: u32,
    /// Whether the value is illustrative or disputed: its label is marked.
    pub marks: Marks,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// How that year's table numbers ties (1, 1, 2 or 1, 1, 3).
    pub rank_style: RankStyle,
    /// Whether the rank is computed from illustrative scores, or kept
    /// against the table's: its label is marked as the tables mark it.
    pub rank_marks: Marks,
    /// The group's average that year, at the year's table precision.
    pub average: Option<(f64, u32)>,
    /// The unit's region's average that year.
    pub region_average: Option<(f64, u32)>,
    /// The units merged into this one since its line before, in words
    /// ("sau năm 2024 sáp nhập thêm Cẩm Châu và Sơn Châu"): neither its
    /// score nor its rank is joined to the years before.
    pub merged_in: Option<String>,
}

/// The indices of the points (in time) with a figure `has` whose line is
/// not joined to the point with a figure before them: a unit absorbed
/// others between the two. Each with the chart's note.
pub(super) fn merger_breaks(
    points: &[YearPoint],
    has: impl Fn(&YearPoint) -> bool,
) -> Vec<(usize, String)> {
    let mut breaks = Vec::new();
    let mut before: Option<i32> = None;
    for (i, p) in points.iter().enumerate().filter(|(_, p)| has(p)) {
        if let (Some(then), Some(words)) = (before, &p.merged_in) {
            breaks.push((i, format!("Không nối {then} với {}: {words}", p.year)));
        }
        before = Some(p.year);
    }
    breaks
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
    /// Whether the value is illustrative or disputed: its label is marked.
    pub marks: Marks,
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
    /// The decimals the average prints with (as published, else the
    /// table's).
    pub average_decimals: u32,
    /// The average is a published one the table's scores contradict, kept
    /// with the editor's note: its figure is marked ‡, as on the page.
    pub average_disputed: bool,
    /// The average is computed from illustrative scores: marked *, as on
    /// the page.
    pub average_illustrative: bool,
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

/// Room kept at the left and right edges: some glyphs reach a little
/// beyond their advance (a `T` at x = 0 starts at −1 in the browser).
const PAD: f64 = 2.0;

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

/// Tests of every chart kind against the same rules: labels inside the
/// viewBox, never overlapping, figures as the tables print them.
#[cfg(test)]
mod chart_tests {
    use super::check::{assert_readable, texts};
    use super::*;

    const PCT: Format = Format {
        decimals: 2,
        unit_label: "%",
    };
    const POINTS: Format = Format {
        decimals: 4,
        unit_label: "điểm",
    };

    fn t<'a>(id: &'a str, title: &'a str) -> ChartText<'a> {
        ChartText {
            id,
            title,
            desc: "Mô tả <a & b>",
        }
    }

    fn point(year: i32, value: Option<f64>, rank: Option<u32>, of: Option<u32>) -> YearPoint {
        YearPoint {
            year,
            value,
            decimals: 2,
            marks: Marks::default(),
            rank,
            of,
            rank_style: RankStyle::Standard,
            rank_marks: Marks::default(),
            average: None,
            region_average: None,
            merged_in: None,
        }
    }

    fn bar(label: &str, value: f64, highlight: bool) -> Bar<'_> {
        Bar {
            label,
            value,
            decimals: 2,
            marks: Marks::default(),
            highlight,
        }
    }

    /// A little deterministic noise.
    fn noise(seed: &mut u64) -> f64 {
        *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (*seed >> 33) as f64 / f64::from(1u32 << 31)
    }

    fn lines<'a>() -> HistoryLines<'a> {
        HistoryLines {
            unit: "Hà Tĩnh",
            average_label: "Bình quân cả nước",
            region_label: "Bình quân vùng Bắc Trung Bộ và Duyên hải miền Trung",
            axis_title: "PAPI (điểm)",
        }
    }

    #[test]
    fn text_is_escaped_and_charts_are_labelled() {
        let svg = ranking(
            &t("c1", "Sở \"A\" & <B>"),
            &[bar("<script>", 95.27, false)],
            (0.0, 100.0),
            &RankingLines::default(),
            &Notes::default(),
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
        assert_readable(&svg);
    }

    #[test]
    fn the_last_value_of_a_history_is_whole_and_inside() {
        // PAPI's `45,4200 điể` was cut at the right edge.
        let mut points = vec![
            point(2022, Some(44.3138), Some(7), Some(61)),
            point(2023, Some(45.42), Some(8), Some(61)),
        ];
        for p in &mut points {
            p.decimals = 4;
        }
        let svg = history(
            &t("h", "PAPI"),
            &points,
            (8.0, 80.0),
            &lines(),
            &Notes::default(),
            POINTS,
        );
        let values: Vec<(String, String)> = texts(&svg)
            .into_iter()
            .filter(|x| x.class == "value")
            .map(|x| (x.text, x.attrs))
            .collect();
        assert_eq!(values.len(), 2);
        assert_eq!(values[0].0, "45,4200\u{a0}điểm");
        assert!(values[0].1.contains("data-year=\"2023\""));
        assert_eq!(values[1].0, "44,3138\u{a0}điểm");
        assert!(values[1].1.contains("data-year=\"2022\""));
        assert_readable(&svg);
    }

    #[test]
    fn history_draws_averages_a_legend_and_notes_inside() {
        let points: Vec<YearPoint> = (2019..2025)
            .map(|y| YearPoint {
                average: Some((80.0 + f64::from(y - 2019), 2)),
                region_average: (y != 2021).then_some((82.0, 2)),
                ..point(
                    y,
                    (y != 2020).then_some(85.0 + f64::from(y % 3)),
                    None,
                    None,
                )
            })
            .collect();
        let notes = Notes {
            source: Some("Quyết định số 519/QĐ-UBND ngày 22/02/2024 của Ủy ban nhân dân tỉnh Hà Tĩnh về việc công bố Chỉ số cải cách hành chính năm 2023 của các sở, ban, ngành".to_owned()),
            illustrative: true,
            ..Notes::default()
        };
        let svg = history(&t("h", "x"), &points, (0.0, 100.0), &lines(), &notes, PCT);
        // The missing year breaks the unit's line (2019 is a lone dot); the
        // region's too.
        assert_eq!(svg.matches("<polyline class=\"line\"").count(), 1);
        assert_eq!(svg.matches("<circle class=\"dot\"").count(), 5);
        assert_eq!(svg.matches("<polyline class=\"average\"").count(), 1);
        assert_eq!(svg.matches("<polyline class=\"region-average\"").count(), 2);
        assert!(svg.contains(">Bình quân cả nước</text>"));
        assert!(svg.contains(">PAPI (điểm)</text>"));
        assert!(svg.contains("Số liệu minh họa"));
        assert!(svg.contains(">Nguồn: Quyết định"));
        // The long source wraps: its last words are in the image, no title
        // holds what was cut.
        assert!(svg.contains("sở, ban, ngành</text>"), "{svg}");
        assert!(!svg.contains("<title>Nguồn:"));
        assert_readable(&svg);
    }

    #[test]
    fn every_history_is_readable() {
        let mut seed = 7;
        for years in 1..=14 {
            for (format, scale) in [
                (PCT, (0.0, 100.0)),
                (POINTS, (8.0, 80.0)),
                (
                    Format {
                        decimals: 3,
                        unit_label: "",
                    },
                    (0.0, 1.0),
                ),
            ] {
                let points: Vec<YearPoint> = (0..years)
                    .map(|i| {
                        let v = scale.0 + (scale.1 - scale.0) * (0.5 + 0.5 * noise(&mut seed));
                        YearPoint {
                            decimals: format.decimals,
                            average: Some((v * 0.98, format.decimals)),
                            ..point(2010 + i, (noise(&mut seed) > 0.2).then_some(v), None, None)
                        }
                    })
                    .collect();
                let svg = history(
                    &t("h", "x"),
                    &points,
                    scale,
                    &lines(),
                    &Notes::default(),
                    format,
                );
                assert_readable(&svg);
                // The latest score is always written.
                if let Some(last) = points.last().and_then(|p| p.value) {
                    let want = format.value(last);
                    assert!(svg.contains(&format!(">{want}</text>")), "{want}\n{svg}");
                }
            }
        }
    }

    #[test]
    fn the_rank_axis_is_inverted_and_a_missing_year_breaks_the_line() {
        let points = [
            point(2021, None, Some(8), Some(63)),
            point(2022, None, Some(28), Some(63)),
            point(2023, None, None, None),
            point(2024, None, Some(15), Some(34)),
            point(2025, None, Some(1), Some(34)),
        ];
        let svg = rank(&t("r", "x"), &points, &Notes::default());
        assert!(svg.contains("chart-rank"));
        let ys: Vec<(String, f64)> = texts(&svg)
            .into_iter()
            .filter(|x| x.class == "value")
            .map(|x| (x.text, x.rect.y0))
            .collect();
        let y = |label: &str| ys.iter().find(|(t, _)| t == label).map(|p| p.1);
        assert!(y("1/34") < y("8/63"), "{ys:?}");
        assert!(y("8/63") < y("15/34"), "{ys:?}");
        assert!(y("15/34") < y("28/63"), "{ys:?}");
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(svg.contains(">Thứ hạng (1 = cao nhất)</text>"));
        assert_readable(&svg);
        // Never ranked: no chart.
        assert_eq!(
            rank(
                &t("r", "x"),
                &[point(2023, Some(1.0), None, None)],
                &Notes::default()
            ),
            ""
        );
        let mut seed = 3;
        for years in 1..=12 {
            let points: Vec<YearPoint> = (0..years)
                .map(|i| {
                    let of = if noise(&mut seed) > 0.5 { 63 } else { 34 };
                    let r = 1 + (noise(&mut seed) * f64::from(of - 1)) as u32;
                    point(
                        2010 + i,
                        None,
                        (noise(&mut seed) > 0.15).then_some(r),
                        Some(of),
                    )
                })
                .collect();
            assert_readable(&rank(&t("r", "x"), &points, &Notes::default()));
        }
    }

    #[test]
    fn long_names_are_cut_with_their_whole_name_in_a_title() {
        let long = "Sở Lao động - Thương binh và Xã hội, cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Hà Tĩnh, phụ trách lao động, người có công và xã hội";
        let svg = bars(
            &t("b", "x"),
            &[bar(long, 86.42, false), bar("Sở Y tế", 91.26, true)],
            (0.0, 100.0),
            &RankingLines::default(),
            &Notes::default(),
            PCT,
        );
        assert!(svg.contains(&format!("<g><title>{long}</title>")));
        assert!(svg.contains("…</text>"));
        assert_readable(&svg);
        let svg = components(
            &t("k", "x"),
            &[Part {
                label: "Cải cách thủ tục hành chính và hiện đại hóa nền hành chính nhà nước theo hướng phục vụ",
                value: 8.495,
                decimals: 3,
                max: 10.0,
            }],
        );
        // `…cải cá8,495/10`: the name ran into its figure.
        assert!(svg.contains(">8,495/10</text>"));
        assert!(svg.contains("…</text>"));
        assert_readable(&svg);
    }

    #[test]
    fn bars_are_proportional_and_the_lines_are_drawn() {
        let rows = [bar("A", 95.27, true), bar("B", 50.0, false)];
        let lines = RankingLines {
            thresholds: vec![Marker {
                value: 90.0,
                label: "Nhóm A: từ 90%",
            }],
            average: Some(Marker {
                value: 72.64,
                label: "Bình quân khối sở",
            }),
            average_decimals: 2,
            average_disputed: false,
            average_illustrative: false,
            axis_title: "PAR Index (%)",
        };
        let svg = bars(
            &t("r", "x"),
            &rows,
            (0.0, 100.0),
            &lines,
            &Notes::default(),
            PCT,
        );
        assert!(svg.contains("<line class=\"threshold\""));
        assert!(svg.contains("<line class=\"average\""));
        assert!(svg.contains(">Nhóm A: từ 90%</tspan>"));
        assert!(svg.contains(" data-average=\"\">72,64%</tspan>"));
        assert!(svg.contains(">95,27%</text>"));
        assert!(svg.contains("data-unit=\"A\""));
        // Bars start at the scale's minimum: 50 % is half of 95.27 %'s
        // twice-as-long track.
        let width = |class: &str| -> f64 {
            let at = svg.find(&format!("class=\"{class}\" x=\"0\"")).unwrap_or(0);
            let rest = &svg[at..];
            let w = rest.split("width=\"").nth(1).unwrap_or("0");
            w.split('"').next().unwrap_or("0").parse().unwrap_or(0.0)
        };
        let (a, b) = (width("bar highlight"), width("bar"));
        assert!((a / b - 95.27 / 50.0).abs() < 0.01, "{a} {b}");
        assert_readable(&svg);
    }

    #[test]
    fn a_long_average_label_is_shortened_not_cut() {
        let rows = [bar("A", 96.47, true), bar("B", 92.0, false)];
        let lines = RankingLines {
            thresholds: Vec::new(),
            average: Some(Marker {
                value: 94.38,
                label: "Bình quân khối cơ quan Trung ương đóng trên địa bàn",
            }),
            average_decimals: 2,
            average_disputed: false,
            average_illustrative: false,
            axis_title: "Chỉ số CCHC tỉnh (%)",
        };
        let svg = bars(
            &t("r", "x"),
            &rows,
            (0.0, 100.0),
            &lines,
            &Notes::default(),
            PCT,
        );
        assert!(svg.contains(">Bình quân:</tspan>"), "{svg}");
        assert!(svg.contains(" data-average=\"\">94,38%</tspan>"));
        assert!(!svg.contains('…'), "{svg}");
        assert_readable(&svg);
    }

    fn provinces() -> Vec<String> {
        (0..63)
            .map(|i| format!("Tỉnh số {i} với một cái tên rất dài"))
            .collect()
    }

    #[test]
    fn large_tables_are_a_strip_on_a_fitted_scale() {
        let names = provinces();
        let mut seed = 11;
        let rows: Vec<Bar> = names
            .iter()
            .enumerate()
            .map(|(i, n)| bar(n, 81.0 + 12.0 * noise(&mut seed), i == 17))
            .collect();
        let lines = RankingLines {
            thresholds: vec![Marker {
                value: 90.0,
                label: "Nhóm A: từ 90%",
            }],
            average: Some(Marker {
                value: 87.0,
                label: "Bình quân cả nước",
            }),
            average_decimals: 2,
            average_disputed: false,
            average_illustrative: false,
            axis_title: "PAR Index (%)",
        };
        let svg = ranking(
            &t("s", "x"),
            &rows,
            (0.0, 100.0),
            &lines,
            &Notes::default(),
            PCT,
        );
        assert!(svg.contains("chart-strip"));
        assert_eq!(svg.matches("<circle").count(), 63);
        assert_eq!(svg.matches("class=\"dot highlight\"").count(), 1);
        assert!(svg.contains(">Trục không bắt đầu từ 0</text>"));
        assert!(svg.contains("class=\"axis-break\""));
        // The scale is fitted: its ticks lie around the figures.
        let ticks: Vec<f64> = texts(&svg)
            .into_iter()
            .filter(|x| x.class == "axis")
            .filter_map(|x| x.text.replace(',', ".").parse().ok())
            .collect();
        assert!(
            ticks.iter().all(|&v| (75.0..=95.0).contains(&v)),
            "{ticks:?}"
        );
        assert!(ticks.len() >= 2);
        // The home unit is labelled with its figure, as the table prints it.
        let home = format!("data-unit=\"{}\"", names[17]);
        assert!(svg.contains(&home));
        assert_readable(&svg);
        // Twenty lines stay bars.
        let svg = ranking(
            &t("s", "x"),
            &rows[..20],
            (0.0, 100.0),
            &lines,
            &Notes::default(),
            PCT,
        );
        assert!(!svg.contains("chart-strip"));
        assert_readable(&svg);
    }

    #[test]
    fn every_ranking_is_readable() {
        let names = provinces();
        let mut seed = 5;
        for n in [1, 2, 5, 19, 21, 34, 63, 120] {
            for (format, scale, spread) in [
                (PCT, (0.0, 100.0), 15.0),
                (POINTS, (8.0, 80.0), 10.0),
                (
                    Format {
                        decimals: 3,
                        unit_label: "",
                    },
                    (0.0, 1.0),
                    0.2,
                ),
            ] {
                let base = scale.0 + (scale.1 - scale.0) * 0.6;
                let rows: Vec<Bar> = (0..n)
                    .map(|i| Bar {
                        decimals: format.decimals,
                        ..bar(&names[i % 63], base + spread * noise(&mut seed), i == n / 2)
                    })
                    .collect();
                let lines = RankingLines {
                    thresholds: vec![
                        Marker {
                            value: base + spread * 0.8,
                            label: "Hoàn thành xuất sắc nhiệm vụ: từ 90%",
                        },
                        Marker {
                            value: base + spread * 0.3,
                            label: "Nhóm B: từ 80%",
                        },
                    ],
                    average: Some(Marker {
                        value: base + spread * 0.5,
                        label: "Bình quân khối sở, ban, ngành",
                    }),
                    average_decimals: 2,
                    average_disputed: false,
                    average_illustrative: false,
                    axis_title: "Chỉ số (%)",
                };
                let notes = Notes {
                    source: Some("Báo cáo".to_owned()),
                    illustrative: n % 2 == 0,
                    computed_average: n % 3 == 0,
                    disputed: n % 4 == 0,
                    disputed_across_band: n % 8 == 0,
                    computed_ranks: n % 5 == 0,
                    more: Vec::new(),
                };
                let svg = ranking(&t("s", "x"), &rows, scale, &lines, &notes, format);
                assert_readable(&svg);
            }
        }
    }

    #[test]
    fn labels_print_what_the_tables_print() {
        // Components with four decimals were cut to three (`0,123/1`).
        let part = |value| Part {
            label: "A",
            value,
            decimals: 4,
            max: 1.0,
        };
        let svg = components(&t("k", "x"), &[part(0.1234)]);
        assert!(svg.contains(">0,1234/1</text>"), "{svg}");
        // Trailing zeros are published digits.
        let svg = components(&t("k", "x"), &[part(0.5)]);
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
                decimals: 4,
                ..bar("A", 0.5, false)
            }],
            (0.0, 1.0),
            &RankingLines::default(),
            &Notes::default(),
            bare,
        );
        assert!(svg.contains(">0,5000</text>"), "{svg}");
        let svg = history(
            &t("h", "x"),
            &[YearPoint {
                decimals: 4,
                ..point(2023, Some(0.1234), None, None)
            }],
            (0.0, 1.0),
            &HistoryLines::default(),
            &Notes::default(),
            bare,
        );
        assert!(svg.contains(">0,1234</text>"), "{svg}");
    }

    #[test]
    fn a_disputed_figure_is_marked_and_the_mark_explained() {
        let format = Format {
            decimals: 2,
            unit_label: "%",
        };
        let notes = Notes {
            disputed: true,
            ..Notes::default()
        };
        let rows = [
            Bar {
                marks: Marks {
                    disputed: true,
                    ..Marks::default()
                },
                ..bar("Sở A", 85.21, true)
            },
            bar("Sở B", 80.0, false),
        ];
        let svg = ranking(
            &t("r", "x"),
            &rows,
            (0.0, 100.0),
            &RankingLines::default(),
            &notes,
            format,
        );
        assert_readable(&svg);
        let labels: Vec<String> = texts(&svg).into_iter().map(|x| x.text).collect();
        assert!(labels.iter().any(|l| l == "85,21%‡"), "{labels:?}");
        assert!(labels.iter().any(|l| l == "80,00%"), "{labels:?}");
        assert!(
            labels.iter().any(|l| l.starts_with("‡ Số liệu công bố")),
            "{labels:?}"
        );
        let points = [YearPoint {
            marks: Marks {
                illustrative: true,
                disputed: true,
            },
            ..point(2023, Some(85.21), None, None)
        }];
        let svg = history(
            &t("h", "x"),
            &points,
            (0.0, 100.0),
            &HistoryLines::default(),
            &notes,
            format,
        );
        assert_readable(&svg);
        assert!(svg.contains("85,21%*‡"), "{svg}");
    }

    #[test]
    fn history_axes_stay_within_the_scale() {
        let p = |year, value| YearPoint {
            decimals: 4,
            ..point(year, Some(value), None, None)
        };
        let bare = Format {
            decimals: 4,
            unit_label: "",
        };
        // A 0–1 index was labelled −1 and 2.
        type Case<'a> = (&'a [YearPoint], (f64, f64), &'a [&'a str]);
        let cases: &[Case] = &[
            (
                &[p(2022, 0.6123), p(2023, 0.6431)],
                (0.0, 1.0),
                &["0,60", "0,66"],
            ),
            (&[p(2023, 0.9991)], (0.0, 1.0), &["0,98", "1,00"]),
            (&[p(2023, 0.0)], (0.0, 1.0), &["0,00", "0,01"]),
            (
                &[p(2022, 44.3138), p(2023, 45.42)],
                (8.0, 80.0),
                &["43", "47"],
            ),
            (&[p(2023, 8.2)], (8.0, 80.0), &["8", "9"]),
            (
                &[p(2022, 85.95), p(2023, 99.9)],
                (0.0, 100.0),
                &["80", "100"],
            ),
            (&[p(2023, 7.25), p(2024, 7.5)], (0.0, 10.0), &["7,1", "7,6"]),
        ];
        let axis = |svg: &str| -> Vec<String> {
            texts(svg)
                .into_iter()
                .filter(|x| x.class == "axis" && !x.text.starts_with("20"))
                .map(|x| x.text)
                .collect()
        };
        for &(points, scale, want) in cases {
            let svg = history(
                &t("h", "x"),
                points,
                scale,
                &HistoryLines::default(),
                &Notes::default(),
                bare,
            );
            assert_eq!(axis(&svg), want, "{points:?} on {scale:?}");
            // An axis that does not start at the scale's floor says so.
            let floor = |w: &str| w.replace(',', ".").parse::<f64>().unwrap();
            let cut = want.first().is_some_and(|w| floor(w) > scale.0);
            let said = svg.contains(&format!(
                ">Trục không bắt đầu từ {}</text>",
                crate::render::figure::as_written(scale.0)
            ));
            assert_eq!(said, cut, "{points:?} on {scale:?}");
        }
        // No values: the whole scale.
        let svg = history(
            &t("h", "x"),
            &[],
            (8.0, 80.0),
            &HistoryLines::default(),
            &Notes::default(),
            bare,
        );
        assert_eq!(axis(&svg), ["8", "80"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let empty = history(
            &t("e", "x"),
            &[],
            (0.0, 100.0),
            &HistoryLines::default(),
            &Notes::default(),
            PCT,
        );
        assert!(empty.ends_with("</svg>"));
        for n in [1, 30] {
            let rows: Vec<Bar> = (0..n).map(|_| bar("x", f64::NAN, false)).collect();
            let nan = ranking(
                &t("n", "x"),
                &rows,
                (5.0, 5.0),
                &RankingLines::default(),
                &Notes::default(),
                PCT,
            );
            assert!(!nan.contains("NaN"), "{nan}");
        }
        let zero = components(
            &t("z", "x"),
            &[Part {
                label: "x",
                value: 1.0,
                decimals: 2,
                max: 0.0,
            }],
        );
        assert!(
            zero.contains("class=\"bar\" x=\"0\" y=\"17.2\" width=\"0\"")
                || zero.contains("width=\"0\"")
        );
    }
}
