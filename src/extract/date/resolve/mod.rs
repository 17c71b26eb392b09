//! From an [`Expr`] to a [`DateValue`]: filling what the text leaves out
//! from the document date, towards the past for reports and towards the
//! future where the sentence looks ahead, and saying how in `resolution`.
//!
//! Each kind of expression is resolved in the module of its family; this
//! one holds what they share: the context, and day and month arithmetic.

mod calendar;
mod compound;
mod holidays;
mod periods;
mod relative;
mod weekdays;

use jiff::civil::{Date, Weekday};
use jiff::Span as Duration;

use super::words::Tense;
use super::{Amount, Expr, Part};
use crate::source::DocumentDate;
use crate::value::date::{days_between, DateSet, DateValue, MONTHS};

/// What a date is resolved against. The tense is read from the sentence
/// only when a form needs it: most dates are complete without it.
struct Context<'a> {
    anchor: Option<Date>,
    basis: String,
    tense: std::cell::LazyCell<Tense, Box<dyn FnOnce() -> Tense + 'a>>,
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn ym(year: i16, month: i8) -> String {
    format!("{year:04}-{month:02}")
}

fn month_name(m: i8) -> &'static str {
    MONTHS
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("month")
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Duration::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i32) -> Option<Date> {
    d.checked_add(Duration::new().try_months(n).ok()?).ok()
}

fn unresolved(timex: impl Into<String>, set: DateSet) -> DateValue {
    DateValue {
        timex: timex.into(),
        resolved: None,
        resolution: None,
        set,
    }
}

fn on_day(timex: Option<String>, day: Date, why: String) -> DateValue {
    DateValue {
        timex: timex.unwrap_or_else(|| ymd(day)),
        resolved: Some(ymd(day)),
        resolution: Some(why),
        set: DateSet::on(day),
    }
}

/// The claim's value against the document date, plus a warning when the
/// expression cannot be a real date.
pub(super) fn resolve(
    expr: &Expr,
    doc: Option<&DocumentDate>,
    tense: impl FnOnce() -> Tense,
) -> (DateValue, Option<String>) {
    let ctx = Context {
        anchor: doc.map(|d| d.date),
        basis: doc
            .map(|d| format!("the document date {} ({})", d.date, d.basis.describe()))
            .unwrap_or_default(),
        tense: std::cell::LazyCell::new(Box::new(tense)),
    };
    resolve_in(expr, &ctx)
}

