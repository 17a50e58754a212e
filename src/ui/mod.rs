//! The window: menus, proposal cards, the criteria table and the inspector.
//! Views read `&AppState` and send messages; `ConcordApp::ui` applies them once per frame.

pub mod analysis;
pub mod bidi;
mod cards;
pub mod contrast;
mod dialogs;
mod host;
mod inspector;
mod layout;
mod present;
mod round;
mod splitter;
mod table;
mod verdicts;
#[cfg(target_arch = "wasm32")]
pub mod web;
pub mod widgets;
mod window;

use crate::app::{DocMsg, FileMsg, RoundMsg, SelectMsg};
use analysis::everyone;
use dialogs::{disk_bar, native as file_dialogs};
pub use window::start::data_dir;
pub use window::{fonts, frame_bench, screenshot, shortcuts, theme};
use window::{menu, start};

use std::collections::BTreeSet;

use crate::app::{AppState, DialogMode, DocId, Document, MainView, Msg, Outbox, Prefs};
use crate::platform::Instant;

pub use layout::ColumnLayout;
#[cfg(not(target_arch = "wasm32"))]
pub use start::run;
pub use start::{prefs_from, StartOptions};

/// The eframe application: the state plus view-only state (scroll positions, folds).
pub struct ConcordApp {
    /// Document, history, selection, dialogs.
    pub state: AppState,
    /// View state that is not part of the document.
    pub view: ViewState,
    /// The "Why this ranking?" view: choices and cached results.
    pub analysis: analysis::AnalysisView,
    /// The "Everyone at once" view's cache and selection.
    pub everyone: everyone::EveryoneView,
    /// Native file dialogs.
    dialogs: file_dialogs::FileDialogs,
    /// What the window was last told (title, full screen, theme), to tell it changes once.
    window: window::WindowSync,
    /// Messages for the next frame (what the window had to say after the update).
    later: Outbox,
    /// The start-up measurement: launch time and frames drawn (see `StartOptions`).
    probe: Option<(f64, u32)>,
}

/// View-only state of one document: which groups are folded, which proposals are scrolled
/// into view. A new document starts from scratch.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// The document this view state belongs to.
    doc: Option<DocId>,
    /// Groups whose rows are hidden.
    pub collapsed_groups: BTreeSet<String>,
    /// Index of the first proposal column shown.
    pub first_proposal: usize,
    /// A number being typed on a cell, shown in it until Enter.
    pub typing: Option<TypedNumber>,
    /// The cell the keyboard moves to, once it is drawn: (criterion id, proposal id).
    pub focus_cell: Option<(String, String)>,
    /// The list of differences with the compared file is open.
    pub comparison_list: bool,
}

/// A number typed on a numeric cell, key by key.
#[derive(Clone, Debug, PartialEq)]
pub struct TypedNumber {
    /// (criterion id, proposal id).
    pub cell: (String, String),
    /// What has been typed.
    pub text: String,
}

impl ViewState {
    /// Starts afresh when the document is another one.
    fn follow(&mut self, doc: DocId) {
        if self.doc != Some(doc) {
            *self = Self {
                doc: Some(doc),
                ..Self::default()
            };
        }
    }
}

