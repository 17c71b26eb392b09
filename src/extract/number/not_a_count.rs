//! Figures that count nothing a count rule wants, and why: ages, house
//! numbers, days of the month, parts of a count, increments, scores,
//! model numbers and the like.

use super::counted::counted_noun;
use super::event::{event_of, CLAUSE_MARKS};
use super::token::{Kind, Token};
use crate::value::number::NumberValue;

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

/// The figure `tokens[first..end]`, read as `value`, and the words around
/// it: what each reason below looks at.
struct Figure<'f, 't> {
    tokens: &'f [Token<'t>],
    first: usize,
    /// Token index just past the figure.
    end: usize,
    value: &'f NumberValue,
}

impl<'t> Figure<'_, 't> {
    /// The word at token `i`, lower-cased; `None` for a numeral or a mark.
    fn word(&self, i: usize) -> Option<&'t str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower)
    }

    /// The word `back` tokens before the figure.
    fn before(&self, back: usize) -> Option<&'t str> {
        self.first.checked_sub(back).and_then(|i| self.word(i))
    }

    /// The words among the five tokens before the figure: where a verb of
    /// planning or of having stands.
    fn words_before(&self) -> Vec<&'t str> {
        self.tokens[self.first.saturating_sub(5)..self.first]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower)
            .collect()
    }
}

/// A test that a figure counts nothing, and the words that say why.
type Reason = (fn(&Figure) -> bool, &'static str);

/// Each reason a figure counts nothing, and the words that say it. Asked
/// in this order and the first that holds is the one given, so the order
/// is part of the output.
const REASONS: &[Reason] = &[
    (age_by_the_words_before, "an age"),
    (age_after_a_name, "an age"),
    (children_of_a_parent, "a count of children"),
    (generic_one, "a generic pronoun"),
    (house_number, "a street address"),
    (age_at_death, "an age"),
    (day_before_its_year, "a day of the month"),
    (other_events_or_people, "a count of others"),
    (planned_or_feared, "what was planned or feared"),
    (whole_of_a_part, "the whole of a part"),
    (agent_or_change, "an agent or a change"),
    (part_of_a_named_count, "a part of a count"),
    (increment, "an increment to a count"),
    (family_someone_has, "a count of family"),
    (model_number, "a model's number"),
    (network_generation, "a network generation"),
    (charges, "a count of charges"),
    (others_besides_a_name, "a part of a count"),
    (compound_word, "a compound word"),
    (fraction, "a fraction"),
    (score, "a score"),
    (coordinated, "a part of a count"),
];

/// Why the figure at `reading` counts nothing a count rule wants, when its
/// words say so. See [`crate::value::number::NumberValue::not_a_count`].
pub(super) fn not_a_count(
    tokens: &[Token],
    first: usize,
    end: usize,
    value: &NumberValue,
) -> Option<&'static str> {
    let figure = Figure {
        tokens,
        first,
        end,
        value,
    };
    REASONS
        .iter()
        .find(|(holds, _)| holds(&figure))
        .map(|&(_, why)| why)
}

/// "died at 77", "at age 61", "aged 35", "at the age of 85": the words
/// before the figure say it is an age.
fn age_by_the_words_before(figure: &Figure) -> bool {
    let &Figure { tokens, first, .. } = figure;
    let after_event_at = figure.before(1) == Some("at")
        && first >= 2
        && event_of(&tokens[first - 2]) == Some("killed");
    after_event_at
        || matches!(figure.before(1), Some("aged" | "age"))
        || (figure.before(1) == Some("of") && figure.before(2) == Some("age"))
}

/// "Varga, 52, and Holm, 44, were charged": the age after a name.
fn age_after_a_name(figure: &Figure) -> bool {
    let &Figure {
        tokens,
        first,
        end,
        value,
    } = figure;
    first >= 2
        && tokens[first - 1].is_mark(&[","])
        && tokens[first - 2].kind == Kind::Word
        && tokens[first - 2]
            .text
            .starts_with(|c: char| c.is_uppercase())
        && end == first + 1
        && tokens[first].kind == Kind::Numeral
        && (1.0..=120.0).contains(&value.number)
        && value.number.fract() == 0.0
        && tokens.get(end).is_some_and(|t| t.is_mark(&[",", ")", "."]))
}

