//! The pages of a site: which exist, at which path, with which template and
//! context. Every page gets the shared `site` value and a `page` value
//! (title, URL, whether it shows illustrative figures); the rest is its own.

use std::collections::BTreeSet;

use serde::Serialize;
use tera::Context;

use super::urls::{self, Urls};
use super::views::{unit_series, ArticleView, IndexRef, IndexView, TableView, UnitRef};
use crate::config::Config;
use crate::content::{render_markdown, Content};
use crate::model::Site;

/// A page to render.
pub struct PageSpec {
    /// Output folder, site-relative (`xep-hang/2023/so-ban-nganh/`, `` for home).
    pub path: String,
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

/// Lists every page of the site with its context.
pub fn pages(config: &Config, site: &Site, content: &Content) -> Vec<PageSpec> {
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
    };
    let mut base = Context::new();
    base.insert("site", &shared);
    let page = |path: String,
                template: &'static str,
                describe: String,
                title: &str,
                illustrative: bool| {
        let mut context = base.clone();
        context.insert(
            "page",
            &PageView {
                title,
                url: urls.at(&path),
                illustrative,
            },
        );
        PageSpec {
            path,
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
            .any(|e| e.row.illustrative);
    let mut home = page(
        String::new(),
        "home.html",
        "the home page".into(),
        home_title,
        illustrative,
    );
    home.context
        .insert("intro_html", &content.home.as_ref().map_or("", |h| &h.html));
    home.context.insert("headlines", &headlines);
    home.context.insert("blocks", &blocks);
    let latest: Vec<ArticleView> = content
        .articles
        .iter()
        .take(5)
        .map(|a| ArticleView::new(a, &urls))
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
        let illustrative = history
            .iter()
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
        if merged_from
            .iter()
            .flat_map(|m| &m.history)
            .flat_map(|s| &s.entries)
            .any(|e| e.row.illustrative)
        {
            p.context.insert(
                "page",
                &PageView {
                    title: &unit.name,
                    url: urls.at(&urls::unit_path(&unit.id)),
                    illustrative: true,
                },
            );
        }
        p.context.insert("merged_from", &merged_from);
        out.push(p);
    }

    // Articles, paginated, and each article.
    let per_page = config.articles_per_page.max(1);
    let total = content.articles.len().div_ceil(per_page).max(1);
    for n in 1..=total {
        let chunk: Vec<ArticleView> = content
            .articles
            .iter()
            .skip((n - 1) * per_page)
            .take(per_page)
            .map(|a| ArticleView::new(a, &urls))
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
    for article in &content.articles {
        let mut p = page(
            urls::article_path(&article.slug),
            "article.html",
            format!("the article {}", article.file.display()),
            &article.front.title,
            false,
        );
        p.context
            .insert("article", &ArticleView::new(article, &urls));
        out.push(p);
    }
    out
}
