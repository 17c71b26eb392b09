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
//! [`output`] writes the rendered report where `--output` says, losing
//! nothing there or among the run's inputs.
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
pub mod output;
pub mod report;
pub mod rules;
pub mod source;
pub mod toml_file;
pub mod value;

use rayon::prelude::*;

/// Extracts every source's claims and assigns them to the rules' facts,
/// every text held in memory (tests, benchmarks, small tools; the binary
/// reads sources one at a time through [`read_and_extract`] and
/// [`finish`]). Sources are processed in parallel; the indexed collect
/// keeps source order, so the result is the same whatever the thread
/// count. Subjects then get one name per person or body across all sources.
pub fn claims_of(rules: &rules::RuleSet, sources: &[source::Source]) -> Vec<Vec<extract::Claim>> {
    let mut claims: Vec<Vec<extract::Claim>> = sources
        .par_iter()
        .map(|s| rules::assign_source(rules, s, extract::extract(s)))
        .collect();
    unify_subjects(rules, &mut claims);
    claims
}

/// Gives every subject one name per person or body across all sources
/// ("Orlick" and "Orlik" are one minister). Needs claims only, no text.
pub fn unify_subjects(rules: &rules::RuleSet, claims: &mut [Vec<extract::Claim>]) {
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

/// One source carried through extraction and the rule engine.
#[derive(Debug)]
pub struct Checked {
    /// The source; its text is shed unless [`Pass::keep_texts`] or a
    /// claim needs it (see [`finish`]).
    pub source: source::Source,
    pub claims: Vec<extract::Claim>,
    /// With [`Pass::explain`]: the rule engine's reasons, per claim.
    pub explanations: rules::explain::Explanations,
}

/// How each source goes through [`finish`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Pass {
    /// Trace the rule engine's reasons for every claim (`--explain`).
    pub explain: bool,
    /// Keep every text in memory instead of shedding it.
    pub keep_texts: bool,
    /// Keep each text's syndication sample, for runs that count sources
    /// (a draft's gate counts a syndicated copy once).
    pub story_samples: bool,
}

/// Reads one listed source and extracts its claims: the part of the work
/// that needs no rules, so it can start while they compile.
pub fn read_and_extract(
    pending: &source::Pending,
    id: source::SourceId,
    options: &source::LoadOptions,
) -> Result<(source::Source, Vec<extract::Claim>), source::SourceError> {
    let source = pending.read(id, options)?;
    let claims = extract::extract(&source);
    Ok((source, claims))
}

/// Assigns one source's extracted claims to the rules' facts (with the
/// reasons, when explaining), then sheds its text: an archive run holds
/// only the texts being worked on, and reads again the few its report
/// shows ([`source::Source::reread`]). A source with a claim that carries a
/// warning keeps its text: every warning is a finding quoting the claim.
pub fn finish(
    rules: &rules::RuleSet,
    (mut source, extracted): (source::Source, Vec<extract::Claim>),
    pass: Pass,
) -> Checked {
    let claims = rules::assign_source(rules, &source, extracted);
    let explanations = if pass.explain {
        explain_claims(rules, &source, &claims)
    } else {
        Vec::new()
    };
    if pass.story_samples {
        source.story_sample = Some(compare::syndication::sample(&source.text));
    }
    if !pass.keep_texts && claims.iter().all(|c| c.warning.is_none()) {
        source.shed_text();
    }
    Checked {
        source,
        claims,
        explanations,
    }
}

