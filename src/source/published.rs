//! Publication times: wire copy is updated several times a day, and the
//! same day carries a toll of 93 at 09:40 and of 115 at 18:10. A manifest's
//! `published` may give the time and zone (RFC 3339, or a local time), and
//! stamps at the top of a text may too ("Updated 11:11 GMT", "March 23,
//! 2024 9:40 AM ET").

use std::sync::LazyLock;

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::Offset;
use jiff::Timestamp;
use regex::Regex;

/// The time of day a document was published, as written: its clock time
/// and, when the manifest or stamp names one, its offset from UTC. Times
/// without an offset are the desk's own clock, comparable with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublishedTime {
    pub time: Time,
    pub offset: Option<Offset>,
}

impl PublishedTime {
    /// "09:40", "09:40 UTC+03:00": as a message shows it.
    pub fn describe(&self) -> String {
        let clock = self.time.strftime("%H:%M").to_string();
        match self.offset {
            None => clock,
            Some(o) if o.seconds() == 0 => format!("{clock} UTC"),
            Some(o) => format!("{clock} UTC{o}"),
        }
    }
}

/// A manifest's `published`: `2024-03-23`, RFC 3339
/// (`2024-03-23T09:40:00+03:00`, `...Z`) or a local time
/// (`2024-03-23 09:40`, `2024-03-23T09:40:00`).
pub fn parse_published(s: &str) -> Option<(Date, Option<PublishedTime>)> {
    static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]{1,9})?)?[ ]?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$",
        )
        .expect("published pattern is valid")
    });
    let caps = PUBLISHED.captures(s.trim())?;
    let date: Date = caps[1].parse().ok()?;
    let Some(hour) = caps.get(2) else {
        return Some((date, None));
    };
    let number = |i: usize| {
        caps.get(i)
            .map_or(Some(0), |m| m.as_str().parse::<i8>().ok())
    };
    let time = Time::new(hour.as_str().parse().ok()?, number(3)?, number(4)?, 0).ok()?;
    let offset = match caps.get(5) {
        None => None,
        Some(z) => Some(parse_offset(z.as_str())?),
    };
    Some((date, Some(PublishedTime { time, offset })))
}

/// "Z", "+03:00", "-0500".
fn parse_offset(s: &str) -> Option<Offset> {
    if s == "Z" {
        return Some(Offset::UTC);
    }
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits: String = s[1..].chars().filter(char::is_ascii_digit).collect();
    let (h, m) = digits.split_at_checked(2)?;
    let seconds = sign * (h.parse::<i32>().ok()? * 3600 + m.parse::<i32>().ok()? * 60);
    Offset::from_seconds(seconds).ok()
}

/// A clock time on a stamp or dateline: "9:40 AM ET", "11:11 GMT",
/// "10.00 BST", "18:10". ASCII boundaries (see `rules::ascii_boundaries`).
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:T|(?-u:\b))([0-9]{1,2})[:.]([0-9]{2})(?::[0-9]{2})?(?:[\ \t\u{a0}]*([AaPp])\.?[Mm](?-u:\b)\.?)?(?:[\ \t\u{a0}]*(?:\(?([A-Z]{1,5})\)?(?-u:\b)|([+-][0-9]{2}:?[0-9]{2})))?",
    )
    .expect("clock pattern is valid")
});

/// A line that is a time stamp with no date: "Updated 11:11 GMT".
static TIME_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\ \t\u{a0}]*(?i:(?:last[\ \t\-]+)?updated|published|posted|filed)[\ \t\u{a0}]*:?[\ \t\u{a0}]*(?:at[\ \t\u{a0}]+)?([0-9]{1,2}[:.][0-9]{2}[^\n]*)$",
    )
    .expect("time stamp pattern is valid")
});

