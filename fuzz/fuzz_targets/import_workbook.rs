//! Importing any bytes as a workbook (.xlsx, .xlsb, .xls, .ods): no panic, no abort, and a
//! table imports as a scenario that validates.
#![no_main]

use std::sync::Once;

static QUIET: Once = Once::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // libFuzzer's panic hook aborts at once, even on a panic the importer catches and
    // reports (calamine can panic on a damaged sheet); a panic that escapes the importer
    // still fails the run, through libFuzzer's own catch around this target.
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    concord::io::fuzzing::import_workbook(data)
});
