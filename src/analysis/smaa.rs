//! S5 Monte Carlo rank acceptability (SMAA-2).
//!
//! N seeded draws of weights for the criteria in use. Unconstrained, weights are uniform on
//! the simplex: e_k = −ln u_k, w_k = e_k/Σe. Keeping the current order of the criteria sorts
//! each draw to follow it. Within ±x% of the current weights, each weight is the current one
//! times a uniform factor in [1 − x, 1 + x], then all are renormalised. For each draw the
//! totals are computed as in scoring (unscored cells left out) and ranked. Outputs:
//! b_i^r, the share of draws in which proposal i has rank r, and the central weights of i,
//! the mean weights over the draws in which i ranks first.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::totals_for;
use crate::analysis::SplitMix64;
use crate::scoring::{rank, Evaluation, Standing};

/// How weights are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WeightConstraint {
    /// Uniform on the simplex: any weights at all.
    Free,
    /// Uniform on the simplex, sorted to keep the current order of importance.
    KeepOrder,
    /// Each weight within ±fraction of its current value (e.g. 0.2 for ±20%).
    Around(f64),
}

/// Options of a run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SmaaOptions {
    /// Number of draws.
    pub draws: usize,
    /// Seed: the same seed gives the same result.
    pub seed: u64,
    /// How weights are drawn.
    pub constraint: WeightConstraint,
}

impl Default for SmaaOptions {
    fn default() -> Self {
        Self {
            draws: 10_000,
            seed: 1,
            constraint: WeightConstraint::Free,
        }
    }
}

/// The result of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct SmaaResult {
    /// The options used.
    pub options: SmaaOptions,
    /// acceptability[i][r]: share of draws in which proposal i has rank r + 1.
    pub acceptability: Vec<Vec<f64>>,
    /// Mean weights (all criteria, normalised) over the draws in which i ranks first;
    /// `None` if it never does.
    pub central_weights: Vec<Option<Vec<f64>>>,
    /// Draws in which no proposal could be ranked (nothing scored) are not counted.
    pub counted: usize,
}

/// Runs SMAA-2 on the evaluation's values, starting from its weights.
pub fn smaa(e: &Evaluation, options: SmaaOptions) -> SmaaResult {
    smaa_with_progress(e, options, &AtomicUsize::new(0), &AtomicBool::new(false))
}

/// As `smaa`, counting finished draws in `progress` and stopping early when `cancel` is set.
pub fn smaa_with_progress(
    e: &Evaluation,
    options: SmaaOptions,
    progress: &AtomicUsize,
    cancel: &AtomicBool,
) -> SmaaResult {
    let mut run = SmaaRun::new(e.clone(), options);
    while !run.is_done() && !cancel.load(Ordering::Relaxed) {
        run.draw(256);
        progress.store(run.drawn(), Ordering::Relaxed);
    }
    progress.store(options.draws, Ordering::Relaxed);
    run.result()
}

/// A run of SMAA-2 done a number of draws at a time (so a browser, which has no threads,
/// can spread it over frames); the same seed gives the same result however it is split.
pub struct SmaaRun {
    e: Evaluation,
    options: SmaaOptions,
    in_use: Vec<usize>,
    by_weight: Vec<usize>,
    rng: SplitMix64,
    counts: Vec<Vec<usize>>,
    central: Vec<Vec<f64>>,
    firsts: Vec<usize>,
    counted: usize,
    drawn: usize,
    w: Vec<f64>,
    draw: Vec<f64>,
}

impl SmaaRun {
    /// A run on the evaluation's values, starting from its weights; nothing drawn yet.
    pub fn new(e: Evaluation, options: SmaaOptions) -> Self {
        let n_p = e.n_proposals();
        let n_c = e.weights.len();
        let in_use: Vec<usize> = (0..n_c).filter(|&k| e.weights[k] > 0.0).collect();
        // The current order of importance, heaviest first (for KeepOrder).
        let mut by_weight = in_use.clone();
        by_weight.sort_by(|&a, &b| e.weights[b].total_cmp(&e.weights[a]).then(a.cmp(&b)));
        Self {
            rng: SplitMix64::new(options.seed),
            counts: vec![vec![0usize; n_p]; n_p],
            central: vec![vec![0.0; n_c]; n_p],
            firsts: vec![0usize; n_p],
            counted: 0,
            drawn: 0,
            w: vec![0.0; n_c],
            draw: vec![0.0; in_use.len()],
            in_use,
            by_weight,
            e,
            options,
        }
    }

    /// How many draws are done.
    pub fn drawn(&self) -> usize {
        self.drawn
    }

    /// True once all the draws asked for are done.
    pub fn is_done(&self) -> bool {
        self.drawn >= self.options.draws
    }

