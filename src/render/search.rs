//! The offline search index, built at build time: one small JSON file
//! (`tim-kiem/chi-muc.json`) listing units (with former names and a line
//! per year of results), indices, each ranking table, and articles by
//! their title, summary and tags; and a second file
//! (`tim-kiem/toan-van.json`) with every distinct word of each article,
//! which the page fetches after the first so that the first results come
//! quickly. Text is folded with [`vi::fold`], so the page's script only
//! folds the query the same way and matches words: "so khoa hoc" finds
//! "Sở Khoa học và Công nghệ". Abbreviations (`ubnd`, `khcn`, `tp hcm`)
//! are matched by the script, against the initials of the words.

use std::borrow::Borrow;

use hashbrown::HashTable;

use rayon::prelude::*;
use serde::Serialize;

use super::figure::{self, Format};
use super::urls::Urls;
use crate::content::{Article, Content};
use crate::model::{Site, UnitId};
use crate::vi;

/// Where the index is written, site-relative.
pub const INDEX_PATH: &str = "tim-kiem/chi-muc.json";

/// Where the articles' words are written, site-relative.
pub const FULL_TEXT_PATH: &str = "tim-kiem/toan-van.json";

/// One thing the search can find.
#[derive(Debug, Serialize, PartialEq)]
pub struct Entry {
    /// What it is, shown with the result ("Đơn vị", "Chỉ số", …).
    pub kind: &'static str,
    pub title: String,
    pub url: String,
    /// A line shown under the title.
    pub text: String,
    /// Folded title, matched first.
    pub ft: String,
    /// Folded searchable text (title, other names, summary, tags).
    pub fx: String,
    /// For a unit: each year it has results, latest first, with a line of
    /// its results that year; a query naming the year shows that line and
    /// links to the year on the unit's page.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub y: Vec<(i32, String)>,
    /// For an article: every distinct folded word of its text, written to
    /// [`FULL_TEXT_PATH`] rather than to the index.
    #[serde(skip)]
    pub words: String,
}

fn entry(kind: &'static str, title: &str, url: String, text: String, more: &[&str]) -> Entry {
    let mut all = vec![title, text.as_str()];
    all.extend_from_slice(more);
    Entry {
        kind,
        title: title.to_owned(),
        url,
        ft: vi::fold(title),
        fx: vi::fold(&all.join(" ")),
        text,
        y: Vec::new(),
        words: String::new(),
    }
}

/// Every entry, in a fixed order: indices, units, ranking pages, articles.
pub fn entries(
    site: &Site,
    content: &Content,
    articles_html: &[super::shortcodes::Expanded],
    urls: &Urls,
) -> Vec<Entry> {
    let mut out = model_entries(site, urls);
    // Articles are the most and the costliest entries: fold them in parallel.
    out.par_extend(
        content
            .articles
            .par_iter()
            .zip(articles_html)
            .map(|(article, html)| article_entry(article, html, urls)),
    );
    out
}

/// The entries of the model, the first of [`entries`]: indices, units,
/// ranking pages.
pub fn model_entries(site: &Site, urls: &Urls) -> Vec<Entry> {
    let mut out = Vec::new();
    for def in &site.indices {
        let short = def.short_name.as_str();
        out.push(entry(
            "Chỉ số",
            &def.name,
            urls.index(&def.id),
            def.publisher.clone().unwrap_or_default(),
            &[short, &def.id],
        ));
    }
    out.extend(site.units.ids().map(|u| unit_entry(site, u, urls)));
    // One entry per table, found by its index and year ("PAR Index 2023")
    // as well as by its group, pointing at the table on its page.
    for (t, table) in site.tables.iter_enumerated() {
        let (def, group) = (&site.indices[table.index], &site.groups[table.group]);
        let title = format!("{} {}: {}", def.short_name, table.year, group.name);
        let url = urls.table(site, t);
        let text = figure::title::ranking(&group.name, table.year);
        out.push(entry(
            "Bảng xếp hạng",
            &title,
            url,
            text,
            &[&def.name, &def.id],
        ));
    }
    out
}

/// A unit's entry; units follow the indices, in unit order.
pub fn unit_entry(site: &Site, u: UnitId, urls: &Urls) -> Entry {
    let unit = &site.units[u];
    let mut text = unit.kind.clone();
    if !unit.former_names.is_empty() {
        text.push_str(&format!(
            " · Tên trước đây: {}",
            unit.former_names.join(", ")
        ));
    }
    let former: Vec<&str> = unit.former_names.iter().map(String::as_str).collect();
    let mut found = entry("Đơn vị", &unit.name, urls.unit(&unit.id), text, &former);
    found.y = year_lines(site, u);
    found
}

/// An article's entry; articles are the last entries, in article order.
pub fn article_entry(article: &Article, html: &super::shortcodes::Expanded, urls: &Urls) -> Entry {
    // The index is downloaded whole by the search page, on phones too: an
    // article is found there by its title, summary and tags, and by the
    // words of its text once the full-text file has come.
    let tags = article.front.tags.join(", ");
    let summary = article.front.summary.clone();
    let mut found = entry(
        "Bài viết",
        &article.front.title,
        urls.article(&article.slug),
        summary,
        &[&tags],
    );
    found.words = distinct_folded_words(&strip_tags(&html.html));
    found
}

/// The words of `text`: its runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c| !is_word_char(c)).filter(|w| !w.is_empty())
}

