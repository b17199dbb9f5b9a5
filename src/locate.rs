//! Finding where a value sits in a data file, so that a problem found after
//! parsing (an unknown unit id, a stated rank that disagrees) points at the
//! line and column of the offending value, in TOML and JSON alike.
//!
//! Parsing into typed structs forgets positions; rather than carry spans
//! through every type, a diagnostic names the value by its path
//! (`result[3].unit`) and this module looks the path up in the source text,
//! only on the error path.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use toml::de::{DeTable, DeValue};

use crate::diagnostic::{line_starts, Lines, Location, Snippet};
use crate::parse::Format;

/// One step of a path into a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The byte offset of the value at `path`, or of the deepest part of the
/// path that exists (a missing key points at its table). `None` if the
/// source does not parse. Parses the source: to locate many paths in one
/// file, make a [`Locator`] once.
pub fn locate(source: &str, format: Format, path: &[Seg]) -> Option<usize> {
    Some(Locator::new(source, format)?.offset(path))
}

/// Where every value of one document starts, from one parse: locating each
/// of thousands of problems in a file by parsing it again was quadratic.
#[derive(Debug)]
pub struct Locator {
    root: Node,
}

/// A value: where it starts, and its members or elements.
#[derive(Debug)]
struct Node {
    offset: usize,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Table(HashMap<String, Node>),
    Array(Vec<Node>),
    Leaf,
}

/// Deeper values are not indexed (paths in our formats have at most five
/// steps), so that building the tree cannot exhaust the stack.
const MAX_DEPTH: usize = 32;

impl Locator {
    /// Indexes `source`; `None` if it does not parse.
    pub fn new(source: &str, format: Format) -> Option<Locator> {
        let root = match format {
            Format::Toml => {
                let root = DeTable::parse(source).ok()?;
                Node {
                    offset: 0,
                    kind: toml_table(root.get_ref(), 0),
                }
            }
            Format::Json => {
                let mut scanner = Scanner {
                    bytes: source.as_bytes(),
                    pos: 0,
                };
                scanner.skip_ws();
                let offset = scanner.pos;
                // A document whose tree cannot be read whole is still
                // located as far as it goes: it parsed, so this is rare.
                scanner.node(0).unwrap_or(Node {
                    offset,
                    kind: Kind::Leaf,
                })
            }
        };
        Some(Locator { root })
    }

    /// The byte offset of the value at `path`, or of the deepest part of it
    /// that exists.
    pub fn offset(&self, path: &[Seg]) -> usize {
        let mut node = &self.root;
        for seg in path {
            let next = match (seg, &node.kind) {
                (Seg::Key(key), Kind::Table(members)) => members.get(*key),
                (Seg::Index(i), Kind::Array(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        node.offset
    }
}

/// A data file's [`Locator`] and line starts, made once for all the
/// problems found in it.
#[derive(Debug)]
pub struct FileIndex {
    /// `None` if the file does not parse.
    paths: Option<Locator>,
    starts: Vec<usize>,
}

impl FileIndex {
    pub fn new(source: &str, format: Format) -> FileIndex {
        FileIndex {
            paths: Locator::new(source, format),
            starts: line_starts(source),
        }
    }

    /// Where the value at `path` is in `source` (the text this index was
    /// made from) and the window of its line to quote; `None` if the file
    /// does not parse.
    pub fn point(&self, source: &str, path: &[Seg]) -> Option<(Location, Snippet)> {
        Some(self.point_at(source, self.offset(path)?))
    }

    /// The byte offset of the value at `path` (see [`Locator::offset`]);
    /// `None` if the file does not parse.
    pub fn offset(&self, path: &[Seg]) -> Option<usize> {
        Some(self.paths.as_ref()?.offset(path))
    }

    /// The location of byte `offset` of `source` (the text this index was
    /// made from) and the window of its line to quote.
    pub fn point_at(&self, source: &str, offset: usize) -> (Location, Snippet) {
        Lines::with_starts(source, &self.starts).point(offset)
    }
}

/// The [`FileIndex`] of each file, made on first use and shared between
/// the threads that check tables.
#[derive(Debug, Default)]
pub struct FileIndexes {
    made: Mutex<HashMap<usize, Arc<OnceLock<FileIndex>>>>,
}

impl FileIndexes {
    /// Where the value at `path` is in file number `file`, whose text is
    /// `source`, and the window of its line to quote (see
    /// [`FileIndex::point`]). The file is indexed on its first use.
    pub fn point(
        &self,
        (file, source, format): (usize, &str, Format),
        path: &[Seg],
    ) -> Option<(Location, Snippet)> {
        let cell = {
            // A poisoned lock only means another thread panicked; the map
            // itself is always whole.
            let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(made.entry(file).or_default())
        };
        cell.get_or_init(|| FileIndex::new(source, format))
            .point(source, path)
    }

    /// Drops file number `file`'s index, if it was made: once a results
    /// file's table is made, its index is seldom needed again, and the
    /// national site's indexes held at once took 70 MB. A later use makes
    /// it again.
    pub fn forget(&self, file: usize) {
        let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
        made.remove(&file);
    }
}

fn toml_table(table: &DeTable, depth: usize) -> Kind {
    Kind::Table(
        table
            .iter()
            .map(|(key, value)| (key.get_ref().to_string(), toml_node(value, depth + 1)))
            .collect(),
    )
}

fn toml_node(value: &toml::Spanned<DeValue>, depth: usize) -> Node {
    let kind = match value.get_ref() {
        _ if depth > MAX_DEPTH => Kind::Leaf,
        DeValue::Table(table) => toml_table(table, depth),
        DeValue::Array(items) => {
            Kind::Array(items.iter().map(|v| toml_node(v, depth + 1)).collect())
        }
        _ => Kind::Leaf,
    };
    Node {
        offset: value.span().start,
        kind,
    }
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

    /// Reads the value at `pos` as a tree of where its parts start.
    fn node(&mut self, depth: usize) -> Option<Node> {
        self.skip_ws();
        let offset = self.pos;
        if depth > MAX_DEPTH {
            self.skip_value()?;
            return Some(Node {
                offset,
                kind: Kind::Leaf,
            });
        }
        let kind = match self.peek()? {
            b'{' => {
                self.pos += 1;
                let mut members = HashMap::new();
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        self.pos += 1;
                        break Kind::Table(members);
                    }
                    let name = self.string()?;
                    let value = self.node(depth + 1)?;
                    // The first of two equal keys, as the scanner found it.
                    members.entry(name).or_insert(value);
                }
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        self.pos += 1;
                        break Kind::Array(items);
                    }
                    items.push(self.node(depth + 1)?);
                }
            }
            _ => {
                self.skip_value()?;
                Kind::Leaf
            }
        };
        Some(Node { offset, kind })
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
