//! Any bytes, read as one rule file (up to the first NUL byte) and the
//! texts after it; a rule that loads is the only rule of the whole pipeline
//! and every renderer over those texts. The body is shared with
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    harness::rule_and_text(data);
});
