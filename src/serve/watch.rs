//! Watching the site's sources for changes: `config.toml`, `data/`,
//! `content/`, `templates/` and `static/`. Only those are watched (a site
//! folder may also hold `public/`, `target/` or `.git/`, which must not
//! trigger rebuilds), and a watched folder created later is picked up.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;

/// What is watched, relative to the site root.
pub const WATCHED: &[&str] = &["config.toml", "data", "content", "templates", "static"];

/// How long the filesystem must be quiet before a rebuild starts: an editor
/// saving a file, or git switching branches, makes a burst of events.
const QUIET: Duration = Duration::from_millis(30);

/// What the next wait for changes brought.
pub enum Wait {
    /// Site-relative paths of the sources that changed.
    Changed(BTreeSet<PathBuf>),
    /// Nothing changed within the time given.
    Idle,
    /// The watcher stopped.
    Stopped,
}

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    root: PathBuf,
    /// The symbolic links among the sources, which the build follows.
    links: Vec<Link>,
    /// Places watched for links that lead out of the watched folders.
    watched_for_links: BTreeSet<PathBuf>,
    /// Whether files came or went since `links` was made.
    links_stale: bool,
}

/// A symbolic link among the sources: an edit where it leads is an edit of
/// the link's path too, as the build reads it there (an article kept in
/// `chung/`, a folder of pictures linked into `static/`).
#[derive(Debug, Clone, PartialEq)]
struct Link {
    /// Where it leads, resolved, in the root's spelling (events name it so).
    target: PathBuf,
    /// The link's site-relative path.
    at: PathBuf,
}

impl Watcher {
    /// Starts watching the site at `root` (an absolute path).
    pub fn start(root: &Path) -> Result<Watcher, Diagnostic> {
        let (sender, events) = mpsc::channel();
        let watcher = notify::recommended_watcher(sender)
            .map_err(|e| Diagnostic::error(msg::cannot_watch("the site", e)))?;
        let mut watcher = Watcher {
            watcher,
            events,
            root: root.to_path_buf(),
            links: Vec::new(),
            watched_for_links: BTreeSet::new(),
            links_stale: true,
        };
        watcher
            .watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| Diagnostic::error(msg::cannot_watch(root.display(), e)))?;
        for name in WATCHED {
            watcher.watch_folder(name);
        }
        Ok(watcher)
    }

    /// Watches a source folder recursively, if it exists (again after it
    /// was created or replaced).
    pub fn watch_folder(&mut self, name: &str) {
        let path = self.root.join(name);
        if path.is_dir() {
            // Failing to watch one folder is not fatal: the others still work.
            if let Err(e) = self.watcher.watch(&path, RecursiveMode::Recursive) {
                eprint!(
                    "{}",
                    Diagnostic::warning(msg::cannot_watch(path.display(), e))
                );
            }
        }
    }

    /// Finds the sources' symbolic links again, and watches where those
    /// that lead out of the watched folders go (the root's own files are
    /// watched already). Done before waiting, not while an edit waits for
    /// its rebuild.
    fn refresh_links(&mut self) {
        self.links = find_links(&self.root);
        for link in &self.links {
            let Ok(relative) = link.target.strip_prefix(&self.root) else {
                continue;
            };
            let first = relative.components().next();
            let watched = first.is_some_and(|c| WATCHED.iter().any(|w| c.as_os_str() == *w));
            // A file is watched through its folder: an editor saving it by
            // renaming a new one over it would end a watch of the file.
            let (place, mode) = match link.target.is_dir() {
                true => (link.target.clone(), RecursiveMode::Recursive),
                false => match link.target.parent() {
                    Some(parent) if parent != self.root => {
                        (parent.to_path_buf(), RecursiveMode::NonRecursive)
                    }
                    _ => continue,
                },
            };
            if watched || self.watched_for_links.contains(&place) {
                continue;
            }
            if self.watcher.watch(&place, mode).is_ok() {
                self.watched_for_links.insert(place);
            }
        }
        self.links_stale = false;
    }

    /// The site-relative paths of the sources a changed path is: its own,
    /// and its path through each link that leads to it or to a folder
    /// holding it.
    fn sources_of(&self, changed: &Path) -> Vec<PathBuf> {
        sources_through(&self.root, &self.links, changed)
    }

    /// Waits up to `timeout` for a change to the sources, then for the
    /// burst it starts to end; folders created meanwhile get watched.
    pub fn wait(&mut self, timeout: Duration) -> Wait {
        if self.links_stale {
            self.refresh_links();
        }
        let mut changed = BTreeSet::new();
        // Files made during the burst: one gone by its end was an editor's
        // scratch file (`sed -i`, editors saving through a temporary name).
        let mut created = BTreeSet::new();
        // Only an edit of a source restarts the quiet period; other events
        // (a build reading the files) do not prolong it.
        let mut deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(Ok(event)) if is_edit(&event.kind) => {
                    let sources: Vec<PathBuf> = event
                        .paths
                        .iter()
                        .flat_map(|p| self.sources_of(p))
                        .collect();
                    if !sources.is_empty() {
                        if matches!(event.kind, EventKind::Create(_)) {
                            created.extend(sources.iter().cloned());
                        }
                        if matches!(
                            event.kind,
                            EventKind::Create(_)
                                | EventKind::Remove(_)
                                | EventKind::Modify(ModifyKind::Name(_))
                        ) {
                            self.links_stale = true;
                        }
                        changed.extend(sources);
                        deadline = Instant::now() + QUIET;
                    }
                }
                Ok(Ok(_)) => {}
                Ok(Err(e)) => {
                    eprint!("{}", Diagnostic::warning(msg::cannot_watch("the site", e)));
                }
                Err(RecvTimeoutError::Timeout) if changed.is_empty() => return Wait::Idle,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return Wait::Stopped,
            }
        }
        for name in WATCHED {
            if changed.iter().any(|p| p.as_os_str() == *name) {
                self.watch_folder(name);
            }
        }
        let root = &self.root;
        let changed = without_scratch(changed, &created, |p| {
            std::fs::symlink_metadata(root.join(p)).is_ok()
        });
        if changed.is_empty() {
            return Wait::Idle;
        }
        Wait::Changed(changed)
    }
}

