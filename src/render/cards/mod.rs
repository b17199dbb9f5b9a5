//! Share cards: the PNG image (1200×630) every page names in `og:image`,
//! which social networks and chat apps show with a shared link.
//!
//! A page kind says what its card shows ([`Card`], made from the page's
//! own views, so its figures are the page's): a unit's latest result, a
//! ranking page's top lines, an index's latest headline, and for every
//! other page the site's card. The card is drawn as SVG ([`draw`]) and
//! named by a hash of that SVG (`anh-chia-se/<hash>.png`), so pages with
//! the same card share one file, a changed card gets a new name (networks
//! cache an image by its URL), and the same site gives the same names.
//!
//! Pages only register the SVG ([`Maker::view`]); the PNGs are drawn after
//! the pages, in parallel, by [`Cards::render`] (`raster`, with the one
//! embedded font), and kept between builds in a cache folder by the same
//! hash (`cache`), since drawing thousands of cards is the costly part. A
//! card the output already has under its name is kept as it is, unread; a
//! card from the cache is hard-linked into the output where it can be.
//! `serve` and `check` register but draw nothing.

mod cache;
pub mod draw;
pub mod from_views;
mod raster;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages as msg;

pub use cache::CACHE_DIR;

/// The card's size in pixels: what Open Graph and X (Twitter) recommend
/// for a large image.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The folder of the output the cards are written to.
pub const FOLDER: &str = "anh-chia-se/";

/// Be Vietnam Pro (SIL Open Font License 1.1, `assets/fonts/OFL.txt`):
/// every Vietnamese letter, and the only font cards are drawn with, so a
/// card is the same wherever it is built.
pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/BeVietnamPro-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/BeVietnamPro-Bold.ttf");

/// What changes a card's pixels besides its SVG: hashed with it, so that a
/// new renderer or font gives new names (and misses the old cache).
const RENDERER: &str = concat!(
    "chiso ",
    env!("CARGO_PKG_VERSION"),
    " resvg 0.49 BeVietnamPro"
);

/// What a page's card shows.
#[derive(Debug, Clone)]
pub enum Card {
    /// The site's card: its title and description.
    Site,
    /// A result as the news: a unit's latest, or an index's headline.
    Headline(Headline),
    /// The top of a ranking table.
    Table(TableCard),
}

/// A result, its figures printed as the page prints them.
#[derive(Debug, Clone)]
pub struct Headline {
    /// The unit's name (or the index's).
    pub title: String,
    /// What the figures are: the index (or the unit) and the year.
    pub subtitle: Subtitle,
    /// `8/63`, `thứ 8`.
    pub rank: Option<String>,
    /// `88,35%`.
    pub score: Option<String>,
    /// The change in words and its direction.
    pub change: Option<(String, std::cmp::Ordering)>,
    /// The band, shown when the line has no rank and no score (a
    /// decision rating units only in bands).
    pub band: Option<String>,
    pub illustrative: bool,
    /// A figure shown is a published one kept against the table's (‡).
    pub disputed: bool,
    /// The line is not ranked (`score` then says so, not a score).
    pub not_ranked: bool,
    /// Another unit has the same rank: the card says "Đồng hạng".
    pub tied: bool,
    /// The rank is chiso's, computed from the table, the line stating
    /// none: the card says "(tính từ bảng)" beside it, as the page does.
    pub rank_computed: bool,
}

/// The first lines of a table.
#[derive(Debug, Clone)]
pub struct TableCard {
    pub title: String,
    /// Shown when `title` does not fit.
    pub short_title: String,
    /// The group and the year.
    pub subtitle: Subtitle,
    pub rows: Vec<TableLine>,
    /// Lines of the table not shown.
    pub more: usize,
    pub illustrative: bool,
    /// A figure shown is a published one kept against the table's (‡).
    pub disputed: bool,
    /// Every rank is chiso's, the source printing none: the card says so
    /// under its lines, as the page's rank column does.
    pub ranks_computed: bool,
}

/// What a card's figures are, and their year: `Chỉ số CCHC năm 2023`. A
/// card too narrow for it shows the short form, else cuts `what` and keeps
/// the year: a shared card without its year would mislead.
#[derive(Debug, Clone)]
pub struct Subtitle {
    pub what: String,
    /// `what` shorter (an index's short name), or empty.
    pub short: String,
    pub year: i32,
}

impl std::fmt::Display for Subtitle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} năm {}", self.what, self.year)
    }
}

