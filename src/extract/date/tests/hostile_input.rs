use super::super::*;
use crate::source::{DateBasis, DateOrder, DocumentDate, SourceId, SourceMeta};
use jiff::civil::Date;

#[test]
fn nothing_in_the_text_or_the_document_date_makes_it_panic() {
    let texts = [
        "",
        "“On Thursday,” she said — “we’ll meet next Tuesday… or in 2 weeks’ time.”",
        "9999-12-31 0001-01-01 2199/13/45 31/31/2025 00/00/00 2/29 Feb 29 Feb 30, 2023",
        "in 999 decades, 999 years ago, 999 business days later, 60 Sundays from now",
        "at the end of this weekend, the middle of next weekend, early 1000, late 2199",
        "the year after next, Q4 2199, winter 1000, Easter 2199, the 5th Sunday of February",
        "from 2199 to 1000, between December and January, 31 and 30 June, July 31-1",
        "ВТОРНИК 4 июля 2025 — 四月 — 🗓 July\u{a0}4,\u{a0}2025 — l’été 2024 — summer’s end",
        "on 15. on 31! the 31st of this month, the thirty-first day of the month.",
        "nineteen hundred and ninety nine; two thousand and ninety nine; seventeen oh nine",
        "44 BC, 0 BC, 0 AD, AD 0, 99999 BC, 99,999 BC, 1,000 BC, 5,000, 000 BC, B.C.E. 4",
        "March 0000, 0000-00-00, 1/1/0000, May 5, 999999 BC, July 1-5, 0000, from May 3 to 4 June 10000",
    ];
    for doc in [
        None,
        Some(Date::MIN),
        Some(Date::MAX),
        Some(jiff::civil::date(2024, 2, 29)),
    ] {
        for text in texts {
            for order in [DateOrder::Mdy, DateOrder::Dmy] {
                let source = Source::new(
                    SourceId(0),
                    "t".into(),
                    text.into(),
                    SourceMeta::default(),
                    order,
                    doc.map(|d| DocumentDate::given(d, DateBasis::Manifest)),
                );
                let mut out = Vec::new();
                extract(&source, &mut out);
                for claim in &out {
                    assert!(source.text.get(claim.span.range.clone()).is_some());
                    // A claim the text makes is never a set of no days.
                    if let ClaimValue::Date(value) = &claim.value {
                        let no_days = value.set.is_empty() && claim.warning.is_none();
                        assert!(!no_days, "{text}: {:?}", claim);
                    }
                }
            }
        }
    }
}
