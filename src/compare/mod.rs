//! Comparing claims by meaning and turning disagreements into findings.
//!
//! Each claim's value is a set of possibilities ([`Possible`]). Two claims
//! disagree only when their sets cannot overlap. A fact's claims are split
//! into sides: the most specific claims first, each joining the one side
//! whose common ground it shares; a claim that fits no side opens a new
//! one, and a vaguer claim that fits several sides is listed with side 0
//! ("consistent with several"). Two or more sides make a finding.

pub mod baseline;
mod finding;
pub mod gate;
pub mod named;
pub mod number;
pub mod person;
pub mod quote;
pub mod summary;
pub mod syndication;

use std::collections::BTreeMap;

pub use finding::{grouped, ClaimRef, Finding, FindingKind, Side};

use crate::extract::{Claim, ClaimKind, ClaimValue};
use crate::rules::{RuleSet, Severity};
use crate::source::{Source, SourceId};
use crate::value::date::weekday_name;
use crate::value::number::Interval;
use crate::value::DateSet;

/// The set of values a claim allows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Possible {
    Date(DateSet),
    Number(Interval),
}

impl Possible {
    /// The claim's set of values; `None` for named values (people, titles,
    /// quotes, states), which `named` and `quote` compare by their words.
    pub fn of(claim: &Claim, tolerance: f64) -> Option<Possible> {
        match &claim.value {
            ClaimValue::Date(d) => Some(Possible::Date(d.set)),
            ClaimValue::Number(n) => Some(Possible::Number(n.bounds(tolerance))),
            ClaimValue::Person(_)
            | ClaimValue::Title(_)
            | ClaimValue::Quote(_)
            | ClaimValue::State(_) => None,
        }
    }

    /// The values both allow, or `None` when there are none.
    pub fn intersect(&self, other: &Possible) -> Option<Possible> {
        match (self, other) {
            (Possible::Date(a), Possible::Date(b)) => {
                let both = a.intersect(b);
                (!both.is_empty()).then_some(Possible::Date(both))
            }
            (Possible::Number(a), Possible::Number(b)) => {
                if !a.overlaps(b) {
                    return None;
                }
                let (lo, lo_closed) = if a.lo >= b.lo {
                    (a.lo, a.lo_closed && (a.lo > b.lo || b.lo_closed))
                } else {
                    (b.lo, b.lo_closed)
                };
                let (hi, hi_closed) = if a.hi <= b.hi {
                    (a.hi, a.hi_closed && (a.hi < b.hi || b.hi_closed))
                } else {
                    (b.hi, b.hi_closed)
                };
                Some(Possible::Number(Interval {
                    lo,
                    lo_closed,
                    hi,
                    hi_closed,
                }))
            }
            _ => None,
        }
    }

    /// How much the claim allows; smaller is more specific.
    pub fn breadth(&self) -> f64 {
        match self {
            Possible::Date(d) => d.breadth(),
            Possible::Number(i) => {
                let width = i.hi - i.lo;
                if width.is_finite() {
                    width
                } else {
                    f64::MAX
                }
            }
        }
    }

    /// True when the two claims can be the same value.
    pub fn agrees(&self, other: &Possible) -> bool {
        self.intersect(other).is_some()
    }
}

/// Claims of every source, indexed by [`SourceId`].
pub type ClaimsBySource = [Vec<Claim>];

/// Every finding among the claims, in a stable order.
pub fn compare(rules: &RuleSet, sources: &[Source], claims: &ClaimsBySource) -> Vec<Finding> {
    let mut findings = claim_checks(sources, claims);
    let subjects = person::Subjects::new(rules, claims);
    let mut facts: BTreeMap<(String, Option<String>), Vec<ClaimRef>> = BTreeMap::new();
    for (source, list) in claims.iter().enumerate() {
        for (index, claim) in list.iter().enumerate() {
            if let Some(fact) = &claim.fact {
                facts
                    .entry((fact.clone(), subjects.canonical(claim.subject.as_deref())))
                    .or_default()
                    .push(ClaimRef {
                        source: SourceId(source as u32),
                        index,
                    });
            }
        }
    }
    for ((fact, subject), refs) in facts {
        let Some(rule) = rules.get(&fact) else {
            continue;
        };
        match rule.kind {
            ClaimKind::Title | ClaimKind::State => {
                findings.extend(named::compare_fact(rule, subject, &refs, sources, claims));
                continue;
            }
            ClaimKind::Quote | ClaimKind::Person => continue,
            ClaimKind::Date | ClaimKind::Number => {}
        }
        let get = |r: &ClaimRef| &claims[r.source.0 as usize][r.index];
        // A rule of a kind with sets of values takes only claims of that kind.
        let valued: Vec<(ClaimRef, Possible)> = refs
            .iter()
            .filter_map(|r| number::possible(get(r), rule).map(|p| (*r, p)))
            .collect();
        let (sides, vague) = split_sides(&valued, |(_, p)| *p);
        let sides: Vec<Vec<ClaimRef>> = sides
            .into_iter()
            .map(|side| side.into_iter().map(|(r, _)| r).collect())
            .collect();
        let vague: Vec<ClaimRef> = vague.into_iter().map(|(r, _)| r).collect();
        if sides.len() < 2 {
            continue;
        }
        let sides = finding::number_sides(sides, |r| side_value(get(r)));
        if let Some(update) =
            number::superseded(rule, subject.as_deref(), &sides, &vague, sources, claims)
        {
            findings.push(update);
            continue;
        }
        findings.push(Finding::disagreement(
            rule, subject, sides, vague, sources, claims,
        ));
    }
    for rule in rules.rules.iter().filter(|r| r.kind == ClaimKind::Quote) {
        let refs: Vec<ClaimRef> = claims
            .iter()
            .enumerate()
            .flat_map(|(s, list)| {
                list.iter().enumerate().filter_map(move |(index, c)| {
                    (c.fact.as_deref() == Some(rule.id.as_str())).then_some(ClaimRef {
                        source: SourceId(s as u32),
                        index,
                    })
                })
            })
            .collect();
        findings.extend(quote::findings(rule, &refs, &subjects, sources, claims));
    }
    findings.sort_by(|a, b| {
        (b.severity, &a.fact, &a.subject, &a.id).cmp(&(a.severity, &b.fact, &b.subject, &b.id))
    });
    findings
}

