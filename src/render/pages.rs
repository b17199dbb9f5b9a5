//! The pages of a site: which exist, at which path, with which template and
//! context. Every page gets the shared `site` value and a `page` value
//! (title, URL, description, whether it shows illustrative figures); the rest
//! is its own.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use tera::Context;

use super::feeds;
use super::urls::{self, Urls};
use super::views::{unit_series, ArticleView, IndexRef, IndexView, TableView, TagView, UnitRef};
use crate::config::Config;
use crate::content::{render_markdown, Content};
use crate::model::Site;
use crate::vi;

/// A page to render.
pub struct PageSpec {
    /// Output folder, site-relative (`xep-hang/2023/so-ban-nganh/`, `` for home).
    pub path: String,
    /// The file written in that folder: `index.html`, or `404.html`.
    pub file: &'static str,
    pub template: &'static str,
    /// What the page is, for messages ("the ranking page for 2023, so-ban-nganh").
    pub describe: String,
    pub context: Context,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    base_path: &'a str,
    language: &'a str,
    province: &'a str,
    footer_html: String,
    menu: Vec<MenuView<'a>>,
    indices: Vec<IndexRef<'a>>,
    years: Vec<i32>,
    stylesheet: String,
    sort_script: String,
    search_script: String,
    search_url: String,
    data_url: String,
    tags_url: String,
    feed_url: String,
}

#[derive(Serialize)]
struct MenuView<'a> {
    name: &'a str,
    url: String,
}

#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    url: String,
    /// The absolute URL, for Open Graph and the canonical link.
    absolute_url: String,
    /// For `<meta name="description">` and `og:description`.
    description: String,
    /// `website` or `article`, for `og:type`.
    kind: &'static str,
    /// The page shows scores that were not published.
    illustrative: bool,
}

/// A unit merged into the unit of the page, with its own history.
#[derive(Serialize)]
struct MergedView<'a> {
    unit: UnitRef<'a>,
    history: Vec<super::views::SeriesView<'a>>,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    previous_url: Option<String>,
    next_url: Option<String>,
}

/// The home text and the articles' bodies with shortcodes expanded, the
/// articles in `content.articles` order.
pub struct Bodies {
    pub home: Option<super::shortcodes::Expanded>,
    pub articles: Vec<super::shortcodes::Expanded>,
}

