//! Crash recovery: unsaved work is copied to a recovery file every few seconds, so a crash
//! or a kill loses at most those seconds. The copy is removed when the work is saved or
//! deliberately discarded, and offered back at the next start if it is still there.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::jobs::JobKind;
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

/// This session's recovery copy in a folder shared by every Concord window. Each session
/// writes its own files (`recovery-<session>.ron` and the note `recovery-<session>.txt`)
/// and holds a lock (`session-<session>.lock`) while it runs, so windows never overwrite
/// each other's copies, and a copy whose session's lock nobody holds was left by a crash.
/// Copies are written on a worker thread, so a large scenario never stalls the window.
#[derive(Clone, Debug)]
pub struct Recovery {
    dir: PathBuf,
    /// This session's name in file names.
    session: String,
    /// The lock that marks this session as running; released by the system if it dies.
    _alive: Option<Arc<crate::io::lock::Held>>,
    /// The document state the last copy holds, and the live round's answers with it (the
    /// room's version; 0 without a round).
    last_version: Option<(DocKey, u64)>,
    last_write: Option<Instant>,
    /// Since when the work has had changes that no copy holds.
    uncopied_since: Option<Instant>,
}

/// A recovery copy to write, on the job runner (`JobKind::RecoveryCopy`).
pub struct CopyWork {
    copy: PathBuf,
    scenario: Arc<Scenario>,
    original: Option<PathBuf>,
}

impl CopyWork {
    /// Writes the copy and the note of where the work belongs.
    pub fn write(self) -> Result<(), String> {
        write_files(&self.copy, &self.scenario, self.original.as_deref()).map_err(|e| e.to_string())
    }
}

/// Work found from an earlier session.
#[derive(Clone, Debug)]
pub struct Recovered {
    /// The scenario as it was.
    pub scenario: Scenario,
    /// The file it belonged to, if it had one.
    pub original: Option<PathBuf>,
    /// The recovery copy it was read from.
    pub copy: PathBuf,
}

const SESSION_LOCK: &str = "session-";

/// The note of where the work in `copy` belongs (`recovery-X.txt` for `recovery-X.ron`;
/// `recovery-original.txt` for the single copy of Concord 0.1).
fn note_of(copy: &Path) -> PathBuf {
    if copy.file_name().is_some_and(|n| n == "recovery.ron") {
        copy.with_file_name("recovery-original.txt")
    } else {
        copy.with_extension("txt")
    }
}

/// The session that wrote `copy`, from its name; `Some("")` for Concord 0.1's single
/// copy; `None` when it is not a recovery copy (or is one set aside).
fn session_of(copy: &Path) -> Option<&str> {
    let name = copy.file_name()?.to_str()?;
    if name == "recovery.ron" {
        return Some("");
    }
    let session = name.strip_prefix("recovery-")?.strip_suffix(".ron")?;
    (!session.starts_with("unreadable")).then_some(session)
}

/// Writes the copy and the note of where the work belongs.
fn write_files(copy: &Path, scenario: &Scenario, original: Option<&Path>) -> Result<(), SaveError> {
    if let Some(dir) = copy.parent() {
        std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
            path: dir.to_owned(),
            action: "creating the recovery folder",
            source,
        })?;
    }
    save_canonical(scenario, copy)?;
    let text = original
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    crate::io::write_atomically(&note_of(copy), text.as_bytes())
}

impl Recovery {
    /// A new session whose copies live in `dir` (created when first needed).
    pub fn new(dir: PathBuf) -> Self {
        let alive = crate::io::lock::Held::take(&dir, SESSION_LOCK).ok();
        let session = alive.as_ref().map_or_else(
            // Without a lock (a folder that refuses one) the copy still gets its own name.
            || {
                let ms = crate::platform::unix_time_ms().unwrap_or_default() as u64;
                format!("{}-t{ms}", std::process::id())
            },
            |held| held.name_after(SESSION_LOCK),
        );
        Self {
            dir,
            session,
            _alive: alive.map(Arc::new),
            last_version: None,
            last_write: None,
            uncopied_since: None,
        }
    }

    /// This session's recovery copy (there only while it has unsaved work).
    pub fn copy_path(&self) -> PathBuf {
        self.dir.join(format!("recovery-{}.ron", self.session))
    }

