//! Vietnamese alphabetical order (Đ after D, tones in dictionary order):
//! collation keys and comparison.

use std::cmp::Ordering;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The Vietnamese alphabet with f, j, w, z slotted in at their Latin places.
/// Char literals are single code points, so these are the precomposed forms.
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

const BREVE: char = '\u{0306}';
const CIRCUMFLEX: char = '\u{0302}';
const HORN: char = '\u{031B}';

// Primary weight bands. Word separators sort before everything so that
// "Kỳ Anh" < "Kỳanh"; then punctuation, digits, Vietnamese letters, and
// finally letters of other scripts. Bands are wide enough for any code point.
const WEIGHT_SEPARATOR: u32 = 0;
const WEIGHT_SYMBOL: u32 = 0x0000_0001;
const WEIGHT_DIGIT: u32 = 0x0020_0000;
const WEIGHT_LETTER: u32 = 0x0030_0000;
const WEIGHT_OTHER_LETTER: u32 = 0x0040_0000;

/// Tone rank in dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
fn tone_rank(mark: char) -> Option<u8> {
    match mark {
        '\u{0300}' => Some(1), // huyền (grave)
        '\u{0309}' => Some(2), // hỏi (hook above)
        '\u{0303}' => Some(3), // ngã (tilde)
        '\u{0301}' => Some(4), // sắc (acute)
        '\u{0323}' => Some(5), // nặng (dot below)
        _ => None,
    }
}

/// Position in [`ALPHABET`] of a lowercase base letter plus its vowel-quality
/// mark, if that combination is a letter of the alphabet.
fn alphabet_rank(base: char, quality: Option<char>) -> Option<u32> {
    let letter = match (base, quality) {
        ('a', Some(BREVE)) => 'ă',
        ('a', Some(CIRCUMFLEX)) => 'â',
        ('e', Some(CIRCUMFLEX)) => 'ê',
        ('o', Some(CIRCUMFLEX)) => 'ô',
        ('o', Some(HORN)) => 'ơ',
        ('u', Some(HORN)) => 'ư',
        // A quality mark on any other base (ŏ, ü…) is not Vietnamese; the
        // letter sorts as its base and the NFC tie-break separates them.
        (other, _) => other,
    };
    ALPHABET
        .iter()
        .position(|&x| x == letter)
        .and_then(|i| u32::try_from(i).ok())
}

/// Collation key for Vietnamese alphabetical order; see [`compare`].
///
/// Fields, compared in order: base-letter weights, one tone per syllable,
/// case per character (lowercase first), and the NFC text as final
/// tie-break, so equal keys mean canonically equivalent strings.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SortKey(Vec<u32>, Vec<u8>, Vec<u8>, String);

/// Build the collation key of `text`; `a.cmp(b)` on keys equals
/// [`compare`]`(a, b)`, so it can be used with `sort_by_key` or cached.
pub fn sort_key(text: &str) -> SortKey {
    let mut primary = Vec::new();
    let mut tones = Vec::new();
    let mut cases = Vec::new();
    // Some(tone) while inside a run of letters. A Vietnamese syllable carries
    // one tone, and its mark may sit on different vowels ("Hòa" / "Hoà"), so
    // the tone is recorded per syllable rather than per character.
    let mut syllable_tone: Option<u8> = None;
    let mut gap = false;

    let mut chars = text.nfd().peekable();
    while let Some(c) = chars.next() {
        // NFD orders marks by combining class, so "ậ" arrives as
        // a + dot below + circumflex: collect the whole cluster, any order.
        let mut quality = None;
        let mut tone = 0;
        while let Some(&mark) = chars.peek() {
            if !is_combining_mark(mark) {
                break;
            }
            chars.next();
            if let Some(t) = tone_rank(mark) {
                if tone == 0 {
                    tone = t;
                }
            } else if matches!(mark, BREVE | CIRCUMFLEX | HORN) && quality.is_none() {
                quality = Some(mark);
            }
        }
        if is_combining_mark(c) {
            // A mark with no base character carries nothing to sort on.
            continue;
        }
        if c.is_whitespace() {
            gap = true;
            if let Some(t) = syllable_tone.take() {
                tones.push(t);
            }
            continue;
        }

        let lower = c.to_lowercase().next().unwrap_or(c);
        let (weight, is_letter) = if let Some(rank) = alphabet_rank(lower, quality) {
            (WEIGHT_LETTER + rank, true)
        } else if c.is_alphabetic() {
            (WEIGHT_OTHER_LETTER + u32::from(lower), true)
        } else if let Some(d) = c.to_digit(10) {
            (WEIGHT_DIGIT + d, false)
        } else {
            (WEIGHT_SYMBOL + u32::from(c), false)
        };

        // Leading and repeated whitespace are layout, not content.
        if gap && !primary.is_empty() {
            primary.push(WEIGHT_SEPARATOR);
            cases.push(0);
        }
        gap = false;

        if is_letter {
            let current = syllable_tone.get_or_insert(0);
            if *current == 0 {
                *current = tone;
            }
        } else if let Some(t) = syllable_tone.take() {
            tones.push(t);
        }
        primary.push(weight);
        cases.push(u8::from(c.is_uppercase()));
    }
    if let Some(t) = syllable_tone {
        tones.push(t);
    }
    SortKey(primary, tones, cases, text.nfc().collect())
}

