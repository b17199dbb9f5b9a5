//! The share cards kept between builds: `.chiso-cache/share-cards/`
//! beside `config.toml`, a folder for each address the site is built for
//! (the host of `base_url` is on every card, so a build for another
//! address draws other cards, and a preview and the published site must
//! not evict each other's), one PNG per card, named by the hash of its SVG
//! (and of the renderer), so a hit is exactly the image drawing would
//! make. A build removes the cards of its address it no longer uses, and
//! the folders of addresses no build used for 30 days (cards kept directly
//! in `share-cards/`, as before there were folders, are moved into the
//! folder of the first build); a card a build keeps from its output is
//! taken back into a cache that lost it. `chiso init` git-ignores the
//! folder. Any failure here only costs drawing the card again.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;

/// The cache folder, relative to the site root.
pub const CACHE_DIR: &str = ".chiso-cache";

/// Its share cards' folder, holding a folder per address.
const CARDS: &str = "share-cards";

/// The file a build writes in its address's folder, whose time says when
/// a build last used it.
const USED: &str = ".used";

/// How long the folder of an address no build uses is kept.
const KEPT_UNUSED: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// How old a temporary card must be to be taken for one a killed build
/// left (another build may be writing a newer one).
const LEFT_OVER: Duration = Duration::from_secs(60 * 60);

/// What a PNG file starts with.
const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

pub struct Cache {
    folder: PathBuf,
    /// The cards the folder held when it was opened.
    held: HashSet<String>,
}

impl Cache {
    /// The cache folder of the site at `root` built for `host` (the host
    /// printed on its cards), made if missing and marked used now; a
    /// warning if it cannot be made.
    pub fn open(root: &Path, host: &str) -> Result<Cache, Diagnostic> {
        let cards = root.join(CACHE_DIR).join(CARDS);
        let folder = cards.join(folder_name(host));
        match fs::create_dir_all(&folder) {
            Ok(()) => {
                let _ = fs::write(folder.join(USED), b"");
                move_cards_of_before(&cards, &folder);
                let held = card_names(&folder);
                Ok(Cache { folder, held })
            }
            Err(e) => Err(Diagnostic::warning(msg::card_cache_unusable(
                folder.display(),
                &e,
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
        let temporary = self.folder.join(temporary_name(name));
        let _ = crate::write::write_whole(&temporary, &self.folder.join(name), png);
    }

    /// Keeps `file`, the card `name` as an output holds it, when the
    /// cache does not: a cache deleted while the output stayed is filled
    /// again from the output (a hard link, else a copy), not by drawing
    /// every card again at the next build into another folder.
    pub fn adopt(&self, name: &str, file: &Path) {
        if self.held.contains(name) || fs::hard_link(file, self.folder.join(name)).is_ok() {
            return;
        }
        if let Ok(png) = fs::read(file) {
            if png.starts_with(SIGNATURE) {
                self.put(name, &png);
            }
        }
    }

    /// Removes the cards of this address not in `names` (kept by an
    /// earlier build of a site that changed since), and the folders of
    /// other addresses no build used for 30 days, and the half-written
    /// cards killed builds left (an hour old). Only files named as chiso
    /// names a card or its temporary file, and folders holding its mark of
    /// use, are removed: anything else put there stays.
    pub fn keep_only(&self, names: BTreeSet<&str>) {
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let unused = is_card_name(name) && !names.contains(name);
            if unused || (is_temporary_name(name) && unused_for(&entry.path()) > LEFT_OVER) {
                let _ = fs::remove_file(entry.path());
            }
        }
        let Some(cards) = self.folder.parent() else {
            return;
        };
        let Ok(entries) = fs::read_dir(cards) else {
            return;
        };
        for entry in entries.flatten() {
            let folder = entry.path();
            if folder != self.folder && unused_for(&folder.join(USED)) > KEPT_UNUSED {
                let _ = fs::remove_dir_all(&folder);
            }
        }
    }
}

/// The names of the cards in `folder`.
fn card_names(folder: &Path) -> HashSet<String> {
    let Ok(entries) = fs::read_dir(folder) else {
        return HashSet::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| is_card_name(name))
        .collect()
}

/// Moves the cards kept directly in `cards` (where chiso kept them before
/// it kept a folder per address) into `folder`: most likely the last build
/// was for the same address, and its cards need not be drawn again.
fn move_cards_of_before(cards: &Path, folder: &Path) {
    let Ok(entries) = fs::read_dir(cards) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_str().is_some_and(is_card_name) {
            let _ = fs::rename(entry.path(), folder.join(&name));
        }
    }
}

/// How long ago the file `used` was last written; zero when it cannot be
/// told (no such file: not a folder chiso keeps).
fn unused_for(used: &Path) -> Duration {
    fs::metadata(used)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|at| SystemTime::now().duration_since(at).ok())
        .unwrap_or_default()
}

/// The folder of the cards of a site at `host`: the host in lowercase,
/// every character other than an ASCII letter, digit, `.` or `-` made
/// `-`, without leading dots, at most 100 bytes; `_` when nothing is left.
fn folder_name(host: &str) -> String {
    let name: String = host
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '.' | '-') => c,
            _ => '-',
        })
        .take(100)
        .collect();
    match name.trim_start_matches('.') {
        "" => "_".to_owned(),
        name => name.to_owned(),
    }
}