    /// The copy to write now, if the work changed since the last copy and the interval has
    /// passed (for a large scenario, once the user is not `busy` dragging or typing). A
    /// clean document's copy is removed instead (the caller waits for a copy in flight
    /// first: see `AppState::clear_recovery`).
    pub fn tick(
        &mut self,
        scenario: Arc<Scenario>,
        original: Option<&Path>,
        version: (DocKey, u64),
        dirty: bool,
        busy: bool,
    ) -> Option<CopyWork> {
        if !dirty {
            self.uncopied_since = None;
            if self.last_version.is_some() {
                self.clear();
            }
            return None;
        }
        if self.last_version == Some(version) {
            return None;
        }
        let uncopied_since = *self.uncopied_since.get_or_insert_with(Instant::now);
        if self.last_write.is_some_and(|t| t.elapsed() < INTERVAL) {
            return None;
        }
        if waits_for_pause(busy, scenario.scores.len(), uncopied_since.elapsed()) {
            return None;
        }
        self.last_version = Some(version);
        self.last_write = Some(Instant::now());
        self.uncopied_since = None;
        Some(CopyWork {
            copy: self.copy_path(),
            scenario,
            original: original.map(Path::to_owned),
        })
    }

    /// Removes this session's recovery copy (the work was saved or discarded).
    pub fn clear(&mut self) {
        let copy = self.copy_path();
        let _ = std::fs::remove_file(&copy);
        let _ = std::fs::remove_file(note_of(&copy));
        self.last_version = None;
        self.last_write = None;
        self.uncopied_since = None;
    }

    /// Moves a recovery copy that cannot be read out of the way, under a name no later copy
    /// takes (`recovery-unreadable-N.ron`); returns where it went.
    pub fn set_aside(&self, copy: &Path) -> Result<PathBuf, String> {
        let to = (1..)
            .map(|n| self.dir.join(format!("recovery-unreadable-{n}.ron")))
            .find(|p| !p.exists())
            .unwrap_or_else(|| self.dir.join("recovery-unreadable.ron"));
        std::fs::rename(copy, &to)
            .map(|()| to)
            .map_err(|e| format!("it could not be moved aside: {e}"))
    }

    /// Makes the copy of restored work this session's own: it stays on disk until the
    /// restored work is saved or discarded, and this session's next copies replace it.
    pub fn adopt(&mut self, copy: &Path) {
        let own = self.copy_path();
        if copy != own {
            let _ = std::fs::rename(copy, &own);
            let _ = std::fs::rename(note_of(copy), note_of(&own));
        }
    }

    /// Deletes a copy found from an earlier session (its work was discarded).
    pub fn discard(&self, copy: &Path) {
        if copy != self.copy_path() {
            let _ = std::fs::remove_file(copy);
            let _ = std::fs::remove_file(note_of(copy));
        }
    }

    /// Copies left by sessions that are no longer running, newest first.
    fn orphans(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<(crate::platform::FileTime, PathBuf)> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|copy| {
                session_of(copy).is_some_and(|session| {
                    session != self.session
                        && (session.is_empty()
                            || !crate::io::lock::is_held(
                                &self.dir.join(format!("{SESSION_LOCK}{session}.lock")),
                            ))
                })
            })
            .map(|copy| {
                let time = std::fs::metadata(&copy)
                    .and_then(|m| m.modified())
                    .unwrap_or(crate::platform::FileTime::UNIX_EPOCH);
                (time, copy)
            })
            .collect();
        found.sort_by(|a, b| b.cmp(a));
        found.into_iter().map(|(_, copy)| copy).collect()
    }

    /// Work left by an earlier session that is no longer running (the newest, if several
    /// were), if any: the scenario, or why its copy cannot be read (with the copy's path).
    pub fn find(&self) -> Option<Result<Recovered, (PathBuf, LoadError)>> {
        let copy = self.orphans().into_iter().next()?;
        let original = std::fs::read_to_string(note_of(&copy))
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(PathBuf::from);
        Some(match load_path(&copy) {
            Ok(scenario) => Ok(Recovered {
                scenario,
                original,
                copy,
            }),
            Err(e) => Err((copy, e)),
        })
    }
}

/// What the look-up found: work, or a copy that cannot be read.
pub type Found = Result<Recovered, (PathBuf, LoadError)>;

