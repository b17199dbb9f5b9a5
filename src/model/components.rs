//! Components in levels: each component's `parent` resolved within its
//! index (unknown parents, parents of another index and cycles reported),
//! a result line's components checked (known, below their maximum, children
//! adding up to a parent that says so, the top level adding up to the total),
//! and each component's rank derived in a complete table and checked against
//! the published one.

use std::collections::BTreeMap;

use super::assemble::Context;
use super::derive;
use super::precision::{component_def_decimals, MAX_DECIMALS};
use super::row::Problem;
use super::{Component, ComponentFigures, Index, Site, Table};
use crate::data::schema::{self, ComponentValue};
use crate::diagnostic::closest;
use crate::locate::Seg;
use crate::messages as msg;
use crate::vi::{self, scaled};

/// The decimals a component's scores are published, ranked and compared
/// with: its own `decimals`, else its index's (see `precision`).
pub fn component_decimals(def: &Index, component: usize) -> u32 {
    def.components
        .get(component)
        .map_or(def.decimals, |c| c.decimals)
}

impl Index {
    /// Positions of the components, each parent followed by its children
    /// (depth first, in definition order): the order pages list them in.
    pub fn components_in_tree_order(&self) -> Vec<usize> {
        fn visit(index: &Index, c: usize, out: &mut Vec<usize>) {
            out.push(c);
            for &child in &index.components[c].children {
                visit(index, child, out);
            }
        }
        let mut out = Vec::with_capacity(self.components.len());
        for (c, component) in self.components.iter().enumerate() {
            if component.parent.is_none() {
                visit(self, c, &mut out);
            }
        }
        out
    }
}

/// Maxima are written, not rounded: compared at this many decimals, which
/// is below any float noise of their sum.
const MAXIMA_DECIMALS: u32 = 6;

/// An index definition as written: the definition, its file and its place
/// in the file's list of indices.
pub(super) type Written<'a> = (&'a schema::IndexDef, usize, usize);

