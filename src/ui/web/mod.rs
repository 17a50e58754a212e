//! The web page's entry point: eframe's web runner on the page's canvas, the lesson named
//! in the address (`?lesson=final-status-plans`) opened instead of the default one.

pub(crate) mod mirror;

use wasm_bindgen::JsCast;

use crate::platform::Instant;

use crate::ui::{prefs_from, ConcordApp, StartOptions};

/// The id of the canvas in `index.html`.
const CANVAS_ID: &str = "concord-canvas";

/// Starts Concord in the page; what goes wrong is shown in the page instead of the canvas.
pub fn start() {
    eframe::WebLogger::init(log::LevelFilter::Warn).ok();
    if address_asks("frame-bench") {
        wasm_bindgen_futures::spawn_local(frame_bench());
        return;
    }
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
        let url = address_value("url");
        keep_our_keys();
        let started = eframe::WebRunner::new()
            .start(
                canvas,
                eframe::WebOptions {
                    // WebGL 2 through glow: the web build leaves wgpu out (a smaller
                    // download, and less work per frame than wgpu's WebGL backend).
                    renderer: eframe::Renderer::Glow,
                    ..eframe::WebOptions::default()
                },
                Box::new(move |cc| {
                    let mut prefs = prefs_from(cc.storage);
                    // The system asks for reduced motion: nothing slides or fades.
                    let reduced = web_sys::window()
                        .and_then(|w| {
                            w.match_media("(prefers-reduced-motion: reduce)")
                                .ok()
                                .flatten()
                        })
                        .is_some_and(|m| m.matches());
                    prefs.reduce_motion |= reduced;
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
                        .and_then(|s| s.get_string(crate::ui::host::RECOVERY_KEY))
                    {
                        app.state.offer_browser_copy(&text);
                    }
                    if let Some(url) = url {
                        let (tx, ctx) = (app.dialogs.sender(), cc.egui_ctx.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            let _ = tx.send(fetch_scenario(&url).await);
                            ctx.request_repaint();
                        });
                    }
                    Ok(Box::new(app))
                }),
            )
            .await;
        if let Some(loading) = document.get_element_by_id("loading") {
            match started {
                Ok(()) => loading.remove(),
                Err(e) => {
                    let why = e.as_string().unwrap_or_else(|| format!("{e:?}"));
                    let advice = if why.contains("WebGL") {
                        " Concord draws with WebGL 2, which this browser has turned off: turn \
                         on hardware acceleration (or graphics acceleration) in its settings \
                         and reload, or try another browser."
                    } else {
                        ""
                    };
                    loading.set_inner_html(&format!(
                        "Concord could not start in this browser: {}.{advice}",
                        why.replace('<', "&lt;")
                    ));
                }
            }
        }
    });
}

/// Keeps Concord's own shortcuts that the browser would also act on (F5 would reload the
/// page, F6 move to the address bar, Ctrl+F search the page) for Concord.
fn keep_our_keys() {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let keep = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(|e: web_sys::KeyboardEvent| {
        let command = e.ctrl_key() || e.meta_key();
        if crate::ui::window::shortcuts::taken_from_the_browser(
            &e.key(),
            command,
            e.shift_key(),
            e.alt_key(),
        ) {
            e.prevent_default();
        }
    });
    // In the capture phase: eframe stops the key's propagation further down.
    let _ = window.add_event_listener_with_callback_and_bool(
        "keydown",
        keep.as_ref().unchecked_ref(),
        true,
    );
    // The page lives as long as the listener: it is never removed.
    keep.forget();
}

/// Whether the address's query has `key` (`?frame-bench`).
fn address_asks(key: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
        .is_some_and(|p| p.has(key))
}

/// `index.html?frame-bench`: instead of the app, the workload of `benches/frame`'s
/// "pointer moving, UI only" in batches of 500 frames, with a pause between them so the page
/// stays responsive. The first batch includes the engine's warm-up (V8 compiles the wasm
/// quickly first and optimises what runs often); the figure is the median of the others.
/// It is shown in the page and in `data-frame-bench-ms` of its root element.
async fn frame_bench() {
    const BATCHES: usize = 8;
    const FRAMES: usize = 500;
    let mut window = crate::ui::window::frame_bench::PointerMoving::new();
    let mut batches = Vec::with_capacity(BATCHES);
    for _ in 0..BATCHES {
        let started = Instant::now();
        for _ in 0..FRAMES {
            window.frame();
        }
        batches.push(started.elapsed().as_secs_f64() * 1000.0 / FRAMES as f64);
        pause().await;
    }
    let first = batches[0];
    let mut warm = batches[1..].to_vec();
    warm.sort_by(f64::total_cmp);
    let median = warm[warm.len() / 2];
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-frame-bench-ms", &format!("{median:.3}"));
        let _ = root.set_attribute("data-frame-bench-first-ms", &format!("{first:.3}"));
    }
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.set_text_content(Some(&format!(
            "A frame of the default lesson with the pointer moving, the UI only: {median:.3} ms \
             (median of {} batches of {FRAMES} frames; the first batch, while the browser \
             optimises the code: {first:.3} ms).",
            BATCHES - 1
        )));
    }
}

/// Lets the browser run (draw, handle events) before the next batch.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The bundled lesson the address names: `?lesson=NAME` or `#lesson=NAME`.
fn lesson_in_address() -> Option<usize> {
    address_value("lesson").and_then(|name| crate::seeds::find(&name))
}

/// The value of `key` in the address's query or fragment (`?key=…` or `#key=…`).
fn address_value(key: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let search = location.search().ok().unwrap_or_default();
    let hash = location.hash().ok().unwrap_or_default();
    let value = [search.trim_start_matches('?'), hash.trim_start_matches('#')]
        .into_iter()
        .filter_map(|q| web_sys::UrlSearchParams::new_with_str(q).ok())
        .find_map(|p| p.get(key));
    value
}

/// `#url=ADDRESS`: a scenario the teacher put on the web (next to Concord, or anywhere
/// that allows it), fetched and opened as if picked; what went wrong is said instead.
async fn fetch_scenario(url: &str) -> crate::app::DialogAnswer {
    use js_sys::{Function, Promise, Reflect, Uint8Array};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    let name = url
        .split(['?', '#'])
        .next()
        .and_then(|u| u.rsplit('/').find(|s| !s.is_empty()))
        .unwrap_or("scenario.ron")
        .to_owned();
    let fetched = async {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let fetch = Reflect::get(&window, &"fetch".into())?.dyn_into::<Function>()?;
        let promise = fetch.call1(&window, &url.into())?.dyn_into::<Promise>()?;
        let response = JsFuture::from(promise).await?;
        if Reflect::get(&response, &"ok".into())?.as_bool() != Some(true) {
            let status = Reflect::get(&response, &"status".into())?
                .as_f64()
                .unwrap_or(0.0);
            return Err(JsValue::from_str(&format!("the server answered {status}")));
        }
        let read = Reflect::get(&response, &"arrayBuffer".into())?.dyn_into::<Function>()?;
        let promise = read.call0(&response)?.dyn_into::<Promise>()?;
        Ok(Uint8Array::new(&JsFuture::from(promise).await?).to_vec())
    }
    .await;
    match fetched {
        Ok(bytes) => crate::app::DialogAnswer::Picked(crate::app::FilePurpose::Open, name, bytes),
        Err(e) => crate::app::DialogAnswer::NotFetched(
            url.to_owned(),
            Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .or_else(|| e.as_string())
                .unwrap_or_else(|| format!("{e:?}")),
        ),
    }
}