/// "mother of 12", "father to two boys": a parent's children, not victims.
fn children_of_a_parent(figure: &Figure) -> bool {
    matches!(figure.before(1), Some("of" | "to"))
        && figure.before(2).is_some_and(|w| FAMILY.contains(&w))
}

/// "When one is killed, all of us lose": anyone, no one in particular.
fn generic_one(figure: &Figure) -> bool {
    let &Figure {
        tokens, first, end, ..
    } = figure;
    tokens[first].lower == "one"
        && end == first + 1
        && matches!(figure.before(1), Some("when" | "if" | "whenever" | "once"))
        && matches!(figure.word(end), Some("is" | "gets" | "dies"))
}

/// "found in an apartment at 24 Independent Street", "the 12000 block of
/// East 223rd Street": a house number, not a count.
fn house_number(figure: &Figure) -> bool {
    let &Figure {
        tokens, first, end, ..
    } = figure;
    let street = tokens[end..]
        .iter()
        .take(4)
        .take_while(|t| t.kind == Kind::Word && t.text.starts_with(|c: char| c.is_uppercase()))
        .any(|t| STREETS.contains(&t.lower));
    let block = tokens
        .get(end)
        .is_some_and(|t| t.kind == Kind::Word && t.lower == "block")
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == Kind::Word && t.lower == "of");
    (street || block) && tokens[first].kind == Kind::Numeral
}

/// "dies in prison at 77": "at" and a whole number ending the clause,
/// a few words after the verb "die", is the age at death ("the toll
/// stands at 42" is a toll).
fn age_at_death(figure: &Figure) -> bool {
    let &Figure {
        tokens,
        first,
        end,
        value,
    } = figure;
    let ends_clause = tokens.get(end).is_none_or(|t| t.is_mark(CLAUSE_MARKS));
    let died_before = (2..=7)
        .filter_map(|back| first.checked_sub(back))
        .any(|k| tokens[k].kind == Kind::Word && matches!(tokens[k].lower, "died" | "dies"));
    figure.before(1) == Some("at")
        && ends_clause
        && died_before
        && value.number.fract() == 0.0
        && (1.0..=120.0).contains(&value.number)
}

/// "charged againJuly 23, 2008": a day of the month before its year,
/// where the month went unread.
fn day_before_its_year(figure: &Figure) -> bool {
    let &Figure {
        tokens,
        first,
        end,
        value,
    } = figure;
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
    year_after && end == first + 1 && (1.0..=31.0).contains(&value.number)
}

/// "four other murders", "three other gangland slayings": a count of
/// other events; "he will join 12 other defendants": others.
fn other_events_or_people(figure: &Figure) -> bool {
    let &Figure { tokens, end, .. } = figure;
    let other = figure.word(end) == Some("other");
    let other_events = other
        && tokens[end + 1..]
            .iter()
            .take(3)
            .take_while(|t| t.kind == Kind::Word)
            .any(|t| event_of(t).is_some() && t.lower.ends_with('s'));
    let joins = other
        && matches!(
            figure.before(1),
            Some("join" | "joins" | "joined" | "joining")
        );
    other_events || joins
}

/// "intended to kill one other person", "might have been two people
/// killed": what was planned or feared, not what happened.
fn planned_or_feared(figure: &Figure) -> bool {
    figure.words_before().windows(2).any(|w| {
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
    })
}

/// "two of the three victims died": the whole the part is of. ("30 of
/// the 80 wounded" still counts the wounded: the event follows.)
fn whole_of_a_part(figure: &Figure) -> bool {
    let &Figure {
        tokens, first, end, ..
    } = figure;
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
    let event_next = tokens.get(end).is_some_and(|t| event_of(t).is_some());
    figure.before(1) == Some("the")
        && figure.before(2) == Some("of")
        && first >= 3
        && figure_at(first - 3)
        && !event_next
}

/// "killed by 2 gunmen", "rose by 12": the agent or the change.
fn agent_or_change(figure: &Figure) -> bool {
    figure.before(1) == Some("by")
}

/// "two of the dead", "30 of the 80 wounded", "one of 99 members": a part
/// of a count named after it.
fn part_of_a_named_count(figure: &Figure) -> bool {
    let &Figure {
        tokens, first, end, ..
    } = figure;
    if figure.word(end) != Some("of") {
        return false;
    }
    let next = tokens.get(end + 1);
    let part = next.is_some_and(|n| {
        n.kind == Kind::Numeral || (n.kind == Kind::Word && PART_OF.contains(&n.lower))
    });
    // "capturing 23 of the raiders", "took 23 of them into custody":
    // the event's own count, its verb before the figure.
    let event_before = first
        .checked_sub(1)
        .is_some_and(|k| event_of(&tokens[k]).is_some() || tokens[k].lower == "took");
    part && !event_before
}

