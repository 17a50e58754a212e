//! CPU cost of one frame of the main window, headless: the default scenario against a
//! generated 2,000 × 300 one. Egui's own bench pattern: a fixed input, a few warm-up frames,
//! then run the UI and tessellate its shapes.

use concord::app::{DocMsg, SelectMsg, ViewMsg};
use std::hint::black_box;
use std::time::{Duration, Instant};

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
        let cell = concord::app::Selection::Cell(c, p);
        app.state
            .update(concord::app::Msg::Selection(SelectMsg::Select(cell)));
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

/// Frames drawn while 2,000 × 300 is saved on a worker: each iteration is one frame, and
/// a new save starts whenever the last one has finished, so every frame measured runs
/// beside a save (its first frame starts it, its last takes in the result). Prints the
/// longest frame seen; then the one frame that edits during a save (the edit copies the
/// document the save still reads).
fn frames_during_save(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let scenario = concord::synth::scenario(2_000, 300, 42);
    let mut app = ConcordApp::with_document(&ctx, Document::new(scenario, None));
    let dir = std::env::temp_dir().join(format!("concord-bench-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join("large.ron");
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
        ..Default::default()
    };
    // Warm up first (the first frames build the font atlas), as the other frame benches do.
    for _ in 0..5 {
        let out = ctx.run_ui(input.clone(), |ui| app.ui(ui));
        out.drop_without_applying_deltas();
    }
    let mut longest = Duration::ZERO;
    let mut saves = 0;
    c.bench_function("frame/during-save/2000x300", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                if !app.state.is_saving() {
                    app.state.save_to(&path);
                    saves += 1;
                }
                let out = ctx.run_ui(input.clone(), |ui| app.ui(ui));
                let primitives = ctx.tessellate(out.shapes.clone(), out.pixels_per_point);
                out.drop_without_applying_deltas();
                black_box(primitives);
                let spent = started.elapsed();
                longest = longest.max(spent);
                total += spent;
            }
            total
        })
    });
    app.state.finish_save();
    println!("longest frame during {saves} saves of 2,000 × 300: {longest:.2?}");
    // The worst case: an edit while the save still reads the document.
    app.state.save_to(&path);
    let mut w = app.state.scenario().criteria[0].clone();
    w.weight += 1.0;
    let started = Instant::now();
    app.state
        .edit("weight", None, concord::app::Edit::SetCriterion(0, w));
    let out = ctx.run_ui(input.clone(), |ui| app.ui(ui));
    out.drop_without_applying_deltas();
    let edit_frame = started.elapsed();
    let still_saving = app.state.is_saving();
    app.state.finish_save();
    println!(
        "a frame that edits during a save: {edit_frame:.2?} (save still running: {still_saving})"
    );
    let _ = std::fs::remove_dir_all(&dir);
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

/// The default lesson while the pointer moves over the cards and the table, the UI only
/// (no tessellation): the workload the web build runs in the browser (`?frame-bench`, printed
/// by the browser test), measured natively to compare.
fn frames_pointer_moving(c: &mut Criterion) {
    let mut window = concord::ui::frame_bench::PointerMoving::new();
    for _ in 0..20 {
        window.frame();
    }
    c.bench_function("frame/default/pointer moving, UI only", |b| {
        b.iter(|| window.frame())
    });
}

/// A weight dragged on 2,000 × 300: every frame changes one criterion's weight (as a drag
/// sends it) and draws the window; 60 frames make one drag, averaged per frame.
fn frames_during_weight_drag(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let scenario = concord::synth::scenario(2_000, 300, 42);
    let mut app = ConcordApp::with_document(&ctx, Document::new(scenario, None));
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
        ..Default::default()
    };
    let mut frame_with_weight = |w: f64| {
        let mut criterion = app.state.scenario().criteria[0].clone();
        criterion.weight = w;
        app.state.update(concord::app::Msg::Doc(DocMsg::Edit {
            label: "weight".into(),
            key: Some("weight:drag".into()),
            edit: Box::new(concord::app::Edit::SetCriterion(0, criterion)),
        }));
        let out = ctx.run_ui(input.clone(), |ui| app.ui(ui));
        let primitives = ctx.tessellate(out.shapes.clone(), out.pixels_per_point);
        out.drop_without_applying_deltas();
        primitives
    };
    for i in 0..5 {
        black_box(frame_with_weight(1.0 + f64::from(i)));
    }
    let mut i = 0u32;
    c.bench_function("frame/weight-drag/2000x300", |b| {
        b.iter(|| {
            i = (i + 1) % 60;
            black_box(frame_with_weight(1.0 + f64::from(i) / 6.0))
        })
    });
}

/// Frames of one main view of `scenario` when nothing changes (what the view works out is
/// kept between frames), after five warm-up frames.
fn view_bench(c: &mut Criterion, name: &str, scenario: Scenario, view: concord::app::MainView) {
    let ctx = egui::Context::default();
    let mut app = ConcordApp::with_document(&ctx, Document::new(scenario, None));
    app.state
        .update(concord::app::Msg::View(ViewMsg::Show(view)));
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
        ..Default::default()
    };
    let mut frame = || {
        let out = ctx.run_ui(input.clone(), |ui| app.ui(ui));
        let primitives = ctx.tessellate(out.shapes.clone(), out.pixels_per_point);
        out.drop_without_applying_deltas();
        primitives
    };
    for _ in 0..5 {
        black_box(frame());
    }
    c.bench_function(name, |b| b.iter(|| black_box(frame())));
}

