//! From raw data files to the checked, derived [`Site`]: resolve ids, check
//! every stated figure against what can be computed, rank, average, band, and
//! compare each result with the year before. Problems become diagnostics
//! pointing at the offending value; a table with errors is left out so later
//! stages never see bad data.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use super::bands;
use super::changes::derive_changes;
use super::group_labels::average_label;
use super::ids::{Id, IdVec};
use super::precision::{table_decimals, MAX_DECIMALS};
use super::row::row;
use super::written;
use super::{
    Alternative, Component, Group, Index, Lookup, Region, RowAt, Scale, Site, Source, Table, Unit,
    UnitId,
};
use crate::data::schema::{self, ResultsFile};
use crate::data::{Loaded, RawData};
use crate::diagnostic::{closest, Diagnostic, Diagnostics};
use crate::locate::Seg;
use crate::messages as msg;
use crate::vi;

/// Id → typed id, for one kind of definition.
pub(super) type Ids<I> = BTreeMap<String, I>;

/// Where a definition was written: a file and its place in a list.
#[derive(Debug, Clone, Copy)]
struct Origin {
    file: usize,
    list: &'static str,
    index: usize,
}

/// The definitions of every file as written, with where each was written;
/// units in Vietnamese alphabetical order, which their ids follow.
#[derive(Default)]
struct Definitions<'a> {
    indices: Vec<(&'a schema::IndexDef, Origin)>,
    groups: Vec<(&'a schema::GroupDef, Origin)>,
    regions: Vec<(&'a schema::RegionDef, Origin)>,
    units: Vec<(&'a schema::UnitDef, Origin)>,
}

impl<'a> Definitions<'a> {
    fn collect(raw: &'a RawData) -> Self {
        fn each<'a, T>(
            list: &'a [T],
            file: usize,
            name: &'static str,
        ) -> impl Iterator<Item = (&'a T, Origin)> {
            list.iter().enumerate().map(move |(index, def)| {
                let origin = Origin {
                    file,
                    list: name,
                    index,
                };
                (def, origin)
            })
        }
        let mut defs = Definitions::default();
        for loaded in &raw.indices {
            defs.indices
                .extend(each(&loaded.value.indices, loaded.file, "index"));
        }
        for loaded in &raw.units {
            let (file, value) = (loaded.file, &loaded.value);
            defs.groups.extend(each(&value.groups, file, "group"));
            defs.regions.extend(each(&value.regions, file, "region"));
            defs.units.extend(each(&value.units, file, "unit"));
        }
        // Units are kept in Vietnamese alphabetical order, so that a unit's
        // id is its place in that order (tables and sort keys rely on it).
        // Collation keys are computed in parallel (a national site has
        // 15,000 units); the order is the same as `sort_by_cached_key`.
        defs.units
            .par_sort_by_cached_key(|(u, _)| (vi::sort_key(&u.name), u.id.clone()));
        defs
    }
}

/// What ends the name of a table's Excel CSV download, before `.csv`
/// (`par-index-excel.csv` beside `par-index.csv`).
pub const EXCEL_SUFFIX: &str = "-excel";

/// Checks the raw data, resolves every reference and derives every figure.
/// Each results file's parsed value is let go as soon as its table is made
/// (on the national site the parsed files take about 120 MB); `raw`
/// keeps the files' texts, which messages quote.
pub fn assemble(mut raw: RawData, diagnostics: &mut Diagnostics) -> Site {
    let mut cache = TableCache {
        unkept: true,
        ..TableCache::default()
    };
    let files = std::mem::take(&mut raw.tables);
    assemble_from(&raw, files, &mut cache, diagnostics)
}

/// The definitions as resolved, and each results file's table as checked
/// and derived on its own (before the year-over-year changes, which read
/// its neighbours), each with what checking it reported and the
/// definition files it was made from: what `serve` keeps between edits,
/// so that an edit of a results file checks again only that file. A file is taken from here when it is the same
/// parsed value (shared by `data::ParsedFiles`) and so are the
/// definitions.
#[derive(Default, Clone)]
pub struct TableCache {
    indices: Vec<Arc<schema::IndicesFile>>,
    units: Vec<Arc<schema::UnitsFile>>,
    tables: HashMap<PathBuf, CachedTable>,
    /// The definitions resolved, kept the same way.
    defined: Option<Kept>,
    /// Keeps no table: for a single build, where a copy of every table
    /// held beside the model (120 MB on the national site) serves nothing.
    unkept: bool,
    /// The year-over-year comparisons last derived.
    comparisons: Option<Arc<KeptComparisons>>,
}

/// Every line's year-over-year comparison, by table (in the model's
/// order, with its file) and line: what `derive_changes` gives again while
/// every table and the groups are as they were.
struct KeptComparisons {
    files: Vec<PathBuf>,
    lines: Vec<Vec<super::Comparison>>,
}

impl KeptComparisons {
    fn of(tables: &IdVec<super::TableId, Table>) -> Self {
        KeptComparisons {
            files: tables.iter().map(|t| t.file.clone()).collect(),
            lines: tables
                .iter()
                .map(|t| t.rows.iter().map(|r| r.comparison).collect())
                .collect(),
        }
    }

    /// Whether these are the comparisons of `tables`, taken whole from the
    /// cache (the same tables, in the same order).
    fn fit(&self, tables: &IdVec<super::TableId, Table>) -> bool {
        self.files.len() == tables.len()
            && tables
                .iter()
                .zip(&self.files)
                .zip(&self.lines)
                .all(|((t, file), lines)| t.file == *file && t.rows.len() == lines.len())
    }

    fn apply(&self, tables: &mut IdVec<super::TableId, Table>) {
        for (table, lines) in tables.iter_mut().zip(&self.lines) {
            for (row, comparison) in table.rows.iter_mut().zip(lines) {
                row.comparison = *comparison;
            }
        }
    }
}

/// One results file checked: its table (none when checking it found an
/// error), what checking reported, whether it came from the cache, the
/// file's number, and its parsed value when the cache keeps it.
struct Checked {
    table: Option<Table>,
    /// The file's table when it gives nothing to publish yet.
    waiting: Option<super::WaitingTable>,
    found: Diagnostics,
    hit: bool,
    file: usize,
    parsed: Option<Arc<ResultsFile>>,
}

/// A file as parsed, and its table with what checking it reported
/// (shared: a cache is copied at each edit).
type CachedTable = (Arc<ResultsFile>, Arc<(Option<Table>, Diagnostics)>);

impl TableCache {
    /// Whether the tables kept were checked against `raw`'s definitions.
    fn fits(&self, raw: &RawData) -> bool {
        same_files(&self.indices, &raw.indices) && same_files(&self.units, &raw.units)
    }
}

/// The definitions resolved and checked, with what checking them reported.
struct Defined {
    ids: Lookup,
    indices: IdVec<super::IndexId, Index>,
    groups: IdVec<super::GroupId, Group>,
    regions: IdVec<super::RegionId, Region>,
    units: IdVec<UnitId, Unit>,
    problems: Diagnostics,
}

/// The definitions as resolved from the definition files they were
/// resolved from (the same parsed values).
#[derive(Clone)]
struct Kept {
    indices: Vec<Arc<schema::IndicesFile>>,
    units: Vec<Arc<schema::UnitsFile>>,
    made: Arc<Defined>,
}

impl Kept {
    fn fits(&self, raw: &RawData) -> bool {
        same_files(&self.indices, &raw.indices) && same_files(&self.units, &raw.units)
    }
}

/// Whether `kept` are the very values `loaded` holds.
fn same_files<T>(kept: &[Arc<T>], loaded: &[Loaded<T>]) -> bool {
    kept.len() == loaded.len()
        && kept
            .iter()
            .zip(loaded)
            .all(|(a, b)| Arc::ptr_eq(a, &b.value))
}

/// Resolves and checks the definitions of `raw`.
fn define(raw: &RawData) -> Defined {
    let defs = Definitions::collect(raw);
    let mut problems = Diagnostics::default();
    let mut ctx = Context {
        raw,
        diagnostics: &mut problems,
        ids: Default::default(),
    };
    let ids = Lookup {
        indices: ctx.ids_of("index", &defs.indices, |d| &d.id),
        groups: ctx.ids_of("group", &defs.groups, |d| &d.id),
        regions: ctx.ids_of("region", &defs.regions, |d| &d.id),
        units: ctx.ids_of("unit", &defs.units, |d| &d.id),
    };
    ctx.ids = Cow::Owned(ids);
    ctx.check_download_names(&defs.indices);
    // In the order their problems were always reported.
    let indices = ctx.indices(&defs);
    let units = ctx.units(&defs);
    ctx.check_unit_ends(&defs, &units);
    let mut groups = ctx.groups(&defs);
    for (u, unit) in units.iter_enumerated() {
        if let Some(g) = unit.group {
            groups[g].units.push(u);
        }
    }
    let ids = ctx.ids.into_owned();
    Defined {
        ids,
        indices,
        groups,
        regions: IdVec::from_vec(defs.regions.iter().map(|(d, _)| region(d)).collect()),
        units,
        problems,
    }
}

/// [`assemble`], taking from `cache` each table whose file and definitions
/// are as they were, and leaving in it every table as checked now. The
/// result is what [`assemble`] gives.
pub fn assemble_reusing(
    raw: &RawData,
    cache: &mut TableCache,
    diagnostics: &mut Diagnostics,
) -> Site {
    assemble_from(raw, raw.tables.clone(), cache, diagnostics)
}

/// [`assemble_reusing`] with the results files given apart from `raw`
/// (whose own list of them is not read).
fn assemble_from(
    raw: &RawData,
    files: Vec<Loaded<ResultsFile>>,
    cache: &mut TableCache,
    diagnostics: &mut Diagnostics,
) -> Site {
    // The definitions, and whether they changed only in what checking a
    // table never reads (names, descriptions).
    let (defined, renamed) = match cache.defined.as_ref().filter(|d| d.fits(raw)) {
        Some(kept) => (Arc::clone(&kept.made), false),
        None => {
            let made = Arc::new(define(raw));
            let renamed = cache
                .defined
                .as_ref()
                .is_some_and(|kept| unnamed(&kept.made) == unnamed(&made));
            cache.defined = Some(Kept {
                indices: raw.indices.iter().map(|l| Arc::clone(&l.value)).collect(),
                units: raw.units.iter().map(|l| Arc::clone(&l.value)).collect(),
                made: Arc::clone(&made),
            });
            (made, renamed)
        }
    };
    diagnostics.extend(defined.problems.clone());
    let mut ctx = Context {
        raw,
        diagnostics,
        ids: Cow::Owned(defined.ids.clone()),
    };
    let mut site = Site {
        indices: defined.indices.clone(),
        groups: defined.groups.clone(),
        regions: defined.regions.clone(),
        units: defined.units.clone(),
        ..Site::default()
    };
    site.renamed_units = site
        .units
        .iter_enumerated()
        .filter(|(_, unit)| !unit.renamed.is_empty())
        .map(|(u, _)| u)
        .collect();
    if !raw.definitions_incomplete {
        // Otherwise every reference to a definition in the unreadable file
        // would be reported as undefined: noise that hides the one real
        // problem.
        let all_kept;
        (site.tables, site.waiting, all_kept) = ctx.tables(&site, files, cache, renamed);
        // Every table taken from the cache, the definitions the same but
        // for names: the comparisons, which read only the tables and which
        // groups compare, are those derived last.
        match cache
            .comparisons
            .as_ref()
            .filter(|k| all_kept && k.fit(&site.tables))
        {
            Some(kept) => kept.apply(&mut site.tables),
            None => {
                derive_changes(&mut site);
                if !cache.unkept {
                    cache.comparisons = Some(Arc::new(KeptComparisons::of(&site.tables)));
                }
            }
        }
        ctx.check_stated_changes(&mut site);
    }
    derive_indexes(&mut site);
    if !raw.definitions_incomplete {
        site.tile_layouts = ctx.tile_layouts(&site);
    }
    site.lookup = ctx.ids.into_owned();
    site
}

/// The definitions as checking a table reads them: without the names and
/// descriptions, which it only prints in its messages (a table checked
/// without a message reads none of them). Units keep their order: a
/// renamed unit that moved in alphabetical order changes the ids.
type Unnamed = (Vec<Index>, Vec<Group>, Vec<Region>, Vec<Unit>);

fn unnamed(defined: &Defined) -> Unnamed {
    let indices = defined.indices.iter().map(|i| Index {
        name: String::new(),
        short_name: String::new(),
        publisher: None,
        description: String::new(),
        unit_label: String::new(),
        ..i.clone()
    });
    let groups = defined.groups.iter().map(|g| Group {
        name: String::new(),
        description: String::new(),
        average_label: String::new(),
        ..g.clone()
    });
    let regions = defined.regions.iter().map(|r| Region {
        name: String::new(),
        ..r.clone()
    });
    let units = defined.units.iter().map(|u| Unit {
        name: String::new(),
        former_names: Vec::new(),
        renamed: Vec::new(),
        description: String::new(),
        ..u.clone()
    });
    (
        indices.collect(),
        groups.collect(),
        regions.collect(),
        units.collect(),
    )
}

/// The indexes pages read instead of searching: years, each unit's results
/// and the units merged into each.
fn derive_indexes(site: &mut Site) {
    let years: BTreeSet<i32> = site.tables.iter().map(|t| t.year).collect();
    site.years = years.into_iter().rev().collect();
    site.results_by_unit = site.units.map(|_| Vec::new());
    for (t, table) in site.tables.iter_enumerated() {
        for (r, row) in table.rows.iter().enumerate() {
            site.results_by_unit[row.unit].push(RowAt { table: t, row: r });
        }
    }
    let mut per_page: BTreeMap<(i32, super::GroupId), usize> = BTreeMap::new();
    for table in &site.tables {
        *per_page.entry((table.year, table.group)).or_default() += 1;
    }
    site.page_mates = site
        .tables
        .map(|t| per_page.get(&(t.year, t.group)).copied().unwrap_or(1));
    site.merged_from = site.units.map(|_| Vec::new());
    for (u, unit) in site.units.iter_enumerated() {
        if let Some(successor) = unit.merged_into {
            site.merged_from[successor].push(u);
        }
    }
}

fn index(def: &schema::IndexDef, components: Vec<Component>) -> Index {
    Index {
        id: def.id.clone(),
        name: def.name.clone(),
        short_name: def.short_name.clone().unwrap_or_else(|| def.name.clone()),
        publisher: def.publisher.clone(),
        description: def.description.clone(),
        scale: Scale {
            min: def.scale.min,
            max: def.scale.max,
        },
        unit_label: def.unit_label.clone(),
        decimals: def.decimals,
        higher_is_better: def.higher_is_better,
        components_sum_to_total: def.components_sum_to_total,
        components,
        bands: def.bands.iter().map(bands::band).collect(),
    }
}

fn region(def: &schema::RegionDef) -> Region {
    Region {
        id: def.id.clone(),
        name: def.name.clone(),
        scheme: def.scheme.clone(),
        kind: match def.kind {
            schema::RegionKind::Region => super::RegionKind::Region,
            schema::RegionKind::Category => super::RegionKind::Category,
        },
    }
}

fn source(def: &schema::Source) -> Source {
    Source {
        title: def.title.clone(),
        number: def.number.clone().filter(|n| !n.trim().is_empty()),
        issuer: def.issuer.clone(),
        date: def.date,
        url: def.url.clone(),
    }
}

pub(super) fn alternatives(list: &[schema::Alternative]) -> Vec<Alternative> {
    list.iter()
        .map(|a| Alternative {
            value: a.value,
            // The shortest form until the text is read (`written_decimals`).
            decimals: a.value.map_or(0, crate::vi::written_decimals),
            rank: a.rank,
            of: a.of,
            source: a.source.clone(),
        })
        .collect()
}

pub(super) struct Context<'a> {
    pub(super) raw: &'a RawData,
    pub(super) diagnostics: &'a mut Diagnostics,
    pub(super) ids: Cow<'a, Lookup>,
}

impl Context<'_> {
    /// Whether data file `file` was read without its bad entries
    /// ([`crate::data::Reading::Recovered`]): its lines are checked one by
    /// one, never what needs every line of the table.
    pub(super) fn recovered(&self, file: usize) -> bool {
        self.raw.file(file).reading == crate::data::Reading::Recovered
    }

    /// An error pointing at the value at `path` in data file `file`; its
    /// hint's keys are written as JSON when the file is JSON.
    pub(super) fn at(
        &self,
        file: usize,
        path: &[Seg],
        message: String,
        hint: String,
    ) -> Diagnostic {
        let source = self.raw.file(file);
        let is_json = source.path.extension().is_some_and(|e| e == "json");
        let hint = if is_json {
            crate::messages::json_hints::in_json(&hint)
        } else {
            hint
        };
        let d = Diagnostic::error(message)
            .in_file(&source.path)
            .with_hint(hint);
        match self.raw.point(file, path) {
            Some((location, snippet)) => d.at_point(location, snippet),
            None => d,
        }
    }

    /// A located warning (a `disputed` note with nothing to dispute, a
    /// table without its source).
    pub(super) fn warn_at(&mut self, file: usize, path: &[Seg], message: String, hint: String) {
        let mut d = self.at(file, path, message, hint);
        d.severity = crate::diagnostic::Severity::Warning;
        self.diagnostics.push(d);
    }

    /// The decimals of the number written at `path` in data file `file`, as
    /// its text has them ("88.70": two), which the parsed float cannot say
    /// (88.7); the float's shortest form where the text is not found there.
    /// It reads the file's text again: for the figure whose trailing zeros
    /// decide a check, not for every figure.
    pub(super) fn decimals_as_written(&self, file: usize, path: &[Seg], value: f64) -> u32 {
        let shortest = crate::vi::written_decimals(value);
        let Some((location, _)) = self.raw.point(file, path) else {
            return shortest;
        };
        let text = &self.raw.file(file).text;
        let Some(line) = text.lines().nth(location.line.saturating_sub(1)) else {
            return shortest;
        };
        let written: String = line
            .chars()
            .skip(location.column.saturating_sub(1))
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '_'))
            .collect();
        written::decimals_if_of(&written, value).map_or(shortest, |d| d.max(shortest))
    }

    /// Gives the points, maximum, percent, each alternative value and a
    /// published change's points of line `entry` the decimals they were
    /// written with ("90.80" keeps its zero); `figures` is their text as [`written::toml_figures`] found
    /// it, where it did. A published percent is the line's value: it
    /// prints as written, unless the line gives its own `decimals`.
    fn written_decimals(
        &self,
        file: usize,
        (entry, figures): (usize, written::LineFigures),
        result: &schema::ResultRow,
        row: &mut super::Row,
    ) {
        let as_written = |key, text: Option<&str>, value| {
            text.and_then(|text| written::decimals_if_of(text, value))
                .unwrap_or_else(|| {
                    let path = [Seg::Key("result"), Seg::Index(entry), Seg::Key(key)];
                    self.decimals_as_written(file, &path, value)
                })
        };
        if let Some(value) = row.points {
            row.points_decimals = as_written("points", figures.points, value);
        }
        if let Some(value) = row.max_points {
            row.max_points_decimals = as_written("max_points", figures.max_points, value);
        }
        if let (Some(value), None) = (row.percent, result.decimals) {
            if row.value == Some(value) {
                row.decimals = as_written("percent", figures.percent, value).min(MAX_DECIMALS);
            }
        }
        for (k, alternative) in row.alternatives.iter_mut().enumerate() {
            let Some(value) = alternative.value else {
                continue;
            };
            let path = [
                Seg::Key("result"),
                Seg::Index(entry),
                Seg::Key("alternatives"),
                Seg::Index(k),
                Seg::Key("value"),
            ];
            alternative.decimals = self.decimals_as_written(file, &path, value);
        }
        if let Some(stated) = row.stated_change.as_mut() {
            if let Some(value) = stated.points {
                let path = [
                    Seg::Key("result"),
                    Seg::Index(entry),
                    Seg::Key("change"),
                    Seg::Key("points"),
                ];
                stated.points_decimals = self.decimals_as_written(file, &path, value);
            }
        }
    }

    /// Whether `published` and `derived` agree at the decimals `published`
    /// is written with (at most `most`): "86,9" agrees with 86,89, "88,70"
    /// does not agree with 88,65 though the float 88.7 would.
    pub(super) fn agrees_as_written(
        &self,
        file: usize,
        path: &[Seg],
        published: f64,
        derived: f64,
        most: u32,
    ) -> bool {
        use crate::vi::scaled;
        let shortest = crate::vi::written_decimals(published).min(most);
        if scaled(published, shortest) != scaled(derived, shortest) {
            return false;
        }
        if shortest == most || scaled(published, most) == scaled(derived, most) {
            return true;
        }
        // They agree at the float's decimals only: its trailing zeros decide.
        let written = self.decimals_as_written(file, path, published).min(most);
        scaled(published, written) == scaled(derived, written)
    }

    /// Warns when most scores of a table are written with the same number
    /// of decimals, more than its lines print (79,995 and 80,125 in a table
    /// of two decimals show 80,00 and 80,13): the source printed them so
    /// (88,350 is written 88.35), and the table's `decimals` is wrong.
    /// Finer scores here and there, or with decimals of every length, are
    /// values the source rounded (a workbook's cells): they print as it
    /// printed them.
    fn check_score_decimals(
        &mut self,
        def: &super::Index,
        file: &ResultsFile,
        file_index: usize,
        figures: &[written::LineFigures],
    ) {
        if self.check_fractions(def, file, file_index) {
            return;
        }
        let table = super::precision::table_decimals(def, file);
        let mut scores = 0;
        let mut finer: Vec<(usize, u32)> = Vec::new();
        for (i, result) in file.results.iter().enumerate() {
            let Some(score) = result.score.filter(|s| s.is_finite()) else {
                continue;
            };
            scores += 1;
            // 93.100 keeps its zero: typed with three decimals, where the
            // float alone has one (adv21 m1).
            let typed = figures
                .get(i)
                .and_then(|typed| written::decimals_if_of(typed.score?, score));
            let written = crate::vi::written_decimals(score).max(typed.unwrap_or(0));
            if written > super::precision::row_decimals(table, result) {
                finer.push((i, written));
            }
        }
        let Some(&(first, written)) = finer.first() else {
            return;
        };
        let alike = finer.iter().all(|&(_, d)| d == written);
        if !alike || finer.len() < 2 || finer.len() * 2 < scores {
            self.warn_lines_finer(file, file_index, &finer, table);
            return;
        }
        let path = [Seg::Key("result"), Seg::Index(first), Seg::Key("score")];
        let message = msg::scores_finer_than_printed(finer.len(), scores, written, table);
        let mut d = self.at(
            file_index,
            &path,
            message,
            msg::hint_table_decimals(written),
        );
        d.severity = crate::diagnostic::Severity::Warning;
        self.diagnostics.push(d);
    }

    /// Warns, once for the table, at the first of the lines whose score is
    /// typed with some decimals but fewer than the table prints, and no
    /// `decimals` of their own (88.3 in a table of two): pages print it
    /// padded, 88,30,
    /// which the source may never have printed. `figures` is the TOML
    /// file's text of each line; a JSON file's score is read at its place
    /// in the file, and counts when its text keeps a zero its float lost
    /// (`6.0`).
    fn check_scores_coarser(
        &mut self,
        file: &ResultsFile,
        file_index: usize,
        figures: &[written::LineFigures],
        table: u32,
    ) {
        // A table `decimals` beyond what chiso prints is an error of its own.
        if file.decimals.is_some_and(|d| d > MAX_DECIMALS) {
            return;
        }
        let json = self.raw.file(file_index).format == crate::parse::Format::Json;
        let typed_decimals = |i: usize, score: f64| match figures.get(i) {
            Some(typed) => written::decimals_if_of(typed.score?, score),
            // JSON writers drop trailing zeros (88.30 becomes 88.3), so
            // only a text with more decimals than its float (6.0) tells how
            // it was typed; only a score coarser than the table is looked
            // up, in the file's index of paths.
            None if json && crate::vi::written_decimals(score) < table => {
                let path = [Seg::Key("result"), Seg::Index(i), Seg::Key("score")];
                let typed = self.decimals_as_written(file_index, &path, score);
                (typed > crate::vi::written_decimals(score)).then_some(typed)
            }
            None => None,
        };
        let coarse: Vec<(usize, f64, u32)> = file
            .results
            .iter()
            .enumerate()
            .filter(|(_, result)| result.decimals.is_none())
            .filter_map(|(i, result)| {
                let score = result.score?;
                let decimals = typed_decimals(i, score)?;
                // A whole number (90) is left alone: typed so for 90,00
                // as often as not, where 88.3 lost a digit or was printed so.
                (decimals > 0 && decimals < table).then_some((i, score, decimals))
            })
            .collect();
        let Some(&(first, score, written)) = coarse.first() else {
            return;
        };
        let scores = file.results.iter().filter(|r| r.score.is_some()).count();
        let path = [Seg::Key("result"), Seg::Index(first), Seg::Key("score")];
        let message = msg::scores_coarser_than_printed(coarse.len(), scores, score, written, table);
        let hint = msg::hint_scores_coarser(score, written, table);
        let mut d = self.at(file_index, &path, message, hint);
        d.severity = crate::diagnostic::Severity::Warning;
        self.diagnostics.push(d);
    }

    /// Warns at each of `finer` (lines whose score is written with more
    /// decimals than the table prints, and no `decimals` of their own) when
    /// they look typed from a publication (86.125 in a table of 2: one
    /// decimal more): its page would round what the source printed. A table
    /// with a score finer still looks like a workbook's unrounded cells
    /// (92.6530612), and is left alone.
    fn warn_lines_finer(
        &mut self,
        file: &ResultsFile,
        file_index: usize,
        finer: &[(usize, u32)],
        table: u32,
    ) {
        if finer.iter().any(|&(_, written)| written > table + 1) {
            return;
        }
        for &(i, written) in finer {
            let Some(result) = file.results.get(i) else {
                continue;
            };
            let Some(score) = result.score else { continue };
            if result.decimals.is_some() {
                continue;
            }
            let path = [Seg::Key("result"), Seg::Index(i), Seg::Key("score")];
            let message = msg::score_finer_than_printed(&result.unit, score, written, table);
            let mut d = self.at(file_index, &path, message, msg::hint_line_decimals(written));
            d.severity = crate::diagnostic::Severity::Warning;
            self.diagnostics.push(d);
        }
    }

    /// Whether a results file gives something to publish (a line, a
    /// published average, band count or listing); when not, a warning says
    /// the table waits for its results. `chiso init`'s placeholder table,
    /// pushed as it is, would publish "0/0 đơn vị", as would a table whose
    /// every unit is left out ("chưa công bố").
    fn check_not_empty(&mut self, file: &ResultsFile, file_index: usize) -> bool {
        if !file.waits_for_results() {
            return true;
        }
        let message = msg::table_empty(&file.index, file.year);
        let mut d = self.at(
            file_index,
            &[Seg::Key("index")],
            message,
            msg::hint_table_empty(),
        );
        d.severity = crate::diagnostic::Severity::Warning;
        self.diagnostics.push(d);
        false
    }

    /// Warns when a table of published results names no source: a reader
    /// cannot check a figure, nor quote where it comes from. Tables with
    /// no line yet, and illustrative ones, are not published results.
    fn check_has_source(&mut self, file: &ResultsFile, file_index: usize) {
        if file.source.is_some() || file.waits_for_results() || file.illustrative {
            return;
        }
        self.warn_at(
            file_index,
            &[Seg::Key("index")],
            msg::table_without_source(&file.index, file.year),
            msg::hint_table_source(),
        );
    }

    /// The year of the folder a results file is in (`data/results/2025/`)
    /// when it is not the file's `year`. A year that is not one is an
    /// error of its own.
    fn other_year_folder(&self, file: &ResultsFile, file_index: usize) -> Option<i32> {
        let path = &self.raw.file(file_index).path;
        path.iter()
            .skip_while(|part| *part != "results")
            .nth(1)
            .and_then(|part| part.to_str()?.parse::<i32>().ok())
            .filter(|&folder| folder != file.year && file.year > 0)
    }

    /// One error, at `year`, when a table in another year's folder lists
    /// units assessed in the folder's year but not in its own: last year's
    /// file copied with its `year` left, which would otherwise be an error
    /// at each such line, and units "missing" besides (adv18 m6). Returns
    /// whether it was told; the table is then not checked further, as its
    /// year is in doubt.
    fn year_copied_from_last_year(
        &mut self,
        site: &Site,
        file: &ResultsFile,
        file_index: usize,
    ) -> bool {
        let Some(folder) = self.other_year_folder(file, file_index) else {
            return false;
        };
        let assessed = |u: &super::Unit, year: i32| {
            u.active_from.is_none_or(|from| year >= from) && u.active_to.is_none_or(|to| year <= to)
        };
        let of_the_folder: Vec<&str> = file
            .results
            .iter()
            .filter_map(|r| self.ids.units.get(&r.unit).map(|&u| &site.units[u]))
            .filter(|u| !assessed(u, file.year) && assessed(u, folder))
            .map(|u| u.id.as_str())
            .collect();
        if of_the_folder.is_empty() {
            return false;
        }
        let mut named = of_the_folder[..of_the_folder.len().min(3)].join("`, `");
        if of_the_folder.len() > 3 {
            named.push_str("`, …");
        } else {
            named.push('`');
        }
        let message =
            msg::year_not_its_folders_units(file.year, folder, of_the_folder.len(), &named);
        let d = self.at(
            file_index,
            &[Seg::Key("year")],
            message,
            msg::hint_year_folder(folder),
        );
        self.diagnostics.push(d);
        true
    }

    /// Warns when a results file is in the folder of another year than its
    /// `year` (`data/results/2024/` holding `year = 2023`): last year's
    /// file copied and its year left unchanged, which publishes the table
    /// under the other year.
    fn check_year_folder(&mut self, file: &ResultsFile, file_index: usize) {
        let Some(folder) = self.other_year_folder(file, file_index) else {
            return;
        };
        let message = msg::year_not_its_folder(file.year, folder);
        let mut d = self.at(
            file_index,
            &[Seg::Key("year")],
            message,
            msg::hint_year_folder(folder),
        );
        d.severity = crate::diagnostic::Severity::Warning;
        self.diagnostics.push(d);
    }

    /// An error when every score of a table (two or more) is a fraction
    /// of 1 on an index whose scale reaches 10 or more: percentages taken
    /// as fractions (a spreadsheet's percentage cells hold 0,9438 and show
    /// 94,38%), which would print 0,94%. Returns whether it was told.
    fn check_fractions(
        &mut self,
        def: &super::Index,
        file: &ResultsFile,
        file_index: usize,
    ) -> bool {
        let scores: Vec<(usize, f64)> = file
            .results
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, r.score.filter(|s| s.is_finite())?)))
            .collect();
        let fractions = scores.len() >= 2
            && def.scale.max >= 10.0
            && def.scale.min >= 0.0
            && scores.iter().all(|&(_, s)| s <= 1.0)
            && scores.iter().any(|&(_, s)| s > 0.0);
        if fractions {
            let (first, score) = scores[0];
            let path = [Seg::Key("result"), Seg::Index(first), Seg::Key("score")];
            let message = msg::scores_are_fractions(
                scores.len(),
                &msg::figure_at(score, crate::vi::written_decimals(score)),
                &msg::figure_at(def.scale.max, 0),
            );
            let hint = msg::hint_scores_are_fractions(&msg::figure_at(
                score * 100.0,
                crate::vi::written_decimals(score).saturating_sub(2),
            ));
            let d = self.at(file_index, &path, message, hint);
            self.diagnostics.push(d);
        }
        fractions
    }

    fn at_origin(&self, origin: Origin, key: &str, message: String, hint: String) -> Diagnostic {
        let path = [
            Seg::Key(origin.list),
            Seg::Index(origin.index),
            Seg::Key(key),
        ];
        self.at(origin.file, &path, message, hint)
    }

    /// How units end, told as warnings (adv18 m7): a unit assessed after
    /// the year it was `abolished` (`abolished = 2023-07-01` with
    /// `active_to = 2024`), and one merged into a unit that ended the same
    /// year and was itself merged into another: it most likely joined
    /// that one, and its results would otherwise show only on the page of
    /// a unit that no longer exists.
    fn check_unit_ends(&mut self, defs: &Definitions, units: &IdVec<UnitId, Unit>) {
        for (&(def, origin), unit) in defs.units.iter().zip(units.iter()) {
            if let (Some(abolished), Some(to)) = (def.abolished, def.active_to) {
                if to > abolished.year {
                    let message = msg::assessed_after_abolished(&def.id, &abolished, to);
                    let mut d = self.at_origin(origin, "active_to", message, msg::hint_abolished());
                    d.severity = crate::diagnostic::Severity::Warning;
                    self.diagnostics.push(d);
                }
            }
            let Some(successor) = unit.merged_into.map(|s| &units[s]) else {
                continue;
            };
            let Some(next) = successor.merged_into.map(|n| &units[n]) else {
                continue;
            };
            if successor.active_to.is_some() && successor.active_to == unit.active_to {
                let message = msg::merged_into_merged(&def.id, &successor.id, &next.id);
                let mut d = self.at_origin(
                    origin,
                    "merged_into",
                    message,
                    msg::hint_merged_into_last(&next.id),
                );
                d.severity = crate::diagnostic::Severity::Warning;
                self.diagnostics.push(d);
            }
        }
    }

    /// A unit's `renamed`: each name written, each year once.
    fn check_renamed(&mut self, def: &schema::UnitDef, origin: Origin) {
        for (k, r) in def.renamed.iter().enumerate() {
            let at = |key| {
                [
                    Seg::Key(origin.list),
                    Seg::Index(origin.index),
                    Seg::Key("renamed"),
                    Seg::Index(k),
                    Seg::Key(key),
                ]
            };
            if r.name.trim().is_empty() {
                let path = at("name");
                let d = self.at(
                    origin.file,
                    &path,
                    msg::renamed_empty(&def.id),
                    msg::hint_renamed(),
                );
                self.diagnostics.push(d);
            }
            if def.renamed[..k].iter().any(|o| o.until == r.until) {
                let message = msg::renamed_year_twice(&def.id, r.until);
                let d = self.at(origin.file, &at("until"), message, msg::hint_renamed());
                self.diagnostics.push(d);
            }
            // A name ending before the unit's first assessed year is printed
            // nowhere: most likely a year mistyped. (One lasting to its last
            // year is not: a unit renamed after its last assessment.)
            if let Some(from) = def.active_from.filter(|&from| r.until < from) {
                let message = msg::renamed_before_active(&def.id, r.until, from);
                let mut d = self.at(origin.file, &at("until"), message, msg::hint_renamed());
                d.severity = crate::diagnostic::Severity::Warning;
                self.diagnostics.push(d);
            }
        }
    }

    /// Maps ids to typed ids (positions in `defs`), reporting duplicates and
    /// ids that are not slugs.
    fn ids_of<T, I: Id>(
        &mut self,
        what: &str,
        defs: &[(&T, Origin)],
        id_of: impl Fn(&T) -> &String,
    ) -> Ids<I> {
        let mut map = Ids::new();
        for (i, &(def, origin)) in defs.iter().enumerate() {
            let id = id_of(def);
            if !vi::is_slug(id) {
                let d = self.at_origin(
                    origin,
                    "id",
                    msg::invalid_id(what, id),
                    msg::hint_id_form(&vi::slugify(id)),
                );
                self.diagnostics.push(d);
            } else if vi::is_too_long(id) {
                let d = self.at_origin(
                    origin,
                    "id",
                    msg::id_too_long(what, id),
                    msg::hint_shorter_id(),
                );
                self.diagnostics.push(d);
            }
            if map.insert(id.clone(), I::from_position(i)).is_some() {
                let d = self.at_origin(
                    origin,
                    "id",
                    msg::duplicate_id(what, id),
                    msg::hint_distinct_ids(),
                );
                self.diagnostics.push(d);
            }
        }
        map
    }

    /// An index whose id is another's with [`EXCEL_SUFFIX`] would have its
    /// tables' CSV downloads named as the other's Excel CSVs: an error at
    /// its id.
    fn check_download_names(&mut self, indices: &[(&schema::IndexDef, Origin)]) {
        for &(def, origin) in indices {
            let Some(stem) = def.id.strip_suffix(EXCEL_SUFFIX) else {
                continue;
            };
            if self.ids.indices.contains_key(stem) {
                let d = self.at_origin(
                    origin,
                    "id",
                    msg::index_id_takes_excel_name(&def.id, stem),
                    msg::hint_index_id_not_excel(),
                );
                self.diagnostics.push(d);
            }
        }
    }

    /// `id` resolved among `ids`, or an error at `key` of the definition.
    fn resolve<I: Id>(
        &mut self,
        ids: &Ids<I>,
        what: &str,
        id: &str,
        (origin, key): (Origin, &str),
    ) -> Option<I> {
        let found = ids.get(id).copied();
        if found.is_none() {
            let hint = suggest(ids, id, what);
            let d = self.at_origin(origin, key, msg::undefined(what, id), hint);
            self.diagnostics.push(d);
        }
        found
    }

    /// The indices, each checked: finite numbers, a scale whose min is
    /// below its max, and their precision (`precision`).
    fn indices(&mut self, defs: &Definitions) -> IdVec<super::IndexId, Index> {
        for &(def, origin) in &defs.indices {
            let numbers = [("scale", def.scale.min), ("scale", def.scale.max)]
                .into_iter()
                .chain(
                    def.components
                        .iter()
                        .filter_map(|c| c.max.map(|m| ("component", m))),
                );
            for (key, value) in numbers {
                if !value.is_finite() {
                    let d = self.at_origin(
                        origin,
                        key,
                        msg::not_a_number(key),
                        msg::hint_write_number(),
                    );
                    self.diagnostics.push(d);
                }
            }
            let bands = [
                Seg::Key("index"),
                Seg::Index(origin.index),
                Seg::Key("band"),
            ];
            let index = (def.higher_is_better, (def.scale.min, def.scale.max));
            self.check_bands(origin.file, &bands, &def.bands, index);
            if def.scale.min >= def.scale.max {
                let d = self.at_origin(
                    origin,
                    "scale",
                    msg::scale_inverted(&def.id),
                    msg::hint_scale(),
                );
                self.diagnostics.push(d);
            } else if def.unit_label.trim() == "%" && def.scale.min >= 0.0 && def.scale.max <= 1.0 {
                // A share written 0,85 would print "0,85%".
                let path = [
                    Seg::Key("index"),
                    Seg::Index(origin.index),
                    Seg::Key("unit_label"),
                ];
                self.warn_at(
                    origin.file,
                    &path,
                    msg::percent_of_a_fraction(&def.id),
                    msg::hint_percent_of_a_fraction(),
                );
            }
            self.check_index_precision(def, origin.file, origin.index);
        }
        let written: Vec<_> = defs
            .indices
            .iter()
            .map(|&(d, o)| (d, o.file, o.index))
            .collect();
        let levels = self.component_levels(&written);
        let indices = defs.indices.iter().zip(levels);
        IdVec::from_vec(indices.map(|((d, _), c)| index(d, c)).collect())
    }

    /// The groups, `comparable_with` resolved.
    fn groups(&mut self, defs: &Definitions) -> IdVec<super::GroupId, Group> {
        // Taken out while `self` reports what does not resolve.
        let ids = std::mem::take(&mut self.ids);
        let groups = defs.groups.iter().map(|&(def, origin)| Group {
            id: def.id.clone(),
            name: def.name.clone(),
            description: def.description.clone(),
            average_label: average_label(def),
            comparable_with: def
                .comparable_with
                .iter()
                .filter_map(|other| {
                    self.resolve(&ids.groups, "group", other, (origin, "comparable_with"))
                })
                .collect(),
            units: Vec::new(),
        });
        let groups = IdVec::from_vec(groups.collect());
        self.ids = ids;
        groups
    }

    /// The units, their group, regions and successor resolved.
    fn units(&mut self, defs: &Definitions) -> IdVec<UnitId, Unit> {
        // Taken out while `self` reports what does not resolve.
        let ids = std::mem::take(&mut self.ids);
        let mut units = IdVec::new();
        for &(def, origin) in &defs.units {
            let group = def
                .group
                .as_ref()
                .and_then(|g| self.resolve(&ids.groups, "group", g, (origin, "group")));
            // A unit merged into itself is as wrong as one merged into none.
            let successor = def.merged_into.as_ref().and_then(|s| {
                if *s == def.id {
                    let hint = suggest(&ids.units, s, "unit");
                    let d = self.at_origin(origin, "merged_into", msg::undefined("unit", s), hint);
                    self.diagnostics.push(d);
                    return None;
                }
                self.resolve(&ids.units, "unit", s, (origin, "merged_into"))
            });
            let regions = def
                .regions
                .iter()
                .filter_map(|r| self.resolve(&ids.regions, "region", r, (origin, "regions")))
                .collect();
            if def.name.trim().is_empty() {
                let message = msg::name_blank(&def.id);
                let d = self.at_origin(origin, "name", message, msg::hint_name_blank());
                self.diagnostics.push(d);
            }
            self.check_renamed(def, origin);
            units.push(Unit {
                id: def.id.clone(),
                name: def.name.clone(),
                kind: def.kind.clone(),
                group,
                regions,
                former_names: former_names(def),
                renamed: renamed(def),
                active_from: def.active_from,
                active_to: def.active_to,
                merged_into: successor,
                abolished: def.abolished,
                description: def.description.clone(),
            });
        }
        self.ids = ids;
        units
    }

    /// Every table, checked and ranked independently (in parallel, each
    /// with its own diagnostics, gathered in file order), latest year first,
    /// then index and group in definition order.
    /// A table is taken from `cache` when its file is the same parsed
    /// value and so are the definitions, or when they changed only in
    /// names (`renamed`) and checking the table reported nothing; with
    /// whether every table was.
    fn tables(
        &mut self,
        site: &Site,
        files: Vec<Loaded<ResultsFile>>,
        cache: &mut TableCache,
        renamed: bool,
    ) -> (IdVec<super::TableId, Table>, Vec<super::WaitingTable>, bool) {
        let (raw, ids) = (self.raw, &*self.ids);
        let fits = cache.fits(raw);
        let unkept = cache.unkept;
        let mut kept = std::mem::take(&mut cache.tables);
        // Each file's parsed value goes as soon as its table is made, unless
        // the cache keeps it: a build holds the parsed files and the tables
        // made from them at once only for the files being checked.
        let checked: Vec<Checked> = files
            .into_par_iter()
            .map(|loaded| {
                let path = &raw.file(loaded.file).path;
                let hit = kept.get(path).filter(|(file, checked)| {
                    let silent = checked.1.is_empty();
                    Arc::ptr_eq(file, &loaded.value) && (fits || (renamed && silent))
                });
                let (table, found, hit) = match hit {
                    Some((_, checked)) => {
                        let (table, found) = &**checked;
                        (table.clone(), found.clone(), true)
                    }
                    None => {
                        let mut found = Diagnostics::default();
                        let table = Context {
                            raw,
                            diagnostics: &mut found,
                            ids: Cow::Borrowed(ids),
                        }
                        .table(site, &loaded.value, loaded.file);
                        raw.indexes.forget(loaded.file);
                        (table, found, false)
                    }
                };
                let waiting = loaded
                    .value
                    .waits_for_results()
                    .then(|| super::WaitingTable {
                        index: loaded.value.index.clone(),
                        group: loaded.value.group.clone(),
                        year: loaded.value.year,
                        file: path.clone(),
                    });
                Checked {
                    table,
                    waiting,
                    found,
                    hit,
                    file: loaded.file,
                    parsed: (!unkept).then_some(loaded.value),
                }
            })
            .collect();
        cache.indices = raw.indices.iter().map(|l| Arc::clone(&l.value)).collect();
        cache.units = raw.units.iter().map(|l| Arc::clone(&l.value)).collect();
        for checked in &checked {
            let Some(parsed) = &checked.parsed else {
                continue;
            };
            let path = &raw.file(checked.file).path;
            let entry = match kept.remove_entry(path).filter(|_| checked.hit) {
                Some(entry) => entry,
                None => {
                    let made = Arc::new((checked.table.clone(), checked.found.clone()));
                    (path.clone(), (Arc::clone(parsed), made))
                }
            };
            cache.tables.insert(entry.0, entry.1);
        }
        let all_kept = checked.iter().all(|c| c.hit);
        let mut seen = BTreeMap::new();
        let mut tables = Vec::new();
        let mut waiting = Vec::new();
        for checked in checked {
            self.diagnostics.extend(checked.found);
            waiting.extend(checked.waiting);
            let Some(table) = checked.table else {
                continue;
            };
            let key = (table.index, table.year, table.group);
            if let Some(first) = seen.insert(key, table.file.clone()) {
                let (index, group) = (&site.indices[table.index].id, &site.groups[table.group].id);
                let message = msg::table_twice(index, table.year, group, first.display());
                let d = self.at(
                    checked.file,
                    &[Seg::Key("index")],
                    message,
                    msg::hint_one_file_per_table(),
                );
                self.diagnostics.push(d);
                continue;
            }
            tables.push(table);
        }
        tables.sort_by_key(|t| (std::cmp::Reverse(t.year), t.index, t.group));
        (IdVec::from_vec(tables), waiting, all_kept)
    }

    /// Resolves and checks one table, deriving its ranks and averages.
    fn table(&mut self, site: &Site, file: &ResultsFile, file_index: usize) -> Option<Table> {
        let errors_before = self.diagnostics.error_count();
        let index = self.ids.indices.get(&file.index).copied();
        if index.is_none() {
            let hint = suggest(&self.ids.indices, &file.index, "index");
            let d = self.at(
                file_index,
                &[Seg::Key("index")],
                msg::undefined("index", &file.index),
                hint,
            );
            self.diagnostics.push(d);
        }
        let group = self.ids.groups.get(&file.group).copied();
        if group.is_none() {
            let hint = suggest(&self.ids.groups, &file.group, "group");
            let d = self.at(
                file_index,
                &[Seg::Key("group")],
                msg::undefined("group", &file.group),
                hint,
            );
            self.diagnostics.push(d);
        }
        if file.published_average.is_some_and(|a| !a.is_finite()) {
            let key = "published_average";
            let d = self.at(
                file_index,
                &[Seg::Key(key)],
                msg::not_a_number(key),
                msg::hint_write_number(),
            );
            self.diagnostics.push(d);
        }
        self.check_stated_figures(file, file_index);
        self.check_table_precision(file, file_index);
        let (index, group) = (index?, group?);
        if self.year_copied_from_last_year(site, file, file_index) {
            return None;
        }
        self.check_completeness(site, file, file_index, group);
        let def = &site.indices[index];
        if let Some(average) = file
            .published_average
            .filter(|a| a.is_finite() && (*a < def.scale.min || *a > def.scale.max))
        {
            let (min, max) = (def.scale.min, def.scale.max);
            let d = self.at(
                file_index,
                &[Seg::Key("published_average")],
                msg::average_outside_scale(average, &def.id, min, max),
                msg::hint_decimal_point(),
            );
            self.diagnostics.push(d);
        }
        // A table's own bands (tiers re-cut that year) replace the index's.
        let bands = if file.bands.is_empty() {
            def.bands.clone()
        } else {
            let index = (def.higher_is_better, (def.scale.min, def.scale.max));
            self.check_bands(file_index, &[Seg::Key("band")], &file.bands, index);
            file.bands.iter().map(bands::band).collect()
        };

        let mut rows = Vec::with_capacity(file.results.len());
        // Each unit's first line, by its entry.
        let mut units_seen = BTreeMap::new();
        let text = self.raw.file(file_index);
        let printed = table_decimals(def, file);
        // A score whose float has fewer decimals than it prints may have
        // been typed so (88.3) or with its zero (88.30): its text says.
        let coarse_float = |r: &schema::ResultRow| {
            r.score
                .is_some_and(|s| r.decimals.is_none() && crate::vi::written_decimals(s) < printed)
        };
        let figures_written = match text.format {
            crate::parse::Format::Toml
                if file
                    .results
                    .iter()
                    .any(|r| r.points.is_some() || coarse_float(r)) =>
            {
                written::toml_figures(&text.text)
            }
            _ => Vec::new(),
        };
        // Errors of the table itself leave nothing to check its lines
        // against; errors of a line leave the others checkable when the
        // lines still hold the figures the file states (see below).
        let table_errors = self.diagnostics.error_count() != errors_before;
        let mut lines_as_stated = true;
        // A line left out shifts every rank, "of" and average derived from
        // a complete table; a partial table's lines are checked against
        // each other, pair by pair, and stay checkable without it.
        let checkable_without_a_line = !file.complete;
        for (i, result) in file.results.iter().enumerate() {
            let row_path = |key| [Seg::Key("result"), Seg::Index(i), Seg::Key(key)];
            let errors_at_line = self.diagnostics.error_count();
            let Some(&unit) = self.ids.units.get(&result.unit) else {
                let hint = unit_named(&site.units, &result.unit).map_or_else(
                    || suggest(&self.ids.units, &result.unit, "unit"),
                    msg::hint_id_not_name,
                );
                let d = self.at(
                    file_index,
                    &row_path("unit"),
                    msg::undefined("unit", &result.unit),
                    hint,
                );
                self.diagnostics.push(d);
                lines_as_stated &= checkable_without_a_line;
                continue;
            };
            if let Some(&first) = units_seen.get(&unit) {
                // Where the first line is, to compare the two.
                let first_path = [Seg::Key("result"), Seg::Index(first), Seg::Key("unit")];
                let first_line = self
                    .raw
                    .point(file_index, &first_path)
                    .map(|(at, _)| at.line);
                let d = self.at(
                    file_index,
                    &row_path("unit"),
                    match first_line {
                        Some(line) => msg::unit_twice_at(&result.unit, line),
                        None => msg::unit_twice(&result.unit),
                    },
                    msg::hint_one_result_per_unit(),
                );
                self.diagnostics.push(d);
                lines_as_stated &= checkable_without_a_line;
                continue;
            }
            units_seen.insert(unit, i);
            let u = &site.units[unit];
            let active = u.active_from.is_none_or(|from| file.year >= from)
                && u.active_to.is_none_or(|to| file.year <= to);
            // A unit ranked outside its years is still a line as written:
            // its error leaves the table's other checks standing.
            let inactive_errors = usize::from(!active);
            if !active {
                let message =
                    msg::unit_inactive(&result.unit, file.year, u.active_from, u.active_to);
                // After the unit was merged, the result is likely its
                // successor's; before it began, one of the units merged
                // into it.
                let after = u.active_to.is_some_and(|to| file.year > to);
                // Read from the units: `Site::merged_from` is made later.
                let merged: Vec<&str> = site
                    .units
                    .iter()
                    .filter(|m| m.merged_into == Some(unit))
                    .map(|m| m.id.as_str())
                    .collect();
                let hint = match (after, u.merged_into) {
                    (true, Some(s)) => msg::hint_result_of_successor(&site.units[s].id),
                    (false, _) if !merged.is_empty() => {
                        msg::hint_result_of_predecessors(&merged.join("`, `"))
                    }
                    _ => msg::hint_active_years(),
                };
                let d = self.at(file_index, &row_path("unit"), message, hint);
                self.diagnostics.push(d);
            }
            self.check_line(def, file, file_index, i);
            match row(def, file, (i, result), unit, &self.ids.regions) {
                Ok(mut row) => {
                    // A percent that differs from its points only at the
                    // decimals written is disputed as any other.
                    if let (Some(note), None) = (&result.disputed, &row.disputed) {
                        if let Some(derived) =
                            self.percent_differs_as_written(def, result, file_index, i)
                        {
                            row.disputed = Some(super::Disputed {
                                derived,
                                note: note.clone(),
                            });
                        }
                    }
                    let figures = figures_written.get(i).copied().unwrap_or_default();
                    self.written_decimals(file_index, (i, figures), result, &mut row);
                    rows.push(row);
                    let line_errors = self.diagnostics.error_count() - errors_at_line;
                    lines_as_stated &= line_errors == inactive_errors;
                }
                Err(problems) => {
                    for problem in problems {
                        let mut path = vec![Seg::Key("result"), Seg::Index(i)];
                        path.extend(problem.path.iter().copied());
                        path.extend(problem.key.as_deref().map(Seg::Key));
                        path.extend(problem.then.map(Seg::Key));
                        let d = self.at(file_index, &path, problem.message, problem.hint);
                        self.diagnostics.push(d);
                    }
                    lines_as_stated &= checkable_without_a_line;
                }
            }
        }

        if self.recovered(file_index) {
            // Some lines were left out: whatever reads the lines together
            // (the scores' decimals, ranks, averages, bands, an empty
            // table) would be checked on a table that is not the one
            // written. The file has errors: the table is never published.
            self.check_year_folder(file, file_index);
            self.check_has_source(file, file_index);
            return None;
        }
        let errors_of_lines = self.diagnostics.error_count();
        self.check_score_decimals(def, file, file_index, &figures_written);
        self.check_scores_coarser(file, file_index, &figures_written, printed);
        // The decimals decide ties: their errors stop the checks too.
        lines_as_stated &= self.diagnostics.error_count() == errors_of_lines;
        self.check_year_folder(file, file_index);
        if !self.check_not_empty(file, file_index) {
            // Nothing to publish yet: no page of "0 đơn vị xếp hạng".
            return None;
        }
        self.check_has_source(file, file_index);
        let mut table = Table {
            index,
            group,
            year: file.year,
            complete: file.complete,
            decimals: table_decimals(def, file),
            announced: file.announced,
            source: file.source.as_ref().map(source),
            note: file.note.clone(),
            ties_broken: None,
            rank_style: file.rank_style,
            rows,
            ranked: None,
            average: None,
            average_decimals: table_decimals(def, file),
            average_derived: None,
            average_disputed: None,
            own_bands: !file.bands.is_empty(),
            bands,
            top_band: None,
            band_counts: Vec::new(),
            regions: Vec::new(),
            excluded: file
                .excluded
                .iter()
                .filter_map(|e| Some((*self.ids.units.get(&e.unit)?, e.reason.clone())))
                .collect(),
            region_figures: Vec::new(),
            average_published: file.published_average.is_some(),
            scores_only: file.scores_only,
            listings: Vec::new(),
            file: self.raw.file(file_index).path.clone(),
        };
        if table_errors || !lines_as_stated {
            // Checking the stated ranks against figures that are not the
            // file's would report errors that are not there.
            return None;
        }
        if file.complete {
            self.rank_complete(def, file, file_index, &mut table, site);
            if file.scores_only {
                unrank(&mut table);
            }
        } else {
            table.ranked = self.check_partial(def, file, file_index, &mut table, site);
            self.keep_published_average(file, file_index, &mut table);
            self.check_partial_regional(def, file_index, &table, site);
            // One "of" per table: a rank stated alone is out of it.
            if let Some(of) = table.ranked {
                for row in table.rows.iter_mut().filter(|r| r.rank.is_some()) {
                    row.of.get_or_insert(of);
                }
            }
        }
        self.check_table_of(file, file_index, table.ranked);
        table.mark_ties();
        table.listings = self.listings(def, file, file_index, &table, site, group);
        self.band_rows(file, file_index, &mut table, site);
        self.check_band_without_score(file_index, &table, site);
        self.band_counts(file, file_index, &mut table, site);
        self.component_ranks(def, file_index, &mut table, site);
        self.region_figures(def, file, file_index, &mut table, site);
        // A line that states only its band (a decision rating units in
        // groups) sits with its band, the best first.
        let band_only = |r: &super::Row| match &r.band {
            Some(b) if r.is_band_only() => b.band,
            _ => usize::MAX,
        };
        // A line with no rank (an extract's unranked lines) sits by its
        // score, the best first, as a reader takes the order to rank them;
        // a table of scores its source chose not to rank keeps to the
        // alphabet.
        let by_score = !table.scores_only;
        let unranked_by_score = |r: &super::Row| match (r.rank, r.basis()) {
            (None, Some(value)) if by_score => {
                let key = vi::scaled(value, def.decimals);
                (false, if def.higher_is_better { -key } else { key })
            }
            _ => (true, 0),
        };
        table.rows.sort_by(|a, b| {
            (a.rank.is_none(), a.rank, band_only(a), unranked_by_score(a))
                .cmp(&(b.rank.is_none(), b.rank, band_only(b), unranked_by_score(b)))
                // Unit indices follow Vietnamese alphabetical order.
                .then_with(|| a.unit.cmp(&b.unit))
        });
        (self.diagnostics.error_count() == errors_before).then_some(table)
    }
}

