//! An article's words for the full-text search: each distinct word of its
//! text, folded as [`vi::fold`] folds, in order of first use.

use std::cell::RefCell;

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
    VOCABULARY.with_borrow_mut(|vocabulary| vocabulary.distinct_folded_words(text))
}

thread_local! {
    /// The runs each thread has read, kept from text to text: most runs
    /// of a text were read in earlier ones, and are only looked up.
    static VOCABULARY: RefCell<Vocabulary> = RefCell::default();
}

/// Runs read (see [`for_each_run`]) and the folded words each makes.
#[derive(Default)]
struct Vocabulary {
    runs: Interner,
    /// For each run, by its number: its words' numbers, as a range of
    /// `run_words`.
    folds: Vec<(usize, usize)>,
    run_words: Vec<usize>,
    words: Interner,
    /// For each word, by its number: the last text it was written for.
    written_in: Vec<u64>,
    /// The number of the text being read, from 1.
    text: u64,
}

impl Vocabulary {
    /// Runs, and bytes of them, kept at most: past either (a `serve`
    /// session over years of articles, or text of long unique runs), the
    /// vocabulary starts again. A province's articles make well under a
    /// megabyte.
    const MOST_RUNS: usize = 1 << 20;
    const MOST_BYTES: usize = 1 << 24;

    fn distinct_folded_words(&mut self, text: &str) -> String {
        if self.runs.len() >= Self::MOST_RUNS || self.runs.text.len() >= Self::MOST_BYTES {
            *self = Vocabulary::default();
        }
        self.text += 1;
        let mut out = String::new();
        for_each_run(text, |run| {
            let run = match self.runs.find(run) {
                Some(known) => known,
                None => self.learn(run),
            };
            let (from, to) = self.folds[run];
            for &word in &self.run_words[from..to] {
                let written = &mut self.written_in[word];
                if *written != self.text {
                    *written = self.text;
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(self.words.get(word));
                }
            }
        });
        out
    }

    /// Folds a run read for the first time and takes it, returning its
    /// number.
    fn learn(&mut self, run: &str) -> usize {
        let from = self.run_words.len();
        fold_run(run, |word| {
            let number = match self.words.find(word) {
                Some(known) => known,
                None => {
                    self.written_in.push(0);
                    self.words.add(word)
                }
            };
            self.run_words.push(number);
        });
        self.folds.push((from, self.run_words.len()));
        self.runs.add(run)
    }
}

/// Calls `f` with each run of `text`, in order: each longest stretch of
/// ASCII letters and digits and of characters outside ASCII (mostly the
/// words between spaces and punctuation).
fn for_each_run(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    // Their ends are found 64 bytes at a time, as bits of a mask, rather
    // than byte by byte, where the processor mispredicted the end of
    // nearly every word.
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
            } else {
                f(&text[start..at + bit as usize]);
            }
            events &= events - 1;
        }
        carried = runs >> 63;
    }
    // A run to the end of a text of a multiple of 64 bytes.
    if carried == 1 {
        f(&text[start..]);
    }
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
fn fold_run(run: &str, mut f: impl FnMut(&str)) {
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
            f(&plain);
        } else {
            for piece in words(&vi::fold(word)) {
                f(piece);
            }
        }
    }
}

/// Strings, each numbered from 0 in the order taken, held in one text. A
/// lookup of a string of up to 8 bytes (most runs and folded words of
/// Vietnamese: "ha", "tinh", "người") compares no bytes: it is the integer
/// its bytes make, zero-padded (a run or word holds no NUL, so two such
/// strings are equal exactly when their integers are).
#[derive(Default)]
struct Interner {
    /// (integer, number) of each short string.
    short: HashTable<(u64, usize)>,
    /// The number of each longer string.
    long: HashTable<usize>,
    /// Where each string stands in `text`, by its number.
    spans: Vec<(usize, usize)>,
    text: String,
    /// aHash (already under Tera): SipHash was a third of the words' time.
    hasher: ahash::RandomState,
}

impl Interner {
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn get(&self, number: usize) -> &str {
        let (start, end) = self.spans[number];
        &self.text[start..end]
    }

    fn find(&self, s: &str) -> Option<usize> {
        match short_key(s) {
            Some(key) => self
                .short
                .find(self.hasher.hash_one(key), |&(k, _)| k == key)
                .map(|&(_, number)| number),
            None => self
                .long
                .find(self.hasher.hash_one(s), |&n| self.get(n) == s)
                .copied(),
        }
    }

    /// Takes `s`, which [`Interner::find`] did not find, returning its
    /// number.
    fn add(&mut self, s: &str) -> usize {
        let number = self.spans.len();
        let start = self.text.len();
        self.text.push_str(s);
        self.spans.push((start, self.text.len()));
        let Interner {
            short,
            long,
            spans,
            text,
            hasher,
        } = self;
        match short_key(s) {
            Some(key) => {
                short.insert_unique(hasher.hash_one(key), (key, number), |&(k, _)| {
                    hasher.hash_one(k)
                });
            }
            None => {
                let text_of = |n: usize| &text[spans[n].0..spans[n].1];
                long.insert_unique(hasher.hash_one(s), number, |&n| hasher.hash_one(text_of(n)));
            }
        }
        number
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
    fn each_text_has_its_own_words_whatever_was_read_before() {
        let mut vocabulary = Vocabulary::default();
        let mut read = |text| vocabulary.distinct_folded_words(text);
        assert_eq!(read("Hà Tĩnh, hà"), "ha tinh");
        assert_eq!(read("Hà Nội Hà"), "ha noi");
        assert_eq!(read(""), "");
        assert_eq!(read("Tĩnh"), "tinh");
        // Full, it starts again, and the words are the same.
        vocabulary.runs.text = "x".repeat(Vocabulary::MOST_BYTES);
        assert_eq!(vocabulary.distinct_folded_words("Nội, Hà"), "noi ha");
        assert_eq!(vocabulary.runs.len(), 2);
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
