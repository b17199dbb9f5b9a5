//! Share cards (`og:image`): every page of the example site names a
//! 1200×630 PNG that the build wrote; a unit's card says the figures its
//! page shows; cards come from the cache on the next build; they can be
//! turned off.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chiso::BuildOptions;
use scraper::Html;

use crate::common::*;

const BASE: &str = "https://cchc.hatinh.example/";

fn site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&example_root()))
}

/// The content of the only `<meta>` whose `property` or `name` is `key`.
fn meta(page: &Html, key: &str) -> String {
    let css = format!("meta[property=\"{key}\"], meta[name=\"{key}\"]");
    let found: Vec<String> = page
        .select(&sel(&css))
        .filter_map(|m| m.value().attr("content").map(str::to_owned))
        .collect();
    assert_eq!(found.len(), 1, "one {key}: {found:?}");
    found[0].clone()
}

/// The width and height a PNG's header states.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

/// The file an absolute card URL names in the output `out`.
fn card_file(out: &Path, url: &str) -> std::path::PathBuf {
    let path = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} is not under {BASE}"));
    assert!(
        path.starts_with("anh-chia-se/") && path.ends_with(".png"),
        "{path}"
    );
    out.join(path)
}

#[test]
fn every_page_names_a_1200_by_630_png_the_build_wrote() {
    let site = site();
    let pages = site.all_pages();
    assert!(pages.len() > 50, "{} pages", pages.len());
    let mut cards = BTreeSet::new();
    for (path, page) in &pages {
        let url = meta(page, "og:image");
        let file = card_file(&site.out, &url);
        let bytes = fs::read(&file).unwrap_or_else(|e| panic!("{path}: {url}: {e}"));
        assert_eq!(png_size(&bytes), (1200, 630), "{path}");
        assert_eq!(meta(page, "og:image:width"), "1200", "{path}");
        assert_eq!(meta(page, "og:image:height"), "630", "{path}");
        assert_eq!(meta(page, "og:image:type"), "image/png", "{path}");
        assert!(!meta(page, "og:image:alt").is_empty(), "{path}");
        assert_eq!(meta(page, "twitter:card"), "summary_large_image", "{path}");
        cards.insert(url);
    }
    // Pages that share a card share one file: the articles, tags, data and
    // search pages all show the site's.
    let article = meta(&site.page("tim-kiem/"), "og:image");
    assert_eq!(article, meta(&site.page("du-lieu/"), "og:image"));
    assert_eq!(article, meta(&site.page("the/"), "og:image"));
    // A card per unit with results, per ranking page and per index.
    assert_ne!(
        meta(&site.page("don-vi/ha-tinh/"), "og:image"),
        meta(&site.page("don-vi/so-noi-vu/"), "og:image")
    );
    assert!(cards.len() > 40, "{} cards", cards.len());
    // No card is written that no page names.
    let written = fs::read_dir(site.out.join("anh-chia-se")).unwrap().count();
    assert_eq!(written, cards.len());
}

#[test]
fn a_unit_card_says_the_figures_its_page_shows() {
    let rendered =
        chiso::render_site(&BuildOptions::new(example_root())).unwrap_or_else(|d| panic!("{d}"));
    let page = site().page("don-vi/ha-tinh/");
    let url = meta(&page, "og:image");
    let path = url.strip_prefix(BASE).unwrap();
    let svg = rendered
        .share_cards
        .svg(path)
        .unwrap_or_else(|| panic!("no card at {path}"));
    // The latest result of Hà Tĩnh (PAR Index 2024 in FACTS.md), as the
    // page's history table prints it.
    let row = "table.history[data-index=\"par-index\"] tr[data-year=\"2024\"]";
    let score = one(&page, &format!("{row} td.value span.score"));
    let rank = one(&page, &format!("{row} td.rank span.rank"));
    let change = one(&page, &format!("{row} span.change"));
    assert_eq!((score.as_str(), rank.as_str()), ("89,72%", "15/63"));
    let (place, of) = rank.split_once('/').unwrap();
    for text in [
        "Hà Tĩnh",
        score.as_str(),
        &format!(">{place}<"),
        &format!(">/{of}<"),
        change.as_str(),
        "năm 2024",
    ] {
        assert!(svg.contains(text), "{text:?} not in the card:\n{svg}");
    }
    let alt = meta(&page, "og:image:alt");
    assert!(
        alt.contains("xếp thứ 15/63") && alt.contains("89,72%"),
        "{alt}"
    );
    // check and serve draw nothing: their files hold no PNG.
    assert!(!rendered.files.iter().any(|f| f.path.ends_with(".png")));
}

