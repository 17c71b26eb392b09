//! Finding date candidates: a DFA built ahead of time by `build.rs` from
//! the forms in [`super::forms`] finds where each candidate is and which
//! form it is; that one form, compiled on its first use, reads its parts.

use std::sync::{LazyLock, OnceLock};

use regex::{Regex, RegexBuilder};
use regex_automata::dfa::{dense, regex::Regex as DfaRegex};
use regex_automata::nfa::thompson;
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};

use super::forms::{forms, DAY, MONTH, ORD, S, SO, YEAR, YEAR_WORDS};

/// The date forms as written, built once.
static FORMS: LazyLock<Vec<String>> = LazyLock::new(forms);

/// Bytes aligned for a DFA's transition table, as `from_bytes` requires.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u32; 0],
    bytes: B,
}

static FORWARD: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/dates.forward.dfa")),
};

static REVERSE: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/dates.reverse.dfa")),
};

type Dfa = dense::DFA<&'static [u32]>;

/// Finds the next date candidate and which form it is: compiling the forms
/// together at start-up took tens of milliseconds, loading takes none.
static FINDER: LazyLock<DfaRegex<Dfa>> = LazyLock::new(|| {
    let (forward, reverse) = finder_tables();
    DfaRegex::builder().build_from_dfas(forward, reverse)
});

/// The finder's two DFAs, read without checking every transition.
/// Checking reads all 7.7 MB, which took longer than checking the seed
/// articles; the `embedded_tables_are_valid` test checks them instead.
fn finder_tables() -> (Dfa, Dfa) {
    // SAFETY: the bytes are exactly what `build.rs` serialised with
    // `to_bytes_*_endian` for this target's byte order, in this build,
    // from the regex-automata this crate links (one version in the lock
    // file), and they are aligned to 4 bytes by `Aligned`. That is the
    // contract of `from_bytes_unchecked`; the test below runs the full
    // check on the same bytes.
    let load = |bytes: &'static [u8]| unsafe {
        Dfa::from_bytes_unchecked(bytes)
            .expect("build.rs wrote a DFA")
            .0
    };
    (load(&FORWARD.bytes), load(&REVERSE.bytes))
}

/// One form's own engine, for reading its capture groups over the span
/// the finder found: a bounded backtracker over the form's NFA. Nothing
/// else is built (no lazy DFA, no reverse automaton, no prefilter): the
/// span is a few words long, and building is what costs when a program
/// checks a handful of articles.
struct FormReader {
    engine: BoundedBacktracker,
    caches: Pool<backtrack::Cache, CacheMaker>,
    /// The form's group names and indices: the date parser asks for many
    /// names a form does not have, and a scan of these few answers that
    /// faster than the engine's hashed lookup.
    groups: Vec<(String, usize)>,
}

type CacheMaker = Box<dyn Fn() -> backtrack::Cache + Send + Sync>;

/// Each form's reader, built when the form first matches: a text uses few.
static FORM_READERS: LazyLock<Vec<OnceLock<FormReader>>> =
    LazyLock::new(|| FORMS.iter().map(|_| OnceLock::new()).collect());

fn form_reader(form: usize) -> Option<&'static FormReader> {
    let pattern = FORMS.get(form)?;
    Some(FORM_READERS.get(form)?.get_or_init(|| {
        let nfa = thompson::Compiler::new()
            .syntax(syntax::Config::new().unicode(false))
            .configure(thompson::Config::new().nfa_size_limit(Some(64 << 20)))
            .build(pattern)
            .expect("a date form is valid");
        let engine = BoundedBacktracker::new_from_nfa(nfa).expect("a date form is valid");
        let groups: Vec<(String, usize)> = engine
            .get_nfa()
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .enumerate()
            .filter_map(|(i, name)| Some((name?.to_string(), i)))
            .collect();
        let maker = engine.clone();
        FormReader {
            engine,
            caches: Pool::new(Box::new(move || maker.create_cache())),
            groups,
        }
    }))
}

/// The next date candidate at or after `at` that ends by `limit`: where
/// it starts, and its capture groups.
pub(super) fn next_candidate(
    text: &str,
    at: usize,
    limit: usize,
) -> Option<(usize, Option<FormCaptures<'_>>)> {
    let found = FINDER.find(Input::new(text).span(at..limit.min(text.len())))?;
    let reader = form_reader(found.pattern().as_usize())?;
    let mut caps = reader.engine.create_captures();
    // The whole text stays the haystack, so that word boundaries at the
    // span's ends see their neighbours.
    let input = Input::new(text)
        .range(found.range())
        .anchored(Anchored::Yes);
    let searched = reader
        .engine
        .try_search(&mut reader.caches.get(), &input, &mut caps);
    let read = searched.is_ok() && caps.get_match().is_some_and(|m| m.range() == found.range());
    Some((
        found.start(),
        read.then_some(FormCaptures {
            form: found.pattern().as_usize(),
            text,
            caps,
            groups: &reader.groups,
        }),
    ))
}

/// A form's capture groups over the text it matched.
pub(super) struct FormCaptures<'t> {
    /// Which form matched: its index in [`super::forms::forms`].
    form: usize,
    text: &'t str,
    caps: Captures,
    groups: &'static [(String, usize)],
}

