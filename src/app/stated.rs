//! A perspective's weights are a party's stated position, as the file attributes it: a
//! change to them is asked about first (change that perspective, or start "my own weights"
//! from it), once per perspective and document.

use std::collections::BTreeSet;

use crate::model::Perspective;

use super::{AppState, Dialog, Edit};

/// Perspectives whose weights may change without asking: made here, or already agreed to.
#[derive(Clone, Debug, Default)]
pub(super) struct Agreed(BTreeSet<String>);

impl Agreed {
    /// Weights of `id` may change without asking from now on.
    pub fn insert(&mut self, id: &str) {
        self.0.insert(id.to_owned());
    }

    fn contains(&self, id: &str) -> bool {
        self.0.contains(id)
    }
}

/// The answer to "change the stated weights?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatedChoice {
    /// Start a perspective of one's own from these weights, and change that.
    MyOwn,
    /// Change the perspective itself.
    ChangeIt,
    /// Do nothing.
    Cancel,
}

/// An edit of a perspective's weights waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct StatedEdit {
    /// The perspective's id.
    pub perspective: String,
    /// Its name, for the question.
    pub name: String,
    /// The step's name.
    pub label: String,
    /// The gesture key.
    pub key: Option<String>,
    /// The edit (a `SetPerspective` that changes only weights).
    pub edit: Edit,
}

impl AppState {
    /// The perspective whose stated weights `edit` would change without the user having
    /// agreed, if any.
    pub(super) fn stated_weights_touched(&self, edit: &Edit) -> Option<(String, String)> {
        let Edit::SetPerspective(i, _) = edit else {
            return None;
        };
        let old = self.scenario().perspectives.get(*i)?;
        (edit.is_weight_only(self.scenario()) && !self.agreed.contains(&old.id))
            .then(|| (old.id.clone(), old.name.clone()))
    }

    /// Asks before an edit of stated weights.
    pub(super) fn ask_about_stated(&mut self, edit: StatedEdit) {
        self.dialog = Some(Dialog::StatedWeights(edit));
    }

    /// Carries out the answer to "change the stated weights?".
    pub(super) fn answer_stated(&mut self, choice: StatedChoice) {
        let Some(Dialog::StatedWeights(asked)) = self.dialog.take() else {
            return;
        };
        // The scenario may have changed since the question: apply the weights asked about
        // to the perspective as it is now, for the criteria that still exist.
        let s = self.scenario();
        let (Some(i), Edit::SetPerspective(_, asked_for)) =
            (s.perspective_index(&asked.perspective), &asked.edit)
        else {
            self.status = "That change of weights no longer applies".into();
            return;
        };
        let mut changed = s.perspectives[i].clone();
        changed.weights = asked_for
            .weights
            .iter()
            .filter(|(id, _)| s.criterion_index(id).is_some())
            .map(|(id, w)| (id.clone(), *w))
            .collect();
        let asked = StatedEdit {
            edit: Edit::SetPerspective(i, changed),
            ..asked
        };
        match choice {
            StatedChoice::Cancel => self.status = "The stated weights are unchanged".into(),
            StatedChoice::ChangeIt => {
                self.agreed.insert(&asked.perspective);
                self.edit(asked.label, asked.key, asked.edit);
            }
            StatedChoice::MyOwn => {
                let Edit::SetPerspective(_, changed) = asked.edit else {
                    return;
                };
                let s = self.scenario();
                let own = Perspective {
                    id: s.fresh_id("my-weights"),
                    name: "My weights".into(),
                    description: format!(
                        "Started from the weights of «{}» and changed here; not a party's stated position.",
                        asked.name
                    ),
                    weights: changed.weights,
                    kind: crate::model::PerspectiveKind::Own,
                    ..Perspective::default()
                };
                let (at, id) = (s.perspectives.len(), own.id.clone());
                self.agreed.insert(&id);
                self.edit(
                    format!("my own weights, from «{}»", asked.name),
                    None,
                    Edit::InsertPerspective(at, own),
                );
                self.set_perspective(Some(id));
                self.status = format!(
                    "Your weights are a new perspective, “My weights”; «{}» is unchanged",
                    asked.name
                );
            }
        }
    }
}
