//! From raw data files to the checked, derived [`Site`]: resolve ids, check
//! every stated figure against what can be computed, rank, average, band, and
//! compare each result with the year before. Problems become diagnostics;
//! a table with errors is left out so later stages never see bad data.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::derive;
use super::{Change, RegionalRank, Row, Site, Table};
use crate::data::schema::{IndexDef, ResultRow, ResultsFile};
use crate::data::{Loaded, RawData};
use crate::diagnostic::{closest, Diagnostic, Diagnostics};
use crate::vi::{self, scaled};

/// Id → position, for one kind of definition.
type Ids = BTreeMap<String, usize>;

/// Checks the raw data and derives every figure.
pub fn assemble(raw: &RawData, diagnostics: &mut Diagnostics) -> Site {
    let mut site = Site::default();
    for loaded in &raw.indices {
        site.indices.extend(loaded.value.indices.iter().cloned());
    }
    for loaded in &raw.units {
        site.groups.extend(loaded.value.groups.iter().cloned());
        site.regions.extend(loaded.value.regions.iter().cloned());
        site.units.extend(loaded.value.units.iter().cloned());
    }
    site.units
        .sort_by(|a, b| vi::compare(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));

    let mut ctx = Context {
        raw,
        diagnostics,
        indices: Ids::new(),
        groups: Ids::new(),
        regions: Ids::new(),
        units: Ids::new(),
    };
    ctx.indices = ctx.ids("index", site.indices.iter().map(|d| d.id.as_str()));
    ctx.groups = ctx.ids("group", site.groups.iter().map(|d| d.id.as_str()));
    ctx.regions = ctx.ids("region", site.regions.iter().map(|d| d.id.as_str()));
    ctx.units = ctx.ids("unit", site.units.iter().map(|d| d.id.as_str()));
    ctx.check_definitions(&site);

    let mut seen = BTreeMap::new();
    for loaded in &raw.tables {
        let Some(table) = ctx.table(&site, loaded) else {
            continue;
        };
        let key = (table.index, table.year, table.group);
        if let Some(first) = seen.insert(key, table.file.clone()) {
            let file = &loaded.value;
            ctx.diagnostics.push(
                Diagnostic::error(format!(
                    "results for {} {} in group {} are given twice (also in {})",
                    file.index,
                    file.year,
                    file.group,
                    first.display()
                ))
                .in_file(&table.file)
                .with_hint("keep one file per index, year and group"),
            );
            continue;
        }
        site.tables.push(table);
    }
    site.tables
        .sort_by_key(|t| (std::cmp::Reverse(t.year), t.index, t.group));
    derive_changes(&mut site.tables);
    site
}

struct Context<'a> {
    raw: &'a RawData,
    diagnostics: &'a mut Diagnostics,
    indices: Ids,
    groups: Ids,
    regions: Ids,
    units: Ids,
}

