//! Same person: when two spellings are one name ("Haidari", "Haidary",
//! "Erdoğan", "Erdogan"), when two full names are one person, and which
//! full name of a text a lone family name refers back to.

use super::vocabulary::HONORIFICS;

/// The full names of a text, indexed by family name: a long text names the
/// same few people again and again, so each word is compared with each
/// distinct family name once, not with every full name before it.
pub(super) struct FullNames<'t> {
    /// Each full name's words, in text order of where it stands.
    names: Vec<Vec<&'t str>>,
    /// Distinct family names, and the full names (position, index into
    /// `names`) that end in each, in text order.
    surnames: Vec<(&'t str, Vec<(usize, usize)>)>,
    /// What an ASCII word must have to spell a family name: see
    /// [`Initials::may_spell`].
    pub(super) initials: Initials,
    /// The family names (indices into `surnames`) under each of their
    /// [`name_word_keys`], so a word is compared only with those it may spell.
    by_key: std::collections::HashMap<NameKey, Vec<usize>, crate::fnv::WordBuild>,
    /// Which family names a word is a spelling of, once per word.
    answers:
        std::cell::RefCell<std::collections::HashMap<&'t str, Vec<usize>, crate::fnv::WordBuild>>,
}

impl<'t> FullNames<'t> {
    pub(super) fn new(mut found: Vec<(usize, Vec<&'t str>)>) -> Self {
        found.sort_by_key(|(at, _)| *at);
        let mut by_surname: std::collections::BTreeMap<&str, Vec<(usize, usize)>> =
            Default::default();
        for (i, (at, words)) in found.iter().enumerate() {
            if let Some(last) = words.last() {
                by_surname.entry(last).or_default().push((*at, i));
            }
        }
        let initials = Initials::of(by_surname.keys().copied());
        let mut by_key: std::collections::HashMap<NameKey, Vec<usize>, crate::fnv::WordBuild> =
            Default::default();
        for (i, surname) in by_surname.keys().enumerate() {
            for key in name_word_keys(surname) {
                by_key.entry(key).or_default().push(i);
            }
        }
        FullNames {
            by_key,
            names: found.into_iter().map(|(_, words)| words).collect(),
            surnames: by_surname.into_iter().collect(),
            initials,
            answers: Default::default(),
        }
    }

    /// Indices into `surnames` of the family names `word` can spell.
    fn surnames_like(&self, word: &'t str) -> std::cell::Ref<'_, Vec<usize>> {
        if !self.answers.borrow().contains_key(word) {
            let mut like: Vec<usize> = name_word_keys(word)
                .iter()
                .filter_map(|key| self.by_key.get(key))
                .flatten()
                .copied()
                .collect();
            like.sort_unstable();
            like.dedup();
            like.retain(|&i| same_name_word(self.surnames[i].0, word));
            self.answers.borrow_mut().insert(word, like);
        }
        std::cell::Ref::map(self.answers.borrow(), |a| &a[word])
    }

    pub(super) fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// True when `word` spells one of the family names.
    pub(super) fn knows(&self, word: &'t str) -> bool {
        if !self.initials.may_spell(word) {
            return false;
        }
        // One lookup for a word seen before, as most are.
        if let Some(like) = self.answers.borrow().get(word) {
            return !like.is_empty();
        }
        !self.surnames_like(word).is_empty()
    }

    /// The full name a one-word mention at `at` refers to: the nearest
    /// full name before it with that family name, else the first after it.
    pub(super) fn resolve(&self, at: usize, word: &'t str) -> Option<String> {
        let like = self.surnames_like(word);
        let lists = like.iter().map(|&i| &self.surnames[i].1);
        let before = lists
            .clone()
            .filter_map(|list| {
                let k = list.partition_point(|(p, _)| *p < at);
                k.checked_sub(1).map(|k| list[k])
            })
            .max();
        let after = || lists.filter_map(|list| list.first().copied()).min();
        before.or_else(after).map(|(_, i)| self.names[i].join(" "))
    }
}

/// A quick test that rules most words out as spellings of a text's family
/// names without comparing them ([`same_name_word`]): two spellings of one
/// name start their skeletons alike, unless they are long enough for one
/// edit at the start to pass (both of six letters or more).
#[derive(Debug, Default)]
pub(super) struct Initials {
    /// Skeleton initials of the family names, `a` to `z` as bits.
    letters: u32,
    /// The longest family name, in characters.
    longest: usize,
}

impl Initials {
    pub(super) fn of<'a>(surnames: impl Iterator<Item = &'a str>) -> Self {
        let mut initials = Initials::default();
        for surname in surnames {
            let folded = folded(surname);
            initials.longest = initials.longest.max(folded.chars().count());
            if let Some(c) = skeleton(&folded)
                .chars()
                .next()
                .filter(char::is_ascii_lowercase)
            {
                initials.letters |= 1 << (c as u8 - b'a');
            }
        }
        initials
    }

    /// False only when `word` cannot spell any of the family names. Only
    /// ASCII words that open with a letter are ruled out.
    pub(super) fn may_spell(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return true;
        };
        if !word.is_ascii() || !first.is_ascii_alphabetic() {
            return true;
        }
        // As `skeleton` spells it.
        let initial = match first.to_ascii_lowercase() {
            b'c' | b'q' => b'k',
            other => other,
        };
        self.letters & (1 << (initial - b'a')) != 0 || (word.len() >= 6 && self.longest >= 6)
    }