    /// Does up to `n` more draws.
    pub fn draw(&mut self, n: usize) {
        let until = (self.drawn + n).min(self.options.draws);
        while self.drawn < until {
            self.drawn += 1;
            self.one_draw();
        }
    }

    fn one_draw(&mut self) {
        let (e, options) = (&self.e, self.options);
        let n_p = e.n_proposals();
        let (w, draw, rng) = (&mut self.w, &mut self.draw, &mut self.rng);
        match options.constraint {
            WeightConstraint::Free | WeightConstraint::KeepOrder => {
                for x in draw.iter_mut() {
                    // u in (0, 1]: −ln u is finite.
                    *x = -(1.0 - rng.next_f64()).ln();
                }
            }
            WeightConstraint::Around(frac) => {
                for (x, &k) in draw.iter_mut().zip(&self.in_use) {
                    *x = e.weights[k] * (1.0 + frac * (2.0 * rng.next_f64() - 1.0)).max(0.0);
                }
            }
        }
        if options.constraint == WeightConstraint::KeepOrder {
            draw.sort_by(|a, b| b.total_cmp(a));
        }
        let sum: f64 = draw.iter().sum();
        w.iter_mut().for_each(|x| *x = 0.0);
        if sum <= 0.0 {
            return;
        }
        let order = if options.constraint == WeightConstraint::KeepOrder {
            &self.by_weight
        } else {
            &self.in_use
        };
        for (x, &k) in draw.iter().zip(order) {
            w[k] = x / sum;
        }
        let totals = totals_for(w, &e.values, n_p);
        let standings: Vec<Standing> = totals
            .iter()
            .map(|t| Standing {
                total: *t,
                coverage: 0.0,
                rank: None,
            })
            .collect();
        let (ranked, _) = rank(standings);
        if ranked.iter().all(|s| s.rank.is_none()) {
            return;
        }
        self.counted += 1;
        for (i, s) in ranked.iter().enumerate() {
            if let Some(r) = s.rank {
                self.counts[i][r - 1] += 1;
                if r == 1 {
                    self.firsts[i] += 1;
                    for (c, x) in self.central[i].iter_mut().zip(w.iter()) {
                        *c += x;
                    }
                }
            }
        }
    }

    /// The result over the draws done so far.
    pub fn result(self) -> SmaaResult {
        let counted = self.counted;
        let share = |c: usize| {
            if counted == 0 {
                0.0
            } else {
                c as f64 / counted as f64
            }
        };
        SmaaResult {
            options: self.options,
            acceptability: self
                .counts
                .iter()
                .map(|row| row.iter().map(|&c| share(c)).collect())
                .collect(),
            central_weights: self
                .central
                .into_iter()
                .zip(&self.firsts)
                .map(|(sum, &n)| (n > 0).then(|| sum.iter().map(|x| x / n as f64).collect()))
                .collect(),
            counted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sweep::tests::two_by;

    #[test]
    fn two_proposals_split_the_simplex_where_their_lines_cross() {
        // A = (10, 0): V = w_x. B = (0, 10): V = 1 − w_x. With w_x uniform on [0, 1] (the
        // simplex of two criteria), A is first in half of the draws.
        let e = two_by(&[
            ("a", [Some(10.0), Some(0.0)]),
            ("b", [Some(0.0), Some(10.0)]),
        ]);
        let r = smaa(
            &e,
            SmaaOptions {
                draws: 20_000,
                seed: 7,
                constraint: WeightConstraint::Free,
            },
        );
        assert!(
            (r.acceptability[0][0] - 0.5).abs() < 0.02,
            "{:?}",
            r.acceptability
        );
        // A wins when w_x > 1/2: its central weight on x is the mean of U(1/2, 1) = 3/4.
        let cw = r.central_weights[0].as_ref().unwrap();
        assert!((cw[0] - 0.75).abs() < 0.02, "{cw:?}");
    }

    #[test]
    fn keep_order_and_around_respect_the_current_weights() {
        // Current weights 0.5/0.5 → with the order kept, w_x ≥ w_y in every draw (ties broken
        // by index), so A = (10, 0) is never behind B = (0, 10).
        let e = two_by(&[
            ("a", [Some(10.0), Some(0.0)]),
            ("b", [Some(0.0), Some(10.0)]),
        ]);
        let r = smaa(
            &e,
            SmaaOptions {
                draws: 2_000,
                seed: 3,
                constraint: WeightConstraint::KeepOrder,
            },
        );
        assert_eq!(r.acceptability[0][0], 1.0);
        let r = smaa(
            &e,
            SmaaOptions {
                draws: 2_000,
                seed: 3,
                constraint: WeightConstraint::Around(0.1),
            },
        );
        let cw = r.central_weights[0].as_ref().unwrap();
        assert!(cw[0] >= 0.5 && cw[0] <= 0.5 * 1.1 / (0.5 * 1.1 + 0.5 * 0.9) + 1e-9);
    }
}
