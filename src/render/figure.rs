//! How a figure reads, in every output: the one home of number
//! presentation and of the reader-facing words around a figure.
//!
//! A figure is printed at its published precision (the decimals of its
//! index, table or result: precision is data, so `0,5000` keeps its zeros),
//! followed by its index's unit label (`%` right against the number, any
//! other label after a space, nothing at all when the index has none), and
//! marked when it is illustrative (`*`) or when other values were published
//! for it (`†`). Tables (`cells`), charts, shortcodes and the templates'
//! `unit_suffix` all print through [`Format`], so a chart's label is
//! exactly the table's cell. The open data keeps machine numbers (decimal
//! point, no grouping) rounded by the same rule ([`machine`],
//! [`machine_value`]), so a download agrees with the page to the last digit.
//! Page titles that more than one output writes (a page's `<title>`, the
//! search index) are made here too ([`title`]).
//!
//! This module formats; it never decides which precision a figure has (the
//! model does) and never escapes (its callers insert its text as text).

use crate::vi;

/// Printed for a figure that is missing or cannot be printed (NaN, ±∞).
pub const MISSING: &str = "—";

/// The mark after an illustrative figure (HTML).
pub const ILLUSTRATIVE_MARK: &str =
    "<span class=\"illustrative-mark\" title=\"Số liệu minh họa\">*</span>";

/// The mark after a change made from an illustrative result (HTML).
pub const ILLUSTRATIVE_CHANGE_MARK: &str =
    "<span class=\"illustrative-mark\" title=\"Tính từ số liệu minh họa\">*</span>";

/// The mark after a figure for which other values were published (HTML).
pub const ALTERNATIVES_MARK: &str =
    "<sup class=\"alt-mark\" title=\"Có giá trị khác đã được công bố\">†</sup>";

/// The mark after a published figure that disagrees with the one derived
/// from the table, kept with a note (`disputed`) (HTML).
pub const DISPUTED_MARK: &str =
    "<sup class=\"disputed-mark\" title=\"Số liệu công bố khác số tính từ bảng\">‡</sup>";

/// How a figure stands beside its source, for text without HTML (chart
/// labels, the search index's lines): illustrative (`*`), a disputed
/// published figure (`‡`), or neither, as the pages' marks say it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub illustrative: bool,
    pub disputed: bool,
}

impl Marks {
    /// The marks to write after the figure: ``, `*`, `‡` or `*‡`.
    pub fn text(self) -> &'static str {
        match (self.illustrative, self.disputed) {
            (false, false) => "",
            (true, false) => "*",
            (false, true) => "‡",
            (true, true) => "*‡",
        }
    }
}

/// The mark after a change in points of a line whose published value is
/// disputed (this year's or the earlier one's): it is made from the
/// table's own figure, not the one printed beside it (HTML).
pub const DISPUTED_CHANGE_MARK: &str =
    "<sup class=\"disputed-mark\" title=\"Tính từ tỷ lệ theo điểm trong bảng, không theo tỷ lệ công bố\">‡</sup>";

/// The mark after a change in places counted from a rank the table gives
/// where the published one is disputed (HTML).
pub const DISPUTED_RANK_CHANGE_MARK: &str =
    "<sup class=\"disputed-mark\" title=\"Tính từ thứ hạng theo bảng, không theo thứ hạng công bố\">‡</sup>";

/// The words after a figure the site computed from a complete table rather
/// than took from its source (text), in an article's sentence.
pub const DERIVED_MARK: &str = " (tính từ bảng)";

/// A published threshold in place of a score: `≥ 90%` ("từ 90% trở lên"),
/// `> 90%` ("trên 90%"), at the precision of the threshold as written.
pub fn threshold_text(format: Format, threshold: crate::model::ScoreFloor) -> String {
    let sign = if threshold.strict { ">" } else { "≥" };
    let decimals = vi::written_decimals(threshold.value).min(format.decimals);
    format!(
        "{sign}{}{}",
        vi::NBSP,
        format.at(decimals).value(threshold.value)
    )
}

/// How the figures of an index are printed: the published decimals and the
/// unit label (`%`, `điểm`, or empty).
#[derive(Debug, Clone, Copy)]
pub struct Format<'a> {
    pub decimals: u32,
    pub unit_label: &'a str,
}

