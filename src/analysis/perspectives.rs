//! Everyone at once: every perspective's totals, ranks and red-line verdicts side by side,
//! which proposals no perspective rules out, what blocks the others and whom, and how far
//! the perspectives' rankings agree (Kendall's τ-b for each pair).
//!
//! Long (about 600 lines) with its unit tests: the matrix, its sliced run for the browser
//! and the sentences read the same columns and are tested together.

use crate::model::Scenario;
use crate::scoring::{Evaluation, Verdict, WeightSet};

/// One column of the matrix: the criteria's own weights, or a perspective.
#[derive(Clone, Debug)]
pub struct Column {
    /// Index into `scenario.perspectives`; `None` for the criteria weights.
    pub perspective: Option<usize>,
    /// The evaluation under it (readings applied, red lines judged).
    pub eval: Evaluation,
}

/// The matrix worked out a column at a time, so a browser (which has no threads) can
/// spread a large one over frames; the same matrix as [`Matrix::compute`].
pub struct MatrixRun {
    base: Evaluation,
    columns: Vec<Column>,
}

impl MatrixRun {
    /// A run from the evaluation under the criteria weights; no perspective evaluated yet.
    pub fn new(scenario: &Scenario) -> Self {
        Self {
            base: Evaluation::new(scenario, WeightSet::Base),
            columns: Vec::with_capacity(scenario.perspectives.len()),
        }
    }

    /// Evaluates the next perspective; true once all are.
    pub fn step(&mut self, scenario: &Scenario) -> bool {
        let i = self.columns.len();
        if let Some(view) = scenario.perspectives.get(i) {
            self.columns.push(Column {
                perspective: Some(i),
                eval: self.base.under(scenario, view),
            });
        }
        self.columns.len() >= scenario.perspectives.len()
    }

    /// The matrix (complete once `step` has returned true).
    pub fn finish(self) -> Matrix {
        Matrix::from_parts(self.base, self.columns)
    }
}

/// Two columns of the matrix and Kendall's τ between their rankings.
pub type Pair = (usize, usize, f64);

/// Proposals × perspectives.
#[derive(Clone, Debug)]
pub struct Matrix {
    /// The criteria weights first, then each perspective in file order.
    pub columns: Vec<Column>,
}

/// A red line that blocks a proposal: whose, and which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// Index into `scenario.perspectives`.
    pub perspective: usize,
    /// Index into that perspective's `red_lines`.
    pub red_line: usize,
}

impl Matrix {
    /// Evaluates every perspective, reusing `base` (the evaluation under the criteria
    /// weights) so the cells are read once.
    pub fn compute(scenario: &Scenario, base: &Evaluation) -> Self {
        let base = if base.perspective.is_none() {
            base.clone()
        } else {
            Evaluation::new(scenario, WeightSet::Base)
        };
        let views = &scenario.perspectives;
        let threads = crate::platform::parallelism()
            .clamp(1, 8)
            .min(views.len().max(1));
        let column = |i: usize| Column {
            perspective: Some(i),
            eval: base.under(scenario, &views[i]),
        };
        let mut columns: Vec<Column> = if threads > 1 {
            // Each perspective is evaluated on its own; spread them over the cores.
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..threads)
                    .map(|t| {
                        let column = &column;
                        scope.spawn(move || {
                            (t..views.len())
                                .step_by(threads)
                                .map(column)
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                let mut all: Vec<Column> = handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_default())
                    .collect();
                all.sort_by_key(|c| c.perspective);
                all
            })
        } else {
            (0..views.len()).map(column).collect()
        };
        columns.insert(
            0,
            Column {
                perspective: None,
                eval: base,
            },
        );
        Self { columns }
    }

    /// The matrix from its columns, worked out one by one ([`MatrixRun`]).
    fn from_parts(base: Evaluation, mut columns: Vec<Column>) -> Self {
        columns.insert(
            0,
            Column {
                perspective: None,
                eval: base,
            },
        );
        Self { columns }
    }

