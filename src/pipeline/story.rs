//! A run's story: its sources listed and read, their claims extracted and
//! assigned to the rules' facts, each text dropped once its claims are
//! assigned unless the report will quote it.

use std::path::PathBuf;

use rayon::prelude::*;

use super::{Console, Message, RunError};
use crate::config::Config;
use crate::extract::{self, Claim};
use crate::rules::explain::Explanations;
use crate::rules::{self, RuleSet};
use crate::source::{self, LoadOptions, Pending, Source, SourceError, SourceId};

/// What a `check` or `extract` run reads, flags and config file merged.
#[derive(Clone, Debug, Default)]
pub struct StoryInput {
    /// Files, folders and `-`, as given (or the config's `sources`).
    pub sources: Vec<String>,
    /// Whether `sources` came from crosscheck.toml, as an error says.
    pub sources_from_config: bool,
    /// Rule folders and files (`--rules`, the config's, or `./rules`).
    pub rule_paths: Vec<PathBuf>,
    pub load: LoadOptions,
    /// `--explain`: trace the rule engine's reasons for every claim.
    pub explain: bool,
}

/// Every source read, with its claims assigned; ids are positions.
pub struct Story {
    pub sources: Vec<Source>,
    pub claims: Vec<Vec<Claim>>,
    /// With `--explain`: the rule engine's reasons, per source, per claim.
    pub explanations: Vec<Explanations>,
}

/// The most text read and extracted while the rules compile, before any
/// of it can be assigned and dropped: a few dozen articles' worth, enough
/// to overlap the rules' compilation with the extractors' first use.
const HEAD_BYTES: u64 = 256 << 10;

/// Why a run's sources were not loaded, told after any rule error.
enum NotLoaded {
    NoSources,
    /// Listing found no source besides the draft; the listing's warnings.
    Empty(Vec<String>),
    DraftIsFolder(String),
    Error(SourceError),
}

/// The rule files a run names, loaded: paths already merged with the
/// config file and `./rules` ([`crate::config::Config::rule_paths`]).
pub fn load_rules(paths: &[PathBuf]) -> Result<RuleSet, RunError> {
    RuleSet::load(paths).map_err(RunError::diagnostic)
}

/// Loads rules and sources (the draft first, when there is one), extracts
/// claims and assigns them to facts; returns the rules with the story.
pub fn load(
    input: &StoryInput,
    config: &Config,
    draft: Option<&str>,
    console: &dyn Console,
) -> Result<(RuleSet, Story), RunError> {
    let mut inputs = input.sources.clone();
    if let Some(d) = draft {
        inputs.insert(0, d.to_string());
    }
    let options = &input.load;
    // Extraction needs no rules: the rules compile on one worker while the
    // other lists the sources and reads and extracts the first of them (up
    // to HEAD_BYTES of text, so what waits for the rules is bounded), and
    // the first worker joins in once the rules are ready. A rule error is
    // told first, as in a run that did one then the other.
    let (rules, listed) = rayon::join(
        || load_rules(&input.rule_paths),
        || {
            if input.sources.is_empty() {
                return Err(NotLoaded::NoSources);
            }
            if let Some(d) = draft.filter(|d| std::path::Path::new(d).is_dir()) {
                return Err(NotLoaded::DraftIsFolder(d.to_string()));
            }
            let listing = source::list(&inputs, options).map_err(NotLoaded::Error)?;
            let notes = listing_notes(&listing, draft.is_some());
            let mut pending = listing.sources;
            if let Some(first) = pending.first_mut().filter(|_| draft.is_some()) {
                first.draft = true;
            }
            if pending.len() == usize::from(draft.is_some()) {
                return Err(NotLoaded::Empty(notes));
            }
            let mut bytes = 0;
            let first = pending
                .iter()
                .take_while(|p| {
                    bytes += p.size();
                    bytes <= HEAD_BYTES
                })
                .count();
            let head = pending[..first]
                .par_iter()
                .enumerate()
                .map(|(i, p)| read_and_extract(p, SourceId(i as u32), options))
                .collect();
            // The next source, too long to extract before the rules are
            // ready, is read meanwhile: reading costs a millisecond a
            // megabyte, and is all a single long source can do early.
            let ahead = pending
                .get(first)
                .map(|p| p.read(SourceId(first as u32), options));
            Ok((
                pending,
                Head {
                    extracted: head,
                    ahead,
                },
                notes,
            ))
        },
    );
    let mut rules = rules?;
    let (pending, head, notes) = listed.map_err(|e| not_loaded(e, input, console))?;
    warn_all(&notes, console);
    config.apply_to(&mut rules).map_err(RunError::diagnostic)?;
    console.reading(pending.len());
    let handling = SourceHandling {
        explain: input.explain,
        // `--explain` tells about every claim of every source: a rule
        // author's look at a few sources, so their texts stay.
        keep_texts: input.explain,
        story_samples: draft.is_some(),
    };
    let results = assign_all(&rules, &pending, head, options, handling, &|| {
        console.read_one()
    });
    console.read_all();
    let mut assigned = Vec::with_capacity(results.len());
    let mut skipped = Vec::new();
    for result in results {
        match result {
            Ok(Some(c)) => assigned.push(c),
            // Only read: another source failed, which ends the run.
            Ok(None) => {}
            Err(e) if options.skip_unreadable && e.is_unreadable_source() => skipped.push(e),
            Err(e) => return Err(RunError::diagnostic(e)),
        }
    }
    for skipped in &skipped {
        console.tell(Message::Warning(format!("skipped {skipped}")));
    }
    if assigned.len() == usize::from(draft.is_some()) {
        return Err(RunError::Message(format!(
            "no readable source in {}: every one was skipped",
            input.sources.join(", ")
        )));
    }
    let story = Story::assemble(&rules, assigned);
    Ok((rules, story))
}