impl Context<'_> {
    /// Every index's components with their parent, children and depth
    /// resolved. A parent that is unknown, of another index, or part of a
    /// cycle is reported and left out, so the levels are always a forest.
    pub(super) fn component_levels(&mut self, written: &[Written]) -> Vec<Vec<Component>> {
        written.iter().map(|w| self.levels_of(w, written)).collect()
    }

    fn levels_of(&mut self, &(def, file, position): &Written, all: &[Written]) -> Vec<Component> {
        let path = |j: usize| {
            [
                Seg::Key("index"),
                Seg::Index(position),
                Seg::Key("component"),
                Seg::Index(j),
                Seg::Key("parent"),
            ]
        };
        let ids: BTreeMap<&str, usize> = def
            .components
            .iter()
            .enumerate()
            .rev()
            .map(|(j, c)| (c.id.as_str(), j))
            .collect();
        // An id that is not one is refused as those of units are. A
        // component id said twice is ambiguous wherever a result names it:
        // reported at the second one (the first is the one kept).
        let mut seen = BTreeMap::new();
        for (j, c) in def.components.iter().enumerate() {
            let at = [
                Seg::Key("index"),
                Seg::Index(position),
                Seg::Key("component"),
                Seg::Index(j),
                Seg::Key("id"),
            ];
            if !vi::is_slug(&c.id) {
                let message = msg::invalid_id("component", &c.id);
                let d = self.at(file, &at, message, msg::hint_id_form(&vi::slugify(&c.id)));
                self.diagnostics.push(d);
            } else if vi::is_too_long(&c.id) {
                let message = msg::id_too_long("component", &c.id);
                let d = self.at(file, &at, message, msg::hint_shorter_id());
                self.diagnostics.push(d);
            }
            if seen.insert(c.id.as_str(), j).is_some() {
                let message = msg::duplicate_id("component", &c.id);
                let d = self.at(file, &at, message, msg::hint_distinct_ids());
                self.diagnostics.push(d);
            }
        }
        let mut parents: Vec<Option<usize>> = Vec::with_capacity(def.components.len());
        for (j, c) in def.components.iter().enumerate() {
            let Some(parent) = c.parent.as_deref() else {
                parents.push(None);
                continue;
            };
            if parent == c.id {
                let message = msg::component_parent_itself(&c.id);
                let d = self.at(file, &path(j), message, msg::hint_component_parent());
                self.diagnostics.push(d);
                parents.push(None);
                continue;
            }
            if let Some(&p) = ids.get(parent) {
                parents.push(Some(p));
                continue;
            }
            let other = all
                .iter()
                .find(|(d, ..)| d.id != def.id && d.components.iter().any(|o| o.id == parent));
            let (message, hint) = match other {
                Some((other, ..)) => (
                    msg::component_parent_in_other_index(&c.id, parent, &def.id, &other.id),
                    msg::hint_parent_same_index(&def.id),
                ),
                None => (
                    msg::component_parent_unknown(&c.id, parent, &def.id),
                    closest(parent, ids.keys().copied())
                        .map_or_else(msg::hint_component_parent, msg::hint_did_you_mean),
                ),
            };
            let d = self.at(file, &path(j), message, hint);
            self.diagnostics.push(d);
            parents.push(None);
        }
        // A component whose chain of parents comes back to it is on a cycle:
        // reported once, at the cycle's first component, and every one of
        // its components made top-level.
        let n = parents.len();
        for j in 0..n {
            let mut cycle = vec![j];
            let mut at = parents[j];
            while let Some(p) = at.filter(|&p| p != j && cycle.len() <= n) {
                cycle.push(p);
                at = parents[p];
            }
            if at != Some(j) || cycle.iter().any(|&c| c < j) {
                continue;
            }
            let names: Vec<String> = cycle
                .iter()
                .chain(std::iter::once(&j))
                .map(|&c| format!("`{}`", def.components[c].id))
                .collect();
            let d = self.at(
                file,
                &path(j),
                msg::component_parent_cycle(&names.join(" → ")),
                msg::hint_parent_cycle(),
            );
            self.diagnostics.push(d);
            for &c in &cycle {
                parents[c] = None;
            }
        }
        let depth = |mut c: usize| {
            let mut depth = 0;
            while let Some(p) = parents[c] {
                depth += 1;
                c = p;
            }
            depth
        };
        self.check_maxima(&(def, file, position), &parents);
        def.components
            .iter()
            .enumerate()
            .map(|(j, c)| Component {
                id: c.id.clone(),
                name: c.name.clone(),
                max: c.max,
                parent: parents[j],
                children: (0..n).filter(|&k| parents[k] == Some(j)).collect(),
                depth: depth(j),
                sum_of_children: c.sum_of_children,
                decimals: component_def_decimals(def, c),
            })
            .collect()
    }

    /// A component whose children add up to it: it has children, and
    /// their maxima add up to its own when all are given.
    fn check_maxima(&mut self, &(def, file, position): &Written, parents: &[Option<usize>]) {
        let at = |j: usize, key| {
            [
                Seg::Key("index"),
                Seg::Index(position),
                Seg::Key("component"),
                Seg::Index(j),
                Seg::Key(key),
            ]
        };
        for (j, c) in def.components.iter().enumerate() {
            if !c.sum_of_children {
                continue;
            }
            let children: Vec<&schema::ComponentDef> = (0..parents.len())
                .filter(|&k| parents[k] == Some(j))
                .map(|k| &def.components[k])
                .collect();
            if children.is_empty() {
                self.warn_at(
                    file,
                    &at(j, "sum_of_children"),
                    msg::sum_of_children_without_children(&c.id),
                    msg::hint_sum_of_children_without_children(&c.id),
                );
                continue;
            }
            let maxima: Option<Vec<f64>> = children.iter().map(|k| k.max).collect();
            let (Some(max), Some(maxima)) = (c.max, maxima) else {
                continue;
            };
            if !max.is_finite() || maxima.iter().any(|m| !m.is_finite()) {
                continue;
            }
            let sum: f64 = maxima.iter().sum();
            if scaled(sum, MAXIMA_DECIMALS) != scaled(max, MAXIMA_DECIMALS) {
                let d = self.at(
                    file,
                    &at(j, "max"),
                    msg::children_max_do_not_sum(&c.id, &msg::figure(sum), &msg::figure(max)),
                    msg::hint_children_max(),
                );
                self.diagnostics.push(d);
            }
        }
    }

    /// Derives each component's rank in a complete table and checks the
    /// published ranks against it; warns of `disputed` notes on figures
    /// that agree. A component some ranked line does not give has no
    /// derived rank: the published ones are held.
    pub(super) fn component_ranks(
        &mut self,
        def: &Index,
        file_index: usize,
        table: &mut Table,
        site: &Site,
    ) {
        if table.complete {
            for c in 0..def.components.len() {
                self.rank_component(def, c, file_index, table, site);
            }
        }
        for row in &table.rows {
            for f in &row.component_figures {
                if f.disputed.is_some() && f.compared && !f.disagrees {
                    let id = def.components[f.component].id.as_str();
                    let unit = site.units[row.unit].id.as_str();
                    let path = [
                        Seg::Key("result"),
                        Seg::Index(row.entry),
                        Seg::Key("components"),
                        Seg::Key(id),
                        Seg::Key("disputed"),
                    ];
                    self.warn_at(
                        file_index,
                        &path,
                        msg::component_disputed_agrees(unit, id),
                        msg::hint_remove_disputed(),
                    );
                }
            }
        }
    }

    fn rank_component(
        &mut self,
        def: &Index,
        c: usize,
        file_index: usize,
        table: &mut Table,
        site: &Site,
    ) {
        let decimals = component_decimals(def, c);
        // Lines ranked in the table are ranked on its components.
        let keys: Vec<Option<Option<i64>>> = table
            .rows
            .iter()
            .map(|row| {
                row.rank.map(|_| {
                    row.components
                        .iter()
                        .find(|&&(k, _)| k == c)
                        .map(|&(_, score)| scaled(score, decimals))
                })
            })
            .collect();
        if keys.iter().flatten().any(Option::is_none) {
            return;
        }
        let keys: Vec<Option<i64>> = keys.into_iter().map(Option::flatten).collect();
        let ranked = keys.iter().flatten().count() as u32;
        let ranks = derive::ranks(table.rank_style, &keys, def.higher_is_better);
        let id = def.components[c].id.as_str();
        for (row, derived) in table.rows.iter_mut().zip(ranks) {
            let Some(derived) = derived else { continue };
            let Some(f) = row.component_figures.iter_mut().find(|f| f.component == c) else {
                continue;
            };
            let unit = site.units[row.unit].id.as_str();
            let path = |key| {
                [
                    Seg::Key("result"),
                    Seg::Index(row.entry),
                    Seg::Key("components"),
                    Seg::Key(id),
                    Seg::Key(key),
                ]
            };
            if let Some(stated) = f.rank {
                f.compared = true;
                if stated != derived {
                    f.disagrees = true;
                    if f.disputed.is_some() {
                        f.derived_rank = Some(derived);
                    } else {
                        let d = self.at(
                            file_index,
                            &path("rank"),
                            msg::component_rank_differs(unit, id, stated, derived),
                            msg::hint_component_rank_derived(),
                        );
                        self.diagnostics.push(d);
                    }
                }
            }
            if let Some(stated) = f.of {
                f.compared = true;
                if stated != ranked {
                    f.disagrees = true;
                    if f.disputed.is_none() {
                        let d = self.at(
                            file_index,
                            &path("of"),
                            msg::component_of_differs(unit, id, stated, ranked),
                            msg::hint_component_rank_derived(),
                        );
                        self.diagnostics.push(d);
                    }
                }
            }
            if f.rank.is_none() {
                f.rank_computed = true;
            }
            if f.disputed.is_none() || f.rank.is_none() {
                f.rank = Some(derived);
            }
            if f.disputed.is_none() || f.of.is_none() {
                f.of = Some(ranked);
            }
        }
    }
}

