//! From a pattern match to an [`Expr`]: checks that need the words around
//! the match ("may" the verb, "Sunday Times", "2000 people") and the
//! reading of numeric dates by the source's date order.

use super::pattern::{Groups, Piece};
use jiff::civil::Weekday;

use super::words::{self, Tense};
use super::{Amount, Expr, Found, OffYear, Part, Shift, Unit, WrittenYear, YearPart};
use crate::source::DateOrder;
use crate::value::date::{month_number, weekday_of};

/// Capture groups, from a date form or the pattern for a range's end.
type Captures<'a> = dyn Groups + 'a;

fn num<T: std::str::FromStr>(caps: &Captures, name: &str) -> Option<T> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

fn calendar(year: Option<i16>, month: Option<i8>, day: Option<i8>) -> Expr {
    Expr::Calendar {
        year,
        month,
        day,
        weekday: None,
        year_shift: None,
    }
}

/// Two-digit years: 00-39 are 20xx, 40-99 are 19xx.
fn full_year(two: i16) -> i16 {
    if two < 40 {
        2000 + two
    } else {
        1900 + two
    }
}

fn shift_of(word: &str) -> Shift {
    let w = word.to_ascii_lowercase();
    let w = w.split_whitespace().last().unwrap_or("");
    match w {
        "past" => Shift::Past,
        "last" | "previous" => Shift::Last,
        "next" | "following" => Shift::Next,
        "coming" | "upcoming" => Shift::Coming,
        _ => Shift::This,
    }
}

fn shift_offset(shift: Shift) -> i32 {
    match shift {
        Shift::Last | Shift::Past => -1,
        Shift::This => 0,
        Shift::Next | Shift::Coming => 1,
    }
}

fn part_of(word: Option<&str>) -> Part {
    let Some(w) = word else { return Part::Whole };
    let w = w.to_ascii_lowercase();
    if w.contains("end") {
        Part::Late
    } else if w.contains("start") || w.contains("beginning") {
        Part::Early
    } else if w.contains("middle") {
        Part::Mid
    } else {
        match w.as_str() {
            "earlier" => Part::Earlier,
            "later" => Part::Later,
            "early" => Part::Early,
            "mid" => Part::Mid,
            "late" => Part::Late,
            _ => Part::Whole,
        }
    }
}

fn unit_of(word: &str) -> Option<Unit> {
    let w = word.to_ascii_lowercase();
    Some(match w.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
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

/// Month names that are also common words ("may", "march") need a
/// capital or a number beside them; abbreviations need one or the other.
fn month_word_ok(word: &str, has_number: bool) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let abbreviated = lower.len() <= 4 && !matches!(lower.as_str(), "may" | "june" | "july");
    match lower.as_str() {
        "may" | "march" => capitalised || has_number,
        "mar" => capitalised && has_number,
        _ if abbreviated => capitalised || has_number,
        _ => true,
    }
}

/// Weekday abbreviations only capitalised ("Wed", never "wed").
fn weekday_word_ok(word: &str) -> bool {
    word.len() >= 6 || word.chars().next().is_some_and(char::is_uppercase)
}

fn weekday_in(caps: &Captures, name: &str) -> Result<Option<Weekday>, ()> {
    match caps.name(name) {
        Some(w) if weekday_word_ok(w.as_str()) => Ok(weekday_of(w.as_str())),
        Some(_) => Err(()),
        None => Ok(None),
    }
}

/// A day of the month written as digits or words.
fn day_in(caps: &Captures, digits: &str, word: &str) -> Option<i8> {
    let day = match caps.name(digits) {
        Some(m) => m.as_str().parse().ok()?,
        None => words::small_number(caps.name(word)?.as_str())?,
    };
    i8::try_from(day).ok().filter(|d| (1..=31).contains(d))
}

/// What the words after a month and day say of its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tail {
    /// A year the calendar holds, or "this year" (`year_shift` 0) and
    /// "last year" (-1); neither when no year is written.
    Year {
        year: Option<i16>,
        year_shift: Option<i16>,
    },
    /// A year it cannot hold: "44 BC", "0000", "10000".
    Off(OffYear),
}

const NO_YEAR: Tail = Tail::Year {
    year: None,
    year_shift: None,
};

