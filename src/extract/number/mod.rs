//! Number claims: figures with their qualifiers kept as bounds ("over 130"
//! is `>130`, "around 15,000" is `~15000`), their unit, and what they count
//! ("people killed").
//!
//! A number that is part of a date claim (the year in "April 2025") is the
//! date's, not a number claim.

mod reading;
mod token;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

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
    "man",
    "woman",
    "child",
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

/// Singular things a figure may count, so that "one count of attempted
/// murder" or "one charge" is not read as one person.
const THINGS: &[&str] = &[
    "count", "charge", "shot", "round", "bullet", "vehicle", "car", "home", "house", "building",
    "bomb", "shell", "rocket", "game", "goal", "point", "run", "time", "year", "day", "week",
];

/// The last word of a street's name: the figure before it is a house
/// number.
const STREETS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "drive",
    "way",
    "place",
    "court",
    "terrace",
    "highway",
    "route",
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

const CLAUSE_MARKS: &[&str] = &[
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

/// Web addresses and e-mail: digits there are not figures.
static WEB_ADDRESSES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.)[^\s<>\x22]+").expect("address pattern is valid")
});

/// E-mail addresses: searched only in texts with an `@`, since the
/// pattern has no literal start to skip ahead to.
static EMAIL_ADDRESSES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").expect("address pattern is valid")
});

/// Appends the source's number claims to `out`, skipping figures that
/// overlap `dates` (the year of "April 2025" is the date's). `anchors`
/// are the source's number anchors ([`super::Anchors::numbers`]).
pub fn extract(
    source: &Source,
    mut dates: Vec<Range<usize>>,
    anchors: &[Range<usize>],
    out: &mut Vec<Claim>,
) {
    let text = &source.text;
    let mut addresses: Vec<Range<usize>> =
        WEB_ADDRESSES.find_iter(text).map(|m| m.range()).collect();
    if text.contains('@') {
        addresses.extend(EMAIL_ADDRESSES.find_iter(text).map(|m| m.range()));
        addresses.sort_by_key(|r| r.start);
    }
    dates.sort_by_key(|r| r.start);
    let blocked = Blocked {
        dates: &dates,
        addresses: &addresses,
    };
    // Reading every word of a long text is the slow part; a figure needs
    // a digit or a number word, so only the stretches around those are
    // tokenised and read.
    for window in windows(text, anchors) {
        extract_window(source, window, &blocked, out);
    }
}

/// Byte ranges that hold no figure: dates and web addresses, sorted.
struct Blocked<'a> {
    dates: &'a [Range<usize>],
    addresses: &'a [Range<usize>],
}

impl Blocked<'_> {
    fn overlaps(&self, range: &Range<usize>) -> bool {
        [self.dates, self.addresses].iter().any(|list| {
            // The first range that ends after `range` starts is the only
            // candidate among sorted, mostly disjoint ranges; look at a few.
            let from = list.partition_point(|d| d.end <= range.start);
            list[from..]
                .iter()
                .take_while(|d| d.start < range.end)
                .any(|d| d.start < range.end && range.start < d.end)
        })
    }
}

/// A digit, a fraction character or a number word: where a figure can be.
/// Found with the other anchors, in [`super::Anchors`].
pub(super) const ANCHOR_PATTERN: &str = r"[0-9]+|(?u:[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])|\b(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|lakhs?|millions?|mn|mln|mil|crores?|billions?|bn|bln|trillions?|tn|tln|dozens?|dz|dzs|doz|dozs|tens|scores|halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?)\b|\bno[\s-]+(?:injuries|deaths|casualties|fatalities|reports)\b|\bnobody\b|\bboth\b";

/// How far before an anchor qualifiers and ranges may start ("an
/// estimated", "between ... and"), and how far after it units, counted
/// nouns and events may lie.
const WINDOW_BACK: usize = 160;
const WINDOW_ON: usize = 240;

