//! Numbers the Vietnamese way: decimal comma, '.' between thousands, exact
//! decimal rounding (half away from zero on the value as written), scaled
//! integers for comparing printed figures, and rank-change phrases.

use std::cmp::Ordering;

/// Shown in place of a number that cannot be printed (NaN, ±∞).
const NOT_A_NUMBER: &str = "—";

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
