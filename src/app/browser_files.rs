//! Files in a browser, where nothing has a path: a file the user picks arrives as its name
//! and bytes, and saving or exporting makes the bytes and hands them over as a download
//! (the GUI layer starts it). Everything else about a document stays the same.

use std::path::PathBuf;
use std::sync::Arc;

use super::files::{Download, Format};
use super::recovery::Recovered;
use super::{AppState, Dialog, DocKey, Document, FilePurpose};

/// What the browser's storage should hold for crash recovery, given the document now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BrowserCopy {
    /// The unsaved work, as scenario text.
    Keep(String),
    /// Nothing: the work is saved (or downloaded) or was discarded.
    Clear,
}

/// The last state of the document written to the browser's storage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct CopiedState(Option<(DocKey, bool)>);

impl AppState {
    /// A file the browser read for `purpose`.
    pub(super) fn picked(&mut self, purpose: FilePurpose, name: &str, bytes: &[u8]) {
        match purpose {
            FilePurpose::Open => match crate::io::load_bytes(name, bytes) {
                Ok(scenario) => {
                    self.replace_document(Document::new(scenario, None));
                    self.status = format!("Opened {name} (Save downloads it again)");
                }
                Err(e) => {
                    self.status = format!("Could not open {name}");
                    self.dialog = Some(Dialog::LoadFailed(e));
                }
            },
            FilePurpose::ImportTable => {
                let lower = name.to_ascii_lowercase();
                let table = if [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"]
                    .iter()
                    .any(|e| lower.ends_with(e))
                {
                    crate::io::import::table_from_workbook(name, bytes.to_vec(), None)
                } else {
                    crate::io::import::table_from_text(name, bytes)
                };
                match table {
                    Ok(t) => self.import_read(PathBuf::from(name), Arc::new(t), None),
                    Err(e) => self.status = format!("Not imported: {e}"),
                }
            }
            FilePurpose::CompareWith => self.compare_with_picked(name, bytes),
            FilePurpose::AddStudents => {
                self.add_picked_students(vec![(name.to_owned(), bytes.to_vec())]);
            }
            // Saving and exporting never pick a file in a browser: they download.
            FilePurpose::SaveAs | FilePurpose::Export(_) => self.download_instead(purpose),
        }
    }

    /// The name (without extension) a file made from the document gets: its own file's,
    /// or one made from its title.
    pub fn file_stem(&self) -> String {
        if let Some(stem) = self
            .doc
            .browser_file
            .as_deref()
            .and_then(|n| n.strip_suffix(".ron"))
        {
            return stem.to_owned();
        }
        let slug = crate::model::slugify(&self.doc.scenario().title);
        if slug.is_empty() {
            "scenario".to_owned()
        } else {
            slug
        }
    }

    /// A scenario the browser read with the permission to write it back: it opens, and
    /// Save writes to that file from now on.
    pub(super) fn picked_writable(&mut self, name: &str, bytes: &[u8]) {
        let before = self.doc.id();
        self.picked(FilePurpose::Open, name, bytes);
        if self.doc.id() == before {
            return; // it did not load: the open document stays as it was
        }
        self.doc.browser_file = Some(name.to_owned());
        self.status = format!("Opened {name} (Save writes it back)");
    }

    /// Save As in a browser that let the user choose the file: it is written there, and
    /// Save writes there from now on.
    pub(super) fn place_chosen(&mut self, name: String) {
        self.doc.browser_file = Some(name);
        self.write_back();
    }

    /// Queues the scenario to be written back to the document's browser file.
    pub(super) fn write_back(&mut self) {
        let Some(name) = self.doc.browser_file.clone() else {
            return self.download_instead(FilePurpose::SaveAs);
        };
        match crate::io::to_ron_string(self.doc.scenario()) {
            Ok(text) => {
                let state = self.doc.state();
                self.doc.downloaded(state);
                self.status = format!("Saved {name}");
                self.files.download = Some(Download {
                    name,
                    mime: "application/octet-stream",
                    bytes: text.into_bytes(),
                    write_back: true,
                });
            }
            Err(e) => self.status = format!("Not saved: {e}"),
        }
    }

    /// The browser could not write the file back (permission withdrawn, file gone): the
    /// scenario is downloaded instead, and Save downloads from now on.
    pub(super) fn write_back_failed(&mut self, why: &str) {
        let name = self.doc.browser_file.take().unwrap_or_default();
        self.download_instead(FilePurpose::SaveAs);
        self.status = format!("{name} could not be written ({why}); downloaded instead");
    }

    /// Makes the file `purpose` saves and queues it as a download.
    pub(super) fn download_instead(&mut self, purpose: FilePurpose) {
        let s = self.doc.scenario();
        let stem = self.file_stem();
        let made: Result<(String, &'static str, Vec<u8>), String> = match purpose {
            FilePurpose::Export(Format::Png) => {
                // The picture is taken once the menu has closed; it is downloaded then.
                self.files.png_target = Some(PathBuf::from(Format::Png.file_name(&stem)));
                self.files.png_download = true;
                return;
            }
            FilePurpose::SaveAs => crate::io::to_ron_string(s)
                .map(|t| {
                    (
                        format!("{stem}.ron"),
                        "application/octet-stream",
                        t.into_bytes(),
                    )
                })
                .map_err(|e| e.to_string()),
            FilePurpose::Export(f) => {
                match f.make(s, self.weight_set(), self.round.handout_hides_scores) {
                    Some(bytes) => bytes.map(|b| (f.file_name(&stem), f.mime(), b)),
                    None => Err(format!("{} is made by the window", f.title())),
                }
            }
            // Reading files: never a download (the browser's file picker reads them).
            FilePurpose::Open
            | FilePurpose::AddStudents
            | FilePurpose::CompareWith
            | FilePurpose::ImportTable => Err(format!(
                "{} picks a file; there is nothing to download",
                purpose.title()
            )),
        };
        match made {
            Ok((name, mime, bytes)) => {
                self.status = format!("Downloaded {name}");
                if purpose == FilePurpose::SaveAs {
                    let state = self.doc.state();
                    self.doc.downloaded(state);
                }
                self.files.download = Some(Download {
                    name,
                    mime,
                    bytes,
                    write_back: false,
                });
            }
            Err(e) => self.status = format!("Not saved: {e}"),
        }
    }

    /// What the browser's storage should now hold to recover unsaved work after a closed
    /// tab or a crash; `None` when nothing changed since the last time it was asked.
    pub fn browser_copy(&mut self) -> Option<BrowserCopy> {
        // The copy being offered back stays until the user has answered.
        if matches!(self.dialog, Some(Dialog::Recover(_))) {
            return None;
        }
        let now = (self.doc.key(), self.doc.is_dirty());
        if self.files.browser_copied.0 == Some(now) {
            return None;
        }
        self.files.browser_copied.0 = Some(now);
        if !now.1 {
            return Some(BrowserCopy::Clear);
        }
        crate::io::to_ron_string(self.doc.scenario())
            .ok()
            .map(BrowserCopy::Keep)
    }

    /// Offers back unsaved work the browser's storage kept (`text`, as written by
    /// [`AppState::browser_copy`]); a copy that does not load is said and left alone.
    pub fn offer_browser_copy(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        match crate::io::load_str("the browser's recovery copy", text) {
            Ok(scenario) => {
                self.dialog = Some(Dialog::Recover(Recovered {
                    scenario,
                    original: None,
                    copy: PathBuf::from("browser storage"),
                }));
            }
            Err(e) => {
                let first = e.lines().into_iter().next().unwrap_or_default();
                self.status = format!("A recovery copy could not be read: {first}");
            }
        }
    }

    /// The picture of the window, taken for a download.
    pub(super) fn picture_to_download(
        &mut self,
        name: &std::path::Path,
        png: Result<Vec<u8>, String>,
    ) {
        let name = name.display().to_string();
        match png {
            Ok(bytes) => {
                self.status = format!("Downloaded {name}");
                self.files.download = Some(Download {
                    name,
                    mime: "image/png",
                    bytes,
                    write_back: false,
                });
            }
            Err(e) => self.status = format!("The picture could not be taken: {e}"),
        }
    }

    /// Says `status` in the status bar (what the browser made of a download).
    pub fn set_status(&mut self, status: String) {
        self.status = status;
    }
}
