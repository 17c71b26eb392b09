//! Writes N generated reports of one invented story into a folder, the same
//! bytes on every run: `cargo run --release --example generate_corpus -- N DIR`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: generate_corpus N DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(dir);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: {}: {e}", dir.display());
        std::process::exit(2);
    }
    for i in 0..n {
        let (name, text) = corpus::report(i);
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
