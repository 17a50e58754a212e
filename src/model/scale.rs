//! Scales: how a score is expressed (a number, ordered levels, yes/no) and everything a
//! scale kind decides: its lowest value, its words, where a value lies on it, the nearest
//! value of another scale, what typing on a cell sets, how coded rows are read, the range
//! red lines are set in. A new scale kind starts here; `docs/ARCHITECTURE.md` lists what
//! else it touches.

use serde::{Deserialize, Serialize};

use super::ScoreValue;

/// How a score is expressed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Scale {
    /// A number between `min` and `max` (inclusive) in steps of `step`.
    Numeric {
        /// Lowest value on the scale.
        min: f64,
        /// Highest value on the scale.
        max: f64,
        /// Increment used by editors; values need not be multiples of it.
        step: f64,
    },
    /// Ordered verbal levels, worst first (before the direction is applied).
    Levels(Vec<String>),
    /// Yes (1) or no (0).
    YesNo,
}

/// The part of a scale a problem is in, for pointing at it in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalePart {
    /// The minimum (or the minimum and maximum together).
    Min,
    /// The step.
    Step,
    /// The scale as a whole.
    Whole,
    /// Level number j.
    Level(usize),
}

impl Scale {
    /// A 0–10 numeric scale in steps of 1, the default for new criteria.
    pub fn zero_to_ten() -> Self {
        Scale::Numeric {
            min: 0.0,
            max: 10.0,
            step: 1.0,
        }
    }

    /// The scale's lowest value (its first level, its minimum, No): what a silent text
    /// counts as in totals by the default rule.
    pub fn lowest(&self) -> ScoreValue {
        match self {
            Scale::Numeric { min, .. } => ScoreValue::Number(*min),
            Scale::Levels(_) => ScoreValue::Level(0),
            Scale::YesNo => ScoreValue::Bool(false),
        }
    }

    /// Short human description, e.g. "0–10", "4 levels", "yes/no".
    pub fn summary(&self) -> String {
        match self {
            Scale::Numeric { min, max, .. } => format!("{min}–{max}"),
            Scale::Levels(levels) => format!("{} levels", levels.len()),
            Scale::YesNo => "yes/no".to_owned(),
        }
    }

    /// The text a cell shows for a value on this scale ("—" when unscored).
    pub fn value_text(&self, value: Option<ScoreValue>) -> String {
        match (value, self) {
            (None, _) => "—".to_owned(),
            (Some(ScoreValue::Number(x)), _) => format!("{x}"),
            (Some(ScoreValue::Level(i)), Scale::Levels(levels)) => levels
                .get(i as usize)
                .cloned()
                .unwrap_or_else(|| format!("level {i}")),
            (Some(ScoreValue::Level(i)), _) => format!("level {i}"),
            (Some(ScoreValue::Bool(true)), _) => "Yes".to_owned(),
            (Some(ScoreValue::Bool(false)), _) => "No".to_owned(),
            (Some(ScoreValue::Silent), _) => "Silent".to_owned(),
        }
    }

    /// The lowest and highest values as numbers (levels by their index, No 0 and Yes 1):
    /// the range a red line's bounds are set in.
    pub fn bounds(&self) -> (f64, f64) {
        match self {
            Scale::Numeric { min, max, .. } => (*min, *max),
            Scale::Levels(l) => (0.0, l.len().saturating_sub(1) as f64),
            Scale::YesNo => (0.0, 1.0),
        }
    }

    /// Where `value` lies on the scale, from 0 (lowest) to 1 (highest); `None` for a value
    /// of another kind, or a scale with one point.
    pub fn position(&self, value: ScoreValue) -> Option<f64> {
        let t = match (self, value) {
            (Scale::Numeric { min, max, .. }, ScoreValue::Number(x)) if max > min => {
                (x - min) / (max - min)
            }
            (Scale::Levels(l), ScoreValue::Level(i)) if l.len() > 1 => {
                f64::from(i) / (l.len() - 1) as f64
            }
            (Scale::YesNo, ScoreValue::Bool(b)) => f64::from(u8::from(b)),
            _ => return None,
        };
        Some(t.clamp(0.0, 1.0))
    }

