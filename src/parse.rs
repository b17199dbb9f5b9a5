//! Turning TOML or JSON text into typed values, with the parser's complaint
//! turned into a diagnostic that points at the line and column.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::{closest, Diagnostic};
use crate::messages as msg;

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
        Format::Toml => {
            toml::from_str(source).map_err(|e| toml_document_diagnostic::<T>(source, &e))
        }
        Format::Json => serde_json::from_str(source).map_err(|e| {
            // Every document chiso reads is an object: serde would read a
            // list's items as the fields, in its own words ("invalid length
            // 0, expected struct ResultsFile with 21 elements").
            let start = source.len()
                - source
                    .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
                    .len();
            if source[start..].starts_with('[') {
                return Diagnostic::error(msg::json_list_at_top())
                    .with_hint(msg::hint_json_object_at_top())
                    .at_offset(source, start);
            }
            let d = friendly(&strip_json_position(&e.to_string()), Format::Json);
            if e.line() > 0 {
                let line = source.lines().nth(e.line() - 1).unwrap_or_default();
                // serde_json counts bytes; a diagnostic's column counts
                // characters (`"Sở"` is 4 bytes, 2 characters).
                let mut column = char_column(line, e.column());
                if e.classify() == serde_json::error::Category::Data {
                    // serde_json points at a value's last character: `3` of
                    // `-3`, the closing quote of a string.
                    column = json_value_start(line, column);
                }
                let d = match json_decimal_comma(line, column) {
                    Some(number) => d.with_hint(msg::hint_decimal_comma_json(&number)),
                    None => d,
                };
                d.at_line(source, e.line(), column)
            } else {
                d
            }
        }),
    }
}

/// How many problems of a settings document [`parse_settings`] tells.
const MAX_SETTINGS_PROBLEMS: usize = 20;

/// Parses a TOML settings document (`config.toml`) and tells every problem
/// of a broken one, where [`parse_document`] tells the first: every syntax
/// error, or else each problem at its line, that line blanked and the
/// document read again (a top-level key written under `[[menu]]` is the
/// slip that comes in several). A field missing once a line is blanked is
/// not told: the blanked line may be the one that set it.
pub fn parse_settings<T: DeserializeOwned>(source: &str) -> Result<T, Vec<Diagnostic>> {
    let (syntax, _, _) = toml_syntax_problems(source);
    if !syntax.is_empty() {
        return Err(syntax);
    }
    match toml::from_str::<T>(source) {
        Ok(value) => Ok(value),
        Err(_) => Err(toml_document_problems::<T>(source, false)),
    }
}

/// Every problem of a TOML document of `T` without syntax errors (or with
/// them blanked, [`toml_syntax_problems`]), each at its line: the line of
/// each blanked in turn and the document read again, up to
/// `MAX_SETTINGS_PROBLEMS`. A field missing once a line is blanked is not
/// told: the blanked line may be the one that set it; `blanked` says lines
/// were blanked before (syntax errors), so that none is.
pub fn toml_document_problems<T: DeserializeOwned>(source: &str, blanked: bool) -> Vec<Diagnostic> {
    let mut text = source.to_owned();
    let mut problems = Vec::new();
    while problems.len() < MAX_SETTINGS_PROBLEMS {
        let Err(e) = toml::from_str::<T>(&text) else {
            break;
        };
        if (blanked || !problems.is_empty()) && e.message().starts_with("missing field") {
            break;
        }
        problems.push(toml_document_diagnostic::<T>(source, &e));
        let Some(at) = e.span().map(|s| s.start.min(text.len())) else {
            break;
        };
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let mut end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        // An unknown table (`[[menus]]`) goes with its keys: blanked alone,
        // they would be read as the table's before it, each an error of
        // its own (adv22 m7).
        if is_header(&text[start..end]) && e.message().starts_with("unknown field") {
            end = next_header(&text, start);
        }
        // Spaces for every byte but line breaks: offsets and columns stay.
        let spaces: String = text[start..end]
            .chars()
            .map(|c| match c {
                '\n' | '\r' => c.to_string(),
                c => " ".repeat(c.len_utf8()),
            })
            .collect();
        let mut blanked = text.clone();
        blanked.replace_range(start..end, &spaces);
        // A value over several lines cannot be blanked a line at a time.
        if blanked == text || toml::de::DeTable::parse(&blanked).is_err() {
            break;
        }
        text = blanked;
    }
    problems
}

/// The TOML parser's complaint about a whole document of `T`, with the
/// hint for a top-level key written under a header.
fn toml_document_diagnostic<T: DeserializeOwned>(source: &str, e: &toml::de::Error) -> Diagnostic {
    let d = toml_diagnostic(source, e);
    match misplaced_top_level_key::<T>(source, e) {
        Some(header) => d.with_hint(msg::hint_key_above_header(&header)),
        None => d,
    }
}

