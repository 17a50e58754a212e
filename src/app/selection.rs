//! The selection shown in the inspector, and the new item whose name is typed next.

use super::AppState;

/// What is selected and shown in the inspector.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// Nothing: the inspector shows the scenario itself.
    #[default]
    Scenario,
    /// A cell: (criterion id, proposal id).
    Cell(String, String),
    /// A proposal by id.
    Proposal(String),
    /// A criterion by id.
    Criterion(String),
}

/// The kinds of item a scenario names, for the new one whose name is typed next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// A proposal.
    Proposal,
    /// A criterion.
    Criterion,
    /// A source in the bibliography (its title).
    Source,
    /// A perspective.
    Perspective,
}

impl AppState {
    /// Applies a message of the selection.
    pub(super) fn update_selection(&mut self, msg: super::msg::SelectMsg) {
        use super::msg::SelectMsg;
        match msg {
            SelectMsg::Select(selection) => self.selecting.selection = selection,
            SelectMsg::Reveal(selection) => {
                if let super::Selection::Proposal(p) | super::Selection::Cell(_, p) = &selection {
                    self.unhide(&p.clone());
                }
                self.select(selection);
            }
            SelectMsg::Revealed => self.selecting.reveal = None,
            SelectMsg::NameFocused => self.selecting.naming = None,
        }
    }
}