/// A rank and a change chiso computed say so on the card as on the page,
/// and the illustrative mark's note is in the marks' violet, not the red
/// of a fall (adv23 M5, m7).
#[test]
fn a_card_says_what_chiso_computed_as_its_page_does() {
    let rendered =
        chiso::render_site(&BuildOptions::new(example_root())).unwrap_or_else(|d| panic!("{d}"));
    let page = site().page("don-vi/so-noi-vu/");
    let hero = one(&page, ".scorecard-hero");
    assert!(hero.contains("(tính từ bảng)"), "{hero}");
    let url = meta(&page, "og:image");
    let svg = rendered
        .share_cards
        .svg(url.strip_prefix(BASE).unwrap())
        .unwrap();
    assert!(svg.contains(">Xếp hạng (tính từ bảng)<"), "{svg}");
    assert!(svg.contains("bậc* (tính từ bảng)"), "{svg}");
    assert!(
        svg.contains("fill=\"#6639ba\" text-anchor=\"end\">* Số liệu minh họa"),
        "{svg}"
    );
    let alt = meta(&page, "og:image:alt");
    assert!(alt.contains("(tính từ bảng)"), "{alt}");
}

/// The cache folder of the cards of the one address `root` was built for.
fn cached_cards(root: &Path) -> PathBuf {
    let folders: Vec<PathBuf> = fs::read_dir(root.join(".chiso-cache/share-cards"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    assert_eq!(folders.len(), 1, "{folders:?}");
    folders[0].clone()
}

#[test]
fn a_second_build_takes_the_cards_from_the_cache() {
    let dir = fixture("minimal");
    let root = dir.path();
    let first = build_ok(root);
    let cache = cached_cards(root);
    let mut kept: Vec<_> = fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    kept.sort();
    let written = fs::read_dir(first.out.join("anh-chia-se")).unwrap().count();
    assert!(kept.len() >= 2 && kept.len() == written, "{kept:?}");
    // Put card B's image under card A's name, and a card no page names:
    // the next build (into a new output) must take A from the cache as it
    // is, and drop the other. Files not named as chiso names a card stay.
    let b = fs::read(&kept[1]).unwrap();
    fs::write(&kept[0], &b).unwrap();
    let unused = "0123456789abcdef0123456789abcdef.png";
    fs::write(cache.join(unused), &b).unwrap();
    fs::write(cache.join("logo.png"), &b).unwrap();
    let second = build_ok(root);
    let name = kept[0].file_name().unwrap();
    assert_eq!(
        fs::read(second.out.join("anh-chia-se").join(name)).unwrap(),
        b
    );
    assert!(!cache.join(unused).exists());
    assert!(cache.join("logo.png").exists());
}

#[test]
fn a_rebuild_keeps_the_cards_the_output_has_without_writing_them_and_caches_them() {
    let dir = fixture("minimal");
    let root = dir.path();
    let out = dir.path().join("public");
    let mut options = BuildOptions::new(root);
    options.output = Some(out.clone());
    chiso::build(&options).unwrap();
    let cards = out.join("anh-chia-se");
    let first: Vec<(std::ffi::OsString, Vec<u8>)> = fs::read_dir(&cards)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name(), fs::read(e.path()).unwrap())
        })
        .collect();
    assert!(first.len() >= 2);
    // With the cache gone, the cards can only come from the output.
    fs::remove_dir_all(root.join(".chiso-cache")).unwrap();
    let report = chiso::build(&options).unwrap();
    assert_eq!(report.changed, 0, "{report:?}");
    for (name, bytes) in &first {
        assert_eq!(&fs::read(cards.join(name)).unwrap(), bytes);
    }
    assert_eq!(fs::read_dir(&cards).unwrap().count(), first.len());
    // Nothing was drawn, and the cache has the output's cards again (the
    // same files, on unix): the next build into a new folder, or `serve`,
    // draws none either.
    let cache = cached_cards(root);
    for (name, bytes) in &first {
        assert_eq!(&fs::read(cache.join(name)).unwrap(), bytes, "{name:?}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let (card, cached) = (
                fs::metadata(cards.join(name)).unwrap(),
                fs::metadata(cache.join(name)).unwrap(),
            );
            assert_eq!((card.dev(), card.ino()), (cached.dev(), cached.ino()));
        }
    }
    let elsewhere = dir.path().join("elsewhere");
    options.output = Some(elsewhere.clone());
    chiso::build(&options).unwrap();
    for (name, bytes) in &first {
        let card = elsewhere.join("anh-chia-se").join(name);
        assert_eq!(&fs::read(&card).unwrap(), bytes);
        // Linked from the cache, not drawn (a drawn card is written anew).
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let (card, cached) = (
                fs::metadata(&card).unwrap(),
                fs::metadata(cache.join(name)).unwrap(),
            );
            assert_eq!((card.dev(), card.ino()), (cached.dev(), cached.ino()));
        }
    }
}

