//! Dates as sets of possible days.
//!
//! News dates are often partial ("July 3", "in April", "on Thursday",
//! "the 1980s"). A [`DateSet`] holds every day a claim could mean: an
//! optional interval plus optional month, day-of-month and weekday
//! constraints. Two claims can agree only if their sets intersect.

use jiff::civil::{Date, Weekday};
use serde::Serialize;

/// Every day a date claim could mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DateSet {
    /// Earliest possible day, inclusive; `None` is unbounded.
    pub lo: Option<Date>,
    /// Latest possible day, inclusive; `None` is unbounded.
    pub hi: Option<Date>,
    pub month: Option<i8>,
    pub day: Option<i8>,
    pub weekday: Option<Weekday>,
}

/// Calendar years a set without bounds is searched over: the Gregorian
/// calendar repeats every 400 years, so any pattern of month, day and
/// weekday that exists at all exists in this window.
const CYCLE_START: i16 = 2000;
const CYCLE_YEARS: i16 = 400;

impl DateSet {
    /// Any day at all: what an unresolvable relative date means.
    pub fn any() -> DateSet {
        DateSet::default()
    }

    pub fn on(day: Date) -> DateSet {
        DateSet::between(day, day)
    }

    pub fn between(lo: Date, hi: Date) -> DateSet {
        DateSet {
            lo: Some(lo),
            hi: Some(hi),
            ..DateSet::default()
        }
    }

    /// The whole calendar year, or `None` outside the supported range.
    pub fn year(year: i16) -> Option<DateSet> {
        Some(DateSet::between(
            Date::new(year, 1, 1).ok()?,
            Date::new(year, 12, 31).ok()?,
        ))
    }

    pub fn years(first: i16, last: i16) -> Option<DateSet> {
        Some(DateSet::between(
            Date::new(first, 1, 1).ok()?,
            Date::new(last, 12, 31).ok()?,
        ))
    }

    pub fn month_of(year: i16, month: i8) -> Option<DateSet> {
        let first = Date::new(year, month, 1).ok()?;
        Some(DateSet::between(first, first.last_of_month()))
    }

    /// The days that belong to both sets (possibly none: see [`is_empty`]).
    ///
    /// [`is_empty`]: DateSet::is_empty
    pub fn intersect(&self, other: &DateSet) -> DateSet {
        fn both<T: PartialEq + Copy>(a: Option<T>, b: Option<T>) -> Result<Option<T>, ()> {
            match (a, b) {
                (Some(x), Some(y)) if x != y => Err(()),
                (Some(x), _) | (_, Some(x)) => Ok(Some(x)),
                (None, None) => Ok(None),
            }
        }
        let lo = match (self.lo, other.lo) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let hi = match (self.hi, other.hi) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let fields = (
            both(self.month, other.month),
            both(self.day, other.day),
            both(self.weekday, other.weekday),
        );
        match fields {
            (Ok(month), Ok(day), Ok(weekday)) => DateSet {
                lo,
                hi,
                month,
                day,
                weekday,
            },
            _ => DateSet::nothing(),
        }
    }

    /// A set with no days in it.
    fn nothing() -> DateSet {
        DateSet {
            lo: Some(Date::MAX),
            hi: Some(Date::MIN),
            ..DateSet::default()
        }
    }

    /// True when no day satisfies every constraint.
    pub fn is_empty(&self) -> bool {
        self.first_day().is_none()
    }

    /// The earliest day in the set (within a 400-year search window when
    /// the set is unbounded below).
    pub fn first_day(&self) -> Option<Date> {
        let (lo, hi) = self.search_window()?;
        if lo > hi {
            return None;
        }
        let (first_year, last_year) = (lo.year(), hi.year());
        for year in first_year..=last_year {
            let months = match self.month {
                Some(m) => m..=m,
                None => 1..=12,
            };
            for month in months {
                let Ok(first) = Date::new(year, month, 1) else {
                    continue;
                };
                let days = match self.day {
                    Some(d) => d..=d,
                    None => 1..=first.days_in_month(),
                };
                for day in days {
                    let Ok(date) = Date::new(year, month, day) else {
                        continue;
                    };
                    if date < lo {
                        continue;
                    }
                    if date > hi {
                        return None;
                    }
                    if self.weekday.is_none_or(|w| date.weekday() == w) {
                        return Some(date);
                    }
                }
            }
        }
        None
    }

