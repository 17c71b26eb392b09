//! Numbers written as words, holidays, and the tense of a sentence: the
//! small vocabularies date reading needs.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use regex::{Regex, RegexBuilder};

/// Value of a number word from one to ninety-nine, or of digits.
pub(super) fn small_number(w: &str) -> Option<i32> {
    let w = w.trim().to_ascii_lowercase();
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    let mut total = 0;
    let mut any = false;
    for part in w
        .split(['-', ' ', '\t'])
        .filter(|p| !p.is_empty() && *p != "and")
    {
        total += unit_word(part)?;
        any = true;
    }
    any.then_some(total)
}

fn unit_word(w: &str) -> Option<i32> {
    Some(match w {
        "zero" | "oh" => 0,
        "a" | "an" | "one" | "first" => 1,
        "two" | "second" | "couple" => 2,
        "three" | "third" | "few" | "several" => 3,
        "four" | "fourth" => 4,
        "five" | "fifth" => 5,
        "six" | "sixth" => 6,
        "seven" | "seventh" => 7,
        "eight" | "eighth" => 8,
        "nine" | "ninth" => 9,
        "ten" | "tenth" => 10,
        "eleven" | "eleventh" => 11,
        "twelve" | "twelfth" => 12,
        "thirteen" | "thirteenth" => 13,
        "fourteen" | "fourteenth" => 14,
        "fifteen" | "fifteenth" => 15,
        "sixteen" | "sixteenth" => 16,
        "seventeen" | "seventeenth" => 17,
        "eighteen" | "eighteenth" => 18,
        "nineteen" | "nineteenth" => 19,
        "twenty" | "twentieth" => 20,
        "thirty" | "thirtieth" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// A count in a duration: "two", "a couple of", "21".
pub(super) fn count(w: &str) -> Option<i32> {
    let w = w.to_ascii_lowercase();
    let w = w.trim_end_matches(" of").trim();
    let w = w.strip_prefix("a ").unwrap_or(w).trim();
    small_number(w)
}

/// A year written as words: "nineteen ninety six" (two pairs),
/// "two thousand and fifteen", "seventeen hundred thirty three".
pub(super) fn year_in_words(text: &str) -> Option<i16> {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(['-', ' ', '\t', '\u{a0}'])
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    let year = if words.contains(&"thousand") || words.contains(&"hundred") {
        let mut total = 0;
        let mut current = 0;
        for w in &words {
            match *w {
                "thousand" => {
                    total += current.max(1) * 1000;
                    current = 0;
                }
                "hundred" => current = current.max(1) * 100,
                other => current += unit_word(other)?,
            }
        }
        total + current
    } else {
        let (first, rest) = words.split_first()?;
        let century = unit_word(first)?;
        if !(10..=20).contains(&century) || rest.is_empty() {
            return None;
        }
        let mut tail = 0;
        for w in rest {
            tail += unit_word(w)?;
        }
        if tail >= 100 {
            return None;
        }
        century * 100 + tail
    };
    i16::try_from(year).ok().filter(|y| (1..=2999).contains(y))
}

/// Fixed and movable holidays of the English-speaking press. Where
/// countries differ (Thanksgiving, Labor Day) the US date is used, as the
/// wires do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holiday {
    Fixed(i8, i8),
    /// Days from Easter Sunday.
    Easter(i32),
    /// nth weekday of a month; n = -1 is the last.
    Nth(i8, Weekday, i8),
    /// Days after the nth weekday of a month (Black Friday).
    NthPlus(i8, Weekday, i8, i32),
}

pub(super) fn holiday(name: &str) -> Option<Holiday> {
    let n: String = name
        .to_ascii_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    use Holiday::*;
    use Weekday::*;
    Some(match n.as_str() {
        "christmas" | "christmasday" | "xmas" => Fixed(12, 25),
        "christmaseve" => Fixed(12, 24),
        "newyearsday" | "newyearday" | "newyears" => Fixed(1, 1),
        "newyearseve" | "newyeareve" => Fixed(12, 31),
        "easter" | "eastersunday" => Easter(0),
        "eastermonday" => Easter(1),
        "goodfriday" => Easter(-2),
        "thanksgiving" | "thanksgivingday" => Nth(11, Thursday, 4),
        "blackfriday" => NthPlus(11, Thursday, 4, 1),
        "independenceday" => Fixed(7, 4),
        "halloween" => Fixed(10, 31),
        "valentinesday" | "valentineday" => Fixed(2, 14),
        "laborday" | "labourday" => Nth(9, Monday, 1),
        "memorialday" => Nth(5, Monday, -1),
        "veteransday" => Fixed(11, 11),
        "boxingday" => Fixed(12, 26),
        "stpatrick" | "stpatricks" | "stpatricksday" | "saintpatrick" | "saintpatricks"
        | "saintpatricksday" => Fixed(3, 17),
        "earthday" => Fixed(4, 22),
        "workersday" | "internationalworkersday" => Fixed(5, 1),
        "mothersday" => Nth(5, Sunday, 2),
        "fathersday" => Nth(6, Sunday, 3),
        "martinlutherkingday" | "martinlutherkingjrday" | "mlkday" => Nth(1, Monday, 3),
        "presidentsday" => Nth(2, Monday, 3),
        "canadaday" => Fixed(7, 1),
        "bastilleday" => Fixed(7, 14),
        "australiaday" => Fixed(1, 26),
        _ => return None,
    })
}

impl Holiday {
    /// The holiday's day in `year`, when the calendar has one.
    pub(super) fn in_year(self, year: i16) -> Option<Date> {
        match self {
            Holiday::Fixed(m, d) => Date::new(year, m, d).ok(),
            Holiday::Easter(offset) => easter(year)?
                .checked_add(jiff::Span::new().try_days(offset).ok()?)
                .ok(),
            Holiday::Nth(m, w, n) => nth_weekday_of_month(year, m, w, n),
            Holiday::NthPlus(m, w, n, plus) => nth_weekday_of_month(year, m, w, n)?
                .checked_add(jiff::Span::new().try_days(plus).ok()?)
                .ok(),
        }
    }
}

/// Easter Sunday (the anonymous Gregorian algorithm).
pub(super) fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The nth weekday of a month (n = -1: the last), if the month has one.
pub(super) fn nth_weekday_of_month(year: i16, month: i8, weekday: Weekday, n: i8) -> Option<Date> {
    let first = Date::new(year, month, 1).ok()?;
    if n < 0 {
        let last = first.last_of_month();
        return if last.weekday() == weekday {
            Some(last)
        } else {
            last.nth_weekday(-1, weekday).ok()
        };
    }
    let date = if first.weekday() == weekday {
        if n == 1 {
            Some(first)
        } else {
            first.nth_weekday(i32::from(n) - 1, weekday).ok()
        }
    } else {
        first.nth_weekday(i32::from(n), weekday).ok()
    }?;
    (date.month() == month).then_some(date)
}

/// Which way a sentence points in time, read from its verbs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    /// No cue either way.
    Open,
}

const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "going to",
    "is due",
    "are due",
    "due to",
    "is set to",
    "are set to",
    "is scheduled",
    "are scheduled",
    "is expected to",
    "are expected to",
    "plans to",
    "plan to",
    "planned for",
    "upcoming",
    "next",
    "want to",
    "wants to",
    "intend",
    "aims to",
    "hope to",
    "hopes to",
    "would like",
    "let's",
    "let us",
    "schedule",
    "forthcoming",
    // Requests are about what is still to come.
    "can you",
    "could you",
];

