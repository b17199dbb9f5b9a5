//! Open data, sources and Vietnamese typography (issue 17), on the two
//! example sites: the all-tables downloads hold every table's lines; the
//! Excel variant of each CSV (`;`, decimal comma) holds the same values as
//! the standard one; sources are cited with their number and date, never an
//! internal id; figures and their units, thresholds and weekdays never split
//! at a line's end.

use std::collections::BTreeSet;
use std::fs;
use std::sync::OnceLock;

use crate::common::*;
use serde_json::Value;

fn example() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root()))
}

fn national() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root().join("examples/national")))
}

fn sites() -> [(&'static str, &'static Built); 2] {
    [("example", example()), ("national", national())]
}

/// A CSV file in `separator`, without its byte-order mark: header, lines.
fn read_csv(site: &Built, path: &str, separator: char) -> (Vec<String>, Vec<Vec<String>>) {
    let text = fs::read_to_string(site.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("{path} has no byte-order mark"));
    let body = if separator == ',' {
        body.to_owned()
    } else {
        // Swap the separator for a comma and the commas (decimal commas
        // too) for a stand-in, so one parser reads both dialects.
        let mut out = String::new();
        let mut quoted = false;
        for c in body.chars() {
            match c {
                '"' => {
                    quoted = !quoted;
                    out.push(c);
                }
                ';' if !quoted => out.push(','),
                ',' if !quoted => out.push('\u{1}'),
                c => out.push(c),
            }
        }
        out
    };
    let mut rows: Vec<Vec<String>> = parse_csv(&body)
        .into_iter()
        .map(|l| l.into_iter().map(|c| c.replace('\u{1}', ",")).collect())
        .collect();
    let header = rows.remove(0);
    for line in &rows {
        assert_eq!(line.len(), header.len(), "{path}: {line:?}");
    }
    (header, rows)
}

