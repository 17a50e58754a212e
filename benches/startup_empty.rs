//! The yardstick for Concord's start-up: an empty eframe window with the same options,
//! closed once its first frame is on screen. `benches/startup.sh` times both.

fn main() -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Empty")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    let mut frames = 0;
    eframe::run_ui_native("Empty", options, move |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("An empty window");
        });
        frames += 1;
        if frames >= 2 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    })
}
