//! The reader's site on the Hà Tĩnh example: charts, sortable tables, open
//! data that holds the same figures as the tables, the search index, feeds,
//! sitemap, tags, 404 and page metadata; and shortcodes in articles.

use std::collections::BTreeSet;
use std::fs;
use std::sync::OnceLock;

use crate::common::*;
use scraper::Html;
use serde_json::Value;

const BASE_URL: &str = "https://cchc.hatinh.example/";

fn site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root()))
}

fn read(path: &str) -> String {
    let file = site().out.join(path);
    fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()))
}

/// "95.27" (CSV) → "95,27" as the page prints it.
fn vi_decimal(machine: &str) -> String {
    machine.replace('.', ",")
}

fn attr<'a>(html: &'a Html, css: &str, name: &str) -> Vec<&'a str> {
    html.select(&sel(css))
        .filter_map(|e| e.value().attr(name))
        .collect()
}

#[test]
fn csv_and_json_downloads_hold_the_figures_of_every_ranking_table() {
    let mut checked = 0;
    for (path, page) in site().all_pages() {
        if !path.starts_with("xep-hang/") {
            continue;
        }
        for section in page.select(&sel("section.ranking-section")) {
            let csv_url = section
                .select(&sel("p.downloads a[href$=\".csv\"]"))
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap_or_else(|| panic!("{path}: a table without a CSV link"));
            let json_url = csv_url.replace(".csv", ".json");
            let csv_text = read(csv_url.trim_start_matches('/'));
            let csv_body = csv_text
                .strip_prefix('\u{feff}')
                .unwrap_or_else(|| panic!("{csv_url} has no byte-order mark"));
            let csv = parse_csv(csv_body);
            let header = &csv[0];
            let col = |name: &str| header.iter().position(|h| h == name).unwrap();
            let json: Value = serde_json::from_str(&read(json_url.trim_start_matches('/')))
                .unwrap_or_else(|e| panic!("{json_url}: {e}"));
            let json_rows = json["rows"].as_array().unwrap();

            let table_rows: Vec<_> = section.select(&sel("table.ranking tbody tr")).collect();
            assert_eq!(table_rows.len(), csv.len() - 1, "{csv_url}");
            assert_eq!(table_rows.len(), json_rows.len(), "{json_url}");
            for ((tr, line), obj) in table_rows.iter().zip(&csv[1..]).zip(json_rows) {
                let cell = |css: &str| text(tr.select(&sel(css)).next().unwrap());
                let unit = cell("th.unit a");
                assert_eq!(line[col("don_vi")], unit, "{csv_url}");
                assert_eq!(obj["unit_name"], unit.as_str(), "{json_url}");
                // A table in which no line has a rank has no rank column.
                let rank = tr
                    .select(&sel("td.rank"))
                    .next()
                    .map_or_else(|| "—".to_owned(), text);
                // A rank computed from illustrative scores is marked *, and
                // one of another origin than its column's head says it.
                let shown_rank = rank.split(['/', ' ']).next().unwrap().trim_end_matches('*');
                assert_eq!(line[col("hang")], shown_rank.replace('—', ""), "{csv_url}");
                if shown_rank != "—" {
                    assert_eq!(obj["rank"].to_string(), shown_rank, "{json_url}");
                }
                // Nor one in which no line has a score a score column.
                let value = tr
                    .select(&sel("td.value"))
                    .next()
                    .map_or_else(|| "—".to_owned(), text);
                let value = value.trim_end_matches('*');
                let number = value.trim_end_matches('%').trim_end_matches(" điểm");
                let machine = &line[col("diem")];
                if number == "—" {
                    assert_eq!(machine, "");
                    assert!(obj["value"].is_null());
                } else {
                    assert_eq!(vi_decimal(machine), number, "{csv_url}, {unit}");
                    let json_value = obj["value"].as_f64().unwrap();
                    assert_eq!(json_value, machine.parse::<f64>().unwrap(), "{json_url}");
                }
                assert_eq!(
                    line[col("minh_hoa")] == "1",
                    tr.value().classes().any(|c| c == "illustrative"),
                    "{csv_url}, {unit}"
                );
                checked += 1;
            }
            if let Some(average) = section.select(&sel("tfoot td.average")).next() {
                let shown = text(average);
                let json_average = json["average"].as_f64().unwrap();
                // At the table's published precision.
                let decimals = json["decimals"].as_u64().unwrap() as usize;
                assert!(
                    shown.starts_with(&vi_decimal(&format!("{json_average:.decimals$}"))),
                    "{json_url}: {shown} vs {json_average}"
                );
            }
        }
    }
    assert!(checked >= 36, "only {checked} rows checked");
}

