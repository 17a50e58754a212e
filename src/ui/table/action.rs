//! What a click or a key in the table asks for, collected while the table is drawn and
//! applied after it (the table's rows are drawn by a closure that cannot send directly).

use crate::app::SelectMsg;
use crate::app::{Edit, Msg, Outbox, Selection};
use crate::ui::ViewState;

/// What a click or a key in the table asks for; applied after the table is drawn.
pub(crate) enum Action {
    ToggleGroup(String),
    Select(Selection),
    Edit(String, Option<String>, Box<Edit>),
    /// The number being typed on a cell (`None`: done or abandoned).
    Typing(Option<crate::ui::TypedNumber>),
    /// Move the keyboard to the cell (criterion id, proposal id), scrolling to it.
    MoveTo((String, String)),
    /// The cell moved to has the keyboard.
    Focused,
}

impl Action {
    /// Applies it: a message, or a change of the view's own state.
    pub(crate) fn apply(self, view: &mut ViewState, out: &mut Outbox) {
        match self {
            Action::ToggleGroup(g) => {
                if !view.collapsed_groups.remove(&g) {
                    view.collapsed_groups.insert(g);
                }
            }
            Action::Select(s) => out.send(Msg::Selection(SelectMsg::Select(s))),
            Action::Edit(label, key, edit) => out.edit(label, key, *edit),
            Action::Typing(t) => view.typing = t,
            Action::MoveTo((c, p)) => {
                out.send(Msg::Selection(SelectMsg::Reveal(Selection::Cell(
                    c.clone(),
                    p.clone(),
                ))));
                view.focus_cell = Some((c, p));
            }
            Action::Focused => view.focus_cell = None,
        }
    }
}
