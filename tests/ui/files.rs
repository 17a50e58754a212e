//! Files: save, open, recent files, recovery, closing, dialogs.

use super::*;

#[test]
fn opens_on_the_default_scenario() {
    let h = harness();
    let s = &h.state().state;
    assert_eq!(s.scenario().proposals.len(), 5);
    for name in [
        "Arab Peace Initiative",
        "Abraham Accords (bilateral normalization)",
    ] {
        h.get_by_label(name);
    }
    // Each card shows its rank; with equal weights the Oslo model comes first and the
    // confederation second.
    assert_eq!(h.query_all_by_label("1st of 5").count(), 1);
    assert_eq!(rank_of(&h, "oslo"), Some(1));
    assert_eq!(rank_of(&h, "land-for-all"), Some(2));
    assert_eq!(rank_of(&h, "api"), Some(3));
    // A text silent on a criterion says so on its card.
    assert!(h.query_all_by_label("Silent on 8 criteria").count() >= 1);
    // A lesson never saved is named by its title, not "Untitled".
    assert_eq!(
        s.title(),
        "After the Gaza cease-fire: which way to a settlement? — Concord"
    );
}

#[test]
fn save_as_to_a_path_and_load_it_back_equal() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.ron");
    click(&mut h, "Aqaba+ × Ends the Gaza blockade");
    click(&mut h, "Strong");
    assert!(
        h.state().state.title().starts_with("• "),
        "the title marks unsaved changes"
    );
    ctrl_shift(&mut h, Key::S);
    type_into(&mut h, Role::TextInput, "File path", path.to_str().unwrap());
    click(&mut h, "Save");
    let s = &h.state().state;
    assert!(!s.doc().is_dirty());
    assert_eq!(s.title(), "class.ron — Concord");
    let loaded = load_path(&path).unwrap();
    assert_eq!(&loaded, s.scenario());
    assert_eq!(
        loaded.score("blockade", "aqaba-plus").unwrap().value,
        Some(ScoreValue::Level(3))
    );
    assert_eq!(s.prefs().recent.first(), Some(&path));
}

#[test]
fn exporting_the_table_as_csv_writes_what_the_table_shows() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.csv");
    click(&mut h, "File");
    click(&mut h, "Export table as CSV…");
    type_into(&mut h, Role::TextInput, "File path", path.to_str().unwrap());
    click(&mut h, "Export");
    let csv = std::fs::read_to_string(&path).expect("the table was written");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("criterion,group,weight,share,Arab Peace Initiative,"));
    assert!(
        lines[1]
            .starts_with("Ends the Gaza blockade,Gaza,1,0.0667,Weak,Partial,Silent,Silent,Partial"),
        "{}",
        lines[1]
    );
    let s = &h.state().state;
    assert_eq!(lines.len(), 1 + s.scenario().criteria.len() + 3);
    assert!(s.status().contains("Exported the table"));
    // The ranking row agrees with the cards.
    let ranks = lines[lines.len() - 2];
    let api = s.scenario().proposal_index("api").unwrap();
    let rank_of_api = ranks.split(',').nth(4 + api).unwrap();
    assert_eq!(rank_of_api, rank_of(&h, "api").unwrap().to_string());
}

#[test]
fn ctrl_s_on_a_saved_file_saves_in_place() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = open_a_copy(&mut h, dir.path(), "in-place.ron");
    h.get_by_label("Weight of Refugees")
        .set_value_accesskit(5.0);
    h.run();
    ctrl(&mut h, Key::S);
    assert!(h.state().state.dialog().is_none());
    assert_eq!(load_path(&path).unwrap().criteria[0].weight, 5.0);
}

#[test]
fn undoing_back_to_the_saved_state_makes_the_document_clean() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = open_a_copy(&mut h, dir.path(), "clean.ron");
    assert_eq!(h.state().state.title(), "clean.ron — Concord");
    h.get_by_label("Weight of Refugees")
        .set_value_accesskit(5.0);
    h.run();
    assert_eq!(h.state().state.title(), "• clean.ron — Concord");
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().state.title(), "clean.ron — Concord");
    ctrl_shift(&mut h, Key::Z);
    assert!(
        h.state().state.doc().is_dirty(),
        "redo leaves the saved state again"
    );
    // Saved here, the weight of 5 is the clean state; undoing leaves it.
    ctrl(&mut h, Key::S);
    assert!(!h.state().state.doc().is_dirty());
    ctrl(&mut h, Key::Z);
    assert!(h.state().state.doc().is_dirty());
    ctrl_shift(&mut h, Key::Z);
    assert!(!h.state().state.doc().is_dirty());
    assert_eq!(load_path(&path).unwrap().criteria[0].weight, 5.0);
}

