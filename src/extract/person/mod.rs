//! People: person mentions with the title or office attached to them.
//!
//! A name is recognised by what stands beside it, not by a list of names:
//! an office word before it ("Ostrian Foreign Minister Amir Karim Haidari",
//! "Ostria's acting foreign minister, Amir Karim Haidari"), an office
//! in apposition after it ("Pavel Orlik, the Valdorian ambassador to
//! Tiran"), or an honorific ("Mr Orlik"). A one-word name counts only as
//! a back-reference to a full name in the same source ("Mr Haidari",
//! "Haidari said"), and resolves to the nearest such full name, so the
//! analyst Farid Haidari and the minister Amir Karim Haidari stay apart.
//!
//! The office is reduced to its own words: qualifiers ("acting", "former")
//! stay, because they change the post; affiliations ("Valdoria's", "Ostrian")
//! and places ("to Tiran") go, because they only say whose post it is.

mod names;
mod same_person;
#[cfg(test)]
mod tests;
mod titles;
mod tokens;
mod vocabulary;

use std::ops::Range;

use rayon::prelude::*;

use names::{back_references, Found};
use same_person::FullNames;
use titles::{honorific, titled};
use tokens::tokens_in;
use vocabulary::{HONORIFICS, OFFICE_WORDS};

use super::{Claim, ClaimKind, ClaimValue};
use crate::source::{Source, Span};
use crate::value::named::{PersonValue, TitleValue};

// Other modules name these as `extract::person::...`.
pub use same_person::{family_name_keys, name_key, same_name_word, same_person, NameKey};
pub use vocabulary::{OFFICES, QUALIFIERS};

/// One mention of a person in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole mention: title and name.
    pub range: Range<usize>,
    pub name_range: Range<usize>,
    /// The name as written, honorifics left out ("Haidari" for "Mr Haidari").
    pub written: String,
    /// The full name the mention refers to, once back-references are
    /// resolved within the text.
    pub name: String,
    /// The office words, lower-case, when a title is attached.
    pub office: Option<Vec<String>>,
}

/// Lines one parallel task reads for titles and honorifics.
const WINDOWS_PER_TASK: usize = 256;

/// Every person mention in `text`, in text order, with back-references
/// resolved to the nearest full name of the same person. `anchors` are
/// the text's office words and honorifics ([`super::Anchors::people`]).
pub fn mentions(text: &str, anchors: &[Range<usize>]) -> Vec<Mention> {
    // Titles and honorifics are found on the lines that hold an office
    // word or an honorific: no mention crosses a line break, and most
    // lines hold neither. Each line is read on its own, so a long text's
    // are read in parallel, and what they find kept in line order.
    let windows = anchor_windows(text, anchors);
    // The anchors of each window: those before its end not in one before.
    let ends: Vec<usize> = windows
        .iter()
        .map(|w| anchors.partition_point(|a| a.start < w.end))
        .collect();
    let mut found: Vec<Found> = windows
        .into_par_iter()
        .enumerate()
        .with_min_len(WINDOWS_PER_TASK)
        .flat_map_iter(|(k, window)| {
            let first = if k == 0 { 0 } else { ends[k - 1] };
            let toks = tokens_in(text, window.clone());
            // The tokens that hold an anchor: only they can head a title
            // or be an honorific.
            let mut heads: Vec<usize> = anchors[first..ends[k]]
                .iter()
                .filter_map(|a| {
                    let i = toks.partition_point(|t| t.range.end <= a.start);
                    toks.get(i).filter(|t| t.range.start <= a.start).map(|_| i)
                })
                .collect();
            heads.dedup();
            let mut found = Vec::new();
            titled(text, &toks, &heads, &mut found);
            honorific(text, &toks, &heads, &mut found);
            found
        })
        .collect();
    let full_names = FullNames::new(
        found
            .iter()
            .filter(|f| f.words.len() >= 2)
            .map(|f| (f.name.start, f.words.clone()))
            .collect(),
    );
    // A lone word is a name only as a back-reference.
    found.retain(|f| f.words.len() >= 2 || full_names.knows(f.words[0]));
    if !full_names.is_empty() {
        let bare = back_references(text, &found, &full_names);
        found.extend(bare);
    }
    found.sort_by_key(|f| (f.range.start, f.range.end));
    found.dedup_by(|b, a| a.range == b.range);
    found
        .into_iter()
        .map(|f| {
            let written = f.words.join(" ");
            let name = if f.words.len() >= 2 {
                written.clone()
            } else {
                full_names
                    .resolve(f.name.start, f.words[0])
                    .unwrap_or_else(|| written.clone())
            };
            Mention {
                range: f.range,
                name_range: f.name,
                written,
                name,
                office: f.office,
            }
        })
        .collect()
}

