//! A class round driven through the window: three students' files added (one broken, one
//! with a criterion of its own), what the round lists about each, the heat map's numbers,
//! Kendall's W, the agenda, a cell's readings, and removing a reading.

mod common;

use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};

use concord::analysis::round::round;
use concord::app::{Document, Selection};
use concord::ui::ConcordApp;

use common::{click, ctrl, press, type_keys, H};

fn harness_on_template() -> H {
    let mut h = common::start(
        common::builder(egui::vec2(1600.0, 1400.0)),
        common::options(None),
        concord::app::Prefs::default(),
    );
    let path = std::path::absolute("tests/data/round/template.ron").unwrap();
    let template = concord::io::load_path(&path).unwrap();
    let ctx = h.ctx.clone();
    *h.state_mut() = ConcordApp::with_document(&ctx, Document::new(template, Some(path)));
    h.run();
    h
}

/// Opens the round view (F8) and adds files through its button and the path field, typed
/// key by key as a person types them.
fn add_students(h: &mut H, typed: &str) {
    if h.state().state.main_view() != concord::app::MainView::Round {
        press(h, Key::F8);
    }
    click(h, "Add students' files…");
    h.get_by_label("File path");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(h, typed);
    press(h, Key::Enter);
    h.run();
}

#[test]
fn three_students_files_make_a_round_the_class_can_read() {
    let mut h = harness_on_template();
    add_students(
        &mut h,
        "student-01.ron; hostile/broken.ron; hostile/extra-criterion.ron",
    );
    let s = h.state().state.scenario().clone();
    let students: Vec<&str> = s
        .perspectives
        .iter()
        .filter(|p| p.kind == concord::model::PerspectiveKind::Student)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(students, ["Student 01", "Extra Criterion"]);
    assert_eq!(
        h.state().state.history().undo_label(),
        Some("add 2 student readings")
    );
    // What became of each file is listed, problems included.
    h.get_by_label_contains("broken.ron: does not load; not added");
    h.get_by_label_contains("broken.ron:4:17:");
    h.get_by_label_contains(
        "extra-criterion.ron: criterion \"my-own-test\" is not in the template: left out",
    );
    h.get_by_label("2 student readings in this round.");
    // Agreement on the order, as the analysis works it out.
    let r = round(&s);
    let w = r.concordance.expect("two readings of five proposals").w;
    h.get_by_label_contains(&format!("(Kendall's W = {w:.2};"));
    // The heat map says each cell's median, spread and how many chose, from the readings.
    let (k, j) = r.agenda[0];
    let (c, p) = (&s.criteria[k], &s.proposals[j]);
    let cell = &r.cells[k * s.proposals.len() + j];
    assert_eq!(cell.chosen.len(), 2, "the agenda's cell was chosen by both");
    let label = format!("Round: {} × {}: median ", p.label(), c.name);
    let node = h.get_by_label_contains(&label);
    // On a scale of levels, the levels the two students chose, not points of 100.
    let text = format!(
        "{}, 2 chose",
        concord::analysis::round::spread_words(c, cell)
    );
    assert!(text.starts_with("the levels chosen: "), "{text}");
    assert!(
        node.accesskit_node()
            .label()
            .unwrap_or_default()
            .contains(&text),
        "{text}"
    );
    // The agenda names it first; a click shows each student's reading of it.
    let agenda = format!("1. {} × {}", p.label(), c.name);
    click(&mut h, &agenda);
    assert_eq!(
        *h.state().state.selection(),
        Selection::Cell(c.id.clone(), p.id.clone())
    );
    h.get_by_label(&format!(
        "Each student's reading of {} × {}",
        p.label(),
        c.name
    ));
    h.get_by_label_contains("Student 01: ");
    h.get_by_label_contains("Extra Criterion: ");
}

