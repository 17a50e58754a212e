//! Importing any bytes as a workbook (.xlsx, .xlsb, .xls, .ods): no panic, no abort, and a
//! table imports as a scenario that validates.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| concord::io::fuzzing::import_workbook(data));
