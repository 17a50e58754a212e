//! The open document: a scenario, where it lives on disk and whether it has unsaved changes.

use std::path::{Path, PathBuf};

use crate::io::{save_path, SaveError};
use crate::model::Scenario;

/// A scenario being edited.
#[derive(Clone, Debug)]
pub struct Document {
    /// The scenario itself.
    pub scenario: Scenario,
    /// Where it was loaded from or last saved to; `None` for a new document.
    pub path: Option<PathBuf>,
    /// Counts edits (and undos); compared with `saved_version` for the dirty flag.
    version: u64,
    saved_version: u64,
}

impl Document {
    /// A document that matches what is on disk at `path` (or a fresh built-in one).
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        Self {
            scenario,
            path,
            version: 0,
            saved_version: 0,
        }
    }

    /// True when there are changes not saved to `path`.
    pub fn is_dirty(&self) -> bool {
        self.version != self.saved_version
    }

    /// Marks a change.
    pub fn touch(&mut self) {
        self.version = self.version.wrapping_add(1);
    }

    /// The edit counter, to notice changes (for example for recovery snapshots).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// File name for the window title, or "Untitled".
    pub fn display_name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || "Untitled".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Saves to `path` atomically; on success the document lives there and is clean.
    /// On failure nothing changes and the document stays dirty.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        self.scenario.sort_scores();
        save_path(&self.scenario, path)?;
        self.path = Some(path.to_owned());
        self.saved_version = self.version;
        Ok(())
    }
}