/// The column (from 1, in characters) of byte column `bytes` (from 1) of
/// `line`: the character that byte is part of.
fn char_column(line: &str, bytes: usize) -> usize {
    let mut at = bytes.saturating_sub(1).min(line.len());
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    line[..at].chars().count() + 1
}

/// `84.37` when a JSON syntax error at `column` (1-based, in characters)
/// of `line` follows a number written with a decimal comma (`"score":
/// 84,37`: the parser takes `37` for a key); `None` otherwise.
fn json_decimal_comma(line: &str, column: usize) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let at = column.checked_sub(1)?;
    let after: String = chars
        .get(at..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let before = chars.get(..at)?;
    let before: String = before.iter().collect();
    let before = before.trim_end().strip_suffix(',')?;
    let whole: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!after.is_empty() && whole.chars().any(|c| c.is_ascii_digit()))
        .then(|| format!("{whole}.{after}"))
}

/// The TOML parser's complaint about `source`, in an editor's words, at
/// its place.
fn toml_diagnostic(source: &str, e: &toml::de::Error) -> Diagnostic {
    let d = friendly(&first_line(e.message()), Format::Toml);
    let d = match e.span() {
        Some(span) => d.at_offset(source, span.start),
        None => d,
    };
    match (&d.hint, d.snippet.as_deref().and_then(hint_for_line)) {
        (None, Some(hint)) => d.with_hint(hint),
        _ => d,
    }
}

/// The header (`[[menu]]`, `[source]`) a key the document's top level
/// accepts was written under, when the parser refused it there: a key
/// written after a header belongs to that header's table in TOML, a slip
/// every editor makes once.
fn misplaced_top_level_key<T: DeserializeOwned>(
    source: &str,
    e: &toml::de::Error,
) -> Option<String> {
    let key = e
        .message()
        .strip_prefix("unknown field `")?
        .split('`')
        .next()?;
    let at = e.span()?.start.min(source.len());
    let header = source[..at]
        .lines()
        .rev()
        .find(|line| is_header(line))?
        .trim();
    // Without a comment after it.
    let header = &header[..header.rfind(']').map_or(header.len(), |i| i + 1)];
    top_level_keys::<T>()
        .iter()
        .any(|k| k == key)
        .then(|| header.to_owned())
}

/// The keys the top level of a `T` accepts, when it refuses others: read
/// from serde's own refusal of a key no format of chiso's has (nothing
/// when `T` takes any key).
fn top_level_keys<T: DeserializeOwned>() -> Vec<String> {
    const PROBE: &str = "chiso-probe-no-such-key";
    let Err(e) = toml::from_str::<T>(&format!("{PROBE} = 0")) else {
        return Vec::new();
    };
    let Some(rest) = e
        .message()
        .strip_prefix(&format!("unknown field `{PROBE}`"))
    else {
        return Vec::new();
    };
    rest.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The problems of every entry of the array `key` of a TOML document
/// (`[[result]]`) when each is read alone as a `T`: after the document
/// failed to parse as a whole, where serde stops at its first problem, so
/// that one run names every bad line. Nothing for a document that is not
/// TOML at all (its syntax error is the one problem there is to tell).
///
/// Entries overlapping `skip` (byte ranges of lines blanked by
/// [`toml_syntax_problems`], whose problem is told) are left out.
pub fn toml_entry_problems<T: DeserializeOwned>(
    source: &str,
    key: &str,
    skip: &[Range<usize>],
) -> Vec<Diagnostic> {
    toml_entry_problems_at::<T>(source, key, skip)
        .into_iter()
        .map(|(_, d)| d)
        .collect()
}

/// [`toml_entry_problems`], each with the byte offset where its entry
/// starts in `source`: which entries a results file is read without
/// (`data::recover`).
pub fn toml_entry_problems_at<T: DeserializeOwned>(
    source: &str,
    key: &str,
    skip: &[Range<usize>],
) -> Vec<(usize, Diagnostic)> {
    let Ok(root) = toml::de::DeTable::parse(source) else {
        return Vec::new();
    };
    let entries = root
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .and_then(|(_, v)| v.get_ref().as_array());
    let Some(entries) = entries else {
        return Vec::new();
    };
    entries
        .iter()
        .filter(|entry| {
            // An entry's span may be its header alone: it reaches to the
            // next header.
            let start = entry.span().start;
            let end = next_header(source, start);
            !skip.iter().any(|r| r.start < end && start < r.end)
        })
        .filter_map(|entry| {
            let start = entry.span().start;
            let e = T::deserialize(toml::de::ValueDeserializer::from(entry.clone())).err()?;
            let d = toml_diagnostic(source, &e);
            // Without a place of its own, the problem is the entry's.
            Some(if e.span().is_some() {
                (start, d)
            } else {
                (start, d.at_offset(source, start))
            })
        })
        .collect()
}

/// The problems of every entry of the array `key` of a JSON document
/// (`"result": [{…}, {…}]`) when each is read alone as a `T`: after the
/// document failed to parse as a whole, where serde stops at its first
/// problem, so that one run names every bad entry. Nothing for a document
/// that is not JSON at all (its syntax error is the one problem to tell).
///
/// Each entry is read from the document with everything else blanked
/// (spaces, newlines kept), so its problem is at its line and column.
pub fn json_entry_problems<T: DeserializeOwned>(source: &str, key: &str) -> Vec<Diagnostic> {
    use serde_json::value::RawValue;
    let Ok(root) = serde_json::from_str::<BTreeMap<String, &RawValue>>(source) else {
        return Vec::new();
    };
    let Some(entries) = root
        .get(key)
        .and_then(|array| serde_json::from_str::<Vec<&RawValue>>(array.get()).ok())
    else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|entry| {
            // Every entry's text lies inside `source`: borrowed from it.
            let start = (entry.get().as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
            let end = start + entry.get().len();
            // A space for every other character (not byte): each line
            // keeps its characters' columns, which the diagnostic counts.
            let alone: String = source
                .char_indices()
                .map(|(i, c)| match (start..end).contains(&i) || c == '\n' {
                    true => c,
                    false => ' ',
                })
                .collect();
            let d = parse_document::<T>(&alone, Format::Json).err()?;
            Some(match d.location {
                Some(at) => d.at_line(source, at.line, at.column),
                None => d.at_offset(source, start),
            })
        })
        .collect()
}

/// Where the line after the one at `from` that opens a table (`[x]`,
/// `[[x]]`) starts, or the end of `source`.
fn next_header(source: &str, from: usize) -> usize {
    let from = from.min(source.len());
    let Some(first_end) = source[from..].find('\n') else {
        return source.len();
    };
    let mut at = from + first_end + 1;
    for line in source[at..].split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            return at;
        }
        at += line.len();
    }
    source.len()
}

