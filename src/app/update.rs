//! The one way in: every message from the views is applied here, in order, once per frame.

use super::jobs::{Done, JobKind, JobMsg};
use super::{AppState, Command, Dialog, FilePurpose, Msg, Pending, Presenter, QuickMsg};

impl AppState {
    /// Applies every message of a frame, in the order they were sent, after taking in
    /// what background work has finished.
    pub fn update_all(&mut self, msgs: impl IntoIterator<Item = Msg>) {
        self.take_finished_jobs();
        self.offer_recovered();
        self.follow_comparison();
        for msg in msgs {
            self.update(msg);
        }
        self.follow_browse();
        self.follow_derived();
    }

    /// Applies one message.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Edit { label, key, edit } => match self.stated_weights_touched(&edit) {
                Some((perspective, name)) => self.ask_about_stated(super::StatedEdit {
                    perspective,
                    name,
                    label,
                    key,
                    edit: *edit,
                }),
                None => self.route_score_edit(label, key, *edit),
            },
            Msg::AnswerScoreTarget(target) => self.answer_score_target(target),
            Msg::Command(command) => self.run(command),
            Msg::Job(JobMsg::Done(done)) => self.job_done(*done),
            Msg::Job(JobMsg::Cancel(kind)) => self.jobs.ask_to_stop(kind),
            Msg::Tick { busy, focused } => {
                self.tick_recovery(busy);
                if focused {
                    self.look_at_disk_now();
                } else {
                    self.look_at_disk();
                }
            }
            Msg::PictureTaken(png) => self.picture_taken(png),
            Msg::Select(selection) => self.selection = selection,
            Msg::Reveal(selection) => {
                if let super::Selection::Proposal(p) | super::Selection::Cell(_, p) = &selection {
                    self.unhide(&p.clone());
                }
                self.select(selection);
            }
            Msg::Browse(msg) => self.browse_msg(msg),
            Msg::Revealed => self.reveal = None,
            Msg::NameFocused => self.naming = None,
            Msg::SealGesture => self.seal_gesture(),
            Msg::SetPerspective(id) => self.set_perspective(id),
            Msg::Request(pending) => self.request(pending),
            Msg::AnswerUnsaved(save) => self.answer_unsaved(save),
            Msg::PathText(text) => self.set_path_text(text),
            Msg::ConfirmPath => self.confirm_path_entry(),
            Msg::AnswerReplace(replace) => self.answer_replace(replace),
            Msg::AnswerStated(choice) => self.answer_stated(choice),
            Msg::CloseQuick => self.quick = None,
            Msg::CloseDialog => {
                if matches!(self.dialog, Some(Dialog::PathEntry { .. })) {
                    self.cancelled();
                }
                if matches!(
                    self.dialog,
                    Some(Dialog::NewerOnDisk(_) | Dialog::Compare(_))
                ) {
                    // Not saved: what was to follow the save (quit, open) does not happen.
                    self.after_save = None;
                    self.status = "Not saved".into();
                }
                self.dialog = None;
            }
            Msg::ShowAbout => self.dialog = Some(Dialog::About),
            Msg::SaveAsInstead => {
                self.dialog = None;
                self.ask_for_file(FilePurpose::SaveAs);
            }
            Msg::Disk(answer) => self.answer_disk(answer),
            Msg::RestoreRecovered => {
                if let Some(Dialog::Recover(found)) = self.dialog.take() {
                    self.restore(found);
                }
            }
            Msg::DiscardRecovered => {
                if let Some(Dialog::Recover(found)) = self.dialog.take() {
                    self.discard_recovered(&found);
                }
            }
            Msg::Present(command) => {
                if let Some(p) = &mut self.presenter {
                    if !p.apply(command, self.doc.scenario()) {
                        self.presenter = None;
                        self.status = "Left the presentation".into();
                    }
                }
            }
            Msg::ShowAnalysis(show) => {
                self.main_view = if show {
                    super::MainView::Analysis
                } else {
                    super::MainView::Comparison
                };
            }
            Msg::Show(view) => self.main_view = view,
            Msg::Quick(q) => self.quick_weights(q),
            Msg::AddProposal(after) => self.add_proposal(after),
            Msg::DuplicateProposal(i) => self.duplicate_proposal(i),
            Msg::DeleteProposal(i) => self.delete_proposal(i),
            Msg::AddCriterion(after) => self.add_criterion(after),
            Msg::DuplicateCriterion(k) => self.duplicate_criterion(k),
            Msg::DeleteCriterion(k) => self.delete_criterion(k),
            Msg::AddSource => self.add_source(),
            Msg::AddPerspective => self.add_perspective(),
            Msg::SetTheme(theme) => self.prefs.theme = theme,
            Msg::ShowInspector(shown) => self.prefs.show_inspector = shown,
            Msg::SetCardsHeight(h) => self.prefs.cards_height = h,
            Msg::DialogAnswered(answer) => self.dialog_answered(answer),
            Msg::Dropped(path) => {
                if !self.editing_blocked() {
                    self.request(Pending::Open(Some(path)));
                }
            }
            Msg::AddStudents(paths) => self.add_students(paths),
            Msg::HandOutHidesScores(hide) => {
                if let Some(super::Dialog::HandOut { hide_scores }) = &mut self.dialog {
                    *hide_scores = hide;
                }
            }
            Msg::HandOutSave => self.hand_out_save(),
            Msg::StudentNameText(text) => {
                if let Some(super::Dialog::StudentName(name)) = &mut self.dialog {
                    *name = text;
                }
            }
            Msg::StudentNameConfirm => self.student_name_confirm(),
            Msg::CloseComparison => self.comparison = None,
            Msg::Import(msg) => self.import_msg(msg),
            Msg::CompareProposals(pair) => {
                self.compared_proposals = pair.map(|(a, b)| (self.doc.id(), a, b));
            }
            Msg::WorkOutAcceptability(settings) => self.work_out_acceptability(settings),
            Msg::RemoveReading(id) => {
                if !self.editing_blocked() {
                    self.remove_reading(&id);
                }
            }
            Msg::CloseRequested => {
                self.close_requested();
            }
            Msg::Status(text) => self.status = text,
        }
    }

    /// Runs a command from the menu, the toolbar or the keyboard. Commands that change or
    /// replace the document do nothing while a modal dialog is open or a presentation runs
    /// (the keyboard also leaves them alone while the quick-weights window is open).
    pub fn run(&mut self, command: Command) {
        let blocked = (self.dialog.is_some() && !command.runs_over_dialog())
            || (self.presenter.is_some() && !command.runs_while_presenting());
        if blocked {
            return;
        }
        match command {
            Command::New => self.request(Pending::New(crate::seeds::BLANK)),
            Command::Open => self.request(Pending::Open(None)),
            Command::Save => self.save(),
            Command::SaveAs => self.ask_for_file(FilePurpose::SaveAs),
            Command::Quit => self.request(Pending::Quit),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::AddProposal => self.add_proposal(None),
            Command::AddCriterion => self.add_criterion(None),
            Command::DeleteSelection => self.delete_selection(),
            Command::ToggleInspector => self.prefs.show_inspector = !self.prefs.show_inspector,
            Command::ShowShortcuts => self.dialog = Some(Dialog::Shortcuts),
            Command::Present => self.presenter = Some(Presenter::default()),
            Command::WhyRanking => self.toggle_view(super::MainView::Analysis),
            Command::EveryoneAtOnce => self.toggle_view(super::MainView::Everyone),
            Command::ClassRound => self.toggle_view(super::MainView::Round),
            Command::AddStudents => self.ask_for_file(FilePurpose::AddStudents),
            Command::CompareWithFile => self.ask_for_file(FilePurpose::CompareWith),
            Command::ImportTable => self.ask_for_file(FilePurpose::ImportTable),
            Command::Export(format) => self.ask_for_file(FilePurpose::Export(format)),
            Command::HandOut => {
                self.dialog = Some(Dialog::HandOut { hide_scores: true });
            }
            Command::ZoomIn => self.prefs.zoom_by(1.1),
            Command::ZoomOut => self.prefs.zoom_by(1.0 / 1.1),
            Command::ZoomReset => self.prefs.zoom = 1.0,
        }
    }

    /// Shows `view`, or the comparison if it is shown already.
    fn toggle_view(&mut self, view: super::MainView) {
        self.main_view = if self.main_view == view {
            super::MainView::Comparison
        } else {
            view
        };
    }

    /// The quick-weights window: open it, rearrange it, or apply it as one undoable step.
    fn quick_weights(&mut self, msg: QuickMsg) {
        if let QuickMsg::Open = msg {
            let q = super::QuickWeights::start(self.scenario(), &self.eval.weights);
            self.quick = Some(q);
            return;
        }
        let Some(q) = &mut self.quick else {
            return;
        };
        let (weights, label) = match msg {
            QuickMsg::Open => return,
            QuickMsg::Up(pos) => return q.move_by_one(pos, true),
            QuickMsg::Down(pos) => return q.move_by_one(pos, false),
            QuickMsg::Swing(id, r) => return q.set_swing(&id, r),
            QuickMsg::ApplyRankOrder => (q.rank_order(), "quick weights (rank order)"),
            QuickMsg::ApplySwing => (q.swing(), "quick weights (swing)"),
        };
        self.quick = None;
        // Under a perspective, quick weights set that perspective's weights (asked about
        // like any change of stated weights); otherwise the criteria's own.
        let edit = super::quick::weights_edit(self.scenario(), self.perspective(), &weights);
        self.update(Msg::Edit {
            label: label.to_owned(),
            key: None,
            edit: Box::new(edit),
        });
    }
}

