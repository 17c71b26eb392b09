//! What a number rule counts: the counted nouns (`counted`), the event
//! (`event`), the unit figures are compared in (`unit`), and whether the
//! figure only grows over time (`monotonic`). "100 people were working
//! inside" and "100 people were injured" are different facts; a death toll
//! of 137 on one day and 143 three days later is an update, not a conflict.

use toml::Spanned;

use super::Pattern;
use crate::extract::number::EVENT_NAMES;
use crate::extract::{Claim, ClaimKind, ClaimValue};
use crate::toml_file::TomlError;
use crate::value::number::{is_known_unit, KNOWN_UNITS};

/// How a figure may change between documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Monotonic {
    /// Cumulative: a later report may only raise it (a death toll).
    Rising,
}

/// Nouns whose plural is not the singular and an "s": `counted = ["men"]`
/// takes "one man".
const IRREGULAR: &[(&str, &str)] = &[
    ("person", "people"),
    ("man", "men"),
    ("woman", "women"),
    ("child", "children"),
    ("policeman", "policemen"),
    ("fisherman", "fishermen"),
    ("crewman", "crewmen"),
    ("gunman", "gunmen"),
    ("serviceman", "servicemen"),
    ("seaman", "seamen"),
];

/// A number rule's restrictions on the claims it takes.
#[derive(Clone, Debug, Default)]
pub struct Count {
    /// Nouns the figure may count ("people", "civilians"); empty: any.
    pub counted: Vec<String>,
    /// Nouns the figure must not count ("homes", "boats"): what a rule
    /// that counts anyone but things lists instead of every kind of person.
    pub not_counted: Vec<String>,
    /// The event the count must belong to ("killed"); `None`: any.
    pub event: Option<String>,
    /// A pattern the words around the figure must match ('\brescued\b'),
    /// for events that are not built in.
    pub event_pattern: Option<Pattern>,
    /// The unit figures are converted to before comparing.
    pub unit: Option<String>,
    pub monotonic: Option<Monotonic>,
}

/// The rule file's number keys, as written.
pub struct RawCount<'a> {
    pub id: &'a Spanned<String>,
    pub counted: &'a [Spanned<String>],
    pub not_counted: &'a [Spanned<String>],
    pub event: Option<&'a Spanned<String>>,
    pub event_pattern: Option<&'a Spanned<String>>,
    pub unit: Option<&'a Spanned<String>>,
    pub monotonic: Option<&'a Spanned<String>>,
}

/// True when `noun` is one of `list`, singular or plural ("person" for
/// "people" aside, "soldier" and "soldiers" are one, and so are "witness"
/// and "witnesses", "casualty" and "casualties").
fn same_noun(list: &[String], noun: &str) -> bool {
    let plural_of = |one: &str, many: &str| {
        many.strip_suffix('s') == Some(one)
            || (many.strip_suffix("es") == Some(one) && one.ends_with(['s', 'x', 'z', 'h']))
            || many
                .strip_suffix("ies")
                .is_some_and(|stem| one.strip_suffix('y') == Some(stem))
    };
    list.iter().any(|c| {
        c == noun
            || plural_of(c, noun)
            || plural_of(noun, c)
            || IRREGULAR
                .iter()
                .any(|(one, many)| [(c.as_str(), noun), (noun, c.as_str())].contains(&(one, many)))
    })
}

