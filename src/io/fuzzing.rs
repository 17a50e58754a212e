//! The properties the fuzz targets in `fuzz/` check, shared with `tests/fuzz_corpus.rs`,
//! which runs every file of their seed corpus through them as an ordinary test. Each
//! function panics when the property does not hold; any other outcome is a pass.

use super::fast_scores;
use super::ron_options;
use super::{load_bytes, load_str, to_ron_string};
use crate::model::Scenario;

/// Loading any bytes returns a scenario or a located error, never a panic or an abort; a
/// scenario that loads saves to text that loads back to the same scenario.
pub fn load(bytes: &[u8]) {
    let Ok(scenario) = load_bytes("fuzz.ron", bytes) else {
        return;
    };
    let text =
        to_ron_string(&scenario).unwrap_or_else(|e| panic!("a loaded scenario does not save: {e}"));
    match load_str("fuzz.ron", &text) {
        Ok(again) => assert!(
            again == scenario,
            "saving and loading changed the scenario:\n{text}"
        ),
        Err(e) => panic!("a loaded scenario saved to text that does not load: {e}\n{text}"),
    }
}

/// The fast scores reader agrees with RON: whatever it accepts, RON reads the same way,
/// and reading the list in parallel chunks gives what reading it in one piece gives.
pub fn fast_reader(bytes: &[u8]) {
    let Ok(src) = std::str::from_utf8(bytes) else {
        return;
    };
    if super::nesting::too_deep(src).is_some() {
        return; // refused before either reader sees it
    }
    if let Some(fast) = fast_scores::read_scenario(src) {
        let by_ron: Option<Scenario> = ron_options().from_str(src).ok();
        assert!(
            same(&by_ron, &Some(fast)),
            "the fast reader accepted what RON reads otherwise:\n{src}"
        );
    }
    for threads in [2, 3, 7] {
        if let Some(parallel) = fast_scores::read_body_in_parallel(src, threads) {
            assert!(
                same(&fast_scores::read_body(src), &Some(parallel)),
                "{threads} chunks read a list otherwise than one piece:\n{src}"
            );
        }
    }
}

/// Equal, counting NaN as equal to itself (validation refuses it later; both readers
/// must still read it alike) and telling -0.0 from 0.0.
fn same<T: std::fmt::Debug>(a: &T, b: &T) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

/// Any bytes as a delimited table: a table or an error, never a panic; a table makes a
/// scenario that validates, whatever its cells hold.
pub fn import_csv(bytes: &[u8]) {
    use super::import::{build, suggest, table_from_text};
    if let Ok(t) = table_from_text("fuzz.csv", bytes) {
        let m = suggest(&t);
        let s = build(&t, &m, "fuzz.csv");
        assert!(
            super::validate(&s).is_empty(),
            "an imported table makes an invalid scenario: {:?}",
            super::validate(&s)
        );
        let _ = t.transposed();
    }
}

/// Any bytes as a workbook (.xlsx, .xlsb, .xls, .ods): a table or an error, never a panic;
/// a table makes a scenario that validates.
pub fn import_workbook(bytes: &[u8]) {
    use super::import::{build, suggest, table_from_workbook};
    if let Ok(t) = table_from_workbook("fuzz.xlsx", bytes.to_vec(), None) {
        let s = build(&t, &suggest(&t), "fuzz.xlsx");
        assert!(
            super::validate(&s).is_empty(),
            "an imported workbook makes an invalid scenario: {:?}",
            super::validate(&s)
        );
    }
}
