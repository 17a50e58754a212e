//! Undo and redo: a stack of inverse edits with labels, merging gestures into one step.

use super::edit::Edit;

/// How many steps are kept; older ones are dropped.
pub const MAX_STEPS: usize = 500;

/// One undoable step.
#[derive(Clone, Debug)]
struct Step {
    label: String,
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
}

impl History {
    /// Records an applied edit by its inverse. If the last step has the same `key` and is
    /// not sealed (the same drag or the same burst of typing), the two merge: the older
    /// inverse already restores the state from before the gesture.
    pub fn record(&mut self, label: String, key: Option<String>, inverse: Edit) {
        self.redo.clear();
        if let (Some(top), Some(k)) = (self.undo.last_mut(), key.as_ref()) {
            if !top.sealed && top.key.as_ref() == Some(k) {
                return;
            }
        }
        if let Some(top) = self.undo.last_mut() {
            top.sealed = true;
        }
        self.undo.push(Step {
            label,
            key,
            sealed: false,
            inverse,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
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

    /// Takes the edit that undoes the last step.
    pub fn take_undo(&mut self) -> Option<(String, Edit)> {
        self.undo.pop().map(|s| (s.label, s.inverse))
    }

    /// Takes the edit that redoes the last undone step.
    pub fn take_redo(&mut self) -> Option<(String, Edit)> {
        self.redo.pop().map(|s| (s.label, s.inverse))
    }

    /// After undoing: remembers how to redo.
    pub fn push_redo(&mut self, label: String, edit: Edit) {
        self.redo.push(Step {
            label,
            key: None,
            sealed: true,
            inverse: edit,
        });
    }

    /// After redoing: remembers how to undo again, without clearing the redo stack.
    pub fn push_undo(&mut self, label: String, edit: Edit) {
        self.seal();
        self.undo.push(Step {
            label,
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
        assert_eq!(h.take_undo().map(|(_, x)| x), Some(e(1)));
        h.record("weight".into(), Some("w:a".into()), e(3));
        h.seal();
        h.record("weight".into(), Some("w:a".into()), e(4));
        assert_eq!(h.undo_len(), 2);
        // A different key is a new step, and any new step clears redo.
        h.push_redo("x".into(), e(9));
        h.record("name".into(), Some("n:a".into()), e(5));
        assert_eq!(h.undo_len(), 3);
        assert_eq!(h.redo_label(), None);
    }
}
