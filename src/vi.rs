//! Vietnamese conventions: numbers, dates, slugs, alphabetical order, rank
//! phrases; pure functions, no I/O.
//!
//! Everything here is deterministic and total: malformed input (NaN, empty
//! strings, stray combining marks, out-of-range dates) yields a defined value
//! instead of a panic, because a panic in a formatting helper would abort
//! the whole site build over one bad data cell.

use std::cmp::Ordering;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Shown in place of a number that cannot be printed (NaN, ±∞).
const NOT_A_NUMBER: &str = "—";

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

/// A finite number rounded to a fixed number of decimals, kept as ASCII
/// digits so that no float arithmetic happens after rounding.
struct Rounded {
    /// True only when the rounded value is non-zero, so "-0,00" never appears.
    negative: bool,
    /// Integer digits followed by the fractional digits that were computed.
    digits: Vec<u8>,
    /// How many leading entries of `digits` belong to the integer part.
    int_len: usize,
    /// Trailing fractional zeros still owed to reach the requested precision;
    /// kept as a count so a huge precision never forces a huge allocation in
    /// `scaled`.
    pad: usize,
}

impl Rounded {
    fn int_digits(&self) -> &[u8] {
        self.digits.get(..self.int_len).unwrap_or(&[])
    }

    fn frac_digits(&self) -> &[u8] {
        self.digits.get(self.int_len..).unwrap_or(&[])
    }
}

/// Round half away from zero on the decimal value of `value`.
///
/// Rust's `Display` for `f64` prints the shortest decimal that round-trips and
/// never switches to exponent notation, so 2.675 reads as "2.675" rather than
/// the stored binary 2.67499999…. Rounding those digits gives what a reader of
/// the source data expects, which `(x * 100).round()` does not.
fn round_decimal(value: f64, decimals: u32) -> Option<Rounded> {
    if !value.is_finite() {
        return None;
    }
    round_far_from_a_tie(value, decimals).or_else(|| round_exactly(value, decimals))
}

/// `round_decimal` on the digits `Display` would print.
fn round_exactly(value: f64, decimals: u32) -> Option<Rounded> {
    let mut buffer = ryu::Buffer::new();
    let owned;
    let text = match value.abs() {
        // ryu writes the same shortest digits as `Display`, without an
        // allocation, and plain (not in exponent form) in this range; its
        // "88.0" for 88 rounds the same as "88".
        a if a == 0.0 || (1e-5..1e15).contains(&a) => buffer.format_finite(a),
        a => {
            owned = a.to_string();
            owned.as_str()
        }
    };
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text, ""));
    let keep = usize::try_from(decimals).unwrap_or(usize::MAX);

    let mut digits: Vec<u8> = int_part.bytes().collect();
    let mut int_len = digits.len();
    digits.extend(frac_part.bytes().take(keep));
    let pad = keep.saturating_sub(frac_part.len());

    // Only the first dropped digit matters: a '5' is either an exact half
    // (round away from zero) or followed by more digits (above half).
    let round_up = frac_part.as_bytes().get(keep).is_some_and(|&d| d >= b'5');
    if round_up {
        let mut carry = true;
        for d in digits.iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            digits.insert(0, b'1');
            int_len += 1;
        }
    }

    let negative = value.is_sign_negative() && digits.iter().any(|&d| d != b'0');
    Some(Rounded {
        negative,
        digits,
        int_len,
        pad,
    })
}

/// `round_decimal` without printing the value's digits, when
/// [`scaled_far_from_a_tie`] can round it.
fn round_far_from_a_tie(value: f64, decimals: u32) -> Option<Rounded> {
    let n = scaled_far_from_a_tie(value, decimals)?;
    let keep = decimals as usize;
    let mut buffer = itoa::Buffer::new();
    let text = buffer.format(n).as_bytes();
    // At least one integer digit: 0.05 to 2 decimals is "005", not "5".
    // One allocation of the final size (`vec![b'0'; n]` and then extending
    // it made two, and a call to memset).
    let zeros = (keep + 1).saturating_sub(text.len());
    let mut digits = Vec::with_capacity(zeros + text.len());
    digits.resize(zeros, b'0');
    digits.extend_from_slice(text);
    Some(Rounded {
        negative: value.is_sign_negative() && n != 0,
        int_len: digits.len() - keep,
        digits,
        pad: 0,
    })
}

/// `|value|` rounded to `decimals` as a count of the last decimal (88.35 to
/// 2 → 8835), for the usual figure: small, with few decimals, and not close
/// to a rounding tie. Then `|value| × 10^decimals` is within 5·10⁻⁷ of the
/// scaled decimal value (below 2³¹ its rounding errors stay under that), so
/// when its fraction is further than 10⁻⁶ from one half, rounding it to the
/// nearest integer rounds the decimal value too. `None` sends everything
/// else (ties such as 2.675, large values, many decimals) to the exact path.
pub(crate) fn scaled_far_from_a_tie(value: f64, decimals: u32) -> Option<u64> {
    const POWERS: [f64; 7] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6];
    let scale = *POWERS.get(usize::try_from(decimals).ok()?)?;
    let x = value.abs() * scale;
    // Not a number, too large, or near a tie: the exact path decides.
    if !x.is_finite() || x >= 2_147_483_648.0 || ((x - x.trunc()) - 0.5).abs() <= 1e-6 {
        return None;
    }
    Some(x.round() as u64)
}

