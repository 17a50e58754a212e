//! The app without a window: messages in, state out.

use crate::app::{AnalysisMsg, DialogMsg, DocMsg, FileMsg, SelectMsg};
use std::path::Path;

use super::*;
use crate::io::formats::Format;
use crate::model::ScoreValue;

fn app() -> AppState {
    crate::platform::run_jobs_inline(true);
    let mut a = AppState::with_default_scenario();
    a.files.dialog_mode = DialogMode::PathField;
    a
}

fn native() -> AppState {
    crate::platform::run_jobs_inline(true);
    AppState::with_default_scenario()
}

/// A weight change, as the table sends it.
fn weight(a: &AppState, k: usize, w: f64) -> Msg {
    let mut c = a.scenario().criteria[k].clone();
    c.weight = w;
    Msg::Doc(DocMsg::Edit {
        label: "weight".into(),
        key: None,
        edit: Box::new(Edit::SetCriterion(k, c)),
    })
}

fn type_path(a: &mut AppState, path: &Path) {
    a.update(Msg::Dialog(DialogMsg::PathText(path.display().to_string())));
    a.update(Msg::Dialog(DialogMsg::ConfirmPath));
}

#[test]
fn dirty_follows_undo_redo_and_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app();
    assert!(!a.doc.is_dirty());
    a.update(weight(&a, 0, 3.0));
    assert!(a.doc.is_dirty());
    a.update(Msg::Command(Command::Undo));
    assert!(!a.doc.is_dirty(), "undo back to the opened state");
    a.update(Msg::Command(Command::Redo));
    assert!(a.doc.is_dirty());
    a.update(Msg::Command(Command::Save));
    type_path(&mut a, &dir.path().join("a.ron"));
    assert!(!a.doc.is_dirty(), "saved");
    a.update(Msg::Command(Command::Undo));
    assert!(a.doc.is_dirty(), "undo past the save");
    a.update(Msg::Command(Command::Redo));
    assert!(!a.doc.is_dirty(), "redo back to the saved state");
    a.update(weight(&a, 1, 2.0));
    a.update(Msg::Command(Command::Save));
    assert!(
        !a.doc.is_dirty(),
        "Save writes to the known file without asking"
    );
    assert_eq!(
        crate::io::load_path(&dir.path().join("a.ron"))
            .unwrap()
            .criteria[1]
            .weight,
        2.0
    );
}

#[test]
fn unsaved_changes_save_as_then_carry_on_with_a_path_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.ron");
    let mut a = app();
    a.update(weight(&a, 0, 4.0));
    let old = a.doc.id();
    a.update(Msg::File(FileMsg::Request(Pending::New(
        crate::seeds::BLANK,
    ))));
    assert!(matches!(a.dialog, Some(Dialog::UnsavedChanges(_))));
    a.update(Msg::File(FileMsg::AnswerUnsaved(Some(true))));
    assert!(matches!(
        a.dialog,
        Some(Dialog::PathEntry {
            purpose: FilePurpose::SaveAs,
            ..
        })
    ));
    type_path(&mut a, &path);
    assert_eq!(crate::io::load_path(&path).unwrap().criteria[0].weight, 4.0);
    assert_ne!(a.doc.id(), old, "then the new document opened");
    let blank = crate::seeds::BUNDLED[crate::seeds::BLANK].load().unwrap();
    assert_eq!(a.scenario(), &blank);
    assert!(!a.doc.is_dirty());
}

#[test]
fn unsaved_changes_save_as_then_carry_on_with_native_dialogs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.ron");
    let mut a = native();
    a.update(weight(&a, 0, 4.0));
    a.update(Msg::File(FileMsg::Request(Pending::Quit)));
    a.update(Msg::File(FileMsg::AnswerUnsaved(Some(true))));
    assert_eq!(a.take_effects().native_request, Some(FilePurpose::SaveAs));
    assert!(!a.take_effects().close, "not before the save");
    a.update(Msg::File(FileMsg::DialogAnswered(DialogAnswer::Chosen(
        FilePurpose::SaveAs,
        path.clone(),
    ))));
    assert!(path.exists());
    assert!(a.take_effects().close, "closes once saved");
}

