//! Renderers: one output format per file, each over the same data. They
//! only format; every fact they show was computed by earlier stages.

pub mod csv;
pub mod explain;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::compare::{ClaimRef, Finding};
use crate::extract::{Claim, ClaimValue};
use crate::rules::Severity;
use crate::source::{LineIndex, Source};

/// Everything a renderer may show.
pub struct Report<'a> {
    pub sources: &'a [Source],
    pub claims: &'a [Vec<Claim>],
    pub findings: &'a [Finding],
}

/// One claim as every format shows it.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimRow<'a> {
    pub source: &'a str,
    pub kind: &'static str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub value: String,
    pub resolved: Option<String>,
    pub fact: Option<&'a str>,
    pub subject: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<&'a str>,
}

impl<'a> ClaimRow<'a> {
    pub fn new(source: &'a Source, lines: &LineIndex, claim: &'a Claim) -> ClaimRow<'a> {
        debug_assert!(source.holds_text(), "{}: not read again", source.name);
        let (line, column) = lines.line_col(&source.text, claim.span.range.start);
        let (unit, counted) = match &claim.value {
            ClaimValue::Number(n) => (n.unit.as_deref(), n.counted.as_deref()),
            _ => (None, None),
        };
        ClaimRow {
            source: &source.name,
            kind: claim.kind.as_str(),
            text: claim.text(source),
            start: claim.span.range.start,
            end: claim.span.range.end,
            line,
            column,
            value: claim.value.notation(),
            resolved: claim.value.resolved(),
            fact: claim.fact.as_deref(),
            subject: claim.subject.as_deref(),
            unit,
            counted,
            resolution: claim.value.resolution(),
            warning: claim.warning.as_deref(),
        }
    }
}

impl Report<'_> {
    pub fn claim(&self, r: &ClaimRef) -> &Claim {
        &self.claims[r.source.0 as usize][r.index]
    }

    pub fn source(&self, r: &ClaimRef) -> &Source {
        &self.sources[r.source.0 as usize]
    }

    /// Line indexes for every source, built once per render.
    pub fn line_indexes(&self) -> Vec<LineIndex> {
        self.sources
            .iter()
            .map(|s| LineIndex::new(&s.text))
            .collect()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Which sources' texts a findings report shows: those with a claim in a
/// finding; with `every_fact`, also every source with a claim assigned to
/// a fact (the HTML page's facts table quotes each one's words). The rest
/// need not be in memory to render.
pub fn sources_shown(findings: &[Finding], claims: &[Vec<Claim>], every_fact: bool) -> Vec<bool> {
    let mut shown: Vec<bool> = claims
        .iter()
        .map(|list| every_fact && list.iter().any(|c| c.fact.is_some()))
        .collect();
    for finding in findings {
        for (_, r) in finding.claims_with_sides() {
            if let Some(s) = shown.get_mut(r.source.0 as usize) {
                *s = true;
            }
        }
    }
    shown
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// then a rename. A failure leaves any previous report untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "output path has no file name")
    })?;
    let temp = folder.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