/// The expression's value and warning, by the resolver of its kind.
fn resolve_in(expr: &Expr, ctx: &Context) -> (DateValue, Option<String>) {
    match expr {
        Expr::Calendar {
            year,
            month,
            day,
            weekday,
            year_shift,
        } => calendar::resolve_calendar(*year, *month, *day, *weekday, *year_shift, ctx),
        Expr::Decade { start, part } => (periods::resolve_decade(*start, *part), None),
        Expr::Day(offset) => (relative::resolve_day(*offset, ctx), None),
        Expr::Weekday { weekday, shift } => {
            (weekdays::resolve_weekday(*weekday, *shift, ctx), None)
        }
        Expr::WeekdayOfWeek { weekday, week } => (
            weekdays::resolve_weekday_of_week(*weekday, *week, ctx),
            None,
        ),
        Expr::Period { unit, offset, part } => {
            (periods::resolve_period(*unit, *offset, *part, ctx), None)
        }
        Expr::MonthShift { month, shift } => {
            (relative::resolve_month_shift(*month, *shift, ctx), None)
        }
        Expr::Ago {
            amount,
            sign,
            loose,
        } => (relative::resolve_ago(*amount, *sign, *loose, ctx), None),
        Expr::Pending { .. } => (unresolved("XXXX-XX-XX", DateSet::any()), None),
        Expr::Offset { amount, sign, base } => {
            (compound::resolve_offset(*amount, *sign, base, ctx), None)
        }
        Expr::YearPart {
            part,
            year,
            year_shift,
            shift,
        } => (
            periods::resolve_year_part(*part, *year, *year_shift, *shift, ctx),
            None,
        ),
        Expr::Holiday {
            name,
            holiday,
            year,
            year_shift,
            shift,
        } => (
            holidays::resolve_holiday(name, *holiday, *year, *year_shift, *shift, ctx),
            None,
        ),
        Expr::NthWeekday {
            n,
            weekday,
            month,
            year,
            month_offset,
        } => (
            weekdays::resolve_nth_weekday(*n, *weekday, *month, *year, *month_offset, ctx),
            None,
        ),
        Expr::DayOfMonth { day, month_offset } => (
            relative::resolve_day_of_month(*day, *month_offset, ctx),
            None,
        ),
        Expr::WeekdayDay { weekday, day } => {
            (weekdays::resolve_weekday_day(*weekday, *day, ctx), None)
        }
        Expr::WeekdaysAway { n, weekday } => {
            (weekdays::resolve_weekdays_away(*n, *weekday, ctx), None)
        }
        Expr::PartOf { base, part } => compound::resolve_part_of(base, *part, ctx),
        Expr::TheWeekend { ahead } => (periods::resolve_the_weekend(*ahead, ctx), None),
        Expr::WeekOf(base) => compound::resolve_week_of(base, ctx),
        Expr::OffCalendar { year, month, day } => {
            calendar::resolve_off_calendar(*year, *month, *day)
        }
        Expr::Range(a, b) => compound::resolve_range(a, b, ctx),
    }
}

/// The first, middle or last third of a stretch of days; the whole of it
/// for any other part.
fn third_of(first: Date, last: Date, part: Part) -> (Date, Date) {
    let third = (days_between(first, last) + 1) / 3;
    if third < 1 {
        // A weekend has no thirds.
        return (first, last);
    }
    match part {
        Part::Early => (first, add_days(first, third - 1).unwrap_or(last)),
        Part::Mid => (
            add_days(first, third).unwrap_or(first),
            add_days(last, -third).unwrap_or(last),
        ),
        Part::Late => (add_days(last, 1 - third).unwrap_or(first), last),
        _ => (first, last),
    }
}

/// The only day in a set, when it has exactly one.
fn single_day(set: &DateSet) -> Option<Date> {
    match (set.lo, set.hi) {
        (Some(lo), Some(hi)) if lo == hi => set.first_day(),
        _ => None,
    }
}

fn shift_by(d: Date, a: Amount, sign: i32) -> Option<Date> {
    let span = Duration::new()
        .try_years(a.years.checked_mul(sign)?)
        .ok()?
        .try_months(a.months.checked_mul(sign)?)
        .ok()?
        .try_weeks(a.weeks.checked_mul(sign)?)
        .ok()?
        .try_days(a.days.checked_mul(sign)?)
        .ok()?;
    let mut day = d.checked_add(span).ok()?;
    // Business days step over weekends one day at a time.
    let step = if a.business_days.checked_mul(sign)? < 0 {
        -1
    } else {
        1
    };
    let mut left = a.business_days.unsigned_abs();
    while left > 0 {
        day = add_days(day, step)?;
        if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            left -= 1;
        }
    }
    Some(day)
}

fn describe_amount(a: Amount) -> String {
    let mut parts = Vec::new();
    for (n, unit) in [
        (a.years, "year"),
        (a.months, "month"),
        (a.weeks, "week"),
        (a.days, "day"),
        (a.business_days, "business day"),
    ] {
        if n != 0 {
            parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
        }
    }
    parts.join(" ")
}

/// The Monday that starts the week holding `d`.
fn monday_of(d: Date) -> Option<Date> {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

fn weekday_in_week(d: Date, weekday: Weekday, week: i32) -> Option<Date> {
    add_days(
        monday_of(d)?,
        i64::from(week) * 7 + i64::from(weekday.to_monday_zero_offset()),
    )
}
