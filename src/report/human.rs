//! Human output: one rustc-style miette report per finding, with a labelled
//! span in every source involved. A miette diagnostic has one source, so
//! each further source is a related diagnostic with its own `NamedSource`.

use std::fmt;
use std::io::{self, Write};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::Report;
use crate::compare::{ClaimRef, Finding, FindingKind};
use crate::rules::Severity;
use crate::source::{ends_line, first_column, Source, SourceId};

/// How to draw: colours for a terminal, plain for files and tests.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

#[derive(Debug)]
struct FindingDiagnostic {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Excerpted,
    labels: Vec<LabeledSpan>,
    related: Vec<FindingDiagnostic>,
}

impl fmt::Display for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic {}

impl Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
        }
    }
}

/// A source shown as excerpts: the sentence around each label rather
/// than whole lines, because a news paragraph is often one long line.
/// Line and column numbers stay those of the full text.
#[derive(Debug)]
struct Excerpted {
    name: String,
    /// The source's text with each lone `\r` (an old Mac line end) made a
    /// `\n`: the same length and offsets, with lines as miette counts them
    /// (it knows `\n` and `\r\n`, and would print a lone `\r` raw).
    text: String,
}

/// How far an excerpt reaches beyond its label, at most, in bytes.
const EXCERPT_BACK: usize = 60;
const EXCERPT_ON: usize = 60;

impl Excerpted {
    /// A source's text, which must have been read again if it was dropped.
    fn of(source: &Source) -> Excerpted {
        debug_assert!(source.holds_text(), "{}: not read again", source.name);
        Excerpted::new(&source.name, &source.text)
    }

    fn new(name: &str, text: &str) -> Excerpted {
        let mut bytes = text.as_bytes().to_vec();
        for i in memchr::memchr_iter(b'\r', text.as_bytes()) {
            if ends_line(text.as_bytes(), i) {
                bytes[i] = b'\n';
            }
        }
        Excerpted {
            name: name.to_string(),
            // One ASCII byte for another keeps the text UTF-8.
            text: String::from_utf8(bytes).expect("a byte for a byte"),
        }
    }

    /// The excerpt around `start..end`: back to the sentence or line start,
    /// forward to the sentence or line end, within [`EXCERPT_BACK`] and [`EXCERPT_ON`].
    fn window(&self, start: usize, end: usize) -> (usize, usize) {
        let text = &self.text;
        let floor = |mut i: usize| {
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let ceil = |mut i: usize| {
            while i < text.len() && !text.is_char_boundary(i) {
                i += 1;
            }
            i
        };
        let start = floor(start.min(text.len()));
        let end = ceil(end.min(text.len()).max(start));
        let reach_back = floor(start.saturating_sub(EXCERPT_BACK));
        let before = &text[reach_back..start];
        let from = match before.rfind(['\n', '.', '!', '?']) {
            Some(i) => reach_back + i + 1,
            // No boundary within reach: start at a word.
            None if reach_back > 0 => before.find(' ').map_or(start, |i| reach_back + i + 1),
            // A byte order mark is not shown.
            None => first_column(text).min(start),
        };
        let reach_on = ceil((end + EXCERPT_ON).min(text.len()));
        let after = &text[end..reach_on];
        // A '\r' here is that of a "\r\n": the line ends before it.
        let to = match after.find(['\r', '\n', '.', '!', '?']) {
            Some(i) if matches!(after.as_bytes()[i], b'\r' | b'\n') => end + i,
            Some(i) => end + i + 1,
            None if reach_on < text.len() => after.rfind(' ').map_or(end, |i| end + i),
            None => text.len(),
        };
        // Leading spaces are noise in an excerpt.
        let trimmed = text[from..start].len() - text[from..start].trim_start().len();
        (from + trimmed, to.max(end))
    }
}

impl SourceCode for Excerpted {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > self.text.len()
            || !self.text.is_char_boundary(start)
            || !self.text.is_char_boundary(end)
        {
            return Err(MietteError::OutOfBounds);
        }
        // miette asks without context for the position in a snippet's
        // header: give the label's own place there, an excerpt otherwise.
        let (from, to) = if before == 0 && after == 0 {
            (start, end)
        } else {
            self.window(start, end)
        };
        let before = &self.text[..from];
        let line = before.matches('\n').count();
        // Line 1's columns start past a byte order mark.
        let line_start = before
            .rfind('\n')
            .map_or(first_column(&self.text), |i| i + 1);
        let column = self
            .text
            .get(line_start..from)
            .map_or(0, |s| s.chars().count());
        let data = &self.text[from..to];
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data.as_bytes(),
            SourceSpan::from(from..to),
            line,
            column,
            data.matches('\n').count() + 1,
        )))
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn label_for(report: &Report, finding: &Finding, side: usize, r: &ClaimRef) -> LabeledSpan {
    let claim = report.claim(r);
    let source = report.source(r);
    let mut value = claim
        .value
        .resolved()
        .unwrap_or_else(|| claim.value.notation());
    // The words are the same on every side: the speaker is what differs.
    if finding.kind == FindingKind::SpeakerConflict {
        value = format!("said by {}", claim.subject.as_deref().unwrap_or("?"));
    }
    let mut text = if side == 0 {
        format!("{value}: fits more than one side")
    } else {
        format!("side {side}: {value}")
    };
    if claim.value.resolution().is_some() {
        if let Some(doc) = &source.document_date {
            text.push_str(&format!(
                " (against the document date {}, from {})",
                doc.date,
                doc.basis.describe()
            ));
        }
    }
    LabeledSpan::new(Some(text), claim.span.range.start, claim.span.range.len())
}

