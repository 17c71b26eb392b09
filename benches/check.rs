//! `check` at archive scale: N generated reports of one story, through the
//! pipeline the binary runs (read, extract, assign, compare, render, write). Also the whole binary on the five
//! seeds (start-up included). Run: `cargo bench --bench check`.

mod corpus;

use corpus::Folder;
use crosscheck::pipeline::{self, Silent};
use crosscheck::report::Format;
use divan::Bencher;

/// The allocator the binary ships with, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Time should grow linearly from 1,000 to 10,000 sources: the shipped
/// `check` pipeline, from reading the files to writing the CSV report.
#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn check_generated_sources(bencher: Bencher, n: usize) {
    let folder = Folder::of((0..n).map(corpus::report));
    let run = corpus::check_run(&folder, corpus::rules_dir(), Format::Csv);
    bencher.bench(|| pipeline::check(&run, &Silent).expect("the check runs"));
}

/// Copies of the five seed articles under the seed rules: the same titles,
/// states and quotations repeated by every copy, as in an archive of
/// syndicated reports. Time should grow linearly with the copies (comparing
/// every pair of quotes or titles made it grow with their square).
#[divan::bench(args = [200, 2_000], sample_count = 5)]
fn check_seed_copies(bencher: Bencher, n: usize) {
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let seeds = corpus::seed_articles();
    let copies = (0..n).map(|i| (format!("copy{i:05}.txt"), seeds[i % seeds.len()].clone()));
    let folder = Folder::of(copies);
    let run = corpus::check_run(&folder, rules, Format::Csv);
    bencher.bench(|| pipeline::check(&run, &Silent).expect("the check runs"));
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
