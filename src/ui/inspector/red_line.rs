//! The chosen perspective's red line on a criterion: add one, say what it accepts on the
//! criterion's scale, why (with the stated position as evidence), or remove it.

use egui::{RichText, Ui};

use crate::app::{AppState, Edit, Outbox};
use crate::model::{Accepts, Criterion, Perspective, RedLine, Scale};
use crate::ui::widgets::{button, number_field, short_label, text_area};

/// The ways a red line can be put, by scale.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    AtLeast,
    AtMost,
    Between,
    OnlyLevels,
    Yes,
    No,
}

impl Kind {
    fn of(a: &Accepts) -> Self {
        match a {
            Accepts::Range {
                min: Some(_),
                max: Some(_),
            } => Self::Between,
            Accepts::Range { max: Some(_), .. } => Self::AtMost,
            Accepts::Range { .. } => Self::AtLeast,
            Accepts::Levels(_) => Self::OnlyLevels,
            Accepts::Yes => Self::Yes,
            Accepts::No => Self::No,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::AtLeast => "At least",
            Self::AtMost => "At most",
            Self::Between => "Between",
            Self::OnlyLevels => "Only these levels",
            Self::Yes => "Must be yes",
            Self::No => "Must be no",
        }
    }

    fn for_scale(scale: &Scale) -> &'static [Kind] {
        match scale {
            Scale::Numeric { .. } => &[Self::AtLeast, Self::AtMost, Self::Between],
            Scale::Levels(_) => &[Self::AtLeast, Self::AtMost, Self::Between, Self::OnlyLevels],
            Scale::YesNo => &[Self::Yes, Self::No],
        }
    }

    /// The red line of this kind closest to `old` on `scale`.
    fn make(self, old: &Accepts, scale: &Scale) -> Accepts {
        let (lo, hi) = scale.bounds();
        let (min, max) = match old {
            Accepts::Range { min, max } => (*min, *max),
            _ => (None, None),
        };
        let mid = ((lo + hi) / 2.0).round();
        match self {
            Self::AtLeast => Accepts::Range {
                min: Some(min.unwrap_or(mid)),
                max: None,
            },
            Self::AtMost => Accepts::Range {
                min: None,
                max: Some(max.unwrap_or(mid)),
            },
            Self::Between => Accepts::Range {
                min: Some(min.unwrap_or(lo)),
                max: Some(max.unwrap_or(hi)),
            },
            Self::OnlyLevels => Accepts::Levels(vec![hi as u32]),
            Self::Yes => Accepts::Yes,
            Self::No => Accepts::No,
        }
    }
}

/// A new red line of the first kind the scale allows.
fn new_red_line(c: &Criterion) -> RedLine {
    let accepts = Kind::for_scale(&c.scale)[0].make(&Accepts::Yes, &c.scale);
    RedLine {
        criterion: c.id.clone(),
        accepts,
        reason: String::new(),
        evidence: Vec::new(),
        silence_crosses: String::new(),
    }
}

