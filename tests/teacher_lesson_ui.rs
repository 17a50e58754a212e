//! What a teacher met building a five-proposal Cyprus lesson from blank, driven through the
//! window: the ranking slide shows all five proposals at 1024×768 without a scroll bar, the
//! class round's agenda is whole at 1920×1080, every file derived from the lesson is
//! offered a name of its own beside it (never the lesson's path), and a yes/no question's
//! disagreement is said in yes and no, not in points of 100.
//!
//! Long (about 850 lines): one teacher's session from blank, step by step; the steps build
//! on each other's lesson, so they stay together.

mod common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};

use concord::app::{Document, Prefs};
use concord::model::{Perspective, PerspectiveKind, Scale, Scenario, Score, ScoreValue};
use concord::ui::ConcordApp;

use common::{click, press, type_keys, H};

/// Five proposals with names of 60–80 characters, six criteria of all three scale kinds,
/// five parties, and four students whose readings split on a yes/no question.
fn cyprus() -> Scenario {
    let mut s = concord::synth::scenario(5, 6, 2004);
    s.title = "Cyprus: five ways to one island".into();
    let names = [
        "Annan Plan: United Cyprus Republic, a bizonal bicommunal federation (2004)",
        "Crans-Montana framework: the Guterres six-point framework for a settlement",
        "A two-state solution, the position of the Turkish Cypriot leadership since 2021",
        "A loose confederation of two constituent states under a common European roof",
        "The status quo: a divided island with a UN buffer zone and guarantor powers",
    ];
    for (p, name) in s.proposals.iter_mut().zip(names) {
        p.name = name.into();
        p.short_name = String::new();
    }
    for (k, c) in s.criteria.iter_mut().enumerate() {
        c.name = [
            "Troops stationed on the island",
            "Security and guarantees",
            "Political equality of the two communities",
            "Property restitution and compensation",
            "Territory returned",
            "Approved by referendum in both communities",
        ][k]
            .into();
    }
    for j in 0..5 {
        s.perspectives.push(Perspective {
            id: format!("party{j}"),
            name: format!("Party {j} (stated positions)"),
            weights: s
                .criteria
                .iter()
                .map(|c| (c.id.clone(), 1.0 + j as f64))
                .collect(),
            ..Perspective::default()
        });
    }
    // The yes/no question the students split on: two Yes, two No. Elsewhere they agree.
    let yes_no = s
        .criteria
        .iter()
        .find(|c| c.scale == Scale::YesNo)
        .unwrap()
        .id
        .clone();
    for i in 0..4 {
        let readings = s
            .scores
            .iter()
            .map(|sc| Score {
                value: if sc.criterion == yes_no && sc.proposal == "p0" {
                    Some(ScoreValue::Bool(i < 2))
                } else {
                    sc.value
                },
                rationale: format!("Student {i}'s reason."),
                ..sc.clone()
            })
            .collect();
        s.perspectives.push(Perspective {
            id: format!("student{i}"),
            name: format!("Student {i}"),
            kind: PerspectiveKind::Student,
            weights: s
                .criteria
                .iter()
                .map(|c| (c.id.clone(), 1.0 + i as f64))
                .collect(),
            readings,
            ..Perspective::default()
        });
    }
    assert!(concord::io::validate(&s).is_empty());
    s
}

/// The lesson saved as `cyprus.ron` in `dir` and open in a window of `size`.
fn open(dir: &Path, size: egui::Vec2) -> (H, PathBuf) {
    let path = dir.join("cyprus.ron");
    let s = cyprus();
    std::fs::write(&path, concord::io::to_ron_string(&s).unwrap()).unwrap();
    let mut h = common::start(
        common::builder(size),
        common::options(None),
        Prefs::default(),
    );
    let ctx = h.ctx.clone();
    *h.state_mut() = ConcordApp::with_document(&ctx, Document::new(s, Some(path.clone())));
    h.run();
    (h, path)
}

