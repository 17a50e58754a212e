//! The inspector: shows the selection in full and turns changes into edits.

use egui::{RichText, Ui};

use super::table::value_text;
use super::widgets::{button, lines_field, text_area, text_field};
use crate::app::{set_criterion, AppState, Edit, Meta, Selection};
use crate::model::{
    Citation, Criterion, Direction, Perspective, Proposal, Provision, Scale, Score, ScoreValue,
    Source,
};

/// Draws the inspector for the current selection.
pub fn inspector_ui(ui: &mut Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        ui.heading("Inspector");
        if !matches!(state.selection, Selection::Scenario)
            && ui
                .button("Scenario")
                .on_hover_text("Show the scenario and its sources")
                .clicked()
        {
            state.selection = Selection::Scenario;
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("inspector-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| match state.selection.clone() {
            Selection::Scenario => scenario_ui(ui, state),
            Selection::Cell(c, p) => cell_ui(ui, state, &c, &p),
            Selection::Proposal(p) => proposal_ui(ui, state, &p),
            Selection::Criterion(c) => criterion_ui(ui, state, &c),
        });
}

fn scenario_ui(ui: &mut Ui, state: &mut AppState) {
    let meta = Meta::of(state.scenario());
    ui.label(RichText::new("Scenario").strong());
    if let Some(title) = text_field(ui, "Title", &meta.title, "The scenario's title") {
        let new = Meta {
            title,
            ..meta.clone()
        };
        state.edit("title", Some("meta:title".into()), Edit::SetMeta(new));
    }
    if let Some(description) = text_area(
        ui,
        "Description",
        &meta.description,
        "What is compared, for whom, from which sources",
        4,
    ) {
        let new = Meta {
            description,
            ..meta.clone()
        };
        state.edit(
            "description",
            Some("meta:description".into()),
            Edit::SetMeta(new),
        );
    }
    if let Some(authors) = lines_field(
        ui,
        "Authors (one per line)",
        &meta.authors,
        "Who made this scenario",
    ) {
        let new = Meta {
            authors,
            ..meta.clone()
        };
        state.edit("authors", Some("meta:authors".into()), Edit::SetMeta(new));
    }
    ui.add_space(8.0);
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Sources").strong());
        if button(ui, true, "+ Add source", "Add an entry to the bibliography").clicked() {
            let s = state.scenario();
            let src = Source {
                id: s.fresh_id("source"),
                title: "New source".into(),
                ..Source::default()
            };
            let at = s.sources.len();
            state.edit("add source", None, Edit::InsertSource(at, src));
        }
    });
    let n = state.scenario().sources.len();
    for i in 0..n {
        let src = state.scenario().sources[i].clone();
        let cited = citation_count(state, &src.id);
        egui::CollapsingHeader::new(short(&src.title, 38))
            .id_salt(("source", &src.id))
            .show(ui, |ui| {
                ui.push_id(("source-fields", &src.id), |ui| {
                    source_fields_ui(ui, state, i, &src)
                });
                let tip = if cited > 0 {
                    format!("Cited {cited} times: remove those citations first")
                } else {
                    "Remove this source from the bibliography".to_owned()
                };
                if button(ui, cited == 0, "Remove source", &tip).clicked() {
                    state.edit(
                        format!("remove source {}", src.title),
                        None,
                        Edit::RemoveSource(i),
                    );
                }
            });
    }
    ui.add_space(8.0);
    ui.separator();
    perspectives_ui(ui, state);
}

