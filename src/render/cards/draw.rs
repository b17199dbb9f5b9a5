//! A card as SVG text: fixed layouts of 1200×630 for each kind of card,
//! the text fitted to its box with the embedded font's own advances (a
//! name that is too long is set smaller, then wrapped or cut with `…`),
//! so that nothing runs off the card or over another line.
//!
//! Only the embedded Be Vietnam Pro is named; colours are the theme's light
//! ones. Text from data is XML-escaped.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::{Card, Frame, Headline, Subtitle, TableCard, BOLD, HEIGHT, REGULAR, WIDTH};
use crate::render::escape::escape;
use crate::render::figure::Marks;

/// The family the SVG names: the one font loaded.
pub const FAMILY: &str = "Be Vietnam Pro";

const BG: &str = "#ffffff";
const FG: &str = "#1b1f24";
const MUTED: &str = "#57606a";
const ACCENT: &str = "#0b5cad";
const ACCENT_BG: &str = "#eaf2fb";
const UP: &str = "#116329";
const DOWN: &str = "#a40e26";
const LINE: &str = "#d0d7de";
/// The illustrative and disputed marks' colour: the pages' neutral violet,
/// never the red of a fall (`--mark` in chiso.css).
const MARK: &str = "#6639ba";

/// The left and right margin.
const MARGIN: f32 = 72.0;
/// The width text may take between the margins.
const INNER: f32 = WIDTH as f32 - 2.0 * MARGIN;

/// The card's SVG.
pub fn svg(card: &Card, frame: &Frame) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\">\
<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{BG}\"/>\
<rect width=\"{WIDTH}\" height=\"14\" fill=\"{ACCENT}\"/>"
    );
    let marks = match card {
        Card::Site => {
            site(&mut out, frame);
            Marks::default()
        }
        Card::Headline(h) => {
            brand(&mut out, frame);
            headline(&mut out, h);
            Marks {
                illustrative: h.illustrative,
                disputed: h.disputed,
            }
        }
        Card::Table(t) => {
            brand(&mut out, frame);
            table(&mut out, t);
            Marks {
                illustrative: t.illustrative,
                disputed: t.disputed,
            }
        }
    };
    footer(&mut out, frame, marks);
    out.push_str("</svg>");
    out
}

/// The site's title, small, above the card's own text.
fn brand(out: &mut String, frame: &Frame) {
    let (px, title) = fit_size(&frame.title, true, 32.0, 26.0, INNER);
    text(out, MARGIN, 84.0, px, true, ACCENT, "start", &title);
}

/// The band at the foot: the province and the site's address, and what
/// the card's marks mean when it shows marked figures (illustrative data,
/// a published figure kept against the table's).
fn footer(out: &mut String, frame: &Frame, marks: Marks) {
    let top = HEIGHT as f32 - 78.0;
    let _ = write!(
        out,
        "<rect y=\"{top}\" width=\"{WIDTH}\" height=\"78\" fill=\"{ACCENT_BG}\"/>"
    );
    let y = HEIGHT as f32 - 28.0;
    let mut room = INNER;
    let caveat = match (marks.illustrative, marks.disputed) {
        (true, false) => Some("* Số liệu minh họa"),
        (false, true) => Some("‡ Số công bố khác số tính từ bảng"),
        (true, true) => Some("* Minh họa · ‡ Khác số tính từ bảng"),
        (false, false) => None,
    };
    if let Some(caveat) = caveat {
        room -= advance(caveat, true, 26.0) + 32.0;
        text(
            out,
            WIDTH as f32 - MARGIN,
            y,
            26.0,
            true,
            MARK,
            "end",
            caveat,
        );
    }
    let words = [frame.province.as_str(), frame.host.as_str()]
        .into_iter()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let shown = fit(&words, false, 26.0, room);
    text(out, MARGIN, y, 26.0, false, MUTED, "start", &shown);
}

/// Every page without a card of its own: the site's title, large, and its
/// description.
fn site(out: &mut String, frame: &Frame) {
    let (px, lines) = wrap_size(&frame.title, true, 76.0, 52.0, INNER, 3);
    let mut y = 200.0;
    for line in &lines {
        text(out, MARGIN, y, px, true, FG, "start", line);
        y += px * 1.2;
    }
    let left = 3 - lines.len().min(3) + 1;
    for line in wrap(&frame.description, false, 32.0, INNER, left.min(2)) {
        y += 8.0;
        text(out, MARGIN, y, 32.0, false, MUTED, "start", &line);
        y += 32.0 * 1.3;
    }
}

