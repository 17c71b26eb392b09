//! A Markdown summary for a pull-request comment: a table of findings, then
//! each finding's claims with their sources, lines and quoted text.

use std::io::{self, Write};

use super::Report;
use crate::rules::Severity;

/// Text safe inside a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn findings(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## crosscheck")?;
    writeln!(out)?;
    if report.findings.is_empty() {
        writeln!(
            out,
            "No disagreements among {} sources.",
            report.sources.len()
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{} errors, {} warnings, {} infos in {} sources.",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
        report.sources.len()
    )?;
    writeln!(out)?;
    writeln!(out, "| severity | fact | subject | finding |")?;
    writeln!(out, "|---|---|---|---|")?;
    for f in report.findings {
        writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            f.severity.as_str(),
            f.fact,
            cell(f.subject.as_deref().unwrap_or("")),
            cell(&f.message)
        )?;
    }
    for f in report.findings {
        writeln!(out)?;
        writeln!(
            out,
            "<details><summary><code>{}</code> {}</summary>",
            f.fact,
            cell(&f.message)
        )?;
        writeln!(out)?;
        for (side, r) in f.claims_with_sides() {
            let source = report.source(&r);
            let row = report.row(&r);
            let role = if source.draft { " (draft)" } else { "" };
            writeln!(
                out,
                "- side {side}: `{}` in `{}`{role} line {}: “{}”",
                row.resolved.as_deref().unwrap_or(&row.value),
                row.source,
                row.line,
                cell(row.text)
            )?;
        }
        writeln!(out)?;
        writeln!(out, "</details>")?;
    }
    Ok(())
}
