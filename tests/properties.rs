//! Properties of agreement that hold for every value, checked on generated
//! dates, figures and sets of claims: agreement is symmetric, a value
//! agrees with itself, a narrower value agrees with the wider one it lies
//! in (and not with one it lies outside), and `split_sides` places every
//! claim exactly once, on a side whose claims all agree.

use crosscheck::compare::{split_sides, Possible};
use crosscheck::value::number::{Interval, NumberValue, Qualifier};
use crosscheck::value::DateSet;
use jiff::civil::{Date, Weekday};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

fn day() -> impl Strategy<Value = Date> {
    (1900i16..=2100, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
        Date::new(y, m, d)
            .or_else(|_| Date::new(y, m, 28))
            .expect("day 28 exists in every month")
    })
}

fn weekday() -> impl Strategy<Value = Weekday> {
    (1i8..=7).prop_map(|n| Weekday::from_monday_one_offset(n).expect("1..=7 is a weekday"))
}

/// Date sets of every shape the extractor makes: a day, a month, a year, a
/// span of years, a day of a month of any year, a bare weekday, and free
/// combinations of bounds and fields (which may be empty).
fn date_set() -> impl Strategy<Value = DateSet> {
    prop_oneof![
        day().prop_map(DateSet::on),
        (1900i16..=2100, 1i8..=12).prop_map(|(y, m)| DateSet::month_of(y, m).unwrap()),
        (1900i16..=2100).prop_map(|y| DateSet::year(y).unwrap()),
        (1900i16..=2100, 0i16..=20).prop_map(|(y, n)| DateSet::years(y, y + n).unwrap()),
        (1i8..=12, 1i8..=31).prop_map(|(m, d)| DateSet {
            month: Some(m),
            day: Some(d),
            ..DateSet::any()
        }),
        weekday().prop_map(|w| DateSet {
            weekday: Some(w),
            ..DateSet::any()
        }),
        (
            proptest::option::of(day()),
            proptest::option::of(day()),
            proptest::option::of(1i8..=12),
            proptest::option::of(1i8..=31),
            proptest::option::of(weekday()),
        )
            .prop_map(|(lo, hi, month, day, weekday)| DateSet {
                lo,
                hi,
                month,
                day,
                weekday,
            }),
    ]
}

fn number(qualifier: Qualifier, n: f64, upper: Option<f64>) -> NumberValue {
    NumberValue::as_read(qualifier, n, upper, None)
}

/// Figures as the extractor reads them: every qualifier, finite values.
fn number_value() -> impl Strategy<Value = NumberValue> {
    let q = prop_oneof![
        Just(Qualifier::Exact),
        Just(Qualifier::Above),
        Just(Qualifier::AtLeast),
        Just(Qualifier::Below),
        Just(Qualifier::AtMost),
        Just(Qualifier::About),
        Just(Qualifier::Range),
    ];
    (q, -1.0e6f64..1.0e6, 0.0f64..1.0e4).prop_map(|(q, n, width)| {
        let upper = (q == Qualifier::Range).then_some(n + width);
        number(q, n, upper)
    })
}

fn interval() -> impl Strategy<Value = Interval> {
    (number_value(), 0.0f64..=0.5).prop_map(|(n, tolerance)| n.bounds(tolerance))
}

fn possible() -> impl Strategy<Value = Possible> {
    prop_oneof![
        date_set().prop_map(Possible::Date),
        interval().prop_map(Possible::Number),
    ]
}

