//! What every page holds (`site` and `page`) and the context of each page
//! kind: one struct per template, whose fields are the template's
//! variables besides `site` and `page`. The README's "Templates" section
//! documents them; keep the two in step.

use serde::Serialize;
use tera::Value;

use super::article::TagCountView;
use super::codebook::{ColumnView, IndexComponentsView, LicenseView, SchemeColumnsView};
use super::common::{GroupRef, IndexRef, UnitRef};
use super::index::IndexView;
use super::scorecard::ScorecardView;
use super::table::TableView;
use super::tiles::TileMapView;
use super::unit::{MergedView, SeriesView, UnitView};
use crate::render::escape::safe;

/// `site`: the site's settings and links, the same on every page.
#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    /// Whether `base_url` is a full address (`https://host/…`): without a
    /// host, addresses that must be absolute (Open Graph's) are left out.
    pub has_host: bool,
    pub base_path: &'a str,
    pub language: &'a str,
    pub province: &'a str,
    #[serde(serialize_with = "safe")]
    pub footer_html: String,
    pub menu: Vec<MenuView<'a>>,
    pub indices: Vec<super::IndexRef<'a>>,
    /// Assessment years, latest first.
    pub years: &'a [i32],
    pub stylesheet: String,
    /// The site's own stylesheets (`stylesheets` in `config.toml`), after
    /// chiso's.
    pub stylesheets: Vec<String>,
    pub sort_script: String,
    pub search_script: String,
    pub search_url: String,
    pub data_url: String,
    pub tags_url: String,
    pub feed_url: String,
    /// The site's icon, when `static/` has `favicon.svg`, `.png` or `.ico`.
    pub favicon: Option<FaviconView>,
    /// The day the site was built (`2026-12-03`; `vi_date(format="short")`
    /// prints `03/12/2026`), which printed pages give in their footer.
    pub build_date: Option<String>,
}

/// `site.favicon`: the icon's URL and media type.
#[derive(Serialize)]
pub struct FaviconView {
    pub url: String,
    pub mime: &'static str,
}

/// A link of the main menu.
#[derive(Serialize)]
pub struct MenuView<'a> {
    pub name: &'a str,
    pub url: String,
}

/// `page`: what every page says about itself.
#[derive(Serialize)]
pub struct PageView<'a> {
    pub title: &'a str,
    pub url: String,
    /// The absolute URL, for Open Graph and the canonical link.
    pub absolute_url: String,
    /// For `<meta name="description">` and `og:description`.
    pub description: String,
    /// `website` or `article`, for `og:type`.
    pub kind: &'static str,
    /// The page shows scores that were not published.
    pub illustrative: bool,
    /// The page's headline figures (its table, its scorecards) are
    /// themselves illustrative: `base.html` then puts the warning at the
    /// top of the page; elsewhere templates put it next to the figures.
    pub illustrative_headline: bool,
    /// The illustrative-data warning worded from what the page shows (after
    /// "Số liệu minh họa."), or empty when the page shows none.
    pub illustrative_note: String,
    /// The page's share card (`og:image`), unless `[share_cards]` is off.
    pub share_image: Option<crate::render::cards::ShareImageView>,
}

/// `home.html`.
#[derive(Serialize)]
pub struct HomeContext<'a> {
    /// The home text (`content/_index.md`), shortcodes expanded.
    #[serde(serialize_with = "safe")]
    pub intro_html: &'a str,
    /// The cards the page opens with: the home unit's latest result on
    /// each index, or, on a site without a home unit, each index's leaders
    /// of the latest year.
    pub scorecards: Vec<ScorecardView<'a>>,
    /// The home unit's results on each index.
    pub headlines: Vec<SeriesView<'a>>,
    /// Whether any of them has a regional rank (the "Trong vùng" column).
    pub headlines_regional: bool,
    /// Whether a headline prints a change chiso computed (the change
    /// column's head is marked).
    pub headlines_changes_computed: bool,
    /// Summaries of the complete tables of the latest year that has one.
    pub blocks: Vec<TableView<'a>>,
    /// The five latest articles ([`ArticleView`](super::ArticleView)s).
    pub articles: Vec<Value>,
    /// The tile-grid map of the first of `blocks` that has one (a layout in
    /// `data/tiles.*` for its year).
    pub tile_map: Option<TileMapView<'a>>,
}

/// `index-page.html`.
#[derive(Serialize)]
pub struct IndexContext<'a> {
    pub index: IndexView<'a>,
    /// Summaries of the index's tables.
    pub tables: Vec<TableView<'a>>,
    /// The home unit's results on this index (none or one series).
    pub series: Vec<SeriesView<'a>>,
    /// The tile-grid map of the index's latest complete table, when
    /// `data/tiles.*` has a layout for its year.
    pub tile_map: Option<TileMapView<'a>>,
}

