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
    /// The value the rationale was written for, when the value has changed since and the
    /// rationale has been neither edited nor confirmed (format 5): "reason written for Weak".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_written_for: Option<ScoreValue>,
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

    /// Sets the value, and marks the rationale as written for the old value when there is
    /// one to mark (cleared again when the value comes back to what the reason was for).
    pub fn set_value(&mut self, value: Option<ScoreValue>) {
        if value == self.value {
            return;
        }
        let written_for = self.reason_written_for.or(self.value);
        self.value = value;
        self.reason_written_for = if self.rationale.trim().is_empty() || written_for == value {
            None
        } else {
            written_for
        };
    }

    /// Sets the rationale: a reason edited is a reason for the value it stands beside.
    pub fn set_rationale(&mut self, rationale: String) {
        self.rationale = rationale;
        self.reason_written_for = None;
    }

    /// True when it uses something only format 5 can say.
    pub fn needs_format_5(&self) -> bool {
        self.value == Some(ScoreValue::Silent)
            || self.reason_written_for.is_some()
            || self.evidence.iter().any(|e| e.kind.is_some())
    }

    /// True when the cell says the text is silent on the criterion.
    pub fn is_silent(&self) -> bool {
        self.value == Some(ScoreValue::Silent)
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
    /// The text is available and says nothing on the criterion (format 5): not a level,
    /// and not the same as unscored (no source found). In totals it counts as the scale's
    /// lowest value unless the scenario leaves silence out ([`Silence`]).
    Silent,
}

/// How a scenario counts a cell whose text is silent on the criterion in totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Silence {
    /// As the scale's lowest value (its first level, its minimum, No): the rule the
    /// bundled lessons follow (`docs/SCORING.md`).
    #[default]
    CountsAsLowest,
    /// Left out of the total like an unscored cell (coverage shows it).
    LeftOut,
}

impl Silence {
    /// True for the default rule, left out of files.
    pub fn is_default(&self) -> bool {
        *self == Self::CountsAsLowest
    }

    /// What a silent cell means under this rule, in a sentence for handouts and the window.
    pub fn explained(&self) -> &'static str {
        match self {
            Self::CountsAsLowest => "“Silent” means the text is available and says nothing on the criterion. It counts as the scale's lowest value in the total; a party's red line is neither met nor crossed by it (“not addressed”).",
            Self::LeftOut => "“Silent” means the text is available and says nothing on the criterion. It is left out of the total, like an unscored cell; a party's red line is neither met nor crossed by it (“not addressed”).",
        }
    }
}

/// What a citation gives: the party's own words, or someone else's account or reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvidenceKind {
    /// The party's own words, first-hand or quoted in a report.
    OwnWords,
    /// Someone else's account, analysis or reading (an essay, a commentary).
    Commentary,
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
    /// Whose words the source gives here, where it matters (a red line's evidence; format 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EvidenceKind>,
}
