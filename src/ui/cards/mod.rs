//! The proposal cards, side by side above their table columns.

pub mod browse;

use crate::app::SelectMsg;
use egui::{Color32, CornerRadius, RichText, Stroke, Ui};

use crate::app::{AppState, Edit, Msg, Outbox, Selection};
use crate::scoring::Standing;
use crate::ui::widgets::{ordinal, proposal_colour, total_text};
use crate::ui::{ColumnLayout, ViewState};

/// Draws the visible cards; a card's header selects it and can be dragged onto another.
pub fn cards_ui(
    ui: &mut Ui,
    state: &AppState,
    view: &mut ViewState,
    layout: &ColumnLayout,
    out: &mut Outbox,
) {
    let height = ui.available_height();
    let mut moved: Option<(usize, usize)> = None;
    ui.horizontal(|ui| {
        ui.allocate_ui(
            egui::vec2(layout.lead() - ui.spacing().item_spacing.x, height),
            |ui| {
                legend_ui(ui, state, view, out);
            },
        );
        for i in layout.proposals(view.first_proposal, &state.shown_proposals()) {
            ui.allocate_ui(egui::vec2(layout.proposal, height), |ui| {
                ui.set_width(layout.proposal);
                ui.set_height(height);
                if let Some(to_from) = card_ui(ui, state, i, out) {
                    moved = Some(to_from);
                }
            });
        }
    });
    if let Some((from, to)) = moved {
        let name = state.scenario().proposals[from].name.clone();
        out.edit(format!("move «{name}»"), None, Edit::MoveProposal(from, to));
    }
}

/// What the numbers on the cards mean.
fn legend_ui(ui: &mut Ui, state: &AppState, view: &mut ViewState, out: &mut Outbox) {
    ui.vertical(|ui| {
        ui.add_space(4.0);
        let n = state.scenario().proposals.len();
        ui.horizontal(|ui| {
            ui.label(RichText::new("Proposals").strong());
            ui.label(
                RichText::new(format!(
                    "{n} · {} criteria",
                    state.scenario().criteria.len()
                ))
                .small(),
            );
        })
        .response
        .on_hover_text(
            "Each card shows the weighted total (0–100) over the criteria it is scored on, \
             its rank, and how much of the total weight is scored.",
        );
        crate::ui::cards::browse::browse_ui(ui, state, view, out);
        if !state.scenario().description.is_empty() {
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .id_salt("scenario-description")
                .show(ui, |ui| {
                    ui.label(RichText::new(&state.scenario().description).small());
                });
        }
    });
}

/// One card; returns (from, to) when another card was dropped on it.
fn card_ui(ui: &mut Ui, state: &AppState, i: usize, out: &mut Outbox) -> Option<(usize, usize)> {
    let p = state.scenario().proposals[i].clone();
    let standing = state.eval().standings.get(i).copied().unwrap_or(Standing {
        total: None,
        coverage: 0.0,
        rank: None,
    });
    let colour = proposal_colour(&p, i);
    let selected = *state.selection() == Selection::Proposal(p.id.clone());
    let stroke = if selected {
        Stroke::new(2.5, ui.visuals().selection.stroke.color)
    } else {
        Stroke::new(1.0, colour)
    };
    let mut dropped = None;
    // Dragging reorders the scenario, which only means something in the scenario's order.
    let reorder = state.browse().is_identity();
    let frame = egui::Frame::group(ui.style())
        .stroke(stroke)
        .corner_radius(CornerRadius::same(6))
        .inner_margin(egui::Margin::same(8));
    let response = frame
        .show(ui, |ui| {
            ui.set_min_size(ui.available_size());
            // The total sits at the bottom of the card whatever the length of the text.
            ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
                total_ui(ui, standing, colour, state.scenario().proposals.len());
                silent_ui(ui, state, i);
                crate::ui::verdicts::verdict_ui(ui, state, i, false);
                ui.separator();
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    // Cards made short with the handle under them keep the name to one line.
                    let compact = ui.available_height() < 110.0;
                    let header = ui
                        .horizontal(|ui| {
                            let strip = if compact { 20.0 } else { 34.0 };
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(6.0, strip), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 2.0, colour);
                            let name = egui::Label::new(
                                RichText::new(crate::ui::widgets::shown_name(&p.name))
                                    .family(egui::FontFamily::Name(
                                        crate::ui::window::fonts::BOLD.into(),
                                    ))
                                    .strong()
                                    .size(15.0),
                            );
                            ui.add(if compact {
                                name.truncate()
                            } else {
                                name.wrap()
                            })
                        })
                        .inner;
                    let header = ui
                        .interact(
                            header.rect,
                            ui.scope_id().with(("card-header", &p.id)),
                            if reorder {
                                egui::Sense::click_and_drag()
                            } else {
                                egui::Sense::click()
                            },
                        )
                        .on_hover_text(format!(
                            "{}\n\nClick to edit this proposal in the inspector; {}",
                            crate::ui::widgets::short_label_of(&p.name, 600),
                            if reorder {
                                "drag onto another card to reorder"
                            } else {
                                "to reorder by dragging, show all in scenario order"
                            }
                        ));
                    if header.clicked() {
                        out.send(Msg::Selection(SelectMsg::Select(Selection::Proposal(
                            p.id.clone(),
                        ))));
                    }
                    header.dnd_set_drag_payload(i);
                    if let Some(from) = header.dnd_release_payload::<usize>() {
                        if *from != i {
                            dropped = Some((*from, i));
                        }
                    }
                    // The body scrolls in the room left, unless that is less than a line.
                    if ui.available_height() >= ui.text_style_height(&egui::TextStyle::Body) {
                        egui::ScrollArea::vertical()
                            .id_salt(("card-body", &p.id))
                            .auto_shrink([false, false])
                            .min_scrolled_height(0.0)
                            .max_height(ui.available_height())
                            .show(ui, |ui| card_body_ui(ui, &p));
                    }
                });
            });
        })
        .response;
    if let Some(from) = response.dnd_release_payload::<usize>() {
        if *from != i {
            dropped = Some((*from, i));
        }
    }
    if response.dnd_hover_payload::<usize>().is_some() {
        ui.painter().rect_stroke(
            response.rect,
            6.0,
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Inside,
        );
    }
    dropped
}

