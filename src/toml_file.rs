//! TOML files a user writes (rule files, manifests): parsed with serde, and
//! every problem reported as a miette diagnostic pointing into the file.

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::de::DeserializeOwned;
use std::ops::Range;
use thiserror::Error;

/// A problem at a place in a TOML file.
#[derive(Debug, Error, Diagnostic)]
#[error("{path}: {message}")]
#[diagnostic(code(crosscheck::toml))]
pub struct TomlError {
    pub path: String,
    pub message: String,
    #[source_code]
    pub text: NamedSource<String>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl TomlError {
    pub fn at(
        path: &str,
        text: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> TomlError {
        let (shown, span) = shown_lines(text, span);
        TomlError {
            path: path.to_string(),
            message: message.into(),
            text: NamedSource::new(path, shown).with_language("toml"),
            span: span.map(|r| SourceSpan::from(r.start..r.end.max(r.start))),
            label: label.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> TomlError {
        self.help = Some(help.into());
        self
    }

    /// 1-based line of the problem, for messages that name a position.
    pub fn line(&self) -> Option<usize> {
        let span = self.span?;
        let text = self.text.inner();
        let offset = span.offset().min(text.len());
        Some(text[..offset].matches('\n').count() + 1)
    }
}

/// How much of a line a diagnostic quotes: a pattern of ten megabytes on
/// one line is quoted by its start, not echoed whole.
const SHOWN_LINE: usize = 120;
const CUT: &str = " …";

/// `text` with each line past [`SHOWN_LINE`] bytes cut to its start, and
/// `span` moved to match: lines and their numbers stay as they were, and a
/// span past a cut points at the cut.
fn shown_lines(text: &str, span: Option<Range<usize>>) -> (String, Option<Range<usize>>) {
    if text.split('\n').all(|line| line.len() <= SHOWN_LINE) {
        return (text.to_string(), span);
    }
    let mut out = String::new();
    let (mut start, mut end) = (None, None);
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let mut kept = body.len().min(SHOWN_LINE);
        while !body.is_char_boundary(kept) {
            kept -= 1;
        }
        let from = out.len();
        out.push_str(&body[..kept]);
        let visible = if kept < body.len() {
            out.push_str(CUT);
            (kept, kept + CUT.len())
        } else {
            (line.len(), line.len())
        };
        out.push_str(&line[body.len()..]);
        if let Some(r) = &span {
            let within = at..at + line.len();
            if start.is_none() && within.contains(&r.start) {
                start = Some(from + (r.start - at).min(visible.0));
            }
            if end.is_none() && within.contains(&r.end) {
                end = Some(from + (r.end - at).min(visible.1));
            }
        }
        at += line.len();
    }
    let span = span.map(|_| {
        let start = start.unwrap_or(out.len());
        start..end.unwrap_or(out.len()).max(start)
    });
    (out, span)
}

/// Parses `text` (the contents of `path`) as `T`.
pub fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, TomlError> {
    toml::from_str(text).map_err(|e| {
        let message = e.message().trim_end().to_string();
        TomlError::at(path, text, e.span(), message.clone(), first_line(&message))
    })
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_quoted_by_its_start() {
        let long = format!("triggers = ['{}']", "word|".repeat(10_000));
        let text = format!("id = \"big\"\n{long}\nseverity = \"x\"\n");
        let at = text.find("triggers").unwrap() + 13;
        let err = TomlError::at(
            "r.toml",
            &text,
            Some(at..at + 50_000),
            "invalid pattern",
            "too large",
        );
        let shown = err.text.inner();
        assert!(shown.len() < 200, "{} bytes shown", shown.len());
        assert!(shown.contains("triggers = ['word|word|"));
        assert!(shown.ends_with("…\nseverity = \"x\"\n"), "{shown}");
        assert_eq!(err.line(), Some(2));
        let span = err.span.unwrap();
        assert_eq!(&shown[span.offset()..span.offset() + 4], "word");
        assert!(span.offset() + span.len() <= shown.len());
    }

    #[test]
    fn short_lines_are_shown_as_they_are() {
        let text = "id = 1\nkind = \"x\"\n";
        let err = TomlError::at("r.toml", text, Some(7..11), "m", "l");
        assert_eq!(err.text.inner(), text);
        assert_eq!(err.span.unwrap().offset(), 7);
    }
}
