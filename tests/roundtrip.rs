//! Saving and loading: round trip as a property, canonical form, atomic replacement.

use std::collections::BTreeMap;

use concord::io::{
    load_path, load_str, save_path, to_ron_string, write_atomically_with, SaveError,
};
use concord::model::coded::CODED_FROM;
use concord::model::{
    Citation, Criterion, Direction, Perspective, Proposal, Provision, Scale, Scenario, Score,
    ScoreValue, Source, FORMAT_VERSION,
};
use proptest::prelude::*;

/// Any text, including quotes, backslashes, `"#`, newlines and non-Latin scripts.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,20}",
        Just("quote \" and r#\"raw\"# and \\ backslash".to_owned()),
        Just("مبادرة السلام العربية — ארץ לכולם\nsecond line\r\n\ttab".to_owned()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    text().prop_map(|s| {
        if s.trim().is_empty() {
            format!("name{s}x")
        } else {
            s
        }
    })
}

fn finite(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![
        lo..hi,
        Just(lo),
        Just(hi),
        Just(0.1),
        Just(1e-300_f64.max(lo))
    ]
    .prop_map(move |x: f64| x.clamp(lo, hi))
}

fn scale() -> impl Strategy<Value = Scale> {
    prop_oneof![
        (finite(-1e6, 1e6), finite(1e-3, 1e6), finite(1e-3, 100.0)).prop_map(
            |(min, span, step)| Scale::Numeric {
                min,
                max: min + span,
                step
            }
        ),
        prop::collection::vec(name(), 2..6).prop_map(Scale::Levels),
        Just(Scale::YesNo),
    ]
}

fn value_for(scale: &Scale) -> BoxedStrategy<Option<ScoreValue>> {
    let v: BoxedStrategy<ScoreValue> = match scale.clone() {
        Scale::Numeric { min, max, .. } => (0.0..=1.0f64)
            .prop_map(move |t| ScoreValue::Number((min + t * (max - min)).clamp(min, max)))
            .boxed(),
        Scale::Levels(l) => (0..l.len() as u32).prop_map(ScoreValue::Level).boxed(),
        Scale::YesNo => any::<bool>().prop_map(ScoreValue::Bool).boxed(),
    };
    // A silent text now and then (format 5), on any scale.
    let v = prop_oneof![4 => v, 1 => Just(ScoreValue::Silent)];
    prop::option::of(v).boxed()
}

fn citation(n_sources: usize) -> impl Strategy<Value = Citation> {
    (0..n_sources, text(), text(), 0u8..4).prop_map(|(i, locator, note, kind)| Citation {
        source: format!("s{i}"),
        locator,
        note,
        kind: match kind {
            1 => Some(concord::model::EvidenceKind::OwnWords),
            2 => Some(concord::model::EvidenceKind::Commentary),
            _ => None,
        },
    })
}

