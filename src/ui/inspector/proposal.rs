//! One proposal: every field, moving, duplicating and deleting it.

use crate::app::{DialogMsg, DocMsg};
use egui::{RichText, Ui};

use super::cell::citations_ui;
use super::fields::Fields;
use crate::app::{AppState, Edit, Msg, Named, Outbox};
use crate::model::{Proposal, Provision};
use crate::ui::widgets::button;

pub(super) fn proposal_ui(ui: &mut Ui, state: &AppState, pid: &str, out: &mut Outbox) {
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
            out.edit(
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
            out.edit(
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
            out.send(Msg::Doc(DocMsg::DuplicateProposal(i)));
        }
        if button(
            ui,
            true,
            "Delete",
            "Delete this proposal and its scores (Ctrl+Z undoes)",
        )
        .clicked()
        {
            out.send(Msg::Doc(DocMsg::DeleteProposal(i)));
            return true;
        }
        false
    });
    if deleted.inner {
        return;
    }
    if n > 1 {
        ui.menu_button("Compare provisions with…", |ui| {
            for (j, other) in state.scenario().proposals.iter().enumerate() {
                if j == i {
                    continue;
                }
                if ui
                    .button(other.label())
                    .on_hover_text(format!(
                        "{} and {}, lined up by the criteria their provisions bear on",
                        p.label(),
                        other.label()
                    ))
                    .clicked()
                {
                    out.send(Msg::Dialog(DialogMsg::CompareProposals(Some((
                        p.id.clone(),
                        other.id.clone(),
                    )))));
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text(
            "What one proposal provides that the other does not, criterion by criterion",
        );
    }
    let mut f = Fields::of(out, format!("«{}»", p.name), format!("proposal:{}", p.id));
    let set = |new: Proposal| Edit::SetProposal(i, new);
    let naming = state.naming(Named::Proposal, &p.id);
    f.name(
        ui,
        ("Name", "name"),
        &p.name,
        ("Full name", naming),
        |name| set(Proposal { name, ..p.clone() }),
    );
    f.text(
        ui,
        ("Original name", "original name"),
        &p.original_name,
        "The name in its original script, if any",
        |original_name| {
            set(Proposal {
                original_name,
                ..p.clone()
            })
        },
    );
    f.text(
        ui,
        ("Short name", "short name"),
        &p.short_name,
        "For column headings",
        |short_name| {
            set(Proposal {
                short_name,
                ..p.clone()
            })
        },
    );
    f.text(
        ui,
        ("Year or date", "date"),
        &p.date,
        "e.g. 2002 or 2023-02-26",
        |date| set(Proposal { date, ..p.clone() }),
    );
    f.text(
        ui,
        ("Group", "group"),
        &p.group,
        "e.g. a region or a stage; the cards can be filtered by it",
        |group| set(Proposal { group, ..p.clone() }),
    );
    f.text(
        ui,
        ("Proposed or convened by", "proposer"),
        &p.proposer,
        "Who proposed it",
        |proposer| {
            set(Proposal {
                proposer,
                ..p.clone()
            })
        },
    );
    f.lines(
        ui,
        ("Parties (one per line)", "parties"),
        &p.parties,
        "Who is party to it",
        |parties| {
            set(Proposal {
                parties,
                ..p.clone()
            })
        },
    );
    f.text(
        ui,
        ("Status or outcome", "status"),
        &p.status,
        "e.g. adopted, rejected, in force",
        |status| {
            set(Proposal {
                status,
                ..p.clone()
            })
        },
    );
    f.area(
        ui,
        ("Summary", "summary"),
        &p.summary,
        ("What it proposes, paraphrased", 4),
        |summary| {
            set(Proposal {
                summary,
                ..p.clone()
            })
        },
    );
    ui.horizontal(|ui| {
        let l = ui.label("Colour");
        let mut rgb = p.rgb().unwrap_or_else(|| {
            let c = crate::ui::widgets::proposal_colour(&p, i);
            [c.r(), c.g(), c.b()]
        });
        let r = ui
            .color_edit_button_srgb(&mut rgb)
            .labelled_by(l.id)
            .on_hover_text("The card's colour");
        if r.changed() {
            let colour = format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
            f.edit(
                "colour",
                set(Proposal {
                    colour,
                    ..p.clone()
                }),
            );
        }
    });
    let provisions: Vec<String> = p.provisions.iter().map(|x| x.text.clone()).collect();
    f.lines(
        ui,
        ("Provisions (one per line)", "provisions"),
        &provisions,
        "Key provisions, paraphrased",
        |lines| {
            // A provision keeps the criteria it was tagged with, by position.
            let provisions = lines
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
            set(Proposal {
                provisions,
                ..p.clone()
            })
        },
    );
    if let Some(sources) = citations_ui(
        ui,
        state,
        "Sources",
        &p.sources,
        &format!("psources:{}", p.id),
    ) {
        f.edit(
            "sources",
            set(Proposal {
                sources,
                ..p.clone()
            }),
        );
    }
}
