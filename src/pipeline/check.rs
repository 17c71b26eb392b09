//! `check`: the story's findings (compare, the draft gate, baselines),
//! rendered in the format asked for and written out; the gate's verdict.

use std::path::PathBuf;

use rayon::prelude::*;

use super::story::{self, Story, StoryInput};
use super::{Console, Destination, Message, Outcome, RunError};
use crate::compare::baseline::Baseline;
use crate::compare::gate::{self, FailOn, GateOptions};
use crate::compare::{self, Finding};
use crate::config::Config;
use crate::extract::Claim;
use crate::output;
use crate::report::{self, Format, Look, Report, Spot};
use crate::rules::{RuleSet, Severity};
use crate::source::Source;

/// A `check` run, flags and config file merged into typed choices.
pub struct CheckRun {
    pub input: StoryInput,
    /// The config file, for what it says of rules (`disable`) and inputs.
    pub config: Config,
    /// The pre-publication gate's draft, checked against the sources.
    pub draft: Option<String>,
    pub format: Format,
    pub look: Look,
    pub fail_on: FailOn,
    /// Severity of draft claims no source states; `None`: not reported.
    pub unsupported: Option<Severity>,
    /// Findings recorded here are silenced.
    pub baseline: Option<PathBuf>,
    /// The findings are recorded here (written atomically).
    pub write_baseline: Option<PathBuf>,
    pub output: Destination,
}

/// Runs a check: loads the story, finds and gates its findings, writes the
/// report (and the baseline asked for). Flagged when a finding is at least
/// `fail_on`; with a draft, only findings that involve it count, as
/// disagreements among the sources alone are context.
pub fn check(run: &CheckRun, console: &dyn Console) -> Result<Outcome, RunError> {
    super::refuse_inputs(&output::Run {
        output: run.output.path(),
        write_baseline: run.write_baseline.as_deref(),
        draft: run.draft.as_deref(),
        rules: &run.input.rule_paths,
        sources: &run.input.sources,
        baseline: run.baseline.as_deref(),
        config: &run.config,
    })?;
    let (rules, mut story) = story::load(&run.input, &run.config, run.draft.as_deref(), console)?;
    let findings = findings_of(
        &rules,
        &story,
        run.unsupported,
        run.baseline.as_ref(),
        console,
    )?;
    if let Some(path) = &run.write_baseline {
        let json = serde_json::to_string_pretty(&Baseline::of(&findings)).unwrap_or_default();
        output::write(path, format!("{json}\n").as_bytes())
            .map_err(|e| RunError::cannot_write(&path.display().to_string(), &e))?;
    }
    story.show_as_on_disk();
    // Texts were dropped as claims were assigned. The sources the report
    // shows are read again for their claims' spots, one at a time per
    // thread; the human and HTML reports quote around the claims, so they
    // keep those texts (and --explain keeps every text).
    let shown = report::claims_shown(&findings, &story.claims, run.format == Format::Html);
    let quotes_texts = matches!(run.format, Format::Human | Format::Html) || run.input.explain;
    super::release_freed_memory();
    let spots = spots_of(&mut story.sources, &story.claims, &shown, quotes_texts)?;
    let report = Report {
        sources: &story.sources,
        claims: &story.claims,
        findings: &findings,
        spots,
    };
    if run.input.explain {
        let mut buf = Vec::new();
        if report::explain::claims(&report, &story.explanations, &mut buf).is_ok() {
            console.tell(Message::Explanations(buf));
        }
    }
    // Rendered straight into the output (or its temporary file), not
    // held whole first: a SARIF report of 3 MB took twice that so.
    let mut sink = run.output.open()?;
    let rendered = run.format.render(&report, &run.look, &mut sink);
    run.output.written(rendered.and_then(|()| sink.commit()))?;
    let gating = run.draft.is_some();
    let flagged = run.fail_on.threshold().is_some_and(|t| {
        findings
            .iter()
            .any(|f| f.severity >= t && (!gating || f.involves_draft))
    });
    Ok(Outcome::flagged_if(flagged))
}

/// The story's findings: its claims compared, the draft's gate applied,
/// what the draft acknowledges and what the baseline records silenced.
pub fn findings_of(
    rules: &RuleSet,
    story: &Story,
    unsupported: Option<Severity>,
    baseline: Option<&PathBuf>,
    console: &dyn Console,
) -> Result<Vec<Finding>, RunError> {
    let (sources, claims) = (&story.sources, &story.claims);
    let mut findings = compare::compare(rules, sources, claims);
    gate::apply(
        &mut findings,
        rules,
        sources,
        claims,
        GateOptions { unsupported },
    );
    let acknowledged = gate::acknowledged(&mut findings, sources);
    if let Some(path) = baseline {
        let silenced = read_baseline(path)?.silence(&mut findings);
        console.tell(Message::Note(format!(
            "{silenced} finding(s) silenced by the baseline {}",
            path.display()
        )));
    }
    if !acknowledged.is_empty() {
        console.tell(Message::Note(format!(
            "{} finding(s) acknowledged in the draft",
            acknowledged.len()
        )));
    }
    Ok(findings)
}

fn read_baseline(path: &std::path::Path) -> Result<Baseline, RunError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| RunError::Message(format!("{}: cannot read baseline: {e}", path.display())))?;
    Baseline::parse(&path.display().to_string(), &text).map_err(RunError::diagnostic)
}

/// The spots of the claims shown, each source with any read again for
/// them in parallel and, unless `keep`, dropped again; the first failure
/// (in source order) ends the run.
fn spots_of(
    sources: &mut [Source],
    claims: &[Vec<Claim>],
    shown: &[Vec<bool>],
    keep: bool,
) -> Result<Vec<Vec<Spot>>, RunError> {
    let results: Vec<Result<Vec<Spot>, crate::source::SourceError>> = sources
        .par_iter_mut()
        .zip(claims)
        .zip(shown)
        .map(|((source, claims), shown)| {
            if !shown.contains(&true) {
                return Ok(Vec::new());
            }
            source.reread()?;
            let spots = Spot::of_shown(source, claims, shown);
            if !keep {
                source.shed_text();
            }
            Ok(spots)
        })
        .collect();
    results
        .into_iter()
        .collect::<Result<_, _>>()
        .map_err(RunError::diagnostic)
}
