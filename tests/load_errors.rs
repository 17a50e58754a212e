//! Every validation error, one file per case: the message, the item and the location.

use std::path::Path;

use concord::io::{load_bytes, load_path, LoadError, MAX_FILE_BYTES};

fn lines_of(file: &str) -> Vec<String> {
    match load_path(Path::new(file)) {
        Ok(_) => panic!("{file} loaded but should have failed"),
        Err(e) => e.lines(),
    }
}

/// Asserts that loading `case` fails with exactly the given problem lines.
fn assert_problems(case: &str, expected: &[&str]) {
    let file = format!("tests/data/invalid/{case}.ron");
    let lines = lines_of(&file);
    let expected: Vec<String> = expected.iter().map(|l| format!("{file}:{l}")).collect();
    assert_eq!(lines, expected);
}

#[test]
fn the_valid_base_file_loads() {
    let s = load_path(Path::new("tests/data/valid.ron")).expect("valid.ron loads");
    assert_eq!(s.proposals.len(), 2);
    assert_eq!(s.scores.len(), 2);
}

#[test]
fn syntax_error_names_line_and_column() {
    assert_problems("syntax_error", &["9:9: proposals: Expected comma"]);
}

#[test]
fn truncated_file() {
    assert_problems("truncated", &["12:19: criteria[0]: Unexpected end of RON"]);
}

#[test]
fn empty_file() {
    assert_problems(
        "empty",
        &["1:1: the file is empty: a Concord scenario starts with `Scenario(`"],
    );
}

#[test]
fn another_kind_of_file_is_named_as_such_first() {
    assert_problems(
        "not_a_scenario",
        &[
            "1:1: this is not a Concord scenario (a scenario file starts with `Scenario(`); \
           the reader says: Expected struct `Scenario` but found `Settings`",
        ],
    );
}

#[test]
fn wrong_type_names_the_field() {
    assert_problems("wrong_type", &["15:21: criteria[0].weight: Expected float"]);
}

#[test]
fn unknown_field_is_refused() {
    let lines = lines_of("tests/data/invalid/unknown_field.ron");
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with(
            "tests/data/invalid/unknown_field.ron:9:41: proposals[1]: Unexpected field named `colour_name`"
        ),
        "{lines:?}"
    );
}

