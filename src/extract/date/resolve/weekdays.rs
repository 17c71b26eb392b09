//! Weekdays: named from the document date ("next Tuesday"), in a week
//! ("Tuesday of next week"), counted in a month ("the first Friday of
//! July") or from the document date ("two Sundays from now"), and beside a
//! day of the month ("Friday the 13th").

use jiff::civil::{Date, Weekday};

use super::calendar::pick_year_for_month;
use super::{add_months, on_day, unresolved, weekday_in_week, ymd, Context};
use crate::extract::date::words::{self, Tense};
use crate::extract::date::Shift;
use crate::value::date::{weekday_name, DateSet, DateValue};

pub(super) fn resolve_weekday(weekday: Weekday, shift: Option<Shift>, ctx: &Context) -> DateValue {
    let name = weekday_name(weekday);
    let timex = format!("XXXX-WXX-{}", weekday.to_monday_one_offset());
    let set = DateSet {
        weekday: Some(weekday),
        ..DateSet::any()
    };
    let Some(d) = ctx.anchor else {
        return unresolved(timex, set);
    };
    let basis = &ctx.basis;
    let strictly_after = d.nth_weekday(1, weekday).ok();
    let strictly_before = d.nth_weekday(-1, weekday).ok();
    let (day, how, other) = match shift {
        Some(Shift::Coming) => (strictly_after, format!("the first {name} after"), None),
        Some(Shift::Past) => (strictly_before, format!("the last {name} before"), None),
        Some(Shift::This) => (
            weekday_in_week(d, weekday, 0),
            format!("the {name} in the week of"),
            None,
        ),
        // "next Tuesday" is Tuesday of next week to most readers, the
        // first Tuesday to come to some: both are kept as possible.
        Some(Shift::Next) => (
            weekday_in_week(d, weekday, 1),
            format!("the {name} of the week after"),
            strictly_after,
        ),
        Some(Shift::Last) => (
            weekday_in_week(d, weekday, -1),
            format!("the {name} of the week before"),
            strictly_before,
        ),
        None if d.weekday() == weekday => (Some(d), format!("the {name} that is"), None),
        None if *ctx.tense == Tense::Future => {
            (strictly_after, format!("the first {name} after"), None)
        }
        None => (
            strictly_before,
            format!("the last {name} on or before"),
            None,
        ),
    };
    let Some(day) = day else {
        return unresolved(timex, set);
    };
    let mut value = on_day(None, day, format!("{name} -> {}: {how} {basis}", ymd(day)));
    if let Some(other) = other.filter(|o| *o != day) {
        value.set = DateSet {
            weekday: Some(weekday),
            ..DateSet::between(other.min(day), other.max(day))
        };
        if let Some(r) = value.resolution.as_mut() {
            r.push_str(&format!("; some mean {}", ymd(other)));
        }
    }
    value
}

/// "Tuesday of next week": the weekday in the week `week` weeks from the
/// document's own.
pub(super) fn resolve_weekday_of_week(weekday: Weekday, week: i32, ctx: &Context) -> DateValue {
    let basis = ctx.basis.as_str();
    let timex = format!("XXXX-WXX-{}", weekday.to_monday_one_offset());
    let day = ctx.anchor.and_then(|d| weekday_in_week(d, weekday, week));
    match day {
        Some(day) => on_day(
            None,
            day,
            format!(
                "{} of the week {} -> {}: weeks start on Monday, against {basis}",
                weekday_name(weekday),
                match week {
                    0 => "of the document date",
                    w if w < 0 => "before the document date's",
                    _ => "after the document date's",
                },
                ymd(day)
            ),
        ),
        None => unresolved(
            timex,
            DateSet {
                weekday: Some(weekday),
                ..DateSet::any()
            },
        ),
    }
}

/// "the first Friday of July", "the last Monday of next month".
pub(super) fn resolve_nth_weekday(
    n: i8,
    weekday: Weekday,
    month: Option<i8>,
    year: Option<i16>,
    month_offset: Option<i32>,
    ctx: &Context,
) -> DateValue {
    let month_and_year = match (month, month_offset, ctx.anchor) {
        (Some(m), _, _) if year.is_some() => year.map(|y| (y, m)),
        (Some(m), _, Some(d)) => Some((pick_year_for_month(m, d, *ctx.tense), m)),
        (None, Some(off), Some(d)) => {
            add_months(d.first_of_month(), off).map(|f| (f.year(), f.month()))
        }
        _ => None,
    };
    let day = month_and_year.and_then(|(y, m)| words::nth_weekday_of_month(y, m, weekday, n));
    match day {
        Some(day) => on_day(
            None,
            day,
            format!(
                "{} {} of the month -> {}",
                nth_name(n),
                weekday_name(weekday),
                ymd(day)
            ),
        ),
        None => unresolved(
            "XXXX-XX-XX",
            DateSet {
                weekday: Some(weekday),
                month,
                ..DateSet::any()
            },
        ),
    }
}

fn nth_name(n: i8) -> &'static str {
    match n {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        _ => "last",
    }
}

/// "Friday the 13th": the nearest month where that day is that weekday.
pub(super) fn resolve_weekday_day(weekday: Weekday, day: i8, ctx: &Context) -> DateValue {
    let basis = ctx.basis.as_str();
    let set = DateSet {
        day: Some(day),
        weekday: Some(weekday),
        ..DateSet::any()
    };
    let timex = format!("XXXX-XX-{day:02}");
    let Some(d) = ctx.anchor else {
        return unresolved(timex, set);
    };
    let forward = *ctx.tense == Tense::Future;
    let found = (0..28).find_map(|i| {
        let first = add_months(d.first_of_month(), if forward { i } else { -i })?;
        let date = Date::new(first.year(), first.month(), day).ok()?;
        let on_side = if forward { date >= d } else { date <= d };
        (on_side && date.weekday() == weekday).then_some(date)
    });
    match found {
        Some(date) => on_day(
            None,
            date,
            format!(
                "{} the {day} -> {}: the {} such day {} {basis}",
                weekday_name(weekday),
                ymd(date),
                if forward { "first" } else { "last" },
                if forward {
                    "on or after"
                } else {
                    "on or before"
                }
            ),
        ),
        None => unresolved(timex, set),
    }
}

/// "two Sundays from now": the nth such weekday after (or before, when
/// negative) the document date.
pub(super) fn resolve_weekdays_away(n: i32, weekday: Weekday, ctx: &Context) -> DateValue {
    let basis = ctx.basis.as_str();
    let timex = format!("XXXX-WXX-{}", weekday.to_monday_one_offset());
    match ctx.anchor.and_then(|d| d.nth_weekday(n, weekday).ok()) {
        Some(day) => on_day(
            None,
            day,
            format!(
                "{} {} {} {basis} -> {}",
                n.abs(),
                weekday_name(weekday),
                if n < 0 { "before" } else { "after" },
                ymd(day)
            ),
        ),
        None => unresolved(
            timex,
            DateSet {
                weekday: Some(weekday),
                ..DateSet::any()
            },
        ),
    }
}
