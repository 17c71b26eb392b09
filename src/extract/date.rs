//! Date claims as a newsroom reads them: absolute ("July 4, 2025", "4th
//! January", "2025-07-04", "7/4/2025"), partial ("July 3", "April 2025",
//! "the 1980s", "summer 2024", "the first quarter"), ranges ("from 2001 to
//! 2004", "between March and May"), holidays ("Christmas", "Easter 2018"),
//! weekdays ("on Thursday") and relative forms ("yesterday", "last week",
//! "two years ago", "next Tuesday", "three weeks after Christmas").
//!
//! Reading runs in three steps: one automaton, built from the forms in
//! [`forms`] by `build.rs`, finds every candidate and its form
//! ([`pattern`]); each candidate is parsed into an [`Expr`] as written
//! ([`parse`]); neighbouring expressions that make one date are joined
//! ("two weeks before" + "Christmas", "from 2001" + "to 2004"); then each is
//! resolved against the document date ([`resolve`]), towards the past for
//! reports and towards the future where the sentence says so.
//!
//! Word boundaries are ASCII (`(?-u:\b)`) because a Unicode `\b` makes the
//! regex engine fall back to a slow path at the first curly quote, and news
//! is full of them.

mod forms;
mod parse;
mod pattern;
mod resolve;
mod words;

use std::ops::Range;

use jiff::civil::Weekday;

use super::{Claim, ClaimKind, ClaimValue};
use crate::source::{Source, Span};
use words::Holiday;

/// Which way a relative form points from the document date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shift {
    Last,
    This,
    Next,
    /// "coming", "upcoming": the first one after the document date.
    Coming,
    /// "this past": the last one before the document date.
    Past,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
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
enum Part {
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
struct Amount {
    years: i32,
    months: i32,
    weeks: i32,
    days: i32,
    /// Monday to Friday only.
    business_days: i32,
}

/// Months of the year a season, quarter or half covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct YearPart {
    name: &'static str,
    first_month: i8,
    months: i8,
}

