//! Each page kind's card, made from the views its page shows (so a card's
//! figures are the page's, printed by `render::figure`): a unit's latest result,
//! a table's first lines, an index's latest headline.

use std::cmp::Ordering;

use super::{Card, Headline, Subtitle, TableCard, TableLine};
use crate::model::ScoreFloor;
use crate::render::figure::{self, Format};
use crate::render::views::{IndexRef, RowView, SeriesView, TableView};
use crate::vi;

/// Lines a table's card shows.
pub const TABLE_LINES: usize = 5;

/// A unit's page: its latest result (the latest year; of several indices
/// that year, the first), or the site's card when it has none.
pub fn unit(name: &str, history: &[SeriesView]) -> Card {
    let Some((series, entry)) = latest(history) else {
        return Card::Site;
    };
    let subtitle = Subtitle {
        what: series.index.name.to_owned(),
        short: series.index.short_name.to_owned(),
        year: entry.year,
    };
    Card::Headline(headline(
        name.to_owned(),
        subtitle,
        &entry.row,
        &series.index,
        entry.rank_computed,
    ))
}

/// An index's page: the home unit's latest result on it, else the top of
/// its latest table with lines (`latest`), else the site's card.
pub fn index(
    index: &IndexRef,
    home: &[SeriesView],
    home_name: Option<&str>,
    latest_table: Option<(&TableView, &[RowView])>,
) -> Card {
    if let (Some((series, entry)), Some(unit)) = (latest(home), home_name) {
        let subtitle = Subtitle {
            what: unit.to_owned(),
            short: String::new(),
            year: entry.year,
        };
        return Card::Headline(headline(
            index.name.to_owned(),
            subtitle,
            &entry.row,
            &series.index,
            entry.rank_computed,
        ));
    }
    match latest_table {
        Some((view, rows)) => table_card(view, rows.iter()),
        None => Card::Site,
    }
}

/// A ranking page: the first table's first lines.
pub fn ranking(tables: &[TableView]) -> Card {
    match tables.first() {
        Some(view) => table_card(view, view.rows.iter().map(|r| &**r)),
        None => Card::Site,
    }
}

/// The first of `tables`' latest entries.
fn latest<'s, 'a>(
    history: &'s [SeriesView<'a>],
) -> Option<(&'s SeriesView<'a>, &'s crate::render::views::EntryView<'a>)> {
    let mut best: Option<(&SeriesView, &crate::render::views::EntryView)> = None;
    for series in history {
        if let Some(entry) = series.entries.first() {
            if best.is_none_or(|(_, b)| entry.year > b.year) {
                best = Some((series, entry));
            }
        }
    }
    best
}

/// A line's card; `rank_computed`: its rank is chiso's (adv23 M5: cards
/// showed computed ranks and changes as if published).
fn headline(
    title: String,
    subtitle: Subtitle,
    row: &RowView,
    index: &IndexRef,
    rank_computed: bool,
) -> Headline {
    let (rank, score) = (rank(row), score(row, index.unit_label));
    Headline {
        title,
        subtitle,
        band: band_alone(row, rank.is_none() && score.is_none()),
        rank,
        score,
        change: change(row, index.unit_label),
        illustrative: row.illustrative,
        disputed: shows_disputed(row),
        not_ranked: row.not_ranked.is_some_and(|r| !r.is_empty()),
        tied: row.tied,
        rank_computed: rank_computed && row.rank.is_some(),
    }
}

/// A line's band, when it shows no rank and no score: the decision rated
/// it only in a band, which the card then shows (marked as the page marks
/// a disputed one).
fn band_alone(row: &RowView, alone: bool) -> Option<String> {
    let band = row.band.as_ref().filter(|_| alone)?;
    let mark = if band.disputed.is_some() { "‡" } else { "" };
    Some(format!("{}{mark}", band.band.name))
}

/// Whether the card marks a figure of the line ‡: its published percent or
/// rank kept against the table's.
fn shows_disputed(row: &RowView) -> bool {
    row.disputed.is_some() && row.value.is_some() || row.rank_published.is_some()
}