/// A unit's former names: those written, then those of `renamed` not
/// among them.
fn former_names(def: &schema::UnitDef) -> Vec<String> {
    let mut names = def.former_names.clone();
    for r in &def.renamed {
        if !names.contains(&r.name) && r.name != def.name {
            names.push(r.name.clone());
        }
    }
    names
}

/// A unit's `renamed`, earliest first.
fn renamed(def: &schema::UnitDef) -> Vec<(i32, String)> {
    let mut renamed: Vec<(i32, String)> = def
        .renamed
        .iter()
        .map(|r| (r.until, r.name.clone()))
        .collect();
    renamed.sort_by_key(|(until, _)| *until);
    renamed
}

/// A complete score-only table keeps its average and band count but no
/// rank, "of" or regional rank: none was published.
fn unrank(table: &mut Table) {
    table.ranked = None;
    for row in &mut table.rows {
        row.rank = None;
        row.of = None;
        row.regional.clear();
    }
}

/// The id of the unit whose name, current or former, is `text` (ignoring
/// case and diacritics): a name written where the unit's id goes.
fn unit_named<'a>(units: &'a IdVec<UnitId, Unit>, text: &str) -> Option<&'a str> {
    let folded = vi::fold(text);
    units
        .iter()
        .find(|u| {
            std::iter::once(&u.name)
                .chain(&u.former_names)
                .any(|name| vi::fold(name) == folded)
        })
        .map(|u| u.id.as_str())
}

pub(super) fn suggest<I>(ids: &Ids<I>, wrong: &str, what: &str) -> String {
    match closest(wrong, ids.keys().map(String::as_str)) {
        Some(near) => msg::hint_did_you_mean(near),
        None => msg::hint_define_first(what),
    }
}