#[test]
fn opening_a_broken_file_shows_errors_and_keeps_the_document() {
    let mut h = harness();
    click(&mut h, "Aqaba+ × Ends the Gaza blockade");
    click(&mut h, "Strong");
    let before = h.state().state.scenario().clone();
    ctrl(&mut h, Key::O);
    // Unsaved changes: answer the prompt first.
    click(&mut h, "Don't save");
    type_into(
        &mut h,
        Role::TextInput,
        "File path",
        "tests/data/invalid/many_problems.ron",
    );
    click(&mut h, "Open");
    let s = &h.state().state;
    assert!(matches!(s.dialog(), Some(Dialog::LoadFailed(_))));
    h.get_by_label("The file could not be opened");
    // The path typed is shown in full.
    let full = std::path::absolute("tests/data/invalid/many_problems.ron").unwrap();
    h.get_by_label(&format!(
        r#"{}:15:21: criteria[0] "refugees": weight -2 must be ≥ 0"#,
        full.display()
    ));
    assert_eq!(h.state().state.scenario(), &before);
    click(&mut h, "OK");
    assert!(h.state().state.dialog().is_none());
    assert!(
        h.state().state.doc().is_dirty(),
        "the unsaved changes are still there"
    );
}

#[test]
fn unsaved_prompt_on_new_cancel_keeps_the_document() {
    let (mut h, before) = harness_with_an_edit();
    ctrl(&mut h, Key::N);
    h.get_by_label("Save your changes?");
    click(&mut h, "Cancel");
    assert_eq!(h.state().state.scenario(), &before);
    assert!(h.state().state.doc().is_dirty());
    ctrl(&mut h, Key::N);
    click(&mut h, "Don't save");
    assert_eq!(h.state().state.scenario().title, "New comparison");
    assert!(!h.state().state.doc().is_dirty());
}

#[test]
fn escape_answers_a_dialog_with_its_cancel() {
    let (mut h, before) = harness_with_an_edit();
    // Escape on "Save your changes?" is Cancel: nothing saved, nothing discarded.
    ctrl(&mut h, Key::N);
    h.get_by_label("Save your changes?");
    press(&mut h, Key::Escape);
    assert!(h.state().state.dialog().is_none());
    assert_eq!(h.state().state.scenario(), &before);
    assert!(h.state().state.doc().is_dirty());
    // And on the path field of Save As: the file is not saved.
    ctrl_shift(&mut h, Key::S);
    h.get_by_label("File path");
    type_keys(&mut h, "x");
    press(&mut h, Key::Escape);
    assert!(h.state().state.dialog().is_none());
    assert!(h.state().state.doc().is_dirty());
    assert!(h.state().state.doc().path.is_none());
}

#[test]
fn enter_gives_a_dialog_its_default_answer() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = open_a_copy(&mut h, dir.path(), "enter.ron");
    click(&mut h, "Beta × Jerusalem");
    click(&mut h, "full");
    // "Save your changes?": Enter is Save, then the new scenario opens.
    ctrl(&mut h, Key::N);
    h.get_by_label("Save your changes?");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().state.scenario().title, "New comparison");
    let saved = load_path(&path).unwrap();
    assert!(saved
        .scores
        .iter()
        .any(|s| s.proposal == "b" && s.value == Some(ScoreValue::Level(3))));
    // "Replace …?": Enter is the safe answer, Cancel; the file keeps what it holds.
    ctrl_shift(&mut h, Key::S);
    h.get_by_label("File path");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, &path.display().to_string());
    press(&mut h, Key::Enter);
    h.get_by_label("Replace enter.ron?");
    press(&mut h, Key::Enter);
    assert!(h.state().state.dialog().is_none());
    assert_eq!(load_path(&path).unwrap(), saved);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = harness();
    click(&mut h, "API × Ends the Gaza blockade");
    click(&mut h, "Strong");
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("Quitting will discard the changes to “After the Gaza cease-fire: which way to a settlement?” that you have not saved.");
    click(&mut h, "Cancel");
    let s = &h.state().state;
    assert!(!s.close_confirmed());
    assert!(s.doc().is_dirty());
    // Quit from the keyboard, then Don't save: the app lets the window close.
    ctrl(&mut h, Key::Q);
    h.get_by_label("Save your changes?");
    click(&mut h, "Don't save");
    assert!(h.state().state.close_confirmed());
}