fn presenter_step(h: &H) -> (usize, usize, usize) {
    let p = h.state().state.presenter().unwrap();
    (p.step, p.page, p.pages)
}

/// Every label inside the window, and no scroll bar.
fn fits(h: &H, what: &str) {
    if let Some(why) = common::misfit(h) {
        panic!("{what}: {why}");
    }
}

/// Presses → until `step` shows (its first part).
fn go_to(h: &mut H, step: concord::app::present::Step) {
    let list = h.state().state.present_steps();
    let at = list.iter().position(|s| *s == step).unwrap();
    press(h, Key::F5);
    while presenter_step(h).0 < at {
        press(h, Key::ArrowRight);
    }
}

#[test]
fn the_ranking_slide_shows_all_five_long_names_at_1024_by_768() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open(dir.path(), egui::vec2(1024.0, 768.0));
    go_to(&mut h, concord::app::present::Step::Ranking);
    let mut seen = Vec::new();
    loop {
        fits(&h, "the ranking");
        for (i, name) in cyprus()
            .proposals
            .iter()
            .map(|p| p.name.clone())
            .enumerate()
        {
            if h.query_by_label(&name).is_some() {
                seen.push(i);
            }
        }
        let (_, page, pages) = presenter_step(&h);
        if page + 1 >= pages {
            break;
        }
        // The next part of the same step, reached with the same key.
        press(&mut h, Key::ArrowRight);
        h.get_by_label_contains(&format!("part {} of {pages}", page + 2));
    }
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, [0, 1, 2, 3, 4], "every proposal, whole, on some part");
}

#[test]
fn the_class_rounds_agenda_is_whole_at_1920_by_1080_and_says_yes_and_no() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open(dir.path(), egui::vec2(1920.0, 1080.0));
    go_to(&mut h, concord::app::present::Step::Round(2));
    fits(&h, "the agenda");
    h.get_by_label("To discuss first");
    // The split yes/no question heads the agenda, in yes and no.
    h.get_by_label_contains("2 of 4 chose Yes");
    assert!(h.query_by_label_contains("points of 100").is_none_or(|n| !n
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .contains("Approved by referendum")));
    // The round view's heat map says the same of that cell.
    press(&mut h, Key::Escape);
    press(&mut h, Key::F8);
    let s = h.state().state.scenario().clone();
    let c = s.criteria.iter().find(|c| c.scale == Scale::YesNo).unwrap();
    let label = format!("Round: {} × {}: ", s.proposals[0].label(), c.name);
    let node = h.get_by_label_contains(&label);
    let said = node
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .to_string();
    assert!(said.contains("2 of 4 chose Yes"), "{said}");
}

/// Opens File ▸ `item` and returns the path the path field offers.
fn offered(h: &mut H, item: &str) -> String {
    click(h, "File");
    // A menu item's name carries its shortcut, if it has one.
    h.get_by_label_contains(item).hover();
    h.run();
    h.get_by_label_contains(item).click();
    h.run();
    path_field(h)
}

