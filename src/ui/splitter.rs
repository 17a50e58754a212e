//! The handle between the cards and the table: drag it to share the height between them.

use crate::app::ViewMsg;
use egui::{CursorIcon, Role, Sense, Ui, WidgetInfo};

use crate::app::{Msg, Outbox};

/// Accessible name (and tooltip title) of the handle.
pub const LABEL: &str = "Resize cards and table";

/// Smallest height of the cards: the name and the total must fit.
pub const MIN_CARDS: f32 = 124.0;

/// Smallest height left to the table: the header and a couple of rows.
const MIN_TABLE: f32 = 140.0;

/// The cards' height when the user has not chosen one: a share of the room, within limits.
pub fn automatic_height(available: f32) -> f32 {
    (available * 0.45).clamp(180.0, 330.0)
}

/// The cards' height to use: the chosen one if any, kept within what the room allows.
pub fn cards_height(chosen: Option<f32>, available: f32) -> f32 {
    let height = chosen.unwrap_or_else(|| automatic_height(available));
    height.min(available - MIN_TABLE).max(MIN_CARDS)
}

/// Draws the handle under cards of height `height`. Dragging chooses a height;
/// a double click goes back to the automatic height.
pub fn splitter_ui(ui: &mut Ui, height: f32, out: &mut Outbox) {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), 9.0),
        Sense::click_and_drag(),
    );
    response.widget_info(|| WidgetInfo::labeled(Role::Splitter, true, LABEL));
    let response = response
        .on_hover_cursor(CursorIcon::ResizeVertical)
        .on_hover_text(format!(
            "{LABEL}: drag to give the cards or the table more room; double-click to reset"
        ));
    let visuals = if response.hovered() || response.dragged() {
        ui.visuals().widgets.hovered
    } else {
        ui.visuals().widgets.noninteractive
    };
    let y = rect.center().y;
    ui.painter().hline(rect.x_range(), y, visuals.bg_stroke);
    // A grip in the middle says the line can be moved.
    for dx in [-8.0, 0.0, 8.0] {
        ui.painter().circle_filled(
            egui::pos2(rect.center().x + dx, y),
            1.8,
            visuals.fg_stroke.color,
        );
    }
    if response.double_clicked() {
        out.send(Msg::View(ViewMsg::SetCardsHeight(None)));
    } else if response.dragged() && response.drag_delta().y != 0.0 {
        out.send(Msg::View(ViewMsg::SetCardsHeight(Some(
            (height + response.drag_delta().y).max(MIN_CARDS),
        ))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_height_is_kept_within_the_room() {
        assert_eq!(cards_height(None, 600.0), 270.0);
        assert_eq!(cards_height(Some(200.0), 600.0), 200.0);
        // The table keeps its minimum, the cards keep theirs.
        assert_eq!(cards_height(Some(550.0), 600.0), 600.0 - MIN_TABLE);
        assert_eq!(cards_height(Some(10.0), 600.0), MIN_CARDS);
        assert_eq!(cards_height(Some(200.0), 100.0), MIN_CARDS);
    }
}
