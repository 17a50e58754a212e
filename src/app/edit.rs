//! Edits: every change the app can make to a scenario, applied in one place.
//!
//! `apply` performs an edit and returns its inverse, so undo is "apply the inverse".
//! Views never touch the scenario; they produce `Edit`s (see `AppState::edit`).

use crate::model::{Criterion, Perspective, Proposal, Scale, Scenario, Score, ScoreValue, Source};

/// The scenario's own fields (everything but its lists).
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Authors.
    pub authors: Vec<String>,
    /// How a silent text counts in totals.
    pub silence: crate::model::Silence,
}

impl Meta {
    /// The metadata of `s`.
    pub fn of(s: &Scenario) -> Self {
        Self {
            title: s.title.clone(),
            description: s.description.clone(),
            authors: s.authors.clone(),
            silence: s.silence,
        }
    }
}

/// One change to a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replace title, description and authors.
    SetMeta(Meta),
    /// Replace the proposal at an index (its id must stay the same).
    SetProposal(usize, Proposal),
    /// Insert a proposal and its scored cells.
    InsertProposal(usize, Proposal, Vec<Score>),
    /// Remove the proposal at an index with all its cells.
    RemoveProposal(usize),
    /// Move a proposal from one index to another.
    MoveProposal(usize, usize),
    /// Replace the criterion at an index (its id must stay the same).
    SetCriterion(usize, Criterion),
    /// Insert a criterion and its scored cells.
    InsertCriterion(usize, Criterion, Vec<Score>),
    /// Remove the criterion at an index with all its cells.
    RemoveCriterion(usize),
    /// Move a criterion from one index to another.
    MoveCriterion(usize, usize),
    /// Set, replace or (with `None`) clear the cell of (criterion id, proposal id).
    SetScore(String, String, Option<Score>),
    /// Replace the source at an index.
    SetSource(usize, Source),
    /// Insert a source.
    InsertSource(usize, Source),
    /// Remove the source at an index.
    RemoveSource(usize),
    /// Replace the perspective at an index.
    SetPerspective(usize, Perspective),
    /// Insert a perspective.
    InsertPerspective(usize, Perspective),
    /// Remove the perspective at an index.
    RemovePerspective(usize),
    /// Several edits as one step, applied in order.
    Batch(Vec<Edit>),
    /// Set the perspective the file says was chosen when it was saved.
    SetChosenPerspective(Option<String>),
    /// Replace the whole scenario (reloading the file from disk, undoably).
    ReplaceScenario(Box<Scenario>),
}

/// Why an edit could not be applied (a stale index or id); the scenario is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("this change no longer applies: {0}")]
pub struct EditError(pub String);

fn check(ok: bool, what: impl FnOnce() -> String) -> Result<(), EditError> {
    if ok {
        Ok(())
    } else {
        Err(EditError(what()))
    }
}

