//! Rule patterns: compiled fast and with ASCII word boundaries (news is
//! full of curly quotes, where a Unicode `\b` scans a hundred times
//! slower), bounded in size, and refused with a diagnostic pointing into
//! the rule file.

use regex::{Regex, RegexBuilder};
use toml::Spanned;

use crate::toml_file::TomlError;

/// A pattern with the place it was written, for diagnostics.
#[derive(Clone, Debug)]
pub struct Pattern {
    pub regex: Regex,
    pub source: String,
    /// Whether `regex` was built in Unicode mode (the plain build) rather
    /// than with ASCII case folding (the fast one).
    pub unicode: bool,
}

/// Compiled patterns stay small: a rule is a few words, not a program.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

/// The pattern for a regex built with ASCII case folding (`unicode(false)`)
/// that matches what the pattern matches under Unicode rules, but for the
/// Kelvin sign and the long s (Unicode folds them with `k` and `s`). Built
/// so, a rule's patterns compile several times faster: Unicode folding
/// turns every `k` and `s` into a class of multi-byte characters. Escapes
/// for classes (`\s`, `\w`, `\p{..}`), `.`, bracket classes and non-ASCII
/// characters keep Unicode rules by a `(?u:...)` group each. `None` for
/// patterns this does not follow (verbose mode, where `#` starts a
/// comment); they compile as written.
fn ascii_folded(pattern: &str) -> Option<String> {
    if pattern.contains("(?") && pattern.contains('x') {
        return None;
    }
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut chars = pattern.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    // The commonest class, spelt out: a Unicode class costs
                    // the compiler a fresh UTF-8 table, a literal does not.
                    's' => out.push_str(WHITE_SPACE),
                    'S' | 'w' | 'W' | 'd' | 'D' => {
                        out.push_str("(?u:\\");
                        out.push(e);
                        out.push(')');
                    }
                    'p' | 'P' | 'x' | 'u' | 'U' => {
                        // The escape's argument: one letter or {..}, two
                        // hex digits, or as many as `u`/`U` take.
                        out.push_str("(?u:\\");
                        out.push(e);
                        if chars.peek().is_some_and(|&(_, c)| c == '{') {
                            for (_, c) in chars.by_ref() {
                                out.push(c);
                                if c == '}' {
                                    break;
                                }
                            }
                        } else {
                            let width = match e {
                                'p' | 'P' => 1,
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            for _ in 0..width {
                                out.push(chars.next()?.1);
                            }
                        }
                        out.push(')');
                    }
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
            '.' => out.push_str("(?u:.)"),
            '[' => {
                let end = class_end(pattern, i)?;
                let class = &pattern[i..end];
                // "[sz]" folds in ASCII as a literal does; negated classes,
                // escapes and nested classes keep Unicode rules.
                let plain = class[1..class.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && class.len() > 2;
                if plain {
                    out.push_str(class);
                } else {
                    out.push_str("(?u:");
                    out.push_str(class);
                    out.push(')');
                }
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
            }
            c if !c.is_ascii() => {
                out.push_str("(?u:");
                out.push(c);
                out.push(')');
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// `\s` under Unicode rules (the White_Space property), as ASCII ranges
/// and single characters.
const WHITE_SPACE: &str = r"(?:[\t-\r\x20]|(?u:\x{85}|\x{A0}|\x{1680}|\x{2000}|\x{2001}|\x{2002}|\x{2003}|\x{2004}|\x{2005}|\x{2006}|\x{2007}|\x{2008}|\x{2009}|\x{200A}|\x{2028}|\x{2029}|\x{202F}|\x{205F}|\x{3000}))";

/// Where the bracket class opening at `start` ends (just past its `]`):
/// nested classes, escapes, and a `]` first in the class are inside it.
fn class_end(pattern: &str, start: usize) -> Option<usize> {
    let bytes = pattern.as_bytes();
    let mut depth = 0;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => {
                depth += 1;
                // `[]` or `[^]`: that `]` is a literal.
                let mut j = i + 1;
                if bytes.get(j) == Some(&b'^') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b']') {
                    i = j;
                }
            }
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Rewrites `\b` and `\B` to their ASCII forms. A Unicode word boundary
/// makes the regex engine fall back to a slow path on curly quotes; rule
/// authors write `\b` and mean "not inside a word".
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str(r"(?-u:\b)"),
                Some('B') => out.push_str(r"(?-u:\B)"),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// True when every word character in `text` (`\w`: letters, marks,
/// digits, connectors) is ASCII. Curly quotes, dashes and no-break spaces
/// are not word characters, so most English news is such a text, and a
/// pattern's `\w` can be ASCII's there.
pub(crate) fn ascii_words_only(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || regex_syntax::try_is_word_character(c).is_ok_and(|word| !word))
}

/// The longest pattern compiled: parsing one builds its whole syntax tree
/// before the size limit can apply, so a longer one is refused unread.
const PATTERN_MAX_BYTES: usize = 64 * 1024;

pub(super) fn compile(
    path: &str,
    text: &str,
    pattern: &Spanned<String>,
) -> Result<Pattern, TomlError> {
    let refused = |detail: String, help: &str| {
        TomlError::at(
            path,
            text,
            Some(pattern.span()),
            format!("invalid pattern: {detail}"),
            detail,
        )
        .with_help(help)
    };
    if pattern.get_ref().len() > PATTERN_MAX_BYTES {
        let detail = format!(
            "pattern is too large ({} bytes; at most {})",
            crate::compare::grouped(pattern.get_ref().len()),
            crate::compare::grouped(PATTERN_MAX_BYTES)
        );
        return Err(refused(
            detail,
            "a pattern is a few words; a long list of names belongs in several patterns",
        ));
    }
    // The fast build first; the plain one when that fails, so that any
    // error message is about the pattern as written.
    let quick = ascii_folded(pattern.get_ref()).and_then(|folded| {
        RegexBuilder::new(&folded)
            .case_insensitive(true)
            .unicode(false)
            .size_limit(PATTERN_SIZE_LIMIT)
            .build()
            .ok()
    });
    let built = match quick {
        Some(regex) => Ok((regex, false)),
        None => RegexBuilder::new(&ascii_boundaries(pattern.get_ref()))
            .case_insensitive(true)
            .size_limit(PATTERN_SIZE_LIMIT)
            .build()
            .map(|regex| (regex, true)),
    };
    built
        .map(|(regex, unicode)| Pattern {
            regex,
            source: pattern.get_ref().clone(),
            unicode,
        })
        .map_err(|e| {
            let detail = match &e {
                regex::Error::Syntax(s) => s.lines().last().unwrap_or(s).trim().to_string(),
                regex::Error::CompiledTooBig(_) => "pattern is too large".to_string(),
                other => other.to_string(),
            };
            refused(
                detail,
                "patterns use the Rust regex syntax: https://docs.rs/regex",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_ascii_only_without_letters_or_digits_of_other_scripts() {
        assert!(ascii_words_only(
            "It said: \u{201c}No\u{201d} \u{2014} 40\u{a0}km"
        ));
        for other in ["caf\u{e9}", "\u{663}", "\u{212a}", "\u{17f}", "a\u{301}"] {
            assert!(!ascii_words_only(&format!("x {other} y")), "{other:?}");
        }
    }

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(ascii_boundaries(r"\bx\B\\b"), r"(?-u:\b)x(?-u:\B)\\b");
    }

    #[test]
    fn ascii_folding_keeps_unicode_where_it_matters() {
        assert_eq!(
            ascii_folded(r"\bsaid\s+[^,]+.\p{Lu}’").as_deref(),
            Some(format!(r"\bsaid{WHITE_SPACE}+(?u:[^,])+(?u:.)(?u:\p{{Lu}})(?u:’)").as_str())
        );
        let space = RegexBuilder::new(&format!("^{WHITE_SPACE}$"))
            .unicode(false)
            .build()
            .unwrap();
        for c in (0..=0x3000).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            assert_eq!(
                space.is_match(c.encode_utf8(&mut buf)),
                c.is_whitespace(),
                "{c:?}"
            );
        }
        assert_eq!(class_end("[]a]b", 0), Some(4));
        assert_eq!(class_end("[^]a]b", 0), Some(5));
        assert_eq!(class_end(r"[a[:alpha:]\]]x", 0), Some(14));
        assert_eq!(ascii_folded("(?x)a # [b"), None);
    }

    proptest::proptest! {
        /// A rule pattern built the quick way matches exactly where the
        /// plain build does, on text with curly quotes, no-break spaces and
        /// accented capitals.
        #[test]
        fn ascii_folding_matches_as_unicode_does(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                r"\b", r"\s+", r"\w*", r"\d", ".", "said", "k", "S", "É", "’",
                "[^,]", "[a-z]", "[sz]", "[é-]", "(", ")", "|", "?", r"\p{Lu}",
            ]), 1..8),
            text in "[a-zA-Z ,.’\u{a0}ÉéKkSs0-9]{0,30}",
        ) {
            let pattern = pieces.concat();
            let plain = RegexBuilder::new(&ascii_boundaries(&pattern)).case_insensitive(true).build();
            let Ok(plain) = plain else { return Ok(()) };
            let folded = ascii_folded(&pattern).expect("no verbose mode here");
            let quick = RegexBuilder::new(&folded)
                .case_insensitive(true)
                .unicode(false)
                .build()
                .expect("what compiles plainly compiles quickly");
            let spans = |r: &regex::Regex| r.find_iter(&text).map(|m| m.range()).collect::<Vec<_>>();
            proptest::prop_assert_eq!(spans(&quick), spans(&plain));
        }
    }
}
