//! "Why this ranking?": sentences from the sensitivity analysis with their charts (weight
//! sweep, tornado), totals, contributions, a radar of scores, rank acceptability (SMAA-2,
//! computed off the UI thread, or in a browser between frames), and quick weights. Everything follows the open scenario and
//! the chosen perspective; results are keyed by (document id, version, perspective), and
//! the whole view starts afresh when another document is opened.

pub mod everyone;

mod charts;
mod quick;
mod smaa;
mod sweep;

use crate::app::AnalysisMsg;
use egui::{RichText, Ui};

pub use crate::app::derived::SmaaSettings;
use crate::app::{AppState, DocId, DocKey, Msg, Outbox, QuickMsg};

pub use quick::quick_weights_ui;

/// View state of the analysis: its choices. What they give is worked out in the app's
/// one cache (`AppState::explained`, `sweep`, `acceptability`).
#[derive(Default)]
pub struct AnalysisView {
    /// The document this view's state belongs to.
    doc: Option<DocId>,
    /// The criterion whose weight is swept.
    pub criterion: usize,
    /// Monte Carlo settings.
    pub options: SmaaSettings,
    /// Whether the user chose the criterion (otherwise the most telling one is shown).
    picked: bool,
    /// The document state the results were last shown for.
    shown_for: Option<DocKey>,
}

impl AnalysisView {
    /// Starts afresh (keeping the Monte Carlo settings) when the document is another one.
    pub fn follow(&mut self, doc: DocId) {
        if self.doc == Some(doc) {
            return;
        }
        *self = Self {
            doc: Some(doc),
            options: self.options,
            ..Self::default()
        };
    }

    /// The document state the shown results were computed for, if any.
    pub fn cached_for(&self) -> Option<DocKey> {
        self.shown_for
    }
}

/// Charts show at most this many proposals, the best ranked; beyond that they would be
/// unreadable and slow to draw.
pub const MAX_CHARTED: usize = 12;

/// The proposals the charts show: all of them, or the best-ranked `MAX_CHARTED`.
fn charted(state: &AppState) -> Vec<usize> {
    let n = state.scenario().proposals.len();
    if n <= MAX_CHARTED {
        (0..n).collect()
    } else {
        state
            .eval()
            .order
            .iter()
            .copied()
            .take(MAX_CHARTED)
            .collect()
    }
}

/// Says so when the charts leave proposals out.
fn charted_note(ui: &mut Ui, state: &AppState) {
    let n = state.scenario().proposals.len();
    if n > MAX_CHARTED {
        ui.label(
            RichText::new(format!(
                "Showing the {MAX_CHARTED} best-ranked of {n} proposals."
            ))
            .small()
            .weak(),
        );
    }
}

/// Draws the analysis in the central area.
pub fn analysis_ui(ui: &mut Ui, state: &AppState, view: &mut AnalysisView, out: &mut Outbox) {
    view.follow(state.doc().id());
    let n_c = state.scenario().criteria.len();
    if n_c == 0 || state.scenario().proposals.len() < 2 {
        ui.label("Add at least two proposals and one criterion, and score them, to see why they rank as they do.");
        return;
    }
    let explained = state.explained();
    view.shown_for = Some(state.doc().key());
    let sentences = &explained.explanation.sentences;
    if !view.picked {
        // Start with the weight that moves the leader's margin most.
        view.criterion = explained.tornado.first().map_or(0, |b| b.criterion);
    }
    view.criterion = view.criterion.min(n_c - 1);
    smaa::run_smaa(ui.ctx(), state, view, out);
    egui::ScrollArea::vertical().id_salt("analysis").auto_shrink([false, false]).show(ui, |ui| {
        ui.heading("Why this ranking?");
        for s in sentences {
            ui.label(RichText::new(s).size(16.0));
        }
        ui.horizontal(|ui| {
            if ui
                .button("Quick weights…")
                .on_hover_text("Set the weights from a ranking of the criteria or from swing ratings (undoable)")
                .clicked()
            {
                out.send(Msg::Analysis(AnalysisMsg::Quick(QuickMsg::Open)));
            }
        });
        ui.add_space(8.0);
        ui.columns(2, |cols| {
            sweep::sweep_ui(&mut cols[0], state, view, out);
            sweep::tornado_ui(&mut cols[1], state);
        });
        ui.add_space(8.0);
        ui.columns(2, |cols| {
            charts::totals_ui(&mut cols[0], state);
            charts::contributions_ui(&mut cols[1], state);
        });
        ui.add_space(8.0);
        ui.columns(2, |cols| {
            smaa::acceptability_ui(&mut cols[0], state, view);
            charts::radar_ui(&mut cols[1], state);
        });
    });
}
