//! From raw data files to the checked, derived [`Site`]: resolve ids, check
//! every stated figure against what can be computed, rank, average, band, and
//! compare each result with the year before. Problems become diagnostics
//! pointing at the offending value; a table with errors is left out so later
//! stages never see bad data.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::changes::derive_changes;
use super::row::row;
use super::{Site, Table};
use crate::data::schema::ResultsFile;
use crate::data::RawData;
use crate::diagnostic::{closest, Diagnostic, Diagnostics};
use crate::locate::Seg;
use crate::messages as msg;
use crate::vi;

/// Id → position, for one kind of definition.
pub(super) type Ids = BTreeMap<String, usize>;

/// The most decimals an index may have: enough for every published index
/// (PAPI and DTI use 4), and small enough that scaled scores fit in an i64.
const MAX_DECIMALS: u32 = 6;

/// Where a definition was written: a file and its place in a list.
#[derive(Debug, Clone, Copy)]
struct Origin {
    file: usize,
    list: &'static str,
    index: usize,
}

/// Checks the raw data and derives every figure.
pub fn assemble(raw: &RawData, diagnostics: &mut Diagnostics) -> Site {
    let mut ctx = Context {
        raw,
        diagnostics,
        ids: Default::default(),
    };
    let mut site = Site::default();
    let mut origins = Origins::default();
    for loaded in &raw.indices {
        for (i, def) in loaded.value.indices.iter().enumerate() {
            site.indices.push(def.clone());
            origins.indices.push(Origin {
                file: loaded.file,
                list: "index",
                index: i,
            });
        }
    }
    let mut units = Vec::new();
    for loaded in &raw.units {
        let file = loaded.file;
        for (i, def) in loaded.value.groups.iter().enumerate() {
            site.groups.push(def.clone());
            origins.groups.push(Origin {
                file,
                list: "group",
                index: i,
            });
        }
        for (i, def) in loaded.value.regions.iter().enumerate() {
            site.regions.push(def.clone());
            origins.regions.push(Origin {
                file,
                list: "region",
                index: i,
            });
        }
        for (i, def) in loaded.value.units.iter().enumerate() {
            units.push((
                def.clone(),
                Origin {
                    file,
                    list: "unit",
                    index: i,
                },
            ));
        }
    }
    // Units are kept in Vietnamese alphabetical order, so that a unit's index
    // is its place in that order (tables and sort keys rely on it).
    // Collation keys are computed in parallel (a national site has 15,000
    // units); the order is the same as `sort_by_cached_key`.
    units.par_sort_by_cached_key(|(u, _)| (vi::sort_key(&u.name), u.id.clone()));
    (site.units, origins.units) = units.into_iter().unzip();

    ctx.ids.to_mut().indices = ctx.ids_of(
        "index",
        site.indices.iter().map(|d| d.id.as_str()),
        &origins.indices,
    );
    ctx.ids.to_mut().groups = ctx.ids_of(
        "group",
        site.groups.iter().map(|d| d.id.as_str()),
        &origins.groups,
    );
    ctx.ids.to_mut().regions = ctx.ids_of(
        "region",
        site.regions.iter().map(|d| d.id.as_str()),
        &origins.regions,
    );
    ctx.ids.to_mut().units = ctx.ids_of(
        "unit",
        site.units.iter().map(|d| d.id.as_str()),
        &origins.units,
    );
    ctx.check_indices(&site, &origins.indices);
    ctx.check_units(&site, &origins.units);
    ctx.check_groups(&site, &origins.groups);

    if raw.definitions_incomplete {
        // Every reference to a definition in the unreadable file would be
        // reported as undefined: noise that hides the one real problem.
        return site;
    }
    // Tables are checked and ranked independently: in parallel, each with
    // its own diagnostics, gathered in file order.
    let ids = std::mem::take(ctx.ids.to_mut());
    let checked: Vec<(Option<Table>, Diagnostics)> = raw
        .tables
        .par_iter()
        .map(|loaded| {
            let mut found = Diagnostics::default();
            let table = Context {
                raw,
                diagnostics: &mut found,
                ids: Cow::Borrowed(&ids),
            }
            .table(&site, &loaded.value, loaded.file);
            (table, found)
        })
        .collect();
    let mut seen = BTreeMap::new();
    for (loaded, (table, found)) in raw.tables.iter().zip(checked) {
        ctx.diagnostics.extend(found);
        let Some(table) = table else {
            continue;
        };
        let key = (table.index, table.year, table.group);
        if let Some(first) = seen.insert(key, table.file.clone()) {
            let file = &loaded.value;
            let message = msg::table_twice(&file.index, file.year, &file.group, first.display());
            let d = ctx.at(
                loaded.file,
                &[Seg::Key("index")],
                message,
                msg::hint_one_file_per_table(),
            );
            ctx.diagnostics.push(d);
            continue;
        }
        site.tables.push(table);
    }
    site.tables
        .sort_by_key(|t| (std::cmp::Reverse(t.year), t.index, t.group));
    derive_changes(&mut site.tables, &site.groups);
    site.results_by_unit = vec![Vec::new(); site.units.len()];
    for (t, table) in site.tables.iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            site.results_by_unit[row.unit].push((t, r));
        }
    }
    site
}

