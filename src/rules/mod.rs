//! Rules: one TOML file per fact, saying which claims are the same fact and
//! how to compare them. Rules are data; the comparisons they pick from are
//! a closed set built in ([`ClaimKind`]). See `rules/README.md` for the
//! format.

// The rule engine's reasons, kept only for `--explain`.
pub mod explain;

mod assign;
pub mod background;
pub mod examples;
pub mod named;
pub mod number;
mod pattern;
mod trigger_scan;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use toml::Spanned;

pub use assign::{assign, assign_among, assign_explained};
use pattern::compile;
pub use pattern::Pattern;

use crate::extract::ClaimKind;
use crate::toml_file::{self, TomlError};

/// What a rule does with figures in background sentences (history,
/// earlier events, comparisons: [`background`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Background {
    /// Take nothing there: the default for count rules (`event`,
    /// `event_pattern` or `counted` set).
    Skip,
    /// Take claims there too: the default for every other rule (a
    /// bridge's length is no less true in a sentence dated 1960).
    Take,
}

/// How serious a disagreement about a fact is.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Where a rule looks for its value around a trigger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The trigger's clause (a comma before "which", "despite", a
    /// participle, a semicolon or a dash ends a clause).
    #[default]
    Clause,
    /// The trigger's sentence, plus `window` sentences either side.
    Sentence,
}

/// Which claims in scope are the fact's value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Select {
    /// The one claim nearest each trigger.
    #[default]
    Nearest,
    /// Every claim in scope.
    All,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: Spanned<String>,
    title: String,
    #[serde(default)]
    description: Option<String>,
    kind: ClaimKind,
    severity: Severity,
    #[serde(default)]
    triggers: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    scope: Scope,
    #[serde(default)]
    window: usize,
    #[serde(default)]
    select: Select,
    #[serde(default)]
    tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    counted: Vec<Spanned<String>>,
    #[serde(default)]
    not_counted: Vec<Spanned<String>>,
    #[serde(default)]
    event: Option<Spanned<String>>,
    #[serde(default)]
    event_pattern: Option<Spanned<String>>,
    #[serde(default)]
    unit: Option<Spanned<String>>,
    #[serde(default)]
    monotonic: Option<Spanned<String>>,
    #[serde(default)]
    background: Option<Background>,
    #[serde(default, rename = "example")]
    examples: Vec<RawExample>,
    // Named kinds (title, quote, state): see `named`.
    #[serde(default)]
    states: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    hedged: Option<Spanned<String>>,
    #[serde(default)]
    default_state: Option<Spanned<String>>,
    #[serde(default)]
    equivalents: Vec<Vec<String>>,
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    similarity: Option<Spanned<f64>>,
    #[serde(default)]
    speaker_severity: Option<Severity>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    text: Spanned<String>,
    value: Option<String>,
    published: Option<Spanned<String>>,
}

/// An inline example: a text and the value the rule must take from it.
#[derive(Clone, Debug)]
pub struct Example {
    pub text: String,
    /// The expected value (as written or resolved); `None`: no claim.
    pub value: Option<String>,
    pub published: Option<jiff::civil::Date>,
    /// Byte range of the example's text in the rule file.
    pub span: std::ops::Range<usize>,
}

/// A loaded, validated rule.
#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub kind: ClaimKind,
    pub severity: Severity,
    pub triggers: Vec<Pattern>,
    pub exclude: Vec<Pattern>,
    pub scope: Scope,
    pub window: usize,
    pub select: Select,
    /// Relative tolerance for approximate numbers ("around 15,000").
    pub tolerance: f64,
    /// Numbers: what the figure counts, and what it was counted for.
    pub count: number::Count,
    pub examples: Vec<Example>,
    /// Settings of the named kinds (title, quote, state).
    pub named: named::NamedOptions,
    pub background: Background,
    /// The file the rule came from, and its text (for diagnostics).
    pub path: PathBuf,
    pub file_text: String,
    /// Shipped inside the binary ([`builtin`]) rather than read from a
    /// rules folder.
    pub builtin: bool,
}

