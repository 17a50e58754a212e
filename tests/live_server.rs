//! The live round's server, over real HTTP on 127.0.0.1: a student joins and submits, 60
//! students submit three times each with nothing lost, and hostile input (wrong codes,
//! oversized and malformed bodies, script in names and reasons, connections held open)
//! gets nothing recorded but valid answers.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use concord::live::{Limits, LiveServer, Settings};

fn start(settings: Settings, limits: Limits) -> LiveServer {
    let template = concord::seeds::default_scenario().unwrap();
    let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
    LiveServer::start(template, settings, addr, limits, || {}).expect("listens")
}

/// An agent that shows each answer as it comes: no redirect followed, no status an error.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into()
}

struct Reply {
    status: u16,
    location: String,
    body: String,
    csp: String,
}

fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut r = r.expect("an answer");
    let header = |name: &str| {
        r.headers()
            .get(name)
            .map(|v| v.to_str().unwrap_or_default().to_owned())
            .unwrap_or_default()
    };
    let (location, csp) = (header("location"), header("content-security-policy"));
    Reply {
        status: r.status().as_u16(),
        location,
        csp,
        body: r.body_mut().read_to_string().unwrap_or_default(),
    }
}

fn get(a: &ureq::Agent, url: &str) -> Reply {
    reply(a.get(url).call())
}

fn post(a: &ureq::Agent, url: &str, form: &[(&str, &str)]) -> Reply {
    reply(a.post(url).send_form(form.iter().copied()))
}

/// Joins as `name`; gives the seat's address.
fn join(a: &ureq::Agent, base: &str, code: &str, name: &str) -> String {
    let r = post(
        a,
        &format!("{base}/join"),
        &[("code", code), ("name", name)],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location.starts_with("/seat/"));
    format!("{base}{}", r.location)
}

