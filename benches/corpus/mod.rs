//! Deterministic benchmark material: a news corpus (the seed articles
//! repeated to a size) and N generated reports of one invented story.
//! Shared by the benchmarks and `examples/generate_corpus.rs`.

#![allow(dead_code)]

use std::path::Path;

/// The seed articles, in name order.
pub fn seed_articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed is UTF-8"))
        .collect()
}

/// The seed articles, concatenated (they are full of curly quotes and
/// non-breaking spaces, which is what news text looks like).
pub fn seed_text() -> String {
    seed_articles().join("\n\n")
}

/// The seeds repeated until the text is at least `bytes` long.
pub fn news_corpus(bytes: usize) -> String {
    let seeds = seed_text();
    let mut out = String::with_capacity(bytes + seeds.len());
    while out.len() < bytes {
        out.push_str(&seeds);
        out.push_str("\n\n");
    }
    out
}

/// A small linear congruential generator: the same reports on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

const CITIES: [&str; 6] = [
    "Riverton", "Lakeside", "Hillford", "Marston", "Oakvale", "Brindle",
];
const OUTLETS: [&str; 5] = ["Courier", "Ledger", "Gazette", "Herald", "Post"];

/// Report `i` of `n` about one invented event: a bridge collapse. Most
/// reports agree; some give another day or toll; some are syndicated copies.
pub fn report(i: usize) -> (String, String) {
    let mut rng = Lcg(i as u64 * 7919 + 17);
    let city = CITIES[rng.next(CITIES.len() as u64) as usize];
    let outlet = OUTLETS[rng.next(OUTLETS.len() as u64) as usize];
    let day = if rng.next(10) == 0 { 13 } else { 12 };
    let toll = 40 + rng.next(3);
    let name = format!("{i:06}.txt");
    let text = format!(
        "{city} ({outlet}) — The Old Mill bridge in {city} collapsed on March {day}, 2024, \
         officials said, killing at least {toll} people and injuring around 80 more.\n\
         Engineers had warned about the bridge’s supports since 2019, and the council \
         “failed to act,” one resident said on Tuesday. The bridge opened in 1931.\n\
         Rescue teams worked through the night; the mayor said the death toll could rise. \
         Report number {i} for the {outlet}.\n"
    );
    (name, text)
}

/// About `bytes` of prose that holds no claim (no figure, date, title or
/// quotation), in paragraphs.
pub fn prose(bytes: usize) -> String {
    const PARAGRAPH: &str = "The committee met again and the talks went on through the evening \
        while observers waited outside in the rain, and nobody said much about what came next. ";
    let mut out = String::with_capacity(bytes + PARAGRAPH.len() * 8);
    while out.len() < bytes {
        out.push('\n');
        for _ in 0..8 {
            out.push_str(PARAGRAPH);
        }
        out.push('\n');
    }
    out
}

/// Rule files for the invented story.
pub fn rules_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/corpus/rules")
}

/// Sources written to a scratch folder, for the shipped pipeline, which
/// reads files; removed when dropped.
pub struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    /// A folder holding each `(name, text)`.
    pub fn of(files: impl IntoIterator<Item = (String, String)>) -> Folder {
        let dir = tempfile::tempdir().expect("a scratch folder");
        std::fs::create_dir(dir.path().join("sources")).expect("a sources folder");
        for (name, text) in files {
            std::fs::write(dir.path().join("sources").join(name), text).expect("a source written");
        }
        Folder { dir }
    }

    /// The folder of the sources.
    pub fn sources(&self) -> String {
        self.dir.path().join("sources").display().to_string()
    }

    /// Where a run's report goes, beside the sources.
    pub fn report(&self) -> std::path::PathBuf {
        self.dir.path().join("report")
    }
}

/// What `crosscheck check SOURCES --rules RULES --format FORMAT -o OUTPUT`
/// runs, as the binary builds it (no config file, no colour).
pub fn check_run(
    folder: &Folder,
    rules: std::path::PathBuf,
    format: crosscheck::report::Format,
) -> crosscheck::pipeline::CheckRun {
    use crosscheck::report::{human::Style, Look};
    crosscheck::pipeline::CheckRun {
        input: story_input(folder, rules),
        config: crosscheck::config::Config::default(),
        draft: None,
        format,
        look: Look {
            style: Style {
                color: false,
                width: 100,
            },
            csv_bom: false,
        },
        fail_on: crosscheck::compare::gate::FailOn::Error,
        unsupported: Some(crosscheck::rules::Severity::Info),
        baseline: None,
        write_baseline: None,
        output: crosscheck::pipeline::Destination(Some(folder.report())),
    }
}

/// What `crosscheck extract SOURCES --rules RULES -o OUTPUT` runs.
pub fn extract_run(folder: &Folder, rules: std::path::PathBuf) -> crosscheck::pipeline::ExtractRun {
    crosscheck::pipeline::ExtractRun {
        input: story_input(folder, rules),
        config: crosscheck::config::Config::default(),
        format: crosscheck::pipeline::ClaimFormat::Jsonl,
        output: crosscheck::pipeline::Destination(Some(folder.report())),
    }
}

fn story_input(folder: &Folder, rules: std::path::PathBuf) -> crosscheck::pipeline::StoryInput {
    crosscheck::pipeline::StoryInput {
        sources: vec![folder.sources()],
        sources_from_config: false,
        rule_paths: vec![rules],
        load: crosscheck::source::LoadOptions::default(),
        explain: false,
    }
}
