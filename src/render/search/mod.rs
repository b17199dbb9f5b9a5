//! The offline search index, built at build time: one small JSON file
//! (`tim-kiem/chi-muc.json`) listing units (with former names and a line
//! per year of results), indices, each ranking table, and articles by
//! their title, summary and tags; and a second file
//! (`tim-kiem/toan-van.json`) with every distinct word of each article,
//! which the page fetches after the first so that the first results come
//! quickly. Text is folded with [`vi::fold`], so the page's script only
//! folds the query the same way and matches words: "so khoa hoc" finds
//! "Sở Khoa học và Công nghệ". Abbreviations (`ubnd`, `khcn`, `tp hcm`)
//! are matched by the script, against the initials of the words.

mod words;

use std::borrow::Borrow;

use rayon::prelude::*;
use serde::Serialize;

use super::figure::{self, Format};
use super::urls::Urls;
use crate::content::{Article, Content};
use crate::model::{Site, UnitId};
use crate::vi;

/// Where the index is written, site-relative.
pub const INDEX_PATH: &str = "tim-kiem/chi-muc.json";

/// Where the articles' words are written, site-relative.
pub const FULL_TEXT_PATH: &str = "tim-kiem/toan-van.json";

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
    /// Folded searchable text (title, other names, summary, tags).
    pub fx: String,
    /// For a unit: each year it has results, latest first, with a line of
    /// its results that year; a query naming the year shows that line and
    /// links to the year on the unit's page.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub y: Vec<(i32, String)>,
    /// For an article: every distinct folded word of its text, written to
    /// [`FULL_TEXT_PATH`] rather than to the index.
    #[serde(skip)]
    pub words: String,
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
        y: Vec::new(),
        words: String::new(),
    }
}

/// Every entry, in a fixed order: indices, units, ranking pages, articles.
pub fn entries(
    site: &Site,
    content: &Content,
    articles_html: &[super::shortcodes::Expanded],
    urls: &Urls,
) -> Vec<Entry> {
    let mut out = model_entries(site, urls);
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

/// The entries of the model, the first of [`entries`]: indices, units,
/// ranking pages.
pub fn model_entries(site: &Site, urls: &Urls) -> Vec<Entry> {
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
    out.extend(site.units.ids().map(|u| unit_entry(site, u, urls)));
    // One entry per table, found by its index and year ("PAR Index 2023")
    // as well as by its group, pointing at the table on its page.
    for (t, table) in site.tables.iter_enumerated() {
        let (def, group) = (&site.indices[table.index], &site.groups[table.group]);
        let title = format!("{} {}: {}", def.short_name, table.year, group.name);
        let url = urls.table(site, t);
        let text = figure::title::ranking(&group.name, table.year);
        out.push(entry(
            "Bảng xếp hạng",
            &title,
            url,
            text,
            &[&def.name, &def.id],
        ));
    }
    out
}

/// A unit's entry; units follow the indices, in unit order.
pub fn unit_entry(site: &Site, u: UnitId, urls: &Urls) -> Entry {
    let unit = &site.units[u];
    let mut text = unit.kind.clone();
    if !unit.former_names.is_empty() {
        text.push_str(&format!(
            " · Tên trước đây: {}",
            unit.former_names.join(", ")
        ));
    }
    let former: Vec<&str> = unit.former_names.iter().map(String::as_str).collect();
    let title = site.unit_title(u);
    let mut found = entry("Đơn vị", &title, urls.unit(&unit.id), text, &former);
    found.y = year_lines(site, u);
    found
}

/// An article's entry; articles are the last entries, in article order.
pub fn article_entry(article: &Article, html: &super::shortcodes::Expanded, urls: &Urls) -> Entry {
    // The index is downloaded whole by the search page, on phones too: an
    // article is found there by its title, summary and tags, and by the
    // words of its text once the full-text file has come.
    let tags = article.front.tags.join(", ");
    let summary = article.front.summary.clone();
    let mut found = entry(
        "Bài viết",
        &article.front.title,
        urls.article(&article.slug),
        summary,
        &[&tags],
    );
    found.words = words::distinct_folded_words(&strip_tags(&html.html));
    found
}

/// A unit's results, one line per year, latest first:
/// `PAR Index 88,35% (18/63) · SIPAS 88,97% (4/63)`.
fn year_lines(site: &Site, unit: UnitId) -> Vec<(i32, String)> {
    let mut lines: Vec<(i32, String)> = Vec::new();
    for result in site.results_of(unit) {
        let (table, row) = (result.table, result.row);
        let def = &site.indices[table.index];
        let format = Format {
            decimals: row.decimals,
            unit_label: &def.unit_label,
        };
        // The marks the pages give: * illustrative, ‡ disputed.
        let marks = |illustrative, disputed| {
            figure::Marks {
                illustrative,
                disputed,
            }
            .text()
        };
        let mut part = def.short_name.clone();
        if let Some(value) = row.value {
            part.push(' ');
            part.push_str(&format.value(value));
            part.push_str(marks(row.illustrative, row.disputed.is_some()));
        } else if let Some(threshold) = row.threshold {
            // A threshold published in place of a score, as the page shows it.
            part.push(' ');
            part.push_str(&figure::threshold_text(format, threshold));
        } else if let Some(band) = row.band.as_ref().filter(|_| row.is_band_only()) {
            // A line rated only in a band says its band.
            part.push(' ');
            part.push_str(&table.bands[band.band].name);
        }
        let tied = if row.tied { ", đồng hạng" } else { "" };
        let rank_marks = format!(
            "{}{tied}",
            marks(row.rank_illustrative(), row.rank_disputed.is_some())
        );
        match (row.rank, row.of) {
            (Some(rank), Some(of)) => part.push_str(&format!(" ({rank}/{of}{rank_marks})")),
            (Some(rank), None) => part.push_str(&format!(" (thứ {rank}{rank_marks})")),
            _ => {}
        }
        match lines.iter_mut().find(|(year, _)| *year == table.year) {
            Some((_, line)) => {
                line.push_str(" · ");
                line.push_str(&part);
            }
            None => lines.push((table.year, part)),
        }
    }
    lines.sort_by_key(|&(year, _)| std::cmp::Reverse(year));
    lines
}

/// Entries as a JSON list, whether held as they are or shared (`serve`
/// keeps them in `Arc`s, to update a few between edits).
struct List<'e, E>(&'e [E]);

