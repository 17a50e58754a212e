//! Reading and writing scenario files (RON), with validation and atomic saves; exports.

pub mod export;
mod fast_scores;
pub mod fingerprint;
pub mod formats;
#[doc(hidden)]
pub mod fuzzing;
pub mod handout_html;
pub mod handout_md;
pub mod health;
pub mod import;
mod load;
pub mod locate;
pub mod lock;
pub mod matrix;
pub mod nesting;
pub mod perspective_parts;
mod problem;
pub mod round_files;
mod save;
mod validate;
pub mod workbook;

pub use fingerprint::{Fingerprint, OnDisk};
pub use load::{load_bytes, load_path, load_path_with_fingerprint, load_str, MAX_FILE_BYTES};
pub use locate::{LineCol, Seg};
pub use problem::{in_words, LoadError, Problem, SaveError};
pub use save::{
    inject_write_failure, remove_stale_temps, save_canonical, save_path, to_ron_string,
    write_atomically, write_atomically_with, STALE_AFTER,
};
pub use validate::{validate, value_problem, Finding};

/// The RON options used for reading: the parser's recursion limit stays on, and
/// `Some(…)` may be left out around optional values.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}