impl<'a> Format<'a> {
    /// The same unit label at another precision (a result published with
    /// its own decimals).
    pub fn at(self, decimals: u32) -> Format<'a> {
        Format { decimals, ..self }
    }

    /// The number alone: `88,35`, `0,5000`, or `—`.
    pub fn number(&self, v: f64) -> String {
        number(v, self.decimals)
    }

    /// The number and its unit: `88,35%`, `7,00 điểm`, `0,1234`, or `—`.
    pub fn value(&self, v: f64) -> String {
        if !v.is_finite() {
            return MISSING.to_owned();
        }
        let mut out = vi::format_number(v, self.decimals);
        out.push_str(&unit_suffix(self.unit_label));
        out
    }

    /// A band's threshold, the one way every output prints it (tables'
    /// summaries, charts, shortcodes, the index page): as the definition
    /// wrote it (`từ 90%`, `từ 87,5%`, `trên 0,5 điểm`), not padded to the
    /// figures' precision, and at most at this format's precision (the
    /// table's, or the index's where no table is concerned), at which
    /// scores are compared with it.
    pub fn threshold(&self, min: f64) -> String {
        let decimals = vi::written_decimals(min).min(self.decimals);
        self.at(decimals).value(min)
    }
}

/// A number at `decimals`, without a unit (`88,35`, `19.536`), or `—`:
/// what templates' `number` filter prints.
pub fn number(v: f64, decimals: u32) -> String {
    if !v.is_finite() {
        return MISSING.to_owned();
    }
    vi::format_number(v, decimals)
}

/// What follows a number (text, not HTML): `%` right against it, a
/// no-break space and the label (`\u{a0}điểm`: a line never ends between
/// a number and its unit), or nothing when the index has no unit label.
pub fn unit_suffix(label: &str) -> String {
    match label {
        "" => String::new(),
        "%" => "%".to_owned(),
        label => format!("{}{label}", vi::NBSP),
    }
}

/// A component's score at the component's published precision (trailing
/// zeros kept: `0,5000`), out of its maximum as defined: `13,969/14`,
/// `0,5000/1`; the score alone when the component has no maximum.
pub fn component(value: f64, decimals: u32, max: Option<f64>) -> String {
    let mut out = number(value, decimals);
    if let Some(max) = max {
        out.push('/');
        out.push_str(&as_written(max));
    }
    out
}

/// A change in score in words, at `decimals`, with its direction:
/// `tăng 2,40 điểm`, `giảm 1,37 điểm phần trăm` (an index in percent), or
/// `giữ nguyên điểm` when it prints as zero.
pub fn score_change(delta: f64, decimals: u32, unit_label: &str) -> (String, std::cmp::Ordering) {
    let unit = if unit_label == "%" {
        "điểm phần trăm"
    } else {
        "điểm"
    };
    let shown = number(delta.abs(), decimals);
    let direction = vi::scaled(delta, decimals).cmp(&0);
    let words = match direction {
        std::cmp::Ordering::Greater => format!("tăng {shown}{}{unit}", vi::NBSP),
        std::cmp::Ordering::Less => format!("giảm {shown}{}{unit}", vi::NBSP),
        std::cmp::Ordering::Equal => "giữ nguyên điểm".to_owned(),
    };
    (words, direction)
}

/// A figure printed with the decimals its source wrote it with (points,
/// maxima, components, other published values): `13,969`, `14`.
pub fn as_written(v: f64) -> String {
    if !v.is_finite() {
        return MISSING.to_owned();
    }
    vi::format_as_written(v)
}

/// A figure for machines (CSV): rounded exactly as the page rounds it, with
/// a decimal point and no grouping (`1234.57`, `-0.50`); `None` when it
/// cannot be printed.
pub fn machine(v: f64, decimals: u32) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    let page = vi::format_number(v, decimals);
    Some(
        page.chars()
            .filter(|&c| c != '.')
            .map(|c| if c == ',' { '.' } else { c })
            .collect(),
    )
}

/// A figure for JSON: the double nearest the printed figure (what parsing
/// [`machine`]'s text gives), or `None` when it is not finite.
pub fn machine_value(v: f64, decimals: u32) -> Option<f64> {
    // The usual figure, not near a rounding tie: as its scaled integer.
    // Division is correctly rounded, so n / 10^d is the double nearest the
    // decimal, which is what parsing the printed figure gives.
    if let Some(n) = vi::scaled_far_from_a_tie(v, decimals) {
        let x = n as f64 / 10f64.powi(decimals as i32);
        // A figure that rounds to zero is 0, never -0 (as on the page).
        return Some(if v.is_sign_negative() && n != 0 {
            -x
        } else {
            x
        });
    }
    machine(v, decimals)?
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
}

/// Page titles that more than one output writes.
pub mod title {
    /// A group's ranking page of a year: `Sở, ban, ngành năm 2023`.
    pub fn ranking(group: &str, year: i32) -> String {
        format!("{group} năm {year}")
    }

    /// A year's page: `Năm 2023`.
    pub fn year(year: i32) -> String {
        format!("Năm {year}")
    }

