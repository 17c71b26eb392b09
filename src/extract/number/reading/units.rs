//! Units after a figure ("km", "per cent", "-meter", "10kg") and
//! currencies around it ("$", "US$", "10€").

use std::sync::LazyLock;

use super::{Reader, MINUS};
use crate::extract::number::token::Kind;

/// Units written after a figure, as (words, normalised unit). Words are
/// matched lower-cased; the single letters only when glued to the figure.
/// [`UNITS`] split into words, once.
static UNIT_WORDS: LazyLock<Vec<(Vec<&'static str>, &'static str)>> = LazyLock::new(|| {
    UNITS
        .iter()
        .map(|(words, unit)| (words.split(' ').collect(), *unit))
        .collect()
});

const UNITS: &[(&str, &str)] = &[
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("square kilometre", "km2"),
    ("square kilometer", "km2"),
    ("sq km", "km2"),
    ("km2", "km2"),
    ("km ²", "km2"),
    ("square miles", "mi2"),
    ("square mile", "mi2"),
    ("sq mi", "mi2"),
    ("nautical miles", "nmi"),
    ("nautical mile", "nmi"),
    ("percentage points", "pp"),
    ("percentage point", "pp"),
    ("per cent", "%"),
    ("percent", "%"),
    ("percents", "%"),
    ("percentage", "%"),
    ("pct", "%"),
    ("%", "%"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("kms", "km"),
    ("km", "km"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("cm", "cm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("mm", "mm"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("mi", "mi"),
    ("yards", "yd"),
    ("yard", "yd"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("inches", "in"),
    ("inch", "in"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("kg", "kg"),
    ("kgs", "kg"),
    ("grams", "g"),
    ("milligrams", "mg"),
    ("mg", "mg"),
    ("° c", "°C"),
    ("° f", "°F"),
    ("º c", "°C"),
    ("º f", "°F"),
    ("degrees celsius", "°C"),
    ("degrees fahrenheit", "°F"),
    ("gram", "g"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "ton"),
    ("ton", "ton"),
    ("pounds", "lb"),
    ("pound", "lb"),
    ("lbs", "lb"),
    ("lb", "lb"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("ha", "ha"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("litres", "l"),
    ("liters", "l"),
    ("litre", "l"),
    ("liter", "l"),
    ("millilitres", "ml"),
    ("milliliters", "ml"),
    ("ml", "ml"),
    ("gallons", "gal"),
    ("gallon", "gal"),
    ("seconds", "s"),
    ("minutes", "min"),
    ("hours", "h"),
    ("hour", "h"),
    ("days", "day"),
    ("day", "day"),
    ("weeks", "week"),
    ("week", "week"),
    ("months", "month"),
    ("month", "month"),
    ("years", "year"),
    ("decades", "decade"),
    ("decade", "decade"),
    ("year", "year"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yuan", "CNY"),
    ("yen", "JPY"),
    ("rupees", "INR"),
];

/// Units that are a single short word and read as one only glued to the
/// figure ("10m", "4in", "3L"), since spaced they are ordinary words.
const GLUED_UNITS: &[(&str, &str)] = &[
    ("m", "m"),
    ("in", "in"),
    ("g", "g"),
    ("l", "l"),
    ("s", "s"),
    ("t", "t"),
    ("h", "h"),
    ("K", "K"),
    ("C", "°C"),
    ("F", "°F"),
    ("min", "min"),
    ("yd", "yd"),
    ("mins", "min"),
    ("hrs", "h"),
    ("yrs", "year"),
];

impl Reader<'_, '_> {
    /// "$", "US$", "£", "€" before a figure.
    pub(super) fn currency_before(&self, j: usize) -> Option<(&'static str, usize)> {
        let t = self.tokens.get(j)?;
        let (code, next) = match (t.kind, t.text) {
            (Kind::Mark, "$" | "£" | "€" | "¥" | "₹") => (currency_code(t.text), j + 1),
            (Kind::Word, "US" | "A" | "C" | "HK") if self.is_mark(j + 1, &["$"]) => {
                if !self.touch(j, j + 1) {
                    return None;
                }
                let code = match t.text {
                    "US" => "USD",
                    "A" => "AUD",
                    "C" => "CAD",
                    _ => "HKD",
                };
                (code, j + 2)
            }
            _ => return None,
        };
        let after = self.tokens.get(next)?;
        let leads_to_figure = after.kind == Kind::Numeral
            || after.is_mark(MINUS)
            || (after.kind == Kind::Word && self.word_figure(next).is_some());
        leads_to_figure.then_some((code, next))
    }

    /// "km", "miles", "%", "-meter" after a figure.
    pub(super) fn unit_after(&self, k: usize) -> Option<(&'static str, usize)> {
        let glued = self.touch(k.checked_sub(1)?, k);
        // "16-meter", "27-kilometre": a compound adjective.
        let (start, hyphen) = if self.is_mark(k, &["-"]) && glued && self.touch(k, k + 1) {
            (k + 1, true)
        } else {
            (k, false)
        };
        for (parts, unit) in UNIT_WORDS.iter() {
            if let Some(end) = self.phrase(start, parts) {
                if hyphen && parts.len() > 1 {
                    continue;
                }
                if *unit == "%" && hyphen {
                    continue;
                }
                return Some((unit, end));
            }
        }
        // "278,000 t": a lone lower-case t after a figure is tonnes.
        if !hyphen && self.tokens.get(k).is_some_and(|t| t.text == "t") && !self.touch(k, k + 1) {
            return Some(("t", k + 1));
        }
        if glued && !hyphen {
            let t = self.tokens.get(k)?;
            if t.kind == Kind::Word {
                let found = GLUED_UNITS
                    .iter()
                    .find(|(w, _)| *w == t.lower || *w == t.text);
                if let Some((_, unit)) = found {
                    return Some((unit, k + 1));
                }
            }
        }
        None
    }
}

pub(super) fn currency_code(mark: &str) -> &'static str {
    match mark {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        _ => "INR",
    }
}
