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
//! [`pipeline`] runs the stages for each command, as the binary, the
//! benchmarks and the fuzz harness all do; [`output`] writes the rendered
//! report where `--output` says, losing nothing there or among the run's
//! inputs.
//!
//! The library never prints: the renderers write into the writer they
//! are given, and what a run tells besides its report goes to a
//! [`pipeline::Console`]. Only `main.rs` prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]
// User-facing errors carry their file's text for the diagnostic; they end
// the run, so their size on the stack does not matter.
#![allow(clippy::result_large_err)]

pub mod compare;
pub mod config;
pub mod extract;
mod fnv;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod source;
pub mod toml_file;
pub mod value;