/// Merged stretches of `text` around every anchor, cut at sentence ends
/// where there is one in reach, else at white space.
fn windows(text: &str, anchors: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut covered = 0;
    for m in anchors {
        // A run of digits is found as one anchor, but each digit anchors
        // a window of its own where no window covers it yet (a run longer
        // than a window).
        let digits = text.as_bytes().get(m.start).is_some_and(u8::is_ascii_digit);
        let mut at = m.start.max(covered);
        while at < m.end && (at == m.start || digits) {
            let anchor_end = if digits { at + 1 } else { m.end };
            let start = window_start(text, at);
            let end = window_end(text, anchor_end);
            match out.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => out.push(start..end),
            }
            covered = end;
            at = (at + 1).max(covered);
        }
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn window_start(text: &str, at: usize) -> usize {
    let reach = floor_boundary(text, at.saturating_sub(WINDOW_BACK));
    let before = &text[reach..at];
    if let Some(i) = before.rfind(['\n', '\r']) {
        return reach + i + 1;
    }
    if let Some(i) = before.rfind(". ") {
        return reach + i + 2;
    }
    if reach == 0 {
        return 0;
    }
    // Start after a space, so no token is cut.
    before.find([' ', '\t']).map_or(at, |i| reach + i + 1)
}

fn window_end(text: &str, at: usize) -> usize {
    let mut reach = (at + WINDOW_ON).min(text.len());
    while !text.is_char_boundary(reach) {
        reach += 1;
    }
    let after = &text[at..reach];
    if let Some(i) = after.find(['\n', '\r']) {
        return at + i;
    }
    if reach == text.len() {
        return reach;
    }
    // End before a space, so no token is cut.
    after.rfind([' ', '\t']).map_or(reach, |i| at + i)
}

fn extract_window(source: &Source, window: Range<usize>, blocked: &Blocked, out: &mut Vec<Claim>) {
    let base = window.start;
    let text = &source.text[window];
    let lowered = text.to_ascii_lowercase();
    let tokens = token::tokens(text, &lowered);
    let reader = Reader {
        text,
        tokens: &tokens,
    };
    // Where the next figure opens, from each token: a reading starts at
    // most `LEAD` tokens before it, so tokens further off are not read.
    let mut opens_next = vec![usize::MAX; tokens.len() + 1];
    for k in (0..tokens.len()).rev() {
        opens_next[k] = if reader.opens_figure(k) {
            k
        } else {
            opens_next[k + 1]
        };
    }
    let mut i = 0;
    while i < tokens.len() {
        let from = match opens_next[i] {
            usize::MAX => tokens.len(),
            opens => opens.saturating_sub(reading::LEAD),
        };
        if from > i {
            #[cfg(debug_assertions)]
            for k in i..from {
                debug_assert!(
                    reader.read(k).is_none(),
                    "a reading too far from its figure"
                );
            }
            i = from;
            continue;
        }
        let Some(reading) = reader.read(i) else {
            i += 1;
            continue;
        };
        let local = tokens[reading.first].start..tokens[reading.end - 1].end;
        let range = base + local.start..base + local.end;
        if reading.end <= i || blocked.overlaps(&range) {
            i += 1;
            continue;
        }
        let mut value = reading.value;
        if one_more_person(&tokens, reading.first, reading.end) {
            value.number = 1.0;
        }
        if value.unit.is_none() && is_magnitude(&tokens, reading.first, reading.end) {
            value.unit = Some(MAGNITUDE.to_string());
        }
        // A measured figure ("a 42-year-old man", "18km") counts nothing.
        let noun = if value.unit.is_none() {
            counted_noun(&tokens, reading.end)
        } else {
            None
        };
        let (event, reach) = event_near(&tokens, reading.first, reading.end);
        value.counted = match (&noun, &event) {
            (Some(n), Some(e)) => Some(format!("{n} {e}")),
            (Some(n), None) => Some(n.clone()),
            (None, Some(e)) => Some(e.to_string()),
            (None, None) => None,
        };
        value.not_a_count = not_a_count(&tokens, reading.first, reading.end, &value);
        let event = event
            .or_else(|| toll_before(&tokens, reading.first))
            .or_else(|| predicate_of_subject(&tokens, reading.first, reading.end));
        // "No one knows": a zero counts only a harm ("no one was hurt");
        // "both sides" is no figure, "both were hurt" two people.
        let only_with_event = reader.no_one(i).is_some() || tokens[i].lower == "both";
        if event.is_none() && only_with_event {
            i = reading.end;
            continue;
        }
        value.noun = noun;
        value.event = event.map(str::to_string);
        value.clause = Some(base + reach.start..base + reach.end);
        value.previous = reader.is_previous(reading.first);
        out.push(Claim {
            kind: ClaimKind::Number,
            span: Span {
                source: source.id,
                range,
            },
            value: ClaimValue::Number(Box::new(value)),
            warning: None,
            fact: None,
            subject: None,
        });
        i = reading.end;
    }
}

/// Family words whose "of" counts children, not victims ("mother of 12").
const FAMILY: &[&str] = &[
    "mother",
    "father",
    "parent",
    "parents",
    "grandmother",
    "grandfather",
    "mum",
    "mom",
    "dad",
];

/// Words after "N of" that make the figure a part of a count named after
/// them ("two of the dead", "30 of the 80 wounded", "one of them").
const PART_OF: &[&str] = &[
    "the", "them", "those", "these", "his", "her", "their", "its", "our", "whom", "which", "us",
];

/// Members of a family, counted when someone "has" or "fathered" them.
const KIN: &[&str] = &[
    "children",
    "kids",
    "sons",
    "daughters",
    "wives",
    "husbands",
    "grandchildren",
    "siblings",
    "brothers",
    "sisters",
    "women",
];

/// True when "a third" names one more person, the next in a list of
/// victims ("killing two and critically injuring a third co-worker",
/// "wounded a third"), not a fraction ("a third of the residents").
fn one_more_person(tokens: &[Token], first: usize, end: usize) -> bool {
    let ordinal = matches!(
        &tokens[first..end],
        [a, n] if matches!(a.lower, "a" | "an")
            && matches!(n.lower, "third" | "fourth" | "fifth" | "sixth" | "seventh" | "eighth" | "ninth" | "tenth")
    );
    ordinal
        && !tokens
            .get(end)
            .is_some_and(|t| t.kind == Kind::Numeral || (t.kind == Kind::Word && t.lower == "of"))
}

/// Why the figure at `reading` counts nothing a count rule wants, when its
/// words say so. See [`crate::value::number::NumberValue::not_a_count`].
fn not_a_count(
    tokens: &[Token],
    first: usize,
    end: usize,
    value: &crate::value::number::NumberValue,
) -> Option<&'static str> {
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower)
    };
    let before = |back: usize| first.checked_sub(back).and_then(word);
    // "died at 77", "at age 61", "aged 35", "at the age of 85".
    let after_event_at =
        before(1) == Some("at") && first >= 2 && event_of(&tokens[first - 2]) == Some("killed");
    if after_event_at
        || matches!(before(1), Some("aged" | "age"))
        || (before(1) == Some("of") && before(2) == Some("age"))
    {
        return Some("an age");
    }
    // "Varga, 52, and Holm, 44, were charged": the age after a name.
    let after_name = first >= 2
        && tokens[first - 1].is_mark(&[","])
        && tokens[first - 2].kind == Kind::Word
        && tokens[first - 2]
            .text
            .starts_with(|c: char| c.is_uppercase())
        && end == first + 1
        && tokens[first].kind == Kind::Numeral
        && (1.0..=120.0).contains(&value.number)
        && value.number.fract() == 0.0
        && tokens.get(end).is_some_and(|t| t.is_mark(&[",", ")", "."]));
    if after_name {
        return Some("an age");
    }
    // "mother of 12", "father to two boys"
    if matches!(before(1), Some("of" | "to")) && before(2).is_some_and(|w| FAMILY.contains(&w)) {
        return Some("a count of children");
    }
    // "When one is killed, all of us lose": anyone, no one in particular.
    let generic_one = tokens[first].lower == "one"
        && end == first + 1
        && matches!(before(1), Some("when" | "if" | "whenever" | "once"))
        && matches!(word(end), Some("is" | "gets" | "dies"));
    if generic_one {
        return Some("a generic pronoun");
    }
    // "found in an apartment at 24 Independent Street": a house number.
    let street = tokens[end..]
        .iter()
        .take(4)
        .take_while(|t| t.kind == Kind::Word && t.text.starts_with(|c: char| c.is_uppercase()))
        .any(|t| STREETS.contains(&t.lower));
    // "the 12000 block of East 223rd Street"
    let block = tokens
        .get(end)
        .is_some_and(|t| t.kind == Kind::Word && t.lower == "block")
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == Kind::Word && t.lower == "of");
    if (street || block) && tokens[first].kind == Kind::Numeral {
        return Some("a street address");
    }
    // "dies in prison at 77": "at" and a whole number ending the clause,
    // a few words after the verb "die" ("the toll stands at 42" is a
    // toll).
    let ends_clause = tokens.get(end).is_none_or(|t| t.is_mark(CLAUSE_MARKS));
    let died_before = (2..=7)
        .filter_map(|back| first.checked_sub(back))
        .any(|k| tokens[k].kind == Kind::Word && matches!(tokens[k].lower, "died" | "dies"));
    if before(1) == Some("at")
        && ends_clause
        && died_before
        && value.number.fract() == 0.0
        && (1.0..=120.0).contains(&value.number)
    {
        return Some("an age");
    }
    // "charged againJuly 23, 2008": a day of the month before its year,
    // where the month went unread.
    let year_after = tokens.get(end).is_some_and(|t| t.is_mark(&[","]))
        && tokens.get(end + 1).is_some_and(|t| {
            // "23, 2008.4:49 pm": the year glued to a time reads as 2008.4.
            let year = t
                .text
                .get(..4)
                .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
                && !t.text[4..].starts_with(|c: char| c.is_ascii_digit());
            t.kind == Kind::Numeral && year && (1900.0..2101.0).contains(&t.value)
        });
    if year_after && end == first + 1 && (1.0..=31.0).contains(&value.number) {
        return Some("a day of the month");
    }
    // "four other murders", "three other gangland slayings": a count of
    // other events; "he will join 12 other defendants": others.
    let other = word(end) == Some("other");
    let other_events = other
        && tokens[end + 1..]
            .iter()
            .take(3)
            .take_while(|t| t.kind == Kind::Word)
            .any(|t| event_of(t).is_some() && t.lower.ends_with('s'));
    let joins = other && matches!(before(1), Some("join" | "joins" | "joined" | "joining"));
    if other_events || joins {
        return Some("a count of others");
    }
    // "intended to kill one other person", "might have been two people
    // killed": what was planned or feared, not what happened.
    let look_back: Vec<&str> = tokens[first.saturating_sub(5)..first]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.lower)
        .collect();
    let planned = look_back.windows(2).any(|w| {
        (w[1] == "to"
            && matches!(
                w[0],
                "intended"
                    | "plotted"
                    | "plotting"
                    | "conspired"
                    | "conspiring"
                    | "conspiracy"
                    | "plot"
                    | "plan"
                    | "attempt"
                    | "tried"
                    | "trying"
                    | "attempted"
                    | "attempting"
                    | "threatened"
                    | "planned"
                    | "planning"
                    | "wanted"
            ))
            || (w[1] == "have" && matches!(w[0], "might" | "could" | "would" | "may"))
    });
    if planned {
        return Some("what was planned or feared");
    }
    // "two of the three victims died": the whole the part is of.
    let figure_at = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.kind == Kind::Numeral
                || matches!(
                    t.lower,
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                )
        })
    };
    // ("30 of the 80 wounded" still counts the wounded: the event follows.)
    let event_next = tokens.get(end).is_some_and(|t| event_of(t).is_some());
    if before(1) == Some("the")
        && before(2) == Some("of")
        && first >= 3
        && figure_at(first - 3)
        && !event_next
    {
        return Some("the whole of a part");
    }
    // "killed by 2 gunmen", "rose by 12": the agent or the change.
    if before(1) == Some("by") {
        return Some("an agent or a change");
    }
    // "two of the dead", "30 of the 80 wounded", "one of 99 members".
    if word(end) == Some("of") {
        let next = tokens.get(end + 1);
        let part = next.is_some_and(|n| {
            n.kind == Kind::Numeral || (n.kind == Kind::Word && PART_OF.contains(&n.lower))
        });
        // "capturing 23 of the raiders", "took 23 of them into custody":
        // the event's own count, its verb before the figure.
        let event_before = first
            .checked_sub(1)
            .is_some_and(|k| event_of(&tokens[k]).is_some() || tokens[k].lower == "took");
        if part && !event_before {
            return Some("a part of a count");
        }
    }
    // "two more victims were found", "another 12 were hurt": what was
    // added to a toll, not the toll.
    let increment = matches!(word(end), Some("more" | "additional" | "further" | "new"))
        || matches!(before(1), Some("another" | "additional" | "further"));
    if increment && !matches!(word(end + 1), Some("than")) {
        return Some("an increment to a count");
    }
    // "has numerous wives and dozens of children", "fathered 12 kids".
    let kin_after = tokens
        .get(end)
        .is_some_and(|t| t.kind == Kind::Word && KIN.contains(&t.lower))
        || (word(end) == Some("of")
            && tokens
                .get(end + 1)
                .is_some_and(|t| t.kind == Kind::Word && KIN.contains(&t.lower)));
    let having = look_back.iter().any(|w| {
        matches!(
            *w,
            "have" | "has" | "had" | "having" | "fathered" | "married" | "marrying" | "wed"
        )
    });
    if kin_after && having {
        return Some("a count of family");
    }
    // "the Orion 8900", "a Boeing 737": a model's number, not a count.
    let model_before = first >= 2
        && tokens[first - 1].kind == Kind::Word
        && tokens[first - 1]
            .text
            .starts_with(|c: char| c.is_uppercase())
        && matches!(tokens[first - 2].lower, "the" | "a" | "an")
        && end == first + 1
        && tokens[first].kind == Kind::Numeral
        && counted_noun(tokens, end).is_none();
    if model_before {
        return Some("a model's number");
    }
    // "3G", "5G": a network, not three billion of anything.
    let generation = tokens[first..end].iter().any(|t| {
        t.text.len() > 1
            && t.text.ends_with('G')
            && t.text[..t.text.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_digit())
    }) || (end < tokens.len()
        && tokens[end].text == "G"
        && tokens[end].start == tokens[end - 1].end);
    if generation {
        return Some("a network generation");
    }
    // "two counts of murder", "three charges of fraud": charges, not people.
    if matches!(word(end), Some("counts" | "count" | "charges")) && word(end + 1) == Some("of") {
        return Some("a count of charges");
    }
    // "Kessler and 11 other men were charged": the others besides a name.
    let named_before = first >= 2
        && tokens[first - 2].kind == Kind::Word
        && tokens[first - 2]
            .text
            .starts_with(|c: char| c.is_uppercase());
    if before(1) == Some("and") && named_before && matches!(word(end), Some("other" | "others")) {
        return Some("a part of a count");
    }
    // "a 43-yarder", "a 12-member team": a compound word, not a count.
    if value.unit.is_none()
        && tokens.get(end).is_some_and(|t| t.is_mark(&["-"]))
        && tokens[end - 1].end == tokens[end].start
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == Kind::Word && t.start == tokens[end].end)
    {
        return Some("a compound word");
    }
    // "a third of the residents", "half of them": a share, not a count.
    if value.unit.is_none() && value.number.fract() != 0.0 {
        return Some("a fraction");
    }
    // "31-24": a score, the higher figure first.
    if value.upper.is_some_and(|u| u < value.number) {
        return Some("a score");
    }
    // "two women and a man were killed": parts of one count.
    if coordinated(tokens, first, end) {
        return Some("a part of a count");
    }
    None
}

