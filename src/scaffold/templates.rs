//! `chiso templates`: the built-in templates, which of them the site
//! overrides, and copying one into the site's `templates/` to change it.
//! A copied template replaces the built-in one of the same name; the others
//! stay built in and keep getting fixes with each chiso release.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::{closest, Diagnostic};
use crate::messages as msg;
use crate::problem::Problem;
use crate::render::{DEFAULT_TEMPLATES, TEMPLATES_DIR};

/// A built-in template and whether the site has its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The name, as templates refer to it (`partials/footer.html`).
    pub name: &'static str,
    /// The site has `templates/<name>`, used instead of the built-in one.
    pub overridden: bool,
}

/// Every built-in template, in the order the renderer registers them.
pub fn list(root: &Path) -> Vec<Template> {
    DEFAULT_TEMPLATES
        .iter()
        .map(|&(name, _)| Template {
            name,
            overridden: root.join(TEMPLATES_DIR).join(name).is_file(),
        })
        .collect()
}

/// Copies the named built-in templates into `root/templates/`, refusing to
/// replace a file the site has unless `force`; returns the files written,
/// relative to `root`. Nothing is written when a name is unknown.
pub fn copy(root: &Path, names: &[String], force: bool) -> Result<Vec<PathBuf>, Problem> {
    let mut chosen = Vec::new();
    for name in names {
        let name = name.trim_start_matches("templates/");
        match DEFAULT_TEMPLATES.iter().find(|(n, _)| *n == name) {
            Some(&(name, text)) => chosen.push((name, text)),
            None => {
                let mut diagnostic = Diagnostic::error(msg::unknown_template(name));
                let known = DEFAULT_TEMPLATES.iter().map(|(n, _)| *n);
                diagnostic = match closest(name, known) {
                    Some(near) => diagnostic.with_hint(msg::hint_did_you_mean(near)),
                    None => diagnostic.with_hint(msg::hint_list_templates()),
                };
                return Err(Problem::Usage(diagnostic));
            }
        }
    }
    let root_real = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut written = Vec::new();
    for (name, text) in chosen {
        let relative = Path::new(TEMPLATES_DIR).join(name);
        let path = root.join(&relative);
        // A link counts as a file there, even one leading nowhere.
        if fs::symlink_metadata(&path).is_ok() && !force {
            return Err(Problem::site(
                Diagnostic::error(msg::already_exists(relative.display()))
                    .with_hint(msg::hint_force_template()),
            ));
        }
        let cannot = |e: std::io::Error| {
            Problem::site(Diagnostic::error(msg::cannot_create(path.display(), &e)))
        };
        let folder = path.parent().unwrap_or(root);
        fs::create_dir_all(folder).map_err(cannot)?;
        // `templates/` (or `partials/`) a link leading out of the site
        // would have the copy written wherever it leads (adv25 F5).
        let folder_real = fs::canonicalize(folder).map_err(cannot)?;
        if !folder_real.starts_with(&root_real) {
            let shown = relative.parent().unwrap_or(&relative);
            return Err(Problem::site(
                Diagnostic::error(msg::link_outside_site(folder_real.display()))
                    .in_file(shown)
                    .with_hint(msg::hint_copy_into_site()),
            ));
        }
        // Written beside and renamed over: a link at the name is replaced,
        // never written through to the file it leads to.
        let mut temporary = path.file_name().unwrap_or_default().to_os_string();
        temporary.push(crate::import::TEMPORARY);
        crate::write::write_whole(&path.with_file_name(temporary), &path, text.as_bytes())
            .map_err(cannot)?;
        written.push(relative);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_a_template_and_then_lists_it_as_overridden() {
        let dir = tempfile::tempdir().unwrap();
        let written = copy(dir.path(), &["partials/footer.html".into()], false).unwrap();
        assert_eq!(written, [PathBuf::from("templates/partials/footer.html")]);
        let copied = fs::read_to_string(dir.path().join(&written[0])).unwrap();
        let builtin = DEFAULT_TEMPLATES
            .iter()
            .find(|(n, _)| *n == "partials/footer.html")
            .unwrap()
            .1;
        assert_eq!(copied, builtin);
        let listed = list(dir.path());
        assert!(listed
            .iter()
            .any(|t| t.name == "partials/footer.html" && t.overridden));
        assert!(listed
            .iter()
            .any(|t| t.name == "base.html" && !t.overridden));
    }

    #[test]
    fn refuses_to_replace_an_edited_template_without_force() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("templates")).unwrap();
        fs::write(dir.path().join("templates/base.html"), "mine").unwrap();
        let refused = copy(dir.path(), &["base.html".into()], false).unwrap_err();
        assert!(refused.to_string().contains("already exists"), "{refused}");
        assert_eq!(
            fs::read_to_string(dir.path().join("templates/base.html")).unwrap(),
            "mine"
        );
        copy(dir.path(), &["base.html".into()], true).unwrap();
        assert_ne!(
            fs::read_to_string(dir.path().join("templates/base.html")).unwrap(),
            "mine"
        );
    }

    /// A link at a template's name, or a folder that leads out of the site,
    /// is never written through (adv25 F5).
    #[cfg(unix)]
    #[test]
    fn never_writes_through_a_link() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        let decoy = outside.path().join("decoy.txt");
        fs::write(&decoy, "keep me").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("templates");
        fs::create_dir_all(&templates).unwrap();
        symlink(&decoy, templates.join("base.html")).unwrap();
        symlink(
            outside.path().join("nowhere.html"),
            templates.join("home.html"),
        )
        .unwrap();
        let refused = copy(dir.path(), &["home.html".into()], false).unwrap_err();
        assert!(refused.to_string().contains("already exists"), "{refused}");
        copy(dir.path(), &["base.html".into(), "home.html".into()], true).unwrap();
        assert_eq!(fs::read_to_string(&decoy).unwrap(), "keep me");
        assert!(!outside.path().join("nowhere.html").exists());
        assert!(!templates.join("base.html").is_symlink());
        // `partials/` leading out of the site.
        symlink(outside.path(), templates.join("partials")).unwrap();
        let refused = copy(dir.path(), &["partials/footer.html".into()], false).unwrap_err();
        assert!(
            refused.to_string().contains("outside the site"),
            "{refused}"
        );
        assert!(!outside.path().join("footer.html").exists());
    }

    #[test]
    fn an_unknown_name_suggests_the_closest_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let refused = copy(
            dir.path(),
            &["base.html".into(), "rankng.html".into()],
            false,
        )
        .unwrap_err();
        assert_eq!(refused.exit_code(), 2);
        assert!(refused.to_string().contains("`ranking.html`"), "{refused}");
        assert!(!dir.path().join("templates").exists());
    }
}