/// How far from an anchor a window reaches on a long line, in bytes: far
/// more than the dozen words a title, a name and an attachment can take.
const WINDOW_REACH: usize = 400;

/// The stretches of `text` to tokenize for titled and honorific
/// mentions: the line around each anchor (a line ends at `\n` or `\r`; at
/// most [`WINDOW_REACH`] bytes either side, cut at a space), merged where
/// they meet.
fn anchor_windows(text: &str, anchors: &[Range<usize>]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut windows: Vec<Range<usize>> = Vec::new();
    for m in anchors {
        if windows.last().is_some_and(|w| m.end <= w.end) {
            continue;
        }
        let floor = m.start.saturating_sub(WINDOW_REACH);
        let start = match bytes[floor..m.start]
            .iter()
            .rposition(|&b| matches!(b, b'\n' | b'\r'))
        {
            Some(i) => floor + i + 1,
            None if floor == 0 => 0,
            // Cut at a space, so the window starts between tokens.
            None => match bytes[floor..m.start].iter().position(|&b| b == b' ') {
                Some(i) => floor + i + 1,
                None => m.start,
            },
        };
        let ceiling = (m.end + WINDOW_REACH).min(text.len());
        let end = match bytes[m.end..ceiling]
            .iter()
            .position(|&b| matches!(b, b'\n' | b'\r'))
        {
            Some(i) => m.end + i,
            None if ceiling == text.len() => ceiling,
            None => match bytes[m.end..ceiling].iter().rposition(|&b| b == b' ') {
                Some(i) => m.end + i,
                None => ceiling,
            },
        };
        // A cut inside a long token: widen to the token's end.
        let mut end = end;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        match windows.last_mut() {
            Some(w) if start <= w.end => w.end = w.end.max(end),
            _ => windows.push(start..end),
        }
    }
    windows
}

/// Office words, their abbreviations and honorifics: what a title or an
/// honorific mention must hold. Found with the other anchors, in
/// [`super::Anchors`].
pub(super) fn anchor_pattern() -> String {
    let mut words: Vec<&str> = OFFICE_WORDS
        .iter()
        .copied()
        .chain(HONORIFICS.iter().copied())
        .collect();
    // The same pattern whatever order the set hands its words out in.
    words.sort_unstable();
    format!(r"\b(?:{})\b", words.join("|"))
}

/// Person claims for every mention (the name), and title claims for every
/// mention with an office, about the person named.
pub fn extract(source: &Source, mentions: &[Mention], out: &mut Vec<Claim>) {
    let mut named = std::collections::BTreeSet::new();
    for m in mentions {
        // "Dr. Leila Murtazayeva, a Central Asia expert": two mentions, one name.
        if named.insert(m.name_range.start) {
            out.push(Claim {
                kind: ClaimKind::Person,
                span: Span {
                    source: source.id,
                    range: m.name_range.clone(),
                },
                value: ClaimValue::Person(PersonValue {
                    name: m.name.clone(),
                }),
                warning: None,
                fact: None,
                subject: Some(m.name.clone()),
            });
        }
        let Some(office) = &m.office else {
            continue;
        };
        out.push(Claim {
            kind: ClaimKind::Title,
            span: Span {
                source: source.id,
                range: m.range.clone(),
            },
            value: ClaimValue::Title(TitleValue {
                office: office.clone(),
                written_name: m.written.clone(),
            }),
            warning: None,
            fact: None,
            subject: Some(m.name.clone()),
        });
    }
}
