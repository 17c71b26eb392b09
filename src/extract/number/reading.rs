//! Reading one figure from tokens: "more than 130", "fifteen thousand",
//! "$48.2 million", "2 1/2 in", "between 130 and 140", "8- to 16-meter",
//! "dozens", "2.48×10−5". A reading keeps the qualifier as a bound and the
//! unit it is measured in; what it counts is found by the caller.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::token::{touching, Kind, Token};
use crate::fnv::WordBuild;
use crate::value::number::{NumberValue, Qualifier};

/// A qualifying phrase in words, and what it says of the figure.
type Phrase = (Vec<&'static str>, Qualifier);

/// Words and marks that qualify a figure, longest first so that "less
/// than or equal to" wins over "less than". Indexed by first word: a
/// reader tries the qualifiers at every word, and only those that start
/// with that word can match there.
static QUALIFIERS: LazyLock<HashMap<&'static str, Vec<Phrase>, WordBuild>> = LazyLock::new(|| {
    use Qualifier::*;
    let table: &[(&str, Qualifier)] = &[
        ("greater than or equal to", AtLeast),
        ("more than or equal to", AtLeast),
        ("greater or equal than", AtLeast),
        ("bigger or equal than", AtLeast),
        ("higher or equal than", AtLeast),
        ("larger or equal than", AtLeast),
        ("equal to or more than", AtLeast),
        ("equal to or greater than", AtLeast),
        ("at least or equal to", AtLeast),
        ("at least", AtLeast),
        ("no less than", AtLeast),
        ("no fewer than", AtLeast),
        ("not less than", AtLeast),
        ("a minimum of", AtLeast),
        ("> =", AtLeast),
        (">=", AtLeast),
        ("≥", AtLeast),
        ("less than or equal to", AtMost),
        ("fewer than or equal to", AtMost),
        ("smaller or equal than", AtMost),
        ("less or equal than", AtMost),
        ("lower or equal than", AtMost),
        ("equal to or less than", AtMost),
        ("equal to or fewer than", AtMost),
        ("up to", AtMost),
        ("at most", AtMost),
        ("no more than", AtMost),
        ("not more than", AtMost),
        ("a maximum of", AtMost),
        ("as many as", AtMost),
        ("< =", AtMost),
        ("<=", AtMost),
        ("≤", AtMost),
        ("just over", Above),
        ("more than", Above),
        ("greater than", Above),
        ("larger than", Above),
        ("bigger than", Above),
        ("higher than", Above),
        ("in excess of", Above),
        ("upwards of", Above),
        ("over", Above),
        ("above", Above),
        ("exceeding", Above),
        ("exceeds", Above),
        ("exceeded", Above),
        ("exceed", Above),
        ("surpassing", Above),
        ("surpass", Above),
        (">", Above),
        ("just under", Below),
        ("fewer than", Below),
        ("less than", Below),
        ("lower than", Below),
        ("smaller than", Below),
        ("under", Below),
        ("below", Below),
        ("<", Below),
        ("an estimated", About),
        ("estimated", About),
        ("around", About),
        ("about", About),
        ("nearly", About),
        ("almost", About),
        ("some", About),
        ("roughly", About),
        ("approximately", About),
        ("approx", About),
        ("close to", About),
        ("circa", About),
        ("~", About),
        ("≈", About),
        ("equal to", Exact),
        ("equals to", Exact),
        ("equaling to", Exact),
        ("equals", Exact),
        ("exactly", Exact),
        ("precisely", Exact),
    ];
    let mut out: Vec<(Vec<&str>, Qualifier)> = table
        .iter()
        .map(|(p, q)| (p.split(' ').collect(), *q))
        .collect();
    out.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    // The order within one first word stays: longest first.
    let mut by_first: HashMap<&str, Vec<Phrase>, WordBuild> = HashMap::default();
    for (words, q) in out {
        by_first.entry(words[0]).or_default().push((words, q));
    }
    by_first
});

/// Cardinals below twenty, in order of value.
const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Twenty to ninety, in order of value.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn ones(w: &str) -> Option<f64> {
    if matches!(w, "nought" | "naught") {
        return Some(0.0);
    }
    ONES.iter().position(|x| *x == w).map(|i| i as f64)
}

