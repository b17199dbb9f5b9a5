//! Property tests: editors' files may hold anything, and chiso must answer
//! with a value or a diagnostic, never a panic. Arbitrary bytes go to every
//! loader; random but plausible sites (odd numbers, ids, ranks, decimals)
//! go through the whole check.

use std::collections::BTreeMap;
use std::fs;

use chiso::content::parse_article;
use chiso::data::schema::{IndicesFile, ResultsFile, UnitsFile};
use chiso::input::decode;
use chiso::parse::{parse_document, Format};
use chiso::{BuildOptions, Config};
use proptest::prelude::*;
use toml::Value;

fn every_loader(text: &str) {
    for format in [Format::Toml, Format::Json] {
        let _ = parse_document::<IndicesFile>(text, format);
        let _ = parse_document::<UnitsFile>(text, format);
        let _ = parse_document::<ResultsFile>(text, format);
        let _ = parse_document::<Config>(text, format);
    }
    let _ = parse_article(text, "/");
    let _ = parse_article(&format!("+++\n{text}\n+++\n{text}"), "/");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(text) = decode(&bytes) {
            every_loader(&text);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        every_loader(&text);
    }

    #[test]
    fn toml_like_text_never_panics(
        lines in prop::collection::vec(
            (
                prop_oneof![
                    prop::sample::select(vec!["index", "year", "unit", "score", "rank", "[[result]]", "title", "date"])
                        .prop_map(str::to_owned),
                    "[a-z_]{1,8}",
                ],
                prop_oneof![Just("\"x\"".to_owned()), Just("2024-02-30".to_owned()), Just("nan".to_owned()), Just("-inf".to_owned()), "-?[0-9]{1,12}(\\.[0-9]{0,6})?", "\"\\PC{0,10}\"", Just("[1, \"a\"]".to_owned()), Just("{ a = 1 }".to_owned())],
            ),
            0..12,
        )
    ) {
        let text: String = lines
            .iter()
            .map(|(k, v)| if k.starts_with('[') { format!("{k}\n") } else { format!("{k} = {v}\n") })
            .collect();
        every_loader(&text);
    }
}

// ---- Random plausible sites ---------------------------------------------------

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0..100.0f64,
        1 => -1e6..1e6f64,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(0.0),
        1 => Just(1e300),
    ]
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec!["a", "b", "c", "khoi", "chi-so"]).prop_map(str::to_owned),
        1 => "[a-z0-9-]{0,6}",
        1 => "\\PC{0,6}",
    ]
}

/// A TOML table of the given keys, leaving out those without a value, as an
/// editor would. The files are written from these values rather than from
/// `data::schema`, which only reads.
fn toml_table(entries: Vec<(&str, Option<Value>)>) -> Value {
    Value::Table(
        entries
            .into_iter()
            .filter_map(|(k, v)| Some((k.to_owned(), v?)))
            .collect(),
    )
}

fn float(v: f64) -> Option<Value> {
    Some(Value::Float(v))
}

fn int(v: impl Into<i64>) -> Option<Value> {
    Some(Value::Integer(v.into()))
}

fn text(v: impl Into<String>) -> Option<Value> {
    Some(Value::String(v.into()))
}

fn list(items: Vec<Value>) -> Option<Value> {
    Some(Value::Array(items))
}

