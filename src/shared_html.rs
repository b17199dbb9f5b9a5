//! HTML made once and shown on many pages (an article's body), held as the
//! template engine's own string so that pages share it rather than copy it.
//!
//! Tera copies every `&str` it is given into a value of its own, and an
//! article's body is given to its page, to its page of the article list and
//! to the page of each of its tags: a build of 10,000 articles copied about
//! 200 MB of bodies. A [`SharedHtml`] is that value, made when the body is
//! rendered: serialised into a page's values it is taken as it is (Tera
//! passes a value through), so each page holds a reference to it (an
//! `Arc`), and the body is held once.

use std::fmt;
use std::ops::Deref;

use tera::Value;

/// HTML, safe to print as it is (marked safe for Tera: not escaped again).
#[derive(Clone, PartialEq)]
pub struct SharedHtml(Value);

impl SharedHtml {
    /// `html` as a value pages share.
    pub fn new(html: &str) -> Self {
        SharedHtml(Value::safe_string(html))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str().unwrap_or_default()
    }
}

/// In a Tera value, the same text (Tera takes a value it is given as it
/// is); elsewhere (JSON), a string.
impl serde::Serialize for SharedHtml {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl Default for SharedHtml {
    fn default() -> Self {
        SharedHtml::new("")
    }
}

impl From<String> for SharedHtml {
    fn from(html: String) -> Self {
        SharedHtml::new(&html)
    }
}

impl Deref for SharedHtml {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for SharedHtml {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for SharedHtml {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_given_the_same_text_unescaped() {
        #[derive(serde::Serialize)]
        struct View<'a> {
            html: &'a SharedHtml,
        }
        let body = SharedHtml::new("<p>Hà Tĩnh &amp; <em>PAPI</em></p>");
        assert_eq!(&*body, "<p>Hà Tĩnh &amp; <em>PAPI</em></p>");
        let view = Value::from_serializable(&View { html: &body });
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![""]);
        tera.add_raw_template("t", "{{ view.html }}").unwrap();
        let mut context = tera::Context::new();
        context.insert("view", &view);
        assert_eq!(tera.render("t", &context).unwrap(), body.as_str());
        // The same bytes, not a copy: the value shares them.
        let map = view.into_map().unwrap();
        let html = map.get(&"html".into()).and_then(Value::as_str).unwrap();
        assert!(std::ptr::eq(html, body.as_str()));
        // Outside Tera, a string.
        let json = serde_json::to_string(&View { html: &body }).unwrap();
        assert_eq!(json, r#"{"html":"<p>Hà Tĩnh &amp; <em>PAPI</em></p>"}"#);
        assert_eq!(SharedHtml::default().as_str(), "");
    }
}
