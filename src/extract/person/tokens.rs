//! The tokenizer the person finder reads: words joined across `-`, `'`,
//! `’` and `.`, an initial's or abbreviation's period kept, a
//! possessive ending set apart; and the scans that find tokens without
//! tokenizing a whole text.

use std::ops::Range;

use super::vocabulary::{
    ascii_lower, ABBREVIATED, FUNCTION_SET, FUNCTION_WORDS, HONORIFICS, LONGEST_LISTED,
};

#[derive(Clone, Debug)]
pub(super) struct Token<'a> {
    pub(super) range: Range<usize>,
    /// The word without a possessive ending.
    pub(super) word: &'a str,
    pub(super) possessive: bool,
}

impl Token<'_> {
    pub(super) fn lower(&self) -> String {
        self.word.trim_end_matches('.').to_lowercase()
    }

    pub(super) fn capitalised(&self) -> bool {
        self.word.chars().next().is_some_and(char::is_uppercase)
    }

    pub(super) fn function_word(&self) -> bool {
        let word = self.word.trim_end_matches('.');
        let mut buf = [0; LONGEST_LISTED];
        match ascii_lower(word, &mut buf) {
            Some(lower) => FUNCTION_SET.contains(lower),
            None if word.is_ascii() => false,
            None => self.is_one_of(FUNCTION_WORDS),
        }
    }

    /// True when the word, lower-cased and without a final period, is in
    /// `words` (lower-case). Without allocating for ASCII words, the
    /// common case: this runs for most words near an office word.
    pub(super) fn is_one_of(&self, words: &[&str]) -> bool {
        let word = self.word.trim_end_matches('.');
        if word.is_ascii() {
            // Lengths first: most words differ in length from most listed.
            words
                .iter()
                .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
        } else {
            words.contains(&word.to_lowercase().as_str())
        }
    }
}

/// The tokens of `text[range]`, which starts and ends between tokens.
pub(super) fn tokens_in(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut at = range.start;
    while at < range.end {
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if !is_alphanumeric(c) {
            at += c.len_utf8();
            continue;
        }
        let token = token_at(text, at);
        at = token.range.end;
        out.push(token);
    }
    out
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII
/// and for the no-break space and general punctuation (curly quotes,
/// dashes), which news is full of and which hold no letter or digit.
fn is_alphanumeric(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{a0}' | '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

pub(super) fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.')
}

/// The token that starts at `start`, an alphanumeric character at a token
/// start (see [`token_start`]).
pub(super) fn token_at(text: &str, start: usize) -> Token<'_> {
    let mut end = token_end(text, start);
    // A period closing an initial or an abbreviation belongs to it.
    let word = &text[start..end];
    // At most four characters (a byte count of 16 or more cannot be).
    let short = || {
        word.len() <= 16
            && word.chars().nth(4).is_none()
            && word.chars().next().is_some_and(char::is_uppercase)
    };
    if text[end..].starts_with('.') && short() {
        let lower = word.to_lowercase();
        let known = lower.chars().count() == 1
            || HONORIFICS.contains(&lower.as_str())
            || ABBREVIATED.iter().any(|(a, _)| *a == lower)
            || lower.contains('.');
        if known {
            end += 1;
        }
    }
    let full = &text[start..end];
    let (word, possessive) = match full.strip_suffix("’s").or_else(|| full.strip_suffix("'s")) {
        Some(base) if !base.is_empty() => (base, true),
        _ => (full, false),
    };
    Token {
        range: start..end,
        word,
        possessive,
    }
}

/// Where the token that starts at `start` ends: letters and digits, joined
/// across `-`, `'`, `’` and `.` when a letter or digit follows. Byte by
/// byte for ASCII, as news mostly is; other characters are decoded.
pub(super) fn token_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let char_at = |i: usize| text.get(i..).and_then(|rest| rest.chars().next());
    let alphanumeric_at = |i: usize| match bytes.get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at(i).is_some_and(is_alphanumeric),
        None => false,
    };
    // The first character is alphanumeric (the caller's promise).
    let mut at = start + char_at(start).map_or(0, char::len_utf8);
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let (c, len) = if b.is_ascii() {
            (b as char, 1)
        } else {
            match char_at(at) {
                Some(c) => (c, c.len_utf8()),
                None => return at,
            }
        };
        let joins = is_joiner(c) && alphanumeric_at(at + len);
        if !(is_alphanumeric(c) || joins) {
            return at;
        }
        at += len;
    }
    at
}

