//! Sentences and clauses: the scopes rules look in.
//!
//! A line break ends a sentence (headlines, datelines and paragraphs are
//! lines), except a single break followed by a lower-case letter, which is
//! hard-wrapped text; lines end at `\n`, `\r\n` or a lone `\r`. Terminal
//! punctuation followed by a capital ends one too, unless it closes an
//! abbreviation ("Mr.", "U.S.", "Jan.") or an initial ("Marta E. Lindqvist").

use std::ops::Range;

use crate::source::ends_line;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col",
    "capt", "sgt", "maj", "cmdr", "adm", "rev", "hon", "pres", "no", "nos", "vs", "etc", "inc",
    "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "u.s",
    "u.k", "u.n", "e.u", "a.m", "p.m", "approx", "est", "dept", "univ", "ave", "fig", "vol", "op",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut ends = PossibleEnds::new(text.as_bytes());
    split(text, |i| ends.from(i))
}

/// Where a sentence can end: the next mark (`.`, `!`, `?`) and the next
/// line end (`\n`, `\r`), each found by memchr and kept until the scan
/// passes it. Looked for a byte at a time, the five took 7% of a 10 MB
/// extract's time; found so, the whole split takes 2%.
struct PossibleEnds<'a> {
    bytes: &'a [u8],
    /// The next mark and the next line end found, `usize::MAX` for none
    /// left; `None` until first looked for.
    mark: Option<usize>,
    line: Option<usize>,
}

impl<'a> PossibleEnds<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        PossibleEnds {
            bytes,
            mark: None,
            line: None,
        }
    }

    /// The first byte at or after `i` (which only grows) that can end a
    /// sentence.
    fn from(&mut self, i: usize) -> Option<usize> {
        let rest = self.bytes.get(i..)?;
        let at = |found: Option<usize>| found.map_or(usize::MAX, |k| i + k);
        // A place found before `i` is passed: look again from `i`.
        let passed = |next: Option<usize>| next.is_none_or(|next| next < i);
        if passed(self.mark) {
            self.mark = Some(at(memchr::memchr3(b'.', b'!', b'?', rest)));
        }
        if passed(self.line) {
            self.line = Some(at(memchr::memchr2(b'\n', b'\r', rest)));
        }
        let end = self.mark?.min(self.line?);
        (end != usize::MAX).then_some(end)
    }
}

