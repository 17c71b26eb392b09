//! Rules of the named kinds: `title`, `quote` and `state`.
//!
//! A `title` rule takes every title claim (a person's office) and a
//! `quote` rule every quotation: they need no triggers, and one default
//! rule file covers every person and speaker of every story. A `state`
//! rule names a yes/no fact's values by patterns (`done`, `pending`) and
//! finds its claims itself, aware of negation and hedges: "has yet to
//! confirm whether the embassy will reopen" is not an embassy that
//! reopened.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;
use toml::Spanned;

use super::{Pattern, RuleSet, Scope, Severity, SENTENCES_PER_TASK};
use crate::extract::sentence::clauses;
use crate::extract::{Claim, ClaimKind, ClaimValue};
use crate::source::{gap, overlaps, Source, Span};
use crate::toml_file::TomlError;
use crate::value::named::StateValue;

/// The part of a quote rule's band where two quotes are one statement.
pub const DEFAULT_SIMILARITY: f64 = 0.6;

/// Settings only the named kinds use, as written in the rule file.
pub struct RawNamed {
    pub states: BTreeMap<String, Vec<Spanned<String>>>,
    pub hedged: Option<Spanned<String>>,
    pub default_state: Option<Spanned<String>>,
    pub equivalents: Vec<Vec<String>>,
    pub aliases: BTreeMap<String, Vec<String>>,
    pub similarity: Option<Spanned<f64>>,
    pub speaker_severity: Option<Severity>,
}

/// Settings of the named kinds, validated.
#[derive(Clone, Debug)]
pub struct NamedOptions {
    /// `state`: each value and the patterns that name it.
    pub states: Vec<(String, Vec<Pattern>)>,
    /// `state`: the value a negated or hedged statement means.
    pub hedged: Option<String>,
    /// `state`: the value of a trigger with no state pattern in scope.
    pub default_state: Option<String>,
    /// `title`: groups of wordings for one office; the first names it.
    pub equivalents: Vec<Vec<String>>,
    /// `quote` (and speakers generally): a name and the other names of
    /// the same person or body.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// `quote`: the share of the shorter quote's words, in order, that
    /// makes two quotes one statement.
    pub similarity: f64,
    /// `quote`: the severity of one wording attributed to two speakers.
    pub speaker_severity: Severity,
}

/// True for kinds whose rules take claims without trigger patterns.
pub fn triggers_optional(kind: ClaimKind) -> bool {
    matches!(kind, ClaimKind::Title | ClaimKind::Quote)
}

impl NamedOptions {
    pub fn parse(
        path: &str,
        text: &str,
        kind: ClaimKind,
        id: &Spanned<String>,
        raw: RawNamed,
        compile: impl Fn(&Spanned<String>) -> Result<Pattern, TomlError>,
    ) -> Result<NamedOptions, TomlError> {
        let misplaced = |field: &str, wanted: &str| {
            TomlError::at(
                path,
                text,
                Some(id.span()),
                format!("`{field}` is for rules of kind = \"{wanted}\""),
                "in this rule",
            )
        };
        if kind == ClaimKind::Person {
            return Err(TomlError::at(
                path,
                text,
                Some(id.span()),
                "people are compared through `title` and `quote` rules",
                "kind = \"person\" has no rule",
            ));
        }
        let is_state = kind == ClaimKind::State;
        if !is_state
            && (!raw.states.is_empty() || raw.hedged.is_some() || raw.default_state.is_some())
        {
            return Err(misplaced("states`, `hedged` or `default_state", "state"));
        }
        if kind != ClaimKind::Title && !raw.equivalents.is_empty() {
            return Err(misplaced("equivalents", "title"));
        }
        if kind != ClaimKind::Quote && (raw.similarity.is_some() || raw.speaker_severity.is_some())
        {
            return Err(misplaced("similarity` or `speaker_severity", "quote"));
        }
        if is_state && raw.states.is_empty() {
            return Err(TomlError::at(
                path,
                text,
                Some(id.span()),
                "a state rule needs a [states] table naming its values",
                "this rule has no states",
            ));
        }
        let mut states = Vec::new();
        for (name, patterns) in &raw.states {
            let compiled = patterns
                .iter()
                .map(&compile)
                .collect::<Result<Vec<_>, _>>()?;
            states.push((name.clone(), compiled));
        }
        for named in [&raw.hedged, &raw.default_state].into_iter().flatten() {
            if !raw.states.contains_key(named.get_ref()) {
                return Err(TomlError::at(
                    path,
                    text,
                    Some(named.span()),
                    format!("{:?} is not one of this rule's states", named.get_ref()),
                    "not in [states]",
                ));
            }
        }
        let similarity = match &raw.similarity {
            Some(s) if !(0.0..=1.0).contains(s.get_ref()) || *s.get_ref() == 0.0 => {
                return Err(TomlError::at(
                    path,
                    text,
                    Some(s.span()),
                    format!("similarity {} is not in (0, 1]", s.get_ref()),
                    "expected a share such as 0.6",
                ))
            }
            Some(s) => *s.get_ref(),
            None => DEFAULT_SIMILARITY,
        };
        Ok(NamedOptions {
            states,
            hedged: raw.hedged.map(Spanned::into_inner),
            default_state: raw.default_state.map(Spanned::into_inner),
            equivalents: raw.equivalents,
            aliases: raw.aliases,
            similarity,
            speaker_severity: raw.speaker_severity.unwrap_or(Severity::Warning),
        })
    }
}