/// Whether `line` is (meant as) a table header: `[name]`, `[[name]` (no
/// `=`, which a key's line has).
fn is_header(line: &str) -> bool {
    line.trim_start().starts_with('[') && !line.contains('=')
}

/// Where the keys under a header ending at byte `end` of `text` end: at the
/// next header's line, or the end (newlines kept out of the range but
/// within it, so that blanking keeps every line).
fn keys_under(text: &str, end: usize) -> usize {
    let mut lines = text[end..].split_inclusive('\n');
    // The header's own newline.
    let mut at = end + lines.next().map_or(0, str::len);
    for line in lines {
        if is_header(line) {
            break;
        }
        at += line.len();
    }
    at
}

/// How many syntax errors of one TOML document are told: past them, the
/// rest of a badly broken file says little more.
const MAX_SYNTAX_ERRORS: usize = 20;

/// Every syntax error of a TOML document, each at its place, where the
/// parser stops at the first: each bad line is blanked (with spaces, so
/// that the other lines' offsets and columns stay) and the document parsed
/// again, up to `MAX_SYNTAX_ERRORS`. A bad table header (`[[result]`) is
/// blanked with the keys under it: blanked alone, its keys would join the
/// table before and be told as duplicates of that table's. Returns the
/// errors, the document with those lines blanked and their byte ranges,
/// so that its entries can be read alone too ([`toml_entry_problems`]).
pub fn toml_syntax_problems(source: &str) -> (Vec<Diagnostic>, String, Vec<Range<usize>>) {
    let mut text = source.to_owned();
    let mut problems = Vec::new();
    let mut blanked: Vec<Range<usize>> = Vec::new();
    while problems.len() < MAX_SYNTAX_ERRORS {
        let Err(e) = toml::de::DeTable::parse(&text) else {
            break;
        };
        let Some(at) = e.span().map(|s| s.start.min(text.len())) else {
            break;
        };
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let mut end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        if is_header(&text[start..end]) {
            end = keys_under(&text, end);
        }
        if blanked.iter().any(|r| r.start == start) || start == end {
            // No way past it: what follows cannot be read line by line.
            break;
        }
        problems.push(toml_diagnostic(source, &e));
        // Spaces for every byte: the string stays valid UTF-8.
        let spaces: String = text[start..end]
            .chars()
            .map(|c| {
                if c == '\n' {
                    "\n".to_owned()
                } else {
                    " ".repeat(c.len_utf8())
                }
            })
            .collect();
        text.replace_range(start..end, &spaces);
        blanked.push(start..end);
    }
    (problems, text, blanked)
}