impl ConcordApp {
    /// An app showing `state`, with fonts and style installed in `ctx`.
    fn with_state(ctx: &egui::Context, state: AppState) -> Self {
        fonts::install_fonts(ctx);
        widgets::install_style(ctx);
        Self {
            state,
            view: ViewState::default(),
            analysis: analysis::AnalysisView::default(),
            everyone: everyone::EveryoneView::default(),
            dialogs: file_dialogs::FileDialogs::default(),
            window: window::WindowSync::default(),
            later: Outbox::default(),
            probe: None,
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

    /// An app showing `doc`, for benches and tests.
    pub fn with_document(ctx: &egui::Context, doc: Document) -> Self {
        let mut state = AppState::new(doc);
        state.set_dialog_mode(DialogMode::PathField);
        Self::with_state(ctx, state)
    }

    /// Draws one frame of the whole window, then applies what the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut out = Outbox::default();
        for msg in self.later.take() {
            out.send(msg);
        }
        self.window.apply_theme(&ctx, self.state.prefs());
        self.input_ui(&ctx, &mut out);
        self.view.follow(self.state.doc().id());
        if self.state.presenter().is_some() {
            present::presentation_ui(ui, &self.state, &mut out);
        } else {
            self.workspace_ui(ui, &mut out);
        }
        dialogs::dialogs_ui(&ctx, &self.state, &mut out);
        // A gesture ends when the pointer is released: the next change is a new undo step.
        if ctx.input(|i| i.pointer.any_released()) {
            out.send(Msg::Doc(DocMsg::SealGesture));
        }
        let changed = !out.is_empty();
        // The clock and a picture taken: not what the user did, no need to draw again.
        self.window.input(&ctx, &self.state, &mut out);
        self.state.update_all(out.take());
        if changed {
            ctx.request_repaint();
        }
        let effects = self.state.take_effects();
        self.window.sync(
            &ctx,
            &self.state,
            effects,
            &mut self.dialogs,
            &mut self.later,
        );
        // A page's canvas has no accessibility tree: its hidden mirror stands in.
        #[cfg(target_arch = "wasm32")]
        web::mirror::update(&self.state);
        self.startup_probe(&ctx);
    }

    /// The start-up measurement: the second frame starts once the first, with the cards,
    /// is on screen; print the time since launch and close.
    fn startup_probe(&mut self, ctx: &egui::Context) {
        let Some((launched, frames)) = &mut self.probe else {
            return;
        };
        *frames += 1;
        if *frames == 1 {
            ctx.request_repaint();
        } else if *frames == 2 {
            let now = crate::platform::unix_time_ms().unwrap_or(*launched);
            println!("first frame on screen after {:.1} ms", now - *launched);
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The menus, the toolbar, the cards and the table (or the analysis), the inspector.
    fn workspace_ui(&mut self, ui: &mut egui::Ui, out: &mut Outbox) {
        let state = &self.state;
        egui::Panel::top("menu_bar").show(ui, |ui| {
            menu::menu_bar_ui(ui, state, &mut self.view, self.dialogs.is_open(), out)
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| menu::status_bar_ui(ui, state));
        if disk_bar::has_news(state) {
            egui::Panel::top("disk_bar").show(ui, |ui| disk_bar::disk_bar_ui(ui, state, out));
        }
        if let Some(c) = state.comparison() {
            egui::Panel::top("comparison_bar").show(ui, |ui| {
                comparison_bar_ui(ui, c, &mut self.view.comparison_list, out);
            });
            if self.view.comparison_list {
                let mut open = true;
                egui::Window::new(format!(
                    "What differs from this window to {}",
                    file_name(&c.path)
                ))
                .id(egui::Id::unique("comparison-list"))
                .open(&mut open)
                .default_width(640.0)
                // Below the bar and away from the table's first columns.
                .default_pos(ui.ctx().content_rect().center_top() + egui::vec2(0.0, 110.0))
                .vscroll(true)
                .show(ui.ctx(), |ui| {
                    for line in c.text.lines() {
                        ui.label(egui::RichText::new(line).monospace());
                    }
                });
                self.view.comparison_list &= open;
            }
        }
        if state.prefs().show_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(320.0)
                .size_range(260.0..=520.0)
                .show(ui, |ui| inspector::inspector_ui(ui, state, out));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let layout =
                ColumnLayout::for_width(ui.available_width(), state.shown_proposals().len());
            reveal_proposal(state, &mut self.view, &layout, out);
            layout.clamp_first(&mut self.view.first_proposal);
            menu::toolbar_ui(ui, state, &mut self.view, &layout, out);
            match state.main_view() {
                MainView::Analysis => {
                    ui.separator();
                    analysis::analysis_ui(ui, state, &mut self.analysis, out);
                    return;
                }
                MainView::Everyone => {
                    ui.separator();
                    everyone::everyone_ui(ui, state, &mut self.everyone, out);
                    return;
                }
                MainView::Round => {
                    ui.separator();
                    round::round_ui(ui, state, out);
                    return;
                }
                MainView::Comparison => {}
            }
            let cards_height =
                splitter::cards_height(state.prefs().cards_height, ui.available_height());
            ui.allocate_ui(egui::vec2(ui.available_width(), cards_height), |ui| {
                cards::cards_ui(ui, state, &mut self.view, &layout, out);
            });
            splitter::splitter_ui(ui, cards_height, out);
            table::table_ui(ui, state, &mut self.view, &layout, out);
        });
    }

    /// What arrives from outside the views: native dialogs' answers, shortcuts, dropped
    /// files, the window's close button.
    fn input_ui(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        if let Some(answer) = self.dialogs.poll() {
            out.send(Msg::File(FileMsg::DialogAnswered(answer)));
        }
        if self.state.dialog().is_none() {
            shortcuts::presentation_keys(ctx, &self.state, out);
        }
        shortcuts::commands_ui(ctx, &self.state, out);
        let files = ctx.input(|i| i.raw.dropped_files.clone());
        let wake = ctx.clone();
        let mut dropped = self.dialogs.dropped(files, move || wake.request_repaint());
        // One file opens; several are students' copies for the class round.
        if dropped.len() > 1 {
            dropped.sort();
            out.send(Msg::Round(RoundMsg::AddStudents(dropped)));
        } else if let Some(path) = dropped.pop() {
            out.send(Msg::File(FileMsg::Dropped(path)));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.state.close_confirmed() {
            if self.state.doc().is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
            out.send(Msg::File(FileMsg::CloseRequested));
        }
    }

    /// True while the window is (asked to be) full screen, i.e. during a presentation.
    pub fn is_fullscreen(&self) -> bool {
        self.window.is_fullscreen()
    }

    /// True when a picture of the window has been asked for and not yet delivered.
    pub fn is_waiting_for_screenshot(&self) -> bool {
        self.window.is_waiting_for_screenshot()
    }

    /// Hands a picture of the window to the exporter, as the renderer does.
    pub fn deliver_screenshot(&mut self, image: egui::ColorImage) {
        self.window.deliver_screenshot(image);
    }
}

/// Scrolls the proposal columns so a revealed proposal or cell is in view.
fn reveal_proposal(
    state: &AppState,
    view: &mut ViewState,
    layout: &ColumnLayout,
    out: &mut Outbox,
) {
    use crate::app::Selection;
    let pid = match state.reveal() {
        Some(Selection::Proposal(p) | Selection::Cell(_, p)) => p,
        _ => return,
    };
    if matches!(state.reveal(), Some(Selection::Proposal(_))) {
        out.send(Msg::Selection(SelectMsg::Revealed));
    }
    let at = state
        .scenario()
        .proposal_index(pid)
        .and_then(|i| state.shown_proposals().iter().position(|&x| x == i));
    if let Some(i) = at {
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

impl eframe::App for ConcordApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let started = Instant::now();
        ConcordApp::ui(self, ui);
        host::frame_drawn(started.elapsed(), frame.info().cpu_usage);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.prefs());
        if host::RECOVERY_IN_STORAGE {
            use crate::app::browser_files::BrowserCopy;
            match self.state.browser_copy() {
                Some(BrowserCopy::Keep(text)) => storage.set_string(host::RECOVERY_KEY, text),
                Some(BrowserCopy::Clear) => storage.set_string(host::RECOVERY_KEY, String::new()),
                None => {}
            }
        }
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        host::AUTOSAVE_INTERVAL
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// "Comparing with FILE: N differences", with the list and a way to stop.
fn comparison_bar_ui(
    ui: &mut egui::Ui,
    c: &crate::app::round::Comparison,
    list_open: &mut bool,
    out: &mut Outbox,
) {
    ui.horizontal(|ui| {
        ui.label(format!(
            "Comparing with {}: {} difference{}; {} cell{} marked in the table",
            file_name(&c.path),
            c.count,
            if c.count == 1 { "" } else { "s" },
            c.cells.len(),
            if c.cells.len() == 1 { "" } else { "s" },
        ))
        .on_hover_text(c.path.display().to_string());
        if ui
            .button(if *list_open {
                "Hide the differences"
            } else {
                "Show the differences"
            })
            .on_hover_text("Each change, a changed cell with both reasons, and the ranking")
            .clicked()
        {
            *list_open = !*list_open;
        }
        if ui
            .button("Stop comparing")
            .on_hover_text("Remove the marks")
            .clicked()
        {
            *list_open = false;
            out.send(Msg::File(FileMsg::CloseComparison));
        }
    });
}
