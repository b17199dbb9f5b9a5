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
use super::figure::{
    self, Format, ALTERNATIVES_MARK, DISPUTED_CHANGE_MARK, DISPUTED_MARK,
    DISPUTED_RANK_CHANGE_MARK, MISSING,
};
use super::figure::{ILLUSTRATIVE_CHANGE_MARK, ILLUSTRATIVE_MARK};
use super::views::NoComparisonView;
use crate::data::schema::RankStyle;
use crate::model::{Alternative, Change, ScoreFloor, Standing, StatedChange};
use crate::vi;

/// The cells of one line (HTML).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cells {
    /// `88,35%` with the illustrative and alternative-value marks, or why
    /// there is no score.
    #[serde(serialize_with = "safe")]
    pub score: String,
    /// `97,03/98` (with its `*` on an illustrative line), or `—`.
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
    /// The year of the result.
    pub year: i32,
    pub unit_name: &'a str,
    pub unit_label: &'a str,
    pub value: Option<f64>,
    pub decimals: u32,
    pub points: Option<f64>,
    /// The decimals the points were published with.
    pub points_decimals: u32,
    pub max_points: Option<f64>,
    /// The decimals `max_points` was written with.
    pub max_points_decimals: u32,
    pub rank: Option<u32>,
    pub of: Option<u32>,
    /// Why the line's "of" is not the table's (HTML).
    pub of_note_html: &'a str,
    /// A published threshold in place of a score.
    pub threshold: Option<ScoreFloor>,
    /// The derived figure and the note (HTML) of a disputed stated one.
    pub disputed: Option<(f64, &'a str)>,
    /// On such a line, when the published figure would reach another band
    /// than the line's (made from the table's): the line's band and that
    /// one, by name (`None`: no band).
    pub disputed_bands: Option<(Option<&'a str>, Option<&'a str>)>,
    /// A published rank a complete table disagrees with, kept: (rank, of,
    /// the editor's note as HTML).
    pub rank_disputed: Option<(u32, Option<u32>, &'a str)>,
    pub change: Option<&'a Change>,
    /// The change as published, if it was.
    pub stated_change: Option<&'a StatedChange>,
    /// The editor's `disputed` note of a published change kept though it
    /// disagrees, as HTML (empty when there is none).
    pub disputed_html: &'a str,
    /// Why a ranked line has no change.
    pub no_comparison: Option<&'a NoComparisonView<'a>>,
    pub illustrative: bool,
    /// Whether the rank is computed from illustrative scores
    /// ([`crate::model::Row::rank_illustrative`]): marked as they are.
    pub rank_illustrative: bool,
    /// Whether another line of the table has the same rank.
    pub tied: bool,
    /// Whether the rank is chiso's, computed from the table for a line
    /// stating none: a tie then reads "(đồng hạng, tính từ bảng)", one
    /// bracket (a lone computed rank's mark is the template's to add).
    pub rank_computed: bool,
    pub not_ranked: Option<&'a str>,
    pub alternatives: &'a [Alternative],
    pub note_html: &'a str,
    /// Each regional rank.
    pub regional: Vec<Regional<'a>>,
}

/// A regional rank of a line, as its cells show it.
pub struct Regional<'a> {
    pub scheme: &'a str,
    pub label: &'a str,
    pub rank: u32,
    pub of: Option<u32>,
    /// A published rank kept though it disagrees: (rank, of, the editor's
    /// note as HTML).
    pub disputed: Option<(u32, Option<u32>, &'a str)>,
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

/// Whether the line was left out of the ranking.
fn is_not_ranked(line: &Line) -> bool {
    line.not_ranked.is_some_and(|r| !r.is_empty())
}

/// Whether the score cell shows a figure: a score, or a published
/// threshold in its place.
fn shows_a_score(line: &Line) -> bool {
    line.value.is_some() || line.threshold.is_some()
}

/// The score; a line left out of the ranking keeps a published score (PAPI
/// prints scores of provinces it does not rank), else says it is not ranked.
fn score(line: &Line) -> String {
    if is_not_ranked(line) && !shows_a_score(line) {
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
/// came with their percent): `85,5`; `—` without points. Marked `*` on an
/// illustrative line, as its score is.
fn points(line: &Line) -> String {
    let mark = if line.illustrative {
        ILLUSTRATIVE_MARK
    } else {
        ""
    };
    match (line.points, line.max_points) {
        (Some(points), Some(max)) => format!(
            "{}/{}{mark}",
            vi::format_number(points, line.points_decimals),
            vi::format_number(max, line.max_points_decimals)
        ),
        (Some(points), None) => {
            format!("{}{mark}", vi::format_number(points, line.points_decimals))
        }
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
    let mut out = match (line.rank, line.of) {
        (Some(rank), Some(of)) => format!("xếp thứ\u{a0}{rank}/{of}"),
        (Some(rank), None) => format!("xếp thứ\u{a0}{rank}"),
        (None, _) => return String::new(),
    };
    if line.rank_illustrative {
        out.push_str(ILLUSTRATIVE_MARK);
    }
    if line.tied {
        out.push_str(" (đồng hạng)");
    }
    out
}

fn rank(line: &Line) -> String {
    // Said here when the score cell shows the score.
    if is_not_ranked(line) && line.rank.is_none() && shows_a_score(line) {
        return "<span class=\"rank not-ranked\">không xếp hạng</span>".to_owned();
    }
    match line.rank {
        Some(_) => {
            let mut out = format!("<span class=\"rank\">{}</span>", rank_figure(line));
            if line.rank_illustrative {
                out.push_str(ILLUSTRATIVE_MARK);
            }
            if line.tied && line.rank_computed {
                out.push_str(" <small class=\"tied\">(đồng hạng, tính từ bảng)</small>");
            } else if line.tied {
                out.push_str(" <small class=\"tied\">(đồng hạng)</small>");
            }
            if let Some((rank, of, _)) = line.rank_disputed {
                let of = of.map(|of| format!("/{of}")).unwrap_or_default();
                let _ = write!(
                    out,
                    " <small class=\"disputed\">(công bố: thứ\u{a0}{rank}{of})</small>{DISPUTED_MARK}"
                );
            }
            out
        }
        None => MISSING.to_owned(),
    }
}

/// A change in words: places ("tăng 10 bậc"), points ("giảm 2,13 điểm",
/// see [`figure::score_change`]), or both, joined; the class is the first
/// one's (`up`, `down`, `same`); `None` when neither is known.
fn change_words(
    places: Option<i64>,
    points: Option<(f64, u32)>,
    unit_label: &str,
) -> Option<(String, &'static str)> {
    let class = |d: std::cmp::Ordering| match d {
        std::cmp::Ordering::Greater => "up",
        std::cmp::Ordering::Less => "down",
        std::cmp::Ordering::Equal => "same",
    };
    let mut parts = Vec::new();
    if let Some(delta) = places {
        parts.push((
            on_one_line(&vi::rank_change_phrase(delta)),
            class(delta.cmp(&0)),
        ));
    }
    if let Some((points, decimals)) = points {
        let (words, direction) = figure::score_change(points, decimals, unit_label);
        parts.push((words, class(direction)));
    }
    let (_, first) = *parts.first()?;
    let words: Vec<String> = parts.into_iter().map(|(w, _)| w).collect();
    Some((words.join(", "), first))
}

/// The year a published change is against, as the publication named it
/// (" so với năm 2021"); nothing when it named none ("tăng 1 bậc"), which
/// chiso reads against the year before but does not put in its mouth.
pub(crate) fn against(stated: &StatedChange) -> String {
    if stated.since_stated {
        format!(" so với năm {}", stated.since)
    } else {
        String::new()
    }
}

/// The published change in words, as the source gave it.
fn published_words(stated: &StatedChange, unit_label: &str) -> Option<(String, &'static str)> {
    change_words(
        stated.places,
        stated.points.map(|p| (p, stated.points_decimals)),
        unit_label,
    )
}

/// An editor's note (Markdown made HTML) to follow a dash on the same line:
/// a note of one paragraph without its `<p>`, which would leave the dash
/// alone at the end of the line above it; a longer one as it is.
fn inline(note_html: &str) -> &str {
    let trimmed = note_html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner,
        _ => note_html,
    }
}

/// What opens each note after a change cell's derived change and its marks
/// (the fields that changed between the years, a published change shown
/// beside: "tăng 2 bậc (công bố: tăng 1 bậc so với năm 2021)").
const NOTE_AFTER_CHANGE: &str = " <small class=";

/// A change cell's HTML with `mark` (HTML) after the derived change and its
/// marks, before the notes after them, so that the mark is read with the
/// figure it is about.
pub fn with_derived_mark(change_html: &str, mark: &str) -> String {
    match change_html.find(NOTE_AFTER_CHANGE) {
        Some(at) => format!("{}{mark}{}", &change_html[..at], &change_html[at..]),
        None => format!("{change_html}{mark}"),
    }
}

fn change(line: &Line) -> String {
    let stated = line.stated_change;
    // Points beside places when the publication gave them too.
    let shows_points = |change: &Change| {
        change.value_delta.is_some()
            && (change.rank_delta.is_none() || stated.is_some_and(|s| s.points.is_some()))
    };
    if let Some((words, change)) = line.change.and_then(|change| {
        let derived = change_words(
            change.rank_delta,
            change
                .value_delta
                .filter(|_| shows_points(change))
                .map(|v| (v, change.decimals)),
            line.unit_label,
        );
        derived.map(|words| (words, change))
    }) {
        let (mut words, class) = words;
        // A year missing from the data: the change is against an earlier one.
        if !change.is_against_the_year_before(line.year) {
            let _ = write!(words, " so với năm {}", change.previous_year);
        }
        // A published change shown beside the derived one, after its marks.
        let mut beside = String::new();
        let mut out = match stated {
            Some(stated) if stated.standing == Standing::Disputed => {
                let published =
                    published_words(stated, line.unit_label).map_or(String::new(), |(w, _)| w);
                // Against the year the publication compared with.
                // The same figures the publication gave, against the year it
                // compared with.
                let (words, class) = stated
                    .derived
                    .as_ref()
                    .and_then(|d| {
                        change_words(
                            d.rank_delta.filter(|_| stated.places.is_some()),
                            d.value_delta
                                .filter(|_| stated.points.is_some())
                                .map(|v| (v, d.decimals)),
                            line.unit_label,
                        )
                    })
                    .unwrap_or((words, class));
                // Places the publication did not give are derived all the
                // same, and shown first (a disputed change in points alone
                // would hide them).
                let places = change
                    .rank_delta
                    .filter(|_| stated.places.is_none())
                    .and_then(|d| change_words(Some(d), None, line.unit_label))
                    .map_or(String::new(), |(w, c)| {
                        format!("<span class=\"change {c}\">{}</span>; ", Escaped(&w))
                    });
                format!(
                    "{places}<span class=\"change disputed\">công bố: {}; tính từ bảng: <span class=\"change {class}\">{}</span></span>",
                    Escaped(&published),
                    Escaped(&words)
                )
            }
            Some(stated) => {
                // "Agrees" is about the publication's own comparison: on the
                // derived change only when both compare with the same year.
                let agrees = stated.standing == Standing::Agrees;
                let same_year = stated.since == change.previous_year;
                let title = if agrees && same_year {
                    " title=\"Khớp với số liệu đã công bố\""
                } else {
                    ""
                };
                let out = format!(
                    "<span class=\"change {class}\"{title}>{}</span>",
                    Escaped(&words)
                );
                // A publication comparing with another year, or one that
                // could not be checked, is shown beside.
                if !same_year || stated.standing == Standing::Underived {
                    if let Some((published, _)) = published_words(stated, line.unit_label) {
                        let title = if agrees {
                            format!(
                                " title=\"Khớp với thay đổi tính từ bảng năm {}\"",
                                stated.since
                            )
                        } else {
                            String::new()
                        };
                        beside = format!(
                            " <small class=\"published-change\"{title}>(công bố: {}{})</small>",
                            Escaped(&published),
                            against(stated)
                        );
                    }
                } else if stated.places.is_some() && change.rank_delta.is_none() {
                    // The points agree, the places could not be compared
                    // (63 provinces, then 34): shown as published all the
                    // same, not dropped with the points that agree.
                    if let Some((places, _)) = change_words(stated.places, None, line.unit_label) {
                        beside = format!(
                            " <small class=\"published-change\">(công bố: {}{})</small>",
                            Escaped(&places),
                            against(stated)
                        );
                    }
                }
                out
            }
            _ => format!("<span class=\"change {class}\">{}</span>", Escaped(&words)),
        };
        if change.illustrative {
            out.push_str(ILLUSTRATIVE_CHANGE_MARK);
        }
        // Points made from a disputed published value: marked as it is.
        if change.value_disputed && shows_points(change) {
            out.push_str(DISPUTED_CHANGE_MARK);
        }
        // Places counted from a rank the table gives against the published one.
        if change.rank_disputed {
            out.push_str(DISPUTED_RANK_CHANGE_MARK);
        }
        if let Some(words) = places_not_compared(change, line.year) {
            let _ = write!(out, " <small class=\"fields-differ\">({words})</small>");
        }
        out.push_str(&beside);
        return out;
    }
    if let Some((words, class)) = stated.and_then(|s| published_words(s, line.unit_label)) {
        let since = stated.map_or(String::new(), against);
        // Why chiso compares nothing here (a unit merged in), beside the
        // publication's figure (adv22 m1).
        let why = line
            .no_comparison
            .and_then(no_comparison_words)
            .filter(|w| w.starts_with("không so sánh"))
            .map_or(String::new(), |w| format!("; {}", flat(&w)));
        return format!(
            "<span class=\"change {class} stated\" title=\"Số liệu đã công bố{since}; không tính được từ bảng\">{}</span> <small class=\"stated-mark\">(công bố{})</small>",
            Escaped(&words),
            Escaped(&why)
        );
    }
    if let Some(change) = line.change {
        return match places_not_compared(change, line.year) {
            Some(words) => format!("<span class=\"change none\">{words}</span>"),
            None => MISSING.to_owned(),
        };
    }
    match line.no_comparison.and_then(no_comparison_words) {
        Some(words) => format!("<span class=\"change none\">{}</span>", Escaped(&words)),
        // No earlier result to compare with: left to a tooltip.
        None if line.no_comparison.is_some() => format!(
            "<span class=\"change none\" title=\"Chưa có kết quả năm trước để so sánh\">{MISSING}</span>"
        ),
        None => format!("<span class=\"change none\">{MISSING}</span>"),
    }
}

/// `không so sánh (sau năm 2024 …)` as `không so sánh: sau năm 2024 …`,
/// to sit inside brackets of its own.
pub fn flat(words: &str) -> String {
    match words
        .strip_prefix("không so sánh (")
        .and_then(|w| w.strip_suffix(')'))
    {
        Some(why) => format!("không so sánh: {why}"),
        None => words.to_owned(),
    }
}

/// Why a ranked line shows no change, in words (text, not HTML), as its
/// change cell and a shortcode's sentence say it: nothing when it simply
/// has no earlier result to compare with.
pub fn no_comparison_words(reason: &NoComparisonView) -> Option<String> {
    Some(match *reason {
        NoComparisonView::OtherGroup { year, group } => {
            format!("không so sánh (năm {year} thuộc khối {group})")
        }
        NoComparisonView::NotRankedThen { year } => {
            format!("không so sánh (năm {year} không xếp hạng)")
        }
        NoComparisonView::NotInTableThen { year } => {
            format!("không so sánh (năm {year} không có trong bảng)")
        }
        NoComparisonView::Absorbed { .. } => {
            format!("không so sánh ({})", absorbed_words(reason)?)
        }
        // A unit new in the table: said, not left to a tooltip.
        NoComparisonView::FirstResult {
            earlier_tables: true,
        } => "kết quả đầu tiên".to_owned(),
        NoComparisonView::FirstResult {
            earlier_tables: false,
        } => return None,
    })
}

/// The units a line's unit absorbed since its result before, in words
/// ("sau năm 2024 sáp nhập thêm Cẩm Châu và Sơn Châu"), when it did.
pub fn absorbed_words(reason: &NoComparisonView) -> Option<String> {
    let NoComparisonView::Absorbed {
        year,
        merged,
        second,
        others,
    } = *reason
    else {
        return None;
    };
    let more = match (others, second) {
        (0, _) => String::new(),
        (1, Some(second)) => format!(" và {second}"),
        (n, _) => format!(" và {n} đơn vị khác"),
    };
    Some(format!("sau năm {year} sáp nhập thêm {merged}{more}"))
}

/// Why places are not compared between the year before and `year`, when
/// they are not: rankings of different fields, or ties numbered two ways.
pub fn places_not_compared(change: &Change, year: i32) -> Option<String> {
    let previous_year = change.previous_year;
    if let Some((then, now)) = change.fields_differ {
        return Some(format!(
            "không so sánh thứ hạng: năm {previous_year} xếp hạng {then} đơn vị, năm {year} xếp hạng {now}"
        ));
    }
    let before = change.rank_styles_differ?;
    let after = match before {
        RankStyle::Dense => RankStyle::Standard,
        RankStyle::Standard => RankStyle::Dense,
    };
    let (then, now) = (before.numbering(), after.numbering());
    Some(format!(
        "không so sánh thứ hạng: năm {previous_year} đánh số đồng hạng kiểu {then}, năm {year} kiểu {now}"
    ))
}

fn regional(line: &Line) -> String {
    let mut out = String::new();
    for (i, r) in line.regional.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let _ = write!(
            out,
            "<span class=\"regional\" title=\"{}\">xếp thứ\u{a0}{}",
            Escaped(r.scheme),
            r.rank
        );
        if let Some(of) = r.of.filter(|&o| o != 0) {
            let _ = write!(out, "/{of}");
        }
        let _ = write!(out, " {}</span>", Escaped(r.label));
        if let Some((rank, of, _)) = r.disputed {
            let _ = write!(
                out,
                " <span class=\"regional disputed\">(công bố: thứ {rank}{})</span>",
                of.map_or(String::new(), |o| format!("/{o}"))
            );
        }
    }
    out
}

/// [`Line::disputed_bands`] of line `row` of `table`.
pub fn disputed_bands<'a>(
    table: &'a crate::model::Table,
    row: &crate::model::Row,
) -> Option<(Option<&'a str>, Option<&'a str>)> {
    let published = table.band_of_published_score(row)?;
    let name = |b: usize| table.bands[b].name.as_str();
    Some((row.band.as_ref().map(|b| name(b.band)), published.map(name)))
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
        if let Some((band, published)) = line.disputed_bands {
            let none = "không đạt mức nào";
            let _ = write!(
                out,
                "; xếp loại tính từ bảng: {} (theo số công bố: {})",
                Escaped(band.unwrap_or(none)),
                Escaped(published.unwrap_or(none)),
            );
        }
        if !note_html.is_empty() {
            let _ = write!(out, " — {}", inline(note_html));
        }
        out.push_str("</div>");
    }
    if let (Some(computed), Some((rank, of, note_html))) = (line.rank, line.rank_disputed) {
        let of = of.map(|of| format!("/{of}")).unwrap_or_default();
        let _ = write!(
            out,
            "<div class=\"note disputed\"><sup>‡</sup> <strong>{name}</strong>: thứ hạng công bố: {rank}{of}; tính từ bảng: {computed}"
        );
        // One note for the line: said once, with its percent if disputed too.
        if !note_html.is_empty() && line.disputed.is_none() {
            let _ = write!(out, " — {}", inline(note_html));
        }
        out.push_str("</div>");
    }
    if line.rank.is_some() && !line.of_note_html.is_empty() {
        let _ = write!(
            out,
            "<div class=\"note of-note\"><strong>{name}</strong>: xếp hạng {} — {}</div>",
            Escaped(&rank_figure(line)),
            inline(line.of_note_html)
        );
    }
    if !line.alternatives.is_empty() {
        // One colon, before the figures: the unit's name is in the
        // sentence, not a label before it.
        let what = if line.alternatives.iter().any(|a| a.rank.is_some()) {
            "Số liệu khác"
        } else {
            "Giá trị khác"
        };
        let _ = write!(
            out,
            "<p class=\"note\"><sup>†</sup> {what} đã được công bố cho <strong>{name}</strong>:"
        );
        for (i, alt) in line.alternatives.iter().enumerate() {
            out.push(' ');
            if let Some(value) = alt.value.filter(|v| v.is_finite()) {
                out.push_str(&vi::format_number(value, alt.decimals));
            }
            if let Some(rank) = alt.rank {
                if alt.value.is_some() {
                    out.push_str(", ");
                }
                let _ = write!(out, "thứ {rank}");
                if let Some(of) = alt.of {
                    let _ = write!(out, "/{of}");
                }
            }
            let _ = write!(out, " — {}", Escaped(&alt.source));
            if i + 1 < line.alternatives.len() {
                out.push(';');
            }
        }
        out.push_str("</p>");
    }
    if let Some(stated) = line
        .stated_change
        .filter(|s| s.standing == Standing::Disputed)
    {
        let published = published_words(stated, line.unit_label).map_or(String::new(), |(w, _)| w);
        let _ = write!(
            out,
            "<div class=\"note disputed\"><strong>{name}</strong>: số liệu công bố ({}{}) khác số liệu tính từ bảng. {}</div>",
            Escaped(&published),
            against(stated),
            line.disputed_html
        );
    }
    for r in &line.regional {
        if let Some((rank, of, note_html)) = r.disputed {
            let _ = write!(
                out,
                "<div class=\"note disputed\"><strong>{name}</strong>: thứ hạng trong {} đã công bố (thứ {rank}{}) khác số liệu tính từ bảng. {note_html}</div>",
                Escaped(r.label),
                of.map_or(String::new(), |o| format!("/{o}"))
            );
        }
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

/// A rank change for a page: "tăng 3 bậc" with a no-break space before
/// "bậc", so a line never ends inside it (editors' messages keep the plain
/// phrase).
pub(crate) fn on_one_line(phrase: &str) -> String {
    phrase.replace(" bậc", "\u{a0}bậc")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> Line<'static> {
        Line {
            year: 2023,
            unit_name: "Sở A & B",
            unit_label: "%",
            value: Some(88.349),
            decimals: 2,
            points: Some(97.03),
            points_decimals: 2,
            max_points: Some(98.0),
            max_points_decimals: 0,
            rank: Some(14),
            of: Some(62),
            of_note_html: "",
            threshold: None,
            disputed: None,
            disputed_bands: None,
            rank_disputed: None,
            change: None,
            stated_change: None,
            disputed_html: "",
            no_comparison: None,
            illustrative: false,
            rank_illustrative: false,
            tied: false,
            rank_computed: false,
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
            previous_of: Some(63),
            rank_delta: Some(10),
            fields_differ: None,
            rank_styles_differ: None,
            value_delta: Some(1.5),
            decimals: 2,
            illustrative: false,
            value_disputed: false,
            rank_disputed: false,
            points_illustrative: false,
        };
        let cells = Cells::new(&Line {
            change: Some(&change),
            illustrative: true,
            regional: vec![Regional {
                scheme: "vung",
                label: "Bắc Trung Bộ",
                rank: 3,
                of: Some(14),
                disputed: None,
            }],
            ..line()
        });
        assert_eq!(
            cells.score,
            "<span class=\"score\">88,35%</span><span class=\"illustrative-mark\" title=\"Số liệu minh họa\">*</span>"
        );
        // The points of an illustrative line are as invented as its score.
        assert_eq!(
            cells.points,
            "97,03/98<span class=\"illustrative-mark\" title=\"Số liệu minh họa\">*</span>"
        );
        assert_eq!(cells.rank, "<span class=\"rank\">14/62</span>");
        assert_eq!(cells.rank_phrase, "xếp thứ\u{a0}14/62");
        assert_eq!(
            cells.change,
            "<span class=\"change up\">tăng 10\u{a0}bậc</span>"
        );
        assert_eq!(
            cells.regional,
            "<span class=\"regional\" title=\"vung\">xếp thứ\u{a0}3/14 Bắc Trung Bộ</span>"
        );
        assert_eq!(cells.notes, "");
    }

    #[test]
    fn a_line_without_figures_says_why_and_escapes_text() {
        let alternatives = [Alternative {
            value: Some(90.5),
            decimals: 2,
            rank: None,
            of: None,
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
             <p class=\"note\"><sup>†</sup> Giá trị khác đã được công bố cho <strong>Sở A &amp; B</strong>: 90,50 — Báo &lt;b&gt;</p>"
        );
        assert_eq!(
            Cells::new(&Line {
                value: Some(7.0),
                unit_label: "điểm",
                ..line()
            })
            .score,
            "<span class=\"score\">7,00\u{a0}điểm</span>"
        );
    }

    #[test]
    fn a_rank_without_of_prints_alone() {
        // Was `14/`.
        let cells = Cells::new(&Line { of: None, ..line() });
        assert_eq!(cells.rank, "<span class=\"rank\">thứ 14</span>");
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
    fn changes_are_said_in_places_else_in_points() {
        let cases = [
            (Some(10), None, Some(("tăng 10\u{a0}bậc", "up"))),
            (
                Some(-2),
                Some((1.5, 2)),
                Some(("giảm 2\u{a0}bậc, tăng 1,50\u{a0}điểm", "down")),
            ),
            (
                None,
                Some((-2.13, 2)),
                Some(("giảm 2,13\u{a0}điểm", "down")),
            ),
            (None, Some((2.4, 2)), Some(("tăng 2,40\u{a0}điểm", "up"))),
            (None, Some((0.001, 2)), Some(("giữ nguyên điểm", "same"))),
            (None, None, None),
        ];
        for (places, points, want) in cases {
            let got = change_words(places, points, "điểm");
            assert_eq!(
                got.as_ref().map(|(w, c)| (w.as_str(), *c)),
                want,
                "{places:?} {points:?}"
            );
        }
    }

    #[test]
    fn a_disputed_change_in_points_keeps_the_derived_places_beside_it() {
        let change = Change {
            previous_year: 2023,
            previous_rank: Some(7),
            previous_of: Some(8),
            rank_delta: Some(2),
            fields_differ: None,
            rank_styles_differ: None,
            value_delta: Some(3.89),
            decimals: 2,
            illustrative: false,
            value_disputed: true,
            rank_disputed: false,
            points_illustrative: false,
        };
        let stated = StatedChange {
            since_stated: true,
            since: 2023,
            places: None,
            points: Some(4.1),
            points_decimals: 2,
            derived: Some(change),
            disputed: Some("Tính từ 90,10%.".into()),
            standing: Standing::Disputed,
        };
        let cells = Cells::new(&Line {
            change: Some(&change),
            stated_change: Some(&stated),
            ..line()
        });
        assert!(
            cells
                .change
                .starts_with("<span class=\"change up\">tăng 2\u{a0}bậc</span>; <span class=\"change disputed\">công bố: tăng 4,1"),
            "{}",
            cells.change
        );
    }

    #[test]
    fn agreement_with_another_years_comparison_is_titled_on_that_comparison() {
        // The table compares 2024 with 2023; the publication compared with
        // 2022, and its figure agrees with the tables of 2022.
        let change = Change {
            previous_year: 2023,
            previous_rank: Some(5),
            previous_of: Some(8),
            rank_delta: Some(1),
            fields_differ: None,
            rank_styles_differ: None,
            value_delta: None,
            decimals: 2,
            illustrative: false,
            value_disputed: false,
            rank_disputed: false,
            points_illustrative: false,
        };
        let stated = StatedChange {
            since_stated: true,
            since: 2022,
            places: Some(3),
            points: None,
            points_decimals: 2,
            derived: Some(Change {
                previous_year: 2022,
                rank_delta: Some(3),
                ..change
            }),
            disputed: None,
            standing: Standing::Agrees,
        };
        let html = Cells::new(&Line {
            year: 2024,
            change: Some(&change),
            stated_change: Some(&stated),
            ..line()
        })
        .change;
        assert_eq!(
            html,
            "<span class=\"change up\">tăng 1\u{a0}bậc</span> <small class=\"published-change\" title=\"Khớp với thay đổi tính từ bảng năm 2022\">(công bố: tăng 3\u{a0}bậc so với năm 2022)</small>"
        );
        // The same year: the derived change carries the agreement.
        let same = StatedChange {
            since: 2023,
            places: Some(1),
            derived: Some(change),
            ..stated
        };
        let html = Cells::new(&Line {
            year: 2024,
            change: Some(&change),
            stated_change: Some(&same),
            ..line()
        })
        .change;
        assert_eq!(
            html,
            "<span class=\"change up\" title=\"Khớp với số liệu đã công bố\">tăng 1\u{a0}bậc</span>"
        );
    }

    #[test]
    fn a_unit_new_in_the_table_says_so_and_the_first_year_on_record_does_not() {
        let first = |earlier_tables| {
            Cells::new(&Line {
                no_comparison: Some(&NoComparisonView::FirstResult { earlier_tables }),
                ..line()
            })
            .change
        };
        assert_eq!(
            first(true),
            "<span class=\"change none\">kết quả đầu tiên</span>"
        );
        assert!(first(false).contains(">—</span>"), "{}", first(false));
        // A line not ranked: no reason to give beyond its note.
        let cells = Cells::new(&Line {
            value: Some(70.12),
            rank: None,
            not_ranked: Some("đang sắp xếp"),
            ..line()
        });
        assert_eq!(cells.change, "<span class=\"change none\">—</span>");
        assert_eq!(
            cells.rank,
            "<span class=\"rank not-ranked\">không xếp hạng</span>"
        );
        assert!(cells.score.contains("70,12"), "{}", cells.score);
        // A threshold published in place of the score, likewise.
        let cells = Cells::new(&Line {
            value: None,
            rank: None,
            threshold: Some(ScoreFloor {
                value: 90.0,
                strict: false,
            }),
            not_ranked: Some("đang sắp xếp"),
            ..line()
        });
        assert!(cells.score.contains("90"), "{}", cells.score);
        assert!(cells.rank.contains("không xếp hạng"), "{}", cells.rank);
    }

    #[test]
    fn a_published_change_without_a_derived_one_is_marked() {
        let stated = StatedChange {
            since_stated: true,
            since: 2021,
            places: Some(-20),
            points: None,
            points_decimals: 2,
            derived: None,
            disputed: None,
            standing: Standing::Underived,
        };
        let cells = Cells::new(&Line {
            stated_change: Some(&stated),
            ..line()
        });
        assert_eq!(
            cells.change,
            "<span class=\"change down stated\" title=\"Số liệu đã công bố so với năm 2021; không tính được từ bảng\">giảm 20\u{a0}bậc</span> <small class=\"stated-mark\">(công bố)</small>"
        );
    }

    #[test]
    fn places_between_rankings_of_different_fields_are_not_compared() {
        // 15/63 in 2024, 24/34 after the merger: the score change, and why
        // there are no places.
        let change = Change {
            previous_year: 2024,
            previous_rank: Some(15),
            previous_of: Some(63),
            rank_delta: None,
            fields_differ: Some((63, 34)),
            rank_styles_differ: None,
            value_delta: Some(-1.2),
            decimals: 2,
            illustrative: false,
            value_disputed: false,
            rank_disputed: false,
            points_illustrative: false,
        };
        let merged = Line {
            year: 2025,
            of: Some(34),
            change: Some(&change),
            ..line()
        };
        assert_eq!(
            Cells::new(&merged).change,
            "<span class=\"change down\">giảm 1,20\u{a0}điểm phần trăm</span> <small class=\"fields-differ\">(không so sánh thứ hạng: năm 2024 xếp hạng 63 đơn vị, năm 2025 xếp hạng 34)</small>"
        );
        // A rank alone: only the reason.
        let rank_only = Change {
            value_delta: None,
            ..change
        };
        let cells = Cells::new(&Line {
            change: Some(&rank_only),
            value: None,
            year: 2025,
            of: Some(34),
            ..line()
        });
        assert_eq!(
            cells.change,
            "<span class=\"change none\">không so sánh thứ hạng: năm 2024 xếp hạng 63 đơn vị, năm 2025 xếp hạng 34</span>"
        );
        // Published places are shown as published.
        let stated = StatedChange {
            since_stated: true,
            since: 2024,
            places: Some(-9),
            points: None,
            points_decimals: 2,
            derived: None,
            disputed: None,
            standing: Standing::Underived,
        };
        let cells = Cells::new(&Line {
            change: Some(&rank_only),
            stated_change: Some(&stated),
            value: None,
            year: 2025,
            of: Some(34),
            ..line()
        });
        assert!(
            cells
                .change
                .contains("giảm 9\u{a0}bậc</span> <small class=\"stated-mark\">(công bố)"),
            "{}",
            cells.change
        );
    }

    #[test]
    fn a_published_points_change_is_shown_beside_the_places() {
        let change = Change {
            previous_year: 2022,
            previous_rank: Some(24),
            previous_of: Some(63),
            rank_delta: Some(6),
            fields_differ: None,
            rank_styles_differ: None,
            value_delta: Some(1.4),
            decimals: 2,
            illustrative: false,
            value_disputed: false,
            rank_disputed: false,
            points_illustrative: false,
        };
        let stated = StatedChange {
            since_stated: true,
            since: 2022,
            places: Some(6),
            points: Some(1.4),
            points_decimals: 2,
            derived: Some(change),
            disputed: None,
            standing: Standing::Agrees,
        };
        let cells = Cells::new(&Line {
            change: Some(&change),
            stated_change: Some(&stated),
            ..line()
        });
        assert!(
            cells
                .change
                .contains("tăng 6\u{a0}bậc, tăng 1,40\u{a0}điểm phần trăm"),
            "{}",
            cells.change
        );
    }

    #[test]
    fn a_unit_others_were_merged_into_says_so_in_place_of_a_change() {
        let reason = NoComparisonView::Absorbed {
            year: 2024,
            merged: "Hà Giang",
            second: None,
            others: 0,
        };
        let cells = Cells::new(&Line {
            no_comparison: Some(&reason),
            ..line()
        });
        assert_eq!(
            cells.change,
            "<span class=\"change none\">không so sánh (sau năm 2024 sáp nhập thêm Hà Giang)</span>"
        );
        let reason = NoComparisonView::Absorbed {
            year: 2024,
            merged: "Hà Giang",
            second: Some("Bắc Kạn"),
            others: 2,
        };
        let cells = Cells::new(&Line {
            no_comparison: Some(&reason),
            ..line()
        });
        assert!(
            cells.change.contains("Hà Giang và 2 đơn vị khác)"),
            "{}",
            cells.change
        );
        // Two are both named.
        let reason = NoComparisonView::Absorbed {
            year: 2024,
            merged: "Hà Giang",
            second: Some("Bắc Kạn"),
            others: 1,
        };
        let cells = Cells::new(&Line {
            no_comparison: Some(&reason),
            ..line()
        });
        assert!(
            cells.change.contains("sáp nhập thêm Hà Giang và Bắc Kạn)"),
            "{}",
            cells.change
        );
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
        assert_eq!(cells.rank_phrase, "xếp thứ\u{a0}14");
        // A threshold in place of a score, through the figure format.
        let cells = Cells::new(&Line {
            value: None,
            rank: None,
            threshold: Some(ScoreFloor {
                value: 90.0,
                strict: false,
            }),
            ..line()
        });
        assert_eq!(
            cells.score,
            "<span class=\"score threshold\">≥\u{a0}90%</span>"
        );
        assert_eq!(cells.rank_phrase, "");
        let cells = Cells::new(&Line {
            value: None,
            threshold: Some(ScoreFloor {
                value: 87.5,
                strict: true,
            }),
            ..line()
        });
        assert_eq!(
            cells.score,
            "<span class=\"score threshold\">&gt;\u{a0}87,5%</span>"
        );
        // Points published with their percent and no maximum.
        let cells = Cells::new(&Line {
            value: Some(90.0),
            points: Some(85.5),
            points_decimals: 1,
            max_points: None,
            max_points_decimals: 0,
            ..line()
        });
        assert_eq!(cells.points, "85,5");
        assert_eq!(cells.score, "<span class=\"score\">90,00%</span>");
        // Points keep the zeros they were written with.
        let cells = Cells::new(&Line {
            points: Some(85.5),
            points_decimals: 3,
            ..line()
        });
        assert_eq!(cells.points, "85,500/98");
        // No rank to compare: the change in score.
        let change = Change {
            previous_year: 2022,
            previous_rank: None,
            previous_of: None,
            rank_delta: None,
            fields_differ: None,
            rank_styles_differ: None,
            value_delta: Some(0.6),
            decimals: 2,
            illustrative: false,
            value_disputed: false,
            rank_disputed: false,
            points_illustrative: false,
        };
        let cells = Cells::new(&Line {
            rank: None,
            change: Some(&change),
            ..line()
        });
        assert_eq!(
            cells.change,
            "<span class=\"change up\">tăng 0,60\u{a0}điểm phần trăm</span>"
        );
        // A disputed percent: marked, and both values in the notes.
        let cells = Cells::new(&Line {
            value: Some(90.0),
            disputed: Some((89.4737, "<p>Văn bản ghi nhầm</p>")),
            ..line()
        });
        assert!(cells.score.contains("‡"), "{}", cells.score);
        // A note of one paragraph follows the dash on its line.
        assert!(
            cells
                .notes
                .contains("công bố: 90,00%; tính từ bảng: 89,47% — Văn bản ghi nhầm</div>"),
            "{}",
            cells.notes
        );
    }

    #[test]
    fn a_note_of_one_paragraph_goes_on_the_dashs_line() {
        assert_eq!(inline("<p>a <em>b</em></p>\n"), "a <em>b</em>");
        let two = "<p>a</p>\n<p>b</p>\n";
        assert_eq!(inline(two), two);
        assert_eq!(inline("<ul><li>a</li></ul>"), "<ul><li>a</li></ul>");
    }
}
