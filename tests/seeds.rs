//! Every bundled scenario loads without error and is stored in canonical form.

use concord::io::{load_path, to_ron_string};
use concord::model::ScoreValue;
use concord::seeds::{default_scenario, BUNDLED};

#[test]
fn every_seed_file_loads_and_is_canonical() {
    let mut files = 0;
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            let scenario = load_path(&path).unwrap_or_else(|e| panic!("{e}"));
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                to_ron_string(&scenario).unwrap(),
                text,
                "{} is not canonical; run concord fmt",
                path.display()
            );
            files += 1;
        }
    }
    assert_eq!(files, BUNDLED.len(), "every file in seeds/ is bundled");
    for b in BUNDLED {
        b.load().unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn default_scenario_follows_the_essay() {
    let s = default_scenario().unwrap();
    let ids: Vec<&str> = s.proposals.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        ["api", "land-for-all", "aqaba-plus", "abraham", "oslo"]
    );
    assert!((10..=15).contains(&s.criteria.len()));
    assert!(s.perspectives.len() >= 5);
    for p in &s.perspectives {
        assert!(!p.sources.is_empty(), "perspective {} has a source", p.id);
        assert_eq!(
            p.weights.len(),
            s.criteria.len(),
            "perspective {} weighs every criterion",
            p.id
        );
    }
    // Every scored cell is argued and sourced; unscored cells say why.
    for sc in &s.scores {
        assert!(
            !sc.rationale.is_empty(),
            "{} × {} has a rationale",
            sc.criterion,
            sc.proposal
        );
        if sc.value.is_some() {
            assert!(
                !sc.evidence.is_empty(),
                "{} × {} cites evidence",
                sc.criterion,
                sc.proposal
            );
        } else {
            assert!(
                sc.rationale.starts_with("Not scored"),
                "{} × {}",
                sc.criterion,
                sc.proposal
            );
        }
    }
    // Claims drawn from the essay are attributed to it.
    let essay_cells = s
        .scores
        .iter()
        .filter(|sc| sc.evidence.iter().any(|c| c.source == "duss-okail-2023"));
    for sc in essay_cells {
        assert!(
            sc.rationale.contains("essay"),
            "{} × {} attributes the essay",
            sc.criterion,
            sc.proposal
        );
    }
    assert!(s
        .scores
        .iter()
        .any(|sc| matches!(sc.value, Some(ScoreValue::Level(_)))));
}

#[test]
fn the_example_in_format_md_is_valid_and_canonical() {
    let doc = std::fs::read_to_string("docs/FORMAT.md").unwrap();
    let start = doc.find("```ron\n").expect("a ron example") + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let example = &doc[start..end];
    let scenario =
        concord::io::load_str("FORMAT.md example", example).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(to_ron_string(&scenario).unwrap(), example);
    // It shows every kind of scale, an unscored cell and a perspective.
    assert_eq!(scenario.criteria.len(), 3);
    assert!(scenario.scores.iter().any(|s| s.value.is_none()));
    assert_eq!(scenario.perspectives.len(), 1);
    // … with a red line, so the example is format 2.
    assert_eq!(scenario.perspectives[0].red_lines.len(), 1);
    assert_eq!(scenario.format, 2);
}

#[test]
fn the_second_lesson_compares_four_final_status_plans() {
    let s = BUNDLED
        .iter()
        .find(|b| b.file == "final-status-plans.ron")
        .expect("bundled")
        .load()
        .unwrap();
    let ids: Vec<&str> = s.proposals.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        ["clinton", "api", "peace-to-prosperity", "land-for-all"]
    );
    let criteria: Vec<&str> = s.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        criteria,
        [
            "borders",
            "jerusalem",
            "refugees",
            "security",
            "recognition",
            "governance",
            "gaza"
        ]
    );
    for sc in &s.scores {
        assert!(!sc.rationale.is_empty());
        assert_eq!(
            sc.value.is_some(),
            !sc.evidence.is_empty(),
            "{} × {}",
            sc.criterion,
            sc.proposal
        );
    }
}

/// Criteria of the two lessons that ask the same question of the same texts (written out
/// here, as `docs/SCORING.md` lists them): default lesson's id, final-status lesson's id.
const SAME_QUESTION: [(&str, &str); 4] = [
    ("borders", "borders"),
    ("jerusalem", "jerusalem"),
    ("refugees", "refugees"),
    ("security-guarantees", "security"),
];

#[test]
fn a_proposal_in_both_lessons_is_scored_alike_on_the_same_question() {
    let gaza = concord::seeds::default_scenario().unwrap();
    let last = concord::seeds::BUNDLED
        .iter()
        .find(|b| b.file.contains("final-status"))
        .expect("the second lesson")
        .load()
        .unwrap();
    let mut compared = 0;
    for p in gaza
        .proposals
        .iter()
        .filter(|p| last.proposal_index(&p.id).is_some())
    {
        for (a, b) in SAME_QUESTION {
            let x = gaza.score(a, &p.id).and_then(|s| s.value);
            let y = last.score(b, &p.id).and_then(|s| s.value);
            assert_eq!(x, y, "{} on {a} / {b}", p.id);
            compared += 1;
        }
    }
    assert!(
        compared >= 8,
        "the API and the confederation are in both: {compared}"
    );
}

#[test]
fn both_lessons_pass_the_content_check() {
    for b in concord::seeds::BUNDLED
        .iter()
        .filter(|b| !b.file.contains("blank"))
    {
        let s = b.load().unwrap();
        let findings = concord::io::health::health(&s);
        assert!(
            concord::io::health::passes(&findings),
            "{}: {findings:#?}",
            b.file
        );
    }
}
