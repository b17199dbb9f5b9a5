//! The sharing of lines between pages: each table's lines are made into
//! views once, and into template values once for the pages that are
//! planned to show them, then let go when the last of those pages took
//! them.

use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use tera::Value;

use super::common::UnitRef;
use super::row::RowView;
use crate::model::{IdVec, Site, TableId, UnitId};
use crate::render::urls::Urls;

/// Every table's lines as views, each table's made the first time a page
/// shows it and then shared: a line is shown on its ranking page, on its
/// unit's page, and in summaries.
///
/// A line is also converted into a template value once for the pages a
/// [`plan`](RowViews::plan) says will ask for it (its ranking page and its
/// unit's page), and shared between them: converting lines (and dropping
/// what was converted) was the largest cost of rendering a national site.
/// The values are dropped when the last planned page has taken them, so
/// that only the tables pages are being made from are held: every line's
/// value at once would take about a gigabyte on a national site.
pub struct RowViews<'a> {
    site: &'a Site,
    /// Each unit's [`UnitRef`] as a template value, shared by its lines.
    units: IdVec<UnitId, OnceLock<Value>>,
    tables: IdVec<TableId, OnceLock<Vec<RowView<'a>>>>,
    values: IdVec<TableId, Mutex<Shared>>,
}

/// One table's lines as template values, while pages still want them.
#[derive(Default)]
struct Shared {
    values: Option<Arc<[Value]>>,
    /// Planned requests not made yet.
    wanted: usize,
}

impl<'a> RowViews<'a> {
    pub fn new(site: &'a Site) -> Self {
        RowViews {
            site,
            units: site.units.map(|_| OnceLock::new()),
            tables: site.tables.map(|_| OnceLock::new()),
            values: site.tables.map(|_| Mutex::default()),
        }
    }

    /// Makes every table's lines, in parallel: for a whole site, where each
    /// will be needed, rather than one at a time as pages ask.
    pub fn make_all(&self, urls: &Urls) {
        use rayon::prelude::*;
        let ids: Vec<TableId> = self.tables.ids().collect();
        ids.into_par_iter().for_each(|t| {
            self.of(t, urls);
        });
    }

    /// The lines of table `t`, in table order.
    pub fn of(&self, t: TableId, urls: &Urls) -> &[RowView<'a>] {
        let site = self.site;
        let table = &site.tables[t];
        self.tables[t].get_or_init(|| {
            table
                .rows
                .iter()
                .map(|r| {
                    let unit = self.units[r.unit].get_or_init(|| {
                        Value::from_serializable(&UnitRef::new(site, r.unit, urls))
                    });
                    RowView::new(site, table, r, urls, unit.clone())
                })
                .collect()
        })
    }

    /// Says that a page will ask for the values of table `t` once more
    /// (with `planned` set), so they are kept until it has.
    pub fn plan(&self, t: TableId) {
        lock(&self.values[t]).wanted += 1;
    }

    /// The lines `pick` of table `t` as template values. A `planned`
    /// request is one [`plan`](RowViews::plan) counted; other requests share
    /// values still held but never keep them.
    pub fn values(&self, t: TableId, urls: &Urls, planned: bool, pick: &[usize]) -> Vec<Value> {
        let views = self.of(t, urls);
        let mut shared = lock(&self.values[t]);
        if planned {
            shared.wanted = shared.wanted.saturating_sub(1);
        }
        let picked = match &shared.values {
            Some(values) => pick.iter().map(|&r| values[r].clone()).collect(),
            None if planned && shared.wanted > 0 => {
                let values: Arc<[Value]> = views.iter().map(Value::from_serializable).collect();
                let picked = pick.iter().map(|&r| values[r].clone()).collect();
                shared.values = Some(values);
                picked
            }
            None => pick
                .iter()
                .map(|&r| Value::from_serializable(&views[r]))
                .collect(),
        };
        let done = if shared.wanted == 0 {
            shared.values.take()
        } else {
            None
        };
        drop(shared);
        drop(done);
        picked
    }
}

/// A poisoned lock only means another page's rendering panicked; the shared
/// values stay consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::{ok, row, table};
    use crate::model::{Id, TableId};

    fn site() -> Site {
        let lines = row("thanh-hoa", "score = 90") + &row("nghe-an", "score = 80");
        ok(&[
            ("data/results/2023.toml", &table(2023, "tinh", &lines)),
            ("data/results/2024.toml", &table(2024, "tinh", &lines)),
        ])
    }

    /// Whether two values are one shared map rather than equal copies.
    fn same(a: &Value, b: &Value) -> bool {
        std::ptr::eq(a.as_map().unwrap(), b.as_map().unwrap())
    }

    #[test]
    fn planned_lines_are_converted_once_and_let_go_after_the_last_request() {
        let site = site();
        let urls = Urls::new("/");
        let rows = RowViews::new(&site);
        rows.plan(TableId::from_position(0));
        rows.plan(TableId::from_position(0));
        let ranking = rows.values(TableId::from_position(0), &urls, true, &[0, 1]);
        assert!(lock(&rows.values[TableId::from_position(0)])
            .values
            .is_some());
        let unit = rows.values(TableId::from_position(0), &urls, true, &[1]);
        assert!(same(&ranking[1], &unit[0]));
        assert!(lock(&rows.values[TableId::from_position(0)])
            .values
            .is_none());
        // Asked again after that: made again, equal.
        let late = rows.values(TableId::from_position(0), &urls, true, &[1]);
        assert!(!same(&unit[0], &late[0]));
        assert_eq!(unit[0], late[0]);
    }

    #[test]
    fn unplanned_requests_share_what_is_held_but_never_keep_it() {
        let site = site();
        let urls = Urls::new("/");
        let rows = RowViews::new(&site);
        let summary = rows.values(TableId::from_position(1), &urls, false, &[0]);
        assert!(lock(&rows.values[TableId::from_position(1)])
            .values
            .is_none());
        rows.plan(TableId::from_position(1));
        rows.plan(TableId::from_position(1));
        let ranking = rows.values(TableId::from_position(1), &urls, true, &[0, 1]);
        let summary_again = rows.values(TableId::from_position(1), &urls, false, &[0]);
        assert!(same(&ranking[0], &summary_again[0]));
        assert!(!same(&summary[0], &summary_again[0]));
        // The unplanned request did not count: the planned one still gets
        // the shared value.
        let unit = rows.values(TableId::from_position(1), &urls, true, &[0]);
        assert!(same(&ranking[0], &unit[0]));
    }

    #[test]
    fn the_values_are_the_lines_as_templates_see_them() {
        let site = site();
        let urls = Urls::new("/");
        let rows = RowViews::new(&site);
        let values = rows.values(TableId::from_position(0), &urls, false, &[1, 0]);
        let views = rows.of(TableId::from_position(0), &urls);
        assert_eq!(values[0], Value::from_serializable(&views[1]));
        assert_eq!(values[1], Value::from_serializable(&views[0]));
        let unit = values[0].as_map().unwrap();
        let id = unit[&tera::value::Key::Str("unit")].as_map().unwrap();
        assert_eq!(id[&tera::value::Key::Str("id")], Value::from("nghe-an"));
    }
}
