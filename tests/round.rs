//! Class rounds on files: students' copies read against a template, the heat map's numbers
//! worked out again from the files, and rounds that meet hostile files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use concord::analysis::round::{round, sample_copy};
use concord::io::load_path;
use concord::io::round_files::{read_students, Outcome};
use concord::model::{Criterion, Proposal, Scenario, Score, ScoreValue};
use concord::scoring::normalise;

fn add_all(template: &Scenario, paths: &[PathBuf]) -> (Scenario, Vec<Outcome>) {
    let mut known = BTreeSet::new();
    let reports = read_students(template, paths, &mut known, &AtomicBool::new(false), |_| {});
    let mut s = template.clone();
    let mut outcomes = Vec::new();
    for r in reports {
        if let Outcome::Added(x) = &r.outcome {
            s.perspectives.push(x.perspective.clone());
        }
        outcomes.push(r.outcome);
    }
    (s, outcomes)
}

#[test]
fn the_heat_map_counts_what_each_student_chose() {
    let dir = Path::new("tests/data/round");
    let template = load_path(&dir.join("template.ron")).unwrap();
    let paths: Vec<PathBuf> = (1..=30)
        .map(|i| dir.join(format!("student-{i:02}.ron")))
        .collect();
    let (s, _) = add_all(&template, &paths);
    let r = round(&s);
    assert_eq!(r.students.len(), 30);
    let n_p = s.proposals.len();
    for (c, p) in [(0, 0), (3, 2), (8, 4)] {
        let crit = &s.criteria[c];
        let (cid, pid) = (&crit.id, &s.proposals[p].id);
        let theirs = template.score(cid, pid).unwrap();
        // By hand, from the files: a value other than the template's, or the same value with
        // another reason, is a choice; a blank where the template has a value is unscored.
        let (mut chosen, mut unscored, mut untouched) = (Vec::new(), 0, 0);
        for path in &paths {
            let student = load_path(path).unwrap();
            let mine = student.score(cid, pid);
            match mine.and_then(|x| x.value) {
                Some(v)
                    if Some(v) == theirs.value
                        && mine.unwrap().rationale.trim() == theirs.rationale.trim() =>
                {
                    untouched += 1
                }
                Some(v) => chosen.push(normalise(crit, v).unwrap()),
                None => unscored += 1,
            }
        }
        let cell = &r.cells[c * n_p + p];
        assert_eq!(cell.chosen, chosen, "{cid} × {pid}");
        assert_eq!((cell.unscored, cell.untouched), (unscored, untouched));
        chosen.sort_by(f64::total_cmp);
        let mid = chosen.len() / 2;
        let median = if chosen.len() % 2 == 1 {
            chosen[mid]
        } else {
            (chosen[mid - 1] + chosen[mid]) / 2.0
        };
        assert!((cell.median.unwrap() - median).abs() < 1e-12);
    }
    // Student 30 left the refugees row blank: read as not scored, not as the teacher's.
    let refugees = s.criterion_index("refugees").unwrap();
    assert!(r.cells[refugees * n_p..(refugees + 1) * n_p]
        .iter()
        .all(|c| c.unscored >= 1));
    // Each student's total is their own: under their reading, with their weights.
    let base = concord::scoring::Evaluation::new(&s, concord::scoring::WeightSet::Base);
    let e = base.under(&s, &s.perspectives[r.students[4]]);
    assert_eq!(
        r.totals[4],
        e.standings.iter().map(|x| x.total).collect::<Vec<_>>()
    );
    // The agenda lists the cells of widest spread first.
    let spread = |&(c, p): &(usize, usize)| r.cells[c * n_p + p].iqr.unwrap();
    assert_eq!(r.agenda.len(), 3);
    assert!(spread(&r.agenda[0]) >= spread(&r.agenda[2]));
    assert!(r
        .cells
        .iter()
        .all(|c| c.chosen.len() < 2 || c.iqr.unwrap() <= spread(&r.agenda[0])));
}

/// A small template: two proposals, two criteria on 0–10.
fn mini() -> Scenario {
    let mut s = Scenario {
        format: 2,
        title: "Mini".into(),
        authors: vec!["Teacher".into()],
        ..Scenario::default()
    };
    s.proposals.push(Proposal::new("a", "Alpha"));
    s.proposals.push(Proposal::new("b", "Beta"));
    s.criteria.push(Criterion::new("x", "Ex"));
    s.criteria.push(Criterion::new("y", "Why"));
    for (c, p) in [("x", "a"), ("x", "b"), ("y", "a"), ("y", "b")] {
        s.scores.push(Score {
            criterion: c.into(),
            proposal: p.into(),
            value: Some(ScoreValue::Number(5.0)),
            ..Score::default()
        });
    }
    s
}

