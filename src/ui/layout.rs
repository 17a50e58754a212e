//! Geometry: the window against the screen, and the columns shared by the cards and the
//! table, so each card sits over its column.

/// Room the desktop keeps for title bars and panels.
const DESKTOP_CHROME: f32 = 80.0;

/// True when a window of `size` (points) fits on a screen of `monitor` with its title bar
/// and the desktop's panels.
pub fn fits_on_screen(size: egui::Vec2, monitor: egui::Vec2) -> bool {
    size.x <= monitor.x && size.y + DESKTOP_CHROME <= monitor.y
}

/// Widths of the fixed columns and of one proposal column, and how many proposals fit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColumnLayout {
    /// Width of the criterion column (name and group).
    pub criterion: f32,
    /// Width of the weight column.
    pub weight: f32,
    /// Width of one proposal column (and card).
    pub proposal: f32,
    /// How many proposal columns are shown at once.
    pub visible: usize,
    /// Number of proposals in the scenario.
    pub total: usize,
}

/// Space between columns, as the table draws it.
pub const GAP: f32 = 8.0;

impl ColumnLayout {
    /// The layout for a panel `width` wide showing `total` proposals.
    pub fn for_width(width: f32, total: usize) -> Self {
        let criterion = (width * 0.22).clamp(170.0, 300.0);
        let weight = 104.0;
        let rest = (width - criterion - weight - 3.0 * GAP).max(140.0);
        let min_col = 128.0;
        let max_col = 300.0;
        let fit = ((rest + GAP) / (min_col + GAP)).floor().max(1.0) as usize;
        let visible = total.min(fit).max(1);
        let proposal = ((rest + GAP) / visible as f32 - GAP).clamp(min_col.min(rest), max_col);
        Self {
            criterion,
            weight,
            proposal,
            visible,
            total,
        }
    }

    /// Width of everything left of the first proposal column.
    pub fn lead(&self) -> f32 {
        self.criterion + GAP + self.weight + GAP
    }

    /// Keeps `first` so that the visible columns are filled.
    pub fn clamp_first(&self, first: &mut usize) {
        *first = (*first).min(self.total.saturating_sub(self.visible));
    }

    /// The proposals shown when the first shown is at `first` of `order` (the proposals
    /// the search and filter leave, in their order).
    pub fn proposals(&self, first: usize, order: &[usize]) -> Vec<usize> {
        order
            .get(self.shown(first))
            .map_or_else(Vec::new, <[usize]>::to_vec)
    }

    /// The positions in the shown order on screen when the first shown is `first`.
    pub fn shown(&self, first: usize) -> std::ops::Range<usize> {
        let first = first.min(self.total.saturating_sub(self.visible));
        first..(first + self.visible).min(self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_window_fits_full_hd_but_not_a_small_laptop() {
        let size = egui::vec2(1280.0, 800.0);
        assert!(fits_on_screen(size, egui::vec2(1920.0, 1080.0)));
        assert!(!fits_on_screen(size, egui::vec2(1280.0, 720.0)));
        assert!(!fits_on_screen(size, egui::vec2(1366.0, 768.0)));
    }

    #[test]
    fn fits_columns() {
        let l = ColumnLayout::for_width(940.0, 5);
        assert!(l.visible >= 3, "{l:?}");
        let l = ColumnLayout::for_width(1900.0, 5);
        assert_eq!(l.visible, 5);
        let mut first = 1999;
        let l = ColumnLayout::for_width(1000.0, 2000);
        l.clamp_first(&mut first);
        assert_eq!(l.shown(first).end, 2000);
    }
}
