//! Writing the site: every rendered file and the site's `static/` folder go
//! into a temporary folder beside the output, which replaces the output only
//! when everything was written. A failed build leaves the previous site as
//! it was.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::input::SiteFile;

use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::render::OutputFile;

/// The static folder, relative to the site root.
pub const STATIC_DIR: &str = "static";

/// Writes the rendered `files` and the site's static `assets` to `output`,
/// atomically; returns how many files were written.
pub fn write(
    root: &Path,
    output: &Path,
    files: &[OutputFile],
    assets: &[SiteFile],
) -> Result<usize, Diagnostic> {
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
    let staging = parent.join(format!(".{name}.chiso-new"));
    let retired = parent.join(format!(".{name}.chiso-old"));
    for leftover in [&staging, &retired] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(|e| io_error(leftover, e))?;
        }
    }
    let written = fill(&staging, files, assets).inspect_err(|_| {
        let _ = fs::remove_dir_all(&staging);
    })?;
    if output.exists() {
        fs::rename(output, &retired).map_err(|e| io_error(output, e))?;
    }
    if let Err(e) = fs::rename(&staging, output) {
        // Put the previous site back rather than leave none.
        let _ = fs::rename(&retired, output);
        return Err(io_error(output, e));
    }
    if retired.exists() {
        fs::remove_dir_all(&retired).map_err(|e| io_error(&retired, e))?;
    }
    Ok(written)
}

/// Writes everything into `dir`.
fn fill(dir: &Path, files: &[OutputFile], assets: &[SiteFile]) -> Result<usize, Diagnostic> {
    fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    // Folders first, once each, so the files can then be written in any order.
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .map(|f| dir.join(&f.path))
        .chain(assets.iter().map(|a| dir.join(&a.relative)))
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();
    for folder in &folders {
        fs::create_dir_all(folder).map_err(|e| io_error(folder, e))?;
    }
    files.par_iter().try_for_each(|file| {
        let path = dir.join(&file.path);
        fs::write(&path, &file.bytes).map_err(|e| io_error(&path, e))
    })?;
    assets.par_iter().try_for_each(|asset| {
        let target = dir.join(&asset.relative);
        fs::copy(&asset.path, &target)
            .map(|_| ())
            .map_err(|e| io_error(&target, e))
    })?;
    Ok(files.len() + assets.len())
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

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.to_owned(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_the_previous_output_and_leaves_no_staging() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        write(site.path(), &out, &[file("old.html", "old")], &[]).unwrap();
        write(site.path(), &out, &[file("a/index.html", "new")], &[]).unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "new");
        let names: Vec<_> = fs::read_dir(site.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn refuses_to_replace_the_site_itself() {
        let site = tempfile::tempdir().unwrap();
        fs::write(site.path().join("config.toml"), "title = 'x'").unwrap();
        assert!(write(site.path(), site.path(), &[], &[]).is_err());
        assert!(site.path().join("config.toml").exists());
    }
}
