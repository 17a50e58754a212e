//! Perspectives: how one party (by its stated positions), one student or one user reads the
//! comparison — its weights, its red lines, and its own readings of cells.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Citation, Criterion, Scale, Score, ScoreValue};

/// A named way of reading the comparison.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    /// Stable slug.
    pub id: String,
    /// Name shown in pickers, e.g. "PLO/PA (stated positions)".
    pub name: String,
    /// Whose view this is and how the weights were derived.
    #[serde(default)]
    pub description: String,
    /// Where the stated positions come from.
    #[serde(default)]
    pub sources: Vec<Citation>,
    /// Raw weights by criterion id. A criterion not listed is *not stated* (see
    /// [`Perspective::weight_of`]), which is not the same as an explicit 0.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
    /// Whose reading this is: a party's stated position, a student's, or the user's own.
    #[serde(default, skip_serializing_if = "PerspectiveKind::is_stated")]
    pub kind: PerspectiveKind,
    /// Who wrote it and from which file it came, when known.
    #[serde(default, skip_serializing_if = "Origin::is_empty")]
    pub origin: Origin,
    /// What this perspective will not accept, at most one per criterion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub red_lines: Vec<RedLine>,
    /// This perspective's own readings of cells, replacing the common scores under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Score>,
    /// Criteria (ids) of which this perspective wants less, against the criterion's own
    /// direction: under it, their values count reversed (format 5). A party that wants
    /// fewer foreign troops where the criterion rewards more security guarantees, say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prefers_less: Vec<String>,
}

/// Whose reading a perspective is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PerspectiveKind {
    /// A party's stated position, attributed to its sources.
    #[default]
    Stated,
    /// A student's (or a group's) reading, collected in a class round.
    Student,
    /// The user's own weights.
    Own,
}

impl PerspectiveKind {
    /// True for a party's stated position (the default, left out of files).
    pub fn is_stated(&self) -> bool {
        *self == Self::Stated
    }

    /// A short word for the kind, for labels.
    pub fn label(self) -> &'static str {
        match self {
            Self::Stated => "stated position",
            Self::Student => "student reading",
            Self::Own => "own weights",
        }
    }
}

/// Who wrote a perspective, and where it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// Its author (a student's name, a group).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// The file it was collected from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

impl Origin {
    /// True when nothing is known of its origin.
    pub fn is_empty(&self) -> bool {
        self.author.is_empty() && self.file.is_empty()
    }
}

/// A value a perspective will not go beyond on one criterion, with why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedLine {
    /// The criterion's id.
    pub criterion: String,
    /// The values it accepts, on the criterion's own scale (before its direction).
    pub accepts: Accepts,
    /// Why, attributed ("The 2017 document rejects…").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// The stated position behind it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Citation>,
    /// Why a text that is silent on the matter crosses this line too, attributed and
    /// sourced ("the party says any deal must include…"; format 5). Empty: silence neither
    /// meets nor crosses it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub silence_crosses: String,
}

/// The values a red line accepts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Accepts {
    /// A number (or a level's index) at least `min` and at most `max`; either may be open.
    Range {
        /// The lowest acceptable value, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// The highest acceptable value, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
    },
    /// These levels (indices, 0 = the first level) and no others.
    Levels(Vec<u32>),
    /// The answer must be yes.
    Yes,
    /// The answer must be no.
    No,
}

/// What a red line says of one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Test {
    /// The value is acceptable.
    Passes,
    /// The value crosses the red line.
    Crosses,
    /// The cell is not scored: nobody can say.
    Unknown,
    /// The text is silent on the matter: the line is neither met nor crossed.
    NotAddressed,
}

impl Accepts {
    /// Whether `value` is acceptable; `None` when the value is of another kind than the
    /// red line (a number against a yes/no line: the file is invalid, and validation says so).
    pub fn accepts(&self, value: ScoreValue) -> Option<bool> {
        match (self, value) {
            (Self::Range { min, max }, ScoreValue::Number(x)) => Some(within(x, *min, *max)),
            (Self::Range { min, max }, ScoreValue::Level(i)) => {
                Some(within(f64::from(i), *min, *max))
            }
            (Self::Levels(set), ScoreValue::Level(i)) => Some(set.contains(&i)),
            (Self::Yes, ScoreValue::Bool(b)) => Some(b),
            (Self::No, ScoreValue::Bool(b)) => Some(!b),
            _ => None,
        }
    }