/// The text of the path field (a dialog asking where a file goes).
fn path_field(h: &H) -> String {
    let node = h.get_by_role_and_label(Role::TextInput, "File path");
    node.accesskit_node()
        .value()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn every_derived_file_is_offered_a_name_of_its_own_beside_the_lesson() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, lesson) = open(dir.path(), egui::vec2(1600.0, 1000.0));
    let before = std::fs::read(&lesson).unwrap();
    let beside = |name: &str| dir.path().join(name).display().to_string();
    for (item, expected) in [
        ("Export view as PNG…", "cyprus – view.png"),
        ("Export handout (HTML)…", "cyprus – handout.html"),
        ("Export workbook (xlsx)…", "cyprus – workbook.xlsx"),
        ("Export table as CSV…", "cyprus – table.csv"),
    ] {
        assert_eq!(offered(&mut h, item), beside(expected), "{item}");
        press(&mut h, Key::Escape);
    }
    // The students' copy, from the hand-out dialog: accepted as offered, it is written
    // beside the lesson and the lesson is untouched.
    click(&mut h, "File");
    click(&mut h, "Class rounds");
    click(&mut h, "Hand out for a class round…");
    click(&mut h, "Save the students' copy…");
    let text = path_field(&h);
    assert_eq!(text, beside("cyprus – students.ron"));
    press(&mut h, Key::Enter);
    let copy = dir.path().join("cyprus – students.ron");
    let handed = concord::io::load_path(&copy).expect("the students' copy was written");
    assert!(handed.handout.is_some());
    assert_eq!(
        std::fs::read(&lesson).unwrap(),
        before,
        "the lesson is as it was"
    );
    // The handout too, accepted as offered.
    click(&mut h, "File");
    click(&mut h, "Export handout (HTML)…");
    press(&mut h, Key::Enter);
    assert!(dir.path().join("cyprus – handout.html").exists());
    assert_eq!(std::fs::read(&lesson).unwrap(), before);
    // Typed over, a name without a folder still goes beside the lesson.
    click(&mut h, "File");
    click(&mut h, "Export table as CSV…");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, "for the class");
    press(&mut h, Key::Enter);
    assert!(dir.path().join("for the class.csv").exists());
}

#[test]
fn two_reports_of_one_series_are_told_apart_on_a_slide_by_their_year() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open(dir.path(), egui::vec2(1280.0, 720.0));
    // Two UN reports whose long titles are the same past the cut, cited on one criterion.
    let title = "Report of the Secretary-General on his mission of good offices in Cyprus";
    let mut s = h.state().state.scenario().clone();
    for (id, date) in [("un-2004", "2004-05-28"), ("un-2017", "2017-10-09")] {
        s.sources.push(concord::model::Source {
            id: id.into(),
            title: title.into(),
            publication: "United Nations Security Council".into(),
            date: date.into(),
            url: "https://www.un.org".into(),
            ..Default::default()
        });
    }
    let c = s.criteria[0].id.clone();
    for (p, id) in [("p0", "un-2004"), ("p1", "un-2017")] {
        let i = s.score_position(&c, p).unwrap();
        s.scores[i].evidence = vec![concord::model::Citation {
            source: id.into(),
            locator: "para. 12".into(),
            ..Default::default()
        }];
    }
    let ctx = h.ctx.clone();
    *h.state_mut() = ConcordApp::with_document(&ctx, Document::new(s, None));
    h.run();
    go_to(&mut h, concord::app::present::Step::Criterion(0));
    let mut said = Vec::new();
    loop {
        for node in h.query_all_by_label_contains("Source: Report of the Secretary") {
            let n = node.accesskit_node();
            said.push(n.label().or(n.value()).unwrap_or_default().to_string());
        }
        let (_, page, pages) = presenter_step(&h);
        if page + 1 >= pages {
            break;
        }
        press(&mut h, Key::ArrowRight);
    }
    assert!(
        said.iter().any(|l| l.contains("(2004), para. 12")),
        "{said:?}"
    );
    assert!(
        said.iter().any(|l| l.contains("(2017), para. 12")),
        "{said:?}"
    );
}

#[test]
fn f1_lists_the_keys_of_a_cell_from_the_table_the_app_uses() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open(dir.path(), egui::vec2(1280.0, 900.0));
    press(&mut h, Key::F1);
    h.get_by_label("On a cell of the table");
    for (keys, what) in concord::app::cell_keys::CELL_KEYS {
        h.get_by_label(what);
        assert!(h.query_all_by_label(keys).next().is_some(), "{keys}");
    }
}

