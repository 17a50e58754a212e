//! The comparison window driven as a user would: find widgets by label, click, type, press
//! keys; then assert on the state and on the files written.

mod common;

use concord::app::DocMsg;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

use concord::app::{Dialog, Selection};
use concord::io::load_path;
use concord::model::ScoreValue;

use common::{
    activate, choose, click, click_role, ctrl, ctrl_shift, press, retype, type_keys, type_lines, H,
};

fn harness() -> H {
    common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    )
}

fn total_of(h: &H, proposal: &str) -> Option<f64> {
    let s = &h.state().state;
    let i = s.scenario().proposal_index(proposal).unwrap();
    s.eval().standings[i].total
}

fn rank_of(h: &H, proposal: &str) -> Option<usize> {
    let s = &h.state().state;
    let i = s.scenario().proposal_index(proposal).unwrap();
    s.eval().standings[i].rank
}

/// Drags the widget labelled `from` onto the one labelled `to`, in steps as a hand does, so
/// egui sees a drag and not a click.
fn drag(h: &mut H, from: &str, to: &str) {
    let (from, to) = (
        h.get_by_label(from).rect().center(),
        h.get_by_label(to).rect().center(),
    );
    h.drag_at(from);
    h.run();
    for i in 1..=5 {
        h.hover_at(from + (to - from) * (i as f32 / 5.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
}

/// The cell of proposal `p` on criterion `c`, which must exist.
fn cell(h: &H, c: &str, p: &str) -> concord::model::Score {
    h.state()
        .state
        .scenario()
        .score(c, p)
        .expect("the cell exists")
        .clone()
}

/// Replaces the text of a field found by role and label.
fn type_into(h: &mut H, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

#[test]
fn opens_on_the_default_scenario() {
    let h = harness();
    let s = &h.state().state;
    assert_eq!(s.scenario().proposals.len(), 5);
    for name in [
        "Arab Peace Initiative",
        "Abraham Accords (bilateral normalization)",
    ] {
        h.get_by_label(name);
    }
    // Each card shows its rank; with equal weights the Oslo model comes first and the
    // confederation second.
    assert_eq!(h.query_all_by_label("1st of 5").count(), 1);
    assert_eq!(rank_of(&h, "oslo"), Some(1));
    assert_eq!(rank_of(&h, "land-for-all"), Some(2));
    assert_eq!(rank_of(&h, "api"), Some(3));
    // A text silent on a criterion says so on its card.
    assert!(h.query_all_by_label("Silent on 8 criteria").count() >= 1);
    // A lesson never saved is named by its title, not "Untitled".
    assert_eq!(
        s.title(),
        "After the Gaza cease-fire: which way to a settlement? — Concord"
    );
}

#[test]
fn changing_a_score_changes_total_and_rank() {
    let mut h = harness();
    let before = total_of(&h, "abraham").unwrap();
    assert_eq!(rank_of(&h, "abraham"), Some(5));
    click(&mut h, "Abraham × Ends the Gaza blockade");
    assert_eq!(
        *h.state().state.selection(),
        Selection::Cell("blockade".into(), "abraham".into())
    );
    click(&mut h, "Strong");
    let after = total_of(&h, "abraham").unwrap();
    // One criterion of 15 (equal weights, all scored) moves from Silent (counted as the
    // lowest level, 0) to Strong (1).
    let covered = 15.0;
    assert!(
        (after - before - 1.0 / covered).abs() < 1e-9,
        "{before} → {after}"
    );
    assert_eq!(
        rank_of(&h, "abraham"),
        Some(5),
        "not yet past the Aqaba format"
    );
    h.get_by_label(&format!("{:.0}", after * 100.0));
    // A second cell read as Strong (from Silent) takes it past Aqaba+ (29).
    click(
        &mut h,
        "Abraham × Treats Gaza, the West Bank and East Jerusalem as one",
    );
    click(&mut h, "Strong");
    let again = total_of(&h, "abraham").unwrap();
    assert!(
        (again - after - 1.0 / covered).abs() < 1e-9,
        "{after} → {again}"
    );
    assert_eq!(
        rank_of(&h, "abraham"),
        Some(4),
        "overtakes the Aqaba format"
    );
}

#[test]
fn changing_a_weight_updates_totals_in_the_same_frame() {
    let mut h = harness();
    let before = total_of(&h, "api").unwrap();
    h.get_by_label("Weight of Ends the Gaza blockade")
        .set_value_accesskit(4.0);
    h.run();
    let s = &h.state().state;
    assert_eq!(s.scenario().criteria[0].weight, 4.0);
    let after = total_of(&h, "api").unwrap();
    assert!(after != before);
    // API scores Weak (1/3) on the blockade and is scored on all 15 criteria: the other
    // fourteen sum to 15·before − 1/3, and with weight 4 of 18 the total is their sum plus
    // 4·1/3, over 18.
    let others = 15.0 * before - 1.0 / 3.0;
    assert!(
        (after - (4.0 / 3.0 + others) / 18.0).abs() < 1e-9,
        "{before} → {after}"
    );
}

#[test]
fn a_weight_drag_is_one_undo_step_named_in_the_edit_menu() {
    let mut h = harness();
    for w in [1.5, 2.0, 2.5, 3.0] {
        h.get_by_label("Weight of Ends the Gaza blockade")
            .set_value_accesskit(w);
        h.run();
    }
    assert_eq!(
        h.state().state.history().undo_label(),
        Some("weight of Ends the Gaza blockade")
    );
    assert_eq!(h.state().state.history().undo_len(), 1);
    click(&mut h, "Edit");
    h.get_by_label_contains("Undo: weight of Ends the Gaza blockade");
    h.key_press(Key::Escape);
    h.run();
    ctrl(&mut h, Key::Z);
    let k = 0;
    assert_eq!(h.state().state.scenario().criteria[k].weight, 1.0);
    ctrl_shift(&mut h, Key::Z);
    assert_eq!(h.state().state.scenario().criteria[k].weight, 3.0);
}

#[test]
fn add_rename_and_delete_a_criterion_with_undo() {
    let mut h = harness();
    let n = h.state().state.scenario().criteria.len();
    click(&mut h, "+ Criterion");
    assert_eq!(h.state().state.scenario().criteria.len(), n + 1);
    type_into(&mut h, Role::TextInput, "Name", "Humanitarian access");
    assert_eq!(
        h.state().state.scenario().criteria[n].name,
        "Humanitarian access"
    );
    // Typing is one step; undo renames back, a second undo removes the row.
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().state.scenario().criteria[n].name,
        format!("New criterion {}", n + 1)
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().state.scenario().criteria.len(), n);
    ctrl(&mut h, Key::Y);
    ctrl(&mut h, Key::Y);
    assert_eq!(
        h.state().state.scenario().criteria[n].name,
        "Humanitarian access"
    );
    click(&mut h, "Delete");
    assert_eq!(h.state().state.scenario().criteria.len(), n);
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().state.scenario().criteria[n].name,
        "Humanitarian access"
    );
}

#[test]
fn reorder_a_criterion_and_undo() {
    let mut h = harness();
    click(&mut h, "Ends the Gaza blockade");
    click(&mut h, "▼ Move down");
    let ids: Vec<String> = h
        .state()
        .state
        .scenario()
        .criteria
        .iter()
        .take(2)
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(ids, ["armed-groups", "blockade"]);
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().state.scenario().criteria[0].id, "blockade");
}

#[test]
fn deleting_a_criterion_removes_its_scores_and_undo_restores_them() {
    let mut h = harness();
    let cells = |h: &H| {
        h.state()
            .state
            .scenario()
            .scores
            .iter()
            .filter(|s| s.criterion == "blockade")
            .count()
    };
    assert_eq!(cells(&h), 5);
    let totals_before: Vec<_> = h.state().state.eval().standings.clone();
    click(&mut h, "Ends the Gaza blockade");
    click(&mut h, "Delete");
    assert_eq!(cells(&h), 0);
    assert!(h
        .state()
        .state
        .scenario()
        .criterion_index("blockade")
        .is_none());
    ctrl(&mut h, Key::Z);
    assert_eq!(cells(&h), 5);
    assert_eq!(h.state().state.eval().standings, totals_before);
}

#[test]
fn add_rename_reorder_and_delete_a_proposal_with_undo() {
    let mut h = harness();
    click(&mut h, "+ Proposal");
    let s = &h.state().state;
    assert_eq!(s.scenario().proposals.len(), 6);
    let Selection::Proposal(id) = s.selection().clone() else {
        panic!("the new proposal is selected")
    };
    type_into(&mut h, Role::TextInput, "Name", "Regional security pact");
    assert_eq!(
        h.state().state.scenario().proposals[5].name,
        "Regional security pact"
    );
    click(&mut h, "◀ Move left");
    assert_eq!(h.state().state.scenario().proposals[4].id, id);
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().state.scenario().proposals[5].id, id);
    click(&mut h, "Delete");
    assert_eq!(h.state().state.scenario().proposals.len(), 5);
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().state.scenario().proposals[5].name,
        "Regional security pact"
    );
}