    /// The value of this scale nearest position `t` (0 lowest, 1 highest).
    pub fn nearest(&self, t: f64) -> Option<ScoreValue> {
        let t = t.clamp(0.0, 1.0);
        match self {
            Scale::Numeric { min, max, step } => {
                let x = min + t * (max - min);
                let x = if *step > 0.0 {
                    min + ((x - min) / step).round() * step
                } else {
                    x
                };
                Some(ScoreValue::Number(x.clamp(*min, *max)))
            }
            Scale::Levels(l) if !l.is_empty() => {
                Some(ScoreValue::Level((t * (l.len() - 1) as f64).round() as u32))
            }
            Scale::Levels(_) => None,
            Scale::YesNo => Some(ScoreValue::Bool(t >= 0.5)),
        }
    }

    /// A value written in a file's coded rows (`1`/`0`, a level's index, a number).
    pub fn decode(&self, text: &str) -> Option<ScoreValue> {
        match self {
            Scale::YesNo => match text {
                "1" => Some(ScoreValue::Bool(true)),
                "0" => Some(ScoreValue::Bool(false)),
                _ => None,
            },
            Scale::Levels(_) => text.parse().ok().map(ScoreValue::Level),
            Scale::Numeric { .. } => text.parse().ok().map(ScoreValue::Number),
        }
    }