#[derive(Default)]
struct Origins {
    indices: Vec<Origin>,
    groups: Vec<Origin>,
    regions: Vec<Origin>,
    units: Vec<Origin>,
}

#[derive(Default, Clone)]
struct AllIds {
    indices: Ids,
    groups: Ids,
    regions: Ids,
    units: Ids,
}

pub(super) struct Context<'a> {
    raw: &'a RawData,
    pub(super) diagnostics: &'a mut Diagnostics,
    ids: Cow<'a, AllIds>,
}

impl Context<'_> {
    /// An error pointing at the value at `path` in data file `file`.
    pub(super) fn at(
        &self,
        file: usize,
        path: &[Seg],
        message: String,
        hint: String,
    ) -> Diagnostic {
        let source = self.raw.file(file);
        let d = Diagnostic::error(message)
            .in_file(&source.path)
            .with_hint(hint);
        match self.raw.point(file, path) {
            Some((location, snippet)) => d.at_point(location, snippet),
            None => d,
        }
    }

    fn at_origin(&self, origin: Origin, key: &str, message: String, hint: String) -> Diagnostic {
        let path = [
            Seg::Key(origin.list),
            Seg::Index(origin.index),
            Seg::Key(key),
        ];
        self.at(origin.file, &path, message, hint)
    }

    /// Maps ids to positions, reporting duplicates and ids that are not slugs.
    fn ids_of<'b>(
        &mut self,
        what: &str,
        ids: impl Iterator<Item = &'b str>,
        origins: &[Origin],
    ) -> Ids {
        let mut map = Ids::new();
        for ((i, id), &origin) in ids.enumerate().zip(origins) {
            if id.is_empty() || vi::slugify(id) != id {
                let d = self.at_origin(
                    origin,
                    "id",
                    msg::invalid_id(what, id),
                    msg::hint_id_form(&vi::slugify(id)),
                );
                self.diagnostics.push(d);
            }
            if map.insert(id.to_owned(), i).is_some() {
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

    fn check_indices(&mut self, site: &Site, origins: &[Origin]) {
        for (def, &origin) in site.indices.iter().zip(origins) {
            let numbers = [("scale", def.scale.min), ("scale", def.scale.max)]
                .into_iter()
                .chain(
                    def.components
                        .iter()
                        .filter_map(|c| c.max.map(|m| ("component", m))),
                )
                .chain(def.bands.iter().map(|b| ("band", b.min)));
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
            if def.scale.min >= def.scale.max {
                let d = self.at_origin(
                    origin,
                    "scale",
                    msg::scale_inverted(&def.id),
                    msg::hint_scale(),
                );
                self.diagnostics.push(d);
            }
            if def.decimals > MAX_DECIMALS {
                let d = self.at_origin(
                    origin,
                    "decimals",
                    msg::too_many_decimals(def.decimals),
                    msg::hint_scale(),
                );
                self.diagnostics.push(d);
            }
        }
    }

    fn check_groups(&mut self, site: &Site, origins: &[Origin]) {
        for (group, &origin) in site.groups.iter().zip(origins) {
            for other in &group.comparable_with {
                if !self.ids.groups.contains_key(other) {
                    let hint = suggest(&self.ids.groups, other, "group");
                    let d = self.at_origin(
                        origin,
                        "comparable_with",
                        msg::undefined("group", other),
                        hint,
                    );
                    self.diagnostics.push(d);
                }
            }
        }
    }

    fn check_units(&mut self, site: &Site, origins: &[Origin]) {
        for (unit, &origin) in site.units.iter().zip(origins) {
            if let Some(group) = &unit.group {
                if !self.ids.groups.contains_key(group) {
                    let hint = suggest(&self.ids.groups, group, "group");
                    let d = self.at_origin(origin, "group", msg::undefined("group", group), hint);
                    self.diagnostics.push(d);
                }
            }
            if let Some(successor) = &unit.merged_into {
                if !self.ids.units.contains_key(successor) || successor == &unit.id {
                    let hint = suggest(&self.ids.units, successor, "unit");
                    let d = self.at_origin(
                        origin,
                        "merged_into",
                        msg::undefined("unit", successor),
                        hint,
                    );
                    self.diagnostics.push(d);
                }
            }
            for region in &unit.regions {
                if !self.ids.regions.contains_key(region) {
                    let hint = suggest(&self.ids.regions, region, "region");
                    let d =
                        self.at_origin(origin, "regions", msg::undefined("region", region), hint);
                    self.diagnostics.push(d);
                }
            }
        }
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
        let (index, group) = (index?, group?);
        self.check_completeness(site, file, file_index, group);
        let def = &site.indices[index];

        let mut rows = Vec::with_capacity(file.results.len());
        let mut units_seen = BTreeSet::new();
        for (i, result) in file.results.iter().enumerate() {
            let row_path = |key| [Seg::Key("result"), Seg::Index(i), Seg::Key(key)];
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
                continue;
            };
            if !units_seen.insert(unit) {
                let d = self.at(
                    file_index,
                    &row_path("unit"),
                    msg::unit_twice(&result.unit),
                    msg::hint_one_result_per_unit(),
                );
                self.diagnostics.push(d);
                continue;
            }
            let u = &site.units[unit];
            let active = u.active_from.is_none_or(|from| file.year >= from)
                && u.active_to.is_none_or(|to| file.year <= to);
            if !active {
                let message =
                    msg::unit_inactive(&result.unit, file.year, u.active_from, u.active_to);
                let d = self.at(
                    file_index,
                    &row_path("unit"),
                    message,
                    msg::hint_active_years(),
                );
                self.diagnostics.push(d);
            }
            let unranked = result.not_ranked.is_some();
            if !file.complete && !unranked && (result.rank.is_none() || result.of.is_none()) {
                let d = self.at(
                    file_index,
                    &row_path("unit"),
                    msg::partial_without_rank(&result.unit),
                    msg::hint_partial_rank(),
                );
                self.diagnostics.push(d);
            }
            match row(def, file, (i, result), unit, &self.ids.regions) {
                Ok(row) => rows.push(row),
                Err(problems) => {
                    for problem in problems {
                        let mut path = vec![Seg::Key("result"), Seg::Index(i)];
                        path.extend(problem.path.iter().copied());
                        path.extend(problem.key.as_deref().map(Seg::Key));
                        let d = self.at(file_index, &path, problem.message, problem.hint);
                        self.diagnostics.push(d);
                    }
                }
            }
        }

        let mut table = Table {
            index,
            group,
            year: file.year,
            complete: file.complete,
            announced: file.announced,
            source: file.source.clone(),
            note: file.note.clone(),
            rows,
            ranked: None,
            average: None,
            top_band: None,
            regions: Vec::new(),
            average_published: file.published_average.is_some(),
            file: self.raw.file(file_index).path.clone(),
        };
        if file.complete {
            self.rank_complete(def, file, file_index, &mut table, site);
        } else {
            table.ranked = table.rows.iter().find_map(|r| r.of);
            table.average = file.published_average;
        }
        table.rows.sort_by(|a, b| {
            (a.rank.is_none(), a.rank)
                .cmp(&(b.rank.is_none(), b.rank))
                // Unit indices follow Vietnamese alphabetical order.
                .then_with(|| a.unit.cmp(&b.unit))
        });
        (self.diagnostics.error_count() == errors_before).then_some(table)
    }
}

/// The id of the unit whose name, current or former, is `text` (ignoring
/// case and diacritics): a name written where the unit's id goes.
fn unit_named<'a>(units: &'a [crate::data::schema::UnitDef], text: &str) -> Option<&'a str> {
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

pub(super) fn suggest(ids: &Ids, wrong: &str, what: &str) -> String {
    match closest(wrong, ids.keys().map(String::as_str)) {
        Some(near) => msg::hint_did_you_mean(near),
        None => msg::hint_define_first(what),
    }
}
