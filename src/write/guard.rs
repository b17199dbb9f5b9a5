//! Which folders a build may write: the output folder is chiso's alone.
//!
//! A build replaces everything in its output folder, so it writes only into a
//! folder that is missing, empty, or marked as made by chiso (the
//! [`MARKER`] file every build writes). Any other folder is refused unless
//! the editor adopts it with `--force`. Some folders are refused even then:
//! the site itself, a folder that holds it, its source folders, another
//! site's folder (or one holding a site, or inside a site's sources), the
//! user's home and the root of a file system.

use std::ffi::OsStr;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;

/// The file that marks a folder as a build's output; every build writes it.
pub const MARKER: &str = ".chiso-output";

/// What the marker file says to someone who opens it.
pub const MARKER_TEXT: &str = "Thư mục này do `chiso build` ghi, và mỗi lần dựng thay toàn bộ \
nội dung. Đừng để tệp khác ở đây: lần dựng sau chuyển chúng sang thư mục bên cạnh \
(TÊN.truoc-chiso).\nThis folder is written by `chiso build`, which replaces everything in it \
at each build. Do not keep other files here: the next build moves them to a folder beside it \
(NAME.truoc-chiso).\n";

/// The marker's text of earlier builds (adv22 m11: it said other files would
/// be deleted; they are moved aside), still read as a marker.
const EARLIER_MARKER_TEXT: &str = "This folder is written by `chiso build`, which replaces \
everything in it at each build.\nDo not keep other files here: they would be deleted.\n";

/// The site's source folders: an output inside one would overwrite sources.
const SOURCE_FOLDERS: [&str; 5] = ["data", "content", "templates", "static", ".git"];

/// How many of a refused folder's entries its error names.
const NAMED_ENTRIES: usize = 3;

/// Checks that `output` may be written for the site at `root`; returns its
/// absolute path with symbolic links resolved (the folder the build will
/// actually replace). `force` adopts a folder chiso did not make, but never
/// one of the folders refused whatever is asked.
pub fn check_output(root: &Path, output: &Path, force: bool) -> Result<PathBuf, Diagnostic> {
    let real = resolve(output).map_err(|e| cannot_use(output, e))?;
    let site = resolve(root).map_err(|e| cannot_use(root, e))?;
    refuse_protected(&site, &real, home().as_deref())
        .and_then(|()| refuse_other_sites(&real))
        .map_err(|why| {
            Diagnostic::error(msg::output_protected(output.display(), why))
                .with_hint(msg::hint_output())
        })?;
    match fs::symlink_metadata(&real) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(real),
        Err(e) => Err(cannot_use(output, e)),
        Ok(meta) if !meta.is_dir() => Err(Diagnostic::error(msg::output_not_a_folder(
            output.display(),
        ))
        .with_hint(msg::hint_output())),
        // Marked or not, adopted or not: `public/` made a repository to
        // push (a Git submodule, a worktree of `gh-pages`) is an old way to
        // publish, and its history would be deleted.
        Ok(_) if fs::symlink_metadata(real.join(".git")).is_ok() => Err(Diagnostic::error(
            msg::output_protected(output.display(), Protected::HoldsARepository),
        )
        .with_hint(msg::hint_output_repository())),
        Ok(_) if is_ours(&real) => Ok(real),
        // Adopting a folder chiso did not make: its old contents will be
        // deleted, so a site at any depth in it is refused (one as a
        // folder of its own is refused above even when marked).
        Ok(_) if force && holds_a_site(&real) => Err(Diagnostic::error(msg::output_protected(
            output.display(),
            Protected::AnotherSite,
        ))
        .with_hint(msg::hint_output())),
        Ok(_) if force => Ok(real),
        Ok(_) => {
            let entries = foreign_entries(&real).map_err(|e| cannot_use(output, e))?;
            if entries.is_empty() {
                Ok(real)
            } else {
                Err(
                    Diagnostic::error(msg::output_not_ours(output.display(), entries.join(", ")))
                        .with_hint(msg::hint_output_not_ours()),
                )
            }
        }
    }
}

/// Whether `folder` was made by chiso: it holds the marker file.
pub fn is_ours(folder: &Path) -> bool {
    folder.join(MARKER).is_file()
}

/// The line of the marker before the list of the files its build wrote.
const FILES_HEADER: &str =
    "\nFiles written by the build (any other file found here is moved aside, not deleted):\n";

/// The marker's text: [`MARKER_TEXT`], then the files the build wrote, one
/// site-relative path a line, sorted.
pub fn marker_text<'a>(files: impl IntoIterator<Item = &'a str>) -> String {
    let mut files: Vec<&str> = files.into_iter().collect();
    files.sort_unstable();
    let mut text = String::with_capacity(MARKER_TEXT.len() + files.len() * 32);
    text.push_str(MARKER_TEXT);
    text.push_str(FILES_HEADER);
    for file in files {
        text.push_str(file);
        text.push('\n');
    }
    text
}

