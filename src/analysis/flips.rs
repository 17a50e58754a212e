//! S4 score flips: the smallest change of one cell that swaps two adjacent proposals.
//!
//! Changing v_ik by Δ changes V_i by w_k·Δ/C_i (the coverage C_i does not change when a
//! scored cell changes), so the change that brings i down to l is Δv_ik = (V_i − V_l)·C_i/w_k,
//! and the change that brings l up to i is Δv_lk = (V_i − V_l)·C_l/w_k (normalised units;
//! with complete data C = 1, the formula of the analysis notes). A swap needs strictly more
//! than that; it is feasible only if it fits in the cell's scale. It is converted back to the
//! scale: points on a numeric scale, whole levels on a level scale, a flip of yes/no.

use crate::model::{Direction, Scale, Scenario};
use crate::scoring::{Evaluation, TIE_EPSILON};

/// How a cell would change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FlipChange {
    /// A numeric score moves by more than this many points (signed, in the scale's units).
    Points(f64),
    /// A level score moves by this many levels (signed).
    Levels(i64),
    /// A yes/no answer flips.
    YesNo,
}

/// The smallest single-cell change that swaps two adjacent proposals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flip {
    /// The proposal ranked above.
    pub upper: usize,
    /// The proposal ranked just below.
    pub lower: usize,
    /// The current margin V_upper − V_lower.
    pub margin: f64,
    /// The cell to change: (criterion, proposal), or `None` when no single cell can do it
    /// within its scale (the order is robust to any one score).
    pub cell: Option<(usize, usize)>,
    /// The change in the cell's own scale.
    pub change: Option<FlipChange>,
    /// The change in normalised units (0–1 of the scale), for ordering.
    pub normalised: f64,
}

/// S4 for each pair of adjacent ranked proposals, from the top.
pub fn score_flips(s: &Scenario, e: &Evaluation) -> Vec<Flip> {
    let ranked: Vec<usize> = e.ranked().collect();
    ranked
        .windows(2)
        .map(|w| pair_flip(s, e, w[0], w[1]))
        .collect()
}

/// The smallest flip for one pair, upper above lower.
pub fn pair_flip(s: &Scenario, e: &Evaluation, upper: usize, lower: usize) -> Flip {
    let (vu, vl) = (
        e.standings[upper].total.unwrap_or(0.0),
        e.standings[lower].total.unwrap_or(0.0),
    );
    let margin = vu - vl;
    let mut best: Option<(f64, (usize, usize), FlipChange)> = None;
    for (k, c) in s.criteria.iter().enumerate() {
        let w = e.weights.get(k).copied().unwrap_or(0.0);
        if w <= 0.0 {
            continue;
        }
        // Lower the upper proposal's cell, or raise the lower one's.
        for (p, sign) in [(upper, -1.0), (lower, 1.0)] {
            let Some(v) = e.value(k, p) else { continue };
            let coverage = e.standings[p].coverage;
            let need = margin * coverage / w; // normalised change that makes a tie
            let Some((change, dv)) = in_scale(&c.scale, c.direction, v, sign, need) else {
                continue;
            };
            if best.is_none_or(|(b, ..)| dv < b) {
                best = Some((dv, (k, p), change));
            }
        }
    }
    match best {
        Some((dv, cell, change)) => Flip {
            upper,
            lower,
            margin,
            cell: Some(cell),
            change: Some(change),
            normalised: dv,
        },
        None => Flip {
            upper,
            lower,
            margin,
            cell: None,
            change: None,
            normalised: f64::INFINITY,
        },
    }
}

/// The smallest change on `scale` that moves the normalised value `v` by strictly more than
/// `need` in direction `sign` (+1 up, −1 down), if the scale has room; with the normalised
/// size of that change.
fn in_scale(
    scale: &Scale,
    direction: Direction,
    v: f64,
    sign: f64,
    need: f64,
) -> Option<(FlipChange, f64)> {
    let room = if sign > 0.0 { 1.0 - v } else { v };
    // The raw value moves the other way when lower is better.
    let raw_sign = match direction {
        Direction::HigherIsBetter => sign,
        Direction::LowerIsBetter => -sign,
    };
    match scale {
        Scale::Numeric { min, max, .. } => {
            let span = max - min;
            // Strictly past the tie, by a hair that still fits in the scale.
            let dv = need * (1.0 + 1e-9) + TIE_EPSILON * 10.0;
            (dv <= room + 1e-12).then_some((FlipChange::Points(raw_sign * dv * span), dv))
        }
        Scale::Levels(levels) => {
            let steps = (levels.len().max(2) - 1) as f64;
            let m = (need * steps + 1e-9).floor() + 1.0; // whole levels, strictly past the tie
            let dv = m / steps;
            (dv <= room + 1e-12).then_some((FlipChange::Levels((raw_sign * m) as i64), dv))
        }
        Scale::YesNo => {
            (need < 1.0 - 1e-9 && room >= 1.0 - 1e-12).then_some((FlipChange::YesNo, 1.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Criterion, Proposal, Score, ScoreValue};
    use crate::scoring::WeightSet;

    #[test]
    fn smallest_flip_by_hand() {
        // x, y on 0–10, weights 1:1. A = (8, 6) → 0.7, B = (6, 6) → 0.6. Margin 0.1.
        // Lowering A on x needs Δv > 0.1/0.5 = 0.2, i.e. more than 2 points; raising B on x
        // also needs more than 2 points. The first found (A on x) is kept.
        let mut s = Scenario {
            criteria: vec![Criterion::new("x", "X"), Criterion::new("y", "Y")],
            proposals: vec![Proposal::new("a", "A"), Proposal::new("b", "B")],
            ..Scenario::default()
        };
        for (c, p, x) in [
            ("x", "a", 8.0),
            ("y", "a", 6.0),
            ("x", "b", 6.0),
            ("y", "b", 6.0),
        ] {
            s.scores.push(Score {
                criterion: c.into(),
                proposal: p.into(),
                value: Some(ScoreValue::Number(x)),
                ..Score::default()
            });
        }
        let e = Evaluation::new(&s, WeightSet::Base);
        let f = &score_flips(&s, &e)[0];
        assert_eq!((f.upper, f.lower), (0, 1));
        assert!((f.margin - 0.1).abs() < 1e-12);
        let Some(FlipChange::Points(dx)) = f.change else {
            panic!("{f:?}")
        };
        assert!((dx.abs() - 2.0).abs() < 1e-6, "{dx}");
    }
}
