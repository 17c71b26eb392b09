//! What the story's facts add up to, for reports that show more than the
//! findings: each fact's values and who holds them, and which sources
//! agree with which. Computed here so that renderers only format.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{ClaimRef, Finding, FindingKind};
use crate::extract::{Claim, ClaimKind};
use crate::source::{Source, SourceId};

/// A fact and its values: for each, the group of sources that holds it
/// and how many they are. A fact with a finding is shown by its sides
/// (values that can be true together form one side); any other fact by
/// its distinct values.
#[derive(Clone, Debug, Serialize)]
pub struct FactSummary {
    pub fact: String,
    pub subject: Option<String>,
    /// The finding's title, when the fact has one.
    pub title: Option<String>,
    pub disagree: bool,
    /// The kind of the fact's claims (a fact's claims share one).
    pub kind: Option<ClaimKind>,
    pub values: Vec<HeldValue>,
}

/// One value of a fact: the sources that hold it and the words they use.
#[derive(Clone, Debug, Serialize)]
pub struct HeldValue {
    pub value: String,
    pub holders: BTreeSet<SourceId>,
    pub written: BTreeSet<String>,
}

/// A claim's value as reports show it: resolved when it could be, else as
/// written in TIMEX3-style notation.
pub fn shown_value(claim: &Claim) -> String {
    claim
        .value
        .resolved()
        .unwrap_or_else(|| claim.value.notation())
}

impl HeldValue {
    fn of(
        sources: &[Source],
        claims: &[Vec<Claim>],
        value: String,
        refs: &[ClaimRef],
    ) -> HeldValue {
        HeldValue {
            value,
            holders: refs.iter().map(|r| r.source).collect(),
            written: refs
                .iter()
                .map(|r| {
                    let source = &sources[r.source.0 as usize];
                    let claim = &claims[r.source.0 as usize][r.index];
                    let (text, range) = source.readable(claim.span.range.clone());
                    text.get(range).unwrap_or("").to_string()
                })
                .collect(),
        }
    }
}

/// Each fact's disagreement, looked up once: a scan per fact would cost
/// facts × findings.
pub struct Disagreements<'a>(BTreeMap<(&'a str, Option<&'a str>), &'a Finding>);

impl<'a> Disagreements<'a> {
    pub fn of(findings: &'a [Finding]) -> Disagreements<'a> {
        let mut by_fact = BTreeMap::new();
        for f in findings {
            if f.kind == FindingKind::Disagreement {
                by_fact
                    .entry((f.fact.as_str(), f.subject.as_deref()))
                    .or_insert(f);
            }
        }
        Disagreements(by_fact)
    }

    pub fn get(&self, fact: &str, subject: Option<&str>) -> Option<&'a Finding> {
        self.0.get(&(fact, subject)).copied()
    }
}

/// Every fact a claim was assigned to, in fact and subject order. The
/// texts of the sources holding those claims must be in memory.
pub fn facts(
    sources: &[Source],
    claims: &[Vec<Claim>],
    disagreements: &Disagreements,
) -> Vec<FactSummary> {
    let mut facts: BTreeMap<(String, Option<String>), Vec<ClaimRef>> = BTreeMap::new();
    for (s, list) in claims.iter().enumerate() {
        for (index, claim) in list.iter().enumerate() {
            if let Some(fact) = &claim.fact {
                facts
                    .entry((fact.clone(), claim.subject.clone()))
                    .or_default()
                    .push(ClaimRef {
                        source: SourceId(s as u32),
                        index,
                    });
            }
        }
    }
    let held = |value: String, refs: &[ClaimRef]| HeldValue::of(sources, claims, value, refs);
    facts
        .into_iter()
        .map(|((fact, subject), refs)| {
            let finding = disagreements.get(&fact, subject.as_deref());
            let values = match finding {
                Some(f) => {
                    // One row per value a source gave: a side holding
                    // ">=60" beside "224" is two rows, so no source is
                    // listed beside a figure it never gave.
                    let mut values: Vec<HeldValue> = f
                        .sides
                        .iter()
                        .flat_map(|side| side.by_value())
                        .map(|(value, refs)| held(value.to_string(), &refs))
                        .collect();
                    if !f.vague.is_empty() {
                        values.push(held("fits several sides".to_string(), &f.vague));
                    }
                    values
                }
                None => {
                    let mut by_value: BTreeMap<String, Vec<ClaimRef>> = BTreeMap::new();
                    for r in &refs {
                        let claim = &claims[r.source.0 as usize][r.index];
                        by_value.entry(shown_value(claim)).or_default().push(*r);
                    }
                    let mut values: Vec<HeldValue> = by_value
                        .into_iter()
                        .map(|(value, refs)| held(value, &refs))
                        .collect();
                    values.sort_by(|a, b| {
                        b.holders
                            .len()
                            .cmp(&a.holders.len())
                            .then(a.value.cmp(&b.value))
                    });
                    values
                }
            };
            let kind = refs
                .first()
                .map(|r| claims[r.source.0 as usize][r.index].kind);
            FactSummary {
                title: finding.map(|f| f.title.clone()),
                kind,
                disagree: finding.is_some(),
                fact,
                subject,
                values,
            }
        })
        .collect()
}

