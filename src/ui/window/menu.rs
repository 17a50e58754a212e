//! The menu bar, the toolbar above the cards and the status bar.

use crate::app::{DialogMsg, DocMsg, FileMsg, ViewMsg};
use egui::{RichText, Ui};

use crate::app::{AppState, Command, MainView, Msg, Outbox, Pending};
use crate::seeds::BUNDLED;
use crate::ui::window::shortcuts::shortcut;
use crate::ui::{ColumnLayout, ViewState};

/// A menu entry for a command: label, shortcut text, tooltip.
fn command_button(
    ui: &mut Ui,
    state: &AppState,
    command: Command,
    enabled: bool,
    out: &mut Outbox,
) {
    let label = match command {
        Command::Undo => state
            .history()
            .undo_label()
            .map_or_else(|| "Undo".to_owned(), |l| format!("Undo: {l}")),
        Command::Redo => state
            .history()
            .redo_label()
            .map_or_else(|| "Redo".to_owned(), |l| format!("Redo: {l}")),
        _ => command.label().to_owned(),
    };
    let mut button = egui::Button::new(label);
    if let Some(s) = shortcut(command) {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip())
        .on_disabled_hover_text(command.tooltip())
        .clicked()
    {
        out.send(Msg::Command(command));
        ui.close();
    }
}

