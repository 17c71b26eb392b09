//! Quotations across sources: one statement quoted in different words,
//! and one wording given to different speakers.
//!
//! Two quotes are **one statement** when the shorter one's content words
//! (stop words left out) appear in the longer, in order, at the rule's
//! `similarity` share or more (0.6 by default), with at least three
//! content words in common. They have **the same words** when the
//! shorter's words, all of them, are a run of the longer's: a quote cut
//! short is still the same words. Candidate pairs come from an index of
//! content-word pairs (shingles), so quotes are not all compared with all.
//! Only quotes from different sources are compared, and a wording is
//! pinned on one speaker only when it has six words or more.

use std::collections::{BTreeMap, BTreeSet};

use super::named::{named_finding, split};
use super::person::Subjects;
use super::{ClaimRef, ClaimsBySource, Finding, FindingKind, Side};
use crate::extract::ClaimValue;
use crate::rules::Rule;
use crate::source::{Source, SourceId};

const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "is", "are", "was",
    "were", "be", "been", "it", "its", "this", "that", "these", "those", "with", "by", "as",
    "from", "our", "their", "we", "they", "will", "would", "has", "have", "had", "not", "so",
    "than",
];

/// The fewest content words in common for two quotes to be one statement.
const MIN_SHARED: usize = 3;

/// The fewest words for one wording to be pinned on one speaker: two
/// people may well both call something "a historic moment".
const MIN_SPEAKER_WORDS: usize = 6;

/// Lower-case words of a quote, punctuation dropped.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| {
            w.trim_matches(|c| c == '\'' || c == '’' || c == '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn content(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .cloned()
        .collect()
}

/// Length of the longest common subsequence of two word lists.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The share of the shorter quote's content words found, in order, in
/// the longer; `None` when they share too few to be one statement.
pub fn similarity(a: &[String], b: &[String]) -> Option<f64> {
    let (ca, cb) = (content(a), content(b));
    let shared = lcs(&ca, &cb);
    let shorter = ca.len().min(cb.len());
    (shared >= MIN_SHARED && shorter > 0).then(|| shared as f64 / shorter as f64)
}

/// True when all the shorter quote's words are one run of the longer's.
pub fn same_words(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// Words of each quote that the other lacks, aligned by a longest common
/// subsequence.
pub fn differing_words(a: &[String], b: &[String]) -> (Vec<String>, Vec<String>) {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            only_a.push(a[i].clone());
            i += 1;
        } else {
            only_b.push(b[j].clone());
            j += 1;
        }
    }
    only_a.extend(a[i..].iter().cloned());
    only_b.extend(b[j..].iter().cloned());
    (only_a, only_b)
}

#[derive(Clone, Debug)]
struct Quote {
    at: ClaimRef,
    words: Vec<String>,
    speaker: Option<String>,
}

/// The quotes that share one word list.
struct Wording<'a> {
    words: &'a [String],
    content: Vec<String>,
    /// Indices of the quotes, in order.
    members: Vec<usize>,
    /// The first two sources the quotes come from, when there are two.
    sources: (SourceId, Option<SourceId>),
    /// Each speaker named, with up to two of the sources naming them:
    /// enough to tell whether a quote has a contradicting copy elsewhere.
    speakers: BTreeMap<&'a str, (SourceId, Option<SourceId>)>,
}

