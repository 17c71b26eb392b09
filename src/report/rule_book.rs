//! The text of `rules list` and `rules explain`: the rules as a rule
//! author reads them.

use crate::extract::ClaimKind;
use crate::rules::{Rule, RuleSet, Scope, Select};

/// One line per rule: id, kind, severity, examples, where it comes from.
pub fn list(rules: &RuleSet) -> String {
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
    out
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

/// What `rule` checks, why it matters, its triggers, and each example with
/// what it expects and what the rule takes from it now (`taken`, per
/// example: each claim's words and value).
pub fn explain(rule: &Rule, taken: &[Vec<(String, String)>]) -> String {
    let kind = rule.kind.as_str();
    let scope = match rule.scope {
        Scope::Clause => "its clause".to_string(),
        Scope::Sentence if rule.window == 0 => "its sentence".to_string(),
        Scope::Sentence => format!("its sentence and {} either side", rule.window),
    };
    let select = match rule.select {
        Select::Nearest => format!("the {kind} nearest each trigger in {scope}"),
        Select::All => format!("every {kind} in {scope} of a trigger"),
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
    if rule.kind == ClaimKind::Number {
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
    for (i, (example, taken)) in rule.examples.iter().zip(taken).enumerate() {
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
    out
}
