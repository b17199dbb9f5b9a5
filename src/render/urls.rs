//! Every URL the site has, in one place. URLs are root-relative and carry the
//! base path of `base_url`, so a site published under a subpath links
//! correctly; the output file of a page is its URL path plus `index.html`.
//!
//! A results table is at its group's ranking page
//! (`/xep-hang/2023/so-ban-nganh/`) when it is the only table ranking the
//! group that year; when several indices rank the group that year, each has
//! its own page below it (`/xep-hang/2023/tinh-thanh/par-index/`) and the
//! group's page lists them. Every link to a table goes through
//! [`Urls::table`], so the two cases never disagree.

use crate::config::Config;
use crate::content::Markdown;
use crate::model::{Site, TableId};

/// Builds URLs under a base path (`/` or `/cchc/`), and knows how the
/// site's Markdown is rendered (its links get the same base path).
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
    markdown: Markdown,
}

impl Urls {
    /// URLs under `base_path`, with the default Markdown policy.
    pub fn new(base_path: &str) -> Self {
        Urls {
            base: base_path.to_owned(),
            markdown: Markdown::new(base_path),
        }
    }

    /// The site's URLs and Markdown policy.
    pub fn for_site(config: &Config) -> Self {
        let markdown = Markdown::for_site(config);
        Urls {
            base: markdown.base_path.clone(),
            markdown,
        }
    }

    /// How Markdown is rendered on this site (`content::render_markdown`).
    pub fn markdown(&self) -> &Markdown {
        &self.markdown
    }

    /// The base path, starting and ending with `/`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// A path below the base; `path` is site-relative without leading `/`.
    pub fn at(&self, path: &str) -> String {
        format!("{}{}", self.base, path.trim_start_matches('/'))
    }

    /// A link of `config.toml` (the menu's, a stylesheet): a site path (`/xep-hang/`,
    /// `xep-hang/`) is placed below the base; a link elsewhere (`https://…`,
    /// `mailto:…`, `//host/…`) or to an anchor of the page is kept as it is.
    pub fn config_link(&self, url: &str) -> String {
        if leads_elsewhere(url) {
            url.to_owned()
        } else {
            self.at(url)
        }
    }

    pub fn home(&self) -> String {
        self.at("")
    }

    pub fn index(&self, id: &str) -> String {
        self.at(&index_path(id))
    }

    pub fn year(&self, year: i32) -> String {
        self.at(&year_path(year))
    }

    pub fn ranking(&self, year: i32, group: &str) -> String {
        self.at(&ranking_path(year, group))
    }

    /// The page showing table `t` in full: its own page when other indices
    /// rank its group that year, else its group's ranking page.
    pub fn table(&self, site: &Site, t: TableId) -> String {
        self.at(&table_path(site, t))
    }

    pub fn unit(&self, id: &str) -> String {
        self.at(&unit_path(id))
    }

    pub fn article(&self, slug: &str) -> String {
        self.at(&article_path(slug))
    }

    /// An open-data download of one table: `du-lieu/2023/so-ban-nganh/cchc-tinh.csv`.
    pub fn data_file(&self, year: i32, group: &str, index: &str, ext: &str) -> String {
        self.at(&data_file_path(year, group, index, ext))
    }

    /// A table's download named with `ending`: its Excel CSV.
    pub fn data_file_named(&self, year: i32, group: &str, index: &str, ending: &str) -> String {
        self.at(&data_file_name(year, group, index, ending))
    }

    pub fn article_list(&self, page: usize) -> String {
        self.at(&article_list_path(page))
    }
}

// Site-relative page paths (no leading `/`, trailing `/`): the output folder
// of each page.

/// Whether a link of `config.toml` (the menu's, a stylesheet) is kept as
/// written rather than placed below the base path: one elsewhere
/// (`https://…`, `//host/…`, `mailto:…`) or on the page itself (`#…`).
pub fn leads_elsewhere(url: &str) -> bool {
    url.starts_with("//")
        || url.starts_with('#')
        || url
            .split_once(':')
            .is_some_and(|(scheme, _)| is_scheme(scheme))
}

