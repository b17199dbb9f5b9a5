//! Finding where a value sits in a data file, so that a problem found after
//! parsing (an unknown unit id, a stated rank that disagrees) points at the
//! line and column of the offending value, in TOML and JSON alike.
//!
//! Parsing into typed structs forgets positions; rather than carry spans
//! through every type, a diagnostic names the value by its path
//! (`result[3].unit`) and this module looks the path up in the source text,
//! only on the error path.

use toml::de::{DeTable, DeValue};

use crate::parse::Format;

/// One step of a path into a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The byte offset of the value at `path`, or of the deepest part of the
/// path that exists (a missing key points at its table). `None` if the
/// source does not parse.
pub fn locate(source: &str, format: Format, path: &[Seg]) -> Option<usize> {
    match format {
        Format::Toml => locate_toml(source, path),
        Format::Json => locate_json(source, path),
    }
}

fn locate_toml(source: &str, path: &[Seg]) -> Option<usize> {
    let root = DeTable::parse(source).ok()?;
    let mut table: &DeTable = root.get_ref();
    let mut found = 0;
    let mut current: Option<&toml::Spanned<DeValue>> = None;
    for seg in path {
        let next = match (seg, current.map(|v| v.get_ref())) {
            (Seg::Key(key), None) => table.get(*key),
            (Seg::Key(key), Some(DeValue::Table(t))) => {
                table = t;
                t.get(*key)
            }
            (Seg::Index(i), Some(DeValue::Array(items))) => items.get(*i),
            _ => None,
        };
        match next {
            Some(value) => {
                found = value.span().start;
                current = Some(value);
            }
            None => break,
        }
    }
    Some(found)
}

/// A small scanner over JSON that is known to be valid (it parsed already):
/// it walks values, following `path`, and returns the offset where the
/// value at the path (or the deepest part found) starts.
fn locate_json(source: &str, path: &[Seg]) -> Option<usize> {
    let mut scanner = Scanner {
        bytes: source.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    let mut found = scanner.pos;
    for seg in path {
        match scanner.enter(*seg) {
            Some(offset) => found = offset,
            None => break,
        }
    }
    Some(found)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(
            self.peek(),
            Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b':')
        ) {
            self.pos += 1;
        }
    }

    /// Moves into the member or element `seg` of the value at `pos`,
    /// returning its offset.
    fn enter(&mut self, seg: Seg) -> Option<usize> {
        match (seg, self.peek()?) {
            (Seg::Key(key), b'{') => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let name = self.string()?;
                    self.skip_ws();
                    if name == key {
                        return Some(self.pos);
                    }
                    self.skip_value()?;
                }
            }
            (Seg::Index(index), b'[') => {
                self.pos += 1;
                for _ in 0..index {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    self.skip_value()?;
                }
                self.skip_ws();
                (self.peek()? != b']').then_some(self.pos)
            }
            _ => None,
        }
    }

    /// Reads a string at `pos` (escapes are kept raw: keys in our formats
    /// never need them).
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.pos + 1;
        self.pos += 1;
        while self.peek()? != b'"' {
            if self.peek()? == b'\\' {
                self.pos += 1;
            }
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.pos])
            .ok()?
            .to_owned();
        self.pos += 1;
        Some(text)
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == close {
                        self.pos += 1;
                        return Some(());
                    }
                    self.skip_value()?;
                }
            }
            _ => {
                while !matches!(
                    self.peek()?,
                    b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                ) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Location;

    const TOML: &str = r#"index = "chi-so"
year = 2023

[source]
title = "QĐ"

[[result]]
unit = "a"
score = 90

[[result]]
unit = "b"
regional = [{ region = "x", rank = 1 }]
"#;

    const JSON: &str = r#"{
  "index": "chi-so", "year": 2023,
  "source": { "title": "QĐ \"x\"" },
  "result": [
    { "unit": "a", "score": 90 },
    { "unit": "b", "regional": [{ "region": "x", "rank": 1 }] }
  ]
}"#;

    fn at(source: &str, format: Format, path: &[Seg]) -> (usize, usize) {
        let offset = locate(source, format, path).unwrap();
        let loc = Location::from_offset(source, offset);
        (loc.line, loc.column)
    }

    #[test]
    fn finds_values_by_path_in_toml() {
        use Seg::*;
        assert_eq!(at(TOML, Format::Toml, &[Key("year")]), (2, 8));
        assert_eq!(
            at(TOML, Format::Toml, &[Key("source"), Key("title")]),
            (5, 9)
        );
        assert_eq!(
            at(TOML, Format::Toml, &[Key("result"), Index(1), Key("unit")]),
            (12, 8)
        );
        let path = [
            Key("result"),
            Index(1),
            Key("regional"),
            Index(0),
            Key("rank"),
        ];
        assert_eq!(at(TOML, Format::Toml, &path), (13, 36));
        // A missing key points at the deepest part that exists.
        assert_eq!(
            at(TOML, Format::Toml, &[Key("result"), Index(0), Key("rank")]).0,
            7
        );
    }

    #[test]
    fn finds_values_by_path_in_json() {
        use Seg::*;
        assert_eq!(at(JSON, Format::Json, &[Key("year")]), (2, 30));
        assert_eq!(
            at(JSON, Format::Json, &[Key("source"), Key("title")]),
            (3, 24)
        );
        assert_eq!(
            at(JSON, Format::Json, &[Key("result"), Index(1), Key("unit")]),
            (6, 15)
        );
        let path = [
            Key("result"),
            Index(1),
            Key("regional"),
            Index(0),
            Key("rank"),
        ];
        assert_eq!(at(JSON, Format::Json, &path), (6, 58));
        assert_eq!(at(JSON, Format::Json, &[Key("result"), Index(5)]).0, 4);
    }

    #[test]
    fn unparsable_sources_do_not_panic() {
        assert_eq!(locate("= =", Format::Toml, &[Seg::Key("a")]), None);
        for text in ["", "{", "[", "{\"a\"", "\"", "{\"a\": [1, 2"] {
            let _ = locate(text, Format::Json, &[Seg::Key("a"), Seg::Index(3)]);
        }
    }
}
