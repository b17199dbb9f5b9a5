//! Reading editors' files: walking a site folder (refusing links that lead
//! outside the site), and reading text as UTF-8 (a byte-order mark is
//! accepted and dropped), normalised to Unicode NFC so that files saved on
//! macOS or from Word (often NFD) give the same ids, slugs and order as any
//! other.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use unicode_normalization::{is_nfc, UnicodeNormalization};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages as msg;

/// A file found under one of the site's folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    /// Where to read it (through any link).
    pub path: PathBuf,
    /// Its path relative to the site root, as shown in diagnostics.
    pub shown: PathBuf,
    /// Its path relative to the folder walked (`tin-tuc/a.md` in `content/`).
    pub relative: PathBuf,
}

/// `path` with its names in NFC, as chiso writes text: a file named on
/// macOS or taken from a zip archive (NFD, `Quyê\u{301}t`) is published
/// under the name links and browsers ask for. A name that is not UTF-8 is
/// left as it is.
fn nfc_path(path: PathBuf) -> PathBuf {
    match path.to_str() {
        Some(text) if !is_nfc(text) => PathBuf::from(text.nfc().collect::<String>()),
        _ => path,
    }
}

/// Every file under `root/dir` (the folder published as it is, `static/`),
/// sorted by path. A symbolic link is followed only when it leads to a
/// place inside the site and outside its sources and outputs: a link to a
/// file outside could publish anything on the machine, one to `content/`
/// the drafts, one to the output every earlier build; such a link is
/// reported and skipped. Of hidden names, only [`PUBLISHED_HIDDEN`] are
/// published, a system's own files (`is_system_clutter`) are passed over
/// silently, and any other (`.env`, `.htpasswd`) with a warning; an
/// editor's scratch files ([`is_editor_scratch`]) are not published.
pub fn site_files(root: &Path, dir: &str, diagnostics: &mut Diagnostics) -> Vec<SiteFile> {
    let files = walk_site_folder(root, dir, false, diagnostics);
    warn_of_scripted_svgs(&files, diagnostics);
    files
}

/// Warns of each SVG image that would run code opened as a page (adv25
/// F6): `static/` is published as it is, and pictures are what editors
/// put there. Other files that run (`.html`, `.js`) are the site
/// developer's, as templates are, and pass without a word.
fn warn_of_scripted_svgs(files: &[SiteFile], diagnostics: &mut Diagnostics) {
    for file in files {
        let is_svg = file
            .path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
        if !is_svg {
            continue;
        }
        let Ok(bytes) = fs::read(&file.path) else {
            continue;
        };
        if crate::html_policy::svg_runs_script(&String::from_utf8_lossy(&bytes)) {
            diagnostics.push(
                Diagnostic::warning(crate::messages::html_policy::scripted_svg())
                    .in_file(&file.shown)
                    .with_hint(crate::messages::html_policy::hint_scripted_svg()),
            );
        }
    }
}

/// The hidden names `static/` publishes: the well-known locations of RFC
/// 8615, GitHub Pages' switch, Apache's folder settings (which Apache never
/// serves).
pub const PUBLISHED_HIDDEN: [&str; 3] = [".well-known", ".nojekyll", ".htaccess"];

/// Files an operating system leaves in folders (macOS's `.DS_Store` and
/// `._name` copies of resource forks): never published, never mentioned.
fn is_system_clutter(name: &[u8]) -> bool {
    name == b".DS_Store" || name.starts_with(b"._")
}

/// [`site_files`] for the folders chiso reads (`content/`, `data/`,
/// `templates/`): a hidden file or folder is not the editor's (an editor's
/// lock file, `.#bai.md`, a link to nowhere while the file is open in
/// Emacs; macOS's `._bai.md`; a tool's `.git`), and is passed over, as Zola
/// and Hugo do.
pub fn source_files(root: &Path, dir: &str, diagnostics: &mut Diagnostics) -> Vec<SiteFile> {
    walk_site_folder(root, dir, true, diagnostics)
}

