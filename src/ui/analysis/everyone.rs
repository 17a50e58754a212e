//! "Everyone at once": proposals × perspectives, each cell the perspective's rank and total
//! with its red lines crossed; above it the sentences a class needs (what no perspective
//! rules out, what blocks the rest and whom, where the rankings agree); a click on a cell
//! shows that perspective's reasons.

use crate::app::{DocMsg, SelectMsg, ViewMsg};
use egui::{RichText, Ui};

use crate::analysis::perspectives::{column_name, Matrix};
use crate::app::{AppState, MainView, Msg, Outbox, Selection};
use crate::scoring::Verdict;
use crate::ui::widgets::{ordinal, short_label, total_text};

/// The view's own state: the cell clicked. The matrix comes from the app's cache
/// (`AppState::everyone`).
#[derive(Default)]
pub struct EveryoneView {
    /// The cell clicked: (column, proposal).
    open: Option<(usize, usize)>,
}

/// Draws the view.
pub fn everyone_ui(ui: &mut Ui, state: &AppState, view: &mut EveryoneView, out: &mut Outbox) {
    let s = state.scenario();
    let key = state.doc().key();
    let computed = state.everyone();
    if computed.as_ref().is_none_or(|c| c.key != key) {
        // Worked out on a worker (or in a browser between frames): look again shortly.
        let after = if crate::platform::tasks_run_in_slices() {
            0
        } else {
            30
        };
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(after));
    }
    view.open = view
        .open
        .filter(|&(c, p)| c <= s.perspectives.len() && p < s.proposals.len());
    let Some(computed) = computed else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Working out every perspective…");
        });
        return;
    };
    let (m, said, shown) = (&computed.matrix, &computed.sentences, computed.key);
    if shown != key {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(RichText::new("Updating to your last change…").weak());
        });
    }
    let open = view.open;
    let mut clicked = None;
    ui.heading("Everyone at once");
    ui.label(
        RichText::new(
            "Each column reads the same proposals through one perspective: its weights, its own \
             readings of cells, its red lines. A ranking is a reading, not the truth.",
        )
        .weak(),
    );
    // The sentences, the matrix and the reasons share the height; the matrix draws only
    // the rows in view, so hundreds of proposals cost what a screenful does.
    let room = ui.available_height();
    egui::ScrollArea::vertical()
        .id_salt(("everyone-sentences", key.id))
        .max_height(room * 0.3)
        .show(ui, |ui| {
            for sentence in said {
                ui.label(format!("• {sentence}"));
            }
        });
    ui.separator();
    let reasons_room = if open.is_some() { room * 0.3 } else { 0.0 };
    let table_room = (ui.available_height() - reasons_room - 8.0).max(120.0);
    egui::ScrollArea::horizontal()
        .id_salt(("everyone-h", key.id))
        .show(ui, |ui| {
            matrix_ui(ui, state, m, open, table_room, &mut clicked);
        });
    if let Some((ci, p)) = open {
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt(("everyone-reasons", key.id))
            .max_height(reasons_room)
            .show(ui, |ui| reasons_ui(ui, state, m, (ci, p), out));
    }
    if let Some(cell) = clicked {
        view.open = (view.open != Some(cell)).then_some(cell);
    }
}

/// The matrix: a row per proposal, a column per perspective (the criteria weights first).
fn matrix_ui(
    ui: &mut Ui,
    state: &AppState,
    m: &Matrix,
    open: Option<(usize, usize)>,
    height: f32,
    clicked: &mut Option<(usize, usize)>,
) {
    use egui_extras::{Column, TableBuilder};
    let s = state.scenario();
    let mut table = TableBuilder::new(ui)
        .id_salt(("everyone-matrix", state.doc().id()))
        .striped(true)
        .max_scroll_height(height)
        .column(Column::exact(150.0));
    // Wide enough for "3rd · 44 · not addressed" in the body font.
    for _ in &m.columns {
        table = table.column(Column::exact(176.0));
    }
    table
        .header(24.0, |mut header| {
            header.col(|ui| {
                ui.label(RichText::new("Proposal").strong());
            });
            for c in &m.columns {
                let name = column_name(s, c);
                let kind = c
                    .perspective
                    .and_then(|i| s.perspectives.get(i))
                    .map_or("the criteria's own weights", |p| p.kind.label());
                header.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(&name).strong()).truncate())
                        .on_hover_text(format!("{name}\n({kind})"));
                });
            }
        })
        .body(|body| {
            body.rows(26.0, s.proposals.len(), |mut row| {
                let p = row.index();
                let proposal = &s.proposals[p];
                row.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(proposal.label()).strong()).truncate())
                        .on_hover_text(&proposal.name);
                });
                for (ci, c) in m.columns.iter().enumerate() {
                    row.col(|ui| {
                        let st = c.eval.standings[p];
                        let rank = st.rank.map_or_else(|| "unranked".to_owned(), ordinal);
                        let mut text = format!("{rank} · {}", total_text(st.total));
                        let colour = match c.eval.verdicts.get(p) {
                            Some(Verdict::RuledOut(_)) => {
                                text.push_str(" · ruled out");
                                Some(ui.visuals().error_fg_color)
                            }
                            Some(Verdict::Unknown(_)) => {
                                text.push_str(" · ?");
                                Some(ui.visuals().warn_fg_color)
                            }
                            Some(Verdict::NotAddressed(_)) => {
                                text.push_str(" · not addressed");
                                Some(crate::ui::verdicts::not_addressed_colour(ui))
                            }
                            _ => None,
                        };
                        let selected = open == Some((ci, p));
                        let mut rich = RichText::new(text);
                        // On the selection's fill the text keeps its contrast.
                        if let Some(colour) = colour.filter(|_| !selected) {
                            rich = rich.color(colour);
                        }
                        let r = ui
                            .selectable_label(selected, rich)
                            .on_hover_text("Click for this perspective's reasons")
                            .accessible_name(format!(
                                "{} under {}",
                                proposal.label(),
                                column_name(s, c)
                            ));
                        if r.clicked() {
                            *clicked = Some((ci, p));
                        }
                    });
                }
            });
        });
}

