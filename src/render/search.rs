//! The offline search index: one small JSON file (`tim-kiem/chi-muc.json`)
//! built at build time, listing units (with former names), indices, ranking
//! pages and articles. Each entry carries its text folded with
//! [`vi::fold`], so the page's script only folds the query the same way and
//! matches words: "so khoa hoc" finds "Sở Khoa học và Công nghệ".

use rayon::prelude::*;
use serde::Serialize;

use super::figure;
use super::urls::{self, Urls};
use crate::content::{Article, Content};
use crate::model::Site;
use crate::vi;

/// Where the index is written, site-relative.
pub const INDEX_PATH: &str = "tim-kiem/chi-muc.json";

/// One thing the search can find.
#[derive(Debug, Serialize, PartialEq)]
pub struct Entry {
    /// What it is, shown with the result ("Đơn vị", "Chỉ số", …).
    pub kind: &'static str,
    pub title: String,
    pub url: String,
    /// A line shown under the title.
    pub text: String,
    /// Folded title, matched first.
    pub ft: String,
    /// Folded searchable text (title, other names, summary, body).
    pub fx: String,
}

fn entry(kind: &'static str, title: &str, url: String, text: String, more: &[&str]) -> Entry {
    let mut all = vec![title, text.as_str()];
    all.extend_from_slice(more);
    Entry {
        kind,
        title: title.to_owned(),
        url,
        ft: vi::fold(title),
        fx: vi::fold(&all.join(" ")),
        text,
    }
}

/// How many words of an article's text the search index keeps.
const ARTICLE_WORDS: usize = 60;

/// Every entry, in a fixed order: indices, units, ranking pages, articles.
pub fn entries(
    site: &Site,
    content: &Content,
    articles_html: &[super::shortcodes::Expanded],
    urls: &Urls,
) -> Vec<Entry> {
    let mut out = Vec::new();
    for def in &site.indices {
        let short = def.short_name.as_str();
        out.push(entry(
            "Chỉ số",
            &def.name,
            urls.index(&def.id),
            def.publisher.clone().unwrap_or_default(),
            &[short, &def.id],
        ));
    }
    for unit in &site.units {
        let mut text = unit.kind.clone();
        if !unit.former_names.is_empty() {
            text.push_str(&format!(
                " · Tên trước đây: {}",
                unit.former_names.join(", ")
            ));
        }
        let former: Vec<&str> = unit.former_names.iter().map(String::as_str).collect();
        out.push(entry(
            "Đơn vị",
            &unit.name,
            urls.unit(&unit.id),
            text,
            &former,
        ));
    }
    let mut pairs: Vec<(i32, crate::model::GroupId)> =
        site.tables.iter().map(|t| (t.year, t.group)).collect();
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    pairs.dedup();
    for (year, g) in pairs {
        let group = &site.groups[g];
        out.push(entry(
            "Bảng xếp hạng",
            &figure::title::ranking(&group.name, year),
            urls.at(&urls::ranking_path(year, &group.id)),
            String::new(),
            &[],
        ));
    }
    // Articles are the most and the costliest entries: fold them in parallel.
    out.par_extend(
        content
            .articles
            .par_iter()
            .zip(articles_html)
            .map(|(article, html)| article_entry(article, html, urls)),
    );
    out
}

/// An article's entry; articles are the last entries, in article order.
pub fn article_entry(article: &Article, html: &super::shortcodes::Expanded, urls: &Urls) -> Entry {
    // The index is downloaded whole by the search page, on phones too: an
    // article is found by its title, summary, tags and opening words.
    let text = strip_tags_until(&html.html, ARTICLE_WORDS);
    let body = text
        .split_whitespace()
        .take(ARTICLE_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    let tags = article.front.tags.join(", ");
    let summary = article.front.summary.clone();
    entry(
        "Bài viết",
        &article.front.title,
        urls.article(&article.slug),
        summary,
        &[&tags, &body],
    )
}

/// The index as JSON.
pub fn index_json(entries: &[Entry]) -> String {
    serde_json::to_string(entries).unwrap_or_else(|_| "[]".to_owned())
}

/// The text of HTML that chiso rendered itself: tags dropped, the few
/// entities pulldown-cmark writes decoded.
pub fn strip_tags(html: &str) -> String {
    strip_tags_until(html, usize::MAX)
}

/// [`strip_tags`], stopping once the text holds more than `words` words (an
/// article's entry keeps only its opening words).
fn strip_tags_until(html: &str, words: usize) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    let mut count = 0;
    let mut in_word = false;
    for c in html.chars() {
        let shown = match c {
            '<' => {
                in_tag = true;
                continue;
            }
            '>' if in_tag => {
                in_tag = false;
                ' '
            }
            c if !in_tag => c,
            _ => continue,
        };
        if shown.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            count += 1;
            if count > words {
                break;
            }
        }
        out.push(shown);
    }
    decode_entities(out)
}

/// Decodes the entities pulldown-cmark writes, in one pass (five
/// `replace` calls made five copies of every article's text).
fn decode_entities(text: String) -> String {
    const ENTITIES: [(&str, char); 5] = [
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&amp;", '&'),
    ];
    if !text.contains('&') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(entity, _)| rest.starts_with(entity)) {
            Some((entity, c)) => {
                out.push(*c);
                rest = &rest[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_stripped_and_long_text_cut_at_a_word() {
        let html = "<p>Một <em>hai</em> &amp; ba</p><p>bốn năm</p>";
        assert_eq!(
            strip_tags(html),
            " Một  hai  &amp; ba  bốn năm ".replace("&amp;", "&")
        );
        assert_eq!(
            strip_tags_until(html, 3)
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["Một", "hai", "&"]
        );
    }

    #[test]
    fn entities_are_decoded_once() {
        for text in [
            "a &amp; b",
            "&amp;lt; stays &lt; once",
            "&lt;&gt;&quot;&#39;&amp;",
            "&&#39; & &x; &",
            "no entity",
            "Sở &quot;Tư pháp&quot;",
        ] {
            let chained = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            assert_eq!(decode_entities(text.to_owned()), chained, "{text}");
        }
    }

    #[test]
    fn entries_hold_folded_text_for_diacritic_free_queries() {
        let e = entry(
            "Đơn vị",
            "Sở Khoa học và Công nghệ",
            "/don-vi/x/".into(),
            "Sở".into(),
            &["Sở Khoa học, Công nghệ và Môi trường"],
        );
        assert_eq!(e.ft, "so khoa hoc va cong nghe");
        assert!(e.fx.contains("moi truong"));
        let json = index_json(&[e]);
        assert!(json.contains("\"title\":\"Sở Khoa học và Công nghệ\""));
    }

    #[test]
    fn tags_are_stripped_and_entities_decoded() {
        assert_eq!(
            strip_tags("<p>A &amp; <em>B</em></p>")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["A", "&", "B"]
        );
    }
}
