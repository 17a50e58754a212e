//! One criterion: name, description, group, weight, direction and scale.

use crate::app::DocMsg;
use crate::app::ViewMsg;
use egui::{RichText, Ui};

use super::fields::Fields;
use crate::app::{set_criterion, AppState, Edit, Msg, Named, Outbox};
use crate::model::{Criterion, Direction, Scale};
use crate::ui::widgets::{button, lines_field, ListCommit};

pub(super) fn criterion_ui(ui: &mut Ui, state: &AppState, cid: &str, out: &mut Outbox) {
    let Some(k) = state.scenario().criterion_index(cid) else {
        return;
    };
    let c = state.scenario().criteria[k].clone();
    let n = state.scenario().criteria.len();
    ui.label(RichText::new("Criterion").strong());
    let deleted = ui.horizontal_wrapped(|ui| {
        if button(ui, k > 0, "▲ Move up", "Move this criterion one row up").clicked() {
            out.edit(
                format!("move {}", c.name),
                None,
                Edit::MoveCriterion(k, k - 1),
            );
        }
        if button(
            ui,
            k + 1 < n,
            "▼ Move down",
            "Move this criterion one row down",
        )
        .clicked()
        {
            out.edit(
                format!("move {}", c.name),
                None,
                Edit::MoveCriterion(k, k + 1),
            );
        }
        if button(
            ui,
            true,
            "Duplicate",
            "Add a copy of this criterion, with its scores, below it",
        )
        .clicked()
        {
            out.send(Msg::Doc(DocMsg::DuplicateCriterion(k)));
        }
        if button(
            ui,
            true,
            "Delete",
            "Delete this criterion and its scores (Ctrl+Z undoes)",
        )
        .clicked()
        {
            out.send(Msg::Doc(DocMsg::DeleteCriterion(k)));
            return true;
        }
        false
    });
    if deleted.inner {
        return;
    }
    let scenario = state.scenario();
    let mut f = Fields::of(out, c.name.clone(), format!("criterion:{}", c.id));
    // A new scale converts the row's scores, so the whole change is built from the scenario.
    let set = |new: Criterion| set_criterion(scenario, k, new);
    let naming = state.naming(Named::Criterion, &c.id);
    f.name(
        ui,
        ("Name", "name"),
        &c.name,
        ("Short name of the criterion", naming),
        |name| set(Criterion { name, ..c.clone() }),
    );
    f.area(
        ui,
        ("Description", "description"),
        &c.description,
        ("The question this criterion asks", 3),
        |description| {
            set(Criterion {
                description,
                ..c.clone()
            })
        },
    );
    f.text(
        ui,
        ("Group", "group"),
        &c.group,
        "Rows of one group fold together, e.g. Security",
        |group| set(Criterion { group, ..c.clone() }),
    );
    weight_ui(ui, state, k, &c, f.out);
    ui.horizontal(|ui| {
        let l = ui.label("Direction");
        let mut d = c.direction;
        egui::ComboBox::from_id_salt("direction")
            .selected_text(match d {
                Direction::HigherIsBetter => "Higher is better",
                Direction::LowerIsBetter => "Lower is better",
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut d, Direction::HigherIsBetter, "Higher is better");
                ui.selectable_value(&mut d, Direction::LowerIsBetter, "Lower is better");
            })
            .response
            .labelled_by(l.id);
        if d != c.direction {
            f.edit(
                "direction",
                set(Criterion {
                    direction: d,
                    ..c.clone()
                }),
            );
        }
    });
    scale_ui(ui, &mut f, scenario, k, &c);
    super::red_line::red_line_ui(ui, state, &c, f.out);
}