/// Applies `edit` to `s` and returns the edit that undoes it.
pub fn apply(s: &mut Scenario, edit: Edit) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::SetMeta(meta) => {
            let old = Meta::of(s);
            s.title = meta.title;
            s.description = meta.description;
            s.authors = meta.authors;
            s.silence = meta.silence;
            Edit::SetMeta(old)
        }
        Edit::SetProposal(i, p) => {
            check(i < s.proposals.len(), || format!("proposal {i}"))?;
            check(s.proposals[i].id == p.id, || {
                format!("proposal id {}", p.id)
            })?;
            Edit::SetProposal(i, std::mem::replace(&mut s.proposals[i], p))
        }
        Edit::InsertProposal(i, p, scores) => {
            check(i <= s.proposals.len(), || format!("proposal {i}"))?;
            check(s.proposal_index(&p.id).is_none(), || {
                format!("proposal id {} is taken", p.id)
            })?;
            s.proposals.insert(i, p);
            s.scores.extend(scores);
            Edit::RemoveProposal(i)
        }
        Edit::RemoveProposal(i) => {
            check(i < s.proposals.len(), || format!("proposal {i}"))?;
            let p = s.proposals.remove(i);
            let (removed, kept) = std::mem::take(&mut s.scores)
                .into_iter()
                .partition(|sc| sc.proposal == p.id);
            s.scores = kept;
            // Perspectives' readings of its cells go with it, and come back on undo.
            let mut restore = vec![Edit::InsertProposal(i, p.clone(), removed)];
            for (j, q) in s.perspectives.iter_mut().enumerate() {
                if q.readings.iter().any(|r| r.proposal == p.id) {
                    let old = q.clone();
                    q.readings.retain(|r| r.proposal != p.id);
                    restore.push(Edit::SetPerspective(j, old));
                }
            }
            if restore.len() == 1 {
                restore.remove(0)
            } else {
                Edit::Batch(restore)
            }
        }
        Edit::MoveProposal(from, to) => {
            let n = s.proposals.len();
            check(from < n && to < n, || format!("proposal {from} → {to}"))?;
            let p = s.proposals.remove(from);
            s.proposals.insert(to, p);
            Edit::MoveProposal(to, from)
        }
        Edit::SetCriterion(i, c) => {
            check(i < s.criteria.len(), || format!("criterion {i}"))?;
            check(s.criteria[i].id == c.id, || {
                format!("criterion id {}", c.id)
            })?;
            Edit::SetCriterion(i, std::mem::replace(&mut s.criteria[i], c))
        }
        Edit::InsertCriterion(i, c, scores) => {
            check(i <= s.criteria.len(), || format!("criterion {i}"))?;
            check(s.criterion_index(&c.id).is_none(), || {
                format!("criterion id {} is taken", c.id)
            })?;
            s.criteria.insert(i, c);
            s.scores.extend(scores);
            Edit::RemoveCriterion(i)
        }
        Edit::RemoveCriterion(i) => {
            check(i < s.criteria.len(), || format!("criterion {i}"))?;
            let c = s.criteria.remove(i);
            let (removed, kept) = std::mem::take(&mut s.scores)
                .into_iter()
                .partition(|sc| sc.criterion == c.id);
            s.scores = kept;
            // What else names the criterion goes with it, so the file stays valid; the
            // inverse puts every one of them back as it was.
            let mut restore = vec![Edit::InsertCriterion(i, c.clone(), removed)];
            for (j, p) in s.perspectives.iter_mut().enumerate() {
                let names = p.weights.contains_key(&c.id)
                    || p.red_lines.iter().any(|r| r.criterion == c.id)
                    || p.readings.iter().any(|r| r.criterion == c.id)
                    || p.prefers_less_of(&c.id);
                if names {
                    let old = p.clone();
                    p.weights.remove(&c.id);
                    p.red_lines.retain(|r| r.criterion != c.id);
                    p.readings.retain(|r| r.criterion != c.id);
                    p.prefers_less.retain(|x| *x != c.id);
                    restore.push(Edit::SetPerspective(j, old));
                }
            }
            for (j, p) in s.proposals.iter_mut().enumerate() {
                if p.provisions.iter().any(|v| v.criteria.contains(&c.id)) {
                    let old = p.clone();
                    for v in &mut p.provisions {
                        v.criteria.retain(|x| *x != c.id);
                    }
                    restore.push(Edit::SetProposal(j, old));
                }
            }
            if restore.len() == 1 {
                restore.remove(0)
            } else {
                Edit::Batch(restore)
            }
        }
        Edit::MoveCriterion(from, to) => {
            let n = s.criteria.len();
            check(from < n && to < n, || format!("criterion {from} → {to}"))?;
            let c = s.criteria.remove(from);
            s.criteria.insert(to, c);
            Edit::MoveCriterion(to, from)
        }
        Edit::SetScore(c, p, score) => {
            check(s.criterion_index(&c).is_some(), || format!("criterion {c}"))?;
            check(s.proposal_index(&p).is_some(), || format!("proposal {p}"))?;
            let pos = s.score_position(&c, &p);
            let old = match (pos, score) {
                (Some(at), Some(new)) => Some(std::mem::replace(&mut s.scores[at], new)),
                (Some(at), None) => Some(s.scores.remove(at)),
                (None, Some(new)) => {
                    s.scores.push(new);
                    None
                }
                (None, None) => None,
            };
            Edit::SetScore(c, p, old)
        }
        Edit::SetSource(i, src) => {
            check(i < s.sources.len(), || format!("source {i}"))?;
            Edit::SetSource(i, std::mem::replace(&mut s.sources[i], src))
        }
        Edit::InsertSource(i, src) => {
            check(i <= s.sources.len(), || format!("source {i}"))?;
            s.sources.insert(i, src);
            Edit::RemoveSource(i)
        }
        Edit::RemoveSource(i) => {
            check(i < s.sources.len(), || format!("source {i}"))?;
            let id = &s.sources[i].id;
            check(s.citation_count(id) == 0, || {
                format!("source {id} is still cited; remove those citations first")
            })?;
            Edit::InsertSource(i, s.sources.remove(i))
        }
        Edit::SetPerspective(i, p) => {
            check(i < s.perspectives.len(), || format!("perspective {i}"))?;
            check(s.perspectives[i].id == p.id, || {
                format!("perspective id {}", p.id)
            })?;
            Edit::SetPerspective(i, std::mem::replace(&mut s.perspectives[i], p))
        }
        Edit::InsertPerspective(i, p) => {
            check(i <= s.perspectives.len(), || format!("perspective {i}"))?;
            s.perspectives.insert(i, p);
            Edit::RemovePerspective(i)
        }
        Edit::RemovePerspective(i) => {
            check(i < s.perspectives.len(), || format!("perspective {i}"))?;
            let p = s.perspectives.remove(i);
            if s.chosen_perspective.as_deref() == Some(p.id.as_str()) {
                // The file must not name a perspective it no longer has; undo puts it back.
                let chosen = s.chosen_perspective.take();
                Edit::Batch(vec![
                    Edit::InsertPerspective(i, p),
                    Edit::SetChosenPerspective(chosen),
                ])
            } else {
                Edit::InsertPerspective(i, p)
            }
        }
        Edit::SetChosenPerspective(id) => {
            check(
                id.as_deref()
                    .is_none_or(|id| s.perspective_by_id(id).is_some()),
                || format!("perspective {id:?}"),
            )?;
            Edit::SetChosenPerspective(std::mem::replace(&mut s.chosen_perspective, id))
        }
        Edit::ReplaceScenario(new) => Edit::ReplaceScenario(Box::new(std::mem::replace(s, *new))),
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply(s, e) {
                    Ok(inv) => inverses.push(inv),
                    Err(err) => {
                        // Roll back what was applied so the scenario is unchanged.
                        for inv in inverses.into_iter().rev() {
                            let _ = apply(s, inv);
                        }
                        return Err(err);
                    }
                }
            }
            inverses.reverse();
            Edit::Batch(inverses)
        }
    })
}