    /// What `decode` takes, in words, for a message about a value that is not one.
    pub fn coded_form(&self) -> &'static str {
        match self {
            Scale::YesNo => "1 or 0",
            Scale::Levels(_) => "a level number from 0",
            Scale::Numeric { .. } => "a number",
        }
    }

    /// The value of a number typed on a numeric cell, kept within the scale; `None` when
    /// it is not a number or the scale is not numeric.
    pub fn parse_typed_number(&self, text: &str) -> Option<ScoreValue> {
        let Scale::Numeric { min, max, .. } = self else {
            return None;
        };
        let x: f64 = text.trim().replace(',', ".").parse().ok()?;
        x.is_finite()
            .then(|| ScoreValue::Number(x.clamp(*min, *max)))
    }

    /// The value a character typed on a cell sets on a scale of levels or yes/no: a level's
    /// number (1 is the first) or first letter (again: the next level with that letter), Y or N;
    /// 0 marks the text silent.
    /// `None` when the character means nothing there (numbers are typed whole, see
    /// `parse_typed_number`).
    pub fn typed(&self, ch: char, current: Option<ScoreValue>) -> Option<ScoreValue> {
        match self {
            Scale::Levels(_) | Scale::YesNo if ch == '0' => Some(ScoreValue::Silent),
            Scale::Levels(levels) => {
                if let Some(d) = ch.to_digit(10) {
                    let i = d.checked_sub(1)?;
                    return ((i as usize) < levels.len()).then_some(ScoreValue::Level(i));
                }
                let wanted = ch.to_lowercase().next()?;
                let starts = |l: &String| {
                    l.chars().next().and_then(|c| c.to_lowercase().next()) == Some(wanted)
                };
                // From the level after the current one, so pressing the letter again cycles.
                let from = match current {
                    Some(ScoreValue::Level(i)) if levels.get(i as usize).is_some_and(starts) => {
                        i as usize + 1
                    }
                    _ => 0,
                };
                (0..levels.len())
                    .map(|j| (from + j) % levels.len())
                    .find(|&j| starts(&levels[j]))
                    .map(|j| ScoreValue::Level(j as u32))
            }
            Scale::YesNo => match ch.to_ascii_lowercase() {
                'y' => Some(ScoreValue::Bool(true)),
                'n' => Some(ScoreValue::Bool(false)),
                _ => None,
            },
            Scale::Numeric { .. } => None,
        }
    }

    /// Where `value` lies on the scale, from 0 (lowest) to 1 (highest), before the
    /// criterion's direction is applied; `None` for a value of another kind, a level
    /// beyond the scale, a scale with one point or a value that is not finite.
    pub fn normalised(&self, value: ScoreValue) -> Option<f64> {
        match (self, value) {
            (Scale::Numeric { min, max, .. }, ScoreValue::Number(x)) => {
                let span = max - min;
                if !(span.is_finite() && span > 0.0 && x.is_finite()) {
                    return None;
                }
                Some(((x - min) / span).clamp(0.0, 1.0))
            }
            (Scale::Levels(levels), ScoreValue::Level(i)) => {
                let i = i as usize;
                if levels.len() < 2 || i >= levels.len() {
                    return None;
                }
                Some(i as f64 / (levels.len() - 1) as f64)
            }
            (Scale::YesNo, ScoreValue::Bool(b)) => Some(f64::from(u8::from(b))),
            _ => None,
        }
    }

    /// The raw value at position `v` (0 lowest, 1 highest): a level's index, 1/0 for
    /// yes/no, or the number.
    pub fn raw_at(&self, v: f64) -> f64 {
        match self {
            Scale::Levels(levels) => (v * levels.len().saturating_sub(1) as f64).round(),
            Scale::YesNo => v.round(),
            Scale::Numeric { min, max, .. } => min + v * (max - min),
        }
    }

    /// The names of the scale's points in order (No, Yes for yes/no); `None` for a
    /// numeric scale.
    pub fn level_names(&self) -> Option<Vec<String>> {
        match self {
            Scale::Levels(levels) => Some(levels.clone()),
            Scale::YesNo => Some(vec!["No".into(), "Yes".into()]),
            Scale::Numeric { .. } => None,
        }
    }

    /// True when `value` is of the scale's kind (a number, a level, yes/no).
    pub fn is_of_kind(&self, value: ScoreValue) -> bool {
        matches!(
            (self, value),
            (Scale::YesNo, ScoreValue::Bool(_))
                | (Scale::Levels(_), ScoreValue::Level(_))
                | (Scale::Numeric { .. }, ScoreValue::Number(_))
        )
    }

    /// Why a value does not fit the scale, if it does not, in words for a file's author.
    pub fn value_problem(&self, value: ScoreValue) -> Option<String> {
        match (self, value) {
            (Scale::Numeric { min, max, .. }, ScoreValue::Number(x)) => {
                if !x.is_finite() {
                    Some(format!("value {x} must be a finite number"))
                } else if x < *min || x > *max {
                    Some(format!("value {x} is outside the scale {min}–{max}"))
                } else {
                    None
                }
            }
            (Scale::Levels(levels), ScoreValue::Level(l)) => {
                (l as usize >= levels.len()).then(|| {
                    format!(
                        "level {l} is out of range: the scale has levels 0–{}",
                        levels.len().saturating_sub(1)
                    )
                })
            }
            (Scale::YesNo, ScoreValue::Bool(_)) => None,
            // Any text can be silent on any matter.
            (_, ScoreValue::Silent) => None,
            (scale, value) => Some(format!(
                "value {} does not fit the criterion's scale ({}); use {}",
                match value {
                    ScoreValue::Number(x) => format!("Number({x})"),
                    ScoreValue::Level(l) => format!("Level({l})"),
                    ScoreValue::Bool(b) => format!("Bool({b})"),
                    ScoreValue::Silent => "Silent".to_owned(),
                },
                match scale {
                    Scale::Numeric { .. } => "numeric",
                    Scale::Levels(_) => "levels",
                    Scale::YesNo => "yes/no",
                },
                match scale {
                    Scale::Numeric { .. } => "Number(x)",
                    Scale::Levels(_) => "Level(index)",
                    Scale::YesNo => "Bool(true) or Bool(false)",
                }
            )),
        }
    }

    /// What is wrong with the scale itself, if anything, with where: a numeric scale whose
    /// minimum is not below its maximum or whose step is not above zero; a level scale with
    /// fewer than two levels or a level without a name.
    pub fn problems(&self) -> Vec<(ScalePart, String)> {
        let mut found = Vec::new();
        match self {
            Scale::Numeric { min, max, step } => {
                if !(min.is_finite() && max.is_finite() && min < max) {
                    found.push((
                        ScalePart::Min,
                        format!("scale min {min} must be a number below max {max}"),
                    ));
                }
                if !(step.is_finite() && *step > 0.0) {
                    found.push((
                        ScalePart::Step,
                        format!("scale step {step} must be a number > 0"),
                    ));
                }
            }
            Scale::Levels(levels) => {
                if levels.len() < 2 {
                    found.push((
                        ScalePart::Whole,
                        format!(
                            "a level scale needs at least 2 levels, this one has {}",
                            levels.len()
                        ),
                    ));
                }
                for (j, l) in levels.iter().enumerate() {
                    if l.trim().is_empty() {
                        found.push((ScalePart::Level(j), format!("level {j} has an empty name")));
                    }
                }
            }
            Scale::YesNo => {}
        }
        found
    }

    /// True for a numeric scale (its values are typed whole, not chosen by a key).
    pub fn is_numeric(&self) -> bool {
        matches!(self, Scale::Numeric { .. })
    }
}
