//! Many proposals, driven through the window: a table imported through the mapping dialog
//! (sheet, roles of columns, scales, provisions), then found again with the search field,
//! the sort and the filter beside the cards; the table's columns follow the cards, and the
//! keyboard moves only through the proposals shown.

mod common;

use concord::app::SelectMsg;
use egui::accesskit::Role;
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};

use concord::analysis::perspectives::Matrix;
use concord::app::{Document, Selection};
use concord::scoring::{Evaluation, WeightSet};
use concord::ui::ConcordApp;

use common::{choose, click, ctrl, press, type_keys, H};

/// Sixty proposals in three regions, dated over eight years.
fn harness_with_many() -> H {
    let mut s = concord::synth::scenario(60, 12, 7);
    for (i, p) in s.proposals.iter_mut().enumerate() {
        p.group = ["Africa", "Asia", "Europe"][i % 3].to_owned();
        // Years without the digit 1, so that a search for "1" finds names only.
        p.date = format!("{}", 2002 + (i * 7) % 8);
    }
    let mut h = common::start(
        common::builder(egui::vec2(1400.0, 900.0)),
        common::options(None),
        concord::app::Prefs::default(),
    );
    let ctx = h.ctx.clone();
    *h.state_mut() = ConcordApp::with_document(&ctx, Document::new(s, None));
    h.run();
    h
}

/// File ▸ Import table…, the file's path typed key by key into the path field, Enter.
fn import_through_the_menu(h: &mut H, path: &std::path::Path) {
    click(h, "File");
    click(h, "Import table…");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(h, &path.display().to_string());
    press(h, Key::Enter);
}

fn shown(h: &H) -> Vec<usize> {
    h.state().state.shown_proposals().into_owned()
}

fn names(h: &H) -> Vec<String> {
    let s = h.state().state.scenario();
    shown(h)
        .into_iter()
        .map(|i| s.proposals[i].name.clone())
        .collect()
}

#[test]
fn a_search_typed_key_by_key_narrows_the_cards_and_the_table_follows() {
    let mut h = harness_with_many();
    assert_eq!(shown(&h).len(), 60);
    assert!(h.query_by_label_contains("Proposals 1–").is_some(), "paged");
    // Ctrl+F puts the cursor in the search field; the words are typed one key at a time.
    ctrl(&mut h, Key::F);
    type_keys(&mut h, "proposal 1");
    // Every proposal whose name holds both words: 1, 10–19, 21, 31, 41, 51.
    let found = names(&h);
    assert_eq!(found.len(), 15, "{found:?}");
    assert!(found.iter().all(|n| n.contains('1')));
    h.get_by_label("15 of 60 proposals");
    // The table's first column is the first proposal found, not the scenario's first.
    let first = shown(&h)[0];
    assert_eq!(first, 1);
    let header = h.state().state.scenario().proposals[first]
        .label()
        .to_owned();
    assert!(h.query_all_by_label(&header).count() >= 1);
    assert!(h.query_by_label("P0").is_none(), "P0 is not found");
    // Esc in the field clears it.
    press(&mut h, Key::Escape);
    assert_eq!(shown(&h).len(), 60);
    // Nothing matches: said, and "Show all" brings them back.
    ctrl(&mut h, Key::F);
    type_keys(&mut h, "zzz");
    h.get_by_label("No proposal of 60 matches");
    assert!(shown(&h).is_empty());
    click(&mut h, "Show all");
    assert_eq!(shown(&h).len(), 60);
}

