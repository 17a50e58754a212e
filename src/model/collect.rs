//! Class rounds: a student's copy of a scenario, read back as one perspective of the kind
//! "student reading" — its weights, and its own readings of the cells it changed.
//!
//! A student's cell is compared with the template's: the same value and the same reason is
//! a cell left as handed out (no reading); anything else the student wrote is a reading. A
//! cell the template scores and the student's copy leaves blank (the teacher hid the
//! scores, or the student cleared one) becomes a reading with no value, so that the
//! student's total never counts the teacher's score in its place.

use std::collections::BTreeMap;

use super::{Origin, Perspective, PerspectiveKind, Scenario, Score};

/// What differs between a student's file and the template, item by item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// A template proposal the file does not have: its cells are not read.
    MissingProposal(String),
    /// A proposal only the file has: left out of the round.
    ExtraProposal(String),
    /// A template criterion the file does not have.
    MissingCriterion(String),
    /// A criterion only the file has: left out of the round.
    ExtraCriterion(String),
    /// The file names a template item under another id (same name); read as the template's.
    RenamedProposal { template: String, file: String },
    /// The file names a template criterion under another id (same name).
    RenamedCriterion { template: String, file: String },
    /// The file's criterion has another scale: its weight and cells are not read.
    OtherScale(String),
    /// Citations to sources the template does not have were left out of the readings.
    UnknownSources(usize),
}

impl Mismatch {
    /// A sentence a teacher can act on.
    pub fn message(&self) -> String {
        match self {
            Self::MissingProposal(id) => format!("proposal \"{id}\" is missing: not read"),
            Self::ExtraProposal(id) => {
                format!("proposal \"{id}\" is not in the template: left out")
            }
            Self::MissingCriterion(id) => format!("criterion \"{id}\" is missing: not read"),
            Self::ExtraCriterion(id) => {
                format!("criterion \"{id}\" is not in the template: left out")
            }
            Self::RenamedProposal { template, file } => {
                format!("proposal \"{template}\" is called \"{file}\" here: read as \"{template}\"")
            }
            Self::RenamedCriterion { template, file } => {
                format!(
                    "criterion \"{template}\" is called \"{file}\" here: read as \"{template}\""
                )
            }
            Self::OtherScale(id) => {
                format!("criterion \"{id}\" has another scale: its weight and scores are not read")
            }
            Self::UnknownSources(n) => format!(
                "{n} citation{} to sources the template does not have left out",
                if *n == 1 { "" } else { "s" }
            ),
        }
    }
}

/// A student's file read against the template.
#[derive(Clone, Debug, PartialEq)]
pub struct Collected {
    /// The student's reading, ready to add to the template's perspectives.
    pub perspective: Perspective,
    /// What did not match, so nothing is dropped silently.
    pub mismatches: Vec<Mismatch>,
    /// Cells the student scored or reasoned differently from the template.
    pub chosen: usize,
    /// Cells the student left exactly as handed out.
    pub untouched: usize,
    /// How many of the template's criteria and proposals the file has (on the same scale).
    pub matched: (usize, usize),
}

