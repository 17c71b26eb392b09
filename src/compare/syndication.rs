//! Near-duplicate sources: syndicated copies of one wire story count once
//! when crosscheck says how many sources support a value.
//!
//! Each text is reduced to a sample of hashed five-word shingles (those
//! whose hash falls in a fixed residue class, so two copies sample the same
//! shingles). An inverted index from shingle to sources finds candidate
//! pairs without comparing every source with every other; pairs whose
//! samples overlap by at least [`SAME_STORY`] (Jaccard) are one story.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::source::Source;

/// Jaccard overlap of shingle samples at which two texts are one story.
pub const SAME_STORY: f64 = 0.5;
const SHINGLE_WORDS: usize = 5;
/// Keep one shingle in this many: enough to compare, cheap to index.
const SAMPLE_EVERY: u64 = 4;
/// Shingles shared by this many sources are boilerplate, not evidence.
const COMMON_SHINGLE: usize = 64;

/// A shingle's hash: its words lower-cased, each followed by a space.
fn fnv1a(words: &[&str]) -> u64 {
    words.iter().fold(crate::fnv::OFFSET, |hash, word| {
        crate::fnv::extend(
            hash,
            word.bytes().chain([b' ']).map(|b| b.to_ascii_lowercase()),
        )
    })
}

/// A text's sample of shingle hashes, sorted, each once. A run that drops
/// texts keeps this instead ([`Source::story_sample`]).
pub fn sample(text: &str) -> Vec<u64> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut sampled: Vec<u64> = words
        .windows(SHINGLE_WORDS)
        .map(fnv1a)
        .filter(|h| h % SAMPLE_EVERY == 0)
        .collect();
    sampled.sort_unstable();
    sampled.dedup();
    sampled
}

/// A source's sample: the one kept when its text was dropped, else taken
/// from the text.
fn sample_of(source: &Source) -> Cow<'_, [u64]> {
    match &source.story_sample {
        Some(kept) => Cow::Borrowed(kept),
        None => {
            debug_assert!(
                source.holds_text(),
                "{}: text dropped without a story sample",
                source.name
            );
            Cow::Owned(sample(&source.text))
        }
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// A group number for each source: near-duplicates share one (the lowest
/// index of the group).
pub fn groups(sources: &[Source]) -> Vec<usize> {
    let samples: Vec<Cow<[u64]>> = sources.iter().map(sample_of).collect();
    let mut index: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, shingles) in samples.iter().enumerate() {
        for &h in shingles.iter() {
            index.entry(h).or_default().push(i);
        }
    }
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for holders in index.values() {
        if holders.len() < 2 || holders.len() > COMMON_SHINGLE {
            continue;
        }
        for (k, &a) in holders.iter().enumerate() {
            for &b in &holders[k + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut parent: Vec<usize> = (0..sources.len()).collect();
    for ((a, b), common) in shared {
        let union = samples[a].len() + samples[b].len() - common;
        if union > 0 && common as f64 / union as f64 >= SAME_STORY {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    (0..sources.len()).map(|i| find(&mut parent, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{DateOrder, SourceId, SourceMeta};

    fn source(i: u32, text: &str) -> Source {
        Source::new(
            SourceId(i),
            format!("s{i}"),
            text.into(),
            SourceMeta::default(),
            DateOrder::Mdy,
            None,
        )
    }

    #[test]
    fn a_syndicated_copy_is_one_story_and_a_different_report_is_not() {
        let wire = "The bridge over the river opened on May 2 after four years of work, officials said on Tuesday, and the mayor cut the ribbon in front of a crowd of hundreds who had waited since dawn to cross it first.";
        let copy = format!("{wire} Reporting by the wire desk.");
        let other = "Residents said the new crossing had shortened their commute, though some complained about tolls that the city council will debate next month in a session open to the public.";
        let g = groups(&[source(0, wire), source(1, &copy), source(2, other)]);
        assert_eq!(g[0], g[1]);
        assert_ne!(g[0], g[2]);
    }
}
