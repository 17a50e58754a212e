//! What a file is asked for, and how the asking ended (the native dialogs are in `ui`).

use std::path::PathBuf;

pub use crate::io::formats::Format;

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    /// Open a scenario.
    Open,
    /// Save the scenario under a new name.
    SaveAs,
    /// Write a file made from the scenario (see [`Format`]).
    Export(Format),
    /// Students' copies to add to the class round (several files, or a folder).
    AddStudents,
    /// A file to compare the document with.
    CompareWith,
    /// A table to import.
    ImportTable,
}

impl FilePurpose {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            FilePurpose::Open => "Open scenario",
            FilePurpose::SaveAs => "Save scenario as",
            FilePurpose::Export(f) => f.title(),
            FilePurpose::AddStudents => "Add students' files to the class round",
            FilePurpose::CompareWith => "Compare with file",
            FilePurpose::ImportTable => "Import table",
        }
    }

    /// The kind of file, as the dialog's filter names it, and its extension.
    pub fn file_type(self) -> (&'static str, &'static str) {
        match self {
            FilePurpose::Open
            | FilePurpose::SaveAs
            | FilePurpose::AddStudents
            | FilePurpose::CompareWith => ("Concord scenario", "ron"),
            FilePurpose::Export(f) => (f.kind(), f.extension()),
            FilePurpose::ImportTable => ("Table", "csv"),
        }
    }

    /// Every extension the dialog's filter shows.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FilePurpose::ImportTable => &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"],
            FilePurpose::Open
            | FilePurpose::SaveAs
            | FilePurpose::AddStudents
            | FilePurpose::CompareWith => &["ron"],
            FilePurpose::Export(f) => f.extensions(),
        }
    }

    /// The button that carries it out.
    pub fn action(self) -> &'static str {
        match self {
            FilePurpose::Open => "Open",
            FilePurpose::SaveAs | FilePurpose::Export(Format::StudentsCopy) => "Save",
            FilePurpose::Export(_) => "Export",
            FilePurpose::AddStudents => "Add",
            FilePurpose::CompareWith => "Compare",
            FilePurpose::ImportTable => "Import",
        }
    }

    /// True when the dialog picks an existing file rather than naming a new one.
    pub fn picks_existing(self) -> bool {
        matches!(
            self,
            FilePurpose::Open
                | FilePurpose::AddStudents
                | FilePurpose::CompareWith
                | FilePurpose::ImportTable
        )
    }

    /// True when several files may be picked at once.
    pub fn picks_many(self) -> bool {
        self == FilePurpose::AddStudents
    }

    /// The name offered for a file this purpose writes, from the lesson's name (`stem`):
    /// the scenario itself keeps it; a file made from it gets its own
    /// ([`Format::file_name`]). `None` for a purpose that picks an existing file.
    pub fn suggested_name(self, stem: &str) -> Option<String> {
        match self {
            FilePurpose::SaveAs => Some(format!("{stem}.ron")),
            FilePurpose::Export(f) => Some(f.file_name(stem)),
            FilePurpose::Open
            | FilePurpose::AddStudents
            | FilePurpose::CompareWith
            | FilePurpose::ImportTable => None,
        }
    }
}

/// Where a dialog for `purpose` starts, for a document saved at `path` (or never saved,
/// named `stem`): a derived file gets a new name beside the lesson, never the lesson's own
/// path; Save As offers the document's path; a dialog that picks files starts in the
/// lesson's folder.
pub fn suggested_path(
    purpose: FilePurpose,
    path: Option<&std::path::Path>,
    stem: &str,
) -> Option<PathBuf> {
    let folder = path.and_then(std::path::Path::parent);
    let stem = path
        .and_then(std::path::Path::file_stem)
        .map_or_else(|| stem.to_owned(), |s| s.to_string_lossy().into_owned());
    match (purpose, purpose.suggested_name(&stem)) {
        (FilePurpose::SaveAs, _) if path.is_some() => path.map(std::path::Path::to_path_buf),
        (_, Some(name)) => Some(folder.map_or_else(|| PathBuf::from(&name), |d| d.join(&name))),
        (_, None) => folder.map(std::path::Path::to_path_buf),
    }
}

/// The answer of a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The user chose a file.
    Chosen(FilePurpose, PathBuf),
    /// The user chose several files.
    ChosenMany(FilePurpose, Vec<PathBuf>),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown (it came back at once without asking anyone).
    Unavailable(FilePurpose),
    /// A browser read the chosen file: its name and bytes (there is no path).
    Picked(FilePurpose, String, Vec<u8>),
    /// A browser read the chosen files: each one's name and bytes.
    PickedMany(FilePurpose, Vec<(String, Vec<u8>)>),
    /// A browser read a scenario to open and may write it back when it is saved.
    PickedWritable(String, Vec<u8>),
    /// A browser let the user choose where Save As writes (and Save after it): the name.
    PlaceChosen(String),
    /// A browser could not write the scenario back to its file: why.
    WriteBackFailed(String),
    /// The scenario at an address (the page's `#url=`) could not be fetched: the address,
    /// and why.
    NotFetched(String, String),
    /// A browser cannot write files where the user chooses: the file is downloaded.
    DownloadInstead(FilePurpose),
}

/// A file for the browser to download (the web build's Save and exports).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    /// The file's name.
    pub name: String,
    /// Its media type.
    pub mime: &'static str,
    /// Its contents.
    pub bytes: Vec<u8>,
    /// The scenario, to be written back to the document's browser file rather than
    /// downloaded (when that fails the GUI answers `WriteBackFailed` and it is downloaded).
    pub write_back: bool,
}
