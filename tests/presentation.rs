//! Classroom mode driven from the keyboard: F5, the steps in order with their content,
//! back, jumps, blank, spotlight, Esc; zoom and theme, kept between runs; PNG export.

mod common;

use concord::app::FileMsg;
use std::collections::HashMap;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

use concord::app::present::{steps, Step};
use concord::app::{Prefs, ThemeChoice};
use concord::seeds::default_scenario;

use common::{press, H};

fn harness_with(prefs: Prefs) -> H {
    common::start(
        common::builder(egui::vec2(1920.0, 1080.0)),
        common::options(None),
        prefs,
    )
}

fn harness() -> H {
    harness_with(Prefs::default())
}

fn step(h: &H) -> usize {
    h.state().state.presenter().expect("presenting").step
}

/// The text each step must show, from the scenario.
fn expected_heading(step: Step) -> String {
    let s = default_scenario().unwrap();
    match step {
        Step::Title => s.title.clone(),
        Step::Proposal(i) => s.proposals[i].name.clone(),
        Step::Criterion(k) => s.criteria[k].name.clone(),
        Step::Weights => "Weights".into(),
        Step::Ranking => "Ranking".into(),
        Step::Perspective(j) => format!("Through {}", s.perspectives[j].name),
        Step::Everyone => "Everyone at once".into(),
        Step::Round(_) => "The class round".into(),
        Step::Join => "Join the live round".into(),
    }
}

/// Presses a key and tells whether the window is then (asked to be) full screen.
fn press_and_watch_fullscreen(h: &mut H, key: Key, on: bool) -> bool {
    press(h, key);
    h.state().is_fullscreen() == on
}

#[test]
fn f5_enters_full_screen_presentation_without_editing_chrome() {
    let mut h = harness();
    h.get_by_label("File");
    assert!(
        press_and_watch_fullscreen(&mut h, Key::F5, true),
        "the window goes full screen"
    );
    assert!(h.state().state.presenter().is_some());
    assert!(h.query_by_label("File").is_none(), "no menus");
    assert!(h.query_by_label("Inspector").is_none(), "no inspector");
    h.get_by_label("Introduction");
}

#[test]
fn arrow_right_walks_every_step_in_order_with_its_content() {
    let mut h = harness();
    let list = steps(&default_scenario().unwrap(), false);
    // Title, proposals, criteria, weights, ranking, the twelve perspectives, all at once.
    assert_eq!(list.len(), 1 + 5 + 15 + 2 + 12 + 1);
    press(&mut h, Key::F5);
    for (i, st) in list.iter().enumerate() {
        assert_eq!(step(&h), i);
        // A step too long for the screen says which part of it is shown.
        h.get_by_label_contains(&format!("· {} of {}", i + 1, list.len()));
        h.get_by_label(&expected_heading(*st));
        match st {
            Step::Criterion(k) => {
                h.get_by_label(&format!("Criterion {} of 15", k + 1));
            }
            Step::Proposal(p) => {
                h.get_by_label(&format!("Proposal {} of 5", p + 1));
            }
            Step::Ranking => {
                // The ranking is revealed last, with ranks written out, not only drawn.
                assert_eq!(h.query_all_by_label("1st of 5").count(), 1);
                h.get_by_label("5th of 5");
            }
            _ => {}
        }
        next_step(&mut h);
    }
    assert_eq!(step(&h), list.len() - 1, "stays on the last step");
}

/// Presses → until the next step shows (through the parts of a step split over pages).
fn next_step(h: &mut H) {
    let from = step(h);
    for _ in 0..8 {
        press(h, Key::ArrowRight);
        if step(h) != from {
            return;
        }
    }
}

#[test]
fn a_criterion_step_shows_every_score_with_its_number_and_earlier_criteria() {
    let mut h = harness();
    press(&mut h, Key::F5);
    for _ in 0..(1 + 5 + 1) {
        next_step(&mut h);
    }
    // Criterion 2, "Denies armed groups…": every proposal's score as a word and a number,
    // over the parts of the step when it takes more than one screen.
    h.get_by_label("Criterion 2 of 15");
    let mut words = Vec::new();
    loop {
        for node in h.query_all_by_role(Role::Label) {
            if let Some(v) = node.accesskit_node().value() {
                words.push(v.to_owned());
            }
        }
        let p = h.state().state.presenter().unwrap().clone();
        if p.page + 1 >= p.pages {
            break;
        }
        press(&mut h, Key::ArrowRight);
    }
    let count = |w: &str| words.iter().filter(|x| *x == w).count();
    assert!(count("Silent") >= 2, "{words:?}");
    assert!(count("Partial") >= 1);
    assert!(
        count("the text says nothing: counts as 0 / 100") >= 2,
        "{words:?}"
    );
    assert!(count("67 / 100") >= 1);
    // Earlier criteria stay in view, dimmed, where the slide has room for them: in a
    // lesson of shorter reasons.
    let mut short = harness();
    let mut lesson = default_scenario().unwrap();
    lesson.proposals.truncate(2);
    for sc in &mut lesson.scores {
        sc.rationale = "A short reason.".into();
    }
    lesson
        .scores
        .retain(|sc| lesson.proposals.iter().any(|p| p.id == sc.proposal));
    let doc = concord::app::Document::new(lesson, None);
    *short.state_mut() = concord::ui::ConcordApp::with_document(&short.ctx.clone(), doc);
    short.run();
    press(&mut short, Key::F5);
    for _ in 0..(1 + 2 + 1) {
        next_step(&mut short);
    }
    short.get_by_label("Criterion 2 of 15");
    short.get_by_label("So far");
    short.get_by_label("Ends the Gaza blockade");
}

