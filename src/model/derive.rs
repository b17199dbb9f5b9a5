//! Derived figures as pure functions: ranks with ties, averages,
//! percentages and changes. Nothing here knows about files or pages, so each
//! rule is tested on its own, table-driven, with the edge cases written out.
//!
//! Scores are compared as integers scaled to the published precision (see
//! [`crate::vi::scaled`]): two scores that print the same are equal, whatever
//! float noise lies below the last printed digit.

use crate::data::schema::RankStyle;
use crate::vi::scaled;

/// Standard competition ranks ("1, 2, 2, 4") for scaled scores; `None` keys
/// (no score) get no rank and do not count.
pub fn competition_ranks(keys: &[Option<i64>], higher_is_better: bool) -> Vec<Option<u32>> {
    // Sorted best first, a key's rank is one more than the number of keys
    // strictly better, i.e. the position of its first occurrence.
    ranks_among(keys, higher_is_better, false)
}

/// Dense ranks ("1, 2, 2, 3") for scaled scores: a key's rank is one more
/// than the number of distinct keys strictly better; `None` keys get none.
pub fn dense_ranks(keys: &[Option<i64>], higher_is_better: bool) -> Vec<Option<u32>> {
    ranks_among(keys, higher_is_better, true)
}

/// Each key's rank: one more than the number of keys (the `distinct` ones)
/// strictly better.
fn ranks_among(keys: &[Option<i64>], higher_is_better: bool, distinct: bool) -> Vec<Option<u32>> {
    let mut sorted: Vec<i64> = keys.iter().flatten().copied().collect();
    sorted.sort_unstable_by(|a, b| if higher_is_better { b.cmp(a) } else { a.cmp(b) });
    if distinct {
        sorted.dedup();
    }
    keys.iter()
        .map(|key| {
            let key = (*key)?;
            let better =
                sorted.partition_point(|&k| if higher_is_better { k > key } else { k < key });
            u32::try_from(better + 1).ok()
        })
        .collect()
}

/// Ranks for scaled scores, numbered as the publisher numbers them.
pub fn ranks(style: RankStyle, keys: &[Option<i64>], higher_is_better: bool) -> Vec<Option<u32>> {
    match style {
        RankStyle::Standard => competition_ranks(keys, higher_is_better),
        RankStyle::Dense => dense_ranks(keys, higher_is_better),
    }
}

/// A score as printed: rounded to `decimals` and back to a float.
pub fn printed(value: f64, decimals: u32) -> f64 {
    scaled(value, decimals) as f64 / 10f64.powi(decimals as i32)
}

/// The mean of the scores as printed (what a reader could recompute from the
/// table), or `None` for no scores. Summed as decimals: 90,00 and 85,21
/// average 87,605, which rounds to 87,61 as on paper (a float sum gives
/// 87,60499… and 87,60).
pub fn mean_of_printed(values: &[(f64, u32)]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let decimals = values.iter().map(|&(_, d)| d).max().unwrap_or(0);
    let sum = values.iter().try_fold(0i128, |sum, &(v, d)| {
        let power = 10i128.checked_pow(decimals - d)?;
        sum.checked_add(i128::from(scaled(v, d)).checked_mul(power)?)
    });
    Some(match sum {
        Some(sum) => quotient(sum, values.len() as i128, decimals),
        None => values.iter().map(|&(v, d)| printed(v, d)).sum::<f64>() / values.len() as f64,
    })
}

/// The index value of a unit scored in points out of its own maximum,
/// computed on the decimals as written: 34,51 of 40 is 86,275 %, which
/// rounds to 86,28 (a float division gives 86,27499…).
pub fn percent(points: f64, max_points: f64) -> Option<f64> {
    if max_points <= 0.0 || !max_points.is_finite() {
        return None;
    }
    let exactly = || {
        let (points, p) = as_written(points)?;
        let (max, m) = as_written(max_points)?;
        let numerator = points
            .checked_mul(100)?
            .checked_mul(10i128.checked_pow(m)?)?;
        Some(quotient(numerator, max, p))
    };
    Some(exactly().unwrap_or(points / max_points * 100.0))
}

/// `value` as the decimal it was written as (34.51 → 3451 and 2 decimals),
/// when its shortest form holds it exactly.
fn as_written(value: f64) -> Option<(i128, u32)> {
    let decimals = crate::vi::written_decimals(value);
    let n = scaled(value, decimals);
    (n.unsigned_abs() < 1 << 53 && n as f64 / 10f64.powi(decimals as i32) == value)
        .then_some((i128::from(n), decimals))
}

/// `numerator / denominator`, in units of `10^-decimals`, as the float
/// nearest its decimal value. A quotient whose decimals end within six more
/// places (87,605; 86,275) is read from those digits, so it rounds as the
/// decimal does; any other has no tie to round and is divided as floats.
fn quotient(numerator: i128, denominator: i128, decimals: u32) -> f64 {
    for extra in 0..=6 {
        let Some(shifted) = 10i128
            .checked_pow(extra)
            .and_then(|power| numerator.checked_mul(power))
        else {
            break;
        };
        if denominator != 0 && shifted % denominator == 0 {
            let digits = shifted / denominator;
            if let Ok(value) = format!("{digits}e-{}", decimals + extra).parse::<f64>() {
                return value;
            }
        }
    }
    numerator as f64 / denominator as f64 / 10f64.powi(decimals as i32)
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
    fn dense_ranks_share_ties_and_go_on_with_the_next_number() {
        let keys = [Some(90), Some(80), Some(80), Some(70), None, Some(90)];
        assert_eq!(
            dense_ranks(&keys, true),
            [Some(1), Some(2), Some(2), Some(3), None, Some(1)]
        );
        assert_eq!(
            dense_ranks(&keys, false),
            [Some(3), Some(2), Some(2), Some(1), None, Some(3)]
        );
        assert_eq!(
            ranks(RankStyle::Standard, &keys, true),
            [Some(1), Some(3), Some(3), Some(5), None, Some(1)]
        );
    }

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
                                          // A float sum makes 87,60499…: the decimal mean is 87,605.
        let avg = mean_of_printed(&[(90.0, 2), (85.21, 2)]).unwrap();
        assert_eq!((avg, scaled(avg, 2)), (87.605, 8761));
        // Mixed precisions are summed at the finest; thirds are divided.
        let avg = mean_of_printed(&[(90.5, 1), (80.25, 2)]).unwrap();
        assert_eq!(avg, 85.375);
        let avg = mean_of_printed(&[(1.0, 0), (1.0, 0), (2.0, 0)]).unwrap();
        assert_eq!(scaled(avg, 4), 13333);
        assert_eq!(mean_of_printed(&[(-1.5, 1), (-2.0, 1)]), Some(-1.75));
    }

    #[test]
    fn percentages_round_as_the_decimals_written() {
        assert_eq!(percent(34.51, 40.0), Some(86.275));
        assert_eq!(scaled(percent(34.51, 40.0).unwrap(), 2), 8628);
        assert_eq!(scaled(percent(1234.5, 2000.0).unwrap(), 2), 6173);
        assert_eq!(percent(27.5, 30.0).map(|p| scaled(p, 2)), Some(9167));
        assert_eq!(percent(0.0, 30.0), Some(0.0));
        assert_eq!(percent(1.0, f64::INFINITY), None);
        // Not held exactly by its shortest form: divided as floats.
        let third = 1.0 / 3.0;
        assert_eq!(percent(third, 1.0), Some(third * 100.0));
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
