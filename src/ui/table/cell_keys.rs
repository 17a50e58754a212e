//! The keyboard on a focused cell: a level's number or first letter, Y or N, a number typed
//! and ended with Enter, Enter for the rationale, Escape to abandon a number. (Delete, which
//! clears the cell, is a command; Tab and the arrows move the focus.)

use egui::{Event, Key, Ui};

use super::action::Action;
use crate::app::cell_keys::{is_number_char, parse_typed_number, typed_value};
use crate::app::{AppState, Edit};
use crate::model::{Score, ScoreValue};
use crate::ui::TypedNumber;

/// The rationale field of the inspector, which Enter on a cell gives the keyboard to.
pub fn rationale_id() -> egui::Id {
    egui::Id::unique("concord-cell-rationale")
}

/// Reads the keys typed on the focused cell (k, p).
pub(super) fn keys_ui(
    ui: &mut Ui,
    state: &AppState,
    k: usize,
    p: usize,
    typing: Option<&TypedNumber>,
    actions: &mut Vec<Action>,
) {
    let s = state.scenario();
    let (c, proposal) = (&s.criteria[k], &s.proposals[p]);
    let cell = (c.id.clone(), proposal.id.clone());
    let current = state.eval().score(s, k, p).and_then(|sc| sc.value);
    let typed: Vec<char> = ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.chars().collect::<Vec<_>>()),
                _ => None,
            })
            .flatten()
            .collect()
    });
    let (enter, escape, backspace) = ui.input(|i| {
        (
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::Escape),
            i.key_pressed(Key::Backspace),
        )
    });
    if c.scale.is_numeric() {
        let mut text = typing.map(|t| t.text.clone()).unwrap_or_default();
        let before = text.clone();
        text.extend(typed.iter().filter(|ch| is_number_char(**ch)));
        if backspace {
            text.pop();
        }
        if escape {
            actions.push(Action::Typing(None));
            return;
        }
        if enter && !text.is_empty() {
            set(state, k, p, parse_typed_number(&c.scale, &text), actions);
            actions.push(Action::Typing(None));
            return;
        }
        if text != before {
            let next = (!text.is_empty()).then_some(TypedNumber { cell, text });
            actions.push(Action::Typing(next));
            return;
        }
    } else if let Some(v) = typed
        .iter()
        .rev()
        .find_map(|ch| typed_value(&c.scale, *ch, current))
    {
        set(state, k, p, Some(v), actions);
        return;
    }
    if enter && typing.is_none() {
        ui.memory_mut(|m| m.request_focus(rationale_id()));
    }
}

/// Ends a number typed on a cell the keyboard has left: it is kept, as after Enter.
pub(super) fn commit(
    state: &AppState,
    k: usize,
    p: usize,
    typing: Option<&TypedNumber>,
    actions: &mut Vec<Action>,
) {
    if let Some(t) = typing {
        let scale = &state.scenario().criteria[k].scale;
        set(state, k, p, parse_typed_number(scale, &t.text), actions);
    }
    actions.push(Action::Typing(None));
}

/// Sends the cell's new value (nothing when `value` is none: not a number).
fn set(state: &AppState, k: usize, p: usize, value: Option<ScoreValue>, actions: &mut Vec<Action>) {
    let Some(value) = value else {
        return;
    };
    let s = state.scenario();
    let (c, proposal) = (&s.criteria[k], &s.proposals[p]);
    let mut score = state
        .eval()
        .score(s, k, p)
        .cloned()
        .unwrap_or_else(|| Score {
            criterion: c.id.clone(),
            proposal: proposal.id.clone(),
            ..Score::default()
        });
    if score.value == Some(value) {
        return;
    }
    score.set_value(Some(value));
    actions.push(Action::Edit(
        format!("score of {} on {}", proposal.label(), c.name),
        None,
        Box::new(Edit::SetScore(
            c.id.clone(),
            proposal.id.clone(),
            Some(score),
        )),
    ));
}

/// The cell Tab, Shift+Tab or an arrow moves to from the focused cell (k, p), if any:
/// across the proposals, then on to the next row (`order`: the criteria as the rows show
/// them).
pub(super) fn moved(
    ui: &Ui,
    state: &AppState,
    order: &[usize],
    (k, p): (usize, usize),
) -> Option<(String, String)> {
    let s = state.scenario();
    // Across the proposals the search and filter show, in their order.
    let columns = state.shown_proposals();
    let n = columns.len();
    let row = order.iter().position(|&x| x == k)?;
    let p = columns.iter().position(|&x| x == p)?;
    let (tab, back, up, down, left, right) = ui.input(|i| {
        (
            i.key_pressed(Key::Tab) && !i.modifiers.shift,
            i.key_pressed(Key::Tab) && i.modifiers.shift,
            i.key_pressed(Key::ArrowUp),
            i.key_pressed(Key::ArrowDown),
            i.key_pressed(Key::ArrowLeft),
            i.key_pressed(Key::ArrowRight),
        )
    });
    let flat = row * n + p;
    let to = if tab || right {
        (flat + 1 < order.len() * n).then_some(flat + 1)
    } else if back || left {
        flat.checked_sub(1)
    } else if down {
        (row + 1 < order.len()).then_some(flat + n)
    } else if up {
        row.checked_sub(1).map(|_| flat - n)
    } else {
        None
    }?;
    let (r, q) = (to / n, to % n);
    Some((
        s.criteria[order[r]].id.clone(),
        s.proposals[columns[q]].id.clone(),
    ))
}
