//! The live round driven through the window: started from File ▸ Class rounds on the
//! loopback address, students' answers arriving over real HTTP while the round view
//! fills, then Close turns them into readings (one undo step) and stops the server.

mod common;

use std::net::{SocketAddr, TcpListener, TcpStream};

use egui_kittest::kittest::Queryable;

use common::{choose, click, ctrl, press, H};
use concord::model::PerspectiveKind;

fn harness() -> H {
    common::start(
        common::builder(egui::vec2(1400.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    )
}

/// A port nothing listens on now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into()
}

/// A student joins as `name` and sends weight `w` for every criterion, and Silent with a
/// reason on the first cell.
fn student(base: &str, code: &str, name: &str, w: u32, criteria: usize) {
    let a = agent();
    let r = a
        .post(&format!("{base}join"))
        .send_form([("code", code), ("name", name)])
        .unwrap();
    assert_eq!(r.status(), 303);
    let seat = r.headers()["location"].to_str().unwrap().to_owned();
    let mut form: Vec<(String, String)> = (0..criteria)
        .map(|k| (format!("w.{k}"), w.to_string()))
        .collect();
    form.push(("s.0.0".into(), "silent".into()));
    form.push(("r.0.0".into(), format!("{name} finds nothing on it.")));
    let r = a
        .post(&format!("{}{}", base.trim_end_matches('/'), seat))
        .send_form(form.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .unwrap();
    assert_eq!(r.status(), 303);
}

#[test]
fn a_live_round_fills_the_round_view_and_close_adds_the_readings_in_one_step() {
    let mut h = harness();
    let before = h.state().state.scenario().perspectives.len();
    click(&mut h, "File");
    h.get_by_label("Class rounds").hover();
    h.run();
    click(&mut h, "Start a live round…");
    h.get_by_label("Start a live round");
    choose(
        &mut h,
        "Serve on:",
        "lo — 127.0.0.1 (this computer only: a trial)",
    );
    let port = free_port();
    h.get_by_label("Port:").set_value_accesskit(f64::from(port));
    h.run();
    click(&mut h, "Start the round");
    let live = h.state().state.live().expect("the round runs");
    let base = format!("http://127.0.0.1:{port}/");
    assert_eq!(live.address, base);
    h.get_by_label(&base);
    h.get_by_label(&live.code);
    h.get_by_label(&format!("QR code of {base}"));
    // Answers arrive while the window draws.
    let criteria = h.state().state.scenario().criteria.len();
    let code = live.code.clone();
    std::thread::scope(|scope| {
        for (i, name) in ["Ada", "Bea", "Cem"].iter().enumerate() {
            let (base, code) = (&base, &code);
            scope.spawn(move || student(base, code, name, 2 + 3 * i as u32, criteria));
        }
        for _ in 0..5 {
            h.step();
        }
    });
    h.run();
    h.get_by_label("3 of 40 seats taken; 3 sent their answers");
    // The round view takes in what arrived at most twice a second: within a second all
    // three answers are readings there, and the heat map is drawn.
    wait_for_readings(&mut h, 3);
    assert_eq!(h.state().state.round_result().round.students.len(), 3);
    h.run();
    // One more while the view is open: the frames show the three until the newest answers
    // are worked out on a job, then four.
    student(&base, &code, "Dan", 5, criteria);
    wait_for_readings(&mut h, 4);
    assert_eq!(h.state().state.round_result().round.students.len(), 4);
    h.run();
    let cells = h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Round: ")));
    assert!(cells.count() > 10, "the heat map's cells");
    assert_eq!(
        h.state().state.scenario().perspectives.len(),
        before,
        "nothing in the document until Close"
    );
    click(&mut h, "Close the round");
    assert!(h.state().state.live().is_none());
    let s = h.state().state.scenario();
    let added: Vec<_> = s.perspectives[before..].iter().collect();
    assert_eq!(added.len(), 4);
    assert!(added.iter().all(|p| p.kind == PerspectiveKind::Student));
    // In the order they joined, which the threads decide.
    let mut names: Vec<&str> = added.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Ada", "Bea", "Cem", "Dan"]);
    let cem = added.iter().find(|p| p.name == "Cem").unwrap();
    assert_eq!(cem.readings[0].rationale, "Cem finds nothing on it.");
    assert_eq!(
        cem.readings[0].value,
        Some(concord::model::ScoreValue::Silent)
    );
    assert!(cem.weights.values().all(|w| *w == 8.0));
    // The server stopped with the round.
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    assert!(
        TcpStream::connect(addr).is_err() || agent().get(&format!("{base}ping")).call().is_err(),
        "nothing answers once closed"
    );
    // One step: Undo takes the four readings back.
    ctrl(&mut h, egui::Key::Z);
    assert_eq!(h.state().state.scenario().perspectives.len(), before);
}

/// Draws frames for up to three seconds, until the round view holds `n` readings (it
/// takes in answers twice a second, and works the newest out on a job).
fn wait_for_readings(h: &mut H, n: usize) {
    for _ in 0..30 {
        if h.state().state.round_result().round.students.len() == n {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        h.step();
    }
}

/// Opens the start form on the loopback address and a free port; gives the port.
fn start_form(h: &mut H) -> u16 {
    click(h, "File");
    h.get_by_label("Class rounds").hover();
    h.run();
    click(h, "Start a live round…");
    choose(
        h,
        "Serve on:",
        "lo — 127.0.0.1 (this computer only: a trial)",
    );
    let port = free_port();
    h.get_by_label("Port:").set_value_accesskit(f64::from(port));
    h.run();
    port
}

#[test]
fn can_a_phone_reach_me_hears_the_phone_then_makes_way_for_the_round() {
    let mut h = harness();
    let port = start_form(&mut h);
    click(&mut h, "Can a phone reach me?");
    let base = format!("http://127.0.0.1:{port}/");
    let check = h.state().state.live_check().expect("the check runs");
    assert_eq!(check.address, base);
    h.get_by_label(&format!("QR code of {base}"));
    h.get_by_label_contains("Waiting for a phone");
    // The phone opens the address while the window draws.
    std::thread::scope(|scope| {
        let base = &base;
        scope.spawn(move || {
            let page = agent()
                .get(base)
                .call()
                .unwrap()
                .into_body()
                .read_to_string();
            assert!(page.unwrap().contains("This phone reaches the teacher"));
        });
        for _ in 0..3 {
            h.step();
        }
    });
    h.run();
    h.get_by_label("✔ Reached on this computer: the trial works.");
    // Starting the round on the same address ends the check: the round answers there.
    click(&mut h, "Start the round");
    assert!(h.state().state.live_check().is_none());
    let live = h
        .state()
        .state
        .live()
        .expect("the round runs on the checked address");
    assert_eq!(live.address, base);
    let join = agent()
        .get(&base)
        .call()
        .unwrap()
        .into_body()
        .read_to_string();
    assert!(join.unwrap().contains("Join code"));
    click(&mut h, "Close the round");
}

#[test]
fn ending_the_check_frees_the_address() {
    let mut h = harness();
    let port = start_form(&mut h);
    click(&mut h, "Can a phone reach me?");
    assert!(h.state().state.live_check().is_some());
    click(&mut h, "End the check");
    assert!(h.state().state.live_check().is_none());
    TcpListener::bind(("127.0.0.1", port)).expect("the address is free again");
    // Cancel with a check running ends it too.
    click(&mut h, "Can a phone reach me?");
    click(&mut h, "Cancel");
    assert!(h.state().state.live_check().is_none());
    TcpListener::bind(("127.0.0.1", port)).expect("the address is free again");
}

#[test]
fn the_projector_shows_a_slide_to_join_while_the_round_runs() {
    let mut h = harness();
    let port = start_form(&mut h);
    click(&mut h, "Start the round");
    let live = h.state().state.live().expect("the round runs");
    press(&mut h, egui::Key::F5);
    let steps = h.state().state.present_steps();
    let join = steps
        .iter()
        .position(|s| *s == concord::app::present::Step::Join)
        .expect("a slide to join");
    // Step by step with the arrow key, as on a clicker, to the slide.
    for _ in 0..200 {
        if h.state().state.presenter().unwrap().step == join {
            break;
        }
        press(&mut h, egui::Key::ArrowRight);
    }
    assert_eq!(h.state().state.presenter().unwrap().step, join);
    h.get_by_label("Join the live round");
    let base = format!("http://127.0.0.1:{port}/");
    h.get_by_label(&base);
    h.get_by_label(&live.code);
    h.get_by_label(&format!("QR code of {base}"));
    h.get_by_label("0 joined; 0 sent their answers");
    // The class round's slides follow, reading the answers as they come.
    assert!(matches!(
        steps[join + 1],
        concord::app::present::Step::Round(0)
    ));
    // Once the round is closed the slide is gone, and the presentation stays in range.
    press(&mut h, egui::Key::Escape);
    click(&mut h, "Close the round");
    assert!(!h
        .state()
        .state
        .present_steps()
        .contains(&concord::app::present::Step::Join));
}

#[test]
fn opening_another_lesson_asks_before_it_ends_the_round() {
    let mut h = harness();
    let before = h.state().state.scenario().perspectives.len();
    let _port = start_form(&mut h);
    click(&mut h, "Start the round");
    let live = h.state().state.live().expect("the round runs");
    let criteria = h.state().state.scenario().criteria.len();
    student(&live.address, &live.code, "Ada", 4, criteria);
    // Ctrl+N mid-round: asked, and Cancel keeps the round as it was.
    ctrl(&mut h, egui::Key::N);
    h.get_by_label("A live round is running");
    click(&mut h, "Cancel");
    assert!(h.state().state.live().is_some(), "still running");
    assert_eq!(h.state().state.scenario().perspectives.len(), before);
    // Again, and this time close it: Ada's answers join the lesson, then "Save changes?".
    ctrl(&mut h, egui::Key::N);
    click(&mut h, "Close the round and continue");
    assert!(h.state().state.live().is_none());
    h.get_by_label("Save your changes?");
    let s = h.state().state.scenario();
    assert_eq!(s.perspectives.len(), before + 1);
    assert_eq!(s.perspectives[before].name, "Ada");
    click(&mut h, "Cancel");
    assert_eq!(
        h.state().state.scenario().perspectives.len(),
        before + 1,
        "still this lesson, with Ada's reading, unsaved"
    );
    assert!(h.state().state.doc().is_dirty());
}

#[test]
fn a_port_in_use_is_said_in_the_form_and_another_start_clears_it() {
    let mut h = harness();
    let port = start_form(&mut h);
    let taken = TcpListener::bind(("127.0.0.1", port)).unwrap();
    click(&mut h, "Start the round");
    assert!(h.state().state.live().is_none());
    let why = h.state().state.live_error().expect("why").to_owned();
    assert!(
        why.starts_with(&format!("Concord could not listen on 127.0.0.1:{port}")),
        "{why}"
    );
    assert_eq!(
        h.get_all_by_label(&why).count(),
        2,
        "in the form, beside its buttons, and on the status line"
    );
    h.get_by_label("Start the round");
    drop(taken);
    click(&mut h, "Start the round");
    assert!(h.state().state.live().is_some());
    assert!(h.state().state.live_error().is_none());
    click(&mut h, "Close the round");
}
