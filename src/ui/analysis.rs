//! "Why this ranking?": sentences from the sensitivity analysis with their charts (weight
//! sweep, tornado), totals, contributions, a radar of scores, rank acceptability (SMAA-2,
//! computed off the UI thread), and quick weights. Everything follows the open scenario and
//! the chosen perspective; results are cached per document version.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints, Points, Polygon, Text, VLine};

use super::widgets::proposal_colour;
use crate::analysis::report::constraint_label;
use crate::analysis::sweep::sweep_totals;
use crate::analysis::tornado::{leader_and_runner_up, DEFAULT_DELTA};
use crate::analysis::{
    crossings, explain, rank_order_centroid, swing_weights, tornado, Explanation, SmaaOptions,
    SmaaResult, TornadoBar, WeightConstraint,
};
use crate::app::{AppState, Edit};

/// View state of the analysis: choices, cached results, the Monte Carlo job.
#[derive(Default)]
pub struct AnalysisView {
    /// The criterion whose weight is swept.
    pub criterion: usize,
    /// Monte Carlo settings.
    pub options: SmaaSettings,
    cache: Option<Cached>,
    job: Option<Job>,
    smaa: Option<SmaaResult>,
    /// The quick-weights dialog, when open.
    pub quick: Option<QuickWeights>,
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
        Self {
            draws: 10_000,
            seed: 1,
            kind: 0,
            percent: 20.0,
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
    key: (u64, Option<String>),
    explanation: Explanation,
    tornado: Vec<TornadoBar>,
}

struct Job {
    key: (u64, Option<String>, SmaaSettings),
    progress: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    result: Arc<Mutex<Option<SmaaResult>>>,
}

/// The quick-weights dialog: an order of criteria for rank-order weights, or swing ratings.
#[derive(Clone, Debug)]
pub struct QuickWeights {
    /// Criterion indices, most important first.
    pub order: Vec<usize>,
    /// Swing ratings 0–100 per criterion.
    pub swings: Vec<f64>,
}

impl AnalysisView {
    /// The explanation for the current document (recomputed only after a change).
    pub fn explanation(&mut self, state: &AppState) -> &Explanation {
        let key = (state.doc.version(), state.perspective.clone());
        if self.cache.as_ref().is_none_or(|c| c.key != key) {
            self.cache = Some(Cached {
                key,
                explanation: explain(state.scenario(), &state.eval),
                tornado: tornado(&state.eval, DEFAULT_DELTA),
            });
        }
        &self.cache.as_ref().expect("just filled").explanation
    }
}

/// Draws the analysis in the central area.
pub fn analysis_ui(ui: &mut Ui, state: &mut AppState, view: &mut AnalysisView) {
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
    run_smaa(ui.ctx(), state, view);
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
                view.quick = Some(quick_weights_start(state));
            }
        });
        ui.add_space(8.0);
        ui.columns(2, |cols| {
            sweep_ui(&mut cols[0], state, view);
            tornado_ui(&mut cols[1], state, view);
        });
        ui.add_space(8.0);
        ui.columns(2, |cols| {
            totals_ui(&mut cols[0], state);
            contributions_ui(&mut cols[1], state);
        });
        ui.add_space(8.0);
        ui.columns(2, |cols| {
            acceptability_ui(&mut cols[0], state, view);
            radar_ui(&mut cols[1], state);
        });
    });
    quick_weights_ui(ui.ctx(), state, view);
}

