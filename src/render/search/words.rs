//! An article's words for the full-text search: each distinct word of its
//! text, folded as [`vi::fold`] folds, in order of first use.

use hashbrown::HashTable;

use crate::vi;

/// The words of `text`: its runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c| !is_word_char(c)).filter(|w| !w.is_empty())
}

/// Each distinct word of a text once folded, in order of first use,
/// separated by spaces: the search matches folded words, so a word said
/// twice ("Hà", "hà") adds nothing. Each word is folded on its own, as
/// [`vi::fold`] would fold it, and split again where folding left a
/// character that is not a letter.
pub(super) fn distinct_folded_words(text: &str) -> String {
    let mut distinct = Distinct::new(text.len());
    let mut seen = Seen::new(text);
    let bytes = text.as_bytes();
    // The text is read as runs of ASCII letters and digits and of bytes of
    // other characters (mostly the words between spaces and punctuation).
    // Their ends are found 64 bytes at a time, as bits of a mask, rather
    // than byte by byte, where the processor mispredicted the end of
    // nearly every word. A run read for the first time is split into
    // words and folded; one said again (most of a text) is only looked up.
    let mut start = 0;
    // 1 when the byte before the block is in a run.
    let mut carried = 0u64;
    for at in (0..bytes.len()).step_by(64) {
        let runs = run_mask(&bytes[at..]);
        let before = (runs << 1) | carried;
        let starts = runs & !before;
        // The byte after each run's last.
        let ends = !runs & before;
        let mut events = starts | ends;
        while events != 0 {
            let bit = events.trailing_zeros();
            if starts >> bit & 1 == 1 {
                start = at + bit as usize;
            } else if seen.first(start, at + bit as usize) {
                fold_run(&text[start..at + bit as usize], &mut distinct);
            }
            events &= events - 1;
        }
        carried = runs >> 63;
    }
    // A run to the end of a text of a multiple of 64 bytes.
    if carried == 1 && seen.first(start, bytes.len()) {
        fold_run(&text[start..], &mut distinct);
    }
    distinct.out
}

/// Which of the first 64 bytes of `bytes` are in a run (see
/// [`run_bytes`]), a bit each, the first byte the lowest; bytes past the
/// end are not.
fn run_mask(bytes: &[u8]) -> u64 {
    let mut mask = 0;
    for k in 0..8 {
        let mut word = [0u8; 8];
        let chunk = bytes.get(8 * k..).unwrap_or_default();
        let n = chunk.len().min(8);
        word[..n].copy_from_slice(&chunk[..n]);
        // The high bit of each byte to bit k of a byte: the multiplication
        // gathers them (no two products meet, none carries).
        let high = run_bytes(u64::from_le_bytes(word)) >> 7;
        mask |= (high.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
    }
    mask
}

/// The bytes of `word` that are in a run, as their high bits: ASCII
/// letters and digits, and every byte of a character outside ASCII.
/// Computed for the 8 bytes at once: for 7-bit `x`, `x + (0x80 - lo)`
/// reaches the high bit exactly when `x >= lo`, and no byte carries into
/// the next.
fn run_bytes(word: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const EACH: u64 = 0x0101_0101_0101_0101;
    let seven = word & !HIGH;
    let at_least = |x: u64, lo: u8| x + EACH * u64::from(0x80 - lo);
    let above = |x: u64, hi: u8| x + EACH * u64::from(0x7F - hi);
    let digit = at_least(seven, b'0') & !above(seven, b'9');
    let lower = seven | (EACH * 0x20);
    let letter = at_least(lower, b'a') & !above(lower, b'z');
    (word | digit | letter) & HIGH
}

/// The words of a run, each folded on its own as [`vi::fold`] would fold
/// it, and split again where folding left a character that is not a
/// letter.
fn fold_run(run: &str, distinct: &mut Distinct) {
    let mut plain = String::new();
    for word in words(run) {
        // Most Vietnamese words: every character folds to an ASCII letter
        // or digit.
        plain.clear();
        let is_plain = word.chars().all(|c| match vi::ascii_fold(c) {
            Some(a) if a.is_ascii_alphanumeric() => {
                plain.push(a);
                true
            }
            _ => false,
        });
        if is_plain {
            distinct.add(&plain);
        } else {
            for piece in words(&vi::fold(word)) {
                distinct.add(piece);
            }
        }
    }
}

/// The runs of a text read so far, by their bytes.
struct Seen<'t> {
    text: &'t str,
    runs: WordSet,
}

