//! What a site made with `chiso init` needs to publish itself: the CI files
//! it writes, and the problem reports CI services read
//! (`--message-format github` annotations, a GitLab Code Quality report),
//! through the real binary.

use std::fs;

use crate::common::*;

/// The minimal site with one undefined unit (line 11, column 8).
fn broken_site() -> tempfile::TempDir {
    let site = fixture("minimal");
    let results = site.path().join("data/results/2023/khoi.toml");
    let text = fs::read_to_string(&results).unwrap();
    fs::write(&results, text.replacen("\"don-vi-b\"", "\"don-vi-bb\"", 1)).unwrap();
    site
}

#[test]
fn init_writes_workflows_that_download_this_release_and_never_compile() {
    let dir = tempfile::tempdir().unwrap();
    let made = chiso(&["init", "site", "--province", "Quảng Bình"], dir.path());
    assert!(made.status.success());
    // base_url is "/" until the editor sets it: init says what that means.
    let said = String::from_utf8_lossy(&made.stdout);
    assert!(
        said.contains("base_url") && said.contains("sitemap"),
        "{said}"
    );
    let site = dir.path().join("site");
    let version = env!("CARGO_PKG_VERSION");
    for file in [".github/workflows/publish.yml", ".gitlab-ci.yml"] {
        let text = fs::read_to_string(site.join(file)).unwrap();
        assert!(
            text.contains(&format!("CHISO_VERSION: \"{version}\"")),
            "{file}"
        );
        assert!(text.contains("sha256sum"), "{file}");
        assert!(!text.contains("cargo"), "{file}");
        // The share cards' cache is kept between runs.
        assert!(text.contains(".chiso-cache"), "{file}");
        // The check of a pull or merge request has an address to check
        // with, so base_url = "/" does not warn on each of them.
        let check = text.lines().find(|l| l.contains("chiso check")).unwrap();
        assert!(check.contains("--base-url"), "{file}: {check}");
    }
    // static/'s dotfiles (.well-known/) reach GitHub Pages, whose upload
    // action leaves them out unless told (adv22 M3); the output's marker
    // does not, on either host.
    let github = fs::read_to_string(site.join(".github/workflows/publish.yml")).unwrap();
    assert!(github.contains("include-hidden-files: true"), "{github}");
    for file in [".github/workflows/publish.yml", ".gitlab-ci.yml"] {
        let text = fs::read_to_string(site.join(file)).unwrap();
        assert!(text.contains("rm -f public/.chiso-output"), "{file}");
    }
    // GitLab runs one pipeline per push, not a branch's and a merge
    // request's both.
    let gitlab = fs::read_to_string(site.join(".gitlab-ci.yml")).unwrap();
    assert!(
        gitlab.contains("workflow:") && gitlab.contains("$CI_OPEN_MERGE_REQUESTS"),
        "{gitlab}"
    );
    // The new site still builds with its CI files in it; its two warnings
    // are its base_url without a host, and its placeholder table with no
    // result yet (not published until it has some).
    let checked = chiso(&["check", "--message-format", "github"], &site);
    assert!(checked.status.success());
    let stdout = String::from_utf8_lossy(&checked.stdout);
    let annotations: Vec<&str> = stdout.lines().collect();
    assert_eq!(annotations.len(), 2, "{stdout}");
    assert!(
        annotations.iter().all(|a| a.starts_with("::warning ")),
        "{stdout}"
    );
    assert!(annotations[0].contains("has no host"), "{stdout}");
    assert!(annotations[1].contains("has no result yet"), "{stdout}");
}

