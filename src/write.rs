//! Writing the site, so that a build never leaves a half-written output
//! folder:
//!
//! - into a new output folder, every file goes into a staging folder beside
//!   it, renamed into place once everything was written;
//! - over a previous build, only the files whose bytes changed are written,
//!   each first under a temporary name beside it. When all are written they
//!   are renamed over the old ones, and what the new build no longer has is
//!   removed. Unchanged files are not touched, so their modification times
//!   stay (deploy tools such as rsync rely on them) and a rebuild does not
//!   delete and recreate thirty thousand files.
//!
//! A failed build removes what it wrote and leaves the previous site as it
//! was. Files are given to a [`Writer`] one at a time from any thread, so a
//! build writes pages as they are rendered instead of holding them all.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::input::SiteFile;
use crate::messages as msg;
use crate::render::OutputFile;

/// The static folder, relative to the site root.
pub const STATIC_DIR: &str = "static";

/// The suffix of a changed file's temporary name while a build writes.
const TEMPORARY: &str = ".chiso-tmp";

/// Writes the rendered `files` and the site's static `assets` to `output`
/// at once; returns how many files the site has.
pub fn write(
    root: &Path,
    output: &Path,
    files: &[OutputFile],
    assets: &[SiteFile],
) -> Result<usize, Diagnostic> {
    let writer = Writer::begin(root, output)?;
    for file in files {
        writer.add(&file.path, &file.bytes);
    }
    for asset in assets {
        writer.copy(asset);
    }
    writer.commit().map(|report| report.files)
}

/// What a committed write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files the site has.
    pub files: usize,
    /// Files written because they are new or their bytes changed.
    pub changed: usize,
    /// Files of the previous build removed because the site no longer has
    /// them.
    pub removed: usize,
}

/// Receives the files of a build from any thread; [`Writer::commit`] makes
/// them the output, dropping the writer without committing leaves the
/// previous output as it was.
pub struct Writer {
    output: PathBuf,
    mode: Mode,
    /// Site-relative paths given so far, with `/` separators.
    kept: Mutex<HashSet<String>>,
    /// Temporary files written, with the file each replaces.
    staged: Mutex<Vec<(PathBuf, PathBuf)>>,
    /// Folders this build created in the previous output.
    created: Mutex<Vec<PathBuf>>,
    changed: AtomicUsize,
    /// The first error; once set, files are no longer written.
    failure: Mutex<Option<Diagnostic>>,
    finished: bool,
}

enum Mode {
    /// No previous output: everything goes into this staging folder.
    Fresh { staging: PathBuf },
    /// A previous output is updated in place.
    Update,
}

impl Writer {
    /// Prepares to write into `output`, refusing a folder that is (or holds)
    /// the site itself.
    pub fn begin(root: &Path, output: &Path) -> Result<Writer, Diagnostic> {
        refuse_dangerous_output(root, output)?;
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".to_owned());
        fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        // Left by a build that was killed while writing.
        for suffix in ["new", "old"] {
            let leftover = parent.join(format!(".{name}.chiso-{suffix}"));
            if leftover.exists() {
                fs::remove_dir_all(&leftover).map_err(|e| io_error(&leftover, e))?;
            }
        }
        let mode = if output.is_dir() {
            Mode::Update
        } else if output.exists() {
            return Err(
                Diagnostic::error(msg::output_not_a_folder(output.display()))
                    .with_hint(msg::hint_output()),
            );
        } else {
            let staging = parent.join(format!(".{name}.chiso-new"));
            fs::create_dir_all(&staging).map_err(|e| io_error(&staging, e))?;
            Mode::Fresh { staging }
        };
        Ok(Writer {
            output: output.to_path_buf(),
            mode,
            kept: Mutex::default(),
            staged: Mutex::default(),
            created: Mutex::default(),
            changed: AtomicUsize::new(0),
            failure: Mutex::default(),
            finished: false,
        })
    }