#[test]
fn sorting_by_rank_name_date_and_coverage() {
    let mut h = harness_with_many();
    choose(&mut h, "Sort", "Rank");
    let eval = h.state().state.eval().clone();
    assert_eq!(shown(&h), eval.order, "best first, as the ranking");
    choose(&mut h, "Sort", "Date");
    let s = h.state().state.scenario().clone();
    let dates: Vec<&str> = shown(&h)
        .iter()
        .map(|&i| s.proposals[i].date.as_str())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    choose(&mut h, "Sort", "Name");
    let n = names(&h);
    let mut sorted = n.clone();
    sorted.sort_by_key(|x| x.to_lowercase());
    assert_eq!(n, sorted);
    choose(&mut h, "Sort", "Scenario order");
    assert_eq!(shown(&h), (0..60).collect::<Vec<_>>());
    choose(&mut h, "Sort", "Coverage");
    let cov: Vec<f64> = shown(&h)
        .iter()
        .map(|&i| eval.standings[i].coverage)
        .collect();
    assert!(cov.windows(2).all(|w| w[0] >= w[1]), "{cov:?}");
}

#[test]
fn a_group_filter_and_the_keyboard_moving_through_what_is_shown() {
    let mut h = harness_with_many();
    choose(&mut h, "Show", "Group: Asia");
    let s = h.state().state.scenario().clone();
    let asia: Vec<usize> = (0..60).filter(|i| i % 3 == 1).collect();
    assert_eq!(shown(&h), asia);
    h.get_by_label("20 of 60 proposals");
    // A search narrows within the group.
    ctrl(&mut h, Key::F);
    type_keys(&mut h, "proposal 1");
    assert_eq!(shown(&h), vec![1, 10, 13, 16, 19, 31]);
    // Tab from a cell of the first shown proposal goes to the next shown one (10), not 2.
    let c0 = s.criteria[0].id.clone();
    common::node(&h, &format!("P1 × {}", s.criteria[0].name)).focus();
    h.run();
    assert_eq!(
        h.state().state.selection(),
        &Selection::Cell(c0.clone(), "p1".into())
    );
    press(&mut h, Key::Tab);
    assert_eq!(
        h.state().state.selection(),
        &Selection::Cell(c0, "p10".into()),
        "Tab moves to the next proposal shown"
    );
}

#[test]
fn red_line_filters_on_the_lesson_match_everyone_at_once() {
    let mut h = common::start(
        common::builder(egui::vec2(1400.0, 900.0)),
        common::options(None),
        concord::app::Prefs::default(),
    );
    let s = h.state().state.scenario().clone();
    let m = Matrix::compute(&s, &Evaluation::new(&s, WeightSet::Base));
    choose(&mut h, "Show", "Acceptable to all (no red line crossed)");
    assert_eq!(shown(&h), m.acceptable_to_all());
    let israel = s
        .perspectives
        .iter()
        .position(|v| v.id == "israel-gov")
        .unwrap();
    let ruled: Vec<usize> = (0..s.proposals.len())
        .filter(|&p| m.blocks(p).iter().any(|b| b.perspective == israel))
        .collect();
    assert!(
        !ruled.is_empty(),
        "the lesson's Israeli red line rules something out"
    );
    let name = s.perspectives[israel].name.clone();
    choose(&mut h, "Show", &format!("Ruled out by {name}"));
    assert_eq!(shown(&h), ruled);
    // The table shows just those columns; the others' headers are gone.
    for (i, p) in s.proposals.iter().enumerate() {
        let in_table = h
            .query_all_by_label(p.label())
            .any(|n| n.accesskit_node().role() == Role::Label);
        if ruled.contains(&i) {
            assert!(in_table, "{} is shown", p.label());
        }
    }
    // Revealing a hidden proposal (from the analysis, say) clears the filter to show it.
    let hidden = (0..s.proposals.len()).find(|i| !ruled.contains(i)).unwrap();
    h.state_mut()
        .state
        .update_all([concord::app::Msg::Selection(SelectMsg::Reveal(
            Selection::Proposal(s.proposals[hidden].id.clone()),
        ))]);
    h.run();
    assert!(shown(&h).contains(&hidden));
    // A new document starts without the filter.
    choose(&mut h, "Show", &format!("Ruled out by {name}"));
    ctrl(&mut h, Key::N);
    h.run();
    assert!(h.state().state.browse().is_identity());
}

