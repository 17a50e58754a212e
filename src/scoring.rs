//! Scoring: normalised values, weighted totals with coverage, and competition ranks.
//!
//! Formulas (see `docs/FORMAT.md` and the analysis notes):
//! - numeric value x on [min, max]: v = (x − min)/(max − min); levels: v = index/(levels − 1);
//!   yes/no: 1 or 0; v is replaced by 1 − v when lower is better.
//! - weights are normalised so Σ w_k = 1 over the criteria in use (weight > 0).
//! - a proposal's total is V_i = Σ_{k scored} w_k v_ik / Σ_{k scored} w_k, and its coverage is
//!   Σ_{k scored} w_k: a missing score is left out, never counted as 0.
//! - ranks are competition ranks (1, 2, 2, 4); proposals with no scored weight are unranked.

use crate::model::{Criterion, Direction, Perspective, Scenario, Score, ScoreValue, Silence, Test};

/// Totals closer than this are a tie.
pub const TIE_EPSILON: f64 = 1e-9;

/// Which weights to score with.
#[derive(Clone, Copy, Debug, Default)]
pub enum WeightSet<'a> {
    /// The criteria's own weights.
    #[default]
    Base,
    /// A perspective: its weights replace the base weights, its readings the common
    /// scores, and its red lines judge each proposal.
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

/// What a perspective's red lines say of one proposal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Verdict {
    /// No red line is crossed, and every one can be tested (or there are none).
    #[default]
    Accepted,
    /// It crosses these red lines (indices into the perspective's `red_lines`).
    RuledOut(Vec<usize>),
    /// No red line is crossed, but these cannot be tested: their cells are not scored.
    Unknown(Vec<usize>),
    /// No red line is crossed and every one can be tested, but the text is silent on
    /// these: it neither meets nor crosses them.
    NotAddressed(Vec<usize>),
}

impl Verdict {
    /// True when it crosses a red line.
    pub fn is_ruled_out(&self) -> bool {
        matches!(self, Self::RuledOut(_))
    }

    /// The verdict in one word or two, as filters, the matrix and the command line name it.
    pub fn word(&self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::RuledOut(_) => "ruled out",
            Self::Unknown(_) => "unknown",
            Self::NotAddressed(_) => "not addressed",
        }
    }

    /// The red lines the verdict is about (none when acceptable).
    pub fn lines(&self) -> &[usize] {
        match self {
            Self::Accepted => &[],
            Self::RuledOut(l) | Self::Unknown(l) | Self::NotAddressed(l) => l,
        }
    }

    /// How strongly it speaks, for combining red lines: ruled out over unknown over not
    /// addressed over acceptable.
    fn strength(&self) -> u8 {
        match self {
            Self::Accepted => 0,
            Self::NotAddressed(_) => 1,
            Self::Unknown(_) => 2,
            Self::RuledOut(_) => 3,
        }
    }

    /// The verdict of a proposal once red line `j` has said `test` of it.
    pub fn add(&mut self, j: usize, test: Test) {
        let new = match test {
            Test::Passes => return,
            Test::Crosses => Self::RuledOut(vec![j]),
            Test::Unknown => Self::Unknown(vec![j]),
            Test::NotAddressed => Self::NotAddressed(vec![j]),
        };
        if new.strength() > self.strength() {
            *self = new;
        } else if new.strength() == self.strength() {
            if let Self::RuledOut(l) | Self::Unknown(l) | Self::NotAddressed(l) = self {
                l.push(j);
            }
        }
    }
}

/// Scores of a scenario, normalised and weighted: everything the table and cards show.
/// Under a perspective, its own readings replace the common scores and its red lines give
/// each proposal a verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Normalised weight of each criterion (Σ = 1 over criteria in use, or all 0).
    pub weights: Vec<f64>,
    /// Normalised value per cell, `values[criterion * n_proposals + proposal]`.
    pub values: Vec<Option<f64>>,
    /// Index into `scenario.scores` per cell, same layout as `values`; shared by the
    /// evaluations of one scenario under every perspective.
    pub cells: std::sync::Arc<Vec<Option<usize>>>,
    /// Result per proposal, in scenario order.
    pub standings: Vec<Standing>,
    /// Proposal indices from first to last (ties in scenario order, unranked last).
    pub order: Vec<usize>,
    /// The perspective evaluated, if any (its id).
    pub perspective: Option<String>,
    /// Cells where the perspective's own reading replaces the common score: the cell's
    /// place in `values` → index into the perspective's `readings`.
    pub readings: foldhash::HashMap<usize, usize>,
    /// Each proposal's verdict under the perspective's red lines (all accepted without).
    pub verdicts: Vec<Verdict>,
    n_proposals: usize,
    /// Raw weights in use (negative and non-finite ones as 0), and per proposal the sums
    /// Σ raw·value and Σ raw over scored cells, so that a change of weights updates totals
    /// by one term per changed criterion instead of re-adding every cell.
    raw: Vec<f64>,
    sums: Vec<f64>,
    covered: Vec<f64>,
}

