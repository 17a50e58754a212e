//! One cell: its score on the criterion's scale, the rationale and the evidence.

use std::ops::Not;

use egui::{RichText, Ui};

use super::short;
use crate::app::{AppState, Edit, Outbox};
use crate::model::{Citation, Criterion, Scale, Score, ScoreValue};
use crate::ui::widgets::{button, number_field, shown_name, text_area_with_id, text_field};

pub(super) fn cell_ui(ui: &mut Ui, state: &AppState, cid: &str, pid: &str, out: &mut Outbox) {
    let s = state.scenario();
    let (Some(k), Some(p)) = (s.criterion_index(cid), s.proposal_index(pid)) else {
        return;
    };
    let criterion = s.criteria[k].clone();
    let proposal = s.proposals[p].clone();
    let score = state
        .eval()
        .score(s, k, p)
        .cloned()
        .unwrap_or_else(|| Score {
            criterion: cid.to_owned(),
            proposal: pid.to_owned(),
            ..Score::default()
        });
    ui.label(
        RichText::new(shown_name(&proposal.name))
            .strong()
            .size(15.0),
    );
    ui.label(RichText::new(format!("on {}", shown_name(&criterion.name))).strong());
    if !criterion.description.is_empty() {
        ui.label(RichText::new(&criterion.description).small().weak());
    }
    ui.add_space(6.0);
    perspective_reading_ui(ui, state, (k, p), out);
    let label = format!("score of {} on {}", proposal.label(), criterion.name);
    let mut set = |new: Score, label: String, key: Option<String>| {
        let cell = (!new.is_empty()).then_some(new);
        out.edit(
            label,
            key,
            Edit::SetScore(cid.to_owned(), pid.to_owned(), cell),
        );
    };
    // Value, by the kind of scale.
    ui.label(RichText::new("Score").small().weak());
    if let Some(value) = value_editor_ui(ui, &criterion, score.value) {
        let mut new = score.clone();
        new.set_value(value);
        set(new, label.clone(), Some(format!("value:{cid}:{pid}")));
    }
    let shown = if score.is_silent() {
        format!(
            "Shown as: Silent — the text says nothing on this; counts as {} in totals",
            silence_counts_as(s, &criterion)
        )
    } else {
        format!("Shown as: {}", criterion.value_text(score.value))
    };
    ui.label(RichText::new(shown).small().weak());
    ui.add_space(6.0);
    if let Some(old) = score.reason_written_for {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "⚠ Reason written for {}: does it still hold for {}?",
                    criterion.value_text(Some(old)),
                    criterion.value_text(score.value)
                ))
                .color(ui.visuals().warn_fg_color),
            );
            if button(
                ui,
                true,
                "Confirm reason",
                "The reason holds for the new score as written (Ctrl+Z undoes)",
            )
            .clicked()
            {
                set(
                    Score {
                        reason_written_for: None,
                        ..score.clone()
                    },
                    format!(
                        "confirm the reason of {} on {}",
                        proposal.label(),
                        criterion.name
                    ),
                    None,
                );
            }
        });
    }
    // Enter on a focused cell of the table gives this field the keyboard.
    if let Some(rationale) = text_area_with_id(
        ui,
        ("Rationale", crate::ui::table::cell_keys::rationale_id()),
        &score.rationale,
        "Why this score, attributed: “The essay argues…”",
        5,
    ) {
        let mut new = score.clone();
        new.set_rationale(rationale);
        set(
            new,
            format!("rationale of {} on {}", proposal.label(), criterion.name),
            Some(format!("rationale:{cid}:{pid}")),
        );
    }
    // The content check's notes on this cell (`concord check --strict` lists the same).
    if state.eval().perspective.is_none() || state.eval().is_read(k, p).not() {
        for note in crate::io::health::cell_notes(s, cid, pid) {
            ui.label(
                RichText::new(format!("⚠ {}: {}", note.concern.label(), note.message))
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
        }
    }
    ui.add_space(6.0);
    let evidence_label = format!("evidence of {} on {}", proposal.label(), criterion.name);
    if let Some(evidence) = citations_ui(
        ui,
        state,
        "Evidence",
        &score.evidence,
        &format!("evidence:{cid}:{pid}"),
    ) {
        set(
            Score {
                evidence,
                ..score.clone()
            },
            evidence_label,
            Some(format!("evidence:{cid}:{pid}")),
        );
    }
}

