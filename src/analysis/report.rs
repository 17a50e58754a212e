//! The whole analysis of a scenario as one serialisable report (for `concord analyze`).

use serde::Serialize;

use super::{explain, smaa, FlipChange, SmaaOptions, WeightConstraint};
use crate::model::Scenario;
use crate::scoring::{Evaluation, WeightSet};

/// Everything `concord analyze` prints.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Scenario title.
    pub title: String,
    /// The weights used: "base" or a perspective's id.
    pub weights: String,
    /// The explanation in sentences.
    pub sentences: Vec<String>,
    /// Per criterion: current weight share and stability intervals.
    pub stability: Vec<StabilityRow>,
    /// Per adjacent pair: the smallest swapping change of one cell.
    pub flips: Vec<FlipRow>,
    /// Rank acceptability.
    pub acceptability: Acceptability,
    /// Under a perspective with red lines: each proposal it does not accept, why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub red_lines: Vec<RedLineRow>,
}

/// A proposal a perspective's red lines rule out, or cannot judge.
#[derive(Clone, Debug, Serialize)]
pub struct RedLineRow {
    /// Proposal id.
    pub proposal: String,
    /// "ruled out" or "unknown".
    pub verdict: String,
    /// The criteria of the red lines crossed (or untestable).
    pub criteria: Vec<String>,
}

/// One row of the stability table.
#[derive(Clone, Debug, Serialize)]
pub struct StabilityRow {
    /// Criterion id.
    pub criterion: String,
    /// Current weight share.
    pub current: f64,
    /// The leader stays first between these shares.
    pub leader: [f64; 2],
    /// The whole ranking stays between these shares.
    pub ranking: [f64; 2],
}

/// One score flip.
#[derive(Clone, Debug, Serialize)]
pub struct FlipRow {
    /// Upper proposal id.
    pub upper: String,
    /// Lower proposal id.
    pub lower: String,
    /// Margin of the totals (0–1).
    pub margin: f64,
    /// Criterion of the cell, if a single change can swap them.
    pub criterion: Option<String>,
    /// Proposal of the cell.
    pub proposal: Option<String>,
    /// The change: "+2.40 points", "+1 level", "yes/no", or null.
    pub change: Option<String>,
}

/// The SMAA-2 table.
#[derive(Clone, Debug, Serialize)]
pub struct Acceptability {
    /// Draws made.
    pub draws: usize,
    /// Seed.
    pub seed: u64,
    /// How weights were drawn.
    pub constraint: String,
    /// Per proposal id: share of draws at rank 1, 2, …
    pub ranks: Vec<(String, Vec<f64>)>,
    /// Per proposal id: mean weights (by criterion id) where it ranks first.
    pub central_weights: Vec<(String, Option<CriterionWeights>)>,
}

/// Weights by criterion id.
pub type CriterionWeights = Vec<(String, f64)>;

