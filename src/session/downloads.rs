//! The open data in `chiso serve`. Each table's downloads are made again
//! only for the tables an edit changed, and the data package (small) after
//! any edit of the model. The whole-site downloads (every table in one
//! CSV, its Excel form and one JSON: about 200 MB on a national site) are
//! made only when a browser asks for one of them ([`Later`]): an edit is in
//! the browser without waiting for them, and a request for one waits for
//! the file made from the model the site is served with, never an older
//! one.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::config::Config;
use crate::model::{Site, TableId};
use crate::render::{self, Collect, Sink};

use super::Files;

/// The whole-site downloads of one model, made on first request. Clones
/// share them: made once, for every clone.
#[derive(Clone, Default)]
pub struct Later(Option<Arc<Inner>>);

struct Inner {
    config: Config,
    site: Arc<Site>,
    paths: Vec<String>,
    made: OnceLock<Files>,
}

impl std::fmt::Debug for Later {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.paths()).finish()
    }
}

impl Later {
    /// The whole-site downloads of `site` under `config`, not made yet.
    pub(super) fn of(config: &Config, site: &Arc<Site>) -> Later {
        Later(Some(Arc::new(Inner {
            config: config.clone(),
            site: Arc::clone(site),
            paths: render::all_tables_paths(site),
            made: OnceLock::new(),
        })))
    }

    /// The output paths of the downloads (known without making them).
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.0
            .iter()
            .flat_map(|i| i.paths.iter().map(String::as_str))
    }

    /// The download at `path`, made now (with the others) if it was not
    /// yet; `None` when `path` is not one of them. Concurrent callers wait
    /// for the one making them.
    pub fn get(&self, path: &str) -> Option<Arc<[u8]>> {
        let inner = self.0.as_ref()?;
        if !inner.paths.iter().any(|p| p == path) {
            return None;
        }
        self.files().get(path).cloned()
    }

    /// Every download, made now if it was not yet.
    pub fn files(&self) -> &Files {
        static NONE: OnceLock<Files> = OnceLock::new();
        let Some(inner) = &self.0 else {
            return NONE.get_or_init(Files::new);
        };
        inner.made.get_or_init(|| {
            let kept = Only {
                paths: inner.paths.iter().map(String::as_str).collect(),
                files: Collect::default(),
            };
            render::open_data_files(&inner.config, &inner.site, &kept);
            kept.files
                .into_files()
                .into_iter()
                .map(|f| (f.path, Arc::from(f.bytes)))
                .collect()
        })
    }
}

/// A sink keeping only some paths: the whole-site downloads are made by
/// the open data's one function, with every table's files (thrown away).
struct Only<'p> {
    paths: HashSet<&'p str>,
    files: Collect,
}

impl Sink for Only<'_> {
    fn put(&self, path: String, bytes: Vec<u8>) {
        if self.paths.contains(path.as_str()) {
            self.files.put(path, bytes);
        }
    }
}

/// The downloads of `tables` (every table when `None`) into `sink`.
pub(super) fn tables(
    config: &Config,
    site: &Site,
    tables: Option<&HashSet<TableId>>,
    sink: &dyn Sink,
) {
    let ids: Vec<TableId> = match tables {
        Some(some) => {
            let mut ids: Vec<TableId> = some.iter().copied().collect();
            ids.sort_unstable();
            ids
        }
        None => site.tables.ids().collect(),
    };
    ids.into_par_iter()
        .for_each(|t| render::open_data_table(config, site, t, sink));
}
