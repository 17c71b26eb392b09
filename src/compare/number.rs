//! Number comparison beyond interval overlap: figures in different units
//! are converted to the rule's unit first, and a cumulative figure (a death
//! toll) that rose between reports is an update, not a disagreement.

use jiff::civil::Date;
use jiff::Timestamp;

use super::finding::finding_id;
use super::{ClaimRef, ClaimsBySource, Finding, FindingKind, Possible, Side};
use crate::extract::{Claim, ClaimValue};
use crate::rules::number::Monotonic;
use crate::rules::{Rule, Severity};
use crate::source::published::{span_of, PublishedTime};
use crate::source::Source;
use crate::value::number::{conversion, plain, Interval, Qualifier};

/// The values a claim allows, in the rule's unit when it has one.
///
/// A converted figure is taken as precise to the last digit written:
/// "1.6 miles" is 1.55 to 1.65 miles, so it agrees with "2.6 km" although
/// 1.6 miles is 2.575 km. Without conversion, "137" stays exactly 137.
pub fn possible(claim: &Claim, rule: &Rule) -> Option<Possible> {
    let p = Possible::of(claim, rule.tolerance)?;
    let (ClaimValue::Number(n), Some(to), Possible::Number(interval)) =
        (&claim.value, rule.count.unit.as_deref(), p)
    else {
        return Some(p);
    };
    let Some(from) = n.unit.as_deref() else {
        return Some(p);
    };
    if from == to {
        return Some(p);
    }
    let Some(factor) = conversion(from, to) else {
        return Some(p);
    };
    let widened = match n.qualifier {
        Qualifier::Exact | Qualifier::Range => Interval {
            lo: interval.lo - last_digit(n.number) / 2.0,
            hi: interval.hi + last_digit(n.upper.unwrap_or(n.number)) / 2.0,
            ..interval
        },
        _ => interval,
    };
    Some(Possible::Number(widened.scaled(factor)))
}

/// The value of the last digit of a figure as written: 0.1 for 1.6, 1 for
/// 137.
fn last_digit(n: f64) -> f64 {
    let written = plain(n);
    let decimals = written.split_once('.').map_or(0, |(_, d)| d.len());
    10f64.powi(-(decimals.min(300) as i32))
}

/// When a claim's source was published: its day, and its time if known.
fn published(sources: &[Source], claim_source: usize) -> Option<(Date, Option<PublishedTime>)> {
    let d = sources.get(claim_source)?.document_date.as_ref()?;
    Some((d.date, d.time))
}

fn day(date: Date, with_year: bool) -> String {
    let month = date.strftime("%B");
    if with_year {
        format!("{} {month} {}", date.day(), date.year())
    } else {
        format!("{} {month}", date.day())
    }
}