/// Perspectives: named weight sets. Their weights are edited in the table when chosen.
fn perspectives_ui(ui: &mut Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Perspectives").strong()).on_hover_text(
            "Stakeholders' stated priorities as weight sets; choose one above the cards to see and edit its weights",
        );
        if button(ui, true, "+ Add perspective", "A new weight set, starting from the criteria's weights").clicked() {
            let s = state.scenario();
            let p = Perspective {
                id: s.fresh_id("perspective"),
                name: "New perspective".into(),
                weights: s.criteria.iter().map(|c| (c.id.clone(), c.weight)).collect(),
                ..Perspective::default()
            };
            let (at, id) = (s.perspectives.len(), p.id.clone());
            state.edit("add perspective", None, Edit::InsertPerspective(at, p));
            state.set_perspective(Some(id));
        }
    });
    for i in 0..state.scenario().perspectives.len() {
        let p = state.scenario().perspectives[i].clone();
        egui::CollapsingHeader::new(short(&p.name, 38))
            .id_salt(("perspective", &p.id))
            .show(ui, |ui| {
                ui.push_id(("perspective-fields", &p.id), |ui| {
                    let key = |f: &str| Some(format!("perspective:{}:{f}", p.id));
                    let label = format!("perspective {}", p.name);
                    if let Some(v) = text_field(
                        ui,
                        "Name",
                        &p.name,
                        "Whose view, e.g. a party's stated positions",
                    ) {
                        state.edit(
                            label.clone(),
                            key("name"),
                            Edit::SetPerspective(
                                i,
                                Perspective {
                                    name: v,
                                    ..p.clone()
                                },
                            ),
                        );
                    }
                    if let Some(v) = text_area(
                        ui,
                        "Description",
                        &p.description,
                        "How the weights were derived, from which statements",
                        3,
                    ) {
                        state.edit(
                            label.clone(),
                            key("description"),
                            Edit::SetPerspective(
                                i,
                                Perspective {
                                    description: v,
                                    ..p.clone()
                                },
                            ),
                        );
                    }
                    if let Some(v) = citations_ui(
                        ui,
                        state,
                        "Sources",
                        &p.sources,
                        &format!("persp-sources:{}", p.id),
                    ) {
                        state.edit(
                            label.clone(),
                            key("sources"),
                            Edit::SetPerspective(
                                i,
                                Perspective {
                                    sources: v,
                                    ..p.clone()
                                },
                            ),
                        );
                    }
                    ui.horizontal(|ui| {
                        if button(
                            ui,
                            state.perspective.as_deref() != Some(p.id.as_str()),
                            "Use these weights",
                            "Score with this perspective's weights",
                        )
                        .clicked()
                        {
                            state.set_perspective(Some(p.id.clone()));
                        }
                        if button(
                            ui,
                            true,
                            "Remove perspective",
                            "Delete this weight set (Ctrl+Z undoes)",
                        )
                        .clicked()
                        {
                            state.edit(format!("remove {label}"), None, Edit::RemovePerspective(i));
                        }
                    });
                });
            });
    }
}

fn source_fields_ui(ui: &mut Ui, state: &mut AppState, i: usize, src: &Source) {
    let key = |f: &str| Some(format!("source:{}:{f}", src.id));
    let label = format!("source {}", src.title);
    if let Some(v) = text_field(ui, "Title", &src.title, "Title of the work") {
        state.edit(
            label.clone(),
            key("title"),
            Edit::SetSource(
                i,
                Source {
                    title: v,
                    ..src.clone()
                },
            ),
        );
    }
    if let Some(v) = lines_field(
        ui,
        "Authors (one per line)",
        &src.authors,
        "Authors as written in the work",
    ) {
        state.edit(
            label.clone(),
            key("authors"),
            Edit::SetSource(
                i,
                Source {
                    authors: v,
                    ..src.clone()
                },
            ),
        );
    }
    if let Some(v) = text_field(
        ui,
        "Publication",
        &src.publication,
        "Journal, publisher or website",
    ) {
        state.edit(
            label.clone(),
            key("publication"),
            Edit::SetSource(
                i,
                Source {
                    publication: v,
                    ..src.clone()
                },
            ),
        );
    }
    if let Some(v) = text_field(ui, "Date", &src.date, "e.g. 2023-11") {
        state.edit(
            label.clone(),
            key("date"),
            Edit::SetSource(
                i,
                Source {
                    date: v,
                    ..src.clone()
                },
            ),
        );
    }
    if let Some(v) = text_field(ui, "URL", &src.url, "Where to find it") {
        state.edit(
            label,
            key("url"),
            Edit::SetSource(
                i,
                Source {
                    url: v,
                    ..src.clone()
                },
            ),
        );
    }
}

