//! Number claims: figures with their qualifiers kept as bounds ("over 130"
//! is `>130`, "around 15,000" is `~15000`), their unit, and what they count
//! ("people killed").
//!
//! A number that is part of a date claim (the year in "April 2025") is the
//! date's, not a number claim.

use std::sync::LazyLock;

use regex::Regex;

use super::{Claim, ClaimKind, ClaimValue};
use crate::source::{Source, Span};
use crate::value::number::{NumberValue, Qualifier};

static NUMBERS: LazyLock<Regex> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let s = r"[\ \t\u{a0}]+";
    Regex::new(&format!(
        r"(?xi)
        (?:(?P<qual>more{s}than|over|at{s}least|fewer{s}than|less{s}than|under|up{s}to|at{s}most|around|about|nearly|almost|some|roughly|approximately|an{s}estimated|estimated|close{s}to){s})?
        (?:
            (?P<range>(?P<lo>[0-9][0-9,]*(?:\.[0-9]+)?){s}?(?:-|–|to|and){s}?(?P<hi>[0-9][0-9,]*(?:\.[0-9]+)?))
          | (?P<currency>[$£€])?(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?){b}
            (?:{s}?(?P<scale>million|billion|trillion|thousand|hundred|m|bn){b})?
            (?P<percent>{s}?(?:%|percent|per{s}cent))?
          | {b}(?P<vague>dozens|hundreds|thousands|millions|billions|scores){b}
        )"
    ))
    .expect("number pattern is valid")
});

/// Counted nouns and the events they are counted for, within a few words.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[\ \t\u{a0}]+(?:[A-Za-z’'-]+))??[\ \t\u{a0}]+(?P<noun>people|persons|civilians|soldiers|troops|children|workers|residents|passengers|migrants|protesters|fighters|police(?:men)?|officers|students|patients|victims|men|women|deaths|dead|casualties)(?-u:\b)")
        .expect("counted pattern is valid")
});

static EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<killed>kill|dead|death|die|died|lives|fatalit|perish)|(?P<injured>injur|wound|hurt)|(?P<missing>missing)|(?P<arrested>arrest|detain)|(?P<evacuated>evacuat|displac)")
        .expect("event pattern is valid")
});

/// Appends the source's number claims to `out`, skipping digits that
/// belong to `dates`.
pub fn extract(source: &Source, dates: &[Claim], out: &mut Vec<Claim>) {
    let text = &source.text;
    for caps in NUMBERS.captures_iter(text) {
        let whole = caps.get(0).expect("group 0 always matches");
        let inside_date = dates
            .iter()
            .any(|d| d.span.range.start < whole.end() && whole.start() < d.span.range.end);
        if inside_date {
            continue;
        }
        // Digits glued to letters or other digits are codes, not figures.
        if text[..whole.start()].ends_with(|c: char| c.is_ascii_alphanumeric()) {
            continue;
        }
        let Some(mut value) = parse(&caps) else {
            continue;
        };
        let sentence_tail = &text[whole.end()
            ..text[whole.end()..]
                .find(['.', '\n', ';'])
                .map_or(text.len(), |i| whole.end() + i)];
        if let Some(c) = COUNTED.captures(sentence_tail) {
            let noun = c["noun"].to_ascii_lowercase();
            let context =
                &text[sentence_start(text, whole.start())..whole.end() + sentence_tail.len()];
            let event = EVENT.captures(context).map(|e| {
                ["killed", "injured", "missing", "arrested", "evacuated"]
                    .into_iter()
                    .find(|n| e.name(n).is_some())
                    .unwrap_or("")
            });
            value.counted = Some(match event {
                Some(ev) if !ev.is_empty() => format!("{noun} {ev}"),
                _ => noun,
            });
        }
        out.push(Claim {
            kind: ClaimKind::Number,
            span: Span {
                source: source.id,
                range: whole.range(),
            },
            value: ClaimValue::Number(value),
            warning: None,
            fact: None,
            subject: None,
        });
    }
}

fn sentence_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['.', '\n']).map_or(0, |i| i + 1)
}

fn figure(s: &str) -> Option<f64> {
    let cleaned: String = s.chars().filter(|&c| c != ',').collect();
    let n: f64 = cleaned.parse().ok()?;
    n.is_finite().then_some(n)
}

fn parse(caps: &regex::Captures) -> Option<NumberValue> {
    let qualifier = match caps
        .name("qual")
        .map(|q| {
            q.as_str()
                .to_ascii_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .as_deref()
    {
        Some("more than" | "over") => Qualifier::Above,
        Some("at least") => Qualifier::AtLeast,
        Some("fewer than" | "less than" | "under") => Qualifier::Below,
        Some("up to" | "at most") => Qualifier::AtMost,
        Some(_) => Qualifier::About,
        None => Qualifier::Exact,
    };
    if caps.name("range").is_some() {
        let lo = figure(caps.name("lo")?.as_str())?;
        let hi = figure(caps.name("hi")?.as_str())?;
        if hi <= lo {
            return None;
        }
        return Some(NumberValue {
            qualifier: Qualifier::Range,
            number: lo,
            upper: Some(hi),
            unit: None,
            counted: None,
        });
    }
    if let Some(v) = caps.name("vague") {
        // "dozens" is at least 24, "hundreds" at least 200, and so on.
        let floor = match v.as_str().to_ascii_lowercase().as_str() {
            "dozens" => 24.0,
            "scores" => 40.0,
            "hundreds" => 200.0,
            "thousands" => 2000.0,
            "millions" => 2e6,
            _ => 2e9,
        };
        return Some(NumberValue {
            qualifier: Qualifier::AtLeast,
            number: floor,
            upper: None,
            unit: None,
            counted: None,
        });
    }
    let mut n = figure(caps.name("num")?.as_str())?;
    if let Some(scale) = caps.name("scale") {
        n *= match scale.as_str().to_ascii_lowercase().as_str() {
            "hundred" => 1e2,
            "thousand" => 1e3,
            "million" | "m" => 1e6,
            "billion" | "bn" => 1e9,
            _ => 1e12,
        };
    }
    let unit = if caps.name("percent").is_some() {
        Some("%".to_string())
    } else {
        caps.name("currency").map(|c| {
            match c.as_str() {
                "$" => "USD",
                "£" => "GBP",
                _ => "EUR",
            }
            .to_string()
        })
    };
    Some(NumberValue {
        qualifier,
        number: n,
        upper: None,
        unit,
        counted: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn years_inside_dates_are_not_numbers() {
        assert!(numbers("in December 1979 and in 1989").is_empty());
    }
}