/// The lesson's folder as a teacher keeps it: the lesson, a backup of it, the blank
/// students' copy, and the class's copies in a subfolder, each named by its student.
fn class_folder(dir: &Path) -> PathBuf {
    let mut lesson = cyprus();
    lesson
        .perspectives
        .retain(|p| p.kind != PerspectiveKind::Student);
    lesson.authors = vec!["Ms Ioannou".into()];
    let write = |path: &Path, s: &Scenario| {
        std::fs::write(path, concord::io::to_ron_string(s).unwrap()).unwrap();
    };
    let path = dir.join("cyprus.ron");
    write(&path, &lesson);
    write(&dir.join("cyprus backup.ron"), &lesson);
    write(&dir.join("cyprus old.ron"), &lesson);
    let blank = concord::model::Handout::copy_of(&lesson, false);
    write(&dir.join("cyprus – students.ron"), &blank);
    let class = dir.join("class 9B");
    std::fs::create_dir(&class).unwrap();
    for (i, student) in ["Eleni", "Mehmet"].into_iter().enumerate() {
        let mut copy = blank.clone();
        copy.authors = vec![student.into()];
        copy.criteria[0].weight = 3.0 + i as f64;
        write(&class.join(format!("{student}.ron")), &copy);
    }
    path
}

#[test]
fn only_students_files_are_added_the_rest_listed_with_why_and_subfolders_offered() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = class_folder(dir.path());
    let mut h = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        Prefs::default(),
    );
    let ctx = h.ctx.clone();
    let s = concord::io::load_path(&lesson).unwrap();
    *h.state_mut() = ConcordApp::with_document(&ctx, Document::new(s, Some(lesson.clone())));
    h.run();
    // The dialog starts in the lesson's folder; accepted as offered.
    click(&mut h, "File");
    click(&mut h, "Class rounds");
    click(&mut h, "Add students' files…");
    let offered = path_field(&h);
    assert_eq!(offered, dir.path().display().to_string());
    press(&mut h, Key::Enter);
    for _ in 0..20 {
        h.step();
    }
    h.run();
    let students = |h: &H| {
        h.state()
            .state
            .scenario()
            .perspectives
            .iter()
            .filter(|p| p.kind == PerspectiveKind::Student)
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
    };
    assert!(
        students(&h).is_empty(),
        "the teacher's files are no students"
    );
    // Each file skipped, and why.
    h.get_by_label_contains("cyprus backup.ron: not a student's file (a backup, by its name)");
    h.get_by_label_contains("cyprus old.ron: not a student's file (the teacher's own file");
    h.get_by_label_contains(
        "cyprus – students.ron: not a student's file (the blank students' copy",
    );
    h.get_by_label_contains("cyprus.ron: already in this round, or the lesson itself");
    // The class's copies are one folder down: offered, and added with one click.
    h.get_by_label("The folder's subfolders hold 2 .ron files too: class 9B (2).");
    click(&mut h, "Add the files in its subfolders (2)");
    for _ in 0..20 {
        h.step();
    }
    h.run();
    assert_eq!(students(&h), ["Eleni", "Mehmet"]);
}

#[test]
fn concord_round_on_the_lesson_folder_skips_the_teachers_files_and_names_subfolders() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = class_folder(dir.path());
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_concord"))
        .args([
            "round",
            &lesson.display().to_string(),
            &dir.path().display().to_string(),
        ])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        out.contains("cyprus backup.ron: not a student's file (a backup, by its name)"),
        "{out}"
    );
    assert!(
        out.contains("cyprus – students.ron: not a student's file (the blank students' copy"),
        "{out}"
    );
    assert!(
        err.contains("its subfolders hold .ron files too, not read:"),
        "{err}"
    );
    assert!(err.contains("class 9B (2)"), "{err}");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_concord"))
        .args([
            "round",
            &lesson.display().to_string(),
            &dir.path().join("class 9B").display().to_string(),
        ])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("2 student readings in this round."), "{out}");
}

fn concord(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .output()
        .expect("the concord binary runs")
}

