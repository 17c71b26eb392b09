//! Stretches of the calendar: decades ("the 1980s"), parts of a year
//! ("summer 2024", "Q3"), and periods named from the document date ("last
//! month", "earlier this year", "over the weekend").

use jiff::civil::{Date, Weekday};

use super::{
    add_days, add_months, describe_amount, shift_by, third_of, unresolved, weekday_in_week, ym,
    ymd, Context,
};
use crate::extract::date::words::Tense;
use crate::extract::date::{Amount, Part, Shift, Unit, YearPart};
use crate::value::date::{DateSet, DateValue};

/// "the 1980s", "the late 1990s": the decade starting at `start`, or the
/// part of it.
pub(super) fn resolve_decade(start: i16, part: Part) -> DateValue {
    let (first, last) = match part {
        Part::Early => (start, start + 3),
        Part::Mid => (start + 3, start + 6),
        Part::Late => (start + 6, start + 9),
        _ => (start, start + 9),
    };
    let set = DateSet::years(first, last).unwrap_or_default();
    unresolved(format!("{}", start / 10), set)
}

/// "over the weekend": the last one in reporting, the coming one where
/// the sentence looks ahead, and the one it is on a Saturday or Sunday.
pub(super) fn resolve_the_weekend(ahead: bool, ctx: &Context) -> DateValue {
    let on_weekend = ctx
        .anchor
        .is_some_and(|d| matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday));
    let offset = if ahead || on_weekend { 0 } else { -1 };
    resolve_period(Unit::Weekend, offset, Part::Whole, ctx)
}

pub(super) fn resolve_year_part(
    part: YearPart,
    year: Option<i16>,
    year_shift: Option<i16>,
    shift: Option<Shift>,
    ctx: &Context,
) -> DateValue {
    let bounds = |y: i16| -> Option<(Date, Date)> {
        let first = Date::new(y, part.first_month, 1).ok()?;
        let last = add_months(first, i32::from(part.months) - 1)?.last_of_month();
        Some((first, last))
    };
    let label = |y: i16| match part.name {
        "Q" => format!("{y:04}-Q{}", (part.first_month + 2) / 3),
        "H" => format!("{y:04}-H{}", (part.first_month + 5) / 6),
        season => format!("{y:04}-{season}"),
    };
    let timex_unknown = match part.name {
        "Q" => format!("XXXX-Q{}", (part.first_month + 2) / 3),
        "H" => format!("XXXX-H{}", (part.first_month + 5) / 6),
        season => format!("XXXX-{season}"),
    };
    let winter = part.first_month == 12;
    if let Some(y) = year {
        // "winter 2024" is read both ways (2023-24 and 2024-25) in the press.
        let set = if winter {
            match (Date::new(y - 1, 12, 1), bounds(y)) {
                (Ok(lo), Some((_, hi))) => DateSet::between(lo, hi),
                _ => DateSet::any(),
            }
        } else {
            bounds(y).map_or_else(DateSet::any, |(lo, hi)| DateSet::between(lo, hi))
        };
        return unresolved(label(y), set);
    }
    let Some(d) = ctx.anchor else {
        return unresolved(timex_unknown, DateSet::any());
    };
    // The part of the year that holds or precedes the document date.
    let started = |y: i16| bounds(y).is_some_and(|(lo, _)| lo <= d);
    let ended = |y: i16| bounds(y).is_some_and(|(_, hi)| hi < d);
    let current = if started(d.year()) {
        d.year()
    } else {
        d.year() - 1
    };
    let y = match (year_shift, shift) {
        (Some(s), _) => d.year() + s,
        (None, Some(Shift::Last | Shift::Past)) => {
            if ended(current) {
                current
            } else {
                current - 1
            }
        }
        (None, Some(Shift::This)) => current,
        (None, Some(Shift::Next | Shift::Coming)) => current + 1,
        (None, None) => match *ctx.tense {
            Tense::Past => {
                if started(d.year()) {
                    d.year()
                } else {
                    d.year() - 1
                }
            }
            Tense::Future => {
                if ended(d.year()) {
                    d.year() + 1
                } else {
                    d.year()
                }
            }
            Tense::Open => d.year(),
        },
    };
    match bounds(y) {
        Some((lo, hi)) => DateValue {
            timex: label(y),
            resolved: None,
            resolution: Some(format!("{} -> {lo}..{hi}: against {}", label(y), ctx.basis)),
            set: DateSet::between(lo, hi),
        },
        None => unresolved(timex_unknown, DateSet::any()),
    }
}

