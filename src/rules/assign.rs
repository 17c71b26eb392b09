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

use rayon::prelude::*;

use super::background::{self, Story};
use super::explain::{Explanations, Reason, TriggerHit};
use super::trigger_scan::{MayMatch, TriggerScan, SCAN_FROM_BYTES};
use super::{Background, Rule, RuleSet, Scope, Select, SENTENCES_PER_TASK};
use crate::extract::sentence::{clauses, sentences};
use crate::extract::{Claim, ClaimKind};
use crate::source::{gap, overlaps, Source};

/// True for the rules whose triggers take the nearest claim: dates and
/// figures. Named kinds take their claims in `named`.
pub(super) fn takes_nearest(rule: &Rule) -> bool {
    matches!(rule.kind, ClaimKind::Date | ClaimKind::Number)
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
    assign_among(rules, source, claims, &sentences(&source.text));
}

/// [`assign`], with the sentences of `source` already split.
pub fn assign_among(
    rules: &RuleSet,
    source: &Source,
    claims: &mut [Claim],
    all_sentences: &[Range<usize>],
) {
    if rules.rules.is_empty() || claims.is_empty() {
        return;
    }
    let text = &source.text;
    let story = Story::of(source, claims);
    let windowless = rules.rules.iter().all(|r| r.window == 0);
    let scan = (text.len() >= SCAN_FROM_BYTES)
        .then(|| TriggerScan::new(rules))
        .flatten();
    // Finding triggers and choosing what they take read the claims' words
    // and places, never the facts set, and are the work on a long source:
    // runs of sentences are done in parallel, and what each sentence's
    // triggers take is set afterwards in sentence order, as one pass did.
    let runs: Vec<Range<usize>> = (0..all_sentences.len())
        .step_by(SENTENCES_PER_TASK)
        .map(|start| start..(start + SENTENCES_PER_TASK).min(all_sentences.len()))
        .collect();
    let found_claims: &[Claim] = claims;
    let taken: Vec<(usize, usize)> = runs
        .into_par_iter()
        .flat_map_iter(|run| {
            let found = scan
                .as_ref()
                .map(|scan| scan.found_in(text, &all_sentences[run.clone()]));
            let scan = scan.as_ref();
            run.clone().flat_map(move |index| {
                if windowless && claims_in(found_claims, &all_sentences[index]).is_empty() {
                    return Vec::new();
                }
                let may = match (scan, &found) {
                    (Some(scan), Some(found)) => scan.may_match(&found[index - run.start]),
                    _ => MayMatch::ANY,
                };
                let triggers = triggers_in(rules, source, all_sentences, index, may);
                if triggers.is_empty() {
                    return Vec::new();
                }
                let backdrop = Backdrop::new(source, found_claims, all_sentences, story);
                choose(rules, source, found_claims, &triggers, &backdrop)
            })
        })
        .collect();
    for (claim, rule) in taken {
        claims[claim].fact = Some(rules.rules[rule].id.clone());
    }
}

/// Which sentences are background, judged once each when a rule that
/// skips background first asks ([`background::judge`]).
struct Backdrop<'a> {
    source: &'a Source,
    claims: &'a [Claim],
    sentences: &'a [Range<usize>],
    story: Story,
    judged: std::cell::RefCell<std::collections::HashMap<usize, Option<background::Verdict>>>,
}

