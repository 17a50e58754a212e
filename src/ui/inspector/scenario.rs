//! The scenario itself: title, description, authors, sources and perspectives.

use egui::{RichText, Ui};

use super::cell::citations_ui;
use super::short;
use crate::app::{AppState, Edit, Meta};
use crate::model::{Citation, Perspective, Source};
use crate::ui::widgets::{button, lines_field, text_area, text_field};

pub(super) fn scenario_ui(ui: &mut Ui, state: &mut AppState) {
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
