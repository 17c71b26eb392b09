//! Which triggers can match in which sentences of a long source, from one
//! scan of its text for the literals their matches start with.
//!
//! Searching every trigger of every rule in every sentence was most of the
//! work of assigning claims on a long source: a few dozen regex searches a
//! sentence, each paying its own start-up. But a trigger's matches mostly
//! all start with one of a few literals ("kill", "dead", "die", ...: the
//! regex's prefix literals, lower-cased), and a sentence in which none of
//! them starts holds no match. One Aho-Corasick scan finds where they
//! start; a trigger is then searched only in the sentences its literals
//! start in. Every search skipped is one that would have found nothing,
//! so the triggers found are the same as searching everywhere.

use std::collections::BTreeMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use super::assign::takes_nearest;
use super::pattern::Pattern;
use super::RuleSet;

/// Sources shorter than this are searched everywhere: building the scan
/// costs a few milliseconds, what searching a source this long costs.
pub(super) const SCAN_FROM_BYTES: usize = 256 * 1024;

/// Literals longer than this are cut to it: they still start every match,
/// and a case-insensitive literal has two spellings per letter.
const LITERAL_LEN: usize = 5;

/// At most this many spellings of a trigger's literals, else it is searched
/// everywhere.
const LITERALS_PER_TRIGGER: usize = 2000;

/// The literals of a rule set's triggers, and which trigger each starts.
pub(super) struct TriggerScan {
    literals: AhoCorasick,
    /// For each literal (by Aho-Corasick pattern id), the triggers whose
    /// matches it or a literal it begins with may start: where the longest
    /// literal at a place is found, every shorter one there is a prefix of
    /// it ("die" of "died").
    owners: Vec<Vec<u32>>,
    /// The id of each rule's first trigger; a rule's triggers are numbered
    /// in order from it.
    first_id: Vec<u32>,
    /// By trigger id: no literal starts all its matches (it may start with
    /// a class, or match the empty string), so it is searched everywhere;
    /// so are the triggers of rules that do not take the nearest claim,
    /// which assignment never asks about.
    everywhere: Vec<bool>,
}

/// The triggers that may match in one sentence.
#[derive(Clone, Copy)]
pub(super) struct MayMatch<'a> {
    scan: Option<&'a TriggerScan>,
    /// Sorted ids of the triggers a literal starts in the sentence.
    found: &'a [u32],
}

impl MayMatch<'_> {
    /// Every trigger may match: nothing was scanned.
    pub(super) const ANY: MayMatch<'static> = MayMatch {
        scan: None,
        found: &[],
    };

    /// False only when trigger `trigger` of rule `rule` cannot match.
    pub(super) fn trigger(&self, rule: usize, trigger: usize) -> bool {
        let Some(scan) = self.scan else {
            return true;
        };
        let id = scan.first_id[rule] + trigger as u32;
        scan.everywhere[id as usize] || self.found.binary_search(&id).is_ok()
    }
}