    /// The perspectives' columns (without the criteria weights).
    pub fn perspectives(&self) -> impl Iterator<Item = (usize, &Evaluation)> {
        self.columns
            .iter()
            .filter_map(|c| c.perspective.map(|i| (i, &c.eval)))
    }

    /// The red lines that rule proposal `p` out, perspective by perspective.
    pub fn blocks(&self, p: usize) -> Vec<Block> {
        let mut out = Vec::new();
        for (i, e) in self.perspectives() {
            if let Some(Verdict::RuledOut(lines)) = e.verdicts.get(p) {
                out.extend(lines.iter().map(|&red_line| Block {
                    perspective: i,
                    red_line,
                }));
            }
        }
        out
    }

    /// Proposals no perspective rules out, in scenario order ("acceptable to all"; a
    /// proposal some red line cannot test for want of a score counts, and says so
    /// through [`Matrix::untested`]).
    pub fn acceptable_to_all(&self) -> Vec<usize> {
        let n = self.columns.first().map_or(0, |c| c.eval.n_proposals());
        (0..n).filter(|&p| self.blocks(p).is_empty()).collect()
    }

    /// The red lines on whose matter proposal `p`'s text is silent, perspective by
    /// perspective: neither met nor crossed (a line that states why silence crosses it is
    /// crossed instead, and is in [`Matrix::blocks`]).
    pub fn not_addressed(&self, scenario: &Scenario, p: usize) -> Vec<Block> {
        let mut out = Vec::new();
        for (i, e) in self.perspectives() {
            let Some(view) = scenario.perspectives.get(i) else {
                continue;
            };
            for (j, line) in view.red_lines.iter().enumerate() {
                let Some(k) = scenario.criterion_index(&line.criterion) else {
                    continue;
                };
                let value = e.score(scenario, k, p).and_then(|sc| sc.value);
                if line.test(value) == crate::model::Test::NotAddressed {
                    out.push(Block {
                        perspective: i,
                        red_line: j,
                    });
                }
            }
        }
        out
    }

    /// Why `block` rules proposal `p` out although its text is silent: the red line's
    /// stated silence rule, when that is what crosses it.
    pub fn silence_reason<'a>(
        &self,
        scenario: &'a Scenario,
        p: usize,
        block: Block,
    ) -> Option<&'a str> {
        let view = scenario.perspectives.get(block.perspective)?;
        let line = view.red_lines.get(block.red_line)?;
        let k = scenario.criterion_index(&line.criterion)?;
        let e = &self
            .columns
            .iter()
            .find(|c| c.perspective == Some(block.perspective))?
            .eval;
        let silent = e.score(scenario, k, p).is_some_and(|sc| sc.is_silent());
        (silent && !line.silence_crosses.trim().is_empty()).then_some(line.silence_crosses.trim())
    }

    /// Perspectives whose red lines cannot test proposal `p` (unscored cells).
    pub fn untested(&self, p: usize) -> Vec<usize> {
        self.perspectives()
            .filter(|(_, e)| matches!(e.verdicts.get(p), Some(Verdict::Unknown(_))))
            .map(|(i, _)| i)
            .collect()
    }

    /// The proposals that would become acceptable to all with the fewest red lines moved
    /// (each red line it crosses, moved), and how many; `None` when every proposal is
    /// acceptable already or there are none.
    pub fn nearest_to_acceptable(&self) -> Option<(Vec<usize>, usize)> {
        let n = self.columns.first().map_or(0, |c| c.eval.n_proposals());
        let counts: Vec<(usize, usize)> = (0..n)
            .map(|p| (p, self.blocks(p).len()))
            .filter(|&(_, k)| k > 0)
            .collect();
        if counts.len() < n || counts.is_empty() {
            return None;
        }
        let fewest = counts.iter().map(|&(_, k)| k).min()?;
        let which = counts
            .iter()
            .filter(|&&(_, k)| k == fewest)
            .map(|&(p, _)| p)
            .collect();
        Some((which, fewest))
    }

    /// Kendall's τ-b between the rankings of columns `a` and `b`, over the proposals both
    /// rank; `None` with fewer than two such proposals or when either ranking is all ties.
    pub fn tau(&self, a: usize, b: usize) -> Option<f64> {
        let (ea, eb) = (&self.columns.get(a)?.eval, &self.columns.get(b)?.eval);
        let both: Vec<(f64, f64)> = ea
            .standings
            .iter()
            .zip(&eb.standings)
            .filter_map(|(x, y)| Some((x.total?, y.total?)))
            .collect();
        kendall_tau_b(&both)
    }

    /// The pairs of perspectives (column indices) whose rankings agree most and least,
    /// with their τ; `None` with fewer than two perspectives.
    pub fn agreement(&self) -> Option<(Pair, Pair)> {
        let cols: Vec<usize> = (1..self.columns.len()).collect();
        let mut pairs = Vec::new();
        for (x, &a) in cols.iter().enumerate() {
            for &b in &cols[x + 1..] {
                if let Some(t) = self.tau(a, b) {
                    pairs.push((a, b, t));
                }
            }
        }
        let most = pairs.iter().copied().max_by(|x, y| x.2.total_cmp(&y.2))?;
        let least = pairs.iter().copied().min_by(|x, y| x.2.total_cmp(&y.2))?;
        Some((most, least))
    }
}

