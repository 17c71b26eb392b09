//! The words a title is made of, and the words around a name that are
//! not part of it: offices, qualifiers, honorifics, function words, the
//! names of bodies, particles. Looked up as sets, since every word near
//! an office word is tested against them.

use super::tokens::Token;

/// Words that head an office or a role.
pub const OFFICES: &[&str] = &[
    "minister",
    "ambassador",
    "envoy",
    "president",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "secretary",
    "governor",
    "mayor",
    "senator",
    "chancellor",
    "premier",
    "general",
    "commander",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chairperson",
    "leader",
    "diplomat",
    "analyst",
    "expert",
    "scientist",
    "professor",
    "researcher",
    "economist",
    "editor",
    "correspondent",
    "judge",
    "prosecutor",
    "representative",
    "congressman",
    "congresswoman",
    "lawmaker",
    "consul",
    "emir",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "bishop",
    "archbishop",
    "officer",
    "colonel",
    "captain",
    "sergeant",
    "admiral",
    "marshal",
    "ceo",
    "founder",
    "adviser",
    "advisor",
    "counsellor",
    "counselor",
    "negotiator",
    "commissioner",
];

/// Abbreviated offices ("Gov. Newsom") and what they stand for.
pub(super) const ABBREVIATED: &[(&str, &str)] = &[
    ("gov", "governor"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("pres", "president"),
    ("gen", "general"),
    ("amb", "ambassador"),
    ("sec", "secretary"),
    ("col", "colonel"),
    ("capt", "captain"),
    ("adm", "admiral"),
    ("sgt", "sergeant"),
    ("cmdr", "commander"),
    ("lt", "lieutenant"),
];

/// Words that change which post a title names.
pub const QUALIFIERS: &[&str] = &[
    "acting",
    "former",
    "deputy",
    "interim",
    "lieutenant",
    "vice",
    "ex",
    "outgoing",
    "incoming",
    "caretaker",
    "assistant",
    "designate",
    "elect",
    "late",
];

/// Words that narrow an office without changing its holder's rank.
pub(super) const MODIFIERS: &[&str] = &[
    "foreign",
    "defence",
    "defense",
    "interior",
    "home",
    "finance",
    "economy",
    "economic",
    "justice",
    "health",
    "education",
    "trade",
    "energy",
    "prime",
    "special",
    "political",
    "military",
    "top",
    "state",
    "attorney",
    "ministry",
    "affairs",
    "security",
    "national",
    "press",
    "presidential",
    "supreme",
    "intelligence",
    "executive",
    "managing",
    "regional",
    "permanent",
    "senior",
];

/// Honorifics: a name follows, and they are not part of it.
pub(super) const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"];

/// Capitalised words that open a phrase rather than name anyone.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "of",
    "for",
    "with",
    "by",
    "from",
    "to",
    "and",
    "or",
    "but",
    "as",
    "during",
    "after",
    "before",
    "between",
    "according",
    "while",
    "when",
    "since",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "if",
    "however",
    "meanwhile",
    "still",
    "yet",
    "thus",
    "also",
];

/// Prepositions that put a capitalised phrase in a place.
pub(super) const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "near",
    "across",
    "outside",
    "inside",
    "into",
    "over",
    "under",
    "around",
    "throughout",
];

/// Words of a place attachment after an office ("ambassador to Tiran").
pub(super) const ATTACHMENTS: &[&str] = &["to", "of", "in", "for", "at"];

/// Words that end the proper name of a body: "Agency" in "National Water
/// Agency". Capitalised, they name the organisation an office belongs to,
/// not the office; lower-case ("foreign ministry spokesman"), they are
/// left to the office.
pub(super) const BODIES: &[&str] = &[
    "agency",
    "authority",
    "bureau",
    "commission",
    "council",
    "committee",
    "department",
    "ministry",
    "office",
    "service",
    "services",
    "institute",
    "board",
    "corporation",
    "company",
    "party",
    "union",
    "university",
    "college",
    "police",
    "court",
    "bank",
    "fund",
    "army",
    "navy",
    "forces",
    "guard",
    "corps",
    "group",
    "organisation",
    "organization",
    "foundation",
    "federation",
    "association",
    "administration",
    "directorate",
    "secretariat",
    "centre",
    "center",
];

