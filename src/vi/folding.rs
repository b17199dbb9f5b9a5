//! Slugs and folded text: Vietnamese diacritics removed, đ → d, for URL
//! segments, ids and diacritic-free search.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The Combining Diacritical Marks block, which holds every Vietnamese tone
/// and vowel-quality mark after NFD.
fn is_latin_diacritic(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// What [`fold`] makes of one character that is not ASCII.
fn fold_char(c: char, push: &mut impl FnMut(char)) {
    // Lowercase before decomposing: some lowercase mappings (İ → i̇)
    // introduce combining marks that the next step must still see. Only the
    // Latin diacritic block is stripped: marks of other scripts are part of
    // their letters and stripping them would change meaning.
    for lower in c.to_lowercase() {
        unicode_normalization::char::decompose_canonical(lower, |d| {
            if !is_latin_diacritic(d) {
                push(if d == 'đ' { 'd' } else { d });
            }
        });
    }
}

/// The first character of [`latin_folds`]: À.
const LATIN_START: usize = 0xC0;

/// For each character from U+00C0 to U+1EFF (Latin-1 to Latin Extended
/// Additional, where every Vietnamese letter is), the ASCII letter
/// [`fold_char`] makes of it, or 0 when it makes something else. Vietnamese
/// text has a letter with a diacritic every few characters, and looking it
/// up here is a fraction of lowercasing and decomposing it.
fn latin_folds() -> &'static [u8] {
    static FOLDS: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    FOLDS.get_or_init(|| {
        (LATIN_START..=0x1EFF)
            .map(|u| {
                let mut folded = Vec::new();
                if let Some(c) = u32::try_from(u).ok().and_then(char::from_u32) {
                    fold_char(c, &mut |d| folded.push(d));
                }
                match folded[..] {
                    [d] if d.is_ascii() => d as u8,
                    _ => 0,
                }
            })
            .collect()
    })
}

/// The one ASCII character [`fold`] makes of `c`, when it makes one: an
/// ASCII character lowercased, or a Latin letter with diacritics, looked up.
pub fn ascii_fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    latin_folds()
        .get((c as usize).wrapping_sub(LATIN_START))
        .filter(|&&b| b != 0)
        .map(|&b| char::from(b))
}

/// Build a URL slug: lowercase ASCII letters and digits, diacritics dropped,
/// đ/Đ → d, every run of other characters collapsed to a single '-', no
/// leading or trailing '-'.
///
/// Non-Latin letters that have no ASCII base count as separators.
///
/// ```
/// use chiso::vi::slugify;
/// assert_eq!(slugify("Sở Khoa học và Công nghệ"), "so-khoa-hoc-va-cong-nghe");
/// assert_eq!(slugify("Đức Thọ"), "duc-tho");
/// assert_eq!(slugify("  "), "");
/// ```
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let mut push = |c: char| {
        // đ is a letter of its own in Unicode and has no decomposition.
        let c = if matches!(c, 'đ' | 'Đ') { 'd' } else { c };
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    };
    // Character by character (an NFD iterator buffers and reorders marks,
    // which are dropped anyway): headings are slugged by the thousand.
    for c in text.chars() {
        if c.is_ascii() {
            push(c);
            continue;
        }
        // Full-width forms (`ｃｈｉ ｓｏ`, typed with an East Asian input
        // method) are their ASCII letters and digits (adv25 m5).
        if let Some(narrow) = full_width_ascii(c) {
            push(narrow);
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |d| {
            // Any combining mark, not just the Latin block: a mark is never
            // a word boundary, so it must not split a word into two parts.
            if !is_combining_mark(d) {
                push(d);
            }
        });
    }
    out
}

/// The ASCII character of a full-width form (U+FF01–U+FF5E), as NFKC
/// maps it.
fn full_width_ascii(c: char) -> Option<char> {
    let code = u32::from(c);
    (0xFF01..=0xFF5E)
        .contains(&code)
        .then(|| char::from_u32(code - 0xFEE0))
        .flatten()
}

/// Whether `text` is an id: not empty, and its own [`slugify`] (lowercase
/// ASCII letters and digits in words joined by single `-`).
///
/// ```
/// use chiso::vi::is_slug;
/// assert!(is_slug("ha-tinh"));
/// assert!(!is_slug("../x") && !is_slug("Ha-Tinh") && !is_slug(""));
/// ```
pub fn is_slug(text: &str) -> bool {
    !text.is_empty() && slugify(text) == text
}

