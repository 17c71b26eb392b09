use super::event::EVENTS;

use super::*;

proptest::proptest! {
    /// A run of digits found as one anchor makes the windows its
    /// digits make one by one, runs longer than a window included.
    #[test]
    fn digit_runs_window_as_their_digits(text in "([0-9]{1,300}|[ a.\n]{1,30}){0,6}") {
        let runs: Vec<Range<usize>> = crate::extract::Anchors::find(&text).numbers;
        let digits: Vec<Range<usize>> = text
            .bytes()
            .enumerate()
            .filter(|(_, b)| b.is_ascii_digit())
            .map(|(i, _)| i..i + 1)
            .collect();
        proptest::prop_assert_eq!(windows(&text, &runs), windows(&text, &digits));
    }
}
use crate::source::{DateOrder, SourceId, SourceMeta};

fn numbers(text: &str) -> Vec<(String, Option<String>)> {
    let source = Source::new(
        SourceId(0),
        "t".into(),
        text.into(),
        SourceMeta::default(),
        DateOrder::Mdy,
        None,
    );
    let claims = crate::extract::extract(&source);
    claims
        .into_iter()
        .filter_map(|c| match c.value {
            ClaimValue::Number(n) => Some((n.notation(), n.counted)),
            _ => None,
        })
        .collect()
}

#[test]
fn qualifiers_become_bounds_and_counted_nouns_are_kept() {
    assert_eq!(
        numbers("an attack at the hall, killing over 130 people."),
        [(">130".to_string(), Some("people killed".to_string()))]
    );
    assert_eq!(
        numbers("claiming the lives of around 15,000 Soviet soldiers and"),
        [("~15000".to_string(), Some("soldiers killed".to_string()))]
    );
}

/// "31, 000" is copy rebuilt from tokens; ", " between small figures
/// is also a list, a day and its year's neighbour, or a height.
#[test]
fn comma_spaced_thousands_are_one_figure_and_lists_are_not() {
    let figures =
        |text: &str| -> Vec<String> { numbers(text).into_iter().map(|(n, _)| n).collect() };
    for (text, want) in [
        ("killed 31, 000 people", &["31000"][..]),
        ("a town of 2, 500, 000", &["2500000"]),
        ("In 2031, 26, 000 fled", &["26000"]),
        ("between 1, 200 and 1, 500 fled", &["1200..1500"]),
        ("it is $1, 199 and $1, 499", &["1199", "1499"]),
        ("the 15, 800-square-metre hall", &["15800"]),
        ("about 1, 400.", &["~1400"]),
        ("rooms 12, 104 and 220", &["12", "104", "220"]),
        ("rooms 12, 104, and 220", &["12", "104", "220"]),
        ("wards 3, 115, 27 flooded", &["3", "115", "27"]),
        ("wards 3, 12, 104 flooded", &["3", "12", "104"]),
        ("he is 5-foot-8, 135 pounds", &["5", "135"]),
        ("on May 12, 104 people fled", &["104"]),
        ("code 0, 123 here", &["0", "123"]),
        ("it took 12, 1040 days", &["12", "1040"]),
        ("12,\n104 came", &["12", "104"]),
        ("12,  104 came", &["12", "104"]),
        ("1, 234, 567", &["1", "234", "567"]),
        ("(1, 234)", &["1", "234"]),
    ] {
        assert_eq!(figures(text), want, "{text:?}");
    }
}

