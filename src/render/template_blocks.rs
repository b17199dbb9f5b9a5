//! A site's own parent template (`base.html`) against the built-in pages
//! that extend it: each block a built-in page fills must be in the parent,
//! or Tera refuses the templates with a message that names the built-in
//! page, not the site's file. A site that copied `base.html` from an older
//! chiso meets this on upgrading; this says which block to add, and where.
//! Also read from a template's tags: which one is left open when Tera
//! reports only that the template ended too soon.

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

/// Tags that need an end tag (`{% if %}` … `{% endif %}`).
const PAIRED: &[&str] = &["if", "for", "block", "filter", "raw", "component"];

/// The tag left open when `text` ends, and the line (from 1) it opens on:
/// the innermost one still open, as a reader would look for its end. Tags
/// inside `{# … #}` comments and `{% raw %}` are not read.
pub fn unclosed_tag(text: &str) -> Option<(&str, usize)> {
    let mut open: Vec<(&str, usize)> = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(start) = rest.find("{%") {
        // A comment before the tag hides what it holds.
        if let Some(comment) = rest[..start].find("{#") {
            let Some(end) = rest[comment..].find("#}") else {
                break;
            };
            offset += comment + end + 2;
            rest = &text[offset..];
            continue;
        }
        let Some(end) = rest[start..].find("%}") else {
            break;
        };
        let inside = rest[start + 2..start + end]
            .trim_start_matches('-')
            .trim_end_matches('-')
            .trim();
        let word = inside.split_whitespace().next().unwrap_or_default();
        let at = offset + start;
        if open.last().is_some_and(|(tag, _)| *tag == "raw") && word != "endraw" {
            // Inside `{% raw %}`, tags are text.
        } else if PAIRED.contains(&word) {
            open.push((word, text[..at].matches('\n').count() + 1));
        } else if let Some(name) = word.strip_prefix("end") {
            if let Some(k) = open.iter().rposition(|(tag, _)| *tag == name) {
                open.truncate(k);
            }
        }
        offset = at + end + 2;
        rest = &text[offset..];
    }
    open.last().copied()
}

/// The tag left open inside the one an end tag at `offset` of `text`
/// closes (`{% endblock %}` after an `{% if %}` never closed, which Tera
/// calls an unknown tag there), and the line it opens on.
pub fn open_at_end_tag(text: &str, offset: usize) -> Option<(&str, usize)> {
    let word = text.get(offset..)?.split_whitespace().next()?;
    let closes = word
        .trim_end_matches("%}")
        .trim_end_matches('-')
        .strip_prefix("end")?;
    let (open, line) = unclosed_tag(text.get(..offset)?)?;
    (open != closes).then_some((open, line))
}

/// A Tera 1 tag Tera 2 no longer has, at `offset` of `text` (where Tera
/// reports an unknown tag): `import` and `macro`.
pub fn tera1_tag(text: &str, offset: usize) -> Option<&'static str> {
    let word = text.get(offset..)?.split_whitespace().next()?;
    ["import", "macro"].into_iter().find(|tag| *tag == word)
}

/// Tera 1 syntax Tera 2 reads as a syntax error, at `offset` of `text`
/// (where Tera reports it).
#[derive(Debug, PartialEq, Eq)]
pub enum Tera1Syntax<'a> {
    /// `list.0`: an item of a list is `list[0]` now; the expression as
    /// written (`site.menu.0`) and the index.
    ListIndex { list: &'a str, index: &'a str },
    /// `macros::name(…)`: a macro call; macros are components now.
    MacroCall,
}

/// What Tera 1 syntax is at `offset` of `text`, if any.
pub fn tera1_syntax(text: &str, offset: usize) -> Option<Tera1Syntax<'_>> {
    let (before, after) = (text.get(..offset)?, text.get(offset..)?);
    if after.starts_with("::") {
        return Some(Tera1Syntax::MacroCall);
    }
    // Tera points at the dot, or at the number after it.
    let (before, digits) = match after.strip_prefix('.') {
        Some(digits) => (before, digits),
        None => (before.strip_suffix('.')?, after),
    };
    let index_len = digits.bytes().take_while(u8::is_ascii_digit).count();
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let list_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_name(*c))
        .last()
        .map(|(i, _)| i)?;
    let list = &before[list_start..];
    let named = list.starts_with(|c: char| c.is_alphabetic() || c == '_');
    (named && index_len > 0).then(|| Tera1Syntax::ListIndex {
        list,
        index: &digits[..index_len],
    })
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
    fn the_innermost_tag_left_open_is_found_with_its_line() {
        let text = "<p>\n{% if a %}\n{%- for x in y -%}{{ x }}{% endfor %}\n{% if b %}b";
        assert_eq!(unclosed_tag(text), Some(("if", 4)));
        let closed = "{% if a %}{% for x in y %}{% endfor %}{% endif %}";
        assert_eq!(unclosed_tag(closed), None);
        let in_block = "{% block content %}\n<h1>x</h1>\n{% if a %}x\n{% endblock content %}";
        let at = in_block.find("endblock").unwrap();
        assert_eq!(open_at_end_tag(in_block, at), Some(("if", 3)));
        let fine = "{% block content %}{% if a %}x{% endif %}{% endblock %}";
        assert_eq!(open_at_end_tag(fine, fine.find("endblock").unwrap()), None);
        // Comments and raw text hold no tags.
        let hidden = "{# {% if a %} #}{% raw %}{% if b %}{% endraw %}{% block c %}";
        assert_eq!(unclosed_tag(hidden), Some(("block", 1)));
        assert_eq!(tera1_tag("{% import \"m.html\" as m %}", 3), Some("import"));
        assert_eq!(tera1_tag("{% imports %}", 3), None);
    }

    #[test]
    fn tera1_list_items_and_macro_calls_are_recognised() {
        let text = "<p>{{ site.menu.0.name }}</p>";
        assert_eq!(
            tera1_syntax(text, text.find(".0").unwrap()),
            Some(Tera1Syntax::ListIndex {
                list: "site.menu",
                index: "0"
            })
        );
        let call = "{{ macros::x(a=1) }}";
        assert_eq!(tera1_syntax(call, 9), Some(Tera1Syntax::MacroCall));
        assert_eq!(
            tera1_syntax(text, text.find("0.").unwrap()),
            tera1_syntax(text, text.find(".0").unwrap())
        );
        assert_eq!(tera1_syntax("{{ a.b }}", 4), None);
        assert_eq!(tera1_syntax("{{ 1.5 }}", 4), None);
    }

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