#[test]
fn a_student_joins_sees_the_lesson_submits_and_changes_their_answers() {
    let server = start(Settings::default(), Limits::default());
    let base = format!("http://{}", server.addr());
    let code = server.room().code.clone();
    let a = agent();
    let page = get(&a, &format!("{base}/"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Join code"));
    assert!(!page.body.contains("<script"), "no script on the page");
    assert!(page.csp.contains("default-src 'none'"), "{}", page.csp);
    assert!(page.body.len() < 50 * 1024);
    // Typed as people type it: lower case, with spaces.
    let seat = join(&a, &base, &format!(" {} ", code.to_lowercase()), "Ada");
    let ballot = get(&a, &seat);
    assert_eq!(ballot.status, 200);
    let s = server.room().template().clone();
    for p in &s.proposals {
        assert!(
            ballot.body.contains(&p.label().replace('&', "&amp;")),
            "{}",
            p.label()
        );
    }
    assert!(ballot.body.contains("type=\"range\""));
    assert!(
        ballot.body.len() < 50 * 1024,
        "the student page is {} bytes",
        ballot.body.len()
    );
    assert_eq!(server.room().counts(), (1, 0));
    // Fields by place in the lesson: criterion 0, proposal 0.
    let c = &s.criteria[0];
    let (w, sc, r) = ("w.0", "s.0.0", "r.0.0");
    let sent = post(
        &a,
        &seat,
        &[(w, "9"), (sc, "silent"), (r, "It says nothing.")],
    );
    assert_eq!(sent.status, 303);
    assert!(sent.location.ends_with("?sent=1"));
    assert_eq!(server.room().counts(), (1, 1));
    // Back on the page, what was sent is filled in; sending again replaces it.
    let again = get(&a, &format!("{base}{}", sent.location));
    assert!(again.body.contains("Received."));
    assert!(again.body.contains("value=\"9\""));
    assert!(again.body.contains("It says nothing."));
    post(&a, &seat, &[(w, "2")]);
    let room = server.room();
    let seat = &room.seats[0];
    assert_eq!(seat.submissions, 2);
    let ballot = seat.ballot.as_ref().unwrap();
    assert_eq!(ballot.weights[&c.id], 2);
    assert!(
        ballot.scores.is_empty(),
        "the second ballot replaced the first whole"
    );
}

#[test]
fn results_stay_hidden_until_the_teacher_reveals_them_and_close_ends_the_round() {
    let server = start(Settings::default(), Limits::default());
    let base = format!("http://{}", server.addr());
    let code = server.room().code.clone();
    let a = agent();
    let seat = join(&a, &base, &code, "Ada");
    assert!(!get(&a, &seat).body.contains("The class's results"));
    server.room().revealed = true;
    assert!(get(&a, &seat).body.contains("The class's results"));
    server.room().locked = true;
    let refused = post(
        &a,
        &format!("{base}/join"),
        &[("code", &code), ("name", "Bea")],
    );
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("locked"));
    server.room().closed = true;
    assert!(get(&a, &seat).body.contains("The round has ended"));
    let late = post(&a, &seat, &[]);
    assert_eq!(late.status, 400);
    assert_eq!(server.room().counts(), (1, 0));
}

#[test]
fn sixty_students_submitting_three_times_lose_nothing() {
    // Sixty phones would have sixty addresses; here they share 127.0.0.1, so the limit
    // per client is raised to what sixty clients together may send.
    let limits = Limits {
        per_second: 60 * Limits::default().per_second,
        burst: 60 * Limits::default().burst,
    };
    let server = start(
        Settings {
            seats: 60,
            ..Settings::default()
        },
        limits,
    );
    let base = format!("http://{}", server.addr());
    let code = server.room().code.clone();
    let s = server.room().template().clone();
    let accepted = Arc::new(AtomicUsize::new(0));
    let biggest = Arc::new(AtomicUsize::new(0));
    std::thread::scope(|scope| {
        for i in 0..60 {
            let (base, code, s) = (&base, &code, &s);
            let (accepted, biggest) = (Arc::clone(&accepted), Arc::clone(&biggest));
            scope.spawn(move || {
                let a = agent();
                let seat = join(&a, base, code, &format!("Student {i:02}"));
                let page = get(&a, &seat);
                assert_eq!(page.status, 200);
                biggest.fetch_max(page.body.len(), Ordering::Relaxed);
                for round in 0..3u32 {
                    let w = ((i as u32) + round) % 11;
                    let fields: Vec<(String, String)> = (0..s.criteria.len())
                        .map(|k| (format!("w.{k}"), w.to_string()))
                        .collect();
                    let form: Vec<(&str, &str)> = fields
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                        .collect();
                    let r = post(&a, &seat, &form);
                    assert_eq!(r.status, 303, "{}", r.body);
                    accepted.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    assert_eq!(accepted.load(Ordering::Relaxed), 180);
    let room = server.room();
    assert_eq!(room.counts(), (60, 60));
    assert_eq!(
        room.seats.iter().map(|s| s.submissions).sum::<u32>(),
        180,
        "every submission counted"
    );
    for seat in &room.seats {
        let i: u32 = seat.name["Student ".len()..].parse().unwrap();
        let last = (i + 2) % 11;
        assert!(seat
            .ballot
            .as_ref()
            .unwrap()
            .weights
            .values()
            .all(|w| *w == last));
    }
    let page = biggest.load(Ordering::Relaxed);
    println!("the student page: {page} bytes");
    assert!(page < 50 * 1024, "{page} bytes");
}

#[test]
fn wrong_codes_are_slowed_after_five() {
    let server = start(Settings::default(), Limits::default());
    let base = format!("http://{}", server.addr());
    let code = server.room().code.clone();
    let a = agent();
    for _ in 0..5 {
        let r = post(
            &a,
            &format!("{base}/join"),
            &[("code", "ZZZZZ"), ("name", "Eve")],
        );
        assert_eq!(r.status, 403);
        assert!(r.body.contains("not this round"));
    }
    let r = post(
        &a,
        &format!("{base}/join"),
        &[("code", "ZZZZZ"), ("name", "Eve")],
    );
    assert_eq!(r.status, 429);
    // Even the right code waits now: guessing cannot go on.
    let r = post(
        &a,
        &format!("{base}/join"),
        &[("code", &code), ("name", "Eve")],
    );
    assert_eq!(r.status, 429);
    assert_eq!(server.room().counts(), (0, 0));
}

#[test]
fn hostile_input_records_nothing_but_valid_answers() {
    let server = start(
        Settings::default(),
        Limits {
            per_second: 1000,
            burst: 1000,
        },
    );
    let base = format!("http://{}", server.addr());
    let code = server.room().code.clone();
    let a = agent();
    // Script in a name is kept as text and shown escaped.
    let seat = join(&a, &base, &code, "<script>alert(1)</script>");
    let page = get(&a, &seat);
    assert!(!page.body.contains("<script>alert"), "escaped");
    assert!(page.body.contains("&lt;script&gt;"));
    let s = server.room().template().clone();
    let (c, p) = (&s.criteria[0], &s.proposals[0]);
    let reason = "r.0.0";
    post(&a, &seat, &[(reason, "\"><img src=x onerror=alert(1)>")]);
    let page = get(&a, &seat);
    assert!(!page.body.contains("<img"), "escaped");
    // Oversized, malformed, foreign fields, the wrong kind of body, other methods.
    let huge = "x".repeat(200 * 1024);
    let r = post(&a, &seat, &[(reason, &huge)]);
    assert_eq!(r.status, 413);
    for bad in [
        vec![("w.nope", "3")],
        vec![("token2", "x")],
        vec![("w.0", "-1")],
        vec![("w.99", "3")],
        vec![("s.0.0", "42")],
        vec![("s.0.0.0", "silent")],
    ] {
        let r = post(&a, &seat, &bad);
        assert_eq!(r.status, 400, "{bad:?}");
    }
    let r = reply(
        a.post(&seat)
            .header("Content-Type", "application/json")
            .send("{}"),
    );
    assert_eq!(r.status, 415);
    let r = reply(a.put(&seat).send(""));
    assert_eq!(r.status, 405);
    assert_eq!(get(&a, &format!("{base}/../etc/passwd")).status, 404);
    assert_eq!(get(&a, &format!("{base}/seat/made-up")).status, 404);
    // Raw bytes that are not HTTP at all.
    let mut raw = TcpStream::connect(server.addr()).unwrap();
    raw.write_all(b"\x00\x01garbage\r\n\r\n").unwrap();
    let mut sink = Vec::new();
    let _ = raw.read_to_end(&mut sink);
    // Only the one valid submission is recorded.
    let room = server.room();
    assert_eq!(room.counts(), (1, 1));
    assert_eq!(room.seats[0].submissions, 1);
    let ballot = room.seats[0].ballot.as_ref().unwrap();
    assert_eq!(
        ballot.scores[&(c.id.clone(), p.id.clone())].1,
        "\"><img src=x onerror=alert(1)>",
        "kept as the student typed it; escaped only when shown"
    );
}

#[test]
fn a_thousand_connections_held_open_do_not_stop_the_round() {
    let server = start(
        Settings::default(),
        Limits {
            per_second: 1000,
            burst: 2000,
        },
    );
    let addr = server.addr();
    let held: Vec<TcpStream> = (0..1000)
        .filter_map(|_| TcpStream::connect(addr).ok())
        .collect();
    assert!(held.len() >= 900, "{} connections opened", held.len());
    // A student still joins and submits while they are held.
    let base = format!("http://{addr}");
    let code = server.room().code.clone();
    let a = agent();
    let seat = join(&a, &base, &code, "Ada");
    assert_eq!(post(&a, &seat, &[("w.0", "4")]).status, 303);
    assert_eq!(server.room().counts(), (1, 1));
    drop(held);
}

#[test]
fn the_pre_flight_check_answers_and_stop_frees_the_address() {
    let mut server = start(Settings::default(), Limits::default());
    let addr = server.addr();
    let a = agent();
    let r = get(&a, &format!("http://{addr}/ping"));
    assert_eq!((r.status, r.body.as_str()), (200, "concord live round"));
    server.stop();
    assert!(
        TcpStream::connect(addr).is_err() || get_fails(&agent(), addr),
        "nothing answers once stopped"
    );
    // The same address can be served again.
    let again = LiveServer::start(
        concord::seeds::default_scenario().unwrap(),
        Settings::default(),
        addr,
        Limits::default(),
        || {},
    )
    .expect("the address is free again");
    drop(again);
}

fn get_fails(a: &ureq::Agent, addr: SocketAddr) -> bool {
    a.get(&format!("http://{addr}/ping")).call().is_err()
}

#[test]
fn a_student_sees_no_one_elses_answers_even_once_results_are_revealed() {
    let server = start(Settings::default(), Limits::default());
    let base = format!("http://{}", server.addr());
    let code = server.room().code.clone();
    let (ada, bea) = (agent(), agent());
    let ada_seat = join(&ada, &base, &code, "Ada Lovelace");
    let bea_seat = join(&bea, &base, &code, "Bea");
    let secret = "Ada thinks the blockade clause is vague";
    assert_eq!(
        post(
            &ada,
            &ada_seat,
            &[("w.0", "9"), ("s.0.0", "silent"), ("r.0.0", secret)]
        )
        .status,
        303
    );
    let looks = |body: &str| body.contains(secret) || body.contains("Ada Lovelace");
    assert!(!looks(&get(&bea, &bea_seat).body), "Bea's page");
    assert!(
        !looks(&get(&bea, &format!("{base}/")).body),
        "the join page"
    );
    server.room().revealed = true;
    let revealed = get(&bea, &bea_seat).body;
    assert!(revealed.contains("The class's results"));
    assert!(
        !looks(&revealed),
        "the class's results are totals, not anyone's answers"
    );
    // A seat is reached only by its own unguessable address.
    let token = ada_seat.rsplit('/').next().unwrap();
    assert!(token.len() >= 22, "128 bits: {token}");
    let mut guess = token.to_owned();
    guess.replace_range(0..1, if guess.starts_with('a') { "b" } else { "a" });
    let guessed = get(&bea, &format!("{base}/seat/{guess}"));
    assert_eq!(guessed.status, 404);
    assert!(!looks(&guessed.body));
    assert_eq!(
        post(&bea, &format!("{base}/seat/{guess}"), &[("w.0", "1")]).status,
        404
    );
    assert_eq!(server.room().seats[0].submissions, 1, "Ada's answers stand");
}

#[test]
fn a_check_before_the_round_hears_the_phone_and_lets_no_one_join() {
    let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let server = LiveServer::check(addr, Limits::default()).expect("listens");
    let base = format!("http://{}", server.addr());
    assert!(server.reached().is_empty());
    let a = agent();
    let page = get(&a, &format!("{base}/"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("This phone reaches the teacher"));
    assert!(!page.body.contains("<script"));
    get(&a, &format!("{base}/check"));
    assert_eq!(
        server.reached(),
        ["127.0.0.1".parse::<std::net::IpAddr>().unwrap()]
    );
    let code = server.room().code.clone();
    let refused = post(
        &a,
        &format!("{base}/join"),
        &[("code", &code), ("name", "Ada")],
    );
    assert_eq!(refused.status, 405);
    assert_eq!(server.room().counts(), (0, 0));
}

#[test]
fn a_running_round_answers_the_check_page_too() {
    let server = start(Settings::default(), Limits::default());
    let a = agent();
    let page = get(&a, &format!("http://{}/check", server.addr()));
    assert!(page.body.contains("This phone reaches the teacher"));
    assert_eq!(server.reached().len(), 1);
}
