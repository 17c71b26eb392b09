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

fn location(row: &ClaimRow, message: String) -> Value {
    let (end_line, end_column) = row.end();
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(row.source) },
            "region": {
                "startLine": row.line,
                "startColumn": row.column,
                "endLine": end_line,
                "endColumn": end_column,
                "byteOffset": row.start,
                "byteLength": row.end - row.start,
                "snippet": { "text": row.text }
            }
        },
        "message": { "text": message }
    })
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

fn result(report: &Report, rule_index: &BTreeMap<&str, usize>, f: &Finding) -> Value {
    let mut claims: Vec<(usize, crate::compare::ClaimRef)> = f.claims_with_sides().collect();
    // The draft's claims lead when the draft takes part.
    claims.sort_by_key(|(_, r)| !report.source(r).draft);
    let mut locations = claims.iter().map(|(side, r)| {
        let row = report.row(r);
        let label = if *side == 0 {
            format!(
                "{}: fits more than one side",
                row.resolved.as_deref().unwrap_or(&row.value)
            )
        } else {
            format!(
                "side {side}: {}",
                row.resolved.as_deref().unwrap_or(&row.value)
            )
        };
        location(&row, label)
    });
    let primary = locations.next();
    let related: Vec<Value> = locations
        .enumerate()
        .map(|(i, mut l)| {
            l["id"] = json!(i + 1);
            l
        })
        .collect();
    json!({
        "ruleId": f.fact,
        "ruleIndex": rule_index[f.fact.as_str()],
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": primary.into_iter().collect::<Vec<_>>(),
        "relatedLocations": related,
        "partialFingerprints": { "crosscheckFinding/v1": f.id },
        "properties": { "subject": f.subject, "kind": f.kind }
    })
}