impl Edit {
    /// The item an applied edit is about, to select it after undo or redo.
    pub fn focus(&self, s: &Scenario) -> Option<super::Selection> {
        use super::Selection;
        match self {
            Edit::SetProposal(_, p) | Edit::InsertProposal(_, p, _) => {
                Some(Selection::Proposal(p.id.clone()))
            }
            Edit::MoveProposal(_, to) => s
                .proposals
                .get(*to)
                .map(|p| Selection::Proposal(p.id.clone())),
            Edit::SetCriterion(_, c) | Edit::InsertCriterion(_, c, _) => {
                Some(Selection::Criterion(c.id.clone()))
            }
            Edit::MoveCriterion(_, to) => s
                .criteria
                .get(*to)
                .map(|c| Selection::Criterion(c.id.clone())),
            Edit::SetScore(c, p, _) => Some(Selection::Cell(c.clone(), p.clone())),
            Edit::Batch(edits) => edits.iter().find_map(|e| e.focus(s)),
            _ => None,
        }
    }

    /// True when the edit adds or removes a proposal or a criterion, or changes a
    /// criterion's scale: what a copy handed out for a class round must keep as it is.
    pub fn changes_structure(&self, s: &Scenario) -> bool {
        match self {
            Edit::InsertProposal(..)
            | Edit::RemoveProposal(_)
            | Edit::InsertCriterion(..)
            | Edit::RemoveCriterion(_) => true,
            Edit::SetCriterion(k, c) => s.criteria.get(*k).is_none_or(|old| old.scale != c.scale),
            Edit::Batch(edits) => edits.iter().any(|e| e.changes_structure(s)),
            _ => false,
        }
    }

