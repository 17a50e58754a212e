//! The one way in: every message from the views is applied here, in order, once per frame.

use super::jobs::{Done, JobKind, JobMsg};
use super::{AppState, Command, Dialog, FilePurpose, Msg, Pending, Presenter};

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
            Msg::Doc(msg) => self.update_doc(msg),
            Msg::Selection(msg) => self.update_selection(msg),
            Msg::Dialog(msg) => self.update_dialog(msg),
            Msg::File(msg) => self.update_file(msg),
            Msg::View(msg) => self.update_view(msg),
            Msg::Analysis(msg) => self.update_analysis(msg),
            Msg::Round(msg) => self.update_round(msg),
            Msg::Live(msg) => self.update_live(msg),
            Msg::Command(command) => self.run(command),
            Msg::Job(JobMsg::Done(done)) => self.job_done(*done),
            Msg::Job(JobMsg::Cancel(kind)) => self.jobs.ask_to_stop(kind),
            Msg::Present(command) => {
                let live = self.live_here();
                if let Some(p) = &mut self.view.presenter {
                    if !p.apply(command, self.doc.scenario(), live) {
                        self.view.presenter = None;
                        self.status = "Left the presentation".into();
                    }
                }
            }
        }
    }

    /// Runs a command from the menu, the toolbar or the keyboard. Commands that change or
    /// replace the document do nothing while a modal dialog is open or a presentation runs
    /// (the keyboard also leaves them alone while the quick-weights window is open).
    pub fn run(&mut self, command: Command) {
        let blocked = (self.dialog.is_some() && !command.runs_over_dialog())
            || (self.view.presenter.is_some() && !command.runs_while_presenting());
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
            Command::Present => self.view.presenter = Some(Presenter::default()),
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
            Command::StartLiveRound => {
                // The round view shows how to start one (or the one running).
                self.view.main_view = super::MainView::Round;
                self.round.live_setup = true;
            }
            Command::ZoomIn => self.prefs.zoom_by(1.1),
            Command::ZoomOut => self.prefs.zoom_by(1.0 / 1.1),
            Command::ZoomReset => self.prefs.zoom = 1.0,
        }
    }

    /// Shows `view`, or the comparison if it is shown already.
    fn toggle_view(&mut self, view: super::MainView) {
        self.view.main_view = if self.view.main_view == view {
            super::MainView::Comparison
        } else {
            view
        };
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
