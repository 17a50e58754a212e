//! Through each party's eyes, driven through the window: a red line rules a proposal out
//! (and undo brings it back), a perspective's own reading changes its totals only, a score
//! edited under a perspective asks where it goes, and "Everyone at once" says what no
//! perspective rules out.

mod common;

use egui_kittest::kittest::{NodeT, Queryable};

use concord::model::ScoreValue;
use concord::scoring::{Evaluation, Verdict, WeightSet};

use common::{choose, click, click_role, ctrl, H};

const PLO: &str = "PLO / Palestinian Authority (stated positions, late 2023)";

fn harness() -> H {
    common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    )
}

/// Chooses a perspective above the cards; the list closes with the choice.
fn look_through(h: &mut H, name: &str) {
    choose(h, "Weights:", name);
    // The list's popup may swallow the next click: close it as a person would.
    h.key_press(egui::Key::Escape);
    h.run();
}

/// Selects a row or a cell by giving it the keyboard (the row may be below the fold).
fn select(h: &mut H, label: &str) {
    common::node(h, label).focus();
    h.run();
}

fn verdict(h: &H, proposal: &str) -> Verdict {
    let s = &h.state().state;
    let i = s.scenario().proposal_index(proposal).unwrap();
    s.eval().verdicts[i].clone()
}

fn base_total(h: &H, proposal: &str) -> Option<f64> {
    let s = h.state().state.scenario();
    let i = s.proposal_index(proposal).unwrap();
    Evaluation::new(s, WeightSet::Base).standings[i].total
}

fn total(h: &H, proposal: &str) -> Option<f64> {
    let s = &h.state().state;
    let i = s.scenario().proposal_index(proposal).unwrap();
    s.eval().standings[i].total
}

#[test]
fn a_red_line_rules_proposals_out_and_undo_lets_them_back() {
    let mut h = harness();
    look_through(&mut h, PLO);
    assert_eq!(
        verdict(&h, "oslo"),
        Verdict::Accepted,
        "the PLO/PA has no red line yet"
    );
    select(&mut h, "Borders and territory");
    click(&mut h, "+ Add a red line");
    // The first red line on a four-level scale: at least the middle level, Partial.
    let line = &h
        .state()
        .state
        .scenario()
        .perspective_by_id("plo-pa")
        .unwrap()
        .red_lines[0];
    assert_eq!(line.criterion, "borders");
    assert!(verdict(&h, "oslo").is_ruled_out(), "Oslo left borders weak");
    assert!(verdict(&h, "abraham").is_ruled_out());
    // The Aqaba communiqués say nothing on borders: not addressed, never ruled out.
    assert_eq!(verdict(&h, "aqaba-plus"), Verdict::NotAddressed(vec![0]));
    assert!(h
        .query_all_by_label_contains("Not addressed for PLO / Palestinian Authority")
        .next()
        .is_some());
    assert_eq!(verdict(&h, "api"), Verdict::Accepted);
    // The card says so, and the proposal keeps its total and rank.
    assert!(
        h.query_all_by_label_contains("Ruled out by PLO / Palestinian Authority")
            .count()
            >= 2
    );
    assert!(total(&h, "oslo").is_some());
    ctrl(&mut h, egui::Key::Z);
    assert_eq!(verdict(&h, "oslo"), Verdict::Accepted);
    assert!(h.query_by_label_contains("Ruled out by PLO").is_none());
}

#[test]
fn a_score_edited_under_a_perspective_asks_and_a_reading_changes_only_its_totals() {
    let mut h = harness();
    let common_before = h.state().state.scenario().score("borders", "oslo").cloned();
    let base_before = base_total(&h, "oslo");
    look_through(&mut h, PLO);
    let plo_before = total(&h, "oslo");
    select(&mut h, "Oslo × Borders and territory");
    click(&mut h, "Strong");
    // Asked where the score goes.
    assert!(matches!(
        h.state().state.dialog(),
        Some(concord::app::Dialog::ScoreTarget(_))
    ));
    let short = concord::ui::widgets::short_label(PLO);
    click(&mut h, &format!("Write «{short}»'s reading"));
    let s = &h.state().state;
    let reading = s
        .scenario()
        .perspective_by_id("plo-pa")
        .unwrap()
        .reading("borders", "oslo")
        .cloned();
    assert_eq!(reading.and_then(|r| r.value), Some(ScoreValue::Level(3)));
    assert_eq!(
        s.scenario().score("borders", "oslo").cloned(),
        common_before,
        "the common score stays"
    );
    assert_eq!(
        base_total(&h, "oslo"),
        base_before,
        "the criteria weights' ranking is untouched"
    );
    assert!(
        total(&h, "oslo") > plo_before,
        "the PLO/PA's own total moved"
    );
    // The cell says it is a reading of its own; another edit of it is not asked about.
    {
        let s = &h.state().state;
        let (k, p) = (
            s.scenario().criterion_index("borders").unwrap(),
            s.scenario().proposal_index("oslo").unwrap(),
        );
        assert!(s.eval().is_read(k, p), "the table marks the cell");
    }
    h.get_by_label("The score below is this perspective's reading.");
    click_role(&mut h, egui::accesskit::Role::RadioButton, "Weak");
    assert!(h.state().state.dialog().is_none());
    let reading = h
        .state()
        .state
        .scenario()
        .perspective_by_id("plo-pa")
        .unwrap()
        .reading("borders", "oslo")
        .cloned();
    assert_eq!(reading.and_then(|r| r.value), Some(ScoreValue::Level(1)));
    // Removing the reading brings the common score back under the perspective.
    click(&mut h, &format!("Remove «{short}»'s reading"));
    assert!(h
        .state()
        .state
        .scenario()
        .perspective_by_id("plo-pa")
        .unwrap()
        .readings
        .is_empty());
    assert_eq!(total(&h, "oslo"), plo_before);
}