/// The section of the criterion inspector for the chosen perspective's red line.
pub(super) fn red_line_ui(ui: &mut Ui, state: &AppState, c: &Criterion, out: &mut Outbox) {
    let Some((index, view)) = state.chosen_perspective() else {
        return;
    };
    let name = short_label(&view.name);
    ui.add_space(8.0);
    // A party may want less of what the criterion rewards: its values count reversed.
    let mut less = view.prefers_less_of(&c.id);
    if ui
        .checkbox(&mut less, format!("«{name}» wants less of this"))
        .on_hover_text(format!(
            "Ticked: under «{name}» this criterion counts the other way round ({}), so its weight says how much the party wants less of it. Totals, ranks, Everyone at once and τ follow; red lines stay on the criterion's own scale",
            match c.direction {
                crate::model::Direction::HigherIsBetter => "lower is better",
                crate::model::Direction::LowerIsBetter => "higher is better",
            }
        ))
        .changed()
    {
        let mut new: Perspective = view.clone();
        new.prefers_less.retain(|x| *x != c.id);
        if less {
            new.prefers_less.push(c.id.clone());
        }
        let what = if less { "wants less of" } else { "no longer wants less of" };
        out.edit(format!("«{name}» {what} {}", c.name), None, Edit::SetPerspective(index, new));
    }
    ui.label(RichText::new(format!("Red line of «{name}»")).strong()).on_hover_text(
        "What this perspective will not accept on this criterion: a proposal scored outside it \
         is ruled out under this perspective (it keeps its total and rank)",
    );
    let with = |line: Option<RedLine>| -> Edit {
        let mut new: Perspective = view.clone();
        match (new.red_lines.iter().position(|r| r.criterion == c.id), line) {
            (Some(j), Some(line)) => new.red_lines[j] = line,
            (Some(j), None) => {
                new.red_lines.remove(j);
            }
            (None, Some(line)) => new.red_lines.push(line),
            (None, None) => {}
        }
        Edit::SetPerspective(index, new)
    };
    let label = format!("red line of «{name}» on {}", c.name);
    let key = format!("redline:{}:{}", view.id, c.id);
    let Some(line) = view.red_line(&c.id).cloned() else {
        if button(ui, true, "+ Add a red line", "Say which values this perspective accepts here; a proposal outside them is ruled out under it").clicked() {
            out.edit(format!("add {label}"), None, with(Some(new_red_line(c))));
        }
        return;
    };
    let mut changed: Option<RedLine> = None;
    // The kind of line.
    let kind = Kind::of(&line.accepts);
    ui.horizontal(|ui| {
        let l = ui.label("Accepts");
        let mut chosen = kind;
        egui::ComboBox::from_id_salt(("red-line-kind", &key))
            .selected_text(kind.label())
            .show_ui(ui, |ui| {
                for k in Kind::for_scale(&c.scale) {
                    ui.selectable_value(&mut chosen, *k, k.label());
                }
            })
            .response
            .labelled_by(l.id);
        if chosen != kind {
            changed = Some(RedLine {
                accepts: chosen.make(&line.accepts, &c.scale),
                ..line.clone()
            });
        }
    });
    // Its values, on the criterion's scale.
    match (&line.accepts, &c.scale) {
        (Accepts::Range { min, max }, Scale::Levels(levels)) => {
            for (end, value, label) in [(0, *min, "from"), (1, *max, "up to")] {
                let Some(v) = value else { continue };
                ui.horizontal(|ui| {
                    let l = ui.label(label);
                    let mut at = v.max(0.0) as usize;
                    egui::ComboBox::from_id_salt(("red-line-level", &key, end))
                        .selected_text(levels.get(at).cloned().unwrap_or_default())
                        .show_ui(ui, |ui| {
                            for (i, name) in levels.iter().enumerate() {
                                ui.selectable_value(&mut at, i, name);
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    if at as f64 != v {
                        let (mut min, mut max) = (*min, *max);
                        if end == 0 {
                            min = Some(at as f64)
                        } else {
                            max = Some(at as f64)
                        }
                        changed = Some(RedLine {
                            accepts: Accepts::Range { min, max },
                            ..line.clone()
                        });
                    }
                });
            }
        }
        (
            Accepts::Range { min, max },
            Scale::Numeric {
                min: lo, max: hi, ..
            },
        ) => {
            for (end, value, label) in [
                (0, *min, "Lowest acceptable"),
                (1, *max, "Highest acceptable"),
            ] {
                if value.is_none() {
                    continue;
                }
                ui.horizontal(|ui| {
                    if let Some(Some(x)) = number_field(
                        ui,
                        label,
                        value,
                        *lo..=*hi,
                        "A value on the criterion's scale",
                    ) {
                        let (mut min, mut max) = (*min, *max);
                        if end == 0 {
                            min = Some(x)
                        } else {
                            max = Some(x)
                        }
                        changed = Some(RedLine {
                            accepts: Accepts::Range { min, max },
                            ..line.clone()
                        });
                    }
                });
            }
        }
        (Accepts::Levels(set), Scale::Levels(levels)) => {
            for (i, name) in levels.iter().enumerate() {
                let mut on = set.contains(&(i as u32));
                if ui.checkbox(&mut on, name).changed() {
                    let mut set: Vec<u32> =
                        set.iter().copied().filter(|&x| x != i as u32).collect();
                    if on {
                        set.push(i as u32);
                        set.sort_unstable();
                    }
                    if !set.is_empty() {
                        changed = Some(RedLine {
                            accepts: Accepts::Levels(set),
                            ..line.clone()
                        });
                    }
                }
            }
        }
        _ => {}
    }
    ui.label(
        RichText::new(format!("So: accepts {}", line.accepts.describe(c)))
            .small()
            .weak(),
    );
    if let Some(reason) = text_area(ui, "Why (attributed)", &line.reason, "“The 2017 document rejects…”: the stated position, in the party's words or a close paraphrase", 3) {
        changed = Some(RedLine { reason, ..line.clone() });
    }
    if let Some(silence_crosses) = text_area(
        ui,
        "Silence crosses it because",
        &line.silence_crosses,
        "Leave empty: a text silent on this neither meets nor crosses the line (“not addressed”). Fill in only where the party says any deal must include it, in its words",
        2,
    ) {
        changed = Some(RedLine {
            silence_crosses,
            ..line.clone()
        });
    }
    if let Some(evidence) = super::cell::citations_with_kind_ui(
        ui,
        state,
        "Evidence",
        &line.evidence,
        &format!("{key}:evidence"),
    ) {
        changed = Some(RedLine {
            evidence,
            ..line.clone()
        });
    }
    if button(
        ui,
        true,
        "Remove red line",
        "This perspective then accepts any value here (Ctrl+Z undoes)",
    )
    .clicked()
    {
        out.edit(format!("remove {label}"), None, with(None));
        return;
    }
    if let Some(line) = changed {
        out.edit(label, Some(key), with(Some(line)));
    }
}