#[test]
fn closing_a_clean_window_does_not_ask() {
    let mut h = harness();
    ctrl(&mut h, Key::Q);
    assert!(h.state().state.dialog().is_none());
    assert!(h.state().state.close_confirmed());
}

#[test]
fn dropping_a_file_opens_it() {
    let mut h = harness();
    let path = std::fs::canonicalize("tests/data/valid.ron").unwrap();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(PathOnly(path.clone())));
    h.run();
    assert_eq!(h.state().state.doc().path.as_ref(), Some(&path));
    assert_eq!(h.state().state.scenario().proposals.len(), 2);
}

#[test]
fn unsaved_work_survives_a_crash_and_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let edited = {
        let mut h = harness_with_recovery(dir.path());
        click(&mut h, "Aqaba+ × Ends the Gaza blockade");
        click(&mut h, "Strong");
        h.run();
        // The copy is written on a worker thread: wait for it.
        h.state_mut()
            .state
            .finish_job(concord::app::jobs::JobKind::RecoveryCopy);
        assert!(has_recovery_copy(dir.path()), "a copy is written at once");
        h.state().state.scenario().clone()
        // The harness is dropped here without closing: as if the app had been killed.
    };
    let mut h = harness_with_recovery(dir.path());
    h.get_by_label("Restore unsaved work?");
    click(&mut h, "Restore");
    let s = &h.state().state;
    assert_eq!(s.scenario(), &edited);
    assert!(s.doc().is_dirty(), "restored work still needs saving");
    // Discarding on a later start removes the copy.
    drop(h);
    let mut h = harness_with_recovery(dir.path());
    click(&mut h, "Discard");
    assert!(!has_recovery_copy(dir.path()));
}

#[test]
fn deleting_a_criterion_saves_a_file_that_opens_again() {
    // Regression: a deleted criterion stayed in the perspectives' weights and the
    // provisions' tags, so the saved file failed validation.
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("without-blockade.ron");
    click(&mut h, "Ends the Gaza blockade");
    h.key_press(Key::Delete);
    h.run();
    assert!(h
        .state()
        .state
        .scenario()
        .criterion_index("blockade")
        .is_none());
    ctrl_shift(&mut h, Key::S);
    h.get_by_role_and_label(Role::TextInput, "File path")
        .focus();
    h.run();
    type_keys(&mut h, path.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    let loaded = load_path(&path).expect("the window opens the file it wrote");
    assert!(loaded
        .perspectives
        .iter()
        .all(|p| !p.weights.contains_key("blockade")));
    // Undo brings back the criterion with its weights and tags, exactly.
    ctrl(&mut h, Key::Z);
    let restored = h.state().state.scenario().clone();
    let mut original = concord::seeds::default_scenario().unwrap();
    let mut now = restored;
    original.sort_scores();
    now.sort_scores();
    assert_eq!(now, original);
}

#[test]
fn the_path_field_has_the_keyboard_adds_the_extension_and_asks_before_replacing() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.ron");
    // Save As: the path field has the keyboard at once.
    ctrl_shift(&mut h, Key::S);
    assert!(h
        .get_by_role_and_label(Role::TextInput, "File path")
        .is_focused());
    type_keys(&mut h, first.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().state.doc().path.as_deref(), Some(first.as_path()));
    // A bare name goes beside the scenario, with the extension added.
    ctrl_shift(&mut h, Key::S);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, "ni-lesson");
    h.key_press(Key::Enter);
    h.run();
    let second = dir.path().join("ni-lesson.ron");
    assert!(second.exists(), "saved as {}", second.display());
    assert!(h
        .state()
        .state
        .status()
        .contains(&second.display().to_string()));
    // Saving over an existing file asks first; Cancel leaves it as it was.
    let before = std::fs::read(&first).unwrap();
    click(&mut h, "API × Ends the Gaza blockade");
    click(&mut h, "Strong");
    ctrl_shift(&mut h, Key::S);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, "first");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Replace first.ron?");
    click(&mut h, "Cancel");
    assert_eq!(std::fs::read(&first).unwrap(), before, "not replaced");
    assert!(h.state().state.doc().is_dirty());
    // Asked again, Replace writes it.
    ctrl_shift(&mut h, Key::S);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, "first");
    h.key_press(Key::Enter);
    h.run();
    click(&mut h, "Replace");
    assert_ne!(std::fs::read(&first).unwrap(), before, "replaced");
    assert!(!h.state().state.doc().is_dirty());
    // An export over an existing picture asks too.
    let csv = dir.path().join("table.csv");
    std::fs::write(&csv, "kept").unwrap();
    click(&mut h, "File");
    click(&mut h, "Export table as CSV…");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, csv.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Replace table.csv?");
    click(&mut h, "Cancel");
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "kept");
}

