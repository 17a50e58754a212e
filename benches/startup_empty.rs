//! The yardstick for Concord's start-up: an empty eframe window with the same options,
//! which prints the time from launch (`CONCORD_STARTUP_PROBE`, ms since the Unix epoch) to
//! its first frame on screen, then closes. `benches/startup.sh` times both.

use std::time::{SystemTime, UNIX_EPOCH};

fn main() -> eframe::Result<()> {
    let launched: f64 = std::env::var("CONCORD_STARTUP_PROBE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Empty")
            .with_inner_size([1280.0, 800.0]),
        // STARTUP_RENDERER=glow: the same empty window drawn with OpenGL, as Concord is.
        renderer: if std::env::var("STARTUP_RENDERER").is_ok_and(|r| r == "glow") {
            eframe::Renderer::Glow
        } else {
            eframe::Renderer::default()
        },
        ..Default::default()
    };
    let mut frames = 0;
    eframe::run_ui_native("Empty", options, move |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("An empty window");
        });
        frames += 1;
        if frames == 1 {
            ui.ctx().request_repaint();
        } else if frames == 2 {
            // The second frame starts once the first is on screen.
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
            println!("first frame on screen after {:.1} ms", now - launched);
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    })
}
