//! Synthetic scenarios of any size, for benchmarks and property tests (not part of the
//! library's documented API).

use crate::analysis::SplitMix64;
use crate::model::{
    Accepts, Citation, Criterion, Direction, Perspective, Proposal, RedLine, Scale, Scenario,
    Score, ScoreValue, Source,
};

/// A valid scenario with `proposals` × `criteria` cells, every cell scored with a rationale
/// and one citation; scales cycle through numeric, levels and yes/no.
pub fn scenario(proposals: usize, criteria: usize, seed: u64) -> Scenario {
    let mut rng = SplitMix64::new(seed);
    let mut s = Scenario {
        title: format!("Synthetic {proposals} × {criteria}"),
        description: "Generated for benchmarks.".to_owned(),
        sources: vec![Source {
            id: "src".to_owned(),
            title: "Synthetic source".to_owned(),
            ..Source::default()
        }],
        ..Scenario::default()
    };
    s.proposals = (0..proposals)
        .map(|i| {
            let mut p = Proposal::new(format!("p{i}"), format!("Proposal {i}"));
            p.short_name = format!("P{i}");
            p.summary = "A generated proposal.".to_owned();
            p
        })
        .collect();
    s.criteria = (0..criteria)
        .map(|k| {
            let mut c = Criterion::new(format!("c{k}"), format!("Criterion {k}"));
            c.group = format!("Group {}", k % 5);
            c.weight = 1.0 + rng.below(9) as f64;
            c.scale = match k % 3 {
                0 => Scale::zero_to_ten(),
                1 => Scale::Levels(vec![
                    "none".into(),
                    "weak".into(),
                    "partial".into(),
                    "full".into(),
                ]),
                _ => Scale::YesNo,
            };
            if k % 7 == 3 {
                c.direction = Direction::LowerIsBetter;
            }
            c
        })
        .collect();
    s.scores.reserve(proposals * criteria);
    for (k, c) in s.criteria.iter().enumerate() {
        for p in &s.proposals {
            let value = match &c.scale {
                Scale::Numeric { .. } => ScoreValue::Number(rng.below(11) as f64),
                Scale::Levels(l) => ScoreValue::Level(rng.below(l.len() as u64) as u32),
                Scale::YesNo => ScoreValue::Bool(rng.below(2) == 1),
            };
            s.scores.push(Score {
                criterion: c.id.clone(),
                proposal: p.id.clone(),
                value: Some(value),
                rationale: format!("Generated rationale for {} on criterion {k}.", p.id),
                evidence: vec![Citation {
                    source: "src".to_owned(),
                    locator: format!("p. {}", 1 + rng.below(300)),
                    note: String::new(),
                    kind: None,
                }],
                reason_written_for: None,
            });
        }
    }
    s
}

/// A value on `scale`, drawn from `rng`.
fn value_on(scale: &Scale, rng: &mut SplitMix64) -> ScoreValue {
    match scale {
        Scale::Numeric { .. } => ScoreValue::Number(rng.below(11) as f64),
        Scale::Levels(l) => ScoreValue::Level(rng.below(l.len().max(1) as u64) as u32),
        Scale::YesNo => ScoreValue::Bool(rng.below(2) == 1),
    }
}

/// A red line that fits `scale`, drawn from `rng`.
fn red_line_on(scale: &Scale, rng: &mut SplitMix64) -> Accepts {
    match scale {
        Scale::Numeric { .. } => match rng.below(3) {
            0 => Accepts::Range {
                min: Some(rng.below(8) as f64),
                max: None,
            },
            1 => Accepts::Range {
                min: None,
                max: Some(2.0 + rng.below(9) as f64),
            },
            _ => Accepts::Range {
                min: Some(rng.below(4) as f64),
                max: Some(5.0 + rng.below(6) as f64),
            },
        },
        Scale::Levels(l) => {
            let n = l.len().max(1) as u64;
            if rng.below(2) == 0 {
                Accepts::Range {
                    min: Some(rng.below(n) as f64),
                    max: None,
                }
            } else {
                let mut set: Vec<u32> = (0..n as u32).filter(|_| rng.below(3) > 0).collect();
                if set.is_empty() {
                    set.push(0);
                }
                Accepts::Levels(set)
            }
        }
        Scale::YesNo => {
            if rng.below(2) == 0 {
                Accepts::Yes
            } else {
                Accepts::No
            }
        }
    }
}

