//! The words and marks that qualify a figure ("more than", "at least",
//! "about", "≥"), and the bound each makes of it.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::fnv::WordBuild;
use crate::value::number::Qualifier;

/// A qualifying phrase in words, and what it says of the figure.
type Phrase = (Vec<&'static str>, Qualifier);

/// Words and marks that qualify a figure, longest first so that "less
/// than or equal to" wins over "less than". Indexed by first word: a
/// reader tries the qualifiers at every word, and only those that start
/// with that word can match there.
pub(super) static QUALIFIERS: LazyLock<HashMap<&'static str, Vec<Phrase>, WordBuild>> =
    LazyLock::new(|| {
        use Qualifier::*;
        let table: &[(&str, Qualifier)] = &[
            ("greater than or equal to", AtLeast),
            ("more than or equal to", AtLeast),
            ("greater or equal than", AtLeast),
            ("bigger or equal than", AtLeast),
            ("higher or equal than", AtLeast),
            ("larger or equal than", AtLeast),
            ("equal to or more than", AtLeast),
            ("equal to or greater than", AtLeast),
            ("at least or equal to", AtLeast),
            ("at least", AtLeast),
            ("no less than", AtLeast),
            ("no fewer than", AtLeast),
            ("not less than", AtLeast),
            ("a minimum of", AtLeast),
            ("> =", AtLeast),
            (">=", AtLeast),
            ("≥", AtLeast),
            ("less than or equal to", AtMost),
            ("fewer than or equal to", AtMost),
            ("smaller or equal than", AtMost),
            ("less or equal than", AtMost),
            ("lower or equal than", AtMost),
            ("equal to or less than", AtMost),
            ("equal to or fewer than", AtMost),
            ("up to", AtMost),
            ("at most", AtMost),
            ("no more than", AtMost),
            ("not more than", AtMost),
            ("a maximum of", AtMost),
            ("as many as", AtMost),
            ("< =", AtMost),
            ("<=", AtMost),
            ("≤", AtMost),
            ("just over", Above),
            ("more than", Above),
            ("greater than", Above),
            ("larger than", Above),
            ("bigger than", Above),
            ("higher than", Above),
            ("in excess of", Above),
            ("upwards of", Above),
            ("over", Above),
            ("above", Above),
            ("exceeding", Above),
            ("exceeds", Above),
            ("exceeded", Above),
            ("exceed", Above),
            ("surpassing", Above),
            ("surpass", Above),
            (">", Above),
            ("just under", Below),
            ("fewer than", Below),
            ("less than", Below),
            ("lower than", Below),
            ("smaller than", Below),
            ("under", Below),
            ("below", Below),
            ("<", Below),
            ("an estimated", About),
            ("estimated", About),
            ("around", About),
            ("about", About),
            ("nearly", About),
            ("almost", About),
            ("some", About),
            ("roughly", About),
            ("approximately", About),
            ("approx", About),
            ("close to", About),
            ("circa", About),
            ("~", About),
            ("≈", About),
            ("equal to", Exact),
            ("equals to", Exact),
            ("equaling to", Exact),
            ("equals", Exact),
            ("exactly", Exact),
            ("precisely", Exact),
        ];
        let mut out: Vec<(Vec<&str>, Qualifier)> = table
            .iter()
            .map(|(p, q)| (p.split(' ').collect(), *q))
            .collect();
        out.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        // The order within one first word stays: longest first.
        let mut by_first: HashMap<&str, Vec<Phrase>, WordBuild> = HashMap::default();
        for (words, q) in out {
            by_first.entry(words[0]).or_default().push((words, q));
        }
        by_first
    });

#[cfg(test)]
mod tests {
    use super::*;

    /// `LEAD` counts five words for the longest qualifier.
    #[test]
    fn no_qualifier_is_longer_than_lead_allows() {
        let longest = QUALIFIERS
            .values()
            .flatten()
            .map(|(words, _)| words.len())
            .max();
        assert_eq!(longest, Some(5));
    }
}