impl<E: Borrow<Entry>> Serialize for List<'_, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(Borrow::borrow))
    }
}

/// The index as JSON.
pub fn index_json(entries: &[impl Borrow<Entry>]) -> String {
    serde_json::to_string(&List(entries)).unwrap_or_else(|_| "[]".to_owned())
}

/// The words of every article, as a JSON list in article order: the
/// articles are the last entries of the index, so the page pairs the two
/// lists from their ends.
pub fn full_text_json(entries: &[impl Borrow<Entry>]) -> String {
    let words: Vec<&str> = entries
        .iter()
        .map(Borrow::borrow)
        .filter(|e| e.kind == "Bài viết")
        .map(|e| e.words.as_str())
        .collect();
    serde_json::to_string(&words).unwrap_or_else(|_| "[]".to_owned())
}

/// The two files of the search, site-relative path and bytes, made side by
/// side: they are the last thing a build of many articles makes (4 MB
/// each for 10,000 articles).
pub fn files<E: Borrow<Entry> + Sync>(entries: &[E]) -> [(String, Vec<u8>); 2] {
    let (index, full_text) = rayon::join(|| index_json(entries), || full_text_json(entries));
    [
        (INDEX_PATH.to_owned(), index.into_bytes()),
        (FULL_TEXT_PATH.to_owned(), full_text.into_bytes()),
    ]
}

/// The text of HTML that chiso rendered itself: tags dropped, the few
/// entities pulldown-cmark writes decoded.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // memchr's search (SIMD) rather than `str::find`'s word-at-a-time one:
    // an article's text is long runs between tags.
    while let Some(open) = memchr::memchr(b'<', rest.as_bytes()) {
        out.push_str(&rest[..open]);
        match memchr::memchr(b'>', &rest.as_bytes()[open..]) {
            Some(close) => {
                out.push(' ');
                rest = &rest[open + close + 1..];
            }
            // An unclosed tag hides the rest, as a browser would.
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
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
    fn tags_are_stripped() {
        let html = "<p>Một <em>hai</em> &amp; ba</p><p>bốn năm</p>";
        assert_eq!(
            strip_tags(html).split_whitespace().collect::<Vec<_>>(),
            ["Một", "hai", "&", "ba", "bốn", "năm"]
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
