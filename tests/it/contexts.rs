//! Snapshots of the template API: the context of one page of each kind
//! (the first page each template renders) on the example site and on
//! `tests/fixtures/national-small/` (five provinces, two regions, two
//! years, a merged province, a partial table), as JSON in
//! `tests/it/snapshots/`. The `site` value every page shares is
//! snapshotted once per site, apart from the pages.
//!
//! Site owners override templates, so a change to a view is a change to
//! their API: it must show up here as a snapshot diff and be reviewed. To
//! accept a deliberate change, run `INSTA_UPDATE=always cargo test --test it
//! contexts` (or `cargo insta test --review` with cargo-insta) and review
//! the `.snap` diffs like any other change.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Mutex;

use chiso::BuildOptions;

use crate::common::example_root;

/// Every page kind, by template: each site must have one page of each.
const TEMPLATES: &[&str] = &[
    "home.html",
    "index-page.html",
    "year.html",
    "ranking.html",
    "ranking-overview.html",
    "unit.html",
    "article-list.html",
    "article.html",
    "tag.html",
    "tags.html",
    "data.html",
    "search.html",
    "404.html",
];

/// Snapshots `site`, the first page of each template and the pages at
/// `also` (their file paths) on the site at `root`, under names starting
/// with `name`.
fn snapshot_site(name: &str, root: &Path, also: &[&str]) {
    // The first page of each template, in the order pages are listed.
    let first = Mutex::new(BTreeSet::new());
    let contexts = chiso::page_contexts(&BuildOptions::new(root), |path, template| {
        let new_kind = first.lock().unwrap().insert(template.to_owned());
        new_kind || also.contains(&path)
    })
    .unwrap_or_else(|d| panic!("{} does not build:\n{d}", root.display()));
    let kinds: BTreeSet<&str> = contexts.iter().map(|c| c.template).collect();
    let expected: BTreeSet<&str> = TEMPLATES.iter().copied().collect();
    assert_eq!(kinds, expected, "one page of each kind");
    assert_eq!(
        contexts.len(),
        TEMPLATES.len() + also.len(),
        "{also:?} all found"
    );
    let mut site = contexts[0].context.get("site").cloned().unwrap_or_default();
    // The build date changes every day: a date, kept out of the snapshot.
    let built_on = site["build_date"].as_str().unwrap_or_default().to_owned();
    assert!(
        chiso::date::Date::parse(&built_on).is_ok(),
        "build_date {built_on:?}"
    );
    site["build_date"] = "<the day of the build>".into();
    insta::with_settings!({
        prepend_module_to_snapshot => false,
        omit_expression => true,
        description => format!("the `site` value of every page of {name}"),
    }, {
        insta::assert_json_snapshot!(format!("{name}__site"), site);
    });
    for mut page in contexts {
        let mut shared = page.context.remove("site");
        if let Some(shared) = shared.as_mut() {
            shared["build_date"] = "<the day of the build>".into();
        }
        assert_eq!(
            shared.as_ref(),
            Some(&site),
            "{}: the same `site`",
            page.path
        );
        let kind = page.template.trim_end_matches(".html");
        let kind = if also.contains(&page.path.as_str()) {
            let folder = page
                .path
                .trim_end_matches("index.html")
                .trim_end_matches('/');
            format!("{kind}-{}", folder.replace('/', "-"))
        } else {
            kind.to_owned()
        };
        insta::with_settings!({
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => format!("{} ({}), without `site`", page.path, page.template),
        }, {
            insta::assert_json_snapshot!(format!("{name}__{kind}"), page.context);
        });
    }
}

#[test]
fn the_example_site_s_page_contexts_are_as_snapshotted() {
    snapshot_site("example", &example_root(), &[]);
}

#[test]
fn a_small_national_site_s_page_contexts_are_as_snapshotted() {
    snapshot_site(
        "national-small",
        &example_root().join("tests/fixtures/national-small"),
        // The province merged into another, and the one it merged into.
        &[
            "don-vi/quang-binh/index.html",
            "don-vi/quang-tri/index.html",
        ],
    );
}
