//! The content check (`concord check --strict`, and "Scenario health" in the window): not
//! whether a file is valid, but whether it holds up as a lesson — evidence behind every
//! score, every rationale saying whose reading it is, no placeholder sources, sourced
//! perspectives and red lines, and no total resting on much less coverage than the others.

use super::locate::Seg;
use crate::model::Scenario;
use crate::scoring::{Evaluation, WeightSet};

/// What kind of problem a health finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Concern {
    /// A scored cell cites no evidence.
    NoEvidence,
    /// A rationale does not say whose reading it is.
    Unattributed,
    /// A cell is not scored.
    Unscored,
    /// A source is a placeholder: a bracketed description, or no address and no publication.
    PlaceholderSource,
    /// A perspective cites no source for its stated position.
    UnsourcedPerspective,
    /// A red line gives no reason.
    UnreasonedRedLine,
    /// A proposal's total rests on much less of the weight than the others'.
    LowCoverage,
}

impl Concern {
    /// A short name for lists.
    pub fn label(self) -> &'static str {
        match self {
            Self::NoEvidence => "no evidence",
            Self::Unattributed => "not attributed",
            Self::Unscored => "not scored",
            Self::PlaceholderSource => "placeholder source",
            Self::UnsourcedPerspective => "perspective without a source",
            Self::UnreasonedRedLine => "red line without a reason",
            Self::LowCoverage => "low coverage",
        }
    }
}

/// Where a finding is, for the window to show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A cell: (criterion id, proposal id).
    Cell(String, String),
    /// A proposal, by id.
    Proposal(String),
    /// A source, by id.
    Source(String),
    /// A perspective, by id.
    Perspective(String),
}

/// One content finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Health {
    /// Its kind.
    pub concern: Concern,
    /// Where it is.
    pub place: Place,
    /// The path to it in the file (for its line and column).
    pub path: Vec<Seg>,
    /// What to do, in words.
    pub message: String,
}

/// The words by which a rationale says whose reading it is: a source or actor doing the
/// saying ("the essay argues", "the initiative calls for", "the plan provides"), the
/// document named as its subject ("The accords do not…"), or the authors' own inference
/// marked as such ("On this reading", "Not scored:").
pub const ATTRIBUTION_MARKERS: &[&str] = &[
    "argue",
    "says",
    "said",
    "state",
    "according to",
    "on this reading",
    "reading",
    "calls for",
    "call for",
    "provide",
    "commit",
    "propose",
    "offer",
    "declare",
    "affirm",
    "reaffirm",
    "undertake",
    "agree",
    "the text",
    "not scored",
    "report",
    "describe",
    "write",
    "note",
    "list",
    "set out",
    "sets out",
    "lays out",
    "envisage",
    "insist",
    "reject",
    "accept",
    "promise",
    "pledge",
    "infer",
    "in the words of",
    "“",
    "\"",
    // The document itself speaking: "The initiative does not address…".
    "the initiative",
    "the plan",
    "the accords",
    "the agreement",
    "the declaration",
    "the communiqué",
    "the essay",
    "the proposal",
    "the movement",
    "the sources",
    "the parameters",
    "the treaty",
    "the statement",
];

/// True when `rationale` says whose reading it is (see [`ATTRIBUTION_MARKERS`]).
pub fn is_attributed(rationale: &str) -> bool {
    let lower = rationale.to_lowercase();
    ATTRIBUTION_MARKERS.iter().any(|m| lower.contains(m))
}

/// A proposal whose coverage is this far (in share of the weight) below the best
/// coverage rests on much less than the others.
pub const COVERAGE_GAP: f64 = 0.15;

/// At most this many cells may be left unscored with their reason, and still pass.
pub const EXPLAINED_UNSCORED_ALLOWED: usize = 5;

impl Health {
    /// True for an unscored cell whose rationale says why (allowed, a few per file).
    pub fn is_explained_gap(&self) -> bool {
        self.concern == Concern::Unscored && self.message.contains("says why")
    }
}

/// True when the findings pass `check --strict`: none but a few explained gaps.
pub fn passes(findings: &[Health]) -> bool {
    let gaps = findings.iter().filter(|h| h.is_explained_gap()).count();
    gaps <= EXPLAINED_UNSCORED_ALLOWED && findings.iter().all(Health::is_explained_gap)
}

