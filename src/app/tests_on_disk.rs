//! The document's file changed elsewhere, went missing, or is open in another window.

use crate::app::{DialogMsg, DocMsg, FileMsg};
use std::path::{Path, PathBuf};

use super::*;
use crate::io::save_path;

/// A window with `scenario` saved at `dir/lesson.ron` and opened from there.
fn opened(dir: &Path) -> (AppState, PathBuf) {
    crate::platform::run_jobs_inline(true);
    let path = dir.join("lesson.ron");
    save_path(&crate::seeds::default_scenario().unwrap(), &path).unwrap();
    let mut a = AppState::with_default_scenario();
    a.set_dialog_mode(DialogMode::PathField);
    a.open_path(&path);
    assert!(a.doc.disk().is_some(), "what was read is remembered");
    (a, path)
}

/// Another program saves the file: the first proposal renamed.
fn saved_elsewhere(path: &Path, name: &str) -> crate::model::Scenario {
    let mut other = crate::io::load_path(path).unwrap();
    other.proposals[0].name = name.into();
    save_path(&other, path).unwrap();
    other
}

fn weight(a: &mut AppState, k: usize, w: f64) {
    let mut c = a.scenario().criteria[k].clone();
    c.weight = w;
    a.update(Msg::Doc(DocMsg::Edit {
        label: "weight".into(),
        key: None,
        edit: Box::new(Edit::SetCriterion(k, c)),
    }));
}

#[test]
fn a_change_on_disk_is_noticed_and_a_touch_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = opened(dir.path());
    a.look_at_disk_now();
    assert_eq!(a.disk_notice(), None);
    // Touched (a sync client rewriting the same bytes): not a change.
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    a.look_at_disk_now();
    assert_eq!(a.disk_notice(), None);
    saved_elsewhere(&path, "Renamed elsewhere");
    a.look_at_disk_now();
    assert_eq!(a.disk_notice(), Some(DiskNotice::Changed));
    assert!(
        a.status().contains("Another program saved the file"),
        "{}",
        a.status()
    );
}

#[test]
fn reload_takes_the_file_and_undo_brings_back_mine() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = opened(dir.path());
    weight(&mut a, 0, 7.0);
    let mine = a.scenario().clone();
    let theirs = saved_elsewhere(&path, "Renamed elsewhere");
    a.look_at_disk_now();
    a.update(Msg::File(FileMsg::Disk(DiskAnswer::Reload)));
    assert_eq!(a.scenario(), &theirs);
    assert!(!a.doc.is_dirty(), "the window now holds what is on disk");
    assert_eq!(a.disk_notice(), None);
    a.update(Msg::Command(Command::Undo));
    assert_eq!(a.scenario(), &mine, "nothing of mine is lost");
    assert!(a.doc.is_dirty());
}

#[test]
fn keep_mine_leaves_the_document_unsaved_and_save_then_replaces_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = opened(dir.path());
    saved_elsewhere(&path, "Renamed elsewhere");
    a.look_at_disk_now();
    a.update(Msg::File(FileMsg::Disk(DiskAnswer::KeepMine)));
    assert_eq!(a.disk_notice(), None);
    assert!(a.doc.is_dirty(), "the window differs from the file now");
    a.update(Msg::Command(Command::Save));
    assert!(a.dialog.is_none(), "the user chose: no second question");
    assert_eq!(&crate::io::load_path(&path).unwrap(), a.scenario());
}

#[test]
fn compare_lists_what_differs_and_can_reload_from_there() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = opened(dir.path());
    weight(&mut a, 0, 7.0);
    let theirs = saved_elsewhere(&path, "Renamed elsewhere");
    a.look_at_disk_now();
    a.update(Msg::File(FileMsg::Disk(DiskAnswer::Compare)));
    let Some(Dialog::Compare(version)) = &a.dialog else {
        panic!("a comparison: {:?}", a.dialog);
    };
    let texts: Vec<&str> = version
        .differences
        .iter()
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[0].starts_with("Proposal “"), "{texts:?}");
    assert!(texts[0].contains("(was “Renamed elsewhere”)"), "{texts:?}");
    assert!(
        texts[1].contains("weight") && texts[1].ends_with("→ 7"),
        "{texts:?}"
    );
    a.update(Msg::File(FileMsg::Disk(DiskAnswer::Reload)));
    assert!(a.dialog.is_none());
    assert_eq!(a.scenario(), &theirs);
}

