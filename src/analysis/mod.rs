//! Why the ranking is what it is: sensitivity of the ranking to weights and scores, rank
//! acceptability under uncertain weights, and quick ways to set weights. Pure functions on
//! an `Evaluation` (normalised weights and values), no GUI.
//!
//! Notation (see `docs/ANALYSIS.md`): criteria k with normalised weights w_k (Σ = 1 over the
//! criteria in use), proposals i with normalised values v_ik ∈ [0, 1]; a proposal's total is
//! V_i = Σ_{k scored} w_k v_ik / C_i with coverage C_i = Σ_{k scored} w_k. Unscored cells are
//! left out, never counted as 0, so every formula here works on that real total function.

pub mod compare;
pub mod flips;
pub mod perspectives;
pub mod quick_weights;
pub mod report;
pub mod rng;
pub mod round;
pub mod sentences;
pub mod smaa;
pub mod sweep;
pub mod tornado;

pub use flips::{score_flips, Flip, FlipChange};
pub use quick_weights::{rank_order_centroid, swing_weights};
pub use rng::SplitMix64;
pub use sentences::{explain, Explanation};
pub use smaa::{smaa, SmaaOptions, SmaaResult, WeightConstraint};
pub use sweep::{crossings, stability, sweep_totals, Crossing, Stability};
pub use tornado::{tornado, TornadoBar};

/// A leader whose margin over the runner-up is below this (on the 0–1 scale) is no clear
/// leader.
pub const CLEAR_LEAD: f64 = 0.10;

/// Totals of every proposal for the given normalised weights (same rules as scoring).
pub fn totals_for(weights: &[f64], values: &[Option<f64>], n_proposals: usize) -> Vec<Option<f64>> {
    crate::scoring::totals(weights, values, n_proposals)
        .into_iter()
        .map(|s| s.total)
        .collect()
}
