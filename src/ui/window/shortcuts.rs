//! The keyboard: which keys run which command, and the presentation's keys. Taken before
//! any widget sees them, so Ctrl+Z is our undo even while a text field has the focus.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::{AppState, Command, Msg, Outbox, PresentCommand};

/// The main shortcut.
pub fn shortcut(command: Command) -> Option<KeyboardShortcut> {
    let cmd = Modifiers::COMMAND;
    let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
    Some(match command {
        Command::New => KeyboardShortcut::new(cmd, Key::N),
        Command::Open => KeyboardShortcut::new(cmd, Key::O),
        Command::Save => KeyboardShortcut::new(cmd, Key::S),
        Command::SaveAs => KeyboardShortcut::new(cmd_shift, Key::S),
        // A page cannot close its tab: no Quit in a browser (the menu leaves it out too).
        Command::Quit if crate::ui::host::IN_BROWSER => return None,
        Command::Quit => KeyboardShortcut::new(cmd, Key::Q),
        Command::Undo => KeyboardShortcut::new(cmd, Key::Z),
        Command::Redo => KeyboardShortcut::new(cmd_shift, Key::Z),
        Command::AddProposal => KeyboardShortcut::new(cmd_shift, Key::P),
        Command::AddCriterion => KeyboardShortcut::new(cmd_shift, Key::C),
        Command::DeleteSelection => KeyboardShortcut::new(Modifiers::NONE, Key::Delete),
        Command::ToggleInspector => KeyboardShortcut::new(Modifiers::NONE, Key::F4),
        Command::ShowShortcuts => KeyboardShortcut::new(Modifiers::NONE, Key::F1),
        Command::Present => KeyboardShortcut::new(Modifiers::NONE, Key::F5),
        Command::ZoomIn => KeyboardShortcut::new(cmd, Key::Plus),
        Command::ZoomOut => KeyboardShortcut::new(cmd, Key::Minus),
        Command::ZoomReset => KeyboardShortcut::new(cmd, Key::Num0),
        Command::Export(crate::io::formats::Format::Png) => {
            KeyboardShortcut::new(cmd_shift, Key::E)
        }
        Command::Export(_) => return None,
        Command::WhyRanking => KeyboardShortcut::new(Modifiers::NONE, Key::F6),
        Command::EveryoneAtOnce => KeyboardShortcut::new(Modifiers::NONE, Key::F7),
        Command::ClassRound => KeyboardShortcut::new(Modifiers::NONE, Key::F8),
        Command::AddStudents
        | Command::HandOut
        | Command::StartLiveRound
        | Command::CompareWithFile
        | Command::ImportTable => return None,
    })
}

/// Further shortcuts that do the same (Ctrl+Y for Redo).
pub fn alternative_shortcut(command: Command) -> Option<KeyboardShortcut> {
    match command {
        Command::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
        // On most keyboards "+" is Shift+"="; accept Ctrl+"=" too.
        Command::ZoomIn => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals)),
        _ => None,
    }
}

/// In a browser, whether a key pressed (its name, as the page's `KeyboardEvent.key` gives
/// it, and the modifiers held) is a Concord shortcut the browser would also act on and must
/// be kept from: the function keys (F5 would reload the page, F6 move to the address bar)
/// and Ctrl+F (the browser's own search). Other shortcuts the browser either leaves alone
/// or keeps for itself whatever a page does (Ctrl+N, Ctrl+W).
pub fn taken_from_the_browser(key: &str, command: bool, shift: bool, alt: bool) -> bool {
    let Some(key) = Key::from_name(key) else {
        return false;
    };
    let function_key = matches!(
        key,
        Key::F1
            | Key::F2
            | Key::F3
            | Key::F4
            | Key::F5
            | Key::F6
            | Key::F7
            | Key::F8
            | Key::F9
            | Key::F10
            | Key::F11
            | Key::F12
    );
    let find = command && key == Key::F;
    if !(function_key || find) {
        return false;
    }
    Command::every()
        .flat_map(|c| [shortcut(c), alternative_shortcut(c)])
        .flatten()
        .chain([crate::ui::cards::browse::FIND])
        .any(|s| {
            s.logical_key == key
                && s.modifiers.command == command
                && s.modifiers.shift == shift
                && s.modifiers.alt == alt
        })
}

