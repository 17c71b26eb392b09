//! The `crosscheck` command: parses flags, wires the pipeline stages, writes
//! output and sets the exit code (0: no finding at or above `--fail-on`,
//! 1: findings at or above it, 2: usage, input or rule-file error).

#![allow(clippy::result_large_err)] // see lib.rs

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use crosscheck::compare::baseline::Baseline;
use crosscheck::compare::gate::{self, FailOn, GateOptions, Unsupported};
use crosscheck::config::Config;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crosscheck::compare;
use crosscheck::extract::Claim;
use crosscheck::output;
use crosscheck::report::{self, human::Style, Format, Report};
use crosscheck::rules::explain::Explanations;
use crosscheck::rules::{self, RuleSet, Severity};
use crosscheck::source::{self, DateOrder, LoadOptions, Source, SourceId};
use crosscheck::Pass;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Check whether news sources agree on the facts of one story",
    after_help = "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage, input or rule-file error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colours in the report and in diagnostics [auto: on a terminal, unless NO_COLOR is set].
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// The run's `--color`, set once at start: diagnostics are printed from
/// many places, and all of them follow it.
static COLOR: std::sync::OnceLock<ColorChoice> = std::sync::OnceLock::new();

/// Whether to colour output going to a stream that is (or is not) a terminal.
fn use_color(terminal: bool) -> bool {
    match COLOR.get().copied().unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
    }
}

#[derive(Subcommand)]
enum Command {
    /// Compare the sources' claims and report disagreements.
    Check(CheckArgs),
    /// List every claim found in the sources.
    Extract(ExtractArgs),
    /// Work with rule files.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Print a shell completion script: `crosscheck completions bash > ...`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List the rules.
    List(RulesDirArgs),
    /// Run every rule file's inline examples.
    Test(RulesDirArgs),
    /// What a rule checks, why it matters, and an example of it at work.
    Explain(RulesExplainArgs),
}

#[derive(Args)]
struct RulesExplainArgs {
    /// The rule's id (see `crosscheck rules list`).
    id: String,
    /// Rule folders or files (default: ./rules).
    dirs: Vec<PathBuf>,
}

#[derive(Args)]
struct RulesDirArgs {
    /// Rule folders or files (default: ./rules).
    dirs: Vec<PathBuf>,
}

#[derive(Args)]
struct InputArgs {
    /// Files, folders (every .txt/.md below them) or - for standard input.
    /// Default: the `sources` of crosscheck.toml.
    sources: Vec<String>,
    /// Rule folder or file; repeatable. Default: ./rules when it exists.
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// How to read numeric dates such as 3/7/2025 (a manifest's locale wins).
    #[arg(long, value_enum, default_value_t = DateOrder::Mdy)]
    date_order: DateOrder,
    /// The document date of a source, over any other evidence: SOURCE=YYYY-MM-DD.
    #[arg(long = "document-date", value_name = "SOURCE=DATE", value_parser = parse_document_date)]
    document_dates: Vec<(String, jiff::civil::Date)>,
    /// Warn about sources that cannot be read as UTF-8 text and go on.
    #[arg(long)]
    skip_unreadable: bool,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Tell, on standard error, why each claim went to its fact or to none:
    /// the rule, the trigger, the competing claims and triggers, the resolution.
    #[arg(long)]
    explain: bool,
    /// No progress bar and no notes on standard error; errors and warnings stay.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format [default: human, or crosscheck.toml's `format`].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Exit 1 when a finding is at least this severe [default: error, or
    /// crosscheck.toml's `fail_on`]. With --draft, only findings that
    /// involve the draft count.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// A draft to check against the sources: the pre-publication gate.
    #[arg(long, value_name = "DRAFT")]
    draft: Option<String>,
    /// Severity of draft claims no source states, or `off` [default: info].
    #[arg(long, value_name = "SEVERITY")]
    unsupported: Option<Unsupported>,
    /// Silence the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in a baseline file (written atomically).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Start CSV output with a byte-order mark, for Excel.
    #[arg(long)]
    csv_bom: bool,
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    format: ExtractFormat,
}

