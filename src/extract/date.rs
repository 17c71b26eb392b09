//! Date claims as a newsroom reads them: absolute ("July 4, 2025", "4th
//! January", "2025-07-04", "7/4/2025"), partial ("July 3", "April 2025",
//! "the 1980s", "summer 2024", "the first quarter"), ranges ("from 2001 to
//! 2004", "between March and May"), holidays ("Christmas", "Easter 2018"),
//! weekdays ("on Thursday") and relative forms ("yesterday", "last week",
//! "two years ago", "next Tuesday", "three weeks after Christmas").
//!
//! Reading runs in three steps: one compiled pattern finds every candidate
//! ([`pattern`]); each candidate is parsed into an [`Expr`] as written
//! ([`parse`]); neighbouring expressions that make one date are joined
//! ("two weeks before" + "Christmas", "from 2001" + "to 2004"); then each is
//! resolved against the document date ([`resolve`]), towards the past for
//! reports and towards the future where the sentence says so.
//!
//! Word boundaries are ASCII (`(?-u:\b)`) because a Unicode `\b` makes the
//! regex engine fall back to a slow path at the first curly quote, and news
//! is full of them.

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
    /// "the week of March 3", "w/c 4 Feb": the Monday-to-Sunday week
    /// holding the day.
    WeekOf(Box<Expr>),
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
        let tense = words::tense_around(text, f.range.clone());
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
        let Some(caps) = pattern::DATES.captures_at(text, at) else {
            break;
        };
        let Some(whole) = caps.get(0) else { break };
        match parse::parse(&caps, text, source.date_order) {
            Some(f) => {
                at = f.range.end.max(whole.start() + 1);
                found.push(f);
            }
            None => {
                // Not a date after all: try again one word on, so that a
                // shorter form inside the rejected one still gets its turn.
                at = whole.start()
                    + text[whole.start()..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8);
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
    while let Some(f) = items.next() {
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
        assert_eq!(one("On July 3, Russia", None).1, "XXXX-07-03");
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
            one("On July 3, Russia", doc).2.as_deref(),
            Some("2025-07-03")
        );
        assert_eq!(
            one("On December 3, Russia recognised it", doc).2.as_deref(),
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
    fn curly_quotes_and_nbsp_do_not_hide_dates() {
        let got = claims_in("“On\u{a0}July 3,” he said — in 2021’s spring", None);
        let values: Vec<_> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(values, ["XXXX-07-03", "2021"]);
    }
}
