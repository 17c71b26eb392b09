//! Who a claim is about, across sources: one name for each person or body.
//!
//! Person names are grouped by [`same_person`] (spelling variants and
//! transliterations of the family name, given names of the shorter name
//! all found in the longer), with complete linkage: a name joins a group
//! only when it can be the same person as every member, and a name that
//! fits two groups ("Haidari" beside "Farid Haidari" and "Amir Karim
//! Haidari") stays on its own. Bodies ("Valdorian Ministry of Foreign
//! Affairs") are matched by their words, and rule files' `aliases` join
//! other names of the same speaker.

use std::collections::{BTreeMap, HashMap};

use crate::extract::person::{family_name_keys, name_key, same_person, NameKey};
use crate::extract::quote::normalise_speaker;
use crate::extract::ClaimKind;
use crate::rules::RuleSet;

use super::ClaimsBySource;

/// Canonical names for the subjects of a run's claims.
#[derive(Debug, Default)]
pub struct Subjects {
    canonical: BTreeMap<String, String>,
}

fn key(name: &str) -> String {
    normalise_speaker(name).to_lowercase()
}

/// The keys a name is found under: its own (a body's name meets only
/// itself) and its family name's.
fn blocking_keys(name: &str) -> Vec<NameKey> {
    let mut keys = family_name_keys(name);
    keys.push(name_key(b'k', key(name).chars()));
    keys
}

/// A person's name: every word capitalised (or an initial), at most five.
fn looks_like_a_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

impl Subjects {
    pub fn new(rules: &RuleSet, claims: &ClaimsBySource) -> Subjects {
        let mut aliases: BTreeMap<String, String> = BTreeMap::new();
        for rule in &rules.rules {
            for (name, others) in &rule.named.aliases {
                for other in others.iter().chain(std::iter::once(name)) {
                    aliases.insert(key(other), normalise_speaker(name));
                }
            }
        }
        let aliased = |name: &str| {
            aliases
                .get(&key(name))
                .cloned()
                .unwrap_or_else(|| normalise_speaker(name))
        };
        // How often each written form occurs: the commonest names a group.
        // Counted by the subject as written first: a story names a few
        // people thousands of times, and each distinct form is aliased once.
        let mut written: HashMap<&str, usize> = HashMap::new();
        for claim in claims.iter().flatten() {
            if !matches!(
                claim.kind,
                ClaimKind::Person | ClaimKind::Title | ClaimKind::Quote
            ) {
                continue;
            }
            if let Some(subject) = &claim.subject {
                *written.entry(subject).or_default() += 1;
            }
        }
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (subject, n) in written {
            *counts.entry(aliased(subject)).or_default() += n;
        }
        let mut names: Vec<(&String, usize)> = counts.iter().map(|(n, c)| (n, *c)).collect();
        // Full names first, so a surname alone meets every group it could join.
        names.sort_by(|a, b| {
            let words = |n: &str| n.split_whitespace().count();
            words(b.0)
                .cmp(&words(a.0))
                .then(b.1.cmp(&a.1))
                .then(a.0.cmp(b.0))
        });
        // Complete linkage, with each name compared only with the groups
        // whose members share a key with it: a group it fits has all its
        // members the same person as the name, so any of them shares one.
        let mut groups: Vec<Vec<(&String, usize)>> = Vec::new();
        let mut by_key: HashMap<NameKey, Vec<usize>> = HashMap::new();
        for (name, count) in names {
            let keys = blocking_keys(name);
            let mut candidates: Vec<usize> = keys
                .iter()
                .filter_map(|k| by_key.get(k))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            let fits: Vec<usize> = candidates
                .into_iter()
                .filter(|&i| {
                    groups[i].iter().all(|(member, _)| {
                        key(member) == key(name)
                            || looks_like_a_person(member)
                                && looks_like_a_person(name)
                                && same_person(member, name)
                    })
                })
                .collect();
            let group = match fits.as_slice() {
                [one] => {
                    groups[*one].push((name, count));
                    *one
                }
                _ => {
                    groups.push(vec![(name, count)]);
                    groups.len() - 1
                }
            };
            for k in keys {
                let ids = by_key.entry(k).or_default();
                if ids.last() != Some(&group) {
                    ids.push(group);
                }
            }
        }
        let mut canonical = BTreeMap::new();
        for group in &groups {
            // A full name over a surname alone, then the commonest form,
            // then the shortest ("Amir Karim Haidari", not "Sheikh ...").
            let alone = |n: &str| n.split_whitespace().count() < 2;
            let Some(best) = group.iter().min_by(|a, b| {
                alone(a.0)
                    .cmp(&alone(b.0))
                    .then(b.1.cmp(&a.1))
                    .then(a.0.len().cmp(&b.0.len()))
                    .then(a.0.cmp(b.0))
            }) else {
                continue;
            };
            for (member, _) in group {
                canonical.insert(key(member), best.0.clone());
            }
        }
        for (alias, name) in aliases {
            let target = canonical.get(&key(&name)).cloned().unwrap_or(name);
            canonical.entry(alias).or_insert(target);
        }
        Subjects { canonical }
    }

