//! `--explain`: for every claim, which rule took it and through which
//! trigger, why this value and not another in the sentence, and how it was
//! resolved. Plain text for a rule author reading a terminal; positions are
//! `line:column` in the file, as everywhere else.

use std::io::{self, Write};
use std::ops::Range;

use super::Report;
use crate::extract::Claim;
use crate::rules::explain::{Explanations, Reason, TriggerHit};
use crate::source::{LineIndex, Source};

/// The words a reader sees for a byte range of the source: for a saved web
/// page, the page's prose rather than its markup.
fn shown<'a>(source: &'a Source, range: &Range<usize>) -> &'a str {
    let text = match &source.page {
        Some(page) if page.shown => page
            .text
            .get(page.offsets.to_text(range.clone()))
            .unwrap_or(""),
        _ => source.text.get(range.clone()).unwrap_or(""),
    };
    text
}

/// A quoted piece of text on one line, shortened in the middle when long.
fn quoted(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = flat.chars().collect();
    if chars.len() <= 90 {
        return format!("“{flat}”");
    }
    let head: String = chars[..50].iter().collect();
    let tail: String = chars[chars.len() - 30..].iter().collect();
    format!("“{head} … {tail}”")
}

struct Writer<'a> {
    source: &'a Source,
    lines: &'a LineIndex,
}

impl Writer<'_> {
    fn at(&self, offset: usize) -> String {
        let (line, column) = self.lines.line_col(&self.source.text, offset);
        format!("{line}:{column}")
    }

    fn trigger(&self, t: &TriggerHit) -> String {
        format!(
            "trigger /{}/ matched {} at {}",
            t.pattern,
            quoted(shown(self.source, &t.range)),
            self.at(t.range.start)
        )
    }

    fn reason(&self, claim: &Claim, reason: &Reason) -> String {
        let kind = claim.kind.as_str();
        match reason {
            Reason::Taken {
                trigger,
                scope_kind,
                distance,
                nearest,
                ..
            } => {
                let how = if *nearest {
                    format!("the {kind} nearest the trigger in its {scope_kind}")
                } else {
                    format!("`select = \"all\"` takes every {kind} in the {scope_kind}")
                };
                format!(
                    "taken by {}: {}; {how} ({} away)",
                    trigger.rule,
                    self.trigger(trigger),
                    bytes(*distance)
                )
            }
            Reason::NearerClaim {
                trigger,
                distance,
                taken,
                taken_distance,
            } => format!(
                "passed over by {}: its {} took the nearer {} ({} away, this one {distance})",
                trigger.rule,
                self.trigger(trigger),
                quoted(shown(self.source, taken)),
                bytes(*taken_distance)
            ),
            Reason::NearerTrigger {
                trigger,
                distance,
                winner,
                winner_distance,
            } => format!(
                "lost by {} ({}, {} away) to {}, whose {} is nearer ({})",
                trigger.rule,
                self.trigger(trigger),
                bytes(*distance),
                winner.rule,
                self.trigger(winner),
                bytes(*winner_distance)
            ),
            Reason::NotTaken { trigger } => format!(
                "in the scope of {}'s {}, but not taken by it",
                trigger.rule,
                self.trigger(trigger)
            ),
            Reason::ExcludedClaim { trigger, exclude } => format!(
                "excluded from {}: the {kind} overlaps `exclude` /{exclude}/ ({})",
                trigger.rule,
                self.trigger(trigger)
            ),
            Reason::ExcludedTrigger { trigger, exclude } => format!(
                "{} ignored its {}: it overlaps `exclude` /{exclude}/",
                trigger.rule,
                self.trigger(trigger)
            ),
            Reason::OutOfScope {
                trigger,
                scope,
                scope_kind,
            } => format!(
                "outside the {scope_kind} of {}'s {}; that {scope_kind} is {}",
                trigger.rule,
                self.trigger(trigger),
                quoted(shown(self.source, scope))
            ),
            Reason::TriggerElsewhere {
                trigger,
                sentences_away,
            } => {
                let n = sentences_away;
                let sentences = if *n == 1 { "sentence" } else { "sentences" };
                format!(
                    "no {} rule's trigger in its sentence; {}'s {} is {n} {sentences} away (`scope = \"sentence\"` with `window = {n}` would reach it)",
                    claim.kind.as_str(),
                    trigger.rule,
                    self.trigger(trigger)
                )
            }
            Reason::Header { trigger } => format!(
                "on a dateline or page stamp, so it dates the document, not the story ({}'s {})",
                trigger.rule,
                self.trigger(trigger)
            ),
            Reason::Background { trigger, why } => format!(
                "background: {why}; {} takes no figure of another event ({})",
                trigger.rule,
                self.trigger(trigger)
            ),
        }
    }

    fn resolution(&self, claim: &Claim) -> Option<String> {
        match (claim.value.resolved(), claim.value.resolution()) {
            (Some(r), Some(how)) => Some(format!("resolved to {r}: {how}")),
            (None, Some(how)) => Some(format!("not resolved: {how}")),
            (None, None) if claim.value.notation().contains('X') => Some(match &self.source.document_date {
                Some(d) => format!(
                    "left partial (document date {} from {})",
                    d.date,
                    d.basis.describe()
                ),
                None => "left partial: the source has no document date (give one in sources.toml or with --document-date)".to_string(),
            }),
            _ => None,
        }
    }
}