fn parse_document_date(s: &str) -> Result<(String, jiff::civil::Date), String> {
    let (name, date) = s
        .rsplit_once('=')
        .ok_or_else(|| format!("expected SOURCE=YYYY-MM-DD, got {s:?}"))?;
    let date =
        source::parse_iso_date(date).ok_or_else(|| format!("{date:?} is not a YYYY-MM-DD date"))?;
    Ok((name.to_string(), date))
}

/// A failure that ends the run with exit code 2, already explained.
struct Failed;

fn print_diagnostic(diag: &dyn Diagnostic) {
    let theme = if use_color(std::io::stderr().is_terminal()) {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = String::new();
    let handler = GraphicalReportHandler::new_themed(theme).with_links(false);
    if handler.render_report(&mut out, diag).is_err() {
        out = format!("error: {diag}\n");
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}

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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let _ = COLOR.set(cli.color);
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Extract(args) => extract_cmd(args),
        Command::Rules(RulesCommand::List(args)) => rules_list(args),
        Command::Rules(RulesCommand::Test(args)) => rules_test(args),
        Command::Rules(RulesCommand::Explain(args)) => rules_explain(args),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "crosscheck", &mut buf);
            emit(&None, &buf).map(|()| 0)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failed) => ExitCode::from(2),
    }
}

fn rule_dirs(given: &[PathBuf]) -> Vec<PathBuf> {
    if !given.is_empty() {
        return given.to_vec();
    }
    let default = PathBuf::from("rules");
    if default.is_dir() {
        vec![default]
    } else {
        Vec::new()
    }
}

fn load_rules(given: &[PathBuf]) -> Result<RuleSet, Failed> {
    RuleSet::load(&rule_dirs(given)).map_err(|e| {
        print_diagnostic(&e);
        Failed
    })
}

/// The rules the `rules` commands show: those a `check` in this folder
/// runs, `crosscheck.toml`'s `disable` applied.
fn load_rules_configured(given: &[PathBuf]) -> Result<RuleSet, Failed> {
    let config = load_config()?;
    let mut rules = load_rules(&config.rule_paths(given))?;
    config.apply_to(&mut rules).map_err(|e| {
        print_diagnostic(&e);
        Failed
    })?;
    Ok(rules)
}

/// A run's inputs, loaded, with every claim extracted and assigned.
struct Prepared {
    sources: Vec<Source>,
    claims: Vec<Vec<Claim>>,
    rules: RuleSet,
    /// With `--explain`: the rule engine's reasons, per source, per claim.
    explanations: Vec<Explanations>,
}

/// Runs over this many sources show a progress bar (on a terminal).
const PROGRESS_FROM: usize = 20;

fn progress_bar(sources: usize, quiet: bool) -> Option<ProgressBar> {
    if quiet || sources < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(sources as u64), ProgressDrawTarget::stderr());
    // No colours in the template: it reads the same with NO_COLOR.
    if let Ok(style) = ProgressStyle::with_template("{prefix} [{bar:40}] {pos}/{len} sources") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix("reading");
    Some(bar)
}

fn load_config() -> Result<Config, Failed> {
    let cwd = std::env::current_dir().unwrap_or_default();
    Config::find(&cwd).map_err(|e| {
        print_diagnostic(&e);
        Failed
    })
}

/// The most text read and extracted while the rules compile, before any
/// of it can be assigned and dropped: a few dozen articles' worth, enough
/// to overlap the rules' compilation with the extractors' first use.
const HEAD_BYTES: u64 = 256 << 10;