fn sweep_ui(ui: &mut Ui, state: &mut AppState, view: &mut AnalysisView) {
    weight_editor_ui(ui, state, view);
    let s = state.scenario();
    let e = &state.eval;
    let label = ui.label("Criterion:");
    let before = view.criterion;
    egui::ComboBox::from_id_salt("sweep-criterion")
        .selected_text(&s.criteria[view.criterion].name)
        .width(ui.available_width() * 0.8)
        .show_ui(ui, |ui| {
            for (k, c) in s.criteria.iter().enumerate() {
                ui.selectable_value(&mut view.criterion, k, &c.name);
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("The criterion whose weight the chart moves from 0 to 100%");
    if view.criterion != before {
        view.picked = true;
    }
    let k = view.criterion;
    let current = e.weights.get(k).copied().unwrap_or(0.0);
    if let Some(st) = view
        .explanation(state)
        .stability
        .iter()
        .find(|x| x.criterion == k)
    {
        ui.label(format!(
            "The leader stays first for weights of {:.0}%–{:.0}% (now {:.0}%); the whole ranking for {:.0}%–{:.0}%.",
            st.leader.0 * 100.0,
            st.leader.1 * 100.0,
            st.current * 100.0,
            st.ranking.0 * 100.0,
            st.ranking.1 * 100.0
        ));
    } else {
        ui.label(
            "This criterion has no weight now, or is the only one weighted: it cannot be swept.",
        );
    }
    let lines = sweep_totals(e, k, 41);
    let leader = e.order.first().copied();
    let marks: Vec<[f64; 2]> = crossings(e, k)
        .iter()
        .filter(|c| leader.is_some_and(|l| c.pair.0 == l || c.pair.1 == l))
        .map(|c| [c.weight * 100.0, c.total * 100.0])
        .collect();
    Plot::new("sweep")
        .height(240.0)
        .legend(Legend::default())
        .x_axis_label(format!("Weight of {} (%)", s.criteria[k].name))
        .y_axis_label("Total")
        .include_x(0.0)
        .include_x(100.0)
        .include_y(0.0)
        .include_y(100.0)
        .allow_scroll(false)
        .show(ui, |p| {
            for (i, line) in lines.iter().enumerate() {
                let pts: Vec<[f64; 2]> = line
                    .iter()
                    .filter_map(|(t, v)| v.map(|v| [t * 100.0, v * 100.0]))
                    .collect();
                let prop = &s.proposals[i];
                p.line(
                    Line::new(prop.label(), PlotPoints::from(pts))
                        .color(proposal_colour(prop, i))
                        .width(2.0),
                );
            }
            p.vline(VLine::new("current weight", current * 100.0).color(Color32::GRAY));
            if !marks.is_empty() {
                p.points(
                    Points::new("where the lead changes", PlotPoints::from(marks))
                        .radius(5.0)
                        .color(Color32::RED),
                );
            }
        });
}

/// The criterion picker's weight, editable here so that the lines and sentences can be
/// watched while it moves.
fn weight_editor_ui(ui: &mut Ui, state: &mut AppState, view: &mut AnalysisView) {
    ui.label(RichText::new("What if one weight changes?").strong());
    let k = view.criterion;
    let Some(c) = state.scenario().criteria.get(k).cloned() else {
        return;
    };
    if state.perspective.is_some() {
        return; // perspective weights are edited in the table
    }
    ui.horizontal(|ui| {
        ui.label("Its weight:");
        let mut w = c.weight;
        let tip = "Drag to see the totals, the chart and the sentences follow; Ctrl+Z undoes";
        let changed = super::widgets::weight_drag(
            ui,
            &mut w,
            format!("Weight of {} (analysis)", c.name),
            tip,
        );
        if changed {
            let mut new = c.clone();
            new.weight = w;
            state.edit(
                format!("weight of {}", c.name),
                Some(format!("weight:{}", c.id)),
                Edit::SetCriterion(k, new),
            );
        }
        ui.label(format!(
            "{:.0}% of the total weight",
            state.eval.weights.get(k).copied().unwrap_or(0.0) * 100.0
        ));
    });
}

fn tornado_ui(ui: &mut Ui, state: &AppState, view: &mut AnalysisView) {
    let s = state.scenario();
    let e = &state.eval;
    view.explanation(state);
    let bars = view
        .cache
        .as_ref()
        .map(|c| c.tornado.clone())
        .unwrap_or_default();
    let Some((lead, second)) = leader_and_runner_up(e) else {
        return;
    };
    ui.label(
        RichText::new(format!(
            "Lead of {} over {} with each weight ±{:.0} points",
            s.proposals[lead].label(),
            s.proposals[second].label(),
            DEFAULT_DELTA * 100.0
        ))
        .strong(),
    );
    ui.label("Bars left of 0: the runner-up would lead.");
    let n = bars.len().min(10);
    let chart: Vec<Bar> = bars
        .iter()
        .take(n)
        .enumerate()
        .map(|(row, b)| {
            let (lo, hi) = (b.low.min(b.high) * 100.0, b.low.max(b.high) * 100.0);
            Bar::new((n - row) as f64, hi - lo)
                .base_offset(lo)
                .width(0.6)
                .fill(Color32::from_rgb(92, 170, 214))
                .name(&s.criteria[b.criterion].name)
        })
        .collect();
    let margin =
        (e.standings[lead].total.unwrap_or(0.0) - e.standings[second].total.unwrap_or(0.0)) * 100.0;
    Plot::new("tornado")
        .height(240.0)
        .x_axis_label("Lead (points of 100)")
        .show_axes([true, false])
        .allow_scroll(false)
        .show(ui, |p| {
            p.bar_chart(
                BarChart::new("margin", chart)
                    .horizontal()
                    .color(Color32::from_rgb(92, 170, 214)),
            );
            for (row, b) in bars.iter().take(n).enumerate() {
                p.text(
                    Text::new(
                        "",
                        egui_plot::PlotPoint::new(
                            b.low.min(b.high) * 100.0,
                            (n - row) as f64 + 0.45,
                        ),
                        RichText::new(&s.criteria[b.criterion].name).small(),
                    )
                    .anchor(egui::Align2::LEFT_BOTTOM),
                );
            }
            p.vline(VLine::new("tie", 0.0).color(Color32::RED));
            p.vline(VLine::new("now", margin).color(Color32::GRAY));
        });
}

fn totals_ui(ui: &mut Ui, state: &AppState) {
    let s = state.scenario();
    let e = &state.eval;
    ui.label(RichText::new("Totals (0–100), with the share of the weight scored").strong());
    let bars: Vec<Bar> = s
        .proposals
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let st = e.standings[i];
            Bar::new(i as f64, st.total.unwrap_or(0.0) * 100.0)
                .width(0.6)
                .fill(proposal_colour(p, i))
                .name(format!(
                    "{} ({:.0}% scored)",
                    p.label(),
                    st.coverage * 100.0
                ))
        })
        .collect();
    Plot::new("totals")
        .height(220.0)
        .include_y(0.0)
        .include_y(100.0)
        .show_axes([false, true])
        .allow_scroll(false)
        .show(ui, |p| {
            p.bar_chart(BarChart::new("totals", bars));
            for (i, pr) in s.proposals.iter().enumerate() {
                let st = e.standings[i];
                p.text(Text::new(
                    "",
                    egui_plot::PlotPoint::new(i as f64, st.total.unwrap_or(0.0) * 100.0 + 6.0),
                    RichText::new(format!(
                        "{} {} ({:.0}%)",
                        pr.label(),
                        super::widgets::total_text(st.total),
                        st.coverage * 100.0
                    ))
                    .small(),
                ));
            }
        });
}

/// A qualitative palette for criteria in stacked charts.
fn criterion_colour(k: usize) -> Color32 {
    let h = (k as f32 * 0.618_034) % 1.0;
    egui::ecolor::Hsva::new(h, 0.45, 0.8, 1.0).into()
}

fn contributions_ui(ui: &mut Ui, state: &AppState) {
    let s = state.scenario();
    let e = &state.eval;
    ui.label(RichText::new("What each criterion adds to each total").strong());
    let n_p = s.proposals.len();
    let mut charts: Vec<BarChart> = Vec::new();
    for (k, c) in s.criteria.iter().enumerate() {
        let w = e.weights.get(k).copied().unwrap_or(0.0);
        if w <= 0.0 {
            continue;
        }
        let bars: Vec<Bar> = (0..n_p)
            .map(|i| {
                let cov = e.standings[i].coverage;
                let v = e.value(k, i).unwrap_or(0.0);
                let h = if cov > 0.0 { 100.0 * w * v / cov } else { 0.0 };
                Bar::new(i as f64, h)
                    .width(0.6)
                    .fill(criterion_colour(k))
                    .name(format!("{}: {}", s.proposals[i].label(), c.name))
            })
            .collect();
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(&c.name, bars)
            .color(criterion_colour(k))
            .stack_on(&refs);
        charts.push(chart);
    }
    Plot::new("contributions")
        .height(220.0)
        .include_y(0.0)
        .include_y(100.0)
        .show_axes([false, true])
        .allow_scroll(false)
        .show(ui, |p| {
            for c in charts {
                p.bar_chart(c);
            }
            for (i, pr) in s.proposals.iter().enumerate() {
                p.text(Text::new(
                    "",
                    egui_plot::PlotPoint::new(i as f64, -5.0),
                    RichText::new(pr.label()).small(),
                ));
            }
        });
}

fn radar_ui(ui: &mut Ui, state: &AppState) {
    let s = state.scenario();
    let e = &state.eval;
    let n_c = s.criteria.len();
    ui.label(RichText::new("Normalised scores by criterion (unscored cells left out)").strong());
    let angle =
        |k: usize| std::f64::consts::TAU * k as f64 / n_c as f64 + std::f64::consts::FRAC_PI_2;
    Plot::new("radar")
        .height(320.0)
        .data_aspect(1.0)
        .show_axes(false)
        .show_grid(false)
        .legend(Legend::default())
        .allow_scroll(false)
        .show(ui, |p| {
            for k in 0..n_c {
                let (x, y) = (angle(k).cos(), angle(k).sin());
                p.line(
                    Line::new("", PlotPoints::from(vec![[0.0, 0.0], [x, y]]))
                        .color(Color32::GRAY)
                        .width(0.5),
                );
                p.text(Text::new(
                    "",
                    egui_plot::PlotPoint::new(x * 1.15, y * 1.15),
                    RichText::new(super::widgets::short_label(&s.criteria[k].name)).small(),
                ));
            }
            for (i, pr) in s.proposals.iter().enumerate() {
                let pts: Vec<[f64; 2]> = (0..n_c)
                    .filter_map(|k| {
                        e.value(k, i)
                            .map(|v| [v * angle(k).cos(), v * angle(k).sin()])
                    })
                    .collect();
                let colour = proposal_colour(pr, i);
                p.polygon(
                    Polygon::new(pr.label(), PlotPoints::from(pts))
                        .stroke(egui::Stroke::new(2.0, colour))
                        .fill_color(colour.gamma_multiply(0.12)),
                );
            }
        });
}

fn run_smaa(ctx: &egui::Context, state: &AppState, view: &mut AnalysisView) {
    let key = (state.doc.version(), state.perspective.clone(), view.options);
    if let Some(job) = &view.job {
        if job.key == key {
            if let Some(r) = job.result.lock().ok().and_then(|mut g| g.take()) {
                view.smaa = Some(r);
            } else if view
                .smaa
                .as_ref()
                .is_none_or(|r| r.options != view.options.options())
            {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
            }
            return;
        }
        job.cancel.store(true, Ordering::Relaxed);
    }
    let e = state.eval.clone();
    let options = view.options.options();
    let progress = Arc::new(AtomicUsize::new(0));
    let cancel = Arc::new(AtomicBool::new(false));
    let result = Arc::new(Mutex::new(None));
    let (p, c, r, wake) = (
        progress.clone(),
        cancel.clone(),
        result.clone(),
        ctx.clone(),
    );
    let spawned = std::thread::Builder::new()
        .name("smaa".into())
        .spawn(move || {
            let out = crate::analysis::smaa::smaa_with_progress(&e, options, &p, &c);
            if !c.load(Ordering::Relaxed) {
                if let Ok(mut g) = r.lock() {
                    *g = Some(out);
                }
                wake.request_repaint();
            }
        });
    if spawned.is_err() {
        view.smaa = Some(crate::analysis::smaa(&state.eval, options));
    }
    view.job = Some(Job {
        key,
        progress,
        cancel,
        result,
    });
}

fn acceptability_ui(ui: &mut Ui, state: &AppState, view: &mut AnalysisView) {
    let s = state.scenario();
    ui.label(
        RichText::new("How often each proposal takes each rank, over many random weightings")
            .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Draws");
        ui.add(
            egui::DragValue::new(&mut view.options.draws)
                .range(100..=1_000_000)
                .speed(100),
        )
        .labelled_by(l.id)
        .on_hover_text("How many random weightings to try");
        let l = ui.label("Seed");
        ui.add(egui::DragValue::new(&mut view.options.seed))
            .labelled_by(l.id)
            .on_hover_text("The same seed gives the same result");
        let l = ui.label("Weights");
        egui::ComboBox::from_id_salt("smaa-kind")
            .selected_text(["any", "current order", "near current"][view.options.kind as usize])
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.options.kind, 0, "any")
                    .on_hover_text("Uniform over all weightings");
                ui.selectable_value(&mut view.options.kind, 1, "current order")
                    .on_hover_text("Keep the current order of importance of the criteria");
                ui.selectable_value(&mut view.options.kind, 2, "near current")
                    .on_hover_text("Each weight within ± a percentage of its current value");
            })
            .response
            .labelled_by(l.id);
        if view.options.kind == 2 {
            let l = ui.label("±%");
            ui.add(egui::DragValue::new(&mut view.options.percent).range(1.0..=100.0))
                .labelled_by(l.id);
        }
    });
    if let Some(job) = &view.job {
        let done = job.progress.load(Ordering::Relaxed);
        if done < view.options.draws
            && view
                .smaa
                .as_ref()
                .is_none_or(|r| r.options != view.options.options())
        {
            ui.add(
                egui::ProgressBar::new(done as f32 / view.options.draws.max(1) as f32)
                    .text(format!("{done} of {} draws", view.options.draws)),
            );
        }
    }
    let Some(r) = &view.smaa else {
        return;
    };
    ui.label(
        RichText::new(format!(
            "{} draws, seed {}, weights {}",
            r.options.draws,
            r.options.seed,
            constraint_label(r.options.constraint)
        ))
        .small()
        .weak(),
    );
    let n = s.proposals.len();
    let mut charts: Vec<BarChart> = Vec::new();
    for rank in 0..n {
        let bars: Vec<Bar> = (0..n)
            .map(|i| {
                let share = r
                    .acceptability
                    .get(i)
                    .and_then(|row| row.get(rank))
                    .copied()
                    .unwrap_or(0.0);
                Bar::new((n - i) as f64, share * 100.0)
                    .width(0.6)
                    .fill(rank_colour(rank, n))
                    .name(format!("{}: rank {}", s.proposals[i].label(), rank + 1))
            })
            .collect();
        let colour = rank_colour(rank, n);
        let refs: Vec<&BarChart> = charts.iter().collect();
        charts.push(
            BarChart::new(super::widgets::ordinal(rank + 1), bars)
                .horizontal()
                .color(colour)
                .stack_on(&refs),
        );
    }
    Plot::new("acceptability")
        .height(40.0 + 36.0 * n as f32)
        .legend(Legend::default())
        .include_x(0.0)
        .include_x(100.0)
        .show_axes([true, false])
        .x_axis_label("Share of draws (%)")
        .allow_scroll(false)
        .show(ui, |p| {
            for c in charts {
                p.bar_chart(c);
            }
            for (i, pr) in s.proposals.iter().enumerate() {
                let first = r
                    .acceptability
                    .get(i)
                    .and_then(|row| row.first())
                    .copied()
                    .unwrap_or(0.0);
                p.text(
                    Text::new(
                        "",
                        egui_plot::PlotPoint::new(0.0, (n - i) as f64 + 0.42),
                        RichText::new(format!("{} — first in {:.0}%", pr.label(), first * 100.0))
                            .small(),
                    )
                    .anchor(egui::Align2::LEFT_BOTTOM),
                );
            }
        });
}

