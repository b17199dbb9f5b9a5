//! The catalogue test: every message has a Vietnamese and an English text
//! that say the same placeholders, and the Vietnamese is Vietnamese.

use super::*;

/// The `{placeholders}` of a format string, sorted (`{{` and `}}` are
/// literal braces).
fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
            }
            '{' => {
                let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                found.push(name.split(':').next().unwrap_or_default().to_owned());
            }
            _ => {}
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Whether a text has a letter only Vietnamese writes (a diacritic or đ).
fn has_vietnamese_letter(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii() && !matches!(c, '→' | '–' | '…' | '“' | '”'))
}

#[test]
fn every_entry_has_both_languages() {
    let entries = catalogue();
    assert!(entries.len() > 150, "{} entries", entries.len());
    let mut problems = Vec::new();
    for entry in &entries {
        let name = entry.name;
        if entry.vi.trim().is_empty() || entry.en.trim().is_empty() {
            problems.push(format!("{name}: a text is empty"));
        }
        if placeholders(entry.vi) != placeholders(entry.en) {
            problems.push(format!(
                "{name}: placeholders differ: vi {:?}, en {:?}",
                placeholders(entry.vi),
                placeholders(entry.en)
            ));
        }
        if !entry.neutral && entry.vi == entry.en {
            problems.push(format!("{name}: the Vietnamese is the English"));
        }
        if !entry.neutral && !has_vietnamese_letter(entry.vi) {
            problems.push(format!("{name}: the Vietnamese has no Vietnamese letter"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn names_are_unique() {
    let mut names: Vec<&str> = catalogue().iter().map(|e| e.name).collect();
    names.sort_unstable();
    let count = names.len();
    names.dedup();
    assert_eq!(names.len(), count, "an entry name is used twice");
}

#[test]
fn placeholders_skip_literal_braces() {
    assert_eq!(placeholders("a {b} {{c}} {d:.2}"), ["b", "d"]);
    assert!(placeholders("{{% … %}}").is_empty());
}

#[test]
fn the_locale_chooses_the_language() {
    use Language::{English, Vietnamese};
    assert_eq!(Language::from_locale(None, None, None), Vietnamese);
    assert_eq!(
        Language::from_locale(None, None, Some("en_US.UTF-8")),
        English
    );
    assert_eq!(
        Language::from_locale(None, None, Some("vi_VN.UTF-8")),
        Vietnamese
    );
    assert_eq!(
        Language::from_locale(None, None, Some("C.UTF-8")),
        Vietnamese
    );
    // LC_ALL wins over LC_MESSAGES, which wins over LANG; empty ones are unset.
    assert_eq!(
        Language::from_locale(Some("vi_VN"), None, Some("en_GB")),
        Vietnamese
    );
    assert_eq!(
        Language::from_locale(Some(""), Some("en_GB"), Some("vi_VN")),
        English
    );
}

#[test]
fn a_huge_id_is_quoted_by_its_start() {
    let huge = "ệ".repeat(1_000_000);
    let message = super::definitions::undefined("unit", &huge);
    assert!(
        message.chars().count() < 200,
        "{} chars",
        message.chars().count()
    );
    assert!(message.contains(&format!("{}…", "ệ".repeat(80))));
    assert!(super::definitions::undefined("unit", "a").contains("`a`"));
}
