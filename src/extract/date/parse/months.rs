//! A month without a day: with its year ("April 2025", "2017 april"),
//! after a word that asks for a date ("in April"), or alone ("October").

use super::context::{bare_year_ok, followed_by_a_word, starts_a_name};
use super::fields::{calendar, month_word_ok, num, shift_of, shift_offset};
use super::tail::names_the_province;
use super::{found, Captures};
use crate::extract::date::words;
use crate::extract::date::{Expr, Found, WrittenYear};
use crate::source::DateOrder;
use crate::value::date::month_number;

/// Month and year: "April 2025", "April of 1987", "Dec-2018", "October
/// two thousand and five", "June next year", "March 44 BC".
pub(super) fn month_year(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("my")?;
    let month_word = caps.name("my_m")?.as_str();
    if !month_word_ok(month_word, true) {
        return None;
    }
    if let Some(rel) = caps.name("my_rel") {
        let expr = Expr::Calendar {
            year: None,
            month: month_number(month_word),
            day: None,
            weekday: None,
            year_shift: Some(shift_offset(shift_of(rel.as_str())) as i16),
        };
        return found(m, expr);
    }
    let written = if let (Some(digits), Some(era)) = (caps.name("my_en"), caps.name("my_eb")) {
        if names_the_province(text, digits, era) {
            return None;
        }
        WrittenYear::read(digits.as_str(), Some(era.as_str()))?
    } else if let Some(digits) = caps.name("my_ep") {
        WrittenYear::read(digits.as_str(), None)?
    } else if let Some(digits) = caps.name("my_odd") {
        // "in May 2500 troops": a count after the month.
        if !digits.as_str().starts_with('0') && followed_by_a_word(text, digits.end()) {
            return None;
        }
        WrittenYear::read(digits.as_str(), None)?
    } else {
        WrittenYear::Year(match caps.name("my_y") {
            Some(y) => y.as_str().parse().ok()?,
            None => words::year_in_words(caps.name("my_yw")?.as_str())?,
        })
    };
    found(m, written.date(month_number(month_word), None, None))
}

/// Year, then month: "2017 april", "2016, nov".
pub(super) fn year_month(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("ym")?;
    let month_word = caps.name("ym_m")?.as_str();
    let lower_verb = matches!(month_word, "may" | "march" | "mar");
    if lower_verb
        || !month_word_ok(month_word, true)
        || !bare_year_ok(text, caps.name("ym_y")?.range())
    {
        return None;
    }
    found(
        m,
        calendar(num(caps, "ym_y"), month_number(month_word), None),
    )
}

/// A month after a preposition or a part: "in April", "since August",
/// "early September", "in may.".
pub(super) fn month_after_a_word(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("mo_m")?;
    let word = m.as_str();
    let rest = &text[m.end()..];
    let lower_common = matches!(word, "may" | "march" | "mar");
    let ends_clause = rest.is_empty() || rest.starts_with(['.', ',', ';', '!', '?', ')']);
    if !(month_word_ok(word, false) || lower_common && ends_clause) || followed_by_number(rest) {
        // "in August 2021" is the month-year form, found one step on.
        return None;
    }
    found(m, calendar(None, month_number(word), None))
}

/// A month name standing alone: "October".
pub(super) fn bare_month(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("bmonth")?;
    // A month name standing alone, capitalised, and not the start of
    // a name ("October Revolution").
    let word = m.as_str();
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) || starts_a_name(text, m.end()) {
        return None;
    }
    found(m, calendar(None, month_number(word), None))
}

/// True when a day or year follows: ", 2021", " 2021", " 17".
fn followed_by_number(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', ' ', '\u{a0}', '\t', '.', '-', '/']);
    let rest = rest
        .strip_prefix("of ")
        .or_else(|| rest.strip_prefix("Of "))
        .unwrap_or(rest);
    rest.starts_with(|c: char| c.is_ascii_digit())
        || crate::extract::date::pattern::YEAR_IN_WORDS
            .find(rest)
            .and_then(|m| words::year_in_words(m.as_str()))
            .is_some_and(|y| y >= 1000)
}
