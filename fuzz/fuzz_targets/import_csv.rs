//! Importing any bytes as a delimited table: no panic, no abort, and a table imports as a
//! scenario that validates.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| concord::io::fuzzing::import_csv(data));
