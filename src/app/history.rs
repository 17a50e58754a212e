//! Undo and redo: a stack of inverse edits with labels, merging gestures into one step.
//!
//! Every state of the document that history can return to has an id, so that undoing back
//! to the state last saved makes the document clean again.

use super::edit::Edit;

/// How many steps are kept; older ones are dropped.
pub const MAX_STEPS: usize = 500;

/// One undoable step.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    /// The id of the state this step leads to.
    id: u64,
    /// Edits with the same key merge into one step until the step is sealed.
    key: Option<String>,
    sealed: bool,
    inverse: Edit,
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The id of the state under the oldest kept step (0: as opened).
    floor: u64,
    /// The last id handed out; ids are never reused.
    last_id: u64,
}

impl History {
    /// Records an applied edit by its inverse. If the last step has the same `key` and is
    /// not sealed (the same drag or the same burst of typing), the two merge: the older
    /// inverse already restores the state from before the gesture.
    pub fn record(&mut self, label: String, key: Option<String>, inverse: Edit) {
        self.redo.clear();
        let id = self.fresh_id();
        if let (Some(top), Some(k)) = (self.undo.last_mut(), key.as_ref()) {
            if !top.sealed && top.key.as_ref() == Some(k) {
                // The gesture went on: a new state, reached by the same step.
                top.id = id;
                return;
            }
        }
        if let Some(top) = self.undo.last_mut() {
            top.sealed = true;
        }
        self.undo.push(Step {
            label,
            id,
            key,
            sealed: false,
            inverse,
        });
        if self.undo.len() > MAX_STEPS {
            self.floor = self.undo.remove(0).id;
        }
    }

    fn fresh_id(&mut self) -> u64 {
        self.last_id += 1;
        self.last_id
    }

    /// The id of the current state: equal ids mean equal documents.
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(self.floor, |s| s.id)
    }

    /// Ends the current gesture: the next edit starts a new step.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.sealed = true;
        }
    }

    /// Label of the step Undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Label of the step Redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Takes the last step: its label, the edit that undoes it and its state id.
    pub fn take_undo(&mut self) -> Option<(String, Edit, u64)> {
        self.undo.pop().map(|s| (s.label, s.inverse, s.id))
    }

    /// Takes the last undone step: its label, the edit that redoes it and its state id.
    pub fn take_redo(&mut self) -> Option<(String, Edit, u64)> {
        self.redo.pop().map(|s| (s.label, s.inverse, s.id))
    }

    /// After undoing the step that led to state `id`: remembers how to redo it.
    pub fn push_redo(&mut self, label: String, edit: Edit, id: u64) {
        self.redo.push(Step {
            label,
            id,
            key: None,
            sealed: true,
            inverse: edit,
        });
    }

    /// After redoing the step to state `id`: remembers how to undo it again, without
    /// clearing the redo stack.
    pub fn push_undo(&mut self, label: String, edit: Edit, id: u64) {
        self.seal();
        self.undo.push(Step {
            label,
            id,
            key: None,
            sealed: true,
            inverse: edit,
        });
    }

    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Forgets everything (a new document).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.floor = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(i: usize) -> Edit {
        Edit::RemoveSource(i)
    }

    #[test]
    fn keeps_at_least_two_hundred_steps() {
        let mut h = History::default();
        for i in 0..MAX_STEPS + 100 {
            h.record(format!("step {i}"), None, e(i));
        }
        assert_eq!(h.undo_len(), MAX_STEPS);
        const { assert!(MAX_STEPS >= 200) };
        assert_eq!(
            h.undo_label(),
            Some(format!("step {}", MAX_STEPS + 99).as_str())
        );
    }

    #[test]
    fn a_gesture_is_one_step_until_sealed() {
        let mut h = History::default();
        h.record("weight".into(), Some("w:a".into()), e(1));
        h.record("weight".into(), Some("w:a".into()), e(2));
        assert_eq!(h.undo_len(), 1);
        // The first inverse is kept: it restores the state from before the drag.
        assert_eq!(h.take_undo().map(|(_, x, _)| x), Some(e(1)));
        h.record("weight".into(), Some("w:a".into()), e(3));
        h.seal();
        h.record("weight".into(), Some("w:a".into()), e(4));
        assert_eq!(h.undo_len(), 2);
        // A different key is a new step, and any new step clears redo.
        h.push_redo("x".into(), e(9), 99);
        h.record("name".into(), Some("n:a".into()), e(5));
        assert_eq!(h.undo_len(), 3);
        assert_eq!(h.redo_label(), None);
    }

    #[test]
    fn undo_and_redo_return_to_the_same_state_ids() {
        let mut h = History::default();
        assert_eq!(h.state(), 0);
        h.record("a".into(), Some("k".into()), e(1));
        let after_first = h.state();
        h.record("a".into(), Some("k".into()), e(2));
        // The same step, but the gesture went on: a different state.
        assert_ne!(h.state(), after_first);
        let after_gesture = h.state();
        let (label, edit, id) = h.take_undo().expect("a step");
        assert_eq!(h.state(), 0);
        h.push_redo(label, edit, id);
        let (label, edit, id) = h.take_redo().expect("a step to redo");
        h.push_undo(label, edit, id);
        assert_eq!(h.state(), after_gesture);
    }

    #[test]
    fn dropping_old_steps_keeps_the_state_of_the_oldest() {
        let mut h = History::default();
        for i in 0..MAX_STEPS + 1 {
            h.record(format!("step {i}"), None, e(i));
        }
        while h.take_undo().is_some() {}
        // The opened state can no longer be reached, so this is not state 0.
        assert_ne!(h.state(), 0);
    }
}
