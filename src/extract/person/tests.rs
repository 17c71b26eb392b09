use super::same_person::Initials;
use super::tokens::{
    adjacent, is_joiner, next_capital, next_token, previous_token, token_at, token_end,
    token_start, tokens_in, Token,
};
use super::vocabulary::{
    in_vocabulary, vocabulary, ABBREVIATED, FUNCTION_WORDS, LONGEST_LISTED, MODIFIERS, OFFICE_WORDS,
};

proptest::proptest! {
    /// Grouping compares only names that share a key, so two family
    /// names that may be one must share one, however they differ.
    #[test]
    fn family_names_that_may_be_one_share_a_key(
        word in "[a-zéöK]{1,26}",
        edits in proptest::collection::vec((0usize..4, 0usize..30, "[a-zé]"), 0..4),
    ) {
        let mut other: Vec<char> = word.chars().collect();
        for (kind, at, letter) in edits {
            let letter = letter.chars().next().unwrap();
            let at = at % (other.len() + 1);
            match kind {
                0 if at < other.len() => { other.remove(at); }
                1 => other.insert(at, letter),
                2 if at < other.len() => other[at] = letter,
                3 if at + 1 < other.len() => other.swap(at, at + 1),
                _ => {}
            }
        }
        let other: String = other.into_iter().collect();
        if super::same_name_word(&word, &other) {
            let a = super::family_name_keys(&format!("Ana {word}"));
            let b = super::family_name_keys(&format!("Dr. Bo {other}."));
            proptest::prop_assert!(a.iter().any(|k| b.contains(k)), "{word} / {other}: {a:?} {b:?}");
        }
    }
    /// The back-reference scan finds tokens from any letter inside
    /// them; it must find the very tokens the tokenizer makes.
    #[test]
    fn a_token_is_found_from_any_letter_in_it(text in "[aB’'.\\- \n\u{a0}É1]{0,30}") {
        for t in tokens_in(&text, 0..text.len()) {
            for (i, c) in text[t.range.clone()].char_indices() {
                if c.is_alphanumeric() {
                    let start = token_start(&text, t.range.start + i);
                    proptest::prop_assert_eq!(start, t.range.start);
                }
            }
            let again = token_at(&text, t.range.start);
            proptest::prop_assert_eq!(again.range, t.range.clone());
            proptest::prop_assert_eq!(again.word, t.word);
        }
        let toks = tokens_in(&text, 0..text.len());
        for pair in toks.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let joined = adjacent(&text, a, b);
            let next = next_token(&text, a).map(|n| n.range);
            let previous = previous_token(&text, b).map(|p| p.range);
            proptest::prop_assert_eq!(next, joined.then(|| b.range.clone()));
            proptest::prop_assert_eq!(previous, joined.then(|| a.range.clone()));
        }
    }
}