fn citation_count(state: &AppState, source: &str) -> usize {
    let s = state.scenario();
    let in_list = |l: &[Citation]| l.iter().filter(|c| c.source == source).count();
    s.scores
        .iter()
        .map(|sc| in_list(&sc.evidence))
        .sum::<usize>()
        + s.proposals
            .iter()
            .map(|p| in_list(&p.sources))
            .sum::<usize>()
        + s.perspectives
            .iter()
            .map(|p| in_list(&p.sources))
            .sum::<usize>()
}

fn cell_ui(ui: &mut Ui, state: &mut AppState, cid: &str, pid: &str) {
    let s = state.scenario();
    let (Some(k), Some(p)) = (s.criterion_index(cid), s.proposal_index(pid)) else {
        return;
    };
    let criterion = s.criteria[k].clone();
    let proposal = s.proposals[p].clone();
    let score = state
        .eval
        .cell(k, p)
        .and_then(|i| s.scores.get(i))
        .cloned()
        .unwrap_or_else(|| Score {
            criterion: cid.to_owned(),
            proposal: pid.to_owned(),
            ..Score::default()
        });
    ui.label(RichText::new(&proposal.name).strong().size(15.0));
    ui.label(RichText::new(format!("on {}", criterion.name)).strong());
    if !criterion.description.is_empty() {
        ui.label(RichText::new(&criterion.description).small().weak());
    }
    ui.add_space(6.0);
    let label = format!("score of {} on {}", proposal.label(), criterion.name);
    let set = |state: &mut AppState, new: Score, label: String, key: Option<String>| {
        let cell = (!new.is_empty()).then_some(new);
        state.edit(
            label,
            key,
            Edit::SetScore(cid.to_owned(), pid.to_owned(), cell),
        );
    };
    // Value, by the kind of scale.
    ui.label(RichText::new("Score").small().weak());
    if let Some(value) = value_editor_ui(ui, &criterion, score.value) {
        set(
            state,
            Score {
                value,
                ..score.clone()
            },
            label.clone(),
            Some(format!("value:{cid}:{pid}")),
        );
    }
    ui.label(
        RichText::new(format!("Shown as: {}", value_text(&criterion, score.value)))
            .small()
            .weak(),
    );
    ui.add_space(6.0);
    if let Some(rationale) = text_area(
        ui,
        "Rationale",
        &score.rationale,
        "Why this score, attributed: “The essay argues…”",
        5,
    ) {
        set(
            state,
            Score {
                rationale,
                ..score.clone()
            },
            format!("rationale of {} on {}", proposal.label(), criterion.name),
            Some(format!("rationale:{cid}:{pid}")),
        );
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
            state,
            Score {
                evidence,
                ..score.clone()
            },
            evidence_label,
            Some(format!("evidence:{cid}:{pid}")),
        );
    }
}

/// Edits a value by scale; returns the new value (`None` inside = not scored) on change.
fn value_editor_ui(
    ui: &mut Ui,
    c: &Criterion,
    value: Option<ScoreValue>,
) -> Option<Option<ScoreValue>> {
    let mut out = None;
    match &c.scale {
        Scale::Numeric { min, max, step } => {
            ui.horizontal(|ui| {
                let mut scored = value.is_some();
                if ui
                    .checkbox(&mut scored, "Scored")
                    .on_hover_text(
                        "Untick to leave the cell unscored (left out of the total, not 0)",
                    )
                    .changed()
                {
                    out = Some(scored.then_some(ScoreValue::Number(*min)));
                }
                if let Some(ScoreValue::Number(x)) = value {
                    let mut x = x;
                    if ui
                        .add(
                            egui::DragValue::new(&mut x)
                                .range(*min..=*max)
                                .speed(*step * 0.2)
                                .max_decimals(3),
                        )
                        .accessible_name("Score value")
                        .on_hover_text(format!("A value from {min} to {max}"))
                        .changed()
                    {
                        out = Some(Some(ScoreValue::Number(x)));
                    }
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
                ("Yes", Some(ScoreValue::Bool(true))),
                ("No", Some(ScoreValue::Bool(false))),
            ] {
                if ui.radio(value == v, label).clicked() {
                    out = Some(v);
                }
            }
        }
    }
    out.filter(|v| *v != value)
}

/// Edits a list of citations; returns the new list on change.
fn citations_ui(
    ui: &mut Ui,
    state: &AppState,
    title: &str,
    list: &[Citation],
    id: &str,
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
                    // Long titles would widen the panel; the full title is in the tooltip.
                    let current = short(&full, 30);
                    let mut chosen = cit.source.clone();
                    egui::ComboBox::from_id_salt("source-pick")
                        .selected_text(current)
                        .width((ui.available_width() - 64.0).max(80.0))
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
            });
        });
    }
    out
}

