//! The share cards kept between builds: `.chiso-cache/share-cards/` beside
//! `config.toml`, one PNG per card, named by the hash of its SVG (and of
//! the renderer), so a hit is exactly the image drawing would make. A
//! build removes the cards it no longer uses; `chiso init` git-ignores the
//! folder. Any failure here only costs drawing the card again.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;

/// The cache folder, relative to the site root.
pub const CACHE_DIR: &str = ".chiso-cache";

/// Its share cards' folder.
const CARDS: &str = "share-cards";

/// What a PNG file starts with.
const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

pub struct Cache {
    folder: PathBuf,
}

impl Cache {
    /// The site's cache folder, made if missing; a warning if it cannot be.
    pub fn open(root: &Path) -> Result<Cache, Diagnostic> {
        let folder = root.join(CACHE_DIR).join(CARDS);
        match fs::create_dir_all(&folder) {
            Ok(()) => Ok(Cache { folder }),
            Err(e) => Err(Diagnostic::warning(msg::card_cache_unusable(
                folder.display(),
                e,
            ))),
        }
    }

    /// The card `name`, if kept (and whole).
    pub fn get(&self, name: &str) -> Option<Vec<u8>> {
        let bytes = fs::read(self.folder.join(name)).ok()?;
        bytes.starts_with(SIGNATURE).then_some(bytes)
    }

    /// Keeps the card `name`: written beside and renamed, so that a
    /// reader (another build) never sees half a file.
    pub fn put(&self, name: &str, png: &[u8]) {
        let unique = format!(
            ".{name}.{}.{:?}.tmp",
            std::process::id(),
            std::thread::current().id()
        )
        .replace(|c: char| !c.is_ascii_alphanumeric() && c != '.', "");
        let temporary = self.folder.join(unique);
        if fs::write(&temporary, png).is_err()
            || fs::rename(&temporary, self.folder.join(name)).is_err()
        {
            let _ = fs::remove_file(&temporary);
        }
    }

    /// Removes the cards not in `names` (kept by an earlier build of a
    /// site that changed since).
    pub fn keep_only(&self, names: BTreeSet<&str>) {
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".png") && !names.contains(name.as_ref()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
