//! Names that cannot be written into the built site are found by `check`
//! as by `build`, each at its place: an id or slug too long for a file
//! name.

use std::fs;
use std::path::Path;

use crate::common::*;

/// What `chiso check` and `chiso build` print (in English) on the site at
/// `root`, each failing.
fn check_and_build(root: &Path) -> [String; 2] {
    ["check", "build"].map(|command| {
        let output = chiso(&[command], root);
        assert!(!output.status.success(), "{command} should fail");
        stderr(&output)
    })
}

/// The text of a site file with `from` replaced by `to`.
fn replace(root: &Path, path: &str, from: &str, to: &str) {
    let text = fs::read_to_string(root.join(path)).unwrap();
    assert!(text.contains(from), "{path} has no {from}");
    put(root, path, &text.replace(from, to));
}

#[test]
fn an_id_too_long_for_a_file_name_is_an_error_at_the_id() {
    let site = fixture("minimal");
    let long = "a".repeat(300);
    for path in [
        "data/units.toml",
        "data/results/2022/khoi.json",
        "data/results/2023/khoi.toml",
    ] {
        replace(site.path(), path, "don-vi-d", &long);
    }
    for printed in check_and_build(site.path()) {
        assert!(
            printed.contains("the unit id `aaaa") && printed.contains("is 300 bytes long"),
            "{printed}"
        );
        assert!(printed.contains("--> data/units.toml:21:6"), "{printed}");
        assert!(!printed.contains("os error"), "{printed}");
    }
}

#[test]
fn an_id_of_the_longest_length_builds() {
    let site = fixture("minimal");
    let longest = "a".repeat(chiso::vi::MAX_NAME_BYTES);
    for path in [
        "data/units.toml",
        "data/results/2022/khoi.json",
        "data/results/2023/khoi.toml",
    ] {
        replace(site.path(), path, "don-vi-d", &longest);
    }
    let built = build_ok(site.path());
    assert!(built
        .out
        .join("don-vi")
        .join(&longest)
        .join("index.html")
        .is_file());
}

#[test]
fn a_slug_or_tag_too_long_is_an_error_at_its_key() {
    let site = fixture("minimal");
    let long = "a".repeat(300);
    put(
        site.path(),
        "content/tin-tuc/dai.md",
        &format!("+++\ntitle = \"Dài\"\ndate = 2024-05-08\nslug = \"{long}\"\n+++\nĐoạn.\n"),
    );
    put(
        site.path(),
        "content/tin-tuc/the.md",
        &format!(
            "+++\ntitle = \"Thẻ\"\ndate = 2024-05-08\ntags = [\"Thử\", \"{long}\"]\n+++\nĐoạn.\n"
        ),
    );
    for printed in check_and_build(site.path()) {
        assert!(printed.contains("the article's slug `aaaa"), "{printed}");
        assert!(
            printed.contains("--> content/tin-tuc/dai.md:4:1"),
            "{printed}"
        );
        assert!(printed.contains("the tag `aaaa"), "{printed}");
        assert!(
            printed.contains("--> content/tin-tuc/the.md:4:1"),
            "{printed}"
        );
        assert!(!printed.contains("os error"), "{printed}");
    }
}
