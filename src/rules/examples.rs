//! Running a rule file's inline examples: each example text is checked as
//! a source of its own, with every rule loaded (rules compete for claims),
//! and the rule must take exactly the value the example names, or nothing.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use super::{Example, Rule, RuleSet};
use crate::source::{DateBasis, DateOrder, DocumentDate, Source, SourceId, SourceMeta};

/// An example whose rule took something else.
#[derive(Debug, Error, Diagnostic)]
#[error("{rule}: example expects {expected}, the rule took {got}")]
#[diagnostic(code(crosscheck::rules::example))]
pub struct ExampleFailure {
    pub rule: String,
    pub expected: String,
    pub got: String,
    #[source_code]
    pub file: NamedSource<String>,
    #[label("this example")]
    pub span: SourceSpan,
}

/// Runs every example of every rule; returns the failures and how many
/// examples ran.
pub fn run(rules: &RuleSet) -> (Vec<ExampleFailure>, usize) {
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in &rules.rules {
        for example in &rule.examples {
            count += 1;
            let source = Source::new(
                SourceId(0),
                "example".into(),
                example.text.clone(),
                SourceMeta::default(),
                DateOrder::Mdy,
                example
                    .published
                    .map(|d| DocumentDate::given(d, DateBasis::Manifest)),
            );
            let claims = super::claims_of_source(rules, &source);
            let taken: Vec<String> = claims
                .iter()
                .filter(|c| c.fact.as_deref() == Some(rule.id.as_str()))
                .map(|c| match c.value.resolved() {
                    Some(r) if r != c.value.notation() => format!("{} ({})", c.value.notation(), r),
                    _ => c.value.notation(),
                })
                .collect();
            let ok = match &example.value {
                None => taken.is_empty(),
                Some(want) => {
                    taken.len() == 1
                        && claims
                            .iter()
                            .filter(|c| c.fact.as_deref() == Some(rule.id.as_str()))
                            .any(|c| {
                                c.value.notation() == *want
                                    || c.value.resolved().as_deref() == Some(want.as_str())
                            })
                }
            };
            if !ok {
                failures.push(ExampleFailure {
                    rule: rule.id.clone(),
                    expected: example.value.clone().unwrap_or_else(|| "no value".into()),
                    got: if taken.is_empty() {
                        "nothing".into()
                    } else {
                        taken.join(", ")
                    },
                    file: NamedSource::new(rule.path.display().to_string(), rule.file_text.clone())
                        .with_language("toml"),
                    span: SourceSpan::from(example.span.clone()),
                });
            }
        }
    }
    (failures, count)
}

/// What `rule` takes from `example`'s text, with every rule loaded: each
/// claim's text and value (as written, and resolved when that differs).
pub fn taken(rules: &RuleSet, rule: &Rule, example: &Example) -> Vec<(String, String)> {
    let source = Source::new(
        SourceId(0),
        "example".into(),
        example.text.clone(),
        SourceMeta::default(),
        DateOrder::Mdy,
        example
            .published
            .map(|d| DocumentDate::given(d, DateBasis::Manifest)),
    );
    let mut claims = crate::extract::extract(&source);
    super::assign(rules, &source, &mut claims);
    claims
        .iter()
        .filter(|c| c.fact.as_deref() == Some(rule.id.as_str()))
        .map(|c| {
            let value = match c.value.resolved() {
                Some(r) if r != c.value.notation() => format!("{} ({})", c.value.notation(), r),
                _ => c.value.notation(),
            };
            (c.text(&source).to_string(), value)
        })
        .collect()
}
