//! A site's own parent template (`base.html`) against the built-in pages
//! that extend it: each block a built-in page fills must be in the parent,
//! or Tera refuses the templates with a message that names the built-in
//! page, not the site's file. A site that copied `base.html` from an older
//! chiso meets this on upgrading; this says which block to add, and where.

use super::{Sources, TEMPLATES_DIR};
use crate::diagnostic::Diagnostic;
use crate::messages as msg;

/// One error per block a built-in template fills that its parent, the
/// site's own, and that parent's parents do not have.
pub fn missing_parent_blocks(sources: &Sources) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (child, (text, from_site)) in sources {
        if *from_site {
            continue;
        }
        let Some(parent) = extends(text) else {
            continue;
        };
        if !matches!(sources.get(parent), Some((_, true))) {
            continue;
        }
        let inherited = ancestors_blocks(sources, parent);
        for block in blocks(text) {
            if !inherited.contains(&block) {
                let d = Diagnostic::error(msg::parent_lacks_block(parent, block, child))
                    .with_hint(msg::hint_parent_lacks_block(parent, block))
                    .in_file(format!("{TEMPLATES_DIR}/{parent}"));
                problems.push(match sources.get(parent) {
                    Some((parent_text, _)) => d.at_offset(parent_text, 0),
                    None => d,
                });
            }
        }
    }
    problems
}

/// The blocks of `name` and of every template it extends.
fn ancestors_blocks<'s>(sources: &'s Sources, name: &str) -> Vec<&'s str> {
    let mut found = Vec::new();
    let mut next = Some(name);
    // A chain of extends is short; the bound only stops a loop.
    for _ in 0..16 {
        let Some((text, _)) = next.and_then(|n| sources.get(n)) else {
            break;
        };
        found.extend(blocks(text));
        next = extends(text);
    }
    found
}

/// The template `text` extends, if it does: `{% extends "base.html" %}`.
fn extends(text: &str) -> Option<&str> {
    tags(text).find_map(|tag| {
        let rest = tag.strip_prefix("extends")?.trim();
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let rest = &rest[1..];
        rest.find(quote).map(|end| &rest[..end])
    })
}

/// The names of the blocks `text` defines: `{% block name %}`.
fn blocks(text: &str) -> Vec<&str> {
    tags(text)
        .filter_map(|tag| {
            let rest = tag.strip_prefix("block")?;
            let name = rest.split_whitespace().next()?;
            rest.starts_with(char::is_whitespace).then_some(name)
        })
        .collect()
}

/// The insides of the `{% … %}` tags of `text`, trimmed of whitespace
/// control (`-`) and spaces.
fn tags(text: &str) -> impl Iterator<Item = &str> {
    text.split("{%").skip(1).filter_map(|piece| {
        let inside = &piece[..piece.find("%}")?];
        Some(inside.trim_start_matches('-').trim_end_matches('-').trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(list: &[(&str, &str, bool)]) -> Sources {
        list.iter()
            .map(|(name, text, own)| ((*name).to_owned(), ((*text).to_owned(), *own)))
            .collect()
    }

    const BUILT_IN_CHILD: &str =
        "{% extends \"base.html\" %}\n{%- block notice %}{% endblock notice %}{% block content %}x{% endblock content %}";

    #[test]
    fn a_site_parent_without_a_block_a_built_in_page_fills_is_named() {
        let old_base = "<main>{% block content %}{% endblock content %}</main>";
        let problems = missing_parent_blocks(&sources(&[
            ("base.html", old_base, true),
            ("home.html", BUILT_IN_CHILD, false),
        ]));
        assert_eq!(problems.len(), 1);
        let text = problems[0].to_string();
        assert!(
            text.contains("`notice`") && text.contains("home.html"),
            "{text}"
        );
        assert_eq!(
            problems[0].file.as_deref(),
            Some(std::path::Path::new("templates/base.html"))
        );
    }

    #[test]
    fn blocks_from_the_parents_parent_count_and_built_in_parents_are_not_checked() {
        let problems = missing_parent_blocks(&sources(&[
            (
                "layout.html",
                "{%- block notice -%}{%- endblock notice -%}",
                true,
            ),
            (
                "base.html",
                "{% extends 'layout.html' %}{% block content %}{% endblock content %}",
                true,
            ),
            ("home.html", BUILT_IN_CHILD, false),
        ]));
        assert!(problems.is_empty(), "{problems:?}");
        let problems = missing_parent_blocks(&sources(&[
            ("base.html", "", false),
            ("home.html", BUILT_IN_CHILD, false),
        ]));
        assert!(problems.is_empty());
    }

    #[test]
    fn tags_are_read_with_whitespace_control() {
        assert_eq!(extends("{%- extends \"base.html\" -%}"), Some("base.html"));
        assert_eq!(
            blocks("{%- block a -%}{% endblock a %}{%block b%}"),
            ["a", "b"]
        );
        assert_eq!(blocks("{% blockquote %}"), Vec::<&str>::new());
    }
}