impl<'a> Backdrop<'a> {
    fn new(
        source: &'a Source,
        claims: &'a [Claim],
        sentences: &'a [Range<usize>],
        story: Story,
    ) -> Backdrop<'a> {
        Backdrop {
            source,
            claims,
            sentences,
            story,
            judged: Default::default(),
        }
    }

    /// Why the claim at `range` is background, if it is: its sentence
    /// is, from a point before it.
    fn of(&self, range: &Range<usize>) -> Option<String> {
        let index = self.sentences.partition_point(|s| s.end <= range.start);
        let sentence = self.sentences.get(index)?;
        if let Some(own) = self.verdict(index).filter(|v| v.from <= range.start) {
            return Some(own.why);
        }
        // "It killed 612 people" after a sentence about February's quake
        // speaks of February's quake: a few such sentences back, no more.
        let mut at = index;
        let mut text = self.source.text.get(sentence.clone())?;
        for _ in 0..3 {
            if at == 0 || !background::points_back(text.trim_start()) {
                return None;
            }
            at -= 1;
            if let Some(before) = self.verdict(at) {
                return Some(format!(
                    "it points back at a background sentence: {}",
                    before.why
                ));
            }
            text = self.source.text.get(self.sentences[at].clone())?;
        }
        None
    }

    /// The verdict on sentence `index` alone, judged once.
    fn verdict(&self, index: usize) -> Option<background::Verdict> {
        let sentence = self.sentences.get(index)?;
        self.judged
            .borrow_mut()
            .entry(index)
            .or_insert_with(|| {
                let near = claims_in(self.claims, sentence);
                background::judge(self.source, &self.claims[near], sentence, self.story)
            })
            .clone()
    }

    /// True when `rule` must not take the claim at `range`.
    fn hides(&self, rule: &Rule, range: &Range<usize>) -> bool {
        rule.background == Background::Skip && self.of(range).is_some()
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
    may: MayMatch,
) -> Vec<Trigger> {
    let text = &source.text;
    let sentence = all_sentences[index].clone();
    let sentence_text = &text[sentence.clone()];
    let mut out = Vec::new();
    for (rule_index, rule) in rules.rules.iter().enumerate() {
        if !takes_nearest(rule) {
            continue;
        }
        // Exclusions matter only to a trigger's matches.
        if !(0..rule.triggers.len()).any(|t| may.trigger(rule_index, t)) {
            continue;
        }
        let excluded: Vec<Range<usize>> = rule
            .exclude
            .iter()
            .flat_map(|p| p.regex.find_iter(sentence_text))
            .map(|m| sentence.start + m.start()..sentence.start + m.end())
            .collect();
        for (t, pattern) in rule.triggers.iter().enumerate() {
            if !may.trigger(rule_index, t) {
                continue;
            }
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
    backdrop: &Backdrop,
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
                    && rules.rules[t.rule].count.takes(c, &source.text)
                    && t.scope.start <= c.span.range.start
                    && c.span.range.end <= t.scope.end
            })
            .min_by_key(|t| (gap(&t.at, &c.span.range), t.rule))
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
                    && rule.count.takes(c, &source.text)
                    && c.span.range.end <= t.scope.end
                    && !source.in_header(&c.span.range)
                    && !excluded(&c.span.range)
                    && !backdrop.hides(rule, &c.span.range)
                    && owner(i) == Some(t.rule)
            })
            .collect();
        match rule.select {
            Select::All => taken.extend(candidates.into_iter().map(|i| (i, t.rule))),
            Select::Nearest => {
                if let Some(best) = candidates
                    .into_iter()
                    .min_by_key(|&i| (gap(&t.at, &claims[i].span.range), i))
                {
                    taken.push((best, t.rule));
                }
            }
        }
    }
    taken
}

/// [`assign`], keeping the reasons for every decision about every claim
/// (by claim index), for `--explain`. It runs the same steps ([`triggers_in`],
/// [`choose`]) and then asks of each trigger why it took what it took and
/// passed over the rest; the normal path keeps no trace.
pub fn assign_explained(rules: &RuleSet, source: &Source, claims: &mut [Claim]) -> Explanations {
    let mut trace = vec![Vec::new(); claims.len()];
    if rules.rules.is_empty() || claims.is_empty() {
        return trace;
    }
    let all_sentences = sentences(&source.text);
    let story = Story::of(source, claims);
    for (index, sentence) in all_sentences.iter().enumerate() {
        let in_sentence = claims_in(claims, sentence);
        if in_sentence.is_empty() && rules.rules.iter().all(|r| r.window == 0) {
            continue;
        }
        explain_ignored(rules, source, claims, sentence, &mut trace);
        let triggers = triggers_in(rules, source, &all_sentences, index, MayMatch::ANY);
        if triggers.is_empty() {
            continue;
        }
        let backdrop = Backdrop::new(source, claims, &all_sentences, story);
        let taken = choose(rules, source, claims, &triggers, &backdrop);
        for t in &triggers {
            explain_trigger(
                rules, source, claims, t, &triggers, &taken, sentence, &backdrop, &mut trace,
            );
        }
        for (claim, rule) in taken {
            claims[claim].fact = Some(rules.rules[rule].id.clone());
        }
    }
    explain_far_triggers(rules, source, claims, &all_sentences, &mut trace);
    trace
}

/// How many sentences either side are searched for a trigger when none
/// matched in a claim's own sentence.
const NEARBY_SENTENCES: usize = 2;

