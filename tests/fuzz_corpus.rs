//! The fuzz targets' seed corpus run as an ordinary test: every file in
//! `fuzz/corpus/<target>/` goes through the property its target checks
//! (`concord::io::fuzzing`), so a regression of a crash fuzzing once found fails CI
//! without the nightly toolchain. Crashes found are kept there as `seed-crash-*` files.

use std::path::Path;

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).expect("a corpus file reads");
            (p.display().to_string(), bytes)
        })
        .collect();
    files.sort();
    files
}

fn run_all(target: &str, check: fn(&[u8])) {
    let files = corpus(target);
    assert!(
        files.len() >= 10,
        "the {target} corpus has only {} files; its seeds are missing",
        files.len()
    );
    for (name, bytes) in files {
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(outcome.is_ok(), "{target}: {name} fails its check");
    }
}

#[test]
fn the_load_corpus_loads_or_is_refused_and_round_trips() {
    run_all("load", concord::io::fuzzing::load);
}

#[test]
fn the_fast_reader_corpus_agrees_with_ron() {
    run_all("fast_reader", concord::io::fuzzing::fast_reader);
}

#[test]
fn the_import_corpus_imports_or_is_refused() {
    run_all("import_csv", concord::io::fuzzing::import_csv);
}

#[test]
fn the_workbook_corpus_imports_or_is_refused() {
    run_all("import_workbook", concord::io::fuzzing::import_workbook);
}
