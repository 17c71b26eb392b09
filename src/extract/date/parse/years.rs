//! A year without a month: alone ("in 1979"), in words ("in nineteen
//! ninety six", "year two hundred"), with its era ("44 BC"), and decades
//! ("the 1980s").

use super::context::bare_year_ok;
use super::fields::{calendar, num, part_of};
use super::tail::names_the_province;
use super::{found, Captures};
use crate::extract::date::words;
use crate::extract::date::{Expr, Found, OffYear, WrittenYear};
use crate::source::DateOrder;

/// A decade: "the 1980s", "the mid-1990s", "the '90s".
pub(super) fn decade(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("decade")?;
    let start = match (caps.name("dec_y"), caps.name("dec_yy")) {
        (Some(d), _) if d.as_str().len() == 4 => d.as_str().parse().ok()?,
        (Some(d), _) | (_, Some(d)) => full_decade(d.as_str().parse().ok()?),
        (None, None) => return None,
    };
    let part = part_of(caps.name("dec_part").map(|p| p.as_str()));
    found(m, Expr::Decade { start, part })
}

/// A year with its era: "44 BC", "3000 B.C.E.", "AD 79", "79 CE".
pub(super) fn year_with_era(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("eyear")?;
    let (digits, era) = match caps.name("ey_n") {
        Some(digits) => (digits, caps.name("ey_era")),
        None => (caps.name("ey_p")?, None),
    };
    // "115,000 BC" seen from its middle.
    let before = &text.as_bytes()[..m.start()];
    if before.len() >= 2
        && matches!(before[before.len() - 1], b',' | b'.')
        && before[before.len() - 2].is_ascii_digit()
    {
        return None;
    }
    if era.is_some_and(|era| names_the_province(text, digits, era)) {
        // "the 2024 B.C. election": the year alone, as before.
        let year = digits.as_str().parse().ok()?;
        if !(1000..=2199).contains(&year) || !bare_year_ok(text, digits.range()) {
            return None;
        }
        return found(digits, calendar(Some(year), None, None));
    }
    let year = WrittenYear::read(digits.as_str(), era.map(|e| e.as_str()))?;
    found(m, year.date(None, None, None))
}

/// A year after "year": "year 0000", "year two hundred and sixty seven".
pub(super) fn the_year_written(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("yearn")?;
    let year = match caps.name("ynw") {
        Some(w) => words::year_in_words(w.as_str())?,
        None => num(caps, "yn")?,
    };
    // "the year 0000": no year 0.
    let year = match year {
        0 => WrittenYear::Off(OffYear::Zero),
        year => WrittenYear::Year(year),
    };
    found(m, year.date(None, None, None))
}

/// A year alone: "in 1979".
pub(super) fn bare_year(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("year")?;
    if !bare_year_ok(text, m.range()) {
        return None;
    }
    found(m, calendar(m.as_str().parse().ok(), None, None))
}

/// A year in words after a preposition: "in nineteen ninety six".
pub(super) fn year_in_words_after_a_word(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let w = caps.name("wy")?;
    let year = words::year_in_words(w.as_str())?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    Some(Found {
        range: w.range(),
        expr: calendar(Some(year), None, None),
        note: None,
    })
}

/// Two-digit decades: the '20s are this century's, the '90s the last's.
fn full_decade(two: i16) -> i16 {
    if two < 30 {
        2000 + two
    } else {
        1900 + two
    }
}
