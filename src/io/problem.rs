//! Error types for loading and saving, with messages that say what and where.

use std::fmt;
use std::path::PathBuf;

use super::locate::LineCol;

/// One thing wrong with a file: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Line and column, where known.
    pub at: Option<LineCol>,
    /// The item concerned, e.g. `criteria[3] "refugees"`; empty for the file as a whole.
    pub item: String,
    /// What is wrong, said so a person can fix it.
    pub message: String,
}

impl Problem {
    /// A problem with the whole file (no position, no item).
    pub fn file(message: impl Into<String>) -> Self {
        Self {
            at: None,
            item: String::new(),
            message: message.into(),
        }
    }

    /// Formats the problem as `FILE:LINE:COL: item: message` (or `FILE: item: message`).
    pub fn display_in<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        ProblemLine(file, self)
    }
}

struct ProblemLine<'a>(&'a str, &'a Problem);

impl fmt::Display for ProblemLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ProblemLine(file, p) = self;
        write!(f, "{file}:")?;
        if let Some(at) = p.at {
            write!(f, "{at}:")?;
        }
        if !p.item.is_empty() {
            write!(f, " {}:", p.item)?;
        }
        write!(f, " {}", p.message)
    }
}

/// A file that could not be loaded, with every problem found in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file name as the user gave it (or a label such as `<built-in>`).
    pub file: String,
    /// Everything wrong with it, in file order where known; never empty.
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// An error with a single problem.
    pub fn single(file: impl Into<String>, problem: Problem) -> Self {
        Self {
            file: file.into(),
            problems: vec![problem],
        }
    }

    /// One line per problem, as `concord check` prints them.
    pub fn lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| p.display_in(&self.file).to_string())
            .collect()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for LoadError {}

/// A save that did not happen; the old file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The scenario could not be turned into text.
    #[error("could not write the scenario as RON: {0}")]
    Serialize(String),
    /// The file system refused.
    #[error(
        "could not save {path}: {} ({action} failed: {source})",
        in_words(source)
    )]
    Io {
        /// The file being saved.
        path: PathBuf,
        /// Which step failed, e.g. "creating a temporary file in the same folder".
        action: &'static str,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// What an operating system's refusal means for the person saving, in words.
pub fn in_words(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::StorageFull | K::QuotaExceeded => "the disk is full",
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            "the file or its folder may not be written to (read-only, or not yours)"
        }
        K::NotFound => "the folder is no longer there (moved, renamed, or a drive removed)",
        K::InvalidFilename => "the file name is too long or not allowed there",
        K::TimedOut | K::WouldBlock => "the folder did not answer in time (a network folder?)",
        K::FileTooLarge => "the file is too large for that disk",
        K::ResourceBusy | K::ExecutableFileBusy => "another program is using the file",
        _ => "the system refused",
    }
}
