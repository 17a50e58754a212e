//! The live round's web server: tiny_http on the one address the teacher picked, a few
//! worker threads, the student's pages and forms and nothing else. Each client is rate
//! limited (governor), a wrong join code counts against it, bodies are capped, and the
//! server stops when the round closes or the app quits (on drop).

use std::collections::HashMap;
use std::io::Read;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tiny_http::{Header, Method, Request, Response, Server};

use super::page;
use super::room::{JoinError, Room, Settings};
use crate::model::Scenario;

/// The largest body a form may send (a full ballot with a reason in every cell fits).
pub const BODY_MAX: usize = 64 * 1024;
/// Wrong join codes a client may type in a minute before it must wait.
pub const WRONG_CODES: u32 = 5;
/// How long a client that typed too many wrong codes waits.
const WRONG_CODE_WAIT: Duration = Duration::from_secs(60);
/// Threads that answer requests.
const WORKERS: usize = 4;
/// Distinct clients a check remembers having reached it (a class's worth, and no more).
const REACHED_MAX: usize = 200;
/// The page a phone opens to check that it reaches the teacher's computer.
pub const CHECK_PATH: &str = "/check";

/// How much one client may ask: requests per second, and a burst.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Requests per second a client may make, on average.
    pub per_second: u32,
    /// Requests a client may make at once.
    pub burst: u32,
}

impl Default for Limits {
    /// A phone loading the page and sending its form needs a handful; a script hammering the
    /// server is slowed to this.
    fn default() -> Self {
        Limits {
            per_second: 5,
            burst: 20,
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The address could not be listened on.
    #[error(
        "Concord could not listen on {addr}: {reason}. Pick another address, or another port \
         if another program uses this one."
    )]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// What the system said.
        reason: String,
    },
}

/// A running live round: its room, shared with the threads that answer the students.
pub struct LiveServer {
    room: Arc<Mutex<Room>>,
    shared: Arc<Shared>,
    addr: SocketAddr,
    /// `None` once stopped: dropping it closes the listening socket.
    server: Option<Arc<Server>>,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
}

/// What the threads share.
struct Shared {
    room: Arc<Mutex<Room>>,
    limiter: DefaultKeyedRateLimiter<IpAddr>,
    wrong: DefaultKeyedRateLimiter<IpAddr>,
    waiting: Mutex<HashMap<IpAddr, Instant>>,
    wake: Box<dyn Fn() + Send + Sync>,
    /// A pre-flight check only: every page says the phone got through, no one joins.
    check_only: bool,
    /// The clients that opened the check page, first come first.
    reached: Mutex<Vec<IpAddr>>,
}