#[test]
fn unsaved_changes_cancel_and_discard() {
    for mut a in [app(), native()] {
        a.update(weight(&a, 0, 4.0));
        let id = a.doc.id();
        a.update(Msg::File(FileMsg::Request(Pending::New(1))));
        a.update(Msg::File(FileMsg::AnswerUnsaved(None)));
        assert_eq!(a.doc.id(), id, "cancel keeps the document");
        assert!(a.doc.is_dirty());
        // Save, then cancel the Save As: nothing else happens either.
        a.update(Msg::File(FileMsg::Request(Pending::New(1))));
        a.update(Msg::File(FileMsg::AnswerUnsaved(Some(true))));
        match a.files.dialog_mode {
            DialogMode::PathField => a.update(Msg::Dialog(DialogMsg::CloseDialog)),
            DialogMode::Native => {
                a.update(Msg::File(FileMsg::DialogAnswered(DialogAnswer::Cancelled)))
            }
        }
        assert_eq!(a.doc.id(), id);
        assert_eq!(a.status, "Cancelled");
        a.update(Msg::File(FileMsg::Request(Pending::New(1))));
        a.update(Msg::File(FileMsg::AnswerUnsaved(Some(false))));
        assert_ne!(a.doc.id(), id, "don't save: the other lesson opens");
        assert!(!a.doc.is_dirty());
    }
}

#[test]
fn deletes_of_each_selection_kind() {
    let mut a = app();
    a.update(Msg::Command(Command::DeleteSelection));
    assert!(a.status.contains("Select"), "{}", a.status);
    a.update(Msg::Selection(SelectMsg::Select(Selection::Proposal(
        "abraham".into(),
    ))));
    a.update(Msg::Command(Command::DeleteSelection));
    assert!(a.scenario().proposal_index("abraham").is_none());
    assert_eq!(a.selecting.selection, Selection::Scenario);
    a.update(Msg::Selection(SelectMsg::Select(Selection::Criterion(
        "blockade".into(),
    ))));
    a.update(Msg::Command(Command::DeleteSelection));
    assert!(a.scenario().criterion_index("blockade").is_none());
    assert!(crate::io::validate(a.scenario()).is_empty());
    let cell = Selection::Cell("refugees".into(), "api".into());
    a.update(Msg::Selection(SelectMsg::Select(cell)));
    a.update(Msg::Command(Command::DeleteSelection));
    let sc = a.scenario().score("refugees", "api");
    assert!(sc.is_none_or(|s| s.value.is_none()), "the value is cleared");
    for _ in 0..3 {
        a.update(Msg::Command(Command::Undo));
    }
    let mut back = a.scenario().clone();
    let mut original = crate::seeds::default_scenario().unwrap();
    back.sort_scores();
    original.sort_scores();
    assert_eq!(back, original);
    assert!(!a.doc.is_dirty());
}

#[test]
fn every_file_purpose_through_the_path_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app();
    // Save As.
    let saved = dir.path().join("saved.ron");
    a.update(Msg::Command(Command::SaveAs));
    type_path(&mut a, &saved);
    assert_eq!(a.doc.path.as_deref(), Some(saved.as_path()));
    // Export CSV.
    let csv = dir.path().join("table.csv");
    a.update(Msg::Command(Command::Export(Format::Csv)));
    type_path(&mut a, &csv);
    assert!(std::fs::read_to_string(&csv)
        .unwrap()
        .starts_with("criterion,"));
    // Export PNG: the window hands over the bytes, the app writes them.
    let png = dir.path().join("view.png");
    a.update(Msg::Command(Command::Export(Format::Png)));
    type_path(&mut a, &png);
    assert_eq!(a.png_target(), Some(png.as_path()));
    a.picture_taken(Ok(vec![0x89, b'P', b'N', b'G']));
    assert_eq!(std::fs::read(&png).unwrap(), vec![0x89, b'P', b'N', b'G']);
    assert!(a.png_target().is_none());
    // Open: a new document with a new identity.
    a.update(Msg::Command(Command::New));
    let blank = a.doc.id();
    a.update(Msg::Command(Command::Open));
    type_path(&mut a, &saved);
    assert_ne!(a.doc.id(), blank);
    assert_eq!(a.scenario().proposals.len(), 5);
    assert_eq!(a.prefs.recent.first(), Some(&saved));
}

