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

use super::explain::{Explanations, Reason, TriggerHit};
use super::{Rule, RuleSet, Scope, Select};
use crate::extract::sentence::{clauses, sentences};
use crate::extract::Claim;
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
    /// Index of the pattern in the rule's triggers.
    pattern: usize,
    at: Range<usize>,
    scope: Range<usize>,
}

/// A trigger match that was ignored: (trigger, why).
type Ignored = (Trigger, IgnoredBecause);

enum IgnoredBecause {
    /// It overlaps a match of this `exclude` pattern.
    Excluded(usize),
    /// It lies on a dateline or page stamp.
    Header,
}

/// Sets `fact` on the claims of `source` that some rule takes.
/// `claims` must be sorted by start offset.
pub fn assign(rules: &RuleSet, source: &Source, claims: &mut [Claim]) {
    run(rules, source, claims, None);
}

/// [`assign`], keeping the reasons for every decision about every claim
/// (by claim index). Slower; the normal path keeps no trace.
pub fn assign_explained(rules: &RuleSet, source: &Source, claims: &mut [Claim]) -> Explanations {
    let mut trace = vec![Vec::new(); claims.len()];
    run(rules, source, claims, Some(&mut trace));
    trace
}

fn hit(rules: &RuleSet, t: &Trigger) -> TriggerHit {
    let rule = &rules.rules[t.rule];
    TriggerHit {
        rule: rule.id.clone(),
        pattern: rule
            .triggers
            .get(t.pattern)
            .map(|p| p.source.clone())
            .unwrap_or_default(),
        range: t.at.clone(),
    }
}

fn scope_kind(rule: &Rule) -> &'static str {
    match rule.scope {
        Scope::Clause => "clause",
        Scope::Sentence => "sentence",
    }
}

