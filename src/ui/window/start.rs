//! Start-up: the options, the first state (a file or the built-in scenario, work left by a
//! session that did not end cleanly) and opening the native window.

use std::path::PathBuf;

use crate::app::{AppState, DialogMode, Prefs};
#[cfg(not(target_arch = "wasm32"))]
use crate::ui::window::sync::WINDOW_SIZE;
use crate::ui::ConcordApp;

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A file to open instead of the built-in scenario.
    pub file: Option<PathBuf>,
    /// A bundled lesson to open instead (its index in `seeds::BUNDLED`): the web page's
    /// `?lesson=final-status-plans`.
    pub lesson: Option<usize>,
    /// Use a path field instead of native dialogs.
    pub path_field_dialogs: bool,
    /// Folder for crash-recovery copies; `None` disables recovery.
    pub recovery_dir: Option<PathBuf>,
    /// The start-up measurement (`benches/startup.sh`): the launch time (ms since the Unix
    /// epoch, from the environment variable `CONCORD_STARTUP_PROBE`). Once the first frame
    /// is on screen, the time since launch is printed and the window closes.
    pub startup_probe: Option<f64>,
}

impl ConcordApp {
    /// Builds the app: preferences, the document (a file or the built-in scenario) and
    /// any work left over from a session that did not end cleanly.
    pub fn new(ctx: &egui::Context, options: StartOptions, prefs: Prefs) -> Self {
        let mut state = AppState::with_default_scenario();
        state.set_prefs(prefs);
        if options.path_field_dialogs {
            state.set_dialog_mode(DialogMode::PathField);
        }
        match (&options.file, options.lesson) {
            (Some(file), _) => state.open_path(file),
            (None, Some(lesson)) => state.open_bundled(lesson),
            // Where the last session left off; the built-in lesson the first time.
            (None, None) => state.reopen_last(),
        }
        if let Some(dir) = options.recovery_dir {
            state.use_locks_in(dir.join("open"));
            // Read on a worker: a large copy would hold the window back for a second.
            state.look_for_recovered_work(dir);
        }
        let mut app = Self::with_state(ctx, state);
        app.probe = options.startup_probe.map(|launched| (launched, 0));
        app
    }
}

/// The preferences kept in eframe's storage (defaults when there are none or they are
/// unreadable: preferences are never worth an error).
pub fn prefs_from(storage: Option<&dyn eframe::Storage>) -> Prefs {
    storage
        .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
        .unwrap_or_default()
}

/// How the window is drawn: `CONCORD_RENDERER=glow` or `wgpu`, else OpenGL on Linux and
/// the BSDs and wgpu elsewhere. OpenGL draws the first frame a quarter sooner on a software
/// renderer (Mesa's, common on classroom machines and virtual desktops), and Mesa always
/// provides it there; on Windows and macOS wgpu reaches the native graphics APIs.
#[cfg(not(target_arch = "wasm32"))]
pub fn renderer() -> eframe::Renderer {
    match std::env::var("CONCORD_RENDERER").as_deref() {
        Ok("wgpu") => eframe::Renderer::Wgpu,
        Ok("glow") => eframe::Renderer::Glow,
        _ if cfg!(any(target_os = "windows", target_os = "macos")) => eframe::Renderer::Wgpu,
        _ => eframe::Renderer::Glow,
    }
}

/// The app's data folder: preferences, and recovery copies in `recovery/` (e.g.
/// `~/.local/share/concord` on Linux). `None` in a browser or where the system has none.
pub fn data_dir() -> Option<PathBuf> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        eframe::storage_dir("Concord")
    }
    #[cfg(target_arch = "wasm32")]
    {
        None
    }
}

/// The window's icon (also the taskbar's and the alt-tab switcher's).
#[cfg(not(target_arch = "wasm32"))]
pub fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../../assets/icons/256x256.png")).ok()
}

/// Opens the window; `file` is opened instead of the built-in scenario.
#[cfg(not(target_arch = "wasm32"))]
pub fn run(file: Option<PathBuf>) -> eframe::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Concord")
        .with_app_id("concord")
        .with_inner_size(WINDOW_SIZE)
        .with_min_inner_size([800.0, 500.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: renderer(),
        ..Default::default()
    };
    eframe::run_native(
        "Concord",
        options,
        Box::new(move |cc| {
            let prefs = prefs_from(cc.storage);
            let recovery_dir = data_dir().map(|d| d.join("recovery"));
            Ok(Box::new(ConcordApp::new(
                &cc.egui_ctx,
                StartOptions {
                    file,
                    lesson: None,
                    path_field_dialogs: false,
                    recovery_dir,
                    startup_probe: std::env::var("CONCORD_STARTUP_PROBE")
                        .ok()
                        .and_then(|v| v.parse().ok()),
                },
                prefs,
            )))
        }),
    )
}
