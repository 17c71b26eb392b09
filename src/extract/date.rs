//! Date claims: absolute ("July 4, 2025", "4 July 2025", "2025-07-04",
//! "7/4/2025"), partial ("July 3", "April 2025", "in 2021", "the 1980s"),
//! weekdays ("on Thursday") and relative forms ("today", "earlier this
//! year", "last October", "four years ago"), resolved against the
//! document date towards the past.
//!
//! One compiled pattern finds every candidate; word boundaries are ASCII
//! (`(?-u:\b)`) because a Unicode `\b` makes the regex engine fall back to
//! a slow path at the first curly quote, and news is full of them.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::Span as Duration;
use regex::{Captures, Regex};

use super::{Claim, ClaimKind, ClaimValue};
use crate::source::{DateOrder, DocumentDate, Source, Span};
use crate::value::date::{month_number, weekday_name, weekday_of, DateSet, DateValue, MONTHS};

/// Which way a relative form points from the document date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shift {
    Last,
    This,
    Next,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
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
    /// "four years ago", "two days later"
    Ago {
        count: i32,
        unit: Unit,
        sign: i32,
    },
}

const S: &str = r"[\ \t\u{a0}]+";

fn pattern() -> String {
    let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)";
    let weekday = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    let weekday_abbr = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?";
    let day = r"(?:3[01]|[12][0-9]|0?[1-9])";
    let ord = r"(?:st|nd|rd|th)";
    let year = r"(?:[12][0-9]{3})";
    let count = r"(?:[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|a\ few|few|several|a\ couple\ of)";
    let b = r"(?-u:\b)";
    format!(
        r"(?xi)
        # 2025-07-04, 2025/07/04
        {b}(?P<iso>(?P<iso_y>[12][0-9]{{3}})[-/](?P<iso_m>[01]?[0-9])[-/](?P<iso_d>[0-3]?[0-9])){b}(?:[^-/0-9]|$)
        # 7/4/2025, 4.7.2025, 3-7-07
      | {b}(?P<num>(?P<num_a>[0-3]?[0-9])(?P<sep>[/.\-])(?P<num_b>[0-3]?[0-9])[/.\-](?P<num_y>[0-9]{{4}}|[0-9]{{2}})){b}(?:[^-/.0-9]|[.][^0-9]|[.]?$)
        # (Thursday,) July 4(th)(,) (2025 | this year)
      | {b}(?P<md>(?:(?P<md_wd>{weekday}|{weekday_abbr}),?{S})?(?P<md_m>{month}){S}(?:the{S})?(?P<md_d>{day}){ord}?{b}(?:,?{S}(?P<md_y>{year}){b}|{S}(?P<md_rel>this|last|next){S}year{b})?)(?:[^0-9:]|$)
        # (Thursday,) (the) 4(th) (of) July(,) (2025)
      | {b}(?P<dm>(?:(?P<dm_wd>{weekday}|{weekday_abbr}),?{S})?(?:the{S})?(?P<dm_d>{day}){ord}?{S}(?:of{S})?(?P<dm_m>{month})(?:,?{S}(?P<dm_y>{year}))?){b}
        # April 2025, November , 2016
      | {b}(?P<my>(?P<my_m>{month}),?{S}(?:,{S})?(?:of{S})?(?P<my_y>{year})){b}
        # the 1980s, the mid-1990s, the 70's
      | {b}(?P<decade>(?:the{S})?(?:(?P<dec_part>early|mid|late)[-\ ]?)?(?P<dec_y>1[0-9]{{2}}0|20[0-9]0|[0-9]0)(?:'|’)?s){b}
        # today, yesterday, tomorrow
      | {b}(?P<rel_day>today|yesterday|tomorrow|tonight)(?-u:\b)
        # (earlier) this/last/next year|month|week|decade
      | {b}(?P<period>(?:(?P<per_part>earlier|later|early|late|mid|the\ end\ of|the\ start\ of|the\ beginning\ of){S})?(?P<per_shift>this|last|next|past|previous|coming){S}(?P<per_unit>year|month|week|decade)){b}
        # last October, next Tuesday, this Monday
      | {b}(?P<shifted>(?P<sh_shift>last|this|next|coming|past){S}(?P<sh_word>{weekday}|January|February|March|April|May|June|July|August|September|October|November|December)){b}
        # four years ago, two days later
      | {b}(?P<ago>(?:(?P<ago_approx>nearly|almost|about|around|some|roughly|over|more\ than){S})?(?P<ago_n>{count}){S}(?P<ago_unit>days?|weeks?|months?|years?|decades?){S}(?P<ago_dir>ago|earlier|later|from\ now)){b}
        # on Thursday
      | {b}(?P<wd>{weekday}){b}
        # in April, since August, early September
      | {b}(?P<mprep>in|since|until|till|by|from|during|early|late|mid|through|before|after|of)[-\ \t\u{{a0}}]+(?P<mo_m>January|February|March|April|May|June|July|August|September|October|November|December){b}
        # the 4th
      | {b}(?P<dom>the{S}(?P<dom_d>{day}){ord}){b}
        # in 2021, 1979
      | {b}(?P<year>{year}){b}
        "
    )
}

static DATES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&pattern()).expect("date pattern is valid"));