/// File, Edit, View and Help menus.
pub fn menu_bar_ui(
    ui: &mut Ui,
    state: &AppState,
    view: &mut ViewState,
    file_dialog_open: bool,
    out: &mut Outbox,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            command_button(ui, state, Command::New, true, out);
            ui.menu_button("Open bundled scenario", |ui| {
                for (i, b) in BUNDLED.iter().enumerate() {
                    if ui
                        .button(b.title)
                        .on_hover_text(format!("Start from seeds/{}", b.file))
                        .clicked()
                    {
                        out.send(Msg::File(FileMsg::Request(Pending::New(i))));
                        ui.close();
                    }
                }
            });
            command_button(ui, state, Command::Open, !file_dialog_open, out);
            // A browser has no paths to reopen and no window to quit.
            if !crate::ui::host::IN_BROWSER {
                ui.menu_button("Open recent", |ui| {
                    if state.prefs().recent.is_empty() {
                        ui.label(RichText::new("No recent files").weak());
                    }
                    for path in state.prefs().recent.clone() {
                        let name = recent_label(&path);
                        if ui
                            .button(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            out.send(Msg::File(FileMsg::Request(Pending::Open(Some(path)))));
                            ui.close();
                        }
                    }
                });
            }
            ui.separator();
            command_button(ui, state, Command::Save, !file_dialog_open, out);
            command_button(ui, state, Command::SaveAs, !file_dialog_open, out);
            // Every file made from the scenario, from the one list of formats.
            for command in Command::every().filter(|c| matches!(c, Command::Export(_))) {
                command_button(ui, state, command, !file_dialog_open, out);
            }
            ui.separator();
            command_button(ui, state, Command::ImportTable, !file_dialog_open, out);
            command_button(ui, state, Command::CompareWithFile, !file_dialog_open, out);
            ui.menu_button("Class rounds", |ui| {
                command_button(ui, state, Command::HandOut, !file_dialog_open, out);
                // A page cannot serve other devices.
                if !crate::ui::host::IN_BROWSER {
                    command_button(ui, state, Command::StartLiveRound, true, out);
                }
                command_button(ui, state, Command::AddStudents, !file_dialog_open, out);
                command_button(ui, state, Command::ClassRound, true, out);
            });
            if !crate::ui::host::IN_BROWSER {
                ui.separator();
                command_button(ui, state, Command::Quit, true, out);
            }
        });
        ui.menu_button("Edit", |ui| {
            command_button(
                ui,
                state,
                Command::Undo,
                state.history().undo_label().is_some(),
                out,
            );
            command_button(
                ui,
                state,
                Command::Redo,
                state.history().redo_label().is_some(),
                out,
            );
            ui.separator();
            command_button(ui, state, Command::AddProposal, true, out);
            command_button(ui, state, Command::AddCriterion, true, out);
            command_button(
                ui,
                state,
                Command::DeleteSelection,
                *state.selection() != crate::app::Selection::Scenario,
                out,
            );
        });
        ui.menu_button("View", |ui| {
            command_button(ui, state, Command::Present, true, out);
            command_button(ui, state, Command::WhyRanking, true, out);
            command_button(ui, state, Command::EveryoneAtOnce, true, out);
            command_button(ui, state, Command::ClassRound, true, out);
            ui.separator();
            ui.menu_button("Theme", |ui| {
                for t in crate::app::ThemeChoice::ALL {
                    if ui
                        .radio(state.prefs().theme == t, t.label())
                        .on_hover_text("Colours of the whole app, kept for next time")
                        .clicked()
                    {
                        out.send(Msg::View(ViewMsg::SetTheme(t)));
                        ui.close();
                    }
                }
            });
            command_button(
                ui,
                state,
                Command::ZoomIn,
                state.prefs().zoom < crate::app::prefs::ZOOM_RANGE.1,
                out,
            );
            command_button(
                ui,
                state,
                Command::ZoomOut,
                state.prefs().zoom > crate::app::prefs::ZOOM_RANGE.0,
                out,
            );
            command_button(
                ui,
                state,
                Command::ZoomReset,
                state.prefs().zoom != 1.0,
                out,
            );
            ui.label(RichText::new(format!("Zoom: {:.0}%", state.prefs().zoom * 100.0)).weak());
            ui.separator();
            let mut shown = state.prefs().show_inspector;
            let shortcut = shortcut(Command::ToggleInspector)
                .map(|s| ui.ctx().format_shortcut(&s))
                .unwrap_or_default();
            if ui
                .checkbox(&mut shown, format!("Inspector ({shortcut})"))
                .on_hover_text(Command::ToggleInspector.tooltip())
                .changed()
            {
                out.send(Msg::View(ViewMsg::ShowInspector(shown)));
            }
            let mut still = state.prefs().reduce_motion;
            if ui
                .checkbox(&mut still, "Reduce motion")
                .on_hover_text("Nothing slides or fades: menus, windows and panels appear at once")
                .changed()
            {
                out.send(Msg::View(ViewMsg::ReduceMotion(still)));
            }
            ui.separator();
            if ui
                .button("Expand all groups")
                .on_hover_text("Show every criterion row")
                .clicked()
            {
                view.collapsed_groups.clear();
                ui.close();
            }
        });
        ui.menu_button("Help", |ui| {
            command_button(ui, state, Command::ShowShortcuts, true, out);
            if ui
                .button("About Concord")
                .on_hover_text("What Concord is and how scores are computed")
                .clicked()
            {
                out.send(Msg::Dialog(DialogMsg::ShowAbout));
                ui.close();
            }
        });
    });
}

