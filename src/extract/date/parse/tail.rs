//! The year written after a month or a day: ", 2025", " of 1987", "'87",
//! " this year", " 44 BC", and the counts that only look like one
//! ("May 5, 2500 people").

use jiff::civil::Weekday;

use super::context::followed_by_a_word;
use super::fields::{full_year, shift_of, shift_offset};
use super::Captures;
use crate::extract::date::pattern::Piece;
use crate::extract::date::words;
use crate::extract::date::{Expr, OffYear, WrittenYear};

/// What the words after a month and day say of its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tail {
    /// A year the calendar holds, or "this year" (`year_shift` 0) and
    /// "last year" (-1); neither when no year is written.
    Year {
        year: Option<i16>,
        year_shift: Option<i16>,
    },
    /// A year it cannot hold: "44 BC", "0000", "10000".
    Off(OffYear),
}

pub(super) const NO_YEAR: Tail = Tail::Year {
    year: None,
    year_shift: None,
};

impl Tail {
    pub(super) fn date(self, month: Option<i8>, day: Option<i8>, weekday: Option<Weekday>) -> Expr {
        match self {
            Tail::Year { year, year_shift } => Expr::Calendar {
                year,
                month,
                day,
                weekday,
                year_shift,
            },
            Tail::Off(year) => Expr::OffCalendar { year, month, day },
        }
    }
}

/// The year after a month or day: digits, words, "'87", "this year", or
/// digits with an era ("44 BC", "AD 79"). When what the form took after
/// the day is not its year ("May 5, 2500 people"), also where the date
/// ends instead.
pub(super) fn tail_year(caps: &Captures, p: &str, text: &str) -> (Tail, Option<usize>) {
    let part = |suffix: &str| caps.name(&format!("{p}_{suffix}"));
    let not_a_year = || (NO_YEAR, part("YT").map(|t| t.start()));
    let written = |year: Option<WrittenYear>| match year {
        Some(WrittenYear::Year(year)) => (
            Tail::Year {
                year: Some(year),
                year_shift: None,
            },
            None,
        ),
        Some(WrittenYear::Off(year)) => (Tail::Off(year), None),
        None => not_a_year(),
    };
    if let (Some(digits), Some(era)) = (part("YEN"), part("YEB")) {
        if names_the_province(text, digits, era) {
            // "On May 5, 2024 B.C. voters...": the year ends at its digits.
            let year = digits.as_str().parse().ok();
            let tail = Tail::Year {
                year,
                year_shift: None,
            };
            return (tail, Some(digits.end()));
        }
        return written(WrittenYear::read(digits.as_str(), Some(era.as_str())));
    }
    if let Some(digits) = part("YEP") {
        return written(WrittenYear::read(digits.as_str(), None));
    }
    if let Some(y) = part("Y") {
        let text = y.as_str();
        let year = text.parse().ok().or_else(|| words::year_in_words(text));
        return (
            Tail::Year {
                year,
                year_shift: None,
            },
            None,
        );
    }
    if let Some(digits) = part("YODD") {
        // "On May 5, 2500 people marched": a count after the date. A
        // leading zero is never a count: "January 1, 0000" is a year.
        if !digits.as_str().starts_with('0') && followed_by_a_word(text, digits.end()) {
            return not_a_year();
        }
        return written(WrittenYear::read(digits.as_str(), None));
    }
    if let Some(yy) = part("YY") {
        let tail = Tail::Year {
            year: yy.as_str().parse().ok().map(full_year),
            year_shift: None,
        };
        return (tail, None);
    }
    if let Some(rel) = part("YREL") {
        let tail = Tail::Year {
            year: None,
            year_shift: Some(shift_offset(shift_of(rel.as_str())) as i16),
        };
        return (tail, None);
    }
    (NO_YEAR, None)
}

/// True when a year is written after the month or day: not when what the
/// form took there is a count ("May 5, 2500 people").
pub(super) fn has_tail(caps: &Captures, p: &str, text: &str) -> bool {
    let (tail, cut) = tail_year(caps, p, text);
    caps.name(&format!("{p}_YT")).is_some() && !(cut.is_some() && tail == NO_YEAR)
}

/// "the 2024 B.C. election", "2019 BC Hydro": a recent year before "BC"
/// and a word is British Columbia's, not an era's. An older year ("1200
/// BC"), or one that ends its phrase, keeps the era.
pub(super) fn names_the_province(text: &str, digits: Piece<'_>, era: Piece<'_>) -> bool {
    let recent = digits
        .as_str()
        .parse::<u32>()
        .is_ok_and(|y| (1900..=2199).contains(&y));
    recent && matches!(era.as_str(), "BC" | "B.C.") && followed_by_a_word(text, era.end())
}
