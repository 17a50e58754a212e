//! The browser's File System Access API (Chromium, Edge; not Firefox or Safari), where it
//! exists: Open keeps the permission to write the file back, Save As lets the user choose
//! where to write, and Save then writes there instead of downloading. The file handles are
//! JavaScript objects, so they live here, keyed by the document they belong to; the app
//! state only knows the file's name (`Document::browser_file`). Elsewhere every function is
//! a no-op and `available` is false, so callers need no `cfg`.

use std::sync::mpsc::Sender;

use crate::app::{DialogAnswer, DocId};

// Picking files happens only in the browser's side of the file dialogs.
#[cfg(target_arch = "wasm32")]
pub use imp::{available, open, save_as};

/// Called every frame after the update: gives the file just picked to document `doc` when
/// the update made it that document's browser file (`browser_file`, its name), and forgets
/// the handle of any other document.
pub fn follow(doc: DocId, browser_file: Option<&str>) {
    imp::follow(doc, browser_file);
}

/// Writes `bytes` to document `doc`'s file; answers `WriteBackFailed` if that fails.
pub fn write(doc: DocId, bytes: Vec<u8>, tx: Sender<DialogAnswer>, wake: impl Fn() + 'static) {
    imp::write(doc, bytes, tx, wake);
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{DialogAnswer, DocId, Sender};

    pub fn follow(_doc: DocId, _browser_file: Option<&str>) {}
    pub fn write(_doc: DocId, _bytes: Vec<u8>, tx: Sender<DialogAnswer>, wake: impl Fn()) {
        let _ = tx.send(DialogAnswer::WriteBackFailed(
            "files are written back only in a browser".to_owned(),
        ));
        wake();
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::{DialogAnswer, DocId, Sender};

    thread_local! {
        /// A file just picked, its name and handle, sent with the answer the next update
        /// applies (a page's script never runs in the middle of a frame).
        static PENDING: RefCell<Option<(String, JsValue)>> = const { RefCell::new(None) };
        /// The open document's file handle.
        static BOUND: RefCell<Option<(DocId, JsValue)>> = const { RefCell::new(None) };
    }

    fn window_function(name: &str) -> Option<Function> {
        let window = web_sys::window()?;
        Reflect::get(&window, &JsValue::from_str(name))
            .ok()?
            .dyn_into::<Function>()
            .ok()
    }

    /// True where the browser has the File System Access API.
    pub fn available() -> bool {
        window_function("showOpenFilePicker").is_some()
            && window_function("showSaveFilePicker").is_some()
    }

    /// `{ types: [{ description, accept: { "application/octet-stream": [".ron"] } }] }`.
    fn picker_options(suggested: Option<&str>) -> Object {
        let accept = Object::new();
        let extensions = Array::of1(&JsValue::from_str(".ron"));
        let _ = Reflect::set(&accept, &"application/octet-stream".into(), &extensions);
        let kind = Object::new();
        let _ = Reflect::set(&kind, &"description".into(), &"Concord scenario".into());
        let _ = Reflect::set(&kind, &"accept".into(), &accept);
        let options = Object::new();
        let _ = Reflect::set(&options, &"types".into(), &Array::of1(&kind));
        if let Some(name) = suggested {
            let _ = Reflect::set(&options, &"suggestedName".into(), &name.into());
        }
        options
    }

    /// Calls `target.name(args…)` and awaits the promise it returns.
    async fn call(target: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
        let method = Reflect::get(target, &JsValue::from_str(name))?.dyn_into::<Function>()?;
        let promise = method.apply(target, args)?.dyn_into::<Promise>()?;
        JsFuture::from(promise).await
    }

    fn say(e: &JsValue) -> String {
        Reflect::get(e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| e.as_string())
            .unwrap_or_else(|| format!("{e:?}"))
    }

    /// The picked file's name and bytes.
    async fn read(handle: &JsValue) -> Result<(String, Vec<u8>), JsValue> {
        let file = call(handle, "getFile", &Array::new()).await?;
        let name = Reflect::get(&file, &"name".into())?
            .as_string()
            .unwrap_or_default();
        let buffer = call(&file, "arrayBuffer", &Array::new()).await?;
        Ok((name, Uint8Array::new(&buffer).to_vec()))
    }

    /// Opens a scenario through the browser's picker, keeping the permission to write it
    /// back; answers `PickedWritable` (or `Cancelled`).
    pub fn open(tx: Sender<DialogAnswer>, wake: impl Fn() + 'static) {
        wasm_bindgen_futures::spawn_local(async move {
            let answer = async {
                let window = web_sys::window().ok_or(JsValue::NULL)?;
                let picked = call(
                    &window,
                    "showOpenFilePicker",
                    &Array::of1(&picker_options(None)),
                )
                .await?;
                let handle = Array::from(&picked).get(0);
                let (name, bytes) = read(&handle).await?;
                PENDING.with(|p| *p.borrow_mut() = Some((name.clone(), handle)));
                Ok::<_, JsValue>(DialogAnswer::PickedWritable(name, bytes))
            }
            .await
            // Closing the picker rejects the promise: nothing was chosen.
            .unwrap_or(DialogAnswer::Cancelled);
            let _ = tx.send(answer);
            wake();
        });
    }

    /// Asks where Save As writes (`suggested`: the name offered); answers `PlaceChosen`.
    pub fn save_as(suggested: String, tx: Sender<DialogAnswer>, wake: impl Fn() + 'static) {
        wasm_bindgen_futures::spawn_local(async move {
            let answer = async {
                let window = web_sys::window().ok_or(JsValue::NULL)?;
                let options = picker_options(Some(&suggested));
                let handle = call(&window, "showSaveFilePicker", &Array::of1(&options)).await?;
                let name = Reflect::get(&handle, &"name".into())?
                    .as_string()
                    .unwrap_or(suggested);
                PENDING.with(|p| *p.borrow_mut() = Some((name.clone(), handle)));
                Ok::<_, JsValue>(DialogAnswer::PlaceChosen(name))
            }
            .await
            .unwrap_or(DialogAnswer::Cancelled);
            let _ = tx.send(answer);
            wake();
        });
    }

    pub fn follow(doc: DocId, browser_file: Option<&str>) {
        // The update has applied the answer sent with it: the file is this document's if
        // the document now names it (a scenario that failed to load names none).
        if let Some((name, handle)) = PENDING.with(|p| p.borrow_mut().take()) {
            if browser_file == Some(name.as_str()) {
                BOUND.with(|b| *b.borrow_mut() = Some((doc, handle)));
            }
        }
        BOUND.with(|b| {
            let mut b = b.borrow_mut();
            if browser_file.is_none() || b.as_ref().is_some_and(|(d, _)| *d != doc) {
                *b = None;
            }
        });
    }

    pub fn write(doc: DocId, bytes: Vec<u8>, tx: Sender<DialogAnswer>, wake: impl Fn() + 'static) {
        let handle = BOUND.with(|b| {
            b.borrow()
                .as_ref()
                .filter(|(d, _)| *d == doc)
                .map(|(_, h)| h.clone())
        });
        wasm_bindgen_futures::spawn_local(async move {
            let written = async {
                let handle = handle.ok_or_else(|| JsValue::from_str("the file is not open"))?;
                let writable = call(&handle, "createWritable", &Array::new()).await?;
                let data = Uint8Array::from(bytes.as_slice());
                call(&writable, "write", &Array::of1(&data)).await?;
                call(&writable, "close", &Array::new()).await?;
                Ok::<_, JsValue>(())
            }
            .await;
            if let Err(e) = written {
                let _ = tx.send(DialogAnswer::WriteBackFailed(say(&e)));
                wake();
            }
        });
    }
}
