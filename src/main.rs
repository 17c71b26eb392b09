//! The `crosscheck` command: parses flags into a run ([`cli`]), runs it
//! through the library's pipeline, prints what the run tells on standard
//! error and sets the exit code (0: no finding at or above `--fail-on`,
//! 1: findings at or above it, 2: usage, input or rule-file error).

#![allow(clippy::result_large_err)] // see lib.rs

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::Parser;
use crosscheck::pipeline::{self, Console, Destination, Message, Outcome, RunError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay`, as numbered in `enum mi_option_e` of its
/// mimalloc.h (v3); the test below holds the number to the option.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system after a millisecond. mimalloc
/// keeps it a second by default, so a vector grown by doubling held every
/// smaller copy as well: 10 MB of news peaked at 63 MB, and 50-53 MB with
/// this. At once (0) costs `check seeds/` 35 ms instead of 22 in page
/// faults. `MIMALLOC_PURGE_DELAY` in the environment still wins.
fn allocator_settings() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one integer option; mimalloc reads options at each use.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1) }
    }
}

fn main() -> ExitCode {
    allocator_settings();
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let mut stderr = Stderr {
        color: cli.color.enabled(std::io::stderr().is_terminal()),
        quiet: false,
        progress: OnceLock::new(),
    };
    let ran = cli.into_invocation().and_then(|invocation| {
        stderr.quiet = invocation.quiet;
        match invocation.run {
            cli::Run::Check(run) => pipeline::check(&run, &stderr),
            cli::Run::Extract(run) => pipeline::extract(&run, &stderr),
            cli::Run::Rules(run) => pipeline::rules(&run, &stderr),
            cli::Run::Completions(script) => Destination::default()
                .write(&script)
                .map(|()| Outcome::Clean),
        }
    });
    match ran {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Flagged) => ExitCode::from(1),
        Err(e) => {
            stderr.error(&e);
            ExitCode::from(2)
        }
    }
}

/// Standard error, where a run's messages, errors and progress bar go.
struct Stderr {
    /// Diagnostics in colour.
    color: bool,
    /// No progress bar and no notes (`--quiet`).
    quiet: bool,
    progress: OnceLock<ProgressBar>,
}

/// Runs over this many sources show a progress bar (on a terminal).
const PROGRESS_FROM: usize = 20;

impl Stderr {
    fn write(&self, bytes: &[u8]) {
        let _ = std::io::stderr().write_all(bytes);
    }

    fn error(&self, e: &RunError) {
        match e {
            RunError::Diagnostic(diag) => self.diagnostic(diag.as_ref()),
            RunError::Message(text) => self.write(format!("error: {text}\n").as_bytes()),
        }
    }

    fn diagnostic(&self, diag: &dyn Diagnostic) {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let mut out = String::new();
        let handler = GraphicalReportHandler::new_themed(theme).with_links(false);
        if handler.render_report(&mut out, diag).is_err() {
            out = format!("error: {diag}\n");
        }
        self.write(out.as_bytes());
    }
}

impl Console for Stderr {
    fn tell(&self, message: Message) {
        match message {
            Message::Warning(text) => self.write(format!("warning: {text}\n").as_bytes()),
            // `--quiet`: no notes; warnings and errors stay.
            Message::Note(_) if self.quiet => {}
            Message::Note(text) => self.write(format!("{text}\n").as_bytes()),
            Message::Explanations(text) => self.write(&text),
            Message::Diagnostic(diag) => self.diagnostic(diag.as_ref()),
        }
    }

    fn reading(&self, sources: usize) {
        if self.quiet || sources < PROGRESS_FROM || !std::io::stderr().is_terminal() {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(sources as u64), ProgressDrawTarget::stderr());
        // No colours in the template: it reads the same with NO_COLOR.
        if let Ok(style) = ProgressStyle::with_template("{prefix} [{bar:40}] {pos}/{len} sources") {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_prefix("reading");
        let _ = self.progress.set(bar);
    }

    fn read_one(&self) {
        if let Some(bar) = self.progress.get() {
            bar.inc(1);
        }
    }

    fn read_all(&self) {
        if let Some(bar) = self.progress.get() {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    /// The option number is mimalloc's `purge_delay`: its default, a
    /// second, is what no other option of v3 holds.
    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: reads one integer option.
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(
                delay,
                1000,
                "option {} is not purge_delay",
                super::MI_OPTION_PURGE_DELAY
            );
        }
    }
}