/// A problem at a result's component `id`, or at one of its keys.
fn at_component(id: &str, key: Option<&'static str>, message: String, hint: String) -> Problem {
    Problem {
        path: vec![Seg::Key("components")],
        key: Some(id.to_owned()),
        then: key,
        message,
        hint,
    }
}

/// A result line's components: each known and below its maximum, its rank
/// at most its "of", the children of a `sum_of_children` component adding up
/// to it, and the top level adding up to `total` (with the decimals it was
/// published with) when the index says so.
pub(super) fn row_components(
    def: &Index,
    unit: &str,
    given: &BTreeMap<String, ComponentValue>,
    total: Option<(f64, u32)>,
    problems: &mut Vec<Problem>,
) -> (Vec<(usize, f64)>, Vec<ComponentFigures>) {
    let mut components = Vec::new();
    let mut figures = Vec::new();
    for (id, value) in given {
        let Some(c) = def.components.iter().position(|c| &c.id == id) else {
            let hint = closest(id, def.components.iter().map(|c| c.id.as_str())).map_or_else(
                || msg::hint_components_defined(&def.id),
                msg::hint_did_you_mean,
            );
            let message = msg::unknown_component(&def.id, id);
            problems.push(at_component(id, None, message, hint));
            continue;
        };
        let score = value.score();
        let published = value.figures();
        let score_key = published.map(|_| "score");
        if !score.is_finite() {
            let message = msg::not_a_number(id);
            problems.push(at_component(
                id,
                score_key,
                message,
                msg::hint_write_number(),
            ));
            continue;
        } else if let Some(max) = def.components[c].max.filter(|&max| score > max) {
            let message = msg::component_above_max(id, unit, score, max);
            problems.push(at_component(
                id,
                score_key,
                message,
                msg::hint_check_component(),
            ));
        }
        let (rank, of) = published.map_or((None, None), |p| (p.rank, p.of));
        if rank == Some(0) || of == Some(0) {
            let key = if rank == Some(0) { "rank" } else { "of" };
            let message = msg::component_rank_zero(unit, id);
            problems.push(at_component(
                id,
                Some(key),
                message,
                msg::hint_component_rank_positive(),
            ));
        } else if let Some((rank, of)) = rank.zip(of).filter(|&(r, o)| r > o) {
            let message = msg::component_rank_above_of(unit, id, rank, of);
            problems.push(at_component(
                id,
                Some("rank"),
                message,
                msg::hint_rank_at_most_of(),
            ));
        }
        let own_decimals = published.and_then(|p| p.decimals);
        if let Some(decimals) = own_decimals.filter(|&d| d > MAX_DECIMALS) {
            let message = msg::too_many_decimals(decimals);
            problems.push(at_component(
                id,
                Some("decimals"),
                message,
                msg::hint_decimals_range(),
            ));
        }
        components.push((c, score));
        figures.push(ComponentFigures {
            component: c,
            rank,
            of,
            rank_computed: false,
            decimals: own_decimals.map_or(def.components[c].decimals, |d| d.min(MAX_DECIMALS)),
            derived_rank: None,
            derived_sum: None,
            disputed: published.and_then(|p| p.disputed.clone()),
            compared: false,
            disagrees: false,
        });
    }
    components.sort_by_key(|&(c, _)| c);
    figures.sort_by_key(|f| f.component);
    let score_of = |c: usize| components.iter().find(|&&(k, _)| k == c).map(|&(_, s)| s);
    for (c, parent_score) in components.clone() {
        let component = &def.components[c];
        if !component.sum_of_children || component.children.is_empty() {
            continue;
        }
        let Some(children) = component
            .children
            .iter()
            .map(|&k| score_of(k).map(|s| (s, component_decimals(def, k))))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let sum: f64 = children.iter().map(|&(s, _)| s).sum();
        let stated = (parent_score, component_decimals(def, c));
        let Some(f) = figures.iter_mut().find(|f| f.component == c) else {
            continue;
        };
        f.compared = true;
        if sums_agree(&children, stated) {
            continue;
        }
        f.disagrees = true;
        if f.disputed.is_some() {
            f.derived_sum = Some(sum);
            continue;
        }
        let decimals = children
            .iter()
            .map(|&(_, d)| d)
            .max()
            .unwrap_or(0)
            .max(stated.1);
        let message = msg::children_do_not_sum(
            unit,
            &component.id,
            &msg::figure_at(sum, decimals),
            &msg::figure_at(parent_score, decimals),
        );
        let key = given
            .get(&component.id)
            .and_then(ComponentValue::figures)
            .map(|_| "score");
        problems.push(at_component(
            &component.id,
            key,
            message,
            msg::hint_children_sum(&component.id),
        ));
    }
    let top: Vec<usize> = (0..def.components.len())
        .filter(|&c| def.components[c].parent.is_none())
        .collect();
    let top_given: Vec<(f64, u32)> = top
        .iter()
        .filter_map(|&c| {
            let decimals = figures.iter().find(|f| f.component == c)?.decimals;
            Some((score_of(c)?, decimals))
        })
        .collect();
    if def.components_sum_to_total && !top.is_empty() && top_given.len() == top.len() {
        // Each figure a rounding of the true one, as for a parent's
        // children: 30,12 + 29,12 + 29,12 may print a total of 88,35.
        if let Some(total) = total.filter(|&total| !sums_agree(&top_given, total)) {
            let sum: f64 = top_given.iter().map(|&(s, _)| s).sum();
            let precision = top_given.iter().map(|&(_, d)| d).fold(total.1, u32::max);
            let message = msg::components_do_not_sum(
                unit,
                &msg::figure_at(sum, precision),
                &msg::figure_at(total.0, precision),
            );
            problems.push(Problem {
                path: vec![Seg::Key("components")],
                key: None,
                then: None,
                message,
                hint: msg::hint_components_sum(),
            });
        }
    }
    (components, figures)
}

