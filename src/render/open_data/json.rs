//! A table's JSON file, serialised straight from [`COLUMNS`]: the table's
//! fields at the top, one object per line in `rows`, and in each line the
//! lists `regional`, `components` and `alternatives`; and the table's
//! `regions`. A key with dots
//! (`change.rank_delta`) is a field of a nested object, `null` when all its
//! fields are. Keys are in alphabetical order.
//!
//! The shape of each kind of object (its keys, nested objects and lists) is
//! laid out once from the columns ([`layout`]); writing a file then walks it
//! and serialises each cell as it is read, without building a JSON value in
//! memory (a national site has 150,000 lines).

use std::sync::OnceLock;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::columns::{Cell, Column, Get, RowAt, Scope, TableAt, COLUMNS};
use super::license::License;
use crate::model::{Alternative, RegionSummary, RegionalRank, Site, Table};
use crate::render::figure;

/// One entry of an object's layout.
enum Node {
    /// A field read by a column.
    Leaf(&'static str, &'static Column),
    /// A nested object (from keys with dots).
    Object(&'static str, Vec<Node>),
    /// One of a line's lists.
    List(&'static str, Scope),
    /// The table's lines.
    Rows,
    /// The licence of the data (a table's file only).
    License,
}

impl Node {
    fn key(&self) -> &'static str {
        match self {
            Node::Leaf(key, _) | Node::Object(key, _) | Node::List(key, _) => key,
            Node::Rows => "rows",
            Node::License => "license",
        }
    }
}

/// The layout of the objects of `scope`, made once.
fn layout(scope: Scope) -> &'static [Node] {
    static LAYOUTS: OnceLock<Vec<(Scope, Vec<Node>)>> = OnceLock::new();
    let layouts = LAYOUTS.get_or_init(|| {
        [
            Scope::Table,
            Scope::Row,
            Scope::Regional,
            Scope::Component,
            Scope::Alternative,
            Scope::Region,
        ]
        .into_iter()
        .map(|scope| (scope, lay_out(scope)))
        .collect()
    });
    layouts
        .iter()
        .find(|(s, _)| *s == scope)
        .map_or(&[], |(_, nodes)| nodes.as_slice())
}

fn lay_out(scope: Scope) -> Vec<Node> {
    let mut nodes = Vec::new();
    for column in COLUMNS.iter().filter(|c| c.scope() == scope) {
        if let Some(key) = column.json {
            place(&mut nodes, key, column);
        }
    }
    match scope {
        Scope::Table => {
            nodes.push(Node::Rows);
            nodes.push(Node::License);
            if let Some(key) = Scope::Region.json_list() {
                nodes.push(Node::List(key, Scope::Region));
            }
        }
        Scope::Row => {
            for list in [Scope::Regional, Scope::Component, Scope::Alternative] {
                if let Some(key) = list.json_list() {
                    nodes.push(Node::List(key, list));
                }
            }
        }
        _ => {}
    }
    sort(&mut nodes);
    nodes
}

fn place(nodes: &mut Vec<Node>, key: &'static str, column: &'static Column) {
    let Some((head, rest)) = key.split_once('.') else {
        nodes.push(Node::Leaf(key, column));
        return;
    };
    let at = match nodes
        .iter()
        .position(|n| matches!(n, Node::Object(k, _) if *k == head))
    {
        Some(at) => at,
        None => {
            nodes.push(Node::Object(head, Vec::new()));
            nodes.len() - 1
        }
    };
    if let Node::Object(_, children) = &mut nodes[at] {
        place(children, rest, column);
    }
}

fn sort(nodes: &mut [Node]) {
    nodes.sort_by_key(Node::key);
    for node in nodes {
        if let Node::Object(_, children) = node {
            sort(children);
        }
    }
}