/// The value a side is known by: its most specific claim's. A date whose
/// weekday contradicts it names the weekday too, as that is where it
/// parts from the others: "Sunday 2019-04-15 (no such day)".
fn side_value(claim: &Claim) -> String {
    let value = claim
        .value
        .resolved()
        .unwrap_or_else(|| claim.value.notation());
    match &claim.value {
        ClaimValue::Date(d) if d.set.is_empty() => match d.set.weekday {
            Some(w) => format!("{} {value} (no such day)", weekday_name(w)),
            None => value,
        },
        _ => value,
    }
}

/// Splits claims into sides that agree within themselves, plus the vague
/// claims that fit more than one side.
pub fn split_sides<T: Clone>(
    items: &[T],
    possible: impl Fn(&T) -> Possible,
) -> (Vec<Vec<T>>, Vec<T>) {
    let mut order: Vec<(usize, Possible)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (i, possible(item)))
        .collect();
    // Most specific first; equal breadth keeps text order.
    order.sort_by(|a, b| a.1.breadth().total_cmp(&b.1.breadth()).then(a.0.cmp(&b.0)));
    let mut sides: Vec<(Possible, Vec<usize>)> = Vec::new();
    let mut vague = Vec::new();
    for (i, p) in order {
        let fits: Vec<usize> = sides
            .iter()
            .enumerate()
            .filter(|(_, (common, _))| common.agrees(&p))
            .map(|(s, _)| s)
            .collect();
        match fits.as_slice() {
            [] => sides.push((p, vec![i])),
            [one] => {
                let side = &mut sides[*one];
                side.0 = side.0.intersect(&p).unwrap_or(side.0);
                side.1.push(i);
            }
            _ => vague.push(i),
        }
    }
    // Members stay most specific first: the first names the side's value.
    let sides = sides
        .into_iter()
        .map(|(_, members)| members.into_iter().map(|i| items[i].clone()).collect())
        .collect();
    vague.sort_unstable();
    (sides, vague.into_iter().map(|i| items[i].clone()).collect())
}

/// Problems a single claim has on its own: an impossible date, a weekday
/// that does not fit the date beside it.
fn claim_checks(sources: &[Source], claims: &ClaimsBySource) -> Vec<Finding> {
    let mut out = Vec::new();
    for (source, list) in claims.iter().enumerate() {
        for (index, claim) in list.iter().enumerate() {
            let Some(warning) = &claim.warning else {
                continue;
            };
            let (kind, severity) = if warning.contains("not a date") {
                (FindingKind::InvalidDate, Severity::Warning)
            } else {
                (FindingKind::WeekdayMismatch, Severity::Error)
            };
            let r = ClaimRef {
                source: SourceId(source as u32),
                index,
            };
            out.push(Finding::single(kind, severity, warning, r, sources, claims));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn d(set: DateSet) -> Possible {
        Possible::Date(set)
    }

    #[test]
    fn the_seed_pattern_splits_into_two_sides() {
        let july4 = d(DateSet::on(date(2025, 7, 4)));
        let july3 = d(DateSet {
            month: Some(7),
            day: Some(3),
            ..DateSet::any()
        });
        let thursday = d(DateSet {
            weekday: Some(jiff::civil::Weekday::Thursday),
            ..DateSet::any()
        });
        let items = vec![july3, july4, july4, july3, thursday];
        let (sides, vague) = split_sides(&items, |p| *p);
        assert_eq!(sides.len(), 2);
        assert_eq!(sides[0], vec![july4, july4]);
        assert_eq!(
            sides[1],
            vec![july3, july3, thursday],
            "most specific first"
        );
        assert!(vague.is_empty());
    }

    #[test]
    fn a_vague_claim_fitting_both_sides_is_side_zero() {
        let july4 = d(DateSet::on(date(2025, 7, 4)));
        let july3 = d(DateSet::on(date(2025, 7, 3)));
        let july = d(DateSet::month_of(2025, 7).unwrap());
        let (sides, vague) = split_sides(&[july, july3, july4], |p| *p);
        assert_eq!(sides.len(), 2);
        assert_eq!(vague, vec![july]);
    }

    #[test]
    fn agreeing_claims_make_one_side() {
        let april17 = d(DateSet {
            month: Some(4),
            day: Some(17),
            ..DateSet::any()
        });
        let april2025 = d(DateSet::month_of(2025, 4).unwrap());
        let april = d(DateSet {
            month: Some(4),
            ..DateSet::any()
        });
        let (sides, vague) = split_sides(&[april17, april2025, april], |p| *p);
        assert_eq!(sides.len(), 1);
        assert!(vague.is_empty());
    }
}