/// For claims no trigger considered: the nearest trigger of each rule of
/// their kind in the sentences around, so a rule author sees that a wider
/// scope (`scope = "sentence"`, `window = N`) would reach it.
fn explain_far_triggers(
    rules: &RuleSet,
    source: &Source,
    claims: &[Claim],
    all_sentences: &[Range<usize>],
    trace: &mut Explanations,
) {
    for (i, claim) in claims.iter().enumerate() {
        if !trace[i].is_empty() || claim.fact.is_some() || source.in_header(&claim.span.range) {
            continue;
        }
        let index = all_sentences.partition_point(|s| s.end <= claim.span.range.start);
        for rule in rules.rules.iter().filter(|r| r.kind == claim.kind) {
            let found = (1..=NEARBY_SENTENCES).find_map(|away| {
                let before = index.checked_sub(away);
                let after = Some(index + away).filter(|&a| a < all_sentences.len());
                [before, after].into_iter().flatten().find_map(|n| {
                    let sentence = &all_sentences[n];
                    let text = source.text.get(sentence.clone())?;
                    rule.triggers.iter().find_map(|p| {
                        p.regex.find(text).map(|m| {
                            let at = sentence.start + m.start()..sentence.start + m.end();
                            (away, p.source.clone(), at)
                        })
                    })
                })
            });
            if let Some((away, pattern, range)) = found {
                trace[i].push(Reason::TriggerElsewhere {
                    trigger: TriggerHit {
                        rule: rule.id.clone(),
                        pattern,
                        range,
                    },
                    sentences_away: away,
                });
            }
        }
    }
}

/// The trigger as a reader sees it: its rule, the first of the rule's
/// patterns that matches exactly there, and where.
fn hit(rules: &RuleSet, source: &Source, t: &Trigger) -> TriggerHit {
    let rule = &rules.rules[t.rule];
    let pattern = rule
        .triggers
        .iter()
        .find(|p| {
            let from = t.at.start;
            source
                .text
                .get(from..)
                .and_then(|rest| p.regex.find(rest))
                .is_some_and(|m| m.start() == 0 && from + m.end() == t.at.end)
        })
        .or(rule.triggers.first())
        .map(|p| p.source.clone())
        .unwrap_or_default();
    TriggerHit {
        rule: rule.id.clone(),
        pattern,
        range: t.at.clone(),
    }
}

fn scope_kind(rule: &Rule) -> &'static str {
    match rule.scope {
        Scope::Clause => "clause",
        Scope::Sentence => "sentence",
    }
}

/// Trigger matches in the sentence that [`triggers_in`] ignores (they
/// overlap an `exclude` match, or lie on a dateline or page stamp), told to
/// the claims of the rule's kind in the sentence.
fn explain_ignored(
    rules: &RuleSet,
    source: &Source,
    claims: &[Claim],
    sentence: &Range<usize>,
    trace: &mut Explanations,
) {
    let Some(sentence_text) = source.text.get(sentence.clone()) else {
        return;
    };
    let absolute = |m: regex::Match| sentence.start + m.start()..sentence.start + m.end();
    for rule in &rules.rules {
        let affected: Vec<usize> = claims_in(claims, sentence)
            .filter(|&i| claims[i].kind == rule.kind)
            .collect();
        if affected.is_empty() {
            continue;
        }
        for pattern in &rule.triggers {
            for m in pattern.regex.find_iter(sentence_text) {
                let at = absolute(m);
                let exclude = rule.exclude.iter().find(|x| {
                    x.regex
                        .find_iter(sentence_text)
                        .any(|xm| overlaps(&absolute(xm), &at))
                });
                let trigger = TriggerHit {
                    rule: rule.id.clone(),
                    pattern: pattern.source.clone(),
                    range: at.clone(),
                };
                let reason = match exclude {
                    Some(x) => Reason::ExcludedTrigger {
                        trigger,
                        exclude: x.source.clone(),
                    },
                    None if source.in_header(&at) => Reason::Header { trigger },
                    None => continue,
                };
                for &i in &affected {
                    trace[i].push(reason.clone());
                }
            }
        }
    }
}

