//! Data in articles: shortcodes written as HTML comments in Markdown,
//! expanded after Markdown into figures and tables from the model, so prose
//! never retypes a figure.
//!
//! ```text
//! <!-- chiso:ket-qua chi-so=par-index nam=2023 -->            88,35%, xếp thứ 18/63, tăng 10 bậc so với năm 2022
//! <!-- chiso:ket-qua chi-so=sipas nam=2023 hien=hang -->      4/63
//! <!-- chiso:khoi chi-so=cchc-tinh nam=2023 khoi=so-ban-nganh hien=binh-quan -->   90,53%
//! <!-- chiso:bang-xep-hang nam=2023 khoi=so-ban-nganh -->     the whole ranking table
//! ```
//!
//! A comment passes through Markdown untouched (inline, in a table cell, or
//! as a block of its own), and any other text, `{{` included, is left alone.
//! A `chiso:` comment that names an unknown shortcode, argument, index, unit
//! or table is an error with the article's file, never a silent blank.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::LazyLock;

use serde::Serialize;
use tera::{Context, Tera};

use super::cells::{self, on_one_line, Line};
use super::escape::{self, escape, safe};
use super::figure::{self, Format, DERIVED_MARK, ILLUSTRATIVE_MARK, MISSING};
use super::urls::Urls;
use crate::messages::shortcode as sc;
use crate::model::{IndexId, Row, Site, Standing, Table};
use crate::shared_html::SharedHtml;
use crate::vi::{self, NBSP};

/// How a call is written (and shown in messages): `<!-- chiso:… -->`.
const OPEN: &str = "<!-- chiso:";
/// What a call is found by: a comment whose text starts with `chiso:` in
/// any case, after any spaces or line breaks (`<!--chiso:…`, `<!-- CHISO:…`,
/// a call over lines). The comment's `<!--` is found by its `!--`, which a
/// comment never closed (`<!-- chiso:… ->`, printed as text) keeps as
/// `&lt;!--`.
const COMMENT: &str = "!--";
const NAME: &[u8; 6] = b"chiso:";
const CLOSE: &str = "-->";
/// A comment's opening as written in HTML, `<!--`.
const COMMENT_OPEN: &[u8] = b"<!--";

/// What a shortcode needs from the site.
pub struct Env<'a> {
    pub site: &'a Site,
    pub urls: &'a Urls,
}

/// An article body with its shortcodes expanded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expanded {
    /// Shared with the article when it calls no shortcode (most do not).
    pub html: SharedHtml,
    /// Some figure printed is illustrative (and marked `*`), so the page
    /// shows the notice.
    pub illustrative: bool,
}

/// A call that could not be expanded: its text between `<!-- chiso:` and
/// `-->` (trimmed; empty for a call never closed), to find it in the
/// article, and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct BadCall {
    pub call: String,
    pub message: String,
}

/// [`expand`], sharing `html` itself when it calls no shortcode: a body
/// is not held twice.
pub fn expand_shared(html: &SharedHtml, env: &Env) -> Result<Expanded, Vec<BadCall>> {
    if calls(html).next().is_none() {
        return Ok(Expanded {
            html: html.clone(),
            illustrative: false,
        });
    }
    expand(html, env)
}

/// Expands every shortcode in `html`; the error lists every bad call, in
/// the order they come.
pub fn expand(html: &str, env: &Env) -> Result<Expanded, Vec<BadCall>> {
    let mut out = String::with_capacity(html.len());
    let mut illustrative = false;
    let mut bad = Vec::new();
    let mut plain = 0;
    for written in calls(html) {
        out.push_str(&html[plain..written.start]);
        plain = written.end;
        let Some(call) = written.call else {
            bad.push(BadCall {
                call: String::new(),
                message: sc::not_closed(OPEN, CLOSE),
            });
            continue;
        };
        match run(call, env) {
            Ok((text, marked)) => {
                out.push_str(&text);
                illustrative |= marked;
            }
            Err(e) => bad.push(BadCall {
                call: call.to_owned(),
                message: sc::in_call(OPEN, call, CLOSE, &e),
            }),
        }
    }
    if !bad.is_empty() {
        return Err(bad);
    }
    out.push_str(&html[plain..]);
    Ok(Expanded {
        html: out.into(),
        illustrative,
    })
}

/// Where each bad call is in `source`, the article's text: for each, in
/// order (the body has them in the source's order), the next call written
/// the same way; `None` for one not found. The same call also written
/// inside a code span or block before it (not a call there) would be named
/// instead.
pub fn locate_calls(source: &str, bad: &[BadCall]) -> Vec<Option<usize>> {
    let written: Vec<Written> = calls(source).collect();
    let mut next = 0;
    bad.iter()
        .map(|b| {
            let found = written[next..]
                .iter()
                .position(|w| w.call.unwrap_or_default() == b.call)?;
            next += found + 1;
            Some(written[next - 1].start)
        })
        .collect()
}

/// A call as written in a text: where its `<!--` is, its text between
/// `chiso:` and `-->` (trimmed; `None` for a call never closed, which runs
/// to the end of the text), and where it ends.
struct Written<'a> {
    start: usize,
    call: Option<&'a str>,
    end: usize,
}

/// The calls of `text`, in order: comments whose text starts with `chiso:`
/// after any spaces or line breaks. Every article's body is searched, and
/// few hold a comment: memchr's vectorized search finds that out several
/// times faster than `str::find`.
fn calls(text: &str) -> impl Iterator<Item = Written<'_>> {
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(COMMENT));
    let mut from = 0;
    let mut code = CodeSpans::default();
    // Where the next `-->` at or after a position is: once none is found,
    // no later call is closed either (searching again for each of many
    // unclosed calls was quadratic, adv25 F4).
    let mut close: Option<Option<usize>> = None;
    std::iter::from_fn(move || {
        while let Some(i) = FINDER.find(&text.as_bytes()[from..]) {
            let bang = from + i;
            from = bang + COMMENT.len();
            let before = &text[..bang];
            let (start, printed) = if before.ends_with('<') {
                (bang - 1, false)
            } else if before.ends_with("&lt;") && !code.is_open_at(text, bang) {
                (bang - "&lt;".len(), true)
            } else {
                continue;
            };
            let rest = text[from..].trim_start();
            if !rest
                .as_bytes()
                .get(..NAME.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(NAME))
            {
                continue;
            }
            let name = &rest[NAME.len()..];
            let call_at = text.len() - name.len();
            if printed {
                // Never closed, so printed as text: an error, not a call.
                from = call_at;
                return Some(Written {
                    start,
                    call: None,
                    end: call_at,
                });
            }
            // A comment opened before this one's `-->` means this one was
            // never closed (`<!-- chiso:… ->` in an article's text).
            let next_close = match close {
                Some(Some(at)) if at >= call_at => Some(at),
                Some(None) => None,
                _ => text[call_at..].find(CLOSE).map(|end| call_at + end),
            };
            close = Some(next_close);
            let end = next_close.map(|at| at - call_at).filter(|&end| {
                memchr::memmem::find(&name.as_bytes()[..end], COMMENT_OPEN).is_none()
            });
            let written = match end {
                Some(end) => Written {
                    start,
                    call: Some(name[..end].trim()),
                    end: call_at + end + CLOSE.len(),
                },
                None => Written {
                    start,
                    call: None,
                    end: call_at,
                },
            };
            from = written.end;
            return Some(written);
        }
        None
    })
}