fn run(
    rules: &RuleSet,
    source: &Source,
    claims: &mut [Claim],
    mut trace: Option<&mut Explanations>,
) {
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
        let mut ignored = Vec::new();
        let keep_ignored = trace.is_some().then_some(&mut ignored);
        let triggers = triggers_in(rules, source, &all_sentences, index, keep_ignored);
        if let Some(trace) = trace.as_deref_mut() {
            for (t, why) in &ignored {
                let rule = &rules.rules[t.rule];
                for i in in_sentence.clone().filter(|&i| claims[i].kind == rule.kind) {
                    trace[i].push(match why {
                        IgnoredBecause::Excluded(p) => Reason::ExcludedTrigger {
                            trigger: hit(rules, t),
                            exclude: rule.exclude[*p].source.clone(),
                        },
                        IgnoredBecause::Header => Reason::Header {
                            trigger: hit(rules, t),
                        },
                    });
                }
            }
        }
        if triggers.is_empty() {
            continue;
        }
        let explain = trace.as_deref_mut().map(|t| (sentence, t));
        let taken = choose(rules, source, claims, &triggers, explain);
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
    mut ignored: Option<&mut Vec<Ignored>>,
) -> Vec<Trigger> {
    let text = &source.text;
    let sentence = all_sentences[index].clone();
    let sentence_text = &text[sentence.clone()];
    let mut out = Vec::new();
    for (rule_index, rule) in rules.rules.iter().enumerate() {
        let excluded: Vec<Range<usize>> = rule
            .exclude
            .iter()
            .flat_map(|p| p.regex.find_iter(sentence_text))
            .map(|m| sentence.start + m.start()..sentence.start + m.end())
            .collect();
        for (pattern_index, pattern) in rule.triggers.iter().enumerate() {
            for m in pattern.regex.find_iter(sentence_text) {
                let at = sentence.start + m.start()..sentence.start + m.end();
                if excluded.iter().any(|x| overlaps(x, &at)) || source.in_header(&at) {
                    if let Some(ignored) = ignored.as_deref_mut() {
                        let why = match rule.exclude.iter().position(|p| {
                            p.regex.find_iter(sentence_text).any(|x| {
                                overlaps(
                                    &(sentence.start + x.start()..sentence.start + x.end()),
                                    &at,
                                )
                            })
                        }) {
                            Some(p) => IgnoredBecause::Excluded(p),
                            None => IgnoredBecause::Header,
                        };
                        let trigger = Trigger {
                            rule: rule_index,
                            pattern: pattern_index,
                            scope: at.clone(),
                            at,
                        };
                        ignored.push((trigger, why));
                    }
                    continue;
                }
                let scope = scope_of(rule, text, all_sentences, index, &at);
                out.push(Trigger {
                    rule: rule_index,
                    pattern: pattern_index,
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

/// Why a claim in a trigger's scope was not a candidate.
enum Rejected<'t> {
    OutOfScope,
    Header,
    Excluded(usize),
    NearerTrigger(&'t Trigger),
}

/// The (claim, rule) pairs the triggers take. With `explain` (the
/// sentence and the trace), every decision is recorded.
fn choose(
    rules: &RuleSet,
    source: &Source,
    claims: &[Claim],
    triggers: &[Trigger],
    mut explain: Option<(&Range<usize>, &mut Explanations)>,
) -> Vec<(usize, usize)> {
    let text = &source.text;
    // A claim in scope of several rules belongs to the rule with the
    // nearest trigger; ties go to the rule listed first (by id).
    let owner = |claim: usize| -> Option<&Trigger> {
        let c = &claims[claim];
        triggers
            .iter()
            .filter(|t| {
                rules.rules[t.rule].kind == c.kind
                    && t.scope.start <= c.span.range.start
                    && c.span.range.end <= t.scope.end
            })
            .min_by_key(|t| (distance(&t.at, &c.span.range), t.rule))
    };
    let mut taken = Vec::new();
    for t in triggers {
        let rule = &rules.rules[t.rule];
        let excluded = |range: &Range<usize>| {
            rule.exclude.iter().position(|p| {
                // Exclusions are matched in the trigger's scope.
                p.regex
                    .find_iter(&text[t.scope.clone()])
                    .any(|m| overlaps(&(t.scope.start + m.start()..t.scope.start + m.end()), range))
            })
        };
        let mut candidates = Vec::new();
        for i in claims_in(claims, &t.scope) {
            let c = &claims[i];
            if c.kind != rule.kind {
                continue;
            }
            let rejected = if c.span.range.end > t.scope.end {
                Some(Rejected::OutOfScope)
            } else if source.in_header(&c.span.range) {
                Some(Rejected::Header)
            } else if let Some(p) = excluded(&c.span.range) {
                Some(Rejected::Excluded(p))
            } else {
                match owner(i) {
                    Some(w) if w.rule == t.rule => None,
                    Some(w) => Some(Rejected::NearerTrigger(w)),
                    None => Some(Rejected::OutOfScope),
                }
            };
            match (rejected, explain.as_mut()) {
                (None, _) => candidates.push(i),
                (Some(why), Some((_, trace))) => {
                    let trigger = hit(rules, t);
                    trace[i].push(match why {
                        Rejected::OutOfScope => Reason::OutOfScope {
                            trigger,
                            scope: t.scope.clone(),
                            scope_kind: scope_kind(rule),
                        },
                        Rejected::Header => Reason::Header { trigger },
                        Rejected::Excluded(p) => Reason::ExcludedClaim {
                            trigger,
                            exclude: rule.exclude[p].source.clone(),
                        },
                        Rejected::NearerTrigger(w) => Reason::NearerTrigger {
                            trigger,
                            distance: distance(&t.at, &c.span.range),
                            winner: hit(rules, w),
                            winner_distance: distance(&w.at, &c.span.range),
                        },
                    });
                }
                (Some(_), None) => {}
            }
        }
        let first_taken = taken.len();
        match rule.select {
            Select::All => taken.extend(candidates.iter().map(|&i| (i, t.rule))),
            Select::Nearest => {
                if let Some(&best) = candidates
                    .iter()
                    .min_by_key(|&&i| (distance(&t.at, &claims[i].span.range), i))
                {
                    taken.push((best, t.rule));
                }
            }
        }
        if let Some((sentence, trace)) = explain.as_mut() {
            record(
                rules,
                claims,
                t,
                &candidates,
                &taken[first_taken..],
                sentence,
                trace,
            );
        }
    }
    taken
}

/// Records what a trigger took, what it passed over for a nearer claim,
/// and the claims of its sentence that lie outside its scope.
fn record(
    rules: &RuleSet,
    claims: &[Claim],
    t: &Trigger,
    candidates: &[usize],
    taken: &[(usize, usize)],
    sentence: &Range<usize>,
    trace: &mut Explanations,
) {
    let rule = &rules.rules[t.rule];
    let away = |i: usize| distance(&t.at, &claims[i].span.range);
    for &i in candidates {
        let reason = if taken.iter().any(|&(c, _)| c == i) {
            Reason::Taken {
                trigger: hit(rules, t),
                scope: t.scope.clone(),
                scope_kind: scope_kind(rule),
                distance: away(i),
                nearest: rule.select == Select::Nearest,
            }
        } else {
            let Some(&(best, _)) = taken.first() else {
                continue;
            };
            Reason::NearerClaim {
                trigger: hit(rules, t),
                distance: away(i),
                taken: best,
                taken_distance: away(best),
            }
        };
        trace[i].push(reason);
    }
    for i in claims_in(claims, sentence) {
        let c = &claims[i];
        // Claims that start in scope were judged above.
        let starts_inside = t.scope.start <= c.span.range.start && c.span.range.start < t.scope.end;
        if c.kind == rule.kind && !starts_inside {
            trace[i].push(Reason::OutOfScope {
                trigger: hit(rules, t),
                scope: t.scope.clone(),
                scope_kind: scope_kind(rule),
            });
        }
    }
}