#[test]
fn a_thousand_files_a_fifty_megabyte_file_and_broken_ones() {
    let dir = tempfile::tempdir().unwrap();
    let t = mini();
    let mut paths = Vec::new();
    for i in 0..1000u64 {
        let path = dir.path().join(format!("s{i:04}.ron"));
        concord::io::save_path(&sample_copy(&t, i, &format!("S{i:04}")), &path).unwrap();
        paths.push(path);
    }
    // A file of 50 MB that loads but is another scenario: one long title, nothing else.
    let big = dir.path().join("big.ron");
    let mut text = String::from("Scenario(format: 2, title: \"");
    text.push_str(&"x".repeat(50 * 1024 * 1024));
    text.push_str("\")\n");
    std::fs::write(&big, text).unwrap();
    paths.push(big);
    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    paths.push(empty);
    paths.push(paths[0].clone());
    let (s, outcomes) = add_all(&t, &paths);
    assert!(
        matches!(outcomes[1000], Outcome::Unrelated(_)),
        "{:?}",
        outcomes[1000]
    );
    assert!(matches!(&outcomes[1001], Outcome::Broken(e) if e[0].contains("empty")));
    assert_eq!(outcomes[1002], Outcome::Duplicate);
    let r = round(&s);
    assert_eq!(r.students.len(), 1000);
    assert!(r.concordance.is_some());
    // Ids stay unique however many readings come in.
    let ids: BTreeSet<&str> = s.perspectives.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), 1000);
    assert!(
        concord::io::validate(&s).is_empty(),
        "the round saves as a valid file"
    );
}

#[test]
fn a_cancelled_round_stops_between_files() {
    let dir = tempfile::tempdir().unwrap();
    let t = mini();
    let paths: Vec<PathBuf> = (0..5u64)
        .map(|i| {
            let p = dir.path().join(format!("{i}.ron"));
            concord::io::save_path(&sample_copy(&t, i, &format!("S{i}")), &p).unwrap();
            p
        })
        .collect();
    let cancel = AtomicBool::new(false);
    let mut known = BTreeSet::new();
    let reports = read_students(&t, &paths, &mut known, &cancel, |done| {
        if done == 2 {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    });
    assert_eq!(reports.len(), 2, "the rest is left unread");
}

#[test]
fn a_small_round_worked_out_by_hand() {
    // Three proposals, one criterion on 0–10 (weight 1). The template scores them 5, 5, 5.
    let mut t = Scenario {
        format: 2,
        title: "By hand".into(),
        authors: vec!["Teacher".into()],
        ..Scenario::default()
    };
    for (id, name) in [("a", "A"), ("b", "B"), ("c", "C")] {
        t.proposals.push(Proposal::new(id, name));
    }
    t.criteria.push(Criterion::new("x", "X"));
    for p in ["a", "b", "c"] {
        t.scores.push(Score {
            criterion: "x".into(),
            proposal: p.into(),
            value: Some(ScoreValue::Number(5.0)),
            rationale: "Handed out.".into(),
            ..Score::default()
        });
    }
    // Student 1 reads 9, 5 (as handed out), 1: totals .9 .5 .1, ranks 1 2 3.
    // Student 2 reads 8, 8, 2: ranks 1.5 1.5 3 (a tie).
    // Student 3 leaves C blank and reads 2, 6: totals .2 .6 and none; ranks 2 1 3.
    let copy = |values: [Option<f64>; 3], name: &str| {
        let mut s = t.clone();
        s.authors = vec![name.into()];
        for (cell, v) in s.scores.iter_mut().zip(values) {
            if v != Some(5.0) {
                cell.value = v.map(ScoreValue::Number);
                cell.rationale = if v.is_some() {
                    format!("{name} reads it so.")
                } else {
                    String::new()
                };
            }
        }
        s
    };
    let mut round_s = t.clone();
    for (values, name) in [
        ([Some(9.0), Some(5.0), Some(1.0)], "One"),
        ([Some(8.0), Some(8.0), Some(2.0)], "Two"),
        ([Some(2.0), Some(6.0), None], "Three"),
    ] {
        let c = concord::model::collect::collect(&round_s, &copy(values, name), name, "x.ron");
        round_s.perspectives.push(c.perspective);
    }
    let r = round(&round_s);
    assert_eq!(
        r.ranks,
        [
            vec![1.0, 2.0, 3.0],
            vec![1.5, 1.5, 3.0],
            vec![2.0, 1.0, 3.0]
        ]
    );
    // Rank sums 4.5, 4.5, 9 (mean 6): S = 2.25 + 2.25 + 9 = 13.5. Ties: rater 2 has one
    // pair, T = 6. W = 12 · 13.5 / (3² · (27 − 3) − 3 · 6) = 162 / 198.
    let c = r.concordance.unwrap();
    assert!((c.w - 162.0 / 198.0).abs() < 1e-12, "{}", c.w);
    // Borda: n − rank summed: A 2 + 1.5 + 1 = 4.5, B 1 + 1.5 + 2 = 4.5, C 0.
    assert_eq!(r.borda, [4.5, 4.5, 0.0]);
    // Mean totals over those who have one: A (.9 + .8 + .2) / 3, C (.1 + .2) / 2.
    assert!((r.mean_totals[0].unwrap() - 1.9 / 3.0).abs() < 1e-12);
    assert!((r.mean_totals[2].unwrap() - 0.15).abs() < 1e-12);
    // The cell of B: One left it as handed out, Two and Three chose 8 and 6.
    let b = &r.cells[1];
    assert_eq!(
        (b.chosen.clone(), b.untouched, b.unscored),
        (vec![0.8, 0.6], 1, 0)
    );
    assert!((b.median.unwrap() - 0.7).abs() < 1e-12);
    // C: Three left it blank, which counts as unscored, not as the teacher's 5.
    assert_eq!(r.cells[2].unscored, 1);
}