impl<'a> Wording<'a> {
    fn new(words: &'a [String], members: Vec<usize>, quotes: &'a [Quote]) -> Wording<'a> {
        let first = quotes[members[0]].at.source;
        let second = members
            .iter()
            .map(|&i| quotes[i].at.source)
            .find(|&s| s != first);
        let mut speakers: BTreeMap<&str, (SourceId, Option<SourceId>)> = BTreeMap::new();
        for &i in &members {
            let Some(speaker) = &quotes[i].speaker else {
                continue;
            };
            let source = quotes[i].at.source;
            let seen = speakers.entry(speaker).or_insert((source, None));
            if seen.1.is_none() && seen.0 != source {
                seen.1 = Some(source);
            }
        }
        Wording {
            words,
            content: content(words),
            members,
            sources: (first, second),
            speakers,
        }
    }

    /// True when this wording and `other` (perhaps itself) hold quotes
    /// from two different sources: only then is any pair compared.
    fn spans_sources_with(&self, other: &Wording) -> bool {
        self.sources.1.is_some() || other.sources.1.is_some() || self.sources.0 != other.sources.0
    }

    /// The quotes of this wording that `other` gives, in another source,
    /// to a different speaker.
    fn members_contradicted_by<'q>(
        &'q self,
        other: &'q Wording,
        quotes: &'q [Quote],
    ) -> impl Iterator<Item = usize> + 'q {
        self.members.iter().copied().filter(move |&i| {
            let Some(speaker) = &quotes[i].speaker else {
                return false;
            };
            let source = quotes[i].at.source;
            other.speakers.iter().any(|(named, (first, second))| {
                named != speaker && (*first != source || second.is_some())
            })
        })
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// How many wordings a pair of consecutive content words may occur in and
/// still say which wordings to compare: see [`link`].
const COMMON_PAIR: usize = 64;

/// Which quotes are one statement, as a union-find forest over `quotes`,
/// and which quotes take part in a conflict of speakers: the same words
/// (six or more) given to a different speaker in another source. Only
/// quotes from different sources are compared.
fn link(quotes: &[Quote], threshold: f64) -> (Vec<usize>, Vec<usize>) {
    // Quotes in the same words behave alike in every test below, so each
    // wording is compared once: a statement repeated by ten thousand
    // sources is one wording, not fifty million pairs.
    let mut by_words: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
    for (i, q) in quotes.iter().enumerate() {
        by_words.entry(&q.words).or_default().push(i);
    }
    let wordings: Vec<Wording> = by_words
        .into_iter()
        .map(|(words, members)| Wording::new(words, members, quotes))
        .collect();
    // Candidate pairs: wordings sharing a pair of consecutive content words.
    let mut index: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (w, wording) in wordings.iter().enumerate() {
        for pair in wording.content.windows(2) {
            let list = index.entry((&pair[0], &pair[1])).or_default();
            if list.last() != Some(&w) {
                list.push(w);
            }
        }
    }
    // A pair of words in more than COMMON_PAIR wordings says nothing about
    // which are one statement, as a stop word says nothing: it yields no
    // candidates, so that the pairs compared grow with the wordings, not
    // their square. Each wording's candidates are gathered in turn, in
    // the order a set of all pairs would give, and then dropped.
    let keys: Vec<Vec<&[usize]>> = wordings
        .iter()
        .map(|wording| {
            wording
                .content
                .windows(2)
                .map(|pair| index[&(pair[0].as_str(), pair[1].as_str())].as_slice())
                .filter(|list| list.len() <= COMMON_PAIR)
                .collect()
        })
        .collect();
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    let mut conflicted = Vec::new();
    let candidates = keys.iter().enumerate().flat_map(|(a, lists)| {
        let mut partners: Vec<usize> = Vec::new();
        for list in lists {
            let from = list.partition_point(|&b| b < a);
            partners.extend_from_slice(&list[from..]);
        }
        partners.sort_unstable();
        partners.dedup();
        partners.into_iter().map(move |b| (a, b))
    });
    for (a, b) in candidates {
        let (wa, wb) = (&wordings[a], &wordings[b]);
        // Only quotes from different sources are compared.
        if !wa.spans_sources_with(wb) {
            continue;
        }
        let Some(share) = similarity(wa.words, wb.words) else {
            continue;
        };
        if share < threshold {
            continue;
        }
        // A wording that matches another matches itself (share 1), so its
        // quotes from two or more sources are one statement; and each quote
        // of the pair meets a quote of the other wording in another source
        // unless both come from one source alone (ruled out above). So all
        // are one statement, as comparing every pair would find.
        for &i in wa.members.iter().chain(&wb.members) {
            let (ri, r0) = (find(&mut parent, i), find(&mut parent, wa.members[0]));
            parent[ri.max(r0)] = ri.min(r0);
        }
        let distinctive = wa.words.len().min(wb.words.len()) >= MIN_SPEAKER_WORDS;
        if distinctive && same_words(wa.words, wb.words) {
            conflicted.extend(wa.members_contradicted_by(wb, quotes));
            conflicted.extend(wb.members_contradicted_by(wa, quotes));
        }
    }
    (parent, conflicted)
}

