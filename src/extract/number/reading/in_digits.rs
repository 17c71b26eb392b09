//! Figures written in digits: "15,000", "31, 000", "10 000", "1.5
//! million", "10k", "3/4", "2 1/2", "2.48×10−5"; and the digits that are
//! no figure (codes, ordinals, clock times, list items).

use super::words::{scale_word, vulgar};
use super::{Quantity, Reader, MINUS};
use crate::extract::number::token::{touching, Kind};

/// Month names and their abbreviations, lower-cased: a figure after one
/// is a day ("May 12, 104 people").
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn is_month(word: &str) -> bool {
    MONTHS.contains(&word)
}

impl Reader<'_, '_> {
    /// A figure written in digits: "15,000", "1.5 million", "10k", "3/4",
    /// "2 1/2", "10 000", "2.48×10−5".
    pub(super) fn numeral_figure(&self, j: usize, money: bool) -> Option<Quantity> {
        let t = self.tokens.get(j)?;
        if let Some(v) = vulgar(t.text) {
            return Some(Quantity {
                value: v,
                scale: 1.0,
                unit: None,
                end: j + 1,
                vague: false,
                words: false,
            });
        }
        if t.kind != Kind::Numeral || !t.value.is_finite() || self.is_code(j) {
            return None;
        }
        let mut value = t.value;
        let mut k = j + 1;
        // "31, 000": thousands groups set apart by a comma and a space, as
        // in copy rebuilt from tokens.
        if let Some((grouped, end)) = self.comma_space_groups(j) {
            value = grouped;
            k = end;
        }
        // "10 000": thousands set apart by single spaces.
        if k == j + 1 && t.is_plain_integer() && t.text.len() <= 3 {
            while let Some(next) = self.tokens.get(k) {
                let gap = self.text.get(self.tokens[k - 1].end..next.start);
                let spaced = matches!(gap, Some(" " | "\u{a0}" | "\u{202f}" | "\u{2009}"));
                // The last group may carry the decimals: "1 234 567.89".
                let group = next.text.split('.').next().unwrap_or("");
                let decimals = next.text.len() > group.len();
                if spaced
                    && next.kind == Kind::Numeral
                    && group.len() == 3
                    && group.bytes().all(|b| b.is_ascii_digit())
                    && next.text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    && !self.tokens.get(k + 1).is_some_and(|a| {
                        touching(next, a) && (a.kind != Kind::Mark || a.text == "/")
                    })
                {
                    value = value * 1000.0 + next.value;
                    k += 1;
                    if decimals {
                        break;
                    }
                } else {
                    break;
                }
            }
        }
        // "2½".
        if let Some(v) = self.tokens.get(k).and_then(|n| vulgar(n.text)) {
            if self.touch(k - 1, k) && t.is_plain_integer() {
                value += v;
                k += 1;
            }
        }
        // "3/4", "2 1/2".
        if let Some((fraction, end)) = self.fraction_at(k - 1) {
            if k == j + 1 {
                value = fraction;
                k = end;
            }
        } else if let Some((fraction, end)) = self.fraction_at(k) {
            if fraction < 1.0 && t.is_plain_integer() && !self.touch(k - 1, k) {
                value += fraction;
                k = end;
            }
        }
        // "2.48×10−5", "8x2^10", "1.1^23".
        let times = self.is_mark(k, &["×", "*"]) || self.is_word(k, "x");
        if times {
            if let (Some(base), true) = (self.tokens.get(k + 1), self.touch(k + 1, k + 2)) {
                if base.kind == Kind::Numeral {
                    if let Some((exp, end)) = self.exponent(k + 2, base.value == 10.0) {
                        // Powers of ten through the decimal parser: 2.48e-5, not
                        // 2.48 * 0.00001 with its rounding noise.
                        let decimal = (base.value == 10.0 && exp.fract() == 0.0)
                            .then(|| format!("{value}e{exp}").parse::<f64>().ok())
                            .flatten();
                        value = decimal.unwrap_or(value * base.value.powf(exp));
                        k = end;
                    }
                }
            }
        } else if self.touch(k - 1, k) && self.is_mark(k, &["^"]) {
            if let Some((exp, end)) = self.exponent(k, false) {
                value = value.powf(exp);
                k = end;
            }
        }
        let mut q = Quantity {
            value,
            scale: 1.0,
            unit: None,
            end: k,
            vague: false,
            words: false,
        };
        self.scale_after(&mut q, money);
        self.more_groups(&mut q);
        self.and_a_half(&mut q);
        q.value.is_finite().then_some(q)
    }