/// The error of sources not loaded, after the listing's warnings.
fn not_loaded(e: NotLoaded, input: &StoryInput, console: &dyn Console) -> RunError {
    match e {
        NotLoaded::Empty(notes) => {
            warn_all(&notes, console);
            RunError::Message(format!(
                "no sources found in {}{}",
                input.sources.join(", "),
                if input.sources_from_config {
                    " (the `sources` of crosscheck.toml)"
                } else {
                    ""
                }
            ))
        }
        NotLoaded::NoSources => RunError::message(
            "no sources given (name files or folders, or set `sources` in crosscheck.toml)",
        ),
        NotLoaded::DraftIsFolder(d) => RunError::Message(format!(
            "--draft {d}: a folder, not a file (give the draft's file; its sources go after it)"
        )),
        NotLoaded::Error(e) => RunError::diagnostic(e),
    }
}

/// The warnings of a listing. A copy of the draft found again among the
/// sources (a draft kept in its sources' folder) is expected, and dropped
/// without a word.
fn listing_notes(listing: &source::Listing, has_draft: bool) -> Vec<String> {
    listing
        .notes
        .iter()
        .filter(|note| {
            !(has_draft && matches!(note, source::ListingNote::Duplicate { first_index: 0, .. }))
        })
        .map(|note| note.to_string())
        .collect()
}

fn warn_all(notes: &[String], console: &dyn Console) {
    for note in notes {
        console.tell(Message::Warning(note.clone()));
    }
}

/// What is done while the rules compile: the first sources read and
/// extracted (up to [`HEAD_BYTES`] of them), and the next one read.
#[derive(Default)]
pub struct Head {
    pub extracted: Vec<Result<(Source, Vec<Claim>), SourceError>>,
    pub ahead: Option<Result<Source, SourceError>>,
}

/// One source carried through extraction and the rule engine.
#[derive(Debug)]
pub struct AssignedSource {
    /// The source; its text is shed unless [`SourceHandling::keep_texts`]
    /// or a claim needs it (see [`assign`]).
    pub source: Source,
    pub claims: Vec<Claim>,
    /// With [`SourceHandling::explain`]: the rule engine's reasons, per claim.
    pub explanations: Explanations,
}

/// What each source's pass through [`assign`] keeps and traces.
#[derive(Clone, Copy, Debug, Default)]
pub struct SourceHandling {
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
    pending: &Pending,
    id: SourceId,
    options: &LoadOptions,
) -> Result<(Source, Vec<Claim>), SourceError> {
    pending.read(id, options).map(with_claims)
}

