//! A partial table's stated figures checked against each other: one "of"
//! for the table (or a line's stated exception, `of_note`), and ranks that
//! follow scores (a higher score ranks better, equal scores at the
//! published precision share a rank). Each disagreement is an error at the
//! line that breaks the rule, naming the line it disagrees with.

use super::assemble::Context;
use super::{Index, Row, Site, Table};
use crate::data::schema::ResultsFile;
use crate::locate::Seg;
use crate::messages as msg;
use crate::vi::scaled;

/// The line a figure was compared with, as a message names it: its unit
/// and the line of the file it is on.
struct Other<'a> {
    unit: &'a str,
    line: usize,
}

impl Context<'_> {
    /// The file line of result `entry` (its `key`), for naming it in a
    /// message about another line.
    pub(super) fn line_of(&self, file_index: usize, entry: usize, key: &'static str) -> usize {
        let path = [Seg::Key("result"), Seg::Index(entry), Seg::Key(key)];
        self.raw
            .point(file_index, &path)
            .map_or(0, |(location, _)| location.line)
    }

    /// Checks a partial table's lines against each other and returns the
    /// table's "of": the one stated for the table, else the first line's
    /// that states no exception. A line's rank stated without "of" is
    /// ranked among it too.
    pub(super) fn check_partial(
        &mut self,
        def: &Index,
        file: &ResultsFile,
        file_index: usize,
        table: &mut Table,
        site: &Site,
    ) -> Option<u32> {
        if file.scores_only {
            return None;
        }
        let unit = |row: &Row| site.units[row.unit].id.as_str();
        // An "of" of 0 is its own error (`figures`), not also a second "of".
        let exception =
            |row: &Row| row.of == Some(0) || row.of_note.as_deref().is_some_and(|n| !n.is_empty());
        // The line that sets the table's "of" when the table states none.
        let first = table
            .rows
            .iter()
            .filter(|r| r.of.is_some() && !exception(r))
            .min_by_key(|r| r.entry);
        let table_of = file.of.or(first.and_then(|r| r.of));
        if let Some(of) = table_of.filter(|&of| of > 0) {
            for row in &table.rows {
                let Some(stated) = row.of.filter(|&o| o != of && !exception(row)) else {
                    continue;
                };
                let message = match first.filter(|_| file.of.is_none()) {
                    Some(other) => {
                        let line = self.line_of(file_index, other.entry, "of");
                        msg::of_differs_from_line(unit(row), stated, unit(other), line, of)
                    }
                    None => msg::of_differs_from_table(unit(row), stated, of),
                };
                let path = [Seg::Key("result"), Seg::Index(row.entry), Seg::Key("of")];
                let d = self.at(file_index, &path, message, msg::hint_one_of());
                self.diagnostics.push(d);
            }
            // A rank stated without "of" is ranked among the table's "of"
            // (stated at the top of the file, it was checked with the line).
            if file.of.is_none() {
                for row in table.rows.iter().filter(|r| r.of.is_none()) {
                    let Some(rank) = row.rank.filter(|&r| r > of) else {
                        continue;
                    };
                    let path = [Seg::Key("result"), Seg::Index(row.entry), Seg::Key("rank")];
                    let message = msg::rank_above_of(unit(row), rank, of);
                    let d = self.at(file_index, &path, message, msg::hint_rank_at_most_of());
                    self.diagnostics.push(d);
                }
            }
        }
        let ties_broken = self.ties_broken_words(file, file_index);
        let broke = self.check_ranks_follow_scores(
            (def, file_index),
            table,
            site,
            &exception,
            ties_broken.is_some(),
        );
        self.check_thresholds_follow_scores(def, file_index, table, site, &exception);
        if let Some(words) = ties_broken {
            if broke {
                table.ties_broken = Some(words.to_owned());
            } else {
                self.warn_ties_broken_unused(file_index);
            }
        }
        table_of
    }

    /// Ranks follow scores among the lines ranked together (those stating
    /// both, and no `of` exception): sorted best score first, each pair of
    /// neighbours must rank in that order, and share a rank exactly when
    /// their scores are equal at the precision both were published with,
    /// unless the publisher broke ties (`ties_broken`: equal scores may
    /// then rank apart). Returns whether some tie was broken.
    fn check_ranks_follow_scores(
        &mut self,
        (def, file_index): (&Index, usize),
        table: &Table,
        site: &Site,
        exception: &impl Fn(&Row) -> bool,
        ties_broken: bool,
    ) -> bool {
        let mut lines: Vec<(&Row, f64, u32)> = table
            .rows
            .iter()
            .filter(|r| r.not_ranked.is_none() && !exception(r))
            .filter_map(|r| Some((r, r.basis()?, r.rank?)))
            .collect();
        let better = |a: f64, b: f64, decimals: u32| {
            let (a, b) = (scaled(a, decimals), scaled(b, decimals));
            if def.higher_is_better {
                b.cmp(&a)
            } else {
                a.cmp(&b)
            }
        };
        lines.sort_by(|a, b| {
            better(a.1, b.1, def.decimals)
                .then(a.2.cmp(&b.2))
                .then(a.0.entry.cmp(&b.0.entry))
        });
        let mut broke = false;
        for pair in lines.windows(2) {
            let [(a, score_a, rank_a), (b, score_b, rank_b)] = pair else {
                continue;
            };
            let decimals = a.decimals.min(b.decimals);
            let equal = scaled(*score_a, decimals) == scaled(*score_b, decimals);
            // Sorted by rank among equal scores: a broken tie ranks apart.
            let broken = equal && ties_broken && rank_a < rank_b;
            broke |= broken;
            let follows = if equal {
                rank_a == rank_b || broken
            } else {
                rank_a < rank_b
            };
            if follows {
                continue;
            }
            let other = Other {
                unit: &site.units[a.unit].id,
                line: self.line_of(file_index, a.entry, "rank"),
            };
            let name = site.units[b.unit].id.as_str();
            let (a_text, b_text) = (
                msg::figure_at(*score_a, decimals),
                msg::figure_at(*score_b, decimals),
            );
            let message = if equal {
                msg::equal_scores_different_ranks(
                    name, &b_text, *rank_b, other.unit, other.line, *rank_a,
                )
            } else {
                msg::ranks_do_not_follow_scores(
                    name, &b_text, *rank_b, other.unit, other.line, &a_text, *rank_a,
                )
            };
            let hint = if equal {
                msg::hint_ties_broken()
            } else {
                msg::hint_ranks_follow_scores()
            };
            let path = [Seg::Key("result"), Seg::Index(b.entry), Seg::Key("rank")];
            let d = self.at(file_index, &path, message, hint);
            self.diagnostics.push(d);
        }
        broke
    }
}

