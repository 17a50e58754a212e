//! The inspector: reasons, evidence, perspectives, sources, health.

use super::*;

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