/// Kendall's τ-b of paired values: concordant minus discordant pairs over the geometric
/// mean of the pairs untied in each variable, values on the ranking's tie grid (10⁻⁹).
/// Knight's algorithm: O(n log n), so 20 perspectives over 2,000 proposals take
/// milliseconds, not seconds.
pub fn kendall_tau_b(pairs: &[(f64, f64)]) -> Option<f64> {
    let grid = |x: f64| (x / crate::scoring::TIE_EPSILON).round() as i64;
    let mut v: Vec<(i64, i64)> = pairs.iter().map(|&(a, b)| (grid(a), grid(b))).collect();
    let n = v.len() as i64;
    let n0 = n * (n - 1) / 2;
    v.sort_unstable();
    let tied = |counts: &mut dyn Iterator<Item = i64>| counts.map(|t| t * (t - 1) / 2).sum::<i64>();
    let n1 = tied(&mut v.chunk_by(|x, y| x.0 == y.0).map(|g| g.len() as i64));
    let n3 = tied(&mut v.chunk_by(|x, y| x == y).map(|g| g.len() as i64));
    // Sorting by b (stably, within the order by a) counts the discordant pairs as swaps.
    let mut b: Vec<i64> = v.iter().map(|x| x.1).collect();
    let swaps = merge_count(&mut b);
    let n2 = tied(&mut b.chunk_by(|x, y| x == y).map(|g| g.len() as i64));
    let denominator = (((n0 - n1) as f64) * ((n0 - n2) as f64)).sqrt();
    (denominator > 0.0).then(|| (n0 - n1 - n2 + n3 - 2 * swaps) as f64 / denominator)
}

