//! Replays the committed fuzz corpora and saved crash inputs through the
//! very bodies the fuzz targets run (`fuzz/harness.rs`), without libFuzzer,
//! so every input the fuzzer found interesting stays checked by
//! `cargo test`. Long fuzzing runs stay out of CI; see README, "Fuzzing".

use std::fs;
use std::path::{Path, PathBuf};

#[path = "../fuzz/harness.rs"]
mod harness;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file of `fuzz/corpus/<target>/` and `fuzz/regressions/<target>/`,
/// sorted.
fn inputs(target: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["corpus", "regressions"] {
        let dir = repo().join("fuzz").join(folder).join(target);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        files.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file()),
        );
    }
    files.sort();
    files
}

#[test]
fn the_extract_corpus_replays_without_a_panic() {
    let rules = harness::repo_rules(repo());
    let files = inputs("extract");
    assert!(
        files.len() >= 10,
        "the extract corpus is missing: {files:?}"
    );
    for file in files {
        let data = fs::read(&file).unwrap();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            harness::extract(&rules, &data)
        }));
        assert!(outcome.is_ok(), "{} panics", file.display());
    }
}

#[test]
fn the_rules_corpus_replays_without_a_panic() {
    let files = inputs("rules");
    assert!(files.len() >= 10, "the rules corpus is missing: {files:?}");
    for file in files {
        let data = fs::read(&file).unwrap();
        let outcome = std::panic::catch_unwind(|| harness::rule(&data));
        assert!(outcome.is_ok(), "{} panics", file.display());
    }
}

#[test]
fn the_rule_and_text_corpus_replays_without_a_panic() {
    let files = inputs("rule_and_text");
    assert!(
        files.len() >= 10,
        "the rule_and_text corpus is missing: {files:?}"
    );
    for file in files {
        let data = fs::read(&file).unwrap();
        let outcome = std::panic::catch_unwind(|| harness::rule_and_text(&data));
        assert!(outcome.is_ok(), "{} panics", file.display());
    }
}

/// The hand-made seeds (`seed-*`) pair rule files that load with texts, so
/// that the fuzzer starts from rules it can run; a seed whose rule stopped
/// loading would only test the parser.
#[test]
fn the_rule_and_text_seeds_hold_rules_that_load() {
    let seeds: Vec<PathBuf> = inputs("rule_and_text")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))
        })
        .collect();
    assert!(seeds.len() >= 10, "the rule_and_text seeds are missing");
    for file in seeds {
        let text = fs::read_to_string(&file).unwrap();
        let (rule_file, _texts) = text.split_once('\0').unwrap();
        let parsed = crosscheck::rules::parse_rule(Path::new("seed.toml"), rule_file);
        assert!(parsed.is_ok(), "{}: {:?}", file.display(), parsed.err());
    }
}