/// The column (from 1, in characters) where the JSON value or key whose
/// last character is at `column` starts: back to the opening quote of a
/// string, or over the characters of a number or literal. Other columns
/// (a brace, a missing key) are kept.
fn json_value_start(line: &str, column: usize) -> usize {
    let chars: Vec<char> = line.chars().collect();
    let Some(&last) = chars.get(column.wrapping_sub(1)) else {
        return column;
    };
    let mut start = column - 1;
    if last == '"' {
        // Back to the quote that opens the string: one not escaped.
        let mut i = start;
        while i > 0 {
            i -= 1;
            if chars[i] != '"' {
                continue;
            }
            let backslashes = chars[..i].iter().rev().take_while(|&&c| c == '\\').count();
            if backslashes % 2 == 0 {
                return i + 1;
            }
        }
        return column;
    }
    let in_token = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+');
    if !in_token(last) {
        return column;
    }
    while start > 0 && in_token(chars[start - 1]) {
        start -= 1;
    }
    start + 1
}

/// Rewrites serde's messages in words an editor understands, with a hint:
/// "did you mean" for an unknown key, what to add for a missing one (in
/// the syntax of the file's `format`).
fn friendly(message: &str, format: Format) -> Diagnostic {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = match closest(key, allowed.iter().copied()) {
            Some(near) => msg::hint_did_you_mean(near),
            None => msg::hint_allowed_keys(
                &allowed
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        };
        return Diagnostic::error(msg::unknown_key(key)).with_hint(hint);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        let hint = match format {
            Format::Toml => msg::hint_add_key(key),
            Format::Json => msg::hint_add_key_json(key),
        };
        return Diagnostic::error(msg::missing_key(key)).with_hint(hint);
    }
    let wrong = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some(rest) = wrong {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            if let Some(number) = out_of_range(found, expected) {
                return Diagnostic::error(number);
            }
            let message = msg::wrong_type(&describe_found(found), &describe_expected(expected));
            // "85,5" in quotes: a decimal comma, as Vietnamese is written.
            let comma_number = found
                .strip_prefix("string \"")
                .and_then(|t| t.strip_suffix('"'))
                .filter(|t| t.contains(',') && t.replace(',', ".").parse::<f64>().is_ok());
            return match comma_number {
                Some(text) => Diagnostic::error(message)
                    .with_hint(msg::hint_decimal_point_in_data(&text.replace(',', "."))),
                None => Diagnostic::error(message),
            };
        }
    }
    // A number beyond what even the parser holds.
    if matches!(
        message,
        "integer number overflowed" | "floating-point number overflowed" | "number out of range"
    ) {
        return Diagnostic::error(msg::number_too_large());
    }
    // chiso's own complaints (a date that is not one) start with the value
    // in backticks; the parsers' own words are said as syntax errors.
    if message.starts_with('`') || message == msg::expected_date() {
        return Diagnostic::error(message);
    }
    Diagnostic::error(msg::syntax(&msg::parser_words(message)))
}

/// A hint for the commonest slips in a TOML line that does not parse: a
/// decimal comma (`score = 90,5`), a date written day/month/year
/// (`date = 20/02/2025`), text without quotes.
fn hint_for_line(line: &str) -> Option<String> {
    // A header of a list's entry that does not parse or repeats
    // (`[result]`, `[result]]`): `[[result]]` meant. Other tables
    // (`[source]`) are not lists.
    let header = line.split('#').next().unwrap_or_default().trim();
    if header.starts_with('[') && header.ends_with(']') {
        let name = header.trim_start_matches('[').trim_end_matches(']').trim();
        let last = name.rsplit('.').next().unwrap_or_default().trim();
        let well_formed = header.starts_with("[[") && header.ends_with("]]");
        let list = crate::data::schema::LIST_TABLES.contains(&last);
        return (!well_formed && list).then(|| msg::hint_array_header(name));
    }
    let (key, value) = line.split_once('=')?;
    let (key, value) = (key.trim(), value.split('#').next()?.trim());
    // A no-break, figure or narrow space, or a zero-width one: invisible,
    // and not a space to TOML.
    let invisible = |c: char| {
        matches!(
            c,
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{200b}' | '\u{feff}'
        )
    };
    if line.contains(invisible) {
        let clean: String = value.chars().filter(|&c| !invisible(c)).collect();
        return Some(msg::hint_invisible_space(&format!(
            "{key} = {}",
            clean.trim()
        )));
    }
    if let Some(number) = value.strip_suffix('%').map(str::trim_end) {
        let number = number.replacen(',', ".", 1);
        if number.parse::<f64>().is_ok() {
            return Some(msg::hint_drop_percent(&format!("{key} = {number}")));
        }
    }
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    if let Some((whole, fraction)) = value.split_once(',') {
        let unsigned = whole.strip_prefix('-').unwrap_or(whole);
        if digits(unsigned) && digits(fraction) {
            return Some(msg::hint_decimal_comma(&format!(
                "{key} = {whole}.{fraction}"
            )));
        }
    }
    if let Some(fixed) = inline_decimal_comma(line) {
        return Some(msg::hint_decimal_comma(&fixed));
    }
    let parts: Vec<&str> = value.split(['/', '.', '-']).collect();
    if let [day, month, year] = parts[..] {
        let short = |t: &str| digits(t) && t.len() <= 2;
        if short(day) && short(month) && digits(year) && year.len() == 4 {
            return Some(msg::hint_date_form(&format!(
                "{key} = {year}-{month:0>2}-{day:0>2}"
            )));
        }
    }
    let bare_text = value.chars().next().is_some_and(char::is_alphabetic)
        && !matches!(value, "true" | "false" | "inf" | "nan");
    bare_text.then(msg::hint_quote_text)
}