/// The sentences of `text`, `next_end(i)` giving the first byte at or
/// after `i` that can end one.
fn split(text: &str, mut next_end: impl FnMut(usize) -> Option<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match next_end(i) {
            Some(end) => i = end,
            None => break,
        }
        let b = bytes[i];
        let line_end = ends_line(bytes, i);
        let end_here = match b {
            // A line end: '\n', or a lone '\r' (the '\r' of "\r\n" is not one).
            b'\n' | b'\r' if line_end => {
                let next = next_non_space(text, i + 1);
                let blank_line = text[i + 1..next.min(text.len())].contains(['\n', '\r']);
                let continues = !blank_line
                    && text[next..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase());
                !continues
            }
            b'.' | b'!' | b'?' => ends_sentence(text, i),
            _ => false,
        };
        if end_here {
            let end = if line_end {
                i
            } else {
                after_closers(text, i + 1)
            };
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

fn next_non_space(text: &str, from: usize) -> usize {
    text[from..]
        .char_indices()
        .find(|&(_, c)| !is_space(c))
        .map_or(text.len(), |(j, _)| from + j)
}

/// Index just past closing quotes and brackets after terminal punctuation.
fn after_closers(text: &str, from: usize) -> usize {
    let mut end = from;
    for c in text[from..].chars() {
        if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn ends_sentence(text: &str, i: usize) -> bool {
    let after = after_closers(text, i + 1);
    let next = next_non_space(text, after);
    if next == after && after < text.len() {
        // "U.S.-led", "3.5", "example.com": no space, no boundary.
        return false;
    }
    let Some(next_char) = text[next..].chars().next() else {
        return true;
    };
    let starts_new = next_char.is_uppercase()
        || next_char.is_ascii_digit()
        || matches!(
            next_char,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–' | '-'
        );
    if !starts_new {
        return false;
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    // The word before the period.
    let word_start = text[..i]
        .rfind(|c: char| is_space(c) || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |j| {
            j + text[j..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &text[word_start..i];
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false; // an initial
    }
    !ABBREVIATIONS
        .iter()
        .any(|a| a.len() == word.len() && a.eq_ignore_ascii_case(word))
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Words that open a new clause after a comma.
const CLAUSE_OPENERS: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "whereas",
    "although",
    "though",
    "despite",
    "because",
    "but",
    "and",
    "or",
    "as",
    "after",
    "before",
    "since",
    "until",
    "unless",
    "if",
    "so",
    "yet",
    "whether",
    "although",
    "according",
    "nor",
];

/// Byte ranges (absolute) of the clauses of the sentence at `sentence`.
///
/// Boundaries: `;`, dashes between spaces, and a comma followed by a word
/// that opens a clause ("which", "despite", "and") or by a participle
/// ("paving", "marking", "signaling"). A comma inside a date ("July 4,
/// 2025") or after an opening phrase ("On July 3, Norland ...") is not one.
pub fn clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[sentence.clone()];
    let mut cuts = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            ';' => cuts.push(i),
            '—' | '–' => cuts.push(i),
            '-' if s[..i].ends_with(' ') && s[i + 1..].starts_with(' ') => cuts.push(i),
            ',' => {
                let rest = s[i + 1..].trim_start_matches(is_space);
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<String>()
                    .to_lowercase();
                let participle = word.len() > 5 && word.ends_with("ing");
                if CLAUSE_OPENERS.contains(&word.as_str()) || participle {
                    cuts.push(i);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts {
        out.push(sentence.start + start..sentence.start + cut);
        start = cut;
    }
    out.push(sentence.start + start..sentence.end);
    out
}

/// How far an excerpt reaches beyond its claim, at most, in bytes.
const EXCERPT_REACH: usize = 240;

/// The sentence around `range` in `text`, as an excerpt quotes it: within
/// [`EXCERPT_REACH`] either side and on character boundaries.
pub fn around(text: &str, range: &Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(range.start);
    let end = floor(range.end.max(start));
    let reach_back = floor(start.saturating_sub(EXCERPT_REACH));
    let before = &text[reach_back..start];
    // Lines end at '\n' and at '\r' ("\r\n", or a lone '\r' of an old Mac file).
    let from = ["\n", "\r", ". ", "? ", "! ", ".\u{201d} "]
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| reach_back + i + b.len()))
        .max()
        .unwrap_or(if reach_back == 0 { 0 } else { start });
    let reach_on = floor(end + EXCERPT_REACH);
    let after = &text[end..reach_on];
    let to = ["\n", "\r", ". ", "? ", "! "]
        .iter()
        .filter_map(|b| after.find(b).map(|i| end + i + b.len().min(1)))
        .min()
        .unwrap_or(if reach_on == text.len() {
            reach_on
        } else {
            end
        });
    let from = floor(from);
    let to = floor(to.max(end));
    // Leading and trailing space is noise in an excerpt.
    let inner = &text[from..to];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    (from + lead).min(start)..(to - trail).max(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The memchr search for where sentences can end finds what a
        /// look at every byte finds.
        #[test]
        fn possible_ends_are_every_mark_and_line_end(
            text in "[a.!?\n\r A”é]{0,80}",
        ) {
            let bytes = text.as_bytes();
            let every_byte = split(&text, |i| {
                (i..bytes.len()).find(|&k| matches!(bytes[k], b'\n' | b'\r' | b'.' | b'!' | b'?'))
            });
            proptest::prop_assert_eq!(sentences(&text), every_byte);
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn periods_lines_and_abbreviations() {
        let text = "Mr. Orlik spoke. The U.S. Ambassador left.\nHeadline without period\nOn July 3, it happened.";
        assert_eq!(
            texts(text),
            [
                "Mr. Orlik spoke.",
                "The U.S. Ambassador left.",
                "Headline without period",
                "On July 3, it happened."
            ]
        );
    }

    #[test]
    fn initials_and_quotes() {
        let text =
            "According to Marta E. Lindqvist, it worked. “It is,” he said. “Yes.” Then more.";
        assert_eq!(
            texts(text),
            [
                "According to Marta E. Lindqvist, it worked.",
                "“It is,” he said.",
                "“Yes.”",
                "Then more."
            ]
        );
    }

    #[test]
    fn every_kind_of_line_end_ends_a_sentence() {
        for end in ["\n", "\r\n", "\r"] {
            let text =
                format!("Headline{end}On July 3, it happened{end}{end}more text{end}wrapped");
            assert_eq!(
                texts(&text),
                [
                    "Headline",
                    "On July 3, it happened",
                    &format!("more text{end}wrapped")
                ],
                "{end:?}"
            );
        }
    }

    #[test]
    fn wrapped_lines_continue_and_nbsp_is_space() {
        let text = "It was a long\nsentence. \u{a0}On July 3, more.";
        assert_eq!(
            texts(text),
            ["It was a long\nsentence.", "On July 3, more."]
        );
    }

    #[test]
    fn clauses_split_at_openers_not_at_dates() {
        let text = "Norland’s engagement, deepening since 2019, culminated in recognition on July 4, 2025, marking a pivot.";
        let all = sentences(text);
        let parts: Vec<&str> = clauses(text, all[0].clone())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            parts,
            [
                "Norland’s engagement",
                ", deepening since 2019, culminated in recognition on July 4, 2025",
                ", marking a pivot."
            ]
        );
        let text = "On July 3, Norland recognised it, becoming the first.";
        let parts: Vec<&str> = clauses(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            parts,
            ["On July 3, Norland recognised it", ", becoming the first."]
        );
    }

    #[test]
    fn the_excerpt_is_the_claims_sentence() {
        let text = "First one. On July 3, it happened. Then more.\nNext line.";
        let at = text.find("July 3").unwrap();
        let r = around(text, &(at..at + 6));
        assert_eq!(&text[r], "On July 3, it happened.");
    }

    #[test]
    fn excerpts_stay_on_char_boundaries_near_the_edges() {
        let text = "’’’ July 3 ’’’";
        let at = text.find("July").unwrap();
        for range in [0..0, at..at + 6, text.len()..text.len(), 1..2] {
            let r = around(text, &range);
            assert!(text.get(r).is_some());
        }
    }
}