/// Each text holds one figure: (text, its notation, its unit).
#[test]
fn english_figures_are_read_with_their_bounds_and_units() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("it cost 15,000 a year", "15000", None),
        ("a budget of $48.2 million was set", "48200000", Some("USD")),
        ("1.5 million tonnes", "1500000", Some("t")),
        ("turnout was 12%", "12", Some("%")),
        ("turnout was 12 per cent", "12", Some("%")),
        ("fifteen thousand marched", "15000", None),
        ("a hundred thirty came", "130", None),
        ("one hundred and two", "102", None),
        ("twenty-one trillion three hundred", "21000000000300", None),
        ("dozens were hurt", ">=24", None),
        ("hundreds of thousands fled", ">=200000", None),
        ("billions were spent", ">=2000000000", None),
        ("between 130 and 140 died", "130..140", None),
        ("130-140 died", "130..140", None),
        ("1.5 to 2 million", "1500000..2000000", None),
        ("up to 150 died", "<=150", None),
        ("over 130 died", ">130", None),
        ("more than 130 died", ">130", None),
        ("at least 130 died", ">=130", None),
        ("under 130 died", "<130", None),
        ("fewer than a thousand", "<1000", None),
        ("at most 130 died", "<=130", None),
        ("around 15,000 died", "~15000", None),
        ("nearly 15,000 died", "~15000", None),
        ("an estimated 15,000 died", "~15000", None),
        ("500 or more", ">=500", None),
        ("two thirds of voters", "0.6666666666666666", None),
        ("two and a half miles", "2.5", Some("mi")),
        ("3 million and a half", "3500000", None),
        ("a 2 1/2 in gap", "2.5", None),
        ("the 27-kilometer ring", "27", Some("km")),
        ("a factor of 2.48×10−5 in all", "0.0000248", None),
        ("6.23x10^-4", "0.000623", None),
        ("violet light at 4e14 hertz", "400000000000000", None),
        ("I have €10M saved", "10000000", Some("EUR")),
        ("sales of 10k", "10000", None),
        ("minus five percent", "-5", Some("%")),
        ("a 2,600-metre tunnel", "2600", Some("m")),
        ("it weighs 10kg", "10", Some("kg")),
        ("it reached 45C", "45", Some("°C")),
        ("how about 20 of them", "20", None),
        ("a budget of 3.2 trillion yen", "3200000000000", Some("JPY")),
        ("278,000 t valued 10 000 dollars", "278000", Some("t")),
        ("half a dozen", "6", None),
        ("two hundred point zero three", "200.03", None),
    ];
    for (text, value, unit) in cases {
        let source = Source::new(
            SourceId(0),
            "t".into(),
            (*text).into(),
            SourceMeta::default(),
            DateOrder::Mdy,
            None,
        );
        let got: Vec<(String, Option<String>)> = crate::extract::extract(&source)
            .into_iter()
            .filter_map(|c| match c.value {
                ClaimValue::Number(n) => Some((n.notation(), n.unit)),
                _ => None,
            })
            .collect();
        assert_eq!(
            got.first(),
            Some(&(value.to_string(), unit.map(str::to_string))),
            "{text:?} gave {got:?}"
        );
    }
}

#[test]
fn digits_in_web_addresses_are_not_figures() {
    assert!(numbers("see https://example.com/search?q=30%25%2020% now").is_empty());
    assert_eq!(numbers("see www.example.com/2 and 3 more").len(), 1);
}

#[test]
fn codes_ordinals_and_phone_numbers_are_not_figures() {
    assert!(numbers("the F-16 and the 4th of the J1149 series").is_empty());
    assert_eq!(numbers("rose from 137 to 143").len(), 2);
    assert!(numbers("the page was stamped 2:31 PM").is_empty());
    assert!(numbers("it hit at 3.15am, and again at 9 p.m.").is_empty());
    let open: Vec<String> = numbers("open 24/7").into_iter().map(|n| n.0).collect();
    assert_eq!(open, ["24", "7"]);
}

#[test]
fn what_is_counted_stays_in_its_clause() {
    assert_eq!(
        numbers("About 100 people were working inside when the blast injured 80 people."),
        [
            ("~100".to_string(), Some("people".to_string())),
            ("80".to_string(), Some("people injured".to_string()))
        ]
    );
    assert_eq!(
        numbers("The explosion killed 12 people and injured 80 others."),
        [
            ("12".to_string(), Some("people killed".to_string())),
            ("80".to_string(), Some("others injured".to_string()))
        ]
    );
    assert_eq!(
        numbers("A 42-year-old man was killed."),
        [("42".to_string(), Some("killed".to_string()))],
        "an age counts no one"
    );
    assert_eq!(
        numbers("The toll rose from 137 to 143."),
        [
            ("137".to_string(), Some("killed".to_string())),
            ("143".to_string(), Some("killed".to_string()))
        ]
    );
    assert_eq!(
        numbers("The death toll stands at 42."),
        [("42".to_string(), Some("killed".to_string()))]
    );
}

#[test]
fn an_aside_between_commas_does_not_hide_the_event() {
    assert_eq!(
        numbers("In all, 130 people, including 12 children, were killed.")[0],
        ("130".to_string(), Some("people killed".to_string()))
    );
    assert_eq!(
        numbers("100 people were inside, the blast injured 80.")[0],
        ("100".to_string(), Some("people".to_string()))
    );
}

#[test]
fn every_event_can_be_asked_for_by_a_rule() {
    let names: Vec<&str> = EVENTS.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, EVENT_NAMES);
}

#[test]
fn years_inside_dates_are_not_numbers() {
    assert!(numbers("in December 1979 and in 1989").is_empty());
}
