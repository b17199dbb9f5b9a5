//! The editor's commands through the real binary: `new article`, `init`
//! (then `build`) and `import`, with what each refuses and its exit codes.

use std::fs;

use crate::common::*;

#[test]
fn new_article_writes_a_draft_and_refuses_to_overwrite() {
    let site = fixture("minimal");
    let made = chiso(
        &["new", "article", "Kết quả Chỉ số CCHC năm 2025"],
        site.path(),
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let path = site
        .path()
        .join("content/tin-tuc/ket-qua-chi-so-cchc-nam-2025.md");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("+++\ntitle = \"Kết quả Chỉ số CCHC năm 2025\"\ndate = "));
    assert!(
        text.contains("\nsummary = \"\"\ntags = []\ndraft = true\n+++\n"),
        "{text}"
    );
    // The date is a real date the build accepts; drafts build with --drafts.
    let built = build_with(chiso::BuildOptions {
        drafts: true,
        ..chiso::BuildOptions::new(site.path())
    })
    .unwrap_or_else(|d| panic!("{d}"));
    assert!(built
        .out
        .join("tin-tuc/ket-qua-chi-so-cchc-nam-2025/index.html")
        .is_file());

    fs::write(&path, "đã sửa").unwrap();
    let again = chiso(
        &["new", "article", "Kết quả chỉ số CCHC năm 2025"],
        site.path(),
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "đã sửa");

    let empty = chiso(&["new", "article", "!!!"], site.path());
    assert_eq!(empty.status.code(), Some(2));
}