    /// Adds the file at `path` (site-relative, `/` separators).
    pub fn add(&self, path: &str, bytes: &[u8]) {
        if self.failed() {
            return;
        }
        let relative: PathBuf = path.split('/').collect();
        if let Err(d) = self.write_file(&relative, bytes) {
            self.fail(d);
        }
        lock(&self.kept).insert(path.to_owned());
    }

    /// Adds a file of the site's `static/` folder, as it is.
    pub fn copy(&self, asset: &SiteFile) {
        match fs::read(&asset.path) {
            Ok(bytes) => {
                let path = asset.relative.to_string_lossy().replace('\\', "/");
                self.add(&path, &bytes);
            }
            Err(e) => self.fail(io_error(&asset.path, e)),
        }
    }

    /// Whether writing has failed; the build then ends with that error.
    pub fn failed(&self) -> bool {
        lock(&self.failure).is_some()
    }

    /// Makes the files given the output: renames the new folder into place,
    /// or the changed files over the old ones, removing what the site no
    /// longer has. On an error, nothing of the previous output was changed
    /// (unless a rename itself fails, which the error then says).
    pub fn commit(mut self) -> Result<WriteReport, Diagnostic> {
        if let Some(d) = lock(&self.failure).take() {
            return Err(d);
        }
        self.finished = true;
        let kept = std::mem::take(&mut *lock(&self.kept));
        let mut report = WriteReport {
            files: kept.len(),
            changed: self.changed.load(Ordering::Relaxed),
            removed: 0,
        };
        match &self.mode {
            Mode::Fresh { staging } => {
                if let Err(e) = fs::rename(staging, &self.output) {
                    let _ = fs::remove_dir_all(staging);
                    return Err(io_error(&self.output, e));
                }
            }
            Mode::Update => {
                let staged = std::mem::take(&mut *lock(&self.staged));
                for (temporary, target) in &staged {
                    fs::rename(temporary, target).map_err(|e| io_error(target, e))?;
                }
                report.removed = remove_stale(&self.output, &kept)?;
            }
        }
        Ok(report)
    }

    fn write_file(&self, relative: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        match &self.mode {
            Mode::Fresh { staging } => {
                let target = staging.join(relative);
                if let Some(folder) = target.parent() {
                    fs::create_dir_all(folder).map_err(|e| io_error(folder, e))?;
                }
                self.changed.fetch_add(1, Ordering::Relaxed);
                fs::write(&target, bytes).map_err(|e| io_error(&target, e))
            }
            Mode::Update => {
                let target = self.output.join(relative);
                if same_bytes(&target, bytes) {
                    return Ok(());
                }
                if target.is_dir() {
                    return Err(Diagnostic::error(msg::folder_in_the_way(target.display()))
                        .with_hint(msg::hint_delete_output()));
                }
                if let Some(folder) = target.parent() {
                    self.create_folder(folder)?;
                }
                let mut name = target.file_name().unwrap_or_default().to_os_string();
                name.push(TEMPORARY);
                let temporary = target.with_file_name(name);
                fs::write(&temporary, bytes).map_err(|e| io_error(&temporary, e))?;
                self.changed.fetch_add(1, Ordering::Relaxed);
                lock(&self.staged).push((temporary, target));
                Ok(())
            }
        }
    }

    /// Creates `folder` in the previous output, remembering each folder
    /// made so that a failed build can remove it again.
    fn create_folder(&self, folder: &Path) -> Result<(), Diagnostic> {
        if folder.is_dir() {
            return Ok(());
        }
        let missing: Vec<PathBuf> = folder
            .ancestors()
            .take_while(|a| !a.exists())
            .map(Path::to_path_buf)
            .collect();
        fs::create_dir_all(folder).map_err(|e| {
            if folder.ancestors().any(Path::is_file) {
                Diagnostic::error(msg::file_in_the_way(folder.display()))
                    .with_hint(msg::hint_delete_output())
            } else {
                io_error(folder, e)
            }
        })?;
        lock(&self.created).extend(missing);
        Ok(())
    }

    fn fail(&self, d: Diagnostic) {
        lock(&self.failure).get_or_insert(d);
    }

