//! Keeping the window in step with the state: theme and zoom, title, full screen for the
//! presentation, closing, native file dialogs, pictures for PNG export and the recovery
//! copy's tick. Each is told to the window once, when it changes.

use crate::app::{FileMsg, ViewMsg};
use std::sync::{Arc, Mutex};

use egui::ViewportCommand;

use crate::app::{AppState, Effects, Msg, Outbox, Prefs, ThemeChoice};
use crate::ui::dialogs::native::FileDialogs;

/// The window's size at start, when the screen has room for it.
pub const WINDOW_SIZE: [f32; 2] = [1280.0, 800.0];

/// What the window was last told.
#[derive(Default)]
pub struct WindowSync {
    title_sent: String,
    /// The theme, zoom and motion last applied.
    applied: Option<(ThemeChoice, f32, bool)>,
    /// Whether the window was last set to full screen (for the presentation).
    fullscreen: bool,
    /// Whether the window's size was checked against the screen's.
    fitted: bool,
    /// A picture of the window, delivered by the renderer after a request.
    picture: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
    /// Where a PNG export is.
    export: ExportStage,
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

impl Default for ExportStage {
    fn default() -> Self {
        ExportStage::Waiting(2)
    }
}

impl WindowSync {
    /// Applies the theme, zoom and motion when they changed.
    pub fn apply_theme(&mut self, ctx: &egui::Context, prefs: &Prefs) {
        let wanted = (prefs.theme, prefs.zoom, prefs.reduce_motion);
        if self.applied != Some(wanted) {
            crate::ui::window::theme::apply(ctx, wanted.0, wanted.1);
            crate::ui::window::theme::set_motion(ctx, !wanted.2);
            self.applied = Some(wanted);
        }
    }

    /// What the window tells the state this frame, as messages: the clock (recovery copies,
    /// looks at the file on disk), a picture taken for an export.
    pub fn input(&mut self, ctx: &egui::Context, state: &AppState, out: &mut Outbox) {
        // Busy: a button held down or input in the last moment (a drag, typing).
        let busy = ctx.input(|i| {
            i.pointer.any_down()
                || i.pointer.time_since_last_movement() < 0.5
                || !i.events.is_empty()
        });
        // Back from another program, where the file may have been edited: look at once.
        let focused = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        });
        out.send(Msg::File(FileMsg::Tick { busy, focused }));
        self.take_picture(ctx, state, out);
    }

    /// Tells the window what changed this frame, and does what the state handed over (a
    /// native dialog, a download, closing). What it has to say back (a download that
    /// failed) goes in `later`, sent with the next frame's messages.
    pub fn sync(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        effects: Effects,
        dialogs: &mut FileDialogs,
        later: &mut Outbox,
    ) {
        if !self.fitted {
            // The first size asked for does not fit a small laptop screen: fill it instead.
            if let Some(monitor) = ctx.input(|i| i.viewport().monitor_size) {
                self.fitted = true;
                if !crate::ui::layout::fits_on_screen(WINDOW_SIZE.into(), monitor) {
                    ctx.send_viewport_cmd(ViewportCommand::Maximized(true));
                }
            }
        }
        let presenting = state.presenter().is_some();
        if presenting != self.fullscreen {
            crate::ui::host::set_fullscreen(ctx, presenting);
            self.fullscreen = presenting;
        }
        if let Some(purpose) = effects.native_request {
            let wake = ctx.clone();
            let suggested = state.suggested_path(purpose);
            dialogs.show(purpose, suggested, move || wake.request_repaint());
        }
        crate::ui::dialogs::file_access::follow(
            state.doc().id(),
            state.doc().browser_file.as_deref(),
        );
        if let Some(d) = effects.download {
            if d.write_back {
                let wake = ctx.clone();
                let doc = state.doc().id();
                crate::ui::dialogs::file_access::write(doc, d.bytes, dialogs.sender(), move || {
                    wake.request_repaint()
                });
            } else if let Err(e) = crate::ui::host::download(&d.name, d.mime, &d.bytes) {
                later.send(Msg::View(ViewMsg::Status(format!(
                    "{} could not be downloaded: {e}",
                    d.name
                ))));
                ctx.request_repaint();
            }
        }
        if effects.close {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        match state.jobs_running() {
            // In a browser a job advances only when polled: the next frame at once.
            (true, true) => ctx.request_repaint(),
            // A worker cannot wake the window: look again shortly.
            (true, false) => ctx.request_repaint_after(std::time::Duration::from_millis(30)),
            _ => {}
        }
        // Students' answers arrive on other threads: look a few times a second.
        if state.live_running() {
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        }
        for after in [state.next_recovery_tick(), state.next_look()]
            .into_iter()
            .flatten()
        {
            ctx.request_repaint_after(after);
        }
        let title = state.title();
        if title != self.title_sent {
            crate::ui::host::set_title(ctx, &title);
            self.title_sent = title;
        }
    }

    /// Hands a picture to the state once the export dialog has closed and a frame without
    /// it has been drawn.
    fn take_picture(&mut self, ctx: &egui::Context, state: &AppState, out: &mut Outbox) {
        let taken = self.picture.lock().ok().and_then(|mut slot| slot.take());
        if let Some(image) = taken {
            self.export = ExportStage::default();
            out.send(Msg::File(FileMsg::PictureTaken(
                crate::ui::window::screenshot::png_bytes(&image),
            )));
            return;
        }
        if state.png_target().is_none() || state.dialog().is_some() {
            self.export = ExportStage::default();
            return;
        }
        match self.export {
            ExportStage::Waiting(0) => {
                let slot = self.picture.clone();
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
            // The picture may arrive as an input event (in a browser): keep drawing frames
            // so that it is read without waiting for the user to move.
            ExportStage::Asked => ctx.request_repaint_after(std::time::Duration::from_millis(30)),
        }
    }

    /// True while the window is (asked to be) full screen.
    pub fn is_fullscreen(&self) -> bool {
        self.fullscreen
    }

    /// True when a picture has been asked for and not yet delivered.
    pub fn is_waiting_for_screenshot(&self) -> bool {
        self.export == ExportStage::Asked
    }

    /// Hands a picture of the window to the exporter, as the renderer does.
    pub fn deliver_screenshot(&mut self, image: egui::ColorImage) {
        if let Ok(mut s) = self.picture.lock() {
            *s = Some(Arc::new(image));
        }
    }
}
