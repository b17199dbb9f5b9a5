//! Files for machines: the Atom feed of articles (`atom.xml`), the sitemap
//! (`sitemap.xml`) and `robots.txt`. URLs are absolute, from `base_url`;
//! each entry's `xml:base` is its article's address, so that its
//! footnotes, `#anchors` and relative links resolve as on its page; dates
//! are the articles' own (no clock), so output is deterministic.

use std::fmt::Write;

use super::escape::escape;
use crate::config::Config;
use crate::content::Article;

pub const ATOM_PATH: &str = "atom.xml";
pub const SITEMAP_PATH: &str = "sitemap.xml";

/// The absolute URL of a site-relative path.
pub fn absolute(config: &Config, path: &str) -> String {
    join_url(&config.base_url, path)
}

/// `path` (site-relative) under `base_url`, percent-encoded as RFC 3986
/// wants it: what every absolute URL chiso writes is made with.
pub fn join_url(base_url: &str, path: &str) -> String {
    let url = format!(
        "{}/{}",
        base_url.trim_end_matches('/'),
        path.trim_start_matches('/')
    );
    uri_path_encoded(url)
}

/// `url` with its path percent-encoded where RFC 3986 wants it (letters
/// with diacritics, a space, `"`, `<`, `>`, …), as sitemaps, feeds and
/// crawlers expect: `https://x.vn/chỉ-số/` is `https://x.vn/ch%E1%BB%89-s%E1%BB%91/`.
/// A `%` already there is kept (the address is taken as encoded); the
/// scheme and host are written in lower case, as browsers and crawlers
/// read them (`HTTPS://X.GOV.VN/Cchc/` is `https://x.gov.vn/Cchc/`).
fn uri_path_encoded(mut url: String) -> String {
    let path_start = match url.find("://") {
        Some(i) => url[i + 3..].find('/').map_or(url.len(), |p| i + 3 + p),
        None => 0,
    };
    url[..path_start].make_ascii_lowercase();
    let needs = |b: u8| !b.is_ascii_graphic() || br#""<>\^`{|}"#.contains(&b);
    if !url.as_bytes()[path_start..].iter().any(|&b| needs(b)) {
        return url;
    }
    let mut out = String::with_capacity(url.len() + 16);
    out.push_str(&url[..path_start]);
    for &b in &url.as_bytes()[path_start..] {
        if needs(b) {
            let _ = write!(out, "%{b:02X}");
        } else {
            out.push(b as char);
        }
    }
    out
}

/// An article's date as an Atom timestamp: the start of that day in
/// Vietnam (UTC+7), where the sites publish, not 07:00 there.
fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00+07:00")
}

/// The Atom feed: every article, latest first, with its full HTML.
/// `articles` pairs each article with its site-relative path and rendered
/// HTML (shortcodes expanded).
pub fn atom(config: &Config, articles: &[(&Article, String, &str)]) -> String {
    let updated = articles
        .iter()
        .filter_map(|(a, _, _)| a.front.date)
        .max()
        .map_or_else(|| "1970-01-01".to_owned(), |d| d.to_string());
    let home = absolute(config, "");
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\" xml:base=\"{home}\">\n\
         <title>{title}</title>\n<subtitle>{subtitle}</subtitle>\n<id>{home}</id>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{me}\"/>\n\
         <updated>{updated}</updated>\n<author><name>{title}</name></author>\n\
         <generator>chiso</generator>\n",
        lang = escape(&config.language),
        home = escape(&home),
        me = escape(&absolute(config, ATOM_PATH)),
        title = escape(&config.title),
        subtitle = escape(&config.description),
        updated = timestamp(&updated),
    );
    for (article, path, html) in articles {
        let url = absolute(config, path);
        let date = article
            .front
            .date
            .map_or_else(|| updated.clone(), |d| d.to_string());
        let _ = write!(
            out,
            "<entry xml:base=\"{url}\">\n<title>{title}</title>\n<id>{url}</id>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n\
             <published>{date}</published>\n<updated>{date}</updated>\n",
            title = escape(&article.front.title),
            url = escape(&url),
            date = timestamp(&date),
        );
        if !article.front.summary.is_empty() {
            let _ = writeln!(out, "<summary>{}</summary>", escape(&article.front.summary));
        }
        for tag in &article.front.tags {
            let _ = writeln!(out, "<category term=\"{}\"/>", escape(tag));
        }
        let _ = write!(
            out,
            "<content type=\"html\">{}</content>\n</entry>\n",
            escape(html)
        );
    }
    out.push_str("</feed>\n");
    out
}

