//! Every text chiso says to an editor about a problem, in one place, so that
//! a Vietnamese translation can follow by translating this file alone.
//!
//! Messages say what is wrong in plain words; hints say what to do. Both
//! quote ids and file names in backticks.

use std::borrow::Cow;
use std::fmt::Display;

/// The most characters of an editor's text (an id, a key) a message
/// quotes: a pasted megabyte is shown by its start.
const QUOTED: usize = 80;

/// `text` as quoted in a message: cut after [`QUOTED`] characters, with `…`.
fn quoted(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(QUOTED) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

// ---- Files -----------------------------------------------------------------

pub fn cannot_read(error: impl Display) -> String {
    format!("cannot read the file: {error}")
}

pub fn not_utf8() -> String {
    "the file is not UTF-8 text".into()
}

pub fn hint_save_as_utf8() -> String {
    "save the file as UTF-8 (in most editors: File → Save with encoding → UTF-8)".into()
}

pub fn link_outside_site(target: impl Display) -> String {
    format!("this is a link to {target}, outside the site folder, so it is refused")
}

pub fn hint_copy_into_site() -> String {
    "copy the file into the site folder instead of linking to it".into()
}

pub fn no_config(root: impl Display) -> String {
    format!("no config.toml in {root}")
}

pub fn hint_run_in_site() -> String {
    "run chiso in a site folder, or point at one with --root DIR".into()
}

pub fn no_data_folder() -> String {
    "the site has no data/ folder".into()
}

pub fn hint_data_layout() -> String {
    "data/ holds indices.toml, units.toml and results/<year>/<file>.toml (or .json)".into()
}

pub fn data_file_not_toml_or_json() -> String {
    "this file in data/ is neither .toml nor .json, so it is ignored".into()
}

pub fn data_file_unknown() -> String {
    "chiso does not know what this data file holds, so it is ignored".into()
}

// ---- Parsing ---------------------------------------------------------------

pub fn unknown_key(key: &str) -> String {
    format!("unknown key `{}`", quoted(key))
}

pub fn hint_did_you_mean(near: &str) -> String {
    format!("did you mean `{near}`?")
}

pub fn hint_allowed_keys(keys: &str) -> String {
    format!("the keys allowed here are {keys}")
}

pub fn missing_key(key: &str) -> String {
    format!("the required key `{key}` is missing")
}

pub fn hint_add_key(key: &str) -> String {
    format!("add `{key} = …` here")
}

pub fn wrong_type(found: &str, expected: &str) -> String {
    format!("found {found} where {expected} was expected")
}

pub fn hint_decimal_point_in_data(number: &str) -> String {
    format!("data files write numbers without quotes and with a decimal point: {number}")
}

// ---- Definitions -----------------------------------------------------------

pub fn duplicate_id(what: &str, id: &str) -> String {
    format!("the {what} id `{}` is defined twice", quoted(id))
}

pub fn hint_distinct_ids() -> String {
    "give each one a different id".into()
}

pub fn invalid_id(what: &str, id: &str) -> String {
    format!("the {what} id `{}` is not a valid id", quoted(id))
}

pub fn hint_id_form(suggestion: &str) -> String {
    format!(
        "ids appear in URLs: use lowercase letters without diacritics, digits and '-', e.g. `{}`",
        quoted(suggestion)
    )
}

pub fn undefined(what: &str, id: &str) -> String {
    format!("{what} `{}` is not defined", quoted(id))
}

pub fn hint_define_first(what: &str) -> String {
    format!("define the {what} first, or check the spelling")
}

pub fn scale_inverted(index: &str) -> String {
    format!("index `{index}` has a scale whose min is not below its max")
}

pub fn hint_scale() -> String {
    "write the scale as { min = 0, max = 100 }".into()
}

pub fn too_many_decimals(decimals: u32) -> String {
    format!("{decimals} decimals is more than chiso supports (at most 6)")
}

pub fn not_a_number(key: &str) -> String {
    format!("`{}` is not a finite number", quoted(key))
}

pub fn hint_write_number() -> String {
    "write a number such as 88.35 (nan and inf are not scores)".into()
}

// ---- Results ---------------------------------------------------------------

pub fn table_twice(index: &str, year: i32, group: &str, other: impl Display) -> String {
    format!("results for `{index}` {year} in group `{group}` are given twice (also in {other})")
}

pub fn hint_one_file_per_table() -> String {
    "keep one file per index, year and group".into()
}

pub fn unit_twice(unit: &str) -> String {
    format!("unit `{}` appears twice in this table", quoted(unit))
}

pub fn hint_one_result_per_unit() -> String {
    "keep one result per unit".into()
}

pub fn unit_inactive(unit: &str, year: i32, from: Option<i32>, to: Option<i32>) -> String {
    let year_or_blank = |y: Option<i32>| y.map_or(String::new(), |y| y.to_string());
    format!(
        "unit `{unit}` is ranked in {year}, outside the years it was active ({}–{})",
        year_or_blank(from),
        year_or_blank(to)
    )
}

pub fn hint_active_years() -> String {
    "check the year of the table, or the unit's active_from / active_to".into()
}

pub fn score_and_points(unit: &str) -> String {
    format!("`{unit}` has both `score` and `points`")
}

pub fn hint_score_or_points() -> String {
    "give the score directly, or as points with max_points, not both".into()
}

pub fn score_outside_scale(unit: &str, score: f64, index: &str, min: f64, max: f64) -> String {
    format!("the score of `{unit}`, {score}, is outside the scale of `{index}` ({min}–{max})")
}

pub fn hint_decimal_point() -> String {
    "check for a misplaced decimal point".into()
}

pub fn points_above_max(unit: &str, points: f64, max: f64) -> String {
    format!("`{unit}` has {points} points, more than its maximum of {max}")
}

pub fn negative_points(unit: &str, points: f64) -> String {
    format!("`{unit}` has {points} points, below zero")
}

pub fn hint_check_points() -> String {
    "check points and max_points".into()
}

pub fn max_points_not_positive(unit: &str, max: f64) -> String {
    format!("`{unit}` has a max_points of {max}")
}

pub fn hint_max_points_positive() -> String {
    "max_points must be above zero".into()
}

pub fn points_without_max(unit: &str) -> String {
    format!("`{unit}` has points but no max_points")
}

pub fn hint_add_max_points() -> String {
    "add max_points: the unit's own maximum".into()
}

pub fn no_score_in_complete_table(unit: &str) -> String {
    format!("`{unit}` has no score in a complete table")
}

pub fn hint_add_score() -> String {
    "add `score`, or `points` with `max_points`".into()
}

pub fn unknown_component(index: &str, component: &str) -> String {
    format!("index `{index}` has no component `{}`", quoted(component))
}

pub fn hint_components_defined(index: &str) -> String {
    format!("the components of `{index}` are defined in data/indices")
}

pub fn component_above_max(component: &str, unit: &str, score: f64, max: f64) -> String {
    format!("component `{component}` of `{unit}` is {score}, above its maximum of {max}")
}

pub fn hint_check_component() -> String {
    "check the component score".into()
}

pub fn components_do_not_sum(unit: &str, sum: &str, total: &str) -> String {
    format!("the components of `{unit}` add up to {sum}, but its total is {total}")
}

pub fn hint_components_sum() -> String {
    "this index says its components add up to the total: check each component".into()
}

pub fn rank_above_of(unit: &str, rank: u32, of: u32) -> String {
    format!("`{unit}` is ranked {rank} of {of}")
}

pub fn hint_rank_at_most_of() -> String {
    "a rank cannot be larger than the number ranked".into()
}

pub fn regional_rank_above_of(unit: &str, rank: u32, of: u32, region: &str) -> String {
    format!("`{unit}` is ranked {rank} of {of} in region `{region}`")
}

pub fn stated_rank_differs(unit: &str, stated: u32, computed: u32) -> String {
    format!("`{unit}` is stated as rank {stated}, but its score ranks {computed} in this table")
}

pub fn stated_regional_rank_differs(
    unit: &str,
    region: &str,
    stated: u32,
    computed: u32,
    of: u32,
) -> String {
    format!("`{unit}` is stated as rank {stated} in region `{region}`, but its score ranks {computed} of {of} there")
}

pub fn not_ranked_with_rank(unit: &str) -> String {
    format!("`{unit}` is marked not ranked, but has a rank")
}

pub fn hint_not_ranked() -> String {
    "remove `rank` and `of`, or remove `not_ranked`".into()
}

pub fn hint_rank_is_computed() -> String {
    "check the score, or remove the stated rank: chiso computes it".into()
}

pub fn stated_of_differs(unit: &str, stated: u32, ranked: u32) -> String {
    format!("`{unit}` states {stated} units ranked, but this table ranks {ranked}")
}

pub fn hint_of_is_computed() -> String {
    "remove `of` from complete tables: chiso counts it".into()
}

pub fn published_average_differs(published: &str, computed: &str) -> String {
    format!("the published average is {published}, but the scores in this table average {computed}")
}

pub fn hint_check_average() -> String {
    "check the scores, or the published average".into()
}

pub fn partial_without_rank(unit: &str) -> String {
    format!("`{unit}` has no stated rank and number ranked in a partial table")
}

pub fn hint_partial_rank() -> String {
    "add `rank` and `of` (e.g. rank = 18, of = 63), or mark the table `complete = true` if every unit of the group is listed".into()
}

// ---- Content ---------------------------------------------------------------

pub fn no_front_matter() -> String {
    "the file does not start with front matter".into()
}

pub fn hint_front_matter() -> String {
    "start the file with a line `+++`, then `title = \"…\"` and the other keys, then a closing `+++` line".into()
}

pub fn front_matter_not_closed() -> String {
    "the front matter is not closed".into()
}

pub fn hint_close_front_matter() -> String {
    "did you forget the closing `+++` line after the front matter?".into()
}

pub fn empty_title() -> String {
    "the title is empty".into()
}

pub fn no_date() -> String {
    "this article has no date".into()
}

pub fn hint_add_date() -> String {
    "add `date = 2024-05-08` to the front matter".into()
}

pub fn bad_slug(slug: &str) -> String {
    format!("the slug `{slug}` is not allowed: it must not be a path")
}

pub fn hint_slug() -> String {
    "write the slug as words, e.g. slug = \"chi-so-cchc-2023\"; no '/', '\\', '..' or drive letters"
        .into()
}

pub fn no_slug() -> String {
    "this article has no usable slug".into()
}

pub fn hint_no_slug() -> String {
    "rename the file, or set `slug` in the front matter".into()
}

pub fn page_place_unknown() -> String {
    "chiso does not know where this page belongs, so it is ignored".into()
}

pub fn hint_content_layout() -> String {
    "articles go in content/tin-tuc/, the home page text in content/_index.md".into()
}

pub fn broken_link(url: &str) -> String {
    format!("the link `{url}` leads to no page of the site")
}

pub fn broken_anchor(url: &str, anchor: &str) -> String {
    format!("the link `{url}` leads to a page that has no `#{anchor}`")
}

pub fn hint_check_link() -> String {
    "check the address; pages are listed in README.md (\"Pages and their URLs\")".into()
}

// ---- Rendering -------------------------------------------------------------

pub fn same_url(path: &str, first: &str, second: &str) -> String {
    format!("two pages would be written to /{path}: {first} and {second}")
}

pub fn hint_different_slug() -> String {
    "give one of them a different id or slug".into()
}

pub fn template_failed(page: &str, cause: &str) -> String {
    format!("cannot render {page}: {cause}")
}

pub fn bad_shortcode(cause: &str) -> String {
    format!("cannot expand a shortcode: {cause}")
}

pub fn hint_shortcode() -> String {
    "see README.md, “Data in articles”, for the shortcodes and their arguments".into()
}

pub fn template_syntax(cause: &str) -> String {
    format!("the template cannot be read: {cause}")
}

pub fn hint_template_syntax() -> String {
    "check the {{ … }} and {% … %} tags around this place: one may be unclosed or incomplete".into()
}

pub fn hint_template_variables(names: &str) -> String {
    format!("the variables this template can use here: {names}")
}

pub fn hint_template_fields(names: &str) -> String {
    format!("the fields this value has: {names}")
}

pub fn hint_template() -> String {
    "check the template: a variable that does not exist, or a filter given the wrong kind of value"
        .into()
}

pub fn cannot_write(path: impl Display, error: impl Display) -> String {
    format!("cannot write {path}: {error}")
}

pub fn output_protected(output: impl Display, why: impl Display) -> String {
    format!(
        "refusing to use {output} as the output folder: {why}; building replaces everything in it"
    )
}

pub fn protected_site() -> String {
    "it is the site folder or holds it".into()
}

pub fn protected_sources(folder: &str) -> String {
    format!("it lies inside the site's `{folder}/` folder")
}

pub fn protected_home() -> String {
    "it is your home folder or holds it".into()
}

pub fn protected_root() -> String {
    "it is the root of a disk".into()
}

pub fn hint_output() -> String {
    "choose a folder that only holds the built site, e.g. --output public".into()
}

pub fn output_not_ours(output: impl Display, entries: impl Display) -> String {
    format!(
        "refusing to build into {output}: it holds files that no chiso build wrote ({entries}), \
         and a build replaces everything in its output folder"
    )
}

pub fn hint_output_not_ours() -> String {
    "choose an empty or new folder; if this folder only holds an earlier build of this site, \
     delete it or add --force once to adopt it"
        .into()
}

pub fn output_not_a_folder(output: impl Display) -> String {
    format!("cannot write the site to {output}: it is a file, not a folder")
}

pub fn file_and_folder(path: impl Display) -> String {
    format!("the site has a file `{path}` and also files inside a folder of that name")
}

pub fn static_replaces_page(path: &str) -> String {
    format!("this file would replace the page `/{path}` that chiso makes")
}

pub fn hint_static_clash() -> String {
    "rename or move the file in static/; to change a page chiso makes (such as 404.html), \
     override its template in templates/ instead"
        .into()
}

pub fn page_made_twice(path: &str) -> String {
    format!("the page `/{path}` is made twice")
}

// ---- The editor's commands: serve, new, init, import ----------------------

pub fn cannot_open_site(root: impl Display, error: impl Display) -> String {
    format!("cannot open the site folder {root}: {error}")
}

pub fn cannot_listen(address: impl Display, error: impl Display) -> String {
    format!("cannot listen on {address}: {error}")
}

pub fn hint_other_port() -> String {
    "choose another port with --port N, or --port 0 for any free one".into()
}

pub fn cannot_watch(what: impl Display, error: impl Display) -> String {
    format!("cannot watch {what} for changes: {error}")
}

pub fn watching_stopped() -> String {
    "watching the site for changes stopped".into()
}

pub fn cannot_create(path: impl Display, error: impl Display) -> String {
    format!("cannot create {path}: {error}")
}

pub fn already_exists(path: impl Display) -> String {
    format!("{path} already exists")
}

pub fn hint_other_title() -> String {
    "choose another title, or edit the existing file".into()
}

pub fn hint_force() -> String {
    "add --force to replace it, or choose another file with --output".into()
}

pub fn title_without_slug() -> String {
    "the title has no letters or digits to make a file name from".into()
}

pub fn hint_article_title() -> String {
    "chiso new article \"Kết quả Chỉ số CCHC năm 2024\"".into()
}

pub fn province_without_letters() -> String {
    "the province name has no letters".into()
}

pub fn hint_init() -> String {
    "chiso init cchc-quang-binh --province \"Quảng Bình\"".into()
}

pub fn folder_not_empty(dir: impl Display) -> String {
    format!("{dir} is not empty")
}

pub fn hint_new_folder() -> String {
    "give a new folder name: chiso init DIR creates DIR".into()
}

pub fn unknown_template(name: impl Display) -> String {
    format!("there is no built-in template `{name}`")
}

pub fn hint_list_templates() -> String {
    "`chiso templates` lists the built-in templates".into()
}

pub fn hint_force_template() -> String {
    "the site already changed this template: add --force to replace it with the built-in one".into()
}

pub fn not_a_folder(path: impl Display) -> String {
    format!("{path} exists and is not a folder")
}

pub fn no_data_file(root: impl Display, stem: &str) -> String {
    format!("{root} has no data/{stem}.toml or data/{stem}.json")
}

pub fn no_such_id(what: &str, id: &str) -> String {
    format!("there is no {what} `{id}` in data/")
}

pub fn hint_known_ids(known: &[&str]) -> String {
    format!("known: {}", known.join(", "))
}

pub fn csv_header_unknown() -> String {
    "the first row does not name a unit column and a score column".into()
}

pub fn hint_csv_header() -> String {
    "name the columns in the first row: \"Đơn vị\" and \"Điểm\" (or \"Điểm đạt\" and \
     \"Điểm tối đa\"); \"Thứ hạng\" is optional; see docs/huong-dan.md"
        .into()
}

pub fn csv_row_unreadable(error: impl Display) -> String {
    format!("cannot read this row: {error}")
}

pub fn csv_no_rows() -> String {
    "the file has a header but no rows".into()
}

pub fn csv_empty_cell(what: &str) -> String {
    format!("the {what} is empty")
}

pub fn csv_not_a_number(what: &str, text: &str) -> String {
    format!("the {what} `{text}` is not a number")
}

pub fn csv_bad_rank(text: &str) -> String {
    format!("the rank `{text}` is not a whole number from 1")
}

pub fn csv_no_such_unit(name: &str, near: Option<&str>) -> String {
    match near {
        Some(near) => format!("no unit is named `{name}`; did you mean `{near}`?"),
        None => format!("no unit is named `{name}` in data/units"),
    }
}

pub fn csv_ambiguous_unit(name: &str, ids: &[String]) -> String {
    format!("`{name}` names more than one unit: {}", ids.join(", "))
}

pub fn csv_unit_twice(id: &str, first_line: u64) -> String {
    format!("unit `{id}` is already on line {first_line}")
}

/// What a bad shortcode (`<!-- chiso:… -->` in an article) is told; shown
/// after "cannot expand a shortcode: ".
pub mod shortcode {
    pub fn not_closed(open: &str, close: &str) -> String {
        format!("`{open}` is not closed with `{close}`")
    }

    pub fn in_call(open: &str, call: &str, close: &str, cause: &str) -> String {
        format!("in `{open}{call} {close}`: {cause}")
    }

    pub fn key_value(word: &str) -> String {
        format!("`{word}` should be written key=value")
    }

    pub fn unknown(name: &str) -> String {
        format!("unknown shortcode `{name}`; the shortcodes are ket-qua, khoi and bang-xep-hang")
    }

    pub fn unknown_argument(argument: &str, name: &str, allowed: &str) -> String {
        format!("unknown argument `{argument}`; `{name}` takes {allowed}")
    }

    /// `argument` is named by what it gives: "the year" for `nam`.
    pub fn missing_argument(argument: &str, what: &str) -> String {
        format!("{what} `{argument}=…` is missing")
    }

    pub fn bad_year() -> String {
        "`nam` must be a year such as 2023".into()
    }

    pub fn no_such(what: &str, id: &str) -> String {
        format!("there is no {what} `{id}`")
    }

    pub fn no_table(group: &str, year: i32) -> String {
        format!("there is no table for {group} in {year}")
    }

    pub fn several_indices() -> String {
        "several indices ranked this group that year: name one with `chi-so=…`".into()
    }

    pub fn no_unit_named() -> String {
        "name the unit with `don-vi=…` (the site has no home_unit)".into()
    }

    pub fn no_result(unit: &str, what: &str, year: i32) -> String {
        format!("`{unit}` has no {what} for this index in {year}")
    }

    pub fn bad_show(value: &str, choices: &str) -> String {
        format!("`hien={value}`: choose {choices}")
    }

    pub fn show_with_component(value: &str) -> String {
        format!("`hien={value}` cannot go with `linh-vuc`")
    }

    pub fn no_component(index: &str, component: &str) -> String {
        format!("index `{index}` has no component `{component}`")
    }

    pub fn no_component_score(component: &str) -> String {
        format!("this result has no score for component `{component}`")
    }

    pub fn table_lacks(what: &str) -> String {
        format!("the table has no {what}")
    }

    pub fn no_bands() -> String {
        "the index has no bands".into()
    }
}

// ---- serve: the HTTP layer ----

pub fn cannot_accept(error: impl Display) -> String {
    format!("cannot accept a connection ({error}); trying again as connections close")
}

/// The title of the page a request for another host gets (in the browser).
pub fn host_refused_title() -> &'static str {
    "Địa chỉ không được phép"
}