#[test]
fn init_makes_a_site_that_builds_at_once() {
    let parent = tempfile::tempdir().unwrap();
    let made = chiso(
        &["init", "cchc-qb", "--province", "Quảng Bình"],
        parent.path(),
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let root = parent.path().join("cchc-qb");
    let config = fs::read_to_string(root.join("config.toml")).unwrap();
    assert!(config.contains("province = \"Quảng Bình\""), "{config}");
    assert!(config.contains("home_unit = \"quang-binh\""), "{config}");
    // The group of all provinces names its average as the country's.
    let units = fs::read_to_string(root.join("data/units.toml")).unwrap();
    assert!(
        units.contains("average_label = \"Bình quân cả nước\""),
        "{units}"
    );

    let built = build_ok(&root);
    let home = built.page("");
    assert_eq!(
        one(&home, "header .brand"),
        "Chỉ số cải cách hành chính Quảng Bình"
    );
    assert!(built.out.join("don-vi/quang-binh/index.html").is_file());
    assert!(built.out.join("tin-tuc/ra-mat/index.html").is_file());
    // Its placeholder table, with no line yet, is not published: no page
    // of "0 đơn vị xếp hạng", and no link to one.
    let pages: Vec<String> = built.all_pages().into_iter().map(|(p, _)| p).collect();
    assert!(
        !pages.iter().any(|p| p.contains("so-ban-nganh")),
        "{pages:?}"
    );
    // The data page says there is no table yet, not an empty one (adv22 m13).
    let data = built.page("du-lieu/");
    assert!(all(&data, "table.data-files").is_empty());
    assert!(one(&data, "p.no-tables").starts_with("Trang chưa có bảng kết quả nào"));
    for (path, page) in built.all_pages() {
        let links: Vec<String> = page
            .select(&sel("a"))
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .filter(|href| href.contains("so-ban-nganh"))
            .collect();
        assert!(links.is_empty(), "{path}: {links:?}");
    }
    // The first article is listed on the home page.
    assert!(all(&home, "a")
        .iter()
        .any(|a| a.contains("Ra mắt trang chỉ số")));

    // The command line builds it too.
    let cli = chiso(&["build", "--root", "cchc-qb"], parent.path());
    assert!(cli.status.success(), "{}", stderr(&cli));

    let again = chiso(
        &["init", "cchc-qb", "--province", "Quảng Trị"],
        parent.path(),
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("is not empty"));
    assert_eq!(
        fs::read_to_string(root.join("config.toml")).unwrap(),
        config
    );
}

/// The minimal fixture's group `khoi` has units "Đơn vị A" to "Đơn vị D".
const GOOD_CSV: &str = "\u{feff}STT;Đơn vị;Điểm;Thứ hạng\n\
1;ĐƠN VỊ A;90,5;1\n\
2;don vi b;85,25;2\n\
3;Đơn  vị C;80;3\n\
4;Đơn vị D;79,9;4\n";

#[test]
fn import_writes_a_table_that_builds() {
    let site = fixture("minimal");
    put(site.path(), "ket-qua.csv", GOOD_CSV);
    let args = [
        "import",
        "ket-qua.csv",
        "--index",
        "chi-so",
        "--year",
        "2024",
        "--group",
        "khoi",
    ];
    let ran = chiso(&args, site.path());
    assert!(ran.status.success(), "{}", stderr(&ran));
    let stdout = String::from_utf8_lossy(&ran.stdout);
    assert!(stdout.contains("Ignored columns: STT"), "{stdout}");
    let table = fs::read_to_string(site.path().join("data/results/2024/khoi.toml")).unwrap();
    assert!(
        table.contains("[[result]]\nunit = \"don-vi-b\"\nscore = 85.25\nrank = 2\n"),
        "{table}"
    );

    let built = build_ok(site.path());
    let page = built.page("xep-hang/2024/khoi/");
    assert_eq!(
        all(&page, "table.ranking tbody td.rank"),
        ["1", "2", "3", "4"]
    );
    assert_eq!(
        all(&page, "table.ranking tbody th.unit a"),
        ["Đơn vị A", "Đơn vị B", "Đơn vị C", "Đơn vị D"]
    );

    // An existing table is kept unless --force.
    let again = chiso(&args, site.path());
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(chiso(&forced, site.path()).status.success());

    // Comma-separated with a decimal point, to another file.
    put(
        site.path(),
        "khac.csv",
        "Unit,Score\nĐơn vị A,90.5\nĐơn vị B,85.25\nĐơn vị C,80\nĐơn vị D,79.9\n",
    );
    let other = chiso(
        &[
            "import",
            "khac.csv",
            "--index",
            "chi-so",
            "--year",
            "2021",
            "--group",
            "khoi",
            "--output",
            "bang.toml",
        ],
        site.path(),
    );
    assert!(other.status.success(), "{}", stderr(&other));
    let text = fs::read_to_string(site.path().join("bang.toml")).unwrap();
    assert!(
        text.contains("unit = \"don-vi-a\"\nscore = 90.5\n"),
        "{text}"
    );
}

#[test]
fn import_reports_every_bad_row_with_its_line_and_writes_nothing() {
    let site = fixture("minimal");
    put(
        site.path(),
        "hong.csv",
        "Đơn vị;Điểm\nĐơn vị A;90,5\nĐơn vị X;85\nĐơn vị C;tám mươi\nĐơn vị D;79,9\n",
    );
    let ran = chiso(
        &[
            "import", "hong.csv", "--index", "chi-so", "--year", "2024", "--group", "khoi",
        ],
        site.path(),
    );
    assert_eq!(ran.status.code(), Some(1));
    let errors = stderr(&ran);
    assert!(errors.contains("hong.csv:3:1"), "{errors}");
    assert!(
        errors.contains("no unit is named `Đơn vị X`; did you mean `Đơn vị A`?"),
        "{errors}"
    );
    assert!(errors.contains("hong.csv:4:1"), "{errors}");
    assert!(errors.contains("`tám mươi` is not a number"), "{errors}");
    assert!(!errors.contains("hong.csv:2:1") && !errors.contains("hong.csv:5:1"));
    assert!(!site.path().join("data/results/2024").exists());

    let usage = chiso(
        &[
            "import", "hong.csv", "--index", "chi-so", "--year", "2024", "--group", "khoii",
        ],
        site.path(),
    );
    assert_eq!(usage.status.code(), Some(2));
    assert!(
        stderr(&usage).contains("did you mean `khoi`?"),
        "{}",
        stderr(&usage)
    );
}

/// Names an editor might paste: a line break, a front matter fence, quotes
/// of every TOML kind, backslashes, a tab, a control character, Markdown and
/// HTML.
const NASTY: &str = "Quảng\n+++\nBình \"x\" \\ \\\" ''' \"\"\" \t# [a](b) <b>*</b> \u{7}&amp;";

#[test]
fn init_and_new_article_escape_what_they_write() {
    let parent = tempfile::tempdir().unwrap();
    let made = chiso(&["init", "nasty", "--province", NASTY], parent.path());
    assert!(made.status.success(), "{}", stderr(&made));
    let root = parent.path().join("nasty");
    let made = chiso(&["new", "article", NASTY], &root);
    assert!(made.status.success(), "{}", stderr(&made));
    let made = chiso(&["new", "article", "+++\nBài \"\"\"\\"], &root);
    assert!(made.status.success(), "{}", stderr(&made));

    let check = chiso(&["check", "--root", "nasty"], parent.path());
    assert!(
        check.status.success(),
        "{}{}",
        stderr(&check),
        String::from_utf8_lossy(&check.stdout)
    );
    let built = build_with(chiso::BuildOptions {
        drafts: true,
        ..chiso::BuildOptions::new(&root)
    })
    .unwrap_or_else(|d| panic!("{d}"));
    // The name is kept on one line, exactly as typed otherwise.
    let name = "Quảng +++ Bình \"x\" \\ \\\" ''' \"\"\" # [a](b) <b>*</b> &amp;";
    let home = built.page("");
    assert_eq!(
        one(&home, "header .brand"),
        format!("Chỉ số cải cách hành chính {name}")
    );
    // Markdown text shows the name as written, not as a link or HTML.
    assert!(one(&home, "main").contains(&format!("của tỉnh {name}:")));
    let article = built.page("tin-tuc/quang-binh-x-a-b-b-b-amp/");
    assert!(
        one(&article, "h1").contains(name),
        "{}",
        one(&article, "h1")
    );

    let gitignore = fs::read_to_string(root.join(".gitignore")).unwrap();
    assert_eq!(gitignore, "/public/\n/.*.chiso-*\n/.chiso-cache/\n");
}

#[test]
fn import_refuses_a_csv_that_lost_its_vietnamese_letters_with_the_excel_menu() {
    let site = fixture("minimal");
    // Imports `bytes` as a CSV; what it said, refused.
    let refused = |bytes: &[u8]| {
        fs::write(site.path().join("mat-dau.csv"), bytes).unwrap();
        let args = [
            "import",
            "mat-dau.csv",
            "--index",
            "chi-so",
            "--year",
            "2024",
            "--group",
            "khoi",
        ];
        let ran = chiso(&args, site.path());
        assert_eq!(ran.status.code(), Some(1));
        stderr(&ran)
    };
    // What Excel's plain "CSV" writes on a Windows not set to Vietnamese.
    let text = refused(b"\xD0?n v?;\xD0i?m\r\n\xD0?n v? A;90,5\r\n");
    assert!(text.contains("lost its Vietnamese letters"), "{text}");
    assert!(
        text.contains("File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\""),
        "{text}"
    );
    // Where even "Đ" was lost, the file is plain ASCII (so reads as UTF-8):
    // it is told the same, not that its header names no column.
    let text = refused(b"??n v?;?i?m\r\nS? N?i v?;90,5\r\n");
    assert!(text.contains("lost its Vietnamese letters"), "{text}");
    assert!(!site.path().join("data/results/2024/khoi.toml").exists());
}

/// A decision prints "86,00": the imported table writes 86.00, and the
/// page prints the zeros, as it does for a table written by hand.
#[test]
fn import_keeps_the_zeros_the_sheet_printed() {
    let site = fixture("minimal");
    put(
        site.path(),
        "ket-qua.csv",
        "Tên đơn vị;Điểm đạt;Điểm tối đa;Chỉ số (%)\n\
         Đơn vị A;90,53;100;90,53%\n\
         Đơn vị B;89,10;100;89,10 %\n\
         Đơn vị C;86,00;100;86,00%\n\
         Đơn vị D;80,00;100,00;80,00%\n",
    );
    let args = [
        "import",
        "ket-qua.csv",
        "--index",
        "chi-so",
        "--year",
        "2024",
        "--group",
        "khoi",
    ];
    let ran = chiso(&args, site.path());
    assert!(ran.status.success(), "{}", stderr(&ran));
    let table = fs::read_to_string(site.path().join("data/results/2024/khoi.toml")).unwrap();
    assert!(
        table.contains("unit = \"don-vi-c\"\npoints = 86.00\nmax_points = 100\npercent = 86.00\n"),
        "{table}"
    );
    assert!(
        table.contains("points = 80.00\nmax_points = 100.00\n"),
        "{table}"
    );
    let built = build_ok(site.path());
    let page = built.page("xep-hang/2024/khoi/");
    assert_eq!(
        all(&page, "table.ranking tbody td.points"),
        ["90,53/100", "89,10/100", "86,00/100", "80,00/100,00"]
    );
}

/// `--quiet` prints errors only: a good import says nothing.
#[test]
fn a_quiet_import_prints_nothing() {
    let site = fixture("minimal");
    put(site.path(), "ket-qua.csv", GOOD_CSV);
    let args = [
        "import",
        "ket-qua.csv",
        "--index",
        "chi-so",
        "--year",
        "2024",
        "--group",
        "khoi",
        "-q",
    ];
    let ran = chiso(&args, site.path());
    assert!(ran.status.success(), "{}", stderr(&ran));
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "");
    assert_eq!(stderr(&ran), "");
    assert!(site.path().join("data/results/2024/khoi.toml").is_file());
}

