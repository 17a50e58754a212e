//! Crash recovery: unsaved work is copied to a recovery file every few seconds, so a crash
//! or a kill loses at most those seconds. The copy is removed when the work is saved or
//! deliberately discarded, and offered back at the next start if it is still there.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, TryRecvError};
use std::sync::{Arc, Condvar, Mutex};

use super::DocKey;
use crate::io::{load_path, save_canonical, LoadError, SaveError};
use crate::model::Scenario;
use crate::platform::{Duration, Instant};

/// How often unsaved work is copied.
pub const INTERVAL: Duration = Duration::from_secs(3);

/// Scenarios with more cells than this take a visible moment to copy (about 0.1 s per
/// 500,000 cells), so their copy waits for a pause in the user's drag or typing…
pub const LARGE_CELLS: usize = 20_000;

/// …unless the work has waited this long for a copy.
pub const OVERDUE: Duration = Duration::from_secs(15);

/// True when a copy should wait: the user is busy, the copy would stall the window, and
/// the work has not waited too long.
pub fn waits_for_pause(busy: bool, cells: usize, waited: Duration) -> bool {
    busy && cells > LARGE_CELLS && waited < OVERDUE
}

/// The recovery file in a folder, and the note of which file the work belonged to.
/// Copies are written on a worker thread, so a large scenario never stalls the window.
#[derive(Clone, Debug)]
pub struct Recovery {
    dir: PathBuf,
    /// The document state the last copy holds.
    last_version: Option<DocKey>,
    last_write: Option<Instant>,
    /// Since when the work has had changes that no copy holds.
    uncopied_since: Option<Instant>,
    /// Copies being written (0 or 1); clearing and flushing wait for them.
    writing: Arc<(Mutex<usize>, Condvar)>,
    /// Why the last background write failed, until reported.
    failed: Arc<Mutex<Option<String>>>,
}

/// Work found from an earlier session.
#[derive(Clone, Debug)]
pub struct Recovered {
    /// The scenario as it was.
    pub scenario: Scenario,
    /// The file it belonged to, if it had one.
    pub original: Option<PathBuf>,
}

fn file(dir: &Path) -> PathBuf {
    dir.join("recovery.ron")
}

fn note(dir: &Path) -> PathBuf {
    dir.join("recovery-original.txt")
}

/// Writes the copy and the note of where the work belongs.
fn write_files(dir: &Path, scenario: &Scenario, original: Option<&Path>) -> Result<(), SaveError> {
    std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
        path: dir.to_owned(),
        action: "creating the recovery folder",
        source,
    })?;
    save_canonical(scenario, &file(dir))?;
    let text = original
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    crate::io::write_atomically(&note(dir), text.as_bytes())
}

/// Marks a copy as written and wakes whoever waits for it.
fn written(writing: &(Mutex<usize>, Condvar)) {
    if let Ok(mut pending) = writing.0.lock() {
        *pending = pending.saturating_sub(1);
    }
    writing.1.notify_all();
}