/// How many findings involve each source (a claim of it on any side).
pub fn involvement(sources: usize, findings: &[Finding]) -> Vec<usize> {
    let mut involved = vec![0; sources];
    for finding in findings {
        let mut seen = BTreeSet::new();
        for (_, r) in finding.claims_with_sides() {
            if seen.insert(r.source) {
                if let Some(n) = involved.get_mut(r.source.0 as usize) {
                    *n += 1;
                }
            }
        }
    }
    involved
}

/// For a pair of sources: facts both state on a common side, and facts
/// where they hold only opposing sides.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Pair {
    pub agree: usize,
    pub disagree: usize,
}

/// The agreement matrix, source by source: for every fact, each source's
/// sides (a fact with no finding is one side for everyone; a vague claim
/// fits every side). Sources² cells: for a few dozen sources at most.
pub fn agreement_matrix(
    sources: usize,
    facts: &[FactSummary],
    disagreements: &Disagreements,
) -> Vec<Vec<Pair>> {
    let mut matrix = vec![vec![Pair::default(); sources]; sources];
    for fact in facts {
        let (sides, vague) = sides_by_source(fact, disagreements);
        let stating: BTreeSet<SourceId> = sides.keys().chain(vague.iter()).copied().collect();
        for a in &stating {
            for b in &stating {
                let (Some(row_a), Some(row_b)) = (sides.get(a), sides.get(b)) else {
                    // A vague claim fits every side.
                    matrix[a.0 as usize][b.0 as usize].agree += 1;
                    continue;
                };
                let cell = &mut matrix[a.0 as usize][b.0 as usize];
                if row_a.is_disjoint(row_b) {
                    cell.disagree += 1;
                } else {
                    cell.agree += 1;
                }
            }
        }
    }
    matrix
}

/// For one source: the facts it states, and those where another source
/// holds only opposing sides. The matrix folds to this past a few dozen
/// sources, since nobody reads a table of thousands of columns.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Standing {
    pub stated: usize,
    pub opposed: usize,
}

/// Each source's [`Standing`]: sources × sides held, not sources².
pub fn standings(
    sources: usize,
    facts: &[FactSummary],
    disagreements: &Disagreements,
) -> Vec<Standing> {
    let mut standings = vec![Standing::default(); sources];
    for fact in facts {
        let (sides, vague) = sides_by_source(fact, disagreements);
        // A source holding one side k is opposed unless every source holds
        // k; the rare source on several sides checks each group of holders.
        let mut holding: BTreeMap<usize, usize> = BTreeMap::new();
        let mut groups: BTreeSet<&BTreeSet<usize>> = BTreeSet::new();
        for held in sides.values() {
            for k in held {
                *holding.entry(*k).or_default() += 1;
            }
            groups.insert(held);
        }
        for (s, held) in &sides {
            let standing = &mut standings[s.0 as usize];
            standing.stated += 1;
            let opposed = match held.iter().collect::<Vec<_>>()[..] {
                [k] => holding.get(k).copied().unwrap_or(0) < sides.len(),
                _ => groups.iter().any(|other| other.is_disjoint(held)),
            };
            if opposed {
                standing.opposed += 1;
            }
        }
        for s in vague.iter().filter(|s| !sides.contains_key(s)) {
            standings[s.0 as usize].stated += 1;
        }
    }
    standings
}

/// Each source's sides of one fact (a fact with no finding is one side for
/// everyone), and the sources whose claims are vague, fitting every side.
fn sides_by_source(
    fact: &FactSummary,
    disagreements: &Disagreements,
) -> (BTreeMap<SourceId, BTreeSet<usize>>, BTreeSet<SourceId>) {
    let mut sides: BTreeMap<SourceId, BTreeSet<usize>> = BTreeMap::new();
    let mut vague: BTreeSet<SourceId> = BTreeSet::new();
    match disagreements.get(&fact.fact, fact.subject.as_deref()) {
        Some(f) => {
            for (side, r) in f.claims_with_sides() {
                if side == 0 {
                    vague.insert(r.source);
                } else {
                    sides.entry(r.source).or_default().insert(side);
                }
            }
        }
        None => {
            for value in &fact.values {
                for s in &value.holders {
                    sides.entry(*s).or_default().insert(1);
                }
            }
        }
    }
    (sides, vague)
}

/// A number fact's dated figures against publication time: a rising toll,
/// or a toll that disagrees, drawn as a picture where three or more
/// figures are dated.
#[derive(Clone, Debug, Serialize)]
pub struct Timeline {
    /// In publication order (then source order): the update order.
    pub points: Vec<TimelinePoint>,
}

/// One dated figure: who gave it, when it was published, and the values
/// it allows (`hi` infinite for "at least").
#[derive(Clone, Debug, Serialize)]
pub struct TimelinePoint {
    pub source: SourceId,
    /// The source's document date, `YYYY-MM-DD`.
    pub published: String,
    /// Days since the first point's publication.
    pub day: i32,
    pub lo: f64,
    pub hi: f64,
    /// The figure as the finding shows it.
    pub value: String,
    /// The finding's side the figure is on (0: fits several).
    pub side: usize,
}

