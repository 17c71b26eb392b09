//! The event a count belongs to ("killed", "injured", ...): the event word
//! nearest the figure in its clause, a toll phrase before it, or the
//! passive verb its subject takes further on; and the event words that
//! are denied, alleged or about other people.

use std::ops::Range;

use super::token::{Kind, Token};

/// The events a count can belong to, and the words that name them.
pub(super) const EVENTS: &[(&str, &[&str])] = &[
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
            "gunned",
            "murdered",
            "murder",
            "murders",
            "murdering",
            "slaying",
            "slayings",
            "bodies",
            "massacred",
            "toll",
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
            "custody",
            "captured",
            "capturing",
            "captures",
            "capture",
            "nabbed",
            "nabs",
            "seized",
            "apprehended",
            "apprehending",
            "charged",
            "jailed",
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

pub(super) const CLAUSE_MARKS: &[&str] = &[
    ";", ":", ".", ",", "(", ")", "!", "?", "—", "\"", "“", "”", "[", "]",
];

/// Words that open an aside between commas after a figure.
const ASIDES: &[&str] = &[
    "including",
    "among",
    "mostly",
    "mainly",
    "most",
    "many",
    "some",
    "all",
    "both",
];

/// How far, in words, an event may stand from its figure.
const EVENT_REACH: usize = 10;

/// The event nearest the figure in its clause, looking a few words either
/// side: "killing over 130 people", "80 people were injured".
///
/// Also returns the byte range looked in, for rules that name their event
/// with a pattern ("rescued") rather than a built-in event.
pub(super) fn event_near(
    tokens: &[Token],
    first: usize,
    end: usize,
) -> (Option<&'static str>, Range<usize>) {
    let mut reach = tokens.get(first).map_or(0, |t| t.start)
        ..tokens.get(end.saturating_sub(1)).map_or(0, |t| t.end);
    let mut left = None;
    let mut words = 0;
    for (k, t) in tokens[..first].iter().enumerate().rev() {
        if breaks_clause(t) || words >= EVENT_REACH {
            break;
        }
        reach.start = t.start;
        if let Some(e) = event_of(t).filter(|_| !alleges(tokens, k)) {
            left = left.or(Some((words, e)));
        }
        words += usize::from(t.kind == Kind::Word);
    }
    let mut right = None;
    let mut words = 0;
    let mut aside = false;
    for (k, t) in tokens.iter().enumerate().skip(end) {
        // "130 people, including 12 children, were killed": the aside
        // between commas belongs to the clause it interrupts.
        if t.is_mark(&[","]) {
            let opens_aside = tokens
                .get(k + 1)
                .is_some_and(|n| n.kind == Kind::Word && ASIDES.contains(&n.lower));
            if aside || opens_aside {
                aside = !aside;
                continue;
            }
        }
        if aside {
            continue;
        }
        // "The six workers who died": a relative clause on the counted
        // noun names what happened to them.
        let relative = words <= 3
            && t.kind == Kind::Word
            && matches!(t.lower, "who" | "that")
            && tokens.get(k + 1).is_some_and(|n| event_of(n).is_some());
        if !relative && (breaks_clause(t) || words >= EVENT_REACH) {
            break;
        }
        reach.end = t.end;
        let denied = mourns_the_dead(tokens, k) || negated(tokens, k) || alleges(tokens, k);
        if let Some(e) = event_of(t).filter(|_| !denied) {
            right = right.or(Some((words, e)));
        }
        words += usize::from(t.kind == Kind::Word);
    }
    let event = match (left, right) {
        (Some((l, a)), Some((r, b))) => Some(if l <= r { a } else { b }),
        (Some((_, a)), None) | (None, Some((_, a))) => Some(a),
        (None, None) => None,
    };
    (event, reach)
}

pub(super) fn event_of(t: &Token) -> Option<&'static str> {
    if t.kind != Kind::Word {
        return None;
    }
    EVENTS
        .iter()
        .find(|(_, words)| words.contains(&t.lower))
        .map(|(event, _)| *event)
}

/// "Prosecutors charged that he assaulted two girls": "charged that"
/// alleges; nobody was charged by it.
fn alleges(tokens: &[Token], k: usize) -> bool {
    matches!(
        tokens[k].lower,
        "charged" | "charges" | "charge" | "charging"
    ) && tokens
        .get(k + 1)
        .is_some_and(|t| t.kind == Kind::Word && t.lower == "that")
}

