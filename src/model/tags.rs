//! The articles' tags, by slug: derived once from the articles' front
//! matter (which `content` loads beside the model), for the tag pages and
//! the list of tags.

use std::collections::{BTreeMap, HashMap};

use crate::content::Article;
use crate::vi;

/// A tag and the articles carrying it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag<'a> {
    /// The tag as it was first written (articles may differ in case or
    /// accents that fold to the same slug).
    pub name: &'a str,
    /// Positions of the articles carrying it, in article order.
    pub articles: Vec<usize>,
}

/// Every tag of `articles` by its slug; a tag whose slug is empty (only
/// punctuation) has no page and is left out.
pub fn tags(articles: &[Article]) -> BTreeMap<String, Tag<'_>> {
    let mut tags: BTreeMap<String, Tag> = BTreeMap::new();
    // Each way a tag is written is slugged once: a site of 10,000 articles
    // writes a few dozen tags 30,000 times.
    let mut slugs: HashMap<&str, String> = HashMap::new();
    for (i, article) in articles.iter().enumerate() {
        for tag in &article.front.tags {
            let slug = slugs.entry(tag).or_insert_with(|| vi::slugify(tag));
            if slug.is_empty() {
                continue;
            }
            let entry = tags.entry(slug.clone()).or_insert(Tag {
                name: tag,
                articles: Vec::new(),
            });
            // Articles come in order: one carrying a tag twice ("Cải
            // cách", "cải cách") is the last one listed.
            if entry.articles.last() != Some(&i) {
                entry.articles.push(i);
            }
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_article;

    fn article(tags: &str) -> Article {
        let text = format!("+++\ntitle = \"Bài\"\ntags = [{tags}]\n+++\nNội dung.\n");
        parse_article(&text, "/").unwrap()
    }

    #[test]
    fn tags_fold_to_one_slug_named_as_first_written() {
        let articles = [
            article("\"Cải cách\", \"PAR Index\""),
            article("\"cải cách\", \"Cải cách\""),
            article("\"!!!\""),
        ];
        let tags = tags(&articles);
        assert_eq!(tags.keys().collect::<Vec<_>>(), ["cai-cach", "par-index"]);
        assert_eq!(
            tags["cai-cach"],
            Tag {
                name: "Cải cách",
                articles: vec![0, 1]
            }
        );
        assert_eq!(tags["par-index"].articles, [0]);
    }
}