#[test]
fn the_open_data_page_links_every_table_and_the_files_exist() {
    let page = site().page("du-lieu/");
    let links = attr(&page, "table.data-files a[download]", "href");
    let tables: usize = site()
        .all_pages()
        .iter()
        .filter(|(p, _)| p.starts_with("xep-hang/"))
        .map(|(_, h)| h.select(&sel("table.ranking")).count())
        .sum();
    // CSV, CSV for Excel and JSON.
    assert_eq!(links.len(), 3 * tables);
    for link in links {
        assert!(
            site().out.join(link.trim_start_matches('/')).is_file(),
            "{link}"
        );
    }
}

/// The text of the first child element `name` of `node`; empty if none.
fn child_text(node: roxmltree::Node, name: &str) -> String {
    node.children()
        .find(|n| n.has_tag_name(name))
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn the_atom_feed_is_well_formed_and_lists_every_article() {
    let text = read("atom.xml");
    let doc = roxmltree::Document::parse(&text).expect("atom.xml is well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entries: Vec<_> = feed
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    let list = site().page("tin-tuc/");
    let articles = attr(&list, "ul.article-list h2 a", "href");
    assert_eq!(entries.len(), articles.len());
    for (entry, href) in entries.iter().zip(&articles) {
        let child = |name: &str| child_text(*entry, name);
        assert_eq!(
            child("id"),
            format!("{BASE_URL}{}", href.trim_start_matches('/'))
        );
        // Footnotes, anchors and relative links resolve against the
        // article's own address.
        let base = entry.attribute(("http://www.w3.org/XML/1998/namespace", "base"));
        assert_eq!(base, Some(child("id").as_str()));
        let updated = child("updated");
        assert!(
            updated.len() == 25 && updated.ends_with("T00:00:00+07:00"),
            "{updated}"
        );
        assert!(child("content").contains("<p>"), "content is escaped HTML");
    }
    let feed_updated = feed
        .children()
        .find(|n| n.has_tag_name("updated"))
        .and_then(|n| n.text())
        .unwrap();
    assert_eq!(
        feed_updated, "2025-05-20T00:00:00+07:00",
        "the latest article's date, not the clock"
    );
}

#[test]
fn a_control_character_pasted_into_an_article_leaves_the_feed_well_formed() {
    // Word's Shift+Enter pastes U+000B, which XML forbids even escaped.
    let site = fixture("minimal");
    put(
        site.path(),
        "content/tin-tuc/dan-tu-word.md",
        // TOML takes a control character only escaped; the body, as pasted.
        "+++\ntitle = \"Kết quả\\u000Bnăm 2025\"\ndate = 2025-06-01\nsummary = \"Tóm\\u0001tắt\\uFFFE\"\ntags = [\"CCHC\\u000C\"]\n+++\nDòng một\u{b}dòng hai.\n",
    );
    let built = build_ok(site.path());
    let text = fs::read_to_string(built.out.join("atom.xml")).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("atom.xml is well-formed XML");
    let entry = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("entry")
                && n.children()
                    .any(|c| c.has_tag_name("title") && c.text() == Some("Kết quảnăm 2025"))
        })
        .expect("the article's entry, its title without the control character");
    let child = |name: &str| child_text(entry, name);
    assert_eq!(child("summary"), "Tómtắt");
    assert!(
        child("content").contains("Dòng một\u{fffd}dòng hai."),
        "{}",
        child("content")
    );
    assert!(text.contains("<category term=\"CCHC\"/>"), "{text}");
}