#[test]
fn a_failed_open_leaves_the_document_alone() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: 1, title: ").unwrap();
    let mut a = app();
    a.update(weight(&a, 0, 9.0));
    let (id, version) = (a.doc.id(), a.doc.version());
    a.open_path(&bad);
    assert!(matches!(a.dialog, Some(Dialog::LoadFailed(_))));
    assert_eq!((a.doc.id(), a.doc.version()), (id, version));
    assert_eq!(a.scenario().criteria[0].weight, 9.0);
}

#[test]
fn editing_commands_wait_while_a_dialog_or_a_presentation_is_open() {
    let mut a = app();
    a.update(Msg::Command(Command::Present));
    assert!(a.presenter().is_some());
    a.update(Msg::Command(Command::AddCriterion));
    a.update(Msg::Command(Command::Undo));
    assert_eq!(a.scenario().criteria.len(), 15);
    a.update(Msg::Command(Command::ZoomIn));
    assert!(a.prefs.zoom > 1.0, "zoom works on a slide");
    a.update(Msg::Present(PresentCommand::Back));
    assert!(a.presenter().is_none());
    a.update(Msg::Dialog(DialogMsg::ShowAbout));
    a.update(Msg::Command(Command::AddProposal));
    assert_eq!(a.scenario().proposals.len(), 5);
    a.update(Msg::Dialog(DialogMsg::CloseDialog));
    a.update(Msg::Command(Command::AddProposal));
    assert_eq!(a.scenario().proposals.len(), 6);
}

#[test]
fn a_new_document_drops_what_belonged_to_the_old_one() {
    let mut a = app();
    a.update(Msg::Doc(DocMsg::SetPerspective(Some(
        a.scenario().perspectives[0].id.clone(),
    ))));
    a.update(Msg::Selection(SelectMsg::Select(Selection::Proposal(
        "api".into(),
    ))));
    a.update(Msg::Analysis(AnalysisMsg::Quick(QuickMsg::Open)));
    a.update(weight(&a, 0, 2.0));
    let id = a.doc.id();
    a.update(Msg::File(FileMsg::Request(Pending::New(1))));
    a.update(Msg::File(FileMsg::AnswerUnsaved(Some(false))));
    assert_ne!(a.doc.id(), id);
    assert!(a.perspective.is_none());
    assert_eq!(a.selecting.selection, Selection::Scenario);
    assert!(a.quick().is_none());
    assert!(a.history.undo_label().is_none());
    // Reopening the same lesson is still another document.
    let id = a.doc.id();
    a.update(Msg::File(FileMsg::Request(Pending::New(1))));
    assert_ne!(a.doc.id(), id);
}

#[test]
fn a_score_message_changes_the_total() {
    let mut a = app();
    let i = a.scenario().proposal_index("abraham").unwrap();
    let before = a.eval.standings[i].total;
    let mut sc = a.scenario().score("blockade", "abraham").cloned().unwrap();
    sc.value = Some(ScoreValue::Level(3));
    a.update(Msg::Doc(DocMsg::Edit {
        label: "score".into(),
        key: None,
        edit: Box::new(Edit::SetScore(
            "blockade".into(),
            "abraham".into(),
            Some(sc),
        )),
    }));
    assert!(a.eval.standings[i].total > before);
}

