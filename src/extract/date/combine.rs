//! Joining neighbouring candidates that make one date: an offset and what
//! it counts from, the two ends of a range, "the week of" a day, and
//! "early", "mid" or "late" before a month or a year.

use super::{parse, pattern, Expr, Found, Part, WrittenYear};

/// Joins neighbours that make one date: an offset and what it counts from
/// ("two weeks before" + "Christmas"), and the two ends of a range.
pub(super) fn combine(text: &str, found: Vec<Found>) -> Vec<Found> {
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