impl AppState {
    /// Brings in every job that has finished, each as a message through `update`.
    pub(super) fn take_finished_jobs(&mut self) {
        for done in self.jobs.poll() {
            self.update(Msg::Job(JobMsg::Done(Box::new(done))));
        }
    }

    /// Waits for the job of `kind`, if one runs, and takes in its result (before quitting,
    /// and in tests that look at what a job wrote).
    pub fn finish_job(&mut self, kind: JobKind) {
        if let Some(done) = self.jobs.wait(kind) {
            self.update(Msg::Job(JobMsg::Done(Box::new(done))));
        }
    }

    /// Takes in what a job gave. The one place where a result for a document that is no
    /// longer open (or has changed since, for an analysis) is dropped.
    fn job_done(&mut self, done: Done<AppState>) {
        if done.kind.belongs_to_document() && done.doc.id != self.doc.id() {
            if done.kind == JobKind::StudentsFiles {
                self.status = "Students' files not added: another document is open now".into();
            }
            // A save written for a replaced document: the file is fine, but it says
            // nothing about the document now open.
            return;
        }
        match done.apply {
            Some(apply) => apply(self),
            // The job's thread ended without a result.
            None => match done.kind {
                JobKind::Save => self.saved(None),
                JobKind::StudentsFiles => self.students_read(Vec::new(), done.total),
                JobKind::RecoveryLookup => self.recovery_found(None),
                JobKind::Acceptability => self.derived.acceptability_lost(),
                _ => {}
            },
        }
    }
}