/// What a folder's marker says of the files in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// The files the build that wrote the marker wrote: any other is not
    /// chiso's.
    Listed(std::collections::HashSet<String>),
    /// The marker of a chiso that listed no files: every file is taken
    /// for its build's, as that chiso took them.
    Unlisted,
    /// Anything else (an empty marker, one edited): no file is known to
    /// be chiso's.
    Unknown,
}

impl Written {
    /// Reads the marker's `text` (`None`: no marker could be read).
    pub fn read(text: Option<&str>) -> Written {
        let Some(text) = text else {
            return Written::Unknown;
        };
        if text == MARKER_TEXT || text == EARLIER_MARKER_TEXT {
            return Written::Unlisted;
        }
        match text
            .strip_prefix(MARKER_TEXT)
            .or_else(|| text.strip_prefix(EARLIER_MARKER_TEXT))
            .and_then(|rest| rest.strip_prefix(FILES_HEADER))
        {
            Some(list) => Written::Listed(list.lines().map(str::to_owned).collect()),
            None => Written::Unknown,
        }
    }

    /// Whether the build that wrote the marker wrote the file at `path`.
    pub fn wrote(&self, path: &str) -> bool {
        match self {
            Written::Listed(files) => files.contains(path),
            Written::Unlisted => true,
            Written::Unknown => false,
        }
    }
}

/// Why an output folder is refused whatever is asked, as a message part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protected {
    /// The site folder itself, or a folder that holds it.
    HoldsTheSite,
    /// Inside one of the site's source folders (`data/`, `content/`, …).
    InsideSources(&'static str),
    /// The user's home folder, or a folder that holds it.
    HoldsHome,
    /// The root of a file system.
    FileSystemRoot,
    /// Another site's folder, or a folder holding one (a mistyped
    /// `--output ../other-site`): adopting it would move that site's
    /// sources aside, and the next build would delete them.
    AnotherSite,
    /// Inside another site's source folders.
    InsideAnotherSitesSources(&'static str),
    /// A folder holding a Git repository or worktree (`.git`): the build
    /// after the next would remove it with the rest of the old site.
    HoldsARepository,
}

/// The rules of [`check_output`] that `--force` cannot lift, on absolute
/// paths with links resolved.
fn refuse_protected(site: &Path, output: &Path, home: Option<&Path>) -> Result<(), Protected> {
    if output.parent().is_none() {
        return Err(Protected::FileSystemRoot);
    }
    if site.starts_with(output) {
        return Err(Protected::HoldsTheSite);
    }
    if let Some(&folder) = SOURCE_FOLDERS
        .iter()
        .find(|folder| output.starts_with(site.join(folder)))
    {
        return Err(Protected::InsideSources(folder));
    }
    if home.is_some_and(|home| home.starts_with(output)) {
        return Err(Protected::HoldsHome);
    }
    Ok(())
}

/// Whether `folder` holds a site's sources: a `config.toml` beside a
/// `data/` or `content/` folder.
pub(super) fn is_a_site(folder: &Path) -> bool {
    folder.join("config.toml").is_file()
        && ["data", "content"].iter().any(|f| folder.join(f).is_dir())
}

/// Whether a folder under `folder`, at any depth, holds a site's sources.
fn holds_a_site(folder: &Path) -> bool {
    walkdir::WalkDir::new(folder)
        .min_depth(1)
        .into_iter()
        .flatten()
        .any(|e| e.file_type().is_dir() && is_a_site(e.path()))
}

/// The rules of [`check_output`] about other sites on the disk, on an
/// absolute path with links resolved: `output` must not be a site, hold
/// one (as a folder of its own), or lie inside a site's source folders.
fn refuse_other_sites(output: &Path) -> Result<(), Protected> {
    if is_a_site(output) {
        return Err(Protected::AnotherSite);
    }
    for site in output.ancestors().skip(1).filter(|a| is_a_site(a)) {
        if let Some(&folder) = SOURCE_FOLDERS
            .iter()
            .find(|folder| output.starts_with(site.join(folder)))
        {
            return Err(Protected::InsideAnotherSitesSources(folder));
        }
    }
    let children = fs::read_dir(output).into_iter().flatten().flatten();
    if children
        .filter(|c| c.file_type().is_ok_and(|t| t.is_dir()))
        .any(|c| is_a_site(&c.path()))
    {
        return Err(Protected::AnotherSite);
    }
    Ok(())
}

/// Whether `folder` holds any entry (an unreadable one counts: it is
/// kept, not deleted).
pub fn holds_anything(folder: &Path) -> bool {
    fs::read_dir(folder).map_or(true, |mut entries| entries.next().is_some())
}

/// Up to [`NAMED_ENTRIES`] names in `folder`, sorted (hidden ones last), then `…` if there are
/// more; empty when the folder is empty.
fn foreign_entries(folder: &Path) -> std::io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(folder)? {
        names.push(entry?.file_name().to_string_lossy().into_owned());
    }
    // Visible names first: `config.toml, content, data` says more than
    // `.github, .gitignore, .gitlab-ci.yml`.
    names.sort_by(|a, b| (a.starts_with('.'), a).cmp(&(b.starts_with('.'), b)));
    if names.len() > NAMED_ENTRIES {
        names.truncate(NAMED_ENTRIES);
        names.push("…".into());
    }
    Ok(names)
}