/// [`Watcher::sources_of`], given the site's `links`.
fn sources_through(root: &Path, links: &[Link], changed: &Path) -> Vec<PathBuf> {
    let mut sources: Vec<PathBuf> = relevant(root, changed).into_iter().collect();
    for link in links {
        if let Ok(within) = changed.strip_prefix(&link.target) {
            sources.extend(relevant(root, &root.join(&link.at).join(within)));
        }
    }
    sources
}

/// The symbolic links under the watched folders that lead inside the site
/// (the build refuses the others), without following them.
fn find_links(root: &Path) -> Vec<Link> {
    let Ok(root_real) = std::fs::canonicalize(root) else {
        return Vec::new();
    };
    let mut links = Vec::new();
    for name in WATCHED {
        let walk = walkdir::WalkDir::new(root.join(name))
            .into_iter()
            .filter_entry(|e| e.file_name().as_encoded_bytes() != b".git");
        for entry in walk.filter_map(Result::ok) {
            if !entry.path_is_symlink() {
                continue;
            }
            let Ok(real) = std::fs::canonicalize(entry.path()) else {
                continue;
            };
            let (Ok(target), Ok(at)) = (
                real.strip_prefix(&root_real),
                entry.path().strip_prefix(root),
            ) else {
                continue;
            };
            links.push(Link {
                target: root.join(target),
                at: at.to_path_buf(),
            });
        }
    }
    links
}

/// `changed` without the files `created` in the same burst that no longer
/// `exist`: a temporary file an editor wrote and renamed over the one it
/// saved (named in the log, it was a file the editor never saw; with it,
/// an edit of one file looked like an edit of two).
fn without_scratch(
    mut changed: BTreeSet<PathBuf>,
    created: &BTreeSet<PathBuf>,
    exists: impl Fn(&Path) -> bool,
) -> BTreeSet<PathBuf> {
    changed.retain(|path| !created.contains(path) || exists(path));
    changed
}

