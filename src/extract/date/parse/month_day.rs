//! A day with its month named ("July 4", "4th of July") or unnamed ("the
//! 4th", "on 15.").

use super::context::{word_after, word_before};
use super::fields::{calendar, day_in, month_word_ok, num, weekday_in};
use super::tail::{has_tail, tail_year};
use super::{found, Captures};
use crate::extract::date::words;
use crate::extract::date::Found;
use crate::source::DateOrder;
use crate::value::date::month_number;

/// Month, then day: "(Thursday,) July 4(th)(,) (2025 | this year)",
/// "Oct2", "May twenty nine".
pub(super) fn month_then_day(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("md")?;
    let month_word = caps.name("md_m")?.as_str();
    let tail = has_tail(caps, "md", text);
    let digits = caps.name("md_d").is_some();
    if !month_word_ok(month_word, digits || tail) {
        return None;
    }
    if let Some(w) = caps.name("md_dw") {
        // "May twenty nine" stands alone; "May one day" does not.
        let ordinal = w.as_str().ends_with(['t', 'd', 'h']) && w.as_str() != "eight";
        let next = word_after(text, w.end());
        if !tail && !ordinal && !next.is_empty() {
            return None;
        }
        if !tail && month_word.eq_ignore_ascii_case("may") && !month_word.starts_with('M') {
            return None;
        }
    }
    let weekday = weekday_in(caps, "md_wd").ok()?;
    let (year, end) = tail_year(caps, "md", text);
    let day = day_in(caps, "md_d", "md_dw")?;
    Some(Found {
        range: m.start()..end.unwrap_or(m.end()),
        expr: year.date(month_number(month_word), Some(day), weekday),
        note: None,
    })
}

/// Day, then month: "(Thursday,) (the) 4(th) (day) (of) July(,) (2025)",
/// "16. Nov. 2016", "second of Aug".
pub(super) fn day_then_month(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("dm")?;
    let month_word = caps.name("dm_m")?.as_str();
    let tail = has_tail(caps, "dm", text);
    // "Article 5 may be invoked": "may" after a number is a verb
    // unless a year follows.
    let lower_verb = matches!(month_word.to_ascii_lowercase().as_str(), "may" | "march")
        && !month_word.chars().next()?.is_uppercase();
    if (lower_verb && !tail) || !month_word_ok(month_word, true) {
        return None;
    }
    if let Some(w) = caps.name("dm_dw") {
        let ordinal = w.as_str().ends_with(['t', 'd', 'h']) && w.as_str() != "eight";
        if !ordinal && !tail {
            return None;
        }
    }
    // "$12 December 27": a price, then a date.
    if text[..m.start()].trim_end().ends_with(['$', '£', '€']) {
        return None;
    }
    let weekday = weekday_in(caps, "dm_wd").ok()?;
    let (year, end) = tail_year(caps, "dm", text);
    let day = day_in(caps, "dm_d", "dm_dw")?;
    Some(Found {
        range: m.start()..end.unwrap_or(m.end()),
        expr: year.date(month_number(month_word), Some(day), weekday),
        note: None,
    })
}

/// A day of an unnamed month: "the 4th", "the 27.", "on the second.".
pub(super) fn day_of_the_month(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("dom")?;
    if let Some(w) = caps.name("dom_w") {
        // "on the second." is a day; "the second time" is not.
        let after = &text[m.end()..];
        let ends = after.is_empty() || after.starts_with(['.', '!', '?', ';', ',']);
        let asked = matches!(
            word_before(text, m.start()).as_str(),
            "on" | "for" | "by" | "until" | "till" | "since" | "from"
        );
        if !ends || !asked {
            return None;
        }
        let day = i8::try_from(words::small_number(w.as_str())?).ok()?;
        return found(m, calendar(None, None, Some(day)));
    }
    let after = &text[m.end()..];
    let next = word_after(text, m.end()).to_ascii_lowercase();
    // "the 21st century", "the 4th floor": an ordinal, not a day.
    let ok = if caps.name("dom_o").is_some() {
        next.is_empty()
            || matches!(
                next.as_str(),
                "of" | "and" | "or" | "to" | "at" | "in" | "on"
            )
    } else {
        // "the 27." without a suffix only where nothing follows.
        after.is_empty()
            || after.starts_with(['.', '!', '?', ';'])
            || after.trim_start().starts_with(['.', '!', '?'])
    };
    if !ok || after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    found(m, calendar(None, None, num(caps, "dom_d")))
}

/// A bare day after "on": "on 15.".
pub(super) fn on_day(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("onday")?;
    // "on 16. Nov. 2016" is the day-month form, found one step on.
    let rest = text[m.end()..].trim_start_matches(['.', ' ', '\t', '\u{a0}']);
    if month_number(word_after(rest, 0)).is_some() || rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    found(m, calendar(None, None, m.as_str().parse().ok()))
}
