//! Number claims: figures with their qualifiers kept as bounds ("over 130"
//! is `>130`, "around 15,000" is `~15000`), their unit, and what they count
//! ("people killed").
//!
//! A number that is part of a date claim (the year in "April 2025") is the
//! date's, not a number claim.

mod reading;
mod token;

use std::ops::Range;

use reading::Reader;
use token::{Kind, Token};

use super::{Claim, ClaimKind, ClaimValue};
use crate::source::{Source, Span};

/// Nouns that say what a figure counts.
const COUNTED: &[&str] = &[
    "people",
    "persons",
    "person",
    "civilians",
    "soldiers",
    "troops",
    "servicemen",
    "children",
    "adults",
    "workers",
    "employees",
    "staff",
    "residents",
    "inhabitants",
    "passengers",
    "crew",
    "migrants",
    "refugees",
    "protesters",
    "demonstrators",
    "fighters",
    "militants",
    "rebels",
    "insurgents",
    "police",
    "policemen",
    "officers",
    "students",
    "pupils",
    "patients",
    "victims",
    "men",
    "women",
    "others",
    "deaths",
    "dead",
    "casualties",
    "bodies",
    "survivors",
    "hostages",
    "prisoners",
    "detainees",
    "families",
    "households",
    "homes",
    "houses",
    "buildings",
    "villages",
    "vehicles",
    "cars",
    "aircraft",
    "planes",
    "ships",
    "boats",
    "tanks",
    "drones",
    "missiles",
    "rockets",
    "votes",
    "voters",
    "seats",
    "jobs",
    "cases",
    "infections",
    "doctors",
    "nurses",
    "journalists",
    "members",
    "miners",
    "pilgrims",
    "tourists",
    "visitors",
    "spectators",
    "fans",
    "guests",
    "individuals",
    "citizens",
    "nationals",
    "foreigners",
];

/// The events a count can belong to, and the words that name them.
const EVENTS: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "kill",
            "kills",
            "killed",
            "killing",
            "killings",
            "dead",
            "death",
            "deaths",
            "died",
            "die",
            "dies",
            "dying",
            "fatalities",
            "fatality",
            "perished",
            "lives",
            "slain",
            "murdered",
            "massacred",
        ],
    ),
    (
        "injured",
        &[
            "injured",
            "injuring",
            "injure",
            "injures",
            "injuries",
            "injury",
            "wounded",
            "wounding",
            "wounds",
            "hurt",
            "hospitalised",
            "hospitalized",
        ],
    ),
    ("missing", &["missing", "unaccounted"]),
    (
        "arrested",
        &[
            "arrested",
            "arrest",
            "arrests",
            "arresting",
            "detained",
            "detaining",
            "detention",
        ],
    ),
    (
        "evacuated",
        &[
            "evacuated",
            "evacuating",
            "evacuation",
            "evacuate",
            "displaced",
            "displacing",
            "fled",
        ],
    ),
];

/// The events a number rule can ask for (`event = "killed"`).
pub const EVENT_NAMES: &[&str] = &["killed", "injured", "missing", "arrested", "evacuated"];

/// Words that open another clause: an event word beyond them is about
/// another figure ("100 people were working inside when the blast injured
/// 80").
const CLAUSE_BREAKS: &[&str] = &[
    "when", "while", "as", "after", "before", "but", "and", "whereas", "although", "though",
    "because", "since", "until", "which", "who", "where", "with", "whom", "whose",
];

const CLAUSE_MARKS: &[&str] = &[
    ";", ":", ".", ",", "(", ")", "!", "?", "—", "\"", "“", "”", "[", "]",
];

/// How far, in words, an event may stand from its figure.
const EVENT_REACH: usize = 10;

