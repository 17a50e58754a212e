//! Contrast as WCAG 2.2 measures it: the relative luminance of a colour and the ratio of two
//! (1 to 21). Text needs 4.5 : 1 against what it is drawn on (AA), graphics and focus rings
//! 3 : 1; `tests/contrast.rs` holds every theme to those figures.

use egui::Color32;

/// Text against its background (WCAG 2.2, 1.4.3, level AA).
pub const TEXT: f64 = 4.5;

/// Graphics, outlines and focus rings against what is next to them (WCAG 2.2, 1.4.11).
pub const GRAPHICS: f64 = 3.0;

/// The relative luminance of an opaque colour (sRGB), 0 for black to 1 for white.
pub fn luminance(c: Color32) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on white). A colour with
/// transparency is first laid over `under`.
pub fn ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `c` laid over the opaque `under` (egui's colours are premultiplied).
pub fn over(c: Color32, under: Color32) -> Color32 {
    let a = f32::from(c.a()) / 255.0;
    let mix = |top: u8, bottom: u8| {
        (f32::from(top) + f32::from(bottom) * (1.0 - a))
            .round()
            .min(255.0) as u8
    };
    Color32::from_rgb(
        mix(c.r(), under.r()),
        mix(c.g(), under.g()),
        mix(c.b(), under.b()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21_and_a_colour_on_itself_is_1() {
        assert!((ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!(
            (ratio(
                Color32::from_rgb(10, 120, 200),
                Color32::from_rgb(10, 120, 200)
            ) - 1.0)
                .abs()
                < 1e-12
        );
        // WCAG's own example: #767676 on white is just above 4.5.
        let grey = ratio(Color32::from_rgb(0x76, 0x76, 0x76), Color32::WHITE);
        assert!((4.5..4.6).contains(&grey), "{grey}");
    }
}
