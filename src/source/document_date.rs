//! The document date: the day a source was written, against which "today",
//! "on Thursday" and "four years ago" are resolved.
//!
//! Evidence, strongest first: the command line (`--document-date`), the
//! manifest (`published`), a dateline ("TARSK / VELGRAD, July 4, 2025"), a
//! byline stamp ("By Jane Doe | July 4, 2025"), and a page stamp ("On:
//! October 16, 2025 2:31 PM", ISO or HTTP-style stamps). A page stamp is
//! weak: pages are re-stamped when edited, long after the story was filed.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use serde::Serialize;

use crate::value::date::month_number;

/// Where a document date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateBasis {
    CommandLine,
    Manifest,
    Dateline,
    Byline,
    PageStamp,
}

impl DateBasis {
    pub fn describe(self) -> &'static str {
        match self {
            DateBasis::CommandLine => "given with --document-date",
            DateBasis::Manifest => "the manifest's `published`",
            DateBasis::Dateline => "the dateline",
            DateBasis::Byline => "the byline",
            DateBasis::PageStamp => "the page's date stamp",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentDate {
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    pub basis: DateBasis,
    /// Byte range of the date in the source text, when it was read there.
    pub span: Option<Range<usize>>,
    /// Byte range of the dateline, byline or stamp the date was read on:
    /// a dateline ends at its dash, the story's own text following it.
    #[serde(skip)]
    pub header: Option<Range<usize>>,
    /// The time of day, when the manifest or a stamp gives one: "09:40",
    /// "09:40 UTC+03".
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_time"
    )]
    pub time: Option<super::published::PublishedTime>,
}

fn serialize_time<S: serde::Serializer>(
    time: &Option<super::published::PublishedTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match time {
        Some(t) => s.collect_str(&t.describe()),
        None => s.serialize_none(),
    }
}

fn serialize_date<S: serde::Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

impl DocumentDate {
    pub fn given(date: Date, basis: DateBasis) -> DocumentDate {
        DocumentDate {
            date,
            basis,
            span: None,
            header: None,
            time: None,
        }
    }

    /// With the time of day it was published at.
    pub fn at(self, time: Option<super::published::PublishedTime>) -> DocumentDate {
        DocumentDate { time, ..self }
    }
}

/// How far into a text datelines and stamps are looked for.
const HEAD_LINES: usize = 30;
const HEAD_BYTES: usize = 4096;

const FULL_DATE: &str = r"(?x)
    (?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[\ \t\u{a0}]+)?
    (?:
        (?P<m1>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[\ \t\u{a0}]+
        (?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?,?[\ \t\u{a0}]+(?P<y1>[0-9]{4})
      | (?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?[\ \t\u{a0}]+
        (?P<m2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?[\ \t\u{a0}]+(?P<y2>[0-9]{4})
      | (?P<y3>[0-9]{4})-(?P<m3>[0-9]{2})-(?P<d3>[0-9]{2})
    )";

/// A clock time written before a date on a stamp: "10:32 AM EDT".
const TIME: &str =
    r"[0-9]{1,2}[:.][0-9]{2}(?:[\ \t\u{a0}]*[AaPp]\.?[Mm]\.?)?(?:[\ \t\u{a0}]+[A-Z]{2,4})?";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // Upper-case place names, perhaps several joined by '/', perhaps an
    // agency in brackets, then a comma and the date.
    let place = r"[A-Z][A-Z.'’\-]+(?:[\ \t\u{a0}]+[A-Z][A-Z.'’\-]+)*";
    Regex::new(&format!(
        r"^[\ \t\u{{a0}}]*{place}(?:[\ \t\u{{a0}}]*/[\ \t\u{{a0}}]*{place})*(?:,[\ \t\u{{a0}}]*[A-Z][A-Za-z.]+)?(?:[\ \t\u{{a0}}]*\([^)\n]*\))?(?:,?[\ \t\u{{a0}}]+|[\ \t\u{{a0}}]*[—–-][\ \t\u{{a0}}]*)(?P<date>{FULL_DATE})"
    ))
    .expect("dateline pattern is valid")
});

/// A wire dateline without a year: "VELGRAD, July 4 (Reuters) -".
static DATELINE_NO_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"[A-Z][A-Z.'’\-]+(?:[\ \t\u{a0}]+[A-Z][A-Z.'’\-]+)*";
    Regex::new(&format!(
        r"^[\ \t\u{{a0}}]*{place}(?:[\ \t\u{{a0}}]*/[\ \t\u{{a0}}]*{place})*(?:,[\ \t\u{{a0}}]*[A-Z][A-Za-z.]+)?,[\ \t\u{{a0}}]+(?P<date>(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[\ \t\u{{a0}}]+(?P<d>[0-9]{{1,2}}))[\ \t\u{{a0}}]*(?:\([^)\n]*\))?[\ \t\u{{a0}}]*[—–-]"
    ))
    .expect("dateline pattern is valid")
});

