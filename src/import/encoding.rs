//! Decoding a text export (CSV, or Excel's tab-separated "Unicode text") as
//! Vietnamese Windows saves it: UTF-8 (with or without a BOM), UTF-16 with a
//! BOM, or the legacy code pages Windows-1258 and Windows-1252. The result is
//! NFC: Windows-1258 writes tone marks as combining characters.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252, WINDOWS_1258};
use unicode_normalization::UnicodeNormalization;

use crate::diagnostic::Diagnostic;
use crate::input::decode;
use crate::messages as msg;

/// A decoded text and the encoding it was found in, when not UTF-8.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name ("UTF-16LE", "windows-1258"), for a note to the
    /// editor; `None` for UTF-8.
    pub encoding: Option<&'static str>,
}

/// Bytes of Windows-1258 that are Vietnamese-only: the combining tone marks
/// and the letters ă, đ, ơ, ư (both cases), which Windows-1252 has as other
/// letters (Ì, ì, Ò, Þ, ò, Ã, ã, Ð, ð, Õ, õ, Ý, ý).
const VIETNAMESE_1258: &[u8] = &[
    0xCC, 0xEC, 0xD2, 0xDE, 0xF2, 0xC3, 0xE3, 0xD0, 0xF0, 0xD5, 0xF5, 0xDD, 0xFD,
];

/// Decodes `bytes`; a file that is not text, or text that lost its
/// Vietnamese letters when it was saved, is refused with the Excel menu to use.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, Diagnostic> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(Diagnostic::error(msg::import_workbook_as_text())
            .with_hint(msg::hint_save_as_csv_utf8()));
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
            if had_errors {
                return Err(Diagnostic::error(msg::import_bad_utf16())
                    .with_hint(msg::hint_save_as_csv_utf8()));
            }
            return Ok(Decoded {
                text: text.nfc().collect(),
                encoding: Some(encoding.name()),
            });
        }
    }
    if bytes.contains(&0) {
        // UTF-16 without a byte-order mark, or not text at all.
        return Err(
            Diagnostic::error(msg::import_not_text()).with_hint(msg::hint_save_as_csv_utf8())
        );
    }
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        return decode(bytes).map(|text| Decoded {
            text,
            encoding: None,
        });
    }
    let encoding = if bytes.iter().any(|b| VIETNAMESE_1258.contains(b)) {
        WINDOWS_1258
    } else {
        WINDOWS_1252
    };
    let (text, _, _) = encoding.decode(bytes);
    let text: String = text.nfc().collect();
    Ok(Decoded {
        text,
        encoding: Some(encoding.name()),
    })
}

/// Whether the text has a question mark inside a word ("S? N?i v?"): what
/// Excel writes for every letter its plain "CSV" format cannot hold.
pub fn lost_letters(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .any(|w| w[1] == '?' && w[0].is_alphabetic() && (w[2].is_alphabetic() || w[2] == '?'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1258_with_combining_tone_marks_becomes_nfc() {
        // "Sở Nội vụ" as Excel writes it in Windows-1258: ơ is 0xF5, ô 0xF4,
        // and the hook (0xD2) and dot below (0xF2) combine.
        let decoded = decode_text(b"S\xF5\xD2 N\xF4\xF2i vu\xF2;90,5").unwrap();
        assert_eq!(decoded.text, "Sở Nội vụ;90,5");
        assert_eq!(decoded.encoding, Some("windows-1258"));
        assert!(decoded
            .text
            .chars()
            .all(|c| !('\u{300}'..='\u{323}').contains(&c)));
    }

    #[test]
    fn windows_1252_is_read_when_nothing_is_vietnamese() {
        let decoded = decode_text(b"Unit;Score\nCaf\xE9;90\n").unwrap();
        assert_eq!(decoded.text, "Unit;Score\nCafé;90\n");
        assert_eq!(decoded.encoding, Some("windows-1252"));
    }

    #[test]
    fn utf16_with_a_bom_in_both_byte_orders() {
        let text = "Đơn vị\tĐiểm\r\nSở Nội vụ\t90\r\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode_text(&le).unwrap().text, text);
        assert_eq!(decode_text(&be).unwrap().encoding, Some("UTF-16BE"));
    }

    #[test]
    fn utf8_with_a_bom_and_refusals() {
        let decoded = decode_text("\u{feff}Đơn vị;Điểm\n".as_bytes()).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            ("Đơn vị;Điểm\n", None)
        );
        assert!(decode_text(b"PK\x03\x04rest").is_err());
        assert!(decode_text(b"a\0b\0").is_err());
        assert!(lost_letters("S? N?i v?;90"));
        assert!(!lost_letters("Is it? Yes;90"));
    }
}
