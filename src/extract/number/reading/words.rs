//! The words figures are written in: cardinals, scales ("million",
//! "crore"), fractions ("thirds", "½"), vague plurals ("dozens"), and
//! which of them can open a figure.

use std::sync::LazyLock;

use crate::fnv::WordBuild;

/// Cardinals below twenty, in order of value.
const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Twenty to ninety, in order of value.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

pub(super) fn ones(w: &str) -> Option<f64> {
    if matches!(w, "nought" | "naught") {
        return Some(0.0);
    }
    ONES.iter().position(|x| *x == w).map(|i| i as f64)
}

/// "½", "¾": fractions written as one character.
pub(super) fn vulgar(mark: &str) -> Option<f64> {
    Some(match mark {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

pub(super) fn tens(w: &str) -> Option<f64> {
    TENS.iter()
        .position(|x| *x == w)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

pub(super) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "million" | "mn" | "mln" | "mil" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "tln" => 1e12,
        _ => return None,
    })
}

/// The denominator a fraction word names: "thirds" is 3.
pub(super) fn denominator(w: &str) -> Option<f64> {
    let stem = w.strip_suffix('s').unwrap_or(w);
    Some(match stem {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// The least a vague plural can mean: "dozens" is at least 24.
pub(super) fn vague_floor(w: &str) -> Option<f64> {
    Some(match w {
        "tens" => 20.0,
        "dozens" => 24.0,
        "scores" => 40.0,
        "hundreds" => 200.0,
        "thousands" => 2e3,
        "millions" => 2e6,
        "billions" => 2e9,
        _ => return None,
    })
}

/// A word that opens a figure in words ("fifteen", "dozens", "a third").
fn opens_figure_in_words(w: &str) -> bool {
    ones(w).is_some()
        || tens(w).is_some()
        || scale_word(w).is_some()
        || vague_floor(w).is_some()
        || denominator(w).is_some()
        || matches!(
            w,
            "hundred" | "dozen" | "half" | "quarter" | "no" | "nobody" | "both"
        )
}

/// The words [`opens_figure_in_words`] accepts, as a set: asked of every
/// word near a figure, and the lists are searched one by one.
pub(super) static FIGURE_WORDS: LazyLock<std::collections::HashSet<String, WordBuild>> =
    LazyLock::new(|| {
        // The cardinals from their lists; the other words as `scale_word`,
        // `vague_floor` and `denominator` name them.
        let others = [
            "hundred",
            "thousand",
            "lakh",
            "million",
            "mn",
            "mln",
            "mil",
            "crore",
            "billion",
            "bn",
            "bln",
            "trillion",
            "tn",
            "tln",
            "dozen",
            "no",
            "nobody",
            "both",
            "tens",
            "dozens",
            "scores",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "half",
            "halve",
            "third",
            "quarter",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "hundredth",
            "thousandth",
            "millionth",
            "billionth",
            "trillionth",
        ];
        ONES.iter()
            .chain(&["nought", "naught"])
            .chain(&TENS)
            .chain(&others)
            .flat_map(|w| [w.to_string(), format!("{w}s")])
            .filter(|w| opens_figure_in_words(w))
            .collect()
    });

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The set answers as the word lists do, for any word.
        #[test]
        fn figure_words_are_the_lists_words(
            stem in "(one|ten|tens|nine|nineteen|ninety|hundred|thousand|lakh|crore|mil|mn|bn|tn|dozen|score|half|halve|third|quarter|fourth|tenth|trillionth|[a-z]{1,8})",
            suffix in "(|s|es|th|ths|ty)",
        ) {
            let word = format!("{stem}{suffix}");
            proptest::prop_assert_eq!(FIGURE_WORDS.contains(&word), opens_figure_in_words(&word));
        }
    }
}
