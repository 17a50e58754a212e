//! Messages: everything a view can ask for. Views read `&AppState` and put messages in an
//! `Outbox`; `AppState::update` applies them, once per frame, in one place.

use std::path::PathBuf;

use super::present::PresentCommand;
use super::{Command, DialogAnswer, Edit, Pending, Selection, ThemeChoice};

/// One thing the user (or the window's clock, or a finished job) asked for: a message of
/// one part of the state, applied by that part's update.
#[derive(Debug)]
pub enum Msg {
    /// The document and its history: edits and the questions they raise.
    Doc(DocMsg),
    /// The selection shown in the inspector, and what is scrolled to or named next.
    Selection(SelectMsg),
    /// The dialogs and windows over the main area.
    Dialog(DialogMsg),
    /// Files and saving: opening, closing, the file on disk, crash recovery, the window's clock.
    File(FileMsg),
    /// What the window shows: the main view, the cards' search, theme and panels, the status line.
    View(ViewMsg),
    /// "Why this ranking?": quick weights and the long analyses.
    Analysis(super::derived::AnalysisMsg),
    /// The class round: students' files and readings.
    Round(RoundMsg),
    /// The live round: start, lock, reveal, close.
    Live(super::live_round::LiveMsg),
    /// A command from the menu, the toolbar or the keyboard.
    Command(Command),
    /// A step of the running presentation.
    Present(PresentCommand),
    /// The job runner: a job finished, or stop one.
    Job(super::jobs::JobMsg<super::AppState>),
}

/// The document and its history: edits and the questions they raise.
#[derive(Debug)]
pub enum DocMsg {
    /// Change the scenario as one undoable step named `label`; edits with the same `key`
    /// in a row (one drag, one burst of typing) merge until the gesture is sealed.
    Edit {
        /// The step's name in the Edit menu.
        label: String,
        /// Merges a gesture's edits into one step.
        key: Option<String>,
        /// The change (boxed: an edit can carry a whole proposal with its scores).
        edit: Box<Edit>,
    },
    /// The pointer was released: the next edit is a new undo step.
    SealGesture,
    /// Score with a perspective's weights, or the criteria's own with `None`.
    SetPerspective(Option<String>),
    /// Add a copy of proposal i, with its scores, after it.
    DuplicateProposal(usize),
    /// Delete proposal i and its scores.
    DeleteProposal(usize),
    /// Add a copy of criterion k, with its scores, below it.
    DuplicateCriterion(usize),
    /// Delete criterion k, its scores and what names it.
    DeleteCriterion(usize),
    /// Add an entry to the bibliography.
    AddSource,
    /// Add a perspective starting from the criteria's weights, and use it.
    AddPerspective,
    /// The answer to "change the stated weights, or start your own?".
    AnswerStated(super::StatedChoice),
    /// The answer to "the common score or this perspective's reading?".
    AnswerScoreTarget(super::ScoreTarget),
}

impl From<DocMsg> for Msg {
    fn from(m: DocMsg) -> Self {
        Msg::Doc(m)
    }
}

/// The selection shown in the inspector, and what is scrolled to or named next.
#[derive(Debug)]
pub enum SelectMsg {
    /// Select an item (shown in the inspector).
    Select(Selection),
    /// Select an item and scroll it into view.
    Reveal(Selection),
    /// A view has scrolled the revealed item into view.
    Revealed,
    /// The inspector has given the new item's name field the keyboard.
    NameFocused,
}

impl From<SelectMsg> for Msg {
    fn from(m: SelectMsg) -> Self {
        Msg::Selection(m)
    }
}

/// The dialogs and windows over the main area.
#[derive(Debug)]
pub enum DialogMsg {
    /// Close the open dialog without doing anything.
    CloseDialog,
    /// Show "About Concord".
    ShowAbout,
    /// In the hand-out dialog: leave the teacher's scores out, or not.
    HandOutHidesScores(bool),
    /// In the hand-out dialog: choose where to save the students' copy.
    HandOutSave,
    /// The student's name as typed so far.
    StudentNameText(String),
    /// Keep the typed name as the copy's author.
    StudentNameConfirm,
    /// Show two proposals (ids) provision by provision, or close that window (`None`).
    CompareProposals(Option<(String, String)>),
    /// A change in the import dialog.
    Import(super::import::ImportMsg),
    /// The path field's text.
    PathText(String),
    /// Confirm the path field.
    ConfirmPath,
    /// The answer to "Replace X?".
    AnswerReplace(bool),
    /// After a failed save: choose another file.
    SaveAsInstead,
}

