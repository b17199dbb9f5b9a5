//! Sparklines: a unit's rank or score over the years as a small inline SVG
//! for a scorecard, drawn at build time (plain data in, a string out).
//!
//! A rank is drawn with 1 at the top (a line that rises is a unit that
//! rose), on a scale from 1 to the largest "of" of its years; a score on a
//! scale fitted to its own values (a sparkline shows the trend, not the
//! level: the card prints the level). A year without a figure breaks the
//! line. The SVG is `role="img"` with its text alternative (every year's
//! figure, printed by the caller through `figure`) as its `aria-label` and
//! `<title>`; colours come from CSS (`currentColor`), so dark mode applies.
//! Fewer than two figures make no sparkline (empty string): a single dot
//! says nothing the card does not.

use std::fmt::Write;

use super::escape::Escaped;

/// The drawing's size, in SVG user units (the CSS may scale it).
const WIDTH: f64 = 120.0;
const HEIGHT: f64 = 36.0;
/// Room around the line so the end dot is not clipped.
const PAD: f64 = 4.0;

/// What the line shows, which decides its vertical scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// Ranks from 1 (at the top) to `of` (at the bottom).
    Rank { of: u32 },
    /// Scores, on a scale fitted to the values (higher at the top).
    Score,
}

/// One year's figure; `None` breaks the line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: Option<f64>,
}

/// The sparkline of `points` (in any order; drawn oldest first), with
/// `label` as its text alternative; empty with fewer than two figures.
pub fn sparkline(points: &[Point], scale: Scale, label: &str) -> String {
    let mut points: Vec<Point> = points
        .iter()
        .copied()
        .filter(|p| p.value.is_none_or(f64::is_finite))
        .collect();
    points.sort_by_key(|p| p.year);
    let values: Vec<f64> = points.iter().filter_map(|p| p.value).collect();
    if values.len() < 2 {
        return String::new();
    }
    let (first_year, last_year) = match (points.first(), points.last()) {
        (Some(a), Some(b)) => (a.year, b.year),
        _ => return String::new(),
    };
    let span = f64::from((last_year - first_year).max(1));
    let x = |year: i32| PAD + f64::from(year - first_year) / span * (WIDTH - 2.0 * PAD);
    // The value at the top of the drawing and at its bottom.
    let (top, bottom) = match scale {
        Scale::Rank { of } => (1.0, f64::from(of.max(2))),
        Scale::Score => {
            let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if (hi - lo).abs() < f64::EPSILON {
                (hi + 1.0, lo - 1.0)
            } else {
                (hi, lo)
            }
        }
    };
    let y = |v: f64| {
        let t = ((v - top) / (bottom - top)).clamp(0.0, 1.0);
        PAD + t * (HEIGHT - 2.0 * PAD)
    };
    let kind = match scale {
        Scale::Rank { .. } => "rank",
        Scale::Score => "score",
    };
    let mut svg = format!(
        "<svg class=\"sparkline {kind}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" role=\"img\" aria-label=\"{label}\" focusable=\"false\"><title>{label}</title>",
        label = Escaped(label)
    );
    // One polyline per unbroken run of years.
    let mut run: Vec<(f64, f64)> = Vec::new();
    let flush = |run: &mut Vec<(f64, f64)>, svg: &mut String| {
        if run.len() > 1 {
            svg.push_str("<polyline points=\"");
            for (i, (px, py)) in run.iter().enumerate() {
                if i > 0 {
                    svg.push(' ');
                }
                let _ = write!(svg, "{px:.1},{py:.1}");
            }
            svg.push_str("\"/>");
        } else if let Some((px, py)) = run.first() {
            let _ = write!(
                svg,
                "<circle class=\"lone\" cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"1.5\"/>"
            );
        }
        run.clear();
    };
    for p in &points {
        match p.value {
            Some(v) => run.push((x(p.year), y(v))),
            None => flush(&mut run, &mut svg),
        }
    }
    flush(&mut run, &mut svg);
    if let Some((p, v)) = points.iter().rev().find_map(|p| p.value.map(|v| (p, v))) {
        let _ = write!(
            svg,
            "<circle class=\"last\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\"/>",
            x(p.year),
            y(v)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(list: &[(i32, Option<f64>)]) -> Vec<Point> {
        list.iter()
            .map(|&(year, value)| Point { year, value })
            .collect()
    }

    /// The y of each polyline vertex, in order.
    fn ys(svg: &str) -> Vec<f64> {
        let start = svg.find("points=\"").map(|i| i + 8).unwrap_or(0);
        let end = svg[start..].find('"').map_or(start, |i| start + i);
        svg[start..end]
            .split(' ')
            .filter_map(|xy| xy.split_once(','))
            .filter_map(|(_, y)| y.parse().ok())
            .collect()
    }

    #[test]
    fn rank_one_is_at_the_top() {
        let svg = sparkline(
            &pts(&[
                (2024, Some(15.0)),
                (2021, Some(8.0)),
                (2022, Some(28.0)),
                (2023, Some(18.0)),
            ]),
            Scale::Rank { of: 63 },
            "Thứ hạng",
        );
        let y = ys(&svg);
        assert_eq!(y.len(), 4, "{svg}");
        // Oldest first: 8, 28, 18, 15. A better rank is higher (smaller y).
        assert!(y[0] < y[3] && y[3] < y[2] && y[2] < y[1], "{y:?}");
        assert!(svg.contains("role=\"img\"") && svg.contains("<title>Thứ hạng</title>"));
    }

    #[test]
    fn a_higher_score_is_higher_and_the_line_stays_inside() {
        let svg = sparkline(
            &pts(&[
                (2022, Some(85.95)),
                (2023, Some(88.35)),
                (2024, Some(89.72)),
            ]),
            Scale::Score,
            "Điểm",
        );
        let y = ys(&svg);
        assert!(y[0] > y[1] && y[1] > y[2], "{y:?}");
        assert!(y.iter().all(|&v| (0.0..=HEIGHT).contains(&v)), "{y:?}");
    }

    #[test]
    fn a_missing_year_breaks_the_line_and_one_figure_draws_nothing() {
        let svg = sparkline(
            &pts(&[
                (2020, Some(1.0)),
                (2021, Some(2.0)),
                (2022, None),
                (2023, Some(3.0)),
            ]),
            Scale::Rank { of: 10 },
            "x",
        );
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
        assert!(svg.contains("class=\"lone\""), "{svg}");
        assert_eq!(sparkline(&pts(&[(2023, Some(3.0))]), Scale::Score, "x"), "");
        assert_eq!(
            sparkline(
                &pts(&[(2023, Some(f64::NAN)), (2024, Some(1.0))]),
                Scale::Score,
                "x"
            ),
            ""
        );
    }

    #[test]
    fn the_label_is_escaped_and_equal_scores_draw_flat() {
        let svg = sparkline(
            &pts(&[(2022, Some(5.0)), (2023, Some(5.0))]),
            Scale::Score,
            "A & <B>",
        );
        assert!(
            svg.contains("A &amp; &lt;B&gt;") && !svg.contains("<B>"),
            "{svg}"
        );
        let y = ys(&svg);
        assert_eq!(y[0], y[1]);
    }
}
