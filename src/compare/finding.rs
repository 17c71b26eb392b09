//! Findings: plain data about one disagreement, rendered by every format.

use serde::Serialize;

use super::ClaimsBySource;
use crate::extract::{Claim, ClaimValue};
use crate::rules::{Rule, Severity};
use crate::source::{Source, SourceId};
use crate::value::DateSet;

/// A claim, by source and position in that source's claim list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ClaimRef {
    pub source: SourceId,
    pub index: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Claims of one fact that cannot all be true.
    Disagreement,
    /// A weekday written beside a date it does not fall on.
    WeekdayMismatch,
    /// A date that does not exist ("February 30").
    InvalidDate,
    /// A claim in the draft that no source states for its fact.
    Unsupported,
    /// A rising figure updated by a later report (a death toll).
    Superseded,
    /// One quoted wording attributed to different speakers.
    SpeakerConflict,
}

/// One group of claims that agree with each other.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Side {
    /// 1, 2, ...; side 0 is the vague claims that fit several sides.
    pub number: usize,
    /// The value the side is known by: its most specific claim's.
    pub value: String,
    pub claims: Vec<ClaimRef>,
    /// Each claim's own value, in the order of `claims`. Claims on one
    /// side agree but need not be equal: a hedged ">=60" sits beside an
    /// exact "224", and only the first gave 224.
    #[serde(skip)]
    pub claim_values: Vec<String>,
}

impl Side {
    /// The side's distinct values, each with its claims, the side's own
    /// value first and the others in the order of their first claim.
    pub fn by_value(&self) -> Vec<(&str, Vec<ClaimRef>)> {
        let mut out: Vec<(&str, Vec<ClaimRef>)> = vec![(self.value.as_str(), Vec::new())];
        for (r, value) in self.claims.iter().zip(&self.claim_values) {
            match out.iter_mut().find(|(v, _)| v == value) {
                Some((_, refs)) => refs.push(*r),
                None => out.push((value.as_str(), vec![*r])),
            }
        }
        // Claims the values do not cover (none, when every constructor
        // fills them) stand under the side's value.
        if self.claim_values.len() < self.claims.len() {
            out[0].1.extend(&self.claims[self.claim_values.len()..]);
        }
        out.retain(|(_, refs)| !refs.is_empty());
        out
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Stable id: a short hash of fact, subject and the sides' values, so
    /// it survives edits elsewhere in the text.
    pub id: String,
    pub kind: FindingKind,
    pub fact: String,
    pub title: String,
    pub subject: Option<String>,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub sides: Vec<Side>,
    /// Side 0: claims consistent with several sides.
    pub vague: Vec<ClaimRef>,
    /// True when a claim of the draft (`--draft`) takes part: only such
    /// findings can fail the pre-publication gate.
    pub involves_draft: bool,
}

fn fnv1a(text: &str) -> u64 {
    crate::fnv::extend(crate::fnv::OFFSET, text.bytes())
}

pub fn finding_id(fact: &str, subject: Option<&str>, values: &[String]) -> String {
    let mut values = values.to_vec();
    values.sort();
    let key = format!(
        "{fact}\u{1f}{}\u{1f}{}",
        subject.unwrap_or(""),
        values.join("\u{1e}")
    );
    format!("{:08x}", fnv1a(&key) >> 32)
}

fn claim<'a>(claims: &'a ClaimsBySource, r: &ClaimRef) -> &'a Claim {
    &claims[r.source.0 as usize][r.index]
}

fn source_short(sources: &[Source], id: SourceId) -> String {
    sources[id.0 as usize].label().to_string()
}

/// The date sets of a side's claims that name a day of the month: a
/// single day, or a month and day without a year ("July 3").
fn named_days(side: &Side, claims: &ClaimsBySource) -> Vec<DateSet> {
    side.claims
        .iter()
        .filter_map(|r| match &claim(claims, r).value {
            ClaimValue::Date(d)
                if d.set.day.is_some() || d.set.lo.is_some() && d.set.lo == d.set.hi =>
            {
                Some(d.set)
            }
            _ => None,
        })
        .collect()
}

/// True when a day on one side is the day before or after a day another
/// side names: the classic off-by-one of time zones and next-day datelines.
fn sides_one_day_apart(sides: &[Side], claims: &ClaimsBySource) -> bool {
    let days: Vec<Vec<DateSet>> = sides.iter().map(|s| named_days(s, claims)).collect();
    let next_to = |a: &DateSet, b: &DateSet| {
        let Some(x) = a.lo.filter(|lo| a.hi == Some(*lo)) else {
            return false;
        };
        [-1, 1].iter().any(|n| {
            x.checked_add(jiff::Span::new().days(*n))
                .is_ok_and(|y| !b.intersect(&DateSet::on(y)).is_empty())
        })
    };
    days.iter().enumerate().any(|(i, a)| {
        days[i + 1..].iter().any(|b| {
            a.iter()
                .any(|x| b.iter().any(|y| next_to(x, y) || next_to(y, x)))
        })
    })
}

/// "2025-07-04 (Asia-Plus, Dawar Times)" for each side: its value and the
/// sources that hold it. A side whose claims differ in value names each
/// source beside its own figure ("224 (Velm Wire), >=60 (Oster Post)"):
/// a source that wrote "at least 60" never gave 224.
/// A message names at most this many sources per value and this many values;
/// past them it counts the rest, so that a finding over thousands of sources
/// stays one readable line, and a report that repeats the message per claim
/// (GitHub annotations, CSV rows) grows with the claims, not claims².
const NAMED_PER_VALUE: usize = 12;
const NAMED_VALUES: usize = 12;

