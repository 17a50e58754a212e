//! Writing a picture of the window as a PNG file (atomically, like every save).

use std::path::Path;

/// Encodes `image` as PNG and writes it to `path`; the message says what failed.
pub fn save_png(image: &egui::ColorImage, path: &Path) -> Result<(), String> {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
        .ok_or_else(|| format!("the picture ({w}×{h}) is incomplete"))?;
    let mut bytes = Vec::new();
    buffer
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|e| format!("could not encode the picture as PNG: {e}"))?;
    crate::io::write_atomically(path, &bytes).map_err(|e| e.to_string())
}