#[test]
fn duplicate_ids() {
    assert_problems(
        "duplicate_ids",
        &[r#"9:22: proposals[1] "a": duplicate id "a": proposals[0] already uses it"#],
    );
}

#[test]
fn duplicate_cells() {
    assert_problems(
        "duplicate_cell",
        &["22:9: scores[1] (refugees × a): the same cell is already scored at scores[0]"],
    );
}

#[test]
fn score_naming_unknown_proposal() {
    assert_problems(
        "unknown_proposal",
        &[r#"22:49: scores[1] (jerusalem × zeta): names proposal "zeta", which does not exist"#],
    );
}

#[test]
fn score_naming_unknown_criterion() {
    assert_problems(
        "unknown_criterion",
        &[r#"22:26: scores[1] (borders × b): names criterion "borders", which does not exist"#],
    );
}

#[test]
fn value_outside_the_scale() {
    assert_problems(
        "value_outside_scale",
        &["21:60: scores[0] (refugees × a): value 12 is outside the scale 0–10"],
    );
}

#[test]
fn level_out_of_range() {
    assert_problems(
        "level_out_of_range",
        &["22:61: scores[1] (jerusalem × b): level 4 is out of range: the scale has levels 0–3"],
    );
}

#[test]
fn value_of_the_wrong_kind() {
    assert_problems(
        "wrong_value_kind",
        &["22:61: scores[1] (jerusalem × b): value Number(2) does not fit the criterion's scale (levels); use Level(index)"],
    );
}

#[test]
fn negative_weight() {
    assert_problems(
        "negative_weight",
        &[r#"15:21: criteria[0] "refugees": weight -1 must be ≥ 0"#],
    );
}

#[test]
fn nan_weight() {
    assert_problems(
        "nan_weight",
        &[r#"15:21: criteria[0] "refugees": weight is NaN; it must be a number ≥ 0"#],
    );
}

#[test]
fn infinite_weight() {
    assert_problems(
        "infinite_weight",
        &[r#"15:21: criteria[0] "refugees": weight inf must be finite"#],
    );
}

#[test]
fn empty_name() {
    assert_problems(
        "empty_name",
        &[r#"8:33: proposals[0] "a": name must not be empty"#],
    );
}

#[test]
fn empty_title() {
    assert_problems("empty_title", &["3:12: title: the scenario needs a title"]);
}

#[test]
fn id_that_is_not_a_slug() {
    let lines = lines_of("tests/data/invalid/bad_id.ron");
    assert_eq!(
        lines[0],
        "tests/data/invalid/bad_id.ron:18:23: criteria[1] \"Jerusalem Q\": id \"Jerusalem Q\" must be a slug: lowercase letters, digits, '-' or '_', starting with a letter or digit"
    );
}

#[test]
fn citation_of_unknown_source() {
    assert_problems(
        "unknown_source",
        &[
            r#"22:99: scores[1] (jerusalem × b): cites source "nowhere", which is not in the bibliography (sources)"#,
        ],
    );
}

#[test]
fn bad_colour() {
    assert_problems(
        "bad_colour",
        &[r##"9:49: proposals[1] "b": colour "red" must be written #rrggbb, e.g. "#1f77b4""##],
    );
}

#[test]
fn newer_format_is_refused_with_versions() {
    assert_problems(
        "newer_format",
        &["2:13: format: made by a newer Concord (format 7), this build reads up to 5; update Concord to open it"],
    );
}

#[test]
fn format_zero_is_refused() {
    assert_problems(
        "format_zero",
        &["2:13: format: format 0 is not a Concord format; the first format is 1"],
    );
}

#[test]
fn every_problem_is_reported_in_file_order() {
    assert_problems(
        "many_problems",
        &[
            r#"8:33: proposals[0] "a": name must not be empty"#,
            r#"15:21: criteria[0] "refugees": weight -2 must be ≥ 0"#,
            "21:60: scores[0] (refugees × a): value -1 is outside the scale 0–10",
            r#"22:49: scores[1] (jerusalem × zeta): names proposal "zeta", which does not exist"#,
            r#"22:102: scores[1] (jerusalem × zeta): cites source "nowhere", which is not in the bibliography (sources)"#,
        ],
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let lines = lines_of("tests/data/invalid/deep_nesting.ron");
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains(":1:"), "{lines:?}");
    // Nesting the parser would accept for a moment: still no stack overflow.
    let deep = format!(
        "Scenario(format: 1, title: {}\"x\"{})",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    assert!(concord::io::load_str("deep", &deep).is_err());
}

#[test]
fn invalid_utf8_gives_the_position() {
    let mut bytes = b"Scenario(\n    format: 1,\n    title: \"caf".to_vec();
    bytes.push(0xE9); // Latin-1 é
    bytes.extend_from_slice(b"\",\n)");
    let err = load_bytes("latin1.ron", &bytes).unwrap_err();
    assert_eq!(
        err.lines(),
        vec!["latin1.ron:3:16: invalid UTF-8 (byte 0xE9); save the file as UTF-8 text"]
    );
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // A sparse file: large to the file system, no data written.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    let err: LoadError = load_path(&path).unwrap_err();
    assert_eq!(err.problems.len(), 1);
    assert_eq!(err.problems[0].at, None);
    assert_eq!(
        err.problems[0].message,
        "file is 257 MiB; Concord reads scenario files up to 256 MiB"
    );
}

#[test]
fn missing_file_and_folder() {
    let err = load_path(Path::new("tests/data/no-such-file.ron")).unwrap_err();
    assert_eq!(
        err.lines(),
        vec!["tests/data/no-such-file.ron: no such file"]
    );
    let err = load_path(Path::new("tests/data")).unwrap_err();
    assert_eq!(
        err.lines(),
        vec!["tests/data: is a folder, not a scenario file"]
    );
}

#[test]
fn hostile_inputs_never_panic() {
    let cases: &[&[u8]] = &[
        b"",
        b"\xEF\xBB\xBF",
        b"(",
        b"Scenario(format: 99999999999999999999999, title: \"x\")",
        b"Scenario(format: -1, title: \"x\")",
        b"Scenario(format: 1, title: r#\"unterminated)",
        b"Scenario(format: 1, title: \"x\", criteria: [Criterion(id: \"a\", name: \"A\", weight: 1e400, scale: YesNo)])",
        b"Scenario(format: 1, title: \"x\", criteria: [Criterion(id: \"a\", name: \"A\", weight: 1, scale: Numeric(min: NaN, max: inf, step: -0.0))])",
        b"Scenario(format: 1, title: \"x\", criteria: [Criterion(id: \"a\", name: \"A\", weight: 1, scale: Levels([]))], proposals: [Proposal(id: \"p\", name: \"P\")], scores: [Score(criterion: \"a\", proposal: \"p\", value: Level(4294967295))])",
        b"/* unterminated comment",
        b"\x00\x01\x02",
        b"Scenario(format: 1, title: \"x\", perspectives: [Perspective(id: \"p\", name: \"P\", weights: {\"zz\": -inf})])",
    ];
    for bytes in cases {
        assert!(
            load_bytes("hostile.ron", bytes).is_err(),
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Any damage to a real file gives a result or an error, never a panic or a hang, and
    /// an error always says where.
    #[test]
    fn damaged_files_never_panic(
        edits in proptest::collection::vec((0.0f64..1.0, 0usize..6, proptest::prelude::any::<u8>()), 1..6),
    ) {
        let seed = concord::seeds::BUNDLED[0].text.as_bytes();
        let mut bytes = seed.to_vec();
        for (at, cut, byte) in edits {
            let pos = ((bytes.len() as f64) * at) as usize;
            let end = (pos + cut).min(bytes.len());
            bytes.splice(pos..end, [byte]);
        }
        if let Err(err) = load_bytes("damaged.ron", &bytes) {
            proptest::prop_assert!(!err.problems.is_empty());
            proptest::prop_assert!(err.lines().iter().all(|l| l.starts_with("damaged.ron")));
        }
    }
}

/// A scenario whose `authors` value opens `open` 100,000 times.
fn nested(open: &str) -> String {
    format!(
        "Scenario(format: 1, title: \"x\", authors: {})",
        open.repeat(100_000)
    )
}

#[test]
fn nesting_deeper_than_any_scenario_is_refused_with_its_position() {
    // Braces, brackets, parentheses, and all three mixed: refused where it gets too deep,
    // never a stack overflow.
    let at = "Scenario(format: 1, title: \"x\", authors: ".len() + 1;
    for (open, col) in [
        ("{", at + 63),
        ("[", at + 63),
        ("(", at + 63),
        ("([{", at + 63),
    ] {
        let err = concord::io::load_str("deep.ron", &nested(open)).unwrap_err();
        assert_eq!(
            err.lines(),
            vec![format!(
                "deep.ron:1:{col}: nested more than 64 levels deep; a scenario needs far \
                 fewer, so this is not one (or it is damaged)"
            )],
            "{open}"
        );
    }
}

#[test]
fn brackets_inside_a_string_value_are_text() {
    let valid = std::fs::read_to_string("tests/data/valid.ron").unwrap();
    let deep = "{[(".repeat(30_000);
    let text = valid.replacen("title: \"", &format!("title: \"{deep}"), 1);
    let scenario = concord::io::load_str("text.ron", &text).expect("a valid scenario");
    assert!(scenario.title.starts_with("{[("));
}

#[test]
fn red_lines_and_readings_are_checked_with_their_positions() {
    let p = "perspectives[0] \"party\"";
    assert_problems(
        "perspective_problems",
        &[
            &format!("21:36: {p}: red line on criterion \"borders\", which does not exist"),
            &format!("22:58: {p}: red line on \"jerusalem\": level 5 is off the scale (4 levels)"),
            &format!("23:36: {p}: a second red line on criterion \"jerusalem\" (the first is red_lines[1]); a perspective has one per criterion"),
            &format!("24:57: {p}: red line on \"refugees\": this kind of red line does not fit the criterion's scale (0–10)"),
            &format!("24:90: {p}: cites source \"charter\", which is not in the bibliography (sources)"),
            &format!("27:56: {p}: reading of a cell of proposal \"c\", which does not exist"),
            &format!("28:68: {p}: value 30 is outside the scale 0–10"),
            &format!("29:17: {p}: this cell already has a reading at readings[1]"),
            "33:25: chosen_perspective: names perspective \"nobody\", which does not exist",
        ],
    );
}