#[test]
fn dont_save_on_quit_leaves_nothing_to_restore() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = harness_with_recovery(dir.path());
        click(&mut h, "Aqaba+ × Ends the Gaza blockade");
        click(&mut h, "Strong");
        assert!(has_recovery_copy(dir.path()), "the work is copied");
        ctrl(&mut h, Key::Q);
        click(&mut h, "Don't save");
        // A few more frames, as the window takes to close.
        for _ in 0..5 {
            h.step();
        }
        assert!(h.state().state.close_confirmed());
    }
    assert!(!has_recovery_copy(dir.path()), "nothing is kept");
    let h = harness_with_recovery(dir.path());
    assert!(h.query_by_label("Restore unsaved work?").is_none());
}

#[test]
fn a_file_that_is_not_a_scenario_is_called_that() {
    let mut h = harness();
    ctrl(&mut h, Key::O);
    type_keys(&mut h, "tests/data/invalid/not_a_scenario.ron");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("The file could not be opened");
    // Said first, before the reader's detail.
    h.get_by_label_contains("not_a_scenario.ron:1:1: this is not a Concord scenario");
}

#[test]
fn open_recent_tells_files_of_one_name_apart_by_their_folder() {
    let mut h = harness();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        let path = dir.path().join("class.ron");
        std::fs::copy("tests/data/valid.ron", &path).unwrap();
        h.state_mut().state.open_path(&path);
        h.run();
    }
    click(&mut h, "File");
    click(&mut h, "Open recent");
    h.get_by_label(&format!("class.ron — {}", a.path().display()));
    h.get_by_label(&format!("class.ron — {}", b.path().display()));
}

#[test]
fn a_restart_reopens_the_last_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesson.ron");
    std::fs::copy("tests/data/valid.ron", &path).unwrap();
    let mut prefs = concord::app::Prefs::default();
    prefs.add_recent(path.clone());
    let start = |prefs: concord::app::Prefs| {
        common::start(
            common::builder(egui::vec2(1600.0, 1000.0)),
            common::options(None),
            prefs,
        )
    };
    let h = start(prefs.clone());
    assert_eq!(h.state().state.doc().path.as_deref(), Some(path.as_path()));
    assert!(h.state().state.status().starts_with("Reopened"));
    // Gone since: the built-in lesson, and a word about it.
    std::fs::remove_file(&path).unwrap();
    let h = start(prefs);
    assert_eq!(h.state().state.doc().path, None);
    assert!(h.state().state.status().contains("no longer there"));
}

#[test]
fn a_file_nested_100000_deep_is_refused_and_the_document_kept() {
    let mut h = harness();
    click(&mut h, "API × Ends the Gaza blockade");
    click(&mut h, "Strong");
    let before = h.state().state.scenario().clone();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("braces.ron");
    std::fs::write(
        &path,
        format!(
            "Scenario(format: 1, title: \"x\", authors: {})",
            "{".repeat(100_000)
        ),
    )
    .unwrap();
    h.state_mut()
        .state
        .request(concord::app::Pending::Open(Some(path)));
    h.run();
    // Unsaved changes first: keep them and open anyway.
    click(&mut h, "Don't save");
    h.get_by_label("The file could not be opened");
    h.get_by_label_contains("braces.ron:1:105: nested more than 64 levels deep");
    assert_eq!(
        h.state().state.scenario(),
        &before,
        "the open document is untouched"
    );
}

