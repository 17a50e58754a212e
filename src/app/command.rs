//! Every user command with its label and tooltip: the menus, the keyboard (`ui::shortcuts`)
//! and the help all read this one table, so they cannot disagree.

/// A user command reachable from a menu or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start a new scenario from the blank template.
    New,
    /// Open a scenario file.
    Open,
    /// Save to the current file (or ask where).
    Save,
    /// Save to a new file.
    SaveAs,
    /// Quit Concord.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Add a proposal.
    AddProposal,
    /// Add a criterion.
    AddCriterion,
    /// Delete the selected proposal or criterion, or clear the selected cell's score.
    DeleteSelection,
    /// Show or hide the inspector.
    ToggleInspector,
    /// Show the keyboard shortcuts.
    ShowShortcuts,
    /// Start the classroom presentation.
    Present,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to 100%.
    ZoomReset,
    /// Write a file made from the scenario: a picture, the table, a handout, a workbook
    /// (the students' copy goes through its own dialog, [`Command::HandOut`]).
    Export(crate::io::formats::Format),
    /// Show or hide "Why this ranking?".
    WhyRanking,
    /// Show or hide "Everyone at once": every perspective side by side.
    EveryoneAtOnce,
    /// Show or hide the class round view.
    ClassRound,
    /// Add students' files to the class round.
    AddStudents,
    /// Save a students' copy for a class round.
    HandOut,
    /// Serve the scenario to students' phones on this network: a live round.
    StartLiveRound,
    /// Compare the document with another file.
    CompareWithFile,
    /// Import a table (CSV, TSV, xlsx, ods).
    ImportTable,
}

impl Command {
    /// All commands, in help order.
    pub const ALL: [Command; 24] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::AddProposal,
        Command::AddCriterion,
        Command::DeleteSelection,
        Command::ToggleInspector,
        Command::Present,
        Command::WhyRanking,
        Command::EveryoneAtOnce,
        Command::ClassRound,
        Command::ImportTable,
        Command::CompareWithFile,
        Command::HandOut,
        Command::StartLiveRound,
        Command::AddStudents,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ShowShortcuts,
    ];

    /// Every command: [`Command::ALL`], then an export for each format the menu offers.
    pub fn every() -> impl Iterator<Item = Command> {
        Command::ALL.into_iter().chain(
            crate::io::formats::Format::ALL
                .into_iter()
                .filter(|f| *f != crate::io::formats::Format::StudentsCopy)
                .map(Command::Export),
        )
    }

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::AddProposal => "Add proposal",
            Command::AddCriterion => "Add criterion",
            Command::DeleteSelection => "Delete selection",
            Command::ToggleInspector => "Inspector",
            Command::ShowShortcuts => "Keyboard shortcuts",
            Command::Present => "Present",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomReset => "Actual size",
            Command::Export(f) => f.menu_label(),
            Command::WhyRanking => "Why this ranking?",
            Command::EveryoneAtOnce => "Everyone at once",
            Command::ClassRound => "Class round",
            Command::AddStudents => "Add students' files…",
            Command::HandOut => "Hand out for a class round…",
            Command::StartLiveRound => "Start a live round…",
            Command::CompareWithFile => "Compare with file…",
            Command::ImportTable => "Import table…",
        }
    }

    /// Tooltip: what the command does.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::New => "Start a new scenario from the blank template",
            Command::Open => "Open a scenario file (.ron)",
            Command::Save => "Save the scenario to its file",
            Command::SaveAs => "Save the scenario to a new file",
            Command::Quit => "Close Concord (asks first if there are unsaved changes)",
            Command::Undo => "Undo the last change",
            Command::Redo => "Redo the last undone change",
            Command::AddProposal => "Add a proposal column at the end",
            Command::AddCriterion => "Add a criterion row at the end",
            Command::DeleteSelection => {
                "Delete the selected proposal or criterion with its scores, or clear the \
                 selected cell's score (Ctrl+Z undoes)"
            }
            Command::ToggleInspector => "Show or hide the side panel that edits the selection",
            Command::ShowShortcuts => "List every keyboard shortcut",
            Command::Present => {
                "Full-screen classroom presentation, one step at a time (Esc leaves)"
            }
            Command::ZoomIn => "Make text and controls larger",
            Command::ZoomOut => "Make text and controls smaller",
            Command::ZoomReset => "Back to 100%",
            Command::Export(f) => f.tooltip(),
            Command::WhyRanking => {
                "What keeps the leader first and what would change it: sentences and charts"
            }
            Command::EveryoneAtOnce => {
                "Every perspective side by side: totals, ranks, red lines crossed, and what \
                 no perspective rules out"
            }
            Command::ClassRound => {
                "Where the students' readings agree and where they split: a heat map of the \
                 cells, the group's ranking, agreement on the order, what to discuss first"
            }
            Command::AddStudents => {
                "Add students' copies of this scenario (several files, or a folder) to the \
                 class round, each as one reading"
            }
            Command::HandOut => {
                "Save a copy for students: it asks each student's name, can leave your scores \
                 out, and keeps the proposals and criteria fixed so the copies can be merged"
            }
            Command::StartLiveRound => {
                "Students join from their phones on this network and send their weights and \
                 readings to this computer; nothing leaves the room"
            }
            Command::CompareWithFile => {
                "What differs between this scenario and another file (a student's copy, an \
                 earlier version): each change, and the cells marked in the table"
            }
            Command::ImportTable => {
                "A spreadsheet or CSV table as proposals and criteria: choose which way it \
                 runs and which columns count, with a preview"
            }
        }
    }

    /// True when the command runs while a dialog is open (it neither changes the document
    /// nor opens a dialog of its own).
    pub fn runs_over_dialog(self) -> bool {
        matches!(
            self,
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset
        )
    }

    /// True when the command runs during a presentation (it leaves the document as it is).
    pub fn runs_while_presenting(self) -> bool {
        matches!(
            self,
            Command::ZoomIn
                | Command::ZoomOut
                | Command::ZoomReset
                | Command::Save
                | Command::Quit
                | Command::Export(_)
                | Command::ShowShortcuts
        )
    }
}
