//! Derived figures as pure functions: ranks with ties, averages,
//! percentages and changes. Nothing here knows about files or pages, so each
//! rule is tested on its own, table-driven, with the edge cases written out.
//!
//! Scores are compared as integers scaled to the published precision (see
//! [`crate::vi::scaled`]): two scores that print the same are equal, whatever
//! float noise lies below the last printed digit.

use crate::vi::scaled;

/// Standard competition ranks ("1, 2, 2, 4") for scaled scores; `None` keys
/// (no score) get no rank and do not count.
pub fn competition_ranks(keys: &[Option<i64>], higher_is_better: bool) -> Vec<Option<u32>> {
    // Sorted best first, a key's rank is one more than the number of keys
    // strictly better, i.e. the position of its first occurrence.
    let mut sorted: Vec<i64> = keys.iter().flatten().copied().collect();
    sorted.sort_unstable_by(|a, b| if higher_is_better { b.cmp(a) } else { a.cmp(b) });
    keys.iter()
        .map(|key| {
            let key = (*key)?;
            let better =
                sorted.partition_point(|&k| if higher_is_better { k > key } else { k < key });
            u32::try_from(better + 1).ok()
        })
        .collect()
}

/// A score as printed: rounded to `decimals` and back to a float.
pub fn printed(value: f64, decimals: u32) -> f64 {
    scaled(value, decimals) as f64 / 10f64.powi(decimals as i32)
}

/// The mean of the scores as printed (what a reader could recompute from the
/// table), or `None` for no scores.
pub fn mean_of_printed(values: &[(f64, u32)]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let sum: f64 = values.iter().map(|&(v, d)| printed(v, d)).sum();
    Some(sum / values.len() as f64)
}

/// The index value of a unit scored in points out of its own maximum.
pub fn percent(points: f64, max_points: f64) -> Option<f64> {
    (max_points > 0.0).then(|| points / max_points * 100.0)
}

/// Places gained since the previous ranking: positive means the unit moved
/// up (from 28th to 18th is +10).
pub fn rank_delta(previous: u32, current: u32) -> i64 {
    i64::from(previous) - i64::from(current)
}

/// Change in score, computed on the printed values so that the difference
/// agrees with what readers see in the two tables.
pub fn score_delta(previous: (f64, u32), current: (f64, u32)) -> f64 {
    let decimals = previous.1.max(current.1);
    printed(
        printed(current.0, current.1) - printed(previous.0, previous.1),
        decimals,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_share_ties_and_skip_after_them() {
        type Case<'a> = (&'a [Option<i64>], bool, &'a [Option<u32>]);
        let cases: [Case; 6] = [
            (
                &[Some(90), Some(80), Some(80), Some(70)],
                true,
                &[Some(1), Some(2), Some(2), Some(4)],
            ),
            (
                &[Some(70), Some(80), Some(80), Some(90)],
                true,
                &[Some(4), Some(2), Some(2), Some(1)],
            ),
            (
                &[Some(5), Some(5), Some(5)],
                true,
                &[Some(1), Some(1), Some(1)],
            ),
            (
                &[Some(1), Some(3), Some(2)],
                false,
                &[Some(1), Some(3), Some(2)],
            ),
            (&[Some(9), None, Some(8)], true, &[Some(1), None, Some(2)]),
            (&[], true, &[]),
        ];
        for (keys, higher, want) in cases {
            assert_eq!(competition_ranks(keys, higher), want, "{keys:?}");
        }
    }

    #[test]
    fn ties_are_decided_on_printed_precision() {
        // 90.004 and 89.996 both print as 90,00 with two decimals.
        let keys = [Some(scaled(90.004, 2)), Some(scaled(89.996, 2))];
        assert_eq!(competition_ranks(&keys, true), vec![Some(1), Some(1)]);
    }

    #[test]
    fn points_become_a_percentage() {
        let p = percent(93.364, 98.0).unwrap();
        assert_eq!(scaled(p, 2), 9527);
        assert_eq!(percent(1.0, 0.0), None);
    }

    #[test]
    fn averages_and_counts() {
        assert_eq!(mean_of_printed(&[]), None);
        let avg = mean_of_printed(&[(90.004, 2), (91.006, 2)]).unwrap();
        assert_eq!(scaled(avg, 2), 9051); // (90.00 + 91.01) / 2 = 90.505 -> 90.51
    }

    #[test]
    fn changes() {
        assert_eq!(rank_delta(28, 18), 10);
        assert_eq!(rank_delta(5, 7), -2);
        assert_eq!(rank_delta(4, 4), 0);
        assert_eq!(scaled(score_delta((85.95, 2), (88.35, 2)), 2), 240);
        assert_eq!(scaled(score_delta((44.3138, 4), (45.42, 2)), 4), 11062);
    }
}