#[test]
fn a_damaged_recovery_copy_is_reported_and_kept_aside() {
    for damaged in [
        "Scenario(format: 1, title: \"half a fil".to_owned(),
        std::fs::read_to_string("tests/data/invalid/newer_format.ron").unwrap(),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("recovery.ron"), &damaged).unwrap();
        let mut h = harness_with_recovery(dir.path());
        assert!(h.query_by_label("Restore unsaved work?").is_none());
        assert!(
            h.state()
                .state
                .status()
                .starts_with("A recovery copy could not be read"),
            "{}",
            h.state().state.status()
        );
        let kept = dir.path().join("recovery-unreadable-1.ron");
        assert_eq!(
            std::fs::read_to_string(&kept).unwrap(),
            damaged,
            "kept as it was"
        );
        // This session's copies do not touch it.
        click(&mut h, "API × Ends the Gaza blockade");
        click(&mut h, "Strong");
        assert!(has_recovery_copy(dir.path()));
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), damaged);
        // The document is the built-in lesson, not anything read from the copy.
        assert_eq!(h.state().state.scenario().proposals.len(), 5);
    }
}

#[test]
fn a_disk_that_says_no_is_explained_and_nothing_is_lost() {
    use std::io::ErrorKind as K;
    for (step, kind, words) in [
        ("write", K::StorageFull, "the disk is full"),
        ("create", K::ReadOnlyFilesystem, "may not be written to"),
        ("create", K::PermissionDenied, "may not be written to"),
        ("create", K::NotFound, "the folder is no longer there"),
        ("create", K::InvalidFilename, "the file name is too long"),
        ("sync", K::TimedOut, "did not answer in time"),
        ("rename", K::PermissionDenied, "may not be written to"),
    ] {
        let mut h = harness();
        let dir = tempfile::tempdir().unwrap();
        let path = open_a_copy(&mut h, dir.path(), "kept.ron");
        let before = std::fs::read(&path).unwrap();
        h.get_by_label("Weight of Refugees")
            .set_value_accesskit(5.0);
        h.run();
        concord::io::inject_write_failure(Some((step, kind)));
        ctrl(&mut h, Key::S);
        concord::io::inject_write_failure(None);
        h.get_by_label("The scenario was not saved");
        h.get_by_label_contains(words);
        h.get_by_label("Save As…");
        let s = &h.state().state;
        assert!(s.doc().is_dirty(), "{step} {kind:?}: still unsaved");
        assert_eq!(
            s.scenario().criteria[0].weight,
            5.0,
            "the change is still here"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "the file is as it was"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{step} {kind:?}: no temporary file left");
    }
}
#[derive(Debug)]
struct PathOnly(std::path::PathBuf);

impl egui::DroppedFile for PathOnly {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn about_says_the_version_the_commit_the_licence_and_where_things_are_kept() {
    let mut h = harness();
    click(&mut h, "Help");
    click(&mut h, "About Concord");
    h.get_by_label_contains(&format!("Version {}", concord::about::VERSION_LINE));
    h.get_by_label_contains("Licence: MIT OR Apache-2.0");
    let dir = concord::ui::data_dir().expect("a data folder on this system");
    h.get_by_label_contains(&format!("Preferences are kept in {}", dir.display()));
    h.get_by_label_contains(&dir.join("recovery").display().to_string());
    press(&mut h, Key::Escape);
    assert!(h.state().state.dialog().is_none(), "Escape closes it");
}

#[test]
fn reduce_motion_stops_every_animation_and_is_kept() {
    let mut h = harness();
    let time = |h: &H| h.ctx.style_of(h.ctx.theme()).animation_time;
    assert!(time(&h) > 0.0, "menus fade by default");
    click(&mut h, "View");
    click(&mut h, "Reduce motion");
    assert!(h.state().state.prefs().reduce_motion);
    assert_eq!(time(&h), 0.0, "nothing slides or fades");
    if h.query_by_label("Reduce motion").is_none() {
        click(&mut h, "View");
    }
    click(&mut h, "Reduce motion");
    assert!(!h.state().state.prefs().reduce_motion);
    assert!(time(&h) > 0.0);
}