#[test]
fn a_reading_is_removed_and_undo_brings_it_back() {
    let mut h = harness_on_template();
    add_students(&mut h, "student-01.ron; student-02.ron");
    // Below the fold of the view: reached with the keyboard, as a person would.
    common::activate(&mut h, "Readings in this round: 2");
    common::activate(&mut h, "Remove Student 01's reading");
    let names = |h: &H| -> Vec<String> {
        h.state()
            .state
            .scenario()
            .perspectives
            .iter()
            .map(|p| p.name.clone())
            .collect()
    };
    assert_eq!(names(&h), ["Student 02"]);
    h.get_by_label("1 student reading in this round.");
    ctrl(&mut h, Key::Z);
    assert_eq!(names(&h), ["Student 01", "Student 02"]);
    // The same file again is refused, by name.
    add_students(&mut h, "student-02.ron");
    h.get_by_label_contains(
        "student-02.ron: already in this round, or the lesson itself; not added again",
    );
    assert_eq!(names(&h).len(), 2);
}

#[test]
fn a_hand_out_asks_the_students_name_keeps_its_structure_and_comes_back_as_a_reading() {
    let mut h = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    );
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("dana.ron");
    // The teacher hands out the lesson without their scores.
    click(&mut h, "File");
    click(&mut h, "Class rounds");
    click(&mut h, "Hand out for a class round…");
    h.get_by_label("Hand out for a class round");
    click(&mut h, "Save the students' copy…");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, &copy.display().to_string());
    press(&mut h, Key::Enter);
    assert!(
        !h.state().state.doc().is_dirty(),
        "the lesson itself is unchanged"
    );
    let handed = concord::io::load_path(&copy).unwrap();
    assert!(handed.handout.as_ref().unwrap().scores_hidden);
    assert!(handed.scores.is_empty() && handed.authors.is_empty());
    // The parties' red lines mark their evidence as the parties' own words: format 5.
    assert_eq!(handed.format, 5);
    let lesson = concord::seeds::default_scenario().unwrap();
    assert_eq!(handed.criteria, lesson.criteria);

    // The student opens it: the first thing asked is a name, typed key by key.
    common::ctrl(&mut h, Key::O);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, &copy.display().to_string());
    press(&mut h, Key::Enter);
    h.get_by_label("Your name");
    type_keys(&mut h, "Dana");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().state.scenario().authors, ["Dana"]);
    // Proposals and criteria stay as handed out.
    common::ctrl_shift(&mut h, Key::C);
    assert_eq!(
        h.state().state.scenario().criteria.len(),
        lesson.criteria.len()
    );
    assert!(h
        .state()
        .state
        .status()
        .contains("handed out for a class round"));
    // Dana scores one cell and saves.
    click(&mut h, "API × Ends the Gaza blockade");
    click(&mut h, "Strong");
    common::ctrl(&mut h, Key::S);
    assert!(!h.state().state.doc().is_dirty());

    // Back with the teacher: Dana's copy is one reading, named for her.
    let mut known = std::collections::BTreeSet::new();
    let reports = concord::io::round_files::read_students(
        &lesson,
        std::slice::from_ref(&copy),
        &mut known,
        &std::sync::atomic::AtomicBool::new(false),
        |_| {},
    );
    let concord::io::round_files::Outcome::Added(reading) = &reports[0].outcome else {
        panic!("{:?}", reports[0].outcome);
    };
    assert_eq!(reading.perspective.name, "Dana");
    assert_eq!(reading.chosen, 1);
    let api = reading
        .perspective
        .readings
        .iter()
        .find(|r| r.criterion == "blockade" && r.proposal == "api")
        .unwrap();
    assert_eq!(api.value, Some(concord::model::ScoreValue::Level(3)));
    // The cells Dana left blank are hers too: not the teacher's scores.
    assert!(
        reading
            .perspective
            .readings
            .iter()
            .filter(|r| r.value.is_none())
            .count()
            >= 70
    );
}

