//! From an [`Expr`] to a [`DateValue`]: filling what the text leaves out
//! from the document date, towards the past for reports and towards the
//! future where the sentence looks ahead, and saying how in `resolution`.

use jiff::civil::{Date, Weekday};
use jiff::Span as Duration;

use super::words::Tense;
use super::{Amount, Expr, OffYear, Part, Shift, Unit, YearPart};
use crate::source::DocumentDate;
use crate::value::date::{days_between, weekday_name, DateSet, DateValue, MONTHS};

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

fn resolve_in(expr: &Expr, ctx: &Context) -> (DateValue, Option<String>) {
    let basis = ctx.basis.as_str();
    match expr {
        Expr::Calendar {
            year,
            month,
            day,
            weekday,
            year_shift,
        } => resolve_calendar(*year, *month, *day, *weekday, *year_shift, ctx),
        Expr::Decade { start, part } => {
            let start = *start;
            let (first, last) = match part {
                Part::Early => (start, start + 3),
                Part::Mid => (start + 3, start + 6),
                Part::Late => (start + 6, start + 9),
                _ => (start, start + 9),
            };
            let set = DateSet::years(first, last).unwrap_or_default();
            (unresolved(format!("{}", start / 10), set), None)
        }
        Expr::Day(offset) => match ctx.anchor.and_then(|d| add_days(d, i64::from(*offset))) {
            Some(day) => {
                let what = match offset {
                    0 => "today".to_string(),
                    -1 => "yesterday".to_string(),
                    1 => "tomorrow".to_string(),
                    n => format!("{n:+} days"),
                };
                (
                    on_day(
                        None,
                        day,
                        format!("{what} -> {}: against {basis}", ymd(day)),
                    ),
                    None,
                )
            }
            None => (
                unresolved(
                    if *offset == 0 {
                        "PRESENT_REF"
                    } else {
                        "XXXX-XX-XX"
                    },
                    DateSet::any(),
                ),
                None,
            ),
        },
        Expr::Weekday { weekday, shift } => (resolve_weekday(*weekday, *shift, ctx), None),
        Expr::WeekdayOfWeek { weekday, week } => {
            let timex = format!("XXXX-WXX-{}", weekday.to_monday_one_offset());
            let day = ctx.anchor.and_then(|d| weekday_in_week(d, *weekday, *week));
            match day {
                Some(day) => (
                    on_day(
                        None,
                        day,
                        format!(
                            "{} of the week {} -> {}: weeks start on Monday, against {basis}",
                            weekday_name(*weekday),
                            match week {
                                0 => "of the document date",
                                w if *w < 0 => "before the document date's",
                                _ => "after the document date's",
                            },
                            ymd(day)
                        ),
                    ),
                    None,
                ),
                None => (
                    unresolved(
                        timex,
                        DateSet {
                            weekday: Some(*weekday),
                            ..DateSet::any()
                        },
                    ),
                    None,
                ),
            }
        }
        Expr::Period { unit, offset, part } => (resolve_period(*unit, *offset, *part, ctx), None),
        Expr::MonthShift { month, shift } => {
            let month = *month;
            let timex = format!("XXXX-{month:02}");
            let set = DateSet {
                month: Some(month),
                ..DateSet::any()
            };
            let Some(d) = ctx.anchor else {
                return (unresolved(timex, set), None);
            };
            let year = match shift {
                Shift::Last | Shift::Past if month < d.month() => d.year(),
                Shift::Last | Shift::Past => d.year() - 1,
                Shift::This => d.year(),
                Shift::Next | Shift::Coming if month > d.month() => d.year(),
                Shift::Next | Shift::Coming => d.year() + 1,
            };
            match DateSet::month_of(year, month) {
                Some(set) => (
                    DateValue {
                        timex: ym(year, month),
                        resolved: Some(ym(year, month)),
                        resolution: Some(format!("{} {year}: against {basis}", month_name(month))),
                        set,
                    },
                    None,
                ),
                None => (unresolved(timex, set), None),
            }
        }
        Expr::Ago {
            amount,
            sign,
            loose,
        } => (resolve_ago(*amount, *sign, *loose, ctx), None),
        Expr::Pending { .. } => (unresolved("XXXX-XX-XX", DateSet::any()), None),
        Expr::Offset { amount, sign, base } => {
            let (base_value, _) = resolve_in(base, ctx);
            // An ambiguous base ("next Friday") counts from its reading.
            let base_day = single_day(&base_value.set).or_else(|| {
                base_value
                    .resolved
                    .as_deref()
                    .filter(|r| r.len() == 10)
                    .and_then(|r| r.parse::<Date>().ok())
            });
            let point = base_day.and_then(|d| shift_by(d, *amount, *sign));
            match point {
                Some(day) => (
                    on_day(
                        None,
                        day,
                        format!(
                            "{} {} {} -> {}",
                            describe_amount(*amount),
                            if *sign < 0 { "before" } else { "after" },
                            base_value.resolved.as_deref().unwrap_or(&base_value.timex),
                            ymd(day)
                        ),
                    ),
                    None,
                ),
                None => (unresolved("XXXX-XX-XX", DateSet::any()), None),
            }
        }
        Expr::YearPart {
            part,
            year,
            year_shift,
            shift,
        } => (
            resolve_year_part(*part, *year, *year_shift, *shift, ctx),
            None,
        ),
        Expr::Holiday {
            name,
            holiday,
            year,
            year_shift,
            shift,
        } => {
            let in_year = |y: i16| holiday.in_year(y);
            let pick = |after: bool, inclusive: bool, d: Date| -> Option<Date> {
                let years = [d.year() - 1, d.year(), d.year() + 1];
                let mut days = years.iter().filter_map(|y| in_year(*y));
                if after {
                    days.find(|h| *h > d || inclusive && *h == d)
                } else {
                    days.rev().find(|h| *h < d || inclusive && *h == d)
                }
            };
            let day = match (year, year_shift, shift, ctx.anchor) {
                (Some(y), _, _, _) => in_year(*y),
                (None, Some(s), _, Some(d)) => in_year(d.year() + s),
                (None, None, Some(Shift::Last | Shift::Past), Some(d)) => pick(false, false, d),
                (None, None, Some(Shift::Next | Shift::Coming), Some(d)) => pick(true, false, d),
                (None, None, Some(Shift::This), Some(d)) => in_year(d.year()),
                (None, None, None, Some(d)) => match *ctx.tense {
                    Tense::Past => pick(false, true, d),
                    Tense::Future => pick(true, true, d),
                    Tense::Open => in_year(d.year()),
                },
                _ => None,
            };
            match day {
                Some(day) => (
                    on_day(
                        None,
                        day,
                        match year {
                            Some(y) => format!("{name} {y} -> {}", ymd(day)),
                            None => format!("{name} -> {}: against {basis}", ymd(day)),
                        },
                    ),
                    None,
                ),
                None => (unresolved("XXXX-XX-XX", DateSet::any()), None),
            }
        }
        Expr::NthWeekday {
            n,
            weekday,
            month,
            year,
            month_offset,
        } => {
            let month_and_year = match (month, month_offset, ctx.anchor) {
                (Some(m), _, _) if year.is_some() => year.map(|y| (y, *m)),
                (Some(m), _, Some(d)) => Some((pick_year_for_month(*m, d, *ctx.tense), *m)),
                (None, Some(off), Some(d)) => {
                    add_months(d.first_of_month(), *off).map(|f| (f.year(), f.month()))
                }
                _ => None,
            };
            let day = month_and_year
                .and_then(|(y, m)| super::words::nth_weekday_of_month(y, m, *weekday, *n));
            match day {
                Some(day) => (
                    on_day(
                        None,
                        day,
                        format!(
                            "{} {} of the month -> {}",
                            nth_name(*n),
                            weekday_name(*weekday),
                            ymd(day)
                        ),
                    ),
                    None,
                ),
                None => (
                    unresolved(
                        "XXXX-XX-XX",
                        DateSet {
                            weekday: Some(*weekday),
                            month: *month,
                            ..DateSet::any()
                        },
                    ),
                    None,
                ),
            }
        }
        Expr::DayOfMonth { day, month_offset } => {
            let date = ctx
                .anchor
                .and_then(|d| add_months(d.first_of_month(), *month_offset))
                .and_then(|f| Date::new(f.year(), f.month(), *day).ok());
            match date {
                Some(date) => (
                    on_day(
                        None,
                        date,
                        format!("day {day} of the month {month_offset:+} from {basis}"),
                    ),
                    None,
                ),
                None => (
                    unresolved(
                        format!("XXXX-XX-{day:02}"),
                        DateSet {
                            day: Some(*day),
                            ..DateSet::any()
                        },
                    ),
                    None,
                ),
            }
        }
        Expr::WeekdayDay { weekday, day } => {
            let set = DateSet {
                day: Some(*day),
                weekday: Some(*weekday),
                ..DateSet::any()
            };
            let timex = format!("XXXX-XX-{day:02}");
            let Some(d) = ctx.anchor else {
                return (unresolved(timex, set), None);
            };
            let forward = *ctx.tense == Tense::Future;
            let found = (0..28).find_map(|i| {
                let first = add_months(d.first_of_month(), if forward { i } else { -i })?;
                let date = Date::new(first.year(), first.month(), *day).ok()?;
                let on_side = if forward { date >= d } else { date <= d };
                (on_side && date.weekday() == *weekday).then_some(date)
            });
            match found {
                Some(date) => (
                    on_day(
                        None,
                        date,
                        format!(
                            "{} the {day} -> {}: the {} such day {} {basis}",
                            weekday_name(*weekday),
                            ymd(date),
                            if forward { "first" } else { "last" },
                            if forward {
                                "on or after"
                            } else {
                                "on or before"
                            }
                        ),
                    ),
                    None,
                ),
                None => (unresolved(timex, set), None),
            }
        }
        Expr::WeekdaysAway { n, weekday } => {
            let timex = format!("XXXX-WXX-{}", weekday.to_monday_one_offset());
            match ctx.anchor.and_then(|d| d.nth_weekday(*n, *weekday).ok()) {
                Some(day) => (
                    on_day(
                        None,
                        day,
                        format!(
                            "{} {} {} {basis} -> {}",
                            n.abs(),
                            weekday_name(*weekday),
                            if *n < 0 { "before" } else { "after" },
                            ymd(day)
                        ),
                    ),
                    None,
                ),
                None => (
                    unresolved(
                        timex,
                        DateSet {
                            weekday: Some(*weekday),
                            ..DateSet::any()
                        },
                    ),
                    None,
                ),
            }
        }
        Expr::PartOf { base, part } => {
            let (mut value, warning) = resolve_in(base, ctx);
            let DateSet {
                lo: Some(first),
                hi: Some(last),
                ..
            } = value.set
            else {
                return (value, warning);
            };
            let (lo, hi) = third_of(first, last, *part);
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
        Expr::TheWeekend { ahead } => {
            let on_weekend = ctx
                .anchor
                .is_some_and(|d| matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday));
            let offset = if *ahead || on_weekend { 0 } else { -1 };
            (
                resolve_period(Unit::Weekend, offset, Part::Whole, ctx),
                None,
            )
        }
        Expr::WeekOf(base) => {
            let (base_value, warning) = resolve_in(base, ctx);
            let day = single_day(&base_value.set).or_else(|| {
                base_value
                    .resolved
                    .as_deref()
                    .filter(|r| r.len() == 10)
                    .and_then(|r| r.parse::<Date>().ok())
            });
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
        Expr::OffCalendar { year, month, day } => resolve_off_calendar(*year, *month, *day),
        Expr::Range(a, b) => {
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

fn resolve_weekday(weekday: Weekday, shift: Option<Shift>, ctx: &Context) -> DateValue {
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

fn resolve_ago(amount: Amount, sign: i32, loose: bool, ctx: &Context) -> DateValue {
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

/// The year of a month named without one: last year's only in past-tense
/// reporting, next year's only where the sentence looks ahead.
fn pick_year_for_month(month: i8, d: Date, tense: Tense) -> i16 {
    match tense {
        Tense::Past if month > d.month() => d.year() - 1,
        Tense::Future if month < d.month() => d.year() + 1,
        _ => d.year(),
    }
}

fn resolve_calendar(
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
fn resolve_off_calendar(
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

fn resolve_year_part(
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

fn resolve_period(unit: Unit, offset: i32, part: Part, ctx: &Context) -> DateValue {
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