#[test]
fn github_annotations_name_each_problem_at_its_file_line_and_column() {
    let site = broken_site();
    let checked = chiso(&["check", "--message-format", "github"], site.path());
    assert_eq!(checked.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(
        stdout.lines().any(|l| l.starts_with(
            "::error file=data/results/2023/khoi.toml,line=11,col=8,title=chiso::unit `don-vi-bb` is not defined"
        )),
        "{stdout}"
    );
    assert!(stdout.lines().all(|l| l.starts_with("::")), "{stdout}");
    // People still read the report in the log.
    let stderr = String::from_utf8_lossy(&checked.stderr);
    assert!(
        stderr.contains("--> data/results/2023/khoi.toml:11:8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Check failed: the site has 1 error"),
        "{stderr}"
    );
}

#[test]
fn annotations_of_a_site_in_a_subfolder_name_the_repository_path() {
    let site = broken_site();
    let parent = site.path().parent().unwrap();
    let name = site.path().file_name().unwrap().to_str().unwrap();
    let checked = chiso(
        &["check", "--root", name, "--message-format", "github"],
        parent,
    );
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(
        stdout.contains(&format!("file={name}/data/results/2023/khoi.toml,line=11")),
        "{stdout}"
    );
}

#[test]
fn the_gitlab_report_is_code_quality_json_even_when_empty() {
    let site = broken_site();
    let checked = chiso(&["check", "--message-format", "gitlab"], site.path());
    assert_eq!(checked.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    let issue = &report[0];
    assert_eq!(issue["location"]["path"], "data/results/2023/khoi.toml");
    assert_eq!(issue["location"]["lines"]["begin"], 11);
    assert_eq!(issue["severity"], "major");

    let clean = fixture("minimal");
    let checked = chiso(&["check", "--message-format", "gitlab"], clean.path());
    assert!(checked.status.success());
    let report: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    assert_eq!(report, serde_json::json!([]));
    // A build's machine report is on standard output alone.
    let built = chiso(&["build", "--message-format", "gitlab"], clean.path());
    assert!(built.status.success());
    let report: serde_json::Value = serde_json::from_slice(&built.stdout).unwrap();
    assert_eq!(report, serde_json::json!([]));
}

#[test]
fn quiet_prints_nothing_when_all_is_well_and_only_errors_otherwise() {
    let clean = fixture("minimal");
    let built = chiso(&["build", "--quiet"], clean.path());
    assert!(built.status.success());
    assert_eq!(String::from_utf8_lossy(&built.stdout), "");
    assert_eq!(String::from_utf8_lossy(&built.stderr), "");
    let site = broken_site();
    let checked = chiso(&["check", "-q", "--lang", "en"], site.path());
    assert_eq!(checked.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&checked.stderr);
    assert!(
        stderr.contains("unit `don-vi-bb` is not defined"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\x1b'),
        "no colour outside a terminal: {stderr:?}"
    );
}

#[test]
fn a_new_site_home_page_does_not_headline_its_empty_table() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        chiso(&["init", "site", "--province", "Quảng Bình"], dir.path())
            .status
            .success()
    );
    let site = dir.path().join("site");
    assert!(chiso(&["build"], &site).status.success());
    let home = fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(!home.contains("class=\"blocks\""), "{home}");
    assert!(
        !home.contains("Số đơn vị xếp hạng: <strong>0</strong>"),
        "{home}"
    );
}

/// A new site's `base_url = "/"` has no host: the build says what that
/// costs, at the line, and the pages give no relative address where Open
/// Graph wants a full one; `--base-url` with a host gives them back.
#[test]
fn a_base_url_without_a_host_is_warned_and_gives_no_relative_share_addresses() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        chiso(&["init", "site", "--province", "Quảng Bình"], dir.path())
            .status
            .success()
    );
    let site = dir.path().join("site");
    let built = chiso(&["--lang", "en", "build"], &site);
    assert!(built.status.success());
    let err = stderr(&built);
    assert!(err.contains("base_url `/` has no host"), "{err}");
    assert!(err.contains("config.toml:"), "{err}");
    let home = fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(!home.contains("og:image"), "{home}");
    assert!(!home.contains("og:url"), "{home}");
    // Nor is a card drawn that no page names (adv22 m10).
    assert!(!site.join("public/anh-chia-se").exists());

    let published = chiso(
        &[
            "--lang",
            "en",
            "build",
            "--base-url",
            "https://cchc.quangbinh.gov.vn/",
        ],
        &site,
    );
    assert!(published.status.success());
    assert!(!stderr(&published).contains("has no host"));
    let home = fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(
        home.contains(
            "<meta property=\"og:image\" content=\"https://cchc.quangbinh.gov.vn/anh-chia-se/"
        ),
        "{home}"
    );
    assert!(
        home.contains("<meta property=\"og:url\" content=\"https://cchc.quangbinh.gov.vn/\">"),
        "{home}"
    );
}

