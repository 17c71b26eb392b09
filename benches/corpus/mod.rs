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