impl Recovery {
    /// Recovery files live in `dir` (created when first needed).
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            last_version: None,
            last_write: None,
            uncopied_since: None,
            writing: Arc::default(),
            failed: Arc::default(),
        }
    }

    /// Starts copying the work if it changed since the last copy and the interval has passed
    /// (for a large scenario, once the user is not `busy` dragging or typing); returns the
    /// error of an earlier copy that failed, once.
    pub fn tick(
        &mut self,
        scenario: Arc<Scenario>,
        original: Option<&Path>,
        version: DocKey,
        dirty: bool,
        busy: bool,
    ) -> Result<(), String> {
        if let Some(e) = self.failed.lock().ok().and_then(|mut f| f.take()) {
            return Err(e);
        }
        if !dirty {
            self.uncopied_since = None;
            if self.last_version.is_some() {
                self.clear();
            }
            return Ok(());
        }
        if self.last_version == Some(version) {
            return Ok(());
        }
        let uncopied_since = *self.uncopied_since.get_or_insert_with(Instant::now);
        if self.last_write.is_some_and(|t| t.elapsed() < INTERVAL) {
            return Ok(());
        }
        if waits_for_pause(busy, scenario.scores.len(), uncopied_since.elapsed()) {
            return Ok(());
        }
        {
            let Ok(mut pending) = self.writing.0.lock() else {
                return Ok(());
            };
            if *pending > 0 {
                return Ok(()); // the previous copy is still being written; try next frame
            }
            *pending += 1;
        }
        let (dir, copy, original) = (self.dir.clone(), scenario, original.map(Path::to_owned));
        let (writing, failed) = (self.writing.clone(), self.failed.clone());
        let worker_writing = writing.clone();
        let spawned = crate::platform::spawn("recovery", move || {
            if let Err(e) = write_files(&dir, &copy, original.as_deref()) {
                if let Ok(mut f) = failed.lock() {
                    *f = Some(e.to_string());
                }
            }
            written(&worker_writing);
        });
        if let Err(e) = spawned {
            written(&writing);
            return Err(format!("could not start writing the recovery copy: {e}"));
        }
        self.last_version = Some(version);
        self.last_write = Some(Instant::now());
        self.uncopied_since = None;
        Ok(())
    }

    /// Waits until a copy being written is on disk.
    pub fn flush(&self) {
        let (lock, done) = &*self.writing;
        if let Ok(pending) = lock.lock() {
            drop(done.wait_while(pending, |n| *n > 0));
        }
    }

    /// Removes the recovery copy (the work was saved or discarded).
    pub fn clear(&mut self) {
        // A copy being written would come back after the removal: wait for it first.
        self.flush();
        let _ = std::fs::remove_file(file(&self.dir));
        let _ = std::fs::remove_file(note(&self.dir));
        self.last_version = None;
        self.last_write = None;
        self.uncopied_since = None;
    }

    /// Moves a recovery copy that cannot be read out of the way, under a name no later copy
    /// takes (`recovery-unreadable-N.ron`); returns where it went.
    pub fn set_aside(&self) -> Result<PathBuf, String> {
        let from = file(&self.dir);
        let to = (1..)
            .map(|n| self.dir.join(format!("recovery-unreadable-{n}.ron")))
            .find(|p| !p.exists())
            .unwrap_or_else(|| self.dir.join("recovery-unreadable.ron"));
        std::fs::rename(&from, &to)
            .map(|()| to)
            .map_err(|e| format!("it could not be moved aside: {e}"))
    }

    /// Work left by an earlier session, if any.
    pub fn find(&self) -> Option<Result<Recovered, LoadError>> {
        let file = file(&self.dir);
        if !file.exists() {
            return None;
        }
        let original = std::fs::read_to_string(note(&self.dir))
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(PathBuf::from);
        Some(load_path(&file).map(|scenario| Recovered { scenario, original }))
    }
}

/// Work left by an earlier session being looked for on a worker (a large copy takes a
/// second to read), so the window opens without waiting for it.
pub(super) struct Lookup {
    /// The recovery folder; copies start only once the look-up is over, so a new copy can
    /// never replace the old work before it was offered.
    recovery: Recovery,
    /// What the worker found.
    found: Receiver<Option<Result<Recovered, LoadError>>>,
    /// Found, waiting for the dialog in the way to close.
    waiting: Option<Option<Result<Recovered, LoadError>>>,
}

impl super::AppState {
    /// Looks for work left in `dir` by a session that did not end cleanly, on a worker;
    /// `poll_recovery` offers it when it is ready.
    pub fn look_for_recovered_work(&mut self, dir: PathBuf) {
        let recovery = Recovery::new(dir);
        let (tx, found) = channel();
        let probe = recovery.clone();
        let spawned = crate::platform::spawn("recovery-lookup", move || {
            let _ = tx.send(probe.find());
        });
        if let Err(e) = spawned {
            self.status = format!("Recovery copies are off: {e}");
            return;
        }
        self.recovery_lookup = Some(Lookup {
            recovery,
            found,
            waiting: None,
        });
        self.poll_recovery();
    }

