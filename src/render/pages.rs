//! The pages of a site: which exist, at which path, with which template and
//! context. Every page gets the shared `site` value and a `page` value
//! (title, URL, description, whether it shows illustrative figures); the rest
//! is its own.
//!
//! Listing pages is cheap ([`Page`] is a small value); a page's context is
//! built only when it is rendered, so that rendering can run in parallel and
//! a national site never holds thirty thousand contexts at once.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::Serialize;
use tera::{Context, Value};

use super::cards::{self, Card};
use super::feeds;
use super::figure;
use super::urls::{self, Urls};
use super::views::TileMapView;
use super::views::{
    codebook, leader_cards, scorecards, unit_series, ArticleContext, ArticleListContext,
    ArticleView, DataContext, Derived, FaviconView, GroupRef, HomeContext, IndexContext, IndexRef,
    IndexView, MenuView, MergedView, PageView, Pagination, RankingContext, Request, RowViews,
    SearchContext, SiteView, TableLink, TableView, TagContext, TagCountView, TagView, TagsContext,
    UnitContext, UnitRef, UnitView, YearContext,
};
use crate::config::Config;
use crate::content::{render_markdown, Content};
use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::model::{self, GroupId, IndexId, Site, Table, TableId, Tag, UnitId};
use crate::vi;

pub const SEARCH_PATH: &str = "tim-kiem/";
pub const DATA_PATH: &str = "du-lieu/";
pub const TAGS_PATH: &str = "the/";

/// How many lines of each table a ranking overview shows.
pub const OVERVIEW_ROWS: usize = 5;

/// One page of the site, by what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    Index(IndexId),
    /// The page of a year with tables (one of [`Site::years`]).
    Year(i32),
    /// The ranking page of a group in a year: the table in full when one
    /// index ranks the group that year, else an overview of the tables,
    /// each with its own page ([`Page::Table`]).
    Ranking {
        year: i32,
        group: GroupId,
    },
    /// The own page of a table whose group other indices rank that year
    /// too ([`Site::has_own_page`]).
    Table(TableId),
    Unit(UnitId),
    /// A page of the article list, from 1.
    ArticleList(usize),
    Article(usize),
    /// A page (from 1) of a tag's articles, the tag by its slug.
    Tag(String, usize),
    Tags,
    Data,
    Search,
    NotFound,
}

/// The home text and the articles' bodies with shortcodes expanded, the
/// articles in `content.articles` order.
#[derive(Clone, PartialEq)]
pub struct Bodies {
    pub home: Option<super::shortcodes::Expanded>,
    pub articles: Vec<super::shortcodes::Expanded>,
}

/// What a page kind says of one page, for its `page` value ([`PageView`]).
struct About<'t> {
    title: &'t str,
    /// Empty for the site's description.
    description: String,
    /// Whether the page shows illustrative figures.
    illustrative: bool,
}

/// How a page's illustrative-data warning is said: whether its headline
/// figures are illustrative (a notice at the top), and what it shows that
/// was derived from illustrative scores (the wording).
struct Warning {
    headline: bool,
    derived: Derived,
}

/// What a page's template is given besides `site`: `page` (a
/// [`PageView`]) and the fields of the page kind's own context (a
/// `…Context` view), as template values.
pub struct Own {
    pub page: Value,
    pub view: Value,
}

/// Everything pages are made from, computed once per build and shared
/// (read-only) by every page.
pub struct Env<'a> {
    config: &'a Config,
    site: &'a Site,
    content: &'a Content,
    bodies: &'a Bodies,
    pub urls: Urls,
    /// The context every page starts from, holding `site`.
    base: Context,
    /// The articles' tags by slug.
    tags: BTreeMap<String, Tag<'a>>,
    per_page: usize,
    /// Every table's lines as views, made once and shared by the pages.
    rows: RowViews<'a>,
    /// Each article as templates see it (an [`ArticleView`]), but for its
    /// body, converted the first time a page shows it: an article is on
    /// its own page, a page of the list and each of its tags' pages.
    articles: Vec<OnceLock<Value>>,
    /// The pages' share cards; `None` when the site turned them off.
    cards: Option<cards::Maker>,
    /// The fingerprint of `site` ([`Env::context_printed`]).
    site_print: OnceLock<u128>,
    /// The tables naming each unit without a line for it.
    mentions: std::collections::HashMap<UnitId, Vec<TableId>>,
}

