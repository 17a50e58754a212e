//! Saving scenario files: canonical RON, written atomically.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::problem::SaveError;
use crate::model::Scenario;

/// How Concord writes RON: the canonical layout.
fn canonical() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(true)
        .depth_limit(4)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// The scenario with its `format` set to the oldest format that holds it (copied only
/// when it is not set so already).
fn in_needed_format(scenario: &Scenario) -> std::borrow::Cow<'_, Scenario> {
    // A large dataset's plain cells are written as coded rows (format 4).
    if let Some(coded) = scenario.with_coded_rows() {
        return std::borrow::Cow::Owned(coded);
    }
    let needed = scenario.needed_format();
    if scenario.format == needed {
        std::borrow::Cow::Borrowed(scenario)
    } else {
        let mut copy = scenario.clone();
        copy.format = needed;
        std::borrow::Cow::Owned(copy)
    }
}

/// The scenario as canonical RON text: same scenario, same bytes.
pub fn to_ron_string(scenario: &Scenario) -> Result<String, SaveError> {
    let scenario = in_needed_format(scenario);
    let mut text = ron::Options::default()
        .to_string_pretty(&*scenario, canonical())
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Saves `scenario` to `path` atomically: the canonical text (the bytes of
/// [`to_ron_string`]) is written straight into a temporary file in the same folder, which
/// is synced, then renamed over `path`. On any error `path` is left as it was. Writing as
/// it serialises spares holding a second copy of a large scenario in memory.
pub fn save_path(scenario: &Scenario, path: &Path) -> Result<(), SaveError> {
    let scenario = &*in_needed_format(scenario);
    write_atomically_with(path, |file| {
        let mut out = KeepsError {
            inner: BufWriter::with_capacity(1 << 20, file),
            error: None,
        };
        let serialised =
            ron::Options::default().to_io_writer_pretty(&mut out, scenario, canonical());
        if let Err(e) = serialised {
            // RON keeps only the message of a write error; the kind says why in words.
            return Err(out
                .error
                .take()
                .unwrap_or_else(|| std::io::Error::other(format!("cannot write it as RON: {e}"))));
        }
        out.write_all(b"\n")?;
        out.flush()
    })
}

/// A writer that keeps the first error it met, whose kind RON's error would lose.
struct KeepsError<W> {
    inner: W,
    error: Option<std::io::Error>,
}

impl<W: Write> KeepsError<W> {
    fn keep<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        result.inspect_err(|e| {
            if self.error.is_none() {
                self.error = Some(std::io::Error::new(e.kind(), e.to_string()));
            }
        })
    }
}

impl<W: Write> Write for KeepsError<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(buf);
        self.keep(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let flushed = self.inner.flush();
        self.keep(flushed)
    }
}

/// Saves `scenario` to `path` atomically, its cells in canonical order, without changing
/// it (a copy is sorted when the cells are out of order). For a worker holding a shared
/// snapshot of the document.
pub fn save_canonical(scenario: &Scenario, path: &Path) -> Result<(), SaveError> {
    if scenario.scores_in_order() {
        return save_path(scenario, path);
    }
    let mut sorted = scenario.clone();
    sorted.sort_scores();
    save_path(&sorted, path)
}

/// Replaces the file at `path` with `bytes`, or leaves it untouched on error.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

thread_local! {
    /// A refusal the next writes on this thread meet (the seam tests inject disk failures
    /// through): which step fails, and how.
    static INJECTED: std::cell::RefCell<Option<(&'static str, std::io::ErrorKind)>> =
        const { std::cell::RefCell::new(None) };
}

/// Makes the writes of this thread fail at `step` ("create", "write", "sync" or
/// "rename") with `kind`, until called again with `None`. For tests of what a save says
/// when the disk says no.
pub fn inject_write_failure(failure: Option<(&'static str, std::io::ErrorKind)>) {
    INJECTED.with(|i| *i.borrow_mut() = failure);
}

/// The failure injected for `step`, if any.
fn injected(step: &str) -> std::io::Result<()> {
    INJECTED.with(|i| match *i.borrow() {
        Some((at, kind)) if at == step => Err(std::io::Error::from(kind)),
        _ => Ok(()),
    })
}

/// Replaces the file at `path` with what `write` writes into a temporary file in the same
/// folder; the temporary file is synced and renamed over `path` only if `write` succeeds.
/// On any error `path` is untouched and the temporary file is removed.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let err = |action: &'static str| {
        move |source: std::io::Error| SaveError::Io {
            path: path.to_owned(),
            action,
            source,
        }
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let tmp = temp_path(&dir, path);
    let mut file = injected("create")
        .and_then(|()| File::options().write(true).create_new(true).open(&tmp))
        .map_err(err("creating a temporary file in the same folder"))?;
    let written = (|| {
        injected("write")
            .and_then(|()| write(&mut file))
            .map_err(err("writing the temporary file"))?;
        injected("sync")
            .and_then(|()| file.sync_all())
            .map_err(err("flushing the temporary file"))?;
        if let Ok(meta) = fs::metadata(path) {
            // Keep the permissions of the file being replaced.
            let _ = fs::set_permissions(&tmp, meta.permissions());
        }
        // Closed before the rename (Windows cannot rename an open file).
        #[cfg_attr(target_arch = "wasm32", allow(clippy::drop_non_drop))]
        drop(file);
        injected("rename")
            .and_then(|()| fs::rename(&tmp, path))
            .map_err(err("replacing the file"))
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    } else {
        if let Ok(d) = File::open(&dir) {
            // Make the rename itself durable; not every platform can sync a folder.
            let _ = d.sync_all();
        }
        remove_stale_temps(&dir, path, STALE_AFTER);
    }
    written
}

/// A temporary file of a save older than this, whose process is gone, was left by a save
/// that was killed.
pub const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temporary files that killed saves of `target` left in `dir`: Concord's name
/// for them, a process no longer running (where that can be known), and older than
/// `min_age`. Returns how many went.
pub fn remove_stale_temps(dir: &Path, target: &Path, min_age: std::time::Duration) -> usize {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return 0;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, n)| n.parse::<u32>().ok().and(pid.parse::<u32>().ok()))
        else {
            continue;
        };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= min_age);
        if old
            && pid != std::process::id()
            && !process_running(pid)
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Whether process `pid` is running, where the system says (Linux); elsewhere it is
/// assumed to be, and its files are left alone.
fn process_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

fn temp_path(dir: &Path, target: &Path) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "scenario".to_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()))
}