/// What an object is read from.
#[derive(Clone, Copy)]
enum Item<'a> {
    Table(TableAt<'a>),
    Row(RowAt<'a>),
    Regional(RowAt<'a>, &'a RegionalRank),
    Component(RowAt<'a>, usize, f64),
    Alternative(&'a Alternative),
    Region(TableAt<'a>, &'a RegionSummary),
}

impl<'a> Item<'a> {
    fn cell(self, get: &Get) -> Cell<'a> {
        match (get, self) {
            (Get::Table(get), Item::Table(t)) => get(t),
            (Get::Table(get), Item::Row(r)) => get(r.at),
            (Get::Row(get), Item::Row(r)) => get(r),
            (Get::Regional(get), Item::Regional(r, g)) => get(r, g),
            (Get::Component(get), Item::Component(r, c, v)) => get(r, c, v),
            (Get::Alternative(get), Item::Alternative(a)) => get(a),
            (Get::Region(get), Item::Region(t, g)) => get(t, g),
            _ => Cell::Empty,
        }
    }

    /// Whether every field of `nodes` is `null` for this item.
    fn all_null(self, nodes: &[Node]) -> bool {
        nodes.iter().all(|node| match node {
            Node::Leaf(_, column) => self.cell(&column.get).is_null(),
            Node::Object(_, children) => self.all_null(children),
            Node::List(..) | Node::Rows | Node::License => false,
        })
    }
}

impl Cell<'_> {
    /// Whether the cell is written as JSON `null`.
    fn is_null(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Fixed(v, _) | Cell::Written(v) => !v.is_finite(),
            _ => false,
        }
    }
}

impl Serialize for Cell<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Empty => s.serialize_none(),
            Cell::Int(v) => s.serialize_i64(*v),
            // The double nearest the figure the page prints.
            Cell::Fixed(v, decimals) => figure::machine_value(*v, *decimals).serialize(s),
            Cell::Written(v) => v.is_finite().then_some(*v).serialize(s),
            Cell::Id(text) => s.serialize_str(text),
            Cell::Text(text) => s.serialize_str(text),
            Cell::Bool(b) => s.serialize_bool(*b),
            Cell::Alternatives(alternatives) => s.serialize_str(&super::csv::alternatives_text(
                alternatives,
                super::csv::Dialect::Standard,
            )),
        }
    }
}

/// An object: its layout, read from an item.
struct Object<'a> {
    nodes: &'static [Node],
    item: Item<'a>,
    /// The licence, written where the layout has [`Node::License`].
    license: Option<&'a License>,
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.nodes.len()))?;
        for node in self.nodes {
            let key = node.key();
            match node {
                Node::Leaf(_, column) => map.serialize_entry(key, &self.item.cell(&column.get))?,
                Node::Object(_, children) if self.item.all_null(children) => {
                    map.serialize_entry(key, &None::<()>)?
                }
                Node::Object(_, children) => map.serialize_entry(
                    key,
                    &Object {
                        nodes: children,
                        item: self.item,
                        license: None,
                    },
                )?,
                Node::List(_, scope) => map.serialize_entry(
                    key,
                    &List {
                        of: self.item,
                        scope: *scope,
                    },
                )?,
                Node::Rows => match self.item {
                    Item::Table(t) => map.serialize_entry(key, &Rows(t))?,
                    _ => map.serialize_entry(key, &[(); 0])?,
                },
                // Only a table's own file: in the all-tables file the
                // licence is said once, at the top.
                Node::License => {
                    if let Some(license) = self.license {
                        map.serialize_entry(key, license)?
                    }
                }
            }
        }
        map.end()
    }
}

/// One of a line's lists, or the table's regions.
struct List<'a> {
    of: Item<'a>,
    scope: Scope,
}

impl Serialize for List<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let nodes = layout(self.scope);
        let items: Vec<Item> = match (self.scope, self.of) {
            (Scope::Regional, Item::Row(r)) => r
                .row
                .regional
                .iter()
                .map(|g| Item::Regional(r, g))
                .collect(),
            (Scope::Component, Item::Row(r)) => r
                .row
                .components
                .iter()
                .map(|&(c, v)| Item::Component(r, c, v))
                .collect(),
            (Scope::Alternative, Item::Row(r)) => {
                r.row.alternatives.iter().map(Item::Alternative).collect()
            }
            (Scope::Region, Item::Table(t)) => {
                t.table.regions.iter().map(|g| Item::Region(t, g)).collect()
            }
            _ => Vec::new(),
        };
        let mut seq = s.serialize_seq(Some(items.len()))?;
        for item in items {
            seq.serialize_element(&Object {
                nodes,
                item,
                license: None,
            })?;
        }
        seq.end()
    }
}