/// Checks what `split_sides` promises for `items`.
fn check_sides(items: &[Possible]) -> Result<(), TestCaseError> {
    let indexed: Vec<(usize, Possible)> = items.iter().copied().enumerate().collect();
    let (sides, vague) = split_sides(&indexed, |(_, p)| *p);
    let mut seen: Vec<usize> = sides
        .iter()
        .flatten()
        .chain(vague.iter())
        .map(|(i, _)| *i)
        .collect();
    seen.sort_unstable();
    prop_assert_eq!(seen, (0..items.len()).collect::<Vec<_>>());
    for side in &sides {
        prop_assert!(!side.is_empty(), "an empty side");
        for (i, a) in side {
            for (j, b) in side.iter().filter(|(j, _)| j != i) {
                prop_assert!(
                    a.agrees(b),
                    "claims {} and {} share a side but disagree",
                    i,
                    j
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn date_agreement_is_symmetric(a in date_set(), b in date_set()) {
        let (pa, pb) = (Possible::Date(a), Possible::Date(b));
        prop_assert_eq!(pa.agrees(&pb), pb.agrees(&pa));
        prop_assert_eq!(a.intersect(&b).is_empty(), b.intersect(&a).is_empty());
    }

    #[test]
    fn a_date_agrees_with_itself(a in date_set()) {
        prop_assume!(!a.is_empty());
        prop_assert!(Possible::Date(a).agrees(&Possible::Date(a)));
    }

    #[test]
    fn a_day_agrees_with_its_month_year_and_weekday(d in day()) {
        let on = Possible::Date(DateSet::on(d));
        let wider = [
            DateSet::month_of(d.year(), d.month()).unwrap(),
            DateSet::year(d.year()).unwrap(),
            DateSet { month: Some(d.month()), ..DateSet::any() },
            DateSet { month: Some(d.month()), day: Some(d.day()), ..DateSet::any() },
            DateSet { weekday: Some(d.weekday()), ..DateSet::any() },
            DateSet { month: Some(d.month()), weekday: Some(d.weekday()), ..DateSet::any() },
        ];
        for w in wider {
            prop_assert!(on.agrees(&Possible::Date(w)), "{:?} does not agree with {:?}", d, w);
        }
    }

    #[test]
    fn a_day_disagrees_with_other_months(d in day(), shift in 1i8..=11) {
        let other = (d.month() - 1 + shift) % 12 + 1;
        let on = Possible::Date(DateSet::on(d));
        let month = DateSet::month_of(d.year(), other).unwrap();
        let any_year = DateSet { month: Some(other), ..DateSet::any() };
        prop_assert!(!on.agrees(&Possible::Date(month)));
        prop_assert!(!on.agrees(&Possible::Date(any_year)));
        let next_day = Possible::Date(DateSet::on(d.tomorrow().unwrap()));
        prop_assert!(!on.agrees(&next_day));
    }

    #[test]
    fn a_month_agrees_with_its_year_and_any_year(y in 1900i16..=2100, m in 1i8..=12) {
        let month = Possible::Date(DateSet::month_of(y, m).unwrap());
        prop_assert!(month.agrees(&Possible::Date(DateSet::year(y).unwrap())));
        let any_year = Possible::Date(DateSet { month: Some(m), ..DateSet::any() });
        prop_assert!(month.agrees(&any_year));
        prop_assert!(!month.agrees(&Possible::Date(DateSet::year(y + 1).unwrap())));
    }

    #[test]
    fn number_agreement_is_symmetric(a in interval(), b in interval()) {
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
        let (pa, pb) = (Possible::Number(a), Possible::Number(b));
        prop_assert_eq!(pa.agrees(&pb), pb.agrees(&pa));
    }

    #[test]
    fn a_number_agrees_with_itself(a in interval()) {
        prop_assert!(Possible::Number(a).agrees(&Possible::Number(a)));
    }

    #[test]
    fn a_number_in_a_range_agrees_with_it(
        lo in -1.0e6f64..1.0e6,
        width in 0.0f64..1.0e4,
        at in 0.0f64..=1.0,
        outside in 1.0f64..1.0e3,
    ) {
        let hi = lo + width;
        let range = Possible::Number(number(Qualifier::Range, lo, Some(hi)).bounds(0.1));
        let x = (lo + width * at).clamp(lo, hi);
        let exact = |v: f64| Possible::Number(number(Qualifier::Exact, v, None).bounds(0.1));
        prop_assert!(exact(x).agrees(&range), "{} is in {}..{}", x, lo, hi);
        prop_assert!(!exact(hi + outside).agrees(&range));
        prop_assert!(!exact(lo - outside).agrees(&range));
    }

    #[test]
    fn over_and_under_are_open(n in -1.0e6f64..1.0e6, d in 1.0f64..1.0e3) {
        let exact = |v: f64| Possible::Number(number(Qualifier::Exact, v, None).bounds(0.1));
        let above = Possible::Number(number(Qualifier::Above, n, None).bounds(0.1));
        let below = Possible::Number(number(Qualifier::Below, n, None).bounds(0.1));
        prop_assert!(exact(n + d).agrees(&above));
        prop_assert!(!exact(n).agrees(&above));
        prop_assert!(exact(n - d).agrees(&below));
        prop_assert!(!exact(n).agrees(&below));
        prop_assert!(!above.agrees(&below));
    }

    #[test]
    fn split_sides_places_each_date_once_on_an_agreeing_side(
        items in proptest::collection::vec(date_set(), 0..8),
    ) {
        let items: Vec<Possible> = items.into_iter().map(Possible::Date).collect();
        check_sides(&items)?;
    }

    #[test]
    fn split_sides_places_each_number_once_on_an_agreeing_side(
        items in proptest::collection::vec(interval(), 0..8),
    ) {
        let items: Vec<Possible> = items.into_iter().map(Possible::Number).collect();
        check_sides(&items)?;
    }

    #[test]
    fn split_sides_handles_mixed_values(items in proptest::collection::vec(possible(), 0..6)) {
        check_sides(&items)?;
    }
}
