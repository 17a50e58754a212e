//! S1 one-at-a-time weight sweep and S2 stability intervals.
//!
//! Setting w_k = t and scaling the other weights by (1 − t)/(1 − w_k) keeps Σ w = 1. With
//! every cell scored, V_i(t) = t·v_ik + (1 − t)·B_i with B_i = Σ_{j≠k} w_j v_ij/(1 − w_k): a line.
//! With unscored cells a total is renormalised over its own scored criteria, so
//! V_i(t) = N_i(t)/D_i(t) with N_i(t) = t·a_i + (1 − t)·S_i/(1 − w_k) and
//! D_i(t) = t·b_i + (1 − t)·C_i/(1 − w_k), where a_i = v_ik and b_i = 1 if cell (i, k) is scored
//! (else 0), S_i = Σ_{j≠k, scored} w_j v_ij and C_i = Σ_{j≠k, scored} w_j. Two totals cross
//! where N_i D_l − N_l D_i = 0, a quadratic in t, solved exactly; with complete data it
//! reduces to t* = (B_l − B_i)/((v_ik − B_i) − (v_lk − B_l)).

use crate::scoring::Evaluation;

/// N_i(t) = n0 + n1·t and D_i(t) = d0 + d1·t for one proposal on one criterion.
#[derive(Clone, Copy, Debug)]
struct Ratio {
    n0: f64,
    n1: f64,
    d0: f64,
    d1: f64,
}

impl Ratio {
    fn at(&self, t: f64) -> Option<f64> {
        let d = self.d0 + self.d1 * t;
        (d > 1e-12).then(|| (self.n0 + self.n1 * t) / d)
    }
}

/// Each proposal's weighted sum and coverage over all criteria: computed once, so that the
/// rational form for any criterion costs one pass over the proposals.
#[derive(Clone, Debug)]
pub struct Sums {
    sum: Vec<f64>,
    coverage: Vec<f64>,
}

impl Sums {
    /// Sums of `e`.
    pub fn new(e: &Evaluation) -> Self {
        let n_p = e.n_proposals();
        let (mut sum, mut coverage) = (vec![0.0; n_p], vec![0.0; n_p]);
        for (k, &w) in e.weights.iter().enumerate() {
            if w <= 0.0 {
                continue;
            }
            for i in 0..n_p {
                if let Some(v) = e.value(k, i) {
                    sum[i] += w * v;
                    coverage[i] += w;
                }
            }
        }
        Self { sum, coverage }
    }
}

/// The rational form of proposal i's total as a function of the weight of criterion k.
fn ratio(e: &Evaluation, sums: &Sums, k: usize, i: usize) -> Option<Ratio> {
    let wk = *e.weights.get(k)?;
    let rest = 1.0 - wk;
    if rest <= 1e-12 {
        return None; // the only weighted criterion: nothing to trade it against
    }
    let vk = e.value(k, i);
    let (a, b) = vk.map_or((0.0, 0.0), |v| (v, 1.0));
    // The other criteria's share, taken out of the sums over all criteria.
    let s = (sums.sum[i] - wk * a) / rest;
    let c = (sums.coverage[i] - wk * b) / rest;
    Some(Ratio {
        n0: s,
        n1: a - s,
        d0: c,
        d1: b - c,
    })
}

/// Proposal i's total with the weight of criterion k set to `t` (others rescaled).
pub fn total_at(e: &Evaluation, sums: &Sums, k: usize, i: usize, t: f64) -> Option<f64> {
    ratio(e, sums, k, i)?.at(t)
}

/// Every proposal's total at each of `points` weights of criterion k from 0 to 1 (S1 lines).
pub fn sweep_totals(e: &Evaluation, k: usize, points: usize) -> Vec<Vec<(f64, Option<f64>)>> {
    sweep_totals_with(e, &Sums::new(e), k, points)
}

/// As `sweep_totals`, with the sums computed once for all criteria.
pub fn sweep_totals_with(
    e: &Evaluation,
    sums: &Sums,
    k: usize,
    points: usize,
) -> Vec<Vec<(f64, Option<f64>)>> {
    let points = points.max(2);
    (0..e.n_proposals())
        .map(|i| {
            let Some(r) = ratio(e, sums, k, i) else {
                return Vec::new();
            };
            (0..points)
                .map(|s| {
                    let t = s as f64 / (points - 1) as f64;
                    (t, r.at(t))
                })
                .collect()
        })
        .collect()
}

