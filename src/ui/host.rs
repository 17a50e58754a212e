//! What the window asks of whatever hosts it, in one place: the desktop's window manager
//! (through eframe's viewport commands) or, in a browser, the page (its title, its full
//! screen, downloads, the storage that keeps a recovery copy). The views never ask the
//! host directly.

/// True in the web build: the views leave out what a page cannot do (quit, reopen a path).
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// In a browser, unsaved work is kept in the browser's storage (there is no folder for
/// recovery copies) and offered back when the page opens again.
pub const RECOVERY_IN_STORAGE: bool = IN_BROWSER;

/// The key of that copy in the browser's storage.
pub const RECOVERY_KEY: &str = "concord-recovery";

/// How often eframe asks for what to keep: in a browser that includes the recovery copy,
/// so a closed tab loses a few seconds at most; on the desktop only the preferences.
pub const AUTOSAVE_INTERVAL: std::time::Duration = if RECOVERY_IN_STORAGE {
    std::time::Duration::from_secs(3)
} else {
    std::time::Duration::from_secs(30)
};

/// Shows `title` as the window's title, or in a browser the page's (its tab).
pub fn set_title(ctx: &egui::Context, title: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = ctx;
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.to_owned()));
}

/// Fills the screen (for a presentation) or stops: the window, or in a browser the page
/// through the browser's full screen (which the browser may refuse; Esc leaves it).
pub fn set_fullscreen(ctx: &egui::Context, on: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = ctx;
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if on {
                if let Some(page) = document.document_element() {
                    let _ = page.request_fullscreen();
                }
            } else if document.fullscreen_element().is_some() {
                document.exit_fullscreen();
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
}

/// Hands `bytes` to the browser as a download named `name`; on the desktop, files are
/// written where the user chose, so this is never asked for there.
#[cfg(not(target_arch = "wasm32"))]
pub fn download(name: &str, _mime: &str, _bytes: &[u8]) -> Result<(), String> {
    Err(format!("{name}: downloads exist only in a browser"))
}

/// Hands `bytes` to the browser as a download named `name`.
#[cfg(target_arch = "wasm32")]
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let say = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(say)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(say)?;
    let a = document
        .create_element("a")
        .map_err(say)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "no link element".to_owned())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url).map_err(say)?;
    Ok(())
}

/// Records how long a frame took: `ui`, building it; `cpu`, the whole previous frame as
/// eframe measured it (building, tessellating and painting). In a browser their averages
/// over the last frames are put on the page (`data-ui-ms` and `data-frame-ms` of its root
/// element) for the browser test to read; on the desktop the benches measure instead.
pub fn frame_drawn(ui: crate::platform::Duration, cpu: Option<f32>) {
    #[cfg(target_arch = "wasm32")]
    {
        use std::cell::RefCell;
        thread_local! {
            static TIMES: RefCell<(Vec<f64>, Vec<f64>)> = const { RefCell::new((Vec::new(), Vec::new())) };
        }
        let average = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
        let (ui_ms, frame_ms) = TIMES.with(|t| {
            let (uis, frames) = &mut *t.borrow_mut();
            uis.push(ui.as_secs_f64() * 1000.0);
            if let Some(cpu) = cpu {
                frames.push(f64::from(cpu) * 1000.0);
            }
            for v in [&mut *uis, &mut *frames] {
                if v.len() > 60 {
                    v.remove(0);
                }
            }
            (average(uis), average(frames))
        });
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-ui-ms", &format!("{ui_ms:.3}"));
            let _ = root.set_attribute("data-frame-ms", &format!("{frame_ms:.3}"));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (ui, cpu);
}
