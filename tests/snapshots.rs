//! Image snapshots of the main window (feature `snapshot`; needs a Vulkan driver, e.g.
//! Mesa's llvmpipe). Create or update them with `UPDATE_SNAPSHOTS=1 cargo test --features snapshot`.
#![cfg(feature = "snapshot")]

mod common;

use concord::app::ThemeChoice;
use concord::ui::ConcordApp;
use egui_kittest::Harness;

/// The app with a theme preference (the app applies its own preference, so it decides the
/// colours), rendered at `size`.
fn app(theme: ThemeChoice, size: egui::Vec2) -> Harness<'static, ConcordApp> {
    let prefs = concord::app::Prefs {
        theme,
        ..Default::default()
    };
    let builder = common::builder(size)
        .wgpu()
        .with_context_setup(concord::ui::fonts::install_fonts);
    common::start(builder, common::options(None), prefs)
}

fn window(theme: egui::Theme, size: egui::Vec2) -> Harness<'static, ConcordApp> {
    match theme {
        egui::Theme::Light => app(ThemeChoice::Light, size),
        egui::Theme::Dark => app(ThemeChoice::Dark, size),
    }
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

#[test]
fn export_view_as_png_saves_the_rendered_window() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let mut h = window(egui::Theme::Light, egui::vec2(1280.0, 720.0));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.png");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::E,
    );
    h.run();
    h.get_by_role_and_label(Role::TextInput, "File path")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "File path")
        .type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("Export").click();
    for _ in 0..8 {
        h.step();
    }
    h.run();
    let png = image::open(&path).expect("the window was saved").to_rgba8();
    assert_eq!(png.dimensions(), (1280, 720));
}

/// The presentation at 1920×1080 on the first page of step `step`.
fn slide(theme: ThemeChoice, step: usize) -> Harness<'static, ConcordApp> {
    let mut h = app(theme, egui::vec2(1920.0, 1080.0));
    present_to(&mut h, step);
    h
}

/// Starts the presentation and goes to the first page of step `step`.
fn present_to(h: &mut Harness<'static, ConcordApp>, step: usize) {
    h.key_press(egui::Key::F5);
    h.run();
    // → also turns the pages of a long step, so press until the step is reached.
    for _ in 0..200 {
        if h.state().state.presenter().expect("presenting").step == step {
            break;
        }
        h.key_press(egui::Key::ArrowRight);
        h.run();
    }
    assert_eq!(h.state().state.presenter().unwrap().step, step);
}

/// Title, five proposals, then the fourth criterion.
const CRITERION_4: usize = 1 + 5 + 3;

/// The ranking step of the default lesson, wherever the criteria leave it.
fn ranking() -> usize {
    let s = concord::seeds::default_scenario().unwrap();
    concord::app::present::steps(&s, false)
        .iter()
        .position(|st| *st == concord::app::present::Step::Ranking)
        .expect("a ranking step")
}

#[test]
fn slide_title_light() {
    slide(ThemeChoice::Light, 0).snapshot("slide_title_light");
}

#[test]
fn slide_criterion_light() {
    slide(ThemeChoice::Light, CRITERION_4).snapshot("slide_criterion_light");
}

#[test]
fn slide_ranking_light() {
    slide(ThemeChoice::Light, ranking()).snapshot("slide_ranking_light");
}

#[test]
fn slide_title_high_contrast() {
    slide(ThemeChoice::HighContrast, 0).snapshot("slide_title_high_contrast");
}

#[test]
fn slide_criterion_high_contrast() {
    slide(ThemeChoice::HighContrast, CRITERION_4).snapshot("slide_criterion_high_contrast");
}

#[test]
fn slide_ranking_high_contrast() {
    slide(ThemeChoice::HighContrast, ranking()).snapshot("slide_ranking_high_contrast");
}

/// A generated lesson (long names in four scripts; `cargo run --example teaching_lesson`)
/// on a 1024×768 projector: its ranking slide, first part. `docs/generated-lesson-1024x768.png`
/// is this picture.
#[test]
fn slide_ranking_of_a_generated_lesson_at_1024_by_768() {
    let lesson = concord::synth::teaching_lesson(8, 12, 6, 24, 28);
    let mut h = app(ThemeChoice::Dark, egui::vec2(1024.0, 768.0));
    let ctx = h.ctx.clone();
    *h.state_mut() =
        ConcordApp::with_document(&ctx, concord::app::Document::new(lesson.clone(), None));
    h.run();
    let at = concord::app::present::steps(&lesson, false)
        .iter()
        .position(|st| *st == concord::app::present::Step::Ranking)
        .unwrap();
    present_to(&mut h, at);
    h.snapshot("slide_ranking_generated_1024x768");
}
