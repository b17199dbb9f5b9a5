//! Other figures published for a result ("two papers disagree on who was
//! last"): each alternative gives a value, a rank, or both, and what it
//! gives must be a figure that can be.

use super::row::Problem;
use crate::data::schema::ResultRow;
use crate::locate::Seg;
use crate::messages as msg;

/// Every problem in a result's `alternatives`: neither value nor rank, a
/// value that is not a number, a rank or "of" of 0, a rank above its "of".
pub(super) fn problems(result: &ResultRow) -> Vec<Problem> {
    use Seg::{Index, Key};
    let unit = result.unit.as_str();
    let mut problems = Vec::new();
    for (k, alternative) in result.alternatives.iter().enumerate() {
        let path = |key| vec![Key("alternatives"), Index(k), Key(key)];
        if alternative.value.is_none() && alternative.rank.is_none() {
            problems.push(Problem::new(
                vec![Key("alternatives"), Index(k)],
                msg::alternative_without_figure(unit),
                msg::hint_alternative_figure(),
            ));
        }
        if alternative.of.is_some() && alternative.rank.is_none() {
            problems.push(Problem::new(
                path("of"),
                msg::alternative_of_without_rank(unit),
                msg::hint_alternative_of(),
            ));
        }
        if alternative.value.is_some_and(|v| !v.is_finite()) {
            problems.push(Problem::new(
                path("value"),
                msg::not_a_number("value"),
                msg::hint_write_number(),
            ));
        }
        for (key, value) in [("rank", alternative.rank), ("of", alternative.of)] {
            if value == Some(0) {
                problems.push(Problem::new(
                    path(key),
                    msg::zero_rank(unit, key),
                    msg::hint_rank_from_one(),
                ));
            }
        }
        if let (Some(rank), Some(of)) = (alternative.rank, alternative.of) {
            if of > 0 && rank > of {
                problems.push(Problem::new(
                    path("rank"),
                    msg::rank_above_of(unit, rank, of),
                    msg::hint_rank_at_most_of(),
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages_of(alternatives: &str) -> Vec<String> {
        let text = format!("unit = \"a\"\nalternatives = {alternatives}\n");
        let result: ResultRow = toml::from_str(&text).unwrap();
        problems(&result).into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn an_alternative_gives_a_value_or_a_rank_that_can_be() {
        assert!(messages_of("[{ value = 88.3, source = \"x\" }]").is_empty());
        assert!(messages_of("[{ rank = 62, of = 63, source = \"x\" }]").is_empty());
        assert!(messages_of("[{ value = 1, rank = 2, source = \"x\" }]").is_empty());
        let cases = [
            ("[{ source = \"x\" }]", "gives neither `value` nor `rank`"),
            (
                "[{ value = 1, of = 63, source = \"x\" }]",
                "gives `of` without `rank`",
            ),
            (
                "[{ rank = 64, of = 63, source = \"x\" }]",
                "is ranked 64 of 63",
            ),
            ("[{ rank = 0, source = \"x\" }]", "rank 0"),
        ];
        for (alternatives, want) in cases {
            let got = messages_of(alternatives);
            assert!(
                got.len() == 1 && got[0].contains(want),
                "{alternatives}: {got:?}"
            );
        }
    }
}