/// The standard CSV file of every table, site-relative.
fn table_csvs(site: &Built) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(site.out.join("du-lieu"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            name.ends_with(".csv")
                && !name.ends_with("-excel.csv")
                && !name.starts_with("tat-ca-cac-bang")
        })
        .map(|e| {
            e.path()
                .strip_prefix(&site.out)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_all_tables_csv_holds_every_line_of_every_table() {
    for (name, site) in sites() {
        let (all_header, all_lines) = read_csv(site, "du-lieu/tat-ca-cac-bang.csv", ',');
        let col = |h: &[String], n: &str| h.iter().position(|x| x == n).unwrap();
        let key_cols = ["nam", "chi_so", "khoi", "ma_don_vi"].map(|k| col(&all_header, k));
        let mut expected = 0;
        let mut tables = 0;
        for file in table_csvs(site) {
            tables += 1;
            let (header, lines) = read_csv(site, &file, ',');
            expected += lines.len();
            let own = ["nam", "chi_so", "khoi", "ma_don_vi"].map(|k| col(&header, k));
            for line in &lines {
                let key: Vec<&String> = own.iter().map(|&c| &line[c]).collect();
                let found = all_lines
                    .iter()
                    .find(|l| key_cols.iter().map(|&c| &l[c]).eq(key.iter().copied()))
                    .unwrap_or_else(|| panic!("{name}: {file} {key:?} not in the all-tables file"));
                // Every column of the table's file, same value. Components
                // are named with their index in the all-tables file.
                for (i, h) in header.iter().enumerate() {
                    let all_name = match h.strip_prefix("linh_vuc_") {
                        Some(component) => format!("linh_vuc_{}_{component}", line[own[1]]),
                        None => h.clone(),
                    };
                    let at = col(&all_header, &all_name);
                    assert_eq!(found[at], line[i], "{name}: {file} {key:?} {h}");
                }
            }
        }
        assert!(tables > 3, "{name}: {tables} tables");
        assert_eq!(all_lines.len(), expected, "{name}");
        // Its JSON twin has every table, and the licence once at the top.
        let json: Value = serde_json::from_str(
            &fs::read_to_string(site.out.join("du-lieu/tat-ca-cac-bang.json")).unwrap(),
        )
        .unwrap();
        let json_tables = json["tables"].as_array().unwrap();
        assert_eq!(json_tables.len(), tables, "{name}");
        let json_rows: usize = json_tables
            .iter()
            .map(|t| t["rows"].as_array().unwrap().len())
            .sum();
        assert_eq!(json_rows, expected, "{name}");
        assert!(json["license"]["name"].is_string());
        assert!(json_tables.iter().all(|t| t.get("license").is_none()));
        // And the data page links the three files.
        let page = site.page("du-lieu/");
        let links: BTreeSet<String> = all(&page, "p.all-tables a[download]").into_iter().collect();
        assert_eq!(links.len(), 3, "{name}: {links:?}");
        let hrefs: Vec<String> = page
            .select(&sel("p.all-tables a[download]"))
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        for href in hrefs {
            assert!(
                site.out.join(href.trim_start_matches('/')).is_file(),
                "{href}"
            );
        }
    }
}

/// `text` with each decimal point between digits made a decimal comma.
fn decimal_commas(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    (0..chars.len())
        .map(|i| {
            let between = digit(i.checked_sub(1)) && digit(Some(i + 1));
            if chars[i] == '.' && between {
                ','
            } else {
                chars[i]
            }
        })
        .collect()
}

#[test]
fn the_excel_csv_has_the_standard_csv_s_values_with_semicolons_and_decimal_commas() {
    let mut decimals = 0;
    for (name, site) in sites() {
        let mut files = table_csvs(site);
        files.push("du-lieu/tat-ca-cac-bang.csv".to_owned());
        for file in files {
            let excel = file.replace(".csv", "-excel.csv");
            let (header, lines) = read_csv(site, &file, ',');
            let (excel_header, excel_lines) = read_csv(site, &excel, ';');
            assert_eq!(header, excel_header, "{name}: {excel}");
            assert_eq!(lines.len(), excel_lines.len(), "{name}: {excel}");
            for (line, excel_line) in lines.iter().zip(&excel_lines) {
                for ((h, cell), excel_cell) in header.iter().zip(line).zip(excel_line) {
                    let is_number =
                        !cell.is_empty() && cell.parse::<f64>().is_ok() && !cell.starts_with('\'');
                    if is_number && cell.contains('.') {
                        // A decimal comma, the same number.
                        decimals += 1;
                        assert!(!excel_cell.contains('.'), "{excel} {h}: {excel_cell}");
                        let back: f64 = excel_cell.replace(',', ".").parse().unwrap();
                        assert_eq!(back, cell.parse::<f64>().unwrap(), "{excel} {h}");
                    } else if h == "gia_tri_khac" {
                        // Text, whose numbers take the file's decimal comma.
                        assert_eq!(excel_cell, &decimal_commas(cell), "{name}: {excel} {h}");
                    } else {
                        assert_eq!(excel_cell, cell, "{name}: {excel} {h}");
                    }
                }
            }
        }
        // Every table page's downloads offer it next to the CSV.
        let page = site.page("du-lieu/");
        let excel_links = all(&page, "table.data-files a[href$=\"-excel.csv\"]");
        assert_eq!(excel_links.len(), table_csvs(site).len(), "{name}");
    }
    assert!(decimals > 100, "only {decimals} decimal cells");
}

/// A page's HTML as written.
fn raw(site: &Built, path: &str) -> String {
    fs::read_to_string(site.out.join(path).join("index.html"))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn sources_are_cited_with_their_number_and_date_and_linked() {
    let page = example().page("xep-hang/2023/so-ban-nganh/");
    assert_eq!(
        one(&page, "p.source"),
        "Nguồn: Quyết định số 519/QĐ-UBND ngày 22/02/2024 của UBND tỉnh Hà Tĩnh."
    );
    // The same decision with its number as a field of its own.
    let page = example().page("xep-hang/2023/co-quan-trung-uong/");
    assert_eq!(
        one(&page, "p.source"),
        "Nguồn: Quyết định số 519/QĐ-UBND ngày 22/02/2024 của UBND tỉnh Hà Tĩnh."
    );
    // A newspaper, dated; another, linked.
    let page = example().page("xep-hang/2023/tinh-thanh/");
    assert!(all(&page, "p.source")
        .iter()
        .any(|s| s == "Nguồn: Báo Hà Tĩnh ngày 07/05/2024."));
    let page = example().page("xep-hang/2024/tinh-thanh/");
    let links: Vec<&str> = page
        .select(&sel("p.source a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        links.iter().any(|l| l.starts_with("https://baohatinh.vn/")),
        "{links:?}"
    );
    // On every page of both sites: a source line never shows an internal
    // id, and when it has a date, says it the Vietnamese way.
    let mut lines = 0;
    for (name, site) in sites() {
        for (path, page) in site.all_pages() {
            for line in all(&page, "p.source") {
                lines += 1;
                assert!(line.starts_with("Nguồn: "), "{name} {path}: {line}");
                assert!(!has_internal_id(&line), "{name} {path}: {line}");
                assert!(!line.contains("2024-") && !line.contains("2023-"), "{line}");
                for (at, _) in line.match_indices("ngày ") {
                    let date: Vec<char> = line[at + "ngày ".len()..].chars().take(10).collect();
                    let shape = date
                        .iter()
                        .map(|c| if c.is_ascii_digit() { 'd' } else { *c })
                        .collect::<String>();
                    assert_eq!(shape, "dd/dd/dddd", "{name} {path}: {line}");
                }
            }
        }
    }
    assert!(lines > 10, "only {lines} source lines");
}

#[test]
fn figures_their_units_thresholds_and_ranks_never_split() {
    // A threshold published in place of a score.
    let site = build_ok(&example_root().join("tests/fixtures/published/lines-partial"));
    let html = raw(&site, "xep-hang/2023/tinh");
    assert!(html.contains("≥\u{a0}90%"), "no joined threshold");
    assert!(!html.contains("≥ 90"), "a threshold that can split");
    // A score and its unit, a rank after "thứ".
    let html = raw(example(), "chi-so/papi");
    assert!(html.contains("45,42\u{a0}điểm"), "45,42 điểm can split");
    assert!(!html.contains("45,42 điểm"));
    let html = raw(example(), "chi-so/par-index");
    assert!(html.contains("thứ\u{a0}18/63"), "thứ 18/63 can split");
    // A long date's weekday.
    let html = raw(example(), "tin-tuc");
    assert!(html.contains("Thứ\u{a0}"), "a weekday can split");
    // Nowhere in what chiso writes does a number stand apart from its unit.
    let mut split = Vec::new();
    for (name, site) in sites() {
        for (path, page) in site.all_pages() {
            // Where chiso writes figures: tables, their summaries and band
            // counts, outside the charts (editors' Markdown is theirs to
            // set, and a chart's text alternative is never shown as lines).
            if path.starts_with("tin-tuc/") {
                continue; // articles: the editor's own tables
            }
            let text: String = page
                .select(&sel("table, ul.table-summary, ul.band-counts, p.source"))
                .flat_map(|el| el.descendants())
                // A note the editor wrote is Markdown as written: chiso
                // adds no no-break space to it.
                .filter(|node| {
                    !node.ancestors().any(|a| {
                        a.value().as_element().is_some_and(|e| {
                            e.has_class("note", scraper::CaseSensitivity::CaseSensitive)
                        })
                    })
                })
                .filter_map(|node| node.value().as_text().map(|t| &**t))
                .collect::<Vec<_>>()
                .join(" ");
            for unit in [" điểm", " bậc", " đơn vị"] {
                for (at, _) in text.match_indices(unit) {
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_ascii_digit()) {
                        let context: String = text[..at].chars().rev().take(30).collect();
                        let context: String = context.chars().rev().collect();
                        split.push(format!("{name} {path}: …{context}{unit}"));
                    }
                }
            }
        }
    }
    split.sort();
    split.dedup();
    assert!(
        split.is_empty(),
        "{} splits:\n{}",
        split.len(),
        split.join("\n")
    );
}

/// Whether a text holds a word of letters then three digits or more, as
/// an article id does (`post285503`).
fn has_internal_id(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|word| {
        let digits = word.chars().rev().take_while(char::is_ascii_digit).count();
        digits >= 3 && digits < word.chars().count()
    })
}

#[test]
fn the_wording_items_of_issue_17_read_right() {
    let national = national();
    // One colon in a note of other published values.
    let page = national.page("xep-hang/2023/tinh-thanh/par-index/");
    let notes: Vec<String> = all(&page, "p.note")
        .into_iter()
        .filter(|n| n.starts_with('†'))
        .collect();
    assert!(!notes.is_empty());
    for note in &notes {
        assert_eq!(note.matches(':').count(), 1, "{note}");
    }
    // Charts' text alternatives point at the table below them.
    let mut descs = 0;
    for (name, site) in sites() {
        for (path, page) in site.all_pages() {
            for desc in all(&page, "svg desc") {
                descs += 1;
                assert!(!desc.contains("bên cạnh"), "{name} {path}: {desc}");
            }
        }
    }
    assert!(descs > 10);
    // A merged province is said to be merged, not to have ceased.
    let page = national.page("don-vi/quang-binh/");
    assert!(one(&page, "p.merged").starts_with("Đã sáp nhập vào Quảng Trị"));
    assert!(!text(page.root_element()).contains("chấm dứt hoạt động"));
    // A year without a score reads without an empty figure.
    for (name, site) in sites() {
        for (path, page) in site.all_pages() {
            let body = text(page.root_element());
            assert!(!body.contains(": —,"), "{name} {path}");
            assert!(!body.contains("::"), "{name} {path}");
        }
    }
}

/// What a unit is, said after its name: each fact after a "·" but the
/// first, whichever facts the unit has.
#[test]
fn a_units_facts_never_start_with_a_separator() {
    let dir = fixture("minimal");
    let built = build_ok(dir.path());
    // No `kind`: the group's name comes first.
    assert_eq!(one(&built.page("don-vi/don-vi-a/"), "p.muted"), "Khối thử");
    let page = example().page("don-vi/so-tu-phap/");
    let facts = one(&page, "p.muted");
    assert!(!facts.starts_with('·') && !facts.is_empty(), "{facts}");
}
