//! Scenarios bundled with Concord, embedded in the binary.

use crate::io::{load_str, LoadError};
use crate::model::Scenario;

/// A scenario file shipped in `seeds/`.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// File name in `seeds/`.
    pub file: &'static str,
    /// Title for menus.
    pub title: &'static str,
    /// The RON text.
    pub text: &'static str,
}

/// Every bundled scenario; the first is the default.
pub const BUNDLED: &[Bundled] = &[
    Bundled {
        file: "gaza-ceasefire-2023.ron",
        title: "After the Gaza cease-fire (Duss & Okail, 2023)",
        text: include_str!("../seeds/gaza-ceasefire-2023.ron"),
    },
    Bundled {
        file: "final-status-plans.ron",
        title: "Final-status plans, 2000–2020",
        text: include_str!("../seeds/final-status-plans.ron"),
    },
    Bundled {
        file: "blank.ron",
        title: "Blank template",
        text: include_str!("../seeds/blank.ron"),
    },
];

impl Bundled {
    /// Parses and validates the bundled text.
    pub fn load(&self) -> Result<Scenario, LoadError> {
        load_str(&format!("<built-in {}>", self.file), self.text)
    }
}

/// The bundled lesson called `name` (its file name, with or without `.ron`).
pub fn find(name: &str) -> Option<usize> {
    let name = name.trim();
    BUNDLED
        .iter()
        .position(|b| b.file == name || b.file.strip_suffix(".ron") == Some(name))
}

/// The scenario Concord opens when started without a file.
pub fn default_scenario() -> Result<Scenario, LoadError> {
    BUNDLED[0].load()
}

/// Index of the blank template in `BUNDLED`.
pub const BLANK: usize = 2;

/// The blank template.
pub fn blank_scenario() -> Result<Scenario, LoadError> {
    BUNDLED[BLANK].load()
}