/// Each distinct word of a text once folded, in order of first use,
/// separated by spaces: the search matches folded words, so a word said
/// twice ("Hà", "hà") adds nothing. Each word is folded on its own, as
/// [`vi::fold`] would fold it, and split again where folding left a
/// character that is not a letter.
fn distinct_folded_words(text: &str) -> String {
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

/// A unit's results, one line per year, latest first:
/// `PAR Index 88,35% (18/63) · SIPAS 88,97% (4/63)`.
fn year_lines(site: &Site, unit: UnitId) -> Vec<(i32, String)> {
    let mut lines: Vec<(i32, String)> = Vec::new();
    for result in site.results_of(unit) {
        let (table, row) = (result.table, result.row);
        let def = &site.indices[table.index];
        let format = Format {
            decimals: row.decimals,
            unit_label: &def.unit_label,
        };
        let mut part = def.short_name.clone();
        if let Some(value) = row.value {
            part.push(' ');
            part.push_str(&format.value(value));
        }
        match (row.rank, row.of) {
            (Some(rank), Some(of)) => part.push_str(&format!(" ({rank}/{of})")),
            (Some(rank), None) => part.push_str(&format!(" (thứ {rank})")),
            _ => {}
        }
        match lines.iter_mut().find(|(year, _)| *year == table.year) {
            Some((_, line)) => {
                line.push_str(" · ");
                line.push_str(&part);
            }
            None => lines.push((table.year, part)),
        }
    }
    lines.sort_by_key(|&(year, _)| std::cmp::Reverse(year));
    lines
}

/// Entries as a JSON list, whether held as they are or shared (`serve`
/// keeps them in `Arc`s, to update a few between edits).
struct List<'e, E>(&'e [E]);

impl<E: Borrow<Entry>> Serialize for List<'_, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(Borrow::borrow))
    }
}

/// The index as JSON.
pub fn index_json(entries: &[impl Borrow<Entry>]) -> String {
    serde_json::to_string(&List(entries)).unwrap_or_else(|_| "[]".to_owned())
}

/// The words of every article, as a JSON list in article order: the
/// articles are the last entries of the index, so the page pairs the two
/// lists from their ends.
pub fn full_text_json(entries: &[impl Borrow<Entry>]) -> String {
    let words: Vec<&str> = entries
        .iter()
        .map(Borrow::borrow)
        .filter(|e| e.kind == "Bài viết")
        .map(|e| e.words.as_str())
        .collect();
    serde_json::to_string(&words).unwrap_or_else(|_| "[]".to_owned())
}

/// The two files of the search, site-relative path and bytes, made side by
/// side: they are the last thing a build of many articles makes (4 MB
/// each for 10,000 articles).
pub fn files<E: Borrow<Entry> + Sync>(entries: &[E]) -> [(String, Vec<u8>); 2] {
    let (index, full_text) = rayon::join(|| index_json(entries), || full_text_json(entries));
    [
        (INDEX_PATH.to_owned(), index.into_bytes()),
        (FULL_TEXT_PATH.to_owned(), full_text.into_bytes()),
    ]
}

/// The text of HTML that chiso rendered itself: tags dropped, the few
/// entities pulldown-cmark writes decoded.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // memchr's search (SIMD) rather than `str::find`'s word-at-a-time one:
    // an article's text is long runs between tags.
    while let Some(open) = memchr::memchr(b'<', rest.as_bytes()) {
        out.push_str(&rest[..open]);
        match memchr::memchr(b'>', &rest.as_bytes()[open..]) {
            Some(close) => {
                out.push(' ');
                rest = &rest[open + close + 1..];
            }
            // An unclosed tag hides the rest, as a browser would.
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    decode_entities(out)
}

/// Decodes the entities pulldown-cmark writes, in one pass (five
/// `replace` calls made five copies of every article's text).
fn decode_entities(text: String) -> String {
    const ENTITIES: [(&str, char); 5] = [
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&amp;", '&'),
    ];
    if !text.contains('&') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(entity, _)| rest.starts_with(entity)) {
            Some((entity, c)) => {
                out.push(*c);
                rest = &rest[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn word_characters_are_what_unicode_says() {
        for c in (0..0x2000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }
    use super::*;

    #[test]
    fn tags_are_stripped() {
        let html = "<p>Một <em>hai</em> &amp; ba</p><p>bốn năm</p>";
        assert_eq!(
            strip_tags(html).split_whitespace().collect::<Vec<_>>(),
            ["Một", "hai", "&", "ba", "bốn", "năm"]
        );
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

    #[test]
    fn entities_are_decoded_once() {
        for text in [
            "a &amp; b",
            "&amp;lt; stays &lt; once",
            "&lt;&gt;&quot;&#39;&amp;",
            "&&#39; & &x; &",
            "no entity",
            "Sở &quot;Tư pháp&quot;",
        ] {
            let chained = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            assert_eq!(decode_entities(text.to_owned()), chained, "{text}");
        }
    }

    #[test]
    fn entries_hold_folded_text_for_diacritic_free_queries() {
        let e = entry(
            "Đơn vị",
            "Sở Khoa học và Công nghệ",
            "/don-vi/x/".into(),
            "Sở".into(),
            &["Sở Khoa học, Công nghệ và Môi trường"],
        );
        assert_eq!(e.ft, "so khoa hoc va cong nghe");
        assert!(e.fx.contains("moi truong"));
        let json = index_json(&[e]);
        assert!(json.contains("\"title\":\"Sở Khoa học và Công nghệ\""));
    }

    #[test]
    fn tags_are_stripped_and_entities_decoded() {
        assert_eq!(
            strip_tags("<p>A &amp; <em>B</em></p>")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["A", "&", "B"]
        );
    }
}
