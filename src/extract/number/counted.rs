//! What a figure counts: the noun after it ("15,000 Soviet soldiers",
//! "1,200 homes"), and "a third" that is one more person, not a share.

use super::token::{Kind, Token};

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

/// The noun a figure counts: within three words after it ("15,000 Soviet
/// soldiers"), or the plural right after it ("1,200 homes").
pub(super) fn counted_noun(tokens: &[Token], end: usize) -> Option<String> {
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

/// True when "a third" names one more person, the next in a list of
/// victims ("killing two and critically injuring a third co-worker",
/// "wounded a third"), not a fraction ("a third of the residents").
pub(super) fn one_more_person(tokens: &[Token], first: usize, end: usize) -> bool {
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
