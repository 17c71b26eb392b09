//! Reading one figure from tokens: "more than 130", "fifteen thousand",
//! "$48.2 million", "2 1/2 in", "between 130 and 140", "8- to 16-meter",
//! "dozens", "2.48×10−5". A reading keeps the qualifier as a bound and the
//! unit it is measured in; what it counts is found by the caller.

mod in_digits;
mod in_words;
mod qualifiers;
mod units;
mod words;

use qualifiers::QUALIFIERS;
use units::currency_code;
use words::{vulgar, FIGURE_WORDS};

use super::token::{touching, Kind, Token};
use crate::value::number::{NumberValue, Qualifier};

/// A figure read so far.
#[derive(Clone, Debug)]
struct Quantity {
    value: f64,
    /// The multiplier a scale word applied ("million"), 1 without one.
    scale: f64,
    unit: Option<&'static str>,
    /// Token index just past the quantity.
    end: usize,
    /// A vague plural ("dozens"): `value` is its floor.
    vague: bool,
    /// Written in words ("fifteen"), not digits.
    words: bool,
}

/// Reads figures from one source's tokens.
pub struct Reader<'t, 'a> {
    pub text: &'a str,
    pub tokens: &'t [Token<'a>],
}

/// A figure found in the text: its value and token range.
pub struct Reading {
    pub value: NumberValue,
    pub first: usize,
    /// Token index just past the figure.
    pub end: usize,
}

/// How far, in tokens, a reading's start can stand before the token that
/// opens its figure ([`Reader::opens_figure`]): a qualifier of up to five
/// words ("greater than or equal to"), "between" or "from", a currency of
/// up to two tokens ("US $") and a minus, then "a few" before "hundred".
pub const LEAD: usize = 5 + 1 + 3 + 2;

const DASHES: &[&str] = &["-", "–", "—", "~"];

const MINUS: &[&str] = &["-", "−", "–"];