/// Loads rules and sources (the draft first, when there is one), extracts
/// claims and assigns them to facts. Flags win over the config file.
fn prepare(input: &InputArgs, config: &Config, draft: Option<&str>) -> Result<Prepared, Failed> {
    let rule_paths = config.rule_paths(&input.rules);
    let mut inputs = config.source_inputs(&input.sources);
    let no_sources = inputs.is_empty();
    let from_config = input.sources.is_empty();
    let source_inputs = inputs.clone();
    if let Some(d) = draft {
        inputs.insert(0, d.to_string());
    }
    let options = LoadOptions {
        skip_unreadable: input.skip_unreadable,
        date_order: if input.date_order == DateOrder::default() {
            config.date_order.unwrap_or_default()
        } else {
            input.date_order
        },
        document_dates: input.document_dates.clone(),
    };
    // Extraction needs no rules: the rules compile on one worker while the
    // other lists the sources and reads and extracts the first of them (up
    // to HEAD_BYTES of text, so what waits for the rules is bounded), and
    // the first worker joins in once the rules are ready. A rule error is
    // printed where it arises; source errors wait until both are done, so
    // that rules come first, as in a run that did one then the other.
    let (rules, listed) = rayon::join(
        || load_rules(&rule_paths),
        || {
            if no_sources {
                return Err(NotLoaded::NoSources);
            }
            if let Some(d) = draft.filter(|d| std::path::Path::new(d).is_dir()) {
                return Err(NotLoaded::DraftIsFolder(d.to_string()));
            }
            let listing = source::list(&inputs, &options).map_err(NotLoaded::Error)?;
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
                .map(|(i, p)| crosscheck::read_and_extract(p, SourceId(i as u32), &options))
                .collect();
            Ok((pending, head, notes))
        },
    );
    let mut rules = rules?;
    let (pending, head, notes) = listed.map_err(|e| {
        match e {
            NotLoaded::Empty(notes) => {
                warn_all(&notes);
                let _ = writeln!(
                    std::io::stderr(),
                    "error: no sources found in {}{}",
                    source_inputs.join(", "),
                    if from_config {
                        " (the `sources` of crosscheck.toml)"
                    } else {
                        ""
                    }
                );
            }
            NotLoaded::NoSources => {
                let _ = writeln!(
                    std::io::stderr(),
                    "error: no sources given (name files or folders, or set `sources` in crosscheck.toml)"
                );
            }
            NotLoaded::DraftIsFolder(d) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "error: --draft {d}: a folder, not a file (give the draft's file; its sources go after it)"
                );
            }
            NotLoaded::Error(e) => print_diagnostic(&e),
        }
        Failed
    })?;
    warn_all(&notes);
    config.apply_to(&mut rules).map_err(|e| {
        print_diagnostic(&e);
        Failed
    })?;
    let progress = progress_bar(pending.len(), input.quiet);
    let tick = || {
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    };
    let pass = Pass {
        explain: input.explain,
        // `--explain` tells about every claim of every source: a rule
        // author's look at a few sources, so their texts stay.
        keep_texts: input.explain,
        story_samples: draft.is_some(),
    };
    let results = crosscheck::check_sources(&rules, &pending, head, &options, pass, &tick);
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut checked = Vec::with_capacity(results.len());
    let mut skipped = Vec::new();
    for result in results {
        match result {
            Ok(Some(c)) => checked.push(c),
            // Only read: another source failed, which ends the run.
            Ok(None) => {}
            Err(e) if options.skip_unreadable && e.is_unreadable_source() => skipped.push(e),
            Err(e) => {
                print_diagnostic(&e);
                return Err(Failed);
            }
        }
    }
    for skipped in &skipped {
        let _ = writeln!(std::io::stderr(), "warning: skipped {skipped}");
    }
    if checked.len() == usize::from(draft.is_some()) {
        let _ = writeln!(
            std::io::stderr(),
            "error: no readable source in {}: every one was skipped",
            source_inputs.join(", ")
        );
        return Err(Failed);
    }
    let (sources, claims, explanations) = crosscheck::settle(&rules, checked);
    Ok(Prepared {
        sources,
        claims,
        rules,
        explanations,
    })
}

