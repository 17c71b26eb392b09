//! The stretches of a text that are tokenised and read: a figure needs a
//! digit or a number word, so only the words around those are read.

use std::ops::Range;

/// How far before an anchor qualifiers and ranges may start ("an
/// estimated", "between ... and"), and how far after it units, counted
/// nouns and events may lie.
const WINDOW_BACK: usize = 160;
const WINDOW_ON: usize = 240;

/// Merged stretches of `text` around every anchor, cut at sentence ends
/// where there is one in reach, else at white space.
pub(super) fn windows(text: &str, anchors: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut covered = 0;
    for m in anchors {
        // A run of digits is found as one anchor, but each digit anchors
        // a window of its own where no window covers it yet (a run longer
        // than a window).
        let digits = text.as_bytes().get(m.start).is_some_and(u8::is_ascii_digit);
        let mut at = m.start.max(covered);
        while at < m.end && (at == m.start || digits) {
            let anchor_end = if digits { at + 1 } else { m.end };
            let start = window_start(text, at);
            let end = window_end(text, anchor_end);
            match out.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => out.push(start..end),
            }
            covered = end;
            at = (at + 1).max(covered);
        }
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn window_start(text: &str, at: usize) -> usize {
    let reach = floor_boundary(text, at.saturating_sub(WINDOW_BACK));
    let before = &text[reach..at];
    if let Some(i) = before.rfind(['\n', '\r']) {
        return reach + i + 1;
    }
    if let Some(i) = before.rfind(". ") {
        return reach + i + 2;
    }
    if reach == 0 {
        return 0;
    }
    // Start after a space, so no token is cut.
    before.find([' ', '\t']).map_or(at, |i| reach + i + 1)
}

fn window_end(text: &str, at: usize) -> usize {
    let mut reach = (at + WINDOW_ON).min(text.len());
    while !text.is_char_boundary(reach) {
        reach += 1;
    }
    let after = &text[at..reach];
    if let Some(i) = after.find(['\n', '\r']) {
        return at + i;
    }
    if reach == text.len() {
        return reach;
    }
    // End before a space, so no token is cut.
    after.rfind([' ', '\t']).map_or(reach, |i| at + i)
}
