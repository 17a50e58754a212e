//! The one door to the machine for threads and time, so the web build (which has neither
//! `std::thread` nor `std::time::Instant`: both panic on wasm32) adds its side here and
//! nothing else changes. Native: a named thread per job; the web, and tests that ask for
//! it, run each job inline, to the end, before `spawn` returns.

use std::cell::Cell;

pub use web_time::{Duration, Instant};

thread_local! {
    /// Set by tests (and always on the web) to run the jobs this thread starts inline; per
    /// thread, so tests running side by side do not change each other's mode.
    static INLINE: Cell<bool> = const { Cell::new(cfg!(target_arch = "wasm32")) };
}

/// Runs the background jobs this thread starts inline (true) or on threads (false).
pub fn run_jobs_inline(inline: bool) {
    INLINE.with(|i| i.set(inline || cfg!(target_arch = "wasm32")));
}

/// True when background jobs started from this thread run inline.
pub fn jobs_run_inline() -> bool {
    INLINE.with(Cell::get)
}

/// Runs `job` in the background (named `name` for debuggers), or inline when jobs run
/// inline. The error says why no thread could be started; the job has not run then.
pub fn spawn(name: &str, job: impl FnOnce() + Send + 'static) -> Result<(), String> {
    if jobs_run_inline() {
        job();
        return Ok(());
    }
    spawn_thread(name, job)
}

#[cfg(not(target_arch = "wasm32"))]
fn spawn_thread(name: &str, job: impl FnOnce() + Send + 'static) -> Result<(), String> {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(job)
        .map(drop)
        .map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
fn spawn_thread(_name: &str, job: impl FnOnce() + Send + 'static) -> Result<(), String> {
    job();
    Ok(())
}

/// Milliseconds since the Unix epoch, for a start-up time measured across processes
/// (`benches/startup.sh` passes the launch time in); `None` where there is no clock.
pub fn unix_time_ms() -> Option<f64> {
    web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_secs_f64() * 1000.0)
}

/// How many threads a job may split into (1 where there are no threads).
pub fn parallelism() -> usize {
    if cfg!(target_arch = "wasm32") || jobs_run_inline() {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// A file's modification time, as `std::fs::Metadata` gives it. Only ever read from files:
/// asking the system clock for one (`now`) panics on the web.
pub type FileTime = std::time::SystemTime;

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    #[test]
    fn a_job_runs_and_reports() {
        let (tx, rx) = channel();
        spawn("test-job", move || tx.send(42).unwrap()).unwrap();
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)), Ok(42));
    }
}