impl Evaluation {
    /// Scores `scenario` with the given weights (and, under a perspective, its readings
    /// and red lines).
    pub fn new(scenario: &Scenario, weights: WeightSet<'_>) -> Self {
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
                .and_then(|v| counted(scenario, &scenario.criteria[c], v));
        }
        let base = Self::from_parts(
            values,
            std::sync::Arc::new(cells),
            n_p,
            &raw_weights(scenario, WeightSet::Base),
        );
        match weights {
            WeightSet::Base => base,
            WeightSet::Perspective(p) => base.under(scenario, p),
        }
    }

    fn from_parts(
        values: Vec<Option<f64>>,
        cells: std::sync::Arc<Vec<Option<usize>>>,
        n_proposals: usize,
        raw: &[f64],
    ) -> Self {
        let raw = clean_weights(raw);
        let (sums, covered) = sums(&raw, &values, n_proposals);
        let mut e = Self {
            weights: normalise_weights(&raw),
            values,
            cells,
            standings: Vec::new(),
            order: Vec::new(),
            perspective: None,
            readings: foldhash::HashMap::default(),
            verdicts: vec![Verdict::Accepted; n_proposals],
            n_proposals,
            raw,
            sums,
            covered,
        };
        e.rerank();
        e
    }

    /// This evaluation (of the common scores) as `perspective` reads it: its weights, its
    /// readings in place of the common scores, and its red lines' verdicts. Cheaper than
    /// [`Evaluation::new`]: the cells are not read again.
    pub fn under(&self, scenario: &Scenario, perspective: &Perspective) -> Self {
        let n_p = self.n_proposals;
        let mut values = self.values.clone();
        let mut readings = foldhash::HashMap::default();
        if !perspective.readings.is_empty() {
            let crit = scenario.criterion_indices();
            let prop = scenario.proposal_indices();
            for (ri, r) in perspective.readings.iter().enumerate() {
                let (Some(&c), Some(&p)) = (
                    crit.get(r.criterion.as_str()),
                    prop.get(r.proposal.as_str()),
                ) else {
                    continue;
                };
                values[c * n_p + p] = r
                    .value
                    .and_then(|v| counted(scenario, &scenario.criteria[c], v));
                readings.insert(c * n_p + p, ri);
            }
        }
        // Criteria of which the perspective wants less count reversed under it.
        for id in &perspective.prefers_less {
            let Some(c) = scenario.criterion_index(id) else {
                continue;
            };
            for v in values[c * n_p..(c + 1) * n_p].iter_mut().flatten() {
                *v = 1.0 - *v;
            }
        }
        let raw = raw_weights(scenario, WeightSet::Perspective(perspective));
        let mut e = Self::from_parts(values, std::sync::Arc::clone(&self.cells), n_p, &raw);
        e.perspective = Some(perspective.id.clone());
        e.readings = readings;
        e.verdicts = e.judge(scenario, perspective);
        e
    }

    /// Each proposal's verdict under `perspective`'s red lines, testing the perspective's
    /// reading of a cell where it has one.
    fn judge(&self, scenario: &Scenario, perspective: &Perspective) -> Vec<Verdict> {
        let n_p = self.n_proposals;
        let mut out = vec![Verdict::Accepted; n_p];
        for (j, line) in perspective.red_lines.iter().enumerate() {
            let Some(c) = scenario.criterion_index(&line.criterion) else {
                continue;
            };
            for (p, verdict) in out.iter_mut().enumerate() {
                let value = self.score(scenario, c, p).and_then(|s| s.value);
                verdict.add(j, line.test(value));
            }
        }
        out
    }

    /// Recomputes weights, totals and ranks after a change of weights only: each changed
    /// criterion moves every proposal's sums by one term (a weight drag on 2,000 × 300
    /// updates 2,000 sums, not 600,000 cells). Many changes at once are summed afresh.
    pub fn reweight(&mut self, scenario: &Scenario, weights: WeightSet<'_>) {
        let raw = clean_weights(&raw_weights(scenario, weights));
        let n_p = self.n_proposals;
        let changed: Vec<usize> = (0..raw.len())
            .filter(|&k| raw.get(k) != self.raw.get(k))
            .collect();
        if raw.len() != self.raw.len() || changed.len() * 4 > raw.len().max(4) {
            (self.sums, self.covered) = sums(&raw, &self.values, n_p);
        } else {
            for &k in &changed {
                let delta = raw[k] - self.raw[k];
                let row = &self.values[k * n_p..(k + 1) * n_p];
                for (p, v) in row.iter().enumerate() {
                    if let Some(v) = v {
                        self.sums[p] += delta * v;
                        self.covered[p] += delta;
                    }
                }
                // A criterion back at weight 0 adds nothing: no rounding may be left over.
                if raw[k] == 0.0 && changed.len() == 1 {
                    (self.sums, self.covered) = sums(&raw, &self.values, n_p);
                }
            }
        }
        self.weights = normalise_weights(&raw);
        self.raw = raw;
        self.rerank();
    }

    /// Totals, coverage and ranks from the sums.
    fn rerank(&mut self) {
        let all: f64 = self.raw.iter().sum();
        let standings = (0..self.n_proposals)
            .map(|p| {
                let covered = self.covered[p];
                // Sums far below the weights in use are what rounding leaves of nothing.
                let scored = all > 0.0 && covered > all * 1e-12;
                Standing {
                    total: scored.then(|| (self.sums[p] / covered).clamp(0.0, 1.0)),
                    coverage: if scored {
                        (covered / all).min(1.0)
                    } else {
                        0.0
                    },
                    rank: None,
                }
            })
            .collect();
        let (standings, order) = rank(standings);
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

    /// Index into `scenario.scores` of the common cell (c, p), if the cell exists.
    pub fn cell(&self, c: usize, p: usize) -> Option<usize> {
        self.cells.get(c * self.n_proposals + p).copied().flatten()
    }

    /// True when the perspective evaluated reads cell (c, p) its own way.
    pub fn is_read(&self, c: usize, p: usize) -> bool {
        self.readings.contains_key(&(c * self.n_proposals + p))
    }

    /// The cell of criterion `k` and proposal `p` in `scenario` (the one evaluated) as this
    /// evaluation reads it: the perspective's reading where it has one, else the common
    /// score, if scored or annotated.
    pub fn score<'a>(&self, scenario: &'a Scenario, k: usize, p: usize) -> Option<&'a Score> {
        if let Some(&ri) = self.readings.get(&(k * self.n_proposals + p)) {
            let reading = self
                .perspective
                .as_deref()
                .and_then(|id| scenario.perspective_by_id(id))
                .and_then(|q| q.readings.get(ri));
            if reading.is_some() {
                return reading;
            }
        }
        self.common_score(scenario, k, p)
    }

    /// The common (scenario's) score of cell (k, p), whatever the perspective reads.
    pub fn common_score<'a>(
        &self,
        scenario: &'a Scenario,
        k: usize,
        p: usize,
    ) -> Option<&'a Score> {
        self.cell(k, p).and_then(|i| scenario.scores.get(i))
    }

    /// Number of proposals the evaluation was made for.
    pub fn n_proposals(&self) -> usize {
        self.n_proposals
    }
}

