//! Whether a complete table covers its group: every unit active in the
//! group that year is listed, as a result (ranked or `not_ranked`) or as an
//! explicit exclusion with a reason. Also checks the exclusions themselves.

use std::collections::HashSet;

use super::assemble::Context;
use super::Site;
use super::{GroupId, Unit};
use crate::data::schema::ResultsFile;
use crate::diagnostic::closest;
use crate::locate::Seg;
use crate::messages as msg;

/// How many missing units a message names before "and N more".
const NAMED: usize = 20;

/// Whether `unit` existed in assessment year `year`.
fn active_in(unit: &Unit, year: i32) -> bool {
    unit.active_from.is_none_or(|from| year >= from) && unit.active_to.is_none_or(|to| year <= to)
}

impl Context<'_> {
    /// Checks the table's `excluded` entries (a unit of the group, not also
    /// listed, once, with a reason) and, in a complete table, that no unit
    /// active in the group that year is left out.
    pub(super) fn check_completeness(
        &mut self,
        site: &Site,
        file: &ResultsFile,
        file_index: usize,
        group: GroupId,
    ) {
        use Seg::{Index, Key};
        let group_id = site.groups[group].id.as_str();
        let listed: HashSet<&str> = file.results.iter().map(|r| r.unit.as_str()).collect();
        let mut excluded = HashSet::new();
        for (k, exclusion) in file.excluded.iter().enumerate() {
            let path = |key| [Key("excluded"), Index(k), Key(key)];
            let id = exclusion.unit.as_str();
            let problem = match self.ids.units.get(id).map(|&u| &site.units[u]) {
                None => {
                    let hint = closest(id, site.units.iter().map(|u| u.id.as_str()))
                        .map_or_else(|| msg::hint_define_first("unit"), msg::hint_did_you_mean);
                    Some((msg::undefined("unit", id), hint))
                }
                Some(unit) if unit.group != Some(group) => Some((
                    msg::excluded_not_in_group(id, group_id),
                    msg::hint_excluded_group(),
                )),
                Some(_) if listed.contains(id) => {
                    Some((msg::excluded_and_listed(id), msg::hint_excluded_or_listed()))
                }
                Some(_) if !excluded.insert(id) => {
                    Some((msg::excluded_twice(id), msg::hint_one_result_per_unit()))
                }
                Some(_) => None,
            };
            if let Some((message, hint)) = problem {
                let d = self.at(file_index, &path("unit"), message, hint);
                self.diagnostics.push(d);
            }
            if exclusion.reason.trim().is_empty() {
                let d = self.at(
                    file_index,
                    &path("reason"),
                    msg::excluded_without_reason(id),
                    msg::hint_excluded_reason(),
                );
                self.diagnostics.push(d);
            }
        }
        // A row naming a unit that is not defined, or one listed twice, was
        // reported already, and the unit it misses is most likely the one it
        // meant: saying the table leaves that unit out would report one typo
        // twice.
        let mistyped = listed.len() < file.results.len()
            || listed.iter().any(|id| !self.ids.units.contains_key(*id));
        // A table read without its bad lines (`data::recover`) misses
        // the units they name.
        // A file with no line yet is not published (`check_not_empty`):
        // every unit is still to come, not left out.
        if !file.complete || mistyped || self.recovered(file_index) || file.results.is_empty() {
            return;
        }
        let missing: Vec<&Unit> = site.groups[group]
            .units
            .iter()
            .map(|&u| &site.units[u])
            .filter(|u| active_in(u, file.year))
            .filter(|u| !listed.contains(u.id.as_str()) && !excluded.contains(u.id.as_str()))
            .collect();
        if missing.is_empty() {
            return;
        }
        let mut named: Vec<String> = missing
            .iter()
            .take(NAMED)
            .map(|u| format!("`{}` ({})", u.id, u.name))
            .collect();
        if missing.len() > NAMED {
            named.push(msg::and_more(missing.len() - NAMED));
        }
        let message =
            msg::complete_table_misses(group_id, file.year, missing.len(), &named.join(", "));
        // A unit merged or abolished before this year, with no `active_to`
        // to say so, is still counted active: that is the fix to name.
        let ended = missing
            .iter()
            .find(|u| u.active_to.is_none() && (u.merged_into.is_some() || u.abolished.is_some()));
        let hint = match ended {
            Some(u) => msg::hint_ended_without_active_to(&u.id, file.year - 1),
            None => msg::hint_complete_table(),
        };
        let d = self.at(file_index, &[Key("complete")], message, hint);
        self.diagnostics.push(d);
    }
}
