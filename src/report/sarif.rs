//! SARIF 2.1.0, for code-scanning dashboards. Columns count Unicode code
//! points (`columnKind: unicodeCodePoints`), as everywhere in crosscheck;
//! byte offsets are given too. The first claim is the result's location,
//! the others its related locations; the stable finding id is the
//! partial fingerprint, so dashboards track a finding across edits.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::{json, Value};

use super::{ClaimRow, Report};
use crate::compare::Finding;
use crate::rules::Severity;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a source name.
fn uri(name: &str) -> String {
    if name == "<stdin>" {
        return "stdin".into();
    }
    let mut out = String::new();
    for c in name.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' | '/' => out.push(c),
            '\\' => out.push('/'),
            other => {
                let mut buf = [0; 4];
                for b in other.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

/// A result's location: its claim's place and words. Fields, here and
/// below, in the alphabetical order a `json!` object kept its keys in,
/// so the bytes are those the log had when it was built as one value.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    message: Text,
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    byte_length: usize,
    byte_offset: usize,
    end_column: usize,
    end_line: usize,
    snippet: Text,
    start_column: usize,
    start_line: usize,
}

fn location(row: &ClaimRow, message: String) -> Location {
    let (end_line, end_column) = row.end();
    Location {
        id: None,
        message: Text { text: message },
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri(row.source),
            },
            region: Region {
                byte_length: row.end - row.start,
                byte_offset: row.start,
                end_column,
                end_line,
                snippet: Text {
                    text: row.text.to_string(),
                },
                start_column: row.column,
                start_line: row.line,
            },
        },
    }
}

pub fn findings(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    // One SARIF rule per fact that has findings, in a stable order.
    let mut rules: BTreeMap<&str, (&str, Severity)> = BTreeMap::new();
    for f in report.findings {
        rules.entry(&f.fact).or_insert((&f.title, f.severity));
    }
    let rule_index: BTreeMap<&str, usize> =
        rules.keys().enumerate().map(|(i, k)| (*k, i)).collect();
    let tool = json!({
        "driver": {
            "name": "crosscheck",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules.iter().map(|(id, (title, severity))| json!({
                "id": id,
                "shortDescription": { "text": title },
                "defaultConfiguration": { "level": level(*severity) }
            })).collect::<Vec<_>>()
        }
    });
    let doc = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [Run {
            column_kind: "unicodeCodePoints",
            results: Results {
                report,
                rule_index: &rule_index,
            },
            tool,
        }],
        version: "2.1.0",
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// The log, its one run and the run's results: written as they are
/// serialised, one result at a time, rather than built whole as one
/// value first (a 10 MB source's results took 30 MB so). The fields are
/// in the order a `json!` object keeps its keys, alphabetical.
#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    column_kind: &'static str,
    results: Results<'a>,
    tool: Value,
}

/// Each finding's result, built when it is written.
struct Results<'a> {
    report: &'a Report<'a>,
    rule_index: &'a BTreeMap<&'a str, usize>,
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.report
                .findings
                .iter()
                .map(|f| result(self.report, self.rule_index, f)),
        )
    }
}

/// One finding's result.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    level: &'static str,
    locations: Vec<Location>,
    message: Text,
    partial_fingerprints: Fingerprints<'a>,
    properties: Properties<'a>,
    related_locations: Vec<Location>,
    rule_id: &'a str,
    rule_index: usize,
}

#[derive(Serialize)]
struct Fingerprints<'a> {
    #[serde(rename = "crosscheckFinding/v1")]
    finding: &'a str,
}

#[derive(Serialize)]
struct Properties<'a> {
    kind: &'a crate::compare::FindingKind,
    subject: &'a Option<String>,
}

fn result<'a>(
    report: &Report,
    rule_index: &BTreeMap<&str, usize>,
    f: &'a Finding,
) -> SarifResult<'a> {
    let mut claims: Vec<(usize, crate::compare::ClaimRef)> = f.claims_with_sides().collect();
    // The draft's claims lead when the draft takes part.
    claims.sort_by_key(|(_, r)| !report.source(r).draft);
    let mut locations = claims.iter().map(|(side, r)| {
        let row = report.row(r);
        let value = row.resolved.as_deref().unwrap_or(&row.value);
        let label = if *side == 0 {
            format!("{value}: fits more than one side")
        } else {
            format!("side {side}: {value}")
        };
        location(&row, label)
    });
    let primary = locations.next();
    let related = locations
        .enumerate()
        .map(|(i, l)| Location {
            id: Some(i + 1),
            ..l
        })
        .collect();
    SarifResult {
        level: level(f.severity),
        locations: primary.into_iter().collect(),
        message: Text {
            text: f.message.clone(),
        },
        partial_fingerprints: Fingerprints { finding: &f.id },
        properties: Properties {
            kind: &f.kind,
            subject: &f.subject,
        },
        related_locations: related,
        rule_id: &f.fact,
        rule_index: rule_index[f.fact.as_str()],
    }
}
