//! Figures that count nothing a count rule wants, and why: ages, house
//! numbers, days of the month, parts of a count, increments, scores,
//! model numbers and the like.

use super::counted::counted_noun;
use super::event::{event_of, CLAUSE_MARKS};
use super::token::{Kind, Token};

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

/// Why the figure at `reading` counts nothing a count rule wants, when its
/// words say so. See [`crate::value::number::NumberValue::not_a_count`].
pub(super) fn not_a_count(
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