/// Lists every page of the site with its context.
pub fn pages(config: &Config, site: &Site, content: &Content, bodies: &Bodies) -> Vec<PageSpec> {
    let base_path = config.base_path();
    let urls = Urls::new(&base_path);
    let years: Vec<i32> = site
        .tables
        .iter()
        .map(|t| t.year)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .rev()
        .collect();
    let shared = SiteView {
        title: &config.title,
        description: &config.description,
        base_url: &config.base_url,
        base_path: &base_path,
        language: &config.language,
        province: &config.province,
        footer_html: render_markdown(&config.footer, urls.base()),
        menu: config
            .menu
            .iter()
            .map(|m| MenuView {
                name: &m.name,
                url: urls.at(&m.url),
            })
            .collect(),
        indices: site
            .indices
            .iter()
            .map(|d| IndexRef::new(d, &urls))
            .collect(),
        years: years.clone(),
        stylesheet: urls.at("chiso.css"),
        sort_script: urls.at("sort.js"),
        search_script: urls.at("search.js"),
        search_url: urls.at(SEARCH_PATH),
        data_url: urls.at(DATA_PATH),
        tags_url: urls.at(TAGS_PATH),
        feed_url: urls.at(feeds::ATOM_PATH),
    };
    let article_view =
        |i: usize| ArticleView::new(&content.articles[i], &bodies.articles[i].html, &urls);
    let mut base = Context::new();
    base.insert("site", &shared);
    let page = |path: String,
                template: &'static str,
                describe: String,
                title: &str,
                description: String,
                illustrative: bool| {
        let mut context = base.clone();
        context.insert(
            "page",
            &PageView {
                title,
                url: urls.at(&path),
                absolute_url: feeds::absolute(config, &path),
                description: if description.is_empty() {
                    config.description.clone()
                } else {
                    description
                },
                kind: if template == "article.html" {
                    "article"
                } else {
                    "website"
                },
                illustrative,
            },
        );
        PageSpec {
            path,
            file: "index.html",
            template,
            describe,
            context,
        }
    };
    let mut out = Vec::new();

    // Home.
    let home_unit = config
        .home_unit
        .as_deref()
        .and_then(|id| site.units.iter().position(|u| u.id == id));
    let headlines = home_unit
        .map(|u| unit_series(site, u, &urls))
        .unwrap_or_default();
    let latest_complete_year = site
        .tables
        .iter()
        .filter(|t| t.complete)
        .map(|t| t.year)
        .max();
    let blocks: Vec<TableView> = site
        .tables
        .iter()
        .filter(|t| t.complete && Some(t.year) == latest_complete_year)
        .map(|t| TableView::new(site, t, &urls))
        .collect();
    let home_title = content
        .home
        .as_ref()
        .map_or(config.title.as_str(), |h| &h.front.title);
    let illustrative = blocks.iter().any(|b| b.illustrative)
        || headlines
            .iter()
            .flat_map(|s| &s.entries)
            .any(|e| e.row.illustrative)
        || bodies.home.as_ref().is_some_and(|h| h.illustrative);
    let mut home = page(
        String::new(),
        "home.html",
        "the home page".into(),
        home_title,
        String::new(),
        illustrative,
    );
    home.context
        .insert("intro_html", &bodies.home.as_ref().map_or("", |h| &h.html));
    home.context.insert("headlines", &headlines);
    home.context.insert("blocks", &blocks);
    let latest: Vec<ArticleView> = (0..content.articles.len().min(5))
        .map(article_view)
        .collect();
    home.context.insert("articles", &latest);
    out.push(home);

    // One page per index.
    for (i, def) in site.indices.iter().enumerate() {
        let tables: Vec<TableView> = site
            .tables
            .iter()
            .filter(|t| t.index == i)
            .map(|t| TableView::new(site, t, &urls))
            .collect();
        let series: Vec<_> = home_unit
            .map(|u| unit_series(site, u, &urls))
            .unwrap_or_default()
            .into_iter()
            .filter(|s| s.index.id == def.id)
            .collect();
        let illustrative = tables.iter().any(|t| t.illustrative);
        let mut p = page(
            urls::index_path(&def.id),
            "index-page.html",
            format!("the page of index `{}`", def.id),
            &def.name,
            format!(
                "{}: kết quả{} và các bảng xếp hạng qua các năm.",
                def.name,
                if config.province.is_empty() {
                    String::new()
                } else {
                    format!(" của {}", config.province)
                }
            ),
            illustrative,
        );
        p.context.insert("index", &IndexView::new(def, &urls));
        p.context.insert("tables", &tables);
        p.context.insert("series", &series);
        out.push(p);
    }

    // One page per year.
    for (n, &year) in years.iter().enumerate() {
        let tables: Vec<TableView> = site
            .tables
            .iter()
            .filter(|t| t.year == year)
            .map(|t| TableView::new(site, t, &urls))
            .collect();
        let illustrative = tables.iter().any(|t| t.illustrative);
        let title = format!("Năm {year}");
        let mut p = page(
            urls::year_path(year),
            "year.html",
            format!("the page of year {year}"),
            &title,
            format!("Kết quả đánh giá các chỉ số cải cách hành chính năm {year}: điểm số, thứ hạng, bình quân các khối."),
            illustrative,
        );
        p.context.insert("year", &year);
        p.context.insert("tables", &tables);
        p.context
            .insert("newer_year", &n.checked_sub(1).map(|i| years[i]));
        p.context.insert("older_year", &years.get(n + 1));
        out.push(p);
    }

    // One ranking page per year and group.
    let pairs: BTreeSet<(i32, usize)> = site.tables.iter().map(|t| (t.year, t.group)).collect();
    for (year, g) in pairs.into_iter().rev() {
        let group = &site.groups[g];
        let tables: Vec<TableView> = site
            .tables
            .iter()
            .filter(|t| t.year == year && t.group == g)
            .map(|t| TableView::new(site, t, &urls))
            .collect();
        let illustrative = tables.iter().any(|t| t.illustrative);
        let title = format!("{} năm {year}", group.name);
        let mut p = page(
            urls::ranking_path(year, &group.id),
            "ranking.html",
            format!("the ranking page for {year}, {}", group.id),
            &title,
            format!(
                "Bảng xếp hạng {} năm {year} của khối {}: thứ hạng, điểm số, xếp loại, so với năm trước; tải dữ liệu CSV, JSON.",
                tables.iter().map(|t| t.index.short_name).collect::<Vec<_>>().join(", "),
                group.name
            ),
            illustrative,
        );
        p.context.insert("year", &year);
        p.context.insert(
            "group",
            &super::views::GroupRef {
                id: &group.id,
                name: &group.name,
            },
        );
        p.context.insert("tables", &tables);
        out.push(p);
    }

    // One page per unit.
    for (u, unit) in site.units.iter().enumerate() {
        let history = unit_series(site, u, &urls);
        // Units merged into this one: their history belongs on this page.
        let merged_from: Vec<MergedView> = site
            .units
            .iter()
            .enumerate()
            .filter(|(_, other)| other.merged_into.as_deref() == Some(unit.id.as_str()))
            .map(|(o, _)| MergedView {
                unit: UnitRef::new(site, o, &urls),
                history: unit_series(site, o, &urls),
            })
            .collect();
        let illustrative = history
            .iter()
            .chain(merged_from.iter().flat_map(|m| &m.history))
            .flat_map(|s| &s.entries)
            .any(|e| e.row.illustrative);
        let group = unit
            .group
            .as_ref()
            .and_then(|g| site.groups.iter().find(|x| &x.id == g))
            .map(|g| super::views::GroupRef {
                id: &g.id,
                name: &g.name,
            });
        let mut p = page(
            urls::unit_path(&unit.id),
            "unit.html",
            format!("the page of unit `{}`", unit.id),
            &unit.name,
            format!("Kết quả đánh giá cải cách hành chính của {} qua các năm: điểm số, thứ hạng, xếp loại.", unit.name),
            illustrative,
        );
        p.context.insert("unit", unit);
        p.context.insert("unit_group", &group);
        p.context.insert(
            "description_html",
            &render_markdown(&unit.description, urls.base()),
        );
        p.context.insert("history", &history);
        let successor = unit
            .merged_into
            .as_ref()
            .and_then(|id| site.units.iter().position(|x| &x.id == id))
            .map(|s| UnitRef::new(site, s, &urls));
        p.context.insert("merged_into", &successor);
        p.context.insert("merged_from", &merged_from);
        out.push(p);
    }

    // Articles, paginated, and each article.
    let per_page = config.articles_per_page.max(1);
    let total = content.articles.len().div_ceil(per_page).max(1);
    for n in 1..=total {
        let chunk: Vec<ArticleView> = ((n - 1) * per_page
            ..(n * per_page).min(content.articles.len()))
            .map(article_view)
            .collect();
        let title = if n == 1 {
            "Tin tức".to_owned()
        } else {
            format!("Tin tức – trang {n}")
        };
        let mut p = page(
            urls::article_list_path(n),
            "article-list.html",
            format!("article list page {n}"),
            &title,
            String::new(),
            false,
        );
        p.context.insert("articles", &chunk);
        p.context.insert(
            "pagination",
            &Pagination {
                current: n,
                total,
                previous_url: (n > 1).then(|| urls.article_list(n - 1)),
                next_url: (n < total).then(|| urls.article_list(n + 1)),
            },
        );
        out.push(p);
    }
    for (i, article) in content.articles.iter().enumerate() {
        let mut p = page(
            urls::article_path(&article.slug),
            "article.html",
            format!("the article {}", article.file.display()),
            &article.front.title,
            article.front.summary.clone(),
            bodies.articles[i].illustrative,
        );
        p.context.insert("article", &article_view(i));
        out.push(p);
    }

    // Tags: a page per tag and a page listing them.
    let mut tags: BTreeMap<String, (&str, Vec<usize>)> = BTreeMap::new();
    for (i, article) in content.articles.iter().enumerate() {
        for tag in &article.front.tags {
            let slug = vi::slugify(tag);
            if slug.is_empty() {
                continue;
            }
            let entry = tags.entry(slug).or_insert((tag.as_str(), Vec::new()));
            if !entry.1.contains(&i) {
                entry.1.push(i);
            }
        }
    }
    let mut tag_list: Vec<(TagView, usize)> = tags
        .iter()
        .map(|(slug, (name, list))| (TagView::new(name, slug, &urls), list.len()))
        .collect();
    tag_list.sort_by(|a, b| vi::compare(a.0.name, b.0.name).then_with(|| a.0.url.cmp(&b.0.url)));
    for (slug, (name, list)) in &tags {
        let title = format!("Chủ đề: {name}");
        let mut p = page(
            urls::tag_path(slug),
            "tag.html",
            format!("the page of tag `{name}`"),
            &title,
            format!("Các bài viết về {name}."),
            false,
        );
        p.context.insert("tag", name);
        let articles: Vec<ArticleView> = list.iter().map(|&i| article_view(i)).collect();
        p.context.insert("articles", &articles);
        out.push(p);
    }
    let mut p = page(
        TAGS_PATH.to_owned(),
        "tags.html",
        "the list of tags".into(),
        "Chủ đề",
        "Các chủ đề của bài viết.".into(),
        false,
    );
    p.context.insert(
        "tags",
        &tag_list
            .iter()
            .map(|(t, n)| serde_json::json!({ "name": t.name, "url": t.url, "count": n }))
            .collect::<Vec<_>>(),
    );
    out.push(p);

    // Open data: every table, with its downloads.
    let all_tables: Vec<TableView> = site
        .tables
        .iter()
        .map(|t| TableView::new(site, t, &urls))
        .collect();
    let mut p = page(
        DATA_PATH.to_owned(),
        "data.html",
        "the open data page".into(),
        "Dữ liệu mở",
        "Tải mọi bảng kết quả dạng CSV (mở được bằng Excel) và JSON.".into(),
        false,
    );
    p.context.insert("tables", &all_tables);
    out.push(p);

    // Search.
    let mut p = page(
        SEARCH_PATH.to_owned(),
        "search.html",
        "the search page".into(),
        "Tìm kiếm",
        "Tìm đơn vị, chỉ số, bảng xếp hạng và bài viết, gõ có dấu hay không dấu đều được.".into(),
        false,
    );
    p.context
        .insert("search_index", &urls.at(super::search::INDEX_PATH));
    out.push(p);

    // Not found: written as /404.html, the name static hosts look for.
    let mut p = page(
        String::new(),
        "404.html",
        "the not-found page".into(),
        "Không tìm thấy trang",
        String::new(),
        false,
    );
    p.file = "404.html";
    p.context.insert(
        "page",
        &PageView {
            title: "Không tìm thấy trang",
            url: urls.at("404.html"),
            absolute_url: feeds::absolute(config, "404.html"),
            description: config.description.clone(),
            kind: "website",
            illustrative: false,
        },
    );
    out.push(p);
    out
}

pub const SEARCH_PATH: &str = "tim-kiem/";
pub const DATA_PATH: &str = "du-lieu/";
pub const TAGS_PATH: &str = "the/";
