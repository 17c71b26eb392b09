//! Background sentences: history, earlier disasters, comparisons and
//! other incidents. Their figures are not the story's: "In 2004 a tsunami
//! killed 230,000 people" in a story of 2023 is no death toll of it. Count
//! rules (those with `event`, `event_pattern` or `counted`, and any with
//! `background = "skip"`) take nothing from them.
//!
//! A sentence is background when it is dated before the story's time (a
//! date whose latest possible day is more than [`STORY_DAYS`] before the
//! document date, or, with no document date, a year before the latest year
//! the document names), or when it says it compares or looks back ("the
//! deadliest since", "last year's", "the previous", "in a separate
//! incident").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::number::MAGNITUDE;
use crate::extract::{Claim, ClaimValue};
use crate::source::Source;

/// How many days before the document date a sentence may be dated and
/// still be about the story: a report of a Thursday quake written on the
/// next Monday still speaks of it, a flood three months before does not.
pub const STORY_DAYS: i64 = 14;

/// Words that say a sentence looks back or compares. ASCII boundaries:
/// news is full of curly quotes (see `rules::pattern::ascii_boundaries`).
/// `\w` and `\d` are Unicode's here.
const LOOKS_BACK_WORDS: &str = r"(?i)(?-u:\b)(?:(?:deadliest|worst|biggest|largest|strongest|most\s+\w+)\s+(?:\w+\s+){0,4}since|the\s+previous|last\s+(?:year|month|week|decade|century)['’]s|a\s+year\s+(?:earlier|before)|last\s+(?:year|month|decade|spring|summer|autumn|fall|winter|january|february|march|april|june|july|august|september|october|november|december)|earlier\s+this\s+(?:year|month)|(?:\w+|\d+)\s+(?:months|years|decades)\s+ago|(?:years|decades)\s+(?:after|before|earlier)|in\s+recent\s+(?:years|decades|months)|in\s+(?:a|another)\s+(?:separate|similar|unrelated|earlier|previous)\s+\w+|(?:another|a\s+separate|an\s+earlier)\s+(?:incident|attack|shooting|bombing|quake|earthquake|accident|crash|case|raid|disaster)|each\s+year|every\s+year|per\s+year|annually|on\s+average|compared\s+(?:with|to)|anniversary|history|the\s+last\s+(?:\w+\s+)?(?:quake|earthquake|temblor|attack|shooting|bombing|fire|flood|storm|hurricane|blast|crash)|the\s+same\s+\w+\s+(?:was|had\s+been)\s+(?:hit|struck)|(?:can|could|may)\s+cause)(?-u:\b)";

/// [`LOOKS_BACK_WORDS`], for any text.
static LOOKS_BACK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(LOOKS_BACK_WORDS).expect("background pattern is valid"));

/// [`LOOKS_BACK_WORDS`] for a text whose word characters are all ASCII
/// ([`super::pattern::ascii_words_only`]), where it matches exactly what
/// the other does. Unicode's `\w` was two thirds of the automaton, and
/// compiling it was two thirds of the work of assigning the seed
/// articles' claims, which wait for it.
static LOOKS_BACK_ASCII: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&ascii_words(LOOKS_BACK_WORDS)).expect("background pattern is valid")
});

/// `pattern` with `\w` and `\d` for ASCII word characters and digits
/// only. On a text in which no other character is a word character (a
/// digit of another script is one), each matches where it did: the
/// classes differ on nothing the text holds. Case folding adds the Kelvin
/// sign and the long s to `[0-9A-Za-z_]`, word characters too.
fn ascii_words(pattern: &str) -> String {
    pattern
        .replace(r"\w", "[0-9A-Za-z_]")
        .replace(r"\d", "[0-9]")
}

/// Where [`LOOKS_BACK_WORDS`] matches in `text`.
fn looks_back(text: &str) -> regex::Matches<'static, '_> {
    if super::pattern::ascii_words_only(text) {
        LOOKS_BACK_ASCII.find_iter(text)
    } else {
        LOOKS_BACK.find_iter(text)
    }
}