/// Whether `name` is a file an editor keeps beside the one it edits, never
/// the editor's work: a backup (`bai.md~`), Vim's swap files
/// (`.bai.md.swp`, `.swo`, `.swx`) and its test of the folder (`4913`),
/// Emacs's lock and autosave (`.#bai.md`, `#bai.md#`), JetBrains' copies
/// while saving (`bai.md___jb_tmp___`, `___jb_old___`). Such a file is not
/// read, published or watched, so that the preview and the build see the
/// same files (a half-written `footer.html~` would fail the build alone).
pub fn is_editor_scratch(name: &[u8]) -> bool {
    let swap = [&b".swp"[..], b".swo", b".swx"]
        .iter()
        .any(|end| name.starts_with(b".") && name.ends_with(end));
    swap || name.ends_with(b"~")
        || name.starts_with(b".#")
        || (name.len() > 2 && name.starts_with(b"#") && name.ends_with(b"#"))
        || name.ends_with(b"___jb_tmp___")
        || name.ends_with(b"___jb_old___")
        || name == b"4913"
}

fn walk_site_folder(
    root: &Path,
    dir: &str,
    skip_hidden: bool,
    diagnostics: &mut Diagnostics,
) -> Vec<SiteFile> {
    let top = root.join(dir);
    if !top.is_dir() {
        return Vec::new();
    }
    let root_real = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    // The folder itself may be a link (`static -> /home/…`): it is held to
    // the rule of the links inside it.
    if let Err(d) = link_stays_in_site(root, dir) {
        diagnostics.push(d);
        return Vec::new();
    }
    let top_real = fs::canonicalize(&top).unwrap_or_else(|_| top.clone());
    let mut walk = Walk {
        root,
        top_real,
        root_real,
        skip_hidden,
        visited: BTreeSet::new(),
        files: Vec::new(),
        diagnostics,
    };
    walk.folder(&top, Path::new(""));
    walk.files
}

/// Whether `name`, a file or folder at the top of the site, may be read: a
/// symbolic link there (`static -> /home/…`, `config.toml -> /etc/…`) must
/// lead to a place inside the site, and not to the site itself (`static ->
/// .` would publish the site's sources). Anything else is fine here.
pub fn link_stays_in_site(root: &Path, name: &str) -> Result<(), Diagnostic> {
    let path = root.join(name);
    if !path.is_symlink() {
        return Ok(());
    }
    let root_real = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    match fs::canonicalize(&path) {
        Ok(target) if target == root_real => Err(Diagnostic::error(msg::link_holds_the_folder(
            target.display(),
        ))
        .in_file(name)
        .with_hint(msg::hint_link_to_what_to_publish())),
        Ok(target) if target.starts_with(&root_real) => Ok(()),
        Ok(target) => Err(Diagnostic::error(msg::link_outside_site(target.display()))
            .in_file(name)
            .with_hint(msg::hint_copy_into_site())),
        Err(e) => Err(Diagnostic::error(msg::cannot_read(&e)).in_file(name)),
    }
}

/// A walk of a site's folder, following the links that stay inside the
/// site. Its order is the order of paths: each folder's entries are read
/// sorted by name, a folder's files come right after it, and paths compare
/// name by name.
struct Walk<'a> {
    root: &'a Path,
    /// The folder walked, links resolved.
    top_real: PathBuf,
    root_real: PathBuf,
    /// Whether names starting with `.` are passed over.
    skip_hidden: bool,
    /// The folders walked, so that a link back to one does not loop.
    visited: BTreeSet<PathBuf>,
    files: Vec<SiteFile>,
    diagnostics: &'a mut Diagnostics,
}

