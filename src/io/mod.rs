//! Reading and writing scenario files (RON), with validation and atomic saves; exports.

pub mod export;
mod fast_scores;
mod load;
pub mod locate;
pub mod nesting;
mod problem;
mod save;
mod validate;

pub use load::{load_bytes, load_path, load_str, MAX_FILE_BYTES};
pub use locate::{LineCol, Seg};
pub use problem::{in_words, LoadError, Problem, SaveError};
pub use save::{
    inject_write_failure, remove_stale_temps, save_canonical, save_path, to_ron_string,
    write_atomically, write_atomically_with, STALE_AFTER,
};
pub use validate::{validate, value_problem, Finding};
