//! Silence is not a no, driven through the window: a cell marked Silent (set by the
//! inspector or by a key, undone, saved, reopened, shown on a slide), red lines a silent
//! text leaves "not addressed" in the matrix and its sentences, and a reason written for an
//! older score flagged until it is edited or confirmed.

mod common;

use egui::accesskit::Role;
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};

use concord::io::load_path;
use concord::model::ScoreValue;
use concord::scoring::Verdict;

use common::{choose, click, click_role, ctrl, ctrl_shift, press, type_keys, H};

const ISRAEL: &str = "Israeli government (stated positions, late 2023)";

fn harness() -> H {
    common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    )
}

fn value(h: &H, c: &str, p: &str) -> Option<ScoreValue> {
    h.state()
        .state
        .scenario()
        .score(c, p)
        .and_then(|sc| sc.value)
}

fn verdict(h: &H, proposal: &str) -> Verdict {
    let s = &h.state().state;
    let i = s.scenario().proposal_index(proposal).unwrap();
    s.eval().verdicts[i].clone()
}

#[test]
fn a_silent_cell_is_set_undone_saved_reopened_and_shown_on_a_slide() {
    let mut h = harness();
    let before = value(&h, "blockade", "api");
    assert_eq!(before, Some(ScoreValue::Level(1)));
    click(&mut h, "API × Ends the Gaza blockade");
    click_role(&mut h, Role::RadioButton, "Silent (says nothing)");
    assert_eq!(value(&h, "blockade", "api"), Some(ScoreValue::Silent));
    // Drawn as silence in the inspector, and explained.
    h.get_by_label_contains("Shown as: Silent — the text says nothing on this");
    // Undo brings the level back, redo the silence.
    ctrl(&mut h, Key::Z);
    assert_eq!(value(&h, "blockade", "api"), before);
    ctrl_shift(&mut h, Key::Z);
    assert_eq!(value(&h, "blockade", "api"), Some(ScoreValue::Silent));
    // Saved in format 5 and read back as silence.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("silent.ron");
    ctrl_shift(&mut h, Key::S);
    h.get_by_role_and_label(Role::TextInput, "File path")
        .focus();
    h.run();
    type_keys(&mut h, path.to_str().unwrap());
    click(&mut h, "Save");
    assert!(!h.state().state.doc().is_dirty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format: 5,"), "a silent cell needs format 5");
    assert!(text.contains("value: Silent,"));
    let loaded = load_path(&path).unwrap();
    assert_eq!(
        loaded.score("blockade", "api").unwrap().value,
        Some(ScoreValue::Silent)
    );
    // Reopened in a fresh window, from the file on disk.
    let mut again = harness();
    let doc = concord::app::Document::new(loaded, Some(path.clone()));
    *again.state_mut() = concord::ui::ConcordApp::with_document(&again.ctx.clone(), doc);
    again.run();
    assert_eq!(value(&again, "blockade", "api"), Some(ScoreValue::Silent));
    // On the blockade's slide the cell says what silence means, with its number.
    press(&mut again, Key::F5);
    let mut words = Vec::new();
    for _ in 0..12 {
        for node in again.query_all_by_role(Role::Label) {
            if let Some(v) = node.accesskit_node().value() {
                words.push(v.to_owned());
            }
        }
        if words.iter().any(|w| w == "Criterion 1 of 15") {
            break;
        }
        words.clear();
        press(&mut again, Key::ArrowRight);
    }
    assert!(words.iter().any(|w| w == "Silent"), "{words:?}");
    assert!(
        words
            .iter()
            .any(|w| w.starts_with("the text says nothing: counts as 0 / 100")),
        "{words:?}"
    );
}

#[test]
fn zero_typed_on_a_level_cell_marks_the_text_silent() {
    let mut h = harness();
    common::node(&h, "Oslo × Ends the Gaza blockade").focus();
    h.run();
    h.event(egui::Event::Text("0".into()));
    h.run();
    assert_eq!(value(&h, "blockade", "oslo"), Some(ScoreValue::Silent));
    h.event(egui::Event::Text("3".into()));
    h.run();
    assert_eq!(value(&h, "blockade", "oslo"), Some(ScoreValue::Level(2)));
}

#[test]
fn a_silent_text_is_not_addressed_in_the_matrix_and_its_sentences_not_ruled_out() {
    let mut h = harness();
    // The accords say nothing on armed groups: the government that signed them does not
    // rule them out; its line is neither met nor crossed.
    choose(&mut h, "Weights:", ISRAEL);
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        value(&h, "armed-groups", "abraham"),
        Some(ScoreValue::Silent)
    );
    assert!(matches!(verdict(&h, "abraham"), Verdict::NotAddressed(_)));
    assert!(
        h.query_all_by_label_contains("Not addressed for Israeli government")
            .count()
            >= 1,
        "the card says not addressed"
    );
    assert!(h
        .query_by_label_contains(
            "Ruled out by Israeli government (stated positions, late 2023): Denies armed groups"
        )
        .is_some_and(|n| !n
            .accesskit_node()
            .label()
            .unwrap_or_default()
            .contains("Abraham")));
    // Everyone at once: the sentence and the matrix cell.
    click(&mut h, "Everyone at once");
    h.get_by_label_contains(
        "Abraham says nothing on “Denies armed groups the capability to attack” (Israeli government (stated positions, late 2023)'s red line)",
    );
    assert!(h.query_all_by_label_contains("is ruled out").all(|n| !n
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .starts_with("Abraham")));
    click(&mut h, &format!("Abraham under {ISRAEL}"));
    h.get_by_label_contains(
        "not addressed: the text is silent, so the line is neither met nor crossed",
    );
}