/// Fewest dated figures worth a picture: two points are a sentence.
const TIMELINE_MIN_POINTS: usize = 3;

/// The timeline of a finding about a number fact, when at least
/// [`TIMELINE_MIN_POINTS`] of its figures come from sources with a
/// document date.
pub fn timeline(finding: &Finding, sources: &[Source], claims: &[Vec<Claim>]) -> Option<Timeline> {
    if !matches!(
        finding.kind,
        FindingKind::Disagreement | FindingKind::Superseded
    ) {
        return None;
    }
    let mut dated = Vec::new();
    for (side, r) in finding.claims_with_sides() {
        let claim = &claims[r.source.0 as usize][r.index];
        let crate::extract::ClaimValue::Number(n) = &claim.value else {
            return None;
        };
        let Some(published) = sources[r.source.0 as usize].document_date.as_ref() else {
            continue;
        };
        let bounds = n.bounds(0.0);
        dated.push((published.date, r, side, bounds, shown_value(claim)));
    }
    if dated.len() < TIMELINE_MIN_POINTS {
        return None;
    }
    dated.sort_by_key(|a| (a.0, a.1));
    let first = dated[0].0;
    let points = dated
        .into_iter()
        .map(|(date, r, side, bounds, value)| TimelinePoint {
            source: r.source,
            published: date.to_string(),
            day: first.until(date).map_or(0, |span| span.get_days()),
            lo: bounds.lo,
            hi: bounds.hi,
            value,
            side,
        })
        .collect();
    Some(Timeline { points })
}

/// The candidate days of a date fact in disagreement, and which sources
/// hold each: a strip of the calendar, then any day a source names only
/// in part ("July 3" with no year, "on Thursday" alone).
#[derive(Clone, Debug, Serialize)]
pub struct DayStrip {
    pub days: Vec<StripDay>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StripDay {
    /// The day as a reader names it: "Fri 2025-07-04", "3 July (no year
    /// given)", "a Thursday".
    pub label: String,
    /// A day of the calendar (not a partial one).
    pub exact: bool,
    /// Sources naming this day (none for a day between candidates).
    pub holders: Vec<SourceId>,
}

/// Candidates this far apart at most are shown with every day between
/// them; farther apart, only the candidates.
const STRIP_MAX_DAYS: i32 = 14;

fn exact_label(day: jiff::civil::Date) -> String {
    let weekday = crate::value::date::weekday_name(day.weekday());
    format!("{} {day}", &weekday[..3])
}

/// A partial day's label, or `None` for a set that names no day (a month,
/// a range).
fn partial_label(set: &crate::value::DateSet) -> Option<String> {
    match (set.month, set.day, set.weekday) {
        (Some(m), Some(d), _) => {
            let month = crate::value::date::MONTHS.get(usize::try_from(m - 1).ok()?)?;
            Some(format!("{d} {month} (no year given)"))
        }
        (_, _, Some(w)) => Some(format!("a {}", crate::value::date::weekday_name(w))),
        _ => None,
    }
}

/// The strip of a disagreement about a date: every day a claim names, when
/// there are two or more.
pub fn day_strip(finding: &Finding, claims: &[Vec<Claim>]) -> Option<DayStrip> {
    if finding.kind != FindingKind::Disagreement {
        return None;
    }
    let mut exact: BTreeMap<jiff::civil::Date, BTreeSet<SourceId>> = BTreeMap::new();
    let mut partial: BTreeMap<String, BTreeSet<SourceId>> = BTreeMap::new();
    for (_, r) in finding.claims_with_sides() {
        let crate::extract::ClaimValue::Date(d) = &claims[r.source.0 as usize][r.index].value
        else {
            return None;
        };
        match (d.set.lo, d.set.hi) {
            (Some(lo), Some(hi)) if lo == hi => {
                exact.entry(lo).or_default().insert(r.source);
            }
            _ => {
                if let Some(label) = partial_label(&d.set) {
                    partial.entry(label).or_default().insert(r.source);
                }
            }
        }
    }
    if exact.len() + partial.len() < 2 {
        return None;
    }
    let mut days = Vec::new();
    if let (Some(first), Some(last)) = (exact.keys().next(), exact.keys().next_back()) {
        let span = first.until(*last).map_or(i32::MAX, |s| s.get_days());
        let calendar: Vec<jiff::civil::Date> = if span <= STRIP_MAX_DAYS {
            first
                .series(jiff::Span::new().days(1))
                .take_while(|d| d <= last)
                .collect()
        } else {
            exact.keys().copied().collect()
        };
        for day in calendar {
            days.push(StripDay {
                label: exact_label(day),
                exact: true,
                holders: exact
                    .get(&day)
                    .map(|s| s.iter().copied().collect())
                    .unwrap_or_default(),
            });
        }
    }
    for (label, holders) in partial {
        days.push(StripDay {
            label,
            exact: false,
            holders: holders.into_iter().collect(),
        });
    }
    Some(DayStrip { days })
}