#[test]
fn back_home_end_space_and_page_keys() {
    let mut h = harness();
    press(&mut h, Key::F5);
    press(&mut h, Key::Space);
    press(&mut h, Key::PageDown);
    assert_eq!(step(&h), 2);
    press(&mut h, Key::ArrowLeft);
    assert_eq!(step(&h), 1);
    press(&mut h, Key::PageUp);
    press(&mut h, Key::PageUp);
    assert_eq!(step(&h), 0);
    press(&mut h, Key::End);
    assert_eq!(step(&h), 35);
    h.get_by_label("Everyone at once");
    press(&mut h, Key::Home);
    assert_eq!(step(&h), 0);
}

#[test]
fn the_step_list_jumps_to_a_step() {
    let mut h = harness();
    press(&mut h, Key::F5);
    press(&mut h, Key::G);
    h.get_by_label("Go to step");
    let label = "8. Criterion 2 of 15 — Denies armed groups the capability to attack";
    h.get_by_label(label).hover();
    h.run();
    h.get_by_label(label).click();
    h.run();
    assert_eq!(step(&h), 7);
    assert!(h.query_by_label("Go to step").is_none());
    h.get_by_label("Criterion 2 of 15");
}

#[test]
fn b_blanks_the_screen_and_a_key_brings_it_back() {
    let mut h = harness();
    press(&mut h, Key::F5);
    press(&mut h, Key::B);
    assert!(h.state().state.presenter().unwrap().blank);
    assert!(h.query_by_label("Introduction").is_none(), "nothing shown");
    press(&mut h, Key::ArrowRight);
    let p = h.state().state.presenter().cloned().unwrap();
    assert!(!p.blank);
    assert_eq!(p.step, 0, "the key that unblanks does not also move on");
}

#[test]
fn number_keys_spotlight_a_proposal() {
    let mut h = harness();
    press(&mut h, Key::F5);
    press(&mut h, Key::Num3);
    assert_eq!(h.state().state.presenter().unwrap().spotlight, Some(2));
    press(&mut h, Key::Num3);
    assert_eq!(h.state().state.presenter().unwrap().spotlight, None);
    press(&mut h, Key::Num9);
    assert_eq!(
        h.state().state.presenter().unwrap().spotlight,
        None,
        "no ninth proposal"
    );
}

#[test]
fn escape_leaves_and_the_document_is_unchanged() {
    let mut h = harness();
    let before = h.state().state.scenario().clone();
    press(&mut h, Key::F5);
    for _ in 0..12 {
        press(&mut h, Key::ArrowRight);
    }
    assert!(
        press_and_watch_fullscreen(&mut h, Key::Escape, false),
        "full screen ends"
    );
    assert!(h.state().state.presenter().is_none());
    assert_eq!(h.state().state.scenario(), &before);
    assert!(!h.state().state.doc().is_dirty());
    h.get_by_label("File");
}

/// A storage like eframe's, in memory.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

fn save_prefs(h: &mut H) -> MemoryStorage {
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    storage
}

#[test]
fn zoom_keys_change_the_zoom_and_it_is_kept() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    assert_eq!(h.state().state.prefs().zoom, 1.21);
    assert_eq!(h.ctx.zoom_factor(), 1.21);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert_eq!(h.state().state.prefs().zoom, 1.1);
    let storage = save_prefs(&mut h);
    // A new run reads the zoom back.
    let h2 = harness_with(concord::ui::prefs_from(Some(&storage)));
    assert_eq!(h2.ctx.zoom_factor(), 1.1);
    let mut h = h2;
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(h.ctx.zoom_factor(), 1.0);
}

#[test]
fn theme_switch_to_high_contrast_is_kept() {
    let mut h = harness();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Theme").hover();
    h.run();
    h.get_by_label("Theme").click();
    h.run();
    h.get_by_label("High contrast").click();
    h.run();
    assert_eq!(h.state().state.prefs().theme, ThemeChoice::HighContrast);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    assert_eq!(
        h.ctx.global_style().visuals.panel_fill,
        egui::Color32::BLACK
    );
    let storage = save_prefs(&mut h);
    let h2 = harness_with(concord::ui::prefs_from(Some(&storage)));
    assert_eq!(h2.state().state.prefs().theme, ThemeChoice::HighContrast);
    assert_eq!(
        h2.ctx.global_style().visuals.panel_fill,
        egui::Color32::BLACK
    );
}