/// One line of a table's card.
#[derive(Debug, Clone)]
pub struct TableLine {
    pub rank: String,
    pub name: String,
    pub score: String,
}

/// What every card of a site shows around its own text.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    pub title: String,
    pub description: String,
    pub province: String,
    /// The site's host (`cchc.hatinh.gov.vn`), when `base_url` has one.
    pub host: String,
}

impl Frame {
    fn new(config: &Config) -> Self {
        let host = config
            .base_url
            .split_once("://")
            .map(|(_, rest)| rest.trim_end_matches('/').to_owned())
            .unwrap_or_default();
        Frame {
            title: config.title.clone(),
            description: config.description.clone(),
            province: config.province.clone(),
            host,
        }
    }
}

/// `page.share_image`: the page's card, for `og:image`.
#[derive(Debug, Clone, Serialize)]
pub struct ShareImageView {
    /// Absolute when `base_url` is.
    pub url: String,
    pub width: u32,
    pub height: u32,
    /// What the card says, in words (`og:image:alt`).
    pub alt: String,
}

/// Makes each page's card view and keeps every distinct card's SVG.
pub struct Maker {
    frame: Frame,
    base_url: String,
    cards: Mutex<BTreeMap<String, Card>>,
    /// The site's card, which most pages share, drawn once.
    site: OnceLock<(String, String)>,
}

impl Maker {
    /// `None` when the site turned cards off, or has no host to name them
    /// at (`base_url = "/"`): no page could name its card, and a card no
    /// page names is not drawn nor published.
    pub fn for_site(config: &Config) -> Option<Maker> {
        (config.share_cards.enabled && config.has_host()).then(|| Maker {
            frame: Frame::new(config),
            base_url: config.base_url.clone(),
            cards: Mutex::new(BTreeMap::new()),
            site: OnceLock::new(),
        })
    }

    /// The view of `card` for a page, registering its SVG.
    pub fn view(&self, card: &Card) -> ShareImageView {
        let (path, alt) = match card {
            Card::Site => self
                .site
                .get_or_init(|| (self.register(card), alt_text(card, &self.frame)))
                .clone(),
            _ => (self.register(card), alt_text(card, &self.frame)),
        };
        ShareImageView {
            url: super::feeds::join_url(&self.base_url, &path),
            width: WIDTH,
            height: HEIGHT,
            alt,
        }
    }

    /// Draws `card`'s SVG, whose hash names its file, and keeps the card
    /// under that path; returns the path.
    fn register(&self, card: &Card) -> String {
        let svg = draw::svg(card, &self.frame);
        let path = format!("{FOLDER}{}.png", hash(&svg));
        let mut cards = self.cards.lock().unwrap_or_else(|p| p.into_inner());
        if !cards.contains_key(&path) {
            cards.insert(path.clone(), card.clone());
        }
        path
    }

    /// Every card registered, by path.
    pub fn into_cards(self) -> Cards {
        Cards {
            cards: self.cards.into_inner().unwrap_or_else(|p| p.into_inner()),
            frame: self.frame,
        }
    }
}

/// The cards of a build, by output path. The card, not its SVG, is kept
/// (a tenth of the bytes: 79 MB of SVG on the national site): most are
/// found in the output or the cache, and the few drawn are drawn again.
#[derive(Debug, Default)]
pub struct Cards {
    cards: BTreeMap<String, Card>,
    frame: Frame,
}

impl Cards {
    /// The SVG of the card at `path` (drawn again), if a page named it.
    pub fn svg(&self, path: &str) -> Option<String> {
        self.cards
            .get(path)
            .map(|card| draw::svg(card, &self.frame))
    }

