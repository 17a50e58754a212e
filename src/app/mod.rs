//! Application state without drawing: the document, undo history, selection, dialogs and
//! file flow. Views read `&AppState` and send `Msg`s; `AppState::update` applies them, and
//! `edit` is the one place where the scenario changes.

pub mod browse;
pub mod browser_files;
pub mod cell_keys;
pub mod command;
pub mod derived;
mod dialog;
pub mod document;
pub mod edit;
mod editing;
mod file_flow;
pub mod files;
pub mod history;
pub mod import;
pub mod jobs;
pub mod live_round;
pub mod msg;
pub mod on_disk;
pub mod prefs;
pub mod present;
pub mod quick;
pub mod readings;
pub mod recovery;
pub mod round;
mod saving;
mod selection;
pub mod spoken;
mod stated;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_on_disk;
mod update;
mod view;

use std::path::PathBuf;

use crate::model::Scenario;
use crate::scoring::{Evaluation, WeightSet};

pub use command::Command;
pub use derived::AnalysisMsg;
pub use dialog::Dialog;
pub use document::{DocId, DocKey, Document};
pub use edit::{apply, set_criterion, Edit, EditError, Meta};
pub use files::{DialogAnswer, FilePurpose};
pub use history::History;
pub use msg::{DialogMsg, DocMsg, FileMsg, Msg, Outbox, RoundMsg, SelectMsg, ViewMsg};
pub use on_disk::{DiskAnswer, DiskNotice, OnDiskVersion};
pub use prefs::{Prefs, ThemeChoice};
pub use present::{PresentCommand, Presenter};
pub use quick::{QuickMsg, QuickWeights};
pub use readings::{ScoreEditAsk, ScoreTarget};
pub use recovery::{Recovered, Recovery};
pub use selection::{Named, Selection};
pub use stated::{StatedChoice, StatedEdit};
pub use view::MainView;

/// Something that would discard unsaved changes, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Replace the document with a bundled scenario.
    New(usize),
    /// Open a file (a path, or ask with a dialog).
    Open(Option<PathBuf>),
    /// Close the window.
    Quit,
    /// Open a scenario made by File ▸ Import table… as a new, unsaved document.
    Import(Box<Scenario>),
}

/// What the window must do outside the state, handed over once per frame.
#[derive(Debug, Default)]
pub struct Effects {
    /// Start a native file dialog for this.
    pub native_request: Option<FilePurpose>,
    /// Give the browser this file (a download, or a write-back to the document's file).
    pub download: Option<files::Download>,
    /// Close the window.
    pub close: bool,
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
    doc: Document,
    /// Undo and redo.
    history: History,
    /// Totals and ranks of the document, recomputed after every edit.
    eval: Evaluation,
    /// The chosen perspective's id; `None` for the criteria's own weights.
    perspective: Option<String>,
    /// The dialog, if one is open.
    dialog: Option<Dialog>,
    /// A short message for the status bar.
    status: String,
    /// The selection shown in the inspector, and what is scrolled to or named next.
    selecting: Selecting,
    /// Files and saving: how files are asked for, what waits on a save, the file on disk, crash recovery, closing.
    files: Files,
    /// The class round and comparisons: students' files, the hand-out, another file or two proposals compared.
    round: RoundPart,
    /// What the window shows: the main view, the cards' search and order, the quick-weights window, the presentation.
    view: Shown,
    /// Persisted preferences.
    prefs: Prefs,
    /// Background work under way: saves, exports, students' files, recovery, analyses.
    jobs: jobs::Jobs<AppState>,
    /// What is worked out from the document, once per change.
    derived: derived::Derived,
    /// Perspectives whose weights change without asking (made here, or agreed to).
    agreed: stated::Agreed,
    /// Where score edits under each perspective go, once the user has said.
    score_target: readings::Remembered,
}

/// The selection shown in the inspector, and what is scrolled to or named next.
#[derive(Default)]
pub(crate) struct Selecting {
    /// The selection shown in the inspector.
    selection: Selection,
    /// An item the views should scroll into view (until one says it did).
    reveal: Option<Selection>,
    /// A new item whose name field takes the keyboard, its text selected, so that what is
    /// typed next names it (until the inspector says it has).
    naming: Option<(Named, String)>,
}