#[test]
fn a_save_on_a_worker_writes_the_snapshot_and_the_document_stays_editable() {
    crate::platform::run_jobs_inline(false);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    let mut a = AppState::new(Document::new(crate::synth::scenario(200, 100, 3), None));
    a.files.dialog_mode = DialogMode::PathField;
    a.update(weight(&a, 0, 7.0));
    let snapshot = a.scenario().clone();
    a.save_to(&path);
    // Edits go on while the worker writes (when it has not finished already).
    let saving = a.is_saving();
    a.update(weight(&a, 1, 9.0));
    if saving {
        assert!(a.title().contains("saving…"), "{}", a.title());
    }
    a.finish_save();
    assert!(!a.is_saving());
    assert_eq!(a.doc.path.as_deref(), Some(path.as_path()));
    let mut on_disk = crate::io::load_path(&path).unwrap();
    let mut expected = snapshot;
    on_disk.sort_scores();
    expected.sort_scores();
    assert_eq!(
        on_disk, expected,
        "the file holds the document as it was when saved"
    );
    assert!(a.doc.is_dirty(), "the edit made since is not saved");
    a.update(Msg::Command(Command::Undo));
    assert!(!a.doc.is_dirty(), "undoing it goes back to the saved state");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn earlier_work_is_looked_for_on_a_worker_and_never_overwritten_first() {
    crate::platform::run_jobs_inline(false);
    let dir = tempfile::tempdir().unwrap();
    // Work left by an earlier session.
    let mut earlier = AppState::with_default_scenario();
    earlier.files.recovery = Some(Recovery::new(dir.path().to_owned()));
    earlier.update(weight(&earlier, 0, 6.0));
    crate::platform::run_jobs_inline(true);
    earlier.tick_recovery(false);
    // The earlier session ends without cleaning up, as in a crash.
    drop(earlier);
    crate::platform::run_jobs_inline(false);
    // A new session: it edits at once, before the look-up has finished.
    let mut a = AppState::with_default_scenario();
    a.look_for_recovered_work(dir.path().to_owned());
    a.update(weight(&a, 1, 3.0));
    a.tick_recovery(false);
    let mut waited = 0;
    while a.is_looking_for_recovered_work() && waited < 1000 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        a.update_all([]);
        waited += 1;
    }
    let Some(Dialog::Recover(found)) = &a.dialog else {
        panic!("the earlier work is offered: {:?}", a.dialog);
    };
    assert_eq!(
        found.scenario.criteria[0].weight, 6.0,
        "the earlier work, not this session's"
    );
    assert!(
        a.files.recovery.is_some(),
        "copies start once the look-up is over"
    );
}

#[test]
fn dont_save_leaves_no_recovery_copy_behind() {
    crate::platform::run_jobs_inline(true);
    let dir = tempfile::tempdir().unwrap();
    let mut a = app();
    a.files.recovery = Some(Recovery::new(dir.path().to_owned()));
    a.update(weight(&a, 0, 6.0));
    a.tick_recovery(false);
    assert!(
        a.recovery().unwrap().copy_path().exists(),
        "unsaved work is copied"
    );
    a.update(Msg::Command(Command::Quit));
    a.update(Msg::File(FileMsg::AnswerUnsaved(Some(false))));
    assert!(a.take_effects().close);
    // The frames until the window is gone must not copy the discarded work again.
    a.tick_recovery(false);
    a.tick_recovery(true);
    assert!(
        !a.recovery().unwrap().copy_path().exists(),
        "the next start offers nothing back"
    );
}

#[test]
fn a_crash_in_a_live_round_keeps_the_answers_sent_so_far() {
    crate::platform::run_jobs_inline(true);
    let dir = tempfile::tempdir().unwrap();
    let mut a = app();
    a.files.recovery = Some(Recovery::new(dir.path().to_owned()));
    let addr = "127.0.0.1:0".parse().unwrap();
    a.start_live(
        addr,
        crate::live::Settings::default(),
        crate::live::Limits::default(),
    )
    .unwrap();
    a.tick_recovery(false);
    let copy = a.recovery().unwrap().copy_path();
    assert!(!copy.exists(), "no answer yet: nothing to keep");
    assert!(a.next_recovery_tick().is_some(), "the round is watched");
    {
        let live = a.round.live.as_ref().unwrap();
        let mut room = live.server.room();
        let code = room.code.clone();
        let token = room.join(&code, "Ada").unwrap();
        room.submit(&token, &[("w.0".into(), "7".into())]).unwrap();
    }
    assert!(!a.doc.is_dirty(), "the document itself waits for Close");
    a.tick_recovery(false);
    // The app dies here: the copy holds Ada's answers as her reading.
    let kept = crate::io::load_path(&copy).unwrap();
    let ada = kept
        .perspectives
        .iter()
        .find(|p| p.name == "Ada")
        .expect("Ada's reading");
    assert_eq!(ada.kind, crate::model::PerspectiveKind::Student);
    let first = &kept.criteria[0].id;
    assert_eq!(ada.weights[first], 7.0);
}