#[test]
fn a_table_is_imported_with_a_preview_then_added_to_the_open_scenario() {
    let mut h = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    );
    let table = std::path::absolute("tests/data/import/bom-semicolon-crlf.csv").unwrap();
    let import = |h: &mut H| import_through_the_menu(h, &table);
    import(&mut h);
    h.get_by_label("Import table: bom-semicolon-crlf.csv");
    h.get_by_label("3 proposals from the column \"Agreement\"");
    h.get_by_label(
        "criterion \"Ceasefire\": yes/no (weight 0: presence is not merit), higher is better",
    );
    // Leave a criterion out: the preview follows.
    common::click_role(&mut h, egui::accesskit::Role::CheckBox, "Elections");
    assert!(h
        .query_by_label(
            "criterion \"Elections\": yes/no (weight 0: presence is not merit), higher is better"
        )
        .is_none());
    // Added to the lesson as one undoable step.
    click(&mut h, "Add to this scenario");
    let s = h.state().state.scenario();
    assert_eq!(s.proposals.len(), 5 + 3);
    assert!(s.criteria.iter().any(|c| c.name == "Ceasefire"));
    assert!(!s.criteria.iter().any(|c| c.name == "Elections"));
    assert!(concord::io::validate(s).is_empty());
    common::ctrl(&mut h, Key::Z);
    assert_eq!(h.state().state.scenario().proposals.len(), 5);
    // As a new scenario: the lesson is as it was after the undo, so it opens at once.
    import(&mut h);
    click(&mut h, "Import as a new scenario");
    let s = h.state().state.scenario();
    assert_eq!(s.title, "Imported from bom-semicolon-crlf.csv");
    assert_eq!(s.proposals.len(), 3);
    assert!(h.state().state.doc().path.is_none());
}

#[test]
fn a_workbook_sheet_is_chosen_and_its_columns_given_parts_and_scales() {
    let mut h = common::start(
        common::builder(egui::vec2(1400.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    );
    let book = std::path::absolute("tests/data/import/formulas.xlsx").unwrap();
    import_through_the_menu(&mut h, &book);
    h.get_by_label("2 proposals from the column \"Agreement\"");
    // The second sheet: three accords with a year, a region, a summary and a code.
    choose(&mut h, "Sheet", "Regions");
    h.get_by_label("3 proposals from the column \"Agreement\"");
    h.get_by_label("their dates from the column \"Year\"");
    h.get_by_label("their groups from the column \"Region\"");
    // The summary's text is kept as provisions.
    common::click_role(&mut h, Role::CheckBox, "Summary: keep as provisions");
    h.get_by_label("provisions from the column \"Summary\"");
    // The ceasefire code, inferred as yes/no, read as two levels instead.
    choose(&mut h, "Ceasefire", "2 levels (codes 0–1)");
    h.get_by_label("criterion \"Ceasefire\": 2 levels (codes 0–1), higher is better");
    // No group after all, then the region again.
    choose(&mut h, "Groups from", "(none)");
    assert!(h
        .query_by_label("their groups from the column \"Region\"")
        .is_none());
    choose(&mut h, "Groups from", "Region");
    click(&mut h, "Import as a new scenario");
    let s = h.state().state.scenario().clone();
    assert_eq!(s.proposals.len(), 3);
    assert_eq!(s.proposals[0].date, "1994");
    assert_eq!(s.proposals[1].group, "Africa");
    assert_eq!(
        s.proposals[0].provisions[0].text,
        "Summary: Power sharing and a ceasefire."
    );
    assert!(
        s.proposals[2].provisions.is_empty(),
        "a blank cell adds none"
    );
    let cf = s.criteria.iter().find(|c| c.name == "Ceasefire").unwrap();
    assert_eq!(
        cf.scale,
        concord::model::Scale::Levels(vec!["code 0".into(), "code 1".into()])
    );
    assert_eq!(
        cf.weight, 1.0,
        "levels are weighed; only yes/no comes in at 0"
    );
    assert!(concord::io::validate(&s).is_empty());
    // The cards can be filtered by the imported groups at once.
    choose(&mut h, "Show", "Group: Asia");
    assert_eq!(shown(&h), vec![2]);
}
