//! Holidays by name: "Christmas", "Easter 2018", "last Easter".

use super::context::starts_a_name;
use super::fields::{num, shift_of, shift_offset};
use super::{found, Captures};
use crate::extract::date::words;
use crate::extract::date::{Expr, Found};
use crate::source::DateOrder;

/// A holiday: "Christmas", "Easter 2018", "last Easter", "Independence
/// Day of this year".
pub(super) fn holiday(caps: &Captures, text: &str, _: DateOrder) -> Option<Found> {
    let m = caps.name("hol")?;
    let name = caps.name("holiday")?;
    if starts_a_name(text, m.end()) {
        return None;
    }
    let holiday = words::holiday(name.as_str())?;
    let expr = Expr::Holiday {
        name: name.as_str().to_string(),
        holiday,
        year: num(caps, "hol_y"),
        year_shift: caps
            .name("hol_rel")
            .map(|r| shift_offset(shift_of(r.as_str())) as i16),
        shift: caps.name("hol_shift").map(|s| shift_of(s.as_str())),
    };
    found(m, expr)
}