/// The row above the cards: weights in use, add buttons and the column scroller.
pub fn toolbar_ui(
    ui: &mut Ui,
    state: &AppState,
    view: &mut ViewState,
    layout: &ColumnLayout,
    out: &mut Outbox,
) {
    ui.horizontal(|ui| {
        let title = &state.scenario().title;
        ui.add(egui::Label::new(RichText::new(title).heading().strong()).truncate())
            .on_hover_text(format!(
                "{}\n\n{}",
                crate::ui::widgets::short_label_of(title, 600),
                state.scenario().description
            ));
    });
    ui.horizontal_wrapped(|ui| {
        let current = state
            .perspective()
            .and_then(|id| state.scenario().perspective_by_id(id))
            .map_or_else(|| "Criteria weights".to_owned(), |p| p.name.clone());
        let label = ui.label("Weights:");
        let mut choice = state.perspective().map(str::to_owned);
        egui::ComboBox::from_id_salt("perspective")
            .selected_text(current)
            .width(240.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choice, None, "Criteria weights")
                    .on_hover_text("The weights in the table");
                for p in &state.scenario().perspectives {
                    ui.selectable_value(&mut choice, Some(p.id.clone()), &p.name)
                        .on_hover_text(&p.description);
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "Score with the table's weights, or with a stakeholder's stated priorities",
            );
        if choice.as_deref() != state.perspective() {
            out.send(Msg::Doc(DocMsg::SetPerspective(choice)));
        }
        ui.separator();
        let showing = state.main_view();
        for (shown, label, tip) in [
            (
                MainView::Comparison,
                "Comparison",
                "The cards and the criteria table",
            ),
            (
                MainView::Analysis,
                "Why this ranking?",
                Command::WhyRanking.tooltip(),
            ),
            (
                MainView::Everyone,
                "Everyone at once",
                Command::EveryoneAtOnce.tooltip(),
            ),
            (
                MainView::Round,
                "Class round",
                Command::ClassRound.tooltip(),
            ),
        ] {
            if ui
                .selectable_label(showing == shown, label)
                .on_hover_text(tip)
                .clicked()
            {
                out.send(Msg::View(ViewMsg::Show(shown)));
            }
        }
        ui.separator();
        if ui
            .button("+ Proposal")
            .on_hover_text(Command::AddProposal.tooltip())
            .clicked()
        {
            out.send(Msg::Command(Command::AddProposal));
        }
        if ui
            .button("+ Criterion")
            .on_hover_text(Command::AddCriterion.tooltip())
            .clicked()
        {
            out.send(Msg::Command(Command::AddCriterion));
        }
        if layout.total > layout.visible {
            ui.separator();
            let shown = layout.shown(view.first_proposal);
            if ui
                .add_enabled(shown.start > 0, egui::Button::new("◀"))
                .on_hover_text("Show earlier proposals")
                .clicked()
            {
                view.first_proposal = view.first_proposal.saturating_sub(1);
            }
            ui.label(format!(
                "Proposals {}–{} of {}",
                shown.start + 1,
                shown.end,
                layout.total
            ));
            if ui
                .add_enabled(shown.end < layout.total, egui::Button::new("▶"))
                .on_hover_text("Show later proposals")
                .clicked()
            {
                view.first_proposal += 1;
            }
        }
    });
    // Shift + wheel (or a horizontal wheel) scrolls through proposals.
    if layout.total > layout.visible && ui.rect_contains_pointer(ui.max_rect()) {
        let dx = ui.ctx().input(|i| i.smooth_scroll_delta.x);
        if dx.abs() > 20.0 {
            if dx < 0.0 {
                view.first_proposal += 1;
            } else {
                view.first_proposal = view.first_proposal.saturating_sub(1);
            }
        }
    }
}

/// Status message, selection hint and undo depth.
pub fn status_bar_ui(ui: &mut Ui, state: &AppState) {
    ui.horizontal(|ui| {
        let file = state
            .doc()
            .path
            .as_ref()
            .map_or_else(|| "not saved yet".to_owned(), |p| p.display().to_string());
        ui.label(RichText::new(file).weak())
            .on_hover_text("Where this scenario is saved");
        ui.separator();
        ui.label(state.status());
        if let Some(said) = state.announcement() {
            // A live region: a screen reader says it when it changes, not at every frame.
            ui.separator();
            let r = ui.label(RichText::new(said).weak());
            ui.ctx().accesskit_node_builder(r.id, |node| {
                node.set_live(egui::accesskit::Live::Polite);
            });
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new("Scores are readings of the sources, not verdicts")
                    .weak()
                    .italics(),
            );
        });
    });
}

/// A recent file as the menu lists it: its name, then its folder (two files of one name in
/// different folders must be told apart).
fn recent_label(path: &std::path::Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(folder) => format!("{name} — {}", folder.display()),
        None => name,
    }
}