impl Tail {
    fn date(self, month: Option<i8>, day: Option<i8>, weekday: Option<Weekday>) -> Expr {
        match self {
            Tail::Year { year, year_shift } => Expr::Calendar {
                year,
                month,
                day,
                weekday,
                year_shift,
            },
            Tail::Off(year) => Expr::OffCalendar { year, month, day },
        }
    }
}

/// The year after a month or day: digits, words, "'87", "this year", or
/// digits with an era ("44 BC", "AD 79"). When what the form took after
/// the day is not its year ("May 5, 2500 people"), also where the date
/// ends instead.
fn tail_year(caps: &Captures, p: &str, text: &str) -> (Tail, Option<usize>) {
    let part = |suffix: &str| caps.name(&format!("{p}_{suffix}"));
    let not_a_year = || (NO_YEAR, part("YT").map(|t| t.start()));
    let written = |year: Option<WrittenYear>| match year {
        Some(WrittenYear::Year(year)) => (
            Tail::Year {
                year: Some(year),
                year_shift: None,
            },
            None,
        ),
        Some(WrittenYear::Off(year)) => (Tail::Off(year), None),
        None => not_a_year(),
    };
    if let (Some(digits), Some(era)) = (part("YEN"), part("YEB")) {
        if names_the_province(text, digits, era) {
            // "On May 5, 2024 B.C. voters...": the year ends at its digits.
            let year = digits.as_str().parse().ok();
            let tail = Tail::Year {
                year,
                year_shift: None,
            };
            return (tail, Some(digits.end()));
        }
        return written(WrittenYear::read(digits.as_str(), Some(era.as_str())));
    }
    if let Some(digits) = part("YEP") {
        return written(WrittenYear::read(digits.as_str(), None));
    }
    if let Some(y) = part("Y") {
        let text = y.as_str();
        let year = text.parse().ok().or_else(|| words::year_in_words(text));
        return (
            Tail::Year {
                year,
                year_shift: None,
            },
            None,
        );
    }
    if let Some(digits) = part("YODD") {
        // "On May 5, 2500 people marched": a count after the date. A
        // leading zero is never a count: "January 1, 0000" is a year.
        if !digits.as_str().starts_with('0') && followed_by_a_word(text, digits.end()) {
            return not_a_year();
        }
        return written(WrittenYear::read(digits.as_str(), None));
    }
    if let Some(yy) = part("YY") {
        let tail = Tail::Year {
            year: yy.as_str().parse().ok().map(full_year),
            year_shift: None,
        };
        return (tail, None);
    }
    if let Some(rel) = part("YREL") {
        let tail = Tail::Year {
            year: None,
            year_shift: Some(shift_offset(shift_of(rel.as_str())) as i16),
        };
        return (tail, None);
    }
    (NO_YEAR, None)
}

/// True when a year is written after the month or day: not when what the
/// form took there is a count ("May 5, 2500 people").
fn has_tail(caps: &Captures, p: &str, text: &str) -> bool {
    let (tail, cut) = tail_year(caps, p, text);
    caps.name(&format!("{p}_YT")).is_some() && !(cut.is_some() && tail == NO_YEAR)
}

/// "the 2024 B.C. election", "2019 BC Hydro": a recent year before "BC"
/// and a word is British Columbia's, not an era's. An older year ("1200
/// BC"), or one that ends its phrase, keeps the era.
fn names_the_province(text: &str, digits: Piece<'_>, era: Piece<'_>) -> bool {
    let recent = digits
        .as_str()
        .parse::<u32>()
        .is_ok_and(|y| (1900..=2199).contains(&y));
    recent && matches!(era.as_str(), "BC" | "B.C.") && followed_by_a_word(text, era.end())
}

/// True when a space and a word follow `at`.
fn followed_by_a_word(text: &str, at: usize) -> bool {
    text[at..].starts_with([' ', '\t', '\u{a0}']) && !word_after(text, at).is_empty()
}

/// The word just before `at`, lower-cased.
fn word_before(text: &str, at: usize) -> String {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{a0}', ',']);
    let word: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    word.chars().rev().collect::<String>().to_ascii_lowercase()
}

