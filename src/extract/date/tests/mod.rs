//! The date reader end to end: text in, claims out.

mod hostile_input;
mod newsroom_forms;

use super::*;
use crate::source::{DateBasis, DateOrder, DocumentDate, SourceId, SourceMeta};
use jiff::civil::{date, Date};

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
    assert_eq!(one("On July 3, Norland", None).1, "XXXX-07-03");
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
        one("On July 3, Norland", doc).2.as_deref(),
        Some("2025-07-03")
    );
    assert_eq!(
        one("On December 3, Norland recognised it", doc)
            .2
            .as_deref(),
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
fn digits_that_go_on_as_a_figure_are_no_day() {
    // A day is a whole number: "the 2" of "the 2.6-km bridge" is the
    // front of a decimal, and "May 3" of "May 3,500" of a count.
    for text in [
        "The 2.6-km bridge fell.",
        "The 6.8 magnitude quake struck.",
        "The 3.5 million residents left.",
        "In May 3,500 people left.",
        "on the 12.5 mile stretch",
    ] {
        let got = claims_in(text, None);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    // A date that ends a sentence keeps its day.
    assert_eq!(one("It fell on the 27.", None).1, "XXXX-XX-27");
    assert_eq!(one("It fell on May 3. 5 died.", None).1, "XXXX-05-03");
}

#[test]
fn curly_quotes_and_nbsp_do_not_hide_dates() {
    let got = claims_in("“On\u{a0}July 3,” he said — in 2021’s spring", None);
    let values: Vec<_> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(values, ["XXXX-07-03", "2021"]);
}

proptest::proptest! {
    /// The date scan in pieces of any size, down to a byte, finds what one
    /// scan finds: each piece stops looking at the end of its last line.
    #[test]
    fn pieces_find_what_one_scan_finds(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "July", "4", "4,", "2025", "on", "Thursday", "last", "year",
                "the", "3rd", "of", "May", "-", "12/05", "2024.", "two",
                "weeks", "ago", "\n", "\n\n", " \n", "to", "\u{a0}",
            ]),
            0..60,
        ),
        piece in 1usize..40,
    ) {
        let text = words.join(" ");
        let source = Source::new(
            SourceId(0),
            "t".into(),
            text.clone(),
            SourceMeta::default(),
            DateOrder::Mdy,
            None,
        );
        let spans = |found: Vec<Found>| -> Vec<_> {
            found.into_iter().map(|f| (f.range, format!("{:?}", f.expr))).collect()
        };
        let whole = spans(scan_from(&text, &source, 0, text.len()).0);
        let pieces = spans(crate::extract::pieces::in_pieces(&text, piece, |from, stop| {
            scan_from(&text, &source, from, stop)
        }));
        proptest::prop_assert_eq!(pieces, whole);
    }
}
