//! Proposals: the options being compared, shown as cards.

use serde::{Deserialize, Serialize};

use super::Citation;

/// One proposal (a column of the table, a card above it).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// Stable slug that scores refer to.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Name in its original script, if any (e.g. Arabic or Hebrew).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub original_name: String,
    /// Short name for narrow columns.
    #[serde(default)]
    pub short_name: String,
    /// Year or date, as free text ("2002", "2023-02-26").
    #[serde(default)]
    pub date: String,
    /// A group it belongs to (a region, a stage, a family of proposals), for filtering.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
    /// Who proposed or convened it.
    #[serde(default)]
    pub proposer: String,
    /// Parties to it.
    #[serde(default)]
    pub parties: Vec<String>,
    /// Status or outcome, e.g. "Adopted by the Arab League; not accepted by Israel".
    #[serde(default)]
    pub status: String,
    /// A short summary.
    #[serde(default)]
    pub summary: String,
    /// Key provisions, each optionally tagged with the criteria it bears on.
    #[serde(default)]
    pub provisions: Vec<Provision>,
    /// Card colour as `#rrggbb`; empty for an automatic colour.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub colour: String,
    /// Where the description comes from.
    #[serde(default)]
    pub sources: Vec<Citation>,
}

/// A short text describing one provision of a proposal.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// The provision, paraphrased.
    pub text: String,
    /// Ids of the criteria this provision bears on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<String>,
}

impl Proposal {
    /// A new proposal with the given id and name and nothing else.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            ..Self::default()
        }
    }

    /// The short name, or the name when no short name is set.
    pub fn label(&self) -> &str {
        if self.short_name.trim().is_empty() {
            &self.name
        } else {
            &self.short_name
        }
    }

    /// The colour parsed from `#rrggbb`, if set and well-formed.
    pub fn rgb(&self) -> Option<[u8; 3]> {
        parse_hex_colour(&self.colour)
    }
}

/// Parse `#rrggbb` into bytes.
pub(crate) fn parse_hex_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

#[cfg(test)]
mod tests {
    use super::parse_hex_colour;

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex_colour("#1f77b4"), Some([0x1f, 0x77, 0xb4]));
        assert_eq!(parse_hex_colour("1f77b4"), None);
        assert_eq!(parse_hex_colour("#1f77b"), None);
        assert_eq!(parse_hex_colour("#ééé"), None);
    }
}
