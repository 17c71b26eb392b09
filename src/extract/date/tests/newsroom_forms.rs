use super::super::*;
use crate::source::{DateBasis, DateOrder, DocumentDate, SourceId, SourceMeta};
use jiff::civil::date;

/// The document date of these tests: Friday 4 July 2025.
fn read(text: &str, order: DateOrder) -> Vec<(String, String, Option<String>, Option<String>)> {
    let source = Source::new(
        SourceId(0),
        "t".into(),
        text.into(),
        SourceMeta::default(),
        order,
        Some(DocumentDate::given(date(2025, 7, 4), DateBasis::Manifest)),
    );
    let mut out = Vec::new();
    extract(&source, &mut out);
    out.iter()
        .map(|c| {
            (
                c.text(&source).to_string(),
                c.value.notation(),
                c.value.resolved(),
                c.value.resolution().map(str::to_string),
            )
        })
        .collect()
}

/// Each text holds one date; `span` is its text, `want` its resolved
/// value (or, when it has none, its value as written).
fn check(cases: &[(&str, &str, &str)]) {
    for (text, span, want) in cases {
        let got = read(text, DateOrder::Mdy);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        let (t, value, resolved, _) = &got[0];
        assert_eq!(t, span, "{text}: {got:?}");
        assert_eq!(
            resolved.as_deref().unwrap_or(value),
            *want,
            "{text}: {got:?}"
        );
    }
}

#[test]
fn day_month_year_orders_and_abbreviations() {
    check(&[
        (
            "It happened on Jan. 4, 2024 in Tarsk.",
            "Jan. 4, 2024",
            "2024-01-04",
        ),
        (
            "The vote was held on 4th January 2024.",
            "4th January 2024",
            "2024-01-04",
        ),
        ("talks resumed Aug. 2 after a pause", "Aug. 2", "2024-08-02"),
        ("talks resume Aug. 2 after a pause", "Aug. 2", "2025-08-02"),
        (
            "on the 4th of July, 1995, it",
            "the 4th of July, 1995",
            "1995-07-04",
        ),
        (
            "signed on Dec. 31 , 1994 by",
            "Dec. 31 , 1994",
            "1994-12-31",
        ),
        ("i'll go back jan 5", "jan 5", "2026-01-05"),
        (
            "He was born on 16. Nov. 2016.",
            "16. Nov. 2016",
            "2016-11-16",
        ),
        ("It opened in April of 1987.", "April of 1987", "1987-04"),
        ("sales in 2016, nov rose", "2016, nov", "2016-11"),
        (
            "We met on May twenty-first.",
            "May twenty-first",
            "2025-05-21",
        ),
        (
            "on the second of August they left",
            "the second of August",
            "2024-08-02",
        ),
        (
            "born on January twenty five nineteen eighty six",
            "January twenty five nineteen eighty six",
            "1986-01-25",
        ),
        (
            "They left in nineteen ninety six.",
            "nineteen ninety six",
            "1996",
        ),
        ("It was built in the year 1000.", "year 1000", "1000"),
        (
            "a coin from year two hundred and sixty seven",
            "year two hundred and sixty seven",
            "0267",
        ),
    ]);
}

#[test]
fn numeric_dates_by_order_and_by_what_only_a_day_can_be() {
    check(&[
        ("on 7/4/2025 it", "7/4/2025", "2025-07-04"),
        ("on 21/04/2016 it", "21/04/2016", "2016-04-21"),
        ("filed 2025-07-04.", "2025-07-04", "2025-07-04"),
        ("see report-20170302.html", "20170302", "2017-03-02"),
        ("due on 4/22 at noon", "4/22", "2025-04-22"),
        ("out in 11/2016 and", "11/2016", "2016-11"),
        ("sold 05-Aug-2016 to", "05-Aug-2016", "2016-08-05"),
    ]);
    let day_first = read("on 3/7/2025 it", DateOrder::Dmy);
    assert_eq!(day_first[0].2.as_deref(), Some("2025-07-03"));
    let month_first = read("on 3/7/2025 it", DateOrder::Mdy);
    assert_eq!(month_first[0].2.as_deref(), Some("2025-03-07"));
    let note = month_first[0].3.as_deref().unwrap_or("");
    assert!(
        note.contains("ambiguous") && note.contains("2025-07-03"),
        "{note}"
    );
    // A day over 12 settles the order whatever the source's locale.
    let settled = read("on 21/04/2016 it", DateOrder::Mdy);
    assert_eq!(settled[0].3, None);
}

