//! Loading any bytes as a scenario: no panic, no abort, and a loaded scenario round-trips.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| concord::io::fuzzing::load(data));
