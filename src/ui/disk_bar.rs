//! The bar under the menu that says when the open file changed on disk, went missing, or
//! is open in another Concord window, with what the user can do about it.

use egui::RichText;

use crate::app::{AppState, DiskAnswer, DiskNotice, Msg, Outbox};

/// True when the bar has something to say.
pub fn has_news(state: &AppState) -> bool {
    state.disk_notice().is_some() || state.also_open_elsewhere() > 0
}

/// Draws the bar's lines.
pub fn disk_bar_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Outbox) {
    let name = state.doc().display_name();
    let warn = ui.visuals().warn_fg_color;
    match state.disk_notice() {
        Some(DiskNotice::Changed) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("⚠ {name} changed on disk"))
                        .color(warn)
                        .strong(),
                );
                ui.label("— another program or window saved it.");
                if ui
                    .button("Reload")
                    .on_hover_text("Open the file as it is now (Undo brings back your version)")
                    .clicked()
                {
                    out.send(Msg::Disk(DiskAnswer::Reload));
                }
                if ui
                    .button("Keep mine")
                    .on_hover_text("Keep what this window shows; saving will replace the file")
                    .clicked()
                {
                    out.send(Msg::Disk(DiskAnswer::KeepMine));
                }
                if ui
                    .button("Compare")
                    .on_hover_text("List what differs between the file and this window")
                    .clicked()
                {
                    out.send(Msg::Disk(DiskAnswer::Compare));
                }
            });
        }
        Some(DiskNotice::Missing) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("⚠ {name} is no longer on disk"))
                        .color(warn)
                        .strong(),
                );
                ui.label("— it was moved, renamed or deleted.");
                if ui
                    .button("Save again")
                    .on_hover_text("Write the scenario to that file again")
                    .clicked()
                {
                    out.send(Msg::Disk(DiskAnswer::SaveAgain));
                }
                if ui
                    .button("Keep mine")
                    .on_hover_text("Keep working; the scenario stays unsaved until you save it")
                    .clicked()
                {
                    out.send(Msg::Disk(DiskAnswer::KeepMine));
                }
            });
        }
        None => {}
    }
    let others = state.also_open_elsewhere();
    if others > 0 {
        ui.horizontal_wrapped(|ui| {
            let windows = if others == 1 {
                "another Concord window".to_owned()
            } else {
                format!("{others} other Concord windows")
            };
            ui.label(RichText::new(format!("{name} is also open in {windows}")).color(warn));
            ui.label("— saving in one replaces what the other saved.");
            if ui
                .button("OK")
                .on_hover_text("Stop saying so (you are told again if another window opens it)")
                .clicked()
            {
                out.send(Msg::Disk(DiskAnswer::Dismiss));
            }
        });
    }
}
