//! Scoring: normalised values, weighted totals with coverage, and competition ranks.
//!
//! Formulas (see `docs/FORMAT.md` and the analysis notes):
//! - numeric value x on [min, max]: v = (x − min)/(max − min); levels: v = index/(levels − 1);
//!   yes/no: 1 or 0; v is replaced by 1 − v when lower is better.
//! - weights are normalised so Σ w_k = 1 over the criteria in use (weight > 0).
//! - a proposal's total is V_i = Σ_{k scored} w_k v_ik / Σ_{k scored} w_k, and its coverage is
//!   Σ_{k scored} w_k: a missing score is left out, never counted as 0.
//! - ranks are competition ranks (1, 2, 2, 4); proposals with no scored weight are unranked.

use crate::model::{Criterion, Direction, Perspective, Scale, Scenario, Score, ScoreValue};

/// Totals closer than this are a tie.
pub const TIE_EPSILON: f64 = 1e-9;

/// Which weights to score with.
#[derive(Clone, Copy, Debug, Default)]
pub enum WeightSet<'a> {
    /// The criteria's own weights.
    #[default]
    Base,
    /// A perspective's weights, replacing the base weights.
    Perspective(&'a Perspective),
}

/// The result of one proposal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Standing {
    /// Weighted total in [0, 1] over the scored criteria; `None` when nothing is scored.
    pub total: Option<f64>,
    /// Share of the total weight that is scored, in [0, 1].
    pub coverage: f64,
    /// Competition rank, 1 = best; `None` when unranked.
    pub rank: Option<usize>,
}

/// Scores of a scenario, normalised and weighted: everything the table and cards show.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Normalised weight of each criterion (Σ = 1 over criteria in use, or all 0).
    pub weights: Vec<f64>,
    /// Normalised value per cell, `values[criterion * n_proposals + proposal]`.
    pub values: Vec<Option<f64>>,
    /// Index into `scenario.scores` per cell, same layout as `values`.
    pub cells: Vec<Option<usize>>,
    /// Result per proposal, in scenario order.
    pub standings: Vec<Standing>,
    /// Proposal indices from first to last (ties in scenario order, unranked last).
    pub order: Vec<usize>,
    n_proposals: usize,
}

impl Evaluation {
    /// Scores `scenario` with the given weights.
    pub fn new(scenario: &Scenario, weights: WeightSet<'_>) -> Self {
        let raw: Vec<f64> = raw_weights(scenario, weights);
        let weights = normalise_weights(&raw);
        let n_p = scenario.proposals.len();
        let n_c = scenario.criteria.len();
        let crit = scenario.criterion_indices();
        let prop = scenario.proposal_indices();
        let mut values = vec![None; n_c * n_p];
        let mut cells = vec![None; n_c * n_p];
        for (si, score) in scenario.scores.iter().enumerate() {
            let (Some(&c), Some(&p)) = (
                crit.get(score.criterion.as_str()),
                prop.get(score.proposal.as_str()),
            ) else {
                continue;
            };
            cells[c * n_p + p] = Some(si);
            values[c * n_p + p] = score
                .value
                .and_then(|v| normalise(&scenario.criteria[c], v));
        }
        let standings = totals(&weights, &values, n_p);
        let (standings, order) = rank(standings);
        Self {
            weights,
            values,
            cells,
            standings,
            order,
            n_proposals: n_p,
        }
    }

    /// Recomputes weights, totals and ranks after a change of weights only, reusing the
    /// normalised values: linear in the number of cells, without re-reading the scores.
    pub fn reweight(&mut self, scenario: &Scenario, weights: WeightSet<'_>) {
        self.weights = normalise_weights(&raw_weights(scenario, weights));
        let (standings, order) = rank(totals(&self.weights, &self.values, self.n_proposals));
        self.standings = standings;
        self.order = order;
    }

    /// Proposals with a total, from first to last.
    pub fn ranked(&self) -> impl Iterator<Item = usize> + '_ {
        self.order
            .iter()
            .copied()
            .filter(|&i| self.standings[i].total.is_some())
    }

    /// Normalised value of proposal `p` on criterion `c`.
    pub fn value(&self, c: usize, p: usize) -> Option<f64> {
        self.values.get(c * self.n_proposals + p).copied().flatten()
    }

    /// Index into `scenario.scores` of the cell (c, p), if the cell exists.
    pub fn cell(&self, c: usize, p: usize) -> Option<usize> {
        self.cells.get(c * self.n_proposals + p).copied().flatten()
    }

    /// The cell of criterion `k` and proposal `p` in `scenario` (the one evaluated), if scored
    /// or annotated.
    pub fn score<'a>(&self, scenario: &'a Scenario, k: usize, p: usize) -> Option<&'a Score> {
        self.cell(k, p).and_then(|i| scenario.scores.get(i))
    }

    /// Number of proposals the evaluation was made for.
    pub fn n_proposals(&self) -> usize {
        self.n_proposals
    }
}