#[test]
fn years_decades_seasons_and_quarters() {
    check(&[
        ("in the 1980s the", "the 1980s", "198"),
        ("in the mid-1990s the", "the mid-1990s", "199"),
        ("back in the '90s the", "the '90s", "199"),
        ("in summer 2024 it", "summer 2024", "2024-SU"),
        (
            "Growth slowed in the first quarter.",
            "the first quarter",
            "2025-Q1",
        ),
        (
            "profits in the third quarter of 2016 fell",
            "the third quarter of 2016",
            "2016-Q3",
        ),
        ("profits in Q3 2016 fell", "Q3 2016", "2016-Q3"),
        ("It rained last winter.", "last winter", "2024-WI"),
        ("It will open this spring.", "this spring", "2025-SP"),
        ("The deal closed in 2150, it said", "2150", "2150"),
    ]);
}

#[test]
fn ranges() {
    check(&[
        (
            "He served from 2001 to 2004 in",
            "2001 to 2004",
            "2001/2004",
        ),
        (
            "It ran between March and May.",
            "March and May",
            "XXXX-03/XXXX-05",
        ),
        ("the 2010-11 season", "2010-11", "2010/2011"),
        (
            "on July 1-5, 2025 it",
            "July 1-5, 2025",
            "2025-07-01/2025-07-05",
        ),
    ]);
    let both = read("Talks ran from 2015 and 2016 on.", DateOrder::Mdy);
    assert_eq!(both.len(), 2, "\"from ... and\" is no range: {both:?}");
    let list = read("We met on 18 and 19 June.", DateOrder::Mdy);
    let days: Vec<_> = list
        .iter()
        .map(|c| c.2.clone().unwrap_or_default())
        .collect();
    assert_eq!(days, ["2025-06-18", "2025-06-19"]);
}

#[test]
fn relative_forms_against_the_document_date() {
    check(&[
        ("He arrived yesterday.", "yesterday", "2025-07-03"),
        ("Shots were fired last night.", "last night", "2025-07-03"),
        (
            "Talks broke down over the weekend.",
            "the weekend",
            "2025-W26-WE",
        ),
        (
            "Talks will resume over the weekend.",
            "the weekend",
            "2025-W27-WE",
        ),
        ("He spoke this morning.", "this morning", "2025-07-04"),
        ("They met on Monday.", "Monday", "2025-06-30"),
        ("Prices rose last month.", "last month", "2025-06"),
        ("Sales fell last week.", "last week", "2025-W26"),
        (
            "It was founded two years ago.",
            "two years ago",
            "2023-07-04",
        ),
        ("He quit a decade ago.", "a decade ago", "2015-07-04"),
        (
            "It was signed earlier this month.",
            "earlier this month",
            "2025-07",
        ),
        (
            "The summit will be next Tuesday.",
            "next Tuesday",
            "2025-07-08",
        ),
        (
            "He will be back in two weeks.",
            "in two weeks",
            "2025-07-18",
        ),
        (
            "The report is out in two weeks’ time.",
            "in two weeks’ time",
            "2025-07-18",
        ),
        ("Sales have grown since 2019.", "2019", "2019"),
        (
            "They met on Tuesday of last week.",
            "Tuesday of last week",
            "2025-06-24",
        ),
        (
            "They met the day before yesterday.",
            "the day before yesterday",
            "2025-07-02",
        ),
        (
            "It was signed 3 days after January 12th.",
            "3 days after January 12th",
            "2025-01-15",
        ),
        (
            "They met on the first Friday of June.",
            "the first Friday of June",
            "2025-06-06",
        ),
        (
            "It ends the year after next.",
            "the year after next",
            "2027",
        ),
        (
            "We will meet in the week of the 14th.",
            "the week of the 14th",
            "2025-07-14",
        ),
        (
            "They will sign in four business days.",
            "in four business days",
            "2025-07-10",
        ),
        (
            "It opens two Sundays from now.",
            "two Sundays from now",
            "2025-07-13",
        ),
    ]);
    // "the past year" is the year up to the document date.
    let rolling = read("Prices rose over the past year.", DateOrder::Mdy);
    assert_eq!(rolling[0].1, "2024-07-04/2025-07-04");
    let late = read("The talks collapsed in late February.", DateOrder::Mdy);
    assert_eq!(late[0].0, "late February");
    assert_eq!(late[0].2.as_deref(), Some("2025-02"));
    assert!(
        late[0]
            .3
            .as_deref()
            .unwrap_or("")
            .ends_with("late -> 2025-02-20..2025-02-28"),
        "{late:?}"
    );
    let early = read("It opened in early 2024.", DateOrder::Mdy);
    assert!(
        early[0]
            .3
            .as_deref()
            .unwrap_or("")
            .ends_with("early -> 2024-01-01..2024-05-01"),
        "{early:?}"
    );
    // "the end of the month" is its last days, not all of it.
    let end = read(
        "A decision is expected by the end of the month.",
        DateOrder::Mdy,
    );
    let why = end[0].3.as_deref().unwrap_or("");
    assert!(why.contains("2025-07-22..2025-07-31"), "{why}");
}

