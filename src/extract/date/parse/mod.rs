//! From a pattern match to an [`Expr`]: checks that need the words around
//! the match ("may" the verb, "Sunday Times", "2000 people") and the
//! reading of numeric dates by the source's date order.
//!
//! Each form in [`super::forms`] has its own reader, in [`READERS`] at the
//! form's index: the finder says which form matched, and only that form's
//! reader looks at the match. The readers are grouped by family, one
//! module each.
//!
//! [`Expr`]: super::Expr

mod context;
mod fields;
mod holidays;
mod month_day;
mod months;
mod numeric;
mod periods;
mod ranges;
mod relative;
mod tail;
mod weekdays;
mod years;

use super::pattern::{FormCaptures, Groups, Piece};
use super::{Expr, Found};
use crate::source::DateOrder;

pub(super) use ranges::range_end;

/// Capture groups, from a date form or the pattern for a range's end.
type Captures<'a> = dyn Groups + 'a;

/// How one form is read: `form` names the group that holds the whole of
/// it (the form's first group), and `read` turns its groups into a date,
/// or into nothing when the match is not one after all.
struct Reader {
    form: &'static str,
    read: fn(&Captures, &str, DateOrder) -> Option<Found>,
}

/// The readers, one per form and in the order of [`super::forms::forms`]:
/// the finder reports a form by its index there.
static READERS: &[Reader] = &[
    Reader {
        form: "mdr",
        read: ranges::month_day_range,
    },
    Reader {
        form: "dmr",
        read: ranges::day_month_range,
    },
    Reader {
        form: "yr",
        read: ranges::year_range,
    },
    Reader {
        form: "iso",
        read: numeric::year_first,
    },
    Reader {
        form: "compact",
        read: numeric::compact,
    },
    Reader {
        form: "num",
        read: numeric::day_and_month_then_year,
    },
    Reader {
        form: "num3",
        read: numeric::month_name_day_year,
    },
    Reader {
        form: "nmy",
        read: numeric::month_and_year,
    },
    Reader {
        form: "nmd",
        read: numeric::day_and_month,
    },
    Reader {
        form: "my",
        read: months::month_year,
    },
    Reader {
        form: "md",
        read: month_day::month_then_day,
    },
    Reader {
        form: "dm",
        read: month_day::day_then_month,
    },
    Reader {
        form: "nth",
        read: weekdays::nth_weekday_of_month,
    },
    Reader {
        form: "nthb",
        read: weekdays::nth_weekday,
    },
    Reader {
        form: "dp",
        read: relative::day_of_relative_month,
    },
    Reader {
        form: "ym",
        read: months::year_month,
    },
    Reader {
        form: "decade",
        read: years::decade,
    },
    Reader {
        form: "season",
        read: periods::season,
    },
    Reader {
        form: "qtr",
        read: periods::quarter_or_half,
    },
    Reader {
        form: "qq",
        read: periods::quarter_code,
    },
    Reader {
        form: "hol",
        read: holidays::holiday,
    },
    Reader {
        form: "wkend",
        read: periods::the_weekend,
    },
    Reader {
        form: "rd",
        read: relative::relative_day,
    },
    Reader {
        form: "wk",
        read: weekdays::weekday_of_week,
    },
    Reader {
        form: "period",
        read: periods::shifted_period,
    },
    Reader {
        form: "per2",
        read: periods::part_of_period,
    },
    Reader {
        form: "shifted",
        read: relative::shifted_name,
    },
    Reader {
        form: "ago",
        read: relative::ago,
    },
    Reader {
        form: "nwd",
        read: weekdays::weekdays_away,
    },
    Reader {
        form: "inn",
        read: relative::in_amount,
    },
    Reader {
        form: "wdd",
        read: weekdays::weekday_and_day,
    },
    Reader {
        form: "wd",
        read: weekdays::weekday,
    },
    Reader {
        form: "mprep",
        read: months::month_after_a_word,
    },
    Reader {
        form: "dom",
        read: month_day::day_of_the_month,
    },
    Reader {
        form: "onday",
        read: month_day::on_day,
    },
    Reader {
        form: "bmonth",
        read: months::bare_month,
    },
    Reader {
        form: "eyear",
        read: years::year_with_era,
    },
    Reader {
        form: "yearn",
        read: years::the_year_written,
    },
    Reader {
        form: "year",
        read: years::bare_year,
    },
    Reader {
        form: "wyear",
        read: years::year_in_words_after_a_word,
    },
];

