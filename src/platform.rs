//! The one door to the machine for threads and time, so the web build (which has neither
//! `std::thread` nor `std::time::Instant`: both panic on wasm32) adds its side here and
//! nothing else changes. Native: a named thread per job; the web, and tests that ask for
//! it, run each job inline, to the end, before `spawn` returns.

use std::sync::atomic::{AtomicBool, Ordering};

pub use web_time::{Duration, Instant};

/// Set by tests (and the web side) to run background jobs inline.
static INLINE: AtomicBool = AtomicBool::new(cfg!(target_arch = "wasm32"));

/// Runs background jobs inline (true) or on threads (false, native only).
pub fn run_jobs_inline(inline: bool) {
    INLINE.store(inline || cfg!(target_arch = "wasm32"), Ordering::Relaxed);
}

/// True when background jobs run inline.
pub fn jobs_run_inline() -> bool {
    INLINE.load(Ordering::Relaxed)
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

/// How many threads a job may split into (1 where there are no threads).
pub fn parallelism() -> usize {
    if cfg!(target_arch = "wasm32") || jobs_run_inline() {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

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