/// A unit's (or an index's) latest result: rank largest, then score and
/// change.
fn headline(out: &mut String, h: &Headline) {
    let (px, title) = fit_size(&h.title, true, 62.0, 44.0, INNER);
    text(out, MARGIN, 168.0, px, true, FG, "start", &title);
    let subtitle = fit_subtitle(&h.subtitle, 32.0, INNER);
    text(out, MARGIN, 222.0, 32.0, false, MUTED, "start", &subtitle);
    let _ = write!(
        out,
        "<rect x=\"{MARGIN}\" y=\"252\" width=\"{INNER}\" height=\"2\" fill=\"{LINE}\"/>"
    );
    // The left column: the rank, else the score as the largest figure.
    let column = 560.0;
    let right = MARGIN + column;
    let right_width = WIDTH as f32 - MARGIN - right;
    match (h.rank.as_deref(), h.score.as_deref()) {
        (Some(rank), score) => {
            let label = match (h.tied, h.rank_computed) {
                (true, false) => "Đồng hạng",
                (false, false) => "Xếp hạng",
                (true, true) => "Đồng hạng (tính từ bảng)",
                (false, true) => "Xếp hạng (tính từ bảng)",
            };
            text(out, MARGIN, 312.0, 30.0, false, MUTED, "start", label);
            let (big, of) = match rank.split_once('/') {
                Some((r, of)) => (r, Some(format!("/{of}"))),
                None => (rank, None),
            };
            let (px, big) = fit_size(big, true, 200.0, 120.0, column - 150.0);
            text(out, MARGIN - 6.0, 484.0, px, true, ACCENT, "start", &big);
            if let Some(of) = of {
                let x = MARGIN - 6.0 + advance(&big, true, px) + 8.0;
                text(out, x, 484.0, 64.0, true, MUTED, "start", &of);
            }
            if let Some(score) = score {
                text(out, right, 312.0, 30.0, false, MUTED, "start", "Điểm");
                let (px, score) = fit_size(score, true, 84.0, 48.0, right_width);
                text(out, right, 400.0, px, true, FG, "start", &score);
            }
        }
        (None, Some(score)) => {
            text(out, MARGIN, 312.0, 30.0, false, MUTED, "start", "Điểm");
            let (px, score) = fit_size(score, true, 150.0, 80.0, column);
            text(out, MARGIN - 4.0, 470.0, px, true, ACCENT, "start", &score);
        }
        (None, None) => {
            // A line rated only in a band: the band in its place.
            if let Some(band) = &h.band {
                text(out, MARGIN, 312.0, 30.0, false, MUTED, "start", "Xếp loại");
                for (i, line) in wrap(band, true, 64.0, column, 2).iter().enumerate() {
                    let y = 400.0 + 76.0 * i as f32;
                    text(out, MARGIN - 2.0, y, 64.0, true, ACCENT, "start", line);
                }
            }
        }
    }
    if let Some((words, direction)) = &h.change {
        // The font has no arrows: drawn, 24 px wide, beside the first line.
        let (colour, shape) = match direction {
            Ordering::Greater => (UP, "M0 0L12 -20L24 0Z"),
            Ordering::Less => (DOWN, "M0 -20L12 0L24 -20Z"),
            Ordering::Equal => (MUTED, "M0 -14H24V-6H0Z"),
        };
        let y = 468.0;
        let _ = write!(
            out,
            "<path transform=\"translate({right} {})\" d=\"{shape}\" fill=\"{colour}\"/>",
            y - 4.0
        );
        let x = right + 36.0;
        let lines = wrap(words, true, 34.0, right_width - 36.0, 2);
        for (i, line) in lines.iter().enumerate() {
            text(
                out,
                x,
                y + 44.0 * i as f32,
                34.0,
                true,
                colour,
                "start",
                line,
            );
        }
    }
}

