//! Importing tables: every case of `tests/data/import/` (written by
//! `examples/make_import_corpus.rs`) gives a scenario or a clear error, never a panic or a
//! hang — a watchdog fails a case that has not returned in 10 seconds.

use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;
use std::time::Duration;

use concord::io::import::{
    build, describe, read_table, scales, suggest, ImportError, Inferred, Table,
};
use concord::model::{Scale, ScoreValue};

/// Reads `path` on a thread; fails the test if it panics or takes more than 10 s.
fn read(path: PathBuf, sheet: Option<&'static str>) -> Result<Table, ImportError> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(read_table(&path, sheet));
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("returned within 10 s without panicking")
}

fn data(name: &str) -> PathBuf {
    Path::new("tests/data/import").join(name)
}

#[test]
fn a_real_world_csv_imports_with_its_quirks() {
    let t = read(data("bom-semicolon-crlf.csv"), None).unwrap();
    assert_eq!(
        t.header,
        ["Agreement", "Year", "Ceasefire", "Elections", "Notes"]
    );
    assert_eq!(t.n_rows(), 3);
    assert_eq!(&t.row(0)[0], "Accord A; first");
    assert_eq!(&t.row(0)[4], "line one\r\nline \"two\"");
    let m = suggest(&t);
    assert_eq!(m.name, 0);
    assert_eq!(m.date, Some(1));
    assert_eq!(
        m.criteria,
        [(2, Inferred::YesNo), (3, Inferred::YesNo)],
        "the notes are text and the year dates the proposals"
    );
    let s = build(&t, &m, "bom-semicolon-crlf.csv");
    assert_eq!(s.proposals.len(), 3);
    assert_eq!(s.proposals[0].date, "1998");
    // Presence codes say nothing of merit: weight 0, and said so.
    assert!(s
        .criteria
        .iter()
        .all(|c| c.weight == 0.0 && c.scale == Scale::YesNo));
    assert!(s.criteria[0]
        .description
        .contains("says nothing about whether it is good"));
    // A blank cell is unscored, not 0.
    assert!(s.score("ceasefire", "accord-c").is_none());
    assert_eq!(
        s.score("ceasefire", "accord-a-first").unwrap().value,
        Some(ScoreValue::Bool(true))
    );
    // One citation per row, none per cell; the strict check accepts that.
    assert_eq!(s.proposals[0].sources[0].locator, "row 2");
    assert!(s.scores.iter().all(|c| c.evidence.is_empty()));
    let findings = concord::io::health::health(&s);
    assert!(
        findings
            .iter()
            .all(|f| f.concern != concord::io::health::Concern::NoEvidence),
        "{findings:?}"
    );
    assert!(concord::io::validate(&s).is_empty());
}

#[test]
fn ragged_rows_and_duplicate_headers() {
    let t = read(data("ragged-duplicates.csv"), None).unwrap();
    assert_eq!(t.header, ["Name", "Score", "Score (2)", "Level"]);
    assert!(t.rows().all(|r| r.len() == 4));
    let m = suggest(&t);
    assert_eq!(
        m.criteria,
        [
            (
                1,
                Inferred::Numeric {
                    min: 3.5,
                    max: 7.25
                }
            ),
            (2, Inferred::Levels(3)),
            (3, Inferred::Levels(3))
        ]
    );
    let s = build(&t, &m, "ragged.csv");
    assert_eq!(s.criteria[0].id, "score");
    assert_eq!(s.criteria[1].id, "score-2");
    assert!(
        s.score("score", "gamma").is_none(),
        "a short row is blank, not 0"
    );
}

#[test]
fn proposals_across_the_columns_of_a_tsv() {
    let t = read(data("criteria-as-rows.tsv"), None)
        .unwrap()
        .transposed();
    assert_eq!(t.header, ["Criterion", "Borders", "Refugees"]);
    let s = build(&t, &suggest(&t), "criteria-as-rows.tsv");
    let names: Vec<&str> = s.proposals.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Plan X", "Plan Y", "Plan Z"]);
    assert_eq!(
        s.score("borders", "plan-y").unwrap().value,
        Some(ScoreValue::Level(3))
    );
}

#[test]
fn a_sheet_of_formulas_imports_their_values() {
    let t = read(data("formulas.xlsx"), Some("Coded")).unwrap();
    assert_eq!(t.sheet.as_deref(), Some("Coded"));
    assert_eq!(t.row(0).to_vec(), ["Accord A", "1", "5"]);
    let s = build(&t, &suggest(&t), "formulas.xlsx");
    assert_eq!(s.proposals[1].sources[0].locator, "sheet Coded, row 3");
    let missing = read(data("formulas.xlsx"), Some("Nope")).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "tests/data/import/formulas.xlsx: no sheet named \"Nope\"; the file has: Coded, Regions"
    );
}

#[test]
fn bad_input_is_refused_in_words() {
    let said = |name: &str| read(data(name), None).unwrap_err().to_string();
    assert_eq!(
        said("latin1.csv"),
        "tests/data/import/latin1.csv: row 3, column 4: this is not UTF-8 text (a legacy encoding, or not text at all); save it as UTF-8 CSV"
    );
    assert!(said("binary.csv").contains("this is not UTF-8 text"));
    assert_eq!(
        said("empty.csv"),
        "tests/data/import/empty.csv: the file holds no table: it is empty"
    );
    assert!(said("header-only.csv").contains("only a header row"));
    assert!(said("not-a-workbook.xlsx").contains("not a spreadsheet Concord can read"));
}