/// Whether an event changes a file: reading one (as every build does) and
/// metadata such as access times do not, or each build would start another.
fn is_edit(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    }
}

/// The site-relative path of a changed file when it is one of the sources,
/// ignoring editors' swap and backup files, which the build does not read
/// ([`is_editor_scratch`](crate::input::is_editor_scratch)).
pub fn relevant(root: &Path, changed: &Path) -> Option<PathBuf> {
    let relative = changed.strip_prefix(root).ok()?;
    let first = match relative.components().next()? {
        Component::Normal(name) => name.to_str()?,
        _ => return None,
    };
    if !WATCHED.contains(&first) {
        return None;
    }
    let name = relative.file_name()?.as_encoded_bytes();
    (!crate::input::is_editor_scratch(name)).then(|| relative.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_a_file_is_not_an_edit() {
        use notify::event::{CreateKind, MetadataKind};
        assert!(!is_edit(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_edit(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(!is_edit(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime
        ))));
        assert!(is_edit(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_edit(&EventKind::Create(CreateKind::File)));
        assert!(is_edit(&EventKind::Modify(ModifyKind::Any)));
    }

    #[test]
    fn a_file_made_and_gone_in_one_burst_is_no_change() {
        let set =
            |paths: &[&str]| -> BTreeSet<PathBuf> { paths.iter().map(PathBuf::from).collect() };
        // `sed -i` writes data/…/sedO3hg6Y and renames it over the table;
        // a new article stays; a deleted one (not made in the burst) stays.
        let changed = set(&[
            "data/r/sedO3hg6Y",
            "data/r/k.toml",
            "content/a.md",
            "content/b.md",
        ]);
        let created = set(&["data/r/sedO3hg6Y", "content/a.md"]);
        let exists =
            |p: &Path| p != Path::new("data/r/sedO3hg6Y") && p != Path::new("content/b.md");
        assert_eq!(
            without_scratch(changed, &created, exists),
            set(&["content/a.md", "content/b.md", "data/r/k.toml"])
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_edit_where_a_link_leads_is_an_edit_of_the_link() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["chung", "ngoai/anh", "content/tin-tuc", "static"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        std::fs::write(root.join("chung/bai.md"), "x").unwrap();
        std::fs::write(root.join("content/tin-tuc/a.md"), "x").unwrap();
        symlink("../../chung/bai.md", root.join("content/tin-tuc/bai.md")).unwrap();
        symlink("a.md", root.join("content/tin-tuc/ban-sao.md")).unwrap();
        symlink("../ngoai/anh", root.join("static/anh")).unwrap();
        let links = find_links(root);
        let sources = |changed: &str| -> Vec<PathBuf> {
            let mut got = sources_through(root, &links, &root.join(changed));
            got.sort();
            got
        };
        assert_eq!(
            sources("chung/bai.md"),
            [Path::new("content/tin-tuc/bai.md")]
        );
        assert_eq!(
            sources("content/tin-tuc/a.md"),
            [
                Path::new("content/tin-tuc/a.md"),
                Path::new("content/tin-tuc/ban-sao.md")
            ]
        );
        assert_eq!(sources("ngoai/anh/b.png"), [Path::new("static/anh/b.png")]);
        assert!(sources("ngoai/other.txt").is_empty());
    }

    #[test]
    fn only_sources_are_relevant() {
        let root = Path::new("/site");
        let yes = |p: &str| relevant(root, Path::new(p)).is_some();
        assert!(yes("/site/config.toml"));
        assert!(yes("/site/data/results/2024/khoi.toml"));
        assert!(yes("/site/content/tin-tuc/a.md"));
        assert!(yes("/site/templates/base.html"));
        assert!(yes("/site/static/logo.svg"));
        assert!(yes("/site/content"));
        assert!(!yes("/site/public/index.html"));
        assert!(!yes("/site/target/debug/chiso"));
        assert!(!yes("/site/.git/index"));
        assert!(!yes("/site/content/tin-tuc/.a.md.swp"));
        assert!(!yes("/site/content/tin-tuc/a.md~"));
        assert!(!yes("/elsewhere/config.toml"));
    }
}
