//! Writes N generated reports of one invented story into a folder, the same
//! bytes on every run: `cargo run --release --example generate_corpus -- N DIR`.
//!
//! With `--long MB` before N, each report is followed by MB megabytes of
//! prose that holds no claim: long sources whose texts outweigh their
//! claims, for measuring what a run holds in memory.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

fn main() {
    let mut args: Vec<String> = std::env::args().collect();
    let mut padding = 0;
    if args.get(1).is_some_and(|a| a == "--long") {
        padding = match args.get(2).and_then(|mb| mb.parse::<usize>().ok()) {
            Some(mb) => mb * 1_000_000,
            None => {
                eprintln!("usage: generate_corpus [--long MB] N DIR");
                std::process::exit(2);
            }
        };
        args.drain(1..3);
    }
    let (Some(n), Some(dir)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: generate_corpus [--long MB] N DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(dir);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: {}: {e}", dir.display());
        std::process::exit(2);
    }
    for i in 0..n {
        let (name, mut text) = corpus::report(i);
        text.push_str(&corpus::prose(padding));
        if let Err(e) = std::fs::write(dir.join(&name), text) {
            eprintln!("error: {name}: {e}");
            std::process::exit(2);
        }
    }
    println!(
        "{n} reports in {}; rules in {}",
        dir.display(),
        corpus::rules_dir().display()
    );
}
