//! Perspectives with red lines and their own readings, checked against brute force written
//! here: each proposal's verdict under each perspective (silent texts included: not
//! addressed, unless a red line states why silence crosses it), the acceptable-to-all set,
//! and totals under readings (which change their own perspective's totals and nothing else).

use concord::analysis::perspectives::Matrix;
use concord::model::{Accepts, Scale, Scenario, ScoreValue, Silence};
use concord::scoring::{normalise, Evaluation, Verdict, WeightSet};
use proptest::prelude::*;

/// A generated scenario with perspectives, red lines, readings and some unscored cells.
fn arb() -> impl Strategy<Value = Scenario> {
    (
        1usize..7,
        1usize..7,
        0usize..5,
        0usize..5,
        0usize..12,
        0usize..5,
        any::<u64>(),
        any::<u64>(),
    )
        .prop_map(|(p, c, n, lines, readings, unscored, seed, silence)| {
            let mut s = concord::synth::scenario(p, c, seed);
            concord::synth::add_perspectives(&mut s, n, lines, readings, unscored, seed ^ 1);
            silence_some(&mut s, silence);
            s
        })
}

/// Marks some cells and readings silent, gives some red lines a stated silence rule, and
/// sometimes leaves silence out of totals, as `bits` says.
fn silence_some(s: &mut Scenario, bits: u64) {
    let mut bit = 0;
    let mut next = |every: u64| {
        bit = (bit + 1) % 61;
        (bits >> bit).is_multiple_of(every)
    };
    for sc in &mut s.scores {
        if next(3) {
            sc.value = Some(ScoreValue::Silent);
        }
    }
    for view in &mut s.perspectives {
        for r in &mut view.readings {
            if next(4) {
                r.value = Some(ScoreValue::Silent);
            }
        }
        for line in &mut view.red_lines {
            if next(3) {
                line.silence_crosses = "The party says any deal must include it.".into();
            }
        }
    }
    // Some parties want less of some criteria than the criteria reward.
    let ids: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
    for view in &mut s.perspectives {
        for id in &ids {
            if next(4) {
                view.prefers_less.push(id.clone());
            }
        }
    }
    if bits & 1 == 1 {
        s.silence = Silence::LeftOut;
    }
}

/// The value a perspective reads in a cell: its reading if it has one, else the common.
fn read(s: &Scenario, j: usize, c: &str, p: &str) -> Option<ScoreValue> {
    let view = &s.perspectives[j];
    match view
        .readings
        .iter()
        .find(|r| r.criterion == c && r.proposal == p)
    {
        Some(r) => r.value,
        None => s.score(c, p).and_then(|x| x.value),
    }
}

/// Whether a red line accepts a (non-silent) value, decided here from the definitions.
fn acceptable(accepts: &Accepts, v: ScoreValue) -> bool {
    let x = match v {
        ScoreValue::Silent => unreachable!("silence is decided by the red line's rule"),
        ScoreValue::Number(x) => x,
        ScoreValue::Level(i) => f64::from(i),
        ScoreValue::Bool(b) => {
            return match accepts {
                Accepts::Yes => b,
                Accepts::No => !b,
                _ => unreachable!("validation keeps yes/no lines on yes/no scales"),
            }
        }
    };
    match accepts {
        Accepts::Range { min, max } => min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m),
        Accepts::Levels(set) => set.iter().any(|&i| f64::from(i) == x),
        _ => unreachable!(),
    }
}

/// "accepted", "ruled out", "unknown" or "not addressed" for proposal `p` under
/// perspective `j`.
fn brute_verdict(s: &Scenario, j: usize, p: usize) -> &'static str {
    let pid = &s.proposals[p].id;
    let (mut crossed, mut unknown, mut silent) = (false, false, false);
    for line in &s.perspectives[j].red_lines {
        match read(s, j, &line.criterion, pid) {
            None => unknown = true,
            Some(ScoreValue::Silent) if line.silence_crosses.is_empty() => silent = true,
            Some(ScoreValue::Silent) => crossed = true,
            Some(v) if !acceptable(&line.accepts, v) => crossed = true,
            Some(_) => {}
        }
    }
    if crossed {
        "ruled out"
    } else if unknown {
        "unknown"
    } else if silent {
        "not addressed"
    } else {
        "accepted"
    }
}

fn word(v: &Verdict) -> &'static str {
    match v {
        Verdict::Accepted => "accepted",
        Verdict::RuledOut(_) => "ruled out",
        Verdict::Unknown(_) => "unknown",
        Verdict::NotAddressed(_) => "not addressed",
    }
}

/// The normalised value a cell counts with, from the definitions: a silent text as the
/// scale's lowest value, or not at all when the scenario leaves silence out.
fn counted(s: &Scenario, c: &concord::model::Criterion, v: ScoreValue) -> Option<f64> {
    match v {
        ScoreValue::Silent if s.silence == Silence::LeftOut => None,
        ScoreValue::Silent => normalise(c, c.scale.lowest()),
        v => normalise(c, v),
    }
}