/// The reasons of one perspective about one proposal: its red lines and how the proposal
/// fares on each, its own readings of the proposal's cells, and a way to look through it.
fn reasons_ui(
    ui: &mut Ui,
    state: &AppState,
    m: &Matrix,
    (ci, p): (usize, usize),
    out: &mut Outbox,
) {
    let s = state.scenario();
    let column = &m.columns[ci];
    let proposal = &s.proposals[p];
    let name = column_name(s, column);
    ui.label(RichText::new(format!("{} — {}", proposal.name, name)).strong());
    let Some(view) = column.perspective.and_then(|i| s.perspectives.get(i)) else {
        ui.label("The criteria's own weights: no red lines, the common scores.");
        return;
    };
    if !view.description.is_empty() {
        ui.label(RichText::new(&view.description).small().weak());
    }
    if view.red_lines.is_empty() {
        ui.label("No red lines.");
    }
    for line in &view.red_lines {
        let Some(k) = s.criterion_index(&line.criterion) else {
            continue;
        };
        let c = &s.criteria[k];
        let value = column.eval.score(s, k, p).and_then(|x| x.value);
        let (verdict, colour) = match line.test(value) {
            crate::model::Test::Passes => ("passes", None),
            crate::model::Test::Crosses if value == Some(crate::model::ScoreValue::Silent) => (
                "crosses it: the text is silent, and this line counts silence as crossing",
                Some(ui.visuals().error_fg_color),
            ),
            crate::model::Test::Crosses => ("crosses it", Some(ui.visuals().error_fg_color)),
            crate::model::Test::Unknown => {
                ("unknown: not scored", Some(ui.visuals().warn_fg_color))
            }
            crate::model::Test::NotAddressed => (
                "not addressed: the text is silent, so the line is neither met nor crossed",
                Some(crate::ui::verdicts::not_addressed_colour(ui)),
            ),
        };
        let mut text = RichText::new(format!(
            "{}: accepts {}; {} is {} — {verdict}",
            c.name,
            line.accepts.describe(c),
            proposal.label(),
            c.value_text(value)
        ));
        if let Some(colour) = colour {
            text = text.color(colour);
        }
        ui.label(text);
        if !line.reason.is_empty() {
            ui.label(RichText::new(&line.reason).small());
        }
    }
    let readings: Vec<_> = view
        .readings
        .iter()
        .filter(|r| r.proposal == proposal.id)
        .collect();
    if !readings.is_empty() {
        ui.label(
            RichText::new("Its own readings of this proposal")
                .small()
                .strong(),
        );
        for r in readings {
            if let Some(c) = s.criteria.iter().find(|c| c.id == r.criterion) {
                ui.label(
                    RichText::new(format!(
                        "{}: {} — {}",
                        c.name,
                        c.value_text(r.value),
                        r.rationale
                    ))
                    .small(),
                );
            }
        }
    }
    if ui
        .button(format!("Look through «{}»", short_label(&view.name)))
        .on_hover_text("Choose this perspective and show this proposal in the comparison")
        .clicked()
    {
        out.send(Msg::Doc(DocMsg::SetPerspective(Some(view.id.clone()))));
        out.send(Msg::View(ViewMsg::Show(MainView::Comparison)));
        out.send(Msg::Selection(SelectMsg::Reveal(Selection::Proposal(
            proposal.id.clone(),
        ))));
    }
}