impl<'t> Seen<'t> {
    fn new(text: &'t str) -> Self {
        Seen {
            text,
            runs: WordSet::with_capacity(text.len() / 32),
        }
    }

    /// Whether the run from `start` to `end` is read for the first time.
    fn first(&mut self, start: usize, end: usize) -> bool {
        self.runs
            .insert(&self.text[start..end], self.text, (start, end))
    }
}

/// Words, each kept once, in order of first use, separated by spaces.
struct Distinct {
    out: String,
    words: WordSet,
}

impl Distinct {
    /// Room for the words of a text of `len` bytes.
    fn new(len: usize) -> Distinct {
        Distinct {
            out: String::new(),
            words: WordSet::with_capacity(len / 16),
        }
    }

    fn add(&mut self, word: &str) {
        // Where the word will stand in `out` (after a space), should it be
        // new.
        let start = self.out.len() + usize::from(!self.out.is_empty());
        if self
            .words
            .insert(word, &self.out, (start, start + word.len()))
        {
            if !self.out.is_empty() {
                self.out.push(' ');
            }
            self.out.push_str(word);
        }
    }
}

/// A set of words (or runs of a text), none with a string of its own: a
/// word of up to 8 bytes (most folded Vietnamese words: "ha", "tinh") as
/// the integer its bytes make, zero-padded (a word holds no NUL, so two
/// such words are equal exactly when their integers are, and a lookup
/// compares no bytes); a longer one by where it stands in the text the set
/// is kept beside.
struct WordSet {
    short: HashTable<u64>,
    /// (start, end) in the text kept beside.
    long: HashTable<(usize, usize)>,
    /// aHash (already under Tera): SipHash was a third of the words' time.
    hasher: ahash::RandomState,
}

impl WordSet {
    fn with_capacity(short: usize) -> Self {
        WordSet {
            short: HashTable::with_capacity(short),
            long: HashTable::new(),
            hasher: ahash::RandomState::new(),
        }
    }

    /// Whether `word` is new, taking it: a longer word stands at `at` in
    /// `text` (or will, when it is added there once taken), where the
    /// longer words taken before stand.
    fn insert(&mut self, word: &str, text: &str, at: (usize, usize)) -> bool {
        let WordSet {
            short,
            long,
            hasher,
        } = self;
        if let Some(key) = short_key(word) {
            let hash = hasher.hash_one(key);
            if short.find(hash, |&k| k == key).is_some() {
                return false;
            }
            short.insert_unique(hash, key, |&k| hasher.hash_one(k));
            return true;
        }
        let hash = hasher.hash_one(word);
        if long.find(hash, |&(s, e)| &text[s..e] == word).is_some() {
            return false;
        }
        long.insert_unique(hash, at, |&(s, e)| hasher.hash_one(&text[s..e]));
        true
    }
}

/// A word of up to 8 bytes as one integer (its bytes, zero-padded).
fn short_key(word: &str) -> Option<u64> {
    // Read as two loads of 4 (or 2) bytes, the second ending where the
    // word does, overlapping the first (the bytes both hold land on the
    // same place): copying a few bytes into an array and reading it whole
    // stalled the processor at each word.
    fn load<const N: usize>(bytes: &[u8], at: usize) -> u64 {
        let mut part = [0u8; 8];
        part[..N].copy_from_slice(&bytes[at..at + N]);
        u64::from_le_bytes(part)
    }
    let bytes = word.as_bytes();
    let n = bytes.len();
    Some(match n {
        9.. => return None,
        8 => load::<8>(bytes, 0),
        4..=7 => load::<4>(bytes, 0) | load::<4>(bytes, n - 4) << (8 * (n - 4)),
        2..=3 => load::<2>(bytes, 0) | load::<2>(bytes, n - 2) << (8 * (n - 2)),
        1 => u64::from(bytes[0]),
        0 => 0,
    })
}

