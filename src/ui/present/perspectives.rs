//! The presentation's slides about perspectives: one per perspective (its weights, its red
//! lines, its ranking), then every perspective side by side with what none rules out.

use egui::{RichText, Ui};

use std::sync::Arc;

use super::slide::{bar, heading, Fitted, Sizes};
use crate::analysis::perspectives::column_name;
use crate::app::AppState;
use crate::scoring::Verdict;
use crate::ui::widgets::{ordinal, short_label, total_text};

/// "Everyone at once" from the app's cache, for the slides; while a large scenario's is
/// worked out, a line says so and the window looks again shortly.
fn matrix(ui: &mut Ui, state: &AppState) -> Option<Arc<crate::app::derived::EveryoneResult>> {
    let found = state.everyone();
    if found.is_none() {
        ui.label("Working out every perspective…");
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(30));
    }
    found
}

/// One perspective: whose it is, its heaviest weights, its red lines, its ranking with the
/// proposals it rules out. `items` caps the lists so the slide fits the screen.
pub(super) fn perspective_slide(ui: &mut Ui, state: &AppState, j: usize, fit: &Fitted, sz: Sizes) {
    let items = fit.items;
    let s = state.scenario();
    let Some(view) = s.perspectives.get(j) else {
        return;
    };
    let Some(worked_out) = matrix(ui, state) else {
        return;
    };
    let m = &worked_out.matrix;
    let Some(column) = m.columns.get(j + 1) else {
        return;
    };
    let e = &column.eval;
    heading(ui, &format!("Through {}", fit.clip(&view.name)), sz);
    ui.label(
        RichText::new(format!(
            "A {}: its weights, its red lines and its ranking, as this file reads it.",
            view.kind.label()
        ))
        .size(sz.small)
        .weak(),
    );
    ui.add_space(10.0 * sz.unit);
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        ui.label(RichText::new("Weighs most").size(sz.sub).strong());
        let mut by_weight: Vec<usize> = (0..s.criteria.len()).collect();
        by_weight.sort_by(|&a, &b| e.weights[b].total_cmp(&e.weights[a]));
        let colour = ui.visuals().selection.bg_fill;
        let top = e.weights.iter().copied().fold(1e-9, f64::max);
        for &k in by_weight.iter().take(items.clamp(1, 5)) {
            let c = &s.criteria[k];
            ui.add(egui::Label::new(RichText::new(short_label(&c.name)).size(sz.body)).truncate());
            ui.horizontal(|ui| {
                bar(
                    ui,
                    ui.available_width() * 0.6,
                    sz.body * 0.5,
                    e.weights[k] / top,
                    colour,
                );
                let stated = if view.stated_weight(&c.id).is_some() {
                    ""
                } else {
                    " (not stated)"
                };
                ui.label(
                    RichText::new(format!("{:.0}%{stated}", e.weights[k] * 100.0)).size(sz.small),
                );
            });
        }
        ui.add_space(8.0 * sz.unit);
        ui.label(RichText::new("Red lines").size(sz.sub).strong());
        if view.red_lines.is_empty() {
            ui.label(RichText::new("None: it rules no proposal out.").size(sz.body));
        }
        for line in view.red_lines.iter().take(items.max(1)) {
            if let Some(c) = s.criteria.iter().find(|c| c.id == line.criterion) {
                ui.label(
                    RichText::new(format!(
                        "{}: accepts {}",
                        fit.clip(&c.name),
                        line.accepts.describe(c)
                    ))
                    .size(sz.body),
                );
            }
        }
        let ui = &mut cols[1];
        ui.label(RichText::new("Its ranking").size(sz.sub).strong());
        for &p in e.order.iter().take(fit.shown.end).skip(fit.shown.start) {
            let st = e.standings[p];
            let rank = st.rank.map_or_else(|| "unranked".to_owned(), ordinal);
            let label = fit.clip(s.proposals[p].label());
            let mut text =
                RichText::new(format!("{rank}  {}  {}", label, total_text(st.total))).size(sz.body);
            match e.verdicts.get(p) {
                Some(Verdict::RuledOut(_)) => {
                    text = RichText::new(format!(
                        "{rank}  {}  {}  — ruled out",
                        label,
                        total_text(st.total)
                    ))
                    .size(sz.body)
                    .color(ui.visuals().error_fg_color);
                }
                Some(Verdict::Unknown(_)) => {
                    text = text.color(ui.visuals().warn_fg_color);
                }
                Some(Verdict::NotAddressed(_)) => {
                    text = RichText::new(format!(
                        "{rank}  {}  {}  — not addressed",
                        label,
                        total_text(st.total)
                    ))
                    .size(sz.body)
                    .color(crate::ui::verdicts::not_addressed_colour(ui));
                }
                _ => {}
            }
            ui.add(egui::Label::new(text).wrap());
        }
    });
}

