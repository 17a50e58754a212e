//! "Why this ranking?": sentences from the sensitivity analysis with their charts (weight
//! sweep, tornado), totals, contributions, a radar of scores, rank acceptability (SMAA-2,
//! computed off the UI thread, or in a browser between frames), and quick weights. Everything follows the open scenario and
//! the chosen perspective; results are keyed by (document id, version, perspective), and
//! the whole view starts afresh when another document is opened.

mod charts;
mod quick;
mod smaa;
mod sweep;

use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::sync::Arc;

use egui::{RichText, Ui};

use crate::analysis::tornado::DEFAULT_DELTA;
use crate::analysis::{
    explain, tornado, Explanation, SmaaOptions, SmaaResult, TornadoBar, WeightConstraint,
};
use crate::app::{AppState, DocId, DocKey, Msg, Outbox, QuickMsg};

pub use quick::quick_weights_ui;

/// View state of the analysis: choices, cached results, the Monte Carlo job.
#[derive(Default)]
pub struct AnalysisView {
    /// The document this view's state belongs to.
    doc: Option<DocId>,
    /// The criterion whose weight is swept.
    pub criterion: usize,
    /// Monte Carlo settings.
    pub options: SmaaSettings,
    cache: Option<Cached>,
    job: Option<Job>,
    smaa: Option<SmaaResult>,
    /// Whether the user chose the criterion (otherwise the most telling one is shown).
    picked: bool,
}

/// Monte Carlo settings as edited in the panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SmaaSettings {
    /// Draws.
    pub draws: usize,
    /// Seed.
    pub seed: u64,
    /// 0 free, 1 keep order, 2 within ±percent.
    pub kind: u8,
    /// Percent for `kind == 2`.
    pub percent: f64,
}

impl Default for SmaaSettings {
    fn default() -> Self {
        // The library's defaults, so the window and `concord analyze` agree.
        let o = SmaaOptions::default();
        Self {
            draws: o.draws,
            seed: o.seed,
            kind: match o.constraint {
                WeightConstraint::Free => 0,
                WeightConstraint::KeepOrder => 1,
                WeightConstraint::Around(_) => 2,
            },
            percent: match o.constraint {
                WeightConstraint::Around(p) => p * 100.0,
                _ => 20.0,
            },
        }
    }
}

impl SmaaSettings {
    fn options(&self) -> SmaaOptions {
        SmaaOptions {
            draws: self.draws,
            seed: self.seed,
            constraint: match self.kind {
                1 => WeightConstraint::KeepOrder,
                2 => WeightConstraint::Around(self.percent / 100.0),
                _ => WeightConstraint::Free,
            },
        }
    }
}

struct Cached {
    key: (DocKey, Option<String>),
    explanation: Explanation,
    tornado: Vec<TornadoBar>,
    /// The sweep of one criterion: which, every proposal's line, and where the lead changes.
    sweep: Option<(usize, Sweep)>,
}

/// Lines of totals (in points) as one weight moves, and the points where the leader is
/// crossed.
type Sweep = (Vec<Vec<[f64; 2]>>, Vec<[f64; 2]>);

/// A Monte Carlo run under way; its result is `None` when it was cancelled.
struct Job {
    key: (DocKey, Option<String>, SmaaSettings),
    progress: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    task: crate::platform::Task<Option<SmaaResult>>,
}

impl AnalysisView {
    /// Starts afresh (keeping the Monte Carlo settings) when the document is another one;
    /// a job still running for the old one is cancelled and its result never shown.
    pub fn follow(&mut self, doc: DocId) {
        if self.doc == Some(doc) {
            return;
        }
        if let Some(job) = &self.job {
            job.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        *self = Self {
            doc: Some(doc),
            options: self.options,
            ..Self::default()
        };
    }

    /// The rank acceptability shown, if any.
    pub fn acceptability(&self) -> Option<&SmaaResult> {
        self.smaa.as_ref()
    }

    /// The document state the shown results were computed for, if any.
    pub fn cached_for(&self) -> Option<DocKey> {
        self.cache.as_ref().map(|c| c.key.0)
    }

    /// The explanation for the current document (recomputed only after a change).
    pub fn explanation(&mut self, state: &AppState) -> &Explanation {
        self.follow(state.doc().id());
        let key = (state.doc().key(), state.perspective().map(str::to_owned));
        if self.cache.as_ref().is_none_or(|c| c.key != key) {
            self.cache = Some(Cached {
                key,
                explanation: explain(state.scenario(), state.eval()),
                tornado: tornado(state.eval(), DEFAULT_DELTA),
                sweep: None,
            });
        }
        &self.cache.as_ref().expect("just filled").explanation
    }

    /// The sweep of criterion k, computed once per document version and criterion.
    fn sweep(&mut self, state: &AppState, k: usize) -> Sweep {
        self.explanation(state);
        let cache = self.cache.as_mut().expect("just filled");
        if cache.sweep.as_ref().is_none_or(|(c, _)| *c != k) {
            cache.sweep = Some((k, sweep::compute(state.eval(), k)));
        }
        cache
            .sweep
            .as_ref()
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
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
    let sentences = view.explanation(state).sentences.clone();
    if !view.picked {
        // Start with the weight that moves the leader's margin most.
        view.criterion = view
            .cache
            .as_ref()
            .and_then(|c| c.tornado.first())
            .map_or(0, |b| b.criterion);
    }
    view.criterion = view.criterion.min(n_c - 1);
    smaa::run_smaa(ui.ctx(), state, view);
    egui::ScrollArea::vertical().id_salt("analysis").auto_shrink([false, false]).show(ui, |ui| {
        ui.heading("Why this ranking?");
        for s in &sentences {
            ui.label(RichText::new(s).size(16.0));
        }
        ui.horizontal(|ui| {
            if ui
                .button("Quick weights…")
                .on_hover_text("Set the weights from a ranking of the criteria or from swing ratings (undoable)")
                .clicked()
            {
                out.send(Msg::Quick(QuickMsg::Open));
            }
        });
        ui.add_space(8.0);
        ui.columns(2, |cols| {
            sweep::sweep_ui(&mut cols[0], state, view, out);
            sweep::tornado_ui(&mut cols[1], state, view);
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
