//! Two versions of a scenario compared for people: every difference (a changed cell with
//! both reasons), then what the change does to the ranking. `concord diff` prints it; the
//! window's File ▸ Compare with file… shows it and marks the changed cells.

use crate::model::diff::{diff, Part};
use crate::model::Scenario;
use crate::scoring::{Evaluation, WeightSet};

/// Each proposal's id, rank and total (0–100) under the base weights, best first.
pub fn ranking(s: &Scenario) -> Vec<(String, Option<usize>, Option<f64>)> {
    let e = Evaluation::new(s, WeightSet::Base);
    e.order
        .iter()
        .map(|&p| {
            let st = e.standings[p];
            (
                s.proposals[p].id.clone(),
                st.rank,
                st.total.map(|t| t * 100.0),
            )
        })
        .collect()
}

/// The old and new reasons of a changed cell.
pub fn reasons(old: &Scenario, new: &Scenario, part: &Part) -> Option<(String, String)> {
    match part {
        Part::Cell(c, p) => Some((
            old.score(c, p)
                .map_or_else(String::new, |s| s.rationale.clone()),
            new.score(c, p)
                .map_or_else(String::new, |s| s.rationale.clone()),
        )),
        _ => None,
    }
}

/// The comparison as text: the differences from `old` to `new`, then the ranking.
pub fn text(old: &Scenario, new: &Scenario) -> String {
    let changes = diff(old, new);
    let (before, after) = (ranking(old), ranking(new));
    let label = |s: &Scenario, id: &str| {
        s.proposal_index(id)
            .map_or_else(|| id.to_owned(), |p| s.proposals[p].label().to_owned())
    };
    let mut t = String::new();
    if changes.is_empty() {
        t += "No differences.\n";
    }
    for d in &changes {
        t += &d.text;
        t.push('\n');
        if let Some((was, now)) = reasons(old, new, &d.part) {
            if was != now {
                t += &format!("    was: {}\n    now: {}\n", or_none(&was), or_none(&now));
            }
        }
    }
    t += "\nRanking (criteria weights)\n";
    for (id, rank, total) in &after {
        let moved = match before.iter().find(|(x, ..)| x == id) {
            None => "new".to_owned(),
            Some((_, r, tot)) if r == rank && tot == total => "unchanged".to_owned(),
            Some((_, r, tot)) => format!("was {} ({})", place(*r), points(*tot)),
        };
        t += &format!(
            "{} {} ({}): {moved}\n",
            place(*rank),
            label(new, id),
            points(*total)
        );
    }
    for (id, ..) in before
        .iter()
        .filter(|(x, ..)| !after.iter().any(|(y, ..)| y == x))
    {
        t += &format!("removed: {}\n", label(old, id));
    }
    t
}

fn or_none(s: &str) -> &str {
    if s.trim().is_empty() {
        "(no reason given)"
    } else {
        s
    }
}

fn place(rank: Option<usize>) -> String {
    rank.map_or_else(|| "–".to_owned(), |r| format!("{r}."))
}

fn points(total: Option<f64>) -> String {
    total.map_or_else(|| "not scored".to_owned(), |t| format!("{t:.1}"))
}
