//! Preferences kept between runs (never documents): recent files and view options.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// Persisted UI state; every field has a default so new fields never reset the rest.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Most recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Whether the inspector panel is shown.
    pub show_inspector: bool,
    /// Colour theme.
    pub theme: ThemeChoice,
    /// Zoom factor of the whole interface (1 = 100%).
    pub zoom: f32,
    /// Height of the cards chosen by dragging the handle under them; `None` is automatic.
    pub cards_height: Option<f32>,
    /// Nothing slides or fades (View ▸ Reduce motion; on by itself in a browser whose
    /// system asks for reduced motion).
    pub reduce_motion: bool,
}

/// The colour themes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
    /// White on black with strong outlines, for projectors and low vision.
    HighContrast,
}

impl ThemeChoice {
    /// All themes, in menu order.
    pub const ALL: [ThemeChoice; 4] = [
        ThemeChoice::System,
        ThemeChoice::Light,
        ThemeChoice::Dark,
        ThemeChoice::HighContrast,
    ];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow the system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
            ThemeChoice::HighContrast => "High contrast",
        }
    }
}

/// Smallest and largest zoom.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            show_inspector: true,
            theme: ThemeChoice::System,
            zoom: 1.0,
            cards_height: None,
            reduce_motion: false,
        }
    }
}

impl Prefs {
    /// Multiplies the zoom by `factor`, within `ZOOM_RANGE`, rounded to whole percents.
    pub fn zoom_by(&mut self, factor: f32) {
        let z = (self.zoom * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        self.zoom = (z * 100.0).round() / 100.0;
    }

    /// Puts `path` first in the recent list.
    pub fn add_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
