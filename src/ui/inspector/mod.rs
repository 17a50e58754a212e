//! The inspector: shows the selection in full and turns changes into edits.

mod cell;
mod criterion;
mod proposal;
mod scenario;

use egui::Ui;

use crate::app::{AppState, Selection};

pub use criterion::add_criterion;
pub use proposal::add_proposal;

/// Draws the inspector for the current selection.
pub fn inspector_ui(ui: &mut Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        ui.heading("Inspector");
        if !matches!(state.selection, Selection::Scenario)
            && ui
                .button("Scenario")
                .on_hover_text("Show the scenario and its sources")
                .clicked()
        {
            state.selection = Selection::Scenario;
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("inspector-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| match state.selection.clone() {
            Selection::Scenario => scenario::scenario_ui(ui, state),
            Selection::Cell(c, p) => cell::cell_ui(ui, state, &c, &p),
            Selection::Proposal(p) => proposal::proposal_ui(ui, state, &p),
            Selection::Criterion(c) => criterion::criterion_ui(ui, state, &c),
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
