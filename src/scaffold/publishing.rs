//! The CI files `chiso init` writes so that a new site publishes itself:
//! `.github/workflows/publish.yml` (GitHub Pages) and `.gitlab-ci.yml`
//! (GitLab Pages). Both download the released chiso of this very version
//! and verify its checksum; neither compiles anything.

/// This chiso's version: the release the workflows download.
const VERSION: &str = env!("CARGO_PKG_VERSION");
/// Where releases are published (`repository` in Cargo.toml).
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The files, by path relative to the site folder.
pub(super) fn files() -> Vec<(String, String)> {
    vec![
        (
            ".github/workflows/publish.yml".into(),
            fill(include_str!("publish.yml")),
        ),
        (".gitlab-ci.yml".into(), fill(include_str!("gitlab-ci.yml"))),
    ]
}

fn fill(template: &str) -> String {
    template
        .replace("@CHISO_VERSION@", VERSION)
        .replace("@CHISO_REPOSITORY@", REPOSITORY.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workflows_download_this_version_and_never_compile() {
        for (path, text) in files() {
            assert!(!text.contains("@CHISO"), "{path}: a placeholder is left");
            assert!(
                text.contains(&format!("CHISO_VERSION: \"{VERSION}\"")),
                "{path}"
            );
            assert!(
                text.contains(&format!("{REPOSITORY}/releases/download")),
                "{path}"
            );
            assert!(text.contains("sha256sum"), "{path}: no checksum check");
            assert!(!text.contains("cargo"), "{path}: compiles chiso");
            assert!(text.contains("chiso check --message-format"), "{path}");
            assert!(text.contains("chiso build"), "{path}");
        }
    }
}
