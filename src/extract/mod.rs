//! Claims: the checkable statements in a source, each with its exact byte
//! span and a typed value. One module per claim kind; each looks only near
//! what can start its kind of claim (a date form, a digit or number word,
//! an office word or honorific, a quote mark) and reads only there.

pub mod date;
pub mod number;
pub mod person;
pub(crate) mod pieces;
pub mod quote;
pub mod sentence;

use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;

use serde::Serialize;

use crate::source::{Source, Span};
use crate::value::named::{PersonValue, QuoteValue, StateValue, TitleValue};
use crate::value::{DateValue, NumberValue};

/// What a claim is about.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Date,
    Number,
    /// A person named in a source; compared through titles and quotes.
    Person,
    /// A person's title or office ("acting foreign minister").
    Title,
    /// A quoted passage with its speaker.
    Quote,
    /// A yes/no fact whose values the rule names.
    State,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Date => "date",
            ClaimKind::Number => "number",
            ClaimKind::Person => "person",
            ClaimKind::Title => "title",
            ClaimKind::Quote => "quote",
            ClaimKind::State => "state",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ClaimValue {
    Date(DateValue),
    // Boxed: a number is the largest value by far, and inline it made
    // every claim, of any kind, 272 bytes.
    Number(Box<NumberValue>),
    Person(PersonValue),
    Title(TitleValue),
    Quote(QuoteValue),
    State(StateValue),
}

impl ClaimValue {
    /// The value as written, in the notation of its kind.
    pub fn notation(&self) -> String {
        match self {
            ClaimValue::Date(d) => d.timex.clone(),
            ClaimValue::Number(n) => n.notation(),
            ClaimValue::Person(p) => p.name.clone(),
            ClaimValue::Title(t) => t.notation(),
            ClaimValue::Quote(q) => q.words.clone(),
            ClaimValue::State(s) => s.state.clone(),
        }
    }

    /// The value with unknown fields filled from the document date.
    pub fn resolved(&self) -> Option<String> {
        match self {
            ClaimValue::Date(d) => d.resolved.clone(),
            _ => None,
        }
    }

    /// How the value was resolved, when that took reasoning.
    pub fn resolution(&self) -> Option<&str> {
        match self {
            ClaimValue::Date(d) => d.resolution.as_deref(),
            _ => None,
        }
    }
}

/// One checkable statement in a source.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    pub span: Span,
    pub value: ClaimValue,
    /// Something wrong with the claim on its own (an impossible date).
    pub warning: Option<String>,
    /// The rule id that took this claim, once rules have run.
    pub fact: Option<String>,
    /// The person or body the claim is about, once rules have run.
    pub subject: Option<String>,
}

impl Claim {
    pub fn text<'a>(&self, source: &'a Source) -> &'a str {
        debug_assert!(
            source.holds_text(),
            "{}: a claim's words asked for after the text was dropped",
            source.name
        );
        source.text.get(self.span.range.clone()).unwrap_or("")
    }
}

/// Where a figure or a titled mention can be: runs of digits and number
/// words ([`number::ANCHOR_PATTERN`]), office words and honorifics
/// ([`person::anchor_pattern`]), each list in text order.
#[derive(Clone, Debug, Default)]
pub struct Anchors {
    pub numbers: Vec<Range<usize>>,
    pub people: Vec<Range<usize>>,
}

/// Both anchor lists as one automaton: a scan costs about the same for
/// one list of words as for two, and it is most of what finding them
/// costs. Built without a literal prefilter: for a long list of
/// case-insensitive words the prefilter takes a millisecond to build and
/// saves nothing, since the automaton alone scans at hundreds of MB/s.
/// ASCII case folding; Unicode only inside `(?u:...)`.
static ANCHORS: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    use regex_automata::{meta, util::syntax};
    meta::Regex::builder()
        .syntax(syntax::Config::new().unicode(false).case_insensitive(true))
        .configure(meta::Config::new().auto_prefilter(false))
        .build_many(&[number::ANCHOR_PATTERN, &person::anchor_pattern()])
        .expect("the anchor patterns are valid")
});

