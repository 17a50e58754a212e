//! The slide kit every slide is drawn with: type sizes for the screen, a heading, a bar,
//! and what of itself a slide shows on this screen (`Fitted`).

use egui::{Color32, RichText, Ui};

use crate::ui::bidi::display_order;
use crate::ui::widgets::shown_name;

/// Type sizes for the screen: body text 30 px and scores 46 px on a 1080-pixel-high screen.
#[derive(Clone, Copy)]
pub(crate) struct Sizes {
    pub(crate) heading: f32,
    pub(crate) sub: f32,
    pub(crate) body: f32,
    pub(crate) score: f32,
    pub(crate) small: f32,
    pub(crate) unit: f32,
}

impl Sizes {
    pub(crate) fn for_screen(ctx: &egui::Context) -> Self {
        // Sizes follow the screen height in pixels, and the zoom on top.
        let zoom = ctx.zoom_factor();
        let height_px = ctx.content_rect().height() * ctx.pixels_per_point();
        // In points: pixels divided by pixels-per-point (which already includes the zoom).
        let s = (height_px / 1080.0).clamp(0.6, 4.0) * zoom / ctx.pixels_per_point();
        Self {
            heading: 58.0 * s,
            sub: 38.0 * s,
            body: 30.0 * s,
            score: 46.0 * s,
            small: 28.0 * s,
            unit: s,
        }
    }
}

/// A slide's heading, wrapped.
pub(crate) fn heading(ui: &mut Ui, text: &str, sz: Sizes) {
    // Wrapped even beside the colour strip: a long name takes lines, not the screen's width.
    ui.add(
        egui::Label::new(
            RichText::new(display_order(&shown_name(text)))
                .size(sz.heading)
                .family(egui::FontFamily::Name(
                    crate::ui::window::fonts::BOLD.into(),
                ))
                .strong(),
        )
        .wrap(),
    );
}

/// A bar `fraction` full, for totals and weights.
pub(crate) fn bar(ui: &mut Ui, width: f32, height: f32, fraction: f64, colour: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 3.0, ui.visuals().extreme_bg_color);
    let mut filled = rect;
    filled.set_width(rect.width() * fraction.clamp(0.0, 1.0) as f32);
    ui.painter().rect_filled(filled, 3.0, colour);
}

/// What a slide shows of itself on this screen: the units of this part, how many items of
/// its side lists, how long its long texts may be, and whether this is its last part.
pub(crate) struct Fitted {
    /// The units (proposals, criteria or agenda items) of this part.
    pub(crate) shown: std::ops::Range<usize>,
    /// The most items of a side list.
    pub(crate) items: usize,
    /// The most characters of a long text.
    pub(crate) chars: usize,
    /// True on the step's last part (where what follows the list goes).
    pub(crate) last_page: bool,
}

impl Fitted {
    /// `text`, cut to the characters this fit allows.
    pub(crate) fn clip<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if text.chars().count() <= self.chars {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(crate::ui::widgets::short_label_of(text, self.chars))
        }
    }
}

/// A colour faded, for what the spotlight leaves out.
pub(crate) fn dim(c: Color32) -> Color32 {
    c.gamma_multiply(0.4)
}
