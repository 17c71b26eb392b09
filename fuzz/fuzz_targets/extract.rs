//! Any bytes, read as sources, through the whole pipeline and every
//! renderer. The body is shared with `tests/fuzz_corpus.rs`.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use crosscheck::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

static RULES: OnceLock<RuleSet> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let rules = RULES
        .get_or_init(|| harness::repo_rules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..")));
    harness::extract(rules, data);
});
