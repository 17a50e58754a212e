//! What a file on disk was when Concord last read or wrote it, so that a change made
//! elsewhere (another program, a sync folder, a second Concord) can be told from a touch.

use std::hash::{BuildHasher, Hasher};
use std::io::Read;
use std::path::Path;

use crate::platform::FileTime;

/// A file's length, modification time and a hash of its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Length in bytes.
    pub len: u64,
    /// Last modification, where the system keeps it.
    pub modified: Option<FileTime>,
    /// A hash of the content (not cryptographic: it tells edits apart, not attacks).
    pub hash: u64,
}

/// What a look at the file found, compared with what was known of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDisk {
    /// As known (or only touched: the content is the same, the new time is kept).
    Same(Fingerprint),
    /// Its content changed.
    Changed(Fingerprint),
    /// No file there any more.
    Missing,
}

/// The hash of `bytes` as fingerprints take it (seeded the same in every process).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = foldhash::quality::FixedState::with_seed(0x0063_6f6e_636f_7264).build_hasher();
    h.write(bytes);
    h.finish()
}

impl Fingerprint {
    /// The fingerprint of `bytes` just read from (or written to) a file with `meta`.
    pub fn of_bytes(bytes: &[u8], meta: &std::fs::Metadata) -> Self {
        Self {
            len: bytes.len() as u64,
            modified: meta.modified().ok(),
            hash: hash_bytes(bytes),
        }
    }

    /// Reads the file at `path` and takes its fingerprint.
    pub fn read(path: &Path) -> std::io::Result<Self> {
        let mut file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.read_to_end(&mut bytes)?;
        Ok(Self::of_bytes(&bytes, &meta))
    }

    /// Compares the file at `path` with this fingerprint: its length and time first, and
    /// its content only when they differ (a touch, or a sync client rewriting the same
    /// bytes, is not a change).
    pub fn look(&self, path: &Path) -> std::io::Result<OnDisk> {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(OnDisk::Missing),
            Err(e) => return Err(e),
        };
        if meta.len() == self.len && meta.modified().ok() == self.modified {
            return Ok(OnDisk::Same(*self));
        }
        let now = match Self::read(path) {
            Ok(now) => now,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(OnDisk::Missing),
            Err(e) => return Err(e),
        };
        Ok(if now.hash == self.hash && now.len == self.len {
            OnDisk::Same(now)
        } else {
            OnDisk::Changed(now)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touch_is_not_a_change_and_an_edit_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        std::fs::write(&path, "one").unwrap();
        let known = Fingerprint::read(&path).unwrap();
        assert_eq!(known.look(&path).unwrap(), OnDisk::Same(known));

        let later = known.modified.expect("a time") + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let OnDisk::Same(touched) = known.look(&path).unwrap() else {
            panic!("a touch is not a change");
        };
        assert_eq!(touched.modified, Some(later));

        std::fs::write(&path, "two").unwrap();
        assert!(matches!(known.look(&path).unwrap(), OnDisk::Changed(_)));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(known.look(&path).unwrap(), OnDisk::Missing);
    }
}