/// The claim's byte range and expression, or `None` when the match is not
/// a date after all.
pub(super) fn parse(caps: &FormCaptures<'_>, text: &str, order: DateOrder) -> Option<Found> {
    read_form(caps.form(), caps, text, order).filter(|f| !continues_as_a_figure(text, f.range.end))
}

/// True when the digits a date ends with go on as a figure: "the 2.6-km
/// bridge", "May 3,500 people". A day or a year is a whole number, so
/// digits followed by a decimal fraction or a thousands group are the
/// front of a number, and the number reader is left to read it whole.
fn continues_as_a_figure(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    let ends_in_digit = end > 0 && bytes.get(end - 1).is_some_and(u8::is_ascii_digit);
    let after = &bytes[end.min(bytes.len())..];
    let digits_after = |from: usize| {
        after[from.min(after.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    ends_in_digit
        && match after.first() {
            Some(b'.') => digits_after(1) > 0,
            Some(b',') => digits_after(1) == 3,
            _ => false,
        }
}

/// The match of form number `form`, read by that form's reader.
fn read_form(form: usize, caps: &Captures, text: &str, order: DateOrder) -> Option<Found> {
    // "138-2010-2015", "123-12-1234": digits joined to more digits are a
    // phone number, a code or an id, not a date.
    let whole = caps.get(0)?;
    let starts_with_digit = whole.as_str().starts_with(|c: char| c.is_ascii_digit());
    if starts_with_digit && inside_a_code(text, whole.start(), whole.as_str()) {
        return None;
    }
    let reader = READERS.get(form)?;
    // The form's first group is in every match of it, so this only turns
    // away a match of another form: no reader reads a form not its own.
    caps.name(reader.form)?;
    (reader.read)(caps, text, order)
}

/// A date read over the whole of `m`, with no note.
fn found(m: Piece<'_>, expr: Expr) -> Option<Found> {
    Some(Found {
        range: m.range(),
        expr,
        note: None,
    })
}

/// True when the digits at `start` continue a longer run of digits
/// joined by hyphens, slashes or dots.
fn inside_a_code(text: &str, start: usize, matched: &str) -> bool {
    let before = &text.as_bytes()[..start];
    let joined_before = before.len() >= 2
        && matches!(before[before.len() - 1], b'-' | b'/' | b'.')
        && before[before.len() - 2].is_ascii_digit();
    let digits_end = matched
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(start, |i| start + i + 1);
    let after = &text.as_bytes()[digits_end..];
    let joined_after = after.len() >= 2 && after[0] == b'-' && after[1].is_ascii_digit();
    joined_before || joined_after
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first named group of a form: the one that holds all of it.
    fn first_group(form: &str) -> Option<&str> {
        form.split("(?P<").nth(1)?.split('>').next()
    }

    #[test]
    fn every_form_has_exactly_one_reader() {
        let forms = super::super::forms::forms();
        assert_eq!(forms.len(), READERS.len(), "one reader per form");
        for (index, (form, reader)) in forms.iter().zip(READERS).enumerate() {
            assert_eq!(
                first_group(form),
                Some(reader.form),
                "form {index} is read by the reader of {:?}: {form}",
                reader.form
            );
        }
        let mut names: Vec<&str> = READERS.iter().map(|r| r.form).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), READERS.len(), "no form has two readers");
    }
}