/// The "Everyone at once" view on 2,000 × 300 with 20 perspectives.
fn frames_everyone(c: &mut Criterion) {
    let mut scenario = concord::synth::scenario(2_000, 300, 42);
    concord::synth::add_perspectives(&mut scenario, 20, 10, 100, 0, 7);
    view_bench(
        c,
        "frame/everyone/2000x300x20",
        scenario,
        concord::app::MainView::Everyone,
    );
}

/// The class round view with 200 students' readings of the default lesson.
fn frames_round(c: &mut Criterion) {
    let template = concord::seeds::default_scenario().unwrap();
    let mut round = template.clone();
    for i in 0..200u64 {
        let copy = concord::analysis::round::sample_copy(&template, i, &format!("S{i:03}"));
        let c = concord::model::collect::collect(&round, &copy, &format!("S{i:03}"), "copy.ron");
        round.perspectives.push(c.perspective);
    }
    view_bench(
        c,
        "frame/round/200 readings",
        round,
        concord::app::MainView::Round,
    );
}

/// Frames of the round view while a live round runs and 60 students on 127.0.0.1 join and
/// send their answers, each every second (sixty a second: more than a class sends). Prints
/// the longest frame and how many answers arrived.
fn frames_during_live_round(c: &mut Criterion) {
    use concord::app::live_round::LiveMsg;
    use concord::app::Msg;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;
    let ctx = egui::Context::default();
    let scenario = concord::seeds::default_scenario().expect("the default lesson");
    let criteria = scenario.criteria.len();
    let mut app = ConcordApp::with_document(&ctx, Document::new(scenario, None));
    app.state.update(Msg::Live(LiveMsg::Start {
        ip: [127, 0, 0, 1].into(),
        port: 0,
        settings: concord::live::Settings {
            seats: 60,
            ..Default::default()
        },
        // Sixty phones would be sixty clients; here they share one address.
        limits: concord::live::Limits {
            per_second: 100_000,
            burst: 100_000,
        },
    }));
    let live = app.state.live().expect("the round runs");
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
        ..Default::default()
    };
    let stop = Arc::new(AtomicBool::new(false));
    let sent = Arc::new(AtomicUsize::new(0));
    let students: Vec<_> = (0..60)
        .map(|i| {
            let (stop, sent) = (Arc::clone(&stop), Arc::clone(&sent));
            let (base, code) = (live.address.clone(), live.code.clone());
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .max_redirects(0)
                    .http_status_as_error(false)
                    .build()
                    .into();
                let Ok(r) = agent
                    .post(&format!("{base}join"))
                    .send_form([("code", code.as_str()), ("name", &format!("S{i}"))])
                else {
                    return;
                };
                let Some(seat) = r.headers().get("location").and_then(|v| v.to_str().ok()) else {
                    return;
                };
                let seat = format!("{}{seat}", base.trim_end_matches('/'));
                let mut n = 0u32;
                // CONCORD_BENCH_IDLE=1: the students join and wait, a control for what the
                // threads themselves cost the frames on this machine.
                let idle = std::env::var_os("CONCORD_BENCH_IDLE").is_some();
                while !stop.load(Ordering::Relaxed) {
                    if idle {
                        std::thread::sleep(Duration::from_millis(100));
                        continue;
                    }
                    n += 1;
                    let form: Vec<(String, String)> = (0..criteria)
                        .map(|k| (format!("w.{k}"), ((n + k as u32) % 11).to_string()))
                        .collect();
                    if agent
                        .post(&seat)
                        .send_form(form.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                        .is_ok()
                    {
                        sent.fetch_add(1, Ordering::Relaxed);
                    }
                    std::thread::sleep(Duration::from_secs(1));
                }
            })
        })
        .collect();
    let mut times: Vec<Duration> = Vec::new();
    let mut frame = |times: &mut Vec<Duration>| {
        let started = Instant::now();
        let out = ctx.run_ui(input.clone(), |ui| app.ui(ui));
        let primitives = ctx.tessellate(out.shapes.clone(), out.pixels_per_point);
        out.drop_without_applying_deltas();
        times.push(started.elapsed());
        primitives
    };
    // The first frames lay out fonts and the round view: not what a teacher waits on.
    for _ in 0..5 {
        black_box(frame(&mut Vec::new()));
    }
    c.bench_function("round view, 60 students sending", |b| {
        b.iter(|| black_box(frame(&mut times)))
    });
    stop.store(true, Ordering::Relaxed);
    for s in students {
        let _ = s.join();
    }
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
    let over = times.iter().filter(|t| t.as_secs_f64() > 0.004).count();
    println!(
        "frames while answers arrived: {} frames, median {:.2} ms, 99th percentile {:.2} ms, \
         longest {:.2} ms, {over} over 4 ms; {} answers taken",
        times.len(),
        at(0.5),
        at(0.99),
        at(1.0),
        sent.load(Ordering::Relaxed)
    );
}

criterion_group!(
    benches,
    frames,
    frames_pointer_moving,
    frames_during_save,
    frames_during_weight_drag,
    frames_everyone,
    frames_during_live_round,
    frames_round
);
criterion_main!(benches);
