//! Saving on a worker, so a large scenario never stalls the window: the save writes the
//! document as it was when the save started (a shared snapshot, not a copy), the document
//! stays editable meanwhile, and the dirty mark then reflects the edits made since.

use std::path::{Path, PathBuf};

use super::jobs::JobKind;
use super::{AppState, Dialog};
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

/// A save's result, as its job gives it back.
pub struct Saved {
    /// Where it wrote.
    path: PathBuf,
    /// The history state it wrote.
    state: u64,
    /// How it ended.
    outcome: Outcome,
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
        let (snapshot, target) = (self.doc.snapshot(), path.to_owned());
        let state = self.doc.state();
        let started = self.jobs.start(JobKind::Save, self.doc.key(), 0, move |_| {
            let outcome = write(&snapshot, &target, expected);
            let saved = Saved {
                path: target,
                state,
                outcome,
            };
            Box::new(move |app: &mut AppState| app.saved(Some(saved)))
        });
        if let Err(e) = started {
            return self.save_finished(path, Err(format!("could not start saving: {e}")));
        }
        self.status = format!("Saving {}…", path.display());
        self.take_finished_jobs();
    }

    /// True while a save is being written.
    pub fn is_saving(&self) -> bool {
        self.jobs.is_running(JobKind::Save)
    }

    /// Waits for a save in progress to finish (before quitting or saving again).
    pub fn finish_save(&mut self) {
        self.finish_job(JobKind::Save);
    }

    /// Takes in a save's result (for this document: `job_done` drops another's).
    pub(super) fn saved(&mut self, saved: Option<Saved>) {
        let Some(saved) = saved else {
            let path = self.doc.path.clone().unwrap_or_default();
            return self.save_finished(&path, Err("the save stopped before it finished".into()));
        };
        self.complete_save(saved);
    }

    fn complete_save(&mut self, job: Saved) {
        match job.outcome {
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
        let then = self.files.after_save.take();
        match outcome {
            Ok(()) => {
                self.prefs.add_recent(path.to_owned());
                self.status = format!("Saved {}", path.display());
                if !self.doc.is_dirty() {
                    self.clear_recovery();
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