#[test]
fn the_delete_key_deletes_the_selection_but_not_while_typing() {
    let mut h = harness();
    click(&mut h, "Abraham Accords (bilateral normalization)");
    assert_eq!(
        *h.state().state.selection(),
        Selection::Proposal("abraham".into())
    );
    // In the inspector's Name field, Delete deletes a character, not the proposal.
    h.get_by_role_and_label(Role::TextInput, "Name").focus();
    h.run();
    h.key_press(Key::Home);
    h.key_press(Key::Delete);
    h.run();
    let s = h.state().state.scenario();
    assert_eq!(s.proposals.len(), 5);
    assert_eq!(
        s.proposals[3].name,
        "braham Accords (bilateral normalization)"
    );
    ctrl(&mut h, Key::Z);
    click(&mut h, "Abraham Accords (bilateral normalization)");
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().state.scenario().proposals.len(), 4);
    assert!(h.state().state.status().contains("Ctrl+Z to undo"));
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().state.scenario().proposals.len(), 5);
    // On a cell, Delete clears the score and keeps the rationale.
    click(&mut h, "Aqaba+ × Ends the Gaza blockade");
    h.key_press(Key::Delete);
    h.run();
    let c = cell(&h, "blockade", "aqaba-plus");
    assert_eq!(c.value, None);
    assert!(!c.rationale.is_empty());
    ctrl(&mut h, Key::Z);
    assert!(cell(&h, "blockade", "aqaba-plus").value.is_some());
}

#[test]
fn a_new_proposal_is_unscored_not_zero() {
    let mut h = harness();
    click(&mut h, "+ Proposal");
    let s = &h.state().state;
    let st = s.eval().standings[5];
    assert_eq!(st.total, None);
    assert_eq!(st.rank, None);
    assert_eq!(rank_of(&h, "api"), Some(3), "ranks of others unchanged");
    assert_eq!(rank_of(&h, "oslo"), Some(1), "ranks of others unchanged");
}

#[test]
fn duplicating_a_proposal_copies_its_scores() {
    let mut h = harness();
    click(&mut h, "Arab Peace Initiative");
    click(&mut h, "Duplicate");
    let s = &h.state().state;
    assert_eq!(
        s.scenario().proposals[1].name,
        "Arab Peace Initiative (copy)"
    );
    assert_eq!(s.eval().standings[1].total, s.eval().standings[0].total);
    assert_eq!(
        s.eval().standings[1].rank,
        s.eval().standings[0].rank,
        "equal totals share a rank"
    );
}

#[test]
fn editing_a_rationale_and_undo() {
    let mut h = harness();
    click(&mut h, "API × Ends the Gaza blockade");
    let original = cell(&h, "blockade", "api").rationale.clone();
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Rationale",
        "The class thinks otherwise.",
    );
    assert_eq!(
        cell(&h, "blockade", "api").rationale,
        "The class thinks otherwise."
    );
    assert!(h.state().state.doc().is_dirty());
    ctrl(&mut h, Key::Z);
    assert_eq!(cell(&h, "blockade", "api").rationale, original);
}

#[test]
fn adding_and_editing_evidence() {
    let mut h = harness();
    click(&mut h, "API × Ends the Gaza blockade");
    let n = cell(&h, "blockade", "api").evidence.len();
    click(&mut h, "+ Add citation");
    let ev = cell(&h, "blockade", "api").evidence.clone();
    assert_eq!(ev.len(), n + 1);
    let locators = h
        .get_all_by_role_and_label(Role::TextInput, "Locator")
        .count();
    assert_eq!(locators, n + 1);
    let last = h
        .get_all_by_role_and_label(Role::TextInput, "Locator")
        .last()
        .unwrap();
    last.focus();
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, "Locator")
        .last()
        .unwrap()
        .type_text("para. 3");
    h.run();
    let ev = cell(&h, "blockade", "api").evidence.clone();
    assert_eq!(ev[n].locator, "para. 3");
    assert_eq!(ev[n].source, h.state().state.scenario().sources[0].id);
    ctrl(&mut h, Key::Z);
    ctrl(&mut h, Key::Z);
    assert_eq!(cell(&h, "blockade", "api").evidence.len(), n);
}

#[test]
fn unscoring_a_cell_leaves_it_out_of_the_total() {
    let mut h = harness();
    click(&mut h, "API × Ends the Gaza blockade");
    click(&mut h, "Not scored");
    let s = &h.state().state;
    let sc = s
        .scenario()
        .score("blockade", "api")
        .expect("the rationale is kept");
    assert_eq!(sc.value, None);
    assert!((s.eval().standings[0].coverage - 14.0 / 15.0).abs() < 1e-9);
    click(&mut h, "Partial");
    assert_eq!(
        cell(&h, "blockade", "api").value,
        Some(ScoreValue::Level(2))
    );
}

#[test]
fn save_as_to_a_path_and_load_it_back_equal() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.ron");
    click(&mut h, "Aqaba+ × Ends the Gaza blockade");
    click(&mut h, "Strong");
    assert!(
        h.state().state.title().starts_with("• "),
        "the title marks unsaved changes"
    );
    ctrl_shift(&mut h, Key::S);
    type_into(&mut h, Role::TextInput, "File path", path.to_str().unwrap());
    click(&mut h, "Save");
    let s = &h.state().state;
    assert!(!s.doc().is_dirty());
    assert_eq!(s.title(), "class.ron — Concord");
    let loaded = load_path(&path).unwrap();
    assert_eq!(&loaded, s.scenario());
    assert_eq!(
        loaded.score("blockade", "aqaba-plus").unwrap().value,
        Some(ScoreValue::Level(3))
    );
    assert_eq!(s.prefs().recent.first(), Some(&path));
}

#[test]
fn exporting_the_table_as_csv_writes_what_the_table_shows() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.csv");
    click(&mut h, "File");
    click(&mut h, "Export table as CSV…");
    type_into(&mut h, Role::TextInput, "File path", path.to_str().unwrap());
    click(&mut h, "Export");
    let csv = std::fs::read_to_string(&path).expect("the table was written");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("criterion,group,weight,share,Arab Peace Initiative,"));
    assert!(
        lines[1]
            .starts_with("Ends the Gaza blockade,Gaza,1,0.0667,Weak,Partial,Silent,Silent,Partial"),
        "{}",
        lines[1]
    );
    let s = &h.state().state;
    assert_eq!(lines.len(), 1 + s.scenario().criteria.len() + 3);
    assert!(s.status().contains("Exported the table"));
    // The ranking row agrees with the cards.
    let ranks = lines[lines.len() - 2];
    let api = s.scenario().proposal_index("api").unwrap();
    let rank_of_api = ranks.split(',').nth(4 + api).unwrap();
    assert_eq!(rank_of_api, rank_of(&h, "api").unwrap().to_string());
}

/// Opens a copy of the valid test file, saved as `name` in `dir`; returns its path.
fn open_a_copy(h: &mut H, dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::copy("tests/data/valid.ron", &path).unwrap();
    h.state_mut().state.open_path(&path);
    h.run();
    path
}

