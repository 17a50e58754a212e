//! Class rounds: where the students' readings (perspectives of the kind "student reading")
//! agree and where they split — per cell, per proposal, and on the order as a whole.
//!
//! Long (about 600 lines) with its unit tests: the statistics share one pass over the
//! readings and are tested together.

use statrs::distribution::{ChiSquared, ContinuousCDF};

use crate::model::{Criterion, Direction, PerspectiveKind, Scale, Scenario};
use crate::scoring::{Evaluation, WeightSet};

/// How far a set of rankings agrees: Kendall's W with its χ² test.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Concordance {
    /// Kendall's coefficient of concordance, corrected for ties: 0 (none) to 1 (identical).
    pub w: f64,
    /// Friedman's χ² = m (n − 1) W.
    pub chi2: f64,
    /// Degrees of freedom, n − 1.
    pub df: usize,
    /// The chance of agreement this strong or stronger if the rankings were random.
    pub p: f64,
}

/// How a class read one cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellStats {
    /// The values students chose, normalised to 0–1, in student order.
    pub chosen: Vec<f64>,
    /// Students whose copy left the cell blank (hidden, or cleared).
    pub unscored: usize,
    /// Students who left the cell as handed out.
    pub untouched: usize,
    /// Median of the chosen values.
    pub median: Option<f64>,
    /// Interquartile range of the chosen values (0 with one value).
    pub iqr: Option<f64>,
}

/// Identical reasons that are not the template's, given by several students for one cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copied {
    /// Criterion index.
    pub criterion: usize,
    /// Proposal index.
    pub proposal: usize,
    /// Positions in [`Round::students`] of the students who gave it.
    pub students: Vec<usize>,
    /// The reason as written.
    pub text: String,
}

/// Everything the round view, the round slide and `concord round` show.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    /// Indices into `scenario.perspectives` of the students' readings.
    pub students: Vec<usize>,
    /// Per cell, `cells[criterion * n_proposals + proposal]`.
    pub cells: Vec<CellStats>,
    /// Each student's totals (0–1) per proposal.
    pub totals: Vec<Vec<Option<f64>>>,
    /// Each student's ranks per proposal (1 = first; ties share their mean place).
    pub ranks: Vec<Vec<f64>>,
    /// Mean of the students' totals per proposal (over those with a total).
    pub mean_totals: Vec<Option<f64>>,
    /// Borda points per proposal: Σ over students of (n − rank).
    pub borda: Vec<f64>,
    /// Proposals by mean total, best first (no total last, then scenario order).
    pub by_mean: Vec<usize>,
    /// Proposals by Borda points, best first (ties in scenario order).
    pub by_borda: Vec<usize>,
    /// Agreement on the order, when there are two students and two proposals.
    pub concordance: Option<Concordance>,
    /// Up to three cells the class disagrees on most, as (criterion, proposal).
    pub agenda: Vec<(usize, usize)>,
    /// Identical reasons several students gave (a note for the teacher, not a judgement).
    pub copied: Vec<Copied>,
}

/// Ranks from totals: the highest total is 1, tied totals share the mean of their places,
/// and proposals without a total tie for the last places.
pub fn average_ranks(totals: &[Option<f64>]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    let key = |i: usize| totals[i].unwrap_or(f64::NEG_INFINITY);
    order.sort_by(|&a, &b| key(b).total_cmp(&key(a)));
    let mut ranks = vec![0.0; totals.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && key(order[j + 1]) == key(order[i]) {
            j += 1;
        }
        // Places i+1 ..= j+1 share their mean.
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = mean;
        }
        i = j + 1;
    }
    ranks
}

/// Kendall's W over `rankings` (one vector of ranks per rater, all of the same length),
/// with the correction for ties; `None` with fewer than two raters or items, or when every
/// rater ties everything.
pub fn kendall_w(rankings: &[Vec<f64>]) -> Option<Concordance> {
    let m = rankings.len();
    let n = rankings.first()?.len();
    if m < 2 || n < 2 || rankings.iter().any(|r| r.len() != n) {
        return None;
    }
    let (mf, nf) = (m as f64, n as f64);
    let mean = mf * (nf + 1.0) / 2.0;
    let s: f64 = (0..n)
        .map(|i| rankings.iter().map(|r| r[i]).sum::<f64>() - mean)
        .map(|d| d * d)
        .sum();
    let ties: f64 = rankings.iter().map(|r| tie_term(r)).sum();
    let denominator = mf * mf * (nf * nf * nf - nf) - mf * ties;
    if denominator <= 0.0 {
        return None;
    }
    let w = (12.0 * s / denominator).clamp(0.0, 1.0);
    let chi2 = mf * (nf - 1.0) * w;
    let p = ChiSquared::new(nf - 1.0).map_or(f64::NAN, |d| d.sf(chi2));
    Some(Concordance {
        w,
        chi2,
        df: n - 1,
        p,
    })
}