#[test]
fn export_view_as_png_writes_the_picture() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.png");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "File path")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "File path")
        .type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("Export").click();
    h.run();
    // The dialog is gone before the picture is asked for.
    assert!(h.state().state.dialog().is_none());
    let asked = (0..6).any(|_| {
        h.step();
        h.state().is_waiting_for_screenshot()
    });
    assert!(asked, "a screenshot was requested once the dialog had gone");
    // The renderer answers with the pixels; here a 4 × 2 picture stands in for them.
    let mut image = egui::ColorImage::filled([4, 2], egui::Color32::from_rgb(10, 20, 30));
    image.pixels[1] = egui::Color32::WHITE;
    h.state_mut().deliver_screenshot(image);
    h.run();
    let png = image::open(&path).expect("a PNG was written").to_rgba8();
    assert_eq!(png.dimensions(), (4, 2));
    assert_eq!(png.get_pixel(0, 0).0, [10, 20, 30, 255]);
    assert_eq!(png.get_pixel(1, 0).0, [255, 255, 255, 255]);
    assert!(h.state().state.status().starts_with("Saved the view as"));
}

#[test]
fn a_criterion_slide_says_where_each_reason_comes_from() {
    let mut h = harness();
    press(&mut h, Key::F5);
    // Title, five proposals, then the first criterion.
    for _ in 0..6 {
        press(&mut h, Key::ArrowRight);
    }
    assert_eq!(
        h.state().state.present_steps()[step(&h)],
        Step::Criterion(0)
    );
    let s = h.state().state.scenario();
    let cell = s.score("blockade", "api").expect("scored");
    let source = &s.sources[s.source_index(&cell.evidence[0].source).unwrap()];
    let line = format!(
        "Source: {} ({})",
        concord::ui::widgets::short_label_of(&source.title, 50),
        source.year().expect("a dated source")
    );
    h.get_by_label_contains(&line);
}

/// Every text of the slide on screen lies inside the window, and nothing scrolls.
fn assert_all_text_inside(h: &H, what: &str) {
    if let Some(why) = common::misfit(h) {
        panic!("{what}: {why}");
    }
}

#[test]
fn every_slide_of_both_lessons_fits_a_projector() {
    for size in [
        egui::vec2(1024.0, 768.0),
        egui::vec2(1280.0, 720.0),
        egui::vec2(1920.0, 1080.0),
    ] {
        for lesson in [0, 1] {
            let mut h = common::start(
                common::builder(size),
                common::options(None),
                Prefs::default(),
            );
            h.state_mut()
                .state
                .update(concord::app::Msg::File(FileMsg::Request(
                    concord::app::Pending::New(lesson),
                )));
            h.run();
            press(&mut h, Key::F5);
            let n = h.state().state.present_steps().len();
            let mut seen = 0;
            loop {
                let p = h.state().state.presenter().unwrap().clone();
                assert_all_text_inside(
                    &h,
                    &format!(
                        "lesson {lesson} at {size:?}, step {} part {}",
                        p.step,
                        p.page + 1
                    ),
                );
                seen += 1;
                assert!(seen < 4 * n, "the walk ends");
                if p.step + 1 == n && p.page + 1 >= p.pages.max(1) {
                    break;
                }
                press(&mut h, Key::ArrowRight);
            }
        }
    }
}

#[test]
fn a_lesson_without_proposals_presents_every_step_without_a_fault() {
    // Found by the monkey test in release (5,000 cases): a step that lists proposals was
    // given one empty part of one proposal, and read past the end of the list.
    let mut lesson = default_scenario().unwrap();
    lesson.proposals.clear();
    lesson.scores.clear();
    for p in &mut lesson.perspectives {
        p.readings.clear();
    }
    let mut h = harness();
    let doc = concord::app::Document::new(lesson, None);
    *h.state_mut() = concord::ui::ConcordApp::with_document(&h.ctx.clone(), doc);
    h.run();
    press(&mut h, Key::F5);
    let n = h.state().state.present_steps().len();
    for _ in 0..n + 2 {
        press(&mut h, Key::ArrowRight);
    }
    assert_eq!(step(&h), n - 1, "the walk reaches the last step");
}

#[test]
fn the_step_list_opens_on_the_step_the_class_is_at() {
    let mut h = harness();
    press(&mut h, Key::F5);
    press(&mut h, Key::End);
    let last = step(&h);
    press(&mut h, Key::G);
    let screen = h.ctx.content_rect();
    let label = format!(
        "{}. All perspectives — Every perspective, and what none rules out",
        last + 1
    );
    let item = h.get_by_label(&label).rect();
    assert!(
        screen.contains_rect(item),
        "the current step {item:?} is on the screen {screen:?}"
    );
    // Closed and opened again at the start: the first steps show.
    press(&mut h, Key::Escape);
    press(&mut h, Key::Home);
    press(&mut h, Key::G);
    let first = h.get_by_label_contains("1. Introduction").rect();
    assert!(screen.contains_rect(first), "{first:?}");
}
