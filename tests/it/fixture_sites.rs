//! Builds small fixture sites (copied from `tests/fixtures/` into a temporary
//! folder, then changed one file at a time) and checks the HTML, the
//! escaping, and what a failed build reports and leaves behind.

use std::fs;
use std::process::Command;

use crate::common::*;
use chiso::BuildOptions;

#[test]
fn ties_share_a_rank_and_the_next_rank_is_skipped() {
    let site = fixture("minimal");
    let built = build_ok(site.path());
    let page = built.page("xep-hang/2023/khoi/");
    // 85 and 85.0012 print as 85,00: a tie on published precision.
    assert_eq!(
        all(&page, "table.ranking tbody td.rank"),
        ["1", "2 (đồng hạng)", "2 (đồng hạng)", "4"]
    );
    assert_eq!(
        all(&page, "table.ranking tbody th.unit a"),
        ["Đơn vị A", "Đơn vị B", "Đơn vị C", "Đơn vị D"]
    );
    // Points become a percentage: 72 of 90 is 80,00%.
    let last = all(&page, "table.ranking tbody tr").pop().unwrap();
    assert!(last.contains("72/90") && last.contains("80,00%"), "{last}");
    // (90 + 85 + 85 + 80) / 4 = 85,00; one unit reaches 90.
    assert_eq!(one(&page, "tfoot td.average"), "85,00%");
    assert_eq!(one(&page, "tfoot .top-count"), "1");
}

#[test]
fn changes_are_derived_against_the_previous_year() {
    let site = fixture("minimal");
    let page = build_ok(site.path()).page("xep-hang/2023/khoi/");
    let changes = all(&page, "table.ranking tbody td.change-cell");
    // 2022 ranks: A 3, B 1, C 2, D 4.
    assert_eq!(changes[0], "tăng 2 bậc (năm 2022: 3/4)");
    assert_eq!(changes[1], "giảm 1 bậc (năm 2022: 1/4)");
    assert_eq!(changes[2], "giữ nguyên thứ hạng (năm 2022: 2/4)");
    assert_eq!(changes[3], "giữ nguyên thứ hạng (năm 2022: 4/4)");
}

#[test]
fn a_table_in_json_renders_like_the_same_table_in_toml() {
    let toml_site = fixture("minimal");
    let json_site = fixture("minimal");
    let table = fs::read_to_string(toml_site.path().join("data/results/2023/khoi.toml")).unwrap();
    let value: toml::Value = toml::from_str(&table).unwrap();
    fs::remove_file(json_site.path().join("data/results/2023/khoi.toml")).unwrap();
    put(
        json_site.path(),
        "data/results/2023/khoi.json",
        &serde_json::to_string_pretty(&value).unwrap(),
    );
    let a = build_ok(toml_site.path());
    let b = build_ok(json_site.path());
    let read = |built: &Built| {
        fs::read_to_string(built.out.join("xep-hang/2023/khoi/index.html")).unwrap()
    };
    assert_eq!(read(&a), read(&b));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = fixture("minimal");
    let built = build_ok(site.path());
    assert!(!built.out.join("tin-tuc/ban-nhap/index.html").exists());
    let with_drafts = build_with(BuildOptions {
        drafts: true,
        ..BuildOptions::new(site.path())
    })
    .unwrap();
    assert!(with_drafts.out.join("tin-tuc/ban-nhap/index.html").exists());
    // A draft says so, on its page and in the list, so a preview is never
    // taken for the published site; a published article does not.
    let draft = with_drafts.page("tin-tuc/ban-nhap/");
    assert_eq!(one(&draft, "article .draft-badge"), "Bản nháp");
    let list = with_drafts.page("tin-tuc/");
    assert_eq!(all(&list, ".draft-badge"), ["Bản nháp"]);
    let published = with_drafts.page("tin-tuc/bai-mot/");
    assert!(all(&published, ".draft-badge").is_empty());
}

