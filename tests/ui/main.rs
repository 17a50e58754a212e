//! The comparison window driven as a user would: find widgets by label, click, type, press
//! keys; then assert on the state and on the files written.

#[path = "../common/mod.rs"]
mod common;

mod analysis;
mod cards;
mod files;
mod inspector;
mod table;

use concord::app::DocMsg;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

use concord::app::{Dialog, Selection};
use concord::io::load_path;
use concord::model::ScoreValue;

use common::{
    activate, choose, click, click_role, ctrl, ctrl_shift, press, retype, type_keys, type_lines, H,
};

pub(crate) fn harness() -> H {
    common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(None),
        concord::app::Prefs::default(),
    )
}

pub(crate) fn total_of(h: &H, proposal: &str) -> Option<f64> {
    let s = &h.state().state;
    let i = s.scenario().proposal_index(proposal).unwrap();
    s.eval().standings[i].total
}

pub(crate) fn rank_of(h: &H, proposal: &str) -> Option<usize> {
    let s = &h.state().state;
    let i = s.scenario().proposal_index(proposal).unwrap();
    s.eval().standings[i].rank
}

/// Drags the widget labelled `from` onto the one labelled `to`, in steps as a hand does, so
/// egui sees a drag and not a click.
pub(crate) fn drag(h: &mut H, from: &str, to: &str) {
    let (from, to) = (
        h.get_by_label(from).rect().center(),
        h.get_by_label(to).rect().center(),
    );
    h.drag_at(from);
    h.run();
    for i in 1..=5 {
        h.hover_at(from + (to - from) * (i as f32 / 5.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
}

/// The cell of proposal `p` on criterion `c`, which must exist.
pub(crate) fn cell(h: &H, c: &str, p: &str) -> concord::model::Score {
    h.state()
        .state
        .scenario()
        .score(c, p)
        .expect("the cell exists")
        .clone()
}

/// Replaces the text of a field found by role and label.
pub(crate) fn type_into(h: &mut H, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// Opens a copy of the valid test file, saved as `name` in `dir`; returns its path.
pub(crate) fn open_a_copy(h: &mut H, dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::copy("tests/data/valid.ron", &path).unwrap();
    h.state_mut().state.open_path(&path);
    h.run();
    path
}

/// The lesson with one unsaved edit (API scored Strong on the blockade), and the scenario
/// as it stands after it.
pub(crate) fn harness_with_an_edit() -> (H, concord::model::Scenario) {
    let mut h = harness();
    click(&mut h, "API × Ends the Gaza blockade");
    click(&mut h, "Strong");
    let edited = h.state().state.scenario().clone();
    (h, edited)
}

/// True when `dir` holds a session's recovery copy (not one set aside as unreadable).
pub(crate) fn has_recovery_copy(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).unwrap().any(|e| {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        name.starts_with("recovery-") && name.ends_with(".ron") && !name.contains("unreadable")
    })
}

pub(crate) fn harness_with_recovery(dir: &std::path::Path) -> H {
    common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        common::options(Some(dir.to_owned())),
        concord::app::Prefs::default(),
    )
}

pub(crate) fn cell_value(h: &H, c: &str, p: &str) -> Option<ScoreValue> {
    h.state().state.scenario().score(c, p).and_then(|s| s.value)
}

pub(crate) fn selected(h: &H) -> Selection {
    h.state().state.selection().clone()
}