/// [`scenario`] with plain cells only (a value, no rationale, no evidence): what an
/// imported dataset holds.
pub fn plain_scenario(proposals: usize, criteria: usize, seed: u64) -> Scenario {
    let mut s = scenario(proposals, criteria, seed);
    for sc in &mut s.scores {
        sc.rationale.clear();
        sc.evidence.clear();
    }
    s
}

/// Adds `n` perspectives to `s`, each stating a weight for most criteria, with up to
/// `red_lines` red lines (on distinct criteria) and `readings` readings of random cells
/// (some "not scored"); leaves every `unscored`-th common cell without a value.
pub fn add_perspectives(
    s: &mut Scenario,
    n: usize,
    red_lines: usize,
    readings: usize,
    unscored: usize,
    seed: u64,
) {
    let mut rng = SplitMix64::new(seed);
    if unscored > 0 {
        for (i, score) in s.scores.iter_mut().enumerate() {
            if i % unscored == unscored - 1 {
                score.value = None;
            }
        }
    }
    let (n_c, n_p) = (s.criteria.len(), s.proposals.len());
    for j in 0..n {
        let mut p = Perspective {
            id: format!("view{j}"),
            name: format!("View {j}"),
            ..Perspective::default()
        };
        for c in &s.criteria {
            if rng.below(10) > 0 {
                p.weights.insert(c.id.clone(), rng.below(10) as f64);
            }
        }
        if n_c > 0 {
            let mut used = std::collections::BTreeSet::new();
            for _ in 0..red_lines.min(n_c) {
                let k = rng.below(n_c as u64) as usize;
                if !used.insert(k) {
                    continue;
                }
                let c = &s.criteria[k];
                p.red_lines.push(RedLine {
                    criterion: c.id.clone(),
                    accepts: red_line_on(&c.scale, &mut rng),
                    reason: format!("Generated red line {j}.{k}."),
                    evidence: Vec::new(),
                    silence_crosses: String::new(),
                });
            }
        }
        if n_c > 0 && n_p > 0 {
            let mut used = std::collections::BTreeSet::new();
            for _ in 0..readings {
                let (k, q) = (
                    rng.below(n_c as u64) as usize,
                    rng.below(n_p as u64) as usize,
                );
                if !used.insert((k, q)) {
                    continue;
                }
                let c = &s.criteria[k];
                let value = (rng.below(5) > 0).then(|| value_on(&c.scale, &mut rng));
                p.readings.push(Score {
                    criterion: c.id.clone(),
                    proposal: s.proposals[q].id.clone(),
                    value,
                    rationale: format!("View {j}'s reading."),
                    evidence: Vec::new(),
                    reason_written_for: None,
                });
            }
        }
        s.perspectives.push(p);
    }
}

/// Words of four scripts, so names mix them as a Cyprus or a Middle East lesson would.
const WORDS: [&[&str]; 4] = [
    &[
        "peace",
        "accord",
        "framework",
        "settlement",
        "interim",
        "federation",
        "plan",
        "bizonal",
        "bicommunal",
        "guarantees",
        "Nicosia",
        "referendum",
        "of",
        "the",
        "for",
    ],
    &[
        "ειρήνη",
        "συμφωνία",
        "σχέδιο",
        "ομοσπονδία",
        "Λευκωσία",
        "νησί",
        "εγγυήσεις",
    ],
    &["سلام", "اتفاق", "خطة", "دولة", "القدس", "مبادرة", "الحدود"],
    &[
        "שלום",
        "הסכם",
        "תוכנית",
        "מדינה",
        "ירושלים",
        "יוזמה",
        "גבולות",
    ],
];

