//! Quotations: passages in quotation marks, with their speaker.
//!
//! Curly (“…”, also closed by ’’ as some desks type it), straight ("…")
//! and guillemet («…») quotes, within one line. A quote of fewer than
//! three words is a scare quote (the “terrorist” designation), not a
//! statement, and is left out.
//!
//! The speaker is found in the quote's sentence: "according to X", "X
//! said" (a person, a pronoun for the last person named, or a body such as
//! "the Valdorian Ministry of Foreign Affairs"), "said X". A quote that
//! opens its paragraph takes the speaker of the sentence before it when
//! that sentence ends with a colon or a comma ("According to an official
//! statement from Valdgrad," then the quote on its own line).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::person::{Mention, OFFICES};
use super::sentence::sentences;
use super::{Claim, ClaimKind, ClaimValue};
use crate::source::{gap, overlaps, Source, Span};
use crate::value::named::QuoteValue;

/// The longest quote read, in characters: a mark left open must not
/// swallow a whole article.
const LONGEST_QUOTE: usize = 2000;

/// Every quoted passage in `text`, in order and not overlapping: (the
/// passage with its marks, the words inside). The words run to the first
/// closing mark on the same line (a line ends at `\n` or `\r`).
/// Hand-written rather than a regex: a bounded repeat of 2,000 characters
/// makes a pattern slow to compile.
fn quoted_passages(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = next_open_mark(text, at) {
        let mark = text[open..].chars().next().map_or(1, char::len_utf8);
        let inner = open + mark;
        let close = match &text[open..inner] {
            "“" => closing(text, inner, &['”', '“', '\n', '\r'], |rest| {
                ["”", "’’"].into_iter().find(|c| rest.starts_with(c))
            }),
            "\"" => closing(text, inner, &['"', '\n', '\r'], |rest| {
                rest.starts_with('"').then_some("\"")
            }),
            _ => closing(text, inner, &['»', '\n', '\r'], |rest| {
                rest.starts_with('»').then_some("»")
            }),
        };
        match close {
            Some((words_end, end)) => {
                out.push((open..end, inner..words_end));
                at = end;
            }
            None => at = inner,
        }
    }
    out
}

/// Where the next `“`, `"` or `«` at or after `at` starts. By their first
/// bytes (`“` is E2 80 9C, `«` is C2 AB), found with SIMD; an E2 or C2
/// that starts another character (`’`, `—`, a no-break space) is passed.
fn next_open_mark(text: &str, mut at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    loop {
        let i = at + memchr::memchr3(b'"', 0xE2, 0xC2, bytes.get(at..)?)?;
        let rest = &bytes[i..];
        if rest.starts_with(b"\"")
            || rest.starts_with("“".as_bytes())
            || rest.starts_with("«".as_bytes())
        {
            return Some(i);
        }
        at = i + 1;
    }
}

/// Where the words that start at `from` end, and where the closing mark
/// ends: at least one character, none of `stops`, then a mark `closes`
/// accepts.
fn closing(
    text: &str,
    from: usize,
    stops: &[char],
    closes: impl Fn(&str) -> Option<&'static str>,
) -> Option<(usize, usize)> {
    let mut at = from;
    for (count, c) in text[from..].chars().enumerate() {
        if count == LONGEST_QUOTE || stops.contains(&c) {
            return None;
        }
        at += c.len_utf8();
        if let Some(mark) = closes(&text[at..]) {
            return Some((at, at + mark.len()));
        }
    }
    None
}

/// Speech verbs. ASCII words with ASCII case folding (`(?i-u)`): Unicode
/// folding would also match the Kelvin sign for `k` and the long `ſ` for
/// `s`, and costs several times as much to compile.
static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:said|says|told|tells|stated|added|adds|warned|warns|explained|remarked|noted|wrote|writes|declared|insisted|argued|called|described|hailed|announced|believes?|believed)\b",
    )
    .expect("the speech pattern is valid")
});

/// Participles that continue the sentence subject's speech ("X confirmed
/// the news, emphasising, “...”").
static PARTICIPLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:saying|adding|stating|noting|warning|calling|emphasi[sz]ing|stressing|insisting)\b")
        .expect("the participle pattern is valid")
});