fn diagnostic(report: &Report, finding: &Finding) -> FindingDiagnostic {
    // Sources in order of first appearance, each with its labels.
    let mut by_source: Vec<(SourceId, Vec<LabeledSpan>)> = Vec::new();
    for (side, r) in finding.claims_with_sides() {
        let label = label_for(report, finding, side, &r);
        match by_source.iter_mut().find(|(s, _)| *s == r.source) {
            Some((_, labels)) => labels.push(label),
            None => by_source.push((r.source, vec![label])),
        }
    }
    // The draft leads: it is what the gate is about.
    by_source.sort_by_key(|(id, _)| !report.sources[id.0 as usize].draft);
    let severity = miette_severity(finding.severity);
    let mut parts = by_source.into_iter().map(|(id, mut labels)| {
        labels.sort_by_key(|l| l.offset());
        let source = &report.sources[id.0 as usize];
        (source, labels)
    });
    let (first, first_labels) = parts.next().expect("a finding has at least one claim");
    let related = parts
        .map(|(source, labels)| FindingDiagnostic {
            message: format!("{} ({})", finding.fact, source.label()),
            code: None,
            severity,
            help: None,
            source: Excerpted::of(source),
            labels,
            related: Vec::new(),
        })
        .collect();
    FindingDiagnostic {
        message: finding.message.clone(),
        code: Some(format!("{}[{}]", finding.fact, finding.id)),
        severity,
        help: finding.help.clone(),
        source: Excerpted::of(first),
        labels: first_labels,
        related,
    }
}

pub fn findings(report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_wrap_lines(false)
        .with_context_lines(1)
        .with_show_related_as_nested(true);
    for finding in report.findings {
        let diag = diagnostic(report, finding);
        let mut rendered = String::new();
        handler
            .render_report(&mut rendered, &diag)
            .map_err(|e| io::Error::other(e.to_string()))?;
        out.write_all(rendered.as_bytes())?;
        out.write_all(b"\n")?;
    }
    let (errors, warnings, infos) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
    );
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    writeln!(
        out,
        "{} in {}: {}, {}, {}",
        plural(report.findings.len(), "finding", "findings"),
        plural(report.sources.len(), "source", "sources"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(infos, "info", "infos"),
    )
}