impl Anchors {
    /// Every anchor in `text`. No word is in both lists, so one
    /// leftmost-first scan finds what a scan for each list would.
    pub fn find(text: &str) -> Anchors {
        Anchors::find_in_pieces(text, pieces::PIECE_BYTES)
    }

    /// [`Anchors::find`], a long text cut in pieces of about `piece_bytes`
    /// scanned in parallel: each cut is just after a `.`, which no anchor
    /// holds (digits, fractions, letters, spaces and hyphens are all they
    /// are made of; `anchor_words_are_letters` holds the word lists to
    /// it). So every anchor of one scan lies within one piece, and the
    /// scan of a piece, which sees the text either side of it for its
    /// word boundaries, finds exactly those.
    fn find_in_pieces(text: &str, piece_bytes: usize) -> Anchors {
        let cuts = pieces::cuts_after(text, b'.', piece_bytes);
        let scan = |piece: &[usize]| {
            let mut anchors = Anchors::default();
            let input = regex_automata::Input::new(text).span(piece[0]..piece[1]);
            for m in ANCHORS.find_iter(input) {
                match m.pattern().as_usize() {
                    0 => anchors.numbers.push(m.range()),
                    _ => anchors.people.push(m.range()),
                }
            }
            anchors
        };
        if cuts.len() == 2 {
            return scan(&cuts);
        }
        let found: Vec<Anchors> = cuts.par_windows(2).map(scan).collect();
        let mut anchors = Anchors {
            numbers: Vec::with_capacity(found.iter().map(|a| a.numbers.len()).sum()),
            people: Vec::with_capacity(found.iter().map(|a| a.people.len()).sum()),
        };
        for piece in found {
            anchors.numbers.extend(piece.numbers);
            anchors.people.extend(piece.people);
        }
        anchors
    }
}

/// Every claim in a source, in text order.
pub fn extract(source: &Source) -> Vec<Claim> {
    let mut claims = Vec::new();
    date::extract(source, &mut claims);
    // The number reader needs only where the dates are, not a copy of them.
    let date_spans = claims.iter().map(|c| c.span.range.clone()).collect();
    let anchors = Anchors::find(&source.text);
    number::extract(source, date_spans, &anchors.numbers, &mut claims);
    let people = person::mentions(&source.text, &anchors.people);
    person::extract(source, &people, &mut claims);
    quote::extract(source, &people, &mut claims);
    // Markdown front matter, code and link targets hold no story claims.
    claims.retain(|c| !source.is_masked(&c.span.range));
    // By key and index, then moved once each: a claim is a few hundred
    // bytes, and a sort that moves claims moves them many times.
    claims.sort_by_cached_key(|c| (c.span.range.start, c.span.range.end, c.kind));
    claims
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cutting after a `.` is safe only while no anchor can hold one: the
    /// person list's words go into the pattern as written, where a `.`
    /// would match any byte.
    #[test]
    fn anchor_words_are_letters() {
        let pattern = person::anchor_pattern();
        let words = pattern
            .strip_prefix(r"\b(?:")
            .and_then(|p| p.strip_suffix(r")\b"))
            .expect("the pattern is a list of words");
        for word in words.split('|') {
            assert!(
                !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()),
                "{word:?}"
            );
        }
        assert!(!number::ANCHOR_PATTERN.contains('.'));
    }

    proptest::proptest! {
        /// Anchors found in pieces, down to a byte, are those one scan finds.
        #[test]
        fn anchors_in_pieces_are_those_of_one_scan(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "12", "3.5", "½", "no", "-", "injuries", "Mr", "Mr.", "minister",
                    "dozens", ".", "..", "\n", " ", "one", "both", "Dr.", "12.",
                    "nobody.", "é", "a.m.",
                ]),
                0..60,
            ),
            join in proptest::sample::select(vec!["", " ", "\n"]),
            piece in 1usize..30,
        ) {
            let text = words.join(join);
            let whole = Anchors::find_in_pieces(&text, usize::MAX / 4);
            let pieces = Anchors::find_in_pieces(&text, piece);
            proptest::prop_assert_eq!(pieces.numbers, whole.numbers);
            proptest::prop_assert_eq!(pieces.people, whole.people);
        }
    }
}