const PAST_CUES: &[&str] = &[
    "was", "were", "had", "did", "ago", "last", "said", "went", "came", "left", "met", "took",
    "began", "saw", "held", "made", "gave", "got", "told", "told", "happened", "became", "won",
    "lost", "sold", "bought", "fell", "rose", "led", "ran", "spent", "signed", "died", "born",
    "been", "previous", "earlier",
];

/// The tense that governs the date at `at`: the nearest cue before it in
/// its sentence ("met on Thursday and will meet next Tuesday"), else the
/// first cue after it ("On July 3, Norland recognised ..."). Between two
/// cues at one place, a future one wins: "said talks will resume".
pub(super) fn tense_around(text: &str, at: std::ops::Range<usize>) -> Tense {
    let start = sentence_start(text, at.start);
    let end = sentence_end(text, at.end).max(start);
    let sentence = text.get(start..end).unwrap_or("");
    let (date_start, date_end) = (at.start.saturating_sub(start), at.end.saturating_sub(start));
    let mut before: Option<(usize, Tense)> = None;
    let mut after: Option<(usize, Tense)> = None;
    // Every cue in text order, for what governs a perfect infinitive.
    let mut cues: Vec<(usize, Tense)> = Vec::new();
    // One pass over the sentence with every cue in one pattern.
    for caps in CUES.captures_iter(sentence) {
        let (Some(m), tense) = (
            caps.get(0),
            if caps.name("future").is_some() {
                Tense::Future
            } else {
                Tense::Past
            },
        ) else {
            continue;
        };
        if tense == Tense::Past
            && caps
                .name("verb")
                .is_some_and(|v| NOT_PAST_VERBS.contains(&v.as_str().to_ascii_lowercase().as_str()))
        {
            continue;
        }
        let i = m.start();
        cues.push((i, tense));
        if i < date_start {
            if before.is_none_or(|(j, t)| i > j || i == j && t == Tense::Past) {
                before = Some((i, tense));
            }
        } else if i >= date_end && after.is_none() {
            after = Some((i, tense));
        }
    }
    match before.or(after) {
        // "will be held", "is due to have signed": a participle after a
        // future auxiliary is future.
        Some((i, Tense::Past)) => {
            let mut from = i.saturating_sub(16).min(sentence.len());
            while !sentence.is_char_boundary(from) {
                from += 1;
            }
            let lead = sentence.get(from..i).unwrap_or("");
            if FUTURE_AUXILIARY.is_match(lead) {
                return Tense::Future;
            }
            // "is believed to have died", "is due to have signed": a
            // perfect infinitive looks back from whatever governs it, so
            // the cue before "to have" decides; with none it looks back.
            match PERFECT_INFINITIVE.find(lead) {
                Some(infinitive) => {
                    let at = from + infinitive.start();
                    match cues.iter().rev().find(|(j, _)| *j < at) {
                        Some((_, Tense::Future)) => Tense::Future,
                        _ => Tense::Past,
                    }
                }
                None => Tense::Past,
            }
        }
        Some((_, tense)) => tense,
        None => Tense::Open,
    }
}

