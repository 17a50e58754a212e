//! Application state without drawing: the document, undo history, selection, dialogs and
//! file jobs. The views in `ui` read it and call its methods; `edit` is the one place where
//! the scenario changes.

pub mod command;
pub mod document;
pub mod edit;
pub mod files;
pub mod history;
pub mod prefs;
pub mod recovery;

use std::path::{Path, PathBuf};

use crate::io::{load_path, LoadError};
use crate::model::Scenario;
use crate::scoring::{Evaluation, WeightSet};
use crate::seeds::{Bundled, BUNDLED};

pub use command::Command;
pub use document::Document;
pub use edit::{apply, set_criterion, Edit, EditError, Meta};
pub use files::{DialogAnswer, FileDialogs, FilePurpose};
pub use history::History;
pub use prefs::{Prefs, ThemeChoice};
pub use recovery::{Recovered, Recovery};

/// What is selected and shown in the inspector.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// Nothing: the inspector shows the scenario itself.
    #[default]
    Scenario,
    /// A cell: (criterion id, proposal id).
    Cell(String, String),
    /// A proposal by id.
    Proposal(String),
    /// A criterion by id.
    Criterion(String),
}

/// Something that would discard unsaved changes, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Replace the document with a bundled scenario.
    New(usize),
    /// Open a file (a path, or ask with a dialog).
    Open(Option<PathBuf>),
    /// Close the window.
    Quit,
}

/// A modal dialog.
#[derive(Clone, Debug)]
pub enum Dialog {
    /// "Save changes to X?" before `Pending` happens.
    UnsavedChanges(Pending),
    /// A file failed to load; the open document is unchanged.
    LoadFailed(LoadError),
    /// A save failed; the document stays dirty.
    SaveFailed(String),
    /// No native file dialog: type a path instead.
    PathEntry {
        /// Open or Save As.
        purpose: FilePurpose,
        /// The path typed so far.
        text: String,
        /// Why the path field is shown.
        reason: String,
    },
    /// Work found from a session that did not end cleanly.
    Recover(Recovered),
    /// The list of shortcuts.
    Shortcuts,
    /// About Concord.
    About,
}

/// How file dialogs are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogMode {
    /// Native dialogs (rfd) on a worker thread.
    Native,
    /// A path field inside the window (tests, or machines without a dialog service).
    PathField,
}

/// Everything the window shows and edits.
pub struct AppState {
    /// The open document.
    pub doc: Document,
    /// Undo and redo.
    pub history: History,
    /// Totals and ranks of the document, recomputed after every edit.
    pub eval: Evaluation,
    /// The chosen perspective's id; `None` for the criteria's own weights.
    pub perspective: Option<String>,
    /// The selection shown in the inspector.
    pub selection: Selection,
    /// The modal dialog, if one is open.
    pub dialog: Option<Dialog>,
    /// A short message for the status bar.
    pub status: String,
    /// Persisted preferences.
    pub prefs: Prefs,
    /// Native dialogs or a path field.
    pub dialog_mode: DialogMode,
    /// Running native dialogs.
    pub dialogs: FileDialogs,
    /// Crash recovery, if enabled.
    pub recovery: Option<Recovery>,
    /// Set when the user agreed to close; the next close request is let through.
    pub close_confirmed: bool,
    /// Set when the window should close (read by the GUI layer).
    pub wants_close: bool,
    /// A native file dialog the GUI layer should start.
    pub native_request: Option<FilePurpose>,
    /// An item the views should scroll into view (taken by the view that shows it).
    pub reveal: Option<Selection>,
    /// Where to save a picture of the window, once the dialog asking for it has closed.
    pub png_target: Option<PathBuf>,
    /// The classroom presentation, while it runs.
    pub presenter: Option<crate::present::Presenter>,
    /// Whether the central area shows "Why this ranking?" instead of the table.
    pub show_analysis: bool,
}

impl AppState {
    /// A state showing `doc`.
    pub fn new(doc: Document) -> Self {
        let eval = Evaluation::new(&doc.scenario, WeightSet::Base);
        Self {
            doc,
            history: History::default(),
            eval,
            perspective: None,
            selection: Selection::Scenario,
            dialog: None,
            status: String::new(),
            prefs: Prefs::default(),
            dialog_mode: DialogMode::Native,
            dialogs: FileDialogs::default(),
            recovery: None,
            close_confirmed: false,
            wants_close: false,
            native_request: None,
            reveal: None,
            png_target: None,
            presenter: None,
            show_analysis: false,
        }
    }

