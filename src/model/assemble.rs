//! From raw data files to the checked, derived [`Site`]: resolve ids, check
//! every stated figure against what can be computed, rank, average, band, and
//! compare each result with the year before. Problems become diagnostics
//! pointing at the offending value; a table with errors is left out so later
//! stages never see bad data.

use std::collections::{BTreeMap, BTreeSet};

use super::derive;
use super::{Change, NoComparison, RegionSummary, RegionalRank, Row, Site, Table};
use crate::data::schema::{GroupDef, IndexDef, ResultRow, ResultsFile};
use crate::data::RawData;
use crate::diagnostic::{closest, Diagnostic, Diagnostics};
use crate::locate::{locate, Seg};
use crate::messages as msg;
use crate::vi::{self, scaled};

/// Id → position, for one kind of definition.
type Ids = BTreeMap<String, usize>;

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
    units.sort_by(|(a, _), (b, _)| vi::compare(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));
    (site.units, origins.units) = units.into_iter().unzip();

    ctx.ids.indices = ctx.ids_of(
        "index",
        site.indices.iter().map(|d| d.id.as_str()),
        &origins.indices,
    );
    ctx.ids.groups = ctx.ids_of(
        "group",
        site.groups.iter().map(|d| d.id.as_str()),
        &origins.groups,
    );
    ctx.ids.regions = ctx.ids_of(
        "region",
        site.regions.iter().map(|d| d.id.as_str()),
        &origins.regions,
    );
    ctx.ids.units = ctx.ids_of(
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
    let mut seen = BTreeMap::new();
    for loaded in &raw.tables {
        let Some(table) = ctx.table(&site, &loaded.value, loaded.file) else {
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

#[derive(Default)]
struct AllIds {
    indices: Ids,
    groups: Ids,
    regions: Ids,
    units: Ids,
}

struct Context<'a> {
    raw: &'a RawData,
    diagnostics: &'a mut Diagnostics,
    ids: AllIds,
}

impl Context<'_> {
    /// An error pointing at the value at `path` in data file `file`.
    fn at(&self, file: usize, path: &[Seg], message: String, hint: String) -> Diagnostic {
        let source = self.raw.file(file);
        let d = Diagnostic::error(message)
            .in_file(&source.path)
            .with_hint(hint);
        match locate(&source.text, source.format, path) {
            Some(offset) => d.at_offset(&source.text, offset),
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
        if let Some(average) = file.published_average.filter(|a| !a.is_finite()) {
            let _ = average;
            let key = "published_average";
            let d = self.at(
                file_index,
                &[Seg::Key(key)],
                msg::not_a_number(key),
                msg::hint_write_number(),
            );
            self.diagnostics.push(d);
        }
        let (index, group) = (index?, group?);
        let def = &site.indices[index];

        let mut rows = Vec::with_capacity(file.results.len());
        let mut units_seen = BTreeSet::new();
        for (i, result) in file.results.iter().enumerate() {
            let row_path = |key| [Seg::Key("result"), Seg::Index(i), Seg::Key(key)];
            let Some(&unit) = self.ids.units.get(&result.unit) else {
                let hint = suggest(&self.ids.units, &result.unit, "unit");
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
                .then_with(|| vi::compare(&site.units[a.unit].name, &site.units[b.unit].name))
        });
        (self.diagnostics.error_count() == errors_before).then_some(table)
    }

    /// Ranks a complete table and checks every stated figure against it:
    /// ranks, "of", regional ranks and the published average. Units not
    /// ranked count in none of them.
    fn rank_complete(
        &mut self,
        def: &IndexDef,
        file: &ResultsFile,
        file_index: usize,
        table: &mut Table,
        site: &Site,
    ) {
        let key = |r: &Row| {
            r.value
                .filter(|_| r.not_ranked.is_none())
                .map(|v| scaled(v, def.decimals))
        };
        let keys: Vec<Option<i64>> = table.rows.iter().map(key).collect();
        let ranks = derive::competition_ranks(&keys, def.higher_is_better);
        let ranked = keys.iter().flatten().count() as u32;
        for (row, rank) in table.rows.iter_mut().zip(ranks) {
            let unit = site.units[row.unit].id.as_str();
            let path = |key| [Seg::Key("result"), Seg::Index(row.entry), Seg::Key(key)];
            if let (Some(stated), Some(computed)) = (row.rank, rank) {
                if stated != computed {
                    let message = msg::stated_rank_differs(unit, stated, computed);
                    let d = self.at(
                        file_index,
                        &path("rank"),
                        message,
                        msg::hint_rank_is_computed(),
                    );
                    self.diagnostics.push(d);
                }
            }
            if let Some(stated) = row.of.filter(|&of| of != ranked) {
                let message = msg::stated_of_differs(unit, stated, ranked);
                let d = self.at(file_index, &path("of"), message, msg::hint_of_is_computed());
                self.diagnostics.push(d);
            }
            row.rank = rank;
            row.of = rank.map(|_| ranked);
        }
        let values: Vec<(f64, u32)> = table
            .rows
            .iter()
            .filter(|r| r.rank.is_some())
            .filter_map(|r| r.value.map(|v| (v, r.decimals)))
            .collect();
        table.ranked = Some(ranked);
        table.average = derive::mean_of_printed(&values);
        if let (Some(published), Some(computed)) = (file.published_average, table.average) {
            if published.is_finite()
                && scaled(published, def.decimals) != scaled(computed, def.decimals)
            {
                let message = msg::published_average_differs(
                    &vi::format_number(published, def.decimals),
                    &vi::format_number(computed, def.decimals),
                );
                let d = self.at(
                    file_index,
                    &[Seg::Key("published_average")],
                    message,
                    msg::hint_check_average(),
                );
                self.diagnostics.push(d);
            }
        }
        table.top_band = derive::top_band(&def.bands, def.decimals).map(|band| {
            let printed: Vec<f64> = values.iter().map(|&(v, _)| v).collect();
            (
                band,
                derive::count_at_least(&printed, def.bands[band].min, def.decimals),
            )
        });
        self.rank_regions(def, file_index, table, site);
    }

    /// Ranks the units of each region among themselves, checking any stated
    /// regional rank, and sums each region up.
    fn rank_regions(&mut self, def: &IndexDef, file_index: usize, table: &mut Table, site: &Site) {
        for (r, region) in site.regions.iter().enumerate() {
            let members: Vec<usize> = (0..table.rows.len())
                .filter(|&i| {
                    let row = &table.rows[i];
                    row.rank.is_some() && site.units[row.unit].regions.contains(&region.id)
                })
                .collect();
            if members.is_empty() {
                continue;
            }
            let keys: Vec<Option<i64>> = members
                .iter()
                .map(|&i| table.rows[i].value.map(|v| scaled(v, def.decimals)))
                .collect();
            let ranks = derive::competition_ranks(&keys, def.higher_is_better);
            let of = members.len() as u32;
            for (&i, rank) in members.iter().zip(ranks) {
                let Some(rank) = rank else { continue };
                let row = &mut table.rows[i];
                let computed = RegionalRank {
                    region: r,
                    rank,
                    of: Some(of),
                };
                if let Some(k) = row.regional.iter().position(|s| s.region == r) {
                    let stated = row.regional[k];
                    if stated.rank != rank || stated.of.is_some_and(|o| o != of) {
                        let unit = &site.units[row.unit].id;
                        let message = msg::stated_regional_rank_differs(
                            unit,
                            &region.id,
                            stated.rank,
                            rank,
                            of,
                        );
                        let path = [
                            Seg::Key("result"),
                            Seg::Index(row.entry),
                            Seg::Key("regional"),
                            Seg::Index(k),
                        ];
                        let d = self.at(file_index, &path, message, msg::hint_rank_is_computed());
                        self.diagnostics.push(d);
                    }
                    row.regional[k] = computed;
                } else {
                    row.regional.push(computed);
                }
                row.regional.sort_by_key(|x| x.region);
            }
            let values: Vec<(f64, u32)> = members
                .iter()
                .filter_map(|&i| table.rows[i].value.map(|v| (v, table.rows[i].decimals)))
                .collect();
            table.regions.push(RegionSummary {
                region: r,
                ranked: of,
                average: derive::mean_of_printed(&values),
            });
        }
    }
}

fn suggest(ids: &Ids, wrong: &str, what: &str) -> String {
    match closest(wrong, ids.keys().map(String::as_str)) {
        Some(near) => msg::hint_did_you_mean(near),
        None => msg::hint_define_first(what),
    }
}

/// A problem in one result line, with the path below the line (and a last
/// key named at run time, such as a component id).
struct Problem {
    path: Vec<Seg<'static>>,
    key: Option<String>,
    message: String,
    hint: String,
}

fn problem(path: &[Seg<'static>], message: String, hint: String) -> Problem {
    Problem {
        path: path.to_vec(),
        key: None,
        message,
        hint,
    }
}

fn component_problem(id: &str, message: String, hint: String) -> Problem {
    let path = vec![Seg::Key("components")];
    Problem {
        path,
        key: Some(id.to_owned()),
        message,
        hint,
    }
}

/// One result line: its value, band, components and regional ranks, or
/// every problem found in it.
fn row(
    def: &IndexDef,
    file: &ResultsFile,
    (entry, result): (usize, &ResultRow),
    unit: usize,
    regions: &Ids,
) -> Result<Row, Vec<Problem>> {
    use Seg::{Index, Key};
    let mut problems = Vec::new();
    let name = result.unit.as_str();
    if result.not_ranked.is_some() && (result.rank.is_some() || result.of.is_some()) {
        let path = [Key(if result.rank.is_some() { "rank" } else { "of" })];
        problems.push(problem(
            &path,
            msg::not_ranked_with_rank(name),
            msg::hint_not_ranked(),
        ));
    }
    for (k, alternative) in result.alternatives.iter().enumerate() {
        if !alternative.value.is_finite() {
            let path = [Key("alternatives"), Index(k), Key("value")];
            problems.push(problem(
                &path,
                msg::not_a_number("value"),
                msg::hint_write_number(),
            ));
        }
    }
    for (key, value) in [
        ("score", result.score),
        ("points", result.points),
        ("max_points", result.max_points),
    ] {
        if value.is_some_and(|v| !v.is_finite()) {
            problems.push(problem(
                &[Key(key)],
                msg::not_a_number(key),
                msg::hint_write_number(),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let value = match (result.score, result.points, result.max_points) {
        (Some(_), Some(_), _) => {
            problems.push(problem(
                &[Key("points")],
                msg::score_and_points(name),
                msg::hint_score_or_points(),
            ));
            None
        }
        (Some(score), None, _) => {
            if score < def.scale.min || score > def.scale.max {
                let message =
                    msg::score_outside_scale(name, score, &def.id, def.scale.min, def.scale.max);
                problems.push(problem(&[Key("score")], message, msg::hint_decimal_point()));
            }
            Some(score)
        }
        (None, Some(points), Some(max)) => {
            if max <= 0.0 {
                problems.push(problem(
                    &[Key("max_points")],
                    msg::max_points_not_positive(name, max),
                    msg::hint_max_points_positive(),
                ));
            } else if points > max {
                problems.push(problem(
                    &[Key("points")],
                    msg::points_above_max(name, points, max),
                    msg::hint_check_points(),
                ));
            } else if points < 0.0 {
                problems.push(problem(
                    &[Key("points")],
                    msg::negative_points(name, points),
                    msg::hint_check_points(),
                ));
            }
            derive::percent(points, max)
        }
        (None, Some(_), None) => {
            problems.push(problem(
                &[Key("points")],
                msg::points_without_max(name),
                msg::hint_add_max_points(),
            ));
            None
        }
        (None, None, _) => {
            if file.complete && result.not_ranked.is_none() {
                problems.push(problem(
                    &[Key("unit")],
                    msg::no_score_in_complete_table(name),
                    msg::hint_add_score(),
                ));
            }
            None
        }
    };
    let mut components = Vec::new();
    for (id, &score) in &result.components {
        let Some(c) = def.components.iter().position(|c| &c.id == id) else {
            let hint = closest(id, def.components.iter().map(|c| c.id.as_str())).map_or_else(
                || msg::hint_components_defined(&def.id),
                msg::hint_did_you_mean,
            );
            problems.push(component_problem(
                id,
                msg::unknown_component(&def.id, id),
                hint,
            ));
            continue;
        };
        if !score.is_finite() {
            problems.push(component_problem(
                id,
                msg::not_a_number(id),
                msg::hint_write_number(),
            ));
        } else if let Some(max) = def.components[c].max.filter(|&max| score > max) {
            let message = msg::component_above_max(id, name, score, max);
            problems.push(component_problem(id, message, msg::hint_check_component()));
        }
        components.push((c, score));
    }
    components.sort_by_key(|&(c, _)| c);
    if def.components_sum_to_total && components.len() == def.components.len() {
        let total = result.points.or(result.score);
        if let Some(total) = total {
            let sum: f64 = components.iter().map(|&(_, s)| s).sum();
            let precision = def.decimals.max(3);
            if scaled(sum, precision) != scaled(total, precision) {
                let message = msg::components_do_not_sum(
                    name,
                    &vi::format_number(sum, precision),
                    &vi::format_number(total, precision),
                );
                problems.push(problem(
                    &[Key("components")],
                    message,
                    msg::hint_components_sum(),
                ));
            }
        }
    }
    let mut regional = Vec::new();
    for (k, r) in result.regional.iter().enumerate() {
        let path = |key| [Key("regional"), Index(k), Key(key)];
        let Some(&region) = regions.get(&r.region) else {
            let hint = suggest(regions, &r.region, "region");
            problems.push(problem(
                &path("region"),
                msg::undefined("region", &r.region),
                hint,
            ));
            continue;
        };
        if let Some(of) = r.of.filter(|&of| r.rank > of) {
            let message = msg::regional_rank_above_of(name, r.rank, of, &r.region);
            problems.push(problem(&path("rank"), message, msg::hint_rank_at_most_of()));
        }
        regional.push(RegionalRank {
            region,
            rank: r.rank,
            of: r.of,
        });
    }
    if let (Some(rank), Some(of)) = (result.rank, result.of) {
        if rank > of {
            problems.push(problem(
                &[Key("rank")],
                msg::rank_above_of(name, rank, of),
                msg::hint_rank_at_most_of(),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let decimals = result.decimals.unwrap_or(def.decimals).min(def.decimals);
    Ok(Row {
        unit,
        value,
        points: result.points,
        max_points: result.max_points,
        decimals,
        rank: result.rank,
        of: result.of,
        band: value.and_then(|v| derive::band_of(v, &def.bands, def.decimals)),
        regional,
        components,
        illustrative: result.illustrative.unwrap_or(file.illustrative),
        note: result.note.clone(),
        not_ranked: result.not_ranked.clone(),
        alternatives: result.alternatives.clone(),
        change: None,
        no_comparison: None,
        entry,
    })
}

/// Compares each result with the unit's latest earlier result on the same
/// index: a change when that result was ranked in the same or a comparable
/// group, otherwise the reason there is none.
fn derive_changes(tables: &mut [Table], groups: &[GroupDef]) {
    // (index, unit) -> [(year, group, table, row)], ascending.
    type Entry = (i32, usize, usize, usize);
    let mut history: BTreeMap<(usize, usize), Vec<Entry>> = BTreeMap::new();
    for (t, table) in tables.iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            history.entry((table.index, row.unit)).or_default().push((
                table.year,
                table.group,
                t,
                r,
            ));
        }
    }
    let comparable = |a: usize, b: usize| {
        a == b
            || groups[a].comparable_with.contains(&groups[b].id)
            || groups[b].comparable_with.contains(&groups[a].id)
    };
    for entries in history.values_mut() {
        entries.sort_unstable();
        for (n, &(year, group, ct, cr)) in entries.iter().enumerate() {
            if tables[ct].rows[cr].not_ranked.is_some() {
                continue;
            }
            // The latest earlier year; within it, the same group if present.
            let previous = entries[..n].iter().rev().take_while(|e| e.0 < year).fold(
                None::<&Entry>,
                |best, e| match best {
                    Some(b) if b.0 > e.0 || (b.0 == e.0 && b.1 == group) => Some(b),
                    _ => Some(e),
                },
            );
            let outcome = match previous {
                None => Err(NoComparison::FirstResult),
                Some(&(py, pg, _, _)) if !comparable(pg, group) => Err(NoComparison::OtherGroup {
                    year: py,
                    group: groups[pg].name.clone(),
                }),
                Some(&(py, _, pt, pr)) => {
                    let before = &tables[pt].rows[pr];
                    if before.not_ranked.is_some() {
                        Err(NoComparison::NotRankedThen { year: py })
                    } else {
                        let now = &tables[ct].rows[cr];
                        Ok(Change {
                            previous_year: py,
                            previous_rank: before.rank,
                            rank_delta: before
                                .rank
                                .zip(now.rank)
                                .map(|(p, c)| derive::rank_delta(p, c)),
                            value_delta: before
                                .value
                                .map(|v| (v, before.decimals))
                                .zip(now.value.map(|v| (v, now.decimals)))
                                .map(|(p, c)| derive::score_delta(p, c)),
                        })
                    }
                }
            };
            let row = &mut tables[ct].rows[cr];
            match outcome {
                Ok(change) => row.change = Some(change),
                Err(reason) => row.no_comparison = Some(reason),
            }
        }
    }
}