#[test]
fn everyone_at_once_says_what_no_perspective_rules_out_and_why() {
    let mut h = harness();
    click(&mut h, "Everyone at once");
    h.get_by_label_contains(
        "Acceptable to all (no perspective rules it out): Aqaba+; but Aqaba+ is silent",
    );
    h.get_by_label_contains("agree most (Kendall's τ");
    click(&mut h, "API under Hamas (2017 document)");
    h.get_by_label_contains("Mutual recognition and regional normalization: accepts at most Weak");
    click(&mut h, "Look through «Hamas (2017 document)»");
    let s = &h.state().state;
    assert_eq!(s.perspective(), Some("hamas-2017"));
    assert_eq!(s.main_view(), concord::app::MainView::Comparison);
    assert!(s.eval().verdicts[0].is_ruled_out());
    assert!(
        h.query_all_by_label_contains("Ruled out by Hamas (2017 document): Mutual recognition")
            .count()
            >= 1
    );
}

#[test]
fn a_criterion_added_later_is_not_stated_in_older_perspectives() {
    let mut h = harness();
    look_through(&mut h, PLO);
    click(&mut h, "+ Criterion");
    assert!(h.query_all_by_label("not stated").count() >= 1);
    let s = h.state().state.scenario();
    let new = s.criteria.last().unwrap();
    assert_eq!(
        s.perspective_by_id("plo-pa")
            .unwrap()
            .stated_weight(&new.id),
        None
    );
    assert!(
        s.perspective_by_id("plo-pa")
            .unwrap()
            .needs_format_2(&s.criteria),
        "a weight not stated needs format 2 to keep its meaning"
    );
    assert!(s.needed_format() >= 2);
}

#[test]
fn the_presentation_shows_each_perspective_then_all_of_them() {
    let mut h = harness();
    common::press(&mut h, egui::Key::F5);
    common::press(&mut h, egui::Key::End);
    h.get_by_label("Everyone at once");
    // The grid marks each verdict, and its legend says the marks in words.
    let marked = |mark: &str| {
        h.query_all_by_role(egui::accesskit::Role::Label)
            .filter(|n| {
                let node = n.accesskit_node();
                let text = node.label().or(node.value()).unwrap_or_default();
                text.ends_with(mark)
            })
            .count()
    };
    assert!(marked(" ✖") >= 5, "ruled out under several perspectives");
    assert!(
        marked(" ○") >= 5,
        "not addressed under several perspectives"
    );
    h.get_by_label_contains("✖ ruled out: a red line is crossed · ○ not addressed");
    // The last perspective, Qatar's, states no red line; three steps before it, Egypt and
    // Jordan's does.
    common::press(&mut h, egui::Key::ArrowLeft);
    h.get_by_label("Through Qatar (the Emir to the Shura Council, 24 October 2023)");
    assert_eq!(h.query_all_by_label_contains("— ruled out").count(), 0);
    common::press(&mut h, egui::Key::ArrowLeft);
    common::press(&mut h, egui::Key::ArrowLeft);
    common::press(&mut h, egui::Key::ArrowLeft);
    h.get_by_label("Through Egypt and Jordan (joint statements, October and December 2023)");
    h.get_by_label("Treats Gaza, the West Bank and East Jerusalem as one: accepts at least Weak");
    // Its ranking marks the texts silent on its red line: not addressed, not ruled out.
    let marked = |h: &H, mark: &str| -> Vec<String> {
        h.query_all_by_label_contains(mark)
            .map(|n| {
                let node = n.accesskit_node();
                node.label().or(node.value()).unwrap_or_default()
            })
            .collect()
    };
    let silent = marked(&h, "— not addressed");
    assert!(silent.iter().any(|l| l.contains("Abraham")), "{silent:?}");
    assert!(silent.iter().any(|l| l.contains("Aqaba+")), "{silent:?}");
    assert!(!silent.iter().any(|l| l.contains("API")), "{silent:?}");
    assert!(marked(&h, "— ruled out").is_empty());
}

