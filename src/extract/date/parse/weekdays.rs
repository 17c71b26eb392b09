//! Forms built on a weekday: counted in a month ("the first Friday of
//! July"), in a week ("Tuesday of next week"), from the document date
//! ("two Sundays from now"), beside a day ("Friday 31"), or alone ("on
//! Thursday").

use super::context::{starts_a_name, word_after, word_before};
use super::fields::{day_in, num, shift_of, shift_offset, weekday_word_ok};
use super::{found, Captures};
use crate::extract::date::words;
use crate::extract::date::{Expr, Found};
use crate::source::DateOrder;
use crate::value::date::{month_number, weekday_of};

/// A weekday counted in a named month: "the first Friday of July", "the
/// second Monday of next month".
pub(super) fn nth_weekday_of_month(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("nth")?;
    let n = match caps.name("nth_n")?.as_str().to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        _ => -1,
    };
    let weekday = weekday_of(caps.name("nth_wd")?.as_str())?;
    let (month, month_offset) = match caps.name("nth_m") {
        Some(w) => (Some(month_number(w.as_str())?), None),
        None => (
            None,
            Some(shift_offset(shift_of(caps.name("nth_rel")?.as_str()))),
        ),
    };
    found(
        m,
        Expr::NthWeekday {
            n,
            weekday,
            month,
            year: num(caps, "nth_y"),
            month_offset,
        },
    )
}

/// A weekday counted in the document's month: "the second Tuesday".
pub(super) fn nth_weekday(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("nthb")?;
    // "the first Sunday of Advent": of something that is no month.
    if matches!(
        word_after(text, m.end()).to_ascii_lowercase().as_str(),
        "of" | "in"
    ) {
        return None;
    }
    let n = match caps.name("nthb_n")?.as_str().to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => 5,
    };
    let expr = Expr::NthWeekday {
        n,
        weekday: weekday_of(caps.name("nthb_wd")?.as_str())?,
        month: None,
        year: None,
        month_offset: Some(0),
    };
    found(m, expr)
}

/// A weekday in a week named from the document's: "Tuesday of next week",
/// "next week on Friday", "this week Friday".
pub(super) fn weekday_of_week(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("wk")?;
    let (wd, shift) = match caps.name("wk_wd1") {
        Some(wd) => (wd, caps.name("wk_s1")?),
        None => (caps.name("wk_wd2")?, caps.name("wk_s2")?),
    };
    let weekday = weekday_of(wd.as_str())?;
    let week = shift_offset(shift_of(shift.as_str()));
    found(m, Expr::WeekdayOfWeek { weekday, week })
}

/// Weekdays counted from the document date: "two Sundays from now",
/// "three Fridays ago".
pub(super) fn weekdays_away(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("nwd")?;
    let n = words::count(caps.name("nwd_n")?.as_str())?;
    let weekday = weekday_of(caps.name("nwd_wd")?.as_str())?;
    let dir = caps.name("nwd_dir")?.as_str().to_ascii_lowercase();
    let sign = if dir == "ago" || dir == "back" { -1 } else { 1 };
    found(
        m,
        Expr::WeekdaysAway {
            n: n * sign,
            weekday,
        },
    )
}

/// A weekday and a day of the month: "Friday 31", "Mon 13th", "Tuesday
/// the eleventh".
pub(super) fn weekday_and_day(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("wdd")?;
    let wd = caps.name("wdd_wd")?.as_str();
    if !weekday_word_ok(wd) {
        return None;
    }
    let day = match caps.name("wdd_d2") {
        Some(d) => {
            // "on Monday 12 people died": a count, not a day.
            let has_ord = d.end() < m.end();
            if !has_ord
                && word_after(text, m.end())
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            {
                return None;
            }
            d.as_str().parse().ok()?
        }
        None => day_in(caps, "wdd_d", "wdd_dw")?,
    };
    found(
        m,
        Expr::WeekdayDay {
            weekday: weekday_of(wd)?,
            day,
        },
    )
}

/// A weekday alone: "on Thursday".
pub(super) fn weekday(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("wd")?;
    let word = m.as_str();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    // "the first Sunday of Advent": an ordinal we could not place.
    let ordinal_before = matches!(
        word_before(text, m.start()).as_str(),
        "first" | "second" | "third" | "fourth" | "fifth" | "st" | "nd" | "rd" | "th"
    );
    if !capitalised && word.len() < 6 || ordinal_before || starts_a_name(text, m.end()) {
        return None;
    }
    found(
        m,
        Expr::Weekday {
            weekday: weekday_of(word)?,
            shift: None,
        },
    )
}