/// The source's words run to the next comma, colon or quote mark, and at
/// most [`LONGEST_SOURCE`] characters (cut after matching: a bounded
/// repeat of a Unicode class is slow to compile).
static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)according\s+to\s+([^,;:“”\r\n]{2,})")
        .expect("the according-to pattern is valid")
});

const LONGEST_SOURCE: usize = 120;

/// Words that may sit between a speaker and the verb ("He further said").
const ADVERBS: &[&str] = &[
    "further", "also", "then", "later", "again", "once", "has", "had", "have",
];

/// Small words allowed inside a body's name ("Ministry of Foreign Affairs").
const NAME_JOINERS: &[&str] = &["of", "for", "and", "on", "the", "de"];

const PRONOUNS: &[&str] = &["he", "she"];

/// A quoted passage found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// The quote with its marks.
    pub range: Range<usize>,
    pub words: String,
    pub speaker: Option<String>,
}

/// The person mentions of a text (in text order), searched by position:
/// a long text holds thousands, and each quote looks only near itself.
#[derive(Clone, Copy)]
struct Mentions<'a> {
    all: &'a [Mention],
    /// The longest mention, in bytes: how far before a position a mention
    /// that reaches it can start.
    reach: usize,
}

impl<'a> Mentions<'a> {
    fn new(all: &'a [Mention]) -> Self {
        let reach = all.iter().map(|m| m.range.len()).max().unwrap_or(0);
        Mentions { all, reach }
    }

    /// Mentions that start in `from..to`, in text order.
    fn starting_in(&self, from: usize, to: usize) -> &'a [Mention] {
        let lo = self.all.partition_point(|m| m.range.start < from);
        let hi = self.all.partition_point(|m| m.range.start < to);
        &self.all[lo..hi.max(lo)]
    }

    /// The first mention that ends at `at`.
    fn ending_at(&self, at: usize) -> Option<&'a Mention> {
        self.starting_in(at.saturating_sub(self.reach), at)
            .iter()
            .find(|m| m.range.end == at)
    }

    /// The first mention that starts at `at`.
    fn starting_at(&self, at: usize) -> Option<&'a Mention> {
        self.starting_in(at, at + 1).first()
    }

    /// The last mention that ends by `at` and fits `wanted`.
    fn last_before(&self, at: usize, wanted: impl Fn(&Mention) -> bool) -> Option<&'a Mention> {
        self.starting_in(0, at)
            .iter()
            .rfind(|m| m.range.end <= at && wanted(m))
    }

    /// The first mention whose name lies inside `range`.
    fn naming_within(&self, range: &Range<usize>) -> Option<&'a Mention> {
        self.starting_in(range.start.saturating_sub(self.reach), range.end)
            .iter()
            .find(|m| m.name_range.start >= range.start && m.name_range.end <= range.end)
    }
}

/// The quote ranges that overlap `range`, from all of them in text order.
fn quotes_over<'q>(quotes: &'q [Range<usize>], range: &Range<usize>) -> &'q [Range<usize>] {
    let lo = quotes.partition_point(|q| q.end <= range.start);
    let hi = quotes.partition_point(|q| q.start < range.end);
    &quotes[lo..hi.max(lo)]
}

/// Every quotation in `text`, with the speaker when one is named.
pub fn quotations(text: &str, mentions: &[Mention]) -> Vec<Quotation> {
    let mentions = Mentions::new(mentions);
    let found = quoted_passages(text);
    if found.is_empty() {
        return Vec::new();
    }
    // Sentences only in the paragraphs that quote anyone.
    let mut paragraphs = Paragraphs::new(text);
    let inside: Vec<Range<usize>> = found.iter().map(|(w, _)| w.clone()).collect();
    let mut out: Vec<Quotation> = Vec::new();
    // The sentence of the last quote and its speaker: speech that goes on
    // in the next sentence is the same speaker's.
    let mut last: Option<(Range<usize>, Option<String>)> = None;
    for (whole, inner) in &found {
        // A closing comma or period belongs to the sentence, not the words.
        let words = text[inner.clone()].trim().trim_end_matches([',', '.']);
        if words.split_whitespace().count() < 3 {
            continue;
        }
        let Some((sentence, previous)) = paragraphs.sentence_at(whole.start) else {
            continue;
        };
        let mut speaker = speaker_in(text, sentence.clone(), whole, &inside, mentions);
        if let (None, Some(previous)) = (&speaker, previous) {
            let opens = text[sentence.start..whole.start].trim().is_empty();
            let leads_in = text[previous.clone()].trim_end().ends_with([':', ',']);
            if opens && leads_in {
                speaker = speaker_in(text, previous.clone(), whole, &inside, mentions);
            }
            if let (true, None, Some((at, said))) = (opens, &speaker, &last) {
                if *at == previous {
                    speaker = said.clone();
                }
            }
        }
        last = Some((sentence, speaker.clone()));
        out.push(Quotation {
            range: whole.clone(),
            words: words.to_string(),
            speaker,
        });
    }
    out
}