/// A table's top lines: rank, unit, score.
fn table(out: &mut String, t: &TableCard) {
    // An index's full name, or its short name when the full one would be
    // cut.
    let title = if advance(&t.title, true, 40.0) <= INNER || t.short_title.is_empty() {
        &t.title
    } else {
        &t.short_title
    };
    let (px, title) = fit_size(title, true, 52.0, 40.0, INNER);
    text(out, MARGIN, 156.0, px, true, FG, "start", &title);
    let subtitle = fit_subtitle(&t.subtitle, 30.0, INNER);
    text(out, MARGIN, 204.0, 30.0, false, MUTED, "start", &subtitle);
    let rank_right = MARGIN + 96.0;
    let name_left = rank_right + 28.0;
    let score_right = WIDTH as f32 - MARGIN;
    let widest_score = t
        .rows
        .iter()
        .map(|r| advance(&r.score, true, 34.0))
        .fold(0.0, f32::max);
    let name_width = score_right - widest_score - 32.0 - name_left;
    let mut y = 278.0;
    for (i, row) in t.rows.iter().enumerate() {
        if i % 2 == 0 {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"50\" fill=\"{ACCENT_BG}\" fill-opacity=\"0.6\"/>",
                MARGIN - 16.0,
                y - 36.0,
                INNER + 32.0
            );
        }
        text(out, rank_right, y, 34.0, true, ACCENT, "end", &row.rank);
        let name = fit(&row.name, false, 34.0, name_width);
        text(out, name_left, y, 34.0, false, FG, "start", &name);
        text(out, score_right, y, 34.0, true, FG, "end", &row.score);
        y += 54.0;
    }
    let more = (t.more > 0).then(|| format!("… và {} đơn vị khác", t.more));
    let origin = t.ranks_computed.then_some("thứ hạng tính từ bảng");
    let foot: Vec<&str> = more.as_deref().into_iter().chain(origin).collect();
    if !foot.is_empty() {
        let foot = fit(&foot.join(" · "), false, 26.0, score_right - name_left);
        text(out, name_left, y - 8.0, 26.0, false, MUTED, "start", &foot);
    }
}

/// One line of text at baseline `y`.
#[allow(clippy::too_many_arguments)]
fn text(
    out: &mut String,
    x: f32,
    y: f32,
    px: f32,
    bold: bool,
    fill: &str,
    anchor: &str,
    content: &str,
) {
    let weight = if bold { 700 } else { 400 };
    let anchor = if anchor == "start" {
        String::new()
    } else {
        format!(" text-anchor=\"{anchor}\"")
    };
    let _ = write!(
        out,
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{px}\" font-weight=\"{weight}\" fill=\"{fill}\"{anchor}>{}</text>",
        escape(&xml_chars(content))
    );
}

/// `text` without the characters XML cannot hold (controls other than
/// tab and line breaks, U+FFFE, U+FFFF), which an editor's text may have
/// and which would make the SVG unreadable.
fn xml_chars(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| {
        !(c < ' ' && !matches!(c, '\t' | '\n' | '\r') || c == '\u{FFFE}' || c == '\u{FFFF}')
    };
    if text.chars().all(allowed) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

/// The advance of a character missing from the font, in ems.
const MISSING_ADVANCE: f32 = 0.62;

/// Each character's advance in ems, per weight, read from the font once.
fn advances(bold: bool) -> &'static HashMap<char, f32> {
    static TABLES: [OnceLock<HashMap<char, f32>>; 2] = [OnceLock::new(), OnceLock::new()];
    TABLES[usize::from(bold)].get_or_init(|| {
        let Ok(font) = FontRef::new(if bold { BOLD } else { REGULAR }) else {
            return HashMap::new();
        };
        let metrics = font.glyph_metrics(Size::new(1.0), LocationRef::default());
        font.charmap()
            .mappings()
            .filter_map(|(c, g)| Some((char::from_u32(c)?, metrics.advance_width(g)?)))
            .collect()
    })
}

/// The width of one character at `px`.
fn char_advance(c: char, bold: bool, px: f32) -> f32 {
    advances(bold).get(&c).copied().unwrap_or(MISSING_ADVANCE) * px
}

/// The width of `text` set at `px` in the embedded font (no kerning: a
/// little wider than set, which errs on the safe side).
pub fn advance(text: &str, bold: bool, px: f32) -> f32 {
    text.chars().map(|c| char_advance(c, bold, px)).sum()
}

/// A subtitle that fits `width` at `px`: whole, else in its short form,
/// else its `what` cut with `…` and the year kept.
fn fit_subtitle(subtitle: &Subtitle, px: f32, width: f32) -> String {
    let whole = subtitle.to_string();
    if advance(&whole, false, px) <= width {
        return whole;
    }
    let year = format!(" năm {}", subtitle.year);
    let short = format!("{}{year}", subtitle.short);
    if !subtitle.short.is_empty() && advance(&short, false, px) <= width {
        return short;
    }
    let room = width - advance(&year, false, px);
    format!("{}{year}", fit(&subtitle.what, false, px, room))
}

/// `text` cut with `…` so that it fits `width` at `px`.
pub fn fit(text: &str, bold: bool, px: f32, width: f32) -> String {
    if advance(text, bold, px) <= width {
        return text.to_owned();
    }
    let room = width - char_advance('…', bold, px);
    let mut used = 0.0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        used += char_advance(c, bold, px);
        if used > room {
            break;
        }
        end = at + c.len_utf8();
    }
    format!("{}…", text[..end].trim_end())
}