/// A site adds its own stylesheet after chiso's, and writes its own
/// robots.txt (a staging copy's "Disallow: /"), from `config.toml`; a
/// stylesheet or menu link to nothing is an error at its line, and a
/// `static/robots.txt` is told how to do it instead.
#[test]
fn a_site_adds_its_stylesheet_and_writes_its_robots_txt() {
    let site = fixture("minimal");
    let root = site.path();
    let config = fs::read_to_string(root.join("config.toml")).unwrap();
    let own = "stylesheets = [\"css/rieng.css\", \"https://cdn.example.vn/a.css\"]\n\
               robots_txt = \"User-agent: *\\nDisallow: /\"\n";
    put(root, "config.toml", &format!("{own}{config}"));
    put(
        root,
        "static/css/rieng.css",
        ".site-header { background: #036; }\n",
    );
    let built = build(root).unwrap_or_else(|d| panic!("{d}"));
    let home = built.page("");
    let sheets: Vec<String> = home
        .select(&sel("link[rel=stylesheet]"))
        .filter_map(|l| l.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(
        sheets,
        [
            "/chiso.css",
            "/css/rieng.css",
            "https://cdn.example.vn/a.css"
        ]
    );
    let robots = fs::read_to_string(built.out.join("robots.txt")).unwrap();
    assert_eq!(robots, "User-agent: *\nDisallow: /\n");

    // A stylesheet that is not in static/, and a menu link to no page.
    let broken = format!(
        "stylesheets = [\"css/khong-co.css\"]\n{config}\n[[menu]]\nname = \"Giới thiệu\"\nurl = \"/gioi-thieu/\"\n"
    );
    put(root, "config.toml", &broken);
    let report = build_err(root);
    assert!(
        report.contains("config.toml:1:17") && report.contains("css/khong-co.css"),
        "{report}"
    );
    assert!(report.contains("/gioi-thieu/"), "{report}");

    // A static robots.txt: the hint says where the site's own goes.
    put(root, "config.toml", &config);
    put(root, "static/robots.txt", "User-agent: *\n");
    let report = build_err(root);
    assert!(report.contains("robots_txt"), "{report}");
}

/// What cannot be what the editor meant in the site's own links and
/// robots.txt is said at its line: a relative link (`../`), an empty
/// stylesheet (an error each), a `\n` kept as two characters by single
/// quotes (a warning: robots.txt would block nothing).
#[test]
fn config_links_and_robots_txt_that_cannot_be_meant_are_told() {
    let site = fixture("minimal");
    let root = site.path();
    let config = fs::read_to_string(root.join("config.toml")).unwrap();
    let odd =
        "stylesheets = [\"\", \"../css/a.css\"]\nrobots_txt = 'User-agent: *\\nDisallow: /'\n";
    put(root, "config.toml", &format!("{odd}{config}"));
    let report = build_err(root);
    assert!(
        report.contains("an entry of `stylesheets` is empty"),
        "{report}"
    );
    assert!(
        report.contains("the link `../css/a.css` is written relative"),
        "{report}"
    );
    assert!(
        report.contains("`robots_txt` holds `\\n` as two characters"),
        "{report}"
    );
}

/// Stylesheets and menu links a browser would ignore, block or open as
/// something else are warned of at their line, each once: a page listed as
/// a stylesheet, chiso's own, an `http://` one on an `https://` site, one
/// listed twice, a mistyped scheme, an empty menu link; a stylesheet not in
/// static/ is told where to put it.
#[test]
fn stylesheets_and_menu_links_a_browser_would_not_use_are_warned_of() {
    let site = fixture("minimal");
    let root = site.path();
    let config = fs::read_to_string(root.join("config.toml")).unwrap();
    put(root, "static/css/a.css", "body { color: #111; }\n");
    let odd = "stylesheets = [\"css/a.css\", \"tin-tuc/\", \"chiso.css\", \
               \"http://cdn.example.vn/b.css\", \"/css/a.css\", \"htps://cdn.example.vn/c.css\", \
               'https://cdn.example.vn/x.css\"><script>'\n]\n";
    let menu = "\n[[menu]]\nname = \"Trống\"\nurl = \"\"\n\
                \n[[menu]]\nname = \"Sở\"\nurl = \"htps://sonoivu.example.vn/\"\n\
                \n[[menu]]\nname = \"Bộ\"\nurl = \"https://moha.gov.vn/a b\"\n\
                \n[data_license]\nname = \"CC-BY-4.0\"\nurl = 'https://a.b/\"><script>alert(4)</script>'\n";
    put(root, "config.toml", &format!("{odd}{config}{menu}"));
    let built = build(root).unwrap_or_else(|d| panic!("{d}"));
    let warnings = built.report.warnings.to_string();
    for expected in [
        "`tin-tuc/` in `stylesheets` is not a .css file",
        "`chiso.css` is chiso's own stylesheet",
        "`http://cdn.example.vn/b.css` is loaded over http://",
        "`/css/a.css` is already entry 1 of `stylesheets`",
        "`htps://cdn.example.vn/c.css`",
        "a menu entry has an empty `url`",
        "`htps://sonoivu.example.vn/`",
        "`https://cdn.example.vn/x.css\"><script>` holds a space, a quote or < >",
        "`https://moha.gov.vn/a b` holds a space",
        "`https://a.b/\"><script>alert(4)</script>` of `data_license` is not an address",
    ] {
        assert!(warnings.contains(expected), "{expected}: {warnings}");
    }
    assert_eq!(warnings.matches("config.toml:").count(), 10, "{warnings}");
    // Each linked once, and chiso.css first only: the site's rules win.
    let sheets: Vec<String> = built
        .page("")
        .select(&sel("link[rel=stylesheet]"))
        .filter_map(|l| l.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(
        sheets,
        [
            "/chiso.css",
            "/css/a.css",
            "/tin-tuc/",
            "http://cdn.example.vn/b.css",
            "htps://cdn.example.vn/c.css",
            // Escaped in its attribute: a broken link, nothing run.
            "https://cdn.example.vn/x.css\"><script>"
        ]
    );

    put(
        root,
        "config.toml",
        &format!("stylesheets = [\"css/rieng2.css\"]\n{config}"),
    );
    let report = build_err(root);
    assert!(
        report.contains("copy the file to static/css/rieng2.css"),
        "{report}"
    );
}

/// A table whose file has no result yet is not published, and what asks
/// for it says so, with its file: a link to its page, a shortcode of its
/// year; a menu link to a draft says it is a draft.
#[test]
fn links_and_shortcodes_to_a_table_waiting_for_its_results_say_so() {
    let site = fixture("minimal");
    let root = site.path();
    put(
        root,
        "data/results/2024/khoi.toml",
        "index = \"chi-so\"\nyear = 2024\ngroup = \"khoi\"\ncomplete = true\n",
    );
    put(
        root,
        "content/tin-tuc/bai-hai.md",
        "+++\ntitle = \"Bài hai\"\ndate = 2024-01-02\n+++\n\nXem [bảng 2024](/xep-hang/2024/khoi/).\n\n\
         <!-- chiso:ket-qua chi-so=chi-so nam=2024 don-vi=don-vi-a -->\n\n\
         <!-- chiso:bang-xep-hang chi-so=chi-so nam=2024 khoi=khoi -->\n",
    );
    put(
        root,
        "content/tin-tuc/nhap.md",
        "+++\ntitle = \"Nháp\"\ndate = 2024-01-02\ndraft = true\n+++\n\nx\n",
    );
    let config = fs::read_to_string(root.join("config.toml")).unwrap();
    put(
        root,
        "config.toml",
        &format!("{config}\n[[menu]]\nname = \"Nháp\"\nurl = \"/tin-tuc/nhap/\"\n"),
    );
    let report = build_err(root);
    let waiting = "the table of 2024 (data/results/2024/khoi.toml), which has no result yet";
    assert!(
        report.contains(&format!(
            "the link `/xep-hang/2024/khoi/` leads to {waiting}"
        )),
        "{report}"
    );
    assert_eq!(
        report
            .matches("the table of 2024 (data/results/2024/khoi.toml) has no result yet")
            .count(),
        2,
        "ket-qua and bang-xep-hang: {report}"
    );
    assert!(
        report.contains("the link `/tin-tuc/nhap/` leads to the draft"),
        "{report}"
    );
}