/// Findings among the quotes a quote rule took.
pub fn findings(
    rule: &Rule,
    refs: &[ClaimRef],
    subjects: &Subjects,
    sources: &[Source],
    claims: &ClaimsBySource,
) -> Vec<Finding> {
    let quotes: Vec<Quote> = refs
        .iter()
        .filter_map(|r| {
            let c = &claims[r.source.0 as usize][r.index];
            let ClaimValue::Quote(q) = &c.value else {
                return None;
            };
            Some(Quote {
                at: *r,
                words: words(&q.words),
                speaker: subjects.canonical(c.subject.as_deref()),
            })
        })
        .collect();
    let (mut parent, conflicted) = link(&quotes, rule.named.similarity);
    let mut out = Vec::new();
    // One statement, one speaker, several wordings.
    let mut statements: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
    for (i, quote) in quotes.iter().enumerate() {
        if let Some(speaker) = &quote.speaker {
            let root = find(&mut parent, i);
            statements
                .entry((root, speaker.clone()))
                .or_default()
                .push(i);
        }
    }
    for ((_, speaker), members) in statements {
        if members.len() < 2 {
            continue;
        }
        let (sides, vague) = split(
            &members,
            |&a| &quotes[a].words,
            |&a, &b| same_words(&quotes[a].words, &quotes[b].words),
            |&a| quotes[a].words.len(),
        );
        if sides.len() < 2 {
            continue;
        }
        let (first, second) = (&quotes[sides[0][0]].words, &quotes[sides[1][0]].words);
        let (only_first, only_second) = differing_words(first, second);
        let show = |w: &[String]| {
            if w.is_empty() {
                "nothing".to_string()
            } else {
                format!("“{}”", w.join(" "))
            }
        };
        let help = format!(
            "the same statement quoted in different words: side 1 has {} where side 2 has {}; quotes are one statement when {:.0}% or more of the shorter one's content words appear in the other, in order (rule `{}`)",
            show(&only_first),
            show(&only_second),
            rule.named.similarity * 100.0,
            rule.id
        );
        let sides = numbered(sides, &quotes, sources, claims);
        let vague = vague.iter().map(|&i| quotes[i].at).collect();
        out.push(named_finding(
            rule,
            Some(speaker),
            sides,
            vague,
            sources,
            "quoted in different words",
            help,
        ));
    }
    // One wording, several speakers.
    let mut groups: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for i in conflicted {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().insert(i);
    }
    for members in groups.into_values() {
        let members: Vec<usize> = members.into_iter().collect();
        let (sides, _) = split(
            &members,
            |&a| &quotes[a].speaker,
            |&a, &b| quotes[a].speaker == quotes[b].speaker,
            |_| 0,
        );
        if sides.len() < 2 {
            continue;
        }
        let mut sides = numbered(sides, &quotes, sources, claims);
        for side in &mut sides {
            if let Some(q) = quotes.iter().find(|q| side.claims.contains(&q.at)) {
                side.value = q.speaker.clone().unwrap_or_default();
                // One speaker is the side: every quote of it names them.
                side.claim_values = vec![side.value.clone(); side.claims.len()];
            }
        }
        let speaker_rule = Rule {
            id: "quote-speaker".into(),
            title: "Speaker of a quoted statement".into(),
            severity: rule.named.speaker_severity,
            ..rule.clone()
        };
        let help = format!(
            "the same words are attributed to different speakers; each label shows the speaker a source names (rule `{}`)",
            rule.id
        );
        let mut finding = named_finding(
            &speaker_rule,
            None,
            sides,
            Vec::new(),
            sources,
            "one wording, different speakers",
            help,
        );
        finding.kind = FindingKind::SpeakerConflict;
        out.push(finding);
    }
    out
}

