//! The open file changed on disk, driven through the window: the bar says so, Compare
//! lists the differences, Reload takes the file (Undo brings back the window's version),
//! and Save asks before replacing a file saved elsewhere.

mod common;

use std::path::{Path, PathBuf};

use concord::io::{load_path, save_path};
use concord::ui::StartOptions;

use common::{click, ctrl, H};
use egui_kittest::kittest::Queryable;

/// The window on `dir/lesson.ron` (the built-in lesson saved there), with its data folder.
fn opened(dir: &Path) -> (H, PathBuf) {
    let path = dir.join("lesson.ron");
    save_path(&concord::seeds::default_scenario().unwrap(), &path).unwrap();
    let options = StartOptions {
        file: Some(path.clone()),
        ..common::options(Some(dir.join("data")))
    };
    let h = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        options,
        concord::app::Prefs::default(),
    );
    (h, path)
}

/// Another program renames the first proposal in the file.
fn saved_elsewhere(path: &Path) {
    let mut other = load_path(path).unwrap();
    other.proposals[0].name = "Renamed elsewhere".into();
    save_path(&other, path).unwrap();
}

/// The user comes back to the window from the program that changed the file.
fn come_back(h: &mut H) {
    h.event(egui::Event::WindowFocused(true));
    h.run();
}

#[test]
fn the_bar_says_the_file_changed_and_reload_takes_it_undoably() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = opened(dir.path());
    let mine = h.state().state.scenario().proposals[0].name.clone();
    saved_elsewhere(&path);
    come_back(&mut h);
    h.get_by_label_contains("lesson.ron changed on disk");

    click(&mut h, "Compare");
    h.get_by_label_contains("One difference");
    h.get_by_label_contains("(was “Renamed elsewhere”)");
    click(&mut h, "Reload from disk");
    assert!(
        h.query_by_label_contains("changed on disk").is_none(),
        "the bar is gone"
    );
    let s = &h.state().state;
    assert_eq!(s.scenario().proposals[0].name, "Renamed elsewhere");
    assert!(!s.doc().is_dirty());

    ctrl(&mut h, egui::Key::Z);
    assert_eq!(
        h.state().state.scenario().proposals[0].name,
        mine,
        "mine is back"
    );
}

#[test]
fn keep_mine_then_save_replaces_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = opened(dir.path());
    saved_elsewhere(&path);
    come_back(&mut h);
    click(&mut h, "Keep mine");
    assert!(h.state().state.doc().is_dirty());
    ctrl(&mut h, egui::Key::S);
    assert!(h.state().state.dialog().is_none());
    assert_eq!(&load_path(&path).unwrap(), h.state().state.scenario());
}

#[test]
fn save_asks_before_replacing_a_file_saved_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = opened(dir.path());
    click(&mut h, "Aqaba+ × Ends the Gaza blockade");
    click(&mut h, "Strong");
    saved_elsewhere(&path);
    let theirs = std::fs::read(&path).unwrap();
    // Saved before the window looked again: the save itself finds out.
    ctrl(&mut h, egui::Key::S);
    assert!(
        matches!(
            h.state().state.dialog(),
            Some(concord::app::Dialog::NewerOnDisk(_))
        ),
        "asked first"
    );
    assert_eq!(std::fs::read(&path).unwrap(), theirs, "nothing written yet");
    click(&mut h, "Overwrite");
    let s = &h.state().state;
    assert!(!s.doc().is_dirty());
    assert_eq!(&load_path(&path).unwrap(), s.scenario());
}

#[test]
fn a_second_window_on_the_same_file_is_told_and_tells() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, path) = opened(dir.path());
    let options = StartOptions {
        file: Some(path.clone()),
        ..common::options(Some(dir.path().join("data")))
    };
    let mut second = common::start(
        common::builder(egui::vec2(1600.0, 1000.0)),
        options,
        concord::app::Prefs::default(),
    );
    come_back(&mut second);
    second.get_by_label_contains("is also open in another Concord window");
    come_back(&mut first);
    first.get_by_label_contains("is also open in another Concord window");
    click(&mut second, "OK");
    assert!(second.query_by_label_contains("also open").is_none());
    drop(second);
    come_back(&mut first);
    assert!(
        first.query_by_label_contains("also open").is_none(),
        "the other closed"
    );
}