/// Every listed source read, extracted, assigned and shed, in parallel and
/// in list order (the indexed collect keeps it, whatever the thread count),
/// so each thread holds one text at a time. `head` is the first sources,
/// already read and extracted while the rules compiled; `done` is called
/// after each source (for a progress bar). Ids are list positions: renumber
/// them with [`settle`] once failed sources are left out.
///
/// Once a source fails in a way `options` does not skip, the run has
/// failed: the sources not yet done are only read (`Ok(None)`), so that
/// the first failure in list order is still the one found, whatever the
/// timing, without extracting an archive for nothing.
pub fn check_sources(
    rules: &rules::RuleSet,
    pending: &[source::Pending],
    head: Vec<Result<(source::Source, Vec<extract::Claim>), source::SourceError>>,
    options: &source::LoadOptions,
    pass: Pass,
    done: &(dyn Fn() + Sync),
) -> Vec<Result<Option<Checked>, source::SourceError>> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let fatal = |e: &source::SourceError| !(options.skip_unreadable && e.is_unreadable_source());
    let failed = AtomicBool::new(head.iter().any(|h| h.as_ref().is_err_and(fatal)));
    let skip = head.len();
    let rest: Vec<_> = pending
        .get(skip..)
        .unwrap_or_default()
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let id = source::SourceId((i + skip) as u32);
            let checked = if failed.load(Ordering::Relaxed) {
                p.read(id, options).map(|_| None)
            } else {
                read_and_extract(p, id, options).map(|e| Some(finish(rules, e, pass)))
            };
            if checked.as_ref().is_err_and(fatal) {
                failed.store(true, Ordering::Relaxed);
            }
            done();
            checked
        })
        .collect();
    let head: Vec<_> = head
        .into_par_iter()
        .map(|h| {
            let checked = h.map(|e| Some(finish(rules, e, pass)));
            done();
            checked
        })
        .collect();
    head.into_iter().chain(rest).collect()
}

/// Numbers the sources that were read by their position, as every later
/// stage indexes them, and gives subjects one name across sources.
pub fn settle(
    rules: &rules::RuleSet,
    checked: Vec<Checked>,
) -> (
    Vec<source::Source>,
    Vec<Vec<extract::Claim>>,
    Vec<rules::explain::Explanations>,
) {
    let mut sources = Vec::with_capacity(checked.len());
    let mut claims = Vec::with_capacity(checked.len());
    let mut explanations = Vec::with_capacity(checked.len());
    for (i, mut c) in checked.into_iter().enumerate() {
        let id = source::SourceId(i as u32);
        if c.source.id != id {
            c.source.id = id;
            for claim in &mut c.claims {
                claim.span.source = id;
            }
        }
        sources.push(c.source);
        claims.push(c.claims);
        explanations.push(c.explanations);
    }
    unify_subjects(rules, &mut claims);
    (sources, claims, explanations)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed rules, and the seeds read, extracted and assigned as the
    /// binary does it, ids not yet settled.
    fn seeds_checked() -> (rules::RuleSet, Vec<Checked>) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let rules = rules::RuleSet::load(&[root.join("rules")]).unwrap();
        let options = source::LoadOptions::default();
        let seeds = root.join("seeds").display().to_string();
        let pending = source::list(&[seeds], &options).unwrap().sources;
        let checked = check_sources(
            &rules,
            &pending,
            Vec::new(),
            &options,
            Pass::default(),
            &|| {},
        )
        .into_iter()
        .map(|c| c.unwrap().unwrap())
        .collect();
        (rules, checked)
    }

    /// The seeds through the binary's pipeline: texts are shed as each
    /// source is done, and only those the report shows are read again.
    #[test]
    fn a_run_holds_only_the_texts_it_shows() {
        let (rules, checked) = seeds_checked();
        for c in &checked {
            // Only a claim with a warning (itself a finding) keeps a text.
            let warned = c.claims.iter().any(|claim| claim.warning.is_some());
            assert_eq!(c.source.holds_text(), warned, "{}", c.source.name);
        }
        let (mut sources, claims, _) = settle(&rules, checked);
        let findings = compare::compare(&rules, &sources, &claims);
        assert!(!findings.is_empty());
        let shown = report::claims_shown(&findings, &claims, false);
        for (source, shown) in sources.iter_mut().zip(&shown) {
            if shown.contains(&true) {
                source.reread().unwrap();
                let on_disk = std::fs::read_to_string(&source.name).unwrap();
                assert_eq!(source.text, on_disk);
            }
        }
        // Every source a finding quotes holds its text again.
        for finding in &findings {
            for (_, r) in finding.claims_with_sides() {
                assert!(sources[r.source.0 as usize].holds_text());
            }
        }
    }

    #[test]
    fn ids_are_positions_among_the_sources_read() {
        let (rules, mut checked) = seeds_checked();
        // Leave the first source out, as --skip-unreadable would.
        checked.remove(0);
        let (sources, claims, _) = settle(&rules, checked);
        for (i, (source, list)) in sources.iter().zip(&claims).enumerate() {
            assert_eq!(source.id.0 as usize, i);
            assert!(list.iter().all(|c| c.span.source == source.id));
        }
    }
}