    /// "31, 000", "2, 500, 000": a figure whose thousands groups are
    /// set apart by ", " (copy rebuilt from tokens), at the numeral `j`;
    /// its value and the index past its last group.
    ///
    /// ", " also separates the items of a list ("rooms 12, 104 and 220"),
    /// and a wrong merge invents a figure, so only what must be a grouped
    /// figure is read as one: a first group of one to three digits with
    /// no leading zero, each later group exactly three digits after a
    /// comma and one space, and none of the marks of a list or of other
    /// figures around it.
    fn comma_space_groups(&self, j: usize) -> Option<(f64, usize)> {
        let t = &self.tokens;
        let first = t.get(j)?;
        if !first.is_plain_integer() || first.text.len() > 3 || first.text.starts_with('0') {
            return None;
        }
        let mut value = first.value;
        let mut k = j + 1;
        while self.is_group_after_comma(k) {
            value = value * 1000.0 + t[k + 1].value;
            k += 2;
        }
        if k == j + 1 || self.in_list(j, k) {
            return None;
        }
        Some((value, k))
    }

    /// True when `k` is a comma glued to the figure before it, followed by
    /// one space and exactly three digits that nothing else is glued to
    /// but a word or a closing mark ("1, 200km", "1, 400.", "15, 800-square").
    fn is_group_after_comma(&self, k: usize) -> bool {
        let t = &self.tokens;
        let Some(group) = t.get(k + 1) else {
            return false;
        };
        self.is_mark(k, &[","])
            && self.touch(k - 1, k)
            && self.text.get(t[k].end..group.start) == Some(" ")
            && group.is_plain_integer()
            && group.text.len() == 3
            // "1, 200:30", "1, 200/3": another figure glued on.
            && !(self.touch(k + 1, k + 2)
                && self.is_mark(k + 2, &[":", "/", ".", ","])
                && self.touch(k + 2, k + 3)
                && t.get(k + 3).is_some_and(|n| n.kind == Kind::Numeral))
    }

    /// True when the figures from `j` to `end` (its comma-spaced groups)
    /// read as items of a list or a date, not one figure: glued to what
    /// is before it ("5-foot-8, 135 pounds"), after a figure and a comma
    /// ("3, 12, 104"), after a month ("May 12, 104 people"), or followed
    /// by another item ("12, 104 and 220", "12, 104, 22") that is not
    /// grouped the same way ("between 1, 200 and 1, 500"), or with no word
    /// or currency beside it at all ("1, 234, 567" alone).
    fn in_list(&self, j: usize, end: usize) -> bool {
        let t = &self.tokens;
        if j > 0 {
            let glued_before = self.touch(j - 1, j)
                && !self.is_mark(
                    j - 1,
                    &["$", "£", "€", "¥", "₹", "(", "[", "\"", "“", "'", "‘", "~"],
                );
            // A year before the comma opens the sentence ("In 2003, 26, 000
            // people"); any other figure is the list's previous item.
            let figure_comma_before = self.is_mark(j - 1, &[","])
                && j > 1
                && t[j - 2].kind == Kind::Numeral
                && !(t[j - 2].is_plain_integer() && t[j - 2].text.len() == 4);
            let month_before = self.word(j - 1).is_some_and(is_month)
                || (self.is_mark(j - 1, &["."]) && j > 1 && self.word(j - 2).is_some_and(is_month));
            if glued_before || figure_comma_before || month_before {
                return true;
            }
        }
        // Nothing but figures and commas ("1, 234, 567" on a line of its
        // own): no word says it is one figure, so it is read as a list.
        let word_before = j > 0
            && (t[j - 1].kind == Kind::Word
                || self.is_mark(j - 1, &["$", "£", "€", "¥", "₹", "~"]));
        let word_after = t.get(end).is_some_and(|a| a.kind == Kind::Word)
            || (self.is_mark(end, &["-", "–"]) && self.touch(end - 1, end));
        if !word_before && !word_after {
            return true;
        }
        let mut next = end;
        let comma = self.is_mark(next, &[","]);
        if comma {
            next += 1;
        }
        let joined = matches!(self.word(next), Some("and" | "or" | "nor"));
        if joined {
            next += 1;
        }
        if !comma && !joined {
            return false;
        }
        if self.is_mark(next, &["$", "£", "€", "¥", "₹"]) {
            next += 1;
        }
        let Some(item) = t.get(next) else {
            return false;
        };
        if item.kind != Kind::Numeral {
            return false;
        }
        // The next item is grouped the same way or with plain commas:
        // two grouped figures, not a list of small ones.
        let grouped_alike = joined
            && (item.text.contains(',')
                || (item.is_plain_integer()
                    && item.text.len() <= 3
                    && self.is_group_after_comma(next + 1)));
        !grouped_alike
    }

