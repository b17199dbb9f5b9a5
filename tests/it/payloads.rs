//! Nothing in a data file or an article runs in a reader's browser: the
//! site of `tests/fixtures/payloads/` has a script payload in every text
//! field that reaches a page and raw HTML in every Markdown field. It builds
//! (raw HTML shown as text, each with a located warning), and no page has a
//! script, an event-handler attribute or a `javascript:` URL that the theme
//! did not ship. Its twin with refused URLs is the invalid fixture
//! `refused-urls` (`tests/it/invalid_sites.rs`); the browser runs the same
//! pages in `tests/browser/payloads.mjs`.

use std::collections::BTreeSet;
use std::fs;

use crate::common::*;
use scraper::Html;

fn payload_root() -> std::path::PathBuf {
    example_root().join("tests/fixtures/payloads")
}

/// What in a page could run a script: every `<script>` but the theme's,
/// every `on…` attribute, every element that embeds another document, and
/// every URL attribute with a scheme that runs or makes up content.
fn runnable(page: &Html, base: &str) -> Vec<String> {
    let shipped = [format!("{base}sort.js"), format!("{base}search.js")];
    let mut found = Vec::new();
    for element in page
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let el = element.value();
        let name = el.name();
        if name == "script" {
            let src = el.attr("src").unwrap_or_default();
            let inline = element.text().any(|t| !t.trim().is_empty());
            if inline || !shipped.iter().any(|s| s == src) {
                found.push(format!("<script src={src:?}> {}", element.html()));
            }
        }
        if matches!(name, "iframe" | "object" | "embed" | "frame" | "base") {
            found.push(format!("<{name}>"));
        }
        for (attr, value) in el.attrs() {
            if attr.to_ascii_lowercase().starts_with("on") {
                found.push(format!("<{name} {attr}={value:?}>"));
            }
            let url_attr = matches!(
                attr,
                "href" | "src" | "action" | "formaction" | "xlink:href"
            );
            let scheme: String = value
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                .take_while(|c| *c != ':')
                .collect::<String>()
                .to_ascii_lowercase();
            let image = name == "img" && attr == "src";
            let refused = matches!(scheme.as_str(), "javascript" | "vbscript")
                || (scheme == "data" && !image);
            if url_attr && value.contains(':') && refused {
                found.push(format!("<{name} {attr}={value:?}>"));
            }
        }
    }
    found
}

#[test]
fn no_payload_runs_on_any_page_and_each_is_shown_as_text() {
    let built = build_ok(&payload_root());
    let pages = built.all_pages();
    assert!(pages.len() >= 15, "only {} pages", pages.len());
    let mut problems = Vec::new();
    let mut shown = 0;
    for (path, page) in &pages {
        for thing in runnable(page, "/") {
            problems.push(format!("{path}: {thing}"));
        }
        let text: String = page.root_element().text().collect();
        shown += text.matches("window.__pwned").count();
    }
    assert!(
        problems.is_empty(),
        "runnable payloads:\n{}",
        problems.join("\n")
    );
    // The payloads did reach the pages, as text.
    assert!(shown > 100, "only {shown} payloads shown as text");
    let article = built.page("tin-tuc/bai-tan-cong/");
    let body = one(&article, "article.article");
    for text in [
        "<script>window.__pwned=1;alert(1)</script>",
        "<b onmouseover=\"window.__pwned=1;alert(1)\">đậm</b>",
        "<svg onload=\"window.__pwned=1;alert(1)\">",
        "<!-- chưa đóng <img",
    ] {
        assert!(body.contains(text), "{text:?} not shown in {body}");
    }
    // Shortcodes, which are comments, still work (one in a table cell).
    assert!(body.contains("Đơn vị A đạt 90,00"), "{body}");
    let html = fs::read_to_string(built.out.join("tin-tuc/bai-tan-cong/index.html")).unwrap();
    assert!(
        !html.contains("chiso:ket-qua"),
        "a shortcode was not expanded"
    );
    // Heading attributes: the id stays, the handler goes.
    assert!(html.contains("<h2 id=\"mo-dau\">"), "{html}");
}

