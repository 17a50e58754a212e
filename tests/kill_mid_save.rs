//! `kill -9` in the middle of a save, 50 times: the file is always the old or the new
//! version, and the temporary files the killed saves leave behind go at the next save.
//!
//! The child is the real `concord fmt`; each kill lands at a seeded random point of its
//! save (from the moment its temporary file appears to the moment it would exit). The
//! scenario is made large enough that the save takes at least 200 ms.
#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use concord::analysis::rng::SplitMix64;
use concord::io::to_ron_string;

const KILLS: usize = 50;
const SAVE_AT_LEAST: Duration = Duration::from_millis(200);

fn fmt(path: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_concord"))
        .arg("fmt")
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("concord fmt starts")
}

/// Concord's temporary files for `target` in its folder.
fn temps(target: &Path) -> Vec<PathBuf> {
    let name = target.file_name().unwrap().to_string_lossy().into_owned();
    let prefix = format!(".{name}.");
    std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(&prefix) && n.ends_with(".tmp")
        })
        .collect()
}

/// Waits for the child's save to start (its temporary file appears); `false` if the
/// child ended first.
fn wait_for_save(child: &mut Child, target: &Path) -> bool {
    loop {
        if !temps(target).is_empty() {
            return true;
        }
        if child
            .try_wait()
            .expect("the child can be waited for")
            .is_some()
        {
            return false;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// The old text (the scenario laid out by hand, tabs for indents) and the new (canonical).
fn versions(proposals: usize, criteria: usize) -> (String, String) {
    let canonical = to_ron_string(&concord::synth::scenario(proposals, criteria, 7)).unwrap();
    (canonical.replace("    ", "\t"), canonical)
}

/// How long an uninterrupted save of `old` takes, from its temporary file to the end.
fn time_one_save(target: &Path, old: &str) -> Duration {
    std::fs::write(target, old).unwrap();
    let mut child = fmt(target);
    assert!(wait_for_save(&mut child, target), "the save never started");
    let started = Instant::now();
    let status = child.wait().unwrap();
    assert!(status.success(), "concord fmt failed: {status}");
    started.elapsed()
}

#[test]
fn killed_saves_leave_the_old_or_the_new_file_and_their_temporary_files_go_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("scenario.ron");

    // Grow the scenario until its save takes long enough to be hit at random points.
    let mut proposals = 100;
    let (old, new, save) = loop {
        let (old, new) = versions(proposals, 100);
        let save = time_one_save(&target, &old);
        if save >= SAVE_AT_LEAST || proposals >= 3_200 {
            break (old, new, save);
        }
        proposals *= 2;
    };
    assert_ne!(old, new);
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        new,
        "fmt writes canonical text"
    );
    assert!(save >= SAVE_AT_LEAST, "the largest save took only {save:?}");

    let mut rng = SplitMix64::new(0x5eed_0c11);
    let mut found_temp = 0;
    for kill in 0..KILLS {
        std::fs::write(&target, &old).unwrap();
        let mut child = fmt(&target);
        let started = wait_for_save(&mut child, &target);
        let delay = save.mul_f64(rng.next_f64());
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        if started && !temps(&target).is_empty() {
            found_temp += 1;
        }
        let now = std::fs::read_to_string(&target).unwrap();
        assert!(
            now == old || now == new,
            "kill {kill} ({delay:?} into the save) left a file that is neither version"
        );
    }
    eprintln!(
        "{found_temp} of {KILLS} kills found a temporary file \
         (a save of {proposals} × 100 cells, {} bytes, {save:?})",
        new.len()
    );
    assert!(
        found_temp >= 40,
        "only {found_temp} of {KILLS} kills landed mid-save: the test is not testing"
    );

    // The killed saves' temporary files are from processes gone; once they are older
    // than a minute, the next save of the file removes them.
    let left = temps(&target);
    assert!(!left.is_empty());
    for temp in &left {
        let f = std::fs::File::options().write(true).open(temp).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(120))
            .unwrap();
    }
    assert!(fmt(&target).wait().unwrap().success());
    assert_eq!(
        temps(&target),
        Vec::<PathBuf>::new(),
        "temporary files survived the save"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), new);
}
