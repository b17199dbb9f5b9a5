//! HTML made once and shown on many pages (an article's body), held as the
//! template engine's own string so that pages share it rather than copy it.
//!
//! Tera copies every `&str` it is given into a value of its own, and an
//! article's body is given to its page, to its page of the article list and
//! to the page of each of its tags: a build of 10,000 articles copied about
//! 200 MB of bodies. A [`SharedHtml`] is that value, made when the body is
//! rendered: each page takes a reference to it (an `Arc`), and the body is
//! held once.

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

    /// The value for a template: the same text, not a copy of it.
    pub fn value(&self) -> Value {
        self.0.clone()
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str().unwrap_or_default()
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
        let body = SharedHtml::new("<p>Hà Tĩnh &amp; <em>PAPI</em></p>");
        assert_eq!(&*body, "<p>Hà Tĩnh &amp; <em>PAPI</em></p>");
        let value = body.value();
        assert!(value.is_safe());
        assert_eq!(value.as_str(), Some(body.as_str()));
        // The same bytes, not a copy: cloning the value shares them.
        assert!(std::ptr::eq(value.as_str().unwrap(), body.as_str()));
        assert_eq!(SharedHtml::default().as_str(), "");
    }
}