/// Compare two strings in Vietnamese alphabetical order
/// (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with f j w z at
/// their Latin places).
///
/// Base letters decide first, left to right and ignoring case, with word
/// separators before any letter ("Kỳ Anh" < "Kỳanh"), then punctuation,
/// digits, letters. Tones only break ties, in the order a à ả ã á ạ; then
/// lowercase before uppercase; then the NFC text, so the order is total.
/// NFC and NFD spellings of the same text compare equal.
///
/// ```
/// let mut names = ["Đức Thọ", "Em", "Dầu Tiếng", "Duy Tiên"];
/// names.sort_by(|a, b| chiso::vi::compare(a, b));
/// assert_eq!(names, ["Dầu Tiếng", "Duy Tiên", "Đức Thọ", "Em"]);
/// ```
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vi::{fold, slugify};

    #[test]
    fn nfd_input_matches_nfc() {
        // "Sở" spelled as S + o + horn + hook above.
        let nfd = "S\u{006F}\u{031B}\u{0309} Khoa h\u{006F}\u{0323}c";
        let nfc = "Sở Khoa học";
        assert_ne!(nfd, nfc);
        assert_eq!(slugify(nfd), slugify(nfc));
        assert_eq!(fold(nfd), fold(nfc));
        assert_eq!(compare(nfd, nfc), Ordering::Equal);
        assert_eq!(sort_key(nfd), sort_key(nfc));
        for other in ["Sơ", "Sờ", "Sổ", "So", "Sở Khoa", "Ta"] {
            assert_eq!(compare(nfd, other), compare(nfc, other), "vs {other}");
        }
    }

    const PROVINCES_SORTED: [&str; 21] = [
        "An Giang",
        "Bà Rịa - Vũng Tàu",
        "Bắc Giang",
        "Bắc Ninh",
        "Cà Mau",
        "Cần Thơ",
        "Dầu Tiếng",
        "Duy Tiên",
        "Đà Nẵng",
        "Đức Thọ",
        "Em",
        "Hà Giang",
        "Hà Nội",
        "Hà Tĩnh",
        "Hải Phòng",
        "Hòa Bình",
        "Hưng Yên",
        "Ơ",
        "Quảng Bình",
        "Thanh Hóa",
        "Thừa Thiên Huế",
    ];

    /// Deterministic shuffles (no rand crate): the reversal plus a few
    /// stride permutations, using strides coprime to the length so each one
    /// is a true permutation.
    fn shuffles<T: Clone>(items: &[T]) -> Vec<Vec<T>> {
        fn gcd(a: usize, b: usize) -> usize {
            if b == 0 {
                a
            } else {
                gcd(b, a % b)
            }
        }
        let n = items.len();
        let mut out = vec![items.iter().rev().cloned().collect()];
        for stride in (2..n).filter(|&s| gcd(s, n) == 1).take(4) {
            out.push(
                (0..n)
                    .map(|i| items[(i * stride + 3) % n].clone())
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn sorts_provinces_from_shuffled_input() {
        for mut shuffled in shuffles(&PROVINCES_SORTED) {
            assert_ne!(shuffled, PROVINCES_SORTED);
            shuffled.sort_by(|a, b| compare(a, b));
            assert_eq!(shuffled, PROVINCES_SORTED);
        }
        for mut shuffled in shuffles(&PROVINCES_SORTED) {
            shuffled.sort_by_key(|s| sort_key(s));
            assert_eq!(shuffled, PROVINCES_SORTED);
        }
    }

    #[test]
    fn sorts_nfd_provinces_like_nfc() {
        let nfd: Vec<String> = PROVINCES_SORTED.iter().map(|s| s.nfd().collect()).collect();
        for mut shuffled in shuffles(&nfd) {
            shuffled.sort_by(|a, b| compare(a, b));
            assert_eq!(shuffled, nfd);
        }
    }

    #[test]
    fn compare_pairs_table() {
        use Ordering::{Equal, Greater, Less};
        let cases: &[(&str, &str, Ordering)] = &[
            ("Đức Thọ", "Dầu Tiếng", Greater),
            ("Đức Thọ", "Duy Tiên", Greater),
            ("Đức Thọ", "Em", Less),
            ("Ă", "Az", Greater),
            ("Can Lộc", "Cẩm Xuyên", Less),
            ("Kỳ Anh", "Kỳanh", Less),
            ("Hà Tĩnh", "Hải Phòng", Less),
            ("Hòa", "Hưng", Less),
            ("Bà Rịa", "Bắc", Less),
            // Base letters outrank tones and case.
            ("ạ", "b", Less),
            ("A", "b", Less),
            ("Z", "a", Greater),
            // f j w z at their Latin places.
            ("e", "f", Less),
            ("ê", "f", Less),
            ("f", "g", Less),
            ("i", "j", Less),
            ("j", "k", Less),
            ("v", "w", Less),
            ("w", "x", Less),
            ("y", "z", Less),
            ("ư", "v", Less),
            ("u", "ư", Less),
            ("ô", "ơ", Less),
            ("ơ", "p", Less),
            ("d", "đ", Less),
            ("đ", "e", Less),
            // Case only breaks ties: lowercase first.
            ("hà nội", "Hà Nội", Less),
            ("Hà Nội", "Hà nội", Greater),
            // Tones break ties before case.
            ("Ha", "há", Less),
            // Prefix and whitespace handling.
            ("Hà", "Hà Nội", Less),
            ("", "a", Less),
            ("", "", Equal),
            ("  Hà   Nội ", "Hà Nội", Less),
            ("Phường 1", "Phường A", Less),
            ("A-B", "AB", Less),
            ("1", "A", Less),
            ("Hoà Bình", "Hòa Bình", Less),
            ("\u{0301}", "", Greater),
        ];
        for &(a, b, expected) in cases {
            assert_eq!(compare(a, b), expected, "compare({a:?}, {b:?})");
            assert_eq!(compare(b, a), expected.reverse(), "compare({b:?}, {a:?})");
            assert_eq!(sort_key(a).cmp(&sort_key(b)), expected, "sort_key {a:?}");
        }
    }

    #[test]
    fn tones_sort_in_dictionary_order() {
        let expected = ["a", "à", "ả", "ã", "á", "ạ"];
        for mut shuffled in shuffles(&expected) {
            shuffled.sort_by(|a, b| compare(a, b));
            assert_eq!(shuffled, expected);
        }
        // Stacked marks arrive in combining-class order after NFD.
        let stacked = ["â", "ầ", "ẩ", "ẫ", "ấ", "ậ", "b"];
        for pair in stacked.windows(2) {
            assert_eq!(compare(pair[0], pair[1]), Ordering::Less, "{pair:?}");
        }
    }

    #[test]
    fn syllable_tone_ignores_mark_placement() {
        // Old and new tone placement differ only in the final NFC tie-break.
        let old = sort_key("Hòa");
        let new = sort_key("Hoà");
        assert_eq!(old.0, new.0);
        assert_eq!(old.1, new.1);
        assert_eq!(old.2, new.2);
        assert_ne!(old, new);
    }

    #[test]
    fn alphabet_is_precomposed_and_ordered() {
        let joined: String = ALPHABET.iter().collect();
        assert_eq!(joined.nfc().collect::<String>(), joined);
        assert_eq!(ALPHABET.len(), 26 + 7);
    }
}