fn card_body_ui(ui: &mut Ui, p: &crate::model::Proposal) {
    if !p.original_name.is_empty() {
        // A name in Hebrew or Arabic sits at the right edge, where its line starts.
        let layout = if crate::ui::bidi::reads_right_to_left(&p.original_name) {
            egui::Layout::right_to_left(egui::Align::Min)
        } else {
            egui::Layout::left_to_right(egui::Align::Min)
        };
        ui.with_layout(layout, |ui| {
            ui.label(RichText::new(crate::ui::bidi::display_order(&p.original_name)).size(15.0))
                .on_hover_text("The name in its original script");
        });
    }
    let mut line = Vec::new();
    if !p.short_name.is_empty() {
        line.push(p.short_name.clone());
    }
    if !p.date.is_empty() {
        line.push(p.date.clone());
    }
    if !line.is_empty() {
        ui.label(RichText::new(line.join(" · ")).weak());
    }
    if !p.proposer.is_empty() {
        ui.label(RichText::new(format!("By: {}", p.proposer)).small());
    }
    if !p.parties.is_empty() {
        ui.label(RichText::new(format!("Parties: {}", p.parties.join(", "))).small());
    }
    if !p.status.is_empty() {
        ui.label(RichText::new(&p.status).small().italics());
    }
    if !p.summary.is_empty() {
        ui.add_space(4.0);
        ui.label(&p.summary);
    } else if p.proposer.is_empty() && p.parties.is_empty() && p.status.is_empty() {
        // A new proposal's card would otherwise be blank: say where its text goes.
        ui.label(
            RichText::new("Select the card to say who proposed it and what it proposes.")
                .small()
                .weak(),
        );
    }
    if !p.provisions.is_empty() {
        egui::CollapsingHeader::new(format!("Provisions ({})", p.provisions.len()))
            .id_salt(("provisions", &p.id))
            .show(ui, |ui| {
                for prov in &p.provisions {
                    ui.label(RichText::new(format!("• {}", prov.text)).small());
                }
            })
            .header_response
            .on_hover_text("Show or hide the key provisions");
    }
}

/// "Silent on 3 criteria", with which and what silence means, when the text is silent on any.
fn silent_ui(ui: &mut Ui, state: &crate::app::AppState, p: usize) {
    let s = state.scenario();
    let e = state.eval();
    let names: Vec<&str> = (0..s.criteria.len())
        .filter(|&k| e.score(s, k, p).is_some_and(crate::model::Score::is_silent))
        .map(|k| s.criteria[k].name.as_str())
        .collect();
    if names.is_empty() {
        return;
    }
    let counts = match s.silence {
        crate::model::Silence::CountsAsLowest => {
            "each counts as the scale's lowest value in the total"
        }
        crate::model::Silence::LeftOut => "each is left out of the total",
    };
    ui.label(
        RichText::new(format!(
            "Silent on {} criteri{}",
            names.len(),
            if names.len() == 1 { "on" } else { "a" }
        ))
        .small()
        .italics()
        .color(crate::ui::verdicts::not_addressed_colour(ui)),
    )
    .on_hover_text(format!(
        "The text says nothing on: {}.\nSilence is not a refusal: {counts}, and a red line is neither met nor crossed by it.",
        names.join("; ")
    ));
}

/// The total as a bar with the rank and the coverage beside it.
fn total_ui(ui: &mut Ui, s: Standing, colour: Color32, n: usize) {
    let coverage = format!("{:.0}% of weight scored", s.coverage * 100.0);
    ui.label(RichText::new(&coverage).small().weak())
        .on_hover_text(
        "The total is over the scored criteria only; unscored cells are left out, not counted as 0",
    );
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 10.0), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 3.0, ui.visuals().extreme_bg_color);
    if let Some(t) = s.total {
        let mut bar = rect;
        bar.set_width(rect.width() * t as f32);
        ui.painter().rect_filled(bar, 3.0, colour);
    }
    ui.horizontal(|ui| {
        let rank = s.rank.map_or_else(
            || "unranked".to_owned(),
            |r| format!("{} of {n}", ordinal(r)),
        );
        ui.label(RichText::new(total_text(s.total)).size(22.0).strong())
            .on_hover_text("Weighted total, 0–100");
        ui.label(RichText::new(rank).size(14.0).strong())
            .on_hover_text("Rank by total; equal totals share a rank");
    });
}