/// A decision's "Xếp loại" column is imported as each line's band, checked
/// by the build against the score; a unit rated only in a band is a line
/// of its own; a band the index does not have is refused at its cell.
#[test]
fn import_reads_the_published_bands() {
    let site = fixture("minimal");
    let args = [
        "import",
        "ket-qua.csv",
        "--index",
        "chi-so",
        "--year",
        "2024",
        "--group",
        "khoi",
    ];
    // Đơn vị D's score as the sheet gives it.
    let sheet = |d_score: &str| {
        format!(
            "Tên đơn vị;Chỉ số (%);Xếp loại\n\
             Đơn vị A;92,10;Xuất sắc\n\
             Đơn vị B;85,00;Tốt\n\
             Đơn vị C;70,00;\n\
             Đơn vị D;{d_score};TỐT\n"
        )
    };
    put(site.path(), "ket-qua.csv", &sheet(""));
    // The bands follow from the score: a band beside a blank score is a
    // score left out, refused at its cell (adv18 M2).
    let ran = chiso(&args, site.path());
    assert!(!ran.status.success());
    assert!(
        stderr(&ran).contains("ket-qua.csv:5:10"),
        "{}",
        stderr(&ran)
    );
    put(site.path(), "ket-qua.csv", &sheet("81,00"));
    let ran = chiso(&args, site.path());
    assert!(ran.status.success(), "{}", stderr(&ran));
    let table = fs::read_to_string(site.path().join("data/results/2024/khoi.toml")).unwrap();
    assert!(
        table.contains("score = 92.10\nband = \"xuat-sac\"\n"),
        "{table}"
    );
    assert!(
        table.contains("unit = \"don-vi-d\"\nscore = 81.00\nband = \"tot\"\n"),
        "{table}"
    );
    let built = build_ok(site.path());
    let page = built.page("xep-hang/2024/khoi/");
    assert_eq!(
        all(&page, "table.ranking tbody td.band"),
        ["Xuất sắc (công bố)", "Tốt (công bố)", "Tốt (công bố)", "—"]
    );
    // A band the index does not have: the column is left out whole, and
    // the import says which and how to keep them.
    put(
        site.path(),
        "ket-qua.csv",
        "Tên đơn vị;Chỉ số (%);Xếp loại\nĐơn vị A;92,10;Hoàn thành tốt\n",
    );
    let ran = chiso(
        &[&args[..], &["--force", "--partial"]].concat(),
        site.path(),
    );
    assert!(ran.status.success(), "{}", stderr(&ran));
    let err = stderr(&ran);
    assert!(err.contains("`Hoàn thành tốt`"), "{err}");
    assert!(err.contains("[[index.band]]"), "{err}");
    // The band the table had is kept, as what an editor added is.
    let table = fs::read_to_string(site.path().join("data/results/2024/khoi.toml")).unwrap();
    assert!(
        table.contains("score = 92.10\nband = \"xuat-sac\"\n"),
        "{table}"
    );
}

