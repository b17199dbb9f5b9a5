//! How wide a chart's text is, without a browser: the advance widths of
//! DejaVu Sans (regular and bold), the sans-serif most Linux browsers fall
//! back to and one of the widest common ones, so a label measured here fits
//! in any of the site's fonts (`system-ui, sans-serif`). Vietnamese letters
//! count as their base letter (a combining mark adds no width, `đ` is a
//! `d`), and every width is rounded up by [`SAFETY`].
//!
//! Also the vertical extent a browser gives a line of text (`getBBox`: the
//! font's ascent and descent, whatever the letters), and the wrapping and
//! truncating of names to a width, with an ellipsis.

use unicode_normalization::char::decompose_canonical;

/// Widths are multiplied by this, to stay clear of fonts a little wider
/// than the table's and of rounding in the browser.
const SAFETY: f64 = 1.06;

/// The part of the font size above the baseline in a text's box (DejaVu
/// Sans: 1901/2048; Chromium's box for bold text reaches 0.97), rounded
/// up.
pub const ASCENT: f64 = 0.98;
/// The part below it (483/2048), rounded up.
pub const DESCENT: f64 = 0.26;

/// Advance widths of U+0020..=U+007E in thousandths of an em: (DejaVu Sans,
/// DejaVu Sans Bold).
const ASCII: [(u16, u16); 95] = [
    (317, 348),
    (400, 456),
    (459, 520),
    (837, 837),
    (636, 695),
    (950, 1001),
    (779, 872),
    (274, 306),
    (390, 457),
    (390, 457),
    (500, 522),
    (837, 837),
    (317, 379),
    (360, 415),
    (317, 379),
    (336, 365),
    (636, 695),
    (636, 695),
    (636, 695),
    (636, 695),
    (636, 695),
    (636, 695),
    (636, 695),
    (636, 695),
    (636, 695),
    (636, 695),
    (336, 399),
    (336, 399),
    (837, 837),
    (837, 837),
    (837, 837),
    (530, 580),
    (1000, 1000),
    (684, 773),
    (686, 762),
    (698, 733),
    (770, 830),
    (631, 683),
    (575, 683),
    (774, 820),
    (751, 836),
    (294, 372),
    (294, 372),
    (655, 774),
    (557, 637),
    (862, 995),
    (748, 836),
    (787, 850),
    (603, 732),
    (787, 850),
    (694, 770),
    (634, 720),
    (610, 682),
    (731, 812),
    (684, 773),
    (988, 1103),
    (685, 770),
    (610, 724),
    (685, 725),
    (390, 457),
    (336, 365),
    (390, 457),
    (837, 837),
    (500, 500),
    (500, 500),
    (612, 674),
    (634, 715),
    (549, 592),
    (634, 715),
    (615, 678),
    (352, 435),
    (634, 715),
    (633, 711),
    (277, 342),
    (277, 342),
    (579, 665),
    (277, 342),
    (974, 1041),
    (633, 711),
    (611, 687),
    (634, 715),
    (634, 715),
    (411, 493),
    (520, 595),
    (392, 478),
    (633, 711),
    (591, 651),
    (817, 923),
    (591, 645),
    (591, 651),
    (524, 582),
    (636, 711),
    (336, 365),
    (636, 711),
    (837, 837),
];

/// A letter or sign outside ASCII whose base letter is not what it
/// decomposes to, or that has no base letter: (regular, bold).
fn other(ch: char) -> (u16, u16) {
    match ch {
        'đ' => (634, 715),
        'Đ' => (774, 837),
        // Ơ and Ư are wider than O and U (the horn sticks out).
        'Ơ' => (913, 873),
        'Ư' => (857, 835),
        '–' | '‐' => (500, 500),
        '’' | '‘' | '·' | '\u{a0}' | '\u{202f}' => (317, 379),
        '“' | '”' => (518, 657),
        '≥' | '≤' | '×' | '→' | '↑' | '↓' | '−' | '≈' => (837, 837),
        // Anything else: as wide as the widest letters.
        _ => (1000, 1103),
    }
}

/// The last character [`TABLE`] covers: Latin, Latin-1, Latin Extended
/// and Vietnamese (U+1EA0–U+1EF9), and general punctuation.
const TABLE_END: u32 = 0x2070;