impl Walk<'_> {
    /// Whether `target` (links resolved, inside the site) is or is in one of
    /// the site's sources other than the folder walked, or an output folder
    /// (one a build wrote: it holds the marker, as a folder above it may).
    fn is_source_or_output(&self, target: &Path) -> bool {
        let Ok(inside) = target.strip_prefix(&self.root_real) else {
            return false;
        };
        let first = inside.iter().next().and_then(|c| c.to_str());
        let source = matches!(
            first,
            Some("content" | "data" | "templates" | "config.toml")
        ) && !target.starts_with(&self.top_real);
        source
            || target
                .ancestors()
                .take_while(|a| a.starts_with(&self.root_real) && *a != self.root_real)
                .any(|a| a.join(crate::write::guard::MARKER).is_file())
    }

    /// The files under `folder`, their paths relative to the folder walked
    /// starting with `prefix` (a link's path, for the folder it leads to).
    fn folder(&mut self, folder: &Path, prefix: &Path) {
        // A link back to a folder already walked would loop forever.
        if !self
            .visited
            .insert(fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf()))
        {
            return;
        }
        let root = self.root;
        let folder_shown = folder.strip_prefix(root).unwrap_or(folder);
        // The path within `folder` of each folder the walk is in, by depth,
        // from `folder` itself: joined rather than cut from each entry's
        // path (comparing paths component by component was half the walk).
        let mut within = vec![PathBuf::new()];
        let skip_hidden = self.skip_hidden;
        // Hidden entries of a published folder passed over with a warning.
        let mut hidden = Vec::new();
        let walk = WalkDir::new(folder)
            .min_depth(1)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                let name = entry.file_name().as_encoded_bytes();
                if is_editor_scratch(name) || name == b".git" || is_system_clutter(name) {
                    return false;
                }
                if !name.starts_with(b".") {
                    return true;
                }
                if skip_hidden {
                    return false;
                }
                let published = PUBLISHED_HIDDEN.iter().any(|p| p.as_bytes() == name);
                if !published {
                    hidden.push(entry.path().to_path_buf());
                }
                published
            });
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let shown = e
                        .path()
                        .map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf());
                    // The system's error (the file is named apart); a loop,
                    // which walkdir finds only when following links, as said.
                    let error = walk_error(e);
                    let mut d = Diagnostic::error(msg::cannot_read(&error));
                    if let Some(shown) = shown {
                        d = d.in_file(shown);
                    }
                    self.diagnostics.push(d);
                    continue;
                }
            };
            within.truncate(entry.depth());
            let Some(here) = within.last().map(|parent| parent.join(entry.file_name())) else {
                continue;
            };
            let path = entry.path();
            let shown = folder_shown.join(&here);
            let relative = prefix.join(&here);
            if entry.path_is_symlink() {
                let target = match fs::canonicalize(path) {
                    Ok(target) => target,
                    Err(e) => {
                        self.diagnostics
                            .push(Diagnostic::error(msg::cannot_read(&e)).in_file(&shown));
                        continue;
                    }
                };
                if !target.starts_with(&self.root_real) {
                    self.diagnostics.push(
                        Diagnostic::error(msg::link_outside_site(target.display()))
                            .in_file(&shown)
                            .with_hint(msg::hint_copy_into_site()),
                    );
                    continue;
                }
                // The site folder (or a folder holding the one walked, as
                // `static/up -> ..`) would publish its sources; a hidden
                // one (`.git`, `.env`) is never a site's to publish.
                let hidden = target
                    .strip_prefix(&self.root_real)
                    .is_ok_and(|r| r.iter().any(|c| c.as_encoded_bytes().starts_with(b".")));
                let holds_the_folder =
                    self.top_real.starts_with(&target) && self.top_real != target;
                if holds_the_folder || hidden {
                    self.diagnostics.push(
                        Diagnostic::error(msg::link_holds_the_folder(target.display()))
                            .in_file(&shown)
                            .with_hint(msg::hint_link_to_what_to_publish()),
                    );
                    continue;
                }
                // A published folder's link into the sources would publish
                // drafts; into an output, every earlier build, one inside
                // the next (adv25 F3).
                if !self.skip_hidden && self.is_source_or_output(&target) {
                    self.diagnostics.push(
                        Diagnostic::error(msg::link_to_a_source(target.display()))
                            .in_file(&shown)
                            .with_hint(msg::hint_link_to_what_to_publish()),
                    );
                    continue;
                }
                if target.is_dir() {
                    // Files under the link are named by the link's path.
                    self.folder(path, &relative);
                    continue;
                }
            } else if entry.file_type().is_dir() {
                within.push(here);
                continue;
            } else if !entry.file_type().is_file() {
                continue;
            }
            // Published as U+FFFD, or as another name's clash: said as what
            // it is.
            if relative.to_str().is_none() {
                self.diagnostics.push(
                    Diagnostic::error(msg::name_not_utf8())
                        .in_file(&shown)
                        .with_hint(msg::hint_rename_utf8()),
                );
                continue;
            }
            self.files.push(SiteFile {
                path: path.to_path_buf(),
                shown,
                relative: nfc_path(relative),
            });
        }
        for path in hidden {
            let shown = folder_shown.join(path.strip_prefix(folder).unwrap_or(&path));
            self.diagnostics.push(
                Diagnostic::warning(msg::hidden_static_not_published())
                    .in_file(shown)
                    .with_hint(msg::hint_hidden_static()),
            );
        }
    }
}

