//! The cells of a result line as HTML: score, points, rank, change, regional
//! ranks and notes, the same on every page that shows the line.
//!
//! They are made here, once per line a page shows, rather than by template
//! macros: a national ranking page has hundreds of lines, and a Tera macro
//! call copies its arguments and renders into a string of its own, which
//! made these few cells most of a build's rendering time. Every piece of text
//! inserted is escaped here, and templates print the cells as they are,
//! `{{ row.cells.score }}` (they are marked safe, `escape::safe`).

use std::fmt::Write;

use serde::Serialize;

use super::escape::{safe, Escaped};
use super::figure::{self, Format, ALTERNATIVES_MARK, DISPUTED_MARK, ILLUSTRATIVE_MARK, MISSING};
use super::views::NoComparisonView;
use crate::model::{Alternative, Change, Threshold};
use crate::vi;

/// The cells of one line (HTML).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cells {
    /// `88,35%` with the illustrative and alternative-value marks, or why
    /// there is no score.
    #[serde(serialize_with = "safe")]
    pub score: String,
    /// `97,03/98`, or `—`.
    #[serde(serialize_with = "safe")]
    pub points: String,
    /// `14/62`, `thứ 14` when no "of" was published, or `—`.
    #[serde(serialize_with = "safe")]
    pub rank: String,
    /// `xếp thứ 14/62`, `xếp thứ 14`, or empty when the line has no rank:
    /// for sentences ("Đơn vị A: 88,35%, xếp thứ 14/62").
    #[serde(serialize_with = "safe")]
    pub rank_phrase: String,
    /// `tăng 10 bậc`, or why there is no comparison.
    #[serde(serialize_with = "safe")]
    pub change: String,
    /// `xếp thứ 3/14 Bắc Trung Bộ; …`.
    #[serde(serialize_with = "safe")]
    pub regional: String,
    /// The notes under a table about this line: not ranked, other
    /// published values, the editor's note.
    #[serde(serialize_with = "safe")]
    pub notes: String,
}

/// What the cells are made from.
pub struct Line<'a> {
    pub unit_name: &'a str,
    pub unit_label: &'a str,
    pub value: Option<f64>,
    pub decimals: u32,
    pub points: Option<f64>,
    pub max_points: Option<f64>,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Why the line's "of" is not the table's (HTML).
    pub of_note_html: &'a str,
    /// A published threshold in place of a score.
    pub threshold: Option<Threshold>,
    /// The derived figure and the note (HTML) of a disputed stated one.
    pub disputed: Option<(f64, &'a str)>,
    pub change: Option<&'a Change>,
    /// Why a ranked line has no change.
    pub no_comparison: Option<&'a NoComparisonView<'a>>,
    pub illustrative: bool,
    pub not_ranked: Option<&'a str>,
    pub alternatives: &'a [Alternative],
    pub note_html: &'a str,
    /// (scheme, label, rank, of) of each regional rank.
    pub regional: Vec<(&'a str, &'a str, u32, Option<u32>)>,
}

impl Cells {
    pub fn new(line: &Line) -> Cells {
        Cells {
            score: score(line),
            points: points(line),
            rank: rank(line),
            rank_phrase: rank_phrase(line),
            change: change(line),
            regional: regional(line),
            notes: notes(line),
        }
    }
}

/// The score cell alone, as [`Cells::new`] makes it (an article's embedded
/// ranking table shows no other cell of the line's).
pub fn score_cell(line: &Line) -> String {
    score(line)
}

