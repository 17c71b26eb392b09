//! Expressions built on another: an offset from it ("two weeks before
//! Christmas"), a third of it ("late February"), the week holding it
//! ("the week of March 3"), and ranges between two ("from 2001 to 2004").
//! Each resolves what it is built on first.

use jiff::civil::Date;

use super::{
    add_days, describe_amount, monday_of, on_day, resolve_in, shift_by, single_day, third_of,
    unresolved, ymd, Context,
};
use crate::extract::date::{Amount, Expr, Part};
use crate::value::date::{DateSet, DateValue};

/// The one day a resolved value stands for: its only day, or, for an
/// ambiguous one ("next Friday"), the day it was read as.
fn day_of(value: &DateValue) -> Option<Date> {
    single_day(&value.set).or_else(|| {
        value
            .resolved
            .as_deref()
            .filter(|r| r.len() == 10)
            .and_then(|r| r.parse::<Date>().ok())
    })
}

/// "two weeks before Christmas": `amount` before (`sign` -1) or after
/// (1) the day of `base`.
pub(super) fn resolve_offset(amount: Amount, sign: i32, base: &Expr, ctx: &Context) -> DateValue {
    let (base_value, _) = resolve_in(base, ctx);
    // An ambiguous base ("next Friday") counts from its reading.
    let base_day = day_of(&base_value);
    let point = base_day.and_then(|d| shift_by(d, amount, sign));
    match point {
        Some(day) => on_day(
            None,
            day,
            format!(
                "{} {} {} -> {}",
                describe_amount(amount),
                if sign < 0 { "before" } else { "after" },
                base_value.resolved.as_deref().unwrap_or(&base_value.timex),
                ymd(day)
            ),
        ),
        None => unresolved("XXXX-XX-XX", DateSet::any()),
    }
}

/// "late February", "early 2024": the first, middle or last third of
/// what `base` covers.
pub(super) fn resolve_part_of(
    base: &Expr,
    part: Part,
    ctx: &Context,
) -> (DateValue, Option<String>) {
    let (mut value, warning) = resolve_in(base, ctx);
    let DateSet {
        lo: Some(first),
        hi: Some(last),
        ..
    } = value.set
    else {
        return (value, warning);
    };
    let (lo, hi) = third_of(first, last, part);
    value.set = DateSet::between(lo, hi);
    let word = match part {
        Part::Early => "early",
        Part::Mid => "mid",
        _ => "late",
    };
    let note = format!("{word} -> {lo}..{hi}");
    value.resolution = Some(match value.resolution {
        Some(r) => format!("{r}; {note}"),
        None => note,
    });
    (value, warning)
}

/// "the week of March 3", "w/c 4 Feb": the Monday-to-Sunday week holding
/// the day of `base`.
pub(super) fn resolve_week_of(base: &Expr, ctx: &Context) -> (DateValue, Option<String>) {
    let (base_value, warning) = resolve_in(base, ctx);
    let day = day_of(&base_value);
    let week = day.and_then(|d| Some((monday_of(d)?, d)));
    match week.and_then(|(monday, d)| Some((monday, add_days(monday, 6)?, d))) {
        Some((monday, sunday, d)) => {
            let iso = monday.iso_week_date();
            (
                DateValue {
                    timex: format!("{:04}-W{:02}", iso.year(), iso.week()),
                    // A week is named by its first day, as a month
                    // is by its number; the set holds all seven.
                    resolved: Some(ymd(monday)),
                    resolution: Some(format!(
                        "the week of {}: Monday {} to Sunday {}",
                        ymd(d),
                        ymd(monday),
                        ymd(sunday)
                    )),
                    set: DateSet::between(monday, sunday),
                },
                warning,
            )
        }
        None => (
            unresolved(format!("{}-WXX", base_value.timex), DateSet::any()),
            warning,
        ),
    }
}

/// "from 2001 to 2004", "July 1-5, 2025": from the first day of `a` to
/// the last of `b`, with the first warning either end has.
pub(super) fn resolve_range(a: &Expr, b: &Expr, ctx: &Context) -> (DateValue, Option<String>) {
    let (first, w1) = resolve_in(a, ctx);
    let (second, w2) = resolve_in(b, ctx);
    let set = match (first.set.lo, second.set.hi) {
        (Some(lo), Some(hi)) if lo <= hi => DateSet::between(lo, hi),
        _ => DateSet::any(),
    };
    let show = |v: &DateValue| v.resolved.clone().unwrap_or_else(|| v.timex.clone());
    let resolution = match (first.resolution.as_ref(), second.resolution.as_ref()) {
        (None, None) => None,
        _ => Some(format!("from {} to {}", show(&first), show(&second))),
    };
    (
        DateValue {
            timex: format!("{}/{}", first.timex, second.timex),
            resolved: None,
            resolution,
            set,
        },
        w1.or(w2),
    )
}