/// As in a browser, which has no threads: a large scenario's "Everyone at once" is worked
/// out a perspective at a time between frames, with the window drawing and a note shown
/// meanwhile, and the result is the one worked out at once.
#[test]
fn everyone_at_once_on_a_large_scenario_is_worked_out_between_frames_as_in_a_browser() {
    let mut s = concord::synth::scenario(600, 200, 3);
    concord::synth::add_perspectives(&mut s, 20, 2, 30, 0, 4);
    assert!(s.scores.len() > 20_000, "large enough to be a task");
    let mut h = harness();
    let ctx = h.ctx.clone();
    *h.state_mut() =
        concord::ui::ConcordApp::with_document(&ctx, concord::app::Document::new(s, None));
    h.run();
    concord::platform::run_tasks_in_slices(true);
    h.get_by_label("Everyone at once").click();
    // The view opens at the end of this frame and starts the work in the next.
    h.step();
    h.step();
    let mut frames = 1;
    assert!(
        h.query_by_label("Working out every perspective…").is_some(),
        "a note while the work is under way"
    );
    while h.query_by_label("Working out every perspective…").is_some() {
        assert!(frames < 2_000, "never finished");
        h.step();
        frames += 1;
    }
    concord::platform::run_tasks_in_slices(false);
    assert!(
        frames > 2,
        "worked out in {frames} frames: nothing was spread"
    );
    h.run();
    let state = &h.state().state;
    let matrix = concord::analysis::perspectives::Matrix::compute(
        state.scenario(),
        &Evaluation::new(state.scenario(), WeightSet::Base),
    );
    let said = concord::analysis::perspectives::sentences(state.scenario(), &matrix);
    assert!(!said.is_empty());
    for sentence in &said {
        h.get_by_label(&format!("• {sentence}"));
    }
}

/// A screen reader hears each cell's value, whose reading it is and what the chosen
/// perspective's red line on it says, not only which cell it is.
#[test]
fn a_cell_is_heard_with_its_value_its_reader_and_the_red_line() {
    let mut h = harness();
    let blockade = common::cell_name(&h, "API × Ends the Gaza blockade");
    assert_eq!(
        blockade,
        "API × Ends the Gaza blockade — Weak; the lesson's score"
    );
    let silent = common::cell_name(&h, "Aqaba+ × Ends the Gaza blockade");
    assert!(
        silent.contains("— silent (the text says nothing)"),
        "{silent}"
    );
    let israel = "Israeli government (stated positions, late 2023)";
    choose(&mut h, "Weights:", israel);
    let armed = |p: &str| format!("{p} × Denies armed groups the capability to attack");
    let crossed = common::cell_name(&h, &armed("Confederation"));
    assert!(
        crossed.ends_with(&format!("; crosses {israel}'s red line")),
        "{crossed}"
    );
    let silent = common::cell_name(&h, &armed("API"));
    assert!(
        silent.ends_with(&format!(
            "; is silent on (neither met nor crossed) {israel}'s red line"
        )),
        "{silent}"
    );
    let met = common::cell_name(&h, &armed("Aqaba+"));
    assert!(
        met.ends_with(&format!("; meets {israel}'s red line")),
        "{met}"
    );
    assert!(met.contains(&format!("— Partial; {israel}'s")), "{met}");
    // Every cell in view says its value as the state has it.
    let s = &h.state().state;
    let mut heard = 0;
    for (k, c) in s.scenario().criteria.iter().enumerate() {
        for (p, proposal) in s.scenario().proposals.iter().enumerate() {
            let label = format!("{} × {}", proposal.label(), c.name);
            let Some(node) = h.query_by(|n| {
                n.label()
                    .is_some_and(|l| l.starts_with(&format!("{label} — ")))
            }) else {
                continue; // out of view
            };
            let name = node.accesskit_node().label().unwrap_or_default().to_owned();
            let value = s.eval().score(s.scenario(), k, p).and_then(|sc| sc.value);
            let word = match value {
                None => "unscored".to_owned(),
                Some(concord::model::ScoreValue::Silent) => "silent".to_owned(),
                Some(v) => c.value_text(Some(v)),
            };
            assert!(name.starts_with(&format!("{label} — {word}")), "{name}");
            heard += 1;
        }
    }
    assert!(heard >= 12, "the cells in view are heard: {heard}");
}
