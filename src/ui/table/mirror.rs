//! The cells the table does not draw this frame (rows scrolled away or folded, proposals
//! scrolled off to the side), kept in the accessibility tree so that a screen reader can go
//! through the whole table row by row. Each is a node without pixels, named as the drawn
//! cell would be; its default action (a screen reader's Enter) scrolls the real cell into
//! view and gives it the keyboard. They are not in the Tab order: Tab and the arrows already
//! move through every cell, out of view too, and a second way round would trap the keyboard.

use std::collections::HashSet;

use egui::{Rect, Role, Sense, Ui, WidgetInfo};

use super::action::Action;
use crate::app::AppState;

/// Adds a node for every score cell not in `drawn` (criterion index, proposal index), in
/// the order the rows read: criteria as the table lists them (`order` first, then any folded
/// away), each across the proposals shown.
pub(super) fn mirror_ui(
    ui: &mut Ui,
    state: &AppState,
    order: &[usize],
    drawn: &HashSet<(usize, usize)>,
    actions: &mut Vec<Action>,
) {
    let s = state.scenario();
    let folded = (0..s.criteria.len()).filter(|k| !order.contains(k));
    let rows: Vec<usize> = order.iter().copied().chain(folded).collect();
    let proposals = state.shown_proposals();
    let rows = near_the_view(&rows, drawn, proposals.len());
    // Off the table's bottom edge, a point in size: nothing to see, and no pointer lands on
    // it, but its place in the tree is after the table it stands for.
    let at = Rect::from_min_size(ui.min_rect().left_bottom(), egui::Vec2::ZERO);
    for &k in rows {
        for &p in proposals.iter() {
            if drawn.contains(&(k, p)) {
                continue;
            }
            let (c, proposal) = (&s.criteria[k], &s.proposals[p]);
            let id = egui::Id::unique(("out-of-view", &c.id, &proposal.id));
            let r = ui.interact(at, id, Sense::CLICK);
            r.widget_info(|| {
                let name = crate::app::spoken::cell_name(state, k, p);
                WidgetInfo::labeled(Role::Button, true, format!("{name} (out of view)"))
            });
            if r.clicked() || r.gained_focus() {
                actions.push(Action::MoveTo((c.id.clone(), proposal.id.clone())));
            }
        }
    }
}

/// At most this many cells stand in for those out of view: a lesson has a few hundred, and
/// a tree of hundreds of thousands would stall both the frame and the screen reader.
const MOST: usize = 5_000;

/// The rows to mirror: all of them, or in a very large table the window of rows around the
/// ones drawn that keeps to [`MOST`] cells.
fn near_the_view<'a>(
    rows: &'a [usize],
    drawn: &HashSet<(usize, usize)>,
    across: usize,
) -> &'a [usize] {
    let most_rows = MOST / across.max(1);
    if rows.len() <= most_rows {
        return rows;
    }
    let drawn_rows: HashSet<usize> = drawn.iter().map(|(k, _)| *k).collect();
    let here = rows
        .iter()
        .position(|k| drawn_rows.contains(k))
        .unwrap_or(0);
    let start = here
        .saturating_sub(most_rows / 2)
        .min(rows.len() - most_rows);
    &rows[start..start + most_rows]
}
