//! `chiso import` with the spreadsheets offices really save (issue 16,
//! part 3), through the binary: `init`, then an Excel workbook with title
//! rows, a merged two-row header and a footer, a Windows-1258 CSV with
//! title and footer rows, a CRLF CSV with a bad line, Excel's UTF-16
//! "Unicode text", an Excel 97-2003 `.xls` and a LibreOffice sheet of a
//! partial table; a re-import
//! keeps what the editor added; then `new article` and `build`. The
//! fixtures are made by tests/fixtures/import/make.py.

use std::fs;
use std::path::Path;
use std::process::Output;

use crate::common::chiso;

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn ok(output: Output) -> String {
    let text = said(&output);
    assert!(output.status.success(), "{text}");
    text
}

const UNITS: &str = r#"
[[unit]]
id = "so-noi-vu"
name = "Sở Nội vụ"
group = "so-ban-nganh"

[[unit]]
id = "so-tai-chinh"
name = "Sở Tài chính"
group = "so-ban-nganh"

[[unit]]
id = "so-tu-phap"
name = "Sở Tư pháp"
group = "so-ban-nganh"

[[unit]]
id = "so-xay-dung"
name = "Sở Xây dựng"
group = "so-ban-nganh"
active_from = 2024
"#;

fn import(site: &Path, file: &str, rest: &[&str]) -> Output {
    let mut args = vec!["import", file];
    args.extend_from_slice(rest);
    chiso(&args, site)
}

