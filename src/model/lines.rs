//! What one result line may publish besides a score: a threshold in place
//! of it ("từ 90% trở lên"), points with the percent they make (with or
//! without their maximum), and, in a partial table, at least one figure.
//! Also what a score-only table refuses (any rank). Each problem is found
//! on the line as written and located at its key.

use super::assemble::Context;
use super::row::{problem, Problem};
use super::{Disputed, Index, ScoreFloor};
use crate::data::schema::{ResultRow, ResultsFile};
use crate::locate::Seg;
use crate::messages as msg;
use crate::vi::{self, scaled};

/// The decimals a stated percent is compared at: those it was written with,
/// at most the line's own (a publication's "90,0%" is 90 to one decimal;
/// a float cannot say more than its shortest form).
fn percent_precision(percent: f64, decimals: u32) -> u32 {
    vi::written_decimals(percent).min(decimals)
}

/// Whether `percent` is `points / max × 100` at the precision it was
/// published with; `None` when there is nothing to compare.
pub(super) fn percent_agrees(points: f64, max: f64, percent: f64, decimals: u32) -> Option<bool> {
    let derived = super::derive::percent(points, max)?;
    let precision = percent_precision(percent, decimals);
    Some(scaled(derived, precision) == scaled(percent, precision))
}

/// The threshold a line states in place of a score (`at_least` or
/// `above`), checked: one of the two, a number on the index's scale, and no
/// score beside it.
pub(super) fn threshold(
    def: &Index,
    result: &ResultRow,
    problems: &mut Vec<Problem>,
) -> Option<ScoreFloor> {
    use Seg::Key;
    let name = result.unit.as_str();
    let (key, value, strict) = match (result.at_least, result.above) {
        (None, None) => return None,
        (Some(_), Some(_)) => {
            problems.push(problem(
                &[Key("above")],
                msg::two_thresholds(name),
                msg::hint_one_line_threshold(),
            ));
            return None;
        }
        (Some(v), None) => ("at_least", v, false),
        (None, Some(v)) => ("above", v, true),
    };
    if !value.is_finite() {
        problems.push(problem(
            &[Key(key)],
            msg::not_a_number(key),
            msg::hint_write_number(),
        ));
        return None;
    }
    if result.score.is_some() || result.points.is_some() || result.percent.is_some() {
        problems.push(problem(
            &[Key(key)],
            msg::threshold_with_score(name, key),
            msg::hint_threshold_or_score(),
        ));
        return None;
    }
    if value < def.scale.min || value > def.scale.max {
        let message = msg::score_outside_scale(
            name,
            &msg::figure(value),
            &def.id,
            def.scale.min,
            def.scale.max,
        );
        problems.push(problem(&[Key(key)], message, msg::hint_decimal_point()));
        return None;
    }
    Some(ScoreFloor { value, strict })
}

/// The index value of a line that states `percent`: the percent itself,
/// checked against `points / max_points` when the maximum is given (a
/// disagreement is an error unless the line is `disputed`, then the
/// published percent is kept with the derived one). `derived` is the
/// percent of the points, when there is a maximum.
pub(super) fn stated_percent(
    result: &ResultRow,
    derived: Option<f64>,
    decimals: u32,
    problems: &mut Vec<Problem>,
) -> (Option<f64>, Option<Disputed>) {
    use Seg::Key;
    let name = result.unit.as_str();
    let Some(percent) = result.percent else {
        return (derived, None);
    };
    if !percent.is_finite() {
        problems.push(problem(
            &[Key("percent")],
            msg::not_a_number("percent"),
            msg::hint_write_number(),
        ));
        return (None, None);
    }
    if result.points.is_none() {
        problems.push(problem(
            &[Key("percent")],
            msg::percent_without_points(name),
            msg::hint_percent_with_points(),
        ));
        return (None, None);
    }
    if !(0.0..=100.0).contains(&percent) {
        problems.push(problem(
            &[Key("percent")],
            msg::percent_outside_range(name, percent),
            msg::hint_decimal_point(),
        ));
        return (None, None);
    }
    let (Some(points), Some(max), Some(derived)) = (result.points, result.max_points, derived)
    else {
        return (Some(percent), None);
    };
    if percent_agrees(points, max, percent, decimals) == Some(false) {
        let precision = percent_precision(percent, decimals);
        if let Some(note) = &result.disputed {
            let disputed = Disputed {
                derived,
                note: note.clone(),
            };
            return (Some(percent), Some(disputed));
        }
        problems.push(problem(
            &[Key("percent")],
            msg::percent_differs(
                name,
                &msg::figure_at(percent, precision),
                &msg::figure(points),
                &msg::figure(max),
                &msg::figure_at(derived, precision),
            ),
            msg::hint_percent_differs(),
        ));
    }
    (Some(percent), None)
}