#[test]
fn ctrl_s_on_a_saved_file_saves_in_place() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = open_a_copy(&mut h, dir.path(), "in-place.ron");
    h.get_by_label("Weight of Refugees")
        .set_value_accesskit(5.0);
    h.run();
    ctrl(&mut h, Key::S);
    assert!(h.state().state.dialog().is_none());
    assert_eq!(load_path(&path).unwrap().criteria[0].weight, 5.0);
}

#[test]
fn undoing_back_to_the_saved_state_makes_the_document_clean() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = open_a_copy(&mut h, dir.path(), "clean.ron");
    assert_eq!(h.state().state.title(), "clean.ron — Concord");
    h.get_by_label("Weight of Refugees")
        .set_value_accesskit(5.0);
    h.run();
    assert_eq!(h.state().state.title(), "• clean.ron — Concord");
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().state.title(), "clean.ron — Concord");
    ctrl_shift(&mut h, Key::Z);
    assert!(
        h.state().state.doc().is_dirty(),
        "redo leaves the saved state again"
    );
    // Saved here, the weight of 5 is the clean state; undoing leaves it.
    ctrl(&mut h, Key::S);
    assert!(!h.state().state.doc().is_dirty());
    ctrl(&mut h, Key::Z);
    assert!(h.state().state.doc().is_dirty());
    ctrl_shift(&mut h, Key::Z);
    assert!(!h.state().state.doc().is_dirty());
    assert_eq!(load_path(&path).unwrap().criteria[0].weight, 5.0);
}

#[test]
fn opening_a_broken_file_shows_errors_and_keeps_the_document() {
    let mut h = harness();
    click(&mut h, "Aqaba+ × Ends the Gaza blockade");
    click(&mut h, "Strong");
    let before = h.state().state.scenario().clone();
    ctrl(&mut h, Key::O);
    // Unsaved changes: answer the prompt first.
    click(&mut h, "Don't save");
    type_into(
        &mut h,
        Role::TextInput,
        "File path",
        "tests/data/invalid/many_problems.ron",
    );
    click(&mut h, "Open");
    let s = &h.state().state;
    assert!(matches!(s.dialog(), Some(Dialog::LoadFailed(_))));
    h.get_by_label("The file could not be opened");
    // The path typed is shown in full.
    let full = std::path::absolute("tests/data/invalid/many_problems.ron").unwrap();
    h.get_by_label(&format!(
        r#"{}:15:21: criteria[0] "refugees": weight -2 must be ≥ 0"#,
        full.display()
    ));
    assert_eq!(h.state().state.scenario(), &before);
    click(&mut h, "OK");
    assert!(h.state().state.dialog().is_none());
    assert!(
        h.state().state.doc().is_dirty(),
        "the unsaved changes are still there"
    );
}

/// The lesson with one unsaved edit (API scored Strong on the blockade), and the scenario
/// as it stands after it.
fn harness_with_an_edit() -> (H, concord::model::Scenario) {
    let mut h = harness();
    click(&mut h, "API × Ends the Gaza blockade");
    click(&mut h, "Strong");
    let edited = h.state().state.scenario().clone();
    (h, edited)
}

#[test]
fn unsaved_prompt_on_new_cancel_keeps_the_document() {
    let (mut h, before) = harness_with_an_edit();
    ctrl(&mut h, Key::N);
    h.get_by_label("Save your changes?");
    click(&mut h, "Cancel");
    assert_eq!(h.state().state.scenario(), &before);
    assert!(h.state().state.doc().is_dirty());
    ctrl(&mut h, Key::N);
    click(&mut h, "Don't save");
    assert_eq!(h.state().state.scenario().title, "New comparison");
    assert!(!h.state().state.doc().is_dirty());
}

#[test]
fn escape_answers_a_dialog_with_its_cancel() {
    let (mut h, before) = harness_with_an_edit();
    // Escape on "Save your changes?" is Cancel: nothing saved, nothing discarded.
    ctrl(&mut h, Key::N);
    h.get_by_label("Save your changes?");
    press(&mut h, Key::Escape);
    assert!(h.state().state.dialog().is_none());
    assert_eq!(h.state().state.scenario(), &before);
    assert!(h.state().state.doc().is_dirty());
    // And on the path field of Save As: the file is not saved.
    ctrl_shift(&mut h, Key::S);
    h.get_by_label("File path");
    type_keys(&mut h, "x");
    press(&mut h, Key::Escape);
    assert!(h.state().state.dialog().is_none());
    assert!(h.state().state.doc().is_dirty());
    assert!(h.state().state.doc().path.is_none());
}

#[test]
fn the_blank_template_guides_with_hints_not_text_to_delete() {
    let mut h = harness();
    ctrl(&mut h, Key::N);
    let s = h.state().state.scenario().clone();
    assert!(s.description.is_empty() && s.proposals.iter().all(|p| p.summary.is_empty()));
    let hint = "Select the card to say who proposed it and what it proposes.";
    assert_eq!(
        h.query_all_by_label(hint).count(),
        2,
        "one on each empty card"
    );
    // Proposal A gets a summary, typed key by key: its card shows it instead of the hint.
    click(&mut h, "Proposal A");
    type_lines(&mut h, "Summary", &["Shared institutions."]);
    h.get_by_label("Shared institutions.");
    assert_eq!(h.query_all_by_label(hint).count(), 1);
}

#[test]
fn a_new_proposal_or_criterion_is_named_by_typing_straight_away() {
    let mut h = harness();
    let n = h.state().state.scenario().proposals.len();
    let before_scores = h.state().state.scenario().scores.len();
    // Ctrl+Shift+P, then the name, key by key: no click on the field first.
    ctrl_shift(&mut h, Key::P);
    type_keys(&mut h, "Oslo II");
    let s = h.state().state.scenario();
    assert_eq!(s.proposals.len(), n + 1);
    assert_eq!(
        s.proposals[n].name, "Oslo II",
        "typing replaced “New proposal 6”"
    );
    // The same for a criterion, then Tab goes on to its description.
    ctrl_shift(&mut h, Key::C);
    type_keys(&mut h, "Water");
    assert_eq!(
        h.state().state.scenario().criteria.last().unwrap().name,
        "Water"
    );
    // Choosing another item and coming back does not take the keyboard again.
    click(&mut h, "Oslo II × Water");
    type_keys(&mut h, "7");
    press(&mut h, Key::Enter);
    let s = h.state().state.scenario();
    assert_eq!(
        s.criteria.last().unwrap().name,
        "Water",
        "the key scored the cell, it did not go to the name"
    );
    assert_eq!(s.scores.len(), before_scores + 1);
    // Undo takes the score back, then the name (typed as one step).
    ctrl(&mut h, Key::Z);
    ctrl(&mut h, Key::Z);
    assert!(h
        .state()
        .state
        .scenario()
        .criteria
        .last()
        .unwrap()
        .name
        .starts_with("New criterion"));
}

#[test]
fn a_new_source_or_perspective_opens_with_its_name_ready_to_type() {
    let mut h = harness();
    click(&mut h, "+ Add source");
    type_keys(&mut h, "Amman communiqué");
    assert_eq!(
        h.state().state.scenario().sources.last().unwrap().title,
        "Amman communiqué"
    );
    // Below the fold of the inspector now: reached with the keyboard.
    activate(&mut h, "+ Add perspective");
    type_keys(&mut h, "Jordan");
    let s = h.state().state.scenario();
    assert_eq!(s.perspectives.last().unwrap().name, "Jordan");
    assert_eq!(
        s.sources.last().unwrap().title,
        "Amman communiqué",
        "the keyboard left the source's title"
    );
}

