//! Calendar fields as written ("July 4", "April 2025", "the 4th"), filled
//! from the document date where the text leaves them out, and dates whose
//! year the calendar cannot hold ("44 BC").

use jiff::civil::{Date, Weekday};

use super::{add_months, month_name, single_day, unresolved, ym, ymd, Context};
use crate::extract::date::words::Tense;
use crate::extract::date::OffYear;
use crate::value::date::{weekday_name, DateSet, DateValue};

/// The year of a month named without one: last year's only in past-tense
/// reporting, next year's only where the sentence looks ahead.
pub(super) fn pick_year_for_month(month: i8, d: Date, tense: Tense) -> i16 {
    match tense {
        Tense::Past if month > d.month() => d.year() - 1,
        Tense::Future if month < d.month() => d.year() + 1,
        _ => d.year(),
    }
}

pub(super) fn resolve_calendar(
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    weekday: Option<Weekday>,
    year_shift: Option<i16>,
    ctx: &Context,
) -> (DateValue, Option<String>) {
    let basis = ctx.basis.as_str();
    let y_text = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
    let timex = match (month, day) {
        (Some(m), Some(d)) => format!("{y_text}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y_text}-{m:02}"),
        (None, Some(d)) => format!("{y_text}-XX-{d:02}"),
        (None, None) => y_text.clone(),
    };
    // An impossible day ("February 30") keeps its value as written.
    if let (Some(m), Some(d)) = (month, day) {
        let probe = DateSet {
            month: Some(m),
            day: Some(d),
            ..DateSet::any()
        };
        let impossible = !(1..=12).contains(&m)
            || probe.is_empty()
            || year.is_some_and(|y| Date::new(y, m, d).is_err());
        if impossible {
            let what = match year {
                Some(y) => format!("{} {d}, {y}", month_name(m)),
                None => format!("{} {d}", month_name(m)),
            };
            return (
                unresolved(timex, DateSet::any()),
                Some(format!("{what} is not a date")),
            );
        }
    }
    let mut set = DateSet {
        month,
        day,
        ..DateSet::any()
    };
    let mut resolved = None;
    let mut why = None;
    let mut year = year;
    if year.is_none() {
        if let (Some(shift), Some(d)) = (year_shift, ctx.anchor) {
            year = Some(d.year() + shift);
            why = Some(format!(
                "\"{} year\" against {basis}",
                match shift {
                    0 => "this",
                    -1 => "last",
                    _ => "next",
                }
            ));
        }
    }
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => {
            if let Ok(date) = Date::new(y, m, d) {
                set = DateSet::on(date);
                resolved = Some(ymd(date));
            }
        }
        (Some(y), Some(m), None) => {
            set = DateSet::month_of(y, m).unwrap_or_default();
            resolved = Some(ym(y, m));
        }
        (Some(y), None, None) => {
            set = DateSet::year(y).unwrap_or_default();
            resolved = Some(format!("{y:04}"));
        }
        (Some(y), None, Some(d)) => {
            set = DateSet {
                day: Some(d),
                ..DateSet::year(y).unwrap_or_default()
            };
        }
        (None, _, _) => {
            if let Some(anchor) = ctx.anchor {
                if let Some((date_set, text, how)) =
                    fill_from_anchor(month, day, anchor, *ctx.tense)
                {
                    set = date_set;
                    let both = if set.lo == set.hi
                        || set.lo.is_some_and(|lo| lo.year() == anchor.year())
                    {
                        ""
                    } else {
                        "; the year before stays possible, as no tense says which"
                    };
                    why = Some(format!(
                        "{} -> {text}: {how} {basis}{both}",
                        timex.trim_start_matches("XXXX-")
                    ));
                    resolved = Some(text);
                }
            }
        }
    }
    let mut warning = None;
    if let Some(w) = weekday {
        if let Some(first) = single_day(&set).filter(|first| first.weekday() != w) {
            warning = Some(format!(
                "{} is a {}, not a {}",
                resolved.as_deref().unwrap_or(&timex),
                weekday_name(first.weekday()),
                weekday_name(w)
            ));
        }
        // The weekday stays in the set even where it contradicts the day:
        // "Sunday, April 15, 2019" (a Monday) can be true of neither day,
        // so it is a set of no days that agrees with no other claim.
        set.weekday = Some(w);
    }
    (
        DateValue {
            timex,
            resolved,
            resolution: why,
            set,
        },
        warning,
    )
}