#[test]
fn the_sentence_says_past_or_future() {
    check(&[
        // A weekday equal to the document's own is that very day.
        ("They met on Friday.", "Friday", "2025-07-04"),
        // Past tense: the last such day; future: the next one.
        ("They met on Thursday.", "Thursday", "2025-07-03"),
        ("They will meet on Thursday.", "Thursday", "2025-07-10"),
        (
            "The vote was held on December 3.",
            "December 3",
            "2024-12-03",
        ),
        ("The vote will be held on March 3.", "March 3", "2026-03-03"),
        ("The vote is on December 3.", "December 3", "2025-12-03"),
        ("The talks are due to resume in May.", "May", "2026-05"),
        ("The talks ended in August.", "August", "2024-08"),
    ]);
    // No tense: this year's December 3, last year's still possible.
    let open = read("The vote is on December 3.", DateOrder::Mdy);
    let note = open[0].3.as_deref().unwrap_or("");
    assert!(note.contains("the year before stays possible"), "{note}");
    let why = read("They met on Thursday.", DateOrder::Mdy);
    let resolution = why[0].3.as_deref().unwrap_or("");
    assert!(
        resolution.starts_with(
            "Thursday -> 2025-07-03: the last Thursday on or before the document date 2025-07-04"
        ),
        "{resolution}"
    );
}

#[test]
fn holidays() {
    check(&[
        ("They met at Christmas.", "Christmas", "2024-12-25"),
        (
            "It opens on New Year's Day.",
            "New Year's Day",
            "2025-01-01",
        ),
        ("It fell on Easter 2018.", "Easter 2018", "2018-04-01"),
        (
            "We will meet at Thanksgiving.",
            "Thanksgiving",
            "2025-11-27",
        ),
        (
            "Crowds gathered on Independence Day.",
            "Independence Day",
            "2025-07-04",
        ),
        ("They met last Easter.", "last Easter", "2025-04-20"),
        (
            "It closed 2 weeks before Christmas 2024.",
            "2 weeks before Christmas 2024",
            "2024-12-11",
        ),
    ]);
}

/// Each text's one date claim: its text, its value as written, and
/// its warning.
fn warned(text: &str) -> (String, String, Option<String>, Option<String>) {
    let source = Source::new(
        SourceId(0),
        "t".into(),
        text.into(),
        SourceMeta::default(),
        DateOrder::Mdy,
        Some(DocumentDate::given(date(2025, 7, 4), DateBasis::Manifest)),
    );
    let mut out = Vec::new();
    extract(&source, &mut out);
    out.retain(|c| c.kind == ClaimKind::Date);
    assert_eq!(out.len(), 1, "{text}: {out:?}");
    let c = &out[0];
    (
        c.text(&source).to_string(),
        c.value.notation(),
        c.value.resolved(),
        c.warning.clone(),
    )
}

#[test]
fn years_off_the_calendar_are_never_the_documents_year() {
    for (text, span, timex, warning) in [
        (
            "Caesar died on March 15, 44 BC.",
            "March 15, 44 BC",
            "BC0044-03-15",
            "March 15, 44 BC is not a date crosscheck can check",
        ),
        (
            "It fell on 15 March 44 B.C. at noon.",
            "15 March 44 B.C.",
            "BC0044-03-15",
            "March 15, 44 BC is not a date",
        ),
        (
            "It fell in 3000 BCE.",
            "3000 BCE",
            "BC3000",
            "3000 BC is not",
        ),
        (
            "Hunters came around 10,000 BC.",
            "10,000 BC",
            "BC10000",
            "10000 BC",
        ),
        (
            "It was in March 44 BC.",
            "March 44 BC",
            "BC0044-03",
            "March 44 BC",
        ),
        (
            "The vault was sealed on January 1, 0000.",
            "January 1, 0000",
            "0000-01-01",
            "no year 0",
        ),
        (
            "Sealed 1/1/0000 here.",
            "1/1/0000",
            "0000-01-01",
            "no year 0",
        ),
        (
            "Sealed 0000-01-01 here.",
            "0000-01-01",
            "0000-01-01",
            "no year 0",
        ),
        (
            "Sealed in March 0000.",
            "March 0000",
            "0000-03",
            "no year 0",
        ),
        ("It was the year 0000.", "year 0000", "0000", "no year 0"),
        (
            "It opens on 1 June 10000.",
            "1 June 10000",
            "10000-06-01",
            "its calendar ends with 9999",
        ),
        (
            "They met on July 1-5, 44 BC, in Velgrad.",
            "July 1-5, 44 BC",
            "BC0044-07-01/BC0044-07-05",
            "July 1, 44 BC",
        ),
        (
            "It ran from March 3 to May 5, 44 BC in Velgrad.",
            "March 3 to May 5, 44 BC",
            "BC0044-03-03/BC0044-05-05",
            "March 3, 44 BC",
        ),
    ] {
        let (t, value, resolved, warn) = warned(text);
        assert_eq!((t.as_str(), value.as_str()), (span, timex), "{text}");
        assert_eq!(resolved, None, "{text}");
        let warn = warn.unwrap_or_default();
        assert!(
            warn.contains(warning) && warn.contains("not a date"),
            "{text}: {warn}"
        );
    }
}