    /// A state showing the built-in default scenario.
    pub fn with_default_scenario() -> Self {
        let scenario = crate::seeds::default_scenario().unwrap_or_default();
        Self::new(Document::new(scenario, None))
    }

    /// The scenario being edited.
    pub fn scenario(&self) -> &Scenario {
        &self.doc.scenario
    }

    /// The weights in use: the chosen perspective's, or the base weights.
    pub fn weight_set(&self) -> WeightSet<'_> {
        weight_set_of(&self.doc.scenario, self.perspective.as_deref())
    }

    /// Recomputes totals and ranks.
    pub fn refresh(&mut self) {
        self.eval = Evaluation::new(&self.doc.scenario, self.weight_set());
    }

    /// Chooses a perspective (or the base weights with `None`).
    pub fn set_perspective(&mut self, id: Option<String>) {
        self.perspective = id;
        self.refresh();
    }

    /// Applies an edit as one undoable step named `label`. Edits with the same `key` in a
    /// row (one drag, one burst of typing) merge into one step until `seal_gesture`.
    pub fn edit(&mut self, label: impl Into<String>, key: Option<String>, edit: Edit) {
        let weights_only = edit.is_weight_only(&self.doc.scenario);
        match apply(&mut self.doc.scenario, edit) {
            Ok(inverse) => {
                self.history.record(label.into(), key, inverse);
                self.doc.touch(self.history.state());
                if weights_only {
                    // A weight drag on a large table: no need to re-read every cell.
                    let scenario = &self.doc.scenario;
                    self.eval.reweight(
                        scenario,
                        weight_set_of(scenario, self.perspective.as_deref()),
                    );
                } else {
                    self.after_change();
                }
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    fn after_change(&mut self) {
        // Drop a selection whose item no longer exists.
        let s = &self.doc.scenario;
        let keep = match &self.selection {
            Selection::Scenario => true,
            Selection::Cell(c, p) => {
                s.criterion_index(c).is_some() && s.proposal_index(p).is_some()
            }
            Selection::Proposal(p) => s.proposal_index(p).is_some(),
            Selection::Criterion(c) => s.criterion_index(c).is_some(),
        };
        if !keep {
            self.selection = Selection::Scenario;
        }
        if self
            .perspective
            .as_deref()
            .is_some_and(|id| !s.perspectives.iter().any(|p| p.id == id))
        {
            self.perspective = None;
        }
        self.refresh();
    }

    /// Ends the current gesture so the next edit is a new undo step.
    pub fn seal_gesture(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step.
    pub fn undo(&mut self) {
        let Some((label, inverse, id)) = self.history.take_undo() else {
            self.status = "Nothing to undo".into();
            return;
        };
        let focus_edit = inverse.clone();
        match apply(&mut self.doc.scenario, inverse) {
            Ok(redo) => {
                self.reveal_edit(&focus_edit);
                self.status = format!("Undone: {label}");
                self.history.push_redo(label, redo, id);
                self.doc.touch(self.history.state());
                self.after_change();
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    /// Redoes the last undone step.
    pub fn redo(&mut self) {
        let Some((label, edit, id)) = self.history.take_redo() else {
            self.status = "Nothing to redo".into();
            return;
        };
        let focus_edit = edit.clone();
        match apply(&mut self.doc.scenario, edit) {
            Ok(inverse) => {
                self.reveal_edit(&focus_edit);
                self.status = format!("Redone: {label}");
                self.history.push_undo(label, inverse, id);
                self.doc.touch(self.history.state());
                self.after_change();
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    /// Deletes proposal `i` and its scores, as one undoable step.
    pub fn delete_proposal(&mut self, i: usize) {
        let Some(name) = self.scenario().proposals.get(i).map(|p| p.name.clone()) else {
            return;
        };
        self.edit(format!("delete «{name}»"), None, Edit::RemoveProposal(i));
        self.status = format!("Deleted «{name}» — Ctrl+Z to undo");
    }

    /// Deletes criterion `k` and its scores, as one undoable step.
    pub fn delete_criterion(&mut self, k: usize) {
        let Some(name) = self.scenario().criteria.get(k).map(|c| c.name.clone()) else {
            return;
        };
        self.edit(format!("delete {name}"), None, Edit::RemoveCriterion(k));
        self.status = format!("Deleted {name} — Ctrl+Z to undo");
    }

    /// Deletes what is selected: a proposal or a criterion with its scores, or the value of
    /// a cell (its rationale and evidence stay).
    pub fn delete_selection(&mut self) {
        let s = self.scenario();
        match self.selection.clone() {
            Selection::Scenario => {
                self.status = "Select a proposal, criterion or cell first".into()
            }
            Selection::Proposal(id) => {
                if let Some(i) = s.proposal_index(&id) {
                    self.delete_proposal(i);
                }
            }
            Selection::Criterion(id) => {
                if let Some(k) = s.criterion_index(&id) {
                    self.delete_criterion(k);
                }
            }
            Selection::Cell(c, p) => {
                let Some(mut score) = s.score(&c, &p).filter(|x| x.value.is_some()).cloned() else {
                    return;
                };
                score.value = None;
                let kept = (!score.is_empty()).then_some(score);
                self.edit("clear score".to_owned(), None, Edit::SetScore(c, p, kept));
                self.status = "Score cleared: the cell is not scored — Ctrl+Z to undo".into();
            }
        }
    }

    /// Selects what an undone or redone edit changed, and asks the views to show it.
    fn reveal_edit(&mut self, edit: &Edit) {
        if let Some(sel) = edit.focus(&self.doc.scenario) {
            self.select(sel);
        }
    }

    /// Selects an item and asks the views to scroll it into view.
    pub fn select(&mut self, selection: Selection) {
        self.reveal = Some(selection.clone());
        self.selection = selection;
    }

    /// Replaces the document (after any unsaved-changes question was answered).
    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.history.clear();
        self.selection = Selection::Scenario;
        self.perspective = None;
        if let Some(r) = &mut self.recovery {
            r.clear();
        }
        self.refresh();
    }

    /// Asks to do something that would discard unsaved changes.
    pub fn request(&mut self, pending: Pending) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::UnsavedChanges(pending));
        } else {
            self.perform(pending);
        }
    }

    /// Does it now, unsaved changes or not.
    pub fn perform(&mut self, pending: Pending) {
        match pending {
            Pending::New(i) => self.new_from(BUNDLED.get(i).copied()),
            Pending::Open(Some(path)) => self.open_path(&path),
            Pending::Open(None) => self.ask_for_file(FilePurpose::Open),
            Pending::Quit => {
                self.close_confirmed = true;
                self.wants_close = true;
                if let Some(r) = &mut self.recovery {
                    r.clear();
                }
            }
        }
    }

    /// The answer to "Save changes?": save first, discard, or cancel.
    pub fn answer_unsaved(&mut self, save: Option<bool>) {
        let Some(Dialog::UnsavedChanges(pending)) = self.dialog.take() else {
            return;
        };
        match save {
            None => self.status = "Cancelled".into(),
            Some(false) => self.perform(pending),
            Some(true) => {
                if self.save() {
                    self.perform(pending);
                } else if self.dialog.is_none() {
                    // Save As is being asked for; come back to the question afterwards.
                    self.dialog = Some(Dialog::UnsavedChanges(pending));
                }
            }
        }
    }

    fn new_from(&mut self, bundled: Option<Bundled>) {
        let loaded = bundled.map(|b| (b, b.load()));
        match loaded {
            Some((b, Ok(scenario))) => {
                self.replace_document(Document::new(scenario, None));
                self.status = format!("New scenario from “{}”", b.title);
            }
            Some((_, Err(e))) => self.dialog = Some(Dialog::LoadFailed(e)),
            None => self.replace_document(Document::new(Scenario::default(), None)),
        }
    }

    /// Opens `path`; if it fails, shows every problem and leaves the document as it was.
    pub fn open_path(&mut self, path: &Path) {
        match load_path(path) {
            Ok(scenario) => {
                self.replace_document(Document::new(scenario, Some(path.to_owned())));
                self.prefs.add_recent(path.to_owned());
                self.status = format!("Opened {}", path.display());
            }
            Err(e) => {
                self.status = format!("Could not open {}", path.display());
                self.dialog = Some(Dialog::LoadFailed(e));
            }
        }
    }

    /// Saves to the document's file, or asks where. True when saved now.
    pub fn save(&mut self) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => {
                self.ask_for_file(FilePurpose::SaveAs);
                false
            }
        }
    }

    /// Saves to `path`. True on success; on failure says why and stays dirty.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.prefs.add_recent(path.to_owned());
                self.status = format!("Saved {}", path.display());
                if let Some(r) = &mut self.recovery {
                    r.clear();
                }
                // Saving puts cells in canonical order: re-index them.
                self.refresh();
                true
            }
            Err(e) => {
                self.status = "Not saved".into();
                self.dialog = Some(Dialog::SaveFailed(e.to_string()));
                false
            }
        }
    }

    /// Asks for a file: a native dialog, or the path field when there is none.
    pub fn ask_for_file(&mut self, purpose: FilePurpose) {
        match self.dialog_mode {
            DialogMode::PathField => self.show_path_entry(purpose, String::new()),
            DialogMode::Native => {
                // The GUI layer starts the native dialog when it sees this flag.
                self.native_request = Some(purpose);
            }
        }
    }

    fn show_path_entry(&mut self, purpose: FilePurpose, reason: String) {
        // Suggest the document's own path, with the extension of the file asked for.
        let text = self
            .doc
            .path
            .as_ref()
            .map(|p| {
                p.with_extension(purpose.file_type().1)
                    .display()
                    .to_string()
            })
            .unwrap_or_default();
        self.dialog = Some(Dialog::PathEntry {
            purpose,
            text,
            reason,
        });
    }

    /// Handles the answer of a native dialog.
    pub fn dialog_answered(&mut self, answer: DialogAnswer) {
        match answer {
            DialogAnswer::Chosen(purpose, path) => self.file_chosen(purpose, &path),
            DialogAnswer::Cancelled => self.status = "Cancelled".into(),
            DialogAnswer::Unavailable(purpose) => self.show_path_entry(
                purpose,
                "No file dialog could be shown on this system (no desktop portal or zenity). \
                 Type the file's path instead."
                    .into(),
            ),
        }
    }

    /// Confirms the path field.
    pub fn confirm_path_entry(&mut self) {
        let Some(Dialog::PathEntry { purpose, text, .. }) = self.dialog.take() else {
            return;
        };
        let path = PathBuf::from(text.trim());
        if text.trim().is_empty() {
            return;
        }
        self.file_chosen(purpose, &path);
    }

    /// Carries out what a file was asked for.
    fn file_chosen(&mut self, purpose: FilePurpose, path: &Path) {
        match purpose {
            FilePurpose::Open => self.open_path(path),
            FilePurpose::SaveAs => {
                self.save_to(path);
            }
            FilePurpose::ExportPng => self.png_target = Some(path.to_owned()),
            FilePurpose::ExportCsv => self.export_csv(path),
        }
    }

    /// Writes the table, with the weights in use, as CSV at `path` (atomically).
    pub fn export_csv(&mut self, path: &Path) {
        let csv = crate::export::table_csv(
            &self.doc.scenario,
            weight_set_of(&self.doc.scenario, self.perspective.as_deref()),
        );
        self.status = match crate::io::write_atomically(path, csv.as_bytes()) {
            Ok(()) => format!("Exported the table to {}", path.display()),
            Err(e) => format!("Table not exported: {e}"),
        };
    }

    /// Restores work found by crash recovery.
    pub fn restore(&mut self, recovered: Recovered) {
        let mut doc = Document::new(recovered.scenario, recovered.original);
        doc.mark_unsaved();
        self.doc = doc;
        self.history.clear();
        self.selection = Selection::Scenario;
        self.refresh();
        self.status = "Restored unsaved work from the last session".into();
    }

    /// The window title: file name, a mark for unsaved changes, the app.
    pub fn title(&self) -> String {
        format!(
            "{}{} — Concord",
            if self.doc.is_dirty() { "• " } else { "" },
            self.doc.display_name()
        )
    }
}

/// The weights of the perspective `id` in `scenario`, or the base weights.
fn weight_set_of<'a>(scenario: &'a Scenario, id: Option<&str>) -> WeightSet<'a> {
    id.and_then(|id| scenario.perspectives.iter().find(|p| p.id == id))
        .map_or(WeightSet::Base, WeightSet::Perspective)
}
