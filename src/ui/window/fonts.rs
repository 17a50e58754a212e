//! Bundled fonts (Noto Sans, Arabic and Hebrew; SIL OFL), installed at start-up so every
//! machine, projector and test draws the same glyphs.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The family name of the bold face, for headings and card titles.
pub const BOLD: &str = "bold";

/// Installs the bundled fonts ahead of egui's own (kept as fallback for symbols).
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// Font definitions with the bundled fonts first.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let faces: [(&str, &'static [u8]); 5] = [
        (
            "noto-sans",
            include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
        ),
        (
            "noto-sans-bold",
            include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
        ),
        (
            "noto-sans-arabic",
            include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf"),
        ),
        (
            "noto-sans-hebrew",
            include_bytes!("../../../assets/fonts/NotoSansHebrew-Regular.ttf"),
        ),
        (
            "noto-sans-symbols2",
            include_bytes!("../../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
        ),
    ];
    for (name, bytes) in faces {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let scripts = ["noto-sans-arabic", "noto-sans-hebrew", "noto-sans-symbols2"];
    let defaults_prop = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut proportional: Vec<String> = vec!["noto-sans".to_owned()];
    proportional.extend(scripts.iter().map(|s| (*s).to_owned()));
    proportional.extend(defaults_prop.iter().cloned());
    fonts
        .families
        .insert(FontFamily::Proportional, proportional);

    let mut bold: Vec<String> = vec!["noto-sans-bold".to_owned()];
    bold.extend(scripts.iter().map(|s| (*s).to_owned()));
    bold.extend(defaults_prop);
    fonts.families.insert(FontFamily::Name(BOLD.into()), bold);

    // Monospace (error lines) falls back to the script fonts too.
    let mono = fonts.families.entry(FontFamily::Monospace).or_default();
    mono.push("noto-sans".to_owned());
    mono.extend(scripts.iter().map(|s| (*s).to_owned()));
    fonts
}