/// The sentences of a text, split a paragraph at a time as quotes ask for
/// them: most paragraphs quote no one.
///
/// A paragraph ends after the first of two line breaks in a row. A
/// sentence always ends there, and [`sentences`] decides each end from
/// the text up to the next one, so splitting each paragraph on its own
/// finds the sentences splitting the whole text finds.
struct Paragraphs<'t> {
    text: &'t str,
    /// The last two paragraphs split, and their sentences: a quote's
    /// paragraph and the one before it.
    split: [Option<Split>; 2],
}

/// A paragraph and its sentences.
type Split = (Range<usize>, Vec<Range<usize>>);

impl<'t> Paragraphs<'t> {
    fn new(text: &'t str) -> Self {
        Paragraphs {
            text,
            split: [None, None],
        }
    }

    /// The paragraph that holds byte `at`.
    fn paragraph_at(&self, at: usize) -> Range<usize> {
        let mut known = self.split.iter().flatten().map(|(p, _)| p);
        if let Some(p) = known.find(|p| p.contains(&at)) {
            return p.clone();
        }
        let bytes = self.text.as_bytes();
        let before = &bytes[..(at + 1).min(bytes.len())];
        let start = memchr::memmem::rfind(before, b"\n\n").map_or(0, |k| k + 1);
        let end = memchr::memmem::find(&bytes[at.min(bytes.len())..], b"\n\n")
            .map_or(bytes.len(), |k| at + k + 1);
        start..end
    }

    fn sentences_of(&mut self, paragraph: Range<usize>) -> &[Range<usize>] {
        let known = |slot: &Option<Split>| slot.as_ref().is_some_and(|(p, _)| *p == paragraph);
        let slot = match self.split.iter().position(known) {
            Some(slot) => slot,
            None => {
                let found = sentences(&self.text[paragraph.clone()])
                    .into_iter()
                    .map(|s| paragraph.start + s.start..paragraph.start + s.end)
                    .collect();
                // The older of the two makes way.
                self.split.swap(0, 1);
                self.split[1] = Some((paragraph, found));
                1
            }
        };
        self.split[slot].as_ref().map_or(&[], |(_, found)| found)
    }

    /// The sentence that holds byte `at`, and the sentence before it.
    fn sentence_at(&mut self, at: usize) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let paragraph = self.paragraph_at(at);
        let start = paragraph.start;
        let found = self.sentences_of(paragraph);
        let index = found.partition_point(|s| s.end <= at);
        let sentence = found.get(index).filter(|s| s.start <= at)?.clone();
        if index > 0 {
            return Some((sentence, Some(found[index - 1].clone())));
        }
        // The first of its paragraph: the last sentence of the paragraphs
        // before, if any holds one.
        let mut end = start;
        while end > 0 {
            let before = self.paragraph_at(end - 1);
            end = before.start;
            if let Some(last) = self.sentences_of(before).last() {
                return Some((sentence, Some(last.clone())));
            }
        }
        Some((sentence, None))
    }
}

