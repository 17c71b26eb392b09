//! Days and stretches of time counted from the document date: "today",
//! "the 15th of next month", "last October", "four years ago", "in two
//! weeks".

use super::fields::{day_in, month_word_ok, shift_of, shift_offset};
use super::{found, Captures};
use crate::extract::date::words::{self, Tense};
use crate::extract::date::{Amount, Expr, Found};
use crate::source::DateOrder;
use crate::value::date::{month_number, weekday_of};

/// A day of a month counted from the document's: "the 15th (day) of next
/// month", "the 21st this month".
pub(super) fn day_of_relative_month(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("dp")?;
    let day = day_in(caps, "dp_d", "dp_dw")?;
    let rel = caps.name("dp_rel")?.as_str().to_ascii_lowercase();
    let month_offset = match rel.as_str() {
        "the" | "current" => 0,
        r => shift_offset(shift_of(r)),
    };
    found(m, Expr::DayOfMonth { day, month_offset })
}

/// A day named from the document's: "today", "tomorrow", "the day before
/// yesterday".
pub(super) fn relative_day(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("rd")?;
    let word = caps.name("rel_day")?.as_str().to_ascii_lowercase();
    let mut offset = match word.as_str() {
        "yesterday" => -1,
        "tomorrow" | "tmrw" => 1,
        // "last night" is the evening before the document's day.
        w if w.starts_with("last") => -1,
        _ => 0,
    };
    if let Some(pre) = caps.name("rd_pre") {
        offset += if pre.as_str().to_ascii_lowercase().ends_with("before") {
            -1
        } else {
            1
        };
    }
    found(m, Expr::Day(offset))
}

/// A month or weekday named from the document date: "last October", "next
/// Tuesday", "this coming Friday", "last sept".
pub(super) fn shifted_name(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("shifted")?;
    let word = caps.name("sh_word")?.as_str();
    let shift = shift_of(caps.name("sh_shift")?.as_str());
    if let Some(weekday) = weekday_of(word) {
        return found(
            m,
            Expr::Weekday {
                weekday,
                shift: Some(shift),
            },
        );
    }
    if !month_word_ok(word, false) && !word.to_ascii_lowercase().starts_with("sept") {
        return None;
    }
    let month = month_number(word)?;
    found(m, Expr::MonthShift { month, shift })
}

/// A stretch of time from the document date, or from what follows: "four
/// years ago", "two days later", "2 weeks before (Christmas)".
pub(super) fn ago(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("ago")?;
    let amount = amount_of(caps.name("ago_n")?.as_str())?;
    let dir = caps.name("ago_dir")?.as_str().to_ascii_lowercase();
    let dir: String = dir.split_whitespace().collect::<Vec<_>>().join(" ");
    let loose = [amount.years, amount.months, amount.weeks, amount.days]
        .iter()
        .filter(|n| **n != 0)
        .count()
        == 1;
    let expr = match dir.as_str() {
        "ago" | "back" | "earlier" => Expr::Ago {
            amount,
            sign: -1,
            loose,
        },
        "later" | "from now" | "hence" => Expr::Ago {
            amount,
            sign: 1,
            loose,
        },
        "before" | "prior to" => Expr::Pending { amount, sign: -1 },
        _ => Expr::Pending { amount, sign: 1 },
    };
    found(m, expr)
}

/// A stretch of time ahead: "in 2 weeks", "in two weeks' time".
pub(super) fn in_amount(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("inn")?;
    // "in two weeks" is a date only where the sentence looks ahead
    // ("in two weeks' time" always does); "the first time in two
    // weeks" is a stretch of time.
    let ahead = m.as_str().to_ascii_lowercase().ends_with("time");
    if !ahead && words::tense_around(text, m.range()) != Tense::Future {
        return None;
    }
    let amount = amount_of(caps.name("in_n")?.as_str())?;
    found(
        m,
        Expr::Ago {
            amount,
            sign: 1,
            loose: false,
        },
    )
}

/// "2 years 1 month 21 days", "a fortnight", "a couple of weeks".
fn amount_of(text: &str) -> Option<Amount> {
    let mut amount = Amount::default();
    let mut pending: Vec<&str> = Vec::new();
    let mut any = false;
    let mut skip_days = false;
    for word in text.split(|c: char| c.is_whitespace() || c == ',') {
        if word.is_empty() || word.eq_ignore_ascii_case("and") && pending.is_empty() {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        let unit = lower.trim_end_matches('s');
        if matches!(lower.as_str(), "business" | "working") {
            // "four business days": the count waits for "days".
            let n = words::count(&pending.join(" "))?;
            pending.clear();
            amount.business_days += n;
            any = true;
            skip_days = true;
            continue;
        }
        if skip_days && unit == "day" {
            skip_days = false;
            continue;
        }
        if matches!(
            unit,
            "day" | "week" | "fortnight" | "month" | "year" | "decade"
        ) {
            let n = words::count(&pending.join(" "))?;
            pending.clear();
            any = true;
            match unit {
                "day" => amount.days += n,
                "week" => amount.weeks += n,
                "fortnight" => amount.weeks += 2 * n,
                "month" => amount.months += n,
                "year" => amount.years += n,
                _ => amount.years += 10 * n,
            }
        } else {
            pending.push(word);
        }
    }
    (any && pending.is_empty()).then_some(amount)
}
