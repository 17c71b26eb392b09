//! The `crosscheck` command: parses flags, wires the pipeline stages, writes
//! output and sets the exit code (0: no finding at or above `--fail-on`,
//! 1: findings at or above it, 2: usage, input or rule-file error).

#![allow(clippy::result_large_err)] // see lib.rs

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crosscheck::compare;
use crosscheck::extract::Claim;
use crosscheck::report::{self, human::Style, Report};
use crosscheck::rules::{self, RuleSet, Severity};
use crosscheck::source::{self, DateOrder, LoadOptions, Source};

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
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List the rules.
    List(RulesDirArgs),
    /// Run every rule file's inline examples.
    Test(RulesDirArgs),
}

#[derive(Args)]
struct RulesDirArgs {
    /// Rule folders or files (default: ./rules).
    dirs: Vec<PathBuf>,
}

#[derive(Args)]
struct InputArgs {
    /// Files, folders (every .txt/.md below them) or - for standard input.
    #[arg(required = true)]
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
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Human,
    Csv,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
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
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Exit 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
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
    let theme = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
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

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Extract(args) => extract_cmd(args),
        Command::Rules(RulesCommand::List(args)) => rules_list(args),
        Command::Rules(RulesCommand::Test(args)) => rules_test(args),
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

/// A run's inputs, loaded, with every claim extracted and assigned.
struct Prepared {
    sources: Vec<Source>,
    claims: Vec<Vec<Claim>>,
    rules: RuleSet,
}

/// Loads rules and sources, extracts claims and assigns them to facts.
fn prepare(input: &InputArgs) -> Result<Prepared, Failed> {
    let rules = load_rules(&input.rules)?;
    let options = LoadOptions {
        skip_unreadable: input.skip_unreadable,
        date_order: input.date_order,
        document_dates: input.document_dates.clone(),
    };
    let loaded = source::load(&input.sources, &options).map_err(|e| {
        print_diagnostic(&e);
        Failed
    })?;
    for skipped in &loaded.skipped {
        let _ = writeln!(std::io::stderr(), "warning: skipped {skipped}");
    }
    let claims = crosscheck::claims_of(&rules, &loaded.sources);
    Ok(Prepared {
        sources: loaded.sources,
        claims,
        rules,
    })
}

/// Writes rendered output to the file (atomically) or standard output.
fn emit(output: &Option<PathBuf>, bytes: &[u8]) -> Result<(), Failed> {
    let result = match output {
        Some(path) => {
            report::write_atomically(path, bytes).map_err(|e| (path.display().to_string(), e))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|_| stdout.flush())
                .map_err(|e| ("standard output".to_string(), e))
        }
    };
    match result {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err((_, e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err((place, e)) => {
            let _ = writeln!(std::io::stderr(), "error: cannot write {place}: {e}");
            Err(Failed)
        }
    }
}

fn check(args: CheckArgs) -> Result<u8, Failed> {
    let Prepared {
        sources,
        claims,
        rules,
    } = prepare(&args.input)?;
    let findings = compare::compare(&rules, &sources, &claims);
    let report = Report {
        sources: &sources,
        claims: &claims,
        findings: &findings,
    };
    let mut buf = Vec::new();
    let rendered = match args.format {
        CheckFormat::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    args.input.output.is_none()
                        && std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none()
                }
            };
            report::human::findings(&report, Style { color, width: 100 }, &mut buf)
        }
        CheckFormat::Csv => report::csv::findings(&report, &mut buf).map_err(std::io::Error::other),
        CheckFormat::Json => report::json::findings(&report, &mut buf),
    };
    if let Err(e) = rendered {
        let _ = writeln!(std::io::stderr(), "error: cannot render the report: {e}");
        return Err(Failed);
    }
    emit(&args.input.output, &buf)?;
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| findings.iter().any(|f| f.severity >= t));
    Ok(u8::from(failing))
}

fn extract_cmd(args: ExtractArgs) -> Result<u8, Failed> {
    let Prepared {
        sources, claims, ..
    } = prepare(&args.input)?;
    let report = Report {
        sources: &sources,
        claims: &claims,
        findings: &[],
    };
    let mut buf = Vec::new();
    let rendered = match args.format {
        ExtractFormat::Jsonl => report::json::claims(&report, &mut buf),
        ExtractFormat::Csv => report::csv::claims(&report, &mut buf).map_err(std::io::Error::other),
    };
    if let Err(e) = rendered {
        let _ = writeln!(std::io::stderr(), "error: cannot render claims: {e}");
        return Err(Failed);
    }
    emit(&args.input.output, &buf)?;
    Ok(0)
}

fn rules_list(args: RulesDirArgs) -> Result<u8, Failed> {
    let rules = load_rules(&args.dirs)?;
    let mut out = String::new();
    for rule in &rules.rules {
        out.push_str(&format!(
            "{:<24} {:<7} {:<8} {}\n",
            rule.id,
            rule.kind.as_str(),
            rule.severity.as_str(),
            rule.title
        ));
    }
    emit(&None, out.as_bytes())?;
    Ok(0)
}

fn rules_test(args: RulesDirArgs) -> Result<u8, Failed> {
    let rules = load_rules(&args.dirs)?;
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
