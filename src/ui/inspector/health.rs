//! "Scenario health" in the inspector: the content check of `concord check --strict`, each
//! finding a link to its cell, proposal, source or perspective.

use crate::app::SelectMsg;
use std::sync::Arc;

use egui::{RichText, Ui};

use crate::app::{AppState, Msg, Outbox, Selection};
use crate::io::health::{health, passes, Concern, Health, Place};

/// Findings listed at most; the rest are counted.
const LISTED: usize = 60;

/// The findings for this state of the document, worked out once (they read every cell).
fn findings(ui: &Ui, state: &AppState) -> Arc<Vec<Health>> {
    let key = state.doc().key();
    let id = egui::Id::unique("scenario-health").with((key.id, key.version));
    if let Some(found) = ui.data(|d| d.get_temp::<Arc<Vec<Health>>>(id)) {
        return found;
    }
    let found = Arc::new(health(state.scenario()));
    ui.data_mut(|d| d.insert_temp(id, Arc::clone(&found)));
    found
}

/// The section, folded until opened (only then is the check run).
pub(super) fn health_ui(ui: &mut Ui, state: &AppState, out: &mut Outbox) {
    egui::CollapsingHeader::new(RichText::new("Scenario health").strong())
        .id_salt("scenario-health")
        .show(ui, |ui| {
            let found = findings(ui, state);
            if passes(&found) {
                ui.label("Every score has its evidence and says whose reading it is; sources, perspectives and red lines are sourced.");
            }
            // Silent cells are listed by `concord check --strict` for the record; here they
            // are counted, so the list stays for what needs doing.
            let silent = found.iter().filter(|h| h.concern == Concern::Silent).count();
            if silent > 0 {
                ui.label(RichText::new(format!("{silent} cells say their text is silent (not addressed by red lines; concord check --strict lists them)")).small().weak());
            }
            for h in found.iter().filter(|h| h.concern != Concern::Silent).take(LISTED) {
                let text = format!("{}: {}", h.concern.label(), h.message);
                let target = match &h.place {
                    Place::Cell(c, p) => Selection::Cell(c.clone(), p.clone()),
                    Place::Proposal(p) => Selection::Proposal(p.clone()),
                    Place::Source(_) | Place::Perspective(_) => Selection::Scenario,
                };
                let where_ = match &h.place {
                    Place::Cell(c, p) => format!("{p} × {c}"),
                    Place::Proposal(p) => p.clone(),
                    Place::Source(s) => format!("source {s}"),
                    Place::Perspective(p) => format!("perspective {p}"),
                };
                if ui
                    .link(RichText::new(format!("{where_} — {text}")).small())
                    .on_hover_text("Show it")
                    .clicked()
                {
                    out.send(Msg::Selection(SelectMsg::Reveal(target)));
                }
            }
            let listed = found.len() - silent;
            if listed > LISTED {
                ui.label(RichText::new(format!("… and {} more (concord check --strict lists them all)", listed - LISTED)).small().weak());
            }
        });
}