/// Words in "-ed" that are no past-tense verbs, or that look ahead.
const NOT_PAST_VERBS: &[&str] = &[
    "united",
    "based",
    "scheduled",
    "expected",
    "planned",
    "proposed",
];

/// Every tense cue, future ones first so that at one place they win.
static CUES: LazyLock<Regex> = LazyLock::new(|| {
    let words = |cues: &[&str]| {
        cues.iter()
            .map(|c| regex::escape(c).replace(' ', r"(?:[\ \t]|(?u:\u{a0}))+"))
            .collect::<Vec<_>>()
            .join("|")
    };
    let b = r"(?-u:\b)";
    RegexBuilder::new(&format!(
        r"(?P<future>{b}(?:{future}){b}|(?:'|(?u:’))ll{b})|(?P<past>{b}(?:{past}){b}|{b}(?P<verb>[a-z]{{3,}}ed){b})",
        future = words(FUTURE_CUES),
        past = words(PAST_CUES),
    ))
    .case_insensitive(true)
    // ASCII case folding: the cues are English words, and Unicode folding
    // costs several times as much to compile.
    .unicode(false)
    .build()
    .expect("tense cues are a valid pattern")
});

/// What makes the participle after it future: "will be held", "is to
/// be signed". "to have" is not among them: see [`PERFECT_INFINITIVE`].
static FUTURE_AUXILIARY: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(r"(?-u:\b)(?:will|shall|to[\ \t]+be)[\ \t]|['’]ll[\ \t]")
        .case_insensitive(true)
        .build()
        .expect("auxiliary pattern is valid")
});