/// Σ (t³ − t) over the groups of tied ranks in one ranking.
fn tie_term(ranks: &[f64]) -> f64 {
    let mut sorted = ranks.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut sum = 0.0;
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[i] {
            j += 1;
        }
        let t = (j - i + 1) as f64;
        sum += t * t * t - t;
        i = j + 1;
    }
    sum
}

/// Borda points per item: each rater gives n − rank (ties share their mean place).
pub fn borda(rankings: &[Vec<f64>]) -> Vec<f64> {
    let n = rankings.first().map_or(0, Vec::len);
    (0..n)
        .map(|i| rankings.iter().map(|r| n as f64 - r[i]).sum())
        .collect()
}

/// The q-quantile of sorted values, interpolating between neighbours.
fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let at = q * last as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo as f64))
}

/// Fewer words than this and two equal reasons are not worth a note ("Agree.").
const COPY_MIN_WORDS: usize = 5;

/// How the students' totals for one proposal spread, in points of 100: what a box plot
/// draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The lowest total.
    pub min: f64,
    /// The lower quartile.
    pub q1: f64,
    /// The median.
    pub median: f64,
    /// The upper quartile.
    pub q3: f64,
    /// The highest total.
    pub max: f64,
    /// How many students gave the proposal a total.
    pub count: usize,
}

impl Round {
    /// The spread of the students' totals for proposal `j`; `None` when no student's
    /// reading gives it one.
    pub fn totals_spread(&self, j: usize) -> Option<Spread> {
        let mut t: Vec<f64> = self
            .totals
            .iter()
            .filter_map(|x| x.get(j).copied().flatten())
            .map(|v| v * 100.0)
            .collect();
        t.sort_by(f64::total_cmp);
        let q = |f| quantile(&t, f);
        Some(Spread {
            min: *t.first()?,
            q1: q(0.25)?,
            median: q(0.5)?,
            q3: q(0.75)?,
            max: *t.last()?,
            count: t.len(),
        })
    }

    /// The names of the students who gave an identical reason.
    pub fn names<'a>(&self, scenario: &'a Scenario, copied: &Copied) -> Vec<&'a str> {
        copied
            .students
            .iter()
            .map(|&i| scenario.perspectives[self.students[i]].name.as_str())
            .collect()
    }
}

