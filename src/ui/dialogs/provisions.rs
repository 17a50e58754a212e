//! Two proposals side by side, provision by provision.

use egui::{Id, RichText};

use crate::app::{AppState, DialogMsg, Msg, Outbox};

/// Two proposals side by side, provision by provision (a window, not a modal: the table
/// stays usable beside it).
pub(super) fn provisions_window(
    ctx: &egui::Context,
    state: &AppState,
    a: usize,
    b: usize,
    out: &mut Outbox,
) {
    let s = state.scenario();
    let al = crate::model::align::align(s, a, b);
    let (na, nb) = (s.proposals[a].label(), s.proposals[b].label());
    let mut open = true;
    egui::Window::new(format!("{na} and {nb}, provision by provision"))
        .id(Id::unique("compare-provisions"))
        .open(&mut open)
        .default_width(560.0)
        .vscroll(true)
        .show(ctx, |ui| {
            for row in &al.rows {
                ui.add_space(4.0);
                ui.label(RichText::new(&s.criteria[row.criterion].name).strong());
                egui::Grid::new(("provisions", row.criterion))
                    .num_columns(2)
                    .spacing([12.0, 2.0])
                    .show(ui, |ui| {
                        for (who, list) in [(na, &row.a), (nb, &row.b)] {
                            ui.label(RichText::new(who).weak());
                            if list.is_empty() {
                                ui.label(RichText::new("—").weak());
                            } else {
                                let text: Vec<&str> =
                                    list.iter().map(|p| p.text.as_str()).collect();
                                ui.label(text.join("\n"));
                            }
                            ui.end_row();
                        }
                    });
            }
            ui.separator();
            let names = |ks: Vec<usize>| {
                let v: Vec<&str> = ks.iter().map(|&k| s.criteria[k].name.as_str()).collect();
                if v.is_empty() {
                    "nothing".to_owned()
                } else {
                    v.join("; ")
                }
            };
            ui.label(format!("In {na}, not in {nb}: {}", names(al.only_a())));
            ui.label(format!("In {nb}, not in {na}: {}", names(al.only_b())));
            for (who, list) in [(na, &al.untagged_a), (nb, &al.untagged_b)] {
                if !list.is_empty() {
                    ui.label(RichText::new(format!("Not tagged to a criterion ({who})")).weak());
                    for p in list.iter() {
                        ui.label(&p.text);
                    }
                }
            }
        });
    if !open {
        out.send(Msg::Dialog(DialogMsg::CompareProposals(None)));
    }
}
