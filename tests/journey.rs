//! A history teacher builds a lesson on Northern Ireland from the blank template, the way a
//! person does: typing key by key, scoring every cell from the keyboard, saving through the
//! path field, reopening the file and presenting it.

mod common;

use egui::accesskit::Role;
use egui::Key;
use egui_kittest::kittest::Queryable;

use common::{choose, click, ctrl, ctrl_shift, press, retype, type_keys, type_lines, H};
use concord::io::load_path;
use concord::model::{Scale, ScoreValue};

fn harness() -> H {
    common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    )
}

/// Fills in a proposal (clicking its card first, if given; a new one is selected already):
/// its name, short name, parties and provisions, typed.
fn proposal(
    h: &mut H,
    card: Option<&str>,
    (name, short): (&str, &str),
    parties: &[&str],
    provisions: &[&str],
) {
    if let Some(card) = card {
        click(h, card);
    }
    retype(h, "Name", name);
    retype(h, "Short name", short);
    type_lines(h, "Parties (one per line)", parties);
    type_lines(h, "Provisions (one per line)", provisions);
}

#[test]
fn a_teacher_builds_saves_reopens_and_presents_a_lesson() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ni-lesson.ron");

    // From the blank template.
    ctrl(&mut h, Key::N);
    retype(&mut h, "Title", "Northern Ireland: three agreements");

    // Three proposals, typed in.
    proposal(
        &mut h,
        Some("Proposal A"),
        ("Sunningdale Agreement (1973)", "Sunningdale"),
        &["UK Government", "Irish Government", "Ulster Unionist Party"],
        &["A power-sharing executive", "A Council of Ireland"],
    );
    proposal(
        &mut h,
        Some("Proposal B"),
        ("Anglo-Irish Agreement (1985)", "Anglo-Irish"),
        &["UK Government", "Irish Government"],
        &["An intergovernmental conference"],
    );
    click(&mut h, "+ Proposal");
    proposal(
        &mut h,
        None,
        ("Good Friday Agreement (1998)", "Good Friday"),
        &[
            "UK Government",
            "Irish Government",
            "Northern Ireland parties",
        ],
        &[
            "A power-sharing assembly",
            "North-South bodies",
            "Consent principle",
        ],
    );

    // Four criteria of different scales.
    click(&mut h, "First criterion");
    retype(&mut h, "Name", "Cross-community support");
    click(&mut h, "Second criterion");
    retype(&mut h, "Name", "Power sharing");
    click(&mut h, "Third criterion");
    retype(&mut h, "Name", "Endorsed by referendum");
    click(&mut h, "+ Criterion");
    retype(&mut h, "Name", "Durability");
    choose(&mut h, "Scale", "Levels");
    let levels = "Levels, worst first (one per line)";
    h.get_by_role_and_label(Role::MultilineTextInput, levels)
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, "Collapsed");
    press(&mut h, Key::Enter);
    type_keys(&mut h, "Partly in force");
    press(&mut h, Key::Enter);
    type_keys(&mut h, "In force");
    retype(&mut h, "Name", "Durability");

    // Every cell scored from the keyboard: numbers typed with Enter, levels by number,
    // yes/no by letter, Tab to the next cell.
    let rows: [&[&str]; 4] = [
        &["3", "2", "9"],
        &["3", "1", "4"],
        &["n", "n", "y"],
        &["1", "2", "3"],
    ];
    click(&mut h, "Sunningdale × Cross-community support");
    for (r, row) in rows.iter().enumerate() {
        for key in *row {
            type_keys(&mut h, key);
            if r == 0 {
                press(&mut h, Key::Enter);
            }
            press(&mut h, Key::Tab);
        }
    }
    {
        let s = h.state().state.scenario();
        assert_eq!(s.proposals.len(), 3);
        assert_eq!(s.criteria.len(), 4);
        assert_eq!(s.scores.iter().filter(|c| c.value.is_some()).count(), 12);
        assert_eq!(
            s.proposals[0].parties,
            ["UK Government", "Irish Government", "Ulster Unionist Party"]
        );
        assert_eq!(
            s.proposals[2].provisions.len(),
            3,
            "{:?}",
            s.proposals[2].provisions
        );
        assert_eq!(
            s.criteria[3].scale,
            Scale::Levels(vec![
                "Collapsed".into(),
                "Partly in force".into(),
                "In force".into()
            ])
        );
        let gfa = &s.proposals[2].id;
        assert_eq!(
            s.score(&s.criteria[0].id, gfa).and_then(|c| c.value),
            Some(ScoreValue::Number(9.0))
        );
        assert_eq!(
            s.score(&s.criteria[2].id, gfa).and_then(|c| c.value),
            Some(ScoreValue::Bool(true))
        );
    }
    // The Good Friday Agreement leads.
    let gfa = h.state().state.scenario().proposals[2].id.clone();
    let leader = h.state().state.eval().ranked().next().unwrap();
    assert_eq!(h.state().state.scenario().proposals[leader].id, gfa);

    // Saved through the path field, and reopened exactly.
    ctrl_shift(&mut h, Key::S);
    type_keys(&mut h, path.to_str().unwrap());
    press(&mut h, Key::Enter);
    assert!(!h.state().state.doc().is_dirty());
    let saved = load_path(&path).expect("the lesson opens");
    let mut built = h.state().state.scenario().clone();
    built.sort_scores();
    assert_eq!(saved, built);
    ctrl(&mut h, Key::N);
    ctrl(&mut h, Key::O);
    type_keys(&mut h, path.to_str().unwrap());
    press(&mut h, Key::Enter);
    assert_eq!(h.state().state.scenario(), &saved);

    // Presented, to the ranking.
    press(&mut h, Key::F5);
    press(&mut h, Key::End);
    h.get_by_label("Good Friday Agreement (1998)");
    press(&mut h, Key::Escape);
    assert!(h.state().state.presenter().is_none());
}