/// Append integer digits with '.' every three places from the right.
fn push_grouped(out: &mut String, digits: &[u8]) {
    // A short leading group, then full groups of three.
    let (head, tail) = digits.split_at(digits.len() % 3);
    let groups = std::iter::once(head)
        .filter(|g| !g.is_empty())
        .chain(tail.chunks(3));
    for (i, group) in groups.enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.extend(group.iter().map(|&d| char::from(d)));
    }
}

/// Render an already rounded value without any sign.
fn push_magnitude(out: &mut String, rounded: &Rounded) {
    push_grouped(out, rounded.int_digits());
    let frac = rounded.frac_digits();
    if !frac.is_empty() || rounded.pad > 0 {
        out.push(',');
        out.extend(frac.iter().map(|&d| char::from(d)));
        out.extend(std::iter::repeat_n('0', rounded.pad));
    }
}

/// Format a number the Vietnamese way: decimal comma, '.' as thousands
/// separator and exactly `decimals` digits after the comma.
///
/// Rounding is half away from zero on the shortest decimal form of the value
/// (so 90.525 → "90,53" and 1.005 → "1,01" despite binary representation).
/// Negative values get an ASCII '-', but a value that rounds to zero is shown
/// unsigned ("0,00", never "-0,00"). NaN and infinities give "—".
///
/// ```
/// use chiso::vi::format_number;
/// assert_eq!(format_number(88.35, 2), "88,35");
/// assert_eq!(format_number(19536.0, 0), "19.536");
/// assert_eq!(format_number(1234567.891, 2), "1.234.567,89");
/// ```
pub fn format_number(value: f64, decimals: u32) -> String {
    let Some(rounded) = round_decimal(value, decimals) else {
        return NOT_A_NUMBER.to_string();
    };
    let mut out = String::with_capacity(rounded.digits.len() * 4 / 3 + rounded.pad + 2);
    if rounded.negative {
        out.push('-');
    }
    push_magnitude(&mut out, &rounded);
    out
}

/// How many decimals `value` was written with, as its shortest form shows
/// them (the digits `Display` prints), at most 6: 13.969 → 3, 98.0 → 0.
/// Points and maxima are shown as their source gave them.
pub fn written_decimals(value: f64) -> u32 {
    // ryu writes the same shortest digits as Display, plainly in this range
    // and without allocating; its "98.0" for 98 has no decimals, as "98".
    let fraction = |text: &str| match text.split_once('.') {
        Some((_, "0")) | None => 0,
        Some((_, f)) => f.len().min(6) as u32,
    };
    if value == 0.0 || (1e-5..1e15).contains(&value.abs()) {
        fraction(ryu::Buffer::new().format_finite(value))
    } else {
        fraction(&value.to_string())
    }
}

/// A figure as its source wrote it: 13.969 → "13,969", 14.0 → "14".
pub fn format_as_written(value: f64) -> String {
    format_number(value, written_decimals(value))
}

/// Round `value` to `decimals` exactly as [`format_number`] does and return
/// the result as a scaled integer (88.35, 2 → 8835).
///
/// Rankings compare these integers so that ties are decided on the printed
/// figures rather than on float noise. NaN gives 0; +∞, −∞ and values too
/// large for `i64` saturate to `i64::MAX` / `i64::MIN`.
pub fn scaled(value: f64, decimals: u32) -> i64 {
    if let Some(n) = scaled_far_from_a_tie(value, decimals) {
        // Below 2^31: the conversion cannot fail.
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        return if value.is_sign_negative() { -n } else { n };
    }
    let Some(rounded) = round_decimal(value, decimals) else {
        return if value.is_nan() {
            0
        } else if value > 0.0 {
            i64::MAX
        } else {
            i64::MIN
        };
    };
    let saturated = if rounded.negative { i64::MIN } else { i64::MAX };
    let mut acc: i64 = 0;
    for &d in &rounded.digits {
        let next = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(i64::from(d - b'0')));
        match next {
            Some(a) => acc = a,
            None => return saturated,
        }
    }
    // Padding zeros only scale; stop early on zero so an absurd precision
    // costs nothing.
    for _ in 0..rounded.pad {
        if acc == 0 {
            break;
        }
        match acc.checked_mul(10) {
            Some(a) => acc = a,
            None => return saturated,
        }
    }
    if rounded.negative {
        -acc
    } else {
        acc
    }
}

/// Format a signed change: "+1,40", "-2,10", and "0,00" without a sign when
/// the value rounds to zero. Same rounding and separators as
/// [`format_number`]; NaN and infinities give "—".
pub fn format_signed(value: f64, decimals: u32) -> String {
    let Some(rounded) = round_decimal(value, decimals) else {
        return NOT_A_NUMBER.to_string();
    };
    let is_zero = rounded.digits.iter().all(|&d| d == b'0');
    let mut out = String::new();
    if rounded.negative {
        out.push('-');
    } else if !is_zero {
        out.push('+');
    }
    push_magnitude(&mut out, &rounded);
    out
}

/// Phrase describing a rank change, where `delta` is previous rank minus
/// current rank (positive means the unit moved up the table):
/// 10 → "tăng 10 bậc", -2 → "giảm 2 bậc", 0 → "giữ nguyên thứ hạng".
pub fn rank_change_phrase(delta: i64) -> String {
    match delta.cmp(&0) {
        Ordering::Greater => format!("tăng {delta} bậc"),
        // unsigned_abs because -i64::MIN does not fit in i64.
        Ordering::Less => format!("giảm {} bậc", delta.unsigned_abs()),
        Ordering::Equal => "giữ nguyên thứ hạng".to_string(),
    }
}

// ---------------------------------------------------------------------------
// Slugs and folding
// ---------------------------------------------------------------------------

