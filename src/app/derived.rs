//! One cache for what is worked out from the document: the explanation of the ranking and
//! its charts' data, "Everyone at once", the class round's statistics and rank
//! acceptability. Each is keyed by the document's state (`DocKey`) and its other inputs,
//! computed once per change, and read alike by the views, the presentation and the
//! exports. Cheap results are computed when first read; long ones (a large scenario's
//! matrix, the Monte Carlo draws) run on the job runner and arrive as messages.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use super::jobs::{Apply, Control, JobKind};
use super::{AppState, DocKey};
use crate::analysis::perspectives::{sentences as matrix_sentences, Matrix, MatrixRun};
use crate::analysis::round::{round, sentences as round_sentences, Round};
use crate::analysis::smaa::SmaaRun;
use crate::analysis::tornado::DEFAULT_DELTA;
use crate::analysis::{
    explain, tornado, Explanation, SmaaOptions, SmaaResult, TornadoBar, WeightConstraint,
};
use crate::model::Scenario;
use crate::platform::Slices;
use crate::scoring::{Evaluation, WeightSet};

/// Scenarios with more cells than this get "Everyone at once" on a worker, or in a browser
/// a perspective at a time between frames (2,000 × 300 with 20 perspectives takes about a
/// tenth of a second natively), so the window never stalls.
pub const EVERYONE_ON_A_WORKER_FROM: usize = 20_000;

/// "Everyone at once" for one state of one document: the matrix and its sentences.
pub struct EveryoneResult {
    /// The document state it was worked out for.
    pub key: DocKey,
    /// Proposals × perspectives.
    pub matrix: Matrix,
    /// What a class needs to hear about it.
    pub sentences: Vec<String>,
}

/// What the round's statistics are worked out from: the document's state, and the live
/// round's code and version while one runs for it.
type RoundKey = (DocKey, Option<(String, u64)>);

/// The class round's statistics and sentences for one state of one document.
pub struct RoundResult {
    /// Spread, agreement and agenda.
    pub round: Round,
    /// While a live round runs: the document with every ballot so far added, which `round`
    /// indexes into (otherwise the document itself).
    pub live: Option<crate::model::Scenario>,
    /// What they say, in words.
    pub sentences: Vec<String>,
}

impl RoundResult {
    /// Works out the round from `live` (the document with the live round's answers) or,
    /// without one, from `doc`.
    fn of(live: Option<crate::model::Scenario>, doc: &crate::model::Scenario) -> RoundResult {
        let s = live.as_ref().unwrap_or(doc);
        let r = round(s);
        let mut sentences = round_sentences(s, &r);
        if live.is_some() && r.students.is_empty() {
            // Not "add files": the answers come by themselves.
            sentences =
                vec!["No answers yet: they appear here as the students send them.".to_owned()];
        }
        RoundResult {
            sentences,
            round: r,
            live,
        }
    }
}

/// Whether two keys' live parts are the same live round (its code), whatever its answers.
fn same_round(a: &Option<(String, u64)>, b: &Option<(String, u64)>) -> bool {
    matches!((a, b), (Some((x, _)), Some((y, _))) if x == y)
}

/// The explanation of the ranking and the tornado's bars, under one set of weights.
pub struct Explained {
    /// Sentences and what they rest on.
    pub explanation: Explanation,
    /// How far each weight moves the leader's margin.
    pub tornado: Vec<TornadoBar>,
}

/// Lines of totals (in points) as one weight moves, and the points where the leader is
/// crossed.
pub type Sweep = (Vec<Vec<[f64; 2]>>, Vec<[f64; 2]>);

