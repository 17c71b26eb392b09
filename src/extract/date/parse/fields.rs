//! Reading one capture group's value: a number, a shift ("last", "next"),
//! a unit, a part of a period, a month or weekday name that is one.

use jiff::civil::Weekday;

use super::Captures;
use crate::extract::date::words;
use crate::extract::date::{Expr, Part, Shift, Unit};
use crate::value::date::weekday_of;

pub(super) fn num<T: std::str::FromStr>(caps: &Captures, name: &str) -> Option<T> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

pub(super) fn calendar(year: Option<i16>, month: Option<i8>, day: Option<i8>) -> Expr {
    Expr::Calendar {
        year,
        month,
        day,
        weekday: None,
        year_shift: None,
    }
}

/// Two-digit years: 00-39 are 20xx, 40-99 are 19xx.
pub(super) fn full_year(two: i16) -> i16 {
    if two < 40 {
        2000 + two
    } else {
        1900 + two
    }
}

pub(super) fn shift_of(word: &str) -> Shift {
    let w = word.to_ascii_lowercase();
    let w = w.split_whitespace().last().unwrap_or("");
    match w {
        "past" => Shift::Past,
        "last" | "previous" => Shift::Last,
        "next" | "following" => Shift::Next,
        "coming" | "upcoming" => Shift::Coming,
        _ => Shift::This,
    }
}

pub(super) fn shift_offset(shift: Shift) -> i32 {
    match shift {
        Shift::Last | Shift::Past => -1,
        Shift::This => 0,
        Shift::Next | Shift::Coming => 1,
    }
}

pub(super) fn part_of(word: Option<&str>) -> Part {
    let Some(w) = word else { return Part::Whole };
    let w = w.to_ascii_lowercase();
    if w.contains("end") {
        Part::Late
    } else if w.contains("start") || w.contains("beginning") {
        Part::Early
    } else if w.contains("middle") {
        Part::Mid
    } else {
        match w.as_str() {
            "earlier" => Part::Earlier,
            "later" => Part::Later,
            "early" => Part::Early,
            "mid" => Part::Mid,
            "late" => Part::Late,
            _ => Part::Whole,
        }
    }
}

pub(super) fn unit_of(word: &str) -> Option<Unit> {
    let w = word.to_ascii_lowercase();
    Some(match w.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

/// Month names that are also common words ("may", "march") need a
/// capital or a number beside them; abbreviations need one or the other.
pub(super) fn month_word_ok(word: &str, has_number: bool) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let abbreviated = lower.len() <= 4 && !matches!(lower.as_str(), "may" | "june" | "july");
    match lower.as_str() {
        "may" | "march" => capitalised || has_number,
        "mar" => capitalised && has_number,
        _ if abbreviated => capitalised || has_number,
        _ => true,
    }
}

/// Weekday abbreviations only capitalised ("Wed", never "wed").
pub(super) fn weekday_word_ok(word: &str) -> bool {
    word.len() >= 6 || word.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn weekday_in(caps: &Captures, name: &str) -> Result<Option<Weekday>, ()> {
    match caps.name(name) {
        Some(w) if weekday_word_ok(w.as_str()) => Ok(weekday_of(w.as_str())),
        Some(_) => Err(()),
        None => Ok(None),
    }
}

/// A day of the month written as digits or words.
pub(super) fn day_in(caps: &Captures, digits: &str, word: &str) -> Option<i8> {
    let day = match caps.name(digits) {
        Some(m) => m.as_str().parse().ok()?,
        None => words::small_number(caps.name(word)?.as_str())?,
    };
    i8::try_from(day).ok().filter(|d| (1..=31).contains(d))
}
