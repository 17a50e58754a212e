//! Native file dialogs (rfd) on a worker thread, so the window never freezes while one is
//! open; the answer comes back as a message.

use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, Sender};

#[cfg(not(target_arch = "wasm32"))]
use crate::platform::{Duration, Instant};

use crate::app::{DialogAnswer, FilePurpose};

/// A dialog returning within this time was never shown: no portal and no zenity.
#[cfg(not(target_arch = "wasm32"))]
const TOO_FAST: Duration = Duration::from_millis(150);

/// Runs native dialogs on worker threads and collects their answers.
pub struct FileDialogs {
    tx: Sender<DialogAnswer>,
    rx: Receiver<DialogAnswer>,
    open: bool,
}

impl Default for FileDialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            open: false,
        }
    }
}

impl FileDialogs {
    /// Where answers that come later are sent (a file the browser writes back).
    pub fn sender(&self) -> Sender<DialogAnswer> {
        self.tx.clone()
    }

    /// True while a dialog is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows a native dialog; `wake` is called when it answers (to repaint the window).
    pub fn show(
        &mut self,
        purpose: FilePurpose,
        suggested: Option<PathBuf>,
        wake: impl Fn() + Send + 'static,
    ) {
        if self.open {
            return;
        }
        self.open = true;
        let tx = self.tx.clone();
        // In a browser a picked file has no path and nothing is written where the user
        // chooses: the file is read by the browser, a save becomes a download.
        #[cfg(target_arch = "wasm32")]
        {
            if crate::ui::dialogs::file_access::available() {
                // Chromium's File System Access API: files that can be written back.
                if purpose == FilePurpose::Open {
                    return crate::ui::dialogs::file_access::open(tx, wake);
                }
                if purpose == FilePurpose::SaveAs {
                    let name = suggested
                        .as_deref()
                        .and_then(|p| p.file_stem())
                        .map_or_else(|| "scenario".into(), |s| s.to_string_lossy())
                        .into_owned()
                        + ".ron";
                    return crate::ui::dialogs::file_access::save_as(name, tx, wake);
                }
            }
            if purpose.picks_existing() {
                let (kind, _) = purpose.file_type();
                let dialog = rfd::AsyncFileDialog::new()
                    .add_filter(kind, purpose.extensions())
                    .set_title(purpose.title());
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = if purpose.picks_many() {
                        match dialog.pick_files().await {
                            Some(files) => {
                                let mut read = Vec::with_capacity(files.len());
                                for file in files {
                                    read.push((file.file_name(), file.read().await));
                                }
                                DialogAnswer::PickedMany(purpose, read)
                            }
                            None => DialogAnswer::Cancelled,
                        }
                    } else {
                        match dialog.pick_file().await {
                            Some(file) => {
                                DialogAnswer::Picked(purpose, file.file_name(), file.read().await)
                            }
                            None => DialogAnswer::Cancelled,
                        }
                    };
                    let _ = tx.send(answer);
                    wake();
                });
            } else {
                let _ = tx.send(DialogAnswer::DownloadInstead(purpose));
                wake();
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        self.show_native(purpose, suggested, wake, tx);
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn show_native(
        &mut self,
        purpose: FilePurpose,
        suggested: Option<PathBuf>,
        wake: impl Fn() + Send + 'static,
        tx: Sender<DialogAnswer>,
    ) {
        let spawned = crate::platform::spawn("file-dialog", move || {
            let (kind, _) = purpose.file_type();
            let mut dialog = rfd::AsyncFileDialog::new()
                .add_filter(kind, purpose.extensions())
                .set_title(purpose.title());
            if let Some(s) = &suggested {
                if let Some(dir) = s.parent() {
                    dialog = dialog.set_directory(dir);
                }
                if let Some(name) = s.file_name() {
                    dialog = dialog.set_file_name(name.to_string_lossy());
                }
            }
            let started = Instant::now();
            if purpose.picks_many() {
                let picked = pollster::block_on(dialog.pick_files());
                let answer = match picked {
                    Some(files) => DialogAnswer::ChosenMany(
                        purpose,
                        files.iter().map(|f| f.path().to_owned()).collect(),
                    ),
                    None if started.elapsed() < TOO_FAST => DialogAnswer::Unavailable(purpose),
                    None => DialogAnswer::Cancelled,
                };
                let _ = tx.send(answer);
                wake();
                return;
            }
            let picked = if purpose.picks_existing() {
                pollster::block_on(dialog.pick_file())
            } else {
                pollster::block_on(dialog.save_file())
            };
            let answer = match picked {
                Some(handle) => DialogAnswer::Chosen(purpose, handle.path().to_owned()),
                None if started.elapsed() < TOO_FAST => DialogAnswer::Unavailable(purpose),
                None => DialogAnswer::Cancelled,
            };
            let _ = tx.send(answer);
            wake();
        });
        if spawned.is_err() {
            self.open = false;
            let _ = self.tx.send(DialogAnswer::Unavailable(purpose));
        }
    }

    /// Files dropped on the window: their paths on the desktop. In a browser they have no
    /// path: each is read and answered later as a picked file (a scenario opens, a table
    /// is imported), and no path is returned.
    pub fn dropped(
        &mut self,
        files: Vec<egui::DroppedFileHandle>,
        wake: impl Fn() + Clone + 'static,
    ) -> Vec<PathBuf> {
        #[cfg(target_arch = "wasm32")]
        {
            for file in files {
                let (tx, wake) = (self.tx.clone(), wake.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let name = file.path().display().to_string();
                    let purpose = if name.to_ascii_lowercase().ends_with(".ron") {
                        FilePurpose::Open
                    } else {
                        FilePurpose::ImportTable
                    };
                    if let Ok(bytes) = file.bytes_async().await {
                        let _ = tx.send(DialogAnswer::Picked(purpose, name, bytes));
                        wake();
                    }
                });
            }
            Vec::new()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = wake;
            files.iter().map(|f| f.path().to_owned()).collect()
        }
    }

    /// The answer of the open dialog, if it has come.
    pub fn poll(&mut self) -> Option<DialogAnswer> {
        let answer = self.rx.try_recv().ok();
        if answer.is_some() {
            self.open = false;
        }
        answer
    }
}