    /// The output paths of the cards.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.cards.keys().map(String::as_str)
    }

    /// Gives every card to `store` (in parallel): kept as the output has
    /// it when it does (a card's name says what it shows), else taken from
    /// the cache folder of the site at `root`, else drawn as PNG. A card
    /// that cannot be drawn is an error; a cache that cannot be used, a
    /// warning.
    pub fn render(&self, root: &Path, store: &dyn Store, diagnostics: &mut Diagnostics) {
        if self.cards.is_empty() {
            return;
        }
        let cache = cache::Cache::open(root, &self.frame.host);
        let results: Vec<Result<(), Diagnostic>> = self
            .cards
            .par_iter()
            .map(|(path, card)| {
                let name = path.trim_start_matches(FOLDER);
                if store.keep(path, None) {
                    // Kept as the output has it: the cache takes it too,
                    // should it have lost it.
                    if let (Ok(cache), Some(file)) = (&cache, store.kept_file(path)) {
                        cache.adopt(name, &file);
                    }
                    return Ok(());
                }
                let cached = cache.as_ref().ok().and_then(|c| c.file(name));
                if cached.is_some() && store.keep(path, cached.as_deref()) {
                    return Ok(());
                }
                let png = match cache.as_ref().ok().and_then(|c| c.get(name)) {
                    Some(png) => png,
                    None => {
                        let svg = draw::svg(card, &self.frame);
                        let png = raster::png(&svg).map_err(|e| {
                            Diagnostic::error(msg::card_failed(path, e))
                                .with_hint(msg::hint_card_failed())
                        })?;
                        if let Ok(cache) = &cache {
                            cache.put(name, &png);
                        }
                        png
                    }
                };
                store.put(path.clone(), png);
                Ok(())
            })
            .collect();
        for result in results {
            if let Err(d) = result {
                diagnostics.push(d);
            }
        }
        match cache {
            Ok(cache) => {
                let keep = self.cards.keys().map(|p| p.trim_start_matches(FOLDER));
                cache.keep_only(keep.collect());
            }
            Err(d) => diagnostics.push(d),
        }
    }
}

/// Where a build's cards go: the output folder's writer.
pub trait Store: Sync {
    /// Takes the card at `path` without its bytes, if it can: kept as the
    /// output already has it, or linked from `cached` (the card in the
    /// cache folder). `false` when it cannot, and the bytes are `put`.
    fn keep(&self, path: &str, cached: Option<&Path>) -> bool;

    /// Takes the card at `path`.
    fn put(&self, path: String, png: Vec<u8>);

    /// The file of the card at `path` that [`Store::keep`] kept, for the
    /// cache to take; `None` when there is none to take.
    fn kept_file(&self, path: &str) -> Option<PathBuf>;
}

/// The hex SipHash-1-3 (128 bits) of the renderer and `svg`: stable across
/// builds, platforms and versions of Rust.
fn hash(svg: &str) -> String {
    use siphasher::sip128::{Hasher128, SipHasher13};
    use std::hash::Hasher;
    let mut hasher = SipHasher13::new();
    hasher.write(RENDERER.as_bytes());
    hasher.write(svg.as_bytes());
    format!("{:032x}", hasher.finish128().as_u128())
}

/// What a card says, in one sentence, for `og:image:alt`.
fn alt_text(card: &Card, frame: &Frame) -> String {
    match card {
        Card::Site => [frame.title.as_str(), frame.province.as_str()]
            .into_iter()
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" – "),
        Card::Headline(h) => {
            let mut figures = Vec::new();
            if let Some(rank) = &h.rank {
                let said = match (h.tied, h.rank_computed) {
                    (true, true) => " (đồng hạng, tính từ bảng)",
                    (true, false) => " (đồng hạng)",
                    (false, true) => " (tính từ bảng)",
                    (false, false) => "",
                };
                figures.push(format!("xếp thứ {}{said}", rank.trim_start_matches("thứ ")));
            }
            // "điểm 45,42 điểm" says the word twice.
            figures.extend(
                h.score
                    .iter()
                    .map(|s| match h.not_ranked || s.ends_with("điểm") {
                        true => s.clone(),
                        false => format!("điểm {s}"),
                    }),
            );
            figures.extend(h.change.iter().map(|(words, _)| words.clone()));
            figures.extend(h.band.iter().map(|band| format!("xếp loại {band}")));
            said_with(format!("{}, {}", h.title, h.subtitle), &figures.join(", "))
        }
        Card::Table(t) => {
            let lines: Vec<String> = t
                .rows
                .iter()
                // A line with no rank (a table of bands or scores alone)
                // is named without one.
                .map(|r| match r.rank.is_empty() {
                    true => format!("{} {}", r.name, r.score),
                    false => format!("{}. {} {}", r.rank, r.name, r.score),
                })
                .collect();
            let mut said = lines.join("; ");
            if t.ranks_computed {
                said.push_str(" (thứ hạng tính từ bảng)");
            }
            said_with(format!("{}, {}", t.title, t.subtitle), &said)
        }
    }
}