impl<'a> Env<'a> {
    pub fn new(input: super::Input<'a>) -> Self {
        let super::Input {
            config,
            site,
            content,
            bodies,
            assets,
        } = input;
        let base_path = config.base_path();
        let urls = Urls::for_site(config);
        let shared = SiteView {
            title: &config.title,
            description: &config.description,
            base_url: &config.base_url,
            has_host: config.has_host(),
            base_path: &base_path,
            language: &config.language,
            province: &config.province,
            footer_html: render_markdown(&config.footer, urls.markdown()),
            menu: config
                .menu
                .iter()
                .map(|m| MenuView {
                    name: &m.name,
                    url: urls.config_link(&m.url),
                })
                .collect(),
            indices: site
                .indices
                .iter()
                .map(|d| IndexRef::new(d, &urls))
                .collect(),
            years: &site.years,
            stylesheet: urls.at("chiso.css"),
            stylesheets: own_stylesheets(config, &urls),
            sort_script: urls.at("sort.js"),
            search_script: urls.at("search.js"),
            search_url: urls.at(SEARCH_PATH),
            data_url: urls.at(DATA_PATH),
            tags_url: urls.at(TAGS_PATH),
            feed_url: urls.at(feeds::ATOM_PATH),
            favicon: favicon(assets, &urls),
            build_date: config.build_date.map(|d| d.to_string()),
        };
        let mut base = Context::new();
        base.insert("site", &shared);
        Env {
            config,
            site,
            content,
            bodies,
            urls,
            base,
            tags: model::tags(&content.articles),
            per_page: config.articles_per_page.max(1),
            rows: RowViews::new(site),
            articles: content.articles.iter().map(|_| OnceLock::new()).collect(),
            cards: cards::Maker::for_site(config),
            site_print: OnceLock::new(),
            mentions: super::views::mentions(site),
        }
    }

    /// The share cards the pages made so far, to be drawn.
    pub fn into_cards(self) -> cards::Cards {
        // The articles' values are many small allocations (10 ms for
        // 10,000 articles): freed on the pool, beside the next stages,
        // rather than before them.
        let articles = self.articles;
        rayon::spawn(move || drop(articles));
        self.cards.map(cards::Maker::into_cards).unwrap_or_default()
    }

