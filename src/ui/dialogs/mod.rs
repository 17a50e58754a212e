//! Modal dialogs: unsaved changes, load and save errors, the path field, recovery, help.

pub mod disk_bar;
pub mod file_access;
mod handout;
mod import;
pub mod native;
mod provisions;

use crate::app::{DialogMsg, DocMsg, FileMsg};
use egui::{Id, Modal, RichText};

use crate::app::{DiskAnswer, OnDiskVersion, PresentCommand, ScoreTarget, StatedChoice};
use crate::ui::widgets::answer_buttons;
use crate::ui::window::shortcuts::{alternative_shortcut, shortcut};

use crate::app::{AppState, Command, Dialog, FilePurpose, Msg, Outbox, Pending};

/// Where the path field notes that it was given the keyboard (once per time it is shown).
fn path_field_focused() -> Id {
    Id::unique("path-field-focused")
}

/// Set once the name field has been given the keyboard (a path field may have had it the
/// frame before, when the copy was opened).
pub(super) fn name_field_focused() -> Id {
    Id::unique("name-field-focused")
}

/// Which dialog's default button has been given the keyboard.
fn default_focused() -> Id {
    Id::unique("dialog-default-focused")
}

/// Gives `button`, the dialog's default answer, the keyboard once when the dialog opens, so
/// that Enter answers it (and Tab goes on from it), as in a desktop's own dialogs.
fn default_button(ui: &egui::Ui, button: &egui::Response, dialog: &Dialog) {
    let this = std::mem::discriminant(dialog);
    if ui.data(|d| d.get_temp(default_focused())) != Some(this) {
        button.request_focus();
        ui.data_mut(|d| d.insert_temp(default_focused(), this));
    }
}

/// What differs between the file on disk and the window, with Reload and Keep mine.
fn compare_ui(ui: &mut egui::Ui, version: &OnDiskVersion, out: &mut Outbox) {
    ui.heading("The file on disk and this window");
    let n = version.differences.len();
    ui.label(match n {
        0 => "They hold the same scenario: only the layout of the file differs.".to_owned(),
        1 => "One difference, from the file on disk to this window:".to_owned(),
        n => format!("{n} differences, from the file on disk to this window:"),
    });
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for d in &version.differences {
                ui.label(format!("• {}", d.text));
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        answer_buttons(
            ui,
            out,
            vec![
                (
                    "Reload from disk",
                    "Take the file's version (Undo brings back yours)",
                    Msg::File(FileMsg::Disk(DiskAnswer::Reload)),
                ),
                (
                    "Keep this window's version",
                    "Saving will replace the file",
                    Msg::File(FileMsg::Disk(DiskAnswer::KeepMine)),
                ),
                ("Close", "Decide later", Msg::Dialog(DialogMsg::CloseDialog)),
            ],
        );
    });
}

