//! Reading editors' files as text: UTF-8 (a byte-order mark is accepted and
//! dropped), normalised to Unicode NFC so that files saved on macOS or from
//! Word (often NFD) give the same ids, slugs and order as any other.

use std::path::Path;

use unicode_normalization::{is_nfc, UnicodeNormalization};

use crate::diagnostic::Diagnostic;

/// Reads `path` as NFC text; `shown` is the name used in diagnostics.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(format!("cannot read the file: {e}")).in_file(shown))?;
    decode(&bytes).map_err(|d| d.in_file(shown))
}

/// Decodes bytes as UTF-8 text in NFC.
pub fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) if is_nfc(text) => Ok(text.to_owned()),
        Ok(text) => Ok(text.nfc().collect()),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The valid prefix decodes, so locating the bad byte is safe.
            let prefix = String::from_utf8_lossy(valid);
            Err(Diagnostic::error("the file is not UTF-8 text")
                .at_offset(&prefix, prefix.len())
                .with_hint(
                    "save the file as UTF-8 (in most editors: File → Save with encoding → UTF-8)",
                ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_nfd_becomes_nfc() {
        let nfd = "So\u{31b}\u{309}"; // "Sở" decomposed
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(nfd.as_bytes());
        assert_eq!(decode(&bytes).unwrap(), "Sở");
    }

    #[test]
    fn invalid_utf8_is_a_diagnostic_with_a_location() {
        let d = decode(b"title = 1\nname = \"\xff\"").unwrap_err();
        assert!(d.message.contains("not UTF-8"));
        assert_eq!(d.location.map(|l| l.line), Some(2));
    }
}
