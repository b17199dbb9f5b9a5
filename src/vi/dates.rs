//! Vietnamese dates: weekday names, long and short forms.

const WEEKDAYS: [&str; 7] = [
    "Chủ\u{a0}Nhật",
    "Thứ\u{a0}Hai",
    "Thứ\u{a0}Ba",
    "Thứ\u{a0}Tư",
    "Thứ\u{a0}Năm",
    "Thứ\u{a0}Sáu",
    "Thứ\u{a0}Bảy",
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

/// Vietnamese weekday name of a proleptic Gregorian date: "Thứ\u{a0}Hai" … "Thứ
/// Bảy", "Chủ\u{a0}Nhật". Dates are not validated; out-of-range months or days
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

    #[test]
    fn weekday_table() {
        let cases: &[(i32, u32, u32, &str)] = &[
            (2024, 5, 7, "Thứ\u{a0}Ba"),
            (2024, 2, 22, "Thứ\u{a0}Năm"),
            (2023, 1, 1, "Chủ\u{a0}Nhật"),
            (2000, 2, 29, "Thứ\u{a0}Ba"),
            (1970, 1, 1, "Thứ\u{a0}Năm"),
            (1969, 12, 31, "Thứ\u{a0}Tư"),
            (1900, 3, 1, "Thứ\u{a0}Năm"),
            (2024, 12, 31, "Thứ\u{a0}Ba"),
            (2025, 1, 4, "Thứ\u{a0}Bảy"),
            (2025, 1, 3, "Thứ\u{a0}Sáu"),
            (2025, 1, 6, "Thứ\u{a0}Hai"),
            (1, 1, 1, "Thứ\u{a0}Hai"),
            (0, 3, 1, "Thứ\u{a0}Tư"),
            // Out-of-range input rolls over instead of panicking.
            (2024, 2, 30, "Thứ\u{a0}Sáu"),
            (2023, 13, 1, "Thứ\u{a0}Hai"),
            (2024, 1, 0, "Chủ\u{a0}Nhật"),
            (2024, 0, 1, "Thứ\u{a0}Sáu"),
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
            (2024, 5, 7, "07/05/2024", "Thứ\u{a0}Ba, 07/05/2024"),
            (2023, 1, 1, "01/01/2023", "Chủ\u{a0}Nhật, 01/01/2023"),
            (2024, 12, 25, "25/12/2024", "Thứ\u{a0}Tư, 25/12/2024"),
            (999, 1, 1, "01/01/0999", "Thứ\u{a0}Ba, 01/01/0999"),
        ];
        for &(y, m, d, short, long) in cases {
            assert_eq!(format_date_short(y, m, d), short);
            assert_eq!(format_date_long(y, m, d), long);
        }
    }
}