fn result_row() -> impl Strategy<Value = Value> {
    (
        id(),
        prop::option::of(number()),
        prop::option::of(number()),
        prop::option::of(number()),
        prop::option::of(0u32..10),
        prop::option::of(prop_oneof![0u32..10, Just(u32::MAX)]),
        prop::option::of(prop_oneof![0u32..10, Just(u32::MAX)]),
        prop::collection::btree_map(id(), number(), 0..3),
        // What a line may publish besides a score (issue 15): a percent, a
        // threshold (strict or not), an `of` exception, a dispute.
        (
            prop::option::of(number()),
            prop::option::of((any::<bool>(), number())),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(unit, score, points, max_points, decimals, rank, of, components, published)| {
                let (percent, threshold, of_note, disputed) = published;
                let threshold = |strict: bool| {
                    threshold
                        .filter(|&(s, _)| s == strict)
                        .and_then(|(_, v)| float(v))
                };
                toml_table(vec![
                    ("unit", text(unit)),
                    ("percent", percent.and_then(float)),
                    ("at_least", threshold(false)),
                    ("above", threshold(true)),
                    ("of_note", of_note.then(|| Value::String("khác".into()))),
                    ("disputed", disputed.then(|| Value::String("sai".into()))),
                    ("score", score.and_then(float)),
                    ("points", points.and_then(float)),
                    ("max_points", max_points.and_then(float)),
                    ("decimals", decimals.and_then(int)),
                    ("rank", rank.and_then(int)),
                    ("of", of.and_then(int)),
                    (
                        "components",
                        Some(Value::Table(
                            components
                                .into_iter()
                                .map(|(k, v)| (k, Value::Float(v)))
                                .collect(),
                        )),
                    ),
                ])
            },
        )
}

/// A results file, with its year (for its path).
fn table() -> impl Strategy<Value = (i32, Value)> {
    (
        id(),
        2019..2026i32,
        id(),
        any::<bool>(),
        prop::option::of(number()),
        prop::collection::vec(result_row(), 0..6),
        (
            prop::option::of(prop_oneof![0u32..10, Just(u32::MAX)]),
            any::<bool>(),
            prop::collection::vec(
                (
                    any::<bool>(),
                    prop_oneof![0u32..5, Just(u32::MAX)],
                    prop::collection::vec(id(), 0..4),
                    any::<bool>(),
                ),
                0..3,
            ),
        ),
    )
        .prop_map(
            |(index, year, group, complete, published_average, results, lines)| {
                let (of, scores_only, listings) = lines;
                let listings = listings
                    .into_iter()
                    .map(|(top, count, units, disputed)| {
                        toml_table(vec![
                            ("label", text("Danh sách")),
                            ("end", text(if top { "top" } else { "bottom" })),
                            ("count", int(count)),
                            (
                                "units",
                                list(units.into_iter().map(Value::String).collect()),
                            ),
                            ("disputed", disputed.then(|| Value::String("sai".into()))),
                        ])
                    })
                    .collect();
                let table = toml_table(vec![
                    ("index", text(index)),
                    ("year", int(year)),
                    ("group", text(group)),
                    ("complete", Some(Value::Boolean(complete))),
                    ("of", of.and_then(int)),
                    ("scores_only", Some(Value::Boolean(scores_only))),
                    ("listing", list(listings)),
                    ("published_average", published_average.and_then(float)),
                    ("result", list(results)),
                ]);
                (year, table)
            },
        )
}

fn index() -> impl Strategy<Value = Value> {
    (
        id(),
        number(),
        number(),
        0u32..12,
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec((id(), number()), 0..3),
    )
        .prop_map(|(id, min, max, decimals, higher_is_better, sums, parts)| {
            let components = parts
                .iter()
                .map(|(id, max)| {
                    toml_table(vec![
                        ("id", text(id)),
                        ("name", text(id)),
                        ("max", float(*max)),
                    ])
                })
                .collect();
            let bands = parts
                .iter()
                .map(|(id, min)| {
                    toml_table(vec![
                        ("id", text(id)),
                        ("name", text(id)),
                        ("min", float(*min)),
                    ])
                })
                .collect();
            toml_table(vec![
                ("id", text(id)),
                ("name", text("Chỉ số")),
                (
                    "scale",
                    Some(toml_table(vec![("min", float(min)), ("max", float(max))])),
                ),
                ("unit_label", text("%")),
                ("decimals", int(decimals)),
                ("higher_is_better", Some(Value::Boolean(higher_is_better))),
                ("components_sum_to_total", Some(Value::Boolean(sums))),
                ("component", list(components)),
                ("band", list(bands)),
            ])
        })
}

fn unit() -> impl Strategy<Value = Value> {
    (
        id(),
        "\\PC{1,12}",
        prop::option::of(id()),
        prop::option::of(2018..2026i32),
        prop::option::of(2018..2026i32),
    )
        .prop_map(|(id, name, group, active_from, active_to)| {
            toml_table(vec![
                ("id", text(id)),
                ("name", text(name)),
                ("group", group.and_then(text)),
                ("active_from", active_from.and_then(int)),
                ("active_to", active_to.and_then(int)),
            ])
        })
}

fn write(root: &std::path::Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_sites_are_checked_without_panicking(
        indices in prop::collection::vec(index(), 0..3),
        units in prop::collection::vec(unit(), 0..6),
        tables in prop::collection::vec(table(), 0..4),
        as_json in prop::collection::vec(any::<bool>(), 4),
    ) {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        write(root, "config.toml", "title = \"Thử\"\nhome_unit = \"a\"\n");
        let groups: Vec<Value> = ["a", "khoi"]
            .iter()
            .map(|id| toml_table(vec![("id", text(*id)), ("name", text(*id))]))
            .collect();
        let units_file = toml_table(vec![("group", list(groups)), ("unit", list(units))]);
        let indices_file = toml_table(vec![("index", list(indices))]);
        // TOML cannot hold NaN in JSON, and JSON cannot hold NaN at all:
        // either serialiser may refuse a value, which is fine to skip.
        let mut files: BTreeMap<String, String> = BTreeMap::new();
        if let Ok(text) = toml::to_string(&indices_file) { files.insert("data/indices.toml".into(), text); }
        if let Ok(text) = toml::to_string(&units_file) { files.insert("data/units.toml".into(), text); }
        for (i, (year, table)) in tables.iter().enumerate() {
            let (name, text) = if as_json[i] {
                (format!("data/results/{year}/t{i}.json"), serde_json::to_string(table).ok())
            } else {
                (format!("data/results/{year}/t{i}.toml"), toml::to_string(table).ok())
            };
            if let Some(text) = text { files.insert(name, text); }
        }
        for (path, text) in &files {
            write(root, path, text);
        }
        // Most random sites are invalid: what matters is an answer, not a panic.
        let _ = chiso::check(&BuildOptions::new(root));
    }
}
