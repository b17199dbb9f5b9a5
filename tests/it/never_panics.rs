//! Property tests: editors' files may hold anything, and chiso must answer
//! with a value or a diagnostic, never a panic. Arbitrary bytes go to every
//! loader; random but plausible sites (odd numbers, ids, ranks, decimals)
//! go through the whole check.

use std::collections::BTreeMap;
use std::fs;

use chiso::content::parse_article;
use chiso::data::schema::{
    BandDef, ComponentDef, GroupDef, IndexDef, IndicesFile, ResultRow, ResultsFile, Scale, UnitDef,
    UnitsFile,
};
use chiso::input::decode;
use chiso::parse::{parse_document, Format};
use chiso::{BuildOptions, Config};
use proptest::prelude::*;

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

fn result_row() -> impl Strategy<Value = ResultRow> {
    (
        id(),
        prop::option::of(number()),
        prop::option::of(number()),
        prop::option::of(number()),
        prop::option::of(0u32..10),
        prop::option::of(prop_oneof![0u32..10, Just(u32::MAX)]),
        prop::option::of(prop_oneof![0u32..10, Just(u32::MAX)]),
        prop::collection::btree_map(id(), number(), 0..3),
    )
        .prop_map(
            |(unit, score, points, max_points, decimals, rank, of, components)| ResultRow {
                unit,
                score,
                points,
                max_points,
                decimals,
                rank,
                of,
                regional: Vec::new(),
                components,
                illustrative: None,
                not_ranked: None,
                alternatives: Vec::new(),
                note: String::new(),
            },
        )
}

fn table() -> impl Strategy<Value = ResultsFile> {
    (
        id(),
        2019..2026i32,
        id(),
        any::<bool>(),
        prop::option::of(number()),
        prop::collection::vec(result_row(), 0..6),
    )
        .prop_map(
            |(index, year, group, complete, published_average, results)| ResultsFile {
                index,
                year,
                group,
                complete,
                illustrative: false,
                announced: None,
                source: None,
                published_average,
                note: String::new(),
                results,
                excluded: Vec::new(),
            },
        )
}

fn index() -> impl Strategy<Value = IndexDef> {
    (
        id(),
        number(),
        number(),
        0u32..12,
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec((id(), number()), 0..3),
    )
        .prop_map(
            |(id, min, max, decimals, higher_is_better, sums, parts)| IndexDef {
                id,
                name: "Chỉ số".into(),
                short_name: None,
                publisher: None,
                description: String::new(),
                scale: Scale { min, max },
                unit_label: "%".into(),
                decimals,
                higher_is_better,
                components_sum_to_total: sums,
                components: parts
                    .iter()
                    .map(|(id, max)| ComponentDef {
                        id: id.clone(),
                        name: id.clone(),
                        max: Some(*max),
                    })
                    .collect(),
                bands: parts
                    .iter()
                    .map(|(id, min)| BandDef {
                        id: id.clone(),
                        name: id.clone(),
                        min: *min,
                    })
                    .collect(),
            },
        )
}

fn unit() -> impl Strategy<Value = UnitDef> {
    (
        id(),
        "\\PC{1,12}",
        prop::option::of(id()),
        prop::option::of(2018..2026i32),
        prop::option::of(2018..2026i32),
    )
        .prop_map(|(id, name, group, active_from, active_to)| UnitDef {
            id,
            name,
            kind: String::new(),
            group,
            regions: Vec::new(),
            former_names: Vec::new(),
            active_from,
            active_to,
            merged_into: None,
            abolished: None,
            description: String::new(),
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
        let groups = ["a", "khoi"].map(|id| GroupDef {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            comparable_with: Vec::new(),
        });
        let units_file = UnitsFile { groups: groups.to_vec(), regions: Vec::new(), units };
        let indices_file = IndicesFile { indices };
        // TOML cannot hold NaN in JSON, and JSON cannot hold NaN at all:
        // either serialiser may refuse a value, which is fine to skip.
        let mut files: BTreeMap<String, String> = BTreeMap::new();
        if let Ok(text) = toml::to_string(&indices_file) { files.insert("data/indices.toml".into(), text); }
        if let Ok(text) = toml::to_string(&units_file) { files.insert("data/units.toml".into(), text); }
        for (i, table) in tables.iter().enumerate() {
            let (name, text) = if as_json[i] {
                (format!("data/results/{}/t{i}.json", table.year), serde_json::to_string(table).ok())
            } else {
                (format!("data/results/{}/t{i}.toml", table.year), toml::to_string(table).ok())
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
