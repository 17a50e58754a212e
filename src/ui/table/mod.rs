//! The criteria table: one row per criterion, one column per visible proposal, a totals row.
//! Only the rows in view are built (egui_extras `body.rows`), and only the proposals in view
//! are columns, so a 2,000 × 300 scenario costs about what the default one does; the cells
//! out of view stay in the accessibility tree as nodes without pixels (`mirror`).

mod action;
pub(super) mod cell_keys;
mod mirror;

use crate::app::SelectMsg;
use action::Action;

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::{AppState, Edit, Msg, Outbox, Selection};
use crate::model::Score;
use crate::scoring::WeightSet;
use crate::ui::widgets::{ordinal, score_fill, total_text, weight_drag};
use crate::ui::{ColumnLayout, ViewState};

const ROW_HEIGHT: f32 = 40.0;

/// A row of the table.
#[derive(Clone, Debug, PartialEq)]
enum Row {
    /// A group heading that folds its criteria.
    Group(String, usize),
    /// The criterion at this index.
    Criterion(usize),
    /// Totals and ranks.
    Totals,
}

/// A criterion's name as its row shows it; one being retyped may be empty for a moment.
fn shown_or_unnamed(name: &str) -> String {
    if name.trim().is_empty() {
        "(no name yet)".to_owned()
    } else {
        crate::ui::widgets::shown_name(name)
    }
}

/// The heading of the criteria in no group, when others are in one.
const UNGROUPED: &str = "Other criteria";

/// The table's rows: each group under one heading, in the order groups first appear (so a
/// group named on two criteria apart is still one block), the criteria in no group under a
/// heading of their own when any group exists, then the totals.
fn rows(state: &AppState, view: &ViewState) -> Vec<Row> {
    let criteria = &state.scenario().criteria;
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    for (k, c) in criteria.iter().enumerate() {
        match groups.iter_mut().find(|(g, _)| *g == c.group) {
            Some((_, ks)) => ks.push(k),
            None => groups.push((&c.group, vec![k])),
        }
    }
    let headed = groups.iter().any(|(g, _)| !g.is_empty());
    let mut out = Vec::with_capacity(criteria.len() + groups.len() + 1);
    for (group, ks) in groups {
        if headed {
            out.push(Row::Group(group.to_owned(), ks.len()));
        }
        if !headed || !view.collapsed_groups.contains(group) {
            out.extend(ks.into_iter().map(Row::Criterion));
        }
    }
    out.push(Row::Totals);
    out
}

