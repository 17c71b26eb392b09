//! Names: which words can be part of one, the name beside a title or an
//! honorific, and the lone family names that refer back to a full name.

use std::ops::Range;

use super::same_person::FullNames;
use super::tokens::{
    adjacent, next_capital, next_token, previous_token, token_at, token_start, Token,
};
use super::vocabulary::{in_vocabulary, HONORIFICS, PARTICLES};

/// A word that can be part of a name: capitalised with lower-case letters
/// ("Orlik", not "UN" or "U.S."), or an initial ("E.").
fn name_word(token: &Token) -> bool {
    let initial =
        token.word.ends_with('.') && token.word.len() <= 5 && token.word.chars().count() == 2;
    if initial {
        return token.capitalised();
    }
    // "al-Sisi", "el-Sisi": a particle joined to a capitalised name.
    if let Some((particle, rest)) = token.word.split_once('-') {
        if PARTICLES.contains(&particle) && rest.starts_with(char::is_uppercase) {
            return true;
        }
    }
    token.capitalised()
        && token.word.chars().any(char::is_lowercase)
        && !token.function_word()
        && !in_vocabulary(token)
        && !token.is_one_of(HONORIFICS)
}

fn particle(token: &Token) -> bool {
    PARTICLES.contains(&token.word)
}

pub(super) struct Found<'t> {
    pub(super) range: Range<usize>,
    pub(super) name: Range<usize>,
    /// The words of the name.
    pub(super) words: Vec<&'t str>,
    pub(super) office: Option<Vec<String>>,
}

pub(super) fn words_of<'t>(toks: &[Token<'t>], name: &Range<usize>) -> Vec<&'t str> {
    toks[name.clone()].iter().map(|t| t.word).collect()
}

/// Name tokens starting at `from`, at most five.
pub(super) fn name_after(text: &str, toks: &[Token], from: usize) -> Option<Range<usize>> {
    let mut end = from;
    let mut last_name_word = None;
    while let Some(t) = toks.get(end) {
        // A particle only inside a name, never first.
        let inside = end > from && particle(t);
        if !(name_word(t) || inside) || end - from >= 6 {
            break;
        }
        if end > from && !adjacent(text, &toks[end - 1], t) {
            break;
        }
        end += 1;
        if name_word(t) {
            last_name_word = Some(end);
        }
        if t.possessive {
            break;
        }
    }
    // Nor last: "Ursula von" is not a name.
    let end = last_name_word?;
    Some(from..end)
}

/// Name tokens ending just before `to` (exclusive), at most four.
pub(super) fn name_before(text: &str, toks: &[Token], to: usize) -> Option<Range<usize>> {
    let mut start = to;
    let mut first_name_word = None;
    while start > 0 && to - start < 5 {
        let t = &toks[start - 1];
        let inside = start < to && particle(t);
        if !(name_word(t) || inside) || t.possessive {
            break;
        }
        if start < to && !adjacent(text, t, &toks[start]) {
            break;
        }
        start -= 1;
        if name_word(t) {
            first_name_word = Some(start);
        }
    }
    let start = first_name_word?;
    Some(start..to)
}

/// Bare back-references ("Haidari said"): a lone capitalised word that
/// spells a family name of the text, outside any other mention.
pub(super) fn back_references<'t>(
    text: &'t str,
    found: &[Found<'t>],
    full_names: &FullNames<'t>,
) -> Vec<Found<'t>> {
    let mut covered: Vec<Range<usize>> = Vec::new();
    let mut ranges: Vec<Range<usize>> = found.iter().map(|f| f.range.clone()).collect();
    ranges.sort_by_key(|r| r.start);
    for r in ranges {
        match covered.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => covered.push(r),
        }
    }
    let mut bare = Vec::new();
    // Every name word holds a capital letter ("al-Sisi" after its
    // particle): look only at the tokens that hold one.
    let mut at = 0;
    while let Some(capital) = next_capital(text, at) {
        let start = token_start(text, capital);
        if let Some(end) = full_names.initials.rules_out_word_at(text, start) {
            at = end;
            continue;
        }
        let t = token_at(text, start);
        at = t.range.end.max(capital + 1);
        let may_be_name = t.capitalised() || t.word.contains('-');
        if !may_be_name || !full_names.knows(t.word) || !name_word(&t) {
            continue;
        }
        let slot = covered.partition_point(|c| c.end < t.range.end);
        let inside = covered.get(slot).is_some_and(|c| c.start <= t.range.start);
        let joined_after = next_token(text, &t).is_some_and(|n| name_word(&n));
        let joined_before = previous_token(text, &t).is_some_and(|p| name_word(&p));
        if !inside && !joined_after && !joined_before {
            bare.push(Found {
                range: t.range.clone(),
                name: t.range.clone(),
                words: vec![t.word],
                office: None,
            });
        }
    }
    bare
}
