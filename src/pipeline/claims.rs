//! `extract`: every claim of every source, streamed out as rows, a batch
//! of sources at a time.

use std::io::Write;

use rayon::prelude::*;

use super::story::{self, show_as_on_disk, StoryInput};
use super::{Console, Destination, Message, Outcome, RunError};
use crate::config::Config;
use crate::extract::Claim;
use crate::report::{self, Report};
use crate::rules::explain::Explanations;
use crate::source::{Source, SourceError};

/// The row formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimFormat {
    Jsonl,
    Csv,
}

/// An `extract` run, flags and config file merged.
pub struct ExtractRun {
    pub input: StoryInput,
    pub config: Config,
    pub format: ClaimFormat,
    pub output: Destination,
}

/// How many claims a batch of sources holds, at most, unless one source
/// alone holds more (which is then rendered straight to the output).
const BATCH_CLAIMS: usize = 20_000;

/// Why a source's claims were not rendered.
enum NotRendered {
    /// Its text could not be read again.
    Source(SourceError),
    /// The renderer failed.
    Format(std::io::Error),
}

/// Lists every claim of every source as rows. Each source on its own, one
/// text at a time per thread: read again, shown as it is on disk, rendered,
/// written out, dropped. Sources go in batches, each rendered in parallel
/// and written in source order, so the output is the same for any thread
/// count and memory holds one batch's rows, not the whole report's.
pub fn extract(run: &ExtractRun, console: &dyn Console) -> Result<Outcome, RunError> {
    super::refuse_inputs(&crate::output::Run {
        output: run.output.path(),
        write_baseline: None,
        draft: None,
        rules: &run.input.rule_paths,
        sources: &run.input.sources,
        baseline: None,
        config: &run.config,
    })?;
    let (_, story) = story::load(&run.input, &run.config, None, console)?;
    let (format, explain) = (run.format, run.input.explain);
    let mut sink = run.output.open()?;
    let mut written = match format {
        ClaimFormat::Csv => report::csv::claim_header(&mut sink).map_err(report::csv::io_error),
        ClaimFormat::Jsonl => Ok(()),
    };
    let batch = 4 * rayon::current_num_threads();
    let mut work = story
        .sources
        .into_iter()
        .zip(story.claims)
        .zip(story.explanations)
        .peekable();
    let mut reasons = Vec::new();
    let mut not_rendered = None;
    while written.is_ok() && not_rendered.is_none() && work.peek().is_some() {
        let mut sources = Vec::new();
        let mut held = 0;
        while let Some(next) = work.next_if(|((_, claims), _)| {
            sources.is_empty() || (sources.len() < batch && held + claims.len() <= BATCH_CLAIMS)
        }) {
            held += next.0 .1.len();
            sources.push(next);
        }
        if sources.len() == 1 {
            // One source (a large one, or the last): straight to the output.
            let ((source, claims), explanations) = sources.remove(0);
            match render_claims(source, claims, explanations, format, explain, &mut sink) {
                Ok(chunk_reasons) => reasons.extend_from_slice(&chunk_reasons),
                Err(NotRendered::Format(e)) => written = Err(e),
                Err(e) => not_rendered = Some(e),
            }
            continue;
        }
        // Several small sources: rendered in parallel, each into its own
        // rows (with `--explain`'s account of them), written in source order.
        type Rows = (Vec<u8>, Vec<u8>);
        let rendered: Vec<Result<Rows, NotRendered>> = sources
            .into_par_iter()
            .map(|((source, claims), explanations)| {
                let mut rows = Vec::new();
                render_claims(source, claims, explanations, format, explain, &mut rows)
                    .map(|reasons| (rows, reasons))
            })
            .collect();
        for chunk in rendered {
            match chunk {
                Ok((rows, chunk_reasons)) => {
                    written = sink.write_all(&rows);
                    reasons.extend_from_slice(&chunk_reasons);
                }
                Err(e) => not_rendered = Some(e),
            }
            if written.is_err() || not_rendered.is_some() {
                break;
            }
        }
    }
    match not_rendered {
        Some(NotRendered::Source(e)) => return Err(RunError::diagnostic(e)),
        Some(NotRendered::Format(e)) => {
            return Err(RunError::Message(format!("cannot render claims: {e}")))
        }
        None => {}
    }
    // `--explain` goes to standard error, so standard output stays what
    // the format promises.
    console.tell(Message::Explanations(reasons));
    run.output.written(written.and_then(|()| sink.commit()))?;
    Ok(Outcome::Clean)
}

/// Renders one source's claims into `rows`, reading its text again for the
/// purpose; returns `--explain`'s account of them.
fn render_claims(
    mut source: Source,
    mut claims: Vec<Claim>,
    mut explanations: Explanations,
    format: ClaimFormat,
    explain: bool,
    rows: &mut dyn Write,
) -> Result<Vec<u8>, NotRendered> {
    source.reread().map_err(NotRendered::Source)?;
    show_as_on_disk(&mut source, &mut claims, Some(&mut explanations));
    let report = Report::new(
        std::slice::from_ref(&source),
        std::slice::from_ref(&claims),
        &[],
    );
    let mut reasons = Vec::new();
    let written = match format {
        ClaimFormat::Jsonl => report::json::claims(&report, rows),
        ClaimFormat::Csv => report::csv::claim_rows(&report, rows).map_err(report::csv::io_error),
    }
    .and_then(|()| {
        if explain {
            report::explain::claims(&report, &[explanations], &mut reasons)
        } else {
            Ok(())
        }
    });
    written.map_err(NotRendered::Format)?;
    Ok(reasons)
}