/// A name of at most `max` characters, from words of one script or of several.
fn name(rng: &mut SplitMix64, max: usize) -> String {
    let target = 1 + rng.below(max as u64) as usize;
    let mixed = rng.below(3) == 0;
    let mut script = rng.below(4) as usize;
    let mut out = String::new();
    loop {
        if mixed {
            script = rng.below(4) as usize;
        }
        let list = WORDS[script];
        let word = list[rng.below(list.len() as u64) as usize];
        let next = if out.is_empty() {
            word.to_owned()
        } else {
            format!("{out} {word}")
        };
        if next.chars().count() > target {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        out = WORDS[script][0].chars().take(target).collect();
    }
    out
}

/// A lesson a teacher might write, for property tests and screenshots: `proposals` ×
/// `criteria` cells, long and short names in Latin, Greek, Arabic and Hebrew, every scale
/// kind, `parties` perspectives with red lines, and a class round of `students` readings.
pub fn teaching_lesson(
    proposals: usize,
    criteria: usize,
    parties: usize,
    students: usize,
    seed: u64,
) -> Scenario {
    let mut rng = SplitMix64::new(seed);
    let criteria_n = criteria;
    let mut s = scenario(proposals, criteria_n, seed);
    s.title = name(&mut rng, 120);
    s.description = (0..1 + rng.below(6))
        .map(|_| name(&mut rng, 120))
        .collect::<Vec<_>>()
        .join(". ");
    s.authors = vec![name(&mut rng, 40)];
    for i in 0..rng.below(12) {
        s.sources.push(Source {
            id: format!("extra{i}"),
            title: name(&mut rng, 120),
            publication: name(&mut rng, 60),
            date: "2004".into(),
            url: "https://example.org".into(),
            ..Source::default()
        });
    }
    for p in &mut s.proposals {
        p.name = name(&mut rng, 120);
        p.short_name = if rng.below(3) == 0 {
            String::new()
        } else {
            name(&mut rng, 24)
        };
        p.summary = name(&mut rng, 120);
        p.status = name(&mut rng, 120);
        p.proposer = name(&mut rng, 80);
        p.parties = (0..rng.below(5)).map(|_| name(&mut rng, 40)).collect();
        p.provisions = (0..rng.below(8))
            .map(|_| crate::model::Provision {
                text: name(&mut rng, 120),
                criteria: Vec::new(),
            })
            .collect();
    }
    for c in &mut s.criteria {
        c.name = name(&mut rng, 120);
        c.description = name(&mut rng, 120);
        if let Scale::Levels(levels) = &mut c.scale {
            *levels = (0..2 + rng.below(5)).map(|_| name(&mut rng, 24)).collect();
        }
    }
    // Values on the new level scales.
    let criteria = s.criteria.clone();
    for sc in &mut s.scores {
        let c = criteria.iter().find(|c| c.id == sc.criterion).unwrap();
        if let (Scale::Levels(levels), Some(ScoreValue::Level(i))) = (&c.scale, sc.value) {
            sc.value = Some(ScoreValue::Level(i % levels.len() as u32));
        }
        sc.rationale = (0..1 + rng.below(3))
            .map(|_| name(&mut rng, 120))
            .collect::<Vec<_>>()
            .join(". ");
    }
    add_perspectives(&mut s, parties, 3, 4, 0, seed ^ 7);
    for view in &mut s.perspectives {
        view.name = name(&mut rng, 120);
        view.description = name(&mut rng, 120);
        view.sources = vec![Citation {
            source: "src".into(),
            ..Citation::default()
        }];
        for line in &mut view.red_lines {
            line.reason = name(&mut rng, 120);
        }
    }
    // Red lines of every kind the scales allow.
    if let Some(view) = s.perspectives.first_mut() {
        for c in &criteria {
            if view.red_line(&c.id).is_some() {
                continue;
            }
            let accepts = match &c.scale {
                Scale::YesNo => Accepts::Yes,
                Scale::Levels(_) => Accepts::Levels(vec![1]),
                Scale::Numeric { .. } => Accepts::Range {
                    min: Some(5.0),
                    max: None,
                },
            };
            view.red_lines.push(RedLine {
                criterion: c.id.clone(),
                accepts,
                reason: name(&mut rng, 120),
                evidence: Vec::new(),
                silence_crosses: String::new(),
            });
            break;
        }
    }
    let template = s.clone();
    for i in 0..students {
        let student = name(&mut rng, 40);
        let copy = crate::analysis::round::sample_copy(&template, seed ^ (i as u64 + 11), &student);
        let mut reading =
            crate::model::collect::collect(&s, &copy, &student, &format!("student-{i}.ron"))
                .perspective;
        reading.kind = crate::model::PerspectiveKind::Student;
        s.perspectives.push(reading);
    }
    s
}