#[test]
fn an_empty_round_offers_both_steps_and_hand_out_opens_its_dialog() {
    let mut h = harness_on_template();
    press(&mut h, Key::F8);
    h.get_by_label("Add students' files…");
    // The first step, from the round itself rather than the File menu.
    click(&mut h, "Hand out for a class round…");
    h.get_by_label("Hand out for a class round");
    h.get_by_label("Save the students' copy…");
    press(&mut h, Key::Escape);
    assert!(h.query_by_label("Save the students' copy…").is_none());
    assert!(!h.state().state.doc().is_dirty(), "nothing changed");
}

#[test]
fn the_presentation_reveals_the_round_after_the_ranking() {
    let mut h = harness_on_template();
    add_students(&mut h, "student-01.ron; student-02.ron; student-03.ron");
    let s = h.state().state.scenario().clone();
    let list = concord::app::present::steps(&s, false);
    let at = list
        .iter()
        .position(|st| *st == concord::app::present::Step::Ranking)
        .unwrap();
    assert_eq!(
        &list[at + 1..at + 4],
        [0, 1, 2].map(concord::app::present::Step::Round)
    );
    // No slide per student: the students are together on the round's slides.
    assert!(!list
        .iter()
        .any(|st| matches!(st, concord::app::present::Step::Perspective(_))));
    press(&mut h, Key::F5);
    while h.state().state.presenter().unwrap().step < at + 1 {
        press(&mut h, Key::ArrowRight);
    }
    h.get_by_label("The class round");
    assert_eq!(
        h.query_all_by_label_contains("median ").count(),
        5,
        "one per proposal"
    );
    assert!(
        h.query_by_label_contains("The class agrees").is_none(),
        "revealed next"
    );
    press(&mut h, Key::ArrowRight);
    let w = round(&s).concordance.unwrap().w;
    h.get_by_label_contains(&format!("Kendall's W = {w:.2}"));
    assert!(h.query_by_label("To discuss first").is_none());
    press(&mut h, Key::ArrowRight);
    h.get_by_label("To discuss first");
    // The lesson's criteria are levels: the agenda names the levels chosen, not points.
    assert_eq!(
        h.query_all_by_label_contains("the levels chosen: ").count(),
        3
    );
    assert!(h
        .query_by_label_contains("the middle half of the class spans")
        .is_none());
}

#[test]
fn two_proposals_line_up_provision_by_provision() {
    let mut h = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    );
    click(&mut h, "Arab Peace Initiative");
    click(&mut h, "Compare provisions with…");
    // The entry in the open menu (the table's column is also called so).
    let entry = || {
        h.get_all_by_label("Confederation")
            .rfind(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
            .expect("the menu entry")
            .rect()
            .center()
    };
    let at = entry();
    h.hover_at(at);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    h.get_by_label("API and Confederation, provision by provision");
    h.get_by_label("Jerusalem as a shared capital.");
    h.get_by_label_contains("In Confederation, not in API: Ends the Gaza blockade");
    // Another document: the window belongs to this one and goes.
    let ctx = h.ctx.clone();
    let blank = concord::seeds::blank_scenario().unwrap();
    *h.state_mut() = ConcordApp::with_document(&ctx, Document::new(blank, None));
    h.run();
    assert!(h
        .query_by_label("API and Confederation, provision by provision")
        .is_none());
}

