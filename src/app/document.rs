//! The open document: a scenario, where it lives on disk and whether it has unsaved changes.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::model::Scenario;

/// Which document a piece of derived state belongs to: unique for the life of the process,
/// so a cache or a worker's result from an earlier document can never match a later one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(u64);

impl DocId {
    /// A fresh id, never given out before in this process.
    pub fn fresh() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Self(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// The identity of one state of one document: derived state keyed by it is dropped when
/// either the document is replaced or it changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DocKey {
    /// The document.
    pub id: DocId,
    /// Its change counter.
    pub version: u64,
}

/// A scenario being edited.
#[derive(Clone, Debug)]
pub struct Document {
    /// The scenario itself, shared with a save or a recovery copy in progress (an edit
    /// made meanwhile copies it first, so what they write is what was there when they
    /// started).
    scenario: Arc<Scenario>,
    /// This document's identity (a new one for every New, Open, Restore).
    id: DocId,
    /// Where it was loaded from or last saved to; `None` for a new document.
    pub path: Option<PathBuf>,
    /// In a browser, the name of the file Save writes back to (the browser holds the
    /// permission, through its File System Access API); `None`: Save downloads.
    pub browser_file: Option<String>,
    /// Counts changes (edits, undos, redos), for views and copies that follow the document.
    version: u64,
    /// The undo history's id of the current state.
    state: u64,
    /// The state that is on disk; `None` when no state is (restored work).
    saved_state: Option<u64>,
    /// What the file at `path` was when last read, written or looked at with the user's
    /// knowledge; `None` when unknown (a new or restored document).
    disk: Option<crate::io::Fingerprint>,
}

impl Document {
    /// A document that matches what is on disk at `path` (or a fresh built-in one).
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        Self {
            scenario: Arc::new(scenario),
            id: DocId::fresh(),
            path,
            browser_file: None,
            version: 0,
            state: 0,
            saved_state: Some(0),
            disk: None,
        }
    }

    /// True when the document differs from what is on disk: undoing back to the saved
    /// state makes it clean again.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state)
    }

    /// Marks a change that leads to history state `state`, and keeps the scenario's format
    /// number the oldest that holds it (a red line added makes it 2; removed, 1 again).
    pub fn touch(&mut self, state: u64) {
        self.version = self.version.wrapping_add(1);
        self.state = state;
        let needed = self.scenario.needed_format();
        if self.scenario.format != needed {
            self.scenario_mut().format = needed;
        }
    }

    /// Marks the whole document as unsaved, whatever history says (restored work).
    pub fn mark_unsaved(&mut self) {
        self.version = self.version.wrapping_add(1);
        self.saved_state = None;
    }

    /// The edit counter, to notice changes (for example for recovery snapshots).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// This document's identity, the same across its edits.
    pub fn id(&self) -> DocId {
        self.id
    }

    /// The identity of this state of this document, to key derived state by.
    pub fn key(&self) -> DocKey {
        DocKey {
            id: self.id,
            version: self.version,
        }
    }

    /// The file's name, or for a document never saved its title (else "Untitled"): for
    /// the window title and the questions about it.
    pub fn display_name(&self) -> String {
        if let Some(name) = self.path.as_deref().and_then(Path::file_name) {
            return name.to_string_lossy().into_owned();
        }
        let title = self.scenario.title.trim();
        if title.is_empty() {
            "Untitled".to_owned()
        } else {
            title.to_owned()
        }
    }

    /// The scenario.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario, to change it (copied first if a save or a copy still reads it).
    pub fn scenario_mut(&mut self) -> &mut Scenario {
        Arc::make_mut(&mut self.scenario)
    }

    /// The scenario as it is now, shared (not copied) with a worker that writes it.
    pub fn snapshot(&self) -> Arc<Scenario> {
        Arc::clone(&self.scenario)
    }

    /// The history state the document is in now (what a save started now will hold).
    pub fn state(&self) -> u64 {
        self.state
    }

    /// What the file was when last read, written or acknowledged.
    pub fn disk(&self) -> Option<crate::io::Fingerprint> {
        self.disk
    }

    /// Records what the file at `path` is now.
    pub fn set_disk(&mut self, fingerprint: Option<crate::io::Fingerprint>) {
        self.disk = fingerprint;
    }

    /// Records that history state `state` was handed to the browser as a download: it is
    /// kept, though not at a path the app can write to again.
    pub fn downloaded(&mut self, state: u64) {
        self.saved_state = Some(state);
    }

    /// Records that history state `state` is now on disk at `path`.
    pub fn saved_as(&mut self, path: &Path, state: u64) {
        self.path = Some(path.to_owned());
        self.saved_state = Some(state);
    }
}
