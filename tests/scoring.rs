//! Scoring against hand-computed examples.

use std::collections::BTreeMap;

use concord::model::{
    Criterion, Direction, Perspective, Proposal, Scale, Scenario, Score, ScoreValue,
};
use concord::scoring::{normalise, Evaluation, WeightSet};

fn numeric(id: &str, weight: f64) -> Criterion {
    let mut c = Criterion::new(id, id.to_uppercase());
    c.weight = weight;
    c
}

fn scenario(
    criteria: Vec<Criterion>,
    proposals: &[&str],
    cells: &[(&str, &str, ScoreValue)],
) -> Scenario {
    Scenario {
        criteria,
        proposals: proposals
            .iter()
            .map(|p| Proposal::new(*p, p.to_uppercase()))
            .collect(),
        scores: cells
            .iter()
            .map(|(c, p, v)| Score {
                criterion: (*c).into(),
                proposal: (*p).into(),
                value: Some(*v),
                ..Score::default()
            })
            .collect(),
        ..Scenario::default()
    }
}

fn n(x: f64) -> ScoreValue {
    ScoreValue::Number(x)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn weighted_totals_and_ranks() {
    // Weights 1 and 3 normalise to 0.25 and 0.75.
    // A = 0.25·1 + 0.75·0 = 0.25; B = 0.75; C = 0.25·0.5 + 0.75·0.5 = 0.5.
    let s = scenario(
        vec![numeric("x", 1.0), numeric("y", 3.0)],
        &["a", "b", "c"],
        &[
            ("x", "a", n(10.0)),
            ("y", "a", n(0.0)),
            ("x", "b", n(0.0)),
            ("y", "b", n(10.0)),
            ("x", "c", n(5.0)),
            ("y", "c", n(5.0)),
        ],
    );
    let e = Evaluation::new(&s, WeightSet::Base);
    assert_eq!(e.weights, vec![0.25, 0.75]);
    let totals: Vec<f64> = e.standings.iter().map(|s| s.total.unwrap()).collect();
    assert!(close(totals[0], 0.25) && close(totals[1], 0.75) && close(totals[2], 0.5));
    assert_eq!(e.order, vec![1, 2, 0]);
    let ranks: Vec<_> = e.standings.iter().map(|s| s.rank).collect();
    assert_eq!(ranks, vec![Some(3), Some(1), Some(2)]);
    assert!(e.standings.iter().all(|s| close(s.coverage, 1.0)));
}

#[test]
fn missing_score_is_left_out_not_zero() {
    // A is not scored on y: its total is over x alone (1.0) with coverage 0.25.
    let s = scenario(
        vec![numeric("x", 1.0), numeric("y", 3.0)],
        &["a", "b"],
        &[("x", "a", n(10.0)), ("x", "b", n(10.0)), ("y", "b", n(6.0))],
    );
    let e = Evaluation::new(&s, WeightSet::Base);
    assert!(close(e.standings[0].total.unwrap(), 1.0));
    assert!(close(e.standings[0].coverage, 0.25));
    // B = 0.25·1 + 0.75·0.6 = 0.7, full coverage.
    assert!(close(e.standings[1].total.unwrap(), 0.7));
    assert_eq!(e.value(1, 0), None);
    assert_eq!(e.order, vec![0, 1]);
}

#[test]
fn ties_share_a_rank_and_the_next_rank_is_skipped() {
    let s = scenario(
        vec![numeric("x", 1.0)],
        &["a", "b", "c", "d"],
        &[
            ("x", "a", n(2.0)),
            ("x", "b", n(5.0)),
            ("x", "c", n(8.0)),
            ("x", "d", n(5.0)),
        ],
    );
    let e = Evaluation::new(&s, WeightSet::Base);
    let ranks: Vec<_> = e.standings.iter().map(|s| s.rank.unwrap()).collect();
    assert_eq!(ranks, vec![4, 2, 1, 2]);
    // Tied proposals keep scenario order.
    assert_eq!(e.order, vec![2, 1, 3, 0]);
}

#[test]
fn ties_survive_rounding_noise() {
    // 0.1 + 0.2 vs 0.3 computed along different paths.
    let s = scenario(
        vec![numeric("x", 1.0), numeric("y", 1.0), numeric("z", 1.0)],
        &["a", "b"],
        &[
            ("x", "a", n(1.0)),
            ("y", "a", n(2.0)),
            ("z", "a", n(6.0)),
            ("x", "b", n(3.0)),
            ("y", "b", n(3.0)),
            ("z", "b", n(3.0)),
        ],
    );
    let e = Evaluation::new(&s, WeightSet::Base);
    assert_eq!(e.standings[0].rank, Some(1));
    assert_eq!(e.standings[1].rank, Some(1));
}

#[test]
fn lower_is_better_inverts() {
    let mut cost = Criterion::new("cost", "Cost");
    cost.scale = Scale::Numeric {
        min: 0.0,
        max: 100.0,
        step: 5.0,
    };
    cost.direction = Direction::LowerIsBetter;
    assert!(close(normalise(&cost, n(25.0)).unwrap(), 0.75));
    let s = scenario(
        vec![cost],
        &["cheap", "dear"],
        &[("cost", "cheap", n(10.0)), ("cost", "dear", n(90.0))],
    );
    let e = Evaluation::new(&s, WeightSet::Base);
    assert_eq!(e.order, vec![0, 1]);
    assert!(close(e.standings[0].total.unwrap(), 0.9));
}

#[test]
fn levels_and_yes_no() {
    let mut levels = Criterion::new("l", "L");
    levels.scale = Scale::Levels(vec![
        "none".into(),
        "weak".into(),
        "partial".into(),
        "full".into(),
    ]);
    assert!(close(
        normalise(&levels, ScoreValue::Level(2)).unwrap(),
        2.0 / 3.0
    ));
    assert_eq!(normalise(&levels, ScoreValue::Level(4)), None);
    assert_eq!(
        normalise(&levels, n(1.0)),
        None,
        "a number on a level scale is not a score"
    );
    let mut yn = Criterion::new("y", "Y");
    yn.scale = Scale::YesNo;
    assert_eq!(normalise(&yn, ScoreValue::Bool(true)), Some(1.0));
    yn.direction = Direction::LowerIsBetter;
    assert_eq!(normalise(&yn, ScoreValue::Bool(true)), Some(0.0));
}

#[test]
fn perspective_weights_replace_base_weights() {
    let mut s = scenario(
        vec![numeric("x", 1.0), numeric("y", 3.0), numeric("z", 5.0)],
        &["a", "b"],
        &[
            ("x", "a", n(10.0)),
            ("y", "a", n(0.0)),
            ("z", "a", n(0.0)),
            ("x", "b", n(0.0)),
            ("y", "b", n(10.0)),
            ("z", "b", n(10.0)),
        ],
    );
    // x: 3, y: 1, z: 0 (an explicit 0: left out): A = 0.75, B = 0.25.
    s.perspectives.push(Perspective {
        id: "p".into(),
        name: "P".into(),
        weights: BTreeMap::from([("x".into(), 3.0), ("y".into(), 1.0), ("z".into(), 0.0)]),
        ..Perspective::default()
    });
    let base = Evaluation::new(&s, WeightSet::Base);
    assert_eq!(base.order, vec![1, 0]);
    let p = Evaluation::new(&s, WeightSet::Perspective(&s.perspectives[0]));
    assert_eq!(p.weights, vec![0.75, 0.25, 0.0]);
    assert!(close(p.standings[0].total.unwrap(), 0.75));
    assert!(close(p.standings[1].total.unwrap(), 0.25));
    assert_eq!(p.order, vec![0, 1]);
    // z not stated: it counts at the mean of the stated weights (x 3, y 1: 2), so the
    // weights are 3 : 1 : 2 and A = 3/6 = 0.5, B = (1 + 2)/6 = 0.5.
    s.perspectives[0].weights.remove("z");
    let q = Evaluation::new(&s, WeightSet::Perspective(&s.perspectives[0]));
    assert!(close(q.weights[2], 2.0 / 6.0), "{:?}", q.weights);
    assert!(close(q.standings[0].total.unwrap(), 0.5));
    assert!(close(q.standings[1].total.unwrap(), 0.5));
}

#[test]
fn nothing_scored_or_no_weight_means_unranked() {
    let s = scenario(vec![numeric("x", 1.0)], &["a", "b"], &[("x", "b", n(3.0))]);
    let e = Evaluation::new(&s, WeightSet::Base);
    assert_eq!(e.standings[0].total, None);
    assert_eq!(e.standings[0].rank, None);
    assert_eq!(e.standings[0].coverage, 0.0);
    assert_eq!(e.order, vec![1, 0]);
    let s = scenario(vec![numeric("x", 0.0)], &["a"], &[("x", "a", n(3.0))]);
    let e = Evaluation::new(&s, WeightSet::Base);
    assert_eq!(e.weights, vec![0.0]);
    assert_eq!(e.standings[0].rank, None);
}

#[test]
fn reweighting_equals_a_fresh_evaluation() {
    let mut s = concord::synth::scenario(7, 9, 3);
    let mut e = Evaluation::new(&s, WeightSet::Base);
    s.criteria[2].weight = 0.0;
    s.criteria[4].weight = 20.0;
    e.reweight(&s, WeightSet::Base);
    assert_eq!(e, Evaluation::new(&s, WeightSet::Base));
}
