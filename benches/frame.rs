//! CPU cost of one frame of the main window, headless: the default scenario against a
//! generated 2,000 × 300 one. Egui's own bench pattern: a fixed input, a few warm-up frames,
//! then run the UI and tessellate its shapes.

use std::hint::black_box;

use concord::app::Document;
use concord::model::Scenario;
use concord::ui::ConcordApp;
use criterion::{criterion_group, criterion_main, Criterion};
use egui::{pos2, vec2, RawInput, Rect};

fn frame_bench(c: &mut Criterion, name: &str, scenario: Scenario) {
    let ctx = egui::Context::default();
    let mut app = ConcordApp::with_document(&ctx, Document::new(scenario, None));
    // Something selected, so the inspector shows a cell with its evidence.
    let first = app.state.scenario().criteria.first().map(|c| c.id.clone());
    let prop = app.state.scenario().proposals.first().map(|p| p.id.clone());
    if let (Some(c), Some(p)) = (first, prop) {
        app.state.selection = concord::app::Selection::Cell(c, p);
    }
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
        ..Default::default()
    };
    let mut frame = || {
        let out = ctx.run_ui(input.clone(), |ui| app.ui(ui));
        let ppp = out.pixels_per_point;
        let shapes = out.shapes.clone();
        let primitives = ctx.tessellate(shapes, ppp);
        out.drop_without_applying_deltas();
        primitives
    };
    for _ in 0..5 {
        black_box(frame());
    }
    c.bench_function(name, |b| b.iter(|| black_box(frame())));
}

fn frames(c: &mut Criterion) {
    let default = concord::seeds::default_scenario().expect("the built-in scenario loads");
    frame_bench(c, "frame/default", default);
    frame_bench(
        c,
        "frame/2000x300",
        concord::synth::scenario(2_000, 300, 42),
    );
}

criterion_group!(benches, frames);
criterion_main!(benches);