/// Files and saving: how files are asked for, what waits on a save, the file on disk, crash recovery, closing.
pub(crate) struct Files {
    /// Native dialogs or a path field.
    dialog_mode: DialogMode,
    /// A native file dialog the GUI layer should start (taken by it).
    native_request: Option<FilePurpose>,
    /// Where to save a picture of the window, once the dialog asking for it has closed.
    png_target: Option<PathBuf>,
    /// The picture asked for goes to a download (in a browser), not to `png_target`'s path.
    png_download: bool,
    /// A file for the browser to download (the web build's saves and exports).
    download: Option<files::Download>,
    /// What to do once the save that "Save changes?" asked for has been written.
    after_save: Option<Pending>,
    /// Set when the user agreed to close; the next close request is let through.
    close_confirmed: bool,
    /// Set when the window should close (taken by the GUI layer).
    wants_close: bool,
    /// The document's file on disk: changes made elsewhere, other windows.
    watch: on_disk::Watch,
    /// Crash recovery, if enabled (once the look-up for earlier work is over).
    recovery: Option<Recovery>,
    /// The look-up for work left by an earlier session, while it runs.
    recovery_lookup: Option<recovery::Lookup>,
    /// What was last written to the browser's storage for crash recovery.
    browser_copied: browser_files::CopiedState,
}

/// The class round and comparisons: students' files, the hand-out, another file or two proposals compared.
pub(crate) struct RoundPart {
    /// What became of the students' files last added.
    round_files: round::RoundFiles,
    /// Subfolders of a folder being read for the round, offered once its files are in.
    pending_subfolders: Vec<(std::path::PathBuf, usize)>,
    /// Another file compared with the document (File ▸ Compare with file…).
    comparison: Option<round::Comparison>,
    /// Two proposals shown provision by provision (ids), in the document they belong to.
    compared_proposals: Option<(DocId, String, String)>,
    /// Whether the hand-out being saved leaves the teacher's scores out.
    handout_hides_scores: bool,
    /// The round view shows the live round's start form.
    live_setup: bool,
    /// The live round running, if any (its server stops when this is dropped).
    live: Option<live_round::Live>,
    /// The check that phones reach this computer, while it runs.
    live_check: Option<live_round::Check>,
    /// Why the last start or check of a live round failed (shown in its form).
    live_error: Option<String>,
}

/// What the window shows: the main view, the cards' search and order, the quick-weights window, the presentation.
#[derive(Default)]
pub(crate) struct Shown {
    /// Whether the central area shows "Why this ranking?" instead of the table.
    main_view: MainView,
    /// The quick-weights window, while it is open (a window beside the charts, not modal).
    quick: Option<QuickWeights>,
    /// The classroom presentation, while it runs.
    presenter: Option<Presenter>,
    /// The search, sort and filter of the cards, for the document they were set in.
    browse: Option<(DocId, browse::Browse)>,
    /// The proposals they show, for the document's present state.
    shown: browse::Shown,
    /// What changed in the totals and ranks at the last change, said once to a screen
    /// reader (a live region); `None` for a document just opened.
    announcement: Option<String>,
}

impl AppState {
    /// A state showing `doc`.
    pub fn new(doc: Document) -> Self {
        let eval = Evaluation::new(doc.scenario(), WeightSet::Base);
        Self {
            doc,
            history: History::default(),
            eval,
            perspective: None,
            dialog: None,
            status: String::new(),
            selecting: Selecting {
                selection: Selection::Scenario,
                reveal: None,
                naming: None,
            },
            files: Files {
                dialog_mode: DialogMode::Native,
                native_request: None,
                png_target: None,
                png_download: false,
                download: None,
                after_save: None,
                close_confirmed: false,
                wants_close: false,
                watch: on_disk::Watch::default(),
                recovery: None,
                recovery_lookup: None,
                browser_copied: browser_files::CopiedState::default(),
            },
            round: RoundPart {
                round_files: round::RoundFiles::default(),
                pending_subfolders: Vec::new(),
                comparison: None,
                compared_proposals: None,
                handout_hides_scores: true,
                live_setup: false,
                live: None,
                live_check: None,
                live_error: None,
            },
            view: Shown {
                main_view: MainView::Comparison,
                quick: None,
                presenter: None,
                browse: None,
                shown: browse::Shown::default(),
                announcement: None,
            },
            prefs: Prefs::default(),
            jobs: jobs::Jobs::default(),
            derived: derived::Derived::default(),
            agreed: stated::Agreed::default(),
            score_target: readings::Remembered::default(),
        }
    }

    /// A state showing the built-in default scenario.
    pub fn with_default_scenario() -> Self {
        let scenario = crate::seeds::default_scenario().unwrap_or_default();
        Self::new(Document::new(scenario, None))
    }

    /// The open document.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Undo and redo.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Totals and ranks of the document with the weights in use.
    pub fn eval(&self) -> &Evaluation {
        &self.eval
    }

    /// The chosen perspective's id; `None` for the criteria's own weights.
    pub fn perspective(&self) -> Option<&str> {
        self.perspective.as_deref()
    }

