//! Dates in digits: year first ("2025-07-04", "20161016"), day and month
//! in the source's order ("7/4/2025", "4/22"), and month and year
//! ("11/2016"). Which of two numbers is the day is settled by the source's
//! date order unless one is over 12.

use super::context::{word_after, word_before};
use super::fields::{calendar, full_year, num, weekday_in};
use super::{found, Captures};
use crate::extract::date::{Expr, Found, OffYear, WrittenYear};
use crate::source::DateOrder;
use crate::value::date::month_number;

/// Year first: "2025-07-04", "2015.5.13", "2019/aug/01".
pub(super) fn year_first(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("iso")?;
    let month = match caps.name("iso_mw") {
        Some(w) => month_number(w.as_str())?,
        None => num(caps, "iso_m")?,
    };
    let day: i8 = num(caps, "iso_d")?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let year = WrittenYear::read(caps.name("iso_y")?.as_str(), None)?;
    found(m, year.date(Some(month), Some(day), None))
}

/// Eight digits, year first: "20161016".
pub(super) fn compact(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("compact")?;
    found(
        m,
        calendar(num(caps, "cp_y"), num(caps, "cp_m"), num(caps, "cp_d")),
    )
}

/// Day and month in the source's order, then the year: "7/4/2025",
/// "4.7.2025", "23/08/39", "05-Aug-2016".
pub(super) fn day_and_month_then_year(caps: &Captures, _: &str, order: DateOrder) -> Option<Found> {
    let m = caps.name("num")?;
    let sep = caps.name("sep")?.as_str();
    match caps.name("sep2") {
        Some(sep2) if sep2.as_str() != sep => return None,
        // "08/12,2015": a comma before the year.
        None if sep != "/" => return None,
        _ => {}
    }
    let a: i8 = num(caps, "num_a")?;
    let y_text = caps.name("num_y")?.as_str();
    let mut year: i16 = y_text.parse().ok()?;
    if y_text.len() == 2 {
        year = full_year(year);
    }
    let weekday = weekday_in(caps, "num_wd").ok()?;
    let (month, day, note) = match caps.name("num_bm") {
        Some(w) => (month_number(w.as_str())?, a, None),
        None => {
            let b: i8 = num(caps, "num_b")?;
            let sep = caps.name("sep")?.as_str();
            numeric_order(a, b, Some(year), sep, order)?
        }
    };
    // "1/1/0000": no year 0, whatever the calendar library counts.
    let year = match year {
        0 => WrittenYear::Off(OffYear::Zero),
        year => WrittenYear::Year(year),
    };
    Some(Found {
        range: m.range(),
        expr: year.date(Some(month), Some(day), weekday),
        note,
    })
}

/// A month's name, then day and year: "Sep-23-2020".
pub(super) fn month_name_day_year(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("num3")?;
    let month = month_number(caps.name("n3_m")?.as_str())?;
    found(
        m,
        calendar(num(caps, "n3_y"), Some(month), num(caps, "n3_d")),
    )
}

/// Month and year in digits: "11/2016", "3/2015", "11 - 2016".
pub(super) fn month_and_year(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("nmy")?;
    found(m, calendar(num(caps, "nmy_y"), num(caps, "nmy_m"), None))
}

/// Day and month in digits, no year: "(Friday) 4/22", "22/04", "5.12",
/// read only where a date is expected.
pub(super) fn day_and_month(caps: &Captures, text: &str, order: DateOrder) -> Option<Found> {
    let m = caps.name("nmd")?;
    let a: i8 = num(caps, "nmd_a")?;
    let b: i8 = num(caps, "nmd_b")?;
    let sep = caps.name("nmd_s")?.as_str();
    let weekday = weekday_in(caps, "nmd_wd").ok()?;
    let start = caps.name("nmd_a")?.start();
    // A number over 12 on either side of a slash can only be a day.
    let plainly_a_day = sep == "/" && (a > 12 || b > 12);
    let expected = weekday.is_some() || plainly_a_day || date_expected_before(text, start);
    let after = &text[m.end()..];
    // "24/7" is round the clock and "9/11" the attacks; a dotted pair
    // is a decimal unless the sentence asks for a date.
    let name = sep == "/" && matches!((a, b), (24, 7) | (9, 11));
    let decimal = sep == "." && !(weekday.is_some() || word_before(text, start) == "on");
    let hyphen_range = sep == "-" && a <= 12 && b <= 12 && weekday.is_none();
    let quantity = after.starts_with('%')
        || after.trim_start().starts_with(|c: char| c.is_ascii_digit())
        || word_after(text, m.end()).eq_ignore_ascii_case("of");
    if !expected || name || decimal || hyphen_range || quantity {
        return None;
    }
    let (month, day, note) = numeric_order(a, b, None, sep, order)?;
    let expr = Expr::Calendar {
        year: None,
        month: Some(month),
        day: Some(day),
        weekday,
        year_shift: None,
    };
    Some(Found {
        range: m.range(),
        expr,
        note,
    })
}

/// Month and day of a numeric date, by the source's order unless a number
/// over 12 settles it; an ambiguous one says how it was read.
fn numeric_order(
    a: i8,
    b: i8,
    year: Option<i16>,
    sep: &str,
    order: DateOrder,
) -> Option<(i8, i8, Option<String>)> {
    let day_first = match (a > 12, b > 12) {
        (true, true) => return None,
        (true, false) => true,
        (false, true) => false,
        // A dotted date is day first in most of the world.
        (false, false) => sep == "." && year.is_some() || order == DateOrder::Dmy,
    };
    let (month, day) = if day_first { (b, a) } else { (a, b) };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let note = (a <= 12 && b <= 12 && a != b).then(|| {
        let y = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
        let (read, other) = if day_first { ("day first", "month first") } else { ("month first", "day first") };
        format!(
            "ambiguous numeric date {a}{sep}{b}: read {read} as {y}-{month:02}-{day:02}; {other} it would be {y}-{day:02}-{month:02} (set --date-order or the manifest's locale)"
        )
    });
    Some((month, day, note))
}

/// Where the reader expects a date: "on 4/22", "until 11/25", "Friday 5/12".
fn date_expected_before(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{a0}']);
    if before.is_empty() || before.ends_with(['.', '?', '!', ':']) {
        return true;
    }
    // A list of dates: "on 11/20, 11/22 or 11/25".
    let list = before.trim_end_matches([',', ' ']);
    let word = word_before(text, at);
    if word == "or" || word == "and" || before.ends_with(',') {
        let prev = list
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .trim_end_matches([' ', ',']);
        if prev.ends_with(|c: char| c.is_ascii_digit())
            && prev.rsplit(' ').next().is_some_and(|t| t.contains('/'))
        {
            return true;
        }
    }
    matches!(
        word.as_str(),
        "on" | "by"
            | "until"
            | "till"
            | "since"
            | "from"
            | "before"
            | "after"
            | "dated"
            | "through"
            | "thru"
            | "between"
            | "effective"
    )
}