/// `init`'s placeholder table stays a warning once the editor adds the
/// group's units, as `units.toml` suggests: a table with no line is not
/// published, so it leaves no unit out; nor is one whose every unit is
/// left out (`excluded`, "chưa công bố").
#[test]
fn a_table_with_no_line_yet_is_not_checked_for_completeness_nor_published() {
    let parent = tempfile::tempdir().unwrap();
    let made = chiso(&["init", "qb", "--province", "Quảng Bình"], parent.path());
    assert!(made.status.success(), "{}", stderr(&made));
    let root = parent.path().join("qb");
    let units = fs::read_to_string(root.join("data/units.toml")).unwrap();
    let more = "\n[[unit]]\nid = \"so-noi-vu\"\nname = \"Sở Nội vụ\"\ngroup = \"so-ban-nganh\"\n\
                \n[[unit]]\nid = \"so-tai-chinh\"\nname = \"Sở Tài chính\"\ngroup = \"so-ban-nganh\"\n";
    fs::write(root.join("data/units.toml"), format!("{units}{more}")).unwrap();
    let built = build_ok(&root);
    let pages: Vec<String> = built.all_pages().into_iter().map(|(p, _)| p).collect();
    assert!(
        !pages.iter().any(|p| p.contains("so-ban-nganh")),
        "{pages:?}"
    );

    // Every unit left out: nothing to publish either.
    let results = walkdir::WalkDir::new(root.join("data/results"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .expect("init's results file")
        .into_path();
    let text = fs::read_to_string(&results).unwrap();
    let excluded = "\n[[excluded]]\nunit = \"so-noi-vu\"\nreason = \"Chưa công bố\"\n\
                    \n[[excluded]]\nunit = \"so-tai-chinh\"\nreason = \"Chưa công bố\"\n";
    let text = text.replace("complete = true\n", &format!("complete = true\n{excluded}"));
    fs::write(&results, text).unwrap();
    let built = build_ok(&root);
    let pages: Vec<String> = built.all_pages().into_iter().map(|(p, _)| p).collect();
    assert!(
        !pages.iter().any(|p| p.contains("so-ban-nganh")),
        "{pages:?}"
    );
}