#[test]
fn init_import_office_spreadsheets_new_article_build() {
    let temp = tempfile::tempdir().unwrap();
    ok(chiso(
        &["init", "site", "--province", "Quảng Bình"],
        temp.path(),
    ));
    let site = temp.path().join("site");
    let units = site.join("data/units.toml");
    let mut text = fs::read_to_string(&units).unwrap();
    text.push_str(UNITS);
    fs::write(&units, text).unwrap();
    // The departments are added to the group, so init's empty 2025 table of
    // that group (complete, and now missing them) goes, as an editor would remove it.
    fs::remove_file(site.join("data/results/2025/so-ban-nganh.toml")).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    for entry in fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, site.join(path.file_name().unwrap())).unwrap();
    }
    let table = |year: &str, group: &str| {
        fs::read_to_string(site.join(format!("data/results/{year}/{group}.toml"))).unwrap()
    };
    let sbn = ["--index", "cchc-tinh", "--group", "so-ban-nganh"];

    // Excel: the first sheet, its title rows, merged header and footer; the
    // average is a formula, read from the value Excel saved with it.
    let said = ok(import(
        &site,
        "ket-qua-2024.xlsx",
        &[&sbn[..], &["--year", "2024"]].concat(),
    ));
    assert!(said.contains("Wrote 3 results"), "{said}");
    assert!(
        said.contains("so-xay-dung"),
        "the missing unit is listed: {said}"
    );
    // The entry to add, as TOML that reads back.
    assert!(
        said.contains("[[excluded]]\n    unit = \"so-xay-dung\"\n    reason = "),
        "{said}"
    );
    let written = table("2024", "so-ban-nganh");
    assert!(
        written.contains("complete = true\npublished_average = 89.58\n"),
        "{written}"
    );
    assert!(
        // The percent the office printed beside the points is kept.
        written.contains(
            "unit = \"so-tai-chinh\"\npoints = 88.20\nmax_points = 98\npercent = 90.00\nrank = 2\n"
        ),
        "{written}"
    );

    // An unknown sheet: the error lists the workbook's sheets.
    let wrong = import(
        &site,
        "ket-qua-2024.xlsx",
        &[
            &sbn[..],
            &["--year", "2024", "--force", "--sheet", "Trang 1"],
        ]
        .concat(),
    );
    assert_eq!(wrong.status.code(), Some(1), "{}", self::said(&wrong));
    let text = self::said(&wrong);
    assert!(text.contains("no sheet `Trang 1`"), "{text}");
    assert!(text.contains("\"Kết quả 2024\", \"Ghi chú\""), "{text}");

    // The editor adds a source, an exclusion and a note; the office corrects
    // a figure and the table is imported again: the additions stay.
    let path = site.join("data/results/2024/so-ban-nganh.toml");
    let edited = written.replace(
        "unit = \"so-tu-phap\"\n",
        "unit = \"so-tu-phap\"\nnote = \"Điểm sau phúc tra.\"\n",
    ) + "\n[source]\ntitle = \"Quyết định số 123/QĐ-UBND\"\ndate = 2025-02-20\n\n\
         [[excluded]]\nunit = \"so-xay-dung\"\nreason = \"kết quả không được công bố\"\n";
    fs::write(&path, edited).unwrap();
    let again = ok(import(
        &site,
        "ket-qua-2024.xlsx",
        &[&sbn[..], &["--year", "2024", "--force"]].concat(),
    ));
    assert!(again.contains("The figures are the same"), "{again}");
    assert!(
        !again.contains("leaves out"),
        "excluded units are not missing: {again}"
    );
    let kept = table("2024", "so-ban-nganh");
    for part in [
        "[source]\ntitle = \"Quyết định số 123/QĐ-UBND\"\ndate = 2025-02-20\n",
        "note = \"Điểm sau phúc tra.\"",
        "[[excluded]]\nunit = \"so-xay-dung\"",
    ] {
        assert!(kept.contains(part), "{part} in {kept}");
    }

    // Excel's plain CSV on Vietnamese Windows: Windows-1258, title and footer rows.
    let said = ok(import(
        &site,
        "ket-qua-2023-windows-1258.csv",
        &[&sbn[..], &["--year", "2023"]].concat(),
    ));
    assert!(said.contains("Read the file as windows-1258"), "{said}");
    assert!(said.contains("Ignored columns: STT\n"), "{said}");
    // Its "Xếp loại" says "Khá", no band of the new site's index: left out,
    // and said so.
    assert!(
        said.contains("the column `Xếp loại` (bands) is left out: `Khá` is none"),
        "{said}"
    );
    let written = table("2023", "so-ban-nganh");
    assert!(written.contains("published_average = 87.58\n"), "{written}");
    assert!(
        written.contains("unit = \"so-tai-chinh\"\nscore = 87.5\n"),
        "{written}"
    );

    // A CRLF file with a bad number on its fourth line: that line is named.
    let bad = import(
        &site,
        "ket-qua-2022-loi.csv",
        &[&sbn[..], &["--year", "2022"]].concat(),
    );
    let text = self::said(&bad);
    assert_eq!(bad.status.code(), Some(1), "{text}");
    assert!(text.contains("ket-qua-2022-loi.csv:4:1"), "{text}");
    assert!(text.contains("`8O,5` is not a number"), "{text}");
    assert!(!site.join("data/results/2022/so-ban-nganh.toml").exists());

    // Excel's "Unicode text": UTF-16 with a BOM, tab-separated.
    let said = ok(import(
        &site,
        "ket-qua-2022-unicode.txt",
        &[&sbn[..], &["--year", "2022"]].concat(),
    ));
    assert!(said.contains("Read the file as UTF-16LE"), "{said}");

    // Excel 97-2003.
    ok(import(
        &site,
        "ket-qua-2021.xls",
        &[&sbn[..], &["--year", "2021"]].concat(),
    ));
    let written = table("2021", "so-ban-nganh");
    assert!(
        written.contains("unit = \"so-tai-chinh\"\nscore = 86.75\nrank = 2\n"),
        "{written}"
    );

    // LibreOffice: the province's line in the national ranking, a partial table.
    let said = ok(import(
        &site,
        "xep-hang-2024.ods",
        &[
            "--index",
            "par-index",
            "--group",
            "tinh-thanh",
            "--year",
            "2024",
        ],
    ));
    assert!(said.contains("a partial table"), "{said}");
    let written = table("2024", "tinh-thanh");
    assert!(written.contains("complete = false\n"), "{written}");
    assert!(
        written.contains("unit = \"quang-binh\"\nscore = 86.42\nrank = 21\nof = 63\n"),
        "{written}"
    );

    ok(chiso(
        &["new", "article", "Kết quả Chỉ số CCHC năm 2024"],
        &site,
    ));
    let built = ok(chiso(&["build"], &site));
    assert!(built.contains("Built"), "{built}");

    // What a killed import leaves beside a table is named, with what it is.
    fs::write(
        site.join("data/results/2024/so-ban-nganh.toml.chiso-tmp"),
        "index = ",
    )
    .unwrap();
    let checked = ok(chiso(&["check"], &site));
    let warning = checked
        .lines()
        .skip_while(|l| !l.contains("neither .toml nor .json"))
        .take(4)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(warning.contains("so-ban-nganh.toml.chiso-tmp"), "{checked}");
    assert!(
        warning.contains("`chiso import` that was stopped"),
        "{checked}"
    );
}