/// Small words inside names: "Ursula von der Leyen", "Abu Bakr al Baghdadi".
pub(super) const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "al", "el",
    "bin", "ibn", "ben", "ter", "ten", "dos", "das",
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Office,
    Modifier,
    Qualifier,
}

/// The office words a token contributes ("vice-president": two).
pub(super) fn vocabulary(token: &Token) -> Option<Vec<(Role, String)>> {
    let lower = token.lower();
    let mut out = Vec::new();
    for part in lower.split('-') {
        let part = ABBREVIATED
            .iter()
            .find(|(a, _)| *a == part)
            .map_or(part, |(_, full)| full);
        // "ex-minister" is a former minister.
        let part = if part == "ex" { "former" } else { part };
        let role = if OFFICES.contains(&part) {
            Role::Office
        } else if QUALIFIERS.contains(&part) {
            Role::Qualifier
        } else if MODIFIERS.contains(&part) {
            Role::Modifier
        } else {
            return None;
        };
        out.push((role, part.to_string()));
    }
    Some(out)
}

/// `vocabulary(token).is_some()`, without allocating for ASCII words.
pub(super) fn in_vocabulary(token: &Token) -> bool {
    let word = token.word.trim_end_matches('.');
    if !word.is_ascii() {
        return vocabulary(token).is_some();
    }
    word.split('-').all(|part| {
        let mut buf = [0; LONGEST_LISTED];
        // Longer than any listed word or abbreviation: not listed.
        let Some(part) = ascii_lower(part, &mut buf) else {
            return false;
        };
        match ABBREVIATION_SET.get(part) {
            Some(full) => VOCABULARY_SET.contains(full),
            None if part == "ex" => VOCABULARY_SET.contains("former"),
            None => VOCABULARY_SET.contains(part),
        }
    })
}

/// Longer than every word in the lists below, in bytes.
pub(super) const LONGEST_LISTED: usize = 24;

/// `word` lower-cased into `buf`, when it is ASCII and fits: for looking
/// words up in the sets below without allocating.
pub(super) fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; LONGEST_LISTED]) -> Option<&'b str> {
    if !word.is_ascii() || word.len() > LONGEST_LISTED {
        return None;
    }
    for (slot, b) in buf.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).ok()
}

type WordSet = std::collections::HashSet<&'static str, crate::fnv::WordBuild>;

/// The lists, as sets: names are tested against them word by word.
pub(super) static FUNCTION_SET: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| FUNCTION_WORDS.iter().copied().collect());
static VOCABULARY_SET: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    [OFFICES, QUALIFIERS, MODIFIERS]
        .iter()
        .flat_map(|list| list.iter().copied())
        .collect()
});
static ABBREVIATION_SET: std::sync::LazyLock<
    std::collections::HashMap<&'static str, &'static str, crate::fnv::WordBuild>,
> = std::sync::LazyLock::new(|| ABBREVIATED.iter().copied().collect());

pub(super) fn heads_office(token: &Token) -> bool {
    !token.possessive
        && ends_in_office_word(token)
        && vocabulary(token).is_some_and(|v| v.last().is_some_and(|(r, _)| *r == Role::Office))
}

/// A quick test, without allocating, that the token's last part is an
/// office word: most tokens are not, and `vocabulary` is costly.
fn ends_in_office_word(token: &Token) -> bool {
    let word = token.word.trim_end_matches('.');
    let last = match word.rfind('-') {
        Some(i) => &word[i + 1..],
        None => word,
    };
    if last.len() < 2 {
        return false;
    }
    let mut buf = [0; LONGEST_LISTED];
    ascii_lower(last, &mut buf).is_some_and(|lower| OFFICE_WORDS.contains(lower))
}

/// Office words and their abbreviations, for [`ends_in_office_word`].
pub(super) static OFFICE_WORDS: std::sync::LazyLock<
    std::collections::HashSet<&'static str, crate::fnv::WordBuild>,
> = std::sync::LazyLock::new(|| {
    OFFICES
        .iter()
        .copied()
        .chain(
            ABBREVIATED
                .iter()
                .filter(|(_, full)| OFFICES.contains(full))
                .map(|(a, _)| *a),
        )
        .collect()
});