/// Work left by an earlier session, looked for on a worker (a large copy takes a second to
/// read) so the window opens without waiting for it.
pub(super) struct Lookup {
    /// The recovery folder; copies start only once the look-up is over, so a new copy can
    /// never replace the old work before it was offered.
    recovery: Recovery,
    /// Found, waiting for the dialog in the way to close (`None` while it is looked for).
    waiting: Option<Option<Found>>,
}

impl super::AppState {
    /// Looks for work left in `dir` by a session that did not end cleanly, on a worker;
    /// it is offered when it is ready.
    pub fn look_for_recovered_work(&mut self, dir: PathBuf) {
        let recovery = Recovery::new(dir);
        let probe = recovery.clone();
        let started = self
            .jobs
            .start(JobKind::RecoveryLookup, self.doc.key(), 0, move |_| {
                let found = probe.find();
                Box::new(move |app: &mut super::AppState| app.recovery_found(found))
            });
        if let Err(e) = started {
            self.status = format!("Recovery copies are off: {e}");
            return;
        }
        self.files.recovery_lookup = Some(Lookup {
            recovery,
            waiting: None,
        });
        self.take_finished_jobs();
    }

    /// True while the look-up for earlier work is still running.
    pub fn is_looking_for_recovered_work(&self) -> bool {
        self.files.recovery_lookup.is_some()
    }

    /// Takes in what the look-up found.
    pub(super) fn recovery_found(&mut self, found: Option<Found>) {
        if let Some(lookup) = &mut self.files.recovery_lookup {
            lookup.waiting = Some(found);
        }
        self.offer_recovered();
    }

    /// Offers work found by the look-up once no other dialog is open (every frame).
    pub(super) fn offer_recovered(&mut self) {
        let found = self
            .files
            .recovery_lookup
            .as_ref()
            .is_some_and(|l| l.waiting.is_some());
        // Restoring replaces the document: not while a live round runs for it (offered
        // once the round is closed).
        if self.dialog.is_some() || !found || self.live_here() {
            return;
        }
        let Some(lookup) = self.files.recovery_lookup.take() else {
            return;
        };
        match lookup.waiting.flatten() {
            Some(Ok(found)) => self.dialog = Some(super::Dialog::Recover(found)),
            Some(Err((copy, e))) => {
                // Kept aside, never loaded and never overwritten: it may still hold work
                // someone can read by hand.
                let first = e.lines().into_iter().next().unwrap_or_default();
                self.status = match lookup.recovery.set_aside(&copy) {
                    Ok(kept) => format!(
                        "A recovery copy could not be read ({first}); it is kept as {}",
                        kept.display()
                    ),
                    Err(why) => format!("A recovery copy could not be read ({first}): {why}"),
                };
            }
            None => {}
        }
        self.files.recovery = Some(lookup.recovery);
    }

    /// Copies unsaved work for recovery when it is due (`busy`: the user is dragging or
    /// typing).
    pub(super) fn tick_recovery(&mut self, busy: bool) {
        if self.files.close_confirmed {
            // The user chose to quit without saving: the work is discarded, not kept.
            return;
        }
        // A live round's answers are unsaved work too: a crash mid-round keeps them.
        let live = self.live_unsaved();
        let unsaved = self.doc.is_dirty() || live.is_some();
        if !unsaved {
            // Removing the copy: one still being written would come back after it.
            self.finish_job(JobKind::RecoveryCopy);
        }
        let Some(r) = self.files.recovery.as_mut() else {
            return;
        };
        if self.jobs.is_running(JobKind::RecoveryCopy) {
            return; // the previous copy is still being written; try at the next tick
        }
        let doc = &self.doc;
        let (scenario, answers) = match live {
            Some((version, with_answers)) => (Arc::new(with_answers), version),
            None => (doc.snapshot(), 0),
        };
        let Some(work) = r.tick(
            scenario,
            doc.path.as_deref(),
            (doc.key(), answers),
            unsaved,
            busy,
        ) else {
            return;
        };
        let started = self
            .jobs
            .start(JobKind::RecoveryCopy, self.doc.key(), 0, move |_| {
                let written = work.write();
                Box::new(move |app: &mut super::AppState| {
                    if let Err(e) = written {
                        app.status = format!("Recovery copy not written: {e}");
                    }
                })
            });
        if let Err(e) = started {
            self.status = format!("Recovery copy not written: could not start writing it: {e}");
        }
    }

