//! Holidays: in the year written, in the year the shift points to, or the
//! nearest one on the side of the document date the sentence looks to.

use jiff::civil::Date;

use super::{on_day, unresolved, ymd, Context};
use crate::extract::date::words::{Holiday, Tense};
use crate::extract::date::Shift;
use crate::value::date::{DateSet, DateValue};

/// "Christmas", "Easter 2018", "last Easter", "Independence Day of this
/// year".
pub(super) fn resolve_holiday(
    name: &str,
    holiday: Holiday,
    year: Option<i16>,
    year_shift: Option<i16>,
    shift: Option<Shift>,
    ctx: &Context,
) -> DateValue {
    let basis = ctx.basis.as_str();
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
        (Some(y), _, _, _) => in_year(y),
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
        Some(day) => on_day(
            None,
            day,
            match year {
                Some(y) => format!("{name} {y} -> {}", ymd(day)),
                None => format!("{name} -> {}: against {basis}", ymd(day)),
            },
        ),
        None => unresolved("XXXX-XX-XX", DateSet::any()),
    }
}