/// Where the token holding the alphanumeric character at `at` starts: the
/// tokenizer joins letters across `-`, `'`, `’` and `.` when a letter or
/// digit stands on both sides.
pub(super) fn token_start(text: &str, mut at: usize) -> usize {
    // Most tokens follow a space or an ASCII mark.
    if at > 0 {
        let b = text.as_bytes()[at - 1];
        if b.is_ascii() && !b.is_ascii_alphanumeric() && !matches!(b, b'-' | b'\'' | b'.') {
            return at;
        }
    }
    loop {
        let mut before = text[..at].chars().rev();
        match before.next() {
            Some(c) if is_alphanumeric(c) => at -= c.len_utf8(),
            Some(j) if is_joiner(j) => match before.next() {
                Some(c) if is_alphanumeric(c) => at -= j.len_utf8() + c.len_utf8(),
                _ => return at,
            },
            _ => return at,
        }
    }
}

/// True when only spaces (no line break) separate the two tokens.
pub(super) fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.range.end..b.range.start)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(is_space))
}

/// True when a comma (and spaces) separate the two tokens.
pub(super) fn comma_between(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.range.end..b.range.start)
        .is_some_and(|gap| gap.trim_matches(is_space) == ",")
}

/// Spaces only, no line break: what [`adjacent`] accepts between tokens.
fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

/// The token after `t` when only spaces stand between them.
pub(super) fn next_token<'t>(text: &'t str, t: &Token<'t>) -> Option<Token<'t>> {
    let rest = &text[t.range.end..];
    let next = rest.trim_start_matches(is_space);
    let gap = rest.len() - next.len();
    (gap > 0 && next.starts_with(char::is_alphanumeric)).then(|| token_at(text, t.range.end + gap))
}

/// The token before `t` when only spaces stand between them.
pub(super) fn previous_token<'t>(text: &'t str, t: &Token<'t>) -> Option<Token<'t>> {
    let before = &text[..t.range.start];
    let trimmed = before.trim_end_matches(is_space);
    let gap = before.len() - trimmed.len();
    let last = trimmed.chars().next_back()?;
    if gap == 0 || !(last.is_alphanumeric() || last == '.') {
        return None;
    }
    // A period ends a token only after an initial or an abbreviation.
    let probe = if last == '.' {
        trimmed.len() - 1
    } else {
        trimmed.len()
    };
    let before_probe = text[..probe].chars().next_back()?;
    if !before_probe.is_alphanumeric() {
        return None;
    }
    let p = token_at(text, token_start(text, probe - before_probe.len_utf8()));
    (p.range.end == trimmed.len()).then_some(p)
}

/// Where the next capital letter at or after `from` starts. Eight bytes
/// at a time: most bytes are neither an ASCII capital nor the lead byte
/// of another character, and a word of eight is checked for both at once.
pub(super) fn next_capital(text: &str, from: usize) -> Option<usize> {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let each = |b: u8| u64::from_ne_bytes([b; 8]);
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        if let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_ne_bytes(chunk.try_into().ok()?);
            // Bytes 0x41..=0x5A ('A'..='Z') among the seven-bit values;
            // the additions cannot carry out of a byte.
            let low = word & LOW7;
            let upper = (low + each(0x80 - b'A')) & !(low + each(0x80 - b'Z' - 1)) & HIGH;
            if upper | (word & HIGH) == 0 {
                at += 8;
                continue;
            }
        }
        // Something in these eight bytes (or the text's last few): look
        // byte by byte up to the end of them.
        let stop = (at + 8).min(bytes.len());
        while at < stop {
            let b = bytes[at];
            let capital = match b {
                0..=0x7f => b.is_ascii_uppercase(),
                // Continuation bytes; U+0080..U+00BF (the no-break space);
                // U+2000..U+207F (curly quotes, dashes): no capitals.
                0x80..=0xc2 => false,
                0xe2 if matches!(bytes.get(at + 1), Some(0x80 | 0x81)) => false,
                _ => text
                    .get(at..)
                    .is_some_and(|rest| rest.starts_with(char::is_uppercase)),
            };
            if capital {
                return Some(at);
            }
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
    }
}