    /// Removes everything this build wrote.
    fn abort(&mut self) {
        match &self.mode {
            Mode::Fresh { staging } => {
                let _ = fs::remove_dir_all(staging);
            }
            Mode::Update => {
                for (temporary, _) in lock(&self.staged).drain(..) {
                    let _ = fs::remove_file(temporary);
                }
                let mut created = std::mem::take(&mut *lock(&self.created));
                // Deepest first; a folder that is not empty is not ours.
                created.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
                for folder in created {
                    let _ = fs::remove_dir(folder);
                }
            }
        }
    }
}

impl crate::render::Sink for Writer {
    fn put(&self, path: String, bytes: Vec<u8>) {
        self.add(&path, &bytes);
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if !self.finished {
            self.abort();
        }
    }
}

/// A poisoned lock means another thread panicked while writing; the values
/// behind these locks stay consistent, so go on.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether the file at `path` holds exactly `bytes`. Read a piece at a
/// time into a buffer each thread keeps: reading every old page whole into
/// a new buffer cost a national rebuild a fresh allocation (and its page
/// faults) per file.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; 64 * 1024]);
    }
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    match file.metadata() {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {}
        _ => return false,
    }
    BUFFER.with_borrow_mut(|buffer| {
        let mut rest = bytes;
        loop {
            match file.read(buffer) {
                // The length matched, but the file may have changed since.
                Ok(0) => return rest.is_empty(),
                Ok(n) if n <= rest.len() && buffer[..n] == rest[..n] => rest = &rest[n..],
                Ok(_) => return false,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return false,
            }
        }
    })
}

/// Removes from `output` every file and folder that holds none of `kept`
/// (site-relative paths with `/` separators); returns how many files went.
/// The top-level folders are walked side by side.
fn remove_stale(output: &Path, kept: &HashSet<String>) -> Result<usize, Diagnostic> {
    let folders: HashSet<&str> = kept
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    let top: Vec<PathBuf> = fs::read_dir(output)
        .map_err(|e| io_error(output, e))?
        .map(|entry| entry.map(|e| e.path()).map_err(|e| io_error(output, e)))
        .collect::<Result<_, _>>()?;
    let removed: Vec<usize> = top
        .par_iter()
        .map(|path| remove_stale_under(output, path, kept, &folders))
        .collect::<Result<_, _>>()?;
    Ok(removed.into_iter().sum())
}

