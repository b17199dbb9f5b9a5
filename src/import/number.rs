//! Numbers as spreadsheets export them: a decimal comma or point ("90,53",
//! "90.53"), thousands grouped with the other mark ("1.234,5", "1,234.5"),
//! an optional trailing `%` and spaces.

/// Parses a cell as a number; `None` when it is not one.
pub fn parse_number(cell: &str) -> Option<f64> {
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
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert_eq!(parse_number(cell), None, "{cell}");
        }
    }
}