/// Draws the open dialog, if any, and sends the user's answer.
pub fn dialogs_ui(ctx: &egui::Context, state: &AppState, out: &mut Outbox) {
    if !matches!(state.dialog(), Some(Dialog::PathEntry { .. })) {
        ctx.data_mut(|d| d.remove::<bool>(path_field_focused()));
    }
    if !matches!(state.dialog(), Some(Dialog::StudentName(_))) {
        ctx.data_mut(|d| d.remove::<bool>(name_field_focused()));
    }
    if let Some(q) = state.quick() {
        // A window beside the analysis, not a modal: its charts stay in view.
        crate::ui::analysis::quick_weights_ui(ctx, state, q, out);
    }
    if let Some((a, b)) = state.compared_proposals() {
        provisions::provisions_window(ctx, state, a, b, out);
    }
    let Some(dialog) = &state.dialog() else {
        ctx.data_mut(|d| d.remove::<std::mem::Discriminant<Dialog>>(default_focused()));
        return;
    };
    let modal = Modal::new(Id::unique("concord-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match dialog {
            Dialog::UnsavedChanges(pending) => unsaved_ui(ui, state, (dialog, pending), out),
            Dialog::LiveRoundRunning(pending) => live_running_ui(ui, (dialog, pending), out),
            Dialog::LoadFailed(err) => {
                ui.heading("The file could not be opened");
                ui.label("Nothing was changed: the open scenario is exactly as it was.");
                ui.add_space(6.0);
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    for line in err.lines() {
                        ui.label(RichText::new(line).monospace());
                    }
                });
                ui.add_space(6.0);
                let ok = ui.button("OK").on_hover_text("Close this message");
                default_button(ui, &ok, dialog);
                if ok.clicked() {
                    out.send(Msg::Dialog(DialogMsg::CloseDialog));
                }
            }
            Dialog::SaveFailed(msg) => {
                ui.heading("The scenario was not saved");
                ui.label(RichText::new(msg).monospace());
                ui.label("The file on disk is unchanged and your changes are still open here.");
                ui.horizontal(|ui| {
                    if ui.button("Save As…").on_hover_text("Save somewhere else").clicked() {
                        out.send(Msg::Dialog(DialogMsg::SaveAsInstead));
                    }
                    if ui.button("OK").clicked() {
                        out.send(Msg::Dialog(DialogMsg::CloseDialog));
                    }
                });
            }
            Dialog::PathEntry { purpose, text, reason } => path_entry_ui(ui, *purpose, text.clone(), reason, out),
            Dialog::ConfirmReplace { purpose, path } => {
                let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                ui.heading(format!("Replace {name}?"));
                ui.label(format!(
                    "{} already exists. Replacing it overwrites what it holds.",
                    path.display()
                ));
                ui.horizontal(|ui| {
                    if ui
                        .button("Replace")
                        .on_hover_text(format!("{} over the existing file", purpose.action()))
                        .clicked()
                    {
                        out.send(Msg::Dialog(DialogMsg::AnswerReplace(true)));
                    }
                    // The safe answer is the default, as in the desktop's own "replace?".
                    let cancel = ui.button("Cancel").on_hover_text("Keep the existing file");
                    default_button(ui, &cancel, dialog);
                    if cancel.clicked() {
                        out.send(Msg::Dialog(DialogMsg::AnswerReplace(false)));
                    }
                });
            }
            Dialog::StatedWeights(asked) => {
                ui.heading(format!("Change the weights of «{}»?", asked.name));
                ui.label(
                    "A perspective's weights are that party's stated priorities, as this file \
                     attributes them. Changing them here would put your weights in their name.",
                );
                ui.horizontal(|ui| {
                    if ui
                        .button("Start my own weights")
                        .on_hover_text("A new perspective, “My weights”, starting from these, with your change")
                        .clicked()
                    {
                        out.send(Msg::Doc(DocMsg::AnswerStated(StatedChoice::MyOwn)));
                    }
                    if ui
                        .button(format!("Change «{}»", crate::ui::widgets::short_label(&asked.name)))
                        .on_hover_text("Correct the perspective itself (for example, to follow a newer statement); not asked again for it")
                        .clicked()
                    {
                        out.send(Msg::Doc(DocMsg::AnswerStated(StatedChoice::ChangeIt)));
                    }
                    if ui.button("Cancel").on_hover_text("Leave the weights as they are").clicked() {
                        out.send(Msg::Doc(DocMsg::AnswerStated(StatedChoice::Cancel)));
                    }
                });
            }
            Dialog::Compare(version) => compare_ui(ui, version, out),
            Dialog::HandOut { hide_scores } => handout::hand_out_ui(ui, *hide_scores, out),
            Dialog::StudentName(name) => handout::student_name_ui(ui, state, name.clone(), out),
            Dialog::Import(import) => import::import_ui(ui, import, out),
            Dialog::ScoreTarget(asked) => {
                let name = &asked.perspective.1;
                ui.heading("Change the common score, or write this perspective's reading?");
                ui.label(format!(
                    "You are looking through «{name}». The common score is what every perspective reads \
                     unless it has its own reading of the cell; a reading of «{name}» changes its totals and red lines only."
                ));
                let write = format!("Write «{}»'s reading", crate::ui::widgets::short_label(name));
                ui.horizontal(|ui| answer_buttons(ui, out, vec![
                    (write.as_str(), "Only this perspective reads the cell this way; the common score stays", Msg::Doc(DocMsg::AnswerScoreTarget(ScoreTarget::Reading))),
                    ("Change the common score", "Every perspective without its own reading of the cell reads the new score", Msg::Doc(DocMsg::AnswerScoreTarget(ScoreTarget::Common))),
                    ("Cancel", "Leave the score as it is", Msg::Doc(DocMsg::AnswerScoreTarget(ScoreTarget::Cancel))),
                ]));
                ui.label(RichText::new("Your answer is kept for this perspective until another file is opened.").small().weak());
            }
            Dialog::NewerOnDisk(path) => {
                let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                ui.heading(format!("{name} changed on disk"));
                ui.label(format!(
                    "Since you opened it, {} was saved by another program or window. Saving here \
                     would replace what it saved. Nothing was written.",
                    path.display()
                ));
                ui.horizontal(|ui| answer_buttons(ui, out, vec![
                    ("Show the differences", "List what differs between the file and this window", Msg::File(FileMsg::Disk(DiskAnswer::Compare))),
                    ("Save As…", "Keep both: save yours as another file", Msg::Dialog(DialogMsg::SaveAsInstead)),
                    ("Overwrite", "Replace the file with this window's version", Msg::File(FileMsg::Disk(DiskAnswer::Overwrite))),
                    ("Cancel", "Do not save", Msg::Dialog(DialogMsg::CloseDialog)),
                ]));
            }
            Dialog::Recover(found) => {
                ui.heading("Restore unsaved work?");
                let from = found
                    .original
                    .as_ref()
                    .map_or_else(|| "a scenario that was never saved".to_owned(), |p| p.display().to_string());
                // In a browser the copy was kept by the page, and a closed tab is the usual cause.
                let why = if crate::ui::host::RECOVERY_IN_STORAGE {
                    "The page was closed with unsaved work."
                } else {
                    "Concord did not close normally last time."
                };
                ui.label(format!(
                    "{why} Unsaved changes to {from} (“{}”) were kept.",
                    found.scenario.title
                ));
                ui.horizontal(|ui| {
                    let restore = ui.button("Restore").on_hover_text("Open the unsaved work; save it to keep it");
                    default_button(ui, &restore, dialog);
                    if restore.clicked() {
                        out.send(Msg::File(FileMsg::RestoreRecovered));
                    }
                    if ui.button("Discard").on_hover_text("Delete the kept copy").clicked() {
                        out.send(Msg::File(FileMsg::DiscardRecovered));
                    }
                });
            }
            Dialog::Shortcuts => {
                ui.heading("Keyboard shortcuts");
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for c in Command::every().filter(|c| shortcut(*c).is_some()) {
                        ui.label(c.label());
                        let mut keys: Vec<String> = shortcut(c).iter().map(|s| ctx.format_shortcut(s)).collect();
                        keys.extend(alternative_shortcut(c).iter().map(|s| ctx.format_shortcut(s)));
                        ui.label(RichText::new(keys.join("  or  ")).monospace());
                        ui.end_row();
                    }
                    ui.label("A dialog's default answer (it has the keyboard)");
                    ui.label(RichText::new("Enter").monospace());
                    ui.end_row();
                    ui.label("Close a dialog, changing nothing");
                    ui.label(RichText::new("Esc").monospace());
                    ui.end_row();
                });
                ui.add_space(6.0);
                ui.label(RichText::new("On a cell of the table").strong());
                egui::Grid::new("cell-keys").striped(true).show(ui, |ui| {
                    for (keys, what) in crate::app::cell_keys::CELL_KEYS {
                        ui.label(what);
                        ui.label(RichText::new(keys).monospace());
                        ui.end_row();
                    }
                });
                ui.add_space(6.0);
                ui.label(RichText::new("In a presentation").strong());
                egui::Grid::new("presentation-keys").striped(true).show(ui, |ui| {
                    for (keys, what) in PresentCommand::HELP {
                        ui.label(what);
                        ui.label(RichText::new(keys).monospace());
                        ui.end_row();
                    }
                });
                if ui.button("Close").clicked() {
                    out.send(Msg::Dialog(DialogMsg::CloseDialog));
                }
            }
            Dialog::About => {
                ui.heading("Concord");
                ui.label(format!("Version {}", crate::about::VERSION_LINE));
                ui.label(format!("Licence: {} (see LICENSE-MIT and LICENSE-APACHE)", crate::about::LICENSE));
                ui.label("Compare peace-process proposals side by side on weighted, sourced criteria.");
                ui.label(where_things_live());
                ui.label(
                    "Each value is put on a 0–1 scale (levels evenly spaced, lower-is-better inverted). \
                     A total is the weighted mean over the criteria a proposal is scored on; the share \
                     of the weight that is scored (coverage) is shown beside it. Unscored cells are left \
                     out, never counted as 0.",
                );
                ui.label(RichText::new("Scores are readings of the cited sources, not verdicts.").italics());
                if ui.button("Close").clicked() {
                    out.send(Msg::Dialog(DialogMsg::CloseDialog));
                }
            }
        }
    });
    if modal.should_close() {
        if let Some(msg) = dismissed(dialog) {
            out.send(msg);
        }
    }
}

