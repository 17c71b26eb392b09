//! The command line: clap's flags, and their merge with crosscheck.toml
//! into one typed run description for the library's pipeline. Flags win
//! over the config file; the file wins over the defaults.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use crosscheck::compare::gate::{FailOn, Unsupported};
use crosscheck::config::Config;
use crosscheck::pipeline::{
    CheckRun, ClaimFormat, Destination, ExtractRun, RulesCommand, RulesRun, RunError, StoryInput,
};
use crosscheck::report::{human::Style, Format, Look};
use crosscheck::rules::Severity;
use crosscheck::source::{self, DateOrder, LoadOptions};

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Check whether news sources agree on the facts of one story",
    after_help = "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage, input or rule-file error."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colours in the report and in diagnostics [auto: on a terminal, unless NO_COLOR is set].
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a stream that is (or is not) a terminal.
    pub fn enabled(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
        }
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
    Rules(RulesArgs),
    /// Print a shell completion script: `crosscheck completions bash > ...`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum RulesArgs {
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
    #[arg(long, value_enum, default_value_t = ClaimFormat::Jsonl)]
    format: ClaimFormat,
}

fn parse_document_date(s: &str) -> Result<(String, jiff::civil::Date), String> {
    let (name, date) = s
        .rsplit_once('=')
        .ok_or_else(|| format!("expected SOURCE=YYYY-MM-DD, got {s:?}"))?;
    let date =
        source::parse_iso_date(date).ok_or_else(|| format!("{date:?} is not a YYYY-MM-DD date"))?;
    Ok((name.to_string(), date))
}

/// What the command line asks for, ready to run.
pub enum Run {
    Check(CheckRun),
    Extract(ExtractRun),
    Rules(RulesRun),
    /// A shell completion script, on standard output.
    Completions(Vec<u8>),
}

/// A run and how its messages are shown.
pub struct Invocation {
    pub run: Run,
    /// No progress bar and no notes (`--quiet`).
    pub quiet: bool,
}

impl Cli {
    /// The run the flags describe, with crosscheck.toml (found from the
    /// working directory up) standing in for flags not given.
    pub fn into_invocation(self) -> Result<Invocation, RunError> {
        let color = self.color;
        let (run, quiet) = match self.command {
            Command::Check(args) => {
                let quiet = args.input.quiet;
                (Run::Check(args.into_run(load_config()?, color)), quiet)
            }
            Command::Extract(args) => {
                let quiet = args.input.quiet;
                let config = load_config()?;
                let (input, output) = args.input.into_story_input(&config);
                let run = ExtractRun {
                    input,
                    config,
                    format: args.format,
                    output,
                };
                (Run::Extract(run), quiet)
            }
            Command::Rules(args) => {
                let (command, dirs) = match args {
                    RulesArgs::List(a) => (RulesCommand::List, a.dirs),
                    RulesArgs::Test(a) => (RulesCommand::Test, a.dirs),
                    RulesArgs::Explain(a) => (RulesCommand::Explain(a.id), a.dirs),
                };
                let config = load_config()?;
                let run = RulesRun {
                    command,
                    rule_paths: config.rule_paths(&dirs),
                    config,
                };
                (Run::Rules(run), false)
            }
            Command::Completions { shell } => {
                let mut script = Vec::new();
                clap_complete::generate(shell, &mut Cli::command(), "crosscheck", &mut script);
                (Run::Completions(script), false)
            }
        };
        Ok(Invocation { run, quiet })
    }
}

fn load_config() -> Result<Config, RunError> {
    let cwd = std::env::current_dir().unwrap_or_default();
    Config::find(&cwd).map_err(RunError::diagnostic)
}

impl InputArgs {
    /// What the run reads, and where its report goes.
    fn into_story_input(self, config: &Config) -> (StoryInput, Destination) {
        let input = StoryInput {
            sources: config.source_inputs(&self.sources),
            sources_from_config: self.sources.is_empty(),
            rule_paths: config.rule_paths(&self.rules),
            load: LoadOptions {
                skip_unreadable: self.skip_unreadable,
                date_order: if self.date_order == DateOrder::default() {
                    config.date_order.unwrap_or_default()
                } else {
                    self.date_order
                },
                document_dates: self.document_dates,
            },
            explain: self.explain,
        };
        (input, Destination(self.output))
    }
}

impl CheckArgs {
    fn into_run(self, config: Config, color: ColorChoice) -> CheckRun {
        let format = self.format.or(config.format).unwrap_or(Format::Human);
        let fail_on = self.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
        let Unsupported(unsupported) = self
            .unsupported
            .or(config.unsupported)
            .unwrap_or(Unsupported(Some(Severity::Info)));
        let csv_bom = self.csv_bom || config.csv_bom == Some(true);
        let (input, output) = self.input.into_story_input(&config);
        let to_terminal =
            output.0.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout());
        let look = Look {
            style: Style {
                color: color.enabled(to_terminal),
                width: 100,
            },
            csv_bom,
        };
        CheckRun {
            input,
            config,
            draft: self.draft,
            format,
            look,
            fail_on,
            unsupported,
            baseline: self.baseline,
            write_baseline: self.write_baseline,
            output,
        }
    }
}
