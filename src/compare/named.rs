//! Titles and states: values named by words, compared by what they name.
//!
//! Two titles of one person agree when they carry the same qualifiers
//! ("acting", "former", "deputy", ...) and one's office words are all in
//! the other's: "Valdorian Ambassador", "ambassador to Tiran" and
//! "ambassador to Ostria" are one post (affiliations and places are
//! not office words), "minister" fits "foreign minister", and "acting
//! foreign minister" is a different post from "foreign minister". A rule's
//! `equivalents` make other wordings one office ("gov." and "governor").
//! Two states agree when they are the same state.

use super::finding::{describe_sides, finding_id, number_sides};
use super::{ClaimRef, ClaimsBySource, Finding, FindingKind, Side};
use crate::extract::person::QUALIFIERS;
use crate::extract::{Claim, ClaimValue};
use crate::rules::Rule;
use crate::source::Source;

/// A title reduced to what decides agreement.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Office {
    pub qualifiers: Vec<String>,
    pub words: Vec<String>,
}

impl Office {
    pub fn of(office: &[String], equivalents: &[Vec<String>]) -> Office {
        let words: Vec<String> = office
            .iter()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect();
        let mut text = format!(" {} ", words.join(" "));
        for group in equivalents {
            let Some(first) = group.first() else {
                continue;
            };
            let first = first.to_lowercase();
            for other in &group[1..] {
                let other = other.to_lowercase();
                let other = other.trim_end_matches('.');
                text = text.replace(&format!(" {other} "), &format!(" {first} "));
            }
        }
        let (mut qualifiers, words): (Vec<String>, Vec<String>) = text
            .split_whitespace()
            .map(str::to_string)
            .partition(|w| QUALIFIERS.contains(&w.as_str()));
        qualifiers.sort();
        qualifiers.dedup();
        Office { qualifiers, words }
    }

    /// Titles with different head words ("economist", "professor") name
    /// different roles one person can hold at once: no evidence of a
    /// conflict. With one head word, qualifiers must match and one
    /// title's words must all be in the other's.
    pub fn agrees(&self, other: &Office) -> bool {
        if self.words.last() != other.words.last() {
            return true;
        }
        let within = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
        self.qualifiers == other.qualifiers
            && (within(&self.words, &other.words) || within(&other.words, &self.words))
    }
}

/// Splits items into sides that agree within themselves; most specific
/// first, each joining the one side all of whose members it agrees with.
/// Items fitting several sides are vague (side 0).
///
/// `key` names an item's value: items with equal keys must agree with the
/// same items. An item is then tested against one member per distinct
/// value of a side, not against every member, so ten thousand sources
/// repeating three titles cost ten thousand tests per side, not a hundred
/// million.
pub fn split<T: Clone, K: Ord>(
    items: &[T],
    key: impl Fn(&T) -> K,
    agrees: impl Fn(&T, &T) -> bool,
    specificity: impl Fn(&T) -> usize,
) -> (Vec<Vec<T>>, Vec<T>) {
    let keys: Vec<K> = items.iter().map(&key).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(specificity(&items[i])), i));
    /// A side's members, and one member for each distinct value among them.
    struct Forming {
        members: Vec<usize>,
        values: Vec<usize>,
    }
    let mut sides: Vec<Forming> = Vec::new();
    let mut vague = Vec::new();
    for i in order {
        let fits: Vec<usize> = sides
            .iter()
            .enumerate()
            .filter(|(_, side)| side.values.iter().all(|&j| agrees(&items[i], &items[j])))
            .map(|(s, _)| s)
            .collect();
        match fits.as_slice() {
            [] => sides.push(Forming {
                members: vec![i],
                values: vec![i],
            }),
            [one] => {
                let side = &mut sides[*one];
                side.members.push(i);
                if !side.values.iter().any(|&j| keys[j] == keys[i]) {
                    side.values.push(i);
                }
            }
            _ => vague.push(i),
        }
    }
    vague.sort_unstable();
    (
        sides
            .into_iter()
            .map(|s| s.members.into_iter().map(|i| items[i].clone()).collect())
            .collect(),
        vague.into_iter().map(|i| items[i].clone()).collect(),
    )
}

fn claim<'a>(claims: &'a ClaimsBySource, r: &ClaimRef) -> &'a Claim {
    &claims[r.source.0 as usize][r.index]
}

/// The finding about a title or state fact, when its claims disagree.
pub fn compare_fact(
    rule: &Rule,
    subject: Option<String>,
    refs: &[ClaimRef],
    sources: &[Source],
    claims: &ClaimsBySource,
) -> Option<Finding> {
    /// What decides agreement: an office, or a state's name.
    #[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
    enum Said<'a> {
        Office(Office),
        State(&'a str),
        Other,
    }
    // Each claim's office is read once, not once per comparison.
    let said: Vec<Said> = refs
        .iter()
        .map(|r| match &claim(claims, r).value {
            ClaimValue::Title(t) => Said::Office(Office::of(&t.office, &rule.named.equivalents)),
            ClaimValue::State(s) => Said::State(&s.state),
            _ => Said::Other,
        })
        .collect();
    let items: Vec<usize> = (0..refs.len()).collect();
    let (sides, vague) = split(
        &items,
        |&i| &said[i],
        |&a, &b| match (&said[a], &said[b]) {
            (Said::Office(x), Said::Office(y)) => x.agrees(y),
            (Said::State(x), Said::State(y)) => x == y,
            _ => false,
        },
        |&i| match &said[i] {
            Said::Office(o) => o.qualifiers.len() + o.words.len(),
            _ => 0,
        },
    );
    let sides: Vec<Vec<ClaimRef>> = sides
        .into_iter()
        .map(|side| side.into_iter().map(|i| refs[i]).collect())
        .collect();
    let vague: Vec<ClaimRef> = vague.into_iter().map(|i| refs[i]).collect();
    if sides.len() < 2 {
        return None;
    }
    let sides = number_sides(sides, |r| claim(claims, r).value.notation());
    let help = match rule.kind {
        crate::extract::ClaimKind::Title => format!(
            "each label shows a claim's side; qualifiers such as \"acting\" or \"former\" change the post, affiliations and places do not (rule `{}`)",
            rule.id
        ),
        _ => format!(
            "each label shows a claim's side; a negation or hedge (\"has yet to\", \"is expected to\") makes a statement the rule's hedged state (rule `{}`)",
            rule.id
        ),
    };
    Some(named_finding(
        rule,
        subject,
        sides,
        vague,
        sources,
        "sources disagree",
        help,
    ))
}