/// Reads `student` (a copy of `template`) as a perspective named `name`, with `file` as
/// its origin. The id is free in `template` (see [`Scenario::fresh_id`]).
pub fn collect(template: &Scenario, student: &Scenario, name: &str, file: &str) -> Collected {
    let mut mismatches = Vec::new();
    let proposals = match_ids(
        template
            .proposals
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str())),
        student
            .proposals
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str())),
        &mut mismatches,
        Side::Proposal,
    );
    let criteria = match_ids(
        template
            .criteria
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str())),
        student
            .criteria
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str())),
        &mut mismatches,
        Side::Criterion,
    );
    // Criteria on another scale cannot be compared: drop them from the match.
    let criteria: BTreeMap<&str, &str> = criteria
        .into_iter()
        .filter(|(t, f)| {
            let same = template
                .criteria
                .iter()
                .find(|c| c.id == *t)
                .map(|c| &c.scale)
                == student
                    .criteria
                    .iter()
                    .find(|c| c.id == *f)
                    .map(|c| &c.scale);
            if !same {
                mismatches.push(Mismatch::OtherScale((*t).to_owned()));
            }
            same
        })
        .collect();

    let mut weights = BTreeMap::new();
    for (t, f) in &criteria {
        if let Some(c) = student.criteria.iter().find(|c| c.id == *f) {
            weights.insert((*t).to_owned(), c.weight);
        }
    }

    let known_source = |id: &str| template.sources.iter().any(|s| s.id == id);
    let mut dropped_citations = 0;
    let mut readings = Vec::new();
    let (mut chosen, mut untouched) = (0, 0);
    for c in &template.criteria {
        let Some(fc) = criteria.get(c.id.as_str()) else {
            continue;
        };
        for p in &template.proposals {
            let Some(fp) = proposals.get(p.id.as_str()) else {
                continue;
            };
            let theirs = template.score(&c.id, &p.id);
            let mine = student.score(fc, fp);
            let their_value = theirs.and_then(|s| s.value);
            let their_reason = theirs.map_or("", |s| s.rationale.trim());
            let (value, reason) = (
                mine.and_then(|s| s.value),
                mine.map_or("", |s| s.rationale.trim()),
            );
            let reading = match value {
                Some(v) if Some(v) == their_value && reason == their_reason => {
                    untouched += 1;
                    continue;
                }
                Some(_) => {
                    chosen += 1;
                    true
                }
                // Blank where the template has a value: hidden, or cleared. Blank where the
                // template is blank too: nothing to read, unless the student gave a reason.
                None => their_value.is_some() || (!reason.is_empty() && reason != their_reason),
            };
            if !reading {
                continue;
            }
            let mut evidence = mine.map(|s| s.evidence.clone()).unwrap_or_default();
            let before = evidence.len();
            evidence.retain(|e| known_source(&e.source));
            dropped_citations += before - evidence.len();
            readings.push(Score {
                criterion: c.id.clone(),
                proposal: p.id.clone(),
                value,
                rationale: reason.to_owned(),
                evidence,
                reason_written_for: None,
            });
        }
    }
    if dropped_citations > 0 {
        mismatches.push(Mismatch::UnknownSources(dropped_citations));
    }
    Collected {
        perspective: Perspective {
            id: template.fresh_id(name),
            name: name.to_owned(),
            description: format!("A student's reading, collected from {file}."),
            weights,
            kind: PerspectiveKind::Student,
            origin: Origin {
                author: name.to_owned(),
                file: file.to_owned(),
            },
            readings,
            ..Perspective::default()
        },
        matched: (criteria.len(), proposals.len()),
        mismatches,
        chosen,
        untouched,
    }
}

/// The name a student's reading goes by: the file's first author, unless it is the
/// template's own, else the file's name without its extension.
pub fn reading_name(template: &Scenario, student: &Scenario, file_stem: &str) -> String {
    match student.authors.first().map(|a| a.trim()) {
        Some(a) if !a.is_empty() && !template.authors.iter().any(|t| t.trim() == a) => a.to_owned(),
        _ => file_stem.to_owned(),
    }
}

#[derive(Clone, Copy)]
enum Side {
    Proposal,
    Criterion,
}