/// What may follow a dateline's date before the story starts on the same
/// line: the agency, then the dash ("—", "–", "-", "--") or a colon.
static DATELINE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\ \t\u{a0}]*(?:\([^)\n]*\)[\ \t\u{a0}]*)?(?:[—–-]+|:)?")
        .expect("dateline tail pattern is valid")
});

/// Where a dateline whose date ends at `date_end` ends in `line`: after
/// its agency and dash, so that the lede written on the same line is read
/// as the story it is.
fn dateline_end(line: &str, date_end: usize) -> usize {
    let rest = line.get(date_end..).unwrap_or("");
    date_end + DATELINE_TAIL.find(rest).map_or(0, |m| m.end())
}

/// The dates found at the top of a text and the stretches that are about
/// the document rather than the story.
#[derive(Clone, Debug, Default)]
pub struct Detected {
    /// Document dates, strongest evidence first.
    pub dates: Vec<DocumentDate>,
    /// Byte ranges of datelines (up to their dash), bylines and page-stamp
    /// lines: dates there are not claims of the story. A wire dateline
    /// without a year is one even when nothing at the top gives its year.
    pub headers: Vec<Range<usize>>,
    /// Lines that stamp a time with no date ("Updated 11:11 GMT"): the
    /// time of whichever day the document is dated.
    pub time_lines: Vec<Range<usize>>,
}

impl Detected {
    /// The latest time the top of `text` stamps on `date`: the time on
    /// its strongest dated header when that is `date`, else the time-only
    /// stamps' ("Published 09:40 GMT", "Updated 11:11 GMT": the copy is
    /// the update's).
    pub fn time_on(&self, text: &str, date: Date) -> Option<super::published::PublishedTime> {
        if let Some(time) = self
            .dates
            .first()
            .filter(|d| d.date == date)
            .and_then(|d| d.time)
        {
            return Some(time);
        }
        self.time_lines
            .iter()
            .filter_map(|r| super::published::time_stamp(text.get(r.clone())?, date))
            .max_by_key(|t| super::published::span_of(date, Some(*t)).map(|(at, _)| at))
    }
}

/// A byline with its date: "By Ana Ruiz | July 4, 2025". The names run
/// at most [`LONGEST_BYLINE`] characters, checked after matching (a
/// bounded repeat of a Unicode class is slow to compile).
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\ \t\u{{a0}}]*By[\ \t\u{{a0}}]+(?P<by>[^\n|]+?)(?:\||,|·|-|—)[\ \t\u{{a0}}]*(?:(?:Published|Updated)[\ \t\u{{a0}}]*:?[\ \t\u{{a0}}]*)?(?P<date>{FULL_DATE})"
    ))
    .expect("byline pattern is valid")
});

static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\ \t\u{{a0}}]*(?:(?i:on|(?:first[\ \t]+)?published(?:[\ \t]+on)?|updated(?:[\ \t]+on)?|posted(?:[\ \t]+on)?|filed(?:[\ \t]+on)?|dated?|last[\ \t\-]+(?:updated|modified)|modified)[\ \t\u{{a0}}]*:?[\ \t\u{{a0}}]*)?(?:{TIME}[\ \t\u{{a0}}]*,?[\ \t\u{{a0}}]*)?(?P<date>{FULL_DATE})(?:[\ \t\u{{a0}}]*(?:T|[0-9:.]|[AaPp]\.?[Mm]\.?|[A-Z]{{2,4}}|at|[+\-][0-9]{{2}}:?[0-9]{{2}}|Z|,|\||[\ \t\u{{a0}}])*)?[\ \t\u{{a0}}\r]*$"
    ))
    .expect("stamp pattern is valid")
});

const LONGEST_BYLINE: usize = 80;

/// What a line's opening allows it to be: conditions each pattern needs
/// (every one needs a digit, for the date).
struct Openings {
    /// An upper-case place: "RIVERTON / LAKESIDE, July 4, 2025".
    dateline: bool,
    /// "By Ana Ruiz | July 4, 2025".
    byline: bool,
    /// A keyword ("Published", "Updated on"), a time, or the date itself.
    stamp: bool,
}