impl Report {
    /// Analyses `s` with the given weights.
    pub fn new(s: &Scenario, weights: WeightSet<'_>, options: SmaaOptions) -> Self {
        let e = Evaluation::new(s, weights);
        let x = explain(s, &e);
        let pid = |i: usize| s.proposals[i].id.clone();
        let cid = |k: usize| s.criteria[k].id.clone();
        let r = smaa(&e, options);
        let red_lines = match weights {
            WeightSet::Perspective(view) => e
                .verdicts
                .iter()
                .enumerate()
                .filter_map(|(p, v)| {
                    if *v == crate::scoring::Verdict::Accepted {
                        return None;
                    }
                    let (verdict, lines) = (v.word(), v.lines());
                    Some(RedLineRow {
                        proposal: pid(p),
                        verdict: verdict.to_owned(),
                        criteria: lines
                            .iter()
                            .filter_map(|&j| view.red_lines.get(j))
                            .map(|l| l.criterion.clone())
                            .collect(),
                    })
                })
                .collect(),
            WeightSet::Base => Vec::new(),
        };
        Self {
            red_lines,
            title: s.title.clone(),
            weights: match weights {
                WeightSet::Base => "base".to_owned(),
                WeightSet::Perspective(p) => p.id.clone(),
            },
            sentences: x.sentences,
            stability: x
                .stability
                .iter()
                .map(|st| StabilityRow {
                    criterion: cid(st.criterion),
                    current: st.current,
                    leader: [st.leader.0, st.leader.1],
                    ranking: [st.ranking.0, st.ranking.1],
                })
                .collect(),
            flips: x
                .flips
                .iter()
                .map(|f| FlipRow {
                    upper: pid(f.upper),
                    lower: pid(f.lower),
                    margin: f.margin,
                    criterion: f.cell.map(|(k, _)| cid(k)),
                    proposal: f.cell.map(|(_, p)| pid(p)),
                    change: f.change.map(|c| match c {
                        FlipChange::Points(d) => format!("{d:+.2} points"),
                        FlipChange::Levels(m) => {
                            format!("{m:+} level{}", if m.abs() == 1 { "" } else { "s" })
                        }
                        FlipChange::YesNo => "yes/no".to_owned(),
                    }),
                })
                .collect(),
            acceptability: Acceptability {
                draws: options.draws,
                seed: options.seed,
                constraint: constraint_label(options.constraint),
                ranks: r
                    .acceptability
                    .iter()
                    .enumerate()
                    .map(|(i, row)| (pid(i), row.clone()))
                    .collect(),
                central_weights: r
                    .central_weights
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        (
                            pid(i),
                            w.as_ref()
                                .map(|w| w.iter().enumerate().map(|(k, x)| (cid(k), *x)).collect()),
                        )
                    })
                    .collect(),
            },
        }
    }

    /// The report as text for a terminal.
    pub fn to_text(&self) -> String {
        let mut t = format!("{}\n\n", self.title);
        for s in &self.sentences {
            t += &format!("{s}\n");
        }
        if !self.red_lines.is_empty() {
            t += &format!(
                "\nRed lines of {}: proposals it does not accept\n",
                self.weights
            );
            for r in &self.red_lines {
                t += &format!(
                    "{}: {} (on {})\n",
                    r.proposal,
                    r.verdict,
                    r.criteria.join(", ")
                );
            }
        }
        t += "\nStability: weight shares in which the leader stays first, and the whole ranking stays the same\n";
        let width = self
            .stability
            .iter()
            .map(|r| r.criterion.len())
            .max()
            .unwrap_or(9)
            .max(9);
        t += &format!(
            "{:<width$}  {:>5}  {:>11}  {:>11}\n",
            "criterion", "now", "leader", "ranking"
        );
        let range = |r: [f64; 2]| {
            format!(
                "{}–{}",
                super::sentences::pct(r[0]),
                super::sentences::pct(r[1])
            )
        };
        for r in &self.stability {
            t += &format!(
                "{:<width$}  {:>4.0}%  {:>13}  {:>13}\n",
                r.criterion,
                r.current * 100.0,
                range(r.leader),
                range(r.ranking)
            );
        }
        t += "\nScore flips: the smallest change of one cell that swaps two neighbours\n";
        for f in &self.flips {
            let what = match (&f.criterion, &f.proposal, &f.change) {
                (Some(c), Some(p), Some(ch)) => format!("{p} on {c}: {ch}"),
                _ => "none within the scale".to_owned(),
            };
            t += &format!(
                "{} over {} by {:.0}: {what}\n",
                f.upper,
                f.lower,
                // A tie can come out a hair below zero; "-0" would read as a reversed pair.
                (f.margin * 100.0).max(0.0)
            );
        }
        let a = &self.acceptability;
        t += &format!(
            "\nRank acceptability (SMAA-2): {} draws, seed {}, weights {}\n",
            a.draws, a.seed, a.constraint
        );
        let pw = a
            .ranks
            .iter()
            .map(|(p, _)| p.len())
            .max()
            .unwrap_or(8)
            .max(8);
        t += &format!("{:<pw$}", "proposal");
        for r in 1..=a.ranks.len() {
            t += &format!("  {:>5}", format!("#{r}"));
        }
        t.push('\n');
        for (p, row) in &a.ranks {
            t += &format!("{p:<pw$}");
            for x in row {
                t += &format!("  {:>4.0}%", x * 100.0);
            }
            t.push('\n');
        }
        t
    }
}

/// "free", "in the current order", "within ±20%".
pub fn constraint_label(c: WeightConstraint) -> String {
    match c {
        WeightConstraint::Free => "free (uniform on the simplex)".to_owned(),
        WeightConstraint::KeepOrder => "in the current order of importance".to_owned(),
        WeightConstraint::Around(x) => format!("within ±{:.0}% of the current weights", x * 100.0),
    }
}
