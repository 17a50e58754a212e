//! The addresses a live round can be served on: this computer's network interfaces, by
//! name, so that the teacher can pick the classroom's Wi-Fi rather than a virtual one.

use std::net::{IpAddr, Ipv4Addr};

/// The port a live round is served on unless the teacher picks another.
pub const DEFAULT_PORT: u16 = 8737;

/// A network interface's address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interface {
    /// The system's name for it ("wlan0", "Wi-Fi", "lo").
    pub name: String,
    /// Its address.
    pub ip: IpAddr,
}

impl Interface {
    /// "wlan0 — 192.168.1.20", or the loopback as a trial on this computer only.
    pub fn label(&self) -> String {
        if self.ip.is_loopback() {
            format!("{} — {} (this computer only: a trial)", self.name, self.ip)
        } else {
            format!("{} — {}", self.name, self.ip)
        }
    }
}

/// This computer's IPv4 interfaces, the loopback last (phones reach only the others).
pub fn interfaces() -> Vec<Interface> {
    let mut found: Vec<Interface> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| i.ip().is_ipv4())
        .map(|i| Interface {
            ip: i.ip(),
            name: i.name,
        })
        .collect();
    found.sort_by_key(|i| (i.ip.is_loopback(), i.name.clone()));
    if !found.iter().any(|i| i.ip.is_loopback()) {
        found.push(Interface {
            name: "loopback".into(),
            ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
        });
    }
    found
}
