//! Tile-grid maps (`data/tiles.*`): the national example's 63-province map
//! on its index and home pages, coloured as its tables say; the 34-province
//! layout of 2025 in a JSON fixture; the warnings about layouts; and a site
//! without layouts showing no map.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::common::*;
use scraper::Html;

fn national() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root().join("examples/national")))
}

fn after_2025() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root().join("tests/fixtures/published/tiles-2025")))
}

/// One square of a map as the page shows it.
#[derive(Debug)]
struct Square {
    unit: String,
    class: String,
    band: Option<String>,
    href: String,
    name: String,
    label: String,
}

/// The squares of the page's only map.
fn squares_of(page: &Html) -> Vec<Square> {
    let maps: Vec<_> = page.select(&sel("figure.tile-map")).collect();
    assert_eq!(maps.len(), 1, "one map on the page");
    let link = sel("a");
    maps[0]
        .select(&sel("ul.tile-grid > li.tile"))
        .map(|li| {
            let a = li.select(&link).next().expect("every square is a link");
            let v = li.value();
            Square {
                unit: v.attr("data-unit").unwrap().to_owned(),
                class: v
                    .classes()
                    .find(|c| *c != "tile")
                    .unwrap_or_default()
                    .to_owned(),
                band: v.attr("data-band").map(str::to_owned),
                href: a.value().attr("href").unwrap().to_owned(),
                name: a
                    .select(&sel(".visually-hidden"))
                    .next()
                    .map(text)
                    .expect("every square has its name in words"),
                label: a
                    .select(&sel("span[aria-hidden=true]"))
                    .next()
                    .map(text)
                    .expect("every square has its label"),
            }
        })
        .collect()
}

