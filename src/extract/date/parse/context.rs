//! The words around a match: what comes before and after it, and whether
//! four digits read as a year or as a quantity there.

use crate::value::date::{month_number, weekday_of};

/// True when a space and a word follow `at`.
pub(super) fn followed_by_a_word(text: &str, at: usize) -> bool {
    text[at..].starts_with([' ', '\t', '\u{a0}']) && !word_after(text, at).is_empty()
}

/// The word just before `at`, lower-cased.
pub(super) fn word_before(text: &str, at: usize) -> String {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{a0}', ',']);
    let word: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    word.chars().rev().collect::<String>().to_ascii_lowercase()
}

/// The word just after `at`, as written.
pub(super) fn word_after(text: &str, at: usize) -> &str {
    let rest = text[at..].trim_start_matches([' ', '\t', '\u{a0}']);
    let end = rest
        .find(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .unwrap_or(rest.len());
    &rest[..end]
}

/// "Sunday Times", "Easter Island", "Good Friday Agreement": a capitalised
/// word after a day's name makes it part of a name.
pub(super) fn starts_a_name(text: &str, at: usize) -> bool {
    if !text[at..].starts_with(' ') {
        return false;
    }
    let next = word_after(text, at);
    next.chars().next().is_some_and(char::is_uppercase)
        && month_number(next).is_none()
        && weekday_of(next).is_none()
}

/// A bare four-digit number is a year unless it reads as a quantity:
/// "1,500", "$2000", "2000 people", "1999.5", "2010%".
pub(super) fn bare_year_ok(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let year: i32 = text[range.clone()]
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(0);
    if before.ends_with([',', '.', '$', '£', '€', '#', ':'])
        || before.ends_with("No. ")
        || after.starts_with([',', '%', ':'])
            && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with('%')
        || after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let prev_word = word_before(text, range.start);
    let next_word = word_after(text, range.end).to_ascii_lowercase();
    const QUANTITY_NOUNS: &[&str] = &[
        "people",
        "persons",
        "soldiers",
        "troops",
        "dollars",
        "euros",
        "pounds",
        "rubles",
        "men",
        "women",
        "children",
        "workers",
        "votes",
        "units",
        "cases",
        "deaths",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "tonnes",
        "tons",
        "feet",
        "percent",
        "hours",
        "minutes",
        "points",
    ];
    if QUANTITY_NOUNS.contains(&next_word.as_str()) {
        return false;
    }
    // "deliver 2000 pieces": a count before a plural, unless a word that
    // asks for a year stands before it ("in 2000 talks collapsed").
    let plural = next_word.len() > 3 && next_word.ends_with('s') && !next_word.ends_with("ss");
    let asked = matches!(
        prev_word.as_str(),
        "in" | "since"
            | "by"
            | "from"
            | "until"
            | "till"
            | "of"
            | "before"
            | "after"
            | "during"
            | "the"
            | "and"
            | "to"
            | "through"
            | "between"
            | "year"
    );
    if plural && !asked && word_after(text, range.end).starts_with(|c: char| c.is_ascii_lowercase())
    {
        return false;
    }
    const YEAR_WORDS: &[&str] = &[
        "in", "since", "by", "from", "until", "till", "of", "before", "after", "around", "circa",
        "during", "year", "and", "to", "through", "between", "early", "late", "mid", "post", "pre",
        "the", "a", "spring", "summer", "autumn", "fall", "winter",
    ];
    (1900..=2099).contains(&year) || YEAR_WORDS.contains(&prev_word.as_str())
}
