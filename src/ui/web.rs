//! The web page's entry point: eframe's web runner on the page's canvas, the lesson named
//! in the address (`?lesson=final-status-plans`) opened instead of the default one.

use wasm_bindgen::JsCast;

use super::{prefs_from, ConcordApp, StartOptions};

/// The id of the canvas in `index.html`.
const CANVAS_ID: &str = "concord-canvas";

/// Starts Concord in the page; what goes wrong is shown in the page instead of the canvas.
pub fn start() {
    eframe::WebLogger::init(log::LevelFilter::Warn).ok();
    wasm_bindgen_futures::spawn_local(async {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(canvas) = document
            .get_element_by_id(CANVAS_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        let lesson = lesson_in_address();
        let started = eframe::WebRunner::new()
            .start(
                canvas,
                eframe::WebOptions::default(),
                Box::new(move |cc| {
                    let prefs = prefs_from(cc.storage);
                    let mut app = ConcordApp::new(
                        &cc.egui_ctx,
                        StartOptions {
                            lesson,
                            path_field_dialogs: false,
                            ..StartOptions::default()
                        },
                        prefs,
                    );
                    // Work a closed tab left unsaved is offered back.
                    if let Some(text) = cc
                        .storage
                        .and_then(|s| s.get_string(super::host::RECOVERY_KEY))
                    {
                        app.state.offer_browser_copy(&text);
                    }
                    Ok(Box::new(app))
                }),
            )
            .await;
        if let Some(loading) = document.get_element_by_id("loading") {
            match started {
                Ok(()) => loading.remove(),
                Err(e) => loading.set_inner_html(&format!(
                    "Concord could not start in this browser: {}",
                    e.as_string()
                        .unwrap_or_else(|| format!("{e:?}"))
                        .replace('<', "&lt;")
                )),
            }
        }
    });
}

/// The bundled lesson the address names: `?lesson=NAME` or `#lesson=NAME`.
fn lesson_in_address() -> Option<usize> {
    let location = web_sys::window()?.location();
    let search = location.search().ok().unwrap_or_default();
    let hash = location.hash().ok().unwrap_or_default();
    let name = [search.trim_start_matches('?'), hash.trim_start_matches('#')]
        .into_iter()
        .filter_map(|q| web_sys::UrlSearchParams::new_with_str(q).ok())
        .find_map(|p| p.get("lesson"));
    name.and_then(|name| crate::seeds::find(&name))
}