/// Weights with negative and non-finite ones as 0.
fn clean_weights(raw: &[f64]) -> Vec<f64> {
    raw.iter()
        .map(|&w| if w.is_finite() && w > 0.0 { w } else { 0.0 })
        .collect()
}

/// Per proposal, Σ raw·value and Σ raw over its scored cells.
fn sums(raw: &[f64], values: &[Option<f64>], n_proposals: usize) -> (Vec<f64>, Vec<f64>) {
    let mut sum = vec![0.0; n_proposals];
    let mut covered = vec![0.0; n_proposals];
    for (c, &w) in raw.iter().enumerate() {
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
    (sum, covered)
}

/// Raw (unnormalised) weights per criterion for a weight set.
pub fn raw_weights(scenario: &Scenario, weights: WeightSet<'_>) -> Vec<f64> {
    scenario
        .criteria
        .iter()
        .map(|c| match weights {
            WeightSet::Base => c.weight,
            WeightSet::Perspective(p) => p.weight_of(c),
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

/// The normalised value a cell counts with in `scenario`'s totals: as [`normalise`], and a
/// silent text as the scale's lowest value or not at all, by the scenario's rule.
pub fn counted(scenario: &Scenario, criterion: &Criterion, value: ScoreValue) -> Option<f64> {
    match (value, scenario.silence) {
        (ScoreValue::Silent, Silence::LeftOut) => None,
        _ => normalise(criterion, value),
    }
}

/// The normalised value in [0, 1] of `value` on `criterion`'s scale, direction applied
/// (a silent text as the scale's lowest value); `None` when the value does not fit the
/// scale's kind or the scale is degenerate.
pub fn normalise(criterion: &Criterion, value: ScoreValue) -> Option<f64> {
    let value = match value {
        ScoreValue::Silent => criterion.scale.lowest(),
        v => v,
    };
    let v = criterion.scale.normalised(value)?;
    Some(match criterion.direction {
        Direction::HigherIsBetter => v,
        Direction::LowerIsBetter => 1.0 - v,
    })
}

/// Totals and coverage per proposal from normalised weights and values (criterion-major).
pub fn totals(weights: &[f64], values: &[Option<f64>], n_proposals: usize) -> Vec<Standing> {
    let (sum, covered) = sums(weights, values, n_proposals);
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

/// "1st", "2nd", "3rd"…
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