/// The largest size from `max` down to `min` at which `text` fits `width`,
/// and the text (cut at `min` if it does not fit even then).
fn fit_size(text: &str, bold: bool, max: f32, min: f32, width: f32) -> (f32, String) {
    let natural = advance(text, bold, max);
    let px = if natural <= width {
        max
    } else {
        (max * width / natural).floor().max(min)
    };
    (px, fit(text, bold, px, width))
}

/// `text` in lines that fit `width`, broken between words, at most `lines`
/// of them (the last cut with `…` when more was left).
pub fn wrap(text: &str, bold: bool, px: f32, width: f32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let tried = if current.is_empty() {
            (*word).to_owned()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() || advance(&tried, bold, px) <= width {
            current = tried;
            continue;
        }
        if out.len() + 1 == lines {
            let rest = words[i..].join(" ");
            out.push(fit(&format!("{current} {rest}"), bold, px, width));
            return out;
        }
        out.push(fit(&current, bold, px, width));
        current = (*word).to_owned();
    }
    if !current.is_empty() && out.len() < lines {
        out.push(fit(&current, bold, px, width));
    }
    out
}

/// The largest size from `max` down to `min` at which `text` wraps into at
/// most `lines` lines without cutting a word, and its lines.
fn wrap_size(
    text: &str,
    bold: bool,
    max: f32,
    min: f32,
    width: f32,
    lines: usize,
) -> (f32, Vec<String>) {
    let mut px = max;
    loop {
        let wrapped = wrap(text, bold, px, width, lines);
        let whole = !wrapped.last().is_some_and(|l| l.ends_with('…'));
        if whole || px <= min {
            return (px, wrapped);
        }
        px = (px - 6.0).max(min);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_with_the_font() {
        let narrow = advance("iiii", false, 40.0);
        let wide = advance("MMMM", false, 40.0);
        assert!(narrow > 0.0 && wide > 2.0 * narrow, "{narrow} {wide}");
        assert!(advance("Hà Tĩnh", true, 40.0) > advance("Hà Tĩnh", false, 40.0));
    }

    #[test]
    fn the_font_has_the_marks_cards_print() {
        for c in ['*', '‡', '·', '—', '–'] {
            for bold in [false, true] {
                assert!(advances(bold).contains_key(&c), "{c:?} (bold: {bold})");
            }
        }
    }

    #[test]
    fn text_xml_cannot_hold_is_left_out() {
        let frame = super::super::Frame {
            title: "A\u{0}B\u{1b}<C> & \u{FFFF}D".into(),
            description: String::new(),
            province: String::new(),
            host: String::new(),
        };
        let svg = svg(&Card::Site, &frame);
        assert!(svg.contains("AB&lt;C&gt; &amp; D"), "{svg}");
        assert!(super::super::raster::png(&svg).is_ok());
    }

    #[test]
    fn long_text_is_cut_to_fit() {
        let long = "Ủy ban nhân dân thành phố Hồ Chí Minh ".repeat(4);
        let cut = fit(&long, true, 40.0, 500.0);
        assert!(cut.ends_with('…'));
        assert!(advance(&cut, true, 40.0) <= 500.0);
        assert_eq!(fit("Hà Tĩnh", true, 40.0, 500.0), "Hà Tĩnh");
    }

    #[test]
    fn a_long_subtitle_keeps_its_year() {
        let what = "Chỉ số cải cách hành chính của UBND các xã, phường tỉnh Hà Tĩnh";
        let subtitle = |short: &str| Subtitle {
            what: what.into(),
            short: short.into(),
            year: 2025,
        };
        assert_eq!(
            fit_subtitle(&subtitle("Chỉ số CCHC cấp xã"), 32.0, INNER),
            "Chỉ số CCHC cấp xã năm 2025"
        );
        let cut = fit_subtitle(&subtitle(""), 32.0, INNER);
        assert!(cut.ends_with("… năm 2025"), "{cut}");
        assert!(advance(&cut, false, 32.0) <= INNER);
        let fits = Subtitle {
            what: "Chỉ số CCHC".into(),
            short: String::new(),
            year: 2023,
        };
        assert_eq!(fit_subtitle(&fits, 32.0, INNER), "Chỉ số CCHC năm 2023");
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word_when_they_can() {
        let text = "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh xếp thứ nhất";
        let lines = wrap(text, false, 40.0, 400.0, 5);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(advance(line, false, 40.0) <= 400.0, "{line}");
        }
        let two = wrap(text, false, 40.0, 400.0, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].ends_with('…'));
    }
}