/// Whether a place in an HTML text is inside a `<code>` element: a call
/// shown in a code span or block (`&lt;!-- chiso:… --&gt;`) is an example,
/// not a call never closed. Asked at places further and further on, it
/// reads the text once (searching back from each place was quadratic in
/// the number of places, adv25 F4).
#[derive(Default)]
struct CodeSpans {
    /// How far the text has been read.
    read: usize,
    /// Whether the text read so far ends inside a `<code>` element.
    open: bool,
}

impl CodeSpans {
    /// Whether `at` (not before the last place asked) is inside `<code>`.
    fn is_open_at(&mut self, html: &str, at: usize) -> bool {
        let bytes = &html.as_bytes()[self.read.min(at)..at];
        let mut k = 0;
        while let Some(i) = memchr::memchr(b'<', &bytes[k..]) {
            let tag = &bytes[k + i..];
            if tag.starts_with(b"<code") {
                self.open = true;
            } else if tag.starts_with(b"</code>") {
                self.open = false;
            }
            k += i + 1;
        }
        self.read = at;
        self.open
    }
}

/// What one call renders: its HTML, and whether it shows an illustrative
/// figure.
type Rendered = (String, bool);

/// One shortcode: its name, the arguments it takes, and its renderer.
struct Shortcode {
    name: &'static str,
    arguments: &'static [&'static str],
    render: fn(&Env, &Call) -> Result<Rendered, String>,
}

/// Every shortcode: the one place a name, its arguments and its renderer
/// are written (`messages::shortcode::unknown` lists the names for
/// editors).
const SHORTCODES: &[Shortcode] = &[
    Shortcode {
        name: "ket-qua",
        arguments: &["chi-so", "nam", "don-vi", "khoi", "hien", "linh-vuc"],
        render: unit_result,
    },
    Shortcode {
        name: "khoi",
        arguments: &["chi-so", "nam", "khoi", "hien"],
        render: group_figure,
    },
    Shortcode {
        name: "bang-xep-hang",
        arguments: &["chi-so", "nam", "khoi"],
        render: ranking_table,
    },
];

/// A call's arguments, checked against its shortcode, and its year (every
/// shortcode takes `nam`).
struct Call<'a> {
    args: BTreeMap<&'a str, &'a str>,
    year: i32,
}

impl Call<'_> {
    /// `hien=…`, what to show.
    fn show(&self) -> Option<&str> {
        self.args.get("hien").copied()
    }
}

/// The HTML of one call, and whether it shows an illustrative figure.
fn run(call: &str, env: &Env) -> Result<Rendered, String> {
    let words = call_words(call);
    let mut words = words.iter().copied();
    let name = words.next().unwrap_or_default();
    let mut args = BTreeMap::new();
    for word in words {
        // `chi-so=par-index, nam=2023`: arguments are separated by spaces.
        if word.ends_with([',', ';']) {
            return Err(sc::comma_between_arguments(word));
        }
        let (key, value) = word.split_once('=').ok_or_else(|| sc::key_value(word))?;
        let value = value.trim_matches('"');
        // Which one was meant cannot be known: the last silently won.
        if let Some(first) = args.insert(key, value) {
            return Err(sc::argument_twice(key, first, value));
        }
    }
    let shortcode = SHORTCODES
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| sc::unknown(name))?;
    let allowed = shortcode.arguments;
    if let Some(bad) = args.keys().find(|k| !allowed.contains(k)) {
        return Err(sc::unknown_argument(bad, name, &allowed.join(", ")));
    }
    let year: i32 = args
        .get("nam")
        .ok_or_else(|| sc::missing_argument("nam", "the year"))?
        .parse()
        .map_err(|_| sc::bad_year())?;
    (shortcode.render)(env, &Call { args, year })
}

/// A call's words, split at spaces except inside a quoted value
/// (`don-vi="Sở Nội vụ"` is one word, so that a name written where an id
/// goes is told as that, not as a word without `=`).
fn call_words(call: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut rest = call.trim_start();
    while !rest.is_empty() {
        let end = match rest.find('=') {
            Some(eq)
                if rest[eq + 1..].starts_with('"') && !rest[..eq].contains(char::is_whitespace) =>
            {
                let after = eq + 2;
                rest[after..]
                    .find('"')
                    .map_or(rest.len(), |close| after + close + 1)
            }
            _ => rest.find(char::is_whitespace).unwrap_or(rest.len()),
        };
        words.push(&rest[..end]);
        rest = rest[end..].trim_start();
    }
    words
}

fn index_of(env: &Env, id: &str) -> Result<IndexId, String> {
    env.site.index_named(id).ok_or_else(|| {
        let named = env.site.indices.iter().find(|d| {
            [&d.name, &d.short_name]
                .iter()
                .any(|n| crate::vi::fold(n) == crate::vi::fold(id))
        });
        if let Some(index) = named {
            return sc::id_not_name("chi-so", &index.id);
        }
        let ids = env.site.indices.iter().map(|d| d.id.as_str());
        no_such("index", id, ids)
    })
}

/// "There is no unit `so-noi-vuu`", with the nearest id when one is near.
fn no_such<'a>(what: &str, id: &str, ids: impl IntoIterator<Item = &'a str>) -> String {
    match crate::diagnostic::closest(id, ids) {
        Some(near) => sc::no_such_near(what, id, near),
        None => sc::no_such(what, id),
    }
}

/// The one table of `nam`, `khoi` and (if given) `chi-so`.
fn find_table<'a>(
    env: &'a Env,
    args: &BTreeMap<&str, &str>,
    year: i32,
) -> Result<&'a Table, String> {
    let group_id = args
        .get("khoi")
        .ok_or_else(|| sc::missing_argument("khoi", "the group"))?;
    let group = env.site.group_named(group_id).ok_or_else(|| {
        let folded = crate::vi::fold(group_id);
        if let Some(g) = env
            .site
            .groups
            .iter()
            .find(|g| crate::vi::fold(&g.name) == folded)
        {
            return sc::id_not_name("khoi", &g.id);
        }
        let ids = env.site.groups.iter().map(|g| g.id.as_str());
        no_such("group", group_id, ids)
    })?;
    let index = args.get("chi-so").map(|id| index_of(env, id)).transpose()?;
    let found: Vec<&Table> = env
        .site
        .tables
        .iter()
        .filter(|t| t.year == year && t.group == group && index.is_none_or(|i| t.index == i))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(
            match waiting_table(
                env,
                year,
                Some(group_id),
                index.map(|i| env.site.indices[i].id.as_str()),
            ) {
                Some(file) => sc::table_waiting(year, &file.display().to_string()),
                None => {
                    let mut years: Vec<i32> = env
                        .site
                        .tables
                        .iter()
                        .filter(|t| t.group == group && index.is_none_or(|i| t.index == i))
                        .map(|t| t.year)
                        .collect();
                    years.dedup();
                    let years: Vec<String> = years.iter().map(i32::to_string).collect();
                    match years.is_empty() {
                        true => sc::no_table(group_id, year),
                        false => sc::no_table_in_year(group_id, year, &years.join(", ")),
                    }
                }
            },
        ),
        _ => Err(sc::several_indices()),
    }
}