#[test]
fn huge_rows_and_cells_return_promptly() {
    let dir = tempfile::tempdir().unwrap();
    // 100,000 columns: refused as not a table of proposals and criteria.
    let wide = dir.path().join("wide.csv");
    let mut text = (0..100_000)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",");
    text.push('\n');
    std::fs::write(&wide, &text).unwrap();
    let e = read(wide, None).unwrap_err().to_string();
    assert!(e.contains("more than 20000"), "{e}");
    // A 60 MB cell: read as text, and a text column is left out of the criteria.
    let big = dir.path().join("big.csv");
    let mut text = String::from("Name,Value,Notes\nAlpha,1,\"");
    text.push_str(&"x".repeat(60 * 1024 * 1024));
    text.push_str("\"\nBeta,2,short\n");
    std::fs::write(&big, text).unwrap();
    let t = read(big, None).unwrap();
    let m = suggest(&t);
    assert_eq!(m.criteria, [(1, Inferred::Levels(3))]);
}

#[test]
fn a_column_offers_every_scale_its_values_fit() {
    assert_eq!(
        scales(&["1", "0", "", "1"]),
        vec![
            Inferred::YesNo,
            Inferred::Levels(2),
            Inferred::Numeric { min: 0.0, max: 1.0 }
        ]
    );
    assert_eq!(
        scales(&["yes", "no"]),
        vec![
            Inferred::YesNo,
            Inferred::Levels(2),
            Inferred::Numeric { min: 0.0, max: 1.0 }
        ]
    );
    assert_eq!(
        scales(&["0", "3", "2"]),
        vec![
            Inferred::Levels(4),
            Inferred::Numeric { min: 0.0, max: 3.0 }
        ]
    );
    assert_eq!(
        scales(&["2.5", "7"]),
        vec![Inferred::Numeric { min: 2.5, max: 7.0 }]
    );
    assert!(
        scales(&["a ceasefire", "1"]).is_empty(),
        "text fits no scale"
    );
}

#[test]
fn a_sheet_with_a_region_imports_groups_dates_and_provisions() {
    let t = read(data("formulas.xlsx"), Some("Regions")).unwrap();
    let mut m = suggest(&t);
    assert_eq!(m.group, Some(2), "the Region column groups the proposals");
    assert_eq!(m.date, Some(1));
    m.provisions.push(3);
    // Read the yes/no code as two levels: yes is level 1, no level 0.
    m.criteria = vec![(4, Inferred::Levels(2))];
    let s = build(&t, &m, "formulas.xlsx");
    assert_eq!(
        s.proposals
            .iter()
            .map(|p| p.group.as_str())
            .collect::<Vec<_>>(),
        ["Europe", "Africa", "Asia"]
    );
    assert_eq!(
        s.proposals[1].provisions[0].text,
        "Summary: A ceasefire only."
    );
    let levels: Vec<_> = s.scores.iter().map(|x| x.value).collect();
    assert!(levels.contains(&Some(ScoreValue::Level(1))));
    assert!(levels.contains(&Some(ScoreValue::Level(0))));
    assert!(describe(&t, &m).contains(&"their groups from the column \"Region\"".to_owned()));
    assert!(concord::io::validate(&s).is_empty());
}

/// Found by fuzzing import_csv: a column with one huge value made a scale whose min was
/// not below its max (±1 is lost in rounding at 1e46), so the imported scenario was invalid.
#[test]
fn a_column_of_one_huge_value_gets_a_scale_that_holds_it() {
    let huge = "1444444444444444444444444444444444444444444444";
    for (min, max) in scales(&[huge])
        .into_iter()
        .chain([concord::io::import::infer(&[huge])])
        .filter_map(|k| match k {
            Inferred::Numeric { min, max } => Some((min, max)),
            _ => None,
        })
    {
        let x: f64 = huge.parse().unwrap();
        assert!(min < max && min <= x && x <= max, "{min} {max}");
    }
    for edge in [f64::MAX, f64::MIN] {
        let text = format!("{edge}");
        match concord::io::import::infer(&[text.as_str()]) {
            Inferred::Numeric { min, max } => {
                assert!(
                    min < max && min.is_finite() && max.is_finite(),
                    "{min} {max}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}

/// The whole path the fuzz target takes on the file it found: read, suggest, build,
/// validate (it panics on an invalid scenario).
#[test]
fn the_table_fuzzing_found_imports_as_a_valid_scenario() {
    concord::io::fuzzing::import_csv(
        b"x;yy;z\n1444444444444444444444444444444444444444444444;accord-c2\n",
    );
}

/// Found by fuzzing import_csv: a column of zeros was read as a scale of one level, which
/// no scenario may have.
#[test]
fn a_column_of_zeros_is_read_as_two_levels() {
    assert_eq!(
        concord::io::import::infer(&["0.0", "00", ""]),
        Inferred::Levels(2)
    );
    let found = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus/import_csv/seed-crash-one-level.csv"),
    )
    .unwrap();
    concord::io::fuzzing::import_csv(&found);
}