fn table_card<'r, 'a: 'r>(view: &TableView, rows: impl Iterator<Item = &'r RowView<'a>>) -> Card {
    let rows: Vec<&RowView> = rows.collect();
    let shown: Vec<TableLine> = rows
        .iter()
        .take(TABLE_LINES)
        .map(|row| {
            let score = score(row, view.index.unit_label);
            TableLine {
                rank: row
                    .rank
                    .map_or(String::new(), |r| rank_marked(r.to_string(), row)),
                name: row.unit_name.to_string(),
                score: score
                    .or_else(|| band_alone(row, row.rank.is_none()))
                    .unwrap_or_else(|| figure::MISSING.into()),
            }
        })
        .collect();
    Card::Table(TableCard {
        title: view.index.name.to_owned(),
        short_title: view.index.short_name.to_owned(),
        subtitle: Subtitle {
            what: view.group.name.to_owned(),
            short: String::new(),
            year: view.year,
        },
        more: rows.len() - shown.len(),
        illustrative: rows.iter().take(TABLE_LINES).any(|r| r.illustrative),
        disputed: rows.iter().take(TABLE_LINES).any(|r| shows_disputed(r)),
        ranks_computed: view.ranks_computed && shown.iter().any(|l| !l.rank.is_empty()),
        rows: shown,
    })
}

/// `8/63`, `thứ 8`, as the page's rank cell.
fn rank(row: &RowView) -> Option<String> {
    let rank = match (row.rank?, row.of) {
        (rank, Some(of)) => format!("{rank}/{of}"),
        (rank, None) => format!("thứ {rank}"),
    };
    Some(rank_marked(rank, row))
}

/// A rank with the page's marks: `*` when computed from illustrative
/// scores, `‡` when the publication printed another (kept, disputed).
fn rank_marked(mut rank: String, row: &RowView) -> String {
    let marks = figure::Marks {
        illustrative: row.rank_illustrative,
        disputed: row.rank_published.is_some(),
    };
    rank.push_str(marks.text());
    rank
}

/// The score (or the published threshold in its place), as the page's
/// score cell, with `*` when illustrative and `‡` when disputed.
fn score(row: &RowView, unit_label: &str) -> Option<String> {
    if row.not_ranked.is_some_and(|r| !r.is_empty()) {
        return Some("không xếp hạng".to_owned());
    }
    let format = Format {
        decimals: row.decimals,
        unit_label,
    };
    let threshold = match (row.at_least, row.above) {
        (Some(value), _) => Some(ScoreFloor {
            value,
            strict: false,
        }),
        (None, Some(value)) => Some(ScoreFloor {
            value,
            strict: true,
        }),
        (None, None) => None,
    };
    let mut text = match (row.value, threshold) {
        (Some(v), _) => format.value(v),
        (None, Some(t)) => figure::threshold_text(format, t),
        (None, None) => return None,
    };
    let marks = figure::Marks {
        illustrative: row.illustrative,
        disputed: row.disputed.is_some() && row.value.is_some(),
    };
    text.push_str(marks.text());
    Some(text)
}

/// The change as the page's change cell words it (places, else points);
/// none when the published change is disputed (the page then shows two).
fn change(row: &RowView, unit_label: &str) -> Option<(String, Ordering)> {
    let change = row.change.as_ref().filter(|c| !c.disputed)?;
    let (mut words, direction) = match change.rank_delta {
        Some(delta) => (vi::rank_change_phrase(delta), delta.cmp(&0)),
        // A published change's points as written, as the page's cell.
        None if change.stated => {
            figure::score_change(change.value_delta?, change.decimals, unit_label)
        }
        None => figure::score_change(change.value_delta?, row.decimals, unit_label),
    };
    if !change.year_before {
        words.push_str(&format!(" so với năm {}", change.previous_year));
    }
    // A change chiso could not derive is the publication's, as the page
    // says.
    if change.stated {
        words.push_str(" (công bố)");
    }
    // Made from an illustrative year: marked as an illustrative score is.
    if change.illustrative {
        words.push('*');
    }
    // chiso's arithmetic, which no published change confirms.
    if change.computed && !change.stated {
        words.push_str(" (tính từ bảng)");
    }
    Some((words, direction))
}