/// True when the figure and its noun are joined by "and" to another
/// figure and noun: "two women and one man", "a man and two women".
fn coordinated(tokens: &[Token], first: usize, end: usize) -> bool {
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower)
    };
    let opens_count = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.kind == Kind::Numeral
                || (t.kind == Kind::Word
                    && (matches!(
                        t.lower,
                        "a" | "an" | "one" | "two" | "three" | "four" | "five"
                    )))
        })
    };
    let person = |w: Option<&str>| {
        w.is_some_and(|w| {
            matches!(
                w,
                "man"
                    | "men"
                    | "woman"
                    | "women"
                    | "boy"
                    | "boys"
                    | "girl"
                    | "girls"
                    | "child"
                    | "children"
                    | "adult"
                    | "adults"
            )
        })
    };
    // After: "two women and (a|one|two) man", "12 Chileans and 11 Peruvians".
    if word(end).is_some() && word(end + 1) == Some("and") && opens_count(end + 2) {
        let figure_next = tokens
            .get(end + 2)
            .is_some_and(|t| t.kind == Kind::Numeral || !matches!(t.lower, "a" | "an"));
        return (figure_next && word(end + 3).is_some()) || person(word(end + 3));
    }
    // Before: "a man and two women".
    first >= 3
        && person(word(end))
        && word(first - 1) == Some("and")
        && person(word(first - 2))
        && opens_count(first - 3)
}