/// Writes the explanation of every claim of every source.
pub fn claims(
    report: &Report,
    explanations: &[Explanations],
    out: &mut dyn Write,
) -> io::Result<()> {
    let lines = report.line_indexes();
    for (s, source) in report.sources.iter().enumerate() {
        let claims = report.claims.get(s).map_or(&[][..], |c| c.as_slice());
        let label = if source.label() == source.name {
            String::new()
        } else {
            format!(" ({})", source.label())
        };
        let date = source
            .document_date
            .as_ref()
            .map(|d| {
                let at = d
                    .time
                    .map(|t| format!(" {}", t.describe()))
                    .unwrap_or_default();
                format!("document date {}{at} from {}", d.date, d.basis.describe())
            })
            .unwrap_or_else(|| "no document date".to_string());
        writeln!(
            out,
            "== {}{label}: {}, {date}",
            source.name,
            plural(claims.len())
        )?;
        let writer = Writer {
            source,
            lines: &lines[s],
        };
        for (i, claim) in claims.iter().enumerate() {
            let value = claim
                .value
                .resolved()
                .unwrap_or_else(|| claim.value.notation());
            writeln!(
                out,
                "{}  {} {} {value} -> {}",
                writer.at(claim.span.range.start),
                quoted(shown(source, &claim.span.range)),
                claim.kind.as_str(),
                claim.fact.as_deref().unwrap_or("no fact")
            )?;
            let reasons = explanations.get(s).and_then(|e| e.get(i));
            let mut said: Vec<String> = Vec::new();
            for reason in reasons.into_iter().flatten() {
                let line = writer.reason(claim, reason);
                if !said.contains(&line) {
                    said.push(line);
                }
            }
            if said.is_empty() && source.in_header(&claim.span.range) {
                said.push(
                    "on the dateline or a page stamp: it dates the document, so no rule takes it"
                        .to_string(),
                );
            }
            if said.is_empty() {
                said.push(format!(
                    "no trigger of a {} rule matched in its sentence",
                    claim.kind.as_str()
                ));
            }
            if let Some(warning) = &claim.warning {
                said.push(format!("warning: {warning}"));
            }
            if let Some(resolution) = writer.resolution(claim) {
                said.push(resolution);
            }
            for line in said {
                writeln!(out, "    {line}")?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn bytes(n: usize) -> String {
    format!("{n} {}", if n == 1 { "byte" } else { "bytes" })
}

fn plural(n: usize) -> String {
    format!("{n} {}", if n == 1 { "claim" } else { "claims" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_are_shortened_in_the_middle() {
        let long = "word ".repeat(40);
        let q = quoted(&long);
        assert!(q.contains(" … "), "{q}");
        assert!(q.chars().count() < 90);
        assert_eq!(quoted("a\n  b"), "“a b”");
    }
}
