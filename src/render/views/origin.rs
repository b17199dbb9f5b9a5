//! How a column of changes says which of its figures chiso computed and
//! which were published: once in its head for most of them, and in the
//! cell of each exception. A ranking where the publisher printed only the
//! home unit's change marks the head "(tính từ bảng)" and that one cell
//! "(công bố)"; one where it printed every change but one marks that one
//! cell "(tính từ bảng)" and leaves the head alone. (Ranks need no more
//! than their head: a stated rank is checked to be the table's.)

use serde::Serialize;

/// The origin a cell states because it differs from its column's head.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// chiso's arithmetic under a head that claims nothing: "(tính từ bảng)".
    Computed,
    /// A published figure under a head marked "(tính từ bảng)": "(công bố)".
    Published,
}

/// A column's head mark and its cells' exceptions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ColumnOrigin {
    /// Whether the head says "(tính từ bảng)": at least half the figures
    /// shown are computed.
    pub head_computed: bool,
    /// One per line: the origin its cell states, or none when it is the
    /// head's or the line shows no such figure.
    pub marks: Vec<Option<Origin>>,
}

impl ColumnOrigin {
    /// `figures` has one item per line: `None` when the line shows no such
    /// figure (or one that states both origins itself, as a disputed one
    /// does), else whether chiso computed it.
    pub fn new(figures: impl IntoIterator<Item = Option<bool>>) -> Self {
        let figures: Vec<Option<bool>> = figures.into_iter().collect();
        let computed = figures.iter().filter(|&&f| f == Some(true)).count();
        let published = figures.iter().filter(|&&f| f == Some(false)).count();
        let head_computed = computed > 0 && computed >= published;
        let marks = figures
            .iter()
            .map(|&figure| match (figure, head_computed) {
                (Some(false), true) => Some(Origin::Published),
                (Some(true), false) => Some(Origin::Computed),
                _ => None,
            })
            .collect();
        ColumnOrigin {
            head_computed,
            marks,
        }
    }

    /// The mark of line `k`'s cell.
    pub fn mark(&self, k: usize) -> Option<Origin> {
        self.marks.get(k).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_computed_marks_the_head_and_the_published_cells() {
        let column = ColumnOrigin::new([Some(true), Some(false), None, Some(true)]);
        assert!(column.head_computed);
        assert_eq!(column.marks, [None, Some(Origin::Published), None, None]);
    }

    #[test]
    fn most_published_marks_only_the_computed_cells() {
        let column = ColumnOrigin::new([Some(false), Some(true), Some(false)]);
        assert!(!column.head_computed);
        assert_eq!(column.marks, [None, Some(Origin::Computed), None]);
    }

    #[test]
    fn all_published_or_none_marks_nothing() {
        for figures in [vec![Some(false), Some(false)], vec![None, None], vec![]] {
            let column = ColumnOrigin::new(figures);
            assert!(!column.head_computed);
            assert!(column.marks.iter().all(Option::is_none));
        }
    }

    #[test]
    fn a_tie_of_origins_marks_the_head() {
        let column = ColumnOrigin::new([Some(true), Some(false)]);
        assert!(column.head_computed);
        assert_eq!(column.mark(1), Some(Origin::Published));
        assert_eq!(column.mark(5), None);
    }
}