impl LiveServer {
    /// Opens a room for `template` and serves it on `addr` (port 0: one the system picks).
    /// `wake` is called after each change a student makes (the window draws again).
    pub fn start(
        template: Scenario,
        settings: Settings,
        addr: SocketAddr,
        limits: Limits,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Result<LiveServer, StartError> {
        Self::serve(template, settings, addr, limits, Box::new(wake), false)
    }

    /// Serves only the check page on `addr`, before a round: a phone that opens the
    /// address says it reaches this computer ([`LiveServer::reached`]); no one can join.
    pub fn check(addr: SocketAddr, limits: Limits) -> Result<LiveServer, StartError> {
        let nobody = Settings {
            seats: 0,
            ..Settings::default()
        };
        Self::serve(
            Scenario::default(),
            nobody,
            addr,
            limits,
            Box::new(|| {}),
            true,
        )
    }

    fn serve(
        template: Scenario,
        settings: Settings,
        addr: SocketAddr,
        limits: Limits,
        wake: Box<dyn Fn() + Send + Sync>,
        check_only: bool,
    ) -> Result<LiveServer, StartError> {
        let server = Server::http(addr).map_err(|e| StartError::Bind {
            addr,
            reason: e.to_string(),
        })?;
        let addr = server
            .server_addr()
            .to_ip()
            .expect("a TCP server has an IP address");
        let server = Arc::new(server);
        let room = Arc::new(Mutex::new(Room::new(template, settings)));
        let nz = |n: u32| NonZeroU32::new(n.max(1)).expect("at least 1");
        let shared = Arc::new(Shared {
            room: Arc::clone(&room),
            limiter: RateLimiter::keyed(
                Quota::per_second(nz(limits.per_second)).allow_burst(nz(limits.burst)),
            ),
            wrong: RateLimiter::keyed(
                Quota::per_minute(nz(WRONG_CODES)).allow_burst(nz(WRONG_CODES)),
            ),
            waiting: Mutex::new(HashMap::new()),
            wake,
            check_only,
            reached: Mutex::new(Vec::new()),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let workers = (0..WORKERS)
            .map(|_| {
                let (server, shared, stop) =
                    (Arc::clone(&server), Arc::clone(&shared), Arc::clone(&stop));
                std::thread::Builder::new()
                    .name("live-round".into())
                    .spawn(move || {
                        while !stop.load(Ordering::Relaxed) {
                            match server.recv_timeout(Duration::from_millis(200)) {
                                Ok(Some(request)) => answer(&shared, request),
                                Ok(None) => {}
                                Err(_) => break,
                            }
                        }
                    })
                    .expect("a thread for the live round")
            })
            .collect();
        Ok(LiveServer {
            room,
            shared,
            addr,
            server: Some(server),
            stop,
            workers,
        })
    }

    /// The address students open.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The room, locked for reading or changing (lock, reveal).
    pub fn room(&self) -> MutexGuard<'_, Room> {
        lock(&self.room)
    }

    /// The clients that opened the check page ([`CHECK_PATH`], or any page of a check),
    /// first come first.
    pub fn reached(&self) -> Vec<IpAddr> {
        lock(&self.shared.reached).clone()
    }

    /// Stops serving: the threads end, the address is free again.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let Some(server) = self.server.take() else {
            return;
        };
        for _ in &self.workers {
            server.unblock();
        }
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
        // The workers' handles are gone with them: this is the last, and the socket closes.
        drop(server);
        // tiny_http's accepting thread lets go of the socket a moment later: wait for it (a
        // second at most), so that the same address can be served again at once (the round
        // started right after the check, on the port the check used).
        let until = Instant::now() + Duration::from_secs(1);
        while std::net::TcpListener::bind(self.addr).is_err() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for LiveServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The room (or a list) even if a thread panicked while holding it (its data stays whole:
/// every change to it is made in one step).
fn lock<T>(it: &Mutex<T>) -> MutexGuard<'_, T> {
    it.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What to send back.
enum Reply {
    Html(u16, String),
    Text(u16, &'static str),
    SeeOther(String),
}

/// Answers one request.
fn answer(shared: &Shared, mut request: Request) {
    let ip = request
        .remote_addr()
        .map_or(IpAddr::from([0, 0, 0, 0]), SocketAddr::ip);
    let reply = if shared.limiter.check_key(&ip).is_err() {
        Reply::Text(429, "Too many requests: wait a moment and try again.")
    } else {
        route(shared, &mut request, ip)
    };
    let response = match reply {
        Reply::Html(status, body) => Response::from_string(body)
            .with_status_code(status)
            .with_header(header("Content-Type", "text/html; charset=utf-8")),
        Reply::Text(status, body) => Response::from_string(body)
            .with_status_code(status)
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
        Reply::SeeOther(to) => Response::from_string("")
            .with_status_code(303)
            .with_header(header("Location", &to)),
    };
    // Nothing loads from anywhere, no script runs, the form posts only here.
    let response = response
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; \
             frame-ancestors 'none'",
        ))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Referrer-Policy", "no-referrer"))
        .with_header(header("Cache-Control", "no-store"))
        // One request per connection: a phone's page is two or three requests, and a
        // connection kept open would outlive the round (its next request never answered).
        .with_header(header("Connection", "close"));
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

/// The pages: `/` (join), `POST /join`, `/seat/<token>` (the ballot) and `POST` to it,
/// `/ping` (is it up?), `/check` (a phone reaches it). Everything else is not found.
fn route(shared: &Shared, request: &mut Request, ip: IpAddr) -> Reply {
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == CHECK_PATH || shared.check_only {
        return match request.method() {
            Method::Get => check_page(shared, ip),
            _ => Reply::Text(
                405,
                "This is only a check that phones reach the teacher's computer: the round \
                 has not started.",
            ),
        };
    }
    match (request.method(), path) {
        (Method::Get, "/") => Reply::Html(200, page::join_page(&lock(&shared.room), None)),
        (Method::Get, "/ping") => Reply::Text(200, "concord live round"),
        (Method::Post, "/join") => match read_form(request) {
            Ok(fields) => join(shared, ip, &fields),
            Err(reply) => reply,
        },
        (Method::Get, p) if p.starts_with("/seat/") => {
            let sent = query.split('&').any(|q| q == "sent=1");
            seat_page(shared, &p["/seat/".len()..], sent.then_some("Received. You can change your answers and send them again until the round closes."))
        }
        (Method::Post, p) if p.starts_with("/seat/") => {
            let token = p["/seat/".len()..].to_owned();
            match read_form(request) {
                Ok(fields) => submit(shared, &token, &fields),
                Err(reply) => reply,
            }
        }
        (Method::Get | Method::Post, _) => Reply::Text(404, "Not found."),
        _ => Reply::Text(405, "Only the round's pages and its form."),
    }
}

/// A form body: `application/x-www-form-urlencoded`, at most [`BODY_MAX`] bytes.
fn read_form(request: &mut Request) -> Result<Vec<(String, String)>, Reply> {
    let form = request.headers().iter().any(|h| {
        h.field.equiv("Content-Type")
            && h.value
                .as_str()
                .trim_start()
                .starts_with("application/x-www-form-urlencoded")
    });
    if !form {
        return Err(Reply::Text(415, "Only the round's form is accepted."));
    }
    if request.body_length().is_some_and(|n| n > BODY_MAX) {
        return Err(Reply::Text(
            413,
            "Too long: the answers sent were more than the form allows.",
        ));
    }
    let mut body = Vec::new();
    let read = request
        .as_reader()
        .take(BODY_MAX as u64 + 1)
        .read_to_end(&mut body);
    if read.is_err() {
        return Err(Reply::Text(
            400,
            "The answers did not arrive whole: send them again.",
        ));
    }
    if body.len() > BODY_MAX {
        return Err(Reply::Text(
            413,
            "Too long: the answers sent were more than the form allows.",
        ));
    }
    Ok(form_urlencoded::parse(&body).into_owned().collect())
}

/// `POST /join`: a seat for a right code, the join page again with what went wrong.
fn join(shared: &Shared, ip: IpAddr, fields: &[(String, String)]) -> Reply {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    };
    {
        let mut waiting = shared
            .waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(until) = waiting.get(&ip) {
            if Instant::now() < *until {
                return Reply::Text(
                    429,
                    "Too many wrong codes: wait a minute, then type the code on the board.",
                );
            }
            waiting.remove(&ip);
        }
    }
    let mut room = lock(&shared.room);
    match room.join(field("code"), field("name")) {
        Ok(token) => {
            drop(room);
            (shared.wake)();
            Reply::SeeOther(format!("/seat/{token}"))
        }
        Err(JoinError::WrongCode) => {
            if shared.wrong.check_key(&ip).is_err() {
                shared
                    .waiting
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .insert(ip, Instant::now() + WRONG_CODE_WAIT);
                return Reply::Text(
                    429,
                    "Too many wrong codes: wait a minute, then type the code on the board.",
                );
            }
            Reply::Html(
                403,
                page::join_page(&room, Some(&JoinError::WrongCode.to_string())),
            )
        }
        Err(e @ JoinError::NoName) => {
            Reply::Html(400, page::join_page(&room, Some(&e.to_string())))
        }
        Err(e) => Reply::Html(403, page::message_page("Cannot join", &e.to_string())),
    }
}

/// The check page, remembering who opened it.
fn check_page(shared: &Shared, ip: IpAddr) -> Reply {
    {
        let mut reached = lock(&shared.reached);
        if !reached.contains(&ip) && reached.len() < REACHED_MAX {
            reached.push(ip);
        }
    }
    (shared.wake)();
    Reply::Html(
        200,
        page::message_page(
            "This phone reaches the teacher's computer",
            "The live round will work on this network. You can close this page.",
        ),
    )
}

/// The ballot page of the seat holding `token`.
fn seat_page(shared: &Shared, token: &str, notice: Option<&str>) -> Reply {
    let room = lock(&shared.room);
    let Some(seat) = room.seat(token) else {
        return Reply::Html(
            404,
            page::message_page("Not in the round", "This page is not part of the round. Open the round's address and join with the code."),
        );
    };
    if room.closed {
        return Reply::Html(
            200,
            page::message_page(
                "The round has ended",
                "Thank you: your last answers were kept.",
            ),
        );
    }
    let results = room.revealed.then(|| {
        let s = room.with_readings(room.template());
        let r = crate::analysis::round::round(&s);
        page::results_section(&s, &r)
    });
    Reply::Html(
        200,
        page::ballot_page(&room, seat, notice, results.as_deref()),
    )
}

/// `POST /seat/<token>`: takes the ballot, then shows the page again (so a reload does not
/// send it twice).
fn submit(shared: &Shared, token: &str, fields: &[(String, String)]) -> Reply {
    let result = lock(&shared.room).submit(token, fields);
    match result {
        Ok(()) => {
            (shared.wake)();
            Reply::SeeOther(format!("/seat/{token}?sent=1"))
        }
        Err(e @ super::room::SubmitError::UnknownSeat) => {
            Reply::Html(404, page::message_page("Not in the round", &e.to_string()))
        }
        Err(e) => Reply::Html(400, page::message_page("Not sent", &e.to_string())),
    }
}