#[test]
fn enter_gives_a_dialog_its_default_answer() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = open_a_copy(&mut h, dir.path(), "enter.ron");
    click(&mut h, "Beta × Jerusalem");
    click(&mut h, "full");
    // "Save your changes?": Enter is Save, then the new scenario opens.
    ctrl(&mut h, Key::N);
    h.get_by_label("Save your changes?");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().state.scenario().title, "New comparison");
    let saved = load_path(&path).unwrap();
    assert!(saved
        .scores
        .iter()
        .any(|s| s.proposal == "b" && s.value == Some(ScoreValue::Level(3))));
    // "Replace …?": Enter is the safe answer, Cancel; the file keeps what it holds.
    ctrl_shift(&mut h, Key::S);
    h.get_by_label("File path");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, &path.display().to_string());
    press(&mut h, Key::Enter);
    h.get_by_label("Replace enter.ron?");
    press(&mut h, Key::Enter);
    assert!(h.state().state.dialog().is_none());
    assert_eq!(load_path(&path).unwrap(), saved);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = harness();
    click(&mut h, "API × Ends the Gaza blockade");
    click(&mut h, "Strong");
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("Quitting will discard the changes to “After the Gaza cease-fire: which way to a settlement?” that you have not saved.");
    click(&mut h, "Cancel");
    let s = &h.state().state;
    assert!(!s.close_confirmed());
    assert!(s.doc().is_dirty());
    // Quit from the keyboard, then Don't save: the app lets the window close.
    ctrl(&mut h, Key::Q);
    h.get_by_label("Save your changes?");
    click(&mut h, "Don't save");
    assert!(h.state().state.close_confirmed());
}

#[test]
fn closing_a_clean_window_does_not_ask() {
    let mut h = harness();
    ctrl(&mut h, Key::Q);
    assert!(h.state().state.dialog().is_none());
    assert!(h.state().state.close_confirmed());
}

#[test]
fn folding_a_group_hides_its_rows() {
    let mut h = harness();
    h.get_by_label("Security guarantees and third-party roles");
    click(&mut h, "▼ Security");
    assert!(h
        .query_by_label("Security guarantees and third-party roles")
        .is_none());
    click(&mut h, "▶ Security");
    h.get_by_label("Security guarantees and third-party roles");
}

#[test]
fn dragging_the_handle_under_the_cards_gives_the_table_more_rows() {
    // Frames as short as a screen's, so that two clicks can make a double click.
    let mut h = common::start(
        common::builder(egui::vec2(1280.0, 720.0)).with_step_dt(1.0 / 60.0),
        common::options(None),
        concord::app::Prefs::default(),
    );
    let low_row = "Accountability for civilian casualties";
    assert!(h.query_by_label(low_row).is_none(), "not in view at first");
    let handle = h.get_by_label("Resize cards and table").rect().center();
    h.drag_at(handle);
    h.run();
    for i in 1..=5 {
        h.hover_at(handle - egui::vec2(0.0, 30.0 * i as f32));
        h.run();
    }
    h.drop_at(handle - egui::vec2(0.0, 150.0));
    h.run();
    let chosen = h
        .state()
        .state
        .prefs()
        .cards_height
        .expect("a chosen height");
    assert!(chosen < 200.0, "{chosen}");
    h.get_by_label(low_row);
    // The cards still show their totals.
    h.get_by_label("5th of 5");
    // A double click on the handle goes back to the automatic height.
    let handle = h.get_by_label("Resize cards and table").rect().center();
    h.hover_at(handle);
    for pressed in [true, false, true, false] {
        h.event(egui::Event::PointerButton {
            pos: handle,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    assert_eq!(h.state().state.prefs().cards_height, None);
    assert!(h.query_by_label(low_row).is_none());
}

#[test]
fn choosing_a_perspective_changes_the_ranking() {
    let mut h = harness();
    assert_eq!(rank_of(&h, "oslo"), Some(1));
    assert_eq!(rank_of(&h, "land-for-all"), Some(2));
    // The inspector lists the perspectives too; the entry of the open list is chosen.
    choose(
        &mut h,
        "Weights:",
        "Arab and Muslim states (Riyadh summit, 11 Nov 2023)",
    );
    assert_eq!(h.state().state.perspective(), Some("arab-islamic-riyadh"));
    assert_eq!(rank_of(&h, "land-for-all"), Some(1));
    assert_eq!(rank_of(&h, "oslo"), Some(3));
    // Its weights are shown and editable in the table.
    h.get_by_label(
        "Weight of Ends the Gaza blockade for Arab and Muslim states (Riyadh summit, 11 Nov 2023)",
    );
}

#[test]
fn tab_moves_through_cells() {
    let mut h = harness();
    h.get_by_label("API × Ends the Gaza blockade").focus();
    h.run();
    assert_eq!(
        *h.state().state.selection(),
        Selection::Cell("blockade".into(), "api".into())
    );
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        *h.state().state.selection(),
        Selection::Cell("blockade".into(), "land-for-all".into())
    );
}

#[test]
fn dropping_a_file_opens_it() {
    let mut h = harness();
    let path = std::fs::canonicalize("tests/data/valid.ron").unwrap();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(PathOnly(path.clone())));
    h.run();
    assert_eq!(h.state().state.doc().path.as_ref(), Some(&path));
    assert_eq!(h.state().state.scenario().proposals.len(), 2);
}

#[derive(Debug)]
struct PathOnly(std::path::PathBuf);

impl egui::DroppedFile for PathOnly {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn changing_a_scale_converts_the_row() {
    let mut h = harness();
    click(&mut h, "Ends the Gaza blockade");
    click_role(&mut h, Role::ComboBox, "Scale");
    click(&mut h, "Yes/no");
    let s = &h.state().state;
    assert_eq!(s.scenario().criteria[0].scale, concord::model::Scale::YesNo);
    assert!(concord::io::validate(s.scenario()).is_empty());
    assert_eq!(
        s.scenario()
            .score("blockade", "land-for-all")
            .unwrap()
            .value,
        Some(ScoreValue::Bool(true))
    );
    assert_eq!(
        s.scenario().score("blockade", "api").unwrap().value,
        Some(ScoreValue::Bool(false)),
        "Weak is nearer no than yes"
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(
        cell(&h, "blockade", "api").value,
        Some(ScoreValue::Level(1))
    );
}

#[test]
fn adding_a_perspective_and_editing_its_weights_leaves_the_base_weights() {
    let mut h = harness();
    common::activate(&mut h, "+ Add perspective");
    let s = &h.state().state;
    assert_eq!(s.scenario().perspectives.len(), 13);
    let id = s
        .perspective()
        .map(str::to_owned)
        .expect("the new perspective is in use");
    h.get_by_label("Weight of Ends the Gaza blockade for New perspective")
        .set_value_accesskit(5.0);
    h.run();
    let s = &h.state().state;
    let p = s
        .scenario()
        .perspectives
        .iter()
        .find(|p| p.id == id)
        .unwrap();
    assert_eq!(p.weights["blockade"], 5.0);
    assert_eq!(
        s.scenario().criteria[0].weight,
        1.0,
        "base weights unchanged"
    );
    assert!((s.eval().weights[0] - 5.0 / 19.0).abs() < 1e-12);
    ctrl(&mut h, Key::Z);
    let s = &h.state().state;
    let p = s
        .scenario()
        .perspectives
        .iter()
        .find(|p| p.id == id)
        .unwrap();
    assert_eq!(p.weights["blockade"], 1.0);
}

#[test]
fn why_this_ranking_follows_a_weight_change() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    assert!(h.state().state.shows_analysis());
    let first =
        "No clear leader: «Oslo» is ahead of «Confederation» by 4 points of 100, less than 10.";
    h.get_by_label(first);
    h.get_by_label(
        "It stays first while the weight of Accountability for civilian casualties stays below 13% (now 7%); above that, «Confederation» takes the lead.",
    );
    // Choose the criterion to sweep, then raise its weight past the reported bound.
    click_role(&mut h, Role::ComboBox, "Criterion:");
    let name = "Accountability for civilian casualties";
    let option = h
        .get_all_by_label(name)
        .find(|n| n.accesskit_node().role() != Role::Label)
        .expect("the list entry")
        .rect();
    h.hover_at(option.center());
    h.run();
    h.get_all_by_label(name)
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().analysis.criterion, 4);
    h.get_by_label(&format!("Weight of {name} (analysis)"))
        .set_value_accesskit(3.0);
    h.run();
    // More weight on a criterion that favours the confederation, past the reported bound,
    // puts it first.
    assert_eq!(rank_of(&h, "land-for-all"), Some(1));
    assert_eq!(rank_of(&h, "oslo"), Some(2));
    assert!(h.query_by_label(first).is_none());
    let s = &h.state().state;
    let expected = concord::analysis::explain(s.scenario(), s.eval()).sentences[0].clone();
    assert!(
        expected.contains("«Confederation» is ahead of «Oslo»")
            || expected.starts_with("«Confederation» leads"),
        "{expected}"
    );
    h.get_by_label(&expected);
    ctrl(&mut h, Key::Z);
    h.get_by_label(first);
}

#[test]
fn quick_weights_by_rank_order_are_one_undo_step() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    click(&mut h, "Quick weights…");
    h.get_by_label("Rank the criteria");
    click(&mut h, "Apply rank-order weights");
    let s = &h.state().state;
    // Equal weights keep file order: the first criterion gets the largest ROC weight.
    let roc = concord::analysis::rank_order_centroid(15);
    assert!(
        (s.eval().weights[0] - roc[0]).abs() < 1e-3,
        "{:?}",
        s.eval().weights
    );
    assert_eq!(s.history().undo_label(), Some("quick weights (rank order)"));
    ctrl(&mut h, Key::Z);
    assert!(h
        .state()
        .state
        .scenario()
        .criteria
        .iter()
        .all(|c| c.weight == 1.0));
}

