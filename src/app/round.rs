//! Class rounds in the window: students' files are read on a worker (with progress and
//! Cancel) and added to the open document as student readings, in one undoable step; what
//! became of each file stays listed for that document.

use super::jobs::{Apply, Control, JobKind};
use super::{AppState, DocId, Edit, MainView};
use crate::io::round_files::{identity, read_picked_students, read_students, FileReport, Outcome};
use crate::model::{PerspectiveKind, Scenario};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Students' files to read: paths on disk, or in a browser the names and bytes it read.
enum StudentFiles {
    OnDisk(Vec<PathBuf>),
    Picked(Vec<(PathBuf, Vec<u8>)>),
}

impl StudentFiles {
    fn len(&self) -> usize {
        match self {
            StudentFiles::OnDisk(paths) => paths.len(),
            StudentFiles::Picked(picked) => picked.len(),
        }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What became of the files last added, for the document they were added to, and the
/// subfolders of a folder given that hold `.ron` files too (offered to add in turn).
#[derive(Clone, Debug, Default)]
pub struct RoundFiles {
    doc: Option<DocId>,
    reports: Vec<FileReport>,
    subfolders: Vec<(PathBuf, usize)>,
}

impl AppState {
    /// Reads `paths` as students' readings on a worker; they are added when it ends. A
    /// folder gives its `.ron` files; its subfolders that hold some are offered afterwards.
    pub fn add_students(&mut self, paths: Vec<PathBuf>) {
        let mut files = Vec::new();
        let mut subfolders = Vec::new();
        for path in paths {
            if path.is_dir() {
                let found = crate::io::round_files::folder(&path);
                files.extend(found.files);
                subfolders.extend(found.subfolders);
            } else {
                files.push(path);
            }
        }
        if files.is_empty() && !subfolders.is_empty() {
            let n: usize = subfolders.iter().map(|(_, n)| n).sum();
            self.status = format!(
                "No .ron files in that folder itself; its subfolders hold {n}: add them from the round"
            );
            self.round.round_files = RoundFiles {
                doc: Some(self.doc.id()),
                reports: Vec::new(),
                subfolders,
            };
            self.view.main_view = MainView::Round;
            return;
        }
        self.round.pending_subfolders = subfolders;
        self.read_round(StudentFiles::OnDisk(files));
    }

    /// The subfolders of the folder last given that hold `.ron` files, with how many.
    pub fn round_subfolders(&self) -> &[(PathBuf, usize)] {
        if self.round.round_files.doc == Some(self.doc.id()) {
            &self.round.round_files.subfolders
        } else {
            &[]
        }
    }

    /// Reads files a browser picked (names and bytes) as students' readings.
    pub fn add_picked_students(&mut self, picked: Vec<(String, Vec<u8>)>) {
        let picked = picked
            .into_iter()
            .map(|(name, bytes)| (PathBuf::from(name), bytes))
            .collect();
        self.read_round(StudentFiles::Picked(picked));
    }

    fn read_round(&mut self, files: StudentFiles) {
        if files.is_empty()
            || self.jobs.is_running(JobKind::StudentsFiles)
            || self.editing_blocked()
        {
            return;
        }
        let template = self.round_template();
        let mut known = known_files(self.doc.scenario());
        if let Some(own) = &self.doc.path {
            known.insert(identity(own));
        }
        let total = files.len();
        self.status = format!("Reading {total} students' files…");
        let job = move |control: &Control| -> Apply<AppState> {
            let progress = |n| control.progress(n);
            let cancel = control.cancel_flag();
            let reports = match &files {
                StudentFiles::OnDisk(paths) => {
                    read_students(&template, paths, &mut known, &cancel, progress)
                }
                StudentFiles::Picked(picked) => {
                    read_picked_students(&template, picked, &mut known, &cancel, progress)
                }
            };
            Box::new(move |app: &mut AppState| app.students_read(reports, total))
        };
        match self
            .jobs
            .start(JobKind::StudentsFiles, self.doc.key(), total, job)
        {
            Ok(()) => self.take_finished_jobs(),
            Err(e) => self.status = format!("Students' files not read: {e}"),
        }
    }

    /// The document as a template to read students' files against: its cells and its
    /// readings so far (so new readings get names and ids of their own).
    fn round_template(&self) -> Scenario {
        self.doc.scenario().clone()
    }

    /// Stops reading students' files; those read so far are added.
    pub fn cancel_round(&mut self) {
        self.jobs.ask_to_stop(JobKind::StudentsFiles);
    }

    /// Files read so far and in all, while students' files are being read.
    pub fn round_progress(&self) -> Option<(usize, usize)> {
        self.jobs.progress(JobKind::StudentsFiles)
    }

    /// What became of the files last added to this document (empty for another one).
    pub fn round_files(&self) -> &[FileReport] {
        if self.round.round_files.doc == Some(self.doc.id()) {
            &self.round.round_files.reports
        } else {
            &[]
        }
    }

    /// Takes in the students' files read (for this document: `job_done` drops another's):
    /// the readings are added as one undoable step. `total` files were given.
    pub(super) fn students_read(&mut self, reports: Vec<FileReport>, total: usize) {
        let mut scenario = self.doc.scenario().clone();
        let mut edits = Vec::new();
        for r in &reports {
            if let Outcome::Added(reading) = &r.outcome {
                let mut p = reading.perspective.clone();
                // The document may have changed while the files were read.
                p.id = scenario.fresh_id(&p.name);
                edits.push(Edit::InsertPerspective(
                    scenario.perspectives.len(),
                    p.clone(),
                ));
                scenario.perspectives.push(p);
            }
        }
        let added = edits.len();
        let refused = reports.len() - added;
        let unread = total.saturating_sub(reports.len());
        if added > 0 {
            let label = format!(
                "add {added} student reading{}",
                if added == 1 { "" } else { "s" }
            );
            self.edit(label, None, Edit::Batch(edits));
        }
        self.status = format!(
            "Added {added} student reading{}{}{}",
            if added == 1 { "" } else { "s" },
            if refused > 0 {
                format!(
                    "; {refused} file{} not added (see the round)",
                    if refused == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            },
            if unread > 0 {
                format!("; cancelled, {unread} not read")
            } else {
                String::new()
            }
        );
        self.round.round_files = RoundFiles {
            doc: Some(self.doc.id()),
            reports,
            subfolders: std::mem::take(&mut self.round.pending_subfolders),
        };
        self.view.main_view = MainView::Round;
    }

    /// Removes a student's reading (one undoable step).
    pub fn remove_reading(&mut self, id: &str) {
        let Some(i) = self.doc.scenario().perspective_index(id) else {
            return;
        };
        if self.perspective.as_deref() == Some(id) {
            self.set_perspective(None);
        }
        let name = self.doc.scenario().perspectives[i].name.clone();
        self.edit(
            format!("remove {name}'s reading"),
            None,
            Edit::RemovePerspective(i),
        );
    }
}

/// Files the document's readings came from.
fn known_files(s: &Scenario) -> BTreeSet<PathBuf> {
    s.perspectives
        .iter()
        .filter(|p| p.kind == PerspectiveKind::Student && !p.origin.file.is_empty())
        .map(|p| identity(Path::new(&p.origin.file)))
        .collect()
}

/// The `.ron` files a typed entry names: a folder (its `.ron` files, sorted), or paths
/// separated by `;`.
pub fn typed_student_files(entry: &str, base: Option<&Path>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for part in entry.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let mut path = PathBuf::from(part);
        if path.is_relative() {
            if let Some(b) = base {
                path = b.join(path);
            }
        }
        out.push(path);
    }
    out
}

/// A folder's `.ron` files, sorted; any other path as it is.
pub fn expand_folder(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        crate::io::round_files::folder(path).files
    } else {
        vec![path.to_path_buf()]
    }
}

impl AppState {
    /// The hand-out dialog's "Save…": remembers the choice and asks where.
    pub(super) fn hand_out_save(&mut self) {
        if let Some(super::Dialog::HandOut { hide_scores }) = self.dialog.take() {
            self.round.handout_hides_scores = hide_scores;
            self.ask_for_file(super::FilePurpose::Export(
                super::files::Format::StudentsCopy,
            ));
        }
    }

