//! Everything without a mouse: the menus walked with Tab, the arrows, Enter and Escape
//! only, every command found in them; each dialog opened from the keyboard keeps the
//! keyboard inside it while open and lets it go with Escape.

mod common;

use concord::app::{Command, Dialog};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

use common::H;

fn harness() -> H {
    common::start(
        common::builder(egui::vec2(1280.0, 800.0)),
        common::options(None),
        concord::app::Prefs::default(),
    )
}

fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

/// The name of the widget that has the keyboard, if any.
fn focused(h: &H) -> Option<String> {
    h.query_all_by(|n| n.is_focused())
        .next()
        .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
}

/// Whether the widget with the keyboard is inside a dialog.
fn focus_in_dialog(h: &H) -> bool {
    let Some(n) = h.query_all_by(|n| n.is_focused()).next() else {
        return false;
    };
    let mut at = n.parent();
    while let Some(p) = at {
        if p.accesskit_node().role() == Role::Dialog {
            return true;
        }
        at = p.parent();
    }
    false
}

/// Opens the `nth` menu of the bar (0: File) from the keyboard: Tab to it, Enter.
fn open_menu(h: &mut H, nth: usize) {
    assert_eq!(focused(h), None, "start with nothing focused");
    for _ in 0..=nth {
        press(h, Key::Tab);
    }
    press(h, Key::Enter);
}

/// The entries of the open menu, top to bottom, as the down arrow reaches them (it wraps
/// round from the last to the first).
fn entries_by_arrow(h: &mut H) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for _ in 0..40 {
        press(h, Key::ArrowDown);
        match focused(h) {
            Some(l) if !seen.contains(&l) => seen.push(l),
            _ => break,
        }
    }
    seen
}

/// The greyed-out entries on screen: in the tree, but not for the keyboard.
fn greyed_out(h: &H) -> Vec<String> {
    h.query_all_by(|n| n.is_disabled() && n.role() == Role::Button)
        .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
        .collect()
}

/// Goes down the open menu to the entry `name` and opens its submenu with the right arrow.
fn into_submenu(h: &mut H, name: &str) {
    for _ in 0..40 {
        if focused(h).as_deref() == Some(name) {
            press(h, Key::ArrowRight);
            return;
        }
        press(h, Key::ArrowDown);
    }
    panic!("no entry {name} in the menu");
}

/// Closes every open menu with Escape.
fn close_menus(h: &mut H) {
    press(h, Key::Escape);
    if focused(h).is_some() {
        press(h, Key::Escape);
    }
}

#[test]
fn every_command_in_the_menus_is_reached_with_the_arrows() {
    let mut h = harness();
    let mut reached: Vec<String> = Vec::new();
    let mut greyed: Vec<String> = Vec::new();
    for nth in 0..4 {
        open_menu(&mut h, nth);
        greyed.extend(greyed_out(&h));
        reached.extend(entries_by_arrow(&mut h));
        close_menus(&mut h);
    }
    for (nth, sub) in [
        (0, "Class rounds"),
        (0, "Open bundled scenario"),
        (2, "Theme"),
    ] {
        open_menu(&mut h, nth);
        into_submenu(&mut h, sub);
        let first = focused(&h).expect("the submenu's first entry has the keyboard");
        reached.push(first);
        reached.extend(entries_by_arrow(&mut h));
        close_menus(&mut h);
    }
    // What a fresh document cannot do yet is greyed out: nothing to undo or redo, nothing
    // selected to delete, the zoom already at actual size.
    let is = |labels: &[String], c: Command| labels.iter().any(|r| r.starts_with(c.label()));
    let missing: Vec<&str> = Command::every()
        .filter(|&c| !is(&reached, c))
        .map(Command::label)
        .collect();
    assert_eq!(
        missing,
        ["Undo", "Redo", "Delete selection", "Actual size"],
        "reached: {reached:?}"
    );
    for c in [
        Command::Undo,
        Command::Redo,
        Command::DeleteSelection,
        Command::ZoomReset,
    ] {
        assert!(is(&greyed, c), "{} greyed out: {greyed:?}", c.label());
    }
    assert!(reached.iter().any(|r| r == "Blank template"), "{reached:?}");
    assert!(
        reached.iter().any(|r| r.starts_with("High contrast")),
        "{reached:?}"
    );
    // Enter on an entry does what a click does: About opens.
    open_menu(&mut h, 3);
    for _ in 0..10 {
        if focused(&h).is_some_and(|l| l.starts_with("About")) {
            break;
        }
        press(&mut h, Key::ArrowDown);
    }
    press(&mut h, Key::Enter);
    assert!(matches!(h.state().state.dialog(), Some(Dialog::About)));
}

