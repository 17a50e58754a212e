//! The live round in the app: a server started for the open document, locked or revealed
//! by the teacher, and closed into students' readings in one undoable step (the same as
//! adding their files). While it runs, the round view reads the document with every
//! ballot so far added.

use std::net::{IpAddr, SocketAddr};

use crate::platform::{Duration, Instant};

use super::{AppState, DocId, Edit, MainView};
use crate::live::{Limits, LiveServer, Settings, StartError};
use crate::model::Scenario;

/// A live round running for one document.
pub struct Live {
    pub(super) server: LiveServer,
    /// The document it was started for: its readings go there.
    doc: DocId,
    /// The room's version the round view shows, and when it took it: answers arriving
    /// many a second are taken in at most twice a second, so that the frames stay short.
    shown: std::cell::Cell<(u64, Option<Instant>)>,
}

/// How often the round view takes in new answers while they arrive.
const TAKE_IN_EVERY: Duration = Duration::from_millis(500);

/// What the window shows of a running round.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveView {
    /// The address students open ("http://192.168.1.20:8737/").
    pub address: String,
    /// The join code.
    pub code: String,
    /// What the teacher allowed.
    pub settings: Settings,
    /// Students joined, and how many of them submitted.
    pub counts: (usize, usize),
    /// No one new may join.
    pub locked: bool,
    /// Students see the class's results.
    pub revealed: bool,
    /// Who joined, and whether they submitted, in the order they came.
    pub students: Vec<(String, bool)>,
    /// The round belongs to the open document (not one opened since).
    pub here: bool,
}

/// A check that phones reach this computer, before the round: a page on the address the
/// round will have, and who opened it.
pub struct Check {
    pub(super) server: LiveServer,
    started: Instant,
}

/// What the window shows of a check.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckView {
    /// The address a phone opens ("http://192.168.1.20:8737/").
    pub address: String,
    /// The clients that opened it, first come first.
    pub reached: Vec<IpAddr>,
    /// Seconds since the check started: after a while without a phone, the window says
    /// what to try.
    pub waited: u64,
}

impl CheckView {
    /// The address the check is served on (this computer's own, on that network).
    fn own_address(&self) -> Option<IpAddr> {
        self.address
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse::<SocketAddr>()
            .ok()
            .map(|a| a.ip())
    }

    /// The other devices that reached the check: this computer opening its own address
    /// proves nothing about the Wi-Fi.
    pub fn phones(&self) -> Vec<IpAddr> {
        let own = self.own_address();
        self.reached
            .iter()
            .copied()
            .filter(|ip| !ip.is_loopback() && Some(*ip) != own)
            .collect()
    }

    /// A check on the loopback address: a trial on this computer, no phone expected.
    pub fn is_trial(&self) -> bool {
        self.own_address().is_some_and(|ip| ip.is_loopback())
    }
}

/// What the teacher does with a live round.
#[derive(Clone, Debug, PartialEq)]
pub enum LiveMsg {
    /// Serve the open document on `ip`:`port` with `settings`.
    Start {
        /// The interface's address.
        ip: IpAddr,
        /// The port (0: one the system picks).
        port: u16,
        /// Seats, names, scores.
        settings: Settings,
        /// How much one client may ask ([`Limits::default`] from the window).
        limits: Limits,
    },
    /// Lock the room (no one new joins) or open it again.
    Lock(bool),
    /// Show the class's results to the students, or hide them again.
    Reveal(bool),
    /// End the round: every ballot becomes a student's reading, in one undoable step.
    Close,
    /// Show or hide the start form in the round view (hiding it ends a check).
    Setup(bool),
    /// Check that phones reach `ip`:`port` before starting ([`LiveServer::check`]), or
    /// end the check (`None`).
    Check(Option<(IpAddr, u16)>),
}

