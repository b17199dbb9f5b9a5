//! The sharing of a table's lines between the pages that show them.
//!
//! The protocol, in three steps:
//!
//! 1. Each table's lines are made into [`RowView`]s once ([`RowViews::of`];
//!    [`RowViews::make_all`] makes every table's ahead, in parallel).
//! 2. Before rendering, [`RowViews::plan`] counts, per table, the pages that
//!    will ask for its lines as template values and keep nothing of their
//!    own: a ranking page and the page of each of its units.
//! 3. Each page asks with a [`Request`]: a [`Request::Planned`] one uses up
//!    one counted request; the first converts the lines and keeps them for
//!    the others, the last lets them go. A [`Request::Passing`] one (a
//!    summary, the home page) shares what is held but never keeps it.
//!
//! Converting lines (and dropping what was converted) was the largest cost
//! of rendering a national site, and every line's value at once would take
//! about a gigabyte: this keeps each conversion shared and only the tables
//! being rendered held (`render::batches` renders a group's pages together).

use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use tera::Value;

use super::common::UnitRef;
use super::row::RowView;
use crate::model::{IdVec, Site, TableId, UnitId};
use crate::render::urls::Urls;

/// Every table's lines as views, each table's made the first time a page
/// shows it and then shared: a line is shown on its ranking page, on its
/// unit's page, and in summaries. Also each table's lines as template
/// values while planned pages still want them (see the module's protocol).
pub struct RowViews<'a> {
    site: &'a Site,
    /// Each unit's [`UnitRef`] as a template value, shared by its lines.
    units: IdVec<UnitId, OnceLock<Value>>,
    tables: IdVec<TableId, OnceLock<Vec<RowView<'a>>>>,
    values: IdVec<TableId, Mutex<Shared>>,
}

/// Who asks [`RowViews::values`] for a table's lines, and so whether the
/// values are kept for the pages still to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// A page [`RowViews::plan`] counted: it takes one of the counted
    /// requests, and keeps the values for the others while any is left.
    Planned,
    /// Any other page: it shares values still held but never keeps them
    /// and never counts.
    Passing,
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
    /// (with [`Request::Planned`]), so they are kept until it has.
    pub fn plan(&self, t: TableId) {
        lock(&self.values[t]).wanted += 1;
    }

    /// The lines `pick` of table `t` as template values, kept or not as
    /// the [`Request`] says.
    pub fn values(&self, t: TableId, urls: &Urls, request: Request, pick: &[usize]) -> Vec<Value> {
        let views = self.of(t, urls);
        let planned = request == Request::Planned;
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
        let ranking = rows.values(TableId::from_position(0), &urls, Request::Planned, &[0, 1]);
        assert!(lock(&rows.values[TableId::from_position(0)])
            .values
            .is_some());
        let unit = rows.values(TableId::from_position(0), &urls, Request::Planned, &[1]);
        assert!(same(&ranking[1], &unit[0]));
        assert!(lock(&rows.values[TableId::from_position(0)])
            .values
            .is_none());
        // Asked again after that: made again, equal.
        let late = rows.values(TableId::from_position(0), &urls, Request::Planned, &[1]);
        assert!(!same(&unit[0], &late[0]));
        assert_eq!(unit[0], late[0]);
    }

    #[test]
    fn unplanned_requests_share_what_is_held_but_never_keep_it() {
        let site = site();
        let urls = Urls::new("/");
        let rows = RowViews::new(&site);
        let summary = rows.values(TableId::from_position(1), &urls, Request::Passing, &[0]);
        assert!(lock(&rows.values[TableId::from_position(1)])
            .values
            .is_none());
        rows.plan(TableId::from_position(1));
        rows.plan(TableId::from_position(1));
        let ranking = rows.values(TableId::from_position(1), &urls, Request::Planned, &[0, 1]);
        let summary_again = rows.values(TableId::from_position(1), &urls, Request::Passing, &[0]);
        assert!(same(&ranking[0], &summary_again[0]));
        assert!(!same(&summary[0], &summary_again[0]));
        // The unplanned request did not count: the planned one still gets
        // the shared value.
        let unit = rows.values(TableId::from_position(1), &urls, Request::Planned, &[0]);
        assert!(same(&ranking[0], &unit[0]));
    }

    #[test]
    fn the_values_are_the_lines_as_templates_see_them() {
        let site = site();
        let urls = Urls::new("/");
        let rows = RowViews::new(&site);
        let values = rows.values(TableId::from_position(0), &urls, Request::Passing, &[1, 0]);
        let views = rows.of(TableId::from_position(0), &urls);
        assert_eq!(values[0], Value::from_serializable(&views[1]));
        assert_eq!(values[1], Value::from_serializable(&views[0]));
        let unit = values[0].as_map().unwrap();
        let id = unit[&tera::value::Key::Str("unit")].as_map().unwrap();
        assert_eq!(id[&tera::value::Key::Str("id")], Value::from("nghe-an"));
    }
}