/// [`remove_stale`] for one entry of the output folder and what it holds.
fn remove_stale_under(
    output: &Path,
    start: &Path,
    kept: &HashSet<String>,
    folders: &HashSet<&str>,
) -> Result<usize, Diagnostic> {
    let mut removed = 0;
    // Contents first, so that a folder is empty when its turn comes.
    for entry in walkdir::WalkDir::new(start).contents_first(true) {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(start).to_path_buf();
            io_error(&path, e.into())
        })?;
        let relative = entry.path().strip_prefix(output).unwrap_or(entry.path());
        let relative = relative.to_string_lossy();
        let relative = if std::path::MAIN_SEPARATOR == '/' {
            relative
        } else {
            relative.replace(std::path::MAIN_SEPARATOR, "/").into()
        };
        if entry.file_type().is_dir() {
            if !folders.contains(relative.as_ref()) {
                fs::remove_dir(entry.path()).map_err(|e| io_error(entry.path(), e))?;
            }
        } else if !kept.contains(relative.as_ref()) {
            fs::remove_file(entry.path()).map_err(|e| io_error(entry.path(), e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Replacing the output folder deletes it: refuse when it is the site itself,
/// holds the site, or looks like a site rather than a previous build.
fn refuse_dangerous_output(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let absolute =
        |p: &Path| -> PathBuf { fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()) };
    let (root_abs, output_abs) = (absolute(root), absolute(output));
    let refuse =
        || Diagnostic::error(msg::output_refused(output.display())).with_hint(msg::hint_output());
    if root_abs.starts_with(&output_abs) || output.join("config.toml").exists() {
        return Err(refuse());
    }
    Ok(())
}

fn io_error(path: &Path, error: io::Error) -> Diagnostic {
    Diagnostic::error(msg::cannot_write(path.display(), error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.to_owned(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                let e = e.unwrap();
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_previous_output_and_leaves_no_staging() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        write(site.path(), &out, &[file("old/index.html", "old")], &[]).unwrap();
        write(site.path(), &out, &[file("a/index.html", "new")], &[]).unwrap();
        assert_eq!(
            names(site.path()),
            ["public", "public/a", "public/a/index.html"]
        );
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "new");
    }

    #[test]
    fn a_rebuild_writes_only_what_changed() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let first = [file("a/index.html", "a"), file("b/index.html", "b")];
        write(site.path(), &out, &first, &[]).unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        for name in ["a/index.html", "b/index.html"] {
            File::options()
                .write(true)
                .open(out.join(name))
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        let writer = Writer::begin(site.path(), &out).unwrap();
        writer.add("a/index.html", b"a");
        writer.add("b/index.html", b"B");
        writer.add("c/d/index.html", b"c");
        let report = writer.commit().unwrap();
        assert_eq!(
            report,
            WriteReport {
                files: 3,
                changed: 2,
                removed: 0
            }
        );
        let modified = |name: &str| fs::metadata(out.join(name)).unwrap().modified().unwrap();
        assert_eq!(modified("a/index.html"), old);
        assert_ne!(modified("b/index.html"), old);
        assert_eq!(fs::read_to_string(out.join("b/index.html")).unwrap(), "B");
        assert_eq!(fs::read_to_string(out.join("c/d/index.html")).unwrap(), "c");
    }

    #[test]
    fn a_rebuild_removes_what_the_site_no_longer_has_at_any_depth() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let first = [
            "robots.txt",
            "old.txt",
            "a/index.html",
            "a/x/index.html",
            "gone/index.html",
            "gone/deep/f.txt",
            "b/c/old.html",
            "b/c/keep.html",
        ]
        .map(|name| file(name, name));
        write(site.path(), &out, &first, &[]).unwrap();
        let writer = Writer::begin(site.path(), &out).unwrap();
        for name in ["robots.txt", "a/index.html", "b/c/keep.html"] {
            writer.add(name, name.as_bytes());
        }
        let report = writer.commit().unwrap();
        assert_eq!(report.removed, 5);
        assert_eq!(
            names(&out),
            [
                "a",
                "a/index.html",
                "b",
                "b/c",
                "b/c/keep.html",
                "robots.txt"
            ]
        );
    }

    #[test]
    fn a_writer_dropped_without_commit_leaves_the_output_as_it_was() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        write(site.path(), &out, &[file("a/index.html", "a")], &[]).unwrap();
        let before = names(site.path());
        let writer = Writer::begin(site.path(), &out).unwrap();
        writer.add("a/index.html", b"changed");
        writer.add("new/deep/index.html", b"new");
        drop(writer);
        assert_eq!(names(site.path()), before);
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "a");

        // And with no previous output, nothing is left at all.
        let fresh = site.path().join("fresh");
        let writer = Writer::begin(site.path(), &fresh).unwrap();
        writer.add("x/index.html", b"x");
        drop(writer);
        assert_eq!(names(site.path()), before);
    }

    #[test]
    fn refuses_to_replace_the_site_itself() {
        let site = tempfile::tempdir().unwrap();
        fs::write(site.path().join("config.toml"), "title = 'x'").unwrap();
        assert!(write(site.path(), site.path(), &[], &[]).is_err());
        assert!(site.path().join("config.toml").exists());
    }

    #[test]
    fn a_file_where_a_folder_goes_is_an_error_that_changes_nothing() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        write(site.path(), &out, &[file("a", "a file")], &[]).unwrap();
        let writer = Writer::begin(site.path(), &out).unwrap();
        writer.add("b/index.html", b"b");
        writer.add("a/index.html", b"a page");
        let error = writer.commit().unwrap_err();
        assert!(error.message.contains("public/a"), "{}", error.message);
        assert_eq!(names(site.path()), ["public", "public/a"]);
    }
}
