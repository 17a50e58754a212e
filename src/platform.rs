//! The one door to the machine for threads and time, so the web build (which has neither
//! `std::thread` nor `std::time::Instant`: both panic on wasm32) adds its side here and
//! nothing else changes. Native: a named thread per job; the web, and tests that ask for
//! it, run each job inline, to the end, before `spawn` returns. Long analyses are a
//! [`Task`] instead: a thread natively, and in a browser slices of work between frames.

use std::cell::Cell;
use std::sync::mpsc::{channel, Receiver};

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

/// Work that can be done a slice at a time (a slice: a few milliseconds at most).
pub trait Slices: Send + 'static {
    /// What the work gives when it is done.
    type Output: Send + 'static;
    /// Does the next slice; the result once there is nothing left to do.
    fn next_slice(&mut self) -> Option<Self::Output>;
}

/// How long a browser's frame spends on a [`Task`]'s slices: half a frame at 60 Hz, so
/// the page keeps drawing and answering while an analysis runs.
pub const SLICE_BUDGET: Duration = Duration::from_millis(8);

thread_local! {
    /// Set by tests to run tasks as a browser does, a few slices each time they are polled.
    static SLICED: Cell<bool> = const { Cell::new(cfg!(target_arch = "wasm32")) };
}

/// Runs the tasks this thread starts a slice at a time when polled, as a browser does
/// (true), or as the platform does (false: on threads, or inline in tests that ask).
pub fn run_tasks_in_slices(sliced: bool) {
    SLICED.with(|s| s.set(sliced || cfg!(target_arch = "wasm32")));
}

/// True when tasks started from this thread advance only when polled (in a browser).
pub fn tasks_run_in_slices() -> bool {
    SLICED.with(Cell::get)
}

/// Long work under way: natively on its own thread; in a browser, which has no threads, a
/// slice at a time each time it is polled (for [`SLICE_BUDGET`] at most), so the tab never
/// freezes; in tests that run jobs inline, done before `start` returns. Dropping a task
/// stops its slices (a thread finishes its work and drops the result).
pub struct Task<T> {
    state: TaskState<T>,
}

enum TaskState<T> {
    Thread(Receiver<T>),
    Slices(Box<dyn FnMut() -> Option<T>>),
    Done(Option<T>),
}

impl<T: Send + 'static> Task<T> {
    /// Starts `work` (named `name` for debuggers).
    pub fn start<S: Slices<Output = T>>(name: &str, mut work: S) -> Self {
        let to_the_end = |work: &mut S| loop {
            if let Some(out) = work.next_slice() {
                break out;
            }
        };
        let state = if SLICED.with(Cell::get) {
            TaskState::Slices(Box::new(move || work.next_slice()))
        } else if jobs_run_inline() {
            TaskState::Done(Some(to_the_end(&mut work)))
        } else {
            let (tx, rx) = channel();
            // Shared so that, if no thread can be started, the work comes back and is done
            // a slice at a time instead.
            let shared = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
            let on_thread = std::sync::Arc::clone(&shared);
            let job = move || {
                let work = on_thread.lock().ok().and_then(|mut w| w.take());
                if let Some(mut work) = work {
                    let _ = tx.send(to_the_end(&mut work));
                }
            };
            match spawn_thread(name, job) {
                Ok(()) => TaskState::Thread(rx),
                Err(_) => match shared.lock().ok().and_then(|mut w| w.take()) {
                    Some(mut work) => TaskState::Slices(Box::new(move || work.next_slice())),
                    None => TaskState::Thread(rx),
                },
            }
        };
        Self { state }
    }

    /// The result, the first time it is asked for once ready (`None` before and after). In
    /// a browser this is where the work advances, so it is polled every frame until done.
    pub fn poll(&mut self) -> Option<T> {
        match &mut self.state {
            TaskState::Thread(rx) => rx.try_recv().ok(),
            TaskState::Slices(next) => {
                let started = Instant::now();
                loop {
                    if let Some(out) = next() {
                        self.state = TaskState::Done(None);
                        return Some(out);
                    }
                    if started.elapsed() >= SLICE_BUDGET {
                        return None;
                    }
                }
            }
            TaskState::Done(out) => out.take(),
        }
    }
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

/// Fills `bytes` from the system's random source (a live round's join code and seats).
#[cfg(not(target_arch = "wasm32"))]
pub fn random_bytes(bytes: &mut [u8]) {
    getrandom::fill(bytes).expect("the system's random source");
}

/// Fills `bytes` from the browser's random numbers (a page never serves a live round; this
/// keeps the room's code whole there).
#[cfg(target_arch = "wasm32")]
pub fn random_bytes(bytes: &mut [u8]) {
    for b in bytes {
        *b = (js_sys::Math::random() * 256.0) as u8;
    }
}

/// A file's modification time, as `std::fs::Metadata` gives it. Only ever read from files:
/// asking the system clock for one (`now`) panics on the web.
pub type FileTime = std::time::SystemTime;

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    /// Counts to `n`, one number per slice.
    struct Count {
        at: usize,
        n: usize,
    }

    impl Slices for Count {
        type Output = usize;
        fn next_slice(&mut self) -> Option<usize> {
            self.at += 1;
            (self.at == self.n).then_some(self.at)
        }
    }

    #[test]
    fn a_task_on_a_thread_reports_once() {
        run_tasks_in_slices(false);
        run_jobs_inline(false);
        let mut task = Task::start("count", Count { at: 0, n: 1000 });
        let started = Instant::now();
        let out = loop {
            if let Some(out) = task.poll() {
                break out;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "never finished"
            );
            std::thread::yield_now();
        };
        assert_eq!(out, 1000);
        assert_eq!(task.poll(), None, "the result is given once");
    }

    #[test]
    fn a_sliced_task_advances_only_when_polled_and_then_reports_once() {
        run_tasks_in_slices(true);
        /// A slice that takes a millisecond, so one poll cannot do them all.
        struct Slow(usize);
        impl Slices for Slow {
            type Output = usize;
            fn next_slice(&mut self) -> Option<usize> {
                std::thread::sleep(Duration::from_millis(1));
                self.0 += 1;
                (self.0 == 40).then_some(self.0)
            }
        }
        let mut task = Task::start("slow", Slow(0));
        let mut polls = 0;
        let out = loop {
            polls += 1;
            if let Some(out) = task.poll() {
                break out;
            }
        };
        assert_eq!(out, 40);
        assert!(polls > 1, "40 ms of slices took one poll of an 8 ms budget");
        assert_eq!(task.poll(), None);
        run_tasks_in_slices(false);
    }

    #[test]
    fn an_inline_task_is_done_when_started() {
        run_jobs_inline(true);
        let mut task = Task::start("count", Count { at: 0, n: 10 });
        assert_eq!(task.poll(), Some(10));
        run_jobs_inline(false);
    }

    #[test]
    fn a_job_runs_and_reports() {
        let (tx, rx) = channel();
        spawn("test-job", move || tx.send(42).unwrap()).unwrap();
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)), Ok(42));
    }
}
