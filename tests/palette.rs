//! The proposals' colours stay apart for colour-blind eyes: each pair is compared after
//! simulating deuteranopia, protanopia and tritanopia (Machado, Oliveira and Fernandes 2009,
//! severity 1), by its CIELAB distance (ΔE*ab). Colour is never the only cue (each card and
//! column also carries the proposal's name), but two proposals should not look the same.

use concord::ui::widgets::PALETTE;
use egui::Color32;

/// The least distance two proposal colours keep under every simulation. A ΔE of 10 is
/// already plain side by side; the palette keeps 15 (its closest pair, green and sky blue
/// under tritanopia, is 16.1 apart).
const LEAST_DELTA_E: f64 = 15.0;

type Matrix = [[f64; 3]; 3];

const PROTANOPIA: Matrix = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
const DEUTERANOPIA: Matrix = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
const TRITANOPIA: Matrix = [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.303900],
];
const SEEN_AS_IS: Matrix = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

fn linear(c: Color32) -> [f64; 3] {
    let f = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    [f(c.r()), f(c.g()), f(c.b())]
}

/// CIELAB (D65) of a colour as seen through `m`.
fn lab(c: Color32, m: &Matrix) -> [f64; 3] {
    let rgb = linear(c);
    let seen: Vec<f64> = m
        .iter()
        .map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0))
        .collect();
    let (r, g, b) = (seen[0], seen[1], seen[2]);
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

/// The closest pair of the palette under `m`: its distance and which colours.
fn closest(m: &Matrix) -> (f64, usize, usize) {
    let mut best = (f64::MAX, 0, 0);
    for (i, &a) in PALETTE.iter().enumerate() {
        for (j, &b) in PALETTE.iter().enumerate().skip(i + 1) {
            let d = delta_e(lab(a, m), lab(b, m));
            if d < best.0 {
                best = (d, i, j);
            }
        }
    }
    best
}

#[test]
fn proposal_colours_stay_apart_under_colour_blindness() {
    for (name, m) in [
        ("typical vision", SEEN_AS_IS),
        ("deuteranopia", DEUTERANOPIA),
        ("protanopia", PROTANOPIA),
        ("tritanopia", TRITANOPIA),
    ] {
        let (d, i, j) = closest(&m);
        println!("{name}: closest pair {i} and {j}, ΔE {d:.1}");
        assert!(
            d >= LEAST_DELTA_E,
            "{name}: colours {i} and {j} are ΔE {d:.1} apart"
        );
    }
}

#[test]
fn the_simulation_merges_what_colour_blind_eyes_merge() {
    // Red and green, far apart to typical vision, come close under deuteranopia: the check
    // is able to fail.
    let (red, green) = (
        Color32::from_rgb(200, 60, 40),
        Color32::from_rgb(110, 140, 40),
    );
    let typical = delta_e(lab(red, &SEEN_AS_IS), lab(green, &SEEN_AS_IS));
    let deutan = delta_e(lab(red, &DEUTERANOPIA), lab(green, &DEUTERANOPIA));
    assert!(
        typical > 40.0 && deutan < typical / 2.0,
        "{typical:.1} → {deutan:.1}"
    );
}