/// Words that make a statement unsure or deny it.
static HEDGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:not|never|no(?u:\s)+longer|yet(?u:\s)+to|whether|expected(?u:\s)+to|likely(?u:\s)+to|set(?u:\s)+to|plans?(?u:\s)+to|planned|hopes?(?u:\s)+to|may|might|could|would|reportedly|denied|denies|rejected|unconfirmed|rumou?red)\b|n(?:'|(?u:’))t\b",
    )
    .expect("the hedge pattern is valid")
});

/// How far from the statement a hedge still governs it, in bytes.
const HEDGE_REACH: usize = 60;

/// The spans of the state claims made so far, which no later one may
/// overlap (in the sense of [`overlaps`]). They overlap no other, so one
/// look at the nearest before a span answers, not a look at every one: a
/// source stating thousands of states is not states squared.
#[derive(Default)]
struct Taken {
    /// The non-empty spans, start to end: disjoint, so ends rise with starts.
    spans: BTreeMap<usize, usize>,
    /// The empty spans: each overlaps only a span strictly around it.
    points: std::collections::BTreeSet<usize>,
}

impl Taken {
    fn overlaps(&self, r: &Range<usize>) -> bool {
        let around = self
            .spans
            .range(..r.end)
            .next_back()
            .is_some_and(|(_, &end)| r.start < end);
        let inside = r.end > r.start + 1 && self.points.range(r.start + 1..r.end).next().is_some();
        around || inside
    }

    fn insert(&mut self, r: &Range<usize>) {
        if r.is_empty() {
            self.points.insert(r.start);
        } else {
            self.spans.insert(r.start, r.end);
        }
    }
}

/// The state claims of every `state` rule in `source`, with their fact set;
/// `all_sentences` are its sentences.
pub fn state_claims(
    rules: &RuleSet,
    source: &Source,
    all_sentences: &[Range<usize>],
) -> Vec<Claim> {
    let state_rules: Vec<&super::Rule> = rules
        .rules
        .iter()
        .filter(|r| r.kind == ClaimKind::State)
        .collect();
    if state_rules.is_empty() {
        return Vec::new();
    }
    // What each sentence's triggers state is read in parallel, rule by
    // rule; which statements are kept (none overlapping one kept before,
    // by rule, then by sentence) is decided after, in that order.
    let stated: Vec<Vec<Claim>> = state_rules
        .iter()
        .map(|rule| {
            all_sentences
                .par_iter()
                .with_min_len(SENTENCES_PER_TASK)
                .enumerate()
                .flat_map_iter(|(index, sentence)| {
                    stated_in(rule, source, all_sentences, index, sentence)
                })
                .collect()
        })
        .collect();
    let mut out: Vec<Claim> = Vec::new();
    let mut taken = Taken::default();
    for claim in stated.into_iter().flatten() {
        if !taken.overlaps(&claim.span.range) {
            taken.insert(&claim.span.range);
            out.push(claim);
        }
    }
    out
}