/// A source read, with its claims extracted.
fn with_claims(source: Source) -> (Source, Vec<Claim>) {
    let claims = extract::extract(&source);
    (source, claims)
}

/// Assigns one source's extracted claims to the rules' facts (with the
/// reasons, when explaining), then sheds its text: an archive run holds
/// only the texts being worked on, and reads again the few its report
/// shows ([`Source::reread`]). A source with a claim that carries a
/// warning keeps its text: every warning is a finding quoting the claim.
pub fn assign(
    rules: &RuleSet,
    (mut source, extracted): (Source, Vec<Claim>),
    handling: SourceHandling,
) -> AssignedSource {
    let claims = rules::assign_source(rules, &source, extracted);
    let explanations = if handling.explain {
        explain_claims(rules, &source, &claims)
    } else {
        Vec::new()
    };
    if handling.story_samples {
        source.story_sample = Some(crate::compare::syndication::sample(&source.text));
    }
    if !handling.keep_texts && claims.iter().all(|c| c.warning.is_none()) {
        source.shed_text();
    }
    AssignedSource {
        source,
        claims,
        explanations,
    }
}

/// Every listed source read, extracted, assigned and shed, in parallel and
/// in list order (the indexed collect keeps it, whatever the thread count),
/// so each thread holds one text at a time. `head` is the first sources,
/// already read and extracted while the rules compiled; `done` is called
/// after each source (for a progress bar). The source after the head may
/// be read already (`head.ahead`). Ids are list positions:
/// [`Story::assemble`] renumbers them once failed sources are left out.
///
/// Once a source fails in a way `options` does not skip, the run has
/// failed: the sources not yet done are only read (`Ok(None)`), so that
/// the first failure in list order is still the one found, whatever the
/// timing, without extracting an archive for nothing.
pub fn assign_all(
    rules: &RuleSet,
    pending: &[Pending],
    head: Head,
    options: &LoadOptions,
    handling: SourceHandling,
    done: &(dyn Fn() + Sync),
) -> Vec<Result<Option<AssignedSource>, SourceError>> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let fatal = |e: &SourceError| !(options.skip_unreadable && e.is_unreadable_source());
    let Head {
        extracted: head,
        ahead,
    } = head;
    let failed = AtomicBool::new(head.iter().any(|h| h.as_ref().is_err_and(fatal)));
    let skip = head.len();
    let ahead = std::sync::Mutex::new(ahead);
    let rest: Vec<_> = pending
        .get(skip..)
        .unwrap_or_default()
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let id = SourceId((i + skip) as u32);
            let read = |p: &Pending| {
                let early = (i == 0).then(|| ahead.lock().ok()?.take()).flatten();
                early.unwrap_or_else(|| p.read(id, options))
            };
            let assigned = if failed.load(Ordering::Relaxed) {
                read(p).map(|_| None)
            } else {
                read(p)
                    .map(with_claims)
                    .map(|e| Some(assign(rules, e, handling)))
            };
            if assigned.as_ref().is_err_and(fatal) {
                failed.store(true, Ordering::Relaxed);
            }
            done();
            assigned
        })
        .collect();
    let head: Vec<_> = head
        .into_par_iter()
        .map(|h| {
            let assigned = h.map(|e| Some(assign(rules, e, handling)));
            done();
            assigned
        })
        .collect();
    head.into_iter().chain(rest).collect()
}

