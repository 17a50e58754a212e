//! The quick-weights window: rank the criteria (rank-order centroid) or rate their swings.
//! It holds criteria by id (`app::QuickWeights`), so it follows additions and deletions.

use crate::app::AnalysisMsg;
use egui::RichText;

use crate::app::{AppState, Msg, Outbox, QuickMsg, QuickWeights};

/// Draws the quick-weights window for `q`.
pub fn quick_weights_ui(ctx: &egui::Context, state: &AppState, q: &QuickWeights, out: &mut Outbox) {
    let s = state.scenario();
    let name = |id: &str| {
        s.criterion_index(id)
            .map_or_else(|| id.to_owned(), |k| s.criteria[k].name.clone())
    };
    let mut open = true;
    // Over the inspector at the right, below the toolbar: the menus and the charts it
    // changes stay in view.
    let corner = ctx.content_rect().right_top() + egui::vec2(-16.0, 96.0);
    egui::Window::new("Quick weights")
        .open(&mut open)
        .default_width(520.0)
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(corner)
        .show(ctx, |ui| {
            if let Some(p) = state
                .perspective()
                .and_then(|id| state.scenario().perspective_by_id(id))
            {
                ui.label(RichText::new(format!("These set the weights of «{}».", p.name)).weak());
            }
            ui.columns(2, |cols| {
                let ui = &mut cols[0];
                ui.label(RichText::new("Rank the criteria").strong());
                ui.label(
                    RichText::new("Most important first; rank-order centroid weights.").small(),
                );
                let n = q.order.len();
                for (pos, id) in q.order.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if ui
                            .add_enabled(pos > 0, egui::Button::new("▲"))
                            .on_hover_text("More important")
                            .clicked()
                        {
                            out.send(Msg::Analysis(AnalysisMsg::Quick(QuickMsg::Up(pos))));
                        }
                        if ui
                            .add_enabled(pos + 1 < n, egui::Button::new("▼"))
                            .on_hover_text("Less important")
                            .clicked()
                        {
                            out.send(Msg::Analysis(AnalysisMsg::Quick(QuickMsg::Down(pos))));
                        }
                        ui.label(format!("{}. {}", pos + 1, name(id)));
                    });
                }
                if ui
                    .button("Apply rank-order weights")
                    .on_hover_text("w = (1/n)·Σ 1/k from each rank down")
                    .clicked()
                {
                    out.send(Msg::Analysis(AnalysisMsg::Quick(QuickMsg::ApplyRankOrder)));
                }
                let ui = &mut cols[1];
                ui.label(RichText::new("Rate the swings").strong());
                ui.label(
                    RichText::new("The most important swing at 100; the others relative to it.")
                        .small(),
                );
                for (id, rating) in &q.swings {
                    let full = name(id);
                    let mut r = *rating;
                    if ui
                        .add(
                            egui::Slider::new(&mut r, 0.0..=100.0)
                                .text(crate::ui::widgets::short_label(&full)),
                        )
                        .on_hover_text(&full)
                        .changed()
                    {
                        out.send(Msg::Analysis(AnalysisMsg::Quick(QuickMsg::Swing(
                            id.clone(),
                            r,
                        ))));
                    }
                }
                if ui
                    .button("Apply swing weights")
                    .on_hover_text("w = rating / sum of ratings")
                    .clicked()
                {
                    out.send(Msg::Analysis(AnalysisMsg::Quick(QuickMsg::ApplySwing)));
                }
            });
        });
    if !open {
        out.send(Msg::Analysis(AnalysisMsg::CloseQuick));
    }
}
