//! The scenario model: pure data with serde derives, no GUI and no I/O.

pub mod align;
pub mod coded;
pub mod collect;
mod criterion;
pub mod diff;
mod ids;
mod perspective;
mod proposal;
mod scale;
mod scenario;
mod score;

pub use criterion::{Criterion, Direction};
pub use ids::is_valid_id;
pub use perspective::{Accepts, Origin, Perspective, PerspectiveKind, RedLine, Test};
pub use proposal::{Proposal, Provision};
pub use scale::{Scale, ScalePart};
pub use scenario::{slugify, Handout, Scenario, Source, FORMAT_VERSION};
pub use score::{Citation, EvidenceKind, Score, ScoreValue, Silence};
