//! `check` at archive scale: N generated reports of one story, through
//! extraction, assignment and comparison. Also the whole binary on the five
//! seeds (start-up included). Run: `cargo bench --bench check`.

mod corpus;

use crosscheck::rules::RuleSet;
use crosscheck::source::{DateOrder, Source, SourceId, SourceMeta};
use divan::Bencher;

/// The allocator the binary ships with, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn sources(n: usize) -> Vec<Source> {
    (0..n)
        .map(|i| {
            let (name, text) = corpus::report(i);
            Source::new(
                SourceId(i as u32),
                name,
                text,
                SourceMeta::default(),
                DateOrder::Mdy,
                None,
            )
        })
        .collect()
}

/// Time should grow linearly from 1,000 to 10,000 sources.
#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn check_generated_sources(bencher: Bencher, n: usize) {
    let rules = RuleSet::load(&[corpus::rules_dir()]).expect("rules load");
    let sources = sources(n);
    bencher.bench(|| {
        let claims = crosscheck::claims_of(&rules, &sources);
        let findings = crosscheck::compare::compare(&rules, &sources, &claims);
        let report = crosscheck::report::Report::new(&sources, &claims, &findings);
        let mut out = Vec::new();
        crosscheck::report::csv::findings(&report, &mut out).expect("csv renders");
        out.len()
    });
}

/// Copies of the five seed articles under the seed rules: the same titles,
/// states and quotations repeated by every copy, as in an archive of
/// syndicated reports. Time should grow linearly with the copies (comparing
/// every pair of quotes or titles made it grow with their square).
#[divan::bench(args = [200, 2_000], sample_count = 5)]
fn check_seed_copies(bencher: Bencher, n: usize) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("rules")]).expect("rules load");
    let seeds = corpus::seed_articles();
    let sources: Vec<Source> = (0..n)
        .map(|i| {
            let text = seeds[i % seeds.len()].clone();
            Source::new(
                SourceId(i as u32),
                format!("copy{i:05}.txt"),
                text,
                SourceMeta::default(),
                DateOrder::Mdy,
                None,
            )
        })
        .collect();
    bencher.bench(|| {
        let claims = crosscheck::claims_of(&rules, &sources);
        crosscheck::compare::compare(&rules, &sources, &claims).len()
    });
}

/// The release binary on the seeds, start-up and output included.
#[divan::bench(sample_count = 20)]
fn binary_check_seeds() {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "seeds/", "--format", "csv"])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("the binary runs");
    assert_eq!(status.code(), Some(1));
}
