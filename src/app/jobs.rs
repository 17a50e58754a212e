//! The job runner: every piece of background work starts here, keyed to the document it was
//! started for. What a job gives back returns through `AppState::update` as a message
//! (`Msg::Job`), and a result for another document is dropped in one place
//! (`AppState::job_done`). Natively a job runs on a thread; in a browser, and in tests that
//! ask, at once or a slice at a time between frames (`platform::Task`).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, TryRecvError};
use std::sync::Arc;

use super::DocKey;
use crate::platform::{Slices, Task};

/// The kinds of background work; at most one of each runs at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// Writing the document to its file.
    Save,
    /// Writing an export.
    Export,
    /// Reading students' files for a class round.
    StudentsFiles,
    /// Writing the crash-recovery copy.
    RecoveryCopy,
    /// Looking for work left by a session that did not end cleanly.
    RecoveryLookup,
    /// Looking at the document's file on disk (changed elsewhere? open in another window?).
    LookAtDisk,
    /// "Everyone at once" for a large scenario.
    Everyone,
    /// Rank acceptability (Monte Carlo draws).
    Acceptability,
    /// The class round's statistics with the live round's newest answers.
    LiveRound,
}

impl JobKind {
    /// Whether the result says something about the document it was started for only, and
    /// is dropped when another document is open by the time it arrives.
    pub fn belongs_to_document(self) -> bool {
        !matches!(
            self,
            JobKind::Export | JobKind::RecoveryCopy | JobKind::RecoveryLookup
        )
    }
}

/// What a finished job gives back: what to do with its result, applied to the state by
/// `update` (so the runner names none of the rooms whose work it runs).
pub type Apply<S> = Box<dyn FnOnce(&mut S) + Send>;

/// A finished job, as the message that brings its result to `update`.
pub struct Done<S> {
    /// What it was.
    pub kind: JobKind,
    /// The document (and its state) it was started for.
    pub doc: DocKey,
    /// The units of work it was given (students' files).
    pub total: usize,
    /// Its result; `None` when it stopped before it gave one (its thread ended).
    pub apply: Option<Apply<S>>,
}

impl<S> std::fmt::Debug for Done<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Done")
            .field("kind", &self.kind)
            .field("doc", &self.doc)
            .field("lost", &self.apply.is_none())
            .finish()
    }
}

/// What the job runner is told.
pub enum JobMsg<S> {
    /// A job finished (boxed: the message stays small).
    Done(Box<Done<S>>),
    /// Stop a job: it gives what it has (students' files) or nothing.
    Cancel(JobKind),
}

impl<S> std::fmt::Debug for JobMsg<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JobMsg::Done(done) => done.fmt(f),
            JobMsg::Cancel(kind) => write!(f, "Cancel({kind:?})"),
        }
    }
}

/// Shared with a running job: how far it has got, and whether it should stop.
#[derive(Clone, Debug, Default)]
pub struct Control {
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
}

impl Control {
    /// Records that `n` units of work are done.
    pub fn progress(&self, n: usize) {
        self.done.store(n, Ordering::Relaxed);
    }

    /// True once the job has been asked to stop.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The flag a long computation polls to stop early.
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel)
    }

    /// The counter a long computation advances.
    pub fn counter(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.done)
    }
}

/// Where a running job's result will come from (`None`: it ended without one).
enum Source<S> {
    Thread(Receiver<Apply<S>>),
    Task(Task<Apply<S>>),
    Ready(Option<Apply<S>>),
}

struct Running<S> {
    kind: JobKind,
    doc: DocKey,
    total: usize,
    control: Control,
    source: Source<S>,
}

/// The jobs under way, whose results apply to a state of type `S`.
pub struct Jobs<S> {
    running: Vec<Running<S>>,
}

impl<S> Default for Jobs<S> {
    fn default() -> Self {
        Self {
            running: Vec::new(),
        }
    }
}