    /// Where the token at `start` ends, when it is a short ASCII word that
    /// [`Self::may_spell`] rules out: read without tokenizing, as most
    /// capitalised words are ("The", "In", "But").
    pub(super) fn rules_out_word_at(&self, text: &str, start: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let first = *bytes.get(start)?;
        if !first.is_ascii_alphabetic() {
            return None;
        }
        for end in start + 1..start + 6 {
            match bytes.get(end) {
                Some(b) if b.is_ascii_alphanumeric() => continue,
                // A joiner or another character: the tokenizer decides.
                Some(b'-' | b'\'' | b'.') => return None,
                Some(b) if !b.is_ascii() => return None,
                _ => return (!self.may_spell(&text[start..end])).then_some(end),
            }
        }
        None
    }
}

/// A rough consonant skeleton, so transliterations meet: "Haidari" and
/// "Haidary" are both "hdr".
fn skeleton(word: &str) -> String {
    let mut out = String::new();
    let mut previous = None;
    for (i, c) in word.to_lowercase().chars().enumerate() {
        let c = match c {
            'q' | 'c' => 'k',
            other => other,
        };
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        // A doubled letter is one sound: "Haddad" and "Hadad".
        if (i == 0 || !vowel) && c.is_alphabetic() && previous != Some(c) {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

/// Lower-case letters without their accents, so "Erdoğan" meets "Erdogan".
fn folded(word: &str) -> String {
    word.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'ğ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
            'ł' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ű' | 'ū' | 'ů' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            '’' => '\'',
            other => other,
        })
        .collect()
}

/// True when two name words are one name spelt two ways.
pub fn same_name_word(a: &str, b: &str) -> bool {
    let (a, b) = (folded(a), folded(b));
    if a == b {
        return true;
    }
    if a.chars().count() < 3 || b.chars().count() < 3 {
        return false;
    }
    let (sa, sb) = (skeleton(&a), skeleton(&b));
    // Not Jaro-Winkler: it rewards a shared start, and "Tiran" (a city)
    // is not "Tiranov" (a person).
    strsim::normalized_damerau_levenshtein(&a, &b) >= 0.85 || (sa.chars().count() >= 3 && sa == sb)
}

/// True when two full names can be one person: the family names match
/// (allowing for spelling) and the given names of the shorter are all in
/// the longer. "Amir Karim Haidari" and "Sheikh Amir Karim Haidari" are one
/// person; "Farid Haidari" is another.
pub fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_end_matches('.').to_string())
            .filter(|w| !HONORIFICS.contains(&w.to_lowercase().as_str()))
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (Some((sa, ga)), Some((sb, gb))) = (a.split_last(), b.split_last()) else {
        return false;
    };
    if !same_name_word(sa, sb) {
        return false;
    }
    let (short, long) = if ga.len() <= gb.len() {
        (ga, gb)
    } else {
        (gb, ga)
    };
    short.iter().all(|g| {
        long.iter().any(|l| {
            let initial = g.chars().count() == 1 || l.chars().count() == 1;
            if initial {
                g.chars().next().map(|c| c.to_lowercase().to_string())
                    == l.chars().next().map(|c| c.to_lowercase().to_string())
            } else {
                same_name_word(g, l)
            }
        })
    })
}