#[test]
fn years_of_the_common_era_and_counts_after_a_date() {
    check(&[
        ("Vesuvius erupted in AD 79.", "AD 79", "0079"),
        ("Vesuvius erupted in 79 CE.", "79 CE", "0079"),
        ("Rome burned in July 64 AD.", "July 64 AD", "0064-07"),
        (
            "It was on August 24, A.D. 79.",
            "August 24, A.D. 79",
            "0079-08-24",
        ),
        (
            "A coin of January 1, 0044 was found.",
            "January 1, 0044",
            "0044-01-01",
        ),
        ("Filed 0999-03-04 here.", "0999-03-04", "0999-03-04"),
        (
            "The lease ends on January 1, 2500.",
            "January 1, 2500",
            "2500-01-01",
        ),
        // A count after the date, and the province after a year.
        ("On May 5, 2500 people marched.", "May 5", "2025-05-05"),
        ("On May 5, 10000 people marched.", "May 5", "2025-05-05"),
        ("He won the 2024 B.C. election.", "2024", "2024"),
        (
            "On May 5, 2024 B.C. voters went out.",
            "May 5, 2024",
            "2024-05-05",
        ),
    ]);
    assert!(read("In March 2500 troops left.", DateOrder::Mdy).is_empty());
}

#[test]
fn a_weekday_beside_its_date_is_checked() {
    let source = Source::new(
        SourceId(0),
        "t".into(),
        "It was signed on Thursday, July 4, 2025 in Velgrad.".into(),
        SourceMeta::default(),
        DateOrder::Mdy,
        None,
    );
    let mut out = Vec::new();
    extract(&source, &mut out);
    assert_eq!(out.len(), 1);
    let warning = out[0].warning.as_deref().unwrap_or("");
    assert!(warning.contains("is a Friday, not a Thursday"), "{warning}");
    // True of neither day, it keeps its value but allows no day.
    let ClaimValue::Date(value) = &out[0].value else {
        panic!("not a date: {:?}", out[0]);
    };
    assert_eq!(value.resolved.as_deref(), Some("2025-07-04"));
    assert!(value.set.is_empty(), "{:?}", value.set);
    let fine = read(
        "It was signed on Friday, July 4, 2025 in Velgrad.",
        DateOrder::Mdy,
    );
    assert_eq!(fine.len(), 1);
}

#[test]
fn words_that_only_look_like_dates() {
    for text in [
        "Officials may meet again.",
        "Thousands march on the capital.",
        "we said so",
        "The Sunday Times reported it.",
        "Some 1,500 troops left.",
        "The desk is staffed 24/7.",
        "after 9/11 the rules changed",
        "The meeting starts at 10:30.",
        "It costs $2000 now.",
        "Turnout was 12.5% and 3.5 points.",
        "Call 555-1234 or (212) 555-0199.",
        "See pages 3-7 and page 12.",
        "He finished second in the race.",
        "It was the second time.",
        "a hot spring nearby",
        "the fall of Tarsk",
        "the Good Friday Agreement",
        "Article 5 may be invoked.",
        "It is the first in two weeks.",
        "on Monday 12 people died",
        "the 21st century",
        "He scored in the second half.",
        "It falls on the first Sunday of Advent.",
        "They led in the first quarter of the game.",
        "Tel: +86 138-2010-2015",
        "The ssn is 123-12-1234.",
        "The code is 133-03-03-2020.",
        "They will deliver 2000 pieces.",
    ] {
        let got: Vec<_> = read(text, DateOrder::Mdy)
            .into_iter()
            .filter(|c| !matches!(c.0.as_str(), "Monday" | "two weeks"))
            .collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}
