//! `crosscheck.toml`: project defaults, found in the working directory or
//! the nearest parent. Flags on the command line win over it. Paths in it
//! are relative to the file.
//!
//! ```toml
//! rules = ["rules"]
//! sources = ["sources/"]
//! fail_on = "warning"          # error | warning | info | never
//! format = "human"             # human | csv | json | sarif | github | markdown | html
//! date_order = "dmy"           # mdy | dmy
//! unsupported = "warning"      # severity of unsupported draft claims, or "off"
//! csv_bom = true
//! [severity]                   # per-rule severity
//! recognition-date = "warning"
//! disable = ["magnitude"]      # rules not to run (built-in or not)
//! [tolerance]                  # per-rule tolerance for "around N", 0 to 1
//! death-toll = 0.05
//! ```
//!
//! Every value is checked where it is read: an unknown key, a value of the
//! wrong kind, or a rule id that no loaded rule has is a diagnostic that
//! points into the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::compare::gate::{FailOn, Unsupported};
use crate::report::Format;
use crate::rules::{RuleSet, Severity};
use crate::source::DateOrder;
use crate::toml_file::{self, TomlError};

pub const CONFIG_NAME: &str = "crosscheck.toml";

/// Every value is typed, so a misspelt one is an error at its place in the
/// file, never a setting quietly dropped.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    #[serde(default)]
    pub sources: Vec<PathBuf>,
    pub fail_on: Option<FailOn>,
    pub format: Option<Format>,
    pub date_order: Option<DateOrder>,
    pub unsupported: Option<Unsupported>,
    pub csv_bom: Option<bool>,
    /// Per-rule severity, keyed by rule id; the keys' places are kept so
    /// that an id no rule has is reported where it is written.
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Severity>,
    #[serde(default)]
    tolerance: BTreeMap<Spanned<String>, Spanned<f64>>,
    /// Rules not to run, by id: most often a built-in desk fact a story
    /// has no use for.
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    /// The folder the file is in; paths above are relative to it.
    #[serde(skip)]
    pub folder: PathBuf,
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// The file's text, for diagnostics raised after parsing.
    #[serde(skip)]
    text: String,
}

impl<'de> Deserialize<'de> for DateOrder {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<DateOrder, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "mdy" => Ok(DateOrder::Mdy),
            "dmy" => Ok(DateOrder::Dmy),
            other => Err(serde::de::Error::custom(format!(
                "unknown date order {other:?}, expected \"mdy\" or \"dmy\""
            ))),
        }
    }
}

impl Config {
    /// The nearest `crosscheck.toml` from `start` upwards, if any.
    pub fn find(start: &Path) -> Result<Config, TomlError> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            let candidate = d.join(CONFIG_NAME);
            if candidate.is_file() {
                let text = std::fs::read_to_string(&candidate).map_err(|e| {
                    TomlError::at(
                        &candidate.display().to_string(),
                        "",
                        None,
                        e.to_string(),
                        "",
                    )
                })?;
                return Config::parse(&candidate, &text);
            }
            dir = d.parent();
        }
        Ok(Config::default())
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, TomlError> {
        let name = path.display().to_string();
        let mut config: Config = toml_file::parse(&name, text)?;
        // The same bound as a rule file's `tolerance` (`NaN` fails it too).
        for tolerance in config.tolerance.values() {
            let value = *tolerance.get_ref();
            if !(0.0..=1.0).contains(&value) {
                return Err(TomlError::at(
                    &name,
                    text,
                    Some(tolerance.span()),
                    format!("tolerance {value} is not between 0 and 1"),
                    "a fraction: 0.05 allows 5% either side of \"around N\"",
                ));
            }
        }
        config.folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        config.path = Some(path.to_path_buf());
        config.text = text.to_string();
        Ok(config)
    }

    /// Applies `disable`, `[severity]` and `[tolerance]` to the rules they
    /// name; an id that names no rule is an error pointing at it, since a
    /// misspelt id would otherwise leave the rule as it was without a word.
    pub fn apply_to(&self, rules: &mut RuleSet) -> Result<(), TomlError> {
        let keys = self
            .severity
            .keys()
            .map(|k| (k, "severity"))
            .chain(self.tolerance.keys().map(|k| (k, "tolerance")))
            .chain(self.disable.iter().map(|k| (k, "disable")));
        for (id, table) in keys {
            if rules.get(id.get_ref()).is_none() {
                return Err(self.unknown_rule(id, table, rules));
            }
        }
        for id in &self.disable {
            rules.remove(id.get_ref());
        }
        for rule in &mut rules.rules {
            if let Some(severity) = self.severity.get(rule.id.as_str()) {
                rule.severity = *severity;
            }
            if let Some(tolerance) = self.tolerance.get(rule.id.as_str()) {
                rule.tolerance = *tolerance.get_ref();
            }
        }
        Ok(())
    }

    fn unknown_rule(&self, id: &Spanned<String>, table: &str, rules: &RuleSet) -> TomlError {
        let name = self
            .path
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| CONFIG_NAME.to_string());
        let nearest = rules
            .rules
            .iter()
            .map(|r| (strsim::levenshtein(&r.id, id.get_ref()), r.id.as_str()))
            .filter(|(distance, _)| *distance <= 3)
            .min();
        let help = match nearest {
            Some((_, near)) => format!("did you mean `{near}`?"),
            None if rules.rules.is_empty() => "no rules are loaded".to_string(),
            None => {
                let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
                format!("the rules are: {}", ids.join(", "))
            }
        };
        TomlError::at(
            &name,
            &self.text,
            Some(id.span()),
            if table == "disable" {
                format!("`disable` names `{}`, which is not a rule", id.get_ref())
            } else {
                format!("[{table}] names `{}`, which is not a rule", id.get_ref())
            },
            "no rule has this id",
        )
        .with_help(help)
    }

    /// The rule folders and files a run reads: those given on the command
    /// line, else the file's `rules`, else `./rules` when it exists.
    pub fn rule_paths(&self, given: &[PathBuf]) -> Vec<PathBuf> {
        if !given.is_empty() {
            given.to_vec()
        } else if !self.rules.is_empty() {
            self.rules.iter().map(|p| self.resolve(p)).collect()
        } else if Path::new("rules").is_dir() {
            vec![PathBuf::from("rules")]
        } else {
            Vec::new()
        }
    }

    /// The sources a run reads: those given on the command line, else the
    /// file's `sources`.
    pub fn source_inputs(&self, given: &[String]) -> Vec<String> {
        if given.is_empty() {
            self.sources
                .iter()
                .map(|p| self.resolve(p).display().to_string())
                .collect()
        } else {
            given.to_vec()
        }
    }

    /// A path from the file, made relative to the working directory.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        if p.is_absolute() || self.folder.as_os_str().is_empty() {
            p.to_path_buf()
        } else {
            self.folder.join(p)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_loads_and_unknown_keys_point_at_their_line() {
        let ok = Config::parse(
            Path::new("crosscheck.toml"),
            "rules = [\"r\"]\nfail_on = \"warning\"\n[severity]\nx-date = \"info\"\n",
        )
        .unwrap();
        assert_eq!(ok.severity["x-date"], Severity::Info);
        assert_eq!(ok.fail_on, Some(FailOn::Warning));
        let err = Config::parse(
            Path::new("crosscheck.toml"),
            "rules = []\nfail-on = \"x\"\n",
        )
        .unwrap_err();
        assert_eq!(err.line(), Some(2));
    }
}