impl<S: 'static> Jobs<S> {
    /// Starts `work` for the document `doc`: on a thread, or at once where jobs run inline.
    /// A job of the same kind still running is cancelled and its result never delivered.
    /// `total` counts the units its progress goes up to (0 when it reports none).
    pub fn start(
        &mut self,
        kind: JobKind,
        doc: DocKey,
        total: usize,
        work: impl FnOnce(&Control) -> Apply<S> + Send + 'static,
    ) -> Result<(), String> {
        self.cancel(kind);
        let control = Control::default();
        let source = if crate::platform::jobs_run_inline() {
            Source::Ready(Some(work(&control)))
        } else {
            let (tx, rx) = channel();
            let on_thread = control.clone();
            crate::platform::spawn(&format!("{kind:?}"), move || {
                let _ = tx.send(work(&on_thread));
            })?;
            Source::Thread(rx)
        };
        self.running.push(Running {
            kind,
            doc,
            total,
            control,
            source,
        });
        Ok(())
    }

    /// Starts long work made of slices (an analysis): on a thread natively, a few slices per
    /// frame in a browser. `make` gets the job's control to report progress and see cancels.
    pub fn start_slices<W: Slices<Output = Apply<S>>>(
        &mut self,
        kind: JobKind,
        doc: DocKey,
        total: usize,
        make: impl FnOnce(&Control) -> W,
    ) {
        self.cancel(kind);
        let control = Control::default();
        let task = Task::start(&format!("{kind:?}"), make(&control));
        self.running.push(Running {
            kind,
            doc,
            total,
            control,
            source: Source::Task(task),
        });
    }

    /// Takes every job that has finished (called once per frame, before the messages).
    pub fn poll(&mut self) -> Vec<Done<S>> {
        let mut done = Vec::new();
        let mut i = 0;
        while i < self.running.len() {
            let r = &mut self.running[i];
            let finished = match &mut r.source {
                Source::Ready(f) => Some(f.take()),
                Source::Thread(rx) => match rx.try_recv() {
                    Ok(f) => Some(Some(f)),
                    Err(TryRecvError::Empty) => None,
                    Err(TryRecvError::Disconnected) => Some(None),
                },
                Source::Task(task) => task.poll().map(Some),
            };
            match finished {
                Some(apply) => {
                    let r = self.running.remove(i);
                    done.push(Done {
                        kind: r.kind,
                        doc: r.doc,
                        total: r.total,
                        apply,
                    });
                }
                None => i += 1,
            }
        }
        done
    }

    /// Waits for the job of `kind` to finish and takes its result (before a save starts
    /// again, the window closes, or the recovery copy is removed).
    pub fn wait(&mut self, kind: JobKind) -> Option<Done<S>> {
        let at = self.running.iter().position(|r| r.kind == kind)?;
        let mut r = self.running.remove(at);
        let apply = match r.source {
            Source::Ready(f) => f,
            Source::Thread(rx) => rx.recv().ok(),
            Source::Task(ref mut task) => loop {
                if let Some(f) = task.poll() {
                    break Some(f);
                }
            },
        };
        Some(Done {
            kind: r.kind,
            doc: r.doc,
            total: r.total,
            apply,
        })
    }

    /// Asks the job of `kind` to stop and forgets it: its result is never delivered.
    pub fn cancel(&mut self, kind: JobKind) {
        self.running.retain(|r| {
            if r.kind == kind {
                r.control.cancel.store(true, Ordering::Relaxed);
            }
            r.kind != kind
        });
    }

    /// Asks the job of `kind` to stop and give what it has (its result still comes).
    pub fn ask_to_stop(&self, kind: JobKind) {
        for r in self.running.iter().filter(|r| r.kind == kind) {
            r.control.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// True while a job of `kind` runs.
    pub fn is_running(&self, kind: JobKind) -> bool {
        self.running.iter().any(|r| r.kind == kind)
    }

    /// The document state the job of `kind` was started for, while it runs.
    pub fn started_for(&self, kind: JobKind) -> Option<DocKey> {
        self.running.iter().find(|r| r.kind == kind).map(|r| r.doc)
    }

    /// Units done and in all, while the job of `kind` runs.
    pub fn progress(&self, kind: JobKind) -> Option<(usize, usize)> {
        self.running
            .iter()
            .find(|r| r.kind == kind)
            .map(|r| (r.control.done.load(Ordering::Relaxed), r.total))
    }

    /// True while any job runs (the window looks again shortly: a thread cannot wake it).
    pub fn any(&self) -> bool {
        !self.running.is_empty()
    }

    /// True while a job advances only when polled (in a browser): the next frame is due at
    /// once.
    pub fn needs_frames(&self) -> bool {
        self.running
            .iter()
            .any(|r| matches!(r.source, Source::Task(_)))
            && crate::platform::tasks_run_in_slices()
    }
}
