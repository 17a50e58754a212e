//! What the window shows: the main view, the theme and panels, the cards' search, the status line.

use super::AppState;

/// What the main area shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MainView {
    /// The cards and the criteria table.
    #[default]
    Comparison,
    /// "Why this ranking?".
    Analysis,
    /// "Everyone at once": every perspective side by side.
    Everyone,
    /// The class round: where the students' readings agree and where they split.
    Round,
}

impl AppState {
    /// Applies a message of what the window shows.
    pub(super) fn update_view(&mut self, msg: super::msg::ViewMsg) {
        use super::msg::ViewMsg;
        match msg {
            ViewMsg::Browse(msg) => self.browse_msg(msg),
            ViewMsg::Show(view) => self.view.main_view = view,
            ViewMsg::SetTheme(theme) => self.prefs.theme = theme,
            ViewMsg::ShowInspector(shown) => self.prefs.show_inspector = shown,
            ViewMsg::ReduceMotion(reduce) => self.prefs.reduce_motion = reduce,
            ViewMsg::SetCardsHeight(h) => self.prefs.cards_height = h,
            ViewMsg::Status(text) => self.status = text,
        }
    }
}