/// Whether `text` is a URL scheme (`https`, `mailto`): a letter, then
/// letters, digits, `+`, `-` or `.` (RFC 3986).
fn is_scheme(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

pub fn index_path(id: &str) -> String {
    format!("chi-so/{id}/")
}

pub fn year_path(year: i32) -> String {
    format!("nam/{year}/")
}

pub fn ranking_path(year: i32, group: &str) -> String {
    format!("xep-hang/{year}/{group}/")
}

/// The folder of the page showing table `t` in full ([`Urls::table`]).
pub fn table_path(site: &Site, t: TableId) -> String {
    let table = &site.tables[t];
    let group = &site.groups[table.group].id;
    if site.has_own_page(t) {
        index_table_path(table.year, group, &site.indices[table.index].id)
    } else {
        ranking_path(table.year, group)
    }
}

/// The own page of one index's table of a group and year.
pub fn index_table_path(year: i32, group: &str, index: &str) -> String {
    format!("xep-hang/{year}/{group}/{index}/")
}

pub fn unit_path(id: &str) -> String {
    format!("don-vi/{id}/")
}

pub fn article_path(slug: &str) -> String {
    format!("tin-tuc/{slug}/")
}

pub fn tag_path(slug: &str) -> String {
    format!("the/{slug}/")
}

/// Page `page` (from 1) of a tag's articles: the tag's own folder, then
/// `the/<slug>/trang/2/`, as the article list's.
pub fn tag_page_path(slug: &str, page: usize) -> String {
    if page <= 1 {
        tag_path(slug)
    } else {
        format!("the/{slug}/trang/{page}/")
    }
}

pub fn data_file_path(year: i32, group: &str, index: &str, ext: &str) -> String {
    format!("du-lieu/{year}/{group}/{index}.{ext}")
}

/// A table's download whose name ends in `ending` (`-excel.csv`, the Excel
/// variant): `du-lieu/2023/so-ban-nganh/cchc-tinh-excel.csv`.
pub fn data_file_name(year: i32, group: &str, index: &str, ending: &str) -> String {
    format!("du-lieu/{year}/{group}/{index}{ending}")
}

/// The download of every table: `du-lieu/tat-ca-cac-bang.csv` (`ending` is
/// `.csv`, `-excel.csv` or `.json`).
pub fn all_tables_path(ending: &str) -> String {
    format!("du-lieu/tat-ca-cac-bang{ending}")
}

/// Page 1 of the article list is `/tin-tuc/`, later pages `/tin-tuc/trang/N/`.
pub fn article_list_path(page: usize) -> String {
    if page <= 1 {
        "tin-tuc/".to_owned()
    } else {
        format!("tin-tuc/trang/{page}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_links_elsewhere_are_kept_as_written() {
        let urls = Urls::new("/cchc/");
        let cases = [
            ("/xep-hang/", "/cchc/xep-hang/"),
            ("xep-hang/", "/cchc/xep-hang/"),
            ("https://hatinh.gov.vn/", "https://hatinh.gov.vn/"),
            ("mailto:bbt@hatinh.gov.vn", "mailto:bbt@hatinh.gov.vn"),
            ("//cdn.example.vn/a", "//cdn.example.vn/a"),
            ("#noi-dung", "#noi-dung"),
            // A colon later in a path is not a scheme.
            ("tin-tuc/a:b", "/cchc/tin-tuc/a:b"),
        ];
        for (written, want) in cases {
            assert_eq!(urls.config_link(written), want, "{written}");
        }
    }

    #[test]
    fn urls_carry_the_base_path() {
        let root = Urls::new("/");
        let sub = Urls::new("/cchc/");
        assert_eq!(
            root.ranking(2023, "so-ban-nganh"),
            "/xep-hang/2023/so-ban-nganh/"
        );
        assert_eq!(
            sub.ranking(2023, "so-ban-nganh"),
            "/cchc/xep-hang/2023/so-ban-nganh/"
        );
        assert_eq!(sub.home(), "/cchc/");
        assert_eq!(root.at("/chiso.css"), "/chiso.css");
        assert_eq!(root.article_list(1), "/tin-tuc/");
        assert_eq!(root.article_list(3), "/tin-tuc/trang/3/");
        assert_eq!(
            sub.at(&tag_page_path("par-index", 1)),
            "/cchc/the/par-index/"
        );
        assert_eq!(
            sub.at(&tag_page_path("par-index", 2)),
            "/cchc/the/par-index/trang/2/"
        );
    }
}