#[test]
fn the_sitemap_lists_every_page_and_robots_names_it() {
    let text = read("sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap.xml is well-formed XML");
    let locs: BTreeSet<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .map(str::to_owned)
        .collect();
    let pages: BTreeSet<String> = site()
        .all_pages()
        .into_iter()
        .filter_map(|(path, _)| path.strip_suffix("index.html").map(str::to_owned))
        .map(|dir| format!("{BASE_URL}{dir}"))
        .collect();
    assert_eq!(locs, pages);
    assert!(locs.contains(&format!("{BASE_URL}xep-hang/2023/so-ban-nganh/")));
    assert!(read("robots.txt").contains(&format!("Sitemap: {BASE_URL}sitemap.xml")));
}

#[test]
fn every_page_has_a_description_and_absolute_open_graph_url() {
    for (path, page) in site().all_pages() {
        let description = attr(&page, "meta[name=description]", "content");
        assert_eq!(description.len(), 1, "{path}");
        assert!(!description[0].trim().is_empty(), "{path}");
        let og_url = attr(&page, "meta[property=\"og:url\"]", "content");
        assert_eq!(og_url.len(), 1, "{path}");
        assert!(og_url[0].starts_with(BASE_URL), "{path}: {}", og_url[0]);
        assert_eq!(attr(&page, "html", "lang"), ["vi"], "{path}");
    }
    let article = site().page("tin-tuc/chi-so-cchc-nam-2023/");
    assert_eq!(
        attr(&article, "meta[property=\"og:type\"]", "content"),
        ["article"]
    );
    assert!(attr(&article, "meta[name=description]", "content")[0]
        .starts_with("PAR Index, SIPAS và PAPI"));
}

#[test]
fn charts_are_labelled_svg_next_to_their_tables() {
    let ranking = site().page("xep-hang/2023/so-ban-nganh/");
    let svgs: Vec<_> = ranking.select(&sel("svg.chart-ranking")).collect();
    assert_eq!(svgs.len(), 1);
    let svg = svgs[0];
    assert_eq!(svg.value().attr("role"), Some("img"));
    for id in svg.value().attr("aria-labelledby").unwrap().split(' ') {
        assert_eq!(
            svg.select(&sel(&format!("[id=\"{id}\"]"))).count(),
            1,
            "{id}"
        );
    }
    let bars = svg.select(&sel("rect.bar")).count();
    let rows = ranking.select(&sel("table.ranking tbody tr")).count();
    assert_eq!(bars, rows);
    assert_eq!(svg.select(&sel("line.threshold")).count(), 1);
    assert!(text(svg).contains("Hoàn thành xuất sắc nhiệm vụ: trên 90%"));
    // The group's average, labelled with the table's figure.
    assert_eq!(svg.select(&sel("line.average")).count(), 1);
    let average = one(&ranking, "table.ranking tfoot");
    let label = one(&ranking, "svg.chart-ranking [data-average]");
    assert!(average.contains(&label), "{label} in {average}");
    // Each figure names its unit, and is the table's.
    for value in svg.select(&sel("text.value")) {
        let unit = value.value().attr("data-unit").expect("data-unit");
        let row = ranking
            .select(&sel("table.ranking tbody tr"))
            .find(|tr| text(*tr).contains(unit))
            .expect("the unit's line");
        assert!(text(row).contains(&text(value)), "{unit}");
    }

    let par = site().page("chi-so/par-index/");
    let history = one(&par, "svg.chart-history");
    for want in ["88,35%", "2021", "2024", "Bình quân cả nước", "Nguồn: "] {
        assert!(history.contains(want), "{want} in {history}");
    }
    assert!(one(&par, "svg.chart-history title").contains("Hà Tĩnh"));
    // The rank over the years, beside it.
    let rank = one(&par, "svg.chart-rank");
    for want in ["18/63", "8/63", "28/63", "Thứ hạng (1 = cao nhất)"] {
        assert!(rank.contains(want), "{want} in {rank}");
    }

    let unit = site().page("don-vi/so-khoa-hoc-va-cong-nghe/");
    let components = all(&unit, "svg.chart-components");
    assert!(!components.is_empty());
    assert!(components.iter().any(|c| c.contains("13,969/14")));
}

