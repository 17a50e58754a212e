//! S3 tornado: how much the leader's margin over the runner-up moves when one weight moves.
//!
//! For each criterion k the weight is set to w_k − D and to w_k + D (clamped to [0, 1]), the
//! other weights rescaled to sum to the rest (as in the S1 sweep), and the margin
//! V_leader − V_runner-up recomputed with the real (renormalised) totals. Bars are sorted by
//! the size of the swing, largest first. A negative margin means the runner-up overtakes.

use super::sweep::{total_at, Sums};
use crate::scoring::Evaluation;

/// The default weight change D.
pub const DEFAULT_DELTA: f64 = 0.10;

/// One bar: the margin with the weight of a criterion lowered and raised.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TornadoBar {
    /// The criterion.
    pub criterion: usize,
    /// The margin with the weight at w_k − D.
    pub low: f64,
    /// The margin with the weight at w_k + D.
    pub high: f64,
}

impl TornadoBar {
    /// How far the margin swings between the two ends.
    pub fn swing(&self) -> f64 {
        (self.high - self.low).abs()
    }
}

/// The current leader and runner-up, if there are two ranked proposals.
pub fn leader_and_runner_up(e: &Evaluation) -> Option<(usize, usize)> {
    let mut ranked = e.ranked();
    Some((ranked.next()?, ranked.next()?))
}

/// S3 bars for every criterion in use, largest swing first.
pub fn tornado(e: &Evaluation, delta: f64) -> Vec<TornadoBar> {
    let Some((lead, second)) = leader_and_runner_up(e) else {
        return Vec::new();
    };
    let sums = Sums::new(e);
    // Only the two totals matter; the rational form of each gives them at any weight.
    let margin = |k: usize, t: f64| -> f64 {
        total_at(e, &sums, k, lead, t).unwrap_or(0.0)
            - total_at(e, &sums, k, second, t).unwrap_or(0.0)
    };
    let mut bars: Vec<TornadoBar> = (0..e.weights.len())
        .filter(|&k| e.weights[k] > 0.0 && e.weights[k] < 1.0)
        .map(|k| {
            let w = e.weights[k];
            TornadoBar {
                criterion: k,
                low: margin(k, (w - delta).max(0.0)),
                high: margin(k, (w + delta).min(1.0)),
            }
        })
        .collect();
    bars.sort_by(|a, b| {
        b.swing()
            .total_cmp(&a.swing())
            .then(a.criterion.cmp(&b.criterion))
    });
    bars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sweep::tests::two_by;

    #[test]
    fn margins_by_hand() {
        // Weights 0.5/0.5. C = (6, 5) leads with 0.55; A = (10, 0) and B = (2, 8) tie at 0.5, A
        // first in file order, so A is the runner-up. x at 0.4: C = 0.24 + 0.3 = 0.54,
        // A = 0.4 → margin 0.14. x at 0.6: C = 0.36 + 0.2 = 0.56, A = 0.6 → margin −0.04.
        let e = two_by(&[
            ("a", [Some(10.0), Some(0.0)]),
            ("b", [Some(2.0), Some(8.0)]),
            ("c", [Some(6.0), Some(5.0)]),
        ]);
        assert_eq!(leader_and_runner_up(&e), Some((2, 0)));
        let bars = tornado(&e, 0.1);
        let x = bars.iter().find(|b| b.criterion == 0).unwrap();
        assert!((x.low - 0.14).abs() < 1e-12, "{x:?}");
        assert!((x.high + 0.04).abs() < 1e-12, "{x:?}");
    }
}