/// The word just after `at`, as written.
fn word_after(text: &str, at: usize) -> &str {
    let rest = text[at..].trim_start_matches([' ', '\t', '\u{a0}']);
    let end = rest
        .find(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .unwrap_or(rest.len());
    &rest[..end]
}

/// "Sunday Times", "Easter Island", "Good Friday Agreement": a capitalised
/// word after a day's name makes it part of a name.
fn starts_a_name(text: &str, at: usize) -> bool {
    if !text[at..].starts_with(' ') {
        return false;
    }
    let next = word_after(text, at);
    next.chars().next().is_some_and(char::is_uppercase)
        && month_number(next).is_none()
        && weekday_of(next).is_none()
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

/// The claim's byte range and expression, or `None` when the match is not
/// a date after all.
pub(super) fn parse(caps: &Captures, text: &str, order: DateOrder) -> Option<Found> {
    read_form(caps, text, order).filter(|f| !continues_as_a_figure(text, f.range.end))
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

fn read_form(caps: &Captures, text: &str, order: DateOrder) -> Option<Found> {
    let group = |name: &str| caps.name(name);
    let found = |m: Piece<'_>, expr: Expr| {
        Some(Found {
            range: m.range(),
            expr,
            note: None,
        })
    };
    // "138-2010-2015", "123-12-1234": digits joined to more digits are a
    // phone number, a code or an id, not a date.
    let whole = caps.get(0)?;
    let starts_with_digit = whole.as_str().starts_with(|c: char| c.is_ascii_digit());
    if starts_with_digit && inside_a_code(text, whole.start(), whole.as_str()) {
        return None;
    }
    if let Some(m) = group("mdr") {
        let month = month_number(group("mdr_m")?.as_str())?;
        if !month_word_ok(group("mdr_m")?.as_str(), true) {
            return None;
        }
        return day_range(caps, text, m, "mdr", month);
    }
    if let Some(m) = group("dmr") {
        let word = group("dmr_m")?.as_str();
        if !month_word_ok(word, has_tail(caps, "dmr", text)) && !word.chars().next()?.is_uppercase()
        {
            return None;
        }
        let month = month_number(word)?;
        let listed = group("dmr_c").is_some_and(|c| c.as_str().eq_ignore_ascii_case("and"));
        if listed && word_before(text, m.start()) != "between" {
            // "18 and 19 June": two days, the first borrowing the month.
            let first = group("dmr_a")?;
            let (tail, _) = tail_year(caps, "dmr", text);
            let expr = tail.date(Some(month), first.as_str().parse().ok(), None);
            return found(first, expr);
        }
        return day_range(caps, text, m, "dmr", month);
    }
    if let Some(m) = group("yr") {
        let a: i16 = num(caps, "yr_a")?;
        let b_text = group("yr_b")?.as_str();
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
        return found(m, expr);
    }
    if let Some(m) = group("iso") {
        let month = match group("iso_mw") {
            Some(w) => month_number(w.as_str())?,
            None => num(caps, "iso_m")?,
        };
        let day: i8 = num(caps, "iso_d")?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let year = WrittenYear::read(group("iso_y")?.as_str(), None)?;
        return found(m, year.date(Some(month), Some(day), None));
    }
    if let Some(m) = group("compact") {
        return found(
            m,
            calendar(num(caps, "cp_y"), num(caps, "cp_m"), num(caps, "cp_d")),
        );
    }
    if let Some(m) = group("num") {
        let sep = group("sep")?.as_str();
        match group("sep2") {
            Some(sep2) if sep2.as_str() != sep => return None,
            // "08/12,2015": a comma before the year.
            None if sep != "/" => return None,
            _ => {}
        }
        let a: i8 = num(caps, "num_a")?;
        let y_text = group("num_y")?.as_str();
        let mut year: i16 = y_text.parse().ok()?;
        if y_text.len() == 2 {
            year = full_year(year);
        }
        let weekday = weekday_in(caps, "num_wd").ok()?;
        let (month, day, note) = match group("num_bm") {
            Some(w) => (month_number(w.as_str())?, a, None),
            None => {
                let b: i8 = num(caps, "num_b")?;
                let sep = group("sep")?.as_str();
                numeric_order(a, b, Some(year), sep, order)?
            }
        };
        // "1/1/0000": no year 0, whatever the calendar library counts.
        let year = match year {
            0 => WrittenYear::Off(OffYear::Zero),
            year => WrittenYear::Year(year),
        };
        return Some(Found {
            range: m.range(),
            expr: year.date(Some(month), Some(day), weekday),
            note,
        });
    }
    if let Some(m) = group("num3") {
        let month = month_number(group("n3_m")?.as_str())?;
        return found(
            m,
            calendar(num(caps, "n3_y"), Some(month), num(caps, "n3_d")),
        );
    }
    if let Some(m) = group("nmy") {
        return found(m, calendar(num(caps, "nmy_y"), num(caps, "nmy_m"), None));
    }
    if let Some(m) = group("nmd") {
        let a: i8 = num(caps, "nmd_a")?;
        let b: i8 = num(caps, "nmd_b")?;
        let sep = group("nmd_s")?.as_str();
        let weekday = weekday_in(caps, "nmd_wd").ok()?;
        let start = group("nmd_a")?.start();
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
        return Some(Found {
            range: m.range(),
            expr,
            note,
        });
    }
    if let Some(m) = group("md") {
        let month_word = group("md_m")?.as_str();
        let tail = has_tail(caps, "md", text);
        let digits = group("md_d").is_some();
        if !month_word_ok(month_word, digits || tail) {
            return None;
        }
        if let Some(w) = group("md_dw") {
            // "May twenty nine" stands alone; "May one day" does not.
            let ordinal = w.as_str().ends_with(['t', 'd', 'h']) && w.as_str() != "eight";
            let next = word_after(text, w.end());
            if !tail && !ordinal && !next.is_empty() {
                return None;
            }
            if !tail && month_word.eq_ignore_ascii_case("may") && !month_word.starts_with('M') {
                return None;
            }
        }
        let weekday = weekday_in(caps, "md_wd").ok()?;
        let (year, end) = tail_year(caps, "md", text);
        let day = day_in(caps, "md_d", "md_dw")?;
        return Some(Found {
            range: m.start()..end.unwrap_or(m.end()),
            expr: year.date(month_number(month_word), Some(day), weekday),
            note: None,
        });
    }
    if let Some(m) = group("dm") {
        let month_word = group("dm_m")?.as_str();
        let tail = has_tail(caps, "dm", text);
        // "Article 5 may be invoked": "may" after a number is a verb
        // unless a year follows.
        let lower_verb = matches!(month_word.to_ascii_lowercase().as_str(), "may" | "march")
            && !month_word.chars().next()?.is_uppercase();
        if (lower_verb && !tail) || !month_word_ok(month_word, true) {
            return None;
        }
        if let Some(w) = group("dm_dw") {
            let ordinal = w.as_str().ends_with(['t', 'd', 'h']) && w.as_str() != "eight";
            if !ordinal && !tail {
                return None;
            }
        }
        // "$12 December 27": a price, then a date.
        if text[..m.start()].trim_end().ends_with(['$', '£', '€']) {
            return None;
        }
        let weekday = weekday_in(caps, "dm_wd").ok()?;
        let (year, end) = tail_year(caps, "dm", text);
        let day = day_in(caps, "dm_d", "dm_dw")?;
        return Some(Found {
            range: m.start()..end.unwrap_or(m.end()),
            expr: year.date(month_number(month_word), Some(day), weekday),
            note: None,
        });
    }
    if let Some(m) = group("nth") {
        let n = match group("nth_n")?.as_str().to_ascii_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            "fourth" | "4th" => 4,
            "fifth" | "5th" => 5,
            _ => -1,
        };
        let weekday = weekday_of(group("nth_wd")?.as_str())?;
        let (month, month_offset) = match group("nth_m") {
            Some(w) => (Some(month_number(w.as_str())?), None),
            None => (
                None,
                Some(shift_offset(shift_of(group("nth_rel")?.as_str()))),
            ),
        };
        return found(
            m,
            Expr::NthWeekday {
                n,
                weekday,
                month,
                year: num(caps, "nth_y"),
                month_offset,
            },
        );
    }
    if let Some(m) = group("nthb") {
        // "the first Sunday of Advent": of something that is no month.
        if matches!(
            word_after(text, m.end()).to_ascii_lowercase().as_str(),
            "of" | "in"
        ) {
            return None;
        }
        let n = match group("nthb_n")?.as_str().to_ascii_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            "fourth" | "4th" => 4,
            _ => 5,
        };
        let expr = Expr::NthWeekday {
            n,
            weekday: weekday_of(group("nthb_wd")?.as_str())?,
            month: None,
            year: None,
            month_offset: Some(0),
        };
        return found(m, expr);
    }
    if let Some(m) = group("dp") {
        let day = day_in(caps, "dp_d", "dp_dw")?;
        let rel = group("dp_rel")?.as_str().to_ascii_lowercase();
        let month_offset = match rel.as_str() {
            "the" | "current" => 0,
            r => shift_offset(shift_of(r)),
        };
        return found(m, Expr::DayOfMonth { day, month_offset });
    }
    if let Some(m) = group("my") {
        let month_word = group("my_m")?.as_str();
        if !month_word_ok(month_word, true) {
            return None;
        }
        if let Some(rel) = group("my_rel") {
            let expr = Expr::Calendar {
                year: None,
                month: month_number(month_word),
                day: None,
                weekday: None,
                year_shift: Some(shift_offset(shift_of(rel.as_str())) as i16),
            };
            return found(m, expr);
        }
        let written = if let (Some(digits), Some(era)) = (group("my_en"), group("my_eb")) {
            if names_the_province(text, digits, era) {
                return None;
            }
            WrittenYear::read(digits.as_str(), Some(era.as_str()))?
        } else if let Some(digits) = group("my_ep") {
            WrittenYear::read(digits.as_str(), None)?
        } else if let Some(digits) = group("my_odd") {
            // "in May 2500 troops": a count after the month.
            if !digits.as_str().starts_with('0') && followed_by_a_word(text, digits.end()) {
                return None;
            }
            WrittenYear::read(digits.as_str(), None)?
        } else {
            WrittenYear::Year(match group("my_y") {
                Some(y) => y.as_str().parse().ok()?,
                None => words::year_in_words(group("my_yw")?.as_str())?,
            })
        };
        return found(m, written.date(month_number(month_word), None, None));
    }
    if let Some(m) = group("ym") {
        let month_word = group("ym_m")?.as_str();
        let lower_verb = matches!(month_word, "may" | "march" | "mar");
        if lower_verb
            || !month_word_ok(month_word, true)
            || !bare_year_ok(text, group("ym_y")?.range())
        {
            return None;
        }
        return found(
            m,
            calendar(num(caps, "ym_y"), month_number(month_word), None),
        );
    }
    if let Some(m) = group("decade") {
        let start = match (group("dec_y"), group("dec_yy")) {
            (Some(d), _) if d.as_str().len() == 4 => d.as_str().parse().ok()?,
            (Some(d), _) | (_, Some(d)) => full_decade(d.as_str().parse().ok()?),
            (None, None) => return None,
        };
        let part = part_of(group("dec_part").map(|p| p.as_str()));
        return found(m, Expr::Decade { start, part });
    }
    if let Some(m) = group("season") {
        return season(caps, text, m);
    }
    if let Some(m) = group("qtr") {
        let kind = group("q_kind")?.as_str().to_ascii_lowercase();
        let n: i8 = match group("q_n")?.as_str().to_ascii_lowercase().as_str() {
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
        let year = match (group("q_y").or(group("q_yb")), group("q_yw")) {
            (Some(y), _) => y.as_str().parse().ok(),
            (None, Some(w)) => words::year_in_words(w.as_str()),
            (None, None) => None,
        };
        let year_shift = match group("q_rel") {
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
        return found(m, expr);
    }
    if let Some(m) = group("qq") {
        let kind = group("qq_k")?.as_str();
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
        return found(m, expr);
    }
    if let Some(m) = group("hol") {
        let name = group("holiday")?;
        if starts_a_name(text, m.end()) {
            return None;
        }
        let holiday = words::holiday(name.as_str())?;
        let expr = Expr::Holiday {
            name: name.as_str().to_string(),
            holiday,
            year: num(caps, "hol_y"),
            year_shift: group("hol_rel").map(|r| shift_offset(shift_of(r.as_str())) as i16),
            shift: group("hol_shift").map(|s| shift_of(s.as_str())),
        };
        return found(m, expr);
    }
    if let Some(m) = group("wkend") {
        let ahead = words::tense_around(text, m.range()) == Tense::Future;
        let the = m.as_str().to_ascii_lowercase().rfind("the").unwrap_or(0);
        let range = m.start() + the..m.end();
        return Some(Found {
            range,
            expr: Expr::TheWeekend { ahead },
            note: None,
        });
    }
    if let Some(m) = group("rd") {
        let word = group("rel_day")?.as_str().to_ascii_lowercase();
        let mut offset = match word.as_str() {
            "yesterday" => -1,
            "tomorrow" | "tmrw" => 1,
            // "last night" is the evening before the document's day.
            w if w.starts_with("last") => -1,
            _ => 0,
        };
        if let Some(pre) = group("rd_pre") {
            offset += if pre.as_str().to_ascii_lowercase().ends_with("before") {
                -1
            } else {
                1
            };
        }
        return found(m, Expr::Day(offset));
    }
    if let Some(m) = group("wk") {
        let (wd, shift) = match group("wk_wd1") {
            Some(wd) => (wd, group("wk_s1")?),
            None => (group("wk_wd2")?, group("wk_s2")?),
        };
        let weekday = weekday_of(wd.as_str())?;
        let week = shift_offset(shift_of(shift.as_str()));
        return found(m, Expr::WeekdayOfWeek { weekday, week });
    }
    if let Some(m) = group("period") {
        let unit = unit_of(group("per_unit")?.as_str())?;
        let shift_word = group("per_shift")?.as_str().to_ascii_lowercase();
        let offset = shift_offset(shift_of(&shift_word));
        let mut part = part_of(group("per_part").map(|p| p.as_str()));
        // "over the past year": the twelve months up to the document
        // date, not the last calendar year.
        if matches!(shift_word.as_str(), "past" | "last")
            && word_before(text, m.start()) == "the"
            && part == Part::Whole
        {
            part = Part::Rolling;
        }
        return found(m, Expr::Period { unit, offset, part });
    }
    if let Some(m) = group("per2") {
        let (unit, part) = if let Some(u) = group("per2_unit") {
            (
                unit_of(u.as_str())?,
                part_of(group("per2_part").map(|p| p.as_str())),
            )
        } else if let Some(u) = group("per2_unit2") {
            (
                unit_of(u.as_str())?,
                part_of(group("per2_in").map(|p| p.as_str())),
            )
        } else if let Some(u) = group("after_unit") {
            let unit = unit_of(u.as_str())?;
            return found(
                m,
                Expr::Period {
                    unit,
                    offset: 2,
                    part: Part::Whole,
                },
            );
        } else if group("ytd").is_some() {
            (Unit::Year, Part::Earlier)
        } else {
            let w = group("eoy")?.as_str();
            if w != w.to_ascii_uppercase() {
                return None;
            }
            (
                if w == "EOY" { Unit::Year } else { Unit::Month },
                Part::Late,
            )
        };
        return found(
            m,
            Expr::Period {
                unit,
                offset: 0,
                part,
            },
        );
    }
    if let Some(m) = group("shifted") {
        let word = group("sh_word")?.as_str();
        let shift = shift_of(group("sh_shift")?.as_str());
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
        return found(m, Expr::MonthShift { month, shift });
    }
    if let Some(m) = group("ago") {
        let amount = amount_of(group("ago_n")?.as_str())?;
        let dir = group("ago_dir")?.as_str().to_ascii_lowercase();
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
        return found(m, expr);
    }
    if let Some(m) = group("nwd") {
        let n = words::count(group("nwd_n")?.as_str())?;
        let weekday = weekday_of(group("nwd_wd")?.as_str())?;
        let dir = group("nwd_dir")?.as_str().to_ascii_lowercase();
        let sign = if dir == "ago" || dir == "back" { -1 } else { 1 };
        return found(
            m,
            Expr::WeekdaysAway {
                n: n * sign,
                weekday,
            },
        );
    }
    if let Some(m) = group("onday") {
        // "on 16. Nov. 2016" is the day-month form, found one step on.
        let rest = text[m.end()..].trim_start_matches(['.', ' ', '\t', '\u{a0}']);
        if month_number(word_after(rest, 0)).is_some()
            || rest.starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        return found(m, calendar(None, None, m.as_str().parse().ok()));
    }
    if let Some(m) = group("bmonth") {
        // A month name standing alone, capitalised, and not the start of
        // a name ("October Revolution").
        let word = m.as_str();
        if !word.starts_with(|c: char| c.is_ascii_uppercase()) || starts_a_name(text, m.end()) {
            return None;
        }
        return found(m, calendar(None, month_number(word), None));
    }
    if let Some(m) = group("inn") {
        // "in two weeks" is a date only where the sentence looks ahead
        // ("in two weeks' time" always does); "the first time in two
        // weeks" is a stretch of time.
        let ahead = m.as_str().to_ascii_lowercase().ends_with("time");
        if !ahead && words::tense_around(text, m.range()) != Tense::Future {
            return None;
        }
        let amount = amount_of(group("in_n")?.as_str())?;
        return found(
            m,
            Expr::Ago {
                amount,
                sign: 1,
                loose: false,
            },
        );
    }
    if let Some(m) = group("wdd") {
        let wd = group("wdd_wd")?.as_str();
        if !weekday_word_ok(wd) {
            return None;
        }
        let day = match group("wdd_d2") {
            Some(d) => {
                // "on Monday 12 people died": a count, not a day.
                let has_ord = d.end() < m.end();
                if !has_ord
                    && word_after(text, m.end())
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                {
                    return None;
                }
                d.as_str().parse().ok()?
            }
            None => day_in(caps, "wdd_d", "wdd_dw")?,
        };
        return found(
            m,
            Expr::WeekdayDay {
                weekday: weekday_of(wd)?,
                day,
            },
        );
    }
    if let Some(m) = group("wd") {
        let word = m.as_str();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        // "the first Sunday of Advent": an ordinal we could not place.
        let ordinal_before = matches!(
            word_before(text, m.start()).as_str(),
            "first" | "second" | "third" | "fourth" | "fifth" | "st" | "nd" | "rd" | "th"
        );
        if !capitalised && word.len() < 6 || ordinal_before || starts_a_name(text, m.end()) {
            return None;
        }
        return found(
            m,
            Expr::Weekday {
                weekday: weekday_of(word)?,
                shift: None,
            },
        );
    }
    if let Some(m) = group("mo_m") {
        let word = m.as_str();
        let rest = &text[m.end()..];
        let lower_common = matches!(word, "may" | "march" | "mar");
        let ends_clause = rest.is_empty() || rest.starts_with(['.', ',', ';', '!', '?', ')']);
        if !(month_word_ok(word, false) || lower_common && ends_clause) || followed_by_number(rest)
        {
            // "in August 2021" is the month-year form, found one step on.
            return None;
        }
        return found(m, calendar(None, month_number(word), None));
    }
    if let Some(m) = group("dom") {
        if let Some(w) = group("dom_w") {
            // "on the second." is a day; "the second time" is not.
            let after = &text[m.end()..];
            let ends = after.is_empty() || after.starts_with(['.', '!', '?', ';', ',']);
            let asked = matches!(
                word_before(text, m.start()).as_str(),
                "on" | "for" | "by" | "until" | "till" | "since" | "from"
            );
            if !ends || !asked {
                return None;
            }
            let day = i8::try_from(words::small_number(w.as_str())?).ok()?;
            return found(m, calendar(None, None, Some(day)));
        }
        let after = &text[m.end()..];
        let next = word_after(text, m.end()).to_ascii_lowercase();
        // "the 21st century", "the 4th floor": an ordinal, not a day.
        let ok = if group("dom_o").is_some() {
            next.is_empty()
                || matches!(
                    next.as_str(),
                    "of" | "and" | "or" | "to" | "at" | "in" | "on"
                )
        } else {
            // "the 27." without a suffix only where nothing follows.
            after.is_empty()
                || after.starts_with(['.', '!', '?', ';'])
                || after.trim_start().starts_with(['.', '!', '?'])
        };
        if !ok || after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        return found(m, calendar(None, None, num(caps, "dom_d")));
    }
    if let Some(m) = group("eyear") {
        let (digits, era) = match group("ey_n") {
            Some(digits) => (digits, group("ey_era")),
            None => (group("ey_p")?, None),
        };
        // "115,000 BC" seen from its middle.
        let before = &text.as_bytes()[..m.start()];
        if before.len() >= 2
            && matches!(before[before.len() - 1], b',' | b'.')
            && before[before.len() - 2].is_ascii_digit()
        {
            return None;
        }
        if era.is_some_and(|era| names_the_province(text, digits, era)) {
            // "the 2024 B.C. election": the year alone, as before.
            let year = digits.as_str().parse().ok()?;
            if !(1000..=2199).contains(&year) || !bare_year_ok(text, digits.range()) {
                return None;
            }
            return found(digits, calendar(Some(year), None, None));
        }
        let year = WrittenYear::read(digits.as_str(), era.map(|e| e.as_str()))?;
        return found(m, year.date(None, None, None));
    }
    if let Some(m) = group("yearn") {
        let year = match group("ynw") {
            Some(w) => words::year_in_words(w.as_str())?,
            None => num(caps, "yn")?,
        };
        // "the year 0000": no year 0.
        let year = match year {
            0 => WrittenYear::Off(OffYear::Zero),
            year => WrittenYear::Year(year),
        };
        return found(m, year.date(None, None, None));
    }
    if let Some(m) = group("year") {
        if !bare_year_ok(text, m.range()) {
            return None;
        }
        return found(m, calendar(m.as_str().parse().ok(), None, None));
    }
    if group("wyear").is_some() {
        let w = group("wy")?;
        let year = words::year_in_words(w.as_str())?;
        if !(1000..=2999).contains(&year) {
            return None;
        }
        return Some(Found {
            range: w.range(),
            expr: calendar(Some(year), None, None),
            note: None,
        });
    }
    None
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

/// Two-digit decades: the '20s are this century's, the '90s the last's.
fn full_decade(two: i16) -> i16 {
    if two < 30 {
        2000 + two
    } else {
        1900 + two
    }
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

fn season(caps: &Captures, text: &str, m: Piece<'_>) -> Option<Found> {
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

/// The second end of a range that is no date on its own ("and May").
pub(super) fn range_end(caps: &Captures) -> Option<Expr> {
    if let Some(y) = caps.name("yo") {
        return Some(calendar(y.as_str().parse().ok(), None, None));
    }
    let word = caps.name("m")?.as_str();
    if !word.chars().next()?.is_uppercase() {
        return None;
    }
    Some(calendar(num(caps, "y"), month_number(word), num(caps, "d")))
}

/// True when a day or year follows: ", 2021", " 2021", " 17".
fn followed_by_number(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', ' ', '\u{a0}', '\t', '.', '-', '/']);
    let rest = rest
        .strip_prefix("of ")
        .or_else(|| rest.strip_prefix("Of "))
        .unwrap_or(rest);
    rest.starts_with(|c: char| c.is_ascii_digit())
        || super::pattern::YEAR_IN_WORDS
            .find(rest)
            .and_then(|m| words::year_in_words(m.as_str()))
            .is_some_and(|y| y >= 1000)
}

/// A bare four-digit number is a year unless it reads as a quantity:
/// "1,500", "$2000", "2000 people", "1999.5", "2010%".
pub(super) fn bare_year_ok(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let year: i32 = text[range.clone()]
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(0);
    if before.ends_with([',', '.', '$', '£', '€', '#', ':'])
        || before.ends_with("No. ")
        || after.starts_with([',', '%', ':'])
            && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with('%')
        || after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let prev_word = word_before(text, range.start);
    let next_word = word_after(text, range.end).to_ascii_lowercase();
    const QUANTITY_NOUNS: &[&str] = &[
        "people",
        "persons",
        "soldiers",
        "troops",
        "dollars",
        "euros",
        "pounds",
        "rubles",
        "men",
        "women",
        "children",
        "workers",
        "votes",
        "units",
        "cases",
        "deaths",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "tonnes",
        "tons",
        "feet",
        "percent",
        "hours",
        "minutes",
        "points",
    ];
    if QUANTITY_NOUNS.contains(&next_word.as_str()) {
        return false;
    }
    // "deliver 2000 pieces": a count before a plural, unless a word that
    // asks for a year stands before it ("in 2000 talks collapsed").
    let plural = next_word.len() > 3 && next_word.ends_with('s') && !next_word.ends_with("ss");
    let asked = matches!(
        prev_word.as_str(),
        "in" | "since"
            | "by"
            | "from"
            | "until"
            | "till"
            | "of"
            | "before"
            | "after"
            | "during"
            | "the"
            | "and"
            | "to"
            | "through"
            | "between"
            | "year"
    );
    if plural && !asked && word_after(text, range.end).starts_with(|c: char| c.is_ascii_lowercase())
    {
        return false;
    }
    const YEAR_WORDS: &[&str] = &[
        "in", "since", "by", "from", "until", "till", "of", "before", "after", "around", "circa",
        "during", "year", "and", "to", "through", "between", "early", "late", "mid", "post", "pre",
        "the", "a", "spring", "summer", "autumn", "fall", "winter",
    ];
    (1900..=2099).contains(&year) || YEAR_WORDS.contains(&prev_word.as_str())
}