#[test]
fn dragging_a_criterion_onto_another_moves_it() {
    let mut h = harness();
    drag(
        &mut h,
        "Ends the Gaza blockade",
        "Security guarantees and third-party roles",
    );
    let ids: Vec<String> = h
        .state()
        .state
        .scenario()
        .criteria
        .iter()
        .take(3)
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(ids, ["armed-groups", "security-guarantees", "blockade"]);
    assert_eq!(
        h.state().state.history().undo_label(),
        Some("move Ends the Gaza blockade")
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().state.scenario().criteria[0].id, "blockade");
}

#[test]
fn dragging_a_card_onto_another_moves_the_proposal() {
    let mut h = harness();
    drag(
        &mut h,
        "Arab Peace Initiative",
        "Aqaba format, widened to Turkey and Qatar",
    );
    let ids: Vec<String> = h
        .state()
        .state
        .scenario()
        .proposals
        .iter()
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(
        ids,
        ["land-for-all", "aqaba-plus", "api", "abraham", "oslo"]
    );
    // Totals and ranks move with their proposals: Oslo, now last, still ranks first, and
    // the API, now third, still third.
    assert_eq!(rank_of(&h, "oslo"), Some(1));
    assert_eq!(rank_of(&h, "api"), Some(3));
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().state.scenario().proposals[0].id, "api");
}

/// True when `dir` holds a session's recovery copy (not one set aside as unreadable).
fn has_recovery_copy(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).unwrap().any(|e| {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        name.starts_with("recovery-") && name.ends_with(".ron") && !name.contains("unreadable")
    })
}

fn harness_with_recovery(dir: &std::path::Path) -> H {
    common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(Some(dir.to_owned())),
        concord::app::Prefs::default(),
    )
}

#[test]
fn unsaved_work_survives_a_crash_and_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let edited = {
        let mut h = harness_with_recovery(dir.path());
        click(&mut h, "Aqaba+ × Ends the Gaza blockade");
        click(&mut h, "Strong");
        h.run();
        // The copy is written on a worker thread: wait for it.
        h.state_mut()
            .state
            .finish_job(concord::app::jobs::JobKind::RecoveryCopy);
        assert!(has_recovery_copy(dir.path()), "a copy is written at once");
        h.state().state.scenario().clone()
        // The harness is dropped here without closing: as if the app had been killed.
    };
    let mut h = harness_with_recovery(dir.path());
    h.get_by_label("Restore unsaved work?");
    click(&mut h, "Restore");
    let s = &h.state().state;
    assert_eq!(s.scenario(), &edited);
    assert!(s.doc().is_dirty(), "restored work still needs saving");
    // Discarding on a later start removes the copy.
    drop(h);
    let mut h = harness_with_recovery(dir.path());
    click(&mut h, "Discard");
    assert!(!has_recovery_copy(dir.path()));
}

#[test]
fn opening_another_lesson_while_the_analysis_shows_describes_the_new_one() {
    // Regression: the analysis's caches were keyed by a version that restarts at 0 for
    // every document, so the new lesson crashed the window or showed the old one's words.
    let mut h = harness();
    h.key_press(Key::F6);
    h.run();
    let old_id = h.state().state.doc().id();
    let old_sentence = {
        let s = &h.state().state;
        concord::analysis::explain(s.scenario(), s.eval()).sentences[0].clone()
    };
    h.get_by_label(&old_sentence);
    click(&mut h, "File");
    click(&mut h, "Open bundled scenario");
    click(&mut h, "Final-status plans, 2000–2020");
    let s = &h.state().state;
    assert_ne!(s.doc().id(), old_id, "a new document has a new identity");
    assert!(s.shows_analysis(), "the analysis stays in view");
    let new_sentence = concord::analysis::explain(s.scenario(), s.eval()).sentences[0].clone();
    assert_ne!(new_sentence, old_sentence);
    h.get_by_label(&new_sentence);
    assert!(h.query_by_label(&old_sentence).is_none());
    // And back again, to a document of another size.
    click(&mut h, "File");
    click(&mut h, "Open bundled scenario");
    click(&mut h, "After the Gaza cease-fire (Duss & Okail, 2023)");
    h.get_by_label(&old_sentence);
}

#[test]
fn quick_weights_follow_criteria_added_and_deleted_while_open() {
    // Regression: the window kept criterion indices from when it opened, and the
    // shortcuts still ran while it was open.
    let mut h = harness();
    h.key_press(Key::F6);
    h.run();
    click(&mut h, "Quick weights…");
    ctrl_shift(&mut h, Key::C);
    assert_eq!(
        h.state().state.scenario().criteria.len(),
        15,
        "editing shortcuts do nothing while the window is open"
    );
    ctrl(&mut h, Key::Z);
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().state.scenario().criteria.len(), 15);
    // The toolbar still adds a criterion, and the window lists it.
    click(&mut h, "+ Criterion");
    assert_eq!(h.state().state.scenario().criteria.len(), 16);
    h.get_by_label("16. New criterion 16");
    // Undoing the add takes it out of the window again.
    h.state_mut().state.undo();
    h.run();
    assert!(h.query_by_label("16. New criterion 16").is_none());
    h.get_by_label("15. Implementation and enforcement");
    click(&mut h, "Apply rank-order weights");
    let s = &h.state().state;
    assert!(s.quick().is_none(), "applying closes the window");
    let roc = concord::analysis::rank_order_centroid(15);
    assert!(
        (s.eval().weights[0] - roc[0]).abs() < 1e-3,
        "{:?}",
        s.eval().weights
    );
}

