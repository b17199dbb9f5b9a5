//! Numbers as spreadsheets export them: a decimal comma or point ("90,53",
//! "90.53"), thousands grouped with the other mark ("1.234,5", "1,234.5"),
//! an optional trailing `%` and spaces.

/// Parses a cell as a number, with the decimals it is written with
/// ("86,00": 86 and 2), which the imported table keeps; `None` when it is
/// not a number.
pub fn parse_written(cell: &str) -> Option<(f64, u32)> {
    let text: String = cell
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let digits = text.strip_prefix('-').unwrap_or(&text);
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let commas = text.matches(',').count();
    let points = text.matches('.').count();
    if !grouped_in_thousands(digits, commas, points) {
        return None;
    }
    let plain = match (commas, points) {
        (0, _) if points > 1 => text.replace('.', ""),
        (_, 0) if commas > 1 => text.replace(',', ""),
        (1, 0) => text.replace(',', "."),
        (0, _) => text,
        // Both marks: the last one is the decimal mark.
        _ if text.rfind(',') > text.rfind('.') => text.replace('.', "").replace(',', "."),
        _ => text.replace(',', ""),
    };
    if plain.starts_with('.') || plain.ends_with('.') || plain.starts_with("-.") {
        return None;
    }
    let decimals = plain.split_once('.').map_or(0, |(_, after)| after.len());
    // Beyond 10^15 a figure is no longer held exactly (and no score,
    // point count or population of a report comes near): a slip.
    let value = plain.parse::<f64>().ok().filter(|v| v.abs() < 1e15)?;
    Some((value, u32::try_from(decimals).ok()?))
}

/// Whether the marks of `digits` (a number without its sign) that group
/// thousands do: a mark written more than once, or before the other mark,
/// groups thousands, so each group after the first has three digits and the
/// first one to three (`19.536.000`, `1.234,5`). `91,5,5` or `1.23.4` is a
/// slip, not ninety-one thousand.
fn grouped_in_thousands(digits: &str, commas: usize, points: usize) -> bool {
    let (separator, whole) = match (commas, points) {
        (0, 0) | (1, 0) | (0, 1) => return true,
        (_, 0) => (',', digits),
        (0, _) => ('.', digits),
        _ => {
            let (last_comma, last_point) = (digits.rfind(','), digits.rfind('.'));
            let (decimal, separator) = if last_comma > last_point {
                (last_comma, '.')
            } else {
                (last_point, ',')
            };
            let whole = &digits[..decimal.unwrap_or(digits.len())];
            // The decimal mark once, after every separator.
            if whole.contains(if separator == '.' { ',' } else { '.' }) {
                return false;
            }
            (separator, whole)
        }
    };
    let mut groups = whole.split(separator);
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len()) && groups.all(|group| group.len() == 3)
}

/// The decimal mark a sheet's numbers written as text show, when they say
/// it: a cell with both marks (the last is the decimal one, `1.234,5`), or
/// one mark followed by other than three digits (`943,8`, `90.53`). The
/// mark most such cells show; `None` when none says, or as many say each.
pub fn decimal_mark<'a>(cells: impl Iterator<Item = &'a str>) -> Option<char> {
    let (mut commas, mut points) = (0usize, 0usize);
    for cell in cells {
        let text = cell.trim().trim_end_matches('%').trim();
        let (last_comma, last_point) = (text.rfind(','), text.rfind('.'));
        let said = match (last_comma, last_point) {
            (Some(c), Some(p)) => Some(if c > p { ',' } else { '.' }),
            (Some(at), None) | (None, Some(at)) if text.matches([',', '.']).count() == 1 => {
                let after = &text[at + 1..];
                let mark = text.as_bytes()[at] as char;
                (after.len() != 3 && after.bytes().all(|b| b.is_ascii_digit())).then_some(mark)
            }
            _ => None,
        };
        match said {
            Some(',') => commas += 1,
            Some(_) => points += 1,
            None => {}
        }
    }
    match commas.cmp(&points) {
        std::cmp::Ordering::Greater => Some(','),
        std::cmp::Ordering::Less => Some('.'),
        std::cmp::Ordering::Equal => None,
    }
}

/// Whether `cell` reads two ways in a sheet whose decimal mark is `mark`:
/// one of the other mark followed by three digits (`1.000` where decimals
/// are written `943,8`) is a thousand or a number with three decimals.
pub fn is_ambiguous(cell: &str, mark: Option<char>) -> bool {
    let Some(mark) = mark else {
        return false;
    };
    let other = if mark == ',' { '.' } else { ',' };
    let text = cell.trim().trim_end_matches('%').trim();
    let text = text.strip_prefix('-').unwrap_or(text);
    match text.split_once(other) {
        Some((before, after)) => {
            !text.contains(mark)
                && !before.is_empty()
                && before.bytes().all(|b| b.is_ascii_digit())
                && after.len() == 3
                && after.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_number(cell: &str) -> Option<f64> {
        parse_written(cell).map(|(value, _)| value)
    }

    #[test]
    fn a_number_keeps_the_decimals_it_is_written_with() {
        assert_eq!(parse_written("86,00"), Some((86.0, 2)));
        assert_eq!(parse_written("89,10 %"), Some((89.1, 2)));
        assert_eq!(parse_written("100"), Some((100.0, 0)));
        assert_eq!(parse_written("1.234,50"), Some((1234.5, 2)));
    }

    #[test]
    fn the_sheet_s_decimal_mark_decides_what_reads_two_ways() {
        let cells = ["943,8", "853,5", "1.000", "1.000"];
        assert_eq!(decimal_mark(cells.into_iter()), Some(','));
        assert!(is_ambiguous("1.000", Some(',')));
        assert!(is_ambiguous("90.125", Some(',')));
        assert!(!is_ambiguous("90,125", Some(',')));
        assert!(!is_ambiguous("94.38", Some(',')));
        assert!(!is_ambiguous("1.000", None));
        assert!(!is_ambiguous("1.234,5", Some(',')));
        assert_eq!(decimal_mark(["90.53", "1,000"].into_iter()), Some('.'));
        assert!(is_ambiguous("1,000", Some('.')));
        // Nothing says: three decimals or none are not evidence.
        assert_eq!(decimal_mark(["1.000", "88", "90,125"].into_iter()), None);
        assert_eq!(decimal_mark(["1.234,5"].into_iter()), Some(','));
    }

    #[test]
    fn decimal_comma_and_point_both_work() {
        assert_eq!(parse_number("90,53"), Some(90.53));
        assert_eq!(parse_number("90.53"), Some(90.53));
        assert_eq!(parse_number(" 88 "), Some(88.0));
        assert_eq!(parse_number("95,27%"), Some(95.27));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("19.536.000"), Some(19_536_000.0));
        assert_eq!(parse_number("-2,4"), Some(-2.4));
    }

    #[test]
    fn anything_else_is_refused() {
        for cell in [
            "",
            "abc",
            "9O,5",
            "inf",
            "NaN",
            "1e5",
            ",5",
            "5,",
            "-",
            "90,5,3.1.2",
            "91,5,5",
            "1.23.4",
            "1234.567,5",
            "1,2,3.5",
            "1.234.5",
            "9.999.999.999.999.999.999.999",
        ] {
            assert_eq!(parse_number(cell), None, "{cell}");
        }
    }
}
