//! Figures written in words: "fifteen thousand", "a hundred thirty",
//! "two and a half", "two thirds", "point zero three", "dozens", "tens
//! of thousands", "both".

use super::words::{denominator, ones, scale_word, tens, vague_floor};
use super::{Quantity, Reader};
use crate::extract::number::token::Kind;

impl Reader<'_, '_> {
    /// A figure written in words: "fifteen thousand", "a hundred thirty",
    /// "two and a half", "two thirds", "dozens", "tens of thousands".
    pub(super) fn word_figure(&self, j: usize) -> Option<Quantity> {
        let w = self.word(j)?;
        if let Some(end) = self.no_one(j) {
            return Some(Quantity {
                value: 0.0,
                scale: 1.0,
                unit: None,
                end,
                vague: false,
                words: true,
            });
        }
        // "Both women were found dead", "they were both killed": two
        // (kept only with an event). A bare "Both had suffered head
        // injuries" points back at people already counted.
        let determiner = self.word(j + 1).is_some_and(|n| {
            !matches!(
                n,
                "had"
                    | "have"
                    | "has"
                    | "were"
                    | "was"
                    | "are"
                    | "is"
                    | "suffered"
                    | "sustained"
                    | "of"
                    | "and"
            )
        });
        let after_be = j > 0 && matches!(self.word(j - 1), Some("were" | "are" | "was"));
        if w == "both" && (determiner || after_be) {
            return Some(Quantity {
                value: 2.0,
                scale: 1.0,
                unit: None,
                end: j + 1,
                vague: false,
                words: true,
            });
        }
        if let Some(floor) = vague_floor(w) {
            let mut value = floor;
            let mut end = j + 1;
            // "tens of thousands", "hundreds of millions".
            if self.is_word(end, "of") {
                if let Some(times) = self.word(end + 1).and_then(vague_floor) {
                    if times >= 1e3 {
                        value *= times / 2.0;
                        end += 2;
                    }
                }
            }
            if w == "tens" && end == j + 1 {
                return None;
            }
            return Some(Quantity {
                value,
                scale: 1.0,
                unit: None,
                end,
                vague: true,
                words: true,
            });
        }
        if matches!(w, "several" | "few") || (w == "a" && self.is_word(j + 1, "few")) {
            // "several hundred", "a few thousand": at least two or three of them.
            let at = if w == "a" { j + 2 } else { j + 1 };
            let scale = match self.word(at)? {
                "hundred" => 100.0,
                "dozen" => 12.0,
                s => scale_word(s)?,
            };
            let least = if w == "several" { 3.0 } else { 2.0 };
            return Some(Quantity {
                value: least * scale,
                scale,
                unit: None,
                end: at + 1,
                vague: true,
                words: true,
            });
        }
        if w == "half" || w == "quarter" {
            let part = if w == "half" { 0.5 } else { 0.25 };
            // "half a million", "quarter million", "half a dozen", "half".
            if let Some(s) = self.word(j + 1).and_then(scale_word) {
                return Some(self.finish_words(part * s, j + 2));
            }
            if w == "quarter" {
                return None;
            }
            if self.is_word(j + 1, "a") {
                if let Some(s) = self.word(j + 2).and_then(|s| match s {
                    "dozen" => Some(12.0),
                    "hundred" => Some(100.0),
                    other => scale_word(other),
                }) {
                    return Some(self.finish_words(0.5 * s, j + 3));
                }
            }
            return Some(self.finish_words(0.5, j + 1));
        }
        let (value, end) = if matches!(w, "a" | "an") {
            let next = self.word(j + 1)?;
            if next == "dozen" {
                (12.0, j + 2)
            } else if let Some(d) = denominator(next) {
                if next.ends_with('s') {
                    return None;
                }
                (1.0 / d, j + 2)
            } else if next == "hundred" || scale_word(next).is_some() {
                self.cardinal(j + 1, 1.0)?
            } else {
                return None;
            }
        } else {
            self.cardinal(j, 0.0)?
        };
        Some(self.finish_words(value, end))
    }