#[test]
fn deleting_a_criterion_saves_a_file_that_opens_again() {
    // Regression: a deleted criterion stayed in the perspectives' weights and the
    // provisions' tags, so the saved file failed validation.
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("without-blockade.ron");
    click(&mut h, "Ends the Gaza blockade");
    h.key_press(Key::Delete);
    h.run();
    assert!(h
        .state()
        .state
        .scenario()
        .criterion_index("blockade")
        .is_none());
    ctrl_shift(&mut h, Key::S);
    h.get_by_role_and_label(Role::TextInput, "File path")
        .focus();
    h.run();
    type_keys(&mut h, path.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    let loaded = load_path(&path).expect("the window opens the file it wrote");
    assert!(loaded
        .perspectives
        .iter()
        .all(|p| !p.weights.contains_key("blockade")));
    // Undo brings back the criterion with its weights and tags, exactly.
    ctrl(&mut h, Key::Z);
    let restored = h.state().state.scenario().clone();
    let mut original = concord::seeds::default_scenario().unwrap();
    let mut now = restored;
    original.sort_scores();
    now.sort_scores();
    assert_eq!(now, original);
}

#[test]
fn list_fields_take_typing_line_by_line() {
    let mut h = harness();
    click(&mut h, "Abraham Accords (bilateral normalization)");
    type_lines(
        &mut h,
        "Parties (one per line)",
        &["UK Government", "Irish Government "],
    );
    // Leaving the field keeps the list.
    h.get_by_role_and_label(Role::TextInput, "Name").focus();
    h.run();
    let p = &h.state().state.scenario().proposals[3];
    assert_eq!(p.parties, vec!["UK Government", "Irish Government"]);
    assert_eq!(
        h.state().state.history().undo_label(),
        Some("parties of «Abraham Accords (bilateral normalization)»")
    );
    // A scale's levels typed by hand become exactly those levels, worst first.
    click(&mut h, "Ends the Gaza blockade");
    let before = h.state().state.scenario().criteria[0].scale.clone();
    type_lines(
        &mut h,
        "Levels, worst first (one per line)",
        &["Absent", "Mentioned", "In principle", "In detail"],
    );
    // The row's scores are converted once, when the field is left, not at every line.
    assert_eq!(h.state().state.scenario().criteria[0].scale, before);
    h.get_by_role_and_label(Role::TextInput, "Name").focus();
    h.run();
    let c = &h.state().state.scenario().criteria[0];
    assert_eq!(
        c.scale,
        concord::model::Scale::Levels(vec![
            "Absent".into(),
            "Mentioned".into(),
            "In principle".into(),
            "In detail".into()
        ])
    );
}

#[test]
fn the_path_field_has_the_keyboard_adds_the_extension_and_asks_before_replacing() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.ron");
    // Save As: the path field has the keyboard at once.
    ctrl_shift(&mut h, Key::S);
    assert!(h
        .get_by_role_and_label(Role::TextInput, "File path")
        .is_focused());
    type_keys(&mut h, first.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().state.doc().path.as_deref(), Some(first.as_path()));
    // A bare name goes beside the scenario, with the extension added.
    ctrl_shift(&mut h, Key::S);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, "ni-lesson");
    h.key_press(Key::Enter);
    h.run();
    let second = dir.path().join("ni-lesson.ron");
    assert!(second.exists(), "saved as {}", second.display());
    assert!(h
        .state()
        .state
        .status()
        .contains(&second.display().to_string()));
    // Saving over an existing file asks first; Cancel leaves it as it was.
    let before = std::fs::read(&first).unwrap();
    click(&mut h, "API × Ends the Gaza blockade");
    click(&mut h, "Strong");
    ctrl_shift(&mut h, Key::S);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, "first");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Replace first.ron?");
    click(&mut h, "Cancel");
    assert_eq!(std::fs::read(&first).unwrap(), before, "not replaced");
    assert!(h.state().state.doc().is_dirty());
    // Asked again, Replace writes it.
    ctrl_shift(&mut h, Key::S);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, "first");
    h.key_press(Key::Enter);
    h.run();
    click(&mut h, "Replace");
    assert_ne!(std::fs::read(&first).unwrap(), before, "replaced");
    assert!(!h.state().state.doc().is_dirty());
    // An export over an existing picture asks too.
    let csv = dir.path().join("table.csv");
    std::fs::write(&csv, "kept").unwrap();
    click(&mut h, "File");
    click(&mut h, "Export table as CSV…");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, csv.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Replace table.csv?");
    click(&mut h, "Cancel");
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "kept");
}

#[test]
fn dont_save_on_quit_leaves_nothing_to_restore() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = harness_with_recovery(dir.path());
        click(&mut h, "Aqaba+ × Ends the Gaza blockade");
        click(&mut h, "Strong");
        assert!(has_recovery_copy(dir.path()), "the work is copied");
        ctrl(&mut h, Key::Q);
        click(&mut h, "Don't save");
        // A few more frames, as the window takes to close.
        for _ in 0..5 {
            h.step();
        }
        assert!(h.state().state.close_confirmed());
    }
    assert!(!has_recovery_copy(dir.path()), "nothing is kept");
    let h = harness_with_recovery(dir.path());
    assert!(h.query_by_label("Restore unsaved work?").is_none());
}

#[test]
fn each_group_has_one_heading_and_ungrouped_criteria_have_their_own() {
    let mut h = harness();
    // The third criterion joins Gaza, with a Security criterion between them in the list:
    // still one Gaza heading, over both.
    let third = "Security guarantees and third-party roles";
    click(&mut h, third);
    retype(&mut h, "Group", "Gaza");
    assert_eq!(h.state().state.scenario().criteria[2].group, "Gaza");
    assert_eq!(h.query_all_by_label("▼ Gaza").count(), 1);
    let gaza = h.get_by_label("▼ Gaza").rect().top();
    let moved = h.get_by_label(third).rect().top();
    let security = h.get_by_label("▼ Security").rect().top();
    assert!(
        gaza < moved && moved < security,
        "it sits in the Gaza block"
    );
    // The second criterion leaves its group: it goes under a heading of its own, not under
    // the one before it.
    let second = "Denies armed groups the capability to attack";
    click(&mut h, second);
    retype(&mut h, "Group", "");
    assert_eq!(h.state().state.scenario().criteria[1].group, "");
    let other = h.get_by_label("▼ Other criteria").rect().top();
    let row = h.get_by_label(second).rect().top();
    assert!(other < row, "under Other criteria");
    click(&mut h, "▼ Other criteria");
    assert!(h.query_by_label(second).is_none(), "its heading folds it");
}

#[test]
fn an_unscored_numeric_cell_takes_a_typed_number() {
    let mut h = harness();
    click(&mut h, "+ Criterion");
    click(&mut h, "API × New criterion 16");
    let value = |h: &H| cell_value(h, "new-criterion-16", "api");
    assert_eq!(value(&h), None, "a new criterion is unscored");
    // The field is empty, not 0: typing scores the cell.
    retype(&mut h, "Score value", "7.5");
    assert_eq!(value(&h), Some(ScoreValue::Number(7.5)));
    // Out of range: kept within the scale, and the field says so.
    retype(&mut h, "Score value", "12");
    assert_eq!(value(&h), Some(ScoreValue::Number(10.0)));
    h.get_by_label("kept within 0–10");
    // Emptied: not scored again.
    retype(&mut h, "Score value", "");
    assert_eq!(value(&h), None);
}

fn cell_value(h: &H, c: &str, p: &str) -> Option<ScoreValue> {
    h.state().state.scenario().score(c, p).and_then(|s| s.value)
}

#[test]
fn under_a_perspective_the_inspector_shows_and_edits_that_perspectives_weight() {
    let mut h = harness();
    h.state_mut()
        .state
        .update(concord::app::Msg::Doc(DocMsg::SetPerspective(Some(
            "plo-pa".into(),
        ))));
    h.run();
    click(&mut h, "Ends the Gaza blockade");
    let plo = "PLO / Palestinian Authority (stated positions, late 2023)";
    let field = format!("Weight of Ends the Gaza blockade for {plo} (inspector)");
    let stated = h
        .state()
        .state
        .scenario()
        .perspective_by_id("plo-pa")
        .unwrap()
        .weights["blockade"];
    assert_eq!(
        h.get_by_label(&field).accesskit_node().numeric_value(),
        Some(stated)
    );
    assert!(
        h.query_by_label("Weight of Ends the Gaza blockade (inspector)")
            .is_none(),
        "one weight, the one in use"
    );
    h.get_by_label(&field).set_value_accesskit(2.0);
    h.run();
    // The PLO's stated weights are not changed without asking.
    h.get_by_label(&format!("Change the weights of «{plo}»?"));
    click(&mut h, "Start my own weights");
    let s = &h.state().state;
    let scenario = s.scenario();
    assert_eq!(
        scenario.perspective_by_id("plo-pa").unwrap().weights["blockade"],
        stated
    );
    let mine = scenario
        .perspective_by_id(s.perspective().unwrap())
        .unwrap();
    assert_eq!(mine.name, "My weights");
    assert_eq!(mine.weights["blockade"], 2.0);
    assert_eq!(
        scenario.criteria[0].weight, 1.0,
        "the criteria's own weight is left alone"
    );
    // One's own weights change without asking.
    let field = "Weight of Ends the Gaza blockade for My weights (inspector)";
    h.get_by_label(field).set_value_accesskit(3.0);
    h.run();
    assert!(h.state().state.dialog().is_none());
    let s = &h.state().state;
    let mine = s
        .scenario()
        .perspective_by_id(s.perspective().unwrap())
        .unwrap();
    assert_eq!(mine.weights["blockade"], 3.0);
    // Saved and reopened, the file still gives the PLO its own stated weight.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("student.ron");
    h.state_mut().state.save_to(&path);
    let saved = load_path(&path).unwrap();
    assert_eq!(
        saved.perspective_by_id("plo-pa").unwrap().weights["blockade"],
        stated
    );
}

