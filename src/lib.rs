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
pub mod extract;
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
    let mut claims: Vec<Vec<extract::Claim>> = sources
        .par_iter()
        .map(|s| rules::claims_of_source(rules, s))
        .collect();
    let subjects = compare::person::Subjects::new(rules, &claims);
    for claim in claims.iter_mut().flatten() {
        if claim.subject.is_some() {
            claim.subject = subjects.canonical(claim.subject.as_deref());
        }
    }
    claims
}
