//! Saving on a worker, so a large scenario never stalls the window: the save writes the
//! document as it was when the save started (a shared snapshot, not a copy), the document
//! stays editable meanwhile, and the dirty mark then reflects the edits made since.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};

use super::{AppState, Dialog, DocId};

/// A save in progress.
pub(super) struct SaveJob {
    /// Where it writes.
    path: PathBuf,
    /// The document it writes.
    doc: DocId,
    /// The history state it writes.
    state: u64,
    /// Its outcome, once written.
    done: Receiver<Result<(), String>>,
}

impl AppState {
    /// Saves to `path` on a worker (inline where jobs run inline). On success the document
    /// lives there and is clean up to the state saved; on failure a dialog says why and the
    /// document stays dirty. What was waiting for the save (Quit, New, Open) goes on after.
    pub fn save_to(&mut self, path: &Path) {
        self.finish_save();
        let (tx, done) = channel();
        let (snapshot, target) = (self.doc.snapshot(), path.to_owned());
        let spawned = crate::platform::spawn("save", move || {
            let written = crate::io::save_canonical(&snapshot, &target).map_err(|e| e.to_string());
            let _ = tx.send(written);
        });
        if let Err(e) = spawned {
            return self.save_finished(path, Err(format!("could not start saving: {e}")));
        }
        self.saving = Some(SaveJob {
            path: path.to_owned(),
            doc: self.doc.id(),
            state: self.doc.state(),
            done,
        });
        self.status = format!("Saving {}…", path.display());
        self.poll_save();
    }

    /// True while a save is being written.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Takes the outcome of a save that has finished, if any (called every frame).
    pub fn poll_save(&mut self) {
        let Some(job) = &self.saving else {
            return;
        };
        let outcome = match job.done.try_recv() {
            Ok(outcome) => outcome,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Err("the save stopped before it finished".to_owned())
            }
        };
        self.complete_save(outcome);
    }

    /// Waits for a save in progress to finish (before quitting or saving again).
    pub fn finish_save(&mut self) {
        let Some(job) = &self.saving else {
            return;
        };
        let outcome = job
            .done
            .recv()
            .unwrap_or_else(|_| Err("the save stopped before it finished".to_owned()));
        self.complete_save(outcome);
    }

    fn complete_save(&mut self, outcome: Result<(), String>) {
        let Some(job) = self.saving.take() else {
            return;
        };
        if job.doc != self.doc.id() {
            // Written for a document that was replaced meanwhile: the file is fine, but it
            // says nothing about the document now open.
            return;
        }
        if outcome.is_ok() {
            self.doc.saved_as(&job.path, job.state);
        }
        self.save_finished(&job.path, outcome);
    }

    fn save_finished(&mut self, path: &Path, outcome: Result<(), String>) {
        let then = self.after_save.take();
        match outcome {
            Ok(()) => {
                self.prefs.add_recent(path.to_owned());
                self.status = format!("Saved {}", path.display());
                if !self.doc.is_dirty() {
                    if let Some(r) = &mut self.recovery {
                        r.clear();
                    }
                }
                if let Some(pending) = then {
                    self.perform(pending);
                }
            }
            Err(e) => {
                self.status = "Not saved".into();
                self.dialog = Some(Dialog::SaveFailed(e));
            }
        }
    }
}