fn numbered(
    sides: Vec<Vec<usize>>,
    quotes: &[Quote],
    _sources: &[Source],
    claims: &ClaimsBySource,
) -> Vec<Side> {
    sides
        .into_iter()
        .enumerate()
        .map(|(n, members)| {
            let first = quotes[members[0]].at;
            let value = claims[first.source.0 as usize][first.index]
                .value
                .notation();
            let mut refs: Vec<ClaimRef> = members.iter().map(|&i| quotes[i].at).collect();
            refs.sort();
            // One wording is the side; its quotes differ at most in
            // what the comparison ignores.
            Side {
                number: n + 1,
                claim_values: vec![value.clone(); refs.len()],
                value,
                claims: refs,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_statement_in_different_words() {
        let a = words("give momentum to the growth of fair regional trade between our countries in many sectors.");
        let b = words("give a momentum to the growth of fair regional trade");
        let share = similarity(&a, &b).unwrap();
        assert!(share >= 0.99, "{share}");
        assert!(!same_words(&a, &b), "\"a\" differs");
        let (only_a, only_b) = differing_words(&a, &b);
        assert_eq!(only_b, vec!["a"]);
        assert_eq!(only_a.join(" "), "between our countries in many sectors");
    }

    #[test]
    fn the_similarity_band() {
        let a = words("give momentum to the growth of fair regional trade between our countries in many sectors.");
        // A paraphrase sharing six of the shorter quote's ten content words,
        // in order: at the edge of the band.
        let c = words("We believe the accord will promote fair trade between the two countries in many sectors.");
        assert!((similarity(&a, &c).unwrap() - 0.6).abs() < 1e-9);
        let d = words("We must support them politically to eliminate remaining terror cells.");
        assert_eq!(similarity(&a, &d), None);
        let e = words("fair talks in many places over the years");
        assert!(similarity(&a, &e).is_none_or(|s| s < 0.6));
    }

    use crate::source::SourceId;
    use proptest::prelude::*;

    /// [`link`] as it was, every pair of quotes compared: the reference
    /// the wording-by-wording version must match.
    fn link_pairwise(quotes: &[Quote], threshold: f64) -> (Vec<usize>, BTreeSet<usize>) {
        let mut parent: Vec<usize> = (0..quotes.len()).collect();
        let mut conflicted = BTreeSet::new();
        for a in 0..quotes.len() {
            for b in a + 1..quotes.len() {
                let (qa, qb) = (&quotes[a], &quotes[b]);
                let (ca, cb) = (content(&qa.words), content(&qb.words));
                let shares_a_pair = ca.windows(2).any(|p| cb.windows(2).any(|q| p == q));
                if qa.at.source == qb.at.source || !shares_a_pair {
                    continue;
                }
                match similarity(&qa.words, &qb.words) {
                    Some(share) if share >= threshold => {}
                    _ => continue,
                }
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra] = rb;
                let speakers_differ =
                    matches!((&qa.speaker, &qb.speaker), (Some(x), Some(y)) if x != y);
                let distinctive = qa.words.len().min(qb.words.len()) >= MIN_SPEAKER_WORDS;
                if speakers_differ && distinctive && same_words(&qa.words, &qb.words) {
                    conflicted.extend([a, b]);
                }
            }
        }
        (parent, conflicted)
    }

    /// Each quote's statement named by its lowest quote index.
    fn statements(mut parent: Vec<usize>) -> Vec<usize> {
        let roots: Vec<usize> = (0..parent.len()).map(|i| find(&mut parent, i)).collect();
        roots
            .iter()
            .map(|r| roots.iter().position(|x| x == r).unwrap_or(0))
            .collect()
    }

    const SAID: [&str; 2] = [
        "we will open the new bridge in riverton before the spring floods begin",
        "the agreement gives momentum to fair regional trade in many sectors",
    ];

    fn quote() -> impl Strategy<Value = Quote> {
        (
            0..2usize,
            0..3usize,
            5..12usize,
            0..3u32,
            0..3usize,
            prop::option::weighted(0.2, any::<usize>()),
        )
            .prop_map(|(said, start, len, source, speaker, swap)| {
                let all: Vec<&str> = SAID[said].split(' ').collect();
                let start = start.min(all.len() - 1);
                let mut words: Vec<String> = all[start..(start + len).min(all.len())]
                    .iter()
                    .map(|w| w.to_string())
                    .collect();
                if let Some(at) = swap {
                    let at = at % words.len();
                    words[at] = "officials".into();
                }
                Quote {
                    at: ClaimRef {
                        source: SourceId(source),
                        index: 0,
                    },
                    words,
                    speaker: [None, Some("Brell"), Some("Orlik")][speaker].map(String::from),
                }
            })
    }

    #[test]
    fn a_statement_is_found_beside_many_wordings_sharing_its_common_pair() {
        let quote = |source: u32, text: &str| Quote {
            at: ClaimRef {
                source: SourceId(source),
                index: 0,
            },
            words: words(text),
            speaker: None,
        };
        // One statement in two sources, and far more than COMMON_PAIR other
        // wordings sharing its pair "regional trade".
        let mut quotes = vec![
            quote(
                0,
                "the accord gives momentum to regional trade in many sectors",
            ),
            quote(
                1,
                "the accord gives new momentum to regional trade in many sectors",
            ),
        ];
        let made_up = |i: usize, salt: u8| -> String {
            [i % 26, i / 26 % 26, salt as usize]
                .iter()
                .map(|&k| (b'a' + (k % 26) as u8) as char)
                .collect::<String>()
                + "ton"
        };
        for i in 0..3 * COMMON_PAIR {
            let text = format!(
                "regional trade {} {} {}",
                made_up(i, 1),
                made_up(i, 2),
                made_up(i, 3)
            );
            quotes.push(quote(2 + i as u32, &text));
        }
        let (mut parent, _) = link(&quotes, 0.6);
        // The statement is still found through its rarer pairs ...
        assert_eq!(find(&mut parent, 0), find(&mut parent, 1));
        // ... and the other wordings, alike only in the common pair, stay apart.
        let roots: BTreeSet<usize> = (0..quotes.len()).map(|i| find(&mut parent, i)).collect();
        assert_eq!(roots.len(), quotes.len() - 1);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn wordings_link_quotes_as_comparing_every_pair_does(
            quotes in proptest::collection::vec(quote(), 0..14),
            threshold in prop_oneof![Just(0.6), Just(0.9), Just(1.0)],
        ) {
            let (parent, conflicted) = link(&quotes, threshold);
            let (reference, expected) = link_pairwise(&quotes, threshold);
            prop_assert_eq!(statements(parent), statements(reference));
            prop_assert_eq!(conflicted.into_iter().collect::<BTreeSet<_>>(), expected);
        }
    }

    #[test]
    fn a_quote_cut_short_has_the_same_words() {
        let a = words("We will open the embassy in the spring, he said.");
        let b = words("open the embassy in the spring");
        assert!(same_words(&a, &b));
        assert!(
            similarity(&words("ready"), &words("ready")).is_none(),
            "too short"
        );
    }
}