fn proposal_ui(ui: &mut Ui, state: &mut AppState, pid: &str) {
    let Some(i) = state.scenario().proposal_index(pid) else {
        return;
    };
    let p = state.scenario().proposals[i].clone();
    let n = state.scenario().proposals.len();
    ui.label(RichText::new("Proposal").strong());
    let deleted = ui.horizontal_wrapped(|ui| {
        if button(
            ui,
            i > 0,
            "◀ Move left",
            "Move this proposal one column to the left",
        )
        .clicked()
        {
            state.edit(
                format!("move «{}»", p.name),
                None,
                Edit::MoveProposal(i, i - 1),
            );
        }
        if button(
            ui,
            i + 1 < n,
            "Move right ▶",
            "Move this proposal one column to the right",
        )
        .clicked()
        {
            state.edit(
                format!("move «{}»", p.name),
                None,
                Edit::MoveProposal(i, i + 1),
            );
        }
        if button(
            ui,
            true,
            "Duplicate",
            "Add a copy of this proposal, with its scores, after it",
        )
        .clicked()
        {
            duplicate_proposal(state, i);
        }
        if button(
            ui,
            true,
            "Delete",
            "Delete this proposal and its scores (Ctrl+Z undoes)",
        )
        .clicked()
        {
            state.edit(
                format!("delete «{}»", p.name),
                None,
                Edit::RemoveProposal(i),
            );
            state.status = format!("Deleted «{}» — Ctrl+Z to undo", p.name);
            return true;
        }
        false
    });
    if deleted.inner {
        return;
    }
    ui.label(RichText::new(format!("id: {}", p.id)).small().weak())
        .on_hover_text("The id scores refer to; it stays the same when the name changes");
    let set = |state: &mut AppState, field: &str, new: Proposal| {
        state.edit(
            format!("{field} of «{}»", p.name),
            Some(format!("proposal:{}:{field}", p.id)),
            Edit::SetProposal(i, new),
        );
    };
    if let Some(v) = text_field(ui, "Name", &p.name, "Full name") {
        set(
            state,
            "name",
            Proposal {
                name: v,
                ..p.clone()
            },
        );
    }
    if let Some(v) = text_field(
        ui,
        "Original name",
        &p.original_name,
        "The name in its original script, if any",
    ) {
        set(
            state,
            "original name",
            Proposal {
                original_name: v,
                ..p.clone()
            },
        );
    }
    if let Some(v) = text_field(ui, "Short name", &p.short_name, "For column headings") {
        set(
            state,
            "short name",
            Proposal {
                short_name: v,
                ..p.clone()
            },
        );
    }
    if let Some(v) = text_field(ui, "Year or date", &p.date, "e.g. 2002 or 2023-02-26") {
        set(
            state,
            "date",
            Proposal {
                date: v,
                ..p.clone()
            },
        );
    }
    if let Some(v) = text_field(
        ui,
        "Proposed or convened by",
        &p.proposer,
        "Who proposed it",
    ) {
        set(
            state,
            "proposer",
            Proposal {
                proposer: v,
                ..p.clone()
            },
        );
    }
    if let Some(v) = lines_field(
        ui,
        "Parties (one per line)",
        &p.parties,
        "Who is party to it",
    ) {
        set(
            state,
            "parties",
            Proposal {
                parties: v,
                ..p.clone()
            },
        );
    }
    if let Some(v) = text_field(
        ui,
        "Status or outcome",
        &p.status,
        "e.g. adopted, rejected, in force",
    ) {
        set(
            state,
            "status",
            Proposal {
                status: v,
                ..p.clone()
            },
        );
    }
    if let Some(v) = text_area(
        ui,
        "Summary",
        &p.summary,
        "What it proposes, paraphrased",
        4,
    ) {
        set(
            state,
            "summary",
            Proposal {
                summary: v,
                ..p.clone()
            },
        );
    }
    ui.horizontal(|ui| {
        let l = ui.label("Colour");
        let mut rgb = p.rgb().unwrap_or_else(|| {
            let c = super::widgets::proposal_colour(&p, i);
            [c.r(), c.g(), c.b()]
        });
        let r = ui
            .color_edit_button_srgb(&mut rgb)
            .labelled_by(l.id)
            .on_hover_text("The card's colour");
        if r.changed() {
            let hex = format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
            set(
                state,
                "colour",
                Proposal {
                    colour: hex,
                    ..p.clone()
                },
            );
        }
    });
    let provisions: Vec<String> = p.provisions.iter().map(|x| x.text.clone()).collect();
    if let Some(v) = lines_field(
        ui,
        "Provisions (one per line)",
        &provisions,
        "Key provisions, paraphrased",
    ) {
        let kept: Vec<Provision> = v
            .into_iter()
            .enumerate()
            .map(|(j, text)| Provision {
                text,
                criteria: p
                    .provisions
                    .get(j)
                    .map(|x| x.criteria.clone())
                    .unwrap_or_default(),
            })
            .collect();
        set(
            state,
            "provisions",
            Proposal {
                provisions: kept,
                ..p.clone()
            },
        );
    }
    if let Some(v) = citations_ui(
        ui,
        state,
        "Sources",
        &p.sources,
        &format!("psources:{}", p.id),
    ) {
        set(
            state,
            "sources",
            Proposal {
                sources: v,
                ..p.clone()
            },
        );
    }
}