/// For a rule whose figure only rises: when the sides, ordered by value,
/// come from ever later documents (each lower figure published before every
/// higher one), the finding is an update ("137 on 24 March was updated to
/// 143 on 27 March", with times when the sources give them), at info
/// severity. When nothing contradicts that but some figures were published
/// the same day with no times to order them, it is a warning that they may
/// be successive updates. Otherwise `None`, and the sides are a
/// disagreement: a lower figure published after a higher one, or a report
/// with no document date, cannot be explained by a rising count.
pub fn superseded(
    rule: &Rule,
    subject: Option<&str>,
    sides: &[Side],
    vague: &[ClaimRef],
    sources: &[Source],
    claims: &ClaimsBySource,
) -> Option<Finding> {
    if rule.count.monotonic != Some(Monotonic::Rising) || sides.len() < 2 {
        return None;
    }
    /// A side's figure and when its sources were published, each source
    /// an interval of instants (a day with no time is the whole day).
    struct Step<'a> {
        side: &'a Side,
        lowest: Interval,
        /// The earliest publication, as written.
        first: (Date, Option<PublishedTime>),
        last_day: Date,
        earliest_start: Timestamp,
        latest_start: Timestamp,
        earliest_end: Timestamp,
        latest_end: Timestamp,
    }
    let mut steps = Vec::new();
    for side in sides {
        let mut common: Option<Possible> = None;
        let mut times = Vec::new();
        for r in &side.claims {
            let claim = claims.get(r.source.0 as usize)?.get(r.index)?;
            let Some(p) = possible(claim, rule) else {
                continue;
            };
            common = Some(match common {
                None => p,
                Some(c) => c.intersect(&p).unwrap_or(c),
            });
            let (date, time) = published(sources, r.source.0 as usize)?;
            let (start, end) = span_of(date, time)?;
            times.push(((date, time), start, end));
        }
        let Some(Possible::Number(lowest)) = common else {
            return None;
        };
        let first = times.iter().min_by_key(|(_, start, end)| (*start, *end))?.0;
        steps.push(Step {
            side,
            lowest,
            first,
            last_day: times.iter().map(|t| t.0 .0).max()?,
            earliest_start: times.iter().map(|t| t.1).min()?,
            latest_start: times.iter().map(|t| t.1).max()?,
            earliest_end: times.iter().map(|t| t.2).min()?,
            latest_end: times.iter().map(|t| t.2).max()?,
        });
    }
    steps.sort_by(|a, b| a.lowest.lo.total_cmp(&b.lowest.lo));
    let mut same_day = false;
    for w in steps.windows(2) {
        let (lower, higher) = (&w[0], &w[1]);
        if lower.lowest.hi > higher.lowest.lo {
            return None;
        }
        // Every lower figure published before every higher one: an update.
        if lower.latest_end <= higher.earliest_start {
            continue;
        }
        // A lower figure published at or after a higher one: no rising
        // count explains it.
        if lower.latest_start >= higher.earliest_end {
            return None;
        }
        same_day = true;
    }
    if same_day {
        let mut finding = Finding::disagreement(
            rule,
            subject.map(str::to_string),
            sides.to_vec(),
            vague.to_vec(),
            sources,
            claims,
        );
        finding.severity = Severity::Warning;
        finding.message = format!(
            "{} (some were published the same day with no times to order them: they may be successive updates)",
            finding
                .message
                .replacen(": sources disagree: ", ": figures differ: ", 1)
        );
        finding.help = Some(format!(
            "rule `{}` counts a figure that only rises: give each source's publication time (`published = \"2024-03-23T09:40:00+03:00\"` in sources.toml, or a stamped time) to tell an update from a disagreement",
            rule.id
        ));
        return Some(finding);
    }
    let with_year = steps.first()?.first.0.year() != steps.last()?.last_day.year();
    let chain: Vec<String> = steps
        .iter()
        .map(|s| {
            let (date, time) = s.first;
            match time {
                Some(t) => format!(
                    "{} at {} on {}",
                    s.side.value,
                    t.describe(),
                    day(date, with_year)
                ),
                None => format!("{} on {}", s.side.value, day(date, with_year)),
            }
        })
        .collect();
    let about = subject.map(|s| format!(" for {s}")).unwrap_or_default();
    let message = format!(
        "{}{about}: {} was updated to {}",
        rule.title,
        chain[0],
        chain[1..].join(", then to ")
    );
    let values: Vec<String> = sides.iter().map(|s| s.value.clone()).collect();
    Some(Finding {
        id: finding_id(&format!("{}/superseded", rule.id), subject, &values),
        kind: FindingKind::Superseded,
        fact: rule.id.clone(),
        title: rule.title.clone(),
        subject: subject.map(str::to_string),
        severity: Severity::Info,
        message,
        help: Some(format!(
            "rule `{}` counts a figure that only rises (monotonic = \"rising\"): a lower figure reported earlier is an update, not a disagreement",
            rule.id
        )),
        sides: sides.to_vec(),
        vague: vague.to_vec(),
        involves_draft: false,
    })
}