/// A matched group: what it says and where it starts.
#[derive(Clone, Copy, Debug)]
pub(super) struct Piece<'t> {
    text: &'t str,
    start: usize,
}

impl<'t> Piece<'t> {
    pub(super) fn as_str(&self) -> &'t str {
        self.text
    }

    pub(super) fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end()
    }

    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Capture groups by name or number, from a date form or from another
/// pattern of the date reader.
pub(super) trait Groups {
    fn name(&self, name: &str) -> Option<Piece<'_>>;
    fn get(&self, index: usize) -> Option<Piece<'_>>;
}

impl FormCaptures<'_> {
    /// Which form matched: its index in [`super::forms::forms`], as the
    /// finder reported it.
    pub(super) fn form(&self) -> usize {
        self.form
    }

    fn piece(&self, span: regex_automata::Span) -> Option<Piece<'_>> {
        Some(Piece {
            text: self.text.get(span.range())?,
            start: span.start,
        })
    }
}

impl Groups for FormCaptures<'_> {
    fn name(&self, name: &str) -> Option<Piece<'_>> {
        // A form has a few groups, and the parser asks for dozens of names
        // it does not have: a scan that compares lengths first rules
        // those out fastest.
        let (_, index) = self
            .groups
            .iter()
            .find(|(n, _)| n.len() == name.len() && n == name)?;
        self.piece(self.caps.get_group(*index)?)
    }

    fn get(&self, index: usize) -> Option<Piece<'_>> {
        self.piece(self.caps.get_group(index)?)
    }
}

impl Groups for regex::Captures<'_> {
    fn name(&self, name: &str) -> Option<Piece<'_>> {
        let m = regex::Captures::name(self, name)?;
        Some(Piece {
            text: m.as_str(),
            start: m.start(),
        })
    }

    fn get(&self, index: usize) -> Option<Piece<'_>> {
        let m = regex::Captures::get(self, index)?;
        Some(Piece {
            text: m.as_str(),
            start: m.start(),
        })
    }
}

/// A range's second end when it is not a date on its own: "between March
/// and May", "from 2001 to 2004".
pub(super) static RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(&format!(
        r"(?xi)^{SO}(?P<c>to|until|till|through|and|-|(?u:–)|(?u:—)){SO}(?P<end>(?P<m>{MONTH})(?:{S}(?P<d>{DAY}){ORD}?)?(?:,?{S}(?P<y>{YEAR}))?|(?P<yo>{YEAR})){b}",
        b = r"(?-u:\b)"
    ))
    .build()
    .expect("range pattern is valid")
});

/// A year in words at the start of the text: "nineteen ninety six".
pub(super) static YEAR_IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(&format!(r"^{YEAR_WORDS}(?-u:\b)"))
        .case_insensitive(true)
        .build()
        .expect("year pattern is valid")
});

/// What makes a day stand for its week: "the week of", "w/c".
pub(super) static WEEK_OF: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(&format!(
        r"(?:(?-u:\b)week{S}(?:of|commencing|starting|beginning)(?:{S}on)?|(?-u:\b)w/c){S}(?:the{S})?$"
    ))
    .case_insensitive(true)
    .build()
    .expect("week pattern is valid")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_are_valid() {
        for bytes in [&FORWARD.bytes, &REVERSE.bytes] {
            Dfa::from_bytes(bytes).expect("the embedded DFA passes every check");
        }
    }

    /// No candidate runs past a line break: `\n` is at most its last byte
    /// (a form's closing context, as in "on 4\n"). So a piece's scan need
    /// look no further than the line its stop is on ([`search_limit`]).
    /// Checked on the finder itself: from every anchored start, no state
    /// reached is still alive two bytes after a `\n`, but for a match that
    /// ends there.
    #[test]
    fn no_candidate_runs_past_a_line_break() {
        use regex_automata::dfa::Automaton;
        use regex_automata::util::start;
        let (forward, _) = finder_tables();
        let mut seen = std::collections::HashSet::new();
        let mut todo = Vec::new();
        for before in [None, Some(b'\n'), Some(b'a'), Some(b' ')] {
            let config = start::Config::new()
                .anchored(Anchored::Yes)
                .look_behind(before);
            todo.push(forward.start_state(&config).expect("anchored starts"));
        }
        let over = |id| forward.is_dead_state(id) || forward.is_quit_state(id);
        while let Some(id) = todo.pop() {
            if over(id) || !seen.insert(id) {
                continue;
            }
            let after_break = forward.next_state(id, b'\n');
            if !over(after_break) {
                for byte in 0..=255u8 {
                    let next = forward.next_state(after_break, byte);
                    let ended = forward.is_match_state(next)
                        && (0..=255u8).all(|b| over(forward.next_state(next, b)));
                    assert!(
                        over(next) || ended,
                        "a candidate can go on past a line break (then byte {byte})"
                    );
                }
            }
            todo.extend((0..=255u8).map(|byte| forward.next_state(id, byte)));
        }
        assert!(seen.len() > 100, "walked {} states", seen.len());
    }
}
