//! Every text chiso says to an editor, in Vietnamese and in English, in one
//! catalogue: each entry of the `messages!` sections below has both texts by
//! construction, and a test checks that they agree.
//!
//! Messages say what is wrong in plain words; hints say what to do. Both
//! quote ids and file names in backticks, which stay untranslated.
//!
//! The language is process-wide: the library speaks English until
//! [`set_language`] says otherwise (so tests read English), and the `chiso`
//! binary sets Vietnamese unless `--lang en` or an English locale asks for
//! English.

use std::sync::atomic::{AtomicU8, Ordering};

/// The language of the texts said to editors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Vietnamese,
    English,
}

impl Language {
    /// The language an environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides, English
    /// when it starts with `en`, Vietnamese otherwise (and when none is set).
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Self {
        let locale = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|value| !value.is_empty());
        match locale {
            Some(value) if value.starts_with("en") => Language::English,
            _ => Language::Vietnamese,
        }
    }

    /// [`Language::from_locale`] of this process's environment.
    pub fn from_environment() -> Self {
        let var = |name: &str| std::env::var(name).ok();
        Language::from_locale(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }
}

const ENGLISH: u8 = 0;
const VIETNAMESE: u8 = 1;

static LANGUAGE: AtomicU8 = AtomicU8::new(ENGLISH);

/// Sets the language of every text said from now on.
pub fn set_language(language: Language) {
    let value = match language {
        Language::Vietnamese => VIETNAMESE,
        Language::English => ENGLISH,
    };
    LANGUAGE.store(value, Ordering::Relaxed);
}

/// A figure as written (its shortest form, no padding) in the editor's
/// language: a decimal comma in Vietnamese (105,5), a point in English.
pub fn figure(value: f64) -> String {
    figure_at(value, crate::vi::written_decimals(value))
}

/// A figure with `decimals` decimals as the pages round it, in the
/// language's notation: 1.093,10 in Vietnamese, 1,093.10 in English. A
/// message quoting what a page prints uses [`crate::vi::format_number`].
pub fn figure_at(value: f64, decimals: u32) -> String {
    let text = crate::vi::format_number(value, decimals);
    match language() {
        Language::Vietnamese => text,
        Language::English => text
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect(),
    }
}

/// The language texts are said in: English unless [`set_language`] chose
/// Vietnamese.
pub fn language() -> Language {
    match LANGUAGE.load(Ordering::Relaxed) {
        VIETNAMESE => Language::Vietnamese,
        _ => Language::English,
    }
}

/// One entry of the catalogue, as written: the test reads these.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub name: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
    /// The same text in both languages is right (a command, a file name).
    pub neutral: bool,
}

/// Declares message functions, each with a Vietnamese and an English text
/// (format strings over the function's arguments and `let` values), and
/// `ENTRIES`, the list of them.
macro_rules! messages {
    ($(
        $(#[$meta:meta])*
        $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) {
            $(let $var:ident = $value:expr;)*
            vi: $vi:literal,
            en: $en:literal
            $(, $neutral:ident)? $(,)?
        }
    )*) => {
        $(
            $(#[$meta])*
            #[allow(clippy::useless_format)]
            pub fn $name($($arg: $ty),*) -> String {
                $(let $var = $value;)*
                match $crate::messages::language() {
                    $crate::messages::Language::Vietnamese => format!($vi),
                    $crate::messages::Language::English => format!($en),
                }
            }
        )*

        /// Every entry of this section, for the catalogue test.
        #[allow(dead_code)]
        pub(crate) const ENTRIES: &[$crate::messages::Entry] = &[$(
            $crate::messages::Entry {
                name: stringify!($name),
                vi: $vi,
                en: $en,
                neutral: messages!(@neutral $($neutral)?),
            },
        )*];
    };
    (@neutral) => { false };
    (@neutral neutral) => { true };
}

mod bands;
mod cards;
mod commands;
mod content;
mod definitions;
mod files;
pub mod html_policy;
pub mod json_hints;
mod levels;
mod lines;
mod parser_words;
mod parsing;
mod precision;
mod rendering;
mod results;
mod serve;
pub mod shortcode;
mod stated;
mod tables;
mod terms;
mod tiles;

pub use bands::*;
pub use cards::*;
pub use commands::*;
pub use content::*;
pub use definitions::*;
pub use files::*;
pub use levels::*;
pub use lines::*;
pub use parser_words::parser_words;
pub use parsing::*;
pub use precision::*;
pub use rendering::*;
pub use results::*;
pub use serve::*;
pub use stated::*;
pub use tables::*;
pub use terms::term;
pub use tiles::*;

/// Every entry of the catalogue.
/// The most characters of an editor's text (an id, a key) a message
/// quotes: a pasted megabyte is shown by its start.
const QUOTED: usize = 80;

/// `text` as quoted in a message: cut after [`QUOTED`] characters, with `…`.
pub(crate) fn quoted(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(QUOTED) {
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..cut])),
        None => std::borrow::Cow::Borrowed(text),
    }
}

pub fn catalogue() -> Vec<Entry> {
    [
        bands::ENTRIES,
        cards::ENTRIES,
        commands::ENTRIES,
        content::ENTRIES,
        definitions::ENTRIES,
        files::ENTRIES,
        html_policy::ENTRIES,
        levels::ENTRIES,
        lines::ENTRIES,
        parsing::ENTRIES,
        precision::ENTRIES,
        rendering::ENTRIES,
        results::ENTRIES,
        serve::ENTRIES,
        &[serve::HOST_REFUSED_TITLE],
        shortcode::ENTRIES,
        stated::ENTRIES,
        terms::ENTRIES,
        tiles::ENTRIES,
    ]
    .concat()
}

#[cfg(test)]
mod tests;
