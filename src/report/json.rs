//! JSON: the findings nested with their sides and claims, plus the
//! sources' document dates; and JSON Lines of every claim for `extract`.

use std::io::{self, Write};

use serde::Serialize;

use super::{ClaimRow, Report};
use crate::compare::FindingKind;
use crate::rules::Severity;
use crate::source::{DocumentDate, SourceMeta};

#[derive(Serialize)]
struct Document<'a> {
    sources: Vec<SourceOut<'a>>,
    findings: Vec<FindingOut<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    name: &'a str,
    #[serde(flatten)]
    meta: &'a SourceMeta,
    document_date: Option<&'a DocumentDate>,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    id: &'a str,
    kind: FindingKind,
    fact: &'a str,
    title: &'a str,
    subject: Option<&'a str>,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    sides: Vec<SideOut<'a>>,
}

#[derive(Serialize)]
struct SideOut<'a> {
    side: usize,
    value: Option<&'a str>,
    claims: Vec<ClaimRow<'a>>,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub fn findings(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let row = |r: &crate::compare::ClaimRef| report.row(r);
    let findings = report
        .findings
        .iter()
        .map(|f| {
            let mut sides: Vec<SideOut> = f
                .sides
                .iter()
                .map(|s| SideOut {
                    side: s.number,
                    value: Some(&s.value),
                    claims: s.claims.iter().map(row).collect(),
                })
                .collect();
            if !f.vague.is_empty() {
                sides.push(SideOut {
                    side: 0,
                    value: None,
                    claims: f.vague.iter().map(row).collect(),
                });
            }
            FindingOut {
                id: &f.id,
                kind: f.kind,
                fact: &f.fact,
                title: &f.title,
                subject: f.subject.as_deref(),
                severity: f.severity,
                message: &f.message,
                help: f.help.as_deref(),
                sides,
            }
        })
        .collect();
    let doc = Document {
        sources: report
            .sources
            .iter()
            .map(|s| SourceOut {
                name: &s.name,
                meta: &s.meta,
                document_date: s.document_date.as_ref(),
            })
            .collect(),
        findings,
        summary: Summary {
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// `extract --format jsonl`: one claim per line.
pub fn claims(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for (i, list) in report.claims.iter().enumerate() {
        for index in 0..list.len() {
            let row = report.row_at(i, index);
            serde_json::to_writer(&mut *out, &row)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}
