//! Any bytes, read as one rule file; a rule that loads runs its examples
//! and is assigned over a small text. The body is shared with
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    harness::rule(data);
});
