//! Writing the site so that the output folder always holds one whole build.
//!
//! A build never writes into the folder readers are served. It brings a
//! second folder beside it, the *spare* (`.public.chiso-spare` for
//! `public/`), up to date with the new site, then exchanges the two in one
//! step ([`swap::exchange`]); the old site becomes the spare of the next
//! build. Bringing the spare up to date costs what updating in place did:
//!
//! - a file the spare already holds with the same bytes is left alone;
//! - a file whose bytes equal the served one's is hard-linked to it, so
//!   unchanged files keep their modification time (deploy tools such as
//!   rsync rely on it) and share their storage between the two folders;
//! - any other file is written under a temporary name and renamed into
//!   place, so a file shared with the served folder is never written to;
//! - what the new site no longer has is removed from the spare.
//!
//! Whatever stops a build, the served folder holds the whole old site until
//! the exchange and the whole new one after it; temporary files only ever
//! exist in the spare, which the next build tidies. [`guard`] decides which
//! folders may be written at all, and [`lock`] lets one build at a time
//! write into a folder. Files are given to a [`Writer`] one at a
//! time from any thread, so a build writes pages as they are rendered.

pub mod guard;
pub mod lock;
pub mod swap;

use std::collections::{HashMap, HashSet};
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

/// The suffix of a file's temporary name while a build writes it.
const TEMPORARY: &str = ".chiso-tmp";

/// A file a build puts in the spare before it writes anything there, and
/// removes just before the exchange. While it is there, the spare holds
/// what a build that never finished (an error, a kill) wrote: every file
/// changed since the stamp was made is such a build's, not one a person
/// put in the output, and goes like any other file chiso wrote.
const UNFINISHED: &str = ".chiso-unfinished";

/// Writes the rendered `files` and the site's static `assets` to `output`
/// at once; returns how many files the site has.
pub fn write(
    root: &Path,
    output: &Path,
    files: &[OutputFile],
    assets: &[SiteFile],
) -> Result<usize, Diagnostic> {
    let writer = Writer::begin(root, output, false)?;
    for file in files {
        writer.add(&file.path, &file.bytes);
    }
    for asset in assets {
        writer.copy(asset);
    }
    writer.commit().map(|report| report.files)
}

/// What a committed write did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files the site has.
    pub files: usize,
    /// Files new or changed since the previous output.
    pub changed: usize,
    /// Where the files of an output folder adopted with `--force` were
    /// moved ([`kept_aside_path`]): no build deletes that folder.
    pub kept_aside: Option<PathBuf>,
    /// Files found in the output that no chiso build wrote (put there
    /// since), moved out of it rather than deleted: the folder they went
    /// to ([`kept_aside_path`]) and their site-relative paths.
    pub set_aside: Option<(PathBuf, Vec<String>)>,
}

/// Where a file of the site came from: a page chiso made, or a file of
/// `static/`. Two files at one path are an error naming both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Generated,
    Static(PathBuf),
}

/// Receives the files of a build from any thread; [`Writer::commit`] makes
/// them the output. Dropping the writer without committing leaves the output
/// as it was.
pub struct Writer {
    /// The folder readers are served, links resolved.
    output: PathBuf,
    /// The folder brought up to date, then exchanged with `output`.
    spare: PathBuf,
    /// Whether `output` exists (else the spare is renamed into place).
    previous: bool,
    /// Whether `output` holds files no chiso build wrote, adopted with
    /// `--force`: once exchanged, they are moved to a folder of their own
    /// rather than left in the spare, which the next build would empty.
    adopting: bool,
    /// The files the build that wrote the spare wrote, as its marker
    /// lists them: a file of the spare the new site does not have is
    /// removed if one of them, else moved aside (a file someone put in the
    /// output since).
    written_before: guard::Written,
    /// When the spare's [`UNFINISHED`] stamp was made (by this build, or by
    /// one that did not finish): a file of the spare changed since then is
    /// a build's.
    unfinished_since: Option<ChangeTime>,
    /// Whether this build made the spare: it then holds only what this
    /// build wrote, none of it shared with another folder, so a new file is
    /// created in place, not under a temporary name.
    fresh: bool,
    /// Site-relative paths given so far, with `/` separators, and where
    /// each came from.
    kept: Mutex<HashMap<String, Origin>>,
    /// Files new or changed since the previous output.
    changed: AtomicUsize,
    /// The folders of the files created in a spare this build made.
    folders: Mutex<HashSet<PathBuf>>,
    /// The folders (spare-relative) of a reused spare found to be folders,
    /// not links (see [`Writer::unlink_folders_of`]).
    checked: Mutex<HashSet<PathBuf>>,
    /// Files that came from two places, as (path, first origin, second).
    clashes: Mutex<Vec<(String, Origin, Origin)>>,
    /// The first error; once set, files are no longer written.
    failure: Mutex<Option<Diagnostic>>,
    finished: bool,
    /// Held until the writer is dropped, after the exchange and after
    /// [`Drop`] tidied (fields drop after `drop` runs).
    _lock: Option<lock::OutputLock>,
}

impl Writer {
    /// Prepares to write the site at `root` into `output`, refusing a folder
    /// chiso did not make (unless `force`) and the folders [`guard`]
    /// protects.
    pub fn begin(root: &Path, output: &Path, force: bool) -> Result<Writer, Diagnostic> {
        Writer::begin_waiting(root, output, force, || {})
    }

