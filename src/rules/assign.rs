//! Assigning claims to facts.
//!
//! A rule's trigger says a sentence speaks of its fact. In the trigger's
//! scope (its clause by default), the rule's value is the claim of the
//! rule's kind nearest the trigger. When two rules' triggers could take
//! the same claim, the nearer trigger wins: in "the recognition comes after
//! the Supreme Court lifted the designation in April", "in April" belongs
//! to the designation, not the recognition. Claims on a dateline or page
//! stamp are about the document, not the story, and are never taken.

use std::ops::Range;

use super::{Rule, RuleSet, Scope, Select};
use crate::extract::sentence::{clauses, sentences};
use crate::extract::{Claim, ClaimKind};
use crate::source::Source;

/// Gap in bytes between two ranges; 0 when they touch or overlap.
fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    b.start
        .saturating_sub(a.end)
        .max(a.start.saturating_sub(b.end))
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A trigger match and the range its rule may take values from.
struct Trigger {
    rule: usize,
    at: Range<usize>,
    scope: Range<usize>,
}

/// Sets `fact` on the claims of `source` that some rule takes.
/// `claims` must be sorted by start offset.
pub fn assign(rules: &RuleSet, source: &Source, claims: &mut [Claim]) {
    if rules.rules.is_empty() || claims.is_empty() {
        return;
    }
    let text = &source.text;
    let all_sentences = sentences(text);
    for (index, sentence) in all_sentences.iter().enumerate() {
        let in_sentence = claims_in(claims, sentence);
        if in_sentence.is_empty() && rules.rules.iter().all(|r| r.window == 0) {
            continue;
        }
        let triggers = triggers_in(rules, source, &all_sentences, index);
        if triggers.is_empty() {
            continue;
        }
        let taken = choose(rules, source, claims, &triggers);
        for (claim, rule) in taken {
            claims[claim].fact = Some(rules.rules[rule].id.clone());
        }
    }
}

/// Indices of the claims that start inside `range`.
fn claims_in(claims: &[Claim], range: &Range<usize>) -> Range<usize> {
    let first = claims.partition_point(|c| c.span.range.start < range.start);
    let last = claims.partition_point(|c| c.span.range.start < range.end);
    first..last
}

fn triggers_in(
    rules: &RuleSet,
    source: &Source,
    all_sentences: &[Range<usize>],
    index: usize,
) -> Vec<Trigger> {
    let text = &source.text;
    let sentence = all_sentences[index].clone();
    let sentence_text = &text[sentence.clone()];
    let mut out = Vec::new();
    for (rule_index, rule) in rules.rules.iter().enumerate() {
        // Named kinds take their claims in `named`, not by nearest trigger.
        if !matches!(rule.kind, ClaimKind::Date | ClaimKind::Number) {
            continue;
        }
        let excluded: Vec<Range<usize>> = rule
            .exclude
            .iter()
            .flat_map(|p| p.regex.find_iter(sentence_text))
            .map(|m| sentence.start + m.start()..sentence.start + m.end())
            .collect();
        for pattern in &rule.triggers {
            for m in pattern.regex.find_iter(sentence_text) {
                let at = sentence.start + m.start()..sentence.start + m.end();
                if excluded.iter().any(|x| overlaps(x, &at)) || source.in_header(&at) {
                    continue;
                }
                let scope = scope_of(rule, text, all_sentences, index, &at);
                out.push(Trigger {
                    rule: rule_index,
                    at,
                    scope,
                });
            }
        }
    }
    out
}

fn scope_of(
    rule: &Rule,
    text: &str,
    all_sentences: &[Range<usize>],
    index: usize,
    at: &Range<usize>,
) -> Range<usize> {
    match rule.scope {
        Scope::Clause => clauses(text, all_sentences[index].clone())
            .into_iter()
            .find(|c| c.start <= at.start && at.start < c.end.max(c.start + 1))
            .unwrap_or_else(|| all_sentences[index].clone()),
        Scope::Sentence => {
            let first = index.saturating_sub(rule.window);
            let last = (index + rule.window).min(all_sentences.len() - 1);
            all_sentences[first].start..all_sentences[last].end
        }
    }
}

/// The (claim, rule) pairs the triggers take.
fn choose(
    rules: &RuleSet,
    source: &Source,
    claims: &[Claim],
    triggers: &[Trigger],
) -> Vec<(usize, usize)> {
    let text = &source.text;
    // A claim in scope of several rules belongs to the rule with the
    // nearest trigger; ties go to the rule listed first (by id).
    let owner = |claim: usize| -> Option<usize> {
        let c = &claims[claim];
        triggers
            .iter()
            .filter(|t| {
                rules.rules[t.rule].kind == c.kind
                    && t.scope.start <= c.span.range.start
                    && c.span.range.end <= t.scope.end
            })
            .min_by_key(|t| (distance(&t.at, &c.span.range), t.rule))
            .map(|t| t.rule)
    };
    let mut taken = Vec::new();
    for t in triggers {
        let rule = &rules.rules[t.rule];
        let excluded = |range: &Range<usize>| {
            rule.exclude.iter().any(|p| {
                // Exclusions are matched in the trigger's scope.
                p.regex
                    .find_iter(&text[t.scope.clone()])
                    .any(|m| overlaps(&(t.scope.start + m.start()..t.scope.start + m.end()), range))
            })
        };
        let candidates: Vec<usize> = claims_in(claims, &t.scope)
            .filter(|&i| {
                let c = &claims[i];
                c.kind == rule.kind
                    && c.span.range.end <= t.scope.end
                    && !source.in_header(&c.span.range)
                    && !excluded(&c.span.range)
                    && owner(i) == Some(t.rule)
            })
            .collect();
        match rule.select {
            Select::All => taken.extend(candidates.into_iter().map(|i| (i, t.rule))),
            Select::Nearest => {
                if let Some(best) = candidates
                    .into_iter()
                    .min_by_key(|&i| (distance(&t.at, &claims[i].span.range), i))
                {
                    taken.push((best, t.rule));
                }
            }
        }
    }
    taken
}
