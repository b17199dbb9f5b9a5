//! One build at a time into an output folder.
//!
//! Two builds into one folder at once (two terminals, a script started
//! twice, a watcher firing during a build) would share its spare: each
//! would remove the other's files as stale and write into the folder the
//! other had just exchanged in, and the output could end up neither build's
//! site. A build therefore holds a lock on a file beside the output
//! (`.public.chiso-lock` for `public/`) from before it touches the spare
//! until after the exchange; a second build waits for it.
//!
//! The lock is the operating system's (`flock` on Unix, `LockFileEx` on
//! Windows): a build that is killed lets go of it at once, so there is
//! never a stale lock to remove by hand. The file itself stays (removing a
//! lock file while another process opens it is a race). Where the file
//! system cannot lock, the build goes on without the lock.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// The lock of an output folder, held until dropped.
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

/// The lock file's name for the output folder named `name`.
fn file_name(name: &str) -> String {
    format!(".{name}.chiso-lock")
}

impl OutputLock {
    /// Takes the lock of the output folder `name` in `parent`, waiting as
    /// long as another build holds it (`waiting` is called once, before the
    /// wait). `None` where the lock cannot be had at all (a file system
    /// without locks, a read-only folder: the build's own writes then
    /// report the problem).
    pub fn take(parent: &Path, name: &str, waiting: impl FnOnce()) -> Option<OutputLock> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(parent.join(file_name(name)))
            .ok()?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting();
                file.lock().ok()?;
            }
            Err(TryLockError::Error(_)) => return None,
        }
        Some(OutputLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    #[test]
    fn a_second_taker_waits_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputLock::take(dir.path(), "public", || panic!("nobody holds it"));
        assert!(first.is_some());
        let released = AtomicBool::new(false);
        let waited = AtomicBool::new(false);
        std::thread::scope(|scope| {
            let second = scope.spawn(|| {
                let lock = OutputLock::take(dir.path(), "public", || {
                    waited.store(true, Ordering::SeqCst);
                });
                assert!(released.load(Ordering::SeqCst), "taken while held");
                lock.is_some()
            });
            // Let go only once the second is waiting.
            for _ in 0..1000 {
                if waited.load(Ordering::SeqCst) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            released.store(true, Ordering::SeqCst);
            drop(first);
            assert!(second.join().unwrap());
        });
        assert!(waited.load(Ordering::SeqCst));
        // Each output folder has a lock of its own.
        let _public = OutputLock::take(dir.path(), "public", || {}).unwrap();
        assert!(OutputLock::take(dir.path(), "docs", || panic!("not held")).is_some());
    }
}