/// Dark for first place, lighter for later ranks.
fn rank_colour(rank: usize, n: usize) -> Color32 {
    let t = rank as f32 / n.max(2) as f32;
    Color32::from_rgb(
        (20.0 + 200.0 * t) as u8,
        (90.0 + 130.0 * t) as u8,
        (160.0 + 80.0 * t) as u8,
    )
}

fn quick_weights_start(state: &AppState) -> QuickWeights {
    let w = &state.eval.weights;
    let mut order: Vec<usize> = (0..w.len()).collect();
    order.sort_by(|&a, &b| w[b].total_cmp(&w[a]).then(a.cmp(&b)));
    let max = w.iter().copied().fold(0.0, f64::max).max(1e-9);
    QuickWeights {
        order,
        swings: w.iter().map(|x| (x / max * 100.0).round()).collect(),
    }
}

/// Replaces the criteria's weights with `weights` as one undoable step.
pub fn apply_weights(state: &mut AppState, weights: &[f64], label: &str) {
    let edits: Vec<Edit> = state
        .scenario()
        .criteria
        .iter()
        .enumerate()
        .filter(|(k, c)| (c.weight - weights[*k]).abs() > 1e-12)
        .map(|(k, c)| {
            let mut c = c.clone();
            // Rounded so the file stays readable; the ratios are what matter.
            c.weight = (weights[k] * 10_000.0).round() / 100.0;
            Edit::SetCriterion(k, c)
        })
        .collect();
    state.edit(label, None, Edit::Batch(edits));
}

