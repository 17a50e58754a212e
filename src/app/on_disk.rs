//! The document's file on disk: a change made elsewhere (another program, a sync folder,
//! a second Concord) is noticed within a second and offered as Reload / Keep mine /
//! Compare; Save never silently overwrites it; and two windows with the same file open
//! see each other through locks in the app's data folder.

use std::path::{Path, PathBuf};

use super::jobs::JobKind;
use super::{AppState, Dialog, Edit};
use crate::io::lock::{live_holders, Held};
use crate::io::{load_path_with_fingerprint, Fingerprint, OnDisk};
use crate::model::diff::{diff, Difference};
use crate::model::Scenario;
use crate::platform::{Duration, Instant};

/// How often the file is looked at.
pub const LOOK_EVERY: Duration = Duration::from_secs(1);

/// What the window says about the file on disk, until the user answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskNotice {
    /// Its content changed since Concord read or saved it.
    Changed,
    /// It is no longer there (moved, renamed or deleted).
    Missing,
}

/// The user's answer about the file on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskAnswer {
    /// Replace the document with the file (one undoable step).
    Reload,
    /// Keep the document as it is; it now differs from the file, so it is unsaved.
    KeepMine,
    /// Show what differs between the file and the document.
    Compare,
    /// Save over the file although it changed on disk.
    Overwrite,
    /// Write the missing file again.
    SaveAgain,
    /// Stop saying the file is open in another window.
    Dismiss,
}

/// The file as it is on disk, read for "Compare".
#[derive(Clone, Debug)]
pub struct OnDiskVersion {
    /// The file.
    pub path: PathBuf,
    /// What it holds.
    pub scenario: Box<Scenario>,
    /// Its fingerprint when read.
    pub fingerprint: Fingerprint,
    /// What differs, from the file to the document.
    pub differences: Vec<Difference>,
}

/// What a look at the file found (the job `JobKind::LookAtDisk` gives it back).
pub struct Looked {
    /// The fingerprint the document had when the look started.
    known: Option<Fingerprint>,
    disk: Option<OnDisk>,
    others: usize,
}

/// Watching the document's file.
#[derive(Default)]
pub(super) struct Watch {
    last_look: Option<Instant>,
    /// What the window says, until answered.
    pub(super) notice: Option<DiskNotice>,
    /// The file's fingerprint as the last look found it changed.
    seen: Option<Fingerprint>,
    /// Where the windows' locks live (the app's data folder); `None`: no locks.
    locks: Option<PathBuf>,
    /// This window's lock on the document's file, and which file it is for.
    lock: Option<(PathBuf, Held)>,
    /// Other windows with the same file open, as last counted.
    pub(super) others: usize,
    /// How many of them the user has been told of and dismissed.
    others_dismissed: usize,
}

/// The prefix of the lock files of windows that have `path` open.
fn lock_prefix(path: &Path) -> String {
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let hash = crate::io::fingerprint::hash_bytes(canonical.to_string_lossy().as_bytes());
    format!("open-{hash:016x}-")
}

impl AppState {
    /// Keeps this window's open-file locks in `dir` (the app's data folder), where other
    /// windows look for them; not beside the document, where they would travel through
    /// sync folders and version control.
    pub fn use_locks_in(&mut self, dir: PathBuf) {
        self.files.watch.locks = Some(dir);
        self.files.watch.lock = None;
        self.follow_file();
    }

    /// What the window should say about the file on disk.
    pub fn disk_notice(&self) -> Option<DiskNotice> {
        self.files.watch.notice
    }

    /// How many other Concord windows have this document's file open (not yet dismissed).
    pub fn also_open_elsewhere(&self) -> usize {
        if self.files.watch.others > self.files.watch.others_dismissed {
            self.files.watch.others
        } else {
            0
        }
    }

    /// Takes this window's lock for the document's file (letting go of one for another
    /// file), so other windows can see it is open here.
    fn follow_file(&mut self) {
        let path = self.doc.path.clone();
        if self.files.watch.lock.as_ref().map(|(p, _)| p) == path.as_ref() {
            return;
        }
        self.files.watch.lock = None;
        self.files.watch.others = 0;
        self.files.watch.others_dismissed = 0;
        if let (Some(path), Some(dir)) = (path, &self.files.watch.locks) {
            if let Ok(held) = Held::take(dir, &lock_prefix(&path)) {
                self.files.watch.lock = Some((path, held));
            }
        }
    }

    /// Looks at the file when due (on a worker); what it finds comes back as a message.
    pub(super) fn look_at_disk(&mut self) {
        self.follow_file();
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        let due = self
            .files
            .watch
            .last_look
            .is_none_or(|t| t.elapsed() >= LOOK_EVERY);
        // A save in progress changes the file: its own fingerprint is taken when it ends.
        if !self.jobs.is_running(JobKind::LookAtDisk) && due && !self.is_saving() {
            self.start_look(path);
            self.take_finished_jobs();
        }
    }

    /// When to look again, while the document has a file.
    pub fn next_look(&self) -> Option<Duration> {
        self.doc.path.as_ref().map(|_| LOOK_EVERY)
    }

    /// Looks at once (the window got the focus back: the user may have edited the file).
    pub fn look_at_disk_now(&mut self) {
        self.files.watch.last_look = None;
        self.look_at_disk();
    }

