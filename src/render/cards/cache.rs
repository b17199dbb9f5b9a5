//! The share cards kept between builds: `.chiso-cache/share-cards/` beside
//! `config.toml`, one PNG per card, named by the hash of its SVG (and of
//! the renderer), so a hit is exactly the image drawing would make. A
//! build removes the cards it no longer uses; `chiso init` git-ignores the
//! folder. Any failure here only costs drawing the card again.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
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

    /// The file of the card `name`, if kept (a PNG file).
    pub fn file(&self, name: &str) -> Option<PathBuf> {
        let path = self.folder.join(name);
        let mut start = [0; SIGNATURE.len()];
        let mut file = fs::File::open(&path).ok()?;
        file.read_exact(&mut start).ok()?;
        (start == SIGNATURE).then_some(path)
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
    /// site that changed since). Only files named as chiso names a card
    /// are removed: anything else put in the folder stays.
    pub fn keep_only(&self, names: BTreeSet<&str>) {
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if is_card_name(name) && !names.contains(name) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// Whether `name` is one chiso gives a card: 32 lowercase hex digits and
/// `.png`.
fn is_card_name(name: &str) -> bool {
    name.strip_suffix(".png").is_some_and(|hash| {
        hash.len() == 32
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARD: &str = "0123456789abcdef0123456789abcdef.png";
    const OLD_CARD: &str = "fedcba9876543210fedcba9876543210.png";

    #[test]
    fn only_unused_cards_are_removed() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::open(root.path()).unwrap();
        cache.put(CARD, b"\x89PNG\r\n\x1a\nkept");
        cache.put(OLD_CARD, b"\x89PNG\r\n\x1a\nold");
        let folder = root.path().join(CACHE_DIR).join(CARDS);
        for foreign in [
            "logo.png",
            "ABCDEF0123456789ABCDEF0123456789.png",
            "notes.txt",
        ] {
            fs::write(folder.join(foreign), b"an editor's file").unwrap();
        }

        cache.keep_only(BTreeSet::from([CARD]));

        assert!(cache.get(CARD).is_some());
        assert!(!folder.join(OLD_CARD).exists());
        for foreign in [
            "logo.png",
            "ABCDEF0123456789ABCDEF0123456789.png",
            "notes.txt",
        ] {
            assert!(folder.join(foreign).exists(), "{foreign} was removed");
        }
    }

    #[test]
    fn card_names_are_the_hashes_chiso_writes() {
        assert!(is_card_name(CARD));
        assert!(!is_card_name("0123456789abcdef0123456789abcdef.PNG"));
        assert!(!is_card_name("0123456789abcdef.png"));
        assert!(!is_card_name("logo.png"));
    }
}