#[test]
fn comparing_with_a_file_marks_the_cells_that_differ_until_closed() {
    let mut h = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    );
    let lesson = concord::seeds::default_scenario().unwrap();
    let mut copy = lesson.clone();
    let at = copy.score_position("blockade", "abraham").unwrap();
    copy.scores[at].value = Some(concord::model::ScoreValue::Level(2));
    copy.scores[at].rationale = "A student's reading: trade opens crossings.".into();
    copy.criteria[1].weight = 3.0;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.ron");
    concord::io::save_path(&copy, &path).unwrap();
    click(&mut h, "File");
    click(&mut h, "Compare with file…");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, &path.display().to_string());
    press(&mut h, Key::Enter);
    h.get_by_label("Comparing with copy.ron: 2 differences; 1 cell marked in the table");
    let cell = "Abraham × Ends the Gaza blockade";
    assert!(
        common::cell_name(&h, cell).ends_with("(differs in the compared file)"),
        "{}",
        common::cell_name(&h, cell)
    );
    click(&mut h, "Show the differences");
    h.get_by_label("    now: A student's reading: trade opens crossings.");
    click(&mut h, "Hide the differences");
    // The marks follow the document: scored as in the file, the cell no longer differs.
    click(&mut h, cell);
    click(&mut h, "Partial");
    // Same value, the teacher's reason: the cell still differs by its reason.
    assert_eq!(h.state().state.comparison().unwrap().count, 2);
    click(&mut h, "Stop comparing");
    assert!(
        h.state().state.comparison().is_none(),
        "{} {:?}",
        h.state().state.status(),
        h.state().state.dialog().is_some()
    );
    assert!(!common::cell_name(&h, cell).contains("differs"));
}

#[test]
fn a_file_to_compare_that_does_not_load_leaves_the_document_alone() {
    let mut h = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    );
    let before = h.state().state.scenario().clone();
    click(&mut h, "File");
    click(&mut h, "Compare with file…");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    let broken = std::path::absolute("tests/data/round/hostile/broken.ron").unwrap();
    type_keys(&mut h, &broken.display().to_string());
    press(&mut h, Key::Enter);
    h.get_by_label_contains("broken.ron:4:17:");
    assert!(h.state().state.comparison().is_none());
    assert_eq!(h.state().state.scenario(), &before);
}

#[test]
fn the_handout_is_exported_from_the_file_menu() {
    let mut h = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesson.html");
    click(&mut h, "File");
    click(&mut h, "Export handout (HTML)…");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, &path.display().to_string());
    press(&mut h, Key::Enter);
    let html = std::fs::read_to_string(&path).expect("the handout was written");
    let lesson = concord::seeds::default_scenario().unwrap();
    let expected =
        concord::io::handout_html::handout_html(&lesson, concord::scoring::WeightSet::Base);
    assert_eq!(html, expected);
    assert!(h
        .state()
        .state
        .status()
        .contains("open it in a browser to print"));
}

#[test]
fn the_box_plot_of_the_students_totals_has_a_sentence_and_a_table() {
    let mut h = harness_on_template();
    add_students(&mut h, "student-01.ron; student-02.ron; student-03.ron");
    let s = h.state().state.scenario().clone();
    let r = round(&s);
    assert_eq!(r.students.len(), 3);
    let summary = concord::app::spoken::round_totals_summary(&s, &r);
    assert!(
        summary.contains("has the highest median total among the students"),
        "{summary}"
    );
    h.get_by_label(&summary);
    let (header, rows) = concord::app::spoken::round_totals_table(&s, &r);
    assert_eq!(header[3], "Median");
    // Each box as drawn: three students' totals, the middle one the median, the ends the
    // lowest and highest, the quartiles halfway to them.
    for row in &rows {
        let j = s
            .proposals
            .iter()
            .position(|p| p.label() == row[0])
            .unwrap();
        let mut t: Vec<f64> = r
            .totals
            .iter()
            .filter_map(|x| x[j])
            .map(|v| v * 100.0)
            .collect();
        t.sort_by(f64::total_cmp);
        assert_eq!(t.len(), 3);
        let words: Vec<String> = [t[0], (t[0] + t[1]) / 2.0, t[1], (t[1] + t[2]) / 2.0, t[2]]
            .iter()
            .map(|v| format!("{v:.0}"))
            .collect();
        assert_eq!(row[1..6], words[..], "{}", row[0]);
        assert_eq!(row[6], "3");
    }
    common::node(&h, "Show the students' totals as a table").scroll_to_me();
    h.run();
    click(&mut h, "Show the students' totals as a table");
    assert!(h.query_all_by_label(&rows[0][3]).count() >= 1);
}
