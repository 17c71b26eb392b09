//! Number claims: figures with their qualifiers kept as bounds ("over 130"
//! is `>130`, "around 15,000" is `~15000`), their unit, and what they count
//! ("people killed").
//!
//! A number that is part of a date claim (the year in "April 2025") is the
//! date's, not a number claim.

mod counted;
mod event;
mod magnitude;
mod not_a_count;
mod reading;
#[cfg(test)]
mod tests;
mod token;
mod windows;

use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use counted::{counted_noun, one_more_person};
use event::{event_near, predicate_of_subject, toll_before};
use magnitude::is_magnitude;
use not_a_count::not_a_count;
use reading::Reader;
use windows::windows;

use super::{Claim, ClaimKind, ClaimValue};
use crate::source::{Source, Span};

// Other modules name these as `extract::number::...`.
pub use event::EVENT_NAMES;
pub use magnitude::MAGNITUDE;

/// Web addresses and e-mail: digits there are not figures.
static WEB_ADDRESSES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.)[^\s<>\x22]+").expect("address pattern is valid")
});

/// E-mail addresses: searched only in texts with an `@`, since the
/// pattern has no literal start to skip ahead to.
static EMAIL_ADDRESSES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").expect("address pattern is valid")
});

/// Appends the source's number claims to `out`, skipping figures that
/// overlap `dates` (the year of "April 2025" is the date's). `anchors`
/// are the source's number anchors ([`super::Anchors::numbers`]).
pub fn extract(
    source: &Source,
    mut dates: Vec<Range<usize>>,
    anchors: &[Range<usize>],
    out: &mut Vec<Claim>,
) {
    let text = &source.text;
    let mut addresses: Vec<Range<usize>> =
        WEB_ADDRESSES.find_iter(text).map(|m| m.range()).collect();
    if text.contains('@') {
        addresses.extend(EMAIL_ADDRESSES.find_iter(text).map(|m| m.range()));
        addresses.sort_by_key(|r| r.start);
    }
    dates.sort_by_key(|r| r.start);
    let blocked = Blocked {
        dates: &dates,
        addresses: &addresses,
    };
    // Reading every word of a long text is the slow part; a figure needs
    // a digit or a number word, so only the stretches around those are
    // tokenised and read.
    // Each window is read on its own, so long texts' windows are read in
    // parallel, and their claims kept in window order.
    let read: Vec<Claim> = windows(text, anchors)
        .into_par_iter()
        .with_min_len(WINDOWS_PER_TASK)
        .flat_map_iter(|window| {
            let mut claims = Vec::new();
            extract_window(source, window, &blocked, &mut claims);
            claims
        })
        .collect();
    out.extend(read);
}

/// Windows one parallel task reads.
const WINDOWS_PER_TASK: usize = 512;

/// Byte ranges that hold no figure: dates and web addresses, sorted.
struct Blocked<'a> {
    dates: &'a [Range<usize>],
    addresses: &'a [Range<usize>],
}

impl Blocked<'_> {
    fn overlaps(&self, range: &Range<usize>) -> bool {
        [self.dates, self.addresses].iter().any(|list| {
            // The first range that ends after `range` starts is the only
            // candidate among sorted, mostly disjoint ranges; look at a few.
            let from = list.partition_point(|d| d.end <= range.start);
            list[from..]
                .iter()
                .take_while(|d| d.start < range.end)
                .any(|d| crate::source::overlaps(d, range))
        })
    }
}

/// A digit, a fraction character or a number word: where a figure can be.
/// Found with the other anchors, in [`super::Anchors`].
pub(super) const ANCHOR_PATTERN: &str = r"[0-9]+|(?u:[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])|\b(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|lakhs?|millions?|mn|mln|mil|crores?|billions?|bn|bln|trillions?|tn|tln|dozens?|dz|dzs|doz|dozs|tens|scores|halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?)\b|\bno[\s-]+(?:injuries|deaths|casualties|fatalities|reports)\b|\bnobody\b|\bboth\b";

fn extract_window(source: &Source, window: Range<usize>, blocked: &Blocked, out: &mut Vec<Claim>) {
    let base = window.start;
    let text = &source.text[window];
    let lowered = text.to_ascii_lowercase();
    let tokens = token::tokens(text, &lowered);
    let reader = Reader {
        text,
        tokens: &tokens,
    };
    // Where the next figure opens, from each token: a reading starts at
    // most `LEAD` tokens before it, so tokens further off are not read.
    let mut opens_next = vec![usize::MAX; tokens.len() + 1];
    for k in (0..tokens.len()).rev() {
        opens_next[k] = if reader.opens_figure(k) {
            k
        } else {
            opens_next[k + 1]
        };
    }
    let mut i = 0;
    while i < tokens.len() {
        let from = match opens_next[i] {
            usize::MAX => tokens.len(),
            opens => opens.saturating_sub(reading::LEAD),
        };
        if from > i {
            #[cfg(debug_assertions)]
            for k in i..from {
                debug_assert!(
                    reader.read(k).is_none(),
                    "a reading too far from its figure"
                );
            }
            i = from;
            continue;
        }
        let Some(reading) = reader.read(i) else {
            i += 1;
            continue;
        };
        let local = tokens[reading.first].start..tokens[reading.end - 1].end;
        let range = base + local.start..base + local.end;
        if reading.end <= i || blocked.overlaps(&range) {
            i += 1;
            continue;
        }
        let mut value = reading.value;
        if one_more_person(&tokens, reading.first, reading.end) {
            value.number = 1.0;
        }
        if value.unit.is_none() && is_magnitude(&tokens, reading.first, reading.end) {
            value.unit = Some(MAGNITUDE.to_string());
        }
        // A measured figure ("a 42-year-old man", "18km") counts nothing.
        let noun = if value.unit.is_none() {
            counted_noun(&tokens, reading.end)
        } else {
            None
        };
        let (event, reach) = event_near(&tokens, reading.first, reading.end);
        value.counted = match (&noun, &event) {
            (Some(n), Some(e)) => Some(format!("{n} {e}")),
            (Some(n), None) => Some(n.clone()),
            (None, Some(e)) => Some(e.to_string()),
            (None, None) => None,
        };
        value.not_a_count = not_a_count(&tokens, reading.first, reading.end, &value);
        let event = event
            .or_else(|| toll_before(&tokens, reading.first))
            .or_else(|| predicate_of_subject(&tokens, reading.first, reading.end));
        // "No one knows": a zero counts only a harm ("no one was hurt");
        // "both sides" is no figure, "both were hurt" two people.
        let only_with_event = reader.no_one(i).is_some() || tokens[i].lower == "both";
        if event.is_none() && only_with_event {
            i = reading.end;
            continue;
        }
        value.noun = noun;
        value.event = event.map(str::to_string);
        value.clause = Some(base + reach.start..base + reach.end);
        value.previous = reader.is_previous(reading.first);
        out.push(Claim {
            kind: ClaimKind::Number,
            span: Span {
                source: source.id,
                range,
            },
            value: ClaimValue::Number(Box::new(value)),
            warning: None,
            fact: None,
            subject: None,
        });
        i = reading.end;
    }
}
