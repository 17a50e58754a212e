//! Totals with coverage, each criterion's contribution, and a radar of the scores.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints, Polygon, Text};

use crate::app::AppState;
use crate::ui::widgets::proposal_colour;

pub(super) fn totals_ui(ui: &mut Ui, state: &AppState) {
    let s = state.scenario();
    let e = &state.eval();
    ui.label(RichText::new("Totals (0–100), with the share of the weight scored").strong());
    let summary = crate::app::spoken::totals_summary(s, e);
    let rows = crate::app::spoken::totals_rows(s, e);
    crate::ui::widgets::text_twin(
        ui,
        "totals",
        &summary,
        &["Proposal", "Rank", "Total", "Scored"].map(String::from),
        &rows,
    );
    super::charted_note(ui, state);
    let shown = super::charted(state);
    let bars: Vec<Bar> = shown
        .iter()
        .enumerate()
        .map(|(x, &i)| {
            let p = &s.proposals[i];
            let st = e.standings[i];
            Bar::new(x as f64, st.total.unwrap_or(0.0) * 100.0)
                .width(0.6)
                .fill(proposal_colour(p, i))
                .name(format!(
                    "{} ({:.0}% scored)",
                    p.label(),
                    st.coverage * 100.0
                ))
        })
        .collect();
    bars_plot("totals").show(ui, |p| {
        p.bar_chart(BarChart::new("totals", bars));
        for (x, &i) in shown.iter().enumerate() {
            let (pr, st) = (&s.proposals[i], e.standings[i]);
            p.text(Text::new(
                "",
                egui_plot::PlotPoint::new(x as f64, st.total.unwrap_or(0.0) * 100.0 + 6.0),
                RichText::new(format!(
                    "{} {} ({:.0}%)",
                    pr.label(),
                    crate::ui::widgets::total_text(st.total),
                    st.coverage * 100.0
                ))
                .small(),
            ));
        }
    });
}

/// A plot of bars per proposal on a 0–100 scale (the proposals label the bars themselves).
fn bars_plot(id: &str) -> Plot<'static> {
    Plot::new(id)
        .height(220.0)
        .include_y(0.0)
        .include_y(100.0)
        .show_axes([false, true])
        .allow_scroll(false)
}

/// A qualitative palette for criteria in stacked charts.
fn criterion_colour(k: usize) -> Color32 {
    let h = (k as f32 * 0.618_034) % 1.0;
    egui::ecolor::Hsva::new(h, 0.45, 0.8, 1.0).into()
}

pub(super) fn contributions_ui(ui: &mut Ui, state: &AppState) {
    let s = state.scenario();
    let e = &state.eval();
    ui.label(RichText::new("What each criterion adds to each total").strong());
    let (header, rows) = crate::app::spoken::contributions_table(s, e);
    crate::ui::widgets::text_twin(
        ui,
        "contributions",
        &crate::app::spoken::contributions_summary(s, e),
        &header,
        &rows,
    );
    super::charted_note(ui, state);
    let shown = super::charted(state);
    let mut charts: Vec<BarChart> = Vec::new();
    for (k, c) in s.criteria.iter().enumerate() {
        let w = e.weights.get(k).copied().unwrap_or(0.0);
        if w <= 0.0 {
            continue;
        }
        let bars: Vec<Bar> = shown
            .iter()
            .enumerate()
            .map(|(x, &i)| {
                // The same figure the text twin gives.
                let h = crate::app::spoken::contribution(e, k, i).unwrap_or(0.0);
                Bar::new(x as f64, h)
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
    bars_plot("contributions").show(ui, |p| {
        for c in charts {
            p.bar_chart(c);
        }
        for (x, &i) in shown.iter().enumerate() {
            p.text(Text::new(
                "",
                egui_plot::PlotPoint::new(x as f64, -5.0),
                RichText::new(s.proposals[i].label()).small(),
            ));
        }
    });
    // The colours' key, under the chart: inside it, it would cover the bars.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Colours of the criteria:").small().weak());
        for (k, c) in s.criteria.iter().enumerate() {
            if e.weights.get(k).copied().unwrap_or(0.0) <= 0.0 {
                continue;
            }
            let name = crate::ui::widgets::short_label(&c.name);
            key_entry(ui, criterion_colour(k), &name).on_hover_text(&c.name);
        }
    });
}

pub(super) fn radar_ui(ui: &mut Ui, state: &AppState) {
    let s = state.scenario();
    let e = &state.eval();
    let n_c = s.criteria.len();
    ui.label(RichText::new("Normalised scores by criterion (unscored cells left out)").strong());
    super::charted_note(ui, state);
    let shown = super::charted(state);
    let (header, rows) = crate::app::spoken::radar_table(s, e, &shown);
    crate::ui::widgets::text_twin(
        ui,
        "radar",
        &crate::app::spoken::radar_summary(s, e, &shown),
        &header,
        &rows,
    );
    let angle =
        |k: usize| std::f64::consts::TAU * k as f64 / n_c as f64 + std::f64::consts::FRAC_PI_2;
    Plot::new("radar")
        .height(320.0)
        .data_aspect(1.0)
        // Room for the labels around the circle; the key is under the chart, not on it.
        .include_x(-2.2)
        .include_x(2.2)
        .include_y(-1.3)
        .include_y(1.3)
        .show_axes(false)
        .show_grid(false)
        .allow_scroll(false)
        .show(ui, |p| {
            for k in 0..n_c {
                let (x, y) = (angle(k).cos(), angle(k).sin());
                p.line(
                    Line::new("", PlotPoints::from(vec![[0.0, 0.0], [x, y]]))
                        .color(Color32::GRAY)
                        .width(0.5),
                );
                // Anchored away from the centre, so a label never runs over its neighbour's
                // spoke or off the side.
                let anchor = if x > 0.2 {
                    egui::Align2::LEFT_CENTER
                } else if x < -0.2 {
                    egui::Align2::RIGHT_CENTER
                } else if y > 0.0 {
                    egui::Align2::CENTER_BOTTOM
                } else {
                    egui::Align2::CENTER_TOP
                };
                p.text(
                    Text::new(
                        "",
                        egui_plot::PlotPoint::new(x * 1.08, y * 1.08),
                        RichText::new(crate::ui::widgets::short_label(&s.criteria[k].name)).small(),
                    )
                    .anchor(anchor),
                );
            }
            for &i in &shown {
                let pr = &s.proposals[i];
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
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Colours of the proposals:").small().weak());
        for &i in &shown {
            let pr = &s.proposals[i];
            key_entry(ui, proposal_colour(pr, i), pr.label()).on_hover_text(&pr.name);
        }
    });
}

/// One entry of a chart's key: a swatch of `colour` and `name`, one piece that wraps to
/// the next line whole.
fn key_entry(ui: &mut Ui, colour: Color32, name: &str) -> egui::Response {
    let style = ui.style().clone();
    let small = egui::TextStyle::Small.resolve(&style);
    let mut job = egui::text::LayoutJob::default();
    job.append("■ ", 0.0, egui::TextFormat::simple(small.clone(), colour));
    job.append(
        name,
        0.0,
        egui::TextFormat::simple(small, ui.visuals().text_color()),
    );
    ui.add(egui::Label::new(job).extend())
}
