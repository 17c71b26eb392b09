//! The pre-publication gate: a draft checked against its sources.
//!
//! Findings that involve the draft name it first and say how many sources
//! support each value ("the draft says 2025-07-04; 3 of 4 sources say
//! XXXX-07-03"), counting syndicated copies once. Disagreements among the
//! sources alone stay in the report as context but cannot fail the gate. A
//! draft claim that no source states for its fact is reported as
//! unsupported.

use std::collections::{BTreeMap, BTreeSet};

use super::finding::finding_id;
use super::{syndication, ClaimRef, ClaimsBySource, Finding, FindingKind, Side};
use crate::rules::{RuleSet, Severity};
use crate::source::Source;

/// The least severe finding that fails a run (`--fail-on`, `fail_on`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The severity at and above which findings fail the run; `None` never.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// The severity of draft claims that no source states (`--unsupported`,
/// `unsupported`); `None` is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unsupported(pub Option<Severity>);

impl std::str::FromStr for Unsupported {
    type Err = String;

    fn from_str(s: &str) -> Result<Unsupported, String> {
        match s {
            "off" | "never" => Ok(Unsupported(None)),
            "info" => Ok(Unsupported(Some(Severity::Info))),
            "warning" => Ok(Unsupported(Some(Severity::Warning))),
            "error" => Ok(Unsupported(Some(Severity::Error))),
            other => Err(format!(
                "unknown severity {other:?}, expected \"info\", \"warning\", \"error\" or \"off\""
            )),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Unsupported {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Unsupported, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// What the gate adds to the comparison's findings.
#[derive(Clone, Copy, Debug)]
pub struct GateOptions {
    /// Severity of unsupported draft claims; `None` leaves them out.
    pub unsupported: Option<Severity>,
}

/// Marks and rewords the findings that involve the draft and adds
/// unsupported-claim findings. Does nothing without a draft.
pub fn apply(
    findings: &mut Vec<Finding>,
    rules: &RuleSet,
    sources: &[Source],
    claims: &ClaimsBySource,
    options: GateOptions,
) {
    if !sources.iter().any(|s| s.draft) {
        return;
    }
    let is_draft = |r: &ClaimRef| sources[r.source.0 as usize].draft;
    let group = syndication::groups(sources);
    for finding in findings.iter_mut() {
        let all: Vec<(usize, ClaimRef)> = finding.claims_with_sides().collect();
        if !all.iter().any(|(_, r)| is_draft(r)) {
            let context =
                "context: the sources disagree among themselves; this does not fail the gate";
            finding.help = Some(match finding.help.take() {
                Some(h) => format!("{context}\n{h}"),
                None => context.to_string(),
            });
            continue;
        }
        finding.involves_draft = true;
        if finding.kind != FindingKind::Disagreement {
            continue;
        }
        // Distinct stories (syndicated copies once) among the sources.
        let stories = |refs: &mut dyn Iterator<Item = &ClaimRef>| -> BTreeSet<usize> {
            refs.filter(|r| !is_draft(r))
                .map(|r| group[r.source.0 as usize])
                .collect()
        };
        let total = stories(&mut all.iter().map(|(_, r)| r)).len();
        let draft_says: Vec<&str> = finding
            .sides
            .iter()
            .filter(|s| s.claims.iter().any(is_draft))
            .map(|s| s.value.as_str())
            .collect();
        let others: Vec<String> = finding
            .sides
            .iter()
            .filter(|s| !s.claims.iter().any(is_draft))
            .map(|s| {
                let n = stories(&mut s.claims.iter()).len();
                let verb = if n == 1 { "says" } else { "say" };
                format!("{n} of {total} sources {verb} {}", s.value)
            })
            .collect();
        let supporting: usize = finding
            .sides
            .iter()
            .filter(|s| s.claims.iter().any(is_draft))
            .map(|s| stories(&mut s.claims.iter()).len())
            .sum();
        finding.message = format!(
            "{}: the draft says {} ({supporting} of {total} sources agree); {}",
            finding.title,
            draft_says.join(" and "),
            others.join("; ")
        );
    }
    if let Some(severity) = options.unsupported {
        findings.extend(unsupported(rules, sources, claims, severity));
    }
}

/// Draft claims whose fact (and subject) no source states.
fn unsupported(
    rules: &RuleSet,
    sources: &[Source],
    claims: &ClaimsBySource,
    severity: Severity,
) -> Vec<Finding> {
    let mut stated: BTreeSet<(&str, Option<&str>)> = BTreeSet::new();
    for (i, list) in claims.iter().enumerate() {
        if sources[i].draft {
            continue;
        }
        for c in list {
            if let Some(fact) = &c.fact {
                stated.insert((fact, c.subject.as_deref()));
            }
        }
    }
    let mut by_fact: BTreeMap<(String, Option<String>), Vec<ClaimRef>> = BTreeMap::new();
    for (i, list) in claims.iter().enumerate() {
        if !sources[i].draft {
            continue;
        }
        for (index, c) in list.iter().enumerate() {
            let Some(fact) = &c.fact else { continue };
            if !stated.contains(&(fact.as_str(), c.subject.as_deref())) {
                by_fact
                    .entry((fact.clone(), c.subject.clone()))
                    .or_default()
                    .push(ClaimRef {
                        source: sources[i].id,
                        index,
                    });
            }
        }
    }
    by_fact
        .into_iter()
        .map(|((fact, subject), refs)| {
            let title = rules.get(&fact).map_or(fact.clone(), |r| r.title.clone());
            let values: Vec<String> = refs
                .iter()
                .map(|r| super::summary::shown_value(&claims[r.source.0 as usize][r.index]))
                .collect();
            Finding {
                id: finding_id(&format!("unsupported:{fact}"), subject.as_deref(), &values),
                kind: FindingKind::Unsupported,
                fact: fact.clone(),
                title: title.clone(),
                subject,
                severity,
                message: format!(
                    "{title}: the draft says {}, which no source states",
                    values.join(" and ")
                ),
                help: Some("add a source that states it, or cut it from the draft".into()),
                sides: vec![Side {
                    number: 1,
                    value: values[0].clone(),
                    claims: refs,
                    claim_values: values,
                }],
                vague: Vec::new(),
                involves_draft: true,
            }
        })
        .collect()
}

/// Splits off the findings a draft acknowledges with
/// `<!-- crosscheck-ignore FACT: reason -->`; returns them.
pub fn acknowledged(findings: &mut Vec<Finding>, sources: &[Source]) -> Vec<Finding> {
    let facts: BTreeSet<&str> = sources
        .iter()
        .filter(|s| s.draft)
        .flat_map(|s| s.acknowledgements.iter().map(|a| a.fact.as_str()))
        .collect();
    let (gone, kept): (Vec<Finding>, Vec<Finding>) = std::mem::take(findings)
        .into_iter()
        .partition(|f| f.involves_draft && facts.contains(f.fact.as_str()));
    *findings = kept;
    gone
}