/// The table's lines.
struct Rows<'a>(TableAt<'a>);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let at = self.0;
        let mut seq = s.serialize_seq(Some(at.table.rows.len()))?;
        for row in &at.table.rows {
            seq.serialize_element(&Object {
                nodes: layout(Scope::Row),
                item: Item::Row(at.row(row)),
                license: None,
            })?;
        }
        seq.end()
    }
}

/// The table as JSON, with the data's licence at its top.
pub fn json<'a>(site: &'a Site, table: &'a Table, license: &'a License) -> impl Serialize + 'a {
    Object {
        nodes: layout(Scope::Table),
        item: Item::Table(TableAt::new(site, table)),
        license: Some(license),
    }
}

/// Every table of the site as JSON: the licence, and the tables as each
/// table's own file has them (without its licence), in the site's order.
/// What the build writes a table at a time ([`all_tables_entry`]), kept as
/// the tests' reference.
#[cfg(test)]
pub fn all_tables<'a>(site: &'a Site, license: &'a License) -> impl Serialize + 'a {
    AllTables { site, license }
}

#[cfg(test)]
struct AllTables<'a> {
    site: &'a Site,
    license: &'a License,
}

#[cfg(test)]
impl Serialize for AllTables<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("license", self.license)?;
        map.serialize_entry("tables", &Tables(self.site))?;
        map.end()
    }
}

#[cfg(test)]
struct Tables<'a>(&'a Site);

#[cfg(test)]
impl Serialize for Tables<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.tables.as_slice().len()))?;
        for table in self.0.tables.iter() {
            seq.serialize_element(&Object {
                nodes: layout(Scope::Table),
                item: Item::Table(TableAt::new(self.0, table)),
                license: None,
            })?;
        }
        seq.end()
    }
}

/// A table's own file (`serde_json`'s pretty form, with its licence) as
/// its object in the all-tables file: compact, without the licence. This
/// is what serialising [`AllTables`]'s table would write; cut from the file
/// already made, a line's cells are serialised once for both.
///
/// In the pretty form an entry of the top object, and only such an entry,
/// starts a line with two spaces and a quote (deeper ones are indented
/// further, and a string holds no raw line break): the licence's entry runs
/// from its line to the next such line, or to the object's end.
pub fn all_tables_entry(pretty: &[u8], out: &mut Vec<u8>) {
    const LICENSE: &[u8] = b"\n  \"license\": ";
    const ENTRY: &[u8] = b"\n  \"";
    let Some(start) = memchr::memmem::find(pretty, LICENSE) else {
        compact(pretty, out);
        return;
    };
    let after = start + LICENSE.len();
    let end = memchr::memmem::find(&pretty[after..], ENTRY)
        .map_or_else(|| pretty.len() - b"\n}".len(), |at| after + at);
    let entry = &pretty[start..end];
    // Its comma goes with it; the last entry takes the one before it.
    let (before, rest) = if entry.ends_with(b",") {
        (&pretty[..start], &pretty[end..])
    } else {
        let before = &pretty[..start];
        (before.strip_suffix(b",").unwrap_or(before), &pretty[end..])
    };
    compact(before, out);
    compact(rest, out);
}

/// `pretty` without the whitespace `serde_json`'s pretty form puts between
/// tokens (spaces and line breaks outside strings): its compact form.
fn compact(pretty: &[u8], out: &mut Vec<u8>) {
    out.reserve(pretty.len());
    let mut rest = pretty;
    while !rest.is_empty() {
        // Outside a string: keep all but whitespace, up to the next string.
        let quote = memchr::memchr(b'"', rest).unwrap_or(rest.len());
        out.extend(rest[..quote].iter().filter(|b| !matches!(b, b' ' | b'\n')));
        rest = &rest[quote..];
        if rest.is_empty() {
            break;
        }
        // A string, whole: to the quote no backslash escapes.
        let mut end = 1;
        while let Some(at) = memchr::memchr2(b'"', b'\\', &rest[end..]) {
            end += at;
            if rest[end] == b'\\' {
                end += 2;
                continue;
            }
            end += 1;
            break;
        }
        let end = end.min(rest.len());
        out.extend_from_slice(&rest[..end]);
        rest = &rest[end..];
    }
}

