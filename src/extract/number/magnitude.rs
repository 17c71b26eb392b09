//! Earthquake magnitudes: "magnitude-5.9", "6.0 on the Richter scale",
//! "a 5.6 quake" measure a quake; they count nothing.

use super::token::{Kind, Token};

/// The unit of an earthquake's magnitude.
pub const MAGNITUDE: &str = "magnitude";

/// True when the figure in `tokens[first..end]` is an earthquake's
/// magnitude: "magnitude-5.9", "a magnitude of at least 5.9", "5.6
/// -magnitude", "6.0 on the Richter scale", "a 5.6 quake". A figure that
/// could not be a magnitude (above 10) or a whole number before "quake"
/// ("3 quakes", a count) is not one.
pub(super) fn is_magnitude(tokens: &[Token], first: usize, end: usize) -> bool {
    let figure = &tokens[first..end];
    let Some(last) = figure.iter().rev().find(|t| t.kind == Kind::Numeral) else {
        return false;
    };
    if !(0.0..=10.0).contains(&last.value) {
        return false;
    }
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower)
    };
    let before = |back: usize| first.checked_sub(back).and_then(word);
    // "An earthquake measuring 4.6", "a quake registering 6.1".
    let measured = matches!(
        before(1),
        Some("measuring" | "measured" | "registering" | "registered")
    ) && tokens[first.saturating_sub(6)..first].iter().any(|t| {
        t.kind == Kind::Word && matches!(t.lower, "quake" | "earthquake" | "temblor" | "tremor")
    });
    // "puts the magnitude at 6.1", "put the quake's magnitude at 5.9".
    let magnitude_at = before(1) == Some("at") && before(2) == Some("magnitude");
    let named_before = measured
        || magnitude_at
        || before(1) == Some("magnitude")
        || (before(2) == Some("magnitude")
            && (first >= 1 && (tokens[first - 1].is_mark(&["-"]) || before(1) == Some("of"))));
    let after = if tokens.get(end).is_some_and(|t| t.is_mark(&["-", "–"])) {
        end + 1
    } else {
        end
    };
    let named_after = matches!(word(after), Some("magnitude" | "richter"))
        || (word(after) == Some("on")
            && word(after + 1) == Some("the")
            && word(after + 2) == Some("richter"));
    let decimal = last.text.contains('.');
    let quake_after = decimal
        && matches!(
            word(after),
            Some("quake" | "earthquake" | "temblor" | "tremor" | "aftershock" | "aftershocks")
        );
    let named_within = figure
        .iter()
        .any(|t| t.kind == Kind::Word && t.lower == "magnitude");
    named_before || named_after || quake_after || named_within
}