fn score(line: &Line) -> String {
    if line.not_ranked.is_some_and(|r| !r.is_empty()) {
        return "<span class=\"score not-ranked\">không xếp hạng</span>".to_owned();
    }
    let format = Format {
        decimals: line.decimals,
        unit_label: line.unit_label,
    };
    let Some(value) = line.value else {
        return match line.threshold {
            Some(threshold) => format!(
                "<span class=\"score threshold\">{}</span>",
                Escaped(&figure::threshold_text(format, threshold))
            ),
            None => format!("<span class=\"score missing\">{MISSING}</span>"),
        };
    };
    let mut out = format!(
        "<span class=\"score\">{}</span>",
        Escaped(&format.value(value))
    );
    if line.disputed.is_some() {
        out.push_str(DISPUTED_MARK);
    }
    if line.illustrative {
        out.push_str(ILLUSTRATIVE_MARK);
    }
    if !line.alternatives.is_empty() {
        out.push_str(ALTERNATIVES_MARK);
    }
    out
}

/// `97,03/98`, or the points alone when no maximum was published (they
/// came with their percent): `85,5`.
fn points(line: &Line) -> String {
    match (line.points, line.max_points) {
        (Some(points), Some(max)) => {
            format!("{}/{}", figure::as_written(points), figure::as_written(max))
        }
        (Some(points), None) => figure::as_written(points),
        (None, _) => MISSING.to_owned(),
    }
}

/// `14/62`, or `thứ 14` when no "of" was published.
fn rank_figure(line: &Line) -> String {
    match (line.rank, line.of) {
        (Some(rank), Some(of)) => format!("{rank}/{of}"),
        (Some(rank), None) => format!("thứ {rank}"),
        (None, _) => MISSING.to_owned(),
    }
}

/// `xếp thứ 14/62`, `xếp thứ 14`, or empty.
fn rank_phrase(line: &Line) -> String {
    match (line.rank, line.of) {
        (Some(rank), Some(of)) => format!("xếp thứ {rank}/{of}"),
        (Some(rank), None) => format!("xếp thứ {rank}"),
        (None, _) => String::new(),
    }
}

fn rank(line: &Line) -> String {
    match line.rank {
        Some(_) => format!("<span class=\"rank\">{}</span>", rank_figure(line)),
        None => MISSING.to_owned(),
    }
}

fn change(line: &Line) -> String {
    if let Some(change) = line.change {
        return match change.rank_delta {
            Some(delta) => {
                let class = match delta {
                    d if d > 0 => "up",
                    d if d < 0 => "down",
                    _ => "same",
                };
                format!(
                    "<span class=\"change {class}\">{}</span>",
                    Escaped(&vi::rank_change_phrase(delta))
                )
            }
            // No rank to compare (a score-only table, a line published
            // without a rank): the change in score, when there is one.
            None => match change.value_delta {
                Some(delta) => {
                    let format = Format {
                        decimals: line.decimals,
                        unit_label: line.unit_label,
                    };
                    format!(
                        "<span class=\"change score-delta\" title=\"Thay đổi điểm so với năm {}\">{}</span>",
                        change.previous_year,
                        Escaped(&format.signed(delta))
                    )
                }
                None => MISSING.to_owned(),
            },
        };
    }
    match line.no_comparison {
        Some(NoComparisonView::OtherGroup { year, group }) => format!(
            "<span class=\"change none\">không so sánh (năm {year} thuộc khối {})</span>",
            Escaped(group)
        ),
        Some(NoComparisonView::NotRankedThen { year }) => {
            format!("<span class=\"change none\">không so sánh (năm {year} không xếp hạng)</span>")
        }
        _ => format!(
            "<span class=\"change none\" title=\"Chưa có kết quả năm trước để so sánh\">{MISSING}</span>"
        ),
    }
}

fn regional(line: &Line) -> String {
    let mut out = String::new();
    for (i, (scheme, label, rank, of)) in line.regional.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let _ = write!(
            out,
            "<span class=\"regional\" title=\"{}\">xếp thứ {rank}",
            Escaped(scheme)
        );
        if let Some(of) = of.filter(|&o| o != 0) {
            let _ = write!(out, "/{of}");
        }
        let _ = write!(out, " {}</span>", Escaped(label));
    }
    out
}

