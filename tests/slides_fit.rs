//! Every slide fits, on lessons a teacher might write: generated lessons (2–12 proposals
//! with names up to 120 characters in Latin, Greek, Arabic and Hebrew, 1–30 criteria of
//! every scale kind, 0–12 parties with red lines, class rounds of 1–200 students) walked
//! step by step and part by part at 1024×768, 1280×720 and 1920×1080: every text of every
//! step lies inside the window, and no step holds a scroll bar.

mod common;

use egui::Key;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use concord::app::{Document, Prefs};
use concord::model::Scenario;
use concord::ui::ConcordApp;

use common::{press, H};

/// The shape of a generated lesson.
#[derive(Clone, Debug)]
struct Shape {
    proposals: usize,
    criteria: usize,
    parties: usize,
    students: usize,
    seed: u64,
}

fn shapes() -> impl Strategy<Value = Shape> {
    (
        2usize..=12,
        1usize..=30,
        0usize..=12,
        // Most rounds are a class; some are none, some a whole year group.
        prop_oneof![3 => Just(0usize), 4 => 1usize..=35, 1 => 36usize..=200],
        any::<u64>(),
    )
        .prop_map(|(proposals, criteria, parties, students, seed)| Shape {
            proposals,
            criteria,
            parties,
            students,
            seed,
        })
}

/// A lesson of `shape` (see [`concord::synth::teaching_lesson`]), checked valid.
fn lesson(shape: &Shape) -> Scenario {
    let s = concord::synth::teaching_lesson(
        shape.proposals,
        shape.criteria,
        shape.parties,
        shape.students,
        shape.seed,
    );
    assert!(
        concord::io::validate(&s).is_empty(),
        "{:?}",
        concord::io::validate(&s)
    );
    s
}

/// Every text of the slide on screen lies inside the window, and nothing scrolls.
fn check_slide(h: &H, what: &str) -> Result<(), TestCaseError> {
    match common::misfit(h) {
        Some(why) => Err(TestCaseError::fail(format!("{what}: {why}"))),
        None => Ok(()),
    }
}

/// Walks every step and part of `s`'s presentation in `h`.
fn walk(h: &mut H, s: Scenario, size: egui::Vec2) -> Result<(), TestCaseError> {
    let ctx = h.ctx.clone();
    *h.state_mut() = ConcordApp::with_document(&ctx, Document::new(s, None));
    h.run();
    press(h, Key::F5);
    let n = h.state().state.present_steps().len();
    let mut seen = 0;
    loop {
        let p = h.state().state.presenter().unwrap().clone();
        check_slide(
            h,
            &format!("at {size:?}, step {} part {}", p.step, p.page + 1),
        )?;
        seen += 1;
        prop_assert!(seen < 40 * n, "the walk ends");
        if p.step + 1 == n && p.page + 1 >= p.pages.max(1) {
            return Ok(());
        }
        press(h, Key::ArrowRight);
    }
}

/// Walks `cases` generated lessons (120 unless `SLIDE_CASES` says: 360 walks in all, under
/// a minute on two cores) at one screen size. The same lessons at every size: the runner's
/// seed is fixed, so a failure is found again.
fn every_step_fits_at(size: egui::Vec2) {
    let h = std::cell::RefCell::new(common::start(
        common::builder(size).with_max_steps(64),
        common::options(None),
        Prefs::default(),
    ));
    let cases = std::env::var("SLIDE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = proptest::test_runner::TestRng::deterministic_rng(config.rng_algorithm);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let result = runner.run(&shapes(), |shape| {
        walk(&mut h.borrow_mut(), lesson(&shape), size)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn every_step_of_a_generated_lesson_fits_a_1024_by_768_projector() {
    every_step_fits_at(egui::vec2(1024.0, 768.0));
}

#[test]
fn every_step_of_a_generated_lesson_fits_a_1280_by_720_screen() {
    every_step_fits_at(egui::vec2(1280.0, 720.0));
}

#[test]
fn every_step_of_a_generated_lesson_fits_a_1920_by_1080_screen() {
    every_step_fits_at(egui::vec2(1920.0, 1080.0));
}