/// Appends the source's date claims to `out`.
pub fn extract(source: &Source, out: &mut Vec<Claim>) {
    let text = &source.text;
    let mut at = 0;
    while at < text.len() {
        let Some(caps) = DATES.captures_at(text, at) else {
            break;
        };
        let whole = caps.get(0).expect("group 0 always matches");
        match parse(&caps, text, source.date_order) {
            Some((range, expr)) => {
                let (value, warning) = resolve(&expr, source.document_date.as_ref());
                out.push(Claim {
                    kind: ClaimKind::Date,
                    span: Span {
                        source: source.id,
                        range: range.clone(),
                    },
                    value: ClaimValue::Date(value),
                    warning,
                    fact: None,
                    subject: None,
                });
                at = range.end.max(whole.start() + 1);
            }
            None => {
                // Not a date after all: try again one character on.
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
}

fn word_number(w: &str) -> Option<i32> {
    let w = w.to_ascii_lowercase();
    Some(match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" | "a couple of" => 2,
        "three" | "a few" | "few" | "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "fifty" => 50,
        n => n.parse().ok()?,
    })
}

fn unit_of(word: &str) -> Option<Unit> {
    let w = word.to_ascii_lowercase();
    Some(match w.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

fn shift_of(word: &str) -> Shift {
    match word.to_ascii_lowercase().as_str() {
        "last" | "past" | "previous" => Shift::Last,
        "next" | "coming" => Shift::Next,
        _ => Shift::This,
    }
}

fn part_of(word: Option<&str>) -> Part {
    match word.map(|w| w.to_ascii_lowercase()).as_deref() {
        Some("earlier") => Part::Earlier,
        Some("later") => Part::Later,
        Some("early") | Some("the start of") | Some("the beginning of") => Part::Early,
        Some("mid") => Part::Mid,
        Some("late") | Some("the end of") => Part::Late,
        _ => Part::Whole,
    }
}

/// Month names that are also common words need a capital or a number
/// beside them: "may" the verb, "march" the verb.
fn month_word_ok(word: &str, has_number: bool) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let capitalised = word.chars().next().is_some_and(|c| c.is_uppercase());
    let abbreviated = lower.len() <= 4 && lower != "may" && lower != "june" && lower != "july";
    match lower.as_str() {
        "may" | "march" | "mar" => capitalised && (has_number || lower != "mar"),
        _ if abbreviated => capitalised || has_number,
        _ => true,
    }
}

fn weekday_word_ok(word: &str) -> bool {
    // Abbreviations only capitalised ("Wed", never "wed").
    word.len() >= 6 || word.chars().next().is_some_and(|c| c.is_uppercase())
}

fn num<T: std::str::FromStr>(caps: &Captures, name: &str) -> Option<T> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

/// The claim's byte range and expression, or `None` when the match is not
/// a date after all.
fn parse(caps: &Captures, text: &str, order: DateOrder) -> Option<(std::ops::Range<usize>, Expr)> {
    let group = |name: &str| caps.name(name);
    if let Some(m) = group("iso") {
        let expr = Expr::Calendar {
            year: num(caps, "iso_y"),
            month: num(caps, "iso_m"),
            day: num(caps, "iso_d"),
            weekday: None,
            year_shift: None,
        };
        return Some((m.range(), expr));
    }
    if let Some(m) = group("num") {
        let a: i8 = num(caps, "num_a")?;
        let b: i8 = num(caps, "num_b")?;
        let y_text = group("num_y")?.as_str();
        let mut year: i16 = y_text.parse().ok()?;
        if y_text.len() == 2 {
            // Two-digit years: 00-49 are 20xx, 50-99 are 19xx.
            year += if year < 50 { 2000 } else { 1900 };
        }
        let sep = group("sep")?.as_str();
        // A dotted date is day first in most of the world.
        let (month, day) = match (order, sep) {
            (_, ".") | (DateOrder::Dmy, _) => (b, a),
            (DateOrder::Mdy, _) => (a, b),
        };
        if !(1..=12).contains(&month) {
            return None;
        }
        let expr = Expr::Calendar {
            year: Some(year),
            month: Some(month),
            day: Some(day),
            weekday: None,
            year_shift: None,
        };
        return Some((m.range(), expr));
    }
    if let Some(m) = group("md") {
        let month_word = group("md_m")?.as_str();
        if !month_word_ok(month_word, true) {
            return None;
        }
        let weekday = match group("md_wd") {
            Some(w) if weekday_word_ok(w.as_str()) => weekday_of(w.as_str()),
            Some(_) => return None,
            None => None,
        };
        let year_shift = group("md_rel").map(|r| match shift_of(r.as_str()) {
            Shift::Last => -1,
            Shift::This => 0,
            Shift::Next => 1,
        });
        let expr = Expr::Calendar {
            year: num(caps, "md_y"),
            month: month_number(month_word),
            day: num(caps, "md_d"),
            weekday,
            year_shift,
        };
        return Some((m.range(), expr));
    }
    if let Some(m) = group("dm") {
        let month_word = group("dm_m")?.as_str();
        if !month_word_ok(month_word, true) {
            return None;
        }
        let weekday = match group("dm_wd") {
            Some(w) if weekday_word_ok(w.as_str()) => weekday_of(w.as_str()),
            Some(_) => return None,
            None => None,
        };
        let expr = Expr::Calendar {
            year: num(caps, "dm_y"),
            month: month_number(month_word),
            day: num(caps, "dm_d"),
            weekday,
            year_shift: None,
        };
        return Some((m.range(), expr));
    }
    if let Some(m) = group("my") {
        let month_word = group("my_m")?.as_str();
        if !month_word_ok(month_word, true) {
            return None;
        }
        let expr = Expr::Calendar {
            year: num(caps, "my_y"),
            month: month_number(month_word),
            day: None,
            weekday: None,
            year_shift: None,
        };
        return Some((m.range(), expr));
    }
    if let Some(m) = group("decade") {
        let digits = group("dec_y")?.as_str();
        let mut start: i16 = digits.parse().ok()?;
        if digits.len() == 2 {
            start += 1900;
        }
        let part = part_of(group("dec_part").map(|p| p.as_str()));
        return Some((m.range(), Expr::Decade { start, part }));
    }
    if let Some(m) = group("rel_day") {
        let offset = match m.as_str().to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        return Some((m.range(), Expr::Day(offset)));
    }
    if let Some(m) = group("period") {
        let unit = unit_of(group("per_unit")?.as_str())?;
        let offset = match shift_of(group("per_shift")?.as_str()) {
            Shift::Last => -1,
            Shift::This => 0,
            Shift::Next => 1,
        };
        let part = part_of(group("per_part").map(|p| p.as_str()));
        return Some((m.range(), Expr::Period { unit, offset, part }));
    }
    if let Some(m) = group("shifted") {
        let word = group("sh_word")?.as_str();
        let shift = shift_of(group("sh_shift")?.as_str());
        if let Some(weekday) = weekday_of(word) {
            return Some((
                m.range(),
                Expr::Weekday {
                    weekday,
                    shift: Some(shift),
                },
            ));
        }
        if !month_word_ok(word, false) {
            return None;
        }
        let month = month_number(word)?;
        return Some((m.range(), Expr::MonthShift { month, shift }));
    }
    if let Some(m) = group("ago") {
        let count = word_number(group("ago_n")?.as_str())?;
        let unit = unit_of(group("ago_unit")?.as_str())?;
        let sign = match group("ago_dir")?.as_str().to_ascii_lowercase().as_str() {
            "ago" | "earlier" => -1,
            _ => 1,
        };
        return Some((m.range(), Expr::Ago { count, unit, sign }));
    }
    if let Some(m) = group("wd") {
        let word = m.as_str();
        if !word.chars().next().is_some_and(|c| c.is_uppercase()) {
            return None;
        }
        // "Sunday Times", "Good Friday Agreement": a name, not a day.
        let rest = &text[m.end()..];
        let next_word: String = rest
            .strip_prefix(' ')
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if next_word.chars().next().is_some_and(|c| c.is_uppercase())
            && month_number(&next_word).is_none()
        {
            return None;
        }
        return Some((
            m.range(),
            Expr::Weekday {
                weekday: weekday_of(word)?,
                shift: None,
            },
        ));
    }
    if let Some(m) = group("mo_m") {
        if !month_word_ok(m.as_str(), false) || followed_by_number(&text[m.end()..]) {
            // "in August 2021" is the month-year form, found one step on.
            return None;
        }
        let expr = Expr::Calendar {
            year: None,
            month: month_number(m.as_str()),
            day: None,
            weekday: None,
            year_shift: None,
        };
        return Some((m.range(), expr));
    }
    if let Some(m) = group("dom") {
        let rest = text[m.end()..].trim_start_matches([' ', '\u{a0}']);
        let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let next = next.to_ascii_lowercase();
        // "the 21st century", "the 4th floor": an ordinal, not a day.
        if !next.is_empty()
            && !matches!(
                next.as_str(),
                "of" | "and" | "or" | "to" | "at" | "in" | "on"
            )
        {
            return None;
        }
        let expr = Expr::Calendar {
            year: None,
            month: None,
            day: num(caps, "dom_d"),
            weekday: None,
            year_shift: None,
        };
        return Some((m.range(), expr));
    }
    if let Some(m) = group("year") {
        if !bare_year_ok(text, m.range()) {
            return None;
        }
        let expr = Expr::Calendar {
            year: m.as_str().parse().ok(),
            month: None,
            day: None,
            weekday: None,
            year_shift: None,
        };
        return Some((m.range(), expr));
    }
    None
}

/// True when a day or year follows: ", 2021", " 2021", " 17".
fn followed_by_number(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', ' ', '\u{a0}', '\t']);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

/// A bare four-digit number is a year unless it reads as a quantity:
/// "1,500", "$2000", "2000 people", "1999.5", "2010%".
fn bare_year_ok(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let year: i32 = text[range.clone()].parse().unwrap_or(0);
    if before.ends_with([',', '.', '$', '£', '€', '#', '/', ':'])
        || before.ends_with("No. ")
        || after.starts_with([',', '%', ':', '/'])
            && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with('%')
        || after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let prev_word: String = before
        .trim_end_matches([' ', '\u{a0}', '-'])
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .chars()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    let next_word: String = after
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
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
    ];
    if QUANTITY_NOUNS.contains(&next_word.as_str()) {
        return false;
    }
    const YEAR_WORDS: &[&str] = &[
        "in", "since", "by", "from", "until", "till", "of", "before", "after", "around", "circa",
        "during", "year", "and", "to", "through", "between", "early", "late", "mid", "post", "pre",
        "the", "a", "spring", "summer", "autumn", "fall", "winter",
    ];
    (1900..=2099).contains(&year) || YEAR_WORDS.contains(&prev_word.as_str())
}

fn add(date: Date, span: Duration) -> Option<Date> {
    date.checked_add(span).ok()
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn ym(year: i16, month: i8) -> String {
    format!("{year:04}-{month:02}")
}

/// The claim's value against the document date, plus a warning when the
/// expression cannot be a real date.
fn resolve(expr: &Expr, doc: Option<&DocumentDate>) -> (DateValue, Option<String>) {
    let anchor = doc.map(|d| d.date);
    let basis = doc.map(|d| format!("the document date {} ({})", d.date, d.basis.describe()));
    let basis = basis.as_deref().unwrap_or("");
    let unresolved = |timex: String, set: DateSet| DateValue {
        timex,
        resolved: None,
        resolution: None,
        set,
    };
    let exact = |timex: String, resolved: String, set: DateSet, why: Option<String>| DateValue {
        timex,
        resolved: Some(resolved),
        resolution: why,
        set,
    };
    match *expr {
        Expr::Calendar {
            year,
            month,
            day,
            weekday,
            year_shift,
        } => resolve_calendar(year, month, day, weekday, year_shift, anchor, basis),
        Expr::Decade { start, part } => {
            let (first, last) = match part {
                Part::Early => (start, start + 3),
                Part::Mid => (start + 3, start + 6),
                Part::Late => (start + 6, start + 9),
                _ => (start, start + 9),
            };
            let set = DateSet::years(first, last).unwrap_or_default();
            (unresolved(format!("{}", start / 10), set), None)
        }
        Expr::Day(offset) => match anchor {
            Some(d) => match add(d, Duration::new().days(offset)) {
                Some(day) => (
                    exact(
                        ymd(day),
                        ymd(day),
                        DateSet::on(day),
                        Some(format!("{} day(s) from {basis}", offset)),
                    ),
                    None,
                ),
                None => (unresolved("PRESENT_REF".into(), DateSet::any()), None),
            },
            None => (
                unresolved(
                    if offset == 0 {
                        "PRESENT_REF"
                    } else {
                        "XXXX-XX-XX"
                    }
                    .into(),
                    DateSet::any(),
                ),
                None,
            ),
        },
        Expr::Weekday { weekday, shift } => {
            let timex = format!("XXXX-WXX-{}", weekday.to_monday_one_offset());
            let set = DateSet {
                weekday: Some(weekday),
                ..DateSet::any()
            };
            let Some(d) = anchor else {
                return (unresolved(timex, set), None);
            };
            let (day, how) = match shift {
                Some(Shift::Next) => (d.nth_weekday(1, weekday).ok(), "the first {} after"),
                Some(Shift::Last) => (d.nth_weekday(-1, weekday).ok(), "the last {} before"),
                // A weekday equal to the document's own is that very day.
                _ if d.weekday() == weekday => (Some(d), "the {} that is"),
                _ => (d.nth_weekday(-1, weekday).ok(), "the last {} on or before"),
            };
            match day {
                Some(day) => (
                    exact(
                        ymd(day),
                        ymd(day),
                        DateSet::on(day),
                        Some(format!(
                            "{} -> {}: {} {basis}",
                            weekday_name(weekday),
                            ymd(day),
                            how.replace("{}", weekday_name(weekday))
                        )),
                    ),
                    None,
                ),
                None => (unresolved(timex, set), None),
            }
        }
        Expr::Period { unit, offset, part } => resolve_period(unit, offset, part, anchor, basis),
        Expr::MonthShift { month, shift } => {
            let timex = format!("XXXX-{month:02}");
            let set = DateSet {
                month: Some(month),
                ..DateSet::any()
            };
            let Some(d) = anchor else {
                return (unresolved(timex, set), None);
            };
            let year = match shift {
                Shift::Last if month < d.month() => d.year(),
                Shift::Last => d.year() - 1,
                Shift::This => d.year(),
                Shift::Next if month > d.month() => d.year(),
                Shift::Next => d.year() + 1,
            };
            match DateSet::month_of(year, month) {
                Some(set) => (
                    exact(
                        ym(year, month),
                        ym(year, month),
                        set,
                        Some(format!(
                            "{} {} against {basis}",
                            MONTHS[month as usize - 1],
                            year
                        )),
                    ),
                    None,
                ),
                None => (unresolved(timex, set), None),
            }
        }
        Expr::Ago { count, unit, sign } => {
            let Some(d) = anchor else {
                return (unresolved("XXXX".into(), DateSet::any()), None);
            };
            let n = count * sign;
            let span = match unit {
                Unit::Day => Duration::new().days(n),
                Unit::Week => Duration::new().weeks(n),
                Unit::Month => Duration::new().months(n),
                Unit::Year => Duration::new().years(n),
                Unit::Decade => Duration::new().years(n * 10),
            };
            let Some(point) = add(d, span) else {
                return (unresolved("XXXX".into(), DateSet::any()), None);
            };
            // Round counts are loose: "four years ago" is any time from
            // about three to five years back.
            let slack = match unit {
                Unit::Day => Duration::new(),
                Unit::Week => Duration::new().days(3),
                Unit::Month => Duration::new().days(31),
                Unit::Year => Duration::new().years(1),
                Unit::Decade => Duration::new().years(5),
            };
            let lo = point.checked_sub(slack).unwrap_or(point);
            let hi = point.checked_add(slack).unwrap_or(point);
            (
                exact(
                    ymd(point),
                    ymd(point),
                    DateSet::between(lo, hi),
                    Some(format!("{count} {unit:?}(s) from {basis}").to_lowercase()),
                ),
                None,
            )
        }
    }
}

fn resolve_calendar(
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    weekday: Option<Weekday>,
    year_shift: Option<i16>,
    anchor: Option<Date>,
    basis: &str,
) -> (DateValue, Option<String>) {
    let y_text = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
    let timex = match (month, day) {
        (Some(m), Some(d)) => format!("{y_text}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y_text}-{m:02}"),
        (None, Some(d)) => format!("{y_text}-XX-{d:02}"),
        (None, None) => y_text.clone(),
    };
    // An impossible day ("February 30") keeps its value as written.
    if let (Some(m), Some(d)) = (month, day) {
        let probe = DateSet {
            month: Some(m),
            day: Some(d),
            ..DateSet::any()
        };
        let impossible = !(1..=12).contains(&m)
            || probe.is_empty()
            || year.is_some_and(|y| Date::new(y, m, d).is_err());
        if impossible {
            let what = match year {
                Some(y) => format!("{} {d}, {y}", month_name(m)),
                None => format!("{} {d}", month_name(m)),
            };
            let value = DateValue {
                timex,
                resolved: None,
                resolution: None,
                set: DateSet::any(),
            };
            return (value, Some(format!("{what} is not a date")));
        }
    }
    let mut set = DateSet {
        month,
        day,
        ..DateSet::any()
    };
    let mut resolved = None;
    let mut why = None;
    let mut year = year;
    if year.is_none() {
        if let (Some(shift), Some(d)) = (year_shift, anchor) {
            year = Some(d.year() + shift);
            why = Some(format!(
                "\"{}\" year against {basis}",
                match shift {
                    0 => "this",
                    -1 => "last",
                    _ => "next",
                }
            ));
        }
    }
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => {
            if let Ok(date) = Date::new(y, m, d) {
                set = DateSet::on(date);
                resolved = Some(ymd(date));
            }
        }
        (Some(y), Some(m), None) => {
            set = DateSet::month_of(y, m).unwrap_or_default();
            resolved = Some(ym(y, m));
        }
        (Some(y), None, None) => {
            set = DateSet::year(y).unwrap_or_default();
            resolved = Some(format!("{y:04}"));
        }
        (Some(y), None, Some(d)) => {
            set = DateSet {
                day: Some(d),
                ..DateSet::year(y).unwrap_or_default()
            };
        }
        (None, _, _) => {
            if let Some(anchor) = anchor {
                if let Some((date_set, text, how)) = fill_from_anchor(month, day, anchor) {
                    set = date_set;
                    resolved = Some(text);
                    why = Some(format!("{how} {basis}"));
                }
            }
        }
    }
    let mut warning = None;
    if let Some(w) = weekday {
        if let Some(first) = set
            .first_day()
            .filter(|_| set.lo == set.hi && set.lo.is_some())
        {
            if first.weekday() != w {
                warning = Some(format!(
                    "{} is a {}, not a {}",
                    resolved.as_deref().unwrap_or(&timex),
                    weekday_name(first.weekday()),
                    weekday_name(w)
                ));
            }
        } else {
            set.weekday = Some(w);
        }
    }
    (
        DateValue {
            timex,
            resolved,
            resolution: why,
            set,
        },
        warning,
    )
}

fn month_name(m: i8) -> &'static str {
    MONTHS
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("month")
}

/// Fills a missing year (and month) from the anchor, towards the past.
fn fill_from_anchor(
    month: Option<i8>,
    day: Option<i8>,
    anchor: Date,
) -> Option<(DateSet, String, &'static str)> {
    match (month, day) {
        (Some(m), Some(d)) => {
            let this_year = Date::new(anchor.year(), m, d).ok();
            let date = match this_year {
                Some(date) if date <= anchor => date,
                _ => Date::new(anchor.year() - 1, m, d).ok()?,
            };
            Some((
                DateSet::on(date),
                ymd(date),
                "the last such day on or before",
            ))
        }
        (Some(m), None) => {
            let year = if m <= anchor.month() {
                anchor.year()
            } else {
                anchor.year() - 1
            };
            Some((
                DateSet::month_of(year, m)?,
                ym(year, m),
                "the last such month on or before",
            ))
        }
        (None, Some(d)) => {
            let this_month = Date::new(anchor.year(), anchor.month(), d).ok();
            let date = match this_month {
                Some(date) if date <= anchor => date,
                _ => {
                    let prev = anchor
                        .first_of_month()
                        .checked_sub(Duration::new().months(1))
                        .ok()?;
                    Date::new(prev.year(), prev.month(), d).ok()?
                }
            };
            Some((
                DateSet::on(date),
                ymd(date),
                "the last such day on or before",
            ))
        }
        (None, None) => None,
    }
}

fn resolve_period(
    unit: Unit,
    offset: i32,
    part: Part,
    anchor: Option<Date>,
    basis: &str,
) -> (DateValue, Option<String>) {
    let Some(d) = anchor else {
        let timex = match unit {
            Unit::Year => "XXXX",
            Unit::Month => "XXXX-XX",
            Unit::Week => "XXXX-WXX",
            Unit::Day => "XXXX-XX-XX",
            Unit::Decade => "XXX",
        };
        return (
            DateValue {
                timex: timex.into(),
                resolved: None,
                resolution: None,
                set: DateSet::any(),
            },
            None,
        );
    };
    let (first, last, timex, resolved) = match unit {
        Unit::Year | Unit::Day => {
            let y = d.year() + offset as i16;
            let (Ok(first), Ok(last)) = (Date::new(y, 1, 1), Date::new(y, 12, 31)) else {
                return (
                    DateValue {
                        timex: "XXXX".into(),
                        resolved: None,
                        resolution: None,
                        set: DateSet::any(),
                    },
                    None,
                );
            };
            (first, last, format!("{y:04}"), Some(format!("{y:04}")))
        }
        Unit::Month => {
            let first = d
                .first_of_month()
                .checked_add(Duration::new().months(offset))
                .unwrap_or(d);
            let text = ym(first.year(), first.month());
            (first, first.last_of_month(), text.clone(), Some(text))
        }
        Unit::Week => {
            let monday = d
                .checked_sub(Duration::new().days(i32::from(d.weekday().to_monday_zero_offset())))
                .unwrap_or(d)
                .checked_add(Duration::new().weeks(offset))
                .unwrap_or(d);
            let sunday = monday
                .checked_add(Duration::new().days(6))
                .unwrap_or(monday);
            let week = monday.iso_week_date();
            let timex = format!("{:04}-W{:02}", week.year(), week.week());
            (monday, sunday, timex, None)
        }
        Unit::Decade => {
            let start = (d.year() / 10) * 10 + 10 * offset as i16;
            let first = Date::new(start, 1, 1).unwrap_or(d);
            let last = Date::new(start + 9, 12, 31).unwrap_or(d);
            (first, last, format!("{}", start / 10), None)
        }
    };
    // "earlier this year" runs up to the document date; "later" from it.
    let (lo, hi) = match part {
        Part::Earlier if offset == 0 => (first, d),
        Part::Later if offset == 0 => (d, last),
        _ => (first, last),
    };
    let value = DateValue {
        timex,
        resolved,
        resolution: Some(format!("{:?} {} against {basis}", unit, offset).to_lowercase()),
        set: DateSet::between(lo, hi),
    };
    (value, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{DateBasis, SourceId, SourceMeta};
    use jiff::civil::date;

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
            one("On December 3, Russia", doc).2.as_deref(),
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
