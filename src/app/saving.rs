//! Saving on a worker, so a large scenario never stalls the window: the save writes the
//! document as it was when the save started (a shared snapshot, not a copy), the document
//! stays editable meanwhile, and the dirty mark then reflects the edits made since.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};

use super::{AppState, Dialog, DocId};
use crate::io::{Fingerprint, OnDisk};
use crate::model::Scenario;

/// The save itself, on the worker: the check that the file is as expected, the write,
/// and the fingerprint of what was written.
fn write(scenario: &Scenario, target: &Path, expected: Option<Fingerprint>) -> Outcome {
    if let Some(Ok(OnDisk::Changed(now))) = expected.map(|e| e.look(target)) {
        return Outcome::Newer(now);
    }
    match crate::io::save_canonical(scenario, target) {
        Ok(()) => Outcome::Written(Fingerprint::read(target).ok()),
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// A save in progress.
pub(super) struct SaveJob {
    /// Where it writes.
    path: PathBuf,
    /// The document it writes.
    doc: DocId,
    /// The history state it writes.
    state: u64,
    /// Its outcome, once written.
    done: Receiver<Outcome>,
}

/// How a save ended.
enum Outcome {
    /// Written; the file's fingerprint now (if it could be read back).
    Written(Option<Fingerprint>),
    /// Not written: the file changed on disk since it was read or saved.
    Newer(Fingerprint),
    /// Not written, for this reason.
    Failed(String),
}

impl AppState {
    /// Saves to `path` on a worker (inline where jobs run inline). On success the document
    /// lives there and is clean up to the state saved; on failure a dialog says why and the
    /// document stays dirty. What was waiting for the save (Quit, New, Open) goes on after.
    ///
    /// Saving over the document's own file first checks that it is still what Concord read
    /// or saved; if it changed on disk, nothing is written and the user is asked.
    pub fn save_to(&mut self, path: &Path) {
        let expected = self
            .doc
            .disk()
            .filter(|_| self.doc.path.as_deref() == Some(path));
        self.start_save(path, expected);
    }

    /// Saves to `path` whatever is on disk there (the user chose to overwrite it).
    pub(super) fn save_over(&mut self, path: &Path) {
        self.start_save(path, None);
    }

    fn start_save(&mut self, path: &Path, expected: Option<Fingerprint>) {
        self.finish_save();
        let (tx, done) = channel();
        let (snapshot, target) = (self.doc.snapshot(), path.to_owned());
        let spawned = crate::platform::spawn("save", move || {
            let _ = tx.send(write(&snapshot, &target, expected));
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
                Outcome::Failed("the save stopped before it finished".to_owned())
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
            .unwrap_or_else(|_| Outcome::Failed("the save stopped before it finished".into()));
        self.complete_save(outcome);
    }

    fn complete_save(&mut self, outcome: Outcome) {
        let Some(job) = self.saving.take() else {
            return;
        };
        if job.doc != self.doc.id() {
            // Written for a document that was replaced meanwhile: the file is fine, but it
            // says nothing about the document now open.
            return;
        }
        match outcome {
            Outcome::Written(fingerprint) => {
                self.doc.saved_as(&job.path, job.state);
                self.saved_on_disk(fingerprint);
                self.save_finished(&job.path, Ok(()));
            }
            Outcome::Newer(now) => self.found_newer(&job.path, now),
            Outcome::Failed(e) => self.save_finished(&job.path, Err(e)),
        }
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
