//! A date expression as written, before resolution, and the pieces it is
//! made of: which way a relative form points, units, parts of a period,
//! stretches of time, and years the calendar cannot hold.

use jiff::civil::Weekday;

use super::words::Holiday;

/// Which way a relative form points from the document date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shift {
    Last,
    This,
    Next,
    /// "coming", "upcoming": the first one after the document date.
    Coming,
    /// "this past": the last one before the document date.
    Past,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
}

/// Part of a period: "earlier this year", "the late 1980s".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    Whole,
    Earlier,
    Later,
    Early,
    Mid,
    Late,
    /// "the past year": the stretch of that length up to the document date.
    Rolling,
}

/// A stretch of time: "2 years 1 month 21 days".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Amount {
    pub(super) years: i32,
    pub(super) months: i32,
    pub(super) weeks: i32,
    pub(super) days: i32,
    /// Monday to Friday only.
    pub(super) business_days: i32,
}

/// Months of the year a season, quarter or half covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct YearPart {
    pub(super) name: &'static str,
    pub(super) first_month: i8,
    pub(super) months: i8,
}

/// A date expression as written, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Expr {
    /// Calendar fields, any of which may be missing. `year_shift` is "this
    /// year" (0) or "last year" (-1) written beside a month and day.
    Calendar {
        year: Option<i16>,
        month: Option<i8>,
        day: Option<i8>,
        weekday: Option<Weekday>,
        year_shift: Option<i16>,
    },
    Decade {
        start: i16,
        part: Part,
    },
    Weekday {
        weekday: Weekday,
        shift: Option<Shift>,
    },
    /// "Tuesday of next week": the weekday in the week `week` weeks from
    /// the document's own.
    WeekdayOfWeek {
        weekday: Weekday,
        week: i32,
    },
    /// today (0), yesterday (-1), tomorrow (1)
    Day(i32),
    /// "this year", "last month", "earlier this week", "next decade"
    Period {
        unit: Unit,
        offset: i32,
        part: Part,
    },
    /// "last October", "this April"
    MonthShift {
        month: i8,
        shift: Shift,
    },
    /// "four years ago", "two days later", "in two weeks"
    Ago {
        amount: Amount,
        sign: i32,
        /// A round count said loosely: "four years ago" is about four.
        loose: bool,
    },
    /// "two weeks before" waiting for what it is before.
    Pending {
        amount: Amount,
        sign: i32,
    },
    /// "two weeks before Christmas"
    Offset {
        amount: Amount,
        sign: i32,
        base: Box<Expr>,
    },
    /// "summer 2024", "the first quarter", "last winter"
    YearPart {
        part: YearPart,
        year: Option<i16>,
        year_shift: Option<i16>,
        shift: Option<Shift>,
    },
    Holiday {
        name: String,
        holiday: Holiday,
        year: Option<i16>,
        year_shift: Option<i16>,
        shift: Option<Shift>,
    },
    /// "the first Friday of July", "the last Monday of next month"
    NthWeekday {
        n: i8,
        weekday: Weekday,
        month: Option<i8>,
        year: Option<i16>,
        month_offset: Option<i32>,
    },
    /// "the 15th of next month"
    DayOfMonth {
        day: i8,
        month_offset: i32,
    },
    /// "Friday the 13th": the nearest month where that day is that weekday.
    WeekdayDay {
        weekday: Weekday,
        day: i8,
    },
    /// "two Sundays from now": the nth such weekday after (or before,
    /// when negative) the document date.
    WeekdaysAway {
        n: i32,
        weekday: Weekday,
    },
    /// "from 2001 to 2004", "July 1-5, 2025"
    Range(Box<Expr>, Box<Expr>),
    /// "late February", "early 2024", "mid-November": a third of a month
    /// or a year.
    PartOf {
        base: Box<Expr>,
        part: Part,
    },
    /// "over the weekend": the last one in reporting, the coming one where
    /// the sentence looks ahead.
    TheWeekend {
        ahead: bool,
    },
    /// "the week of March 3", "w/c 4 Feb": the Monday-to-Sunday week
    /// holding the day.
    WeekOf(Box<Expr>),
    /// "March 15, 44 BC", "January 1, 0000": a date whose year the
    /// calendar cannot hold. It is kept as written and never filled from
    /// the document date, which would turn it into another year.
    OffCalendar {
        year: OffYear,
        month: Option<i8>,
        day: Option<i8>,
    },
}

/// A year written beside a date that the calendar cannot hold: jiff's
/// civil dates run from -9999 to 9999, but they count a year 0 (1 BC), so
/// only the years AD 1 to 9999 read as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum OffYear {
    /// "44 BC", "3000 BCE": a year before AD 1.
    BeforeCommonEra(u32),
    /// "0000": no year 0 comes between 1 BC and AD 1.
    Zero,
    /// "10000": a year after 9999.
    TooLate(u32),
}

impl OffYear {
    /// The year before this one.
    pub(super) fn before(self) -> WrittenYear {
        match self {
            OffYear::BeforeCommonEra(n) => {
                WrittenYear::Off(OffYear::BeforeCommonEra(n.saturating_add(1)))
            }
            OffYear::Zero => WrittenYear::Off(OffYear::BeforeCommonEra(1)),
            OffYear::TooLate(n) => match i16::try_from(n - 1) {
                Ok(year) if year <= 9999 => WrittenYear::Year(year),
                _ => WrittenYear::Off(OffYear::TooLate(n - 1)),
            },
        }
    }
}

/// A year as written: one the calendar holds, or one it cannot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WrittenYear {
    Year(i16),
    Off(OffYear),
}

impl WrittenYear {
    /// The year of `digits` ("44", "10,000", "0000") in the era written
    /// beside them, if any ("BC", "B.C.E.", "AD", "CE").
    pub(super) fn read(digits: &str, era: Option<&str>) -> Option<WrittenYear> {
        let n: u32 = digits.replace(',', "").parse().ok()?;
        let before_common_era = era.is_some_and(|e| e.starts_with('B'));
        Some(match n {
            0 => WrittenYear::Off(OffYear::Zero),
            n if before_common_era => WrittenYear::Off(OffYear::BeforeCommonEra(n)),
            1..=9999 => WrittenYear::Year(i16::try_from(n).ok()?),
            n => WrittenYear::Off(OffYear::TooLate(n)),
        })
    }

    /// A calendar date of this year, or one off the calendar.
    pub(super) fn date(self, month: Option<i8>, day: Option<i8>, weekday: Option<Weekday>) -> Expr {
        match self {
            WrittenYear::Year(year) => Expr::Calendar {
                year: Some(year),
                month,
                day,
                weekday,
                year_shift: None,
            },
            WrittenYear::Off(year) => Expr::OffCalendar { year, month, day },
        }
    }
}
