//! The inspector: shows the selection in full and turns changes into edits.

mod cell;
mod criterion;
mod fields;
mod health;
mod proposal;
mod red_line;
mod scenario;

use crate::app::SelectMsg;
use egui::Ui;

use crate::app::{AppState, Msg, Outbox, Selection};

/// Draws the inspector for the current selection.
pub fn inspector_ui(ui: &mut Ui, state: &AppState, out: &mut Outbox) {
    ui.horizontal(|ui| {
        ui.heading("Inspector");
        if !matches!(state.selection(), Selection::Scenario)
            && ui
                .button("Scenario")
                .on_hover_text("Show the scenario and its sources")
                .clicked()
        {
            out.send(Msg::Selection(SelectMsg::Select(Selection::Scenario)));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("inspector-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| match &state.selection() {
            Selection::Scenario => scenario::scenario_ui(ui, state, out),
            Selection::Cell(c, p) => cell::cell_ui(ui, state, c, p, out),
            Selection::Proposal(p) => proposal::proposal_ui(ui, state, p, out),
            Selection::Criterion(c) => criterion::criterion_ui(ui, state, c, out),
        });
}

/// At most `n` characters of `s`, with an ellipsis when cut.
pub(super) fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}