/// The text of that page: which names the preview answers for.
pub fn host_refused(answered: &str) -> String {
    format!(
        "<p>Máy chủ xem trước của chiso chỉ trả lời các yêu cầu gửi tới {answered}. \
         Để xem từ máy khác, chạy <code>chiso serve --bind 0.0.0.0</code>.</p>"
    )
}

// ---- Editors' text in the reader's browser: raw HTML, URL schemes ----------

pub mod html_policy {
    pub fn raw_html(html: &str) -> String {
        format!("raw HTML is shown as text, not run: `{html}`")
    }

    pub fn hint_raw_html() -> String {
        "write it in Markdown (links, emphasis, lists, tables); only if everyone who edits this \
         site is trusted, set `unsafe_html = true` in config.toml, and then any script in any \
         text runs on the site"
            .into()
    }

    pub fn heading_attributes(names: &str) -> String {
        format!("heading attributes other than an id and classes are dropped: `{names}`")
    }

    pub fn hint_heading_attributes() -> String {
        "keep `{#id .class}` only: other attributes, such as `onclick`, could run code".into()
    }

    pub fn forbidden_url(url: &str, scheme: &str) -> String {
        format!("a `{scheme}:` URL is not allowed: `{url}`")
    }

    pub fn hint_forbidden_url() -> String {
        "link to an `https://` address or to a page of the site: `javascript:`, `vbscript:` and \
         `data:` URLs (other than images) can run code in the reader's browser"
            .into()
    }
}

