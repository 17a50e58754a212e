//! Adding students' files to a class round: each file is loaded, read against the round's
//! template (`model::collect`) and added as one student reading, or refused with its reason.
//! Used by `concord round` and, on a worker thread, by the window.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::load_path;
use crate::model::collect::{collect, reading_name, Mismatch};
use crate::model::{Perspective, Scenario};

/// How many of a refused file's load errors are shown.
pub const FIRST_ERRORS: usize = 3;

/// What became of one file.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Added as a reading.
    Added(Box<Reading>),
    /// It did not load: its first errors, each with its line and column.
    Broken(Vec<String>),
    /// The same file was already in the round (or given twice).
    Duplicate,
    /// It loads, but shares no criterion (on the same scale) or no proposal with the
    /// template: another scenario. What differs, first items.
    Unrelated(Vec<String>),
    /// It loads and matches, but is not a student's reading: the lesson or another of the
    /// teacher's files, a backup, or the blank hand-out no student has named. Why.
    Skipped(String),
}

/// A file read as a student's reading.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The perspective to add (its id is free in the round it was read against).
    pub perspective: Perspective,
    /// What did not match the template.
    pub mismatches: Vec<Mismatch>,
    /// Cells the student chose, and cells left as handed out.
    pub chosen: usize,
    /// Cells left as handed out.
    pub untouched: usize,
}

/// One file and what became of it.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    /// The file as given.
    pub path: PathBuf,
    /// What became of it.
    pub outcome: Outcome,
}

impl FileReport {
    /// One line per problem, for people: "FILE: message".
    pub fn lines(&self) -> Vec<String> {
        let file = self.path.display();
        match &self.outcome {
            Outcome::Added(r) => {
                let mut out = vec![format!(
                    "{file}: added as «{}» ({} cells chosen, {} left as handed out)",
                    r.perspective.name, r.chosen, r.untouched
                )];
                out.extend(
                    r.mismatches
                        .iter()
                        .map(|m| format!("{file}: {}", m.message())),
                );
                out
            }
            Outcome::Broken(errors) => {
                let mut out = vec![format!("{file}: does not load; not added")];
                out.extend(errors.iter().map(|e| format!("  {e}")));
                out
            }
            Outcome::Duplicate => vec![format!(
                "{file}: already in this round, or the lesson itself; not added again"
            )],
            Outcome::Skipped(why) => vec![format!("{file}: not a student's file ({why}); skipped")],
            Outcome::Unrelated(what) => {
                let mut out = vec![format!(
                    "{file}: shares no criterion (on the same scale) or no proposal with this \
                     round's template; not added"
                )];
                out.extend(what.iter().map(|w| format!("  {w}")));
                out
            }
        }
    }
}

/// Reads `paths` as students' readings of `round` (the template, with any readings already
/// added), in order; `known` holds the files already in the round and grows with each one
/// added. Stops early, leaving the rest unread, when `cancel` is set; `progress` is told
/// how many files are done.
pub fn read_students(
    round: &Scenario,
    paths: &[PathBuf],
    known: &mut BTreeSet<PathBuf>,
    cancel: &AtomicBool,
    progress: impl FnMut(usize),
) -> Vec<FileReport> {
    read_each(round, paths, known, cancel, progress, |_, path| {
        load_path(path)
    })
}

/// As [`read_students`] for files a browser read: each a name (standing for its path) and
/// its bytes.
pub fn read_picked_students(
    round: &Scenario,
    picked: &[(PathBuf, Vec<u8>)],
    known: &mut BTreeSet<PathBuf>,
    cancel: &AtomicBool,
    progress: impl FnMut(usize),
) -> Vec<FileReport> {
    let names: Vec<PathBuf> = picked.iter().map(|(name, _)| name.clone()).collect();
    read_each(round, &names, known, cancel, progress, |i, name| {
        crate::io::load_bytes(&name.display().to_string(), &picked[i].1)
    })
}

