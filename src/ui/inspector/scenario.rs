//! The scenario itself: title, description, authors, sources and perspectives.

use crate::app::{DocMsg, SelectMsg};
use egui::{RichText, Ui};

use super::cell::citations_ui;
use super::fields::Fields;
use super::short;
use crate::app::{AppState, Edit, Meta, Msg, Named, Outbox};
use crate::model::{Perspective, PerspectiveKind, Silence, Source};
use crate::ui::widgets::button;

/// How a cell whose text is silent counts in this scenario's totals.
fn silence_rule_ui(ui: &mut Ui, meta: &Meta, out: &mut Outbox) {
    let label = |rule: Silence| match rule {
        Silence::CountsAsLowest => "as the lowest value",
        Silence::LeftOut => "not at all (left out)",
    };
    let mut chosen = meta.silence;
    ui.horizontal(|ui| {
        let l = ui.label("A silent text counts");
        egui::ComboBox::from_id_salt("silence-rule")
            .width(150.0)
            .selected_text(label(chosen))
            .show_ui(ui, |ui| {
                for rule in [Silence::CountsAsLowest, Silence::LeftOut] {
                    ui.selectable_value(&mut chosen, rule, label(rule));
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text("In totals: a cell marked Silent (the text says nothing on the matter) counts as the scale's lowest value, or is left out like an unscored cell. Either way a red line is neither met nor crossed by it");
    });
    if chosen != meta.silence {
        out.edit(
            "how a silent text counts".to_owned(),
            None,
            Edit::SetMeta(Meta {
                silence: chosen,
                ..meta.clone()
            }),
        );
    }
}

pub(super) fn scenario_ui(ui: &mut Ui, state: &AppState, out: &mut Outbox) {
    let meta = Meta::of(state.scenario());
    ui.label(RichText::new("Scenario").strong());
    {
        let mut f = Fields::plain(out, "meta".into());
        f.text(
            ui,
            ("Title", "title"),
            &meta.title,
            "The scenario's title",
            |title| {
                Edit::SetMeta(Meta {
                    title,
                    ..meta.clone()
                })
            },
        );
        f.area(
            ui,
            ("Description", "description"),
            &meta.description,
            ("What is compared, for whom, from which sources", 4),
            |description| {
                Edit::SetMeta(Meta {
                    description,
                    ..meta.clone()
                })
            },
        );
        f.lines(
            ui,
            ("Authors (one per line)", "authors"),
            &meta.authors,
            "Who made this scenario",
            |authors| {
                Edit::SetMeta(Meta {
                    authors,
                    ..meta.clone()
                })
            },
        );
    }
    silence_rule_ui(ui, &meta, out);
    ui.add_space(8.0);
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Sources").strong());
        if button(ui, true, "+ Add source", "Add an entry to the bibliography").clicked() {
            out.send(Msg::Doc(DocMsg::AddSource));
        }
    });
    for (i, src) in state.scenario().sources.iter().enumerate() {
        let naming = state.naming(Named::Source, &src.id);
        egui::CollapsingHeader::new(short(&src.title, 38))
            .id_salt(("source", &src.id))
            // A new source opens, its title ready to be typed.
            .open(naming.then_some(true))
            .show(ui, |ui| {
                ui.push_id(("source-fields", &src.id), |ui| {
                    source_fields_ui(ui, (i, src), naming, out)
                });
                // Counted only while the source is open: it reads every cell.
                let cited = state.scenario().citation_count(&src.id);
                let tip = if cited > 0 {
                    format!("Cited {cited} times: remove those citations first")
                } else {
                    "Remove this source from the bibliography".to_owned()
                };
                if button(ui, cited == 0, "Remove source", &tip).clicked() {
                    out.edit(
                        format!("remove source {}", src.title),
                        None,
                        Edit::RemoveSource(i),
                    );
                }
            });
    }
    ui.add_space(8.0);
    ui.separator();
    perspectives_ui(ui, state, out);
    ui.add_space(8.0);
    ui.separator();
    super::health::health_ui(ui, state, out);
}

/// Perspectives: named weight sets. Their weights are edited in the table when chosen.
fn perspectives_ui(ui: &mut Ui, state: &AppState, out: &mut Outbox) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Perspectives").strong()).on_hover_text(
            "Stakeholders' stated priorities as weight sets; choose one above the cards to see and edit its weights",
        );
        if button(ui, true, "+ Add perspective", "A new weight set, starting from the criteria's weights").clicked() {
            out.send(Msg::Doc(DocMsg::AddPerspective));
        }
    });
    for (i, p) in state.scenario().perspectives.iter().enumerate() {
        let naming = state.naming(Named::Perspective, &p.id);
        egui::CollapsingHeader::new(short(&p.name, 38))
            .id_salt(("perspective", &p.id))
            .open(naming.then_some(true))
            .show(ui, |ui| {
                ui.push_id(("perspective-fields", &p.id), |ui| {
                    let label = format!("perspective {}", p.name);
                    let mut f = Fields::named(out, label.clone(), format!("perspective:{}", p.id));
                    let set = |new: Perspective| Edit::SetPerspective(i, new);
                    f.name(
                        ui,
                        ("Name", "name"),
                        &p.name,
                        ("Whose view, e.g. a party's stated positions", naming),
                        |name| set(Perspective { name, ..p.clone() }),
                    );
                    f.area(
                        ui,
                        ("Description", "description"),
                        &p.description,
                        ("How the weights were derived, from which statements", 3),
                        |description| {
                            set(Perspective {
                                description,
                                ..p.clone()
                            })
                        },
                    );
                    if let Some(sources) = citations_ui(
                        ui,
                        state,
                        "Sources",
                        &p.sources,
                        &format!("persp-sources:{}", p.id),
                    ) {
                        f.edit(
                            "sources",
                            set(Perspective {
                                sources,
                                ..p.clone()
                            }),
                        );
                    }
                    ui.horizontal(|ui| {
                        let l = ui.label("Kind");
                        let mut kind = p.kind;
                        egui::ComboBox::from_id_salt(("perspective-kind", &p.id))
                            .selected_text(kind.label())
                            .show_ui(ui, |ui| {
                                for k in [PerspectiveKind::Stated, PerspectiveKind::Student, PerspectiveKind::Own] {
                                    ui.selectable_value(&mut kind, k, k.label());
                                }
                            })
                            .response
                            .labelled_by(l.id)
                            .on_hover_text("A party's stated position (attributed to its sources), a student's reading, or your own weights");
                        if kind != p.kind {
                            f.edit("kind", set(Perspective { kind, ..p.clone() }));
                        }
                    });
                    let s = state.scenario();
                    ui.label(RichText::new(format!("Red lines ({})", p.red_lines.len())).small().strong())
                        .on_hover_text("Choose this perspective, then a criterion, to add or change its red line there");
                    for line in &p.red_lines {
                        if let Some(c) = s.criteria.iter().find(|c| c.id == line.criterion) {
                            let text = format!("{}: accepts {}", c.name, line.accepts.describe(c));
                            if ui.link(RichText::new(text).small()).on_hover_text(&line.reason).clicked() {
                                f.out.send(Msg::Doc(DocMsg::SetPerspective(Some(p.id.clone()))));
                                f.out.send(Msg::Selection(SelectMsg::Reveal(crate::app::Selection::Criterion(c.id.clone()))));
                            }
                        }
                    }
                    if !p.readings.is_empty() {
                        ui.label(RichText::new(format!("Its own readings of {} cell(s); ≠ marks them in the table", p.readings.len())).small().weak());
                    }
                    let unstated = s.criteria.iter().filter(|c| p.stated_weight(&c.id).is_none()).count();
                    if unstated > 0 {
                        ui.label(RichText::new(format!("{unstated} criteria not stated: they count at the mean of the stated weights")).small().weak());
                    }
                    ui.horizontal(|ui| {
                        if button(
                            ui,
                            state.perspective() != Some(p.id.as_str()),
                            "Use these weights",
                            "Score with this perspective's weights",
                        )
                        .clicked()
                        {
                            f.out.send(Msg::Doc(DocMsg::SetPerspective(Some(p.id.clone()))));
                        }
                        if button(
                            ui,
                            true,
                            "Remove perspective",
                            "Delete this weight set (Ctrl+Z undoes)",
                        )
                        .clicked()
                        {
                            f.out
                                .edit(format!("remove {label}"), None, Edit::RemovePerspective(i));
                        }
                    });
                });
            });
    }
}

fn source_fields_ui(ui: &mut Ui, (i, src): (usize, &Source), naming: bool, out: &mut Outbox) {
    let mut f = Fields::named(
        out,
        format!("source {}", src.title),
        format!("source:{}", src.id),
    );
    let set = |new: Source| Edit::SetSource(i, new);
    f.name(
        ui,
        ("Title", "title"),
        &src.title,
        ("Title of the work", naming),
        |title| {
            set(Source {
                title,
                ..src.clone()
            })
        },
    );
    f.lines(
        ui,
        ("Authors (one per line)", "authors"),
        &src.authors,
        "Authors as written in the work",
        |authors| {
            set(Source {
                authors,
                ..src.clone()
            })
        },
    );
    f.text(
        ui,
        ("Publication", "publication"),
        &src.publication,
        "Journal, publisher or website",
        |publication| {
            set(Source {
                publication,
                ..src.clone()
            })
        },
    );
    f.text(ui, ("Date", "date"), &src.date, "e.g. 2023-11", |date| {
        set(Source {
            date,
            ..src.clone()
        })
    });
    f.text(ui, ("URL", "url"), &src.url, "Where to find it", |url| {
        set(Source { url, ..src.clone() })
    });
}
