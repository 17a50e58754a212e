//! Locks that a crash cannot leave stuck: a file in the app's data folder that a process
//! holds an operating-system lock on for as long as it lives. The system drops the lock
//! when the process ends, however it ends, so a lock file nobody holds is stale and is
//! removed by whoever finds it.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// A lock held by this process until dropped.
#[derive(Debug)]
pub struct Held {
    /// The lock file, locked while it is open.
    file: File,
    /// Where it is.
    path: PathBuf,
}

impl Held {
    /// Creates `dir/<prefix><unique>.lock` and locks it; the unique part (this process and
    /// a counter) keeps two holders, in one process or two, from sharing a file.
    pub fn take(dir: &Path, prefix: &str) -> std::io::Result<Self> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        std::fs::create_dir_all(dir)?;
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{prefix}{}-{n}.lock", std::process::id()));
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)?;
        file.try_lock().map_err(|e| match e {
            TryLockError::Error(e) => e,
            TryLockError::WouldBlock => std::io::Error::other("the lock is held elsewhere"),
        })?;
        Ok(Self { file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The unique part of its name (what follows `prefix`, without `.lock`).
    pub fn name_after(&self, prefix: &str) -> String {
        file_stem(&self.path)
            .and_then(|stem| stem.strip_prefix(prefix).map(str::to_owned))
            .unwrap_or_default()
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let _ = self.file.unlock();
        let _ = std::fs::remove_file(&self.path);
    }
}

fn file_stem(path: &Path) -> Option<&str> {
    path.file_name()?.to_str()?.strip_suffix(".lock")
}

/// Whether the lock file at `path` is held by a live process. A lock file that is not held
/// is stale and removed.
pub fn is_held(path: &Path) -> bool {
    let Ok(file) = File::options().read(true).write(true).open(path) else {
        return false;
    };
    match file.try_lock() {
        Ok(()) => {
            // Nobody holds it: its process ended without removing it.
            let _ = std::fs::remove_file(path);
            let _ = file.unlock();
            false
        }
        Err(TryLockError::WouldBlock) => true,
        // A system that cannot lock says nothing either way; assume the holder lives.
        Err(TryLockError::Error(_)) => true,
    }
}

/// The unique parts of the lock files `dir/<prefix>*.lock` held by live processes, other
/// than the lock file `own`; stale ones are removed on the way.
pub fn live_holders(dir: &Path, prefix: &str, own: Option<&Path>) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut live: Vec<String> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| Some(p.as_path()) != own)
        .filter_map(|p| {
            let rest = file_stem(&p)?.strip_prefix(prefix)?.to_owned();
            is_held(&p).then_some(rest)
        })
        .collect();
    live.sort();
    live
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_is_seen_and_a_dropped_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let a = Held::take(dir.path(), "doc-").unwrap();
        let b = Held::take(dir.path(), "doc-").unwrap();
        assert_eq!(
            live_holders(dir.path(), "doc-", Some(a.path())),
            vec![b.name_after("doc-")]
        );
        assert_eq!(live_holders(dir.path(), "doc-", None).len(), 2);
        drop(b);
        assert!(live_holders(dir.path(), "doc-", Some(a.path())).is_empty());
    }

    #[test]
    fn a_lock_file_nobody_holds_is_stale_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        // What a crashed process leaves: the file, without the lock.
        let left = dir.path().join("doc-999-0.lock");
        std::fs::write(&left, b"").unwrap();
        assert!(live_holders(dir.path(), "doc-", None).is_empty());
        assert!(!left.exists());
    }
}