impl From<DialogMsg> for Msg {
    fn from(m: DialogMsg) -> Self {
        Msg::Dialog(m)
    }
}

/// Files and saving: opening, closing, the file on disk, crash recovery, the window's clock.
#[derive(Debug)]
pub enum FileMsg {
    /// Something that would discard unsaved changes (asks first when there are some).
    Request(Pending),
    /// The answer to "Save changes?": save first, discard, or cancel (`None`).
    AnswerUnsaved(Option<bool>),
    /// The answer to "A live round is running": close it and go on (true), or cancel.
    AnswerLiveRunning(bool),
    /// A native file dialog answered.
    DialogAnswered(DialogAnswer),
    /// A file dropped on the window.
    Dropped(PathBuf),
    /// The user's answer about the document's file on disk.
    Disk(super::DiskAnswer),
    /// Restore the work found by crash recovery.
    RestoreRecovered,
    /// Delete the work found by crash recovery.
    DiscardRecovered,
    /// The window's close button: asks about unsaved changes first.
    CloseRequested,
    /// Stop comparing with another file.
    CloseComparison,
    /// The window's clock, a few times a second: copy unsaved work for recovery and look at
    /// the file on disk when due (`busy`: the user is dragging or typing; `focused`: the
    /// window just got the focus back, so look at once).
    Tick {
        /// A button held or input in the last moment.
        busy: bool,
        /// The window got the focus back.
        focused: bool,
    },
    /// A picture of the window (PNG bytes) for the export that asked for it.
    PictureTaken(Result<Vec<u8>, String>),
}

impl From<FileMsg> for Msg {
    fn from(m: FileMsg) -> Self {
        Msg::File(m)
    }
}

/// What the window shows: the main view, the cards' search, theme and panels, the status line.
#[derive(Debug)]
pub enum ViewMsg {
    /// Show this in the main area.
    Show(super::MainView),
    /// The colours of the whole app.
    SetTheme(ThemeChoice),
    /// Show or hide the inspector.
    ShowInspector(bool),
    /// Stop animations (or let them run again).
    ReduceMotion(bool),
    /// The cards' share of the height (`None`: back to the default).
    SetCardsHeight(Option<f32>),
    /// A change of the cards' search, sort or filter.
    Browse(super::browse::BrowseMsg),
    /// A line for the status bar.
    Status(String),
}

impl From<ViewMsg> for Msg {
    fn from(m: ViewMsg) -> Self {
        Msg::View(m)
    }
}

/// The class round: students' files and readings.
#[derive(Debug)]
pub enum RoundMsg {
    /// Students' files to add to the class round (chosen, or several dropped at once).
    AddStudents(Vec<PathBuf>),
    /// Remove a student's reading (by perspective id).
    RemoveReading(String),
}

impl From<RoundMsg> for Msg {
    fn from(m: RoundMsg) -> Self {
        Msg::Round(m)
    }
}

/// The messages of one frame, in the order the views sent them.
#[derive(Debug, Default)]
pub struct Outbox(Vec<Msg>);

impl Outbox {
    /// Sends a message.
    pub fn send(&mut self, msg: impl Into<Msg>) {
        self.0.push(msg.into());
    }

    /// Sends an edit as one undoable step named `label` (merged by `key`).
    pub fn edit(&mut self, label: impl Into<String>, key: Option<String>, edit: Edit) {
        self.send(Msg::Doc(DocMsg::Edit {
            label: label.into(),
            key,
            edit: Box::new(edit),
        }));
    }

    /// Takes the messages sent so far.
    pub fn take(&mut self) -> Vec<Msg> {
        std::mem::take(&mut self.0)
    }

    /// True when nothing was sent.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