/// Why one trigger took the claims it took and not the others of its
/// rule's kind in its sentence: outside its scope, on a dateline, excluded,
/// owned by a nearer trigger of another rule, or farther than the claim taken.
#[allow(clippy::too_many_arguments)]
fn explain_trigger(
    rules: &RuleSet,
    source: &Source,
    claims: &[Claim],
    t: &Trigger,
    triggers: &[Trigger],
    taken: &[(usize, usize)],
    sentence: &Range<usize>,
    backdrop: &Backdrop,
    trace: &mut Explanations,
) {
    let rule = &rules.rules[t.rule];
    let text = &source.text;
    let away = |i: usize| gap(&t.at, &claims[i].span.range);
    let in_scope =
        |c: &Claim| t.scope.start <= c.span.range.start && c.span.range.end <= t.scope.end;
    // The same ownership as in `choose`: the nearest trigger of any rule.
    let owner = |c: &Claim| {
        triggers
            .iter()
            .filter(|o| {
                rules.rules[o.rule].kind == c.kind
                    && o.scope.start <= c.span.range.start
                    && c.span.range.end <= o.scope.end
            })
            .min_by_key(|o| (gap(&o.at, &c.span.range), o.rule))
    };
    let exclude = |range: &Range<usize>| {
        let scope_text = text.get(t.scope.clone()).unwrap_or("");
        rule.exclude.iter().find(|p| {
            p.regex
                .find_iter(scope_text)
                .any(|m| overlaps(&(t.scope.start + m.start()..t.scope.start + m.end()), range))
        })
    };
    let near = claims_in(claims, &t.scope);
    let around = claims_in(claims, sentence);
    let first = near.start.min(around.start);
    let last = near.end.max(around.end);
    let mut passed = Vec::new();
    for i in first..last {
        let c = &claims[i];
        if c.kind != rule.kind {
            continue;
        }
        let trigger = || hit(rules, source, t);
        let reason = if !in_scope(c) {
            Reason::OutOfScope {
                trigger: trigger(),
                scope: t.scope.clone(),
                scope_kind: scope_kind(rule),
            }
        } else if source.in_header(&c.span.range) {
            Reason::Header { trigger: trigger() }
        } else if let Some(x) = exclude(&c.span.range) {
            Reason::ExcludedClaim {
                trigger: trigger(),
                exclude: x.source.clone(),
            }
        } else if let Some(why) = backdrop
            .of(&c.span.range)
            .filter(|_| rule.background == Background::Skip)
        {
            Reason::Background {
                trigger: trigger(),
                why,
            }
        } else if let Some(w) = owner(c).filter(|w| w.rule != t.rule) {
            Reason::NearerTrigger {
                trigger: trigger(),
                distance: away(i),
                winner: hit(rules, source, w),
                winner_distance: gap(&w.at, &c.span.range),
            }
        } else if taken.contains(&(i, t.rule)) && is_taken_by(claims, t, rule, taken, i) {
            Reason::Taken {
                trigger: trigger(),
                scope: t.scope.clone(),
                scope_kind: scope_kind(rule),
                distance: away(i),
                nearest: rule.select == Select::Nearest,
            }
        } else {
            passed.push(i);
            continue;
        };
        trace[i].push(reason);
    }
    // In scope and free, but this trigger took another claim (or none).
    let by_this: Option<usize> = (first..last)
        .filter(|&i| claims[i].kind == rule.kind && in_scope(&claims[i]))
        .filter(|&i| is_taken_by(claims, t, rule, taken, i) && taken.contains(&(i, t.rule)))
        .min_by_key(|&i| (away(i), i));
    for i in passed {
        let trigger = hit(rules, source, t);
        trace[i].push(match by_this {
            Some(best) => Reason::NearerClaim {
                trigger,
                distance: away(i),
                taken: claims[best].span.range.clone(),
                taken_distance: away(best),
            },
            None => Reason::NotTaken { trigger },
        });
    }
}

/// True when claim `i`, taken for `rule`, is this trigger's pick: with
/// `select = "nearest"`, no candidate of the trigger is nearer to it.
fn is_taken_by(
    claims: &[Claim],
    t: &Trigger,
    rule: &Rule,
    taken: &[(usize, usize)],
    i: usize,
) -> bool {
    match rule.select {
        Select::All => true,
        Select::Nearest => {
            let mine = (gap(&t.at, &claims[i].span.range), i);
            !claims_in(claims, &t.scope).any(|j| {
                j != i
                    && taken.contains(&(j, t.rule))
                    && claims[j].span.range.end <= t.scope.end
                    && (gap(&t.at, &claims[j].span.range), j) < mine
            })
        }
    }
}
