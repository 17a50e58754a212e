//! One proposal: every field, moving, duplicating and deleting it.

use egui::{RichText, Ui};

use super::cell::citations_ui;
use crate::app::{AppState, Edit, Selection};
use crate::model::{Proposal, Provision, Score};
use crate::ui::widgets::{button, lines_field, text_area, text_field};

pub(super) fn proposal_ui(ui: &mut Ui, state: &mut AppState, pid: &str) {
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
            state.delete_proposal(i);
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
            let c = crate::ui::widgets::proposal_colour(&p, i);
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