    /// Counts what the ranking and unit pages of `list` will ask of the
    /// lines, so that each line is converted for templates once and shared
    /// ([`RowViews`]).
    pub fn plan(&self, list: &[Page]) {
        let site = self.site;
        for page in list {
            match page {
                Page::Ranking { year, group: g } => {
                    // An overview shows a few lines per table, made in passing.
                    for t in site.tables_of(*year, *g) {
                        if !site.has_own_page(t) {
                            self.rows.plan(t);
                        }
                    }
                }
                Page::Table(t) => self.rows.plan(*t),
                Page::Unit(u) => {
                    for &unit in std::iter::once(u).chain(&site.merged_from[*u]) {
                        for result in site.results_of(unit) {
                            self.rows.plan(result.at.table);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The group whose pages are made one after the other on one thread
    /// with this one, for [`RowViews`] to hold few tables at a time: a
    /// ranking page's group, and for a unit's page the group of its first
    /// result. `None` for every other page.
    pub fn batch(&self, page: &Page) -> Option<GroupId> {
        match page {
            Page::Ranking { group, .. } => Some(*group),
            Page::Table(t) => Some(self.site.tables[*t].group),
            Page::Unit(u) => self.site.results_of(*u).next().map(|r| r.table.group),
            _ => None,
        }
    }

    /// Every page of the site, in a fixed order.
    pub fn pages(&self) -> Vec<Page> {
        let site = self.site;
        let mut pages = vec![Page::Home];
        pages.extend(site.indices.ids().map(Page::Index));
        pages.extend(site.years.iter().copied().map(Page::Year));
        let pairs: BTreeSet<(i32, GroupId)> =
            site.tables.iter().map(|t| (t.year, t.group)).collect();
        for (year, group) in pairs.into_iter().rev() {
            pages.push(Page::Ranking { year, group });
            pages.extend(
                site.tables_of(year, group)
                    .filter(|&t| site.has_own_page(t))
                    .map(Page::Table),
            );
        }
        pages.extend(site.units.ids().map(Page::Unit));
        pages.extend((1..=self.list_pages()).map(Page::ArticleList));
        pages.extend((0..self.content.articles.len()).map(Page::Article));
        for (slug, tag) in &self.tags {
            let count = self.pages_for(tag.articles.len());
            pages.extend((1..=count).map(|n| Page::Tag(slug.clone(), n)));
        }
        pages.extend([Page::Tags, Page::Data, Page::Search, Page::NotFound]);
        pages
    }

    fn list_pages(&self) -> usize {
        self.pages_for(self.content.articles.len())
    }

    /// The pages a list of `count` articles takes: at least one.
    fn pages_for(&self, count: usize) -> usize {
        count.div_ceil(self.per_page).max(1)
    }

    /// The folder of a page, site-relative (`xep-hang/2023/so-ban-nganh/`,
    /// empty for the home page and the not-found page).
    pub fn path(&self, page: &Page) -> String {
        let site = self.site;
        match page {
            Page::Home | Page::NotFound => String::new(),
            Page::Index(i) => urls::index_path(&site.indices[*i].id),
            Page::Year(year) => urls::year_path(*year),
            Page::Ranking { year, group } => urls::ranking_path(*year, &site.groups[*group].id),
            Page::Table(t) => urls::table_path(site, *t),
            Page::Unit(u) => urls::unit_path(&site.units[*u].id),
            Page::ArticleList(n) => urls::article_list_path(*n),
            Page::Article(a) => urls::article_path(&self.content.articles[*a].slug),
            Page::Tag(slug, n) => urls::tag_page_path(slug, *n),
            Page::Tags => TAGS_PATH.to_owned(),
            Page::Data => DATA_PATH.to_owned(),
            Page::Search => SEARCH_PATH.to_owned(),
        }
    }

    /// The file written in the page's folder.
    pub fn file(&self, page: &Page) -> &'static str {
        match page {
            Page::NotFound => "404.html",
            _ => "index.html",
        }
    }

    pub fn template(&self, page: &Page) -> &'static str {
        match page {
            Page::Home => "home.html",
            Page::Index(_) => "index-page.html",
            Page::Year(_) => "year.html",
            Page::Ranking { year, group } => {
                if self.is_overview(*year, *group) {
                    "ranking-overview.html"
                } else {
                    "ranking.html"
                }
            }
            Page::Table(_) => "ranking.html",
            Page::Unit(_) => "unit.html",
            Page::ArticleList(_) => "article-list.html",
            Page::Article(_) => "article.html",
            Page::Tag(..) => "tag.html",
            Page::Tags => "tags.html",
            Page::Data => "data.html",
            Page::Search => "search.html",
            Page::NotFound => "404.html",
        }
    }

    /// The file a page comes from, when an editor wrote it (an article).
    pub fn source_file(&self, page: &Page) -> Option<&std::path::Path> {
        match page {
            Page::Article(a) => Some(self.content.articles[*a].file.as_path()),
            _ => None,
        }
    }

    /// Where the page's source sets its slug, and that line.
    pub fn slug_at(&self, page: &Page) -> Option<&(crate::diagnostic::Location, String)> {
        match page {
            Page::Article(a) => self.content.articles[*a].slug_at.as_ref(),
            _ => None,
        }
    }

    /// `d` in the page's source file, at its slug when it sets one.
    pub fn point_at(&self, page: &Page, mut d: Diagnostic) -> Diagnostic {
        if let Some(file) = self.source_file(page) {
            d = d.in_file(file);
        }
        if let Some((location, line)) = self.slug_at(page) {
            d.location = Some(*location);
            d.snippet = Some(line.clone());
        }
        d
    }

    /// What the page is, for messages.
    pub fn describe(&self, page: &Page) -> String {
        let site = self.site;
        match page {
            Page::Home => msg::page_home(),
            Page::Index(i) => msg::page_index(&site.indices[*i].id),
            Page::Year(year) => msg::page_year(*year),
            Page::Ranking { year, group } => msg::page_ranking(*year, &site.groups[*group].id),
            Page::Table(t) => {
                let table = &site.tables[*t];
                msg::page_table(
                    table.year,
                    &site.groups[table.group].id,
                    &site.indices[table.index].id,
                )
            }
            Page::Unit(u) => msg::page_unit(&site.units[*u].id),
            Page::ArticleList(n) => msg::page_article_list(*n),
            Page::Article(a) => msg::page_article(self.content.articles[*a].file.display()),
            Page::Tag(slug, n) => {
                let name = self.tags.get(slug).map_or("", |t| t.name);
                match n {
                    1 => msg::page_tag(name),
                    _ => msg::page_tag_page(name, *n),
                }
            }
            Page::Tags => msg::page_tags(),
            Page::Data => msg::page_data(),
            Page::Search => msg::page_search(),
            Page::NotFound => msg::page_not_found(),
        }
    }

    /// The context a page is rendered with: `site`, shared by every page,
    /// beside the page's [`Own`] values.
    pub fn context(&self, page: &Page) -> Context {
        let own = self.own(page);
        let mut context = self.base.clone();
        context.insert_value("page", own.page);
        // A view is a struct, which always makes a map.
        for (key, value) in own.view.into_map().into_iter().flatten() {
            context.insert_value(key.to_string(), value);
        }
        context
    }

    /// [`Env::context`], and the fingerprint of what it holds
    /// ([`super::reuse::print`]) with the page's template.
    pub fn context_printed(&self, page: &Page) -> (Context, u128) {
        let own = self.own(page);
        let mut context = self.base.clone();
        let site = self.site_print();
        let mut hasher = siphasher::sip128::SipHasher13::new();
        std::hash::Hasher::write_u128(&mut hasher, site);
        std::hash::Hasher::write_u128(&mut hasher, super::reuse::print(&own.page));
        std::hash::Hasher::write_u128(&mut hasher, super::reuse::print(&own.view));
        std::hash::Hasher::write(&mut hasher, self.template(page).as_bytes());
        let print = siphasher::sip128::Hasher128::finish128(&hasher).as_u128();
        context.insert_value("page", own.page);
        for (key, value) in own.view.into_map().into_iter().flatten() {
            context.insert_value(key.to_string(), value);
        }
        (context, print)
    }

    /// The fingerprint of the `site` value, made once.
    pub fn site_print(&self) -> u128 {
        *self
            .site_print
            .get_or_init(|| self.site_value().map_or(0, super::reuse::print))
    }

    /// The value every page's template sees as `site`.
    pub fn site_value(&self) -> Option<&Value> {
        self.base.get("site")
    }

    /// What a page's template is given besides `site`.
    pub fn own(&self, page: &Page) -> Own {
        match page {
            Page::Home => self.home(),
            Page::Index(i) => self.index(*i),
            Page::Year(year) => self.year(*year),
            Page::Ranking { year, group } => self.ranking(*year, *group),
            Page::Table(t) => self.table_page(*t),
            Page::Unit(u) => self.unit(*u),
            Page::ArticleList(n) => self.article_list(*n),
            Page::Article(a) => self.article(*a),
            Page::Tag(slug, n) => self.tag(slug, *n),
            Page::Tags => self.tag_list(),
            Page::Data => self.data(),
            Page::Search => self.search(),
            Page::NotFound => self.not_found(),
        }
    }

    /// `page` made from what the page kind says of itself, beside the page
    /// kind's own context `view`.
    fn start(&self, page: &Page, about: About, view: &impl Serialize) -> Own {
        let warning = Warning {
            headline: about.illustrative,
            derived: Derived::generic(),
        };
        self.start_with(page, about, warning, view, &Card::Site)
    }

    /// [`Env::start`] with the illustrative-data warning said as `warning`
    /// says (when the page is illustrative at all), and the page's own
    /// share card.
    fn start_with(
        &self,
        page: &Page,
        about: About,
        warning: Warning,
        view: &impl Serialize,
        card: &Card,
    ) -> Own {
        let path = self.path(page);
        let (url, absolute) = match page {
            Page::NotFound => (
                self.urls.at("404.html"),
                feeds::absolute(self.config, "404.html"),
            ),
            _ => (self.urls.at(&path), feeds::absolute(self.config, &path)),
        };
        let About {
            title,
            description,
            illustrative,
        } = about;
        let page_view = PageView {
            title,
            url,
            absolute_url: absolute,
            description: if description.is_empty() {
                self.config.description.clone()
            } else {
                description
            },
            kind: if matches!(page, Page::Article(_)) {
                "article"
            } else {
                "website"
            },
            illustrative,
            illustrative_headline: illustrative && warning.headline,
            illustrative_note: if illustrative {
                warning.derived.note()
            } else {
                String::new()
            },
            share_image: self.cards.as_ref().map(|c| c.view(card)),
        };
        Own {
            page: Value::from_serializable(&page_view),
            view: Value::from_serializable(view),
        }
    }

    fn article_view(&self, i: usize) -> Value {
        // Made once and shared by every page showing the article: the body
        // in it is the one `bodies` holds, not a copy.
        let body = &self.bodies.articles[i].html;
        self.articles[i]
            .get_or_init(|| {
                Value::from_serializable(&ArticleView::new(
                    &self.content.articles[i],
                    body,
                    &self.urls,
                ))
            })
            .clone()
    }

    /// Summaries of the tables `keep` selects, for pages listing tables.
    fn tables_where(&self, keep: impl Fn(&Table) -> bool) -> Vec<TableView<'_>> {
        self.site
            .tables
            .iter_enumerated()
            .filter(|(_, t)| keep(t))
            .map(|(i, _)| TableView::summary(self.site, i, &self.rows, &self.urls))
            .collect()
    }

    fn home(&self) -> Own {
        let (site, content, urls) = (self.site, self.content, &self.urls);
        let mut headlines = site
            .home_unit
            .map(|u| unit_series(site, u, &self.rows, urls, Request::Passing))
            .unwrap_or_default();
        // A table with no results yet (the one `init` writes) is not news:
        // the home page leads with the latest year that has results.
        let has_results = |t: &Table| t.complete && !t.rows.is_empty();
        let latest_complete_year = site
            .tables
            .iter()
            .filter(|t| has_results(t))
            .map(|t| t.year)
            .max();
        let blocks = self.tables_where(|t| has_results(t) && Some(t.year) == latest_complete_year);
        let title = content
            .home
            .as_ref()
            .map_or(self.config.title.as_str(), |h| &h.front.title);
        let cards = match site.home_unit {
            Some(u) => scorecards(site, u, &headlines, urls),
            None => leader_cards(site, &self.rows, urls),
        };
        let intro_illustrative = self.bodies.home.as_ref().is_some_and(|h| h.illustrative);
        let headline = cards.iter().any(|c| c.illustrative);
        let illustrative = blocks.iter().any(|b| b.illustrative)
            || headline
            || headlines
                .iter()
                .flat_map(|s| &s.entries)
                .any(|e| e.row.illustrative)
            || intro_illustrative;
        let mut derived = Derived::default().summaries(&blocks).series(&headlines);
        if intro_illustrative {
            derived = Derived::generic();
        }
        derived.ranks |= headline;
        let warning = Warning { headline, derived };
        let tile_map = TileMapView::first_of(
            site,
            site.tables
                .iter_enumerated()
                .filter(|(_, t)| has_results(t) && Some(t.year) == latest_complete_year)
                .map(|(i, _)| i),
            urls,
        );
        // The home page's history table joins every index's lines under
        // one head.
        let (headlines_changes_computed, _) = super::views::mark_change_origins(
            headlines.iter_mut().flat_map(|s| s.entries.iter_mut()),
        );
        let view = HomeContext {
            intro_html: self.bodies.home.as_ref().map_or("", |h| &h.html),
            scorecards: cards,
            headlines_regional: headlines.iter().any(|s| s.has_regional),
            headlines_changes_computed,
            headlines,
            blocks,
            articles: (0..content.articles.len().min(5))
                .map(|i| self.article_view(i))
                .collect(),
            tile_map,
        };
        self.start_with(
            &Page::Home,
            About {
                title,
                description: String::new(),
                illustrative,
            },
            warning,
            &view,
            &Card::Site,
        )
    }

    fn index(&self, i: IndexId) -> Own {
        let def = &self.site.indices[i];
        let tables = self.tables_where(|t| t.index == i);
        let series: Vec<_> = self
            .site
            .home_unit
            .map(|u| unit_series(self.site, u, &self.rows, &self.urls, Request::Passing))
            .unwrap_or_default()
            .into_iter()
            .filter(|s| s.index_id == i)
            .collect();
        let illustrative = tables.iter().any(|t| t.illustrative);
        // The headline is the home unit's latest result where there is
        // one, else the tables, when every one of them is illustrative.
        let headline = match series.first().and_then(|s| s.entries.first()) {
            Some(latest) => latest.row.illustrative,
            None => tables.iter().all(|t| t.illustrative),
        };
        let warning = Warning {
            headline,
            derived: Derived::default().summaries(&tables).series(&series),
        };
        let whose = if self.config.province.is_empty() {
            String::new()
        } else {
            format!(" của {}", self.config.province)
        };
        let description = format!(
            "{}: kết quả{whose} và các bảng xếp hạng qua các năm.",
            def.name
        );
        let latest = self
            .site
            .tables
            .iter_enumerated()
            .filter(|(_, t)| t.index == i && t.complete && !t.rows.is_empty())
            .max_by_key(|(_, t)| t.year)
            .map(|(t, _)| t);
        let latest_view = latest.map(|t| TableView::summary(self.site, t, &self.rows, &self.urls));
        let latest_lines = latest.map(|t| {
            let every: Vec<usize> = (0..self.site.tables[t].rows.len()).collect();
            self.rows.lines(t, &self.urls, Request::Passing, &every)
        });
        let card = cards::from_views::index(
            &IndexRef::new(def, &self.urls),
            &series,
            self.site
                .home_unit
                .map(|u| self.site.units[u].name.as_str()),
            latest_view
                .as_ref()
                .zip(latest_lines.as_ref())
                .map(|(v, l)| (v, &*l.views)),
        );
        let view = IndexContext {
            index: IndexView::new(def, &self.urls),
            tables,
            series,
            tile_map: TileMapView::for_index(self.site, i, &self.urls),
        };
        self.start_with(
            &Page::Index(i),
            About {
                title: &def.name,
                description,
                illustrative,
            },
            warning,
            &view,
            &card,
        )
    }

    fn year(&self, year: i32) -> Own {
        // Years are latest first: the newer one is before this one.
        let years = &self.site.years;
        let at = years.iter().position(|&y| y == year);
        let tables = self.tables_where(|t| t.year == year);
        let illustrative = tables.iter().any(|t| t.illustrative);
        // A year's page lists its tables: the warning goes under each
        // illustrative one, or at the top when all of them are.
        let warning = Warning {
            headline: tables.iter().all(|t| t.illustrative),
            derived: Derived::default().summaries(&tables),
        };
        let title = figure::title::year(year);
        let description = format!(
            "Kết quả đánh giá các chỉ số cải cách hành chính năm {year}: điểm số, thứ hạng, bình quân các khối."
        );
        let view = YearContext {
            year,
            tables,
            newer_year: at
                .and_then(|n| n.checked_sub(1))
                .and_then(|n| years.get(n).copied()),
            older_year: at.and_then(|n| years.get(n + 1).copied()),
        };
        self.start_with(
            &Page::Year(year),
            About {
                title: &title,
                description,
                illustrative,
            },
            warning,
            &view,
            &Card::Site,
        )
    }

    /// Whether the ranking page of group `g` in `year` is an overview of
    /// several tables, each with its own page.
    fn is_overview(&self, year: i32, g: GroupId) -> bool {
        self.site
            .tables_of(year, g)
            .any(|t| self.site.has_own_page(t))
    }

    /// A table in full, with its chart, for the page showing it.
    fn whole_table(&self, t: TableId) -> TableView<'_> {
        let site = self.site;
        TableView::new(site, t, &self.rows, &self.urls)
            .with_chart(&site.indices[site.tables[t].index])
    }

    fn ranking(&self, year: i32, g: GroupId) -> Own {
        let group = &self.site.groups[g];
        let site = self.site;
        let overview = self.is_overview(year, g);
        let tables: Vec<TableView> = site
            .tables_of(year, g)
            .map(|t| {
                if overview {
                    TableView::top(site, t, &self.rows, &self.urls, OVERVIEW_ROWS)
                } else {
                    self.whole_table(t)
                }
            })
            .collect();
        let illustrative = tables.iter().any(|t| t.illustrative);
        // An overview shows each table's summary and first lines, without
        // regions: its warning names only what it shows.
        let derived = if overview {
            Derived::default().summaries(&tables)
        } else {
            Derived::default().tables(&tables)
        };
        let warning = Warning {
            headline: illustrative,
            derived,
        };
        let title = figure::title::ranking(&group.name, year);
        let description = format!(
            "Bảng xếp hạng {} năm {year} của khối {}: thứ hạng, điểm số, xếp loại, so với năm trước; tải dữ liệu CSV, JSON.",
            tables.iter().map(|t| t.index.short_name).collect::<Vec<_>>().join(", "),
            group.name
        );
        let card = cards::from_views::ranking(&tables);
        let view = RankingContext {
            year,
            group: GroupRef::new(group),
            tables,
            overview_url: None,
            others: Vec::new(),
        };
        self.start_with(
            &Page::Ranking { year, group: g },
            About {
                title: &title,
                description,
                illustrative,
            },
            warning,
            &view,
            &card,
        )
    }

    /// A table's own page: the table in full, under its group's overview.
    fn table_page(&self, t: TableId) -> Own {
        let site = self.site;
        let table = &site.tables[t];
        let group = &site.groups[table.group];
        let def = &site.indices[table.index];
        let year = table.year;
        let view = RankingContext {
            year,
            group: GroupRef::new(group),
            tables: vec![self.whole_table(t)],
            overview_url: Some(self.urls.ranking(year, &group.id)),
            others: site
                .tables_of(year, table.group)
                .filter(|&o| o != t)
                .map(|o| TableLink {
                    index: IndexRef::new(&site.indices[site.tables[o].index], &self.urls),
                    url: self.urls.table(site, o),
                })
                .collect(),
        };
        let illustrative = view.tables.iter().any(|t| t.illustrative);
        let warning = Warning {
            headline: illustrative,
            derived: Derived::default().tables(&view.tables),
        };
        let card = cards::from_views::ranking(&view.tables);
        let title = format!("{} {year}: {}", def.short_name, group.name);
        let description = format!(
            "Bảng xếp hạng {} năm {year} của khối {}: thứ hạng, điểm số, xếp loại, so với năm trước; tải dữ liệu CSV, JSON.",
            def.short_name, group.name
        );
        self.start_with(
            &Page::Table(t),
            About {
                title: &title,
                description,
                illustrative,
            },
            warning,
            &view,
            &card,
        )
    }

    fn unit(&self, u: UnitId) -> Own {
        let (site, urls) = (self.site, &self.urls);
        let unit = &site.units[u];
        let mut history = unit_series(site, u, &self.rows, urls, Request::Planned);
        super::views::mark_year_anchors(&mut history);
        // Units merged into this one: their history belongs on this page.
        let merged_from: Vec<MergedView> = site.merged_from[u]
            .iter()
            .map(|&o| MergedView {
                unit: UnitRef::new(site, o, urls),
                history: unit_series(site, o, &self.rows, urls, Request::Planned),
            })
            .collect();
        let illustrative = history
            .iter()
            .chain(merged_from.iter().flat_map(|m| &m.history))
            .flat_map(|s| &s.entries)
            .any(|e| e.row.shows_illustrative());
        let cards = scorecards(site, u, &history, urls);
        let illustrative_series: Vec<&str> = history
            .iter()
            .filter(|s| s.entries.iter().any(|e| e.row.shows_illustrative()))
            .map(|s| s.index.id)
            .collect();
        let merged_illustrative = merged_from
            .iter()
            .flat_map(|m| &m.history)
            .flat_map(|s| &s.entries)
            .any(|e| e.row.shows_illustrative());
        let mut derived = Derived::default().series(&history);
        for m in &merged_from {
            derived = derived.series(&m.history);
        }
        let warning = Warning {
            headline: cards.iter().any(|c| c.illustrative),
            derived,
        };
        // Told apart from a unit of the same name, in the browser's tab,
        // a shared link and the search's results.
        let title = site.unit_title(u);
        let description = format!(
            "Kết quả đánh giá cải cách hành chính của {title} qua các năm: điểm số, thứ hạng, xếp loại."
        );
        let card = cards::from_views::unit(&title, &history);
        let view = UnitContext {
            unit: UnitView::new(site, u),
            unit_group: unit.group.map(|g| GroupRef::new(&site.groups[g])),
            description_html: render_markdown(&unit.description, urls.markdown()),
            history,
            scorecards: cards,
            illustrative_series,
            merged_illustrative,
            merged_into: unit.merged_into.map(|s| UnitRef::new(site, s, urls)),
            merged_from,
            mentions: self
                .mentions
                .get(&u)
                .map(|tables| super::views::mention_views(site, u, tables, urls))
                .unwrap_or_default(),
        };
        self.start_with(
            &Page::Unit(u),
            About {
                title: &title,
                description,
                illustrative,
            },
            warning,
            &view,
            &card,
        )
    }

    fn article_list(&self, n: usize) -> Own {
        let count = self.content.articles.len();
        let title = if n == 1 {
            "Tin tức".to_owned()
        } else {
            format!("Tin tức – trang {n}")
        };
        let total = self.list_pages();
        let view = ArticleListContext {
            articles: ((n - 1) * self.per_page..(n * self.per_page).min(count))
                .map(|i| self.article_view(i))
                .collect(),
            pagination: Pagination {
                current: n,
                total,
                previous_url: (n > 1).then(|| self.urls.article_list(n - 1)),
                next_url: (n < total).then(|| self.urls.article_list(n + 1)),
            },
        };
        self.start(
            &Page::ArticleList(n),
            About {
                title: &title,
                description: String::new(),
                illustrative: false,
            },
            &view,
        )
    }

    fn article(&self, a: usize) -> Own {
        let article = &self.content.articles[a];
        let illustrative = self.bodies.articles[a].illustrative;
        let view = ArticleContext {
            article: self.article_view(a),
        };
        let about = About {
            title: &article.front.title,
            description: article.front.summary.clone(),
            illustrative,
        };
        self.start(&Page::Article(a), about, &view)
    }

    fn tag(&self, slug: &str, n: usize) -> Own {
        let (name, list) = self
            .tags
            .get(slug)
            .map_or(("", &[][..]), |t| (t.name, t.articles.as_slice()));
        let total = self.pages_for(list.len());
        let page_url = |n| self.urls.at(&urls::tag_page_path(slug, n));
        let view = TagContext {
            tag: name,
            articles: list
                .iter()
                .skip((n - 1) * self.per_page)
                .take(self.per_page)
                .map(|&i| self.article_view(i))
                .collect(),
            count: list.len(),
            pagination: Pagination {
                current: n,
                total,
                previous_url: (n > 1).then(|| page_url(n - 1)),
                next_url: (n < total).then(|| page_url(n + 1)),
            },
        };
        let mut title = figure::title::tag(name);
        if n > 1 {
            title.push_str(&format!(" – trang {n}"));
        }
        let description = format!("Các bài viết về {name}.");
        self.start(
            &Page::Tag(slug.to_owned(), n),
            About {
                title: &title,
                description,
                illustrative: false,
            },
            &view,
        )
    }

    fn tag_list(&self) -> Own {
        let mut list: Vec<TagCountView> = self
            .tags
            .iter()
            .map(|(slug, tag)| {
                let view = TagView::new(tag.name, slug, &self.urls);
                TagCountView {
                    name: view.name,
                    url: view.url,
                    count: tag.articles.len(),
                }
            })
            .collect();
        list.sort_by(|a, b| vi::compare(a.name, b.name).then_with(|| a.url.cmp(&b.url)));
        let about = About {
            title: "Chủ đề",
            description: "Các chủ đề của bài viết.".to_owned(),
            illustrative: false,
        };
        self.start(&Page::Tags, about, &TagsContext { tags: list })
    }

    fn data(&self) -> Own {
        let license = super::open_data::License::of(self.config);
        let tables = self.site.tables.as_slice();
        let all_tables = (!tables.is_empty()).then(|| super::views::AllTablesView {
            csv_url: self.urls.at(&urls::all_tables_path(".csv")),
            excel_csv_url: self
                .urls
                .at(&urls::all_tables_path(super::open_data::EXCEL_EXT)),
            json_url: self.urls.at(&urls::all_tables_path(".json")),
            table_count: tables.len(),
            row_count: tables.iter().map(|t| t.rows.len()).sum(),
        });
        let view = DataContext {
            tables: self.tables_where(|_| true),
            columns: codebook::columns(),
            schemes: codebook::schemes(self.site),
            components: codebook::components(self.site, &self.urls),
            datapackage_url: self.urls.at(super::open_data::PACKAGE_PATH),
            license: codebook::LicenseView::new(&license),
            all_tables,
        };
        let description =
            "Tải mọi bảng kết quả dạng CSV (mở được bằng Excel) và JSON, kèm bảng mô tả từng cột."
                .into();
        self.start(
            &Page::Data,
            About {
                title: "Dữ liệu mở",
                description,
                illustrative: false,
            },
            &view,
        )
    }

    fn search(&self) -> Own {
        let description =
            "Tìm đơn vị, chỉ số, bảng xếp hạng và bài viết, gõ có dấu hay không dấu đều được."
                .into();
        let view = SearchContext {
            search_index: self.urls.at(super::search::INDEX_PATH),
        };
        self.start(
            &Page::Search,
            About {
                title: "Tìm kiếm",
                description,
                illustrative: false,
            },
            &view,
        )
    }

    fn not_found(&self) -> Own {
        /// The not-found page has nothing of its own.
        #[derive(Serialize)]
        struct Nothing {}
        let about = About {
            title: "Không tìm thấy trang",
            description: String::new(),
            illustrative: false,
        };
        self.start(&Page::NotFound, about, &Nothing {})
    }
}

/// The site's icon, if `static/` has one at its root (`favicon.svg`,
/// `favicon.png` or `favicon.ico`, in that order of preference).
fn favicon(assets: &[crate::input::SiteFile], urls: &Urls) -> Option<FaviconView> {
    const ICONS: [(&str, &str); 3] = [
        ("favicon.svg", "image/svg+xml"),
        ("favicon.png", "image/png"),
        ("favicon.ico", "image/x-icon"),
    ];
    ICONS.iter().find_map(|&(name, mime)| {
        assets
            .iter()
            .any(|a| a.relative == std::path::Path::new(name))
            .then(|| FaviconView {
                url: urls.at(name),
                mime,
            })
    })
}

/// The site's stylesheets as pages link them, after chiso.css: each once,
/// and not chiso.css again (linked after the site's, it would win over
/// them); both are warned of when the configuration is checked.
fn own_stylesheets(config: &Config, urls: &Urls) -> Vec<String> {
    let chiso = urls.at("chiso.css");
    let mut linked: Vec<String> = Vec::new();
    for sheet in &config.stylesheets {
        let url = urls.config_link(sheet);
        if url != chiso && !linked.contains(&url) {
            linked.push(url);
        }
    }
    linked
}