prop_compose! {
    fn arb_scenario()(
        n_s in 1usize..3, n_p in 0usize..4,
        scales in prop::collection::vec((scale(), finite(0.0, 100.0), any::<bool>(), name(), text()), 0..4),
        title in name(), description in text(), authors in prop::collection::vec(text(), 0..3),
    )(
        sources in prop::collection::vec((name(), text(), text(), text()), n_s..=n_s),
        proposals in prop::collection::vec(
            (name(), text(), text(), text(), prop::collection::vec(text(), 0..3),
             prop::collection::vec(text(), 0..3), prop::option::of("#[0-9a-f]{6}"),
             prop::collection::vec(citation(n_s), 0..2)),
            n_p..=n_p),
        cells in scales.iter().map(|(s, ..)| prop::collection::vec(
            (value_for(s), text(), prop::collection::vec(citation(n_s), 0..2), value_for(s)), n_p..=n_p)
        ).collect::<Vec<_>>(),
        perspective in prop::option::of((name(), text(), prop::collection::vec(finite(0.0, 10.0), scales.len()..=scales.len()))),
        scales in Just(scales), title in Just(title), description in Just(description), authors in Just(authors),
        silence_left_out in any::<bool>(),
    ) -> Scenario {
        let criteria: Vec<Criterion> = scales.iter().enumerate().map(|(k, (scale, weight, lower, name, description))| Criterion {
            id: format!("c{k}"),
            name: name.clone(),
            description: description.clone(),
            group: if k % 2 == 0 { "Group".into() } else { String::new() },
            weight: *weight,
            scale: scale.clone(),
            direction: if *lower { Direction::LowerIsBetter } else { Direction::HigherIsBetter },
        }).collect();
        let proposals: Vec<Proposal> = proposals.into_iter().enumerate().map(|(i, (name, short, summary, status, parties, provisions, colour, sources))| Proposal {
            id: format!("p{i}"),
            name,
            short_name: short,
            summary,
            status,
            parties,
            provisions: provisions.into_iter().map(|text| Provision { text, criteria: criteria.iter().take(1).map(|c| c.id.clone()).collect() }).collect(),
            colour: colour.unwrap_or_default(),
            sources,
            ..Proposal::default()
        }).collect();
        let mut scores = Vec::new();
        for (k, row) in cells.into_iter().enumerate() {
            for (i, (value, rationale, evidence, written_for)) in row.into_iter().enumerate() {
                // The mark stands only beside a reason, and for another value than the cell's.
                let reason_written_for = written_for.filter(|w| Some(*w) != value && !rationale.trim().is_empty());
                scores.push(Score { criterion: format!("c{k}"), proposal: format!("p{i}"), value, rationale, evidence, reason_written_for });
            }
        }
        let mut s = Scenario {
            format: FORMAT_VERSION,
            title,
            description,
            authors,
            sources: sources.into_iter().enumerate().map(|(i, (title, publication, date, url))| Source {
                id: format!("s{i}"), title, authors: vec![], publication, date, url,
            }).collect(),
            perspectives: perspective.into_iter().map(|(name, description, w)| Perspective {
                id: "view".into(), name, description,
                // A party that wants less of some criteria (format 5), here those it weighs most.
                prefers_less: criteria.iter().zip(&w).filter(|(_, w)| **w > 7.0).map(|(c, _)| c.id.clone()).collect(),
                weights: criteria.iter().zip(w).map(|(c, w)| (c.id.clone(), w)).collect::<BTreeMap<_, _>>(),
                ..Perspective::default()
            }).collect(),
            criteria,
            proposals,
            scores,
            chosen_perspective: None,
            silence: if silence_left_out { concord::model::Silence::LeftOut } else { concord::model::Silence::CountsAsLowest },
            handout: None,
            coded: None,
        };
        // Files are written in the oldest format that holds them, and read as such.
        s.format = s.needed_format();
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn load_of_save_is_identity(s in arb_scenario()) {
        let text = to_ron_string(&s).unwrap();
        let back = load_str("generated.ron", &text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &s);
        // Canonical: saving what was loaded gives the same bytes.
        prop_assert_eq!(to_ron_string(&back).unwrap(), text);
    }
}

#[test]
fn saving_twice_gives_identical_bytes_and_fmt_is_stable() {
    let s = concord::seeds::default_scenario().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    save_path(&s, &a).unwrap();
    let first = std::fs::read(&a).unwrap();
    save_path(&load_path(&a).unwrap(), &a).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), first);
}

#[test]
fn scores_are_put_in_canonical_order_on_load() {
    let mut s = concord::synth::scenario(3, 2, 1);
    let canonical = to_ron_string(&s).unwrap();
    s.scores.reverse();
    let shuffled = to_ron_string(&s).unwrap();
    assert_ne!(shuffled, canonical);
    let loaded = load_str("shuffled.ron", &shuffled).unwrap();
    assert_eq!(to_ron_string(&loaded).unwrap(), canonical);
}

#[test]
fn hand_written_files_may_write_some_or_leave_it_out() {
    let base = std::fs::read_to_string("tests/data/valid.ron").unwrap();
    let explicit = base.replace("value: Number(3.0)", "value: Some(Number(3.0))");
    assert_ne!(base, explicit);
    assert_eq!(
        load_str("a", &base).unwrap(),
        load_str("b", &explicit).unwrap()
    );
}

