//! Synthetic scenarios of any size, for benchmarks and property tests (not part of the
//! library's documented API).

use crate::analysis::SplitMix64;
use crate::model::{
    Citation, Criterion, Direction, Proposal, Scale, Scenario, Score, ScoreValue, Source,
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
                }],
            });
        }
    }
    s
}