/// A decimal comma inside an inline table or an array (`{ score = 11,5,
/// decimals = 1 }`), as the key and number to write instead
/// (`score = 11.5`): digits, a comma, digits, then the end of the value.
fn inline_decimal_comma(line: &str) -> Option<String> {
    let is_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    line.match_indices('=').find_map(|(at, _)| {
        let key = line[..at]
            .trim_end()
            .rsplit(|c: char| c == '{' || c == ',' || c.is_whitespace())
            .next()
            .filter(|k| !k.is_empty())?;
        let rest = line[at + 1..].trim_start();
        let unsigned = rest.strip_prefix('-').unwrap_or(rest);
        let whole_len = unsigned.bytes().take_while(u8::is_ascii_digit).count();
        let after_whole = unsigned[whole_len..].strip_prefix(',')?;
        let fraction_len = after_whole.bytes().take_while(u8::is_ascii_digit).count();
        let (fraction, tail) = after_whole.split_at(fraction_len);
        let ends = tail.is_empty() || tail.starts_with([',', '}', ']', ' ', '\t', '#']);
        (is_digits(&unsigned[..whole_len]) && is_digits(fraction) && ends).then(|| {
            let sign = if rest.starts_with('-') { "-" } else { "" };
            format!("{key} = {sign}{}.{fraction}", &unsigned[..whole_len])
        })
    })
}

fn describe_found(found: &str) -> String {
    let value = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_owned())
    };
    if let Some(text) = value("string ") {
        msg::found_text(&text)
    } else if let Some(n) = value("integer ").or_else(|| value("floating point ")) {
        msg::found_number(&n)
    } else if let Some(b) = value("boolean ") {
        format!("`{b}`")
    } else {
        match found {
            "sequence" => msg::term("a list"),
            "map" => msg::term("a table"),
            other => other.to_owned(),
        }
    }
}

/// The message for a whole number that serde found outside the range of
/// the integer type `expected` ("integer `-1`" for a `u32`, "integer
/// `99999999999999999999` as i128" for a `usize`, a float such as `1e+20`
/// that JSON read from a long integer); `None` for any other problem.
fn out_of_range(found: &str, expected: &str) -> Option<String> {
    let text = found.split('`').nth(1)?;
    // An integer beyond i64 (TOML reads it as an i128) where a decimal
    // number is wanted.
    let Some((min, max)) = integer_range(expected) else {
        let huge = found.starts_with("integer ")
            && (found.ends_with(" as i128") || found.ends_with(" as u128"));
        return huge.then(|| msg::number_too_large_written(text));
    };
    let outside = if found.starts_with("integer ") {
        // Beyond i128, a u128: above every range.
        text.parse::<i128>().map_or(true, |n| n < min || n > max)
    } else if found.starts_with("floating point ") {
        let n = text.parse::<f64>().ok()?;
        n.fract() == 0.0 && (n < min as f64 || n > max as f64)
    } else {
        false
    };
    // Below zero where a count or a number of places is wanted: the type's
    // range (0 to 4294967295) is not the field's, which the model checks.
    let negative = min == 0 && text.starts_with('-');
    outside.then(|| match negative {
        true => msg::number_negative(text),
        false => msg::number_out_of_range(text, &min.to_string(), &max.to_string()),
    })
}

/// The smallest and largest value of the integer type serde names.
fn integer_range(expected: &str) -> Option<(i128, i128)> {
    Some(match expected {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" => (0, u64::MAX.into()),
        "usize" => (0, i128::try_from(usize::MAX).ok()?),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    })
}

