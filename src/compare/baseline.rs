//! Baselines: acknowledged findings, keyed by the stable finding id (a hash
//! of fact, subject and the sides' values), never by line numbers. Edits
//! elsewhere in the text keep a finding silenced; a change in its values
//! gives it a new id, and it comes back.

use serde::{Deserialize, Serialize};

use super::Finding;

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

impl Baseline {
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
            version: 1,
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