/// What Escape (or a click beside the dialog) answers: the dialog's own Cancel, which
/// changes nothing. None where every answer acts (Restore or Discard a recovered copy).
fn dismissed(dialog: &Dialog) -> Option<Msg> {
    match dialog {
        Dialog::UnsavedChanges(_) => Some(Msg::File(FileMsg::AnswerUnsaved(None))),
        Dialog::LiveRoundRunning(_) => Some(Msg::File(FileMsg::AnswerLiveRunning(false))),
        Dialog::ConfirmReplace { .. } => Some(Msg::Dialog(DialogMsg::AnswerReplace(false))),
        Dialog::StatedWeights(_) => Some(Msg::Doc(DocMsg::AnswerStated(StatedChoice::Cancel))),
        Dialog::ScoreTarget(_) => Some(Msg::Doc(DocMsg::AnswerScoreTarget(ScoreTarget::Cancel))),
        Dialog::Recover(_) => None,
        Dialog::LoadFailed(_)
        | Dialog::SaveFailed(_)
        | Dialog::PathEntry { .. }
        | Dialog::Shortcuts
        | Dialog::About
        | Dialog::Compare(_)
        | Dialog::NewerOnDisk(_)
        | Dialog::HandOut { .. }
        | Dialog::StudentName(_)
        | Dialog::Import(_) => Some(Msg::Dialog(DialogMsg::CloseDialog)),
    }
}