// ---- Figures that cannot be, and complete tables that are not -------------

pub fn year_not_positive(year: i32) -> String {
    format!("the year {year} is not an assessment year")
}

pub fn hint_year() -> String {
    "write the assessment year in full, e.g. year = 2023".into()
}

/// `what` is the key: `rank` or `of`.
pub fn zero_rank(unit: &str, what: &str) -> String {
    if what == "of" {
        format!("`{unit}` states 0 units ranked")
    } else {
        format!("`{unit}` is stated as rank 0")
    }
}

pub fn zero_regional_rank(unit: &str, what: &str, region: &str) -> String {
    if what == "of" {
        format!("`{unit}` states 0 units ranked in region `{region}`")
    } else {
        format!("`{unit}` is stated as rank 0 in region `{region}`")
    }
}

pub fn hint_rank_from_one() -> String {
    "ranks start at 1 (the first), and at least one unit is ranked".into()
}

/// `missing` lists the units as "`id` (Name)", already cut to a readable
/// length; `count` is how many there are in all.
pub fn complete_table_misses(group: &str, year: i32, count: usize, missing: &str) -> String {
    let units = if count == 1 { "unit" } else { "units" };
    format!(
        "this table is marked complete but leaves out {count} {units} active in group \
         `{group}` in {year}: {missing}"
    )
}