    /// True while the look-up for earlier work is still running.
    pub fn is_looking_for_recovered_work(&self) -> bool {
        self.recovery_lookup.is_some()
    }

    /// Offers work found by the look-up once it is ready and no other dialog is open.
    pub fn poll_recovery(&mut self) {
        let Some(lookup) = &mut self.recovery_lookup else {
            return;
        };
        if lookup.waiting.is_none() {
            match lookup.found.try_recv() {
                Ok(found) => lookup.waiting = Some(found),
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => lookup.waiting = Some(None),
            }
        }
        if self.dialog.is_some() {
            return;
        }
        let Some(lookup) = self.recovery_lookup.take() else {
            return;
        };
        match lookup.waiting.flatten() {
            Some(Ok(found)) => self.dialog = Some(super::Dialog::Recover(found)),
            Some(Err(e)) => {
                // Kept aside, not overwritten by this session's first copy: it may still
                // hold work someone can read by hand.
                let first = e.lines().into_iter().next().unwrap_or_default();
                self.status = match lookup.recovery.set_aside() {
                    Ok(kept) => format!(
                        "A recovery copy could not be read ({first}); it is kept as {}",
                        kept.display()
                    ),
                    Err(why) => format!("A recovery copy could not be read ({first}): {why}"),
                };
            }
            None => {}
        }
        self.recovery = Some(lookup.recovery);
    }

    /// Copies unsaved work for recovery when it is due (`busy`: the user is dragging or
    /// typing). Returns when to look again, while there is unsaved work.
    pub fn tick_recovery(&mut self, busy: bool) -> Option<Duration> {
        if self.close_confirmed {
            // The user chose to quit without saving: the work is discarded, not kept.
            return None;
        }
        let r = self.recovery.as_mut()?;
        let doc = &self.doc;
        if let Err(e) = r.tick(
            doc.snapshot(),
            doc.path.as_deref(),
            doc.key(),
            doc.is_dirty(),
            busy,
        ) {
            self.status = format!("Recovery copy not written: {e}");
        }
        self.doc.is_dirty().then_some(INTERVAL)
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
        let key = crate::app::Document::new(s.clone(), None).key();
        r.tick(
            Arc::new(s.clone()),
            Some(Path::new("/x/y.ron")),
            key,
            true,
            false,
        )
        .unwrap();
        r.flush();
        let found = r.find().expect("a copy").expect("loads");
        assert_eq!(found.scenario, s);
        assert_eq!(found.original, Some(PathBuf::from("/x/y.ron")));
        r.tick(Arc::new(s.clone()), None, key, false, false)
            .unwrap();
        assert!(r.find().is_none());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_large_scenario_is_copied_when_the_user_pauses() {
        let dir =
            std::env::temp_dir().join(format!("concord-recovery-large-{}", std::process::id()));
        let mut r = Recovery::new(dir.clone());
        let s = crate::synth::scenario(101, 200, 1);
        assert!(s.scores.len() > LARGE_CELLS);
        let key = crate::app::Document::new(s.clone(), None).key();
        r.tick(Arc::new(s.clone()), None, key, true, true).unwrap();
        r.flush();
        assert!(r.find().is_none(), "not while dragging");
        r.tick(Arc::new(s.clone()), None, key, true, false).unwrap();
        r.flush();
        assert!(r.find().is_some(), "copied at the pause");
        r.clear();
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn only_large_busy_recent_work_waits() {
        let soon = Duration::from_secs(1);
        assert!(waits_for_pause(true, LARGE_CELLS + 1, soon));
        assert!(!waits_for_pause(false, LARGE_CELLS + 1, soon));
        assert!(!waits_for_pause(true, LARGE_CELLS, soon));
        assert!(!waits_for_pause(true, LARGE_CELLS + 1, OVERDUE));
    }
}