    /// Why this red line does not fit `scale`, if it does not.
    pub fn problem(&self, scale: &Scale) -> Option<String> {
        match (self, scale) {
            (
                Self::Range {
                    min: None,
                    max: None,
                },
                _,
            ) => Some("a range needs a minimum, a maximum or both".into()),
            (Self::Range { min, max }, Scale::Numeric { .. } | Scale::Levels(_)) => {
                let bad = [min, max].into_iter().flatten().any(|x| !x.is_finite());
                if bad {
                    Some("the range's ends must be numbers".into())
                } else if let (Some(a), Some(b)) = (min, max) {
                    (a > b).then(|| format!("the minimum {a} is above the maximum {b}"))
                } else {
                    None
                }
            }
            (Self::Levels(set), Scale::Levels(levels)) => {
                if set.is_empty() {
                    Some("no level is accepted: list at least one".into())
                } else {
                    set.iter()
                        .find(|&&i| i as usize >= levels.len())
                        .map(|i| format!("level {i} is off the scale ({} levels)", levels.len()))
                }
            }
            (Self::Yes | Self::No, Scale::YesNo) => None,
            (_, scale) => Some(format!(
                "this kind of red line does not fit the criterion's scale ({})",
                scale.summary()
            )),
        }
    }

    /// The acceptable values in words, on `criterion`'s scale ("at least Partial").
    pub fn describe(&self, criterion: &Criterion) -> String {
        let name = |x: f64| match &criterion.scale {
            Scale::Levels(levels) if x.fract() == 0.0 && x >= 0.0 => levels
                .get(x as usize)
                .cloned()
                .unwrap_or_else(|| format!("level {x}")),
            _ => format!("{x}"),
        };
        match self {
            Self::Range {
                min: Some(a),
                max: Some(b),
            } => format!("between {} and {}", name(*a), name(*b)),
            Self::Range { min: Some(a), .. } => format!("at least {}", name(*a)),
            Self::Range { max: Some(b), .. } => format!("at most {}", name(*b)),
            Self::Range { .. } => "anything".into(),
            Self::Levels(set) => {
                let names: Vec<String> = set.iter().map(|&i| name(f64::from(i))).collect();
                format!("only {}", names.join(" or "))
            }
            Self::Yes => "must be yes".into(),
            Self::No => "must be no".into(),
        }
    }
}

fn within(x: f64, min: Option<f64>, max: Option<f64>) -> bool {
    min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m)
}

impl RedLine {
    /// What this red line says of a cell's value (`None`: not scored). A silent text
    /// crosses nothing unless the line states why silence crosses it.
    pub fn test(&self, value: Option<ScoreValue>) -> Test {
        if value == Some(ScoreValue::Silent) {
            return if self.silence_crosses.trim().is_empty() {
                Test::NotAddressed
            } else {
                Test::Crosses
            };
        }
        match value.map(|v| self.accepts.accepts(v)) {
            None => Test::Unknown,
            Some(Some(true)) => Test::Passes,
            Some(Some(false)) => Test::Crosses,
            // A value of another kind: validation refuses such files; say nothing for sure.
            Some(None) => Test::Unknown,
        }
    }
}

impl Perspective {
    /// The weight this perspective states for a criterion, if it states one.
    pub fn stated_weight(&self, criterion: &str) -> Option<f64> {
        self.weights.get(criterion).copied()
    }

    /// The weight used for a criterion this perspective does not state: the mean of the
    /// weights it does state (the criterion counts as of average importance to it), or,
    /// when it states none, the criterion's own weight. Documented in `docs/ANALYSIS.md`.
    pub fn unstated_weight(&self) -> Option<f64> {
        let stated: Vec<f64> = self
            .weights
            .values()
            .copied()
            .filter(|w| w.is_finite() && *w >= 0.0)
            .collect();
        (!stated.is_empty()).then(|| stated.iter().sum::<f64>() / stated.len() as f64)
    }

