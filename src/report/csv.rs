//! CSV: one row per claim on a side of a finding, for desks and
//! spreadsheets. Columns are fixed:
//! `finding,fact,subject,severity,side,source,line,column,start,end,text,value,resolved`.

use std::io::Write;

use super::Report;

/// A CSV error as the I/O error it is, when it is one: a closed pipe
/// (`| head`) stays a closed pipe, which a run does not call a failure.
pub fn io_error(e: csv::Error) -> std::io::Error {
    if !e.is_io_error() {
        return std::io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        kind => std::io::Error::other(format!("{kind:?}")),
    }
}

/// A cell a spreadsheet will not run as a formula: cells that begin with
/// `=`, `+`, `-`, `@` (or a tab or carriage return) get a leading `'`.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Writes records with every cell neutralised.
fn write_safe<const N: usize>(
    w: &mut csv::Writer<&mut dyn Write>,
    record: [&str; N],
) -> csv::Result<()> {
    w.write_record(record.iter().map(|c| neutralise(c).into_owned()))
}

pub const FINDING_COLUMNS: [&str; 13] = [
    "finding", "fact", "subject", "severity", "side", "source", "line", "column", "start", "end",
    "text", "value", "resolved",
];

pub fn findings(report: &Report, out: &mut dyn Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(FINDING_COLUMNS)?;
    for finding in report.findings {
        // A vague claim that fits several sides (side 0) disagrees with no
        // one: it is a label in the human report and a list in JSON, not a
        // row of a discrepancy sheet.
        for (side, r) in finding.claims_with_sides().filter(|(side, _)| *side != 0) {
            let row = report.row(&r);
            write_safe(
                &mut w,
                [
                    finding.id.as_str(),
                    finding.fact.as_str(),
                    finding.subject.as_deref().unwrap_or(""),
                    finding.severity.as_str(),
                    &side.to_string(),
                    row.source,
                    &row.line.to_string(),
                    &row.column.to_string(),
                    &row.start.to_string(),
                    &row.end.to_string(),
                    row.text,
                    &row.value,
                    row.resolved.as_deref().unwrap_or(""),
                ],
            )?;
        }
    }
    w.flush()?;
    Ok(())
}

pub const CLAIM_COLUMNS: [&str; 13] = [
    "source", "kind", "text", "start", "end", "line", "column", "value", "resolved", "fact",
    "subject", "unit", "counted",
];

/// `extract --format csv`: every claim.
pub fn claims(report: &Report, out: &mut dyn Write) -> csv::Result<()> {
    claim_header(&mut *out)?;
    claim_rows(report, out)
}

/// The header line of [`claims`].
pub fn claim_header(out: &mut dyn Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CLAIM_COLUMNS)?;
    w.flush()?;
    Ok(())
}

/// The rows of [`claims`] without the header: a run renders each source's
/// rows on its own and joins them under one header.
pub fn claim_rows(report: &Report, out: &mut dyn Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for (i, list) in report.claims.iter().enumerate() {
        for index in 0..list.len() {
            let row = report.row_at(i, index);
            write_safe(
                &mut w,
                [
                    row.source,
                    row.kind,
                    row.text,
                    &row.start.to_string(),
                    &row.end.to_string(),
                    &row.line.to_string(),
                    &row.column.to_string(),
                    &row.value,
                    row.resolved.as_deref().unwrap_or(""),
                    row.fact.unwrap_or(""),
                    row.subject.unwrap_or(""),
                    row.unit.unwrap_or(""),
                    row.counted.unwrap_or(""),
                ],
            )?;
        }
    }
    w.flush()?;
    Ok(())
}