    /// [`Writer::begin`], once no other build writes into `output` (see
    /// [`lock`]); `waiting` is called if another does, before waiting for it.
    pub fn begin_waiting(
        root: &Path,
        output: &Path,
        force: bool,
        waiting: impl FnOnce(),
    ) -> Result<Writer, Diagnostic> {
        let output = guard::check_output(root, output, force)?;
        let adopting =
            output.is_dir() && !guard::is_ours(&output) && guard::holds_anything(&output);
        let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
            return Err(Diagnostic::error(msg::output_not_a_folder(
                output.display(),
            )));
        };
        let name = name.to_string_lossy();
        fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        let lock = lock::OutputLock::take(parent, &name, waiting);
        swap::recover(&output).map_err(|e| io_error(&output, e))?;
        // Left by chiso versions that staged a new output beside it.
        for suffix in ["new", "old"] {
            let leftover = parent.join(format!(".{name}.chiso-{suffix}"));
            if leftover.is_dir() {
                fs::remove_dir_all(&leftover).map_err(|e| io_error(&leftover, e))?;
            }
        }
        let spare = parent.join(format!(".{name}.chiso-spare"));
        let fresh = make_spare(&spare)?;
        let unfinished_since = stamp_unfinished(&spare)?;
        let written_before = match fresh {
            true => guard::Written::Unlisted,
            false => {
                let marker = fs::read_to_string(spare.join(guard::MARKER)).ok();
                guard::Written::read(marker.as_deref())
            }
        };
        let writer = Writer {
            previous: output.is_dir(),
            adopting,
            written_before,
            unfinished_since,
            fresh,
            output,
            spare,
            kept: Mutex::default(),
            changed: AtomicUsize::new(0),
            folders: Mutex::default(),
            checked: Mutex::default(),
            clashes: Mutex::default(),
            failure: Mutex::default(),
            finished: false,
            _lock: lock,
        };
        // Written once the site's files are known (`commit`): until then
        // the spare's marker still lists what its own build wrote.
        self::lock(&writer.kept).insert(guard::MARKER.to_owned(), Origin::Generated);
        Ok(writer)
    }

    /// The folder the site is written to, links resolved.
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Adds the file at `path` (site-relative, `/` separators).
    pub fn add(&self, path: &str, bytes: &[u8]) {
        self.add_from(path, bytes, Origin::Generated);
    }

    /// Adds a file of the site's `static/` folder, as it is.
    pub fn copy(&self, asset: &SiteFile) {
        match fs::read(&asset.path) {
            Ok(bytes) => {
                let path = asset.relative.to_string_lossy().replace('\\', "/");
                self.add_from(&path, &bytes, Origin::Static(asset.shown.clone()));
            }
            Err(e) => self.fail(io_error(&asset.path, e)),
        }
    }

    /// Adds the file at `path` without reading or comparing its bytes, for
    /// a file whose name is a hash of what it holds (a share card): the
    /// file the output has under that name is it, and is kept; else
    /// `source` (a copy kept elsewhere by chiso) is hard-linked in. `false`
    /// when neither can be done: the caller then adds the bytes. What the
    /// spare holds under the name is not trusted: the first build into a new
    /// output writes its files in place, so one killed leaves a file cut
    /// short under the card's own name.
    pub fn add_named_by_content(&self, path: &str, source: Option<&Path>) -> bool {
        if self.failed() || lock(&self.kept).contains_key(path) {
            // Nothing is written any more, or two origins clash: `add`
            // deals with both.
            return false;
        }
        let relative: PathBuf = path.split('/').collect();
        if self.unlink_folders_of(&relative).is_err() {
            return false;
        }
        let target = self.spare.join(&relative);
        let served = self.output.join(&relative);
        let is_whole_file =
            |p: &Path| fs::symlink_metadata(p).is_ok_and(|m| m.is_file() && m.len() > 0);
        let changed = if self.previous && is_whole_file(&served) {
            if !same_file(&target, &served) && !self.hard_link(&served, &target) {
                return false;
            }
            false
        } else if source.is_some_and(|source| {
            (self.fresh && self.link_new(source, &target)) || self.hard_link(source, &target)
        }) {
            true
        } else {
            return false;
        };
        lock(&self.kept).insert(path.to_owned(), Origin::Generated);
        if changed {
            self.changed.fetch_add(1, Ordering::Relaxed);
        }
        true
    }

    /// Makes `target` in the spare a hard link to `source`; `false` (and
    /// `target` as it was) where the file system cannot.
    fn hard_link(&self, source: &Path, target: &Path) -> bool {
        let Ok(temporary) = self.prepare(target) else {
            return false;
        };
        let _ = fs::remove_file(&temporary);
        if fs::hard_link(source, &temporary).is_err() {
            return false;
        }
        if fs::rename(&temporary, target).is_err() {
            let _ = fs::remove_file(&temporary);
            return false;
        }
        true
    }

    /// Records that the file at `path` comes from `origin`; `false` when
    /// it is not to be written: another origin gave it first (a clash), or
    /// writing has failed.
    fn claim(&self, path: &str, origin: Origin) -> bool {
        {
            let mut kept = lock(&self.kept);
            if let Some(first) = kept.get(path) {
                let clash = (path.to_owned(), first.clone(), origin);
                lock(&self.clashes).push(clash);
                return false;
            }
            kept.insert(path.to_owned(), origin);
        }
        !self.failed()
    }

    /// Adds the file at `path` as `write` writes it, never holding it
    /// whole: written under a temporary name, then compared with the
    /// served file as [`Writer::add`] compares bytes.
    pub fn add_streamed(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) {
        if !self.claim(path, Origin::Generated) {
            return;
        }
        let relative: PathBuf = path.split('/').collect();
        let written = self
            .unlink_folders_of(&relative)
            .and_then(|()| self.stream_file(&relative, write));
        self.record(written);
    }

    /// Counts a file written as changed, or keeps its error for the commit.
    fn record(&self, written: Result<bool, Diagnostic>) {
        match written {
            Ok(true) => {
                self.changed.fetch_add(1, Ordering::Relaxed);
            }
            Ok(false) => {}
            Err(d) => self.fail(d),
        }
    }

    /// [`Writer::write_file`] for a file written by `write`.
    fn stream_file(
        &self,
        relative: &Path,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<bool, Diagnostic> {
        let target = self.spare.join(relative);
        let temporary = self.prepare(&target)?;
        let written = create_temporary(&temporary).and_then(|file| {
            let mut out = io::BufWriter::with_capacity(256 * 1024, file);
            write(&mut out)?;
            io::Write::flush(&mut out)
        });
        if let Err(e) = written {
            let _ = fs::remove_file(&temporary);
            // Named as the editor knows it, not by its temporary name.
            return Err(io_error(&target, e));
        }
        let served = self.output.join(relative);
        if self.previous && same_contents(&temporary, &served) {
            let _ = fs::remove_file(&temporary);
            if !same_file(&target, &served) && !self.hard_link(&served, &target) {
                let bytes = fs::read(&served).map_err(|e| io_error(&served, e))?;
                self.replace(&target, &bytes)?;
            }
            return Ok(false);
        }
        fs::rename(&temporary, &target).map_err(|e| io_error(&target, e))?;
        Ok(true)
    }

    fn add_from(&self, path: &str, bytes: &[u8], origin: Origin) {
        if !self.claim(path, origin) {
            return;
        }
        let relative: PathBuf = path.split('/').collect();
        let written = self
            .unlink_folders_of(&relative)
            .and_then(|()| self.write_file(&relative, bytes));
        self.record(written);
    }

    /// In a spare a previous build left, removes a symbolic link found in
    /// place of a folder of `relative`. The spare was the served folder,
    /// where someone may have put a link (to publish a folder of documents
    /// without copying it); a page written through it would replace a file
    /// in the folder it points to, outside the output. The link goes (as
    /// anything else not chiso's in the output does), what it points to is
    /// never touched, and the folder is made anew. Each folder is looked at
    /// once per build; a spare this build made holds no link.
    fn unlink_folders_of(&self, relative: &Path) -> Result<(), Diagnostic> {
        let Some(folder) = relative.parent().filter(|_| !self.fresh) else {
            return Ok(());
        };
        let unchecked: Vec<PathBuf> = {
            let checked = lock(&self.checked);
            folder
                .ancestors()
                .take_while(|a| !a.as_os_str().is_empty() && !checked.contains(*a))
                .map(Path::to_path_buf)
                .collect()
        };
        // Outermost first: under a link nothing else is looked at.
        for ancestor in unchecked.iter().rev() {
            let path = self.spare.join(ancestor);
            if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                // A link to a folder is a file to `remove_file` on Unix, a
                // folder to `remove_dir` on Windows; neither follows it.
                // Another thread may have removed it first.
                let removed = fs::remove_file(&path).or_else(|_| fs::remove_dir(&path));
                match removed {
                    Err(e) if e.kind() != io::ErrorKind::NotFound => {
                        return Err(io_error(&path, e));
                    }
                    _ => {}
                }
                break;
            }
        }
        lock(&self.checked).extend(unchecked);
        Ok(())
    }

    /// Files given from two places: a `static/` file where the site has a
    /// page, one error each, naming both.
    pub fn clashes(&self) -> Vec<Diagnostic> {
        let mut clashes = std::mem::take(&mut *lock(&self.clashes));
        clashes.sort_by(|a, b| a.0.cmp(&b.0));
        clashes
            .into_iter()
            .map(|(path, first, second)| clash(&path, &first, &second))
            .collect()
    }

    /// [`folder_clashes`] of the files of `static/` with the files this
    /// writer was given and `later` (files the site adds after, such as
    /// share cards).
    pub fn folder_clashes<'a>(
        &self,
        assets: &[SiteFile],
        later: impl IntoIterator<Item = &'a str>,
    ) -> Vec<Diagnostic> {
        if assets.is_empty() {
            return Vec::new();
        }
        let kept = lock(&self.kept);
        let mut generated: Vec<&str> = kept
            .iter()
            .filter(|(_, origin)| **origin == Origin::Generated)
            .map(|(path, _)| path.as_str())
            .collect();
        // Pushed one by one: `later` borrows for longer than `kept`.
        for path in later {
            generated.push(path);
        }
        folder_clashes(generated, assets)
    }

    /// Whether writing has failed; the build then ends with that error.
    pub fn failed(&self) -> bool {
        lock(&self.failure).is_some()
    }

    /// Makes the files given the output: removes from the spare what the
    /// site no longer has, then exchanges it with the output folder (or
    /// renames it into place when there is none). On an error, the output
    /// is as it was.
    pub fn commit(mut self) -> Result<WriteReport, Diagnostic> {
        if let Some(d) = lock(&self.failure).take() {
            return Err(d);
        }
        if let Some(d) = self.clashes().into_iter().next() {
            return Err(d);
        }
        let kept = std::mem::take(&mut *lock(&self.kept));
        let folders = folders_of(&kept);
        if let Some(path) = kept.keys().filter(|p| folders.contains(p.as_str())).min() {
            return Err(Diagnostic::error(msg::file_and_folder(path)));
        }
        let aside = Aside::new(&self.output);
        if !self.fresh {
            // A spare this build made holds only what it wrote (every file
            // written is kept): there is nothing stale to look for, and
            // looking walked every file (100 ms for 10,000 articles).
            let stale = Stale {
                kept: &kept,
                folders: &folders,
                written_before: &self.written_before,
                unfinished_since: self.unfinished_since,
                aside: &aside,
            };
            remove_stale(&self.spare, &stale)?;
        }
        // Only once the spare holds nothing else: a build killed while it
        // removed what the old site had left files the new list does not
        // name, and made before the stamp, taken for a person's.
        let marker = guard::marker_text(kept.keys().map(String::as_str));
        if self.write_file(Path::new(guard::MARKER), marker.as_bytes())? {
            self.changed.fetch_add(1, Ordering::Relaxed);
        }
        let stamp = self.spare.join(UNFINISHED);
        match fs::remove_file(&stamp) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(io_error(&stamp, e)),
            _ => {}
        }
        // From here the spare is whole: a failure leaves it for the next build.
        self.finished = true;
        let swapped = if self.previous {
            swap::exchange(&self.spare, &self.output)
        } else {
            fs::rename(&self.spare, &self.output)
        };
        swapped.map_err(|e| io_error(&self.output, e))?;
        // The site is published; the adopted folder's own files, now in
        // the spare, go where no build deletes them.
        let kept_aside = match self.adopting {
            true => {
                let aside = kept_aside_path(&self.output);
                fs::rename(&self.spare, &aside).map_err(|e| io_error(&self.spare, e))?;
                Some(aside)
            }
            false => None,
        };
        Ok(WriteReport {
            files: kept.len(),
            changed: self.changed.load(Ordering::Relaxed),
            kept_aside,
            set_aside: aside.into_report(),
        })
    }

    /// Brings the spare's file at `relative` to `bytes`; returns whether
    /// the file is new or changed since the previous output.
    fn write_file(&self, relative: &Path, bytes: &[u8]) -> Result<bool, Diagnostic> {
        let target = self.spare.join(relative);
        if self.fresh && !self.previous && self.create_new(&target, bytes) {
            return Ok(true);
        }
        if !self.previous {
            if !same_bytes(&target, bytes) {
                self.replace(&target, bytes)?;
            }
            return Ok(true);
        }
        let served = self.output.join(relative);
        if same_file(&target, &served) {
            // Shared with the served folder: one comparison says both.
            if same_bytes(&target, bytes) {
                return Ok(false);
            }
            self.replace(&target, bytes)?;
            return Ok(true);
        }
        if same_bytes(&served, bytes) {
            self.link(&served, &target, bytes)?;
            return Ok(false);
        }
        if !same_bytes(&target, bytes) {
            self.replace(&target, bytes)?;
        }
        Ok(true)
    }

    /// Writes `bytes` to `target` in the spare under a temporary name, then
    /// renames it into place: the file `target` was may be shared with the
    /// served folder, so it is never written to.
    fn replace(&self, target: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        let temporary = self.prepare(target)?;
        write_whole(&temporary, target, bytes).map_err(|e| io_error(target, e))
    }

    /// Makes `target` in the spare a hard link to the served file: same
    /// bytes, same modification time, no copy. Writes `bytes` instead where
    /// the file system has no hard links.
    fn link(&self, served: &Path, target: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        if self.hard_link(served, target) {
            return Ok(());
        }
        self.replace(target, bytes)
    }

    /// Clears the way for a file at `target` in the spare, which is chiso's
    /// alone: a folder of an older build in its place goes, and so does a
    /// file where one of its folders goes. Returns its temporary name.
    fn prepare(&self, target: &Path) -> Result<PathBuf, Diagnostic> {
        if let Ok(meta) = fs::symlink_metadata(target) {
            if meta.is_dir() {
                fs::remove_dir_all(target).map_err(|e| io_error(target, e))?;
            }
        }
        if let Some(folder) = target.parent() {
            if !folder.is_dir() && fs::create_dir_all(folder).is_err() {
                for ancestor in folder.ancestors().take_while(|a| *a != self.spare) {
                    if fs::symlink_metadata(ancestor).is_ok_and(|m| !m.is_dir()) {
                        fs::remove_file(ancestor).map_err(|e| io_error(ancestor, e))?;
                    }
                }
                fs::create_dir_all(folder).map_err(|e| io_error(folder, e))?;
            }
        }
        let mut name = target.file_name().unwrap_or_default().to_os_string();
        name.push(TEMPORARY);
        Ok(target.with_file_name(name))
    }

    /// Creates the file `target` holding `bytes`, and its folders, where
    /// nothing is yet: in a spare this build made, the first time a path is
    /// given. `false` if anything is in the way (a file where a folder
    /// goes): the caller then takes the careful way. Into an empty output,
    /// this spares each file a look for an older one, a temporary name and
    /// a rename (four system calls of eight).
    fn create_new(&self, target: &Path, bytes: &[u8]) -> bool {
        use std::io::Write;
        let file = self.in_new_folder(target, || {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(target)
        });
        let Ok(mut file) = file else {
            return false;
        };
        if file.write_all(bytes).is_ok() {
            return true;
        }
        // Half written (a full disk): the careful way reports the error.
        drop(file);
        let _ = fs::remove_file(target);
        false
    }

    /// Makes `target` a hard link to `source` where nothing is yet, as
    /// [`Writer::create_new`] writes a file: into a spare this build made,
    /// one system call rather than six. `false` if anything is in the way.
    fn link_new(&self, source: &Path, target: &Path) -> bool {
        self.in_new_folder(target, || fs::hard_link(source, target))
            .is_ok()
    }

    /// Makes `target` with `make` in a spare this build made, making its
    /// folder first when no file of this build went there yet: nearly every
    /// page has a folder of its own, and trying the file first failed for
    /// each (a system call per page).
    fn in_new_folder<T>(&self, target: &Path, make: impl Fn() -> io::Result<T>) -> io::Result<T> {
        if let Some(folder) = target.parent() {
            if lock(&self.folders).insert(folder.to_path_buf()) {
                fs::create_dir_all(folder)?;
            }
        }
        // Another thread may have taken the folder and not made it yet.
        in_its_folder(target, make)
    }

    fn fail(&self, d: Diagnostic) {
        lock(&self.failure).get_or_insert(d);
    }
}

