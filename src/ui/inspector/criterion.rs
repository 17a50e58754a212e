//! One criterion: name, description, group, weight, direction and scale.

use egui::{RichText, Ui};

use crate::app::{set_criterion, AppState, Edit, Selection};
use crate::model::{Criterion, Direction, Scale, Score};
use crate::ui::widgets::{button, lines_field, text_area, text_field};

pub(super) fn criterion_ui(ui: &mut Ui, state: &mut AppState, cid: &str) {
    let Some(k) = state.scenario().criterion_index(cid) else {
        return;
    };
    let c = state.scenario().criteria[k].clone();
    let n = state.scenario().criteria.len();
    ui.label(RichText::new("Criterion").strong());
    let deleted = ui.horizontal_wrapped(|ui| {
        if button(ui, k > 0, "▲ Move up", "Move this criterion one row up").clicked() {
            state.edit(
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
            state.edit(
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
            duplicate_criterion(state, k);
        }
        if button(
            ui,
            true,
            "Delete",
            "Delete this criterion and its scores (Ctrl+Z undoes)",
        )
        .clicked()
        {
            state.delete_criterion(k);
            return true;
        }
        false
    });
    if deleted.inner {
        return;
    }
    ui.label(RichText::new(format!("id: {}", c.id)).small().weak());
    let set = |state: &mut AppState, field: &str, new: Criterion| {
        let edit = set_criterion(state.scenario(), k, new);
        state.edit(
            format!("{field} of {}", c.name),
            Some(format!("criterion:{}:{field}", c.id)),
            edit,
        );
    };
    if let Some(v) = text_field(ui, "Name", &c.name, "Short name of the criterion") {
        set(
            state,
            "name",
            Criterion {
                name: v,
                ..c.clone()
            },
        );
    }
    if let Some(v) = text_area(
        ui,
        "Description",
        &c.description,
        "The question this criterion asks",
        3,
    ) {
        set(
            state,
            "description",
            Criterion {
                description: v,
                ..c.clone()
            },
        );
    }
    if let Some(v) = text_field(
        ui,
        "Group",
        &c.group,
        "Rows of one group fold together, e.g. Security",
    ) {
        set(
            state,
            "group",
            Criterion {
                group: v,
                ..c.clone()
            },
        );
    }
    ui.horizontal(|ui| {
        ui.label("Weight");
        let mut w = c.weight;
        let tip = "Relative importance; 0 leaves the criterion out";
        if crate::ui::widgets::weight_drag(
            ui,
            &mut w,
            format!("Weight of {} (inspector)", c.name),
            tip,
        ) {
            state.edit(
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
    });
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
            set(
                state,
                "direction",
                Criterion {
                    direction: d,
                    ..c.clone()
                },
            );
        }
    });
    scale_ui(ui, state, k, &c);
}

fn scale_ui(ui: &mut Ui, state: &mut AppState, k: usize, c: &Criterion) {
    let set_scale = |state: &mut AppState, scale: Scale| {
        let edit = set_criterion(state.scenario(), k, Criterion { scale, ..c.clone() });
        state.edit(
            format!("scale of {}", c.name),
            Some(format!("criterion:{}:scale", c.id)),
            edit,
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
            set_scale(
                state,
                match chosen {
                    0 => Scale::zero_to_ten(),
                    1 => Scale::Levels(vec![
                        "Not addressed".into(),
                        "Weak".into(),
                        "Partial".into(),
                        "Strong".into(),
                    ]),
                    _ => Scale::YesNo,
                },
            );
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
                set_scale(
                    state,
                    Scale::Numeric {
                        min: lo,
                        max: hi,
                        step: st,
                    },
                );
            }
        }
        Scale::Levels(levels) => {
            if let Some(v) = lines_field(
                ui,
                "Levels, worst first (one per line)",
                levels,
                "At least two levels",
            ) {
                if v.len() >= 2 {
                    set_scale(state, Scale::Levels(v));
                }
            }
        }
        Scale::YesNo => {}
    }
}

/// Adds a criterion after `after` (or at the end) and selects it.
pub fn add_criterion(state: &mut AppState, after: Option<usize>) {
    let s = state.scenario();
    let n = s.criteria.len();
    let name = format!("New criterion {}", n + 1);
    let mut c = Criterion::new(s.fresh_id(&name), name.clone());
    if let Some(last) = after.and_then(|i| s.criteria.get(i)).or(s.criteria.last()) {
        c.group = last.group.clone();
    }
    let at = after.map_or(n, |i| (i + 1).min(n));
    let id = c.id.clone();
    state.edit(
        format!("add {name}"),
        None,
        Edit::InsertCriterion(at, c, Vec::new()),
    );
    state.select(Selection::Criterion(id));
}

fn duplicate_criterion(state: &mut AppState, k: usize) {
    let s = state.scenario();
    let mut c = s.criteria[k].clone();
    let old_id = c.id.clone();
    c.name = format!("{} (copy)", c.name);
    c.id = s.fresh_id(&c.id);
    let scores: Vec<Score> = s
        .scores
        .iter()
        .filter(|sc| sc.criterion == old_id)
        .map(|sc| Score {
            criterion: c.id.clone(),
            ..sc.clone()
        })
        .collect();
    let id = c.id.clone();
    state.edit(
        format!("duplicate {}", s.criteria[k].name),
        None,
        Edit::InsertCriterion(k + 1, c, scores),
    );
    state.select(Selection::Criterion(id));
}
