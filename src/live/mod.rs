//! The live round: students join from their phones on the classroom's network and send
//! their weights and readings to the teacher's laptop, which serves a small page for it.
//! Nothing leaves the room: no cloud, no request to anywhere else, nothing written but the
//! teacher's own file when the round closes. Core: no window code here.

pub mod net;
pub mod page;
pub mod room;
pub mod server;

pub use room::{Ballot, JoinError, Room, Seat, Settings, SubmitError};
pub use server::{Limits, LiveServer, StartError};
