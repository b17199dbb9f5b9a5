//! HTML escaping, one way for every page: the text Tera prints with
//! autoescape, and the labels charts and cells write in Rust. `&`, `<`,
//! `>`, `"` and `'` become entities, which is what text and quoted
//! attribute values need; `/` is left alone (Tera's own escaping writes
//! `&#x2F;`, which made URLs in text unreadable in the page source).
//! Characters that XML forbids (C0 controls other than tab, line feed and
//! carriage return: Word's Shift+Enter pastes U+000B; and U+FFFE, U+FFFF)
//! are dropped: one in an article made the Atom feed unreadable.
//!
//! Most text has nothing to escape, and a national build escapes millions
//! of strings: both functions look for the next special byte and copy the
//! plain runs between them whole.

use std::fmt;

use serde::{Serialize, Serializer};

/// Which bytes must be escaped, by value: one load per byte, where a
/// `match` on five values costs a chain of comparisons.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut control = 0;
    while control < 0x20 {
        table[control] = is_forbidden_control(control as u8);
        control += 1;
    }
    // The first byte of U+F000–U+FFFF, which holds U+FFFE and U+FFFF.
    table[0xEF] = true;
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table
};

/// A C0 control character XML 1.0 does not allow in a document, even as
/// a character reference: every one but tab, line feed and carriage return.
const fn is_forbidden_control(byte: u8) -> bool {
    byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r')
}

/// The entity for a byte that must be escaped; nothing for a forbidden
/// control character.
fn entity(byte: u8) -> &'static str {
    match byte {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        b'\'' => "&#39;",
        _ => "",
    }
}

/// Where the next byte to escape is, from `from`.
fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| SPECIAL[b as usize])
        .map(|i| from + i)
}

/// What is written for the special byte at `i` of `text`, and how many
/// bytes of `text` it stands for.
fn replacement(text: &str, i: usize) -> (&str, usize) {
    match text.as_bytes()[i] {
        // A character of U+F000–U+FFFF (three bytes, `text` being UTF-8):
        // kept, but for the two XML forbids.
        0xEF => match text.get(i..i + 3) {
            Some("\u{FFFE}" | "\u{FFFF}") => ("", 3),
            Some(character) => (character, 3),
            None => ("", 1),
        },
        byte => (entity(byte), 1),
    }
}

/// Writes `text` escaped through `write`, plain runs whole: the one loop
/// behind every form below.
fn write_escaped<E>(text: &str, mut write: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let bytes = text.as_bytes();
    let mut plain = 0;
    while let Some(i) = next_special(bytes, plain) {
        write(&text[plain..i])?;
        let (written, width) = replacement(text, i);
        write(written)?;
        plain = i + width;
    }
    write(&text[plain..])
}

/// `text` escaped, appended to `out`.
pub fn push_escaped(out: &mut String, text: &str) {
    let _ = write_escaped(text, |s| {
        out.push_str(s);
        Ok::<(), std::convert::Infallible>(())
    });
}

/// `text` escaped, as a string.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// `text` escaped into `out`: Tera's escape function (`Tera::set_escape_fn`).
pub fn escape_to(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_escaped(text, |s| out.write_all(s.as_bytes()))
}

/// Text escaped as it is written, without a string of its own: charts and
/// cells write thousands of labels per build.
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(self.0, |s| f.write_str(s))
    }
}

/// Serializes HTML that chiso made (its text escaped as it was made) as a
/// string Tera marks safe: templates print it as it is, without `| safe`,
/// which costs a filter call and a copy of the string each time. Used with
/// `#[serde(serialize_with = "safe")]`; outside Tera it is a plain string.
pub fn safe<T, S>(html: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: AsRef<str> + ?Sized,
    S: Serializer,
{
    tera::Value::safe_string(html.as_ref()).serialize(serializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_chiso_made_is_printed_as_it_is_and_other_text_escaped() {
        #[derive(serde::Serialize)]
        struct View {
            #[serde(serialize_with = "safe")]
            cell: String,
            name: &'static str,
        }
        let view = View {
            cell: "<span class=\"x\">88,35%</span>".to_owned(),
            name: "<b>A</b>",
        };
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![""]);
        tera.add_raw_template("t", "{{ v.cell }}|{{ v.cell | safe }}|{{ v.name }}")
            .unwrap();
        let mut context = tera::Context::new();
        context.insert("v", &view);
        assert_eq!(
            tera.render("t", &context).unwrap(),
            "<span class=\"x\">88,35%</span>|<span class=\"x\">88,35%</span>|&lt;b&gt;A&lt;/b&gt;"
        );
        // Outside Tera, a plain string.
        assert_eq!(
            serde_json::to_string(&view).unwrap(),
            r#"{"cell":"<span class=\"x\">88,35%</span>","name":"<b>A</b>"}"#
        );
    }

    #[test]
    fn escapes_the_five_special_characters_and_nothing_else() {
        let text = r#"Sở "A" & <B> d'x / Đ"#;
        let want = "Sở &quot;A&quot; &amp; &lt;B&gt; d&#39;x / Đ";
        assert_eq!(escape(text), want);
        assert_eq!(Escaped(text).to_string(), want);
        let mut out = Vec::new();
        escape_to(text, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), want);
        let mut pushed = String::from("x ");
        push_escaped(&mut pushed, text);
        assert_eq!(pushed, format!("x {want}"));
    }

    #[test]
    fn plain_text_is_copied_as_is() {
        for text in ["", "Hà Tĩnh", "https://x.gov.vn/cchc/"] {
            assert_eq!(escape(text), text);
            assert_eq!(Escaped(text).to_string(), text);
        }
    }

    #[test]
    fn control_characters_xml_forbids_are_dropped_and_whitespace_kept() {
        assert_eq!(escape("Dòng một\u{b}dòng hai\u{1}"), "Dòng mộtdòng hai");
        // U+FFFE and U+FFFF too; their neighbours of U+F000–U+FFFF stay.
        assert_eq!(
            escape("a\u{FFFE}b\u{FFFF}c\u{FEFF}d\u{FF21}\u{FFFD}<"),
            "abc\u{FEFF}d\u{FF21}\u{FFFD}&lt;"
        );
        assert_eq!(escape("a\tb\nc\r\n"), "a\tb\nc\r\n");
        assert_eq!(Escaped("\u{0}<\u{1f}").to_string(), "&lt;");
    }

    #[test]
    fn special_characters_at_either_end() {
        assert_eq!(escape("&x<"), "&amp;x&lt;");
        assert_eq!(escape(">"), "&gt;");
    }
}