impl crate::render::Sink for Writer {
    fn put(&self, path: String, bytes: Vec<u8>) {
        self.add(&path, &bytes);
    }

    fn put_streamed(
        &self,
        path: String,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) {
        self.add_streamed(&path, write);
    }
}

impl crate::render::cards::Store for Writer {
    fn keep(&self, path: &str, cached: Option<&Path>) -> bool {
        self.add_named_by_content(path, cached)
    }

    fn put(&self, path: String, png: Vec<u8>) {
        self.add(&path, &png);
    }

    /// The card in the new output (the spare, exchanged with the output
    /// at the end: the same file as the output's).
    fn kept_file(&self, path: &str) -> Option<PathBuf> {
        Some(self.spare.join(path.split('/').collect::<PathBuf>()))
    }
}

impl Drop for Writer {
    /// A build that never committed leaves the output as it was. Its spare
    /// is kept for the next build to tidy, unless there was no output yet:
    /// then nothing of the failed build is left at all.
    fn drop(&mut self) {
        if !self.finished && !self.previous {
            let _ = fs::remove_dir_all(&self.spare);
        }
    }
}

/// Creates the spare folder, or keeps the one a previous build left (then
/// returns `false`). The name is chiso's, so anything else found there (a
/// file, a link) goes.
/// Where the files of `output`, adopted with `--force`, are kept once the
/// site replaced them: `NAME.truoc-chiso` beside it (`-2`, `-3`, … when
/// that exists), a visible name the editor can find and delete.
pub fn kept_aside_path(output: &Path) -> PathBuf {
    let name = output.file_name().unwrap_or_default().to_string_lossy();
    let mut n = 1;
    loop {
        let candidate = match n {
            1 => output.with_file_name(format!("{name}.truoc-chiso")),
            _ => output.with_file_name(format!("{name}.truoc-chiso-{n}")),
        };
        if fs::symlink_metadata(&candidate).is_err() {
            return candidate;
        }
        n += 1;
    }
}