    /// Writes the students' copy of the open document at `path` (atomically); the open
    /// document stays as it is.
    pub fn hand_out_to(&mut self, path: &Path) {
        let copy =
            crate::model::Handout::copy_of(self.doc.scenario(), self.round.handout_hides_scores);
        self.status = match crate::io::save_path(&copy, path) {
            Ok(()) => format!(
                "Handed out {}{}: each student opens a copy, gives a name, and sends it back",
                path.display(),
                if self.round.handout_hides_scores {
                    " without your scores"
                } else {
                    ""
                }
            ),
            Err(e) => format!("Not handed out: {e}"),
        };
    }

    /// A handed-out copy opened before it has an author: ask the student's name.
    pub(super) fn ask_student_name(&mut self) {
        let s = self.doc.scenario();
        if s.handout.is_some() && s.authors.iter().all(|a| a.trim().is_empty()) {
            self.dialog = Some(super::Dialog::StudentName(String::new()));
        }
    }

    /// Keeps the typed name as the copy's author (one undoable step).
    pub(super) fn student_name_confirm(&mut self) {
        let Some(super::Dialog::StudentName(name)) = self.dialog.take() else {
            return;
        };
        let name = name.trim().to_owned();
        if name.is_empty() {
            self.status = "No name given: you will be asked again when the copy is opened".into();
            return;
        }
        let mut meta = super::edit::Meta::of(self.doc.scenario());
        meta.authors = vec![name.clone()];
        self.edit("your name", None, Edit::SetMeta(meta));
        self.status = format!(
            "Welcome, {name}: score and reason as you read the sources, save, and send the \
             file back"
        );
    }