impl AppState {
    /// Applies a message of the live round.
    pub(super) fn update_live(&mut self, msg: LiveMsg) {
        match msg {
            LiveMsg::Start {
                ip,
                port,
                settings,
                limits,
            } => {
                let started = self.start_live(SocketAddr::new(ip, port), settings, limits);
                self.round.live_error = started.err().map(|e| e.to_string());
                if let Some(e) = &self.round.live_error {
                    self.status = e.clone();
                }
            }
            LiveMsg::Lock(on) => {
                if let Some(live) = &self.round.live {
                    live.server.room().locked = on;
                }
            }
            LiveMsg::Reveal(on) => {
                if let Some(live) = &self.round.live {
                    live.server.room().revealed = on;
                }
            }
            LiveMsg::Close => self.close_live(),
            LiveMsg::Setup(on) => {
                self.round.live_setup = on;
                self.round.live_error = None;
                if !on {
                    self.round.live_check = None;
                }
            }
            LiveMsg::Check(None) => self.round.live_check = None,
            LiveMsg::Check(Some((ip, port))) => {
                // One server per address: a check running there ends first.
                self.round.live_check = None;
                let addr = SocketAddr::new(ip, port);
                match LiveServer::check(addr, Limits::default()) {
                    Ok(server) => {
                        self.round.live_error = None;
                        self.status = format!(
                            "Checking: open http://{}/ on a phone on the same network",
                            server.addr()
                        );
                        self.round.live_check = Some(Check {
                            server,
                            started: Instant::now(),
                        });
                    }
                    Err(e) => {
                        self.status = e.to_string();
                        self.round.live_error = Some(e.to_string());
                    }
                }
            }
        }
    }

    /// Starts serving the open document.
    pub fn start_live(
        &mut self,
        addr: SocketAddr,
        settings: Settings,
        limits: Limits,
    ) -> Result<(), StartError> {
        if self.round.live.is_some() {
            self.status = "A live round is already running: close it first".into();
            return Ok(());
        }
        // The check served on the round's address: it makes way.
        self.round.live_check = None;
        let template = self.doc.scenario().clone();
        let server = LiveServer::start(template, settings, addr, limits, || {})?;
        self.status = format!(
            "Live round on http://{}/ — join code {}",
            server.addr(),
            server.room().code
        );
        self.round.live = Some(Live {
            server,
            doc: self.doc.id(),
            shown: std::cell::Cell::new((0, None)),
        });
        self.round.live_setup = false;
        self.view.main_view = MainView::Round;
        Ok(())
    }

    /// Ends the round: the ballots become students' readings of the document it was
    /// started for, in one undoable step; the server stops.
    pub fn close_live(&mut self) {
        let Some(live) = &self.round.live else {
            return;
        };
        if live.doc != self.doc.id() {
            // Opening another lesson asks first (`request`), so only a path that skipped
            // the question gets here: the window has said that these answers have no home.
            self.round.live = None;
            self.status = "The live round ended; it was started for a lesson no longer open, so \
                           its answers were not added"
                .into();
            return;
        }
        let readings = {
            let mut room = live.server.room();
            room.closed = true;
            room.readings(self.doc.scenario())
        };
        self.round.live = None; // stops the server
        let added = readings.len();
        if added > 0 {
            let at = self.doc.scenario().perspectives.len();
            let edits = readings
                .into_iter()
                .enumerate()
                .map(|(i, p)| Edit::InsertPerspective(at + i, p))
                .collect();
            self.edit(
                format!(
                    "add {added} reading{} from the live round",
                    if added == 1 { "" } else { "s" }
                ),
                None,
                Edit::Batch(edits),
            );
        }
        self.status = format!(
            "The live round ended: {added} student reading{} added",
            if added == 1 { "" } else { "s" }
        );
        self.view.main_view = MainView::Round;
    }