/// Makes the spare's [`UNFINISHED`] stamp unless a build that did not
/// finish left one, and returns when it was made. Without it, what such a
/// build wrote would be taken for files someone put in the output after a
/// build, and moved aside with a warning blaming them (adv25 F1).
fn stamp_unfinished(spare: &Path) -> Result<Option<ChangeTime>, Diagnostic> {
    let stamp = spare.join(UNFINISHED);
    if !fs::symlink_metadata(&stamp).is_ok_and(|m| m.is_file()) {
        let _ = fs::remove_dir_all(&stamp);
        fs::write(&stamp, b"").map_err(|e| io_error(&stamp, e))?;
    }
    let meta = fs::symlink_metadata(&stamp).map_err(|e| io_error(&stamp, e))?;
    Ok(change_time(&meta))
}

/// When a file's inode last changed (written, renamed, linked), as the
/// file system keeps it: the status change time where there is one, which
/// no copying tool sets back, else the modification time.
type ChangeTime = (i64, i64);

#[cfg(unix)]
fn change_time(meta: &fs::Metadata) -> Option<ChangeTime> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.ctime(), meta.ctime_nsec()))
}

#[cfg(not(unix))]
fn change_time(meta: &fs::Metadata) -> Option<ChangeTime> {
    let since = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some((since.as_secs() as i64, i64::from(since.subsec_nanos())))
}

/// Whether the file of `entry` changed at or after `since`.
fn written_since(entry: &walkdir::DirEntry, since: Option<ChangeTime>) -> bool {
    let Some(since) = since else {
        return false;
    };
    entry
        .metadata()
        .ok()
        .and_then(|m| change_time(&m))
        .is_some_and(|changed| changed >= since)
}

fn make_spare(spare: &Path) -> Result<bool, Diagnostic> {
    match fs::symlink_metadata(spare) {
        Ok(meta) if meta.is_dir() => return Ok(false),
        Ok(_) => fs::remove_file(spare).map_err(|e| io_error(spare, e))?,
        Err(_) => {}
    }
    fs::create_dir(spare).map_err(|e| io_error(spare, e))?;
    Ok(true)
}

/// Creates the file at `temporary` (a temporary name in the spare) anew.
/// A file a killed build left under that name is removed first, never
/// opened: it may be a hard link to a served file (a build killed between
/// linking and renaming), and writing into it would change the served site.
fn create_temporary(temporary: &Path) -> io::Result<File> {
    let create = || {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(temporary)
    };
    match create() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(temporary)?;
            create()
        }
        created => created,
    }
}

/// Writes `bytes` to `target` whole or not at all: into `temporary` (a
/// name beside it, made anew: a leftover there is removed, never opened),
/// then renamed over it; on a failure the temporary file goes and `target`
/// is as it was. For every file chiso replaces: pages in the spare, cached
/// share cards, imported tables.
pub fn write_whole(temporary: &Path, target: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let written = create_temporary(temporary)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| fs::rename(temporary, target));
    if written.is_err() {
        let _ = fs::remove_file(temporary);
    }
    written
}

/// Makes `target` with `make`, and when its folder is missing, makes the
/// folder and `make`s it again, with no look before: for a file whose
/// folder another thread has taken but not made yet.
fn in_its_folder<T>(target: &Path, make: impl Fn() -> io::Result<T>) -> io::Result<T> {
    match make() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => match target.parent() {
            Some(folder) => {
                fs::create_dir_all(folder)?;
                make()
            }
            None => Err(e),
        },
        made => made,
    }
}

/// The error for a file given from two places.
pub fn clash(path: &str, first: &Origin, second: &Origin) -> Diagnostic {
    match (first, second) {
        // Two names that are one once normalised (NFC and NFD "Báo cáo").
        (Origin::Static(one), Origin::Static(other)) => {
            Diagnostic::error(msg::static_same_name(path, &other.display().to_string()))
                .in_file(one)
                .with_hint(msg::hint_static_same_name())
        }
        (Origin::Static(file), _) | (_, Origin::Static(file)) => {
            // How to change what chiso makes there, where there is a way.
            let hint = match path {
                "robots.txt" => msg::hint_static_robots(),
                "chiso.css" => msg::hint_static_stylesheet(),
                page if page.ends_with(".html") => msg::hint_static_clash(),
                _ => msg::hint_static_rename(),
            };
            Diagnostic::error(msg::static_replaces_page(path))
                .in_file(file)
                .with_hint(hint)
        }
        (Origin::Generated, Origin::Generated) => Diagnostic::error(msg::page_made_twice(path)),
    }
}

/// Each file of `static/` in the way of the site's own files (`generated`:
/// site-relative, `/` separators), as a file and a folder cannot have one
/// name: a file where the site has a folder (`static/don-vi`, where the
/// unit pages go), or a file in a folder named as one of the site's files
/// (`static/atom.xml/f`). One error each, at the static file.
pub fn folder_clashes<'a>(
    generated: impl IntoIterator<Item = &'a str>,
    assets: &[SiteFile],
) -> Vec<Diagnostic> {
    // Most sites have a few static files or none: no sets of every page.
    if assets.is_empty() {
        return Vec::new();
    }
    let files: HashSet<&str> = generated.into_iter().collect();
    let folders: HashSet<&str> = files.iter().flat_map(|path| folders_in(path)).collect();
    let mut clashes = Vec::new();
    for asset in assets {
        let path = asset.relative.to_string_lossy().replace('\\', "/");
        let message = if folders.contains(path.as_str()) {
            msg::static_where_folder(&path)
        } else if let Some(file) = folders_in(&path).find(|f| files.contains(f)) {
            msg::static_inside_file(file)
        } else {
            continue;
        };
        let d = Diagnostic::error(message)
            .in_file(&asset.shown)
            .with_hint(msg::hint_static_folder_clash());
        clashes.push(d);
    }
    clashes
}

/// The folders a site-relative path is in: `a`, then `a/b` for `a/b/c`.
fn folders_in(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i])
}

/// A poisoned lock means another thread panicked while writing; the values
/// behind these locks stay consistent, so go on.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether `a` and `b` are one file (hard links to the same data).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Without a portable way to tell, files are compared by their bytes.
#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
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