impl Context<'_> {
    /// A ranked line with a threshold ("từ 90% trở lên") ranks better than
    /// every ranked line whose score is below it (at or below, for a strict
    /// one): its score, unknown, is higher. Each threshold line is compared
    /// with the best-ranked such line, found by binary search over the
    /// scored lines in order of score.
    fn check_thresholds_follow_scores(
        &mut self,
        def: &Index,
        file_index: usize,
        table: &Table,
        site: &Site,
        exception: &impl Fn(&Row) -> bool,
    ) {
        let ranked = |r: &&Row| r.not_ranked.is_none() && !exception(r) && r.rank.is_some();
        // A key that grows with how good a score is.
        let key = |v: f64| {
            let k = scaled(v, def.decimals);
            if def.higher_is_better {
                k
            } else {
                -k
            }
        };
        // Scored lines, worst first, each with the best-ranked line among
        // it and those worse than it.
        let mut scored: Vec<(i64, &Row)> = table
            .rows
            .iter()
            .filter(ranked)
            .filter_map(|r| Some((key(r.basis()?), r)))
            .collect();
        if scored.is_empty() {
            return;
        }
        scored.sort_by_key(|&(k, r)| (k, r.entry));
        let mut best: Vec<&Row> = Vec::with_capacity(scored.len());
        for &(_, row) in &scored {
            let before = best.last().copied();
            best.push(match before {
                Some(b) if b.rank <= row.rank => b,
                _ => row,
            });
        }
        for line in table.rows.iter().filter(ranked) {
            let (Some(threshold), Some(rank)) = (line.threshold, line.rank) else {
                continue;
            };
            let t = key(threshold.value);
            // Scores below the threshold (at it too, for a strict one).
            let below = scored.partition_point(|&(k, _)| k < t || (threshold.strict && k == t));
            let Some(other) = below.checked_sub(1).map(|i| best[i]) else {
                continue;
            };
            let (Some(score), Some(other_rank)) = (other.basis(), other.rank) else {
                continue;
            };
            if rank < other_rank {
                continue;
            }
            let sign = if threshold.strict { ">" } else { "≥" };
            let message = msg::threshold_rank_disagrees(
                &site.units[line.unit].id,
                &format!("{sign} {}", msg::figure(threshold.value)),
                rank,
                &site.units[other.unit].id,
                self.line_of(file_index, other.entry, "rank"),
                &msg::figure_at(score, other.decimals),
                other_rank,
            );
            let path = [Seg::Key("result"), Seg::Index(line.entry), Seg::Key("rank")];
            let d = self.at(file_index, &path, message, msg::hint_ranks_follow_scores());
            self.diagnostics.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::tests::{ok, row, site};

    fn partial(head: &str, rows: &[String]) -> String {
        format!(
            "index = \"par\"\nyear = 2023\ngroup = \"tinh\"\n{head}\n{}\n[source]\ntitle = \"Quyết định thử\"\n",
            rows.concat()
        )
    }

    fn errors(text: &str) -> String {
        let (_, diagnostics) = site(&[("data/results/2023/t.toml", text)]);
        diagnostics.to_string()
    }

    #[test]
    fn lines_state_what_was_published() {
        let text = partial(
            "of = 63",
            &[
                row("ha-tinh", "score = 88.35\nrank = 14"),
                row("nghe-an", "rank = 20"),
                row("thanh-hoa", "at_least = 80"),
                row(
                    "da-nang",
                    "score = 91\nrank = 3\nof = 58\nof_note = \"58 tỉnh có đủ dữ liệu\"",
                ),
            ],
        );
        let site = ok(&[("data/results/2023/t.toml", &text)]);
        let table = &site.tables.as_slice()[0];
        assert_eq!(table.ranked, Some(63));
        let of: Vec<_> = table.rows.iter().map(|r| (r.rank, r.of)).collect();
        assert_eq!(
            of,
            [
                (Some(3), Some(58)),
                (Some(14), Some(63)),
                (Some(20), Some(63)),
                (None, Some(63))
            ]
        );
    }

    #[test]
    fn ranks_must_follow_scores_and_share_one_of() {
        let text = partial(
            "",
            &[
                row("ha-tinh", "score = 88.35\nrank = 14\nof = 63"),
                row("nghe-an", "score = 90\nrank = 20\nof = 63"),
                row("thanh-hoa", "score = 80\nrank = 30\nof = 62"),
                row("da-nang", "score = 80.001\nrank = 31"),
            ],
        );
        let text = errors(&text);
        assert!(
            text.contains("`ha-tinh` scores 88.35 and ranks 14, but `nghe-an` (line 13) scores better, 90.00, and ranks 20"),
            "{text}"
        );
        assert!(
            text.contains("`thanh-hoa` is ranked out of 62, but `ha-tinh` (line 9) out of 63"),
            "{text}"
        );
        assert!(
            text.contains(
                "`da-nang` and `thanh-hoa` (line 18) both score 80.00 but rank 31 and 30"
            ),
            "{text}"
        );
    }

    #[test]
    fn equal_scores_rank_apart_when_the_publisher_broke_the_tie() {
        let rows = [
            row("ha-tinh", "score = 88.35\nrank = 14\nof = 63"),
            row("nghe-an", "score = 88.35\nrank = 15\nof = 63"),
        ];
        let text = errors(&partial("", &rows));
        assert!(
            text.contains("`nghe-an` and `ha-tinh` (line 8) both score 88.35 but rank 15 and 14"),
            "{text}"
        );
        assert!(text.contains("say how in `ties_broken`"), "{text}");
        let head = "ties_broken = \"xếp theo điểm chưa làm tròn\"";
        let (site, diagnostics) = site(&[("data/results/2023/t.toml", &partial(head, &rows))]);
        assert!(diagnostics.is_empty(), "{diagnostics}");
        let table = &site.tables.as_slice()[0];
        assert_eq!(
            table.ties_broken.as_deref(),
            Some("xếp theo điểm chưa làm tròn")
        );
        // Ranks still follow scores around the tie.
        let mut rows = rows.to_vec();
        rows.push(row("thanh-hoa", "score = 88.4\nrank = 16\nof = 63"));
        let text = errors(&partial(head, &rows));
        assert!(
            text.contains("`ha-tinh` scores 88.35 and ranks 14, but `thanh-hoa`"),
            "{text}"
        );
        // Nothing broken: a warning.
        let text = errors(&partial(head, &rows[..1]));
        assert!(
            text.contains("`ties_broken` is given, but no units"),
            "{text}"
        );
    }

    #[test]
    fn a_rank_alone_is_out_of_the_table_s_of() {
        let text = partial(
            "",
            &[
                row("ha-tinh", "score = 88.35\nrank = 14\nof = 63"),
                row("nghe-an", "rank = 20"),
            ],
        );
        let site = ok(&[("data/results/2023/t.toml", &text)]);
        let of: Vec<_> = site.tables.as_slice()[0]
            .rows
            .iter()
            .map(|r| r.of)
            .collect();
        assert_eq!(of, [Some(63), Some(63)]);
        let text = partial(
            "",
            &[
                row("ha-tinh", "score = 88.35\nrank = 14\nof = 63"),
                row("nghe-an", "rank = 64"),
            ],
        );
        let text = errors(&text);
        assert!(text.contains("`nghe-an`"), "{text}");
        assert_eq!(text.matches("error:").count(), 1, "{text}");
    }

    #[test]
    fn a_threshold_ranks_above_every_score_below_it() {
        let text = partial(
            "of = 63",
            &[
                row("ha-tinh", "score = 88.35\nrank = 14"),
                row("nghe-an", "at_least = 90\nrank = 20"),
                row("thanh-hoa", "above = 80\nrank = 30"),
            ],
        );
        let text = errors(&text);
        assert!(
            text.contains("`nghe-an` reached ≥ 90 and ranks 20, but `ha-tinh` (line 8) scores less, 88.35, and ranks 14"),
            "{text}"
        );
        assert_eq!(text.matches("error:").count(), 1, "{text}");
    }

    #[test]
    fn a_line_with_nothing_and_a_rank_in_a_score_only_table_are_errors() {
        let text = partial(
            "scores_only = true",
            &[
                row("ha-tinh", "score = 88.35\nrank = 14"),
                row("nghe-an", ""),
            ],
        );
        let text = errors(&text);
        assert!(
            text.contains("`ha-tinh` has `rank` in a score-only table"),
            "{text}"
        );
        assert!(
            text.contains("the line of `nghe-an` states no figure"),
            "{text}"
        );
    }
}
