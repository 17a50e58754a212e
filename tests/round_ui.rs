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
    let text = format!("spread {:.0} of 100, 2 chose", cell.iqr.unwrap() * 100.0);
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
    h.get_by_label_contains("student-02.ron: already in this round; not added again");
    assert_eq!(names(&h).len(), 2);
}