    /// When to tick again, while there is unsaved work to copy.
    pub fn next_recovery_tick(&self) -> Option<Duration> {
        let unsaved = self.doc.is_dirty() || self.live_here();
        (self.files.recovery.is_some() && unsaved && !self.files.close_confirmed)
            .then_some(INTERVAL)
    }

    /// Removes this session's recovery copy, once a copy being written is on disk.
    pub(super) fn clear_recovery(&mut self) {
        self.finish_job(JobKind::RecoveryCopy);
        if let Some(r) = &mut self.files.recovery {
            r.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirty_copy(r: &mut Recovery, s: &Scenario, original: Option<&Path>) {
        let key = crate::app::Document::new(s.clone(), None).key();
        if let Some(work) = r.tick(Arc::new(s.clone()), original, (key, 0), true, false) {
            work.write().unwrap();
        }
    }

    #[test]
    fn writes_when_dirty_and_clears_when_clean() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Recovery::new(dir.path().to_owned());
        let s = crate::synth::scenario(2, 2, 1);
        dirty_copy(&mut r, &s, Some(Path::new("/x/y.ron")));
        assert!(r.copy_path().exists());
        let key = crate::app::Document::new(s.clone(), None).key();
        assert!(r
            .tick(Arc::new(s.clone()), None, (key, 0), false, false)
            .is_none());
        assert!(!r.copy_path().exists(), "a clean document needs no copy");
    }

    #[test]
    fn a_copy_is_offered_only_once_its_session_has_ended() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Recovery::new(dir.path().to_owned());
        let s = crate::synth::scenario(2, 2, 1);
        dirty_copy(&mut r, &s, Some(Path::new("/x/y.ron")));
        let later = Recovery::new(dir.path().to_owned());
        assert!(later.find().is_none(), "its window is still open");
        // The session ends without clearing: what a crash leaves.
        drop(r);
        let found = later.find().expect("a copy").expect("loads");
        assert_eq!(found.scenario, s);
        assert_eq!(found.original, Some(PathBuf::from("/x/y.ron")));
    }

    #[test]
    fn two_windows_keep_their_own_copies() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, mut b) = (
            Recovery::new(dir.path().to_owned()),
            Recovery::new(dir.path().to_owned()),
        );
        let (sa, sb) = (
            crate::synth::scenario(2, 2, 1),
            crate::synth::scenario(3, 2, 2),
        );
        dirty_copy(&mut a, &sa, None);
        dirty_copy(&mut b, &sb, None);
        assert_ne!(a.copy_path(), b.copy_path());
        drop((a, b));
        let mut later = Recovery::new(dir.path().to_owned());
        let mut found = Vec::new();
        while let Some(Ok(r)) = later.find() {
            later.discard(&r.copy);
            found.push(r.scenario);
        }
        assert_eq!(found.len(), 2, "both windows' work is there");
        assert!(found.contains(&sa) && found.contains(&sb));
        later.clear();
    }

    #[test]
    fn the_single_copy_of_an_earlier_version_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let s = crate::synth::scenario(2, 2, 1);
        crate::io::save_path(&s, &dir.path().join("recovery.ron")).unwrap();
        std::fs::write(dir.path().join("recovery-original.txt"), "/a/b.ron").unwrap();
        let mut r = Recovery::new(dir.path().to_owned());
        let found = r.find().expect("found").expect("loads");
        assert_eq!(found.original, Some(PathBuf::from("/a/b.ron")));
        r.adopt(&found.copy);
        assert!(r.copy_path().exists() && !found.copy.exists());
        r.clear();
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "only the session lock"
        );
    }

    #[test]
    fn a_large_scenario_is_copied_when_the_user_pauses() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Recovery::new(dir.path().to_owned());
        let s = crate::synth::scenario(101, 200, 1);
        assert!(s.scores.len() > LARGE_CELLS);
        let key = crate::app::Document::new(s.clone(), None).key();
        assert!(
            r.tick(Arc::new(s.clone()), None, (key, 0), true, true)
                .is_none(),
            "not while dragging"
        );
        r.tick(Arc::new(s.clone()), None, (key, 0), true, false)
            .expect("due at the pause")
            .write()
            .unwrap();
        assert!(r.copy_path().exists(), "copied at the pause");
        r.clear();
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