/// Raw (unnormalised) weights per criterion for a weight set.
pub fn raw_weights(scenario: &Scenario, weights: WeightSet<'_>) -> Vec<f64> {
    scenario
        .criteria
        .iter()
        .map(|c| match weights {
            WeightSet::Base => c.weight,
            WeightSet::Perspective(p) => p.weights.get(&c.id).copied().unwrap_or(0.0),
        })
        .collect()
}

/// Normalises weights to sum to 1; non-finite or negative weights count as 0.
pub fn normalise_weights(raw: &[f64]) -> Vec<f64> {
    let clean: Vec<f64> = raw
        .iter()
        .map(|&w| if w.is_finite() && w > 0.0 { w } else { 0.0 })
        .collect();
    let sum: f64 = clean.iter().sum();
    if sum > 0.0 {
        clean.iter().map(|w| w / sum).collect()
    } else {
        vec![0.0; raw.len()]
    }
}

/// The normalised value in [0, 1] of `value` on `criterion`'s scale, direction applied;
/// `None` when the value does not fit the scale's kind or the scale is degenerate.
pub fn normalise(criterion: &Criterion, value: ScoreValue) -> Option<f64> {
    let v = match (&criterion.scale, value) {
        (Scale::Numeric { min, max, .. }, ScoreValue::Number(x)) => {
            let span = max - min;
            if !(span.is_finite() && span > 0.0 && x.is_finite()) {
                return None;
            }
            ((x - min) / span).clamp(0.0, 1.0)
        }
        (Scale::Levels(levels), ScoreValue::Level(i)) => {
            let i = i as usize;
            if levels.len() < 2 || i >= levels.len() {
                return None;
            }
            i as f64 / (levels.len() - 1) as f64
        }
        (Scale::YesNo, ScoreValue::Bool(b)) => f64::from(u8::from(b)),
        _ => return None,
    };
    Some(match criterion.direction {
        Direction::HigherIsBetter => v,
        Direction::LowerIsBetter => 1.0 - v,
    })
}

/// Totals and coverage per proposal from normalised weights and values (criterion-major).
pub fn totals(weights: &[f64], values: &[Option<f64>], n_proposals: usize) -> Vec<Standing> {
    let mut sum = vec![0.0; n_proposals];
    let mut covered = vec![0.0; n_proposals];
    for (c, &w) in weights.iter().enumerate() {
        if w <= 0.0 {
            continue;
        }
        let row = &values[c * n_proposals..(c + 1) * n_proposals];
        for (p, v) in row.iter().enumerate() {
            if let Some(v) = v {
                sum[p] += w * v;
                covered[p] += w;
            }
        }
    }
    (0..n_proposals)
        .map(|p| Standing {
            total: (covered[p] > 0.0).then(|| sum[p] / covered[p]),
            coverage: covered[p].min(1.0),
            rank: None,
        })
        .collect()
}

/// Assigns competition ranks (1, 2, 2, 4) and returns the order from first to last.
pub fn rank(mut standings: Vec<Standing>) -> (Vec<Standing>, Vec<usize>) {
    // Totals are compared on a grid of TIE_EPSILON so that ties are exact and the order is
    // a total order; the stable sort keeps tied proposals in scenario order.
    let key = |s: &Standing| s.total.map(|t| (t / TIE_EPSILON).round() as i64);
    let mut order: Vec<usize> = (0..standings.len()).collect();
    order.sort_by(|&a, &b| key(&standings[b]).cmp(&key(&standings[a])));
    let mut prev: Option<(i64, usize)> = None;
    for (pos, &i) in order.iter().enumerate() {
        let Some(k) = key(&standings[i]) else { break };
        let r = match prev {
            Some((pk, pr)) if pk == k => pr,
            _ => pos + 1,
        };
        standings[i].rank = Some(r);
        prev = Some((k, r));
    }
    (standings, order)
}
