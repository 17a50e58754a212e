//! The fast scores reader against RON: they agree, or the fast reader declines.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| concord::io::fuzzing::fast_reader(data));
