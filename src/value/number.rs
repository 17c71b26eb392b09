//! Numbers as intervals: "over 130" is (130, inf), "around 15,000" is
//! 15,000 give or take a tolerance the rule sets, "between 130 and 140" is
//! [130, 140].

use serde::Serialize;

/// How a number was qualified in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    /// over, more than
    Above,
    /// at least
    AtLeast,
    /// under, fewer than
    Below,
    /// up to, at most
    AtMost,
    /// around, about, nearly, some, an estimated
    About,
    /// between N and M, N-M
    Range,
}

/// A number claim's value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NumberValue {
    pub qualifier: Qualifier,
    /// The number written (the lower end for a range).
    pub number: f64,
    /// The upper end of a range.
    pub upper: Option<f64>,
    /// Unit or currency, normalised ("%", "USD", "km"), if any.
    pub unit: Option<String>,
    /// The counted noun phrase with its event ("people killed"), if any.
    pub counted: Option<String>,
    /// What is counted, as written and lower-cased ("people", "soldiers").
    #[serde(skip)]
    pub noun: Option<String>,
    /// The event the count belongs to ("killed", "injured"), if one is near.
    #[serde(skip)]
    pub event: Option<String>,
    /// Byte range of the words around the figure that may name its event.
    #[serde(skip)]
    pub clause: Option<std::ops::Range<usize>>,
    /// The figure a change started from ("rose from 137 to 143"): no longer
    /// the figure the report gives.
    #[serde(skip)]
    pub previous: bool,
    /// Why the figure counts nothing a count rule wants, when its words say
    /// so: "an age" ("died at 77"), "a part of a count" ("two of the
    /// dead"), "a score" ("31-24"), "a compound word" ("a 43-yarder").
    #[serde(skip)]
    pub not_a_count: Option<&'static str>,
}

impl NumberValue {
    /// A figure as read, before anything is known of what it counts.
    pub fn as_read(
        qualifier: Qualifier,
        number: f64,
        upper: Option<f64>,
        unit: Option<String>,
    ) -> NumberValue {
        NumberValue {
            qualifier,
            number,
            upper,
            unit,
            counted: None,
            noun: None,
            event: None,
            clause: None,
            previous: false,
            not_a_count: None,
        }
    }

    /// `N`, `>N`, `>=N`, `<N`, `<=N`, `~N` or `N..M`, plain decimals.
    pub fn notation(&self) -> String {
        let n = plain(self.number);
        match self.qualifier {
            Qualifier::Exact => n,
            Qualifier::Above => format!(">{n}"),
            Qualifier::AtLeast => format!(">={n}"),
            Qualifier::Below => format!("<{n}"),
            Qualifier::AtMost => format!("<={n}"),
            Qualifier::About => format!("~{n}"),
            Qualifier::Range => format!("{n}..{}", plain(self.upper.unwrap_or(self.number))),
        }
    }

