//! Names that cannot be written into the built site are found by `check`
//! as by `build`, each at its place: an id or slug too long for a file
//! name, a file of `static/` where the site has a folder or inside a name
//! the site gives a file.

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

#[test]
fn every_static_file_in_the_way_of_a_folder_or_file_is_an_error_at_it() {
    let site = fixture("minimal");
    put(site.path(), "static/tin-tuc", "a file");
    put(site.path(), "static/don-vi", "a file");
    put(site.path(), "static/atom.xml/f", "a file");
    put(site.path(), "static/khac/f", "no clash");
    for printed in check_and_build(site.path()) {
        for file in ["static/tin-tuc", "static/don-vi", "static/atom.xml/f"] {
            assert!(
                printed.contains(&format!("--> {file}\n")),
                "{file}: {printed}"
            );
        }
        assert_eq!(
            printed.matches("both cannot be written").count(),
            3,
            "{printed}"
        );
        assert!(printed.contains("the folder `/don-vi/`"), "{printed}");
        assert!(
            printed.contains("chiso makes `/atom.xml` as a file"),
            "{printed}"
        );
        assert!(!printed.contains("static/khac"), "{printed}");
    }
}

#[test]
fn serve_reports_the_static_files_in_the_way_too() {
    let site = fixture("minimal");
    put(site.path(), "static/don-vi", "a file");
    put(site.path(), "static/atom.xml/f", "a file");
    let mut session = chiso::session::Session::new(chiso::BuildOptions::new(site.path()));
    let Err(diagnostics) = session.rebuild(&[]) else {
        panic!("the session should report the static files in the way");
    };
    let files: Vec<String> = diagnostics
        .sorted()
        .iter()
        .filter_map(|d| d.file.as_ref().map(|f| f.display().to_string()))
        .collect();
    assert_eq!(
        files,
        ["static/atom.xml/f", "static/don-vi"],
        "{diagnostics}"
    );
}

/// A static file named on macOS or taken from a zip archive (NFD) is
/// published under its NFC name, and links to it, written plainly or
/// percent-encoded as a browser's address bar copies them, are found.
#[test]
fn static_names_are_published_in_nfc_and_percent_encoded_links_reach_them() {
    let site = fixture("minimal");
    let root = site.path();
    let nfd = "Quye\u{302}\u{301}t đi\u{323}nh 12.pdf";
    put(root, &format!("static/tai-lieu/{nfd}"), "pdf");
    put(
        root,
        "content/tin-tuc/tai-lieu.md",
        "+++\ntitle = \"Tài liệu\"\ndate = 2024-05-08\n+++\n\
         [a](</tai-lieu/Quyết định 12.pdf>), \
         [b](/tai-lieu/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2012.pdf), \
         [c](/tai-lieu/Quye%CC%82%CC%81t%20%C4%91i%CC%A3nh%2012.pdf)\n",
    );
    let built = build_ok(root);
    let published: Vec<String> = fs::read_dir(built.out.join("tai-lieu"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(published, ["Quyết định 12.pdf"]);
    // A percent-encoded link to a file that is not there is still broken.
    put(
        root,
        "content/tin-tuc/tai-lieu.md",
        "+++\ntitle = \"Tài liệu\"\ndate = 2024-05-08\n+++\n[d](/tai-lieu/khong%20co.pdf)\n",
    );
    let errors = build_err(root);
    assert!(errors.contains("/tai-lieu/khong%20co.pdf"), "{errors}");
}