    /// "4 thousand 3 hundred and 21": further groups after a scaled figure.
    fn more_groups(&self, q: &mut Quantity) {
        let mut last_scale = q.scale;
        while last_scale >= 100.0 {
            let k = q.end;
            let and = self.is_word(k, "and");
            let at = if and { k + 1 } else { k };
            let Some(t) = self.tokens.get(at) else { return };
            let small = if t.is_plain_integer() && !self.is_code(at) {
                Some((t.value, at + 1))
            } else if and {
                self.cardinal(at, 0.0)
            } else {
                None
            };
            let Some((n, next)) = small else { return };
            let scale = match self.word(next) {
                Some("hundred") if !and => 100.0,
                Some(w) if !and => scale_word(w).unwrap_or(1.0),
                _ => 1.0,
            };
            if scale >= last_scale || n * scale >= last_scale || (scale == 1.0 && !and) {
                return;
            }
            q.value += n * scale;
            q.end = if scale > 1.0 { next + 1 } else { next };
            last_scale = scale;
        }
    }

    /// "^10", "^-5", or with `minus_alone` a glued "−5" after a base of 10.
    fn exponent(&self, k: usize, minus_alone: bool) -> Option<(f64, usize)> {
        let mut k = k;
        if self.is_mark(k, &["^"]) {
            k += 1;
        } else if !(minus_alone && self.is_mark(k, MINUS)) {
            return None;
        }
        let mut sign = 1.0;
        if self.is_mark(k, MINUS) && self.touch(k, k + 1) {
            sign = -1.0;
            k += 1;
        } else if self.is_mark(k, &["+"]) {
            k += 1;
        }
        let t = self.tokens.get(k)?;
        (t.kind == Kind::Numeral && t.value.is_finite() && self.touch(k - 1, k))
            .then_some((sign * t.value, k + 1))
    }

    /// "1/4" at `k` (numeral, slash, numeral, all glued).
    fn fraction_at(&self, k: usize) -> Option<(f64, usize)> {
        let a = self.tokens.get(k)?;
        let b = self.tokens.get(k + 2)?;
        if !(a.is_plain_integer()
            && self.is_mark(k + 1, &["/"])
            && self.touch(k, k + 1)
            && self.touch(k + 1, k + 2)
            && b.is_plain_integer()
            && b.value != 0.0)
        {
            return None;
        }
        // "24/7/2020" and the like are not fractions, nor is "24/7" or "50/50".
        if (self.is_mark(k + 3, &["/"]) && self.touch(k + 2, k + 3)) || a.value >= b.value {
            return None;
        }
        Some((a.value / b.value, k + 3))
    }

