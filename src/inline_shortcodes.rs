//! Keeps a shortcode that starts a line of a paragraph inside that
//! paragraph. Editors wrap long lines, so a call often starts one:
//!
//! ```text
//! Năm 2024, điểm PAR Index của tỉnh là
//! <!-- chiso:ket-qua chi-so=par-index nam=2024 hien=diem --> theo Bộ Nội vụ.
//! ```
//!
//! In Markdown a line starting with `<!--` ends the paragraph and starts
//! an HTML block, which would print the figure outside the sentence and
//! the words after it as raw HTML. Such a line is joined to the line
//! before it (the line break becomes a space, so every byte keeps its
//! offset and diagnostics their line and column), where that line is a
//! paragraph's. A table (`bang-xep-hang`) is a block of its own, and is
//! left on its line.

use std::borrow::Cow;

/// `body` with each line break before a shortcode that continues a
/// paragraph made a space (`\r\n` two spaces).
pub fn join(body: &str) -> Cow<'_, str> {
    if !body.contains("<!--") {
        return Cow::Borrowed(body);
    }
    let mut breaks = Vec::new();
    let mut fence: Option<&str> = None;
    let mut previous: Option<&str> = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let trimmed = text.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
        } else if let Some(open) = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) {
            fence = Some(open);
        } else if starts_inline_call(text) && previous.is_some_and(continues_paragraph) {
            breaks.push(offset);
        }
        previous = (fence.is_none()).then_some(text);
        offset += line.len();
    }
    if breaks.is_empty() {
        return Cow::Borrowed(body);
    }
    let mut joined = body.as_bytes().to_vec();
    for line_start in breaks {
        // The line break ends the line before: `\n`, or `\r\n`.
        for at in [line_start - 1, line_start.saturating_sub(2)] {
            if matches!(joined[at], b'\n' | b'\r') {
                joined[at] = b' ';
            }
        }
    }
    // Only ASCII line breaks became ASCII spaces: still UTF-8.
    Cow::Owned(String::from_utf8(joined).unwrap_or_else(|_| body.to_owned()))
}

/// Whether `line` starts (after at most three spaces, as an HTML block
/// would) with a shortcode other than the table.
fn starts_inline_call(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let Some(rest) = line.trim_start_matches(' ').strip_prefix("<!--") else {
        return false;
    };
    let rest = rest.trim_start();
    let is_call = rest
        .get(..6)
        .is_some_and(|name| name.eq_ignore_ascii_case("chiso:"));
    indent <= 3 && is_call && !rest[6..].trim_start().starts_with("bang-xep-hang")
}

/// Whether a line a shortcode follows is a line of a paragraph: text, not
/// blank, nor a heading, a table row, an HTML line, a rule, a code fence
/// or an indented code line.
fn continues_paragraph(line: &str) -> bool {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let rule = trimmed
        .chars()
        .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '));
    !trimmed.is_empty()
        && indent < 4
        && !rule
        && !trimmed.starts_with(['#', '|', '<'])
        && !trimmed.starts_with("```")
        && !trimmed.starts_with("~~~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_continuing_a_paragraph_joins_it() {
        let body = "Điểm của tỉnh là\n<!-- chiso:ket-qua nam=2024 --> theo Bộ.\n";
        let joined = join(body);
        assert_eq!(
            joined,
            "Điểm của tỉnh là <!-- chiso:ket-qua nam=2024 --> theo Bộ.\n"
        );
        assert_eq!(joined.len(), body.len());
        let crlf = join("là\r\n<!--CHISO:ket-qua -->\r\n");
        assert_eq!(crlf, "là  <!--CHISO:ket-qua -->\r\n");
    }

    #[test]
    fn blocks_and_code_are_left_alone() {
        for body in [
            "\n<!-- chiso:ket-qua -->\n",
            "Bảng:\n<!-- chiso:bang-xep-hang nam=2024 khoi=a -->\n",
            "## Kết quả\n<!-- chiso:ket-qua -->\n",
            "| a |\n<!-- chiso:ket-qua -->\n",
            "```\nmã\n<!-- chiso:ket-qua -->\n```\n",
            "    mã\n<!-- chiso:ket-qua -->\n",
            "---\n<!-- chiso:ket-qua -->\n",
            "```\nmã\n```\n<!-- chiso:ket-qua -->\n",
            "Chữ\n<!-- ghi chú -->\n",
        ] {
            assert_eq!(join(body), body, "{body}");
        }
    }
}