/// Under a perspective: the common score and the perspective's reading side by side, its
/// red line on the criterion, and buttons to write or remove its own reading.
fn perspective_reading_ui(ui: &mut Ui, state: &AppState, (k, p): (usize, usize), out: &mut Outbox) {
    let s = state.scenario();
    let Some((index, view)) = state.chosen_perspective() else {
        return;
    };
    let (c, proposal) = (&s.criteria[k], &s.proposals[p]);
    let common = state.eval().common_score(s, k, p);
    let reading = view.reading(&c.id, &proposal.id);
    let name = crate::ui::widgets::short_label(&view.name);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        // Two equal columns that wrap, so the panel keeps its width.
        let why = |sc: Option<&Score>| {
            sc.map(|x| crate::ui::widgets::first_sentence(&x.rationale))
                .unwrap_or_default()
        };
        ui.columns(2, |cols| {
            cols[0].label(RichText::new("Common score").small().strong());
            cols[0].label(c.value_text(common.and_then(|x| x.value)));
            cols[0].label(RichText::new(why(common)).small().weak());
            cols[1].label(RichText::new(format!("«{name}» reads")).small().strong());
            cols[1].label(match reading {
                Some(r) => c.value_text(r.value),
                None => "the common score".to_owned(),
            });
            cols[1].label(RichText::new(why(reading)).small().weak());
        });
        if let Some(line) = view.red_line(&c.id) {
            let value = reading.or(common).and_then(|x| x.value);
            let verdict = match line.test(value) {
                crate::model::Test::Passes => "this cell passes",
                crate::model::Test::Crosses => "this cell crosses it",
                crate::model::Test::Unknown => "unknown: the cell is not scored",
                crate::model::Test::NotAddressed => {
                    "not addressed: the text is silent, so the line is neither met nor crossed"
                }
            };
            ui.label(
                RichText::new(format!("Red line: accepts {}; {verdict}", line.accepts.describe(c)))
                    .small()
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(&line.reason);
        }
        let edit = |score: Option<Score>| {
            crate::app::readings::reading_edit(
                s,
                index,
                &Edit::SetScore(c.id.clone(), proposal.id.clone(), score),
            )
        };
        match reading {
            None => {
                let start = common.cloned().unwrap_or_else(|| Score {
                    criterion: c.id.clone(),
                    proposal: proposal.id.clone(),
                    ..Score::default()
                });
                if button(ui, true, &format!("Write «{name}»'s own reading"), "Start from the common score; what you change then is this perspective's reading only").clicked() {
                    if let Some(e) = edit(Some(start)) {
                        out.edit(format!("«{name}»'s reading of {} on {}", proposal.label(), c.name), None, e);
                    }
                }
            }
            Some(_) => {
                if button(ui, true, &format!("Remove «{name}»'s reading"), "This perspective then reads the common score again (Ctrl+Z undoes)").clicked() {
                    if let Some(e) = edit(None) {
                        out.edit(format!("remove «{name}»'s reading of {} on {}", proposal.label(), c.name), None, e);
                    }
                }
                ui.label(RichText::new("The score below is this perspective's reading.").small().weak());
            }
        }
    });
    ui.add_space(6.0);
}

/// What a silent cell counts as in `s`'s totals, in words.
fn silence_counts_as(s: &crate::model::Scenario, c: &Criterion) -> String {
    match s.silence {
        crate::model::Silence::CountsAsLowest => c.value_text(Some(c.scale.lowest())),
        crate::model::Silence::LeftOut => "nothing (left out, like an unscored cell)".to_owned(),
    }
}

/// Edits a value by scale; returns the new value (`None` inside = not scored) on change.
fn value_editor_ui(
    ui: &mut Ui,
    c: &Criterion,
    value: Option<ScoreValue>,
) -> Option<Option<ScoreValue>> {
    let mut out = None;
    let silent = Some(ScoreValue::Silent);
    let silent_tip = "The text is available and says nothing on this: not the same as unscored (no source found). A red line is neither met nor crossed by silence (key 0 on a level or yes/no cell of the table)";
    match &c.scale {
        Scale::Numeric { min, max, .. } => {
            let shown = match value {
                Some(ScoreValue::Number(x)) => Some(x),
                _ => None,
            };
            ui.horizontal(|ui| {
                let hint = format!(
                    "Type a value from {min} to {max}; empty leaves the cell unscored (left out of the total, not 0)"
                );
                if let Some(new) = number_field(ui, "Score value", shown, *min..=*max, &hint) {
                    out = Some(new.map(ScoreValue::Number));
                }
                if shown.is_some()
                    && ui
                        .button("Not scored")
                        .on_hover_text("Leave the cell unscored: left out of the total, not counted as 0")
                        .clicked()
                {
                    out = Some(None);
                }
                if ui.radio(value == silent, "Silent").on_hover_text(silent_tip).clicked() {
                    out = Some(silent);
                }
            });
        }
        Scale::Levels(levels) => {
            if ui
                .radio(value.is_none(), "Not scored")
                .on_hover_text("Left out of the total, not counted as 0")
                .clicked()
            {
                out = Some(None);
            }
            if ui
                .radio(value == silent, "Silent (says nothing)")
                .on_hover_text(silent_tip)
                .clicked()
            {
                out = Some(silent);
            }
            for (i, l) in levels.iter().enumerate() {
                let v = ScoreValue::Level(i as u32);
                if ui
                    .radio(value == Some(v), l)
                    .on_hover_text(format!("Level {} of {}", i + 1, levels.len()))
                    .clicked()
                {
                    out = Some(Some(v));
                }
            }
        }
        Scale::YesNo => {
            for (label, v) in [
                ("Not scored", None),
                ("Silent (says nothing)", silent),
                ("Yes", Some(ScoreValue::Bool(true))),
                ("No", Some(ScoreValue::Bool(false))),
            ] {
                let r = ui.radio(value == v, label);
                let r = if v == silent {
                    r.on_hover_text(silent_tip)
                } else {
                    r
                };
                if r.clicked() {
                    out = Some(v);
                }
            }
        }
    }
    out.filter(|v| *v != value)
}

