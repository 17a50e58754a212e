//! The content check (`concord check --strict`, and "Scenario health" in the window): not
//! whether a file is valid, but whether it holds up as a lesson — evidence behind every
//! score, every rationale saying whose reading it is, no placeholder sources, sourced
//! perspectives and red lines, and no total resting on much less coverage than the others.
//!
//! Long (about 700 lines, 160 of them tests): one check per concern, each a short function
//! with its test; what they share (the walk over cells, red lines, readings) is here.

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
    /// A cell scored at the lowest level whose rationale says the text is silent crosses a
    /// red line that states no silence rule: silence read as refusal.
    SilenceAsRefusal,
    /// A rationale names another level of the scale than the cell's ("Partial" under Strong).
    LevelContradicted,
    /// The value changed since the rationale was written, and nobody has confirmed it.
    StaleReason,
    /// A quotation with no locator in its evidence.
    QuoteWithoutLocator,
    /// A party's red line rests on evidence not marked as the party's own words.
    NotOwnWords,
    /// A cell says its text is silent on the criterion: listed as a note, never a fault.
    Silent,
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
            Self::SilenceAsRefusal => "silence read as refusal",
            Self::LevelContradicted => "level contradicts rationale",
            Self::StaleReason => "reason written for another level",
            Self::QuoteWithoutLocator => "quotation without locator",
            Self::NotOwnWords => "red line not in the party's words",
            Self::Silent => "silent",
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

/// The words by which a rationale says the text is silent on the matter.
const SILENCE_MARKERS: &[&str] = &[
    "silent",
    "says nothing",
    "say nothing",
    "said nothing",
    "does not address",
    "do not address",
    "does not mention",
    "do not mention",
    "contains nothing",
    "contain nothing",
    "contains no ",
    "contain no ",
    "sets no terms",
    "set no terms",
    "sets out no",
    "set out no",
    "not addressed",
];

/// True when `rationale` says the text is silent on the matter.
pub fn reads_as_silence(rationale: &str) -> bool {
    let lower = rationale.to_lowercase();
    SILENCE_MARKERS.iter().any(|m| lower.contains(m))
}

/// True when `text` holds a quotation (typographic or straight double quotes).
pub fn has_quote(text: &str) -> bool {
    text.contains('“') || text.matches('"').count() >= 2
}

/// True when some citation says where in its source (a paragraph, article or page).
fn has_locator(evidence: &[crate::model::Citation]) -> bool {
    evidence.iter().any(|e| !e.locator.trim().is_empty())
}