/// "The death toll from the collapse of the old factory has risen to
/// 143": the figure a toll phrase names, however long the phrase. The
/// figure must follow a verb or preposition that states the toll, and no
/// other figure or clause mark may stand between it and "toll".
fn toll_before(tokens: &[Token], first: usize) -> Option<&'static str> {
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
fn predicate_of_subject(tokens: &[Token], first: usize, end: usize) -> Option<&'static str> {
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

/// The unit of an earthquake's magnitude.
pub const MAGNITUDE: &str = "magnitude";

/// True when the figure in `tokens[first..end]` is an earthquake's
/// magnitude: "magnitude-5.9", "a magnitude of at least 5.9", "5.6
/// -magnitude", "6.0 on the Richter scale", "a 5.6 quake". A figure that
/// could not be a magnitude (above 10) or a whole number before "quake"
/// ("3 quakes", a count) is not one.
fn is_magnitude(tokens: &[Token], first: usize, end: usize) -> bool {
    let figure = &tokens[first..end];
    let Some(last) = figure.iter().rev().find(|t| t.kind == Kind::Numeral) else {
        return false;
    };
    if !(0.0..=10.0).contains(&last.value) {
        return false;
    }
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower)
    };
    let before = |back: usize| first.checked_sub(back).and_then(word);
    // "An earthquake measuring 4.6", "a quake registering 6.1".
    let measured = matches!(
        before(1),
        Some("measuring" | "measured" | "registering" | "registered")
    ) && tokens[first.saturating_sub(6)..first].iter().any(|t| {
        t.kind == Kind::Word && matches!(t.lower, "quake" | "earthquake" | "temblor" | "tremor")
    });
    // "puts the magnitude at 6.1", "put the quake's magnitude at 5.9".
    let magnitude_at = before(1) == Some("at") && before(2) == Some("magnitude");
    let named_before = measured
        || magnitude_at
        || before(1) == Some("magnitude")
        || (before(2) == Some("magnitude")
            && (first >= 1 && (tokens[first - 1].is_mark(&["-"]) || before(1) == Some("of"))));
    let after = if tokens.get(end).is_some_and(|t| t.is_mark(&["-", "–"])) {
        end + 1
    } else {
        end
    };
    let named_after = matches!(word(after), Some("magnitude" | "richter"))
        || (word(after) == Some("on")
            && word(after + 1) == Some("the")
            && word(after + 2) == Some("richter"));
    let decimal = last.text.contains('.');
    let quake_after = decimal
        && matches!(
            word(after),
            Some("quake" | "earthquake" | "temblor" | "tremor" | "aftershock" | "aftershocks")
        );
    let named_within = figure
        .iter()
        .any(|t| t.kind == Kind::Word && t.lower == "magnitude");
    named_before || named_after || quake_after || named_within
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
        if COUNTED.contains(&t.lower) {
            return Some(t.lower.to_string());
        }
        if n == 0 {
            first = Some(t);
        }
        if [
            "of", "in", "at", "on", "were", "was", "are", "is", "had", "have", "has",
        ]
        .contains(&t.lower)
        {
            break;
        }
    }
    let is_plural = |t: &Token| {
        t.lower.len() > 3
            && t.lower.ends_with('s')
            && !t.lower.ends_with("ss")
            && t.text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase())
    };
    // "seven AK-47 assault rifles", "dozens of children", "one count of
    // murder": the thing counted a few words on, or a singular thing.
    let reach: Vec<&Token> = tokens[end..]
        .iter()
        .take_while(|t| {
            t.kind == Kind::Word || t.kind == Kind::Numeral || t.is_mark(&["-", "’", "'"])
        })
        .filter(|t| t.kind == Kind::Word)
        .take(4)
        .collect();
    if reach.first().is_some_and(|t| t.lower == "of") {
        if let Some(t) = reach.get(1) {
            if COUNTED.contains(&t.lower) || is_plural(t) {
                return Some(t.lower.to_string());
            }
        }
    }
    if let Some(t) = reach.iter().take(3).find(|t| THINGS.contains(&t.lower)) {
        return Some(t.lower.to_string());
    }
    if let Some(t) = reach.iter().take(3).find(|t| is_plural(t)) {
        if !matches!(t.lower, "others" | "was" | "has" | "is") {
            return Some(t.lower.to_string());
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
    plural.then(|| t.lower.to_string())
}

fn event_of(t: &Token) -> Option<&'static str> {
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

/// The event nearest the figure in its clause, looking a few words either
/// side: "killing over 130 people", "80 people were injured".
///
/// Also returns the byte range looked in, for rules that name their event
/// with a pattern ("rescued") rather than a built-in event.
fn event_near(tokens: &[Token], first: usize, end: usize) -> (Option<&'static str>, Range<usize>) {
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

#[cfg(test)]
mod tests {
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
}