    fn start_look(&mut self, path: PathBuf) {
        let known = self.doc.disk();
        let own = self
            .files
            .watch
            .lock
            .as_ref()
            .map(|(_, h)| h.path().to_owned());
        let locks = self.files.watch.locks.clone();
        let prefix = lock_prefix(&path);
        let started = self
            .jobs
            .start(JobKind::LookAtDisk, self.doc.key(), 0, move |_| {
                let disk = known.and_then(|k| k.look(&path).ok());
                let others =
                    locks.map_or(0, |dir| live_holders(&dir, &prefix, own.as_deref()).len());
                let looked = Looked {
                    known,
                    disk,
                    others,
                };
                Box::new(move |app: &mut AppState| app.looked_at_disk(looked))
            });
        self.files.watch.last_look = Some(Instant::now());
        // Without a thread nothing is seen now; the next tick looks again.
        let _ = started;
    }

    /// Takes in what a look at the file found (for this document: `job_done` drops
    /// another's).
    pub(super) fn looked_at_disk(&mut self, looked: Looked) {
        if looked.known != self.doc.disk() {
            // The document was replaced, saved or reloaded since: the look is out of date.
            return;
        }
        self.files.watch.others = looked.others;
        if self.files.watch.others < self.files.watch.others_dismissed {
            self.files.watch.others_dismissed = self.files.watch.others;
        }
        match looked.disk {
            Some(OnDisk::Same(now)) => {
                // Touched, not changed: remember the new time so the content is not
                // read again at every look.
                self.doc.set_disk(Some(now));
                if self.files.watch.notice == Some(DiskNotice::Missing) {
                    self.files.watch.notice = None;
                }
            }
            Some(OnDisk::Changed(now))
                if self.files.watch.seen != Some(now) || self.files.watch.notice.is_none() =>
            {
                self.files.watch.seen = Some(now);
                self.files.watch.notice = Some(DiskNotice::Changed);
                self.status = "Another program saved the file: Reload, Keep mine or Compare".into();
            }
            Some(OnDisk::Missing) => self.files.watch.notice = Some(DiskNotice::Missing),
            Some(OnDisk::Changed(_)) | None => {}
        }
    }

    /// Applies the user's answer about the file on disk.
    pub fn answer_disk(&mut self, answer: DiskAnswer) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        if !matches!(answer, DiskAnswer::Overwrite | DiskAnswer::Compare) {
            // Not saved after all: what was to follow the save (quit, open) does not happen.
            self.files.after_save = None;
        }
        match answer {
            DiskAnswer::Reload => {
                if let Some(Dialog::Compare(version)) = self.dialog.take() {
                    return self.reload_with(*version.scenario, version.fingerprint);
                }
                match load_path_with_fingerprint(&path) {
                    Ok((scenario, fingerprint)) => self.reload_with(scenario, fingerprint),
                    Err(e) => {
                        self.status = format!("{} could not be reloaded", path.display());
                        self.dialog = Some(Dialog::LoadFailed(e));
                    }
                }
            }
            DiskAnswer::KeepMine => {
                if matches!(self.dialog, Some(Dialog::Compare(_))) {
                    self.dialog = None;
                }
                let now = match self.files.watch.notice {
                    Some(DiskNotice::Missing) => None,
                    _ => self.files.watch.seen.or(self.doc.disk()),
                };
                self.doc.set_disk(now);
                self.doc.mark_unsaved();
                self.files.watch.notice = None;
                self.status = "Kept your version; saving will replace the file".into();
            }
            DiskAnswer::Compare => match load_path_with_fingerprint(&path) {
                Ok((scenario, fingerprint)) => {
                    let differences = diff(&scenario, self.doc.scenario());
                    self.dialog = Some(Dialog::Compare(OnDiskVersion {
                        path,
                        scenario: Box::new(scenario),
                        fingerprint,
                        differences,
                    }));
                }
                Err(e) => {
                    self.status = "The file on disk does not load; nothing to compare".into();
                    self.dialog = Some(Dialog::LoadFailed(e));
                }
            },
            DiskAnswer::Overwrite => {
                self.dialog = None;
                self.save_over(&path);
            }
            DiskAnswer::SaveAgain => {
                self.files.watch.notice = None;
                self.doc.set_disk(None);
                self.save_to(&path);
            }
            DiskAnswer::Dismiss => self.files.watch.others_dismissed = self.files.watch.others,
        }
    }

    /// Replaces the document with what the file holds now, as one undoable step (undo
    /// brings back the version the window had); the document is then clean.
    fn reload_with(&mut self, scenario: Scenario, fingerprint: Fingerprint) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        self.edit(
            "reload from disk",
            None,
            Edit::ReplaceScenario(Box::new(scenario)),
        );
        self.doc.saved_as(&path, self.history.state());
        self.doc.set_disk(Some(fingerprint));
        self.files.watch.notice = None;
        self.files.watch.seen = None;
        self.status = format!(
            "Reloaded {} from disk; Undo brings back your version",
            self.doc.display_name()
        );
    }

    /// Forgets what was noticed about the previous document's file.
    pub(super) fn forget_disk(&mut self) {
        self.jobs.cancel(JobKind::LookAtDisk);
        self.files.watch.notice = None;
        self.files.watch.seen = None;
        self.files.watch.last_look = None;
        self.follow_file();
    }

    /// Records that the save just written left the file as `fingerprint`.
    pub(super) fn saved_on_disk(&mut self, fingerprint: Option<Fingerprint>) {
        self.doc.set_disk(fingerprint);
        self.files.watch.notice = None;
        self.files.watch.seen = None;
        self.follow_file();
    }

    /// The file changed on disk since it was read: the save was not written.
    pub(super) fn found_newer(&mut self, path: &Path, now: Fingerprint) {
        self.files.watch.seen = Some(now);
        self.files.watch.notice = Some(DiskNotice::Changed);
        self.status = "Not saved: the file changed on disk".into();
        self.dialog = Some(Dialog::NewerOnDisk(path.to_owned()));
    }
}
