//! The modal dialogs over the window and what their answers do.

use super::AppState;
use super::{import, on_disk, readings, FilePurpose, Pending, Recovered, StatedEdit};
use crate::io::LoadError;
use std::path::PathBuf;

/// A modal dialog over the window; while one is open, commands that edit do nothing.
#[derive(Clone, Debug)]
pub enum Dialog {
    /// "Save changes to X?" before `Pending` happens.
    UnsavedChanges(Pending),
    /// "A live round is running for this lesson": close it (its answers join the lesson)
    /// before `Pending` replaces the document, or cancel.
    LiveRoundRunning(Pending),
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
    /// "Replace X?" before a save or an export writes over an existing file.
    ConfirmReplace {
        /// Save As or an export.
        purpose: FilePurpose,
        /// The file that exists.
        path: PathBuf,
    },
    /// Work found from a session that did not end cleanly.
    Recover(Recovered),
    /// The list of shortcuts.
    Shortcuts,
    /// About Concord.
    About,
    /// "Change the stated weights of a perspective, or start your own?"
    StatedWeights(StatedEdit),
    /// "Change the common score, or write this perspective's reading?"
    ScoreTarget(readings::ScoreEditAsk),
    /// What differs between the file on disk and the document.
    Compare(on_disk::OnDiskVersion),
    /// "X changed on disk since it was opened": overwrite it, save as, or cancel.
    NewerOnDisk(PathBuf),
    /// Hand out for a class round: hide the teacher's scores or not, then where to save.
    HandOut {
        /// Leave the teacher's scores out of the copy.
        hide_scores: bool,
    },
    /// A handed-out copy opened for the first time: the student's name, as typed so far.
    StudentName(String),
    /// File ▸ Import table…: the mapping and its preview.
    Import(Box<import::ImportState>),
}

impl AppState {
    /// Applies a message of the dialogs.
    pub(super) fn update_dialog(&mut self, msg: super::msg::DialogMsg) {
        use super::msg::DialogMsg;
        use super::Dialog;
        use super::FilePurpose;
        match msg {
            DialogMsg::PathText(text) => self.set_path_text(text),
            DialogMsg::ConfirmPath => self.confirm_path_entry(),
            DialogMsg::AnswerReplace(replace) => self.answer_replace(replace),
            DialogMsg::CloseDialog => {
                if matches!(self.dialog, Some(Dialog::PathEntry { .. })) {
                    self.cancelled();
                }
                if matches!(
                    self.dialog,
                    Some(Dialog::NewerOnDisk(_) | Dialog::Compare(_))
                ) {
                    // Not saved: what was to follow the save (quit, open) does not happen.
                    self.files.after_save = None;
                    self.status = "Not saved".into();
                }
                self.dialog = None;
            }
            DialogMsg::ShowAbout => self.dialog = Some(Dialog::About),
            DialogMsg::SaveAsInstead => {
                self.dialog = None;
                self.ask_for_file(FilePurpose::SaveAs);
            }
            DialogMsg::HandOutHidesScores(hide) => {
                if let Some(super::Dialog::HandOut { hide_scores }) = &mut self.dialog {
                    *hide_scores = hide;
                }
            }
            DialogMsg::HandOutSave => self.hand_out_save(),
            DialogMsg::StudentNameText(text) => {
                if let Some(super::Dialog::StudentName(name)) = &mut self.dialog {
                    *name = text;
                }
            }
            DialogMsg::StudentNameConfirm => self.student_name_confirm(),
            DialogMsg::Import(msg) => self.import_msg(msg),
            DialogMsg::CompareProposals(pair) => {
                self.round.compared_proposals = pair.map(|(a, b)| (self.doc.id(), a, b));
            }
        }
    }
}
