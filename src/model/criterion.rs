//! Criteria: what proposals are compared on, with a weight, a scale and a direction.

use serde::{Deserialize, Serialize};

use super::ScoreValue;

/// One row of the comparison table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable slug that scores and perspectives refer to.
    pub id: String,
    /// Name shown in the table.
    pub name: String,
    /// What the criterion asks, shown as a tooltip and in the inspector.
    #[serde(default)]
    pub description: String,
    /// Group the row belongs to, e.g. "Security"; empty for none.
    #[serde(default)]
    pub group: String,
    /// Relative importance, ≥ 0; weights are normalised over the criteria in use.
    pub weight: f64,
    /// How a score on this criterion is expressed.
    pub scale: Scale,
    /// Whether a higher value on the scale is better or worse.
    #[serde(default)]
    pub direction: Direction,
}

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
}

/// Whether higher raw values are better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// A higher value is better (the usual case).
    #[default]
    HigherIsBetter,
    /// A lower value is better, e.g. cost or casualties.
    LowerIsBetter,
}

impl Criterion {
    /// A new criterion with the given id and name, weight 1, scale 0–10.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            group: String::new(),
            weight: 1.0,
            scale: Scale::zero_to_ten(),
            direction: Direction::HigherIsBetter,
        }
    }

    /// The text a cell shows for a value on this criterion's scale ("—" when unscored).
    pub fn value_text(&self, value: Option<ScoreValue>) -> String {
        match (value, &self.scale) {
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
}
