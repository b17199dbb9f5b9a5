//! Which lines of a table break the order of bands stated line by line
//! (quartile groups with no published cut-off): bands are defined best
//! first, so a higher score never sits in a worse band than a lower one.
//!
//! When two lines are swapped, every line between them disagrees with one
//! of the two; blaming each pair would point at the lines that are right.
//! The lines to blame are the fewest whose removal leaves the rest in
//! order: all lines but a longest run that is in order.

/// A line out of order, and the line in order it disagrees with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OutOfOrder {
    /// The line to check, by its position in the slice given.
    pub line: usize,
    /// The nearest line in order that it contradicts.
    pub against: usize,
    /// How many lines in order it contradicts, `against` included.
    pub contradicts: usize,
    /// Whether its band is better than the lines it contradicts (which
    /// score higher), rather than worse (they score lower).
    pub too_good: bool,
}

/// The lines out of order among `lines`, each a scaled score and the
/// position of its band (0 the best). Lines with the same score never
/// contradict each other.
pub(super) fn out_of_order(lines: &[(i64, usize)]) -> Vec<OutOfOrder> {
    // Best score first; among equal scores, best band first, so a tie is
    // in order whatever its bands.
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(lines[i].0), lines[i].1, i));
    let in_order = longest_in_order(&order.iter().map(|&i| lines[i].1).collect::<Vec<_>>());
    let kept: Vec<usize> = in_order.iter().map(|&k| order[k]).collect();
    let mut found = Vec::new();
    for (sorted_at, &line) in order.iter().enumerate() {
        if in_order.binary_search(&sorted_at).is_ok() {
            continue;
        }
        let (score, band) = lines[line];
        // Lines scoring higher in a worse band, nearest first.
        let above: Vec<usize> = kept
            .iter()
            .rev()
            .copied()
            .filter(|&k| lines[k].0 > score && lines[k].1 > band)
            .collect();
        // Lines scoring lower in a better band, nearest first.
        let below: Vec<usize> = kept
            .iter()
            .copied()
            .filter(|&k| lines[k].0 < score && lines[k].1 < band)
            .collect();
        let (too_good, against) = if above.len() >= below.len() {
            (true, above)
        } else {
            (false, below)
        };
        if let Some(&nearest) = against.first() {
            found.push(OutOfOrder {
                line,
                against: nearest,
                contradicts: against.len(),
                too_good,
            });
        }
    }
    found.sort_by_key(|o| o.line);
    found
}

/// The positions, ascending, of a longest subsequence of `bands` that
/// never goes to a better band. Among equally long ones, it keeps the
/// earliest lines (the best scores).
fn longest_in_order(bands: &[usize]) -> Vec<usize> {
    // For each position: the length of the longest run in order ending
    // there, and the position before it in that run.
    let mut length = vec![1usize; bands.len()];
    let mut before: Vec<Option<usize>> = vec![None; bands.len()];
    for i in 0..bands.len() {
        for j in 0..i {
            if bands[j] <= bands[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                before[i] = Some(j);
            }
        }
    }
    let Some(longest) = length.iter().copied().max() else {
        return Vec::new();
    };
    let mut at = length.iter().position(|&l| l == longest);
    let mut run = Vec::with_capacity(longest);
    while let Some(i) = at {
        run.push(i);
        at = before[i];
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bands 0..=3 best first; scores descending unless said.
    fn lines(bands: &[usize]) -> Vec<(i64, usize)> {
        bands
            .iter()
            .enumerate()
            .map(|(i, &b)| (1000 - i as i64 * 10, b))
            .collect()
    }

    #[test]
    fn lines_in_order_have_nothing_to_blame() {
        assert!(out_of_order(&lines(&[0, 0, 1, 1, 2, 3, 3])).is_empty());
        assert!(out_of_order(&[]).is_empty());
    }

    #[test]
    fn two_swapped_lines_are_the_two_blamed() {
        // The best score stated in the worst band, the worst in the best.
        let found = out_of_order(&lines(&[3, 0, 0, 1, 1, 2, 2, 0]));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0],
            OutOfOrder {
                line: 0,
                against: 1,
                contradicts: 6,
                too_good: false
            }
        );
        assert_eq!(
            found[1],
            OutOfOrder {
                line: 7,
                against: 6,
                contradicts: 4,
                too_good: true
            }
        );
    }

    #[test]
    fn of_two_neighbours_swapped_the_lower_is_blamed() {
        let found = out_of_order(&lines(&[0, 2, 1, 3]));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].against), (2, 1));
        assert!(found[0].too_good);
    }

    #[test]
    fn equal_scores_never_contradict_each_other() {
        assert!(out_of_order(&[(900, 2), (900, 0), (800, 3)]).is_empty());
        // The order of the input does not matter: scores decide.
        let found = out_of_order(&[(800, 0), (900, 1), (700, 2)]);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].against), (0, 1));
    }
}
