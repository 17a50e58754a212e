//! The weight sweep (S1) with its stability interval, and the tornado (S3).

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints, Points, Text, VLine};

use super::AnalysisView;
use crate::analysis::tornado::{leader_and_runner_up, DEFAULT_DELTA};
use crate::app::{AppState, Edit, Outbox};
use crate::ui::widgets::proposal_colour;

pub(super) fn sweep_ui(ui: &mut Ui, state: &AppState, view: &mut AnalysisView, out: &mut Outbox) {
    weight_editor_ui(ui, state, view, out);
    let s = state.scenario();
    let e = &state.eval();
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
    let swept = state.sweep(k);
    let (lines, marks) = (swept.0.clone(), swept.1.clone());
    let explained = state.explained();
    let stability = explained
        .explanation
        .stability
        .iter()
        .find(|x| x.criterion == k);
    let (header, rows) = crate::app::spoken::sweep_table(s, k, &lines);
    crate::ui::widgets::text_twin(
        ui,
        "sweep",
        &crate::app::spoken::sweep_summary(s, k, stability, &marks),
        &header,
        &rows,
    );
    Plot::new("sweep")
        .height(240.0)
        .legend(Legend::default())
        .x_axis_label(format!("Weight of {} (%)", s.criteria[k].name))
        .y_axis_label("Total")
        .include_x(0.0)
        // Room right of 100% for the legend, which would otherwise cover the lines.
        .include_x(145.0)
        .include_y(0.0)
        .include_y(100.0)
        .allow_scroll(false)
        .show(ui, |p| {
            for (i, pts) in lines.into_iter().enumerate() {
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
fn weight_editor_ui(ui: &mut Ui, state: &AppState, view: &AnalysisView, out: &mut Outbox) {
    ui.label(RichText::new("What if one weight changes?").strong());
    let k = view.criterion;
    let Some(c) = state.scenario().criteria.get(k).cloned() else {
        return;
    };
    if state.perspective().is_some() {
        return; // perspective weights are edited in the table
    }
    ui.horizontal(|ui| {
        ui.label("Its weight:");
        let mut w = c.weight;
        let tip = "Drag to see the totals, the chart and the sentences follow; Ctrl+Z undoes";
        let changed = crate::ui::widgets::weight_drag(
            ui,
            &mut w,
            format!("Weight of {} (analysis)", c.name),
            tip,
        );
        if changed {
            let mut new = c.clone();
            new.weight = w;
            out.edit(
                format!("weight of {}", c.name),
                Some(format!("weight:{}", c.id)),
                Edit::SetCriterion(k, new),
            );
        }
        ui.label(format!(
            "{:.0}% of the total weight",
            state.eval().weights.get(k).copied().unwrap_or(0.0) * 100.0
        ));
    });
}

pub(super) fn tornado_ui(ui: &mut Ui, state: &AppState) {
    let s = state.scenario();
    let e = &state.eval();
    let explained = state.explained();
    let bars = &explained.tornado;
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
    crate::ui::widgets::text_twin(
        ui,
        "tornado",
        &crate::app::spoken::tornado_summary(s, e, bars),
        &[
            "Criterion",
            "Lead, weight lower",
            "Lead, weight higher",
            "Swing",
        ]
        .map(String::from),
        &crate::app::spoken::tornado_rows(s, bars),
    );
    let n = bars.len().min(10);
    let chart: Vec<Bar> = bars
        .iter()
        .take(n)
        .enumerate()
        .map(|(row, b)| {
            let (lo, hi) = (b.low.min(b.high) * 100.0, b.low.max(b.high) * 100.0);
            Bar::new((n - row) as f64, hi - lo)
                .base_offset(lo)
                .width(0.5)
                .fill(Color32::from_rgb(92, 170, 214))
                .name(&s.criteria[b.criterion].name)
        })
        .collect();
    let margin =
        (e.standings[lead].total.unwrap_or(0.0) - e.standings[second].total.unwrap_or(0.0)) * 100.0;
    // Each bar has a line of its own for its label, above the bar.
    let row_height = 2.2 * ui.text_style_height(&egui::TextStyle::Small) + 6.0;
    Plot::new("tornado")
        .height((n as f32 * row_height + 60.0).max(200.0))
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
                            (n - row) as f64 + 0.27,
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