    /// True, with a status line saying why, when the open document is a handed-out copy
    /// whose proposals and criteria must stay as handed out.
    pub(super) fn structure_fixed(&mut self) -> bool {
        if self.doc.scenario().handout.is_none() {
            return false;
        }
        self.status = "This copy was handed out for a class round: its proposals and criteria \
                       stay as they are, so that your teacher can put the class's copies together"
            .into();
        true
    }
}

impl AppState {
    /// The two proposals shown provision by provision (indices), while both are in the
    /// document they were chosen in.
    pub fn compared_proposals(&self) -> Option<(usize, usize)> {
        let (doc, a, b) = self.round.compared_proposals.as_ref()?;
        if *doc != self.doc.id() {
            return None;
        }
        let s = self.doc.scenario();
        Some((s.proposal_index(a)?, s.proposal_index(b)?))
    }
}

/// Another file compared with the document: what differs, and which cells.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The document it was made for, at which state.
    key: super::DocKey,
    /// The other file.
    pub path: PathBuf,
    /// What it holds.
    other: Box<Scenario>,
    /// The differences from the document to the file, as text.
    pub text: String,
    /// How many differences there are.
    pub count: usize,
    /// Cells that differ: (criterion id, proposal id).
    pub cells: BTreeSet<(String, String)>,
}

impl Comparison {
    fn new(key: super::DocKey, path: PathBuf, other: Scenario, doc: &Scenario) -> Self {
        let mut c = Self {
            key,
            path,
            other: Box::new(other),
            text: String::new(),
            count: 0,
            cells: BTreeSet::new(),
        };
        c.update(key, doc);
        c
    }

    fn update(&mut self, key: super::DocKey, doc: &Scenario) {
        let differences = crate::model::diff::diff(doc, &self.other);
        self.count = differences.len();
        self.cells = differences
            .into_iter()
            .filter_map(|d| match d.part {
                crate::model::diff::Part::Cell(c, p) => Some((c, p)),
                _ => None,
            })
            .collect();
        self.text = crate::analysis::compare::text(doc, &self.other);
        self.key = key;
    }
}

impl AppState {
    /// Compares the document with the file at `path`; a file that does not load is said
    /// in a dialog and the document is untouched.
    pub fn compare_with(&mut self, path: &Path) {
        let loaded = crate::io::load_path(path);
        self.compare_with_loaded(path, loaded);
    }

    /// Compares the document with a file a browser read (its name and bytes).
    pub fn compare_with_picked(&mut self, name: &str, bytes: &[u8]) {
        let loaded = crate::io::load_bytes(name, bytes);
        self.compare_with_loaded(Path::new(name), loaded);
    }

    fn compare_with_loaded(&mut self, path: &Path, loaded: Result<Scenario, crate::io::LoadError>) {
        match loaded {
            Ok(other) => {
                let c =
                    Comparison::new(self.doc.key(), path.to_owned(), other, self.doc.scenario());
                self.status = format!(
                    "Comparing with {}: {} difference{}; the cells that differ are marked",
                    path.display(),
                    c.count,
                    if c.count == 1 { "" } else { "s" }
                );
                self.round.comparison = Some(c);
            }
            Err(e) => {
                self.status = format!("Could not compare with {}", path.display());
                self.dialog = Some(super::Dialog::LoadFailed(e));
            }
        }
    }

    /// The comparison with another file, for this document (as it is now).
    pub fn comparison(&self) -> Option<&Comparison> {
        self.round
            .comparison
            .as_ref()
            .filter(|c| c.key.id == self.doc.id())
    }

    /// Keeps the comparison in step with the document; drops it with the document.
    pub(super) fn follow_comparison(&mut self) {
        let key = self.doc.key();
        let Some(c) = &mut self.round.comparison else {
            return;
        };
        if c.key.id != key.id {
            self.round.comparison = None;
        } else if c.key != key {
            c.update(key, self.doc.scenario());
        }
    }
}

impl AppState {
    /// Applies a message of the class round.
    pub(super) fn update_round(&mut self, msg: super::msg::RoundMsg) {
        use super::msg::RoundMsg;
        match msg {
            RoundMsg::AddStudents(paths) => self.add_students(paths),
            RoundMsg::RemoveReading(id) => {
                if !self.editing_blocked() {
                    self.remove_reading(&id);
                }
            }
        }
    }
}