fn quick_weights_ui(ctx: &egui::Context, state: &mut AppState, view: &mut AnalysisView) {
    let Some(mut q) = view.quick.take() else {
        return;
    };
    let mut open = true;
    let mut apply: Option<(Vec<f64>, &str)> = None;
    let names: Vec<String> = state
        .scenario()
        .criteria
        .iter()
        .map(|c| c.name.clone())
        .collect();
    egui::Window::new("Quick weights")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            if state.perspective.is_some() {
                ui.label(
                    RichText::new(
                        "These set the criteria's own weights, not the chosen perspective's.",
                    )
                    .weak(),
                );
            }
            ui.columns(2, |cols| {
                let ui = &mut cols[0];
                ui.label(RichText::new("Rank the criteria").strong());
                ui.label(
                    RichText::new("Most important first; rank-order centroid weights.").small(),
                );
                let n = q.order.len();
                for pos in 0..n {
                    ui.horizontal(|ui| {
                        if ui
                            .add_enabled(pos > 0, egui::Button::new("▲"))
                            .on_hover_text("More important")
                            .clicked()
                        {
                            q.order.swap(pos, pos - 1);
                        }
                        if ui
                            .add_enabled(pos + 1 < n, egui::Button::new("▼"))
                            .on_hover_text("Less important")
                            .clicked()
                        {
                            q.order.swap(pos, pos + 1);
                        }
                        ui.label(format!("{}. {}", pos + 1, names[q.order[pos]]));
                    });
                }
                if ui
                    .button("Apply rank-order weights")
                    .on_hover_text("w = (1/n)·Σ 1/k from each rank down")
                    .clicked()
                {
                    let roc = rank_order_centroid(n);
                    let mut w = vec![0.0; n];
                    for (pos, &k) in q.order.iter().enumerate() {
                        w[k] = roc[pos];
                    }
                    apply = Some((w, "quick weights (rank order)"));
                }
                let ui = &mut cols[1];
                ui.label(RichText::new("Rate the swings").strong());
                ui.label(
                    RichText::new("The most important swing at 100; the others relative to it.")
                        .small(),
                );
                for (k, name) in names.iter().enumerate() {
                    ui.add(
                        egui::Slider::new(&mut q.swings[k], 0.0..=100.0)
                            .text(super::widgets::short_label(name)),
                    )
                    .on_hover_text(name);
                }
                if ui
                    .button("Apply swing weights")
                    .on_hover_text("w = rating / sum of ratings")
                    .clicked()
                {
                    apply = Some((swing_weights(&q.swings), "quick weights (swing)"));
                }
            });
        });
    if let Some((w, label)) = apply {
        apply_weights(state, &w, label);
        open = false;
    }
    if open {
        view.quick = Some(q);
    }
}