/// Reads the round in `scenario`: its perspectives of the kind "student reading".
pub fn round(scenario: &Scenario) -> Round {
    let n_p = scenario.proposals.len();
    let n_c = scenario.criteria.len();
    let students: Vec<usize> = scenario
        .perspectives
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == PerspectiveKind::Student)
        .map(|(i, _)| i)
        .collect();
    let base = Evaluation::new(scenario, WeightSet::Base);
    let crit = scenario.criterion_indices();
    let prop = scenario.proposal_indices();

    let mut cells = vec![CellStats::default(); n_c * n_p];
    let mut read = vec![false; n_c * n_p];
    // Reasons per cell: text → students who gave it.
    let mut reasons: Vec<Vec<(String, Vec<usize>)>> = vec![Vec::new(); n_c * n_p];
    let mut totals = Vec::with_capacity(students.len());
    for (s, &pi) in students.iter().enumerate() {
        let perspective = &scenario.perspectives[pi];
        read.iter_mut().for_each(|r| *r = false);
        for r in &perspective.readings {
            let (Some(&c), Some(&p)) = (
                crit.get(r.criterion.as_str()),
                prop.get(r.proposal.as_str()),
            ) else {
                continue;
            };
            let at = c * n_p + p;
            read[at] = true;
            match r
                .value
                .and_then(|v| crate::scoring::counted(scenario, &scenario.criteria[c], v))
            {
                Some(v) => cells[at].chosen.push(v),
                None => cells[at].unscored += 1,
            }
            let text = r.rationale.trim();
            let template = base
                .score(scenario, c, p)
                .map_or("", |x| x.rationale.trim());
            if text.split_whitespace().count() >= COPY_MIN_WORDS && text != template {
                match reasons[at].iter_mut().find(|(t, _)| t == text) {
                    Some((_, who)) => who.push(s),
                    None => reasons[at].push((text.to_owned(), vec![s])),
                }
            }
        }
        for (at, was_read) in read.iter().enumerate() {
            if !was_read {
                cells[at].untouched += 1;
            }
        }
        let e = base.under(scenario, perspective);
        totals.push(e.standings.iter().map(|st| st.total).collect::<Vec<_>>());
    }
    for cell in &mut cells {
        let mut sorted = cell.chosen.clone();
        sorted.sort_by(f64::total_cmp);
        cell.median = quantile(&sorted, 0.5);
        cell.iqr = quantile(&sorted, 0.75)
            .zip(quantile(&sorted, 0.25))
            .map(|(a, b)| a - b);
    }

    let ranks: Vec<Vec<f64>> = totals.iter().map(|t| average_ranks(t)).collect();
    let mean_totals: Vec<Option<f64>> = (0..n_p)
        .map(|p| {
            let have: Vec<f64> = totals.iter().filter_map(|t| t[p]).collect();
            (!have.is_empty()).then(|| have.iter().sum::<f64>() / have.len() as f64)
        })
        .collect();
    let points = borda(&ranks);
    let borda_points = if points.len() == n_p {
        points
    } else {
        vec![0.0; n_p]
    };
    let mut by_mean: Vec<usize> = (0..n_p).collect();
    by_mean.sort_by(|&a, &b| {
        let key = |i: usize| mean_totals[i].unwrap_or(f64::NEG_INFINITY);
        key(b).total_cmp(&key(a))
    });
    let mut by_borda: Vec<usize> = (0..n_p).collect();
    by_borda.sort_by(|&a, &b| borda_points[b].total_cmp(&borda_points[a]));

    let mut agenda: Vec<usize> = (0..cells.len())
        .filter(|&at| cells[at].chosen.len() >= 2 && spread(&cells[at]) > 0.0)
        .collect();
    agenda.sort_by(|&a, &b| {
        let key = |at: usize| (cells[at].iqr.unwrap_or(0.0), spread(&cells[at]));
        key(b)
            .partial_cmp(&key(a))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    agenda.truncate(AGENDA);

    let copied = reasons
        .into_iter()
        .enumerate()
        .flat_map(|(at, list)| {
            list.into_iter()
                .filter(|(_, who)| who.len() >= 2)
                .map(move |(text, students)| Copied {
                    criterion: at / n_p.max(1),
                    proposal: at % n_p.max(1),
                    students,
                    text,
                })
        })
        .collect();

    Round {
        concordance: kendall_w(&ranks),
        students,
        cells,
        totals,
        ranks,
        mean_totals,
        borda: borda_points,
        by_mean,
        by_borda,
        agenda: agenda.into_iter().map(|at| (at / n_p, at % n_p)).collect(),
        copied,
    }
}

/// How many cells the agenda of disagreements lists.
pub const AGENDA: usize = 3;

/// Highest minus lowest chosen value.
fn spread(cell: &CellStats) -> f64 {
    let max = cell
        .chosen
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    let min = cell.chosen.iter().copied().fold(f64::INFINITY, f64::min);
    if cell.chosen.is_empty() {
        0.0
    } else {
        max - min
    }
}

/// How strongly a class agrees on the order, in words.
pub fn agreement_words(w: f64) -> &'static str {
    if w >= 0.6 {
        "strongly"
    } else if w >= 0.3 {
        "moderately"
    } else {
        "hardly at all"
    }
}

/// The raw value a student chose on `c`'s scale, from its normalised value (direction
/// undone): a level's index, 1/0 for yes/no, or the number.
fn raw_of(c: &Criterion, v: f64) -> f64 {
    let v = match c.direction {
        Direction::HigherIsBetter => v,
        Direction::LowerIsBetter => 1.0 - v,
    };
    c.scale.raw_at(v)
}

/// How many students chose each level of `c` (levels in scale order; yes/no as No, Yes),
/// or `None` on a numeric scale.
pub fn counts_by_level(c: &Criterion, cell: &CellStats) -> Option<Vec<(String, usize)>> {
    let names = c.scale.level_names()?;
    let mut counts = vec![0; names.len()];
    for &v in &cell.chosen {
        let i = raw_of(c, v) as usize;
        if let Some(n) = counts.get_mut(i) {
            *n += 1;
        }
    }
    Some(
        names
            .into_iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .collect(),
    )
}

