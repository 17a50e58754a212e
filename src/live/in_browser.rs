//! The live round's server in a browser: a page cannot listen for other devices, so
//! starting one says so (the menu leaves the command out there too).

use std::net::SocketAddr;
use std::sync::{Mutex, MutexGuard};

use super::room::{Room, Settings};
use crate::model::Scenario;

/// How much one client may ask (unused in a browser).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    /// Requests per second.
    pub per_second: u32,
    /// Requests at once.
    pub burst: u32,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// A page cannot serve.
    #[error("A live round needs the desktop app: a web page cannot serve other devices.")]
    InBrowser,
}

/// Never made in a browser.
pub struct LiveServer {
    room: Mutex<Room>,
    addr: SocketAddr,
}

impl LiveServer {
    /// Says that a page cannot serve.
    pub fn start(
        _template: Scenario,
        _settings: Settings,
        _addr: SocketAddr,
        _limits: Limits,
        _wake: impl Fn() + Send + Sync + 'static,
    ) -> Result<LiveServer, StartError> {
        Err(StartError::InBrowser)
    }

    /// Says that a page cannot serve.
    pub fn check(_addr: SocketAddr, _limits: Limits) -> Result<LiveServer, StartError> {
        Err(StartError::InBrowser)
    }

    /// No one reaches a page.
    pub fn reached(&self) -> Vec<std::net::IpAddr> {
        Vec::new()
    }

    /// The address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops serving (nothing to stop).
    pub fn stop(&mut self) {}

    /// The room.
    pub fn room(&self) -> MutexGuard<'_, Room> {
        self.room
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
