//! Files: new, open, save, save as, exports, the unsaved-changes question, the path field
//! and restoring work found by crash recovery. Every new document gets a fresh identity.

use std::path::{Path, PathBuf};

use crate::io::load_path_with_fingerprint;
use crate::model::Scenario;
use crate::seeds::{Bundled, BUNDLED};

use super::files::Format;
use super::jobs::JobKind;
use super::{
    AppState, Dialog, DialogAnswer, DialogMode, Document, FilePurpose, Pending, Recovered,
    Selection,
};

impl AppState {
    /// Replaces the document (after any unsaved-changes question was answered): what
    /// belonged to the old one (history, selection, perspective, presentation, the
    /// quick-weights window, the recovery copy, the cards' chosen height) goes with it.
    pub(super) fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.history.clear();
        self.selecting.selection = Selection::Scenario;
        self.selecting.reveal = None;
        self.selecting.naming = None;
        // The perspective chosen when the file was saved, if it is still there.
        let s = self.doc.scenario();
        self.perspective = s
            .chosen_perspective
            .clone()
            .filter(|id| s.perspective_by_id(id).is_some());
        self.view.presenter = None;
        self.view.quick = None;
        self.agreed = super::stated::Agreed::default();
        self.score_target.clear();
        // The cards' height was chosen for the other document's texts.
        self.prefs.cards_height = None;
        self.clear_recovery();
        self.forget_disk();
        self.refresh();
        // Another document: its totals are new, not changed.
        self.view.announcement = None;
        self.ask_student_name();
    }

    /// Asks to do something that would discard unsaved changes.
    pub fn request(&mut self, pending: Pending) {
        // Another document would leave the round's answers nowhere to go: ask first
        // (quitting closes the round into this one, as the close button does).
        if matches!(pending, Pending::Quit) {
            self.close_live();
        } else if self.live_here() {
            self.dialog = Some(Dialog::LiveRoundRunning(pending));
            return;
        }
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
            Pending::Import(scenario) => {
                let n = scenario.proposals.len();
                self.replace_document(Document::new(*scenario, None));
                self.status = format!("Imported {n} proposals: a new scenario, not saved yet");
            }
            Pending::Quit => {
                // A save being written finishes first: quitting must not cut it short.
                self.finish_save();
                self.files.close_confirmed = true;
                self.files.wants_close = true;
                self.clear_recovery();
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
                // Carry on once saved (after a Save As if the document has no file yet).
                self.files.after_save = Some(pending);
                self.save();
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

    /// Opens the bundled lesson `i` (of `seeds::BUNDLED`) as a new unsaved document.
    pub fn open_bundled(&mut self, i: usize) {
        self.new_from(BUNDLED.get(i).copied());
        if let Some(b) = BUNDLED.get(i) {
            self.status = format!("Opened the lesson “{}” (not saved yet)", b.title);
        }
    }

    /// Opens `path`; if it fails, shows every problem and leaves the document as it was.
    pub fn open_path(&mut self, path: &Path) {
        match load_path_with_fingerprint(path) {
            Ok((scenario, fingerprint)) => {
                let mut doc = Document::new(scenario, Some(path.to_owned()));
                doc.set_disk(Some(fingerprint));
                self.replace_document(doc);
                self.prefs.add_recent(path.to_owned());
                self.status = format!("Opened {}", path.display());
            }
            Err(e) => {
                self.status = format!("Could not open {}", path.display());
                self.dialog = Some(Dialog::LoadFailed(e));
            }
        }
    }

    /// Opens the file opened or saved last, if it is still there and still loads; otherwise
    /// the document stays as it is and the status line says why.
    pub fn reopen_last(&mut self) {
        let Some(last) = self.prefs.recent.first().cloned() else {
            return;
        };
        if !last.is_file() {
            self.status = format!("{} is no longer there", last.display());
            return;
        }
        match load_path_with_fingerprint(&last) {
            Ok((scenario, fingerprint)) => {
                let mut doc = Document::new(scenario, Some(last.clone()));
                doc.set_disk(Some(fingerprint));
                self.replace_document(doc);
                self.status = format!("Reopened {}", last.display());
            }
            Err(e) => {
                let first = e.lines().into_iter().next().unwrap_or_default();
                self.status = format!("{} could not be reopened: {first}", last.display());
            }
        }
    }

    /// Saves to the document's file, or asks where.
    pub fn save(&mut self) {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None if self.doc.browser_file.is_some() => self.write_back(),
            None => self.ask_for_file(FilePurpose::SaveAs),
        }
    }

    /// Asks for a file: a native dialog, or the path field when there is none.
    pub fn ask_for_file(&mut self, purpose: FilePurpose) {
        match self.files.dialog_mode {
            DialogMode::PathField => self.show_path_entry(purpose, String::new()),
            DialogMode::Native => {
                // The GUI layer starts the native dialog when it takes this request.
                self.files.native_request = Some(purpose);
            }
        }
    }

    fn show_path_entry(&mut self, purpose: FilePurpose, reason: String) {
        // A scenario never saved has no folder to put files beside: the name is typed.
        let unplaced = self.doc.path.is_none();
        let text = self
            .suggested_path(purpose)
            .filter(|_| !unplaced)
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.dialog = Some(Dialog::PathEntry {
            purpose,
            text,
            reason,
        });
    }

    /// Where a dialog for `purpose` starts (see [`super::files::suggested_path`]).
    pub fn suggested_path(&self, purpose: FilePurpose) -> Option<PathBuf> {
        let stem = self.file_stem();
        super::files::suggested_path(purpose, self.doc.path.as_deref(), &stem)
    }

    /// Handles the answer of a native dialog.
    pub fn dialog_answered(&mut self, answer: DialogAnswer) {
        match answer {
            DialogAnswer::Chosen(purpose, path) => self.file_chosen(purpose, &path),
            DialogAnswer::ChosenMany(FilePurpose::AddStudents, paths) => self.add_students(paths),
            DialogAnswer::ChosenMany(purpose, paths) => match paths.first() {
                Some(path) => self.file_chosen(purpose, path),
                None => self.cancelled(),
            },
            DialogAnswer::Cancelled => self.cancelled(),
            DialogAnswer::Picked(purpose, name, bytes) => self.picked(purpose, &name, &bytes),
            DialogAnswer::PickedMany(FilePurpose::AddStudents, files) => {
                self.add_picked_students(files);
            }
            DialogAnswer::PickedWritable(name, bytes) => self.picked_writable(&name, &bytes),
            DialogAnswer::PlaceChosen(name) => self.place_chosen(name),
            DialogAnswer::WriteBackFailed(why) => self.write_back_failed(&why),
            DialogAnswer::NotFetched(url, why) => {
                self.status = format!("Could not open {url}: {why}");
            }
            DialogAnswer::PickedMany(purpose, files) => match files.first() {
                Some((name, bytes)) => self.picked(purpose, name, bytes),
                None => self.cancelled(),
            },
            DialogAnswer::DownloadInstead(purpose) => self.download_instead(purpose),
            DialogAnswer::Unavailable(purpose) => self.show_path_entry(
                purpose,
                if purpose.picks_many() {
                    "No file dialog could be shown on this system (no desktop portal or \
                     zenity). Type a folder (all its .ron files are added), or the files' \
                     paths separated by ;."
                } else {
                    "No file dialog could be shown on this system (no desktop portal or \
                     zenity). Type the file's path instead."
                }
                .into(),
            ),
        }
    }

    /// Sets the path field's text.
    pub(super) fn set_path_text(&mut self, new: String) {
        if let Some(Dialog::PathEntry { text, .. }) = &mut self.dialog {
            *text = new;
        }
    }

    /// Confirms the path field: a relative path is taken from the document's folder (or the
    /// working folder, for a document never saved) and shown in full, the kind's extension is
    /// added when missing, and an existing file is replaced only once the user says so.
    pub fn confirm_path_entry(&mut self) {
        let Some(Dialog::PathEntry { purpose, text, .. }) = self.dialog.take() else {
            return;
        };
        if text.trim().is_empty() {
            return self.cancelled();
        }
        if purpose == FilePurpose::AddStudents {
            let base = self
                .doc
                .path
                .as_deref()
                .and_then(Path::parent)
                .map(Path::to_path_buf);
            let paths = super::round::typed_student_files(text.trim(), base.as_deref());
            return self.add_students(paths);
        }
        let path = self.resolve_typed_path(purpose, text.trim());
        if !purpose.picks_existing() && path.exists() {
            self.dialog = Some(Dialog::ConfirmReplace { purpose, path });
            return;
        }
        self.file_chosen(purpose, &path);
    }

    /// The answer to "Replace X?".
    pub(super) fn answer_replace(&mut self, replace: bool) {
        let Some(Dialog::ConfirmReplace { purpose, path }) = self.dialog.take() else {
            return;
        };
        if replace {
            self.file_chosen(purpose, &path);
        } else {
            self.cancelled();
        }
    }

    /// Where a typed path points, in full: relative to the document's folder (else the
    /// working folder), with the extension of the file asked for.
    fn resolve_typed_path(&self, purpose: FilePurpose, typed: &str) -> PathBuf {
        let mut path = PathBuf::from(typed);
        if path.is_relative() {
            let base = self
                .doc
                .path
                .as_deref()
                .and_then(Path::parent)
                .filter(|d| !d.as_os_str().is_empty());
            if let Some(base) = base {
                path = base.join(path);
            }
        }
        let extension = purpose.file_type().1;
        if !purpose.picks_existing() && path.extension().is_none() {
            path.set_extension(extension);
        }
        std::path::absolute(&path).unwrap_or(path)
    }

    /// The file asked for was not given: nothing happens, nor what was to follow a save.
    pub(super) fn cancelled(&mut self) {
        self.files.after_save = None;
        self.status = "Cancelled".into();
    }

    /// Carries out what a file was asked for.
    fn file_chosen(&mut self, purpose: FilePurpose, path: &Path) {
        if purpose != FilePurpose::SaveAs {
            self.files.after_save = None;
        }
        match purpose {
            FilePurpose::Open => self.open_path(path),
            FilePurpose::SaveAs => self.save_to(path),
            FilePurpose::Export(Format::Png) => self.files.png_target = Some(path.to_owned()),
            FilePurpose::Export(Format::StudentsCopy) => self.hand_out_to(path),
            FilePurpose::Export(format) => self.export(format, path),
            FilePurpose::AddStudents => self.add_students(vec![path.to_path_buf()]),
            FilePurpose::CompareWith => self.compare_with(path),
            FilePurpose::ImportTable => self.import_table(path),
        }
    }

    /// Writes the file `format` makes of the document, with the weights in use, at `path`
    /// (atomically), on a worker: a large scenario's handout or workbook takes seconds.
    pub fn export(&mut self, format: Format, path: &Path) {
        let scenario = self.doc.scenario().clone();
        let perspective = self.perspective.clone();
        let hide = self.round.handout_hides_scores;
        let path = path.to_owned();
        let job = move || {
            let weights = super::weight_set_of(&scenario, perspective.as_deref());
            match format.make(&scenario, weights, hide) {
                Some(Ok(bytes)) => match crate::io::write_atomically(&path, &bytes) {
                    Ok(()) => format.written(&path),
                    Err(e) => format!("Not exported: {e}"),
                },
                Some(Err(e)) => format!("Not made: {e}"),
                None => format!("{} is made by the window", format.title()),
            }
        };
        if format.takes_long() {
            self.export_in_background(format.noun(), job);
        } else {
            self.status = job();
        }
    }

    fn export_in_background(&mut self, what: &str, job: impl FnOnce() -> String + Send + 'static) {
        self.status = format!("Exporting {what}…");
        let started = self
            .jobs
            .start(JobKind::Export, self.doc.key(), 0, move |_| {
                let status = job();
                Box::new(move |app: &mut AppState| app.status = status)
            });
        match started {
            Ok(()) => self.take_finished_jobs(),
            Err(e) => self.status = format!("Not exported: {e}"),
        }
    }

    /// True while an export is being written.
    pub fn is_exporting(&self) -> bool {
        self.jobs.is_running(JobKind::Export)
    }

    /// Writes a picture of the window (PNG bytes) where the export asked for it.
    pub fn picture_taken(&mut self, png: Result<Vec<u8>, String>) {
        let Some(path) = self.files.png_target.take() else {
            return;
        };
        if std::mem::take(&mut self.files.png_download) {
            return self.picture_to_download(&path, png);
        }
        let written = png.and_then(|bytes| {
            crate::io::write_atomically(&path, &bytes).map_err(|e| e.to_string())
        });
        self.status = match written {
            Ok(()) => format!("Saved the view as {}", path.display()),
            Err(e) => {
                self.dialog = Some(Dialog::SaveFailed(e));
                "Not exported".into()
            }
        };
    }

    /// Restores work found by crash recovery, as a new document with unsaved changes.
    pub fn restore(&mut self, recovered: Recovered) {
        let mut doc = Document::new(recovered.scenario, recovered.original);
        doc.mark_unsaved();
        // The copy stays, as this session's, until the restored work is saved or discarded.
        let mut recovery = self.files.recovery.take();
        if let Some(r) = &mut recovery {
            r.adopt(&recovered.copy);
        }
        self.replace_document(doc);
        self.files.recovery = recovery;
        self.status = "Restored unsaved work from the last session".into();
    }

    /// Deletes the work found by crash recovery.
    pub(super) fn discard_recovered(&mut self, found: &Recovered) {
        if let Some(r) = &self.files.recovery {
            r.discard(&found.copy);
        }
        self.status = "The kept copy was deleted".into();
    }

    /// The window's close button: lets it through, or asks about unsaved changes first.
    /// True when the window may close now.
    pub fn close_requested(&mut self) -> bool {
        if self.files.close_confirmed {
            return true;
        }
        self.finish_save();
        // A live round running ends here, its answers added to the document: then the
        // question about unsaved changes covers them too.
        self.close_live();
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::UnsavedChanges(Pending::Quit));
            false
        } else {
            self.clear_recovery();
            true
        }
    }
}