    /// A tag's page: `Chủ đề: cải cách`.
    pub fn tag(name: &str) -> String {
        format!("Chủ đề: {name}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_change_in_score_is_said_in_points_or_percentage_points() {
        let said = |d, n, u| score_change(d, n, u).0;
        assert_eq!(said(1.37, 2, "%"), "tăng 1,37\u{a0}điểm phần trăm");
        assert_eq!(said(-2.4, 2, "điểm"), "giảm 2,40\u{a0}điểm");
        assert_eq!(said(0.001, 2, ""), "giữ nguyên điểm");
    }

    use super::*;

    const NONE: &str = "";

    #[test]
    fn figures_print_at_their_published_precision_with_their_unit() {
        let cases: &[(f64, u32, &str, &str)] = &[
            (88.349, 0, "%", "88%"),
            (88.349, 1, "%", "88,3%"),
            (88.349, 2, "%", "88,35%"),
            (88.35, 3, "%", "88,350%"),
            (0.1234, 4, NONE, "0,1234"),
            // Trailing zeros are published digits.
            (0.5, 4, NONE, "0,5000"),
            (2.4, 2, NONE, "2,40"),
            (7.0, 2, "điểm", "7,00\u{a0}điểm"),
            (19536.0, 0, "điểm", "19.536\u{a0}điểm"),
            // Half away from zero on the figure as written.
            (2.675, 2, NONE, "2,68"),
            (-2.675, 2, NONE, "-2,68"),
            (-1.5, 0, "%", "-2%"),
            (-0.001, 2, "%", "0,00%"),
            (f64::NAN, 2, "%", "—"),
            (f64::INFINITY, 0, "điểm", "—"),
        ];
        for &(v, decimals, unit_label, want) in cases {
            let format = Format {
                decimals,
                unit_label,
            };
            assert_eq!(format.value(v), want, "{v} at {decimals} in {unit_label:?}");
            let number = want
                .trim_end_matches(['%', ' ', '\u{a0}'])
                .trim_end_matches("điểm");
            assert_eq!(format.number(v), number.trim_end(), "{v} at {decimals}");
        }
    }

    #[test]
    fn no_stray_space_without_a_unit_label() {
        assert_eq!(unit_suffix(""), "");
        assert_eq!(unit_suffix("%"), "%");
        assert_eq!(unit_suffix("điểm"), "\u{a0}điểm");
    }

    #[test]
    fn thresholds_print_as_written() {
        let pct = Format {
            decimals: 2,
            unit_label: "%",
        };
        assert_eq!(pct.threshold(90.0), "90%");
        assert_eq!(pct.threshold(87.5), "87,5%");
        assert_eq!(pct.threshold(87.25), "87,25%");
        let points = Format {
            decimals: 4,
            unit_label: "điểm",
        };
        assert_eq!(points.threshold(0.5), "0,5\u{a0}điểm");
        assert_eq!(points.threshold(0.4321), "0,4321\u{a0}điểm");
    }

    #[test]
    fn components_print_at_their_precision_out_of_their_maximum() {
        assert_eq!(component(13.969, 3, Some(14.0)), "13,969/14");
        assert_eq!(component(11.5, 3, Some(11.5)), "11,500/11,5");
        assert_eq!(component(0.1234, 4, Some(1.0)), "0,1234/1");
        assert_eq!(component(0.5, 4, None), "0,5000");
        assert_eq!(component(2.4, 2, None), "2,40");
    }

    #[test]
    fn written_figures_keep_their_own_decimals() {
        for (v, want) in [
            (13.969, "13,969"),
            (14.0, "14"),
            (0.1234, "0,1234"),
            (-2.25, "-2,25"),
            (f64::NAN, "—"),
        ] {
            assert_eq!(as_written(v), want, "{v}");
        }
    }

    #[test]
    fn machine_figures_round_as_the_page_does() {
        let cases: &[(f64, u32, Option<&str>)] = &[
            (95.27, 2, Some("95.27")),
            (0.5, 4, Some("0.5000")),
            (1234.567, 2, Some("1234.57")),
            // `{:.2}` would print 2.67: the binary value is below the tie.
            (2.675, 2, Some("2.68")),
            (-0.5, 2, Some("-0.50")),
            (-0.001, 2, Some("0.00")),
            (7.0, 0, Some("7")),
            (f64::NAN, 2, None),
            (f64::NEG_INFINITY, 2, None),
        ];
        for &(v, decimals, want) in cases {
            assert_eq!(machine(v, decimals).as_deref(), want, "{v} at {decimals}");
            let parsed = want.and_then(|t| t.parse::<f64>().ok());
            assert_eq!(machine_value(v, decimals), parsed, "{v} at {decimals}");
        }
        // The value JSON writes is the one the CSV text parses to.
        for i in -2_000..2_000 {
            let v = f64::from(i) * 0.000_37 + 0.000_001 * f64::from(i % 7);
            for decimals in 0..=4 {
                let printed = machine(v, decimals).and_then(|t| t.parse::<f64>().ok());
                assert_eq!(
                    machine_value(v, decimals).map(f64::to_bits),
                    printed.map(f64::to_bits),
                    "{v} to {decimals}"
                );
            }
        }
    }
}
