//! What the take-home material says of each perspective, in one place for the HTML and the
//! Markdown handouts: its weights, its red lines with their reasons and evidence, and its
//! own readings of cells.

use crate::model::{Citation, Perspective, Scenario};

/// One perspective, in the words a handout prints.
pub struct PerspectiveParts<'a> {
    /// The perspective.
    pub view: &'a Perspective,
    /// Each criterion's name and weight in words ("3", "not stated: counts as 1.4").
    pub weights: Vec<(String, String)>,
    /// Each red line: the criterion's name, what it accepts, why, the silence rule, evidence.
    pub red_lines: Vec<RedLineWords<'a>>,
    /// Each reading: "proposal × criterion", the value in words, the reason, evidence.
    pub readings: Vec<ReadingWords<'a>>,
}

/// A red line in words.
pub struct RedLineWords<'a> {
    /// The criterion's name.
    pub criterion: String,
    /// What it accepts ("at least Partial").
    pub accepts: String,
    /// Why, attributed.
    pub reason: &'a str,
    /// Why silence crosses it, when the line says so.
    pub silence: &'a str,
    /// The statements it rests on.
    pub evidence: &'a [Citation],
}

impl RedLineWords<'_> {
    /// What silence does to the line, in a sentence: nothing, or crosses it and why.
    pub fn silence_sentence(&self) -> String {
        if self.silence.is_empty() {
            "A text silent on it neither meets nor crosses it.".to_owned()
        } else {
            format!("Silence crosses it too: {}", self.silence)
        }
    }
}

/// A perspective's own reading of a cell, in words.
pub struct ReadingWords<'a> {
    /// "Proposal × criterion".
    pub cell: String,
    /// The value it reads.
    pub value: String,
    /// Why.
    pub reason: &'a str,
    /// On what.
    pub evidence: &'a [Citation],
}

/// Every perspective of `s` that is a party's or the user's (students' readings are the
/// round's), in file order.
pub fn parts(s: &Scenario) -> Vec<PerspectiveParts<'_>> {
    s.perspectives
        .iter()
        .filter(|p| p.kind != crate::model::PerspectiveKind::Student)
        .map(|view| PerspectiveParts {
            view,
            weights: s
                .criteria
                .iter()
                .map(|c| {
                    let mut w = match view.stated_weight(&c.id) {
                        Some(w) => format!("{w}"),
                        None => format!("not stated: counts as {:.1}", view.weight_of(c)),
                    };
                    if view.prefers_less_of(&c.id) {
                        w.push_str(", wants less of it (counted reversed)");
                    }
                    (c.name.clone(), w)
                })
                .collect(),
            red_lines: view
                .red_lines
                .iter()
                .filter_map(|line| {
                    let c = s.criteria.iter().find(|c| c.id == line.criterion)?;
                    Some(RedLineWords {
                        criterion: c.name.clone(),
                        accepts: line.accepts.describe(c),
                        reason: &line.reason,
                        silence: &line.silence_crosses,
                        evidence: &line.evidence,
                    })
                })
                .collect(),
            readings: view
                .readings
                .iter()
                .filter_map(|r| {
                    let c = s.criteria.iter().find(|c| c.id == r.criterion)?;
                    let p = s.proposals.iter().find(|p| p.id == r.proposal)?;
                    Some(ReadingWords {
                        cell: format!("{} × {}", p.label(), c.name),
                        value: c.value_text(r.value),
                        reason: &r.rationale,
                        evidence: &r.evidence,
                    })
                })
                .collect(),
        })
        .collect()
}