impl Openings {
    fn of(line: &str) -> Openings {
        let opening = line.trim_start_matches([' ', '\t', '\u{a0}']);
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            return Openings {
                dateline: false,
                byline: false,
                stamp: false,
            };
        }
        let mut chars = opening.chars();
        let (first, second) = (chars.next(), chars.next());
        let place = first.is_some_and(|c| c.is_ascii_uppercase())
            && second.is_some_and(|c| c.is_ascii_uppercase() || ".'’-".contains(c));
        let by = opening
            .strip_prefix("By")
            .is_some_and(|rest| rest.starts_with([' ', '\t', '\u{a0}']));
        // Stamp keywords, weekdays and months start with these letters,
        // numeric dates and times with a digit.
        let stamp =
            first.is_some_and(|c| c.is_ascii_digit() || "ofpudlmOFPUDLMTWSJAND".contains(c));
        Openings {
            dateline: place,
            byline: by,
            stamp,
        }
    }
}

/// Datelines and stamps at the top of a text.
pub fn detect(text: &str) -> Detected {
    let mut found = Vec::new();
    let mut time_lines = Vec::new();
    let mut yearless = None;
    // A byte order mark is not part of the first line's words.
    let mut offset = super::first_column(text);
    for line in super::lines_inclusive(&text[offset..]).take(HEAD_LINES) {
        if offset >= HEAD_BYTES {
            break;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        let line_range = offset..offset + content.len();
        // Most lines can be ruled out by their first letters, before any
        // pattern is compiled or run.
        let can_be = Openings::of(content);
        if can_be.stamp
            && super::published::time_stamp(content, Date::constant(2000, 1, 1)).is_some()
        {
            time_lines.push(line_range.clone());
        }
        if yearless.is_none() && can_be.dateline && !DATELINE.is_match(content) {
            if let Some(caps) = DATELINE_NO_YEAR.captures(content) {
                let month = caps.name("m").and_then(|m| month_number(m.as_str()));
                let day = caps.name("d").and_then(|d| d.as_str().parse::<i8>().ok());
                if let (Some(month), Some(day), Some(m)) = (month, day, caps.name("date")) {
                    let span = offset + m.start()..offset + m.end();
                    let header = offset..offset + dateline_end(content, m.end());
                    yearless = Some((month, day, span, header));
                }
            }
        }
        for (pattern, basis, possible) in [
            (&DATELINE, DateBasis::Dateline, can_be.dateline),
            (&BYLINE, DateBasis::Byline, can_be.byline),
            (&STAMP, DateBasis::PageStamp, can_be.stamp),
        ] {
            if !possible {
                continue;
            }
            if let Some(caps) = pattern.captures(content) {
                let Some(m) = caps.name("date") else { continue };
                let by = caps.name("by").map_or(0, |by| by.as_str().chars().count());
                if by > LONGEST_BYLINE {
                    continue;
                }
                if let Some(date) = parse_full_date(m.as_str()) {
                    // Bylines and stamps fill their line; a dateline is
                    // often followed by the lede.
                    let header = match basis {
                        DateBasis::Dateline => offset..offset + dateline_end(content, m.end()),
                        _ => line_range.clone(),
                    };
                    // "March 23, 2024 9:40 AM ET", "Published 10:32 AM
                    // EDT, Fri July 4, 2025": the time on the header.
                    let time = content
                        .get(header.start - offset..header.end - offset)
                        .and_then(|h| super::published::clock_in(h, date));
                    found.push(DocumentDate {
                        date,
                        basis,
                        span: Some(offset + m.start()..offset + m.end()),
                        header: Some(header),
                        time,
                    });
                    break;
                }
            }
        }
        offset += line.len();
    }
    // Stable: among equal evidence the first in the text wins.
    found.sort_by_key(|d| d.basis);
    let mut headers: Vec<Range<usize>> = found.iter().filter_map(|d| d.header.clone()).collect();
    if let Some((_, _, _, header)) = &yearless {
        headers.push(header.clone());
    }
    // A wire dateline names the day but not the year: the year comes from
    // the best other date at the top, the dateline's day being on or
    // before it (pages are stamped when filed or later, never earlier).
    if let (Some((month, day, span, header)), Some(stamp)) = (yearless, found.first()) {
        let year = stamp.date.year();
        let date = Date::new(year, month, day)
            .ok()
            .filter(|d| *d <= stamp.date)
            .or_else(|| Date::new(year - 1, month, day).ok());
        if let Some(date) = date.filter(|_| stamp.basis != DateBasis::Dateline) {
            found.insert(
                0,
                DocumentDate {
                    date,
                    basis: DateBasis::Dateline,
                    span: Some(span),
                    header: Some(header),
                    time: stamp.time,
                },
            );
        }
    }
    headers.extend(time_lines.iter().cloned());
    headers.sort_by_key(|h| (h.start, h.end));
    let mut detected = Detected {
        dates: found,
        headers,
        time_lines,
    };
    if let Some(first) = detected.dates.first().filter(|d| d.time.is_none()) {
        let time = detected.time_on(text, first.date);
        detected.dates[0].time = time;
    }
    detected
}

static FULL_DATE_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{FULL_DATE}$")).expect("date pattern is valid"));

/// A complete calendar date written in one of the forms datelines use.
pub fn parse_full_date(s: &str) -> Option<Date> {
    let caps = FULL_DATE_RE.captures(s.trim())?;
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    let (year, month, day) = if let Some(y) = num("y1") {
        (y, month_number(caps.name("m1")?.as_str())?, num("d1")?)
    } else if let Some(y) = num("y2") {
        (y, month_number(caps.name("m2")?.as_str())?, num("d2")?)
    } else {
        (num("y3")?, num("m3")? as i8, num("d3")?)
    };
    Date::new(year, month, i8::try_from(day).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_dateline_beats_an_earlier_page_stamp() {
        let text = "Headline\n\nOn: October 16, 2025 2:31 PM\nFollow Us:\n\nTARSK / VELGRAD, July 4, 2025\nIn a historic move...";
        let found = detect(text).dates;
        assert_eq!(found[0].date, date(2025, 7, 4));
        assert_eq!(found[0].basis, DateBasis::Dateline);
        assert_eq!(found[1].date, date(2025, 10, 16));
        assert_eq!(found[1].basis, DateBasis::PageStamp);
        let span = found[0].span.clone().unwrap();
        assert_eq!(&text[span], "July 4, 2025");
    }

    #[test]
    fn datelines_after_a_byte_order_mark_or_lone_cr_line_ends() {
        let text = "\u{feff}RIVERTON, July 4, 2025 — The council met.";
        let found = detect(text).dates;
        assert_eq!(found[0].basis, DateBasis::Dateline);
        assert_eq!(&text[found[0].span.clone().unwrap()], "July 4, 2025");
        assert_eq!(
            found[0].header.clone().unwrap().start,
            3,
            "the mark is no part of the dateline"
        );
        let text = "Headline\r\rTARSK, July 4, 2025\rIn a historic move...";
        let found = detect(text).dates;
        assert_eq!(found[0].date, date(2025, 7, 4));
        assert_eq!(
            &text[found[0].header.clone().unwrap()],
            "TARSK, July 4, 2025"
        );
    }

    #[test]
    fn datelines_with_agencies_and_day_first_dates() {
        let found = detect("LONDON (Reuters), 4 July 2025 — Officials said...\n").dates;
        assert_eq!(found[0].date, date(2025, 7, 4));
        let found = detect("NEW YORK, Jan. 4, 2024 - Text").dates;
        assert_eq!(found[0].date, date(2024, 1, 4));
    }

    #[test]
    fn bylines_and_iso_stamps() {
        let found = detect("By Jane Doe | July 5, 2025\nBody").dates;
        assert_eq!(found[0].basis, DateBasis::Byline);
        let found = detect("Published: 2025-07-04T10:00:00Z\nBody").dates;
        assert_eq!(found[0].date, date(2025, 7, 4));
        assert_eq!(found[0].basis, DateBasis::PageStamp);
        let found = detect("Fri, 04 Jul 2025 10:00:00 GMT\nBody").dates;
        assert_eq!(found[0].date, date(2025, 7, 4));
    }

    #[test]
    fn stamps_with_times_labels_and_dashes() {
        for text in [
            "TARSK, Norland (AP) — Thursday, July 4, 2025\nBody",
            "Published 10:32 AM EDT, Fri July 4, 2025\nBody",
            "July 4, 2025 at 10:00 a.m. EDT\nBody",
            "Last-Modified: Fri, 04 Jul 2025 10:00:00 GMT\nBody",
            "July 4, 2025 | 10:00 AM\nBody",
            "Friday 4 July 2025 10.00 BST\nBody",
        ] {
            let found = detect(text).dates;
            assert_eq!(
                found.first().map(|d| d.date),
                Some(date(2025, 7, 4)),
                "{text}"
            );
        }
        assert_eq!(
            detect("TARSK (AP) — Thursday, July 4, 2025\n").dates[0].basis,
            DateBasis::Dateline
        );
    }

    #[test]
    fn stamps_and_datelines_give_the_time_of_day() {
        let time = |text: &str| {
            detect(text)
                .dates
                .first()
                .and_then(|d| d.time)
                .map(|t| t.describe())
        };
        assert_eq!(
            time("March 23, 2024 9:40 AM ET\nBody").as_deref(),
            Some("09:40 UTC-04")
        );
        assert_eq!(
            time("Published 09:40 GMT\nUpdated 11:11 GMT\nBEIRUT, March 23, 2024 — The toll rose.")
                .as_deref(),
            Some("11:11 UTC"),
            "the copy is the update's"
        );
        assert_eq!(
            time("BEIRUT, March 23, 2024 — The blast at 9:40 killed 12.").as_deref(),
            None,
            "the lede's times are the story's"
        );
        let found = detect("Updated 11:11 GMT\nThe toll rose to 115.");
        assert_eq!(found.headers, vec![(0..17)], "a time stamp holds no claims");
    }

    #[test]
    fn a_wire_dateline_without_a_year_takes_it_from_the_stamp() {
        let text =
            "Updated: January 2, 2026 10:00 GMT\nVELGRAD, Dec 31 (Reuters) - Norland on Tuesday...";
        let found = detect(text).dates;
        assert_eq!(found[0].basis, DateBasis::Dateline);
        assert_eq!(found[0].date, date(2025, 12, 31));
        assert_eq!(&text[found[0].span.clone().unwrap()], "Dec 31");
        // Without any year at the top, there is no document date.
        assert!(detect("VELGRAD, July 4 (Reuters) - Norland on Thursday...")
            .dates
            .is_empty());
    }

    #[test]
    fn an_ordinary_sentence_is_not_a_dateline() {
        assert!(
            detect("On July 3, Norland officially recognised the government.")
                .dates
                .is_empty()
        );
        assert!(detect("The Soviet Union had invaded in December 1979.")
            .dates
            .is_empty());
    }

    #[test]
    fn impossible_dates_are_not_document_dates() {
        assert!(detect("PARIS, February 30, 2025 - text").dates.is_empty());
    }

    /// The text each header range of `text` covers.
    fn headers_of(text: &str) -> Vec<&str> {
        detect(text).headers.into_iter().map(|h| &text[h]).collect()
    }

    #[test]
    fn a_dateline_ends_at_its_dash_and_the_lede_after_it_is_story() {
        for (text, dateline) in [
            (
                "VARNO, April 16, 2019 — The fire broke out.",
                "VARNO, April 16, 2019 —",
            ),
            (
                "VARNO, April 16, 2019 – The fire broke out.",
                "VARNO, April 16, 2019 –",
            ),
            (
                "VARNO, April 16, 2019 - The fire broke out.",
                "VARNO, April 16, 2019 -",
            ),
            (
                "VARNO, April 16, 2019 -- The fire broke out.",
                "VARNO, April 16, 2019 --",
            ),
            (
                "VARNO, April 16, 2019 (Wirenet) — The fire.",
                "VARNO, April 16, 2019 (Wirenet) —",
            ),
            (
                "VARNO (Wirenet) - April 16, 2019 - The fire.",
                "VARNO (Wirenet) - April 16, 2019 -",
            ),
            (
                "VARNO, 16 April 2019: The fire broke out.",
                "VARNO, 16 April 2019:",
            ),
            (
                "VARNO, April 16, 2019\nThe fire broke out.",
                "VARNO, April 16, 2019",
            ),
        ] {
            assert_eq!(headers_of(text), [dateline], "{text}");
        }
        let text = "Updated: April 17, 2019 10:00 GMT\nVARNO, April 16 (Wirenet) -- The fire.";
        assert_eq!(
            headers_of(text),
            [
                "Updated: April 17, 2019 10:00 GMT",
                "VARNO, April 16 (Wirenet) --"
            ]
        );
        // A wire dateline is a dateline even when nothing gives its year.
        assert_eq!(
            headers_of("VARNO, April 16 (Wirenet) - The fire broke out."),
            ["VARNO, April 16 (Wirenet) -"]
        );
        // Bylines and stamps keep their whole line.
        assert_eq!(
            headers_of("By Ana Ruiz | July 5, 2025 | 3 min read\nBody"),
            ["By Ana Ruiz | July 5, 2025 | 3 min read"]
        );
    }
}