/// Whether the files at `a` and `b` hold the same bytes, read a piece at a
/// time.
fn same_contents(a: &Path, b: &Path) -> bool {
    let (Ok(mut a), Ok(mut b)) = (File::open(a), File::open(b)) else {
        return false;
    };
    match (a.metadata(), b.metadata()) {
        (Ok(ma), Ok(mb)) if ma.is_file() && mb.is_file() && ma.len() == mb.len() => {}
        _ => return false,
    }
    let (mut x, mut y) = (vec![0; 64 * 1024], vec![0; 64 * 1024]);
    loop {
        let Ok(n) = read_full(&mut a, &mut x) else {
            return false;
        };
        if read_full(&mut b, &mut y[..n]).ok() != Some(n) || x[..n] != y[..n] {
            return false;
        }
        if n < x.len() {
            // The end of `a`; `b` must end there too.
            return read_full(&mut b, &mut y[..1]).ok() == Some(0);
        }
    }
}

/// Reads into `buffer` until it is full or the file ends; the bytes read.
fn read_full(file: &mut File, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Every folder that holds one of the `kept` paths, site-relative.
fn folders_of(kept: &HashMap<String, Origin>) -> HashSet<&str> {
    kept.keys().flat_map(|p| folders_in(p)).collect()
}

/// Removes from `folder` every file and folder that holds none of `kept`
/// (site-relative paths with `/` separators). The top-level folders are
/// walked side by side.
fn remove_stale(folder: &Path, stale: &Stale) -> Result<(), Diagnostic> {
    let top: Vec<PathBuf> = fs::read_dir(folder)
        .map_err(|e| io_error(folder, e))?
        .map(|entry| entry.map(|e| e.path()).map_err(|e| io_error(folder, e)))
        .collect::<Result<_, _>>()?;
    top.par_iter()
        .try_for_each(|path| remove_stale_under(folder, path, stale))
}

/// What [`remove_stale`] keeps, and where it puts what it does not delete.
struct Stale<'a> {
    /// The files of the new site.
    kept: &'a HashMap<String, Origin>,
    /// Their folders.
    folders: &'a HashSet<&'a str>,
    /// The files the build that wrote the folder wrote.
    written_before: &'a guard::Written,
    /// When the folder's [`UNFINISHED`] stamp was made: any file changed
    /// since is a build's.
    unfinished_since: Option<ChangeTime>,
    /// Where any other file goes.
    aside: &'a Aside,
}

/// Files found in a spare that no chiso build wrote, moved to a folder
/// beside the output ([`kept_aside_path`]), made when the first comes.
struct Aside {
    output: PathBuf,
    folder: std::sync::OnceLock<PathBuf>,
    moved: Mutex<Vec<String>>,
}

impl Aside {
    fn new(output: &Path) -> Aside {
        Aside {
            output: output.to_path_buf(),
            folder: std::sync::OnceLock::new(),
            moved: Mutex::default(),
        }
    }

    /// Moves the file at `path` (`relative` in its folder) aside.
    fn keep(&self, path: &Path, relative: &str) -> Result<(), Diagnostic> {
        let folder = self.folder.get_or_init(|| kept_aside_path(&self.output));
        let target = folder.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        }
        fs::rename(path, &target).map_err(|e| io_error(path, e))?;
        lock(&self.moved).push(relative.to_owned());
        Ok(())
    }

    /// The folder and the files moved, if any was.
    fn into_report(self) -> Option<(PathBuf, Vec<String>)> {
        let mut moved = self.moved.into_inner().unwrap_or_else(|e| e.into_inner());
        moved.sort();
        Some((self.folder.into_inner()?, moved))
    }
}

/// [`remove_stale`] for one entry of the folder and what it holds.
fn remove_stale_under(folder: &Path, start: &Path, stale: &Stale) -> Result<(), Diagnostic> {
    let Stale { kept, folders, .. } = *stale;
    // Contents first, so that a folder is empty when its turn comes.
    // A link at the top is removed, not followed (walkdir follows a root
    // link by default): what it points to is not the output's.
    let mut searched: HashSet<String> = HashSet::new();
    let walk = walkdir::WalkDir::new(start)
        .contents_first(true)
        .follow_root_links(false);
    for entry in walk {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(start).to_path_buf();
            io_error(&path, crate::input::walk_error(e))
        })?;
        let relative = entry.path().strip_prefix(folder).unwrap_or(entry.path());
        let relative = relative.to_string_lossy();
        let relative = if std::path::MAIN_SEPARATOR == '/' {
            relative
        } else {
            relative.replace(std::path::MAIN_SEPARATOR, "/").into()
        };
        // A Git repository someone made inside the output (a submodule, a
        // clone to publish from) is never chiso's to delete: the build
        // stops before its first file goes, leaving the output as it was.
        if let Some(end) = repository_in(&relative) {
            let repository = folder.join(&relative[..end]);
            return Err(Diagnostic::error(msg::old_output_holds_a_repository(
                repository.display(),
            ))
            .with_hint(msg::hint_move_the_repository()));
        }
        // Nor is another site's sources (an output adopted with `--force`
        // that held one): before the first file of a folder the new site
        // does not have goes, that folder is searched for one. Contents
        // come first, so a site's `config.toml` may come before its
        // `data/`: it is looked at before it goes.
        let foreign = foreign_root(&relative, entry.file_type().is_dir(), folders);
        let new_root = foreign.filter(|root| searched.insert((*root).to_owned()));
        let config = entry.file_name() == "config.toml" && !kept.contains_key(relative.as_ref());
        let site = match new_root {
            Some(root) => site_within(folder, root),
            _ if config => entry
                .path()
                .parent()
                .filter(|p| guard::is_a_site(p))
                .map(Path::to_path_buf),
            _ => None,
        };
        if let Some(site) = site {
            return Err(
                Diagnostic::error(msg::old_output_holds_a_site(site.display()))
                    .with_hint(msg::hint_move_the_site()),
            );
        }
        if entry.file_type().is_dir() {
            if !folders.contains(relative.as_ref()) {
                fs::remove_dir(entry.path()).map_err(|e| io_error(entry.path(), e))?;
            }
        } else if kept.contains_key(relative.as_ref()) || relative == UNFINISHED {
            // The stamp goes only once the marker lists the new site: a
            // build killed after it went would leave files of its own
            // that no list names and no stamp dates.
            continue;
        } else if stale.written_before.wrote(&relative)
            || relative.ends_with(TEMPORARY)
            || written_since(&entry, stale.unfinished_since)
        {
            fs::remove_file(entry.path()).map_err(|e| io_error(entry.path(), e))?;
        } else {
            // Put in the output since a build wrote it: not chiso's to delete.
            stale.aside.keep(entry.path(), &relative)?;
        }
    }
    Ok(())
}

/// The outermost folder of `path` (itself when a folder) that the new
/// site does not have, if any: what is in it is all to go.
fn foreign_root<'a>(path: &'a str, is_dir: bool, folders: &HashSet<&str>) -> Option<&'a str> {
    let ends = path.match_indices('/').map(|(i, _)| i);
    ends.chain(is_dir.then_some(path.len()))
        .map(|end| &path[..end])
        .find(|folder| !folders.contains(folder))
}

/// A site's folder in or beside the folder `root` (site-relative) of
/// `output`: `root` itself, the folder holding it, or any folder under it.
fn site_within(output: &Path, root: &str) -> Option<PathBuf> {
    let root = output.join(root);
    if let Some(parent) = root.parent().filter(|p| guard::is_a_site(p)) {
        return Some(parent.to_path_buf());
    }
    walkdir::WalkDir::new(&root)
        .follow_root_links(false)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_dir())
        .find(|e| guard::is_a_site(e.path()))
        .map(|e| e.into_path())
}

/// Where the `.git` of a repository ends in the site-relative `path`
/// (`sub/.git/HEAD` → 8), if the path is in one.
fn repository_in(path: &str) -> Option<usize> {
    let mut start = 0;
    for part in path.split('/') {
        if part == ".git" {
            return Some(start + part.len());
        }
        start += part.len() + 1;
    }
    None
}