/// The statements of `rule`'s triggers in sentence `index`, in order.
fn stated_in(
    rule: &super::Rule,
    source: &Source,
    all_sentences: &[Range<usize>],
    index: usize,
    sentence: &Range<usize>,
) -> Vec<Claim> {
    let text = &source.text;
    let body = &text[sentence.clone()];
    let shift = |m: regex::Match| sentence.start + m.start()..sentence.start + m.end();
    let excluded: Vec<Range<usize>> = rule
        .exclude
        .iter()
        .flat_map(|p| p.regex.find_iter(body))
        .map(shift)
        .collect();
    let mut out = Vec::new();
    for trigger in rule.triggers.iter().flat_map(|p| p.regex.find_iter(body)) {
        let at = shift(trigger);
        if excluded.iter().any(|x| overlaps(x, &at)) || source.in_header(&at) {
            continue;
        }
        let scope = match rule.scope {
            Scope::Clause => clauses(text, sentence.clone())
                .into_iter()
                .find(|c| c.start <= at.start && at.start < c.end.max(c.start + 1))
                .unwrap_or_else(|| sentence.clone()),
            Scope::Sentence => {
                let first = index.saturating_sub(rule.window);
                let last = (index + rule.window).min(all_sentences.len() - 1);
                all_sentences[first].start..all_sentences[last].end
            }
        };
        out.extend(state_at(rule, source, &at, &scope, &excluded));
    }
    out
}

/// The state a trigger at `at` states within `scope`.
fn state_at(
    rule: &super::Rule,
    source: &Source,
    at: &Range<usize>,
    scope: &Range<usize>,
    excluded: &[Range<usize>],
) -> Option<Claim> {
    let text = &source.text;
    let scoped = &text[scope.clone()];
    let named = rule
        .named
        .states
        .iter()
        .flat_map(|(state, patterns)| {
            patterns.iter().flat_map(move |p| {
                p.regex
                    .find_iter(scoped)
                    .map(move |m| (state, scope.start + m.start()..scope.start + m.end()))
            })
        })
        .filter(|(_, r)| !excluded.iter().any(|x| overlaps(x, r)))
        .min_by_key(|(_, r)| (gap(at, r), r.start));
    let (mut state, mut span) = match named {
        Some((state, r)) => (state.clone(), at.start.min(r.start)..at.end.max(r.end)),
        None => (rule.named.default_state.clone()?, at.clone()),
    };
    let hedge = HEDGES
        .find_iter(scoped)
        .map(|m| scope.start + m.start()..scope.start + m.end())
        .filter(|h| gap(h, &span) <= HEDGE_REACH)
        .min_by_key(|h| gap(h, &span));
    let mut hedged = false;
    if let Some(h) = hedge {
        // A hedged statement says the state is not (yet) so: the rule's
        // hedged state when it names one, else no claim at all.
        let to = rule.named.hedged.clone()?;
        hedged = to != state;
        state = to;
        span = span.start.min(h.start)..span.end.max(h.end);
    }
    Some(Claim {
        kind: ClaimKind::State,
        span: Span {
            source: source.id,
            range: span,
        },
        value: ClaimValue::State(StateValue { state, hedged }),
        warning: None,
        fact: Some(rule.id.clone()),
        subject: None,
    })
}