/// Shortcuts with more modifiers first, so Ctrl+Shift+S is not taken for Ctrl+S.
pub fn by_specificity() -> Vec<Command> {
    let mut all: Vec<Command> = Command::every().collect();
    all.sort_by_key(|c| {
        std::cmp::Reverse(shortcut(*c).map_or(0, |s| {
            u8::from(s.modifiers.shift) + u8::from(s.modifiers.alt) + u8::from(s.modifiers.command)
        }))
    });
    all
}

/// Sends the commands whose shortcuts were pressed this frame.
pub fn commands_ui(ctx: &egui::Context, state: &AppState, out: &mut Outbox) {
    // While a text field has the keyboard, Delete deletes a character (on a focused cell
    // it clears the cell).
    let typing = ctx.text_edit_focused();
    for command in by_specificity() {
        if typing && command == Command::DeleteSelection {
            continue;
        }
        // A key that would do nothing now is left to the widgets. While the quick-weights
        // window is open, keys do not edit either: it shows the weights it started from.
        let blocked = ((state.dialog().is_some() || state.quick().is_some())
            && !command.runs_over_dialog())
            || (state.presenter().is_some() && !command.runs_while_presenting());
        if blocked {
            continue;
        }
        let pressed = ctx.input_mut(|i| {
            shortcut(command).is_some_and(|s| i.consume_shortcut(&s))
                || alternative_shortcut(command).is_some_and(|s| i.consume_shortcut(&s))
        });
        if pressed {
            out.send(Msg::Command(command));
        }
    }
}

/// Sends the presentation steps whose keys were pressed this frame.
pub fn presentation_keys(ctx: &egui::Context, state: &AppState, out: &mut Outbox) {
    let Some(p) = state.presenter() else {
        return;
    };
    ctx.input_mut(|i| {
        if p.blank {
            // Any key brings the picture back.
            let any = i
                .events
                .iter()
                .any(|e| matches!(e, egui::Event::Key { pressed: true, .. }));
            if any {
                i.events.retain(|e| !matches!(e, egui::Event::Key { .. }));
                out.send(Msg::Present(PresentCommand::Unblank));
            }
            return;
        }
        for (key, command) in PRESENT_KEYS {
            if i.consume_key(Modifiers::NONE, key) {
                out.send(Msg::Present(command));
            }
        }
        for (d, key) in DIGITS.into_iter().enumerate() {
            if i.consume_key(Modifiers::NONE, key) {
                out.send(Msg::Present(PresentCommand::Spotlight(d)));
            }
        }
    });
}

/// The presentation's keys (the digits 1–9 spotlight a proposal).
const PRESENT_KEYS: [(Key, PresentCommand); 11] = [
    (Key::Escape, PresentCommand::Back),
    (Key::ArrowRight, PresentCommand::Next),
    (Key::Space, PresentCommand::Next),
    (Key::PageDown, PresentCommand::Next),
    (Key::ArrowLeft, PresentCommand::Previous),
    (Key::PageUp, PresentCommand::Previous),
    (Key::Home, PresentCommand::First),
    (Key::End, PresentCommand::Last),
    (Key::G, PresentCommand::ToggleList),
    (Key::B, PresentCommand::Blank),
    (Key::Num0, PresentCommand::ClearSpotlight),
];

const DIGITS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

#[cfg(test)]
mod tests {
    use super::taken_from_the_browser;

    #[test]
    fn in_a_browser_concords_function_keys_and_find_are_kept_from_the_browser() {
        // F5 presents (the browser would reload), F6 explains the ranking (the browser
        // would move to the address bar), Ctrl+F finds proposals.
        assert!(taken_from_the_browser("F5", false, false, false));
        assert!(taken_from_the_browser("F6", false, false, false));
        assert!(taken_from_the_browser("F1", false, false, false));
        assert!(taken_from_the_browser("f", true, false, false));
        assert!(taken_from_the_browser("F", true, false, false));
        // Not Concord's: the browser keeps them.
        assert!(!taken_from_the_browser("F5", true, false, false), "Ctrl+F5");
        assert!(
            !taken_from_the_browser("F12", false, false, false),
            "developer tools"
        );
        assert!(!taken_from_the_browser("c", true, false, false), "copy");
        assert!(!taken_from_the_browser("a", false, false, false));
        assert!(!taken_from_the_browser("Unidentified", false, false, false));
    }
}
