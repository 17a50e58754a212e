//! Right-to-left text for display. egui 0.37 shapes Arabic and draws the letters of each
//! right-to-left word from right to left, but it lays the words of a line out in logical
//! order, left to right, so a name of several Hebrew or Arabic words comes out with its words
//! in the wrong order. `display_order` puts the words of each right-to-left run in visual
//! order (Unicode bidi algorithm, UAX #9) and leaves the letters inside each word to egui.
//! `tests/rtl.rs` checks the result on egui's own layout.

use std::borrow::Cow;

use unicode_bidi::{bidi_class, get_base_direction, BidiClass, BidiInfo, Direction, Level};

/// True for characters that are strongly right-to-left (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko…), by their Unicode bidi class.
pub fn is_rtl_char(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// True when the first strong letter of `text` is right-to-left (UAX #9, rules P2–P3).
pub fn reads_right_to_left(text: &str) -> bool {
    get_base_direction(text) == Direction::Rtl
}

/// `text` with the words of right-to-left runs in visual (left-to-right) order, line by
/// line; text without right-to-left letters is returned as it is.
pub fn display_order(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_rtl_char) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<String> = text.split('\n').map(line_display_order).collect();
    Cow::Owned(lines.join("\n"))
}

fn line_display_order(line: &str) -> String {
    if line.is_empty() {
        return String::new();
    }
    // The app is laid out left to right, so every line is a left-to-right paragraph.
    let info = BidiInfo::new(line, Some(Level::ltr()));
    let mut out = String::with_capacity(line.len());
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let s = &line[run.clone()];
            if levels[run.start].is_rtl() {
                for token in tokens(s).into_iter().rev() {
                    out.push_str(&mirror(token));
                }
            } else {
                out.push_str(s);
            }
        }
    }
    out
}

/// Words and the spaces between them, in order.
fn tokens(s: &str) -> Vec<&str> {
    let mut v = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in s.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|prev| prev != space) {
            v.push(&s[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < s.len() {
        v.push(&s[start..]);
    }
    v
}

/// Brackets in a right-to-left run face the other way once the run is drawn left to right.
fn mirror(token: &str) -> Cow<'_, str> {
    if !token.contains(['(', ')', '[', ']', '«', '»']) {
        return Cow::Borrowed(token);
    }
    Cow::Owned(
        token
            .chars()
            .map(|c| match c {
                '(' => ')',
                ')' => '(',
                '[' => ']',
                ']' => '[',
                '«' => '»',
                '»' => '«',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_is_untouched() {
        assert!(matches!(
            display_order("Arab Peace Initiative"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn hebrew_words_are_in_visual_order() {
        // Logical order: "ארץ" (land) then "לכולם" (for all); read right to left, the first
        // word is on the right, so from left to right the words are "לכולם ארץ".
        assert_eq!(display_order("ארץ לכולם"), "לכולם ארץ");
    }

    #[test]
    fn arabic_words_are_in_visual_order() {
        assert_eq!(
            display_order("مبادرة السلام العربية"),
            "العربية السلام مبادرة"
        );
    }

    #[test]
    fn mixed_lines_follow_the_bidi_algorithm() {
        // A number after Arabic words joins their run (UAX #9, rule N1) and is drawn to
        // their left, as a browser draws it; Latin text keeps its place.
        assert_eq!(
            display_order("API: مبادرة السلام (2002)"),
            "API: (2002) السلام مبادرة"
        );
        assert_eq!(
            display_order("ארץ לכולם — A Land for All"),
            "לכולם ארץ — A Land for All"
        );
    }

    #[test]
    fn direction_of_the_first_letter() {
        assert!(reads_right_to_left("ארץ לכולם"));
        assert!(reads_right_to_left("«مبادرة السلام العربية» 2002"));
        assert!(!reads_right_to_left("A Land for All — ארץ לכולם"));
        assert!(!reads_right_to_left("2002"));
    }
}
