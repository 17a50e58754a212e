//! Every user command with its label, tooltip and shortcut: the menus, the keyboard and the
//! help all read this one table, so they cannot disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

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
    /// Save what is on screen as a PNG image.
    ExportPng,
    /// Save the table as CSV for a spreadsheet.
    ExportCsv,
    /// Show or hide "Why this ranking?".
    WhyRanking,
}

impl Command {
    /// All commands, in help order.
    pub const ALL: [Command; 19] = [
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
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ExportPng,
        Command::ExportCsv,
        Command::ShowShortcuts,
    ];

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
            Command::ExportPng => "Export view as PNG…",
            Command::ExportCsv => "Export table as CSV…",
            Command::WhyRanking => "Why this ranking?",
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
            Command::ExportPng => "Save exactly what is on screen as a PNG image",
            Command::ExportCsv => {
                "Save the table for a spreadsheet: scores, the weights in use, totals and ranks"
            }
            Command::WhyRanking => {
                "What keeps the leader first and what would change it: sentences and charts"
            }
        }
    }

    /// The main shortcut.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        Some(match self {
            Command::New => KeyboardShortcut::new(cmd, Key::N),
            Command::Open => KeyboardShortcut::new(cmd, Key::O),
            Command::Save => KeyboardShortcut::new(cmd, Key::S),
            Command::SaveAs => KeyboardShortcut::new(cmd_shift, Key::S),
            Command::Quit => KeyboardShortcut::new(cmd, Key::Q),
            Command::Undo => KeyboardShortcut::new(cmd, Key::Z),
            Command::Redo => KeyboardShortcut::new(cmd_shift, Key::Z),
            Command::AddProposal => KeyboardShortcut::new(cmd_shift, Key::P),
            Command::AddCriterion => KeyboardShortcut::new(cmd_shift, Key::C),
            Command::DeleteSelection => KeyboardShortcut::new(Modifiers::NONE, Key::Delete),
            Command::ToggleInspector => KeyboardShortcut::new(Modifiers::NONE, Key::F4),
            Command::ShowShortcuts => KeyboardShortcut::new(Modifiers::NONE, Key::F1),
            Command::Present => KeyboardShortcut::new(Modifiers::NONE, Key::F5),
            Command::ZoomIn => KeyboardShortcut::new(cmd, Key::Plus),
            Command::ZoomOut => KeyboardShortcut::new(cmd, Key::Minus),
            Command::ZoomReset => KeyboardShortcut::new(cmd, Key::Num0),
            Command::ExportPng => KeyboardShortcut::new(cmd_shift, Key::E),
            Command::ExportCsv => return None,
            Command::WhyRanking => KeyboardShortcut::new(Modifiers::NONE, Key::F6),
        })
    }

    /// Further shortcuts that do the same (Ctrl+Y for Redo).
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Command::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
            // On most keyboards "+" is Shift+"="; accept Ctrl+"=" too.
            Command::ZoomIn => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals)),
            _ => None,
        }
    }

    /// Shortcuts with more modifiers first, so Ctrl+Shift+S is not taken for Ctrl+S.
    pub fn by_shortcut_specificity() -> Vec<Command> {
        let mut all = Self::ALL.to_vec();
        all.sort_by_key(|c| {
            std::cmp::Reverse(c.shortcut().map_or(0, |s| {
                u8::from(s.modifiers.shift)
                    + u8::from(s.modifiers.alt)
                    + u8::from(s.modifiers.command)
            }))
        });
        all
    }
}
