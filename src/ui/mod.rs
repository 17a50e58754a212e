//! The window: menus, proposal cards, the criteria table and the inspector.
//! Views read `AppState` and call its methods; they never change the scenario themselves.

pub mod analysis;
mod cards;
mod dialogs;
pub mod export;
pub mod fonts;
mod inspector;
mod layout;
mod menu;
mod present;
mod splitter;
mod table;
pub mod theme;
pub mod widgets;

use std::path::PathBuf;

use egui::ViewportCommand;

use crate::app::{AppState, Command, Dialog, DialogMode, Document, Pending, Prefs, Recovery};

pub use layout::ColumnLayout;

/// The eframe application: the state plus view-only state (scroll positions, folds).
pub struct ConcordApp {
    /// Document, history, selection, dialogs.
    pub state: AppState,
    /// View state that is not part of the document.
    pub view: ViewState,
    title_sent: String,
    /// The theme and zoom last applied, to apply changes once.
    applied: Option<(crate::app::ThemeChoice, f32)>,
    /// Whether the window was last set to full screen (for the presentation).
    fullscreen: bool,
    /// Whether the window's size was checked against the screen's.
    fitted: bool,
    /// A picture of the window, delivered by the renderer after a request.
    screenshot: std::sync::Arc<std::sync::Mutex<Option<std::sync::Arc<egui::ColorImage>>>>,
    /// Where a PNG export is: frames still to wait, or asked for.
    export: ExportStage,
    /// The "Why this ranking?" view: choices and cached results.
    pub analysis: analysis::AnalysisView,
}

/// A PNG export goes: wait until the dialog is gone from the screen, ask the renderer for
/// the pixels, save them when they arrive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ExportStage {
    /// Frames to draw before asking (the closed dialog must be off the screen).
    Waiting(u8),
    /// Asked; the picture comes with a later frame.
    Asked,
}

/// View-only state: which groups are folded, which proposals are scrolled into view.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// Groups whose rows are hidden.
    pub collapsed_groups: std::collections::BTreeSet<String>,
    /// Index of the first proposal column shown.
    pub first_proposal: usize,
    /// Proposal dragged onto another card to reorder, if any.
    pub dragging_proposal: Option<usize>,
}

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A file to open instead of the built-in scenario.
    pub file: Option<PathBuf>,
    /// Use a path field instead of native dialogs.
    pub path_field_dialogs: bool,
    /// Folder for crash-recovery copies; `None` disables recovery.
    pub recovery_dir: Option<PathBuf>,
}

impl ConcordApp {
    /// Builds the app: preferences, the document (a file or the built-in scenario) and
    /// any work left over from a session that did not end cleanly.
    pub fn new(ctx: &egui::Context, options: StartOptions, prefs: Prefs) -> Self {
        fonts::install_fonts(ctx);
        widgets::install_style(ctx);
        let mut state = AppState::with_default_scenario();
        state.prefs = prefs;
        if options.path_field_dialogs {
            state.dialog_mode = DialogMode::PathField;
        }
        if let Some(file) = &options.file {
            state.open_path(file);
        }
        if let Some(dir) = options.recovery_dir {
            let recovery = Recovery::new(dir);
            match recovery.find() {
                Some(Ok(found)) => state.dialog = Some(Dialog::Recover(found)),
                Some(Err(e)) => state.status = format!("A recovery copy could not be read: {e}"),
                None => {}
            }
            state.recovery = Some(recovery);
        }
        Self {
            state,
            view: ViewState::default(),
            title_sent: String::new(),
            applied: None,
            fullscreen: false,
            fitted: false,
            screenshot: Default::default(),
            export: ExportStage::Waiting(2),
            analysis: analysis::AnalysisView::default(),
        }
    }

    /// An app for tests: default scenario, path-field dialogs, no recovery, default prefs.
    pub fn for_tests(ctx: &egui::Context) -> Self {
        Self::new(
            ctx,
            StartOptions {
                path_field_dialogs: true,
                ..StartOptions::default()
            },
            Prefs::default(),
        )
    }

    /// A state for a document, for benches and tests.
    pub fn with_document(ctx: &egui::Context, doc: Document) -> Self {
        let mut app = Self::for_tests(ctx);
        app.state = AppState::new(doc);
        app.state.dialog_mode = DialogMode::PathField;
        app
    }

    /// Draws one frame of the whole window.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let wanted = (self.state.prefs.theme, self.state.prefs.zoom);
        if self.applied != Some(wanted) {
            theme::apply(&ctx, wanted.0, wanted.1);
            self.applied = Some(wanted);
        }
        self.handle_input(&ctx);
        if self.state.presenter.is_some() {
            present::presentation_ui(ui, &mut self.state);
            dialogs::dialogs_ui(&ctx, &mut self.state);
            self.sync_window(&ctx);
            return;
        }