/// Why a run's sources were not loaded, told after any rule error.
enum NotLoaded {
    NoSources,
    /// Listing found no source besides the draft; the listing's warnings.
    Empty(Vec<String>),
    DraftIsFolder(String),
    Error(source::SourceError),
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

fn warn_all(notes: &[String]) {
    for note in notes {
        let _ = writeln!(std::io::stderr(), "warning: {note}");
    }
}

/// Writes rendered output to the file (see `output::write`) or standard output.
fn emit(output: &Option<PathBuf>, bytes: &[u8]) -> Result<(), Failed> {
    let mut sink = open_sink(output)?;
    let result = sink.write_all(bytes).and_then(|()| sink.commit());
    written_out(result, &output_place(output))
}

/// Where output goes, as an error names it.
fn output_place(output: &Option<PathBuf>) -> String {
    match output {
        Some(path) => path.display().to_string(),
        None => "standard output".to_string(),
    }
}

/// Output to stream into as it is rendered (see `output::Sink`).
fn open_sink(output: &Option<PathBuf>) -> Result<output::Sink, Failed> {
    match output {
        Some(path) => output::Sink::open(path).map_err(|e| cannot_write(&output_place(output), &e)),
        None => Ok(output::Sink::stdout()),
    }
}

fn cannot_write(place: &str, e: &std::io::Error) -> Failed {
    let _ = writeln!(std::io::stderr(), "error: cannot write {place}: {e}");
    Failed
}

/// The end of a write: a closed pipe (`| head`) is the reader's choice,
/// not an error; any other failure is said with the place.
fn written_out(result: std::io::Result<()>, place: &str) -> Result<(), Failed> {
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(cannot_write(place, &e)),
    }
}

/// Ends the run, before anything is read, when it would write over one
/// of its inputs (see `output::refuse_inputs`).
fn refuse_inputs(
    input: &InputArgs,
    config: &Config,
    draft: Option<&str>,
    baseline: Option<&std::path::Path>,
    write_baseline: Option<&std::path::Path>,
) -> Result<(), Failed> {
    output::refuse_inputs(&output::Run {
        output: input.output.as_deref(),
        write_baseline,
        draft,
        rules: &input.rules,
        sources: &input.sources,
        baseline,
        config,
    })
    .map_err(|e| {
        let _ = writeln!(std::io::stderr(), "error: {e}");
        Failed
    })
}