/// The speaker named in `sentence` for the quote at `quote`.
fn speaker_in(
    text: &str,
    sentence: Range<usize>,
    quote: &Range<usize>,
    quotes: &[Range<usize>],
    mentions: Mentions,
) -> Option<String> {
    let body = &text[sentence.clone()];
    // Only the quotes in this sentence can hide a verb or bound a speaker.
    let quotes = quotes_over(quotes, &sentence);
    if let Some(c) = ACCORDING.captures(body) {
        let m = c.get(1)?;
        let len = m
            .as_str()
            .char_indices()
            .nth(LONGEST_SOURCE)
            .map_or(m.len(), |(i, _)| i);
        let at = sentence.start + m.start()..sentence.start + m.start() + len;
        if !quotes.iter().any(|q| overlaps(q, &at)) {
            return Some(person_or_body(text, at, mentions));
        }
    }
    let mut verbs: Vec<Range<usize>> = SPEECH
        .find_iter(body)
        .map(|m| sentence.start + m.start()..sentence.start + m.end())
        .filter(|v| !quotes.iter().any(|q| overlaps(q, v)))
        // "the United States" is not a verb.
        .filter(|v| !text[v.clone()].starts_with(char::is_uppercase))
        .collect();
    verbs.sort_by_key(|v| gap(quote, v));
    for verb in verbs {
        if let Some(s) = speaker_after(text, &verb, mentions) {
            return Some(s);
        }
        // The speaker sits between the last quote or comma and the verb.
        let floor = quotes
            .iter()
            .filter(|q| q.end <= verb.start)
            .map(|q| q.end)
            .chain(
                text[sentence.start..verb.start]
                    .rfind([',', ';', ':'])
                    .map(|i| sentence.start + i + 1),
            )
            .max()
            .unwrap_or(sentence.start)
            .max(sentence.start);
        if let Some(s) = speaker_before(text, floor..verb.start, mentions) {
            return Some(s);
        }
        // "Zamir Tiranov, Valdoria's Special Envoy to Ostria, remarked",
        // "Anna Caballero, who wrote the bill, said": the speaker's mention
        // closes at one of the last two commas before the verb.
        let lead = text[sentence.start..verb.start].trim_end();
        if lead.ends_with(',') {
            let commas = lead
                .rmatch_indices(',')
                .take(2)
                .map(|(i, _)| sentence.start + i);
            for at in commas {
                if let Some(m) = mentions.ending_at(at) {
                    return Some(m.name.clone());
                }
            }
        }
    }
    let participle = PARTICIPLES
        .find_iter(body)
        .map(|m| sentence.start + m.start())
        .find(|&at| at < quote.start)?;
    mentions
        .starting_in(sentence.start, participle)
        .iter()
        .find(|m| m.range.end <= participle)
        .map(|m| m.name.clone())
}

/// "said Tatiana Stanovaya": a person named right after the verb.
fn speaker_after(text: &str, verb: &Range<usize>, mentions: Mentions) -> Option<String> {
    let rest = &text[verb.end..];
    let skip = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let at = verb.end + skip;
    mentions.starting_at(at).map(|m| m.name.clone())
}

/// The speaker in `range`, which ends at the speech verb.
fn speaker_before(text: &str, range: Range<usize>, mentions: Mentions) -> Option<String> {
    let mut words: Vec<(Range<usize>, &str)> = Vec::new();
    let mut offset = range.start;
    for w in text[range.clone()].split_inclusive([' ', '\u{a0}']) {
        let trimmed = w.trim_end_matches([' ', '\u{a0}']);
        if !trimmed.is_empty() {
            words.push((offset..offset + trimmed.len(), trimmed));
        }
        offset += w.len();
    }
    while words
        .last()
        .is_some_and(|(_, w)| ADVERBS.contains(&w.to_lowercase().as_str()) || w.ends_with("ly"))
    {
        words.pop();
    }
    let (last_range, last) = words.last()?.clone();
    if let Some(m) = mentions.ending_at(last_range.end) {
        return Some(m.name.clone());
    }
    // "the president said": the last person named with that office.
    let office = last.to_lowercase();
    let after_article =
        words.len() >= 2 && matches!(words[words.len() - 2].1.to_lowercase().as_str(), "the");
    if after_article && OFFICES.contains(&office.as_str()) {
        if let Some(m) = mentions.last_before(last_range.start, |m| {
            m.office.as_ref().is_some_and(|o| o.last() == Some(&office))
        }) {
            return Some(m.name.clone());
        }
    }
    if words.len() == 1 && PRONOUNS.contains(&last.to_lowercase().as_str()) {
        return mentions
            .last_before(last_range.start, |_| true)
            .map(|m| m.name.clone());
    }
    // A body: capitalised words and the small words between them.
    let mut first = words.len();
    while first > 0 {
        let w = words[first - 1].1;
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if capital || NAME_JOINERS.contains(&w.to_lowercase().as_str()) {
            first -= 1;
        } else {
            break;
        }
    }
    let phrase: Vec<&str> = words[first..].iter().map(|(_, w)| *w).collect();
    let start = words.get(first).map(|(r, _)| r.start)?;
    let has_capital = phrase.iter().any(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && !w.eq_ignore_ascii_case("the")
    });
    has_capital.then(|| person_or_body(text, start..last_range.end, mentions))
}

