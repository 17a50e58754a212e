//! Starting the app for the window tests, the same way in every test file.

use concord::app::Prefs;
use concord::ui::{ConcordApp, StartOptions};
use egui_kittest::{Harness, HarnessBuilder};

/// The builder every window test starts from: the given size, and enough steps per run for
/// dialogs to fade in.
pub fn builder(size: egui::Vec2) -> HarnessBuilder<ConcordApp> {
    Harness::builder().with_size(size).with_max_steps(16)
}

/// Start options for tests: a path field instead of native dialogs, optional recovery.
pub fn options(recovery_dir: Option<std::path::PathBuf>) -> StartOptions {
    StartOptions {
        path_field_dialogs: true,
        recovery_dir,
        ..StartOptions::default()
    }
}

/// Starts the app from `builder` and runs it until it settles. Background jobs (recovery
/// copies, rank acceptability) run inline, so what a test sees never depends on timing.
pub fn start(
    builder: HarnessBuilder<ConcordApp>,
    options: StartOptions,
    prefs: Prefs,
) -> Harness<'static, ConcordApp> {
    concord::platform::run_jobs_inline(true);
    let mut h = builder.build_eframe(move |cc| ConcordApp::new(&cc.egui_ctx, options, prefs));
    h.run();
    h
}