/// The story's time: days before it are background.
#[derive(Clone, Copy, Debug)]
pub enum StoryTime {
    /// The document date less [`STORY_DAYS`].
    From(jiff::civil::Date),
    /// No document date: the latest year the document's dates name.
    Year(i16),
    Unknown,
}

impl StoryTime {
    pub fn of(source: &Source, claims: &[Claim]) -> StoryTime {
        if let Some(d) = &source.document_date {
            // A later report (a trial, an anniversary) of the event the
            // run's first sources told is still the story from their day.
            let start = source.story_began.map_or(d.date, |began| began.min(d.date));
            return start
                .checked_sub(jiff::Span::new().days(STORY_DAYS))
                .map_or(StoryTime::Unknown, StoryTime::From);
        }
        let latest = claims
            .iter()
            .filter_map(|c| match &c.value {
                ClaimValue::Date(d) => d.set.hi.filter(|_| d.set.lo.is_some()),
                _ => None,
            })
            .map(|d| d.year())
            .max();
        latest.map_or(StoryTime::Unknown, StoryTime::Year)
    }
}

/// How far two magnitudes may differ and still name one quake: agencies
/// differ by a few tenths on the same shock (5.9 and 6.1), while a second
/// quake or the one of September is another figure altogether.
pub const SAME_QUAKE: f64 = 0.3;

/// What a document's story is, as far as its words tell: its time, and the
/// magnitude its first quake is given (a sentence naming a quake of
/// another magnitude speaks of another quake).
#[derive(Clone, Copy, Debug)]
pub struct Story {
    pub time: StoryTime,
    pub magnitude: Option<f64>,
    /// No document date, and the story's day is named by its weekday
    /// ("on Sunday"): a bare month ("in September", "Early November")
    /// then names another time, since the story's own is this week's.
    pub by_weekday: bool,
}

impl Story {
    pub fn of(source: &Source, claims: &[Claim]) -> Story {
        let magnitude = claims.iter().find_map(|c| match &c.value {
            ClaimValue::Number(n) if n.unit.as_deref() == Some(MAGNITUDE) => Some(n.number),
            _ => None,
        });
        let by_weekday = source.document_date.is_none()
            && claims.iter().any(|c| match &c.value {
                ClaimValue::Date(d) => {
                    d.set.weekday.is_some() && d.set.month.is_none() && d.set.lo.is_none()
                }
                _ => false,
            });
        Story {
            time: StoryTime::of(source, claims),
            magnitude,
            by_weekday,
        }
    }
}

/// True when a sentence opens on a word that points back at the one
/// before: "It killed 612 people", "That temblor killed six".
pub fn points_back(sentence: &str) -> bool {
    let first: Vec<&str> = sentence.split_whitespace().take(2).collect();
    match first.as_slice() {
        [w, ..] if matches!(*w, "It" | "They" | "That" | "Those" | "These") => true,
        ["This", next] => !next.starts_with(char::is_uppercase),
        _ => false,
    }
}

/// Where background starts in a sentence, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Figures from this byte on are background: the sentence's start
    /// when it is dated before the story, else the start of the words
    /// that look back ("The navy captured 23 pirates and thwarted another
    /// attack": the 23 comes before "another attack" and is the story's).
    pub from: usize,
    /// "the sentence is dated 1960", "the sentence looks back or
    /// compares (\u{201c}deadliest quake since\u{201d})".
    pub why: String,
}