pub const DEFAULT_TOLERANCE: f64 = 0.1;

/// Sentences one parallel task reads for triggers or statements: enough
/// that a task's work outweighs handing it to a thread.
const SENTENCES_PER_TASK: usize = 256;

/// Every rule of a run, in a stable order (by id).
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

#[derive(Debug, Error, Diagnostic)]
pub enum RuleError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    File(#[from] Box<TomlError>),
    #[error("{path}: cannot read rules: {reason}")]
    #[diagnostic(code(crosscheck::rules::unreadable))]
    Unreadable { path: String, reason: String },
}

impl From<TomlError> for RuleError {
    fn from(e: TomlError) -> RuleError {
        RuleError::File(Box::new(e))
    }
}

/// Parses and validates one rule file.
pub fn parse_rule(path: &Path, text: &str) -> Result<Rule, TomlError> {
    let name = path.display().to_string();
    let raw: RuleFile = toml_file::parse(&name, text)?;
    let id = raw.id.get_ref();
    let valid_id = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_id {
        return Err(TomlError::at(
            &name,
            text,
            Some(raw.id.span()),
            format!("rule id {id:?} must be lower-case letters, digits and '-'"),
            "invalid id",
        ));
    }
    if let (Some(first), true) = (raw.triggers.first(), named::triggers_optional(raw.kind)) {
        return Err(TomlError::at(
            &name,
            text,
            Some(first.span()),
            format!(
                "a {} rule takes every {} claim; it has no triggers",
                raw.kind.as_str(),
                raw.kind.as_str()
            ),
            "remove the triggers",
        ));
    }
    if raw.triggers.is_empty() && !named::triggers_optional(raw.kind) {
        return Err(TomlError::at(
            &name,
            text,
            Some(raw.id.span()),
            "a rule needs at least one trigger pattern",
            "this rule has no triggers",
        ));
    }
    let triggers = raw
        .triggers
        .iter()
        .map(|p| compile(&name, text, p))
        .collect::<Result<Vec<_>, _>>()?;
    let exclude = raw
        .exclude
        .iter()
        .map(|p| compile(&name, text, p))
        .collect::<Result<Vec<_>, _>>()?;
    let tolerance = raw
        .tolerance
        .as_ref()
        .map_or(DEFAULT_TOLERANCE, |t| *t.get_ref());
    if !(0.0..=1.0).contains(&tolerance) {
        return Err(TomlError::at(
            &name,
            text,
            Some(raw.tolerance.map_or(raw.id.span(), |t| t.span())),
            format!("tolerance {tolerance} is not between 0 and 1"),
            "expected a fraction like 0.1 (10%)",
        ));
    }
    let count = number::Count::parse(
        &name,
        text,
        raw.kind,
        number::RawCount {
            id: &raw.id,
            counted: &raw.counted,
            not_counted: &raw.not_counted,
            event: raw.event.as_ref(),
            event_pattern: raw.event_pattern.as_ref(),
            unit: raw.unit.as_ref(),
            monotonic: raw.monotonic.as_ref(),
        },
    )?;
    let named = named::NamedOptions::parse(
        &name,
        text,
        raw.kind,
        &raw.id,
        named::RawNamed {
            states: raw.states,
            hedged: raw.hedged,
            default_state: raw.default_state,
            equivalents: raw.equivalents,
            aliases: raw.aliases,
            similarity: raw.similarity,
            speaker_severity: raw.speaker_severity,
        },
        |p| compile(&name, text, p),
    )?;
    let counts = count.counts_things();
    let background = raw.background.unwrap_or(if counts {
        Background::Skip
    } else {
        Background::Take
    });
    let mut examples = Vec::new();
    for ex in raw.examples {
        let published = match &ex.published {
            None => None,
            Some(p) => Some(crate::source::parse_iso_date(p.get_ref()).ok_or_else(|| {
                TomlError::at(
                    &name,
                    text,
                    Some(p.span()),
                    format!("`published` is not a date: {:?}", p.get_ref()),
                    "expected YYYY-MM-DD",
                )
            })?),
        };
        examples.push(Example {
            span: ex.text.span(),
            text: ex.text.into_inner(),
            value: ex.value,
            published,
        });
    }
    Ok(Rule {
        id: raw.id.into_inner(),
        title: raw.title,
        description: raw.description,
        kind: raw.kind,
        severity: raw.severity,
        triggers,
        exclude,
        scope: raw.scope,
        window: raw.window,
        select: raw.select,
        tolerance,
        count,
        examples,
        named,
        background,
        path: path.to_path_buf(),
        file_text: text.to_string(),
        builtin: false,
    })
}