#[test]
fn quick_weights_under_a_perspective_set_that_perspectives_weights_after_asking() {
    let mut h = harness();
    h.state_mut()
        .state
        .update(concord::app::Msg::Doc(DocMsg::SetPerspective(Some(
            "plo-pa".into(),
        ))));
    h.run();
    let before = h.state().state.scenario().clone();
    click(&mut h, "Why this ranking?");
    click(&mut h, "Quick weights…");
    h.get_by_label(
        "These set the weights of «PLO / Palestinian Authority (stated positions, late 2023)».",
    );
    click(&mut h, "Apply rank-order weights");
    click(&mut h, "Start my own weights");
    let s = &h.state().state;
    assert_eq!(
        s.scenario().criteria,
        before.criteria,
        "the criteria's own weights are untouched"
    );
    assert_eq!(
        s.scenario().perspective_by_id("plo-pa"),
        before.perspective_by_id("plo-pa")
    );
    let mine = s
        .scenario()
        .perspective_by_id(s.perspective().unwrap())
        .unwrap();
    assert_eq!(mine.name, "My weights");
}

#[test]
fn a_file_that_is_not_a_scenario_is_called_that() {
    let mut h = harness();
    ctrl(&mut h, Key::O);
    type_keys(&mut h, "tests/data/invalid/not_a_scenario.ron");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("The file could not be opened");
    // Said first, before the reader's detail.
    h.get_by_label_contains("not_a_scenario.ron:1:1: this is not a Concord scenario");
}

#[test]
fn open_recent_tells_files_of_one_name_apart_by_their_folder() {
    let mut h = harness();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        let path = dir.path().join("class.ron");
        std::fs::copy("tests/data/valid.ron", &path).unwrap();
        h.state_mut().state.open_path(&path);
        h.run();
    }
    click(&mut h, "File");
    click(&mut h, "Open recent");
    h.get_by_label(&format!("class.ron — {}", a.path().display()));
    h.get_by_label(&format!("class.ron — {}", b.path().display()));
}

#[test]
fn another_document_opens_with_its_table_at_the_top() {
    let mut h = harness();
    let first_row = |h: &H| {
        h.query_by_label("Ends the Gaza blockade")
            .map(|n| n.rect().top())
    };
    let top = first_row(&h).expect("the first row is in view");
    // Scroll the table down with the wheel, as a hand does.
    h.hover_at(h.get_by_label("Ends the Gaza blockade").rect().center());
    h.run();
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run();
    }
    assert_ne!(first_row(&h), Some(top), "the table scrolled");
    // The same lesson opened again is another document: its table starts at the top.
    click(&mut h, "File");
    click(&mut h, "Open bundled scenario");
    click(&mut h, "After the Gaza cease-fire (Duss & Okail, 2023)");
    assert_eq!(first_row(&h), Some(top));
}

#[test]
fn deleting_reasoned_scores_says_so_and_no_internal_id_is_shown() {
    let mut h = harness();
    click(&mut h, "Abraham Accords (bilateral normalization)");
    assert!(
        h.query_by_label("id: abraham").is_none(),
        "ids are the file's business"
    );
    click(&mut h, "Ends the Gaza blockade");
    assert!(h.query_by_label("id: blockade").is_none());
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(
        h.state().state.status(),
        "Deleted Ends the Gaza blockade with its 5 reasoned scores — Ctrl+Z to undo"
    );
}

#[test]
fn a_five_thousand_character_name_keeps_the_window_in_shape() {
    let mut h = harness();
    let long: String = "A very long proposal name ".repeat(200);
    assert!(long.chars().count() >= 5_000);
    let mut p = h.state().state.scenario().proposals[0].clone();
    p.name = long.clone();
    p.short_name.clear();
    h.state_mut()
        .state
        .update(concord::app::Msg::Doc(DocMsg::Edit {
            label: "name".into(),
            key: None,
            edit: Box::new(concord::app::Edit::SetProposal(0, p)),
        }));
    h.run();
    let window = h.ctx.content_rect();
    // Every card keeps its total and rank in view, and the table is still there.
    // (The lesson's two leaders tie: two cards say "1st of 5".)
    for rank in ["1st of 5", "3rd of 5", "4th of 5", "5th of 5"] {
        let r = h.get_all_by_label(rank).next().expect("a card").rect();
        assert!(
            window.contains_rect(r),
            "{rank} at {r:?} is inside {window:?}"
        );
    }
    let header = h.get_by_label("Criterion").rect();
    assert!(window.contains_rect(header), "the table is in view");
    let cell = h
        .get_by_label("Confederation × Ends the Gaza blockade")
        .rect();
    assert!(window.contains_rect(cell));
    // On its slide too, the name stays on the screen.
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    let shown = concord::ui::widgets::shown_name(&long);
    let title = h.get_by_label(&shown).rect();
    assert!(window.contains_rect(title), "{title:?} inside {window:?}");
}

fn selected(h: &H) -> Selection {
    h.state().state.selection().clone()
}

#[test]
fn the_keyboard_scores_from_a_click() {
    let mut h = harness();
    let cell = |c: &str, p: &str| Selection::Cell(c.into(), p.into());
    click(&mut h, "API × Ends the Gaza blockade");
    // A level by its number, then by its first letter.
    type_keys(&mut h, "4");
    assert_eq!(
        cell_value(&h, "blockade", "api"),
        Some(ScoreValue::Level(3))
    );
    type_keys(&mut h, "w");
    assert_eq!(
        cell_value(&h, "blockade", "api"),
        Some(ScoreValue::Level(1))
    );
    // Tab goes to the next cell, not to the menus.
    press(&mut h, Key::Tab);
    assert_eq!(selected(&h), cell("blockade", "land-for-all"));
    assert!(h
        .get_by_label("Confederation × Ends the Gaza blockade")
        .is_focused());
    type_keys(&mut h, "n");
    assert_eq!(
        cell_value(&h, "blockade", "land-for-all"),
        Some(ScoreValue::Level(0))
    );
    // Arrows move too, down a row and back.
    press(&mut h, Key::ArrowDown);
    assert_eq!(selected(&h), cell("armed-groups", "land-for-all"));
    press(&mut h, Key::ArrowLeft);
    assert_eq!(selected(&h), cell("armed-groups", "api"));
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    // Shift+Tab from the first cell of a row goes to the last cell of the row before.
    let last = h
        .state()
        .state
        .scenario()
        .proposals
        .last()
        .unwrap()
        .id
        .clone();
    assert_eq!(selected(&h), cell("blockade", &last));
    // Delete clears the focused cell; Enter opens its rationale.
    press(&mut h, Key::Delete);
    assert_eq!(cell_value(&h, "blockade", &last), None);
    press(&mut h, Key::Enter);
    assert!(h
        .get_by_role_and_label(Role::MultilineTextInput, "Rationale")
        .is_focused());
    // A number is typed whole and kept with Enter.
    click(&mut h, "+ Criterion");
    click(&mut h, "API × New criterion 16");
    type_keys(&mut h, "7.5");
    assert_eq!(
        cell_value(&h, "new-criterion-16", "api"),
        None,
        "not before Enter"
    );
    press(&mut h, Key::Enter);
    assert_eq!(
        cell_value(&h, "new-criterion-16", "api"),
        Some(ScoreValue::Number(7.5))
    );
}

#[test]
fn what_each_criterion_adds_has_a_key_to_its_colours() {
    let mut h = harness();
    h.key_press(Key::F6);
    h.run();
    h.get_by_label("Colours of the criteria:");
    // The radar's key is under it too, where it covers none of the labels around it.
    h.get_by_label("Colours of the proposals:");
    let names: Vec<String> = h
        .state()
        .state
        .scenario()
        .criteria
        .iter()
        .map(|c| concord::ui::widgets::short_label(&c.name))
        .collect();
    for name in &names {
        h.get_by_label(&format!("■ {name}"));
    }
}