/// Whether `sentence` is background, wholly or from some point on.
pub fn judge(
    source: &Source,
    claims: &[Claim],
    sentence: &Range<usize>,
    story: Story,
) -> Option<Verdict> {
    let text = source.text.get(sentence.clone())?;
    for c in claims {
        if c.span.range.start < sentence.start || c.span.range.end > sentence.end {
            continue;
        }
        if source.in_header(&c.span.range) {
            continue;
        }
        if let (ClaimValue::Number(n), Some(story)) = (&c.value, story.magnitude) {
            let other = n.unit.as_deref() == Some(MAGNITUDE)
                && (n.number - story).abs() > SAME_QUAKE
                && n.upper.is_none_or(|u| (u - story).abs() > SAME_QUAKE);
            if other {
                let written = source.text.get(c.span.range.clone()).unwrap_or("");
                return Some(Verdict {
                    from: sentence.start,
                    why: format!(
                        "the sentence names another quake (magnitude {written}; the story's is {story})"
                    ),
                });
            }
        }
        let ClaimValue::Date(d) = &c.value else {
            continue;
        };
        let bare_month = d.set.month.is_some()
            && d.set.day.is_none()
            && d.set.weekday.is_none()
            && d.set.lo.is_none();
        if story.by_weekday && bare_month {
            let written = source.text.get(c.span.range.clone()).unwrap_or("");
            return Some(Verdict {
                from: sentence.start,
                why: format!("the sentence is dated {written}, the story by its weekday"),
            });
        }
        let Some(hi) = d.set.hi.filter(|_| d.set.lo.is_some()) else {
            continue;
        };
        let before = match story.time {
            StoryTime::From(from) => hi < from,
            StoryTime::Year(year) => hi.year() < year,
            StoryTime::Unknown => false,
        };
        if before {
            let written = source.text.get(c.span.range.clone()).unwrap_or("");
            // "the fifth operation since September" spans up to now: only
            // what follows the date ("since 1960, when 12,000 died") is of
            // that other time.
            let since = source
                .text
                .get(sentence.start..c.span.range.start)
                .and_then(|before| before.split_whitespace().last())
                .is_some_and(|w| w.eq_ignore_ascii_case("since"));
            return Some(Verdict {
                from: if since {
                    c.span.range.start
                } else {
                    sentence.start
                },
                why: format!("the sentence is dated {written}"),
            });
        }
    }
    // "a rampage exactly two years ago" looks back to the story's own
    // time when the run's first reports are of that day: a look-back
    // whose date falls within the story's time is no other event.
    let within_story = |at: Range<usize>| {
        let StoryTime::From(from) = story.time else {
            return false;
        };
        claims.iter().any(|c| {
            let ClaimValue::Date(d) = &c.value else {
                return false;
            };
            // A loose "two years ago" spans a year either side: its middle
            // is the day it names.
            let middle = d.set.lo.zip(d.set.hi).and_then(|(lo, hi)| {
                let days = lo.until(hi).ok()?.get_days();
                lo.checked_add(jiff::Span::new().days(days / 2)).ok()
            });
            c.span.range.start < at.end
                && at.start < c.span.range.end
                && middle.is_some_and(|m| m >= from)
        })
    };
    looks_back(text)
        .find(|m| !within_story(sentence.start + m.start()..sentence.start + m.end()))
        .map(|m| Verdict {
            from: sentence.start + m.start(),
            why: format!(
                "the sentence looks back or compares (\u{201c}{}\u{201d})",
                m.as_str()
            ),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{DateOrder, Source, SourceId, SourceMeta};

    fn background_of(text: &str, published: Option<&str>) -> Vec<Option<String>> {
        background_in_story(text, published, None)
    }

    /// As [`background_of`], in a run whose first source is dated `began`.
    fn background_in_story(
        text: &str,
        published: Option<&str>,
        began: Option<&str>,
    ) -> Vec<Option<String>> {
        let date = published
            .and_then(crate::source::parse_iso_date)
            .map(|d| crate::source::DocumentDate::given(d, crate::source::DateBasis::Manifest));
        let source = Source::new(
            SourceId(0),
            "t".into(),
            text.into(),
            SourceMeta::default(),
            DateOrder::Mdy,
            date,
        );
        let mut source = source;
        source.story_began = began.and_then(crate::source::parse_iso_date);
        let claims = crate::extract::extract(&source);
        let story = Story::of(&source, &claims);
        crate::extract::sentence::sentences(&source.text)
            .iter()
            .map(|s| judge(&source, &claims, s, story).map(|v| v.why))
            .collect()
    }

    #[test]
    fn sentences_dated_before_the_story_are_background() {
        let found = background_of(
            "The quake killed 40 people on Sunday. It was the deadliest quake since 1960, when 12,000 people died in the port city. In 2004 a tsunami killed 230,000 people across the region. Last year's flood left 40 dead.",
            Some("2023-09-10"),
        );
        assert_eq!(found[0], None);
        assert!(
            found[1].as_deref().is_some_and(|w| w.contains("1960")),
            "{found:?}"
        );
        assert_eq!(found[2].as_deref(), Some("the sentence is dated 2004"));
        assert!(
            found[3].as_deref().is_some_and(|w| w.contains("Last year")),
            "{found:?}"
        );
    }

    #[test]
    fn a_later_report_of_the_run_s_first_event_is_not_background() {
        let text = "A jury convicted the man charged in an April 2007 shooting that left a receptionist dead. The rampage exactly two years ago left two dead. A 1999 fire killed four.";
        let alone = background_in_story(text, Some("2009-04-30"), None);
        assert!(alone[0].is_some() && alone[1].is_some(), "{alone:?}");
        let in_run = background_in_story(text, Some("2009-04-30"), Some("2007-04-10"));
        assert_eq!(in_run[..2], [None, None]);
        assert_eq!(in_run[2].as_deref(), Some("the sentence is dated 1999"));
    }

    #[test]
    fn with_no_document_date_the_latest_year_named_is_the_story_s() {
        let found = background_of(
            "The fire on March 3, 2019 killed 12 people. A fire in 2011 killed 40.",
            None,
        );
        assert_eq!(found[0], None);
        assert_eq!(found[1].as_deref(), Some("the sentence is dated 2011"));
    }

    #[test]
    fn a_bare_month_is_another_time_in_a_story_dated_by_its_weekday() {
        let found = background_of(
            "The quake struck on Sunday, injuring five. A quake in September killed seven. It injured 40.",
            None,
        );
        assert_eq!(found[0], None);
        assert_eq!(
            found[1].as_deref(),
            Some("the sentence is dated September, the story by its weekday")
        );
    }

    #[test]
    fn the_story_s_own_days_are_not_background() {
        let found = background_of(
            "The quake struck on Thursday, killing 40. By Monday the toll had risen to 52.",
            Some("2023-09-12"),
        );
        assert_eq!(found, [None, None]);
    }

    fn spans(matches: regex::Matches) -> Vec<Range<usize>> {
        matches.map(|m| m.range()).collect()
    }

    #[test]
    fn words_of_other_scripts_take_the_unicode_pattern() {
        // "most" and "since" around a word the ASCII classes do not hold.
        let text = "the most lethal café since 1990, three décennies later";
        assert!(!crate::rules::pattern::ascii_words_only(text));
        assert_eq!(spans(looks_back(text)), spans(LOOKS_BACK.find_iter(text)));
        assert_ne!(
            spans(LOOKS_BACK_ASCII.find_iter(text)),
            spans(LOOKS_BACK.find_iter(text)),
            "the ASCII pattern is only for ASCII words"
        );
    }

    proptest::proptest! {
        /// The look-back words are found where Unicode's pattern finds
        /// them, in text of curly quotes, no-break spaces, accented words,
        /// digits of other scripts, the Kelvin sign and the long s; and
        /// the ASCII pattern finds the same wherever it is taken.
        #[test]
        fn look_backs_are_found_as_unicode_finds_them(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "the", "most", "deadliest", "since", "last", "year’s", "year's",
                "years", "ago", "three", "٣", "12", "in", "a", "separate",
                "incident", "quake", "café", "Zürich", "\u{212a}illed", "\u{17f}ince",
                "“storm”", "—", "earlier", "this", "month", "same", "was", "hit",
            ]), 0..14),
            gaps in proptest::collection::vec(proptest::sample::select(vec![
                " ", "\u{a0}", "  ", ", ", "\n",
            ]), 14),
        ) {
            let text: String = words.iter().zip(&gaps).flat_map(|(w, g)| [*w, *g]).collect();
            let unicode = spans(LOOKS_BACK.find_iter(&text));
            proptest::prop_assert_eq!(spans(looks_back(&text)), unicode.clone());
            if crate::rules::pattern::ascii_words_only(&text) {
                proptest::prop_assert_eq!(spans(LOOKS_BACK_ASCII.find_iter(&text)), unicode);
            }
        }
    }
}