/// The mark of "ruled out" in the slide's grid.
pub const RULED_OUT_MARK: &str = "✖";
/// The mark of "not addressed" in the slide's grid.
pub const NOT_ADDRESSED_MARK: &str = "○";

/// Every perspective side by side: each proposal's rank under each, ruled out or not, and
/// the sentences on what no perspective rules out.
pub(super) fn everyone_slide(ui: &mut Ui, state: &AppState, fit: &Fitted, sz: Sizes) {
    let items = fit.items;
    let s = state.scenario();
    heading(ui, "Everyone at once", sz);
    let Some(worked_out) = matrix(ui, state) else {
        return;
    };
    let m = &worked_out.matrix;
    for sentence in worked_out.sentences.iter().take(items.min(3)) {
        ui.label(RichText::new(fit.clip(sentence)).size(sz.small));
    }
    ui.add_space(10.0 * sz.unit);
    // A row per perspective, a column per proposal: proposals have short labels, so the
    // table fits a 4:3 projector.
    egui::Grid::new("everyone-slide")
        .striped(true)
        .spacing([14.0 * sz.unit, 6.0 * sz.unit])
        .show(ui, |ui| {
            ui.label("");
            let shown = fit.shown.clone();
            for proposal in &s.proposals[shown.clone()] {
                let head = crate::ui::widgets::short_label_of(proposal.label(), fit.chars.min(16));
                ui.label(RichText::new(head).size(sz.small).strong());
            }
            ui.end_row();
            // The parties' rows: students' readings have the round's slides.
            let parties = m.columns.iter().filter(|c| {
                c.perspective
                    .and_then(|i| s.perspectives.get(i))
                    .is_none_or(|p| p.kind != crate::model::PerspectiveKind::Student)
            });
            for c in parties {
                ui.label(RichText::new(short_label(&column_name(s, c))).size(sz.small));
                for p in shown.clone() {
                    let st = c.eval.standings[p];
                    let rank = st.rank.map_or_else(|| "–".to_owned(), ordinal);
                    // A mark, not a phrase, so five columns fit a 4:3 projector; the legend
                    // under the grid says each mark in words, and colour is never the only cue.
                    let text = match c.eval.verdicts.get(p) {
                        Some(Verdict::RuledOut(_)) => {
                            RichText::new(format!("{rank} {RULED_OUT_MARK}"))
                                .size(sz.small)
                                .color(ui.visuals().error_fg_color)
                        }
                        Some(Verdict::NotAddressed(_)) => {
                            RichText::new(format!("{rank} {NOT_ADDRESSED_MARK}"))
                                .size(sz.small)
                                .color(crate::ui::verdicts::not_addressed_colour(ui))
                        }
                        Some(Verdict::Unknown(_)) => RichText::new(format!("{rank} ?"))
                            .size(sz.small)
                            .color(ui.visuals().warn_fg_color),
                        _ => RichText::new(rank).size(sz.small),
                    };
                    ui.label(text);
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0 * sz.unit);
    ui.label(
        RichText::new(format!(
            "{RULED_OUT_MARK} ruled out: a red line is crossed · {NOT_ADDRESSED_MARK} not addressed: the text is silent on a red line, neither met nor crossed"
        ))
        .size(sz.small)
        .weak(),
    );
}
