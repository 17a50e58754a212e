//! Criteria: what proposals are compared on, with a weight, a scale and a direction.

use serde::{Deserialize, Serialize};

use super::{Scale, ScoreValue};

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
        self.scale.value_text(value)
    }
}
