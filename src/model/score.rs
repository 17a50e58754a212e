//! Scores: one cell of the table, with its rationale and evidence.

use serde::{Deserialize, Serialize};

/// The score of one proposal on one criterion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// Id of the criterion (row).
    pub criterion: String,
    /// Id of the proposal (column).
    pub proposal: String,
    /// The value; `None` means not scored, which is never the same as 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ScoreValue>,
    /// Why this value, attributed ("The essay argues…").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    /// The evidence behind the value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Citation>,
}

impl Score {
    /// True when the cell carries a rationale or evidence worth marking.
    pub fn has_notes(&self) -> bool {
        !self.rationale.trim().is_empty() || !self.evidence.is_empty()
    }

    /// True when the cell holds nothing at all and can be dropped from the file.
    pub fn is_empty(&self) -> bool {
        self.value.is_none() && !self.has_notes()
    }
}

/// A value on a criterion's scale.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum ScoreValue {
    /// A value on a numeric scale.
    Number(f64),
    /// An index into a level scale, 0 = first (worst) level.
    Level(u32),
    /// An answer on a yes/no scale.
    Bool(bool),
}

/// A pointer into the bibliography: which source, where in it, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Id of a source in the scenario's bibliography.
    pub source: String,
    /// Where in the source: a page, paragraph or section.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub locator: String,
    /// A short note on what the source says there, paraphrased.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
