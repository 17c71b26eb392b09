//! The `rules` commands: list the rules, run their examples, explain one.

use std::path::PathBuf;

use super::story::load_rules;
use super::{Console, Destination, Message, Outcome, RunError};
use crate::config::Config;
use crate::report;
use crate::rules::{self, RuleSet};

/// What a `rules` command does.
pub enum RulesCommand {
    List,
    /// Run every rule file's inline examples.
    Test,
    /// What the rule with this id checks, and why.
    Explain(String),
}

/// A `rules` run: the rules a `check` in this folder runs, with
/// crosscheck.toml's `disable` applied.
pub struct RulesRun {
    pub command: RulesCommand,
    /// Rule folders and files, config file merged.
    pub rule_paths: Vec<PathBuf>,
    pub config: Config,
}

pub fn rules(run: &RulesRun, console: &dyn Console) -> Result<Outcome, RunError> {
    let mut rules = load_rules(&run.rule_paths)?;
    run.config
        .apply_to(&mut rules)
        .map_err(RunError::diagnostic)?;
    let stdout = Destination::default();
    match &run.command {
        RulesCommand::List => {
            stdout.write(report::rule_book::list(&rules).as_bytes())?;
            Ok(Outcome::Clean)
        }
        RulesCommand::Test => test(&rules, console, &stdout),
        RulesCommand::Explain(id) => {
            let rule = rules.get(id).ok_or_else(|| no_rule(&rules, id))?;
            let taken: Vec<_> = rule
                .examples
                .iter()
                .map(|example| rules::examples::taken(&rules, rule, example))
                .collect();
            stdout.write(report::rule_book::explain(rule, &taken).as_bytes())?;
            Ok(Outcome::Clean)
        }
    }
}

/// Runs every example; each failure is told as a diagnostic pointing into
/// its rule file, and the count goes to standard output.
fn test(rules: &RuleSet, console: &dyn Console, stdout: &Destination) -> Result<Outcome, RunError> {
    let (failures, count) = rules::examples::run(rules);
    let failed = failures.len();
    for failure in failures {
        console.tell(Message::Diagnostic(Box::new(failure)));
    }
    let line = format!(
        "rule examples: {} passed, {failed} failed\n",
        count - failed,
    );
    stdout.write(line.as_bytes())?;
    Ok(Outcome::flagged_if(failed > 0))
}

fn no_rule(rules: &RuleSet, id: &str) -> RunError {
    let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    RunError::Message(format!(
        "no rule {id:?}; the rules are: {}",
        if ids.is_empty() {
            "(none)".to_string()
        } else {
            ids.join(", ")
        }
    ))
}
