//! Preferences kept between runs (never documents): recent files and view options.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// Persisted UI state; every field has a default so new fields never reset the rest.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Most recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Whether the inspector panel is shown.
    pub show_inspector: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            show_inspector: true,
        }
    }
}

impl Prefs {
    /// Puts `path` first in the recent list.
    pub fn add_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