    /// Bounds to search, clipped to one 400-year cycle: beyond that every
    /// pattern repeats, so a wider window cannot add an answer.
    fn search_window(&self) -> Option<(Date, Date)> {
        let cycle = |start: i16| -> Option<(Date, Date)> {
            Some((
                Date::new(start, 1, 1).ok()?,
                Date::new(start.checked_add(CYCLE_YEARS)?, 12, 31).ok()?,
            ))
        };
        match (self.lo, self.hi) {
            (Some(lo), Some(hi)) => {
                let clip = lo
                    .year()
                    .checked_add(CYCLE_YEARS)
                    .and_then(|y| Date::new(y, 12, 31).ok())
                    .unwrap_or(Date::MAX);
                Some((lo, hi.min(clip)))
            }
            (Some(lo), None) => {
                let (_, end) = cycle(lo.year().min(Date::MAX.year() - CYCLE_YEARS - 1))?;
                Some((lo, end))
            }
            (None, Some(hi)) => {
                let (start, _) = cycle(hi.year().max(Date::MIN.year() + 1) - CYCLE_YEARS)
                    .or_else(|| cycle(Date::MIN.year() + 1))?;
                Some((start, hi))
            }
            (None, None) => cycle(CYCLE_START),
        }
    }

    /// Roughly how many days the set allows; smaller is more specific.
    /// Unbounded sets count as a very long interval so that a fixed field
    /// still makes them more specific than no field at all.
    pub fn breadth(&self) -> f64 {
        let interval = match (self.lo, self.hi) {
            (Some(lo), Some(hi)) => days_between(lo, hi) as f64 + 1.0,
            (Some(_), None) | (None, Some(_)) => 1.0e8,
            (None, None) => 1.0e9,
        };
        let mut n = interval;
        if self.month.is_some() {
            n /= 12.0;
        }
        if self.day.is_some() {
            n /= 30.4;
        }
        if self.weekday.is_some() {
            n /= 7.0;
        }
        n.max(1.0)
    }
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    a.until((jiff::Unit::Day, b))
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(i64::MAX)
}

/// A date claim's value: what was written, what it resolves to, and the
/// set of days it allows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DateValue {
    /// TIMEX3-style value as written: `2025-07-04`, `XXXX-07-03`, `2025-04`,
    /// `2021`, `198` (a decade), `XXXX-WXX-4` (a bare Thursday).
    pub timex: String,
    /// Plain `YYYY-MM-DD`, `YYYY-MM` or `YYYY` once unknown fields are filled
    /// from the document date; `None` when they cannot be.
    pub resolved: Option<String>,
    /// How the value was resolved, for `--format json` and `--explain`.
    pub resolution: Option<String>,
    #[serde(skip)]
    pub set: DateSet,
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// Month number (1-12) of an English month name or abbreviation, any case.
pub fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let n = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// Weekday of an English weekday name or abbreviation, any case.
pub fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let day = match w.as_str() {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    };
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn month_and_day_without_year_meet_a_full_date_on_that_day_only() {
        let july3 = DateSet {
            month: Some(7),
            day: Some(3),
            ..DateSet::any()
        };
        assert!(july3.intersect(&DateSet::on(date(2025, 7, 4))).is_empty());
        assert!(!july3.intersect(&DateSet::on(date(2025, 7, 3))).is_empty());
    }

    #[test]
    fn a_weekday_meets_only_days_that_fall_on_it() {
        let thursday = DateSet {
            weekday: Some(Weekday::Thursday),
            ..DateSet::any()
        };
        assert!(thursday
            .intersect(&DateSet::on(date(2025, 7, 4)))
            .is_empty());
        assert!(!thursday
            .intersect(&DateSet::on(date(2025, 7, 3)))
            .is_empty());
        let july3 = DateSet {
            month: Some(7),
            day: Some(3),
            ..DateSet::any()
        };
        assert!(
            !thursday.intersect(&july3).is_empty(),
            "some July 3 is a Thursday"
        );
    }

    #[test]
    fn a_month_contains_its_days_and_not_others() {
        let april = DateSet::month_of(2025, 4).unwrap();
        let april17 = DateSet {
            month: Some(4),
            day: Some(17),
            ..DateSet::any()
        };
        assert!(!april.intersect(&april17).is_empty());
        assert!(april.intersect(&DateSet::on(date(2025, 5, 1))).is_empty());
        assert!(april.breadth() < april17.breadth());
    }

    #[test]
    fn february_thirtieth_is_never_a_day() {
        let feb30 = DateSet {
            month: Some(2),
            day: Some(30),
            ..DateSet::any()
        };
        assert!(feb30.is_empty());
        let feb29 = DateSet {
            month: Some(2),
            day: Some(29),
            ..DateSet::any()
        };
        assert!(!feb29.is_empty());
        assert!(feb29.intersect(&DateSet::year(2025).unwrap()).is_empty());
    }

    #[test]
    fn extreme_bounds_do_not_panic() {
        let low = DateSet {
            hi: Some(Date::MIN),
            ..DateSet::any()
        };
        let high = DateSet {
            lo: Some(Date::MAX),
            ..DateSet::any()
        };
        let _ = low.is_empty();
        let _ = high.is_empty();
        assert!(low.intersect(&high).is_empty());
    }
}