        egui::Panel::top("menu_bar").show(ui, |ui| {
            menu::menu_bar_ui(ui, &mut self.state, &mut self.view)
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| menu::status_bar_ui(ui, &mut self.state));
        if self.state.prefs.show_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(320.0)
                .size_range(260.0..=520.0)
                .show(ui, |ui| inspector::inspector_ui(ui, &mut self.state));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let layout = ColumnLayout::for_width(
                ui.available_width(),
                self.state.scenario().proposals.len(),
            );
            reveal_proposal(&mut self.state, &mut self.view, &layout);
            layout.clamp_first(&mut self.view.first_proposal);
            menu::toolbar_ui(ui, &mut self.state, &mut self.view, &layout);
            if self.state.show_analysis {
                ui.separator();
                analysis::analysis_ui(ui, &mut self.state, &mut self.analysis);
                return;
            }
            let cards_height =
                splitter::cards_height(self.state.prefs.cards_height, ui.available_height());
            ui.allocate_ui(egui::vec2(ui.available_width(), cards_height), |ui| {
                cards::cards_ui(ui, &mut self.state, &mut self.view, &layout);
            });
            splitter::splitter_ui(ui, &mut self.state.prefs.cards_height, cards_height);
            table::table_ui(ui, &mut self.state, &mut self.view, &layout);
        });
        dialogs::dialogs_ui(&ctx, &mut self.state);

        // A gesture ends when the pointer is released: the next change is a new undo step.
        if ctx.input(|i| i.pointer.any_released()) {
            self.state.seal_gesture();
        }
        self.sync_window(&ctx);
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        if let Some(answer) = self.state.dialogs.poll() {
            self.state.dialog_answered(answer);
        }
        // Shortcuts are taken before the widgets see them, so Ctrl+Z is our undo even
        // while a text field has the keyboard focus.
        if self.state.dialog.is_none() {
            if self.state.presenter.is_some() {
                present::handle_keys(ctx, &mut self.state);
            }
            // While a text field has the keyboard, Delete deletes a character.
            let typing = ctx.egui_wants_keyboard_input();
            for command in Command::by_shortcut_specificity() {
                if typing && command == Command::DeleteSelection {
                    continue;
                }
                let pressed = ctx.input_mut(|i| {
                    command.shortcut().is_some_and(|s| i.consume_shortcut(&s))
                        || command
                            .alternative_shortcut()
                            .is_some_and(|s| i.consume_shortcut(&s))
                });
                if pressed {
                    run_command(command, &mut self.state);
                }
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.state.request(Pending::Open(Some(path)));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.state.close_confirmed {
            if self.state.doc.is_dirty() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.state.dialog = Some(Dialog::UnsavedChanges(Pending::Quit));
            } else if let Some(r) = &mut self.state.recovery {
                r.clear();
            }
        }
    }

    fn sync_window(&mut self, ctx: &egui::Context) {
        if !self.fitted {
            // The first size asked for does not fit a small laptop screen: fill it instead.
            if let Some(monitor) = ctx.input(|i| i.viewport().monitor_size) {
                self.fitted = true;
                if !layout::fits_on_screen(WINDOW_SIZE.into(), monitor) {
                    ctx.send_viewport_cmd(ViewportCommand::Maximized(true));
                }
            }
        }
        let presenting = self.state.presenter.is_some();
        if presenting != self.fullscreen {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(presenting));
            self.fullscreen = presenting;
        }
        self.take_screenshot(ctx);
        if let Some(purpose) = self.state.native_request.take() {
            let wake = ctx.clone();
            let suggested = self.state.doc.path.clone();
            self.state
                .dialogs
                .show(purpose, suggested, move || wake.request_repaint());
        }
        if self.state.wants_close {
            self.state.wants_close = false;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        let title = self.state.title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
        if let Some(r) = &mut self.state.recovery {
            let doc = &self.state.doc;
            // Busy: a button held down or input in the last moment (a drag, typing).
            let busy = ctx.input(|i| {
                i.pointer.any_down()
                    || i.pointer.time_since_last_movement() < 0.5
                    || !i.events.is_empty()
            });
            if let Err(e) = r.tick(
                &doc.scenario,
                doc.path.as_deref(),
                doc.version(),
                doc.is_dirty(),
                busy,
            ) {
                self.state.status = format!("Recovery copy not written: {e}");
            }
            if doc.is_dirty() {
                ctx.request_repaint_after(crate::app::recovery::INTERVAL);
            }
        }
    }
}