/// The Combining Diacritical Marks block, which holds every Vietnamese tone
/// and vowel-quality mark after NFD.
fn is_latin_diacritic(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// What [`fold`] makes of one character that is not ASCII.
fn fold_char(c: char, push: &mut impl FnMut(char)) {
    // Lowercase before decomposing: some lowercase mappings (İ → i̇)
    // introduce combining marks that the next step must still see. Only the
    // Latin diacritic block is stripped: marks of other scripts are part of
    // their letters and stripping them would change meaning.
    for lower in c.to_lowercase() {
        unicode_normalization::char::decompose_canonical(lower, |d| {
            if !is_latin_diacritic(d) {
                push(if d == 'đ' { 'd' } else { d });
            }
        });
    }
}

/// The first character of [`latin_folds`]: À.
const LATIN_START: usize = 0xC0;

/// For each character from U+00C0 to U+1EFF (Latin-1 to Latin Extended
/// Additional, where every Vietnamese letter is), the ASCII letter
/// [`fold_char`] makes of it, or 0 when it makes something else. Vietnamese
/// text has a letter with a diacritic every few characters, and looking it
/// up here is a fraction of lowercasing and decomposing it.
fn latin_folds() -> &'static [u8] {
    static FOLDS: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    FOLDS.get_or_init(|| {
        (LATIN_START..=0x1EFF)
            .map(|u| {
                let mut folded = Vec::new();
                if let Some(c) = u32::try_from(u).ok().and_then(char::from_u32) {
                    fold_char(c, &mut |d| folded.push(d));
                }
                match folded[..] {
                    [d] if d.is_ascii() => d as u8,
                    _ => 0,
                }
            })
            .collect()
    })
}

/// Build a URL slug: lowercase ASCII letters and digits, diacritics dropped,
/// đ/Đ → d, every run of other characters collapsed to a single '-', no
/// leading or trailing '-'.
///
/// Non-Latin letters that have no ASCII base count as separators.
///
/// ```
/// use chiso::vi::slugify;
/// assert_eq!(slugify("Sở Khoa học và Công nghệ"), "so-khoa-hoc-va-cong-nghe");
/// assert_eq!(slugify("Đức Thọ"), "duc-tho");
/// assert_eq!(slugify("  "), "");
/// ```
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let mut push = |c: char| {
        // đ is a letter of its own in Unicode and has no decomposition.
        let c = if matches!(c, 'đ' | 'Đ') { 'd' } else { c };
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    };
    // Character by character (an NFD iterator buffers and reorders marks,
    // which are dropped anyway): headings are slugged by the thousand.
    for c in text.chars() {
        if c.is_ascii() {
            push(c);
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |d| {
            // Any combining mark, not just the Latin block: a mark is never
            // a word boundary, so it must not split a word into two parts.
            if !is_combining_mark(d) {
                push(d);
            }
        });
    }
    out
}

/// Fold text for search and matching: normalisation-insensitive, lowercase,
/// Vietnamese diacritics removed, đ → d, whitespace runs collapsed to one
/// space and trimmed. "  Sở  KHOA học " → "so khoa hoc".
///
/// Punctuation and non-Latin scripts are kept; the result is NFC.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let mut ascii = true;
    let mut push = |c: char| {
        if c.is_whitespace() {
            gap = true;
            return;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        ascii &= c.is_ascii();
        out.push(c);
    };
    let folded = latin_folds();
    for c in text.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else if let Some(&b) = folded
            .get((c as usize).wrapping_sub(LATIN_START))
            .filter(|&&b| b != 0)
        {
            push(char::from(b));
        } else {
            fold_char(c, &mut push);
        }
    }
    // Vietnamese folds to ASCII; anything else that survived (e.g. Hangul)
    // is recomposed (and its marks put in canonical order), so the result is
    // ordinary NFC text.
    if ascii {
        out
    } else {
        out.nfc().collect()
    }
}

// ---------------------------------------------------------------------------
// Alphabetical order
// ---------------------------------------------------------------------------

/// The Vietnamese alphabet with f, j, w, z slotted in at their Latin places.
/// Char literals are single code points, so these are the precomposed forms.
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

const BREVE: char = '\u{0306}';
const CIRCUMFLEX: char = '\u{0302}';
const HORN: char = '\u{031B}';

// Primary weight bands. Word separators sort before everything so that
// "Kỳ Anh" < "Kỳanh"; then punctuation, digits, Vietnamese letters, and
// finally letters of other scripts. Bands are wide enough for any code point.
const WEIGHT_SEPARATOR: u32 = 0;
const WEIGHT_SYMBOL: u32 = 0x0000_0001;
const WEIGHT_DIGIT: u32 = 0x0020_0000;
const WEIGHT_LETTER: u32 = 0x0030_0000;
const WEIGHT_OTHER_LETTER: u32 = 0x0040_0000;

/// Tone rank in dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
fn tone_rank(mark: char) -> Option<u8> {
    match mark {
        '\u{0300}' => Some(1), // huyền (grave)
        '\u{0309}' => Some(2), // hỏi (hook above)
        '\u{0303}' => Some(3), // ngã (tilde)
        '\u{0301}' => Some(4), // sắc (acute)
        '\u{0323}' => Some(5), // nặng (dot below)
        _ => None,
    }
}