/// The speaker a phrase names: a person's full name when it is a person
/// mention, else the phrase without its article.
fn person_or_body(text: &str, range: Range<usize>, mentions: Mentions) -> String {
    if let Some(m) = mentions.naming_within(&range) {
        let rest = text[range.clone()].trim();
        if rest.ends_with(&text[m.name_range.clone()]) || text[m.range.clone()].contains(rest) {
            return m.name.clone();
        }
    }
    normalise_speaker(&text[range])
}

/// "the Valdorian Ministry of Foreign Affairs" -> "Valdorian Ministry of
/// Foreign Affairs": articles, possessives and spacing do not change who
/// spoke.
pub fn normalise_speaker(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    // Lower-case words before the name describe it ("the state Department
    // of Water Resources"); a preposition among them means the phrase is
    // not a name ("an official statement from Valdgrad").
    let first_capital = words.iter().position(capital);
    let describes = first_capital.is_some_and(|k| {
        k > 0
            && words[..k].iter().all(|w| {
                !capital(w)
                    && !matches!(
                        w.to_lowercase().as_str(),
                        "from" | "of" | "for" | "by" | "at" | "to" | "in" | "with" | "on"
                    )
            })
    });
    let skip = if describes {
        first_capital.unwrap_or(0)
    } else {
        usize::from(
            words
                .first()
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an")),
        )
    };
    let mut out = words[skip..].join(" ");
    for suffix in ["’s", "'s"] {
        if let Some(base) = out.strip_suffix(suffix) {
            out = base.to_string();
        }
    }
    out.trim_end_matches([',', '.', ':']).to_string()
}

