//! Starting the app for the window tests, and the hand that drives it (click, type key by
//! key, press), the same way in every test file. Not every test file uses every helper.

#![allow(dead_code)]

use concord::app::Prefs;
use concord::ui::{ConcordApp, StartOptions};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::{Harness, HarnessBuilder};

/// The window under test.
pub type H = Harness<'static, ConcordApp>;

/// The builder every window test starts from: the given size, and enough steps per run for
/// dialogs to fade in.
pub fn builder(size: egui::Vec2) -> HarnessBuilder<ConcordApp> {
    Harness::builder().with_size(size).with_max_steps(16)
}

/// Start options for tests: a path field instead of native dialogs, optional recovery.
pub fn options(recovery_dir: Option<std::path::PathBuf>) -> StartOptions {
    StartOptions {
        path_field_dialogs: true,
        recovery_dir,
        ..StartOptions::default()
    }
}

/// Starts the app from `builder` and runs it until it settles. Background jobs (recovery
/// copies, rank acceptability) run inline, so what a test sees never depends on timing.
pub fn start(
    builder: HarnessBuilder<ConcordApp>,
    options: StartOptions,
    prefs: Prefs,
) -> Harness<'static, ConcordApp> {
    concord::platform::run_jobs_inline(true);
    let mut h = builder.build_eframe(move |cc| ConcordApp::new(&cc.egui_ctx, options, prefs));
    h.run();
    h
}

/// Presses Ctrl (Cmd on macOS) with `key`, then lets the frame run.
pub fn ctrl(h: &mut H, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, key);
    h.run();
}

/// Presses Ctrl+Shift with `key`, then lets the frame run.
pub fn ctrl_shift(h: &mut H, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, key);
    h.run();
}

/// Moves the pointer onto the widget first, as a hand does, so that a tooltip left open
/// by the previous click has closed before the button goes down.
pub fn click(h: &mut H, label: &str) {
    node(h, label).hover();
    h.run();
    node(h, label).click();
    h.run();
}

/// The widget labelled `label`; for a table cell, the proposal and criterion are enough
/// ("API × Ends the Gaza blockade" finds the cell whose spoken name goes on
/// " — Weak; the lesson's score").
pub fn node<'a>(h: &'a H, label: &'a str) -> egui_kittest::Node<'a> {
    if let Some(n) = h.query_by_label(label) {
        return n;
    }
    let prefix = format!("{label} — ");
    h.get_by(move |n| n.label().is_some_and(|l| l.starts_with(&prefix)))
}

/// The spoken name of the table cell of `proposal × criterion` (the label a screen reader
/// hears).
pub fn cell_name(h: &H, cell: &str) -> String {
    node(h, cell)
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .to_owned()
}

/// Gives the widget labelled `label` the keyboard and presses Enter: how a person reaches
/// a button below the fold of a panel.
pub fn activate(h: &mut H, label: &str) {
    node(h, label).focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// Types `text` into the focused field one character at a time, a frame after each, as a
/// person types.
pub fn type_keys(h: &mut H, text: &str) {
    for c in text.chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.run();
}

/// Replaces the text of the one-line field `label` by typing, key by key.
pub fn retype(h: &mut H, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.key_press(Key::Backspace);
    h.run();
    type_keys(h, text);
}

/// Presses `key`, then lets the frame run.
pub fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

/// Clicks the widget of `role` labelled `label`, the pointer moving onto it first.
pub fn click_role(h: &mut H, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).hover();
    h.run();
    h.get_by_role_and_label(role, label).click();
    h.run();
}

/// Opens the combo box labelled `combo` and chooses `option` in its list (a label of the
/// same text elsewhere, in the inspector say, is passed over).
pub fn choose(h: &mut H, combo: &str, option: &str) {
    click_role(h, Role::ComboBox, combo);
    for pointer in [false, true] {
        let entry = h
            .get_all_by_label(option)
            .find(|n| n.accesskit_node().role() != Role::Label)
            .expect("the list entry");
        if pointer {
            entry.click();
        } else {
            entry.hover();
        }
        h.run();
    }
}

/// Focuses the field `label` (a text input), selects all its text, and types `lines` one
/// key at a time, pressing Enter between them.
pub fn type_lines(h: &mut H, label: &str, lines: &[&str]) {
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            h.key_press(Key::Enter);
            h.run();
        }
        type_keys(h, line);
    }
}

/// Why the screen shown does not fit the window, if it does not: a label outside it, or a
/// scroll bar (a presentation never scrolls).
pub fn misfit(h: &H) -> Option<String> {
    let window = h.ctx.content_rect();
    for node in h.query_all_by_role(Role::Label) {
        let r = node.rect();
        if !window.contains_rect(r) {
            return Some(format!(
                "{:?} at {r:?} is outside {window:?}",
                node.accesskit_node().value().unwrap_or_default()
            ));
        }
    }
    h.query_all_by_role(Role::ScrollBar)
        .next()
        .map(|_| "a scroll bar".to_owned())
}
