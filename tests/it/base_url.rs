//! A site published under a subpath: built with `--base-url
//! https://example.gov.vn/cchc/`, every internal link, asset, feed and
//! sitemap URL in every page must resolve to a file of the output.

use std::fs;
use std::path::Path;

use crate::common::*;
use chiso::BuildOptions;

const BASE_URL: &str = "https://example.gov.vn/cchc/";
const BASE_PATH: &str = "/cchc/";

/// The output file a URL found in `page` (an output path) points at, or
/// `None` when it leaves the site; `Err` when it is internal but outside the
/// base path.
fn target(page: &str, url: &str) -> Option<Result<String, String>> {
    let url = url.split(['#', '?']).next().unwrap_or("");
    if url.is_empty() || url.starts_with("mailto:") || url.starts_with("data:") {
        return None;
    }
    let path = if let Some(rest) = url.strip_prefix(BASE_URL) {
        format!("{BASE_PATH}{rest}")
    } else if url.contains("://") || url.starts_with("//") {
        return None;
    } else if url.starts_with('/') {
        url.to_owned()
    } else {
        // Relative to the page's folder.
        let folder = page.rsplit_once('/').map_or("", |(f, _)| f);
        format!("{BASE_PATH}{folder}/{url}").replace("//", "/")
    };
    let Some(inside) = path.strip_prefix(BASE_PATH) else {
        return Some(Err(path));
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in inside.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            part => parts.push(part),
        }
    }
    let mut file = parts.join("/");
    if inside.is_empty() || inside.ends_with('/') {
        file = if file.is_empty() {
            "index.html".into()
        } else {
            format!("{file}/index.html")
        };
    }
    Some(Ok(file))
}

fn check_url(out: &Path, page: &str, url: &str, broken: &mut Vec<String>) {
    match target(page, url) {
        None => {}
        Some(Err(path)) => broken.push(format!("{page}: {url} is outside {BASE_PATH} ({path})")),
        Some(Ok(file)) => {
            let decoded = file.replace("%20", " ");
            if !out.join(&decoded).is_file() {
                broken.push(format!("{page}: {url} → {file} does not exist"));
            }
        }
    }
}

#[test]
fn every_internal_url_of_the_example_site_resolves_under_a_subpath() {
    check_site(&example_root());
}

#[test]
fn every_internal_url_of_the_national_example_resolves_under_a_subpath() {
    check_site(&example_root().join("examples/national"));
}

/// Builds the site at `root` under [`BASE_URL`] and checks every URL in it.
fn check_site(root: &Path) {
    let built = build_with(BuildOptions {
        base_url: Some(BASE_URL.into()),
        ..BuildOptions::new(root)
    })
    .unwrap_or_else(|d| panic!("{d}"));
    let selector = sel("[href], [src]");
    let mut checked = 0;
    let mut broken = Vec::new();
    for (page, html) in built.all_pages() {
        for element in html.select(&selector) {
            for attribute in ["href", "src"] {
                if let Some(url) = element.value().attr(attribute) {
                    check_url(&built.out, &page, url, &mut broken);
                    checked += 1;
                }
            }
        }
    }
    // Feeds, the sitemap and robots.txt: every absolute URL in them.
    for entry in walkdir::WalkDir::new(&built.out) {
        let entry = entry.unwrap();
        if entry
            .path()
            .extension()
            .is_none_or(|e| e != "xml" && e != "txt")
        {
            continue;
        }
        let page = entry
            .path()
            .strip_prefix(&built.out)
            .unwrap()
            .display()
            .to_string();
        let text = fs::read_to_string(entry.path()).unwrap();
        for (at, _) in text.match_indices("https://example.gov.vn") {
            let url: String = text[at..]
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '<' | '"' | '\''))
                .collect();
            check_url(&built.out, &page, &url.replace("&amp;", "&"), &mut broken);
            checked += 1;
        }
    }
    assert!(
        checked > 500,
        "only {checked} URLs found: is the site built?"
    );
    assert!(
        broken.is_empty(),
        "{} broken URLs:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn the_url_checker_tells_good_from_bad() {
    assert_eq!(
        target("a/index.html", "/cchc/"),
        Some(Ok("index.html".into()))
    );
    assert_eq!(
        target("a/index.html", "/cchc/chiso.css"),
        Some(Ok("chiso.css".into()))
    );
    assert_eq!(target("a/index.html", "/khac/"), Some(Err("/khac/".into())));
    assert_eq!(
        target("a/index.html", "../b/"),
        Some(Ok("b/index.html".into()))
    );
    assert_eq!(
        target("a/index.html", "https://example.gov.vn/cchc/nam/2023/#x"),
        Some(Ok("nam/2023/index.html".into()))
    );
    assert_eq!(target("a/index.html", "https://moha.gov.vn/"), None);
    assert_eq!(target("a/index.html", "#chu-thich"), None);
}