/// "1,234": counts in messages, grouped as the desk writes them.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The sides as a message says them: "224 (Reuters, AP) vs 60 (BBC)".
pub fn describe_sides(sides: &[Side], sources: &[Source]) -> String {
    let mut shown_values = 0;
    let mut hidden_values = 0;
    let mut described: Vec<String> = Vec::new();
    for side in sides {
        let mut values: Vec<String> = Vec::new();
        for (value, refs) in side.by_value() {
            if shown_values == NAMED_VALUES {
                hidden_values += 1;
                continue;
            }
            shown_values += 1;
            let mut names: Vec<String> = refs
                .iter()
                .map(|r| source_short(sources, r.source))
                .collect();
            names.dedup();
            if names.len() > NAMED_PER_VALUE {
                let more = names.len() - NAMED_PER_VALUE;
                names.truncate(NAMED_PER_VALUE);
                names.push(format!("and {} more", grouped(more)));
            }
            values.push(format!("{value} ({})", names.join(", ")));
        }
        if !values.is_empty() {
            described.push(values.join(", "));
        }
    }
    let mut text = described.join(" vs ");
    if hidden_values > 0 {
        text.push_str(&format!(
            ", and {} more {}",
            grouped(hidden_values),
            if hidden_values == 1 {
                "value"
            } else {
                "values"
            }
        ));
    }
    text
}

/// Sides numbered 1, 2, ... from groups of claims, most specific first;
/// each side is named by `value_of` its first (most specific) claim, and
/// its claims are then put in source order.
pub fn number_sides(
    groups: Vec<Vec<ClaimRef>>,
    value_of: impl Fn(&ClaimRef) -> String,
) -> Vec<Side> {
    groups
        .into_iter()
        .enumerate()
        .map(|(i, mut members)| {
            let value = value_of(&members[0]);
            members.sort();
            Side {
                number: i + 1,
                value,
                claim_values: members.iter().map(&value_of).collect(),
                claims: members,
            }
        })
        .collect()
}

impl Finding {
    pub fn disagreement(
        rule: &Rule,
        subject: Option<String>,
        sides: Vec<Side>,
        vague: Vec<ClaimRef>,
        sources: &[Source],
        claims: &ClaimsBySource,
    ) -> Finding {
        let values: Vec<String> = sides.iter().map(|s| s.value.clone()).collect();
        let id = finding_id(&rule.id, subject.as_deref(), &values);
        let described = describe_sides(&sides, sources);
        let about = subject
            .as_deref()
            .map(|s| format!(" for {s}"))
            .unwrap_or_default();
        let message = format!("{}{about}: sources disagree: {described}", rule.title);
        let mut help = vec![format!(
            "each label shows a claim's side; claims on one side can all be true together (rule `{}`)",
            rule.id
        )];
        if sides_one_day_apart(&sides, claims) {
            help.push(
                "the sides are one day apart: often a time zone (an event late in the evening in one place is the next day in another) or a dateline written the day after the event; check which day the sources' places and filing times mean".into(),
            );
        }
        let unresolved = sides
            .iter()
            .flat_map(|s| &s.claims)
            .map(|r| claim(claims, r))
            .any(|c| c.kind == crate::extract::ClaimKind::Date && c.value.resolved().is_none());
        if unresolved {
            help.push(
                "some claims have no document date to resolve against; give one in sources.toml (`published`) or with --document-date".into(),
            );
        }
        Finding {
            id,
            kind: FindingKind::Disagreement,
            fact: rule.id.clone(),
            title: rule.title.clone(),
            subject,
            severity: rule.severity,
            message,
            help: Some(help.join("\n")),
            sides,
            vague,
            involves_draft: false,
        }
    }

    pub fn single(
        kind: FindingKind,
        severity: Severity,
        warning: &str,
        r: ClaimRef,
        sources: &[Source],
        claims: &ClaimsBySource,
    ) -> Finding {
        let c = claim(claims, &r);
        let source = &sources[r.source.0 as usize];
        let fact = match kind {
            FindingKind::InvalidDate => "invalid-date",
            FindingKind::WeekdayMismatch => "weekday-mismatch",
            FindingKind::Disagreement => "disagreement",
            FindingKind::Unsupported => "unsupported",
            FindingKind::Superseded => "superseded",
            FindingKind::SpeakerConflict => "quote-speaker",
        };
        let value = c.value.notation();
        Finding {
            id: finding_id(
                fact,
                Some(&source.name),
                &[value.clone(), c.text(source).to_string()],
            ),
            kind,
            fact: fact.to_string(),
            title: warning.to_string(),
            subject: None,
            severity,
            message: format!("{}: {warning}", c.text(source)),
            help: None,
            sides: vec![Side {
                number: 1,
                claim_values: vec![value.clone()],
                value,
                claims: vec![r],
            }],
            vague: Vec::new(),
            involves_draft: false,
        }
    }

    /// Every claim of the finding with its side number, side 0 last.
    pub fn claims_with_sides(&self) -> impl Iterator<Item = (usize, ClaimRef)> + '_ {
        self.sides
            .iter()
            .flat_map(|s| s.claims.iter().map(move |r| (s.number, *r)))
            .chain(self.vague.iter().map(|r| (0, *r)))
    }
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn counts_are_grouped_in_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(3997), "3,997");
        assert_eq!(grouped(1234567), "1,234,567");
    }
}