/// The desk facts checked with no rule written: rule files in the
/// project's own format, compiled into the binary (`src/rules/builtin/`).
const BUILTIN: &[(&str, &str)] = &[
    ("arrested.toml", include_str!("builtin/arrested.toml")),
    ("injured.toml", include_str!("builtin/injured.toml")),
    ("killed.toml", include_str!("builtin/killed.toml")),
    ("magnitude.toml", include_str!("builtin/magnitude.toml")),
    ("missing.toml", include_str!("builtin/missing.toml")),
    (
        "person-title.toml",
        include_str!("builtin/person-title.toml"),
    ),
    (
        "quote-wording.toml",
        include_str!("builtin/quote-wording.toml"),
    ),
];

/// Where the built-in rules say they come from, in diagnostics and in
/// `rules explain`.
pub const BUILTIN_FOLDER: &str = "(built-in)";

/// The built-in rules. They are data the tests load like any rule file
/// (`builtin_rules_load_and_pass_their_examples`), so a broken one never
/// reaches a release; one that failed anyway would be left out, never a
/// panic.
pub fn builtin() -> Vec<Rule> {
    BUILTIN
        .iter()
        .filter_map(|(name, text)| {
            let mut rule = parse_rule(&Path::new(BUILTIN_FOLDER).join(name), text).ok()?;
            rule.builtin = true;
            Some(rule)
        })
        .collect()
}

/// True when the user's rule `user` states the fact built-in rule `b`
/// states, so that `b` must give way: the same id, a number rule counting
/// the same event (a story's own `death-toll` with `event = "killed"`
/// replaces `killed`), or a second rule of a kind that takes every claim of
/// its kind (titles, quotes), which would report each finding twice.
fn replaces(user: &Rule, b: &Rule) -> bool {
    if user.id == b.id {
        return true;
    }
    if user.kind != b.kind {
        return false;
    }
    match b.kind {
        ClaimKind::Number => b.count.event.is_some() && user.count.event == b.count.event,
        ClaimKind::Title | ClaimKind::Quote => true,
        _ => false,
    }
}

impl RuleSet {
    /// The user's rules ([`RuleSet::load_files`]) and the built-in rules
    /// none of them replaces.
    pub fn load(paths: &[PathBuf]) -> Result<RuleSet, RuleError> {
        let mut set = RuleSet::load_files(paths)?;
        let kept: Vec<Rule> = builtin()
            .into_iter()
            .filter(|b| !set.rules.iter().any(|user| replaces(user, b)))
            .collect();
        set.rules.extend(kept);
        set.rules.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(set)
    }

    /// Loads every `*.toml` file in each directory (or each file given).
    pub fn load_files(paths: &[PathBuf]) -> Result<RuleSet, RuleError> {
        let files = RuleSet::files(paths)?;
        let mut rules: Vec<Rule> = Vec::new();
        let mut seen = BTreeSet::new();
        for file in files {
            let text = fs::read_to_string(&file).map_err(|e| RuleError::Unreadable {
                path: file.display().to_string(),
                reason: e.to_string(),
            })?;
            let rule = parse_rule(&file, &text)?;
            if !seen.insert(rule.id.clone()) {
                let span = text
                    .find(&format!("\"{}\"", rule.id))
                    .map(|i| i..i + rule.id.len() + 2);
                return Err(TomlError::at(
                    &file.display().to_string(),
                    &text,
                    span,
                    format!(
                        "rule id {:?} is already defined by another rule file",
                        rule.id
                    ),
                    "duplicate id",
                )
                .into());
            }
            rules.push(rule);
        }
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(RuleSet { rules })
    }

