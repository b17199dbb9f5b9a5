//! Numbers as they were typed: a parsed float forgets the zero of `90.80`,
//! yet pages print published figures as published. The text of a figure is
//! read back from its file: through the file's path index for the odd
//! figure (`Context::decimals_as_written`), and here, in one pass over a
//! TOML file, for the figures every line may give (a line's `score`,
//! `points`, `max_points` and `percent`), where
//! indexing every path of every results file cost the national site a
//! quarter of a second.

/// The text of the figures a line may give, as typed.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) struct LineFigures<'t> {
    pub score: Option<&'t str>,
    pub points: Option<&'t str>,
    pub max_points: Option<&'t str>,
    pub percent: Option<&'t str>,
}

/// The text of each `[[result]]` entry's `score`, `points`, `max_points`
/// and `percent`, in entry order, from a TOML results file written the usual
/// way (one `[[result]]` header per entry, each figure on a line of its
/// own). A file written otherwise gives entries that do not match; callers
/// check a text against the parsed value before trusting it.
pub(super) fn toml_figures(text: &str) -> Vec<LineFigures<'_>> {
    let mut entries = Vec::new();
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with("[[result]]") {
            entries.push(LineFigures::default());
            continue;
        }
        let Some(entry) = entries.last_mut() else {
            continue;
        };
        let slot = match line.as_bytes().first() {
            Some(b'p') => [
                ("points", &mut entry.points),
                ("percent", &mut entry.percent),
            ]
            .into_iter()
            .find_map(|(key, slot)| Some((line.strip_prefix(key)?, slot))),
            Some(b'm') => line
                .strip_prefix("max_points")
                .map(|rest| (rest, &mut entry.max_points)),
            Some(b's') => line
                .strip_prefix("score")
                .map(|rest| (rest, &mut entry.score)),
            _ => None,
        };
        let Some((rest, slot)) = slot else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let end = value
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '_')))
            .unwrap_or(value.len());
        *slot = Some(&value[..end]);
    }
    entries
}

/// The decimals of `written` if it is the text of `value` (`"90.80"`, 90.8:
/// 2); `None` if it is not.
pub(super) fn decimals_if_of(written: &str, value: f64) -> Option<u32> {
    let digits: String = written.chars().filter(|&c| c != '_').collect();
    // 9.31e1 tells no decimals as printed.
    if digits.contains(['e', 'E']) || digits.parse::<f64>().ok() != Some(value) {
        return None;
    }
    let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len());
    u32::try_from(decimals).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_entrys_points_are_read_as_typed() {
        let text = "index = \"x\"\n\n[[result]]\nunit = \"a\"\npoints = 85.50 # ghi chú\n\
                    max_points = 100.00\npercent = 85.5\n\n[[result]]\nunit = \"b\"\n\
                    change = { points = 1.00 }\n\n[[result]]\n  points=93.364\n";
        let figures = toml_figures(text);
        let points: Vec<_> = figures.iter().map(|f| f.points).collect();
        assert_eq!(points, [Some("85.50"), None, Some("93.364")]);
        assert_eq!(figures[0].max_points, Some("100.00"));
        assert_eq!(figures[0].percent, Some("85.5"));
        assert_eq!(figures[1], LineFigures::default());
        assert_eq!(decimals_if_of("85.50", 85.5), Some(2));
        assert_eq!(decimals_if_of("1_000.0", 1000.0), Some(1));
        assert_eq!(decimals_if_of("85.50", 85.0), None);
    }
}