impl Context<'_> {
    /// The percent of line `i`'s points, when its stated percent agrees
    /// with it only at the float's decimals ("89.90" read as 89.9, against
    /// 85,4/95 = 89,89%): [`stated_percent`] found them agreeing, the
    /// decimals written say they do not.
    pub(super) fn percent_differs_as_written(
        &self,
        def: &Index,
        result: &ResultRow,
        file_index: usize,
        i: usize,
    ) -> Option<f64> {
        let (Some(points), Some(max), Some(percent)) =
            (result.points, result.max_points, result.percent)
        else {
            return None;
        };
        let decimals = result.decimals.unwrap_or(def.decimals).min(def.decimals);
        let derived = super::derive::percent(points, max)?;
        if !percent.is_finite() || percent_agrees(points, max, percent, decimals) != Some(true) {
            return None;
        }
        let path = [Seg::Key("result"), Seg::Index(i), Seg::Key("percent")];
        (!self.agrees_as_written(file_index, &path, percent, derived, decimals)).then_some(derived)
    }

    /// A stated percent that agrees with its points only at its float's
    /// decimals is checked at the decimals it is written with, as
    /// [`stated_percent`] checks the others: an error unless `disputed`.
    fn check_percent_as_written(
        &mut self,
        def: &Index,
        result: &ResultRow,
        file_index: usize,
        i: usize,
    ) {
        if result.disputed.is_some() {
            return;
        }
        let Some(derived) = self.percent_differs_as_written(def, result, file_index, i) else {
            return;
        };
        let (Some(points), Some(max), Some(percent)) =
            (result.points, result.max_points, result.percent)
        else {
            return;
        };
        let decimals = result.decimals.unwrap_or(def.decimals).min(def.decimals);
        let path = [Seg::Key("result"), Seg::Index(i), Seg::Key("percent")];
        let precision = self
            .decimals_as_written(file_index, &path, percent)
            .min(decimals);
        let message = msg::percent_differs(
            &result.unit,
            &msg::figure_at(percent, precision),
            &msg::figure(points),
            &msg::figure(max),
            &msg::figure_at(derived, precision),
        );
        let d = self.at(file_index, &path, message, msg::hint_percent_differs());
        self.diagnostics.push(d);
    }

    /// The table's own `of`: not 0, none in a score-only table, and in a
    /// complete table the number it ranks (`ranked`, counted).
    pub(super) fn check_table_of(
        &mut self,
        file: &ResultsFile,
        file_index: usize,
        ranked: Option<u32>,
    ) {
        let Some(of) = file.of else { return };
        let path = [Seg::Key("of")];
        let (message, hint) = if file.scores_only {
            (msg::of_in_scores_only(), msg::hint_scores_only())
        } else if of == 0 {
            (msg::table_of_zero(), msg::hint_rank_from_one())
        } else if file.complete && ranked.is_some_and(|r| r != of) {
            (
                msg::table_of_differs(of, ranked.unwrap_or_default()),
                msg::hint_table_of(),
            )
        } else {
            return;
        };
        let d = self.at(file_index, &path, message, hint);
        self.diagnostics.push(d);
    }

    /// The checks of line `i` that need the whole file: in a partial table a
    /// line states at least one figure; in a score-only table none states a
    /// rank; a `disputed` note on figures that agree is a warning; an
    /// `of_note` needs an "of" that differs.
    pub(super) fn check_line(
        &mut self,
        def: &Index,
        file: &ResultsFile,
        file_index: usize,
        i: usize,
    ) {
        use Seg::{Index, Key};
        let result = &file.results[i];
        let name = result.unit.as_str();
        let path = |key| [Key("result"), Index(i), Key(key)];
        let states_something = result.score.is_some()
            || result.points.is_some()
            || result.percent.is_some()
            || result.rank.is_some()
            || result.at_least.is_some()
            || result.above.is_some()
            || result.not_ranked.is_some()
            || result.band.is_some();
        if !file.complete && !states_something {
            let d = self.at(
                file_index,
                &path("unit"),
                msg::line_states_nothing(name),
                msg::hint_line_states_nothing(),
            );
            self.diagnostics.push(d);
        }
        if file.scores_only {
            let stated = [
                ("rank", result.rank.is_some()),
                ("of", result.of.is_some()),
                ("of_note", result.of_note.is_some()),
                ("regional", !result.regional.is_empty()),
                ("not_ranked", result.not_ranked.is_some()),
            ];
            for (key, _) in stated.iter().filter(|(_, stated)| *stated) {
                let d = self.at(
                    file_index,
                    &path(key),
                    msg::rank_in_scores_only(name, key),
                    msg::hint_scores_only(),
                );
                self.diagnostics.push(d);
            }
        }
        if let (Some(note), Some(of)) = (&result.of_note, result.of) {
            if file.of == Some(of) && !note.is_empty() {
                self.warn_at(
                    file_index,
                    &path("of_note"),
                    msg::of_note_without_exception(name, of),
                    msg::hint_of_note(),
                );
            }
        } else if result.of_note.is_some() && result.of.is_none() {
            let d = self.at(
                file_index,
                &path("of_note"),
                msg::of_note_without_of(name),
                msg::hint_of_note(),
            );
            self.diagnostics.push(d);
        }
        self.check_percent_as_written(def, result, file_index, i);
        if result.disputed.is_some() {
            let decimals = result.decimals.unwrap_or(def.decimals).min(def.decimals);
            let agrees = match (result.points, result.max_points, result.percent) {
                (Some(points), Some(max), Some(percent)) if percent.is_finite() => {
                    percent_agrees(points, max, percent, decimals)
                }
                _ => None,
            };
            // A line's `disputed` may belong to another stated figure (other
            // checks); only an agreeing percent is known to be undisputed,
            // at the decimals it is written with.
            let differs = self
                .percent_differs_as_written(def, result, file_index, i)
                .is_some();
            if agrees == Some(true) && !differs {
                self.warn_at(
                    file_index,
                    &path("disputed"),
                    msg::line_disputed_but_agrees(name),
                    msg::hint_disputed_but_agrees(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percent_is_compared_at_the_precision_it_was_published_with() {
        // 85,5 of 95 is 90%: "90,0%" (written 90) agrees at no decimals.
        assert_eq!(percent_agrees(85.5, 95.0, 90.0, 2), Some(true));
        assert_eq!(percent_agrees(85.5, 95.0, 90.01, 2), Some(false));
        // 97,03 of 98 is 99,0102…%: 99,01 agrees, 99,02 does not.
        assert_eq!(percent_agrees(97.03, 98.0, 99.01, 2), Some(true));
        assert_eq!(percent_agrees(97.03, 98.0, 99.02, 2), Some(false));
        // At most the line's decimals: 99,0 at one decimal.
        assert_eq!(percent_agrees(97.03, 98.0, 99.0, 1), Some(true));
        assert_eq!(percent_agrees(1.0, 0.0, 99.0, 1), None);
    }
}
