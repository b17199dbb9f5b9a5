//! Builds that can be trusted: the same input gives the same bytes, text in
//! NFD or with a byte-order mark gives the same site, and `chiso check` on
//! the example site says OK and nothing else.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::*;
use unicode_normalization::UnicodeNormalization;

/// Every file of a built site, by path.
fn snapshot(out: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap().display().to_string();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn two_builds_of_the_example_site_are_byte_identical() {
    let a = build_ok(&example_root());
    let b = build_ok(&example_root());
    let (a, b) = (snapshot(&a.out), snapshot(&b.out));
    assert!(a.len() > 50);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two builds");
    }
}

/// Rewrites every text file of a site with `f`.
fn rewrite_text_files(root: &Path, f: impl Fn(&str) -> Vec<u8>) {
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = fs::read_to_string(entry.path()).unwrap();
            fs::write(entry.path(), f(&text)).unwrap();
        }
    }
}

#[test]
fn nfd_and_bom_files_give_the_same_site_as_nfc() {
    let nfc = fixture("minimal");
    let nfd = fixture("minimal");
    rewrite_text_files(nfd.path(), |t| t.nfd().collect::<String>().into_bytes());
    let bom = fixture("minimal");
    rewrite_text_files(bom.path(), |t| {
        [b"\xEF\xBB\xBF".as_slice(), t.as_bytes()].concat()
    });
    // Make sure the rewrite did change the bytes of a file with diacritics.
    let units = |root: &Path| fs::read(root.join("data/units.toml")).unwrap();
    assert_ne!(units(nfc.path()), units(nfd.path()));
    let reference = snapshot(&build_ok(nfc.path()).out);
    for (name, site) in [("NFD", &nfd), ("BOM", &bom)] {
        let other = snapshot(&build_ok(site.path()).out);
        assert_eq!(
            reference.keys().collect::<Vec<_>>(),
            other.keys().collect::<Vec<_>>(),
            "{name}"
        );
        for (path, bytes) in &reference {
            assert!(bytes == &other[path], "{path} differs for {name} input");
        }
    }
}

/// `chiso check` of the site at `root`, in English.
fn check(root: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chiso"))
        .env("LC_ALL", "en_US.UTF-8")
        .args(["check", "--root"])
        .arg(root)
        .output()
        .unwrap()
}

#[test]
fn check_on_the_example_site_prints_one_ok_line() {
    let output = check(&example_root());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "OK: the site has no errors\n"
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// After warnings, `check`'s closing line counts them: "no errors" alone
/// reads as all clear (adv21 m5).
#[test]
fn check_with_warnings_says_how_many() {
    let site = fixture("minimal");
    put(site.path(), "content/bai.MD", "# Bài\n");
    let output = check(site.path());
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bai.MD"), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "No errors, but 1 warning to look at (above)\n"
    );
}

#[test]
fn check_writes_nothing() {
    let site = fixture("minimal");
    let output = check(site.path());
    assert!(output.status.success());
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_failed_check_says_it_was_a_check() {
    // It said "Build failed: … The output folder is as it was." though `check` never
    // builds or writes.
    let site = fixture("minimal");
    put(site.path(), "data/units.toml", "[[unit]\n");
    for (lang, closing, not) in [
        (
            "en",
            "Check failed: the site has 1 error to fix",
            "Build failed",
        ),
        ("vi", "Kiểm tra xong: trang có 1 lỗi", "Không dựng được"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_chiso"))
            .args(["check", "--lang", lang, "--root"])
            .arg(site.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.contains(closing), "{err}");
        assert!(!err.contains(not), "{err}");
    }
}

/// Two files of `static/` whose names differ only in how their diacritics
/// are encoded are published at one name: the error says so, not that a
/// page of chiso's is replaced.
#[test]
fn two_static_files_of_one_name_once_normalised_are_told_apart_from_a_page() {
    let site = fixture("minimal");
    let nfc = "Báo cáo.txt";
    let nfd: String = nfc.nfd().collect();
    put(site.path(), &format!("static/{nfc}"), "a");
    put(site.path(), &format!("static/{nfd}"), "b");
    let report = build_err(site.path());
    assert!(
        report.contains("differ only in how the diacritics are encoded"),
        "{report}"
    );
    assert!(!report.contains("that chiso makes"), "{report}");
}