/// Draws the table.
pub fn table_ui(
    ui: &mut Ui,
    state: &AppState,
    view: &mut ViewState,
    layout: &ColumnLayout,
    out: &mut Outbox,
) {
    let rows = rows(state, view);
    let reveal_row = reveal_row(state, view, &rows, out);
    // The criteria in the order the rows show them, for moving between cells by keyboard.
    let order: Vec<usize> = rows
        .iter()
        .filter_map(|r| match r {
            Row::Criterion(k) => Some(*k),
            _ => None,
        })
        .collect();
    let shown = layout.proposals(view.first_proposal, &state.shown_proposals());
    let mut table = TableBuilder::new(ui)
        .id_salt(("criteria-table", state.doc().id()))
        .striped(true)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(layout.criterion))
        .column(Column::exact(layout.weight))
        .auto_shrink([false, false]);
    if let Some(row) = reveal_row {
        table = table.scroll_to_row(row, None);
    }
    for _ in &shown {
        table = table.column(Column::exact(layout.proposal));
    }
    let mut actions: Vec<Action> = Vec::new();
    let mut drawn = std::collections::HashSet::new();
    table
        .header(26.0, |mut header| {
            header.col(|ui| {
                ui.label(RichText::new("Criterion").strong());
            });
            header.col(|ui| {
                ui.label(RichText::new("Weight").strong()).on_hover_text(
                    "Relative importance; the share of the total weight is in brackets",
                );
            });
            for &i in &shown {
                header.col(|ui| {
                    let p = &state.scenario().proposals[i];
                    ui.add(egui::Label::new(RichText::new(p.label()).strong()).truncate())
                        .on_hover_text(&p.name);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let r = &rows[row.index()];
                match r {
                    Row::Group(group, count) => {
                        let collapsed = view.collapsed_groups.contains(group);
                        let name = if group.is_empty() { UNGROUPED } else { group };
                        row.col(|ui| {
                            let arrow = if collapsed { "▶" } else { "▼" };
                            if ui
                                .add(
                                    egui::Button::new(
                                        RichText::new(format!("{arrow} {name}")).strong(),
                                    )
                                    .frame(false),
                                )
                                .on_hover_text(format!(
                                    "{} the {count} criteria of {name}",
                                    if collapsed { "Show" } else { "Hide" }
                                ))
                                .clicked()
                            {
                                actions.push(Action::ToggleGroup(group.clone()));
                            }
                        });
                        row.col(|_| {});
                        for _ in &shown {
                            row.col(|_| {});
                        }
                    }
                    Row::Criterion(k) => {
                        let k = *k;
                        row.col(|ui| criterion_cell_ui(ui, state, k, &mut actions));
                        row.col(|ui| weight_cell_ui(ui, state, k, &mut actions));
                        for &p in &shown {
                            row.col(|ui| {
                                score_cell_ui(ui, state, (view, &order), (k, p), &mut actions)
                            });
                            drawn.insert((k, p));
                        }
                    }
                    Row::Totals => {
                        row.col(|ui| {
                            ui.label(RichText::new("Total (0–100)").strong())
                                .on_hover_text("Weighted total over the scored criteria, and rank");
                        });
                        row.col(|ui| {
                            let sum: f64 =
                                crate::scoring::raw_weights(state.scenario(), state.weight_set())
                                    .iter()
                                    .sum();
                            ui.label(format!("Σ {sum:.4}")).on_hover_text(
                                "Sum of the weights; each weight counts as its share of this",
                            );
                        });
                        for &p in &shown {
                            row.col(|ui| {
                                let s = state.eval().standings[p];
                                let rank = s.rank.map_or_else(|| "unranked".to_owned(), ordinal);
                                ui.horizontal(|ui| {
                                    ui.label(
                                        RichText::new(format!("{} · {rank}", total_text(s.total)))
                                            .strong(),
                                    )
                                    .on_hover_text(format!(
                                        "{:.0}% of the weight is scored",
                                        s.coverage * 100.0
                                    ));
                                    crate::ui::verdicts::verdict_ui(ui, state, p, true);
                                });
                            });
                        }
                    }
                }
            });
        });
    mirror::mirror_ui(ui, state, &order, &drawn, &mut actions);
    for a in actions {
        a.apply(view, out);
    }
}

/// The row to scroll to for a pending reveal (unfolding its group), taking the request.
fn reveal_row(
    state: &AppState,
    view: &mut ViewState,
    rows: &[Row],
    out: &mut Outbox,
) -> Option<usize> {
    let cid = match state.reveal()? {
        Selection::Criterion(c) | Selection::Cell(c, _) => c.clone(),
        _ => return None,
    };
    let k = state.scenario().criterion_index(&cid)?;
    let group = state.scenario().criteria[k].group.clone();
    if view.collapsed_groups.remove(&group) {
        return None; // the rows change; scroll on the next frame
    }
    out.send(Msg::Selection(SelectMsg::Revealed));
    rows.iter().position(|r| *r == Row::Criterion(k))
}

/// The payload of a criterion being dragged to a new row.
struct CriterionDrag(usize);

fn criterion_cell_ui(ui: &mut Ui, state: &AppState, k: usize, actions: &mut Vec<Action>) {
    let c = &state.scenario().criteria[k];
    let selected = *state.selection() == Selection::Criterion(c.id.clone());
    ui.vertical(|ui| {
        let r = ui
            .add(
                egui::Button::selectable(selected, RichText::new(shown_or_unnamed(&c.name)))
                    .truncate()
                    .sense(egui::Sense::click_and_drag()),
            )
            .on_hover_ui(|ui| {
                if c.description.is_empty() {
                    // The name in full (the cell may cut it), and where the question goes.
                    ui.label(format!(
                        "{}\nNo description yet: the inspector's Description says the \
                         question it asks.",
                        c.name
                    ));
                } else {
                    ui.label(&c.description);
                }
            });
        if r.clicked() || r.gained_focus() {
            actions.push(Action::Select(Selection::Criterion(c.id.clone())));
        }
        // Drag a criterion's name onto another to move it there.
        r.dnd_set_drag_payload(CriterionDrag(k));
        if let Some(from) = r.dnd_release_payload::<CriterionDrag>() {
            if from.0 != k {
                let name = state.scenario().criteria[from.0].name.clone();
                actions.push(Action::Edit(
                    format!("move {name}"),
                    None,
                    Box::new(Edit::MoveCriterion(from.0, k)),
                ));
            }
        }
        if r.dnd_hover_payload::<CriterionDrag>().is_some() {
            ui.painter().hline(
                r.rect.x_range(),
                r.rect.top(),
                egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
            );
        }
        let direction = match c.direction {
            crate::model::Direction::HigherIsBetter => "",
            crate::model::Direction::LowerIsBetter => " · lower is better",
        };
        ui.label(
            RichText::new(format!("{}{direction}", c.scale.summary()))
                .small()
                .weak(),
        );
    });
}

