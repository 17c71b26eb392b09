//! GitHub Actions workflow commands: one annotation per claim in a finding,
//! so every source involved is marked in the pull request.
//! <https://docs.github.com/actions/reference/workflow-commands-for-github-actions>

use std::io::{self, Write};

use super::Report;
use crate::rules::Severity;

/// Escapes a message (data) of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn findings(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in report.findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        for (side, r) in f.claims_with_sides() {
            let row = report.row(&r);
            let (end_line, end_column) = row.end();
            let value = row.resolved.as_deref().unwrap_or(&row.value);
            let side = if side == 0 {
                format!("{value} fits more than one side")
            } else {
                format!("side {side}: {value}")
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={end_line},endColumn={end_column},title={}::{}",
                property(row.source),
                row.line,
                row.column,
                property(&format!("{} [{}]", f.fact, f.id)),
                data(&format!("{} ({side})", f.message)),
            )?;
        }
    }
    Ok(())
}