fn old_file(dir: &std::path::Path) -> (std::path::PathBuf, Vec<u8>) {
    let path = dir.join("scenario.ron");
    save_path(&concord::seeds::default_scenario().unwrap(), &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

fn dir_entries(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn failed_write_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = old_file(dir.path());
    // The write fails half-way, as on a full disk.
    let result = write_atomically_with(&path, |f| {
        use std::io::Write;
        f.write_all(b"Scenario(format: 1, title: \"half")?;
        Err(std::io::Error::other("No space left on device"))
    });
    let err = result.unwrap_err();
    assert!(matches!(
        err,
        SaveError::Io {
            action: "writing the temporary file",
            ..
        }
    ));
    assert!(err.to_string().contains("No space left on device"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        dir_entries(dir.path()),
        vec!["scenario.ron"],
        "no temporary file left behind"
    );
}

#[test]
fn failed_rename_leaves_the_target_intact() {
    let dir = tempfile::tempdir().unwrap();
    // A folder with content where the file should go: the rename must fail.
    let target = dir.path().join("taken.ron");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep.txt"), "keep").unwrap();
    let err = save_path(&Scenario::default(), &target).unwrap_err();
    assert!(err.to_string().contains("replacing the file"), "{err}");
    assert_eq!(
        std::fs::read_to_string(target.join("keep.txt")).unwrap(),
        "keep"
    );
    assert_eq!(dir_entries(dir.path()), vec!["taken.ron"]);
}

#[test]
fn save_into_a_read_only_or_missing_folder_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = old_file(dir.path());
    let missing = dir.path().join("no-such-folder").join("x.ron");
    let err = save_path(&Scenario::default(), &missing).unwrap_err();
    assert!(
        err.to_string()
            .contains("creating a temporary file in the same folder"),
        "{err}"
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let probe = std::fs::File::create(dir.path().join("probe"));
        let result = save_path(&Scenario::default(), &path);
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        if probe.is_err() {
            // Folder permissions are enforced (not running as root): the save is refused.
            let err = result.unwrap_err();
            assert!(err.to_string().contains("Permission denied"), "{err}");
            assert_eq!(std::fs::read(&path).unwrap(), before);
        } else {
            // Root ignores folder permissions; the save must then be complete, not partial.
            result.unwrap();
            assert_eq!(load_path(&path).unwrap(), Scenario::default());
        }
    }
}

/// A process id that is not running: a child's, once it has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true")
        .spawn()
        .expect("a child runs");
    let pid = child.id();
    child.wait().expect("it ends");
    pid
}

/// A file written `age` ago.
fn write_aged(path: &std::path::Path, age: std::time::Duration) {
    std::fs::write(path, b"half a save").unwrap();
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(std::time::SystemTime::now() - age).unwrap();
}

#[test]
#[cfg(target_os = "linux")]
fn temporary_files_of_killed_saves_go_at_the_next_save() {
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.ron");
    std::fs::copy("tests/data/valid.ron", &path).unwrap();
    let dead = dead_pid();
    let stale = dir.path().join(format!(".kept.ron.{dead}-0.tmp"));
    let young = dir.path().join(format!(".kept.ron.{dead}-1.tmp"));
    let running = dir.path().join(".kept.ron.1-0.tmp");
    let other = dir.path().join(format!(".other.ron.{dead}-0.tmp"));
    write_aged(&stale, Duration::from_secs(120));
    write_aged(&young, Duration::ZERO);
    write_aged(&running, Duration::from_secs(120));
    write_aged(&other, Duration::from_secs(120));
    let scenario = concord::io::load_path(&path).unwrap();
    concord::io::save_path(&scenario, &path).unwrap();
    assert!(
        !stale.exists(),
        "a killed save's file, over a minute old, goes"
    );
    assert!(young.exists(), "one that may still be being written stays");
    assert!(running.exists(), "one whose process runs stays");
    assert!(other.exists(), "another file's stays");
    // The age is a parameter: with none, the young one goes too.
    let removed = concord::io::remove_stale_temps(dir.path(), &path, Duration::ZERO);
    assert_eq!(removed, 1);
    assert!(!young.exists());
}

#[test]
fn a_save_writes_exactly_the_canonical_text() {
    let s = concord::synth::scenario(30, 20, 4);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("streamed.ron");
    save_path(&s, &path).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        to_ron_string(&s).unwrap()
    );
}

/// A dataset of plain cells (an import's shape) with one unscored cell and one with a reason.
fn plain_dataset() -> Scenario {
    let mut s = concord::synth::plain_scenario(120, 30, 11);
    s.scores[7].rationale = "Coded by hand.".into();
    s.scores.remove(20);
    s
}

#[test]
fn a_large_dataset_is_written_as_coded_rows_and_reads_back_the_same() {
    let s = plain_dataset();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dataset.ron");
    save_path(&s, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("    format: 4,"), "coded rows need format 4");
    assert!(text.contains("coded: Coded("));
    assert_eq!(
        text.matches("Score(").count(),
        1,
        "only the cell with a reason is listed"
    );
    let back = load_path(&path).unwrap();
    assert_eq!(back.scores, s.scores);
    assert_eq!(back.proposals, s.proposals);
    assert!(back.coded.is_none(), "in memory every cell is a score");
    // Saved again, the same bytes; the whole file is a fraction of the listed form.
    save_path(&back, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let mut listed = plain_dataset();
    listed.scores.truncate(CODED_FROM - 1);
    let listed = to_ron_string(&listed).unwrap();
    assert!(
        text.len() * 3 < listed.len(),
        "{} vs {}",
        text.len(),
        listed.len()
    );
}

#[test]
fn a_damaged_coded_row_is_said_with_its_line_and_nothing_loads() {
    let text = to_ron_string(&plain_dataset()).unwrap();
    // The third row loses a value.
    let third = text.find("(\"p2\", \"").expect("the third row");
    let values = third + "(\"p2\", \"".len();
    let end = values + text[values..].find(',').unwrap() + 1;
    let mut broken = text.clone();
    broken.replace_range(values..end, "");
    let e = load_str("dataset.ron", &broken).unwrap_err();
    let lines = e.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let line_no = text[..third].lines().count();
    assert!(
        lines[0].starts_with(&format!("dataset.ron:{line_no}:")),
        "{lines:?} should point at line {line_no}"
    );
    assert!(lines[0].contains("29 values for 30 criteria"), "{lines:?}");
}
