//! Parts of a year and periods named from the document date: seasons
//! ("summer 2024"), quarters and halves ("the first quarter", "Q3 2025"),
//! "this year", "the end of the month", "over the weekend".

use super::context::{word_after, word_before};
use super::fields::{full_year, num, part_of, shift_of, shift_offset, unit_of};
use super::{found, Captures};
use crate::extract::date::words::{self, Tense};
use crate::extract::date::{Expr, Found, Part, Unit, YearPart};
use crate::source::DateOrder;

/// A season: "summer 2024", "last winter", "early spring".
pub(super) fn season(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("season")?;
    let word = caps.name("sea")?.as_str().to_ascii_lowercase();
    let shift = caps.name("sea_shift").map(|s| shift_of(s.as_str()));
    let year = match (caps.name("sea_y"), caps.name("sea_yw")) {
        (Some(y), _) => y.as_str().parse().ok(),
        (None, Some(w)) => words::year_in_words(w.as_str()),
        (None, None) => None,
    };
    if shift.is_none() && year.is_none() {
        // "the fall of Tarsk", "hot springs": a season only where a time
        // is expected.
        let before = word_before(text, m.start());
        let expected = matches!(
            before.as_str(),
            "in" | "during"
                | "by"
                | "until"
                | "till"
                | "since"
                | "through"
                | "over"
                | "before"
                | "after"
                | "for"
                | "this"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
        );
        if word == "fall" || !expected {
            return None;
        }
    }
    let (first, name) = match word.as_str() {
        "spring" => (3, "SP"),
        "summer" => (6, "SU"),
        "autumn" | "fall" => (9, "FA"),
        _ => (12, "WI"),
    };
    let (first_month, months) = match caps
        .name("sea_part")
        .map(|p| p.as_str().to_ascii_lowercase())
    {
        Some(p) if p == "early" => (first, 1),
        Some(p) if p == "mid" => (first % 12 + 1, 1),
        Some(_) => ((first + 1) % 12 + 1, 1),
        None => (first, 3),
    };
    Some(Found {
        range: m.range(),
        expr: Expr::YearPart {
            part: YearPart {
                name,
                first_month,
                months,
            },
            year,
            year_shift: None,
            shift,
        },
        note: None,
    })
}

/// A quarter or a half in words: "the first quarter of 2013", "the second
/// half of next year".
pub(super) fn quarter_or_half(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("qtr")?;
    let kind = caps.name("q_kind")?.as_str().to_ascii_lowercase();
    let n: i8 = match caps.name("q_n")?.as_str().to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    };
    let part = if kind == "half" {
        if n > 2 {
            return None;
        }
        YearPart {
            name: "H",
            first_month: 6 * n - 5,
            months: 6,
        }
    } else {
        YearPart {
            name: "Q",
            first_month: 3 * n - 2,
            months: 3,
        }
    };
    let year = match (caps.name("q_y").or(caps.name("q_yb")), caps.name("q_yw")) {
        (Some(y), _) => y.as_str().parse().ok(),
        (None, Some(w)) => words::year_in_words(w.as_str()),
        (None, None) => None,
    };
    let year_shift = match caps.name("q_rel") {
        Some(r) => Some(shift_offset(shift_of(r.as_str())) as i16),
        None if year.is_none() && m.as_str().to_ascii_lowercase().ends_with("year") => Some(0),
        None => None,
    };
    // "the second half" of a match and "the first quarter of the game"
    // are no dates: a half needs its year, and a quarter of something
    // else says so with "of".
    let qualified = year.is_some() || year_shift.is_some();
    let of_something = word_after(text, m.end()).eq_ignore_ascii_case("of");
    if !qualified && (kind == "half" || of_something) {
        return None;
    }
    let expr = Expr::YearPart {
        part,
        year,
        year_shift,
        shift: None,
    };
    found(m, expr)
}

/// A quarter or a half as a code: "Q3 2025", "H1 '24".
pub(super) fn quarter_code(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("qq")?;
    let kind = caps.name("qq_k")?.as_str();
    let n: i8 = num(caps, "qq_n")?;
    let part = match kind {
        "Q" => YearPart {
            name: "Q",
            first_month: 3 * n - 2,
            months: 3,
        },
        "H" if n <= 2 => YearPart {
            name: "H",
            first_month: 6 * n - 5,
            months: 6,
        },
        _ => return None,
    };
    let year = num(caps, "qq_y").or_else(|| num(caps, "qq_yy").map(full_year));
    // "H1" alone is as likely a heading or a visa as a half-year.
    if kind == "H" && year.is_none() {
        return None;
    }
    let expr = Expr::YearPart {
        part,
        year,
        year_shift: None,
        shift: None,
    };
    found(m, expr)
}

/// "over the weekend".
pub(super) fn the_weekend(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("wkend")?;
    let ahead = words::tense_around(text, m.range()) == Tense::Future;
    let the = m.as_str().to_ascii_lowercase().rfind("the").unwrap_or(0);
    let range = m.start() + the..m.end();
    Some(Found {
        range,
        expr: Expr::TheWeekend { ahead },
        note: None,
    })
}

/// A period named from the document's: "(earlier) this year", "last
/// month", "the past year".
pub(super) fn shifted_period(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("period")?;
    let unit = unit_of(caps.name("per_unit")?.as_str())?;
    let shift_word = caps.name("per_shift")?.as_str().to_ascii_lowercase();
    let offset = shift_offset(shift_of(&shift_word));
    let mut part = part_of(caps.name("per_part").map(|p| p.as_str()));
    // "over the past year": the twelve months up to the document
    // date, not the last calendar year.
    if matches!(shift_word.as_str(), "past" | "last")
        && word_before(text, m.start()) == "the"
        && part == Part::Whole
    {
        part = Part::Rolling;
    }
    found(m, Expr::Period { unit, offset, part })
}

/// Part of the document's year, month or week: "the end of the year",
/// "later in the month", "the year after next", "year to date", "EOY".
pub(super) fn part_of_period(caps: &Captures, _: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("per2")?;
    let (unit, part) = if let Some(u) = caps.name("per2_unit") {
        (
            unit_of(u.as_str())?,
            part_of(caps.name("per2_part").map(|p| p.as_str())),
        )
    } else if let Some(u) = caps.name("per2_unit2") {
        (
            unit_of(u.as_str())?,
            part_of(caps.name("per2_in").map(|p| p.as_str())),
        )
    } else if let Some(u) = caps.name("after_unit") {
        let unit = unit_of(u.as_str())?;
        return found(
            m,
            Expr::Period {
                unit,
                offset: 2,
                part: Part::Whole,
            },
        );
    } else if caps.name("ytd").is_some() {
        (Unit::Year, Part::Earlier)
    } else {
        let w = caps.name("eoy")?.as_str();
        if w != w.to_ascii_uppercase() {
            return None;
        }
        (
            if w == "EOY" { Unit::Year } else { Unit::Month },
            Part::Late,
        )
    };
    found(
        m,
        Expr::Period {
            unit,
            offset: 0,
            part,
        },
    )
}