/// A date expression as written, before resolution.
#[derive(Clone, Debug, PartialEq)]
enum Expr {
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
enum OffYear {
    /// "44 BC", "3000 BCE": a year before AD 1.
    BeforeCommonEra(u32),
    /// "0000": no year 0 comes between 1 BC and AD 1.
    Zero,
    /// "10000": a year after 9999.
    TooLate(u32),
}

impl OffYear {
    /// The year before this one.
    fn before(self) -> WrittenYear {
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
enum WrittenYear {
    Year(i16),
    Off(OffYear),
}

impl WrittenYear {
    /// The year of `digits` ("44", "10,000", "0000") in the era written
    /// beside them, if any ("BC", "B.C.E.", "AD", "CE").
    fn read(digits: &str, era: Option<&str>) -> Option<WrittenYear> {
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
    fn date(self, month: Option<i8>, day: Option<i8>, weekday: Option<Weekday>) -> Expr {
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

/// A candidate found in the text: its byte range, what it says, and a
/// note for the reader (an ambiguous numeric date says so).
#[derive(Clone, Debug)]
struct Found {
    range: Range<usize>,
    expr: Expr,
    note: Option<String>,
}

/// Appends the source's date claims to `out`.
pub fn extract(source: &Source, out: &mut Vec<Claim>) {
    let text = &source.text;
    let found = combine(text, scan(text, source));
    for f in found {
        let tense = || words::tense_around(text, f.range.clone());
        let (mut value, warning) = resolve::resolve(&f.expr, source.document_date.as_ref(), tense);
        if let Some(note) = f.note {
            value.resolution = Some(match value.resolution {
                Some(r) => format!("{r}; {note}"),
                None => note,
            });
        }
        out.push(Claim {
            kind: ClaimKind::Date,
            span: Span {
                source: source.id,
                range: f.range,
            },
            value: ClaimValue::Date(value),
            warning,
            fact: None,
            subject: None,
        });
    }
}

/// Every candidate the pattern finds and the parser accepts, in text order.
fn scan(text: &str, source: &Source) -> Vec<Found> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some((start, caps)) = pattern::next_candidate(text, at) else {
            break;
        };
        match caps.and_then(|caps| parse::parse(&caps, text, source.date_order)) {
            Some(f) => {
                at = f.range.end.max(start + 1);
                found.push(f);
            }
            None => {
                // Not a date after all: try again one word on, so that a
                // shorter form inside the rejected one still gets its turn.
                at = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        while at < text.len() && !text.is_char_boundary(at) {
            at += 1;
        }
    }
    found
}

/// Joins neighbours that make one date: an offset and what it counts from
/// ("two weeks before" + "Christmas"), and the two ends of a range.
fn combine(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut items = found.into_iter().peekable();
    while let Some(mut f) = items.next() {
        if let Some((lead, part)) =
            part_lead(text, f.range.start).filter(|_| names_a_stretch(&f.expr))
        {
            f = Found {
                range: lead..f.range.end,
                expr: Expr::PartOf {
                    base: Box::new(f.expr),
                    part,
                },
                note: f.note,
            };
        }
        if let Expr::Pending { amount, sign } = f.expr {
            let next = items.peek().filter(|n| {
                text.get(f.range.end..n.range.start)
                    .is_some_and(|gap| gap.chars().all(char::is_whitespace))
                    && anchors_a_day(&n.expr)
            });
            if next.is_some() {
                if let Some(base) = items.next() {
                    out.push(Found {
                        range: f.range.start..base.range.end,
                        expr: Expr::Offset {
                            amount,
                            sign,
                            base: Box::new(base.expr),
                        },
                        note: base.note,
                    });
                }
            }
            // "two days before" with nothing after it counts from some
            // event in the story, not from a date we can read.
            continue;
        }
        if let Some(lead) = week_lead(text, f.range.start).filter(|_| names_a_day(&f.expr)) {
            out.push(Found {
                range: lead..f.range.end,
                expr: Expr::WeekOf(Box::new(f.expr)),
                note: f.note,
            });
            continue;
        }
        if let Some(opener) = range_opener(text, f.range.start) {
            let rest = &text[f.range.end..];
            let fits = |caps: &regex::Captures| {
                let c = caps
                    .name("c")
                    .map_or("", |c| c.as_str())
                    .to_ascii_lowercase();
                // "from 2015 and 2016" is two years, not a range.
                match opener {
                    "between" => c != "to" && c != "until" && c != "till",
                    _ => c != "and",
                }
            };
            if let Some(caps) = pattern::RANGE_END.captures(rest).filter(fits) {
                let end_at = f.range.end + caps.get(0).map_or(0, |m| m.end());
                let next_starts_inside = items
                    .peek()
                    .is_some_and(|n| n.range.start < end_at && n.range.end <= end_at + 1);
                let next_is_end = items.peek().filter(|n| {
                    caps.name("end")
                        .is_some_and(|e| n.range.start == f.range.end + e.start())
                });
                if let Some(second) = next_is_end.cloned() {
                    items.next();
                    out.push(Found {
                        range: f.range.start..second.range.end,
                        expr: range_of(f.expr, second.expr),
                        note: f.note.or(second.note),
                    });
                    continue;
                }
                if let Some(second) = parse::range_end(&caps) {
                    if next_starts_inside {
                        items.next();
                    }
                    out.push(Found {
                        range: f.range.start..end_at,
                        expr: range_of(f.expr, second),
                        note: f.note,
                    });
                    continue;
                }
            }
        }
        out.push(f);
    }
    out
}

/// "from" or "between" when it stands just before `at`.
fn range_opener(text: &str, at: usize) -> Option<&'static str> {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{a0}']);
    let word: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    match word.as_str() {
        "morf" => Some("from"),
        "neewteb" => Some("between"),
        _ => None,
    }
}

/// Where "the week of" (or "w/c") starts, when it leads up to `at`.
fn week_lead(text: &str, at: usize) -> Option<usize> {
    let mut from = at.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let m = pattern::WEEK_OF.find(&text[from..at])?;
    let start = from + m.start();
    let the = text[..start].trim_end_matches([' ', '\t', '\u{a0}']);
    Some(if the.to_ascii_lowercase().ends_with("the") {
        the.len() - 3
    } else {
        start
    })
}

/// "early", "mid" or "late" just before `at`, and where it starts.
fn part_lead(text: &str, at: usize) -> Option<(usize, Part)> {
    let before = text[..at]
        .strip_suffix('-')
        .unwrap_or_else(|| text[..at].trim_end_matches([' ', '\t', '\u{a0}']));
    let lower = before
        .get(before.len().saturating_sub(5)..)?
        .to_ascii_lowercase();
    let (part, len) = if lower.ends_with("early") {
        (Part::Early, 5)
    } else if lower.ends_with("late") {
        (Part::Late, 4)
    } else if lower.ends_with("mid") {
        (Part::Mid, 3)
    } else {
        return None;
    };
    let start = before.len() - len;
    let whole_word = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    whole_word.then_some((start, part))
}

/// A month or a year without a day: what "early" and "late" can divide.
fn names_a_stretch(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Calendar { day: None, weekday: None, month, year, .. } if month.is_some() || year.is_some()
    )
}

/// Expressions that name one day of the calendar.
fn names_a_day(expr: &Expr) -> bool {
    matches!(expr, Expr::Calendar { day: Some(_), .. })
}

/// A range's ends share what only one of them says: "from March 3 to May
/// 5, 2025" is all in 2025.
fn range_of(first: Expr, second: Expr) -> Expr {
    let first = match (&first, &second) {
        (
            Expr::Calendar {
                year: None,
                month,
                day,
                weekday,
                year_shift: None,
            },
            Expr::Calendar {
                year: Some(y),
                month: m2,
                ..
            },
        ) => {
            let year = match (month, m2) {
                (Some(a), Some(b)) if a > b => y.checked_sub(1),
                _ => Some(*y),
            };
            Expr::Calendar {
                year,
                month: *month,
                day: *day,
                weekday: *weekday,
                year_shift: None,
            }
        }
        // "from March 3 to May 5, 44 BC": the first end is off the
        // calendar too, never in the document's year.
        (
            Expr::Calendar {
                year: None,
                month,
                day,
                weekday,
                year_shift: None,
            },
            Expr::OffCalendar {
                year, month: m2, ..
            },
        ) => {
            let year = match (month, m2) {
                (Some(a), Some(b)) if a > b => year.before(),
                _ => WrittenYear::Off(*year),
            };
            year.date(*month, *day, *weekday)
        }
        _ => first,
    };
    Expr::Range(Box::new(first), Box::new(second))
}

/// Expressions that name one day (or could), so an offset can count from
/// them.
fn anchors_a_day(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Calendar { day: Some(_), .. }
            | Expr::Day(_)
            | Expr::Weekday { .. }
            | Expr::WeekdayOfWeek { .. }
            | Expr::Holiday { .. }
            | Expr::NthWeekday { .. }
            | Expr::DayOfMonth { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{DateBasis, DateOrder, DocumentDate, SourceId, SourceMeta};
    use jiff::civil::{date, Date};

    fn claims_in(text: &str, doc: Option<Date>) -> Vec<(String, String, Option<String>)> {
        let source = Source::new(
            SourceId(0),
            "t".into(),
            text.into(),
            SourceMeta::default(),
            DateOrder::Mdy,
            doc.map(|d| DocumentDate::given(d, DateBasis::Manifest)),
        );
        let mut out = Vec::new();
        extract(&source, &mut out);
        out.iter()
            .map(|c| {
                (
                    c.text(&source).to_string(),
                    c.value.notation(),
                    c.value.resolved(),
                )
            })
            .collect()
    }

    fn one(text: &str, doc: Option<Date>) -> (String, String, Option<String>) {
        let all = claims_in(text, doc);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(one("on July 4, 2025.", None).1, "2025-07-04");
        assert_eq!(one("on 4 July 2025.", None).1, "2025-07-04");
        assert_eq!(one("on 2025-07-04.", None).1, "2025-07-04");
        assert_eq!(one("on 7/4/2025.", None).1, "2025-07-04");
        assert_eq!(one("on Jan. 4, 2024 it", None).1, "2024-01-04");
        assert_eq!(
            one("since their return to power in August 2021, he", None).1,
            "2021-08"
        );
    }

    #[test]
    fn partial_dates_keep_unknown_fields() {
        assert_eq!(one("On July 3, Norland", None).1, "XXXX-07-03");
        assert_eq!(one("in April 2025, it", None).1, "2025-04");
        assert_eq!(one("in December 1979 to", None).1, "1979-12");
        assert_eq!(one("took control in 2021 following", None).1, "2021");
        assert_eq!(one("in the 1980s.", None).1, "198");
        assert_eq!(one("in April.", None).1, "XXXX-04");
    }

    #[test]
    fn weekdays_and_relative_forms_against_a_document_date() {
        let doc = Some(date(2025, 7, 4)); // a Friday
        assert_eq!(one("a meeting on Thursday between", None).1, "XXXX-WXX-4");
        let (_, _, resolved) = one("a meeting on Thursday between", doc);
        assert_eq!(resolved.as_deref(), Some("2025-07-03"));
        assert_eq!(one("on Friday", doc).2.as_deref(), Some("2025-07-04"));
        assert_eq!(
            one("today’s recognition", doc).2.as_deref(),
            Some("2025-07-04")
        );
        assert_eq!(one("today’s recognition", None).1, "PRESENT_REF");
        assert_eq!(
            one("on April 17 this year and", doc).2.as_deref(),
            Some("2025-04-17")
        );
        assert_eq!(one("on April 17 this year and", None).1, "XXXX-04-17");
        assert_eq!(one("met last October.", doc).2.as_deref(), Some("2024-10"));
        assert_eq!(
            one("four years ago, the", doc).2.as_deref(),
            Some("2021-07-04")
        );
        assert_eq!(
            one("until earlier this year.", doc).2.as_deref(),
            Some("2025")
        );
        assert_eq!(
            one("On July 3, Norland", doc).2.as_deref(),
            Some("2025-07-03")
        );
        assert_eq!(
            one("On December 3, Norland recognised it", doc)
                .2
                .as_deref(),
            Some("2024-12-03")
        );
    }

    #[test]
    fn impossible_dates_keep_their_value_and_warn() {
        let source = Source::new(
            SourceId(0),
            "t".into(),
            "on February 30, 2025 it".into(),
            SourceMeta::default(),
            DateOrder::Mdy,
            None,
        );
        let mut out = Vec::new();
        extract(&source, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].value.notation(), "2025-02-30");
        assert_eq!(out[0].value.resolved(), None);
        assert!(out[0].warning.as_deref().unwrap().contains("not a date"));
    }

    #[test]
    fn a_wrong_weekday_beside_a_full_date_warns() {
        let source = Source::new(
            SourceId(0),
            "t".into(),
            "on Thursday, July 4, 2025 it".into(),
            SourceMeta::default(),
            DateOrder::Mdy,
            None,
        );
        let mut out = Vec::new();
        extract(&source, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].value.notation(), "2025-07-04");
        assert!(out[0].warning.as_deref().unwrap().contains("Friday"));
    }

