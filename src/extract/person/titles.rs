//! Titles: the office phrase before or after a name ("Ostrian Foreign
//! Minister Amir Karim Haidari", "Pavel Orlik, the Valdorian ambassador
//! to Tiran"), reduced to the words of the post, and honorifics ("Mr
//! Orlik").

use super::names::{name_after, name_before, words_of, Found};
use super::tokens::{adjacent, comma_between, Token};
use super::vocabulary::{
    heads_office, in_vocabulary, vocabulary, ATTACHMENTS, BODIES, HONORIFICS, PLACE_PREPOSITIONS,
};

/// The title phrase ending at the office head `h`: (first token, office words).
fn title_before(text: &str, toks: &[Token], h: usize) -> (usize, Vec<String>) {
    let mut words: Vec<String> = vocabulary(&toks[h])
        .unwrap_or_default()
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    let mut start = h;
    // Once a body's name is reached ("National Water Agency director"),
    // the words before are that name: they say whose office it is, as an
    // affiliation does, even those that could narrow an office ("National",
    // "Security" in "State Security Service chief").
    let mut in_body = false;
    while start > 0 && h - start < 6 {
        let prev = &toks[start - 1];
        if !adjacent(text, prev, &toks[start]) {
            break;
        }
        if prev.possessive {
            start -= 1;
            break;
        }
        if in_body || names_body(prev) {
            if !prev.capitalised() || prev.function_word() {
                break;
            }
            in_body = true;
            start -= 1;
            continue;
        }
        // Most words before an office are not office words: ask the
        // allocation-free test first.
        match in_vocabulary(prev).then(|| vocabulary(prev)).flatten() {
            Some(v) => {
                let mut v: Vec<String> = v.into_iter().map(|(_, w)| w).collect();
                v.append(&mut words);
                words = v;
            }
            None if prev.capitalised() && !prev.function_word() => {}
            None => break,
        }
        start -= 1;
    }
    (start, words)
}

/// A capitalised word that ends a body's name ([`BODIES`]).
fn names_body(token: &Token) -> bool {
    token.capitalised() && !token.possessive && token.is_one_of(BODIES)
}

/// The place attachment after an office ("to Tiran"): the last token index.
fn attachment_after(text: &str, toks: &[Token], h: usize) -> usize {
    let mut i = h + 1;
    let Some(prep) = toks.get(i) else { return h };
    if !adjacent(text, &toks[h], prep) || !prep.is_one_of(ATTACHMENTS) {
        return h;
    }
    i += 1;
    if toks
        .get(i)
        .is_some_and(|t| t.lower() == "the" && adjacent(text, &toks[i - 1], t))
    {
        i += 1;
    }
    let mut last = h;
    while let Some(t) = toks.get(i) {
        if !adjacent(text, &toks[i - 1], t) || !t.capitalised() || t.function_word() {
            break;
        }
        last = i;
        i += 1;
        if t.possessive || i - h > 6 {
            break;
        }
    }
    last
}

/// Mentions around an office word: "Foreign Minister Amir Karim Haidari",
/// "Pavel Orlik, the Valdorian ambassador to Tiran".
/// `anchored` lists the tokens that hold an office word, in order.
pub(super) fn titled<'t>(
    text: &'t str,
    toks: &[Token<'t>],
    anchored: &[usize],
    found: &mut Vec<Found<'t>>,
) {
    for &h in anchored {
        if !heads_office(&toks[h]) {
            continue;
        }
        // "Secretary General": the last office word heads the title.
        if toks
            .get(h + 1)
            .is_some_and(|n| adjacent(text, &toks[h], n) && heads_office(n))
        {
            continue;
        }
        let (start, office) = title_before(text, toks, h);
        let end = attachment_after(text, toks, h);
        let after = end + 1;
        let before_name = toks.get(after).and_then(|next| {
            let direct = adjacent(text, &toks[end], next);
            let comma = comma_between(text, &toks[end], next);
            if !(direct || comma) {
                return None;
            }
            let name = name_after(text, toks, after)?;
            // "the foreign minister, Valdoria said": after a comma a lone
            // word is a name only as a back-reference (checked below).
            Some((name, comma))
        });
        if let Some((name, _)) = before_name {
            found.push(Found {
                range: toks[start].range.start..toks[name.end - 1].range.end,
                name: toks[name.start].range.start..toks[name.end - 1].range.end,
                words: words_of(toks, &name),
                office: Some(office),
            });
            continue;
        }
        // "Pavel Orlik, the Valdorian ambassador to Tiran".
        // Plain words may stand between the article and the office
        // ("Tom Reyes, the harbour commissioner").
        let mut first = start;
        while first > 0
            && start - first < 3
            && adjacent(text, &toks[first - 1], &toks[first])
            && !toks[first - 1].possessive
            && !toks[first - 1].capitalised()
            && !toks[first - 1].function_word()
        {
            first -= 1;
        }
        if first > 0
            && toks[first - 1].is_one_of(&["the", "a", "an"])
            && adjacent(text, &toks[first - 1], &toks[first])
        {
            first -= 1;
        } else {
            first = start;
        }
        if first == 0 || !comma_between(text, &toks[first - 1], &toks[first]) {
            continue;
        }
        let Some(name) = name_before(text, toks, first) else {
            continue;
        };
        // "In New York, the foreign minister said": a place, not a name.
        let after_preposition = name.start > 0
            && adjacent(text, &toks[name.start - 1], &toks[name.start])
            && toks[name.start - 1].is_one_of(PLACE_PREPOSITIONS);
        if !after_preposition {
            found.push(Found {
                range: toks[name.start].range.start..toks[end].range.end,
                name: toks[name.start].range.start..toks[name.end - 1].range.end,
                words: words_of(toks, &name),
                office: Some(office),
            });
        }
    }
}

/// Honorifics: "Mr Orlik", "Dr. Leila Murtazayeva".
/// `anchored` lists the tokens that may be an honorific, in order.
pub(super) fn honorific<'t>(
    text: &'t str,
    toks: &[Token<'t>],
    anchored: &[usize],
    found: &mut Vec<Found<'t>>,
) {
    for &i in anchored {
        if !toks[i].capitalised() || !toks[i].is_one_of(HONORIFICS) {
            continue;
        }
        let Some(next) = toks.get(i + 1) else {
            continue;
        };
        if !adjacent(text, &toks[i], next) {
            continue;
        }
        if let Some(name) = name_after(text, toks, i + 1) {
            found.push(Found {
                range: toks[i].range.start..toks[name.end - 1].range.end,
                name: toks[name.start].range.start..toks[name.end - 1].range.end,
                words: words_of(toks, &name),
                office: None,
            });
        }
    }
}