/// Template id → the file's id for every template item the file has, by id or else by
/// name; records what is missing, extra or renamed.
fn match_ids<'a>(
    template: impl Iterator<Item = (&'a str, &'a str)> + Clone,
    file: impl Iterator<Item = (&'a str, &'a str)> + Clone,
    mismatches: &mut Vec<Mismatch>,
    side: Side,
) -> BTreeMap<&'a str, &'a str> {
    let mut out = BTreeMap::new();
    let mut used = std::collections::BTreeSet::new();
    for (id, _) in template.clone() {
        if file.clone().any(|(f, _)| f == id) {
            out.insert(id, id);
            used.insert(id);
        }
    }
    for (id, name) in template.clone() {
        if out.contains_key(id) {
            continue;
        }
        let renamed = file.clone().find(|(f, n)| {
            *n == name && !used.contains(f) && !template.clone().any(|(t, _)| t == *f)
        });
        match (renamed, side) {
            (Some((f, _)), Side::Proposal) => {
                mismatches.push(Mismatch::RenamedProposal {
                    template: id.to_owned(),
                    file: f.to_owned(),
                });
                out.insert(id, f);
                used.insert(f);
            }
            (Some((f, _)), Side::Criterion) => {
                mismatches.push(Mismatch::RenamedCriterion {
                    template: id.to_owned(),
                    file: f.to_owned(),
                });
                out.insert(id, f);
                used.insert(f);
            }
            (None, Side::Proposal) => mismatches.push(Mismatch::MissingProposal(id.to_owned())),
            (None, Side::Criterion) => mismatches.push(Mismatch::MissingCriterion(id.to_owned())),
        }
    }
    for (f, _) in file {
        if !used.contains(f) {
            mismatches.push(match side {
                Side::Proposal => Mismatch::ExtraProposal(f.to_owned()),
                Side::Criterion => Mismatch::ExtraCriterion(f.to_owned()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Criterion, Proposal, ScoreValue};

    fn template() -> Scenario {
        let mut s = Scenario {
            title: "T".into(),
            authors: vec!["Teacher".into()],
            ..Scenario::default()
        };
        s.proposals.push(Proposal::new("a", "Alpha"));
        s.proposals.push(Proposal::new("b", "Beta"));
        s.criteria.push(Criterion::new("x", "Ex"));
        s.criteria.push(Criterion::new("y", "Why"));
        for (c, p, v) in [("x", "a", 4.0), ("x", "b", 6.0), ("y", "a", 5.0)] {
            s.scores.push(Score {
                criterion: c.into(),
                proposal: p.into(),
                value: Some(ScoreValue::Number(v)),
                rationale: "Teacher's reason.".into(),
                evidence: vec![],
                reason_written_for: None,
            });
        }
        s
    }

    #[test]
    fn untouched_chosen_and_blank_cells_are_told_apart() {
        let t = template();
        let mut s = t.clone();
        s.authors = vec!["Dana".into()];
        s.criteria[0].weight = 3.0;
        // Changed value; same value with its own reason; a cell left as handed out; a
        // teacher's score the copy leaves blank.
        s.scores[0].value = Some(ScoreValue::Number(7.0));
        s.scores[1].rationale = "My own reason.".into();
        s.scores[2].value = None;
        s.scores[2].rationale.clear();
        let name = reading_name(&t, &s, "dana-copy");
        assert_eq!(name, "Dana");
        let got = collect(&t, &s, &name, "dana-copy.ron");
        assert_eq!(got.perspective.kind, PerspectiveKind::Student);
        assert_eq!(got.perspective.weights["x"], 3.0);
        assert_eq!((got.chosen, got.untouched), (2, 0));
        let r = &got.perspective.readings;
        assert_eq!(r.len(), 3, "{r:?}");
        assert_eq!(r[2].value, None, "the blank cell is read as not scored");
        assert!(got.mismatches.is_empty());
        // Left exactly as handed out: nothing to read.
        let same = collect(&t, &t, "Copy", "copy.ron");
        assert!(same.perspective.readings.is_empty());
        assert_eq!((same.chosen, same.untouched), (0, 3));
    }

    #[test]
    fn renamed_missing_extra_and_other_scales_are_listed() {
        let t = template();
        let mut s = t.clone();
        s.proposals[1].id = "beta".into();
        for sc in &mut s.scores {
            if sc.proposal == "b" {
                sc.proposal = "beta".into();
            }
        }
        s.criteria[1].scale = crate::model::Scale::Levels(vec!["no".into(), "yes".into()]);
        s.criteria.push(Criterion::new("z", "Zed"));
        s.proposals.remove(0);
        let got = collect(&t, &s, "S", "s.ron");
        let said: Vec<String> = got.mismatches.iter().map(Mismatch::message).collect();
        assert!(
            got.mismatches
                .contains(&Mismatch::MissingProposal("a".into())),
            "{said:?}"
        );
        assert!(got.mismatches.contains(&Mismatch::RenamedProposal {
            template: "b".into(),
            file: "beta".into()
        }));
        assert!(got
            .mismatches
            .contains(&Mismatch::ExtraCriterion("z".into())));
        assert!(got.mismatches.contains(&Mismatch::OtherScale("y".into())));
        assert!(!got.perspective.weights.contains_key("y"));
        // The renamed proposal's cell is read under the template's id.
        assert_eq!(got.untouched, 1);
    }
}