/// Quote claims, about their speaker.
pub fn extract(source: &Source, mentions: &[Mention], out: &mut Vec<Claim>) {
    for q in quotations(&source.text, mentions) {
        out.push(Claim {
            kind: ClaimKind::Quote,
            span: Span {
                source: source.id,
                range: q.range,
            },
            value: ClaimValue::Quote(QuoteValue {
                words: q.words,
                speaker: q.speaker.clone(),
            }),
            warning: None,
            fact: None,
            subject: q.speaker,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::person::mentions;

    proptest::proptest! {
        /// Sentences found a paragraph at a time are the sentences of the
        /// whole text, each with the one before it.
        #[test]
        fn paragraph_sentences_are_the_texts(text in "[aB. \n!“”\u{a0}]{0,40}") {
            let all = sentences(&text);
            let mut paragraphs = Paragraphs::new(&text);
            for (at, _) in text.char_indices() {
                let index = all.partition_point(|s| s.end <= at);
                let expected = all
                    .get(index)
                    .filter(|s| s.start <= at)
                    .map(|s| (s.clone(), index.checked_sub(1).map(|k| all[k].clone())));
                proptest::prop_assert_eq!(paragraphs.sentence_at(at), expected);
            }
        }

        /// The byte search finds the marks a search by characters finds.
        #[test]
        fn open_marks_are_found_as_characters_are(text in "[a“”\"«»’—\u{a0}]{0,20}") {
            let mut by_bytes = Vec::new();
            let mut at = 0;
            while let Some(i) = next_open_mark(&text, at) {
                by_bytes.push(i);
                at = i + 1;
            }
            let by_chars: Vec<usize> = text.match_indices(['“', '"', '«']).map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(by_bytes, by_chars);
        }

        /// The hand-written scanner finds what the plain pattern would
        /// (the pattern is too slow to compile to ship).
        #[test]
        fn passages_match_the_pattern(text in "[ab“”’\"«»\n\r]{0,40}") {
            static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r#"“([^”“\r\n]{1,2000}?)(?:”|’’)|"([^"\r\n]{1,2000})"|«([^»\r\n]{1,2000})»"#)
                    .unwrap()
            });
            let expected: Vec<_> = PATTERN
                .captures_iter(&text)
                .map(|c| {
                    let inner = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)).unwrap();
                    (c.get(0).unwrap().range(), inner.range())
                })
                .collect();
            proptest::prop_assert_eq!(quoted_passages(&text), expected);
        }
    }

    #[test]
    fn a_quote_longer_than_the_limit_is_left_out() {
        let long = format!("“{}” and “short words here”", "word ".repeat(500));
        let found = quoted_passages(&long);
        assert_eq!(found.len(), 1);
        assert_eq!(&long[found[0].1.clone()], "short words here");
    }

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        quotations(
            text,
            &mentions(text, &crate::extract::Anchors::find(text).people),
        )
        .into_iter()
        .map(|q| (q.words, q.speaker))
        .collect()
    }

    #[test]
    fn a_body_before_said_and_a_closing_double_apostrophe() {
        let q = quotes("In a statement , the Valdorian Ministry of Foreign Affairs said it would “fight terrorist threats and drug crime’’.");
        assert_eq!(
            q,
            vec![(
                "fight terrorist threats and drug crime".into(),
                Some("Valdorian Ministry of Foreign Affairs".into())
            )]
        );
    }

    #[test]
    fn according_to_names_the_speaker() {
        let q = quotes("According to the Foreign Office, the plan will “give impetus to trade.”");
        assert_eq!(q[0].1.as_deref(), Some("Foreign Office"));
    }

    #[test]
    fn a_back_reference_speaks_for_the_full_name() {
        let text = "Foreign Minister Jane Doe arrived. “We are ready to talk,” Mr Doe told reporters. He further said:\n\n“This is a new chapter for us.”";
        let q = quotes(text);
        assert_eq!(q[0].1.as_deref(), Some("Jane Doe"));
        assert_eq!(q[1].1.as_deref(), Some("Jane Doe"), "{q:?}");
    }

    #[test]
    fn a_lead_in_ending_with_a_comma_carries_over() {
        let q = quotes(
            "According to an official statement from Paris,\n\n\"We will open an embassy soon.\"",
        );
        assert_eq!(q[0].1.as_deref(), Some("official statement from Paris"));
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "“",
            "”",
            "“a b c’’",
            "\"unclosed quote here and more",
            "said “one two three” said",
            "According to “x y z”, he said “a b c”",
            "He said:\n\n“one two three”",
            "“é ü ö” 😀 “😀 😀 😀”",
            ", said “a b c”",
        ] {
            let _ = quotations(
                text,
                &mentions(text, &crate::extract::Anchors::find(text).people),
            );
        }
    }

    #[test]
    fn scare_quotes_are_not_statements() {
        assert!(quotes("The court lifted the “terrorist” designation.").is_empty());
    }

    #[test]
    fn the_office_names_the_last_person_holding_it() {
        let text = "President Jane Doe met Mayor Tom Roe. The president said the plan was “a signal of our commitment to the region.”";
        assert_eq!(quotes(text)[0].1.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn a_relative_clause_between_speaker_and_verb() {
        let text = "State Sen. Anna Caballero, who wrote the bill, said it would “protect farms and cities alike.”";
        assert_eq!(quotes(text)[0].1.as_deref(), Some("Anna Caballero"));
    }

    #[test]
    fn describing_words_before_a_body_are_not_its_name() {
        assert_eq!(
            normalise_speaker("the state Department of Water Resources"),
            "Department of Water Resources"
        );
        assert_eq!(
            normalise_speaker("an official statement from Valdgrad"),
            "official statement from Valdgrad"
        );
        assert_eq!(
            normalise_speaker("Valdoria’s Foreign Ministry"),
            "Valdoria’s Foreign Ministry"
        );
    }

    #[test]
    fn said_before_the_name() {
        let q = quotes(
            "“It is about leverage over the region,” said Tatiana Stanovaya, a political analyst.",
        );
        assert_eq!(q[0].1.as_deref(), Some("Tatiana Stanovaya"));
    }
}