fn scale_ui(
    ui: &mut Ui,
    f: &mut Fields,
    scenario: &crate::model::Scenario,
    k: usize,
    c: &Criterion,
) {
    let mut set_scale = |scale: Scale| {
        f.edit(
            "scale",
            set_criterion(scenario, k, Criterion { scale, ..c.clone() }),
        );
    };
    ui.horizontal(|ui| {
        let l = ui.label("Scale");
        let kind = match c.scale {
            Scale::Numeric { .. } => 0,
            Scale::Levels(_) => 1,
            Scale::YesNo => 2,
        };
        let mut chosen = kind;
        egui::ComboBox::from_id_salt("scale-kind")
            .selected_text(["Numeric", "Levels", "Yes/no"][kind])
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, 0, "Numeric")
                    .on_hover_text("A number between a minimum and a maximum");
                ui.selectable_value(&mut chosen, 1, "Levels")
                    .on_hover_text("Named levels, worst first");
                ui.selectable_value(&mut chosen, 2, "Yes/no");
            })
            .response
            .labelled_by(l.id)
            .on_hover_text("Changing the scale converts the row's scores to the nearest value");
        if chosen != kind {
            set_scale(match chosen {
                0 => Scale::zero_to_ten(),
                1 => Scale::Levels(vec![
                    "None".into(),
                    "Weak".into(),
                    "Partial".into(),
                    "Strong".into(),
                ]),
                _ => Scale::YesNo,
            });
        }
    });
    match &c.scale {
        Scale::Numeric { min, max, step } => {
            let (mut lo, mut hi, mut st) = (*min, *max, *step);
            let changed = ui
                .horizontal(|ui| {
                    let a = ui
                        .add(egui::DragValue::new(&mut lo).speed(0.1))
                        .accessible_name("Scale minimum")
                        .on_hover_text("Lowest value");
                    ui.label("to");
                    let b = ui
                        .add(egui::DragValue::new(&mut hi).speed(0.1))
                        .accessible_name("Scale maximum")
                        .on_hover_text("Highest value");
                    ui.label("step");
                    let s = ui
                        .add(
                            egui::DragValue::new(&mut st)
                                .range(0.001..=1000.0)
                                .speed(0.01),
                        )
                        .accessible_name("Scale step")
                        .on_hover_text("Increment when dragging a score");
                    a.changed() || b.changed() || s.changed()
                })
                .inner;
            if changed && lo < hi {
                set_scale(Scale::Numeric {
                    min: lo,
                    max: hi,
                    step: st,
                });
            } else if changed {
                f.out.send(crate::app::Msg::View(ViewMsg::Status(format!(
                    "The scale was left at {min}–{max}: its minimum must be below its maximum"
                ))));
            }
        }
        Scale::Levels(levels) => {
            // Sent when the field is left: each new scale converts the row's scores.
            if let Some(v) = lines_field(
                ui,
                "Levels, worst first (one per line)",
                levels,
                "At least two levels, worst first",
                ListCommit::OnLeave,
            ) {
                if v.len() >= 2 {
                    set_scale(Scale::Levels(v));
                } else {
                    f.out.send(crate::app::Msg::View(ViewMsg::Status(
                        "A scale needs at least two levels: the levels were left as they were"
                            .into(),
                    )));
                }
            }
        }
        Scale::YesNo => {}
    }
}

/// The weight in use, labelled for whose it is: the criteria's own, or the chosen
/// perspective's (the same number the table shows and edits).
fn weight_ui(ui: &mut Ui, state: &AppState, k: usize, c: &Criterion, out: &mut Outbox) {
    let scenario = state.scenario();
    let chosen = state.perspective().and_then(|id| {
        let i = scenario.perspective_index(id)?;
        Some((i, &scenario.perspectives[i]))
    });
    ui.horizontal(|ui| match chosen {
        None => {
            ui.label("Weight");
            let mut w = c.weight;
            let tip = "Relative importance; 0 leaves the criterion out";
            let name = format!("Weight of {} (inspector)", c.name);
            if crate::ui::widgets::weight_drag(ui, &mut w, name, tip) {
                // The same gesture key as the table's weight, so a drag merges wherever it is.
                out.edit(
                    format!("weight of {}", c.name),
                    Some(format!("weight:{}", c.id)),
                    Edit::SetCriterion(
                        k,
                        Criterion {
                            weight: w,
                            ..c.clone()
                        },
                    ),
                );
            }
        }
        Some((i, p)) => {
            ui.label(format!(
                "Weight in «{}»",
                crate::ui::widgets::short_label(&p.name)
            ))
            .on_hover_text(&p.name);
            let mut w = p.weights.get(&c.id).copied().unwrap_or(0.0);
            let tip = format!("This criterion's weight in the perspective “{}”", p.name);
            let name = format!("Weight of {} for {} (inspector)", c.name, p.name);
            if crate::ui::widgets::weight_drag(ui, &mut w, name, &tip) {
                let mut new = p.clone();
                new.weights.insert(c.id.clone(), w);
                out.edit(
                    format!("weight of {} ({})", c.name, p.name),
                    Some(format!("pweight:{}:{}", p.id, c.id)),
                    Edit::SetPerspective(i, new),
                );
            }
        }
    });
    if chosen.is_some() {
        ui.label(
            RichText::new(format!(
                "The criteria's own weight, used with no perspective chosen: {}",
                c.weight
            ))
            .small()
            .weak(),
        );
    }
}