/// "two more victims were found", "another 12 were hurt": what was added
/// to a toll, not the toll.
fn increment(figure: &Figure) -> bool {
    let end = figure.end;
    let increment = matches!(
        figure.word(end),
        Some("more" | "additional" | "further" | "new")
    ) || matches!(figure.before(1), Some("another" | "additional" | "further"));
    increment && !matches!(figure.word(end + 1), Some("than"))
}

/// "has numerous wives and dozens of children", "fathered 12 kids": a
/// family, not victims.
fn family_someone_has(figure: &Figure) -> bool {
    let &Figure { tokens, end, .. } = figure;
    let kin_after = tokens
        .get(end)
        .is_some_and(|t| t.kind == Kind::Word && KIN.contains(&t.lower))
        || (figure.word(end) == Some("of")
            && tokens
                .get(end + 1)
                .is_some_and(|t| t.kind == Kind::Word && KIN.contains(&t.lower)));
    let having = figure.words_before().iter().any(|w| {
        matches!(
            *w,
            "have" | "has" | "had" | "having" | "fathered" | "married" | "marrying" | "wed"
        )
    });
    kin_after && having
}

/// "the Orion 8900", "a Boeing 737": a model's number, not a count.
fn model_number(figure: &Figure) -> bool {
    let &Figure {
        tokens, first, end, ..
    } = figure;
    first >= 2
        && tokens[first - 1].kind == Kind::Word
        && tokens[first - 1]
            .text
            .starts_with(|c: char| c.is_uppercase())
        && matches!(tokens[first - 2].lower, "the" | "a" | "an")
        && end == first + 1
        && tokens[first].kind == Kind::Numeral
        && counted_noun(tokens, end).is_none()
}

/// "3G", "5G": a network, not three billion of anything.
fn network_generation(figure: &Figure) -> bool {
    let &Figure {
        tokens, first, end, ..
    } = figure;
    tokens[first..end].iter().any(|t| {
        t.text.len() > 1
            && t.text.ends_with('G')
            && t.text[..t.text.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_digit())
    }) || (end < tokens.len()
        && tokens[end].text == "G"
        && tokens[end].start == tokens[end - 1].end)
}

/// "two counts of murder", "three charges of fraud": charges, not people.
fn charges(figure: &Figure) -> bool {
    let end = figure.end;
    matches!(figure.word(end), Some("counts" | "count" | "charges"))
        && figure.word(end + 1) == Some("of")
}

/// "Kessler and 11 other men were charged": the others besides a name,
/// a part of the count.
fn others_besides_a_name(figure: &Figure) -> bool {
    let &Figure {
        tokens, first, end, ..
    } = figure;
    let named_before = first >= 2
        && tokens[first - 2].kind == Kind::Word
        && tokens[first - 2]
            .text
            .starts_with(|c: char| c.is_uppercase());
    figure.before(1) == Some("and")
        && named_before
        && matches!(figure.word(end), Some("other" | "others"))
}

/// "a 43-yarder", "a 12-member team": a compound word, not a count.
fn compound_word(figure: &Figure) -> bool {
    let &Figure {
        tokens, end, value, ..
    } = figure;
    value.unit.is_none()
        && tokens.get(end).is_some_and(|t| t.is_mark(&["-"]))
        && tokens[end - 1].end == tokens[end].start
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == Kind::Word && t.start == tokens[end].end)
}

/// "a third of the residents", "half of them": a share, not a count.
fn fraction(figure: &Figure) -> bool {
    figure.value.unit.is_none() && figure.value.number.fract() != 0.0
}

/// "31-24": a score, the higher figure first.
fn score(figure: &Figure) -> bool {
    let value = figure.value;
    value.upper.is_some_and(|u| u < value.number)
}

/// True when the figure and its noun are joined by "and" to another
/// figure and noun: "two women and one man", "a man and two women";
/// "two women and a man were killed": parts of one count.
fn coordinated(figure: &Figure) -> bool {
    let &Figure {
        tokens, first, end, ..
    } = figure;
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
