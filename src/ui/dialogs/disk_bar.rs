//! The bar under the menu that says when the open file changed on disk, went missing, or
//! is open in another Concord window, with what the user can do about it.

use crate::app::FileMsg;
use egui::RichText;

use crate::app::{AppState, DiskAnswer, DiskNotice, Msg, Outbox};
use crate::ui::widgets::answer_buttons;

/// True when the bar has something to say.
pub fn has_news(state: &AppState) -> bool {
    state.disk_notice().is_some() || state.also_open_elsewhere() > 0
}

/// One line of the bar: what happened, in warning colour, why, and the answers.
fn line_ui(
    ui: &mut egui::Ui,
    out: &mut Outbox,
    (what, why): (String, &str),
    answers: Vec<(&str, &str, Msg)>,
) {
    let warn = ui.visuals().warn_fg_color;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(what).color(warn).strong());
        ui.label(why);
        answer_buttons(ui, out, answers);
    });
}

/// Draws the bar's lines.
pub fn disk_bar_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Outbox) {
    let name = state.doc().display_name();
    let disk = |answer| Msg::File(FileMsg::Disk(answer));
    match state.disk_notice() {
        Some(DiskNotice::Changed) => line_ui(
            ui,
            out,
            (
                format!("⚠ {name} changed on disk"),
                "— another program or window saved it.",
            ),
            vec![
                (
                    "Reload",
                    "Open the file as it is now (Undo brings back your version)",
                    disk(DiskAnswer::Reload),
                ),
                (
                    "Keep mine",
                    "Keep what this window shows; saving will replace the file",
                    disk(DiskAnswer::KeepMine),
                ),
                (
                    "Compare",
                    "List what differs between the file and this window",
                    disk(DiskAnswer::Compare),
                ),
            ],
        ),
        Some(DiskNotice::Missing) => line_ui(
            ui,
            out,
            (
                format!("⚠ {name} is no longer on disk"),
                "— it was moved, renamed or deleted.",
            ),
            vec![
                (
                    "Save again",
                    "Write the scenario to that file again",
                    disk(DiskAnswer::SaveAgain),
                ),
                (
                    "Keep mine",
                    "Keep working; the scenario stays unsaved until you save it",
                    disk(DiskAnswer::KeepMine),
                ),
            ],
        ),
        None => {}
    }
    let others = state.also_open_elsewhere();
    if others > 0 {
        let windows = if others == 1 {
            "another Concord window".to_owned()
        } else {
            format!("{others} other Concord windows")
        };
        line_ui(
            ui,
            out,
            (
                format!("{name} is also open in {windows}"),
                "— saving in one replaces what the other saved.",
            ),
            vec![(
                "OK",
                "Stop saying so (you are told again if another window opens it)",
                disk(DiskAnswer::Dismiss),
            )],
        );
    }
}