/// The most bytes a name may have that becomes one file or folder name of
/// the built site: an id of a unit, group, region, index or component, an
/// article's slug, a tag's slug. File systems allow 255 bytes per name, an
/// encrypted home folder (eCryptfs) about 140; chiso adds up to 10 bytes
/// (`-excel.csv`) and, while writing, `.chiso-tmp`. 100 leaves room for
/// those, and is already far longer than a name worth typing in a URL.
/// Region and component ids are not in paths today, but are held to the
/// same rule so that an id is never fine as one kind and refused as another.
pub const MAX_NAME_BYTES: usize = 100;

/// Whether `name` (an id, a slug) is too long to name a file or folder of
/// the built site ([`MAX_NAME_BYTES`]).
pub fn is_too_long(name: &str) -> bool {
    name.len() > MAX_NAME_BYTES
}

/// `slug` cut to at most [`MAX_NAME_BYTES`] at a word's end (`-`), for a
/// slug chiso makes itself from a long title (`chiso new article`).
pub fn shortened_slug(slug: &str) -> &str {
    if !is_too_long(slug) {
        return slug;
    }
    // A slug is ASCII: every byte is a character boundary.
    let head = &slug[..=MAX_NAME_BYTES];
    match head.rfind('-') {
        Some(end) if end > 0 => &head[..end],
        _ => &slug[..MAX_NAME_BYTES],
    }
}

/// Whether `name` is one Windows keeps for a device (`con`, `nul`, `com1`,
/// …): no file or folder can have it there, with or without an extension,
/// so a site with a page at `/tin-tuc/con/` cannot be built or copied on
/// Windows.
pub fn is_reserved_on_windows(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    match stem.as_str() {
        "con" | "prn" | "aux" | "nul" => true,
        _ => {
            let (device, number) = stem.split_at(stem.len().min(3));
            matches!(device, "com" | "lpt")
                && number.len() == 1
                && number.bytes().all(|b| (b'1'..=b'9').contains(&b))
        }
    }
}

