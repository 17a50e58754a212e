//! Coded scores in files: a large dataset's plain cells (a value, no reason, no evidence —
//! what an imported table holds) written as one line of values per proposal instead of
//! one `Score(…)` each, so that a 1,868 × 266 import is a file of about a megabyte rather
//! than fifty. Only files hold this form: loading expands it into `Scenario::scores`, and
//! saving writes it again when there are enough plain cells to be worth it.

use serde::{Deserialize, Serialize};

use super::{Criterion, Scale, Scenario, Score, ScoreValue};

/// From this many plain cells on, a file writes them as coded rows.
pub const CODED_FROM: usize = 2_000;

/// Plain scores as rows of values: `criteria` names the columns, each row a proposal.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coded {
    /// The criteria (ids) whose values each row lists, in order.
    pub criteria: Vec<String>,
    /// Per proposal: its id, and its values separated by commas, empty where unscored
    /// (yes/no as 1 or 0, a level as its number from 0, a number as written).
    pub rows: Vec<(String, String)>,
}

/// A coded row that cannot be read back: which row, and why in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodedProblem {
    /// Index of the row in `rows` (`None` for the criteria list).
    pub row: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl Score {
    /// True when the cell holds a value and nothing else, of the kind its criterion's
    /// scale takes: it can be written as a coded value.
    pub fn is_plain_on(&self, c: &Criterion) -> bool {
        self.rationale.is_empty()
            && self.evidence.is_empty()
            && self.reason_written_for.is_none()
            && self.value.is_some_and(|v| c.scale.is_of_kind(v))
    }
}

fn encode(v: ScoreValue, out: &mut String) {
    use std::fmt::Write;
    match v {
        ScoreValue::Bool(b) => out.push(if b { '1' } else { '0' }),
        ScoreValue::Level(i) => {
            let _ = write!(out, "{i}");
        }
        // Rust writes the shortest text that reads back to the same number.
        ScoreValue::Number(x) => {
            let _ = write!(out, "{x}");
        }
        // Never plain (`is_plain_on`): a silent cell stays a cell of its own in the file.
        ScoreValue::Silent => {}
    }
}

fn decode(scale: &Scale, text: &str) -> Option<ScoreValue> {
    scale.decode(text)
}