    /// Digits glued to letters ("J1149", "06F6", "F-16", "4th") are codes
    /// or ordinals, not figures.
    fn is_code(&self, j: usize) -> bool {
        let t = &self.tokens;
        // "2:31 PM", a 2:1 score: times and ratios, not figures.
        let colon_after = self.is_mark(j + 1, &[":"])
            && self.touch(j, j + 1)
            && self.touch(j + 1, j + 2)
            && t.get(j + 2).is_some_and(|n| n.kind == Kind::Numeral);
        let colon_before = j > 1
            && self.is_mark(j - 1, &[":"])
            && self.touch(j - 1, j)
            && self.touch(j - 2, j - 1)
            && t[j - 2].kind == Kind::Numeral;
        if colon_after || colon_before {
            return true;
        }
        // "3.15am", "at 9 p.m.": clock times (an hour up to 12, minutes
        // in two digits); "2.123 pm" is a length in picometres.
        let looks_like_time = match t[j].text.split_once('.') {
            None => t[j].is_plain_integer() && (1.0..=12.0).contains(&t[j].value),
            Some((hour, minutes)) => {
                hour.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h))
                    && minutes.len() == 2
                    && minutes.parse::<u32>().is_ok_and(|m| m < 60)
            }
        };
        let clock = looks_like_time
            && match self.word(j + 1) {
                Some("am" | "pm") => true,
                Some("a" | "p") => self.is_mark(j + 2, &["."]) && self.is_word(j + 3, "m"),
                _ => false,
            };
        if clock {
            return true;
        }
        if j > 0 && self.touch(j - 1, j) {
            let before = &t[j - 1];
            if before.kind == Kind::Word {
                return true;
            }
            if before.text == "."
                && j > 1
                && self.touch(j - 2, j - 1)
                && t[j - 2].kind == Kind::Word
            {
                // "end of sentence.5" or "v.2": not a leading decimal point.
                return true;
            }
            if before.is_mark(&["-", "–"]) && j > 1 && self.touch(j - 2, j - 1) {
                let word_before = t[j - 2].kind == Kind::Word;
                let figure_before =
                    j > 2 && self.touch(j - 3, j - 2) && t[j - 3].kind == Kind::Numeral;
                // "magnitude-5.9": the scale's name, not a code's letters.
                let magnitude = t[j - 2].lower == "magnitude";
                if word_before && !figure_before && !magnitude {
                    return true;
                }
            }
        }
        if let Some(after) = t
            .get(j + 1)
            .filter(|a| self.touch(j, j + 1) && a.kind == Kind::Word)
        {
            if ["st", "nd", "rd", "th", "s"].contains(&after.lower) {
                return true;
            }
            // "8x2^10", "1.3x10^6" are products, not codes.
            let times = after.lower == "x";
            if !times
                && t.get(j + 2)
                    .is_some_and(|n| touching(after, n) && n.kind == Kind::Numeral)
            {
                return true;
            }
        }
        false
    }

    /// Applies a scale word after a figure: "1.5 million", "10k", "$2.1bn",
    /// "3 dozen".
    fn scale_after(&self, q: &mut Quantity, money: bool) {
        let k = q.end;
        let Some(t) = self.tokens.get(k) else { return };
        if t.kind != Kind::Word {
            return;
        }
        let glued = self.touch(k - 1, k);
        let mut scale = match t.lower {
            "hundred" => Some(100.0),
            "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => Some(12.0),
            "k" if t.text == "k" || money => Some(1e3),
            "k" => None,
            w => scale_word(w),
        };
        if scale.is_none() && glued {
            // Lower-case "m" and upper-case "K" are metres and kelvins
            // unless the figure is money.
            scale = match t.text {
                "K" if money => Some(1e3),
                "G" | "M" | "MM" | "b" | "B" => Some(if t.text == "G" || t.lower == "b" {
                    1e9
                } else {
                    1e6
                }),
                "m" if money => Some(1e6),
                "T" if money => Some(1e12),
                _ => None,
            };
        }
        let Some(mut scale) = scale else { return };
        let mut end = k + 1;
        if t.lower == "hundred" {
            if let Some(more) = self.word(end).and_then(scale_word) {
                scale *= more;
                end += 1;
            }
        }
        q.value *= scale;
        q.scale = scale;
        q.end = end;
    }
}
