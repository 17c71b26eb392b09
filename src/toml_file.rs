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
        TomlError {
            path: path.to_string(),
            message: message.into(),
            text: NamedSource::new(path, text.to_string()).with_language("toml"),
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