#[test]
fn text_from_data_and_front_matter_is_escaped() {
    let site = fixture("minimal");
    let units = fs::read_to_string(site.path().join("data/units.toml")).unwrap();
    put(
        site.path(),
        "data/units.toml",
        &units.replace("\"Đơn vị A\"", "\"<script>alert(1)</script>\""),
    );
    put(
        site.path(),
        "content/tin-tuc/bai-mot.md",
        "+++\ntitle = 'Sở \"Tư pháp\" & <b>Nội vụ</b>'\ndate = 2024-05-07\n+++\nNội dung.\n",
    );
    let built = build_ok(site.path());
    let ranking = fs::read_to_string(built.out.join("xep-hang/2023/khoi/index.html")).unwrap();
    assert!(!ranking.contains("<script>"), "unit name was not escaped");
    assert!(ranking.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let article = built.page("tin-tuc/bai-mot/");
    assert_eq!(
        one(&article, "article h1"),
        "Sở \"Tư pháp\" & <b>Nội vụ</b>"
    );
    assert_eq!(article.select(&sel("article h1 b")).count(), 0);
}

#[test]
fn a_subpath_base_url_prefixes_internal_links() {
    let site = fixture("minimal");
    let options = BuildOptions {
        base_url: Some("https://example.gov.vn/cchc/".into()),
        ..BuildOptions::new(site.path())
    };
    let built = build_with(options).unwrap();
    let article = built.page("tin-tuc/bai-mot/");
    let hrefs: Vec<_> = article
        .select(&sel("article a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(hrefs, ["/cchc/xep-hang/2023/khoi/"]);
    let css = article.select(&sel("link[rel=stylesheet]")).next().unwrap();
    assert_eq!(css.value().attr("href"), Some("/cchc/chiso.css"));
}

/// Every file of a folder with its bytes.
fn snapshot(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    assert!(files.len() > 10);
    files
}

#[test]
fn a_failed_build_reports_every_problem_and_leaves_the_previous_site() {
    let site = fixture("minimal");
    let out = site.path().join("public");
    let options = BuildOptions {
        output: Some(out.clone()),
        ..BuildOptions::new(site.path())
    };
    chiso::build(&options).unwrap();
    let before = snapshot(&out);

    put(
        site.path(),
        "data/results/2023/khoi.toml",
        "index = \"chi-so\"\nyear = 2023\ngroup = \"khoi\"\ncomplete = true\n\n[[result]]\nunit = \"don-vi-x\"\nscore = 90\n\n[[result]]\nunit = \"don-vi-b\"\nscore = 185\n",
    );
    put(
        site.path(),
        "content/tin-tuc/hong.md",
        "+++\ntitle = \"Hỏng\"\n",
    );
    let errors = chiso::build(&options).unwrap_err().to_string();
    assert!(
        errors.contains("unit `don-vi-x` is not defined"),
        "{errors}"
    );
    assert!(errors.contains("did you mean `don-vi-a`?"), "{errors}");
    assert!(errors.contains("outside the scale"), "{errors}");
    assert!(errors.contains("front matter is not closed"), "{errors}");
    assert!(
        errors.contains("data/results/2023/khoi.toml:7:8"),
        "{errors}"
    );
    assert!(snapshot(&out) == before, "the previous site changed");
    let leftovers: Vec<_> = fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The first build's share cards' cache stays, and so does the
        // output's (empty) lock file: neither is output.
        .filter(|n| {
            n.contains("chiso") && n != chiso::render::cards::CACHE_DIR && n != ".public.chiso-lock"
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_build_failing_after_its_pages_were_written_leaves_the_previous_site() {
    // Links are checked once every page was rendered, and a build writes
    // pages as it renders them: a broken link must still change nothing.
    let site = fixture("minimal");
    let out = site.path().join("public");
    let options = BuildOptions {
        output: Some(out.clone()),
        ..BuildOptions::new(site.path())
    };
    chiso::build(&options).unwrap();
    let before = snapshot(&out);
    put(
        site.path(),
        "content/tin-tuc/bai-mot.md",
        "+++\ntitle = \"Bài một, sửa\"\ndate = 2024-05-07\n+++\nXem [trang không có](/khong-co/).\n",
    );
    let errors = chiso::build(&options).unwrap_err().to_string();
    assert!(errors.contains("/khong-co/"), "{errors}");
    assert!(snapshot(&out) == before, "the previous site changed");
}

#[test]
fn a_rebuild_writes_only_the_files_that_changed() {
    let site = fixture("minimal");
    let out = site.path().join("public");
    let options = BuildOptions {
        output: Some(out.clone()),
        ..BuildOptions::new(site.path())
    };
    let first = chiso::build(&options).unwrap();
    assert_eq!(first.changed, first.files);
    let unit_page = out.join("don-vi/don-vi-a/index.html");
    let modified = || fs::metadata(&unit_page).unwrap().modified().unwrap();
    let unit_page_written = modified();

    let again = chiso::build(&options).unwrap();
    assert_eq!((again.files, again.changed), (first.files, 0));

    // A new article: its page, the lists, feed, search index, tag and
    // sitemap change; the unit pages do not.
    put(
        site.path(),
        "content/tin-tuc/bai-hai.md",
        "+++\ntitle = \"Bài hai\"\ndate = 2024-06-02\n+++\nNội dung.\n",
    );
    let third = chiso::build(&options).unwrap();
    assert_eq!(third.files, first.files + 1);
    assert!(
        third.changed > 1 && third.changed < first.files / 2,
        "{} of {} files changed",
        third.changed,
        third.files
    );
    assert_eq!(modified(), unit_page_written);
    assert!(out.join("tin-tuc/bai-hai/index.html").is_file());

    // And without it again, its page goes.
    fs::remove_file(site.path().join("content/tin-tuc/bai-hai.md")).unwrap();
    chiso::build(&options).unwrap();
    assert!(!out.join("tin-tuc/bai-hai").exists());
}

#[test]
fn the_command_line_builds_and_exits_with_the_right_code() {
    let site = fixture("minimal");
    let out = site.path().join("out");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_chiso"))
            .env("LC_ALL", "en_US.UTF-8")
            .args(args)
            .output()
            .unwrap()
    };
    let root = site.path().to_str().unwrap();
    let ok = run(&["build", "--root", root, "--output", out.to_str().unwrap()]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        stdout.starts_with("Built ") && stdout.contains(" pages "),
        "{stdout}"
    );
    assert!(out.join("index.html").is_file());

    // Again over that output: nothing changed, and --timings says where the
    // time went, stage by stage and template by template.
    let again = run(&[
        "build",
        "--root",
        root,
        "--output",
        out.to_str().unwrap(),
        "--timings",
    ]);
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(stdout.contains(" files, 0 changed) in "), "{stdout}");
    for stage in ["load data", "render and write", "check links", "commit"] {
        assert!(stdout.contains(stage), "{stage} missing: {stdout}");
    }
    let unit_line = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("unit.html"))
        .unwrap_or_else(|| panic!("no timing for unit.html: {stdout}"));
    // One page per unit.
    let units = fs::read_to_string(site.path().join("data/units.toml"))
        .unwrap()
        .matches("[[unit]]")
        .count()
        .to_string();
    assert_eq!(
        unit_line.split_whitespace().nth(1),
        Some(units.as_str()),
        "{unit_line}"
    );

    put(site.path(), "data/units.toml", "[[unit]]\nid = 1\n");
    let bad = run(&["build", "--root", root, "--output", out.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("data/units.toml:2:6"), "{stderr}");
    assert!(
        stderr.contains("The output folder is as it was."),
        "{stderr}"
    );

    let usage = run(&["build", "--no-such-flag"]);
    assert_eq!(usage.status.code(), Some(2));
    let help = run(&["build", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    for flag in ["--root", "--output", "--base-url", "--drafts"] {
        assert!(help.contains(flag), "--help does not explain {flag}");
    }
}

#[test]
fn a_complete_table_may_exclude_units_whose_results_were_not_published() {
    let site = fixture("minimal");
    put(
        site.path(),
        "data/results/2024/khoi.toml",
        r#"index = "chi-so"
year = 2024
group = "khoi"
complete = true
excluded = [{ unit = "don-vi-d", reason = "kết quả không được công bố" }]

[[result]]
unit = "don-vi-a"
score = 91.5

[[result]]
unit = "don-vi-b"
score = 80

[[result]]
unit = "don-vi-c"
not_ranked = "số liệu không đủ tin cậy"
"#,
    );
    let page = build_ok(site.path()).page("xep-hang/2024/khoi/");
    // Only the two scored units are ranked: the excluded one is not in the
    // table and counts in nothing, the not-ranked one is listed last.
    assert_eq!(all(&page, "table.ranking tbody td.rank"), ["1", "2", "—"]);
    assert_eq!(one(&page, "tfoot td.average"), "85,75%");

    // An article naming the unit not ranked says so, as the table does;
    // asking for its score or rank is an error that says why there is none.
    let article = site.path().join("content/tin-tuc/bai-mot.md");
    let body = fs::read_to_string(&article).unwrap();
    let call = "<!-- chiso:ket-qua chi-so=chi-so nam=2024 don-vi=don-vi-c -->";
    fs::write(
        &article,
        format!(
            "{body}
Đơn vị C: {call}.
"
        ),
    )
    .unwrap();
    let text = one(&build_ok(site.path()).page("tin-tuc/bai-mot/"), "article");
    assert!(text.contains("Đơn vị C: không xếp hạng."), "{text}");
    let rank = call.replace("don-vi-c", "don-vi-c hien=hang");
    fs::write(
        &article,
        format!(
            "{body}
Đơn vị C: {rank}.
"
        ),
    )
    .unwrap();
    let errors = build_err(site.path());
    assert!(
        errors.contains(
            "`don-vi-c` is not ranked in this index's 2024 table (số liệu không đủ tin cậy)"
        ),
        "{errors}"
    );
}

#[test]
fn an_index_without_a_unit_label_prints_no_stray_space() {
    // Printed `90,0000 , xếp thứ 1/4` and `90,0000 ` before one formatter
    // printed every figure.
    let site = fixture("minimal");
    let indices = site.path().join("data/indices.toml");
    let text = fs::read_to_string(&indices).unwrap();
    fs::write(
        &indices,
        text.replace("unit_label = \"%\"", "unit_label = \"\"")
            .replace("decimals = 2", "decimals = 4"),
    )
    .unwrap();
    let article = site.path().join("content/tin-tuc/bai-mot.md");
    let mut body = fs::read_to_string(&article).unwrap();
    body.push_str(
        "\nKết quả: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a -->.\n\n\
         Bình quân: <!-- chiso:khoi nam=2023 khoi=khoi hien=binh-quan -->.\n",
    );
    fs::write(&article, body).unwrap();
    let built = build_ok(site.path());
    let page = built.page("tin-tuc/bai-mot/");
    let text = one(&page, "article");
    assert!(text.contains("Kết quả: 90,0000, xếp thứ 1/4"), "{text}");
    assert!(
        text.contains("Bình quân: 85,0003 (tính từ bảng)."),
        "{text}"
    );
    let ranking = built.page("xep-hang/2023/khoi/");
    assert_eq!(
        all(&ranking, "table.ranking tbody .score")
            .first()
            .map(String::as_str),
        Some("90,0000")
    );
    assert!(!ranking.html().contains("90,0000 <"), "stray space");
}

/// A tag's articles are paginated as the article list: `articles_per_page`
/// a page, newest first, each page linking to the next and the previous,
/// and every page in the sitemap.
#[test]
fn a_tag_s_articles_are_paginated_as_the_article_list() {
    let site = fixture("minimal");
    let root = site.path();
    for i in 1..=23 {
        put(
            root,
            &format!("content/tin-tuc/the-{i:02}.md"),
            &format!(
                "+++\ntitle = \"Bài số {i}\"\ndate = 2024-01-{i:02}\ntags = [\"Nhiều bài\"]\n+++\nNội dung.\n"
            ),
        );
    }
    let built = build_ok(root);
    let titles = |html: &scraper::Html| all(html, "ul.article-list > li h2 a");
    let next = |html: &scraper::Html| {
        html.select(&sel("nav.pager a[rel=next]"))
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect::<Vec<_>>()
    };
    let previous = |html: &scraper::Html| {
        html.select(&sel("nav.pager a[rel=prev]"))
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect::<Vec<_>>()
    };

    // 23 articles, 10 a page: three pages.
    let first = built.page("the/nhieu-bai/");
    assert_eq!(titles(&first).len(), 10);
    assert_eq!(titles(&first)[0], "Bài số 23");
    assert_eq!(next(&first), ["/the/nhieu-bai/trang/2/"]);
    assert!(previous(&first).is_empty());
    assert_eq!(one(&first, "nav.pager span"), "Trang 1/3");

    let second = built.page("the/nhieu-bai/trang/2/");
    assert_eq!(titles(&second)[0], "Bài số 13");
    assert_eq!(previous(&second), ["/the/nhieu-bai/"]);
    assert_eq!(next(&second), ["/the/nhieu-bai/trang/3/"]);
    assert!(
        one(&second, "h1").ends_with("trang 2"),
        "{}",
        one(&second, "h1")
    );

    let last = built.page("the/nhieu-bai/trang/3/");
    assert_eq!(titles(&last), ["Bài số 3", "Bài số 2", "Bài số 1"]);
    assert_eq!(previous(&last), ["/the/nhieu-bai/trang/2/"]);
    assert!(next(&last).is_empty());

    // No fourth page; every page in the sitemap; a tag of one page has no pager.
    assert!(!built.out.join("the/nhieu-bai/trang/4").exists());
    let sitemap = fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    for page in [
        "the/nhieu-bai/",
        "the/nhieu-bai/trang/2/",
        "the/nhieu-bai/trang/3/",
    ] {
        assert!(
            sitemap.contains(&format!("https://example.gov.vn/{page}<")),
            "{page}"
        );
    }
    let single = built.page("the/thu/");
    assert!(single.select(&sel("nav.pager")).next().is_none());
}

#[test]
fn shortcodes_keep_ranks_and_their_changes_on_one_line_as_pages_do() {
    let site = fixture("minimal");
    let article = site.path().join("content/tin-tuc/bai-mot.md");
    let mut body = fs::read_to_string(&article).unwrap();
    body.push_str(
        "\nKết quả: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a -->.\n\n\
         Thay đổi: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a hien=thay-doi -->.\n\n\
         Khối: <!-- chiso:khoi chi-so=chi-so nam=2023 khoi=khoi -->.\n",
    );
    fs::write(&article, body).unwrap();
    let built = build_ok(site.path());
    let html = fs::read_to_string(built.out.join("tin-tuc/bai-mot/index.html")).unwrap();
    assert!(
        html.contains(
            "Kết quả: 90,00%, xếp thứ\u{a0}1/4 (tính từ bảng), tăng 2\u{a0}bậc so với năm 2022 (tính từ bảng)."
        ),
        "{html}"
    );
    assert!(
        html.contains("Thay đổi: tăng 2\u{a0}bậc so với năm 2022 (tính từ bảng)."),
        "{html}"
    );
    assert!(
        html.contains("1/4\u{a0}đơn vị đạt từ 90% trở lên"),
        "{html}"
    );
    // As the ranking page words the same line.
    let ranking = fs::read_to_string(built.out.join("xep-hang/2023/khoi/index.html")).unwrap();
    assert!(ranking.contains("tăng 2\u{a0}bậc"), "{ranking}");
}

/// A link to a draft, which this build leaves out, says so and names the
/// draft's file, rather than that it leads nowhere.
#[test]
fn a_link_to_a_draft_names_the_draft() {
    let site = fixture("minimal");
    let path = site.path().join("content/tin-tuc/bai-mot.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        format!("{text}\nXem [bản nháp](/tin-tuc/ban-nhap/).\n"),
    )
    .unwrap();
    let report = build_err(site.path());
    assert!(
        report.contains("leads to the draft content/tin-tuc/ban-nhap.md (`draft = true`)"),
        "{report}"
    );
    assert!(!report.contains("leads to no page"), "{report}");
    // Its message says what to do: no list of the site's addresses after it.
    assert!(!report.contains("the site's pages are"), "{report}");
}

/// A link written without its leading `/` that would lead to a page from
/// the site's root is told to start with `/`; shortcodes that cannot print
/// what they ask say why, as the page would.
#[test]
fn broken_links_and_shortcodes_say_what_is_missing() {
    let site = fixture("minimal");
    put(
        site.path(),
        "content/tin-tuc/so-lieu.md",
        "+++\ntitle = \"Số liệu\"\ndate = 2024-03-01\n+++\n\n\
         Xem [bảng](xep-hang/2023/khoi/) và [tệp](/tai-lieu/qd.pdf).\n\n\
         <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a hien=diem-dat -->\n\n\
         <!-- chiso:ket-qua chi-so=chi-so nam=2022 don-vi=don-vi-a hien=thay-doi -->\n",
    );
    let report = build_err(site.path());
    assert!(
        report.contains("write `/xep-hang/2023/khoi/`: a link not starting with / is read from the page it is on"),
        "{report}"
    );
    // A page a letter away is named.
    let text = std::fs::read_to_string(site.path().join("content/tin-tuc/so-lieu.md")).unwrap();
    put(
        site.path(),
        "content/tin-tuc/so-lieu.md",
        &text.replace("(xep-hang/2023/khoi/)", "(/xep-hang/2023/khoii/)"),
    );
    let again = build_err(site.path());
    assert!(
        again.contains("did you mean `/xep-hang/2023/khoi/`?"),
        "{again}"
    );
    assert!(
        report.contains("copy the file to static/tai-lieu/qd.pdf"),
        "{report}"
    );
    assert!(
        report.contains("has no points (`points`), only the index score: use `hien=diem`"),
        "{report}"
    );
    assert!(
        report.contains("no complete table of an earlier year to compare with"),
        "{report}"
    );
}

/// A mistyped id in an article's shortcode is told with the nearest one,
/// as in a data file.
#[test]
fn a_shortcode_typo_names_the_nearest_id() {
    let site = fixture("minimal");
    put(
        site.path(),
        "content/tin-tuc/so-lieu.md",
        "+++\ntitle = \"Số liệu\"\ndate = 2024-03-01\n+++\n\n\
         <!-- chiso:ket-qua chi-so=chi-soo nam=2023 don-vi=don-vi-a -->\n\n\
         <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-aa -->\n\n\
         <!-- chiso:khoi chi-so=chi-so nam=2023 khoi=khoii -->\n",
    );
    let errors = build_err(site.path());
    for near in ["`chi-so`?", "`don-vi-a`?", "`khoi`?"] {
        assert!(errors.contains(&format!("did you mean {near}")), "{errors}");
    }
}

/// `[báo cáo](tai lieu/bao cao.pdf)` is no link in Markdown: the page
/// prints it as text, and the build says where and how to write it.
#[test]
fn an_address_with_a_space_is_pointed_at() {
    let site = fixture("minimal");
    let article = site.path().join("content/tin-tuc/bai-mot.md");
    let mut body = fs::read_to_string(&article).unwrap();
    body.push_str("\nTải [báo cáo](tai lieu/bao cao.pdf) tại đây.\n");
    fs::write(&article, &body).unwrap();
    let line = body.lines().count();
    let built = build_ok(site.path());
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains("the address `tai lieu/bao cao.pdf` holds a space"),
        "{warnings}"
    );
    assert!(
        warnings.contains(&format!("content/tin-tuc/bai-mot.md:{line}:")),
        "{warnings}"
    );
    assert!(warnings.contains("(<tai lieu/bao cao.pdf>)"), "{warnings}");
}

/// Editors wrap lines: a shortcode starting a line of a paragraph stays in
/// its sentence, and the words after it are words, not raw HTML.
#[test]
fn a_shortcode_starting_a_wrapped_line_stays_in_its_paragraph() {
    let site = fixture("minimal");
    let article = site.path().join("content/tin-tuc/bai-mot.md");
    let mut body = fs::read_to_string(&article).unwrap();
    body.push_str(
        "\nNăm 2023, đơn vị A đạt\n\
         <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a hien=diem --> theo *quyết định*.\n",
    );
    fs::write(&article, &body).unwrap();
    let built = build_ok(site.path());
    let warnings = built.report.warnings.to_string();
    assert!(!warnings.contains("HTML"), "{warnings}");
    let page = built.page("tin-tuc/bai-mot/");
    let paragraphs = all(&page, "article p");
    assert!(
        paragraphs.contains(&"Năm 2023, đơn vị A đạt 90,00% theo quyết định.".to_owned()),
        "{paragraphs:?}"
    );
}

/// A decision that prints a rank its own scores contradict: kept with the
/// line's `disputed` note, shown beside the rank the table gives, with
/// both and the note under the table, in the downloads and articles.
#[test]
fn a_published_rank_the_scores_contradict_is_kept_with_its_note() {
    let site = fixture("minimal");
    let file = site.path().join("data/results/2023/khoi.toml");
    let text = fs::read_to_string(&file).unwrap();
    let disputed = text.replacen(
        "unit = \"don-vi-a\"\nscore = 90\n",
        "unit = \"don-vi-a\"\nscore = 90\nrank = 3\ndisputed = \"Quyết định in hạng 3.\"\n",
        1,
    );
    assert_ne!(disputed, text);
    fs::write(&file, &disputed).unwrap();
    let article = site.path().join("content/tin-tuc/bai-mot.md");
    let mut body = fs::read_to_string(&article).unwrap();
    body.push_str(
        "\nHạng: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a hien=hang -->.\n",
    );
    fs::write(&article, &body).unwrap();
    let built = build_ok(site.path());
    let page = built.page("xep-hang/2023/khoi/");
    let first = all(&page, "table.ranking tbody td.rank")[0].clone();
    assert_eq!(first, "1/4 (công bố: thứ 3)‡");
    let notes = all(&page, ".note.disputed");
    assert!(
        notes.contains(
            &"‡ Đơn vị A: thứ hạng công bố: 3; tính từ bảng: 1 — Quyết định in hạng 3.".to_owned()
        ),
        "{notes:?}"
    );
    let csv = fs::read_to_string(built.out.join("du-lieu/2023/khoi/chi-so.csv")).unwrap();
    assert!(csv.lines().any(|l| l.contains(",1,4,3,don-vi-a,")), "{csv}");
    let text = one(&built.page("tin-tuc/bai-mot/"), "article");
    assert!(text.contains("Hạng: 1/4 (công bố: thứ 3)."), "{text}");
    // A note on a line with nothing to dispute is a warning.
    fs::write(&file, disputed.replacen("rank = 3\n", "", 1)).unwrap();
    let built = build_ok(site.path());
    assert!(
        built
            .report
            .warnings
            .to_string()
            .contains("is `disputed`, but its stated figures agree"),
        "{}",
        built.report.warnings
    );
}

/// A complete table whose source printed scores alone: every rank the site
/// shows is its own arithmetic, and says so where it is shown.
#[test]
fn ranks_no_line_states_are_marked_computed() {
    let built = build_ok(fixture("minimal").path());
    let page = built.page("xep-hang/2023/khoi/");
    assert_eq!(
        all(&page, "table.ranking thead th.rank"),
        ["Hạng (tính từ bảng)"]
    );
    let derived = one(&page, "p.derived-note");
    assert!(derived.contains(": thứ hạng"), "{derived}");
    let unit = built.page("don-vi/don-vi-a/");
    let hero = one(&unit, "article.scorecard .scorecard-hero");
    assert!(hero.ends_with("(tính từ bảng)"), "{hero}");
}

/// Units tied first are named together, once, as tied.
#[test]
fn units_tied_first_lead_together() {
    let site = fixture("minimal");
    let file = site.path().join("data/results/2023/khoi.toml");
    let text = fs::read_to_string(&file).unwrap();
    let tied = text.replacen(
        "unit = \"don-vi-b\"\nscore = 85\n",
        "unit = \"don-vi-b\"\nscore = 90\n",
        1,
    );
    assert_ne!(tied, text);
    fs::write(&file, tied).unwrap();
    let built = build_ok(site.path());
    let summary = all(&built.page("xep-hang/2023/khoi/"), "ul.table-summary li");
    let leaders: Vec<&String> = summary
        .iter()
        .filter(|l| l.starts_with("Dẫn đầu"))
        .collect();
    assert_eq!(
        leaders,
        ["Dẫn đầu (đồng hạng): Đơn vị A (90,00%), Đơn vị B (90,00%)"]
    );
}

/// A published score of a unit left out of the ranking (PAPI prints the
/// scores of provinces it does not rank) is shown wherever the line is:
/// the rank cell says it is not ranked, and an article may quote the score.
#[test]
fn a_unit_not_ranked_keeps_its_published_score() {
    let site = fixture("minimal");
    put(
        site.path(),
        "data/results/2024/khoi.toml",
        r#"index = "chi-so"
year = 2024
group = "khoi"
complete = true
excluded = [{ unit = "don-vi-d", reason = "kết quả không được công bố" }]

[[result]]
unit = "don-vi-a"
score = 91.5

[[result]]
unit = "don-vi-b"
score = 80

[[result]]
unit = "don-vi-c"
score = 70.12
not_ranked = "đang sắp xếp tổ chức"
illustrative = true
"#,
    );
    put(
        site.path(),
        "content/tin-tuc/diem.md",
        "+++\ntitle = \"Điểm\"\ndate = 2024-05-02\n+++\n\nC: <!-- chiso:ket-qua chi-so=chi-so nam=2024 don-vi=don-vi-c -->. \
         Điểm: <!-- chiso:ket-qua chi-so=chi-so nam=2024 don-vi=don-vi-c hien=diem -->.\n",
    );
    let built = build_ok(site.path());
    let page = built.page("xep-hang/2024/khoi/");
    assert_eq!(
        all(&page, "table.ranking tbody td.rank"),
        ["1", "2", "không xếp hạng"]
    );
    let scores = all(&page, "table.ranking tbody td.value");
    assert!(scores.iter().any(|s| s.contains("70,12")), "{scores:?}");
    // Not in the average: (91,5 + 80) / 2.
    assert!(one(&page, "tfoot td.average").starts_with("85,75%"));
    let unit_page = built.page("don-vi/don-vi-c/");
    assert_eq!(one(&unit_page, "dd.scorecard-score"), "70,12%*");
    let unit = all(&unit_page, "table.history tbody tr");
    assert!(
        unit.iter()
            .any(|r| r.contains("70,12") && r.contains("không xếp hạng")),
        "{unit:?}"
    );
    let text = one(&built.page("tin-tuc/diem/"), "article");
    assert!(
        text.contains("C: 70,12%* (không xếp hạng). Điểm: 70,12%*."),
        "{text}"
    );
}

/// A unit sharing its place (Đơn vị B and C, 85 and 85,0012 at the
/// table's two decimals) is never said to hold it alone: an article, its
/// card, its page, the full ranking and the search index say "đồng hạng".
#[test]
fn a_tied_unit_is_said_to_share_its_place() {
    let site = fixture("minimal");
    put(
        site.path(),
        "content/tin-tuc/dong-hang.md",
        "+++\ntitle = \"Đồng hạng\"\ndate = 2024-05-02\n+++\n\nB: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-b -->. \
         A: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a hien=hang -->.\n",
    );
    let built = build_ok(site.path());
    let text = one(&built.page("tin-tuc/dong-hang/"), "article");
    assert!(
        text.contains("B: 85,00%, xếp thứ 2/4 (đồng hạng, tính từ bảng)"),
        "{text}"
    );
    assert!(text.contains("A: 1/4 (tính từ bảng)."), "{text}");
    let unit = built.page("don-vi/don-vi-c/");
    let history = all(&unit, "table.history tbody td.rank");
    // One bracket says both (adv18 m10), as the article does.
    assert_eq!(history[0], "2/4 (đồng hạng, tính từ bảng)", "{history:?}");
    // The full ranking says it too, not only by printing 2 twice (adv17 m2).
    let ranking = built.page("xep-hang/2023/khoi/");
    assert_eq!(
        all(&ranking, "table.ranking tbody td.rank"),
        ["1", "2 (đồng hạng)", "2 (đồng hạng)", "4"]
    );
    let search = std::fs::read_to_string(built.out.join("tim-kiem/chi-muc.json")).unwrap();
    assert!(search.contains("2/4, đồng hạng"), "{search}");
}

/// A line with a score and no rank, published with its change in points:
/// `ket-qua` gives that change, as the unit's card does.
#[test]
fn a_sentence_about_a_line_without_a_rank_gives_its_published_change() {
    let site = fixture("minimal");
    put(
        site.path(),
        "data/results/2024/khoi.toml",
        r#"index = "chi-so"
year = 2024
group = "khoi"
complete = false

[source]
title = "Báo cáo thử"

[[result]]
unit = "don-vi-a"
score = 90.89
change = { points = 0.89 }
"#,
    );
    put(
        site.path(),
        "content/tin-tuc/thay-doi.md",
        "+++\ntitle = \"Thay đổi\"\ndate = 2024-05-02\n+++\n\nA: <!-- chiso:ket-qua chi-so=chi-so nam=2024 don-vi=don-vi-a -->.\n",
    );
    let built = build_ok(site.path());
    let text = one(&built.page("tin-tuc/thay-doi/"), "article");
    assert!(
        text.contains("A: 90,89%, tăng 0,89 điểm phần trăm"),
        "{text}"
    );
}

/// A change published on a line with nothing to derive one from (no
/// earlier table) is printed by `hien=thay-doi-diem` as the change cell
/// prints it; asked in places it gives none of, the message says what it
/// gives.
#[test]
fn a_published_change_is_printed_alone_as_published() {
    let site = fixture("minimal");
    put(
        site.path(),
        "data/results/2021/khoi.toml",
        "index = \"chi-so\"\nyear = 2021\ngroup = \"khoi\"\n\n[source]\ntitle = \"Báo cáo\"\n\n\
         [[result]]\nunit = \"don-vi-a\"\nscore = 88.5\nrank = 2\nof = 4\nchange = { points = 1.5 }\n",
    );
    put(
        site.path(),
        "content/tin-tuc/so-lieu.md",
        "+++\ntitle = \"Số liệu\"\ndate = 2024-03-01\n+++\n\n\
         Điểm: <!-- chiso:ket-qua chi-so=chi-so nam=2021 don-vi=don-vi-a hien=thay-doi-diem -->.\n",
    );
    let built = build_ok(site.path());
    let article = one(&built.page("tin-tuc/so-lieu"), "article");
    assert!(
        article.contains("tăng 1,5 điểm phần trăm") && article.contains("(công bố)"),
        "{article}"
    );
    put(
        site.path(),
        "content/tin-tuc/so-lieu.md",
        "+++\ntitle = \"Số liệu\"\ndate = 2024-03-01\n+++\n\n\
         Bậc: <!-- chiso:ket-qua chi-so=chi-so nam=2021 don-vi=don-vi-a hien=thay-doi -->.\n",
    );
    let report = build_err(site.path());
    assert!(
        report.contains("gives points (`points`), not places: use `hien=thay-doi-diem`"),
        "{report}"
    );
}

/// The full `ket-qua` sentence of a ranked line without a change says why,
/// as the change cell does: here a unit the earlier complete table did not
/// list.
#[test]
fn the_full_sentence_says_why_a_ranked_line_has_no_change() {
    let site = fixture("minimal");
    let file = site.path().join("data/results/2022/khoi.json");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(",\n    { \"unit\": \"don-vi-d\", \"score\": 70 }", "");
    put(site.path(), "data/results/2022/khoi.json", &text);
    let units = std::fs::read_to_string(site.path().join("data/units.toml")).unwrap();
    put(
        site.path(),
        "data/units.toml",
        &units.replace(
            "name = \"Đơn vị D\"",
            "name = \"Đơn vị D\"\nactive_from = 2023",
        ),
    );
    put(
        site.path(),
        "content/tin-tuc/so-lieu.md",
        "+++\ntitle = \"Số liệu\"\ndate = 2024-03-01\n+++\n\n\
         D: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-d -->.\n",
    );
    let built = build_ok(site.path());
    let article = one(&built.page("tin-tuc/so-lieu"), "article");
    assert!(article.contains("kết quả đầu tiên"), "{article}");
}

/// A percent chiso works out from points the publication printed alone
/// says so wherever it is shown alone: a sentence, a scorecard, and the
/// downloads' flag (as is a rank computed from the table).
#[test]
fn a_percent_worked_out_from_points_says_so_where_it_stands_alone() {
    let site = fixture("minimal");
    put(
        site.path(),
        "content/tin-tuc/so-lieu.md",
        "+++\ntitle = \"Số liệu\"\ndate = 2024-03-01\n+++\n\n\
         D: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-d -->.\n\n\
         A: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a hien=diem -->.\n",
    );
    let built = build_ok(site.path());
    let article = one(&built.page("tin-tuc/so-lieu"), "article");
    assert!(
        article.contains("80,00% (tính từ điểm đạt 72/90)"),
        "{article}"
    );
    assert_eq!(article.matches("tính từ điểm đạt").count(), 1, "{article}");
    let unit = one(&built.page("don-vi/don-vi-d"), ".scorecards");
    assert!(unit.contains("(tính từ điểm đạt 72/90)"), "{unit}");
    let csv = std::fs::read_to_string(built.out.join("du-lieu/2023/khoi/chi-so.csv")).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (value_computed, rank_computed) =
        (column("diem_tinh_tu_diem_dat"), column("hang_tinh_tu_bang"));
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let d = line.contains("don-vi-d");
        assert_eq!(cells[value_computed], if d { "1" } else { "0" }, "{line}");
        // No line of the table states its rank.
        assert_eq!(cells[rank_computed], "1", "{line}");
    }
}

/// A score typed with fewer decimals than its table prints (88.3 in a
/// table of two) is warned of once for the table: its pages print 88,30,
/// which the source may never have printed. A whole number, the line's own
/// `decimals` and the zero typed (88.30) are left alone, and so is a JSON
/// 88.3 (JSON writers drop zeros); a JSON 6.0 kept its zero, and is not.
#[test]
fn scores_typed_with_fewer_decimals_than_printed_are_warned_of() {
    let site = fixture("minimal");
    let file = "data/results/2023/khoi.toml";
    let text = std::fs::read_to_string(site.path().join(file)).unwrap();
    let with = |from: &str, to: &str| {
        put(site.path(), file, &text.replace(from, to));
        build_ok(site.path()).report.warnings.to_string()
    };
    let warnings = with("score = 85\n", "score = 85.5\n");
    assert!(
        warnings.contains("the table has 1 of 3 scores written with fewer decimals than it prints (2), as 85.5: the pages would print 85,50"),
        "{warnings}"
    );
    assert!(warnings.contains("khoi.toml:12:9"), "{warnings}");
    assert!(
        warnings.contains("add `decimals = 1` to those lines"),
        "{warnings}"
    );
    for quiet in [
        "score = 85.50\n",
        "score = 85.5\ndecimals = 1\n",
        "score = 85\n",
    ] {
        let warnings = with("score = 85\n", quiet);
        assert!(!warnings.contains("fewer decimals"), "{quiet}: {warnings}");
    }
    let json = "data/results/2022/khoi.json";
    let text = std::fs::read_to_string(site.path().join(json)).unwrap();
    let with = |from: &str, to: &str| {
        put(site.path(), json, &text.replace(from, to));
        build_ok(site.path()).report.warnings.to_string()
    };
    let warnings = with("\"score\": 88 }", "\"score\": 88.0 }");
    assert!(
        warnings.contains("1 of 4 scores written with fewer decimals than it prints (2), as 88.0: the pages would print 88,00"),
        "{warnings}"
    );
    assert!(warnings.contains("khoi.json:9:36"), "{warnings}");
    let warnings = with("\"score\": 88 }", "\"score\": 88.3 }");
    assert!(!warnings.contains("fewer decimals"), "{warnings}");
}

/// A score typed with a trailing zero beyond its table's decimals (85.100
/// in a table of two) is warned of at its line as 85.105 would be: the page
/// prints 85,10, and the digit the source printed is lost (adv21 m1). The
/// same score without the zero, or with the line's own `decimals`, is quiet.
#[test]
fn a_trailing_zero_beyond_the_tables_decimals_is_warned_of() {
    let site = fixture("minimal");
    let file = "data/results/2023/khoi.toml";
    // Its 85.0012 (a workbook's unrounded cell) would make the table's
    // finer scores look unrounded too.
    let text = std::fs::read_to_string(site.path().join(file))
        .unwrap()
        .replace("score = 85.0012\n", "score = 80\n");
    let with = |to: &str| {
        put(site.path(), file, &text.replace("score = 85\n", to));
        build_ok(site.path()).report.warnings.to_string()
    };
    let warnings = with("score = 85.100\n");
    assert!(
        warnings.contains("score is written 85.100 (3 decimals), but the table prints 2: the pages would print 85,10"),
        "{warnings}"
    );
    assert!(warnings.contains("khoi.toml:12:9"), "{warnings}");
    for quiet in ["score = 85.10\n", "score = 85.100\ndecimals = 3\n"] {
        let warnings = with(quiet);
        assert!(!warnings.contains("decimals"), "{quiet}: {warnings}");
    }
}

/// A shortcode given a name where an id goes is told the id; asked for a
/// year without a result, it lists the years with one.
#[test]
fn shortcodes_say_the_id_of_a_name_and_the_years_there_are() {
    let site = fixture("minimal");
    put(
        site.path(),
        "content/tin-tuc/so-lieu.md",
        "+++\ntitle = \"Số liệu\"\ndate = 2024-03-01\n+++\n\n\
         <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=\"Đơn vị B\" -->\n\n\
         <!-- chiso:bang-xep-hang chi-so=chi-so nam=2023 khoi=\"Khối thử\" -->\n\n\
         <!-- chiso:ket-qua chi-so=\"Chỉ số thử nghiệm\" nam=2023 don-vi=don-vi-b -->\n\n\
         <!-- chiso:ket-qua chi-so=chi-so nam=2019 don-vi=don-vi-b -->\n\n\
         <!-- chiso:bang-xep-hang chi-so=chi-so nam=2019 khoi=khoi -->\n",
    );
    let report = build_err(site.path());
    for said in [
        "`don-vi` takes an id, not a name: write `don-vi=don-vi-b`",
        "`khoi` takes an id, not a name: write `khoi=khoi`",
        "`chi-so` takes an id, not a name: write `chi-so=chi-so`",
        "`don-vi-b` has no result for this index in 2019; the years with one: 2023, 2022",
        "there is no table for khoi in 2019; the years with one: 2023, 2022",
    ] {
        assert!(report.contains(said), "{said}: {report}");
    }
}

/// A results file with a syntax error and a key under the wrong header is
/// told both in one run: past the syntax errors, the whole file is read.
#[test]
fn a_syntax_error_does_not_hide_a_key_under_the_wrong_header() {
    let site = fixture("minimal");
    let file = "data/results/2023/khoi.toml";
    let text = std::fs::read_to_string(site.path().join(file)).unwrap();
    let text = text.replace("score = 85\n", "score = 85,5\n").replace(
        "title = \"Quyết định thử\"",
        "title = \"Quyết định thử\"\ncomplete = true",
    );
    put(site.path(), file, &text);
    let report = build_err(site.path());
    assert!(report.contains("decimal"), "{report}");
    assert!(report.contains("move it above"), "{report}");
}

/// A shortcode asking for a merged unit's result after its merger names
/// the unit it was merged into.
#[test]
fn a_merged_units_later_result_names_its_successor() {
    let site = fixture("minimal");
    let units = std::fs::read_to_string(site.path().join("data/units.toml")).unwrap();
    put(
        site.path(),
        "data/units.toml",
        &units.replace(
            "name = \"Đơn vị D\"",
            "name = \"Đơn vị D\"\nactive_to = 2022\nmerged_into = \"don-vi-a\"",
        ),
    );
    let file = "data/results/2023/khoi.toml";
    let text = std::fs::read_to_string(site.path().join(file)).unwrap();
    put(
        site.path(),
        file,
        &text.replace(
            "[[result]]\nunit = \"don-vi-d\"\npoints = 72\nmax_points = 90\n",
            "",
        ),
    );
    put(
        site.path(),
        "content/tin-tuc/so-lieu.md",
        "+++\ntitle = \"Số liệu\"\ndate = 2024-03-01\n+++\n\n\
         <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-d -->\n",
    );
    let report = build_err(site.path());
    assert!(
        report.contains("`don-vi-d` has no result in 2023: it was merged into Đơn vị A (`don-vi-a`); use `don-vi=don-vi-a`"),
        "{report}"
    );
}

/// In a table where some lines state their rank, the rank of a line that
/// states none is chiso's: said wherever it stands apart from the table
/// (a sentence, a scorecard, the history tables of the home, unit and
/// index pages, the rank chart's note), not only under the table.
#[test]
fn a_computed_rank_beside_stated_ones_says_so_wherever_it_is_shown() {
    let site = fixture("minimal");
    let file = "data/results/2023/khoi.toml";
    let text = std::fs::read_to_string(site.path().join(file)).unwrap();
    put(
        site.path(),
        file,
        &text.replace("score = 90\n", "score = 90\nrank = 1\n"),
    );
    let config = std::fs::read_to_string(site.path().join("config.toml")).unwrap();
    put(
        site.path(),
        "config.toml",
        &format!("home_unit = \"don-vi-b\"\n{config}"),
    );
    put(
        site.path(),
        "content/tin-tuc/so-lieu.md",
        "+++\ntitle = \"Số liệu\"\ndate = 2024-03-01\n+++\n\n\
         B: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-b hien=hang -->.\n\n\
         A: <!-- chiso:ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a hien=hang -->.\n",
    );
    let built = build_ok(site.path());
    let article = one(&built.page("tin-tuc/so-lieu"), "article");
    assert!(
        article.contains("B: 2/4 (đồng hạng, tính từ bảng)"),
        "{article}"
    );
    assert!(article.contains("A: 1/4."), "{article}");
    let unit = built.page("don-vi/don-vi-b");
    let card = one(&unit, ".scorecards");
    assert!(card.contains("(tính từ bảng)"), "{card}");
    for (page, what) in [
        (built.page(""), "home"),
        (built.page("chi-so/chi-so"), "index page"),
        (unit, "unit page"),
    ] {
        let ranks = all(&page, "table.history td.rank");
        assert!(
            ranks.iter().any(|r| r.contains("(tính từ bảng)")),
            "{what}: {ranks:?}"
        );
    }
    let chart = one(&built.page("don-vi/don-vi-b"), "svg.chart-rank");
    assert!(
        chart.contains("Thứ hạng tính từ điểm trong bảng"),
        "{chart}"
    );
    let a = one(&built.page("don-vi/don-vi-a"), ".scorecards");
    assert!(!a.contains("Xếp hạng 1/4 (tính từ bảng)"), "{a}");
}

/// `bang-xep-hang` says a tie as the ranking page does (adv21 m4): the
/// minimal site's 2023 table has B and C tied second.
#[test]
fn the_ranking_table_of_an_article_says_ties() {
    let site = fixture("minimal");
    put(
        site.path(),
        "content/tin-tuc/bang.md",
        "+++\ntitle = \"Bảng\"\ndate = 2024-03-01\n+++\n\n\
         <!-- chiso:bang-xep-hang chi-so=chi-so nam=2023 khoi=khoi -->\n",
    );
    let built = build_ok(site.path());
    let article = built.page("tin-tuc/bang/");
    let ranks = all(&article, "table.embedded tbody td:first-child");
    assert_eq!(ranks, ["1", "2 (đồng hạng)", "2 (đồng hạng)", "4"]);
}

/// An editor's scratch files are not the site's: a half-written template
/// backup does not fail the build, and a swap file in `static/` is not
/// published (nor watched by `serve`, which then agrees with the build).
#[test]
fn editor_scratch_files_are_neither_read_nor_published() {
    let site = fixture("minimal");
    put(
        site.path(),
        "templates/partials/footer.html~",
        "{% if %} broken\n",
    );
    put(site.path(), "templates/4913", "");
    put(site.path(), "static/.bao-cao.md.swp", "bản nháp đang sửa");
    put(site.path(), "static/favicon.svg~", "<svg/>");
    put(site.path(), "static/logo.svg", "<svg/>");
    let built = build_ok(site.path());
    assert!(built.out.join("logo.svg").is_file());
    for scratch in [".bao-cao.md.swp", "favicon.svg~", "4913"] {
        assert!(!built.out.join(scratch).exists(), "{scratch}");
    }
}

/// A results file written in the other format than its name says (a JSON
/// table saved as `.toml`, a TOML one as `.json`) is one error that says
/// so, not one per line.
#[test]
fn a_file_in_the_other_format_is_one_error_naming_it() {
    for (from, to, format) in [
        ("2022/khoi.json", "2022/khoi.toml", "json"),
        ("2023/khoi.toml", "2023/khoi.json", "toml"),
    ] {
        let site = fixture("minimal");
        let results = site.path().join("data/results");
        std::fs::rename(results.join(from), results.join(to)).unwrap();
        let report = build_err(site.path());
        assert_eq!(report.matches("error:").count(), 1, "{report}");
        assert!(
            report.contains(&format!("rename it to end in .{format}")),
            "{report}"
        );
    }
}
