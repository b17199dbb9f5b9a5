//! Vietnamese conventions: numbers, dates, slugs, alphabetical order, rank
//! phrases; pure functions, no I/O.
//!
//! Everything here is deterministic and total: malformed input (NaN, empty
//! strings, stray combining marks, out-of-range dates) yields a defined value
//! instead of a panic, because a panic in a formatting helper would abort
//! the whole site build over one bad data cell.

//!
//! One module per convention; everything is re-exported here, so callers
//! write `vi::format_number`, `vi::fold`, `vi::compare`.

mod collation;
mod dates;
mod folding;
mod numbers;
pub mod typography;

pub use collation::{compare, sort_key, SortKey};
pub use dates::{format_date_long, format_date_short, weekday_name};
pub use folding::{
    ascii_fold, fold, is_reserved_on_windows, is_slug, is_too_long, shortened_slug, slugify,
    MAX_NAME_BYTES,
};
pub(crate) use numbers::scaled_far_from_a_tie;
pub use numbers::{
    format_as_written, format_number, format_signed, rank_change_phrase, scaled, written_decimals,
};
pub use typography::NBSP;

/// A name as it reads inside a sentence: its first letter in lower case,
/// unless the first word is an abbreviation (`UBND`) or a single capital.
pub fn mid_sentence(name: &str) -> String {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let second = chars.clone().next();
    if !first.is_uppercase() || second.is_none_or(|c| c.is_uppercase() || !c.is_alphabetic()) {
        return name.to_owned();
    }
    first.to_lowercase().chain(chars).collect()
}