/// Gives title and quote claims to the first rule of their kind (by id).
pub fn assign(rules: &RuleSet, claims: &mut [Claim]) {
    let first = |kind: ClaimKind| rules.rules.iter().find(|r| r.kind == kind);
    let (title, quote) = (first(ClaimKind::Title), first(ClaimKind::Quote));
    for claim in claims.iter_mut() {
        let rule = match claim.kind {
            ClaimKind::Title => title,
            ClaimKind::Quote => quote,
            _ => None,
        };
        if let (Some(rule), None) = (rule, &claim.fact) {
            claim.fact = Some(rule.id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::source::{DateOrder, SourceId, SourceMeta};

    proptest::proptest! {
        /// `Taken` keeps the spans a look through every earlier claim
        /// would keep, empty spans and shared ends included.
        #[test]
        fn taken_keeps_what_a_look_at_every_span_keeps(
            spans in proptest::collection::vec((0usize..40, 0usize..6), 0..60)
        ) {
            let mut taken = Taken::default();
            let mut kept: Vec<Range<usize>> = Vec::new();
            for (start, len) in spans {
                let r = start..start + len;
                let naive = kept.iter().any(|k| overlaps(k, &r));
                proptest::prop_assert_eq!(taken.overlaps(&r), naive, "{:?} after {:?}", r, kept);
                if !naive {
                    taken.insert(&r);
                    kept.push(r);
                }
            }
        }
    }

    const STATE_RULE: &str = r#"
id = "embassy-opening"
title = "Whether the embassy opened"
kind = "state"
severity = "warning"
triggers = ['\bembassy\b']
hedged = "pending"
default_state = "open"
[states]
open = ['\bopened\b', '\breopened\b']
pending = ['\bplans\s+to\s+open\b']
"#;

    fn states(text: &str) -> Vec<(String, String)> {
        let rule = crate::rules::parse_rule(Path::new("r.toml"), STATE_RULE).unwrap();
        let rules = RuleSet { rules: vec![rule] };
        let source = Source::new(
            SourceId(0),
            "s".into(),
            text.into(),
            SourceMeta::default(),
            DateOrder::Mdy,
            None,
        );
        state_claims(
            &rules,
            &source,
            &crate::extract::sentence::sentences(&source.text),
        )
        .into_iter()
        .map(|c| (c.text(&source).to_string(), c.value.notation()))
        .collect()
    }

    #[test]
    fn a_plain_statement_takes_its_state() {
        assert_eq!(
            states("Norway opened its embassy on Monday."),
            vec![("opened its embassy".into(), "open".into())]
        );
    }

    #[test]
    fn a_negation_or_hedge_turns_it_into_the_hedged_state() {
        assert_eq!(states("Norway has not opened its embassy.")[0].1, "pending");
        assert_eq!(
            states("Norway has yet to confirm whether the embassy is ready.")[0].1,
            "pending"
        );
        assert_eq!(states("The embassy is expected to reopen.")[0].1, "pending");
    }

    #[test]
    fn a_trigger_alone_takes_the_default_state() {
        assert_eq!(states("The embassy flies a new flag.")[0].1, "open");
    }

    #[test]
    fn a_hedged_state_must_be_one_of_the_states() {
        let text = STATE_RULE.replace("hedged = \"pending\"", "hedged = \"maybe\"");
        let err = crate::rules::parse_rule(Path::new("r.toml"), &text).unwrap_err();
        assert!(err.message.contains("not one of"), "{}", err.message);
    }

    #[test]
    fn quote_and_title_settings_are_checked() {
        let quote = "id = \"q\"\ntitle = \"Q\"\nkind = \"quote\"\nseverity = \"info\"\n";
        let rule = crate::rules::parse_rule(Path::new("q.toml"), quote).unwrap();
        assert_eq!(rule.named.similarity, DEFAULT_SIMILARITY);
        assert_eq!(rule.named.speaker_severity, Severity::Warning);
        let too_high = format!("{quote}similarity = 1.5\n");
        let err = crate::rules::parse_rule(Path::new("q.toml"), &too_high).unwrap_err();
        assert_eq!(err.line(), Some(5));
        let misplaced = format!("{quote}equivalents = [[\"a\", \"b\"]]\n");
        let err = crate::rules::parse_rule(Path::new("q.toml"), &misplaced).unwrap_err();
        assert!(err.message.contains("equivalents"), "{}", err.message);
        let triggered = format!("{quote}triggers = ['said']\n");
        let err = crate::rules::parse_rule(Path::new("q.toml"), &triggered).unwrap_err();
        assert!(err.message.contains("no triggers"), "{}", err.message);
        let date = quote.replace("\"quote\"", "\"date\"");
        let err = crate::rules::parse_rule(Path::new("q.toml"), &date).unwrap_err();
        assert!(
            err.message.contains("trigger"),
            "a date rule still needs triggers"
        );
    }

    #[test]
    fn states_belong_to_state_rules() {
        let text = STATE_RULE.replace("kind = \"state\"", "kind = \"date\"");
        assert!(crate::rules::parse_rule(Path::new("r.toml"), &text).is_err());
    }
}