impl ConcordApp {
    /// Saves the window as a PNG once the export dialog has closed and a frame without it
    /// has been drawn.
    fn take_screenshot(&mut self, ctx: &egui::Context) {
        let taken = self.screenshot.lock().ok().and_then(|mut slot| slot.take());
        if let Some(image) = taken {
            self.export = ExportStage::Waiting(2);
            if let Some(path) = self.state.png_target.take() {
                self.state.status = match crate::ui::export::save_png(&image, &path) {
                    Ok(()) => format!("Saved the view as {}", path.display()),
                    Err(e) => {
                        self.state.dialog = Some(Dialog::SaveFailed(e));
                        "Not exported".into()
                    }
                };
            }
            return;
        }
        if self.state.png_target.is_none() || self.state.dialog.is_some() {
            self.export = ExportStage::Waiting(2);
            return;
        }
        match self.export {
            ExportStage::Waiting(0) => {
                let slot = self.screenshot.clone();
                let wake = ctx.clone();
                ctx.request_screenshot(move |image| {
                    if let Ok(mut s) = slot.lock() {
                        *s = Some(image);
                    }
                    wake.request_repaint();
                });
                self.export = ExportStage::Asked;
            }
            ExportStage::Waiting(n) => {
                self.export = ExportStage::Waiting(n - 1);
                ctx.request_repaint();
            }
            ExportStage::Asked => {}
        }
    }

    /// True while the window is (asked to be) full screen, i.e. during a presentation.
    pub fn is_fullscreen(&self) -> bool {
        self.fullscreen
    }

    /// True when a picture of the window has been asked for and not yet delivered.
    pub fn is_waiting_for_screenshot(&self) -> bool {
        self.export == ExportStage::Asked
    }

    /// Hands a picture of the window to the exporter, as the renderer does.
    pub fn deliver_screenshot(&mut self, image: egui::ColorImage) {
        if let Ok(mut s) = self.screenshot.lock() {
            *s = Some(std::sync::Arc::new(image));
        }
    }
}

/// Scrolls the proposal columns so a revealed proposal or cell is in view.
fn reveal_proposal(state: &mut AppState, view: &mut ViewState, layout: &ColumnLayout) {
    let pid = match &state.reveal {
        Some(crate::app::Selection::Proposal(p) | crate::app::Selection::Cell(_, p)) => p.clone(),
        _ => return,
    };
    if matches!(state.reveal, Some(crate::app::Selection::Proposal(_))) {
        state.reveal = None;
    }
    if let Some(i) = state.scenario().proposal_index(&pid) {
        let shown = layout.shown(view.first_proposal);
        if !shown.contains(&i) {
            view.first_proposal = if i < shown.start {
                i
            } else {
                i + 1 - layout.visible
            };
        }
    }
}

/// Runs a command from the menu or the keyboard.
pub fn run_command(command: Command, state: &mut AppState) {
    match command {
        Command::New => state.request(Pending::New(crate::seeds::BLANK)),
        Command::Open => state.request(Pending::Open(None)),
        Command::Save => {
            state.save();
        }
        Command::SaveAs => state.ask_for_file(crate::app::FilePurpose::SaveAs),
        Command::Quit => state.request(Pending::Quit),
        Command::Undo => state.undo(),
        Command::Redo => state.redo(),
        Command::AddProposal => inspector::add_proposal(state, None),
        Command::AddCriterion => inspector::add_criterion(state, None),
        Command::DeleteSelection => state.delete_selection(),
        Command::ToggleInspector => state.prefs.show_inspector = !state.prefs.show_inspector,
        Command::ShowShortcuts => state.dialog = Some(Dialog::Shortcuts),
        Command::Present => state.presenter = Some(crate::present::Presenter::default()),
        Command::WhyRanking => state.show_analysis = !state.show_analysis,
        Command::ZoomIn => state.prefs.zoom_by(1.1),
        Command::ZoomOut => state.prefs.zoom_by(1.0 / 1.1),
        Command::ZoomReset => state.prefs.zoom = 1.0,
        Command::ExportPng => state.ask_for_file(crate::app::FilePurpose::ExportPng),
        Command::ExportCsv => state.ask_for_file(crate::app::FilePurpose::ExportCsv),
    }
}

impl eframe::App for ConcordApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ConcordApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.prefs);
    }
}

/// The preferences kept in eframe's storage (defaults when there are none or they are
/// unreadable: preferences are never worth an error).
pub fn prefs_from(storage: Option<&dyn eframe::Storage>) -> Prefs {
    storage
        .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
        .unwrap_or_default()
}

/// The window's size at start, when the screen has room for it.
const WINDOW_SIZE: [f32; 2] = [1280.0, 800.0];

/// Opens the window; `file` is opened instead of the built-in scenario.
pub fn run(file: Option<PathBuf>) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Concord")
            .with_app_id("concord")
            .with_inner_size(WINDOW_SIZE)
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Concord",
        options,
        Box::new(move |cc| {
            let prefs = prefs_from(cc.storage);
            let recovery_dir = eframe::storage_dir("Concord").map(|d| d.join("recovery"));
            Ok(Box::new(ConcordApp::new(
                &cc.egui_ctx,
                StartOptions {
                    file,
                    path_field_dialogs: false,
                    recovery_dir,
                },
                prefs,
            )))
        }),
    )
}
