//! Writes `tests/data/round/`: a class template made from the default lesson, 30 students'
//! copies of it, and the hostile files a round must survive. Run from the repository root:
//! `cargo run --example make_round`. The files are committed; the same seeds give the same
//! files.

use std::path::Path;

use concord::analysis::round::sample_copy;
use concord::io::save_path;
use concord::model::{Citation, Criterion, Scale, Scenario};

fn main() {
    let dir = Path::new("tests/data/round");
    std::fs::create_dir_all(dir.join("hostile")).expect("tests/data/round");
    let lesson = concord::seeds::default_scenario().expect("the default lesson");

    // A compact template: the lesson's proposals, criteria and scores, one source, short
    // reasons; no perspectives. Small enough to keep thirty copies in the repository.
    let mut t = Scenario {
        title: "Class round: after the Gaza cease-fire".into(),
        description: "A class round on the default lesson's proposals and criteria.".into(),
        authors: vec!["The teacher".into()],
        sources: lesson
            .sources
            .iter()
            .filter(|s| s.id == "duss-okail-2023")
            .cloned()
            .collect(),
        proposals: lesson.proposals.clone(),
        criteria: lesson.criteria.clone(),
        ..Scenario::default()
    };
    for p in &mut t.proposals {
        p.summary.clear();
        p.provisions.clear();
        p.sources.clear();
        p.status.clear();
    }
    t.scores = lesson.scores.clone();
    for s in &mut t.scores {
        s.rationale = "The teacher's reading of the lesson's sources.".into();
        s.evidence = vec![Citation {
            source: "duss-okail-2023".into(),
            ..Citation::default()
        }];
    }
    save_path(&t, &dir.join("template.ron")).expect("template");

    for i in 1..=30u64 {
        let name = format!("Student {i:02}");
        let mut s = sample_copy(&t, 1000 + i, &name);
        match i {
            // Two students give the same reason for one cell: a note for the teacher.
            7 | 8 => {
                let at = s.score_position("blockade", "api").expect("a scored cell");
                s.scores[at].rationale =
                    "The initiative says nothing about the crossings into Gaza at all.".into();
            }
            // One student leaves a few cells blank.
            30 => {
                for cell in s.scores.iter_mut().filter(|c| c.criterion == "refugees") {
                    cell.value = None;
                    cell.rationale.clear();
                }
            }
            _ => {}
        }
        save_path(&s, &dir.join(format!("student-{i:02}.ron"))).expect("student");
    }

    let hostile = dir.join("hostile");
    // A copy that does not parse.
    std::fs::write(
        hostile.join("broken.ron"),
        "Scenario(\n    format: 2,\n    title: \"Broken\",\n    proposals: [\n",
    )
    .unwrap();
    std::fs::write(hostile.join("empty.ron"), "").unwrap();
    // A copy with a criterion of the student's own.
    let mut extra = sample_copy(&t, 77, "Extra Criterion");
    extra
        .criteria
        .push(Criterion::new("my-own-test", "My own test"));
    save_path(&extra, &hostile.join("extra-criterion.ron")).unwrap();
    // The template's ids, but every criterion on a 0–10 scale.
    let mut scales = t.clone();
    scales.authors = vec!["Other Scales".into()];
    for c in &mut scales.criteria {
        c.scale = Scale::zero_to_ten();
    }
    scales.scores.clear();
    save_path(&scales, &hostile.join("other-scales.ron")).unwrap();
    // Another scenario altogether.
    let other = concord::seeds::BUNDLED[1].load().unwrap();
    save_path(&other, &hostile.join("other-scenario.ron")).unwrap();
    // Two files by one author.
    for (k, seed) in [("a", 91), ("b", 92)] {
        let s = sample_copy(&t, seed, "Same Author");
        save_path(&s, &hostile.join(format!("same-author-{k}.ron"))).unwrap();
    }
    println!("wrote {}", dir.display());
}
