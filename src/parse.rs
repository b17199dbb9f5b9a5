//! Turning TOML or JSON text into typed values, with the parser's complaint
//! turned into a diagnostic that points at the line and column.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;

/// The two formats data files may be written in, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Json,
}

impl Format {
    /// The format of a file, from its extension; `None` for any other file.
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()? {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// Parses a whole document. The diagnostic has a location but no file name:
/// the caller knows the file and adds it.
pub fn parse_document<T: DeserializeOwned>(source: &str, format: Format) -> Result<T, Diagnostic> {
    match format {
        Format::Toml => toml::from_str(source).map_err(|e| {
            let message = first_line(e.message());
            let d = Diagnostic::error(message);
            match e.span() {
                Some(span) => d.at_offset(source, span.start),
                None => d,
            }
        }),
        Format::Json => serde_json::from_str(source).map_err(|e| {
            let message = strip_json_position(&e.to_string());
            let d = Diagnostic::error(message);
            if e.line() > 0 {
                d.at_line(source, e.line(), e.column().max(1))
            } else {
                d
            }
        }),
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_owned()
}

/// serde_json appends " at line L column C"; the diagnostic shows that itself.
fn strip_json_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        year: i32,
    }

    #[test]
    fn toml_errors_point_at_the_value() {
        let d = parse_document::<Doc>("\nyear = \"x\"\n", Format::Toml).unwrap_err();
        let loc = d.location.unwrap();
        assert_eq!((loc.line, loc.column), (2, 8));
        assert!(d.message.contains("invalid type"), "{}", d.message);
    }

    #[test]
    fn json_errors_point_at_the_value() {
        let d = parse_document::<Doc>("{\n  \"year\": true\n}", Format::Json).unwrap_err();
        assert_eq!(d.location.unwrap().line, 2);
        assert!(!d.message.contains(" at line "));
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(parse_document::<Doc>("year = 1\nyaer = 2", Format::Toml).is_err());
        assert!(parse_document::<Doc>(r#"{"year": 1, "yaer": 2}"#, Format::Json).is_err());
    }
}
