//! The run, stage after stage: what the binary does for each command, and
//! what the benchmarks and the fuzz harness measure and probe. The binary
//! only parses flags into a run description ([`CheckRun`], [`ExtractRun`],
//! [`RulesRun`]), hands it here, prints what the run tells ([`Console`])
//! and turns the [`Outcome`] or the [`RunError`] into an exit code.
//!
//! * [`story`]: sources listed and read, claims extracted and assigned to
//!   the rules' facts, one source at a time per thread.
//! * [`check`]: the story's findings (compare, the draft gate, baselines),
//!   rendered in the format asked for.
//! * [`claims`]: every claim of every source, streamed out as rows.
//! * [`rule_files`]: the `rules` commands.

pub mod check;
pub mod claims;
pub mod rule_files;
pub mod story;

pub use check::{check, CheckRun};
pub use claims::{extract, ClaimFormat, ExtractRun};
pub use rule_files::{rules, RulesCommand, RulesRun};
pub use story::{Story, StoryInput};

use std::path::{Path, PathBuf};

use miette::Diagnostic;

/// What ends a run with exit code 2: bad input, a broken rule or config
/// file, or output that cannot be written. The binary prints it, in one
/// place; nothing in the library prints.
#[derive(Debug)]
pub enum RunError {
    /// Pointed at a file and position: a rule file, a config file, a
    /// source, a baseline.
    Diagnostic(Box<dyn Diagnostic + Send + Sync>),
    /// Said in one line, after `error: `.
    Message(String),
}

impl RunError {
    pub fn diagnostic(e: impl Diagnostic + Send + Sync + 'static) -> RunError {
        RunError::Diagnostic(Box::new(e))
    }

    pub fn message(text: impl Into<String>) -> RunError {
        RunError::Message(text.into())
    }

    /// A write that failed, with where it was going.
    fn cannot_write(place: &str, e: &std::io::Error) -> RunError {
        RunError::Message(format!("cannot write {place}: {e}"))
    }
}

/// Ends the run, before anything is read, when it would write over one
/// of its inputs (see [`crate::output::refuse_inputs`]).
fn refuse_inputs(run: &crate::output::Run) -> Result<(), RunError> {
    crate::output::refuse_inputs(run).map_err(|e| RunError::Message(e.to_string()))
}

/// How a run that went through ends: exit code 0 or 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at or above the threshold (or every rule example passed).
    Clean,
    /// Findings at or above `--fail-on`, or failing rule examples.
    Flagged,
}

impl Outcome {
    fn flagged_if(flagged: bool) -> Outcome {
        if flagged {
            Outcome::Flagged
        } else {
            Outcome::Clean
        }
    }
}

/// What a run tells its user besides its report, as it goes.
#[derive(Debug)]
pub enum Message {
    /// Something skipped or doubtful, the run goes on: `warning: ...`.
    Warning(String),
    /// A count or a state worth knowing (findings silenced by a baseline).
    Note(String),
    /// `--explain`'s account of the claims, already rendered.
    Explanations(Vec<u8>),
    /// A problem pointed at in its file that does not end the run (a rule
    /// example that fails).
    Diagnostic(Box<dyn Diagnostic + Send + Sync>),
}

/// Where a run's messages and progress go. The binary writes them on
/// standard error (and draws a progress bar there, on a terminal); the
/// benchmarks drop them. Sources are read on many threads, hence `Sync`.
pub trait Console: Sync {
    fn tell(&self, message: Message);
    /// The sources are listed: this many will be read.
    fn reading(&self, _sources: usize) {}
    /// One more source is read and assigned.
    fn read_one(&self) {}
    /// Every source is read.
    fn read_all(&self) {}
}

/// A console that drops everything: for benchmarks and tests.
pub struct Silent;

impl Console for Silent {
    fn tell(&self, _message: Message) {}
}

/// Hands the memory a stage freed back to the system now, before the next
/// stage reads a long text again. mimalloc (the binary's allocator, see
/// `main.rs`) returns freed pages a millisecond later, and a text read
/// within that millisecond came on top of them. Where mimalloc is not the
/// allocator (tests, benchmarks), its heaps are empty and this does
/// nothing.
pub(crate) fn release_freed_memory() {
    // SAFETY: mi_collect takes no pointers; it frees and purges what the
    // calling thread's heap holds free, which no live allocation uses.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

/// Where a run writes its report: a file, written atomically, or standard
/// output.
#[derive(Clone, Debug, Default)]
pub struct Destination(pub Option<PathBuf>);

impl Destination {
    fn path(&self) -> Option<&Path> {
        self.0.as_deref()
    }

    /// Where output goes, as an error names it.
    fn place(&self) -> String {
        match &self.0 {
            Some(path) => path.display().to_string(),
            None => "standard output".to_string(),
        }
    }

    /// Output to stream into as it is rendered (see [`crate::output::Sink`]).
    fn open(&self) -> Result<crate::output::Sink, RunError> {
        match &self.0 {
            Some(path) => crate::output::Sink::open(path)
                .map_err(|e| RunError::cannot_write(&self.place(), &e)),
            None => Ok(crate::output::Sink::stdout()),
        }
    }

    /// Writes a whole rendered output and commits it.
    pub fn write(&self, bytes: &[u8]) -> Result<(), RunError> {
        use std::io::Write;
        let mut sink = self.open()?;
        let result = sink.write_all(bytes).and_then(|()| sink.commit());
        self.written(result)
    }

    /// The end of a write: a closed pipe (`| head`) is the reader's
    /// choice, not an error; any other failure is said with the place.
    fn written(&self, result: std::io::Result<()>) -> Result<(), RunError> {
        match result {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(RunError::cannot_write(&self.place(), &e)),
        }
    }
}
