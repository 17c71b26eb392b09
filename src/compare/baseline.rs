//! Baselines: acknowledged findings, keyed by the stable finding id (a hash
//! of fact, subject and the sides' values), never by line numbers. Edits
//! elsewhere in the text keep a finding silenced; a change in its values
//! gives it a new id, and it comes back.

use serde::{Deserialize, Serialize};

use super::Finding;
use crate::toml_file::TomlError;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub id: String,
    pub fact: String,
    #[serde(default)]
    pub subject: Option<String>,
    /// The sides' values when the finding was acknowledged, for readers.
    #[serde(default)]
    pub values: Vec<String>,
}

/// The baseline format this crosscheck writes and reads.
pub const BASELINE_VERSION: u32 = 1;

impl Baseline {
    /// Reads a baseline file's text (`name` is what errors call it). A
    /// version this crosscheck does not know is refused: read as if it
    /// were known, a baseline of another format could silence every
    /// finding.
    pub fn parse(name: &str, text: &str) -> Result<Baseline, TomlError> {
        let error = |span: Option<std::ops::Range<usize>>, message: String, label: &str| {
            let mut e = TomlError::at(name, text, span, message, label);
            e.text = miette::NamedSource::new(name, text.to_string()).with_language("json");
            e
        };
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| {
            let at = offset_of(text, e.line(), e.column());
            error(
                Some(at..at),
                format!("not a crosscheck baseline: {e}"),
                "here",
            )
        })?;
        if baseline.version != BASELINE_VERSION {
            return Err(error(
                version_span(text),
                format!(
                    "baseline version {} is not one this crosscheck reads (it reads version {BASELINE_VERSION})",
                    baseline.version
                ),
                "unknown version",
            )
            .with_help(
                "write the baseline again with this crosscheck: `crosscheck check ... --write-baseline FILE`",
            ));
        }
        Ok(baseline)
    }

    pub fn of(findings: &[Finding]) -> Baseline {
        let mut entries: Vec<BaselineEntry> = findings
            .iter()
            .map(|f| BaselineEntry {
                id: f.id.clone(),
                fact: f.fact.clone(),
                subject: f.subject.clone(),
                values: f.sides.iter().map(|s| s.value.clone()).collect(),
            })
            .collect();
        entries.sort_by(|a, b| (&a.fact, &a.id).cmp(&(&b.fact, &b.id)));
        entries.dedup_by(|a, b| a.id == b.id);
        Baseline {
            version: BASELINE_VERSION,
            findings: entries,
        }
    }

    /// Removes the baselined findings; returns how many were silenced.
    pub fn silence(&self, findings: &mut Vec<Finding>) -> usize {
        let before = findings.len();
        findings.retain(|f| !self.findings.iter().any(|e| e.id == f.id));
        before - findings.len()
    }
}

/// The byte offset of serde_json's 1-based line and column (a column
/// counts bytes; 0 is the line's start), on a character boundary.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where the top-level `"version"` value stands, for the diagnostic.
fn version_span(text: &str) -> Option<std::ops::Range<usize>> {
    let key = text.find("\"version\"")?;
    let after = key + "\"version\"".len();
    let rest = &text[after..];
    let value = after + rest.find(|c: char| c != ':' && !c.is_whitespace())?;
    let len = text[value..]
        .find([',', '}', '\n'])
        .unwrap_or(text.len() - value);
    Some(value..value + text[value..value + len].trim_end().len())
}