/// The advances of U+0000..TABLE_END, worked out once: a national build
/// measures millions of characters.
static TABLE: std::sync::OnceLock<Vec<(u16, u16)>> = std::sync::OnceLock::new();

/// The advance width of one character in thousandths of an em.
fn advance(ch: char, bold: bool) -> u16 {
    let code = ch as u32;
    let pick = |(r, b): (u16, u16)| if bold { b } else { r };
    if code < TABLE_END {
        let table = TABLE.get_or_init(|| {
            (0..TABLE_END)
                .map(|c| {
                    char::from_u32(c)
                        .map_or((1000, 1103), |ch| (compute(ch, false), compute(ch, true)))
                })
                .collect()
        });
        return pick(table[code as usize]);
    }
    compute(ch, bold)
}

/// The advance width of one character, from the ASCII table and the
/// character's base letter.
fn compute(ch: char, bold: bool) -> u16 {
    let pick = |(r, b): (u16, u16)| if bold { b } else { r };
    let code = ch as u32;
    if (0x20..0x7f).contains(&code) {
        return pick(ASCII[(code - 0x20) as usize]);
    }
    if unicode_normalization::char::is_combining_mark(ch) {
        return 0;
    }
    if matches!(ch, 'Ơ' | 'Ư' | 'đ' | 'Đ') {
        return pick(other(ch));
    }
    // Vietnamese letters: the base letter (ế → e; ơ → o, narrower than Ơ).
    let mut base = None;
    decompose_canonical(ch, |c| {
        if base.is_none() {
            base = Some(c);
        }
    });
    match base {
        Some(b) if b != ch && (0x20..0x7f).contains(&(b as u32)) => {
            pick(ASCII[(b as u32 - 0x20) as usize])
        }
        _ => pick(other(ch)),
    }
}

/// How text is set: its size in the chart's units and its weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub const fn new(size: f64, bold: bool) -> Self {
        Font { size, bold }
    }

    /// The width of `text` set in this font, rounded up.
    pub fn width(&self, text: &str) -> f64 {
        self.width_of(self.thousandths(text))
    }

    /// The advance widths of `text` in thousandths of an em: whole
    /// numbers, so the widths of two pieces add up to that of both.
    fn thousandths(&self, text: &str) -> u32 {
        text.chars().map(|c| u32::from(advance(c, self.bold))).sum()
    }

    /// The width in pixels of `thousandths` of an em.
    fn width_of(&self, thousandths: u32) -> f64 {
        f64::from(thousandths) / 1000.0 * self.size * SAFETY
    }

    /// The top of a line's box above its baseline.
    pub fn ascent(&self) -> f64 {
        self.size * ASCENT
    }

    /// The bottom of a line's box below its baseline.
    pub fn descent(&self) -> f64 {
        self.size * DESCENT
    }

    /// The height of one line's box: what two lines need between their
    /// baselines not to touch.
    pub fn line_height(&self) -> f64 {
        self.ascent() + self.descent()
    }

    /// `text` cut to fit in `width` with an ellipsis, and whether it was
    /// cut; at least the ellipsis.
    pub fn truncate(&self, text: &str, width: f64) -> (String, bool) {
        if self.width(text) <= width {
            return (text.to_owned(), false);
        }
        let budget = width - self.width("…");
        let mut out = String::new();
        let mut used = 0.0;
        for ch in text.chars() {
            let w = self.width(ch.encode_utf8(&mut [0; 4]));
            if used + w > budget {
                break;
            }
            used += w;
            out.push(ch);
        }
        // A mark whose letter was cut off would sit on the ellipsis.
        let kept = out.trim_end().to_owned();
        (kept + "…", true)
    }

    /// `text` in lines of at most `width`, broken at spaces, at most
    /// `max_lines` of them (the last cut with an ellipsis when the text
    /// does not fit), and whether anything was cut.
    pub fn wrap(&self, text: &str, width: f64, max_lines: usize) -> (Vec<String>, bool) {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        // The current line's width, grown a word at a time rather than
        // measured again for each word.
        let mut used = 0;
        let space = self.thousandths(" ");
        for word in text.split_whitespace() {
            let needs = self.thousandths(word);
            if current.is_empty() {
                current.push_str(word);
                used = needs;
            } else if self.width_of(used + space + needs) <= width {
                current.push(' ');
                current.push_str(word);
                used += space + needs;
            } else {
                lines.push(std::mem::replace(&mut current, word.to_owned()));
                used = needs;
            }
        }
        if !current.is_empty() || lines.is_empty() {
            lines.push(current);
        }
        let max_lines = max_lines.max(1);
        let mut cut = false;
        if lines.len() > max_lines {
            let rest = lines.split_off(max_lines - 1).join(" ");
            lines.push(rest);
            cut = true;
        }
        if let Some(last) = lines.last_mut() {
            let (fitted, truncated) = self.truncate(last, width);
            cut |= truncated;
            *last = fitted;
        }
        // A single word wider than the width on an earlier line.
        let n = lines.len();
        for line in &mut lines[..n - 1] {
            let (fitted, truncated) = self.truncate(line, width);
            cut |= truncated;
            *line = fitted;
        }
        (lines, cut)
    }
}