/// What `pending` is, in a sentence's opening words.
fn pending_words(pending: &Pending) -> String {
    match pending {
        Pending::New(i) => match crate::seeds::BUNDLED.get(*i) {
            Some(b) if *i != crate::seeds::BLANK => format!("Opening “{}”", b.title),
            _ => "Starting a new scenario".to_owned(),
        },
        Pending::Open(_) => "Opening another file".to_owned(),
        Pending::Quit => "Quitting".to_owned(),
        Pending::Import(_) => "Opening the imported table".to_owned(),
    }
}

fn live_running_ui(ui: &mut egui::Ui, (dialog, pending): (&Dialog, &Pending), out: &mut Outbox) {
    ui.heading("A live round is running");
    ui.label(format!(
        "{} ends the live round for this lesson: students can no longer send answers, and \
         the answers sent so far become students' readings in this lesson (Undo takes them \
         back).",
        pending_words(pending)
    ));
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let close = ui
            .button("Close the round and continue")
            .on_hover_text("The answers join this lesson; you are then asked to save it");
        default_button(ui, &close, dialog);
        if close.clicked() {
            out.send(Msg::File(FileMsg::AnswerLiveRunning(true)));
        }
        if ui
            .button("Cancel")
            .on_hover_text("Keep the round running; nothing happens")
            .clicked()
        {
            out.send(Msg::File(FileMsg::AnswerLiveRunning(false)));
        }
    });
}

