//! Tokens for reading numbers: numerals, words and single marks, each with
//! its byte range. Reading "two hundred and five", "$48.2 million" or
//! "8- to 16-meter" is easier over tokens than in one pattern, and knowing
//! what touches what ("10k", "F-16", "06F6") tells figures from codes.

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
    /// `text` lower-cased, for words; empty for the others.
    pub lower: &'a str,
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

/// Parses a numeral's text; `None` when it does not fit in an `f64`.
fn numeral_value(text: &str) -> Option<f64> {
    let n: f64 = if text.contains(',') {
        text.replace(',', "").parse().ok()?
    } else {
        text.parse().ok()?
    };
    n.is_finite().then_some(n)
}

fn token<'a>(text: &'a str, lowered: &'a str, kind: Kind, start: usize, end: usize) -> Token<'a> {
    let part = &text[start..end];
    Token {
        kind,
        text: part,
        lower: if kind == Kind::Word {
            &lowered[start..end]
        } else {
            ""
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

/// Every token of `text` in order: numerals ("15,000", "48.2", "1e10",
/// ".5"), ASCII words, and any other character but white space as a mark.
/// A dotted run of three or more parts ("192.168.1.2", a version) is read
/// as its numerals and the dots between them.
///
/// Hand-written: a pattern with these alternatives, run token by token,
/// was the slowest part of reading numbers. The test module keeps that
/// pattern and checks the two agree.
///
/// `lowered` is `text` lower-cased (ASCII), which words borrow from: one
/// copy of the text rather than one string per capitalised word.
pub fn tokens<'a>(text: &'a str, lowered: &'a str) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), lowered.len());
    let bytes = text.as_bytes();
    // About one token in five bytes of news text.
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let run = digits(bytes, i);
            if let Some(end) = dotted_end(bytes, run) {
                // Each part its own figure, each dot a mark.
                let mut at = i;
                while at < end {
                    let part = digits(bytes, at);
                    out.push(token(text, lowered, Kind::Numeral, at, part));
                    if part < end {
                        out.push(token(text, lowered, Kind::Mark, part, part + 1));
                    }
                    at = part + 1;
                }
                i = end;
                continue;
            }
            let end = numeral_end(bytes, i, run);
            out.push(token(text, lowered, Kind::Numeral, i, end));
            i = end;
        } else if b == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            let end = exponent_end(bytes, digits(bytes, i + 1));
            out.push(token(text, lowered, Kind::Numeral, i, end));
            i = end;
        } else if b.is_ascii_alphabetic() {
            let end = i + bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(bytes.len() - i);
            out.push(token(text, lowered, Kind::Word, i, end));
            i = end;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            let end = i + c.len_utf8();
            if !c.is_whitespace() {
                out.push(token(text, lowered, Kind::Mark, i, end));
            }
            i = end;
        }
    }
    out
}

/// The end of the run of digits at `from`.
fn digits(bytes: &[u8], from: usize) -> usize {
    from + bytes[from..]
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(bytes.len() - from)
}

/// `digits(.digits){2,}` after the first run (ending at `run`): its end.
fn dotted_end(bytes: &[u8], run: usize) -> Option<usize> {
    let mut end = run;
    let mut parts = 1;
    while bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits(bytes, end + 1);
        parts += 1;
    }
    (parts >= 3).then_some(end)
}

/// The end of the numeral that starts at `start`, whose first digits end
/// at `run`: thousands groups ("15,000"), a decimal part, an exponent.
fn numeral_end(bytes: &[u8], start: usize, run: usize) -> usize {
    let mut end = run;
    if run - start <= 3 {
        // ",ddd" groups of three digits ("1,2345" is "1,234" and "5").
        while bytes.get(end) == Some(&b',') && digits(bytes, (end + 1).min(bytes.len())) >= end + 4
        {
            end += 4;
        }
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits(bytes, end + 1);
    }
    exponent_end(bytes, end)
}

/// Past an exponent ("e10", "E-3", one to six digits) at `at`, if one is.
fn exponent_end(bytes: &[u8], at: usize) -> usize {
    if !matches!(bytes.get(at), Some(b'e' | b'E')) {
        return at;
    }
    let sign = usize::from(matches!(bytes.get(at + 1), Some(b'+' | b'-')));
    let from = at + 1 + sign;
    let run = if from < bytes.len() {
        digits(bytes, from) - from
    } else {
        0
    };
    if run == 0 {
        at
    } else {
        from + run.min(6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern the tokenizer replaced, as the reference.
    fn by_pattern(text: &str) -> Vec<(Kind, &str)> {
        static PATTERN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"(?x)
            (?P<dotted>[0-9]+(?:\.[0-9]+){2,})
          | (?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,6})?
                   | \.[0-9]+(?:[eE][+-]?[0-9]{1,6})?)
          | (?P<word>[A-Za-z]+)
          | (?P<mark>\S)",
            )
            .unwrap()
        });
        let mut out = Vec::new();
        for c in PATTERN.captures_iter(text) {
            let whole = c.get(0).unwrap();
            if c.name("dotted").is_some() {
                let parts: Vec<&str> = whole.as_str().split('.').collect();
                for (k, part) in parts.iter().enumerate() {
                    out.push((Kind::Numeral, *part));
                    if k + 1 < parts.len() {
                        out.push((Kind::Mark, "."));
                    }
                }
            } else if c.name("num").is_some() {
                out.push((Kind::Numeral, whole.as_str()));
            } else if c.name("word").is_some() {
                out.push((Kind::Word, whole.as_str()));
            } else {
                out.push((Kind::Mark, whole.as_str()));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_tokenizer_cuts_as_the_pattern_did(text in "[0-9.,eE+\\-aZ \u{a0}’½]{0,24}") {
            let lowered = text.to_ascii_lowercase();
            let ours: Vec<(Kind, &str)> = tokens(&text, &lowered).iter().map(|t| (t.kind, t.text)).collect();
            proptest::prop_assert_eq!(ours, by_pattern(&text));
        }
    }

    #[test]
    fn numerals_words_and_marks() {
        let text = "over 15,000 people; $48.2m, 192.168.1.2 and 1e10";
        let lowered = text.to_ascii_lowercase();
        let t = tokens(text, &lowered);
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
        let t = tokens(&nines, &nines);
        assert!(t[0].value.is_nan());
        let t = tokens("1e999999", "1e999999");
        assert!(t[0].value.is_nan() || t[0].text == "1");
    }
}