/// Position in [`ALPHABET`] of a lowercase base letter plus its vowel-quality
/// mark, if that combination is a letter of the alphabet.
fn alphabet_rank(base: char, quality: Option<char>) -> Option<u32> {
    let letter = match (base, quality) {
        ('a', Some(BREVE)) => 'ă',
        ('a', Some(CIRCUMFLEX)) => 'â',
        ('e', Some(CIRCUMFLEX)) => 'ê',
        ('o', Some(CIRCUMFLEX)) => 'ô',
        ('o', Some(HORN)) => 'ơ',
        ('u', Some(HORN)) => 'ư',
        // A quality mark on any other base (ŏ, ü…) is not Vietnamese; the
        // letter sorts as its base and the NFC tie-break separates them.
        (other, _) => other,
    };
    ALPHABET
        .iter()
        .position(|&x| x == letter)
        .and_then(|i| u32::try_from(i).ok())
}

/// Collation key for Vietnamese alphabetical order; see [`compare`].
///
/// Fields, compared in order: base-letter weights, one tone per syllable,
/// case per character (lowercase first), and the NFC text as final
/// tie-break, so equal keys mean canonically equivalent strings.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SortKey(Vec<u32>, Vec<u8>, Vec<u8>, String);

/// Build the collation key of `text`; `a.cmp(b)` on keys equals
/// [`compare`]`(a, b)`, so it can be used with `sort_by_key` or cached.
pub fn sort_key(text: &str) -> SortKey {
    let mut primary = Vec::new();
    let mut tones = Vec::new();
    let mut cases = Vec::new();
    // Some(tone) while inside a run of letters. A Vietnamese syllable carries
    // one tone, and its mark may sit on different vowels ("Hòa" / "Hoà"), so
    // the tone is recorded per syllable rather than per character.
    let mut syllable_tone: Option<u8> = None;
    let mut gap = false;

    let mut chars = text.nfd().peekable();
    while let Some(c) = chars.next() {
        // NFD orders marks by combining class, so "ậ" arrives as
        // a + dot below + circumflex: collect the whole cluster, any order.
        let mut quality = None;
        let mut tone = 0;
        while let Some(&mark) = chars.peek() {
            if !is_combining_mark(mark) {
                break;
            }
            chars.next();
            if let Some(t) = tone_rank(mark) {
                if tone == 0 {
                    tone = t;
                }
            } else if matches!(mark, BREVE | CIRCUMFLEX | HORN) && quality.is_none() {
                quality = Some(mark);
            }
        }
        if is_combining_mark(c) {
            // A mark with no base character carries nothing to sort on.
            continue;
        }
        if c.is_whitespace() {
            gap = true;
            if let Some(t) = syllable_tone.take() {
                tones.push(t);
            }
            continue;
        }

        let lower = c.to_lowercase().next().unwrap_or(c);
        let (weight, is_letter) = if let Some(rank) = alphabet_rank(lower, quality) {
            (WEIGHT_LETTER + rank, true)
        } else if c.is_alphabetic() {
            (WEIGHT_OTHER_LETTER + u32::from(lower), true)
        } else if let Some(d) = c.to_digit(10) {
            (WEIGHT_DIGIT + d, false)
        } else {
            (WEIGHT_SYMBOL + u32::from(c), false)
        };

        // Leading and repeated whitespace are layout, not content.
        if gap && !primary.is_empty() {
            primary.push(WEIGHT_SEPARATOR);
            cases.push(0);
        }
        gap = false;

        if is_letter {
            let current = syllable_tone.get_or_insert(0);
            if *current == 0 {
                *current = tone;
            }
        } else if let Some(t) = syllable_tone.take() {
            tones.push(t);
        }
        primary.push(weight);
        cases.push(u8::from(c.is_uppercase()));
    }
    if let Some(t) = syllable_tone {
        tones.push(t);
    }
    SortKey(primary, tones, cases, text.nfc().collect())
}

/// Compare two strings in Vietnamese alphabetical order
/// (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with f j w z at
/// their Latin places).
///
/// Base letters decide first, left to right and ignoring case, with word
/// separators before any letter ("Kỳ Anh" < "Kỳanh"), then punctuation,
/// digits, letters. Tones only break ties, in the order a à ả ã á ạ; then
/// lowercase before uppercase; then the NFC text, so the order is total.
/// NFC and NFD spellings of the same text compare equal.
///
/// ```
/// let mut names = ["Đức Thọ", "Em", "Dầu Tiếng", "Duy Tiên"];
/// names.sort_by(|a, b| chiso::vi::compare(a, b));
/// assert_eq!(names, ["Dầu Tiếng", "Duy Tiên", "Đức Thọ", "Em"]);
/// ```
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b))
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const WEEKDAYS: [&str; 7] = [
    "Chủ Nhật",
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
];

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard
/// Hinnant's `days_from_civil`). Out-of-range months and days roll over like a
/// calendar (month 13 is January of the next year, day 0 the last day of the
/// previous month), so the result is defined for every input.
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let months = i64::from(year) * 12 + i64::from(month) - 1;
    let mut y = months.div_euclid(12);
    let m = months.rem_euclid(12) + 1;
    if m <= 2 {
        y -= 1;
    }
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    // Counting from March puts the leap day at the end of the year.
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 + i64::from(day) - 1
}

/// Vietnamese weekday name of a proleptic Gregorian date: "Thứ Hai" … "Thứ
/// Bảy", "Chủ Nhật". Dates are not validated; out-of-range months or days
/// roll over (2024-02-30 is treated as 2024-03-01).
pub fn weekday_name(year: i32, month: u32, day: u32) -> &'static str {
    // 1970-01-01 was a Thursday, index 4 when Sunday is 0.
    let index = (days_from_civil(year, month, day) + 4).rem_euclid(7);
    usize::try_from(index)
        .ok()
        .and_then(|i| WEEKDAYS.get(i))
        .copied()
        .unwrap_or(WEEKDAYS[0])
}

