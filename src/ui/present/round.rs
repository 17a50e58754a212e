//! The presentation's class-round slide, revealed in three steps: the spread of the
//! students' totals per proposal, then how far the class agrees on the order, then the
//! cells to discuss first.

use egui::{RichText, Stroke, Ui};

use super::slide::{heading, Fitted, Sizes};
use crate::analysis::round::{agreement_words, spread_words, Round};
use crate::app::AppState;
use crate::ui::widgets::{proposal_colour, shown_name};

/// The quartiles of sorted values, interpolating.
fn quartiles(sorted: &[f64]) -> [f64; 5] {
    let q = |f: f64| {
        let at = f * (sorted.len() - 1) as f64;
        let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
        sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo as f64)
    };
    [
        sorted[0],
        q(0.25),
        q(0.5),
        q(0.75),
        sorted[sorted.len() - 1],
    ]
}

/// How many units part `part` of the round slide is split by: the proposals (parts 0 and
/// 1), or the items of the agenda (part 2).
pub(super) fn units(state: &AppState, part: usize) -> usize {
    let worked_out = state.round_result();
    let r = &worked_out.round;
    if part >= 2 {
        r.agenda.len().max(1)
    } else {
        r.by_borda.len()
    }
}

/// Part 0: the spread of totals; part 1 adds the agreement; part 2 the agenda. Each part
/// shows the units `fit` gives it (proposals, or agenda items); the spread stays on later
/// parts while `fit.items` leaves room for it.
pub(super) fn round_slide(ui: &mut Ui, state: &AppState, part: usize, fit: &Fitted, sz: Sizes) {
    let s = state.scenario();
    let worked_out = state.round_result();
    let r = &worked_out.round;
    heading(ui, "The class round", sz);
    let boxes = part == 0 || (part == 1 && fit.items > 0);
    if boxes {
        ui.label(
            RichText::new(format!(
                "{} students' readings: each student's weights and scores give a total for \
                 every proposal. The bar runs from the lowest to the highest; the box holds the \
                 middle half; the line is the median.",
                r.students.len()
            ))
            .size(sz.small)
            .weak(),
        );
        ui.add_space(10.0 * sz.unit);
        for &p in r.by_borda.iter().take(fit.shown.end).skip(fit.shown.start) {
            spread_ui(ui, s, r, p, fit, sz);
        }
    }
    if part == 1 && fit.last_page {
        ui.add_space(12.0 * sz.unit);
        agreement_ui(ui, s, r, fit, sz);
    }
    if part >= 2 {
        if fit.items > 0 {
            agreement_ui(ui, s, r, fit, sz);
        }
        ui.add_space(12.0 * sz.unit);
        ui.label(RichText::new("To discuss first").size(sz.sub).strong());
        let n_p = s.proposals.len();
        for (n, &(k, p)) in r
            .agenda
            .iter()
            .enumerate()
            .take(fit.shown.end)
            .skip(fit.shown.start)
        {
            let cell = &r.cells[k * n_p + p];
            let c = &s.criteria[k];
            ui.label(
                RichText::new(format!(
                    "{}. {} × {}: {} ({} chose a value)",
                    n + 1,
                    fit.clip(s.proposals[p].label()),
                    fit.clip(&c.name),
                    spread_words(c, cell),
                    cell.chosen.len()
                ))
                .size(sz.body),
            );
        }
        if r.agenda.is_empty() {
            ui.label(
                RichText::new("The class chose the same values everywhere.")
                    .size(sz.body)
                    .weak(),
            );
        }
    }
}

/// One proposal's spread of the students' totals: a bar from lowest to highest, the
/// middle half as a box, the median as a line, and the figures written beside it.
fn spread_ui(
    ui: &mut Ui,
    s: &crate::model::Scenario,
    r: &Round,
    p: usize,
    fit: &Fitted,
    sz: Sizes,
) {
    let prop = &s.proposals[p];
    let mut totals: Vec<f64> = r
        .totals
        .iter()
        .filter_map(|t| t[p])
        .map(|v| v * 100.0)
        .collect();
    if totals.is_empty() {
        return;
    }
    totals.sort_by(f64::total_cmp);
    let [lo, q1, med, q3, hi] = quartiles(&totals);
    ui.add(
        egui::Label::new(
            RichText::new(shown_name(&fit.clip(&prop.name)))
                .size(sz.body)
                .strong(),
        )
        .wrap(),
    );
    ui.horizontal(|ui| {
        let width = (ui.available_width() * 0.5).max(120.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, sz.body), egui::Sense::hover());
        let x = |v: f64| rect.left() + rect.width() * (v / 100.0) as f32;
        let painter = ui.painter();
        let colour = proposal_colour(prop, p);
        painter.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
        painter.line_segment(
            [
                egui::pos2(x(lo), rect.center().y),
                egui::pos2(x(hi), rect.center().y),
            ],
            Stroke::new(2.0 * sz.unit, colour),
        );
        let inner = egui::Rect::from_x_y_ranges(x(q1)..=x(q3).max(x(q1) + 2.0), rect.y_range());
        painter.rect_filled(inner, 2.0, colour.gamma_multiply(0.6));
        painter.line_segment(
            [
                egui::pos2(x(med), rect.top()),
                egui::pos2(x(med), rect.bottom()),
            ],
            Stroke::new(3.0 * sz.unit, ui.visuals().strong_text_color()),
        );
        ui.label(
            RichText::new(format!("median {med:.0} · middle half {q1:.0}–{q3:.0}")).size(sz.small),
        );
    });
}

/// How far the class agrees on the order, and who comes first both ways.
fn agreement_ui(ui: &mut Ui, s: &crate::model::Scenario, r: &Round, fit: &Fitted, sz: Sizes) {
    let words = match r.concordance {
        Some(c) => format!(
            "The class agrees {} on the order: Kendall's W = {:.2}{}.",
            agreement_words(c.w),
            c.w,
            if c.p < 0.05 {
                " (more than chance would give)"
            } else {
                " (no more than chance would give)"
            }
        ),
        None => "Agreement on the order needs at least two readings.".to_owned(),
    };
    ui.label(RichText::new(words).size(sz.sub).strong());
    let first = |order: &[usize]| {
        order.first().map_or(String::new(), |&p| {
            fit.clip(s.proposals[p].label()).into_owned()
        })
    };
    let both = if r.by_borda.first() == r.by_mean.first() {
        format!(
            "First by Borda count and by mean total: {}.",
            first(&r.by_borda)
        )
    } else {
        format!(
            "First by Borda count: {}; by mean total: {}.",
            first(&r.by_borda),
            first(&r.by_mean)
        )
    };
    ui.label(RichText::new(both).size(sz.body));
}
