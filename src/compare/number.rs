//! Number comparison beyond interval overlap: figures in different units
//! are converted to the rule's unit first, and a cumulative figure (a death
//! toll) that rose between reports is an update, not a disagreement.

use jiff::civil::Date;

use super::finding::finding_id;
use super::{ClaimRef, ClaimsBySource, Finding, FindingKind, Possible, Side};
use crate::extract::{Claim, ClaimValue};
use crate::rules::number::Monotonic;
use crate::rules::{Rule, Severity};
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

fn document_date(sources: &[Source], claim_source: usize) -> Option<Date> {
    sources
        .get(claim_source)?
        .document_date
        .as_ref()
        .map(|d| d.date)
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
/// come from ever later documents (each lower figure reported before every
/// higher one), the finding is an update ("137 on 24 March was updated to
/// 143 on 27 March"), at info severity. Otherwise `None`, and the sides are
/// a disagreement: a lower figure reported after a higher one, or a report
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
    struct Step<'a> {
        side: &'a Side,
        lowest: Interval,
        first: Date,
        last: Date,
    }
    let mut steps = Vec::new();
    for side in sides {
        let mut common: Option<Possible> = None;
        let mut dates = Vec::new();
        for r in &side.claims {
            let claim = claims.get(r.source.0 as usize)?.get(r.index)?;
            let Some(p) = possible(claim, rule) else {
                continue;
            };
            common = Some(match common {
                None => p,
                Some(c) => c.intersect(&p).unwrap_or(c),
            });
            dates.push(document_date(sources, r.source.0 as usize)?);
        }
        let Some(Possible::Number(lowest)) = common else {
            return None;
        };
        steps.push(Step {
            side,
            lowest,
            first: *dates.iter().min()?,
            last: *dates.iter().max()?,
        });
    }
    steps.sort_by(|a, b| a.lowest.lo.total_cmp(&b.lowest.lo));
    let rising = steps
        .windows(2)
        .all(|w| w[0].lowest.hi <= w[1].lowest.lo && w[0].last < w[1].first);
    if !rising {
        return None;
    }
    let with_year = steps.first()?.first.year() != steps.last()?.last.year();
    let chain: Vec<String> = steps
        .iter()
        .map(|s| format!("{} on {}", s.side.value, day(s.first, with_year)))
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
