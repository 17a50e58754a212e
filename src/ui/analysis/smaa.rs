//! Rank acceptability (S5, SMAA-2), computed on a worker thread (in a browser, a few
//! hundred draws at a time between frames) with a progress bar.

use crate::app::AnalysisMsg;
use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot, Text};

use super::AnalysisView;
use crate::analysis::report::constraint_label;
use crate::app::{AppState, Msg, Outbox};

/// Asks for rank acceptability with the panel's settings when the cache has none for the
/// document as it is now; while it is worked out, the window looks again shortly.
pub(super) fn run_smaa(
    ctx: &egui::Context,
    state: &AppState,
    view: &AnalysisView,
    out: &mut Outbox,
) {
    if state.acceptability_wanted(view.options) {
        out.send(Msg::Analysis(AnalysisMsg::WorkOutAcceptability(
            view.options,
        )));
        ctx.request_repaint();
    }
}

pub(super) fn acceptability_ui(ui: &mut Ui, state: &AppState, view: &mut AnalysisView) {
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
    if let Some((done, all)) = state.acceptability_progress(view.options) {
        ui.add(
            egui::ProgressBar::new(done as f32 / all.max(1) as f32)
                .text(format!("{done} of {all} draws")),
        );
    }
    let Some((r, _current)) = state.acceptability(view.options) else {
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
    let (header, rows) = crate::app::spoken::acceptability_table(s, r);
    crate::ui::widgets::text_twin(
        ui,
        "rank acceptability",
        &crate::app::spoken::acceptability_summary(s, r),
        &header,
        &rows,
    );
    super::charted_note(ui, state);
    let shown = super::charted(state);
    let n = shown.len();
    let all = s.proposals.len();
    let mut charts: Vec<BarChart> = Vec::new();
    for rank in 0..n {
        // With proposals left out, the last band holds every lower rank.
        let ranks = if rank + 1 == n {
            rank..all
        } else {
            rank..rank + 1
        };
        let bars: Vec<Bar> = shown
            .iter()
            .enumerate()
            .map(|(row, &i)| {
                let share: f64 = r
                    .acceptability
                    .get(i)
                    .map(|shares| shares.get(ranks.clone()).unwrap_or_default().iter().sum())
                    .unwrap_or(0.0);
                Bar::new((n - row) as f64, share * 100.0)
                    .width(0.6)
                    .fill(rank_colour(rank, n))
                    .name(format!("{}: rank {}", s.proposals[i].label(), rank + 1))
            })
            .collect();
        let colour = rank_colour(rank, n);
        let refs: Vec<&BarChart> = charts.iter().collect();
        charts.push(
            BarChart::new(crate::ui::widgets::ordinal(rank + 1), bars)
                .horizontal()
                .color(colour)
                .stack_on(&refs),
        );
    }
    Plot::new("acceptability")
        .height(40.0 + 36.0 * n as f32)
        .legend(Legend::default())
        .include_x(0.0)
        // Room right of 100% for the legend, which would otherwise cover the bars.
        .include_x(118.0)
        .show_axes([true, false])
        .x_axis_label("Share of draws (%)")
        .allow_scroll(false)
        .show(ui, |p| {
            for c in charts {
                p.bar_chart(c);
            }
            for (row, &i) in shown.iter().enumerate() {
                let pr = &s.proposals[i];
                let first = r
                    .acceptability
                    .get(i)
                    .and_then(|row| row.first())
                    .copied()
                    .unwrap_or(0.0);
                p.text(
                    Text::new(
                        "",
                        egui_plot::PlotPoint::new(0.0, (n - row) as f64 + 0.42),
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