/// Long date with weekday: "Thứ Ba, 07/05/2024". The numbers are printed as
/// given; see [`weekday_name`] for out-of-range input.
pub fn format_date_long(year: i32, month: u32, day: u32) -> String {
    format!(
        "{}, {}",
        weekday_name(year, month, day),
        format_date_short(year, month, day)
    )
}

/// Short date, day first as Vietnamese readers expect: "07/05/2024".
pub fn format_date_short(year: i32, month: u32, day: u32) -> String {
    format!("{day:02}/{month:02}/{year:04}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 5,000 texts of six pieces each, picked by a seeded generator: the
    /// same texts on every run.
    fn texts_of<'p>(pieces: &'p [&str], seed: u32) -> impl Iterator<Item = String> + 'p {
        let mut x = seed;
        (0..5000).map(move |_| {
            let mut text = String::new();
            for _ in 0..6 {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                text.push_str(pieces[(x >> 16) as usize % pieces.len()]);
            }
            text
        })
    }

    #[test]
    fn written_decimals_count_what_display_prints() {
        let by_display = |v: f64| {
            let text = v.to_string();
            text.split_once('.')
                .map_or(0, |(_, f)| f.len().min(6) as u32)
        };
        for i in -30_000..30_000 {
            for v in [
                f64::from(i) * 0.001,
                f64::from(i) * 0.37,
                f64::from(i) / 7.0,
            ] {
                assert_eq!(written_decimals(v), by_display(v), "{v}");
            }
        }
        for v in [
            0.0,
            -0.0,
            1e-7,
            2.5e15,
            1e300,
            f64::NAN,
            f64::INFINITY,
            98.0,
            13.969,
        ] {
            assert_eq!(written_decimals(v), by_display(v), "{v}");
        }
        assert_eq!(format_as_written(13.969), "13,969");
        assert_eq!(format_as_written(14.0), "14");
    }

    #[test]
    fn the_latin_table_folds_each_letter_as_decomposing_does() {
        let folds = latin_folds();
        for c in "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ".chars()
        {
            for c in [c, c.to_lowercase().next().unwrap()] {
                let mut slow = Vec::new();
                fold_char(c, &mut |d| slow.push(d));
                let fast = char::from(folds[c as usize - LATIN_START]);
                assert_eq!(slow, [fast], "{c}");
                assert!(fast.is_ascii_lowercase(), "{c}");
            }
        }
        // Characters that do not fold to one ASCII letter take the slow way.
        for c in ['ß', 'Æ', 'ŉ', 'Ǆ', '\u{1680}'] {
            assert_eq!(folds[c as usize - LATIN_START], 0, "{c:?}");
        }
        assert_eq!(fold("ĐỒNG Hới ß  Æ"), "dong hoi ß æ");
    }

    #[test]
    fn fold_matches_folding_the_whole_text_at_once() {
        // The definition: lowercase, NFD, drop Latin diacritics, đ → d,
        // collapse whitespace, NFC.
        fn reference(text: &str) -> String {
            let lower: String = text.chars().flat_map(char::to_lowercase).collect();
            let mut out = String::new();
            let mut gap = false;
            for c in lower.nfd().filter(|&c| !is_latin_diacritic(c)) {
                if c.is_whitespace() {
                    gap = true;
                    continue;
                }
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(if c == 'đ' { 'd' } else { c });
            }
            out.nfc().collect()
        }
        let pieces = [
            "Sở",
            "KHOA",
            "học",
            " ",
            "  ",
            "\t",
            "Đ",
            "đ",
            "İ",
            "ẞ",
            "한국",
            "가\u{0301}",
            "e\u{0323}\u{0302}",
            "e\u{0302}\u{0323}",
            "a\u{0951}\u{0301}",
            "Ω",
            "ǅ",
            "x",
            "-",
            "Hoà",
            "Hòa",
            "\u{0301}",
            "ﬁ",
            "Ⅻ",
        ];
        for text in texts_of(&pieces, 12345) {
            assert_eq!(fold(&text), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn the_fast_digits_round_like_display_digits() {
        // The digits as Display writes them, rounded the same way.
        fn slow(value: f64, decimals: u32) -> String {
            let text = value.abs().to_string();
            let (int_part, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
            let keep = decimals as usize;
            let mut digits: Vec<u8> = int_part.bytes().collect();
            digits.extend(frac.bytes().take(keep));
            digits.extend(std::iter::repeat_n(b'0', keep.saturating_sub(frac.len())));
            let mut n: u128 = digits.iter().fold(0, |n, d| n * 10 + u128::from(d - b'0'));
            if frac.as_bytes().get(keep).is_some_and(|&d| d >= b'5') {
                n += 1;
            }
            let sign = if value.is_sign_negative() && n != 0 {
                "-"
            } else {
                ""
            };
            format!("{sign}{n}")
        }
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let value = match i % 4 {
                0 => (x % 100_000) as f64 / 1000.0,
                1 => (x % 1_000_000) as f64 / 10_000.0 - 50.0,
                2 => f64::from_bits(x % 0x4270_0000_0000_0000),
                _ => (x % 1000) as f64 + 0.5,
            };
            for decimals in [0, 1, 2, 3, 4, 6] {
                assert_eq!(
                    scaled(value, decimals).to_string(),
                    slow(value, decimals),
                    "{value} to {decimals}"
                );
            }
        }
    }

    #[test]
    fn slugify_matches_slugging_the_nfd_text() {
        fn reference(text: &str) -> String {
            let mut out = String::new();
            let mut gap = false;
            for c in text.nfd().filter(|&c| !is_combining_mark(c)) {
                let c = if matches!(c, 'đ' | 'Đ') { 'd' } else { c };
                if c.is_ascii_alphanumeric() {
                    if gap && !out.is_empty() {
                        out.push('-');
                    }
                    gap = false;
                    out.push(c.to_ascii_lowercase());
                } else {
                    gap = true;
                }
            }
            out
        }
        let pieces = [
            "Đ",
            "đ",
            "Sở",
            " ",
            "KHOA",
            "học",
            "Ứ",
            "e\u{301}",
            "\u{303}",
            "-",
            "İ",
            "Å",
            "한",
            "ǅ",
            "ﬁ",
            "2024",
            "!",
            "ệ",
            "Hà Tĩnh",
            "\t",
        ];
        for text in texts_of(&pieces, 777) {
            assert_eq!(slugify(&text), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn the_shortcut_rounds_like_the_exact_path() {
        let text = |r: Option<Rounded>| {
            r.map(|r| {
                let mut out = String::from(if r.negative { "-" } else { "" });
                push_magnitude(&mut out, &r);
                out
            })
        };
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut shortcuts = 0;
        for i in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let value = match i % 3 {
                0 => (x % 10_000_000) as f64 / 10_000.0,
                1 => (x % 100_000) as f64 / 1000.0 - 50.0,
                _ => f64::from_bits(x % 0x4200_0000_0000_0000),
            };
            for decimals in [0, 1, 2, 3, 4, 6] {
                if let Some(fast) = round_far_from_a_tie(value, decimals) {
                    shortcuts += 1;
                    assert_eq!(
                        text(Some(fast)),
                        text(round_exactly(value, decimals)),
                        "{value} to {decimals}"
                    );
                }
            }
        }
        assert!(
            shortcuts > 100_000,
            "the shortcut was taken {shortcuts} times"
        );
    }

    #[test]
    fn format_number_table() {
        let cases: &[(f64, u32, &str)] = &[
            (88.35, 2, "88,35"),
            (19536.0, 0, "19.536"),
            (1234567.891, 2, "1.234.567,89"),
            (44.3138, 4, "44,3138"),
            (95.26939, 2, "95,27"),
            // Half away from zero on the decimal value, despite binary floats.
            (90.525, 2, "90,53"),
            (0.125, 2, "0,13"),
            (2.675, 2, "2,68"),
            (1.005, 2, "1,01"),
            (-2.675, 2, "-2,68"),
            (0.5, 0, "1"),
            (-0.5, 0, "-1"),
            (2.5, 0, "3"),
            (0.0, 2, "0,00"),
            (-0.0, 2, "0,00"),
            (-0.001, 2, "0,00"),
            (-0.004999, 2, "0,00"),
            (-0.005, 2, "-0,01"),
            (999.995, 2, "1.000,00"),
            (9.96, 1, "10,0"),
            (999999.5, 0, "1.000.000"),
            (100.0, 0, "100"),
            (1000.0, 0, "1.000"),
            (-1234.5, 1, "-1.234,5"),
            (7.0, 3, "7,000"),
            (0.1 + 0.2, 2, "0,30"),
            (1e21, 0, "1.000.000.000.000.000.000.000"),
            (1.5e-7, 7, "0,0000002"),
            (1e-10, 3, "0,000"),
            (f64::NAN, 2, "—"),
            (f64::INFINITY, 2, "—"),
            (f64::NEG_INFINITY, 0, "—"),
        ];
        for &(value, decimals, expected) in cases {
            assert_eq!(
                format_number(value, decimals),
                expected,
                "format_number({value}, {decimals})"
            );
        }
    }

    #[test]
    fn format_number_huge_precision_pads_zeros() {
        let out = format_number(1.25, 30);
        assert_eq!(out, format!("1,25{}", "0".repeat(28)));
    }

    #[test]
    fn scaled_table() {
        let cases: &[(f64, u32, i64)] = &[
            (88.35, 2, 8835),
            (90.525, 2, 9053),
            (2.675, 2, 268),
            (-2.675, 2, -268),
            (19536.0, 2, 1_953_600),
            (44.3138, 4, 443_138),
            (95.26939, 0, 95),
            (-0.001, 2, 0),
            (0.0, 3, 0),
            (0.0, u32::MAX, 0),
            (1.0, 30, i64::MAX),
            (-1.0, 30, i64::MIN),
            (1e30, 0, i64::MAX),
            (-1e30, 0, i64::MIN),
            (f64::NAN, 2, 0),
            (f64::INFINITY, 2, i64::MAX),
            (f64::NEG_INFINITY, 2, i64::MIN),
        ];
        for &(value, decimals, expected) in cases {
            assert_eq!(
                scaled(value, decimals),
                expected,
                "scaled({value}, {decimals})"
            );
        }
    }

    #[test]
    fn scaled_agrees_with_format_number() {
        let values = [
            88.35, 90.525, 0.125, 2.675, 1.005, -7.12345, 19536.0, 0.004, -0.006,
        ];
        for value in values {
            for decimals in 0..5 {
                let printed = format_number(value, decimals).replace(['.', ','], "");
                let expected: i64 = printed.parse().unwrap();
                assert_eq!(scaled(value, decimals), expected, "{value} with {decimals}");
            }
        }
    }

    #[test]
    fn format_signed_table() {
        let cases: &[(f64, u32, &str)] = &[
            (1.4, 2, "+1,40"),
            (-2.1, 2, "-2,10"),
            (0.0, 2, "0,00"),
            (-0.0, 2, "0,00"),
            (0.001, 2, "0,00"),
            (-0.001, 2, "0,00"),
            (0.005, 2, "+0,01"),
            (1234.5, 0, "+1.235"),
            (-1234.5, 0, "-1.235"),
            (f64::NAN, 2, "—"),
        ];
        for &(value, decimals, expected) in cases {
            assert_eq!(
                format_signed(value, decimals),
                expected,
                "format_signed({value}, {decimals})"
            );
        }
    }

    #[test]
    fn rank_change_phrase_table() {
        let cases: &[(i64, &str)] = &[
            (10, "tăng 10 bậc"),
            (1, "tăng 1 bậc"),
            (-2, "giảm 2 bậc"),
            (0, "giữ nguyên thứ hạng"),
            (i64::MIN, "giảm 9223372036854775808 bậc"),
        ];
        for &(delta, expected) in cases {
            assert_eq!(rank_change_phrase(delta), expected, "delta {delta}");
        }
    }

    #[test]
    fn slugify_table() {
        let cases: &[(&str, &str)] = &[
            ("Sở Khoa học và Công nghệ", "so-khoa-hoc-va-cong-nghe"),
            ("UBND thị xã Kỳ Anh", "ubnd-thi-xa-ky-anh"),
            ("Đức Thọ", "duc-tho"),
            ("PAR Index 2023!", "par-index-2023"),
            ("  ", ""),
            ("", ""),
            ("--Bà Rịa - Vũng Tàu--", "ba-ria-vung-tau"),
            ("Thừa Thiên Huế", "thua-thien-hue"),
            ("Ơ Ư Ă Â Ê Ô", "o-u-a-a-e-o"),
            ("Quận 1 / Phường 10", "quan-1-phuong-10"),
            ("!!!", ""),
            ("a\u{1DC4}b", "ab"),
        ];
        for &(text, expected) in cases {
            assert_eq!(slugify(text), expected, "slugify({text:?})");
        }
    }

    #[test]
    fn fold_table() {
        let cases: &[(&str, &str)] = &[
            ("  Sở  KHOA học ", "so khoa hoc"),
            ("ĐỨC THỌ", "duc tho"),
            ("Hòa\tBình\n", "hoa binh"),
            ("Hoà Bình", "hoa binh"),
            ("Bà Rịa - Vũng Tàu", "ba ria - vung tau"),
            ("", ""),
            ("   ", ""),
            ("İstanbul", "istanbul"),
            ("한국", "한국"),
        ];
        for &(text, expected) in cases {
            assert_eq!(fold(text), expected, "fold({text:?})");
        }
    }

    #[test]
    fn nfd_input_matches_nfc() {
        // "Sở" spelled as S + o + horn + hook above.
        let nfd = "S\u{006F}\u{031B}\u{0309} Khoa h\u{006F}\u{0323}c";
        let nfc = "Sở Khoa học";
        assert_ne!(nfd, nfc);
        assert_eq!(slugify(nfd), slugify(nfc));
        assert_eq!(fold(nfd), fold(nfc));
        assert_eq!(compare(nfd, nfc), Ordering::Equal);
        assert_eq!(sort_key(nfd), sort_key(nfc));
        for other in ["Sơ", "Sờ", "Sổ", "So", "Sở Khoa", "Ta"] {
            assert_eq!(compare(nfd, other), compare(nfc, other), "vs {other}");
        }
    }

    const PROVINCES_SORTED: [&str; 21] = [
        "An Giang",
        "Bà Rịa - Vũng Tàu",
        "Bắc Giang",
        "Bắc Ninh",
        "Cà Mau",
        "Cần Thơ",
        "Dầu Tiếng",
        "Duy Tiên",
        "Đà Nẵng",
        "Đức Thọ",
        "Em",
        "Hà Giang",
        "Hà Nội",
        "Hà Tĩnh",
        "Hải Phòng",
        "Hòa Bình",
        "Hưng Yên",
        "Ơ",
        "Quảng Bình",
        "Thanh Hóa",
        "Thừa Thiên Huế",
    ];

    /// Deterministic shuffles (no rand crate): the reversal plus a few
    /// stride permutations, using strides coprime to the length so each one
    /// is a true permutation.
    fn shuffles<T: Clone>(items: &[T]) -> Vec<Vec<T>> {
        fn gcd(a: usize, b: usize) -> usize {
            if b == 0 {
                a
            } else {
                gcd(b, a % b)
            }
        }
        let n = items.len();
        let mut out = vec![items.iter().rev().cloned().collect()];
        for stride in (2..n).filter(|&s| gcd(s, n) == 1).take(4) {
            out.push(
                (0..n)
                    .map(|i| items[(i * stride + 3) % n].clone())
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn sorts_provinces_from_shuffled_input() {
        for mut shuffled in shuffles(&PROVINCES_SORTED) {
            assert_ne!(shuffled, PROVINCES_SORTED);
            shuffled.sort_by(|a, b| compare(a, b));
            assert_eq!(shuffled, PROVINCES_SORTED);
        }
        for mut shuffled in shuffles(&PROVINCES_SORTED) {
            shuffled.sort_by_key(|s| sort_key(s));
            assert_eq!(shuffled, PROVINCES_SORTED);
        }
    }

    #[test]
    fn sorts_nfd_provinces_like_nfc() {
        let nfd: Vec<String> = PROVINCES_SORTED.iter().map(|s| s.nfd().collect()).collect();
        for mut shuffled in shuffles(&nfd) {
            shuffled.sort_by(|a, b| compare(a, b));
            assert_eq!(shuffled, nfd);
        }
    }

    #[test]
    fn compare_pairs_table() {
        use Ordering::{Equal, Greater, Less};
        let cases: &[(&str, &str, Ordering)] = &[
            ("Đức Thọ", "Dầu Tiếng", Greater),
            ("Đức Thọ", "Duy Tiên", Greater),
            ("Đức Thọ", "Em", Less),
            ("Ă", "Az", Greater),
            ("Can Lộc", "Cẩm Xuyên", Less),
            ("Kỳ Anh", "Kỳanh", Less),
            ("Hà Tĩnh", "Hải Phòng", Less),
            ("Hòa", "Hưng", Less),
            ("Bà Rịa", "Bắc", Less),
            // Base letters outrank tones and case.
            ("ạ", "b", Less),
            ("A", "b", Less),
            ("Z", "a", Greater),
            // f j w z at their Latin places.
            ("e", "f", Less),
            ("ê", "f", Less),
            ("f", "g", Less),
            ("i", "j", Less),
            ("j", "k", Less),
            ("v", "w", Less),
            ("w", "x", Less),
            ("y", "z", Less),
            ("ư", "v", Less),
            ("u", "ư", Less),
            ("ô", "ơ", Less),
            ("ơ", "p", Less),
            ("d", "đ", Less),
            ("đ", "e", Less),
            // Case only breaks ties: lowercase first.
            ("hà nội", "Hà Nội", Less),
            ("Hà Nội", "Hà nội", Greater),
            // Tones break ties before case.
            ("Ha", "há", Less),
            // Prefix and whitespace handling.
            ("Hà", "Hà Nội", Less),
            ("", "a", Less),
            ("", "", Equal),
            ("  Hà   Nội ", "Hà Nội", Less),
            ("Phường 1", "Phường A", Less),
            ("A-B", "AB", Less),
            ("1", "A", Less),
            ("Hoà Bình", "Hòa Bình", Less),
            ("\u{0301}", "", Greater),
        ];
        for &(a, b, expected) in cases {
            assert_eq!(compare(a, b), expected, "compare({a:?}, {b:?})");
            assert_eq!(compare(b, a), expected.reverse(), "compare({b:?}, {a:?})");
            assert_eq!(sort_key(a).cmp(&sort_key(b)), expected, "sort_key {a:?}");
        }
    }

    #[test]
    fn tones_sort_in_dictionary_order() {
        let expected = ["a", "à", "ả", "ã", "á", "ạ"];
        for mut shuffled in shuffles(&expected) {
            shuffled.sort_by(|a, b| compare(a, b));
            assert_eq!(shuffled, expected);
        }
        // Stacked marks arrive in combining-class order after NFD.
        let stacked = ["â", "ầ", "ẩ", "ẫ", "ấ", "ậ", "b"];
        for pair in stacked.windows(2) {
            assert_eq!(compare(pair[0], pair[1]), Ordering::Less, "{pair:?}");
        }
    }

    #[test]
    fn syllable_tone_ignores_mark_placement() {
        // Old and new tone placement differ only in the final NFC tie-break.
        let old = sort_key("Hòa");
        let new = sort_key("Hoà");
        assert_eq!(old.0, new.0);
        assert_eq!(old.1, new.1);
        assert_eq!(old.2, new.2);
        assert_ne!(old, new);
    }

    #[test]
    fn weekday_table() {
        let cases: &[(i32, u32, u32, &str)] = &[
            (2024, 5, 7, "Thứ Ba"),
            (2024, 2, 22, "Thứ Năm"),
            (2023, 1, 1, "Chủ Nhật"),
            (2000, 2, 29, "Thứ Ba"),
            (1970, 1, 1, "Thứ Năm"),
            (1969, 12, 31, "Thứ Tư"),
            (1900, 3, 1, "Thứ Năm"),
            (2024, 12, 31, "Thứ Ba"),
            (2025, 1, 4, "Thứ Bảy"),
            (2025, 1, 3, "Thứ Sáu"),
            (2025, 1, 6, "Thứ Hai"),
            (1, 1, 1, "Thứ Hai"),
            (0, 3, 1, "Thứ Tư"),
            // Out-of-range input rolls over instead of panicking.
            (2024, 2, 30, "Thứ Sáu"),
            (2023, 13, 1, "Thứ Hai"),
            (2024, 1, 0, "Chủ Nhật"),
            (2024, 0, 1, "Thứ Sáu"),
        ];
        for &(y, m, d, expected) in cases {
            assert_eq!(weekday_name(y, m, d), expected, "{y}-{m}-{d}");
        }
        // Extreme input must stay panic-free.
        for (y, m, d) in [(i32::MAX, u32::MAX, u32::MAX), (i32::MIN, 0, 0)] {
            assert!(WEEKDAYS.contains(&weekday_name(y, m, d)));
        }
    }

    #[test]
    fn date_format_table() {
        let cases: &[(i32, u32, u32, &str, &str)] = &[
            (2024, 5, 7, "07/05/2024", "Thứ Ba, 07/05/2024"),
            (2023, 1, 1, "01/01/2023", "Chủ Nhật, 01/01/2023"),
            (2024, 12, 25, "25/12/2024", "Thứ Tư, 25/12/2024"),
            (999, 1, 1, "01/01/0999", "Thứ Ba, 01/01/0999"),
        ];
        for &(y, m, d, short, long) in cases {
            assert_eq!(format_date_short(y, m, d), short);
            assert_eq!(format_date_long(y, m, d), long);
        }
    }

    #[test]
    fn alphabet_is_precomposed_and_ordered() {
        let joined: String = ALPHABET.iter().collect();
        assert_eq!(joined.nfc().collect::<String>(), joined);
        assert_eq!(ALPHABET.len(), 26 + 7);
    }
}
