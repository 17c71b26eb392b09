//! Human output: one rustc-style miette report per finding, with a labelled
//! span in every source involved. A miette diagnostic has one source, so
//! each further source is a related diagnostic with its own `NamedSource`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};
use std::rc::Rc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::Report;
use crate::compare::{grouped, ClaimRef, Finding, FindingKind};
use crate::rules::Severity;
use crate::source::{ends_line, first_column, Source, SourceId};

/// How to draw: colours for a terminal, plain for files and tests.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

#[derive(Debug)]
struct FindingDiagnostic<'r> {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Rc<Excerpted<'r>>,
    labels: Vec<LabeledSpan>,
    related: Vec<FindingDiagnostic<'r>>,
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
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
        Some(&*self.source)
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
struct Excerpted<'r> {
    name: &'r str,
    /// The source's text with each lone `\r` (an old Mac line end) made a
    /// `\n`: the same length and offsets, with lines as miette counts them
    /// (it knows `\n` and `\r\n`, and would print a lone `\r` raw).
    /// Borrowed when there is none, which is nearly always.
    text: Cow<'r, str>,
    /// The offset just past each `\n`: a label's line is a binary search,
    /// not a count from the top, so many labels in one long source cost
    /// labels × log(lines), not labels × text.
    line_starts: Vec<usize>,
}

/// How far an excerpt reaches beyond its label, at most, in bytes.
const EXCERPT_BACK: usize = 60;
const EXCERPT_ON: usize = 60;

impl Excerpted<'_> {
    /// A source's text, which must have been read again if it was dropped.
    fn of(source: &Source) -> Excerpted<'_> {
        debug_assert!(source.holds_text(), "{}: not read again", source.name);
        Excerpted::new(&source.name, &source.text)
    }

    fn new<'t>(name: &'t str, text: &'t str) -> Excerpted<'t> {
        let lone_returns: Vec<usize> = memchr::memchr_iter(b'\r', text.as_bytes())
            .filter(|&i| ends_line(text.as_bytes(), i))
            .collect();
        let text = if lone_returns.is_empty() {
            Cow::Borrowed(text)
        } else {
            let mut bytes = text.as_bytes().to_vec();
            for i in lone_returns {
                bytes[i] = b'\n';
            }
            // One ASCII byte for another keeps the text UTF-8.
            Cow::Owned(String::from_utf8(bytes).expect("a byte for a byte"))
        };
        let line_starts = memchr::memchr_iter(b'\n', text.as_bytes())
            .map(|i| i + 1)
            .collect();
        Excerpted {
            name,
            text,
            line_starts,
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

impl SourceCode for Excerpted<'_> {
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
        // The newlines before `from` are the line starts at or before it.
        let line = self.line_starts.partition_point(|&s| s <= from);
        // Line 1's columns start past a byte order mark.
        let line_start = match line {
            0 => first_column(&self.text),
            n => self.line_starts[n - 1],
        };
        let column = self
            .text
            .get(line_start..from)
            .map_or(0, |s| s.chars().count());
        let data = &self.text[from..to];
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
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

/// A source's marks per finding, at most: past this many, each side keeps
/// its first claims in turn and the rest are counted in a note. A source
/// that repeats one figure ten thousand times is one readable snippet, and
/// rendering costs the marks shown, not the claims.
const MARKS_PER_SOURCE: usize = 24;

/// Each source's text as miette reads it, made once per run however many
/// findings show it.
struct Excerpts<'r> {
    sources: &'r [Source],
    made: Vec<Option<Rc<Excerpted<'r>>>>,
}

impl<'r> Excerpts<'r> {
    fn new(sources: &'r [Source]) -> Excerpts<'r> {
        Excerpts {
            sources,
            made: vec![None; sources.len()],
        }
    }

    fn get(&mut self, id: SourceId) -> Rc<Excerpted<'r>> {
        let source = &self.sources[id.0 as usize];
        self.made[id.0 as usize]
            .get_or_insert_with(|| Rc::new(Excerpted::of(source)))
            .clone()
    }
}

/// The marks a source shows: all of them up to [`MARKS_PER_SOURCE`], else
/// that many taken from each side in turn; and how many were left out.
fn shown_marks(mut marks: Vec<(usize, LabeledSpan)>) -> (Vec<LabeledSpan>, usize) {
    let total = marks.len();
    if total > MARKS_PER_SOURCE {
        let mut by_side: std::collections::BTreeMap<usize, std::collections::VecDeque<_>> =
            Default::default();
        for (side, mark) in marks {
            by_side.entry(side).or_default().push_back(mark);
        }
        marks = Vec::with_capacity(MARKS_PER_SOURCE);
        while marks.len() < MARKS_PER_SOURCE {
            for (side, queue) in by_side.iter_mut() {
                if marks.len() < MARKS_PER_SOURCE {
                    if let Some(mark) = queue.pop_front() {
                        marks.push((*side, mark));
                    }
                }
            }
        }
    }
    let mut labels: Vec<LabeledSpan> = marks.into_iter().map(|(_, l)| l).collect();
    labels.sort_by_key(|l| l.offset());
    let hidden = total - labels.len();
    (labels, hidden)
}

fn hidden_note(hidden: usize) -> Option<String> {
    (hidden > 0).then(|| {
        format!(
            "{} more {} of this source not marked",
            grouped(hidden),
            if hidden == 1 { "claim" } else { "claims" }
        )
    })
}

fn diagnostic<'r>(
    report: &'r Report,
    finding: &Finding,
    excerpts: &mut Excerpts<'r>,
) -> FindingDiagnostic<'r> {
    // Sources in order of first appearance, each with its marks.
    let mut by_source: Vec<(SourceId, Vec<(usize, LabeledSpan)>)> = Vec::new();
    let mut slot: HashMap<SourceId, usize> = HashMap::new();
    for (side, r) in finding.claims_with_sides() {
        let label = label_for(report, finding, side, &r);
        let at = *slot.entry(r.source).or_insert_with(|| {
            by_source.push((r.source, Vec::new()));
            by_source.len() - 1
        });
        by_source[at].1.push((side, label));
    }
    // The draft leads: it is what the gate is about.
    by_source.sort_by_key(|(id, _)| !report.sources[id.0 as usize].draft);
    let severity = miette_severity(finding.severity);
    let mut parts = by_source.into_iter().map(|(id, marks)| {
        let (labels, hidden) = shown_marks(marks);
        (id, labels, hidden)
    });
    let (first, first_labels, first_hidden) =
        parts.next().expect("a finding has at least one claim");
    let related = parts
        .map(|(id, labels, hidden)| {
            let source = &report.sources[id.0 as usize];
            FindingDiagnostic {
                message: format!("{} ({})", finding.fact, source.label()),
                code: None,
                severity,
                help: hidden_note(hidden),
                source: excerpts.get(id),
                labels,
                related: Vec::new(),
            }
        })
        .collect();
    let help = match (finding.help.clone(), hidden_note(first_hidden)) {
        (Some(help), Some(note)) => Some(format!("{help}\n{note}")),
        (help, note) => help.or(note),
    };
    FindingDiagnostic {
        message: finding.message.clone(),
        code: Some(format!("{}[{}]", finding.fact, finding.id)),
        severity,
        help,
        source: excerpts.get(first),
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
    let mut excerpts = Excerpts::new(report.sources);
    for finding in report.findings {
        let diag = diagnostic(report, finding, &mut excerpts);
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