impl Story {
    /// Numbers the sources that were read by their position, as every
    /// later stage indexes them, and gives subjects one name across sources.
    pub fn assemble(rules: &RuleSet, assigned: Vec<AssignedSource>) -> Story {
        let mut sources = Vec::with_capacity(assigned.len());
        let mut claims = Vec::with_capacity(assigned.len());
        let mut explanations = Vec::with_capacity(assigned.len());
        for (i, mut c) in assigned.into_iter().enumerate() {
            let id = SourceId(i as u32);
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
        Story {
            sources,
            claims,
            explanations,
        }
    }

    /// The story of sources already in memory (tests, the fuzz harness,
    /// small tools): each extracted and assigned as a run does it, in
    /// parallel and in order, every text kept.
    pub fn of_sources(rules: &RuleSet, sources: Vec<Source>) -> Story {
        let handling = SourceHandling {
            keep_texts: true,
            ..SourceHandling::default()
        };
        let assigned = sources
            .into_par_iter()
            .map(|s| {
                let claims = extract::extract(&s);
                assign(rules, (s, claims), handling)
            })
            .collect();
        Story::assemble(rules, assigned)
    }

    /// Every source shown as it is on disk ([`show_as_on_disk`]).
    pub fn show_as_on_disk(&mut self) {
        let explanations = self.explanations.iter_mut().map(Some);
        let explanations = explanations.chain(std::iter::repeat_with(|| None));
        for ((source, claims), explanations) in self
            .sources
            .iter_mut()
            .zip(&mut self.claims)
            .zip(explanations)
        {
            show_as_on_disk(source, claims, explanations);
        }
    }
}

/// A saved web page is shown as its own bytes: every claim span found in
/// its prose is translated to the page's bytes, so `start`/`end`/`line`/
/// `column` in every format, and the explanations' ranges, refer to the
/// file. Other sources are shown as they are.
pub fn show_as_on_disk(
    source: &mut Source,
    claims: &mut [Claim],
    explanations: Option<&mut Explanations>,
) {
    let Some(map) = source.show_markup() else {
        return;
    };
    for claim in claims {
        claim.span.range = map.to_markup(claim.span.range.clone());
    }
    let to_markup = |r: std::ops::Range<usize>| map.to_markup(r);
    for reason in explanations.into_iter().flatten().flatten() {
        reason.map_ranges(&to_markup);
    }
}

/// Gives every subject one name per person or body across all sources
/// ("Orlick" and "Orlik" are one minister). Needs claims only, no text.
pub fn unify_subjects(rules: &RuleSet, claims: &mut [Vec<Claim>]) {
    let subjects = crate::compare::person::Subjects::new(rules, claims);
    // Each distinct subject is looked up once: a story names a few people
    // thousands of times.
    let mut canonical: std::collections::HashMap<String, Option<String>> = Default::default();
    for claim in claims.iter_mut().flatten() {
        if let Some(subject) = claim.subject.take() {
            let name = canonical
                .entry(subject)
                .or_insert_with_key(|subject| subjects.canonical(Some(subject)));
            claim.subject = name.clone();
        }
    }
}

/// The reasons for each of `claims`, found by a traced run of the rules.
fn explain_claims(rules: &RuleSet, source: &Source, claims: &[Claim]) -> Explanations {
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
    /// binary does it, ids not yet assembled.
    fn seeds_assigned() -> (RuleSet, Vec<AssignedSource>) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let rules = RuleSet::load(&[root.join("rules")]).unwrap();
        let options = LoadOptions::default();
        let seeds = root.join("seeds").display().to_string();
        let pending = source::list(&[seeds], &options).unwrap().sources;
        let assigned = assign_all(
            &rules,
            &pending,
            Head::default(),
            &options,
            SourceHandling::default(),
            &|| {},
        )
        .into_iter()
        .map(|c| c.unwrap().unwrap())
        .collect();
        (rules, assigned)
    }

    /// The seeds through the binary's pipeline: texts are shed as each
    /// source is done, and only those the report shows are read again.
    #[test]
    fn a_run_holds_only_the_texts_it_shows() {
        let (rules, assigned) = seeds_assigned();
        for c in &assigned {
            // Only a claim with a warning (itself a finding) keeps a text.
            let warned = c.claims.iter().any(|claim| claim.warning.is_some());
            assert_eq!(c.source.holds_text(), warned, "{}", c.source.name);
        }
        let Story {
            mut sources,
            claims,
            ..
        } = Story::assemble(&rules, assigned);
        let findings = crate::compare::compare(&rules, &sources, &claims);
        assert!(!findings.is_empty());
        let shown = crate::report::claims_shown(&findings, &claims, false);
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
        let (rules, mut assigned) = seeds_assigned();
        // Leave the first source out, as --skip-unreadable would.
        assigned.remove(0);
        let story = Story::assemble(&rules, assigned);
        for (i, (source, list)) in story.sources.iter().zip(&story.claims).enumerate() {
            assert_eq!(source.id.0 as usize, i);
            assert!(list.iter().all(|c| c.span.source == source.id));
        }
    }
}
