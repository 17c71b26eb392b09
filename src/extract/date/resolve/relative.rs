//! Days and months named from the document date: "yesterday", "last
//! October", "the 15th of next month", "four years ago".

use jiff::civil::Date;

use super::{
    add_days, add_months, describe_amount, month_name, on_day, shift_by, unresolved, ym, ymd,
    Context,
};
use crate::extract::date::{Amount, Shift};
use crate::value::date::{DateSet, DateValue};

/// today (0), yesterday (-1), tomorrow (1): `offset` days from the
/// document date.
pub(super) fn resolve_day(offset: i32, ctx: &Context) -> DateValue {
    let basis = ctx.basis.as_str();
    match ctx.anchor.and_then(|d| add_days(d, i64::from(offset))) {
        Some(day) => {
            let what = match offset {
                0 => "today".to_string(),
                -1 => "yesterday".to_string(),
                1 => "tomorrow".to_string(),
                n => format!("{n:+} days"),
            };
            on_day(
                None,
                day,
                format!("{what} -> {}: against {basis}", ymd(day)),
            )
        }
        None => unresolved(
            if offset == 0 {
                "PRESENT_REF"
            } else {
                "XXXX-XX-XX"
            },
            DateSet::any(),
        ),
    }
}

/// "last October", "this April": the month in the year the shift points
/// to from the document date.
pub(super) fn resolve_month_shift(month: i8, shift: Shift, ctx: &Context) -> DateValue {
    let basis = ctx.basis.as_str();
    let timex = format!("XXXX-{month:02}");
    let set = DateSet {
        month: Some(month),
        ..DateSet::any()
    };
    let Some(d) = ctx.anchor else {
        return unresolved(timex, set);
    };
    let year = match shift {
        Shift::Last | Shift::Past if month < d.month() => d.year(),
        Shift::Last | Shift::Past => d.year() - 1,
        Shift::This => d.year(),
        Shift::Next | Shift::Coming if month > d.month() => d.year(),
        Shift::Next | Shift::Coming => d.year() + 1,
    };
    match DateSet::month_of(year, month) {
        Some(set) => DateValue {
            timex: ym(year, month),
            resolved: Some(ym(year, month)),
            resolution: Some(format!("{} {year}: against {basis}", month_name(month))),
            set,
        },
        None => unresolved(timex, set),
    }
}

/// "the 15th of next month": the day in the month `month_offset` months
/// from the document's.
pub(super) fn resolve_day_of_month(day: i8, month_offset: i32, ctx: &Context) -> DateValue {
    let basis = ctx.basis.as_str();
    let date = ctx
        .anchor
        .and_then(|d| add_months(d.first_of_month(), month_offset))
        .and_then(|f| Date::new(f.year(), f.month(), day).ok());
    match date {
        Some(date) => on_day(
            None,
            date,
            format!("day {day} of the month {month_offset:+} from {basis}"),
        ),
        None => unresolved(
            format!("XXXX-XX-{day:02}"),
            DateSet {
                day: Some(day),
                ..DateSet::any()
            },
        ),
    }
}

pub(super) fn resolve_ago(amount: Amount, sign: i32, loose: bool, ctx: &Context) -> DateValue {
    let Some(d) = ctx.anchor else {
        return unresolved("XXXX", DateSet::any());
    };
    let Some(point) = shift_by(d, amount, sign) else {
        return unresolved("XXXX", DateSet::any());
    };
    // Round counts are loose: "four years ago" is any time from about
    // three to five years back.
    let slack = if !loose {
        Amount::default()
    } else if amount.years >= 10 {
        Amount {
            years: 5,
            ..Amount::default()
        }
    } else if amount.years > 0 {
        Amount {
            years: 1,
            ..Amount::default()
        }
    } else if amount.months > 0 {
        Amount {
            days: 31,
            ..Amount::default()
        }
    } else if amount.weeks > 0 {
        Amount {
            days: 3,
            ..Amount::default()
        }
    } else {
        Amount::default()
    };
    let lo = shift_by(point, slack, -1).unwrap_or(point);
    let hi = shift_by(point, slack, 1).unwrap_or(point);
    DateValue {
        timex: ymd(point),
        resolved: Some(ymd(point)),
        resolution: Some(format!(
            "{} {} {} -> {}",
            describe_amount(amount),
            if sign < 0 { "before" } else { "after" },
            ctx.basis,
            ymd(point)
        )),
        set: DateSet::between(lo, hi),
    }
}