/// "`about`: `figures`", or `about` alone when there is no figure (a table
/// with no line yet).
fn said_with(about: String, figures: &str) -> String {
    if figures.is_empty() {
        about
    } else {
        format!("{about}: {figures}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        toml::from_str(
            "title = \"CCHC Hà Tĩnh\"\nbase_url = \"https://cchc.hatinh.example/\"\nprovince = \"Hà Tĩnh\"\n",
        )
        .expect("a valid config")
    }

    fn headline() -> Card {
        Card::Headline(Headline {
            title: "Hà Tĩnh".into(),
            subtitle: Subtitle {
                what: "Chỉ số CCHC".into(),
                short: String::new(),
                year: 2023,
            },
            rank: Some("15/63".into()),
            score: Some("88,35%".into()),
            change: Some(("tăng 3 bậc".into(), std::cmp::Ordering::Greater)),
            band: None,
            illustrative: false,
            disputed: false,
            not_ranked: false,
            tied: false,
            rank_computed: false,
        })
    }

    #[test]
    fn pages_with_the_same_card_share_its_file() {
        let maker = Maker::for_site(&config()).expect("on by default");
        let a = maker.view(&Card::Site);
        let b = maker.view(&Card::Site);
        let c = maker.view(&headline());
        let d = maker.view(&headline());
        assert_eq!(a.url, b.url);
        assert_eq!(c.url, d.url);
        assert_ne!(a.url, c.url);
        assert!(c
            .url
            .starts_with("https://cchc.hatinh.example/anh-chia-se/"));
        assert!(c.url.ends_with(".png"));
        assert_eq!(maker.into_cards().cards.len(), 2);
    }

    #[test]
    fn a_card_says_its_figures_in_its_svg_and_alt() {
        let frame = Frame::new(&config());
        let svg = draw::svg(&headline(), &frame);
        for text in [
            "Hà Tĩnh",
            "15",
            "/63",
            "88,35%",
            "tăng 3 bậc",
            "Chỉ số CCHC năm 2023",
        ] {
            assert!(svg.contains(text), "{text} in {svg}");
        }
        assert_eq!(
            alt_text(&headline(), &frame),
            "Hà Tĩnh, Chỉ số CCHC năm 2023: xếp thứ 15/63, điểm 88,35%, tăng 3 bậc"
        );
    }

    #[test]
    fn a_card_of_a_line_rated_only_in_a_band_shows_the_band() {
        let frame = Frame::new(&config());
        let Card::Headline(mut h) = headline() else {
            unreachable!("a headline")
        };
        (h.rank, h.score, h.change) = (None, None, None);
        h.band = Some("Hoàn thành xuất sắc nhiệm vụ".into());
        let card = Card::Headline(h);
        let svg = draw::svg(&card, &frame);
        assert!(svg.contains(">Xếp loại<"), "{svg}");
        assert!(svg.contains("Hoàn thành"), "{svg}");
        assert_eq!(
            alt_text(&card, &frame),
            "Hà Tĩnh, Chỉ số CCHC năm 2023: xếp loại Hoàn thành xuất sắc nhiệm vụ"
        );
    }

    #[test]
    fn a_table_card_names_a_line_without_a_rank_without_one() {
        let frame = Frame::new(&config());
        let line = |rank: &str, name: &str| TableLine {
            rank: rank.into(),
            name: name.into(),
            score: "—".into(),
        };
        let card = Card::Table(TableCard {
            title: "Chỉ số CCHC".into(),
            short_title: String::new(),
            subtitle: Subtitle {
                what: "UBND cấp huyện".into(),
                short: String::new(),
                year: 2024,
            },
            rows: vec![line("", "Huyện A"), line("2", "Huyện B")],
            more: 0,
            illustrative: false,
            disputed: false,
            ranks_computed: false,
        });
        let alt = alt_text(&card, &frame);
        assert!(alt.ends_with(": Huyện A —; 2. Huyện B —"), "{alt}");
    }

    #[test]
    fn cards_can_be_turned_off() {
        let mut config = config();
        config.share_cards.enabled = false;
        assert!(Maker::for_site(&config).is_none());
    }

    #[test]
    fn a_card_is_a_png_of_its_size() {
        let frame = Frame::new(&config());
        let png = raster::png(&draw::svg(&headline(), &frame)).expect("drawn");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!((width, height), (WIDTH, HEIGHT));
        // The same card, the same bytes.
        assert_eq!(
            png,
            raster::png(&draw::svg(&headline(), &frame)).expect("drawn")
        );
    }
}