pub(super) fn resolve_period(unit: Unit, offset: i32, part: Part, ctx: &Context) -> DateValue {
    let Some(d) = ctx.anchor else {
        let timex = match unit {
            Unit::Year => "XXXX",
            Unit::Month => "XXXX-XX",
            Unit::Week | Unit::Weekend => "XXXX-WXX",
            Unit::Quarter => "XXXX-QX",
            Unit::Day => "XXXX-XX-XX",
            Unit::Decade => "XXX",
        };
        return unresolved(timex, DateSet::any());
    };
    if part == Part::Rolling {
        let back = match unit {
            Unit::Year => Amount {
                years: 1,
                ..Amount::default()
            },
            Unit::Decade => Amount {
                years: 10,
                ..Amount::default()
            },
            Unit::Quarter => Amount {
                months: 3,
                ..Amount::default()
            },
            Unit::Month => Amount {
                months: 1,
                ..Amount::default()
            },
            Unit::Week | Unit::Weekend => Amount {
                weeks: 1,
                ..Amount::default()
            },
            Unit::Day => Amount {
                days: 1,
                ..Amount::default()
            },
        };
        let lo = shift_by(d, back, -1).unwrap_or(d);
        return DateValue {
            timex: format!("{}/{}", ymd(lo), ymd(d)),
            resolved: None,
            resolution: Some(format!("the {} up to {}", describe_amount(back), ctx.basis)),
            set: DateSet::between(lo, d),
        };
    }
    let span = match unit {
        Unit::Year | Unit::Day => {
            let y = d.year() + offset as i16;
            Date::new(y, 1, 1)
                .ok()
                .zip(Date::new(y, 12, 31).ok())
                .map(|(f, l)| (f, l, format!("{y:04}"), Some(format!("{y:04}"))))
        }
        Unit::Month => add_months(d.first_of_month(), offset).map(|first| {
            let text = ym(first.year(), first.month());
            (first, first.last_of_month(), text.clone(), Some(text))
        }),
        Unit::Quarter => {
            let q_first = Date::new(d.year(), (d.month() - 1) / 3 * 3 + 1, 1).ok();
            q_first
                .and_then(|f| add_months(f, 3 * offset))
                .and_then(|first| {
                    let last = add_months(first, 2)?.last_of_month();
                    Some((
                        first,
                        last,
                        format!("{:04}-Q{}", first.year(), (first.month() + 2) / 3),
                        None,
                    ))
                })
        }
        Unit::Week | Unit::Weekend => {
            let monday = weekday_in_week(d, Weekday::Monday, offset);
            monday.and_then(|monday| {
                let week = monday.iso_week_date();
                let timex = format!("{:04}-W{:02}", week.year(), week.week());
                if unit == Unit::Weekend {
                    Some((
                        add_days(monday, 5)?,
                        add_days(monday, 6)?,
                        format!("{timex}-WE"),
                        None,
                    ))
                } else {
                    Some((monday, add_days(monday, 6)?, timex, None))
                }
            })
        }
        Unit::Decade => {
            let start = (d.year() / 10) * 10 + 10 * offset as i16;
            Date::new(start, 1, 1)
                .ok()
                .zip(Date::new(start + 9, 12, 31).ok())
                .map(|(f, l)| (f, l, format!("{}", start / 10), None))
        }
    };
    let Some((first, last, timex, resolved)) = span else {
        return unresolved("XXXX", DateSet::any());
    };
    // "earlier this year" runs up to the document date; "later" from it;
    // "the end of the month" is its last third.
    let (lo, hi) = match part {
        Part::Earlier if offset == 0 => (first, d),
        Part::Later if offset == 0 => (d, last),
        _ => third_of(first, last, part),
    };
    DateValue {
        resolution: Some(format!("{timex} ({lo}..{hi}): against {}", ctx.basis)),
        timex,
        resolved,
        set: DateSet::between(lo, hi),
    }
}