#[test]
fn a_percent_published_beside_points_is_imported_and_checked() {
    let site = crate::common::fixture("minimal");
    let root = site.path();
    let sheet = "STT;Tên cơ quan, đơn vị;Điểm tối đa;Điểm đạt;Chỉ số CCHC (%);Xếp hạng\n\
                 1;Đơn vị A;95;85,5;90;1\n\
                 3;Đơn vị B;95;80,1;84,31;2\n\
                 4;Đơn vị C;95;76;80;3\n\
                 5;Đơn vị D;90;63;70,00;4\n";
    fs::write(root.join("kq.csv"), sheet).unwrap();
    let args = ["--index", "chi-so", "--year", "2024", "--group", "khoi"];
    ok(import(root, "kq.csv", &args));
    let table = root.join("data/results/2024/khoi.toml");
    let written = fs::read_to_string(&table).unwrap();
    assert!(
        written.contains(
            "unit = \"don-vi-b\"\npoints = 80.1\nmax_points = 95\npercent = 84.31\nrank = 2\n"
        ),
        "{written}"
    );
    // 80,1 of 95 is 84,32%: the publisher's 84,31 is kept and the build says so.
    let errors = crate::common::build_err(root);
    assert!(
        errors.contains("84.31") && errors.contains("84.32"),
        "{errors}"
    );
    // A re-import where only the percent changed says it changed.
    fs::write(root.join("kq.csv"), sheet.replace("84,31", "84,32")).unwrap();
    let said = ok(import(root, "kq.csv", &[&args[..], &["--force"]].concat()));
    assert!(said.contains("don-vi-b: percent 84.31 → 84.32"), "{said}");
    crate::common::build_ok(root);
}

/// Scores typed as Excel percentage cells (the cell holds 0.9438 and
/// shows 94.38%) are imported as the sheet shows them, not as fractions.
#[test]
fn percentage_cells_are_imported_as_they_show() {
    let temp = tempfile::tempdir().unwrap();
    ok(chiso(
        &["init", "site", "--province", "Quảng Bình"],
        temp.path(),
    ));
    let site = temp.path().join("site");
    let units = site.join("data/units.toml");
    let text = fs::read_to_string(&units).unwrap() + UNITS;
    fs::write(&units, text).unwrap();
    fs::remove_file(site.join("data/results/2025/so-ban-nganh.toml")).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/ket-qua-2025-phan-tram.xlsx");
    fs::copy(&fixture, site.join("phan-tram.xlsx")).unwrap();
    let args = [
        "--index",
        "cchc-tinh",
        "--group",
        "so-ban-nganh",
        "--year",
        "2025",
    ];
    ok(import(&site, "phan-tram.xlsx", &args));
    let written = fs::read_to_string(site.join("data/results/2025/so-ban-nganh.toml")).unwrap();
    for line in [
        "published_average = 87.47",
        "unit = \"so-noi-vu\"\nscore = 94.38\n",
        "unit = \"so-tai-chinh\"\nscore = 85.35\n",
        "unit = \"so-tu-phap\"\nscore = 90.13\n",
        "unit = \"so-xay-dung\"\nscore = 80.00\n",
    ] {
        assert!(written.contains(line), "{line}\n{written}");
    }
    let built = ok(chiso(&["build"], &site));
    assert!(built.contains("Built"), "{built}");
}

/// A re-import replaces the table's layout, but the editor's comments are
/// kept (at the end, under a heading, with a warning) and a second
/// re-import does not copy them again.
#[test]
fn a_re_import_keeps_the_editors_comments() {
    let site = crate::common::fixture("minimal");
    let root = site.path();
    let sheet = "Đơn vị;Điểm\nĐơn vị A;85,5\nĐơn vị B;80,1\nĐơn vị C;76\nĐơn vị D;63\n";
    fs::write(root.join("kq.csv"), sheet).unwrap();
    let args = [
        "--index", "chi-so", "--year", "2024", "--group", "khoi", "--force",
    ];
    ok(import(root, "kq.csv", &args));
    let table = root.join("data/results/2024/khoi.toml");
    let written = fs::read_to_string(&table).unwrap();
    let edited = written.replacen(
        "score = 80.1",
        "# Công văn 12/SNV sửa điểm đơn vị B\nscore = 80.1 # đã đối chiếu",
        1,
    );
    fs::write(&table, &edited).unwrap();
    let said = ok(import(root, "kq.csv", &args));
    assert!(said.contains("2 comment lines"), "{said}");
    let kept = fs::read_to_string(&table).unwrap();
    let tail = kept
        .split("# Comments of the table before it was re-imported:\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{kept}"));
    assert_eq!(
        tail,
        "# Công văn 12/SNV sửa điểm đơn vị B\n# score = 80.1 # đã đối chiếu\n"
    );
    // Moved once, warned of once.
    let again = ok(import(root, "kq.csv", &args));
    assert!(!again.contains("comment lines"), "{again}");
    assert_eq!(fs::read_to_string(&table).unwrap(), kept);
    crate::common::build_ok(root);
}