/// [`token_end`] as first written, by characters throughout.
fn token_end_reference(text: &str, start: usize) -> usize {
    let mut at = start + text[start..].chars().next().map_or(0, char::len_utf8);
    let mut chars = text[at..].chars().peekable();
    while let Some(c) = chars.next() {
        let joins = is_joiner(c) && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if !(c.is_alphanumeric() || joins) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

proptest::proptest! {
    /// The byte-wise fast path ends tokens where the rule by
    /// characters does, from any character.
    #[test]
    fn token_ends_agree(text in "[aB9’'.\\- \n\u{a0}Éé—1]{1,30}") {
        for (i, _) in text.char_indices() {
            proptest::prop_assert_eq!(token_end(&text, i), token_end_reference(&text, i));
        }
    }
}

proptest::proptest! {
    /// A word the initials rule out spells none of the names: random
    /// words, and words one edit at the start away from a name.
    #[test]
    fn initials_rule_out_only_other_names(
        names in proptest::collection::vec("[A-Z’ÖC][a-zöyq]{0,8}", 1..4),
        word in "[A-Za-z’Ö][a-zöy]{0,8}",
        edit in 0..4usize,
        letter in "[A-Zq]",
    ) {
        let name = &names[0];
        let rest: String = name.chars().skip(1).collect();
        let edited = match edit {
            0 => format!("{letter}{rest}"),
            1 => format!("{letter}{}", name.to_lowercase()),
            2 => rest.clone(),
            _ => {
                let mut chars: Vec<char> = name.chars().collect();
                if chars.len() > 1 {
                    chars.swap(0, 1);
                }
                chars.into_iter().collect()
            }
        };
        let initials = Initials::of(names.iter().map(String::as_str));
        for word in [word, edited] {
            if !initials.may_spell(&word) {
                for name in &names {
                    proptest::prop_assert!(!same_name_word(name, &word), "{} ~ {}", name, word);
                }
            }
        }
    }

    /// A word ruled out before tokenizing is a token the initials
    /// rule out, and it ends where the tokenizer ends it.
    #[test]
    fn words_ruled_out_early_are_ruled_out_tokens(
        names in proptest::collection::vec("[A-ZÖ][a-z]{2,8}", 1..3),
        text in "[A-Za-z’'.\\- ,Ö1]{1,12}",
    ) {
        let initials = Initials::of(names.iter().map(String::as_str));
        for (start, c) in text.char_indices() {
            if !c.is_alphanumeric() || token_start(&text, start) != start {
                continue;
            }
            if let Some(end) = initials.rules_out_word_at(&text, start) {
                let t = token_at(&text, start);
                proptest::prop_assert_eq!(t.range.end, end);
                proptest::prop_assert!(!initials.may_spell(t.word));
            }
        }
    }

    /// The eight-at-a-time scan finds every capital a scan by
    /// characters finds.
    #[test]
    fn capitals_are_found_as_characters_are(text in "[aAZz@\\[`{ 9’ÖöΣ\u{a0}—]{0,40}") {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(i) = next_capital(&text, at) {
            found.push(i);
            at = i + 1;
        }
        let expected: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| c.is_uppercase())
            .map(|(i, _)| i)
            .collect();
        proptest::prop_assert_eq!(found, expected);
    }
}

proptest::proptest! {
    /// The allocation-free tests answer as the plain ones do.
    #[test]
    fn quick_word_tests_agree(word in "(ex|vice|Gov|lt|acting|MINISTER|the|Mr|é|K|[a-zA-Z]{1,4})(-(ex|general|former|Sec|x)){0,2}\\.?") {
        let token = Token { range: 0..word.len(), word: &word, possessive: false };
        proptest::prop_assert_eq!(in_vocabulary(&token), vocabulary(&token).is_some());
        let lower = token.lower();
        proptest::prop_assert_eq!(token.is_one_of(HONORIFICS), HONORIFICS.contains(&lower.as_str()));
        proptest::prop_assert_eq!(token.function_word(), FUNCTION_WORDS.contains(&lower.as_str()));
    }
}

/// One scan finds both anchor lists only if no word is in both: an
/// office word or honorific must come out as a person anchor.
#[test]
fn office_words_are_person_anchors_only() {
    for word in OFFICE_WORDS.iter().chain(HONORIFICS) {
        let found = crate::extract::Anchors::find(word);
        assert_eq!(found.people.len(), 1, "{word}");
        assert_eq!(found.people[0], 0..word.len(), "{word}");
        assert!(found.numbers.is_empty(), "{word}");
    }
}

#[test]
fn the_lists_fit_the_sets() {
    let lists = [FUNCTION_WORDS, OFFICES, QUALIFIERS, MODIFIERS, HONORIFICS];
    for word in lists.iter().flat_map(|l| l.iter()) {
        assert!(word.len() <= LONGEST_LISTED, "{word}");
        assert_eq!(word.to_lowercase(), *word, "{word}");
    }
    for (short, full) in ABBREVIATED {
        assert!(short.len() <= LONGEST_LISTED && full.len() <= LONGEST_LISTED);
        assert_eq!(short.to_lowercase(), *short, "{short}");
    }
    // Punctuation and the no-break space hold no letter or digit.
    for c in ('\u{2000}'..='\u{206f}').chain(['\u{a0}']) {
        assert!(!c.is_alphanumeric(), "{c:?}");
    }
}

#[test]
fn every_office_word_fits_the_quick_test() {
    for word in super::OFFICES
        .iter()
        .chain(ABBREVIATED.iter().map(|(a, _)| a))
    {
        assert!(
            (2..=LONGEST_LISTED).contains(&word.len()) && word.is_ascii(),
            "{word}"
        );
    }
}

use super::*;

fn titles(text: &str) -> Vec<(String, String, String)> {
    mentions(text, &crate::extract::Anchors::find(text).people)
        .into_iter()
        .filter_map(|m| {
            let office = m.office?.join(" ");
            Some((text[m.range].to_string(), m.name, office))
        })
        .collect()
}

#[test]
fn a_title_before_the_name() {
    assert_eq!(
        titles("He met Ostrian Foreign Minister Amir Karim Haidari in Tiran."),
        vec![(
            "Ostrian Foreign Minister Amir Karim Haidari".into(),
            "Amir Karim Haidari".into(),
            "foreign minister".into()
        )]
    );
}

#[test]
fn a_title_with_a_comma_and_a_qualifier() {
    let t = titles("a meeting between Ostria’s acting foreign minister, Amir Karim Haidari, and Valdoria’s ambassador to Ostria, Pavel Orlik.");
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(t[0].2, "acting foreign minister");
    assert!(t[0].0.starts_with("Ostria’s acting"));
    assert_eq!(t[1].1, "Pavel Orlik");
    assert_eq!(t[1].2, "ambassador", "the place is not part of the post");
}

#[test]
fn the_name_of_a_body_before_an_office_is_not_part_of_it() {
    for (text, office) in [
        (
            "National Water Agency director Jana Holm said so.",
            "director",
        ),
        (
            "Norland's National Water Agency director Jana Holm said so.",
            "director",
        ),
        (
            "National Water Agency deputy director Jana Holm said so.",
            "deputy director",
        ),
        (
            "Jana Holm, the National Water Agency director, said so.",
            "director",
        ),
        ("State Security Service chief Jana Holm said so.", "chief"),
        (
            "Tarsk Health Department director Jana Holm said so.",
            "director",
        ),
        (
            "Norland Foreign Ministry spokesman Jana Holm said so.",
            "spokesman",
        ),
        ("Foreign Office minister Jana Holm said so.", "minister"),
        // Lower-case, the words are the office's own.
        (
            "The foreign ministry spokesman Jana Holm said so.",
            "foreign ministry spokesman",
        ),
        (
            "Norland Foreign Minister Jana Holm said so.",
            "foreign minister",
        ),
        (
            "Norland's acting prime minister, Jana Holm, said so.",
            "acting prime minister",
        ),
    ] {
        let t = titles(text);
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        assert_eq!(t[0].1, "Jana Holm", "{text}");
        assert_eq!(t[0].2, office, "{text}");
    }
}

#[test]
fn a_title_in_apposition_after_the_name() {
    let t =
        titles("Haidari said so in a meeting with Pavel Orlik, the Valdorian ambassador to Tiran.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].0, "Pavel Orlik, the Valdorian ambassador to Tiran");
    assert_eq!(t[0].2, "ambassador");
}

#[test]
fn a_place_before_an_apposition_is_not_a_name() {
    assert!(titles("In New York, the foreign minister said no.").is_empty());
    assert_eq!(
        titles("He met with Jane Doe, the foreign minister.")[0].1,
        "Jane Doe"
    );
}

#[test]
fn names_with_particles() {
    let t = titles("Commission President Ursula von der Leyen met President Abdel Fattah al-Sisi.");
    assert_eq!(t[0].1, "Ursula von der Leyen");
    assert_eq!(t[1].1, "Abdel Fattah al-Sisi");
    let t = titles("He met Ursula von der Leyen, the commission president.");
    assert_eq!(t[0].1, "Ursula von der Leyen");
}

#[test]
fn honorifics_and_abbreviations() {
    let t = titles("Lt. Gov. Jane Q. Doe spoke. Later Gov. Doe left.");
    assert_eq!(t[0].1, "Jane Q. Doe");
    assert_eq!(t[0].2, "lieutenant governor");
    assert_eq!(t[1].1, "Jane Q. Doe", "a back-reference resolves: {t:?}");
    assert_eq!(t[1].2, "governor");
}

#[test]
fn back_references_resolve_to_the_nearest_full_name() {
    let text = "Analyst Farid Haidari spoke first. Then Foreign Minister Amir Karim Haidari arrived. Mr Haidari said yes.";
    let m = mentions(text, &crate::extract::Anchors::find(text).people);
    let last = m.last().unwrap();
    assert_eq!(&text[last.range.clone()], "Mr Haidari");
    assert_eq!(last.name, "Amir Karim Haidari");
    assert_eq!(m[0].name, "Farid Haidari");
}

#[test]
fn a_lone_capitalised_word_after_a_comma_is_not_a_name() {
    assert!(titles("They called the foreign minister, Valdoria said.").is_empty());
    assert!(titles("The President said nothing.").is_empty());
}

#[test]
fn odd_text_does_not_panic() {
    for text in [
        "",
        "Minister",
        "Mr",
        "Mr.",
        "Foreign Minister,",
        ", the ambassador",
        "A. B. C. the minister, Mr X’s",
        "President 😀 Émile Zola’s’s",
        "the ambassador to",
        "Ambassador to the",
        "’s ’s Minister’s Minister",
    ] {
        let _ = mentions(text, &crate::extract::Anchors::find(text).people);
    }
}

#[test]
fn same_person_allows_spellings_but_not_other_given_names() {
    assert!(same_person("Amir Karim Haidari", "Amir Karim Haidary"));
    assert!(same_person("Omar Haddad", "Omar Hadad"));
    assert!(same_person("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"));
    assert!(!same_name_word("Tiran", "Tiranov"));
    assert!(same_name_word("Mohammed", "Muhammad"));
    assert!(!same_person("Omar Haddad", "Omar Hamdan"));
    assert!(same_person(
        "Sheikh Amir Karim Haidari",
        "Amir Karim Haidari"
    ));
    assert!(same_person("Haidari", "Amir Karim Haidari"));
    assert!(same_person("Marta E. Lindqvist", "Marta Lindqvist"));
    assert!(!same_person("Farid Haidari", "Amir Karim Haidari"));
    assert!(!same_person("Pavel Orlik", "Ivan Dorn"));
}
