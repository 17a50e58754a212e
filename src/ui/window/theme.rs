//! Colour themes (light, dark, high contrast, or the system's) and the interface zoom.

use egui::{Color32, Stroke, Theme, ThemePreference, Visuals};

use crate::app::ThemeChoice;

/// Applies a theme and a zoom factor to the context.
pub fn apply(ctx: &egui::Context, theme: ThemeChoice, zoom: f32) {
    // Zoom keys are Concord commands (shown in the View menu and persisted), not egui's own.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    let dark = if theme == ThemeChoice::HighContrast {
        high_contrast()
    } else {
        dark()
    };
    ctx.set_visuals_of(Theme::Dark, dark);
    ctx.set_visuals_of(Theme::Light, light());
    ctx.set_theme(match theme {
        ThemeChoice::System => ThemePreference::System,
        ThemeChoice::Light => ThemePreference::Light,
        ThemeChoice::Dark | ThemeChoice::HighContrast => ThemePreference::Dark,
    });
    ctx.set_zoom_factor(zoom);
}

/// How long egui's animations take when they run (its own default).
pub const ANIMATION_TIME: f32 = 1.0 / 12.0;

/// Lets animations run, or stops them all (reduced motion): every style of the context.
pub fn set_motion(ctx: &egui::Context, animate: bool) {
    let time = if animate { ANIMATION_TIME } else { 0.0 };
    ctx.all_styles_mut(|s| s.animation_time = time);
}

/// Every theme the window offers, by name (the presentation draws in the theme chosen).
pub fn every_theme() -> Vec<(&'static str, Visuals)> {
    vec![
        ("dark", dark()),
        ("light", light()),
        ("high contrast", high_contrast()),
    ]
}

/// egui's dark theme, with faint text and links that meet WCAG AA (4.5 : 1) on every
/// background the window draws text on.
pub fn dark() -> Visuals {
    let mut v = Visuals::dark();
    v.weak_text_color = Some(Color32::from_gray(160));
    v
}

/// egui's light theme, with faint text and links that meet WCAG AA (4.5 : 1).
pub fn light() -> Visuals {
    let mut v = Visuals::light();
    v.weak_text_color = Some(Color32::from_gray(92));
    v.hyperlink_color = Color32::from_rgb(0, 82, 160);
    v
}

/// White text on black, strong outlines and a yellow selection.
pub fn high_contrast() -> Visuals {
    let mut v = Visuals::dark();
    let white = Color32::WHITE;
    let yellow = Color32::from_rgb(255, 221, 0);
    v.override_text_color = Some(white);
    v.panel_fill = Color32::BLACK;
    v.window_fill = Color32::BLACK;
    v.extreme_bg_color = Color32::BLACK;
    v.faint_bg_color = Color32::from_gray(24);
    v.window_stroke = Stroke::new(2.0, white);
    v.selection.bg_fill = Color32::from_rgb(0, 70, 160);
    v.selection.stroke = Stroke::new(2.0, yellow);
    v.hyperlink_color = yellow;
    for w in [
        &mut v.widgets.noninteractive,
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.fg_stroke = Stroke::new(1.5, white);
        w.bg_stroke = Stroke::new(1.5, Color32::from_gray(200));
    }
    v.widgets.noninteractive.bg_fill = Color32::BLACK;
    v.widgets.inactive.bg_fill = Color32::from_gray(20);
    v.widgets.inactive.weak_bg_fill = Color32::from_gray(20);
    v.widgets.hovered.bg_stroke = Stroke::new(2.0, yellow);
    v.widgets.active.bg_stroke = Stroke::new(2.5, yellow);
    v
}

/// True when the high-contrast theme is in use.
pub fn is_high_contrast(ui: &egui::Ui) -> bool {
    ui.visuals().panel_fill == Color32::BLACK
        && ui.visuals().override_text_color == Some(Color32::WHITE)
}