/// A corrected sheet re-imported sets the published average again, as it
/// sets the figures, and says so; the comment an import opens a table with
/// is written anew, whatever the sheet's name, not kept as the editor's.
#[test]
fn a_corrected_sheet_corrects_the_published_average() {
    let site = crate::common::fixture("minimal");
    let root = site.path();
    let sheet = |average: &str| {
        format!("Đơn vị;Điểm\nĐơn vị A;85,50\nĐơn vị B;80,10\nĐơn vị C;76,00\nĐơn vị D;63,00\nBình quân;{average}\n")
    };
    fs::write(root.join("kq.csv"), sheet("90,37")).unwrap();
    fs::write(root.join("kq-sua.csv"), sheet("76,15")).unwrap();
    let args = [
        "--index", "chi-so", "--year", "2024", "--group", "khoi", "--force",
    ];
    ok(import(root, "kq.csv", &args));
    let table = root.join("data/results/2024/khoi.toml");
    let written = fs::read_to_string(&table).unwrap();
    assert!(written.contains("published_average = 90.37\n"), "{written}");
    let said = ok(import(root, "kq-sua.csv", &args));
    assert!(said.contains("published_average: 90.37 → 76.15"), "{said}");
    let written = fs::read_to_string(&table).unwrap();
    assert!(written.contains("published_average = 76.15\n"), "{written}");
    assert!(!written.contains("90.37"), "{written}");
    assert!(
        written.starts_with("# Imported from kq-sua.csv"),
        "{written}"
    );
    assert!(!written.contains("re-imported"), "{written}");
    assert!(!said.contains("comment lines"), "{said}");
    crate::common::build_ok(root);
}

/// A unit the sheet leaves out is named as the sheet's year named it.
#[test]
fn a_unit_left_out_is_named_as_that_year_named_it() {
    let site = crate::common::fixture("minimal");
    let root = site.path();
    let units = fs::read_to_string(root.join("data/units.toml")).unwrap();
    let units = units.replace(
        "name = \"Đơn vị B\"\n",
        "name = \"Đơn vị B\"\nrenamed = [{ name = \"Phòng B\", until = 2024 }]\n",
    );
    fs::write(root.join("data/units.toml"), units).unwrap();
    fs::write(
        root.join("kq.csv"),
        "Đơn vị;Điểm\nĐơn vị A;85,5\nĐơn vị C;76\nĐơn vị D;63\n",
    )
    .unwrap();
    let args = ["--index", "chi-so", "--year", "2024", "--group", "khoi"];
    let said = ok(import(root, "kq.csv", &args));
    assert!(said.contains("don-vi-b (Phòng B)"), "{said}");
}

/// A line `check` would refuse is refused at its cell, all in one run
/// (adv18 m1, adv19 m4): a unit merged away before the sheet's year (with
/// its successor named), a score above the index's scale, and `91,5,5`,
/// which is no number (not 9155). A score is quoted as its cell has it
/// (181,30 keeps its zero). Nothing is written.
#[test]
fn lines_check_would_refuse_are_errors_at_their_cells() {
    let site = crate::common::fixture("minimal");
    let root = site.path();
    let units = fs::read_to_string(root.join("data/units.toml")).unwrap();
    let units = units.replace(
        "name = \"Đơn vị D\"\ngroup = \"khoi\"\n",
        "name = \"Đơn vị D\"\ngroup = \"khoi\"\nactive_to = 2023\nmerged_into = \"don-vi-a\"\n",
    );
    fs::write(root.join("data/units.toml"), units).unwrap();
    fs::write(
        root.join("kq.csv"),
        "Đơn vị;Điểm\nĐơn vị A;85,5\nĐơn vị B;181,30\nĐơn vị C;91,5,5\nĐơn vị D;63\n",
    )
    .unwrap();
    let args = ["--index", "chi-so", "--year", "2024", "--group", "khoi"];
    let output = import(root, "kq.csv", &[&args[..], &["--lang", "en"]].concat());
    let text = said(&output);
    assert!(!output.status.success(), "{text}");
    for expected in [
        "kq.csv:3:10",
        "the score of `don-vi-b`, 181.30, is outside the scale of `chi-so` (0–100)",
        "kq.csv:4:10",
        "`91,5,5`",
        "kq.csv:5:1",
        "unit `don-vi-d` is ranked in 2024, outside the years it was active (–2023)",
        "likely `don-vi-a`'s",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    assert!(!root.join("data/results/2024/khoi.toml").exists());
}