fn weight_cell_ui(ui: &mut Ui, state: &AppState, k: usize, actions: &mut Vec<Action>) {
    let c = &state.scenario().criteria[k];
    let share = state.eval().weights.get(k).copied().unwrap_or(0.0);
    match state.weight_set() {
        WeightSet::Base => {
            let mut w = c.weight;
            let tip = "Drag or type the weight; 0 leaves the criterion out";
            if weight_drag(ui, &mut w, format!("Weight of {}", c.name), tip) {
                let mut new = c.clone();
                new.weight = w;
                actions.push(Action::Edit(
                    format!("weight of {}", c.name),
                    Some(format!("weight:{}", c.id)),
                    Box::new(Edit::SetCriterion(k, new)),
                ));
            }
        }
        WeightSet::Perspective(p) => {
            let stated = p.stated_weight(&c.id);
            let mut w = p.weight_of(c);
            let tip = match stated {
                Some(_) => format!(
                    "The weight of this criterion in the perspective “{}”",
                    p.name
                ),
                None => format!(
                    "Not stated: “{}” says nothing about this criterion, so it counts at the \
                     mean of the weights it states ({w:.2}). Drag or type to state one; 0 \
                     leaves it out.",
                    p.name
                ),
            };
            let changed = weight_drag(
                ui,
                &mut w,
                format!("Weight of {} for {}", c.name, p.name),
                &tip,
            );
            if changed {
                if let Some(pi) = state.scenario().perspective_index(&p.id) {
                    let mut new = p.clone();
                    new.weights.insert(c.id.clone(), w);
                    actions.push(Action::Edit(
                        format!("weight of {} ({})", c.name, p.name),
                        Some(format!("pweight:{}:{}", p.id, c.id)),
                        Box::new(Edit::SetPerspective(pi, new)),
                    ));
                }
            }
        }
    }
    let unstated = match state.weight_set() {
        WeightSet::Perspective(p) => p.stated_weight(&c.id).is_none(),
        WeightSet::Base => false,
    };
    if let WeightSet::Perspective(p) = state.weight_set() {
        if p.prefers_less_of(&c.id) {
            ui.label(RichText::new("wants less").small().italics())
                .on_hover_text(
                "This perspective wants less of this criterion: its values count reversed under it",
            );
        }
    }
    if unstated {
        ui.label(RichText::new("not stated").small().italics())
            .on_hover_text("This perspective states no weight for the criterion: it counts at the mean of the weights it states");
    } else {
        ui.label(
            RichText::new(format!("{:.0}%", share * 100.0))
                .small()
                .weak(),
        )
        .on_hover_text("Share of the total weight");
    }
}