/// Monte Carlo settings as edited in the analysis panel.
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
    /// The options the analysis takes.
    pub fn options(&self) -> SmaaOptions {
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

/// What rank acceptability was worked out for: the document's state, the weights in use
/// and the settings.
#[derive(Clone, Debug, PartialEq)]
pub struct SmaaKey {
    /// The document's state.
    pub doc: DocKey,
    /// The perspective whose weights were used.
    pub perspective: Option<String>,
    /// The settings.
    pub settings: SmaaSettings,
}

/// "Why this ranking?": quick weights and the long analyses.
#[derive(Debug)]
pub enum AnalysisMsg {
    /// The quick-weights window.
    Quick(super::QuickMsg),
    /// Close the quick-weights window without applying it.
    CloseQuick,
    /// Work out rank acceptability with these settings (the analysis view asks when the
    /// cache has none for the document as it is now).
    WorkOutAcceptability(SmaaSettings),
}

impl From<AnalysisMsg> for super::Msg {
    fn from(m: AnalysisMsg) -> Self {
        super::Msg::Analysis(m)
    }
}

/// A cell of the cache: a result and what it was worked out from.
type Slot<K, T> = RefCell<Option<(K, Arc<T>)>>;

/// The cache. Its cells are filled on first read (`RefCell`: views read `&AppState`).
#[derive(Default)]
pub struct Derived {
    everyone: RefCell<Option<Arc<EveryoneResult>>>,
    /// Set when a view read "Everyone at once" for a large scenario and it was out of date:
    /// the next update starts the job.
    everyone_wanted: Cell<bool>,
    round: RefCell<Option<(RoundKey, Arc<RoundResult>)>>,
    /// Set when the round view read a live round's statistics a few answers behind: the
    /// next update works them out afresh on a job, not on the frame.
    live_round_wanted: Cell<bool>,
    explained: Slot<(DocKey, Option<String>), Explained>,
    sweep: Slot<(DocKey, Option<String>, usize), Sweep>,
    acceptability: Option<(SmaaKey, SmaaResult)>,
    /// The settings the running Monte Carlo job was started with.
    acceptability_running: Option<SmaaKey>,
}

impl Derived {
    /// Forgets the Monte Carlo run whose thread ended without a result (asked again).
    pub(super) fn acceptability_lost(&mut self) {
        self.acceptability_running = None;
    }
}

/// Takes in "Everyone at once" from its job (`job_done` has dropped another document's).
fn everyone_done(result: EveryoneResult) -> Apply<AppState> {
    Box::new(move |app: &mut AppState| *app.derived.everyone.get_mut() = Some(Arc::new(result)))
}

/// Takes in rank acceptability from its job (`None`: it was cancelled).
fn acceptability_done(key: SmaaKey, result: Option<SmaaResult>) -> Apply<AppState> {
    Box::new(move |app: &mut AppState| {
        let d = &mut app.derived;
        if d.acceptability_running.as_ref() == Some(&key) {
            d.acceptability_running = None;
        }
        if let Some(r) = result {
            d.acceptability = Some((key, r));
        }
    })
}

fn compute_everyone(s: &Scenario, key: DocKey) -> EveryoneResult {
    let base = Evaluation::new(s, WeightSet::Base);
    let matrix = Matrix::compute(s, &base);
    let sentences = matrix_sentences(s, &matrix);
    EveryoneResult {
        key,
        matrix,
        sentences,
    }
}

/// "Everyone at once" as a task: on a thread, all at once (the matrix spreads its columns
/// over the cores); in a browser, the criteria weights' evaluation in the first slice and
/// then one perspective a slice.
struct Computing {
    scenario: Arc<Scenario>,
    key: DocKey,
    /// `None` on a thread; in slices, the matrix so far.
    run: Option<MatrixRun>,
    sliced: bool,
}

impl Slices for Computing {
    type Output = Apply<AppState>;

    fn next_slice(&mut self) -> Option<Apply<AppState>> {
        if !self.sliced {
            return Some(everyone_done(compute_everyone(&self.scenario, self.key)));
        }
        let Some(run) = &mut self.run else {
            self.run = Some(MatrixRun::new(&self.scenario));
            return None;
        };
        if !run.step(&self.scenario) {
            return None;
        }
        let matrix = self.run.take()?.finish();
        Some(everyone_done(EveryoneResult {
            key: self.key,
            sentences: matrix_sentences(&self.scenario, &matrix),
            matrix,
        }))
    }
}

/// The Monte Carlo draws as a task: a few hundred draws a slice, counted in the job's
/// progress; given up (the result `None`) when the job is cancelled.
struct Draws {
    key: SmaaKey,
    run: Option<SmaaRun>,
    progress: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
}

impl Slices for Draws {
    type Output = Apply<AppState>;

    fn next_slice(&mut self) -> Option<Apply<AppState>> {
        if self.cancel.load(Ordering::Relaxed) {
            return Some(acceptability_done(self.key.clone(), None));
        }
        let run = self.run.as_mut()?;
        run.draw(256);
        self.progress.store(run.drawn(), Ordering::Relaxed);
        if !run.is_done() {
            return None;
        }
        Some(acceptability_done(
            self.key.clone(),
            self.run.take().map(SmaaRun::result),
        ))
    }
}

impl AppState {
    /// "Everyone at once" for the document as it is now; for a large scenario, while it is
    /// being worked out, the last result for this document if it has the same shape (the
    /// same proposals and perspectives, counted), or `None`.
    pub fn everyone(&self) -> Option<Arc<EveryoneResult>> {
        let key = self.doc.key();
        let s = self.doc.scenario();
        let mut cell = self.derived.everyone.borrow_mut();
        if cell.as_ref().is_some_and(|c| c.key == key) {
            return cell.clone();
        }
        if s.scores.len() < EVERYONE_ON_A_WORKER_FROM {
            *cell = Some(Arc::new(compute_everyone(s, key)));
            return cell.clone();
        }
        self.derived.everyone_wanted.set(true);
        cell.clone().filter(|c| {
            c.key.id == key.id
                && c.matrix.columns.len() == s.perspectives.len() + 1
                && c.matrix
                    .columns
                    .iter()
                    .all(|col| col.eval.n_proposals() == s.proposals.len())
        })
    }

    /// True while "Everyone at once" is being worked out again for the document.
    pub fn everyone_is_updating(&self) -> bool {
        self.jobs.is_running(JobKind::Everyone)
    }

    /// The class round's statistics and sentences for the document as it is now.
    pub fn round_result(&self) -> Arc<RoundResult> {
        let live = self.live_key();
        let key = (self.doc.key(), live);
        let mut cell = self.derived.round.borrow_mut();
        match &*cell {
            Some((k, r)) if *k == key => Arc::clone(r),
            // The same document and round, a few answers behind: shown while a job works
            // out the newest (sixty students sending keep the frames short).
            Some((k, r)) if k.0 == key.0 && same_round(&k.1, &key.1) => {
                self.derived.live_round_wanted.set(true);
                Arc::clone(r)
            }
            _ => {
                let live = key.1.as_ref().and_then(|_| self.live_scenario());
                let result = Arc::new(RoundResult::of(live, self.doc.scenario()));
                *cell = Some((key, Arc::clone(&result)));
                result
            }
        }
    }

    /// Starts working out the live round's statistics with the newest answers, when the
    /// round view showed older ones (at most one such job at a time).
    fn follow_live_round(&mut self) {
        if !self.derived.live_round_wanted.replace(false)
            || self.jobs.is_running(JobKind::LiveRound)
        {
            return;
        }
        let (Some(live), Some(scenario)) = (self.live_key(), self.live_scenario()) else {
            return;
        };
        let key: RoundKey = (self.doc.key(), Some(live));
        let doc = self.doc.key();
        let _ = self.jobs.start(JobKind::LiveRound, doc, 0, move |_| {
            let result = RoundResult::of(Some(scenario), &crate::model::Scenario::default());
            Box::new(move |app: &mut AppState| {
                // `job_done` drops another document's; an edit since makes it out of date.
                if app.doc.key() == key.0 {
                    *app.derived.round.get_mut() = Some((key, Arc::new(result)));
                }
            })
        });
    }

    /// The explanation of the ranking and the tornado, under the weights in use.
    pub fn explained(&self) -> Arc<Explained> {
        let key = (self.doc.key(), self.perspective.clone());
        let mut cell = self.derived.explained.borrow_mut();
        match &*cell {
            Some((k, e)) if *k == key => Arc::clone(e),
            _ => {
                let e = Arc::new(Explained {
                    explanation: explain(self.doc.scenario(), &self.eval),
                    tornado: tornado(&self.eval, DEFAULT_DELTA),
                });
                *cell = Some((key, Arc::clone(&e)));
                e
            }
        }
    }

    /// Every proposal's total as criterion `k`'s weight sweeps from 0 to 1, under the
    /// weights in use.
    pub fn sweep(&self, k: usize) -> Arc<Sweep> {
        let key = (self.doc.key(), self.perspective.clone(), k);
        let mut cell = self.derived.sweep.borrow_mut();
        match &*cell {
            Some((at, s)) if *at == key => Arc::clone(s),
            _ => {
                let s = Arc::new(crate::analysis::sweep::chart(&self.eval, k));
                *cell = Some((key, Arc::clone(&s)));
                s
            }
        }
    }

    /// The key rank acceptability with `settings` has for the document now.
    pub fn acceptability_key(&self, settings: SmaaSettings) -> SmaaKey {
        SmaaKey {
            doc: self.doc.key(),
            perspective: self.perspective.clone(),
            settings,
        }
    }

    /// Rank acceptability: the last result for this document (under any settings), if any,
    /// and whether it is for `settings` and the document as it is now.
    pub fn acceptability(&self, settings: SmaaSettings) -> Option<(&SmaaResult, bool)> {
        let (key, r) = self.derived.acceptability.as_ref()?;
        (key.doc.id == self.doc.id()).then(|| (r, *key == self.acceptability_key(settings)))
    }

    /// Draws done and in all while rank acceptability with `settings` is being worked out.
    pub fn acceptability_progress(&self, settings: SmaaSettings) -> Option<(usize, usize)> {
        (self.derived.acceptability_running.as_ref() == Some(&self.acceptability_key(settings)))
            .then(|| self.jobs.progress(JobKind::Acceptability))
            .flatten()
    }

    /// True when rank acceptability with `settings` is neither known nor being worked out
    /// for the document now: the view asks for it (`Msg::WorkOut`).
    pub fn acceptability_wanted(&self, settings: SmaaSettings) -> bool {
        let key = self.acceptability_key(settings);
        self.derived
            .acceptability
            .as_ref()
            .is_none_or(|(k, _)| *k != key)
            && self.derived.acceptability_running.as_ref() != Some(&key)
    }

    /// Starts working out rank acceptability with `settings` (a run for other settings is
    /// cancelled and never shown).
    pub(super) fn work_out_acceptability(&mut self, settings: SmaaSettings) {
        if !self.acceptability_wanted(settings) {
            return;
        }
        let key = self.acceptability_key(settings);
        let eval = self.eval.clone();
        let for_job = key.clone();
        self.jobs.start_slices(
            JobKind::Acceptability,
            self.doc.key(),
            settings.draws,
            |control: &Control| Draws {
                key: for_job,
                run: Some(SmaaRun::new(eval, settings.options())),
                progress: control.counter(),
                cancel: control.cancel_flag(),
            },
        );
        self.derived.acceptability_running = Some(key);
        self.take_finished_jobs();
    }

    /// Starts the long computations a view asked for and that are out of date (at the end
    /// of each update).
    pub(super) fn follow_derived(&mut self) {
        self.follow_live_round();
        if !self.derived.everyone_wanted.replace(false) {
            return;
        }
        let key = self.doc.key();
        let current = self
            .derived
            .everyone
            .get_mut()
            .as_ref()
            .is_some_and(|c| c.key == key);
        if current || self.jobs.started_for(JobKind::Everyone) == Some(key) {
            return;
        }
        let scenario = self.doc.snapshot();
        self.jobs
            .start_slices(JobKind::Everyone, key, 0, |_| Computing {
                scenario,
                key,
                run: None,
                sliced: crate::platform::tasks_run_in_slices(),
            });
        self.take_finished_jobs();
    }
}

impl AppState {
    /// Applies a message of the analysis.
    pub(super) fn update_analysis(&mut self, msg: AnalysisMsg) {
        match msg {
            AnalysisMsg::CloseQuick => self.view.quick = None,
            AnalysisMsg::Quick(q) => self.quick_weights(q),
            AnalysisMsg::WorkOutAcceptability(settings) => self.work_out_acceptability(settings),
        }
    }
}
