//! What the window asks of whatever hosts it, in one place: the desktop's window manager
//! (through eframe's viewport commands) or, in a browser, the page (its title, downloads).
//! The views never ask the host directly.

/// Shows `title` where the host shows a title: the page's tab in a browser (eframe's title
/// command covers the desktop).
pub fn set_title(title: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = title;
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