    #[test]
    fn numeric_dates_follow_the_date_order() {
        let source = Source::new(
            SourceId(0),
            "t".into(),
            "on 3/7/2025 it".into(),
            SourceMeta::default(),
            DateOrder::Dmy,
            None,
        );
        let mut out = Vec::new();
        extract(&source, &mut out);
        assert_eq!(out[0].value.notation(), "2025-07-03");
    }

    #[test]
    fn things_that_are_not_dates() {
        for text in [
            "It may rain.",
            "Protesters march on.",
            "we met",
            "the Sunday Times said",
            "some 1,500 people",
            "open 24/7 now",
            "cost $2000 in",
            "at 10:30 today",
            "up 12% on",
            "in the 21st century",
        ] {
            let got: Vec<_> = claims_in(text, None)
                .into_iter()
                .filter(|(t, _, _)| t != "today")
                .collect();
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn digits_that_go_on_as_a_figure_are_no_day() {
        // A day is a whole number: "the 2" of "the 2.6-km bridge" is the
        // front of a decimal, and "May 3" of "May 3,500" of a count.
        for text in [
            "The 2.6-km bridge fell.",
            "The 6.8 magnitude quake struck.",
            "The 3.5 million residents left.",
            "In May 3,500 people left.",
            "on the 12.5 mile stretch",
        ] {
            let got = claims_in(text, None);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        // A date that ends a sentence keeps its day.
        assert_eq!(one("It fell on the 27.", None).1, "XXXX-XX-27");
        assert_eq!(one("It fell on May 3. 5 died.", None).1, "XXXX-05-03");
    }

    #[test]
    fn curly_quotes_and_nbsp_do_not_hide_dates() {
        let got = claims_in("“On\u{a0}July 3,” he said — in 2021’s spring", None);
        let values: Vec<_> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(values, ["XXXX-07-03", "2021"]);
    }
}

#[cfg(test)]
mod newsroom_forms {
    use super::*;
    use crate::source::{DateBasis, DateOrder, DocumentDate, SourceId, SourceMeta};
    use jiff::civil::date;

    /// The document date of these tests: Friday 4 July 2025.
    fn read(text: &str, order: DateOrder) -> Vec<(String, String, Option<String>, Option<String>)> {
        let source = Source::new(
            SourceId(0),
            "t".into(),
            text.into(),
            SourceMeta::default(),
            order,
            Some(DocumentDate::given(date(2025, 7, 4), DateBasis::Manifest)),
        );
        let mut out = Vec::new();
        extract(&source, &mut out);
        out.iter()
            .map(|c| {
                (
                    c.text(&source).to_string(),
                    c.value.notation(),
                    c.value.resolved(),
                    c.value.resolution().map(str::to_string),
                )
            })
            .collect()
    }

    /// Each text holds one date; `span` is its text, `want` its resolved
    /// value (or, when it has none, its value as written).
    fn check(cases: &[(&str, &str, &str)]) {
        for (text, span, want) in cases {
            let got = read(text, DateOrder::Mdy);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            let (t, value, resolved, _) = &got[0];
            assert_eq!(t, span, "{text}: {got:?}");
            assert_eq!(
                resolved.as_deref().unwrap_or(value),
                *want,
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn day_month_year_orders_and_abbreviations() {
        check(&[
            (
                "It happened on Jan. 4, 2024 in Tarsk.",
                "Jan. 4, 2024",
                "2024-01-04",
            ),
            (
                "The vote was held on 4th January 2024.",
                "4th January 2024",
                "2024-01-04",
            ),
            ("talks resumed Aug. 2 after a pause", "Aug. 2", "2024-08-02"),
            ("talks resume Aug. 2 after a pause", "Aug. 2", "2025-08-02"),
            (
                "on the 4th of July, 1995, it",
                "the 4th of July, 1995",
                "1995-07-04",
            ),
            (
                "signed on Dec. 31 , 1994 by",
                "Dec. 31 , 1994",
                "1994-12-31",
            ),
            ("i'll go back jan 5", "jan 5", "2026-01-05"),
            (
                "He was born on 16. Nov. 2016.",
                "16. Nov. 2016",
                "2016-11-16",
            ),
            ("It opened in April of 1987.", "April of 1987", "1987-04"),
            ("sales in 2016, nov rose", "2016, nov", "2016-11"),
            (
                "We met on May twenty-first.",
                "May twenty-first",
                "2025-05-21",
            ),
            (
                "on the second of August they left",
                "the second of August",
                "2024-08-02",
            ),
            (
                "born on January twenty five nineteen eighty six",
                "January twenty five nineteen eighty six",
                "1986-01-25",
            ),
            (
                "They left in nineteen ninety six.",
                "nineteen ninety six",
                "1996",
            ),
            ("It was built in the year 1000.", "year 1000", "1000"),
            (
                "a coin from year two hundred and sixty seven",
                "year two hundred and sixty seven",
                "0267",
            ),
        ]);
    }

    #[test]
    fn numeric_dates_by_order_and_by_what_only_a_day_can_be() {
        check(&[
            ("on 7/4/2025 it", "7/4/2025", "2025-07-04"),
            ("on 21/04/2016 it", "21/04/2016", "2016-04-21"),
            ("filed 2025-07-04.", "2025-07-04", "2025-07-04"),
            ("see report-20170302.html", "20170302", "2017-03-02"),
            ("due on 4/22 at noon", "4/22", "2025-04-22"),
            ("out in 11/2016 and", "11/2016", "2016-11"),
            ("sold 05-Aug-2016 to", "05-Aug-2016", "2016-08-05"),
        ]);
        let day_first = read("on 3/7/2025 it", DateOrder::Dmy);
        assert_eq!(day_first[0].2.as_deref(), Some("2025-07-03"));
        let month_first = read("on 3/7/2025 it", DateOrder::Mdy);
        assert_eq!(month_first[0].2.as_deref(), Some("2025-03-07"));
        let note = month_first[0].3.as_deref().unwrap_or("");
        assert!(
            note.contains("ambiguous") && note.contains("2025-07-03"),
            "{note}"
        );
        // A day over 12 settles the order whatever the source's locale.
        let settled = read("on 21/04/2016 it", DateOrder::Mdy);
        assert_eq!(settled[0].3, None);
    }

    #[test]
    fn years_decades_seasons_and_quarters() {
        check(&[
            ("in the 1980s the", "the 1980s", "198"),
            ("in the mid-1990s the", "the mid-1990s", "199"),
            ("back in the '90s the", "the '90s", "199"),
            ("in summer 2024 it", "summer 2024", "2024-SU"),
            (
                "Growth slowed in the first quarter.",
                "the first quarter",
                "2025-Q1",
            ),
            (
                "profits in the third quarter of 2016 fell",
                "the third quarter of 2016",
                "2016-Q3",
            ),
            ("profits in Q3 2016 fell", "Q3 2016", "2016-Q3"),
            ("It rained last winter.", "last winter", "2024-WI"),
            ("It will open this spring.", "this spring", "2025-SP"),
            ("The deal closed in 2150, it said", "2150", "2150"),
        ]);
    }

    #[test]
    fn ranges() {
        check(&[
            (
                "He served from 2001 to 2004 in",
                "2001 to 2004",
                "2001/2004",
            ),
            (
                "It ran between March and May.",
                "March and May",
                "XXXX-03/XXXX-05",
            ),
            ("the 2010-11 season", "2010-11", "2010/2011"),
            (
                "on July 1-5, 2025 it",
                "July 1-5, 2025",
                "2025-07-01/2025-07-05",
            ),
        ]);
        let both = read("Talks ran from 2015 and 2016 on.", DateOrder::Mdy);
        assert_eq!(both.len(), 2, "\"from ... and\" is no range: {both:?}");
        let list = read("We met on 18 and 19 June.", DateOrder::Mdy);
        let days: Vec<_> = list
            .iter()
            .map(|c| c.2.clone().unwrap_or_default())
            .collect();
        assert_eq!(days, ["2025-06-18", "2025-06-19"]);
    }

    #[test]
    fn relative_forms_against_the_document_date() {
        check(&[
            ("He arrived yesterday.", "yesterday", "2025-07-03"),
            ("Shots were fired last night.", "last night", "2025-07-03"),
            (
                "Talks broke down over the weekend.",
                "the weekend",
                "2025-W26-WE",
            ),
            (
                "Talks will resume over the weekend.",
                "the weekend",
                "2025-W27-WE",
            ),
            ("He spoke this morning.", "this morning", "2025-07-04"),
            ("They met on Monday.", "Monday", "2025-06-30"),
            ("Prices rose last month.", "last month", "2025-06"),
            ("Sales fell last week.", "last week", "2025-W26"),
            (
                "It was founded two years ago.",
                "two years ago",
                "2023-07-04",
            ),
            ("He quit a decade ago.", "a decade ago", "2015-07-04"),
            (
                "It was signed earlier this month.",
                "earlier this month",
                "2025-07",
            ),
            (
                "The summit will be next Tuesday.",
                "next Tuesday",
                "2025-07-08",
            ),
            (
                "He will be back in two weeks.",
                "in two weeks",
                "2025-07-18",
            ),
            (
                "The report is out in two weeks’ time.",
                "in two weeks’ time",
                "2025-07-18",
            ),
            ("Sales have grown since 2019.", "2019", "2019"),
            (
                "They met on Tuesday of last week.",
                "Tuesday of last week",
                "2025-06-24",
            ),
            (
                "They met the day before yesterday.",
                "the day before yesterday",
                "2025-07-02",
            ),
            (
                "It was signed 3 days after January 12th.",
                "3 days after January 12th",
                "2025-01-15",
            ),
            (
                "They met on the first Friday of June.",
                "the first Friday of June",
                "2025-06-06",
            ),
            (
                "It ends the year after next.",
                "the year after next",
                "2027",
            ),
            (
                "We will meet in the week of the 14th.",
                "the week of the 14th",
                "2025-07-14",
            ),
            (
                "They will sign in four business days.",
                "in four business days",
                "2025-07-10",
            ),
            (
                "It opens two Sundays from now.",
                "two Sundays from now",
                "2025-07-13",
            ),
        ]);
        // "the past year" is the year up to the document date.
        let rolling = read("Prices rose over the past year.", DateOrder::Mdy);
        assert_eq!(rolling[0].1, "2024-07-04/2025-07-04");
        let late = read("The talks collapsed in late February.", DateOrder::Mdy);
        assert_eq!(late[0].0, "late February");
        assert_eq!(late[0].2.as_deref(), Some("2025-02"));
        assert!(
            late[0]
                .3
                .as_deref()
                .unwrap_or("")
                .ends_with("late -> 2025-02-20..2025-02-28"),
            "{late:?}"
        );
        let early = read("It opened in early 2024.", DateOrder::Mdy);
        assert!(
            early[0]
                .3
                .as_deref()
                .unwrap_or("")
                .ends_with("early -> 2024-01-01..2024-05-01"),
            "{early:?}"
        );
        // "the end of the month" is its last days, not all of it.
        let end = read(
            "A decision is expected by the end of the month.",
            DateOrder::Mdy,
        );
        let why = end[0].3.as_deref().unwrap_or("");
        assert!(why.contains("2025-07-22..2025-07-31"), "{why}");
    }

    #[test]
    fn the_sentence_says_past_or_future() {
        check(&[
            // A weekday equal to the document's own is that very day.
            ("They met on Friday.", "Friday", "2025-07-04"),
            // Past tense: the last such day; future: the next one.
            ("They met on Thursday.", "Thursday", "2025-07-03"),
            ("They will meet on Thursday.", "Thursday", "2025-07-10"),
            (
                "The vote was held on December 3.",
                "December 3",
                "2024-12-03",
            ),
            ("The vote will be held on March 3.", "March 3", "2026-03-03"),
            ("The vote is on December 3.", "December 3", "2025-12-03"),
            ("The talks are due to resume in May.", "May", "2026-05"),
            ("The talks ended in August.", "August", "2024-08"),
        ]);
        // No tense: this year's December 3, last year's still possible.
        let open = read("The vote is on December 3.", DateOrder::Mdy);
        let note = open[0].3.as_deref().unwrap_or("");
        assert!(note.contains("the year before stays possible"), "{note}");
        let why = read("They met on Thursday.", DateOrder::Mdy);
        let resolution = why[0].3.as_deref().unwrap_or("");
        assert!(
            resolution.starts_with("Thursday -> 2025-07-03: the last Thursday on or before the document date 2025-07-04"),
            "{resolution}"
        );
    }

    #[test]
    fn holidays() {
        check(&[
            ("They met at Christmas.", "Christmas", "2024-12-25"),
            (
                "It opens on New Year's Day.",
                "New Year's Day",
                "2025-01-01",
            ),
            ("It fell on Easter 2018.", "Easter 2018", "2018-04-01"),
            (
                "We will meet at Thanksgiving.",
                "Thanksgiving",
                "2025-11-27",
            ),
            (
                "Crowds gathered on Independence Day.",
                "Independence Day",
                "2025-07-04",
            ),
            ("They met last Easter.", "last Easter", "2025-04-20"),
            (
                "It closed 2 weeks before Christmas 2024.",
                "2 weeks before Christmas 2024",
                "2024-12-11",
            ),
        ]);
    }

    /// Each text's one date claim: its text, its value as written, and
    /// its warning.
    fn warned(text: &str) -> (String, String, Option<String>, Option<String>) {
        let source = Source::new(
            SourceId(0),
            "t".into(),
            text.into(),
            SourceMeta::default(),
            DateOrder::Mdy,
            Some(DocumentDate::given(date(2025, 7, 4), DateBasis::Manifest)),
        );
        let mut out = Vec::new();
        extract(&source, &mut out);
        out.retain(|c| c.kind == ClaimKind::Date);
        assert_eq!(out.len(), 1, "{text}: {out:?}");
        let c = &out[0];
        (
            c.text(&source).to_string(),
            c.value.notation(),
            c.value.resolved(),
            c.warning.clone(),
        )
    }

    #[test]
    fn years_off_the_calendar_are_never_the_documents_year() {
        for (text, span, timex, warning) in [
            (
                "Caesar died on March 15, 44 BC.",
                "March 15, 44 BC",
                "BC0044-03-15",
                "March 15, 44 BC is not a date crosscheck can check",
            ),
            (
                "It fell on 15 March 44 B.C. at noon.",
                "15 March 44 B.C.",
                "BC0044-03-15",
                "March 15, 44 BC is not a date",
            ),
            (
                "It fell in 3000 BCE.",
                "3000 BCE",
                "BC3000",
                "3000 BC is not",
            ),
            (
                "Hunters came around 10,000 BC.",
                "10,000 BC",
                "BC10000",
                "10000 BC",
            ),
            (
                "It was in March 44 BC.",
                "March 44 BC",
                "BC0044-03",
                "March 44 BC",
            ),
            (
                "The vault was sealed on January 1, 0000.",
                "January 1, 0000",
                "0000-01-01",
                "no year 0",
            ),
            (
                "Sealed 1/1/0000 here.",
                "1/1/0000",
                "0000-01-01",
                "no year 0",
            ),
            (
                "Sealed 0000-01-01 here.",
                "0000-01-01",
                "0000-01-01",
                "no year 0",
            ),
            (
                "Sealed in March 0000.",
                "March 0000",
                "0000-03",
                "no year 0",
            ),
            ("It was the year 0000.", "year 0000", "0000", "no year 0"),
            (
                "It opens on 1 June 10000.",
                "1 June 10000",
                "10000-06-01",
                "its calendar ends with 9999",
            ),
            (
                "They met on July 1-5, 44 BC, in Velgrad.",
                "July 1-5, 44 BC",
                "BC0044-07-01/BC0044-07-05",
                "July 1, 44 BC",
            ),
            (
                "It ran from March 3 to May 5, 44 BC in Velgrad.",
                "March 3 to May 5, 44 BC",
                "BC0044-03-03/BC0044-05-05",
                "March 3, 44 BC",
            ),
        ] {
            let (t, value, resolved, warn) = warned(text);
            assert_eq!((t.as_str(), value.as_str()), (span, timex), "{text}");
            assert_eq!(resolved, None, "{text}");
            let warn = warn.unwrap_or_default();
            assert!(
                warn.contains(warning) && warn.contains("not a date"),
                "{text}: {warn}"
            );
        }
    }

    #[test]
    fn years_of_the_common_era_and_counts_after_a_date() {
        check(&[
            ("Vesuvius erupted in AD 79.", "AD 79", "0079"),
            ("Vesuvius erupted in 79 CE.", "79 CE", "0079"),
            ("Rome burned in July 64 AD.", "July 64 AD", "0064-07"),
            (
                "It was on August 24, A.D. 79.",
                "August 24, A.D. 79",
                "0079-08-24",
            ),
            (
                "A coin of January 1, 0044 was found.",
                "January 1, 0044",
                "0044-01-01",
            ),
            ("Filed 0999-03-04 here.", "0999-03-04", "0999-03-04"),
            (
                "The lease ends on January 1, 2500.",
                "January 1, 2500",
                "2500-01-01",
            ),
            // A count after the date, and the province after a year.
            ("On May 5, 2500 people marched.", "May 5", "2025-05-05"),
            ("On May 5, 10000 people marched.", "May 5", "2025-05-05"),
            ("He won the 2024 B.C. election.", "2024", "2024"),
            (
                "On May 5, 2024 B.C. voters went out.",
                "May 5, 2024",
                "2024-05-05",
            ),
        ]);
        assert!(read("In March 2500 troops left.", DateOrder::Mdy).is_empty());
    }

    #[test]
    fn a_weekday_beside_its_date_is_checked() {
        let source = Source::new(
            SourceId(0),
            "t".into(),
            "It was signed on Thursday, July 4, 2025 in Velgrad.".into(),
            SourceMeta::default(),
            DateOrder::Mdy,
            None,
        );
        let mut out = Vec::new();
        extract(&source, &mut out);
        assert_eq!(out.len(), 1);
        let warning = out[0].warning.as_deref().unwrap_or("");
        assert!(warning.contains("is a Friday, not a Thursday"), "{warning}");
        // True of neither day, it keeps its value but allows no day.
        let ClaimValue::Date(value) = &out[0].value else {
            panic!("not a date: {:?}", out[0]);
        };
        assert_eq!(value.resolved.as_deref(), Some("2025-07-04"));
        assert!(value.set.is_empty(), "{:?}", value.set);
        let fine = read(
            "It was signed on Friday, July 4, 2025 in Velgrad.",
            DateOrder::Mdy,
        );
        assert_eq!(fine.len(), 1);
    }

    #[test]
    fn words_that_only_look_like_dates() {
        for text in [
            "Officials may meet again.",
            "Thousands march on the capital.",
            "we said so",
            "The Sunday Times reported it.",
            "Some 1,500 troops left.",
            "The desk is staffed 24/7.",
            "after 9/11 the rules changed",
            "The meeting starts at 10:30.",
            "It costs $2000 now.",
            "Turnout was 12.5% and 3.5 points.",
            "Call 555-1234 or (212) 555-0199.",
            "See pages 3-7 and page 12.",
            "He finished second in the race.",
            "It was the second time.",
            "a hot spring nearby",
            "the fall of Tarsk",
            "the Good Friday Agreement",
            "Article 5 may be invoked.",
            "It is the first in two weeks.",
            "on Monday 12 people died",
            "the 21st century",
            "He scored in the second half.",
            "It falls on the first Sunday of Advent.",
            "They led in the first quarter of the game.",
            "Tel: +86 138-2010-2015",
            "The ssn is 123-12-1234.",
            "The code is 133-03-03-2020.",
            "They will deliver 2000 pieces.",
        ] {
            let got: Vec<_> = read(text, DateOrder::Mdy)
                .into_iter()
                .filter(|c| !matches!(c.0.as_str(), "Monday" | "two weeks"))
                .collect();
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }
}

#[cfg(test)]
mod hostile_input {
    use super::*;
    use crate::source::{DateBasis, DateOrder, DocumentDate, SourceId, SourceMeta};
    use jiff::civil::Date;

    #[test]
    fn nothing_in_the_text_or_the_document_date_makes_it_panic() {
        let texts = [
            "",
            "“On Thursday,” she said — “we’ll meet next Tuesday… or in 2 weeks’ time.”",
            "9999-12-31 0001-01-01 2199/13/45 31/31/2025 00/00/00 2/29 Feb 29 Feb 30, 2023",
            "in 999 decades, 999 years ago, 999 business days later, 60 Sundays from now",
            "at the end of this weekend, the middle of next weekend, early 1000, late 2199",
            "the year after next, Q4 2199, winter 1000, Easter 2199, the 5th Sunday of February",
            "from 2199 to 1000, between December and January, 31 and 30 June, July 31-1",
            "ВТОРНИК 4 июля 2025 — 四月 — 🗓 July\u{a0}4,\u{a0}2025 — l’été 2024 — summer’s end",
            "on 15. on 31! the 31st of this month, the thirty-first day of the month.",
            "nineteen hundred and ninety nine; two thousand and ninety nine; seventeen oh nine",
            "44 BC, 0 BC, 0 AD, AD 0, 99999 BC, 99,999 BC, 1,000 BC, 5,000, 000 BC, B.C.E. 4",
            "March 0000, 0000-00-00, 1/1/0000, May 5, 999999 BC, July 1-5, 0000, from May 3 to 4 June 10000",
        ];
        for doc in [
            None,
            Some(Date::MIN),
            Some(Date::MAX),
            Some(jiff::civil::date(2024, 2, 29)),
        ] {
            for text in texts {
                for order in [DateOrder::Mdy, DateOrder::Dmy] {
                    let source = Source::new(
                        SourceId(0),
                        "t".into(),
                        text.into(),
                        SourceMeta::default(),
                        order,
                        doc.map(|d| DocumentDate::given(d, DateBasis::Manifest)),
                    );
                    let mut out = Vec::new();
                    extract(&source, &mut out);
                    for claim in &out {
                        assert!(source.text.get(claim.span.range.clone()).is_some());
                        // A claim the text makes is never a set of no days.
                        if let ClaimValue::Date(value) = &claim.value {
                            let no_days = value.set.is_empty() && claim.warning.is_none();
                            assert!(!no_days, "{text}: {:?}", claim);
                        }
                    }
                }
            }
        }
    }
}