/// Reads the files named `paths`, the i-th through `load(i, path)`.
fn read_each(
    round: &Scenario,
    paths: &[PathBuf],
    known: &mut BTreeSet<PathBuf>,
    cancel: &AtomicBool,
    mut progress: impl FnMut(usize),
    load: impl Fn(usize, &Path) -> Result<Scenario, crate::io::LoadError>,
) -> Vec<FileReport> {
    // Readings are added to a working copy so that each new id and name is free.
    let mut work = round.clone();
    work.scores.clear();
    let mut out = Vec::with_capacity(paths.len());
    for (i, path) in paths.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        let key = identity(path);
        let outcome = if known.contains(&key) {
            Outcome::Duplicate
        } else {
            match load(i, path) {
                Err(e) => Outcome::Broken(e.lines().into_iter().take(FIRST_ERRORS).collect()),
                Ok(student) => {
                    known.insert(key);
                    let stem = path.file_stem().map_or_else(
                        || "student".to_owned(),
                        |s| s.to_string_lossy().into_owned(),
                    );
                    let mut name = reading_name(round, &student, &stem);
                    // Two files by one author stay two readings, told apart by file name.
                    if work.perspectives.iter().any(|p| p.name == name) {
                        name = format!("{name} ({stem})");
                    }
                    let c = collect(round, &student, &name, &path.display().to_string());
                    if c.matched.0 == 0 || c.matched.1 == 0 {
                        known.remove(&identity(path));
                        out.push(FileReport {
                            path: path.clone(),
                            outcome: Outcome::Unrelated(
                                c.mismatches
                                    .iter()
                                    .take(FIRST_ERRORS)
                                    .map(|m| m.message())
                                    .collect(),
                            ),
                        });
                        progress(i + 1);
                        continue;
                    }
                    // Another scenario is said to be one first; then what of the lesson's
                    // is not a student's reading.
                    if let Some(why) = not_a_reading(round, &student, path) {
                        known.remove(&identity(path));
                        out.push(FileReport {
                            path: path.clone(),
                            outcome: Outcome::Skipped(why),
                        });
                        progress(i + 1);
                        continue;
                    }
                    let mut perspective = c.perspective;
                    perspective.id = work.fresh_id(&name);
                    work.perspectives.push(perspective.clone());
                    Outcome::Added(Box::new(Reading {
                        perspective,
                        mismatches: c.mismatches,
                        chosen: c.chosen,
                        untouched: c.untouched,
                    }))
                }
            }
        };
        out.push(FileReport {
            path: path.clone(),
            outcome,
        });
        progress(i + 1);
    }
    out
}

/// Why `student` (read from `path`) is not a student's reading of `round`, if it is not:
/// a backup by its name, a file that names no student (the lesson, the blank hand-out), or
/// one with the lesson's own authors and no hand-out mark (the teacher's file).
pub fn not_a_reading(round: &Scenario, student: &Scenario, path: &Path) -> Option<String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.contains("backup") || name.ends_with('~') || name.ends_with(".bak") {
        return Some("a backup, by its name".into());
    }
    let authors: Vec<&str> = student
        .authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    if authors.is_empty() {
        return Some(if student.handout.is_some() {
            "the blank students' copy: no student has given a name in it yet".into()
        } else {
            "it names no student (no author): the lesson or a copy of it".into()
        });
    }
    let teachers: Vec<&str> = round.authors.iter().map(|a| a.trim()).collect();
    if student.handout.is_none() && authors == teachers {
        return Some(format!(
            "the teacher's own file: the lesson's authors ({}) and no hand-out mark",
            authors.join(", ")
        ));
    }
    None
}

/// What a folder holds for a class round: its `.ron` files, sorted, and its subfolders
/// that hold `.ron` files (with how many), one level down.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folder {
    /// The folder's own `.ron` files.
    pub files: Vec<PathBuf>,
    /// Subfolders with `.ron` files, and how many each holds.
    pub subfolders: Vec<(PathBuf, usize)>,
}

/// The `.ron` files directly in `dir`, sorted.
fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// What `dir` holds for a round (see [`Folder`]).
pub fn folder(dir: &Path) -> Folder {
    let mut subfolders: Vec<(PathBuf, usize)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .map(|d| {
            let n = ron_files(&d).len();
            (d, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    subfolders.sort();
    Folder {
        files: ron_files(dir),
        subfolders,
    }
}

/// The identity of a file for "the same file twice": its canonical path when it exists.
pub fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
