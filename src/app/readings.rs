//! A score edited while a perspective is chosen: the common score, or that perspective's
//! own reading of the cell? A cell the perspective already reads its own way keeps being
//! its reading; otherwise the user is asked, once per perspective and document.

use std::collections::BTreeMap;

use crate::model::Score;

use super::{AppState, Dialog, Edit};

/// Where a score edited under a perspective goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreTarget {
    /// The scenario's common score, which every perspective reads unless it has its own.
    Common,
    /// The chosen perspective's own reading of the cell.
    Reading,
    /// Neither: the edit is dropped.
    Cancel,
}

/// A score edit waiting for "common score or this perspective's reading?".
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreEditAsk {
    /// The perspective's id and name.
    pub perspective: (String, String),
    /// The step's name and gesture key.
    pub label: String,
    /// The gesture key.
    pub key: Option<String>,
    /// The `SetScore` edit as sent.
    pub edit: Edit,
}

/// The answer given for each perspective, not asked again in this document.
pub(super) type Remembered = BTreeMap<String, ScoreTarget>;

/// `edit` (a `SetScore`) made into a change of perspective `index`'s reading of the cell;
/// `None` from the view removes the reading (the perspective reads the common score again).
pub fn reading_edit(s: &crate::model::Scenario, index: usize, edit: &Edit) -> Option<Edit> {
    let Edit::SetScore(c, p, score) = edit else {
        return None;
    };
    let mut view = s.perspectives.get(index)?.clone();
    let at = view
        .readings
        .iter()
        .position(|r| &r.criterion == c && &r.proposal == p);
    match (at, score) {
        (Some(i), Some(new)) => view.readings[i] = new.clone(),
        (Some(i), None) => {
            view.readings.remove(i);
        }
        (None, Some(new)) => view.readings.push(Score {
            criterion: c.clone(),
            proposal: p.clone(),
            ..new.clone()
        }),
        (None, None) => return None,
    }
    Some(Edit::SetPerspective(index, view))
}

impl AppState {
    /// Applies a score edit made while a perspective is chosen: to its reading when it has
    /// one of the cell, else as the user says (asking the first time).
    pub(super) fn route_score_edit(&mut self, label: String, key: Option<String>, edit: Edit) {
        let Edit::SetScore(c, p, _) = &edit else {
            return self.edit(label, key, edit);
        };
        let Some((index, view)) = self.chosen_perspective() else {
            return self.edit(label, key, edit);
        };
        let target = if view.reading(c, p).is_some() {
            ScoreTarget::Reading
        } else if let Some(&remembered) = self.score_target.get(&view.id) {
            remembered
        } else {
            let perspective = (view.id.clone(), view.name.clone());
            self.dialog = Some(Dialog::ScoreTarget(ScoreEditAsk {
                perspective,
                label,
                key,
                edit,
            }));
            return;
        };
        self.apply_score_target(index, label, key, edit, target);
    }

    fn apply_score_target(
        &mut self,
        index: usize,
        label: String,
        key: Option<String>,
        edit: Edit,
        target: ScoreTarget,
    ) {
        match target {
            ScoreTarget::Common => self.edit(label, key, edit),
            ScoreTarget::Reading => match reading_edit(self.scenario(), index, &edit) {
                Some(reading) => {
                    let name = &self.scenario().perspectives[index].name;
                    let label = format!("{label} ({name}'s reading)");
                    self.edit(label, key.map(|k| format!("reading:{k}")), reading);
                }
                None => self.status = "Nothing to change in that reading".into(),
            },
            ScoreTarget::Cancel => self.status = "The score is unchanged".into(),
        }
    }

    /// Carries out the answer to "the common score or this perspective's reading?".
    pub(super) fn answer_score_target(&mut self, target: ScoreTarget) {
        let Some(Dialog::ScoreTarget(asked)) = self.dialog.take() else {
            return;
        };
        let Some(index) = self.scenario().perspective_index(&asked.perspective.0) else {
            self.status = "That perspective is gone; the score is unchanged".into();
            return;
        };
        if target != ScoreTarget::Cancel {
            self.score_target
                .insert(asked.perspective.0.clone(), target);
        }
        self.apply_score_target(index, asked.label, asked.key, asked.edit, target);
    }
}