fn score_cell_ui(
    ui: &mut Ui,
    state: &AppState,
    (view, order): (&ViewState, &[usize]),
    (k, p): (usize, usize),
    actions: &mut Vec<Action>,
) {
    let s = state.scenario();
    let c = &s.criteria[k];
    let proposal = &s.proposals[p];
    let score: Option<&Score> = state.eval().score(s, k, p);
    let value = score.and_then(|sc| sc.value);
    let norm = state.eval().value(k, p);
    let mut text = c.value_text(value);
    if score.is_some_and(Score::has_notes) {
        text.push_str("  ✎");
    }
    // Under a perspective that reads this cell its own way, say so in the cell where its
    // value differs from the common score (and in the hover whenever it has a reading).
    let read = state.eval().is_read(k, p);
    let common_value = read
        .then(|| state.eval().common_score(s, k, p).and_then(|sc| sc.value))
        .flatten();
    let common = read.then(|| c.value_text(common_value));
    if read && common_value != value {
        text = format!("{text}  ≠");
    }
    let selected = *state.selection() == Selection::Cell(c.id.clone(), proposal.id.clone());
    let dark = ui.visuals().dark_mode;
    // A silent text is drawn apart from the levels: no score colour, its word in italics.
    let silent = value == Some(crate::model::ScoreValue::Silent);
    let fill = match norm {
        Some(v) if !silent => score_fill(v, dark),
        _ => ui.visuals().faint_bg_color,
    };
    let mut rich = RichText::new(text).color(crate::ui::widgets::text_on_fill(fill, ui.visuals()));
    if silent {
        rich = rich.italics();
    }
    let mut button = egui::Button::new(rich)
        .fill(fill)
        .truncate()
        .min_size(egui::vec2(ui.available_width(), ROW_HEIGHT - 8.0));
    let differs = state
        .comparison()
        .is_some_and(|cmp| cmp.cells.contains(&(c.id.clone(), proposal.id.clone())));
    if selected {
        button = button.stroke(egui::Stroke::new(2.0, ui.visuals().selection.stroke.color));
    } else if differs {
        button = button.stroke(egui::Stroke::new(2.5, ui.visuals().warn_fg_color));
    }
    let typing = view
        .typing
        .as_ref()
        .filter(|t| t.cell == (c.id.clone(), proposal.id.clone()));
    if let Some(t) = typing {
        // A number being typed shows in the cell until Enter.
        button = egui::Button::new(RichText::new(format!("{}|", t.text)).strong())
            .fill(fill)
            .min_size(egui::vec2(ui.available_width(), ROW_HEIGHT - 8.0));
    }
    let r = ui
        .push_id((&c.id, &proposal.id), |ui| ui.add(button))
        .inner
        .accessible_name(if differs {
            format!(
                "{} (differs in the compared file)",
                crate::app::spoken::cell_name(state, k, p)
            )
        } else {
            crate::app::spoken::cell_name(state, k, p)
        });
    let here = (c.id.clone(), proposal.id.clone());
    if r.clicked() {
        // The keyboard goes on from here: Tab, arrows, typing a score.
        r.request_focus();
    }
    if view.focus_cell.as_ref() == Some(&here) {
        // Moved here by the keyboard.
        r.request_focus();
        actions.push(Action::Focused);
    }
    if r.has_focus() {
        // Tab and the arrows move between cells here, through rows out of view too.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                r.id,
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: false,
                },
            )
        });
        if let Some(to) = crate::ui::table::cell_keys::moved(ui, state, order, (k, p)) {
            actions.push(Action::MoveTo(to));
        }
        ui.painter().rect_stroke(
            r.rect.expand(1.0),
            4.0,
            egui::Stroke::new(2.5, ui.visuals().strong_text_color()),
            egui::StrokeKind::Outside,
        );
        crate::ui::table::cell_keys::keys_ui(ui, state, k, p, typing, actions);
    } else if r.lost_focus() && typing.is_some() {
        crate::ui::table::cell_keys::commit(state, k, p, typing, actions);
    }
    let r = r.on_hover_ui(|ui| {
        ui.set_max_width(280.0);
        ui.label(RichText::new(format!("{} — {}", proposal.name, c.name)).strong());
        if let Some(common) = &common {
            ui.label(
                RichText::new(format!(
                    "This perspective's own reading; the common score is {common}"
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
        match (silent, norm) {
            (true, Some(v)) => ui.label(format!(
                "Silent: the text says nothing on this. It counts as {:.0} of 100 in the total (the scenario's rule); a red line is neither met nor crossed by it",
                v * 100.0
            )),
            (true, None) => ui.label(
                "Silent: the text says nothing on this. Left out of the total (the scenario's rule); a red line is neither met nor crossed by it",
            ),
            (false, Some(v)) => ui.label(format!("Normalised: {:.0} of 100", v * 100.0)),
            (false, None) => ui.label("Not scored: left out of the total, not counted as 0"),
        };
        if let Some(old) = score.and_then(|sc| sc.reason_written_for) {
            ui.label(
                RichText::new(format!("Reason written for {}", c.value_text(Some(old))))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        if let Some(sc) = score {
            if !sc.rationale.is_empty() {
                ui.label(RichText::new(crate::ui::widgets::first_sentence(&sc.rationale)).small());
            }
            if !sc.evidence.is_empty() {
                ui.label(RichText::new(format!("{} citation(s)", sc.evidence.len())).weak());
            }
        }
        ui.label(
            RichText::new("Click to edit in the inspector")
                .weak()
                .small(),
        );
    });
    if r.clicked() || r.gained_focus() {
        actions.push(Action::Select(Selection::Cell(
            c.id.clone(),
            proposal.id.clone(),
        )));
    }
}
