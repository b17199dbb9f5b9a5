//! The sharing of a table's lines between the pages that show them.
//!
//! The protocol, in three steps:
//!
//! 1. Before rendering, [`RowViews::plan`] counts, per table, the pages that
//!    will ask for its lines and keep nothing of their own: a ranking page
//!    and the page of each of its units.
//! 2. Each page asks with a [`Request`]: a [`Request::Planned`] one uses up
//!    one counted request; the first makes the table's lines into
//!    [`RowView`]s and template values and keeps them for the others, the
//!    last lets them go. A [`Request::Passing`] one (a summary, the home
//!    page) shares what is held but never keeps what it makes.
//! 3. A page holds the lines it was given ([`Lines`], [`LineRef`]) for as
//!    long as it needs them, whatever the table's later pages do.
//!
//! Converting lines (and dropping what was converted) was the largest cost
//! of rendering a national site, and every table's lines at once took a
//! quarter of a gigabyte (every line's value at once, about a gigabyte):
//! this keeps each conversion shared and only the tables being rendered
//! held (`render::batches` renders a group's pages together).

use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use tera::Value;

use super::common::UnitRef;
use super::row::RowView;
use crate::model::{IdVec, Site, TableId, UnitId};
use crate::render::urls::Urls;

/// Every table's lines as views and as template values, made when a page
/// shows them and shared while planned pages still want them (see the
/// module's protocol): a line is shown on its ranking page, on its unit's
/// page, and in summaries.
pub struct RowViews<'a> {
    site: &'a Site,
    /// Each unit's [`UnitRef`] as a template value, shared by its lines.
    units: IdVec<UnitId, OnceLock<Value>>,
    tables: IdVec<TableId, Mutex<Shared<'a>>>,
}

/// Who asks [`RowViews::lines`] for a table's lines, and so whether they
/// are kept for the pages still to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// A page [`RowViews::plan`] counted: it takes one of the counted
    /// requests, and keeps the lines for the others while any is left.
    Planned,
    /// Any other page: it shares lines still held but never keeps them
    /// and never counts.
    Passing,
}

/// One table's lines, while pages still want them.
#[derive(Default)]
struct Shared<'a> {
    views: Option<Arc<[RowView<'a>]>>,
    values: Option<Arc<[Value]>>,
    /// Planned requests not made yet.
    wanted: usize,
}

/// A table's lines, as a page was given them: the lines it picked as
/// views and as template values. The views are every line of the table
/// when they were held or made to be kept, else only the lines picked.
pub struct Lines<'a> {
    pub views: Arc<[RowView<'a>]>,
    /// Where each line picked is in `views`, in the order asked.
    at: Vec<usize>,
    /// The lines picked, in the order asked.
    pub values: Vec<Value>,
}

impl<'a> Lines<'a> {
    /// The `k`-th line picked.
    pub fn picked(&self, k: usize) -> LineRef<'a> {
        LineRef::new(&self.views, self.at[k])
    }
}

/// One line of a table, holding the table's lines (a page may outlive the
/// table's last planned request).
#[derive(Debug, Clone)]
pub struct LineRef<'a> {
    lines: Arc<[RowView<'a>]>,
    at: usize,
}

impl<'a> LineRef<'a> {
    /// Line `at` of `lines`.
    pub fn new(lines: &Arc<[RowView<'a>]>, at: usize) -> Self {
        LineRef {
            lines: Arc::clone(lines),
            at,
        }
    }
}

impl<'a> std::ops::Deref for LineRef<'a> {
    type Target = RowView<'a>;

    fn deref(&self) -> &RowView<'a> {
        &self.lines[self.at]
    }
}

impl<'a> RowViews<'a> {
    pub fn new(site: &'a Site) -> Self {
        RowViews {
            site,
            units: site.units.map(|_| OnceLock::new()),
            tables: site.tables.map(|_| Mutex::default()),
        }
    }

    /// The lines `pick` of table `t` as views, or all of them, in table
    /// order.
    fn make(&self, t: TableId, urls: &Urls, pick: Option<&[usize]>) -> Arc<[RowView<'a>]> {
        let site = self.site;
        let table = &site.tables[t];
        let rows: Box<dyn Iterator<Item = &crate::model::Row>> = match pick {
            Some(pick) => Box::new(pick.iter().map(|&r| &table.rows[r])),
            None => Box::new(table.rows.iter()),
        };
        rows.map(|r| {
            // A unit under an earlier name that year, with a namesake in
            // its group, or merged since into another (rare), is not shared.
            let distinct = site.listed_name(r.unit, table.year) != site.units[r.unit].name
                || site.units[r.unit].merged_into.is_some();
            let unit = if distinct {
                Value::from_serializable(&UnitRef::named_in(site, r.unit, table.year, urls))
            } else {
                self.units[r.unit]
                    .get_or_init(|| Value::from_serializable(&UnitRef::new(site, r.unit, urls)))
                    .clone()
            };
            RowView::new(site, table, r, urls, unit)
        })
        .collect()
    }