pub fn and_more(count: usize) -> String {
    format!("and {count} more")
}

pub fn hint_complete_table() -> String {
    "add their results; mark a unit `not_ranked = \"reason\"`; or, if its result was not \
     published, list it under `excluded = [{ unit = \"id\", reason = \"…\" }]`. If only some \
     units are listed, set `complete = false`"
        .into()
}

pub fn excluded_not_in_group(unit: &str, group: &str) -> String {
    format!("unit `{unit}` is excluded, but it is not in group `{group}`")
}

pub fn hint_excluded_group() -> String {
    "list only units of the table's group under `excluded` (see the unit's `group` in \
     data/units.toml)"
        .into()
}

pub fn excluded_without_reason(unit: &str) -> String {
    format!("unit `{unit}` is excluded without a reason")
}

pub fn hint_excluded_reason() -> String {
    "say why, e.g. reason = \"kết quả không được công bố\"; readers see it".into()
}

pub fn excluded_and_listed(unit: &str) -> String {
    format!("unit `{unit}` is both excluded and listed with a result")
}

pub fn hint_excluded_or_listed() -> String {
    "keep the result (with `not_ranked` if it was left out of the ranking) or the exclusion, \
     not both"
        .into()
}

pub fn excluded_twice(unit: &str) -> String {
    format!("unit `{unit}` is excluded twice")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_huge_id_is_quoted_by_its_start() {
        let huge = "ệ".repeat(1_000_000);
        let message = super::undefined("unit", &huge);
        assert_eq!(message.chars().count(), "unit `` is not defined".len() + 81);
        assert_eq!(super::undefined("unit", "a"), "unit `a` is not defined");
    }
}