/// A text's box in the chart's units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// The box of `text` set in `font` at (x, baseline y) with the anchor
    /// `start`, `middle` or `end`.
    pub fn of_text(font: Font, text: &str, x: f64, y: f64, anchor: &str) -> Rect {
        let w = font.width(text);
        let x0 = match anchor {
            "middle" => x - w / 2.0,
            "end" => x - w,
            _ => x,
        };
        Rect {
            x0,
            y0: y - font.ascent(),
            x1: x0 + w,
            y1: y + font.descent(),
        }
    }

    /// Whether the two boxes share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    #[cfg(test)]
    /// Whether the box lies within `0..width` × `0..height`.
    pub fn inside(&self, width: f64, height: f64) -> bool {
        self.x0 >= 0.0 && self.y0 >= 0.0 && self.x1 <= width && self.y1 <= height
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Font = Font::new(13.0, false);

    #[test]
    fn vietnamese_letters_count_as_their_base_letter() {
        assert_eq!(F.width("Hà Tĩnh"), F.width("Ha Tinh"));
        assert_eq!(F.width("điểm"), F.width("diem"));
        // NFD input: marks add nothing.
        assert_eq!(F.width("e\u{301}"), F.width("e"));
        assert!(F.width("Ư") > F.width("U"));
        assert!(Font::new(13.0, true).width("88,35%") > F.width("88,35%"));
        // 45,4200 điểm at 13 px is 90 units wide in DejaVu Sans.
        let w = F.width("45,4200 điểm");
        assert!((90.0..100.0).contains(&w), "{w}");
    }

    #[test]
    fn unknown_signs_are_counted_wide() {
        assert!(F.width("漢") >= F.width("M"));
    }

    #[test]
    fn truncating_keeps_within_the_width() {
        let name = "Sở Lao động - Thương binh và Xã hội tỉnh Hà Tĩnh";
        let (cut, was) = F.truncate(name, 120.0);
        assert!(was);
        assert!(cut.ends_with('…'));
        assert!(F.width(&cut) <= 120.0, "{cut}");
        assert_eq!(F.truncate("Sở Y tế", 120.0), ("Sở Y tế".to_owned(), false));
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_the_last_line() {
        let name = "Cải cách thủ tục hành chính và hiện đại hóa nền hành chính nhà nước";
        let (lines, cut) = F.wrap(name, 200.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(cut);
        assert!(lines.iter().all(|l| F.width(l) <= 200.0), "{lines:?}");
        assert!(lines[1].ends_with('…'));
        let (lines, cut) = F.wrap("Tổ chức bộ máy", 200.0, 2);
        assert_eq!((lines, cut), (vec!["Tổ chức bộ máy".to_owned()], false));
        let (lines, _) = F.wrap("", 200.0, 2);
        assert_eq!(lines, vec![String::new()]);
    }

    #[test]
    fn boxes_overlap_only_when_they_share_area() {
        let a = Rect::of_text(F, "88,35%", 100.0, 50.0, "middle");
        let b = Rect::of_text(F, "88,35%", 100.0, 50.0 + F.line_height() + 0.1, "middle");
        assert!(!a.overlaps(&b));
        let c = Rect::of_text(F, "88,35%", 110.0, 55.0, "middle");
        assert!(a.overlaps(&c));
        assert!(a.inside(360.0, 200.0));
        assert!(!Rect::of_text(F, "88,35%", 0.0, 50.0, "middle").inside(360.0, 200.0));
    }
}