impl TriggerScan {
    /// The scan for the date and number rules' triggers; `None` when no
    /// trigger has literals to scan for.
    pub(super) fn new(rules: &RuleSet) -> Option<TriggerScan> {
        let mut first_id = Vec::with_capacity(rules.rules.len());
        let mut everywhere = Vec::new();
        let mut by_literal: BTreeMap<Vec<u8>, Vec<u32>> = BTreeMap::new();
        for rule in &rules.rules {
            first_id.push(everywhere.len() as u32);
            for trigger in &rule.triggers {
                let id = everywhere.len() as u32;
                // Other rules' triggers are never asked about.
                let literals = takes_nearest(rule).then(|| prefixes(trigger)).flatten();
                match literals {
                    Some(literals) => {
                        everywhere.push(false);
                        for literal in literals {
                            by_literal.entry(literal).or_default().push(id);
                        }
                    }
                    None => everywhere.push(true),
                }
            }
        }
        if by_literal.is_empty() {
            return None;
        }
        let literals = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(by_literal.keys())
            .ok()?;
        // The literals are a few hundred, and this is done once per long
        // source.
        let owners = by_literal
            .keys()
            .map(|literal| {
                let mut ids: Vec<u32> = by_literal
                    .iter()
                    .filter(|(shorter, _)| literal.starts_with(shorter))
                    .flat_map(|(_, ids)| ids.iter().copied())
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect();
        Some(TriggerScan {
            literals,
            owners,
            first_id,
            everywhere,
        })
    }

    /// For each of `sentences` (sorted, not overlapping, within `text`),
    /// the sorted ids of the triggers a literal starts in.
    pub(super) fn found_in(&self, text: &str, sentences: &[Range<usize>]) -> Vec<Vec<u32>> {
        let mut found = vec![Vec::new(); sentences.len()];
        let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else {
            return found;
        };
        let span = first.start..last.end;
        let haystack = &text.as_bytes()[..span.end];
        // Every place a literal starts: the leftmost-longest literal from
        // each place on, then the search goes on one byte after its start,
        // so literals inside it ("ill" in "kill") are seen too.
        let mut from = span.start;
        while let Some(m) = self
            .literals
            .find(aho_corasick::Input::new(haystack).span(from..span.end))
        {
            let at = m.start();
            let index = sentences.partition_point(|s| s.end <= at);
            if sentences.get(index).is_some_and(|s| s.start <= at) {
                found[index].extend_from_slice(&self.owners[m.pattern().as_usize()]);
            }
            from = at + 1;
        }
        for ids in &mut found {
            ids.sort_unstable();
            ids.dedup();
        }
        found
    }

    /// What may match in the sentence whose [`found_in`](Self::found_in)
    /// ids are `found`.
    pub(super) fn may_match<'a>(&'a self, found: &'a [u32]) -> MayMatch<'a> {
        MayMatch {
            scan: Some(self),
            found,
        }
    }
}

/// Literals, lower-cased, one of which starts every match of `pattern`;
/// `None` when there is no such finite set (or it would be too large).
fn prefixes(pattern: &Pattern) -> Option<Vec<Vec<u8>>> {
    // Parsed as the regex was built (see `pattern::compile`), so that the
    // literals are those of the language it matches.
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .unicode(pattern.unicode)
        .build()
        .parse(pattern.regex.as_str())
        .ok()?;
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_literal_len(LITERAL_LEN)
        .limit_total(LITERALS_PER_TRIGGER)
        .extract(&hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    let mut lower: Vec<Vec<u8>> = literals
        .iter()
        .map(|l| l.as_bytes().to_ascii_lowercase())
        .collect();
    lower.sort_unstable();
    lower.dedup();
    Some(lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{builtin, RuleSet};

    fn all_triggers(rules: &RuleSet) -> Vec<(usize, usize)> {
        rules
            .rules
            .iter()
            .enumerate()
            .flat_map(|(r, rule)| (0..rule.triggers.len()).map(move |t| (r, t)))
            .collect()
    }

    /// The property the scan rests on: wherever a trigger matches in a
    /// sentence, the scan says it may.
    fn assert_never_misses(rules: &RuleSet, text: &str, sentences: &[Range<usize>]) {
        let scan = TriggerScan::new(rules).expect("the rules have literals");
        let found = scan.found_in(text, sentences);
        for (s, sentence) in sentences.iter().enumerate() {
            let may = scan.may_match(&found[s]);
            for (r, t) in all_triggers(rules) {
                let pattern = &rules.rules[r].triggers[t];
                if pattern.regex.is_match(&text[sentence.clone()]) {
                    assert!(
                        may.trigger(r, t),
                        "{} matches in {:?} but was skipped",
                        pattern.source,
                        &text[sentence.clone()]
                    );
                }
            }
        }
    }

    #[test]
    fn the_built_in_triggers_have_literals_and_are_never_missed() {
        let rules = RuleSet { rules: builtin() };
        let scan = TriggerScan::new(&rules).unwrap();
        assert!(
            scan.everywhere.iter().filter(|e| !**e).count() * 2 > scan.everywhere.len(),
            "most built-in triggers start with literals"
        );
        let text = "Ten people were KILLED. Police ARRESTED two men; 30 were hurt. \
                    A magnitude 6.1 quake struck. Nobody died. The toll rose. \
                    Die Polizei kam. Bodies were found; three are missing.";
        let sentences = crate::extract::sentence::sentences(text);
        assert_never_misses(&rules, text, &sentences);
    }

    #[test]
    fn a_sentence_without_the_literals_is_not_searched() {
        let rules = RuleSet { rules: builtin() };
        let scan = TriggerScan::new(&rules).unwrap();
        let text = "The weather was fine.";
        let whole = crate::extract::sentence::sentences(text);
        assert_eq!(whole.len(), 1);
        let found = scan.found_in(text, &whole);
        let may = scan.may_match(&found[0]);
        let killed = rules.rules.iter().position(|r| r.id == "killed").unwrap();
        assert!(!scan.everywhere[scan.first_id[killed] as usize]);
        assert!(!may.trigger(killed, 0));
    }

    proptest::proptest! {
        /// Random text built from the triggers' own words, odd case and
        /// non-ASCII letters: no trigger match is ever skipped.
        #[test]
        fn no_match_is_skipped(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "killed", "KILL", "dies", "died", "Die", "dead", "injured", "Hurt", "arrested",
                "held", "quake", "Quakes", "magnitude", "missing", "toll", "ſ", "K", "é", "É",
                "’s", " ", " ", ". ", "\n\n", ",", "7", "people", "were", "at least",
            ]),
            0..40,
        )) {
            let rules = RuleSet { rules: builtin() };
            let text: String = words.concat();
            let sentences = crate::extract::sentence::sentences(&text);
            assert_never_misses(&rules, &text, &sentences);
        }
    }
}