/// walkdir's error as the system's, so that it is said like any other (in
/// Vietnamese, with the system's code) rather than in walkdir's English; a
/// loop of links as the system says one.
pub fn walk_error(e: walkdir::Error) -> std::io::Error {
    #[cfg(unix)]
    if e.loop_ancestor().is_some() {
        return std::io::Error::from_raw_os_error(libc::ELOOP);
    }
    let text = e.to_string();
    e.into_io_error()
        .unwrap_or_else(|| std::io::Error::other(text))
}

/// Reads `path` as NFC text; `shown` is the name used in diagnostics.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    with_text(path, shown, str::to_owned)
}

/// Reads `path` as NFC text and lends it to `use_text`; `shown` is the name
/// used in diagnostics.
///
/// The file is read into a buffer the thread keeps from one file to the
/// next, so that loading 10,000 articles, whose text is parsed and dropped,
/// allocates, copies and faults in no memory for it (and asks for no file
/// size: `std::fs::read` does, to size a new buffer). A nested call takes
/// a buffer of its own.
pub fn with_text<R>(
    path: &Path,
    shown: &Path,
    use_text: impl FnOnce(&str) -> R,
) -> Result<R, Diagnostic> {
    /// A buffer grown beyond this (by a large data file) is not kept.
    const KEEP_AT_MOST: usize = 4 << 20;
    thread_local! {
        static BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let mut buffer = BUFFER.take();
    let read = read_into(path, &mut buffer)
        .map_err(|e| Diagnostic::error(msg::cannot_read(&e)).in_file(shown));
    let used = read.and_then(|len| {
        let text = decode_in_place(&buffer[..len]).map_err(|d| d.in_file(shown))?;
        Ok(use_text(&text))
    });
    if buffer.len() <= KEEP_AT_MOST {
        BUFFER.set(buffer);
    }
    used
}

/// Reads the whole file at `path` into the start of `buffer`, growing it
/// as needed (its length is its capacity, so no read ever waits on
/// zeroing), and returns how many bytes the file has.
fn read_into(path: &Path, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    use std::io::Read;
    const FIRST: usize = 64 << 10;
    let mut file = fs::File::open(path)?;
    let mut filled = 0;
    loop {
        if filled == buffer.len() {
            buffer.resize((buffer.len() * 2).max(FIRST), 0);
        }
        match file.read(&mut buffer[filled..]) {
            Ok(0) => return Ok(filled),
            Ok(read) => filled += read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Whether every character of `text` is one that NFC leaves as it is
/// whatever surrounds it: ASCII, Latin-1 and Latin Extended (below the
/// combining marks at U+0300), and Latin Extended Additional, where the
/// precomposed Vietnamese letters are. Nearly every file of a Vietnamese
/// site passes this scan, which is much cheaper than the full check.
///
/// Works on the UTF-8 bytes of valid text: a character below U+0300 is ASCII
/// or starts with a byte from C2 to CB; one from U+1E00 to U+1EFF starts
/// with E1 B8 to E1 BB; continuation bytes (80 to BF) are skipped.
///
/// So a byte from CC up must be E1, followed by B8 to BB. Checked 32
/// bytes at a time, each with the byte after it, without stopping inside a
/// block: the compiler makes it a few vector instructions per block.
fn plainly_nfc(text: &str) -> bool {
    const BLOCK: usize = 32;
    let plain = |b: u8, next: u8| b < 0xCC || (b == 0xE1 && (0xB8..=0xBB).contains(&next));
    let bytes = text.as_bytes();
    let mut i = 0;
    // Each block and the byte after it (so the last block leaves one).
    while let (Some(block), Some(next)) = (bytes.get(i..i + BLOCK), bytes.get(i + 1..i + BLOCK + 1))
    {
        let all_plain = block
            .iter()
            .zip(next)
            .fold(true, |all, (&b, &n)| all & plain(b, n));
        if !all_plain {
            return false;
        }
        i += BLOCK;
    }
    (i..bytes.len()).all(|at| plain(bytes[at], bytes.get(at + 1).copied().unwrap_or(0)))
}

/// Decodes bytes as UTF-8 text in NFC.
///
/// Validated with `simdutf8`: Vietnamese text has a multi-byte letter every
/// few bytes, which keeps the standard library's check off its ASCII fast
/// path (about 0.3 GB/s here, a sixth of a national build's article
/// loading); `simdutf8` checks 50 MB of articles and copies them in a
/// twentieth of the time. The standard check runs only to locate an error.
pub fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    decode_in_place(bytes).map(Cow::into_owned)
}

/// [`decode`], borrowing the text when it is NFC already (nearly always).
fn decode_in_place(bytes: &[u8]) -> Result<Cow<'_, str>, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) if plainly_nfc(text) || is_nfc(text) => Ok(Cow::Borrowed(text)),
        Ok(text) => Ok(Cow::Owned(text.nfc().collect())),
        Err(_) => {
            let valid_up_to = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
            let valid = &bytes[..valid_up_to];
            // The valid prefix decodes, so locating the bad byte is safe.
            let prefix = String::from_utf8_lossy(valid);
            Err(Diagnostic::error(msg::not_utf8())
                .at_offset(&prefix, prefix.len())
                .with_hint(msg::hint_save_as_utf8()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The site-relative paths of `files`, as text.
    fn relative_paths(files: &[SiteFile]) -> Vec<String> {
        files
            .iter()
            .map(|f| f.relative.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_word_scan_agrees_with_the_byte_scan() {
        fn bytewise(text: &str) -> bool {
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    0x00..=0xBF | 0xC2..=0xCB => i += 1,
                    0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => i += 2,
                    _ => return false,
                }
            }
            true
        }
        let pieces = [
            "a",
            "Sở ",
            "Hà Tĩnh",
            "ệ",
            "e\u{301}",
            "—",
            "12345678",
            "Đ",
            "\u{1E00}",
            "한",
            "ß",
            "\n",
            "ɏ",
            "\u{0300}",
        ];
        let mut x: u32 = 99;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(x >> 28) + 1 {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                text.push_str(pieces[(x >> 16) as usize % pieces.len()]);
            }
            assert_eq!(plainly_nfc(&text), bytewise(&text), "{text:?}");
        }
    }

    #[test]
    fn a_character_is_judged_the_same_wherever_a_block_of_32_bytes_ends() {
        for offset in 0..70 {
            let pad = "a".repeat(offset);
            assert!(plainly_nfc(&format!("{pad}ệ{pad}")), "{offset}");
            assert!(plainly_nfc(&format!("{pad}Ḁ")), "{offset}");
            assert!(!plainly_nfc(&format!("{pad}e\u{301}{pad}")), "{offset}");
            assert!(!plainly_nfc(&format!("{pad}\u{2000}")), "{offset}");
            assert!(!plainly_nfc(&format!("{pad}\u{1F00}{pad}")), "{offset}");
        }
    }

    #[test]
    fn the_plain_characters_are_left_alone_by_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        let plain = ('\0'..'\u{0300}').chain('\u{1E00}'..='\u{1EFF}');
        for c in plain {
            assert!(plainly_nfc(&c.to_string()));
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        // The byte scan accepts exactly those characters.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let plain = c < '\u{0300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c);
            assert_eq!(plainly_nfc(&c.to_string()), plain, "{c:?}");
        }
        assert!(!plainly_nfc("Hoa\u{0300}"));
        assert_eq!(decode("Hoa\u{0300}".as_bytes()).unwrap(), "Hoà");
    }

    #[cfg(unix)]
    #[test]
    fn hidden_files_are_passed_over_in_sources_and_published_from_static() {
        use std::os::unix::fs::symlink;
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        for dir in ["content/tin-tuc", "content/.git", "static/.well-known"] {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        fs::write(root.join("content/tin-tuc/a.md"), "a").unwrap();
        fs::write(root.join("content/tin-tuc/.an.md"), "an").unwrap();
        fs::write(root.join("content/.git/HEAD"), "ref").unwrap();
        // Emacs's lock while `a.md` is unsaved: a link to nowhere.
        symlink(
            "root@host.1234:1700000000",
            root.join("content/tin-tuc/.#a.md"),
        )
        .unwrap();
        fs::write(root.join("static/.well-known/security.txt"), "s").unwrap();
        // An editor's scratch files, in a source folder and in `static/`.
        for scratch in [
            "content/tin-tuc/a.md~",
            "content/tin-tuc/#a.md#",
            "content/tin-tuc/4913",
            "static/favicon.svg~",
            "static/.bao-cao.md.swp",
            "static/4913",
            "static/logo.svg___jb_tmp___",
        ] {
            fs::write(root.join(scratch), "x").unwrap();
        }
        let mut diagnostics = Diagnostics::default();
        let content = source_files(root, "content", &mut diagnostics);
        let statics = site_files(root, "static", &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics}");
        let relative = |files: Vec<SiteFile>| -> Vec<PathBuf> {
            files.into_iter().map(|f| f.relative).collect()
        };
        assert_eq!(relative(content), [PathBuf::from("tin-tuc/a.md")]);
        assert_eq!(
            relative(statics),
            [PathBuf::from(".well-known/security.txt")]
        );
    }

    #[test]
    fn editor_scratch_names_are_told_from_sources() {
        for name in [
            "a.md~",
            ".a.md.swp",
            ".a.md.swo",
            ".a.md.swx",
            "4913",
            ".#a.md",
            "#a.md#",
            "a.md___jb_tmp___",
            "a.md___jb_old___",
        ] {
            assert!(is_editor_scratch(name.as_bytes()), "{name}");
        }
        for name in [
            "a.md",
            "swp",
            "a.swp",
            "#",
            "##",
            "49130",
            "unit.html.bak",
            ".well-known",
        ] {
            assert!(!is_editor_scratch(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn files_are_read_whole_through_the_kept_buffer_in_any_order_of_size() {
        let dir = tempfile::tempdir().unwrap();
        let big = "Sở Nội vụ xếp thứ 1. ".repeat(20_000); // 540 KB: the buffer grows
        let files = [("a.md", "Hà Tĩnh"), ("b.md", big.as_str()), ("c.md", "Đ")];
        for (name, text) in files {
            fs::write(dir.path().join(name), text).unwrap();
        }
        // Small after big: the buffer holds the big file's bytes past the
        // small one's end, which must not be read.
        for (name, text) in files.iter().chain(&files) {
            let path = dir.path().join(name);
            assert_eq!(read_text(&path, Path::new(name)).unwrap(), *text);
        }
        // A file read while another's text is lent takes its own buffer.
        let a = dir.path().join("a.md");
        let nested = with_text(&a, Path::new("a.md"), |outer| {
            let inner = read_text(&dir.path().join("c.md"), Path::new("c.md")).unwrap();
            format!("{outer}|{inner}")
        });
        assert_eq!(nested.unwrap(), "Hà Tĩnh|Đ");
        let missing = read_text(&dir.path().join("none.md"), Path::new("none.md")).unwrap_err();
        assert_eq!(missing.file.as_deref(), Some(Path::new("none.md")));
        fs::write(dir.path().join("bom.md"), b"\xEF\xBB\xBFHoa\xCC\x80").unwrap();
        let bom = with_text(
            &dir.path().join("bom.md"),
            Path::new("bom.md"),
            str::to_owned,
        );
        assert_eq!(bom.unwrap(), "Hoà");
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_the_site_are_followed_and_links_outside_refused() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "x").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir_all(root.join("static/css")).unwrap();
        fs::create_dir_all(root.join("shared")).unwrap();
        fs::write(root.join("static/css/a.css"), "a").unwrap();
        fs::write(root.join("shared/logo.svg"), "<svg/>").unwrap();
        symlink(root.join("shared/logo.svg"), root.join("static/logo.svg")).unwrap();
        symlink(root.join("shared"), root.join("static/shared")).unwrap();
        symlink(
            outside.path().join("secret.txt"),
            root.join("static/secret.txt"),
        )
        .unwrap();
        symlink(root.join("static"), root.join("static/loop")).unwrap();
        // The site folder, a hidden one: their sources and secrets would be
        // published (adv19 M2).
        fs::create_dir_all(root.join(".git")).unwrap();
        symlink(root, root.join("static/up")).unwrap();
        symlink(root.join(".git"), root.join("static/git")).unwrap();
        let mut diagnostics = Diagnostics::default();
        let files = site_files(root, "static", &mut diagnostics);
        let relative = relative_paths(&files);
        assert_eq!(relative, ["css/a.css", "logo.svg", "shared/logo.svg"]);
        assert_eq!(files[2].shown, Path::new("static/shared/logo.svg"));
        let report = diagnostics.to_string();
        assert!(report.contains("outside the site folder"), "{report}");
        assert!(report.contains("static/secret.txt"), "{report}");
        assert!(report.contains("static/up"), "{report}");
        assert!(report.contains("static/git"), "{report}");
        assert!(report.contains("holds the folder it is in"), "{report}");
        assert_eq!(diagnostics.error_count(), 3, "{report}");
    }

    /// A link in `static/` into the sources publishes drafts; into the
    /// output, every earlier build nested in the next (adv25 F3).
    #[cfg(unix)]
    #[test]
    fn links_from_static_into_sources_or_an_output_are_refused() {
        use std::os::unix::fs::symlink;
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        for folder in [
            "static",
            "content/tin-tuc",
            "data",
            "templates",
            "public",
            "chung",
        ] {
            fs::create_dir_all(root.join(folder)).unwrap();
        }
        fs::write(root.join("content/tin-tuc/nhap.md"), "draft = true").unwrap();
        fs::write(root.join("config.toml"), "").unwrap();
        fs::write(root.join("public/.chiso-output"), "").unwrap();
        fs::write(root.join("public/index.html"), "").unwrap();
        fs::write(root.join("chung/logo.svg"), "<svg/>").unwrap();
        for (name, target) in [
            ("src", "content"),
            ("nhap.md", "content/tin-tuc/nhap.md"),
            ("du-lieu", "data"),
            ("mau", "templates"),
            ("cau-hinh.toml", "config.toml"),
            ("out", "public"),
            ("trang.html", "public/index.html"),
            ("logo.svg", "chung/logo.svg"),
        ] {
            symlink(root.join(target), root.join("static").join(name)).unwrap();
        }
        let mut diagnostics = Diagnostics::default();
        let files = site_files(root, "static", &mut diagnostics);
        let relative = relative_paths(&files);
        assert_eq!(relative, ["logo.svg"]);
        let report = diagnostics.to_string();
        assert_eq!(diagnostics.error_count(), 7, "{report}");
        assert!(report.contains("part of the site's sources"), "{report}");
        // content/ may hold a link to the sources it reads.
        symlink(root.join("chung"), root.join("content/chung")).unwrap();
        let mut diagnostics = Diagnostics::default();
        source_files(root, "content", &mut diagnostics);
        assert_eq!(diagnostics.error_count(), 0, "{diagnostics}");
    }

    /// An SVG picture that runs code opened as a page is warned about;
    /// one that does not, and other files, are not (adv25 F6).
    #[test]
    fn a_scripted_svg_in_static_is_warned_about() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir_all(root.join("static/anh")).unwrap();
        fs::write(root.join("static/anh/logo.SVG"), "<svg onload='alert(1)'/>").unwrap();
        fs::write(
            root.join("static/anh/hinh.svg"),
            "<svg><path d='M0 0'/></svg>",
        )
        .unwrap();
        fs::write(root.join("static/google1.html"), "<script>x</script>").unwrap();
        let mut diagnostics = Diagnostics::default();
        let files = site_files(root, "static", &mut diagnostics);
        assert_eq!(files.len(), 3);
        let report = diagnostics.to_string();
        assert_eq!(diagnostics.warning_count(), 1, "{report}");
        assert!(report.contains("static/anh/logo.SVG"), "{report}");
        assert!(report.contains("SVG image holds code"), "{report}");
    }

    /// Hidden names in `static/`: the well-known few are published, a
    /// system's clutter passed over, and anything else (a secret, most
    /// likely) passed over with a warning naming it (adv25 F2).
    #[test]
    fn static_publishes_only_the_well_known_hidden_names() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        for (path, text) in [
            ("static/.well-known/security.txt", "x"),
            ("static/.nojekyll", ""),
            ("static/.htaccess", "x"),
            ("static/.env", "SECRET=1"),
            ("static/.ssh/id_rsa", "key"),
            ("static/anh/.htpasswd", "x"),
            ("static/anh/.DS_Store", "x"),
            ("static/anh/._logo.png", "x"),
            ("static/anh/logo.png", "x"),
        ] {
            let path = root.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        let mut diagnostics = Diagnostics::default();
        let files = site_files(root, "static", &mut diagnostics);
        let relative = relative_paths(&files);
        assert_eq!(
            relative,
            [
                ".htaccess",
                ".nojekyll",
                ".well-known/security.txt",
                "anh/logo.png"
            ]
        );
        let report = diagnostics.to_string();
        assert_eq!(diagnostics.error_count(), 0, "{report}");
        assert_eq!(diagnostics.warning_count(), 3, "{report}");
        for name in ["static/.env", "static/.ssh", "static/anh/.htpasswd"] {
            assert!(report.contains(name), "{name}: {report}");
        }
        assert!(!report.contains("DS_Store"), "{report}");
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_is_an_error_at_the_file() {
        use std::os::unix::ffi::OsStrExt;
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir(root.join("static")).unwrap();
        let name = std::ffi::OsStr::from_bytes(b"\xff.txt");
        fs::write(root.join("static").join(name), "x").unwrap();
        fs::write(root.join("static/a.txt"), "a").unwrap();
        let mut diagnostics = Diagnostics::default();
        let files = site_files(root, "static", &mut diagnostics);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].relative, Path::new("a.txt"));
        let report = diagnostics.to_string();
        assert_eq!(diagnostics.error_count(), 1, "{report}");
        assert!(report.contains("static/\u{fffd}.txt"), "{report}");
        assert!(report.contains("name is not UTF-8"), "{report}");
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_that_is_a_link_outside_the_site_is_refused() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "x").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        symlink(outside.path(), root.join("static")).unwrap();
        let mut diagnostics = Diagnostics::default();
        assert!(site_files(root, "static", &mut diagnostics).is_empty());
        let report = diagnostics.to_string();
        assert_eq!(diagnostics.error_count(), 1, "{report}");
        assert!(report.contains("outside the site folder"), "{report}");
        // A folder linked within the site is walked.
        fs::remove_file(root.join("static")).unwrap();
        fs::create_dir(root.join("assets")).unwrap();
        fs::write(root.join("assets/a.css"), "a").unwrap();
        symlink(root.join("assets"), root.join("static")).unwrap();
        let mut diagnostics = Diagnostics::default();
        let files = site_files(root, "static", &mut diagnostics);
        assert_eq!(files.len(), 1);
        assert!(diagnostics.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn files_come_in_the_order_of_their_paths() {
        // Names that sort differently as whole strings ('.' and '-' come
        // before '/') and as paths, a link to a folder among them.
        use std::os::unix::fs::symlink;
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        for file in [
            "a.md", "a-b.md", "a/b.md", "a/c/d.md", "ab.md", "b/x.md", "Z.md", "đ.md",
        ] {
            let path = root.join("content").join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        symlink(root.join("content/b"), root.join("content/a0")).unwrap();
        let mut diagnostics = Diagnostics::default();
        let found: Vec<_> = site_files(root, "content", &mut diagnostics)
            .into_iter()
            .map(|file| file.relative)
            .collect();
        let mut sorted = found.clone();
        sorted.sort();
        assert_eq!(found, sorted);
        assert_eq!(found.len(), 9, "{found:?}");
        assert!(found.contains(&PathBuf::from("a0/x.md")), "{found:?}");
        assert_eq!(diagnostics.error_count(), 0);
    }

    #[test]
    fn bom_is_dropped_and_nfd_becomes_nfc() {
        let nfd = "So\u{31b}\u{309}"; // "Sở" decomposed
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(nfd.as_bytes());
        assert_eq!(decode(&bytes).unwrap(), "Sở");
    }

    proptest::proptest! {
        /// `simdutf8` accepts exactly what the standard library accepts,
        /// and an error is located where the standard library puts it.
        #[test]
        fn decoding_agrees_with_the_standard_check(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::any::<u8>(),
                    proptest::sample::select(vec![b'a', b'\n', 0xC3, 0xE1, 0xBB, 0x9F, 0x80]),
                ],
                0..64,
            )
        ) {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            match (decode(bytes), std::str::from_utf8(bytes)) {
                (Ok(text), Ok(std)) => proptest::prop_assert_eq!(text, std.nfc().collect::<String>()),
                (Err(d), Err(e)) => {
                    let prefix = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
                    let line = prefix.matches('\n').count() + 1;
                    proptest::prop_assert_eq!(d.location.map(|l| l.line), Some(line));
                }
                (ours, std) => proptest::prop_assert!(false, "{:?} against {:?}", ours.is_ok(), std.is_ok()),
            }
        }
    }

    #[test]
    fn invalid_utf8_is_a_diagnostic_with_a_location() {
        let d = decode(b"title = 1\nname = \"\xff\"").unwrap_err();
        assert!(d.message.contains("not UTF-8"));
        assert_eq!(d.location.map(|l| l.line), Some(2));
    }
}