/// How the class split on a cell, in the criterion's own language: "2 of 4 chose Yes" on a
/// yes/no question, the levels chosen ("Weak 2, Strong 1") on levels, and the middle half's
/// span in points of 100 only on a numeric scale.
pub fn spread_words(c: &Criterion, cell: &CellStats) -> String {
    let n = cell.chosen.len();
    match (&c.scale, counts_by_level(c, cell)) {
        (Scale::YesNo, Some(counts)) => {
            let yes = counts
                .iter()
                .find(|(name, _)| name == "Yes")
                .map_or(0, |(_, k)| *k);
            format!("{yes} of {n} chose Yes")
        }
        (_, Some(counts)) => {
            let chosen: Vec<String> = counts
                .iter()
                .map(|(name, k)| format!("{name} {k}"))
                .collect();
            format!("the levels chosen: {}", chosen.join(", "))
        }
        (_, None) => format!(
            "the middle half of the class spans {:.0} points of 100",
            cell.iqr.unwrap_or(0.0) * 100.0
        ),
    }
}

/// Sentences a class can read: how many readings, the group's ranking both ways (and
/// where they differ), agreement on the order, and the agenda of disagreements.
pub fn sentences(scenario: &Scenario, r: &Round) -> Vec<String> {
    let name = |p: usize| scenario.proposals[p].label().to_owned();
    let mut out = Vec::new();
    if r.students.is_empty() {
        out.push("No student readings yet: add students' files to start a round.".to_owned());
        return out;
    }
    out.push(format!(
        "{} student reading{} in this round.",
        r.students.len(),
        if r.students.len() == 1 { "" } else { "s" }
    ));
    let list = |order: &[usize]| {
        order
            .iter()
            .map(|&p| name(p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push(format!("By Borda count: {}.", list(&r.by_borda)));
    out.push(format!("By the mean of totals: {}.", list(&r.by_mean)));
    if r.by_borda.first() != r.by_mean.first() {
        out.push(format!(
            "The two disagree on first place: {} gets most Borda points (it is ranked high by \
             many), {} the highest mean total (some rate it very high).",
            r.by_borda.first().map_or_else(String::new, |&p| name(p)),
            r.by_mean.first().map_or_else(String::new, |&p| name(p)),
        ));
    } else if r.by_borda != r.by_mean {
        out.push("They agree on first place but not on the rest of the order.".to_owned());
    }
    match r.concordance {
        Some(c) => out.push(format!(
            "The class agrees {} on the order (Kendall's W = {:.2}; χ² = {:.1} with {} degrees \
             of freedom, p {}).",
            agreement_words(c.w),
            c.w,
            c.chi2,
            c.df,
            if c.p < 0.001 {
                "< 0.001".to_owned()
            } else {
                format!("= {:.3}", c.p)
            }
        )),
        None => out.push(
            "Agreement on the order needs at least two readings of two proposals.".to_owned(),
        ),
    }
    if !r.agenda.is_empty() {
        let items: Vec<String> = r
            .agenda
            .iter()
            .map(|&(c, p)| {
                let cell = &r.cells[c * scenario.proposals.len() + p];
                format!(
                    "{} × {} ({}; {} scored)",
                    name(p),
                    scenario.criteria[c].name,
                    spread_words(&scenario.criteria[c], cell),
                    cell.chosen.len()
                )
            })
            .collect();
        out.push(format!("To discuss first: {}.", items.join("; ")));
    }
    out
}

/// A made-up student's copy of `template`, for tests, benchmarks and `tests/data/round/`:
/// every weight changed, about a third of the cells re-scored with the student's own
/// reason, the author set to `name`. The same seed gives the same copy.
#[doc(hidden)]
pub fn sample_copy(template: &Scenario, seed: u64, name: &str) -> Scenario {
    use crate::model::{Scale, Score, ScoreValue};
    let mut rng = super::SplitMix64::new(seed);
    let mut s = template.clone();
    s.authors = vec![name.to_owned()];
    s.perspectives.clear();
    s.chosen_perspective = None;
    for c in &mut s.criteria {
        let old = c.weight;
        // Half-steps from 0.5 to 4, never the weight handed out.
        let mut w = 0.5 * (1 + rng.below(8)) as f64;
        if w == old {
            w = if old >= 4.0 { 0.5 } else { old + 0.5 };
        }
        c.weight = w;
    }
    for k in 0..s.criteria.len() {
        for p in 0..s.proposals.len() {
            if rng.below(3) != 0 {
                continue;
            }
            let (cid, pid) = (s.criteria[k].id.clone(), s.proposals[p].id.clone());
            let old = s.score(&cid, &pid).and_then(|x| x.value);
            let value = match &s.criteria[k].scale {
                Scale::Levels(levels) if !levels.is_empty() => {
                    let n = levels.len() as u64;
                    let mut v = rng.below(n) as u32;
                    if Some(ScoreValue::Level(v)) == old {
                        v = (v + 1) % n as u32;
                    }
                    ScoreValue::Level(v)
                }
                Scale::YesNo => ScoreValue::Bool(old != Some(ScoreValue::Bool(true))),
                Scale::Numeric { min, max, .. } => {
                    ScoreValue::Number((min + (max - min) * rng.next_f64()).round())
                }
                Scale::Levels(_) => continue,
            };
            let reason = format!(
                "{name} reads {} on this differently, from the sources given.",
                s.proposals[p].label()
            );
            match s.score_position(&cid, &pid) {
                Some(at) => {
                    s.scores[at].value = Some(value);
                    s.scores[at].rationale = reason;
                }
                None => s.scores.push(Score {
                    criterion: cid,
                    proposal: pid,
                    value: Some(value),
                    rationale: reason,
                    ..Score::default()
                }),
            }
        }
    }
    s.sort_scores();
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_share_places_when_tied_and_unscored_go_last() {
        assert_eq!(
            average_ranks(&[Some(0.5), Some(0.9), Some(0.5)]),
            [2.5, 1.0, 2.5]
        );
        assert_eq!(average_ranks(&[None, Some(0.1), None]), [2.5, 1.0, 2.5]);
    }

    #[test]
    fn kendall_w_matches_worked_examples() {
        // Identical rankings agree fully; three raters, three items.
        let same = vec![vec![1.0, 2.0, 3.0]; 3];
        let c = kendall_w(&same).unwrap();
        assert!((c.w - 1.0).abs() < 1e-12);
        assert!((c.chi2 - 6.0).abs() < 1e-12, "m (n − 1) W = 3 · 2");
        // A balanced set of opposite rankings: W = 0.
        let opposite = vec![vec![1.0, 2.0, 3.0], vec![3.0, 2.0, 1.0]];
        assert!(kendall_w(&opposite).unwrap().w.abs() < 1e-12);
        // By hand: m = 3 raters, n = 4 items.
        let r = vec![
            vec![1.0, 2.0, 3.0, 4.0],
            vec![2.0, 1.0, 4.0, 3.0],
            vec![1.0, 3.0, 2.0, 4.0],
        ];
        let c = kendall_w(&r).unwrap();
        assert_eq!(
            (0..4)
                .map(|i| r.iter().map(|x| x[i]).sum::<f64>())
                .collect::<Vec<_>>(),
            [4.0, 6.0, 9.0, 11.0]
        );
        // Rank sums 4, 6, 9, 11 (mean 7.5): S = 12.25 + 2.25 + 2.25 + 12.25 = 29;
        // W = 12 · 29 / (3² · (4³ − 4)) = 348 / 540.
        assert!((c.w - 348.0 / 540.0).abs() < 1e-12, "{}", c.w);
        assert_eq!(c.df, 3);
        // χ² = 3 · 3 · W = 5.8; P(χ²₃ ≥ 5.8) ≈ 0.1218.
        assert!((c.p - 0.1218).abs() < 1e-3, "{}", c.p);
    }

    #[test]
    fn kendall_w_corrects_for_ties() {
        // Rater 2 ties the first two items: T = 2³ − 2 = 6. Rank sums 2.5, 3.5, 6 (mean 4):
        // S = 2.25 + 0.25 + 4 = 6.5; W = 12 · 6.5 / (4 · 24 − 2 · 6) = 78 / 84.
        let r = vec![vec![1.0, 2.0, 3.0], vec![1.5, 1.5, 3.0]];
        let c = kendall_w(&r).unwrap();
        assert!((c.w - 78.0 / 84.0).abs() < 1e-12, "{}", c.w);
        // Everyone ties everything: nothing to measure.
        assert!(kendall_w(&[vec![1.5, 1.5], vec![1.5, 1.5]]).is_none());
        assert!(kendall_w(&[vec![1.0, 2.0]]).is_none(), "one rater");
    }

    #[test]
    fn borda_gives_n_minus_rank() {
        let r = vec![
            vec![1.0, 2.0, 3.0],
            vec![2.0, 1.0, 3.0],
            vec![1.5, 1.5, 3.0],
        ];
        assert_eq!(borda(&r), [2.0 + 1.0 + 1.5, 1.0 + 2.0 + 1.5, 0.0]);
    }
}
