//! Crash recovery: unsaved work is copied to a recovery file every few seconds, so a crash
//! or a kill loses at most those seconds. The copy is removed when the work is saved or
//! deliberately discarded, and offered back at the next start if it is still there.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::io::{load_path, save_path, LoadError, SaveError};
use crate::model::Scenario;

/// How often unsaved work is copied.
pub const INTERVAL: Duration = Duration::from_secs(3);

/// The recovery file in a folder, and the note of which file the work belonged to.
#[derive(Clone, Debug)]
pub struct Recovery {
    dir: PathBuf,
    last_version: Option<u64>,
    last_write: Option<Instant>,
}

/// Work found from an earlier session.
#[derive(Clone, Debug)]
pub struct Recovered {
    /// The scenario as it was.
    pub scenario: Scenario,
    /// The file it belonged to, if it had one.
    pub original: Option<PathBuf>,
}

impl Recovery {
    /// Recovery files live in `dir` (created when first needed).
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            last_version: None,
            last_write: None,
        }
    }

    fn file(&self) -> PathBuf {
        self.dir.join("recovery.ron")
    }

    fn note(&self) -> PathBuf {
        self.dir.join("recovery-original.txt")
    }

    /// Copies the work if it changed since the last copy and the interval has passed.
    pub fn tick(
        &mut self,
        scenario: &Scenario,
        original: Option<&Path>,
        version: u64,
        dirty: bool,
    ) -> Result<(), SaveError> {
        if !dirty {
            if self.last_version.is_some() {
                self.clear();
            }
            return Ok(());
        }
        if self.last_version == Some(version) {
            return Ok(());
        }
        if self.last_write.is_some_and(|t| t.elapsed() < INTERVAL) {
            return Ok(());
        }
        self.write(scenario, original)?;
        self.last_version = Some(version);
        self.last_write = Some(Instant::now());
        Ok(())
    }

    /// Writes the recovery copy now.
    pub fn write(&self, scenario: &Scenario, original: Option<&Path>) -> Result<(), SaveError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| SaveError::Io {
            path: self.dir.clone(),
            action: "creating the recovery folder",
            source,
        })?;
        let mut sorted = scenario.clone();
        sorted.sort_scores();
        save_path(&sorted, &self.file())?;
        let note = original
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        crate::io::write_atomically(&self.note(), note.as_bytes())
    }

    /// Removes the recovery copy (the work was saved or discarded).
    pub fn clear(&mut self) {
        let _ = std::fs::remove_file(self.file());
        let _ = std::fs::remove_file(self.note());
        self.last_version = None;
        self.last_write = None;
    }

    /// Work left by an earlier session, if any.
    pub fn find(&self) -> Option<Result<Recovered, LoadError>> {
        let file = self.file();
        if !file.exists() {
            return None;
        }
        let original = std::fs::read_to_string(self.note())
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(PathBuf::from);
        Some(load_path(&file).map(|scenario| Recovered { scenario, original }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_when_dirty_and_clears_when_clean() {
        let dir =
            std::env::temp_dir().join(format!("concord-recovery-test-{}", std::process::id()));
        let mut r = Recovery::new(dir.clone());
        let s = crate::synth::scenario(2, 2, 1);
        r.tick(&s, Some(Path::new("/x/y.ron")), 1, true).unwrap();
        let found = r.find().expect("a copy").expect("loads");
        assert_eq!(found.scenario, s);
        assert_eq!(found.original, Some(PathBuf::from("/x/y.ron")));
        r.tick(&s, None, 1, false).unwrap();
        assert!(r.find().is_none());
        let _ = std::fs::remove_dir_all(dir);
    }
}
