//! Editing the document: edits as undoable steps, undo and redo, adding, duplicating and
//! deleting items, and the selection that follows them.

use crate::model::{Criterion, Perspective, Proposal, Score, Source};

use super::{apply, weight_set_of, AppState, Edit, Named, Selection};

/// The status line after a delete: what went, with how much reasoning, and how to undo.
fn deleted(name: &str, reasoned: usize) -> String {
    match reasoned {
        0 => format!("Deleted {name} — Ctrl+Z to undo"),
        1 => format!("Deleted {name} with its one reasoned score — Ctrl+Z to undo"),
        n => format!("Deleted {name} with its {n} reasoned scores — Ctrl+Z to undo"),
    }
}

impl AppState {
    /// Applies an edit as one undoable step named `label`. Edits with the same `key` in a
    /// row (one drag, one burst of typing) merge into one step until `seal_gesture`.
    pub fn edit(&mut self, label: impl Into<String>, key: Option<String>, edit: Edit) {
        if edit.changes_structure(self.doc.scenario()) && self.structure_fixed() {
            return;
        }
        let weights_only = edit.is_weight_only(self.doc.scenario());
        match apply(self.doc.scenario_mut(), edit) {
            Ok(inverse) => {
                self.history.record(label.into(), key, inverse);
                self.doc.touch(self.history.state());
                if weights_only {
                    // A weight drag on a large table: no need to re-read every cell.
                    let scenario = self.doc.scenario();
                    self.eval.reweight(
                        scenario,
                        weight_set_of(scenario, self.perspective.as_deref()),
                    );
                } else {
                    self.after_change();
                }
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    /// Brings what follows the scenario back in line after a change: a selection or a
    /// perspective whose item is gone, the quick-weights window, the totals.
    pub(super) fn after_change(&mut self) {
        let s = self.doc.scenario();
        let keep = match &self.selecting.selection {
            Selection::Scenario => true,
            Selection::Cell(c, p) => {
                s.criterion_index(c).is_some() && s.proposal_index(p).is_some()
            }
            Selection::Proposal(p) => s.proposal_index(p).is_some(),
            Selection::Criterion(c) => s.criterion_index(c).is_some(),
        };
        if !keep {
            self.selecting.selection = Selection::Scenario;
        }
        if self
            .perspective
            .as_deref()
            .is_some_and(|id| s.perspective_by_id(id).is_none())
        {
            self.perspective = None;
        }
        if let Some(q) = &mut self.view.quick {
            q.reconcile(s);
        }

        let live = self.live_here();
        if let Some(p) = &mut self.view.presenter {
            // Steps follow the scenario: keep the position in range.
            let n = super::present::steps(s, live).len();
            p.step = p.step.min(n.saturating_sub(1));
            p.spotlight = p.spotlight.filter(|&i| i < s.proposals.len());
        }
        self.refresh();
    }

    /// Chooses a perspective (or the base weights with `None`); an unknown id is ignored.
    pub fn set_perspective(&mut self, id: Option<String>) {
        if id
            .as_deref()
            .is_some_and(|id| self.scenario().perspective_by_id(id).is_none())
        {
            return;
        }
        self.perspective = id;
        self.refresh();
    }

    /// Ends the current gesture so the next edit is a new undo step.
    pub fn seal_gesture(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step.
    pub fn undo(&mut self) {
        let Some((label, inverse, id)) = self.history.take_undo() else {
            self.status = "Nothing to undo".into();
            return;
        };
        let focus_edit = inverse.clone();
        match apply(self.doc.scenario_mut(), inverse) {
            Ok(redo) => {
                self.reveal_edit(&focus_edit);
                self.status = format!("Undone: {label}");
                self.history.push_redo(label, redo, id);
                self.doc.touch(self.history.state());
                self.after_change();
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    /// Redoes the last undone step.
    pub fn redo(&mut self) {
        let Some((label, edit, id)) = self.history.take_redo() else {
            self.status = "Nothing to redo".into();
            return;
        };
        let focus_edit = edit.clone();
        match apply(self.doc.scenario_mut(), edit) {
            Ok(inverse) => {
                self.reveal_edit(&focus_edit);
                self.status = format!("Redone: {label}");
                self.history.push_undo(label, inverse, id);
                self.doc.touch(self.history.state());
                self.after_change();
            }
            Err(e) => self.status = e.to_string(),
        }
    }

    /// Adds a proposal after `after` (or at the end) and selects it.
    pub fn add_proposal(&mut self, after: Option<usize>) {
        if self.structure_fixed() {
            return;
        }
        let s = self.scenario();
        let n = s.proposals.len();
        let name = format!("New proposal {}", n + 1);
        let p = Proposal::new(s.fresh_id(&name), name.clone());
        let at = after.map_or(n, |i| (i + 1).min(n));
        let id = p.id.clone();
        self.edit(
            format!("add «{name}»"),
            None,
            Edit::InsertProposal(at, p, Vec::new()),
        );
        self.select_to_name(Selection::Proposal(id));
    }

    /// Adds a copy of proposal `i`, with its scores, after it, and selects it.
    pub fn duplicate_proposal(&mut self, i: usize) {
        if self.structure_fixed() {
            return;
        }
        let s = self.scenario();
        let Some(original) = s.proposals.get(i) else {
            return;
        };
        let mut p = original.clone();
        p.name = format!("{} (copy)", p.name);
        p.id = s.fresh_id(&p.id);
        let scores: Vec<Score> = s
            .scores
            .iter()
            .filter(|sc| sc.proposal == original.id)
            .map(|sc| Score {
                proposal: p.id.clone(),
                ..sc.clone()
            })
            .collect();
        let (label, id) = (format!("duplicate «{}»", original.name), p.id.clone());
        self.edit(label, None, Edit::InsertProposal(i + 1, p, scores));
        self.select(Selection::Proposal(id));
    }

    /// Adds a criterion after `after` (or at the end), in the group of the one before it,
    /// and selects it.
    pub fn add_criterion(&mut self, after: Option<usize>) {
        if self.structure_fixed() {
            return;
        }
        let s = self.scenario();
        let n = s.criteria.len();
        let name = format!("New criterion {}", n + 1);
        let mut c = Criterion::new(s.fresh_id(&name), name.clone());
        if let Some(last) = after.and_then(|i| s.criteria.get(i)).or(s.criteria.last()) {
            c.group = last.group.clone();
        }
        let at = after.map_or(n, |i| (i + 1).min(n));
        let id = c.id.clone();
        self.edit(
            format!("add {name}"),
            None,
            Edit::InsertCriterion(at, c, Vec::new()),
        );
        self.select_to_name(Selection::Criterion(id));
    }

    /// Adds a copy of criterion `k`, with its scores, below it, and selects it.
    pub fn duplicate_criterion(&mut self, k: usize) {
        if self.structure_fixed() {
            return;
        }
        let s = self.scenario();
        let Some(original) = s.criteria.get(k) else {
            return;
        };
        let mut c = original.clone();
        c.name = format!("{} (copy)", c.name);
        c.id = s.fresh_id(&c.id);
        let scores: Vec<Score> = s
            .scores
            .iter()
            .filter(|sc| sc.criterion == original.id)
            .map(|sc| Score {
                criterion: c.id.clone(),
                ..sc.clone()
            })
            .collect();
        let (label, id) = (format!("duplicate {}", original.name), c.id.clone());
        self.edit(label, None, Edit::InsertCriterion(k + 1, c, scores));
        self.select(Selection::Criterion(id));
    }

    /// Adds an entry to the bibliography.
    pub fn add_source(&mut self) {
        let s = self.scenario();
        let src = Source {
            id: s.fresh_id("source"),
            title: "New source".into(),
            ..Source::default()
        };
        let (at, id) = (s.sources.len(), src.id.clone());
        self.edit("add source", None, Edit::InsertSource(at, src));
        self.selecting.naming = Some((Named::Source, id));
    }

    /// Adds a perspective that starts from the criteria's weights, and uses it.
    pub fn add_perspective(&mut self) {
        let s = self.scenario();
        let p = Perspective {
            id: s.fresh_id("perspective"),
            name: "New perspective".into(),
            weights: s
                .criteria
                .iter()
                .map(|c| (c.id.clone(), c.weight))
                .collect(),
            ..Perspective::default()
        };
        let (at, id) = (s.perspectives.len(), p.id.clone());
        // Made here: its weights are the user's own to change.
        self.agreed.insert(&id);
        self.edit("add perspective", None, Edit::InsertPerspective(at, p));
        self.set_perspective(Some(id.clone()));
        self.selecting.naming = Some((Named::Perspective, id));
    }

    /// Deletes proposal `i` and its scores, as one undoable step; the status line says how
    /// much reasoning went with it.
    pub fn delete_proposal(&mut self, i: usize) {
        if self.structure_fixed() {
            return;
        }
        let Some(p) = self.scenario().proposals.get(i) else {
            return;
        };
        let (name, reasoned) = (
            format!("«{}»", p.name),
            self.reasoned(|sc| sc.proposal == p.id),
        );
        self.edit(format!("delete {name}"), None, Edit::RemoveProposal(i));
        self.status = deleted(&name, reasoned);
    }

    /// Deletes criterion `k`, its scores and what names it, as one undoable step; the
    /// status line says how much reasoning went with it.
    pub fn delete_criterion(&mut self, k: usize) {
        if self.structure_fixed() {
            return;
        }
        let Some(c) = self.scenario().criteria.get(k) else {
            return;
        };
        let (name, reasoned) = (c.name.clone(), self.reasoned(|sc| sc.criterion == c.id));
        self.edit(format!("delete {name}"), None, Edit::RemoveCriterion(k));
        self.status = deleted(&name, reasoned);
    }

    /// How many cells picked by `pick` carry a rationale or evidence.
    fn reasoned(&self, pick: impl Fn(&Score) -> bool) -> usize {
        self.scenario()
            .scores
            .iter()
            .filter(|sc| pick(sc) && sc.has_notes())
            .count()
    }

    /// Deletes what is selected: a proposal or a criterion with its scores, or the value of
    /// a cell (its rationale and evidence stay).
    pub fn delete_selection(&mut self) {
        let s = self.scenario();
        match self.selecting.selection.clone() {
            Selection::Scenario => {
                self.status = "Select a proposal, criterion or cell first".into()
            }
            Selection::Proposal(id) => {
                if let Some(i) = s.proposal_index(&id) {
                    self.delete_proposal(i);
                }
            }
            Selection::Criterion(id) => {
                if let Some(k) = s.criterion_index(&id) {
                    self.delete_criterion(k);
                }
            }
            Selection::Cell(c, p) => {
                let Some(mut score) = s.score(&c, &p).filter(|x| x.value.is_some()).cloned() else {
                    return;
                };
                score.set_value(None);
                let kept = (!score.is_empty()).then_some(score);
                self.edit("clear score".to_owned(), None, Edit::SetScore(c, p, kept));
                self.status = "Score cleared: the cell is not scored — Ctrl+Z to undo".into();
            }
        }
    }

    /// Selects what an undone or redone edit changed, and asks the views to show it.
    fn reveal_edit(&mut self, edit: &Edit) {
        if let Some(sel) = edit.focus(self.doc.scenario()) {
            self.select(sel);
        }
    }

    /// Selects an item and asks the views to scroll it into view.
    pub fn select(&mut self, selection: Selection) {
        self.selecting.reveal = Some(selection.clone());
        self.selecting.naming = None;
        self.selecting.selection = selection;
    }

    /// Selects a new proposal or criterion with its name ready to be typed over.
    fn select_to_name(&mut self, selection: Selection) {
        self.select(selection.clone());
        self.selecting.naming = match selection {
            Selection::Proposal(id) => Some((Named::Proposal, id)),
            Selection::Criterion(id) => Some((Named::Criterion, id)),
            Selection::Scenario | Selection::Cell(..) => None,
        };
    }
}

impl AppState {
    /// Applies a message of the document and its history.
    pub(super) fn update_doc(&mut self, msg: super::msg::DocMsg) {
        use super::msg::DocMsg;
        match msg {
            DocMsg::Edit { label, key, edit } => match self.stated_weights_touched(&edit) {
                Some((perspective, name)) => self.ask_about_stated(super::StatedEdit {
                    perspective,
                    name,
                    label,
                    key,
                    edit: *edit,
                }),
                None => self.route_score_edit(label, key, *edit),
            },
            DocMsg::AnswerScoreTarget(target) => self.answer_score_target(target),
            DocMsg::SealGesture => self.seal_gesture(),
            DocMsg::SetPerspective(id) => self.set_perspective(id),
            DocMsg::AnswerStated(choice) => self.answer_stated(choice),
            DocMsg::DuplicateProposal(i) => self.duplicate_proposal(i),
            DocMsg::DeleteProposal(i) => self.delete_proposal(i),
            DocMsg::DuplicateCriterion(k) => self.duplicate_criterion(k),
            DocMsg::DeleteCriterion(k) => self.delete_criterion(k),
            DocMsg::AddSource => self.add_source(),
            DocMsg::AddPerspective => self.add_perspective(),
        }
    }
}