/// Every content finding of `s`, in file order of kind.
pub fn health(s: &Scenario) -> Vec<Health> {
    let mut out = Vec::new();
    let f = Seg::field;
    for (i, src) in s.sources.iter().enumerate() {
        let bracketed = src.title.trim_start().starts_with('[');
        let nowhere = src.url.trim().is_empty() && src.publication.trim().is_empty();
        if bracketed || nowhere {
            out.push(Health {
                concern: Concern::PlaceholderSource,
                place: Place::Source(src.id.clone()),
                path: vec![f("sources"), Seg::Index(i), f("title")],
                message: format!(
                    "source “{}” is a placeholder: give the work's own title and where it can be read (its address)",
                    src.title
                ),
            });
        }
    }
    // Proposals imported from a coded table cite the file once, for all their cells.
    let coded: std::collections::BTreeSet<&str> = s
        .proposals
        .iter()
        .filter(|p| {
            p.sources
                .iter()
                .any(|c| c.note == super::import::CODED_IN_FILE)
        })
        .map(|p| p.id.as_str())
        .collect();
    for (i, sc) in s.scores.iter().enumerate() {
        let place = Place::Cell(sc.criterion.clone(), sc.proposal.clone());
        let at = |field: &str| vec![f("scores"), Seg::Index(i), f(field)];
        if sc.value.is_none() {
            out.push(Health {
                concern: Concern::Unscored,
                place: place.clone(),
                path: vec![f("scores"), Seg::Index(i)],
                message: if sc.rationale.trim().is_empty() {
                    "not scored, and the rationale does not say why".into()
                } else {
                    "not scored (the rationale says why)".into()
                },
            });
        } else if sc.evidence.is_empty() && !coded.contains(sc.proposal.as_str()) {
            out.push(Health {
                concern: Concern::NoEvidence,
                place: place.clone(),
                path: at("value"),
                message: "scored without evidence: cite the source the score rests on".into(),
            });
        }
        if !sc.rationale.trim().is_empty() && !is_attributed(&sc.rationale) {
            out.push(Health {
                concern: Concern::Unattributed,
                place,
                path: at("rationale"),
                message: "the rationale does not say whose reading it is (“The plan provides…”, “The essay argues…”, “On this reading…”)".into(),
            });
        }
    }
    for (j, p) in s.perspectives.iter().enumerate() {
        if p.sources.is_empty() {
            out.push(Health {
                concern: Concern::UnsourcedPerspective,
                place: Place::Perspective(p.id.clone()),
                path: vec![f("perspectives"), Seg::Index(j), f("name")],
                message: format!("perspective “{}” cites no source for its position", p.name),
            });
        }
        for (r, line) in p.red_lines.iter().enumerate() {
            if line.reason.trim().is_empty() || line.evidence.is_empty() {
                out.push(Health {
                    concern: Concern::UnreasonedRedLine,
                    place: Place::Perspective(p.id.clone()),
                    path: vec![
                        f("perspectives"),
                        Seg::Index(j),
                        f("red_lines"),
                        Seg::Index(r),
                    ],
                    message: format!(
                        "red line on “{}” needs its reason and the statement it rests on",
                        line.criterion
                    ),
                });
            }
        }
    }
    let e = Evaluation::new(s, WeightSet::Base);
    let best = e.standings.iter().map(|st| st.coverage).fold(0.0, f64::max);
    for (i, st) in e.standings.iter().enumerate() {
        if best - st.coverage > COVERAGE_GAP {
            out.push(Health {
                concern: Concern::LowCoverage,
                place: Place::Proposal(s.proposals[i].id.clone()),
                path: vec![f("proposals"), Seg::Index(i), f("name")],
                message: format!(
                    "its total rests on {:.0}% of the weight, against {:.0}% for the best covered",
                    st.coverage * 100.0,
                    best * 100.0
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_concern_is_found_and_a_sound_scenario_has_none() {
        let mut s = crate::synth::scenario(3, 3, 1);
        s.sources[0].url = "https://example.org/source".into();
        for sc in &mut s.scores {
            sc.rationale = format!("The source says so ({}).", sc.proposal);
        }
        assert_eq!(health(&s), Vec::new(), "{:#?}", health(&s));
        s.sources[0].title = "[A description]".into();
        s.scores[0].evidence.clear();
        s.scores[1].rationale = "Full withdrawal.".into();
        s.scores[2].value = None;
        s.perspectives.push(crate::model::Perspective {
            id: "v".into(),
            name: "V".into(),
            ..Default::default()
        });
        let kinds: Vec<Concern> = health(&s).iter().map(|h| h.concern).collect();
        for k in [
            Concern::PlaceholderSource,
            Concern::NoEvidence,
            Concern::Unattributed,
            Concern::Unscored,
            Concern::UnsourcedPerspective,
        ] {
            assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
        }
    }

    #[test]
    fn attribution_is_a_source_or_actor_speaking_or_a_marked_inference() {
        assert!(is_attributed(
            "The essay argues that the forum should widen."
        ));
        assert!(is_attributed(
            "On this reading, withdrawal implies an end to settlement."
        ));
        assert!(is_attributed("The initiative calls for a just solution."));
        assert!(!is_attributed(
            "Full Israeli withdrawal to the lines of June 1967."
        ));
    }
}