/// Totals under perspective `j`, from the definitions: its weights (a weight not stated
/// at the mean of those stated), its readings in place of the common scores.
fn brute_totals(s: &Scenario, j: usize) -> Vec<Option<f64>> {
    let view = &s.perspectives[j];
    let stated: Vec<f64> = view.weights.values().copied().collect();
    let mean = (!stated.is_empty()).then(|| stated.iter().sum::<f64>() / stated.len() as f64);
    s.proposals
        .iter()
        .map(|p| {
            let (mut sum, mut weight) = (0.0, 0.0);
            for c in &s.criteria {
                let w = view
                    .weights
                    .get(&c.id)
                    .copied()
                    .or(mean)
                    .unwrap_or(c.weight);
                if w <= 0.0 {
                    continue;
                }
                let v = read(s, j, &c.id, &p.id).and_then(|v| counted(s, c, v));
                // A criterion the party wants less of counts the other way round.
                let v = v.map(|v| {
                    if view.prefers_less_of(&c.id) {
                        1.0 - v
                    } else {
                        v
                    }
                });
                if let Some(v) = v {
                    sum += w * v;
                    weight += w;
                }
            }
            (weight > 0.0).then(|| sum / weight)
        })
        .collect()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_scenarios_are_valid(s in arb()) {
        let problems = concord::io::validate(&s);
        prop_assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn every_verdict_matches_brute_force(s in arb()) {
        for j in 0..s.perspectives.len() {
            let e = Evaluation::new(&s, WeightSet::Perspective(&s.perspectives[j]));
            for p in 0..s.proposals.len() {
                prop_assert_eq!(word(&e.verdicts[p]), brute_verdict(&s, j, p), "view {} proposal {}", j, p);
            }
        }
    }

    #[test]
    fn a_silent_cell_never_rules_out_without_a_stated_silence_rule(s in arb()) {
        for (j, view) in s.perspectives.iter().enumerate() {
            let e = Evaluation::new(&s, WeightSet::Perspective(view));
            for (p, proposal) in s.proposals.iter().enumerate() {
                let Verdict::RuledOut(lines) = &e.verdicts[p] else { continue };
                for &l in lines {
                    let line = &view.red_lines[l];
                    let silent = read(&s, j, &line.criterion, &proposal.id) == Some(ScoreValue::Silent);
                    prop_assert!(!silent || !line.silence_crosses.is_empty(), "view {} proposal {} line {}", j, p, l);
                }
            }
        }
    }

    #[test]
    fn acceptable_to_all_matches_brute_force(s in arb()) {
        let m = Matrix::compute(&s, &Evaluation::new(&s, WeightSet::Base));
        let expected: Vec<usize> = (0..s.proposals.len())
            .filter(|&p| (0..s.perspectives.len()).all(|j| brute_verdict(&s, j, p) != "ruled out"))
            .collect();
        prop_assert_eq!(m.acceptable_to_all(), expected);
    }

    #[test]
    fn readings_change_their_own_perspective_and_nothing_else(s in arb()) {
        let base = Evaluation::new(&s, WeightSet::Base);
        for j in 0..s.perspectives.len() {
            let mut without = s.clone();
            without.perspectives[j].readings.clear();
            // The common ranking and every other perspective are untouched.
            let base_without = Evaluation::new(&without, WeightSet::Base);
            prop_assert_eq!(&base.standings, &base_without.standings);
            for k in (0..s.perspectives.len()).filter(|&k| k != j) {
                let a = Evaluation::new(&s, WeightSet::Perspective(&s.perspectives[k]));
                let b = Evaluation::new(&without, WeightSet::Perspective(&without.perspectives[k]));
                prop_assert_eq!(&a.standings, &b.standings);
            }
            // Its own totals are those of its readings.
            let e = Evaluation::new(&s, WeightSet::Perspective(&s.perspectives[j]));
            let expected = brute_totals(&s, j);
            for (p, want) in expected.into_iter().enumerate() {
                prop_assert!(close(e.standings[p].total, want), "view {} proposal {}: {:?} vs {:?}", j, p, e.standings[p].total, want);
            }
        }
    }

    #[test]
    fn weight_changes_one_at_a_time_give_what_a_fresh_evaluation_gives(
        s in arb(),
        changes in proptest::collection::vec((0usize..7, 0u8..10), 1..30),
    ) {
        let mut s = s;
        let mut e = Evaluation::new(&s, WeightSet::Base);
        for (k, w) in changes {
            if k >= s.criteria.len() {
                continue;
            }
            s.criteria[k].weight = f64::from(w);
            e.reweight(&s, WeightSet::Base);
            let fresh = Evaluation::new(&s, WeightSet::Base);
            prop_assert_eq!(&e.order, &fresh.order);
            for (a, b) in e.standings.iter().zip(&fresh.standings) {
                prop_assert!(close(a.total, b.total) && a.rank == b.rank);
                prop_assert!((a.coverage - b.coverage).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn format_2_files_load_back_as_they_were(s in arb()) {
        let text = concord::io::to_ron_string(&s).unwrap();
        let back = concord::io::load_str("generated.ron", &text).unwrap();
        prop_assert_eq!(back.format, s.needed_format());
        let mut expected = s.clone();
        expected.format = s.needed_format();
        prop_assert_eq!(back, expected);
    }
}

#[test]
fn a_file_that_uses_nothing_new_is_written_as_format_1() {
    let mut s =
        concord::io::load_path(std::path::Path::new("seeds/final-status-plans.ron")).unwrap();
    // The lesson marks silent texts, which only format 5 can say.
    assert!(concord::io::to_ron_string(&s)
        .unwrap()
        .contains("format: 5,"));
    for sc in &mut s.scores {
        if sc.value == Some(ScoreValue::Silent) {
            sc.value = Some(ScoreValue::Level(0));
        }
    }
    // A perspective stating every weight says nothing format 1 cannot.
    s.perspectives.push(concord::model::Perspective {
        id: "view".into(),
        name: "A view".into(),
        weights: s.criteria.iter().map(|c| (c.id.clone(), 1.0)).collect(),
        ..Default::default()
    });
    let text = concord::io::to_ron_string(&s).unwrap();
    assert!(text.contains("format: 1,"), "older builds open it");
    let mut with = s.clone();
    let c = with
        .criteria
        .iter()
        .find(|c| matches!(c.scale, Scale::Levels(_)))
        .unwrap()
        .id
        .clone();
    with.perspectives[0]
        .red_lines
        .push(concord::model::RedLine {
            criterion: c,
            accepts: Accepts::Range {
                min: Some(1.0),
                max: None,
            },
            reason: "Generated for the test.".into(),
            evidence: Vec::new(),
            silence_crosses: String::new(),
        });
    assert!(concord::io::to_ron_string(&with)
        .unwrap()
        .contains("format: 2,"));
    // And the bundled lesson, which has red lines and silent texts, is format 5.
    let lesson = concord::seeds::default_scenario().unwrap();
    assert_eq!(lesson.needed_format(), 5);
}

#[test]
fn format_1_files_keep_their_rankings() {
    // In format 1 a criterion a perspective left out weighed 0; loaded, it is an explicit 0.
    for file in [
        "seeds/gaza-ceasefire-2023.ron",
        "seeds/final-status-plans.ron",
        "tests/data/valid.ron",
    ] {
        let s = concord::io::load_path(std::path::Path::new(file)).unwrap();
        for p in &s.perspectives {
            for c in &s.criteria {
                assert!(
                    p.weights.contains_key(&c.id),
                    "{file}: {} states {}",
                    p.id,
                    c.id
                );
            }
        }
    }
}

#[test]
fn the_generator_makes_every_kind_of_verdict() {
    // So that the properties above are not vacuous.
    let mut s = concord::synth::scenario(6, 6, 3);
    concord::synth::add_perspectives(&mut s, 4, 4, 10, 3, 4);
    let mut seen = std::collections::BTreeSet::new();
    for j in 0..s.perspectives.len() {
        let e = Evaluation::new(&s, WeightSet::Perspective(&s.perspectives[j]));
        seen.extend(e.verdicts.iter().map(word));
        assert!(
            !e.readings.is_empty(),
            "view {j} reads some cells its own way"
        );
    }
    assert_eq!(seen.len(), 3, "{seen:?}");
}

#[test]
fn without_red_lines_the_sentences_claim_no_acceptance() {
    // The final-status lesson's perspectives weigh depth, not acceptance: nothing may be
    // called "acceptable to all" there, and identical orders are said to be identical.
    let s = concord::seeds::BUNDLED[1].load().unwrap();
    assert!(s.perspectives.len() >= 3);
    assert!(s.perspectives.iter().all(|p| p.red_lines.is_empty()));
    let m = Matrix::compute(&s, &Evaluation::new(&s, WeightSet::Base));
    let said = concord::analysis::perspectives::sentences(&s, &m);
    assert!(
        said.iter().all(|x| !x.contains("acceptable to all")),
        "{said:?}"
    );
    assert!(said[0].contains("none rules a proposal out"), "{said:?}");
    let tau: Vec<f64> = (0..m.columns.len())
        .flat_map(|a| (a + 1..m.columns.len()).map(move |b| (a, b)))
        .filter_map(|(a, b)| m.tau(a, b))
        .collect();
    if tau.iter().all(|&t| t == 1.0) {
        assert!(said.iter().any(|x| x.contains("same order")), "{said:?}");
    }
}