/// "½", "¾": fractions written as one character.
fn vulgar(mark: &str) -> Option<f64> {
    Some(match mark {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

fn tens(w: &str) -> Option<f64> {
    TENS.iter()
        .position(|x| *x == w)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "million" | "mn" | "mln" | "mil" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "tln" => 1e12,
        _ => return None,
    })
}

/// The denominator a fraction word names: "thirds" is 3.
fn denominator(w: &str) -> Option<f64> {
    let stem = w.strip_suffix('s').unwrap_or(w);
    Some(match stem {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// The least a vague plural can mean: "dozens" is at least 24.
fn vague_floor(w: &str) -> Option<f64> {
    Some(match w {
        "tens" => 20.0,
        "dozens" => 24.0,
        "scores" => 40.0,
        "hundreds" => 200.0,
        "thousands" => 2e3,
        "millions" => 2e6,
        "billions" => 2e9,
        _ => return None,
    })
}

/// Units written after a figure, as (words, normalised unit). Words are
/// matched lower-cased; the single letters only when glued to the figure.
/// [`UNITS`] split into words, once.
static UNIT_WORDS: LazyLock<Vec<(Vec<&'static str>, &'static str)>> = LazyLock::new(|| {
    UNITS
        .iter()
        .map(|(words, unit)| (words.split(' ').collect(), *unit))
        .collect()
});

const UNITS: &[(&str, &str)] = &[
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("square kilometre", "km2"),
    ("square kilometer", "km2"),
    ("sq km", "km2"),
    ("km2", "km2"),
    ("km ²", "km2"),
    ("square miles", "mi2"),
    ("square mile", "mi2"),
    ("sq mi", "mi2"),
    ("nautical miles", "nmi"),
    ("nautical mile", "nmi"),
    ("percentage points", "pp"),
    ("percentage point", "pp"),
    ("per cent", "%"),
    ("percent", "%"),
    ("percents", "%"),
    ("percentage", "%"),
    ("pct", "%"),
    ("%", "%"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("kms", "km"),
    ("km", "km"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("cm", "cm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("mm", "mm"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("mi", "mi"),
    ("yards", "yd"),
    ("yard", "yd"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("inches", "in"),
    ("inch", "in"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("kg", "kg"),
    ("kgs", "kg"),
    ("grams", "g"),
    ("milligrams", "mg"),
    ("mg", "mg"),
    ("° c", "°C"),
    ("° f", "°F"),
    ("º c", "°C"),
    ("º f", "°F"),
    ("degrees celsius", "°C"),
    ("degrees fahrenheit", "°F"),
    ("gram", "g"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "ton"),
    ("ton", "ton"),
    ("pounds", "lb"),
    ("pound", "lb"),
    ("lbs", "lb"),
    ("lb", "lb"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("ha", "ha"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("litres", "l"),
    ("liters", "l"),
    ("litre", "l"),
    ("liter", "l"),
    ("millilitres", "ml"),
    ("milliliters", "ml"),
    ("ml", "ml"),
    ("gallons", "gal"),
    ("gallon", "gal"),
    ("seconds", "s"),
    ("minutes", "min"),
    ("hours", "h"),
    ("hour", "h"),
    ("days", "day"),
    ("day", "day"),
    ("weeks", "week"),
    ("week", "week"),
    ("months", "month"),
    ("month", "month"),
    ("years", "year"),
    ("decades", "decade"),
    ("decade", "decade"),
    ("year", "year"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yuan", "CNY"),
    ("yen", "JPY"),
    ("rupees", "INR"),
];

/// Units that are a single short word and read as one only glued to the
/// figure ("10m", "4in", "3L"), since spaced they are ordinary words.
const GLUED_UNITS: &[(&str, &str)] = &[
    ("m", "m"),
    ("in", "in"),
    ("g", "g"),
    ("l", "l"),
    ("s", "s"),
    ("t", "t"),
    ("h", "h"),
    ("K", "K"),
    ("C", "°C"),
    ("F", "°F"),
    ("min", "min"),
    ("yd", "yd"),
    ("mins", "min"),
    ("hrs", "h"),
    ("yrs", "year"),
];

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

/// A word that opens a figure in words ("fifteen", "dozens", "a third").
fn opens_figure_in_words(w: &str) -> bool {
    ones(w).is_some()
        || tens(w).is_some()
        || scale_word(w).is_some()
        || vague_floor(w).is_some()
        || denominator(w).is_some()
        || matches!(
            w,
            "hundred" | "dozen" | "half" | "quarter" | "no" | "nobody" | "both"
        )
}

/// The words [`opens_figure_in_words`] accepts, as a set: asked of every
/// word near a figure, and the lists are searched one by one.
static FIGURE_WORDS: LazyLock<std::collections::HashSet<String, WordBuild>> = LazyLock::new(|| {
    // The cardinals from their lists; the other words as `scale_word`,
    // `vague_floor` and `denominator` name them.
    let others = [
        "hundred",
        "thousand",
        "lakh",
        "million",
        "mn",
        "mln",
        "mil",
        "crore",
        "billion",
        "bn",
        "bln",
        "trillion",
        "tn",
        "tln",
        "dozen",
        "no",
        "nobody",
        "both",
        "tens",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "half",
        "halve",
        "third",
        "quarter",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "hundredth",
        "thousandth",
        "millionth",
        "billionth",
        "trillionth",
    ];
    ONES.iter()
        .chain(&["nought", "naught"])
        .chain(&TENS)
        .chain(&others)
        .flat_map(|w| [w.to_string(), format!("{w}s")])
        .filter(|w| opens_figure_in_words(w))
        .collect()
});

/// How far, in tokens, a reading's start can stand before the token that
/// opens its figure ([`Reader::opens_figure`]): a qualifier of up to five
/// words ("greater than or equal to"), "between" or "from", a currency of
/// up to two tokens ("US $") and a minus, then "a few" before "hundred".
pub const LEAD: usize = 5 + 1 + 3 + 2;

const DASHES: &[&str] = &["-", "–", "—", "~"];

/// Month names and their abbreviations, lower-cased: a figure after one
/// is a day ("May 12, 104 people").
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn is_month(word: &str) -> bool {
    MONTHS.contains(&word)
}
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
            value: NumberValue {
                qualifier: qualifier.unwrap_or(Qualifier::Exact),
                number: q.value,
                upper: None,
                unit: q.unit.map(str::to_string),
                counted: None,
                noun: None,
                event: None,
                clause: None,
                previous: false,
                not_a_count: None,
            },
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
            value: NumberValue {
                qualifier: Qualifier::Range,
                number: low,
                upper: Some(high),
                unit: hi.unit.or(lo.unit).map(str::to_string),
                counted: None,
                noun: None,
                event: None,
                clause: None,
                previous: false,
                not_a_count: None,
            },
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

    /// "$", "US$", "£", "€" before a figure.
    fn currency_before(&self, j: usize) -> Option<(&'static str, usize)> {
        let t = self.tokens.get(j)?;
        let (code, next) = match (t.kind, t.text) {
            (Kind::Mark, "$" | "£" | "€" | "¥" | "₹") => (currency_code(t.text), j + 1),
            (Kind::Word, "US" | "A" | "C" | "HK") if self.is_mark(j + 1, &["$"]) => {
                if !self.touch(j, j + 1) {
                    return None;
                }
                let code = match t.text {
                    "US" => "USD",
                    "A" => "AUD",
                    "C" => "CAD",
                    _ => "HKD",
                };
                (code, j + 2)
            }
            _ => return None,
        };
        let after = self.tokens.get(next)?;
        let leads_to_figure = after.kind == Kind::Numeral
            || after.is_mark(MINUS)
            || (after.kind == Kind::Word && self.word_figure(next).is_some());
        leads_to_figure.then_some((code, next))
    }

    /// A figure written in digits: "15,000", "1.5 million", "10k", "3/4",
    /// "2 1/2", "10 000", "2.48×10−5".
    fn numeral_figure(&self, j: usize, money: bool) -> Option<Quantity> {
        let t = self.tokens.get(j)?;
        if let Some(v) = vulgar(t.text) {
            return Some(Quantity {
                value: v,
                scale: 1.0,
                unit: None,
                end: j + 1,
                vague: false,
                words: false,
            });
        }
        if t.kind != Kind::Numeral || !t.value.is_finite() || self.is_code(j) {
            return None;
        }
        let mut value = t.value;
        let mut k = j + 1;
        // "31, 000": thousands groups set apart by a comma and a space, as
        // in copy rebuilt from tokens.
        if let Some((grouped, end)) = self.comma_space_groups(j) {
            value = grouped;
            k = end;
        }
        // "10 000": thousands set apart by single spaces.
        if k == j + 1 && t.is_plain_integer() && t.text.len() <= 3 {
            while let Some(next) = self.tokens.get(k) {
                let gap = self.text.get(self.tokens[k - 1].end..next.start);
                let spaced = matches!(gap, Some(" " | "\u{a0}" | "\u{202f}" | "\u{2009}"));
                // The last group may carry the decimals: "1 234 567.89".
                let group = next.text.split('.').next().unwrap_or("");
                let decimals = next.text.len() > group.len();
                if spaced
                    && next.kind == Kind::Numeral
                    && group.len() == 3
                    && group.bytes().all(|b| b.is_ascii_digit())
                    && next.text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    && !self.tokens.get(k + 1).is_some_and(|a| {
                        touching(next, a) && (a.kind != Kind::Mark || a.text == "/")
                    })
                {
                    value = value * 1000.0 + next.value;
                    k += 1;
                    if decimals {
                        break;
                    }
                } else {
                    break;
                }
            }
        }
        // "2½".
        if let Some(v) = self.tokens.get(k).and_then(|n| vulgar(n.text)) {
            if self.touch(k - 1, k) && t.is_plain_integer() {
                value += v;
                k += 1;
            }
        }
        // "3/4", "2 1/2".
        if let Some((fraction, end)) = self.fraction_at(k - 1) {
            if k == j + 1 {
                value = fraction;
                k = end;
            }
        } else if let Some((fraction, end)) = self.fraction_at(k) {
            if fraction < 1.0 && t.is_plain_integer() && !self.touch(k - 1, k) {
                value += fraction;
                k = end;
            }
        }
        // "2.48×10−5", "8x2^10", "1.1^23".
        let times = self.is_mark(k, &["×", "*"]) || self.is_word(k, "x");
        if times {
            if let (Some(base), true) = (self.tokens.get(k + 1), self.touch(k + 1, k + 2)) {
                if base.kind == Kind::Numeral {
                    if let Some((exp, end)) = self.exponent(k + 2, base.value == 10.0) {
                        // Powers of ten through the decimal parser: 2.48e-5, not
                        // 2.48 * 0.00001 with its rounding noise.
                        let decimal = (base.value == 10.0 && exp.fract() == 0.0)
                            .then(|| format!("{value}e{exp}").parse::<f64>().ok())
                            .flatten();
                        value = decimal.unwrap_or(value * base.value.powf(exp));
                        k = end;
                    }
                }
            }
        } else if self.touch(k - 1, k) && self.is_mark(k, &["^"]) {
            if let Some((exp, end)) = self.exponent(k, false) {
                value = value.powf(exp);
                k = end;
            }
        }
        let mut q = Quantity {
            value,
            scale: 1.0,
            unit: None,
            end: k,
            vague: false,
            words: false,
        };
        self.scale_after(&mut q, money);
        self.more_groups(&mut q);
        self.and_a_half(&mut q);
        q.value.is_finite().then_some(q)
    }

    /// "31, 000", "2, 500, 000": a figure whose thousands groups are
    /// set apart by ", " (copy rebuilt from tokens), at the numeral `j`;
    /// its value and the index past its last group.
    ///
    /// ", " also separates the items of a list ("rooms 12, 104 and 220"),
    /// and a wrong merge invents a figure, so only what must be a grouped
    /// figure is read as one: a first group of one to three digits with
    /// no leading zero, each later group exactly three digits after a
    /// comma and one space, and none of the marks of a list or of other
    /// figures around it.
    fn comma_space_groups(&self, j: usize) -> Option<(f64, usize)> {
        let t = &self.tokens;
        let first = t.get(j)?;
        if !first.is_plain_integer() || first.text.len() > 3 || first.text.starts_with('0') {
            return None;
        }
        let mut value = first.value;
        let mut k = j + 1;
        while self.is_group_after_comma(k) {
            value = value * 1000.0 + t[k + 1].value;
            k += 2;
        }
        if k == j + 1 || self.in_list(j, k) {
            return None;
        }
        Some((value, k))
    }

    /// True when `k` is a comma glued to the figure before it, followed by
    /// one space and exactly three digits that nothing else is glued to
    /// but a word or a closing mark ("1, 200km", "1, 400.", "15, 800-square").
    fn is_group_after_comma(&self, k: usize) -> bool {
        let t = &self.tokens;
        let Some(group) = t.get(k + 1) else {
            return false;
        };
        self.is_mark(k, &[","])
            && self.touch(k - 1, k)
            && self.text.get(t[k].end..group.start) == Some(" ")
            && group.is_plain_integer()
            && group.text.len() == 3
            // "1, 200:30", "1, 200/3": another figure glued on.
            && !(self.touch(k + 1, k + 2)
                && self.is_mark(k + 2, &[":", "/", ".", ","])
                && self.touch(k + 2, k + 3)
                && t.get(k + 3).is_some_and(|n| n.kind == Kind::Numeral))
    }

    /// True when the figures from `j` to `end` (its comma-spaced groups)
    /// read as items of a list or a date, not one figure: glued to what
    /// is before it ("5-foot-8, 135 pounds"), after a figure and a comma
    /// ("3, 12, 104"), after a month ("May 12, 104 people"), or followed
    /// by another item ("12, 104 and 220", "12, 104, 22") that is not
    /// grouped the same way ("between 1, 200 and 1, 500"), or with no word
    /// or currency beside it at all ("1, 234, 567" alone).
    fn in_list(&self, j: usize, end: usize) -> bool {
        let t = &self.tokens;
        if j > 0 {
            let glued_before = self.touch(j - 1, j)
                && !self.is_mark(
                    j - 1,
                    &["$", "£", "€", "¥", "₹", "(", "[", "\"", "“", "'", "‘", "~"],
                );
            // A year before the comma opens the sentence ("In 2003, 26, 000
            // people"); any other figure is the list's previous item.
            let figure_comma_before = self.is_mark(j - 1, &[","])
                && j > 1
                && t[j - 2].kind == Kind::Numeral
                && !(t[j - 2].is_plain_integer() && t[j - 2].text.len() == 4);
            let month_before = self.word(j - 1).is_some_and(is_month)
                || (self.is_mark(j - 1, &["."]) && j > 1 && self.word(j - 2).is_some_and(is_month));
            if glued_before || figure_comma_before || month_before {
                return true;
            }
        }
        // Nothing but figures and commas ("1, 234, 567" on a line of its
        // own): no word says it is one figure, so it is read as a list.
        let word_before = j > 0
            && (t[j - 1].kind == Kind::Word
                || self.is_mark(j - 1, &["$", "£", "€", "¥", "₹", "~"]));
        let word_after = t.get(end).is_some_and(|a| a.kind == Kind::Word)
            || (self.is_mark(end, &["-", "–"]) && self.touch(end - 1, end));
        if !word_before && !word_after {
            return true;
        }
        let mut next = end;
        let comma = self.is_mark(next, &[","]);
        if comma {
            next += 1;
        }
        let joined = matches!(self.word(next), Some("and" | "or" | "nor"));
        if joined {
            next += 1;
        }
        if !comma && !joined {
            return false;
        }
        if self.is_mark(next, &["$", "£", "€", "¥", "₹"]) {
            next += 1;
        }
        let Some(item) = t.get(next) else {
            return false;
        };
        if item.kind != Kind::Numeral {
            return false;
        }
        // The next item is grouped the same way or with plain commas:
        // two grouped figures, not a list of small ones.
        let grouped_alike = joined
            && (item.text.contains(',')
                || (item.is_plain_integer()
                    && item.text.len() <= 3
                    && self.is_group_after_comma(next + 1)));
        !grouped_alike
    }

    /// "4 thousand 3 hundred and 21": further groups after a scaled figure.
    fn more_groups(&self, q: &mut Quantity) {
        let mut last_scale = q.scale;
        while last_scale >= 100.0 {
            let k = q.end;
            let and = self.is_word(k, "and");
            let at = if and { k + 1 } else { k };
            let Some(t) = self.tokens.get(at) else { return };
            let small = if t.is_plain_integer() && !self.is_code(at) {
                Some((t.value, at + 1))
            } else if and {
                self.cardinal(at, 0.0)
            } else {
                None
            };
            let Some((n, next)) = small else { return };
            let scale = match self.word(next) {
                Some("hundred") if !and => 100.0,
                Some(w) if !and => scale_word(w).unwrap_or(1.0),
                _ => 1.0,
            };
            if scale >= last_scale || n * scale >= last_scale || (scale == 1.0 && !and) {
                return;
            }
            q.value += n * scale;
            q.end = if scale > 1.0 { next + 1 } else { next };
            last_scale = scale;
        }
    }

    /// "^10", "^-5", or with `minus_alone` a glued "−5" after a base of 10.
    fn exponent(&self, k: usize, minus_alone: bool) -> Option<(f64, usize)> {
        let mut k = k;
        if self.is_mark(k, &["^"]) {
            k += 1;
        } else if !(minus_alone && self.is_mark(k, MINUS)) {
            return None;
        }
        let mut sign = 1.0;
        if self.is_mark(k, MINUS) && self.touch(k, k + 1) {
            sign = -1.0;
            k += 1;
        } else if self.is_mark(k, &["+"]) {
            k += 1;
        }
        let t = self.tokens.get(k)?;
        (t.kind == Kind::Numeral && t.value.is_finite() && self.touch(k - 1, k))
            .then_some((sign * t.value, k + 1))
    }

    /// "1/4" at `k` (numeral, slash, numeral, all glued).
    fn fraction_at(&self, k: usize) -> Option<(f64, usize)> {
        let a = self.tokens.get(k)?;
        let b = self.tokens.get(k + 2)?;
        if !(a.is_plain_integer()
            && self.is_mark(k + 1, &["/"])
            && self.touch(k, k + 1)
            && self.touch(k + 1, k + 2)
            && b.is_plain_integer()
            && b.value != 0.0)
        {
            return None;
        }
        // "24/7/2020" and the like are not fractions, nor is "24/7" or "50/50".
        if (self.is_mark(k + 3, &["/"]) && self.touch(k + 2, k + 3)) || a.value >= b.value {
            return None;
        }
        Some((a.value / b.value, k + 3))
    }

    /// Digits glued to letters ("J1149", "06F6", "F-16", "4th") are codes
    /// or ordinals, not figures.
    fn is_code(&self, j: usize) -> bool {
        let t = &self.tokens;
        // "2:31 PM", a 2:1 score: times and ratios, not figures.
        let colon_after = self.is_mark(j + 1, &[":"])
            && self.touch(j, j + 1)
            && self.touch(j + 1, j + 2)
            && t.get(j + 2).is_some_and(|n| n.kind == Kind::Numeral);
        let colon_before = j > 1
            && self.is_mark(j - 1, &[":"])
            && self.touch(j - 1, j)
            && self.touch(j - 2, j - 1)
            && t[j - 2].kind == Kind::Numeral;
        if colon_after || colon_before {
            return true;
        }
        // "3.15am", "at 9 p.m.": clock times (an hour up to 12, minutes
        // in two digits); "2.123 pm" is a length in picometres.
        let looks_like_time = match t[j].text.split_once('.') {
            None => t[j].is_plain_integer() && (1.0..=12.0).contains(&t[j].value),
            Some((hour, minutes)) => {
                hour.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h))
                    && minutes.len() == 2
                    && minutes.parse::<u32>().is_ok_and(|m| m < 60)
            }
        };
        let clock = looks_like_time
            && match self.word(j + 1) {
                Some("am" | "pm") => true,
                Some("a" | "p") => self.is_mark(j + 2, &["."]) && self.is_word(j + 3, "m"),
                _ => false,
            };
        if clock {
            return true;
        }
        if j > 0 && self.touch(j - 1, j) {
            let before = &t[j - 1];
            if before.kind == Kind::Word {
                return true;
            }
            if before.text == "."
                && j > 1
                && self.touch(j - 2, j - 1)
                && t[j - 2].kind == Kind::Word
            {
                // "end of sentence.5" or "v.2": not a leading decimal point.
                return true;
            }
            if before.is_mark(&["-", "–"]) && j > 1 && self.touch(j - 2, j - 1) {
                let word_before = t[j - 2].kind == Kind::Word;
                let figure_before =
                    j > 2 && self.touch(j - 3, j - 2) && t[j - 3].kind == Kind::Numeral;
                // "magnitude-5.9": the scale's name, not a code's letters.
                let magnitude = t[j - 2].lower == "magnitude";
                if word_before && !figure_before && !magnitude {
                    return true;
                }
            }
        }
        if let Some(after) = t
            .get(j + 1)
            .filter(|a| self.touch(j, j + 1) && a.kind == Kind::Word)
        {
            if ["st", "nd", "rd", "th", "s"].contains(&after.lower) {
                return true;
            }
            // "8x2^10", "1.3x10^6" are products, not codes.
            let times = after.lower == "x";
            if !times
                && t.get(j + 2)
                    .is_some_and(|n| touching(after, n) && n.kind == Kind::Numeral)
            {
                return true;
            }
        }
        false
    }

    /// Applies a scale word after a figure: "1.5 million", "10k", "$2.1bn",
    /// "3 dozen".
    fn scale_after(&self, q: &mut Quantity, money: bool) {
        let k = q.end;
        let Some(t) = self.tokens.get(k) else { return };
        if t.kind != Kind::Word {
            return;
        }
        let glued = self.touch(k - 1, k);
        let mut scale = match t.lower {
            "hundred" => Some(100.0),
            "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => Some(12.0),
            "k" if t.text == "k" || money => Some(1e3),
            "k" => None,
            w => scale_word(w),
        };
        if scale.is_none() && glued {
            // Lower-case "m" and upper-case "K" are metres and kelvins
            // unless the figure is money.
            scale = match t.text {
                "K" if money => Some(1e3),
                "G" | "M" | "MM" | "b" | "B" => Some(if t.text == "G" || t.lower == "b" {
                    1e9
                } else {
                    1e6
                }),
                "m" if money => Some(1e6),
                "T" if money => Some(1e12),
                _ => None,
            };
        }
        let Some(mut scale) = scale else { return };
        let mut end = k + 1;
        if t.lower == "hundred" {
            if let Some(more) = self.word(end).and_then(scale_word) {
                scale *= more;
                end += 1;
            }
        }
        q.value *= scale;
        q.scale = scale;
        q.end = end;
    }

    /// "km", "miles", "%", "-meter" after a figure.
    fn unit_after(&self, k: usize) -> Option<(&'static str, usize)> {
        let glued = self.touch(k.checked_sub(1)?, k);
        // "16-meter", "27-kilometre": a compound adjective.
        let (start, hyphen) = if self.is_mark(k, &["-"]) && glued && self.touch(k, k + 1) {
            (k + 1, true)
        } else {
            (k, false)
        };
        for (parts, unit) in UNIT_WORDS.iter() {
            if let Some(end) = self.phrase(start, parts) {
                if hyphen && parts.len() > 1 {
                    continue;
                }
                if *unit == "%" && hyphen {
                    continue;
                }
                return Some((unit, end));
            }
        }
        // "278,000 t": a lone lower-case t after a figure is tonnes.
        if !hyphen && self.tokens.get(k).is_some_and(|t| t.text == "t") && !self.touch(k, k + 1) {
            return Some(("t", k + 1));
        }
        if glued && !hyphen {
            let t = self.tokens.get(k)?;
            if t.kind == Kind::Word {
                let found = GLUED_UNITS
                    .iter()
                    .find(|(w, _)| *w == t.lower || *w == t.text);
                if let Some((_, unit)) = found {
                    return Some((unit, k + 1));
                }
            }
        }
        None
    }

    /// A figure written in words: "fifteen thousand", "a hundred thirty",
    /// "two and a half", "two thirds", "dozens", "tens of thousands".
    fn word_figure(&self, j: usize) -> Option<Quantity> {
        let w = self.word(j)?;
        if let Some(end) = self.no_one(j) {
            return Some(Quantity {
                value: 0.0,
                scale: 1.0,
                unit: None,
                end,
                vague: false,
                words: true,
            });
        }
        // "Both women were found dead", "they were both killed": two
        // (kept only with an event). A bare "Both had suffered head
        // injuries" points back at people already counted.
        let determiner = self.word(j + 1).is_some_and(|n| {
            !matches!(
                n,
                "had"
                    | "have"
                    | "has"
                    | "were"
                    | "was"
                    | "are"
                    | "is"
                    | "suffered"
                    | "sustained"
                    | "of"
                    | "and"
            )
        });
        let after_be = j > 0 && matches!(self.word(j - 1), Some("were" | "are" | "was"));
        if w == "both" && (determiner || after_be) {
            return Some(Quantity {
                value: 2.0,
                scale: 1.0,
                unit: None,
                end: j + 1,
                vague: false,
                words: true,
            });
        }
        if let Some(floor) = vague_floor(w) {
            let mut value = floor;
            let mut end = j + 1;
            // "tens of thousands", "hundreds of millions".
            if self.is_word(end, "of") {
                if let Some(times) = self.word(end + 1).and_then(vague_floor) {
                    if times >= 1e3 {
                        value *= times / 2.0;
                        end += 2;
                    }
                }
            }
            if w == "tens" && end == j + 1 {
                return None;
            }
            return Some(Quantity {
                value,
                scale: 1.0,
                unit: None,
                end,
                vague: true,
                words: true,
            });
        }
        if matches!(w, "several" | "few") || (w == "a" && self.is_word(j + 1, "few")) {
            // "several hundred", "a few thousand": at least two or three of them.
            let at = if w == "a" { j + 2 } else { j + 1 };
            let scale = match self.word(at)? {
                "hundred" => 100.0,
                "dozen" => 12.0,
                s => scale_word(s)?,
            };
            let least = if w == "several" { 3.0 } else { 2.0 };
            return Some(Quantity {
                value: least * scale,
                scale,
                unit: None,
                end: at + 1,
                vague: true,
                words: true,
            });
        }
        if w == "half" || w == "quarter" {
            let part = if w == "half" { 0.5 } else { 0.25 };
            // "half a million", "quarter million", "half a dozen", "half".
            if let Some(s) = self.word(j + 1).and_then(scale_word) {
                return Some(self.finish_words(part * s, j + 2));
            }
            if w == "quarter" {
                return None;
            }
            if self.is_word(j + 1, "a") {
                if let Some(s) = self.word(j + 2).and_then(|s| match s {
                    "dozen" => Some(12.0),
                    "hundred" => Some(100.0),
                    other => scale_word(other),
                }) {
                    return Some(self.finish_words(0.5 * s, j + 3));
                }
            }
            return Some(self.finish_words(0.5, j + 1));
        }
        let (value, end) = if matches!(w, "a" | "an") {
            let next = self.word(j + 1)?;
            if next == "dozen" {
                (12.0, j + 2)
            } else if let Some(d) = denominator(next) {
                if next.ends_with('s') {
                    return None;
                }
                (1.0 / d, j + 2)
            } else if next == "hundred" || scale_word(next).is_some() {
                self.cardinal(j + 1, 1.0)?
            } else {
                return None;
            }
        } else {
            self.cardinal(j, 0.0)?
        };
        Some(self.finish_words(value, end))
    }

    /// What may follow a number in words: a fraction ("two thirds"),
    /// "and a half", decimals ("point zero three"), "dozen".
    fn finish_words(&self, value: f64, end: usize) -> Quantity {
        let mut value = value;
        let mut k = end;
        // "one-half", and "one - fourth" spaced.
        let hyphen = self.is_mark(k, &["-"])
            && self.word(k + 1).and_then(denominator).is_some()
            && self.touch(k - 1, k) == self.touch(k, k + 1);
        let d_at = if hyphen { k + 1 } else { k };
        if let Some(d) = self.word(d_at).and_then(denominator) {
            if value >= 1.0 && value.fract() == 0.0 {
                value /= d;
                k = d_at + 1;
            }
        } else if self.is_word(k, "point") {
            let mut digits = String::new();
            let mut at = k + 1;
            while let Some(w) = self.word(at) {
                if let Some(d) = ones(w) {
                    // "point zero three", and "point eleven" for .11.
                    digits.push_str(&format!("{d}"));
                    at += 1;
                    if d >= 10.0 {
                        break;
                    }
                } else if let Some(t) = tens(w) {
                    let mut n = t;
                    at += 1;
                    if self.is_mark(at, &["-"]) {
                        if let Some(o) = self.word(at + 1).and_then(ones).filter(|o| *o < 10.0) {
                            n += o;
                            at += 2;
                        }
                    }
                    digits.push_str(&format!("{n}"));
                } else {
                    break;
                }
            }
            if let Ok(fraction) = format!("0.{digits}").parse::<f64>() {
                if !digits.is_empty() {
                    value += fraction.copysign(value);
                    k = at;
                }
            }
        } else if self
            .word(k)
            .is_some_and(|w| matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs"))
        {
            value *= 12.0;
            k += 1;
        }
        let mut q = Quantity {
            value,
            scale: 1.0,
            unit: None,
            end: k,
            vague: false,
            words: false,
        };
        self.and_a_half(&mut q);
        q
    }

    /// "one and a half", "3 million and a half" (of the million), "five
    /// and a half million".
    fn and_a_half(&self, q: &mut Quantity) {
        if !self.is_word(q.end, "and") || q.value.fract() != 0.0 {
            return;
        }
        let Some((fraction, end)) = self.and_fraction(q.end + 1) else {
            return;
        };
        let last_scale = q
            .end
            .checked_sub(1)
            .and_then(|i| self.word(i))
            .and_then(scale_word);
        match (last_scale, self.word(end).and_then(scale_word)) {
            (Some(last), Some(s)) if s < last => {
                // "one billion and a half million".
                q.value += fraction * s;
                q.end = end + 1;
            }
            (Some(s), _) => {
                q.value += fraction * s;
                q.end = end;
            }
            (None, Some(s)) => {
                q.value = (q.value + fraction) * s;
                q.scale = s;
                q.end = end + 1;
            }
            (None, None) => {
                q.value += fraction;
                q.end = end;
            }
        }
    }

    fn and_fraction(&self, k: usize) -> Option<(f64, usize)> {
        let (numerator, at) = if matches!(self.word(k)?, "a" | "an") {
            (1.0, k + 1)
        } else {
            let (n, at) = self.cardinal(k, 0.0)?;
            (n, at)
        };
        let d = denominator(self.word(at)?)?;
        Some((numerator / d, at + 1))
    }

    /// A cardinal in words from token `j`; `seed` is 1 after "a"/"an".
    fn cardinal(&self, j: usize, seed: f64) -> Option<(f64, usize)> {
        #[derive(PartialEq, Clone, Copy)]
        enum Last {
            Start,
            Ones,
            Teens,
            Tens,
            Hundred,
            Scale,
            And,
        }
        let mut total = 0.0;
        let mut current = seed;
        let mut last = Last::Start;
        let mut k = j;
        let mut any = false;
        let mut end = j;
        while let Some(t) = self.tokens.get(k) {
            if t.kind == Kind::Mark {
                // "twenty-one", "fifty - two".
                let next_is_ones = self
                    .word(k + 1)
                    .and_then(ones)
                    .is_some_and(|v| (1.0..10.0).contains(&v));
                if last == Last::Tens && t.text == "-" && next_is_ones {
                    k += 1;
                    continue;
                }
                break;
            }
            if t.kind != Kind::Word {
                break;
            }
            let w = t.lower;
            let open = matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And);
            if let Some(v) = ones(w) {
                if !(open || (last == Last::Tens && (1.0..10.0).contains(&v))) {
                    break;
                }
                current += v;
                last = if v < 10.0 { Last::Ones } else { Last::Teens };
            } else if let Some(v) = tens(w) {
                if !open {
                    break;
                }
                current += v;
                last = Last::Tens;
            } else if w == "hundred" {
                if matches!(last, Last::Hundred | Last::And) {
                    break;
                }
                current = current.max(1.0) * 100.0;
                last = Last::Hundred;
            } else if let Some(s) = scale_word(w) {
                if !any && seed == 0.0 || last == Last::And {
                    break;
                }
                total += current.max(1.0) * s;
                current = 0.0;
                last = Last::Scale;
            } else if w == "and" && any && matches!(last, Last::Hundred | Last::Scale) {
                let next_counts = self
                    .word(k + 1)
                    .is_some_and(|n| ones(n).is_some() || tens(n).is_some());
                // "one hundred and three and two thirds": "and two thirds" is a fraction.
                let fraction_next = self
                    .word(k + 2)
                    .is_some_and(|n| denominator(n).is_some() && ones(n).is_none());
                if !next_counts || fraction_next {
                    break;
                }
                last = Last::And;
                k += 1;
                continue;
            } else {
                break;
            }
            any = true;
            k += 1;
            end = k;
        }
        if !any {
            return None;
        }
        Some((total + current, end))
    }
}

fn currency_code(mark: &str) -> &'static str {
    match mark {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        _ => "INR",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `LEAD` counts five words for the longest qualifier.
    #[test]
    fn no_qualifier_is_longer_than_lead_allows() {
        let longest = QUALIFIERS
            .values()
            .flatten()
            .map(|(words, _)| words.len())
            .max();
        assert_eq!(longest, Some(5));
    }

    proptest::proptest! {
        /// The set answers as the word lists do, for any word.
        #[test]
        fn figure_words_are_the_lists_words(
            stem in "(one|ten|tens|nine|nineteen|ninety|hundred|thousand|lakh|crore|mil|mn|bn|tn|dozen|score|half|halve|third|quarter|fourth|tenth|trillionth|[a-z]{1,8})",
            suffix in "(|s|es|th|ths|ty)",
        ) {
            let word = format!("{stem}{suffix}");
            proptest::prop_assert_eq!(FIGURE_WORDS.contains(&word), opens_figure_in_words(&word));
        }
    }
}