/// The file of a table of `year` (of `group` and `index` when given) that
/// waits for its results, if one does.
fn waiting_table<'a>(
    env: &'a Env,
    year: i32,
    group: Option<&str>,
    index: Option<&str>,
) -> Option<&'a std::path::Path> {
    env.site
        .waiting
        .iter()
        .find(|w| {
            w.year == year
                && group.is_none_or(|g| w.group == g)
                && index.is_none_or(|i| w.index == i)
        })
        .map(|w| w.file.as_path())
}

/// How `table`'s figures print, at `decimals`.
fn format<'a>(env: &Env<'a>, table: &Table, decimals: u32) -> Format<'a> {
    Format {
        decimals,
        unit_label: &env.site.indices[table.index].unit_label,
    }
}

fn value_text(env: &Env, table: &Table, value: f64, decimals: u32) -> String {
    format(env, table, decimals).value(value)
}

/// "18/63"; `bare` leaves out "of" (a complete table's rank column).
fn rank_text(table: &Table, row: &Row, bare: bool) -> Option<String> {
    let rank = row.rank?;
    let mut text = match row.of.or(table.ranked) {
        Some(of) if !bare => format!("{rank}/{of}"),
        _ => rank.to_string(),
    };
    // A unit sharing its place is not said to hold it alone.
    let tied = row.tied && !bare;
    // A published rank kept against the table's is said beside it; a
    // rank the source never printed says it was computed.
    if let Some(published) = &row.rank_disputed {
        let of = published.of.map(|of| format!("/{of}")).unwrap_or_default();
        let tied = if tied { "đồng hạng; " } else { "" };
        text.push_str(&format!(
            " ({tied}công bố: thứ{NBSP}{}{of})",
            published.rank
        ));
    } else if !bare && row.rank_computed() {
        text.push_str(if tied {
            " (đồng hạng, tính từ bảng)"
        } else {
            DERIVED_MARK
        });
    } else if tied {
        text.push_str(" (đồng hạng)");
    }
    Some(text)
}

/// The change in places as published, when an article should quote it
/// rather than the derived one: one chiso could not derive, one against
/// another year than the derived one, or one kept against the derived
/// one with `disputed` (both are said, as the pages say them). A change
/// across rankings chiso does not compare (63 provinces, then 34) says
/// why, as the change cell does.
fn published_change(env: &Env, row: &Row, year: i32) -> Option<String> {
    let stated = row.stated_change.as_ref()?;
    let places = stated.places?;
    let caveat = row
        .comparison
        .change()
        .filter(|c| c.previous_year == stated.since)
        .and_then(|c| cells::places_not_compared(c, year))
        // A unit merged in: why nothing is compared (adv22 m1).
        .or_else(|| {
            no_change_phrase(env, row)
                .filter(|w| w.starts_with("không so sánh"))
                .map(|w| cells::flat(&w))
        })
        .map_or(String::new(), |words| format!("; {words}"));
    let phrase = |d: i64| on_one_line(&vi::rank_change_phrase(d));
    let against_derived = row
        .comparison
        .change()
        .is_some_and(|c| c.rank_delta.is_some() && c.previous_year == stated.since);
    // The year as the publication named it; the derived change's, which
    // the publication did not name, after the derived figure.
    let published = format!("{}{}", phrase(places), cells::against(stated));
    let derived_year = if stated.since_stated {
        String::new()
    } else {
        format!(" so với năm {}", stated.since)
    };
    match stated.standing {
        Standing::Disputed => {
            let derived = stated.derived.as_ref().and_then(|d| d.rank_delta);
            Some(match derived {
                Some(d) => format!(
                    "{published} (công bố; tính từ bảng: {}{derived_year})",
                    phrase(d)
                ),
                None => format!("{published} (số liệu công bố{caveat})"),
            })
        }
        _ if against_derived => None,
        _ => Some(format!("{published} (số liệu công bố{caveat})")),
    }
}

/// `text` with `aside` in brackets after it, in the brackets it ends with
/// if it does ("giảm 0,10 điểm (tính từ bảng; không so sánh thứ hạng: …)"),
/// not a second pair.
fn with_aside(text: &str, aside: &str) -> String {
    match text.strip_suffix(')') {
        Some(open) => format!("{open}; {aside})"),
        None => format!("{text} ({aside})"),
    }
}

/// " (tính từ bảng)" after a figure chiso `computed`, else nothing.
fn computed_mark(computed: bool) -> &'static str {
    if computed {
        DERIVED_MARK
    } else {
        ""
    }
}