/// Whether published children add up to their published parent, each
/// figure being a rounding of the true one at its own decimals: the sum may
/// be off the parent by half a unit of the last decimal of each figure.
fn sums_agree(children: &[(f64, u32)], (parent, parent_decimals): (f64, u32)) -> bool {
    let decimals = children
        .iter()
        .map(|&(_, d)| d)
        .chain([parent_decimals])
        .max()
        .unwrap_or(0);
    let unit = |d: u32| 10_i128.pow(decimals - d);
    let sum: i128 = children
        .iter()
        .map(|&(s, _)| i128::from(scaled(s, decimals)))
        .sum();
    let difference = 2 * (sum - i128::from(scaled(parent, decimals)));
    let tolerance: i128 =
        children.iter().map(|&(_, d)| unit(d)).sum::<i128>() + unit(parent_decimals);
    difference.abs() <= tolerance
}

#[cfg(test)]
mod tests {
    use super::sums_agree;
    use crate::model::tests::site_with_indices;

    #[test]
    fn a_component_id_that_is_not_an_id_is_an_error_at_its_line() {
        let indices = "[[index]]\nid = \"par\"\nname = \"PAR\"\nscale = { min = 0, max = 100 }\n\
            [[index.component]]\nid = \"the-che\"\nname = \"Thể chế\"\n\
            [[index.component]]\nid = \"../x\"\nname = \"X\"\n";
        let (_, d) = site_with_indices(indices, &[]);
        assert_eq!(d.error_count(), 1, "{d}");
        let text = d.to_string();
        assert!(
            text.contains("the component id `../x` is not a valid id"),
            "{text}"
        );
        assert!(text.contains("data/indices.toml:9:6"), "{text}");
        assert!(text.contains("e.g. `x`"), "{text}");
    }