/// "Thousands of marchers mourned the dead": "the dead" as the object of
/// another verb names people the figure's subject acted on, not the
/// figure's own people. "12 were among the dead" still counts them.
fn mourns_the_dead(tokens: &[Token], k: usize) -> bool {
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower)
    };
    k >= 2
        && word(k) == Some("dead")
        && word(k - 1) == Some("the")
        && word(k - 2).is_some_and(|verb| {
            !matches!(
                verb,
                "among"
                    | "of"
                    | "are"
                    | "were"
                    | "is"
                    | "was"
                    | "include"
                    | "includes"
                    | "included"
                    | "including"
                    | "joined"
                    | "join"
                    | "and"
            ) && event_of(&tokens[k - 2]).is_none()
        })
}

fn breaks_clause(t: &Token) -> bool {
    (t.kind == Kind::Word && CLAUSE_BREAKS.contains(&t.lower)) || t.is_mark(CLAUSE_MARKS)
}

/// "were not hurt", "was never found", "nearly killed": the event word at
/// `k` is denied, so what it counts did not happen.
fn negated(tokens: &[Token], k: usize) -> bool {
    // "two nearly killed": they lived.
    let nearly = k > 0
        && tokens[k - 1].kind == Kind::Word
        && matches!(tokens[k - 1].lower, "nearly" | "almost" | "narrowly");
    // Words are letters only, so "wasn't" is "wasn", "'", "t".
    let from = k.saturating_sub(3);
    nearly
        || (from..k).any(|i| {
            let t = &tokens[i];
            t.kind == Kind::Word
                && (matches!(t.lower, "not" | "never")
                    || (t.lower == "t" && i > 0 && tokens[i - 1].is_mark(&["'", "’"])))
        })
}

/// "The death toll from the collapse of the old factory has risen to
/// 143": the figure a toll phrase names, however long the phrase. The
/// figure must follow a verb or preposition that states the toll, and no
/// other figure or clause mark may stand between it and "toll".
pub(super) fn toll_before(tokens: &[Token], first: usize) -> Option<&'static str> {
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower)
    };
    let link = first.checked_sub(1).and_then(word)?;
    let states = matches!(
        link,
        "to" | "at" | "reached" | "hit" | "is" | "was" | "stood" | "stands" | "of"
    );
    if !states {
        return None;
    }
    for t in tokens[..first - 1].iter().rev().take(30) {
        if t.kind == Kind::Numeral || t.is_mark(&[";", ".", "!", "?", "(", ")", "—"]) {
            return None;
        }
        if t.kind == Kind::Word && t.lower == "toll" {
            return Some("killed");
        }
    }
    None
}

/// The event of a figure that opens its clause as the subject of a
/// passive verb further on: "Two leaders of the river valley cooperative
/// in Eastvale, Ontario, have been arrested", "Three people, one of them a
/// pregnant woman, were killed", "... and two managers, Tomas Brell and
/// Ines Dorn, were wounded". The noun phrase between may be long
/// and hold commas, so [`event_near`]'s clause does not reach; the verb
/// ("were", "have been") plus the event word says whose event it is.
pub(super) fn predicate_of_subject(
    tokens: &[Token],
    first: usize,
    end: usize,
) -> Option<&'static str> {
    let opens = match first.checked_sub(1).map(|i| &tokens[i]) {
        None => true,
        Some(t) => {
            t.is_mark(&[".", "!", "?", ";", "—"]) || (t.kind == Kind::Word && t.lower == "and")
        }
    };
    if !opens {
        return None;
    }
    const STOPS: &[&str] = &[
        "when",
        "while",
        "after",
        "before",
        "but",
        "because",
        "since",
        "although",
        "though",
        "if",
        "said",
        "says",
        "told",
        "say",
        "according",
        "that",
        "which",
        "who",
    ];
    let mut k = end;
    while let Some(t) = tokens.get(k).filter(|_| k < end + 30) {
        if t.is_mark(&[".", ";", ":", "!", "?", "(", ")"]) || t.kind == Kind::Numeral {
            return None;
        }
        if t.kind == Kind::Word {
            if STOPS.contains(&t.lower) {
                return None;
            }
            if matches!(t.lower, "were" | "was" | "are" | "is" | "been") {
                // "were arrested", "have been fatally shot and killed"
                let next = tokens[k + 1..]
                    .iter()
                    .take(3)
                    .take_while(|n| n.kind == Kind::Word && !matches!(n.lower, "not" | "never"))
                    .find_map(event_of);
                return next;
            }
        }
        k += 1;
    }
    None
}
