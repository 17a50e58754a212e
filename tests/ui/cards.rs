//! The proposal cards: adding, naming, moving and deleting proposals.

use super::*;

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
    let cell = common::node(&h, "Confederation × Ends the Gaza blockade").rect();
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