#[test]
fn the_take_home_material_says_what_each_party_weighs_rules_out_and_reads() {
    let dir = tempfile::tempdir().unwrap();
    // The default lesson with one reading of the Israeli government's, to see it printed.
    let mut s = concord::seeds::default_scenario().unwrap();
    let view = s
        .perspectives
        .iter_mut()
        .find(|p| p.id == "israel-gov")
        .unwrap();
    view.readings.push(Score {
        criterion: "security-guarantees".into(),
        proposal: "land-for-all".into(),
        value: Some(ScoreValue::Level(1)),
        rationale: "A reading written for this test.".into(),
        ..Score::default()
    });
    let lesson = dir.path().join("lesson.ron");
    std::fs::write(&lesson, concord::io::to_ron_string(&s).unwrap()).unwrap();
    let lesson = lesson.display().to_string();
    for (to, file) in [("md", "lesson.md"), ("html", "lesson.html")] {
        let out = dir.path().join(file).display().to_string();
        let o = concord(&["export", &lesson, "--to", to, "-o", &out]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let text = std::fs::read_to_string(&out).unwrap();
        // A section per party: weights (stated and not), red lines with reasons, readings.
        assert!(text.contains("Through each perspective"), "{to}");
        assert!(text.contains("Hamas (2017 document)"), "{to}");
        assert!(text.contains("Weights:"), "{to}");
        assert!(
            text.contains("Mutual recognition and regional normalization"),
            "{to}"
        );
        assert!(text.contains("accepts at most Weak"), "{to}");
        assert!(
            text.contains("There shall be no recognition of the legitimacy"),
            "{to}"
        );
        assert!(text.contains("neither meets nor crosses it"), "{to}");
        assert!(text.contains("Its own readings"), "{to}");
        assert!(text.contains("A reading written for this test."), "{to}");
    }
}

#[test]
fn the_workbook_says_levels_in_words_and_its_totals_show_without_recalculating() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lesson.xlsx");
    let o = concord(&[
        "export",
        "seeds/gaza-ceasefire-2023.ron",
        "--to",
        "xlsx",
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let sheet = wb.worksheet_range("Criteria weights").unwrap();
    let s = concord::seeds::default_scenario().unwrap();
    let (n_c, n_p) = (s.criteria.len() as u32, s.proposals.len() as u32);
    // The words block sits one column right of the numbers: API's blockade is "Weak",
    // Aqaba+'s "Silent".
    let words = 3 + n_p + 1;
    assert_eq!(
        sheet.get_value((0, words)),
        Some(&Data::String("API (as scored)".into()))
    );
    assert_eq!(
        sheet.get_value((1, words)),
        Some(&Data::String("Weak".into()))
    );
    assert_eq!(
        sheet.get_value((1, words + 2)),
        Some(&Data::String("Silent".into()))
    );
    // The totals as cached with the formulas: what a viewer that does not recalculate shows.
    let e = concord::scoring::Evaluation::new(&s, concord::scoring::WeightSet::Base);
    for p in 0..n_p {
        let want = e.standings[p as usize].total.unwrap() * 100.0;
        match sheet.get_value((n_c + 1, 3 + p)) {
            Some(Data::Float(got)) => assert!((got - want).abs() < 1e-6, "{got} vs {want}"),
            other => panic!("total of proposal {p}: {other:?}"),
        }
        let rank = e.standings[p as usize].rank.unwrap() as f64;
        assert_eq!(sheet.get_value((n_c + 3, 3 + p)), Some(&Data::Float(rank)));
    }
}

/// Five Cyprus proposals by troops stationed and political equality: fewer troops is
/// better, more equality is better.
const TROOPS_CSV: &str = "Proposal,Troops stationed,Political equality (0-10)\n\
Annan Plan,950,7\n\
Crans-Montana framework,650,8\n\
Two states,40000,4\n\
Confederation,5000,6\n\
Status quo,40000,2\n";

#[test]
fn importing_a_table_asks_which_way_each_column_runs_with_a_guess_from_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cyprus.csv");
    std::fs::write(&csv, TROOPS_CSV).unwrap();
    // The command line: guessed from the header, said, and carried into the scenario.
    let out = dir.path().join("guessed.ron");
    let o = concord(&[
        "import",
        &csv.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    let said = String::from_utf8_lossy(&o.stdout);
    let line = |name: &str| {
        said.lines()
            .find(|l| l.starts_with(&format!("criterion \"{name}\"")))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        line("Troops stationed").ends_with("lower is better"),
        "{said}"
    );
    assert!(
        line("Political equality (0-10)").ends_with("higher is better"),
        "{said}"
    );
    let s = concord::io::load_path(&out).unwrap();
    assert_eq!(
        s.criteria[0].direction,
        concord::model::Direction::LowerIsBetter
    );
    assert_eq!(
        s.criteria[1].direction,
        concord::model::Direction::HigherIsBetter
    );
    let e = concord::scoring::Evaluation::new(&s, concord::scoring::WeightSet::Base);
    let last = *e.order.last().unwrap();
    assert_eq!(
        s.proposals[last].name, "Status quo",
        "most troops, least equality: last"
    );
    // Told otherwise, it does as it is told.
    let out = dir.path().join("told.ron");
    let o = concord(&[
        "import",
        &csv.display().to_string(),
        "--lower-is-better",
        "none",
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let s = concord::io::load_path(&out).unwrap();
    assert_eq!(
        s.criteria[0].direction,
        concord::model::Direction::HigherIsBetter
    );

    // The window: the import dialog ticks "lower is better" for the troops, and a person
    // can untick it before importing.
    let mut h = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        Prefs::default(),
    );
    click(&mut h, "File");
    click(&mut h, "Import table…");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, &csv.display().to_string());
    press(&mut h, Key::Enter);
    let troops = h.get_by_label("Troops stationed: lower is better");
    assert_eq!(
        troops.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    let equality = h.get_by_label("Political equality (0-10): lower is better");
    assert_eq!(
        equality.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );
    click(&mut h, "Import as a new scenario");
    let s = h.state().state.scenario();
    assert_eq!(
        s.criteria[0].direction,
        concord::model::Direction::LowerIsBetter
    );
    let last = *h.state().state.eval().order.last().unwrap();
    assert_eq!(
        h.state().state.scenario().proposals[last].name,
        "Status quo"
    );
}

/// Four Cyprus proposals on two criteria, and two parties who disagree on the first: the
/// Turkish Cypriot leadership wants Turkey's troops to stay as guarantors, the Greek
/// Cypriot side wants them gone. The criterion, as the teacher wrote it, rewards more.
fn two_communities() -> Scenario {
    use concord::model::{Criterion, Proposal};
    let mut s = Scenario {
        title: "Cyprus: who wants what".into(),
        ..Scenario::default()
    };
    for (id, name) in [
        ("status-quo", "The status quo"),
        ("annan", "Annan Plan"),
        ("two-states", "Two states"),
        ("federation", "A federation without guarantors"),
    ] {
        s.proposals.push(Proposal::new(id, name));
    }
    let mut troops = Criterion::new("troops", "Turkish troops stay as guarantors");
    troops.scale = Scale::Numeric {
        min: 0.0,
        max: 40000.0,
        step: 100.0,
    };
    let mut equality = Criterion::new("equality", "Political equality");
    equality.scale = Scale::Numeric {
        min: 0.0,
        max: 10.0,
        step: 1.0,
    };
    s.criteria = vec![troops, equality];
    for (p, t, e) in [
        ("status-quo", 40000.0, 2.0),
        ("annan", 950.0, 7.0),
        ("two-states", 40000.0, 4.0),
        ("federation", 0.0, 9.0),
    ] {
        for (c, v) in [("troops", t), ("equality", e)] {
            s.scores.push(Score {
                criterion: c.into(),
                proposal: p.into(),
                value: Some(ScoreValue::Number(v)),
                ..Score::default()
            });
        }
    }
    for (id, name, w_troops, w_equality) in [
        ("tc", "Turkish Cypriot leadership", 3.0, 1.0),
        ("gc", "Greek Cypriot side", 3.0, 1.0),
    ] {
        s.perspectives.push(Perspective {
            id: id.into(),
            name: name.into(),
            weights: [
                ("troops".to_owned(), w_troops),
                ("equality".to_owned(), w_equality),
            ]
            .into_iter()
            .collect(),
            ..Perspective::default()
        });
    }
    s
}

fn tau(s: &Scenario) -> f64 {
    let base = concord::scoring::Evaluation::new(s, concord::scoring::WeightSet::Base);
    let m = concord::analysis::perspectives::Matrix::compute(s, &base);
    m.tau(1, 2).unwrap()
}

#[test]
fn a_party_that_wants_less_of_a_criterion_says_so_and_the_rankings_part() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("communities.ron");
    let s = two_communities();
    assert!(concord::io::validate(&s).is_empty());
    assert!(tau(&s) > 0.99, "the same weights read the same way agree");
    let mut h = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        Prefs::default(),
    );
    let ctx = h.ctx.clone();
    *h.state_mut() = ConcordApp::with_document(&ctx, Document::new(s, Some(path.clone())));
    h.run();
    // The list above the cards (the inspector lists the perspectives too, as folds).
    common::click_role(&mut h, Role::ComboBox, "Weights:");
    for pointer in [false, true] {
        let entry = h
            .get_all_by_label("Greek Cypriot side")
            .find(|n| {
                !matches!(
                    n.accesskit_node().role(),
                    Role::Label | Role::DisclosureTriangle
                )
            })
            .expect("the list's entry");
        if pointer {
            entry.click();
        } else {
            entry.hover();
        }
        h.run();
    }
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().state.perspective(), Some("gc"));
    click(&mut h, "Turkish troops stay as guarantors");
    assert_eq!(
        *h.state().state.selection(),
        concord::app::Selection::Criterion("troops".into())
    );
    click(&mut h, "«Greek Cypriot side» wants less of this");
    {
        let s = h.state().state.scenario();
        let gc = s.perspective_by_id("gc").unwrap();
        assert_eq!(gc.prefers_less, ["troops"]);
        // Under it the troops count reversed: the federation without guarantors leads,
        // the status quo comes last; the two parties' rankings now part.
        let e = h.state().state.eval();
        assert_eq!(s.proposals[e.order[0]].id, "federation");
        assert_eq!(s.proposals[*e.order.last().unwrap()].id, "status-quo");
        assert!(tau(s) < 0.0, "τ = {}", tau(s));
    }
    h.get_by_label("wants less");
    // Saved in format 5, and `rank --all-perspectives` reads it the same way.
    common::ctrl(&mut h, Key::S);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("prefers_less: ["), "{text}");
    let o = concord(&[
        "rank",
        &path.display().to_string(),
        "--all-perspectives",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let federation = v["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "federation")
        .unwrap();
    assert_eq!(
        federation["results"][2]["rank"], 1,
        "first for the Greek Cypriot side"
    );
    // One undo takes it back.
    common::ctrl(&mut h, Key::Z);
    assert!(h
        .state()
        .state
        .scenario()
        .perspective_by_id("gc")
        .unwrap()
        .prefers_less
        .is_empty());
}

#[test]
fn a_format_added_to_the_list_is_in_the_menu_with_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, lesson) = open(dir.path(), egui::vec2(1600.0, 1000.0));
    // The JSON of every perspective, added to `io::formats` alone, is offered by the menu
    // with a name beside the lesson, and written as `concord export --to json` writes it.
    assert_eq!(
        offered(&mut h, "Export every perspective (JSON)…"),
        dir.path()
            .join("cyprus – perspectives.json")
            .display()
            .to_string()
    );
    press(&mut h, Key::Enter);
    for _ in 0..10 {
        h.step();
    }
    h.run();
    let written = std::fs::read_to_string(dir.path().join("cyprus – perspectives.json"))
        .expect("the JSON was written");
    let o = concord(&[
        "export",
        &lesson.display().to_string(),
        "--to",
        "json",
        "-o",
        "-",
    ]);
    assert_eq!(written, String::from_utf8_lossy(&o.stdout));
}