#[test]
fn a_restart_reopens_the_last_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesson.ron");
    std::fs::copy("tests/data/valid.ron", &path).unwrap();
    let mut prefs = concord::app::Prefs::default();
    prefs.add_recent(path.clone());
    let start = |prefs: concord::app::Prefs| {
        common::start(
            common::builder(egui::vec2(1600.0, 1000.0)),
            common::options(None),
            prefs,
        )
    };
    let h = start(prefs.clone());
    assert_eq!(h.state().state.doc().path.as_deref(), Some(path.as_path()));
    assert!(h.state().state.status().starts_with("Reopened"));
    // Gone since: the built-in lesson, and a word about it.
    std::fs::remove_file(&path).unwrap();
    let h = start(prefs);
    assert_eq!(h.state().state.doc().path, None);
    assert!(h.state().state.status().contains("no longer there"));
}

#[test]
fn a_weight_above_100_is_kept_and_a_scale_upside_down_is_refused_in_words() {
    let mut h = harness();
    h.get_by_label("Weight of Ends the Gaza blockade")
        .set_value_accesskit(150.0);
    h.run();
    assert_eq!(
        h.state().state.scenario().criteria[0].weight,
        150.0,
        "not cut to 100"
    );
    click(&mut h, "+ Criterion");
    h.get_by_label("Scale minimum").set_value_accesskit(20.0);
    h.run();
    assert_eq!(
        h.state().state.scenario().criteria[15].scale,
        concord::model::Scale::zero_to_ten()
    );
    assert_eq!(
        h.state().state.status(),
        "The scale was left at 0–10: its minimum must be below its maximum"
    );
}

#[test]
fn another_document_starts_with_the_cards_at_their_own_height() {
    let prefs = concord::app::Prefs {
        cards_height: Some(150.0),
        ..Default::default()
    };
    let mut h = common::start(
        common::builder(egui::vec2(1280.0, 720.0)),
        common::options(None),
        prefs,
    );
    assert_eq!(
        h.state().state.prefs().cards_height,
        Some(150.0),
        "kept between runs"
    );
    click(&mut h, "File");
    click(&mut h, "Open bundled scenario");
    click(&mut h, "Final-status plans, 2000–2020");
    assert_eq!(h.state().state.prefs().cards_height, None);
}

#[test]
fn a_file_nested_100000_deep_is_refused_and_the_document_kept() {
    let mut h = harness();
    click(&mut h, "API × Ends the Gaza blockade");
    click(&mut h, "Strong");
    let before = h.state().state.scenario().clone();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("braces.ron");
    std::fs::write(
        &path,
        format!(
            "Scenario(format: 1, title: \"x\", authors: {})",
            "{".repeat(100_000)
        ),
    )
    .unwrap();
    h.state_mut()
        .state
        .request(concord::app::Pending::Open(Some(path)));
    h.run();
    // Unsaved changes first: keep them and open anyway.
    click(&mut h, "Don't save");
    h.get_by_label("The file could not be opened");
    h.get_by_label_contains("braces.ron:1:105: nested more than 64 levels deep");
    assert_eq!(
        h.state().state.scenario(),
        &before,
        "the open document is untouched"
    );
}

#[test]
fn a_damaged_recovery_copy_is_reported_and_kept_aside() {
    for damaged in [
        "Scenario(format: 1, title: \"half a fil".to_owned(),
        std::fs::read_to_string("tests/data/invalid/newer_format.ron").unwrap(),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("recovery.ron"), &damaged).unwrap();
        let mut h = harness_with_recovery(dir.path());
        assert!(h.query_by_label("Restore unsaved work?").is_none());
        assert!(
            h.state()
                .state
                .status()
                .starts_with("A recovery copy could not be read"),
            "{}",
            h.state().state.status()
        );
        let kept = dir.path().join("recovery-unreadable-1.ron");
        assert_eq!(
            std::fs::read_to_string(&kept).unwrap(),
            damaged,
            "kept as it was"
        );
        // This session's copies do not touch it.
        click(&mut h, "API × Ends the Gaza blockade");
        click(&mut h, "Strong");
        assert!(has_recovery_copy(dir.path()));
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), damaged);
        // The document is the built-in lesson, not anything read from the copy.
        assert_eq!(h.state().state.scenario().proposals.len(), 5);
    }
}

#[test]
fn a_disk_that_says_no_is_explained_and_nothing_is_lost() {
    use std::io::ErrorKind as K;
    for (step, kind, words) in [
        ("write", K::StorageFull, "the disk is full"),
        ("create", K::ReadOnlyFilesystem, "may not be written to"),
        ("create", K::PermissionDenied, "may not be written to"),
        ("create", K::NotFound, "the folder is no longer there"),
        ("create", K::InvalidFilename, "the file name is too long"),
        ("sync", K::TimedOut, "did not answer in time"),
        ("rename", K::PermissionDenied, "may not be written to"),
    ] {
        let mut h = harness();
        let dir = tempfile::tempdir().unwrap();
        let path = open_a_copy(&mut h, dir.path(), "kept.ron");
        let before = std::fs::read(&path).unwrap();
        h.get_by_label("Weight of Refugees")
            .set_value_accesskit(5.0);
        h.run();
        concord::io::inject_write_failure(Some((step, kind)));
        ctrl(&mut h, Key::S);
        concord::io::inject_write_failure(None);
        h.get_by_label("The scenario was not saved");
        h.get_by_label_contains(words);
        h.get_by_label("Save As…");
        let s = &h.state().state;
        assert!(s.doc().is_dirty(), "{step} {kind:?}: still unsaved");
        assert_eq!(
            s.scenario().criteria[0].weight,
            5.0,
            "the change is still here"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "the file is as it was"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{step} {kind:?}: no temporary file left");
    }
}

#[test]
fn scenario_health_lists_findings_that_lead_to_their_cells() {
    let mut h = harness();
    // The built-in lesson scores every cell: clear one, its reason kept.
    click(&mut h, "Oslo × Ends the Gaza blockade");
    press(&mut h, Key::Delete);
    click_role(&mut h, Role::Button, "Scenario");
    // Below the fold of the inspector: reached with the keyboard, as a person would.
    common::activate(&mut h, "Scenario health");
    let first = h
        .query_all_by_label_contains("not scored (the rationale says why)")
        .next()
        .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
        .expect("a finding");
    let cell = first.split(" — ").next().unwrap().to_owned();
    let (p, c) = cell.split_once(" × ").unwrap();
    common::activate(&mut h, &first);
    assert_eq!(
        *h.state().state.selection(),
        Selection::Cell(c.to_owned(), p.to_owned())
    );
}

/// As in a browser, which has no threads: rank acceptability is drawn a few hundred draws
/// at a time between frames, with its progress bar counting, and comes out the same as
/// drawn at once.
#[test]
fn rank_acceptability_is_drawn_between_frames_as_in_a_browser() {
    let mut h = harness();
    click(&mut h, "Why this ranking?");
    h.get_by_label_contains("10000 draws, seed 1");
    concord::platform::run_tasks_in_slices(true);
    h.get_by_label("Draws").set_value_accesskit(300_000.0);
    h.step();
    h.step();
    let mut counted = Vec::new();
    let mut frames = 0;
    while h.query_by_label_contains("300000 draws, seed 1").is_none() {
        assert!(frames < 5_000, "never finished");
        if let Some(bar) = h.query_by_label_contains(" of 300000 draws") {
            let text = bar.accesskit_node().label().unwrap_or_default().to_owned();
            counted.push(text);
        }
        h.step();
        frames += 1;
    }
    concord::platform::run_tasks_in_slices(false);
    assert!(
        counted.len() > 1,
        "the bar moved over several frames: {counted:?}"
    );
    assert!(counted.first() != counted.last(), "{counted:?}");
    let s = &h.state().state;
    let at_once = concord::analysis::smaa(
        s.eval(),
        concord::analysis::SmaaOptions {
            draws: 300_000,
            seed: 1,
            constraint: concord::analysis::WeightConstraint::Free,
        },
    );
    let settings = h.state().analysis.options;
    let shown = s.acceptability(settings);
    assert_eq!(shown, Some((&at_once, true)));
}