/// Band id by unit id, from a table's CSV download.
fn csv_bands(site: &Built, path: &str) -> BTreeMap<String, String> {
    let csv = std::fs::read_to_string(site.out.join(path)).unwrap();
    let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
    let head = &rows[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let (unit, band) = (col("ma_don_vi"), col("ma_xep_loai"));
    rows[1..]
        .iter()
        .map(|r| (r[unit].clone(), r[band].clone()))
        .collect()
}

#[test]
fn the_national_index_page_maps_its_63_provinces_linked_to_their_pages() {
    let site = national();
    let page = site.page("chi-so/par-index/");
    let squares = squares_of(&page);
    assert_eq!(squares.len(), 63);
    let mut units: Vec<_> = squares.iter().map(|s| s.unit.as_str()).collect();
    units.dedup();
    assert_eq!(units.len(), 63, "one square per province");
    for s in &squares {
        assert_eq!(s.href, format!("/don-vi/{}/", s.unit));
        assert!(
            site.out.join(&s.href[1..]).join("index.html").exists(),
            "{} leads to a page",
            s.href
        );
        assert!(!s.label.is_empty() && s.label.chars().count() <= 4);
    }
    let ha_tinh = squares.iter().find(|s| s.unit == "ha-tinh").unwrap();
    assert_eq!(ha_tinh.label, "HT");
    assert!(
        ha_tinh.name.starts_with("Hà Tĩnh: ") && ha_tinh.name.contains("/63"),
        "{}",
        ha_tinh.name
    );
    let caption = one(&page, "figure.tile-map figcaption");
    assert!(caption.contains("PAR Index năm 2023"), "{caption}");
}

#[test]
fn squares_are_coloured_by_the_band_of_the_table() {
    let site = national();
    let page = site.page("chi-so/par-index/");
    let bands = csv_bands(site, "du-lieu/2023/tinh-thanh/par-index.csv");
    assert_eq!(bands.len(), 63);
    let squares = squares_of(&page);
    let mut by_band: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for s in &squares {
        let band = s.band.clone().unwrap_or_default();
        assert_eq!(Some(&band), bands.get(&s.unit), "{}", s.unit);
        by_band.entry(band).or_default().push(&s.class);
        let name = match s.band.as_deref() {
            Some("a") => "Nhóm A",
            Some("b") => "Nhóm B",
            _ => "",
        };
        assert!(s.name.ends_with(name), "{}", s.name);
    }
    // One colour per band, the best band the darkest step.
    for classes in by_band.values() {
        assert!(classes.iter().all(|c| *c == classes[0]), "{classes:?}");
    }
    assert_eq!(by_band["a"][0], "tile-s0");
    assert_eq!(by_band["b"][0], "tile-s2");
    let legend = all(&page, "figure.tile-map ul.tile-legend li");
    let count = |band: &str| bands.values().filter(|b| *b == band).count();
    assert_eq!(legend[0], format!("Nhóm A (từ 90%): {}", count("a")));
    assert_eq!(legend[1], format!("Nhóm B (từ 80%): {}", count("b")));
}

#[test]
fn an_index_without_bands_is_coloured_by_quarter_of_the_ranking() {
    let page = national().page("chi-so/sipas/");
    let squares = squares_of(&page);
    assert_eq!(squares.len(), 63);
    let figure = page.select(&sel("figure.tile-map")).next().unwrap();
    assert_eq!(figure.value().attr("data-colouring"), Some("quartile"));
    let legend = all(&page, "figure.tile-map ul.tile-legend li");
    assert_eq!(legend.len(), 4, "{legend:?}");
    assert!(legend[0].starts_with("Hạng 1–"), "{legend:?}");
    let total: usize = legend
        .iter()
        .map(|l| l.rsplit(": ").next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, 63);
    assert!(squares.iter().all(|s| s.band.is_none()));
}

#[test]
fn the_national_home_page_has_one_map() {
    let page = national().page("");
    assert_eq!(squares_of(&page).len(), 63);
}

#[test]
fn from_2025_the_map_has_the_34_provinces_of_its_layout() {
    let site = after_2025();
    let page = site.page("chi-so/chi-so/");
    let squares = squares_of(&page);
    assert_eq!(squares.len(), 34);
    assert!(!squares.iter().any(|s| s.unit == "ha-giang"));
    assert!(squares.iter().all(|s| s.class != "tile-nodata"));
    let caption = one(&page, "figure.tile-map figcaption");
    assert!(caption.contains("năm 2025"), "{caption}");
    // The index with results only in 2024 is drawn on the 2024 layout,
    // with Hà Giang.
    let page = site.page("chi-so/khao-sat/");
    let squares_2024 = squares_of(&page);
    assert_eq!(squares_2024.len(), 35);
    assert!(squares_2024.iter().any(|s| s.unit == "ha-giang"));
    assert_eq!(site.page("").select(&sel("li.tile")).count(), 34);
}

#[test]
fn a_site_without_layouts_shows_no_map() {
    let site = build_ok(&example_root());
    for (path, page) in site.all_pages() {
        assert_eq!(
            page.select(&sel(".tile-map")).count(),
            0,
            "{path} has no layout to draw"
        );
    }
}

#[test]
fn a_year_without_a_layout_gets_no_map() {
    let site = fixture("minimal");
    put(
        site.path(),
        "data/tiles.toml",
        "[[layout]]\nto = 2022\ntile = [{ unit = \"don-vi-a\", row = 0, col = 0 }]\n",
    );
    let built = build_ok(site.path());
    assert_eq!(built.page("").select(&sel(".tile-map")).count(), 0);
    assert_eq!(
        built
            .page("chi-so/chi-so/")
            .select(&sel(".tile-map"))
            .count(),
        0
    );
}

#[test]
fn units_left_off_a_layout_and_units_gone_are_warned_about() {
    let site = fixture("minimal");
    put(
        site.path(),
        "data/units.toml",
        &format!(
            "{}\n[[unit]]\nid = \"don-vi-cu\"\nname = \"Đơn vị cũ\"\nactive_to = 2020\n",
            std::fs::read_to_string(site.path().join("data/units.toml")).unwrap()
        ),
    );
    put(
        site.path(),
        "data/tiles.toml",
        "[[layout]]\nfrom = 2021\ntile = [\n  { unit = \"don-vi-a\", row = 0, col = 0 },\n  { unit = \"don-vi-b\", row = 0, col = 1 },\n  { unit = \"don-vi-c\", row = 1, col = 0 },\n  { unit = \"don-vi-cu\", row = 1, col = 1 },\n]\n",
    );
    let built = build_ok(site.path());
    let warnings = built.report.warnings.to_string();
    assert!(
        warnings.contains("`don-vi-d` has a result in 2023")
            && warnings.contains("no tile in the map layout from 2021"),
        "{warnings}"
    );
    assert!(warnings.contains("data/tiles.toml:2:8"), "{warnings}");
    assert!(
        warnings.contains("`don-vi-cu` has a tile in the map layout from 2021"),
        "{warnings}"
    );
    assert!(warnings.contains("data/tiles.toml:7:12"), "{warnings}");
    // The map is drawn all the same, with the squares it has.
    let page = built.page("chi-so/chi-so/");
    assert_eq!(page.select(&sel("li.tile")).count(), 4);
    assert_eq!(page.select(&sel("li.tile-nodata")).count(), 1);
}

#[test]
fn provinces_not_ranked_are_grey_and_say_so() {
    let page = national().page("chi-so/papi/");
    let squares = squares_of(&page);
    let grey: Vec<_> = squares
        .iter()
        .filter(|s| s.class == "tile-nodata")
        .collect();
    assert_eq!(grey.len(), 2, "{grey:?}");
    for s in &grey {
        assert!(s.name.ends_with("không xếp hạng"), "{}", s.name);
    }
    let legend = all(&page, "figure.tile-map ul.tile-legend li");
    assert_eq!(legend.last().unwrap(), "Không xếp hạng: 2", "{legend:?}");
}

/// Each square's place on the grid (row, column, from 1), by unit id.
fn places(page: &Html) -> BTreeMap<String, (u32, u32)> {
    page.select(&sel("figure.tile-map li.tile"))
        .map(|li| {
            let style = li.value().attr("style").unwrap();
            let number = |key: &str| -> u32 {
                let from = style.find(key).unwrap() + key.len();
                style[from..].split(';').next().unwrap().parse().unwrap()
            };
            let unit = li.value().attr("data-unit").unwrap().to_owned();
            (unit, (number("grid-row:"), number("grid-column:")))
        })
        .collect()
}

#[test]
fn the_national_layout_reads_like_the_country() {
    let places = places(&national().page("chi-so/par-index/"));
    let at = |unit: &str| places[unit];
    let touching = |a: &str, b: &str| {
        let ((r1, c1), (r2, c2)) = (at(a), at(b));
        r1.abs_diff(r2) + c1.abs_diff(c2) == 1
    };
    assert!(touching("ha-noi", "bac-ninh"));
    assert!(touching("ha-noi", "vinh-phuc"));
    assert!(touching("hai-phong", "hai-duong"));
    assert!(touching("ho-chi-minh", "binh-duong"));
    assert!(touching("can-tho", "vinh-long") || touching("can-tho", "hau-giang"));
    // Hà Tĩnh right below Nghệ An.
    let (na, ht) = (at("nghe-an"), at("ha-tinh"));
    assert_eq!((ht.0, ht.1), (na.0 + 1, na.1));
    // Cà Mau alone at the bottom; Quảng Ninh the easternmost of the north.
    let bottom = places.values().map(|p| p.0).max().unwrap();
    assert_eq!(at("ca-mau").0, bottom);
    assert_eq!(places.values().filter(|p| p.0 == bottom).count(), 1);
    let north_east = places
        .iter()
        .filter(|(_, p)| p.0 <= 3)
        .max_by_key(|(_, p)| p.1)
        .unwrap();
    assert_eq!(north_east.0, "quang-ninh");
    // Eight columns wide in the north, narrow in the centre.
    let width = |rows: std::ops::RangeInclusive<u32>| {
        let cols: Vec<u32> = places
            .values()
            .filter(|p| rows.contains(&p.0))
            .map(|p| p.1)
            .collect();
        cols.iter().max().unwrap() - cols.iter().min().unwrap() + 1
    };
    assert_eq!(width(1..=3), 8);
    assert!(width(6..=9) <= 3);
}