/// Edits a list of citations; returns the new list on change.
pub(super) fn citations_ui(
    ui: &mut Ui,
    state: &AppState,
    title: &str,
    list: &[Citation],
    id: &str,
) -> Option<Vec<Citation>> {
    citations_list_ui(ui, state, (title, id), list, false)
}

/// Edits a list of citations that can each say whether they give the party's own words
/// (a red line's evidence); returns the new list on change.
pub(super) fn citations_with_kind_ui(
    ui: &mut Ui,
    state: &AppState,
    title: &str,
    list: &[Citation],
    id: &str,
) -> Option<Vec<Citation>> {
    citations_list_ui(ui, state, (title, id), list, true)
}

fn citations_list_ui(
    ui: &mut Ui,
    state: &AppState,
    (title, id): (&str, &str),
    list: &[Citation],
    with_kind: bool,
) -> Option<Vec<Citation>> {
    let sources = &state.scenario().sources;
    let mut out: Option<Vec<Citation>> = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).strong());
        let tip = if sources.is_empty() {
            "Add a source to the bibliography first (select the scenario)"
        } else {
            "Cite a source from the bibliography"
        };
        if button(ui, !sources.is_empty(), "+ Add citation", tip).clicked() {
            let mut v = list.to_vec();
            v.push(Citation {
                source: sources[0].id.clone(),
                ..Citation::default()
            });
            out = Some(v);
        }
    });
    for (j, cit) in list.iter().enumerate() {
        ui.push_id((id, j), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    let l = ui.label("Source");
                    let full = sources
                        .iter()
                        .find(|s| s.id == cit.source)
                        .map_or_else(|| format!("missing: {}", cit.source), |s| s.title.clone());
                    // The combo box grows to fit its text: cut the title to the room left
                    // (about 7.5 px a character) beside the remove button, so the panel
                    // keeps its width. The full title is in the tooltip.
                    let room = ui.available_width() - 72.0;
                    let current = short(&full, (room / 7.5).max(8.0) as usize);
                    let mut chosen = cit.source.clone();
                    egui::ComboBox::from_id_salt("source-pick")
                        .selected_text(current)
                        .wrap_mode(egui::TextWrapMode::Truncate)
                        .show_ui(ui, |ui| {
                            for s in sources {
                                ui.selectable_value(&mut chosen, s.id.clone(), &s.title);
                            }
                        })
                        .response
                        .labelled_by(l.id)
                        .on_hover_text(&full);
                    if chosen != cit.source {
                        let mut v = list.to_vec();
                        v[j].source = chosen;
                        out = Some(v);
                    }
                    if ui
                        .button("✖")
                        .on_hover_text("Remove this citation")
                        .clicked()
                    {
                        let mut v = list.to_vec();
                        v.remove(j);
                        out = Some(v);
                    }
                });
                if let Some(locator) = text_field(
                    ui,
                    "Locator",
                    &cit.locator,
                    "Page, paragraph or section, e.g. para. 8",
                ) {
                    let mut v = list.to_vec();
                    v[j].locator = locator;
                    out = Some(v);
                }
                if let Some(note) = text_field(
                    ui,
                    "Note",
                    &cit.note,
                    "What the source says there, paraphrased",
                ) {
                    let mut v = list.to_vec();
                    v[j].note = note;
                    out = Some(v);
                }
                if with_kind {
                    let mut own = cit.kind == Some(crate::model::EvidenceKind::OwnWords);
                    if ui
                        .checkbox(&mut own, "The party's own words")
                        .on_hover_text("Ticked: the source gives what the party itself said (first-hand or quoted in a report). Unticked: someone else's account or reading, which `concord check --strict` notes for a red line")
                        .changed()
                    {
                        let mut v = list.to_vec();
                        v[j].kind = Some(if own {
                            crate::model::EvidenceKind::OwnWords
                        } else {
                            crate::model::EvidenceKind::Commentary
                        });
                        out = Some(v);
                    }
                }
            });
        });
    }
    out
}