/// A disagreement among named values, described side by side.
pub fn named_finding(
    rule: &Rule,
    subject: Option<String>,
    sides: Vec<Side>,
    vague: Vec<ClaimRef>,
    sources: &[Source],
    verdict: &str,
    help: String,
) -> Finding {
    let values: Vec<String> = sides.iter().map(|s| s.value.clone()).collect();
    let described = describe_sides(&sides, sources);
    let about = subject
        .as_deref()
        .map(|s| format!(" for {s}"))
        .unwrap_or_default();
    Finding {
        id: finding_id(&rule.id, subject.as_deref(), &values),
        kind: FindingKind::Disagreement,
        fact: rule.id.clone(),
        title: rule.title.clone(),
        message: format!("{}{about}: {verdict}: {described}", rule.title),
        subject,
        severity: rule.severity,
        help: Some(help),
        sides,
        vague,
        involves_draft: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn office(words: &str) -> Office {
        let words: Vec<String> = words.split(' ').map(str::to_string).collect();
        Office::of(&words, &[vec!["governor".into(), "gov.".into()]])
    }

    #[test]
    fn a_qualifier_changes_the_post() {
        assert!(!office("acting foreign minister").agrees(&office("foreign minister")));
        assert!(!office("lieutenant governor").agrees(&office("governor")));
        assert!(!office("former diplomat").agrees(&office("diplomat")));
    }

    #[test]
    fn wordings_of_one_post_agree() {
        assert!(office("ambassador").agrees(&office("ambassador")));
        assert!(office("minister").agrees(&office("foreign minister")));
        assert!(office("gov.").agrees(&office("governor")));
        assert!(
            office("ambassador").agrees(&office("special envoy")),
            "two roles"
        );
        assert!(!office("foreign minister").agrees(&office("defence minister")));
    }

    /// [`split`] as it was: each item tested against every member.
    fn split_every_member<T: Clone>(
        items: &[T],
        agrees: impl Fn(&T, &T) -> bool,
        specificity: impl Fn(&T) -> usize,
    ) -> (Vec<Vec<T>>, Vec<T>) {
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(specificity(&items[i])), i));
        let mut sides: Vec<Vec<usize>> = Vec::new();
        let mut vague = Vec::new();
        for i in order {
            let fits: Vec<usize> = (0..sides.len())
                .filter(|&s| sides[s].iter().all(|&j| agrees(&items[i], &items[j])))
                .collect();
            match fits.as_slice() {
                [] => sides.push(vec![i]),
                [one] => sides[*one].push(i),
                _ => vague.push(i),
            }
        }
        vague.sort_unstable();
        let pick = |ids: Vec<usize>| ids.into_iter().map(|i| items[i].clone()).collect();
        (sides.into_iter().map(pick).collect(), pick(vague))
    }

    proptest::proptest! {
        /// Testing one member per distinct value splits as testing every
        /// member does (agreement between titles is not transitive, so
        /// the order and the sides matter).
        #[test]
        fn one_member_per_value_splits_as_every_member_does(
            picks in proptest::collection::vec(0..12usize, 0..24),
        ) {
            const TITLES: [&str; 12] = [
                "foreign minister", "acting foreign minister", "minister",
                "acting minister", "defence minister", "gov.", "governor",
                "lieutenant governor", "foreign affairs minister", "former minister",
                "ambassador", "special envoy",
            ];
            let items: Vec<(usize, &str)> = picks.iter().map(|&p| TITLES[p]).enumerate().collect();
            let agrees = |a: &(usize, &str), b: &(usize, &str)| office(a.1).agrees(&office(b.1));
            let specificity = |a: &(usize, &str)| a.1.split(' ').count();
            let by_value = split(&items, |a| a.1, agrees, specificity);
            proptest::prop_assert_eq!(by_value, split_every_member(&items, agrees, specificity));
        }
    }

    #[test]
    fn splitting_keeps_agreeing_titles_together() {
        let items = [
            "foreign minister",
            "acting foreign minister",
            "foreign minister",
            "minister",
        ];
        let (sides, vague) = split(
            &items,
            |a| *a,
            |a, b| office(a).agrees(&office(b)),
            |a| a.split(' ').count(),
        );
        assert_eq!(sides.len(), 2, "{sides:?}");
        assert_eq!(sides[0], vec!["acting foreign minister"]);
        assert_eq!(
            sides[1],
            vec!["foreign minister", "foreign minister", "minister"]
        );
        assert!(vague.is_empty());
    }
}
