//! Quick weights: from a ranking of the criteria (rank-order centroid) or swing ratings.

use egui::RichText;

use super::AnalysisView;
use crate::analysis::{rank_order_centroid, swing_weights};
use crate::app::{AppState, Edit};

/// The quick-weights dialog: an order of criteria for rank-order weights, or swing ratings.
#[derive(Clone, Debug)]
pub struct QuickWeights {
    /// Criterion indices, most important first.
    pub order: Vec<usize>,
    /// Swing ratings 0–100 per criterion.
    pub swings: Vec<f64>,
}

pub(super) fn quick_weights_start(state: &AppState) -> QuickWeights {
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

pub(super) fn quick_weights_ui(ctx: &egui::Context, state: &mut AppState, view: &mut AnalysisView) {
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
                            .text(crate::ui::widgets::short_label(name)),
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
