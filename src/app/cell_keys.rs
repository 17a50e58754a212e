//! The keyboard scores: what a key typed on a cell means for the cell's scale.

use crate::model::{Scale, ScoreValue};

/// The keys a focused cell of the table answers, and what each does: what `typed_value`,
/// `parse_typed_number` and the table's own handling do, in words. The F1 list is made
/// from this table, so the two cannot part.
pub const CELL_KEYS: [(&str, &str); 8] = [
    ("1–9", "Score a level by its number (1 is the first)"),
    (
        "A level's first letter",
        "Score that level; again for the next with the letter",
    ),
    ("Y / N", "Score yes or no"),
    (
        "0",
        "Mark the text silent on the criterion (levels, yes/no)",
    ),
    ("A number, then Enter", "Score a numeric criterion"),
    ("Delete", "Clear the score (its reason and evidence stay)"),
    ("Enter", "Open the cell's rationale"),
    ("Tab / Shift+Tab, arrows", "Move between cells"),
];

/// The value a character typed on a cell sets (see `Scale::typed`).
pub fn typed_value(scale: &Scale, ch: char, current: Option<ScoreValue>) -> Option<ScoreValue> {
    scale.typed(ch, current)
}

/// True for the characters a number is typed with.
pub fn is_number_char(ch: char) -> bool {
    ch.is_ascii_digit() || matches!(ch, '.' | ',' | '-')
}

/// The value of a number typed on a numeric cell, kept within the scale; `None` when it is
/// not a number.
pub fn parse_typed_number(scale: &Scale, text: &str) -> Option<ScoreValue> {
    scale.parse_typed_number(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ScoreValue::{Bool, Level, Number};

    fn four() -> Scale {
        Scale::Levels(vec![
            "Not addressed".into(),
            "Weak".into(),
            "Partial".into(),
            "Strong".into(),
        ])
    }

    #[test]
    fn levels_by_number_or_first_letter() {
        assert_eq!(typed_value(&four(), '1', None), Some(Level(0)));
        assert_eq!(typed_value(&four(), '4', None), Some(Level(3)));
        assert_eq!(typed_value(&four(), '5', None), None);
        assert_eq!(
            typed_value(&four(), '0', None),
            Some(ScoreValue::Silent),
            "0: the text is silent"
        );
        assert_eq!(typed_value(&four(), 's', None), Some(Level(3)));
        assert_eq!(typed_value(&four(), 'P', Some(Level(0))), Some(Level(2)));
        assert_eq!(typed_value(&four(), 'x', None), None);
        let two_w = Scale::Levels(vec!["Weak".into(), "Wide".into(), "Strong".into()]);
        assert_eq!(typed_value(&two_w, 'w', None), Some(Level(0)));
        assert_eq!(
            typed_value(&two_w, 'w', Some(Level(0))),
            Some(Level(1)),
            "again: the next"
        );
        assert_eq!(
            typed_value(&two_w, 'w', Some(Level(1))),
            Some(Level(0)),
            "and round"
        );
    }

    #[test]
    fn yes_no_and_numbers() {
        assert_eq!(typed_value(&Scale::YesNo, 'Y', None), Some(Bool(true)));
        assert_eq!(typed_value(&Scale::YesNo, 'n', None), Some(Bool(false)));
        let ten = Scale::zero_to_ten();
        assert_eq!(
            typed_value(&ten, '7', None),
            None,
            "numbers are typed whole"
        );
        assert_eq!(parse_typed_number(&ten, "7,5"), Some(Number(7.5)));
        assert_eq!(parse_typed_number(&ten, "12"), Some(Number(10.0)));
        assert_eq!(parse_typed_number(&ten, "-"), None);
    }
}