    /// The chosen perspective with its index in the scenario, if one is chosen.
    pub fn chosen_perspective(&self) -> Option<(usize, &crate::model::Perspective)> {
        let s = self.doc.scenario();
        let i = s.perspective_index(self.perspective.as_deref()?)?;
        Some((i, &s.perspectives[i]))
    }

    /// The selection shown in the inspector.
    pub fn selection(&self) -> &Selection {
        &self.selecting.selection
    }

    /// The modal dialog, if one is open.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The status bar's message.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// The preferences (kept between runs by the GUI layer).
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Starts with these preferences.
    pub fn set_prefs(&mut self, prefs: Prefs) {
        self.prefs = prefs;
    }

    /// Native dialogs or a path field.
    pub fn dialog_mode(&self) -> DialogMode {
        self.files.dialog_mode
    }

    /// Uses a path field (or native dialogs) to ask for files.
    pub fn set_dialog_mode(&mut self, mode: DialogMode) {
        self.files.dialog_mode = mode;
    }

    /// Crash recovery, once enabled.
    pub fn recovery(&self) -> Option<&Recovery> {
        self.files.recovery.as_ref()
    }

    /// The scenario being edited.
    pub fn scenario(&self) -> &Scenario {
        self.doc.scenario()
    }

    /// The weights in use: the chosen perspective's, or the base weights.
    pub fn weight_set(&self) -> WeightSet<'_> {
        weight_set_of(self.doc.scenario(), self.perspective.as_deref())
    }

    /// The running presentation, if any.
    pub fn presenter(&self) -> Option<&Presenter> {
        self.view.presenter.as_ref()
    }

    /// Whether "Why this ranking?" is shown instead of the comparison.
    pub fn shows_analysis(&self) -> bool {
        self.view.main_view == MainView::Analysis
    }

    /// What the main area shows.
    pub fn main_view(&self) -> MainView {
        self.view.main_view
    }

    /// The item views should scroll into view, if any.
    pub fn reveal(&self) -> Option<&Selection> {
        self.selecting.reveal.as_ref()
    }

    /// Whether the item `kind` `id` is new and its name field should take the keyboard.
    pub fn naming(&self, kind: Named, id: &str) -> bool {
        self.selecting
            .naming
            .as_ref()
            .is_some_and(|(k, i)| *k == kind && i == id)
    }

    /// The quick-weights window's state, while it is open.
    pub fn quick(&self) -> Option<&QuickWeights> {
        self.view.quick.as_ref()
    }

    /// True while a dialog or window is open or a presentation runs: shortcuts that edit
    /// the document do nothing then.
    pub fn editing_blocked(&self) -> bool {
        self.dialog.is_some() || self.view.presenter.is_some() || self.view.quick.is_some()
    }

    /// Hands over what the window must do outside the state (start a native dialog, a
    /// download, close): the one place the GUI shell takes from the state, once per frame
    /// after `update_all`.
    pub fn take_effects(&mut self) -> Effects {
        Effects {
            native_request: self.files.native_request.take(),
            download: self.files.download.take(),
            close: std::mem::take(&mut self.files.wants_close),
        }
    }

    /// True while background work runs (the window looks again shortly: a thread cannot
    /// wake it), and whether its next steps run only when polled (in a browser).
    pub fn jobs_running(&self) -> (bool, bool) {
        (self.jobs.any(), self.jobs.needs_frames())
    }

    /// True once the user agreed to close.
    pub fn close_confirmed(&self) -> bool {
        self.files.close_confirmed
    }

    /// Where a picture of the window should be saved, once one is taken.
    pub fn png_target(&self) -> Option<&std::path::Path> {
        self.files.png_target.as_deref()
    }

    /// Recomputes totals and ranks.
    pub fn refresh(&mut self) {
        let after = Evaluation::new(self.doc.scenario(), self.weight_set());
        if let Some(said) = spoken::changes(self.doc.scenario(), &self.eval, &after) {
            self.view.announcement = Some(said);
        }
        self.eval = after;
    }

    /// What changed in the totals and ranks at the last change that changed them, for the
    /// screen reader's live region.
    pub fn announcement(&self) -> Option<&str> {
        self.view.announcement.as_deref()
    }

    /// The window title: file name, a mark for unsaved changes, a save in progress, the app.
    pub fn title(&self) -> String {
        format!(
            "{}{}{} — Concord",
            if self.doc.is_dirty() { "• " } else { "" },
            self.doc.display_name(),
            if self.is_saving() { " (saving…)" } else { "" }
        )
    }
}

/// The weights of the perspective `id` in `scenario`, or the base weights.
fn weight_set_of<'a>(scenario: &'a Scenario, id: Option<&str>) -> WeightSet<'a> {
    id.and_then(|id| scenario.perspective_by_id(id))
        .map_or(WeightSet::Base, WeightSet::Perspective)
}