fn criterion_ui(ui: &mut Ui, state: &mut AppState, cid: &str) {
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
            state.edit(format!("delete {}", c.name), None, Edit::RemoveCriterion(k));
            state.status = format!("Deleted {} — Ctrl+Z to undo", c.name);
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
        if super::widgets::weight_drag(ui, &mut w, format!("Weight of {} (inspector)", c.name), tip)
        {
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

/// Adds a proposal after `after` (or at the end) and selects it.
pub fn add_proposal(state: &mut AppState, after: Option<usize>) {
    let s = state.scenario();
    let n = s.proposals.len();
    let name = format!("New proposal {}", n + 1);
    let p = Proposal::new(s.fresh_id(&name), name.clone());
    let at = after.map_or(n, |i| (i + 1).min(n));
    let id = p.id.clone();
    state.edit(
        format!("add «{name}»"),
        None,
        Edit::InsertProposal(at, p, Vec::new()),
    );
    state.select(Selection::Proposal(id));
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

fn duplicate_proposal(state: &mut AppState, i: usize) {
    let s = state.scenario();
    let mut p = s.proposals[i].clone();
    let old_id = p.id.clone();
    p.name = format!("{} (copy)", p.name);
    p.id = s.fresh_id(&p.id);
    let scores: Vec<Score> = s
        .scores
        .iter()
        .filter(|sc| sc.proposal == old_id)
        .map(|sc| Score {
            proposal: p.id.clone(),
            ..sc.clone()
        })
        .collect();
    let id = p.id.clone();
    state.edit(
        format!("duplicate «{}»", s.proposals[i].name),
        None,
        Edit::InsertProposal(i + 1, p, scores),
    );
    state.select(Selection::Proposal(id));
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

/// At most `n` characters of `s`, with an ellipsis when cut.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}