/// The name [`Cache::put`] writes the card `name` under before renaming
/// it: unique to the process and thread, so that two builds never write
/// one file.
fn temporary_name(name: &str) -> String {
    format!(
        ".{name}.{}.{:?}.tmp",
        std::process::id(),
        std::thread::current().id()
    )
    .replace(|c: char| !c.is_ascii_alphanumeric() && c != '.', "")
}

/// Whether `name` is one [`temporary_name`] gives: a dot, the card's name,
/// and `.tmp` after the writer's process and thread.
fn is_temporary_name(name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .and_then(|rest| rest.get(..36))
        .is_some_and(is_card_name)
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
        let cache = Cache::open(root.path(), "cchc.hatinh.gov.vn").unwrap();
        cache.put(CARD, b"\x89PNG\r\n\x1a\nkept");
        cache.put(OLD_CARD, b"\x89PNG\r\n\x1a\nold");
        let folder = root
            .path()
            .join(CACHE_DIR)
            .join(CARDS)
            .join("cchc.hatinh.gov.vn");
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
    fn half_written_cards_killed_builds_left_go_once_an_hour_old() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::open(root.path(), "cchc.hatinh.gov.vn").unwrap();
        let folder = root
            .path()
            .join(CACHE_DIR)
            .join(CARDS)
            .join("cchc.hatinh.gov.vn");
        let left = folder.join(format!(".{CARD}.4242.ThreadId7.tmp"));
        let writing = folder.join(format!(".{OLD_CARD}.4343.ThreadId2.tmp"));
        let foreign = folder.join(".notes.tmp");
        for file in [&left, &writing, &foreign] {
            fs::write(file, b"\x89PNG\r\n").unwrap();
        }
        let long_ago = SystemTime::now() - LEFT_OVER - Duration::from_secs(60);
        for file in [&left, &foreign] {
            let file = fs::File::options().write(true).open(file).unwrap();
            file.set_modified(long_ago).unwrap();
        }
        assert!(is_temporary_name(&temporary_name(CARD)));
        cache.keep_only(BTreeSet::new());
        assert!(!left.exists());
        assert!(writing.exists(), "a card being written now was removed");
        assert!(foreign.exists(), "an editor's file was removed");
    }

    #[test]
    fn builds_for_two_addresses_keep_each_other_s_cards() {
        let root = tempfile::tempdir().unwrap();
        let site = Cache::open(root.path(), "cchc.hatinh.gov.vn").unwrap();
        site.put(CARD, b"\x89PNG\r\n\x1a\nsite");
        let preview = Cache::open(root.path(), "user.github.io/cchc").unwrap();
        preview.put(OLD_CARD, b"\x89PNG\r\n\x1a\npreview");
        preview.keep_only(BTreeSet::from([OLD_CARD]));
        site.keep_only(BTreeSet::from([CARD]));
        assert!(site.get(CARD).is_some());
        assert!(preview.get(OLD_CARD).is_some());
        assert!(site.get(OLD_CARD).is_none());
    }

    #[test]
    fn an_address_no_build_used_for_30_days_goes_and_the_cards_of_before_are_kept() {
        let root = tempfile::tempdir().unwrap();
        let cards = root.path().join(CACHE_DIR).join(CARDS);
        let old = Cache::open(root.path(), "old.example").unwrap();
        old.put(CARD, b"\x89PNG\r\n\x1a\nold");
        let recent = Cache::open(root.path(), "recent.example").unwrap();
        recent.put(CARD, b"\x89PNG\r\n\x1a\nrecent");
        let long_ago = SystemTime::now() - KEPT_UNUSED - Duration::from_secs(60);
        fs::File::options()
            .write(true)
            .open(cards.join("old.example").join(USED))
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        // A folder chiso did not make (no mark of use), and a card kept
        // where chiso kept them before it kept a folder per address.
        fs::create_dir(cards.join("notes")).unwrap();
        fs::write(cards.join(OLD_CARD), b"\x89PNG\r\n\x1a\nbefore").unwrap();
        fs::write(cards.join("logo.png"), b"an editor's file").unwrap();

        let current = Cache::open(root.path(), "").unwrap();
        // The card of before is now this address's.
        assert!(!cards.join(OLD_CARD).exists());
        assert!(current.get(OLD_CARD).is_some());
        current.keep_only(BTreeSet::from([OLD_CARD]));

        assert!(!cards.join("old.example").exists());
        assert!(recent.get(CARD).is_some());
        assert!(current.get(OLD_CARD).is_some());
        assert!(cards.join("notes").exists());
        assert!(cards.join("logo.png").exists());
    }

    #[test]
    fn an_address_s_folder_name_is_plain() {
        assert_eq!(folder_name("cchc.hatinh.gov.vn"), "cchc.hatinh.gov.vn");
        assert_eq!(folder_name("User.github.io/cchc"), "user.github.io-cchc");
        assert_eq!(folder_name("localhost:1111"), "localhost-1111");
        assert_eq!(folder_name(".."), "_");
        assert_eq!(folder_name(""), "_");
        assert_eq!(folder_name("../x"), "-x");
        assert_eq!(folder_name(&"a".repeat(300)).len(), 100);
    }

    #[test]
    fn card_names_are_the_hashes_chiso_writes() {
        assert!(is_card_name(CARD));
        assert!(!is_card_name("0123456789abcdef0123456789abcdef.PNG"));
        assert!(!is_card_name("0123456789abcdef.png"));
        assert!(!is_card_name("logo.png"));
    }
}