/// The sitemap: every page's absolute URL, in the order given.
pub fn sitemap(config: &Config, paths: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        let _ = writeln!(
            out,
            "<url><loc>{}</loc></url>",
            escape(&absolute(config, path))
        );
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: the site's own (`robots_txt`), else everything may be
/// crawled and the sitemap is named.
pub fn robots(config: &Config) -> String {
    if let Some(text) = &config.robots_txt {
        let mut text = text.clone();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        return text;
    }
    // The sitemaps protocol wants a full address; without a host the line
    // would be ignored, and is left out (adv22 m10).
    if !config.has_host() {
        return "User-agent: *\nAllow: /\n".to_owned();
    }
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        absolute(config, SITEMAP_PATH)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(base_url: &str) -> Config {
        let mut c: Config = toml::from_str(&format!(
            "title = \"A & B\"\nbase_url = \"{base_url}\"\nprovince = \"Hà Tĩnh\"\n"
        ))
        .expect("a valid config");
        c.base_url = base_url.to_owned();
        c
    }

    #[test]
    fn urls_are_absolute_under_a_subpath() {
        let c = config("https://x.gov.vn/cchc/");
        assert_eq!(
            absolute(&c, "tin-tuc/a/"),
            "https://x.gov.vn/cchc/tin-tuc/a/"
        );
        assert_eq!(absolute(&c, ""), "https://x.gov.vn/cchc/");
        assert!(robots(&c).contains("Sitemap: https://x.gov.vn/cchc/sitemap.xml"));
        assert!(!robots(&config("/cchc/")).contains("Sitemap"));
        let map = sitemap(&c, &["".into(), "nam/2023/".into()]);
        assert!(map.contains("<loc>https://x.gov.vn/cchc/nam/2023/</loc>"));
    }

    #[test]
    fn a_path_with_diacritics_is_percent_encoded_and_its_host_kept() {
        let c = config("https://sonoivu.nghean.gov.vn/chỉ-số/");
        assert_eq!(
            absolute(&c, "chi-so/par-index/"),
            "https://sonoivu.nghean.gov.vn/ch%E1%BB%89-s%E1%BB%91/chi-so/par-index/"
        );
        let map = sitemap(&c, &["".into()]);
        assert!(map.contains("<loc>https://sonoivu.nghean.gov.vn/ch%E1%BB%89-s%E1%BB%91/</loc>"));
        // Already encoded: kept.
        let c = config("https://x.vn/a%20b/");
        assert_eq!(absolute(&c, "c/"), "https://x.vn/a%20b/c/");
        // A path alone, and a host with no path.
        assert_eq!(absolute(&config("/đ/"), ""), "/%C4%91/");
        assert_eq!(absolute(&config("https://x.vn"), ""), "https://x.vn/");
        // The scheme and host in lower case; the path as written.
        assert_eq!(
            absolute(&config("HTTPS://X.GOV.VN/Cchc/"), "a/"),
            "https://x.gov.vn/Cchc/a/"
        );
    }

    #[test]
    fn an_empty_feed_is_still_valid_and_escaped() {
        let feed = atom(&config("https://x.vn/"), &[]);
        assert!(feed.contains("<title>A &amp; B</title>"));
        assert!(feed.contains("<updated>1970-01-01T00:00:00+07:00</updated>"));
        assert!(feed.ends_with("</feed>\n"));
    }
}