fn notes(line: &Line) -> String {
    let name = Escaped(line.unit_name);
    let mut out = String::new();
    if let Some(reason) = line.not_ranked.filter(|r| !r.is_empty()) {
        let _ = write!(
            out,
            "<p class=\"note\"><strong>{name}</strong>: không xếp hạng — {}</p>",
            Escaped(reason)
        );
    }
    if let Some((derived, note_html)) = line.disputed {
        let format = Format {
            decimals: line.decimals,
            unit_label: "%",
        };
        let _ = write!(
            out,
            "<div class=\"note disputed\"><sup>‡</sup> <strong>{name}</strong>: công bố: {}; tính từ bảng: {}",
            Escaped(&line.value.map_or(MISSING.to_owned(), |v| format.value(v))),
            Escaped(&format.value(derived)),
        );
        if !note_html.is_empty() {
            let _ = write!(out, " — {note_html}");
        }
        out.push_str("</div>");
    }
    if line.rank.is_some() && !line.of_note_html.is_empty() {
        let _ = write!(
            out,
            "<div class=\"note of-note\"><strong>{name}</strong>: xếp hạng {} — {}</div>",
            Escaped(&rank_figure(line)),
            line.of_note_html
        );
    }
    if !line.alternatives.is_empty() {
        let _ = write!(
            out,
            "<p class=\"note\"><sup>†</sup> <strong>{name}</strong>: giá trị khác đã được công bố:"
        );
        for (i, alt) in line.alternatives.iter().enumerate() {
            let _ = write!(
                out,
                " {} — {}",
                figure::as_written(alt.value),
                Escaped(&alt.source)
            );
            if i + 1 < line.alternatives.len() {
                out.push(';');
            }
        }
        out.push_str("</p>");
    }
    if !line.note_html.is_empty() {
        let _ = write!(
            out,
            "<div class=\"note\"><strong>{name}:</strong> {}</div>",
            line.note_html
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> Line<'static> {
        Line {
            unit_name: "Sở A & B",
            unit_label: "%",
            value: Some(88.349),
            decimals: 2,
            points: Some(97.03),
            max_points: Some(98.0),
            rank: Some(14),
            of: Some(62),
            of_note_html: "",
            threshold: None,
            disputed: None,
            change: None,
            no_comparison: None,
            illustrative: false,
            not_ranked: None,
            alternatives: &[],
            note_html: "",
            regional: Vec::new(),
        }
    }

    #[test]
    fn cells_read_the_vietnamese_way() {
        let change = Change {
            previous_year: 2022,
            previous_rank: Some(24),
            rank_delta: Some(10),
            value_delta: Some(1.5),
        };
        let cells = Cells::new(&Line {
            change: Some(&change),
            illustrative: true,
            regional: vec![("vung", "Bắc Trung Bộ", 3, Some(14))],
            ..line()
        });
        assert_eq!(
            cells.score,
            "<span class=\"score\">88,35%</span><span class=\"illustrative-mark\" title=\"Số liệu minh họa\">*</span>"
        );
        assert_eq!(cells.points, "97,03/98");
        assert_eq!(cells.rank, "<span class=\"rank\">14/62</span>");
        assert_eq!(cells.rank_phrase, "xếp thứ 14/62");
        assert_eq!(cells.change, "<span class=\"change up\">tăng 10 bậc</span>");
        assert_eq!(
            cells.regional,
            "<span class=\"regional\" title=\"vung\">xếp thứ 3/14 Bắc Trung Bộ</span>"
        );
        assert_eq!(cells.notes, "");
    }

    #[test]
    fn a_line_without_figures_says_why_and_escapes_text() {
        let alternatives = [Alternative {
            value: 90.5,
            source: "Báo <b>".to_owned(),
        }];
        let cells = Cells::new(&Line {
            value: None,
            points: None,
            rank: None,
            unit_label: "điểm",
            not_ranked: Some("thiếu hồ sơ"),
            alternatives: &alternatives,
            no_comparison: Some(&NoComparisonView::NotRankedThen { year: 2022 }),
            ..line()
        });
        assert_eq!(
            cells.score,
            "<span class=\"score not-ranked\">không xếp hạng</span>"
        );
        assert_eq!((cells.points.as_str(), cells.rank.as_str()), ("—", "—"));
        assert!(cells.change.contains("năm 2022 không xếp hạng"));
        assert_eq!(
            cells.notes,
            "<p class=\"note\"><strong>Sở A &amp; B</strong>: không xếp hạng — thiếu hồ sơ</p>\
             <p class=\"note\"><sup>†</sup> <strong>Sở A &amp; B</strong>: giá trị khác đã được công bố: 90,5 — Báo &lt;b&gt;</p>"
        );
        assert_eq!(
            Cells::new(&Line {
                value: Some(7.0),
                unit_label: "điểm",
                ..line()
            })
            .score,
            "<span class=\"score\">7,00 điểm</span>"
        );
    }

    #[test]
    fn an_index_without_a_unit_label_prints_no_stray_space() {
        // Was `0,1234 ` before the figure formatter.
        let cells = Cells::new(&Line {
            value: Some(0.1234),
            decimals: 4,
            unit_label: "",
            ..line()
        });
        assert_eq!(cells.score, "<span class=\"score\">0,1234</span>");
        let cells = Cells::new(&Line {
            value: Some(0.5),
            decimals: 4,
            unit_label: "",
            ..line()
        });
        assert_eq!(cells.score, "<span class=\"score\">0,5000</span>");
    }

    #[test]
    fn lines_as_published_read_without_stray_marks() {
        // A rank without "of" is "thứ 14", never "14/".
        let cells = Cells::new(&Line {
            of: None,
            value: None,
            points: None,
            ..line()
        });
        assert_eq!(cells.rank, "<span class=\"rank\">thứ 14</span>");
        assert_eq!(cells.rank_phrase, "xếp thứ 14");
        // A threshold in place of a score, through the figure format.
        let cells = Cells::new(&Line {
            value: None,
            rank: None,
            threshold: Some(Threshold {
                value: 90.0,
                strict: false,
            }),
            ..line()
        });
        assert_eq!(cells.score, "<span class=\"score threshold\">≥ 90%</span>");
        assert_eq!(cells.rank_phrase, "");
        let cells = Cells::new(&Line {
            value: None,
            threshold: Some(Threshold {
                value: 87.5,
                strict: true,
            }),
            ..line()
        });
        assert_eq!(
            cells.score,
            "<span class=\"score threshold\">&gt; 87,5%</span>"
        );
        // Points published with their percent and no maximum.
        let cells = Cells::new(&Line {
            value: Some(90.0),
            points: Some(85.5),
            max_points: None,
            ..line()
        });
        assert_eq!(cells.points, "85,5");
        assert_eq!(cells.score, "<span class=\"score\">90,00%</span>");
        // No rank to compare: the change in score.
        let change = Change {
            previous_year: 2022,
            previous_rank: None,
            rank_delta: None,
            value_delta: Some(0.6),
        };
        let cells = Cells::new(&Line {
            rank: None,
            change: Some(&change),
            ..line()
        });
        assert_eq!(
            cells.change,
            "<span class=\"change score-delta\" title=\"Thay đổi điểm so với năm 2022\">+0,60</span>"
        );
        // A disputed percent: marked, and both values in the notes.
        let cells = Cells::new(&Line {
            value: Some(90.0),
            disputed: Some((89.4737, "<p>Văn bản ghi nhầm</p>")),
            ..line()
        });
        assert!(cells.score.contains("‡"), "{}", cells.score);
        assert!(
            cells
                .notes
                .contains("công bố: 90,00%; tính từ bảng: 89,47% — <p>Văn bản ghi nhầm</p>"),
            "{}",
            cells.notes
        );
    }
}