impl Reader<'_, '_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    fn is_mark(&self, i: usize, marks: &[&str]) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_mark(marks))
    }

    fn touch(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => touching(x, y),
            _ => false,
        }
    }

    /// Matches a sequence of words and marks at `i`; the index past it.
    /// What [`Self::phrase`] compares token `i` with: a word lower-cased,
    /// a mark as written.
    fn key(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        match t.kind {
            Kind::Word => Some(t.lower),
            Kind::Mark => Some(t.text),
            Kind::Numeral => None,
        }
    }

    fn phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        for (k, w) in words.iter().enumerate() {
            let t = self.tokens.get(i + k)?;
            let hit = match t.kind {
                Kind::Word => t.lower == *w,
                Kind::Mark => t.text == *w,
                Kind::Numeral => false,
            };
            if !hit {
                return None;
            }
        }
        Some(i + words.len())
    }

    /// True when a figure can begin at token `i`: a numeral, a fraction
    /// character, or a word that opens a figure in words. Every reading
    /// holds one within [`LEAD`] tokens of its start.
    pub fn opens_figure(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        match t.kind {
            Kind::Numeral => true,
            Kind::Mark => vulgar(t.text).is_some(),
            Kind::Word => FIGURE_WORDS.contains(t.lower),
        }
    }

    /// The figure that starts at token `i`, if one does.
    pub fn read(&self, i: usize) -> Option<Reading> {
        let how_about = self.is_word(i, "about")
            && i > 0
            && self
                .word(i - 1)
                .is_some_and(|w| matches!(w, "how" | "what"));
        if how_about {
            // "How about 2 in 5?" proposes a figure; it does not hedge it.
            return None;
        }
        let (qualifier, j) = self
            .key(i)
            .and_then(|key| QUALIFIERS.get(key))
            .and_then(|candidates| {
                candidates
                    .iter()
                    .find_map(|(words, q)| self.phrase(i, words).map(|end| (Some(*q), end)))
            })
            .unwrap_or((None, i));
        // "at least magnitude-5.9": the hedge stands before the unit.
        let j = if qualifier.is_some() && self.is_word(j, "magnitude") {
            let dash = self.tokens.get(j + 1).is_some_and(|t| t.is_mark(&["-"]));
            j + 1 + usize::from(dash)
        } else {
            j
        };
        let between = self.is_word(j, "between");
        let from = self.is_word(j, "from");
        let k = if between || from { j + 1 } else { j };
        let Some(first) = self.quantity(k) else {
            // "between" or "from" that does not lead to a figure.
            return None;
        };
        if let Some(reading) = self.range(i, &first, between, from) {
            return Some(reading);
        }
        if between || from {
            // Not a range after all: the figure alone, without the word.
            return (i == j).then(|| self.single(k, first, None)).flatten();
        }
        self.single(i, first, qualifier)
    }

    fn single(&self, i: usize, q: Quantity, qualifier: Option<Qualifier>) -> Option<Reading> {
        let mut end = q.end;
        let mut qualifier = qualifier;
        if q.vague {
            qualifier = Some(Qualifier::AtLeast);
        } else if qualifier.is_none() {
            // "500 or more", "100+", "50 or fewer".
            let open = [
                (&["or", "more"][..], Qualifier::AtLeast),
                (&["or", "greater"], Qualifier::AtLeast),
                (&["or", "above"], Qualifier::AtLeast),
                (&["or", "over"], Qualifier::AtLeast),
                (&["and", "more"], Qualifier::AtLeast),
                (&["and", "above"], Qualifier::AtLeast),
                (&["or", "less"], Qualifier::AtMost),
                (&["or", "fewer"], Qualifier::AtMost),
                (&["or", "below"], Qualifier::AtMost),
                (&["or", "under"], Qualifier::AtMost),
                (&["and", "less"], Qualifier::AtMost),
            ];
            if let Some((after, q)) = open
                .iter()
                .find_map(|(words, q)| self.phrase(end, words).map(|e| (e, *q)))
            {
                qualifier = Some(q);
                end = after;
            } else if self.is_mark(end, &["+"]) && self.touch(end - 1, end) {
                qualifier = Some(Qualifier::AtLeast);
                end += 1;
            }
        }
        Some(Reading {
            value: NumberValue::as_read(
                qualifier.unwrap_or(Qualifier::Exact),
                q.value,
                None,
                q.unit.map(str::to_string),
            ),
            first: i,
            end,
        })
    }

    /// "130-140", "8- to 16-meter", "between 130 and 140", "from 200 to
    /// 300", "two or three".
    fn range(&self, i: usize, lo: &Quantity, between: bool, from: bool) -> Option<Reading> {
        if lo.vague {
            return None;
        }
        let mut k = lo.end;
        let connector = if between {
            // "between 44 mg to 50 mg" is loose but common.
            self.is_word(k, "and") || self.is_word(k, "to")
        } else if self.is_mark(k, DASHES) {
            // "8- to 16-meter": a dash hanging on the first figure.
            if self.is_word(k + 1, "to") {
                k += 1;
            }
            // "three-nought-four" is digits said one by one, not a range.
            !(lo.words && self.touch(k - 1, k) && self.touch(k, k + 1))
        } else if self.is_word(k, "or") {
            // "two or three" is a range; "10 bln or 10 tln" two figures.
            lo.scale == 1.0
        } else {
            self.is_word(k, "to") || self.is_word(k, "through")
        };
        if !connector {
            return None;
        }
        if from && self.changes_before(i) {
            // "rose from 137 to 143" is two figures, not a range.
            return None;
        }
        let hi = self.quantity(k + 1)?;
        if hi.vague || (self.is_word(k, "or") && hi.value > 10.0 * lo.value.max(1.0)) {
            return None;
        }
        let mut low = lo.value;
        if lo.scale == 1.0 && hi.scale > 1.0 && low * hi.scale <= hi.value {
            // "1.5 to 2 million": the scale of the second end is the first's.
            low *= hi.scale;
        }
        if lo.unit.is_some() && hi.unit.is_some() && lo.unit != hi.unit {
            return None;
        }
        // "ranged from -18 °C to -34 °C": with "from" and a unit on both
        // ends, a falling pair is still a range; bare "2 to 1" is a score.
        let (low, high) = if hi.value > low {
            (low, hi.value)
        } else if from && lo.unit.is_some() && hi.unit.is_some() && hi.value < low {
            (hi.value, low)
        } else {
            return None;
        };
        Some(Reading {
            value: NumberValue::as_read(
                Qualifier::Range,
                low,
                Some(high),
                hi.unit.or(lo.unit).map(str::to_string),
            ),
            first: i,
            end: hi.end,
        })
    }

    /// True when the figure at token `first` is the value a change started
    /// from: 137 in "rose from 137 to 143", "to 143 from 137", "up from 137".
    pub fn is_previous(&self, first: usize) -> bool {
        first > 0
            && self.is_word(first - 1, "from")
            && (self.changes_before(first - 1)
                || self
                    .tokens
                    .get(first.wrapping_sub(2))
                    .is_some_and(|t| t.kind == Kind::Numeral))
    }

    /// True when a verb of change stands before token `i` ("rose from").
    fn changes_before(&self, i: usize) -> bool {
        let change = [
            "rose",
            "risen",
            "rising",
            "increased",
            "climbed",
            "jumped",
            "grew",
            "fell",
            "fallen",
            "dropped",
            "declined",
            "decreased",
            "went",
            "up",
            "down",
            "revised",
            "raised",
            "lowered",
            "updated",
            "changed",
            "cut",
        ];
        i > 0 && self.word(i - 1).is_some_and(|w| change.contains(&w))
    }

    /// "no one", "no-one", "nobody", "no injuries", "no reports of
    /// deaths": a count of zero, when the words after it name an event
    /// (the extractor keeps it only then). Returns the end of the figure.
    pub fn no_one(&self, j: usize) -> Option<usize> {
        let w = self.word(j)?;
        if w == "nobody" {
            return (!self.is_word(j + 1, "else")).then_some(j + 1);
        }
        if w != "no" {
            return None;
        }
        // "no one else was hurt" counts only those not named before.
        if self.is_word(j + 1, "one") {
            return (!self.is_word(j + 2, "else")).then_some(j + 2);
        }
        if self.is_mark(j + 1, &["-"]) && self.touch(j, j + 1) && self.is_word(j + 2, "one") {
            return (!self.is_word(j + 3, "else")).then_some(j + 3);
        }
        let harm = |k: usize| {
            self.word(k).is_some_and(|w| {
                matches!(
                    w,
                    "injuries" | "deaths" | "casualties" | "fatalities" | "dead" | "injured"
                )
            })
        };
        // "no reports of damage or injuries": the harm may come a few
        // words on, in the list the report names.
        let reported_harm = self.is_word(j + 1, "reports")
            && self.is_word(j + 2, "of")
            && (j + 3..j + 7)
                .take_while(|&k| self.word(k).is_some())
                .any(harm);
        if harm(j + 1) || reported_harm {
            return Some(j + 1);
        }
        None
    }

    /// A figure with its sign, currency, scale and unit.
    fn quantity(&self, i: usize) -> Option<Quantity> {
        let mut j = i;
        let mut negative = false;
        let mut currency = None;
        for _ in 0..2 {
            if currency.is_none() {
                if let Some((c, next)) = self.currency_before(j) {
                    currency = Some(c);
                    j = next;
                    continue;
                }
            }
            if !negative {
                let glued_minus = self.is_mark(j, MINUS)
                    && self.touch(j, j + 1)
                    && self
                        .tokens
                        .get(j + 1)
                        .is_some_and(|t| t.kind == Kind::Numeral)
                    && (j == 0
                        || !self.touch(j - 1, j)
                        || currency.is_some()
                        || self.is_mark(j - 1, &["(", "~", "<", ">", "="]));
                if glued_minus || self.is_word(j, "minus") || self.is_word(j, "negative") {
                    negative = true;
                    j += 1;
                    continue;
                }
            }
            break;
        }
        let mut q = self
            .numeral_figure(j, currency.is_some())
            .or_else(|| self.word_figure(j).map(|w| Quantity { words: true, ..w }))?;
        if negative {
            q.value = -q.value;
        }
        if q.vague {
            return Some(q);
        }
        if currency.is_none()
            && self.is_mark(q.end, &["€", "$", "£"])
            && self.touch(q.end - 1, q.end)
        {
            currency = Some(currency_code(self.tokens[q.end].text));
            q.end += 1;
        }
        if let Some((unit, end)) = self.unit_after(q.end) {
            q.unit = Some(unit);
            q.end = end;
        }
        if let Some(c) = currency {
            q.unit = Some(c);
        }
        q.value.is_finite().then_some(q)
    }
}