/// Fold text for search and matching: normalisation-insensitive, lowercase,
/// Vietnamese diacritics removed, đ → d, whitespace runs collapsed to one
/// space and trimmed. "  Sở  KHOA học " → "so khoa hoc".
///
/// Punctuation and non-Latin scripts are kept; the result is NFC.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let mut ascii = true;
    let mut push = |c: char| {
        if c.is_whitespace() {
            gap = true;
            return;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        ascii &= c.is_ascii();
        out.push(c);
    };
    for c in text.chars() {
        match ascii_fold(c) {
            Some(a) => push(a),
            None => fold_char(c, &mut push),
        }
    }
    // Vietnamese folds to ASCII; anything else that survived (e.g. Hangul)
    // is recomposed (and its marks put in canonical order), so the result is
    // ordinary NFC text.
    if ascii {
        out
    } else {
        out.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 5,000 texts of six pieces each, picked by a seeded generator: the
    /// same texts on every run.
    fn texts_of<'p>(pieces: &'p [&str], seed: u32) -> impl Iterator<Item = String> + 'p {
        let mut x = seed;
        (0..5000).map(move |_| {
            let mut text = String::new();
            for _ in 0..6 {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                text.push_str(pieces[(x >> 16) as usize % pieces.len()]);
            }
            text
        })
    }

    #[test]
    fn the_latin_table_folds_each_letter_as_decomposing_does() {
        let folds = latin_folds();
        for c in "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ".chars()
        {
            for c in [c, c.to_lowercase().next().unwrap()] {
                let mut slow = Vec::new();
                fold_char(c, &mut |d| slow.push(d));
                let fast = char::from(folds[c as usize - LATIN_START]);
                assert_eq!(slow, [fast], "{c}");
                assert!(fast.is_ascii_lowercase(), "{c}");
            }
        }
        // Characters that do not fold to one ASCII letter take the slow way.
        for c in ['ß', 'Æ', 'ŉ', 'Ǆ', '\u{1680}'] {
            assert_eq!(folds[c as usize - LATIN_START], 0, "{c:?}");
        }
        assert_eq!(fold("ĐỒNG Hới ß  Æ"), "dong hoi ß æ");
    }

    #[test]
    fn fold_matches_folding_the_whole_text_at_once() {
        // The definition: lowercase, NFD, drop Latin diacritics, đ → d,
        // collapse whitespace, NFC.
        fn reference(text: &str) -> String {
            let lower: String = text.chars().flat_map(char::to_lowercase).collect();
            let mut out = String::new();
            let mut gap = false;
            for c in lower.nfd().filter(|&c| !is_latin_diacritic(c)) {
                if c.is_whitespace() {
                    gap = true;
                    continue;
                }
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(if c == 'đ' { 'd' } else { c });
            }
            out.nfc().collect()
        }
        let pieces = [
            "Sở",
            "KHOA",
            "học",
            " ",
            "  ",
            "\t",
            "Đ",
            "đ",
            "İ",
            "ẞ",
            "한국",
            "가\u{0301}",
            "e\u{0323}\u{0302}",
            "e\u{0302}\u{0323}",
            "a\u{0951}\u{0301}",
            "Ω",
            "ǅ",
            "x",
            "-",
            "Hoà",
            "Hòa",
            "\u{0301}",
            "ﬁ",
            "Ⅻ",
        ];
        for text in texts_of(&pieces, 12345) {
            assert_eq!(fold(&text), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn slugify_matches_slugging_the_nfd_text() {
        fn reference(text: &str) -> String {
            let mut out = String::new();
            let mut gap = false;
            for c in text.nfd().filter(|&c| !is_combining_mark(c)) {
                let c = full_width_ascii(c).unwrap_or(c);
                let c = if matches!(c, 'đ' | 'Đ') { 'd' } else { c };
                if c.is_ascii_alphanumeric() {
                    if gap && !out.is_empty() {
                        out.push('-');
                    }
                    gap = false;
                    out.push(c.to_ascii_lowercase());
                } else {
                    gap = true;
                }
            }
            out
        }
        let pieces = [
            "Đ",
            "đ",
            "Sở",
            " ",
            "KHOA",
            "học",
            "Ứ",
            "e\u{301}",
            "\u{303}",
            "-",
            "İ",
            "Å",
            "한",
            "ǅ",
            "ﬁ",
            "2024",
            "!",
            "ệ",
            "Hà Tĩnh",
            "\t",
        ];
        for text in texts_of(&pieces, 777) {
            assert_eq!(slugify(&text), reference(&text), "{text:?}");
        }
        // Every character, between letters, as the whole text's NFD does.
        for c in ('\u{80}'..='\u{2FFF}').chain('\u{FB00}'..='\u{FFFF}') {
            let text = format!("a{c}b {c}");
            assert_eq!(slugify(&text), reference(&text), "{c:?}");
        }
    }

    #[test]
    fn long_slugs_are_cut_at_a_word() {
        let long = "chi-so-cai-cach-hanh-chinh-".repeat(10);
        let short = shortened_slug(&long);
        assert!(
            short.len() <= MAX_NAME_BYTES && !short.ends_with('-'),
            "{short}"
        );
        assert!(long.starts_with(short) && long[short.len()..].starts_with('-'));
        assert_eq!(shortened_slug("bao-cao"), "bao-cao");
        let word = "a".repeat(300);
        assert_eq!(shortened_slug(&word).len(), MAX_NAME_BYTES);
    }

    #[test]
    fn device_names_of_windows_are_known() {
        for name in ["con", "CON", "nul", "aux.html", "com1", "lpt9"] {
            assert!(is_reserved_on_windows(name), "{name}");
        }
        for name in ["con-ngua", "com", "com0", "com10", "console", "bao-cao", ""] {
            assert!(!is_reserved_on_windows(name), "{name}");
        }
    }

    #[test]
    fn slugify_table() {
        let cases: &[(&str, &str)] = &[
            ("Sở Khoa học và Công nghệ", "so-khoa-hoc-va-cong-nghe"),
            ("UBND thị xã Kỳ Anh", "ubnd-thi-xa-ky-anh"),
            ("Đức Thọ", "duc-tho"),
            ("PAR Index 2023!", "par-index-2023"),
            ("ｃｈｉ ｓｏ　２０２４", "chi-so-2024"),
            ("  ", ""),
            ("", ""),
            ("--Bà Rịa - Vũng Tàu--", "ba-ria-vung-tau"),
            ("Thừa Thiên Huế", "thua-thien-hue"),
            ("Ơ Ư Ă Â Ê Ô", "o-u-a-a-e-o"),
            ("Quận 1 / Phường 10", "quan-1-phuong-10"),
            ("!!!", ""),
            ("a\u{1DC4}b", "ab"),
        ];
        for &(text, expected) in cases {
            assert_eq!(slugify(text), expected, "slugify({text:?})");
        }
    }

    #[test]
    fn fold_table() {
        let cases: &[(&str, &str)] = &[
            ("  Sở  KHOA học ", "so khoa hoc"),
            ("ĐỨC THỌ", "duc tho"),
            ("Hòa\tBình\n", "hoa binh"),
            ("Hoà Bình", "hoa binh"),
            ("Bà Rịa - Vũng Tàu", "ba ria - vung tau"),
            ("", ""),
            ("   ", ""),
            ("İstanbul", "istanbul"),
            ("한국", "한국"),
        ];
        for &(text, expected) in cases {
            assert_eq!(fold(text), expected, "fold({text:?})");
        }
    }
}