fn check(args: CheckArgs) -> Result<u8, Failed> {
    let config = load_config()?;
    refuse_inputs(
        &args.input,
        &config,
        args.draft.as_deref(),
        args.baseline.as_deref(),
        args.write_baseline.as_deref(),
    )?;
    let Prepared {
        sources,
        claims,
        rules,
        mut explanations,
    } = prepare(&args.input, &config, args.draft.as_deref())?;
    let mut findings = compare::compare(&rules, &sources, &claims);
    let Unsupported(unsupported) = args
        .unsupported
        .or(config.unsupported)
        .unwrap_or(Unsupported(Some(Severity::Info)));
    gate::apply(
        &mut findings,
        &rules,
        &sources,
        &claims,
        GateOptions { unsupported },
    );
    let acknowledged = gate::acknowledged(&mut findings, &sources);
    if let Some(path) = &args.baseline {
        let baseline = read_baseline(path)?;
        let silenced = baseline.silence(&mut findings);
        let _ = writeln!(
            std::io::stderr(),
            "{silenced} finding(s) silenced by the baseline {}",
            path.display()
        );
    }
    if !acknowledged.is_empty() {
        let _ = writeln!(
            std::io::stderr(),
            "{} finding(s) acknowledged in the draft",
            acknowledged.len()
        );
    }
    if let Some(path) = &args.write_baseline {
        let json = serde_json::to_string_pretty(&Baseline::of(&findings)).unwrap_or_default();
        output::write(path, format!("{json}\n").as_bytes()).map_err(|e| {
            let _ = writeln!(
                std::io::stderr(),
                "error: cannot write {}: {e}",
                path.display()
            );
            Failed
        })?;
    }
    let format = args.format.or(config.format).unwrap_or(Format::Human);
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
    let (mut sources, mut claims) = (sources, claims);
    present(&mut sources, &mut claims, &mut explanations);
    // Texts were dropped as claims were assigned. The sources the report
    // shows are read again for their claims' spots, one at a time per
    // thread; the human and HTML reports quote around the claims, so they
    // keep those texts (and --explain keeps every text).
    let shown = report::claims_shown(&findings, &claims, format == Format::Html);
    let quotes_texts = matches!(format, Format::Human | Format::Html) || args.input.explain;
    let spots = spots_of(&mut sources, &claims, &shown, quotes_texts)?;
    let report = Report {
        sources: &sources,
        claims: &claims,
        findings: &findings,
        spots,
    };
    if args.input.explain {
        explain(&report, &explanations);
    }
    let mut buf = Vec::new();
    if format == Format::Csv && (args.csv_bom || config.csv_bom == Some(true)) {
        buf.extend_from_slice("\u{feff}".as_bytes());
    }
    let rendered = match format {
        Format::Human => {
            let color = use_color(args.input.output.is_none() && std::io::stdout().is_terminal());
            report::human::findings(&report, Style { color, width: 100 }, &mut buf)
        }
        Format::Csv => report::csv::findings(&report, &mut buf).map_err(std::io::Error::other),
        Format::Json => report::json::findings(&report, &mut buf),
        Format::Sarif => report::sarif::findings(&report, &mut buf),
        Format::Github => report::github::findings(&report, &mut buf),
        Format::Markdown => report::markdown::findings(&report, &mut buf),
        Format::Html => report::html::findings(&report, &mut buf),
    };
    if let Err(e) = rendered {
        let _ = writeln!(std::io::stderr(), "error: cannot render the report: {e}");
        return Err(Failed);
    }
    emit(&args.input.output, &buf)?;
    let threshold = fail_on.threshold();
    // With a draft, the gate fails only on findings that involve it;
    // disagreements among the sources alone are context.
    let gating = args.draft.is_some();
    let failing = threshold.is_some_and(|t| {
        findings
            .iter()
            .any(|f| f.severity >= t && (!gating || f.involves_draft))
    });
    Ok(u8::from(failing))
}

/// Saved web pages are shown as their own bytes: claim spans and the
/// explanations' ranges are translated from the page's prose to the file.
fn present(sources: &mut [Source], claims: &mut [Vec<Claim>], explanations: &mut [Explanations]) {
    let maps = crosscheck::show_markup(sources, claims);
    for (map, reasons) in maps.iter().zip(explanations.iter_mut()) {
        let Some(map) = map else { continue };
        let to_markup = |r: std::ops::Range<usize>| map.to_markup(r);
        for reason in reasons.iter_mut().flatten() {
            reason.map_ranges(&to_markup);
        }
    }
}

/// `--explain` goes to standard error, so the report on standard output
/// stays what the format promises.
fn explain(report: &Report, explanations: &[Explanations]) {
    let mut buf = Vec::new();
    if report::explain::claims(report, explanations, &mut buf).is_ok() {
        let _ = std::io::stderr().write_all(&buf);
    }
}

fn read_baseline(path: &std::path::Path) -> Result<Baseline, Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let _ = writeln!(
            std::io::stderr(),
            "error: {}: cannot read baseline: {e}",
            path.display()
        );
        Failed
    })?;
    Baseline::parse(&path.display().to_string(), &text).map_err(|e| {
        print_diagnostic(&e);
        Failed
    })
}

/// The spots of the claims shown, each source with any read again for
/// them in parallel and, unless `keep`, dropped again; the first failure
/// (in source order) ends the run.
fn spots_of(
    sources: &mut [Source],
    claims: &[Vec<Claim>],
    shown: &[Vec<bool>],
    keep: bool,
) -> Result<Vec<Vec<report::Spot>>, Failed> {
    let results: Vec<Result<Vec<report::Spot>, source::SourceError>> = sources
        .par_iter_mut()
        .zip(claims)
        .zip(shown)
        .map(|((source, claims), shown)| {
            if !shown.contains(&true) {
                return Ok(Vec::new());
            }
            source.reread()?;
            let spots = report::Spot::of_shown(source, claims, shown);
            if !keep {
                source.shed_text();
            }
            Ok(spots)
        })
        .collect();
    results.into_iter().collect::<Result<_, _>>().map_err(|e| {
        print_diagnostic(&e);
        Failed
    })
}