#[test]
fn a_menu_link_elsewhere_is_kept_and_a_script_base_url_is_refused() {
    let site = fixture("minimal");
    let config = fs::read_to_string(site.path().join("config.toml")).unwrap();
    let menu = "\n[[menu]]\nname = \"Cổng tỉnh\"\nurl = \"https://hatinh.gov.vn/\"\n\n\
                [[menu]]\nname = \"Tin tức\"\nurl = \"/tin-tuc/\"\n";
    put(site.path(), "config.toml", &format!("{config}{menu}"));
    let mut options = BuildOptions::new(site.path());
    options.base_url = Some(BASE_URL.to_owned());
    let built = build_with(options).unwrap_or_else(|d| panic!("build failed:\n{d}"));
    let home = built.page("");
    let links: Vec<String> = home
        .select(&sel("nav a"))
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(
        links.contains(&"https://hatinh.gov.vn/".to_owned()),
        "{links:?}"
    );
    assert!(links.contains(&"/cchc/tin-tuc/".to_owned()), "{links:?}");

    let mut options = BuildOptions::new(site.path());
    options.base_url = Some("javascript:alert(1)".to_owned());
    let errors = build_with(options).err().expect("a script base URL builds");
    assert!(errors.to_string().contains("--base-url"), "{errors}");
}

/// A link written with the base path already in it (`/cchc/tin-tuc/` on a
/// site published at `…/cchc/`) would be published under it twice
/// (`/cchc/cchc/tin-tuc/`): it is an error, in an article, the menu and
/// the footer alike, whose hint is the link to write (adv22 M1: it passed
/// check and build, and every page linked nowhere).
#[test]
fn a_link_written_with_the_base_path_is_an_error_naming_the_link_to_write() {
    let site = fixture("minimal");
    let config = fs::read_to_string(site.path().join("config.toml")).unwrap();
    let config = config.replace(
        "base_url = \"https://example.gov.vn/\"",
        "base_url = \"https://example.gov.vn/cchc/\"\nfooter = \"[Dữ liệu](/cchc/du-lieu/)\"",
    );
    let menu = "\n[[menu]]\nname = \"Tin tức\"\nurl = \"/cchc/tin-tuc/\"\n";
    put(site.path(), "config.toml", &format!("{config}{menu}"));
    put(
        site.path(),
        "content/tin-tuc/lien-ket.md",
        "+++\ntitle = \"Liên kết\"\ndate = 2024-03-01\n+++\n\n\
         Xem [bảng](/cchc/xep-hang/2023/khoi/) và [trang chủ](/cchc/).\n",
    );
    let errors = build_err(site.path());
    for (link, write) in [
        ("/cchc/xep-hang/2023/khoi/", "/xep-hang/2023/khoi/"),
        ("/cchc/", "/"),
        ("/cchc/tin-tuc/", "/tin-tuc/"),
        ("/cchc/du-lieu/", "/du-lieu/"),
    ] {
        assert!(
            errors.contains(&format!("the link `{link}` leads to no page")),
            "{link}: {errors}"
        );
        assert!(
            errors.contains(&format!(
                "write `{write}`: chiso adds the base_url's path `/cchc/`"
            )),
            "{write}: {errors}"
        );
    }
}