    /// The interval of values the claim allows: (low, low inclusive, high,
    /// high inclusive). `tolerance` widens "about" claims (0.1 = 10%).
    pub fn bounds(&self, tolerance: f64) -> Interval {
        let n = self.number;
        match self.qualifier {
            Qualifier::Exact => Interval::closed(n, n),
            Qualifier::Above => Interval {
                lo: n,
                lo_closed: false,
                hi: f64::INFINITY,
                hi_closed: false,
            },
            Qualifier::AtLeast => Interval::closed(n, f64::INFINITY),
            Qualifier::Below => Interval {
                lo: f64::NEG_INFINITY,
                lo_closed: false,
                hi: n,
                hi_closed: false,
            },
            Qualifier::AtMost => Interval::closed(f64::NEG_INFINITY, n),
            Qualifier::About => {
                let slack = n.abs() * tolerance;
                Interval::closed(n - slack, n + slack)
            }
            Qualifier::Range => Interval::closed(n, self.upper.unwrap_or(n)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub lo_closed: bool,
    pub hi: f64,
    pub hi_closed: bool,
}

impl Interval {
    pub fn closed(lo: f64, hi: f64) -> Interval {
        Interval {
            lo,
            lo_closed: true,
            hi,
            hi_closed: true,
        }
    }

    /// True when some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let (lo, lo_closed) = if self.lo > other.lo {
            (self.lo, self.lo_closed)
        } else if other.lo > self.lo {
            (other.lo, other.lo_closed)
        } else {
            (self.lo, self.lo_closed && other.lo_closed)
        };
        let (hi, hi_closed) = if self.hi < other.hi {
            (self.hi, self.hi_closed)
        } else if other.hi < self.hi {
            (other.hi, other.hi_closed)
        } else {
            (self.hi, self.hi_closed && other.hi_closed)
        };
        lo < hi || (lo == hi && lo_closed && hi_closed)
    }
}

/// What a unit measures and how many base units one of it is, for units
/// that convert ("1.6 miles" is 2574.95 metres). `None`: the unit compares
/// only with itself.
pub fn unit_scale(unit: &str) -> Option<(&'static str, f64)> {
    Some(match unit {
        "m" => ("length", 1.0),
        "km" => ("length", 1000.0),
        "cm" => ("length", 0.01),
        "mm" => ("length", 0.001),
        "mi" => ("length", 1609.344),
        "yd" => ("length", 0.9144),
        "ft" => ("length", 0.3048),
        "in" => ("length", 0.0254),
        "nmi" => ("length", 1852.0),
        "kg" => ("mass", 1.0),
        "g" => ("mass", 0.001),
        "mg" => ("mass", 1e-6),
        "t" => ("mass", 1000.0),
        "lb" => ("mass", 0.453_592_37),
        "m2" => ("area", 1.0),
        "km2" => ("area", 1e6),
        "ha" => ("area", 1e4),
        "acre" => ("area", 4_046.856_422_4),
        "mi2" => ("area", 2_589_988.110_336),
        "l" => ("volume", 1.0),
        "ml" => ("volume", 0.001),
        "gal" => ("volume", 3.785_411_784),
        "s" => ("time", 1.0),
        "min" => ("time", 60.0),
        "h" => ("time", 3600.0),
        "day" => ("time", 86_400.0),
        "week" => ("time", 604_800.0),
        "month" => ("time", 2_629_800.0),
        "year" => ("time", 31_557_600.0),
        "decade" => ("time", 315_576_000.0),
        _ => return None,
    })
}

/// Every unit the extractor writes, for validating rule files.
pub const KNOWN_UNITS: &[&str] = &[
    "%",
    "pp",
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "INR",
    "AUD",
    "CAD",
    "HKD",
    "CNY",
    "m",
    "km",
    "cm",
    "mm",
    "mi",
    "yd",
    "ft",
    "in",
    "nmi",
    "kg",
    "g",
    "mg",
    "t",
    "ton",
    "lb",
    "m2",
    "km2",
    "ha",
    "acre",
    "mi2",
    "l",
    "ml",
    "gal",
    "s",
    "min",
    "h",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "°C",
    "°F",
    "K",
    "magnitude",
];

pub fn is_known_unit(unit: &str) -> bool {
    KNOWN_UNITS.contains(&unit)
}

/// The factor that turns an amount in `from` into one in `to`, when the
/// two measure the same thing; 1 when they are the same unit.
pub fn conversion(from: &str, to: &str) -> Option<f64> {
    if from == to {
        return Some(1.0);
    }
    let (what_from, from_scale) = unit_scale(from)?;
    let (what_to, to_scale) = unit_scale(to)?;
    (what_from == what_to).then_some(from_scale / to_scale)
}

impl Interval {
    /// The interval with both ends multiplied by a positive `factor`.
    pub fn scaled(&self, factor: f64) -> Interval {
        Interval {
            lo: self.lo * factor,
            hi: self.hi * factor,
            ..*self
        }
    }
}

/// A plain decimal without separators or exponent noise: 15000, 1.5, 0.25.
pub fn plain(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n}");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(q: Qualifier, n: f64) -> NumberValue {
        NumberValue::as_read(q, n, None, None)
    }

    #[test]
    fn over_130_agrees_with_137_not_120_or_130() {
        let over = num(Qualifier::Above, 130.0).bounds(0.1);
        assert!(over.overlaps(&num(Qualifier::Exact, 137.0).bounds(0.1)));
        assert!(!over.overlaps(&num(Qualifier::Exact, 120.0).bounds(0.1)));
        assert!(!over.overlaps(&num(Qualifier::Exact, 130.0).bounds(0.1)));
        assert!(num(Qualifier::AtLeast, 130.0)
            .bounds(0.1)
            .overlaps(&num(Qualifier::Exact, 130.0).bounds(0.1)));
    }

    #[test]
    fn around_15000_agrees_with_14453_at_ten_percent() {
        let around = num(Qualifier::About, 15000.0).bounds(0.1);
        assert!(around.overlaps(&num(Qualifier::Exact, 14453.0).bounds(0.1)));
        assert!(!around.overlaps(&num(Qualifier::Exact, 12000.0).bounds(0.1)));
    }

    #[test]
    fn a_mile_and_a_half_is_about_two_and_a_half_km() {
        let miles = num(Qualifier::Exact, 1.6)
            .bounds(0.1)
            .scaled(conversion("mi", "km").unwrap());
        let km = num(Qualifier::About, 2.6).bounds(0.05);
        assert!(miles.overlaps(&km));
        assert!(conversion("km", "kg").is_none());
        assert_eq!(conversion("people", "people"), Some(1.0));
    }

    #[test]
    fn huge_and_tiny_numbers_print_without_panicking() {
        assert!(plain(1e300).len() > 100);
        assert_eq!(plain(2.5e-5), "0.000025");
        assert_eq!(plain(-99.99), "-99.99");
    }

    #[test]
    fn notation_is_plain() {
        assert_eq!(num(Qualifier::Above, 130.0).notation(), ">130");
        assert_eq!(num(Qualifier::About, 15000.0).notation(), "~15000");
        assert_eq!(num(Qualifier::Exact, 1.5).notation(), "1.5");
    }
}