fn unsaved_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    (dialog, pending): (&Dialog, &Pending),
    out: &mut Outbox,
) {
    ui.heading("Save your changes?");
    let what = pending_words(pending);
    ui.label(format!(
        "{what} will discard the changes to “{}” that you have not saved.",
        state.doc().display_name()
    ));
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let save = ui.button("Save").on_hover_text("Save, then continue");
        default_button(ui, &save, dialog);
        if save.clicked() {
            out.send(Msg::File(FileMsg::AnswerUnsaved(Some(true))));
        }
        if ui
            .button("Don't save")
            .on_hover_text("Discard the changes and continue")
            .clicked()
        {
            out.send(Msg::File(FileMsg::AnswerUnsaved(Some(false))));
        }
        if ui
            .button("Cancel")
            .on_hover_text("Keep editing; nothing happens")
            .clicked()
        {
            out.send(Msg::File(FileMsg::AnswerUnsaved(None)));
        }
    });
}

fn path_entry_ui(
    ui: &mut egui::Ui,
    purpose: FilePurpose,
    mut text: String,
    reason: &str,
    out: &mut Outbox,
) {
    ui.heading(purpose.title());
    if !reason.is_empty() {
        ui.label(reason);
    }
    let label = ui.label("File path");
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(480.0)
                .hint_text(if purpose.picks_many() {
                    "/path/to/folder, or a.ron; b.ron".to_owned()
                } else {
                    format!("/path/to/file.{}", purpose.file_type().1)
                }),
        )
        .labelled_by(label.id)
        .on_hover_text(if purpose.picks_many() {
            "A folder (all its .ron files), or several files separated by ;".to_owned()
        } else {
            format!(
                "A full path, or a name to put beside the scenario; .{} is added if missing",
                purpose.file_type().1
            )
        });
    // The field has the keyboard from the start: the first thing typed is the path.
    if !ui.data(|d| d.get_temp::<bool>(path_field_focused()).unwrap_or(false)) {
        r.request_focus();
        ui.data_mut(|d| d.insert_temp(path_field_focused(), true));
    }
    if r.changed() {
        out.send(Msg::Dialog(DialogMsg::PathText(text.clone())));
    }
    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        let ok = purpose.action();
        if ui
            .add_enabled(!text.trim().is_empty(), egui::Button::new(ok))
            .clicked()
            || enter
        {
            out.send(Msg::Dialog(DialogMsg::ConfirmPath));
        }
        if ui.button("Cancel").clicked() {
            out.send(Msg::Dialog(DialogMsg::CloseDialog));
        }
    });
}

/// Where scenario files, preferences and recovery copies live, in a sentence for About.
fn where_things_live() -> String {
    if crate::ui::host::IN_BROWSER {
        return "Scenario files are wherever you open and save them. Preferences and the \
                recovery copy of unsaved work are kept in this browser's storage for this page."
            .to_owned();
    }
    match crate::ui::window::start::data_dir() {
        Some(dir) => format!(
            "Scenario files are wherever you open and save them. Preferences are kept in {}; \
             recovery copies of unsaved work in {}.",
            dir.display(),
            dir.join("recovery").display()
        ),
        None => "Scenario files are wherever you open and save them. This system gives no \
                 folder for preferences: they are not kept between runs."
            .to_owned(),
    }
}