fn io_error(path: &Path, error: io::Error) -> Diagnostic {
    Diagnostic::error(msg::cannot_write(path.display(), &error))
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

    /// Every path under `dir`, sorted, with `/` separators.
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

    /// The paths of a site's files as the output holds them: with the marker.
    fn site(paths: &[&str]) -> Vec<String> {
        let mut all: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
        all.push(guard::MARKER.to_owned());
        all.sort();
        all
    }

    fn read(path: &Path) -> String {
        fs::read_to_string(path).unwrap()
    }

    /// A file someone puts in the output after a build is not chiso's:
    /// the build that would delete it moves it beside the output instead,
    /// and says so (adv19 M1). So is every file of a folder whose marker
    /// lists no files (an empty one, copied in by hand).
    #[test]
    fn a_file_put_in_the_output_is_moved_aside_not_deleted() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let build = |pages: &[&str]| {
            let files: Vec<OutputFile> = pages.iter().map(|p| file(p, p)).collect();
            let writer = Writer::begin(root.path(), &out, false).unwrap();
            for f in &files {
                writer.add(&f.path, &f.bytes);
            }
            writer.commit().unwrap()
        };
        build(&["a/index.html", "b/index.html"]);
        fs::write(out.join("mine.txt"), "mine").unwrap();
        fs::create_dir(out.join("docs")).unwrap();
        fs::write(out.join("docs/report.docx"), "report").unwrap();
        // The build after the files were added moves them into the spare
        // with the old site; the next one finds them there. A page the
        // site no longer has (`b/`) is deleted as before.
        for _ in 0..3 {
            let report = build(&["a/index.html"]);
            let Some((aside, moved)) = report.set_aside else {
                continue;
            };
            assert_eq!(aside, root.path().join("public.truoc-chiso"));
            assert_eq!(moved, ["docs/report.docx", "mine.txt"]);
            assert_eq!(read(&aside.join("docs/report.docx")), "report");
            assert_eq!(read(&aside.join("mine.txt")), "mine");
            assert!(!aside.join("b/index.html").exists());
            assert_eq!(names(&out), site(&["a", "a/index.html"]));
            // An empty marker claims a folder of the editor's files.
            let other = root.path().join("www");
            fs::create_dir_all(other.join("docs")).unwrap();
            fs::write(other.join("docs/thesis.txt"), "thesis").unwrap();
            fs::write(other.join(guard::MARKER), "").unwrap();
            for _ in 0..2 {
                let writer = Writer::begin(root.path(), &other, false).unwrap();
                writer.add("index.html", b"home");
                writer.commit().unwrap();
            }
            let kept = root.path().join("www.truoc-chiso/docs/thesis.txt");
            assert_eq!(read(&kept), "thesis");
            return;
        }
        panic!("the added files were never moved aside");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_put_in_the_output_is_never_written_or_emptied_through() {
        // An editor links a folder of documents into the served output, in
        // place of a page's folder and beside the pages: the builds after
        // it remove the links and never touch what they point to.
        use std::os::unix::fs::symlink;
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let documents = root.path().join("tai-lieu");
        fs::create_dir_all(documents.join("sub")).unwrap();
        fs::write(documents.join("index.html"), "mine").unwrap();
        fs::write(documents.join("sub/b.pdf"), "pdf").unwrap();
        let before = names(&documents);
        let files = [file("a/index.html", "a"), file("tin/x/index.html", "x")];
        write(root.path(), &out, &files, &[]).unwrap();
        fs::remove_dir_all(out.join("tin/x")).unwrap();
        symlink(&documents, out.join("tin/x")).unwrap();
        symlink(&documents, out.join("docs")).unwrap();
        for _ in 0..3 {
            write(root.path(), &out, &files, &[]).unwrap();
            assert_eq!(read(&out.join("tin/x/index.html")), "x");
            assert_eq!(names(&documents), before);
            assert_eq!(read(&documents.join("index.html")), "mine");
        }
        assert_eq!(
            names(&out),
            site(&["a", "a/index.html", "tin", "tin/x", "tin/x/index.html"])
        );
    }

    #[test]
    fn a_new_output_holds_the_site_and_its_marker() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        write(root.path(), &out, &[file("a/index.html", "a")], &[]).unwrap();
        assert_eq!(names(&out), site(&["a", "a/index.html"]));
        assert!(guard::is_ours(&out));
        // Nothing else beside it but the lock file.
        assert_eq!(names(root.path()).len(), names(&out).len() + 2);
        assert!(root.path().join(".public.chiso-lock").is_file());
    }

    #[test]
    fn a_rebuild_replaces_the_site_and_keeps_the_old_one_as_spare() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        write(root.path(), &out, &[file("old/index.html", "old")], &[]).unwrap();
        write(root.path(), &out, &[file("a/index.html", "new")], &[]).unwrap();
        assert_eq!(names(&out), site(&["a", "a/index.html"]));
        assert_eq!(read(&out.join("a/index.html")), "new");
        let spare = root.path().join(".public.chiso-spare");
        assert_eq!(read(&spare.join("old/index.html")), "old");
    }

    #[test]
    fn a_repository_made_inside_the_output_is_never_deleted() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        write(root.path(), &out, &[file("a/index.html", "a")], &[]).unwrap();
        fs::create_dir_all(out.join("ban/.git/refs")).unwrap();
        fs::write(out.join("ban/.git/HEAD"), "ref").unwrap();
        // The next build moves the old site aside; the one after would
        // delete it: it stops, naming the repository.
        write(root.path(), &out, &[file("a/index.html", "b")], &[]).unwrap();
        let spare = root.path().join(".public.chiso-spare");
        assert!(spare.join("ban/.git/HEAD").is_file());
        let error = write(root.path(), &out, &[file("a/index.html", "c")], &[]).unwrap_err();
        assert!(error.message.contains("ban/.git"), "{}", error.message);
        assert!(spare.join("ban/.git/HEAD").is_file());
        assert_eq!(read(&out.join("a/index.html")), "b");
        assert_eq!(repository_in("x/.git/HEAD"), Some(6));
        assert_eq!(repository_in(".git"), Some(4));
        assert_eq!(repository_in("x/.github/a"), None);
    }

    #[test]
    fn a_site_inside_an_old_build_is_never_deleted() {
        // Another site's sources copied into the output, at any depth and
        // also inside a folder the new site has: the build that would
        // delete them stops, naming the site.
        for place in ["ban/a/b/site", "a/site", "a/b", "a"] {
            let root = tempfile::tempdir().unwrap();
            let out = root.path().join("public");
            write(root.path(), &out, &[file("a/index.html", "a")], &[]).unwrap();
            let site = out.join(place);
            fs::create_dir_all(site.join("data/results")).unwrap();
            fs::write(site.join("data/results/x.toml"), "year = 2024").unwrap();
            fs::write(site.join("config.toml"), "title = \"x\"").unwrap();
            let moved = write(root.path(), &out, &[file("a/index.html", "b")], &[]);
            if place == "a" {
                // A site as a folder of the output: refused from the start.
                assert!(moved.is_err());
                assert!(site.join("data/results/x.toml").is_file());
                continue;
            }
            moved.unwrap();
            let spare = root.path().join(".public.chiso-spare");
            let error = write(root.path(), &out, &[file("a/index.html", "c")], &[]).unwrap_err();
            assert!(error.message.contains(place), "{place}: {}", error.message);
            assert!(spare.join(place).join("config.toml").is_file(), "{place}");
            assert!(
                spare.join(place).join("data/results/x.toml").is_file(),
                "{place}"
            );
        }
        let folders: HashSet<&str> = ["a", "a/b"].into_iter().collect();
        assert_eq!(foreign_root("a/b/c/d.html", false, &folders), Some("a/b/c"));
        assert_eq!(foreign_root("a/b/c", true, &folders), Some("a/b/c"));
        assert_eq!(foreign_root("a/b/d.html", false, &folders), None);
        assert_eq!(foreign_root("a/b", true, &folders), None);
    }

    #[test]
    #[cfg(unix)]
    fn a_file_named_by_content_is_linked_from_its_source_into_a_new_output_and_a_rebuild() {
        use std::os::unix::fs::MetadataExt;
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let cached = root.path().join("card.png");
        fs::write(&cached, "png").unwrap();
        for _ in 0..2 {
            let writer = Writer::begin(root.path(), &out, false).unwrap();
            assert!(writer.add_named_by_content("anh/card.png", Some(&cached)));
            writer.commit().unwrap();
            let linked = out.join("anh/card.png");
            assert_eq!(read(&linked), "png");
            assert_eq!(
                fs::metadata(&linked).unwrap().ino(),
                fs::metadata(&cached).unwrap().ino()
            );
        }
        // With no source and nothing to keep, the bytes are asked for.
        let writer = Writer::begin(root.path(), &out, false).unwrap();
        assert!(!writer.add_named_by_content("anh/other.png", None));
    }

    #[test]
    fn a_rebuild_whose_spare_was_removed_holds_only_the_new_site() {
        // The spare is made anew (nothing in it is searched for stale
        // files at commit): the new output is exactly what was written.
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let pages = [file("a/index.html", "a"), file("b/c/index.html", "c")];
        write(root.path(), &out, &pages, &[]).unwrap();
        write(root.path(), &out, &pages, &[]).unwrap();
        fs::remove_dir_all(root.path().join(".public.chiso-spare")).unwrap();
        write(root.path(), &out, &[file("a/index.html", "new")], &[]).unwrap();
        assert_eq!(names(&out), site(&["a", "a/index.html"]));
        assert_eq!(read(&out.join("a/index.html")), "new");
    }

    #[test]
    fn a_rebuild_writes_only_what_changed_and_keeps_modification_times() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let first = [file("a/index.html", "a"), file("b/index.html", "b")];
        write(root.path(), &out, &first, &[]).unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        for name in ["a/index.html", "b/index.html"] {
            File::options()
                .write(true)
                .open(out.join(name))
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        for round in 0..2 {
            let writer = Writer::begin(root.path(), &out, false).unwrap();
            writer.add("a/index.html", b"a");
            writer.add("b/index.html", b"B");
            writer.add("c/d/index.html", b"c");
            let report = writer.commit().unwrap();
            // The marker counts as a file, and lists a new one (`c/d/`):
            // three changed; in the second round nothing did.
            let changed = if round == 0 { 3 } else { 0 };
            let kept_aside = None;
            assert_eq!(
                report,
                WriteReport {
                    files: 4,
                    changed,
                    kept_aside,
                    set_aside: None,
                }
            );
            let modified = |name: &str| fs::metadata(out.join(name)).unwrap().modified().unwrap();
            assert_eq!(modified("a/index.html"), old);
            assert_ne!(modified("b/index.html"), old);
            assert_eq!(read(&out.join("b/index.html")), "B");
            assert_eq!(read(&out.join("c/d/index.html")), "c");
        }
    }

    #[test]
    fn the_served_folder_is_never_written_before_the_exchange() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        // Two builds, so that the spare shares its files with the output.
        for _ in 0..2 {
            write(root.path(), &out, &[file("a/index.html", "1")], &[]).unwrap();
        }
        let before = names(&out);
        let writer = Writer::begin(root.path(), &out, false).unwrap();
        writer.add("a/index.html", b"2");
        writer.add("b/index.html", b"new");
        assert_eq!(read(&out.join("a/index.html")), "1");
        assert_eq!(names(&out), before, "no file, temporary or not, appears");
        writer.commit().unwrap();
        assert_eq!(read(&out.join("a/index.html")), "2");
        let spare = root.path().join(".public.chiso-spare");
        assert_eq!(read(&spare.join("a/index.html")), "1");
    }

    #[test]
    fn a_rebuild_removes_what_the_site_no_longer_has_at_any_depth() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
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
        // Twice, so that the spare holds the old site too.
        for _ in 0..2 {
            write(root.path(), &out, &first, &[]).unwrap();
        }
        let second = ["robots.txt", "a/index.html", "b/c/keep.html"].map(|n| file(n, n));
        for _ in 0..2 {
            write(root.path(), &out, &second, &[]).unwrap();
            assert_eq!(
                names(&out),
                site(&[
                    "a",
                    "a/index.html",
                    "b",
                    "b/c",
                    "b/c/keep.html",
                    "robots.txt"
                ])
            );
        }
    }

    #[test]
    fn a_writer_dropped_without_commit_leaves_the_output_as_it_was() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        write(root.path(), &out, &[file("a/index.html", "a")], &[]).unwrap();
        let before = names(&out);
        let writer = Writer::begin(root.path(), &out, false).unwrap();
        writer.add("a/index.html", b"changed");
        writer.add("new/deep/index.html", b"new");
        drop(writer);
        assert_eq!(names(&out), before);
        assert_eq!(read(&out.join("a/index.html")), "a");

        // And with no previous output, nothing is left at all but the
        // (empty) lock file.
        let fresh = tempfile::tempdir().unwrap();
        let writer = Writer::begin(fresh.path(), &fresh.path().join("public"), false).unwrap();
        writer.add("x/index.html", b"x");
        drop(writer);
        assert_eq!(names(fresh.path()), [".public.chiso-lock"]);
    }

    #[test]
    fn leftovers_of_a_killed_build_in_the_spare_are_tidied() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        write(root.path(), &out, &[file("a/index.html", "a")], &[]).unwrap();
        let spare = root.path().join(".public.chiso-spare");
        fs::create_dir_all(spare.join("a")).unwrap();
        fs::write(spare.join("a/index.html.chiso-tmp"), "half").unwrap();
        fs::write(spare.join("a/index.html"), "stale").unwrap();
        write(root.path(), &out, &[file("a/index.html", "b")], &[]).unwrap();
        assert_eq!(names(&out), site(&["a", "a/index.html"]));
        assert_eq!(read(&out.join("a/index.html")), "b");
    }

    /// A build killed between hard-linking a served file under its
    /// temporary name and renaming it leaves that name linked to the served
    /// file: the next build must not write through it, whether it is then
    /// killed before the exchange (here: dropped) or finishes.
    #[test]
    #[cfg(unix)]
    fn a_temporary_name_left_linked_to_a_served_file_is_never_written_through() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let pages = [file("a/index.html", "a"), file("du-lieu/big.csv", "1,2")];
        write(root.path(), &out, &pages, &[]).unwrap();
        write(root.path(), &out, &pages, &[]).unwrap();
        let spare = root.path().join(".public.chiso-spare");
        for name in ["a/index.html", "du-lieu/big.csv"] {
            let temporary = spare.join(format!("{name}{TEMPORARY}"));
            let _ = fs::remove_file(&temporary);
            fs::hard_link(out.join(name), &temporary).unwrap();
        }
        let writer = Writer::begin(root.path(), &out, false).unwrap();
        writer.add("a/index.html", b"changed");
        writer.add_streamed("du-lieu/big.csv", &mut |w| w.write_all(b"3,4"));
        assert!(!writer.failed());
        drop(writer);
        assert_eq!(read(&out.join("a/index.html")), "a");
        assert_eq!(read(&out.join("du-lieu/big.csv")), "1,2");

        let writer = Writer::begin(root.path(), &out, false).unwrap();
        writer.add("a/index.html", b"changed");
        writer.add_streamed("du-lieu/big.csv", &mut |w| w.write_all(b"3,4"));
        writer.commit().unwrap();
        assert_eq!(read(&out.join("a/index.html")), "changed");
        assert_eq!(read(&out.join("du-lieu/big.csv")), "3,4");
        // The old site, now the spare, is the old site still.
        assert_eq!(read(&spare.join("a/index.html")), "a");
        assert_eq!(read(&spare.join("du-lieu/big.csv")), "1,2");
    }

    /// The first build into a new output writes its files in place; killed,
    /// it leaves a card cut short in the spare, which is not kept as is.
    #[test]
    fn a_card_a_killed_first_build_left_in_the_spare_is_not_trusted() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let spare = root.path().join(".public.chiso-spare");
        fs::create_dir_all(spare.join("anh")).unwrap();
        fs::write(spare.join("anh/card.png"), "pn").unwrap();
        let cached = root.path().join("card.png");
        fs::write(&cached, "png").unwrap();
        let writer = Writer::begin(root.path(), &out, false).unwrap();
        assert!(!writer.add_named_by_content("anh/card.png", None));
        assert!(writer.add_named_by_content("anh/card.png", Some(&cached)));
        writer.commit().unwrap();
        assert_eq!(read(&out.join("anh/card.png")), "png");
    }

    #[test]
    fn a_page_where_the_previous_build_had_a_file_replaces_it() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        for _ in 0..2 {
            write(root.path(), &out, &[file("a", "a file")], &[]).unwrap();
        }
        write(root.path(), &out, &[file("a/index.html", "a page")], &[]).unwrap();
        assert_eq!(names(&out), site(&["a", "a/index.html"]));
        write(root.path(), &out, &[file("a", "a file again")], &[]).unwrap();
        assert_eq!(names(&out), site(&["a"]));
    }

    #[test]
    fn a_file_and_a_folder_at_one_path_are_an_error_that_changes_nothing() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        write(root.path(), &out, &[file("x", "x")], &[]).unwrap();
        let before = names(&out);
        let writer = Writer::begin(root.path(), &out, false).unwrap();
        writer.add("b/index.html", b"b");
        writer.add("b", b"b as a file");
        assert!(writer.commit().is_err());
        assert_eq!(names(&out), before);
    }

    /// Builds `out` with one streamed file, `big.csv`, holding `text`.
    fn write_streamed(root: &Path, out: &Path, text: &str) -> WriteReport {
        let writer = Writer::begin(root, out, false).unwrap();
        writer.add_streamed("du-lieu/big.csv", &mut |w| {
            // In pieces, as the all-tables downloads are written.
            for piece in text.as_bytes().chunks(3) {
                w.write_all(piece)?;
            }
            Ok(())
        });
        writer.commit().unwrap()
    }

    #[test]
    fn a_streamed_file_is_written_and_kept_unchanged_like_any_other() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let first = write_streamed(root.path(), &out, "a,b\r\n1,2\r\n");
        assert_eq!(first.changed, 2, "the marker and the file");
        let file = out.join("du-lieu/big.csv");
        assert_eq!(read(&file), "a,b\r\n1,2\r\n");
        let old = SystemTime::now() - Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let same = write_streamed(root.path(), &out, "a,b\r\n1,2\r\n");
        assert_eq!(same.changed, 0);
        let file = out.join("du-lieu/big.csv");
        assert_eq!(fs::metadata(&file).unwrap().modified().unwrap(), old);
        // Same length, other bytes.
        let other = write_streamed(root.path(), &out, "a,b\r\n1,3\r\n");
        assert_eq!(other.changed, 1);
        assert_eq!(read(&out.join("du-lieu/big.csv")), "a,b\r\n1,3\r\n");
        assert_eq!(names(&out), site(&["du-lieu", "du-lieu/big.csv"]));

        // A write that fails fails the build, and the output stays.
        let writer = Writer::begin(root.path(), &out, false).unwrap();
        writer.add_streamed("du-lieu/big.csv", &mut |w| {
            w.write_all(b"a,b")?;
            Err(io::Error::other("disk full"))
        });
        assert!(writer.commit().is_err());
        assert_eq!(read(&out.join("du-lieu/big.csv")), "a,b\r\n1,3\r\n");
    }

    #[test]
    fn a_file_whose_folder_another_thread_took_and_has_not_made_is_written() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let writer = Writer::begin(root.path(), &out, false).unwrap();
        // As if another thread had taken the folder and not made it yet.
        lock(&writer.folders).insert(writer.spare.join("a/b"));
        writer.add("a/b/index.html", b"x");
        writer.add("a/b/c.html", b"y");
        writer.commit().unwrap();
        assert_eq!(
            names(&out),
            site(&["a", "a/b", "a/b/c.html", "a/b/index.html"])
        );
        assert_eq!(read(&out.join("a/b/index.html")), "x");
    }

    #[test]
    fn into_a_new_output_a_file_and_a_folder_at_one_path_leave_nothing() {
        for order in [["b/index.html", "b"], ["b", "b/index.html"]] {
            let root = tempfile::tempdir().unwrap();
            let out = root.path().join("public");
            let writer = Writer::begin(root.path(), &out, false).unwrap();
            writer.add("a/index.html", b"a");
            for path in order {
                writer.add(path, path.as_bytes());
            }
            assert!(writer.commit().is_err());
            assert_eq!(names(root.path()), [".public.chiso-lock"]);
        }
    }

    #[test]
    fn a_spare_left_without_an_output_is_not_written_through_its_links() {
        // A killed first build left a spare whose page is a hard link to a
        // file elsewhere (as share cards are to chiso's cache): the new
        // page replaces the link, and the file it pointed to is untouched.
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let elsewhere = root.path().join("kept.png");
        fs::write(&elsewhere, "card").unwrap();
        let spare = root.path().join(".public.chiso-spare");
        fs::create_dir_all(spare.join("a")).unwrap();
        fs::hard_link(&elsewhere, spare.join("a/index.html")).unwrap();
        write(root.path(), &out, &[file("a/index.html", "page")], &[]).unwrap();
        assert_eq!(read(&out.join("a/index.html")), "page");
        assert_eq!(read(&elsewhere), "card");
    }

    #[test]
    fn a_static_file_in_the_place_of_a_page_is_an_error_naming_both() {
        let root = tempfile::tempdir().unwrap();
        let asset_path = root.path().join("static/tin-tuc/index.html");
        fs::create_dir_all(asset_path.parent().unwrap()).unwrap();
        fs::write(&asset_path, "mine").unwrap();
        let asset = SiteFile {
            path: asset_path,
            shown: PathBuf::from("static/tin-tuc/index.html"),
            relative: PathBuf::from("tin-tuc/index.html"),
        };
        let out = root.path().join("public");
        let writer = Writer::begin(root.path(), &out, false).unwrap();
        writer.add("tin-tuc/index.html", b"page");
        writer.copy(&asset);
        let clashes = writer.clashes();
        assert_eq!(clashes.len(), 1);
        let shown = clashes[0].to_string();
        assert!(shown.contains("static/tin-tuc/index.html"), "{shown}");
        assert!(shown.contains("/tin-tuc/"), "{shown}");
        drop(writer);
        assert!(!out.exists());
    }

    #[test]
    fn a_folder_chiso_did_not_make_is_refused_and_left_alone() {
        let root = tempfile::tempdir().unwrap();
        let docs = root.path().join("docs");
        fs::create_dir(&docs).unwrap();
        fs::write(docs.join("notes.txt"), "mine").unwrap();
        assert!(write(root.path(), &docs, &[file("a.html", "a")], &[]).is_err());
        assert_eq!(names(&docs), ["notes.txt"]);
        assert_eq!(names(root.path()), ["docs", "docs/notes.txt"]);
        // Adopted with --force, it becomes the site.
        let writer = Writer::begin(root.path(), &docs, true).unwrap();
        writer.add("a.html", b"a");
        writer.commit().unwrap();
        assert_eq!(names(&docs), site(&["a.html"]));
    }

    #[test]
    fn refuses_to_replace_the_site_itself() {
        let root = tempfile::tempdir().unwrap();
        fs::write(root.path().join("config.toml"), "title = 'x'").unwrap();
        assert!(Writer::begin(root.path(), root.path(), true).is_err());
        assert!(root.path().join("config.toml").exists());
    }
}