/// The level names of `c`'s scale that `rationale` uses as words (case as in the scale,
/// whole words): "Partial" in "…, so Partial." but not in "partial withdrawal".
pub fn levels_named(c: &crate::model::Criterion, rationale: &str) -> Vec<usize> {
    let crate::model::Scale::Levels(levels) = &c.scale else {
        return Vec::new();
    };
    let is_word = |b: Option<char>| b.is_some_and(char::is_alphanumeric);
    levels
        .iter()
        .enumerate()
        .filter(|(_, name)| !name.trim().is_empty())
        .filter(|(_, name)| {
            rationale.match_indices(name.as_str()).any(|(at, m)| {
                let before = rationale[..at].chars().next_back();
                let after = rationale[at + m.len()..].chars().next();
                // At a sentence's start a level name is an ordinary word ("In principle, …").
                let starts_sentence = rationale[..at].trim_end().is_empty()
                    || rationale[..at].trim_end().ends_with(['.', '!', '?']);
                !is_word(before) && !is_word(after) && !starts_sentence
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// The findings of one cell (a common score, or a perspective's reading at `path`).
fn cell_findings(
    s: &Scenario,
    sc: &crate::model::Score,
    path: Vec<Seg>,
    coded: &std::collections::BTreeSet<&str>,
) -> Vec<Health> {
    let mut out = Vec::new();
    let place = Place::Cell(sc.criterion.clone(), sc.proposal.clone());
    let at = |field: &str| {
        let mut p = path.clone();
        p.push(Seg::field(field));
        p
    };
    if sc.value.is_none() {
        out.push(Health {
            concern: Concern::Unscored,
            place: place.clone(),
            path: path.clone(),
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
            place: place.clone(),
            path: at("rationale"),
            message: "the rationale does not say whose reading it is (“The plan provides…”, “The essay argues…”, “On this reading…”)".into(),
        });
    }
    let criterion = s.criterion_index(&sc.criterion).map(|k| &s.criteria[k]);
    if let (Some(c), true) = (criterion, sc.is_silent()) {
        out.push(Health {
            concern: Concern::Silent,
            place: place.clone(),
            path: at("value"),
            message: match s.silence {
                crate::model::Silence::CountsAsLowest => format!(
                    "the text says nothing on this: it counts as {} in totals, and a red line is neither met nor crossed by it",
                    c.value_text(Some(c.scale.lowest()))
                ),
                crate::model::Silence::LeftOut => "the text says nothing on this: it is left out of totals, and a red line is neither met nor crossed by it".to_owned(),
            },
        });
    }
    if let (Some(c), Some(value)) = (criterion, sc.value) {
        // A silent text counts as the first level: its name is the cell's own.
        let own = match value {
            crate::model::ScoreValue::Level(i) => Some(i as usize),
            crate::model::ScoreValue::Silent => Some(0),
            _ => None,
        };
        let named = levels_named(c, &sc.rationale);
        if let Some(own) = own.filter(|o| !named.is_empty() && !named.contains(o)) {
            let said: Vec<String> = named
                .iter()
                .map(|&i| c.value_text(Some(crate::model::ScoreValue::Level(i as u32))))
                .collect();
            out.push(Health {
                concern: Concern::LevelContradicted,
                place: place.clone(),
                path: at("rationale"),
                message: format!(
                    "the rationale says {} but the cell is {}: change the level or the reason",
                    said.join(" and "),
                    c.value_text(Some(crate::model::ScoreValue::Level(own as u32)))
                        + if value == crate::model::ScoreValue::Silent {
                            " (silent)"
                        } else {
                            ""
                        }
                ),
            });
        }
        if let Some(old) = sc.reason_written_for {
            out.push(Health {
                concern: Concern::StaleReason,
                place: place.clone(),
                path: at("rationale"),
                message: format!(
                    "reason written for {}, and the cell is now {}: edit the reason or confirm it",
                    c.value_text(Some(old)),
                    c.value_text(Some(value))
                ),
            });
        }
    }
    if has_quote(&sc.rationale) && !sc.evidence.is_empty() && !has_locator(&sc.evidence) {
        out.push(Health {
            concern: Concern::QuoteWithoutLocator,
            place,
            path: at("rationale"),
            message: "the rationale quotes words but no citation says where they are (paragraph, clause, article or page)".into(),
        });
    }
    out
}

/// The findings the inspector shows beside one cell: the cell's own, and a red line it
/// crosses only by silence.
pub fn cell_notes(s: &Scenario, criterion: &str, proposal: &str) -> Vec<Health> {
    let Some(sc) = s.score(criterion, proposal) else {
        return Vec::new();
    };
    let mut out = cell_findings(s, sc, Vec::new(), &Default::default());
    // The inspector says "Silent" beside the score already.
    out.retain(|h| h.concern != Concern::Unscored && h.concern != Concern::Silent);
    if let Some(c) = s.criterion_index(criterion).map(|k| &s.criteria[k]) {
        let lowest = sc.value == Some(c.scale.lowest());
        if lowest && reads_as_silence(&sc.rationale) {
            for p in &s.perspectives {
                let crossed = p.red_line(criterion).is_some_and(|line| {
                    p.reading(criterion, proposal).is_none()
                        && line.test(sc.value) == crate::model::Test::Crosses
                });
                if crossed {
                    out.push(Health {
                        concern: Concern::SilenceAsRefusal,
                        place: Place::Cell(criterion.to_owned(), proposal.to_owned()),
                        path: Vec::new(),
                        message: format!(
                            "this cell says the text is silent, yet it crosses {}'s red line: mark it Silent, or state in the red line why silence crosses it",
                            p.name
                        ),
                    });
                }
            }
        }
    }
    out
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

    /// True for what is listed for the record, not as a fault: an explained gap, or a text
    /// marked silent.
    pub fn is_note(&self) -> bool {
        self.is_explained_gap() || self.concern == Concern::Silent
    }
}

/// True when the findings pass `check --strict`: none but notes, and a few explained gaps.
pub fn passes(findings: &[Health]) -> bool {
    let gaps = findings.iter().filter(|h| h.is_explained_gap()).count();
    gaps <= EXPLAINED_UNSCORED_ALLOWED && findings.iter().all(Health::is_note)
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
        out.extend(cell_findings(
            s,
            sc,
            vec![f("scores"), Seg::Index(i)],
            &coded,
        ));
    }
    for (j, p) in s.perspectives.iter().enumerate() {
        if has_quote(&p.description) && !p.sources.is_empty() && !has_locator(&p.sources) {
            out.push(Health {
                concern: Concern::QuoteWithoutLocator,
                place: Place::Perspective(p.id.clone()),
                path: vec![f("perspectives"), Seg::Index(j), f("description")],
                message: format!(
                    "perspective “{}” quotes words in its description but no source says where they are (a locator: paragraph, article, page, or the report that quotes them)",
                    p.name
                ),
            });
        }
        if p.sources.is_empty() {
            out.push(Health {
                concern: Concern::UnsourcedPerspective,
                place: Place::Perspective(p.id.clone()),
                path: vec![f("perspectives"), Seg::Index(j), f("name")],
                message: format!("perspective “{}” cites no source for its position", p.name),
            });
        }
        for (r, sc) in p.readings.iter().enumerate() {
            let path = vec![
                f("perspectives"),
                Seg::Index(j),
                f("readings"),
                Seg::Index(r),
            ];
            let mut found = cell_findings(s, sc, path, &coded);
            // A reading is the party's: its place is the perspective.
            found.retain(|h| h.concern != Concern::Unscored && h.concern != Concern::NoEvidence);
            out.extend(found);
        }
        for (r, line) in p.red_lines.iter().enumerate() {
            let at = vec![
                f("perspectives"),
                Seg::Index(j),
                f("red_lines"),
                Seg::Index(r),
            ];
            let place = Place::Perspective(p.id.clone());
            if has_quote(&line.reason) && !has_locator(&line.evidence) {
                out.push(Health {
                    concern: Concern::QuoteWithoutLocator,
                    place: place.clone(),
                    path: at.clone(),
                    message: format!(
                        "the reason of the red line on “{}” quotes words but its evidence gives no locator (paragraph, article, page)",
                        line.criterion
                    ),
                });
            }
            if p.kind.is_stated() && !line.evidence.is_empty() {
                let own = line
                    .evidence
                    .iter()
                    .any(|e| e.kind == Some(crate::model::EvidenceKind::OwnWords));
                let others: Vec<&str> = line
                    .evidence
                    .iter()
                    .filter(|e| e.kind == Some(crate::model::EvidenceKind::Commentary))
                    .map(|e| e.source.as_str())
                    .collect();
                if !own || !others.is_empty() {
                    out.push(Health {
                        concern: Concern::NotOwnWords,
                        place: place.clone(),
                        path: at.clone(),
                        message: if own {
                            format!(
                                "the red line on “{}” also rests on {}, which are not the party's own words: a red line is the party's, so cite only what it said",
                                line.criterion,
                                others.join(", ")
                            )
                        } else {
                            format!(
                                "no evidence of the red line on “{}” is marked as the party's own words (kind: OwnWords): cite what the party itself said",
                                line.criterion
                            )
                        },
                    });
                }
            }
            if let Some(k) = s.criterion_index(&line.criterion) {
                let c = &s.criteria[k];
                for q in &s.proposals {
                    let Some(sc) = p.reading(&c.id, &q.id).or_else(|| s.score(&c.id, &q.id)) else {
                        continue;
                    };
                    let lowest = sc.value == Some(c.scale.lowest());
                    if lowest
                        && reads_as_silence(&sc.rationale)
                        && line.test(sc.value) == crate::model::Test::Crosses
                    {
                        out.push(Health {
                            concern: Concern::SilenceAsRefusal,
                            place: Place::Cell(c.id.clone(), q.id.clone()),
                            path: at.clone(),
                            message: format!(
                                "“{}” crosses {}'s red line on “{}” only because its text is silent there: mark the cell Silent (the line is then not addressed), or state in the red line, with the party's words, why silence crosses it",
                                q.label(),
                                p.name,
                                c.name
                            ),
                        });
                    }
                }
            }
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

    /// A one-criterion, two-proposal lesson on a four-level scale, one party with a red line
    /// "at least Partial", every cell sourced and attributed.
    fn lesson() -> Scenario {
        use crate::model::{
            Accepts, Citation, Criterion, EvidenceKind, Perspective, Proposal, RedLine, Scale,
            Score, ScoreValue, Source,
        };
        let mut c = Criterion::new("c", "Borders");
        c.scale = Scale::Levels(vec![
            "Not addressed".into(),
            "Weak".into(),
            "Partial".into(),
            "Strong".into(),
        ]);
        let cell = |p: &str, v: u32, why: &str| Score {
            criterion: "c".into(),
            proposal: p.into(),
            value: Some(ScoreValue::Level(v)),
            rationale: why.into(),
            evidence: vec![Citation {
                source: "s".into(),
                locator: "art. 1".into(),
                ..Default::default()
            }],
            reason_written_for: None,
        };
        Scenario {
            sources: vec![Source {
                id: "s".into(),
                title: "Text".into(),
                url: "https://example.org".into(),
                ..Default::default()
            }],
            proposals: vec![Proposal::new("a", "A"), Proposal::new("b", "B")],
            criteria: vec![c],
            perspectives: vec![Perspective {
                id: "v".into(),
                name: "Party".into(),
                sources: vec![Citation {
                    source: "s".into(),
                    ..Default::default()
                }],
                red_lines: vec![RedLine {
                    criterion: "c".into(),
                    accepts: Accepts::Range {
                        min: Some(2.0),
                        max: None,
                    },
                    reason: "The party says so.".into(),
                    evidence: vec![Citation {
                        source: "s".into(),
                        locator: "p. 2".into(),
                        kind: Some(EvidenceKind::OwnWords),
                        ..Default::default()
                    }],
                    silence_crosses: String::new(),
                }],
                ..Default::default()
            }],
            scores: vec![
                cell("a", 3, "The text provides terms: Strong."),
                cell("b", 2, "The text states a line: Partial."),
            ],
            ..Default::default()
        }
    }

    fn concerns(s: &Scenario) -> Vec<Concern> {
        health(s).iter().map(|h| h.concern).collect()
    }

    #[test]
    fn the_lesson_rules_are_checked_one_by_one() {
        use crate::model::{EvidenceKind, ScoreValue};
        let sound = lesson();
        assert_eq!(health(&sound), Vec::new(), "{:#?}", health(&sound));
        // Silence scored as a level crosses the red line: silence read as refusal.
        let mut s = lesson();
        s.scores[1].value = Some(ScoreValue::Level(0));
        s.scores[1].rationale = "The text says nothing on borders.".into();
        assert!(concerns(&s).contains(&Concern::SilenceAsRefusal));
        // Marked Silent it is not addressed: listed as a note, and the lesson passes.
        s.scores[1].value = Some(ScoreValue::Silent);
        assert_eq!(concerns(&s), vec![Concern::Silent], "{:#?}", health(&s));
        assert!(passes(&health(&s)));
        // A level word under another level.
        let mut s = lesson();
        s.scores[0].rationale = "The text states a line, so Partial.".into();
        assert_eq!(concerns(&s), vec![Concern::LevelContradicted]);
        // "In principle" at a sentence's start is a word, not a level.
        assert!(levels_named(&s.criteria[0], "Partial agreement was reached.").is_empty());
        // A reason written for another value.
        let mut s = lesson();
        s.scores[0].set_value(Some(ScoreValue::Level(1)));
        assert!(concerns(&s).contains(&Concern::StaleReason));
        // A quotation without a locator.
        let mut s = lesson();
        s.scores[0].rationale = "The text provides “terms with maps”: Strong.".into();
        s.scores[0].evidence[0].locator.clear();
        assert_eq!(concerns(&s), vec![Concern::QuoteWithoutLocator]);
        // A perspective quoting its party with no source that says where.
        let mut s = lesson();
        s.perspectives[0].description = "The party said “never”.".into();
        assert_eq!(concerns(&s), vec![Concern::QuoteWithoutLocator]);
        s.perspectives[0].sources[0].locator = "p. 3".into();
        assert_eq!(concerns(&s), Vec::new());
        // A red line resting on someone else's words.
        let mut s = lesson();
        s.perspectives[0].red_lines[0].evidence[0].kind = Some(EvidenceKind::Commentary);
        assert_eq!(concerns(&s), vec![Concern::NotOwnWords]);
        s.perspectives[0].red_lines[0].evidence[0].kind = None;
        assert_eq!(concerns(&s), vec![Concern::NotOwnWords]);
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