impl Count {
    /// Validates the number keys; a bad value is a diagnostic at it.
    pub fn parse(
        path: &str,
        text: &str,
        kind: ClaimKind,
        raw: RawCount,
    ) -> Result<Count, TomlError> {
        let bad = |span: std::ops::Range<usize>, message: String, label: &str| {
            TomlError::at(path, text, Some(span), message, label)
        };
        let first_key = raw
            .counted
            .first()
            .or(raw.not_counted.first())
            .map(|c| c.span())
            .or(raw.event.map(|e| e.span()))
            .or(raw.event_pattern.map(|e| e.span()))
            .or(raw.unit.map(|u| u.span()))
            .or(raw.monotonic.map(|m| m.span()));
        if let (Some(span), false) = (first_key, kind == ClaimKind::Number) {
            return Err(bad(
                span,
                format!(
                    "`counted`, `not_counted`, `event`, `event_pattern`, `unit` and `monotonic` are for number rules, and rule {:?} is not one",
                    raw.id.get_ref()
                ),
                "only with kind = \"number\"",
            ));
        }
        let nouns = |list: &[Spanned<String>]| {
            let mut words = Vec::new();
            for noun in list {
                let word = noun.get_ref().trim().to_lowercase();
                if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
                    return Err(bad(
                        noun.span(),
                        format!("counted noun {:?} must be one word", noun.get_ref()),
                        "expected a noun like \"people\"",
                    ));
                }
                words.push(word);
            }
            Ok(words)
        };
        let counted = nouns(raw.counted)?;
        let not_counted = nouns(raw.not_counted)?;
        let event = match raw.event {
            None => None,
            Some(e) if EVENT_NAMES.contains(&e.get_ref().as_str()) => Some(e.get_ref().clone()),
            Some(e) => {
                return Err(bad(
                    e.span(),
                    format!("unknown event {:?}", e.get_ref()),
                    "not an event",
                )
                .with_help(format!(
                    "events: {}; for another event use `event_pattern`",
                    EVENT_NAMES.join(", ")
                )))
            }
        };
        let event_pattern = raw
            .event_pattern
            .map(|p| super::compile(path, text, p))
            .transpose()?;
        let unit = match raw.unit {
            None => None,
            Some(u) if is_known_unit(u.get_ref()) => Some(u.get_ref().clone()),
            Some(u) => {
                return Err(bad(
                    u.span(),
                    format!("unknown unit {:?}", u.get_ref()),
                    "not a unit",
                )
                .with_help(format!("units: {}", KNOWN_UNITS.join(", "))))
            }
        };
        let monotonic = match raw.monotonic {
            None => None,
            Some(m) if m.get_ref() == "rising" => Some(Monotonic::Rising),
            Some(m) => {
                return Err(bad(
                    m.span(),
                    format!("unknown monotonic {:?}", m.get_ref()),
                    "expected \"rising\"",
                ))
            }
        };
        Ok(Count {
            counted,
            not_counted,
            event,
            event_pattern,
            unit,
            monotonic,
        })
    }

    /// True when `noun` is one of the counted nouns, singular or plural
    /// ("person" for "people" aside, "soldier" and "soldiers" are one).
    fn counts(&self, noun: &str) -> bool {
        same_noun(&self.counted, noun)
    }

    /// True when the figure counts nouns of some kind: the rule names
    /// an event, or nouns it counts or does not.
    pub fn counts_things(&self) -> bool {
        self.event.is_some()
            || self.event_pattern.is_some()
            || !self.counted.is_empty()
            || !self.not_counted.is_empty()
    }

    /// True when the rule may take `claim`: a number counting one of the
    /// rule's nouns, for its event, in a unit that converts to its unit.
    /// A figure that names no noun ("the toll rose to 143") is taken when
    /// its event is the rule's.
    pub fn takes(&self, claim: &Claim, text: &str) -> bool {
        let ClaimValue::Number(n) = &claim.value else {
            return true;
        };
        if let Some(event) = &self.event {
            if n.event.as_ref() != Some(event) {
                return false;
            }
        }
        if let Some(pattern) = &self.event_pattern {
            let around = n.clause.clone().and_then(|r| text.get(r)).unwrap_or("");
            if !pattern.regex.is_match(around) {
                return false;
            }
        }
        if !self.counted.is_empty() {
            match &n.noun {
                Some(noun) if self.counts(noun) => {}
                Some(_) => return false,
                None if self.event.is_none() && self.event_pattern.is_none() => return false,
                None => {}
            }
        }
        if n.noun
            .as_deref()
            .is_some_and(|noun| same_noun(&self.not_counted, noun))
        {
            return false;
        }
        if self.monotonic.is_some() && n.previous {
            // "rose from 137 to 143": the report's figure is 143.
            return false;
        }
        let counts_things = self.counts_things();
        if self.unit.is_none() && counts_things && n.unit.is_some() {
            // "a 42-year-old man was killed": an age, not a toll.
            return false;
        }
        if counts_things && n.not_a_count.is_some() {
            // "died at 77", "two of the dead": no count of the event.
            return false;
        }
        if let Some(unit) = &self.unit {
            let converts = n
                .unit
                .as_deref()
                .and_then(|from| crate::value::number::conversion(from, unit));
            if converts.is_none() {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::same_noun;
    use crate::rules::parse_rule;

    const TOLL: &str = r#"id = "death-toll"
title = "Death toll"
kind = "number"
severity = "error"
triggers = ['\bkill\w*']
counted = ["people", "civilians"]
event = "killed"
monotonic = "rising"
"#;

    #[test]
    fn number_keys_load() {
        let rule = parse_rule(Path::new("r.toml"), TOLL).unwrap();
        assert_eq!(rule.count.counted, ["people", "civilians"]);
        assert_eq!(rule.count.event.as_deref(), Some("killed"));
        assert_eq!(rule.count.monotonic, Some(super::Monotonic::Rising));
    }

    #[test]
    fn counted_nouns_match_singular_and_plural() {
        let rule = parse_rule(Path::new("r.toml"), TOLL).unwrap();
        assert!(rule.count.counts("person"));
        assert!(rule.count.counts("civilian"));
        assert!(!rule.count.counts("workers"));
        let men = TOLL.replace(r#"["people", "civilians"]"#, r#"["men", "children"]"#);
        let rule = parse_rule(Path::new("r.toml"), &men).unwrap();
        assert!(rule.count.counts("man") && rule.count.counts("child"));
        assert!(!rule.count.counts("woman"));
        let list = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert!(same_noun(&list(&["witness"]), "witnesses"));
        assert!(same_noun(&list(&["casualties"]), "casualty"));
        assert!(same_noun(&list(&["box"]), "boxes"));
        assert!(
            !same_noun(&list(&["hom"]), "homes"),
            "only after s, x, z, h"
        );
    }

    #[test]
    fn a_rising_figure_is_not_taken_where_it_is_the_old_value() {
        let rule = parse_rule(Path::new("r.toml"), TOLL).unwrap();
        for text in [
            "The toll rose from 137 to 143.",
            "The death toll rose to 143 from 137.",
            "The death toll reached 143, up from 137.",
        ] {
            let source = crate::source::Source::new(
                crate::source::SourceId(0),
                "t".into(),
                text.into(),
                crate::source::SourceMeta::default(),
                crate::source::DateOrder::Mdy,
                None,
            );
            let taken: Vec<String> = crate::extract::extract(&source)
                .iter()
                .filter(|c| rule.count.takes(c, &source.text))
                .map(|c| c.value.notation())
                .collect();
            assert_eq!(taken, ["143"], "{text}");
        }
    }

    #[test]
    fn a_measured_figure_is_not_a_count() {
        let rule = parse_rule(Path::new("r.toml"), TOLL).unwrap();
        let source = crate::source::Source::new(
            crate::source::SourceId(0),
            "t".into(),
            "A 42-year-old man was killed, and 12 people were killed.".into(),
            crate::source::SourceMeta::default(),
            crate::source::DateOrder::Mdy,
            None,
        );
        let taken: Vec<String> = crate::extract::extract(&source)
            .iter()
            .filter(|c| {
                c.kind == crate::extract::ClaimKind::Number && rule.count.takes(c, &source.text)
            })
            .map(|c| c.value.notation())
            .collect();
        assert_eq!(taken, ["12"]);
    }

    #[test]
    fn an_event_pattern_picks_counts_of_events_not_built_in() {
        let text = TOLL
            .replace("event = \"killed\"\n", "event_pattern = '\\brescued\\b'\n")
            .replace("monotonic = \"rising\"\n", "");
        let rule = parse_rule(Path::new("r.toml"), &text).unwrap();
        let source = crate::source::Source::new(
            crate::source::SourceId(0),
            "t".into(),
            "Boats rescued 19 people; 42 people were killed.".into(),
            crate::source::SourceMeta::default(),
            crate::source::DateOrder::Mdy,
            None,
        );
        let taken: Vec<String> = crate::extract::extract(&source)
            .iter()
            .filter(|c| rule.count.takes(c, &source.text))
            .map(|c| c.value.notation())
            .collect();
        assert_eq!(taken, ["19"]);
        let broken = text.replace("\\brescued\\b", "rescued(");
        let err = parse_rule(Path::new("r.toml"), &broken).unwrap_err();
        assert_eq!(err.line(), Some(7));
    }

    #[test]
    fn a_bad_event_points_at_its_value() {
        let text = TOLL.replace("event = \"killed\"", "event = \"exploded\"");
        let err = parse_rule(Path::new("r.toml"), &text).unwrap_err();
        assert_eq!(err.line(), Some(7));
        assert!(err.message.contains("exploded"), "{}", err.message);
    }

    #[test]
    fn a_bad_unit_and_a_bad_monotonic_point_at_their_lines() {
        let text = format!("{TOLL}unit = \"furlongs\"\n");
        let err = parse_rule(Path::new("r.toml"), &text).unwrap_err();
        assert_eq!(err.line(), Some(9));
        let text = TOLL.replace("\"rising\"", "\"falling\"");
        let err = parse_rule(Path::new("r.toml"), &text).unwrap_err();
        assert_eq!(err.line(), Some(8));
    }

    #[test]
    fn a_bad_tolerance_points_at_its_value() {
        let text = format!("{TOLL}tolerance = 1.5\n");
        let err = parse_rule(Path::new("r.toml"), &text).unwrap_err();
        assert_eq!(err.line(), Some(9));
        assert!(err.message.contains("tolerance 1.5"), "{}", err.message);
    }

    #[test]
    fn number_keys_on_a_date_rule_are_refused() {
        let text = TOLL.replace("kind = \"number\"", "kind = \"date\"");
        let err = parse_rule(Path::new("r.toml"), &text).unwrap_err();
        assert_eq!(err.line(), Some(6));
    }
}