/// The start of the all-tables file, before its tables: the licence once.
pub fn all_tables_start(license: &License) -> Vec<u8> {
    let mut out = b"{\"license\":".to_vec();
    let _ = serde_json::to_writer(&mut out, license);
    out.extend_from_slice(b",\"tables\":[");
    out
}

/// The end of the all-tables file, after its tables.
pub const ALL_TABLES_END: &[u8] = b"]}";

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(nodes: &[Node]) -> Vec<&str> {
        nodes.iter().map(Node::key).collect()
    }

    #[test]
    fn objects_are_laid_out_in_alphabetical_order_with_nested_objects_and_lists() {
        let row = layout(Scope::Row);
        let mut sorted = keys(row);
        sorted.sort_unstable();
        assert_eq!(keys(row), sorted);
        for key in ["alternatives", "components", "regional", "rank", "value"] {
            assert!(keys(row).contains(&key), "{key}");
        }
        let change = row.iter().find_map(|n| match n {
            Node::Object("change", children) => Some(keys(children)),
            _ => None,
        });
        assert_eq!(
            change,
            Some(vec![
                "previous_rank",
                "previous_year",
                "published",
                "rank_delta",
                "rank_illustrative",
                "value_delta",
                "value_illustrative"
            ])
        );
        let table = layout(Scope::Table);
        for key in ["license", "regions", "rows", "source"] {
            assert!(keys(table).contains(&key), "{key}");
        }
        let index = table.iter().find_map(|n| match n {
            Node::Object("index", children) => Some(children),
            _ => None,
        });
        let scale = index.and_then(|c| {
            c.iter().find_map(|n| match n {
                Node::Object("scale", s) => Some(keys(s)),
                _ => None,
            })
        });
        assert_eq!(scale, Some(vec!["max", "min"]));
    }

    #[test]
    fn compacting_the_pretty_form_gives_the_compact_one() {
        let value = serde_json::json!({
            "a": [],
            "b": {},
            "text": "  spaced \"quoted\" \\ back\\slash\\\" \n line: {x, y} [1, 2]",
            "nested": {"list": [1, -2.5, null, true, {"k": "v v"}], "empty": ""},
            "viet": "Hà Tĩnh: xếp thứ 18/63",
        });
        let pretty = serde_json::to_vec_pretty(&value).unwrap();
        let mut out = Vec::new();
        compact(&pretty, &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), value.to_string());
    }

    #[test]
    fn a_table_s_entry_is_its_file_without_the_licence_wherever_it_stands() {
        // The licence first, in the middle and last (in sorted order, as
        // in insertion order).
        for keys in [
            ["license", "m", "z"],
            ["a", "license", "z"],
            ["a", "b", "license"],
        ] {
            let mut with = serde_json::Map::new();
            for k in keys {
                with.insert(k.to_owned(), serde_json::json!({"k": [1, 2], "s": "a, b"}));
            }
            let mut without = with.clone();
            without.remove("license");
            let pretty = serde_json::to_vec_pretty(&with).unwrap();
            let mut out = Vec::new();
            all_tables_entry(&pretty, &mut out);
            let expected = serde_json::Value::Object(without).to_string();
            assert_eq!(String::from_utf8(out).unwrap(), expected, "{keys:?}");
        }
    }

    #[test]
    fn cells_are_json_values() {
        let json = |cell: Cell| serde_json::to_string(&cell).unwrap();
        assert_eq!(json(Cell::Empty), "null");
        assert_eq!(json(Cell::Int(-3)), "-3");
        assert_eq!(json(Cell::Fixed(2.675, 2)), "2.68");
        assert_eq!(json(Cell::Fixed(f64::NAN, 2)), "null");
        assert_eq!(json(Cell::Written(13.969)), "13.969");
        assert_eq!(json(Cell::Id("ha-tinh")), "\"ha-tinh\"");
        assert_eq!(json(Cell::Bool(true)), "true");
    }
}