    /// What may follow a number in words: a fraction ("two thirds"),
    /// "and a half", decimals ("point zero three"), "dozen".
    fn finish_words(&self, value: f64, end: usize) -> Quantity {
        let mut value = value;
        let mut k = end;
        // "one-half", and "one - fourth" spaced.
        let hyphen = self.is_mark(k, &["-"])
            && self.word(k + 1).and_then(denominator).is_some()
            && self.touch(k - 1, k) == self.touch(k, k + 1);
        let d_at = if hyphen { k + 1 } else { k };
        if let Some(d) = self.word(d_at).and_then(denominator) {
            if value >= 1.0 && value.fract() == 0.0 {
                value /= d;
                k = d_at + 1;
            }
        } else if self.is_word(k, "point") {
            let mut digits = String::new();
            let mut at = k + 1;
            while let Some(w) = self.word(at) {
                if let Some(d) = ones(w) {
                    // "point zero three", and "point eleven" for .11.
                    digits.push_str(&format!("{d}"));
                    at += 1;
                    if d >= 10.0 {
                        break;
                    }
                } else if let Some(t) = tens(w) {
                    let mut n = t;
                    at += 1;
                    if self.is_mark(at, &["-"]) {
                        if let Some(o) = self.word(at + 1).and_then(ones).filter(|o| *o < 10.0) {
                            n += o;
                            at += 2;
                        }
                    }
                    digits.push_str(&format!("{n}"));
                } else {
                    break;
                }
            }
            if let Ok(fraction) = format!("0.{digits}").parse::<f64>() {
                if !digits.is_empty() {
                    value += fraction.copysign(value);
                    k = at;
                }
            }
        } else if self
            .word(k)
            .is_some_and(|w| matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs"))
        {
            value *= 12.0;
            k += 1;
        }
        let mut q = Quantity {
            value,
            scale: 1.0,
            unit: None,
            end: k,
            vague: false,
            words: false,
        };
        self.and_a_half(&mut q);
        q
    }

    /// "one and a half", "3 million and a half" (of the million), "five
    /// and a half million".
    pub(super) fn and_a_half(&self, q: &mut Quantity) {
        if !self.is_word(q.end, "and") || q.value.fract() != 0.0 {
            return;
        }
        let Some((fraction, end)) = self.and_fraction(q.end + 1) else {
            return;
        };
        let last_scale = q
            .end
            .checked_sub(1)
            .and_then(|i| self.word(i))
            .and_then(scale_word);
        match (last_scale, self.word(end).and_then(scale_word)) {
            (Some(last), Some(s)) if s < last => {
                // "one billion and a half million".
                q.value += fraction * s;
                q.end = end + 1;
            }
            (Some(s), _) => {
                q.value += fraction * s;
                q.end = end;
            }
            (None, Some(s)) => {
                q.value = (q.value + fraction) * s;
                q.scale = s;
                q.end = end + 1;
            }
            (None, None) => {
                q.value += fraction;
                q.end = end;
            }
        }
    }

    fn and_fraction(&self, k: usize) -> Option<(f64, usize)> {
        let (numerator, at) = if matches!(self.word(k)?, "a" | "an") {
            (1.0, k + 1)
        } else {
            let (n, at) = self.cardinal(k, 0.0)?;
            (n, at)
        };
        let d = denominator(self.word(at)?)?;
        Some((numerator / d, at + 1))
    }

    /// A cardinal in words from token `j`; `seed` is 1 after "a"/"an".
    pub(super) fn cardinal(&self, j: usize, seed: f64) -> Option<(f64, usize)> {
        #[derive(PartialEq, Clone, Copy)]
        enum Last {
            Start,
            Ones,
            Teens,
            Tens,
            Hundred,
            Scale,
            And,
        }
        let mut total = 0.0;
        let mut current = seed;
        let mut last = Last::Start;
        let mut k = j;
        let mut any = false;
        let mut end = j;
        while let Some(t) = self.tokens.get(k) {
            if t.kind == Kind::Mark {
                // "twenty-one", "fifty - two".
                let next_is_ones = self
                    .word(k + 1)
                    .and_then(ones)
                    .is_some_and(|v| (1.0..10.0).contains(&v));
                if last == Last::Tens && t.text == "-" && next_is_ones {
                    k += 1;
                    continue;
                }
                break;
            }
            if t.kind != Kind::Word {
                break;
            }
            let w = t.lower;
            let open = matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And);
            if let Some(v) = ones(w) {
                if !(open || (last == Last::Tens && (1.0..10.0).contains(&v))) {
                    break;
                }
                current += v;
                last = if v < 10.0 { Last::Ones } else { Last::Teens };
            } else if let Some(v) = tens(w) {
                if !open {
                    break;
                }
                current += v;
                last = Last::Tens;
            } else if w == "hundred" {
                if matches!(last, Last::Hundred | Last::And) {
                    break;
                }
                current = current.max(1.0) * 100.0;
                last = Last::Hundred;
            } else if let Some(s) = scale_word(w) {
                if !any && seed == 0.0 || last == Last::And {
                    break;
                }
                total += current.max(1.0) * s;
                current = 0.0;
                last = Last::Scale;
            } else if w == "and" && any && matches!(last, Last::Hundred | Last::Scale) {
                let next_counts = self
                    .word(k + 1)
                    .is_some_and(|n| ones(n).is_some() || tens(n).is_some());
                // "one hundred and three and two thirds": "and two thirds" is a fraction.
                let fraction_next = self
                    .word(k + 2)
                    .is_some_and(|n| denominator(n).is_some() && ones(n).is_none());
                if !next_counts || fraction_next {
                    break;
                }
                last = Last::And;
                k += 1;
                continue;
            } else {
                break;
            }
            any = true;
            k += 1;
            end = k;
        }
        if !any {
            return None;
        }
        Some((total + current, end))
    }
}