    /// The rule files `load` reads, in its order: every `*.toml` (not
    /// hidden) directly in each folder, sorted, and each file given. Also
    /// what an output must not replace (`crate::output`).
    pub fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, RuleError> {
        let mut files = Vec::new();
        for path in paths {
            let unreadable = |e: std::io::Error| RuleError::Unreadable {
                path: path.display().to_string(),
                reason: e.to_string(),
            };
            if path.is_dir() {
                let mut found: Vec<PathBuf> = fs::read_dir(path)
                    .map_err(unreadable)?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                    .filter(|p| {
                        !p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    })
                    .collect();
                found.sort();
                files.extend(found);
            } else if path.exists() {
                files.push(path.clone());
            } else {
                return Err(RuleError::Unreadable {
                    path: path.display().to_string(),
                    reason: "no such file or folder".into(),
                });
            }
        }
        Ok(files)
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Drops the rule with this id; false when there is none.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.rules.len();
        self.rules.retain(|r| r.id != id);
        self.rules.len() != before
    }
}

/// Every claim of a source, with the facts the rules assign: extracted
/// claims, then the states the rules' own patterns name.
pub fn claims_of_source(
    rules: &RuleSet,
    source: &crate::source::Source,
) -> Vec<crate::extract::Claim> {
    assign_source(rules, source, crate::extract::extract(source))
}

