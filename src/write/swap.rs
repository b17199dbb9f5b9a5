//! Exchanging two folders in one step, so that a reader of the output folder
//! sees the whole old site or the whole new one, never a mix.
//!
//! Linux has `renameat2(RENAME_EXCHANGE)` and macOS `renamex_np(RENAME_SWAP)`:
//! both swap two names atomically. Elsewhere, or on a file system that lacks
//! them, the folders are swapped with three renames, and for an instant the
//! output folder does not exist; [`recover`] puts it back if a build was
//! killed in that instant.

use std::io;
use std::path::{Path, PathBuf};

/// Swaps the folders at `a` and `b` (both must exist, on one file system).
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    match atomic_exchange(a, b) {
        Ok(()) => Ok(()),
        Err(e) if unsupported(&e) => exchange_by_renames(a, b),
        Err(e) => Err(e),
    }
}

/// Where the portable exchange parks `b` for an instant.
pub fn parked(b: &Path) -> PathBuf {
    let mut name = b.file_name().unwrap_or_default().to_os_string();
    name.push(".chiso-parked");
    b.with_file_name(name)
}

/// Puts back a folder parked by an exchange that was killed half way: if
/// `b` is missing and its parked copy exists, the copy is the whole old
/// site. A parked copy beside an existing `b` is left over and removed.
pub fn recover(b: &Path) -> io::Result<()> {
    let parked = parked(b);
    if !parked.exists() {
        return Ok(());
    }
    if b.exists() {
        std::fs::remove_dir_all(&parked)
    } else {
        std::fs::rename(&parked, b)
    }
}

/// The portable exchange: `b` to the side, `a` into its place, then the
/// old `b` where `a` was.
fn exchange_by_renames(a: &Path, b: &Path) -> io::Result<()> {
    let parked = parked(b);
    std::fs::rename(b, &parked)?;
    if let Err(e) = std::fs::rename(a, b) {
        // Put the old folder back so that the output is still whole.
        std::fs::rename(&parked, b)?;
        return Err(e);
    }
    std::fs::rename(&parked, a)
}

/// Whether the atomic call is missing here (old kernel, file system or
/// platform), as opposed to a real failure.
fn unsupported(error: &io::Error) -> bool {
    if error.kind() == io::ErrorKind::Unsupported {
        return true;
    }
    #[cfg(unix)]
    {
        matches!(
            error.raw_os_error(),
            Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP)
        )
    }
    #[cfg(not(unix))]
    {
        false
    }
}

#[cfg(target_os = "linux")]
fn atomic_exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // The raw system call rather than libc's wrapper: musl only gained
    // `renameat2` in 1.2.5, and the call is the same everywhere.
    // SAFETY: both paths are valid NUL-terminated strings that outlive the
    // call, and renameat2 reads nothing else from this process's memory.
    let status = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if status == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(target_os = "macos")]
fn atomic_exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the
    // call, and renamex_np reads nothing else from this process's memory.
    let status = unsafe { libc::renamex_np(a.as_ptr(), b.as_ptr(), libc::RENAME_SWAP) };
    if status == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn atomic_exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn folder_with(path: &Path, text: &str) {
        fs::create_dir_all(path).unwrap();
        fs::write(path.join("f"), text).unwrap();
    }

    #[test]
    fn exchange_swaps_two_folders() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        folder_with(&a, "new");
        folder_with(&b, "old");
        exchange(&a, &b).unwrap();
        assert_eq!(fs::read_to_string(b.join("f")).unwrap(), "new");
        assert_eq!(fs::read_to_string(a.join("f")).unwrap(), "old");
    }

    #[test]
    fn the_portable_exchange_swaps_too() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        folder_with(&a, "new");
        folder_with(&b, "old");
        exchange_by_renames(&a, &b).unwrap();
        assert_eq!(fs::read_to_string(b.join("f")).unwrap(), "new");
        assert_eq!(fs::read_to_string(a.join("f")).unwrap(), "old");
        assert!(!parked(&b).exists());
    }

    #[test]
    fn recover_puts_back_a_folder_parked_by_a_killed_exchange() {
        let dir = tempfile::tempdir().unwrap();
        let b = dir.path().join("public");
        folder_with(&parked(&b), "old");
        recover(&b).unwrap();
        assert_eq!(fs::read_to_string(b.join("f")).unwrap(), "old");
        // A parked copy beside a whole output is a leftover.
        folder_with(&parked(&b), "stale");
        recover(&b).unwrap();
        assert!(!parked(&b).exists());
        assert_eq!(fs::read_to_string(b.join("f")).unwrap(), "old");
    }
}