#[test]
fn in_a_browser_save_is_a_download_that_opens_again() {
    let mut a = native();
    a.update(weight(&a, 0, 3.0));
    assert!(a.doc().is_dirty());
    a.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::DownloadInstead(FilePurpose::SaveAs),
    )));
    let d = a.take_effects().download.expect("a download");
    assert!(d.name.ends_with(".ron"), "{}", d.name);
    assert!(!a.doc().is_dirty(), "downloaded, the work is kept");
    assert!(a.take_effects().download.is_none(), "taken once");
    // The file picked back in opens with the change.
    let mut b = native();
    b.update(Msg::File(FileMsg::DialogAnswered(DialogAnswer::Picked(
        FilePurpose::Open,
        d.name.clone(),
        d.bytes.clone(),
    ))));
    assert_eq!(b.scenario().criteria[0].weight, 3.0);
    assert!(b.doc().path.is_none());
    // Exports are downloads too.
    a.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::DownloadInstead(FilePurpose::Export(Format::Html)),
    )));
    let html = a.take_effects().download.expect("the handout");
    assert!(String::from_utf8(html.bytes)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
    a.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::DownloadInstead(FilePurpose::Export(Format::Workbook)),
    )));
    assert!(a
        .take_effects()
        .download
        .expect("the workbook")
        .bytes
        .starts_with(b"PK"));
}

#[test]
fn in_a_browser_a_picked_file_that_is_no_scenario_leaves_the_document() {
    let mut a = native();
    let before = a.scenario().clone();
    a.update(Msg::File(FileMsg::DialogAnswered(DialogAnswer::Picked(
        FilePurpose::Open,
        "notes.ron".into(),
        b"not a scenario".to_vec(),
    ))));
    assert_eq!(a.scenario(), &before);
    assert!(matches!(a.dialog(), Some(Dialog::LoadFailed(_))));
    // A table read by the browser opens the import dialog.
    a.update(Msg::Dialog(DialogMsg::CloseDialog));
    a.update(Msg::File(FileMsg::DialogAnswered(DialogAnswer::Picked(
        FilePurpose::ImportTable,
        "codes.csv".into(),
        b"Agreement,Ceasefire\nA,1\nB,0\n".to_vec(),
    ))));
    assert!(matches!(a.dialog(), Some(Dialog::Import(_))));
}

#[test]
fn in_a_browser_unsaved_work_is_kept_in_storage_and_offered_back() {
    let mut a = native();
    assert_eq!(
        a.browser_copy(),
        Some(browser_files::BrowserCopy::Clear),
        "nothing unsaved"
    );
    assert_eq!(a.browser_copy(), None, "asked again, nothing changed");
    a.update(weight(&a, 0, 4.0));
    let Some(browser_files::BrowserCopy::Keep(text)) = a.browser_copy() else {
        panic!("the unsaved work is kept");
    };
    // The tab is closed; a new page finds the copy and offers it back.
    let mut b = native();
    b.offer_browser_copy(&text);
    assert!(matches!(b.dialog(), Some(Dialog::Recover(_))));
    assert_eq!(b.browser_copy(), None, "kept while the question is open");
    b.update(Msg::File(FileMsg::RestoreRecovered));
    assert_eq!(b.scenario().criteria[0].weight, 4.0);
    assert!(b.doc().is_dirty(), "restored work is still unsaved");
    assert!(matches!(
        b.browser_copy(),
        Some(browser_files::BrowserCopy::Keep(_))
    ));
    // Downloaded, the copy goes.
    b.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::DownloadInstead(FilePurpose::SaveAs),
    )));
    assert_eq!(b.browser_copy(), Some(browser_files::BrowserCopy::Clear));
    // A damaged copy is said, and the document stays.
    let mut c = native();
    c.offer_browser_copy("Scenario(");
    assert!(c.dialog().is_none());
    assert!(c.status().contains("could not be read"));
}