impl AppState {
    /// Applies a message of files and saving.
    pub(super) fn update_file(&mut self, msg: super::msg::FileMsg) {
        use super::msg::FileMsg;
        use super::Dialog;
        use super::Pending;
        match msg {
            FileMsg::Tick { busy, focused } => {
                self.tick_recovery(busy);
                if focused {
                    self.look_at_disk_now();
                } else {
                    self.look_at_disk();
                }
            }
            FileMsg::PictureTaken(png) => self.picture_taken(png),
            FileMsg::Request(pending) => self.request(pending),
            FileMsg::AnswerUnsaved(save) => self.answer_unsaved(save),
            FileMsg::AnswerLiveRunning(go_on) => {
                let Some(Dialog::LiveRoundRunning(pending)) = self.dialog.take() else {
                    return;
                };
                if go_on {
                    // The answers join this lesson (one undo step); then "Save changes?".
                    self.close_live();
                    self.request(pending);
                }
            }
            FileMsg::Disk(answer) => self.answer_disk(answer),
            FileMsg::RestoreRecovered => {
                if let Some(Dialog::Recover(found)) = self.dialog.take() {
                    self.restore(found);
                }
            }
            FileMsg::DiscardRecovered => {
                if let Some(Dialog::Recover(found)) = self.dialog.take() {
                    self.discard_recovered(&found);
                }
            }
            FileMsg::DialogAnswered(answer) => self.dialog_answered(answer),
            FileMsg::Dropped(path) => {
                if !self.editing_blocked() {
                    self.request(Pending::Open(Some(path)));
                }
            }
            FileMsg::CloseComparison => self.round.comparison = None,
            FileMsg::CloseRequested => {
                self.close_requested();
            }
        }
    }
}