#[test]
fn a_reason_written_for_the_old_score_is_flagged_until_edited_or_confirmed() {
    let mut h = harness();
    click(&mut h, "API × Ends the Gaza blockade");
    click_role(&mut h, Role::RadioButton, "Partial");
    let cell = || {
        |h: &H| {
            h.state()
                .state
                .scenario()
                .score("blockade", "api")
                .cloned()
                .unwrap()
        }
    };
    assert_eq!(cell()(&h).value, Some(ScoreValue::Level(2)));
    assert_eq!(cell()(&h).reason_written_for, Some(ScoreValue::Level(1)));
    h.get_by_label_contains("Reason written for Weak");
    // The content check says the same.
    let notes = concord::io::health::cell_notes(h.state().state.scenario(), "blockade", "api");
    assert!(notes
        .iter()
        .any(|n| n.concern == concord::io::health::Concern::StaleReason));
    // Confirmed: the flag goes, and undo brings it back.
    click(&mut h, "Confirm reason");
    assert_eq!(cell()(&h).reason_written_for, None);
    assert!(h.query_by_label_contains("Reason written for").is_none());
    ctrl(&mut h, Key::Z);
    assert_eq!(cell()(&h).reason_written_for, Some(ScoreValue::Level(1)));
    // Back to the level the reason was written for: nothing to flag.
    click_role(&mut h, Role::RadioButton, "Weak");
    assert_eq!(cell()(&h).reason_written_for, None);
    // Changed again, then the reason edited by typing: the flag goes.
    click_role(&mut h, Role::RadioButton, "Strong");
    assert_eq!(cell()(&h).reason_written_for, Some(ScoreValue::Level(1)));
    h.get_by_role_and_label(Role::MultilineTextInput, "Rationale")
        .focus();
    h.run();
    h.key_press(Key::End);
    h.run();
    type_keys(&mut h, " Now Strong.");
    assert_eq!(cell()(&h).reason_written_for, None);
    assert!(cell()(&h).rationale.ends_with(" Now Strong."));
}

#[test]
fn a_red_line_that_states_why_silence_crosses_it_rules_a_silent_text_out_and_says_why() {
    let mut h = harness();
    choose(&mut h, "Weights:", ISRAEL);
    h.key_press(Key::Escape);
    h.run();
    assert!(matches!(verdict(&h, "abraham"), Verdict::NotAddressed(_)));
    // The criterion's row, below the fold for a mouse: given the keyboard, as a person would.
    h.get_by_label("Denies armed groups the capability to attack")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Silence crosses it because")
        .focus();
    h.run();
    let reason = "The party says any deal must disarm Hamas.";
    type_keys(&mut h, reason);
    let s = h.state().state.scenario();
    let line = &s.perspective_by_id("israel-gov").unwrap().red_lines[0];
    assert_eq!(line.silence_crosses, reason);
    // Now the accords' silence crosses it, and the sentence quotes the stated reason.
    assert!(verdict(&h, "abraham").is_ruled_out());
    assert!(verdict(&h, "api").is_ruled_out());
    click(&mut h, "Everyone at once");
    let quoted = h
        .query_all_by_label_contains(&format!("which that line counts as crossing it: {reason}"))
        .count();
    assert_eq!(quoted, 2, "the API's and the accords' sentences quote it");
    // One undo takes the typed reason back, and the text is not addressed again.
    ctrl(&mut h, Key::Z);
    assert!(matches!(verdict(&h, "abraham"), Verdict::NotAddressed(_)));
}

#[test]
fn the_scenario_says_how_silence_counts_and_totals_follow() {
    let mut h = harness();
    let total = |h: &H, p: &str| {
        let s = &h.state().state;
        s.eval().standings[s.scenario().proposal_index(p).unwrap()]
    };
    let before = total(&h, "abraham");
    assert_eq!(before.coverage, 1.0, "silence counts as the lowest level");
    choose(&mut h, "A silent text counts", "not at all (left out)");
    assert_eq!(
        h.state().state.scenario().silence,
        concord::model::Silence::LeftOut
    );
    let after = total(&h, "abraham");
    // Eight of fifteen equal weights are silent: left out, the total rests on the rest.
    assert!((after.coverage - 7.0 / 15.0).abs() < 1e-9, "{after:?}");
    assert!(after.total > before.total);
    // The card explains it, and the file says so (format 5).
    let card = "Silent on 8 criteria";
    h.get_by_label(card);
    assert!(concord::io::to_ron_string(h.state().state.scenario())
        .unwrap()
        .contains("silence: LeftOut,"));
    ctrl(&mut h, Key::Z);
    assert_eq!(total(&h, "abraham"), before);
}
