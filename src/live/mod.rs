//! The live round: students join from their phones on the classroom's network and send
//! their weights and readings to the teacher's laptop, which serves a small page for it.
//! Nothing leaves the room: no cloud, no request to anywhere else, nothing written but the
//! teacher's own file when the round closes. Core: no window code here.

pub mod page;
pub mod room;

// A page in a browser cannot serve other devices: there the server and the network's
// interfaces are stand-ins that say so.
#[cfg(not(target_arch = "wasm32"))]
pub mod net;
#[cfg(target_arch = "wasm32")]
#[path = "in_browser_net.rs"]
pub mod net;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
#[cfg(target_arch = "wasm32")]
#[path = "in_browser.rs"]
pub mod server;

pub use room::{Ballot, JoinError, Room, Seat, Settings, SubmitError};
pub use server::{Limits, LiveServer, StartError};