impl Scenario {
    /// A copy for writing with its plain cells as coded rows, when there are at least
    /// [`CODED_FROM`] of them and they fill at least half of their rows (a sparse grid
    /// would be longer written as rows); `None` otherwise (the file lists every cell).
    pub fn with_coded_rows(&self) -> Option<Scenario> {
        if self.scores.len() < CODED_FROM {
            return None;
        }
        let crit = self.criterion_indices();
        let prop = self.proposal_indices();
        // (criterion, proposal, score) of every plain cell.
        let plain: Vec<(usize, usize, usize)> = self
            .scores
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let k = *crit.get(s.criterion.as_str())?;
                let p = *prop.get(s.proposal.as_str())?;
                s.is_plain_on(&self.criteria[k]).then_some((k, p, i))
            })
            .collect();
        if plain.len() < CODED_FROM {
            return None;
        }
        // Columns and rows actually used, by their place in the scenario.
        let mut col = vec![usize::MAX; self.criteria.len()];
        let mut row = vec![usize::MAX; self.proposals.len()];
        for &(k, p, _) in &plain {
            col[k] = 0;
            row[p] = 0;
        }
        let number = |slots: &mut Vec<usize>| {
            let mut n = 0;
            for x in slots.iter_mut().filter(|x| **x == 0) {
                *x = n;
                n += 1;
            }
            n
        };
        let (n_cols, n_rows) = (number(&mut col), number(&mut row));
        if n_cols.saturating_mul(n_rows) > plain.len().saturating_mul(2) {
            return None;
        }
        let mut grid: Vec<Option<ScoreValue>> = vec![None; n_cols * n_rows];
        let mut coded = vec![false; self.scores.len()];
        for &(k, p, i) in &plain {
            let cell = &mut grid[row[p] * n_cols + col[k]];
            if cell.is_none() {
                *cell = self.scores[i].value;
                coded[i] = true;
            }
        }
        let rest: Vec<Score> = self
            .scores
            .iter()
            .zip(&coded)
            .filter(|(_, &c)| !c)
            .map(|(s, _)| s.clone())
            .collect();
        let mut rows = Vec::with_capacity(n_rows);
        for (p, &r) in row.iter().enumerate().filter(|(_, &r)| r != usize::MAX) {
            let mut line = String::with_capacity(n_cols * 2);
            for (j, v) in grid[r * n_cols..(r + 1) * n_cols].iter().enumerate() {
                if j > 0 {
                    line.push(',');
                }
                if let Some(v) = v {
                    encode(*v, &mut line);
                }
            }
            rows.push((self.proposals[p].id.clone(), line));
        }
        let criteria = (0..self.criteria.len())
            .filter(|&k| col[k] != usize::MAX)
            .map(|k| self.criteria[k].id.clone())
            .collect();
        let mut copy = Scenario {
            scores: rest,
            coded: Some(Coded { criteria, rows }),
            ..self.clone_without_scores()
        };
        copy.format = copy.needed_format();
        Some(copy)
    }

    /// A clone with no scores (they are the bulk of a large scenario; the caller fills them).
    fn clone_without_scores(&self) -> Scenario {
        Scenario {
            format: self.format,
            title: self.title.clone(),
            description: self.description.clone(),
            authors: self.authors.clone(),
            sources: self.sources.clone(),
            proposals: self.proposals.clone(),
            criteria: self.criteria.clone(),
            perspectives: self.perspectives.clone(),
            chosen_perspective: self.chosen_perspective.clone(),
            silence: self.silence,
            handout: self.handout.clone(),
            coded: None,
            scores: Vec::new(),
        }
    }

    /// Turns coded rows read from a file into scores (then sorted into canonical order);
    /// every row that cannot be read is said, and nothing is half-expanded.
    pub fn expand_coded_rows(&mut self) -> Result<(), Vec<CodedProblem>> {
        let Some(coded) = self.coded.take() else {
            return Ok(());
        };
        let crit = self.criterion_indices();
        let prop = self.proposal_indices();
        let mut problems = Vec::new();
        let mut columns = Vec::with_capacity(coded.criteria.len());
        let mut seen = std::collections::HashSet::new();
        for id in &coded.criteria {
            match crit.get(id.as_str()) {
                Some(&k) if seen.insert(k) => columns.push(k),
                Some(_) => problems.push(CodedProblem {
                    row: None,
                    message: format!("criterion \"{id}\" is listed twice"),
                }),
                None => problems.push(CodedProblem {
                    row: None,
                    message: format!("no criterion has the id \"{id}\""),
                }),
            }
        }
        if !problems.is_empty() {
            self.coded = Some(coded);
            return Err(problems);
        }
        let mut scores = Vec::new();
        let mut rows_seen = std::collections::HashSet::new();
        // A cell is coded or listed, not both.
        let listed: std::collections::HashSet<(&str, &str)> = self
            .scores
            .iter()
            .map(|s| (s.criterion.as_str(), s.proposal.as_str()))
            .collect();
        for (r, (pid, line)) in coded.rows.iter().enumerate() {
            let say = |message: String| CodedProblem {
                row: Some(r),
                message,
            };
            let Some(&p) = prop.get(pid.as_str()) else {
                problems.push(say(format!("no proposal has the id \"{pid}\"")));
                continue;
            };
            if !rows_seen.insert(p) {
                problems.push(say(format!("proposal \"{pid}\" has two rows")));
                continue;
            }
            let values: Vec<&str> = line.split(',').collect();
            if values.len() != columns.len() {
                problems.push(say(format!(
                    "proposal \"{pid}\" has {} values for {} criteria",
                    values.len(),
                    columns.len()
                )));
                continue;
            }
            for (&k, text) in columns.iter().zip(values) {
                let text = text.trim();
                if text.is_empty() {
                    continue;
                }
                let c = &self.criteria[k];
                if listed.contains(&(c.id.as_str(), pid.as_str())) {
                    problems.push(say(format!(
                        "proposal \"{pid}\", criterion \"{}\": this cell is also listed in scores",
                        c.id
                    )));
                    continue;
                }
                match decode(&c.scale, text) {
                    Some(value) => scores.push(Score {
                        criterion: c.id.clone(),
                        proposal: pid.clone(),
                        value: Some(value),
                        ..Score::default()
                    }),
                    None => problems.push(say(format!(
                        "proposal \"{pid}\", criterion \"{}\": \"{text}\" is not a value of its scale ({})",
                        c.id,
                        c.scale.coded_form()
                    ))),
                }
            }
        }
        if !problems.is_empty() {
            self.coded = Some(coded);
            return Err(problems);
        }
        self.scores.extend(scores);
        self.sort_scores();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cells_go_to_rows_and_come_back_the_same() {
        let mut s = crate::synth::plain_scenario(60, 40, 3);
        // One cell keeps its reason, one is unscored.
        s.scores[5].rationale = "Because.".into();
        s.scores.remove(9);
        let coded = s.with_coded_rows().expect("enough plain cells");
        assert_eq!(
            coded.scores.len(),
            1,
            "only the cell with a reason is listed"
        );
        assert_eq!(coded.format, 4);
        let mut back = coded.clone();
        back.expand_coded_rows().expect("reads back");
        back.format = s.format;
        assert_eq!(back, s);
    }

    #[test]
    fn a_sparse_grid_stays_a_list() {
        // 2,500 plain cells on the diagonal of 2,500 criteria × 2,500 proposals.
        let mut s = crate::synth::plain_scenario(2_500, 1, 2);
        let first = s.criteria[0].clone();
        s.criteria = (0..2_500)
            .map(|i| Criterion {
                id: format!("c{i}"),
                ..first.clone()
            })
            .collect();
        for (i, sc) in s.scores.iter_mut().enumerate() {
            sc.criterion = format!("c{i}");
        }
        assert!(s.with_coded_rows().is_none(), "rows of 2,500 values each");
        // The same cells in one criterion fill their grid.
        let dense = crate::synth::plain_scenario(2_500, 1, 2);
        assert!(dense.with_coded_rows().is_some());
    }

    #[test]
    fn bad_rows_are_said_and_nothing_is_expanded() {
        let mut s = crate::synth::scenario(3, 3, 1);
        s.scores.clear();
        s.coded = Some(Coded {
            criteria: vec!["c0".into(), "c1".into(), "c2".into()],
            rows: vec![
                ("p0".into(), "1,2,1".into()),
                ("nobody".into(), "1,2,1".into()),
                ("p1".into(), "1,2".into()),
                ("p2".into(), "x,,1".into()),
            ],
        });
        let problems = s.expand_coded_rows().unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0]
            .message
            .contains("no proposal has the id \"nobody\""));
        assert!(problems[1].message.contains("2 values for 3 criteria"));
        assert!(problems[2].message.contains("\"x\" is not a value"));
        assert!(s.scores.is_empty());
    }
}
