//! Concord: compare peace-process proposals side by side on weighted, sourced criteria.
//!
//! The core (model, scoring, file formats) has no GUI dependency; the `ui` and `app`
//! layers turn user actions into edits of the model.

pub mod about;
pub mod analysis;
pub mod app;
pub mod cli;
pub mod io;
pub mod live;
pub mod model;
pub mod platform;
pub mod scoring;
pub mod seeds;
#[doc(hidden)]
pub mod synth;
pub mod ui;