/// Sorts `v` (stably) and returns how many swaps of neighbours a bubble sort would make:
/// the pairs out of order.
fn merge_count(v: &mut [i64]) -> i64 {
    let n = v.len();
    if n < 2 {
        return 0;
    }
    let mid = n / 2;
    let mut swaps = merge_count(&mut v[..mid]) + merge_count(&mut v[mid..]);
    let mut merged = Vec::with_capacity(n);
    let (mut i, mut j) = (0, mid);
    while i < mid && j < n {
        if v[j] < v[i] {
            // v[j] jumps over every element left in the first half.
            swaps += (mid - i) as i64;
            merged.push(v[j]);
            j += 1;
        } else {
            merged.push(v[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..]);
    v.copy_from_slice(&merged);
    swaps
}

/// At most this many sentences of each kind name a proposal; the rest are counted.
pub const MAX_BLOCK_SENTENCES: usize = 12;

/// Names a column: "criteria weights" or the perspective's name.
pub fn column_name(scenario: &Scenario, column: &Column) -> String {
    column
        .perspective
        .and_then(|i| scenario.perspectives.get(i))
        .map_or_else(|| "Criteria weights".to_owned(), |p| p.name.clone())
}

/// "Hamas (2017 document) on recognition": whose red line, on which criterion.
pub fn block_words(scenario: &Scenario, block: Block) -> String {
    let Some(p) = scenario.perspectives.get(block.perspective) else {
        return String::new();
    };
    let criterion = p
        .red_lines
        .get(block.red_line)
        .and_then(|r| scenario.criteria.iter().find(|c| c.id == r.criterion))
        .map_or("?", |c| c.name.as_str());
    format!("{} on “{criterion}”", p.name)
}

/// "The Abraham Accords say nothing on “Armed groups”; the Israeli government's line there
/// is neither met nor crossed": what a silent text means for the red lines it meets.
pub fn not_addressed_sentence(scenario: &Scenario, p: usize, blocks: &[Block]) -> String {
    let proposal = scenario.proposals.get(p).map_or("?", |x| x.label());
    let mut by_criterion: Vec<(String, Vec<String>)> = Vec::new();
    for b in blocks {
        let Some(view) = scenario.perspectives.get(b.perspective) else {
            continue;
        };
        let criterion = view
            .red_lines
            .get(b.red_line)
            .and_then(|r| scenario.criteria.iter().find(|c| c.id == r.criterion))
            .map_or("?", |c| c.name.as_str());
        match by_criterion.iter_mut().find(|(c, _)| c == criterion) {
            Some((_, whose)) => whose.push(view.name.clone()),
            None => by_criterion.push((criterion.to_owned(), vec![view.name.clone()])),
        }
    }
    match by_criterion.as_slice() {
        [(c, whose)] => {
            let (lines, is) = if whose.len() == 1 {
                ("line", "is")
            } else {
                ("lines", "are")
            };
            format!(
                "{proposal} says nothing on “{c}”; {}'s {lines} there {is} neither met nor crossed.",
                join_and(whose)
            )
        }
        many => {
            let parts: Vec<String> = many
                .iter()
                .map(|(c, whose)| format!("“{c}” ({}'s red line)", join_and(whose)))
                .collect();
            let last = parts.len() - 1;
            format!(
                "{proposal} says nothing on {} or {}: those lines are neither met nor crossed.",
                parts[..last].join(", "),
                parts[last]
            )
        }
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The sentences a class reads above the matrix: what no perspective rules out, what
/// blocks each other proposal and whom, what is nearest to acceptable to all, and where
/// the rankings agree most and least.
pub fn sentences(scenario: &Scenario, m: &Matrix) -> Vec<String> {
    let name = |p: usize| {
        scenario
            .proposals
            .get(p)
            .map_or_else(String::new, |x| x.label().to_owned())
    };
    let list = |items: &[String]| match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let mut out = Vec::new();
    if scenario.perspectives.iter().all(|p| p.red_lines.is_empty()) {
        out.push(
            // Without red lines nothing is ruled out, but that is not the same as acceptable:
            // a weight set says what matters to a party, not what it would sign.
            "No perspective here states a red line, so none rules a proposal out; the rankings \
             say only which matters each weighs more."
                .to_owned(),
        );
    } else {
        let acceptable = m.acceptable_to_all();
        let ok: Vec<String> = acceptable.iter().map(|&p| name(p)).collect();
        // Meeting a line by silence is not meeting it: say which of them do only that.
        let by_silence: Vec<String> = acceptable
            .iter()
            .filter(|&&p| !m.not_addressed(scenario, p).is_empty())
            .map(|&p| name(p))
            .collect();
        out.push(if ok.is_empty() {
            "No proposal is acceptable to all: each crosses at least one perspective's red line."
                .to_owned()
        } else if by_silence.is_empty() {
            format!(
                "Acceptable to all (no perspective rules {} out): {}.",
                if ok.len() == 1 { "it" } else { "them" },
                list(&ok)
            )
        } else {
            format!(
                "Acceptable to all (no perspective rules {} out): {}; but {} {} silent on some perspectives' red lines, which {} neither {} nor {} (not addressed, below).",
                if ok.len() == 1 { "it" } else { "them" },
                list(&ok),
                list(&by_silence),
                if by_silence.len() == 1 { "is" } else { "are" },
                if by_silence.len() == 1 { "it" } else { "they" },
                if by_silence.len() == 1 { "meets" } else { "meet" },
                if by_silence.len() == 1 { "crosses" } else { "cross" },
            )
        });
        let n = scenario.proposals.len();
        let blocked: Vec<usize> = (0..n).filter(|&p| !m.blocks(p).is_empty()).collect();
        // A class reads a dozen such sentences, not hundreds: the rest are counted.
        for &p in blocked.iter().take(MAX_BLOCK_SENTENCES) {
            let blocks = m.blocks(p);
            let whom: Vec<String> = blocks
                .iter()
                .map(|&b| match m.silence_reason(scenario, p, b) {
                    Some(reason) => format!(
                        "{} (its text is silent there, which that line counts as crossing it: {reason})",
                        block_words(scenario, b)
                    ),
                    None => block_words(scenario, b),
                })
                .collect();
            let only = if blocks.len() == 1 { "only " } else { "" };
            out.push(format!(
                "{} is ruled out {only}by {}.",
                name(p),
                list(&whom)
            ));
        }
        if blocked.len() > MAX_BLOCK_SENTENCES {
            out.push(format!(
                "… and {} more proposals are ruled out by at least one perspective.",
                blocked.len() - MAX_BLOCK_SENTENCES
            ));
        }
        let silent: Vec<(usize, Vec<Block>)> = (0..n)
            .map(|p| (p, m.not_addressed(scenario, p)))
            .filter(|(_, b)| !b.is_empty())
            .collect();
        for (p, blocks) in silent.iter().take(MAX_BLOCK_SENTENCES) {
            out.push(not_addressed_sentence(scenario, *p, blocks));
        }
        if silent.len() > MAX_BLOCK_SENTENCES {
            out.push(format!(
                "… and {} more proposals are silent on some perspective's red line.",
                silent.len() - MAX_BLOCK_SENTENCES
            ));
        }
        if let Some((which, k)) = m.nearest_to_acceptable() {
            let names: Vec<String> = which.into_iter().map(name).collect();
            out.push(format!(
                "Nearest to acceptable to all: {} ({k} red line{} would have to move).",
                list(&names),
                if k == 1 { "" } else { "s" }
            ));
        }
        let mut unknown = 0;
        for p in 0..n {
            let untested: Vec<String> = m
                .untested(p)
                .into_iter()
                .filter_map(|i| scenario.perspectives.get(i).map(|x| x.name.clone()))
                .collect();
            if !untested.is_empty() && m.blocks(p).is_empty() {
                unknown += 1;
                if unknown > MAX_BLOCK_SENTENCES {
                    continue;
                }
                out.push(format!(
                    "Whether {} is acceptable to {} is unknown: a cell its red lines test is \
                     not scored.",
                    name(p),
                    list(&untested)
                ));
            }
        }
        if unknown > MAX_BLOCK_SENTENCES {
            out.push(format!(
                "… and {} more proposals whose acceptability to some perspective is unknown.",
                unknown - MAX_BLOCK_SENTENCES
            ));
        }
    }
    if let Some(((a, b, most), (c, d, least))) = m.agreement() {
        let col = |i: usize| column_name(scenario, &m.columns[i]);
        if (a, b) == (c, d) {
            out.push(format!(
                "The rankings of {} and {} agree with τ = {most:.2}.",
                col(a),
                col(b)
            ));
        } else if most == least {
            out.push(format!(
                "Every pair of rankings agrees to the same degree (Kendall's τ = {most:.2}{}).",
                if most == 1.0 {
                    ": they put the proposals in the same order"
                } else {
                    ""
                }
            ));
        } else {
            out.push(format!(
                "The rankings of {} and {} agree most (Kendall's τ = {most:.2}); those of {} and \
                 {} least (τ = {least:.2}).",
                col(a),
                col(b),
                col(c),
                col(d)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tau_b_matches_worked_examples() {
        let same = [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0)];
        assert_eq!(kendall_tau_b(&same), Some(1.0));
        let reversed = [(1.0, 3.0), (2.0, 2.0), (3.0, 1.0)];
        assert_eq!(kendall_tau_b(&reversed), Some(-1.0));
        // One tie in b: 2 concordant, 0 discordant of 3 pairs; untied a 3, b 2: 2/√6.
        let tied = [(1.0, 1.0), (2.0, 1.0), (3.0, 2.0)];
        let t = kendall_tau_b(&tied).unwrap();
        assert!((t - 2.0 / 6f64.sqrt()).abs() < 1e-12, "{t}");
        assert_eq!(kendall_tau_b(&[(1.0, 1.0), (2.0, 1.0)]), None, "b all tied");
    }

    /// τ-b from its definition, pair by pair.
    fn by_pairs(pairs: &[(f64, f64)]) -> Option<f64> {
        let (mut c, mut d, mut ua, mut ub) = (0i64, 0i64, 0i64, 0i64);
        for (i, &(a1, b1)) in pairs.iter().enumerate() {
            for &(a2, b2) in &pairs[i + 1..] {
                let (da, db) = (
                    (a1 - a2).signum() as i64 * i64::from(a1 != a2),
                    (b1 - b2).signum() as i64 * i64::from(b1 != b2),
                );
                ua += i64::from(da != 0);
                ub += i64::from(db != 0);
                match da * db {
                    1 => c += 1,
                    -1 => d += 1,
                    _ => {}
                }
            }
        }
        let den = ((ua as f64) * (ub as f64)).sqrt();
        (den > 0.0).then(|| (c - d) as f64 / den)
    }

    #[test]
    fn knights_algorithm_agrees_with_counting_pairs() {
        let mut rng = crate::analysis::SplitMix64::new(9);
        for n in [0, 1, 2, 3, 7, 40, 201] {
            let pairs: Vec<(f64, f64)> = (0..n)
                .map(|_| (rng.below(6) as f64, rng.below(5) as f64))
                .collect();
            match (kendall_tau_b(&pairs), by_pairs(&pairs)) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-12, "n {n}: {a} vs {b}"),
                (a, b) => assert_eq!(a, b, "n {n}"),
            }
        }
    }

    #[test]
    fn a_matrix_worked_out_column_by_column_is_the_same_matrix() {
        let lesson = crate::seeds::default_scenario().expect("the lesson loads");
        assert!(lesson.perspectives.len() > 2);
        let whole = Matrix::compute(&lesson, &Evaluation::new(&lesson, WeightSet::Base));
        let mut run = MatrixRun::new(&lesson);
        let mut steps = 1;
        while !run.step(&lesson) {
            steps += 1;
        }
        assert_eq!(steps, lesson.perspectives.len(), "one perspective a step");
        let stepped = run.finish();
        assert_eq!(stepped.columns.len(), whole.columns.len());
        for (a, b) in stepped.columns.iter().zip(&whole.columns) {
            assert_eq!(a.perspective, b.perspective);
            assert_eq!(a.eval, b.eval);
        }
    }
}