/// "to have (been)" right before a participle: a perfect infinitive, past from
/// the point of view of the verb that governs it ("is thought to have
/// left", "is expected to have finished").
static PERFECT_INFINITIVE: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(r"(?-u:\b)to[\ \t]+have[\ \t]+(?:been[\ \t]+)?$")
        .case_insensitive(true)
        .build()
        .expect("perfect infinitive pattern is valid")
});

fn sentence_start(text: &str, at: usize) -> usize {
    let floor = at.saturating_sub(300);
    let mut i = at.min(text.len());
    while i > floor {
        let Some(c) = text[..i].chars().next_back() else {
            break;
        };
        if matches!(c, '.' | '!' | '?' | '\n' | '\r')
            && text[i..].starts_with([' ', '\n', '\r', '"', '“'])
        {
            return i;
        }
        i -= c.len_utf8();
    }
    i
}

fn sentence_end(text: &str, at: usize) -> usize {
    let ceil = (at + 300).min(text.len());
    let mut i = at.min(text.len());
    while i < ceil {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if matches!(c, '!' | '?' | '\n' | '\r')
            || c == '.' && text[i + 1..].starts_with([' ', '\n', '\r'])
        {
            return i;
        }
        i += c.len_utf8();
    }
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn years_in_words() {
        assert_eq!(year_in_words("nineteen ninety six"), Some(1996));
        assert_eq!(year_in_words("two thousand and fifteen"), Some(2015));
        assert_eq!(year_in_words("seventeen hundred thirty three"), Some(1733));
        assert_eq!(year_in_words("nineteen zero one"), Some(1901));
        assert_eq!(year_in_words("two thousand"), Some(2000));
        assert_eq!(
            year_in_words("one thousand seven hundred and eighty nine"),
            Some(1789)
        );
        assert_eq!(year_in_words("twenty"), None);
        assert_eq!(year_in_words("two hundred and sixty seven"), Some(267));
    }

    #[test]
    fn movable_holidays() {
        assert_eq!(easter(2025), Some(date(2025, 4, 20)));
        assert_eq!(easter(2019), Some(date(2019, 4, 21)));
        let thanksgiving = holiday("Thanksgiving").unwrap();
        assert_eq!(thanksgiving.in_year(2025), Some(date(2025, 11, 27)));
        assert_eq!(
            holiday("Memorial Day").unwrap().in_year(2025),
            Some(date(2025, 5, 26))
        );
        assert_eq!(
            holiday("Labor Day").unwrap().in_year(2025),
            Some(date(2025, 9, 1))
        );
        assert_eq!(
            holiday("Good Friday").unwrap().in_year(2025),
            Some(date(2025, 4, 18))
        );
        assert_eq!(nth_weekday_of_month(2017, 9, Weekday::Sunday, 5), None);
    }

    #[test]
    fn tense_cues() {
        let t = "Officials said talks will resume on March 3.";
        assert_eq!(tense_around(t, 36..43), Tense::Future);
        let t = "Norland recognised the government on March 3.";
        assert_eq!(tense_around(t, 36..43), Tense::Past);
        let t = "The summit is on March 3.";
        assert_eq!(tense_around(t, 17..24), Tense::Open);
    }

    #[test]
    fn a_perfect_infinitive_looks_back_unless_its_verb_looks_ahead() {
        for (t, tense) in [
            ("He is believed to have died Saturday.", Tense::Past),
            ("She is thought to have left Saturday.", Tense::Past),
            ("He was said to have fled Saturday.", Tense::Past),
            ("They are reported to have crossed Saturday.", Tense::Past),
            ("He is believed to have been killed Saturday.", Tense::Past),
            (
                "The pact is due to have been signed by Saturday.",
                Tense::Future,
            ),
            ("Work is expected to have finished Saturday.", Tense::Future),
            ("The vote will be held Saturday.", Tense::Future),
        ] {
            let at = t.find("Saturday").unwrap();
            assert_eq!(tense_around(t, at..at + 8), tense, "{t}");
        }
    }
}