impl Context<'_> {
    /// Maps ids to positions, reporting duplicates and ids that are not slugs.
    fn ids<'b>(&mut self, what: &str, ids: impl Iterator<Item = &'b str>) -> Ids {
        let mut map = Ids::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() || vi::slugify(id) != id {
                self.push_definition_error(
                    id,
                    format!("the {what} id `{id}` is not a valid id"),
                    format!(
                        "ids appear in URLs: use lowercase letters without diacritics, digits and '-', e.g. `{}`",
                        vi::slugify(id)
                    ),
                );
            }
            if map.insert(id.to_owned(), i).is_some() {
                self.push_definition_error(
                    id,
                    format!("the {what} id `{id}` is defined twice"),
                    "give each one a different id".to_owned(),
                );
            }
        }
        map
    }

    /// An error about a definition, located in whichever definition file
    /// mentions the id.
    fn push_definition_error(&mut self, id: &str, message: String, hint: String) {
        let quoted = format!("\"{id}\"");
        let file = self
            .raw
            .files
            .iter()
            .find(|f| !f.path.starts_with("data/results") && f.text.contains(&quoted));
        let mut d = Diagnostic::error(message).with_hint(hint);
        if let Some(file) = file {
            d = d.in_file(&file.path).at_text(&file.text, &quoted);
        }
        self.diagnostics.push(d);
    }

    fn check_definitions(&mut self, site: &Site) {
        for unit in &site.units {
            if let Some(group) = &unit.group {
                if !self.groups.contains_key(group) {
                    let hint = self.suggest(&self.groups, group, "group");
                    self.push_definition_error(
                        group,
                        format!(
                            "unit `{}` names group `{group}`, which is not defined",
                            unit.id
                        ),
                        hint,
                    );
                }
            }
            for region in &unit.regions {
                if !self.regions.contains_key(region) {
                    let hint = self.suggest(&self.regions, region, "region");
                    self.push_definition_error(
                        region,
                        format!(
                            "unit `{}` names region `{region}`, which is not defined",
                            unit.id
                        ),
                        hint,
                    );
                }
            }
        }
        for index in &site.indices {
            if index.scale.min >= index.scale.max {
                self.push_definition_error(
                    &index.id,
                    format!(
                        "index `{}` has a scale whose min is not below its max",
                        index.id
                    ),
                    "write the scale as { min = 0, max = 100 }".to_owned(),
                );
            }
        }
    }

    fn suggest(&self, ids: &Ids, wrong: &str, what: &str) -> String {
        match closest(wrong, ids.keys().map(String::as_str)) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("define the {what} first, or check the spelling"),
        }
    }

    /// Resolves and checks one table, deriving its ranks and averages.
    fn table(&mut self, site: &Site, loaded: &Loaded<ResultsFile>) -> Option<Table> {
        let source = self.raw.file(loaded.file);
        let file = &loaded.value;
        let errors_before = self.diagnostics.error_count();
        let here = |message: String, needle: &str| {
            Diagnostic::error(message)
                .in_file(&source.path)
                .at_text(&source.text, needle)
        };

        let index = self.indices.get(&file.index).copied();
        if index.is_none() {
            let hint = self.suggest(&self.indices, &file.index, "index");
            let d = here(
                format!("index `{}` is not defined", file.index),
                &file.index,
            );
            self.diagnostics.push(d.with_hint(hint));
        }
        let group = self.groups.get(&file.group).copied();
        if group.is_none() {
            let hint = self.suggest(&self.groups, &file.group, "group");
            let d = here(
                format!("group `{}` is not defined", file.group),
                &file.group,
            );
            self.diagnostics.push(d.with_hint(hint));
        }
        let (index, group) = (index?, group?);
        let def = &site.indices[index];

        let mut rows = Vec::with_capacity(file.results.len());
        let mut units_seen = BTreeSet::new();
        for result in &file.results {
            let needle = format!("\"{}\"", result.unit);
            let Some(&unit) = self.units.get(&result.unit) else {
                let hint = self.suggest(&self.units, &result.unit, "unit");
                let d = here(format!("unit `{}` is not defined", result.unit), &needle);
                self.diagnostics.push(d.with_hint(hint));
                continue;
            };
            if !units_seen.insert(unit) {
                let d = here(
                    format!("unit `{}` appears twice in this table", result.unit),
                    &needle,
                );
                self.diagnostics
                    .push(d.with_hint("keep one result per unit"));
                continue;
            }
            let u = &site.units[unit];
            let active = u.active_from.is_none_or(|from| file.year >= from)
                && u.active_to.is_none_or(|to| file.year <= to);
            if !active {
                let d = here(
                    format!(
                        "unit `{}` is ranked in {}, outside the years it was active ({}–{})",
                        result.unit,
                        file.year,
                        u.active_from.map_or(String::new(), |y| y.to_string()),
                        u.active_to.map_or(String::new(), |y| y.to_string()),
                    ),
                    &needle,
                );
                self.diagnostics.push(d.with_hint(
                    "check the year of the table, or the unit's active_from / active_to",
                ));
            }
            let messages = self.row(def, file, result, unit, site).map_or_else(
                |messages| messages,
                |row| {
                    rows.push(row);
                    Vec::new()
                },
            );
            for (message, hint) in messages {
                self.diagnostics
                    .push(here(message, &needle).with_hint(hint));
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
            file: source.path.clone(),
        };
        if file.complete {
            self.rank_complete(def, file, &mut table, site, &source.text);
        } else {
            self.check_partial(file, &table, site, &source.text);
        }
        table.rows.sort_by(|a, b| {
            (a.rank.is_none(), a.rank)
                .cmp(&(b.rank.is_none(), b.rank))
                .then_with(|| vi::compare(&site.units[a.unit].name, &site.units[b.unit].name))
        });
        (self.diagnostics.error_count() == errors_before).then_some(table)
    }

    /// One result line: its value, band, components and regional ranks.
    /// Returns the problems (message, hint) instead when there are any.
    fn row(
        &self,
        def: &IndexDef,
        file: &ResultsFile,
        result: &ResultRow,
        unit: usize,
        site: &Site,
    ) -> Result<Row, Vec<(String, String)>> {
        let mut problems = Vec::new();
        let name = &result.unit;
        let value = match (result.score, result.points, result.max_points) {
            (Some(_), Some(_), _) => {
                problems.push((
                    format!("`{name}` has both `score` and `points`"),
                    "give the score directly, or as points with max_points, not both".to_owned(),
                ));
                None
            }
            (Some(score), None, _) => {
                if score < def.scale.min || score > def.scale.max {
                    problems.push((
                        format!(
                            "the score of `{name}`, {score}, is outside the scale of {} ({}–{})",
                            def.id, def.scale.min, def.scale.max
                        ),
                        "check for a misplaced decimal point".to_owned(),
                    ));
                }
                Some(score)
            }
            (None, Some(points), Some(max)) => {
                if points > max || points < 0.0 {
                    problems.push((
                        format!("`{name}` has {points} points, more than its maximum of {max}"),
                        "check points and max_points".to_owned(),
                    ));
                }
                match derive::percent(points, max) {
                    Some(p) => Some(p),
                    None => {
                        problems.push((
                            format!("`{name}` has a max_points of {max}"),
                            "max_points must be above zero".to_owned(),
                        ));
                        None
                    }
                }
            }
            (None, Some(_), None) => {
                problems.push((
                    format!("`{name}` has points but no max_points"),
                    "add max_points: the unit's own maximum".to_owned(),
                ));
                None
            }
            (None, None, _) => {
                if file.complete {
                    problems.push((
                        format!("`{name}` has no score in a complete table"),
                        "add `score`, or `points` with `max_points`".to_owned(),
                    ));
                }
                None
            }
        };
        let mut components = Vec::new();
        for (id, &score) in &result.components {
            match def.components.iter().position(|c| &c.id == id) {
                Some(i) => {
                    if let Some(max) = def.components[i].max {
                        if score > max {
                            problems.push((
                                format!("component `{id}` of `{name}` is {score}, above its maximum of {max}"),
                                "check the component score".to_owned(),
                            ));
                        }
                    }
                    components.push((i, score));
                }
                None => {
                    let hint = match closest(id, def.components.iter().map(|c| c.id.as_str())) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("components of {} are defined in data/indices", def.id),
                    };
                    problems.push((format!("index `{}` has no component `{id}`", def.id), hint));
                }
            }
        }
        components.sort_by_key(|&(i, _)| i);
        let mut regional = Vec::new();
        for r in &result.regional {
            match self.regions.get(&r.region) {
                Some(&region) => {
                    if r.of.is_some_and(|of| r.rank > of) {
                        problems.push((
                            format!(
                                "`{name}` is ranked {} of {:?} in region `{}`",
                                r.rank, r.of, r.region
                            ),
                            "a rank cannot be larger than the number ranked".to_owned(),
                        ));
                    }
                    regional.push(RegionalRank {
                        region,
                        rank: r.rank,
                        of: r.of,
                    });
                }
                None => problems.push((
                    format!("region `{}` is not defined", r.region),
                    self.suggest(&self.regions, &r.region, "region"),
                )),
            }
        }
        if let (Some(rank), Some(of)) = (result.rank, result.of) {
            if rank > of {
                problems.push((
                    format!("`{name}` is ranked {rank} of {of}"),
                    "a rank cannot be larger than the number ranked".to_owned(),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let decimals = result.decimals.unwrap_or(def.decimals).min(def.decimals);
        let _ = site;
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
            change: None,
        })
    }

    /// Ranks a complete table and checks every stated figure against it.
    fn rank_complete(
        &mut self,
        def: &IndexDef,
        file: &ResultsFile,
        table: &mut Table,
        site: &Site,
        text: &str,
    ) {
        let keys: Vec<Option<i64>> = table
            .rows
            .iter()
            .map(|r| r.value.map(|v| scaled(v, def.decimals)))
            .collect();
        let ranks = derive::competition_ranks(&keys, def.higher_is_better);
        let ranked = keys.iter().flatten().count() as u32;
        let path = table.file.clone();
        for (row, rank) in table.rows.iter_mut().zip(ranks) {
            let unit = &site.units[row.unit].id;
            let at = |message: String| {
                Diagnostic::error(message)
                    .in_file(&path)
                    .at_text(text, &format!("\"{unit}\""))
            };
            if let (Some(stated), Some(computed)) = (row.rank, rank) {
                if stated != computed {
                    self.diagnostics.push(
                        at(format!(
                            "`{unit}` is stated as rank {stated}, but its score ranks {computed} in this table"
                        ))
                        .with_hint("check the score, or remove the stated rank: chiso computes it"),
                    );
                }
            }
            if let Some(stated) = row.of.filter(|&of| of != ranked) {
                self.diagnostics.push(
                    at(format!(
                        "`{unit}` states {stated} units ranked, but this table ranks {ranked}"
                    ))
                    .with_hint("remove `of` from complete tables: chiso counts it"),
                );
            }
            row.rank = rank;
            row.of = rank.map(|_| ranked);
        }
        let values: Vec<(f64, u32)> = table
            .rows
            .iter()
            .filter_map(|r| r.value.map(|v| (v, r.decimals)))
            .collect();
        table.ranked = Some(ranked);
        table.average = derive::mean_of_printed(&values);
        if let (Some(published), Some(computed)) = (file.published_average, table.average) {
            if scaled(published, def.decimals) != scaled(computed, def.decimals) {
                self.diagnostics.push(
                    Diagnostic::error(format!(
                        "the published average is {}, but the scores in this table average {}",
                        vi::format_number(published, def.decimals),
                        vi::format_number(computed, def.decimals),
                    ))
                    .in_file(&path)
                    .at_text(text, "published_average")
                    .with_hint("check the scores, or the published average"),
                );
            }
        }
        table.top_band = derive::top_band(&def.bands, def.decimals).map(|band| {
            let printed: Vec<f64> = values.iter().map(|&(v, _)| v).collect();
            (
                band,
                derive::count_at_least(&printed, def.bands[band].min, def.decimals),
            )
        });
    }

    /// A partial table cannot compute ranks: each line must state them.
    fn check_partial(&mut self, file: &ResultsFile, table: &Table, site: &Site, text: &str) {
        let _ = table;
        for result in &file.results {
            if !self.units.contains_key(&result.unit) {
                continue;
            }
            if result.rank.is_none() || result.of.is_none() {
                self.diagnostics.push(
                    Diagnostic::error(format!(
                        "`{}` has no stated rank and number ranked in a partial table",
                        result.unit
                    ))
                    .in_file(Path::new(&site_path(table)))
                    .at_text(text, &format!("\"{}\"", result.unit))
                    .with_hint("add `rank` and `of` (e.g. rank = 18, of = 63), or mark the table `complete = true` if every unit of the group is listed"),
                );
            }
        }
        let _ = site;
    }
}

fn site_path(table: &Table) -> String {
    table.file.display().to_string()
}

/// Fills in each row's change against the previous year the same unit had a
/// result for the same index in the same group.
fn derive_changes(tables: &mut [Table]) {
    // (index, group, unit) -> [(year, table, row)], years ascending.
    type Key = (usize, usize, usize);
    let mut history: BTreeMap<Key, Vec<(i32, usize, usize)>> = BTreeMap::new();
    for (t, table) in tables.iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            history
                .entry((table.index, table.group, row.unit))
                .or_default()
                .push((table.year, t, r));
        }
    }
    for entries in history.values_mut() {
        entries.sort();
        for pair in entries.windows(2) {
            let (previous_year, pt, pr) = pair[0];
            let (_, ct, cr) = pair[1];
            let previous = &tables[pt].rows[pr];
            let (prev_rank, prev_value) = (
                previous.rank,
                previous.value.map(|v| (v, previous.decimals)),
            );
            let current = &mut tables[ct].rows[cr];
            current.change = Some(Change {
                previous_year,
                previous_rank: prev_rank,
                rank_delta: prev_rank
                    .zip(current.rank)
                    .map(|(p, c)| derive::rank_delta(p, c)),
                value_delta: prev_value
                    .zip(current.value.map(|v| (v, current.decimals)))
                    .map(|(p, c)| derive::score_delta(p, c)),
            });
        }
    }
}