/// `path` made absolute, with `.` and `..` removed and symbolic links
/// resolved as far as the path exists: a missing output is resolved through
/// its nearest existing folder.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut missing: Vec<&OsStr> = Vec::new();
    loop {
        match fs::canonicalize(existing) {
            Ok(real) => {
                let mut resolved = real;
                for part in missing.iter().rev() {
                    resolved.push(part);
                }
                return Ok(normalise(&resolved));
            }
            Err(e) => match (existing.parent(), existing.components().next_back()) {
                (Some(parent), Some(last)) => {
                    missing.push(last.as_os_str());
                    existing = parent;
                }
                _ => return Err(e),
            },
        }
    }
}

/// Removes `.` and `..` from the part of a path that does not exist yet.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The user's home folder, from `HOME` (or `USERPROFILE` on Windows).
fn home() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    if home.is_empty() {
        return None;
    }
    resolve(Path::new(&home)).ok()
}

fn cannot_use(path: &Path, error: std::io::Error) -> Diagnostic {
    Diagnostic::error(msg::cannot_write(path.display(), &error))
}

impl std::fmt::Display for Protected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            Protected::HoldsTheSite => msg::protected_site(),
            Protected::InsideSources(folder) => msg::protected_sources(folder),
            Protected::HoldsHome => msg::protected_home(),
            Protected::FileSystemRoot => msg::protected_root(),
            Protected::HoldsARepository => msg::protected_repository(),
            Protected::AnotherSite => msg::protected_other_site(),
            Protected::InsideAnotherSitesSources(folder) => msg::protected_other_sources(folder),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_builds_marker_is_read_with_its_list() {
        let earlier = format!("{EARLIER_MARKER_TEXT}{FILES_HEADER}index.html\n");
        let written = Written::read(Some(&earlier));
        assert!(written.wrote("index.html") && !written.wrote("other.html"));
        let now = marker_text(["index.html"]);
        assert!(now.contains("moves them to a folder beside it"), "{now}");
        assert!(Written::read(Some(&now)).wrote("index.html"));
    }

    fn refused(site: &str, output: &str, home: &str) -> Result<(), Protected> {
        refuse_protected(Path::new(site), Path::new(output), Some(Path::new(home)))
    }

    #[test]
    fn protected_folders_are_refused_whatever_is_asked() {
        let home = "/home/bien-tap";
        let site = "/home/bien-tap/site";
        assert_eq!(refused(site, "/", home), Err(Protected::FileSystemRoot));
        assert_eq!(refused(site, site, home), Err(Protected::HoldsTheSite));
        assert_eq!(refused(site, "/home", home), Err(Protected::HoldsTheSite));
        assert_eq!(
            refused(site, "/home/bien-tap/site/data", home),
            Err(Protected::InsideSources("data"))
        );
        assert_eq!(
            refused(site, "/home/bien-tap/site/content/tin-tuc/x", home),
            Err(Protected::InsideSources("content"))
        );
        assert_eq!(
            refused(site, "/home/bien-tap/site/static", home),
            Err(Protected::InsideSources("static"))
        );
        assert_eq!(
            refused(site, "/home/bien-tap/site/templates", home),
            Err(Protected::InsideSources("templates"))
        );
        assert_eq!(
            refused("/srv/site", "/home/bien-tap", home),
            Err(Protected::HoldsHome)
        );
        assert_eq!(
            refused("/srv/site", "/home", home),
            Err(Protected::HoldsHome)
        );
    }

    #[test]
    fn ordinary_output_folders_pass() {
        let home = "/home/bien-tap";
        let site = "/home/bien-tap/site";
        assert_eq!(refused(site, "/home/bien-tap/site/public", home), Ok(()));
        // A folder whose name merely starts like a source folder's.
        assert_eq!(refused(site, "/home/bien-tap/site/database", home), Ok(()));
        assert_eq!(refused(site, "/home/bien-tap/docs", home), Ok(()));
        assert_eq!(refused(site, "/var/www/cchc", home), Ok(()));
    }

    #[test]
    fn a_folder_holding_a_site_at_any_depth_is_not_adopted() {
        let root = tempfile::tempdir().unwrap();
        let here = root.path().join("qb");
        let deep = root.path().join("deep");
        let other = deep.join("a/b/site");
        for site in [&here, &other] {
            fs::create_dir_all(site.join("data")).unwrap();
            fs::write(site.join("config.toml"), "title = \"x\"\n").unwrap();
        }
        for output in [deep.clone(), deep.join("a")] {
            let error = check_output(&here, &output, true).unwrap_err();
            assert!(error.message.contains("another site"), "{}", error.message);
        }
        // Marked as chiso's (a build wrote it), it is adopted: the build
        // that would delete the site stops then (see `write`).
        fs::write(deep.join(MARKER), MARKER_TEXT).unwrap();
        assert!(check_output(&here, &deep, false).is_ok());
    }

    #[test]
    fn a_folder_with_other_files_is_refused_unless_forced() {
        let site = tempfile::tempdir().unwrap();
        let docs = site.path().join("docs");
        fs::create_dir(&docs).unwrap();
        fs::write(docs.join("report.docx"), "x").unwrap();
        let error = check_output(site.path(), &docs, false).unwrap_err();
        assert!(error.message.contains("report.docx"), "{}", error.message);
        assert!(check_output(site.path(), &docs, true).is_ok());
    }

    #[test]
    fn another_site_is_refused_even_when_forced_or_marked() {
        let sites = tempfile::tempdir().unwrap();
        let here = sites.path().join("qb");
        let other = sites.path().join("hcm");
        for site in [&here, &other] {
            fs::create_dir_all(site.join("data")).unwrap();
            fs::write(site.join("config.toml"), "title = \"x\"\n").unwrap();
        }
        fs::create_dir_all(other.join("content/tin-tuc")).unwrap();
        let archive = sites.path().join("luu-tru");
        fs::create_dir_all(archive.join("cu/content")).unwrap();
        fs::write(archive.join("cu/config.toml"), "").unwrap();
        let cases = [
            (other.clone(), "another site"),
            (other.join("content/tin-tuc"), "`content/`"),
            (archive, "another site"),
        ];
        for (output, why) in cases {
            for force in [false, true] {
                fs::write(output.join(MARKER), MARKER_TEXT).unwrap();
                let error = check_output(&here, &output, force).unwrap_err();
                let said = &error.message;
                assert!(said.contains(why), "{}: {said}", output.display());
            }
        }
        // The site's own output inside it, and a new folder beside it, pass.
        assert!(check_output(&here, &here.join("public"), false).is_ok());
        assert!(check_output(&here, &sites.path().join("out"), false).is_ok());
    }

    #[test]
    fn a_folder_holding_a_git_repository_is_refused_even_when_forced_or_marked() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        fs::create_dir_all(out.join(".git")).unwrap();
        fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        for force in [false, true] {
            let error = check_output(site.path(), &out, force).unwrap_err();
            assert!(error.message.contains(".git"), "{}", error.message);
        }
        // A worktree or submodule has a `.git` file instead.
        fs::remove_dir(out.join(".git")).unwrap();
        fs::write(out.join(".git"), "gitdir: ../.git/worktrees/public\n").unwrap();
        assert!(check_output(site.path(), &out, true).is_err());
        fs::remove_file(out.join(".git")).unwrap();
        assert!(check_output(site.path(), &out, false).is_ok());
    }

    #[test]
    fn missing_empty_and_marked_folders_are_accepted() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        assert!(check_output(site.path(), &out, false).is_ok());
        fs::create_dir(&out).unwrap();
        assert!(check_output(site.path(), &out, false).is_ok());
        fs::write(out.join("index.html"), "x").unwrap();
        assert!(check_output(site.path(), &out, false).is_err());
        fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        assert!(check_output(site.path(), &out, false).is_ok());
    }

    #[test]
    fn the_site_is_refused_even_when_forced_and_through_dots() {
        let site = tempfile::tempdir().unwrap();
        fs::create_dir(site.path().join("data")).unwrap();
        for output in [".", "data", "data/../data/x", "public/../data"] {
            let path = site.path().join(output);
            assert!(
                check_output(site.path(), &path, true).is_err(),
                "{output} should be refused"
            );
        }
    }

    #[test]
    fn a_missing_output_resolves_through_its_existing_parent() {
        let site = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(site.path()).unwrap();
        let resolved = resolve(&site.path().join("a/./b/../c")).unwrap();
        assert_eq!(resolved, real.join("a/c"));
    }
}