#[test]
fn ranking_tables_carry_build_time_sort_keys() {
    let ranking = site().page("xep-hang/2023/so-ban-nganh/");
    assert_eq!(attr(&ranking, "script[src]", "src"), ["/sort.js"]);
    assert!(site().out.join("sort.js").is_file());
    let table = ranking
        .select(&sel("table.ranking.sortable"))
        .next()
        .unwrap();
    let mut names: Vec<(usize, String)> = Vec::new();
    for tr in table.select(&sel("tbody tr")) {
        let rank = tr.select(&sel("td.rank")).next().unwrap();
        let key: u32 = rank.value().attr("data-sort").unwrap().parse().unwrap();
        let shown = text(rank);
        let shown = shown.split(' ').next().unwrap();
        assert_eq!(key.to_string(), shown.trim_end_matches('*'));
        let value = tr.select(&sel("td.value")).next().unwrap();
        let raw: f64 = value.value().attr("data-sort").unwrap().parse().unwrap();
        assert!(text(value).starts_with(&vi_decimal(&format!("{raw:.2}"))));
        let unit = tr.select(&sel("th.unit")).next().unwrap();
        let order: usize = unit.value().attr("data-sort").unwrap().parse().unwrap();
        names.push((order, text(unit)));
    }
    // Sorting by the name keys gives Vietnamese alphabetical order.
    names.sort();
    for pair in names.windows(2) {
        assert_eq!(
            chiso::vi::compare(&pair[0].1, &pair[1].1),
            std::cmp::Ordering::Less,
            "{} / {}",
            pair[0].1,
            pair[1].1
        );
    }
    assert_eq!(attr(&ranking, "th[aria-sort]", "aria-sort"), ["ascending"]);
}