#[test]
fn each_raw_html_field_is_a_warning_at_its_place() {
    let built = build_ok(&payload_root());
    let warnings = built.report.warnings.to_string();
    let at: BTreeSet<&str> = warnings
        .lines()
        .filter_map(|l| l.trim().strip_prefix("--> "))
        .collect();
    let expected = [
        "config.toml:5:22",
        "content/_index.md:4:11",
        "content/tin-tuc/bai-tan-cong.md:7:1",
        "content/tin-tuc/bai-tan-cong.md:9:91",
        "content/tin-tuc/bai-tan-cong.md:11:1",
        "content/tin-tuc/bai-tan-cong.md:13:1",
        "content/tin-tuc/bai-tan-cong.md:18:31",
        "content/tin-tuc/bai-tan-cong.md:20:3",
        "content/tin-tuc/bai-tan-cong.md:24:77",
        "content/tin-tuc/bai-tan-cong.md:26:76",
        "content/tin-tuc/bai-tan-cong.md:32:7",
        "content/tin-tuc/bai-tan-cong.md:34:1",
        "data/indices.toml:7:7",
        "data/indices.toml:9:1",
        "data/results/2022/khoi.json:6:21",
        "data/results/2022/khoi.json:9:51",
        "data/results/2023/khoi.toml:5:22",
        // The source's link, whose pasted tag is no address.
        "data/results/2023/khoi.toml:12:8",
        "data/results/2023/khoi.toml:18:9",
        "data/results/2023/khoi.toml:26:1",
        "data/results/2024/khoi.toml:12:13",
        "data/results/2024/khoi.toml:19:12",
        "data/results/2024/khoi.toml:26:13",
        "data/units.toml:4:21",
        "data/units.toml:20:8",
        "data/units.toml:22:1",
    ];
    assert_eq!(at, expected.into_iter().collect(), "{warnings}");
    assert!(
        warnings.contains("warning: raw HTML is shown as text, not run: `<script>`"),
        "{warnings}"
    );
    assert!(
        warnings.contains("heading attributes other than an id and classes are dropped: `onclick`"),
        "{warnings}"
    );
}

#[test]
fn a_site_that_opts_in_gets_its_raw_html_and_no_warnings() {
    let site = fixture("payloads");
    let config = fs::read_to_string(site.path().join("config.toml")).unwrap();
    put(
        site.path(),
        "config.toml",
        &format!("unsafe_html = true\n{config}"),
    );
    let built = build_ok(site.path());
    // Only the source's link, which no setting makes an address.
    let warnings = built.report.warnings.to_string();
    assert_eq!(warnings.matches("warning:").count(), 1, "{warnings}");
    assert!(
        warnings.contains("does not look like a web address"),
        "{warnings}"
    );
    let html = fs::read_to_string(built.out.join("tin-tuc/bai-tan-cong/index.html")).unwrap();
    assert!(
        html.contains("<b onmouseover=\"window.__pwned=1;alert(1)\">"),
        "the opted-in raw HTML is missing"
    );
}

#[test]
fn refused_urls_are_all_reported_and_nothing_is_written() {
    let site = fixture("minimal");
    let case = example_root().join("tests/fixtures/invalid/refused-urls");
    for entry in walkdir::WalkDir::new(&case).min_depth(1) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(&case).unwrap();
        if entry.file_type().is_file() && relative != std::path::Path::new("expected.snap") {
            let text = fs::read_to_string(entry.path()).unwrap();
            put(site.path(), relative.to_str().unwrap(), &text);
        }
    }
    let report = build_err(site.path());
    let errors = report.lines().filter(|l| l.starts_with("error:")).count();
    assert_eq!(errors, 10, "{report}");
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_refused_base_url_is_an_error_in_config_toml() {
    let site = fixture("minimal");
    let config = fs::read_to_string(site.path().join("config.toml")).unwrap();
    let config = config.replace("https://example.gov.vn/", "JAVA&#x53;CRIPT:alert(1)//");
    put(site.path(), "config.toml", &config);
    let report = build_err(site.path());
    assert!(
        report.contains("error: a `javascript:` URL is not allowed: `JAVA&#x53;CRIPT:alert(1)//`"),
        "{report}"
    );
    assert!(report.contains("--> config.toml:2:13"), "{report}");
}

#[test]
fn open_data_cells_that_look_like_formulas_are_text_and_numbers_stay_numbers() {
    let built = build_ok(&payload_root());
    let csv = fs::read_to_string(built.out.join("du-lieu/2023/khoi/chi-so.csv")).unwrap();
    for cell in [
        "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Đơn vị B\"\")\"",
        "\"'+Đơn vị C\"",
        "\"'@Đơn vị D\"",
        "\"'-Lý do <img",
    ] {
        assert!(csv.contains(cell), "{cell} not in\n{csv}");
    }
    // Negative changes are numbers: rank -1, score -6.50.
    assert!(csv.contains(",2022,1,-1,-6.50,"), "{csv}");
}