    /// The raw weight this perspective gives `criterion`: stated, or by the rule for a
    /// weight not stated ([`Perspective::unstated_weight`]).
    pub fn weight_of(&self, criterion: &Criterion) -> f64 {
        self.stated_weight(&criterion.id)
            .or_else(|| self.unstated_weight())
            .unwrap_or(criterion.weight)
    }

    /// This perspective's reading of a cell, if it has one.
    pub fn reading(&self, criterion: &str, proposal: &str) -> Option<&Score> {
        self.readings
            .iter()
            .find(|r| r.criterion == criterion && r.proposal == proposal)
    }

    /// True when this perspective wants less of `criterion` than the criterion's direction
    /// says is better: its values count reversed under it.
    pub fn prefers_less_of(&self, criterion: &str) -> bool {
        self.prefers_less.iter().any(|c| c == criterion)
    }

    /// Its red line on a criterion, if any.
    pub fn red_line(&self, criterion: &str) -> Option<&RedLine> {
        self.red_lines.iter().find(|r| r.criterion == criterion)
    }

    /// True when it uses something only format 2 can say.
    pub fn needs_format_2(&self, criteria: &[Criterion]) -> bool {
        !self.kind.is_stated()
            || !self.origin.is_empty()
            || !self.red_lines.is_empty()
            || !self.readings.is_empty()
            || criteria.iter().any(|c| !self.weights.contains_key(&c.id))
    }

    /// True when it uses something only format 5 can say: a silence rule, a silent or
    /// flagged reading, or evidence marked by kind.
    pub fn needs_format_5(&self) -> bool {
        self.red_lines
            .iter()
            .any(|r| !r.silence_crosses.is_empty() || r.evidence.iter().any(|e| e.kind.is_some()))
            || self.sources.iter().any(|e| e.kind.is_some())
            || self.readings.iter().any(Score::needs_format_5)
            || !self.prefers_less.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_tests_numbers_and_levels_and_an_unscored_cell_is_unknown() {
        let line = RedLine {
            criterion: "c".into(),
            accepts: Accepts::Range {
                min: Some(1.0),
                max: None,
            },
            reason: String::new(),
            evidence: Vec::new(),
            silence_crosses: String::new(),
        };
        assert_eq!(line.test(Some(ScoreValue::Number(1.0))), Test::Passes);
        assert_eq!(line.test(Some(ScoreValue::Level(0))), Test::Crosses);
        assert_eq!(line.test(None), Test::Unknown);
        assert_eq!(line.test(Some(ScoreValue::Silent)), Test::NotAddressed);
        let stated = RedLine {
            silence_crosses: "The party says any deal must include it.".into(),
            ..line
        };
        assert_eq!(stated.test(Some(ScoreValue::Silent)), Test::Crosses);
    }

    #[test]
    fn an_unstated_weight_is_the_mean_of_the_stated_ones() {
        let mut p = Perspective::default();
        let c = Criterion::new("c", "C");
        assert_eq!(p.weight_of(&c), 1.0, "nothing stated: the criterion's own");
        p.weights.insert("a".into(), 1.0);
        p.weights.insert("b".into(), 3.0);
        assert_eq!(p.weight_of(&c), 2.0);
        p.weights.insert("c".into(), 0.0);
        assert_eq!(p.weight_of(&c), 0.0, "an explicit 0 stays 0");
    }

    #[test]
    fn red_lines_that_do_not_fit_the_scale_are_named() {
        let levels = Scale::Levels(vec!["a".into(), "b".into()]);
        assert!(Accepts::Levels(vec![2]).problem(&levels).is_some());
        assert!(Accepts::Levels(vec![1]).problem(&levels).is_none());
        assert!(Accepts::Yes.problem(&levels).is_some());
        assert!(Accepts::Yes.problem(&Scale::YesNo).is_none());
        let range = Accepts::Range {
            min: Some(3.0),
            max: Some(2.0),
        };
        assert!(range.problem(&Scale::zero_to_ten()).is_some());
    }
}