/// The address bar's `…/index.html` is refused with the address to write
/// (adv22 M2: every link of the site was under `index.html/`), and an
/// `http://` address is a warning (adv22 m4).
#[test]
fn a_base_url_ending_in_a_page_is_refused_and_http_is_warned_of() {
    let site = fixture("minimal");
    let mut options = BuildOptions::new(site.path());
    options.base_url = Some("https://user.github.io/cchc/index.html".to_owned());
    let errors = build_with(options).err().expect("refused").to_string();
    assert!(errors.contains("ends in a page's file name"), "{errors}");
    assert!(
        errors.contains("write `https://user.github.io/cchc/`"),
        "{errors}"
    );
    let config = fs::read_to_string(site.path().join("config.toml")).unwrap();
    put(
        site.path(),
        "config.toml",
        &config.replace("https://example.gov.vn/", "http://example.gov.vn/"),
    );
    let warnings = build_ok(site.path()).report.warnings.to_string();
    assert!(warnings.contains("uses http://"), "{warnings}");
    assert!(warnings.contains("config.toml:2:"), "{warnings}");
}

#[test]
fn a_base_url_without_its_scheme_is_refused_where_it_is_written() {
    // Taken for a path, `cchc.quangbinh.gov.vn` broke every link of the site
    // (`/cchc.quangbinh.gov.vn/chiso.css`) and the build said all was well.
    let site = fixture("minimal");
    let config = fs::read_to_string(site.path().join("config.toml")).unwrap();
    let config = config.replace(
        "base_url = \"https://example.gov.vn/\"",
        "base_url = \"cchc.quangbinh.gov.vn\"",
    );
    put(site.path(), "config.toml", &config);
    let errors = build_err(site.path());
    assert!(
        errors.contains("base_url `cchc.quangbinh.gov.vn` is not a full address"),
        "{errors}"
    );
    assert!(errors.contains("config.toml:2:"), "located: {errors}");
    assert!(
        errors.contains("https://"),
        "the hint shows the form: {errors}"
    );

    // The same mistake on the command line; a path or a full address builds.
    let site = fixture("minimal");
    for (base_url, fits) in [
        ("a.example/cchc/", false),
        ("//a.example/cchc/", false),
        ("https://", false),
        ("/cchc/", true),
        ("HTTPS://a.example/cchc/", true),
    ] {
        let mut options = BuildOptions::new(site.path());
        options.base_url = Some(base_url.to_owned());
        match build_with(options) {
            Ok(_) => assert!(fits, "{base_url} should be refused"),
            Err(errors) => {
                assert!(!fits, "{base_url} should build: {errors}");
                assert!(errors.to_string().contains("--base-url"), "{errors}");
            }
        }
    }
}

/// A backslash in `base_url` is read as `/` by browsers: `/\evil.example/`
/// before every link would load the site's scripts from another host
/// (adv19 C1). Refused in `config.toml` and on the command line.
#[test]
fn a_base_url_with_a_backslash_is_refused() {
    let site = fixture("minimal");
    let config = fs::read_to_string(site.path().join("config.toml")).unwrap();
    let config = config.replace(
        "base_url = \"https://example.gov.vn/\"",
        "base_url = \"https://example.gov.vn/\\\\evil.example/\"",
    );
    put(site.path(), "config.toml", &config);
    let errors = build_err(site.path());
    assert!(
        errors.contains("base_url `https://example.gov.vn/\\evil.example/` has a `\\`"),
        "{errors}"
    );
    assert!(errors.contains("config.toml:2:"), "located: {errors}");
    assert!(!site.path().join("public").exists());
}
