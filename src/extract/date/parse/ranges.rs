//! Ranges written as one form: of days in one month ("July 1-5, 2025",
//! "1 to 5 July") and of years ("2001-2004", "2010-11"); and the second
//! end of a range that is no date on its own ("from 2001 to 2004").

use super::context::{bare_year_ok, word_before};
use super::fields::{calendar, month_word_ok, num};
use super::tail::{has_tail, tail_year};
use super::{found, Captures};
use crate::extract::date::pattern::Piece;
use crate::extract::date::{Expr, Found};
use crate::source::DateOrder;
use crate::value::date::month_number;

/// A range of days, month first: "July 1-5, 2025".
pub(super) fn month_day_range(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("mdr")?;
    let month = month_number(caps.name("mdr_m")?.as_str())?;
    if !month_word_ok(caps.name("mdr_m")?.as_str(), true) {
        return None;
    }
    day_range(caps, text, m, "mdr", month)
}

/// A range of days, month last: "1 to 5 July", and two listed days: "18
/// and 19 June".
pub(super) fn day_month_range(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("dmr")?;
    let word = caps.name("dmr_m")?.as_str();
    if !month_word_ok(word, has_tail(caps, "dmr", text)) && !word.chars().next()?.is_uppercase() {
        return None;
    }
    let month = month_number(word)?;
    let listed = caps
        .name("dmr_c")
        .is_some_and(|c| c.as_str().eq_ignore_ascii_case("and"));
    if listed && word_before(text, m.start()) != "between" {
        // "18 and 19 June": two days, the first borrowing the month.
        let first = caps.name("dmr_a")?;
        let (tail, _) = tail_year(caps, "dmr", text);
        let expr = tail.date(Some(month), first.as_str().parse().ok(), None);
        return found(first, expr);
    }
    day_range(caps, text, m, "dmr", month)
}

/// A range of years: "2001-2004", "2010-11".
pub(super) fn year_range(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("yr")?;
    let a: i16 = num(caps, "yr_a")?;
    let b_text = caps.name("yr_b")?.as_str();
    let b: i16 = b_text.parse().ok()?;
    if !bare_year_ok(text, m.range()) {
        return None;
    }
    let expr = if b_text.len() == 4 {
        if b <= a || b - a > 200 {
            return None;
        }
        Expr::Range(
            Box::new(calendar(Some(a), None, None)),
            Box::new(calendar(Some(b), None, None)),
        )
    } else if b == (a + 1) % 100 {
        // "2010-11": a season or fiscal year running into the next.
        Expr::Range(
            Box::new(calendar(Some(a), None, None)),
            Box::new(calendar(Some(a + 1), None, None)),
        )
    } else if (1..=12).contains(&b) {
        calendar(Some(a), Some(b as i8), None)
    } else if b > a % 100 && b - a % 100 <= 10 {
        Expr::Range(
            Box::new(calendar(Some(a), None, None)),
            Box::new(calendar(Some(a - a % 100 + b), None, None)),
        )
    } else {
        return None;
    };
    found(m, expr)
}

/// "July 1-5, 2025" and "1 to 5 July": a range of days in one month.
fn day_range(caps: &Captures, text: &str, m: Piece<'_>, p: &str, month: i8) -> Option<Found> {
    let a: i8 = num(caps, &format!("{p}_a"))?;
    let b: i8 = num(caps, &format!("{p}_b"))?;
    if a >= b {
        return None;
    }
    let (tail, end_at) = tail_year(caps, p, text);
    let end = |day| tail.date(Some(month), Some(day), None);
    Some(Found {
        range: m.start()..end_at.unwrap_or(m.end()),
        expr: Expr::Range(Box::new(end(a)), Box::new(end(b))),
        note: None,
    })
}

/// The second end of a range that is no date on its own ("and May").
pub(in crate::extract::date) fn range_end(caps: &Captures) -> Option<Expr> {
    if let Some(y) = caps.name("yo") {
        return Some(calendar(y.as_str().parse().ok(), None, None));
    }
    let word = caps.name("m")?.as_str();
    if !word.chars().next()?.is_uppercase() {
        return None;
    }
    Some(calendar(num(caps, "y"), month_number(word), num(caps, "d")))
}