/// Keys such that any two names [`same_person`] joins share one: the
/// family name's spellings within the edit distance [`same_name_word`]
/// allows (every way of deleting that many letters, which also covers a
/// swap or a changed letter), and its consonant skeleton. Grouping names
/// by key compares a name only with those it could be, so a run naming
/// thousands of people costs linear time, not names squared.
pub fn family_name_keys(name: &str) -> Vec<NameKey> {
    let family = name
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .rfind(|w| !HONORIFICS.contains(&w.to_lowercase().as_str()));
    family.map(name_word_keys).unwrap_or_default()
}

/// A key [`family_name_keys`] and [`name_word_keys`] give: a hash of a
/// spelling, since a long name has over a thousand spellings within reach
/// and each was once a string of its own. Two spellings may share a hash;
/// every user compares the names themselves after the lookup, so a shared
/// hash costs one more comparison, never a different answer.
pub type NameKey = u64;

/// The [`NameKey`] of `letters`, under a tag that keeps the kinds of key
/// (a spelling, a skeleton, a body's whole name) apart.
pub fn name_key(tag: u8, letters: impl IntoIterator<Item = char>) -> NameKey {
    letters
        .into_iter()
        .fold(crate::fnv::extend(crate::fnv::OFFSET, [tag]), |hash, c| {
            crate::fnv::extend(hash, u32::from(c).to_le_bytes())
        })
}

/// Keys such that any two words [`same_name_word`] joins share one.
fn name_word_keys(family: &str) -> Vec<NameKey> {
    let folded = folded(family);
    let letters: Vec<char> = folded.chars().collect();
    if letters.len() < 3 {
        return vec![name_key(b'd', letters)];
    }
    let mut keys = Vec::new();
    // A partner at most this long can be within the distance (its
    // similarity is 1 - distance / longer length, at least 0.85).
    let longest_partner = letters.len() * 20 / 17;
    let deletions = longest_partner * 3 / 20;
    // Past three deletions the neighbourhood grows too large: names that
    // long (and those that could be their partners) meet under one key,
    // as rare as they are.
    if deletions >= 3 {
        keys.push(name_key(b'l', []));
    }
    if deletions <= 3 {
        let mut removed = Vec::with_capacity(deletions);
        spellings_without(&letters, 0, deletions, &mut removed, &mut keys);
    }
    let skeleton = skeleton(&folded);
    if skeleton.chars().count() >= 3 {
        keys.push(name_key(b's', skeleton.chars()));
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Pushes the key of `letters` with the positions in `removed` left out,
/// then of every way of leaving out up to `more` further letters from
/// `from` on: each subsequence is reached once per set of positions, with
/// no string built.
fn spellings_without(
    letters: &[char],
    from: usize,
    more: usize,
    removed: &mut Vec<usize>,
    keys: &mut Vec<NameKey>,
) {
    let kept = letters
        .iter()
        .enumerate()
        .filter(|(i, _)| !removed.contains(i))
        .map(|(_, &c)| c);
    keys.push(name_key(b'd', kept));
    if more == 0 {
        return;
    }
    for i in from..letters.len() {
        removed.push(i);
        spellings_without(letters, i + 1, more - 1, removed, keys);
        removed.pop();
    }
}
