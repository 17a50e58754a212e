//! A page has no network interfaces to serve on.

use std::net::IpAddr;

/// The port a live round is served on unless the teacher picks another.
pub const DEFAULT_PORT: u16 = 8737;

/// A network interface's address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interface {
    /// The system's name for it.
    pub name: String,
    /// Its address.
    pub ip: IpAddr,
}

impl Interface {
    /// Its name and address.
    pub fn label(&self) -> String {
        format!("{} — {}", self.name, self.ip)
    }
}

/// None in a browser.
pub fn interfaces() -> Vec<Interface> {
    Vec::new()
}
