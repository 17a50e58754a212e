//! The criteria table: scores, weights, criteria, groups, the keyboard.

use super::*;

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
fn tab_moves_through_cells() {
    let mut h = harness();
    common::node(&h, "API × Ends the Gaza blockade").focus();
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
    assert!(common::node(&h, "Confederation × Ends the Gaza blockade").is_focused());
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

/// The words of the live regions in the window (each region's own node, not the text runs
/// inside it that inherit its liveness): what a screen reader says when they change.
fn live_regions(h: &H) -> Vec<String> {
    use egui::accesskit::Live;
    h.query_all_by(|n| {
        n.live() != Live::Off && n.parent().is_none_or(|parent| parent.live() == Live::Off)
    })
    .map(|n| {
        let n = n.accesskit_node();
        n.value()
            .or(n.label())
            .map(|s| s.to_string())
            .unwrap_or_default()
    })
    .collect()
}

#[test]
fn a_score_change_announces_the_new_total_once() {
    let mut h = harness();
    assert!(
        live_regions(&h).is_empty(),
        "nothing is said before anything changes"
    );
    let before = total_of(&h, "aqaba-plus").unwrap();
    click(&mut h, "Aqaba+ × Ends the Gaza blockade");
    click(&mut h, "Strong");
    let after = total_of(&h, "aqaba-plus").unwrap();
    assert!(after > before);
    let said = live_regions(&h);
    assert_eq!(said.len(), 1, "{said:?}");
    let rank = rank_of(&h, "aqaba-plus").unwrap();
    let expected = format!(
        "Aqaba+ {} to {}, now {}",
        (before * 100.0).round(),
        (after * 100.0).round(),
        concord::ui::widgets::ordinal(rank)
    );
    assert!(said[0].starts_with(&expected), "{said:?} vs {expected}");
    // Frames go on without a change: the region keeps its words, so nothing is said again.
    for _ in 0..5 {
        h.step();
    }
    assert_eq!(live_regions(&h), said);
    // Undo is a change too.
    ctrl(&mut h, Key::Z);
    let undone = live_regions(&h);
    assert!(
        undone[0].starts_with(&format!(
            "Aqaba+ {} to {}",
            (after * 100.0).round(),
            (before * 100.0).round()
        )),
        "{undone:?}"
    );
}

/// The window on a bundled lesson, at a laptop's size, so that rows and proposals run out
/// of view.
fn lesson_harness(lesson: usize) -> H {
    let options = concord::ui::StartOptions {
        lesson: Some(lesson),
        ..common::options(None)
    };
    common::start(
        common::builder(egui::vec2(1100.0, 700.0)),
        options,
        concord::app::Prefs::default(),
    )
}

/// The names of every node a screen reader can reach that stands for a score cell of
/// `proposal` (its label) on `criterion`: in view or not.
fn names_of_cell(h: &H, proposal: &str, criterion: &str) -> Vec<String> {
    let prefix = format!("{proposal} × {criterion} — ");
    h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with(&prefix)))
        .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn every_cell_of_both_lessons_is_in_the_accessibility_tree_with_its_level() {
    for lesson in [0, 1] {
        let h = lesson_harness(lesson);
        let state = &h.state().state;
        let s = state.scenario();
        let mut out_of_view = 0;
        for (k, c) in s.criteria.iter().enumerate() {
            for (p, proposal) in s.proposals.iter().enumerate() {
                let names = names_of_cell(&h, proposal.label(), &c.name);
                assert_eq!(
                    names.len(),
                    1,
                    "{} × {}: {names:?}",
                    proposal.label(),
                    c.name
                );
                let name = &names[0];
                // The level as the file has it, worded as the scale words it.
                let value = state.eval().score(s, k, p).and_then(|sc| sc.value);
                let level = match value {
                    None => "unscored".to_owned(),
                    Some(ScoreValue::Silent) => "silent".to_owned(),
                    Some(v) => c.value_text(Some(v)),
                };
                assert!(
                    name.contains(&format!(" — {level}")),
                    "{name} should say {level}"
                );
                assert!(name.contains("the lesson's score"), "{name}");
                out_of_view += usize::from(name.ends_with("(out of view)"));
            }
        }
        let cells = s.criteria.len() * s.proposals.len();
        assert!(
            out_of_view > 0 && out_of_view < cells,
            "some cells are drawn, some stand in for cells out of view: {out_of_view} of {cells}"
        );
    }
}

#[test]
fn activating_a_cell_out_of_view_scrolls_to_it_and_gives_it_the_keyboard() {
    let mut h = lesson_harness(0);
    let far = h
        .query_all_by(|n| n.label().is_some_and(|l| l.ends_with("(out of view)")))
        .last()
        .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
        .expect("a cell out of view");
    h.get_by_label(&far).click_accesskit();
    for _ in 0..4 {
        h.run();
    }
    let drawn = far.trim_end_matches(" (out of view)");
    let cell = h.get_by_label(drawn);
    assert!(cell.is_focused(), "{drawn} has the keyboard");
    assert!(
        h.query_by_label(&far).is_none(),
        "no longer stands in: it is drawn"
    );
    let (proposal, criterion) = drawn
        .split_once(" — ")
        .unwrap()
        .0
        .split_once(" × ")
        .unwrap();
    let s = h.state().state.scenario();
    let c = s
        .criteria
        .iter()
        .find(|c| c.name == criterion)
        .unwrap()
        .id
        .clone();
    let p = s
        .proposals
        .iter()
        .find(|p| p.label() == proposal)
        .unwrap()
        .id
        .clone();
    let here = Selection::Cell(c, p);
    assert_eq!(*h.state().state.selection(), here);
    // The keyboard goes on from there: Shift+Tab to the cell before it.
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert!(matches!(h.state().state.selection(), Selection::Cell(..)));
    assert_ne!(*h.state().state.selection(), here);
}

#[test]
fn the_web_pages_mirror_names_every_cell_as_the_window_does() {
    let h = lesson_harness(1);
    let state = &h.state().state;
    let s = state.scenario();
    let mirror = concord::app::spoken::spoken_table(state);
    assert_eq!(mirror.header.len(), s.proposals.len() + 1);
    assert_eq!(mirror.rows.len(), s.criteria.len());
    for ((criterion, cells), c) in mirror.rows.iter().zip(&s.criteria) {
        assert_eq!(*criterion, c.name);
        for (cell, p) in cells.iter().zip(&s.proposals) {
            let in_window = names_of_cell(&h, p.label(), &c.name);
            assert_eq!(in_window.len(), 1);
            assert_eq!(in_window[0].trim_end_matches(" (out of view)"), cell);
        }
    }
    for (said, (i, p)) in mirror.totals.iter().zip(s.proposals.iter().enumerate()) {
        let st = state.eval().standings[i];
        let rank = concord::ui::widgets::ordinal(st.rank.unwrap());
        assert!(
            said.starts_with(&format!("{}: total ", p.label())),
            "{said}"
        );
        assert!(said.ends_with(&rank), "{said} vs {rank}");
    }
}