#[test]
fn in_a_browser_students_copies_picked_are_added_and_a_file_picked_is_compared() {
    let read = |name: &str| std::fs::read(Path::new("tests/data/round").join(name)).unwrap();
    let mut a = native();
    a.update(Msg::File(FileMsg::DialogAnswered(DialogAnswer::Picked(
        FilePurpose::Open,
        "template.ron".into(),
        read("template.ron"),
    ))));
    let students = |a: &AppState| {
        a.scenario()
            .perspectives
            .iter()
            .filter(|p| p.kind == crate::model::PerspectiveKind::Student)
            .count()
    };
    assert_eq!(students(&a), 0);
    let picked = vec![
        ("student-01.ron".to_owned(), read("student-01.ron")),
        ("student-02.ron".to_owned(), read("student-02.ron")),
    ];
    a.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::PickedMany(FilePurpose::AddStudents, picked.clone()),
    )));
    assert_eq!(students(&a), 2, "{}", a.status());
    assert_eq!(
        a.scenario()
            .perspectives
            .iter()
            .filter(|p| p.origin.file == "student-01.ron")
            .count(),
        1,
        "each reading says which file it came from"
    );
    // The same files picked again are not added twice.
    a.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::PickedMany(FilePurpose::AddStudents, picked),
    )));
    assert_eq!(students(&a), 2);
    // One undo step takes the round's files back out.
    a.update(Msg::Command(Command::Undo));
    assert_eq!(students(&a), 0);
    // Compare with a student's copy: its differing cells are counted.
    a.update(Msg::File(FileMsg::DialogAnswered(DialogAnswer::Picked(
        FilePurpose::CompareWith,
        "student-03.ron".into(),
        read("student-03.ron"),
    ))));
    let c = a.comparison().expect("a comparison");
    assert!(c.count > 0, "{}", a.status());
    assert!(a.status().starts_with("Comparing with student-03.ron"));
}

#[test]
fn in_a_browser_a_file_opened_with_write_access_is_saved_back_to_it() {
    let mut a = native();
    let text = crate::io::to_ron_string(a.scenario()).unwrap();
    a.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::PickedWritable("lesson.ron".into(), text.into_bytes()),
    )));
    assert_eq!(a.doc().browser_file.as_deref(), Some("lesson.ron"));
    assert!(a.status().contains("Save writes it back"), "{}", a.status());
    a.update(weight(&a, 0, 5.0));
    a.update(Msg::Command(Command::Save));
    let d = a
        .take_effects()
        .download
        .expect("the scenario to write back");
    assert!(d.write_back);
    assert_eq!(d.name, "lesson.ron");
    let written = crate::io::load_bytes(&d.name, &d.bytes).unwrap();
    assert_eq!(written.criteria[0].weight, 5.0);
    assert!(!a.doc().is_dirty());
    assert!(
        a.take_effects().native_request.is_none(),
        "no dialog: it is written back"
    );
    // The browser could not write (permission withdrawn): a download instead, and Save
    // downloads from then on.
    a.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::WriteBackFailed("the file was moved".into()),
    )));
    let d = a.take_effects().download.expect("downloaded instead");
    assert!(!d.write_back);
    assert!(a
        .status()
        .contains("could not be written (the file was moved)"));
    assert_eq!(a.doc().browser_file, None);
    // Save As where the browser lets the user choose: written there, Save then too.
    a.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::PlaceChosen("copy.ron".into()),
    )));
    let d = a
        .take_effects()
        .download
        .expect("written to the file chosen");
    assert!(d.write_back && d.name == "copy.ron");
    // A file that does not load leaves the document, and its file, as they were.
    let before = a.doc().id();
    a.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::PickedWritable("notes.ron".into(), b"not a scenario".to_vec()),
    )));
    assert_eq!(a.doc().id(), before);
    assert_eq!(a.doc().browser_file.as_deref(), Some("copy.ron"));
}

#[test]
fn in_a_browser_a_scenario_that_could_not_be_fetched_is_said_and_the_document_stays() {
    let mut a = native();
    let before = a.doc().id();
    a.update(Msg::File(FileMsg::DialogAnswered(
        DialogAnswer::NotFetched("lessons/mine.ron".into(), "the server answered 404".into()),
    )));
    assert_eq!(a.doc().id(), before);
    assert_eq!(
        a.status(),
        "Could not open lessons/mine.ron: the server answered 404"
    );
}