/// Why a source's claims were not rendered.
enum NotRendered {
    /// Its text could not be read again.
    Source(source::SourceError),
    /// The renderer failed.
    Format(std::io::Error),
}

/// Renders one source's claims into `rows`, reading its text again for the
/// purpose; returns `--explain`'s account of them.
fn render_claims(
    mut source: Source,
    mut claims: Vec<Claim>,
    mut explanations: Explanations,
    format: ExtractFormat,
    explain: bool,
    rows: &mut dyn Write,
) -> Result<Vec<u8>, NotRendered> {
    source.reread().map_err(NotRendered::Source)?;
    present(
        std::slice::from_mut(&mut source),
        std::slice::from_mut(&mut claims),
        std::slice::from_mut(&mut explanations),
    );
    let report = Report::new(
        std::slice::from_ref(&source),
        std::slice::from_ref(&claims),
        &[],
    );
    let mut reasons = Vec::new();
    let written = match format {
        ExtractFormat::Jsonl => report::json::claims(&report, rows),
        ExtractFormat::Csv => report::csv::claim_rows(&report, rows).map_err(std::io::Error::other),
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

/// How many claims a batch of sources holds, at most, unless one source
/// alone holds more (which is then rendered straight to the output).
const BATCH_CLAIMS: usize = 20_000;

fn extract_cmd(args: ExtractArgs) -> Result<u8, Failed> {
    let config = load_config()?;
    refuse_inputs(&args.input, &config, None, None, None)?;
    let Prepared {
        sources,
        claims,
        explanations,
        ..
    } = prepare(&args.input, &config, None)?;
    let (format, explain) = (args.format, args.input.explain);
    let mut sink = open_sink(&args.input.output)?;
    let place = output_place(&args.input.output);
    let mut written = match format {
        ExtractFormat::Csv => report::csv::claim_header(&mut sink).map_err(std::io::Error::other),
        ExtractFormat::Jsonl => Ok(()),
    };
    // Each source on its own, one text at a time per thread: read again,
    // shown as it is on disk, rendered, written out, dropped. Sources go in
    // batches, each rendered in parallel and written in source order, so
    // the output is the same for any thread count and memory holds one
    // batch's rows, not the whole report's.
    let batch = 4 * rayon::current_num_threads();
    let mut work = sources.into_iter().zip(claims).zip(explanations).peekable();
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
        Some(NotRendered::Source(e)) => {
            print_diagnostic(&e);
            return Err(Failed);
        }
        Some(NotRendered::Format(e)) => {
            let _ = writeln!(std::io::stderr(), "error: cannot render claims: {e}");
            return Err(Failed);
        }
        None => {}
    }
    // `--explain` goes to standard error, so standard output stays what
    // the format promises.
    let _ = std::io::stderr().write_all(&reasons);
    written_out(written.and_then(|()| sink.commit()), &place)?;
    Ok(0)
}

fn rules_list(args: RulesDirArgs) -> Result<u8, Failed> {
    let rules = load_rules_configured(&args.dirs)?;
    let mut out = format!(
        "{:<24} {:<7} {:<8} {:>8}  {:<9} {}\n",
        "ID", "KIND", "SEVERITY", "EXAMPLES", "FROM", "TITLE"
    );
    for rule in &rules.rules {
        out.push_str(&format!(
            "{:<24} {:<7} {:<8} {:>8}  {:<9} {}\n",
            rule.id,
            rule.kind.as_str(),
            rule.severity.as_str(),
            rule.examples.len(),
            if rule.builtin { "built-in" } else { "rules" },
            rule.title
        ));
    }
    out.push_str(&format!(
        "\n{} rules; `crosscheck rules explain ID` tells what one checks and why.\n",
        rules.rules.len()
    ));
    emit(&None, out.as_bytes())?;
    Ok(0)
}

/// Indents every line of `text` by `by` spaces, for a field's value.
fn indented(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.trim()
        .lines()
        .map(|l| format!("{pad}{}", l.trim_end()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn rules_explain(args: RulesExplainArgs) -> Result<u8, Failed> {
    let rules = load_rules_configured(&args.dirs)?;
    let Some(rule) = rules.get(&args.id) else {
        let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
        let _ = writeln!(
            std::io::stderr(),
            "error: no rule {:?}; the rules are: {}",
            args.id,
            if ids.is_empty() {
                "(none)".to_string()
            } else {
                ids.join(", ")
            }
        );
        return Err(Failed);
    };
    let kind = rule.kind.as_str();
    let scope = match rule.scope {
        rules::Scope::Clause => "its clause".to_string(),
        rules::Scope::Sentence if rule.window == 0 => "its sentence".to_string(),
        rules::Scope::Sentence => format!("its sentence and {} either side", rule.window),
    };
    let select = match rule.select {
        rules::Select::Nearest => format!("the {kind} nearest each trigger in {scope}"),
        rules::Select::All => format!("every {kind} in {scope} of a trigger"),
    };
    let mut out = format!("{}: {}\n", rule.id, rule.title);
    if rule.builtin {
        out.push_str(&format!(
            "file: built-in ({}); a rule with id {:?} in a rules folder replaces it, and `disable = [{:?}]` in crosscheck.toml turns it off\n\n",
            rule.path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
            rule.id,
            rule.id
        ));
    } else {
        out.push_str(&format!("file: {}\n\n", rule.path.display()));
    }
    out.push_str(&format!(
        "What it checks:\n  The {kind} claims that state this fact: {select}.\n  Sources whose values cannot all be true are reported as {} findings.\n",
        rule.severity.as_str()
    ));
    if rule.kind == crosscheck::extract::ClaimKind::Number {
        out.push_str(&format!(
            "  \"Around N\" allows {}% either side.\n",
            rule.tolerance * 100.0
        ));
    }
    out.push_str("\nWhy it matters:\n");
    match &rule.description {
        Some(d) => out.push_str(&format!("{}\n", indented(d, 2))),
        None => out.push_str("  (no `description` in the rule file)\n"),
    }
    out.push_str("\nTriggers (a sentence speaks of this fact when one matches):\n");
    for t in &rule.triggers {
        out.push_str(&format!("  /{}/\n", t.source));
    }
    if !rule.exclude.is_empty() {
        out.push_str("Excluded (a trigger or claim overlapping one is ignored):\n");
        for x in &rule.exclude {
            out.push_str(&format!("  /{}/\n", x.source));
        }
    }
    if rule.examples.is_empty() {
        out.push_str("\nNo examples: add [[example]] tables so `crosscheck rules test` can check the rule.\n");
    }
    for (i, example) in rule.examples.iter().enumerate() {
        let taken = rules::examples::taken(&rules, rule, example);
        let published = example
            .published
            .map(|d| format!(" (published {d})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "\nExample {} of {}{published}:\n{}\n",
            i + 1,
            rule.examples.len(),
            indented(&example.text, 2)
        ));
        let now = if taken.is_empty() {
            "nothing".to_string()
        } else {
            taken
                .iter()
                .map(|(text, value)| format!("\u{201c}{text}\u{201d} = {value}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let expected = example.value.as_deref().unwrap_or("nothing");
        out.push_str(&format!("  expects {expected}; takes {now}\n"));
    }
    emit(&None, out.as_bytes())?;
    Ok(0)
}

fn rules_test(args: RulesDirArgs) -> Result<u8, Failed> {
    let rules = load_rules_configured(&args.dirs)?;
    let (failures, count) = rules::examples::run(&rules);
    for failure in &failures {
        print_diagnostic(failure);
    }
    let line = format!(
        "rule examples: {} passed, {} failed\n",
        count - failures.len(),
        failures.len()
    );
    emit(&None, line.as_bytes())?;
    Ok(u8::from(!failures.is_empty()))
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
