//! Image snapshots of the main window (feature `snapshot`; needs a Vulkan driver, e.g.
//! Mesa's llvmpipe). Create or update them with `UPDATE_SNAPSHOTS=1 cargo test --features snapshot`.
#![cfg(feature = "snapshot")]

use concord::ui::ConcordApp;
use egui_kittest::Harness;

fn window(theme: egui::Theme, size: egui::Vec2) -> Harness<'static, ConcordApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .with_max_steps(16)
        .wgpu()
        .with_context_setup(concord::ui::fonts::install_fonts)
        .build_eframe(|cc| ConcordApp::for_tests(&cc.egui_ctx));
    h.run();
    h
}

#[test]
fn main_window_light() {
    window(egui::Theme::Light, egui::vec2(1280.0, 720.0)).snapshot("main_window_light");
}

#[test]
fn main_window_dark() {
    window(egui::Theme::Dark, egui::vec2(1280.0, 720.0)).snapshot("main_window_dark");
}

#[test]
fn main_window_dark_full_hd() {
    window(egui::Theme::Dark, egui::vec2(1920.0, 1080.0)).snapshot("main_window_dark_1920x1080");
}