/// `year.html`.
#[derive(Serialize)]
pub struct YearContext<'a> {
    pub year: i32,
    /// Summaries of the year's tables.
    pub tables: Vec<TableView<'a>>,
    pub newer_year: Option<i32>,
    pub older_year: Option<i32>,
}

/// `ranking.html` (a table in full: a group's ranking page when one index
/// ranks the group that year, else a table's own page) and
/// `ranking-overview.html` (a group's ranking page listing the year's
/// tables, each with its first lines and a link to its own page).
#[derive(Serialize)]
pub struct RankingContext<'a> {
    pub year: i32,
    pub group: GroupRef<'a>,
    /// `ranking.html`: the table, whole, with its chart (one; a list, as
    /// templates written for several tables read it). `ranking-overview.html`:
    /// every table of the group that year, each with its first
    /// `OVERVIEW_ROWS` lines as `rows` and its own page as `url`.
    pub tables: Vec<TableView<'a>>,
    /// On a table's own page, the group's ranking page listing the year's
    /// tables; none on a group's page.
    pub overview_url: Option<String>,
    /// On a table's own page, the other tables of the group that year.
    pub others: Vec<TableLink<'a>>,
}

/// A link to a table's page, by its index.
#[derive(Serialize)]
pub struct TableLink<'a> {
    pub index: IndexRef<'a>,
    pub url: String,
}

/// `unit.html`.
#[derive(Serialize)]
pub struct UnitContext<'a> {
    pub unit: UnitView<'a>,
    pub unit_group: Option<GroupRef<'a>>,
    #[serde(serialize_with = "safe")]
    pub description_html: String,
    /// The unit's results on each index.
    pub history: Vec<SeriesView<'a>>,
    /// The cards the page opens with: the unit's latest result on each
    /// index.
    pub scorecards: Vec<ScorecardView<'a>>,
    /// The ids of the indices whose history on the page shows
    /// illustrative figures (the warning goes under their tables).
    pub illustrative_series: Vec<&'a str>,
    /// Whether the merged units' histories show illustrative figures.
    pub merged_illustrative: bool,
    pub merged_into: Option<UnitRef<'a>>,
    pub merged_from: Vec<MergedView<'a>>,
    /// Tables that name the unit without a line for it: a listing, or an
    /// exclusion with its reason.
    pub mentions: Vec<super::MentionView<'a>>,
}

/// The position of a page in a list of pages.
#[derive(Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub previous_url: Option<String>,
    pub next_url: Option<String>,
}

/// `article-list.html`.
#[derive(Serialize)]
pub struct ArticleListContext {
    /// This page's articles ([`ArticleView`](super::ArticleView)s).
    pub articles: Vec<Value>,
    pub pagination: Pagination,
}

/// `article.html`.
#[derive(Serialize)]
pub struct ArticleContext {
    /// An [`ArticleView`](super::ArticleView).
    pub article: Value,
}

/// `tag.html`.
#[derive(Serialize)]
pub struct TagContext<'a> {
    /// The tag's name, as first written.
    pub tag: &'a str,
    /// This page's articles carrying it
    /// ([`ArticleView`](super::ArticleView)s), `articles_per_page` at most.
    pub articles: Vec<Value>,
    /// How many articles carry it, on all its pages.
    pub count: usize,
    /// Where this page is among the tag's pages.
    pub pagination: Pagination,
}

/// `tags.html`.
#[derive(Serialize)]
pub struct TagsContext<'a> {
    /// Every tag, in Vietnamese alphabetical order.
    pub tags: Vec<TagCountView<'a>>,
}

/// `data.html`: the downloads and their codebook.
#[derive(Serialize)]
pub struct DataContext<'a> {
    /// Summaries of every table, with their downloads.
    pub tables: Vec<TableView<'a>>,
    /// Every column of the CSV and JSON files.
    pub columns: Vec<ColumnView>,
    /// The site's region schemes and their CSV columns.
    pub schemes: Vec<SchemeColumnsView<'a>>,
    /// The indices with components and each component's CSV column.
    pub components: Vec<IndexComponentsView<'a>>,
    /// The URL of `datapackage.json`, the machine-readable codebook.
    pub datapackage_url: String,
    /// The licence of the data: `[data_license]` of `config.toml`, or the
    /// default statement (CC BY 4.0 for the compilation).
    pub license: LicenseView<'a>,
    /// The downloads of every table in one file (`None` on a site without
    /// tables).
    pub all_tables: Option<AllTablesView>,
}

/// The downloads of every table of the site in one file.
#[derive(Serialize)]
pub struct AllTablesView {
    pub csv_url: String,
    /// The same CSV for Excel in a Vietnamese locale.
    pub excel_csv_url: String,
    pub json_url: String,
    /// How many tables and lines the files hold.
    pub table_count: usize,
    pub row_count: usize,
}

/// `search.html`.
#[derive(Serialize)]
pub struct SearchContext {
    /// The URL of the search index (JSON).
    pub search_index: String,
}