    #[test]
    fn children_add_up_within_their_rounding() {
        // 2,35 + 1,24 = 3,59; a parent published as 3,59 or 3,6 agrees.
        assert!(sums_agree(&[(2.35, 2), (1.24, 2)], (3.59, 2)));
        assert!(sums_agree(&[(2.35, 2), (1.24, 2)], (3.6, 1)));
        // Three roundings of half a hundredth each: 0,015 at most.
        assert!(sums_agree(&[(2.35, 2), (1.24, 2)], (3.6, 2)));
        assert!(!sums_agree(&[(2.35, 2), (1.24, 2)], (3.61, 2)));
        // 7 + 3 may be 7,4 + 3,4 = 10,8, published as 11; not 12.
        assert!(sums_agree(&[(7.0, 0), (3.0, 0)], (11.0, 0)));
        assert!(!sums_agree(&[(7.0, 0), (3.0, 0)], (12.0, 0)));
    }

    #[test]
    fn the_top_level_adds_up_to_the_total_within_its_rounding() {
        let indices = "[[index]]\nid = \"par\"\nname = \"PAR\"\nscale = { min = 0, max = 100 }\n\
            decimals = 2\ncomponents_sum_to_total = true\n\
            [[index.component]]\nid = \"a\"\nname = \"A\"\n\
            [[index.component]]\nid = \"b\"\nname = \"B\"\n\
            [[index.component]]\nid = \"c\"\nname = \"C\"\n";
        let with = |score: &str| {
            let table = format!(
                "index = \"par\"\nyear = 2023\ngroup = \"tinh\"\n\
                 [[result]]\nunit = \"ha-tinh\"\nscore = {score}\n\
                 components = {{ a = 30.12, b = 29.12, c = 29.12 }}\n"
            );
            let (_, d) = site_with_indices(indices, &[("data/results/2023/par.toml", &table)]);
            d
        };
        // 88,36 from three roundings: a total printed 88,35 agrees.
        assert_eq!(with("88.35").error_count(), 0, "{}", with("88.35"));
        assert_eq!(with("88.37").error_count(), 0);
        let off = with("88.30");
        assert_eq!(off.error_count(), 1, "{off}");
        assert!(off.to_string().contains("88.36"), "{off}");
    }
}