fn search_index() -> Vec<Value> {
    let page = site().page("tim-kiem/");
    let index_url = attr(&page, "#search-form", "data-index")[0].to_owned();
    serde_json::from_str::<Value>(&read(index_url.trim_start_matches('/')))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Finds entries the way search.js does: every folded word in `fx`.
fn find(entries: &[Value], query: &str) -> Vec<String> {
    let words: Vec<String> = chiso::vi::fold(query)
        .split(' ')
        .map(str::to_owned)
        .collect();
    entries
        .iter()
        .filter(|e| {
            words
                .iter()
                .all(|w| e["fx"].as_str().unwrap().contains(w.as_str()))
        })
        .map(|e| e["title"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_search_index_finds_units_indices_and_articles_without_diacritics() {
    let entries = search_index();
    assert!(find(&entries, "so khoa hoc").contains(&"Sở Khoa học và Công nghệ".to_owned()));
    assert!(find(&entries, "ha tinh").contains(&"Hà Tĩnh".to_owned()));
    assert!(find(&entries, "HÀ TĨNH").contains(&"Hà Tĩnh".to_owned()));
    assert!(find(&entries, "sipas")
        .iter()
        .any(|t| t.starts_with("Chỉ số hài lòng")));
    assert!(find(&entries, "tang hang 2023")
        .iter()
        .any(|t| t.starts_with("Năm 2023: Hà Tĩnh tăng hạng")));
    let units = site().out.join("don-vi");
    let unit_pages = fs::read_dir(units).unwrap().count();
    let unit_entries = entries.iter().filter(|e| e["kind"] == "Đơn vị").count();
    assert_eq!(unit_entries, unit_pages);
    assert!(site().out.join("search.js").is_file());
}

#[test]
fn former_names_are_searchable() {
    let dir = fixture("minimal");
    let units = fs::read_to_string(dir.path().join("data/units.toml")).unwrap();
    let units = units.replacen(
        "name = \"Đơn vị A\"",
        "name = \"Đơn vị A\"\nformer_names = [\"Sở Khoa học, Công nghệ và Môi trường\"]",
        1,
    );
    put(dir.path(), "data/units.toml", &units);
    let built = build_ok(dir.path());
    let text = fs::read_to_string(built.out.join("tim-kiem/chi-muc.json")).unwrap();
    let entries: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(find(&entries, "moi truong"), ["Đơn vị A"]);
}

#[test]
fn the_2023_article_prints_its_figures_from_the_data() {
    let article = site().page("tin-tuc/chi-so-cchc-nam-2023/");
    let body = one(&article, "article");
    for want in [
        "đạt 88,35 điểm, cao hơn mức bình quân 86,98 của 63 tỉnh",
        "mức bình quân cả nước là 82,66%.",
        "(bình quân cả nước: 42,3265 điểm)",
        "Tỉnh xếp thứ 18/63, tăng 10 bậc so với năm 2022",
        "đạt 88,97%",
        "đạt 45,42 điểm trên thang 80",
        "tương đương 95,27%",
        "với 93,364/98 điểm (điểm đạt/điểm tối đa)",
        // Component scores print as the decision printed each (11,5; 5; 13,969).
        "tổ chức bộ máy (11,5/11,5)",
        "hài lòng của người dân (5/5)",
        "cải cách thủ tục hành chính (13,969/14)",
        "có 6 trong 13 đơn vị",
        "bình quân của khối lên 94,38%,",
    ] {
        assert!(body.contains(want), "{want}");
    }
    let rows: Vec<String> = article
        .select(&sel("article table tbody tr"))
        .map(|tr| {
            tr.select(&sel("td, th"))
                .map(text)
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    assert!(rows.contains(
        &"PAR Index | 88,35 điểm | 18/63 | tăng 10 bậc so với năm 2022 | xếp thứ 3/6 Bắc Trung Bộ"
            .to_owned()
    ));
    assert!(
        rows.contains(&"Sở, ban, ngành | 17 | 90,53% | 12 | Sở Khoa học và Công nghệ".to_owned())
    );
    assert_eq!(
        all(&article, "table.ranking.embedded tbody th a")
            .first()
            .map(String::as_str),
        Some("Cục Hải quan Hà Tĩnh")
    );
    // The embedded table's scores are the ranking page's own cells (with
    // their marks), not figures formatted a second time.
    let embedded = all(&article, "table.ranking.embedded span.score");
    assert_eq!(embedded.first().map(String::as_str), Some("96,47%"));
    let ranking = all(
        &site().page("xep-hang/2023/co-quan-trung-uong/"),
        "table.ranking span.score",
    );
    for score in &embedded {
        assert!(
            ranking.contains(score),
            "{score} is not on the ranking page"
        );
    }
    // Quoted in an article, the table keeps its average and its source.
    let foot = one(&article, "table.ranking.embedded tfoot");
    assert!(foot.contains("94,38%"), "{foot}");
    assert!(foot.contains("số liệu công bố"), "{foot}");
    let source = one(
        &article,
        "table.ranking.embedded + p.source, div.table-scroll + p.source",
    );
    assert!(source.starts_with("Nguồn: "), "{source}");
    for (path, page) in site().all_pages() {
        assert!(
            !page.html().contains("<!-- chiso:"),
            "{path} has an unexpanded shortcode"
        );
    }
}

#[test]
fn a_bad_shortcode_fails_the_build_naming_the_article() {
    let cases = [
        (
            "ket-qua chi-so=chi-so nam=2023 don-vi=khong-co",
            "there is no unit `khong-co`",
        ),
        (
            "ket-qua chi-so=chi-so nam=2019 don-vi=don-vi-a",
            "has no result for this index in 2019",
        ),
        (
            "ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a linh-vuc=x",
            "has no component `x`",
        ),
        (
            "ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a hien=vung",
            "has no regional rank",
        ),
        (
            "ket-qua chi-so=chi-so nam=2023 don-vi=don-vi-a hien=x",
            "`hien=x`: choose",
        ),
        ("khoi nam=2023 khoi=khoi hien=x", "`hien=x`: choose"),
    ];
    for (call, want) in cases {
        let dir = fixture("minimal");
        let article = fs::read_to_string(dir.path().join("content/tin-tuc/bai-mot.md")).unwrap();
        put(
            dir.path(),
            "content/tin-tuc/bai-mot.md",
            &format!("{article}\nĐạt <!-- chiso:{call} -->.\n"),
        );
        let err = build_err(dir.path());
        assert!(err.contains("content/tin-tuc/bai-mot.md"), "{call}: {err}");
        assert!(err.contains(want), "{call}: {err}");
    }
}

#[test]
fn editors_double_braces_are_plain_text() {
    let dir = fixture("minimal");
    let article = fs::read_to_string(dir.path().join("content/tin-tuc/bai-mot.md")).unwrap();
    put(
        dir.path(),
        "content/tin-tuc/bai-mot.md",
        &format!("{article}\nCú pháp {{{{ x }}}} và {{% y %}} không phải lệnh.\n"),
    );
    let built = build_ok(dir.path());
    let page = built.page("tin-tuc/bai-mot/");
    assert!(one(&page, "article").contains("Cú pháp {{ x }} và {% y %} không phải lệnh."));
}

#[test]
fn tags_have_pages_and_a_not_found_page_exists() {
    let tag = site().page("the/par-index/");
    let links = attr(&tag, "ul.article-list h2 a", "href");
    assert_eq!(links.len(), 2);
    let tags = all(&site().page("the/"), "ul.tag-list a");
    assert!(tags.contains(&"Chỉ số CCHC tỉnh".to_owned()));
    let article = site().page("tin-tuc/chi-so-cchc-nam-2023/");
    assert!(attr(&article, "a[rel=tag]", "href").contains(&"/the/chi-so-cchc-tinh/"));
    let not_found = Html::parse_document(&read("404.html"));
    assert_eq!(one(&not_found, "h1"), "Không tìm thấy trang");
}

#[test]
fn the_home_text_may_use_shortcodes_too() {
    let dir = fixture("minimal");
    let home = fs::read_to_string(dir.path().join("content/_index.md")).unwrap();
    put(
        dir.path(),
        "content/_index.md",
        &format!("{home}\nKhối có <!-- chiso:khoi chi-so=chi-so nam=2023 khoi=khoi hien=so-don-vi --> đơn vị.\n"),
    );
    let built = build_ok(dir.path());
    let page = built.page("");
    let intro = one(&page, "section.intro");
    assert!(intro.contains("Khối có 4 đơn vị."), "{intro}");
}

/// Tags spelled alike but for case are one tag, linked once per article;
/// tags whose accents differ share a page, and the build warns at the
/// second spelling's `tags`, naming the first.
#[test]
fn tags_spelled_apart_share_a_page_with_a_warning_and_are_linked_once() {
    let site = crate::common::fixture("minimal");
    let root = site.path();
    crate::common::put(
        root,
        "content/tin-tuc/do-thi.md",
        "+++\ntitle = \"Đô thị thông minh\"\ndate = 2024-03-01\ntags = [\"Đô thị\"]\n+++\nx\n",
    );
    crate::common::put(
        root,
        "content/tin-tuc/do-thi-xep-hang.md",
        "+++\ntitle = \"Đọc đồ thị\"\ndate = 2024-04-01\n\
         tags = [\"Đồ thị\", \"Cải cách\", \"cải cách\", \"CẢI CÁCH\"]\n+++\ny\n",
    );
    let built = crate::common::build_ok(root);
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains("`Đô thị`")
            && warnings.contains("`Đồ thị`")
            && warnings.contains("content/tin-tuc/do-thi-xep-hang.md")
            && warnings.contains("/the/do-thi/"),
        "{warnings}"
    );
    // Case alone is no warning.
    assert!(!warnings.contains("Cải cách"), "{warnings}");
    let tags = all(&built.page("tin-tuc/do-thi-xep-hang/"), "a[href*='/the/']");
    assert_eq!(
        tags.iter().filter(|t| t.as_str() == "Cải cách").count(),
        1,
        "{tags:?}"
    );
}

/// A unit's scorecard for a year it was not ranked says so, with why,
/// rather than "Điểm không xếp hạng"; a line with a rank only shows no
/// "Điểm —"; the share card's description says "không xếp hạng" alone.
#[test]
fn a_scorecard_of_a_line_not_ranked_or_ranked_without_a_score_shows_what_there_is() {
    let site = crate::common::fixture("minimal");
    let root = site.path();
    crate::common::put(
        root,
        "data/results/2024/khoi.toml",
        "index = \"chi-so\"\nyear = 2024\ngroup = \"khoi\"\n\
         [[result]]\nunit = \"don-vi-a\"\nrank = 2\nof = 9\n\
         [[result]]\nunit = \"don-vi-b\"\nnot_ranked = \"Đang thanh tra\"\n",
    );
    let built = crate::common::build_ok(root);
    let b = built.page("don-vi/don-vi-b/");
    let hero = one(&b, ".scorecard .scorecard-hero");
    assert_eq!(hero, "Không xếp hạng", "{hero}");
    assert!(text(b.select(&sel(".scorecard")).next().unwrap()).contains("Đang thanh tra"));
    let alt = b
        .select(&sel("meta[property='og:image:alt']"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap_or_default()
        .to_owned();
    assert!(!alt.contains("điểm không xếp hạng"), "{alt}");
    let a = built.page("don-vi/don-vi-a/");
    let facts = all(&a, ".scorecard dt");
    assert!(!facts.iter().any(|f| f == "Điểm"), "{facts:?}");
}

/// A unit's chart across two groups that share an average's label (a
/// group re-formed in 2025, both "Bình quân cả nước") uses that label.
#[test]
fn a_units_chart_across_groups_sharing_an_average_label_uses_it() {
    let site = crate::common::fixture("minimal");
    let root = site.path();
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    let units = units.replacen(
        "name = \"Khối thử\"\n",
        "name = \"Khối thử\"\naverage_label = \"Bình quân cả nước\"\n\n[[group]]\nid = \"khoi-moi\"\nname = \"Khối mới\"\naverage_label = \"Bình quân cả nước\"\ncomparable_with = [\"khoi\"]\n",
        1,
    );
    crate::common::put(root, "data/units.toml", &units);
    crate::common::put(
        root,
        "data/results/2024/khoi-moi.toml",
        "index = \"chi-so\"\nyear = 2024\ngroup = \"khoi-moi\"\n\
         [[result]]\nunit = \"don-vi-a\"\nscore = 91\n[[result]]\nunit = \"don-vi-b\"\nscore = 80\n",
    );
    let built = crate::common::build_ok(root);
    let page = built.page("don-vi/don-vi-a/");
    let html = page.root_element().html();
    assert!(html.contains("Bình quân cả nước"), "the chart's average");
    assert!(!html.contains("Bình quân khối"), "no generic label");
}

/// Two units of the same name (communes of two districts) are told apart
/// by their group in the browser's tab, a shared link and the search.
#[test]
fn units_of_the_same_name_are_told_apart_by_their_group() {
    let dir = fixture("minimal");
    let root = dir.path();
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    put(
        root,
        "data/units.toml",
        &format!(
            "{units}\n[[group]]\nid = \"khoi-hai\"\nname = \"Khối hai\"\n\n\
             [[unit]]\nid = \"don-vi-a-hai\"\nname = \"Đơn vị A\"\ngroup = \"khoi-hai\"\n"
        ),
    );
    let built = build_ok(root);
    let title = |path: &str| one(&built.page(path), "head > title");
    assert!(title("don-vi/don-vi-a").starts_with("Đơn vị A (Khối thử) ·"));
    assert!(title("don-vi/don-vi-a-hai").starts_with("Đơn vị A (Khối hai) ·"));
    // A unit with a name of its own keeps it alone.
    assert!(title("don-vi/don-vi-b").starts_with("Đơn vị B ·"));
    let search = std::fs::read_to_string(built.out.join("tim-kiem/chi-muc.json")).unwrap();
    assert!(search.contains("\"Đơn vị A (Khối thử)\""), "{search}");
    assert!(search.contains("\"Đơn vị A (Khối hai)\""), "{search}");
}

/// Two units of the same name in one group (two communes "UBND xã Quảng
/// Tiến" of one district) are told apart on every line that names them:
/// the ranking table, its leader and last place, the chart and a
/// shortcode's table, by their id when nothing else tells them apart.
#[test]
fn units_of_the_same_name_in_one_group_are_told_apart_on_their_lines() {
    let dir = fixture("minimal");
    let root = dir.path();
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    put(
        root,
        "data/units.toml",
        &units.replace("name = \"Đơn vị D\"", "name = \"Đơn vị A\""),
    );
    put(
        root,
        "content/tin-tuc/bai.md",
        "+++\ntitle = \"Bài\"\ndate = 2024-01-02\n+++\n\n<!-- chiso:khoi chi-so=chi-so nam=2023 khoi=khoi hien=dan-dau -->\n\n<!-- chiso:bang-xep-hang chi-so=chi-so nam=2023 khoi=khoi -->\n",
    );
    let built = build_ok(root);
    let page = built.page("xep-hang/2023/khoi");
    let names = all(&page, "table.ranking th.unit a");
    assert_eq!(
        names,
        [
            "Đơn vị A (don-vi-a)",
            "Đơn vị B",
            "Đơn vị C",
            "Đơn vị A (don-vi-d)"
        ],
        "{names:?}"
    );
    let summary = page.root_element().html();
    assert!(
        summary.contains(">Đơn vị A (don-vi-d)</a></li>"),
        "last place"
    );
    let chart = one(&page, "svg");
    assert!(
        chart.contains("Đơn vị A (don-vi-d)"),
        "the chart's label: {chart}"
    );
    let article = built.page("tin-tuc/bai");
    let lines = all(&article, "table a");
    assert!(
        lines.contains(&"Đơn vị A (don-vi-d)".to_owned()),
        "{lines:?}"
    );
    // `khoi hien=dan-dau`, before the table.
    let html = article.root_element().html();
    let lead = &html[..html.find("<table").unwrap()];
    assert!(lead.contains("Đơn vị A (don-vi-a)"), "{lead}");
}

/// A unit renamed since, whose name that year was another unit's, is told
/// apart on that year's lines (and not on a year when the names differ).
#[test]
fn a_renamed_unit_with_another_units_name_that_year_is_told_apart() {
    let dir = fixture("minimal");
    let root = dir.path();
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    put(
        root,
        "data/units.toml",
        &units.replace(
            "name = \"Đơn vị D\"",
            "name = \"Đơn vị D\"\nrenamed = [{ name = \"Đơn vị A\", until = 2023 }]",
        ),
    );
    let built = build_ok(root);
    let page = built.page("xep-hang/2023/khoi");
    let names = all(&page, "table.ranking th.unit a");
    assert!(
        names.contains(&"Đơn vị A (don-vi-a)".to_owned())
            && names.contains(&"Đơn vị A (don-vi-d)".to_owned()),
        "{names:?}"
    );
}

/// A unit that took the name of a unit gone by then (a new commune named
/// after an abolished one) is not told apart by its id: no line of that
/// year has the other (adv18 m2).
#[test]
fn a_name_taken_from_a_unit_gone_that_year_needs_no_id() {
    let dir = fixture("minimal");
    let root = dir.path();
    let units = std::fs::read_to_string(root.join("data/units.toml")).unwrap();
    // Đơn vị A is gone after 2022; D, called "Đơn vị A" from 2023, is not
    // told apart in 2023.
    let units = units
        .replace(
            "name = \"Đơn vị A\"\ngroup = \"khoi\"",
            "name = \"Đơn vị A\"\ngroup = \"khoi\"\nactive_to = 2022",
        )
        .replace(
            "name = \"Đơn vị D\"",
            "name = \"Đơn vị A\"\nrenamed = [{ name = \"Đơn vị D\", until = 2022 }]",
        );
    put(root, "data/units.toml", &units);
    let table = std::fs::read_to_string(root.join("data/results/2023/khoi.toml"))
        .unwrap()
        .replace("[[result]]\nunit = \"don-vi-a\"\nscore = 90\n\n", "");
    put(root, "data/results/2023/khoi.toml", &table);
    let built = build_ok(root);
    let names = all(&built.page("xep-hang/2023/khoi"), "table.ranking th.unit a");
    assert!(names.contains(&"Đơn vị A".to_owned()), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("(don-vi")), "{names:?}");
}
