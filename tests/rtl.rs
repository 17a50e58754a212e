//! Right-to-left names as egui draws them with the bundled fonts: the text the cards hand to
//! egui must come out with the words (and letters) of a Hebrew or Arabic name from right to
//! left, as a reader expects.

use concord::seeds::default_scenario;
use concord::ui::bidi::display_order;
use egui::{Color32, FontId, RawInput};

/// The characters of `text` as egui places them, from left to right on the screen.
fn drawn_left_to_right(text: &str) -> String {
    let ctx = egui::Context::default();
    concord::ui::fonts::install_fonts(&ctx);
    let mut drawn = String::new();
    for _ in 0..2 {
        // Fonts are in place from the second pass on.
        let out = ctx.run_ui(RawInput::default(), |ui| {
            let galley = ui.painter().layout_no_wrap(
                text.to_owned(),
                FontId::proportional(32.0),
                Color32::WHITE,
            );
            let mut glyphs: Vec<(f32, char)> = galley
                .rows
                .iter()
                .flat_map(|r| {
                    r.row
                        .glyphs
                        .iter()
                        .map(move |g| (g.pos.x + r.pos.x, g.chr, g.advance_width))
                })
                // Joined Arabic letters leave zero-width bookkeeping entries; skip them.
                .filter(|(_, _, w)| *w > 0.0)
                .map(|(x, c, _)| (x, c))
                .collect();
            glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
            drawn = glyphs.into_iter().map(|(_, c)| c).collect();
        });
        out.drop_without_applying_deltas();
    }
    drawn
}

/// What a reader sees from left to right for a left-to-right line whose right-to-left part
/// is `rtl`, preceded by `before`: the right-to-left part reversed as a whole.
fn expected(before: &str, rtl: &str) -> String {
    format!("{before}{}", rtl.chars().rev().collect::<String>())
}

#[test]
fn the_default_scenario_carries_names_in_their_original_script() {
    let s = default_scenario().unwrap();
    let name = |id: &str| {
        s.proposals[s.proposal_index(id).unwrap()]
            .original_name
            .clone()
    };
    assert_eq!(name("api"), "مبادرة السلام العربية");
    assert_eq!(name("land-for-all"), "ארץ לכולם");
}

#[test]
fn hebrew_name_is_drawn_right_to_left() {
    let s = default_scenario().unwrap();
    let name = &s.proposals[s.proposal_index("land-for-all").unwrap()].original_name;
    let drawn = drawn_left_to_right(&display_order(name));
    assert_eq!(
        drawn,
        expected("", name),
        "«ארץ» rightmost, then «לכולם» to its left"
    );
}

#[test]
fn egui_alone_would_draw_the_words_in_the_wrong_order() {
    // Why display_order exists: without it the first word lands on the left.
    let name = "ארץ לכולם";
    assert_ne!(drawn_left_to_right(name), expected("", name));
}

#[test]
fn arabic_name_is_drawn_right_to_left() {
    let s = default_scenario().unwrap();
    let name = &s.proposals[s.proposal_index("api").unwrap()].original_name;
    let drawn = drawn_left_to_right(&display_order(name));
    // Lam and alef join into one glyph (the lam-alef ligature), so alef is left out of the
    // comparison; the words and their letters must read from right to left.
    let no_alef = |w: &str| -> String { w.chars().filter(|&c| c != 'ا').collect() };
    let words: Vec<String> = drawn.split(' ').map(no_alef).collect();
    let reversed_words: Vec<String> = name
        .split(' ')
        .rev()
        .map(|w| no_alef(&w.chars().rev().collect::<String>()))
        .collect();
    assert_eq!(words, reversed_words);
}

#[test]
fn a_latin_line_with_a_hebrew_name_keeps_both_orders() {
    let drawn = drawn_left_to_right(&display_order("Land: ארץ לכולם"));
    assert_eq!(drawn, expected("Land: ", "ארץ לכולם"));
}
