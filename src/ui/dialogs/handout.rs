//! The class round's dialogs: handing out a copy, and the student's name on a copy opened.

use super::name_field_focused;
use crate::app::{AppState, DialogMsg, Msg, Outbox};

/// Hand out for a class round: what the students' copy holds, then where to save it.
pub(super) fn hand_out_ui(ui: &mut egui::Ui, hide_scores: bool, out: &mut Outbox) {
    ui.heading("Hand out for a class round");
    ui.label(
        "Saves a copy for your students. Each student opens it, gives a name, scores and \
         reasons as they read the sources, and sends it back; File ▸ Class round ▸ Add \
         students' files… then puts the class's copies together. The proposals and criteria \
         stay fixed in the copies so that they can be merged; your stated perspectives come \
         along, students' readings do not.",
    );
    let mut hide = hide_scores;
    if ui
        .checkbox(
            &mut hide,
            "Leave my scores out (students score from the sources)",
        )
        .on_hover_text("Without your scores, every student's value is their own choice")
        .changed()
    {
        out.send(Msg::Dialog(DialogMsg::HandOutHidesScores(hide)));
    }
    ui.horizontal(|ui| {
        if ui
            .button("Save the students' copy…")
            .on_hover_text("Choose where to save it")
            .clicked()
        {
            out.send(Msg::Dialog(DialogMsg::HandOutSave));
        }
        if ui.button("Cancel").clicked() {
            out.send(Msg::Dialog(DialogMsg::CloseDialog));
        }
    });
}

/// A handed-out copy opened for the first time: whose copy is it?
pub(super) fn student_name_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    mut name: String,
    out: &mut Outbox,
) {
    ui.heading("Your name");
    let from = state
        .scenario()
        .handout
        .as_ref()
        .map_or(String::new(), |h| h.from.clone());
    ui.label(format!(
        "This is a copy of \"{from}\" handed out for a class round. Your name is kept in it, \
         so that your teacher can tell the class's copies apart."
    ));
    let label = ui.label("Name");
    let r = ui
        .add(egui::TextEdit::singleline(&mut name).desired_width(320.0))
        .labelled_by(label.id);
    if !ui.data(|d| d.get_temp::<bool>(name_field_focused()).unwrap_or(false)) {
        r.request_focus();
        ui.data_mut(|d| d.insert_temp(name_field_focused(), true));
    }
    if r.changed() {
        out.send(Msg::Dialog(DialogMsg::StudentNameText(name.clone())));
    }
    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!name.trim().is_empty(), egui::Button::new("OK"))
            .clicked()
            || enter
        {
            out.send(Msg::Dialog(DialogMsg::StudentNameConfirm));
        }
        if ui
            .button("Later")
            .on_hover_text("You will be asked again when the copy is opened")
            .clicked()
        {
            out.send(Msg::Dialog(DialogMsg::CloseDialog));
        }
    });
}