/// Whether `c` is a letter or digit, with Vietnamese text's characters
/// answered without the Unicode tables: ASCII, then the Latin blocks its
/// letters with diacritics come from (À–ɏ, save × and ÷; Ạ–ỹ), where every
/// character is a letter.
fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '×' | '÷' => false,
        'À'..='ɏ' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_characters_are_what_unicode_says() {
        for c in (0..0x2000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn an_article_keeps_each_folded_word_once_in_order() {
        assert_eq!(
            distinct_folded_words("Cải cách, hành chính: cai CÁCH (2023) hanh"),
            "cai cach hanh chinh 2023"
        );
        assert_eq!(distinct_folded_words(""), "");
        assert_eq!(distinct_folded_words(" ,. "), "");
    }

    #[test]
    fn a_short_word_s_key_is_its_bytes_zero_padded() {
        let text = "abcdefghi";
        for n in 0..=9 {
            let word = &text[..n];
            let mut padded = [0u8; 8];
            let want = (n <= 8).then(|| {
                padded[..n].copy_from_slice(word.as_bytes());
                u64::from_le_bytes(padded)
            });
            assert_eq!(short_key(word), want, "{word:?}");
        }
    }

    #[test]
    fn words_of_eight_bytes_or_fewer_and_longer_ones_are_each_kept_once() {
        // Around the 8 bytes a word is kept as one integer: a word and its
        // prefixes, a word and the same word zero-padded in meaning only.
        let text = "a ab abcdefgh abcdefghi abcdefgh a abcdefghi ab abcdefghij ĐĐĐĐĐĐĐĐ dddddddd";
        assert_eq!(
            distinct_folded_words(text),
            "a ab abcdefgh abcdefghi abcdefghij dddddddd"
        );
    }

    #[test]
    fn folding_word_by_word_agrees_with_folding_the_distinct_words() {
        // The definition: the distinct words, folded together, and the
        // distinct words of that.
        fn reference(text: &str) -> String {
            fn distinct<'t>(words: impl Iterator<Item = &'t str>) -> String {
                let mut seen = std::collections::HashSet::new();
                words
                    .filter(|w| seen.insert(*w))
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            distinct(words(&vi::fold(&distinct(words(text)))))
        }
        // Pieces that fold to two words or none, marks that fold away,
        // characters folding leaves as they are; picked by a seeded
        // generator.
        let pieces = [
            "Hà",
            "hà",
            "HÀ",
            " ",
            ", ",
            "Đ",
            "đ",
            "e\u{301}",
            "x\u{301}y",
            "İ",
            "ǅ",
            "ß",
            "Æ",
            "ŉ",
            "한국",
            "\u{1100}\u{1161}",
            "12",
            "x",
            "-",
            "×",
            "\u{345}",
            "Ⓐ",
            "ﬁ",
            // Four-byte characters, letters and not; separators outside
            // ASCII; runs of more than eight bytes; a NUL.
            "𝐀",
            "😀",
            "\u{a0}",
            "–",
            "…",
            "nghiêng",
            "Chuyểnđổi",
            "abcdefgh",
            "\0",
        ];
        let mut x: u32 = 7;
        for _ in 0..3000 {
            let mut text = String::new();
            // Up to 48 pieces: texts across the 64-byte blocks runs are
            // found in.
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            for _ in 0..1 + (x >> 16) % 48 {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                text.push_str(pieces[(x >> 16) as usize % pieces.len()]);
            }
            assert_eq!(distinct_folded_words(&text), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn runs_are_found_across_blocks_and_to_the_end() {
        for n in [63, 64, 65, 127, 128, 129] {
            // One long run ending at byte `n`, then the same after a space;
            // a run ending exactly at each block's end.
            let long = "a".repeat(n);
            for text in [
                long.clone(),
                format!("{long} {long}"),
                format!("{} xy", "b".repeat(n)),
                format!("{} Hà", " ".repeat(n)),
                format!("{}Hà", ".".repeat(n - 2)),
            ] {
                let expected: Vec<String> = {
                    let mut seen = std::collections::HashSet::new();
                    words(&vi::fold(&text))
                        .filter(|w| seen.insert(w.to_string()))
                        .map(str::to_owned)
                        .collect()
                };
                assert_eq!(
                    distinct_folded_words(&text),
                    expected.join(" "),
                    "{n}: {text:?}"
                );
            }
        }
    }
}