    /// True when the edit, applied to `s`, changes nothing but weights (of the criteria or
    /// of a perspective), so totals can be recomputed without re-reading the scores.
    pub fn is_weight_only(&self, s: &Scenario) -> bool {
        match self {
            Edit::SetCriterion(i, c) => s.criteria.get(*i).is_some_and(|old| {
                let mut same = old.clone();
                same.weight = c.weight;
                same == *c
            }),
            Edit::SetPerspective(i, p) => s.perspectives.get(*i).is_some_and(|old| {
                let mut same = old.clone();
                same.weights.clone_from(&p.weights);
                same == *p
            }),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ScoreValue;

    fn sample() -> Scenario {
        crate::synth::scenario(3, 4, 9)
    }

    fn round_trip(edit: Edit) {
        let mut s = sample();
        let before = s.clone();
        let inverse = apply(&mut s, edit).expect("applies");
        assert_ne!(s, before, "the edit changed something");
        let after = s.clone();
        let redo = apply(&mut s, inverse).expect("undo applies");
        assert_eq!(sorted(&s), sorted(&before), "undo restores the scenario");
        apply(&mut s, redo).expect("redo applies");
        assert_eq!(
            sorted(&s),
            sorted(&after),
            "redo gives the edited scenario again"
        );
    }

    fn sorted(s: &Scenario) -> Scenario {
        let mut s = s.clone();
        s.sort_scores();
        s
    }

    #[test]
    fn removing_a_criterion_takes_what_names_it_and_undo_restores_it() {
        let mut s = crate::seeds::default_scenario().expect("the default scenario loads");
        let k = s
            .criterion_index("blockade")
            .expect("the default scenario has it");
        let named = |s: &Scenario| {
            s.perspectives
                .iter()
                .any(|p| p.weights.contains_key("blockade"))
                || s.proposals
                    .iter()
                    .flat_map(|p| &p.provisions)
                    .any(|v| v.criteria.iter().any(|c| c == "blockade"))
        };
        assert!(
            named(&s),
            "the test needs weights or tags naming the criterion"
        );
        let before = s.clone();
        let inverse = apply(&mut s, Edit::RemoveCriterion(k)).expect("applies");
        assert!(
            !named(&s),
            "no weight or provision names the removed criterion"
        );
        assert!(
            crate::io::validate(&s).is_empty(),
            "{:?}",
            crate::io::validate(&s)
        );
        let after = s.clone();
        let redo = apply(&mut s, inverse).expect("undo applies");
        assert_eq!(sorted(&s), sorted(&before));
        apply(&mut s, redo).expect("redo applies");
        assert_eq!(sorted(&s), sorted(&after));
    }

    #[test]
    fn a_cited_source_is_not_removed() {
        let mut s = crate::seeds::default_scenario().expect("the default scenario loads");
        let cited = (0..s.sources.len())
            .find(|&i| s.citation_count(&s.sources[i].id) > 0)
            .expect("a cited source");
        let before = s.clone();
        assert!(apply(&mut s, Edit::RemoveSource(cited)).is_err());
        assert_eq!(s, before);
    }

    #[test]
    fn every_edit_undoes() {
        let s = sample();
        let mut p = s.proposals[1].clone();
        p.name = "Renamed".into();
        round_trip(Edit::SetProposal(1, p));
        round_trip(Edit::RemoveProposal(0));
        round_trip(Edit::MoveProposal(0, 2));
        let mut c = s.criteria[2].clone();
        c.weight = 7.5;
        round_trip(Edit::SetCriterion(2, c));
        round_trip(Edit::RemoveCriterion(3));
        round_trip(Edit::MoveCriterion(3, 0));
        round_trip(Edit::InsertProposal(1, Proposal::new("new", "New"), vec![]));
        round_trip(Edit::SetScore("c0".into(), "p1".into(), None));
        round_trip(Edit::SetScore(
            "c0".into(),
            "p1".into(),
            Some(Score {
                criterion: "c0".into(),
                proposal: "p1".into(),
                value: Some(ScoreValue::Number(10.5)),
                ..Score::default()
            }),
        ));
        round_trip(Edit::InsertSource(0, Source::default()));
        round_trip(Edit::Batch(vec![
            Edit::RemoveProposal(0),
            Edit::MoveCriterion(0, 1),
        ]));
    }

    #[test]
    fn stale_edits_fail_without_change() {
        let mut s = sample();
        let before = s.clone();
        assert!(apply(&mut s, Edit::RemoveProposal(10)).is_err());
        assert!(apply(
            &mut s,
            Edit::Batch(vec![Edit::RemoveProposal(0), Edit::RemoveCriterion(99)])
        )
        .is_err());
        // The order of cells in memory is not meaningful; saving puts them in canonical order.
        s.sort_scores();
        assert_eq!(s, before);
    }
}

/// An edit that replaces criterion `k` with `new` and converts the row's scores when the
/// scale changed, so no cell is left with a value its scale cannot hold.
pub fn set_criterion(s: &Scenario, k: usize, new: Criterion) -> Edit {
    let Some(old) = s.criteria.get(k) else {
        return Edit::SetCriterion(k, new);
    };
    if old.scale == new.scale {
        return Edit::SetCriterion(k, new);
    }
    let mut edits = vec![Edit::SetCriterion(k, new.clone())];
    for sc in s.scores.iter().filter(|sc| sc.criterion == new.id) {
        let converted = sc
            .value
            .and_then(|v| convert_value(&old.scale, &new.scale, v));
        if converted != sc.value {
            let mut changed = sc.clone();
            changed.value = converted;
            let cell = (!changed.is_empty()).then_some(changed);
            edits.push(Edit::SetScore(
                sc.criterion.clone(),
                sc.proposal.clone(),
                cell,
            ));
        }
    }
    // Perspectives' readings of the row are converted the same way; a red line that no
    // longer fits the scale goes (undo brings it back with the old scale).
    for (j, p) in s.perspectives.iter().enumerate() {
        let mut changed = p.clone();
        for r in changed
            .readings
            .iter_mut()
            .filter(|r| r.criterion == new.id)
        {
            r.value = r
                .value
                .and_then(|v| convert_value(&old.scale, &new.scale, v));
        }
        changed
            .red_lines
            .retain(|l| l.criterion != new.id || l.accepts.problem(&new.scale).is_none());
        if changed != *p {
            edits.push(Edit::SetPerspective(j, changed));
        }
    }
    Edit::Batch(edits)
}

/// The value on `to` closest to `value` on `from` (by position on the scale).
pub fn convert_value(from: &Scale, to: &Scale, value: ScoreValue) -> Option<ScoreValue> {
    to.nearest(from.position(value)?)
}

#[cfg(test)]
mod conversion_tests {
    use super::*;
    use crate::model::ScoreValue::{Bool, Level, Number};

    #[test]
    fn values_follow_a_new_scale() {
        let ten = Scale::zero_to_ten();
        let four = Scale::Levels(vec!["a".into(), "b".into(), "c".into(), "d".into()]);
        assert_eq!(convert_value(&ten, &four, Number(7.0)), Some(Level(2)));
        assert_eq!(convert_value(&four, &ten, Level(3)), Some(Number(10.0)));
        assert_eq!(
            convert_value(&four, &Scale::YesNo, Level(1)),
            Some(Bool(false))
        );
        let narrow = Scale::Numeric {
            min: 0.0,
            max: 5.0,
            step: 1.0,
        };
        assert_eq!(convert_value(&ten, &narrow, Number(7.0)), Some(Number(4.0)));
    }

    #[test]
    fn changing_a_scale_converts_its_row_and_undoes() {
        let mut s = crate::synth::scenario(3, 3, 2);
        let before = s.clone();
        let mut c = s.criteria[0].clone();
        c.scale = Scale::YesNo;
        let edit = set_criterion(&s, 0, c);
        let inverse = apply(&mut s, edit).unwrap();
        assert!(
            crate::io::validate(&s).is_empty(),
            "every value fits the new scale"
        );
        apply(&mut s, inverse).unwrap();
        s.sort_scores();
        assert_eq!(s, before);
    }
}