/// The first clock time in `text` (a stamp's line, a dateline up to its
/// dash), on `date` for zones that keep summer time. `None` when there is
/// none, or when its letters name no zone known here ("11:11 XYZ").
pub fn clock_in(text: &str, date: Date) -> Option<PublishedTime> {
    let caps = CLOCK.captures(text)?;
    let mut hour: i8 = caps[1].parse().ok()?;
    let minute: i8 = caps[2].parse().ok()?;
    if let Some(half) = caps.get(3) {
        if !(1..=12).contains(&hour) {
            return None;
        }
        let pm = half.as_str().eq_ignore_ascii_case("p");
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    let time = Time::new(hour, minute, 0, 0).ok()?;
    let offset = match (caps.get(4), caps.get(5)) {
        (Some(zone), _) => match zone_offset(zone.as_str(), date) {
            Some(o) => Some(o),
            // "10:00 AM" then a word: no zone, the local clock.
            None if zone.as_str().len() > 4 || caps.get(3).is_some() => None,
            None => return None,
        },
        (None, Some(o)) => Some(parse_offset(o.as_str())?),
        (None, None) => None,
    };
    Some(PublishedTime { time, offset })
}

/// The time of a stamp line that holds no date ("Updated 11:11 GMT").
pub fn time_stamp(line: &str, date: Date) -> Option<PublishedTime> {
    let caps = TIME_STAMP.captures(line)?;
    clock_in(caps.get(1)?.as_str(), date)
}

/// Offsets of the zone abbreviations wire copy uses. The US generic ones
/// ("ET") follow the US summer-time rule for `date`.
fn zone_offset(zone: &str, date: Date) -> Option<Offset> {
    let hours = |h: i32| Offset::from_seconds(h * 3600).ok();
    let us = |standard: i32| {
        let summer = us_summer_time(date);
        hours(standard + i32::from(summer))
    };
    match zone {
        "GMT" | "UTC" | "UT" | "Z" | "WET" => hours(0),
        "BST" | "CET" | "WAT" | "WEST" => hours(1),
        "CEST" | "EET" | "CAT" | "SAST" => hours(2),
        "EEST" | "MSK" | "EAT" | "AST" => hours(3),
        "IST" => Offset::from_seconds(5 * 3600 + 1800).ok(),
        "PKT" => hours(5),
        "ICT" | "WIB" => hours(7),
        "HKT" | "SGT" | "AWST" => hours(8),
        "JST" | "KST" => hours(9),
        "AEST" => hours(10),
        "AEDT" => hours(11),
        "NZST" => hours(12),
        "NZDT" => hours(13),
        "EST" => hours(-5),
        "EDT" => hours(-4),
        "CST" => hours(-6),
        "CDT" => hours(-5),
        "MST" => hours(-7),
        "MDT" => hours(-6),
        "PST" => hours(-8),
        "PDT" => hours(-7),
        "ET" => us(-5),
        "CT" => us(-6),
        "MT" => us(-7),
        "PT" => us(-8),
        _ => None,
    }
}

/// US summer time: from the second Sunday of March to the first Sunday of
/// November (by the date; the hour of the change does not matter here).
fn us_summer_time(date: Date) -> bool {
    let sunday = |month: i8, nth: i8| {
        Date::new(date.year(), month, 1)
            .ok()
            .and_then(|first| first.nth_weekday_of_month(nth, Weekday::Sunday).ok())
    };
    match (sunday(3, 2), sunday(11, 1)) {
        (Some(start), Some(end)) => date >= start && date < end,
        _ => false,
    }
}

/// When a document was published, as an interval of instants: a day with
/// no time known is the whole day. Times without an offset, and days, are
/// read on one common clock (UTC), so they order among themselves.
pub fn span_of(date: Date, time: Option<PublishedTime>) -> Option<(Timestamp, Timestamp)> {
    let on_clock =
        |dt: DateTime, offset: Option<Offset>| offset.unwrap_or(Offset::UTC).to_timestamp(dt).ok();
    match time {
        Some(t) => {
            let at = on_clock(date.to_datetime(t.time), t.offset)?;
            Some((at, at))
        }
        None => {
            let start = on_clock(date.to_datetime(Time::midnight()), None)?;
            let end = on_clock(date.tomorrow().ok()?.to_datetime(Time::midnight()), None)?;
            Some((start, end))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: i8, m: i8, offset_hours: Option<i32>) -> PublishedTime {
        PublishedTime {
            time: Time::new(h, m, 0, 0).unwrap(),
            offset: offset_hours.map(|o| Offset::from_seconds(o * 3600).unwrap()),
        }
    }

    #[test]
    fn published_takes_a_date_an_rfc_3339_time_or_a_local_time() {
        let day = Date::new(2024, 3, 23).unwrap();
        assert_eq!(parse_published("2024-03-23"), Some((day, None)));
        assert_eq!(
            parse_published("2024-03-23T09:40:00+03:00"),
            Some((day, Some(at(9, 40, Some(3)))))
        );
        assert_eq!(
            parse_published("2024-03-23T06:40:00Z"),
            Some((day, Some(at(6, 40, Some(0)))))
        );
        assert_eq!(
            parse_published("2024-03-23 09:40"),
            Some((day, Some(at(9, 40, None))))
        );
        for bad in [
            "2024-03-23 25:00",
            "2024-03-23T09",
            "March 23",
            "2024-02-30",
        ] {
            assert_eq!(parse_published(bad), None, "{bad}");
        }
    }

    #[test]
    fn stamps_give_their_clock_and_zone() {
        let day = Date::new(2024, 3, 23).unwrap();
        assert_eq!(
            clock_in("March 23, 2024 9:40 AM ET", day),
            Some(at(9, 40, Some(-4)))
        );
        let winter = Date::new(2024, 1, 5).unwrap();
        assert_eq!(clock_in("9:40 PM ET", winter), Some(at(21, 40, Some(-5))));
        assert_eq!(clock_in("10.00 BST", day), Some(at(10, 0, Some(1))));
        assert_eq!(clock_in("at 18:10", day), Some(at(18, 10, None)));
        assert_eq!(
            time_stamp("Updated 11:11 GMT", day),
            Some(at(11, 11, Some(0)))
        );
        assert_eq!(time_stamp("Updated on Monday", day), None);
        assert_eq!(clock_in("11:11 XYZ", day), None);
    }

    #[test]
    fn a_day_with_no_time_spans_the_whole_day() {
        let day = Date::new(2024, 3, 23).unwrap();
        let (lo, hi) = span_of(day, None).unwrap();
        assert_eq!(lo.to_string(), "2024-03-23T00:00:00Z");
        assert_eq!(hi.to_string(), "2024-03-24T00:00:00Z");
        let (lo, hi) = span_of(day, Some(at(9, 40, Some(3)))).unwrap();
        assert_eq!(
            (lo.to_string(), lo),
            ("2024-03-23T06:40:00Z".to_string(), hi)
        );
        assert_eq!(at(9, 40, Some(3)).describe(), "09:40 UTC+03");
    }
}
