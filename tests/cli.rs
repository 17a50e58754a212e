//! The command line, run as a real process: output and exit codes.
//!
//! Long (about 900 lines): one test per subcommand and flag, each a few lines sharing the
//! helpers at the top; split, each file would be its own slow-to-link test binary.

use std::path::Path;
use std::process::{Command, Output};

fn concord(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .output()
        .expect("the concord binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_accepts_the_seeds() {
    let o = concord(&["check", "seeds/gaza-ceasefire-2023.ron", "seeds/blank.ron"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "seeds/gaza-ceasefire-2023.ron: ok\nseeds/blank.ron: ok\n"
    );
    assert_eq!(stderr(&o), "");
}

#[test]
fn check_reports_problems_as_file_line_col_and_exits_1() {
    let o = concord(&[
        "check",
        "tests/data/valid.ron",
        "tests/data/invalid/negative_weight.ron",
        "tests/data/invalid/too_large_missing.ron",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "tests/data/valid.ron: ok\n");
    assert_eq!(
        stderr(&o),
        "tests/data/invalid/negative_weight.ron:15:21: criteria[0] \"refugees\": weight -1 must be ≥ 0\n\
         tests/data/invalid/too_large_missing.ron: no such file\n"
    );
}

#[test]
fn rank_table_prints_the_whole_table_as_csv() {
    let o = concord(&["rank", "tests/data/valid.ron", "--table"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let scenario = concord::io::load_path(Path::new("tests/data/valid.ron")).unwrap();
    let expected = concord::io::export::table_csv(&scenario, concord::scoring::WeightSet::Base);
    assert_eq!(stdout(&o), expected);
    // Totals as on the cards: Alpha 30, Beta 66.7 (see the ranking test below).
    assert!(
        expected.contains("\ntotal (0-100),,,,30.0,66.7\n"),
        "{expected}"
    );
    let o = concord(&[
        "rank",
        "tests/data/valid.ron",
        "--table",
        "--format",
        "text",
    ]);
    assert_eq!(o.status.code(), Some(2), "--table is CSV already");
}

#[test]
fn rank_prints_rank_proposal_total_coverage() {
    let o = concord(&["rank", "tests/data/valid.ron"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // refugees (w 1/3): Alpha 3/10 → 30; jerusalem (w 2/3): Beta level 2 of 0–3 → 66.7,
    // on 0–100 as the window shows totals.
    assert_eq!(
        stdout(&o),
        "rank  proposal  total  coverage\n\
         1     Beta       66.7       67%\n\
         2     Alpha      30.0       33%\n"
    );
}

#[test]
fn rank_as_csv_with_a_perspective() {
    let o = concord(&[
        "rank",
        "seeds/gaza-ceasefire-2023.ron",
        "--perspective",
        "israel-gov",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "rank,id,proposal,total (0-100),coverage");
    assert_eq!(lines.len(), 6);
    assert!(
        lines[1].starts_with("1,oslo,Direct bilateral negotiations (the Oslo model),"),
        "{out}"
    );
    assert!(
        out.contains(",aqaba-plus,\"Aqaba format, widened to Turkey and Qatar\","),
        "{out}"
    );
    // The base weights put Oslo first too, the confederation second, by fewer points.
    let base = stdout(&concord(&[
        "rank",
        "seeds/gaza-ceasefire-2023.ron",
        "--format",
        "csv",
    ]));
    assert!(
        base.lines().nth(1).unwrap().starts_with("1,oslo,"),
        "{base}"
    );
    assert!(
        base.lines().nth(2).unwrap().starts_with("2,land-for-all,"),
        "{base}"
    );
}

#[test]
fn unknown_perspective_is_a_usage_error() {
    let o = concord(&["rank", "tests/data/valid.ron", "--perspective", "nobody"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "tests/data/valid.ron: no perspective named \"nobody\"; the file has: none\n"
    );
}

#[test]
fn rank_of_a_broken_file_exits_1() {
    let o = concord(&["rank", "tests/data/invalid/syntax_error.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "tests/data/invalid/syntax_error.ron:9:9: proposals: Expected comma\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check"][..],
        &["rank"],
        &["rank", "x.ron", "--format", "xml"],
        &["frobnicate", "x", "y"],
    ] {
        let o = concord(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).is_empty());
    }
}

#[test]
fn fmt_rewrites_into_canonical_form_and_leaves_broken_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let messy = dir.path().join("messy.ron");
    std::fs::copy("tests/data/valid.ron", &messy).unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::copy("tests/data/invalid/syntax_error.ron", &broken).unwrap();
    let broken_before = std::fs::read(&broken).unwrap();

    let o = concord(&["fmt", messy.to_str().unwrap(), broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), format!("{}: formatted\n", messy.display()));
    assert!(stderr(&o).contains(&format!("{}: left unchanged", broken.display())));
    assert_eq!(std::fs::read(&broken).unwrap(), broken_before);

    let once = std::fs::read_to_string(&messy).unwrap();
    assert!(once.starts_with("#![enable(implicit_some)]\nScenario(\n    format: 1,\n"));
    let o = concord(&["fmt", messy.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&messy).unwrap(),
        once,
        "fmt is idempotent"
    );
    assert!(Path::new(&messy).exists());
}

#[test]
fn analyze_prints_stability_flips_and_acceptability() {
    let o = concord(&[
        "analyze",
        "seeds/gaza-ceasefire-2023.ron",
        "--draws",
        "2000",
        "--seed",
        "9",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(
            "No clear leader: «Oslo» is ahead of «Confederation» by 4 points of 100, less than 10."
        ),
        "{out}"
    );
    assert!(out.contains("Stability: weight shares"));
    assert!(
        out.contains("blockade                  7%        0%–100%        0%–100%"),
        "{out}"
    );
    assert!(
        out.contains("oslo over land-for-all by 4: oslo on legitimate-leadership: -3 levels"),
        "{out}"
    );
    assert!(out.contains("Rank acceptability (SMAA-2): 2000 draws, seed 9, weights free"));
    // The same seed gives the same table.
    let again = stdout(&concord(&[
        "analyze",
        "seeds/gaza-ceasefire-2023.ron",
        "--draws",
        "2000",
        "--seed",
        "9",
    ]));
    assert_eq!(out, again);
}

#[test]
fn analyze_as_json_with_a_constraint() {
    let o = concord(&[
        "analyze",
        "seeds/gaza-ceasefire-2023.ron",
        "--draws",
        "500",
        "--within",
        "20",
        "--perspective",
        "us-blinken",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["weights"], "us-blinken");
    assert_eq!(v["acceptability"]["draws"], 500);
    assert_eq!(
        v["acceptability"]["constraint"],
        "within ±20% of the current weights"
    );
    let ranks = v["acceptability"]["ranks"].as_array().unwrap();
    assert_eq!(ranks.len(), 5);
    for r in ranks {
        let sum: f64 = r[1]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-9);
    }
    assert_eq!(v["stability"].as_array().unwrap().len(), 15);
    let o = concord(&[
        "analyze",
        "seeds/gaza-ceasefire-2023.ron",
        "--keep-order",
        "--within",
        "5",
    ]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "conflicting options are a usage error"
    );
}

#[test]
fn a_format_a_subcommand_does_not_offer_is_a_usage_error() {
    for (command, format, offered) in [
        ("rank", "xml", "text, csv, json"),
        ("analyze", "csv", "text, json"),
    ] {
        let o = concord(&[command, "seeds/gaza-ceasefire-2023.ron", "--format", format]);
        assert_eq!(o.status.code(), Some(2), "{command} --format {format}");
        let e = stderr(&o);
        assert!(e.contains(&format!("invalid value '{format}'")), "{e}");
        assert!(e.contains(offered), "{e}");
    }
}

#[test]
fn rank_and_analyze_say_the_same_about_an_unknown_perspective() {
    let said: Vec<String> = ["rank", "analyze"]
        .iter()
        .map(|command| {
            let o = concord(&[
                command,
                "seeds/gaza-ceasefire-2023.ron",
                "--perspective",
                "nobody",
            ]);
            assert_eq!(o.status.code(), Some(2));
            stderr(&o)
        })
        .collect();
    assert_eq!(said[0], said[1]);
    assert!(said[0].contains("the file has: "), "{}", said[0]);
}

/// Which proposals each party signed, brokered or convened, in the default lesson: none of
/// them may be ruled out by that party because its text is silent.
const OWN_PROPOSALS: [(&str, &str); 5] = [
    ("israel-gov", "abraham"),
    ("us-blinken", "abraham"),
    ("us-blinken", "aqaba-plus"),
    ("egypt-jordan", "aqaba-plus"),
    ("uae", "abraham"),
];

#[test]
fn no_party_rules_out_what_it_signed_because_the_text_is_silent() {
    let o = concord(&[
        "rank",
        "seeds/gaza-ceasefire-2023.ron",
        "--all-perspectives",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let columns = v["columns"].as_array().unwrap();
    let proposals = v["proposals"].as_array().unwrap();
    for (party, proposal) in OWN_PROPOSALS {
        let c = columns
            .iter()
            .position(|x| x["perspective"] == party)
            .unwrap_or_else(|| panic!("column {party}"));
        let p = proposals.iter().find(|x| x["id"] == proposal).unwrap();
        let result = &p["results"][c];
        assert_ne!(
            result["verdict"], "ruled out",
            "{party} on {proposal}: {result}"
        );
    }
    // Where a party's line meets a silent text, the verdict says so.
    let abraham = proposals.iter().find(|x| x["id"] == "abraham").unwrap();
    let israel = columns
        .iter()
        .position(|x| x["perspective"] == "israel-gov")
        .unwrap();
    assert_eq!(abraham["results"][israel]["verdict"], "not addressed");
    assert_eq!(
        abraham["results"][israel]["red_lines_not_addressed"],
        serde_json::json!(["armed-groups"])
    );
    // In text, a sentence a class reads; in CSV, the column.
    let text = stdout(&concord(&[
        "rank",
        "seeds/gaza-ceasefire-2023.ron",
        "--all-perspectives",
    ]));
    assert!(
        text.contains("Abraham says nothing on “Denies armed groups the capability to attack” (Israeli government (stated positions, late 2023)'s red line)"),
        "{text}"
    );
    assert!(
        !text.contains("Abraham is ruled out by Israeli government")
            && !text.contains("Aqaba+ is ruled out"),
        "{text}"
    );
    let csv = stdout(&concord(&[
        "rank",
        "seeds/gaza-ceasefire-2023.ron",
        "--all-perspectives",
        "--format",
        "csv",
    ]));
    assert!(
        csv.lines().any(|l| l.starts_with("abraham,")
            && l.contains(",israel-gov,")
            && l.contains(",not addressed,")
            && l.ends_with("on “Denies armed groups the capability to attack”\"")),
        "{csv}"
    );
}

#[test]
fn both_lessons_pass_the_strict_check() {
    let o = concord(&[
        "check",
        "--strict",
        "seeds/gaza-ceasefire-2023.ron",
        "seeds/final-status-plans.ron",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(!stdout(&o).contains("warning"), "{}", stdout(&o));
}

#[test]
fn rank_all_perspectives_prints_the_matrix_and_what_none_rules_out() {
    let o = concord(&[
        "rank",
        "seeds/gaza-ceasefire-2023.ron",
        "--all-perspectives",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("proposal"), "{text}");
    assert!(text.contains("ruled out"), "{text}");
    // Only the forum that is silent on most red lines is ruled out by no one, and the
    // sentence says that it meets them by silence.
    assert!(
        text.contains("Acceptable to all (no perspective rules it out): Aqaba+; but Aqaba+ is silent on some perspectives' red lines"),
        "{text}"
    );

    let o = concord(&[
        "rank",
        "seeds/gaza-ceasefire-2023.ron",
        "--all-perspectives",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["acceptable_to_all"], serde_json::json!(["aqaba-plus"]));
    let api = &v["proposals"][0];
    assert_eq!(api["id"], "api");
    // Column 4 is Hamas (2017 document): the criteria weights first, then file order.
    assert_eq!(v["columns"][4]["perspective"], "hamas-2017");
    assert_eq!(api["results"][4]["verdict"], "ruled out");
    assert_eq!(
        api["results"][4]["red_lines_crossed"],
        serde_json::json!(["recognition"])
    );

    let o = concord(&[
        "rank",
        "seeds/gaza-ceasefire-2023.ron",
        "--all-perspectives",
        "--format",
        "csv",
    ]);
    let csv = stdout(&o);
    assert!(csv.starts_with(
        "proposal_id,proposal,perspective_id,perspective,total,rank,verdict,ruled_out_by,not_addressed\n"
    ));
    assert_eq!(
        csv.lines().count(),
        1 + 5 * 13,
        "a row per proposal and column"
    );

    let o = concord(&["rank", "seeds/gaza-ceasefire-2023.ron", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2), "json is for --all-perspectives");
}

#[test]
fn analyze_under_a_perspective_lists_what_its_red_lines_rule_out() {
    let o = concord(&[
        "analyze",
        "seeds/gaza-ceasefire-2023.ron",
        "--perspective",
        "hamas-2017",
        "--draws",
        "200",
    ]);
    let text = stdout(&o);
    assert!(text.contains("Red lines of hamas-2017: proposals it does not accept\napi: ruled out (on recognition)\n"), "{text}");
    assert!(
        text.contains("the first proposal it accepts is «Aqaba+»"),
        "{text}"
    );
}

#[test]
fn check_strict_lists_content_findings_with_their_positions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesson.ron");
    let mut s = concord::synth::scenario(3, 3, 1);
    s.sources[0].url = "https://example.org/source".into();
    for sc in &mut s.scores {
        sc.rationale = format!("The source says so for {}.", sc.proposal);
    }
    concord::io::save_path(&s, &path).unwrap();
    let file = path.to_str().unwrap();
    let o = concord(&["check", "--strict", file]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("ok (strict)"));

    s.scores[4].evidence.clear();
    s.scores[5].rationale = "Full withdrawal.".into();
    concord::io::save_path(&s, &path).unwrap();
    let o = concord(&["check", "--strict", file]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&format!("{file}:")) && lines[0].contains(": warning: no evidence: "),
        "{out}"
    );
    assert!(lines[1].contains(": warning: not attributed: "), "{out}");
    // Without --strict the file is valid.
    assert_eq!(concord(&["check", file]).status.code(), Some(0));
}

/// The thirty students' files of `tests/data/round/`, in order.
fn students() -> Vec<String> {
    (1..=30)
        .map(|i| format!("tests/data/round/student-{i:02}.ron"))
        .collect()
}

#[test]
fn round_lists_every_file_and_prints_the_group_ranking() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("round.ron");
    let mut args = vec![
        "round".to_owned(),
        "tests/data/round/template.ron".to_owned(),
    ];
    args.extend(students());
    for f in [
        "broken",
        "empty",
        "extra-criterion",
        "other-scales",
        "other-scenario",
        "same-author-a",
        "same-author-b",
    ] {
        args.push(format!("tests/data/round/hostile/{f}.ron"));
    }
    // The same file twice, and the template itself.
    args.push("tests/data/round/student-01.ron".into());
    args.push("tests/data/round/template.ron".into());
    args.extend(["-o".to_owned(), saved.display().to_string()]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = concord(&refs);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for line in [
        "tests/data/round/student-01.ron: added as «Student 01»",
        "tests/data/round/hostile/broken.ron: does not load; not added\n  tests/data/round/hostile/broken.ron:4:17:",
        "tests/data/round/hostile/empty.ron:1:1: the file is empty",
        "tests/data/round/hostile/extra-criterion.ron: criterion \"my-own-test\" is not in the template: left out",
        "tests/data/round/hostile/other-scales.ron: shares no criterion (on the same scale) or no proposal",
        "tests/data/round/hostile/other-scenario.ron: shares no criterion",
        "added as «Same Author (same-author-b)»",
        "tests/data/round/student-01.ron: already in this round, or the lesson itself; not added again",
        "tests/data/round/template.ron: already in this round, or the lesson itself; not added again",
        "33 student readings in this round.",
        "API × Ends the Gaza blockade: the same reason from Student 07, Student 08",
    ] {
        assert!(out.contains(line), "{line}\n---\n{out}");
    }
    // What it prints is what the saved round says.
    let round = concord::io::load_path(&saved).unwrap();
    assert_eq!(
        round
            .perspectives
            .iter()
            .filter(|p| p.kind == concord::model::PerspectiveKind::Student)
            .count(),
        33
    );
    let r = concord::analysis::round::round(&round);
    let c = r.concordance.unwrap();
    assert!(out.contains(&format!("Kendall's W = {:.2}", c.w)), "{out}");
    let first = round.proposals[r.by_borda[0]].label();
    assert!(out.contains(&format!("By Borda count: {first}, ")), "{out}");
    // A saved round is not overwritten without --force; with it, it is.
    let again = concord(&refs);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("exists; give another name, or --force"));
}

#[test]
fn round_as_json_and_csv() {
    let mut args = vec!["round", "tests/data/round/template.ron"];
    let files = students();
    args.extend(files.iter().take(5).map(String::as_str));
    args.push("tests/data/round/hostile/broken.ron");
    args.extend(["--format", "json"]);
    let o = concord(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["readings"], 5);
    assert_eq!(v["files"][5]["status"], "broken");
    assert!(v["files"][5]["errors"][0]
        .as_str()
        .unwrap()
        .contains("broken.ron:4:17"));
    let w = v["kendall_w"]["w"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&w));
    assert_eq!(v["agenda"].as_array().unwrap().len(), 3);
    // The problem also reaches standard error, for the teacher.
    assert!(stderr(&o).contains("broken.ron: does not load"));

    let n = args.len();
    args[n - 1] = "csv";
    let csv = stdout(&concord(&args));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "proposal_id,proposal,borda,borda_rank,mean_total,lowest,highest,readings"
    );
    assert_eq!(lines.len(), 1 + 5);
    assert!(lines[1].ends_with(",5"), "{csv}");
}

#[test]
fn a_round_without_any_readable_file_fails() {
    let o = concord(&[
        "round",
        "tests/data/round/template.ron",
        "tests/data/round/hostile/empty.ron",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no student's file could be added"));
}

#[test]
fn diff_of_two_files_names_each_change_with_both_reasons_and_the_new_ranking() {
    // A student's copy: one cell re-scored with the student's own reason.
    let template = concord::io::load_path(Path::new("tests/data/round/template.ron")).unwrap();
    let mut copy = template.clone();
    let at = copy.score_position("blockade", "abraham").unwrap();
    copy.scores[at].value = Some(concord::model::ScoreValue::Level(3));
    copy.scores[at].rationale = "My reading: the accords' trade would open the crossings.".into();
    copy.criteria[0].weight = 4.0;
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("copy.ron");
    concord::io::save_path(&copy, &b).unwrap();
    let b = b.display().to_string();
    let o = concord(&["diff", "tests/data/round/template.ron", &b]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Criterion “Ends the Gaza blockade”: weight 1 → 4"),
        "{out}"
    );
    assert!(
        out.contains("“Ends the Gaza blockade” × “Abraham”: Not addressed → Strong, rationale changed\n    was: The teacher's reading of the lesson's sources.\n    now: My reading: the accords' trade would open the crossings."),
        "{out}"
    );
    // The effect on the ranking: Abraham moves up from last.
    let after = concord::scoring::Evaluation::new(&copy, concord::scoring::WeightSet::Base);
    let abraham = copy.proposal_index("abraham").unwrap();
    let rank = after.standings[abraham].rank.unwrap();
    assert!(rank < 5);
    assert!(out.contains(&format!("{rank}. Abraham (")), "{out}");
    assert!(out.contains("was 5. (15.6)"), "{out}");

    let v: serde_json::Value = serde_json::from_str(&stdout(&concord(&[
        "diff",
        "tests/data/round/template.ron",
        &b,
        "--format",
        "json",
    ])))
    .unwrap();
    let cell = v["differences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["part"] == "cell")
        .unwrap();
    assert_eq!(cell["proposal"], "abraham");
    assert_eq!(
        cell["new_rationale"],
        "My reading: the accords' trade would open the crossings."
    );
    assert_eq!(v["ranking_before"].as_array().unwrap().len(), 5);

    let same = concord(&["diff", &b, &b]);
    assert!(stdout(&same).starts_with("No differences.\n"));
}

#[test]
fn diff_of_two_proposals_lines_up_their_provisions() {
    let o = concord(&[
        "diff",
        "seeds/gaza-ceasefire-2023.ron",
        "--proposals",
        "api",
        "land-for-all",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("API and Confederation, provision by provision\n"));
    assert!(out.contains(
        "\nJerusalem and the holy sites\n  API: A sovereign Palestinian state in the West Bank and Gaza with East Jerusalem as its capital.\n  Confederation: Jerusalem as a shared capital.\n"
    ), "{out}");
    assert!(
        out.contains("\nEnds the Gaza blockade\n  API: —\n"),
        "{out}"
    );
    assert!(
        out.contains("In Confederation, not in API: Ends the Gaza blockade"),
        "{out}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&concord(&[
        "diff",
        "seeds/gaza-ceasefire-2023.ron",
        "--proposals",
        "API",
        "Confederation",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(v["a"], "api");
    assert!(v["only_b"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("blockade")));
    let bad = concord(&[
        "diff",
        "seeds/gaza-ceasefire-2023.ron",
        "--proposals",
        "api",
        "nobody",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("no proposal named \"nobody\""));
    let none = concord(&["diff", "seeds/gaza-ceasefire-2023.ron"]);
    assert_eq!(none.status.code(), Some(2), "a second file or --proposals");
}

#[test]
fn export_writes_each_format_and_never_over_a_file_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("lesson.ron");
    std::fs::copy("seeds/gaza-ceasefire-2023.ron", &lesson).unwrap();
    let l = lesson.display().to_string();
    for (to, ext) in [
        ("html", "html"),
        ("md", "md"),
        ("xlsx", "xlsx"),
        ("csv", "csv"),
    ] {
        let o = concord(&["export", &l, "--to", to]);
        assert_eq!(o.status.code(), Some(0), "{to}: {}", stderr(&o));
        let written = lesson.with_extension(ext);
        assert!(stdout(&o).contains(&format!("wrote {}", written.display())));
        assert!(std::fs::metadata(&written).unwrap().len() > 1000, "{to}");
        // A second export does not replace it without -o.
        let again = concord(&["export", &l, "--to", to]);
        assert_eq!(again.status.code(), Some(2), "{to}");
        assert!(stderr(&again).contains("exists; give -o"));
    }
    let html = std::fs::read_to_string(lesson.with_extension("html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Text formats to standard output, under a perspective.
    let md = concord(&[
        "export",
        &l,
        "--to",
        "md",
        "--perspective",
        "essay-authors",
        "-o",
        "-",
    ]);
    assert_eq!(md.status.code(), Some(0));
    assert!(stdout(&md).starts_with("# After the Gaza cease-fire"));
    let xlsx = concord(&["export", &l, "--to", "xlsx", "-o", "-"]);
    assert_eq!(xlsx.status.code(), Some(2), "a workbook is not text");
    let bad = concord(&[
        "export",
        &l,
        "--to",
        "html",
        "--perspective",
        "nobody",
        "-o",
        "-",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn import_prints_what_it_inferred_and_writes_a_checked_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("coded.ron");
    let o_path = out.display().to_string();
    let o = concord(&[
        "import",
        "tests/data/import/bom-semicolon-crlf.csv",
        "-o",
        &o_path,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!(
            "3 proposals from the column \"Agreement\"\n\
             their dates from the column \"Year\"\n\
             criterion \"Ceasefire\": yes/no (weight 0: presence is not merit), higher is better\n\
             criterion \"Elections\": yes/no (weight 0: presence is not merit), higher is better\n\
             left out (text): Notes\n\
             wrote {o_path}: 3 proposals, 2 criteria, 5 scored cells\n"
        )
    );
    let check = concord(&["check", "--strict", &o_path]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    // Never over an existing file.
    let again = concord(&[
        "import",
        "tests/data/import/bom-semicolon-crlf.csv",
        "-o",
        &o_path,
    ]);
    assert_eq!(again.status.code(), Some(2));
    // Chosen columns, and proposals across the columns.
    let out2 = dir.path().join("plans.ron").display().to_string();
    let o = concord(&[
        "import",
        "tests/data/import/criteria-as-rows.tsv",
        "--rows",
        "criteria",
        "--criteria",
        "Borders",
        "-o",
        &out2,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = concord::io::load_path(Path::new(&out2)).unwrap();
    assert_eq!(s.criteria.len(), 1);
    assert_eq!(s.proposals.len(), 3);
    let bad = concord(&[
        "import",
        "tests/data/import/latin1.csv",
        "-o",
        &dir.path().join("x.ron").display().to_string(),
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("row 3, column 4: this is not UTF-8 text"));
    let no_col = concord(&[
        "import",
        "tests/data/import/bom-semicolon-crlf.csv",
        "--name",
        "Nope",
        "-o",
        &dir.path().join("y.ron").display().to_string(),
    ]);
    assert_eq!(no_col.status.code(), Some(2));
    assert!(stderr(&no_col).contains("no column named \"Nope\""));
}

#[test]
fn every_perspective_exports_as_json_the_same_as_rank_prints_it() {
    let exported = concord(&[
        "export",
        "seeds/gaza-ceasefire-2023.ron",
        "--to",
        "json",
        "-o",
        "-",
    ]);
    assert_eq!(exported.status.code(), Some(0), "{}", stderr(&exported));
    let ranked = concord(&[
        "rank",
        "seeds/gaza-ceasefire-2023.ron",
        "--all-perspectives",
        "--format",
        "json",
    ]);
    assert_eq!(stdout(&exported), stdout(&ranked));
    let v: serde_json::Value = serde_json::from_slice(&exported.stdout).expect("valid JSON");
    assert_eq!(v["acceptable_to_all"], serde_json::json!(["aqaba-plus"]));
    // It holds every perspective already: a perspective given is a usage error.
    let o = concord(&[
        "export",
        "seeds/gaza-ceasefire-2023.ron",
        "--to",
        "json",
        "--perspective",
        "qatar",
        "-o",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("has every perspective already"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    let o = concord(&["--version"]);
    assert!(o.status.success());
    let line = stdout(&o);
    assert!(
        line.starts_with(&format!("concord {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{line}"
    );
    // The commit this checkout is at, when it is one (the build script read the same).
    let head = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    let expected = head.unwrap_or_else(|| "unknown".into());
    assert!(
        line.contains(&format!("(commit {expected})")),
        "{line} vs {expected}"
    );
    assert_eq!(
        line.trim(),
        format!("concord {}", concord::about::VERSION_LINE)
    );
}

#[test]
fn serve_runs_a_live_round_and_saves_the_answers_to_a_new_file() {
    use std::io::{BufRead, BufReader, Write};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lesson.ron");
    std::fs::copy("seeds/gaza-ceasefire-2023.ron", &file).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args([
            "serve",
            file.to_str().unwrap(),
            "--addr",
            "127.0.0.1",
            "--port",
            "0",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next = |starts: &str| loop {
        let line = lines.next().expect("a line").unwrap();
        if let Some(rest) = line.strip_prefix(starts) {
            return rest.to_owned();
        }
    };
    let address = next("Live round: students open ");
    let code = next("Join code: ");
    // A student joins and sends a weight over HTTP.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into();
    let r = agent
        .post(&format!("{address}join"))
        .send_form([("code", code.as_str()), ("name", "Ada")])
        .unwrap();
    let seat = r.headers()["location"].to_str().unwrap().to_owned();
    let r = agent
        .post(&format!("{}{seat}", address.trim_end_matches('/')))
        .send_form([("w.0", "3")])
        .unwrap();
    assert_eq!(r.status(), 303);
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "status").unwrap();
    assert_eq!(next("1 joined"), ", 1 sent their answers.");
    writeln!(stdin, "close").unwrap();
    let ended = next("The round ended: ");
    assert!(child.wait().unwrap().success());
    let saved = dir.path().join(format!("lesson-round-{code}.ron"));
    assert!(ended.ends_with(&saved.display().to_string()), "{ended}");
    let round = concord::io::load_path(&saved).unwrap();
    let ada = round.perspectives.iter().find(|p| p.name == "Ada").unwrap();
    assert_eq!(ada.kind, concord::model::PerspectiveKind::Student);
    assert_eq!(ada.weights.values().next(), Some(&3.0));
    // The teacher's own file is untouched.
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        std::fs::read_to_string("seeds/gaza-ceasefire-2023.ron").unwrap()
    );
}

#[test]
fn serve_without_an_address_picks_one_network_and_lists_the_others() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lesson.ron");
    std::fs::copy("seeds/gaza-ceasefire-2023.ron", &file).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["serve", file.to_str().unwrap(), "--port", "0"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "close").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Networks of this computer:"), "{text}");
    let serving = text
        .lines()
        .find_map(|l| l.strip_prefix("Serving on "))
        .expect("which address");
    let ip = serving.split(' ').next().unwrap();
    // One address a phone can open, never "all of them" (0.0.0.0).
    assert_ne!(ip, "0.0.0.0");
    assert!(
        text.contains(&format!("Live round: students open http://{ip}:")),
        "{text}"
    );
    // Nothing was sent: nothing is saved.
    assert!(
        text.contains("no one sent answers, nothing was saved"),
        "{text}"
    );
    let saved: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(saved.len(), 1, "only the lesson");
}
