//! Date claims as a newsroom reads them: absolute ("July 4, 2025", "4th
//! January", "2025-07-04", "7/4/2025"), partial ("July 3", "April 2025",
//! "the 1980s", "summer 2024", "the first quarter"), ranges ("from 2001 to
//! 2004", "between March and May"), holidays ("Christmas", "Easter 2018"),
//! weekdays ("on Thursday") and relative forms ("yesterday", "last week",
//! "two years ago", "next Tuesday", "three weeks after Christmas").
//!
//! Reading runs in three steps: one automaton, built from the forms in
//! [`forms`] by `build.rs`, finds every candidate and its form
//! ([`pattern`]); each candidate is parsed into an [`Expr`] as written
//! ([`parse`]); neighbouring expressions that make one date are joined
//! ("two weeks before" + "Christmas", "from 2001" + "to 2004",
//! [`combine`]); then each is resolved against the document date
//! ([`resolve`]), towards the past for reports and towards the future
//! where the sentence says so.
//!
//! Word boundaries are ASCII (`(?-u:\b)`) because a Unicode `\b` makes the
//! regex engine fall back to a slow path at the first curly quote, and news
//! is full of them.

mod combine;
mod expr;
mod forms;
mod parse;
mod pattern;
mod resolve;
mod words;

#[cfg(test)]
mod tests;

use std::ops::Range;

use super::{Claim, ClaimKind, ClaimValue};
use crate::source::{Source, Span};
use expr::{Amount, Expr, OffYear, Part, Shift, Unit, WrittenYear, YearPart};

/// A candidate found in the text: its byte range, what it says, and a
/// note for the reader (an ambiguous numeric date says so).
#[derive(Clone, Debug)]
struct Found {
    range: Range<usize>,
    expr: Expr,
    note: Option<String>,
}

/// Appends the source's date claims to `out`.
pub fn extract(source: &Source, out: &mut Vec<Claim>) {
    let text = &source.text;
    let found = combine::combine(text, scan(text, source));
    for f in found {
        let tense = || words::tense_around(text, f.range.clone());
        let (mut value, warning) = resolve::resolve(&f.expr, source.document_date.as_ref(), tense);
        if let Some(note) = f.note {
            value.resolution = Some(match value.resolution {
                Some(r) => format!("{r}; {note}"),
                None => note,
            });
        }
        out.push(Claim {
            kind: ClaimKind::Date,
            span: Span {
                source: source.id,
                range: f.range,
            },
            value: ClaimValue::Date(value),
            warning,
            fact: None,
            subject: None,
        });
    }
}

/// Every candidate the pattern finds and the parser accepts, in text order;
/// a long text in pieces on several threads ([`super::pieces`]).
fn scan(text: &str, source: &Source) -> Vec<Found> {
    super::pieces::scan(text, |from, stop| scan_from(text, source, from, stop))
}

/// How far the search for a candidate that starts before `stop` need
/// look: to the end of the line `stop` is on (just past its `\n`), since
/// no candidate runs past a line break (the finder's own test). Without
/// it, each piece of a long text with no date after it would search to
/// the text's end, the pieces together its square.
fn search_limit(text: &str, stop: usize) -> usize {
    text.as_bytes()
        .get(stop..)
        .and_then(|rest| memchr::memchr(b'\n', rest))
        .map_or(text.len(), |i| stop + i + 1)
}

/// The candidates from `from` on, up to one that starts at or after
/// `stop`; and where the scan goes on from.
fn scan_from(text: &str, source: &Source, from: usize, stop: usize) -> (Vec<Found>, usize) {
    let mut found = Vec::new();
    let mut at = from;
    let limit = search_limit(text, stop);
    // Past the limit, past `stop`: nothing more starts before it.
    while at < limit {
        let Some((start, caps)) = pattern::next_candidate(text, at, limit) else {
            break;
        };
        if start >= stop {
            break;
        }
        match caps.and_then(|caps| parse::parse(&caps, text, source.date_order)) {
            Some(f) => {
                at = f.range.end.max(start + 1);
                found.push(f);
            }
            None => {
                // Not a date after all: try again one word on, so that a
                // shorter form inside the rejected one still gets its turn.
                at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        while at < text.len() && !text.is_char_boundary(at) {
            at += 1;
        }
    }
    (found, at)
}