    /// The running round as the window shows it.
    pub fn live(&self) -> Option<LiveView> {
        let live = self.round.live.as_ref()?;
        let room = live.server.room();
        Some(LiveView {
            address: format!("http://{}/", live.server.addr()),
            code: room.code.clone(),
            settings: room.settings.clone(),
            counts: room.counts(),
            locked: room.locked,
            revealed: room.revealed,
            students: room
                .seats
                .iter()
                .map(|s| (s.name.clone(), s.ballot.is_some()))
                .collect(),
            here: live.doc == self.doc.id(),
        })
    }

    /// True while a live round runs for the open document.
    pub fn live_here(&self) -> bool {
        self.live_for_doc().is_some()
    }

    /// The live round, when it runs for the open document.
    fn live_for_doc(&self) -> Option<&Live> {
        self.round.live.as_ref().filter(|l| l.doc == self.doc.id())
    }

    /// The presentation's steps for the open document (with the live round's slide while
    /// one runs for it).
    pub fn present_steps(&self) -> Vec<super::present::Step> {
        super::present::steps(self.doc.scenario(), self.live_here())
    }

    /// The check that phones reach this computer, while it runs.
    pub fn live_check(&self) -> Option<CheckView> {
        let check = self.round.live_check.as_ref()?;
        Some(CheckView {
            address: format!("http://{}/", check.server.addr()),
            reached: check.server.reached(),
            waited: check.started.elapsed().as_secs(),
        })
    }

    /// Why the last start (or check) failed, in words the form shows.
    pub fn live_error(&self) -> Option<&str> {
        self.round.live_error.as_deref()
    }

    /// Whether the round view shows the live round's start form.
    pub fn live_setup(&self) -> bool {
        self.round.live_setup
    }

    /// True while a live round or a check runs (the window looks again a few times a
    /// second).
    pub fn live_running(&self) -> bool {
        self.round.live.is_some() || self.round.live_check.is_some()
    }

    /// The running round's code and version while it runs for the open document (a new
    /// room has a new code): what the round view's statistics are keyed to.
    pub(super) fn live_key(&self) -> Option<(String, u64)> {
        let live = self.live_for_doc()?;
        let room = live.server.room();
        let (shown, at) = live.shown.get();
        if room.version != shown && at.is_none_or(|at| at.elapsed() >= TAKE_IN_EVERY) {
            live.shown.set((room.version, Some(Instant::now())));
        }
        Some((room.code.clone(), live.shown.get().0))
    }

    /// The room's version and the document with the answers so far, while a live round
    /// runs for it and someone has sent answers: what a recovery copy keeps.
    pub(super) fn live_unsaved(&self) -> Option<(u64, Scenario)> {
        let live = self.live_for_doc()?;
        let room = live.server.room();
        (room.counts().1 > 0).then(|| (room.version, room.with_readings(self.doc.scenario())))
    }

    /// The document with every ballot so far added as readings, while a live round runs
    /// for it.
    pub(super) fn live_scenario(&self) -> Option<Scenario> {
        let live = self.live_for_doc()?;
        let room = live.server.room();
        Some(room.with_readings(self.doc.scenario()))
    }
}

#[cfg(test)]
mod tests {
    use super::CheckView;

    fn check(address: &str, reached: &[&str]) -> CheckView {
        CheckView {
            address: address.into(),
            reached: reached.iter().map(|ip| ip.parse().unwrap()).collect(),
            waited: 0,
        }
    }

    #[test]
    fn only_other_devices_count_as_phones() {
        let own = check("http://192.168.1.20:8737/", &["192.168.1.20", "127.0.0.1"]);
        assert!(own.phones().is_empty(), "the laptop opening its own page");
        assert!(!own.is_trial());
        let phone = check(
            "http://192.168.1.20:8737/",
            &["192.168.1.20", "192.168.1.31"],
        );
        assert_eq!(
            phone.phones(),
            ["192.168.1.31".parse::<std::net::IpAddr>().unwrap()]
        );
        assert!(check("http://127.0.0.1:8737/", &["127.0.0.1"]).is_trial());
    }
}