/// A point where two proposals' totals are equal as the weight of one criterion moves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Crossing {
    /// The weight of the criterion (normalised, 0–1) at the crossing.
    pub weight: f64,
    /// The two proposals.
    pub pair: (usize, usize),
    /// Their common total there.
    pub total: f64,
}

/// Every crossing of two totals for weights of criterion k in [0, 1], in weight order
/// (all pairs: quadratic in the number of proposals).
pub fn crossings(e: &Evaluation, k: usize) -> Vec<Crossing> {
    let n = e.n_proposals();
    let pairs: Vec<(usize, usize)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |l| (i, l)))
        .collect();
    crossings_of(e, &Sums::new(e), k, &pairs)
}

/// The crossings of the given pairs of proposals for weights of criterion k, in weight order.
pub fn crossings_of(
    e: &Evaluation,
    sums: &Sums,
    k: usize,
    pairs: &[(usize, usize)],
) -> Vec<Crossing> {
    let mut out = Vec::new();
    for &(i, l) in pairs {
        let (Some(ri), Some(rl)) = (ratio(e, sums, k, i), ratio(e, sums, k, l)) else {
            continue;
        };
        let diff = |t: f64| Some(ri.at(t)? - rl.at(t)?);
        for t in pair_roots(&ri, &rl) {
            // A real crossing: the totals are equal there and change order across it by more
            // than rounding noise (a tie reached only at an end of the range is not one).
            let (before, after) = (diff((t - 1e-5).max(0.0)), diff((t + 1e-5).min(1.0)));
            let crosses = matches!((before, after), (Some(b), Some(a)) if b * a < 0.0 && b.abs() > 1e-12 && a.abs() > 1e-12);
            if let (true, Some(vi), Some(vl)) = (crosses, ri.at(t), rl.at(t)) {
                if (vi - vl).abs() < 1e-7 {
                    out.push(Crossing {
                        weight: t,
                        pair: (i, l),
                        total: vi,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| a.weight.total_cmp(&b.weight));
    out
}

/// Roots in [0, 1] of N_i D_l − N_l D_i where the difference changes sign (real crossings,
/// not touches), or all of [0, 1] never (identical lines are not crossings).
fn pair_roots(i: &Ratio, l: &Ratio) -> Vec<f64> {
    let a = i.n1 * l.d1 - l.n1 * i.d1;
    let b = i.n0 * l.d1 + i.n1 * l.d0 - l.n0 * i.d1 - l.n1 * i.d0;
    let c = i.n0 * l.d0 - l.n0 * i.d0;
    let scale = a.abs().max(b.abs()).max(c.abs());
    if scale < 1e-15 {
        return Vec::new();
    }
    let (a, b, c) = (a / scale, b / scale, c / scale);
    let mut roots = Vec::new();
    if a.abs() < 1e-12 {
        if b.abs() > 1e-12 {
            roots.push(-c / b);
        }
    } else {
        let disc = b * b - 4.0 * a * c;
        if disc > 1e-15 {
            let q = -0.5 * (b + b.signum() * disc.sqrt());
            roots.push(q / a);
            if q.abs() > 1e-15 {
                roots.push(c / q);
            }
        }
    }
    let f = |t: f64| (a * t + b) * t + c;
    roots
        .into_iter()
        .filter(|t| (-1e-9..=1.0 + 1e-9).contains(t))
        .map(|t| t.clamp(0.0, 1.0))
        // A crossing, not a touch: the sign differs on either side.
        .filter(|&t| f((t - 1e-6).max(0.0)) * f((t + 1e-6).min(1.0)) < 0.0)
        .collect()
}

/// S2: the range of the weight of one criterion in which the leader stays first, and in which
/// the whole ranking stays the same. Bounds are normalised weights (0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stability {
    /// The criterion.
    pub criterion: usize,
    /// Its current normalised weight.
    pub current: f64,
    /// The leader stays first for weights in this range.
    pub leader: (f64, f64),
    /// The proposal that takes the lead at each end, if any (below, above).
    pub leader_rivals: (Option<usize>, Option<usize>),
    /// No two proposals change places for weights in this range.
    pub ranking: (f64, f64),
}

/// S2 for criterion k: the nearest crossings below and above the current weight at which the
/// leader changes, and at which any two proposals swap. `None` for a criterion that cannot
/// be swept (weight 0, or the only weighted criterion) or with fewer than two ranked proposals.
pub fn stability(e: &Evaluation, k: usize) -> Option<Stability> {
    stability_with(e, &Sums::new(e), k)
}

/// As `stability`, with the sums computed once for all criteria. Only two kinds of crossing
/// can matter: the leader's with any proposal (the first one, moving away from the current
/// weight, ends its lead) and those of proposals adjacent in the current ranking (no order
/// changes before the first of those), so the cost is linear in the number of proposals.
pub fn stability_with(e: &Evaluation, sums: &Sums, k: usize) -> Option<Stability> {
    let current = *e.weights.get(k)?;
    if current <= 0.0 {
        return None;
    }
    let ranked: Vec<usize> = e.ranked().collect();
    if ranked.len() < 2 {
        return None;
    }
    let leader = ranked[0];
    let mut pairs: Vec<(usize, usize)> = ranked[1..].iter().map(|&i| (leader, i)).collect();
    // Neighbours in the ranking; proposals tied now form one group, and every member of a
    // group neighbours every member of the next (a tie can break either way).
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in &ranked {
        match groups.last_mut() {
            Some(g) if e.standings[g[0]].rank == e.standings[i].rank => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    for w in groups.windows(2) {
        for &a in &w[0] {
            for &b in &w[1] {
                if a != leader {
                    pairs.push((a, b));
                }
            }
        }
    }
    let all = crossings_of(e, sums, k, &pairs);
    let mut s = Stability {
        criterion: k,
        current,
        leader: (0.0, 1.0),
        leader_rivals: (None, None),
        ranking: (0.0, 1.0),
    };
    let eps = 1e-9;
    // Moving away from the current weight, the first line to cross the leader's takes the
    // lead: only the nearest crossing on each side counts.
    for c in &all {
        let involves_leader = c.pair.0 == leader || c.pair.1 == leader;
        let other = if c.pair.0 == leader {
            c.pair.1
        } else {
            c.pair.0
        };
        if c.weight < current - eps {
            s.ranking.0 = s.ranking.0.max(c.weight);
            if involves_leader && c.weight >= s.leader.0 {
                s.leader.0 = c.weight;
                s.leader_rivals.0 = Some(other);
            }
        } else if c.weight > current + eps {
            s.ranking.1 = s.ranking.1.min(c.weight);
            if involves_leader && c.weight <= s.leader.1 {
                s.leader.1 = c.weight;
                s.leader_rivals.1 = Some(other);
            }
        }
    }
    Some(s)
}

/// The normalised weights with criterion k set to `t` and the others rescaled to sum to 1 − t.
pub fn with_weight(weights: &[f64], k: usize, t: f64) -> Vec<f64> {
    let rest = 1.0 - weights[k];
    weights
        .iter()
        .enumerate()
        .map(|(j, &w)| {
            if j == k {
                t
            } else if rest > 1e-12 {
                w * (1.0 - t) / rest
            } else {
                0.0
            }
        })
        .collect()
}

/// Every proposal's line (in points) as the weight of criterion k moves, and the points
/// where another line crosses the leader's. Linear in the number of proposals.
pub fn chart(e: &Evaluation, k: usize) -> (Vec<Vec<[f64; 2]>>, Vec<[f64; 2]>) {
    let sums = Sums::new(e);
    let lines = sweep_totals_with(e, &sums, k, 41)
        .iter()
        .map(|line| {
            line.iter()
                .filter_map(|(t, v)| v.map(|v| [t * 100.0, v * 100.0]))
                .collect()
        })
        .collect();
    let marks = match e.ranked().next() {
        Some(leader) => {
            let pairs: Vec<(usize, usize)> = e.ranked().skip(1).map(|i| (leader, i)).collect();
            crossings_of(e, &sums, k, &pairs)
                .iter()
                .map(|c| [c.weight * 100.0, c.total * 100.0])
                .collect()
        }
        None => Vec::new(),
    };
    (lines, marks)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Criterion, Proposal, Scenario, Score, ScoreValue};
    use crate::scoring::WeightSet;

    /// Two criteria x and y (weights 1 and 1), proposals with values on 0–10.
    pub(crate) fn two_by(values: &[(&str, [Option<f64>; 2])]) -> Evaluation {
        let mut s = Scenario {
            criteria: vec![Criterion::new("x", "X"), Criterion::new("y", "Y")],
            ..Scenario::default()
        };
        for (id, v) in values {
            s.proposals.push(Proposal::new(*id, id.to_uppercase()));
            for (k, c) in ["x", "y"].iter().enumerate() {
                if let Some(x) = v[k] {
                    s.scores.push(Score {
                        criterion: (*c).into(),
                        proposal: (*id).into(),
                        value: Some(ScoreValue::Number(x)),
                        ..Score::default()
                    });
                }
            }
        }
        Evaluation::new(&s, WeightSet::Base)
    }

    #[test]
    fn two_lines_cross_where_worked_out_on_paper() {
        // A: x 10, y 0 → V_A(t) = t. B: x 2, y 8 → V_B(t) = 0.2t + 0.8(1 − t) = 0.8 − 0.6t.
        // They cross at t = 0.8/1.6 = 0.5, both at 0.5.
        let e = two_by(&[
            ("a", [Some(10.0), Some(0.0)]),
            ("b", [Some(2.0), Some(8.0)]),
        ]);
        let c = crossings(&e, 0);
        assert_eq!(c.len(), 1);
        assert!((c[0].weight - 0.5).abs() < 1e-12);
        assert!((c[0].total - 0.5).abs() < 1e-12);
        let lines = sweep_totals(&e, 0, 3);
        assert_eq!(lines[0][2], (1.0, Some(1.0)));
        assert!((lines[1][1].1.unwrap() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn three_proposals_stability_interval() {
        // Weights 0.5/0.5. A = (10, 0): t. B = (2, 8): 0.8 − 0.6t. C = (6, 5): 0.5 + 0.1t.
        // At t = 0.5: A 0.5, B 0.5, C 0.55 → C leads. C meets B where 0.5 + 0.1t = 0.8 − 0.6t,
        // t = 3/7 ≈ 0.4286; C meets A where 0.5 + 0.1t = t, t = 5/9 ≈ 0.5556.
        let e = two_by(&[
            ("a", [Some(10.0), Some(0.0)]),
            ("b", [Some(2.0), Some(8.0)]),
            ("c", [Some(6.0), Some(5.0)]),
        ]);
        assert_eq!(e.order[0], 2);
        let s = stability(&e, 0).unwrap();
        assert!((s.leader.0 - 3.0 / 7.0).abs() < 1e-9, "{s:?}");
        assert!((s.leader.1 - 5.0 / 9.0).abs() < 1e-9, "{s:?}");
        assert_eq!(s.leader_rivals, (Some(1), Some(0)));
        // A and B tie at 0.5 (they cross there), so the full ranking changes right at 0.5.
        assert!(s.ranking.0 <= 0.5 && s.ranking.1 >= 0.5);
        assert!(s.leader.0 <= s.current && s.current <= s.leader.1);
    }

    #[test]
    fn unscored_cells_use_the_renormalised_totals() {
        // A scored only on x (10 → 1.0) keeps total 1 whatever the weight (while t > 0).
        // B = (4, 10): 0.4t + (1 − t) = 1 − 0.6t, equal to A only at t = 0 → no crossing
        // inside (0, 1]; with the closed form for complete data A would be t and cross B.
        let e = two_by(&[("a", [Some(10.0), None]), ("b", [Some(4.0), Some(10.0)])]);
        let lines = sweep_totals(&e, 0, 5);
        assert!((lines[0][2].1.unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(lines[0][0].1, None, "at weight 0, A has nothing scored");
        assert!(crossings(&e, 0).iter().all(|c| c.weight < 1e-6));
        // Sweeping y instead: A's total stays 1 (its coverage on y is 0) until y takes all.
        let s = stability(&e, 1).unwrap();
        assert_eq!(s.leader, (0.0, 1.0));
    }
}