    /// Says that a page will ask for the lines of table `t` once more
    /// (with [`Request::Planned`]), so they are kept until it has.
    pub fn plan(&self, t: TableId) {
        lock(&self.tables[t]).wanted += 1;
    }

    /// The lines of table `t`, with those of `pick` as template values,
    /// kept or not as the [`Request`] says.
    pub fn lines(&self, t: TableId, urls: &Urls, request: Request, pick: &[usize]) -> Lines<'a> {
        let planned = request == Request::Planned;
        let mut shared = lock(&self.tables[t]);
        if planned {
            shared.wanted = shared.wanted.saturating_sub(1);
        }
        let keep = planned && shared.wanted > 0;
        let (views, at) = match &shared.views {
            Some(views) => (Arc::clone(views), pick.to_vec()),
            None if keep => {
                let views = self.make(t, urls, None);
                shared.views = Some(Arc::clone(&views));
                (views, pick.to_vec())
            }
            // Made for this page alone: only what it picked.
            None => (self.make(t, urls, Some(pick)), (0..pick.len()).collect()),
        };
        let values = match &shared.values {
            Some(values) => pick.iter().map(|&r| values[r].clone()).collect(),
            None if keep => {
                let values: Arc<[Value]> = views.iter().map(Value::from_serializable).collect();
                let picked = pick.iter().map(|&r| values[r].clone()).collect();
                shared.values = Some(values);
                picked
            }
            None => at
                .iter()
                .map(|&k| Value::from_serializable(&views[k]))
                .collect(),
        };
        let done = if shared.wanted == 0 {
            (shared.views.take(), shared.values.take())
        } else {
            (None, None)
        };
        drop(shared);
        drop(done);
        Lines { views, at, values }
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
        let ranking = rows
            .lines(TableId::from_position(0), &urls, Request::Planned, &[0, 1])
            .values;
        assert!(lock(&rows.tables[TableId::from_position(0)])
            .values
            .is_some());
        let unit = rows
            .lines(TableId::from_position(0), &urls, Request::Planned, &[1])
            .values;
        assert!(same(&ranking[1], &unit[0]));
        assert!(lock(&rows.tables[TableId::from_position(0)])
            .values
            .is_none());
        // Asked again after that: made again, equal.
        let late = rows
            .lines(TableId::from_position(0), &urls, Request::Planned, &[1])
            .values;
        assert!(!same(&unit[0], &late[0]));
        assert_eq!(unit[0], late[0]);
    }

    #[test]
    fn unplanned_requests_share_what_is_held_but_never_keep_it() {
        let site = site();
        let urls = Urls::new("/");
        let rows = RowViews::new(&site);
        let summary = rows
            .lines(TableId::from_position(1), &urls, Request::Passing, &[0])
            .values;
        assert!(lock(&rows.tables[TableId::from_position(1)])
            .values
            .is_none());
        rows.plan(TableId::from_position(1));
        rows.plan(TableId::from_position(1));
        let ranking = rows
            .lines(TableId::from_position(1), &urls, Request::Planned, &[0, 1])
            .values;
        let summary_again = rows
            .lines(TableId::from_position(1), &urls, Request::Passing, &[0])
            .values;
        assert!(same(&ranking[0], &summary_again[0]));
        assert!(!same(&summary[0], &summary_again[0]));
        // The unplanned request did not count: the planned one still gets
        // the shared value.
        let unit = rows
            .lines(TableId::from_position(1), &urls, Request::Planned, &[0])
            .values;
        assert!(same(&ranking[0], &unit[0]));
    }

    #[test]
    fn the_values_are_the_lines_as_templates_see_them() {
        let site = site();
        let urls = Urls::new("/");
        let rows = RowViews::new(&site);
        let lines = rows.lines(TableId::from_position(0), &urls, Request::Passing, &[1, 0]);
        assert_eq!(lines.values[0], Value::from_serializable(&*lines.picked(0)));
        assert_eq!(lines.values[1], Value::from_serializable(&*lines.picked(1)));
        // Made for this request alone: only the lines picked.
        assert_eq!(lines.views.len(), 2);
        let values = lines.values;
        let unit = values[0].as_map().unwrap();
        let id = unit[&tera::value::Key::Str("unit")].as_map().unwrap();
        assert_eq!(id[&tera::value::Key::Str("id")], Value::from("nghe-an"));
    }
}
