//! Every slide fits, on lessons a teacher might write: generated lessons (2–12 proposals
//! with names up to 120 characters in Latin, Greek, Arabic and Hebrew, 1–30 criteria of
//! every scale kind, 0–12 parties with red lines, class rounds of 1–200 students) walked
//! step by step and part by part at 1024×768, 1280×720 and 1920×1080: every text of every
//! step lies inside the window, and no step holds a scroll bar.

mod common;

use egui::accesskit::Role;
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use concord::analysis::SplitMix64;
use concord::app::present::steps;
use concord::app::{Document, Prefs};
use concord::model::{
    Accepts, Citation, PerspectiveKind, Provision, RedLine, Scale, Scenario, Source,
};
use concord::ui::ConcordApp;

use common::{press, H};

/// Words of four scripts, so names mix them as a Cyprus or a Middle East lesson would.
const WORDS: [&[&str]; 4] = [
    &[
        "peace",
        "accord",
        "framework",
        "settlement",
        "interim",
        "federation",
        "plan",
        "bizonal",
        "bicommunal",
        "guarantees",
        "Nicosia",
        "referendum",
        "of",
        "the",
        "for",
    ],
    &[
        "ειρήνη",
        "συμφωνία",
        "σχέδιο",
        "ομοσπονδία",
        "Λευκωσία",
        "νησί",
        "εγγυήσεις",
    ],
    &["سلام", "اتفاق", "خطة", "دولة", "القدس", "مبادرة", "الحدود"],
    &[
        "שלום",
        "הסכם",
        "תוכנית",
        "מדינה",
        "ירושלים",
        "יוזמה",
        "גבולות",
    ],
];

/// A name of at most `max` characters, from words of one script or of several.
fn name(rng: &mut SplitMix64, max: usize) -> String {
    let target = 1 + rng.below(max as u64) as usize;
    let mixed = rng.below(3) == 0;
    let mut script = rng.below(4) as usize;
    let mut out = String::new();
    loop {
        if mixed {
            script = rng.below(4) as usize;
        }
        let list = WORDS[script];
        let word = list[rng.below(list.len() as u64) as usize];
        let next = if out.is_empty() {
            word.to_owned()
        } else {
            format!("{out} {word}")
        };
        if next.chars().count() > target {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        out = WORDS[script][0].chars().take(target).collect();
    }
    out
}

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

/// A lesson of `shape`: long and short names in four scripts, every scale kind, parties
/// with red lines, and a class round of students' readings.
fn lesson(shape: &Shape) -> Scenario {
    let mut rng = SplitMix64::new(shape.seed);
    let mut s = concord::synth::scenario(shape.proposals, shape.criteria, shape.seed);
    s.title = name(&mut rng, 120);
    s.description = (0..1 + rng.below(6))
        .map(|_| name(&mut rng, 120))
        .collect::<Vec<_>>()
        .join(". ");
    s.authors = vec![name(&mut rng, 40)];
    for i in 0..rng.below(12) {
        s.sources.push(Source {
            id: format!("extra{i}"),
            title: name(&mut rng, 120),
            publication: name(&mut rng, 60),
            date: "2004".into(),
            url: "https://example.org".into(),
            ..Source::default()
        });
    }
    for p in &mut s.proposals {
        p.name = name(&mut rng, 120);
        p.short_name = if rng.below(3) == 0 {
            String::new()
        } else {
            name(&mut rng, 24)
        };
        p.summary = name(&mut rng, 120);
        p.status = name(&mut rng, 120);
        p.proposer = name(&mut rng, 80);
        p.parties = (0..rng.below(5)).map(|_| name(&mut rng, 40)).collect();
        p.provisions = (0..rng.below(8))
            .map(|_| Provision {
                text: name(&mut rng, 120),
                criteria: Vec::new(),
            })
            .collect();
    }
    for c in &mut s.criteria {
        c.name = name(&mut rng, 120);
        c.description = name(&mut rng, 120);
        if let Scale::Levels(levels) = &mut c.scale {
            *levels = (0..2 + rng.below(5)).map(|_| name(&mut rng, 24)).collect();
        }
    }
    // Values on the new level scales.
    let criteria = s.criteria.clone();
    for sc in &mut s.scores {
        let c = criteria.iter().find(|c| c.id == sc.criterion).unwrap();
        if let (Scale::Levels(levels), Some(concord::model::ScoreValue::Level(i))) =
            (&c.scale, sc.value)
        {
            sc.value = Some(concord::model::ScoreValue::Level(i % levels.len() as u32));
        }
        sc.rationale = (0..1 + rng.below(3))
            .map(|_| name(&mut rng, 120))
            .collect::<Vec<_>>()
            .join(". ");
    }
    concord::synth::add_perspectives(&mut s, shape.parties, 3, 4, 0, shape.seed ^ 7);
    for view in &mut s.perspectives {
        view.name = name(&mut rng, 120);
        view.description = name(&mut rng, 120);
        view.sources = vec![Citation {
            source: "src".into(),
            ..Citation::default()
        }];
        for line in &mut view.red_lines {
            line.reason = name(&mut rng, 120);
        }
    }
    // Red lines of every kind the scales allow.
    if let Some(view) = s.perspectives.first_mut() {
        for c in &criteria {
            if view.red_line(&c.id).is_some() {
                continue;
            }
            let accepts = match &c.scale {
                Scale::YesNo => Accepts::Yes,
                Scale::Levels(_) => Accepts::Levels(vec![1]),
                Scale::Numeric { .. } => Accepts::Range {
                    min: Some(5.0),
                    max: None,
                },
            };
            view.red_lines.push(RedLine {
                criterion: c.id.clone(),
                accepts,
                reason: name(&mut rng, 120),
                evidence: Vec::new(),
                silence_crosses: String::new(),
            });
            break;
        }
    }
    let template = s.clone();
    for i in 0..shape.students {
        let student = name(&mut rng, 40);
        let copy = concord::analysis::round::sample_copy(
            &template,
            shape.seed ^ (i as u64 + 11),
            &student,
        );
        let mut reading =
            concord::model::collect::collect(&s, &copy, &student, &format!("student-{i}.ron"))
                .perspective;
        reading.kind = PerspectiveKind::Student;
        s.perspectives.push(reading);
    }
    assert!(
        concord::io::validate(&s).is_empty(),
        "{:?}",
        concord::io::validate(&s)
    );
    s
}

/// Every text of the slide on screen lies inside the window, and nothing scrolls.
fn check_slide(h: &H, what: &str) -> Result<(), TestCaseError> {
    let window = h.ctx.content_rect();
    for node in h.query_all_by_role(Role::Label) {
        let r = node.rect();
        prop_assert!(
            window.contains_rect(r),
            "{what}: {:?} at {r:?} is outside {window:?}",
            node.accesskit_node().value().unwrap_or_default()
        );
    }
    prop_assert!(
        h.query_all_by_role(Role::ScrollBar).next().is_none(),
        "{what}: a scroll bar"
    );
    Ok(())
}

/// Walks every step and part of `s`'s presentation in `h`.
fn walk(h: &mut H, s: Scenario, size: egui::Vec2) -> Result<(), TestCaseError> {
    let ctx = h.ctx.clone();
    *h.state_mut() = ConcordApp::with_document(&ctx, Document::new(s, None));
    h.run();
    press(h, Key::F5);
    let n = steps(h.state().state.scenario()).len();
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