/// A date whose year the calendar cannot hold: its value as written
/// (TIMEX3 writes a year before AD 1 as `BC0044`), no day it could be
/// checked against, and a warning that says why. Like "February 30" it is
/// an invalid date to the desk, and never the document's year.
pub(super) fn resolve_off_calendar(
    year: OffYear,
    month: Option<i8>,
    day: Option<i8>,
) -> (DateValue, Option<String>) {
    let (y_timex, y_text, why) = match year {
        OffYear::BeforeCommonEra(n) => (
            format!("BC{n:04}"),
            format!("{n} BC"),
            "not a date crosscheck can check: its calendar starts at AD 1",
        ),
        OffYear::Zero => (
            "0000".to_string(),
            "0000".to_string(),
            "not a date: no year 0 comes between 1 BC and AD 1",
        ),
        OffYear::TooLate(n) => (
            n.to_string(),
            n.to_string(),
            "not a date crosscheck can check: its calendar ends with 9999",
        ),
    };
    let (timex, what) = match (month, day) {
        (Some(m), Some(d)) => (
            format!("{y_timex}-{m:02}-{d:02}"),
            format!("{} {d}, {y_text}", month_name(m)),
        ),
        (Some(m), None) => (
            format!("{y_timex}-{m:02}"),
            format!("{} {y_text}", month_name(m)),
        ),
        (None, Some(d)) => (format!("{y_timex}-XX-{d:02}"), y_text),
        (None, None) => (y_timex, y_text),
    };
    (
        unresolved(timex, DateSet::any()),
        Some(format!("{what} is {why}")),
    )
}

/// Fills a missing year (and month) from the anchor: towards the past in
/// past-tense reporting, towards the future where the sentence looks
/// ahead, and otherwise within the document's own year (or month).
fn fill_from_anchor(
    month: Option<i8>,
    day: Option<i8>,
    anchor: Date,
    tense: Tense,
) -> Option<(DateSet, String, &'static str)> {
    match (month, day) {
        (Some(m), Some(d)) => {
            let in_year = |y: i16| Date::new(y, m, d).ok();
            let this_year = in_year(anchor.year());
            let (date, how) = match tense {
                Tense::Past => (
                    this_year
                        .filter(|t| *t <= anchor)
                        .or_else(|| (1..=8).find_map(|back| in_year(anchor.year() - back)))?,
                    "the last such day on or before",
                ),
                Tense::Future => (
                    this_year
                        .filter(|t| *t >= anchor)
                        .or_else(|| (1..=8).find_map(|on| in_year(anchor.year() + on)))?,
                    "the first such day on or after",
                ),
                Tense::Open => match this_year {
                    Some(t) => (t, "in the year of"),
                    None => (
                        (1..=8).find_map(|back| in_year(anchor.year() - back))?,
                        "the last such day on or before",
                    ),
                },
            };
            // With no tense to go by, a day still to come this year may be
            // last year's in a report: both stay possible.
            let last_year =
                in_year(date.year() - 1).filter(|_| tense == Tense::Open && date > anchor);
            let set = match last_year {
                Some(earlier) => DateSet {
                    month: Some(m),
                    day: Some(d),
                    ..DateSet::between(earlier, date)
                },
                None => DateSet::on(date),
            };
            Some((set, ymd(date), how))
        }
        (Some(m), None) => {
            let year = pick_year_for_month(m, anchor, tense);
            let how = match tense {
                Tense::Past => "the last such month on or before",
                Tense::Future => "the first such month on or after",
                Tense::Open => "in the year of",
            };
            let this = DateSet::month_of(year, m)?;
            let set = match DateSet::month_of(year - 1, m) {
                Some(earlier) if tense == Tense::Open && m > anchor.month() => DateSet {
                    month: Some(m),
                    lo: earlier.lo,
                    ..this
                },
                _ => this,
            };
            Some((set, ym(year, m), how))
        }
        (None, Some(d)) => {
            let forward = tense == Tense::Future;
            let date = (0..12).find_map(|i| {
                let first = add_months(anchor.first_of_month(), if forward { i } else { -i })?;
                let date = Date::new(first.year(), first.month(), d).ok()?;
                (if forward {
                    date >= anchor
                } else {
                    date <= anchor
                })
                .then_some(date)
            })?;
            let how = if forward {
                "the first such day on or after"
            } else {
                "the last such day on or before"
            };
            Some((DateSet::on(date), ymd(date), how))
        }
        (None, None) => None,
    }
}