#[test]
fn save_never_silently_overwrites_a_newer_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = opened(dir.path());
    weight(&mut a, 0, 7.0);
    let theirs = saved_elsewhere(&path, "Renamed elsewhere");
    // Saved before the window looked: the save itself checks.
    a.update(Msg::Command(Command::Save));
    assert!(
        matches!(a.dialog, Some(Dialog::NewerOnDisk(_))),
        "{:?}",
        a.dialog
    );
    assert_eq!(
        crate::io::load_path(&path).unwrap(),
        theirs,
        "nothing written"
    );
    assert!(a.doc.is_dirty());
    // Cancel: still not written; Save again asks again.
    a.update(Msg::Dialog(DialogMsg::CloseDialog));
    a.update(Msg::Command(Command::Save));
    assert!(matches!(a.dialog, Some(Dialog::NewerOnDisk(_))));
    a.update(Msg::File(FileMsg::Disk(DiskAnswer::Overwrite)));
    assert!(a.dialog.is_none());
    assert!(!a.doc.is_dirty());
    assert_eq!(&crate::io::load_path(&path).unwrap(), a.scenario());
    // The window's own save is not a change on disk.
    a.look_at_disk_now();
    assert_eq!(a.disk_notice(), None);
}

#[test]
fn quitting_does_not_overwrite_a_newer_file_either() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = opened(dir.path());
    weight(&mut a, 0, 7.0);
    let theirs = saved_elsewhere(&path, "Renamed elsewhere");
    a.update(Msg::Command(Command::Quit));
    a.update(Msg::File(FileMsg::AnswerUnsaved(Some(true))));
    assert!(matches!(a.dialog, Some(Dialog::NewerOnDisk(_))));
    assert!(!a.take_effects().close, "not closed with the work unsaved");
    // Cancelling the save cancels the quit.
    a.update(Msg::Dialog(DialogMsg::CloseDialog));
    a.update(Msg::Command(Command::Save));
    a.update(Msg::File(FileMsg::Disk(DiskAnswer::Overwrite)));
    assert!(
        !a.take_effects().close,
        "the quit was cancelled with the save"
    );
    assert_ne!(crate::io::load_path(&path).unwrap(), theirs);
}

#[test]
fn a_missing_file_is_noticed_and_can_be_written_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = opened(dir.path());
    std::fs::remove_file(&path).unwrap();
    a.look_at_disk_now();
    assert_eq!(a.disk_notice(), Some(DiskNotice::Missing));
    a.update(Msg::File(FileMsg::Disk(DiskAnswer::SaveAgain)));
    assert_eq!(a.disk_notice(), None);
    assert_eq!(&crate::io::load_path(&path).unwrap(), a.scenario());
}

#[test]
fn a_file_that_no_longer_loads_is_not_reloaded_over_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = opened(dir.path());
    let before = a.scenario().clone();
    std::fs::write(&path, "Scenario(format: 1, title: \"half a fi").unwrap();
    a.look_at_disk_now();
    assert_eq!(a.disk_notice(), Some(DiskNotice::Changed));
    a.update(Msg::File(FileMsg::Disk(DiskAnswer::Reload)));
    assert!(matches!(a.dialog, Some(Dialog::LoadFailed(_))));
    assert_eq!(a.scenario(), &before);
}

#[test]
fn two_windows_on_one_file_see_each_other_and_a_closed_one_goes() {
    let dir = tempfile::tempdir().unwrap();
    let locks = dir.path().join("data").join("open");
    let (mut a, path) = opened(dir.path());
    a.use_locks_in(locks.clone());
    let mut b = AppState::with_default_scenario();
    b.use_locks_in(locks.clone());
    b.open_path(&path);
    a.look_at_disk_now();
    b.look_at_disk_now();
    assert_eq!(a.also_open_elsewhere(), 1);
    assert_eq!(b.also_open_elsewhere(), 1);
    b.update(Msg::File(FileMsg::Disk(DiskAnswer::Dismiss)));
    assert_eq!(b.also_open_elsewhere(), 0, "dismissed");
    // Another file in b: a is alone again.
    b.update(Msg::File(FileMsg::Request(Pending::New(
        crate::seeds::BLANK,
    ))));
    a.look_at_disk_now();
    assert_eq!(a.also_open_elsewhere(), 0);
    // A window that ends (however it ends) lets go of its lock.
    let mut c = AppState::with_default_scenario();
    c.use_locks_in(locks.clone());
    c.open_path(&path);
    a.look_at_disk_now();
    assert_eq!(a.also_open_elsewhere(), 1);
    drop(c);
    a.look_at_disk_now();
    assert_eq!(a.also_open_elsewhere(), 0);
    // The locks are in the data folder, none beside the document.
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".lock"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}
