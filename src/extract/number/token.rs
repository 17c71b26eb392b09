//! Tokens for reading numbers: numerals, words and single marks, each with
//! its byte range. Reading "two hundred and five", "$48.2 million" or
//! "8- to 16-meter" is easier over tokens than in one pattern, and knowing
//! what touches what ("10k", "F-16", "06F6") tells figures from codes.

use std::sync::LazyLock;

use regex::Regex;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Digits, with thousands separators, decimals or an exponent.
    Numeral,
    /// ASCII letters.
    Word,
    /// Any other single character that is not space.
    Mark,
}

#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// `text` lower-cased, for words.
    pub lower: String,
    pub start: usize,
    pub end: usize,
    /// The numeral's value; 0 for words and marks.
    pub value: f64,
}

impl Token<'_> {
    pub fn is_mark(&self, marks: &[&str]) -> bool {
        self.kind == Kind::Mark && marks.contains(&self.text)
    }

    /// A plain integer numeral: no separators, decimals or exponent.
    pub fn is_plain_integer(&self) -> bool {
        self.kind == Kind::Numeral && self.text.bytes().all(|b| b.is_ascii_digit())
    }
}

/// True when `b` starts right where `a` ends.
pub fn touching(a: &Token, b: &Token) -> bool {
    a.end == b.start
}

static TOKENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<dotted>[0-9]+(?:\.[0-9]+){2,})
      | (?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,6})?
               | \.[0-9]+(?:[eE][+-]?[0-9]{1,6})?)
      | (?P<word>[A-Za-z]+)
      | (?P<mark>\S)",
    )
    .expect("token pattern is valid")
});

static DIGIT_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("[0-9]+").expect("digit pattern is valid"));

/// Parses a numeral's text; `None` when it does not fit in an `f64`.
fn numeral_value(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|&c| c != ',').collect();
    let n: f64 = cleaned.parse().ok()?;
    n.is_finite().then_some(n)
}

fn token(text: &str, kind: Kind, start: usize, end: usize) -> Token<'_> {
    let part = &text[start..end];
    Token {
        kind,
        text: part,
        lower: if kind == Kind::Word {
            part.to_ascii_lowercase()
        } else {
            String::new()
        },
        start,
        end,
        // Too large for an f64 ("10^400" written out): not a figure.
        value: if kind == Kind::Numeral {
            numeral_value(part).unwrap_or(f64::NAN)
        } else {
            0.0
        },
    }
}

/// Every token of `text` in order.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = Vec::new();
    // `find_iter` runs the fast engine; the kind follows from the first
    // byte (and the dots), since the alternatives cannot overlap.
    for whole in TOKENS.find_iter(text) {
        let token_text = whole.as_str();
        let first = token_text.as_bytes()[0];
        let dots = token_text.bytes().filter(|&b| b == b'.').count();
        if first.is_ascii_digit() && dots >= 2 {
            // "192.168.1.2" or a version: each part is its own figure.
            for part in DIGIT_RUN.find_iter(token_text) {
                let start = whole.start() + part.start();
                let end = whole.start() + part.end();
                out.push(token(text, Kind::Numeral, start, end));
                if end < whole.end() {
                    out.push(token(text, Kind::Mark, end, end + 1));
                }
            }
            continue;
        }
        let kind = if first.is_ascii_digit() || (first == b'.' && token_text.len() > 1) {
            Kind::Numeral
        } else if first.is_ascii_alphabetic() {
            Kind::Word
        } else {
            Kind::Mark
        };
        out.push(token(text, kind, whole.start(), whole.end()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_words_and_marks() {
        let t = tokens("over 15,000 people; $48.2m, 192.168.1.2 and 1e10");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "over", "15,000", "people", ";", "$", "48.2", "m", ",", "192", ".", "168", ".",
                "1", ".", "2", "and", "1e10"
            ]
        );
        assert_eq!(t[1].value, 15000.0);
        assert_eq!(t[16].value, 1e10);
    }

    #[test]
    fn a_numeral_too_large_is_not_a_number() {
        let nines = "9".repeat(400);
        let t = tokens(&nines);
        assert!(t[0].value.is_nan());
        let t = tokens("1e999999");
        assert!(t[0].value.is_nan() || t[0].text == "1");
    }
}