#[cfg(unix)]
#[test]
fn a_build_into_a_new_output_links_the_cached_cards() {
    use std::os::unix::fs::MetadataExt;
    let dir = fixture("minimal");
    let root = dir.path();
    build_ok(root);
    let second = build_ok(root);
    for entry in fs::read_dir(second.out.join("anh-chia-se")).unwrap() {
        let entry = entry.unwrap();
        let cached = cached_cards(root).join(entry.file_name());
        let (card, cached) = (entry.metadata().unwrap(), fs::metadata(cached).unwrap());
        assert_eq!((card.dev(), card.ino()), (cached.dev(), cached.ino()));
    }
}

#[cfg(unix)]
#[test]
fn a_build_for_another_address_keeps_the_cards_of_the_first() {
    use std::os::unix::fs::MetadataExt;
    let dir = fixture("minimal");
    let root = dir.path();
    let build_for = |base_url: Option<&str>| {
        let mut options = BuildOptions::new(root);
        options.output = Some(root.join("public"));
        options.base_url = base_url.map(str::to_owned);
        chiso::build(&options).unwrap();
    };
    build_for(None);
    let cache = cached_cards(root);
    let inodes = |folder: &Path| -> BTreeSet<(String, u64)> {
        fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.path().extension().is_some_and(|x| x == "png"))
            .map(|e| {
                (
                    e.file_name().into_string().unwrap(),
                    e.metadata().unwrap().ino(),
                )
            })
            .collect()
    };
    let first = inodes(&cache);
    assert!(first.len() >= 2);
    // A preview for another address draws its own cards beside them...
    build_for(Some("https://xem-truoc.example/cchc/"));
    let folders = fs::read_dir(root.join(".chiso-cache/share-cards"))
        .unwrap()
        .count();
    assert_eq!(folders, 2);
    // ...and the first address's next build draws none: every card is the
    // file kept before.
    build_for(None);
    assert_eq!(inodes(&cache), first);
}

#[test]
fn cards_can_be_turned_off() {
    let dir = fixture("minimal");
    let root = dir.path();
    let config = fs::read_to_string(root.join("config.toml")).unwrap();
    put(
        root,
        "config.toml",
        &format!("{config}\n[share_cards]\nenabled = false\n"),
    );
    let built = build_ok(root);
    for (path, page) in built.all_pages() {
        assert!(
            page.select(&sel("meta[property^=\"og:image\"]"))
                .next()
                .is_none(),
            "{path}"
        );
    }
    assert!(!built.out.join("anh-chia-se").exists());
    assert!(!root.join(".chiso-cache").exists());
}
