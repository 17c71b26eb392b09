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

use crate::extract::{Claim, ClaimValue};
use crate::source::Source;

/// How many days before the document date a sentence may be dated and
/// still be about the story: a report of a Thursday quake written on the
/// next Monday still speaks of it, a flood three months before does not.
pub const STORY_DAYS: i64 = 14;

/// Words that say a sentence looks back or compares. ASCII boundaries:
/// news is full of curly quotes (see `rules::ascii_boundaries`).
static LOOKS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:deadliest|worst|biggest|largest|strongest|most\s+\w+)\s+(?:\w+\s+){0,4}since|the\s+previous|last\s+(?:year|month|week|decade|century)['’]s|a\s+year\s+(?:earlier|before)|in\s+recent\s+(?:years|decades|months)|in\s+(?:a|another)\s+(?:separate|similar|unrelated|earlier|previous)\s+\w+|(?:another|a\s+separate|an\s+earlier)\s+(?:incident|attack|shooting|bombing|quake|earthquake|accident|crash|case|raid|disaster)|each\s+year|every\s+year|per\s+year|annually|on\s+average|compared\s+(?:with|to)|anniversary|history|the\s+last\s+(?:\w+\s+)?(?:quake|earthquake|temblor|attack|shooting|bombing|fire|flood|storm|hurricane|blast|crash)|the\s+same\s+\w+\s+(?:was|had\s+been)\s+(?:hit|struck)|(?:can|could|may)\s+cause)(?-u:\b)",
    )
    .expect("background pattern is valid")
});

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
            return d
                .date
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

/// Why `sentence` is background, if it is: "the sentence is dated 1960",
/// "the sentence looks back (\u{201c}deadliest since\u{201d})".
pub fn judge(
    source: &Source,
    claims: &[Claim],
    sentence: &Range<usize>,
    story: StoryTime,
) -> Option<String> {
    let text = source.text.get(sentence.clone())?;
    for c in claims {
        if c.span.range.start < sentence.start || c.span.range.end > sentence.end {
            continue;
        }
        if source.in_header(&c.span.range) {
            continue;
        }
        let ClaimValue::Date(d) = &c.value else {
            continue;
        };
        let Some(hi) = d.set.hi.filter(|_| d.set.lo.is_some()) else {
            continue;
        };
        let before = match story {
            StoryTime::From(from) => hi < from,
            StoryTime::Year(year) => hi.year() < year,
            StoryTime::Unknown => false,
        };
        if before {
            let written = source.text.get(c.span.range.clone()).unwrap_or("");
            return Some(format!("the sentence is dated {written}"));
        }
    }
    LOOKS_BACK.find(text).map(|m| {
        format!(
            "the sentence looks back or compares (\u{201c}{}\u{201d})",
            m.as_str()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{DateOrder, Source, SourceId, SourceMeta};

    fn background_of(text: &str, published: Option<&str>) -> Vec<Option<String>> {
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
        let claims = crate::extract::extract(&source);
        let story = StoryTime::of(&source, &claims);
        crate::extract::sentence::sentences(&source.text)
            .iter()
            .map(|s| judge(&source, &claims, s, story))
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
    fn with_no_document_date_the_latest_year_named_is_the_story_s() {
        let found = background_of(
            "The fire on March 3, 2019 killed 12 people. A fire in 2011 killed 40.",
            None,
        );
        assert_eq!(found[0], None);
        assert_eq!(found[1].as_deref(), Some("the sentence is dated 2011"));
    }

    #[test]
    fn the_story_s_own_days_are_not_background() {
        let found = background_of(
            "The quake struck on Thursday, killing 40. By Monday the toll had risen to 52.",
            Some("2023-09-12"),
        );
        assert_eq!(found, [None, None]);
    }
}