    /// The one name of the person or body `subject` names.
    pub fn canonical(&self, subject: Option<&str>) -> Option<String> {
        let subject = subject?;
        Some(
            self.canonical
                .get(&key(subject))
                .cloned()
                .unwrap_or_else(|| normalise_speaker(subject)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Claim, ClaimValue};
    use crate::source::{SourceId, Span};
    use crate::value::named::QuoteValue;

    fn quote_by(speaker: &str) -> Claim {
        Claim {
            kind: ClaimKind::Quote,
            span: Span {
                source: SourceId(0),
                range: 0..1,
            },
            value: ClaimValue::Quote(QuoteValue {
                words: "w".into(),
                speaker: Some(speaker.into()),
            }),
            warning: None,
            fact: None,
            subject: Some(speaker.into()),
        }
    }

    fn subjects(names: &[&str]) -> Subjects {
        let claims = vec![names.iter().map(|n| quote_by(n)).collect::<Vec<_>>()];
        Subjects::new(&RuleSet::default(), &claims)
    }

    #[test]
    fn spellings_of_one_person_get_the_commonest_name() {
        let s = subjects(&[
            "Amir Karim Haidari",
            "Amir Karim Haidari",
            "Amir Karim Haidary",
        ]);
        assert_eq!(
            s.canonical(Some("Amir Karim Haidary")).as_deref(),
            Some("Amir Karim Haidari")
        );
    }

    #[test]
    fn a_surname_fitting_two_people_joins_neither() {
        let s = subjects(&["Farid Haidari", "Amir Karim Haidari", "Haidari"]);
        assert_eq!(
            s.canonical(Some("Farid Haidari")).as_deref(),
            Some("Farid Haidari")
        );
        assert_eq!(
            s.canonical(Some("Amir Karim Haidari")).as_deref(),
            Some("Amir Karim Haidari")
        );
        assert_eq!(s.canonical(Some("Haidari")).as_deref(), Some("Haidari"));
        // With one candidate, the surname joins it.
        let s = subjects(&["Amir Karim Haidari", "Haidari"]);
        assert_eq!(
            s.canonical(Some("Haidari")).as_deref(),
            Some("Amir Karim Haidari")
        );
    }

    #[test]
    fn bodies_match_by_words_and_aliases() {
        let s = subjects(&[
            "the Valdorian Ministry of Foreign Affairs",
            "Valdorian Ministry of Foreign Affairs",
        ]);
        assert_eq!(
            s.canonical(Some("the Valdorian Ministry of Foreign Affairs"))
                .as_deref(),
            Some("Valdorian Ministry of Foreign Affairs")
        );
        let rule = crate::rules::parse_rule(
            std::path::Path::new("q.toml"),
            "id = \"q\"\ntitle = \"Q\"\nkind = \"quote\"\nseverity = \"info\"\n[aliases]\n\"Ministry of Health\" = [\"Health Ministry\"]\n",
        )
        .unwrap();
        let rules = RuleSet { rules: vec![rule] };
        let claims = vec![vec![quote_by("Health Ministry")]];
        let s = Subjects::new(&rules, &claims);
        assert_eq!(
            s.canonical(Some("the Health Ministry")).as_deref(),
            Some("Ministry of Health")
        );
    }
}
