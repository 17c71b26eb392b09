//! crosscheck: do several news sources agree on the facts of one story?
//!
//! The pipeline is the layout, and data flows one way:
//!
//! * [`source`]: load files, folders and stdin, keep every byte, find each
//!   source's document date (manifest, dateline, page stamp).
//! * [`extract`]: find claims (dates, numbers, ...) with exact byte spans and
//!   typed values ([`value`]).
//! * [`rules`]: load the rule files that say which claims are the same fact,
//!   and assign claims to facts.
//! * [`compare`]: compare the claims of each fact by meaning and turn
//!   disagreements into [`compare::Finding`]s.
//! * [`report`]: one renderer per output format. Renderers only format.
//!
//! The library never prints; only `main.rs` and the renderers write output.
#![warn(clippy::print_stdout, clippy::print_stderr)]
// User-facing errors carry their file's text for the diagnostic; they end
// the run, so their size on the stack does not matter.
#![allow(clippy::result_large_err)]

pub mod compare;
pub mod config;
pub mod extract;
mod fnv;
pub mod report;
pub mod rules;
pub mod source;
pub mod toml_file;
pub mod value;

use rayon::prelude::*;

/// Extracts every source's claims and assigns them to the rules' facts.
/// Sources are processed in parallel; the indexed collect keeps source
/// order, so the result is the same whatever the thread count.
/// Subjects then get one name per person or body across all sources.
pub fn claims_of(rules: &rules::RuleSet, sources: &[source::Source]) -> Vec<Vec<extract::Claim>> {
    claims_with(rules, sources, false, &|| {}).0
}

/// Gives every subject one name per person or body across all sources
/// ("Orlick" and "Orlik" are one minister).
fn unify_subjects(rules: &rules::RuleSet, claims: &mut [Vec<extract::Claim>]) {
    let subjects = compare::person::Subjects::new(rules, claims);
    for claim in claims.iter_mut().flatten() {
        if claim.subject.is_some() {
            claim.subject = subjects.canonical(claim.subject.as_deref());
        }
    }
}

/// Puts saved web pages back as they are on disk before output: every
/// claim span found in a page's prose is translated to the page's bytes, so
/// `start`/`end`/`line`/`column` in every format refer to the file. Returns
/// each source's map (`None` for sources that are not pages), for spans
/// kept elsewhere (explanations).
pub fn show_markup(
    sources: &mut [source::Source],
    claims: &mut [Vec<extract::Claim>],
) -> Vec<Option<source::html::OffsetMap>> {
    sources
        .iter_mut()
        .enumerate()
        .map(|(i, s)| {
            let map = s.show_markup()?;
            for claim in claims.get_mut(i).into_iter().flatten() {
                claim.span.range = map.to_markup(claim.span.range.clone());
            }
            Some(map)
        })
        .collect()
}

/// [`claims_of`], optionally with the rule engine's reasons for every
/// claim (`--explain`; otherwise the reasons are empty). The claims are
/// exactly [`claims_of`]'s: the reasons come from a traced second run
/// ([`rules::assign_explained`]) and are matched to the claims by span.
pub fn claims_with(
    rules: &rules::RuleSet,
    sources: &[source::Source],
    explain: bool,
    done: &(dyn Fn() + Sync),
) -> (Vec<Vec<extract::Claim>>, Vec<rules::explain::Explanations>) {
    assign_all(rules, sources, extract_all(sources, done), explain)
}

/// Every source's claims, before any rule has seen them: this needs no
/// rules, so it can run while they load. `done` is called after each
/// source (for a progress bar). Sources are processed in parallel; the
/// indexed collect keeps source order, so the result is the same whatever
/// the thread count.
pub fn extract_all(
    sources: &[source::Source],
    done: &(dyn Fn() + Sync),
) -> Vec<Vec<extract::Claim>> {
    sources
        .par_iter()
        .map(|s| {
            let claims = extract::extract(s);
            done();
            claims
        })
        .collect()
}

/// Assigns each source's extracted claims to the rules' facts, then gives
/// subjects one name across sources; with `explain`, the reasons too.
pub fn assign_all(
    rules: &rules::RuleSet,
    sources: &[source::Source],
    extracted: Vec<Vec<extract::Claim>>,
    explain: bool,
) -> (Vec<Vec<extract::Claim>>, Vec<rules::explain::Explanations>) {
    let (mut claims, reasons): (Vec<_>, Vec<_>) = sources
        .par_iter()
        .zip(extracted)
        .map(|(s, extracted)| {
            let claims = rules::assign_source(rules, s, extracted);
            let reasons = if explain {
                explain_claims(rules, s, &claims)
            } else {
                Vec::new()
            };
            (claims, reasons)
        })
        .unzip();
    unify_subjects(rules, &mut claims);
    (claims, reasons)
}

/// The reasons for each of `claims`, found by a traced run of the rules.
fn explain_claims(
    rules: &rules::RuleSet,
    source: &source::Source,
    claims: &[extract::Claim],
) -> rules::explain::Explanations {
    let mut traced = extract::extract(source);
    let reasons = rules::assign_explained(rules, source, &mut traced);
    let by_span: std::collections::BTreeMap<_, _> = traced
        .iter()
        .zip(reasons)
        .map(|(c, r)| ((c.span.range.start, c.span.range.end, c.kind), r))
        .collect();
    claims
        .iter()
        .map(|c| {
            by_span
                .get(&(c.span.range.start, c.span.range.end, c.kind))
                .cloned()
                .unwrap_or_default()
        })
        .collect()
}