/// `ket-qua`: a unit's result (score, rank, change, points, regional
/// ranks, or one component).
fn unit_result(env: &Env, call: &Call) -> Result<Rendered, String> {
    let (args, year, show) = (&call.args, call.year, call.show());
    let index = index_of(
        env,
        args.get("chi-so")
            .ok_or_else(|| sc::missing_argument("chi-so", "the index"))?,
    )?;
    // The unit named, or the site's home unit (`home_unit`, checked when
    // the configuration was read).
    let unit = match args.get("don-vi") {
        Some(id) => env.site.unit_named(id).ok_or_else(|| {
            let folded = crate::vi::fold(id);
            let named = env.site.units.iter().find(|u| {
                std::iter::once(&u.name)
                    .chain(&u.former_names)
                    .any(|n| crate::vi::fold(n) == folded)
            });
            if let Some(unit) = named {
                return sc::id_not_name("don-vi", &unit.id);
            }
            let ids = env.site.units.iter().map(|u| u.id.as_str());
            no_such("unit", id, ids)
        })?,
        None => env.site.home_unit.ok_or_else(sc::no_unit_named)?,
    };
    let unit_id = env.site.units[unit].id.as_str();
    // A group that does not exist has no result: the same message as a
    // group without one.
    let group = args.get("khoi").map(|id| env.site.group_named(id));
    let (table, row) = env
        .site
        .tables
        .iter()
        .filter(|t| t.index == index && t.year == year)
        .filter(|t| group.is_none_or(|g| g == Some(t.group)))
        .find_map(|t| t.rows.iter().find(|r| r.unit == unit).map(|r| (t, r)))
        .ok_or_else(|| {
            // The unit's group's table of that year may be waiting for its
            // results.
            let unit_group = env.site.units[unit]
                .group
                .map(|g| env.site.groups[g].id.as_str());
            let group = args.get("khoi").copied().or(unit_group);
            let index_id = env.site.indices[index].id.as_str();
            match waiting_table(env, year, group, Some(index_id)) {
                Some(file) => sc::table_waiting(year, &file.display().to_string()),
                None => {
                    // The years the unit has a result of this index in.
                    let mut years: Vec<String> = env
                        .site
                        .results_of(unit)
                        .filter(|r| r.table.index == index)
                        .map(|r| r.table.year.to_string())
                        .collect();
                    years.dedup();
                    let merged = env.site.units[unit]
                        .merged_into
                        .filter(|_| env.site.units[unit].active_to.is_some_and(|to| year > to));
                    match (merged, years.is_empty()) {
                        // Merged into another unit before that year: its
                        // result is the other's.
                        (Some(into), _) => sc::no_result_merged(
                            unit_id,
                            year,
                            &env.site.units[into].id,
                            &env.site.units[into].name,
                        ),
                        (None, true) => sc::no_result(unit_id, "result", year),
                        (None, false) => sc::no_result_in_year(unit_id, year, &years.join(", ")),
                    }
                }
            }
        })?;
    // Each figure made from an illustrative score carries its own `*`,
    // as the pages mark them: `STAR` stands for it until the text is
    // escaped.
    let star = |marked: bool| if marked { STAR } else { "" };
    // A published figure kept against the table's says both, as the page's
    // note does (a sentence has no room for the page's ‡ and its note).
    let value = row
        .value
        .map(|v| {
            let text = value_text(env, table, v, row.decimals);
            let text = format!("{text}{}", star(row.illustrative));
            match (&row.disputed, row.points, row.max_points) {
                (Some(d), ..) => format!(
                    "{text} (công bố; tính từ bảng: {})",
                    value_text(env, table, d.derived, row.decimals)
                ),
                // The publication printed the points alone: the percent
                // is chiso's arithmetic, and says of what.
                (None, Some(points), Some(max)) if row.value_from_points() => format!(
                    "{text} (tính từ điểm đạt {}/{})",
                    vi::format_number(points, row.points_decimals),
                    vi::format_number(max, row.max_points_decimals)
                ),
                (None, ..) => text,
            }
        })
        .or_else(|| {
            let format = format(env, table, row.decimals);
            row.threshold.map(|t| figure::threshold_text(format, t))
        });
    let number = row
        .value
        .map(|v| format(env, table, row.decimals).number(v));
    // The mark goes on the figure, before what is said of it in brackets.
    let rank = rank_text(table, row, false).map(|r| {
        let (figure, notes) = r.split_at(r.find(" (").unwrap_or(r.len()));
        format!("{figure}{}{notes}", star(row.rank_illustrative()))
    });
    let change = published_change(env, row, table.year).or_else(|| {
        row.comparison
            .change()
            .and_then(|c| {
                Some((
                    c.rank_delta?,
                    c.previous_year,
                    c.rank_disputed,
                    c.illustrative,
                ))
            })
            .map(|(d, y, disputed, illustrative)| {
                // Counted from a rank the table gives against the
                // published one: the sentence says so.
                let origin = if disputed {
                    " (tính từ thứ hạng theo bảng, không theo thứ hạng công bố)"
                } else {
                    computed_mark(row.change_computed())
                };
                format!(
                    "{}{} so với năm {y}{origin}",
                    on_one_line(&vi::rank_change_phrase(d)),
                    star(illustrative),
                )
            })
    });
    let points_change = row.comparison.change().and_then(|c| {
        let unit_label = &env.site.indices[table.index].unit_label;
        let (phrase, _) = figure::score_change(c.value_delta?, c.decimals, unit_label);
        // Computed unless a published change gave the same points.
        let published = row
            .stated_change
            .as_ref()
            .is_some_and(|s| s.points.is_some());
        // Made from a disputed published value: the sentence says so, in
        // the words of a change from a disputed rank.
        let origin = if c.value_disputed {
            " (tính từ tỷ lệ theo điểm trong bảng, không theo tỷ lệ công bố)"
        } else {
            computed_mark(row.change_computed() || !published)
        };
        Some(format!(
            "{phrase}{} so với năm {}{origin}",
            star(c.points_illustrative),
            c.previous_year,
        ))
    });
    // A change in points as published, on a line that had none to derive
    // (a score without a rank): the sentence gives it as the card does.
    let published_points = || {
        let stated = row.stated_change.as_ref()?;
        let unit_label = &env.site.indices[table.index].unit_label;
        let (phrase, _) = figure::score_change(stated.points?, stated.points_decimals, unit_label);
        let since = super::cells::against(stated);
        Some(format!("{phrase}{since} (công bố)"))
    };
    let regional = row
        .regional
        .iter()
        .map(|r| {
            let of = r.of.map(|o| format!("/{o}")).unwrap_or_default();
            format!(
                "xếp thứ{NBSP}{}{of} {}",
                r.rank, env.site.regions[r.region].name
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let missing = |what: &str| sc::no_result(unit_id, what, year);
    if let Some(component) = args.get("linh-vuc") {
        return component_result(env, table, row, component, show).map(|t| (t, row.illustrative));
    }
    let show = show.unwrap_or("day-du");
    // A line left out of the ranking: the ranking page shows its
    // published score, if any, and no other figure; so does the article.
    if let Some(reason) = row.not_ranked.as_deref().filter(|r| !r.is_empty()) {
        match (show, &value) {
            // Escaped and marked as every other figure the call prints.
            ("day-du", Some(value)) => {
                let value = escape(value).replace(STAR, ILLUSTRATIVE_MARK);
                return Ok((format!("{value} (không xếp hạng)"), row.illustrative));
            }
            ("day-du", None) => return Ok(("không xếp hạng".to_owned(), false)),
            ("diem" | "so", Some(_)) => {}
            _ => return Err(sc::not_ranked(unit_id, year, reason)),
        }
    }
    // The line's band by name (`Khá`), marked when computed from an
    // illustrative score, said computed when chiso derived it, and with
    // the table's beside a stated one kept against it, as the page shows
    // them; a line rated only in a band says it in full.
    let band = row.band.as_ref().map(|b| {
        let name = table.bands[b.band].name.as_str();
        let star = star(row.illustrative && !b.stated);
        match &b.disputed {
            Some((derived, _)) => {
                let derived =
                    derived.map_or("không đạt mức nào", |d| table.bands[d].name.as_str());
                format!("{name}‡ (công bố; tính từ bảng: {derived})")
            }
            None => format!("{name}{star}{}", computed_mark(!b.stated)),
        }
    });
    let text = match show {
        "day-du" => {
            let mut parts = Vec::new();
            parts.extend(value);
            let ranked = rank.is_some();
            parts.extend(rank.map(|r| format!("xếp thứ{NBSP}{r}")));
            match change {
                Some(change) => parts.push(change),
                // Without a rank, the change in points is the news.
                None if !ranked => {
                    parts.extend(points_change.clone().or_else(published_points));
                }
                // Why there is none, as the change cell says it: places
                // not compared (17 units, then 14) beside the points.
                None => match row
                    .comparison
                    .change()
                    .and_then(|c| cells::places_not_compared(c, table.year))
                {
                    Some(why) => parts.push(match &points_change {
                        Some(points) => with_aside(points, &why),
                        None => why,
                    }),
                    None => parts.extend(no_change_phrase(env, row)),
                },
            }
            if parts.is_empty() {
                parts.extend(band.map(|b| format!("xếp loại {b}")));
            }
            if parts.is_empty() {
                return Err(missing("figure"));
            }
            parts.join(", ")
        }
        "diem" => value.ok_or_else(|| missing("score"))?,
        // A bare number for a sentence: its marks, not the brackets.
        "so" => number
            .map(|n| {
                let disputed = if row.disputed_value().is_some() {
                    "‡"
                } else {
                    ""
                };
                format!("{n}{}{disputed}", star(row.illustrative))
            })
            .ok_or_else(|| missing("score"))?,
        "hang" => rank.ok_or_else(|| missing("rank"))?,
        "diem-dat" => match (row.points, row.max_points) {
            (Some(points), Some(max)) => format!(
                "{}/{}{}",
                vi::format_number(points, row.points_decimals),
                vi::format_number(max, row.max_points_decimals),
                star(row.illustrative)
            ),
            (None, _) => return Err(sc::no_points(unit_id, year)),
            (Some(_), None) => return Err(sc::no_max_points(unit_id, year)),
        },
        "thay-doi" => change.ok_or_else(|| {
            let why = |message| as_its_file_says(table, message);
            let fields = row.comparison.change().and_then(|c| {
                if c.rank_styles_differ.is_some() {
                    return Some(sc::ties_numbered_two_ways(unit_id, year, c.previous_year));
                }
                let (then, now) = c.fields_differ?;
                Some(sc::places_not_compared(
                    unit_id,
                    year,
                    c.previous_year,
                    then,
                    now,
                ))
            });
            why(fields.unwrap_or_else(|| match row.stated_change.as_ref() {
                Some(stated) if stated.points.is_some() => {
                    sc::stated_change_in_points_only(unit_id, year)
                }
                _ => no_change(env, row, unit_id, year),
            }))
        })?,
        // As published when nothing is derived, as the change cell does.
        "thay-doi-diem" => points_change.or_else(published_points).ok_or_else(|| {
            match row.stated_change.as_ref() {
                Some(stated) if stated.places.is_some() => {
                    sc::stated_change_in_places_only(unit_id, year)
                }
                _ => as_its_file_says(table, no_change(env, row, unit_id, year)),
            }
        })?,
        // A complete table's regional ranks the line does not state are
        // computed from it.
        "vung" if !regional.is_empty() && row.regional_computed() => {
            format!("{regional}{DERIVED_MARK}")
        }
        "vung" if !regional.is_empty() => regional,
        "vung" => return Err(missing("regional rank")),
        "xep-loai" => band.ok_or_else(|| missing("band"))?,
        other => {
            return Err(sc::bad_show(
                other,
                "day-du, diem, so, diem-dat, hang, thay-doi, thay-doi-diem, vung or xep-loai",
            ))
        }
    };
    let marked = text.contains(STAR);
    Ok((escape(&text).replace(STAR, ILLUSTRATIVE_MARK), marked))
}

/// `message`, which suggests what to write in the table's file, with the
/// keys in JSON when the file is JSON.
fn as_its_file_says(table: &Table, message: String) -> String {
    if table.file.extension().is_some_and(|e| e == "json") {
        crate::messages::json_hints::in_json(&message)
    } else {
        message
    }
}

/// Why a ranked line has no change, in the change cell's words, for the
/// full sentence: nothing when it was simply not compared.
fn no_change_phrase(env: &Env, row: &Row) -> Option<String> {
    let crate::model::Comparison::Unavailable(why) = &row.comparison else {
        return None;
    };
    cells::no_comparison_words(&super::views::NoComparisonView::new(env.site, why))
}

/// Why a line has no change to print, as the page's change cell says it.
fn no_change(env: &Env, row: &Row, unit: &str, year: i32) -> String {
    use crate::model::{Comparison, NoComparison};
    let site = env.site;
    match &row.comparison {
        Comparison::Unavailable(NoComparison::FirstResult {
            earlier_tables: true,
        }) => sc::no_change_first_result(unit, year),
        Comparison::Unavailable(NoComparison::FirstResult {
            earlier_tables: false,
        }) => sc::no_change_no_earlier(unit, year),
        Comparison::Unavailable(NoComparison::OtherGroup { year: then, group }) => {
            sc::no_change_other_group(unit, year, *then, &site.groups[*group].name)
        }
        Comparison::Unavailable(NoComparison::NotRankedThen { year: then }) => {
            sc::no_change_not_ranked_then(unit, year, *then)
        }
        Comparison::Unavailable(NoComparison::NotInTableThen { year: then }) => {
            sc::no_change_not_in_table_then(unit, year, *then)
        }
        Comparison::Unavailable(why @ NoComparison::Absorbed { year: then, .. }) => {
            // Every unit merged in, as the change cell names them.
            let merged = match super::views::NoComparisonView::new(site, why) {
                super::views::NoComparisonView::Absorbed {
                    merged,
                    second,
                    others,
                    ..
                } => match (others, second) {
                    (0, _) => merged.to_owned(),
                    (1, Some(second)) => sc::two_names(merged, second),
                    (n, _) => sc::name_and_more(merged, n),
                },
                _ => String::new(),
            };
            sc::no_change_absorbed(unit, year, *then, &merged)
        }
        Comparison::Change(_) | Comparison::NotRanked => {
            sc::no_result(unit, "change from an earlier year", year)
        }
    }
}

/// Where a sentence's `*` goes, until the sentence is escaped and it is
/// made the mark's HTML: a character of Unicode's private use area, which
/// escaping leaves alone and no figure or name of a site holds.
const STAR: &str = "\u{E000}";

/// One component of a unit's result: "13,969/14" (or "13,969" without a
/// maximum).
fn component_result(
    env: &Env,
    table: &Table,
    row: &Row,
    id: &str,
    show: Option<&str>,
) -> Result<String, String> {
    if let Some(other) = show.filter(|s| *s != "day-du") {
        return Err(sc::show_with_component(other));
    }
    let def = &env.site.indices[table.index];
    let c = def
        .components
        .iter()
        .position(|c| c.id == id)
        .ok_or_else(|| sc::no_component(&def.id, id))?;
    let value = row
        .components
        .iter()
        .find(|(i, _)| *i == c)
        .map(|(_, v)| *v)
        .ok_or_else(|| sc::no_component_score(id))?;
    let component = &def.components[c];
    let decimals = row.component_decimals(def, c);
    let mut text = figure::component(value, decimals, component.max);
    // A published score kept against the sum of its parts says both, as
    // the ranking page does.
    let derived_sum = row
        .component_figures
        .iter()
        .find(|f| f.component == c)
        .and_then(|f| f.derived_sum);
    if let Some(sum) = derived_sum {
        let _ = write!(
            text,
            " (công bố; tính từ bảng: {})",
            figure::component(sum, decimals, None)
        );
    }
    let mark = if row.illustrative {
        ILLUSTRATIVE_MARK
    } else {
        ""
    };
    Ok(format!("{}{mark}", escape(&text)))
}

/// `khoi`: a table's figures (average, count, band count, leaders).
fn group_figure(env: &Env, call: &Call) -> Result<Rendered, String> {
    let table = find_table(env, &call.args, call.year)?;
    group_html(env, table, call.show())
}

/// A group figure as HTML, and whether it is marked illustrative: an
/// average or a count computed from an illustrative line carries its `*`.
fn group_html(env: &Env, table: &Table, show: Option<&str>) -> Result<Rendered, String> {
    let illustrative = |marked: bool| if marked { ILLUSTRATIVE_MARK } else { "" };
    // A figure the site computed says so, as on the ranking page.
    // A published average kept against the table's says both, as
    // `ket-qua` says a disputed figure.
    let average_mark = illustrative(table.average_illustrative());
    let average = table.average.map(|a| {
        let text = value_text(env, table, a, table.average_decimals);
        match table.average_derived {
            Some(derived) => format!(
                "{}{average_mark}{}",
                escape(&text),
                escape(&format!(
                    " (công bố; tính từ bảng: {})",
                    value_text(env, table, derived, table.decimals)
                ))
            ),
            None => format!(
                "{}{average_mark}{}",
                escape(&text),
                computed_mark(!table.average_published)
            ),
        }
    });
    let top = table.top_band.map(|top| (top, top.count));
    let top_mark = format!(
        "{}{}",
        illustrative(table.top_band_illustrative()),
        computed_mark(!table.top_band_published())
    );
    let leaders: Vec<String> = table
        .rows
        .iter()
        .filter(|r| r.rank == Some(1))
        .map(|r| escape(&env.site.listed_name(r.unit, table.year)))
        .collect();
    let html = match show.unwrap_or("day-du") {
        "binh-quan" => average.ok_or_else(|| sc::table_lacks("average"))?,
        "binh-quan-so" => table
            .average
            .map(|a| {
                let number = format(env, table, table.average_decimals).number(a);
                format!("{}{average_mark}", escape(&number))
            })
            .ok_or_else(|| sc::table_lacks("average"))?,
        "so-don-vi" => table
            .ranked
            .ok_or_else(|| sc::table_lacks("count"))?
            .to_string(),
        "so-dat" => match (top, table.published_top_count()) {
            (Some((_, count)), _) => format!("{count}{top_mark}"),
            // As published, when the table gives no count of its own.
            (None, Some(published)) => published.count.to_string(),
            (None, None) if table.bands.is_empty() => return Err(sc::no_bands()),
            (None, None) => return Err(sc::table_lacks("band count")),
        },
        "dan-dau" if !leaders.is_empty() => leaders.join(" và "),
        "dan-dau" => return Err(sc::table_lacks("rank 1")),
        "day-du" => {
            let mut parts = Vec::new();
            parts.extend(average.map(|a| format!("bình quân {a}")));
            if let (Some((top, count)), Some(of)) = (top, table.rated()) {
                let min = escape(&format(env, table, table.decimals).threshold(top.threshold));
                parts.push(if top.strict {
                    format!("{count}/{of}{NBSP}đơn vị đạt trên {min}{top_mark}")
                } else {
                    format!("{count}/{of}{NBSP}đơn vị đạt từ {min} trở lên{top_mark}")
                });
            }
            if top.is_none() {
                // The counts the source published, as the page says them.
                let def = &env.site.indices[table.index];
                let counts: Vec<String> =
                    crate::render::views::BandCountView::all(table, def, env.urls)
                        .into_iter()
                        // Inside the sentence, as "bình quân" is.
                        .map(|c| escape(&vi::mid_sentence(&c.text)))
                        .collect();
                if !counts.is_empty() {
                    parts.push(counts.join("; "));
                }
            }
            if parts.is_empty() {
                return Err(sc::table_lacks("average or band count"));
            }
            parts.join(", ")
        }
        other => {
            return Err(sc::bad_show(
                other,
                "day-du, binh-quan, binh-quan-so, so-don-vi, so-dat or dan-dau",
            ))
        }
    };
    let marked = html.contains(ILLUSTRATIVE_MARK);
    Ok((html, marked))
}

/// `bang-xep-hang`: a whole ranking table.
fn ranking_table(env: &Env, call: &Call) -> Result<Rendered, String> {
    let table = find_table(env, &call.args, call.year)?;
    Ok((ranking_html(env, table)?, table.has_illustrative()))
}

/// The built-in template of `bang-xep-hang`, and its name.
const RANKING_TEMPLATE: (&str, &str) = (
    "shortcodes/bang-xep-hang.html",
    include_str!("templates/shortcodes/bang-xep-hang.html"),
);

/// The shortcodes' templates, parsed once (built in: a mistake in them is
/// chiso's, reported as a shortcode error rather than a panic).
static TEMPLATES: LazyLock<Result<Tera, String>> = LazyLock::new(|| {
    let mut tera = Tera::default();
    tera.set_escape_fn(escape::escape_to);
    let (name, text) = RANKING_TEMPLATE;
    tera.add_raw_template(name, text)
        .map_err(|e| e.to_string())?;
    Ok(tera)
});

/// What `bang-xep-hang`'s template reads.
#[derive(Serialize)]
struct RankingTableView<'a> {
    short_name: &'a str,
    year: i32,
    group: &'a str,
    /// Which columns the table has: a table of scores with no ranks, or a
    /// decision rating units only in bands, has no rank column; one with
    /// no score no score column; one with no band no band column.
    has_ranks: bool,
    /// A rank is computed: the column's head says so, as the ranking
    /// page's does.
    ranks_computed: bool,
    has_scores: bool,
    has_bands: bool,
    /// An extract of a ranking (a partial table with fewer lines than the
    /// units ranked).
    extract: bool,
    rows: Vec<RankingLineView<'a>>,
    /// The ranking page's section, and the table's downloads.
    url: String,
    csv: String,
    excel_csv: String,
    json: String,
    /// The table's average as printed, with what it is called and whether
    /// it was published.
    average_text: Option<String>,
    average_label: &'a str,
    average_published: bool,
    /// The average is computed from an illustrative line (marked *).
    average_illustrative: bool,
    /// The lines' notes, as the page gives them under the table: why a unit
    /// is not ranked, a disputed figure's two values, other published
    /// values; then the units left out (HTML, or empty).
    #[serde(serialize_with = "safe")]
    notes_html: String,
    /// Whether a figure shown is illustrative (marked *): the table says
    /// what the mark means, as its page does (a feed reader shows it alone).
    illustrative: bool,
    /// Where the figures come from: a table quoted in an article cites it
    /// as its page does.
    source: Option<crate::render::views::SourceView<'a>>,
    /// What the table shows that chiso computed, as its page's note says it
    /// ("thứ hạng", "xếp loại").
    derived: Vec<String>,
}

/// One line of `bang-xep-hang`: the score is the ranking pages' own cell.
#[derive(Serialize)]
struct RankingLineView<'a> {
    rank: String,
    name: std::borrow::Cow<'a, str>,
    url: String,
    #[serde(serialize_with = "safe")]
    score: String,
    band: String,
}

/// The units left out of a table on purpose and why, as its page says
/// under it (HTML), if any.
fn excluded_note(env: &Env, table: &Table) -> Option<String> {
    let left_out: Vec<String> = table
        .excluded
        .iter()
        .map(|(unit, reason)| {
            let name = env.site.listed_name(*unit, table.year);
            format!("{} ({})", escape(&name), escape(reason))
        })
        .collect();
    (!left_out.is_empty()).then(|| {
        format!(
            "<p class=\"note excluded\">Không có trong bảng: {}.</p>",
            left_out.join("; ")
        )
    })
}

/// The cells of one line of `bang-xep-hang`, as its page makes them: the
/// score with its marks, and the notes under the table that explain them
/// (not ranked and why, a disputed figure's two values and the note, other
/// published values).
fn line_cells(env: &Env, table: &Table, row: &Row) -> cells::Cells {
    let def = &env.site.indices[table.index];
    let note = |text: &str| crate::content::render_markdown(text, env.urls.markdown());
    let disputed_note = row.disputed.as_ref().map(|d| note(&d.note));
    let rank_note = row.rank_disputed.as_ref().map(|d| note(&d.note));
    cells::Cells::new(&Line {
        year: table.year,
        unit_name: &env.site.listed_name(row.unit, table.year),
        unit_label: &def.unit_label,
        value: row.value,
        decimals: row.decimals,
        points: row.points,
        points_decimals: row.points_decimals,
        max_points: row.max_points,
        max_points_decimals: row.max_points_decimals,
        rank: row.rank,
        of: row.of,
        of_note_html: "",
        threshold: row.threshold,
        disputed: row
            .disputed
            .as_ref()
            .map(|d| (d.derived, disputed_note.as_deref().unwrap_or_default())),
        disputed_bands: crate::render::cells::disputed_bands(table, row),
        rank_disputed: row
            .rank_disputed
            .as_ref()
            .map(|d| (d.rank, d.of, rank_note.as_deref().unwrap_or_default())),
        change: None,
        stated_change: None,
        disputed_html: "",
        no_comparison: None,
        illustrative: row.illustrative,
        rank_illustrative: row.rank_illustrative(),
        tied: row.tied,
        // Said by the table's own marks.
        rank_computed: false,
        not_ranked: row.not_ranked.as_deref(),
        alternatives: &row.alternatives,
        note_html: "",
        regional: Vec::new(),
    })
}

fn ranking_html(env: &Env, table: &Table) -> Result<String, String> {
    let site = env.site;
    let def = &site.indices[table.index];
    let group = &site.groups[table.group];
    let mut notes_html = String::new();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let unit = &site.units[row.unit];
            let cells = line_cells(env, table, row);
            notes_html.push_str(&cells.notes);
            RankingLineView {
                rank: rank_text(table, row, table.complete).map_or_else(
                    || MISSING.into(),
                    // Computed from illustrative scores, or a published
                    // rank kept against the table's: marked as the page
                    // marks them.
                    |r| {
                        let marks = figure::Marks {
                            illustrative: row.rank_illustrative(),
                            disputed: row.rank_disputed.is_some(),
                        };
                        // A complete table's bare rank says its tie after
                        // its marks, as the ranking page does.
                        let tied = table.complete && row.tied && row.rank_disputed.is_none();
                        let tied = if tied { " (đồng hạng)" } else { "" };
                        format!("{r}{}{tied}", marks.text())
                    },
                ),
                // As the table's year named it, as its page does.
                name: site.listed_name(row.unit, table.year),
                url: env.urls.unit(&unit.id),
                score: cells.score,
                band: row.band.as_ref().map_or(MISSING.to_owned(), |b| {
                    let name = &table.bands[b.band].name;
                    let derived = b.disputed.as_ref().map(|(derived, _)| {
                        derived.map_or("không đạt mức nào", |d| table.bands[d].name.as_str())
                    });
                    match (b.stated, derived, row.illustrative) {
                        (true, Some(derived), _) => {
                            format!("{name}‡ (công bố; tính từ bảng: {derived})")
                        }
                        (true, None, _) => format!("{name} (công bố)"),
                        (false, _, true) => format!("{name}*"),
                        (false, _, false) => name.clone(),
                    }
                }),
            }
        })
        .collect();
    notes_html.extend(excluded_note(env, table));
    let view = RankingTableView {
        short_name: &def.short_name,
        year: table.year,
        group: &group.name,
        has_ranks: !table.scores_only && table.has_ranks(),
        ranks_computed: table.complete && table.rows.iter().any(|r| r.rank_computed()),
        has_scores: table.has_scores(),
        has_bands: table.rows.iter().any(|r| r.band.is_some()),
        extract: table.is_extract(),
        rows,
        url: site
            .tables_of(table.year, table.group)
            .find(|&t| site.tables[t].index == table.index)
            .map_or_else(
                || env.urls.ranking(table.year, &group.id),
                |t| env.urls.table(site, t),
            ),
        csv: env.urls.data_file(table.year, &group.id, &def.id, "csv"),
        excel_csv: env.urls.data_file_named(
            table.year,
            &group.id,
            &def.id,
            crate::render::open_data::EXCEL_EXT,
        ),
        json: env.urls.data_file(table.year, &group.id, &def.id, "json"),
        // A published average kept against the table's is marked and says
        // both, as the ranking page's foot does.
        average_text: table.average.map(|a| {
            let text = value_text(env, table, a, table.average_decimals);
            match table.average_derived {
                Some(derived) => format!(
                    "{text}‡ (tính từ bảng: {})",
                    value_text(env, table, derived, table.decimals)
                ),
                None => text,
            }
        }),
        average_label: &group.average_label,
        average_published: table.average_published,
        average_illustrative: table.average_illustrative(),
        notes_html,
        illustrative: table.has_illustrative(),
        source: table
            .source
            .as_ref()
            .map(crate::render::views::SourceView::new),
        derived: crate::render::views::derived_in_lines(table),
    };
    let tera = TEMPLATES.as_ref().map_err(Clone::clone)?;
    let context = Context::from_serialize(&view).map_err(|e| e.to_string())?;
    tera.render(RANKING_TEMPLATE.0, &context)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Many calls never closed, and code spans between printed ones: each
    /// is found once, at its place, in one pass (adv25 F4).
    #[test]
    fn unclosed_calls_and_code_spans_are_found_in_one_pass() {
        let source = "a <!-- chiso:x\n\nb <!-- chiso:y -->\n\nc <!-- chiso:z\n";
        let found: Vec<(usize, Option<&str>)> = calls(source).map(|w| (w.start, w.call)).collect();
        assert_eq!(found, [(2, None), (18, Some("y")), (38, None)]);
        let html = "<p>&lt;!-- chiso:a</p><code>&lt;!-- chiso:b</code>&lt;!-- chiso:c";
        let found: Vec<usize> = calls(html).map(|w| w.start).collect();
        assert_eq!(found, [3, 50]);
        let mut code = CodeSpans::default();
        let html = "x<code>y</code>z<code>w";
        assert!(!code.is_open_at(html, 1));
        assert!(code.is_open_at(html, 8));
        assert!(!code.is_open_at(html, 16));
        assert!(code.is_open_at(html, html.len()));
    }

    #[test]
    fn an_aside_joins_the_brackets_a_phrase_ends_with() {
        assert_eq!(
            with_aside("giảm 0,10 điểm (tính từ bảng)", "không so sánh thứ hạng"),
            "giảm 0,10 điểm (tính từ bảng; không so sánh thứ hạng)"
        );
        assert_eq!(
            with_aside("giảm 0,10 điểm", "không so sánh thứ hạng"),
            "giảm 0,10 điểm (không so sánh thứ hạng)"
        );
    }

    fn env_expand(html: &str) -> Result<String, String> {
        expand_full(html)
            .map(|e| e.html.to_string())
            .map_err(|bad| bad[0].message.clone())
    }

    fn expand_full(html: &str) -> Result<Expanded, Vec<BadCall>> {
        let site = Site::default();
        let urls = Urls::new("/");
        expand(
            html,
            &Env {
                site: &site,
                urls: &urls,
            },
        )
    }

    #[test]
    fn text_without_shortcodes_is_left_alone() {
        let html = "<p>{{ not a call }} <!-- an editor's comment --> {% x %}</p>";
        assert_eq!(env_expand(html).unwrap(), html);
    }

    #[test]
    fn editors_are_told_every_shortcode_of_the_table() {
        let told = sc::unknown("x");
        for shortcode in SHORTCODES {
            assert!(told.contains(shortcode.name), "{}: {told}", shortcode.name);
            assert!(shortcode.arguments.contains(&"nam"), "{}", shortcode.name);
        }
    }

    #[test]
    fn bad_shortcodes_are_clear_errors() {
        let cases = [
            ("<!-- chiso:ket-qua chi-so=x nam=2023", "not closed"),
            // Closed with `->`: Markdown printed it as text.
            (
                "<p>Bình quân: &lt;!-- chiso:khoi nam=2025 khoi=a -&gt;</p>",
                "not closed",
            ),
            // In capitals: still a call, not a comment that hides the figure.
            (
                "<!-- CHISO:ketqua nam=2023 -->",
                "unknown shortcode `ketqua`",
            ),
            (
                "<!-- chiso:ketqua nam=2023 -->",
                "unknown shortcode `ketqua`",
            ),
            (
                "<!-- chiso:ket-qua chi-so=x year=2023 -->",
                "unknown argument `year`",
            ),
            ("<!-- chiso:ket-qua chi-so=x nam -->", "key=value"),
            (
                "<!-- chiso:ket-qua chi-so=x, nam=2023 -->",
                "`chi-so=x,`: arguments are separated by spaces, not commas",
            ),
            (
                "<!-- chiso:ket-qua chi-so=x , nam=2023 -->",
                "`,`: arguments are separated by spaces, not commas",
            ),
            (
                "<!-- chiso:ket-qua chi-so=x nam=hai -->",
                "`nam` must be a year",
            ),
            (
                "<!-- chiso:ket-qua chi-so=x nam=2023 -->",
                "there is no index `x`",
            ),
            ("<!-- chiso:khoi nam=2023 -->", "`khoi=…` is missing"),
            (
                "<!-- chiso:ket-qua chi-so=x nam=2023 nam=2024 -->",
                "`nam` is given twice (`nam=2023` and `nam=2024`)",
            ),
            (
                "<!-- chiso:bang-xep-hang nam=2023 khoi=g -->",
                "there is no group `g`",
            ),
        ];
        for (html, want) in cases {
            let e = env_expand(html).unwrap_err();
            assert!(e.contains(want), "{html}: {e}");
        }
    }

    #[test]
    fn a_call_without_a_space_or_over_lines_is_a_call() {
        for html in [
            "<!--chiso:khoi nam=2023-->",
            "<!--\nchiso:khoi nam=2023\n-->",
            "<!-- an editor's note --><!--  chiso:khoi nam=2023 -->",
        ] {
            let e = env_expand(html).unwrap_err();
            assert!(e.contains("`khoi=…` is missing"), "{html}: {e}");
        }
        let html = "<!-- chiso là tên --> <!--chisox -->";
        assert_eq!(env_expand(html).unwrap(), html);
    }

    #[test]
    fn every_bad_call_is_told_and_found_in_the_source() {
        let source = "Đoạn.\n\n<!-- chiso:ket-qua chi-so=x nam=2023 -->\n\n`<!-- chiso:khoi nam=1 -->`\n\n<!-- chiso:khoi   nam=2023 -->\n<!-- chiso:ket-qua chi-so=x nam=2023 -->\n";
        let html = "<p>Đoạn.</p>\n<!-- chiso:ket-qua chi-so=x nam=2023 -->\n<p><code>&lt;!-- chiso:khoi nam=1 --&gt;</code></p>\n<!-- chiso:khoi   nam=2023 -->\n<!-- chiso:ket-qua chi-so=x nam=2023 -->\n";
        let bad = expand_full(html).unwrap_err();
        let calls: Vec<&str> = bad.iter().map(|b| b.call.as_str()).collect();
        assert_eq!(
            calls,
            [
                "ket-qua chi-so=x nam=2023",
                "khoi   nam=2023",
                "ket-qua chi-so=x nam=2023"
            ]
        );
        let at = locate_calls(source, &bad);
        let lines: Vec<Option<usize>> = at
            .iter()
            .map(|o| o.map(|o| source[..o].matches('\n').count() + 1))
            .collect();
        // The call in the code span is not one: skipped.
        assert_eq!(lines, [Some(3), Some(7), Some(8)]);
        let unclosed = expand_full("<p>a</p><!-- chiso:khoi nam=2023").unwrap_err();
        assert_eq!(unclosed.len(), 1);
        let at = locate_calls("a\n\n<!-- chiso:khoi nam=2023\n", &unclosed);
        assert_eq!(at, [Some(3)]);
        // Closed with `->`, then an example in a code span: found at its line.
        let source = "a\n\n<!-- chiso:khoi nam=2023 ->\n\n`<!-- chiso:khoi -->`\n";
        let at = locate_calls(source, &unclosed);
        assert_eq!(at, [Some(3)]);
    }
}