/// Tabs round the open dialog: the keyboard never leaves it; returns what it reached.
fn tab_round(h: &mut H) -> Vec<String> {
    let mut reached = Vec::new();
    for _ in 0..12 {
        press(h, Key::Tab);
        assert!(
            focus_in_dialog(h),
            "the keyboard left the dialog for {:?}",
            focused(h)
        );
        let l = focused(h).unwrap_or_default();
        if !reached.contains(&l) {
            reached.push(l);
        }
    }
    reached
}

#[test]
fn every_dialog_keeps_the_keyboard_until_escape() {
    let mut h = harness();
    let title = h.state().state.scenario().title.clone();
    // From shortcuts.
    let shortcuts: [(Modifiers, Key, &str); 4] = [
        (Modifiers::COMMAND, Key::O, "Open"),
        (Modifiers::COMMAND | Modifiers::SHIFT, Key::S, "Save as"),
        (Modifiers::NONE, Key::F1, "the shortcuts"),
        (
            Modifiers::COMMAND | Modifiers::SHIFT,
            Key::E,
            "Export view as PNG",
        ),
    ];
    for (mods, key, what) in shortcuts {
        h.key_press_modifiers(mods, key);
        h.run();
        assert!(h.state().state.dialog().is_some(), "{what} opens a dialog");
        let reached = tab_round(&mut h);
        assert!(!reached.is_empty(), "{what}: {reached:?}");
        press(&mut h, Key::Escape);
        assert!(h.state().state.dialog().is_none(), "Escape closes {what}");
        // A second Escape may be needed to let go of the widget focused behind it.
        if focused(&h).is_some() {
            press(&mut h, Key::Escape);
        }
    }
    // From the menus: Hand out, Import table, About.
    for (nth, path, entry) in [
        (0, Some("Class rounds"), "Hand out for a class round…"),
        (0, None, "Import table…"),
        (3, None, "About Concord"),
    ] {
        open_menu(&mut h, nth);
        if let Some(sub) = path {
            into_submenu(&mut h, sub);
        }
        for _ in 0..40 {
            if focused(&h).is_some_and(|l| l.starts_with(entry)) {
                break;
            }
            press(&mut h, Key::ArrowDown);
        }
        press(&mut h, Key::Enter);
        assert!(h.state().state.dialog().is_some(), "{entry} opens a dialog");
        let reached = tab_round(&mut h);
        assert!(!reached.is_empty(), "{entry}: {reached:?}");
        press(&mut h, Key::Escape);
        assert!(h.state().state.dialog().is_none(), "Escape closes {entry}");
        if focused(&h).is_some() {
            press(&mut h, Key::Escape);
        }
    }
    // A change, then New: the question before losing it, answered by Escape (nothing lost).
    for _ in 0..5 {
        press(&mut h, Key::Tab);
    }
    assert_eq!(focused(&h).as_deref(), Some("Title"));
    press(&mut h, Key::End);
    h.key_press(Key::Exclamationmark);
    h.event(egui::Event::Text("!".into()));
    h.run();
    press(&mut h, Key::Escape);
    let changed = h.state().state.scenario().title.clone();
    assert_eq!(changed, format!("{title}!"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(matches!(
        h.state().state.dialog(),
        Some(Dialog::UnsavedChanges(_))
    ));
    let reached = tab_round(&mut h);
    assert!(reached.len() >= 3, "save, don't save, cancel: {reached:?}");
    press(&mut h, Key::Escape);
    assert!(h.state().state.dialog().is_none());
    assert_eq!(h.state().state.scenario().title, changed, "nothing lost");
}