/// Adds the rules' state claims to a source's extracted claims and assigns
/// them all to facts: [`claims_of_source`] after extraction.
pub fn assign_source(
    rules: &RuleSet,
    source: &crate::source::Source,
    mut claims: Vec<crate::extract::Claim>,
) -> Vec<crate::extract::Claim> {
    // One split into sentences for both passes.
    let sentences = crate::extract::sentence::sentences(&source.text);
    claims.extend(named::state_claims(rules, source, &sentences));
    // By key and index, as `extract` sorts: a stable sort of the claims
    // themselves takes scratch space of up to 8 MB of claims.
    claims.sort_by_cached_key(|c| (c.span.range.start, c.span.range.end, c.kind));
    assign_among(rules, source, &mut claims, &sentences);
    named::assign(rules, &mut claims);
    claims
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
id = "test-date"
title = "Test"
kind = "date"
severity = "error"
triggers = ['\brecogni[sz]\w*']
"#;

    #[test]
    fn a_good_rule_loads() {
        let rule = parse_rule(Path::new("r.toml"), GOOD).unwrap();
        assert_eq!(rule.id, "test-date");
        assert!(rule.triggers[0].regex.is_match("It RECOGNISED them"));
        assert_eq!(rule.scope, Scope::Clause);
    }

    #[test]
    fn a_huge_pattern_is_refused_unread_and_quoted_by_its_start() {
        let words: Vec<String> = (0..20_000).map(|i| format!("word{i}")).collect();
        let text = GOOD.replace(
            r"\brecogni[sz]\w*",
            &format!(r"\b(?:{})\b", words.join("|")),
        );
        let err = parse_rule(Path::new("r.toml"), &text).unwrap_err();
        assert_eq!(err.line(), Some(6));
        assert!(
            err.message.contains("pattern is too large ("),
            "{}",
            err.message
        );
        let mut shown = String::new();
        miette::GraphicalReportHandler::new()
            .render_report(&mut shown, &err)
            .unwrap();
        assert!(shown.len() < 2_000, "{} bytes of diagnostic", shown.len());
        assert!(shown.contains(r"triggers = ['\b(?:word0|word1|"), "{shown}");
    }

    #[test]
    fn a_bad_regex_points_at_its_line() {
        let text = GOOD.replace(r"\brecogni[sz]\w*", r"recogni[sz");
        let err = parse_rule(Path::new("r.toml"), &text).unwrap_err();
        assert_eq!(err.line(), Some(6));
        assert!(err.message.contains("invalid pattern"), "{}", err.message);
    }

    #[test]
    fn an_unknown_key_points_at_its_line() {
        let text = format!("{GOOD}colour = \"red\"\n");
        let err = parse_rule(Path::new("r.toml"), &text).unwrap_err();
        assert_eq!(err.line(), Some(7));
        assert!(err.message.contains("colour"), "{}", err.message);
    }

    #[test]
    fn an_unknown_kind_is_refused() {
        let text = GOOD.replace("kind = \"date\"", "kind = \"colour\"");
        let err = parse_rule(Path::new("r.toml"), &text).unwrap_err();
        assert_eq!(err.line(), Some(4));
    }

    /// The figures the built-in desk rules take from `text`, as
    /// (fact, words).
    fn desk(text: &str, published: Option<&str>) -> Vec<(String, String)> {
        let rules = RuleSet { rules: builtin() };
        let date = published
            .and_then(crate::source::parse_iso_date)
            .map(|d| crate::source::DocumentDate::given(d, crate::source::DateBasis::Manifest));
        let source = crate::source::Source::new(
            crate::source::SourceId(0),
            "t".into(),
            text.into(),
            crate::source::SourceMeta::default(),
            crate::source::DateOrder::Mdy,
            date,
        );
        claims_of_source(&rules, &source)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Number)
            .filter_map(|c| Some((c.fact.clone()?, c.text(&source).to_string())))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn builtin_rules_load_and_pass_their_examples() {
        assert_eq!(builtin().len(), BUILTIN.len(), "every built-in rule parses");
        let rules = RuleSet { rules: builtin() };
        let (failures, count) = examples::run(&rules);
        assert!(count > 10);
        assert!(failures.is_empty(), "{failures:?}");
    }

    #[test]
    fn desk_facts_need_no_rule() {
        assert_eq!(
            desk("The blast killed 12 people, injured 40 others and left 3 missing. Police arrested two men.", None),
            pairs(&[("killed", "12"), ("injured", "40"), ("missing", "3"), ("arrested", "two")])
        );
        assert_eq!(
            desk(
                "A magnitude-6.1 earthquake struck. A 5.2 aftershock followed.",
                None
            ),
            pairs(&[("magnitude", "6.1")])
        );
        assert_eq!(
            desk("No one was injured in the fire.", None),
            pairs(&[("injured", "No one")])
        );
    }

    #[test]
    fn background_figures_are_not_the_story_s() {
        let taken = desk(
            "The quake killed 40 people on Sunday. It was the deadliest quake since 1960, when 12,000 people died in the port city. In 2004 a tsunami killed 230,000 people across the region. Last year's flood left 40 dead.",
            Some("2023-09-10"),
        );
        assert_eq!(taken, pairs(&[("killed", "40")]));
        // A sub-count is not the total.
        assert_eq!(
            desk(
                "Five people were killed. Two of the dead were police officers.",
                None
            ),
            pairs(&[("killed", "Five")])
        );
    }

    #[test]
    fn figures_that_count_no_one_are_not_taken() {
        for text in [
            "The actor died at 77.",
            "He died of cancer in 2002 at age 61.",
            "A 35-year-old man was killed.",
            "He was shot with a .45-caliber pistol and died.",
            "A third of the residents were injured.",
            "The Jets won 31-24 after the 52-3 loss in which the quarterback was hurt.",
            "The mother of 12 was killed.",
            "It was one of the biggest blasts; he died 12 days after.",
            "He was charged with two counts of murder.",
            "The quarterback went on injured reserve; the kicker was missing a 43-yarder.",
            "Tens of thousands of marchers mourned the dead.",
        ] {
            assert_eq!(desk(text, None), [], "{text}");
        }
    }

    #[test]
    fn the_event_s_own_count_is_not_a_part_and_a_later_look_back_hides_only_what_follows() {
        assert_eq!(
            desk("The navy said it was capturing 23 of the raiders.", None),
            pairs(&[("arrested", "23")])
        );
        assert_eq!(desk("Two of the dead were police officers.", None), []);
        // "a third" after two victims is one more person, not a fraction.
        assert_eq!(
            desk(
                "The gunman killed two people, critically injuring a third co-worker.",
                None
            ),
            pairs(&[("killed", "two"), ("injured", "a third")])
        );
        assert_eq!(
            desk("The navy captured 23 pirates and thwarted another attack, in which 2 were arrested.", None),
            pairs(&[("arrested", "23")])
        );
    }

    #[test]
    fn a_toll_far_from_its_trigger_and_a_relative_clause_keep_their_event() {
        assert_eq!(
            desk("The death toll from the collapse of the old textile factory in the river district has risen to 143, officials said.", None),
            pairs(&[("killed", "143")])
        );
        assert_eq!(
            desk("The six workers who died were from the valley.", None),
            pairs(&[("killed", "six")])
        );
    }

    #[test]
    fn a_figure_opening_its_clause_takes_the_event_of_its_verb() {
        assert_eq!(
            desk("Two leaders of the river valley cooperative in Eastvale, Ontario, have been arrested.", None),
            pairs(&[("arrested", "Two")])
        );
        assert_eq!(
            desk(
                "The guard died and two clerks, Ann Lee and Bo Park, were wounded.",
                None
            ),
            pairs(&[("injured", "two")])
        );
        // A negation breaks the link.
        assert_eq!(desk("Two officers of the patrol were not hurt.", None), []);
        assert_eq!(desk("The two guards weren't seriously hurt.", None), []);
    }

    #[test]
    fn both_counts_two_only_as_a_determiner_with_an_event() {
        assert_eq!(
            desk("Both women were found dead in the house.", None),
            pairs(&[("killed", "Both")])
        );
        assert_eq!(
            desk("The couple were both killed.", None),
            pairs(&[("killed", "both")])
        );
        assert_eq!(desk("Both sides agreed.", None), []);
        assert_eq!(
            desk(
                "Two women were found dead. Both had suffered head injuries.",
                None
            ),
            pairs(&[("killed", "Two")])
        );
    }

    #[test]
    fn addresses_ages_days_and_other_events_count_no_one() {
        for text in [
            "The victim was found dead in an apartment at 24 Linden Street.",
            "Police found him dead in the 1200 block of Elm.",
            "The former mayor died in prison at 77.",
            "The boss, who died yesterday in federal prison at 77, ran the family.",
            "He was indicted on charges of conspiracy to commit eight murders.",
            "He killed the deputy, besides attempting to murder three others.",
            "The father to two boys died almost immediately.",
            "When one is killed, all of us lose.",
            "He shot and stabbed many, including two nearly killed.",
            "The complaint alleged three special circumstances of murder.",
            "Prosecutors charged that the leader assaulted two girls.",
            "Deputies detained as many as nine potential witnesses.",
            "He was charged againJuly 23, 2008, with murder.",
            "Prophet charged againJuly 23, 2008.4:49 pm",
            "Police linked the gun to four other murders.",
            "He will join 12 other defendants charged in the case.",
        ] {
            assert_eq!(desk(text, None), [], "{text}");
        }
        assert_eq!(
            desk("There were no reports of damage or injuries.", None),
            pairs(&[("injured", "no")])
        );
    }

    #[test]
    fn a_date_after_since_dates_only_what_follows() {
        assert_eq!(
            desk(
                "Police have arrested 14 people in the raids since September.",
                Some("2023-11-10")
            ),
            pairs(&[("arrested", "14")])
        );
        assert_eq!(
            desk(
                "The quake killed 40. It was the worst since 1960, when 12,000 died.",
                Some("2023-09-10")
            ),
            pairs(&[("killed", "40")])
        );
    }
}
