//! One workload for measuring a frame, run by `benches/frame` natively and by the web build
//! (`index.html?frame-bench`) in the browser's wasm engine, so the two figures compare the
//! same code on the same input.

use egui::{pos2, vec2, RawInput, Rect};

use crate::app::Document;
use crate::ui::ConcordApp;

/// The default lesson in a 1280 × 800 window, with the pointer moving over the cards and
/// the table along a fixed path, one step per frame.
pub struct PointerMoving {
    ctx: egui::Context,
    app: ConcordApp,
    step: usize,
}

impl PointerMoving {
    /// A window on the default lesson, not yet drawn.
    pub fn new() -> Self {
        let ctx = egui::Context::default();
        let scenario = crate::seeds::default_scenario().unwrap_or_default();
        let app = ConcordApp::with_document(&ctx, Document::new(scenario, None));
        Self { ctx, app, step: 0 }
    }

    /// Moves the pointer one step and builds the frame (the UI only: no tessellation).
    pub fn frame(&mut self) {
        let i = self.step;
        self.step += 1;
        let at = pos2(
            300.0 + ((i * 17) % 600) as f32,
            200.0 + ((i * 29) % 500) as f32,
        );
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
            events: vec![egui::Event::PointerMoved(at)],
            ..Default::default()
        };
        let app = &mut self.app;
        let out = self.ctx.run_ui(input, |ui| app.ui(ui));
        out.drop_without_applying_deltas();
    }
}

impl Default for PointerMoving {
    fn default() -> Self {
        Self::new()
    }
}