fn describe_expected(expected: &str) -> String {
    msg::term(match expected {
        "f64" | "f32" => "a number",
        "u32" | "u64" | "i32" | "i64" | "usize" | "u8" | "u16" => "a whole number",
        "a string" | "a borrowed string" => "text in quotes",
        "a boolean" => "true or false",
        "a sequence" => "a list [ … ]",
        "a date such as 2024-02-22" => "a date such as 2024-02-22",
        e if e.starts_with("struct ") || e == "a map" => "a table",
        e => e,
    })
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
    #[test]
    fn a_json_list_where_an_object_is_expected_is_said_so() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Doc {
            year: i32,
        }
        for source in ["[]", "\n  [1, 2]"] {
            let d = super::parse_document::<Doc>(source, super::Format::Json).unwrap_err();
            assert!(d.message.contains("a list"), "{d:?}");
            assert!(d.hint.as_deref().unwrap_or_default().contains('{'), "{d:?}");
            assert!(d.location.is_some());
        }
    }

    #[test]
    fn a_decimal_comma_in_json_is_named_with_the_number_to_write() {
        let source = "{ \"score\": 84,37, \"rank\": 7 }";
        let d =
            super::parse_document::<serde_json::Value>(source, super::Format::Json).unwrap_err();
        let hint = d.hint.unwrap_or_default();
        assert!(hint.contains("84.37"), "{hint}");
        // A comma between values is not one.
        assert_eq!(super::json_decimal_comma("[1, \"a\"]", 5), None);
    }

    #[test]
    fn json_columns_count_characters_not_bytes() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            of: String,
            n: u32,
        }
        // `"Sở Tư pháp"` takes 14 bytes and 10 characters: the bad value
        // `-3` starts at character 27.
        let text = r#"{"of": "Sở Tư pháp", "n": -3}"#;
        let d = super::parse_document::<T>(text, super::Format::Json).unwrap_err();
        assert_eq!(d.location.unwrap().column, 27, "{d}");
        assert_eq!(super::char_column("aở", 4), 2);
        assert_eq!(super::char_column("aởb", 5), 3);
        assert_eq!(super::char_column("", 1), 1);
    }

    #[test]
    fn json_problems_point_at_the_start_of_the_value() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            of: u32,
        }
        for (text, column) in [
            (r#"{"of": -3}"#, 8),
            (r#"{"of": -2.5e3 }"#, 8),
            (r#"{"of": 3.5}"#, 8),
            (r#"{"of": "a\"b"}"#, 8),
            (r#"{"of": true}"#, 8),
            (r#"{"of": 3, "x": 1}"#, 11),
        ] {
            let d = super::parse_document::<T>(text, super::Format::Json).unwrap_err();
            assert_eq!(d.location.unwrap().column, column, "{text}: {d}");
        }
    }

    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        year: i32,
    }

    #[test]
    fn every_entry_of_an_array_of_tables_is_read_alone() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Row {
            unit: String,
            score: Option<f64>,
        }
        let source = "index = \"x\"\n\n[[result]]\nunit = \"a\"\nscore = \"9\"\n\n[[result]]\nunit = \"b\"\nscore = 8\n\n[[result]]\nunit = \"c\"\nscroe = 7\n";
        let problems = toml_entry_problems::<Row>(source, "result", &[]);
        let at: Vec<(usize, usize)> = problems
            .iter()
            .map(|d| d.location.map_or((0, 0), |l| (l.line, l.column)))
            .collect();
        assert_eq!(at, [(5, 9), (13, 1)], "{problems:?}");
        assert!(problems[1]
            .hint
            .as_deref()
            .unwrap_or_default()
            .contains("score"));
        // Not TOML at all, or no such array: nothing more to tell.
        assert!(toml_entry_problems::<Row>("x = ", "result", &[]).is_empty());
        assert!(toml_entry_problems::<Row>("x = 1\n", "result", &[]).is_empty());
    }

    #[test]
    fn toml_errors_point_at_the_value() {
        let d = parse_document::<Doc>("\nyear = \"x\"\n", Format::Toml).unwrap_err();
        let loc = d.location.unwrap();
        assert_eq!((loc.line, loc.column), (2, 8));
        assert_eq!(
            d.message,
            "found the text \"x\" where a whole number was expected"
        );
    }

    #[test]
    fn json_errors_point_at_the_value() {
        let d = parse_document::<Doc>("{\n  \"year\": true\n}", Format::Json).unwrap_err();
        assert_eq!(d.location.unwrap().line, 2);
        assert!(!d.message.contains(" at line "));
    }

    #[test]
    fn unknown_and_missing_keys_get_hints() {
        let d = parse_document::<Doc>("yaer = 2023", Format::Toml).unwrap_err();
        assert_eq!(d.message, "unknown key `yaer`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `year`?"));
        let d = parse_document::<Doc>(r#"{"colour": 1}"#, Format::Json).unwrap_err();
        assert_eq!(d.hint.as_deref(), Some("the keys allowed here are `year`"));
        let d = parse_document::<Doc>("", Format::Toml).unwrap_err();
        assert_eq!(d.message, "the required key `year` is missing");
    }

    fn hint_of(source: &str) -> Option<String> {
        parse_document::<toml::Table>(source, Format::Toml)
            .unwrap_err()
            .hint
    }

    #[test]
    fn a_decimal_comma_gets_a_hint() {
        assert_eq!(
            hint_of("year = 2023\nscore = 90,5\n").as_deref(),
            Some("in a .toml file, decimals are written with a point: score = 90.5")
        );
        assert_eq!(
            hint_of("score = -1,25 # note").as_deref(),
            Some("in a .toml file, decimals are written with a point: score = -1.25")
        );
    }

    #[test]
    fn a_decimal_comma_inside_an_inline_table_gets_a_hint() {
        assert_eq!(
            hint_of("c = { score = 11,5, decimals = 1 }\n").as_deref(),
            Some("in a .toml file, decimals are written with a point: score = 11.5")
        );
        assert_eq!(
            super::inline_decimal_comma("c = { a = -0,25 }").as_deref(),
            Some("a = -0.25")
        );
        // Two values, not one number.
        assert_eq!(super::inline_decimal_comma("c = { a = 1, b = 2 }"), None);
        assert_eq!(super::inline_decimal_comma("c = [1,2]"), None);
    }

    #[test]
    fn a_day_month_year_date_gets_a_hint() {
        assert_eq!(
            hint_of("date = 20/02/2025").as_deref(),
            Some("write dates as year-month-day, without quotes: date = 2025-02-20")
        );
        assert_eq!(
            hint_of("date = 7.5.2024").as_deref(),
            Some("write dates as year-month-day, without quotes: date = 2024-05-07")
        );
    }

    #[test]
    fn a_repeated_single_bracket_header_gets_a_hint() {
        for source in [
            "[result]\nunit = \"a\"\n[result]\nunit = \"b\"\n",
            "[result]]\nunit = \"a\"\n",
        ] {
            let hint = hint_of(source).unwrap_or_default();
            assert!(hint.contains("`[[result]]`"), "{source}: {hint}");
        }
        // `[source]` is one table, not a list: written twice, it is only
        // a duplicate.
        assert_eq!(hint_of("[source]\ntitle = \"a\"\n[source]\n"), None);
    }

    #[test]
    fn text_without_quotes_gets_a_hint() {
        assert_eq!(
            hint_of("name = Sở Nội vụ").as_deref(),
            Some("put text in double quotes, e.g. name = \"Sở Nội vụ\"")
        );
        // A header is no text: a broken one is told its brackets.
        assert!(hint_of("[[result]\n").is_some_and(|h| h.contains("`[[result]]`")));
    }

    #[test]
    fn a_date_in_json_that_does_not_parse_is_said_plainly() {
        #[derive(Debug, Deserialize)]
        struct Dated {
            #[allow(dead_code)]
            date: crate::date::Date,
        }
        let d = parse_document::<Dated>(r#"{"date": "20/02/2025"}"#, Format::Json).unwrap_err();
        assert_eq!(
            d.message,
            "`20/02/2025` is not a date; write it as YYYY-MM-DD, e.g. 2024-02-22"
        );
    }

    #[test]
    fn a_negative_whole_number_is_said_plainly() {
        #[derive(Debug, Deserialize)]
        struct Ranked {
            #[allow(dead_code)]
            rank: u32,
        }
        let d = parse_document::<Ranked>("rank = -1", Format::Toml).unwrap_err();
        assert_eq!(d.message, "the number -1 cannot be negative");
        #[derive(Debug, Deserialize)]
        struct Scored {
            #[allow(dead_code)]
            score: f64,
        }
        let d = parse_document::<Scored>("score = 99999999999999999999", Format::Toml).unwrap_err();
        assert_eq!(d.message, "the number 99999999999999999999 is too large");
    }

    #[test]
    fn a_whole_number_out_of_range_is_said_with_the_range() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Numbers {
            count: Option<u64>,
            year: Option<i32>,
            rank: Option<u32>,
        }
        let toml = |source: &str| {
            let d = parse_document::<Numbers>(source, Format::Toml).unwrap_err();
            let at = d.location.map(|l| (l.line, l.column));
            (d.message, at)
        };
        let max = u64::MAX;
        assert_eq!(
            toml("count = 99999999999999999999"),
            (
                format!("the number 99999999999999999999 is out of range (from 0 to {max})"),
                Some((1, 9))
            )
        );
        assert_eq!(
            toml("year = 9223372036854775807").0,
            "the number 9223372036854775807 is out of range (from -2147483648 to 2147483647)"
        );
        assert_eq!(
            toml("rank = 18446744073709551615").0,
            "the number 18446744073709551615 is out of range (from 0 to 4294967295)"
        );
        assert_eq!(
            toml("count = 999999999999999999999999999999999999999999").0,
            "the number is too large"
        );
        // Not a whole number at all: said as before.
        assert_eq!(
            toml("rank = 2.5").0,
            "found the number 2.5 where a whole number was expected"
        );
        let json = |source: &str| {
            parse_document::<Numbers>(source, Format::Json)
                .unwrap_err()
                .message
        };
        assert_eq!(json(r#"{"count": -1}"#), "the number -1 cannot be negative");
        // JSON reads a long whole number as a float.
        assert_eq!(
            json(r#"{"count": 99999999999999999999}"#),
            format!("the number 1e+20 is out of range (from 0 to {max})")
        );
        assert_eq!(json(r#"{"count": 1e999}"#), "the number is too large");
    }

    #[test]
    fn an_unknown_table_is_one_error_not_one_for_each_of_its_keys() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Settings {
            title: String,
            #[serde(default)]
            menu: Vec<Menu>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Menu {
            name: String,
            url: String,
        }
        let source = "title = \"t\"\n\n[[menus]]\nname = \"Tin\"\nurl = \"/tin-tuc/\"\n\n[[menu]]\nname = \"A\"\nurl = \"/\"\nextra = 1\n";
        let problems = parse_settings::<Settings>(source).unwrap_err();
        let said: Vec<String> = problems.iter().map(|d| d.message.clone()).collect();
        assert_eq!(problems.len(), 2, "{said:?}");
        assert!(said[0].contains("`menus`"), "{said:?}");
        assert!(said[1].contains("`extra`"), "{said:?}");
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(parse_document::<Doc>("year = 1\nyaer = 2", Format::Toml).is_err());
        assert!(parse_document::<Doc>(r#"{"year": 1, "yaer": 2}"#, Format::Json).is_err());
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct WithMenu {
        title: Option<String>,
        #[serde(default)]
        menu: Vec<MenuItem>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct MenuItem {
        name: String,
    }

    #[test]
    fn a_top_level_key_under_a_header_is_told_to_move_above_it() {
        let d = parse_document::<WithMenu>("[[menu]]\nname = \"a\"\ntitle = \"b\"\n", Format::Toml)
            .unwrap_err();
        let hint = d.hint.unwrap();
        assert!(hint.contains("above the first `[[menu]]`"), "{hint}");
        assert_eq!(d.location.map(|l| l.line), Some(3));
        // A key the top level does not take either keeps its own hint.
        let d = parse_document::<WithMenu>("[[menu]]\nname = \"a\"\nnmae = \"b\"\n", Format::Toml)
            .unwrap_err();
        assert!(!d.hint.unwrap().contains("[[menu]]"));
    }
}

#[cfg(test)]
mod syntax_tests {
    use super::*;

    #[test]
    fn every_syntax_error_is_told_at_its_place() {
        let source = "a = 1\n[[result]]\nx = 90.53%\n[[result]]\ny = \u{a0}89.1\nz = 85,5\n";
        let (problems, text, blanked) = toml_syntax_problems(source);
        let mut lines: Vec<usize> = problems
            .iter()
            .filter_map(|d| d.location.map(|l| l.line))
            .collect();
        lines.sort_unstable();
        assert_eq!(lines, [3, 5, 6]);
        // Blanked with spaces: the same length, every other line kept.
        assert_eq!(text.len(), source.len());
        assert!(text.starts_with("a = 1\n[[result]]\n"));
        assert_eq!(blanked.len(), 3);
        assert!(toml::de::DeTable::parse(&text).is_ok());
        // A document without a syntax error has none to tell.
        assert!(toml_syntax_problems("a = 1\n").0.is_empty());
    }

    #[test]
    fn a_broken_header_is_told_once_not_its_keys_as_duplicates() {
        let source =
            "[[result]]\nunit = \"a\"\nscore = 1\n\n[[result]\nunit = \"b\"\nscore = 2\n\n\
                      [[result]]\nunit = \"c\"\nscore = 3,5\n";
        let (problems, text, _) = toml_syntax_problems(source);
        let lines: Vec<usize> = problems
            .iter()
            .filter_map(|d| d.location.map(|l| l.line))
            .collect();
        // The header, and the next entry's own mistake: no "duplicate key".
        assert_eq!(lines, [5, 11], "{problems:?}");
        assert_eq!(text.len(), source.len());
        assert_eq!(text.lines().count(), source.lines().count());
        assert!(text.contains("unit = \"c\""));
    }
}