/// Appends the source's number claims to `out`, skipping figures that
/// overlap `dates` (the year of "April 2025" is the date's).
pub fn extract(source: &Source, dates: &[Claim], out: &mut Vec<Claim>) {
    let text = &source.text;
    let tokens = token::tokens(text);
    let reader = Reader {
        text,
        tokens: &tokens,
    };
    let in_date = |range: &Range<usize>| {
        dates
            .iter()
            .any(|d| d.span.range.start < range.end && range.start < d.span.range.end)
    };
    let mut i = 0;
    while i < tokens.len() {
        let Some(reading) = reader.read(i) else {
            i += 1;
            continue;
        };
        let range = tokens[reading.first].start..tokens[reading.end - 1].end;
        if reading.end <= i || in_date(&range) {
            i += 1;
            continue;
        }
        let mut value = reading.value;
        let noun = counted_noun(&tokens, reading.end);
        let event = event_near(&tokens, reading.first, reading.end);
        value.counted = match (&noun, &event) {
            (Some(n), Some(e)) => Some(format!("{n} {e}")),
            (Some(n), None) => Some(n.clone()),
            (None, Some(e)) => Some(e.to_string()),
            (None, None) => None,
        };
        value.noun = noun;
        value.event = event.map(str::to_string);
        out.push(Claim {
            kind: ClaimKind::Number,
            span: Span {
                source: source.id,
                range,
            },
            value: ClaimValue::Number(value),
            warning: None,
            fact: None,
            subject: None,
        });
        i = reading.end;
    }
}

/// The noun a figure counts: within three words after it ("15,000 Soviet
/// soldiers"), or the plural right after it ("1,200 homes").
fn counted_noun(tokens: &[Token], end: usize) -> Option<String> {
    let words = tokens[end..]
        .iter()
        .take_while(|t| t.kind == Kind::Word || t.is_mark(&["-", "’", "'"]))
        .filter(|t| t.kind == Kind::Word)
        .take(3);
    let mut first = None;
    for (n, t) in words.enumerate() {
        if COUNTED.contains(&t.lower.as_str()) {
            return Some(t.lower.clone());
        }
        if n == 0 {
            first = Some(t);
        }
        if [
            "of", "in", "at", "on", "were", "was", "are", "is", "had", "have", "has",
        ]
        .contains(&t.lower.as_str())
        {
            break;
        }
    }
    let t = first?;
    let plural = t.lower.len() > 3
        && t.lower.ends_with('s')
        && !t.lower.ends_with("ss")
        && t.text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase());
    plural.then(|| t.lower.clone())
}

fn event_of(t: &Token) -> Option<&'static str> {
    if t.kind != Kind::Word {
        return None;
    }
    EVENTS
        .iter()
        .find(|(_, words)| words.contains(&t.lower.as_str()))
        .map(|(event, _)| *event)
}

fn breaks_clause(t: &Token) -> bool {
    (t.kind == Kind::Word && CLAUSE_BREAKS.contains(&t.lower.as_str())) || t.is_mark(CLAUSE_MARKS)
}

/// The event nearest the figure in its clause, looking a few words either
/// side: "killing over 130 people", "80 people were injured".
fn event_near(tokens: &[Token], first: usize, end: usize) -> Option<&'static str> {
    let mut left = None;
    let mut words = 0;
    for t in tokens[..first].iter().rev() {
        if breaks_clause(t) || words >= EVENT_REACH {
            break;
        }
        if let Some(e) = event_of(t) {
            left = Some((words, e));
            break;
        }
        words += usize::from(t.kind == Kind::Word);
    }
    let mut right = None;
    let mut words = 0;
    for t in &tokens[end..] {
        if breaks_clause(t) || words >= EVENT_REACH {
            break;
        }
        if let Some(e) = event_of(t) {
            right = Some((words, e));
            break;
        }
        words += usize::from(t.kind == Kind::Word);
    }
    match (left, right) {
        (Some((l, a)), Some((r, b))) => Some(if l <= r { a } else { b }),
        (Some((_, a)), None) | (None, Some((_, a))) => Some(a),
        (None, None) => None,
    }
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
